//! Rule coverage, exact over each kind's finite attribute domains (§7.27):
//! KH401 two base rules match one event, KH402 a combination no base rule
//! matches, KH403 a kind nothing uses, KH404 a modifier no base rule meets.

use super::boxes::{Box, consequence_boxes, domain_sizes, first_uncovered};
use super::confirm::{Claim, confirm};
use super::witness::{EventSpec, UnitSpec};
use crate::diag::{Diag, LabelText, Message};
use crate::ir::{KindId, Program, RuleAmount, RuleId};

pub fn check(p: &Program) -> Vec<Diag> {
    let mut out = Vec::new();
    for (k, kind) in p.kinds.iter().enumerate() {
        let id = KindId::from_index(k);
        let sizes = domain_sizes(p, kind);
        let boxes: Vec<(RuleId, Box)> = kind
            .base_rules
            .iter()
            .map(|r| (*r, Box::of_tests(&p[*r].tests, sizes.len())))
            .collect();
        out.extend(overlaps(p, id, &boxes, &sizes));
        out.extend(gap(p, id, &boxes, &sizes));
        out.extend(unmatched_modifiers(p, id, &boxes, &sizes));
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

fn rule_text(p: &Program, r: RuleId) -> String {
    p.clause(p[r].clause).text.clone()
}

/// A unit of the policy with one event: the witness of a finding about rules.
fn one_event(p: &Program, event: EventSpec) -> Vec<UnitSpec> {
    let mut unit = UnitSpec::typical(p, 0, |max| max);
    unit.events.push(event);
    vec![unit]
}

/// KH401: each base rule against the earlier ones; one finding per rule (its
/// first overlap), with the first common event as witness.
fn overlaps(p: &Program, kind: KindId, boxes: &[(RuleId, Box)], sizes: &[u32]) -> Vec<Diag> {
    let mut out = Vec::new();
    for (j, (later, b)) in boxes.iter().enumerate() {
        for (earlier, a) in boxes.iter().take(j) {
            let Some(point) = a.intersect(b, sizes).and_then(|x| x.first_point(sizes)) else {
                continue;
            };
            let units = one_event(p, EventSpec::new(p, kind, &point));
            let Some(confirmed) = confirm(p, &units, &Claim::Overlap) else {
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
fn gap(p: &Program, kind: KindId, boxes: &[(RuleId, Box)], sizes: &[u32]) -> Vec<Diag> {
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
    let Some(point) = first_uncovered(&all, &refs, sizes) else {
        return Vec::new();
    };
    let units = one_event(p, EventSpec::new(p, kind, &point));
    let Some(confirmed) = confirm(p, &units, &Claim::NoRule) else {
        return Vec::new();
    };
    let m = Message::RuleGap {
        kind: k.name.clone(),
        witness: units
            .first()
            .and_then(|u| u.events.first())
            .map(EventSpec::describe)
            .unwrap_or_default(),
    };
    vec![Diag::new(m, p.clause(k.clause).core).with_witness(confirmed.data)]
}

/// KH404: a modifier whose box meets no base rule of its kind and direction.
fn unmatched_modifiers(
    p: &Program,
    kind: KindId,
    boxes: &[(RuleId, Box)],
    sizes: &[u32],
) -> Vec<Diag> {
    let k = &p[kind];
    k.modifiers
        .iter()
        .filter_map(|m| {
            let rule = &p[*m];
            let mbox = Box::of_tests(&rule.tests, sizes.len());
            let meets = boxes.iter().any(|(r, b)| {
                p[*r].direction == rule.direction
                    && !matches!(p[*r].amount, RuleAmount::Modifier { .. })
                    && b.intersect(&mbox, sizes).is_some()
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
