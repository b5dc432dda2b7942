//! Byte offsets ↔ editor positions. Editors (LSP, and the browser's
//! JavaScript strings) count columns in UTF-16 code units; kaohe counts bytes.
//! A position past the end of its line is the line's end, a line past the
//! end is the text's end: a client's stale or wrong position is answered, not
//! refused.

/// Line starts of one text.
#[derive(Debug, Clone)]
pub struct Lines {
    /// Byte offset of each line's first character.
    starts: Vec<usize>,
    /// The same, in UTF-16 code units from the text's start (JavaScript's
    /// string offsets).
    starts16: Vec<usize>,
    text: String,
}

/// A 0-based line and UTF-16 column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let (mut starts, mut starts16) = (vec![0], vec![0]);
        let mut units = 0usize;
        for (i, c) in text.char_indices() {
            units += c.len_utf16();
            if c == '\n' {
                starts.push(i + 1);
                starts16.push(units);
            }
        }
        Lines {
            starts,
            starts16,
            text: text.to_string(),
        }
    }

    /// The bytes of line `line` without its line break.
    fn line(&self, line: usize) -> (usize, &str) {
        let start = self.starts.get(line).copied().unwrap_or(self.text.len());
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        let text = self.text.get(start..end.max(start)).unwrap_or("");
        (start, text.strip_suffix('\r').unwrap_or(text))
    }

    /// The position of byte `offset` (clamped to the text, rounded down to a
    /// character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1);
        let (start, text) = self.line(line);
        let upto = offset.saturating_sub(start).min(text.len());
        let column = text
            .get(..upto)
            .map_or(0, |s| s.chars().fold(0, |n, c| n + c.len_utf16()));
        Position {
            line: line as u32,
            column: column as u32,
        }
    }

    /// The byte offset of a position, clamped to its line and to the text.
    pub fn offset(&self, at: Position) -> usize {
        let line = at.line as usize;
        if line >= self.starts.len() {
            return self.text.len();
        }
        let (start, text) = self.line(line);
        let mut units = 0usize;
        for (i, c) in text.char_indices() {
            if units >= at.column as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + text.len()
    }

    /// Byte `offset` as a UTF-16 offset from the text's start.
    pub fn utf16(&self, offset: usize) -> usize {
        let p = self.position(offset);
        self.starts16.get(p.line as usize).copied().unwrap_or(0) + p.column as usize
    }

    /// A UTF-16 offset from the text's start as a byte offset (clamped).
    pub fn from_utf16(&self, units: usize) -> usize {
        let line = self
            .starts16
            .partition_point(|s| *s <= units)
            .saturating_sub(1);
        let start = self.starts16.get(line).copied().unwrap_or(0);
        self.offset(Position {
            line: line as u32,
            column: units.saturating_sub(start) as u32,
        })
    }

    /// Number of lines (a final line break starts an empty one).
    pub fn count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_round_trip() {
        let text = "计分 {\r\n  a𝒳b 1\n}";
        let l = Lines::new(text);
        let b = text.find('b').unwrap_or(0);
        let p = l.position(b);
        assert_eq!(p, Position { line: 1, column: 5 });
        assert_eq!(l.offset(p), b);
        // Past the line's end: the end of the line, before "\r\n".
        let end = l.offset(Position {
            line: 0,
            column: 99,
        });
        assert_eq!(text.get(end..end + 1), Some("\r"));
        assert_eq!(l.offset(Position { line: 9, column: 0 }), text.len());
        assert_eq!(l.position(text.len()), Position { line: 2, column: 1 });
        // Offsets as JavaScript counts them: 𝒳 is two units.
        assert_eq!(
            l.utf16(b),
            text.get(..b).unwrap_or("").encode_utf16().count()
        );
        assert_eq!(l.from_utf16(l.utf16(b)), b);
    }
}
