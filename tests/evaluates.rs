#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The evaluator, one case per line or two (jaq's `yields!` style): a
//! policy fragment added to `BASE`, the units' data, and facts of units'
//! rulings, each worked out by hand from LANGUAGE.md §3 and §7 (the comment
//! above a case shows the arithmetic).
//!
//! ```text
//! name: "FRAGMENT", "DATA" => "UNIT" FACT, FACT… | "UNIT" FACT…;
//! ```
//!
//! DATA is the body of a `示例` with `;` between statements, where `甲处 35 18
//! 9` is short for `单位 甲处; 得分 重点 35, 常规 18, 评价 9`; it is evaluated
//! as `kaohe test` evaluates an example (its units only). FACT is `total N`,
//! `bonus N`, `deduct N`, `rank N` or `rank none`, `vetoed true|false`,
//! `grade "T"`, `grade "T" pending` or `grade none`, `award "A" STATE` (STATE:
//! `eligible`, `excluded`, `eligibility_pending`, `selected`, `not_selected`,
//! `pending`) and `outcome "O" true|false|pending`.

mod common;

use common::rulings::{evaluate_example, example_data, examples};
use kaohe::eval::decide::{Grade, Selection};
use kaohe::eval::truth::Truth;
use kaohe::ir::{AwardId, OutcomeId};
use kaohe::source::SourceFile;
use rust_decimal::Decimal;

/// Four units in two groups; `工作` has two leaves, `评价` is given on a 0–10
/// scale (×4), so `甲处 35 18 9` has a base of 35 + 18 + 36 = 89. The window
/// ends on 11-30 and events credited in 2018 are skipped.
const BASE: &str = "考核办法 \"测试\" {
    年度 2019
    期间 2019-01-01 至 2019-11-30
    除外 已计年度 2018
}
考核对象 {
    分组 处室 { 甲处, 乙处, 丙处 }
    分组 中心 { 丁中心 }
}
计分 满分 100 {
    工作 60 { 重点 40; 常规 20 }
    评价 40 按 10 折算
}
事项 表彰 { 层级: 国家 | 省 | 市; 对象: 集体 | 个人 }
事项 批示肯定
事项 通报批评 { 责任: 主要 | 次要 }
事项 事故
事项 造假 { 项目: 计分项 }
";

/// `甲处 35 18 9` → `单位 甲处; 得分 重点 35, 常规 18, 评价 9`; other statements as written.
fn expand(data: &str) -> String {
    let statements: Vec<String> = data
        .split(';')
        .map(|s| {
            let words: Vec<&str> = s.split_whitespace().collect();
            match words.as_slice() {
                [unit, a, b, c] if a.parse::<Decimal>().is_ok() => {
                    format!("单位 {unit}\n    得分 重点 {a}, 常规 {b}, 评价 {c}")
                }
                _ => s.trim().to_string(),
            }
        })
        .collect();
    statements.join("\n    ")
}

/// The value of one fact of `unit`'s ruling, written as a case writes it.
fn actual(fact: &str, args: &[String], s: &State<'_>) -> String {
    let p = s.program;
    let (e, u) = (s.evaluation, s.row);
    let r = &e.table.rows[u].result;
    match fact {
        "total" => r.total.normalize().to_string(),
        "bonus" => r.bonus.normalize().to_string(),
        "deduct" => r.deduction.normalize().to_string(),
        "rank" => e.ranks.rank[u].map_or("none".to_string(), |n| n.to_string()),
        "vetoed" => r.vetoed.to_string(),
        "grade" => match e.decisions.grade(u) {
            Grade::Tier(t) => p.tiers[t.index()].name.clone(),
            Grade::Pending(t) => format!("{} pending", p.tiers[t.index()].name),
            Grade::None => "none".to_string(),
        },
        "award" => {
            let a = p.awards.iter().position(|a| a.name == args[0]);
            let a = AwardId::from_index(a.unwrap_or_else(|| panic!("no award {}", args[0])));
            let state = match (e.decisions.eligible(u, a), e.decisions.selection(u, a)) {
                (Truth::No, _) => "excluded",
                (Truth::Pending, _) => "eligibility_pending",
                (Truth::Yes, Selection::NoQuota) => "eligible",
                (Truth::Yes, Selection::Selected) => "selected",
                (Truth::Yes, Selection::NotSelected) => "not_selected",
                (Truth::Yes, Selection::Pending) => "pending",
            };
            format!("{} {state}", args[0])
        }
        "outcome" => {
            let o = p.outcomes.iter().position(|o| o.name == args[0]);
            let o = OutcomeId::from_index(o.unwrap_or_else(|| panic!("no outcome {}", args[0])));
            let state = match e.decisions.outcome(u, o) {
                Truth::Yes => "true",
                Truth::No => "false",
                Truth::Pending => "pending",
            };
            format!("{} {state}", args[0])
        }
        other => panic!("unknown fact {other}"),
    }
}

