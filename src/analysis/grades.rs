//! Grades (§7.25): KH505 a tier no unit can reach because an earlier tier
//! without a quota covers its condition; a range of totals no tier covers
//! when there is no `其余` (witness: a unit with such a total gets no grade);
//! percentage quotas adding up above 100%; a percentage quota that rounds to
//! 0 places in a closed scope (a note). Conditions are compared exactly when
//! each is an interval on one operand (`总分 >= 80 且 总分 < 90`); other tiers
//! are not judged.

use rust_decimal::Decimal;

use crate::exact;

use super::budget::Budget;
use super::confirm::{Claim, confirm};
use super::intervals::{Bounds, Interval, operand};
use super::witness::UnitSpec;
use crate::ast::CmpOp;
use crate::diag::AnalysisPart;
use crate::diag::{Diag, Message};
use crate::ir::{CondIr, OperandIr, Program, QuotaIr};

/// One end of a range: its value and whether it is included.
#[derive(Debug, Clone, Copy, PartialEq)]
struct End {
    at: Decimal,
    closed: bool,
}

/// A range of one operand; `None` ends are unbounded.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Range {
    operand: OperandIr,
    low: Option<End>,
    high: Option<End>,
}

impl Range {
    fn all(operand: OperandIr) -> Range {
        Range {
            operand,
            low: None,
            high: None,
        }
    }

    fn meet(mut self, op: CmpOp, c: Decimal) -> Option<Range> {
        let tighter_low = |cur: Option<End>, new: End| match cur {
            Some(e) if e.at > new.at || (e.at == new.at && !e.closed) => Some(e),
            _ => Some(new),
        };
        let tighter_high = |cur: Option<End>, new: End| match cur {
            Some(e) if e.at < new.at || (e.at == new.at && !e.closed) => Some(e),
            _ => Some(new),
        };
        match op {
            CmpOp::Gt => {
                self.low = tighter_low(
                    self.low,
                    End {
                        at: c,
                        closed: false,
                    },
                )
            }
            CmpOp::Ge => {
                self.low = tighter_low(
                    self.low,
                    End {
                        at: c,
                        closed: true,
                    },
                )
            }
            CmpOp::Lt => {
                self.high = tighter_high(
                    self.high,
                    End {
                        at: c,
                        closed: false,
                    },
                )
            }
            CmpOp::Le => {
                self.high = tighter_high(
                    self.high,
                    End {
                        at: c,
                        closed: true,
                    },
                )
            }
            CmpOp::Eq => {
                self.low = tighter_low(
                    self.low,
                    End {
                        at: c,
                        closed: true,
                    },
                );
                self.high = tighter_high(
                    self.high,
                    End {
                        at: c,
                        closed: true,
                    },
                );
            }
            CmpOp::Ne => return None,
        }
        Some(self)
    }

    /// Whether `other` lies within `self` (both of one operand).
    fn covers(&self, other: &Range) -> bool {
        let low_ok = match (self.low, other.low) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => a.at < b.at || (a.at == b.at && (a.closed || !b.closed)),
        };
        let high_ok = match (self.high, other.high) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => a.at > b.at || (a.at == b.at && (a.closed || !b.closed)),
        };
        low_ok && high_ok
    }

    fn contains(&self, x: Decimal) -> bool {
        self.low.is_none_or(|e| x > e.at || (e.closed && x == e.at))
            && self
                .high
                .is_none_or(|e| x < e.at || (e.closed && x == e.at))
    }
}

/// The condition as one range, when it is a conjunction of comparisons on one operand.
fn as_range(c: &CondIr) -> Option<Range> {
    match c {
        CondIr::Compare {
            operand, op, value, ..
        } => Range::all(*operand).meet(*op, *value),
        CondIr::And(list) => {
            let mut ranges = list.iter().map(as_range);
            let first = ranges.next()??;
            ranges.try_fold(first, |acc, r| {
                let r = r?;
                if r.operand != acc.operand {
                    return None;
                }
                let acc = match r.low {
                    Some(e) => acc.meet(if e.closed { CmpOp::Ge } else { CmpOp::Gt }, e.at)?,
                    None => acc,
                };
                match r.high {
                    Some(e) => acc.meet(if e.closed { CmpOp::Le } else { CmpOp::Lt }, e.at),
                    None => Some(acc),
                }
            })
        }
        _ => None,
    }
}

pub fn check(p: &Program, budget: &Budget) -> Vec<Diag> {
    if p.tiers.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let ranges: Vec<Option<Range>> = p
        .tiers
        .iter()
        .map(|t| t.cond.as_ref().and_then(as_range))
        .collect();
    for (j, tier) in p.tiers.iter().enumerate() {
        let cover = p.tiers.iter().enumerate().take(j).find(|(i, earlier)| {
            earlier.quota.is_none()
                && match (
                    &earlier.cond,
                    ranges.get(*i).copied().flatten(),
                    ranges.get(j).copied().flatten(),
                ) {
                    (None, _, _) => true,
                    (Some(_), Some(a), Some(b)) => a.operand == b.operand && a.covers(&b),
                    _ => false,
                }
        });
        if let Some((_, earlier)) = cover {
            let m = Message::TierUnreachable {
                tier: tier.name.clone(),
                by: earlier.name.clone(),
            };
            out.push(Diag::new(m, p.clause(tier.clause).core));
        }
    }
    out.extend(gap(p, &ranges, budget));
    out.extend(quotas(p));
    out
}

