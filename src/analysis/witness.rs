//! Witnesses as real unit data. A finding's witness is built as units in the
//! data contract; `confirm.rs` evaluates it with the ordinary evaluator, and
//! the finding is reported only when the evaluation shows what it claims. The
//! same data is kept as JSON so that `check --format json` gives it, and
//! `kaohe eval` can replay it.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::calendar::Date;
use crate::data::raw::{RawEvent, RawField, RawUnit, RawValue};
use crate::data::source::DataSource;
use crate::diag::Diag;
use crate::eval::{Evaluation, Feed, Threads};
use crate::ir::{KindId, Place, Program};
use crate::source::Span;

/// One event of a witness, in the policy's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSpec {
    pub kind: String,
    pub attrs: Vec<(String, String)>,
    pub date: Date,
    pub points: Option<Decimal>,
    /// The place (`ir/slots.rs`) of the unit the event is meant for: the
    /// rules limited to units (`仅 县`) it should meet apply there.
    pub place: u32,
}

impl EventSpec {
    /// An event of `kind` with attribute values `values` (value indices, or
    /// item ids; one more value, if given, is the unit's place), dated at the
    /// start of the window.
    pub fn new(p: &Program, kind: KindId, values: &[u32]) -> EventSpec {
        let k = &p[kind];
        let attrs = k
            .attrs
            .iter()
            .zip(values)
            .map(|(a, v)| (a.name.clone(), p.value_name(a, *v).to_string()))
            .collect();
        EventSpec {
            kind: k.name.clone(),
            attrs,
            date: p.window.0,
            points: None,
            place: values.get(k.attrs.len()).copied().unwrap_or(0),
        }
    }

    /// `表彰 { 层级 市政府, 对象 集体 }`: the event as a policy's example writes it.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self.attrs.iter().map(|(a, v)| format!("{a} {v}")).collect();
        if let Some(points) = self.points {
            parts.push(format!("分值 {}", crate::diag::fmt_decimal(points)));
        }
        if parts.is_empty() {
            self.kind.clone()
        } else {
            format!("{} {{ {} }}", self.kind, parts.join(", "))
        }
    }
}

/// One unit of a witness.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSpec {
    pub name: String,
    pub group: Option<String>,
    pub scores: Vec<(String, Decimal)>,
    pub events: Vec<EventSpec>,
}

impl UnitSpec {
    /// A unit the policy knows (its first declared one), or a new unit of its
    /// first open group, with every leaf at the score `score` gives it.
    pub fn typical(p: &Program, name_hint: usize, score: impl Fn(Decimal) -> Decimal) -> UnitSpec {
        let declared = p.units.get(name_hint);
        let (name, group) = match declared {
            Some(u) => (u.name.clone(), None),
            None => {
                let open = p.groups.iter().find(|g| g.open).map(|g| g.name.clone());
                (format!("单位{}", name_hint + 1), open)
            }
        };
        let scores = p
            .leaves
            .iter()
            .map(|l| &p[*l])
            .map(|i| (i.name.clone(), score(i.data_max())))
            .collect();
        UnitSpec {
            name,
            group,
            scores,
            events: Vec::new(),
        }
    }
}

impl UnitSpec {
    /// The unit at `place` (a listed unit, or a new unit of an open group),
    /// every leaf at the score `score` gives it; the first listed unit when
    /// there is no such place.
    pub fn at_place(p: &Program, place: u32, score: impl Fn(Decimal) -> Decimal) -> UnitSpec {
        let mut unit = UnitSpec::typical(p, 0, score);
        match p.place(place) {
            Some(Place::Listed(u)) => {
                unit.name = p[u].name.clone();
                unit.group = None;
            }
            Some(Place::Added(g)) => {
                unit.name = format!("单位{}", p.units.len() + 1);
                unit.group = Some(p[g].name.clone());
            }
            None => {}
        }
        unit
    }

    /// A unit at full marks with this one event, at the event's place.
    pub fn with_event(p: &Program, event: EventSpec) -> UnitSpec {
        let mut unit = UnitSpec::at_place(p, event.place, |max| max);
        unit.events.push(event);
        unit
    }
}