struct State<'a> {
    program: &'a kaohe::ir::Program,
    evaluation: &'a kaohe::eval::Evaluation<'a>,
    row: usize,
}

/// A fact as the case writes it: its name and its words, quotes removed.
type Fact<'a> = (&'a str, &'a [&'a str]);

/// Builds `BASE` + `fragment` with the data as its example, evaluates it and
/// compares every fact of every listed unit; all differences are reported.
fn check(fragment: &str, data: &str, units: &[(&str, &[Fact<'_>])]) {
    let text = format!(
        "{BASE}{fragment}\n示例 \"case\" {{\n    {}\n}}\n",
        expand(data)
    );
    let file = SourceFile::new("case.kh", text);
    let built = kaohe::driver::build(&file);
    let Some(program) = &built.program else {
        panic!("{}\nhas errors: {:#?}", file.text, built.diags);
    };
    let example = examples(&built.policy)[0];
    let source = example_data(example, program.year);
    let evaluation = evaluate_example(program, &source)
        .unwrap_or_else(|d| panic!("{}\nbad data: {d:#?}", file.text));
    let brief = common::rulings::brief(program, &evaluation, &source);
    let mut wrong = Vec::new();
    for (unit, facts) in units {
        let row = evaluation.table.rows.iter().position(|r| r.name == *unit);
        let row = row.unwrap_or_else(|| panic!("no unit {unit} in the data"));
        let state = State {
            program,
            evaluation: &evaluation,
            row,
        };
        for (fact, words) in *facts {
            let args: Vec<String> = words
                .iter()
                .map(|w| w.trim_matches('"').to_string())
                .collect();
            let got = actual(fact, &args, &state);
            let expected = args.join(" ");
            let same = match (expected.parse::<Decimal>(), got.parse::<Decimal>()) {
                (Ok(a), Ok(b)) => a == b,
                _ => expected == got,
            };
            if !same {
                wrong.push(format!("{unit} {fact}: expected {expected}, got {got}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{}\n\nrulings:\n{brief}",
        wrong.join("\n")
    );
}

macro_rules! evaluates {
    ($(
        $(#[$attr:meta])*
        $name:ident: $fragment:expr, $data:expr =>
            $($unit:literal $($fact:ident $value:tt $($word:ident)?),+)|+;
    )*) => {$(
        $(#[$attr])*
        #[test]
        fn $name() {
            check($fragment, $data, &[$(
                ($unit, &[$(
                    (stringify!($fact), &[stringify!($value), $(stringify!($word),)?][..]),
                )+][..]),
            )+]);
        }
    )*};
}

evaluates! {
    // `仅 处室`: 甲处 gets 3; 丁中心 (20 + 10 + 20 = 50) matches only that rule, so nothing.
    a_rule_for_a_group_only: "加分 { 表彰 => 3 仅 处室 }",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01 }; 丁中心 20 10 5; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01 }"
        => "甲处" bonus 3, total 92 | "丁中心" bonus 0, total 50;
    // `不含 甲处` sends 甲处 to the other rule (1); 乙处 (30 + 15 + 32 = 77) gets 3.
    an_excluded_unit_takes_the_rule_written_for_it: "加分 { 表彰 => 3 不含 甲处; 表彰 => 1 仅 甲处 }",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01 }; 乙处 30 15 8; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01 }"
        => "甲处" bonus 1, total 90 | "乙处" bonus 3, total 80;
    // A section line `仅 中心` limits every rule of the section: 丁中心 − 2 − 1.
    a_section_scope_limits_each_rule: "扣分 { 仅 中心; 通报批评 责任 是 主要 => 2; 事故 => 1 }",
        "甲处 35 18 9; 事项 事故 { 日期 03-01 }; 丁中心 20 10 5; 事项 通报批评 { 责任 主要, 日期 03-01 }; 事项 事故 { 日期 04-01 }"
        => "甲处" deduct 0, total 89 | "丁中心" deduct 3, total 47;
    // A modifier limited to 处室 halves 甲处's 3 but not 丁中心's.
    a_modifier_limited_to_units: "加分 { 表彰 => 3; 表彰 对象 是 个人 => 减半 仅 处室 }",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 个人, 日期 03-01 }; 丁中心 20 10 5; 事项 表彰 { 层级 国家, 对象 个人, 日期 03-01 }"
        => "甲处" bonus 1.5 | "丁中心" bonus 3;
    // 国家 3 and 省 1 share 编号 A: only the 3 counts; the event without an id counts too: 3 + 1.
    the_same_id_counts_once_at_its_highest: "加分 { 同一 编号 只计 最高; 表彰 层级 是 国家 => 3; 表彰 层级 属于 省 | 市 => 1 }",
        "甲处 35 18 9; 事项 表彰 { 层级 省, 对象 集体, 日期 03-01, 编号 \"A\" }; 事项 表彰 { 层级 国家, 对象 集体, 日期 04-01, 编号 \"A\" }; 事项 表彰 { 层级 市, 对象 集体, 日期 05-01 }"
        => "甲处" bonus 4, total 93;
    // Duplicates go before the cap: 3 (A) + 3 = 6 under 7; counted twice it would be 9 → 7.
    duplicates_are_dropped_before_the_cap: "加分 { 封顶 7; 同一 编号 只计 最高; 表彰 => 3 }",
        "甲处 35 18 9; 事项 表彰 { 层级 省, 对象 集体, 日期 03-01, 编号 \"A\" }; 事项 表彰 { 层级 国家, 对象 集体, 日期 04-01, 编号 \"A\" }; 事项 表彰 { 层级 市, 对象 集体, 日期 05-01 }"
        => "甲处" bonus 6, total 95;
    // Deductions too: the same 通报 (编号 T) counted once, at its heaviest: 89 − 2.
    a_deduction_counts_once_at_its_heaviest: "扣分 { 同一 编号 只计 最高; 通报批评 责任 是 主要 => 2; 通报批评 责任 是 次要 => 1 }",
        "甲处 35 18 9; 事项 通报批评 { 责任 次要, 日期 03-01, 编号 \"T\" }; 事项 通报批评 { 责任 主要, 日期 04-01, 编号 \"T\" }"
        => "甲处" deduct 2, total 87;
    // Each section dedups its own events: the same id in two sections counts in both, 3 + 2.
    each_section_dedups_its_own_events: "加分 { 同一 编号 只计 最高; 表彰 => 3 }\n加分 { 同一 编号 只计 最高; 批示肯定 => 2 }",
        "甲处 35 18 9; 事项 表彰 { 层级 省, 对象 集体, 日期 03-01, 编号 \"A\" }; 事项 批示肯定 { 日期 04-01, 编号 \"A\" }"
        => "甲处" bonus 5, total 94;
    // Each group selects among its own units: 丁中心 (50) ranks last overall but
    // takes 中心's place; 处室's one place goes to 甲处 (89) before 乙处 (77).
    places_per_group_select_within_each_group: "评优 先进 { 名额 处室 1; 名额 中心 1 }",
        "甲处 35 18 9; 乙处 30 15 8; 丁中心 20 10 5"
        => "甲处" award "先进" selected | "乙处" award "先进" not_selected | "丁中心" award "先进" selected;
    // 甲处 and 乙处 both 89 across 处室's one place: both pending, never chosen silently.
    a_tie_across_a_groups_places_is_pending: "评优 先进 { 名额 处室 1; 名额 中心 1 }",
        "甲处 35 18 9; 乙处 35 18 9; 丁中心 20 10 5"
        => "甲处" award "先进" pending | "乙处" award "先进" pending | "丁中心" award "先进" selected;
    // 50% of 处室's 3 ranked units is 1 (rounded down); 中心 excluded.
    a_groups_percentage_counts_its_own_units: "评优 先进 { 不含 中心; 名额 处室 50% }",
        "甲处 35 18 9; 乙处 30 15 8; 丙处 20 10 5; 丁中心 40 20 10"
        => "甲处" award "先进" selected | "乙处" award "先进" not_selected | "丁中心" award "先进" excluded;
    // A yearly status without a date counts, once: 89 + 2; the repeat and its
    // date outside the window change nothing.
    a_yearly_status_counts_once_without_a_date: "事项 达标 年度状态\n加分 { 达标 => 2 }",
        "甲处 35 18 9; 事项 达标; 事项 达标 { 日期 2018-06-01 }" => "甲处" bonus 2, total 91;
    // 89 + 3.
    fixed_bonus_adds: "加分 { 表彰 => 3 }",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01 }" => "甲处" bonus 3, deduct 0, total 92, rank 1;
    // 评价 9 on a 0–10 scale contributes 9 × 40 / 10 = 36: 35 + 18 + 36.
    a_scaled_item_contributes_its_share: "", "甲处 35 18 9" => "甲处" total 89, bonus 0;
    // 3 + 3 = 6 under the rule's cap of 5.
    a_rule_cap_bounds_the_rules_sum: "加分 { 表彰 => 3 封顶 5 }",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01 }; 事项 表彰 { 层级 省, 对象 集体, 日期 04-01 }" => "甲处" bonus 5, total 94;
    // 3 + 2 = 5 under the section's cap of 4.
    a_section_cap_bounds_the_section: "加分 { 封顶 4; 表彰 => 3; 批示肯定 => 2 }",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01 }; 事项 批示肯定 { 日期 03-02 }" => "甲处" bonus 4, total 93;
    // 表彰 3 + 3 = 6 → 4 (rule cap), 批示肯定 2 + 2 = 4; 4 + 4 = 8 ≤ 9: the section cap
    // bounds the rule-capped amounts (the raw 10 would give 9).
    rule_caps_apply_before_the_section_cap: "加分 { 封顶 9; 表彰 => 3 封顶 4; 批示肯定 => 2 }",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01 }; 事项 表彰 { 层级 国家, 对象 集体, 日期 04-01 }; 事项 批示肯定 { 日期 05-01 }; 事项 批示肯定 { 日期 06-01 }"
        => "甲处" bonus 8, total 97;
    // 3 × 0.5.
    half_halves_the_base_amount: "加分 { 表彰 => 3; 表彰 对象 是 个人 => 减半 }",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 个人, 日期 03-01 }" => "甲处" bonus 1.5, total 90.5;
    // Every matching modifier multiplies: 3 × 0.5 × 0.8 = 1.2.
    modifiers_multiply_together: "加分 { 表彰 => 3; 表彰 对象 是 个人 => 减半; 表彰 层级 是 市 => 乘 0.8 }",
        "甲处 35 18 9; 事项 表彰 { 层级 市, 对象 个人, 日期 03-01 }" => "甲处" bonus 1.2, total 90.2;
    // The rule cap bounds amounts after modifiers (§7.11): 4 × 0.5 = 2 ≤ 3, not min(4, 3) × 0.5.
    a_rule_cap_bounds_the_amount_after_modifiers: "加分 { 表彰 => 4 封顶 3; 表彰 对象 是 个人 => 减半 }",
        "甲处 35 18 9; 事项 表彰 { 层级 省, 对象 个人, 日期 03-01 }" => "甲处" bonus 2, total 91;
    // `至多 2` is `0 至 2`: the data's 分值 1.5 is the amount.
    up_to_takes_the_points_of_the_data: "加分 { 批示肯定 => 至多 2 }",
        "甲处 35 18 9; 事项 批示肯定 { 日期 03-01, 分值 1.5 }" => "甲处" bonus 1.5, total 90.5;
    // 分值 2 is checked against 1 至 2, then halved: 1.
    a_range_takes_points_then_modifiers: "加分 { 表彰 层级 是 市 => 1 至 2; 表彰 层级 属于 国家 | 省 => 3; 表彰 对象 是 个人 => 减半 }",
        "甲处 35 18 9; 事项 表彰 { 层级 市, 对象 个人, 日期 03-01, 分值 2 }" => "甲处" bonus 1, total 90;
    // An event no base rule matches counts for nothing (the KH402 gap).
    an_event_no_rule_matches_adds_nothing: "加分 { 表彰 层级 是 国家 => 3 }",
        "甲处 35 18 9; 事项 表彰 { 层级 省, 对象 集体, 日期 03-01 }" => "甲处" bonus 0, total 89;
    // 5 + 2.5 + 2.5 = 10 under the deduction section's cap of 6: 89 − 6.
    deductions_subtract_under_their_cap: "扣分 { 封顶 6; 通报批评 责任 是 主要 => 5; 通报批评 责任 是 次要 => 2.5 }",
        "甲处 35 18 9; 事项 通报批评 { 责任 主要, 日期 03-01 }; 事项 通报批评 { 责任 次要, 日期 04-01 }; 事项 通报批评 { 责任 次要, 日期 05-01 }"
        => "甲处" deduct 6, bonus 0, total 83;
    // The window is 01-01 to 11-30, both ends counted: only the 11-30 event counts.
    events_outside_the_window_are_not_counted: "加分 { 表彰 => 3 }",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 集体, 日期 12-15 }; 事项 表彰 { 层级 国家, 对象 集体, 日期 2018-12-31 }; 事项 表彰 { 层级 国家, 对象 集体, 日期 11-30 }"
        => "甲处" bonus 3, total 92;
    // `除外 已计年度 2018` skips events credited in 2018 only; one credited in 2017 counts.
    only_the_listed_credited_year_is_skipped: "加分 { 表彰 => 3 }",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01, 已计年度 2018 }; 事项 表彰 { 层级 国家, 对象 集体, 日期 04-01, 已计年度 2017 }"
        => "甲处" bonus 3, total 92;
    // A vetoed unit keeps its total (89 + 3), has no rank and no award, even
    // though the award does not say `不含 否决`; 乙处 (30 + 15 + 32 = 77) ranks first.
    a_veto_keeps_the_total_but_no_rank_no_award: "加分 { 表彰 => 3 }\n一票否决 事故\n评优 先进",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01 }; 事项 事故 { 日期 04-01 }; 乙处 30 15 8"
        => "甲处" total 92, vetoed true, rank none, award "先进" excluded | "乙处" total 77, vetoed false, rank 1, award "先进" eligible;
    // Two 通报批评 (−1 each) meet the veto's condition.
    a_veto_on_a_condition: "扣分 { 通报批评 => 1 }\n一票否决 当 数量(通报批评) >= 2",
        "甲处 35 18 9; 事项 通报批评 { 责任 主要, 日期 03-01 }; 事项 通报批评 { 责任 次要, 日期 04-01 }" => "甲处" deduct 2, total 87, vetoed true, rank none;
    // For a vetoed unit an atom on 总分 is false (§7.14), so its negation holds.
    a_vetoed_unit_fails_every_total_atom: "一票否决 事故\n处置 高分 当 总分 > 50\n处置 不高 当 非 总分 > 50",
        "甲处 35 18 9; 事项 事故 { 日期 03-01 }" => "甲处" total 89, outcome "高分" false, outcome "不高" true;
    // Other atoms evaluate normally: 否决 and 有 扣分 both hold.
    a_vetoed_unit_keeps_its_other_atoms: "扣分 { 通报批评 => 1 }\n一票否决 事故\n处置 问责 当 否决 且 有 扣分",
        "甲处 35 18 9; 事项 事故 { 日期 03-01 }; 事项 通报批评 { 责任 次要, 日期 04-01 }" => "甲处" deduct 1, total 88, outcome "问责" true;
    // 该项清零 on the scaled leaf 评价: 35 + 18 + 0.
    zero_item_clears_a_scaled_leaf: "造假 => 该项清零",
        "甲处 35 18 9; 事项 造假 { 项目 评价, 日期 03-01 }" => "甲处" total 53;
    // On the parent 工作, both its leaves become 0: 0 + 0 + 36.
    zero_item_clears_every_leaf_of_a_parent: "造假 => 该项清零",
        "甲处 35 18 9; 事项 造假 { 项目 工作, 日期 03-01 }" => "甲处" total 36;
    // `取消 先进` alone leaves the score alone and takes the award.
    a_finding_revokes_the_award: "造假 => 取消 先进\n评优 先进",
        "甲处 35 18 9; 事项 造假 { 项目 常规, 日期 03-01 }; 乙处 30 15 8" => "甲处" total 89, award "先进" excluded | "乙处" award "先进" eligible;
    // 丙处 90 (36 + 18 + 36); 甲处 and 乙处 89 share rank 2; 丁中心 50 (20 + 10 + 20) is 4th.
    ties_share_a_rank: "",
        "丙处 36 18 9; 甲处 35 18 9; 乙处 35 18 9; 丁中心 20 10 5"
        => "丙处" rank 1 | "甲处" rank 2 | "乙处" rank 2 | "丁中心" rank 4;
    // Both 89 (35 + 18 + 36, 31 + 18 + 40); 评价 contributes 36 and 40: 乙处 first.
    a_tie_break_orders_equal_totals: "排名 按 总分 降序 然后 按 评价 降序",
        "甲处 35 18 9; 乙处 31 18 10" => "甲处" total 89, rank 2 | "乙处" total 89, rank 1;
    // Within groups, 丁中心 (50) is first of 中心.
    ranking_within_groups: "排名 按 总分 降序 分组内",
        "甲处 40 20 10; 丁中心 20 10 5" => "丁中心" rank 1 | "甲处" rank 1;
    // One place, two units tied for it: both pending, never broken silently.
    a_tie_across_the_quota_is_pending: "评优 先进 { 名额 1 }",
        "甲处 35 18 9; 乙处 35 18 9; 丙处 30 15 8"
        => "甲处" award "先进" pending | "乙处" award "先进" pending | "丙处" award "先进" not_selected;
    // An outcome on a pending award is pending (§7.31), never read as no.
    an_outcome_on_a_pending_award_is_pending: "评优 先进 { 名额 1 }\n处置 奖励 当 获得 先进",
        "甲处 35 18 9; 乙处 35 18 9; 丙处 30 15 8"
        => "甲处" outcome "奖励" pending | "乙处" outcome "奖励" pending | "丙处" outcome "奖励" false;
    // A side that settles the condition settles it: 89 is not < 80, so no 约谈
    // whatever 先进 becomes; 丙处 (77, not selected) gets it.
    a_settled_side_settles_the_outcome: "评优 先进 { 名额 1 }\n处置 约谈 当 总分 < 80 且 非 获得 先进",
        "甲处 35 18 9; 乙处 35 18 9; 丙处 30 15 8"
        => "甲处" outcome "约谈" false | "乙处" outcome "约谈" false | "丙处" outcome "约谈" true;
    // 优胜 excludes 先进, which is pending for 甲处 and 乙处: their eligibility is
    // pending, and so is 丙处's place (one of them may take it).
    an_award_excluding_a_pending_award: "评优 先进 { 名额 1 }\n评优 优胜 { 名额 1; 不含 先进 }",
        "甲处 35 18 9; 乙处 35 18 9; 丙处 30 15 8"
        => "甲处" award "优胜" eligibility_pending | "乙处" award "优胜" eligibility_pending | "丙处" award "优胜" pending;
    // A tier that reads an award: 甲处 (100) is selected, so 优秀; 乙处 (89) is not.
    a_tier_reads_an_award: "评优 先进 { 名额 1 }\n等次 { 优秀 当 总分 >= 80 且 获得 先进; 良好 其余 }",
        "甲处 40 20 10; 乙处 35 18 9"
        => "甲处" grade "优秀" | "乙处" grade "良好";
    // A grade pending at 优秀 (tie at its one place) may end at 合格: an award
    // excluding 合格 is pending for both; 丙处 (77) is 合格 and excluded.
    an_award_excluding_a_pending_grade: "等次 { 优秀 当 总分 >= 80 名额 1; 合格 其余 }\n评优 先进 { 不含 合格 }",
        "甲处 35 18 9; 乙处 35 18 9; 丙处 30 15 8"
        => "甲处" award "先进" eligibility_pending | "乙处" grade "优秀" pending | "丙处" award "先进" excluded;
    // ⌊50% × 3 ranked⌋ = 1 place (the excluded 甲处 counts among the ranked): 乙处 takes it.
    a_percentage_quota_counts_excluded_units: "评优 先进 { 名额 50%; 不含 甲处 }",
        "甲处 40 20 10; 乙处 35 18 9; 丙处 30 15 8"
        => "甲处" award "先进" excluded | "乙处" award "先进" selected | "丙处" award "先进" not_selected;
    // A vetoed unit is not ranked: ⌊50% × 3⌋ = 1 place, not ⌊50% × 4⌋ = 2.
    a_percentage_quota_leaves_out_vetoed_units: "一票否决 事故\n评优 先进 { 名额 50% }",
        "甲处 40 20 10; 事项 事故 { 日期 03-01 }; 乙处 35 18 9; 丙处 30 15 8; 丁中心 20 10 5"
        => "甲处" award "先进" excluded | "乙处" award "先进" selected | "丙处" award "先进" not_selected;
    // 末 2 名 with 2 ranked units (丙处 is vetoed): both are in it.
    bottom_n_with_fewer_ranked_units_takes_all: "一票否决 事故\n评优 先进 { 不含 末 2 名 }",
        "甲处 40 20 10; 乙处 35 18 9; 丙处 30 15 8; 事项 事故 { 日期 03-01 }"
        => "甲处" award "先进" excluded | "乙处" award "先进" excluded | "丙处" award "先进" excluded;
    // 乙处 and 丙处 tie last (89): no ranked unit is strictly below either, so both
    // are the 末 1 名; 甲处 (100) has two below it.
    bottom_n_takes_everyone_tied_last: "处置 约谈 当 末 1 名",
        "甲处 40 20 10; 乙处 35 18 9; 丙处 35 18 9"
        => "甲处" outcome "约谈" false | "乙处" outcome "约谈" true, rank 2 | "丙处" outcome "约谈" true;
    // 优秀 has one place: 甲处 (100) takes it, 乙处 (89 ≥ 85) falls through to 良好.
    grades_fall_through_a_full_tier: "等次 { 优秀 当 总分 >= 85 名额 1; 良好 当 总分 >= 70; 一般 其余 }",
        "甲处 40 20 10; 乙处 35 18 9; 丙处 30 15 8" => "甲处" grade "优秀" | "乙处" grade "良好" | "丙处" grade "良好";
    // 甲处 and 乙处 tie (89) across 优秀's one place: pending.
    a_tie_across_a_tier_quota_is_pending: "等次 { 优秀 当 总分 >= 85 名额 1; 良好 其余 }",
        "甲处 35 18 9; 乙处 35 18 9; 丙处 30 15 8" => "甲处" grade "优秀" pending | "丙处" grade "良好";
    // A vetoed unit gets the last tier, whatever its total (100).
    a_vetoed_unit_gets_the_last_tier: "一票否决 事故\n等次 { 优秀 当 总分 >= 85; 良好 当 总分 >= 70; 一般 其余 }",
        "甲处 40 20 10; 事项 事故 { 日期 03-01 }; 乙处 35 18 9" => "甲处" grade "一般", total 100 | "乙处" grade "优秀";
    // `有 扣分` is a counted event matched by a deduction rule, even for 0 points.
    any_deduct_counts_events_not_points: "扣分 { 通报批评 => 至多 2 }\n处置 问责 当 有 扣分",
        "甲处 35 18 9; 事项 通报批评 { 责任 主要, 日期 03-01, 分值 0 }" => "甲处" deduct 0, total 89, outcome "问责" true;
    // An event outside the window is not counted, so it is no deduction.
    an_uncounted_event_is_no_deduct: "扣分 { 通报批评 => 1 }\n处置 问责 当 有 扣分",
        "甲处 35 18 9; 事项 通报批评 { 责任 主要, 日期 12-20 }" => "甲处" deduct 0, outcome "问责" false;
    // 丁中心 is in 中心 and has two counted 国家 表彰 (the 省 one is not of them): 50 + 3.
    group_and_count_conditions: "加分 { 表彰 => 1 }\n处置 表扬 当 属于 中心 且 数量(表彰 层级 是 国家) >= 2",
        "丁中心 20 10 5; 事项 表彰 { 层级 国家, 对象 集体, 日期 03-01 }; 事项 表彰 { 层级 国家, 对象 个人, 日期 04-01 }; 事项 表彰 { 层级 省, 对象 集体, 日期 05-01 }"
        => "丁中心" bonus 3, total 53, outcome "表扬" true;
    // The only 国家 集体 表彰 is outside the window; the counted one is 个人.
    any_kind_tests_counted_events_only: "加分 { 表彰 => 1 }\n处置 表扬 当 有 表彰 层级 是 国家 且 对象 是 集体",
        "甲处 35 18 9; 事项 表彰 { 层级 国家, 对象 个人, 日期 03-01 }; 事项 表彰 { 层级 国家, 对象 集体, 日期 12-15 }"
        => "甲处" bonus 1, outcome "表扬" false;
    // In conditions an item means its contribution: 评价 9 contributes 36.
    an_item_in_a_condition_is_its_contribution: "处置 关注 当 评价 < 36\n处置 达标 当 评价 >= 36",
        "甲处 35 18 9" => "甲处" outcome "关注" false, outcome "达标" true;
    // 甲处 ties 乙处 for the one place but is excluded: among the eligible 乙处
    // is alone at the top, so it is selected, not pending.
    a_tie_with_an_excluded_unit_is_no_tie: "评优 先进 { 名额 1; 不含 甲处 }",
        "甲处 35 18 9; 乙处 35 18 9; 丙处 30 15 8"
        => "甲处" award "先进" excluded | "乙处" award "先进" selected | "丙处" award "先进" not_selected;
    // Equal totals (89) told apart by 评价 (40 > 36): 丙处 alone is the 末 1 名.
    bottom_n_follows_the_tie_break: "排名 按 总分 降序 然后 按 评价 降序\n处置 约谈 当 末 1 名",
        "甲处 40 20 10; 乙处 31 18 10; 丙处 35 18 9"
        => "乙处" rank 2, outcome "约谈" false | "丙处" rank 3, outcome "约谈" true;
    // A veto may read the total: 丁中心 (50) is vetoed, 甲处 (89) ranks alone.
    a_veto_on_the_total: "一票否决 当 总分 < 60",
        "丁中心 20 10 5; 甲处 35 18 9" => "丁中心" vetoed true, total 50, rank none | "甲处" vetoed false, rank 1;
    // Under 分组内, 优秀's 50% is ⌊1.5⌋ = 1 place in 处室 and ⌊0.5⌋ = 0 in 中心.
    percentage_quotas_apply_within_groups: "排名 按 总分 降序 分组内\n等次 { 优秀 当 总分 >= 85 名额 50%; 良好 其余 }",
        "甲处 40 20 10; 乙处 35 18 9; 丙处 30 15 8; 丁中心 40 20 10"
        => "甲处" grade "优秀" | "乙处" grade "良好" | "丁中心" grade "良好", rank 1;
    // A finding's event outside the window is not counted: no 清零, no 取消, no 不含.
    a_finding_needs_a_counted_event: "造假 => 该项清零, 取消 先进\n评优 先进 { 不含 造假 }",
        "甲处 35 18 9; 事项 造假 { 项目 评价, 日期 12-20 }" => "甲处" total 89, award "先进" eligible;
    // Exact decimals: 1.25 × 0.5 = 0.625, 0.1 + 0.2 = 0.3; 0.925 in all.
    amounts_are_exact_decimals: "加分 { 表彰 => 至多 2; 表彰 对象 是 个人 => 减半; 批示肯定 => 至多 2 }",
        "甲处 35 18 9; 事项 表彰 { 层级 市, 对象 个人, 日期 03-01, 分值 1.25 }; 事项 批示肯定 { 日期 04-01, 分值 0.1 }; 事项 批示肯定 { 日期 05-01, 分值 0.2 }"
        => "甲处" bonus 0.925, total 89.925;
    // A vetoed unit is neither among the first 3 nor the 末 1 名; 乙处, the only
    // ranked unit, is both.
    rank_atoms_are_false_for_a_vetoed_unit: "一票否决 事故\n处置 前列 当 排名 <= 3\n处置 末位 当 末 1 名",
        "甲处 35 18 9; 事项 事故 { 日期 03-01 }; 乙处 30 15 8"
        => "甲处" outcome "前列" false, outcome "末位" false | "乙处" outcome "前列" true, outcome "末位" true;
    // 不属于 国家 takes 市 (2); 国家 takes 5.
    not_in_tests_the_other_values: "加分 { 表彰 层级 不属于 国家 => 2; 表彰 层级 是 国家 => 5 }",
        "甲处 35 18 9; 事项 表彰 { 层级 市, 对象 集体, 日期 03-01 }; 事项 表彰 { 层级 国家, 对象 个人, 日期 04-01 }" => "甲处" bonus 7, total 96;
    // Ranked ascending, 甲处 (100) comes last: it is the 末 1 名.
    an_ascending_ranking_puts_the_highest_last: "排名 按 总分 升序\n处置 约谈 当 末 1 名",
        "甲处 40 20 10; 乙处 35 18 9" => "甲处" rank 2, outcome "约谈" true | "乙处" rank 1, outcome "约谈" false;
    // `不含 通报批评` needs a counted one: 甲处's is outside the window.
    excluding_a_kind_needs_a_counted_event: "扣分 { 通报批评 => 1 }\n评优 先进 { 不含 通报批评 }",
        "甲处 35 18 9; 事项 通报批评 { 责任 主要, 日期 12-20 }; 乙处 35 18 9; 事项 通报批评 { 责任 主要, 日期 03-01 }"
        => "甲处" award "先进" eligible, deduct 0 | "乙处" award "先进" excluded, deduct 1;
    // 分值 is required only on counted events (§7.10): the 12-20 one needs none.
    an_uncounted_event_needs_no_points: "加分 { 批示肯定 => 1 至 3 }",
        "甲处 35 18 9; 事项 批示肯定 { 日期 12-20 }" => "甲处" bonus 0, total 89;
    // Two places: 乙处 and 丙处 (89) tie for the second: both pending; 甲处 (100) is selected.
    a_tie_for_the_last_place_is_pending: "评优 先进 { 名额 2 }",
        "甲处 40 20 10; 乙处 35 18 9; 丙处 35 18 9"
        => "甲处" award "先进" selected | "乙处" award "先进" pending | "丙处" award "先进" pending;
    // Two places, two units tied at the top: the tie is inside the quota, both selected.
    a_tie_inside_the_quota_is_selected: "评优 先进 { 名额 2 }",
        "甲处 35 18 9; 乙处 35 18 9; 丙处 30 15 8"
        => "甲处" award "先进" selected | "乙处" award "先进" selected | "丙处" award "先进" not_selected;
    // Without 其余, a total (50) below every tier gets no grade.
    a_total_below_every_tier_gets_no_grade: "等次 { 优秀 当 总分 >= 85; 合格 当 总分 >= 60 }",
        "丁中心 20 10 5; 甲处 35 18 9" => "丁中心" grade none | "甲处" grade "优秀";
    // The last tier goes to a vetoed unit even when its condition does not hold
    // and there is no 其余: 甲处 (100) is vetoed and gets 合格.
    a_vetoed_unit_gets_the_last_tier_whatever_its_condition: "一票否决 事故\n等次 { 优秀 当 总分 >= 85; 合格 当 总分 >= 60 且 总分 < 85 }",
        "甲处 40 20 10; 事项 事故 { 日期 03-01 }" => "甲处" grade "合格", vetoed true;
    // A vetoed unit's items are still zeroed by a finding: 35 + 18 + 0.
    a_vetoed_unit_still_loses_a_zeroed_item: "一票否决 事故\n造假 => 该项清零",
        "甲处 35 18 9; 事项 事故 { 日期 03-01 }; 事项 造假 { 项目 评价, 日期 04-01 }" => "甲处" total 53, vetoed true;
    // A parent item in a condition is its leaves' sum (35 + 18 = 53), after findings (0).
    a_parent_item_in_a_condition: "造假 => 该项清零\n处置 满额 当 工作 >= 53\n处置 清零 当 工作 = 0",
        "甲处 35 18 9; 乙处 35 18 9; 事项 造假 { 项目 工作, 日期 04-01 }"
        => "甲处" outcome "满额" true, outcome "清零" false | "乙处" outcome "满额" false, outcome "清零" true, total 36;
    // Tiers are filled in rank order: ranked by 评价, 乙处 (40; total 89) comes
    // before 甲处 (32; total 92) and takes 优秀's one place.
    tiers_fill_in_rank_order: "排名 按 评价 降序\n等次 { 优秀 当 总分 >= 85 名额 1; 良好 其余 }",
        "甲处 40 20 8; 乙处 31 18 10" => "甲处" total 92, rank 2, grade "良好" | "乙处" rank 1, grade "优秀";
    // Under 分组内 each group has its own 末 1 名.
    bottom_n_within_groups: "排名 按 总分 降序 分组内\n处置 约谈 当 末 1 名",
        "甲处 40 20 10; 乙处 35 18 9; 丁中心 20 10 5"
        => "甲处" outcome "约谈" false | "乙处" outcome "约谈" true | "丁中心" outcome "约谈" true;
}
