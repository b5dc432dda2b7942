//! Amounts (§7.21): KH303 a single event's largest amount (base maximum ×
//! the modifiers that can apply together) exceeds a rule or section cap;
//! KH304 a bonus section with no cap and an uncapped rule, so a total can
//! exceed 满分.

use rust_decimal::Decimal;

use crate::exact;

use super::boxes::{Box, domain_sizes, first_uncovered};
use super::budget::Budget;
use super::confirm::{Claim, confirm};
use super::witness::{EventSpec, UnitSpec};
use crate::ast::Direction;
use crate::diag::AnalysisPart;
use crate::diag::{Diag, LabelText, Message};
use crate::eval::explain::Capped;
use crate::ir::{Program, RuleAmount, RuleId, SectionId};

/// At most this many modifiers of one kind are combined exhaustively.
const MAX_MODIFIERS: usize = 12;

pub fn check(p: &Program, budget: &Budget) -> Vec<Diag> {
    let mut out = Vec::new();
    for (s, section) in p.sections.iter().enumerate() {
        for &r in &section.rules {
            if let Some(d) = above_cap(p, r, SectionId::from_index(s), budget) {
                out.push(d);
            }
        }
        if section.direction == Direction::Bonus && section.cap.is_none() {
            out.extend(uncapped(p, &section.rules, budget));
        }
    }
    out
}

/// The largest amount one event can earn under base rule `r`, and that event;
/// none when no event earns anything or the budget ran out (callers that
/// need a bound check [`Budget::ran_out`]).
pub fn largest_event(p: &Program, r: RuleId, budget: &Budget) -> Option<(Decimal, EventSpec)> {
    let rule = &p[r];
    if matches!(rule.amount, RuleAmount::Modifier { .. }) {
        return None;
    }
    let kind = &p[rule.kind];
    let sizes = domain_sizes(p, kind);
    let base = Box::of_rule(p, r, sizes.len());
    let mods: Vec<(Box, Decimal)> = kind
        .modifiers
        .iter()
        .filter(|m| p[**m].direction == rule.direction)
        .filter_map(|m| match p[*m].amount {
            RuleAmount::Modifier { factor, .. } => Some((Box::of_rule(p, *m, sizes.len()), factor)),
            _ => None,
        })
        .take(MAX_MODIFIERS)
        .collect();
    let mut best: Option<(Decimal, Vec<u32>)> = None;
    for subset in 0u32..(1 << mods.len()) {
        let chosen = |i: usize| subset & (1 << i) != 0;
        let mut inside = Some(base.clone());
        let mut product = Ok(Decimal::ONE);
        for (_, (b, f)) in mods.iter().enumerate().filter(|(i, _)| chosen(*i)) {
            inside = inside.and_then(|x| x.intersect(b, &sizes));
            product = product.and_then(|x| exact::mul(x, *f));
        }
        let Some(inside) = inside else { continue };
        let others: Vec<&Box> = mods
            .iter()
            .enumerate()
            .filter(|(i, _)| !chosen(*i))
            .map(|(_, (b, _))| b)
            .collect();
        let Some(point) = first_uncovered(&inside, &others, &sizes, budget, AnalysisPart::Amounts)
        else {
            continue;
        };
        // An amount past the digits kept is no witness (the evaluator would
        // refuse it); the next largest is tried.
        let Ok(amount) = product.and_then(|x| exact::mul(rule.base_max(), x)) else {
            continue;
        };
        if best.as_ref().is_none_or(|(a, _)| amount > *a) {
            best = Some((amount, point));
        }
    }
    let (amount, point) = best?;
    let mut event = EventSpec::new(p, rule.kind, &point);
    if let RuleAmount::Range { high, .. } = rule.amount {
        event.points = Some(high);
    }
    Some((amount, event))
}

/// KH303 for base rule `r` of section `s`: its largest single event against
/// the rule's cap, then the section's.
fn above_cap(p: &Program, r: RuleId, s: SectionId, budget: &Budget) -> Option<Diag> {
    let rule = &p[r];
    let section = &p[s];
    let (amount, event) = largest_event(p, r, budget)?;
    let (cap, cap_span, capped) = match (rule.cap, section.cap) {
        (Some(c), _) if amount > c => (c, rule.cap_span, Capped::Rule(r)),
        (_, Some(c)) if amount > c => (c, section.cap_span, Capped::Section(s)),
        _ => return None,
    };
    let units = vec![UnitSpec::with_event(p, event.clone())];
    let claim = Claim::CapBites {
        what: capped,
        from: amount,
        to: cap,
    };
    let confirmed = confirm(p, &units, &claim, budget, AnalysisPart::Amounts)?;
    let m = Message::AwardAboveCap {
        rule: p.clause(rule.clause).text.clone(),
        amount,
        cap,
        section: matches!(capped, Capped::Section(_)),
        witness: event.describe(),
    };
    Some(
        Diag::new(m, p.clause(rule.clause).core)
            .with_label(cap_span, LabelText::Cap { value: cap })
            .with_witness(confirmed.data),
    )
}

/// KH304 for an uncapped bonus section: a unit at full marks with one event
/// of its first uncapped rule ends above 满分.
fn uncapped(p: &Program, rules: &[RuleId], budget: &Budget) -> Option<Diag> {
    let (r, amount, event) = rules.iter().find_map(|r| {
        let rule = &p[*r];
        if rule.cap.is_some() {
            return None;
        }
        let (amount, event) = largest_event(p, *r, budget)?;
        (amount > Decimal::ZERO).then_some((*r, amount, event))
    })?;
    let rule = &p[r];
    let units = vec![UnitSpec::with_event(p, event.clone())];
    let claim = Claim::TotalAbove(p.full);
    let confirmed = confirm(p, &units, &claim, budget, AnalysisPart::Amounts)?;
    let total = confirmed.total(0)?;
    let m = Message::BonusUncapped {
        rule: p.clause(rule.clause).text.clone(),
        witness: event.describe(),
        full: p.full,
        total,
        amount,
    };
    Some(Diag::new(m, p.clause(rule.clause).core).with_witness(confirmed.data))
}
