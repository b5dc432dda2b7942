//! Ranking, awards (exclusions, quota, `允许`), outcomes, grades and the
//! schedule: matched by name (exclusions by what they exclude) and compared
//! by meaning (conditions by structure); their words are only shown.

use super::meaning::{self, Cond, Excluded, Reader};
use super::{Change, Field, Mark, NONE, Pair, Part, Side, Stated, by_key, dec};
use crate::ast::{Decl, Order, Step, Stmt};
use crate::ir::{AwardIr, Excl, KeyIr, PayoutFor, QuotaIr};

/// The ranking: its keys in order (kind, item through its rename, order)
/// and whether it is within groups.
pub(super) fn ranking(pair: &mut Pair<'_>) {
    type Keys = (Vec<(Option<String>, Order)>, bool);
    let of = |pair: &Pair<'_>, old: bool| -> Vec<Stated<(), Keys>> {
        let r = Reader::of(pair, old);
        let s = if old { &pair.old } else { &pair.new };
        let ranking = &s.p.ranking;
        if ranking.keys.is_empty() {
            return Vec::new();
        }
        let keys = ranking
            .keys
            .iter()
            .map(|(k, order)| {
                let k = match k {
                    KeyIr::Total => None,
                    KeyIr::Item(slot) => s.p.tracked_items.get(*slot).map(|i| r.item(*i)),
                };
                (k, *order)
            })
            .collect();
        let subject = s.text(ranking.clause);
        vec![Stated::of(
            s,
            (),
            subject,
            (keys, ranking.within_group),
            ranking.clause,
        )]
    };
    let (o, n) = (of(pair, true), of(pair, false));
    by_key(pair, Part::Ranking, o, n);
}

fn quota(q: Option<&(QuotaIr, crate::ir::ClauseId)>) -> String {
    match q.map(|x| x.0) {
        None => NONE.to_string(),
        Some(QuotaIr::Count(n)) => n.to_string(),
        Some(QuotaIr::Percent(p)) => format!("{}%", dec(p)),
    }
}

/// `名额 GROUP N` by group name, sorted: compared by meaning, not order.
fn group_quotas(s: &Side<'_>, a: &AwardIr) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = a
        .group_quotas
        .iter()
        .map(|(g, q, c)| (s.p[*g].name.clone(), quota(Some(&(*q, *c)))))
        .collect();
    v.sort();
    v
}

fn allowed(s: &Side<'_>, a: &AwardIr) -> String {
    let mut v: Vec<String> = a
        .allowed
        .iter()
        .map(|o| &s.p[*o])
        .map(|o| o.name.clone())
        .collect();
    v.sort();
    super::tree::join(v.into_iter())
}

/// Awards: by name; each exclusion by what it excludes; quota and `允许` as aspects.
pub(super) fn awards(pair: &mut Pair<'_>) {
    let (o, n) = (pair.old.p, pair.new.p);
    for na in &n.awards {
        let Some(oa) = o.awards.iter().find(|x| x.name == na.name) else {
            let mut c = Change::new(Part::Awards, Mark::Added, na.name.clone());
            c.citation = pair.new.citation(na.clause);
            c.new = Some(pair.new.text(na.clause));
            pair.push(c);
            continue;
        };
        let mut c = Change::new(Part::Awards, Mark::Changed, na.name.clone());
        c.citation = pair.new.citation(na.clause);
        if oa.label != na.label {
            c.old = Some(pair.old.text(oa.clause));
            c.new = Some(pair.new.text(na.clause));
        }
        let (og, ng) = (group_quotas(&pair.old, oa), group_quotas(&pair.new, na));
        if oa.quota.map(|q| q.0) != na.quota.map(|q| q.0) || og != ng {
            let text = |q: Option<&(QuotaIr, crate::ir::ClauseId)>, g: &[(String, String)]| {
                if g.is_empty() {
                    return quota(q);
                }
                let per: Vec<String> = g.iter().map(|(n, q)| format!("{n} {q}")).collect();
                per.join(", ")
            };
            c.aspect(
                Field::Quota,
                text(oa.quota.as_ref(), &og),
                text(na.quota.as_ref(), &ng),
            );
            if let Some((_, q)) = &na.quota {
                c.citation = pair.new.citation(*q).or(c.citation);
            }
        }
        let (ol, nl) = (allowed(&pair.old, oa), allowed(&pair.new, na));
        if ol != nl {
            c.aspect(Field::Allow, ol, nl);
        }
        if c.old.is_some() || !c.aspects.is_empty() {
            pair.push(c);
        }
        // An exclusion is matched by what it excludes, `末 N 名` by its kind:
        // `末 2 名` → `末 3 名` is one change, not a removal and an addition.
        let excl =
            |pair: &Pair<'_>, old: bool, a: &AwardIr| -> Vec<Stated<Excluded, Option<u32>>> {
                let r = Reader::of(pair, old);
                let s = if old { &pair.old } else { &pair.new };
                a.exclusions
                    .iter()
                    .map(|e| {
                        let n = match e.what {
                            Excl::Bottom(n) => Some(n),
                            _ => None,
                        };
                        Stated::of(s, r.excluded(&e.what), a.name.clone(), n, e.clause)
                    })
                    .collect()
            };
        let (oe, ne) = (excl(pair, true, oa), excl(pair, false, na));
        by_key(pair, Part::Awards, oe, ne);
    }
    for oa in o
        .awards
        .iter()
        .filter(|a| !n.awards.iter().any(|x| x.name == a.name))
    {
        let mut c = Change::new(Part::Awards, Mark::Removed, oa.name.clone());
        c.citation = pair.old.citation(oa.clause);
        c.old = Some(pair.old.text(oa.clause));
        pair.push(c);
    }
}

