//! What needs every unit (§3, §7.15–18): competition ranking in its scope,
//! outcomes, award eligibility and quotas, grades. Ranks and places are
//! counted directly ("how many ranked units of the scope are strictly
//! better"), quadratic and plain, not computed by sorting.

use std::cmp::Ordering;

use kaohe::ast::{Exclusion, Order};

use super::cond::{View, holds};
use super::exact::{Q, floor_count, int};
use super::model::{Key, Model, Places};
use super::unit::UnitEval;

/// A unit's standing for an award.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// No quota: eligibility is the ruling.
    NoQuota,
    Selected,
    NotSelected,
    /// Tied on the whole key across the quota's boundary.
    Pending,
}

/// A unit's grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grade {
    None,
    Tier(String),
    Pending(String),
}

#[derive(Debug, Clone)]
pub struct Decided {
    /// (rank, ranked units of the scope strictly after it) for ranked units.
    pub place: Option<(u32, u32)>,
    pub outcomes: Vec<bool>,
    /// (eligible, selection) per award.
    pub awards: Vec<(bool, Selection)>,
    pub grade: Grade,
}

/// The unit's scope: its group under `分组内`, else everyone.
fn scope<'u>(m: &Model<'_>, u: &'u UnitEval<'_>) -> &'u str {
    if m.within_group { &u.data.group } else { "" }
}

fn key(m: &Model<'_>, u: &UnitEval<'_>) -> Vec<Q> {
    m.keys
        .iter()
        .map(|(k, _)| match k {
            Key::Total => u.total.clone(),
            Key::Item(name) => u.contributions[m.item_index(name).unwrap()].clone(),
        })
        .collect()
}

/// `Less` when `a` ranks before `b` on the whole key.
fn before(m: &Model<'_>, a: &[Q], b: &[Q]) -> Ordering {
    for ((x, y), (_, order)) in a.iter().zip(b).zip(&m.keys) {
        let c = match order {
            Order::Desc => y.cmp(x),
            Order::Asc => x.cmp(y),
        };
        if c != Ordering::Equal {
            return c;
        }
    }
    Ordering::Equal
}

/// Places of a quota among `ranked` units of a scope (§7.16: rounded down).
fn places(q: &Places, ranked: usize) -> usize {
    match q {
        Places::Count(n) => floor_count(n),
        Places::Percent(p) => floor_count(&(p.clone() * int(ranked as i64) / int(100))),
    }
}

pub fn decide(m: &Model<'_>, units: &[UnitEval<'_>]) -> Vec<Decided> {
    let n = units.len();
    let keys: Vec<Vec<Q>> = units.iter().map(|u| key(m, u)).collect();
    let ranked = |i: usize| !units[i].vetoed;
    let same_scope = |i: usize, j: usize| scope(m, &units[i]) == scope(m, &units[j]);
    // Ranked units of i's scope, and how each compares with i.
    let peers = |i: usize| (0..n).filter(move |&j| ranked(j) && same_scope(i, j));
    let place: Vec<Option<(u32, u32)>> = (0..n)
        .map(|i| {
            ranked(i).then(|| {
                let better = peers(i)
                    .filter(|&j| before(m, &keys[j], &keys[i]).is_lt())
                    .count();
                let after = peers(i)
                    .filter(|&j| before(m, &keys[j], &keys[i]).is_gt())
                    .count();
                (better as u32 + 1, after as u32)
            })
        })
        .collect();
    let ranked_in_scope = |i: usize| peers(i).count();
    let outcomes: Vec<Vec<bool>> = (0..n)
        .map(|i| {
            let v = View {
                unit: &units[i],
                place: place[i],
            };
            m.outcomes.iter().map(|(_, c)| holds(m, c, &v)).collect()
        })
        .collect();
    let eligible: Vec<Vec<bool>> = (0..n)
        .map(|i| {
            m.awards
                .iter()
                .map(|a| {
                    let excluded = a.exclusions.iter().any(|e| excludes(m, units, &outcomes, &place, i, e));
                    let revoked = m.findings.iter().enumerate().any(|(f, finding)| {
                        units[i].findings.contains(&f)
                            && finding.actions.iter().any(|x| {
                                matches!(x, kaohe::ast::FindingAction::Revoke(name) if name.text == a.name)
                            })
                    });
                    !units[i].vetoed && !excluded && !revoked
                })
                .collect()
        })
        .collect();
    let awards: Vec<Vec<(bool, Selection)>> = (0..n)
        .map(|i| {
            m.awards
                .iter()
                .enumerate()
                .map(|(a, award)| {
                    let ok = eligible[i][a];
                    // Unit i among its eligible rivals (itself included) for
                    // `places`: selected when it and its ties fit, pending
                    // when the boundary cuts its ties.
                    let standing = |rivals: &mut dyn Iterator<Item = usize>, places: usize| {
                        let (mut better, mut tied) = (0, 0);
                        for j in rivals {
                            match before(m, &keys[j], &keys[i]) {
                                std::cmp::Ordering::Less => better += 1,
                                std::cmp::Ordering::Equal => tied += 1,
                                std::cmp::Ordering::Greater => {}
                            }
                        }
                        if better + tied <= places {
                            Selection::Selected
                        } else if better < places {
                            Selection::Pending
                        } else {
                            Selection::NotSelected
                        }
                    };
                    if !award.group_quotas.is_empty() {
                        // Each group among its own ranked units, by the ranking key.
                        let group = &units[i].data.group;
                        let quota = award.group_quotas.iter().find(|(g, _)| g == group);
                        let selection = match quota {
                            Some((_, q)) if ok && place[i].is_some() => {
                                let mates =
                                    (0..n).filter(|&j| ranked(j) && units[j].data.group == *group);
                                let places = places(q, mates.clone().count());
                                standing(&mut mates.filter(|&j| eligible[j][a]), places)
                            }
                            _ => Selection::NotSelected,
                        };
                        return (ok, selection);
                    }
                    let selection = match &award.quota {
                        None => Selection::NoQuota,
                        Some(_) if !ok || place[i].is_none() => Selection::NotSelected,
                        Some(q) => {
                            let places = places(q, ranked_in_scope(i));
                            standing(&mut peers(i).filter(|&j| eligible[j][a]), places)
                        }
                    };
                    (ok, selection)
                })
                .collect()
        })
        .collect();
    let grades = grades(m, units, &keys, &place);
    (0..n)
        .map(|i| Decided {
            place: place[i],
            outcomes: outcomes[i].clone(),
            awards: awards[i].clone(),
            grade: grades[i].clone(),
        })
        .collect()
}

