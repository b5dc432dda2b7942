#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Rulings of the shipped policy on its sample data, in every format, as
//! snapshots; plus determinism and format independence.

mod common;

use common::{file, root};
use kaohe::i18n::Lang;
use kaohe::report::Format;

fn rulings(data: &str, format: Format, lang: Lang, only: Option<&str>) -> String {
    let policy = file("policies/shaoxing-2019.kh");
    let (out, findings) = common::eval_bytes(&policy, &file(data), format, lang, only).unwrap();
    // The policy's warnings and notes come back with the rulings, as check gives them.
    assert_eq!(findings, common::check(&policy));
    String::from_utf8(out).unwrap()
}

const SAMPLE: &str = "policies/shaoxing-2019.sample.json";

#[test]
fn sample_text_zh() {
    insta::assert_snapshot!(rulings(SAMPLE, Format::Text, Lang::Zh, None));
}

#[test]
fn sample_text_en() {
    insta::assert_snapshot!(rulings(SAMPLE, Format::Text, Lang::En, None));
}

#[test]
fn sample_json() {
    insta::assert_snapshot!(rulings(SAMPLE, Format::Json, Lang::Zh, None));
}

#[test]
fn sample_jsonl() {
    insta::assert_snapshot!(rulings(SAMPLE, Format::Jsonl, Lang::Zh, None));
}

#[test]
fn one_unit_only() {
    insta::assert_snapshot!(rulings(
        SAMPLE,
        Format::Text,
        Lang::Zh,
        Some("公共机构节能处")
    ));
}

#[test]
fn two_runs_are_byte_identical() {
    for format in [Format::Text, Format::Json, Format::Jsonl] {
        assert_eq!(
            rulings(SAMPLE, format, Lang::Zh, None),
            rulings(SAMPLE, format, Lang::Zh, None)
        );
    }
}

#[test]
fn toml_data_gives_the_same_rulings_as_json() {
    let strip = |s: String| -> String {
        s.lines()
            .filter(|l| !l.contains("data_sha256"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let toml = rulings(
        "tests/data/shaoxing-2019.sample.toml",
        Format::Json,
        Lang::Zh,
        None,
    );
    assert_eq!(
        strip(toml),
        strip(rulings(SAMPLE, Format::Json, Lang::Zh, None))
    );
}

#[test]
fn json_follows_the_schema() {
    let v: serde_json::Value =
        serde_json::from_str(&rulings(SAMPLE, Format::Json, Lang::Zh, None)).unwrap();
    assert_eq!(v["policy"]["year"], 2019);
    assert_eq!(v["policy"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(v["data_sha256"].as_str().unwrap().len(), 64);
    let units = v["units"].as_array().unwrap();
    assert_eq!(units.len(), 9);
    let ranks: Vec<serde_json::Value> = units.iter().map(|u| u["rank"].clone()).collect();
    let expected: Vec<serde_json::Value> = [1, 2, 3, 4, 4, 6, 7, 8]
        .iter()
        .map(|r| serde_json::json!(r))
        .chain([serde_json::Value::Null])
        .collect();
    assert_eq!(
        ranks, expected,
        "units in ranking order, ties shared, vetoed last"
    );
    for u in units {
        for key in [
            "unit",
            "group",
            "base",
            "bonus",
            "deduction",
            "total",
            "vetoed",
            "grade",
            "awards",
            "outcomes",
            "items",
            "events",
        ] {
            assert!(u.get(key).is_some(), "{key} in {u}");
        }
        assert!(u["total"].is_string(), "decimals are strings");
        let first = &u["events"]
            .as_array()
            .unwrap()
            .first()
            .cloned()
            .unwrap_or_default();
        if !first.is_null() {
            for key in ["index", "kind", "counted", "points", "clause", "reason"] {
                assert!(first.get(key).is_some(), "{key} in {first}");
            }
        }
    }
    let vetoed = units.iter().find(|u| u["vetoed"] == true).unwrap();
    assert_eq!(vetoed["awards"]["先进"]["eligible"], false);
    assert!(vetoed["rank"].is_null());
}

#[test]
fn a_yearly_status_has_no_date_and_its_repeat_says_why() {
    let dir = std::env::temp_dir().join(format!("kaohe-status-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = root().join("tests/corpus/ok/yearly-status.kh");
    let data = dir.join("status.json");
    std::fs::write(
        &data,
        r#"{"units":[{"unit":"甲县","scores":{"工作":80},"events":[{"kind":"死亡人数连续三年下降"},{"kind":"死亡人数连续三年下降","date":"2024-05-01"}]},{"unit":"乙县","scores":{"工作":70},"events":[]}]}"#,
    )
    .unwrap();
    let args = [
        "eval",
        policy.to_str().unwrap(),
        data.to_str().unwrap(),
        "--format",
        "json",
    ];
    let o = common::kaohe(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let events = &v["units"][0]["events"];
    assert_eq!(events[0]["date"], serde_json::Value::Null, "{events:#}");
    assert_eq!(events[0]["counted"], true);
    assert_eq!(events[1]["reason_code"], "status_repeated", "{events:#}");
    let text = common::kaohe(&args[..3]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("#1 死亡人数连续三年下降（年度状态）  计入 加分 2"),
        "{text}"
    );
    assert!(
        text.contains("不计入：年度状态只计一次，已由 #1 计入"),
        "{text}"
    );
}

/// A duplicate under `同一 … 只计 最高` that also vetoes stays counted (for
/// the veto), and its explanation says why it has no points.
#[test]
fn a_duplicate_that_vetoes_says_why_it_has_no_points() {
    let dir = std::env::temp_dir().join(format!("kaohe-dup-veto-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("p.kh");
    std::fs::write(
        &policy,
        "考核办法 \"去重与否决\" { 年度 2024 }\n考核对象 {\n    分组 县 { 甲县, 乙县 }\n}\n计分 { 工作 100 }\n\
         事项 通报 { 级别: 省 | 市 }\n扣分 {\n    同一 编号 只计 最高\n    通报 级别 是 省 => 3\n    通报 级别 是 市 => 1\n}\n\
         一票否决 通报 级别 是 市\n",
    )
    .unwrap();
    let data = dir.join("d.json");
    std::fs::write(
        &data,
        r#"{"units":[{"unit":"甲县","scores":{"工作":80},"events":[{"kind":"通报","级别":"省","date":"2024-03-01","id":"T"},{"kind":"通报","级别":"市","date":"2024-03-02","id":"T"}]},{"unit":"乙县","scores":{"工作":70}}]}"#,
    )
    .unwrap();
    let args = [
        "eval",
        policy.to_str().unwrap(),
        data.to_str().unwrap(),
        "--unit",
        "甲县",
    ];
    let text = String::from_utf8(common::kaohe(&args).stdout).unwrap();
    assert!(
        text.contains("#2 通报（级别 市） 2024-03-02（编号 T）  计入 一票否决；与 #1 同一编号，只计分值最高的一项"),
        "{text}"
    );
    assert!(text.contains("扣分 3"), "{text}");
    let json = common::kaohe(&[
        "eval",
        policy.to_str().unwrap(),
        data.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let unit = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == "甲县")
        .unwrap();
    assert_eq!(unit["events"][1]["duplicate_of"], 0, "{unit:#}");
    assert_eq!(unit["events"][1]["effect"], "veto");
    assert!(unit["events"][0].get("duplicate_of").is_none());
}
