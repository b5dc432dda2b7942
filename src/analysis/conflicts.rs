//! KH504 (§7.24): an award and a sanction (every `处置`) that one unit can get
//! at once. For each pair the sanction's condition is put in disjunctive form;
//! each conjunction, with the award's exclusions, becomes a plan for one unit
//! (its group, events, total, rank, units below it), which is realized as unit
//! data with filler units above and below, and evaluated. Only an evaluation
//! that shows the unit eligible and flagged is reported, so every finding is
//! proven; a pair the search cannot show is not reported. `允许 OUTCOME` in the
//! award accepts the pair.

use rust_decimal::Decimal;

use crate::exact;

use super::boxes::{Box, consequence_boxes, domain_sizes, first_uncovered};
use super::budget::Budget;
use super::confirm::{Claim, Confirmed, confirm};
use super::witness::{EventSpec, UnitSpec, evaluate};
use crate::ast::{CmpOp, Direction};
use crate::diag::AnalysisPart;
use crate::diag::{Diag, LabelText, Message};
use crate::ir::*;

/// Conjunctions tried per pair, at most.
const MAX_CONJUNCTIONS: usize = 64;

pub fn check(p: &Program, budget: &Budget) -> Vec<Diag> {
    let mut out = Vec::new();
    for (a, award) in p.awards.iter().enumerate() {
        for (o, outcome) in p.outcomes.iter().enumerate() {
            let oid = OutcomeId::from_index(o);
            // Accepted, or the outcome is given for the award (`当 获得 先进`).
            if award.allowed.contains(&oid) || reads_award(&outcome.cond, AwardId::from_index(a)) {
                continue;
            }
            let Some((units, w, confirmed)) = witness(p, AwardId::from_index(a), oid, budget)
            else {
                continue;
            };
            let Some(unit) = units.get(w) else { continue };
            let m = Message::AwardAndSanction {
                award: award.name.clone(),
                outcome: outcome.name.clone(),
                unit: unit.name.clone(),
                state: state_text(&units, w, &confirmed),
            };
            out.push(
                Diag::new(m, p.clause(award.clause).core)
                    .with_label(p.clause(outcome.clause).core, LabelText::Sanction)
                    .with_witness(confirmed.data),
            );
        }
    }
    out
}

/// Whether a condition reads `获得 A`.
fn reads_award(c: &CondIr, a: AwardId) -> bool {
    match c {
        CondIr::Or(list) | CondIr::And(list) => list.iter().any(|x| reads_award(x, a)),
        CondIr::Not(inner) => reads_award(inner, a),
        CondIr::Awarded(x) => *x == a,
        _ => false,
    }
}

/// `排名 1，总分 79，通报批评 { 责任 主要 }`: what the witness unit is.
fn state_text(units: &[UnitSpec], w: usize, confirmed: &Confirmed) -> Vec<String> {
    let Some(e) = &confirmed.evaluation else {
        return Vec::new();
    };
    let Some(row) = e.table.rows.iter().position(|r| r.index == w) else {
        return Vec::new();
    };
    let mut facts = Vec::new();
    if let Some(r) = e.ranks.rank.get(row).copied().flatten() {
        let scope = e.ranks.scope.get(row).copied().unwrap_or(0) as usize;
        let ranked = e.ranks.ranked.get(scope).copied().unwrap_or(0);
        facts.push(format!("#{r}/{ranked}"));
    }
    if let Some(x) = e.table.rows.get(row) {
        facts.push(crate::diag::fmt_decimal(x.result.total));
    }
    if let Some(u) = units.get(w) {
        facts.extend(u.events.iter().map(EventSpec::describe));
    }
    facts
}

/// A literal: an atom of a condition, or its negation.
type Lit<'c> = (&'c CondIr, bool);

/// Every conjunction of one from each part (bounded).
fn product<'c>(parts: Vec<Vec<Vec<Lit<'c>>>>) -> Vec<Vec<Lit<'c>>> {
    parts.into_iter().fold(vec![Vec::new()], |acc, part| {
        let mut next = Vec::new();
        for a in &acc {
            for b in &part {
                if next.len() < MAX_CONJUNCTIONS {
                    next.push(a.iter().chain(b.iter()).copied().collect());
                }
            }
        }
        next
    })
}

/// The condition as a disjunction of conjunctions of literals (bounded).
fn dnf(c: &CondIr, positive: bool) -> Vec<Vec<Lit<'_>>> {
    match (c, positive) {
        (CondIr::Not(inner), _) => dnf(inner, !positive),
        (CondIr::Or(list), true) | (CondIr::And(list), false) => {
            let mut all: Vec<Vec<Lit<'_>>> = list.iter().flat_map(|x| dnf(x, positive)).collect();
            all.truncate(MAX_CONJUNCTIONS);
            all
        }
        (CondIr::And(list), true) | (CondIr::Or(list), false) => {
            product(list.iter().map(|x| dnf(x, positive)).collect())
        }
        (atom, _) => vec![vec![(atom, positive)]],
    }
}

