//! Rulings for the terminal: the ranking table, then a tree per unit: items,
//! events (counted or not and why), caps, veto, awards, outcomes. The facts
//! and their wording come from the view model every document format shares
//! (`summary.rs`, `view.rs`, `doc.rs`); this file only lays them out, with
//! columns lined up by display width so Chinese names align.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::doc;
use super::summary::{Summary, grade_name, standing_cell};
use super::view::{Cited, UnitView};
use super::{Context, WriteError, dec};
use crate::eval::UnitRuling;
use crate::i18n::words::{Words, words};

/// Pads `s` to `width` display columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Lines of cells, padded so columns line up (the last column is not padded).
pub fn table(rows: &[Vec<String>], indent: &str) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| UnicodeWidthStr::width(s.as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::from(indent);
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&pad(cell, widths.get(c).copied().unwrap_or(0)));
                line.push_str("  ");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn write(ctx: &Context<'_, '_>, out: &mut dyn Write) -> Result<(), WriteError> {
    let w = words(ctx.lang);
    let mut head = header(ctx, w);
    if ctx.only.is_none() {
        head.push_str(&ranking(ctx, w));
        head.push_str(&assumptions(ctx, w));
    }
    out.write_all(head.as_bytes())?;
    for u in ctx.units() {
        let ruling = ctx.ruling(u)?;
        out.write_all(unit(ctx, w, &ruling).as_bytes())?;
    }
    Ok(())
}

fn header(ctx: &Context<'_, '_>, w: &Words) -> String {
    let p = ctx.p;
    let year = match ctx.lang {
        crate::i18n::Lang::Zh => format!("（{} {}）", p.year, w.year_suffix),
        crate::i18n::Lang::En => format!(" ({})", p.year),
    };
    format!(
        "{}{year}\n{} {}\n{} {}\n{} {}\n\n",
        p.title,
        w.policy_hash,
        ctx.run.policy_sha256,
        w.data_hash,
        ctx.run.data_sha256,
        ctx.eval.table.len(),
        w.units_count
    )
}

fn ranking(ctx: &Context<'_, '_>, w: &Words) -> String {
    let p = ctx.p;
    let mut head = vec![
        w.rank.to_string(),
        w.unit.to_string(),
        w.group.to_string(),
        w.total.to_string(),
        w.bonus.to_string(),
        w.deduction.to_string(),
    ];
    if !p.tiers.is_empty() {
        head.push(w.grade.to_string());
    }
    head.extend(p.awards.iter().map(|a| a.name.clone()));
    head.extend(p.outcomes.iter().map(|o| o.name.clone()));
    head.extend(super::payouts::column_titles(ctx, w));
    let mut rows = vec![head];
    for &u in &ctx.eval.ranks.order {
        let s = Summary::of_row(ctx, u as usize);
        let mut cells = vec![
            s.rank
                .map_or_else(|| w.vetoed.to_string(), |r| r.to_string()),
            s.name.clone(),
            s.group.clone(),
            dec(s.total),
            dec(s.bonus),
            dec(s.deduction),
        ];
        if !p.tiers.is_empty() {
            cells.push(grade_name(ctx, w, s.grade).unwrap_or_else(|| w.no_grade.to_string()));
        }
        for (a, standing) in p.awards.iter().zip(&s.awards) {
            cells.push(standing_cell(w, a.has_quota(), *standing).to_string());
        }
        cells.extend(
            s.outcomes
                .iter()
                .map(|f| super::summary::outcome_cell(w, *f).to_string()),
        );
        cells.extend(
            super::payouts::unit_columns(ctx, u as usize)
                .into_iter()
                .map(dec),
        );
        rows.push(cells);
    }
    format!(
        "{}\n{}\n{}",
        w.ranking,
        table(&rows, "  "),
        payout_totals(ctx, w)
    )
}

/// `兑现`: each line with its units and total, then each amount's sum.
fn payout_totals(ctx: &Context<'_, '_>, w: &Words) -> String {
    if ctx.p.payouts.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", w.payouts);
    for l in super::payouts::lists(ctx, w) {
        let units = if l.units.is_empty() {
            w.none.to_string()
        } else {
            l.units.join(w.list_sep)
        };
        s.push_str(&format!(
            "  {}{}{}{units}\n",
            l.title,
            doc::bracket(l.clause.as_deref()),
            w.colon
        ));
        if !l.pending.is_empty() {
            s.push_str(&format!(
                "    {}{}{}\n",
                w.pending_decision,
                w.colon,
                l.pending.join(w.list_sep)
            ));
        }
    }
    for sum in super::payouts::sums(ctx, w) {
        s.push_str(&format!("  {sum}\n"));
    }
    s.push('\n');
    s
}

fn assumptions(ctx: &Context<'_, '_>, w: &Words) -> String {
    let all = doc::assumptions(ctx);
    if all.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", w.assumptions);
    for a in all {
        s.push_str(&format!(
            "  {}{}\n",
            doc::bracket(a.clause.as_deref()),
            a.text
        ));
    }
    s.push('\n');
    s
}

