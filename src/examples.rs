//! Running a policy's `示例` (§3 Examples): each example's units become unit
//! data located in the policy file itself, are evaluated on their own (closed
//! groups need not be complete, ranks are among the example's units), and
//! each `预期` fact is compared with the ruling.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::ast::{
    Decl, EventLit, Example, ExampleStmt, Expect, Expectation, FieldKey, FieldValue, Policy,
};
use crate::data::raw::{RawEvent, RawField, RawUnit, RawValue};
use crate::data::source::DataSource;
use crate::diag::{Diag, ExpectWhat, FactValue, Message};
use crate::eval::decide::Grade;
use crate::eval::truth::Truth;
use crate::eval::{Evaluation, Feed, evaluate};
use crate::ir::{AwardId, OutcomeId, Program};
use crate::source::Span;

/// What running one example found.
#[derive(Debug, Clone)]
pub struct ExampleRun {
    pub title: String,
    pub span: Span,
    /// How many expectations were compared.
    pub checked: usize,
    /// Unmet expectations (KH801) or data problems of the example (KH7xx).
    pub diags: Vec<Diag>,
}

impl ExampleRun {
    pub fn passed(&self) -> bool {
        self.diags.is_empty()
    }
}

/// Runs every example of `policy` (compiled as `program`).
pub fn run_examples(policy: &Policy, program: &Program) -> Vec<ExampleRun> {
    policy
        .decls
        .iter()
        .filter_map(|d| match &d.node {
            Decl::Example(e) => Some(run_one(e, *d.span, program)),
            _ => None,
        })
        .collect()
}

/// An example's units as in-memory data (each `单位` starts a unit; dates
/// without a year are in `year`), located in the policy file itself.
pub fn example_data(example: &Example, year: i32) -> DataSource<'static> {
    DataSource::Memory {
        units: to_units(example, year).0,
        units_at: *example.title.span,
        other_keys: Vec::new(),
    }
}

fn run_one(example: &Example, span: Span, p: &Program) -> ExampleRun {
    let (units, expectations) = to_units(example, p.year);
    let source = DataSource::Memory {
        units,
        units_at: *example.title.span,
        other_keys: Vec::new(),
    };
    let mut run = ExampleRun {
        title: example.title.text.clone(),
        span,
        checked: 0,
        diags: Vec::new(),
    };
    match evaluate(p, Feed::new(&source).partial()) {
        Err(diags) => run.diags = diags,
        Ok(eval) => {
            for (unit, list) in expectations.iter().enumerate() {
                for x in list {
                    run.checked += 1;
                    if let Some(d) = compare(p, &eval, unit, x, &example.title.text) {
                        run.diags.push(d);
                    }
                }
            }
        }
    }
    run
}

/// The example's units as raw data, and each unit's expectations.
fn to_units(example: &Example, year: i32) -> (Vec<RawUnit<'static>>, Vec<Vec<Expectation>>) {
    let mut units: Vec<RawUnit<'static>> = Vec::new();
    let mut expectations: Vec<Vec<Expectation>> = Vec::new();
    for stmt in &example.stmts {
        if units.is_empty() || matches!(stmt.node, ExampleStmt::Unit { .. }) {
            units.push(RawUnit {
                span: *stmt.span,
                ..RawUnit::default()
            });
            expectations.push(Vec::new());
        }
        let (Some(u), Some(x)) = (units.last_mut(), expectations.last_mut()) else {
            continue;
        };
        match &stmt.node {
            ExampleStmt::Unit { name, group } => {
                u.fields.push(text_field("unit", &name.text, *name.span));
                if let Some(g) = group {
                    u.fields.push(text_field("group", &g.text, *g.span));
                }
            }
            ExampleStmt::Scores(entries) => {
                u.scores = Some(*stmt.span);
                for e in entries {
                    u.score_fields.push(RawField {
                        key: Cow::Owned(e.item.text.clone()),
                        key_span: *e.item.span,
                        value: RawValue::Num(Cow::Owned(e.value.value.to_string())),
                        span: *e.value.span,
                    });
                }
            }
            ExampleStmt::Event(ev) => push_event(u, ev, *stmt.span, year),
            ExampleStmt::Expect(list) => x.extend(list.iter().cloned()),
        }
    }
    (units, expectations)
}

