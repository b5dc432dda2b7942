//! Unit data for a policy (read by the reference's [`Model`]): every listed
//! unit and some new units of open groups; scores at 0, at the maximum, in
//! between, copied from another unit (ties on purpose) and sometimes long
//! decimals; events inside the window, on its edges and just outside,
//! credited in skipped years or not, with `points` on the edges of the
//! matched range. Now and then a deliberate error (a point or score a hair
//! outside its range, a number of too many digits, a missing `points`), so
//! that refusals are compared too.

use serde_json::{Map, Value, json};

use super::Rng;
use crate::reference::exact::{Q, int, parse, show};
use crate::reference::model::{Day, Model, Worth, is_day, passes};

/// How adventurous the numbers of one case are.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Flavour {
    /// Percent of numbers given with many decimals.
    pub long: usize,
    /// Percent of events or scores given a deliberate error.
    pub errors: usize,
    /// Many new units in open groups, half of them copies of another
    /// (ranking, quotas and grades over crowds of ties).
    pub crowd: bool,
    /// Scores in quarters of the maximum and few events: many units tied
    /// on the whole key, at quota boundaries (worlds to enumerate).
    pub coarse: bool,
}

const TINY: &str = "0.0000000000000000001";

fn number(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The same number written another way JSON allows: trailing zeros, or an
/// exponent (`12.5` → `12.50`, `125e-1`, `1.25E1`); data numbers are read
/// exactly whatever their form (docs/data.md).
fn spell(r: &mut Rng, text: &str) -> String {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(u) => ("-", u),
        None => ("", text),
    };
    let (whole, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = format!("{whole}{frac}");
    let trimmed = digits.trim_start_matches('0');
    let significand = if trimmed.is_empty() { "0" } else { trimmed };
    match r.below(3) {
        0 if frac.is_empty() => format!("{sign}{whole}.000"),
        0 => format!("{text}00"),
        1 => format!("{sign}{significand}e-{}", frac.len()),
        _ => {
            // d.ddd × 10^k, with k from where the first digit stands.
            let k = whole.trim_start_matches('0').len() as i64
                - 1
                - if whole.trim_start_matches('0').is_empty() {
                    (frac.len() - frac.trim_start_matches('0').len()) as i64
                } else {
                    0
                };
            let (head, tail) = significand.split_at(1);
            let tail = if tail.is_empty() {
                String::new()
            } else {
                format!(".{tail}")
            };
            format!("{sign}{head}{tail}E{k}")
        }
    }
}

/// A data number's text, sometimes spelled another way.
fn written(r: &mut Rng, text: &str) -> Value {
    if r.chance(5) {
        number(&spell(r, text))
    } else {
        number(text)
    }
}

fn day_text((y, m, d): Day) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day before or after `day` (`step` is ±1).
fn next_day((y, m, d): Day, step: i32) -> Day {
    if step > 0 {
        if is_day(y, m, d + 1) {
            (y, m, d + 1)
        } else if m < 12 {
            (y, m + 1, 1)
        } else {
            (y + 1, 1, 1)
        }
    } else if d > 1 {
        (y, m, d - 1)
    } else if m > 1 {
        let last = (28..=31).rev().find(|x| is_day(y, m - 1, *x)).unwrap();
        (y, m - 1, last)
    } else {
        (y - 1, 12, 31)
    }
}

/// A value in `[0, top]` as text.
fn value_in(r: &mut Rng, lo: &Q, hi: &Q, f: Flavour) -> String {
    let tiny = parse(TINY).unwrap();
    let long = r.chance(f.long);
    let v = match r.below(6) {
        0 => lo.clone(),
        1 => hi.clone(),
        2 if long && hi.clone() - tiny.clone() >= *lo => hi.clone() - tiny,
        3 if long && lo.clone() + tiny.clone() <= *hi => lo.clone() + tiny,
        4 if long => {
            let digits: String = (0..r.between(10, 24))
                .map(|_| char::from(b'0' + r.below(10) as u8))
                .collect();
            let frac = parse(&format!("0.{digits}")).unwrap();
            lo.clone() + (hi.clone() - lo.clone()) * frac
        }
        _ => {
            let steps = r.below(101);
            lo.clone() + (hi.clone() - lo.clone()) * Q::new(steps.into(), 100.into())
        }
    };
    // Whatever the fraction made, a terminating decimal (hundredths, or the
    // digits drawn): written out exactly.
    show(&v)
}

/// A number a hair outside `[lo, hi]`, or one with more digits than the
/// data contract carries.
fn invalid(r: &mut Rng, lo: &Q, hi: &Q) -> String {
    match r.below(3) {
        0 => show(&(hi.clone() + parse(TINY).unwrap())),
        1 if *lo > int(0) => show(&(lo.clone() - parse(TINY).unwrap())),
        _ => format!("{}.00000000000000000000000000001", show(&hi.floor())),
    }
}

pub fn data(m: &Model<'_>, r: &mut Rng, f: Flavour) -> Value {
    let mut names: Vec<(String, Option<String>)> = m
        .groups
        .iter()
        .flat_map(|g| {
            g.members
                .iter()
                .map(|u| (u.clone(), Some(g.name.clone())))
                .collect::<Vec<_>>()
        })
        .collect();
    let open: Vec<&str> = m
        .groups
        .iter()
        .filter(|g| g.open)
        .map(|g| g.name.as_str())
        .collect();
    if !open.is_empty() {
        let extra = if f.crowd {
            r.between(20, 60)
        } else {
            r.below(4)
        } + usize::from(names.is_empty());
        for i in 0..extra {
            names.push((format!("新{i}"), Some(r.pick(&open).to_string())));
        }
    }
    r.shuffle(&mut names);
    let mut units: Vec<Value> = Vec::new();
    for (i, (name, group)) in names.iter().enumerate() {
        let listed = m.group_listing(name).is_some();
        let unit = if i > 0 && r.chance(if f.crowd { 50 } else { 20 }) {
            // A tie on purpose: another unit's scores and events.
            let mut copy = units[r.below(i)].clone();
            copy["unit"] = json!(name);
            copy.as_object_mut().unwrap().remove("group");
            copy
        } else {
            let mut u = json!({ "unit": name, "scores": scores(m, r, f) });
            // `events` may be left out (§5).
            if !r.chance(10) {
                u["events"] = events(m, r, f);
            }
            u
        };
        let mut unit = unit;
        if !listed || r.chance(20) {
            unit["group"] = json!(group.clone().unwrap());
        }
        units.push(unit);
    }
    json!({ "units": units })
}

fn scores(m: &Model<'_>, r: &mut Rng, f: Flavour) -> Value {
    let mut out = Map::new();
    for leaf in m.leaves() {
        let def = &m.items[leaf];
        let top = def.scale.clone().unwrap_or_else(|| def.max.clone());
        let text = if r.chance(f.errors) {
            invalid(r, &int(0), &top)
        } else if f.coarse {
            show(&(top.clone() * int(r.between(0, 4) as i64) / int(4)))
        } else {
            value_in(r, &int(0), &top, f)
        };
        out.insert(def.name.clone(), written(r, &text));
    }
    Value::Object(out)
}

fn events(m: &Model<'_>, r: &mut Rng, f: Flavour) -> Value {
    let n = if f.coarse { r.below(2) } else { r.below(6) };
    Value::Array((0..n).map(|_| event(m, r, f)).collect())
}

/// An event's date: usually a day near the window's edges or in it, now
/// and then (with errors on) one that does not exist.
fn date_text(m: &Model<'_>, r: &mut Rng, f: Flavour) -> String {
    if r.chance(f.errors) {
        return format!("{}-02-30", m.year);
    }
    day_text(date(m, r))
}

fn date(m: &Model<'_>, r: &mut Rng) -> Day {
    let (from, to) = m.window;
    let y = m.year;
    match r.below(10) {
        0 => from,
        1 => to,
        2 => next_day(from, -1),
        3 => next_day(to, 1),
        4 => (
            y + r.pick(&[-1, 1]),
            r.between(1, 12) as u32,
            r.between(1, 28) as u32,
        ),
        5 if m.year % 4 == 0 => (y, 2, 29),
        _ => {
            // A day in the window when it spans one month or more, else any day of the year.
            let (m1, m2) = if from.0 == to.0 && from.1 < to.1 {
                (from.1, to.1)
            } else {
                (1, 12)
            };
            (
                y,
                r.between(m1 as usize, m2 as usize) as u32,
                r.between(1, 28) as u32,
            )
        }
    }
}

fn event(m: &Model<'_>, r: &mut Rng, f: Flavour) -> Value {
    let kind = &m.kinds[r.below(m.kinds.len())];
    let mut ev = Map::new();
    ev.insert("kind".into(), json!(kind.name));
    for a in &kind.attrs {
        let v = match &a.values {
            Some(values) => r.pick(values),
            None => m.items[r.below(m.items.len())].name.clone(),
        };
        ev.insert(a.name.clone(), json!(v));
    }
    // A yearly status may come without a date.
    if !(m.kind(&kind.name).status && r.chance(50)) {
        ev.insert("date".into(), json!(date_text(m, r, f)));
    }
    if r.chance(20) {
        let y = match (r.below(3), m.skip_years.first()) {
            (0, Some(s)) => *s,
            (1, _) => i64::from(m.year) - 3,
            _ => i64::from(m.year),
        };
        ev.insert("credited_in".into(), json!(y));
    }
    // Ids from a small pool, so that `同一 编号 只计 最高` meets duplicates.
    if r.chance(40) {
        ev.insert("id".into(), json!(r.pick(&["A", "B", "C"])));
    }
    // The base rules this event's values pass (whatever its date).
    let bases: Vec<&Worth> = m
        .rules
        .iter()
        .filter(|rule| {
            rule.kind == kind.name
                && !matches!(rule.worth, Worth::Factor(_))
                && rule
                    .tests
                    .iter()
                    .all(|t| passes(t, ev.get(&t.attr.text).and_then(Value::as_str)))
        })
        .map(|rule| &rule.worth)
        .collect();
    let points = match bases.as_slice() {
        [Worth::Range(lo, hi)] if r.chance(f.errors) => r.chance(50).then(|| invalid(r, lo, hi)),
        [Worth::Range(lo, hi)] => Some(value_in(r, lo, hi, f)),
        [Worth::Fixed(_)] if r.chance(f.errors) => Some("1".to_string()),
        [] if r.chance(10) => Some("2".to_string()),
        _ => None,
    };
    if let Some(p) = points {
        ev.insert("points".into(), written(r, &p));
    }
    if r.chance(10) {
        ev.insert("doc".into(), json!("文〔2019〕1号"));
    }
    Value::Object(ev)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn respelled_numbers_keep_their_value() {
        let mut r = Rng::new(7);
        for text in [
            "12.5",
            "0.0000000000000000001",
            "100",
            "0",
            "-2.5",
            "7.25",
            "0.30",
        ] {
            for _ in 0..20 {
                let other = spell(&mut r, text);
                assert_eq!(parse(&other), parse(text), "{text} → {other}");
            }
        }
    }
}
