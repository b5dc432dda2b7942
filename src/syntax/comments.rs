//! The `//` comments of a source, with their places. The grammar skips
//! comments, so the AST has none; the formatter finds them here and puts each
//! back beside the statement it was written with (`format/layout.rs`), and
//! lowering and compiling use them to leave comments out of statements' spans
//! and quoted text.
//!
//! Scanning is lexical and only run on a file that parsed: outside comments,
//! `"` `“` `【` `「` and `` ` `` only ever open a string, a citation or a
//! quoted name, so a `//` inside one of those is text, never a comment.

/// The grammar's WHITESPACE: what may stand between tokens on a line.
pub(crate) const SPACES: [char; 4] = [' ', '\t', '\u{3000}', '\u{FEFF}'];

/// One comment: `//` up to the end of its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Comment {
    /// Byte offset of `//`.
    pub start: usize,
    /// Byte offset just after the comment's last character.
    pub end: usize,
    /// From `//` to the end of the line, trailing [`SPACES`] removed.
    pub text: String,
    /// Nothing but spaces before it on its line.
    pub own_line: bool,
}

/// Every comment of `text`, in order.
pub(crate) fn scan(text: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut code_on_line = false;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let closing = match c {
            '\n' | '\r' => {
                code_on_line = false;
                continue;
            }
            '/' if it.peek().is_some_and(|&(_, n)| n == '/') => {
                let rest = text.get(i..).unwrap_or("");
                let len = rest.find(['\n', '\r']).unwrap_or(rest.len());
                let raw = rest.get(..len).unwrap_or("");
                let kept = raw.trim_end_matches(SPACES);
                out.push(Comment {
                    start: i,
                    end: i + kept.len(),
                    text: kept.to_string(),
                    own_line: !code_on_line,
                });
                while it.peek().is_some_and(|&(j, _)| j < i + len) {
                    it.next();
                }
                continue;
            }
            '"' => '"',
            '“' => '”',
            '【' => '】',
            '「' => '」',
            '`' => '`',
            ' ' | '\t' | '\u{3000}' | '\u{FEFF}' => continue,
            _ => {
                code_on_line = true;
                continue;
            }
        };
        code_on_line = true;
        // Skip to the closing quote; none of these spans a line.
        while let Some(&(_, n)) = it.peek() {
            if n == '\n' || n == '\r' {
                break;
            }
            it.next();
            if n == closing {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_inside_strings_citations_and_names_are_text() {
        let src = "// head\n考核办法 \"a//b\" 【c//d】 { // open\n    「x//y」 `p//q` “m//n” 1 //tail  \n}";
        let found: Vec<(String, bool)> = scan(src)
            .into_iter()
            .map(|c| (c.text, c.own_line))
            .collect();
        assert_eq!(
            found,
            vec![
                ("// head".to_string(), true),
                ("// open".to_string(), false),
                ("//tail".to_string(), false),
            ]
        );
    }

    #[test]
    fn a_comment_after_spaces_is_on_its_own_line() {
        let src = "a\n  \u{3000}// own\r\nb // end";
        let c = scan(src);
        assert_eq!(c.len(), 2);
        assert!(c.first().is_some_and(|c| c.own_line));
        assert!(c.get(1).is_some_and(|c| !c.own_line && c.end == src.len()));
    }
}