/// Outcomes: by name; changed when the condition's structure changes.
pub(super) fn outcomes(pair: &mut Pair<'_>) {
    let of = |pair: &Pair<'_>, old: bool| -> Vec<Stated<String, Cond>> {
        let r = Reader::of(pair, old);
        let s = if old { &pair.old } else { &pair.new };
        s.p.outcomes
            .iter()
            .map(|x| Stated::of(s, x.name.clone(), x.name.clone(), r.cond(&x.cond), x.clause))
            .collect()
    };
    let (o, n) = (of(pair, true), of(pair, false));
    by_key(pair, Part::Outcomes, o, n);
}

/// Grade tiers: by name; changed when the condition's structure or the quota changes.
pub(super) fn grades(pair: &mut Pair<'_>) {
    type Tier = (Option<Cond>, Option<QuotaIr>);
    let of = |pair: &Pair<'_>, old: bool| -> Vec<Stated<String, Tier>> {
        let r = Reader::of(pair, old);
        let s = if old { &pair.old } else { &pair.new };
        s.p.tiers
            .iter()
            .map(|x| {
                let meaning = (x.cond.as_ref().map(|c| r.cond(c)), x.quota);
                Stated::of(s, x.name.clone(), x.name.clone(), meaning, x.clause)
            })
            .collect()
    };
    let (o, n) = (of(pair, true), of(pair, false));
    by_key(pair, Part::Grades, o, n);
}

/// `兑现` lines: matched by what they pay for, the amount's name and measure
/// and the units they are for (`仅`/`不含` as written, sorted); changed when
/// the value or the shares change.
pub(super) fn payouts(pair: &mut Pair<'_>) {
    type Key = (String, String, Option<String>, Vec<(bool, Vec<String>)>);
    type Meaning = (rust_decimal::Decimal, Vec<(String, rust_decimal::Decimal)>);
    let of = |pair: &Pair<'_>, old: bool| -> Vec<Stated<Key, Meaning>> {
        let s = if old { &pair.old } else { &pair.new };
        let p = s.p;
        p.payouts
            .iter()
            .map(|x| {
                let target = match x.target {
                    PayoutFor::Outcome(o) => p[o].name.clone(),
                    PayoutFor::Tier(t) => p[t].name.clone(),
                    PayoutFor::Award(a) => p[a].name.clone(),
                };
                let mut scopes: Vec<(bool, Vec<String>)> = x
                    .scopes
                    .iter()
                    .map(|sc| {
                        let mut names = sc.names.clone();
                        names.sort();
                        (sc.only, names)
                    })
                    .collect();
                scopes.sort();
                let mut shares = x.shares.clone();
                shares.sort();
                let key = (target.clone(), x.amount.clone(), x.measure.clone(), scopes);
                let meaning = (x.value.normalize(), shares);
                Stated::of(s, key, target, meaning, x.clause)
            })
            .collect()
    };
    let (o, n) = (of(pair, true), of(pair, false));
    by_key(pair, Part::Payouts, o, n);
}

fn steps<'a>(s: &Side<'a>) -> Vec<&'a Stmt<Step>> {
    s.ast
        .decls
        .iter()
        .flat_map(|d| match &d.node {
            Decl::Schedule(steps) => steps.iter().collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// A step as written, up to its citation, on one line.
fn step_text(s: &Side<'_>, st: &Stmt<Step>) -> String {
    let mut end = st.span.end;
    for m in st.meta.citation.iter().map(|c| c.span.start) {
        end = end.min(m);
    }
    for m in st.meta.notes.iter().map(|c| c.span.start) {
        end = end.min(m);
    }
    for m in st.meta.assumption.iter().map(|c| c.span.start) {
        end = end.min(m);
    }
    let raw = s.file.text.get(st.span.start..end).unwrap_or("");
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Schedule steps: by name; changed when the due date (see
/// [`meaning::date`]) or the steps it comes after (as a set) change.
pub(super) fn schedule(pair: &mut Pair<'_>) {
    /// The due date (see [`meaning::date`]) and the steps it comes after.
    type When = (Option<(Option<i32>, u32, u32)>, Vec<String>);
    let of = |s: &Side<'_>| -> Vec<Stated<String, When>> {
        steps(s)
            .into_iter()
            .map(|st| {
                let mut after: Vec<String> = st.node.after.iter().map(|n| n.text.clone()).collect();
                after.sort();
                after.dedup();
                let due = st.node.due.as_ref().map(|d| meaning::date(d, s.p.year));
                Stated {
                    key: st.node.name.text.clone(),
                    subject: st.node.name.text.clone(),
                    text: step_text(s, st),
                    meaning: (due, after),
                    citation: st.meta.citation.as_ref().map(|c| c.text.clone()),
                }
            })
            .collect()
    };
    let (o, n) = (of(&pair.old), of(&pair.new));
    by_key(pair, Part::Schedule, o, n);
}
