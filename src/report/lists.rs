//! Award, outcome and grade lists — who got what, ties across a quota marked
//! pending — gathered from the units' summaries, for HTML and Markdown.

use super::summary::{Standing, Summary};
use super::{Context, dec};
use crate::eval::decide::Grade;
use crate::eval::truth::Truth;
use crate::i18n::words::Words;
use crate::ir::{ClauseId, QuotaIr};

/// The units named under one heading (an award, an outcome, a grade tier).
#[derive(Debug, Clone)]
pub struct NamedList {
    /// `先进（名额 3）`.
    pub title: String,
    pub clause: Option<String>,
    /// Selected (or eligible without a quota), flagged, or graded.
    pub units: Vec<String>,
    /// Tied across the quota boundary: the office decides.
    pub pending: Vec<String>,
}

fn clause(ctx: &Context<'_, '_>, c: ClauseId) -> Option<String> {
    ctx.citation(c).map(str::to_string)
}

fn quota_text(w: &Words, q: QuotaIr) -> String {
    format!("{}{} {}{}", w.open, w.quota, quota_number(q), w.close)
}

/// `3` or `30%`.
fn quota_number(q: QuotaIr) -> String {
    match q {
        QuotaIr::Count(n) => n.to_string(),
        QuotaIr::Percent(p) => format!("{}%", dec(p)),
    }
}

pub fn awards(ctx: &Context<'_, '_>, w: &Words, units: &[Summary]) -> Vec<NamedList> {
    ctx.p
        .awards
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let with = |s: Standing| {
                units
                    .iter()
                    .filter(|u| u.awards.get(i) == Some(&s))
                    .map(|u| u.name.clone())
                    .collect::<Vec<_>>()
            };
            let quota = match a.quota {
                Some((q, _)) => quota_text(w, q),
                None if !a.group_quotas.is_empty() => {
                    let per: Vec<String> = a
                        .group_quotas
                        .iter()
                        .map(|(g, q, _)| format!("{} {}", ctx.p[*g].name, quota_number(*q)))
                        .collect();
                    format!("{}{} {}{}", w.open, w.quota, per.join(w.list_sep), w.close)
                }
                None => String::new(),
            };
            NamedList {
                title: format!("{}{quota}", a.name),
                clause: clause(ctx, a.clause),
                units: with(Standing::Won),
                pending: with(Standing::Pending),
            }
        })
        .collect()
}

pub fn outcomes(ctx: &Context<'_, '_>, units: &[Summary]) -> Vec<NamedList> {
    ctx.p
        .outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| NamedList {
            title: o.name.clone(),
            clause: clause(ctx, o.clause),
            units: units
                .iter()
                .filter(|u| u.outcomes.get(i) == Some(&Truth::Yes))
                .map(|u| u.name.clone())
                .collect(),
            pending: units
                .iter()
                .filter(|u| u.outcomes.get(i) == Some(&Truth::Pending))
                .map(|u| u.name.clone())
                .collect(),
        })
        .collect()
}

pub fn grades(ctx: &Context<'_, '_>, w: &Words, units: &[Summary]) -> Vec<NamedList> {
    ctx.p
        .tiers
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let of = |pending: bool| {
                units
                    .iter()
                    .filter(|u| match u.grade {
                        Grade::Tier(x) => !pending && x.index() == i,
                        Grade::Pending(x) => pending && x.index() == i,
                        Grade::None => false,
                    })
                    .map(|u| u.name.clone())
                    .collect::<Vec<_>>()
            };
            let quota = t.quota.map(|q| quota_text(w, q)).unwrap_or_default();
            NamedList {
                title: format!("{}{quota}", t.name),
                clause: clause(ctx, t.clause),
                units: of(false),
                pending: of(true),
            }
        })
        .collect()
}
