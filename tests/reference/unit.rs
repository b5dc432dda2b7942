//! One unit on its own, straight from LANGUAGE.md §3 and §7.10–14: which
//! events count, the one base rule of each and its modifiers, rule caps then
//! section caps, findings, scaled items, the total, vetoes. Written for
//! obviousness: every event is tested against every rule.

use std::collections::BTreeSet;

use kaohe::ast::{Direction, FindingAction, Veto};

use super::cond::{View, holds};
use super::data::{EventData, Problem, UnitData};
use super::exact::{Q, int, is_decimal, show};
use super::model::{Model, Worth, passes};

/// What happened to one event.
#[derive(Debug, Clone, Default)]
pub struct EventEval {
    /// Dated outside the window (§3).
    pub outside: bool,
    /// Credited in a year the policy skips (`除外 已计年度`).
    pub skipped: Option<i64>,
    /// The one base rule that matched (position among all rules).
    pub rule: Option<usize>,
    /// The base amount: the rule's fixed amount or the data's `points`.
    pub base: Option<Q>,
    /// Base × every matching modifier.
    pub amount: Option<Q>,
    /// The modifiers that multiplied it.
    pub modifiers: Vec<usize>,
    /// The amount after each factor (each must be exact, §1).
    pub steps: Vec<Q>,
    /// `一票否决 KIND` vetoes it sets off (positions among all vetoes).
    pub vetoes: Vec<usize>,
    /// Findings it sets off (positions among all findings).
    pub findings: Vec<usize>,
    /// The item a `该项清零` finding cleared.
    pub cleared: Option<String>,
    /// Some `有`, `数量` or `不含 KIND` counts it.
    pub referenced: bool,
    /// `同一 … 只计 最高` dropped its amount for this event (its position
    /// in the unit's events), which earns more or as much and comes first.
    pub duplicate_of: Option<usize>,
    /// A yearly status this unit already counted (by the event at this position).
    pub status_repeated: Option<usize>,
}

impl EventEval {
    /// Counted: inside the window and not skipped; the one test of every use (§3).
    pub fn counted(&self) -> bool {
        !self.outside && self.skipped.is_none() && self.status_repeated.is_none()
    }

    /// Counted and taken by something: a rule, a veto, a finding or a condition.
    pub fn used(&self) -> bool {
        self.counted()
            && (self.rule.is_some()
                || !self.vetoes.is_empty()
                || !self.findings.is_empty()
                || self.referenced)
    }
}

/// A cap that bit: a rule's (its position among all rules) or a section's.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Capped {
    Rule(usize),
    Section(usize),
}

/// Everything about one unit that does not need the others.
#[derive(Debug, Clone)]
pub struct UnitEval<'d> {
    pub data: &'d UnitData,
    /// Each item's contribution (a parent: its leaves'), in [`Model::items`] order.
    pub contributions: Vec<Q>,
    pub base: Q,
    pub bonus: Q,
    pub deduction: Q,
    pub total: Q,
    pub vetoed: bool,
    /// At least one counted event matched a base rule of a `加分` / `扣分` section.
    pub any_bonus: bool,
    pub any_deduct: bool,
    pub findings: BTreeSet<usize>,
    pub events: Vec<EventEval>,
    pub caps: Vec<(Capped, Q, Q)>,
}

