#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! `kaohe diff`: a policy change shows as exactly that change, in the policy's
//! words; with data, the units whose results move, and data the new version
//! rejects reported with its KH7xx findings.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::root;

use kaohe::diff::Side;
use kaohe::driver::{self, Built};
use kaohe::i18n::Lang;
use kaohe::source::SourceFile;
use serde_json::Value;

fn shipped() -> String {
    std::fs::read_to_string(root().join("policies/shaoxing-2019.kh")).unwrap()
}

/// A folder with `old.kh` (the shipped policy), `new.kh` (it with each `from`
/// replaced by `to`, once) and `sample.json`, so outputs name short paths.
fn case(name: &str, edits: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kaohe-diff-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = shipped();
    let mut new = old.clone();
    for (from, to) in edits {
        assert!(new.contains(from), "{from}");
        new = new.replacen(from, to, 1);
    }
    std::fs::write(dir.join("old.kh"), &old).unwrap();
    std::fs::write(dir.join("new.kh"), &new).unwrap();
    std::fs::copy(
        root().join("policies/shaoxing-2019.sample.json"),
        dir.join("sample.json"),
    )
    .unwrap();
    dir
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["diff", "old.kh", "new.kh", "--format", "json"];
    args.extend_from_slice(extra);
    let o = common::kaohe_in(dir, &args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_str(&out(&o)).unwrap()
}

/// (unit, old total, new total) of each unit whose total moves, from `--data`.
fn moved_totals(data: &Value) -> Vec<(&str, &str, &str)> {
    data["units"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|u| {
            u["changes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["field"] == "total")
                .map(|c| {
                    (
                        u["unit"].as_str().unwrap(),
                        c["old"].as_str().unwrap(),
                        c["new"].as_str().unwrap(),
                    )
                })
        })
        .collect()
}

const TEN: &str = "省级部门 => 10 【";
const EIGHT: &str = "省级部门 => 8 【";

#[test]
fn ten_points_to_eight_is_exactly_that_change() {
    let dir = case("eight", &[(TEN, EIGHT)]);
    let v = json(&dir, &[]);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{v:#}");
    let c = &changes[0];
    assert_eq!(c["part"], "rules");
    assert_eq!(c["mark"], "changed");
    assert_eq!(c["subject"], "表彰");
    assert_eq!(c["citation"], "四(四)1(1)");
    assert!(c["old"].as_str().unwrap().ends_with("=> 10"));
    assert!(c["new"].as_str().unwrap().ends_with("=> 8"));
    assert_eq!(c["aspects"].as_array().unwrap().len(), 1);
    assert_eq!(c["aspects"][0]["field"], "points");
    assert_eq!(c["aspects"][0]["old"], "10");
    assert_eq!(c["aspects"][0]["new"], "8");
    assert!(v.get("data").is_none());
    let zh = out(&common::kaohe_in(&dir, &["diff", "old.kh", "new.kh"]));
    let en = out(&common::kaohe_in(
        &dir,
        &["--lang", "en", "diff", "old.kh", "new.kh"],
    ));
    insta::assert_snapshot!(format!("{zh}──── en ────\n{en}"));
}

#[test]
fn with_data_the_units_whose_results_move_are_listed_old_to_new() {
    let dir = case("eight-data", &[(TEN, EIGHT)]);
    let v = json(&dir, &["--data", "sample.json"]);
    let data = &v["data"];
    assert!(data.get("new_rejected").is_none());
    let units = data["units"].as_array().unwrap();
    // The units whose total moves: a provincial commendation (10 → 8) and a
    // ministry one to an individual (halved: 5 → 4).
    let moved = moved_totals(data);
    assert_eq!(
        moved,
        [
            ("综合业务处", "107.5", "105.5"),
            ("公务用车处", "94.5", "93.5")
        ]
    );
    // Every listed unit changed something; the others are only counted.
    for u in units {
        assert!(!u["changes"].as_array().unwrap().is_empty());
    }
    assert_eq!(
        units.len() + data["unchanged"].as_u64().unwrap() as usize,
        9
    );
    let zh = out(&common::kaohe_in(
        &dir,
        &["diff", "old.kh", "new.kh", "--data", "sample.json"],
    ));
    for quiet in ["办公室：", "计划财务处", "房产基建处"] {
        assert!(!zh.contains(quiet), "{quiet} in {zh}");
    }
    let en = out(&common::kaohe_in(
        &dir,
        &[
            "--lang",
            "en",
            "diff",
            "old.kh",
            "new.kh",
            "--data",
            "sample.json",
        ],
    ));
    insta::assert_snapshot!(format!("{zh}──── en ────\n{en}"));
}

#[test]
fn a_rule_limited_to_a_group_is_a_change_of_its_units_and_moves_the_units_outside() {
    let dir = case(
        "only",
        &[("批示肯定 => 1 至 3 【", "批示肯定 => 1 至 3 仅 机关处室 【")],
    );
    let v = json(&dir, &["--data", "sample.json"]);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{v:#}");
    let c = &changes[0];
    assert_eq!(
        (c["part"].as_str(), c["subject"].as_str()),
        (Some("rules"), Some("批示肯定"))
    );
    assert_eq!(c["aspects"].as_array().unwrap().len(), 1, "{c:#}");
    assert_eq!(c["aspects"][0]["field"], "units");
    assert_eq!(c["aspects"][0]["old"], "—");
    assert_eq!(c["aspects"][0]["new"], "仅 机关处室");
    // 市级机关后勤发展中心 (直属单位) loses its 批示肯定 of 1.5; 综合业务处 (机关处室) keeps its 2.
    let moved = moved_totals(&v["data"]);
    assert_eq!(moved, [("市级机关后勤发展中心", "85", "83.5")]);
    // The new policy's ruling says why, with the rule's clause.
    let o = common::kaohe_in(
        &dir,
        &[
            "eval",
            "new.kh",
            "sample.json",
            "--unit",
            "市级机关后勤发展中心",
        ],
    );
    let text = out(&o);
    assert!(
        text.contains("不计入：规则不适用于本单位（仅 机关处室） 【四(四)1(2)】"),
        "{text}"
    );
    let o = common::kaohe_in(&dir, &["eval", "new.kh", "sample.json", "--format", "json"]);
    let rulings: Value = serde_json::from_str(&out(&o)).unwrap();
    let unit = rulings["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == "市级机关后勤发展中心")
        .unwrap();
    let event = &unit["events"][0];
    assert_eq!(event["counted"], false, "{event:#}");
    assert_eq!(event["reason_code"], "not_for_unit", "{event:#}");
    assert_eq!(event["clause"], "四(四)1(2)", "{event:#}");
}

#[test]
fn places_per_group_are_one_quota_change() {
    let dir = case(
        "group-quotas",
        &[(
            "    不含 末 2 名",
            "    名额 机关处室 2\n    名额 直属单位 1\n    不含 末 2 名",
        )],
    );
    let v = json(&dir, &[]);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{v:#}");
    let c = &changes[0];
    assert_eq!(
        (c["part"].as_str(), c["subject"].as_str()),
        (Some("awards"), Some("先进"))
    );
    assert_eq!(c["aspects"][0]["field"], "quota");
    assert_eq!(c["aspects"][0]["old"], "—");
    assert_eq!(c["aspects"][0]["new"], "机关处室 2, 直属单位 1");
}

#[test]
fn a_kind_made_a_yearly_status_is_that_change() {
    let dir = case(
        "status",
        &[("事项 批示肯定 【", "事项 批示肯定 年度状态 【")],
    );
    let v = json(&dir, &[]);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{v:#}");
    let c = &changes[0];
    assert_eq!(
        (c["part"].as_str(), c["subject"].as_str()),
        (Some("kinds"), Some("批示肯定"))
    );
    assert_eq!(c["aspects"][0]["field"], "status", "{c:#}");
    assert_eq!(c["aspects"][0]["old"], "—");
    assert_eq!(c["aspects"][0]["new"], "年度状态");
}

#[test]
fn weights_with_the_same_points_are_no_change_and_other_weights_are_points() {
    // 一岗双责 10, 意识形态 4, 制度执行 4, 预算执行 2, 兜底条款 5 of 共性工作 25,
    // written as 40%, 16%, 16%, 8%, 20%: the same policy.
    let same = [
        ("一岗双责 10 【", "一岗双责 40% 【"),
        ("意识形态 4 【", "意识形态 16% 【"),
        ("制度执行 4 【", "制度执行 16% 【"),
        ("预算执行 2 【", "预算执行 8% 【"),
        ("兜底条款 5 【", "兜底条款 20% 【"),
    ];
    let dir = case("weights-same", &same);
    let v = json(&dir, &[]);
    assert_eq!(v["changes"].as_array().unwrap().len(), 0, "{v:#}");
    // 40% → 36% and 16% → 20%: 一岗双责 10 → 9, 意识形态 4 → 5.
    let mut moved = same.to_vec();
    moved[0].1 = "一岗双责 36% 【";
    moved[1].1 = "意识形态 20% 【";
    let dir = case("weights-moved", &moved);
    let v = json(&dir, &[]);
    let changes = v["changes"].as_array().unwrap();
    let maxima: Vec<(&str, &str, &str)> = changes
        .iter()
        .map(|c| {
            let a = &c["aspects"][0];
            (
                c["subject"].as_str().unwrap(),
                a["old"].as_str().unwrap(),
                a["new"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        maxima,
        [("一岗双责", "10", "9"), ("意识形态", "4", "5")],
        "{v:#}"
    );
}

#[test]
fn a_lowered_maximum_makes_the_new_policy_reject_the_data() {
    // Lowered by 2 and raised elsewhere by 2: the policy still checks.
    let dir = case(
        "lower",
        &[
            ("一岗双责 10 【", "一岗双责 8 【"),
            ("兜底条款 5 【", "兜底条款 7 【"),
        ],
    );
    let v = json(&dir, &["--data", "sample.json"]);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{v:#}");
    assert_eq!(changes[0]["aspects"][0]["field"], "max");
    let data = &v["data"];
    assert!(data.get("old_rejected").is_none());
    let findings = data["new_rejected"]["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(
        findings.iter().all(|f| f["code"] == "KH707"),
        "{findings:#?}"
    );
    let o = common::kaohe_in(&dir, &["diff", "old.kh", "new.kh", "--data", "sample.json"]);
    assert_eq!(o.status.code(), Some(0));
    let zh = out(&o);
    assert!(zh.contains("新办法不接受这些数据"), "{zh}");
    assert!(zh.contains("KH707"));
    assert!(zh.contains("一岗双责 【四(二)1】：分值 10 → 8"), "{zh}");
    let en = out(&common::kaohe_in(
        &dir,
        &[
            "--lang",
            "en",
            "diff",
            "old.kh",
            "new.kh",
            "--data",
            "sample.json",
        ],
    ));
    assert!(en.contains("The new policy rejects this data"), "{en}");
    insta::assert_snapshot!(format!("{zh}──── en ────\n{en}"));
}

#[test]
fn data_the_old_policy_rejects_is_said_too() {
    let dir = case("old-rejects", &[]);
    // Swap: the lowered maximum is the old version now.
    let lowered = shipped()
        .replacen("一岗双责 10 【", "一岗双责 8 【", 1)
        .replacen("兜底条款 5 【", "兜底条款 7 【", 1);
    std::fs::write(dir.join("old.kh"), lowered).unwrap();
    let v = json(&dir, &["--data", "sample.json"]);
    assert!(v["data"]["old_rejected"]["findings"].as_array().is_some());
    assert!(v["data"].get("new_rejected").is_none());
    let zh = out(&common::kaohe_in(
        &dir,
        &["diff", "old.kh", "new.kh", "--data", "sample.json"],
    ));
    assert!(zh.contains("旧办法不接受这些数据"), "{zh}");
}

#[test]
fn a_renamed_item_is_a_rename() {
    let dir = case("rename", &[]);
    std::fs::write(
        dir.join("new.kh"),
        shipped().replace("责任清单工作", "责任清单"),
    )
    .unwrap();
    let v = json(&dir, &[]);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{v:#}");
    assert_eq!(changes[0]["mark"], "renamed");
    assert_eq!(changes[0]["renamed_from"], "责任清单工作");
    assert_eq!(changes[0]["subject"], "责任清单");
    let zh = out(&common::kaohe_in(&dir, &["diff", "old.kh", "new.kh"]));
    let en = out(&common::kaohe_in(
        &dir,
        &["--lang", "en", "diff", "old.kh", "new.kh"],
    ));
    insta::assert_snapshot!(format!("{zh}──── en ────\n{en}"));
}

#[test]
fn a_renamed_kind_is_a_rename_and_its_rules_do_not_change() {
    let dir = case("kind", &[]);
    std::fs::write(
        dir.join("new.kh"),
        shipped().replace("批示肯定", "领导批示"),
    )
    .unwrap();
    let v = json(&dir, &[]);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{v:#}");
    assert_eq!(changes[0]["part"], "kinds");
    assert_eq!(changes[0]["mark"], "renamed");
}

#[test]
fn identical_policies_give_no_differences() {
    let dir = case("same", &[]);
    let o = common::kaohe_in(&dir, &["diff", "old.kh", "new.kh", "--data", "sample.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("无差异"), "{}", out(&o));
    let en = out(&common::kaohe_in(
        &dir,
        &["--lang", "en", "diff", "old.kh", "new.kh"],
    ));
    assert!(en.contains("no differences"), "{en}");
    let v = json(&dir, &[]);
    assert_eq!(v["changes"].as_array().unwrap().len(), 0);
}

#[test]
fn breadth_of_changes_across_parts() {
    let dir = case(
        "breadth",
        &[
            (
                "制定 \"绍兴市机关事务服务中心\"",
                "制定 \"绍兴市机关事务管理中心\"",
            ),
            (
                "市级机关后勤发展中心\n",
                "市级机关后勤发展中心, 市政务服务中心\n",
            ),
            ("对象: 集体 | 个人", "对象: 集体 | 个人 | 团队"),
            ("=> 至多 5 【", "=> 至多 4 【"),
            ("责任 是 次要 => 0.5 【", "责任 是 次要 => 0.5 封顶 2 【"),
            ("不含 末 2 名", "不含 末 3 名"),
            ("当 总分 < 80", "当 总分 < 85"),
            ("自评 截止 12-20", "自评 截止 12-18"),
        ],
    );
    let o = common::kaohe_in(&dir, &["diff", "old.kh", "new.kh", "--data", "sample.json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let zh = out(&o);
    let md = out(&common::kaohe_in(
        &dir,
        &["diff", "old.kh", "new.kh", "--format", "md"],
    ));
    insta::assert_snapshot!(format!("{zh}──── md ────\n{md}"));
}

#[test]
fn a_policy_with_errors_fails_and_a_bad_call_is_a_usage_error() {
    let dir = case("errors", &[("制度执行 4", "制度执行 6")]);
    let o = common::kaohe_in(&dir, &["diff", "old.kh", "new.kh"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("KH301"));
    assert!(out(&o).is_empty());
    let o = common::kaohe_in(&dir, &["diff", "old.kh"]);
    assert_eq!(o.status.code(), Some(2));
    let o = common::kaohe_in(&dir, &["diff", "old.kh", "old.kh", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The output shown in docs/diff*.md after `$ kaohe …` is what the command
/// prints now (the 2019 → 2020 example), so the docs cannot drift.
#[test]
fn the_documented_2019_to_2020_diff_is_the_real_output() {
    for doc in ["docs/diff.md", "docs/diff.en.md"] {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(doc)).unwrap();
        let mut checked = 0;
        for block in text.split("```text\n").skip(1) {
            let block = block.split("```").next().unwrap_or("");
            let Some((command, expected)) = block.split_once('\n') else {
                continue;
            };
            let Some(args) = command.strip_prefix("$ kaohe ") else {
                continue;
            };
            let args: Vec<&str> = args.split_whitespace().collect();
            let out = Command::new(env!("CARGO_BIN_EXE_kaohe"))
                .args(&args)
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            let actual = String::from_utf8(out.stdout).unwrap();
            assert_eq!(actual.trim_end(), expected.trim_end(), "{doc}: `{command}`");
            checked += 1;
        }
        assert!(checked >= 1, "{doc} shows a real diff");
    }
}

/// `末 2 名` → `末 3 名` is one change of that exclusion, not a removal and an addition.
#[test]
fn a_changed_bottom_exclusion_is_one_change() {
    let dir = case("bottom", &[("不含 末 2 名", "不含 末 3 名")]);
    let v = json(&dir, &[]);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{v:#}");
    assert_eq!(changes[0]["mark"], "changed");
    assert_eq!(changes[0]["old"], "不含 末 2 名");
    assert_eq!(changes[0]["new"], "不含 末 3 名");
}

/// Data that is not well-formed cannot be compared: KH700 and exit 1, no diff.
#[test]
fn malformed_data_is_a_failure_not_a_rejection() {
    let dir = case("malformed", &[(TEN, EIGHT)]);
    std::fs::write(dir.join("bad.json"), "{\"units\": [").unwrap();
    let o = common::kaohe_in(&dir, &["diff", "old.kh", "new.kh", "--data", "bad.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).is_empty(), "no diff is printed");
    assert!(String::from_utf8_lossy(&o.stderr).contains("KH700"));
}

fn side<'a>(file: &'a SourceFile, built: &'a Built) -> Side<'a> {
    let p = built.program.as_ref().unwrap_or_else(|| {
        panic!(
            "{} does not build: {:?}\n{}",
            file.name, built.diags, file.text
        )
    });
    Side {
        p,
        ast: &built.policy,
        file,
    }
}

/// The shipped policy against another text, compared in the library.
fn library_diff(other: &str) -> kaohe::diff::Diff {
    let old = common::file("policies/shaoxing-2019.kh");
    let new = SourceFile::new("other.kh", other);
    let (ob, nb) = (driver::build(&old), driver::build(&new));
    kaohe::diff::diff(side(&old, &ob), side(&new, &nb), None, Lang::Zh).unwrap()
}

/// Asserts that `other` says what the shipped policy says.
fn no_change(other: &str, how: &str) {
    assert_ne!(other, shipped(), "{how}: the text is the same");
    let d = library_diff(other);
    assert!(
        d.changes.is_empty(),
        "{how} shown as a change:\n{}\n--- {how}\n{other}",
        kaohe::diff::render::text(&d, Lang::Zh)
    );
}

/// Keywords in English (`kaohe fmt --lang en`), full-width punctuation,
/// other spacing and line breaks: the same policy, no differences.
#[test]
fn spelling_is_no_change() {
    let file = common::file("policies/shaoxing-2019.kh");
    let en = kaohe::format::format(&file, Some(Lang::En)).unwrap();
    no_change(&en, "English keywords");
    let wide = common::spelling::full_width(&shipped());
    for twin in ["＝＞", "，", "＜", "：", "｛", "｝", "“", "”", "｜", "；"] {
        assert!(wide.contains(twin), "{twin}");
    }
    no_change(&wide, "full-width punctuation");
    // The policy has no parentheses outside its citations and strings: one more.
    let parens = shipped().replacen("当 否决 或 有 扣分", "当 (否决 或 有 扣分)", 1);
    let wide_parens = common::spelling::full_width(&parens);
    assert!(wide_parens.contains("当 （否决 或 有 扣分）"));
    no_change(&wide_parens, "full-width parentheses");
    for seed in 1..=8 {
        no_change(&common::spelling::respace(&shipped(), seed), "spacing");
    }
    no_change(
        &common::spelling::respace(&common::spelling::full_width(&en), 9),
        "all three",
    );
    // The corpus's own English and full-width versions.
    for rel in [
        "tests/corpus/ok/shaoxing-2019-en.kh",
        "tests/corpus/ok/shaoxing-2019-fullwidth.kh",
    ] {
        no_change(&common::read(rel), rel);
    }
    // And on the command line.
    let dir = case("spelling", &[]);
    std::fs::write(dir.join("new.kh"), &wide).unwrap();
    let o = common::kaohe_in(&dir, &["diff", "old.kh", "new.kh"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("无差异"), "{}", out(&o));
}

/// Other words for the same meaning are no change either: `至多 5` is
/// `0 至 5`, `减半` is `乘 0.5`, `10.0` is `10`, a value list is a set
/// (`不属于` the rest is `属于` these), a one-value `属于` is `是`, `或`
/// and the steps a step comes after are unordered, `降序` is the default
/// order, a full date in the policy year is its month-day, a name may be quoted.
#[test]
fn the_same_meaning_in_other_words_is_no_change() {
    let edits: &[(&str, &str)] = &[
        ("=> 至多 5", "=> 0 至 5"),
        ("=> 减半", "=> 乘 0.50"),
        ("省级部门 => 10 【", "省级部门 => 10.0 【"),
        (
            "层级 属于 国家 | 部委 | 省委 | 省政府 | 省级部门 =>",
            "层级 不属于 市政府 | 市委 =>",
        ),
        ("层级 属于 市委 | 市政府", "层级 属于 市政府 | 「市委」"),
        ("对象 是 个人", "对象 属于 个人"),
        (
            "通报批评 责任 是 主要",
            "通报批评 责任 属于 主要 且 责任 不属于 次要",
        ),
        ("当 否决 或 有 扣分", "当 (有 扣分 或 否决) 或 否决"),
        ("当 总分 < 80", "当 非 非 总分 < 80.00"),
        ("排名 按 总分 降序", "排名 按 总分"),
        ("=> 该项清零, 取消 先进", "=> 取消 先进, 该项清零"),
        ("不含 办公室", "不含 `办公室`"),
        ("不含 末 2 名", "不含 末 2"),
        ("自评 截止 12-20", "自评 截止 2019-12-20"),
        (
            "在 自评, 职能处室考评, 实地考核 之后",
            "在 实地考核, 自评 之后 在 职能处室考评 之后",
        ),
    ];
    for (from, to) in edits {
        assert!(shipped().contains(from), "{from}");
        no_change(&shipped().replacen(from, to, 1), to);
    }
}

/// Every real change still shows, in its part, however the new version is
/// spelled (here: English keywords and full-width punctuation).
#[test]
fn a_real_change_shows_whatever_the_spelling() {
    let cases: &[(&str, &str, &str, usize)] = &[
        ("省级部门 => 10 【", "省级部门 => 9.5 【", "rules", 1),
        ("=> 至多 5", "=> 1 至 5", "rules", 1),
        ("=> 减半", "=> 乘 0.6", "rules", 1),
        ("对象 是 个人", "对象 是 集体", "rules", 1),
        ("当 总分 < 80", "当 总分 <= 80", "outcomes", 1),
        ("当 否决 或 有 扣分", "当 否决 且 有 扣分", "outcomes", 1),
        ("当 否决 或 有 扣分", "当 否决 或 有 加分", "outcomes", 1),
        ("排名 按 总分 降序", "排名 按 总分 升序", "ranking", 1),
        (
            "排名 按 总分 降序",
            "排名 按 总分 降序 分组内",
            "ranking",
            1,
        ),
        (
            "排名 按 总分 降序 【五(二)6】",
            "排名 按 总分 降序 【五(二)7】",
            "ranking",
            1,
        ),
        ("=> 该项清零, 取消 先进", "=> 取消 先进", "findings", 1),
        ("不含 末 2 名", "不含 末 1 名", "awards", 1),
        ("不含 办公室", "不含 综合业务处", "awards", 2),
        ("自评 截止 12-20", "自评 截止 12-19", "schedule", 1),
        ("自评 截止 12-20", "自评 截止 2018-12-20", "schedule", 1),
        (
            "在 自评, 职能处室考评, 实地考核 之后",
            "在 自评, 实地考核 之后",
            "schedule",
            1,
        ),
    ];
    for (from, to, part, n) in cases {
        assert!(shipped().contains(from), "{from}");
        let file = SourceFile::new("new.kh", shipped().replacen(from, to, 1));
        let en = kaohe::format::format(&file, Some(Lang::En)).unwrap();
        let d = library_diff(&common::spelling::full_width(&en));
        let shown = kaohe::diff::render::text(&d, Lang::Zh);
        assert_eq!(d.changes.len(), *n, "{from} → {to}:\n{shown}");
        for c in &d.changes {
            assert_eq!(
                serde_json::to_value(c.part).unwrap(),
                *part,
                "{to}:\n{shown}"
            );
        }
    }
}

const PAYOUTS: &str = "兑现 【六】 {\n    先进 => 奖金 5000 元, 其中 主要负责人 20%\n    诫勉 => 扣发绩效 1000 元 仅 机关处室\n}\n";

#[test]
fn an_outcome_reading_an_award_and_payouts_are_changes_and_move_no_total() {
    let dir = case(
        "payouts-added",
        &[(
            "处置 问责审查",
            &format!("处置 表彰奖励 当 获得 先进\n{PAYOUTS}处置 问责审查"),
        )],
    );
    let v = json(&dir, &["--data", "sample.json"]);
    let changes = v["changes"].as_array().unwrap();
    let parts: Vec<(&str, &str, &str)> = changes
        .iter()
        .map(|c| {
            (
                c["part"].as_str().unwrap(),
                c["mark"].as_str().unwrap(),
                c["subject"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("outcomes", "added", "表彰奖励"),
            ("payouts", "added", "先进"),
            ("payouts", "added", "诫勉"),
        ],
        "{v:#}"
    );
    assert!(moved_totals(&v["data"]).is_empty(), "{v:#}");
}

#[test]
fn a_payouts_value_or_share_is_one_change_and_its_order_is_none() {
    let with = |text: &str| shipped().replacen("处置 问责审查", &format!("{text}处置 问责审查"), 1);
    let dir = std::env::temp_dir().join(format!("kaohe-diff-{}-payouts", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("old.kh"), with(PAYOUTS)).unwrap();
    let reordered = "兑现 【六】 {\n    诫勉 => 扣发绩效 1000 元 仅 机关处室\n    先进 => 奖金 5000 元, 其中 主要负责人 20%\n}\n";
    std::fs::write(dir.join("new.kh"), with(reordered)).unwrap();
    let v = json(&dir, &[]);
    assert_eq!(v["changes"].as_array().unwrap().len(), 0, "{v:#}");
    let raised = PAYOUTS.replace(
        "奖金 5000 元, 其中 主要负责人 20%",
        "奖金 6000 元, 其中 主要负责人 25%",
    );
    std::fs::write(dir.join("new.kh"), with(&raised)).unwrap();
    let v = json(&dir, &[]);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{v:#}");
    assert_eq!(
        (changes[0]["part"].as_str(), changes[0]["mark"].as_str()),
        (Some("payouts"), Some("changed"))
    );
}
