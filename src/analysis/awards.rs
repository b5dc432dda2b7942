//! Awards that cannot be filled or given (§7.23). KH502: a quota above the
//! number of units that can ever be eligible in a closed scope, which is
//! |scope| − max(e, N): e units excluded by name or group, N from `末 N 名`
//! (the two may be the same units). KH503: an award no unit can ever get.

use crate::diag::{Diag, Message};
use crate::ir::{AwardIr, ClauseId, Excl, GroupId, Program, QuotaIr, UnitId};

/// A ranking scope: its groups, and its declared units if all its groups are closed.
struct Scope {
    name: Option<String>,
    groups: Vec<GroupId>,
    closed_units: Option<Vec<UnitId>>,
}

fn scopes(p: &Program) -> Vec<Scope> {
    let scope = |groups: Vec<GroupId>, name: Option<String>| {
        let closed = groups.iter().all(|g| !p[*g].open);
        let units = groups
            .iter()
            .map(|g| &p[*g])
            .flat_map(|g| g.members.iter().copied())
            .collect();
        Scope {
            name,
            groups,
            closed_units: closed.then_some(units),
        }
    };
    if p.ranking.within_group {
        (0..p.groups.len())
            .map(|g| {
                scope(
                    vec![GroupId::from_index(g)],
                    p.groups.get(g).map(|x| x.name.clone()),
                )
            })
            .collect()
    } else {
        vec![scope(
            (0..p.groups.len()).map(GroupId::from_index).collect(),
            None,
        )]
    }
}

pub fn check(p: &Program) -> Vec<Diag> {
    let mut out = Vec::new();
    for award in &p.awards {
        let span = p.clause(award.clause).core;
        let bottom = award
            .exclusions
            .iter()
            .filter_map(|e| match e.what {
                Excl::Bottom(n) => Some(n as usize),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let mut impossible = true;
        let mut quota_findings = Vec::new();
        for scope in scopes(p) {
            let excluded_groups = scope.groups.iter().all(|g| excludes_group(award, *g));
            let Some(units) = &scope.closed_units else {
                impossible &= excluded_groups;
                continue;
            };
            let excluded: Vec<String> = units
                .iter()
                .filter(|u| excludes_unit(p, award, **u))
                .map(|u| p[*u].name.clone())
                .collect();
            let n = units.len();
            let can = n.saturating_sub(excluded.len().max(bottom));
            impossible &= can == 0;
            let Some((quota, qclause)) = award.quota else {
                continue;
            };
            let scope_name = scope.name.clone();
            let list = Listed {
                n,
                excluded,
                bottom,
            };
            quota_findings.extend(above(p, award, quota, qclause, list, scope_name));
        }
        quota_findings.extend(group_quotas(p, award, bottom));
        // Places per group that round down to none in every group.
        impossible |= !award.group_quotas.is_empty()
            && award.group_quotas.iter().all(|(g, q, _)| {
                let g = &p[*g];
                !g.open && q.places(g.members.len()) == 0
            });
        if impossible {
            let m = Message::AwardImpossible {
                award: award.name.clone(),
            };
            out.push(Diag::new(m, span));
        } else {
            out.extend(quota_findings);
        }
    }
    out
}

/// KH502 for `名额 GROUP N`: a closed group's places above its units that
/// can be eligible (those not excluded by name; with `分组内` ranking also
/// not in `末 N 名`, which then falls within the group).
fn group_quotas(p: &Program, award: &AwardIr, bottom: usize) -> Vec<Diag> {
    let mut out = Vec::new();
    for (g, quota, clause) in &award.group_quotas {
        let group = &p[*g];
        if group.open || excludes_group(award, *g) {
            continue;
        }
        let excluded: Vec<String> = group
            .members
            .iter()
            .filter(|u| excludes_unit(p, award, **u))
            .map(|u| p[*u].name.clone())
            .collect();
        let bottom = if p.ranking.within_group { bottom } else { 0 };
        let n = group.members.len();
        let list = Listed {
            n,
            excluded,
            bottom,
        };
        out.extend(above(
            p,
            award,
            *quota,
            *clause,
            list,
            Some(group.name.clone()),
        ));
    }
    out
}

/// A closed list of units a quota selects from: how many, those excluded by
/// name or group, and the `末 N 名` that falls within it.
struct Listed {
    n: usize,
    excluded: Vec<String>,
    bottom: usize,
}

/// KH502 when `quota` over `list` has more places than units that can ever
/// be eligible, |list| − max(excluded, bottom).
fn above(
    p: &Program,
    award: &AwardIr,
    quota: QuotaIr,
    clause: ClauseId,
    list: Listed,
    scope: Option<String>,
) -> Option<Diag> {
    let Listed {
        n,
        excluded,
        bottom,
    } = list;
    let can = n.saturating_sub(excluded.len().max(bottom));
    let places = quota.places(n);
    (can > 0 && places > can).then(|| {
        let m = Message::QuotaAboveEligible {
            award: award.name.clone(),
            quota: places,
            percent: matches!(quota, QuotaIr::Percent(_)),
            most: can,
            units: n,
            overlap: bottom > 0 && !excluded.is_empty(),
            excluded,
            bottom,
            scope,
        };
        Diag::new(m, p.clause(clause).core)
    })
}

fn excludes_group(award: &AwardIr, g: GroupId) -> bool {
    award.exclusions.iter().any(|e| e.what == Excl::Group(g))
}

/// Excluded by its own name or by its group's.
fn excludes_unit(p: &Program, award: &AwardIr, u: UnitId) -> bool {
    let group = p[u].group;
    award
        .exclusions
        .iter()
        .any(|e| e.what == Excl::Unit(u) || e.what == Excl::Group(group))
}
