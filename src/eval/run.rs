//! The whole evaluation: the data layer hands over validated units
//! ([`crate::data::feed`]); one pass evaluates each, keeping only its compact
//! result and collecting every problem; then ranking and decisions. A unit's
//! explanation is made on demand from its data read again, so rulings can
//! stream at any size.

use super::decide::{Decisions, Selection, decide, excludes};
use super::explain::Explanation;
use super::payouts::{Due, PayoutTotals, dues, totals};
use super::rank::{Ranks, rank};
use super::table::{Table, UnitRow};
use super::truth::Truth;
use super::unit::UnitEvaluator;
use crate::data::feed::{Feed, UnitSink, feed};
use crate::data::input::UnitInput;
use crate::data::source::DataSource;
use crate::diag::{DataMessage, Diag, Message, sort_diags};
use crate::ir::{AwardId, ClauseId, Excl, OutcomeId, Program};

/// Every unit evaluated, ranked and decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation<'a> {
    pub table: Table<'a>,
    pub ranks: Ranks,
    pub decisions: Decisions,
    /// `兑现`: each line's and each amount's total over all units.
    pub payouts: PayoutTotals,
}

/// Evaluates every unit `units` gives: one pass keeps each unit's compact
/// result; then ranking and decisions. Every problem of the data, found
/// reading, validating or evaluating it, is returned together, sorted.
pub fn evaluate<'a>(p: &Program, units: Feed<'_, 'a>) -> Result<Evaluation<'a>, Vec<Diag>> {
    let fed = feed(p, units, || Evaluator::new(p)).map_err(|d| vec![d])?;
    let mut diags = fed.findings;
    diags.extend(fed.sink.problems);
    if !diags.is_empty() {
        sort_diags(&mut diags);
        return Err(diags);
    }
    let table = fed.sink.table;
    let ranks = rank(p, &table);
    let decisions = decide(p, &table, &ranks);
    let payouts = totals(p, &table, &decisions).map_err(|_| {
        let m = DataMessage::TooManyDigits {
            unit: String::new(),
            path: "兑现".to_string(),
        };
        vec![Diag::new(Message::Data(m), crate::source::Span::default())]
    })?;
    Ok(Evaluation {
        table,
        ranks,
        decisions,
        payouts,
    })
}

/// Receives validated units: evaluates each and keeps its compact result.
struct Evaluator<'p, 'a> {
    evaluator: UnitEvaluator<'p>,
    table: Table<'a>,
    problems: Vec<Diag>,
}

impl<'p> Evaluator<'p, '_> {
    fn new(p: &'p Program) -> Self {
        Evaluator {
            evaluator: UnitEvaluator::new(p),
            table: Table::new(p.facts.len(), p.tracked_items.len()),
            problems: Vec::new(),
        }
    }
}

impl<'a> UnitSink<'a> for Evaluator<'_, 'a> {
    fn unit(&mut self, input: &UnitInput<'a>) -> bool {
        match self.evaluator.evaluate(input, None) {
            Ok(result) => {
                let row = UnitRow {
                    index: input.index,
                    name: input.name.clone(),
                    declared: input.declared,
                    group: input.group,
                    span: input.span,
                    result,
                };
                self.table
                    .push(row, &self.evaluator.facts, &self.evaluator.tracked);
                true
            }
            Err(found) => {
                self.problems.extend(found);
                false
            }
        }
    }

    fn refused(&mut self, input: &UnitInput<'a>) {
        let found = self.evaluator.event_problems(input);
        self.problems.extend(found);
    }

    fn append(&mut self, later: Self, offset: usize) {
        self.table.append(later.table, offset);
        self.problems.extend(later.problems);
    }
}

/// Why a unit is not eligible for an award.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A `不含` clause (or a finding's `取消`) that applied.
    Excluded(Excl, ClauseId),
    /// Vetoed: a vetoed unit gets no award (§3) even without `不含 否决`.
    Vetoed,
    /// A `不含` clause on a decision still pending (§7.31): it may apply.
    Undecided(Excl, ClauseId),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AwardRuling {
    pub award: AwardId,
    pub eligible: Truth,
    pub selection: Selection,
    pub reasons: Vec<Reason>,
}

/// Everything said about one unit: its data, its explanation, its decisions.
#[derive(Debug, Clone)]
pub struct UnitRuling<'a> {
    /// Position in the evaluation's table.
    pub unit: usize,
    pub input: UnitInput<'a>,
    pub explanation: Explanation,
    pub awards: Vec<AwardRuling>,
    pub outcomes: Vec<(OutcomeId, Truth)>,
    /// The `兑现` lines due to it, paid or pending, in source order.
    pub payouts: Vec<Due>,
}

impl<'a> Evaluation<'a> {
    /// The full ruling of unit `u` (a position in the table): its data is read
    /// again from `source` and evaluated with explanations.
    pub fn ruling(
        &self,
        p: &Program,
        source: &DataSource<'a>,
        u: usize,
    ) -> Result<UnitRuling<'a>, Vec<Diag>> {
        let row = self.table.rows.get(u).ok_or_else(Vec::new)?;
        let input = source.unit_again(p, row.index, row.span)?;
        let mut explanation = Explanation::default();
        UnitEvaluator::new(p).evaluate(&input, Some(&mut explanation))?;
        let awards = p
            .awards
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let id = AwardId::from_index(i);
                let mut reasons: Vec<Reason> = a
                    .exclusions
                    .iter()
                    .filter_map(|e| {
                        match excludes(&self.table, &self.ranks, &self.decisions, u, &e.what) {
                            Truth::Yes => Some(Reason::Excluded(e.what.clone(), e.clause)),
                            Truth::Pending => Some(Reason::Undecided(e.what.clone(), e.clause)),
                            Truth::No => None,
                        }
                    })
                    .collect();
                let listed = a.exclusions.iter().any(|e| matches!(e.what, Excl::Vetoed));
                if row.result.vetoed && !listed {
                    reasons.push(Reason::Vetoed);
                }
                AwardRuling {
                    award: id,
                    eligible: self.decisions.eligible(u, id),
                    selection: self.decisions.selection(u, id),
                    reasons,
                }
            })
            .collect();
        let outcomes = (0..p.outcomes.len())
            .map(|o| {
                let id = OutcomeId::from_index(o);
                (id, self.decisions.outcome(u, id))
            })
            .collect();
        Ok(UnitRuling {
            unit: u,
            input,
            explanation,
            awards,
            outcomes,
            payouts: dues(p, &self.table, &self.decisions, u),
        })
    }
}
