//! Finding unclosed `{` so that they are reported at the brace itself (§7.28)
//! rather than where the parser finally gave up.

use crate::source::Span;

/// The spans of `{` in `text` that are never closed. Strings, citations, quoted
/// names and comments are skipped. A `}` closes the innermost open brace whose
/// line has the same indentation, so a forgotten inner `}` is blamed on the
/// inner block, not the outer one.
pub fn unclosed_braces(text: &str) -> Vec<Span> {
    let mut open: Vec<(usize, usize, usize)> = Vec::new(); // (offset, len, indent)
    let mut unclosed: Vec<(usize, usize, usize)> = Vec::new();
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
            '/' if chars.peek().is_some_and(|(_, d)| *d == '/') => {
                while chars.next_if(|(_, d)| *d != '\n').is_some() {}
            }
            '{' | '｛' => open.push((i, c.len_utf8(), indent_of_line(text, i))),
            '}' | '｝' => {
                let indent = indent_of_line(text, i);
                let matching = open.iter().rposition(|(_, _, ind)| *ind == indent);
                match matching {
                    Some(pos) => {
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
    unclosed.sort();
    unclosed
        .into_iter()
        .map(|(start, len, _)| Span::new(start, start + len))
        .collect()
}

/// Width of the leading whitespace of the line holding `offset`.
fn indent_of_line(text: &str, offset: usize) -> usize {
    let start = text
        .get(..offset)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    text.get(start..)
        .unwrap_or("")
        .chars()
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
