#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Hostile input, as a new user's tools (or an attacker) would feed it: each
//! case ends in a diagnostic or a ruling, in bounded time and output, and
//! never in a panic. Cases run the binary, so a panic shows as exit 101.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::{TempDir, kaohe, stderr, stdout};

/// The binary's exit status was a verdict (0, 1, 2), not a crash.
fn no_crash(o: &Output) {
    let code = o.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "exit {code:?}\n{}",
        stderr(o).chars().take(2000).collect::<String>()
    );
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

/// `n` units of the 2019 policy's data on one line, as a minified export.
fn one_line_units(n: usize, edit: impl Fn(usize, String) -> String) -> String {
    let units: Vec<String> = (0..n)
        .map(|i| {
            let unit = format!(
                r#"{{"unit":"单位{i:04}","group":"直属单位","scores":{{"责任清单工作":50,"一岗双责":9,"意识形态":4,"制度执行":4,"预算执行":2,"兜底条款":5,"考核办评价":4,"领导小组综合评价":9}},"events":[]}}"#
            );
            edit(i, unit)
        })
        .chain(std::iter::once(
            r#"{"unit":"办公室","scores":{"责任清单工作":50,"一岗双责":9,"意识形态":4,"制度执行":4,"预算执行":2,"兜底条款":5,"考核办评价":4,"领导小组综合评价":9}}"#.to_string(),
        ))
        .collect();
    format!(r#"{{"units":[{}]}}"#, units.join(","))
}

/// A minified one-line JSON export with one bad score past column 65,535
/// (miette's layout panicked there): KH707 at its exact line:column, the
/// shown line clipped around it.
#[test]
fn a_finding_deep_in_a_one_line_export_renders() {
    let text = one_line_units(800, |i, u| {
        if i == 700 {
            u.replace(r#""一岗双责":9"#, r#""一岗双责":99"#)
        } else {
            u
        }
    });
    let at = text.find(r#""一岗双责":99"#).unwrap() + r#""一岗双责":"#.len();
    let column = text[..at].chars().count() + 1;
    assert!(column > 65_535);
    let dir = TempDir::new("one-line");
    let (o, err) = eval_bytes(&dir, OPEN, "export.json", text.as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("KH707"), "{err}");
    assert!(err.contains(&format!("export.json:1:{column}]")), "{err}");
    assert!(
        err.len() < 2_000,
        "the line is clipped: {} bytes",
        err.len()
    );
    assert!(o.stdout.is_empty(), "no partial ruling");
}

/// 100,000 unclosed `{` on one line, and 100,000 lines that each open a
/// block: the first hundred KH102 and a count of the rest, quickly.
#[test]
fn unclosed_braces_by_the_hundred_thousand() {
    let dir = TempDir::new("braces");
    for (name, text) in [
        ("one-line.kh", "{".repeat(100_000)),
        ("lines.kh", "考核办法 {\n".repeat(100_000)),
    ] {
        let path = dir.write(name, &text);
        let o = kaohe(&["check", path.to_str().unwrap()]);
        no_crash(&o);
        assert_eq!(o.status.code(), Some(1));
        let out = stdout(&o);
        assert_eq!(out.lines().filter(|l| *l == "KH102").count(), 101, "{name}");
        assert!(out.contains("另有 99900 处同样的问题（KH102）"), "{name}");
        assert!(out.contains("100000 个错误"), "{name}");
        assert!(out.len() < 100_000, "{name}: {} bytes", out.len());
    }
}

/// A policy line of 10 MB: a finding on it shows a window of it.
#[test]
fn a_ten_megabyte_line() {
    let dir = TempDir::new("long-line");
    let text = format!(
        "考核办法 \"{}\" {{\n    年度 2019\n  }}\n计分 满分 x\n",
        "长".repeat(3_500_000)
    );
    let path = dir.write("long.kh", &text);
    let o = kaohe(&["check", path.to_str().unwrap()]);
    no_crash(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).len() < 20_000, "{} bytes", stdout(&o).len());
}

/// The shipped sample with one value replaced, evaluated (`.json` or `.toml`).
fn sample_with(ext: &str, from: &str, to: &str) -> Result<String, Vec<kaohe::diag::Diag>> {
    let rel = match ext {
        "json" => "policies/shaoxing-2019.sample.json",
        _ => "tests/data/shaoxing-2019.sample.toml",
    };
    let text = common::read(rel);
    assert!(text.contains(from), "{from}");
    let data = kaohe::source::SourceFile::new(format!("data.{ext}"), text.replacen(from, to, 1));
    let policy = common::file("policies/shaoxing-2019.kh");
    match common::eval(
        &policy,
        &data,
        kaohe::report::Format::Json,
        kaohe::i18n::Lang::En,
        None,
    ) {
        Ok(out) => Ok(out),
        Err(kaohe::driver::Failure::Data(d)) => Err(d),
        Err(other) => panic!("{other:?}"),
    }
}

fn refused_with(result: Result<String, Vec<kaohe::diag::Diag>>, code: &str, says: &str) {
    let diags = result.expect_err("refused");
    let texts: Vec<String> = diags
        .iter()
        .map(|d| format!("{} {}", d.code().as_str(), d.text(kaohe::i18n::Lang::En)))
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with(code) && t.contains(says)),
        "{code} saying {says:?} in {texts:?}"
    );
}

