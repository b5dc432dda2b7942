//! Static intervals (§7.22): each item in [0, max]; bonus and deduction from
//! the largest events and the caps (unbounded without caps); the total from
//! those; ranks 1..n when the scope is closed. KH501: a comparison atom that
//! is always or never true over its operand's interval.

use rust_decimal::Decimal;

use crate::exact;

use super::amounts::largest_event;
use super::budget::Budget;
use crate::ast::{CmpOp, Direction};
use crate::diag::{Diag, Message};
use crate::ir::{CondIr, OperandIr, Program, SectionIr, VetoTrigger};

/// `[low, high]`; `None` is unbounded on that side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl Interval {
    pub fn new(low: Decimal, high: Decimal) -> Interval {
        Interval {
            low: Some(low),
            high: Some(high),
        }
    }

    /// Whether `x OP c` holds for every x of the interval, for none, or neither.
    pub fn decide(&self, op: CmpOp, c: Decimal) -> Option<bool> {
        let below =
            |x: Option<Decimal>, f: fn(Decimal, Decimal) -> bool| x.is_some_and(|x| f(x, c));
        let (lo_gt, lo_ge) = (
            below(self.low, |x, c| x > c),
            below(self.low, |x, c| x >= c),
        );
        let (hi_lt, hi_le) = (
            below(self.high, |x, c| x < c),
            below(self.high, |x, c| x <= c),
        );
        let point = self.low.is_some() && self.low == self.high && self.low == Some(c);
        match op {
            CmpOp::Gt if lo_gt => Some(true),
            CmpOp::Gt if hi_le => Some(false),
            CmpOp::Ge if lo_ge => Some(true),
            CmpOp::Ge if hi_lt => Some(false),
            CmpOp::Lt if hi_lt => Some(true),
            CmpOp::Lt if lo_ge => Some(false),
            CmpOp::Le if hi_le => Some(true),
            CmpOp::Le if lo_gt => Some(false),
            CmpOp::Eq if point => Some(true),
            CmpOp::Eq if lo_gt || hi_lt => Some(false),
            CmpOp::Ne if lo_gt || hi_lt => Some(true),
            CmpOp::Ne if point => Some(false),
            _ => None,
        }
    }
}

/// The most a section can add (or deduct) for one unit; `None`: no bound.
fn section_max(p: &Program, section: &SectionIr, budget: &Budget) -> Option<Decimal> {
    let mut sum = Some(Decimal::ZERO);
    for &r in &section.rules {
        let rule = &p[r];
        if rule.is_modifier() {
            continue;
        }
        let one = largest_event(p, r, budget).map_or(Decimal::ZERO, |(a, _)| a);
        if budget.ran_out() {
            // Not searched to the end: no bound (a bound too low could make a
            // condition look constant).
            return None;
        }
        // Any number of events: a rule that pays anything reaches its cap, or has no bound.
        let most = match rule.cap {
            Some(cap) if one > Decimal::ZERO => Some(cap),
            None if one > Decimal::ZERO => None,
            _ => Some(Decimal::ZERO),
        };
        // A bound past the digits kept is no bound: unbounded, which never
        // makes a condition look constant.
        sum = sum.zip(most).and_then(|(a, b)| exact::add(a, b).ok());
    }
    match (sum, section.cap) {
        (Some(s), Some(c)) => Some(s.min(c)),
        (None, Some(c)) => Some(c),
        (s, None) => s,
    }
}

/// The bounds of a direction: the sum over its sections.
fn direction_max(p: &Program, d: Direction, budget: &Budget) -> Option<Decimal> {
    p.sections
        .iter()
        .filter(|s| s.direction == d)
        .try_fold(Decimal::ZERO, |acc, s| {
            section_max(p, s, budget).and_then(|m| exact::add(acc, m).ok())
        })
}

/// Units a ranking scope can hold, when every group of it is closed.
pub fn closed_scope_size(p: &Program) -> Option<usize> {
    if p.groups.iter().any(|g| g.open) {
        return None;
    }
    if p.ranking.within_group {
        p.groups.iter().map(|g| g.members.len()).max()
    } else {
        Some(p.units.len())
    }
}

