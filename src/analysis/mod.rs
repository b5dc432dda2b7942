//! Contradiction analysis on the compiled program (LANGUAGE.md §4, §7.21–27):
//! rule coverage (KH401–404), amounts (KH303–304), reachability (KH501–503),
//! conflicting rulings (KH504), grades (KH505). Each witness is built as unit
//! data and confirmed by running the evaluator before it is reported, so the
//! analysis sits above `eval` and nothing below it depends on it.

mod amounts;
mod awards;
pub mod boxes;
mod confirm;
mod conflicts;
mod coverage;
mod grades;
pub mod intervals;
mod uncovered;
pub mod witness;

use crate::diag::Diag;
use crate::ir::Program;

/// Every finding of the analysis, unsorted.
pub fn analyze(p: &Program) -> Vec<Diag> {
    let mut out = coverage::check(p);
    out.extend(amounts::check(p));
    out.extend(intervals::check(p));
    out.extend(awards::check(p));
    out.extend(conflicts::check(p));
    out.extend(grades::check(p));
    out.shrink_to_fit();
    out
}
