//! Decisions that need the ranking: outcomes (§7.19), awards with their
//! exclusions and quotas (§7.16–17), grades (§7.18), each after the
//! decisions it reads (§7.31). A tie across a quota boundary is `Pending`,
//! never broken silently, and so is what reads it.

use super::cond::truth;
use super::rank::Ranks;
use super::table::Table;
use super::truth::Truth;
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
    pub outcomes: Vec<Truth>,
    /// units × awards
    pub eligible: Vec<Truth>,
    /// units × awards
    pub selected: Vec<Option<Selection>>,
    pub grades: Vec<Grade>,
}

impl Decisions {
    pub fn outcome(&self, unit: usize, o: OutcomeId) -> Truth {
        let i = unit * self.outcomes_per_unit + o.index();
        self.outcomes.get(i).copied().unwrap_or_default()
    }

    pub fn eligible(&self, unit: usize, a: AwardId) -> Truth {
        let i = unit * self.awards_per_unit + a.index();
        self.eligible.get(i).copied().unwrap_or_default()
    }

    pub fn selection(&self, unit: usize, a: AwardId) -> Selection {
        let i = unit * self.awards_per_unit + a.index();
        self.selected
            .get(i)
            .copied()
            .flatten()
            .unwrap_or(Selection::NoQuota)
    }

    /// `获得 A`: selected, or without a quota eligible.
    pub fn awarded(&self, unit: usize, a: AwardId) -> Truth {
        match self.selection(unit, a) {
            Selection::NoQuota => self.eligible(unit, a),
            Selection::Selected => Truth::Yes,
            Selection::NotSelected => Truth::No,
            Selection::Pending => Truth::Pending,
        }
    }

    pub fn grade(&self, unit: usize) -> Grade {
        self.grades.get(unit).copied().unwrap_or(Grade::None)
    }

    /// `等次 属于 tiers`: a unit pending at tier T takes T or a later tier,
    /// so it is pending unless none of those is listed.
    pub fn grade_in(&self, unit: usize, tiers: &[TierId]) -> Truth {
        match self.grade(unit) {
            Grade::None => Truth::No,
            Grade::Tier(t) => Truth::from_bool(tiers.contains(&t)),
            Grade::Pending(t) if tiers.iter().any(|x| *x >= t) => Truth::Pending,
            Grade::Pending(_) => Truth::No,
        }
    }

    /// A decision atom of a condition, for unit `u`.
    fn atom(&self, u: usize, c: &CondIr) -> Truth {
        match c {
            CondIr::Grade(tiers) => self.grade_in(u, tiers),
            CondIr::Awarded(a) => self.awarded(u, *a),
            _ => Truth::Pending,
        }
    }
}

/// Whether exclusion `e` of an award applies to unit `u`.
pub fn excludes(t: &Table<'_>, r: &Ranks, d: &Decisions, u: usize, e: &Excl) -> Truth {
    let Some(row) = t.rows.get(u) else {
        return Truth::No;
    };
    let plain = match e {
        Excl::Unit(id) => row.declared == Some(*id),
        Excl::Group(g) => row.group == *g,
        Excl::Kind(fact) => t.facts_of(u).get(fact.index()).is_some_and(|c| *c > 0),
        Excl::Vetoed => row.result.vetoed,
        Excl::Outcome(o) => return d.outcome(u, *o),
        Excl::Grade(tier) => return d.grade_in(u, &[*tier]),
        Excl::Award(a) => return d.awarded(u, *a),
        Excl::Bottom(n) => {
            let ranked = r.rank.get(u).copied().flatten().is_some();
            // after + 1 ≤ N (§7.15)
            ranked && r.after.get(u).is_some_and(|a| a < n)
        }
        Excl::Finding(f) => row.result.findings.contains(f),
    };
    Truth::from_bool(plain)
}

/// Every decision about every unit, each after those it reads (§7.31).
pub fn decide(p: &Program, t: &Table<'_>, r: &Ranks) -> Decisions {
    let n = t.len();
    let mut d = Decisions {
        outcomes_per_unit: p.outcomes.len(),
        awards_per_unit: p.awards.len(),
        outcomes: vec![Truth::No; n * p.outcomes.len()],
        eligible: vec![Truth::No; n * p.awards.len()],
        selected: vec![None; n * p.awards.len()],
        grades: vec![Grade::None; n],
    };
    for decision in &p.decisions {
        match *decision {
            Decision::Outcome(o) => outcome(p, t, r, &mut d, o),
            Decision::Award(a) => award(p, t, r, &mut d, a),
            Decision::Grades => grade(p, t, r, &mut d),
        }
    }
    d
}

fn outcome(p: &Program, t: &Table<'_>, r: &Ranks, d: &mut Decisions, o: OutcomeId) {
    let cond = &p[o].cond;
    for u in 0..t.len() {
        let rank = r.rank.get(u).copied().flatten();
        let after = rank.and(r.after.get(u).copied());
        let Some(facts) = t.facts(u, rank, after) else {
            continue;
        };
        let value = truth(cond, &facts, &|atom| d.atom(u, atom));
        if let Some(x) = d.outcomes.get_mut(u * d.outcomes_per_unit + o.index()) {
            *x = value;
        }
    }
}

