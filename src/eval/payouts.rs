//! `兑现`: what each unit is due for the outcomes, grades and awards it got,
//! and the totals. Exact: a line's amount is paid whole or not at all, a
//! pending decision's amount is listed as pending and counted in no total.

use rust_decimal::Decimal;

use super::decide::Decisions;
use super::table::Table;
use super::truth::Truth;
use crate::exact::{self, Inexact};
use crate::ir::{PayoutFor, PayoutIr, Program};

/// A `兑现` line that applies to one unit: paid (`Yes`) or pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    /// The line's position in [`Program::payouts`].
    pub line: usize,
    /// `Yes` when it is paid, `Pending` when its decision is.
    pub state: Truth,
}

/// One line's total over all units.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineTotal {
    /// Units paid.
    pub paid: usize,
    /// Their amounts together.
    pub sum: Decimal,
    /// Units whose decision is pending (not in `sum`).
    pub pending: usize,
}

/// Every line's total, and each amount's (name and measure) over all lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PayoutTotals {
    pub lines: Vec<LineTotal>,
    /// In order of first appearance among the lines.
    pub amounts: Vec<AmountTotal>,
}

/// All units' paid amounts of one name and measure.
#[derive(Debug, Clone, PartialEq)]
pub struct AmountTotal {
    pub amount: String,
    pub measure: Option<String>,
    pub sum: Decimal,
}

/// The lines that apply to unit `u`, in source order.
pub fn dues(p: &Program, t: &Table<'_>, d: &Decisions, u: usize) -> Vec<Due> {
    let Some(row) = t.rows.get(u) else {
        return Vec::new();
    };
    let place = p.place_of(row.declared, row.group);
    p.payouts
        .iter()
        .enumerate()
        .filter(|(_, x)| Program::applies_at(x.units.as_ref(), place))
        .filter_map(|(line, x)| {
            let state = match x.target {
                PayoutFor::Outcome(o) => d.outcome(u, o),
                PayoutFor::Tier(tier) => d.grade_in(u, &[tier]),
                PayoutFor::Award(a) => d.awarded(u, a),
            };
            (state != Truth::No).then_some(Due { line, state })
        })
        .collect()
}

/// A unit's paid amounts by name and measure, in order of first appearance.
pub fn unit_sums<'p>(
    p: &'p Program,
    dues: &[Due],
) -> Result<Vec<(&'p PayoutIr, Decimal)>, Inexact> {
    let mut out: Vec<(&PayoutIr, Decimal)> = Vec::new();
    for due in dues.iter().filter(|d| d.state == Truth::Yes) {
        let Some(x) = p.payouts.get(due.line) else {
            continue;
        };
        match out.iter_mut().find(|(y, _)| y.key() == x.key()) {
            Some((_, sum)) => *sum = exact::add(*sum, x.value)?,
            None => out.push((x, x.value)),
        }
    }
    Ok(out)
}

/// The totals over every unit; refused (never rounded) if a sum needs more
/// digits than kaohe keeps, which `check`'s bounds on amounts rule out.
pub fn totals(p: &Program, t: &Table<'_>, d: &Decisions) -> Result<PayoutTotals, Inexact> {
    let mut lines = vec![LineTotal::default(); p.payouts.len()];
    if p.payouts.is_empty() {
        return Ok(PayoutTotals::default());
    }
    for u in 0..t.len() {
        for due in dues(p, t, d, u) {
            let (Some(total), Some(x)) = (lines.get_mut(due.line), p.payouts.get(due.line)) else {
                continue;
            };
            if due.state == Truth::Yes {
                total.paid += 1;
                total.sum = exact::add(total.sum, x.value)?;
            } else {
                total.pending += 1;
            }
        }
    }
    let mut amounts: Vec<AmountTotal> = Vec::new();
    for (x, total) in p.payouts.iter().zip(&lines) {
        let (amount, measure) = x.key();
        match amounts
            .iter_mut()
            .find(|a| a.amount == amount && a.measure.as_deref() == measure)
        {
            Some(a) => a.sum = exact::add(a.sum, total.sum)?,
            None => amounts.push(AmountTotal {
                amount: amount.to_string(),
                measure: measure.map(str::to_string),
                sum: total.sum,
            }),
        }
    }
    Ok(PayoutTotals { lines, amounts })
}