/// The most bonus and deduction one unit can get (`None`: no bound),
/// computed once per program: each needs the largest event of every rule.
pub struct Bounds {
    bonus: Option<Decimal>,
    deduct: Option<Decimal>,
}

impl Bounds {
    pub fn of(p: &Program, budget: &Budget) -> Bounds {
        Bounds {
            bonus: direction_max(p, Direction::Bonus, budget),
            deduct: direction_max(p, Direction::Deduct, budget),
        }
    }
}

/// The interval of an operand over all units that are not vetoed.
pub fn operand(p: &Program, bounds: &Bounds, o: OperandIr) -> Interval {
    let (bonus, deduct) = (bounds.bonus, bounds.deduct);
    match o {
        OperandIr::Total => Interval {
            low: deduct.and_then(|d| exact::sub(Decimal::ZERO, d).ok()),
            high: bonus.and_then(|b| exact::add(p.full, b).ok()),
        },
        OperandIr::Bonus => Interval {
            low: Some(Decimal::ZERO),
            high: bonus,
        },
        OperandIr::Deduct => Interval {
            low: Some(Decimal::ZERO),
            high: deduct,
        },
        OperandIr::Rank => Interval {
            low: Some(Decimal::ONE),
            high: closed_scope_size(p).map(|n| Decimal::from(n.max(1))),
        },
        OperandIr::Item(slot) => {
            let max = p
                .tracked_items
                .get(slot)
                .map_or(Decimal::ZERO, |i| p[*i].max);
            Interval::new(Decimal::ZERO, max)
        }
    }
}

/// KH501 for every comparison of every condition.
pub fn check(p: &Program, budget: &Budget) -> Vec<Diag> {
    let mut out = Vec::new();
    let conds = p
        .outcomes
        .iter()
        .map(|o| &o.cond)
        .chain(p.tiers.iter().filter_map(|t| t.cond.as_ref()))
        .chain(p.vetoes.iter().filter_map(|v| match &v.trigger {
            VetoTrigger::When(c) => Some(c),
            VetoTrigger::Event { .. } => None,
        }));
    let bounds = Bounds::of(p, budget);
    for c in conds {
        walk(p, &bounds, c, &mut out);
    }
    out
}

fn walk(p: &Program, bounds: &Bounds, c: &CondIr, out: &mut Vec<Diag>) {
    match c {
        CondIr::Or(list) | CondIr::And(list) => {
            list.iter().for_each(|x| walk(p, bounds, x, out));
        }
        CondIr::Not(inner) => walk(p, bounds, inner, out),
        CondIr::Compare {
            operand: o,
            op,
            value,
            atom,
        } => {
            let range = operand(p, bounds, *o);
            if let Some(always) = range.decide(*op, *value) {
                let m = Message::ConditionConstant {
                    atom: atom.text.clone(),
                    always,
                    low: range.low,
                    high: range.high,
                };
                out.push(Diag::new(m, atom.span));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn comparisons_decided_over_an_interval() {
        let budget = Interval::new(d(0), d(2));
        assert_eq!(budget.decide(CmpOp::Gt, d(2)), Some(false));
        assert_eq!(budget.decide(CmpOp::Ge, d(2)), None);
        assert_eq!(budget.decide(CmpOp::Le, d(2)), Some(true));
        assert_eq!(budget.decide(CmpOp::Lt, d(0)), Some(false));
        assert_eq!(budget.decide(CmpOp::Ge, d(0)), Some(true));
        assert_eq!(budget.decide(CmpOp::Eq, d(3)), Some(false));
        assert_eq!(budget.decide(CmpOp::Ne, d(3)), Some(true));
        let open = Interval {
            low: Some(d(0)),
            high: None,
        };
        assert_eq!(open.decide(CmpOp::Gt, d(1000)), None);
        assert_eq!(open.decide(CmpOp::Ge, d(0)), Some(true));
    }
}
