//! Source text → AST. Parsing is pest over `grammar/kaohe.pest`; `lower` turns
//! pest pairs into [`crate::ast`] nodes; `expected` turns pest errors into
//! KH1xx findings in the drafter's words. Nothing outside this module sees pest.
//!
//! Recovery (§7.28): when the whole file does not parse, it is split at lines
//! that begin (column 0) with a top-level keyword and each part is parsed on
//! its own, so errors in different declarations are all reported in one run.

mod blocks;
pub(crate) mod comments;
pub mod depth;
mod expected;
mod grammar;
mod lower;
mod parts;

use pest::Parser;

use crate::ast::Policy;
use crate::diag::Diag;
use crate::i18n::Lang;
use crate::i18n::keywords::{self, Kw};
use crate::source::SourceFile;
use grammar::{KaoheParser, Rule};

/// The result of parsing one file: every declaration that parsed, and every
/// syntax finding (empty when the whole file parsed).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub policy: Policy,
    pub diags: Vec<Diag>,
    /// Every declaration parsed (findings, if any, are about literals and
    /// repeated options within a whole policy: KH103, KH104).
    pub complete: bool,
    /// How many keywords the file spells in each language (counted only
    /// when the whole file parsed); `fmt` keeps the language most used.
    pub keywords: KeywordUse,
}

/// Keywords written in Chinese and in English in one file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeywordUse {
    pub zh: usize,
    pub en: usize,
}

impl KeywordUse {
    /// The language most keywords are written in; Chinese on a tie (the default).
    pub fn majority(self) -> Lang {
        if self.en > self.zh {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diag::is_error)
    }
}

/// Parses a policy file, recovering at top-level declarations.
pub fn parse(file: &SourceFile) -> Parsed {
    let text = file.text.as_str();
    // Too deep for the parser's stack: each part is read on its own.
    let deep = parts::split(text)
        .into_iter()
        .any(|p| depth::too_deep(text.get(p).unwrap_or("")).is_some());
    if deep {
        return parse_by_parts(text, None);
    }
    match KaoheParser::parse(Rule::policy_file, text) {
        Ok(pairs) => {
            let keywords = count_keywords(pairs.clone());
            let (policy, diags) = lower::lower_file(pairs, 0);
            Parsed {
                policy,
                diags,
                complete: true,
                keywords,
            }
        }
        Err(whole_error) => parse_by_parts(text, Some(whole_error)),
    }
}

/// Parses `text` part by part (§7.28); `whole_error` is why the whole file
/// did not parse, if it was tried.
fn parse_by_parts(text: &str, whole_error: Option<pest::error::Error<Rule>>) -> Parsed {
    let mut policy = Policy::default();
    let mut diags = Vec::new();
    for part in parts::split(text) {
        let part_text = text.get(part.clone()).unwrap_or("");
        let unclosed = blocks::unclosed_braces(part_text);
        if !unclosed.is_empty() {
            diags.extend(unclosed.into_iter().map(|span| {
                Diag::new(
                    crate::diag::Message::UnclosedBlock,
                    span.shifted(part.start),
                )
            }));
            continue;
        }
        if let Some(span) = depth::too_deep(part_text) {
            let m = crate::diag::Message::TooDeep { most: depth::MOST };
            diags.push(Diag::new(m, span.shifted(part.start)));
            continue;
        }
        match KaoheParser::parse(Rule::policy_file, part_text) {
            Ok(pairs) => {
                let (part_policy, part_diags) = lower::lower_file(pairs, part.start);
                policy.decls.extend(part_policy.decls);
                diags.extend(part_diags);
            }
            Err(e) => diags.push(expected::syntax_diag(&e, part_text, part.start)),
        }
    }
    if !diags.iter().any(Diag::is_error)
        && let Some(e) = &whole_error
    {
        // Every part parsed on its own: the whole-file error is the real one.
        diags.push(expected::syntax_diag(e, text, 0));
    }
    crate::diag::sort_diags(&mut diags);
    Parsed {
        policy,
        // A file of thousands of broken declarations gets the first hundred
        // findings of each kind and a count of the rest, not a wall of them.
        diags: crate::diag::cap_each_code(diags, crate::diag::MOST_OF_ONE_CODE),
        complete: false,
        keywords: KeywordUse::default(),
    }
}

/// Counts keyword tokens by the language of their spelling (a particle that
/// exists in one language only, such as `名` or `on`, counts for that one).
fn count_keywords(pairs: pest::iterators::Pairs<'_, Rule>) -> KeywordUse {
    let mut used = KeywordUse::default();
    for pair in pairs.flatten() {
        let Some(kw) = Kw::from_rule_name(&format!("{:?}", pair.as_rule())) else {
            continue;
        };
        if pair.as_str() == kw.spelling(Lang::Zh) {
            used.zh += 1;
        } else {
            used.en += 1;
        }
    }
    used
}

/// Whether `text` can be written as a bare name: an XID word that is not a
/// keyword (§7.4). Anything else is written quoted, `「…」`. Decided by the
/// grammar's own `ident` rule, so the formatter and the parser never disagree.
pub fn is_bare_name(text: &str) -> bool {
    plain_name(text).unwrap_or_else(|| ident_by_grammar(text))
}

/// Fast path for the usual names (a policy may list thousands of units):
/// letters that every Unicode version has as XID. A word of XID characters is
/// reserved only when it is exactly a keyword. `None`: ask the grammar.
fn plain_name(text: &str) -> Option<bool> {
    let plain =
        |c: char| c.is_ascii_alphanumeric() || c == '_' || ('\u{4E00}'..='\u{9FA5}').contains(&c);
    let starts = text
        .chars()
        .next()
        .is_some_and(|c| c != '_' && !c.is_ascii_digit());
    (starts && text.chars().all(plain)).then(|| !keywords::is_keyword(text))
}

fn ident_by_grammar(text: &str) -> bool {
    match KaoheParser::parse(Rule::ident, text) {
        Ok(mut pairs) => pairs
            .next()
            .is_some_and(|p| p.as_span().end() == text.len()),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_for_names_agrees_with_the_grammar() {
        let words = [
            "办公室",
            "总分",
            "总分数",
            "名",
            "末2",
            "a_1",
            "total",
            "totals",
            "within",
            "item",
            "不含办公室",
            "且",
            "on",
            "one",
            "等",
            "甲乙丙",
        ];
        for w in words {
            assert_eq!(plain_name(w), Some(ident_by_grammar(w)), "{w}");
        }
        for w in ["_a", "1a", "2号楼", "a b", "...", ""] {
            assert_eq!(plain_name(w), None, "{w}");
            assert!(!is_bare_name(w), "{w}");
        }
    }
}
