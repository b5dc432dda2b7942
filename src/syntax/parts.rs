//! Splitting a file into parts for syntax recovery (§7.28): a part starts at a
//! line that begins, at column 0, with a top-level keyword.

use std::ops::Range;

use crate::i18n::Lang;
use crate::i18n::keywords::TOP_LEVEL;

/// Byte ranges of the parts of `text`, in order, covering all of it.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && starts_declaration(line) {
            starts.push(offset);
        }
        offset += line.len();
    }
    let mut parts = Vec::with_capacity(starts.len());
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        parts.push(*start..end);
    }
    parts
}

fn starts_declaration(line: &str) -> bool {
    TOP_LEVEL.iter().any(|kw| {
        [Lang::Zh, Lang::En].iter().any(|lang| {
            let word = kw.spelling(*lang);
            !word.is_empty()
                && line.strip_prefix(word).is_some_and(|rest| {
                    rest.chars()
                        .next()
                        .is_none_or(|c| !unicode_ident_continue(c))
                })
        })
    })
}

/// Whether `c` can continue a name; keyword boundaries follow the grammar's
/// `!XID_CONTINUE` (approximated here by alphanumerics and `_`).
fn unicode_ident_continue(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_top_level_keywords_in_column_zero() {
        let text = "考核办法 \"x\" {\n  年度 2019\n}\n计分 {\n  事项 x\n}\n事项 表彰\n事项表彰\n";
        let parts = split(text);
        let starts: Vec<&str> = parts
            .iter()
            .map(|r| {
                text.get(r.clone())
                    .unwrap_or("")
                    .lines()
                    .next()
                    .unwrap_or("")
            })
            .collect();
        assert_eq!(starts, vec!["考核办法 \"x\" {", "计分 {", "事项 表彰"]);
    }
}
