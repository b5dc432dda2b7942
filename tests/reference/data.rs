//! Unit data read against LANGUAGE.md §5 and §7.29: a JSON value with a
//! `units` array; every problem the contract names is collected as a
//! [`Problem`] (its KH7xx code and where), none is guessed at. Checks that
//! need the rules (`points`, §7.10) belong to the evaluation.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::exact::{Q, int, is_decimal, parse};
use super::model::{Day, Model, is_day};

/// One data problem: its code and the unit it is about (its position).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub code: &'static str,
    pub unit: Option<usize>,
    pub what: String,
}

#[derive(Debug, Clone)]
pub struct EventData {
    pub kind: String,
    /// Attribute name → value, for the kind's declared attributes.
    pub attrs: BTreeMap<String, String>,
    pub date: Day,
    pub points: Option<Q>,
    pub credited_in: Option<i64>,
    /// The data's `id`, the key of `同一 编号 只计 最高`.
    pub id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct UnitData {
    /// Position in the data's `units`.
    pub at: usize,
    pub name: String,
    pub group: String,
    /// Leaf item name → the data's value (on the item's scale).
    pub scores: BTreeMap<String, Q>,
    pub events: Vec<EventData>,
}

const RESERVED: [&str; 8] = [
    "kind",
    "date",
    "points",
    "doc",
    "title",
    "credited_in",
    "id",
    "proposed_by",
];

/// Reads every unit: the units as far as they could be read (an event with
/// a problem left out), and every problem found. Not `complete` (a policy's
/// examples, §3): the units of closed groups need not all be there.
pub fn read(m: &Model<'_>, data: &Value, complete: bool) -> (Vec<UnitData>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut units = Vec::new();
    let Some(list) = data.get("units").and_then(Value::as_array) else {
        return (units, vec![problem("KH700", None, "no units array")]);
    };
    let mut seen = BTreeSet::new();
    for (i, u) in list.iter().enumerate() {
        if let Some(unit) = read_unit(m, i, u, &mut problems) {
            if !seen.insert(unit.name.clone()) {
                problems.push(problem("KH703", Some(i), &unit.name));
            }
            units.push(unit);
        }
    }
    for g in &m.groups {
        for member in &g.members {
            if complete && !seen.contains(member) {
                problems.push(problem("KH702", None, member));
            }
        }
    }
    (units, problems)
}

fn problem(code: &'static str, unit: Option<usize>, what: &str) -> Problem {
    Problem {
        code,
        unit,
        what: what.to_string(),
    }
}

/// An exact data number, or the problem with it.
fn number(v: &Value) -> Result<Q, &'static str> {
    match v {
        Value::Number(n) => match parse(&n.to_string()) {
            Some(q) if is_decimal(&q) => Ok(q),
            _ => Err("KH714"),
        },
        _ => Err("KH714"),
    }
}

fn read_unit(m: &Model<'_>, i: usize, u: &Value, out: &mut Vec<Problem>) -> Option<UnitData> {
    let at = Some(i);
    let Some(obj) = u.as_object() else {
        out.push(problem("KH714", at, "unit not an object"));
        return None;
    };
    for key in obj.keys() {
        if !["unit", "group", "scores", "events"].contains(&key.as_str()) {
            out.push(problem("KH709", at, key));
        }
    }
    let Some(name) = obj.get("unit").and_then(Value::as_str) else {
        out.push(problem("KH710", at, "unit"));
        return None;
    };
    let given = obj.get("group").map(|g| g.as_str().unwrap_or(""));
    let group = match (m.group_listing(name), given) {
        (Some(g), Some(x)) if g.name != x => {
            out.push(problem("KH704", at, x));
            g.name.clone()
        }
        (Some(g), _) => g.name.clone(),
        (None, None) => {
            out.push(problem("KH701", at, name));
            String::new()
        }
        (None, Some(x)) => {
            if !m.groups.iter().any(|g| g.name == x && g.open) {
                out.push(problem("KH704", at, x));
            }
            x.to_string()
        }
    };
    let mut scores = BTreeMap::new();
    match obj.get("scores").and_then(Value::as_object) {
        None => out.push(problem("KH710", at, "scores")),
        Some(given) => {
            for (key, v) in given {
                let Some(item) = m.item_index(key) else {
                    out.push(problem("KH705", at, key));
                    continue;
                };
                let def = &m.items[item];
                if !def.children.is_empty() {
                    out.push(problem("KH705", at, key));
                    continue;
                }
                match number(v) {
                    Err(code) => out.push(problem(code, at, key)),
                    Ok(q) => {
                        let top = def.scale.clone().unwrap_or_else(|| def.max.clone());
                        if q < int(0) || q > top {
                            out.push(problem("KH707", at, key));
                        }
                        scores.insert(key.clone(), q);
                    }
                }
            }
            for leaf in m.leaves() {
                let name = &m.items[leaf].name;
                if !given.contains_key(name) {
                    out.push(problem("KH706", at, name));
                }
            }
        }
    }
    let mut events = Vec::new();
    match obj.get("events") {
        None => {}
        Some(Value::Array(list)) => {
            for e in list {
                if let Some(ev) = read_event(m, i, e, out) {
                    events.push(ev);
                }
            }
        }
        Some(_) => out.push(problem("KH714", at, "events")),
    }
    Some(UnitData {
        at: i,
        name: name.to_string(),
        group,
        scores,
        events,
    })
}