fn award(p: &Program, t: &Table<'_>, r: &Ranks, d: &mut Decisions, award: AwardId) {
    let a = &p[award];
    let per = d.awards_per_unit;
    for u in 0..t.len() {
        let vetoed = t.rows.get(u).is_some_and(|row| row.result.vetoed);
        let excluded = if vetoed {
            Truth::Yes
        } else {
            Truth::any(a.exclusions.iter().map(|e| excludes(t, r, d, u, &e.what)))
        };
        if let Some(x) = d.eligible.get_mut(u * per + award.index()) {
            *x = !excluded;
        }
    }
    let ai = award.index();
    if let Some((quota, _)) = a.quota {
        let lists: Vec<(Vec<u32>, usize)> = scopes(r)
            .into_iter()
            .enumerate()
            .map(|(s, units)| (units, r.ranked.get(s).copied().unwrap_or(0)))
            .collect();
        select(d, r, ai, lists.iter().map(|(u, n)| (u, quota.places(*n))));
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
        select(d, r, ai, lists.iter().map(|(u, n)| (u, *n)));
    }
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
/// pending. A unit whose eligibility is pending may or may not take a place:
/// the places taken are known only between `lo` and `hi`, and every unit
/// whose selection depends on which is pending. Units in no list are not
/// selected.
fn select<'l>(
    d: &mut Decisions,
    r: &Ranks,
    award: usize,
    lists: impl Iterator<Item = (&'l Vec<u32>, usize)>,
) {
    let per = d.awards_per_unit;
    let eligible = |d: &Decisions, u: u32| {
        d.eligible
            .get(u as usize * per + award)
            .copied()
            .unwrap_or_default()
    };
    for (units, places) in lists {
        let candidates: Vec<u32> = units
            .iter()
            .copied()
            .filter(|u| eligible(d, *u) != Truth::No)
            .collect();
        let (mut lo, mut hi) = (0, 0);
        for group in tie_groups(r, &candidates) {
            let sure = group
                .iter()
                .filter(|u| eligible(d, **u) == Truth::Yes)
                .count();
            let maybe = group.len() - sure;
            for &u in group {
                let choice = if hi + group.len() <= places {
                    match eligible(d, u) {
                        Truth::Yes => Selection::Selected,
                        _ => Selection::Pending,
                    }
                } else if lo >= places {
                    Selection::NotSelected
                } else {
                    Selection::Pending
                };
                if let Some(x) = d.selected.get_mut(u as usize * per + award) {
                    *x = Some(choice);
                }
            }
            lo = (lo + sure).min(places.max(lo));
            hi = (hi + sure + maybe).min(places.max(hi));
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
/// condition holds and whose quota has room; a vetoed unit takes the last
/// tier. A unit whose condition for a tier is pending (§7.31) is pending at
/// that tier; the places taken are then known only between `lo` and `hi`.
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
        // Per tier: its places, and the places taken at least and at most.
        let mut room: Vec<Option<(usize, usize, usize)>> = p
            .tiers
            .iter()
            .map(|tier| tier.quota.map(|q| (q.places(ranked), 0, 0)))
            .collect();
        let holds = |d: &Decisions, tier: &crate::ir::TierIr, u: u32| -> Truth {
            let u = u as usize;
            let rank = r.rank.get(u).copied().flatten();
            let after = r.after.get(u).copied();
            match (&tier.cond, t.facts(u, rank, after)) {
                (None, _) => Truth::Yes,
                (Some(c), Some(f)) => truth(c, &f, &|atom| d.atom(u, atom)),
                (Some(_), None) => Truth::No,
            }
        };
        for group in tie_groups(r, units) {
            let mut open: Vec<u32> = group.to_vec();
            for (ti, tier) in p.tiers.iter().enumerate() {
                let states: Vec<(u32, Truth)> =
                    open.iter().map(|&u| (u, holds(d, tier, u))).collect();
                let takes = states.iter().filter(|(_, h)| *h != Truth::No).count();
                if takes == 0 {
                    continue;
                }
                let sure = states.iter().filter(|(_, h)| *h == Truth::Yes).count();
                let id = TierId::from_index(ti);
                // Of the group's units, how many surely take this tier: the
                // places no unit before the group can have taken go to its
                // units whose condition holds (none when all are settled).
                let mut surely_here = 0;
                let whole = match room.get_mut(ti) {
                    Some(Some((places, lo, _))) if *lo >= *places => continue,
                    Some(Some((places, lo, hi))) if *hi + takes > *places => {
                        surely_here = sure.min(places.saturating_sub(*hi));
                        *lo = (*lo + sure).min(*places);
                        *hi = *places;
                        false
                    }
                    Some(Some((_, lo, hi))) => {
                        *lo += sure;
                        *hi += takes;
                        true
                    }
                    _ => true,
                };
                let mut pending: Vec<u32> = Vec::new();
                for &(u, h) in &states {
                    let grade = match h {
                        Truth::No => continue,
                        Truth::Yes if whole => Grade::Tier(id),
                        _ => Grade::Pending(id),
                    };
                    if let Some(g) = d.grades.get_mut(u as usize) {
                        *g = grade;
                    }
                    if grade == Grade::Pending(id) {
                        pending.push(u);
                    }
                }
                // A unit pending here may yet fall through (the tie is decided
                // against it, or its condition turns out false) and take a
                // place of a later tier. At most all of them but those that
                // surely take this tier fall: count that many among each later
                // tier's most places taken (no more than may take it), so that
                // no unit below is called settled there when a resolution
                // pushes it out.
                let may_fall = pending.len().saturating_sub(surely_here);
                if may_fall > 0 {
                    for (tj, later) in p.tiers.iter().enumerate().skip(ti + 1) {
                        let could = pending
                            .iter()
                            .filter(|&&u| holds(d, later, u) != Truth::No)
                            .count();
                        if let Some(Some((_, _, hi))) = room.get_mut(tj) {
                            *hi += could.min(may_fall);
                        }
                    }
                }
                open = states
                    .iter()
                    .filter(|(_, h)| *h == Truth::No)
                    .map(|(u, _)| *u)
                    .collect();
                if open.is_empty() {
                    break;
                }
            }
        }
    }
}
