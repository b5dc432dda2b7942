//! One unit's line of the ranking table, for the document formats (HTML,
//! Markdown, CSV, XLSX). Item scores come from the unit's ruling (the compact
//! table keeps only what ranking reads), so callers make one per unit as they
//! stream the units.

use rust_decimal::Decimal;

use super::{Context, WriteError};
use crate::eval::UnitRuling;
use crate::eval::decide::{Grade, Selection};
use crate::eval::truth::Truth;
use crate::i18n::words::Words;
use crate::ir::{AwardId, OutcomeId, TierId};

/// Where a unit stands for one award.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Selected under a quota, or eligible for an award without one.
    Won,
    /// Tied across the quota boundary: the office has to decide.
    Pending,
    /// Eligible but not selected under the quota.
    NotSelected,
    NotEligible,
}

/// The ranking-table facts of one unit.
#[derive(Debug, Clone)]
pub struct Summary {
    pub name: String,
    pub group: String,
    pub rank: Option<u32>,
    pub vetoed: bool,
    pub base: Decimal,
    pub bonus: Decimal,
    pub deduction: Decimal,
    pub total: Decimal,
    /// What each item adds to the base score (after scaling and clearing), by item index.
    pub items: Vec<Decimal>,
    pub grade: Grade,
    /// By award index.
    pub awards: Vec<Standing>,
    /// By outcome index.
    pub outcomes: Vec<Truth>,
    /// Paid `兑现` amounts, one per amount of the totals.
    pub payouts: Vec<Decimal>,
}

impl Summary {
    /// The summary of unit `u` (a table position); reads the unit again for its items.
    pub fn of(ctx: &Context<'_, '_>, u: usize) -> Result<Summary, WriteError> {
        Ok(Summary::from_ruling(ctx, &ctx.ruling(u)?))
    }

    /// The summary of a unit whose ruling is at hand.
    pub fn from_ruling(ctx: &Context<'_, '_>, ruling: &UnitRuling<'_>) -> Summary {
        let mut s = Summary::of_row(ctx, ruling.unit);
        s.items = vec![Decimal::ZERO; ctx.p.items.len()];
        for line in &ruling.explanation.items {
            if let Some(slot) = s.items.get_mut(line.item.index()) {
                *slot = line.contribution;
            }
        }
        s
    }

    /// The summary of unit `u` from the evaluation alone, without item
    /// scores (which only its ruling has): enough for a ranking line.
    pub fn of_row(ctx: &Context<'_, '_>, u: usize) -> Summary {
        let p = ctx.p;
        let e = ctx.eval;
        let items = Vec::new();
        let row = e.table.rows.get(u);
        let res = row.map(|r| &r.result);
        let awards = p
            .awards
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let id = AwardId::from_index(i);
                let eligible = e.decisions.eligible(u, id);
                match (a.has_quota(), e.decisions.selection(u, id), eligible) {
                    (true, Selection::Selected, _) => Standing::Won,
                    (true, Selection::Pending, _) | (false, _, Truth::Pending) => Standing::Pending,
                    (true, _, Truth::Yes) => Standing::NotSelected,
                    (false, _, Truth::Yes) => Standing::Won,
                    _ => Standing::NotEligible,
                }
            })
            .collect();
        Summary {
            name: row.map(|r| r.name.to_string()).unwrap_or_default(),
            group: row
                .map(|r| &p[r.group])
                .map(|g| g.name.clone())
                .unwrap_or_default(),
            rank: e.ranks.rank.get(u).copied().flatten(),
            vetoed: res.is_some_and(|r| r.vetoed),
            base: res.map_or(Decimal::ZERO, |r| r.base),
            bonus: res.map_or(Decimal::ZERO, |r| r.bonus),
            deduction: res.map_or(Decimal::ZERO, |r| r.deduction),
            total: res.map_or(Decimal::ZERO, |r| r.total),
            items,
            grade: e.decisions.grade(u),
            awards,
            outcomes: (0..p.outcomes.len())
                .map(|i| e.decisions.outcome(u, OutcomeId::from_index(i)))
                .collect(),
            payouts: super::payouts::unit_columns(ctx, u),
        }
    }

    /// The contribution of item `i` (0 when unknown).
    pub fn item(&self, i: crate::ir::ItemId) -> Decimal {
        self.items.get(i.index()).copied().unwrap_or_default()
    }

    /// Names of the awards this unit wins, a pending one marked: `先进（待定）`.
    pub fn awards_won(&self, ctx: &Context<'_, '_>, w: &Words) -> Vec<String> {
        ctx.p
            .awards
            .iter()
            .zip(&self.awards)
            .filter_map(|(a, s)| match s {
                Standing::Won => Some(a.name.clone()),
                Standing::Pending => {
                    Some(format!("{}{}{}{}", a.name, w.open, w.pending_note, w.close))
                }
                _ => None,
            })
            .collect()
    }

    /// Names of the outcomes that apply to this unit, a pending one marked:
    /// `诫勉（待定）`.
    pub fn outcomes_flagged(&self, ctx: &Context<'_, '_>, w: &Words) -> Vec<String> {
        ctx.p
            .outcomes
            .iter()
            .zip(&self.outcomes)
            .filter_map(|(o, f)| match f {
                Truth::Yes => Some(o.name.clone()),
                Truth::Pending => {
                    Some(format!("{}{}{}{}", o.name, w.open, w.pending_note, w.close))
                }
                Truth::No => None,
            })
            .collect()
    }
}

/// A grade as the reports write it: `优秀`, `优秀（待定）`; `None` without a tier.
pub fn grade_name(ctx: &Context<'_, '_>, w: &Words, g: Grade) -> Option<String> {
    let name = |t: TierId| ctx.p[t].name.clone();
    match g {
        Grade::None => None,
        Grade::Tier(t) => Some(name(t)),
        Grade::Pending(t) => Some(format!(
            "{}{}{}{}",
            name(t),
            w.open,
            w.pending_note,
            w.close
        )),
    }
}

/// The ranking table's cell for an outcome: `是`, `待定` or `—`.
pub fn outcome_cell(w: &Words, t: Truth) -> &'static str {
    match t {
        Truth::Yes => w.yes,
        Truth::Pending => w.pending_note,
        Truth::No => "—",
    }
}

/// The ranking table's cell for an award, as the text report writes it.
pub fn standing_cell(w: &Words, quota: bool, s: Standing) -> &'static str {
    match (quota, s) {
        (true, Standing::Won) => w.selected,
        (false, Standing::Won) => w.eligible,
        (_, Standing::Pending) => w.pending_note,
        _ => "—",
    }
}
