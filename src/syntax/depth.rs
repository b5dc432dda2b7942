//! How deeply a text nests, found before the parser sees it. The parser and
//! every pass after it (lowering, resolving, compiling, the analysis, `fmt`,
//! `diff`) walk nested conditions and score items recursively; a policy
//! nesting deeper than [`MOST`] levels is refused at the place it goes
//! deeper (no real policy comes near it), so none of them can exhaust the
//! stack.

use crate::source::Span;

/// The deepest nesting kaohe reads: brackets, blocks and `非`/`not` chains.
pub const MOST: usize = 64;

/// Where the nesting of `text` first goes past [`MOST`] levels, if it does:
/// the span of the bracket, brace or `非` that does. Strings, citations,
/// quoted names and comments are skipped.
pub fn too_deep(text: &str) -> Option<Span> {
    let mut depth: usize = 0;
    let mut nots: usize = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let closer = match c {
            '"' => Some('"'),
            '“' => Some('”'),
            '【' => Some('】'),
            '「' => Some('」'),
            '`' => Some('`'),
            _ => None,
        };
        if let Some(end) = closer {
            while let Some((_, d)) = chars.next_if(|(_, d)| *d != '\n') {
                if d == end {
                    break;
                }
            }
            nots = 0;
            continue;
        }
        let deeper = match c {
            '/' if chars.peek().is_some_and(|(_, d)| *d == '/') => {
                while chars.next_if(|(_, d)| *d != '\n').is_some() {}
                continue;
            }
            '(' | '（' | '{' | '｛' => {
                depth += 1;
                nots = 0;
                true
            }
            ')' | '）' | '}' | '｝' => {
                depth = depth.saturating_sub(1);
                nots = 0;
                false
            }
            '非' => {
                nots += 1;
                true
            }
            'n' if text.get(i..).is_some_and(|t| starts_word(t, "not")) => {
                nots += 1;
                chars.nth(1);
                true
            }
            c if c.is_whitespace() || c == '\u{3000}' => false,
            _ => {
                nots = 0;
                false
            }
        };
        if deeper && depth + nots > MOST {
            return Some(Span::new(i, i + c.len_utf8()));
        }
    }
    None
}

/// Whether `text` starts with the word `word` (not part of a longer name).
fn starts_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_past_strings_and_comments() {
        let deep = format!("当 {}总分 < 80{}", "(".repeat(65), ")".repeat(65));
        assert_eq!(
            too_deep(&deep).map(|s| s.start),
            deep.match_indices('(').nth(64).map(|m| m.0)
        );
        let ok = format!("当 {}总分 < 80{}", "(".repeat(64), ")".repeat(64));
        assert_eq!(too_deep(&ok), None);
        assert!(too_deep(&"非 ".repeat(65)).is_some());
        assert!(too_deep(&"not ".repeat(65)).is_some());
        assert_eq!(too_deep(&"notes ".repeat(100)), None);
        assert_eq!(
            too_deep(&format!("\"{}\" // {}", "(".repeat(100), "{".repeat(100))),
            None
        );
        assert_eq!(too_deep(&"(非 有 扣分) ".repeat(1000)), None);
    }
}
