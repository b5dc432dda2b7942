//! The reference checked against rulings worked out by hand: a policy's
//! `示例` blocks (each unit's scores and events become data, evaluated on
//! their own: closed groups need not be complete, §3) and their `预期` facts.
//! The data is built here from the AST, not by kaohe's `examples` module.

use serde_json::{Map, Value, json};

use kaohe::ast::{Example, ExampleStmt, Expect, FieldKey, FieldValue};

use super::decide::{Grade, Selection};
use super::exact::show;
use super::model::Model;
use super::verdict::Verdicts;

/// An example's units as JSON data; month-days are days of the policy year,
/// numbers are written as the policy writes them.
pub fn example_json(m: &Model<'_>, e: &Example) -> Value {
    let mut units: Vec<Map<String, Value>> = Vec::new();
    let number = |n: &kaohe::ast::Num| -> Value { serde_json::from_str(&show(&m.num(n))).unwrap() };
    for stmt in &e.stmts {
        match &stmt.node {
            ExampleStmt::Unit { name, group } => {
                let mut u = Map::new();
                u.insert("unit".into(), json!(name.text));
                if let Some(g) = group {
                    u.insert("group".into(), json!(g.text));
                }
                u.insert("scores".into(), json!({}));
                u.insert("events".into(), json!([]));
                units.push(u);
            }
            ExampleStmt::Scores(entries) => {
                let u = units.last_mut().unwrap();
                for s in entries {
                    u["scores"][&s.item.text] = number(&s.value);
                }
            }
            ExampleStmt::Event(ev) => {
                let mut out = Map::new();
                out.insert("kind".into(), json!(ev.kind.text));
                for f in &ev.fields {
                    let key = match &f.key {
                        FieldKey::Date => "date".to_string(),
                        FieldKey::Points => "points".to_string(),
                        FieldKey::Doc => "doc".to_string(),
                        FieldKey::Title => "title".to_string(),
                        FieldKey::CreditedIn => "credited_in".to_string(),
                        FieldKey::Id => "id".to_string(),
                        FieldKey::ProposedBy => "proposed_by".to_string(),
                        FieldKey::Attr(a) => a.text.clone(),
                    };
                    let value = match &f.value {
                        FieldValue::Date(d) => {
                            let y = d.year.unwrap_or(m.year);
                            json!(format!("{y:04}-{:02}-{:02}", d.month, d.day))
                        }
                        FieldValue::Number(n) => number(n),
                        FieldValue::Text(t) => json!(t.text),
                        FieldValue::Name(n) => json!(n.text),
                    };
                    out.insert(key, value);
                }
                let u = units.last_mut().unwrap();
                u["events"].as_array_mut().unwrap().push(Value::Object(out));
            }
            ExampleStmt::Expect(_) => {}
        }
    }
    json!({ "units": units })
}

/// Every `预期` of the example the reference's verdicts do not meet.
pub fn unmet(m: &Model<'_>, e: &Example, v: &Verdicts) -> Vec<String> {
    let mut out = Vec::new();
    let mut unit = String::new();
    for stmt in &e.stmts {
        match &stmt.node {
            ExampleStmt::Unit { name, .. } => unit = name.text.clone(),
            ExampleStmt::Expect(list) => {
                let u = &v[&unit];
                for x in list {
                    let ok = match &x.node {
                        Expect::Total(n) => u.total == m.num(n),
                        Expect::Bonus(n) => u.bonus == m.num(n),
                        Expect::Deduct(n) => u.deduction == m.num(n),
                        Expect::Rank(n) => {
                            u.place.map(|p| super::exact::int(i64::from(p.0))) == Some(m.num(n))
                        }
                        Expect::Vetoed(b) => u.vetoed == *b,
                        Expect::Grade(t) => u.grade.settled() == Some(&Grade::Tier(t.text.clone())),
                        // Settled either way (a pending decision meets neither).
                        Expect::Flag { name, holds } => {
                            let award = u.awards.iter().find(|a| a.0 == name.text);
                            let outcome = u.outcomes.iter().find(|o| o.0 == name.text);
                            let got = match (award, outcome) {
                                (Some((_, eligible, s)), _) => match s.settled() {
                                    Some(Selection::NoQuota) => eligible.settled().copied(),
                                    Some(s) => Some(*s == Selection::Selected),
                                    None => None,
                                },
                                (None, Some((_, o))) => o.settled().copied(),
                                (None, None) => panic!("{} is no award or outcome", name.text),
                            };
                            got == Some(*holds)
                        }
                    };
                    if !ok {
                        out.push(format!("{unit}: {:?} (got {u:?})", x.node));
                    }
                }
            }
            _ => {}
        }
    }
    out
}
