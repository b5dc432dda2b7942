//! Rule coverage, exact over each kind's finite attribute domains (§7.27):
//! KH401 two base rules match one event, KH402 a combination no base rule
//! matches, KH403 a kind nothing uses, KH404 a modifier no base rule meets.

use super::boxes::{Box, consequence_boxes, domain_sizes, first_uncovered};
use super::budget::Budget;
use super::confirm::{Claim, confirm};
use super::witness::{EventSpec, UnitSpec};
use crate::diag::AnalysisPart;
use crate::diag::{Diag, LabelText, Message, WitnessUnit};
use crate::ir::{KindId, Place, Program, RuleAmount, RuleId};

pub fn check(p: &Program, budget: &Budget) -> Vec<Diag> {
    let mut out = Vec::new();
    for (k, kind) in p.kinds.iter().enumerate() {
        let id = KindId::from_index(k);
        let sizes = domain_sizes(p, kind);
        let boxes: Vec<(RuleId, Box)> = kind
            .base_rules
            .iter()
            .map(|r| (*r, Box::of_rule(p, *r, sizes.len())))
            .collect();
        out.extend(overlaps(p, id, &boxes, &sizes, budget));
        out.extend(gap(p, id, &boxes, &sizes, budget));
        out.extend(unmatched_modifiers(p, id, &boxes, &sizes, budget));
        let used = !kind.base_rules.is_empty()
            || !kind.modifiers.is_empty()
            || !kind.vetoes.is_empty()
            || !kind.findings.is_empty()
            || !kind.facts.is_empty();
        if !used {
            let m = Message::UnusedKind {
                kind: kind.name.clone(),
            };
            out.push(Diag::new(m, p.clause(kind.clause).core));
        }
    }
    out
}

/// A box's side for attribute `a`, if the box tests it.
fn side(b: &Box, a: usize) -> Option<&crate::ir::ValueSet> {
    b.sides.get(a).and_then(Option::as_ref)
}

/// The unit of a witness at `point` (its last coordinate is the place), named
/// only when some rule of the kind is limited to units: otherwise any unit
/// would do, and the finding says nothing about it.
fn witness_unit(p: &Program, kind: KindId, point: &[u32]) -> Option<WitnessUnit> {
    let k = &p[kind];
    let limited = k
        .base_rules
        .iter()
        .chain(&k.modifiers)
        .any(|r| p[*r].units.is_some());
    if !limited {
        return None;
    }
    match p.place(*point.get(k.attrs.len())?)? {
        Place::Listed(u) => Some(WitnessUnit::Listed(p[u].name.clone())),
        Place::Added(g) => Some(WitnessUnit::Added(p[g].name.clone())),
    }
}

fn rule_text(p: &Program, r: RuleId) -> String {
    p.clause(p[r].clause).text.clone()
}

/// A unit of the policy with one event, at the event's place: the witness of
/// a finding about rules.
fn one_event(p: &Program, event: EventSpec) -> Vec<UnitSpec> {
    vec![UnitSpec::with_event(p, event)]
}

