//! Rulings as Markdown (GitHub-flavoured): the HTML report's sections in the
//! same order — title and provenance, ranking table, a text bar chart of
//! totals, award/outcome/grade lists, assumptions, each unit explained — for
//! pasting into a wiki, an issue or a document.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::doc::{self, Cell};
use super::lists::{self, NamedList};
use super::summary::{Summary, grade_name};
use super::view::{Cited, UnitView};
use super::{Context, WriteError, dec};
use crate::i18n::words::{Words, words};

/// Text safe inline and in a table cell: Markdown's active characters are
/// backslash-escaped, `|` included, and a line break becomes a space. `#` and
/// `>` act only at the start of a line, where no text of ours stands.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '&' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// ` 【四(一)】`, or nothing.
fn clause(c: Option<&str>) -> String {
    match c {
        Some(_) => format!(" {}", esc(&doc::bracket(c))),
        None => String::new(),
    }
}

fn cited(parts: &[Cited], sep: &str) -> String {
    parts
        .iter()
        .map(|c| format!("{}{}", esc(&c.text), clause(c.clause.as_deref())))
        .collect::<Vec<_>>()
        .join(&esc(sep))
}

pub fn write(ctx: &Context<'_, '_>, out: &mut dyn Write) -> Result<(), WriteError> {
    let w = words(ctx.lang);
    let summaries = doc::summaries(ctx)?;
    let mut s = format!(
        "# {}\n\n{}\n\n- {}{}`{}`\n- {}{}`{}`\n\n",
        esc(&ctx.p.title),
        esc(&doc::meta_line(ctx, w)),
        esc(w.policy_hash),
        esc(w.colon),
        ctx.run.policy_sha256,
        esc(w.data_hash),
        esc(w.colon),
        ctx.run.data_sha256
    );
    if ctx.only.is_none() {
        s.push_str(&format!("## {}\n\n", esc(w.ranking)));
        let mut rows = vec![doc::ranking_header(ctx, w)];
        rows.extend(summaries.iter().map(|x| doc::ranking_row(ctx, w, x)));
        s.push_str(&table(&rows));
        s.push_str(&format!(
            "\n## {}\n\n{}",
            esc(w.chart),
            chart(w, &summaries)
        ));
        s.push_str(&decision_lists(ctx, w, &summaries));
        s.push_str(&assumptions(ctx, w));
        s.push_str(&format!("## {}\n\n", esc(w.explanations)));
    }
    out.write_all(s.as_bytes())?;
    for (u, summary) in ctx.units().zip(&summaries) {
        let ruling = ctx.ruling(u)?;
        let view = UnitView::of(ctx, &ruling);
        out.write_all(unit(ctx, w, summary, &view).as_bytes())?;
    }
    Ok(())
}

/// A GFM table; the first row is the header.
fn table(rows: &[Vec<Cell>]) -> String {
    let mut s = String::new();
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|c| esc(&c.text)).collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
        if i == 0 {
            let rule: Vec<&str> = row
                .iter()
                .map(|c| if c.num { "---:" } else { "---" })
                .collect();
            s.push_str(&format!("|{}|\n", rule.join("|")));
        }
    }
    s
}

