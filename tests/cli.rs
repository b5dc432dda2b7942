#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The `kaohe` binary as users run it: exit status, formats, languages.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{TempDir, kaohe, root, stdout};

/// A copy of the shipped policy with `from` replaced by `to`, in a folder of
/// its own that goes when the copy is dropped.
struct Variant {
    _dir: TempDir,
    path: PathBuf,
}

impl Variant {
    fn arg(&self) -> &str {
        self.path.to_str().unwrap()
    }
}

fn variant(name: &str, from: &str, to: &str) -> Variant {
    let text = common::read("policies/shaoxing-2019.kh");
    assert!(text.contains(from), "{from}");
    let dir = TempDir::new(&format!("cli-{name}"));
    let path = dir.write(name, &text.replacen(from, to, 1));
    Variant { _dir: dir, path }
}

#[test]
fn the_shipped_policy_checks_without_errors() {
    let o = kaohe(&["check", "policies/shaoxing-2019.kh"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("0 个错误"), "{out}");
    assert!(out.contains("KH304"));
}

#[test]
fn a_weight_error_fails_and_names_terms_and_sums() {
    let p = variant("kh301.kh", "制度执行 4", "制度执行 6");
    let o = kaohe(&["check", p.arg()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for needle in ["KH301", "共性工作", "27", "25"] {
        assert!(out.contains(needle), "{needle} in {out}");
    }
    assert!(!out.contains('\u{1b}'), "no colour with NO_COLOR");
}

#[test]
fn english_messages_with_lang_en() {
    let p = variant("kh201.kh", "不含 办公室 ", "不含 中心办公室 ");
    let o = kaohe(&["--lang", "en", "check", p.arg()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("did you mean `办公室`?"));
    let after = kaohe(&["check", p.arg(), "--lang", "en"]);
    assert_eq!(
        stdout(&after),
        stdout(&o),
        "--lang works after the subcommand too"
    );
}

#[test]
fn json_lists_every_finding_with_its_place() {
    let p = variant(
        "kh202.kh",
        "市机关后勤保障中心, 市机关资产事务中心",
        "市机关后勤保障中心, 综合业务处, 市机关资产事务中心",
    );
    let o = kaohe(&["check", "--format", "json", p.arg()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = &v[0];
    assert_eq!(d["code"], "KH202");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 19);
    assert_eq!(d["column"], 20);
    assert!(d["message"].as_str().unwrap().contains("综合业务处"));
    assert!(d["help"].is_string());
    assert!(d["file"].as_str().unwrap().ends_with("kh202.kh"));
}

#[test]
fn a_missing_brace_reports_line_and_column_in_both_formats() {
    let p = variant("kh102.kh", "        兜底条款 5", "        兜底条款 5 {");
    let o = kaohe(&["check", p.arg()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("KH102"));
    let j = kaohe(&["--lang", "en", "check", "--format", "json", p.arg()]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&j)).unwrap();
    assert_eq!(v[0]["code"], "KH102");
    assert_eq!(v[0]["line"], 30);
    assert!(v[0]["column"].as_u64().unwrap() > 1);
}

#[test]
fn an_unreadable_file_is_a_finding() {
    let o = kaohe(&["check", "no/such/file.kh"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("KH001"));
}

#[test]
fn a_file_not_in_utf8_or_an_output_that_cannot_be_written_is_said_so() {
    let gbk = std::env::temp_dir().join(format!("kaohe-gbk-{}.kh", std::process::id()));
    // 考核 in GBK.
    std::fs::write(&gbk, [0xbf, 0xbc, 0xba, 0xcb]).unwrap();
    let o = kaohe(&["check", gbk.to_str().unwrap()]);
    let _ = std::fs::remove_file(&gbk);
    // `check` writes its findings on stdout.
    let err = stdout(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("KH001") && err.contains("不是 UTF-8 编码的文本（第 1 个字节）"),
        "{err}"
    );
    assert!(err.contains("用 UTF-8 编码另存"), "{err}");
    assert!(!err.contains('╭'), "no source to show: {err}");

    let o = kaohe(&[
        "eval",
        "policies/shaoxing-2019.kh",
        "policies/shaoxing-2019.sample.json",
        "-o",
        "no-such-folder/out.json",
    ]);
    let err = String::from_utf8(o.stderr.clone()).unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("无法写入文件「no-such-folder/out.json」：所在的文件夹不存在"),
        "{err}"
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn codes_explains_a_code_in_either_language() {
    let o = kaohe(&["codes", "KH401"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("## KH401 规则重叠"), "{text}");
    assert!(
        text.contains("```kaohe") && !text.contains("## KH402"),
        "{text}"
    );
    let en = stdout(&kaohe(&["--lang", "en", "codes", "kh504"]));
    assert!(en.starts_with("## KH504 "), "{en}");
    assert!(en.contains("allow"), "{en}");
    let all = stdout(&kaohe(&["codes"]));
    assert!(all.lines().any(|l| l.starts_with("KH801  ")), "{all}");
    assert_eq!(kaohe(&["codes", "KH999"]).status.code(), Some(2));
}

#[test]
fn the_2020_revision_checks_passes_its_examples_and_evaluates_its_sample() {
    let o = kaohe(&["check", "policies/shaoxing-2020.kh"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(!stdout(&o).contains("KH304"), "the bonus is capped now");
    assert_eq!(
        kaohe(&["test", "policies/shaoxing-2020.kh"]).status.code(),
        Some(0)
    );
    let o = kaohe(&[
        "eval",
        "policies/shaoxing-2020.kh",
        "policies/shaoxing-2020.sample.json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    // The quota of 3: two selected, then a tie at the boundary is pending.
    assert!(stdout(&o).contains("待定"), "{}", stdout(&o));
}

#[test]
fn the_output_file_extension_chooses_the_format_unless_one_is_given() {
    let dir = std::env::temp_dir().join(format!("kaohe-ext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |name: &str, extra: &[&str]| {
        let path = dir.join(name);
        let mut args = vec![
            "eval",
            "policies/shaoxing-2019.kh",
            "policies/shaoxing-2019.sample.json",
            "-o",
            path.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        assert_eq!(kaohe(&args).status.code(), Some(0));
        std::fs::read(&path).unwrap()
    };
    assert!(run("r.html", &[]).starts_with(b"<!DOCTYPE html>"));
    assert!(run("r.xlsx", &[]).starts_with(b"PK"));
    assert!(run("r.json", &[]).starts_with(b"{"));
    assert!(run("r.txt", &[]).starts_with("绍兴市".as_bytes()));
    assert!(run("r2.html", &["--format", "text"]).starts_with("绍兴市".as_bytes()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::io::Read;
    use std::process::Stdio;
    // Enough units that the output overflows the pipe's buffer.
    let scores = r#""责任清单工作": 50, "一岗双责": 9, "意识形态": 4, "制度执行": 4, "预算执行": 2, "兜底条款": 5, "考核办评价": 4, "领导小组综合评价": 9"#;
    let mut units: Vec<String> = (0..3000)
        .map(|i| format!(r#"{{"unit": "单位{i}", "group": "直属单位", "scores": {{{scores}}}}}"#))
        .collect();
    units.push(format!(r#"{{"unit": "办公室", "scores": {{{scores}}}}}"#));
    let data = std::env::temp_dir().join(format!("kaohe-pipe-{}.json", std::process::id()));
    std::fs::write(&data, format!(r#"{{"units": [{}]}}"#, units.join(","))).unwrap();
    let data = data.to_str().unwrap().to_string();
    let errors = std::env::temp_dir().join(format!("kaohe-pipe-{}.err", std::process::id()));
    for args in [
        vec![
            "eval",
            "bench/shaoxing-2019-open.kh",
            data.as_str(),
            "--format",
            "json",
        ],
        vec!["eval", "bench/shaoxing-2019-open.kh", data.as_str()],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kaohe"))
            .args(&args)
            .current_dir(root())
            .stdout(Stdio::piped())
            // A file, not a pipe nobody drains while stdout is read.
            .stderr(std::fs::File::create(&errors).unwrap())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // stdout is dropped here: the pipe is closed.
        let out = child.wait_with_output().unwrap();
        let err = std::fs::read_to_string(&errors).unwrap();
        assert!(
            !err.contains("KH001") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
    let _ = std::fs::remove_file(&data);
    let _ = std::fs::remove_file(&errors);
}

#[test]
fn warnings_pass_unless_denied() {
    let p = root().join("tests/corpus/err/kh208-empty-group.kh");
    let p = p.to_str().unwrap();
    assert_eq!(kaohe(&["check", p]).status.code(), Some(0));
    assert_eq!(
        kaohe(&["check", "--deny-warnings", p]).status.code(),
        Some(1)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(kaohe(&["check"]).status.code(), Some(2));
    assert_eq!(
        kaohe(&["--lang", "fr", "check", "x.kh"]).status.code(),
        Some(2)
    );
}

#[test]
fn eval_prints_the_ranking_and_explanations() {
    let o = kaohe(&[
        "eval",
        "policies/shaoxing-2019.kh",
        "policies/shaoxing-2019.sample.json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for needle in [
        "排名",
        "综合业务处",
        "━━ 综合业务处",
        "不计入",
        "否决",
        "【四(四)1(1)】",
    ] {
        assert!(out.contains(needle), "{needle}");
    }
}

#[test]
fn eval_json_runs_are_byte_identical_and_parse() {
    let args = [
        "eval",
        "policies/shaoxing-2019.kh",
        "policies/shaoxing-2019.sample.json",
        "--format",
        "json",
    ];
    let a = kaohe(&args);
    let b = kaohe(&args);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 9);
}

#[test]
fn eval_refuses_bad_data_with_every_problem_and_no_ruling() {
    let o = kaohe(&[
        "eval",
        "policies/shaoxing-2019.kh",
        "tests/data/bad/five-problems.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "no partial ruling on stdout");
    let err = String::from_utf8(o.stderr.clone()).unwrap();
    for code in ["KH701", "KH707", "KH711", "KH712", "KH713"] {
        assert!(err.contains(code), "{code} in {err}");
    }
}

#[test]
fn eval_to_a_file_leaves_nothing_when_refused() {
    let dir = std::env::temp_dir().join(format!("kaohe-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("rulings.json");
    let t = target.to_str().unwrap();
    let bad = kaohe(&[
        "eval",
        "policies/shaoxing-2019.kh",
        "tests/data/bad/kh713-bad-date.json",
        "-o",
        t,
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(!target.exists());
    assert!(
        std::fs::read_dir(&dir).unwrap().next().is_none(),
        "no partial file either"
    );
    let good = kaohe(&[
        "eval",
        "policies/shaoxing-2019.kh",
        "policies/shaoxing-2019.sample.json",
        "-o",
        t,
        "--format",
        "jsonl",
    ]);
    assert_eq!(good.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&target).unwrap().lines().count(), 9);
}

#[test]
fn eval_one_unit_and_an_unknown_one() {
    let o = kaohe(&[
        "eval",
        "policies/shaoxing-2019.kh",
        "policies/shaoxing-2019.sample.json",
        "--unit",
        "房产基建处",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("━━ 房产基建处"));
    assert!(!stdout(&o).contains("━━ 办公室"));
    let bad = kaohe(&[
        "eval",
        "policies/shaoxing-2019.kh",
        "policies/shaoxing-2019.sample.json",
        "--unit",
        "房产基建",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8(bad.stderr)
            .unwrap()
            .contains("是否指「房产基建处」")
    );
}

#[test]
fn eval_of_a_policy_with_errors_writes_nothing() {
    let p = variant("eval-kh301.kh", "制度执行 4", "制度执行 6");
    let o = kaohe(&["eval", p.arg(), "policies/shaoxing-2019.sample.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8(o.stderr).unwrap().contains("KH301"));
}

#[test]
fn test_runs_the_examples() {
    let o = kaohe(&["test", "policies/shaoxing-2019.kh"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("✓ 省级表彰加10分"));
    assert!(out.contains("7 个通过，0 个失败"));
}

#[test]
fn a_wrong_expectation_fails_with_expected_and_actual() {
    let p = variant(
        "wrong-expect.kh",
        "预期 总分 105, 加分 10",
        "预期 总分 104, 加分 10",
    );
    let o = kaohe(&["--lang", "en", "test", p.arg()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("KH801"));
    assert!(out.contains("expected total 104, got total 105"), "{out}");
    assert!(out.contains("1 failed"));
}

/// An event's `title` and `id` (data contract §5: carried into the rulings)
/// appear in every format that lists events, in both languages, and come
/// through the sheets that `kaohe template --data` writes.
#[test]
fn an_events_title_and_id_reach_every_format() {
    let dir = TempDir::new("titled");
    let sample = common::read("policies/shaoxing-2019.sample.json");
    let doc = r#""doc": "浙政发〔2019〕12号" }"#;
    assert!(sample.contains(doc));
    let title = "关于表彰2018年度全省先进集体的决定";
    let data = dir.write(
        "titled.json",
        &sample.replacen(
            doc,
            &format!(r#""doc": "浙政发〔2019〕12号", "title": "{title}", "id": "2019-001" }}"#),
            1,
        ),
    );
    let data = data.to_str().unwrap();
    let policy = "policies/shaoxing-2019.kh";
    for (format, lang, shows) in [
        ("text", "zh", format!("《{title}》（编号 2019-001）")),
        ("text", "en", format!("“{title}” (id 2019-001)")),
        ("md", "zh", format!("《{title}》（编号 2019-001）")),
        ("html", "zh", format!("《{title}》（编号 2019-001）")),
        ("json", "zh", format!(r#""title": "{title}","#)),
        ("json", "en", r#""id": "2019-001","#.to_string()),
    ] {
        let o = kaohe(&["eval", policy, data, "--format", format, "--lang", lang]);
        assert!(o.status.success(), "{format} {lang}");
        assert!(stdout(&o).contains(&shows), "{format} {lang}: {shows}");
    }
    // Data without them reads as before: no `title` or `id` key.
    let o = kaohe(&[
        "eval",
        policy,
        "policies/shaoxing-2019.sample.json",
        "--format",
        "json",
    ]);
    assert!(!stdout(&o).contains(r#""title": null"#) && !stdout(&o).contains(r#""id":"#));
    // Through a workbook: the 事项 sheet's 标题 and 编号 columns.
    let book = dir.path().join("titled.xlsx");
    let o = kaohe(&[
        "template",
        policy,
        "--data",
        data,
        "-o",
        book.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = kaohe(&["eval", policy, book.to_str().unwrap()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(stdout(&o).contains(&format!("《{title}》（编号 2019-001）")));
}

/// A statement without a citation takes its block's (LANGUAGE.md §7.5): a
/// top score item without one shows the `计分` block's, a child its
/// parent's; the rulings in every language cite it.
#[test]
fn score_items_inherit_their_blocks_citation() {
    let dir = TempDir::new("inherit");
    let policy = common::read("policies/shaoxing-2019.kh");
    let cited = "    共性工作 25 【四(二)】 {";
    assert!(policy.contains(cited));
    let path = dir.write(
        "inherit.kh",
        &policy.replacen(cited, "    共性工作 25 {", 1).replacen(
            "        一岗双责 10 【四(二)1】",
            "        一岗双责 10",
            1,
        ),
    );
    let o = kaohe(&[
        "eval",
        path.to_str().unwrap(),
        "policies/shaoxing-2019.sample.json",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let items = out["units"][0]["items"].as_array().unwrap();
    let clause = |name: &str| {
        items
            .iter()
            .find(|i| i["item"] == name)
            .map(|i| i["clause"].clone())
            .unwrap()
    };
    assert_eq!(clause("共性工作"), "四", "{items:?}");
    assert_eq!(clause("一岗双责"), "四", "{items:?}");
    assert_eq!(clause("意识形态"), "四(二)2", "{items:?}");
}
