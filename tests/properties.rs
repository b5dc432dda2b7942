#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::disallowed_methods
)]

//! Invariants of evaluation over generated data (LANGUAGE.md §3, §7):
//! total = base + bonus − deduction; every item within its range; caps hold;
//! a vetoed unit has no rank and no award; reordering units or events changes
//! nothing but order; the same input gives byte-identical output.
//!
//! The data is generated from the compiled program, so it is valid for the
//! policy under test: kinds and attribute values from their domains, points
//! within the matched rule's range, dates inside and outside the window.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

mod common;

use common::program;
use kaohe::data::Opened;
use kaohe::data::source::DataSource;
use kaohe::eval::decide::Selection;
use kaohe::eval::truth::Truth;
use kaohe::eval::{Evaluation, Threads};
use kaohe::ir::{AttrDomain, AwardId, OutcomeId, Program, RuleAmount, all_hold};

/// A small deterministic generator (xorshift), seeded by proptest.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    /// A decimal in [low, high] with two decimals.
    fn decimal(&mut self, low: Decimal, high: Decimal) -> Decimal {
        let cents = ((high - low) * Decimal::ONE_HUNDRED).trunc();
        let c = self.below(u64::try_from(cents).unwrap_or(0) + 1);
        low + Decimal::new(c as i64, 2)
    }
}

fn number(d: Decimal) -> Value {
    serde_json::from_str(&d.normalize().to_string()).unwrap()
}

fn event(p: &Program, g: &mut Gen) -> Value {
    let k = g.below(p.kinds.len() as u64) as usize;
    let kind = &p.kinds[k];
    let mut ev = serde_json::Map::new();
    ev.insert("kind".into(), json!(kind.name));
    let mut values = Vec::new();
    for a in &kind.attrs {
        let v = match &a.domain {
            AttrDomain::Values(vs) => g.below(vs.len() as u64) as u32,
            AttrDomain::Items => g.below(p.items.len() as u64) as u32,
        };
        values.push(v);
        let name = match &a.domain {
            AttrDomain::Values(vs) => vs[v as usize].clone(),
            AttrDomain::Items => p.items[v as usize].name.clone(),
        };
        ev.insert(a.name.clone(), json!(name));
    }
    let base = kind
        .base_rules
        .iter()
        .find(|r| all_hold(&p.rules[r.index()].tests, &values));
    if let Some(r) = base
        && let RuleAmount::Range { low, high, .. } = p.rules[r.index()].amount
    {
        ev.insert("points".into(), number(g.decimal(low, high)));
    }
    let year = p.year + g.below(5) as i32 / 2 - 1 + i32::from(g.below(4) != 0);
    let date = format!("{year:04}-{:02}-{:02}", 1 + g.below(12), 1 + g.below(28));
    ev.insert("date".into(), json!(date));
    if g.below(6) == 0 {
        ev.insert("credited_in".into(), json!(p.year - 1 + g.below(2) as i32));
    }
    Value::Object(ev)
}

/// Valid data: every declared unit, plus new units of open groups.
fn data(p: &Program, seed: u64) -> Value {
    let mut g = Gen(seed | 1);
    let open: Vec<&str> = p
        .groups
        .iter()
        .filter(|x| x.open)
        .map(|x| x.name.as_str())
        .collect();
    let extra = if open.is_empty() {
        0
    } else {
        g.below(25) as usize
    };
    let mut units = Vec::new();
    let names: Vec<(String, Option<String>)> = p
        .units
        .iter()
        .map(|u| (u.name.clone(), None))
        .chain((0..extra).map(|i| {
            let group = open[g.below(open.len() as u64) as usize].to_string();
            (format!("新单位{i}"), Some(group))
        }))
        .collect();
    for (name, group) in names {
        let mut scores = serde_json::Map::new();
        for leaf in &p.leaves {
            let item = &p.items[leaf.index()];
            let v = if g.below(3) == 0 {
                item.data_max()
            } else {
                g.decimal(Decimal::ZERO, item.data_max())
            };
            scores.insert(item.name.clone(), number(v));
        }
        let events: Vec<Value> = (0..g.below(6)).map(|_| event(p, &mut g)).collect();
        let mut u = json!({"unit": name, "scores": scores, "events": events});
        if let Some(gr) = group {
            u["group"] = json!(gr);
        }
        units.push(u);
    }
    json!({ "units": units })
}

