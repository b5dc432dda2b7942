//! kaohe (考核): a declarative language for annual work-target assessment
//! policies, with its checker and evaluator.
//!
//! The pipeline, one module per arrow:
//!
//! ```text
//! source text ──parse──▶ AST ──check──▶ checked policy ──compile──▶ IR ──evaluate──▶ rulings ──render──▶ text/JSON/…
//!   (source)     (syntax)   (ast)  (resolve, check)                              
//! ```
//!
//! Every stage reports problems as [`diag::Diag`] values (data, not strings);
//! only [`diag::render`] turns them into miette reports or JSON.

// Findings are rare and rich (names, paths, suggestions): returning them by
// value on the error path is clearer than boxing each one.
#![allow(clippy::result_large_err)]

pub mod ast;
pub mod calendar;
#[warn(missing_docs)]
pub mod diag;
pub mod i18n;
pub mod source;
pub mod syntax;

pub use syntax::parse;

/// A policy file taken through parse, check and compile.
#[derive(Debug)]
pub struct Built {
    pub policy: ast::Policy,
    /// The program, when no error was found.
    pub program: Option<ir::Program>,
    /// Every finding (warnings and notes included), sorted by position.
    pub diags: Vec<diag::Diag>,
}

/// Parses, checks and compiles one policy file.
pub fn build(file: &source::SourceFile) -> Built {
    let parsed = parse(file);
    if !parsed.complete {
        return Built {
            policy: parsed.policy,
            program: None,
            diags: parsed.diags,
        };
    }
    let checked = check::check(&parsed.policy);
    let literals_ok = !parsed.has_errors();
    let mut diags = parsed.diags;
    diags.extend(checked.diags);
    let program = checked
        .policy
        .filter(|_| literals_ok)
        .map(|c| compile::compile(&c, &file.text));
    if let Some(p) = &program {
        diags.extend(analysis::analyze(p));
    }
    diag::sort_and_dedup(&mut diags);
    let program = program.filter(|_| !diags.iter().any(diag::Diag::is_error));
    Built {
        policy: parsed.policy,
        program,
        diags,
    }
}
pub mod analysis;
pub mod check;
pub mod cli;
pub mod compile;
pub mod contract;
pub mod data;
pub mod diff;
pub mod eval;
pub mod examples;
pub mod files;
pub mod format;
pub mod ir;
pub mod progress;
pub mod report;
pub mod resolve;
pub mod template;
