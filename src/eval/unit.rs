//! One unit on its own (§3, §7.10–14): scores and their scaling, each event
//! counted or not, exactly one base rule and its modifiers, rule and section
//! caps, findings, vetoes. Ranks and awards come later, over all units.

use rust_decimal::Decimal;

use super::cond::{Facts, eval_cond};
use super::explain::{CapLine, Capped, EventLine, EventStatus, Explanation, ItemLine};
use crate::ast::Direction;
use crate::data::input::{EventInput, UnitInput};
use crate::diag::{DataMessage, Diag, Message};
use crate::exact::{self, Inexact};
use crate::ir::*;

/// Everything later stages need about one unit, without its explanation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitResult {
    pub base: Decimal,
    pub bonus: Decimal,
    pub deduction: Decimal,
    pub total: Decimal,
    pub vetoed: bool,
    pub has_bonus: bool,
    pub has_deduct: bool,
    /// Findings that applied (they revoke awards).
    pub findings: Vec<FindingId>,
}

/// Evaluates units one after another, reusing its buffers.
pub struct UnitEvaluator<'p> {
    p: &'p Program,
    contributions: Vec<Decimal>,
    cleared: Vec<Option<FindingId>>,
    rule_sums: Vec<Decimal>,
    /// Counts of the program's facts for the last unit.
    pub facts: Vec<u32>,
    /// Contributions of the tracked items for the last unit.
    pub tracked: Vec<Decimal>,
    /// The first step of this unit whose exact result needs more digits than
    /// kaohe keeps: its data path. The unit is then refused (KH715), never
    /// given a rounded total.
    inexact: Option<String>,
    /// Scratch space for the base rules an event may pass.
    candidates: Vec<usize>,
    /// Amounts under sections with `同一 … 只计 最高`, held back until every
    /// event of the unit is read: only the largest of each key counts.
    pending: Vec<Pending>,
    /// The yearly-status kinds (`年度状态`) already counted for this unit,
    /// with the event that counted.
    statuses: Vec<(KindId, usize)>,
}

/// An event's amount waiting for `同一 … 只计 最高`.
struct Pending {
    section: SectionId,
    key: String,
    amount: Decimal,
    rule: RuleId,
    /// The event's index in the data (`events[j]`).
    j: usize,
    /// Its line in the explanation, when there is one.
    line: usize,
}

impl<'p> UnitEvaluator<'p> {
    pub fn new(p: &'p Program) -> Self {
        UnitEvaluator {
            p,
            contributions: Vec::new(),
            cleared: Vec::new(),
            rule_sums: Vec::new(),
            facts: Vec::new(),
            tracked: Vec::new(),
            inexact: None,
            candidates: Vec::new(),
            pending: Vec::new(),
            statuses: Vec::new(),
        }
    }

    /// The value of an exact step; a step that needed more digits is
    /// remembered (the first one) and counts as 0 until the unit is refused.
    fn exact(&mut self, r: Result<Decimal, Inexact>, path: impl FnOnce() -> String) -> Decimal {
        r.unwrap_or_else(|Inexact| {
            self.inexact.get_or_insert_with(path);
            Decimal::ZERO
        })
    }

    /// Evaluates `unit`; with `explain`, also says why. Problems only the
    /// evaluation can find (points against the matched rule, two base rules
    /// at once) are KH712/KH401 findings located in the data.
    pub fn evaluate(
        &mut self,
        unit: &UnitInput<'_>,
        mut explain: Option<&mut Explanation>,
    ) -> Result<UnitResult, Vec<Diag>> {
        self.start(unit);
        let mut result = UnitResult::default();
        let problems = self.events(unit, &mut result, explain.as_deref_mut());
        if !problems.is_empty() {
            return Err(problems);
        }
        self.caps(&mut result, unit, explain.as_deref_mut());
        let at = || format!("units[{}]", unit.index);
        result.base = self.exact(exact::sum(self.contributions.iter().copied()), at);
        let total =
            exact::add(result.base, result.bonus).and_then(|t| exact::sub(t, result.deduction));
        result.total = self.exact(total, at);
        self.track(unit);
        if let Some(path) = self.inexact.take() {
            let m = DataMessage::TooManyDigits {
                unit: unit.name.to_string(),
                path,
            };
            return Err(vec![Diag::new(Message::Data(m), unit.span)]);
        }
        if !result.vetoed {
            self.when_vetoes(unit, &mut result, explain.as_deref_mut());
        }
        if let Some(x) = explain {
            self.items(unit, x);
        }
        Ok(result)
    }

