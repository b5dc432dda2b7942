//! The one-row-per-unit layout that CSV and XLSX share: unit, group, every
//! leaf item's score, bonus, deduction, total, rank, grade (when the policy
//! has grades), vetoed, awards won, outcomes that apply.

use rust_decimal::Decimal;

use super::summary::{Summary, grade_name};
use super::{Context, dec};
use crate::i18n::words::Words;

/// A cell, typed so that XLSX can write numbers as numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(Decimal),
    /// A whole number: a rank, a year.
    Whole(u32),
    Empty,
}

impl Value {
    /// The cell as text: decimals as the other reports print them.
    pub fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(d) => dec(*d),
            Value::Whole(r) => r.to_string(),
            Value::Empty => String::new(),
        }
    }
}

pub fn header(ctx: &Context<'_, '_>, w: &Words) -> Vec<String> {
    let p = ctx.p;
    let mut h = vec![w.unit.to_string(), w.group.to_string()];
    h.extend(p.leaves.iter().map(|i| &p[*i]).map(|i| i.name.clone()));
    h.extend(
        [w.bonus, w.deduction, w.total, w.rank]
            .iter()
            .map(|s| s.to_string()),
    );
    if !p.tiers.is_empty() {
        h.push(w.grade.to_string());
    }
    h.extend(
        [w.vetoed, w.awards_col, w.outcomes_col]
            .iter()
            .map(|s| s.to_string()),
    );
    h.extend(super::payouts::column_titles(ctx, w));
    h
}

pub fn row(ctx: &Context<'_, '_>, w: &Words, s: &Summary) -> Vec<Value> {
    let p = ctx.p;
    let mut r = vec![Value::Text(s.name.clone()), Value::Text(s.group.clone())];
    r.extend(p.leaves.iter().map(|i| Value::Number(s.item(*i))));
    r.extend([
        Value::Number(s.bonus),
        Value::Number(s.deduction),
        Value::Number(s.total),
        s.rank.map_or(Value::Empty, Value::Whole),
    ]);
    if !p.tiers.is_empty() {
        r.push(grade_name(ctx, w, s.grade).map_or(Value::Empty, Value::Text));
    }
    r.push(Value::Text(if s.vetoed { w.yes } else { w.no }.to_string()));
    r.push(Value::Text(s.awards_won(ctx, w).join(w.list_sep)));
    r.push(Value::Text(s.outcomes_flagged(ctx, w).join(w.list_sep)));
    r.extend(s.payouts.iter().map(|v| Value::Number(*v)));
    r
}
