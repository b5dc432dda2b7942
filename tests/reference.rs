#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! kaohe against an independent reference evaluator (tests/reference/,
//! written from LANGUAGE.md §3, §5 and §7 with exact rationals) on random
//! policies and data: every unit's items, base, bonus, deduction, total,
//! veto, rank, awards (eligibility and selection), outcomes, grade, caps, and
//! what happened to every event must be the same; data one refuses the other
//! must refuse too, with the same KH7xx codes. A disagreement is a kaohe bug
//! or a misreading in the reference: either way it is a failure here.
//!
//! `KAOHE_REFERENCE_CASES=N` runs N cases (default: a CI-sized run),
//! `KAOHE_REFERENCE_SEED=S` starts at seed S; a long campaign is
//! `KAOHE_REFERENCE_CASES=1000000 cargo test --release --test reference`.

mod common;
// `tests/reference.rs` is this file: the module's folder is named explicitly.
#[path = "reference/mod.rs"]
mod reference;

use std::collections::{BTreeMap, BTreeSet};

use kaohe::eval::Threads;
use kaohe::source::SourceFile;
use reference::generate::data::Flavour;
use reference::generate::{Rng, data, policy};
use reference::model::Model;
use reference::verdict::differences;

/// What became of one case.
#[derive(Debug)]
enum Outcome {
    /// Both evaluated the data and agree on everything.
    Agreed(Vec<&'static str>),
    /// Both refused the data, with the same codes.
    BothRefused,
    /// The generated policy has errors (its first code): skipped.
    PolicyError(String),
    /// Every difference, one per line.
    Disagreed(String),
    /// A disagreement explained by a kaohe bug already kept as an ignored
    /// regression test below (see [`known_bug`]).
    KnownBug(&'static str),
}

/// A case: its policy text, its data, what came of it.
struct Case {
    policy: String,
    data: String,
    outcome: Outcome,
}

fn flavour(r: &mut Rng) -> Flavour {
    Flavour {
        long: *[0, 0, 10, 30].get(r.below(4)).unwrap(),
        errors: *[0, 0, 0, 2].get(r.below(4)).unwrap(),
        crowd: r.chance(5),
    }
}

fn run_case(seed: u64) -> Case {
    let text = policy::policy(Rng::new(seed));
    let file = SourceFile::new("case.kh", text.clone());
    let built = kaohe::driver::build(&file);
    let Some(program) = &built.program else {
        let first = built
            .diags
            .iter()
            .find(|d| d.is_error())
            .map(|d| format!("{:?}", d.code()));
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
    let strict = std::env::var_os("KAOHE_REFERENCE_STRICT").is_some();
    let threads = if seed % 2 == 0 {
        Threads::One
    } else {
        Threads::Two
    };
    let outcome = compare(program, &model, &value, &json, threads, strict);
    Case {
        policy: text,
        data: json,
        outcome,
    }
}

fn compare(
    program: &kaohe::ir::Program,
    model: &Model<'_>,
    value: &serde_json::Value,
    json: &str,
    threads: Threads,
    strict: bool,
) -> Outcome {
    let theirs = common::evaluate(program, json, threads);
    let ours = reference::run(model, value);
    match (theirs, ours) {
        (Ok(e), Ok(v)) => {
            let k = reference::kaohe::verdicts(program, &e, json);
            let d = differences(&k, &v);
            if d.is_empty() {
                Outcome::Agreed(coverage(&v))
            } else if let Some(bug) = known_bug(&v).filter(|_| !strict) {
                Outcome::KnownBug(bug)
            } else {
                Outcome::Disagreed(d.join("\n"))
            }
        }
        (Err(diags), Err(problems)) => {
            let k: BTreeSet<String> = diags.iter().map(|d| format!("{:?}", d.code())).collect();
            let r: BTreeSet<String> = problems.iter().map(|p| p.code.to_string()).collect();
            if k == r {
                Outcome::BothRefused
            } else if hidden_points_problem(&k, &problems) && !strict {
                Outcome::KnownBug(HIDDEN_KH712)
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

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn kaohe_agrees_with_the_reference() {
    let cases = env("KAOHE_REFERENCE_CASES", 300);
    let start = env("KAOHE_REFERENCE_SEED", 0);
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut covered: BTreeMap<&str, u64> = BTreeMap::new();
    for seed in start..start + cases {
        let case = run_case(seed);
        let label = match &case.outcome {
            Outcome::Agreed(_) => "agreed".to_string(),
            Outcome::BothRefused => "data refused by both".to_string(),
            Outcome::PolicyError(code) => format!("policy error {code} (skipped)"),
            Outcome::Disagreed(_) => "disagreed".to_string(),
            Outcome::KnownBug(bug) => format!("known kaohe bug: {bug}"),
        };
        *counts.entry(label).or_default() += 1;
        if let Outcome::Agreed(seen) = &case.outcome {
            for s in seen {
                *covered.entry(s).or_default() += 1;
            }
        }
        if let Outcome::Disagreed(why) = &case.outcome {
            failures.push((seed, case.policy.clone(), case.data.clone(), why.clone()));
        }
    }
    eprintln!("reference: {cases} cases from seed {start}: {counts:?}");
    eprintln!("agreed cases that saw: {covered:?}");
    // Disagreements by what differs (units and event numbers left out), so
    // that one cause showing in many cases is read once.
    let mut kinds: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for (seed, _, _, why) in &failures {
        kinds.entry(signature(why)).or_default().push(*seed);
    }
    for (sig, seeds) in &kinds {
        eprintln!(
            "{} × [{sig}], seeds {:?}",
            seeds.len(),
            &seeds[..seeds.len().min(8)]
        );
    }
    if let Some((seed, policy, data, why)) = failures.first() {
        panic!(
            "{} disagreement(s); the first, seed {seed}:\n{why}\n\npolicy:\n{policy}\ndata:\n{data}",
            failures.len()
        );
    }
}

/// The fields a disagreement is about: each line's words before `:` without
/// the unit's name and numbers.
fn signature(why: &str) -> String {
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
fn coverage(v: &reference::verdict::Verdicts) -> Vec<&'static str> {
    use reference::decide::{Grade, Selection};
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
                .any(|c| matches!(c.0, reference::unit::Capped::Rule(_))),
            "rule cap bit",
        );
        see(
            u.caps
                .iter()
                .any(|c| matches!(c.0, reference::unit::Capped::Section(_))),
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
                    .contains(&reference::verdict::NotCounted::OutsideWindow)
            }),
            "outside window",
        );
        see(
            u.events.iter().any(|e| {
                matches!(
                    e.not_counted.as_slice(),
                    [reference::verdict::NotCounted::CreditedIn(_)]
                )
            }),
            "skipped year",
        );
        see(
            u.events.iter().any(|e| e.not_counted.is_empty() && !e.used),
            "no rule",
        );
        see(
            u.awards.iter().any(|a| a.2 == Selection::Pending),
            "award pending",
        );
        see(
            u.awards.iter().any(|a| a.2 == Selection::Selected),
            "award selected",
        );
        see(
            u.awards
                .iter()
                .any(|a| a.1 && a.2 == Selection::NotSelected),
            "eligible not selected",
        );
        see(u.awards.iter().any(|a| !a.1), "award excluded");
        see(matches!(u.grade, Grade::Pending(_)), "grade pending");
        see(matches!(u.grade, Grade::Tier(_)), "grade");
        see(matches!(u.grade, Grade::None) && !u.vetoed, "no grade");
        see(u.outcomes.iter().any(|o| o.1), "outcome true");
        see(u.outcomes.iter().any(|o| !o.1), "outcome false");
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

const ROUNDING: &str = "a value needing more than 28 significant digits is rounded silently";
const HIDDEN_KH712: &str = "KH712 is not reported for a unit with another data problem";

/// Which known kaohe bug explains a disagreement on data both evaluated:
/// the exact result has a number no 28-digit decimal can hold (kaohe, whose
/// decimals have 28 digits, can only be wrong there, and says nothing).
fn known_bug(v: &reference::verdict::Verdicts) -> Option<&'static str> {
    let inexact = v
        .values()
        .flat_map(|u| u.numbers())
        .any(|q| !reference::exact::is_decimal(q));
    inexact.then_some(ROUNDING)
}

/// Whether kaohe's codes are the reference's but for KH712 problems of
/// units that have another problem too (kaohe does not evaluate such a unit).
fn hidden_points_problem(kaohe: &BTreeSet<String>, problems: &[reference::data::Problem]) -> bool {
    let hidden: Vec<&reference::data::Problem> = problems
        .iter()
        .filter(|p| p.code == "KH712" && !kaohe.contains("KH712"))
        .collect();
    let other_problem =
        |unit: Option<usize>| problems.iter().any(|p| p.unit == unit && p.code != "KH712");
    let rest: BTreeSet<String> = problems
        .iter()
        .filter(|p| !hidden.contains(p))
        .map(|p| p.code.to_string())
        .collect();
    !hidden.is_empty() && hidden.iter().all(|p| other_problem(p.unit)) && rest == *kaohe
}

/// The policy of `file` and its AST, for the reference; panics on errors.
fn built(file: &SourceFile) -> kaohe::driver::Built {
    let built = kaohe::driver::build(file);
    assert!(built.program.is_some(), "{}: {:#?}", file.name, built.diags);
    built
}

/// The reference meets every `预期` of the examples in the repository's
/// policies: rulings worked out by their authors, so a misreading of the
/// reference shows without kaohe.
#[test]
fn the_reference_meets_the_examples_of_the_policies() {
    let mut files = vec![
        "policies/shaoxing-2019.kh".to_string(),
        "policies/shaoxing-2020.kh".to_string(),
    ];
    for entry in std::fs::read_dir(common::root().join("tests/corpus/ok")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "kh") {
            files.push(format!(
                "tests/corpus/ok/{}",
                path.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    let mut examples = 0;
    for rel in files {
        let file = common::file(&rel);
        let built = built(&file);
        let model = Model::read(&built.policy, &file.text);
        for example in common::rulings::examples(&built.policy) {
            let data = reference::examples::example_json(&model, example);
            let v = reference::run_on(&model, &data, false)
                .unwrap_or_else(|p| panic!("{rel} {}: {p:#?}", example.title.text));
            let unmet = reference::examples::unmet(&model, example, &v);
            assert!(
                unmet.is_empty(),
                "{rel} {}:\n{}",
                example.title.text,
                unmet.join("\n")
            );
            examples += 1;
        }
    }
    assert!(examples >= 30, "only {examples} examples");
}

/// The reference gives every fact of the hand-worked cases of
/// tests/evaluates.rs (read from that file's text).
#[test]
fn the_reference_meets_the_hand_worked_cases() {
    use reference::decide::{Grade, Selection};
    let cases = reference::hand::cases(&common::read("tests/evaluates.rs"));
    assert!(cases.len() >= 50, "only {} cases", cases.len());
    let mut wrong = Vec::new();
    for case in &cases {
        let file = SourceFile::new("case.kh", case.policy.clone());
        let built = built(&file);
        let model = Model::read(&built.policy, &file.text);
        let example = common::rulings::examples(&built.policy)[0];
        let data = reference::examples::example_json(&model, example);
        let v = reference::run_on(&model, &data, false)
            .unwrap_or_else(|p| panic!("{}: {p:#?}", case.name));
        for (unit, facts) in &case.units {
            let u = &v[unit];
            for f in facts {
                let number = || reference::exact::parse(&f.value).unwrap();
                let word = f.word.as_deref();
                let ok = match f.name.as_str() {
                    "total" => u.total == number(),
                    "bonus" => u.bonus == number(),
                    "deduct" => u.deduction == number(),
                    "rank" if f.value == "none" => u.place.is_none(),
                    "rank" => u.place.map(|p| p.0.to_string()) == Some(f.value.clone()),
                    "vetoed" => u.vetoed.to_string() == f.value,
                    "grade" => {
                        u.grade
                            == match (f.value.as_str(), word) {
                                ("none", _) => Grade::None,
                                (t, Some("pending")) => Grade::Pending(t.to_string()),
                                (t, _) => Grade::Tier(t.to_string()),
                            }
                    }
                    "award" => {
                        let (_, eligible, selection) =
                            u.awards.iter().find(|a| a.0 == f.value).unwrap();
                        match word.unwrap() {
                            "excluded" => !eligible,
                            "eligible" => *eligible && *selection == Selection::NoQuota,
                            "selected" => *eligible && *selection == Selection::Selected,
                            "not_selected" => *eligible && *selection == Selection::NotSelected,
                            "pending" => *eligible && *selection == Selection::Pending,
                            other => panic!("{other}"),
                        }
                    }
                    "outcome" => {
                        let (_, holds) = u.outcomes.iter().find(|o| o.0 == f.value).unwrap();
                        Some(holds.to_string().as_str()) == word
                    }
                    other => panic!("unknown fact {other}"),
                };
                if !ok {
                    wrong.push(format!("{} {unit} {f:?}: {u:?}", case.name));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// kaohe and the reference on one policy and its data, nothing classified.
fn agree(policy: &str, data: &str) {
    let file = SourceFile::new("bug.kh", policy);
    let built = built(&file);
    let model = Model::read(&built.policy, &file.text);
    let value: serde_json::Value = serde_json::from_str(data).unwrap();
    let program = built.program.as_ref().unwrap();
    match compare(program, &model, &value, data, Threads::One, true) {
        Outcome::Agreed(_) | Outcome::BothRefused => {}
        Outcome::Disagreed(why) => panic!("{why}"),
        other => panic!("{other:?}"),
    }
}

const TWO_UNITS: &str = "考核办法 \"舍入\" {
    年度 2019
}
考核对象 {
    分组 处室 { 甲处, 乙处 }
}
计分 满分 100 {
    工作 100
}
事项 表彰
加分 {
    表彰 => 至多 1
}
评优 先进 {
    名额 1
}
";

/// 甲处's total is exactly 50 + 0.0000000000000000000000000001, 30
/// significant digits: kaohe rules "总分 50 = 基础分 50 + 加分
/// 0.0000000000000000000000000001", ranks 甲处 and 乙处 (50) both first and
/// leaves the one place of 先进 pending between them; exactly, 甲处 is first
/// alone and selected. §1: "Exact. All points are decimals"; §3: "Nothing
/// silent". The same rounding shows in an amount (points × factors with more
/// than 28 places: 0.5432049837639341588685 × 1.5 × 0.0000001 is ruled
/// 0.0000000814807475645901238302, exactly 0.000000081480747564590123830275)
/// and in a scaled item's value × max ÷ S.
#[test]
#[ignore = "kaohe bug: a value needing more than 28 significant digits (a total, an amount) is rounded silently"]
fn kaohe_bug_a_total_of_more_than_28_digits_is_rounded() {
    let data = r#"{"units":[{"unit":"甲处","scores":{"工作":50},"events":[{"kind":"表彰","date":"2019-03-01","points":0.0000000000000000000000000001}]},{"unit":"乙处","scores":{"工作":50}}]}"#;
    agree(TWO_UNITS, data);
}

/// 乙处's score is out of range (KH707) and its counted 表彰 has no points
/// (KH712): kaohe reports only KH707, and the KH712 shows only once the
/// score is mended. §5: "each is a KH7xx error … and *all* of them are
/// reported in one run".
#[test]
#[ignore = "kaohe bug: KH712 (points) is not reported for a unit that has another data problem"]
fn kaohe_bug_points_problems_of_a_unit_with_another_problem_are_not_reported() {
    let data = r#"{"units":[{"unit":"甲处","scores":{"工作":50}},{"unit":"乙处","scores":{"工作":101},"events":[{"kind":"表彰","date":"2019-03-01"}]}]}"#;
    agree(TWO_UNITS, data);
}
