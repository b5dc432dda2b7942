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
    pub awards: Vec<(String, Ruled<bool>, Ruled<Selection>)>,
    pub outcomes: Vec<(String, Ruled<bool>)>,
    pub grade: Ruled<Grade>,
    /// Per `兑现` line: whether it is due to the unit.
    pub payouts: Vec<Ruled<bool>>,
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

/// A decision as kaohe rules it (settled or pending), or as the reference's
/// worlds have it (every value some world gives, sorted, never empty).
#[derive(Debug, Clone, PartialEq)]
pub enum Ruled<T> {
    Settled(T),
    /// kaohe's pending; for a grade, the tier it is pending at.
    Pending(Option<T>),
    Worlds(Vec<T>),
}

impl<T: Clone + Ord> Ruled<T> {
    pub fn worlds(values: &std::collections::BTreeSet<T>) -> Ruled<T> {
        Ruled::Worlds(values.iter().cloned().collect())
    }
}

impl<T> Ruled<T> {
    /// The settled value, `None` when pending (worlds that disagree).
    pub fn settled(&self) -> Option<&T> {
        match self {
            Ruled::Settled(x) => Some(x),
            Ruled::Worlds(v) if v.len() == 1 => v.first(),
            _ => None,
        }
    }

    pub fn is_pending(&self) -> bool {
        self.settled().is_none()
    }
}

/// kaohe's answer `k` against the reference's worlds `r`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    Same,
    /// kaohe pending where every world agrees: not wrong, reported apart.
    Conservative,
    Wrong,
}

pub fn judge<T: PartialEq>(k: &Ruled<T>, r: &Ruled<T>) -> Judgement {
    let worlds: &[T] = match r {
        Ruled::Worlds(v) => v,
        Ruled::Settled(x) => std::slice::from_ref(x),
        Ruled::Pending(_) => return Judgement::Wrong,
    };
    match k {
        Ruled::Settled(x) if worlds.iter().all(|w| w == x) => Judgement::Same,
        Ruled::Pending(_) if worlds.len() > 1 => Judgement::Same,
        Ruled::Pending(_) => Judgement::Conservative,
        _ => Judgement::Wrong,
    }
}

/// A grade: as [`judge`], and a tier kaohe calls pending must be one some
/// world gives, no world giving an earlier tier (kaohe reads a unit pending
/// at T as taking T or a later tier, or none).
pub fn judge_grade(k: &Ruled<Grade>, r: &Ruled<Grade>, tiers: &[String]) -> Judgement {
    let j = judge(k, r);
    let (Ruled::Pending(Some(Grade::Pending(t))), Ruled::Worlds(worlds)) = (k, r) else {
        return j;
    };
    let at = |g: &Grade| match g {
        Grade::Tier(x) | Grade::Pending(x) => tiers.iter().position(|y| y == x),
        Grade::None => Some(tiers.len()),
    };
    let pending_at = at(&Grade::Tier(t.clone()));
    if worlds.iter().any(|w| at(w) < pending_at) {
        Judgement::Wrong
    } else if j == Judgement::Same && !worlds.contains(&Grade::Tier(t.clone())) {
        Judgement::Conservative
    } else {
        j
    }
}

/// Every difference between kaohe's verdicts and the reference's, and
/// kaohe's conservative pendings (pending where every world agrees).
#[derive(Debug, Default)]
pub struct Comparison {
    pub differences: Vec<String>,
    pub conservative: Vec<String>,
}

fn q(x: &Q) -> String {
    show(x)
}

