//! The same data under both versions: every unit whose total, rank, grade,
//! veto, award or outcome moves, old → new, in the data's order; the others
//! are counted. Data a version rejects is reported with its KH7xx findings
//! instead, and the policy diff still stands.

use serde::Serialize;

use crate::data::DataFile;
use crate::diag::Diag;
use crate::diag::render::{JsonDiag, RenderOptions, render_text, to_json};
use crate::driver::{self, Failure};
use crate::eval::Evaluation;
use crate::eval::decide::{Grade, Selection};
use crate::eval::truth::Truth;
use crate::i18n::Lang;
use crate::i18n::words::words;
use crate::ir::Program;

/// What the data does under each version.
#[derive(Debug, Serialize)]
pub struct DataDiff {
    pub data: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_rejected: Option<Rejection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_rejected: Option<Rejection>,
    /// Units whose results change, in data order (empty when a version rejects the data).
    pub units: Vec<UnitChange>,
    /// Units whose results do not change.
    pub unchanged: usize,
}

/// A version's findings about the data.
#[derive(Debug, Serialize)]
pub struct Rejection {
    pub findings: Vec<JsonDiag>,
    /// The findings rendered as `eval` prints them (for text and Markdown).
    #[serde(skip)]
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitField {
    Total,
    Rank,
    Grade,
    Veto,
    Award,
    Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitAspect {
    pub field: UnitField,
    /// The award or outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitChange {
    pub unit: String,
    pub changes: Vec<UnitAspect>,
}

/// Evaluates `data` under both programs and compares the results. `Err`:
/// the data cannot be read at all (its findings).
pub fn compare(
    old: &Program,
    new: &Program,
    data: &DataFile,
    lang: Lang,
) -> Result<DataDiff, Vec<Diag>> {
    let opened = crate::data::open(data)?;
    let file = data.source();
    let run = |p: &Program| match driver::evaluate(p, &opened, &crate::progress::Quiet) {
        Ok(e) => Ok(e),
        Err(Failure::Data(d) | Failure::Policy(d)) => Err(d),
        Err(Failure::Output(_)) => Err(Vec::new()),
    };
    // Data that is not well-formed (KH700) cannot be read under either
    // version: that is a failure, not a rejection by one of them.
    let old_run = run(old);
    if let Err(d) = &old_run
        && d.iter().all(|x| x.code() == crate::diag::Code::KH700)
    {
        return Err(d.clone());
    }
    let reject = |diags: Vec<Diag>| {
        let opts = RenderOptions {
            lang,
            ..RenderOptions::default()
        };
        Rejection {
            findings: to_json(&file, &diags, lang),
            text: render_text(&file, &diags, opts),
        }
    };
    let mut diff = DataDiff {
        data: data.name().to_string(),
        old_rejected: None,
        new_rejected: None,
        units: Vec::new(),
        unchanged: 0,
    };
    match (old_run, run(new)) {
        (Ok(a), Ok(b)) => {
            for (i, row) in b.table.rows.iter().enumerate() {
                let changes = unit_changes(old, &a, new, &b, i, lang);
                if changes.is_empty() {
                    diff.unchanged += 1;
                } else {
                    diff.units.push(UnitChange {
                        unit: row.name.to_string(),
                        changes,
                    });
                }
            }
        }
        (a, b) => {
            diff.old_rejected = a.err().map(reject);
            diff.new_rejected = b.err().map(reject);
        }
    }
    Ok(diff)
}

/// A unit's results in words, field by field (awards and outcomes by name).
fn state(
    p: &Program,
    e: &Evaluation<'_>,
    i: usize,
    lang: Lang,
) -> Vec<(UnitField, Option<String>, String)> {
    let w = words(lang);
    let none = || "—".to_string();
    let mut v = Vec::new();
    let Some(row) = e.table.rows.get(i) else {
        return v;
    };
    v.push((
        UnitField::Total,
        None,
        crate::diag::fmt_decimal(row.result.total),
    ));
    let rank = e.ranks.rank.get(i).copied().flatten();
    v.push((
        UnitField::Rank,
        None,
        rank.map_or_else(none, |r| r.to_string()),
    ));
    let tier = |t: crate::ir::TierId| Some(p[t].name.clone());
    let grade = match e.decisions.grade(i) {
        Grade::None => None,
        Grade::Tier(t) => tier(t),
        Grade::Pending(t) => tier(t).map(|n| format!("{} {n}", w.pending_note)),
    };
    v.push((UnitField::Grade, None, grade.unwrap_or_else(none)));
    let vetoed = if row.result.vetoed { w.yes } else { w.no };
    v.push((UnitField::Veto, None, vetoed.to_string()));
    for (k, a) in p.awards.iter().enumerate() {
        let id = crate::ir::AwardId::from_index(k);
        let s = match (e.decisions.eligible(i, id), e.decisions.selection(i, id)) {
            (Truth::No, _) => w.not_eligible,
            (Truth::Pending, _) | (_, Selection::Pending) => w.pending_note,
            (Truth::Yes, Selection::NoQuota) => w.eligible,
            (Truth::Yes, Selection::Selected) => w.selected,
            (Truth::Yes, Selection::NotSelected) => w.not_selected,
        };
        v.push((UnitField::Award, Some(a.name.clone()), s.to_string()));
    }
    for (k, o) in p.outcomes.iter().enumerate() {
        let id = crate::ir::OutcomeId::from_index(k);
        let s = match e.decisions.outcome(i, id) {
            Truth::Yes => w.yes,
            Truth::No => w.no,
            Truth::Pending => w.pending_note,
        };
        v.push((UnitField::Outcome, Some(o.name.clone()), s.to_string()));
    }
    v
}

/// What differs for unit `i`; an award or outcome only one version has shows
/// `—` on the other side.
fn unit_changes(
    old: &Program,
    a: &Evaluation<'_>,
    new: &Program,
    b: &Evaluation<'_>,
    i: usize,
    lang: Lang,
) -> Vec<UnitAspect> {
    let (os, ns) = (state(old, a, i, lang), state(new, b, i, lang));
    let mut out = Vec::new();
    let find = |s: &[(UnitField, Option<String>, String)], f: UnitField, n: &Option<String>| {
        s.iter()
            .find(|x| x.0 == f && &x.1 == n)
            .map_or_else(|| "—".to_string(), |x| x.2.clone())
    };
    for (f, name, nv) in &ns {
        let ov = find(&os, *f, name);
        if &ov != nv {
            out.push(UnitAspect {
                field: *f,
                name: name.clone(),
                old: ov,
                new: nv.clone(),
            });
        }
    }
    for (f, name, ov) in &os {
        if !ns.iter().any(|x| x.0 == *f && &x.1 == name) {
            out.push(UnitAspect {
                field: *f,
                name: name.clone(),
                old: ov.clone(),
                new: "—".to_string(),
            });
        }
    }
    out
}
