//! Rulings in brief, one line per unit, for snapshots of the evaluate stage;
//! and a policy's `示例` units as data, evaluated as `kaohe test` evaluates them.

use std::borrow::Cow;

use kaohe::ast::{Decl, EventLit, Example, ExampleStmt, FieldKey, FieldValue, Policy};
use kaohe::data::raw::{RawEvent, RawField, RawUnit, RawValue};
use kaohe::data::source::DataSource;
use kaohe::diag::Diag;
use kaohe::eval::decide::{Grade, Selection};
use kaohe::eval::{Evaluation, Feed, Reason, evaluate};
use kaohe::ir::{Excl, Program};

/// The policy's examples, in source order.
pub fn examples(policy: &Policy) -> Vec<&Example> {
    policy
        .decls
        .iter()
        .filter_map(|d| match &d.node {
            Decl::Example(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// An example's units as in-memory data, built the way `examples::run_examples`
/// builds them (each `单位` starts a unit; dates without a year are in the
/// policy year), so that evaluating it gives what `kaohe test` compares.
pub fn example_data(example: &Example, year: i32) -> DataSource<'static> {
    let mut units: Vec<RawUnit<'static>> = Vec::new();
    for stmt in &example.stmts {
        if units.is_empty() || matches!(stmt.node, ExampleStmt::Unit { .. }) {
            units.push(RawUnit {
                span: *stmt.span,
                ..RawUnit::default()
            });
        }
        let u = units.last_mut().unwrap();
        match &stmt.node {
            ExampleStmt::Unit { name, group } => {
                u.fields.push(text("unit", &name.text, *name.span));
                if let Some(g) = group {
                    u.fields.push(text("group", &g.text, *g.span));
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
            ExampleStmt::Event(ev) => event(u, ev, *stmt.span, year),
            ExampleStmt::Expect(_) => {}
        }
    }
    DataSource::Memory {
        units,
        units_at: *example.title.span,
        other_keys: Vec::new(),
    }
}

fn text(key: &'static str, value: &str, span: kaohe::source::Span) -> RawField<'static> {
    RawField {
        key: Cow::Borrowed(key),
        key_span: span,
        value: RawValue::Str(Cow::Owned(value.to_string())),
        span,
    }
}

fn event(u: &mut RawUnit<'static>, ev: &EventLit, span: kaohe::source::Span, year: i32) {
    let start = u.event_fields.len();
    u.event_fields
        .push(text("kind", &ev.kind.text, *ev.kind.span));
    for f in &ev.fields {
        let key: Cow<'static, str> = match &f.key {
            FieldKey::Date => "date".into(),
            FieldKey::Points => "points".into(),
            FieldKey::Doc => "doc".into(),
            FieldKey::Title => "title".into(),
            FieldKey::CreditedIn => "credited_in".into(),
            FieldKey::Id => "id".into(),
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

/// Evaluates an example's units on their own (closed groups need not be complete).
pub fn evaluate_example<'a>(
    p: &Program,
    data: &'a DataSource<'static>,
) -> Result<Evaluation<'a>, Vec<Diag>> {
    evaluate(p, Feed::new(data).partial())
}

/// Every unit of an evaluation on one line: total = base + bonus − deduction,
/// rank (or vetoed), grade, each award (with why a unit is excluded) and the
/// outcomes that hold. Parts the policy does not have are left out.
pub fn brief(p: &Program, e: &Evaluation<'_>, source: &DataSource<'_>) -> String {
    let mut out = String::new();
    for (u, row) in e.table.rows.iter().enumerate() {
        let r = &row.result;
        let mut parts = vec![format!(
            "total {} = {} + {} - {}",
            r.total.normalize(),
            r.base.normalize(),
            r.bonus.normalize(),
            r.deduction.normalize()
        )];
        parts.push(match e.ranks.rank[u] {
            Some(rank) => format!("rank {rank}"),
            None if r.vetoed => "vetoed, no rank".to_string(),
            None => "no rank".to_string(),
        });
        if r.vetoed && e.ranks.rank[u].is_some() {
            parts.push("vetoed".to_string());
        }
        if !p.tiers.is_empty() {
            parts.push(match e.decisions.grade(u) {
                Grade::Tier(t) => format!("grade {}", p.tiers[t.index()].name),
                Grade::Pending(t) => format!("grade {} pending", p.tiers[t.index()].name),
                Grade::None => "no grade".to_string(),
            });
        }
        let ruling = e.ruling(p, source, u).unwrap();
        for a in &ruling.awards {
            let name = &p.awards[a.award.index()].name;
            let state = match (a.eligible, a.selection) {
                (false, _) => {
                    let why: Vec<String> = a.reasons.iter().map(|x| reason(p, x)).collect();
                    format!("excluded ({})", why.join(", "))
                }
                (true, Selection::NoQuota) => "eligible".to_string(),
                (true, Selection::Selected) => "selected".to_string(),
                (true, Selection::NotSelected) => "not selected".to_string(),
                (true, Selection::Pending) => "pending".to_string(),
            };
            parts.push(format!("{name} {state}"));
        }
        if !p.outcomes.is_empty() {
            let held: Vec<&str> = ruling
                .outcomes
                .iter()
                .filter(|(_, holds)| *holds)
                .map(|(o, _)| p.outcomes[o.index()].name.as_str())
                .collect();
            let held = if held.is_empty() {
                "-".to_string()
            } else {
                held.join(" ")
            };
            parts.push(format!("outcomes {held}"));
        }
        out.push_str(&format!("  {}: {}\n", row.name, parts.join(", ")));
    }
    out
}

fn reason(p: &Program, r: &Reason) -> String {
    match r {
        Reason::Vetoed => "vetoed".to_string(),
        Reason::Excluded(e, _) => match e {
            Excl::Unit(u) => format!("unit {}", p.units[u.index()].name),
            Excl::Group(g) => format!("group {}", p.groups[g.index()].name),
            Excl::Kind(f) => format!("any {}", p.kinds[p.facts[f.index()].kind.index()].name),
            Excl::Vetoed => "vetoed".to_string(),
            Excl::Outcome(o) => format!("outcome {}", p.outcomes[o.index()].name),
            Excl::Bottom(n) => format!("bottom {n}"),
            Excl::Finding(f) => {
                let kind = p.findings[f.index()].kind;
                format!("finding on {}", p.kinds[kind.index()].name)
            }
        },
    }
}