    /// The problems of the events of a unit the data refused for another
    /// reason (a score out of range, an unknown key): §5 reports every
    /// problem of a run, so its `points` are still checked against their rules.
    pub fn event_problems(&mut self, unit: &UnitInput<'_>) -> Vec<Diag> {
        self.start(unit);
        let mut result = UnitResult::default();
        self.events(unit, &mut result, None)
    }

    /// Every event of `unit` in data order; the problems found.
    fn events(
        &mut self,
        unit: &UnitInput<'_>,
        result: &mut UnitResult,
        mut explain: Option<&mut Explanation>,
    ) -> Vec<Diag> {
        let mut problems = Vec::new();
        self.pending.clear();
        self.statuses.clear();
        for (j, ev) in unit.events.iter().enumerate().filter(|(_, e)| e.valid) {
            let held = self.pending.len();
            let line = self.event(unit, j, ev, result, &mut problems);
            if let Some(x) = explain.as_deref_mut() {
                if let Some(p) = self.pending.get_mut(held) {
                    p.line = x.events.len();
                }
                x.events.push(line);
            }
        }
        self.keep_highest(unit, result, explain);
        problems
    }

    /// `同一 … 只计 最高`: of the held-back amounts sharing a section and a
    /// key, the largest counts (the first in the data on a tie); the others
    /// are explained as duplicates of it.
    fn keep_highest(
        &mut self,
        unit: &UnitInput<'_>,
        result: &mut UnitResult,
        mut explain: Option<&mut Explanation>,
    ) {
        let pending = std::mem::take(&mut self.pending);
        let mut best: std::collections::BTreeMap<(SectionId, &str), usize> =
            std::collections::BTreeMap::new();
        for (i, x) in pending.iter().enumerate() {
            let slot = best.entry((x.section, x.key.as_str())).or_insert(i);
            if pending.get(*slot).is_some_and(|b| x.amount > b.amount) {
                *slot = i;
            }
        }
        for (i, x) in pending.iter().enumerate() {
            let winner = best.get(&(x.section, x.key.as_str())).copied().unwrap_or(i);
            if winner == i {
                self.credit(unit, result, x.j, x.rule, x.amount);
                continue;
            }
            let Some(line) = explain
                .as_deref_mut()
                .and_then(|e| e.events.get_mut(x.line))
            else {
                continue;
            };
            let of = pending.get(winner).map_or(0, |w| w.j);
            line.amount = None;
            line.base = None;
            line.rule = None;
            line.modifiers.clear();
            line.duplicate_of = Some((of, x.section));
            if line.veto.is_none() && line.finding.is_none() && !line.referenced {
                line.status = EventStatus::Duplicate {
                    of,
                    section: x.section,
                };
            }
        }
        self.pending = pending;
        self.pending.clear();
    }

    /// Adds an event's amount under base rule `rid` to the rule's sum.
    fn credit(
        &mut self,
        unit: &UnitInput<'_>,
        result: &mut UnitResult,
        j: usize,
        rid: RuleId,
        amount: Decimal,
    ) {
        match self.p[rid].direction {
            Direction::Bonus => result.has_bonus = true,
            Direction::Deduct => result.has_deduct = true,
        }
        let raw = self.rule_sums.get(rid.index()).copied().unwrap_or_default();
        let sum = self.exact(exact::add(raw, amount), || {
            format!("units[{}].events[{j}]", unit.index)
        });
        if let Some(slot) = self.rule_sums.get_mut(rid.index()) {
            *slot = sum;
        }
    }

    /// The key of `同一 KEY 只计 最高` of the section of `rid`, for this event;
    /// none when the section has none or the event has no such value (it
    /// then counts on its own).
    fn dedup_key(&self, unit: &UnitInput<'_>, ev: &EventInput<'_>, rid: RuleId) -> Option<String> {
        let p = self.p;
        let dedup = p[p[rid].section].dedup.as_ref()?;
        match &dedup.key {
            DedupBy::Id => ev.id.as_deref().map(str::to_string),
            DedupBy::Attr(name) => {
                let kind = &p[ev.kind];
                let at = kind.attrs.iter().position(|a| a.name == *name)?;
                let v = *unit.values_of(ev).get(at)?;
                Some(p.value_name(kind.attrs.get(at)?, v).to_string())
            }
        }
    }

