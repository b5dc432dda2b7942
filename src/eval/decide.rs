//! Decisions that need the ranking: outcomes (§7.19), awards with their
//! exclusions and quotas (§7.16–17), grades (§7.18). A tie across a quota
//! boundary is `Pending`, never broken silently.

use super::cond::eval_cond;
use super::rank::Ranks;
use super::table::Table;
use crate::ir::*;

/// A unit's standing for an award with a quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// The award has no quota: eligibility is the ruling.
    NoQuota,
    Selected,
    NotSelected,
    /// Tied with others across the quota's boundary: needs a decision.
    Pending,
}

/// A unit's grade tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    /// No tier takes it (or the policy has no `等次`).
    None,
    Tier(TierId),
    /// Tied across the tier's quota boundary: needs a decision.
    Pending(TierId),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decisions {
    outcomes_per_unit: usize,
    awards_per_unit: usize,
    /// units × outcomes
    pub outcomes: Vec<bool>,
    /// units × awards
    pub eligible: Vec<bool>,
    /// units × awards
    pub selected: Vec<Option<Selection>>,
    pub grades: Vec<Grade>,
}

impl Decisions {
    pub fn outcome(&self, unit: usize, o: OutcomeId) -> bool {
        let i = unit * self.outcomes_per_unit + o.index();
        self.outcomes.get(i).copied().unwrap_or(false)
    }

    pub fn eligible(&self, unit: usize, a: AwardId) -> bool {
        let i = unit * self.awards_per_unit + a.index();
        self.eligible.get(i).copied().unwrap_or(false)
    }

    pub fn selection(&self, unit: usize, a: AwardId) -> Selection {
        let i = unit * self.awards_per_unit + a.index();
        self.selected
            .get(i)
            .copied()
            .flatten()
            .unwrap_or(Selection::NoQuota)
    }

    pub fn grade(&self, unit: usize) -> Grade {
        self.grades.get(unit).copied().unwrap_or(Grade::None)
    }
}

/// Whether exclusion `e` of an award applies to unit `u`.
pub fn excludes(t: &Table<'_>, r: &Ranks, d: &Decisions, u: usize, e: &Excl) -> bool {
    let Some(row) = t.rows.get(u) else {
        return false;
    };
    match e {
        Excl::Unit(id) => row.declared == Some(*id),
        Excl::Group(g) => row.group == *g,
        Excl::Kind(fact) => t.facts_of(u).get(fact.index()).is_some_and(|c| *c > 0),
        Excl::Vetoed => row.result.vetoed,
        Excl::Outcome(o) => d.outcome(u, *o),
        Excl::Bottom(n) => {
            let ranked = r.rank.get(u).copied().flatten().is_some();
            // after + 1 ≤ N (§7.15)
            ranked && r.after.get(u).is_some_and(|a| a < n)
        }
        Excl::Finding(f) => row.result.findings.contains(f),
    }
}

pub fn decide(p: &Program, t: &Table<'_>, r: &Ranks) -> Decisions {
    let n = t.len();
    let mut d = Decisions {
        outcomes_per_unit: p.outcomes.len(),
        awards_per_unit: p.awards.len(),
        outcomes: Vec::with_capacity(n * p.outcomes.len()),
        eligible: Vec::with_capacity(n * p.awards.len()),
        selected: vec![None; n * p.awards.len()],
        grades: vec![Grade::None; n],
    };
    for u in 0..n {
        let rank = r.rank.get(u).copied().flatten();
        let after = rank.and(r.after.get(u).copied());
        let Some(facts) = t.facts(u, rank, after) else {
            continue;
        };
        for o in &p.outcomes {
            d.outcomes.push(eval_cond(&o.cond, &facts));
        }
    }
    for u in 0..n {
        for a in &p.awards {
            let vetoed = t.rows.get(u).is_some_and(|row| row.result.vetoed);
            let excluded = vetoed || a.exclusions.iter().any(|e| excludes(t, r, &d, u, &e.what));
            d.eligible.push(!excluded);
        }
    }
    for (ai, a) in p.awards.iter().enumerate() {
        if let Some((quota, _)) = a.quota {
            let lists: Vec<(Vec<u32>, usize)> = scopes(r)
                .into_iter()
                .enumerate()
                .map(|(s, units)| (units, r.ranked.get(s).copied().unwrap_or(0)))
                .collect();
            select(
                &mut d,
                r,
                ai,
                lists.iter().map(|(u, n)| (u, quota.places(*n))),
            );
        } else if !a.group_quotas.is_empty() {
            let lists: Vec<(Vec<u32>, usize)> = a
                .group_quotas
                .iter()
                .map(|(g, quota, _)| {
                    let units = group_ranked(t, r, *g);
                    let places = quota.places(units.len());
                    (units, places)
                })
                .collect();
            select(&mut d, r, ai, lists.iter().map(|(u, n)| (u, *n)));
        }
    }
    if !p.tiers.is_empty() {
        grade(p, t, r, &mut d);
    }
    d
}

