#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Unit data in sheets: a workbook or CSV folder made from the sample JSON by
//! `kaohe template --data` gives byte-identical rulings; a bad cell is named
//! `sheet!cell` with its unit and item; the empty template has both sheets,
//! a row per listed unit and drop-down lists.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{kaohe, root};

use calamine::{Data, Reader, Xlsx, open_workbook};

const POLICY: &str = "policies/shaoxing-2019.kh";
const SAMPLE: &str = "policies/shaoxing-2019.sample.json";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kaohe-sheets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_dir_all(&path);
    let _ = std::fs::remove_file(&path);
    path
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn convert(format: &str, name: &str) -> PathBuf {
    convert_data(&root().join(SAMPLE), format, name)
}

/// `data` converted by `kaohe template --data` to a workbook or CSV folder.
fn convert_data(data: &Path, format: &str, name: &str) -> PathBuf {
    let out = scratch(name);
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
    ok(&o);
    out
}

#[test]
fn a_workbook_and_a_csv_folder_give_the_rulings_of_the_json() {
    let json = ok(&kaohe(&["eval", POLICY, SAMPLE, "--format", "json"]));
    let book = convert("xlsx", "sample.xlsx");
    let folder = convert("csv", "sample-csv");
    for data in [&book, &folder] {
        let from_sheets = ok(&kaohe(&[
            "eval",
            POLICY,
            data.to_str().unwrap(),
            "--format",
            "json",
        ]));
        assert_eq!(from_sheets, json, "{}", data.display());
    }
    // The text report too, and the converted workbook is itself deterministic.
    let text = ok(&kaohe(&["eval", POLICY, SAMPLE]));
    assert_eq!(ok(&kaohe(&["eval", POLICY, book.to_str().unwrap()])), text);
    let again = convert("xlsx", "again.xlsx");
    assert_eq!(
        std::fs::read(&book).unwrap(),
        std::fs::read(&again).unwrap()
    );
}

