//! How long `kaohe check` takes on a large generated policy: 1,000 rules over
//! event kinds with 20 attributes each (issue 4: "well under a second").
//!
//! usage: cargo run --release --example analysis_bench [RULES] [ATTRIBUTES] [RUNS] [TESTS]
//!        cargo run --release --example analysis_bench -- --write FILE [RULES] [ATTRIBUTES]
//!        (writes the generated policy, for `lsp_bench`)
//!
//! The policy has 10 kinds; every kind has ATTRIBUTES attributes of 5 values,
//! and RULES/10 base rules testing 1–TESTS (default 3) random attributes each, so rules
//! overlap and leave gaps as a careless draft would; plus a modifier per kind,
//! a capped section, an award with exclusions and three outcomes. It prints
//! the median time of each stage over RUNS runs and the findings by code.

#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use kaohe::driver;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn policy(rules: usize, attributes: usize, tests_per_rule: usize) -> String {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let values = ["甲", "乙", "丙", "丁", "戊"];
    let mut s = String::from("考核办法 \"生成的大型办法\" {\n    年度 2019\n}\n");
    s.push_str("考核对象 {\n    分组 处室 { 一处, 二处, 三处, 四处, 五处, 等 }\n}\n");
    s.push_str("计分 满分 100 {\n    工作 60\n    作风 25\n    评价 15\n}\n");
    let kinds = 10;
    for k in 0..kinds {
        let attrs: Vec<String> = (0..attributes)
            .map(|a| format!("属性{a}: {}", values.join(" | ")))
            .collect();
        s.push_str(&format!("事项 事项{k} {{ {} }}\n", attrs.join("; ")));
    }
    s.push_str("加分 {\n    封顶 20\n");
    for i in 0..rules {
        let k = i % kinds;
        let mut tests = Vec::new();
        for _ in 0..1 + r.below(tests_per_rule) {
            let a = r.below(attributes);
            let picked: Vec<&str> = values.iter().copied().filter(|_| r.below(2) == 0).collect();
            let picked = if picked.is_empty() {
                vec![values[r.below(5)]]
            } else {
                picked
            };
            tests.push(format!("属性{a} 属于 {}", picked.join(" | ")));
        }
        let amount = match r.below(3) {
            0 => format!("{}", 1 + r.below(5)),
            1 => "1 至 3".to_string(),
            _ => "至多 4".to_string(),
        };
        s.push_str(&format!("    事项{k} {} => {amount}\n", tests.join(" ")));
    }
    for k in 0..kinds {
        s.push_str(&format!("    事项{k} 属性0 是 甲 => 减半\n"));
    }
    s.push_str("}\n");
    s.push_str("评优 先进 {\n    不含 末 1 名\n    名额 3\n}\n");
    s.push_str("处置 关注 当 总分 < 60\n处置 约谈 当 有 事项0 属性1 是 乙 且 总分 < 80\n处置 表扬 当 排名 <= 2\n");
    s
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs.get(xs.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let rules = args.first().copied().unwrap_or(1000);
    let attributes = args.get(1).copied().unwrap_or(20);
    let runs = args.get(2).copied().unwrap_or(5);
    let tests_per_rule = args.get(3).copied().unwrap_or(3).max(1);
    let text = policy(rules, attributes, tests_per_rule);
    let write = std::env::args().skip_while(|a| a != "--write").nth(1);
    if let Some(path) = write {
        std::fs::write(&path, &text).expect("the policy is written");
        println!("{rules} rules over {attributes} attributes written to {path}");
        return;
    }
    let file = kaohe::source::SourceFile::new("generated.kh", text.clone());
    let (mut parse, mut check, mut compile, mut analyze, mut whole) =
        (vec![], vec![], vec![], vec![], vec![]);
    let mut codes: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut steps = 0;
    for run in 0..runs {
        let t0 = Instant::now();
        let parsed = driver::parse(&file);
        let t1 = Instant::now();
        let checked = driver::check(driver::resolve(&parsed.policy));
        let t2 = Instant::now();
        let Some(policy) = checked.policy else {
            eprintln!(
                "the generated policy does not check: {:?}",
                checked.diags.first()
            );
            std::process::exit(1);
        };
        let program = driver::compile(&policy, &file);
        let t3 = Instant::now();
        let budget = kaohe::analysis::Budget::new(kaohe::analysis::budget::DEFAULT);
        let findings = kaohe::analysis::analyze(&program, &budget);
        steps = kaohe::analysis::budget::DEFAULT - budget.left();
        let t4 = Instant::now();
        parse.push(t1 - t0);
        check.push(t2 - t1);
        compile.push(t3 - t2);
        analyze.push(t4 - t3);
        whole.push(t4 - t0);
        if run == 0 {
            for d in &findings {
                *codes.entry(d.code().as_str()).or_default() += 1;
            }
        }
    }
    println!(
        "{rules} rules over {attributes} attributes ({} lines of policy), median of {runs} runs:",
        text.lines().count()
    );
    println!("  parse    {:>8.1} ms", median(parse).as_secs_f64() * 1e3);
    println!("  check    {:>8.1} ms", median(check).as_secs_f64() * 1e3);
    println!("  compile  {:>8.1} ms", median(compile).as_secs_f64() * 1e3);
    println!("  analyze  {:>8.1} ms", median(analyze).as_secs_f64() * 1e3);
    println!("  total    {:>8.1} ms", median(whole).as_secs_f64() * 1e3);
    println!("  findings: {codes:?}");
    println!("  budget spent: {steps} steps");
}