/// Whether a `不含` applies to unit `i` (§7.9).
fn excludes(
    m: &Model<'_>,
    units: &[UnitEval<'_>],
    outcomes: &[Vec<bool>],
    place: &[Option<(u32, u32)>],
    i: usize,
    e: &Exclusion,
) -> bool {
    let u = &units[i];
    match e {
        Exclusion::Vetoed(_) => u.vetoed,
        Exclusion::Bottom(b) => {
            let n = m.num(&b.n);
            place[i].is_some_and(|(_, after)| int(i64::from(after)) + int(1) <= n)
        }
        Exclusion::Name(name) => {
            let name = name.text.as_str();
            if let Some(o) = m.outcomes.iter().position(|(x, _)| x == name) {
                outcomes[i][o]
            } else if m.is_kind(name) {
                super::cond::count(u, name, &[]) >= 1
            } else if m.groups.iter().any(|g| g.name == name) {
                u.data.group == name
            } else {
                u.data.name == name
            }
        }
    }
}

/// `等次` (§7.18): in rank order each unit takes the first tier whose
/// condition holds and whose quota has room; units tied on the whole key
/// that would cross a quota's boundary are pending for it; a vetoed unit
/// takes the last tier.
fn grades(
    m: &Model<'_>,
    units: &[UnitEval<'_>],
    keys: &[Vec<Q>],
    place: &[Option<(u32, u32)>],
) -> Vec<Grade> {
    let n = units.len();
    let mut out = vec![Grade::None; n];
    if m.tiers.is_empty() {
        return out;
    }
    let last = m.tiers.last().unwrap().name.text.clone();
    for i in 0..n {
        if units[i].vetoed {
            out[i] = Grade::Tier(last.clone());
        }
    }
    let mut scopes: Vec<&str> = (0..n).map(|i| scope(m, &units[i])).collect();
    scopes.sort();
    scopes.dedup();
    for s in scopes {
        let mut members: Vec<usize> = (0..n)
            .filter(|&i| place[i].is_some() && scope(m, &units[i]) == s)
            .collect();
        members.sort_by_key(|&i| place[i].unwrap().0);
        let mut room: Vec<Option<usize>> = m
            .tiers
            .iter()
            .map(|t| {
                t.quota.as_ref().map(|q| {
                    let q = match q {
                        kaohe::ast::Quota::Count(x) => Places::Count(m.num(x)),
                        kaohe::ast::Quota::Percent(x) => Places::Percent(m.num(x)),
                    };
                    places(&q, members.len())
                })
            })
            .collect();
        // Tie groups in rank order: units equal on the whole key.
        let mut start = 0;
        while start < members.len() {
            let mut end = start + 1;
            while end < members.len()
                && before(m, &keys[members[start]], &keys[members[end]]).is_eq()
            {
                end += 1;
            }
            let mut open: Vec<usize> = members[start..end].to_vec();
            for (t, tier) in m.tiers.iter().enumerate() {
                let takers: Vec<usize> = open
                    .iter()
                    .copied()
                    .filter(|&i| match &tier.when {
                        None => true,
                        Some(c) => holds(
                            m,
                            c,
                            &View {
                                unit: &units[i],
                                place: place[i],
                            },
                        ),
                    })
                    .collect();
                if takers.is_empty() {
                    continue;
                }
                let name = tier.name.text.clone();
                let grade = match &mut room[t] {
                    None => Grade::Tier(name),
                    Some(0) => continue,
                    Some(left) if takers.len() <= *left => {
                        *left -= takers.len();
                        Grade::Tier(name)
                    }
                    Some(left) => {
                        *left = 0;
                        Grade::Pending(name)
                    }
                };
                for &i in &takers {
                    out[i] = grade.clone();
                }
                open.retain(|i| !takers.contains(i));
                if open.is_empty() {
                    break;
                }
            }
            start = end;
        }
    }
    out
}