/// Evaluates one unit; the problems only evaluation finds (§7.10: `points`
/// against the matched rule; two base rules at once) are returned instead.
pub fn evaluate<'d>(
    m: &Model<'_>,
    unit: &'d UnitData,
    at: usize,
) -> Result<UnitEval<'d>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut events = all_events(m, unit, at, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    keep_highest(m, unit, &mut events);
    // §1: every step is exact or the unit is refused (KH715), never rounded.
    // The steps are the ones LANGUAGE.md names: a scaled item (value × max,
    // then ÷ S), each factor of an amount, each running sum (a rule's amounts
    // in data order, a section's rules, the sections, the leaves), every
    // parent item and the total (base + bonus, then − deduction).
    let mut exact = Exactness::default();
    for e in &events {
        exact.all(&e.steps);
    }
    let mut leaf_values = vec![int(0); m.items.len()];
    for leaf in m.leaves() {
        let def = &m.items[leaf];
        let value = unit.scores[&def.name].clone();
        leaf_values[leaf] = match &def.scale {
            Some(s) => {
                let product = exact.step(value * def.max.clone());
                exact.step(product / s.clone())
            }
            None => value,
        };
    }
    for e in &events {
        if let Some(item) = &e.cleared {
            for leaf in m.leaves_of(m.item_index(item).unwrap()) {
                leaf_values[leaf] = int(0);
            }
        }
    }
    let contributions: Vec<Q> = (0..m.items.len())
        .map(|i| {
            m.leaves_of(i)
                .iter()
                .fold(int(0), |acc, l| acc + &leaf_values[*l])
        })
        .collect();
    let base: Q = (0..m.items.len())
        .filter(|i| m.items[*i].top)
        .fold(int(0), |acc, i| acc + &contributions[i]);
    for (i, item) in m.items.iter().enumerate() {
        if !item.children.is_empty() {
            exact.step(contributions[i].clone());
        }
    }
    exact.running(m.leaves().into_iter().map(|l| &leaf_values[l]));
    let mut caps = Vec::new();
    let (mut bonus, mut deduction) = (int(0), int(0));
    for (s, section) in m.sections.iter().enumerate() {
        let mut sum = int(0);
        for &r in &section.rules {
            let raw = exact.running(
                events
                    .iter()
                    .filter(|e| e.rule == Some(r))
                    .filter_map(|e| e.amount.as_ref()),
            );
            let capped = match &m.rules[r].cap {
                Some(cap) if raw > *cap => {
                    caps.push((Capped::Rule(r), raw, cap.clone()));
                    cap.clone()
                }
                _ => raw,
            };
            sum = exact.step(sum + capped);
        }
        if let Some(cap) = &section.cap
            && sum > *cap
        {
            caps.push((Capped::Section(s), sum, cap.clone()));
            sum = cap.clone();
        }
        match section.direction {
            Direction::Bonus => bonus = exact.step(bonus + sum),
            Direction::Deduct => deduction = exact.step(deduction + sum),
        }
    }
    let direction_taken = |d: Direction| {
        events
            .iter()
            .any(|e| e.rule.is_some_and(|r| m.rules[r].direction == d))
    };
    let findings = events
        .iter()
        .flat_map(|e| e.findings.iter().copied())
        .collect();
    let before_deduction = exact.step(base.clone() + bonus.clone());
    let total = exact.step(before_deduction - deduction.clone());
    if exact.refused {
        return Err(vec![Problem {
            code: "KH715",
            unit: Some(at),
            what: "a result needs more than 28 significant digits".to_string(),
        }]);
    }
    let mut u = UnitEval {
        data: unit,
        contributions,
        base,
        bonus,
        deduction,
        total,
        vetoed: events.iter().any(|e| !e.vetoes.is_empty()),
        any_bonus: direction_taken(Direction::Bonus),
        any_deduct: direction_taken(Direction::Deduct),
        findings,
        events,
        caps,
    };
    // `一票否决 当 COND` reads the unit as its events left it (no rank yet, §7.14).
    let when_vetoed = m.vetoes.iter().any(|v| match v {
        Veto::When(c) => holds(
            m,
            c,
            &View {
                unit: &u,
                place: None,
            },
        ),
        Veto::Event { .. } => false,
    });
    u.vetoed |= when_vetoed;
    Ok(u)
}

/// `同一 KEY 只计 最高`, section by section: among events with an amount
/// under the section's rules and the same key, every one but the first of
/// the largest amount loses its rule and amount.
fn keep_highest(m: &Model<'_>, unit: &UnitData, events: &mut [EventEval]) {
    for section in &m.sections {
        let Some(key) = &section.dedup else { continue };
        let key_of = |i: usize| -> Option<String> {
            let data = &unit.events[i];
            match key {
                None => data.id.clone(),
                Some(attr) => data.attrs.get(attr).cloned(),
            }
        };
        let members: Vec<usize> = (0..events.len())
            .filter(|i| {
                events[*i].amount.is_some()
                    && events[*i].rule.is_some_and(|r| section.rules.contains(&r))
            })
            .collect();
        for &i in &members {
            let Some(k) = key_of(i) else { continue };
            let same: Vec<usize> = members
                .iter()
                .copied()
                .filter(|j| key_of(*j).as_ref() == Some(&k))
                .collect();
            let best = same
                .iter()
                .copied()
                .fold(None::<usize>, |best, j| match best {
                    Some(b) if events[b].amount >= events[j].amount => Some(b),
                    _ => Some(j),
                })
                .unwrap();
            if best != i {
                events[i].duplicate_of = Some(best);
            }
        }
        for &i in &members {
            if events[i].duplicate_of.is_some() {
                let e = &mut events[i];
                e.rule = None;
                e.base = None;
                e.amount = None;
                e.modifiers.clear();
                // Its amount was worked out to be compared: every step of it
                // must still be exact (§1), so `steps` stay.
            }
        }
    }
}

/// The problems of a unit's events alone (`points` against their rules).
pub fn event_problems(m: &Model<'_>, unit: &UnitData, at: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    all_events(m, unit, at, &mut problems);
    problems
}

/// Every event of the unit; a yearly status counts once (the first counted
/// one of its kind), a repeat is not counted, so nothing of it is judged.
fn all_events(
    m: &Model<'_>,
    unit: &UnitData,
    at: usize,
    problems: &mut Vec<Problem>,
) -> Vec<EventEval> {
    let mut statuses: Vec<(&str, usize)> = Vec::new();
    let mut events: Vec<EventEval> = Vec::new();
    for (i, e) in unit.events.iter().enumerate() {
        let skipped = e.credited_in.filter(|y| m.skip_years.contains(y));
        if m.kind(&e.kind).status && skipped.is_none() {
            if let Some((_, first)) = statuses.iter().find(|(k, _)| *k == e.kind) {
                events.push(EventEval {
                    status_repeated: Some(*first),
                    ..EventEval::default()
                });
                continue;
            }
            statuses.push((&e.kind, i));
        }
        events.push(event(m, unit, e, at, problems));
    }
    events
}

