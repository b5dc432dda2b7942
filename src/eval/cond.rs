//! Outcome, tier and veto conditions over one unit's facts (§7.19). For a
//! vetoed unit every atom on 总分, 排名 and `末 N 名` is false (§7.14).

use rust_decimal::Decimal;

use super::truth::Truth;
use super::unit::UnitResult;
use crate::ast::Direction;
use crate::ir::{CondIr, GroupId, OperandIr, compare};

/// What a condition can read about a unit.
pub struct Facts<'x> {
    pub result: &'x UnitResult,
    pub group: GroupId,
    pub tracked: &'x [Decimal],
    pub counts: &'x [u32],
    /// Rank in scope (none when vetoed or before ranking).
    pub rank: Option<u32>,
    /// Ranked units in scope strictly after this one on the whole key.
    pub after: Option<u32>,
}

/// A condition that reads no decision (a veto's, KH206): whether it holds.
pub fn eval_cond(c: &CondIr, f: &Facts<'_>) -> bool {
    truth(c, f, &|_| Truth::Pending).is_yes()
}

/// A condition over the unit's facts and, through `decided`, the decisions
/// already made about it (`获得 A`, `等次 是 T`), in three values (§7.31).
pub fn truth(c: &CondIr, f: &Facts<'_>, decided: &dyn Fn(&CondIr) -> Truth) -> Truth {
    match c {
        CondIr::Or(list) => Truth::any(list.iter().map(|x| truth(x, f, decided))),
        CondIr::And(list) => Truth::all(list.iter().map(|x| truth(x, f, decided))),
        CondIr::Not(inner) => !truth(inner, f, decided),
        CondIr::Grade(_) | CondIr::Awarded(_) => decided(c),
        atom => Truth::from_bool(fact(atom, f)),
    }
}

/// An atom on the unit's own facts.
fn fact(c: &CondIr, f: &Facts<'_>) -> bool {
    let vetoed = f.result.vetoed;
    match c {
        CondIr::Compare {
            operand, op, value, ..
        } => {
            let v = match operand {
                OperandIr::Total if vetoed => return false,
                OperandIr::Total => f.result.total,
                OperandIr::Rank => match f.rank {
                    Some(r) if !vetoed => Decimal::from(r),
                    _ => return false,
                },
                OperandIr::Bonus => f.result.bonus,
                OperandIr::Deduct => f.result.deduction,
                OperandIr::Item(slot) => f.tracked.get(*slot).copied().unwrap_or_default(),
            };
            compare(v, *op, *value)
        }
        // `末 N 名`: after + 1 ≤ N (§7.15).
        CondIr::Bottom(n) => !vetoed && f.after.is_some_and(|after| after < *n),
        CondIr::Vetoed => vetoed,
        CondIr::HasAdjust(Direction::Bonus) => f.result.has_bonus,
        CondIr::HasAdjust(Direction::Deduct) => f.result.has_deduct,
        CondIr::Fact { fact, op, value } => {
            let count = f.counts.get(fact.index()).copied().unwrap_or(0);
            compare(Decimal::from(count), *op, *value)
        }
        CondIr::InGroup(g) => f.group == *g,
        _ => false,
    }
}