fn evaluate(p: &Program, text: &str) -> Evaluation<'static> {
    let leaked: &'static str = Box::leak(text.to_string().into_boxed_str());
    common::evaluate(p, leaked, Threads::One).unwrap()
}

/// Everything decided about each unit, by name (order aside).
fn by_name(p: &Program, e: &Evaluation<'_>) -> BTreeMap<String, String> {
    e.table
        .rows
        .iter()
        .enumerate()
        .map(|(u, row)| {
            let awards: Vec<String> = (0..p.awards.len())
                .map(|a| {
                    let id = AwardId::from_index(a);
                    format!(
                        "{:?}/{:?}",
                        e.decisions.eligible(u, id),
                        e.decisions.selection(u, id)
                    )
                })
                .collect();
            let outcomes: Vec<Truth> = (0..p.outcomes.len())
                .map(|o| e.decisions.outcome(u, OutcomeId::from_index(o)))
                .collect();
            let facts = format!(
                "{:?} {:?} {:?} {awards:?} {outcomes:?} {:?}",
                row.result,
                e.ranks.rank[u],
                e.ranks.after[u],
                e.decisions.grade(u)
            );
            (row.name.to_string(), facts)
        })
        .collect()
}

fn check_invariants(p: &Program, e: &Evaluation<'_>, text: &'static str) {
    let source = DataSource::Json(text);
    for (u, row) in e.table.rows.iter().enumerate() {
        let r = &row.result;
        assert_eq!(r.total, r.base + r.bonus - r.deduction, "{}", row.name);
        assert!(r.bonus >= Decimal::ZERO && r.deduction >= Decimal::ZERO);
        for section in &p.sections {
            if let Some(cap) = section.cap {
                let sum = if section.direction == kaohe::ast::Direction::Bonus {
                    r.bonus
                } else {
                    r.deduction
                };
                let sections = p
                    .sections
                    .iter()
                    .filter(|x| x.direction == section.direction)
                    .count();
                if sections == 1 {
                    assert!(sum <= cap, "{}: {sum} above cap {cap}", row.name);
                }
            }
        }
        if r.vetoed {
            assert_eq!(e.ranks.rank[u], None, "a vetoed unit has no rank");
            for a in 0..p.awards.len() {
                let id = AwardId::from_index(a);
                assert_eq!(
                    e.decisions.eligible(u, id),
                    Truth::No,
                    "a vetoed unit has no award"
                );
                assert_ne!(e.decisions.selection(u, id), Selection::Selected);
            }
        }
        let ruling = e.ruling(p, &source, u).unwrap();
        for line in &ruling.explanation.items {
            let item = &p.items[line.item.index()];
            assert!(
                line.contribution >= Decimal::ZERO && line.contribution <= item.max,
                "{} {}",
                row.name,
                item.name
            );
        }
        for (rid, rule) in p.rules.iter().enumerate() {
            if let Some(cap) = rule.cap {
                let sum: Decimal = ruling
                    .explanation
                    .events
                    .iter()
                    .filter(|l| l.rule.map(|x| x.index()) == Some(rid))
                    .filter_map(|l| l.amount)
                    .sum();
                let capped = ruling
                    .explanation
                    .caps
                    .iter()
                    .any(|c| c.from == sum && c.to == cap);
                assert!(
                    sum <= cap || capped,
                    "rule cap {cap} reported when {sum} exceeds it"
                );
            }
        }
        assert_eq!(
            ruling.explanation.events.len(),
            ruling.input.events.len(),
            "every event is explained"
        );
    }
}