fn event(
    m: &Model<'_>,
    unit: &UnitData,
    e: &EventData,
    at: usize,
    problems: &mut Vec<Problem>,
) -> EventEval {
    let status = m.kind(&e.kind).status;
    let mut out = EventEval {
        outside: !status && (e.date < m.window.0 || e.date > m.window.1),
        skipped: e.credited_in.filter(|y| m.skip_years.contains(y)),
        ..EventEval::default()
    };
    if !out.counted() {
        return out;
    }
    let value = |attr: &str| e.attrs.get(attr).map(String::as_str);
    let all_pass =
        |tests: &[kaohe::ast::Condition]| tests.iter().all(|t| passes(t, value(&t.attr.text)));
    let of_kind = |kind: &str| kind == e.kind;
    let applies = |r: usize| m.applies(r, &unit.name, &unit.group);
    let bases: Vec<usize> = (0..m.rules.len())
        .filter(|r| {
            let rule = &m.rules[*r];
            of_kind(rule.kind)
                && !matches!(rule.worth, Worth::Factor(_))
                && all_pass(rule.tests)
                && applies(*r)
        })
        .collect();
    let problem = |code: &'static str, what: String| Problem {
        code,
        unit: Some(at),
        what,
    };
    match bases.as_slice() {
        [] => {}
        [r] => {
            let base = match (&m.rules[*r].worth, &e.points) {
                (Worth::Fixed(v), None) => Some(v.clone()),
                (Worth::Fixed(_), Some(p)) => {
                    problems.push(problem(
                        "KH712",
                        format!("points {} on a fixed rule", show(p)),
                    ));
                    None
                }
                (Worth::Range(lo, hi), Some(p)) if lo <= p && p <= hi => Some(p.clone()),
                (Worth::Range(..), Some(p)) => {
                    problems.push(problem("KH712", format!("points {} out of range", show(p))));
                    None
                }
                (Worth::Range(..), None) => {
                    problems.push(problem("KH712", "points missing".to_string()));
                    None
                }
                (Worth::Factor(_), _) => unreachable!(),
            };
            if let Some(base) = base {
                let modifiers: Vec<usize> = (0..m.rules.len())
                    .filter(|r| {
                        let rule = &m.rules[*r];
                        of_kind(rule.kind)
                            && matches!(rule.worth, Worth::Factor(_))
                            && all_pass(rule.tests)
                            && applies(*r)
                    })
                    .collect();
                let mut amount = base.clone();
                for f in &modifiers {
                    if let Worth::Factor(x) = &m.rules[*f].worth {
                        amount *= x.clone();
                        out.steps.push(amount.clone());
                    }
                }
                out.rule = Some(*r);
                out.base = Some(base);
                out.amount = Some(amount);
                out.modifiers = modifiers;
            }
        }
        _ => problems.push(problem("KH401", format!("rules {bases:?} all match"))),
    }
    for (i, v) in m.vetoes.iter().enumerate() {
        if let Veto::Event { kind, conditions } = v
            && of_kind(&kind.text)
            && all_pass(conditions)
        {
            out.vetoes.push(i);
        }
    }
    for (i, f) in m.findings.iter().enumerate() {
        if of_kind(&f.kind.text) && all_pass(&f.conditions) {
            out.findings.push(i);
            if f.actions
                .iter()
                .any(|a| matches!(a, FindingAction::ZeroItem(_)))
            {
                let attr = m.kind(&e.kind).attrs.iter().find(|a| a.values.is_none());
                out.cleared = attr.and_then(|a| e.attrs.get(&a.name)).cloned();
            }
        }
    }
    out.referenced = m
        .kind_uses
        .iter()
        .any(|(kind, tests)| of_kind(kind) && all_pass(tests));
    out
}

/// Whether every step of a unit's evaluation is a decimal kaohe keeps
/// (28 significant digits, [`is_decimal`]).
#[derive(Default)]
struct Exactness {
    refused: bool,
}

impl Exactness {
    /// One step's value, noted.
    fn step(&mut self, q: Q) -> Q {
        self.refused |= !is_decimal(&q);
        q
    }

    fn all(&mut self, steps: &[Q]) {
        for q in steps {
            self.step(q.clone());
        }
    }

    /// A sum taken term by term, each partial sum a step.
    fn running<'q>(&mut self, terms: impl IntoIterator<Item = &'q Q>) -> Q {
        terms
            .into_iter()
            .fold(int(0), |sum, q| self.step(sum + q.clone()))
    }
}