/// Scores with more digits than a double holds go into a workbook as text,
/// not rounded: the template filled from such data once turned
/// 9.1234567890123456789 into 9.123456789012346, and the ruling read back
/// from it differed from the JSON's without a word.
#[test]
fn long_decimals_survive_the_trip_through_sheets() {
    let data = scratch("long.json");
    let sample = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    assert!(sample.contains(r#""一岗双责": 9.5"#));
    let long = sample
        .replacen(
            r#""一岗双责": 9.5"#,
            r#""一岗双责": 9.1234567890123456789"#,
            1,
        )
        .replacen(r#""points": 2"#, r#""points": 1.0000000000000000001"#, 1);
    std::fs::write(&data, long).unwrap();
    let json = ok(&kaohe(&[
        "eval",
        POLICY,
        data.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert!(json.contains("9.1234567890123456789"));
    for (format, name) in [("xlsx", "long.xlsx"), ("csv", "long-csv")] {
        let out = convert_data(&data, format, name);
        let from_sheets = ok(&kaohe(&[
            "eval",
            POLICY,
            out.to_str().unwrap(),
            "--format",
            "json",
        ]));
        assert_eq!(from_sheets, json, "{format}");
    }
}

/// Rewrites one CSV file of a folder: `edit(rows)`.
fn edit_csv(dir: &Path, file: &str, edit: impl FnOnce(&mut Vec<Vec<String>>)) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    edit(&mut rows);
    let out: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
    std::fs::write(&path, out.join("\n")).unwrap();
}

#[test]
fn bad_cells_are_named_by_sheet_and_cell_with_unit_and_item_all_at_once() {
    let folder = convert("csv", "bad-csv");
    edit_csv(&folder, "得分.csv", |rows| {
        // Row 3 is 综合业务处; column D is 一岗双责 (at most 10).
        rows[2][3] = "99".into();
        // 计划财务处 (row 5) leaves 意识形态 (column E) blank.
        rows[4][4] = String::new();
    });
    edit_csv(&folder, "事项.csv", |rows| {
        rows[1][0] = "综合业务".into();
        rows[2][2] = "2019/7/1".into(); // a text date is fine
        rows[3][9] = "省长".into(); // 层级 (after 提出单位) has no such value
    });
    let o = kaohe(&["eval", POLICY, folder.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "no partial ruling");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("单位「综合业务处」（得分!D3）：「一岗双责」得分 99 超出范围 0 至 10"),
        "{err}"
    );
    assert!(
        err.contains("事项!A2：单位「综合业务」不在「得分」表中（是否指「综合业务处」？）"),
        "{err}"
    );
    assert!(
        err.contains("事项!J4"),
        "the bad attribute value's cell: {err}"
    );
    assert!(
        err.contains("单位「计划财务处」（得分!E5）"),
        "a blank score is the blank cell itself: {err}"
    );
    assert!(!err.contains("2019/7/1"), "{err}");
    // English names the same cells.
    let o = kaohe(&["--lang", "en", "eval", POLICY, folder.to_str().unwrap()]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("unit `综合业务处` (得分!D3)"), "{err}");
}

#[test]
fn a_bad_cell_in_a_workbook_is_named_too() {
    // A JSON file with one score too high, converted to a workbook.
    let text = std::fs::read_to_string(root().join(SAMPLE))
        .unwrap()
        .replacen("\"制度执行\": 4", "\"制度执行\": 9.8", 1);
    let json = scratch("bad.json");
    std::fs::write(&json, text).unwrap();
    let book = scratch("bad.xlsx");
    ok(&kaohe(&[
        "template",
        POLICY,
        "--data",
        json.to_str().unwrap(),
        "-o",
        book.to_str().unwrap(),
    ]));
    let o = kaohe(&["eval", POLICY, book.to_str().unwrap()]);
    let err = String::from_utf8(o.stderr).unwrap();
    // 办公室 is row 2; 制度执行 is the sixth column, F; 9.8 exactly as shown.
    assert!(
        err.contains("单位「办公室」（得分!F2）：「制度执行」得分 9.8 超出范围 0 至 4"),
        "{err}"
    );
}

#[test]
fn the_empty_template_has_both_sheets_every_listed_unit_and_drop_downs() {
    let path = scratch("template.xlsx");
    ok(&kaohe(&["template", POLICY, "-o", path.to_str().unwrap()]));
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        &names[..3],
        &[
            "得分".to_string(),
            "事项".to_string(),
            "评分单位".to_string()
        ]
    );
    assert!(names.iter().any(|n| n.starts_with("评分-")), "{names:?}");
    let scores = book.worksheet_range("得分").unwrap();
    let header: Vec<String> = scores
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..3], &["单位", "分组", "责任清单工作"]);
    let units: Vec<String> = scores.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(units.len(), 9, "{units:?}");
    assert_eq!(units[0], "办公室");
    assert!(scores.rows().skip(1).all(|r| r[2] == Data::Empty));
    let events = book.worksheet_range("事项").unwrap();
    let header: Vec<String> = events
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..4], &["单位", "事项", "日期", "分值"]);
    assert!(header.contains(&"层级".to_string()));
    // Drop-downs: list validations on the events sheet, their values on a
    // hidden sheet; notes with the maxima on the scores header.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet2.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("<dataValidation type=\"list\""), "{xml}");
    let mut notes = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with("xl/comments") {
            f.read_to_string(&mut notes).unwrap();
        }
    }
    assert!(notes.contains("满分 60"), "{notes}");
    let lists = book.worksheet_range("选项").unwrap();
    let all: Vec<String> = lists.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(all.contains(&"市政府".to_string()) && all.contains(&"表彰".to_string()));
}

#[test]
fn missing_sheets_and_files_are_said_so() {
    let empty = scratch("empty-folder");
    std::fs::create_dir_all(&empty).unwrap();
    let o = kaohe(&["eval", POLICY, empty.to_str().unwrap()]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("KH700") && err.contains("CSV 数据格式错误：文件夹中没有「得分.csv」\n"),
        "{err}"
    );
    let fake = scratch("fake.xlsx");
    std::fs::write(&fake, "not a workbook").unwrap();
    let o = kaohe(&["eval", POLICY, fake.to_str().unwrap()]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("KH700") && err.contains("不是能读取的工作簿"),
        "{err}"
    );
    let o = kaohe(&["eval", POLICY, "no-such.xlsx"]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("KH001") && err.contains("文件不存在"), "{err}");
}

/// `book` with every `from` in its scores sheet's XML replaced by `to`.
fn rewrite_scores_sheet(book: &Path, from: &str, to: &str, name: &str) -> PathBuf {
    rewrite_scores_sheet_as(book, from, to, name, zip::CompressionMethod::Deflated)
}

/// The same, each part stored with `method`.
fn rewrite_scores_sheet_as(
    book: &Path,
    from: &str,
    to: &str,
    name: &str,
    method: zip::CompressionMethod,
) -> PathBuf {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(book).unwrap()).unwrap();
    let out = scratch(name);
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&out).unwrap());
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let part = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if part == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            assert!(xml.contains(from), "{xml}");
            bytes = xml.replace(from, to).into_bytes();
        }
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        writer.start_file(part, options).unwrap();
        std::io::Write::write_all(&mut writer, &bytes).unwrap();
    }
    writer.finish().unwrap();
    out
}