/// KH401: each base rule against the earlier ones; one finding per rule (its
/// first overlap), with the first common event as witness. Earlier rules are
/// looked up by the values they allow of the attribute most rules test (two
/// rules that both test it overlap only if they share a value of it), so a
/// policy of many narrow rules costs about one step per rule, not one per
/// pair.
fn overlaps(
    p: &Program,
    kind: KindId,
    boxes: &[(RuleId, Box)],
    sizes: &[u32],
    budget: &Budget,
) -> Vec<Diag> {
    let mut out = Vec::new();
    let tested = |a: usize| boxes.iter().filter(|(_, b)| side(b, a).is_some()).count();
    let key = (0..sizes.len()).max_by_key(|a| (tested(*a), std::cmp::Reverse(*a)));
    let size = key.and_then(|a| sizes.get(a)).copied().unwrap_or(0) as usize;
    // Earlier rules by the values of the key attribute they allow; those that
    // do not test it allow every value.
    let mut by_value: Vec<Vec<usize>> = vec![Vec::new(); size];
    let mut everywhere: Vec<usize> = Vec::new();
    for (j, (later, b)) in boxes.iter().enumerate() {
        let values: Option<Vec<u32>> = key
            .and_then(|a| side(b, a))
            .map(|set| set.values().take_while(|v| (*v as usize) < size).collect());
        let mut candidates: Vec<usize> = match &values {
            Some(vs) => vs
                .iter()
                .flat_map(|v| by_value.get(*v as usize).into_iter().flatten())
                .chain(&everywhere)
                .copied()
                .collect(),
            None => (0..j).collect(),
        };
        candidates.sort_unstable();
        candidates.dedup();
        if !budget.spend(AnalysisPart::Overlaps, candidates.len() as u64 + 1) {
            break;
        }
        match &values {
            Some(vs) => {
                for v in vs {
                    if let Some(list) = by_value.get_mut(*v as usize) {
                        list.push(j);
                    }
                }
            }
            None => everywhere.push(j),
        }
        for i in candidates {
            let Some((earlier, a)) = boxes.get(i) else {
                continue;
            };
            if !a.meets(b, sizes) {
                continue;
            }
            let Some(point) = a.intersect(b, sizes).and_then(|x| x.first_point(sizes)) else {
                continue;
            };
            let units = one_event(p, EventSpec::new(p, kind, &point));
            let Some(confirmed) =
                confirm(p, &units, &Claim::Overlap, budget, AnalysisPart::Overlaps)
            else {
                continue;
            };
            let (x, y) = (&p[*earlier], &p[*later]);
            let m = Message::RuleOverlap {
                kind: p[kind].name.clone(),
                witness: units
                    .first()
                    .and_then(|u| u.events.first())
                    .map(EventSpec::describe)
                    .unwrap_or_default(),
                unit: witness_unit(p, kind, &point),
                first: rule_text(p, *earlier),
                second: rule_text(p, *later),
                mixed: x.direction != y.direction,
            };
            out.push(
                Diag::new(m, p.clause(y.clause).core)
                    .with_label(p.clause(x.clause).core, LabelText::OtherRule)
                    .with_witness(confirmed.data),
            );
            break;
        }
    }
    out
}

/// KH402: the first event of the kind no base rule matches and that neither
/// vetoes the unit nor is a finding (those have their consequence already).
fn gap(
    p: &Program,
    kind: KindId,
    boxes: &[(RuleId, Box)],
    sizes: &[u32],
    budget: &Budget,
) -> Vec<Diag> {
    let k = &p[kind];
    if boxes.is_empty() {
        return Vec::new();
    }
    let all = Box {
        sides: vec![None; sizes.len()],
    };
    let consequences = consequence_boxes(p, k, sizes.len());
    let refs: Vec<&Box> = boxes
        .iter()
        .map(|(_, b)| b)
        .chain(consequences.iter())
        .collect();
    let Some(point) = first_uncovered(&all, &refs, sizes, budget, AnalysisPart::Gaps) else {
        return Vec::new();
    };
    let units = one_event(p, EventSpec::new(p, kind, &point));
    let Some(confirmed) = confirm(p, &units, &Claim::NoRule, budget, AnalysisPart::Gaps) else {
        return Vec::new();
    };
    let m = Message::RuleGap {
        kind: k.name.clone(),
        witness: units
            .first()
            .and_then(|u| u.events.first())
            .map(EventSpec::describe)
            .unwrap_or_default(),
        unit: witness_unit(p, kind, &point),
    };
    vec![Diag::new(m, p.clause(k.clause).core).with_witness(confirmed.data)]
}

/// KH404: a modifier whose box meets no base rule of its kind and direction.
fn unmatched_modifiers(
    p: &Program,
    kind: KindId,
    boxes: &[(RuleId, Box)],
    sizes: &[u32],
    budget: &Budget,
) -> Vec<Diag> {
    let k = &p[kind];
    k.modifiers
        .iter()
        .filter_map(|m| {
            let rule = &p[*m];
            let mbox = Box::of_rule(p, *m, sizes.len());
            if !budget.spend(AnalysisPart::Overlaps, boxes.len() as u64) {
                return None;
            }
            let meets = boxes.iter().any(|(r, b)| {
                p[*r].direction == rule.direction
                    && !matches!(p[*r].amount, RuleAmount::Modifier { .. })
                    && b.meets(&mbox, sizes)
            });
            (!meets).then(|| {
                Diag::new(
                    Message::ModifierUnmatched {
                        rule: rule_text(p, *m),
                    },
                    p.clause(rule.clause).core,
                )
            })
        })
        .collect()
}
