//! A diff as text for the terminal (grouped by part, `+ - ~` markers) and as
//! Markdown for circulating. JSON is serde's (see the model in `mod.rs`).

use super::rulings::{DataDiff, UnitAspect, UnitField};
use super::words::{field, part};
use super::{Change, Diff, Mark, Part};
use crate::i18n::Lang;
use crate::i18n::words::{Words, words};

fn marker(m: Mark) -> char {
    match m {
        Mark::Added => '+',
        Mark::Removed => '-',
        Mark::Changed | Mark::Renamed => '~',
    }
}

/// ` 【四(一)】`, or nothing.
fn cite(c: &Change) -> String {
    c.citation
        .as_ref()
        .map(|t| format!(" 【{t}】"))
        .unwrap_or_default()
}

/// The first line of a change: marker, what, citation, aspects old → new.
/// `code` wraps the policy's words (Markdown's backticks, or nothing).
fn head(c: &Change, lang: Lang, code: fn(&str) -> String) -> String {
    let w = words(lang);
    let what = match (c.mark, &c.old, &c.new) {
        (Mark::Added, _, Some(t)) | (Mark::Removed, Some(t), _) => code(t),
        (Mark::Renamed, _, _) => format!(
            "{} {} → {}",
            w.renamed_from,
            code(c.renamed_from.as_deref().unwrap_or("")),
            code(&c.subject)
        ),
        _ => code(&c.subject),
    };
    let mut line = format!("{} {what}{}", marker(c.mark), cite(c));
    let aspects: Vec<String> = c
        .aspects
        .iter()
        .map(|a| format!("{} {} → {}", field(lang, a.field), a.old, a.new))
        .collect();
    if !aspects.is_empty() {
        line.push_str(w.colon);
        line.push_str(&aspects.join(w.semicolon));
    }
    line
}

/// The old and new statements of a change, when both exist and differ.
fn statements<'c>(c: &'c Change, w: &Words) -> Vec<(&'static str, &'c str)> {
    match (c.mark, &c.old, &c.new) {
        (Mark::Changed | Mark::Renamed, Some(o), Some(n)) if o != n => {
            vec![(w.old, o.as_str()), (w.new, n.as_str())]
        }
        _ => Vec::new(),
    }
}

fn unit_aspect(a: &UnitAspect, w: &Words) -> String {
    let f = match a.field {
        UnitField::Total => w.total,
        UnitField::Rank => w.rank,
        UnitField::Grade => w.grade,
        UnitField::Veto => w.vetoed,
        UnitField::Award => w.award,
        UnitField::Outcome => w.outcome,
    };
    match &a.name {
        Some(n) => format!("{f} {n} {} → {}", a.old, a.new),
        None => format!("{f} {} → {}", a.old, a.new),
    }
}

fn plain(t: &str) -> String {
    t.to_string()
}

fn backticks(t: &str) -> String {
    format!("`{t}`")
}

fn parts(diff: &Diff) -> impl Iterator<Item = (Part, Vec<&Change>)> {
    Part::ALL.into_iter().filter_map(|p| {
        let cs: Vec<&Change> = diff.changes.iter().filter(|c| c.part == p).collect();
        (!cs.is_empty()).then_some((p, cs))
    })
}

/// The diff for the terminal.
pub fn text(diff: &Diff, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("{}{}{} → {}\n", w.heading, w.colon, diff.old, diff.new);
    if diff.is_empty() {
        out.push_str(&format!("\n{}\n", w.no_differences));
        return out;
    }
    for (p, cs) in parts(diff) {
        out.push_str(&format!("\n{}\n", part(lang, p)));
        for c in cs {
            out.push_str(&format!("  {}\n", head(c, lang, plain)));
            for (label, t) in statements(c, w) {
                out.push_str(&format!("      {label}{}{t}\n", w.colon));
            }
        }
    }
    if let Some(d) = &diff.data {
        data_text(d, w, &mut out);
    }
    out
}

fn data_text(d: &DataDiff, w: &Words, out: &mut String) {
    out.push_str(&format!("\n{} {}\n", w.data, d.data));
    for (said, r) in [
        (w.old_rejects, &d.old_rejected),
        (w.new_rejects, &d.new_rejected),
    ] {
        if let Some(r) = r {
            out.push_str(&format!("  {said}\n\n{}", r.text));
        }
    }
    if d.old_rejected.is_some() || d.new_rejected.is_some() {
        return;
    }
    if d.units.is_empty() {
        out.push_str(&format!("  {}\n", w.no_unit_changed));
    } else {
        out.push_str(&format!("  {}\n", w.units_changed));
        for u in &d.units {
            let a: Vec<String> = u.changes.iter().map(|a| unit_aspect(a, w)).collect();
            out.push_str(&format!(
                "  ~ {}{}{}\n",
                u.unit,
                w.colon,
                a.join(w.semicolon)
            ));
        }
    }
    out.push_str(&format!(
        "  {}{}{}\n",
        w.units_unchanged, w.colon, d.unchanged
    ));
}

/// The diff as Markdown.
pub fn markdown(diff: &Diff, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!(
        "# {}{}`{}` → `{}`\n",
        w.heading, w.colon, diff.old, diff.new
    );
    if diff.is_empty() {
        out.push_str(&format!("\n{}\n", w.no_differences));
        return out;
    }
    for (p, cs) in parts(diff) {
        out.push_str(&format!("\n## {}\n\n", part(lang, p)));
        for c in cs {
            // A leading `+`/`-` would start a nested list: escape the marker.
            out.push_str(&format!("- \\{}\n", head(c, lang, backticks)));
            for (label, t) in statements(c, w) {
                out.push_str(&format!("  - {label}{}`{t}`\n", w.colon));
            }
        }
    }
    if let Some(d) = &diff.data {
        out.push_str(&format!("\n## {} `{}`\n\n", w.data, d.data));
        for (said, r) in [
            (w.old_rejects, &d.old_rejected),
            (w.new_rejects, &d.new_rejected),
        ] {
            if let Some(r) = r {
                out.push_str(&format!("{said}\n\n```text\n{}```\n\n", r.text));
            }
        }
        if d.old_rejected.is_none() && d.new_rejected.is_none() {
            if d.units.is_empty() {
                out.push_str(&format!("{}\n\n", w.no_unit_changed));
            } else {
                out.push_str(&format!(
                    "{}\n\n| {} | |\n|---|---|\n",
                    w.units_changed, w.award_unit
                ));
                for u in &d.units {
                    let a: Vec<String> = u.changes.iter().map(|a| unit_aspect(a, w)).collect();
                    out.push_str(&format!("| {} | {} |\n", u.unit, a.join(w.semicolon)));
                }
                out.push('\n');
            }
            out.push_str(&format!(
                "{}{}{}\n",
                w.units_unchanged, w.colon, d.unchanged
            ));
        }
    }
    out
}