/// `（解释：…）`, or nothing.
fn assumed(w: &Words, assumption: Option<&str>) -> String {
    assumption
        .map(|a| format!("{}{}{}{a}{}", w.open, w.assume, w.colon, w.close))
        .unwrap_or_default()
}

/// The parts joined, each with its citation after it.
fn cited(parts: &[Cited], sep: &str) -> String {
    parts.iter().map(Cited::plain).collect::<Vec<_>>().join(sep)
}

fn unit(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> String {
    let s = Summary::from_ruling(ctx, r);
    let v = UnitView::of(ctx, r);
    let mut out = format!("━━ {}{}{}{}\n", s.name, w.open, s.group, w.close);
    out.push_str(&doc::total_line(w, &s));
    out.push('\n');
    if !ctx.p.tiers.is_empty() {
        let grade = grade_name(ctx, w, s.grade).unwrap_or_else(|| w.no_grade.to_string());
        out.push_str(&format!("{} {grade}\n", w.grade));
    }
    out.push_str(&items(w, &v));
    out.push_str(&events(w, &v));
    out.push_str(&caps(w, &v));
    out.push_str(&vetoes(w, &v));
    out.push_str(&awards(w, &v));
    out.push_str(&outcomes(w, &v));
    out.push_str(&payouts(w, &v));
    out.push('\n');
    out
}

fn payouts(w: &Words, v: &UnitView) -> String {
    if v.payouts.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", w.payouts);
    for l in &v.payouts {
        s.push_str(&format!("  {}\n", l.plain()));
    }
    if !v.payout_sums.is_empty() {
        s.push_str(&format!(
            "  {}{}{}\n",
            w.total_word,
            w.colon,
            v.payout_sums.join(w.list_sep)
        ));
    }
    s
}

fn items(w: &Words, v: &UnitView) -> String {
    let rows: Vec<Vec<String>> = v
        .items
        .iter()
        .map(|i| {
            let mut note = doc::bracket(i.clause.as_deref());
            for part in i
                .note
                .iter()
                .chain(i.cleared.as_ref().map(Cited::plain).iter())
            {
                note.push(' ');
                note.push_str(part);
            }
            vec![
                format!("{}{}", "  ".repeat(i.depth), i.name),
                format!("{} / {}", dec(i.contribution), dec(i.max)),
                note.trim().to_string(),
            ]
        })
        .collect();
    format!("{}\n{}", w.items, table(&rows, "  "))
}

fn events(w: &Words, v: &UnitView) -> String {
    let mut s = format!("{}\n", w.events);
    if v.events.is_empty() {
        s.push_str(&format!("  {}\n", w.no_events));
    }
    for e in &v.events {
        let effect = if e.counted {
            format!("{} {}", w.counted, cited(&e.effects, w.semicolon))
        } else {
            format!(
                "{}{}{}",
                w.not_counted,
                w.colon,
                cited(&e.effects, w.semicolon)
            )
        };
        s.push_str(&format!("  #{} {}  {effect}\n", e.number, e.what));
        if let Some(rule) = &e.rule {
            s.push_str(&format!("      {}{}{rule}\n", w.rule, w.colon));
        }
    }
    s
}

fn caps(w: &Words, v: &UnitView) -> String {
    if v.caps.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", w.caps);
    for cap in &v.caps {
        s.push_str(&format!(
            "  {}{}{} {} → {}\n",
            cap.what.plain(),
            w.colon,
            w.capped,
            dec(cap.from),
            dec(cap.to)
        ));
    }
    s
}

fn vetoes(w: &Words, v: &UnitView) -> String {
    if v.vetoes.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", w.veto);
    for veto in &v.vetoes {
        s.push_str(&format!("  {}\n", veto.plain()));
    }
    s
}

fn awards(w: &Words, v: &UnitView) -> String {
    if v.awards.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", w.awards);
    for a in &v.awards {
        s.push_str(&format!("  {}{}{}", a.name, w.colon, a.status));
        if !a.reasons.is_empty() {
            s.push_str(&format!("{}{}", w.dash, cited(&a.reasons, w.semicolon)));
        }
        s.push('\n');
    }
    s
}

fn outcomes(w: &Words, v: &UnitView) -> String {
    if v.outcomes.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = v
        .outcomes
        .iter()
        .map(|o| format!("{}{}{}", o.name, w.colon, o.answer))
        .collect();
    let mut s = format!("{}\n  {}\n", w.outcomes, parts.join(w.gap));
    // Why each applies: its clause, its condition as the policy states it.
    for o in v.outcomes.iter().filter(|o| o.flagged) {
        let head = format!("{} {}", o.name, doc::bracket(o.clause.as_deref()));
        s.push_str(&format!(
            "  {}{}{}{}\n",
            head.trim_end(),
            w.colon,
            o.rule,
            assumed(w, o.assumption.as_deref())
        ));
    }
    s
}