fn field(key: &str, value: RawValue<'static>) -> RawField<'static> {
    RawField {
        key: Cow::Owned(key.to_string()),
        key_span: Span::default(),
        value,
        span: Span::default(),
    }
}

fn text(s: &str) -> RawValue<'static> {
    RawValue::Str(Cow::Owned(s.to_string()))
}

/// A decimal as a JSON number written as the decimal is (`60`, `79.5`).
fn json_number(d: Decimal) -> Value {
    serde_json::from_str(&crate::diag::fmt_decimal(d)).unwrap_or(Value::Null)
}

fn number(d: Decimal) -> RawValue<'static> {
    RawValue::Num(Cow::Owned(d.to_string()))
}

fn raw(u: &UnitSpec) -> RawUnit<'static> {
    let mut r = RawUnit::default();
    r.fields.push(field("unit", text(&u.name)));
    if let Some(g) = &u.group {
        r.fields.push(field("group", text(g)));
    }
    r.scores = Some(Span::default());
    r.score_fields = u.scores.iter().map(|(k, v)| field(k, number(*v))).collect();
    r.events = Some(Span::default());
    for e in &u.events {
        let start = r.event_fields.len();
        r.event_fields.push(field("kind", text(&e.kind)));
        for (a, v) in &e.attrs {
            r.event_fields.push(field(a, text(v)));
        }
        r.event_fields
            .push(field("date", text(&e.date.to_string())));
        if let Some(points) = e.points {
            r.event_fields.push(field("points", number(points)));
        }
        r.event_list.push(RawEvent {
            span: Span::default(),
            start,
            end: r.event_fields.len(),
            not_object: None,
        });
    }
    r
}

/// The witness made complete: every unit the policy lists and the witness
/// lacks is added with zero scores and no events (after the witness's own
/// units, so they change nothing it shows). Complete data is what `kaohe
/// eval` accepts, so the JSON can be replayed as it is.
pub fn complete(p: &Program, units: &[UnitSpec]) -> Vec<UnitSpec> {
    let mut all = units.to_vec();
    for (i, u) in p.units.iter().enumerate() {
        if !all.iter().any(|x| x.name == u.name) {
            let mut filler = UnitSpec::typical(p, i, |_| Decimal::ZERO);
            filler.name = u.name.clone();
            all.push(filler);
        }
    }
    all
}

/// The witness as unit data in the contract's JSON (for `--format json`).
pub fn to_json(p: &Program, units: &[UnitSpec]) -> Value {
    let units: Vec<Value> = complete(p, units)
        .iter()
        .map(|u| {
            let scores: serde_json::Map<String, Value> = u
                .scores
                .iter()
                .map(|(k, v)| (k.clone(), json_number(*v)))
                .collect();
            let events: Vec<Value> = u
                .events
                .iter()
                .map(|e| {
                    let mut m = serde_json::Map::new();
                    m.insert("kind".into(), json!(e.kind));
                    for (a, v) in &e.attrs {
                        m.insert(a.clone(), json!(v));
                    }
                    m.insert("date".into(), json!(e.date.to_string()));
                    if let Some(p) = e.points {
                        m.insert("points".into(), json_number(p));
                    }
                    Value::Object(m)
                })
                .collect();
            let mut v = serde_json::Map::new();
            v.insert("unit".into(), json!(u.name));
            if let Some(g) = &u.group {
                v.insert("group".into(), json!(g));
            }
            v.insert("scores".into(), Value::Object(scores));
            v.insert("events".into(), Value::Array(events));
            Value::Object(v)
        })
        .collect();
    json!({ "units": units })
}

/// The witness, made complete, as the data source the evaluator reads.
pub fn memory(p: &Program, units: &[UnitSpec]) -> DataSource<'static> {
    DataSource::Memory {
        units: complete(p, units).iter().map(raw).collect(),
        units_at: Span::default(),
        other_keys: Vec::new(),
    }
}

/// Evaluates the witness, made complete, with the ordinary evaluator: for
/// building a witness (what a unit scores with these events); a finding's
/// witness is confirmed by [`super::confirm::confirm`].
pub fn evaluate(p: &Program, units: &[UnitSpec]) -> Result<Evaluation<'static>, Vec<Diag>> {
    crate::eval::evaluate(p, Feed::new(&memory(p, units)).threads(Threads::One))
}
