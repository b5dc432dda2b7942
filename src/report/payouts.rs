//! `兑现` in every format, worded once: a line (`优秀 → 奖金 10000 元（其中
//! 主要负责人 2000 元）`), a unit's sums (one column per amount in the ranking
//! tables), and the totals over all units. A pending line is marked and counted
//! in no sum.

use rust_decimal::Decimal;

use super::lists::NamedList;
use super::view::Cited;
use super::{Context, dec};
use crate::eval::UnitRuling;
use crate::eval::payouts::{dues, unit_sums};
use crate::eval::truth::Truth;
use crate::i18n::words::Words;
use crate::ir::{PayoutFor, PayoutIr};

/// `奖金 10000 元`.
pub fn amount(name: &str, value: Decimal, measure: Option<&str>) -> String {
    match measure {
        Some(m) => format!("{name} {} {m}", dec(value)),
        None => format!("{name} {}", dec(value)),
    }
}

/// `优秀 → 奖金 10000 元（其中 主要负责人 2000 元）`.
pub fn line(ctx: &Context<'_, '_>, w: &Words, x: &PayoutIr) -> String {
    let p = ctx.p;
    let target = match x.target {
        PayoutFor::Outcome(o) => &p[o].name,
        PayoutFor::Tier(t) => &p[t].name,
        PayoutFor::Award(a) => &p[a].name,
    };
    let mut s = format!(
        "{target} → {}",
        amount(&x.amount, x.value, x.measure.as_deref())
    );
    if !x.shares.is_empty() {
        let parts: Vec<String> = x
            .shares
            .iter()
            .map(|(to, v)| format!("{} {}", w.of_which, amount(to, *v, x.measure.as_deref())))
            .collect();
        s.push_str(&format!("{}{}{}", w.open, parts.join(w.list_sep), w.close));
    }
    s
}

/// The lines due to one unit, a pending one marked, each with its clause.
pub fn unit_lines(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> Vec<Cited> {
    r.payouts
        .iter()
        .filter_map(|due| {
            let x = ctx.p.payouts.get(due.line)?;
            let mut text = line(ctx, w, x);
            if due.state == Truth::Pending {
                text.push_str(&format!("{}{}{}", w.open, w.pending_note, w.close));
            }
            Some(Cited {
                text,
                clause: ctx.citation(x.clause).map(str::to_string),
            })
        })
        .collect()
}

/// A unit's paid sums, one per amount of the totals (0 where none).
pub fn unit_columns(ctx: &Context<'_, '_>, u: usize) -> Vec<Decimal> {
    let e = ctx.eval;
    let due = dues(ctx.p, &e.table, &e.decisions, u);
    let sums = unit_sums(ctx.p, &due).unwrap_or_default();
    e.payouts
        .amounts
        .iter()
        .map(|a| {
            sums.iter()
                .find(|(x, _)| x.amount == a.amount && x.measure.as_deref() == a.measure.as_deref())
                .map_or(Decimal::ZERO, |(_, s)| *s)
        })
        .collect()
}

/// The ranking tables' column titles: `奖金（元）`.
pub fn column_titles(ctx: &Context<'_, '_>, w: &Words) -> Vec<String> {
    ctx.eval
        .payouts
        .amounts
        .iter()
        .map(|a| match &a.measure {
            Some(m) => format!("{}{}{m}{}", a.amount, w.open.trim_start(), w.close),
            None => a.amount.clone(),
        })
        .collect()
}

/// Each line with the units it pays (and those pending), its total in the
/// title; then one entry per amount with the sum over all lines.
pub fn lists(ctx: &Context<'_, '_>, w: &Words) -> Vec<NamedList> {
    let e = ctx.eval;
    let mut out: Vec<NamedList> = Vec::new();
    for (i, (x, total)) in ctx.p.payouts.iter().zip(&e.payouts.lines).enumerate() {
        let mut units = Vec::new();
        let mut pending = Vec::new();
        for u in 0..e.table.len() {
            let name = e.table.rows.get(u).map(|r| r.name.to_string());
            for due in dues(ctx.p, &e.table, &e.decisions, u) {
                if due.line == i {
                    match due.state {
                        Truth::Pending => pending.extend(name.clone()),
                        _ => units.extend(name.clone()),
                    }
                }
            }
        }
        out.push(NamedList {
            title: format!(
                "{}{}{} {}{}{}{}",
                line(ctx, w, x),
                w.open,
                total.paid,
                w.units_count,
                w.comma,
                amount(w.total_word, total.sum, x.measure.as_deref()),
                w.close
            ),
            clause: ctx.citation(x.clause).map(str::to_string),
            units,
            pending,
        });
    }
    out
}

/// `奖金 合计 47000 元`, one per amount.
pub fn sums(ctx: &Context<'_, '_>, w: &Words) -> Vec<String> {
    ctx.eval
        .payouts
        .amounts
        .iter()
        .map(|a| {
            let name = format!("{} {}", a.amount, w.total_word);
            amount(&name, a.sum, a.measure.as_deref())
        })
        .collect()
}