    fn start(&mut self, unit: &UnitInput<'_>) {
        let p = self.p;
        self.inexact = None;
        self.contributions.clear();
        for (item, value) in p.leaves.iter().zip(&unit.scores) {
            let contribution = match &p[*item] {
                ItemIr {
                    scale: Some(s),
                    max,
                    name,
                    ..
                } if !s.is_zero() => {
                    // `按 S 折算`: value × max ÷ S (max ÷ S terminates, KH302).
                    let scaled = exact::mul(*value, *max).and_then(|v| exact::div(v, *s));
                    self.exact(scaled, || format!("units[{}].scores.{name}", unit.index))
                }
                _ => *value,
            };
            self.contributions.push(contribution);
        }
        self.cleared.clear();
        self.cleared.resize(p.leaves.len(), None);
        self.rule_sums.clear();
        self.rule_sums.resize(p.rules.len(), Decimal::ZERO);
        self.facts.clear();
        self.facts.resize(p.facts.len(), 0);
    }

    /// One event: window, skip years, base rule, modifiers, vetoes, findings, facts.
    fn event(
        &mut self,
        unit: &UnitInput<'_>,
        j: usize,
        ev: &EventInput<'_>,
        result: &mut UnitResult,
        problems: &mut Vec<Diag>,
    ) -> EventLine {
        let p = self.p;
        let mut line = EventLine {
            index: j,
            status: EventStatus::Counted,
            amount: None,
            base: None,
            rule: None,
            modifiers: Vec::new(),
            veto: None,
            finding: None,
            cleared: None,
            referenced: false,
            duplicate_of: None,
        };
        let kind = &p[ev.kind];
        // A yearly status stands for the year, whatever date it carries.
        if !kind.status && (ev.date < p.window.0 || ev.date > p.window.1) {
            line.status = EventStatus::OutsideWindow;
            return line;
        }
        if let Some(y) = ev
            .credited_in
            .filter(|y| p.skip_years.iter().any(|(s, _)| s == y))
        {
            line.status = EventStatus::CreditedIn(y);
            return line;
        }
        if kind.status {
            // Counted at most once per unit: the first one in the data.
            if let Some(first) = self.statuses.iter().find(|(k, _)| *k == ev.kind) {
                line.status = EventStatus::StatusRepeated { first: first.1 };
                return line;
            }
            self.statuses.push((ev.kind, j));
        }
        let values = unit.values_of(ev);
        let mut counted = false;
        let mut candidates = std::mem::take(&mut self.candidates);
        kind.base_index.candidates(values, &mut candidates);
        let place = p.place_of(unit.declared, unit.group);
        let mut out_of_scope = None;
        let mut matched = candidates
            .iter()
            .filter_map(|at| kind.base_rules.get(*at))
            .filter(|r| all_hold(&p[**r].tests, values))
            .filter(|r| {
                let applies = Program::applies_at(p[**r].units.as_ref(), place);
                if !applies {
                    out_of_scope = out_of_scope.or(Some(**r));
                }
                applies
            });
        let first = matched.next().copied();
        let others: Vec<RuleId> = matched.copied().collect();
        self.candidates = candidates;
        if let Some(rid) = first {
            if !others.is_empty() {
                problems.push(overlap(p, unit, j, ev, rid, &others));
            } else if let Some(amount) = self.adjust(unit, j, ev, rid, &mut line, problems) {
                counted = true;
                match self.dedup_key(unit, ev, rid) {
                    Some(key) => self.pending.push(Pending {
                        section: p[rid].section,
                        key,
                        amount,
                        rule: rid,
                        j,
                        line: 0,
                    }),
                    None => self.credit(unit, result, j, rid, amount),
                }
            }
        }
        for &v in &kind.vetoes {
            if let VetoIr {
                trigger: VetoTrigger::Event { tests, .. },
                ..
            } = &p[v]
                && all_hold(tests, values)
            {
                result.vetoed = true;
                line.veto = line.veto.or(Some(v));
                counted = true;
            }
        }
        for &f in &kind.findings {
            let finding = &p[f];
            if all_hold(&finding.tests, values) {
                counted = true;
                line.finding = line.finding.or(Some(f));
                if !result.findings.contains(&f) {
                    result.findings.push(f);
                }
                if finding.zero_item {
                    line.cleared = self.clear_item(kind, values, f);
                }
            }
        }
        for &fact in &kind.facts {
            if p.facts
                .get(fact.index())
                .is_some_and(|x| all_hold(&x.tests, values))
            {
                if let Some(c) = self.facts.get_mut(fact.index()) {
                    *c += 1;
                }
                line.referenced = true;
                counted = true;
            }
        }
        if !counted {
            line.status = match out_of_scope {
                Some(r) => EventStatus::NotForUnit(r),
                None => EventStatus::NoRule,
            };
        }
        line
    }

