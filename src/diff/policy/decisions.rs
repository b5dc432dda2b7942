//! Ranking, awards (exclusions, quota, `允许`), outcomes, grades and the
//! schedule: compared by name, and in the policy's words where the words are
//! the condition.

use super::{Change, Field, Mark, NONE, Pair, Part, Side, Stated, by_key, dec};
use crate::ast::{Decl, Step, Stmt};
use crate::ir::{AwardIr, QuotaIr};

pub(super) fn ranking(pair: &mut Pair<'_>) {
    let of = |s: &Side<'_>| {
        if s.p.ranking.keys.is_empty() {
            Vec::new()
        } else {
            let subject = s.text(s.p.ranking.clause);
            vec![Stated::of(s, String::new(), subject, s.p.ranking.clause)]
        }
    };
    let (o, n) = (of(&pair.old), of(&pair.new));
    by_key(pair, Part::Ranking, o, n);
}

fn quota(q: Option<&(QuotaIr, crate::ir::ClauseId)>) -> String {
    match q.map(|x| x.0) {
        None => NONE.to_string(),
        Some(QuotaIr::Count(n)) => n.to_string(),
        Some(QuotaIr::Percent(p)) => format!("{}%", dec(p)),
    }
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

/// Awards: by name; each exclusion by its words; quota and `允许` as aspects.
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
        let (oq, nq) = (quota(oa.quota.as_ref()), quota(na.quota.as_ref()));
        if oq != nq {
            c.aspect(Field::Quota, oq, nq);
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
        // An exclusion is matched by its words, but `末 N 名` by its kind:
        // `末 2 名` → `末 3 名` is one change, not a removal and an addition.
        let excl = |s: &Side<'_>, a: &AwardIr| -> Vec<Stated> {
            a.exclusions
                .iter()
                .map(|e| {
                    let key = match e.what {
                        crate::ir::Excl::Bottom(_) => "\u{0}bottom".to_string(),
                        _ => s.text(e.clause),
                    };
                    Stated::of(s, key, a.name.clone(), e.clause)
                })
                .collect()
        };
        let (oe, ne) = (excl(&pair.old, oa), excl(&pair.new, na));
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

/// Outcomes: by name; the condition in the policy's words.
pub(super) fn outcomes(pair: &mut Pair<'_>) {
    let of = |s: &Side<'_>| -> Vec<Stated> {
        s.p.outcomes
            .iter()
            .map(|x| Stated::of(s, x.name.clone(), x.name.clone(), x.clause))
            .collect()
    };
    let (o, n) = (of(&pair.old), of(&pair.new));
    by_key(pair, Part::Outcomes, o, n);
}

/// Grade tiers: by name; condition and quota in the policy's words.
pub(super) fn grades(pair: &mut Pair<'_>) {
    let of = |s: &Side<'_>| -> Vec<Stated> {
        s.p.tiers
            .iter()
            .map(|x| Stated::of(s, x.name.clone(), x.name.clone(), x.clause))
            .collect()
    };
    let (o, n) = (of(&pair.old), of(&pair.new));
    by_key(pair, Part::Grades, o, n);
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

/// Schedule steps: by name; due date and predecessors in the policy's words.
pub(super) fn schedule(pair: &mut Pair<'_>) {
    let of = |s: &Side<'_>| -> Vec<Stated> {
        steps(s)
            .into_iter()
            .map(|st| {
                let text = step_text(s, st);
                Stated {
                    key: st.node.name.text.clone(),
                    subject: st.node.name.text.clone(),
                    text_key: text.clone(),
                    text,
                    citation: st.meta.citation.as_ref().map(|c| c.text.clone()),
                }
            })
            .collect()
    };
    let (o, n) = (of(&pair.old), of(&pair.new));
    by_key(pair, Part::Schedule, o, n);
}
