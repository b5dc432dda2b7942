//! The rulings both evaluators are brought to before they are compared: per
//! unit (by name), every number exact, every name as text, every event with
//! what happened to it. The reference fills it from its own evaluation
//! (`super::run`), the test from kaohe's (`super::kaohe`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::decide::{Grade, Selection};
use super::exact::{Q, show};
use super::unit::Capped;

/// Why an event was not counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCounted {
    OutsideWindow,
    CreditedIn(i64),
    /// `同一 … 只计 最高`: the event (by position) whose amount counts instead.
    Duplicate(usize),
    /// A yearly status already counted by the event at this position.
    StatusRepeated(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventVerdict {
    /// Why it was not counted: empty when counted. The reference lists every
    /// reason that applies; kaohe gives one, which must be among them.
    pub not_counted: Vec<NotCounted>,
    /// Counted and used by a rule, a veto, a finding or a condition
    /// (else "not counted: no rule", §7.10).
    pub used: bool,
    pub rule: Option<usize>,
    pub base: Option<Q>,
    pub amount: Option<Q>,
    pub modifiers: Vec<usize>,
    /// The first event veto it sets off, the first finding.
    pub veto: Option<usize>,
    pub finding: Option<usize>,
    pub cleared: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitVerdict {
    pub group: String,
    /// Each item's contribution, by name.
    pub items: BTreeMap<String, Q>,
    pub base: Q,
    pub bonus: Q,
    pub deduction: Q,
    pub total: Q,
    pub vetoed: bool,
    pub any_bonus: bool,
    pub any_deduct: bool,
    pub findings: Vec<usize>,
    /// (rank, ranked units of the scope strictly after it).
    pub place: Option<(u32, u32)>,
    /// (award, eligible, selection).
    pub awards: Vec<(String, bool, Selection)>,
    pub outcomes: Vec<(String, bool)>,
    pub grade: Grade,
    pub events: Vec<EventVerdict>,
    /// Caps that bit: what, from, to; sorted.
    pub caps: Vec<(Capped, Q, Q)>,
}

impl UnitVerdict {
    /// Every number of the verdict: items, sums, event amounts, caps.
    pub fn numbers(&self) -> Vec<&Q> {
        let mut out: Vec<&Q> = self.items.values().collect();
        out.extend([&self.base, &self.bonus, &self.deduction, &self.total]);
        for e in &self.events {
            out.extend(e.base.iter().chain(&e.amount));
        }
        for (_, from, to) in &self.caps {
            out.extend([from, to]);
        }
        out
    }
}

/// Every unit's verdict, by name.
pub type Verdicts = BTreeMap<String, UnitVerdict>;

fn q(x: &Q) -> String {
    show(x)
}

/// Every difference between kaohe's verdicts and the reference's, one line each.
pub fn differences(kaohe: &Verdicts, reference: &Verdicts) -> Vec<String> {
    let mut out = Vec::new();
    let names: Vec<&String> = kaohe.keys().chain(reference.keys()).collect();
    let mut seen = std::collections::BTreeSet::new();
    for name in names {
        if !seen.insert(name) {
            continue;
        }
        match (kaohe.get(name), reference.get(name)) {
            (Some(k), Some(r)) => unit(name, k, r, &mut out),
            (k, _) => out.push(format!(
                "{name}: only in {}",
                if k.is_some() {
                    "kaohe"
                } else {
                    "the reference"
                }
            )),
        }
    }
    out
}

fn unit(name: &str, k: &UnitVerdict, r: &UnitVerdict, out: &mut Vec<String>) {
    let mut diff = |what: &str, a: String, b: String| {
        if a != b {
            out.push(format!("{name} {what}: kaohe {a}, reference {b}"));
        }
    };
    diff("group", k.group.clone(), r.group.clone());
    for (item, kv) in &k.items {
        let rv = r.items.get(item).map_or("absent".to_string(), q);
        diff(&format!("item {item}"), q(kv), rv);
    }
    diff("base", q(&k.base), q(&r.base));
    diff("bonus", q(&k.bonus), q(&r.bonus));
    diff("deduction", q(&k.deduction), q(&r.deduction));
    diff("total", q(&k.total), q(&r.total));
    diff("vetoed", k.vetoed.to_string(), r.vetoed.to_string());
    diff(
        "any bonus",
        k.any_bonus.to_string(),
        r.any_bonus.to_string(),
    );
    diff(
        "any deduct",
        k.any_deduct.to_string(),
        r.any_deduct.to_string(),
    );
    diff(
        "findings",
        format!("{:?}", k.findings),
        format!("{:?}", r.findings),
    );
    diff("rank", format!("{:?}", k.place), format!("{:?}", r.place));
    diff(
        "awards",
        format!("{:?}", k.awards),
        format!("{:?}", r.awards),
    );
    diff(
        "outcomes",
        format!("{:?}", k.outcomes),
        format!("{:?}", r.outcomes),
    );
    diff("grade", format!("{:?}", k.grade), format!("{:?}", r.grade));
    let caps = |c: &[(Capped, Q, Q)]| {
        c.iter().fold(String::new(), |mut s, (w, f, t)| {
            let _ = write!(s, "{w:?} {}→{}; ", q(f), q(t));
            s
        })
    };
    diff("caps", caps(&k.caps), caps(&r.caps));
    diff(
        "events",
        k.events.len().to_string(),
        r.events.len().to_string(),
    );
    for (j, (ke, re)) in k.events.iter().zip(&r.events).enumerate() {
        let why_ok = match ke.not_counted.as_slice() {
            [] => re.not_counted.is_empty(),
            [reason] => re.not_counted.contains(reason),
            _ => false,
        };
        if !why_ok {
            let k = format!("{:?}", ke.not_counted);
            diff(
                &format!("event {j} counting"),
                k,
                format!("one of {:?}", re.not_counted),
            );
        }
        let rest = |e: &EventVerdict| {
            format!(
                "used {} rule {:?} base {:?} amount {:?} modifiers {:?} veto {:?} finding {:?} cleared {:?}",
                e.used,
                e.rule,
                e.base.as_ref().map(q),
                e.amount.as_ref().map(q),
                e.modifiers,
                e.veto,
                e.finding,
                e.cleared
            )
        };
        diff(&format!("event {j}"), rest(ke), rest(re));
    }
}