fn negate(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Ge,
        CmpOp::Le => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Le,
        CmpOp::Ge => CmpOp::Lt,
        CmpOp::Eq => CmpOp::Ne,
        CmpOp::Ne => CmpOp::Eq,
    }
}

/// What the witness unit must be, gathered from one conjunction.
#[derive(Default)]
struct Plan {
    total: Vec<(CmpOp, Decimal)>,
    rank: Vec<(CmpOp, Decimal)>,
    items: Vec<(usize, CmpOp, Decimal)>,
    facts: Vec<(FactId, CmpOp, Decimal)>,
    has: Vec<(Direction, bool)>,
    /// (N, whether the unit is in the bottom N).
    bottom: Vec<(u32, bool)>,
    group_in: Vec<GroupId>,
    group_out: Vec<GroupId>,
    vetoed: bool,
}

impl Plan {
    fn from(lits: &[Lit<'_>]) -> Plan {
        let mut plan = Plan::default();
        for (atom, positive) in lits {
            let pos = *positive;
            match atom {
                CondIr::Compare {
                    operand, op, value, ..
                } => {
                    let op = if pos { *op } else { negate(*op) };
                    match operand {
                        OperandIr::Total => plan.total.push((op, *value)),
                        OperandIr::Rank => plan.rank.push((op, *value)),
                        OperandIr::Item(slot) => plan.items.push((*slot, op, *value)),
                        OperandIr::Bonus => plan
                            .has
                            .push((Direction::Bonus, satisfied_above_zero(op, *value))),
                        OperandIr::Deduct => plan
                            .has
                            .push((Direction::Deduct, satisfied_above_zero(op, *value))),
                    }
                }
                CondIr::Fact { fact, op, value } => {
                    plan.facts
                        .push((*fact, if pos { *op } else { negate(*op) }, *value));
                }
                CondIr::Bottom(n) => plan.bottom.push((*n, pos)),
                CondIr::Vetoed => plan.vetoed |= pos,
                CondIr::HasAdjust(d) => plan.has.push((*d, pos)),
                CondIr::InGroup(g) if pos => plan.group_in.push(*g),
                CondIr::InGroup(g) => plan.group_out.push(*g),
                _ => {}
            }
        }
        plan
    }
}

/// Whether `x OP c` needs x above zero (bonus or deduction present).
fn satisfied_above_zero(op: CmpOp, c: Decimal) -> bool {
    !crate::ir::compare(Decimal::ZERO, op, c)
}

/// The value closest to `prefer` (from below) that meets every constraint, in [low, high].
fn pick(
    constraints: &[(CmpOp, Decimal)],
    low: Decimal,
    high: Decimal,
    prefer: Decimal,
) -> Option<Decimal> {
    let ok =
        |x: Decimal| x >= low && x <= high && constraints.iter().all(|(op, c)| compare(x, *op, *c));
    let mut candidates = vec![prefer.clamp(low, high), low, high];
    for (_, c) in constraints {
        for delta in [
            Decimal::ZERO,
            Decimal::ONE,
            -Decimal::ONE,
            Decimal::new(5, 1),
            Decimal::new(-5, 1),
        ] {
            candidates.extend(exact::add(*c, delta).ok());
        }
    }
    let distance = |x: Decimal| exact::sub(x, prefer).map_or(Decimal::MAX, |d| d.abs());
    candidates.sort_by(|a, b| distance(*a).cmp(&distance(*b)).then(b.cmp(a)));
    candidates.into_iter().find(|x| ok(*x))
}

/// A witness for (award, outcome): the units and which one is the witness.
fn witness(
    p: &Program,
    a: AwardId,
    o: OutcomeId,
    budget: &Budget,
) -> Option<(Vec<UnitSpec>, usize, Confirmed)> {
    let award = &p[a];
    let outcome = &p[o];
    for lits in dnf(&outcome.cond, true) {
        let plan = Plan::from(&lits);
        if plan.vetoed {
            continue;
        }
        // A plan is realized and evaluated: about a thousand steps' work.
        if !budget.spend(AnalysisPart::Conflicts, 1000) {
            return None;
        }
        let Some(units) = realize(p, award, &plan, budget) else {
            continue;
        };
        let claim = Claim::AwardAndOutcome {
            unit: 0,
            award: a,
            outcome: o,
        };
        if let Some(confirmed) = confirm(p, &units, &claim, budget, AnalysisPart::Conflicts) {
            return Some((units, 0, confirmed));
        }
    }
    None
}

/// The plan as unit data: the witness first, then fillers above and below it.
fn realize(p: &Program, award: &AwardIr, plan: &Plan, budget: &Budget) -> Option<Vec<UnitSpec>> {
    let excluded = |e: &Excl| award.exclusions.iter().any(|x| x.what == *e);
    let group = (0..p.groups.len()).map(GroupId::from_index).find(|g| {
        plan.group_in.iter().all(|x| x == g)
            && !plan.group_out.contains(g)
            && !excluded(&Excl::Group(*g))
    })?;
    let g = &p[group];
    let declared = g
        .members
        .iter()
        .find(|u| !excluded(&Excl::Unit(**u)))
        .copied();
    let mut w = UnitSpec::typical(p, 0, |max| max);
    match declared {
        Some(u) => {
            w.name = p[u].name.clone();
            w.group = None;
        }
        None if g.open => {
            w.name = "示例单位".into();
            w.group = Some(g.name.clone());
        }
        None => return None,
    }
    w.events = events(p, award, plan, p.place_of(declared, group), budget)?;
    let scored = evaluate(p, std::slice::from_ref(&w)).ok()?;
    let result = scored.table.rows.first()?.result.clone();
    let (bonus, deduct) = (result.bonus, result.deduction);
    let low = exact::sub(bonus, deduct).ok()?;
    let high = exact::add(p.full, low).ok()?;
    let total = pick(&plan.total, low, high, high)?;
    set_scores(p, &mut w, plan, exact::sub(total, low).ok()?)?;
    place(p, award, plan, w, declared, group, total)
}

/// Events the plan needs: counts of facts, and bonus or deduction presence
/// through a rule that applies at the witness's `place`.
fn events(
    p: &Program,
    award: &AwardIr,
    plan: &Plan,
    place: u32,
    budget: &Budget,
) -> Option<Vec<EventSpec>> {
    let mut events = Vec::new();
    for (fact, op, value) in &plan.facts {
        let f = &p[*fact];
        if award
            .exclusions
            .iter()
            .any(|e| matches!(e.what, Excl::Kind(x) if p[x].kind == f.kind))
        {
            // The award excludes units with any event of this kind.
            if !crate::ir::compare(Decimal::ZERO, *op, *value) {
                return None;
            }
            continue;
        }
        let needed = (0..=4u32).find(|k| crate::ir::compare(Decimal::from(*k), *op, *value))?;
        let event = harmless_event(p, f.kind, &f.tests, budget)?;
        events.extend((0..needed).map(|_| event.clone()));
    }
    for (d, wanted) in &plan.has {
        if !*wanted {
            continue;
        }
        let rule = p
            .sections
            .iter()
            .filter(|s| s.direction == *d)
            .flat_map(|s| s.rules.iter())
            .map(|r| (r, &p[*r]))
            .find(|(_, x)| !x.is_modifier() && Program::applies_at(x.units.as_ref(), place))?;
        let mut event = harmless_event(p, rule.1.kind, &rule.1.tests, budget)?;
        if let RuleAmount::Range { high, .. } = rule.1.amount {
            event.points = Some(high.max(Decimal::ZERO));
        }
        events.push(event);
    }
    Some(events)
}

/// An event of `kind` passing `tests` that triggers no veto and no finding.
fn harmless_event(
    p: &Program,
    kind: KindId,
    tests: &[AttrTest],
    budget: &Budget,
) -> Option<EventSpec> {
    let k = &p[kind];
    let sizes = domain_sizes(p, k);
    let within = Box::of_tests(tests, sizes.len());
    let harmful = consequence_boxes(p, k, sizes.len());
    let refs: Vec<&Box> = harmful.iter().collect();
    let point = first_uncovered(&within, &refs, &sizes, budget, AnalysisPart::Conflicts)?;
    let mut event = EventSpec::new(p, kind, &point);
    let base = k
        .base_rules
        .iter()
        .map(|r| &p[*r])
        .find(|r| all_hold(&r.tests, &point));
    if let Some(RuleAmount::Range { high, .. }) = base.map(|r| &r.amount) {
        event.points = Some(*high);
    }
    Some(event)
}

/// Leaf scores adding up to `base`: tracked items first, within their
/// constraints; then the others in declaration order, each up to its maximum.
fn set_scores(p: &Program, w: &mut UnitSpec, plan: &Plan, base: Decimal) -> Option<()> {
    let mut fixed: Vec<(usize, Decimal)> = Vec::new();
    for (slot, item) in p.tracked_items.iter().enumerate() {
        let cons: Vec<(CmpOp, Decimal)> = plan
            .items
            .iter()
            .filter(|(s, _, _)| *s == slot)
            .map(|(_, op, c)| (*op, *c))
            .collect();
        if cons.is_empty() {
            continue;
        }
        let ir = &p[*item];
        let leaf = ir.leaf?;
        fixed.push((leaf, pick(&cons, Decimal::ZERO, ir.max, ir.max)?));
    }
    let mut left = exact::sub(base, exact::sum(fixed.iter().map(|(_, v)| *v)).ok()?).ok()?;
    let mut scores = Vec::new();
    for (slot, leaf) in p.leaves.iter().enumerate() {
        let ir = &p[*leaf];
        let contribution = match fixed.iter().find(|(s, _)| *s == slot) {
            Some((_, v)) => *v,
            None => {
                let v = left.min(ir.max).max(Decimal::ZERO);
                left = exact::sub(left, v).ok()?;
                v
            }
        };
        let data = match ir.scale {
            Some(s) if !ir.max.is_zero() => {
                exact::div(exact::mul(contribution, s).ok()?, ir.max).ok()?
            }
            _ => contribution,
        };
        scores.push((ir.name.clone(), data));
    }
    if !left.is_zero() {
        return None;
    }
    w.scores = scores;
    Some(())
}

/// The witness with fillers: `rank − 1` units above it, and enough below it
/// for the award's `末 N 名` and the plan's bottom literals.
fn place(
    p: &Program,
    award: &AwardIr,
    plan: &Plan,
    w: UnitSpec,
    declared: Option<UnitId>,
    group: GroupId,
    total: Decimal,
) -> Option<Vec<UnitSpec>> {
    let mut below_min: u32 = 0;
    let mut below_max: u32 = u32::MAX;
    for e in &award.exclusions {
        if let Excl::Bottom(n) = e.what {
            below_min = below_min.max(n);
        }
    }
    for (n, inside) in &plan.bottom {
        if *inside {
            below_max = below_max.min(n.saturating_sub(1));
        } else {
            below_min = below_min.max(*n);
        }
    }
    let scope: Vec<UnitId> = if p.ranking.within_group {
        p[group].members.clone()
    } else {
        p.groups
            .iter()
            .flat_map(|g| g.members.iter().copied())
            .collect()
    };
    let closed = if p.ranking.within_group {
        !p[group].open
    } else {
        p.groups.iter().all(|g| !g.open)
    };
    let others: Vec<UnitId> = scope
        .iter()
        .copied()
        .filter(|u| Some(*u) != declared)
        .collect();
    let (rank, below) = if closed {
        let n = scope.len() as u32;
        (1..=n).map(|r| (r, n - r)).find(|(r, b)| {
            plan.rank
                .iter()
                .all(|(op, c)| compare(Decimal::from(*r), *op, *c))
                && *b >= below_min
                && *b <= below_max
        })?
    } else {
        let r = (1..=64u32).find(|r| {
            plan.rank
                .iter()
                .all(|(op, c)| compare(Decimal::from(*r), *op, *c))
        })?;
        (r, below_min)
    };
    if below > below_max || (rank > 1 && total >= p.full) || (below > 0 && total <= Decimal::ZERO) {
        return None;
    }
    // Units above the witness score full marks; those below score nine
    // tenths of its total (each leaf cut down to one decimal, so strictly
    // below), which reads as a plausible year rather than a column of zeros.
    // Heuristic fillers: rounding here only shapes a candidate, which the
    // evaluator then confirms or drops.
    let below_share = total
        .checked_div(p.full)
        .and_then(|x| x.checked_mul(Decimal::new(9, 1)))
        .filter(|_| p.full > Decimal::ZERO)
        .unwrap_or(Decimal::ZERO);
    let filler = |i: usize, high: bool| -> Option<UnitSpec> {
        let mut u = UnitSpec::typical(p, 0, |max| {
            if high {
                max
            } else {
                max.checked_mul(below_share)
                    .unwrap_or(Decimal::ZERO)
                    .trunc_with_scale(1)
                    .max(Decimal::ZERO)
            }
        });
        match others.get(i) {
            Some(id) => {
                u.name = p[*id].name.clone();
                u.group = None;
            }
            None => {
                u.name = format!("示例单位{}", i + 1);
                u.group = Some(p[group].name.clone());
            }
        }
        Some(u)
    };
    let mut units = vec![w];
    for i in 0..(rank - 1 + below) as usize {
        units.push(filler(i, i < (rank - 1) as usize)?);
    }
    Some(units)
}
