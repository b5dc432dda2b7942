//! Rulings for the terminal: the ranking table, then a tree per unit: items,
//! events (counted or not and why), caps, veto, awards, outcomes. Columns line
//! up by display width, so Chinese names align.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::{Context, WriteError, dec};
use crate::eval::UnitRuling;
use crate::eval::decide::{Grade, Selection};
use crate::eval::explain::EventStatus;
use crate::i18n::words::{Words, words};
use crate::ir::TierId;

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
    let t = &ctx.eval.table;
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
    let mut rows = vec![head];
    for &u in &ctx.eval.ranks.order {
        let u = u as usize;
        let Some(row) = t.rows.get(u) else { continue };
        let rank = ctx.eval.ranks.rank.get(u).copied().flatten();
        let mut cells = vec![
            rank.map_or_else(|| w.vetoed.to_string(), |r| r.to_string()),
            row.name.to_string(),
            p[row.group].name.clone(),
            dec(row.result.total),
            dec(row.result.bonus),
            dec(row.result.deduction),
        ];
        if !p.tiers.is_empty() {
            cells.push(grade_text(ctx, w, ctx.eval.decisions.grade(u)));
        }
        for (i, a) in p.awards.iter().enumerate() {
            let id = crate::ir::AwardId::from_index(i);
            let eligible = ctx.eval.decisions.eligible(u, id);
            let cell = match (a.quota.is_some(), ctx.eval.decisions.selection(u, id)) {
                (true, Selection::Selected) => w.selected,
                (true, Selection::Pending) => w.pending_note,
                (true, _) => "—",
                (false, _) if eligible => w.eligible,
                (false, _) => "—",
            };
            cells.push(cell.to_string());
        }
        for (i, _) in p.outcomes.iter().enumerate() {
            let flagged = ctx
                .eval
                .decisions
                .outcome(u, crate::ir::OutcomeId::from_index(i));
            cells.push(if flagged { w.yes } else { "—" }.to_string());
        }
        rows.push(cells);
    }
    format!("{}\n{}\n", w.ranking, table(&rows, "  "))
}

fn assumptions(ctx: &Context<'_, '_>, w: &Words) -> String {
    let p = ctx.p;
    if p.assumptions.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", w.assumptions);
    for &c in &p.assumptions {
        let clause = p.clause(c);
        if let Some(a) = &clause.assumption {
            s.push_str(&format!("  {}{a}\n", ctx.cite(c)));
        }
    }
    s.push('\n');
    s
}

/// ` （解释：…）` when the clause quantifies a vague phrase of the source text.
fn assumed(ctx: &Context<'_, '_>, w: &Words, c: crate::ir::ClauseId) -> String {
    match &ctx.p.clause(c).assumption {
        Some(a) => format!("{}{}{}{a}{}", w.open, w.assume, w.colon, w.close),
        None => String::new(),
    }
}

fn grade_text(ctx: &Context<'_, '_>, w: &Words, g: Grade) -> String {
    let name = |t: TierId| {
        ctx.p
            .tiers
            .get(t.index())
            .map(|x| x.name.clone())
            .unwrap_or_default()
    };
    match g {
        Grade::None => w.no_grade.to_string(),
        Grade::Tier(t) => name(t),
        Grade::Pending(t) => format!("{}{}{}{}", name(t), w.open, w.pending_note, w.close),
    }
}