/// The payouts' totals by amount (name, measure): kaohe's `totals` must be
/// the sum of the dues every world pays, less those kaohe leaves pending
/// (conservatively: each is reported by [`differences`]); `lines` are the
/// policy's lines (amount, measure, value).
pub fn payout_totals(
    lines: &[(String, Option<String>, Q)],
    kaohe: &Verdicts,
    reference: &Verdicts,
    totals: &[(String, Option<String>, Q)],
) -> Vec<String> {
    let mut expected: BTreeMap<(String, Option<String>), Q> = BTreeMap::new();
    for (at, (amount, measure, value)) in lines.iter().enumerate() {
        let sum = expected
            .entry((amount.clone(), measure.clone()))
            .or_insert_with(|| super::exact::int(0));
        for (name, r) in reference {
            let paid = r.payouts.get(at).and_then(Ruled::settled) == Some(&true);
            let kept = kaohe
                .get(name)
                .and_then(|k| k.payouts.get(at))
                .is_some_and(|k| !k.is_pending());
            if paid && kept {
                *sum += value.clone();
            }
        }
    }
    let got: BTreeMap<(String, Option<String>), Q> = totals
        .iter()
        .map(|(a, m, q)| ((a.clone(), m.clone()), q.clone()))
        .collect();
    let mut out = Vec::new();
    if got.keys().ne(expected.keys()) {
        out.push(format!(
            "payout amounts: kaohe {:?}, reference {:?}",
            got.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>()
        ));
    }
    for (key, sum) in &expected {
        if let Some(k) = got.get(key)
            && k != sum
        {
            out.push(format!(
                "payout total {key:?}: kaohe {}, reference {}",
                q(k),
                q(sum)
            ));
        }
    }
    out
}

/// Every difference between kaohe's verdicts and the reference's, one line
/// each; `tiers`: the grade tiers in order.
pub fn differences(kaohe: &Verdicts, reference: &Verdicts, tiers: &[String]) -> Comparison {
    let mut out = Comparison::default();
    let names: Vec<&String> = kaohe.keys().chain(reference.keys()).collect();
    let mut seen = std::collections::BTreeSet::new();
    for name in names {
        if !seen.insert(name) {
            continue;
        }
        match (kaohe.get(name), reference.get(name)) {
            (Some(k), Some(r)) => unit(name, k, r, tiers, &mut out),
            (k, _) => out.differences.push(format!(
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

fn unit(name: &str, k: &UnitVerdict, r: &UnitVerdict, tiers: &[String], out: &mut Comparison) {
    let mut decision = |what: &str, j: Judgement, a: String, b: String| {
        let line = format!("{name} {what}: kaohe {a}, reference {b}");
        match j {
            Judgement::Same => {}
            Judgement::Conservative => out.conservative.push(line),
            Judgement::Wrong => out.differences.push(line),
        }
    };
    let same_names = k.awards.len() == r.awards.len()
        && k.awards.iter().zip(&r.awards).all(|(x, y)| x.0 == y.0)
        && k.outcomes.len() == r.outcomes.len()
        && k.outcomes.iter().zip(&r.outcomes).all(|(x, y)| x.0 == y.0)
        && k.payouts.len() == r.payouts.len();
    decision(
        "grade",
        judge_grade(&k.grade, &r.grade, tiers),
        format!("{:?}", k.grade),
        format!("{:?}", r.grade),
    );
    if same_names {
        for (ka, ra) in k.awards.iter().zip(&r.awards) {
            let a = &ka.0;
            decision(
                &format!("award {a} eligible"),
                judge(&ka.1, &ra.1),
                format!("{:?}", ka.1),
                format!("{:?}", ra.1),
            );
            decision(
                &format!("award {a} selection"),
                judge(&ka.2, &ra.2),
                format!("{:?}", ka.2),
                format!("{:?}", ra.2),
            );
        }
        for (ko, ro) in k.outcomes.iter().zip(&r.outcomes) {
            decision(
                &format!("outcome {}", ko.0),
                judge(&ko.1, &ro.1),
                format!("{:?}", ko.1),
                format!("{:?}", ro.1),
            );
        }
        for (line, (kp, rp)) in k.payouts.iter().zip(&r.payouts).enumerate() {
            decision(
                &format!("payout line {line}"),
                judge(kp, rp),
                format!("{kp:?}"),
                format!("{rp:?}"),
            );
        }
    } else {
        decision(
            "decisions",
            Judgement::Wrong,
            format!("{:?} {:?} {:?}", k.awards, k.outcomes, k.payouts),
            format!("{:?} {:?} {:?}", r.awards, r.outcomes, r.payouts),
        );
    }
    let out = &mut out.differences;
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
