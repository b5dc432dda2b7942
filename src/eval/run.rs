//! The whole evaluation over a data source: one pass validates and evaluates
//! every unit (keeping only its compact result), collecting every problem;
//! then ranking and decisions. A unit's explanation is made on demand by
//! reading it again, so rulings can stream at any size.

use super::decide::{Decisions, Selection, decide, excludes};
use super::explain::Explanation;
use super::rank::{Ranks, rank};
use super::table::{Table, UnitRow};
use super::unit::UnitEvaluator;
use crate::data::input::UnitInput;
use crate::data::raw::RawUnit;
use crate::data::source::DataSource;
use crate::data::validate::Validator;
use crate::diag::{Diag, sort_diags};
use crate::ir::{AwardId, ClauseId, Excl, OutcomeId, Program};

/// Every unit evaluated, ranked and decided.
#[derive(Debug, Clone)]
pub struct Evaluation<'a> {
    pub table: Table<'a>,
    pub ranks: Ranks,
    pub decisions: Decisions,
}

/// Evaluates every unit of `source`. `complete`: the units of closed groups
/// must all be present (false for a policy's examples, §3).
pub fn evaluate<'a>(
    p: &Program,
    source: &DataSource<'a>,
    complete: bool,
) -> Result<Evaluation<'a>, Vec<Diag>> {
    let mut validator = Validator::new(p, complete);
    let mut evaluator = UnitEvaluator::new(p);
    let mut input = UnitInput::default();
    let mut table = Table::new(p.facts.len(), p.tracked_items.len());
    let mut problems = Vec::new();
    let walked = source.each(|i, raw| {
        if !validator.unit(raw, i, &mut input) {
            return;
        }
        match evaluator.evaluate(&input, None) {
            Ok(result) => {
                let row = UnitRow {
                    index: i,
                    name: input.name.clone(),
                    declared: input.declared,
                    group: input.group,
                    span: raw.span,
                    result,
                };
                table.push(row, &evaluator.facts, &evaluator.tracked);
            }
            Err(found) => problems.extend(found),
        }
    });
    let (units_at, top_level) = walked.map_err(|d| vec![d])?;
    validator.finish(units_at);
    let mut diags = validator.diags;
    diags.extend(problems);
    diags.extend(top_level);
    if !diags.is_empty() {
        sort_diags(&mut diags);
        return Err(diags);
    }
    let ranks = rank(p, &table);
    let decisions = decide(p, &table, &ranks);
    Ok(Evaluation {
        table,
        ranks,
        decisions,
    })
}

/// Why a unit is not eligible for an award.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A `不含` clause (or a finding's `取消`) that applied.
    Excluded(Excl, ClauseId),
    /// Vetoed: a vetoed unit gets no award (§3) even without `不含 否决`.
    Vetoed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AwardRuling {
    pub award: AwardId,
    pub eligible: bool,
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
    pub outcomes: Vec<(OutcomeId, bool)>,
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
        let mut raw = RawUnit::default();
        source
            .again(row.index, row.span, &mut raw)
            .map_err(|d| vec![d])?;
        let mut validator = Validator::new(p, false);
        let mut input = UnitInput::default();
        if !validator.unit(&raw, row.index, &mut input) {
            return Err(validator.diags);
        }
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
                    .filter(|e| excludes(p, &self.table, &self.ranks, &self.decisions, u, &e.what))
                    .map(|e| Reason::Excluded(e.what.clone(), e.clause))
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
        })
    }
}