    /// The amount of an event under base rule `rid`: its base (fixed, or the
    /// data's `points` within the range) times every matching modifier of the
    /// same direction (§7.11).
    fn adjust(
        &mut self,
        unit: &UnitInput<'_>,
        j: usize,
        ev: &EventInput<'_>,
        rid: RuleId,
        line: &mut EventLine,
        problems: &mut Vec<Diag>,
    ) -> Option<Decimal> {
        let p = self.p;
        let rule = &p[rid];
        let kind_name = p[ev.kind].name.clone();
        let path = || format!("units[{}].events[{j}]", unit.index);
        let base = match &rule.amount {
            RuleAmount::Fixed(v) => {
                if ev.points.is_some() {
                    let m = DataMessage::PointsNotAllowed {
                        unit: unit.name.to_string(),
                        kind: kind_name,
                        path: path(),
                        fixed: *v,
                    };
                    problems.push(Diag::new(
                        Message::Data(m),
                        ev.points_span.unwrap_or(ev.span),
                    ));
                    return None;
                }
                *v
            }
            RuleAmount::Range { low, high, .. } => match ev.points {
                None => {
                    let m = DataMessage::PointsMissing {
                        unit: unit.name.to_string(),
                        kind: kind_name,
                        path: path(),
                        low: *low,
                        high: *high,
                    };
                    problems.push(Diag::new(Message::Data(m), ev.kind_span));
                    return None;
                }
                Some(v) if v < *low || v > *high => {
                    let m = DataMessage::PointsOutOfRange {
                        unit: unit.name.to_string(),
                        kind: kind_name,
                        path: path(),
                        value: v,
                        low: *low,
                        high: *high,
                    };
                    problems.push(Diag::new(
                        Message::Data(m),
                        ev.points_span.unwrap_or(ev.span),
                    ));
                    return None;
                }
                Some(v) => v,
            },
            RuleAmount::Modifier { .. } => return None,
        };
        let values = unit.values_of(ev);
        let place = p.place_of(unit.declared, unit.group);
        let mut amount = base;
        for &m in &p[ev.kind].modifiers {
            let modifier = &p[m];
            if modifier.direction == rule.direction
                && all_hold(&modifier.tests, values)
                && Program::applies_at(modifier.units.as_ref(), place)
                && let RuleAmount::Modifier { factor, .. } = modifier.amount
            {
                amount = self.exact(exact::mul(amount, factor), || {
                    format!("units[{}].events[{j}]", unit.index)
                });
                line.modifiers.push(m);
            }
        }
        line.rule = Some(rid);
        line.base = Some(base);
        line.amount = Some(amount);
        Some(amount)
    }

    /// `该项清零`: the item named by the event's `计分项` attribute scores 0
    /// (a parent: all its leaves, §7.12).
    fn clear_item(&mut self, kind: &KindIr, values: &[u32], f: FindingId) -> Option<ItemId> {
        let p = self.p;
        let item = ItemId(*values.get(kind.item_attr?)?);
        let mut stack = vec![item];
        while let Some(i) = stack.pop() {
            let ir = &p[i];
            match ir.leaf {
                Some(slot) => {
                    if let Some(c) = self.contributions.get_mut(slot) {
                        *c = Decimal::ZERO;
                    }
                    if let Some(c) = self.cleared.get_mut(slot) {
                        c.get_or_insert(f);
                    }
                }
                None => stack.extend(ir.children.iter().copied()),
            }
        }
        Some(item)
    }

