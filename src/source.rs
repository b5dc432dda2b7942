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
    fn spans_compare_by_position() {
        assert_ne!(Span::new(1, 2), Span::new(5, 9));
        assert_eq!(Span::new(1, 2).to(Span::new(5, 9)), Span::new(1, 9));
    }
}
