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

#[warn(missing_docs)]
pub mod ast;
pub mod calendar;
#[warn(missing_docs)]
pub mod diag;
pub mod driver;
pub mod i18n;
pub mod source;
pub mod syntax;

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
#[warn(missing_docs)]
pub mod ir;
pub mod progress;
pub mod report;
pub mod resolve;
pub mod template;
