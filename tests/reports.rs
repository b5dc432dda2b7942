#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::disallowed_methods
)]

//! The document formats (Markdown, HTML, CSV, XLSX) of the shipped policy on
//! its sample data, and of a policy with caps, grades and quotas whose
//! boundaries tie: snapshots, structure, numbers read back against the JSON
//! report, escaping, and byte-identical reruns.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
mod common;

use common::file;
use kaohe::i18n::Lang;
use kaohe::report::Format;
use kaohe::source::SourceFile;

const POLICY: &str = "policies/shaoxing-2019.kh";
const SAMPLE: &str = "policies/shaoxing-2019.sample.json";
const FEATURES: &str = "tests/corpus/ok/features-2b.kh";
const FEATURES_DATA: &str = "tests/data/features-2b.json";

fn bytes_of(policy: &SourceFile, data: &SourceFile, format: Format, lang: Lang) -> Vec<u8> {
    common::eval_bytes(policy, data, format, lang, None)
        .unwrap()
        .0
}

fn bytes(policy: &str, data: &str, format: Format, lang: Lang) -> Vec<u8> {
    bytes_of(&file(policy), &file(data), format, lang)
}

fn text(policy: &str, data: &str, format: Format, lang: Lang) -> String {
    String::from_utf8(bytes(policy, data, format, lang)).unwrap()
}

fn json(policy: &str, data: &str) -> serde_json::Value {
    serde_json::from_str(&text(policy, data, Format::Json, Lang::Zh)).unwrap()
}

fn units(json: &serde_json::Value) -> Vec<serde_json::Value> {
    json["units"].as_array().unwrap().clone()
}

#[test]
fn sample_md_zh() {
    insta::assert_snapshot!(text(POLICY, SAMPLE, Format::Md, Lang::Zh));
}

#[test]
fn sample_md_en() {
    insta::assert_snapshot!(text(POLICY, SAMPLE, Format::Md, Lang::En));
}

#[test]
fn sample_csv_zh() {
    insta::assert_snapshot!(text(POLICY, SAMPLE, Format::Csv, Lang::Zh));
}

#[test]
fn sample_csv_en() {
    insta::assert_snapshot!(text(POLICY, SAMPLE, Format::Csv, Lang::En));
}

/// Caps that bite, a cleared item, skipped events, grades and an award with
/// ties across their quotas (pending), ranking within groups.
#[test]
fn features_md() {
    insta::assert_snapshot!(text(FEATURES, FEATURES_DATA, Format::Md, Lang::Zh));
}

#[test]
fn features_csv() {
    insta::assert_snapshot!(text(FEATURES, FEATURES_DATA, Format::Csv, Lang::Zh));
}

#[test]
fn csv_starts_with_a_bom_and_has_a_row_per_unit_in_json_order() {
    let csv = bytes(POLICY, SAMPLE, Format::Csv, Lang::Zh);
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let j = json(POLICY, SAMPLE);
    let units = units(&j);
    assert_eq!(rows.len(), units.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, unit) in rows.iter().zip(&units) {
        assert_eq!(&row[col("单位")], unit["unit"].as_str().unwrap());
        assert_eq!(&row[col("总分")], unit["total"].as_str().unwrap());
        assert_eq!(&row[col("加分")], unit["bonus"].as_str().unwrap());
        assert_eq!(&row[col("扣分")], unit["deduction"].as_str().unwrap());
        for item in unit["items"].as_array().unwrap() {
            if !item["score"].is_null() {
                let name = item["item"].as_str().unwrap();
                assert_eq!(&row[col(name)], item["contribution"].as_str().unwrap());
            }
        }
    }
}

fn html_structure(html: &str, j: &serde_json::Value) {
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    for unit in units(j) {
        let name = unit["unit"].as_str().unwrap();
        // In the table, the chart and the explanation at least.
        assert!(html.matches(name).count() >= 3, "{name}");
    }
    assert_eq!(html.matches("<svg").count(), 1);
    assert_eq!(html.matches("<g class=\"bar").count(), units(j).len());
    assert!(html.contains(j["policy"]["sha256"].as_str().unwrap()));
    assert!(html.contains(j["data_sha256"].as_str().unwrap()));
    assert_eq!(html.matches("<article").count(), units(j).len());
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("break-before: page"));
    // Self-contained: nothing is fetched, nothing runs.
    for needle in ["http", "<script", "<link", "@import", "src="] {
        assert!(!html.contains(needle), "{needle}");
    }
    let urls: Vec<&str> = html.matches("url(").collect();
    assert_eq!(urls.len(), html.matches("url(#hatch)").count());
}