/// Totals as bars of `█` in a code block, 40 cells for the largest total.
fn chart(w: &Words, units: &[Summary]) -> String {
    const CELLS: i64 = 40;
    let hi = units
        .iter()
        .map(|u| u.total)
        .fold(rust_decimal::Decimal::ZERO, rust_decimal::Decimal::max);
    let width = units
        .iter()
        .map(|u| UnicodeWidthStr::width(u.name.as_str()))
        .max()
        .unwrap_or(0);
    let mut s = String::from("```text\n");
    for u in units {
        let cells = if hi.is_zero() || u.total.is_sign_negative() {
            0
        } else {
            u.total
                .checked_mul(rust_decimal::Decimal::from(CELLS))
                .and_then(|x| x.checked_div(hi))
                .map(|x| x.round())
                .and_then(|x| i64::try_from(x).ok())
                .unwrap_or(0)
        };
        let bar = if u.vetoed { "░" } else { "█" };
        let mut line = format!(
            "{}  {} {}",
            crate::report::text::pad(&u.name, width),
            bar.repeat(usize::try_from(cells).unwrap_or(0)),
            dec(u.total)
        );
        if u.vetoed {
            line.push_str(&format!("{}{}{}", w.open, w.vetoed, w.close));
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s.push_str("```\n\n");
    s
}

fn named_lists(w: &Words, heading: &str, lists: &[NamedList]) -> String {
    if lists.is_empty() {
        return String::new();
    }
    let mut s = format!("### {}\n\n", esc(heading));
    for l in lists {
        let units = if l.units.is_empty() {
            w.none.to_string()
        } else {
            l.units.join(w.list_sep)
        };
        s.push_str(&format!(
            "- **{}**{}{}{}\n",
            esc(&l.title),
            clause(l.clause.as_deref()),
            esc(w.colon),
            esc(&units)
        ));
        if !l.pending.is_empty() {
            s.push_str(&format!(
                "  - {}{}{}\n",
                esc(w.pending),
                esc(w.colon),
                esc(&l.pending.join(w.list_sep))
            ));
        }
    }
    s.push('\n');
    s
}

fn decision_lists(ctx: &Context<'_, '_>, w: &Words, summaries: &[Summary]) -> String {
    let mut s = format!("## {}\n\n", esc(w.decisions));
    s.push_str(&named_lists(
        w,
        w.award_lists,
        &lists::awards(ctx, w, summaries),
    ));
    s.push_str(&named_lists(
        w,
        w.outcome_lists,
        &lists::outcomes(ctx, summaries),
    ));
    s.push_str(&named_lists(
        w,
        w.grade_lists,
        &lists::grades(ctx, w, summaries),
    ));
    s.push_str(&named_lists(
        w,
        w.payout_lists,
        &super::payouts::lists(ctx, w),
    ));
    s
}

fn assumptions(ctx: &Context<'_, '_>, w: &Words) -> String {
    let all = doc::assumptions(ctx);
    if all.is_empty() {
        return String::new();
    }
    let mut s = format!("## {}\n\n", esc(w.assumptions));
    for a in &all {
        s.push_str(&format!(
            "- {} `{}`{}{}\n",
            clause(a.clause.as_deref()).trim_start(),
            a.statement.replace('`', "'").replace(['\n', '\r'], " "),
            esc(w.colon),
            esc(&a.text)
        ));
    }
    s.push('\n');
    s
}

fn unit(ctx: &Context<'_, '_>, w: &Words, s: &Summary, v: &UnitView) -> String {
    let mut out = format!(
        "### {}{}\n\n{}\n\n",
        esc(&s.name),
        esc(&format!("{}{}{}", w.open, s.group, w.close)),
        esc(&doc::total_line(w, s))
    );
    if !ctx.p.tiers.is_empty() {
        let grade = grade_name(ctx, w, s.grade).unwrap_or_else(|| w.no_grade.to_string());
        out.push_str(&format!("{} {}\n\n", esc(w.grade), esc(&grade)));
    }
    out.push_str(&items(w, v));
    out.push_str(&events(w, v));
    if !v.caps.is_empty() {
        out.push_str(&format!("#### {}\n\n", esc(w.caps)));
        for c in &v.caps {
            out.push_str(&format!(
                "- {}{}{} {} → {}\n",
                cited(std::slice::from_ref(&c.what), ""),
                esc(w.colon),
                esc(w.capped),
                dec(c.from),
                dec(c.to)
            ));
        }
        out.push('\n');
    }
    if !v.vetoes.is_empty() {
        out.push_str(&format!("#### {}\n\n", esc(w.veto)));
        for x in &v.vetoes {
            out.push_str(&format!("- {}\n", cited(std::slice::from_ref(x), "")));
        }
        out.push('\n');
    }
    out.push_str(&awards(w, v));
    out.push_str(&outcomes(w, v));
    out.push_str(&payouts(w, v));
    out
}

fn items(w: &Words, v: &UnitView) -> String {
    let mut s = format!(
        "#### {}\n\n| {} | {} | {} | {} |\n|---|---:|---|---|\n",
        esc(w.items),
        esc(w.item_row),
        esc(w.score_of_max),
        esc(w.clause),
        esc(w.why)
    );
    for i in &v.items {
        let mut note = i.note.as_deref().map(esc).unwrap_or_default();
        if let Some(c) = &i.cleared {
            if !note.is_empty() {
                note.push(' ');
            }
            note.push_str(&cited(std::slice::from_ref(c), ""));
        }
        // Non-breaking spaces keep the indent GFM would otherwise trim.
        let indent = "\u{a0}\u{a0}".repeat(i.depth);
        s.push_str(&format!(
            "| {indent}{} | {} / {} | {} | {note} |\n",
            esc(&i.name),
            dec(i.contribution),
            dec(i.max),
            clause(i.clause.as_deref()).trim_start()
        ));
    }
    s.push('\n');
    s
}

fn events(w: &Words, v: &UnitView) -> String {
    let mut s = format!("#### {}\n\n", esc(w.events));
    if v.events.is_empty() {
        s.push_str(&format!("{}\n\n", esc(w.no_events)));
        return s;
    }
    s.push_str(&format!(
        "| # | {} | {} | {} |\n|---:|---|---|---|\n",
        esc(w.what),
        esc(w.counted),
        esc(w.why)
    ));
    for e in &v.events {
        let mut what = esc(&e.what);
        if let Some(rule) = &e.rule {
            what.push_str(&format!("<br>{}{}{}", esc(w.rule), esc(w.colon), esc(rule)));
        }
        s.push_str(&format!(
            "| {} | {what} | {} | {} |\n",
            e.number,
            esc(if e.counted { w.counted } else { w.not_counted }),
            cited(&e.effects, w.semicolon)
        ));
    }
    s.push('\n');
    s
}

fn awards(w: &Words, v: &UnitView) -> String {
    if v.awards.is_empty() {
        return String::new();
    }
    let mut s = format!("#### {}\n\n", esc(w.awards));
    for a in &v.awards {
        s.push_str(&format!(
            "- **{}**{}{}",
            esc(&a.name),
            esc(w.colon),
            esc(&a.status)
        ));
        if !a.reasons.is_empty() {
            s.push_str(&format!(
                "{}{}",
                esc(w.dash),
                cited(&a.reasons, w.semicolon)
            ));
        }
        s.push('\n');
    }
    s.push('\n');
    s
}

fn outcomes(w: &Words, v: &UnitView) -> String {
    if v.outcomes.is_empty() {
        return String::new();
    }
    let mut s = format!("#### {}\n\n", esc(w.outcomes));
    for o in &v.outcomes {
        s.push_str(&format!(
            "- **{}**{}{}",
            esc(&o.name),
            esc(w.colon),
            esc(o.answer)
        ));
        if o.flagged {
            s.push_str(&format!("{}{}", esc(w.dash), esc(&o.rule)));
            s.push_str(&clause(o.clause.as_deref()));
            if let Some(a) = &o.assumption {
                s.push_str(&esc(&format!(
                    "{}{}{}{a}{}",
                    w.open, w.assume, w.colon, w.close
                )));
            }
        }
        s.push('\n');
    }
    s.push('\n');
    s
}

/// `兑现`: each line due, then what the unit is paid by amount.
fn payouts(w: &Words, v: &UnitView) -> String {
    if v.payouts.is_empty() {
        return String::new();
    }
    let mut s = format!("#### {}\n\n", esc(w.payouts));
    for l in &v.payouts {
        s.push_str(&format!("- {}\n", cited(std::slice::from_ref(l), "")));
    }
    if !v.payout_sums.is_empty() {
        s.push_str(&format!(
            "- **{}**{}{}\n",
            esc(w.total_word),
            esc(w.colon),
            esc(&v.payout_sums.join(w.list_sep))
        ));
    }
    s.push('\n');
    s
}