fn unit(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> String {
    let p = ctx.p;
    let Some(row) = ctx.eval.table.rows.get(r.unit) else {
        return String::new();
    };
    let res = &row.result;
    let group = p[row.group].name.clone();
    let mut s = format!("━━ {}{}{group}{}\n", row.name, w.open, w.close);
    let rank = match ctx.eval.ranks.rank.get(r.unit).copied().flatten() {
        Some(n) => format!("{} {n}", w.rank),
        None => w.vetoed.to_string(),
    };
    s.push_str(&format!(
        "{} {} = {} {} + {} {} − {} {}{}{rank}\n",
        w.total,
        dec(res.total),
        w.base,
        dec(res.base),
        w.bonus,
        dec(res.bonus),
        w.deduction,
        dec(res.deduction),
        w.semicolon
    ));
    if !p.tiers.is_empty() {
        s.push_str(&format!(
            "{} {}\n",
            w.grade,
            grade_text(ctx, w, ctx.eval.decisions.grade(r.unit))
        ));
    }
    s.push_str(&items(ctx, w, r));
    s.push_str(&events(ctx, w, r));
    s.push_str(&caps(ctx, w, r));
    s.push_str(&vetoes(ctx, w, r));
    s.push_str(&awards(ctx, w, r));
    s.push_str(&outcomes(ctx, w, r));
    s.push('\n');
    s
}

fn items(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> String {
    let p = ctx.p;
    let mut rows = Vec::new();
    for line in &r.explanation.items {
        let item = &p[line.item];
        let mut depth = 0;
        let mut cur = item.parent;
        while let Some(parent) = cur {
            depth += 1;
            cur = p[parent].parent;
        }
        let mut note = ctx.cite(item.clause);
        if let (Some(scale), Some(v)) = (item.scale, line.value) {
            note.push_str(&format!(
                " {} {}{}{} {}{}",
                w.data_value,
                dec(v),
                w.open,
                w.scaled,
                dec(scale),
                w.close
            ));
        }
        if let Some(f) = line.cleared_by {
            let from = line.value.map(dec).unwrap_or_default();
            note.push_str(&format!(
                " {} {from} → 0 {}",
                w.cleared,
                ctx.cite(p[f].clause)
            ));
        }
        rows.push(vec![
            format!("{}{}", "  ".repeat(depth), item.name),
            format!("{} / {}", dec(line.contribution), dec(item.max)),
            note.trim().to_string(),
        ]);
    }
    format!("{}\n{}", w.items, table(&rows, "  "))
}

fn events(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> String {
    let p = ctx.p;
    let mut s = format!("{}\n", w.events);
    if r.explanation.events.is_empty() {
        s.push_str(&format!("  {}\n", w.no_events));
    }
    for line in &r.explanation.events {
        let Some(ev) = r.input.events.get(line.index) else {
            continue;
        };
        let kind = p[ev.kind].name.clone();
        let attrs: Vec<String> = ctx
            .attributes(r, line.index)
            .into_iter()
            .map(|(a, v)| format!("{a} {v}"))
            .collect();
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!("{}{}{}", w.open, attrs.join(w.comma), w.close)
        };
        let mut desc = format!("  #{} {kind}{attrs} {}", line.index + 1, ev.date);
        if let Some(doc) = &ev.doc {
            desc.push_str(&format!(" {doc}"));
        }
        s.push_str(&desc);
        s.push_str("  ");
        s.push_str(&event_effect(ctx, w, r, line));
        s.push('\n');
        if let Some(rule) = line.rule.map(|id| &p[id]) {
            s.push_str(&format!(
                "      {}{}{}{}\n",
                w.rule,
                w.colon,
                p.clause(rule.clause).text,
                assumed(ctx, w, rule.clause)
            ));
        }
    }
    s
}

fn event_effect(
    ctx: &Context<'_, '_>,
    w: &Words,
    _r: &UnitRuling<'_>,
    line: &crate::eval::explain::EventLine,
) -> String {
    let p = ctx.p;
    match &line.status {
        EventStatus::OutsideWindow => format!(
            "{}{}{} {} {} {} {}",
            w.not_counted,
            w.colon,
            w.outside_window,
            p.window.0,
            w.to,
            p.window.1,
            ctx.cite(p.window_clause)
        ),
        EventStatus::CreditedIn(y) => {
            let clause = p
                .skip_years
                .iter()
                .find(|(s, _)| s == y)
                .map(|(_, c)| ctx.cite(*c));
            format!(
                "{}{}{} {y}{} {}",
                w.not_counted,
                w.colon,
                w.credited_in,
                w.credited_after,
                clause.unwrap_or_default()
            )
        }
        EventStatus::NoRule => format!("{}{}{}", w.not_counted, w.colon, w.no_rule),
        EventStatus::Counted => {
            let parts: Vec<String> = super::view::counted(ctx, w, line)
                .iter()
                .map(super::view::Cited::plain)
                .collect();
            format!("{} {}", w.counted, parts.join(w.semicolon))
        }
    }
}

fn caps(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> String {
    let caps = super::view::caps(ctx, w, r);
    if caps.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", w.caps);
    for cap in caps {
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

fn vetoes(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> String {
    let p = ctx.p;
    if r.explanation.vetoes.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", w.veto);
    for v in &r.explanation.vetoes {
        {
            let veto = &p[*v];
            s.push_str(&format!(
                "  {} {}\n",
                p.clause(veto.clause).text,
                ctx.cite(veto.clause)
            ));
        }
    }
    s
}

fn awards(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> String {
    let p = ctx.p;
    if r.awards.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", w.awards);
    for a in &r.awards {
        let award = &p[a.award];
        let mut line = format!(
            "  {}{}{}",
            award.name,
            w.colon,
            if a.eligible {
                w.eligible
            } else {
                w.not_eligible
            }
        );
        if award.quota.is_some() && a.eligible {
            let sel = match a.selection {
                Selection::Selected => w.selected,
                Selection::Pending => w.pending,
                _ => w.not_selected,
            };
            line.push_str(&format!("{}{sel}", w.comma));
        }
        if !a.reasons.is_empty() {
            let reasons: Vec<String> = a
                .reasons
                .iter()
                .map(|x| match x {
                    crate::eval::Reason::Excluded(_, c) => {
                        format!("{}{}", ctx.reason_text(x), assumed(ctx, w, *c))
                    }
                    crate::eval::Reason::Vetoed => ctx.reason_text(x),
                })
                .collect();
            line.push_str(&format!("{}{}", w.dash, reasons.join(w.semicolon)));
        }
        s.push_str(&line);
        s.push('\n');
    }
    s
}

fn outcomes(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> String {
    let p = ctx.p;
    if r.outcomes.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = r
        .outcomes
        .iter()
        .map(|(o, flagged)| {
            let o = &p[*o];
            format!(
                "{}{}{}",
                o.name,
                w.colon,
                if *flagged { w.yes } else { w.no }
            )
        })
        .collect();
    let mut s = format!("{}\n  {}\n", w.outcomes, parts.join(w.gap));
    for (o, flagged) in &r.outcomes {
        if !*flagged {
            continue;
        }
        let o = &p[*o];
        // Why: the outcome's clause, its condition as the policy states it.
        let note = assumed(ctx, w, o.clause);
        let rule = &p.clause(o.clause).text;
        s.push_str(&format!(
            "  {} {}{}{rule}{note}\n",
            o.name,
            ctx.cite(o.clause),
            w.colon
        ));
    }
    s
}
