//! Finding unclosed `{` so that they are reported at the brace itself (§7.28)
//! rather than where the parser finally gave up.

use crate::source::Span;

/// An open brace: where it is, how long (`{` or `｛`), and a serial number
/// that tells a live entry of the per-indentation stacks from one whose
/// brace is gone.
#[derive(Clone, Copy)]
struct Open {
    at: usize,
    len: usize,
    serial: usize,
}

/// The spans of `{` in `text` that are never closed. Strings, citations, quoted
/// names and comments are skipped. A `}` closes the innermost open brace whose
/// line has the same indentation, so a forgotten inner `}` is blamed on the
/// inner block, not the outer one. Linear in the text: each line's indentation
/// is measured once, and the innermost open brace of an indentation is found
/// through a stack per indentation (entries of braces closed since are skipped).
pub fn unclosed_braces(text: &str) -> Vec<Span> {
    let mut open: Vec<Open> = Vec::new();
    let mut by_indent: rustc_hash::FxHashMap<usize, Vec<(usize, usize)>> = Default::default();
    let mut unclosed: Vec<Open> = Vec::new();
    let mut indent = line_indent(text);
    let mut serial = 0;
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
            continue;
        }
        match c {
            '\n' => indent = line_indent(text.get(i + 1..).unwrap_or("")),
            '/' if chars.peek().is_some_and(|(_, d)| *d == '/') => {
                while chars.next_if(|(_, d)| *d != '\n').is_some() {}
            }
            '{' | '｛' => {
                serial += 1;
                by_indent
                    .entry(indent)
                    .or_default()
                    .push((open.len(), serial));
                open.push(Open {
                    at: i,
                    len: c.len_utf8(),
                    serial,
                });
            }
            '}' | '｝' => {
                let live = |(pos, serial): &(usize, usize)| {
                    open.get(*pos).is_some_and(|o| o.serial == *serial)
                };
                let stack = by_indent.entry(indent).or_default();
                while stack.last().is_some_and(|e| !live(e)) {
                    stack.pop();
                }
                match stack.pop() {
                    Some((pos, _)) => {
                        // Braces opened after the matching one were never closed.
                        unclosed.extend(open.drain(pos..).skip(1));
                    }
                    None => {
                        open.pop();
                    }
                }
            }
            _ => {}
        }
    }
    unclosed.extend(open);
    unclosed.sort_by_key(|o| o.at);
    unclosed
        .into_iter()
        .map(|o| Span::new(o.at, o.at + o.len))
        .collect()
}

/// Width of the leading whitespace of the line that starts `line`.
fn line_indent(line: &str) -> usize {
    line.chars()
        .take_while(|c| matches!(c, ' ' | '\t' | '\u{3000}'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unclosed(text: &str) -> Vec<&str> {
        unclosed_braces(text)
            .into_iter()
            .map(|s| {
                let line_start = text
                    .get(..s.start)
                    .and_then(|t| t.rfind('\n'))
                    .map_or(0, |i| i + 1);
                text.get(line_start..s.end).unwrap_or("").trim()
            })
            .collect()
    }

    #[test]
    fn balanced_text_has_no_unclosed_brace() {
        assert!(unclosed("a {\n b { c }\n}\n\"{\" // {\n【{】").is_empty());
    }

    #[test]
    fn blames_the_inner_block_by_indentation() {
        let text = "计分 {\n    共性工作 25 {\n        一岗双责 10\n    责任 60\n    综合 15 {\n    }\n}\n";
        assert_eq!(unclosed(text), vec!["共性工作 25 {"]);
    }

    #[test]
    fn unclosed_outer_block() {
        assert_eq!(
            unclosed("考核办法 \"x\" {\n  年度 2019\n"),
            vec!["考核办法 \"x\" {"]
        );
    }
}