fn read_event(m: &Model<'_>, i: usize, e: &Value, out: &mut Vec<Problem>) -> Option<EventData> {
    let at = Some(i);
    let Some(obj) = e.as_object() else {
        out.push(problem("KH714", at, "event not an object"));
        return None;
    };
    let Some(kind_name) = obj.get("kind").and_then(Value::as_str) else {
        out.push(problem("KH710", at, "kind"));
        return None;
    };
    if !m.is_kind(kind_name) {
        out.push(problem("KH708", at, kind_name));
        return None;
    }
    let kind = m.kind(kind_name);
    let mut ok = true;
    for key in obj.keys() {
        if !RESERVED.contains(&key.as_str()) && !kind.attrs.iter().any(|a| &a.name == key) {
            out.push(problem("KH709", at, key));
            ok = false;
        }
    }
    let mut attrs = BTreeMap::new();
    for a in &kind.attrs {
        match obj.get(&a.name).and_then(Value::as_str) {
            None => {
                out.push(problem("KH710", at, &a.name));
                ok = false;
            }
            Some(v) => {
                let known = match &a.values {
                    Some(values) => values.iter().any(|x| x == v),
                    None => m.item_index(v).is_some(),
                };
                if !known {
                    out.push(problem("KH711", at, v));
                    ok = false;
                }
                attrs.insert(a.name.clone(), v.to_string());
            }
        }
    }
    let date = match obj.get("date").and_then(Value::as_str) {
        // A yearly status needs no date; it is not judged by one either.
        None if kind.status => Some(m.window.0),
        None => {
            out.push(problem("KH710", at, "date"));
            None
        }
        Some(text) => {
            let day = read_day(text);
            if day.is_none() {
                out.push(problem("KH713", at, text));
            }
            day
        }
    };
    let points = match obj.get("points") {
        None => None,
        Some(v) => match number(v) {
            Ok(q) => Some(q),
            Err(code) => {
                out.push(problem(code, at, "points"));
                ok = false;
                None
            }
        },
    };
    let credited_in = match obj.get("credited_in") {
        None => None,
        Some(v) => match number(v) {
            Ok(q) if q.is_integer() => q.to_integer().to_string().parse().ok(),
            _ => {
                out.push(problem("KH714", at, "credited_in"));
                ok = false;
                None
            }
        },
    };
    for key in ["doc", "title", "id", "proposed_by"] {
        if obj.get(key).is_some_and(|v| !v.is_string()) {
            out.push(problem("KH714", at, key));
            ok = false;
        }
    }
    (ok && date.is_some()).then(|| EventData {
        kind: kind_name.to_string(),
        attrs,
        date: date.unwrap(),
        points,
        credited_in,
        id: obj.get("id").and_then(|v| v.as_str()).map(str::to_string),
    })
}

/// `YYYY-MM-DD`, a day that exists.
fn read_day(text: &str) -> Option<Day> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let part = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = &text[r];
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let (y, mo, d) = (part(0..4)? as i32, part(5..7)?, part(8..10)?);
    is_day(y, mo, d).then_some((y, mo, d))
}
