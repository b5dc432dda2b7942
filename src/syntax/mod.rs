//! Source text → AST. Parsing is pest over `grammar/kaohe.pest`; `lower` turns
//! pest pairs into [`crate::ast`] nodes; `expected` turns pest errors into
//! KH1xx findings in the drafter's words. Nothing outside this module sees pest.
//!
//! Recovery (§7.28): when the whole file does not parse, it is split at lines
//! that begin (column 0) with a top-level keyword and each part is parsed on
//! its own, so errors in different declarations are all reported in one run.

mod blocks;
mod expected;
mod grammar;
pub mod keywords;
mod lower;
mod parts;

use pest::Parser;

use crate::ast::Policy;
use crate::diag::Diag;
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
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diag::is_error)
    }
}

/// Parses a policy file, recovering at top-level declarations.
pub fn parse(file: &SourceFile) -> Parsed {
    let text = file.text.as_str();
    match KaoheParser::parse(Rule::policy_file, text) {
        Ok(pairs) => {
            let (policy, diags) = lower::lower_file(pairs, 0);
            Parsed {
                policy,
                diags,
                complete: true,
            }
        }
        Err(whole_error) => parse_by_parts(text, whole_error),
    }
}

fn parse_by_parts(text: &str, whole_error: pest::error::Error<Rule>) -> Parsed {
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
        match KaoheParser::parse(Rule::policy_file, part_text) {
            Ok(pairs) => {
                let (part_policy, part_diags) = lower::lower_file(pairs, part.start);
                policy.decls.extend(part_policy.decls);
                diags.extend(part_diags);
            }
            Err(e) => diags.push(expected::syntax_diag(&e, part_text, part.start)),
        }
    }
    if !diags.iter().any(Diag::is_error) {
        // Every part parsed on its own: the whole-file error is the real one.
        diags.push(expected::syntax_diag(&whole_error, text, 0));
    }
    crate::diag::sort_diags(&mut diags);
    Parsed {
        policy,
        diags,
        complete: false,
    }
}
