#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Results supplied by another body (#12, construct 8): the data's
//! `scored_by` names who scored a unit's items (a parent item stands for its
//! leaves the data does not name itself; the data wins over the policy's
//! `评分`), the rulings show it in text and JSON, and a `评分单位` sheet of a
//! workbook or CSV folder says the same. Bad keys and values are KH7xx, all
//! in one run, placed by path or `sheet!cell`.

mod common;

use common::{TempDir, kaohe, root, stderr, stdout};

const POLICY: &str = "policies/shaoxing-2019.kh";
const SAMPLE: &str = "policies/shaoxing-2019.sample.json";

/// The sample with `scored_by` added to the first unit (办公室).
fn sample_with(scored_by: &str) -> String {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let needle = r#""unit": "办公室","#;
    assert!(text.contains(needle));
    text.replacen(needle, &format!("{needle} \"scored_by\": {scored_by},"), 1)
}

fn item<'v>(v: &'v serde_json::Value, unit: &str, item: &str) -> &'v serde_json::Value {
    let u = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == unit)
        .unwrap();
    u["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item"] == item)
        .unwrap()
}

#[test]
fn the_data_names_who_scored_and_the_rulings_show_it() {
    let dir = TempDir::new("scored-by-json");
    let data = dir.write(
        "data.json",
        &sample_with(
            r#"{"责任清单工作": "市委督查室", "共性工作": "机关党委", "意识形态": "市委宣传部"}"#,
        ),
    );
    let o = kaohe(&["eval", POLICY, data.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // Named directly, by its parent (over the policy's 评分 职能处室), and a
    // leaf named directly beside its parent.
    assert_eq!(
        item(&v, "办公室", "责任清单工作")["scored_by"],
        "市委督查室"
    );
    assert_eq!(item(&v, "办公室", "一岗双责")["scored_by"], "机关党委");
    assert_eq!(item(&v, "办公室", "制度执行")["scored_by"], "机关党委");
    assert_eq!(item(&v, "办公室", "意识形态")["scored_by"], "市委宣传部");
    // A parent line carries no scorer: its leaves do.
    assert!(item(&v, "办公室", "共性工作").get("scored_by").is_none());
    // Another unit: the policy's 评分 only.
    assert_eq!(item(&v, "综合业务处", "一岗双责")["scored_by"], "职能处室");
    assert_eq!(
        item(&v, "综合业务处", "责任清单工作")["scored_by"],
        "考核办"
    );
    // The scores and the ruling do not change.
    let plain = kaohe(&["eval", POLICY, SAMPLE, "--format", "json"]);
    let w: serde_json::Value = serde_json::from_str(&stdout(&plain)).unwrap();
    assert_eq!(v["units"][0]["total"], w["units"][0]["total"]);
    let text = kaohe(&["eval", POLICY, data.to_str().unwrap(), "--unit", "办公室"]);
    let text = stdout(&text);
    assert!(text.contains("评分 市委督查室"), "{text}");
    assert!(text.contains("评分 市委宣传部"), "{text}");
}

#[test]
fn bad_scored_by_is_reported_whole_and_placed() {
    let dir = TempDir::new("scored-by-bad");
    let data = dir.write(
        "data.json",
        &sample_with(r#"{"责任清单": "市委督查室", "意识形态": true, "意识形态": "x"}"#),
    );
    let o = kaohe(&["eval", POLICY, data.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(stdout(&o).is_empty(), "no partial ruling");
    assert!(err.contains("units[0].scored_by.责任清单"), "{err}");
    assert!(err.contains("责任清单工作"), "did you mean: {err}");
    assert!(err.contains("units[0].scored_by.意识形态"), "{err}");
    assert!(err.contains("units[0].scored_by"), "{err}");
    let wrong = dir.write("wrong.json", &sample_with("[1]"));
    let o = kaohe(&["eval", POLICY, wrong.to_str().unwrap(), "--lang", "en"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("units[0].scored_by"), "{err}");
    assert!(err.contains("object"), "{err}");
}

#[test]
fn a_scorers_sheet_says_the_same_in_a_csv_folder() {
    let dir = TempDir::new("scored-by-csv");
    let folder = dir.path().join("data");
    let o = kaohe(&[
        "template",
        POLICY,
        "--data",
        SAMPLE,
        "--format",
        "csv",
        "-o",
        folder.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sheet = folder.join("评分单位.csv");
    std::fs::write(
        &sheet,
        "单位,责任清单工作,共性工作\n办公室,市委督查室,机关党委\n不存在处,x,y\n",
    )
    .unwrap();
    let o = kaohe(&["eval", POLICY, folder.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("评分单位!A3"), "{err}");
    std::fs::write(
        &sheet,
        "单位,责任清单工作,共性工作,意识\n办公室,市委督查室,机关党委,x\n",
    )
    .unwrap();
    let o = kaohe(&["eval", POLICY, folder.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("评分单位!D2"), "{err}");
    std::fs::write(
        &sheet,
        "单位,责任清单工作,共性工作\n办公室,市委督查室,机关党委\n",
    )
    .unwrap();
    let o = kaohe(&["eval", POLICY, folder.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        item(&v, "办公室", "责任清单工作")["scored_by"],
        "市委督查室"
    );
    assert_eq!(item(&v, "办公室", "一岗双责")["scored_by"], "机关党委");
}

/// `kaohe template --data` carries `scored_by` into the `评分单位` sheet, so
/// JSON turned into a workbook or CSV folder keeps who scored (the rulings,
/// scorers included, are the JSON's); the empty template has the sheet, one
/// row per listed unit, every cell blank.
#[test]
fn the_template_writes_who_scored() {
    let dir = TempDir::new("scored-by-template");
    let data = dir.write(
        "data.json",
        &sample_with(r#"{"责任清单工作": "市委督查室", "共性工作": "机关党委"}"#),
    );
    let json = kaohe(&["eval", POLICY, data.to_str().unwrap(), "--format", "json"]);
    assert!(json.status.success(), "{}", stderr(&json));
    for (format, name) in [("xlsx", "data.xlsx"), ("csv", "data-csv")] {
        let out = dir.path().join(name);
        let o = kaohe(&[
            "template",
            POLICY,
            "--data",
            data.to_str().unwrap(),
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let again = kaohe(&["eval", POLICY, out.to_str().unwrap(), "--format", "json"]);
        assert!(again.status.success(), "{}", stderr(&again));
        assert_eq!(stdout(&again), stdout(&json), "{format}");
    }
    let csv = std::fs::read_to_string(dir.path().join("data-csv/评分单位.csv")).unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert!(lines.next().unwrap().starts_with("单位,"), "{csv}");
    assert!(
        lines.next().unwrap().starts_with("办公室,"),
        "the first unit's row: {csv}"
    );
    assert!(
        csv.contains("市委督查室") && csv.contains("机关党委"),
        "{csv}"
    );

    let empty = dir.path().join("empty-csv");
    let o = kaohe(&[
        "template",
        POLICY,
        "--format",
        "csv",
        "-o",
        empty.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read_to_string(empty.join("评分单位.csv")).unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 9, "{csv}");
    assert!(rows[0].starts_with("办公室,,"), "{csv}");
    assert!(rows.iter().all(|r| r.split(',').skip(1).all(str::is_empty)));
}
