#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Witnesses are proven, not asserted (issue 4): over generated policies,
//! every finding that carries a witness is replayed from its JSON, through the
//! ordinary reader and evaluator, and must show what the finding claims.

use proptest::prelude::*;

mod common;

use kaohe::diag::{Code, Diag, Message};
use kaohe::eval::Threads;
use kaohe::eval::decide::Grade;
use kaohe::ir::{AwardId, OutcomeId, Program};
use kaohe::source::SourceFile;

struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const VALUES: [&str; 5] = ["甲", "乙", "丙", "丁", "戊"];

/// A random policy that the front end accepts (names, weights, ranges are
/// right by construction); its rules, caps, exclusions and conditions are
/// random, so the analysis has overlaps, gaps, caps and conflicts to find.
fn policy(seed: u64) -> String {
    let mut g = Gen(seed | 1);
    let mut s = String::from("考核办法 \"生成\" {\n    年度 2019\n}\n考核对象 {\n");
    let open = g.chance(40);
    let units = 2 + g.below(4);
    let members: Vec<String> = (0..units).map(|i| format!("单位{i}")).collect();
    if open {
        s.push_str(&format!("    分组 处室 {{ {}, 等 }}\n", members.join(", ")));
    } else {
        s.push_str(&format!("    分组 处室 {{ {} }}\n", members.join(", ")));
    }
    s.push_str("    分组 中心 { 中心甲 }\n}\n");
    let items = [("工作", 60), ("作风", 25), ("评价", 15)];
    s.push_str("计分 满分 100 {\n");
    for (name, max) in items {
        s.push_str(&format!("    {name} {max}\n"));
    }
    s.push_str("}\n");
    let kinds = 1 + g.below(3);
    let mut attrs_of: Vec<Vec<(String, usize)>> = Vec::new();
    for k in 0..kinds {
        let n_attrs = g.below(3);
        let attrs: Vec<(String, usize)> = (0..n_attrs)
            .map(|a| (format!("属性{a}"), 2 + g.below(3)))
            .collect();
        let decl: Vec<String> = attrs
            .iter()
            .map(|(a, n)| format!("{a}: {}", VALUES[..*n].join(" | ")))
            .collect();
        if decl.is_empty() {
            s.push_str(&format!("事项 事项{k}\n"));
        } else {
            s.push_str(&format!("事项 事项{k} {{ {} }}\n", decl.join("; ")));
        }
        attrs_of.push(attrs);
    }
    let condition = |g: &mut Gen, k: usize| -> String {
        let attrs = &attrs_of[k];
        if attrs.is_empty() || g.chance(40) {
            return String::new();
        }
        let (a, n) = &attrs[g.below(attrs.len())];
        let values: Vec<&str> = VALUES[..*n]
            .iter()
            .copied()
            .filter(|_| g.chance(50))
            .collect();
        match values.as_slice() {
            [] => format!(" {a} 是 {}", VALUES[0]),
            [one] => format!(" {a} 是 {one}"),
            many => format!(" {a} 属于 {}", many.join(" | ")),
        }
    };
    for direction in ["加分", "扣分"] {
        if !g.chance(80) {
            continue;
        }
        s.push_str(&format!("{direction} {{\n"));
        if g.chance(40) {
            s.push_str(&format!("    封顶 {}\n", 2 + g.below(8)));
        }
        for _ in 0..1 + g.below(4) {
            let k = g.below(kinds);
            // Long decimals too: a witness's points must reach the data
            // exactly (2.9999999999999999999 once came out as 3.0).
            let amount = match g.below(7) {
                0 => format!("{}", 1 + g.below(6)),
                1 => format!("1 至 {}", 2 + g.below(5)),
                2 => format!("至多 {}", 1 + g.below(5)),
                3 => "减半".to_string(),
                4 => format!(
                    "0.0000000000000000001 至 {}.9999999999999999999",
                    1 + g.below(4)
                ),
                5 => format!("{}.0000000000000000001", 1 + g.below(4)),
                _ => format!("{}.5", g.below(3)),
            };
            let cap = if g.chance(20) {
                format!(" 封顶 {}", 1 + g.below(4))
            } else {
                String::new()
            };
            let cap = if amount == "减半" {
                String::new()
            } else {
                cap
            };
            s.push_str(&format!(
                "    事项{k}{} => {amount}{cap}\n",
                condition(&mut g, k)
            ));
        }
        s.push_str("}\n");
    }
    let outcomes = ["关注", "约谈"];
    let conds = [
        "总分 < 70",
        "有 扣分",
        "排名 > 2",
        "末 1 名",
        "属于 中心",
        "总分 >= 95 且 非 有 扣分",
        "工作 < 30",
    ];
    for o in outcomes {
        if g.chance(70) {
            s.push_str(&format!("处置 {o} 当 {}\n", g.pick(&conds)));
        }
    }
    if g.chance(80) {
        s.push_str("评优 先进 {\n");
        for e in ["末 1 名", "否决", "中心", "单位0"] {
            if g.chance(40) {
                s.push_str(&format!("    不含 {e}\n"));
            }
        }
        if g.chance(30) {
            s.push_str(&format!("    名额 {}\n", 1 + g.below(5)));
        }
        s.push_str("}\n");
    }
    if g.chance(40) {
        s.push_str("等次 {\n    优秀 当 总分 >= 90\n");
        if g.chance(50) {
            s.push_str("    良好 当 总分 >= 75\n");
        }
        s.push_str("    合格 当 总分 >= 60\n}\n");
    }
    s
}

