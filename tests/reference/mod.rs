//! An independent evaluator of kaohe policies, written from LANGUAGE.md §3,
//! §5 and §7 alone, to compare kaohe with (tests/reference.rs). It reads the
//! AST and the data JSON and shares no code with `src/compile`, `src/eval`
//! or `src/data`: every rule is applied again, in the plainest way, with
//! exact rationals (a rounding in kaohe must show, not be shared).
//!
//! - [`model`]: the policy's declarations gathered from the AST, literals read
//!   exactly from the policy's text;
//! - [`data`]: the unit data and its KH7xx problems (§5, §7.29);
//! - [`unit`]: one unit (§7.10–14): counting, rules, modifiers, caps,
//!   findings, scaled items, totals, vetoes;
//! - [`cond`]: the condition language (§7.19);
//! - [`decide`]: ranking, outcomes, awards, grades (§7.15–18);
//! - [`verdict`]: the form both evaluators are compared in, and the comparison;
//! - [`kaohe`]: kaohe's evaluation in that form (the only part that reads kaohe's results);
//! - [`campaign`]: one generated case through both, compared and classified;
//! - [`examples`]: a policy's `示例` as data and its `预期`, to check the reference by;
//! - [`hand`]: tests/evaluates.rs's hand-worked cases, read from its text;
//! - [`generate`]: random policies and data tuned to exercise the evaluator.

#![allow(dead_code)]

pub mod campaign;
pub mod cond;
pub mod data;
pub mod decide;
pub mod exact;
pub mod examples;
pub mod generate;
pub mod hand;
pub mod kaohe;
pub mod model;
pub mod unit;
pub mod verdict;

use serde_json::Value;

use data::Problem;
use model::Model;
use verdict::{EventVerdict, NotCounted, Ruled, UnitVerdict, Verdicts};

/// The reference's rulings on `data` under the policy `m`, or every problem
/// of the data.
pub fn run(m: &Model<'_>, data: &Value) -> Result<Verdicts, Vec<Problem>> {
    run_on(m, data, true)
}

/// [`run`] on data that need not hold every listed unit (an example's).
pub fn run_on(m: &Model<'_>, data: &Value, complete: bool) -> Result<Verdicts, Vec<Problem>> {
    let (units, mut problems) = data::read(m, data, complete);
    // Every problem in one run (§5): the events of every unit are checked
    // against their rules even when another part of the data is wrong.
    // A unit with a problem of its own has only its events checked; the
    // others are evaluated whole (KH712, KH401, KH715) whatever else is wrong.
    let refused: std::collections::BTreeSet<usize> =
        problems.iter().filter_map(|p| p.unit).collect();
    let mut evals = Vec::new();
    for u in &units {
        if refused.contains(&u.at) {
            problems.extend(unit::event_problems(m, u, u.at));
            continue;
        }
        match unit::evaluate(m, u, u.at) {
            Ok(e) => evals.push(e),
            Err(p) => problems.extend(p),
        }
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    let decided = decide::decide(m, &evals).map_err(|_| {
        vec![Problem {
            code: decide::TOO_MANY_WORLDS,
            unit: None,
            what: format!("more than {} worlds", decide::MAX_WORLDS),
        }]
    })?;
    Ok(evals
        .iter()
        .zip(decided)
        .map(|(u, d)| {
            let events = u
                .events
                .iter()
                .map(|e| {
                    let mut not_counted = Vec::new();
                    if e.outside {
                        not_counted.push(NotCounted::OutsideWindow);
                    }
                    if let Some(y) = e.skipped {
                        not_counted.push(NotCounted::CreditedIn(y));
                    }
                    if let Some(first) = e.status_repeated {
                        not_counted.push(NotCounted::StatusRepeated(first));
                    }
                    if let Some(of) = e.duplicate_of
                        && !e.used()
                    {
                        not_counted.push(NotCounted::Duplicate(of));
                    }
                    EventVerdict {
                        not_counted,
                        used: e.used(),
                        rule: e.rule,
                        base: e.base.clone(),
                        amount: e.amount.clone(),
                        modifiers: e.modifiers.clone(),
                        veto: e.vetoes.first().copied(),
                        finding: e.findings.first().copied(),
                        cleared: e.cleared.clone(),
                    }
                })
                .collect();
            let mut caps = u.caps.clone();
            caps.sort();
            let verdict = UnitVerdict {
                group: u.data.group.clone(),
                items: m
                    .items
                    .iter()
                    .zip(&u.contributions)
                    .map(|(i, c)| (i.name.clone(), c.clone()))
                    .collect(),
                base: u.base.clone(),
                bonus: u.bonus.clone(),
                deduction: u.deduction.clone(),
                total: u.total.clone(),
                vetoed: u.vetoed,
                any_bonus: u.any_bonus,
                any_deduct: u.any_deduct,
                findings: u.findings.iter().copied().collect(),
                place: d.place,
                awards: m
                    .awards
                    .iter()
                    .zip(d.eligible.iter().zip(&d.selection))
                    .map(|(a, (ok, s))| (a.name.clone(), Ruled::worlds(ok), Ruled::worlds(s)))
                    .collect(),
                outcomes: m
                    .outcomes
                    .iter()
                    .zip(&d.outcomes)
                    .map(|((name, _), o)| (name.clone(), Ruled::worlds(o)))
                    .collect(),
                grade: Ruled::worlds(&d.grade),
                payouts: d.payouts.iter().map(Ruled::worlds).collect(),
                events,
                caps,
            };
            (u.data.name.clone(), verdict)
        })
        .collect())
}
