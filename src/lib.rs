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

pub mod ast;
pub mod calendar;
pub mod diag;
pub mod source;
pub mod syntax;

pub use syntax::parse;
pub mod check;
pub mod cli;
pub mod resolve;
