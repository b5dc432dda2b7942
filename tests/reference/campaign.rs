//! One case of the comparison (tests/reference.rs): a policy and data
//! generated from a seed, kaohe's rulings and the reference's, and every
//! difference between them (none is classified away).

use std::collections::BTreeSet;

use kaohe::eval::Threads;
use kaohe::source::SourceFile;

use super::generate::data::Flavour;
use super::generate::{Rng, data, policy};
use super::model::Model;
use super::verdict::{differences, payout_totals};

/// What became of one case.
#[derive(Debug)]
pub enum Outcome {
    /// Both evaluated the data and agree on everything: what it exercised,
    /// and kaohe's conservative pendings (pending where every world agrees).
    Agreed(Vec<&'static str>, Vec<String>),
    /// The ties make more worlds than the reference enumerates: skipped.
    TooManyWorlds,
    /// Both refused the data, with the same codes.
    BothRefused,
    /// The generated policy has errors (its first code): skipped.
    PolicyError(String),
    /// Every difference, one per line.
    Disagreed(String),
}

/// A case: its policy text, its data, what came of it.
pub struct Case {
    pub policy: String,
    pub data: String,
    pub outcome: Outcome,
}

pub fn flavour(r: &mut Rng) -> Flavour {
    Flavour {
        long: *[0, 0, 10, 30].get(r.below(4)).unwrap(),
        errors: *[0, 0, 0, 2].get(r.below(4)).unwrap(),
        crowd: r.chance(5),
        coarse: r.chance(40),
    }
}

pub fn run_case(seed: u64) -> Case {
    let text = policy::policy(Rng::new(seed));
    let file = SourceFile::new("case.kh", text.clone());
    let built = kaohe::driver::build(&file);
    let Some(program) = &built.program else {
        let first = built
            .diags
            .iter()
            .find(|d| d.is_error())
            .map(|d| format!("{:?}", d.code()));
        if std::env::var_os("KAOHE_REFERENCE_SHOW_POLICY_ERRORS").is_some() {
            let errors: Vec<String> = built
                .diags
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.text(kaohe::i18n::Lang::En))
                .collect();
            eprintln!("seed {seed}: {errors:?}\n{text}");
        }
        return Case {
            policy: text,
            data: String::new(),
            outcome: Outcome::PolicyError(first.unwrap_or_default()),
        };
    };
    let model = Model::read(&built.policy, &file.text);
    let mut r = Rng::new(seed ^ 0x5EED_DA7A);
    let f = flavour(&mut r);
    let value = data::data(&model, &mut r, f);
    let json = value.to_string();
    let threads = if seed.is_multiple_of(2) {
        Threads::One
    } else {
        Threads::Two
    };
    let outcome = compare(program, &model, &value, &json, threads);
    Case {
        policy: text,
        data: json,
        outcome,
    }
}

pub fn compare(
    program: &kaohe::ir::Program,
    model: &Model<'_>,
    value: &serde_json::Value,
    json: &str,
    threads: Threads,
) -> Outcome {
    let theirs = crate::common::evaluate(program, json, threads);
    let ours = super::run(model, value);
    match (theirs, ours) {
        (Ok(_), Err(problems))
            if problems
                .iter()
                .any(|p| p.code == super::decide::TOO_MANY_WORLDS) =>
        {
            Outcome::TooManyWorlds
        }
        (Ok(e), Ok(v)) => {
            let k = super::kaohe::verdicts(program, &e, json);
            let tiers: Vec<String> = model.tiers.iter().map(|t| t.name.text.clone()).collect();
            let mut c = differences(&k, &v, &tiers);
            let lines: Vec<_> = model
                .payouts
                .iter()
                .map(|x| (x.amount.clone(), x.measure.clone(), x.value.clone()))
                .collect();
            let totals = super::kaohe::payout_totals(&e);
            c.differences.extend(payout_totals(&lines, &k, &v, &totals));
            if c.differences.is_empty() {
                Outcome::Agreed(coverage(&v), c.conservative)
            } else {
                Outcome::Disagreed(c.differences.join("\n"))
            }
        }
        (Err(diags), Err(problems)) => {
            let k: BTreeSet<String> = diags.iter().map(|d| format!("{:?}", d.code())).collect();
            let r: BTreeSet<String> = problems.iter().map(|p| p.code.to_string()).collect();
            if k == r {
                Outcome::BothRefused
            } else {
                Outcome::Disagreed(format!(
                    "both refuse the data, kaohe with {k:?}, the reference with {r:?}:\n{problems:#?}"
                ))
            }
        }
        (Ok(_), Err(problems)) => Outcome::Disagreed(format!(
            "only the reference refuses the data: {problems:#?}"
        )),
        (Err(diags), Ok(_)) => {
            let list: Vec<String> = diags
                .iter()
                .map(|d| format!("{:?}: {}", d.code(), d.text(kaohe::i18n::Lang::En)))
                .collect();
            Outcome::Disagreed(format!("only kaohe refuses the data: {list:#?}"))
        }
    }
}

