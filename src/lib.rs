//! kaohe (考核): a declarative language for annual work-target assessment
//! policies, with its checker and evaluator.
//!
//! The pipeline, one module per stage, run by [`driver`] (one function per
//! stage; every consumer calls it):
//!
//! ```text
//! source ─parse─▶ AST ─resolve─▶ symbols ─check─▶ checked ─compile─▶ Program ─analyze─▶ findings
//!   (syntax)         (ast)    (resolve)        (check)        (compile, ir)    (analysis)
//!
//! data ─open─▶ raw units ─validate─▶ unit inputs ─evaluate─▶ evaluation ─▶ rulings ─render─▶ text, JSON, …
//!   (data)                 (data::feed)          (eval)                    (driver)     (report)
//! ```
//!
//! Every stage reports problems as [`diag::Diag`] values (data, not strings);
//! their sentences, Chinese and English side by side, live in one place, and
//! only [`diag::render`] turns them into miette reports or JSON. The layers
//! (which module may use which) are in docs/ARCHITECTURE.md and kept by
//! `tests/architecture.rs`.

// Findings are rare and rich (names, paths, suggestions): returning them by
// value on the error path is clearer than boxing each one.
#![allow(clippy::result_large_err)]
#![deny(clippy::arithmetic_side_effects)]

#[warn(missing_docs)]
pub mod ast;
pub mod calendar;
#[warn(missing_docs)]
pub mod diag;
pub mod driver;
pub mod exact;
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
pub mod ide;
#[warn(missing_docs)]
pub mod ir;
pub mod lsp;
pub mod progress;
pub mod report;
pub mod resolve;
pub mod serve;
pub mod template;