/// Tie groups (units with one rank) of a scope's ranked units, in rank order.
fn tie_groups<'r>(r: &'r Ranks, scope_units: &'r [u32]) -> impl Iterator<Item = &'r [u32]> {
    scope_units.chunk_by(move |a, b| {
        r.rank.get(*a as usize).copied().flatten() == r.rank.get(*b as usize).copied().flatten()
    })
}

/// Ranked units of each scope, in rank order.
fn scopes(r: &Ranks) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); r.ranked.len()];
    for &u in &r.order {
        let ranked = r.rank.get(u as usize).copied().flatten().is_some();
        let s = r.scope.get(u as usize).copied().unwrap_or(0) as usize;
        if let (true, Some(list)) = (ranked, out.get_mut(s)) {
            list.push(u);
        }
    }
    out
}

/// The ranked units of group `g`, in rank order: the list `名额 GROUP N`
/// selects from (its places are counted on them).
fn group_ranked(t: &Table<'_>, r: &Ranks, g: GroupId) -> Vec<u32> {
    r.order
        .iter()
        .copied()
        .filter(|u| r.rank.get(*u as usize).copied().flatten().is_some())
        .filter(|u| t.rows.get(*u as usize).is_some_and(|row| row.group == g))
        .collect()
}

/// `名额`: the top eligible units of each list (a ranking scope, or a group's
/// ranked units), by rank, up to its places; a tie across the boundary is
/// pending. Units in no list are not selected.
fn select<'l>(
    d: &mut Decisions,
    r: &Ranks,
    award: usize,
    lists: impl Iterator<Item = (&'l Vec<u32>, usize)>,
) {
    let per = d.awards_per_unit;
    for (units, places) in lists {
        let eligible: Vec<u32> = units
            .iter()
            .copied()
            .filter(|u| {
                d.eligible
                    .get(*u as usize * per + award)
                    .copied()
                    .unwrap_or(false)
            })
            .collect();
        let mut taken = 0;
        for group in tie_groups(r, &eligible) {
            let choice = if taken + group.len() <= places {
                Selection::Selected
            } else if taken < places {
                Selection::Pending
            } else {
                Selection::NotSelected
            };
            taken = (taken + group.len()).min(places.max(taken));
            for &u in group {
                if let Some(x) = d.selected.get_mut(u as usize * per + award) {
                    *x = Some(choice);
                }
            }
        }
    }
    // Units that are not eligible (or not ranked) are not selected.
    for u in 0..d.grades.len() {
        if let Some(x @ None) = d.selected.get_mut(u * per + award) {
            *x = Some(Selection::NotSelected);
        }
    }
}

/// `等次` (§7.18): in rank order, each unit takes the first tier whose
/// condition holds and whose quota has room; a vetoed unit takes the last tier.
fn grade(p: &Program, t: &Table<'_>, r: &Ranks, d: &mut Decisions) {
    let last = TierId::from_index(p.tiers.len().saturating_sub(1));
    for (u, row) in t.rows.iter().enumerate() {
        if row.result.vetoed
            && let Some(g) = d.grades.get_mut(u)
        {
            *g = Grade::Tier(last);
        }
    }
    for (s, units) in scopes(r).iter().enumerate() {
        let ranked = r.ranked.get(s).copied().unwrap_or(0);
        let mut room: Vec<Option<usize>> = p
            .tiers
            .iter()
            .map(|tier| tier.quota.map(|q| q.places(ranked)))
            .collect();
        for group in tie_groups(r, units) {
            let mut open: Vec<u32> = group.to_vec();
            for (ti, tier) in p.tiers.iter().enumerate() {
                let (takes, rest): (Vec<u32>, Vec<u32>) = open.iter().partition(|&&u| {
                    let u = u as usize;
                    let rank = r.rank.get(u).copied().flatten();
                    let after = r.after.get(u).copied();
                    match (&tier.cond, t.facts(u, rank, after)) {
                        (None, _) => true,
                        (Some(c), Some(f)) => eval_cond(c, &f),
                        (Some(_), None) => false,
                    }
                });
                if takes.is_empty() {
                    continue;
                }
                let id = TierId::from_index(ti);
                let grade = match room.get_mut(ti) {
                    Some(Some(left)) if *left == 0 => continue,
                    Some(Some(left)) if *left < takes.len() => {
                        *left = 0;
                        Grade::Pending(id)
                    }
                    Some(Some(left)) => {
                        *left -= takes.len();
                        Grade::Tier(id)
                    }
                    _ => Grade::Tier(id),
                };
                for &u in &takes {
                    if let Some(g) = d.grades.get_mut(u as usize) {
                        *g = grade;
                    }
                }
                open = rest;
                if open.is_empty() {
                    break;
                }
            }
        }
    }
}
