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
//! Nothing is classified away: every disagreement fails. Even seeds read the
//! data with one thread, odd seeds with two. The two kaohe bugs the reference
//! found (a total past 28 digits rounded; KH712 hidden by another problem of
//! its unit) are fixed and kept as tests at the end of this file.

mod common;
// `tests/reference.rs` is this file: the module's folder is named explicitly.
#[path = "reference/mod.rs"]
mod reference;

use std::collections::BTreeMap;

use kaohe::eval::Threads;
use kaohe::source::SourceFile;
use reference::campaign::{Outcome, compare, run_case, signature};
use reference::model::Model;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn kaohe_agrees_with_the_reference() {
    let cases = env("KAOHE_REFERENCE_CASES", 10_000);
    let start = env("KAOHE_REFERENCE_SEED", 0);
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut covered: BTreeMap<&str, u64> = BTreeMap::new();
    // kaohe pending where every world agrees: not wrong, counted and shown.
    let (mut conservative, mut conservative_cases) = (0u64, 0u64);
    let mut example = None;
    for seed in start..start + cases {
        let case = run_case(seed);
        let label = match &case.outcome {
            Outcome::Agreed(..) => "agreed".to_string(),
            Outcome::TooManyWorlds => "too many worlds (skipped)".to_string(),
            Outcome::BothRefused => "data refused by both".to_string(),
            Outcome::PolicyError(code) => format!("policy error {code} (skipped)"),
            Outcome::Disagreed(_) => "disagreed".to_string(),
        };
        *counts.entry(label).or_default() += 1;
        if let Outcome::Agreed(seen, pending) = &case.outcome {
            for s in seen {
                *covered.entry(s).or_default() += 1;
            }
            if !pending.is_empty() {
                conservative_cases += 1;
                conservative += pending.len() as u64;
                if example.is_none() {
                    example = Some((
                        seed,
                        case.policy.clone(),
                        case.data.clone(),
                        pending.clone(),
                    ));
                }
            }
        }
        if let Outcome::Disagreed(why) = &case.outcome {
            failures.push((seed, case.policy.clone(), case.data.clone(), why.clone()));
        }
    }
    eprintln!("reference: {cases} cases from seed {start}: {counts:?}");
    eprintln!("agreed cases that saw: {covered:?}");
    eprintln!(
        "conservative pendings (kaohe pending, every world agrees): {conservative} in {conservative_cases} cases"
    );
    if let Some((seed, policy, data, pending)) = &example {
        eprintln!(
            "the first, seed {seed}:\n{}\npolicy:\n{policy}\ndata:\n{data}",
            pending.join("\n")
        );
    }
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
        "policies/hohhot-safety-2004.kh".to_string(),
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

/// kaohe and the reference agree on the shipped policies' sample data.
#[test]
fn kaohe_agrees_on_the_shipped_samples() {
    for name in ["shaoxing-2019", "shaoxing-2020", "hohhot-safety-2004"] {
        let policy = common::read(&format!("policies/{name}.kh"));
        let data = common::read(&format!("policies/{name}.sample.json"));
        agree(&policy, &data);
    }
}

/// The reference gives every fact of the hand-worked cases of
/// tests/evaluates.rs (read from that file's text).
#[test]
fn the_reference_meets_the_hand_worked_cases() {
    use reference::decide::{Grade, Selection};
    use reference::verdict::Ruled;
    let cases = reference::hand::cases(&common::read("tests/evaluates.rs"));
    assert!(cases.len() >= 50, "only {} cases", cases.len());
    let mut wrong = Vec::new();
    // Facts kaohe's authors wrote pending where every world agrees (kaohe's
    // conservative pendings): shown, not failed.
    let mut conservative = Vec::new();
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
                    "grade" => match (f.value.as_str(), word) {
                        ("none", _) => u.grade.settled() == Some(&Grade::None),
                        (t, Some("pending")) => {
                            // Pending at T: worlds disagree, T the earliest of them.
                            let Ruled::Worlds(worlds) = &u.grade else {
                                unreachable!()
                            };
                            let first = model
                                .tiers
                                .iter()
                                .find(|x| worlds.contains(&Grade::Tier(x.name.text.clone())));
                            if !u.grade.is_pending() {
                                conservative.push(format!("{} {unit} {f:?}: {u:?}", case.name));
                            }
                            !u.grade.is_pending() || first.is_some_and(|x| x.name.text == t)
                        }
                        (t, _) => u.grade.settled() == Some(&Grade::Tier(t.to_string())),
                    },
                    "award" => {
                        let (_, eligible, selection) =
                            u.awards.iter().find(|a| a.0 == f.value).unwrap();
                        let eligible = eligible.settled().copied();
                        let selection = selection.settled().copied();
                        let mut pending = || {
                            conservative.push(format!("{} {unit} {f:?}: {u:?}", case.name));
                            true
                        };
                        match word.unwrap() {
                            "excluded" => eligible == Some(false),
                            "eligible" => {
                                eligible == Some(true) && selection == Some(Selection::NoQuota)
                            }
                            "selected" => {
                                eligible == Some(true) && selection == Some(Selection::Selected)
                            }
                            "not_selected" => {
                                eligible == Some(true) && selection == Some(Selection::NotSelected)
                            }
                            "pending" if eligible == Some(true) && selection.is_none() => true,
                            "pending" => pending(),
                            "eligibility_pending" if eligible.is_none() => true,
                            "eligibility_pending" => pending(),
                            other => panic!("{other}"),
                        }
                    }
                    "outcome" => {
                        let (_, holds) = u.outcomes.iter().find(|o| o.0 == f.value).unwrap();
                        match (holds.settled(), word) {
                            (Some(h), _) if Some(h.to_string().as_str()) == word => true,
                            (None, Some("pending")) => true,
                            (Some(_), Some("pending")) => {
                                conservative.push(format!("{} {unit} {f:?}: {u:?}", case.name));
                                true
                            }
                            _ => false,
                        }
                    }
                    other => panic!("unknown fact {other}"),
                };
                if !ok {
                    wrong.push(format!("{} {unit} {f:?}: {u:?}", case.name));
                }
            }
        }
    }
    for c in &conservative {
        eprintln!("conservative pending (every world agrees): {c}");
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
    match compare(program, &model, &value, data, Threads::One) {
        Outcome::Agreed(..) | Outcome::BothRefused => {}
        Outcome::TooManyWorlds => panic!("too many worlds"),
        Outcome::Disagreed(why) => panic!("{why}"),
        Outcome::PolicyError(code) => panic!("{code}"),
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
/// significant digits. kaohe once ruled it 50 (rounded), tying 甲处 with 乙处
/// and leaving the one place of 先进 pending; now both kaohe and the
/// reference refuse the unit (KH715), since §1 promises exact or refused.
#[test]
fn a_total_of_more_than_28_digits_is_refused_by_both() {
    let data = r#"{"units":[{"unit":"甲处","scores":{"工作":50},"events":[{"kind":"表彰","date":"2019-03-01","points":0.0000000000000000000000000001}]},{"unit":"乙处","scores":{"工作":50}}]}"#;
    agree(TWO_UNITS, data);
}

/// 乙处's score is out of range (KH707) and its counted 表彰 has no points
/// (KH712): kaohe once reported only KH707, the KH712 showing only once the
/// score was mended. §5: "each is a KH7xx error … and *all* of them are
/// reported in one run".
#[test]
fn points_problems_of_a_unit_with_another_problem_are_reported() {
    let data = r#"{"units":[{"unit":"甲处","scores":{"工作":50}},{"unit":"乙处","scores":{"工作":101},"events":[{"kind":"表彰","date":"2019-03-01"}]}]}"#;
    agree(TWO_UNITS, data);
}

/// Two tiers with one place each; 甲处 and 乙处 tie (90) across 优秀's place,
/// 丙处 (80) is below them. Whoever the leadership gives 优秀, the other
/// falls through to 良好 (§3.12: "each unit takes the first tier whose
/// condition holds and whose quota has room") and takes its one place
/// before 丙处: 丙处 is 一般 in every case. kaohe once ruled 丙处 良好, settled;
/// it now counts the tied units among 良好's possible takers (丙处 pending).
#[test]
fn units_tied_across_a_tier_take_places_of_the_next() {
    let policy = "考核办法 \"并列\" {
    年度 2024
}
考核对象 {
    分组 处室 { 甲处, 乙处, 丙处 }
}
计分 满分 100 {
    工作 100
}
等次 {
    优秀 当 总分 >= 60 名额 1
    良好 当 总分 >= 60 名额 1
    一般 其余
}
";
    let data = r#"{"units":[{"unit":"甲处","scores":{"工作":90}},{"unit":"乙处","scores":{"工作":90}},{"unit":"丙处","scores":{"工作":80}}]}"#;
    agree(policy, data);
}

/// 甲处 and 乙处 tie (90) for 先进's one place; 优秀 is for 先进, 合格 has
/// one place. Whoever gets 先进 takes 优秀, the other (its condition false)
/// falls through to 合格 and takes its place before 丙处 (80): 丙处 is 一般
/// in every case. kaohe once ruled 丙处 合格, settled: a unit pending at a
/// tier because its condition reads a pending award must be counted
/// against a later tier's places too.
#[test]
fn a_unit_pending_at_a_tier_takes_a_place_of_the_next() {
    let policy = "考核办法 \"并列\" {
    年度 2024
}
考核对象 {
    分组 处室 { 甲处, 乙处, 丙处 }
}
计分 满分 100 {
    工作 100
}
评优 先进 {
    名额 1
}
等次 {
    优秀 当 获得 先进
    合格 当 总分 >= 60 名额 1
    一般 其余
}
";
    let data = r#"{"units":[{"unit":"甲处","scores":{"工作":90}},{"unit":"乙处","scores":{"工作":90}},{"unit":"丙处","scores":{"工作":80}}]}"#;
    agree(policy, data);
}