/// The highest total no tier takes, when every tier is a range of the total.
fn gap(p: &Program, ranges: &[Option<Range>], budget: &Budget) -> Option<Diag> {
    if p.tiers.iter().any(|t| t.cond.is_none()) {
        return None;
    }
    let ranges: Vec<Range> = ranges.iter().copied().collect::<Option<Vec<_>>>()?;
    if ranges.iter().any(|r| r.operand != OperandIr::Total) {
        return None;
    }
    let total = operand(p, &Bounds::of(p, budget), OperandIr::Total);
    let Interval {
        low: Some(low),
        high: Some(high),
    } = bounded(total, p.full)
    else {
        return None;
    };
    // Candidate totals: the bounds, and just around every end of every range.
    let mut candidates = vec![high, low];
    for r in &ranges {
        for e in r.low.iter().chain(r.high.iter()) {
            for d in [Decimal::ONE, Decimal::new(5, 1), Decimal::ZERO] {
                candidates.extend(exact::sub(e.at, d).ok());
                candidates.extend(exact::add(e.at, d).ok());
            }
        }
    }
    candidates.retain(|x| *x >= low && *x <= high);
    candidates.sort();
    candidates.dedup();
    let witness = candidates
        .iter()
        .rev()
        .copied()
        .find(|x| !ranges.iter().any(|r| r.contains(*x)))?;
    let mut unit = UnitSpec::typical(p, 0, |max| max);
    fill(p, &mut unit, witness)?;
    let units = vec![unit];
    let claim = Claim::NoGrade { total: witness };
    let confirmed = confirm(p, &units, &claim, budget, AnalysisPart::Grades)?;
    let first = p.tiers.first()?;
    let m = Message::TierGap { total: witness };
    Some(Diag::new(m, p.clause(first.clause).core).with_witness(confirmed.data))
}

/// The total's interval, closed at 满分 above and 0 below when unbounded.
fn bounded(total: Interval, full: Decimal) -> Interval {
    Interval {
        low: Some(total.low.unwrap_or(Decimal::ZERO)),
        high: Some(total.high.unwrap_or(full)),
    }
}

/// Leaf scores adding up to `total` (no events), in declaration order.
fn fill(p: &Program, unit: &mut UnitSpec, total: Decimal) -> Option<()> {
    if total < Decimal::ZERO || total > p.full {
        return None;
    }
    let mut left = total;
    for (slot, (_, score)) in unit.scores.iter_mut().enumerate() {
        let item = &p[*p.leaves.get(slot)?];
        let contribution = left.min(item.max);
        left = exact::sub(left, contribution).ok()?;
        *score = match item.scale {
            Some(s) if !item.max.is_zero() => {
                exact::div(exact::mul(contribution, s).ok()?, item.max).ok()?
            }
            _ => contribution,
        };
    }
    left.is_zero().then_some(())
}

/// Percentage quotas above 100% in all; a percentage that gives 0 places.
fn quotas(p: &Program) -> Vec<Diag> {
    let mut out = Vec::new();
    // Past the digits kept, no sum is claimed (no finding).
    let Ok(sum) = exact::sum(p.tiers.iter().filter_map(|t| match t.quota {
        Some(QuotaIr::Percent(x)) => Some(x),
        _ => None,
    })) else {
        return out;
    };
    if let (true, Some(first)) = (sum > Decimal::ONE_HUNDRED, p.tiers.first()) {
        out.push(Diag::new(
            Message::TierQuotasOver { sum },
            p.clause(first.clause).core,
        ));
    }
    let scopes: Vec<(Option<String>, usize)> = if p.ranking.within_group {
        p.groups
            .iter()
            .filter(|g| !g.open)
            .map(|g| (Some(g.name.clone()), g.members.len()))
            .collect()
    } else if p.groups.iter().all(|g| !g.open) {
        vec![(None, p.units.len())]
    } else {
        Vec::new()
    };
    for tier in &p.tiers {
        let Some(QuotaIr::Percent(x)) = tier.quota else {
            continue;
        };
        for (scope, units) in &scopes {
            if QuotaIr::Percent(x).places(*units) == 0 {
                let m = Message::TierQuotaZero {
                    tier: tier.name.clone(),
                    percent: x,
                    units: *units,
                    scope: scope.clone(),
                };
                out.push(Diag::new(m, p.clause(tier.clause).core));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn ranges_cover_exactly() {
        let at_least = |c| {
            Range::all(OperandIr::Total)
                .meet(CmpOp::Ge, d(c))
                .unwrap_or(Range::all(OperandIr::Total))
        };
        assert!(at_least(80).covers(&at_least(90)));
        assert!(!at_least(90).covers(&at_least(80)));
        let band = at_least(80)
            .meet(CmpOp::Lt, d(90))
            .unwrap_or(Range::all(OperandIr::Total));
        assert!(at_least(80).covers(&band));
        assert!(band.contains(d(80)) && !band.contains(d(90)));
        let above = Range::all(OperandIr::Total)
            .meet(CmpOp::Gt, d(80))
            .unwrap_or(Range::all(OperandIr::Total));
        assert!(at_least(80).covers(&above) && !above.covers(&at_least(80)));
    }
}