/// Numbers in exponent form or with more digits than kept are read exactly
/// or refused, never rounded into a range (a score of 10.000…001 once passed
/// a maximum of 10; 9.999…9 was read as 10).
#[test]
fn numbers_are_exact_or_refused() {
    let score = r#""一岗双责": 9.5"#;
    // Past the maximum of 10 by 10^-29: refused for its digits, not rounded to 10.
    refused_with(
        sample_with(
            "json",
            score,
            r#""一岗双责": 10.00000000000000000000000000001e0"#,
        ),
        "KH714",
        "needs 31 significant digits",
    );
    refused_with(
        sample_with(
            "json",
            score,
            r#""一岗双责": 9.99999999999999999999999999999e0"#,
        ),
        "KH714",
        "more than the 28 kaohe keeps",
    );
    refused_with(
        sample_with("json", score, r#""一岗双责": 1e-30"#),
        "KH714",
        "needs 30 significant digits",
    );
    // A year credited of 2017.999…: refused, not taken as 2018.
    refused_with(
        sample_with(
            "json",
            r#""credited_in": 2018"#,
            r#""credited_in": 2017.9999999999999999999999999999e0"#,
        ),
        "KH714",
        "significant digits",
    );
    // Exactly representable: accepted, whatever the form.
    for form in ["9.50000000000000000000000000000", "0.95e1", "950e-2"] {
        let out = sample_with("json", score, &format!(r#""一岗双责": {form}"#)).unwrap();
        assert_eq!(
            out,
            sample_with("json", score, score).unwrap(),
            "{form} is 9.5"
        );
    }
    // TOML's other forms say what they are.
    refused_with(
        sample_with("toml", r#""兜底条款" = 5"#, r#""兜底条款" = 0x5"#),
        "KH714",
        "is not a decimal number",
    );
    refused_with(
        sample_with("toml", r#""兜底条款" = 5"#, r#""兜底条款" = inf"#),
        "KH714",
        "is not a decimal number",
    );
}

/// A unit whose exact total needs more than 28 significant digits is
/// refused (KH715), never given a rounded total: 59.999…9 + 9.999…9 + 9.999…9
/// + … once came out rounded.
#[test]
fn a_total_past_the_digits_kept_is_refused_not_rounded() {
    let long = r#""一岗双责": 9.999999999999999999999999999, "意识形态": 3.999999999999999999999999999, "制度执行": 3.999999999999999999999999999"#;
    refused_with(
        sample_with(
            "json",
            r#""一岗双责": 9.5, "意识形态": 4, "制度执行": 4"#,
            long,
        ),
        "KH715",
        "28 significant digits",
    );
}

/// A corpus policy with `from` replaced by `to`, checked: the codes found.
fn policy_with(from: &str, to: &str) -> Vec<String> {
    let text = common::read("tests/corpus/ok/evaluation.kh");
    assert!(text.contains(from), "{from}");
    let file = kaohe::source::SourceFile::new("p.kh", text.replacen(from, to, 1));
    common::check(&file)
        .iter()
        .map(|d| d.code().as_str().to_string())
        .collect()
}

/// Counts and amounts near the number types' limits are refused with a
/// located finding (a quota of 4294967297 once wrapped to 1; sums of such
/// maxima panicked), never wrapped, rounded or crashed on.
#[test]
fn the_policys_own_numbers_near_the_limits() {
    for (from, to) in [
        ("名额 1", "名额 4294967297"),
        ("不含 末 1 名", "不含 末 4294967297 名"),
        ("封顶 8", "封顶 79228162514264337593543950335"),
        ("表彰 层级 是 省 => 4", "表彰 层级 是 省 => 4294967297.5"),
        (
            "批示肯定 => 至多 2 封顶 3",
            "批示肯定 => 至多 0.00000000000000000000000000001",
        ),
        ("年度 2021", "年度 4294967297"),
        ("年度 2021", "年度 -2147483649"),
    ] {
        let codes = policy_with(from, to);
        assert!(!codes.is_empty(), "{to}");
        assert!(codes.iter().all(|c| c == "KH103"), "{to}: {codes:?}");
    }
}

/// Nesting 10^5 deep — brackets in a condition, a chain of `非`, score items
/// inside score items — is refused at the level where it passes 64 (these
/// once overflowed the stack, exit 134, in `check` and in `fmt`).
#[test]
fn nesting_ten_to_the_fifth_deep() {
    let dir = TempDir::new("deep");
    let head = "考核办法 \"深\" {\n    年度 2019\n}\n考核对象 {\n    分组 甲 { 一, 二 }\n}\n";
    let n = 100_000;
    let cases = [
        (
            "parens.kh",
            format!(
                "{head}计分 满分 1 {{\n    工作 1\n}}\n处置 深 当 {}总分 < 1{}\n",
                "(".repeat(n),
                ")".repeat(n)
            ),
        ),
        (
            "nots.kh",
            format!(
                "{head}计分 满分 1 {{\n    工作 1\n}}\n处置 深 当 {}有 扣分\n",
                "非 ".repeat(n)
            ),
        ),
        (
            "items.kh",
            format!(
                "{head}计分 满分 1 {{\n{}叶 1\n{}}}\n",
                "项 1 {\n".repeat(n),
                "}\n".repeat(n)
            ),
        ),
    ];
    for (name, text) in cases {
        let path = dir.write(name, &text);
        for args in [vec!["check"], vec!["fmt", "--check"], vec!["test"]] {
            let mut args = args.clone();
            args.push(path.to_str().unwrap());
            let o = kaohe(&args);
            no_crash(&o);
            assert_eq!(o.status.code(), Some(1), "{name} {args:?}");
            let said = format!("{}{}", stdout(&o), stderr(&o));
            assert!(
                said.contains("KH101") && said.contains("64"),
                "{name} {args:?}: {said}"
            );
        }
    }
}

/// A UTF-8 byte-order mark (Excel's "CSV UTF-8", PowerShell and many
/// exporters write one) and Windows line ends change nothing: the same
/// rulings as the plain file, for JSON and TOML data and for the policy.
#[test]
fn byte_order_marks_and_crlf_change_nothing() {
    let dir = TempDir::new("bom");
    let policy = common::read("policies/shaoxing-2019.kh");
    let plain = |args: &[&str]| {
        let o = kaohe(args);
        no_crash(&o);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        stdout(&o)
    };
    for (rel, ext) in [
        ("policies/shaoxing-2019.sample.json", "json"),
        ("tests/data/shaoxing-2019.sample.toml", "toml"),
    ] {
        let text = common::read(rel);
        let expected = plain(&[
            "eval",
            "policies/shaoxing-2019.kh",
            rel,
            "--format",
            "jsonl",
        ]);
        for (name, variant) in [
            ("bom", format!("\u{FEFF}{text}")),
            ("crlf", text.replace('\n', "\r\n")),
            ("both", format!("\u{FEFF}{}", text.replace('\n', "\r\n"))),
        ] {
            let data = dir.write(&format!("{name}.{ext}"), &variant);
            let policy_path = dir.write(
                &format!("{name}.kh"),
                &format!("\u{FEFF}{}", policy.replace('\n', "\r\n")),
            );
            let got = plain(&[
                "eval",
                policy_path.to_str().unwrap(),
                data.to_str().unwrap(),
                "--format",
                "jsonl",
            ]);
            assert_eq!(got, expected, "{name}.{ext}");
        }
    }
}

/// 5,000 rules: overlaps are looked up by value, not pair by pair, and the
/// work budget bounds the rest; a budget run out is said (KH405), never a hang.
#[test]
fn five_thousand_rules_in_bounded_work() {
    let dir = TempDir::new("rules");
    let head = "考核办法 \"多\" {\n    年度 2019\n}\n考核对象 {\n    分组 甲 { 一, 二 }\n}\n计分 满分 10 {\n    工作 10\n}\n";
    let values: Vec<String> = (0..5_000).map(|i| format!("v{i}")).collect();
    let rules: String = (0..5_000)
        .map(|i| format!("    表彰 层级 属于 v{i} | v{} => 1\n", (i + 1) % 5_000))
        .collect();
    let text = format!(
        "{head}事项 表彰 {{ 层级: {} }}\n加分 {{\n{rules}}}\n",
        values.join(" | ")
    );
    let path = dir.write("rules.kh", &text);
    let o = kaohe(&["check", "--budget", "500000", path.to_str().unwrap()]);
    no_crash(&o);
    let out = stdout(&o);
    // Each rule overlaps the one before it; those confirmed within the budget
    // are reported, the rest is said to be cut short.
    assert!(out.contains("KH401"), "{}", &out[..out.len().min(2000)]);
    assert!(
        out.contains("KH405"),
        "{}",
        &out[out.len().saturating_sub(2000)..]
    );
}

/// The sample as a CSV folder, each of its files' rows changed by `edit`
/// (row number, text) before it is written back.
fn sample_csv_folder(dir: &TempDir, edit: impl Fn(&str, usize, String) -> String) -> PathBuf {
    let folder = dir.path().join("csv");
    let o = kaohe(&[
        "template",
        "policies/shaoxing-2019.kh",
        "--data",
        "policies/shaoxing-2019.sample.json",
        "--format",
        "csv",
        "-o",
        folder.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let rows: Vec<String> = text
            .trim_start_matches('\u{FEFF}')
            .split('\n')
            .enumerate()
            .map(|(i, row)| edit(&name, i, row.to_string()))
            .collect();
        std::fs::write(&path, rows.join("\n")).unwrap();
    }
    folder
}

/// Sheets 100,000 columns wide with nothing in them (an export that pads
/// every row with commas): read in time linear in the bytes (the header
/// search once looked down every empty column: 1,000 units took 40 s and
/// 8.7 GB, now 3 s and 180 MB, docs/performance.md), with the JSON's rulings;
/// a header past column 65,536 is named at its cell.
#[test]
fn a_csv_folder_a_hundred_thousand_columns_wide() {
    let dir = TempDir::new("wide-csv");
    let padding = ",".repeat(100_000);
    let folder = sample_csv_folder(&dir, |_, _, row| {
        if row.is_empty() {
            row
        } else {
            format!("{row}{padding}")
        }
    });
    let run = |data: &str| {
        let o = kaohe(&[
            "eval",
            "policies/shaoxing-2019.kh",
            data,
            "--format",
            "jsonl",
        ]);
        no_crash(&o);
        o
    };
    let wide = run(folder.to_str().unwrap());
    assert_eq!(wide.status.code(), Some(0), "{}", stderr(&wide));
    assert_eq!(
        stdout(&wide),
        stdout(&run("policies/shaoxing-2019.sample.json"))
    );
    // One more header, past the padding: column 100,011 is EQXN.
    let far_dir = TempDir::new("wide-csv-far");
    let folder = sample_csv_folder(&far_dir, |file, i, row| match (file, i) {
        ("得分.csv", 0) => format!("{row}{padding}制度执行x"),
        ("得分.csv", 2) => format!("{row}{padding}3"),
        _ => row,
    });
    let far = run(folder.to_str().unwrap());
    assert_eq!(far.status.code(), Some(1), "{}", stderr(&far));
    assert!(
        stderr(&far).contains("单位「综合业务处」（得分!EQXN3）：未知的计分项「制度执行x」"),
        "{}",
        stderr(&far)
    );
}

/// A row wider than a cell's place can say (2²⁴ columns, 16 MB of commas)
/// is refused for its size, not placed at a wrong cell.
#[test]
fn a_csv_row_wider_than_kaohe_places() {
    let dir = TempDir::new("widest-csv");
    dir.write(
        "得分.csv",
        &format!("单位,责任清单工作\n办公室,{}\n", ",".repeat(1 << 24)),
    );
    let o = kaohe(&[
        "eval",
        "policies/shaoxing-2019.kh",
        dir.path().to_str().unwrap(),
        "--lang",
        "en",
    ]);
    no_crash(&o);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("sheet `得分` has more than 16777215 rows or 16777215 columns"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("delete the extra rows and columns"),
        "{}",
        stderr(&o)
    );
}

/// A workbook of a few kilobytes whose used range reaches XFD1048576, the
/// last cell Excel has (17·10⁹ cells of area): read cell by cell, the value
/// out there is a column without a header, named at its cell.
#[test]
fn a_workbook_whose_range_reaches_the_last_cell() {
    use rust_xlsxwriter::Workbook;
    let dir = TempDir::new("far-xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("得分").unwrap();
    let header = [
        "单位",
        "责任清单工作",
        "一岗双责",
        "意识形态",
        "制度执行",
        "预算执行",
        "兜底条款",
        "考核办评价",
        "领导小组综合评价",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "办公室").unwrap();
    for (c, v) in [50, 9, 4, 4, 2, 5, 4, 9].iter().enumerate() {
        sheet.write_number(1, c as u16 + 1, *v).unwrap();
    }
    sheet.write_number(1_048_575, 16_383, 1).unwrap();
    let path = dir.path().join("far.xlsx");
    book.save(&path).unwrap();
    let o = kaohe(&["eval", SHIPPED, path.to_str().unwrap()]);
    no_crash(&o);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    for said in [
        "得分!XFD1：这一列有数据但没有表头",
        "得分!A1048576：这一行有数据但没有填单位",
    ] {
        assert!(stderr(&o).contains(said), "{said}: {}", stderr(&o));
    }
}

/// 20,000 refused events on one line of a minified export: each is reported
/// at its place, and showing the line costs a window, not the whole line
/// (counting it for each finding made 10⁶ findings take over an hour).
#[test]
fn twenty_thousand_findings_on_one_line() {
    let event = r#"{"kind":"批示肯定","date":"2019-07-01","points":0.001}"#;
    let events = vec![event; 20_000].join(",");
    let text = one_line_units(3, |i, u| {
        if i == 1 {
            u.replace(r#""events":[]"#, &format!(r#""events":[{events}]"#))
        } else {
            u
        }
    });
    let dir = TempDir::new("many-findings");
    let (o, err) = eval_bytes(&dir, OPEN, "export.json", text.as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(1));
    // The first 100 are listed, the other 19,900 counted (as the parser does).
    let head: String = err.chars().take(800).collect();
    assert_eq!(err.matches("超出规则范围").count(), 100, "{head}");
    assert!(
        err.contains("另有 19900 处同样的问题（KH712）未逐一列出"),
        "{head}"
    );
    let first = text.find("0.001").unwrap();
    let column = text[..first].chars().count() + 1;
    assert!(
        err.contains(&format!("export.json:1:{column}]")),
        "{}",
        head
    );
    assert!(o.stdout.is_empty(), "no partial ruling");
}

/// `bytes` written to `name` in `dir` and evaluated by the binary under
/// `policy` (with `args` after): the output, which is a verdict, not a
/// crash, and its stderr.
fn eval_bytes(
    dir: &TempDir,
    policy: &str,
    name: &str,
    bytes: &[u8],
    args: &[&str],
) -> (Output, String) {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let mut all = vec!["eval", policy, path.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = kaohe(&all);
    no_crash(&o);
    let err = stderr(&o);
    (o, err)
}

/// The bench policy (both groups open) evaluating a one-line export.
const OPEN: &str = "bench/shaoxing-2019-open.kh";

/// The shipped policy.
const SHIPPED: &str = "policies/shaoxing-2019.kh";

/// Broken bytes and text, as broken exporters write them: NUL bytes, a file
/// that is not UTF-8, escapes of half a surrogate pair, a key given twice,
/// TOML nested 10⁵ deep. Each is refused with its finding and no ruling.
#[test]
fn broken_bytes_and_text_are_refused() {
    let dir = TempDir::new("broken");
    let sample = common::read("policies/shaoxing-2019.sample.json");
    let unit = r#""unit": "办公室""#;
    assert!(sample.contains(unit));
    let with = |to: &str| sample.replacen(unit, to, 1).into_bytes();
    let mut not_utf8 = sample.clone().into_bytes();
    let at = sample.find("办公室").unwrap();
    not_utf8[at] = 0xFF;
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        (
            "nul-escape.json",
            with(r#""unit": "办\u0000公室""#),
            "KH701",
            "「办<U+0000>公室」",
        ),
        (
            "nul-raw.json",
            with("\"unit\": \"办\0公室\""),
            "KH700",
            "控制字符",
        ),
        ("not-utf8.json", not_utf8, "KH001", "不是 UTF-8 编码的文本"),
        (
            "high-half.json",
            with(r#""unit": "\ud800""#),
            "KH700",
            "无效的转义",
        ),
        (
            "low-half.json",
            with(r#""unit": "办\udc00公室""#),
            "KH700",
            "无效的转义",
        ),
        (
            "twice.json",
            with(r#""unit": "办公室", "unit": "综合业务处""#),
            "KH709",
            "重复出现",
        ),
        (
            "deep.toml",
            format!("a = {}1{}\n", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            "KH700",
            "TOML",
        ),
        (
            "deep-tables.toml",
            format!(
                "a = {}1{}\n",
                "{ b = ".repeat(100_000),
                " }".repeat(100_000)
            )
            .into_bytes(),
            "KH700",
            "TOML",
        ),
    ];
    for (name, bytes, code, says) in cases {
        let (o, err) = eval_bytes(&dir, SHIPPED, name, &bytes, &[]);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(code) && err.contains(says), "{name}: {err}");
        assert!(o.stdout.is_empty(), "{name}: no partial ruling");
    }
}

/// A NUL byte in a policy is named (it once showed as a blank, 「 」), and a
/// policy that is not UTF-8 says at which byte.
#[test]
fn broken_bytes_in_a_policy_are_named() {
    let dir = TempDir::new("broken-policy");
    let policy = common::read("policies/shaoxing-2019.kh");
    let at = policy.find("中心办公室").unwrap();
    let mut with_nul = policy.clone().into_bytes();
    with_nul.insert(policy.find("\n考核对象").unwrap() + 1, 0);
    let mut not_utf8 = policy.into_bytes();
    not_utf8[at] = 0xFF;
    for (name, bytes, says) in [
        ("nul.kh", with_nul, "<U+0000>"),
        (
            "not-utf8.kh",
            not_utf8,
            &format!("（第 {} 个字节）", at + 1),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = kaohe(&["check", path.to_str().unwrap()]);
        no_crash(&o);
        assert_eq!(o.status.code(), Some(1), "{name}");
        // The message may be wrapped: compared without its layout.
        let flat = |t: &str| t.replace(['\n', '│', ' '], "");
        let said = format!("{}{}", stdout(&o), stderr(&o));
        assert!(flat(&said).contains(&flat(says)), "{name}: {said}");
    }
}

/// A character that does not show inside a policy's text (a NUL in a note,
/// a zero-width space in a citation) is refused where it stands (KH103):
/// it would otherwise travel unseen into every ruling.
#[test]
fn invisible_characters_in_policy_text_are_refused() {
    let dir = TempDir::new("invisible-text");
    let policy = common::read("policies/shaoxing-2019.kh")
        .replacen(
            "\"每项给相应职能单位加10分\"",
            "\"每项给相应职能单位\u{0}加10分\"",
            1,
        )
        .replacen("【四(四)1(2)】", "【四(四)1\u{200b}(2)】", 1);
    let path = dir.path().join("invisible.kh");
    std::fs::write(&path, policy).unwrap();
    let o = kaohe(&["check", path.to_str().unwrap()]);
    no_crash(&o);
    assert_eq!(o.status.code(), Some(1));
    let said = format!("{}{}", stdout(&o), stderr(&o));
    let flat = said.replace(['\n', '│', ' '], "");
    assert_eq!(said.matches("KH103").count(), 2, "{said}");
    assert!(flat.contains("每项给相应职能单位<U+0000>加10分"), "{said}");
    assert!(flat.contains("四(四)1<U+200B>(2)"), "{said}");
}

/// Dates no calendar has are refused, each at its place, never read as a
/// nearby day.
#[test]
fn impossible_dates_are_refused() {
    let dir = TempDir::new("dates");
    let sample = common::read("policies/shaoxing-2019.sample.json");
    let date = r#""date": "2019-07-01""#;
    assert!(sample.contains(date));
    for bad in [
        "2019-02-30",
        "2019-02-29",
        "2019-13-01",
        "0000-00-00",
        "99999-01-01",
        "2019-7-1",
    ] {
        let text = sample.replacen(date, &format!(r#""date": "{bad}""#), 1);
        let (o, err) = eval_bytes(&dir, SHIPPED, "dates.json", text.as_bytes(), &[]);
        assert_eq!(o.status.code(), Some(1), "{bad}: {err}");
        assert!(err.contains("不是有效的日期"), "{bad}: {err}");
        assert!(o.stdout.is_empty(), "{bad}: no partial ruling");
    }
}

/// Quotas of nothing and of ten times everyone: each refused with one
/// finding (a quota too large to read once also drew a KH302 for the 0 it
/// was read as).
#[test]
fn quotas_of_nothing_and_of_ten_times_everyone() {
    for (to, code) in [
        ("名额 0%", "KH302"),
        ("名额 0", "KH302"),
        ("名额 1000%", "KH103"),
        ("名额 100000000000000000000%", "KH103"),
    ] {
        let codes = policy_with("名额 1", to);
        assert_eq!(codes, vec![code.to_string()], "{to}");
    }
}

/// A million events in one unit: one ruling, every event in it.
#[test]
fn a_million_events_in_one_unit() {
    let event = r#"{"kind":"批示肯定","date":"2019-07-01","points":2}"#;
    let events = vec![event; 1_000_000].join(",");
    let text = one_line_units(1, |_, u| {
        u.replace(r#""events":[]"#, &format!(r#""events":[{events}]"#))
    });
    let dir = TempDir::new("million");
    let (o, _) = eval_bytes(
        &dir,
        OPEN,
        "million.json",
        text.as_bytes(),
        &["--format", "json"],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        &stderr(&o)[..2000.min(stderr(&o).len())]
    );
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let unit = named(&out, "单位0000");
    assert_eq!(unit["events"].as_array().unwrap().len(), 1_000_000);
}

/// 100,000 rules, each of one value of a 100,000-value attribute: checked
/// and evaluated (this took 96 s and 3.2 GB to check, 115 s to evaluate,
/// when value sets were bitsets over the domain and every event tried every
/// rule). Each event earns its rule's points.
#[test]
fn a_hundred_thousand_rules() {
    let n = 100_000;
    let dir = TempDir::new("many-rules");
    let head = "考核办法 \"多\" {\n    年度 2019\n}\n考核对象 {\n    分组 甲 { 一, 二 }\n}\n计分 满分 10 {\n    工作 10\n}\n";
    let values: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
    let rules: String = (0..n)
        .map(|i| format!("    表彰 层级 是 v{i} => {}\n", 1 + i % 3))
        .collect();
    let policy = dir.write(
        "rules.kh",
        &format!(
            "{head}事项 表彰 {{ 层级: {} }}\n加分 {{\n{rules}}}\n",
            values.join(" | ")
        ),
    );
    let o = kaohe(&["check", policy.to_str().unwrap()]);
    no_crash(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let events: Vec<String> = (0..n)
        .step_by(7)
        .map(|i| format!(r#"{{"kind":"表彰","层级":"v{i}","date":"2019-05-01"}}"#))
        .collect();
    let data = dir.write(
        "data.json",
        &format!(
            r#"{{"units":[{{"unit":"一","scores":{{"工作":8}},"events":[{}]}},{{"unit":"二","scores":{{"工作":9}}}}]}}"#,
            events.join(",")
        ),
    );
    let o = kaohe(&[
        "eval",
        policy.to_str().unwrap(),
        data.to_str().unwrap(),
        "--format",
        "json",
    ]);
    no_crash(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let bonus = (0..n).step_by(7).fold(0u64, |s, i| s + 1 + (i % 3) as u64);
    let unit = named(&out, "一");
    assert_eq!(
        unit["bonus"].as_str().unwrap_or_default(),
        bonus.to_string(),
        "{unit:.200}"
    );
}

/// The unit named `name` in a JSON ruling.
fn named<'v>(out: &'v serde_json::Value, name: &str) -> &'v serde_json::Value {
    out["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == name)
        .unwrap()
}
