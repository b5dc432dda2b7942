//! Contradiction analysis on the compiled program (LANGUAGE.md §4, §7.21–27):
//! rule coverage (KH401–404), amounts (KH303–304), reachability (KH501–503),
//! conflicting rulings (KH504), grades (KH505). Each witness is built as unit
//! data and confirmed by running the evaluator before it is reported, so the
//! analysis sits above `eval` and nothing below it depends on it.

mod amounts;
mod awards;
pub mod boxes;
pub mod budget;
mod confirm;
mod conflicts;
mod coverage;
mod grades;
pub mod intervals;
mod uncovered;
pub mod witness;

pub use budget::Budget;

use crate::diag::{Diag, Message};
use crate::ir::Program;
use crate::source::Span;

/// Every finding of the analysis, unsorted, within `budget` steps; a note
/// (KH405) for each analysis the budget cut short.
pub fn analyze(p: &Program, budget: &Budget) -> Vec<Diag> {
    let mut out = coverage::check(p, budget);
    out.extend(amounts::check(p, budget));
    out.extend(intervals::check(p, budget));
    out.extend(awards::check(p));
    out.extend(conflicts::check(p, budget));
    out.extend(grades::check(p, budget));
    let parts = budget.cut_short();
    if !parts.is_empty() {
        out.push(Diag::new(
            Message::AnalysisCutShort { parts },
            Span::default(),
        ));
    }
    out.shrink_to_fit();
    out
}