fn shuffled(mut v: Value, seed: u64, events_too: bool) -> Value {
    let mut g = Gen(seed | 1);
    let units = v["units"].as_array_mut().unwrap();
    for i in (1..units.len()).rev() {
        let j = g.below(i as u64 + 1) as usize;
        units.swap(i, j);
    }
    if events_too {
        for u in units.iter_mut() {
            let evs = u["events"].as_array_mut().unwrap();
            for i in (1..evs.len()).rev() {
                let j = g.below(i as u64 + 1) as usize;
                evs.swap(i, j);
            }
        }
    }
    v
}

fn rulings_json(p: &Program, text: &str) -> String {
    let leaked: &'static str = Box::leak(text.to_string().into_boxed_str());
    let opened = Opened {
        source: DataSource::Json(leaked),
        cells: None,
        findings: Vec::new(),
    };
    let rulings = kaohe::driver::rulings(p, &opened, &kaohe::progress::Quiet).unwrap();
    let run = kaohe::driver::RunInfo::default();
    let ctx = kaohe::report::Context::new(
        &rulings,
        &run,
        kaohe::i18n::Lang::Zh,
        None,
        &kaohe::progress::Quiet,
    );
    let mut out = Vec::new();
    kaohe::report::json::write(&ctx, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn properties(rel: &str, seed: u64, shuffle: u64) {
    let p = program(rel);
    let value = data(&p, seed);
    let text: &'static str = Box::leak(value.to_string().into_boxed_str());
    let e = evaluate(&p, text);
    check_invariants(&p, &e, text);
    let reordered = shuffled(value, shuffle, true).to_string();
    assert_eq!(
        by_name(&p, &e),
        by_name(&p, &evaluate(&p, &reordered)),
        "reordering changes only order"
    );
    assert_eq!(
        rulings_json(&p, text),
        rulings_json(&p, text),
        "byte-identical output"
    );
}

/// The same data as a workbook and as a CSV folder (made by `kaohe template
/// --data`'s library calls) gives byte-identical JSON rulings to the JSON.
fn sheets_agree(rel: &str, seed: u64) {
    use kaohe::data::DataFile;
    use kaohe::report::Format;
    use kaohe::source::SourceFile;
    let p = program(rel);
    let text = data(&p, seed).to_string();
    let policy = common::file(rel);
    let json_file = DataFile::Text(SourceFile::new("data.json", text.clone()));
    let rulings = |data: &DataFile| {
        let out = common::eval_data(&policy, data, Format::Json, kaohe::i18n::Lang::Zh, None);
        String::from_utf8(out.unwrap().0).unwrap()
    };
    let expected = rulings(&json_file);
    let source = DataSource::Json(&text);
    let sheets = kaohe::template::workbook(&p, kaohe::i18n::Lang::Zh, Some(&source)).unwrap();
    let dir = std::env::temp_dir().join(format!("kaohe-prop-sheets-{}-{seed}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("data.xlsx");
    std::fs::write(&book, kaohe::template::xlsx::write(&sheets).unwrap()).unwrap();
    let folder = dir.join("csv");
    kaohe::template::csv::write(&sheets, &folder).unwrap();
    for path in [&book, &folder] {
        let file = DataFile::load(path).map_err(|(_, d)| d).unwrap();
        assert_eq!(rulings(&file), expected, "{}", path.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn sheets_give_the_rulings_of_json_for_the_2019_policy(seed in any::<u64>()) {
        sheets_agree("bench/shaoxing-2019-open.kh", seed);
    }

    #[test]
    fn sheets_give_the_rulings_of_json_with_caps_scales_and_grades(seed in any::<u64>()) {
        sheets_agree("tests/corpus/ok/features-2b.kh", seed);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_2019_policy(seed in any::<u64>(), shuffle in any::<u64>()) {
        properties("bench/shaoxing-2019-open.kh", seed, shuffle);
    }

    #[test]
    fn a_policy_with_caps_scales_and_grades(seed in any::<u64>(), shuffle in any::<u64>()) {
        properties("tests/corpus/ok/features-2b.kh", seed, shuffle);
    }
}