fn text_field(key: &'static str, value: &str, span: Span) -> RawField<'static> {
    RawField {
        key: Cow::Borrowed(key),
        key_span: span,
        value: RawValue::Str(Cow::Owned(value.to_string())),
        span,
    }
}

fn push_event(u: &mut RawUnit<'static>, ev: &EventLit, span: Span, year: i32) {
    let start = u.event_fields.len();
    u.event_fields
        .push(text_field("kind", &ev.kind.text, *ev.kind.span));
    for f in &ev.fields {
        let key: Cow<'static, str> = match &f.key {
            FieldKey::Date => "date".into(),
            FieldKey::Points => "points".into(),
            FieldKey::Doc => "doc".into(),
            FieldKey::Title => "title".into(),
            FieldKey::CreditedIn => "credited_in".into(),
            FieldKey::Id => "id".into(),
            FieldKey::ProposedBy => "proposed_by".into(),
            FieldKey::Attr(name) => Cow::Owned(name.text.clone()),
        };
        let value = match &f.value {
            FieldValue::Date(d) => RawValue::Date(Cow::Owned(format!(
                "{:04}-{:02}-{:02}",
                d.year.unwrap_or(year),
                d.month,
                d.day
            ))),
            FieldValue::Number(n) => RawValue::Num(Cow::Owned(n.value.to_string())),
            FieldValue::Text(t) => RawValue::Str(Cow::Owned(t.text.clone())),
            FieldValue::Name(n) => RawValue::Str(Cow::Owned(n.text.clone())),
        };
        u.event_fields.push(RawField {
            key,
            key_span: *f.span,
            value,
            span: *f.span,
        });
    }
    u.events.get_or_insert(span);
    u.event_list.push(RawEvent {
        span,
        start,
        end: u.event_fields.len(),
        not_object: None,
    });
}

/// The finding for an unmet expectation, or `None` when it holds.
fn compare(
    p: &Program,
    e: &Evaluation<'_>,
    unit: usize,
    x: &Expectation,
    title: &str,
) -> Option<Diag> {
    let row = e.table.rows.iter().position(|r| r.index == unit)?;
    let r = &e.table.rows.get(row)?.result;
    let rank = e.ranks.rank.get(row).copied().flatten();
    let number = |d: Decimal| FactValue::Number(d.normalize());
    let (what, expected, actual) = match &x.node {
        Expect::Total(n) => (ExpectWhat::Total, number(n.value), number(r.total)),
        Expect::Bonus(n) => (ExpectWhat::Bonus, number(n.value), number(r.bonus)),
        Expect::Deduct(n) => (ExpectWhat::Deduct, number(n.value), number(r.deduction)),
        Expect::Rank(n) => (
            ExpectWhat::Rank,
            number(n.value),
            rank.map_or(FactValue::None, |x| number(Decimal::from(x))),
        ),
        Expect::Vetoed(v) => (
            ExpectWhat::Vetoed,
            FactValue::Bool(*v),
            FactValue::Bool(r.vetoed),
        ),
        Expect::Grade(name) => {
            let actual = match e.decisions.grade(row) {
                Grade::Tier(t) => p
                    .tiers
                    .get(t.index())
                    .map(|t| FactValue::Text(t.name.clone())),
                Grade::Pending(_) => Some(FactValue::Pending),
                Grade::None => None,
            };
            (
                ExpectWhat::Grade,
                FactValue::Text(name.text.clone()),
                actual.unwrap_or(FactValue::None),
            )
        }
        Expect::Flag { name, holds } => (
            ExpectWhat::Flag(name.text.clone()),
            FactValue::Bool(*holds),
            match flag(p, e, row, &name.text)? {
                Truth::Pending => FactValue::Pending,
                t => FactValue::Bool(t.is_yes()),
            },
        ),
    };
    if expected == actual {
        return None;
    }
    let m = Message::ExampleFailed {
        example: title.to_string(),
        unit: e
            .table
            .rows
            .get(row)
            .map(|r| r.name.to_string())
            .unwrap_or_default(),
        what,
        expected,
        actual,
    };
    Some(Diag::new(m, x.span))
}

/// An award (selected when it has a quota, else eligible) or an outcome;
/// pending is neither, so `预期 非 先进` fails on a unit still pending.
fn flag(p: &Program, e: &Evaluation<'_>, row: usize, name: &str) -> Option<Truth> {
    if let Some(a) = p.awards.iter().position(|a| a.name == name) {
        return Some(e.decisions.awarded(row, AwardId::from_index(a)));
    }
    let o = p.outcomes.iter().position(|o| o.name == name)?;
    Some(e.decisions.outcome(row, OutcomeId::from_index(o)))
}
