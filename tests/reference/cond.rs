//! Conditions of `处置`, `等次` and `一票否决 当` (§7.19), evaluated over the
//! AST as written. For a vetoed unit every atom on 总分, 排名 and `末 N 名`
//! is false; the other atoms read the unit as usual (§7.14).

use kaohe::ast::{CmpOp, Cond, CondNode, Condition, Direction, Operand};

use super::exact::{Q, int};
use super::model::{Model, passes};
use super::unit::UnitEval;

/// A unit as a condition sees it; `place` is (rank, ranked units of its
/// scope strictly after it on the whole key), `None` when it has no rank
/// (vetoed, or before ranking).
pub struct View<'u, 'd> {
    pub unit: &'u UnitEval<'d>,
    pub place: Option<(u32, u32)>,
}

pub fn compare(a: &Q, op: CmpOp, b: &Q) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
    }
}

/// How many counted events of `kind` pass every test.
pub fn count(u: &UnitEval<'_>, kind: &str, tests: &[Condition]) -> usize {
    u.data
        .events
        .iter()
        .zip(&u.events)
        .filter(|(data, eval)| {
            eval.counted()
                && data.kind == kind
                && tests
                    .iter()
                    .all(|t| passes(t, data.attrs.get(&t.attr.text).map(String::as_str)))
        })
        .count()
}

pub fn holds(m: &Model<'_>, c: &Cond, v: &View<'_, '_>) -> bool {
    let u = v.unit;
    match &c.node {
        CondNode::Or(list) => list.iter().any(|x| holds(m, x, v)),
        CondNode::And(list) => list.iter().all(|x| holds(m, x, v)),
        CondNode::Not(x) => !holds(m, x, v),
        CondNode::Grade(_) | CondNode::Awarded(_) => {
            panic!("a decision atom is read through `truth`, never `holds`")
        }
        CondNode::Compare { operand, op, value } => {
            let value = m.num(value);
            let left = match operand {
                Operand::Total if u.vetoed => return false,
                Operand::Total => u.total.clone(),
                Operand::Rank => match v.place {
                    Some((rank, _)) if !u.vetoed => int(i64::from(rank)),
                    _ => return false,
                },
                Operand::Bonus => u.bonus.clone(),
                Operand::Deduct => u.deduction.clone(),
                Operand::Item(name) => u.contributions[m.item_index(&name.text).unwrap()].clone(),
            };
            compare(&left, *op, &value)
        }
        CondNode::Bottom(b) => {
            let n = m.num(&b.n);
            !u.vetoed
                && v.place
                    .is_some_and(|(_, after)| int(i64::from(after)) + int(1) <= n)
        }
        CondNode::Vetoed => u.vetoed,
        CondNode::HasAdjust(Direction::Bonus) => u.any_bonus,
        CondNode::HasAdjust(Direction::Deduct) => u.any_deduct,
        CondNode::HasKind { kind, conditions } => count(u, &kind.text, conditions) >= 1,
        CondNode::Count {
            kind,
            conditions,
            op,
            value,
        } => compare(
            &int(count(u, &kind.text, conditions) as i64),
            *op,
            &m.num(value),
        ),
        CondNode::InGroup(g) => u.data.group == g.text,
    }
}

/// What a condition knows of decisions already made about one unit: its
/// standing for an award, its grade (`None`: that decision is still pending).
pub trait Decided {
    fn awarded(&self, award: &str) -> Option<bool>;
    fn graded_in(&self, tiers: &[&str]) -> Option<bool>;
}

/// A condition that may read decisions (§7.31), as `Some(answer)` or `None`
/// while a decision it needs is pending and the rest does not settle it.
pub fn truth(m: &Model<'_>, c: &Cond, v: &View<'_, '_>, d: &dyn Decided) -> Option<bool> {
    match &c.node {
        CondNode::Or(list) => {
            let all: Vec<Option<bool>> = list.iter().map(|x| truth(m, x, v, d)).collect();
            if all.contains(&Some(true)) {
                Some(true)
            } else if all.contains(&None) {
                None
            } else {
                Some(false)
            }
        }
        CondNode::And(list) => {
            let all: Vec<Option<bool>> = list.iter().map(|x| truth(m, x, v, d)).collect();
            if all.contains(&Some(false)) {
                Some(false)
            } else if all.contains(&None) {
                None
            } else {
                Some(true)
            }
        }
        CondNode::Not(x) => truth(m, x, v, d).map(|b| !b),
        CondNode::Awarded(a) => d.awarded(&a.text),
        CondNode::Grade(test) => match test {
            kaohe::ast::Test::Is(t) => d.graded_in(&[t.text.as_str()]),
            kaohe::ast::Test::In(ts) => {
                let names: Vec<&str> = ts.iter().map(|t| t.text.as_str()).collect();
                d.graded_in(&names)
            }
            kaohe::ast::Test::NotIn(ts) => {
                let names: Vec<&str> = ts.iter().map(|t| t.text.as_str()).collect();
                d.graded_in(&names).map(|b| !b)
            }
        },
        _ => Some(holds(m, c, v)),
    }
}
