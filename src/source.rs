//! Source text and spans. A span is a byte range into one source; line and
//! column are computed only when a diagnostic is rendered, and the column counts
//! characters (not bytes) because drafters read it.

use std::fmt;

/// A byte range `start..end` into one source text. (AST nodes hold theirs
/// as an [`crate::ast::Loc`], whose equality ignores the position.)
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span moved `by` bytes later (a part parsed on its own, §7.28).
    pub fn shifted(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// Position key for stable sorting of findings.
    pub fn key(self) -> (usize, usize) {
        (self.start, self.end)
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// One file's text and the name it is shown under (as the user gave it).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The text a span covers ("" when the span is out of range).
    pub fn slice(&self, span: impl Into<Span>) -> &str {
        let span = span.into();
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// 1-based line and 1-based character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }
}

/// 1-based line and character column of `offset` in `text`; an offset inside a
/// character counts as that character, one past the end as the next column.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or_else(|| {
        let mut o = offset;
        while !text.is_char_boundary(o) {
            o -= 1;
        }
        text.get(..o).unwrap_or("")
    });
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// Lines and character columns of one text, found in logarithmic time: the
/// start of every line, and within long lines a mark every [`LineIndex::STEP`]
/// bytes, so that a finding deep in a one-line JSON export costs no more than
/// one near the top. Built once per file that has findings to show.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// `(byte offset, 0-based line, 0-based character column)`, in order;
    /// every offset is a character boundary.
    marks: Vec<(usize, usize, usize)>,
    len: usize,
}

impl LineIndex {
    /// Bytes between marks within a line.
    const STEP: usize = 4096;

    pub fn new(text: &str) -> LineIndex {
        let mut marks = vec![(0, 0, 0)];
        let (mut line, mut col, mut last) = (0, 0, 0);
        for (i, c) in text.char_indices() {
            if i - last >= Self::STEP {
                marks.push((i, line, col));
                last = i;
            }
            if c == '\n' {
                line += 1;
                col = 0;
                marks.push((i + 1, line, 0));
                last = i + 1;
            } else {
                col += 1;
            }
        }
        LineIndex {
            marks,
            len: text.len(),
        }
    }

    /// 0-based line and character column of byte `offset` in `text` (the
    /// text the index was built from), as [`line_col`] counts them.
    pub fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.len);
        let at = self.marks.partition_point(|m| m.0 <= offset);
        let (start, line, col) = self
            .marks
            .get(at.wrapping_sub(1))
            .copied()
            .unwrap_or((0, 0, 0));
        let mut end = offset;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let extra = text.get(start..end).map_or(0, |s| s.chars().count());
        (line, col + extra)
    }

    /// 1-based line and character column of byte `offset`, as findings show them.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let (line, col) = self.locate(text, offset);
        (line + 1, col + 1)
    }

    /// The byte range of 0-based line `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start_at = self.marks.partition_point(|m| m.1 < line);
        let start = self.marks.get(start_at).map_or(self.len, |m| m.0);
        let next = self.marks.partition_point(|m| m.1 <= line);
        let end = self
            .marks
            .get(next)
            .map_or(self.len, |m| m.0.saturating_sub(1));
        let end = end.max(start);
        let end = if text.get(start..end).is_some_and(|s| s.ends_with('\r')) {
            end - 1
        } else {
            end
        };
        start..end
    }

    /// How many lines the text has (a final line break starts an empty one).
    pub fn lines(&self) -> usize {
        self.marks.last().map_or(1, |m| m.1 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "考核办法 \"x\"\n  不含 中心办公室\n";
        let offset = text.find("中心").unwrap_or(0);
        assert_eq!(line_col(text, offset), (2, 6));
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, text.len()), (3, 1));
    }

    #[test]
    fn the_index_agrees_with_counting() {
        let long = format!("甲{}乙\n", "x".repeat(10_000));
        let text = format!("考核 \"x\"\r\n{long}  丙 丁\n\n末");
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() {
            assert_eq!(
                index.line_col(&text, offset),
                line_col(&text, offset),
                "{offset}"
            );
        }
        assert_eq!(index.lines(), 5);
        assert_eq!(&text[index.line_range(&text, 0)], "考核 \"x\"");
        assert_eq!(&text[index.line_range(&text, 1)], long.trim_end());
        assert_eq!(&text[index.line_range(&text, 3)], "");
        assert_eq!(&text[index.line_range(&text, 4)], "末");
    }

    #[test]
    fn spans_compare_by_position() {
        assert_ne!(Span::new(1, 2), Span::new(5, 9));
        assert_eq!(Span::new(1, 2).to(Span::new(5, 9)), Span::new(1, 9));
    }
}
