//! `兑现` lines → [`PayoutIr`], and the order decisions are made in (§7.31).

use rust_decimal::Decimal;

use super::Compiler;
use crate::ast::{Meta, Payout, Stmt, UnitScope};
use crate::diag::Sort;
use crate::ir::{AwardId, CondIr, Decision, Excl, OutcomeId, PayoutFor, PayoutIr, ScopeIr, TierId};
use crate::source::Span;

impl Compiler<'_, '_> {
    pub(super) fn payouts(&mut self, lines: &[Stmt<Payout>], meta: &Meta, span: Span) {
        // The block's own clause: its `解释` reaches the rulings' list.
        self.clause(meta, span, None);
        for line in lines {
            let clause = self.clause(&line.meta, *line.span, meta.citation.as_ref());
            let node = &line.node;
            let target = match self.syms.get(&node.target.text) {
                Some(s) if s.sort == Sort::Tier => PayoutFor::Tier(TierId::from_index(s.index)),
                Some(s) if s.sort == Sort::Award => PayoutFor::Award(AwardId::from_index(s.index)),
                Some(s) => PayoutFor::Outcome(OutcomeId::from_index(s.index)),
                None => PayoutFor::Outcome(OutcomeId(0)),
            };
            let value = node.value.value;
            // Exact: `check` bounds the amount and the percentage's digits.
            let shares = node
                .shares
                .iter()
                .map(|s| {
                    let part = crate::exact::mul(value, s.percent.value)
                        .and_then(|x| crate::exact::div(x, Decimal::ONE_HUNDRED))
                        .unwrap_or_default();
                    (s.to.text.clone(), part.normalize())
                })
                .collect();
            let scopes: Vec<&UnitScope> = node.scopes.iter().collect();
            let units = self.places(&scopes);
            self.p.payouts.push(PayoutIr {
                target,
                amount: node.amount.text.clone(),
                value,
                measure: node.measure.as_ref().map(|m| m.text.clone()),
                shares,
                units,
                scopes: node
                    .scopes
                    .iter()
                    .map(|s| ScopeIr {
                        only: s.only,
                        names: s.names.iter().map(|n| n.text.clone()).collect(),
                    })
                    .collect(),
                clause,
            });
        }
    }

    /// Awards, outcomes and the grading, each after what it reads; where the
    /// order is free, outcomes first, then awards, then the grading (how
    /// policies without such reads have always been decided). `check` refused
    /// a cycle (KH209); were one left, its decisions would follow in that order.
    pub(super) fn decision_order(&mut self) {
        let p = &self.p;
        let mut all: Vec<Decision> = Vec::new();
        all.extend((0..p.outcomes.len()).map(|i| Decision::Outcome(OutcomeId::from_index(i))));
        all.extend((0..p.awards.len()).map(|i| Decision::Award(AwardId::from_index(i))));
        if !p.tiers.is_empty() {
            all.push(Decision::Grades);
        }
        let reads: Vec<Vec<Decision>> = all.iter().map(|d| reads_of(p, *d)).collect();
        let mut done: Vec<Decision> = Vec::with_capacity(all.len());
        while done.len() < all.len() {
            let ready = all.iter().zip(&reads).find(|(d, r)| {
                !done.contains(d) && r.iter().all(|x| done.contains(x) || !all.contains(x))
            });
            let next = match ready {
                Some((d, _)) => *d,
                None => match all.iter().find(|d| !done.contains(d)) {
                    Some(d) => *d,
                    None => break,
                },
            };
            done.push(next);
        }
        self.p.decisions = done;
    }
}

/// The decisions decision `d` reads.
fn reads_of(p: &crate::ir::Program, d: Decision) -> Vec<Decision> {
    let mut out = Vec::new();
    match d {
        Decision::Outcome(o) => cond_reads(&p[o].cond, &mut out),
        Decision::Award(a) => {
            for e in &p[a].exclusions {
                match e.what {
                    Excl::Outcome(o) => out.push(Decision::Outcome(o)),
                    Excl::Grade(_) => out.push(Decision::Grades),
                    Excl::Award(x) => out.push(Decision::Award(x)),
                    _ => {}
                }
            }
        }
        Decision::Grades => {
            for t in &p.tiers {
                if let Some(c) = &t.cond {
                    cond_reads(c, &mut out);
                }
            }
        }
    }
    out
}

fn cond_reads(c: &CondIr, out: &mut Vec<Decision>) {
    match c {
        CondIr::Or(list) | CondIr::And(list) => list.iter().for_each(|x| cond_reads(x, out)),
        CondIr::Not(inner) => cond_reads(inner, out),
        CondIr::Grade(_) => out.push(Decision::Grades),
        CondIr::Awarded(a) => out.push(Decision::Award(*a)),
        _ => {}
    }
}
