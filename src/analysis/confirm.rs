//! The one place where a finding's witness is confirmed. Each analysis builds
//! its witness as unit data (`witness.rs`) and states what evaluating it must
//! show (a [`Claim`]); the ordinary evaluator runs it here, and a finding whose
//! claim does not hold is dropped, never reported. So every finding the
//! analysis makes is one the evaluator agrees with (`tests/witnesses.rs`
//! replays them through the binary's reader too).

use rust_decimal::Decimal;
use serde_json::Value;

use super::budget::Budget;
use super::witness::{UnitSpec, memory, to_json};
use crate::data::source::DataSource;
use crate::diag::AnalysisPart;
use crate::diag::Code;
use crate::eval::decide::Grade;
use crate::eval::explain::{Capped, EventStatus, Explanation};
use crate::eval::{Evaluation, Feed, Threads};
use crate::ir::{AwardId, OutcomeId, Program};

/// What evaluating a witness must show for its finding to stand.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// The evaluator refuses unit 0's event for matching two base rules (KH401).
    Overlap,
    /// No base rule takes unit 0's first event, which is inside the window (KH402).
    NoRule,
    /// A cap bites on unit 0: `what` brings `from` down to `to` (KH303).
    CapBites {
        what: Capped,
        from: Decimal,
        to: Decimal,
    },
    /// Unit 0's total is above `满分` (KH304).
    TotalAbove(Decimal),
    /// Unit `unit` (a data position) is eligible for the award and gets the
    /// outcome at once (KH504).
    AwardAndOutcome {
        unit: usize,
        award: AwardId,
        outcome: OutcomeId,
    },
    /// Unit 0's total is exactly `total` and no grade tier takes it (KH505).
    NoGrade { total: Decimal },
}

/// A witness whose claim the evaluator confirmed.
pub struct Confirmed {
    /// What the evaluation decided (none for [`Claim::Overlap`]: the
    /// evaluator refuses that data).
    pub evaluation: Option<Evaluation<'static>>,
    /// The witness in the data contract, for the finding (`check --format
    /// json` gives it; `kaohe eval` replays it).
    pub data: Value,
}

impl Confirmed {
    /// Unit `u`'s (a data position) total, as evaluated.
    pub fn total(&self, u: usize) -> Option<Decimal> {
        let e = self.evaluation.as_ref()?;
        e.table
            .rows
            .iter()
            .find(|r| r.index == u)
            .map(|r| r.result.total)
    }
}

/// Evaluates `units` (made complete) and checks `claim`; the witness if it
/// holds. An evaluation costs about the program's size in steps of `budget`,
/// spent for `part`; with the budget run out, nothing is confirmed.
pub fn confirm(
    p: &Program,
    units: &[UnitSpec],
    claim: &Claim,
    budget: &Budget,
    part: AnalysisPart,
) -> Option<Confirmed> {
    let cost = p.rules.len() + p.units.len() + p.items.len() + units.len();
    if !budget.spend(part, cost as u64 + 1) {
        return None;
    }
    let source = memory(p, units);
    let result = crate::eval::evaluate(p, Feed::new(&source).threads(Threads::One));
    let confirmed = match (claim, &result) {
        (Claim::Overlap, Err(found)) => found.iter().any(|d| d.code() == Code::KH401),
        (Claim::Overlap, Ok(_)) | (_, Err(_)) => false,
        (claim, Ok(e)) => holds(p, &source, e, claim),
    };
    confirmed.then(|| Confirmed {
        evaluation: result.ok(),
        data: to_json(p, units),
    })
}

fn holds(p: &Program, source: &DataSource<'static>, e: &Evaluation<'_>, claim: &Claim) -> bool {
    let row_of = |u: usize| e.table.rows.iter().position(|r| r.index == u);
    let explained = |u: usize| -> Option<Explanation> {
        let row = row_of(u)?;
        e.ruling(p, source, row).ok().map(|r| r.explanation)
    };
    let total = |row: usize| e.table.rows.get(row).map(|r| r.result.total);
    match claim {
        Claim::Overlap => false,
        Claim::NoRule => explained(0).is_some_and(|x| {
            x.events
                .first()
                .is_some_and(|ev| ev.rule.is_none() && ev.status != EventStatus::OutsideWindow)
        }),
        Claim::CapBites { what, from, to } => explained(0).is_some_and(|x| {
            x.caps
                .iter()
                .any(|c| c.what == *what && c.from == *from && c.to == *to)
        }),
        Claim::TotalAbove(full) => row_of(0).and_then(total).is_some_and(|t| t > *full),
        Claim::AwardAndOutcome {
            unit,
            award,
            outcome,
        } => row_of(*unit).is_some_and(|row| {
            e.decisions.eligible(row, *award).is_yes()
                && e.decisions.outcome(row, *outcome).is_yes()
        }),
        Claim::NoGrade { total: wanted } => row_of(0).is_some_and(|row| {
            total(row) == Some(*wanted) && e.decisions.grade(row) == Grade::None
        }),
    }
}
