//! Competition ranking (§7.15): non-vetoed units by the whole key (total,
//! then each tie-break); units equal on the whole key share a rank (1, 2, 2, 4).
//! Under `分组内` each group is its own scope.

use std::cmp::Ordering;

use super::table::Table;
use crate::ast::Order;
use crate::ir::{KeyIr, Program};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranks {
    /// Rank in scope; `None` for vetoed units.
    pub rank: Vec<Option<u32>>,
    /// Ranked units in scope strictly after the unit on the whole key.
    pub after: Vec<u32>,
    /// The unit's scope (group index under `分组内`, else 0).
    pub scope: Vec<u32>,
    /// Ranked units per scope.
    pub ranked: Vec<usize>,
    /// Every unit in ranking order: scope by scope; ranked units by rank then
    /// data order; then the vetoed ones in data order.
    pub order: Vec<u32>,
}

/// Compares two units on the ranking key: `Less` means `a` ranks higher.
pub fn compare_key(p: &Program, t: &Table<'_>, a: usize, b: usize) -> Ordering {
    for (key, order) in &p.ranking.keys {
        let (x, y) = match key {
            KeyIr::Total => (
                t.rows.get(a).map(|r| r.result.total),
                t.rows.get(b).map(|r| r.result.total),
            ),
            KeyIr::Item(slot) => (
                t.tracked_of(a).get(*slot).copied(),
                t.tracked_of(b).get(*slot).copied(),
            ),
        };
        let c = match order {
            Order::Desc => y.cmp(&x),
            Order::Asc => x.cmp(&y),
        };
        if c != Ordering::Equal {
            return c;
        }
    }
    Ordering::Equal
}

/// Each unit's whole ranking key as integers at one common scale per key,
/// negated for descending keys, so that sorting is plain integer comparison
/// (a million `Decimal` comparisons align scales every time). `None` if a
/// value does not fit, and the `Decimal` comparison is used instead.
fn integer_keys(p: &Program, t: &Table<'_>) -> Option<Vec<i128>> {
    let n = t.len();
    let k = p.ranking.keys.len();
    let mut out = vec![0i128; n * k];
    for (j, (key, order)) in p.ranking.keys.iter().enumerate() {
        let value = |u: usize| -> rust_decimal::Decimal {
            match key {
                KeyIr::Total => t.rows.get(u).map(|r| r.result.total).unwrap_or_default(),
                KeyIr::Item(slot) => t.tracked_of(u).get(*slot).copied().unwrap_or_default(),
            }
        };
        let scale = (0..n).map(|u| value(u).scale()).max().unwrap_or(0);
        for u in 0..n {
            let v = value(u);
            let factor = 10i128.checked_pow(scale - v.scale())?;
            let x = v.mantissa().checked_mul(factor)?;
            let x = if *order == Order::Desc {
                x.checked_neg()?
            } else {
                x
            };
            *out.get_mut(u * k + j)? = x;
        }
    }
    Some(out)
}

pub fn rank(p: &Program, t: &Table<'_>) -> Ranks {
    let n = t.len();
    let scopes = if p.ranking.within_group {
        p.groups.len().max(1)
    } else {
        1
    };
    let scope_of = |u: usize| -> u32 {
        if p.ranking.within_group {
            t.rows.get(u).map_or(0, |r| r.group.0)
        } else {
            0
        }
    };
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); scopes];
    let mut vetoed: Vec<Vec<u32>> = vec![Vec::new(); scopes];
    let mut out = Ranks {
        rank: vec![None; n],
        after: vec![0; n],
        scope: (0..n).map(scope_of).collect(),
        ranked: vec![0; scopes],
        order: Vec::with_capacity(n),
    };
    for (u, row) in t.rows.iter().enumerate() {
        let s = scope_of(u) as usize;
        let list = if row.result.vetoed {
            &mut vetoed
        } else {
            &mut members
        };
        if let Some(l) = list.get_mut(s) {
            l.push(u as u32);
        }
    }
    let ints = integer_keys(p, t);
    let k = p.ranking.keys.len();
    let key_of = |u: u32| -> &[i128] {
        let u = u as usize;
        ints.as_deref()
            .and_then(|i| i.get(u * k..u * k + k))
            .unwrap_or(&[])
    };
    let cmp = |a: u32, b: u32| -> Ordering {
        match ints {
            Some(_) => key_of(a).cmp(key_of(b)),
            None => compare_key(p, t, a as usize, b as usize),
        }
    };
    for (s, list) in members.iter_mut().enumerate() {
        list.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
        let len = list.len();
        if let Some(r) = out.ranked.get_mut(s) {
            *r = len;
        }
        let mut start = 0;
        while start < len {
            let head = list.get(start).copied().unwrap_or(0);
            let mut end = start + 1;
            while list
                .get(end)
                .is_some_and(|&u| cmp(head, u) == Ordering::Equal)
            {
                end += 1;
            }
            for &u in list.get(start..end).unwrap_or(&[]) {
                if let Some(r) = out.rank.get_mut(u as usize) {
                    *r = Some(start as u32 + 1);
                }
                if let Some(a) = out.after.get_mut(u as usize) {
                    *a = (len - end) as u32;
                }
            }
            start = end;
        }
        out.order.extend(list.iter().copied());
        out.order
            .extend(vetoed.get(s).into_iter().flatten().copied());
    }
    out
}