/// 甲处 and 乙处 tie (90) for 优秀's one place; 良好 has two. Exactly one of
/// them falls to 良好, so 丙处 (80) takes the other place of 良好 in every
/// resolution: kaohe rules it settled (a tie sends at most its surplus to
/// the next tier, not every tied unit). 丁处 (70) is 一般 in every
/// resolution; kaohe keeps it pending (conservative: it does not count the
/// units that surely fall).
#[test]
fn a_tie_sends_at_most_its_surplus_to_the_next_tier() {
    let policy = "考核办法 \"并列\" {
    年度 2024
}
考核对象 {
    分组 处室 { 甲处, 乙处, 丙处, 丁处 }
}
计分 满分 100 {
    工作 100
}
等次 {
    优秀 当 总分 >= 85 名额 1
    良好 当 总分 >= 60 名额 2
    一般 其余
}
";
    let data = r#"{"units":[{"unit":"甲处","scores":{"工作":90}},{"unit":"乙处","scores":{"工作":90}},{"unit":"丙处","scores":{"工作":80}},{"unit":"丁处","scores":{"工作":70}}]}"#;
    agree(policy, data);
    let json = common::eval(
        &SourceFile::new("p.kh", policy),
        &SourceFile::new("d.json", data),
        kaohe::report::Format::Json,
        kaohe::i18n::Lang::Zh,
        None,
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let unit = |name: &str| {
        v["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["unit"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(unit("丙处")["grade"], "良好");
    assert!(unit("丙处").get("grade_pending").is_none(), "settled");
    assert_eq!(unit("丁处")["grade_pending"], true);
}