    /// Rule caps bound each rule's sum; section caps bound the sum of the
    /// rule-capped amounts (§7.11).
    fn caps(
        &mut self,
        result: &mut UnitResult,
        unit: &UnitInput<'_>,
        mut explain: Option<&mut Explanation>,
    ) {
        let p = self.p;
        let at = || format!("units[{}]", unit.index);
        for (s, section) in p.sections.iter().enumerate() {
            let mut sum = Decimal::ZERO;
            for &r in &section.rules {
                let raw = self.rule_sums.get(r.index()).copied().unwrap_or_default();
                let capped = match p[r].cap {
                    Some(cap) if raw > cap => {
                        if let Some(x) = explain.as_deref_mut() {
                            x.caps.push(CapLine {
                                what: Capped::Rule(r),
                                from: raw,
                                to: cap,
                            });
                        }
                        cap
                    }
                    _ => raw,
                };
                sum = self.exact(exact::add(sum, capped), at);
            }
            if let Some(cap) = section.cap.filter(|c| sum > *c) {
                if let Some(x) = explain.as_deref_mut() {
                    x.caps.push(CapLine {
                        what: Capped::Section(SectionId::from_index(s)),
                        from: sum,
                        to: cap,
                    });
                }
                sum = cap;
            }
            match section.direction {
                Direction::Bonus => result.bonus = self.exact(exact::add(result.bonus, sum), at),
                Direction::Deduct => {
                    result.deduction = self.exact(exact::add(result.deduction, sum), at);
                }
            }
        }
    }

    /// Contributions of the items conditions read (a parent: its leaves' sum).
    /// Every parent item's sum must be exact too: the explanation shows it.
    fn track(&mut self, unit: &UnitInput<'_>) {
        let mut tracked = std::mem::take(&mut self.tracked);
        tracked.clear();
        for i in &self.p.tracked_items {
            let sum = self.subtree(*i);
            tracked.push(self.exact(sum, || format!("units[{}]", unit.index)));
        }
        self.tracked = tracked;
        for (i, item) in self.p.items.iter().enumerate() {
            if item.leaf.is_none() {
                let sum = self.subtree(ItemId::from_index(i));
                self.exact(sum, || format!("units[{}]", unit.index));
            }
        }
    }

    /// `一票否决 当 COND` (COND never reads ranks, §7.14).
    fn when_vetoes(
        &mut self,
        unit: &UnitInput<'_>,
        result: &mut UnitResult,
        explain: Option<&mut Explanation>,
    ) {
        let p = self.p;
        let facts = Facts {
            result,
            group: unit.group,
            tracked: &self.tracked,
            counts: &self.facts,
            rank: None,
            after: None,
        };
        let fired: Vec<VetoId> = p
            .vetoes
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match &v.trigger {
                VetoTrigger::When(c) if eval_cond(c, &facts) => Some(VetoId::from_index(i)),
                _ => None,
            })
            .collect();
        if !fired.is_empty() {
            result.vetoed = true;
            if let Some(x) = explain {
                x.vetoes.extend(fired);
            }
        }
    }

    fn items(&self, unit: &UnitInput<'_>, x: &mut Explanation) {
        let p = self.p;
        for (i, item) in p.items.iter().enumerate() {
            let id = ItemId::from_index(i);
            let line = match item.leaf {
                Some(slot) => ItemLine {
                    item: id,
                    value: unit.scores.get(slot).copied(),
                    contribution: self.contributions.get(slot).copied().unwrap_or_default(),
                    cleared_by: self.cleared.get(slot).copied().flatten(),
                },
                None => ItemLine {
                    item: id,
                    value: None,
                    contribution: self.subtree(id).unwrap_or_default(),
                    cleared_by: None,
                },
            };
            x.items.push(line);
        }
        for e in &x.events {
            if let Some(v) = e.veto
                && !x.vetoes.contains(&v)
            {
                x.vetoes.push(v);
            }
        }
    }

    fn subtree(&self, item: ItemId) -> Result<Decimal, Inexact> {
        let p = self.p;
        let mut sum = Decimal::ZERO;
        let mut stack = vec![item];
        while let Some(i) = stack.pop() {
            let ir = &p[i];
            match ir.leaf {
                Some(slot) => {
                    let c = self.contributions.get(slot).copied().unwrap_or_default();
                    sum = exact::add(sum, c)?;
                }
                None => stack.extend(ir.children.iter().copied()),
            }
        }
        Ok(sum)
    }
}

fn overlap(
    p: &Program,
    unit: &UnitInput<'_>,
    j: usize,
    ev: &EventInput<'_>,
    first: RuleId,
    others: &[RuleId],
) -> Diag {
    let describe = |r: RuleId| -> String { p.clause(p[r].clause).text.clone() };
    let mut rules = vec![describe(first)];
    rules.extend(others.iter().map(|r| describe(*r)));
    let m = DataMessage::RuleOverlap {
        unit: unit.name.to_string(),
        kind: p[ev.kind].name.clone(),
        path: format!("units[{}].events[{j}]", unit.index),
        rules,
    };
    Diag::new(Message::Data(m), ev.kind_span)
}