/// The program even when the analysis found errors (to replay KH401 witnesses).
fn compiled(file: &SourceFile) -> Option<Program> {
    let parsed = kaohe::driver::parse(file);
    if parsed.has_errors() {
        return None;
    }
    let checked = kaohe::driver::check(kaohe::driver::resolve(&parsed.policy));
    checked.policy.map(|c| kaohe::driver::compile(&c, file))
}

/// Replays a witness's JSON and checks the finding's claim.
fn replay(p: &Program, d: &Diag) {
    let json = serde_json::to_string(d.witness.as_ref().unwrap()).unwrap();
    let text: &'static str = Box::leak(json.into_boxed_str());
    let result = common::evaluate(p, text, Threads::One);
    let source = kaohe::data::source::DataSource::Json(text);
    let code = d.code();
    if code == Code::KH401 {
        let errors = result.unwrap_err();
        assert!(
            errors.iter().any(|e| e.code() == Code::KH401),
            "{json_}",
            json_ = text
        );
        return;
    }
    let e = result.unwrap_or_else(|ds| panic!("witness of {code:?} refused: {ds:?}\n{text}"));
    let w = e.table.rows.iter().position(|r| r.index == 0).unwrap();
    let row = &e.table.rows[w];
    match (&d.message, code) {
        (_, Code::KH402) => {
            let r = e.ruling(p, &source, w).unwrap();
            assert!(
                r.explanation.events.iter().any(|l| l.rule.is_none()),
                "{text}"
            );
        }
        (_, Code::KH303) => {
            let r = e.ruling(p, &source, w).unwrap();
            assert!(r.explanation.caps.iter().any(|c| c.from > c.to), "{text}");
        }
        (_, Code::KH304) => assert!(row.result.total > p.full, "{text}"),
        (Message::AwardAndSanction { award, outcome, .. }, _) => {
            let a = AwardId::from_index(p.awards.iter().position(|x| &x.name == award).unwrap());
            let o =
                OutcomeId::from_index(p.outcomes.iter().position(|x| &x.name == outcome).unwrap());
            assert!(
                e.decisions.eligible(w, a).is_yes() && e.decisions.outcome(w, o).is_yes(),
                "{text}"
            );
        }
        (Message::TierGap { total }, _) => {
            assert_eq!(row.result.total, *total);
            assert_eq!(e.decisions.grade(w), Grade::None);
        }
        other => panic!("unexpected witness on {other:?}"),
    }
}

fn witnesses_hold(seed: u64) -> usize {
    let text = policy(seed);
    let file = SourceFile::new("generated.kh", text.clone());
    let diags = kaohe::driver::build(&file).diags;
    let Some(p) = compiled(&file) else {
        panic!("generated policy has front-end errors: {diags:?}\n{text}");
    };
    let with_witness: Vec<&Diag> = diags.iter().filter(|d| d.witness.is_some()).collect();
    for d in &with_witness {
        replay(&p, d);
    }
    with_witness.len()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_witness_replays_to_its_finding(seed in any::<u64>()) {
        witnesses_hold(seed);
    }
}

/// The generated policies produce every kind of witness (so the property is
/// not vacuous), and each replays.
#[test]
fn generated_policies_have_every_kind_of_witness() {
    let mut seen: Vec<Code> = Vec::new();
    for seed in 1..=150u64 {
        witnesses_hold(seed * 7919);
        let file = SourceFile::new("generated.kh", policy(seed * 7919));
        for d in kaohe::driver::build(&file)
            .diags
            .into_iter()
            .filter(|d| d.witness.is_some())
        {
            if !seen.contains(&d.code()) {
                seen.push(d.code());
            }
        }
    }
    seen.sort();
    let expected = [
        Code::KH303,
        Code::KH304,
        Code::KH401,
        Code::KH402,
        Code::KH504,
        Code::KH505,
    ];
    assert_eq!(seen, expected.to_vec());
}
