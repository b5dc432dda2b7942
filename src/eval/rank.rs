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
    for (s, list) in members.iter_mut().enumerate() {
        list.sort_by(|&a, &b| compare_key(p, t, a as usize, b as usize).then(a.cmp(&b)));
        let len = list.len();
        if let Some(r) = out.ranked.get_mut(s) {
            *r = len;
        }
        let mut start = 0;
        while start < len {
            let head = list.get(start).copied().unwrap_or(0) as usize;
            let mut end = start + 1;
            while list
                .get(end)
                .is_some_and(|&u| compare_key(p, t, head, u as usize) == Ordering::Equal)
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
