//! The parts every document format shares — the heading line, the ranking
//! table's cells, the assumptions, a unit's total line — as plain text, so
//! HTML and Markdown say the same thing.

use super::summary::{Summary, grade_name, standing_cell};
use super::{Context, WriteError, dec};
use crate::i18n::words::Words;

/// A table cell; numbers are right-aligned where the format can.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub num: bool,
}

fn text(s: impl Into<String>) -> Cell {
    Cell {
        text: s.into(),
        num: false,
    }
}

fn num(s: impl Into<String>) -> Cell {
    Cell {
        text: s.into(),
        num: true,
    }
}

/// Every unit's summary in ranking order (vetoed units last), as the JSON
/// report orders them.
pub fn summaries(ctx: &Context<'_, '_>) -> Result<Vec<Summary>, WriteError> {
    ctx.units().map(|u| Summary::of(ctx, u)).collect()
}

/// `制定 绍兴市机关事务服务中心　年度 2019　9 个单位`.
pub fn meta_line(ctx: &Context<'_, '_>, w: &Words) -> String {
    let mut parts = Vec::new();
    if let Some(issuer) = &ctx.p.issuer {
        parts.push(format!("{} {issuer}", w.issuer));
    }
    parts.push(format!("{} {}", w.year, ctx.p.year));
    parts.push(format!("{} {}", ctx.eval.table.len(), w.units_count));
    parts.join(w.gap)
}

/// The document's title: the policy's, then what the document is.
pub fn title(ctx: &Context<'_, '_>, w: &Words) -> String {
    format!("{} · {}", ctx.p.title, w.report)
}

/// The columns of the ranking table.
pub fn ranking_header(ctx: &Context<'_, '_>, w: &Words) -> Vec<Cell> {
    let p = ctx.p;
    let mut head = vec![num(w.rank), text(w.unit), text(w.group)];
    head.extend(
        p.top_items
            .iter()
            .map(|i| &p[*i])
            .map(|i| num(i.name.clone())),
    );
    head.extend([num(w.bonus), num(w.deduction), num(w.total)]);
    if !p.tiers.is_empty() {
        head.push(text(w.grade));
    }
    head.push(text(w.vetoed));
    head.extend(p.awards.iter().map(|a| text(a.name.clone())));
    head.extend(p.outcomes.iter().map(|o| text(o.name.clone())));
    head.extend(super::payouts::column_titles(ctx, w).into_iter().map(num));
    head
}

/// One unit's row of the ranking table.
pub fn ranking_row(ctx: &Context<'_, '_>, w: &Words, s: &Summary) -> Vec<Cell> {
    let p = ctx.p;
    let mut row = vec![
        num(s.rank.map_or_else(|| "—".to_string(), |r| r.to_string())),
        text(s.name.clone()),
        text(s.group.clone()),
    ];
    row.extend(p.top_items.iter().map(|i| num(dec(s.item(*i)))));
    row.extend([num(dec(s.bonus)), num(dec(s.deduction)), num(dec(s.total))]);
    if !p.tiers.is_empty() {
        row.push(text(
            grade_name(ctx, w, s.grade).unwrap_or_else(|| w.no_grade.to_string()),
        ));
    }
    row.push(text(if s.vetoed { w.yes } else { "—" }));
    for (a, standing) in p.awards.iter().zip(&s.awards) {
        row.push(text(standing_cell(w, a.has_quota(), *standing)));
    }
    for flagged in &s.outcomes {
        row.push(text(super::summary::outcome_cell(w, *flagged)));
    }
    row.extend(s.payouts.iter().map(|v| num(dec(*v))));
    row
}

/// A `解释` of the policy: the statement it belongs to and the quantification.
#[derive(Debug, Clone)]
pub struct Assumption {
    pub clause: Option<String>,
    pub statement: String,
    pub text: String,
}

pub fn assumptions(ctx: &Context<'_, '_>) -> Vec<Assumption> {
    let p = ctx.p;
    p.assumptions
        .iter()
        .filter_map(|c| {
            let clause = p.clause(*c);
            Some(Assumption {
                clause: clause.citation.clone(),
                statement: clause.text.clone(),
                text: clause.assumption.clone()?,
            })
        })
        .collect()
}

/// `总分 107.5 = 基础分 95.5 + 加分 12 − 扣分 0；名次 1`, as the text report writes it.
pub fn total_line(w: &Words, s: &Summary) -> String {
    let rank = match s.rank {
        Some(n) => format!("{} {n}", w.rank),
        None => w.vetoed.to_string(),
    };
    format!(
        "{} {} = {} {} + {} {} − {} {}{}{rank}",
        w.total,
        dec(s.total),
        w.base,
        dec(s.base),
        w.bonus,
        dec(s.bonus),
        w.deduction,
        dec(s.deduction),
        w.semicolon
    )
}

/// `【四(一)】`, or nothing.
pub fn bracket(clause: Option<&str>) -> String {
    clause.map(|c| format!("【{c}】")).unwrap_or_default()
}