#[test]
fn a_cell_reference_outside_excel_grid_refuses_the_workbook() {
    // calamine's u32 arithmetic wraps `MWLQKWY2` to `C2`: without the check
    // the value was read into C2 and the ruling looked right. `AAAAAAAA1`
    // overflowed (a panic in debug builds); a row past 1,048,576 likewise.
    let book = convert("xlsx", "grid.xlsx");
    for (i, (from, to)) in [
        (r#"r="C2""#, r#"r="MWLQKWY2""#),
        (r#"r="A1""#, r#"r="AAAAAAAA1""#),
        (r#"r="C2""#, r#"r="C99999999999""#),
    ]
    .into_iter()
    .enumerate()
    {
        let bad = rewrite_scores_sheet(&book, from, to, &format!("grid-{i}.xlsx"));
        let o = kaohe(&["eval", POLICY, bad.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{to}");
        assert!(o.stdout.is_empty(), "no partial ruling for {to}");
        let err = String::from_utf8(o.stderr).unwrap();
        let reference = &to[3..to.len() - 1];
        assert!(
            err.contains("KH700")
                && err.contains(&format!(
                    "「xl/worksheets/sheet1.xml」中的单元格位置「{reference}」"
                ))
                && err.contains("另存为 .xlsx"),
            "{err}"
        );
    }
    // A part whose checksum is wrong is still read to its end by calamine,
    // so it is checked too (a fuzzer's find): a stored part with a byte
    // changed after the bad reference.
    let stored = rewrite_scores_sheet_as(
        &book,
        r#"r="A1""#,
        r#"r="AAAAAAAA1""#,
        "grid-crc.xlsx",
        zip::CompressionMethod::Stored,
    );
    let mut bytes = std::fs::read(&stored).unwrap();
    let at = bytes
        .windows(b"</worksheet>".len())
        .position(|w| w == b"</worksheet>")
        .unwrap();
    bytes[at + 2] = b'W';
    std::fs::write(&stored, &bytes).unwrap();
    let o = kaohe(&["eval", POLICY, stored.to_str().unwrap()]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("「AAAAAAAA1」"), "{err}");
    // The untouched workbook still reads, rewritten the same way.
    let same = rewrite_scores_sheet(&book, r#"r="C2""#, r#"r="C2""#, "grid-same.xlsx");
    ok(&kaohe(&["eval", POLICY, same.to_str().unwrap()]));
}

/// An example's `提出单位` field (read by name in `syntax`, which may not use
/// the data contract) names the event sheet's column of that header.
#[test]
fn an_examples_proposed_by_is_the_sheets_column() {
    let [zh, en] = kaohe::ast::FieldKey::PROPOSED_BY;
    let column = kaohe::contract::PROPOSED_BY;
    assert_eq!((column.zh, column.en, column.key), (zh, en, en));
}

#[test]
fn who_proposed_an_event_survives_the_sheets_and_reaches_every_ruling() {
    // The Hohhot sample names who proposed two of its events.
    let policy = "policies/hohhot-safety-2004.kh";
    let data = root().join("policies/hohhot-safety-2004.sample.json");
    let json = ok(&kaohe(&["eval", policy, data.to_str().unwrap()]));
    assert!(
        json.contains("（提出单位 市安全生产监督管理局）"),
        "the text ruling names the proposer: {json}"
    );
    for format in ["xlsx", "csv"] {
        let out = scratch(if format == "xlsx" {
            "proposed.xlsx"
        } else {
            "proposed-csv"
        });
        ok(&kaohe(&[
            "template",
            policy,
            "--data",
            data.to_str().unwrap(),
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ]));
        let again = ok(&kaohe(&["eval", policy, out.to_str().unwrap()]));
        let strip = |s: &str| {
            s.lines()
                .filter(|l| !l.contains("sha256"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(strip(&again), strip(&json), "{format}");
    }
    let v: serde_json::Value = serde_json::from_str(&ok(&kaohe(&[
        "eval",
        policy,
        data.to_str().unwrap(),
        "--format",
        "json",
    ])))
    .unwrap();
    let unit = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == "回民区")
        .unwrap();
    assert_eq!(unit["events"][0]["proposed_by"], "市安全生产监督管理局");
}
