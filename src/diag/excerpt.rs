//! What a finding shows of its file: the lines its spans touch, a line of
//! context on each side, each long line clipped to windows around the spans
//! (`… x": 99, "y …`). A one-line JSON export of 10 MB with a bad score shows a
//! hundred characters of it, and miette never sees a line long enough to
//! overflow its layout. The excerpt keeps the file's line numbers, and the
//! header's line:column are computed on the whole file, so they stay exact.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::{LineIndex, Span};

/// Lines up to this many characters are shown whole (every ordinary policy
/// and pretty-printed data file).
const WHOLE_LINE: usize = 240;
/// Characters shown on each side of a span in a clipped line.
const AROUND: usize = 40;
/// At most this many characters of one span are shown in a clipped line.
const SPAN_SHOWN: usize = 120;
/// A span over more lines than this is shown by its first line only.
const MOST_LINES: usize = 24;
/// Spans at most this many lines apart are shown in one piece, with the
/// lines between them (as miette shows a whole file); further apart, each
/// with its own line of context.
const ONE_PIECE: usize = 40;
/// What stands for the text left out.
const GAP: &str = " … ";

/// One window of an original line, as the excerpt shows it.
#[derive(Debug, Clone, Copy)]
struct Window {
    /// Bytes of the original text.
    from: usize,
    to: usize,
    /// Where it starts in the excerpt.
    at: usize,
}

/// The excerpt of one finding, as miette reads it.
pub(super) struct Excerpt<'a> {
    name: &'a str,
    file: &'a str,
    index: &'a LineIndex,
    text: String,
    /// The file's 0-based line of the excerpt's first line.
    first_line: usize,
    /// Every window shown, in order.
    windows: Vec<Window>,
    /// The spans are shown in one piece.
    one_piece: bool,
}

impl<'a> Excerpt<'a> {
    /// The excerpt showing `spans`, and those spans in its coordinates.
    pub fn new(
        name: &'a str,
        file: &'a str,
        index: &'a LineIndex,
        spans: &[Span],
    ) -> (Excerpt<'a>, Vec<Range<usize>>) {
        let spans: Vec<Range<usize>> = spans
            .iter()
            .map(|s| shortened(file, index, s.start.min(file.len())..s.end.min(file.len())))
            .collect();
        let lines_of =
            |r: &Range<usize>| (index.locate(file, r.start).0, index.locate(file, r.end).0);
        let first = spans
            .iter()
            .map(|r| lines_of(r).0.saturating_sub(1))
            .min()
            .unwrap_or(0);
        let last = spans
            .iter()
            .map(|r| (lines_of(r).1 + 1).min(index.lines().saturating_sub(1)))
            .max()
            .unwrap_or(0);
        let one_piece = last - first <= ONE_PIECE;
        let shown = |line: usize| {
            one_piece
                || spans.iter().any(|r| {
                    let (a, b) = lines_of(r);
                    line + 1 >= a && line <= b + 1
                })
        };
        let mut x = Excerpt {
            name,
            file,
            index,
            text: String::new(),
            first_line: first,
            windows: Vec::new(),
            one_piece,
        };
        for line in first..=last {
            if line > first {
                x.text.push('\n');
            }
            if shown(line) {
                x.line(index.line_range(file, line), &spans);
            }
        }
        if last + 1 < index.lines() {
            // The file goes on: its last line shown ends as in the file.
            x.text.push('\n');
        }
        let mapped = spans
            .iter()
            .map(|r| x.to_excerpt(r.start)..x.to_excerpt(r.end).max(x.to_excerpt(r.start)))
            .collect();
        (x, mapped)
    }

    /// Adds one line of the file: whole, or its windows around `spans`.
    fn line(&mut self, line: Range<usize>, spans: &[Range<usize>]) {
        let text = self.file.get(line.clone()).unwrap_or("");
        // Counting stops past the limit: one finding on a one-line export of
        // megabytes must not cost the line (10⁶ findings made it quadratic).
        if text.chars().nth(WHOLE_LINE).is_none() {
            self.window(line.start, line.end);
            return;
        }
        let mut wanted: Vec<Range<usize>> = spans
            .iter()
            .filter(|r| r.start <= line.end && r.end >= line.start)
            .map(|r| {
                let from = r.start.max(line.start);
                let to = r
                    .end
                    .min(line.end)
                    .min(chars_after(self.file, from, SPAN_SHOWN));
                chars_before(self.file, from, AROUND).max(line.start)
                    ..chars_after(self.file, to, AROUND).min(line.end)
            })
            .collect();
        if wanted.is_empty() {
            wanted.push(line.start..chars_after(self.file, line.start, 2 * AROUND));
        }
        wanted.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in wanted {
            match merged.last_mut() {
                Some(m) if r.start <= m.end => m.end = m.end.max(r.end),
                _ => merged.push(r),
            }
        }
        let mut at = line.start;
        for r in merged {
            if r.start > at {
                self.text
                    .push_str(if at == line.start { "… " } else { GAP });
            }
            self.window(r.start, r.end);
            at = r.end;
        }
        if at < line.end {
            self.text.push_str(" …");
        }
    }

    fn window(&mut self, from: usize, to: usize) {
        self.windows.push(Window {
            from,
            to,
            at: self.text.len(),
        });
        self.text.push_str(self.file.get(from..to).unwrap_or(""));
    }

    /// Where byte `offset` of the file stands in the excerpt (the end of the
    /// nearest window before it when it was left out).
    fn to_excerpt(&self, offset: usize) -> usize {
        let i = self.windows.partition_point(|w| w.from <= offset);
        match self.windows.get(i.wrapping_sub(1)) {
            Some(w) => w.at + offset.min(w.to) - w.from,
            None => 0,
        }
    }

    /// The file's byte offset of excerpt offset `at`.
    fn to_file(&self, at: usize) -> usize {
        let i = self.windows.partition_point(|w| w.at <= at);
        match self.windows.get(i.wrapping_sub(1)) {
            Some(w) => (w.from + (at - w.at)).min(w.to),
            None => 0,
        }
    }
}

impl SourceCode for Excerpt<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        // Columns count characters of the file (miette's own count bytes of
        // the excerpt): the header then agrees with what an editor shows.
        let (_, column) = self.index.locate(self.file, self.to_file(span.offset()));
        // miette puts two spans in one piece when the first's line plus its
        // line count reaches the second's; its count runs from the top of the
        // text, which the excerpt's does not: counted from the top of the
        // file, spans shown in one piece are joined as before.
        let line_count = if self.one_piece {
            self.first_line + inner.line_count()
        } else {
            inner.line_count()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            self.first_line + inner.line(),
            column,
            line_count,
        )))
    }
}

/// A span over many lines shortened to the end of its first line.
fn shortened(file: &str, index: &LineIndex, r: Range<usize>) -> Range<usize> {
    let (a, _) = index.locate(file, r.start);
    let (b, _) = index.locate(file, r.end);
    if b > a + MOST_LINES {
        r.start..index.line_range(file, a).end.max(r.start)
    } else {
        r
    }
}

/// The offset `n` characters before `offset` (or the start).
fn chars_before(text: &str, offset: usize, n: usize) -> usize {
    text.get(..offset)
        .and_then(|s| s.char_indices().rev().nth(n.saturating_sub(1)))
        .map_or(0, |(i, _)| i)
}

/// The offset `n` characters after `offset` (or the end).
fn chars_after(text: &str, offset: usize, n: usize) -> usize {
    text.get(offset..)
        .and_then(|s| s.char_indices().nth(n))
        .map_or(text.len(), |(i, _)| offset + i)
}
