#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Each finding underlines the right text: one case per line,
//! `(policy fragment, code, underlined text)`. Fragments are placed in a
//! complete policy so that only the finding under test appears.

mod common;

use kaohe::source::SourceFile;

const BASE: &str = "考核办法 \"测试\" {\n    年度 2019\n}\n考核对象 {\n    分组 机关处室 { 办公室, 综合业务处 }\n    分组 直属单位 等\n}\n计分 满分 10 {\n    工作 6\n    共性 4 { 学习 2; 纪律 2 }\n}\n事项 表彰 { 层级: 国家 | 省政府; 对象: 集体 | 个人 }\n事项 弄虚作假 { 项目: 计分项 }\n处置 关注 当 有 表彰 或 有 弄虚作假\n";

/// The code and underlined text of every finding for `BASE` + `extra`.
fn findings(extra: &str) -> Vec<(String, String)> {
    let file = SourceFile::new("t.kh", format!("{BASE}{extra}\n"));
    common::check(&file)
        .iter()
        .map(|d| {
            (
                d.code().as_str().to_string(),
                file.slice(d.span).to_string(),
            )
        })
        .collect()
}

macro_rules! underlines {
    ($($name:ident: $extra:expr => $code:expr, $text:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(findings($extra), vec![($code.to_string(), $text.to_string())]);
        }
    )*};
}

underlines! {
    syntax_points_at_the_stray_word: "加分 { 表彰 => 10 外加 }" => "KH101", "外加";
    glued_keyword_points_at_the_word: "评优 先进 { 不含办公室 }" => "KH101", "不含办公室";
    unclosed_points_at_the_brace: "加分 {\n    表彰 => 10\n" => "KH102", "{";
    bad_date_points_at_the_date: "日程 { 自评 截止 02-30 }" => "KH103", "02-30";
    repeated_citation_points_at_the_second: "评优 先进 【一】 【二】" => "KH104", "【二】";
    unknown_unit_points_at_the_name: "评优 先进 { 不含 中心办公室 }" => "KH201", "中心办公室";
    unknown_value_points_at_the_value: "加分 { 表彰 层级 是 省政 => 10 }" => "KH201", "省政";
    unknown_attr_points_at_the_attr: "加分 { 表彰 级别 是 国家 => 10 }" => "KH201", "级别";
    duplicate_points_at_the_second: "评优 工作" => "KH202", "工作";
    wrong_sort_points_at_the_use: "评优 先进 { 不含 工作 }" => "KH203", "工作";
    finding_without_item_attr: "事项 造假\n造假 => 该项清零" => "KH205", "该项清零";
    veto_rank_points_at_the_atom: "一票否决 当 排名 > 3" => "KH206", "排名 > 3";
    inverted_range_covers_both_ends: "加分 { 表彰 => 3 至 1 }" => "KH302", "3 至 1";
    zero_cap_points_at_the_number: "加分 { 封顶 0\n 表彰 => 1 }" => "KH302", "0";
    step_due_points_at_the_date: "日程 { 甲 截止 12-25; 乙 截止 12-20 在 甲 之后 }" => "KH602", "12-20";
}

#[test]
fn weights_point_at_the_parent_maximum() {
    let text = BASE.replace("纪律 2", "纪律 3");
    let file = SourceFile::new("t.kh", text);
    let diags = common::check(&file);
    let found: Vec<(&str, &str)> = diags
        .iter()
        .map(|d| (d.code().as_str(), file.slice(d.span)))
        .collect();
    assert_eq!(found, vec![("KH301", "4")]);
    assert_eq!(file.slice(diags[0].labels[0].span), "共性");
}

#[test]
fn the_base_policy_is_clean() {
    assert!(findings("").is_empty());
}