/// The fields a disagreement is about: each line's words before `:` without
/// the unit's name and numbers.
pub fn signature(why: &str) -> String {
    let mut fields: BTreeSet<String> = BTreeSet::new();
    for line in why.lines() {
        let Some((head, _)) = line.split_once(':') else {
            continue;
        };
        let words: Vec<&str> = head
            .split_whitespace()
            .skip(1)
            .filter(|w| w.parse::<f64>().is_err())
            .collect();
        fields.insert(if words.is_empty() {
            head.to_string()
        } else {
            words.join(" ")
        });
    }
    fields.into_iter().collect::<Vec<_>>().join(", ")
}

/// What an agreed case exercised, to see that the generator reaches every
/// part of the evaluator.
pub fn coverage(v: &super::verdict::Verdicts) -> Vec<&'static str> {
    use super::decide::{Grade, Selection};
    use super::verdict::Ruled;
    let mut seen = BTreeSet::new();
    let units: Vec<_> = v.values().collect();
    for u in &units {
        let mut see = |cond: bool, what: &'static str| {
            if cond {
                seen.insert(what);
            }
        };
        see(u.vetoed, "veto");
        see(!u.findings.is_empty(), "finding");
        see(u.events.iter().any(|e| e.cleared.is_some()), "item cleared");
        see(
            u.caps
                .iter()
                .any(|c| matches!(c.0, super::unit::Capped::Rule(_))),
            "rule cap bit",
        );
        see(
            u.caps
                .iter()
                .any(|c| matches!(c.0, super::unit::Capped::Section(_))),
            "section cap bit",
        );
        see(u.events.iter().any(|e| !e.modifiers.is_empty()), "modifier");
        see(
            u.events.iter().any(|e| e.modifiers.len() > 1),
            "two modifiers",
        );
        see(
            u.events.iter().any(|e| {
                e.not_counted
                    .contains(&super::verdict::NotCounted::OutsideWindow)
            }),
            "outside window",
        );
        see(
            u.events.iter().any(|e| {
                matches!(
                    e.not_counted.as_slice(),
                    [super::verdict::NotCounted::CreditedIn(_)]
                )
            }),
            "skipped year",
        );
        see(
            u.events.iter().any(|e| e.not_counted.is_empty() && !e.used),
            "no rule",
        );
        let one = |r: &Ruled<Selection>, s: Selection| r.settled() == Some(&s);
        see(u.awards.iter().any(|a| a.2.is_pending()), "award pending");
        see(
            u.awards.iter().any(|a| a.1.is_pending()),
            "eligibility pending",
        );
        see(
            u.awards.iter().any(|a| one(&a.2, Selection::Selected)),
            "award selected",
        );
        see(
            u.awards
                .iter()
                .any(|a| a.1.settled() == Some(&true) && one(&a.2, Selection::NotSelected)),
            "eligible not selected",
        );
        see(
            u.awards.iter().any(|a| a.1.settled() == Some(&false)),
            "award excluded",
        );
        see(u.grade.is_pending(), "grade pending");
        see(matches!(u.grade.settled(), Some(Grade::Tier(_))), "grade");
        see(
            u.grade.settled() == Some(&Grade::None) && !u.vetoed,
            "no grade",
        );
        see(
            u.outcomes.iter().any(|o| o.1.settled() == Some(&true)),
            "outcome true",
        );
        see(
            u.outcomes.iter().any(|o| o.1.settled() == Some(&false)),
            "outcome false",
        );
        see(
            u.outcomes.iter().any(|o| o.1.is_pending()),
            "outcome pending",
        );
        see(
            u.payouts.iter().any(|p| p.settled() == Some(&true)),
            "payout due",
        );
        see(u.payouts.iter().any(|p| p.is_pending()), "payout pending");
        see(
            u.place.is_some_and(|(r, _)| {
                units
                    .iter()
                    .any(|x| x.place.is_some_and(|(q, _)| q == r) && !std::ptr::eq(*x, *u))
            }),
            "rank tie",
        );
    }
    seen.into_iter().collect()
}
