//! The analysis's work budget. Deciding coverage (KH402) is coNP-hard, and
//! overlaps (KH401) and conflicts (KH504) grow with the square of the rules:
//! on a pathological policy they could run for hours. Each search spends
//! from one budget as it works; when it runs out, the search stops where it
//! is, reports nothing it has not proven, and a note (KH405) says which
//! analysis was cut short. Evaluation is unaffected: it is linear.

use std::cell::{Cell, RefCell};

use crate::diag::AnalysisPart;

/// Steps the analysis may take by default: about ten seconds on this
/// machine, far more than any real policy needs (the shipped policy takes
/// under ten thousand steps; a generated policy of 10,000 rules over 40
/// attributes, 100 million steps in 7 s: `examples/analysis_bench.rs`).
pub const DEFAULT: u64 = 150_000_000;

/// What is left to spend, and which analyses were cut short.
#[derive(Debug)]
pub struct Budget {
    left: Cell<u64>,
    cut: RefCell<Vec<AnalysisPart>>,
}

impl Budget {
    pub fn new(steps: u64) -> Budget {
        Budget {
            left: Cell::new(steps),
            cut: RefCell::new(Vec::new()),
        }
    }

    /// Spends `steps` on `part`; false (and `part` marked cut short) when
    /// the budget has run out.
    pub fn spend(&self, part: AnalysisPart, steps: u64) -> bool {
        let left = self.left.get();
        if left < steps {
            self.left.set(0);
            let mut cut = self.cut.borrow_mut();
            if !cut.contains(&part) {
                cut.push(part);
            }
            false
        } else {
            self.left.set(left - steps);
            true
        }
    }

    /// The steps left.
    pub fn left(&self) -> u64 {
        self.left.get()
    }

    /// Whether the budget has run out (a result computed since may be
    /// incomplete).
    pub fn ran_out(&self) -> bool {
        !self.cut.borrow().is_empty()
    }

    /// The analyses cut short, in the order they ran out.
    pub fn cut_short(&self) -> Vec<AnalysisPart> {
        self.cut.borrow().clone()
    }
}