#[test]
fn html_has_every_section_and_fetches_nothing() {
    let j = json(POLICY, SAMPLE);
    let html = text(POLICY, SAMPLE, Format::Html, Lang::Zh);
    html_structure(&html, &j);
    assert!(html.contains("<html lang=\"zh-CN\">"));
    for needle in [
        "绍兴市机关事务服务中心2019年度工作目标责任制考核办法",
        "制定 绍兴市机关事务服务中心",
        "年度 2019",
        "<h2>排名</h2>",
        "<h2>总分图</h2>",
        "<h2>解释（办法中对原文的量化）</h2>",
        "原文&#39;得分居后&#39;未量化，取末两名",
        "【四(四)1(1)】",
        "已计入 2018 年度（除外）",
        "日期不在期间内 2019-01-01 至 2019-12-31",
        "已清零 2 → 0",
        "<g class=\"bar vetoed\">",
        "95.5（否决）",
        "诫勉",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
    let en = text(POLICY, SAMPLE, Format::Html, Lang::En);
    html_structure(&en, &j);
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("issued by 绍兴市机关事务服务中心"));
    assert!(en.contains("dated outside the window"));
}

#[test]
fn html_of_caps_grades_and_ties() {
    let j = json(FEATURES, FEATURES_DATA);
    let html = text(FEATURES, FEATURES_DATA, Format::Html, Lang::Zh);
    html_structure(&html, &j);
    for needle in [
        "先进（名额 3）",
        "待定（名额边界并列，需研究决定）",
        "优秀（待定）",
        "<h4>封顶</h4>",
        "封顶 7.5 → 5",
        "<h2>名单</h2>",
        "<h3>等次</h3>",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
}

/// Free text from the data (an event's document number) is escaped in every
/// document format.
#[test]
fn data_text_is_escaped() {
    let data = file(SAMPLE);
    let hostile = r#"<script>alert('x')</script> a|b *c* & \"d\""#;
    let changed = data.text.replacen("浙政发〔2019〕12号", hostile, 1);
    assert_ne!(changed, data.text);
    let data = SourceFile::new("hostile.json", changed);
    let policy = file(POLICY);
    let run = |f| String::from_utf8(bytes_of(&policy, &data, f, Lang::Zh)).unwrap();
    let html = run(Format::Html);
    assert!(!html.contains("<script>"));
    assert!(
        html.contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; a|b *c* &amp; &quot;d&quot;"
        )
    );
    let md = run(Format::Md);
    assert!(
        md.contains(r#"\<script>alert('x')\</script> a\|b \*c\* \& "d""#),
        "{md}"
    );
    let csv = run(Format::Csv);
    assert!(!csv.contains("script"), "the CSV has no event text");
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

/// A number cell holds exactly the JSON report's decimal.
fn same_number(cell: &Data, decimal: &str) {
    match cell {
        Data::Float(f) => {
            assert_eq!(format!("{f}"), decimal);
            assert_eq!(*f, decimal.parse::<f64>().unwrap());
        }
        Data::Int(i) => assert_eq!(i.to_string(), decimal),
        other => panic!("{other:?} is not the number {decimal}"),
    }
}

fn xlsx_matches_json(policy: &str, data: &str, lang: Lang, results: &str, explained: &str) {
    let book = bytes(policy, data, Format::Xlsx, lang);
    let j = json(policy, data);
    let units = units(&j);
    let rows = sheet(&book, results);
    assert_eq!(rows.len(), units.len() + 1);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (unit_col, bonus, deduction, total, rank, vetoed) = match lang {
        Lang::Zh => ("单位", "加分", "扣分", "总分", "名次", "否决"),
        Lang::En => ("unit", "bonus", "deduction", "total", "rank", "vetoed"),
    };
    for (row, unit) in rows[1..].iter().zip(&units) {
        assert_eq!(
            row[col(unit_col)].to_string(),
            unit["unit"].as_str().unwrap()
        );
        same_number(&row[col(bonus)], unit["bonus"].as_str().unwrap());
        same_number(&row[col(deduction)], unit["deduction"].as_str().unwrap());
        same_number(&row[col(total)], unit["total"].as_str().unwrap());
        match unit["rank"].as_u64() {
            Some(r) => same_number(&row[col(rank)], &r.to_string()),
            None => assert_eq!(row[col(rank)], Data::Empty),
        }
        let yes = if unit["vetoed"].as_bool().unwrap() {
            ["是", "yes"]
        } else {
            ["否", "no"]
        };
        assert!(yes.contains(&row[col(vetoed)].to_string().as_str()));
        for item in unit["items"].as_array().unwrap() {
            if !item["score"].is_null() {
                let name = item["item"].as_str().unwrap();
                same_number(&row[col(name)], item["contribution"].as_str().unwrap());
            }
        }
    }
    // One explanation row per item, event, cap, veto, award and outcome.
    let lines = sheet(&book, explained);
    let expected: usize = units
        .iter()
        .map(|u| {
            ["items", "events", "caps", "vetoes"]
                .iter()
                .map(|k| u[k].as_array().unwrap().len())
                .sum::<usize>()
                + u["awards"].as_object().unwrap().len()
                + u["outcomes"].as_object().unwrap().len()
        })
        .sum();
    assert_eq!(lines.len(), expected + 1);
    // Every event's points, in data order within its unit.
    for unit in &units {
        let name = unit["unit"].as_str().unwrap();
        let mine: Vec<&Vec<Data>> = lines[1..]
            .iter()
            .filter(|r| r[0] == Data::String(name.to_string()))
            .collect();
        let events: Vec<&&Vec<Data>> = mine
            .iter()
            .filter(|r| r[2].to_string().starts_with('#'))
            .collect();
        let json_events = unit["events"].as_array().unwrap();
        assert_eq!(events.len(), json_events.len(), "{name}");
        for (row, ev) in events.iter().zip(json_events) {
            match ev["points"].as_str() {
                Some(p) => same_number(&row[3], p),
                None => assert_eq!(row[3], Data::Empty),
            }
        }
    }
}

#[test]
fn xlsx_cells_are_the_json_reports_numbers() {
    xlsx_matches_json(POLICY, SAMPLE, Lang::Zh, "结果", "说明");
    xlsx_matches_json(POLICY, SAMPLE, Lang::En, "Results", "Explanations");
    xlsx_matches_json(FEATURES, FEATURES_DATA, Lang::Zh, "结果", "说明");
}

#[test]
fn xlsx_policy_sheet_names_the_files() {
    let book = bytes(POLICY, SAMPLE, Format::Xlsx, Lang::Zh);
    let j = json(POLICY, SAMPLE);
    let cells: Vec<String> = sheet(&book, "办法")
        .iter()
        .flatten()
        .map(|c| c.to_string())
        .collect();
    for needle in [
        j["policy"]["sha256"].as_str().unwrap(),
        j["data_sha256"].as_str().unwrap(),
        "绍兴市机关事务服务中心",
        "原文'得分居后'未量化，取末两名",
    ] {
        assert!(cells.iter().any(|c| c == needle), "{needle}");
    }
}

#[test]
fn every_format_is_byte_identical_on_rerun() {
    for format in [Format::Md, Format::Html, Format::Csv, Format::Xlsx] {
        for lang in [Lang::Zh, Lang::En] {
            for (policy, data) in [(POLICY, SAMPLE), (FEATURES, FEATURES_DATA)] {
                assert_eq!(
                    bytes(policy, data, format, lang),
                    bytes(policy, data, format, lang),
                    "{format:?} {lang:?} {policy}"
                );
            }
        }
    }
}

/// Across processes too (hash maps are seeded per process), and through `-o`.
#[test]
fn xlsx_from_two_processes_is_byte_identical() {
    let dir = std::env::temp_dir().join(format!("kaohe-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |name: &str| {
        let path = dir.join(name);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_kaohe"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["eval", POLICY, SAMPLE, "--format", "xlsx", "-o"])
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::read(&path).unwrap()
    };
    let a = run("a.xlsx");
    assert_eq!(a, run("b.xlsx"));
    assert_eq!(a, bytes(POLICY, SAMPLE, Format::Xlsx, Lang::Zh));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--unit` keeps to one unit in every document format.
#[test]
fn one_unit_only() {
    let policy = file(POLICY);
    let data = file(SAMPLE);
    for format in [Format::Md, Format::Html, Format::Csv] {
        let s = common::eval(&policy, &data, format, Lang::Zh, Some("公共机构节能处")).unwrap();
        assert!(s.contains("公共机构节能处"), "{format:?}");
        assert!(!s.contains("综合业务处"), "{format:?}");
    }
}

/// A workbook is refused on a terminal (usage error, exit 2) and written to a
/// pipe. The terminal is made by util-linux `script`; skipped without it.
#[test]
fn xlsx_is_not_written_to_a_terminal() {
    let bin = env!("CARGO_BIN_EXE_kaohe");
    let piped = std::process::Command::new(bin)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["eval", POLICY, SAMPLE, "--format", "xlsx"])
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(piped.stdout.starts_with(b"PK"), "a zip file");
    let script = std::process::Command::new("script")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "-qec",
            &format!("{bin} eval {POLICY} {SAMPLE} --format xlsx"),
            "/dev/null",
        ])
        .output();
    let Ok(tty) = script else {
        eprintln!("skipped the terminal case: no `script` here");
        return;
    };
    let shown = String::from_utf8_lossy(&tty.stdout);
    assert_eq!(tty.status.code(), Some(2), "{shown}");
    assert!(shown.contains("-o"), "{shown}");
    assert!(!shown.contains("PK"), "{shown}");
}
