#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! `kaohe fmt` as users run it: stdout, `--check`, `-w`, exit status, and the
//! English rewrite of the shipped policy giving the same rulings.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{kaohe, root, stderr, stdout};

use serde_json::Value;

/// A file with `text` in a directory of this test's own.
fn temp(test: &str, name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kaohe-fmt-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const UNTIDY: &str =
    "考核办法   \"x\"{\n年度 2019}\n考核对象 { 分组 处室 { 甲 } }\n计分 { 工作 10 }\n";

#[test]
fn prints_the_formatted_policy() {
    let p = temp("stdout", "a.kh", UNTIDY);
    let o = kaohe(&["fmt", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "考核办法 \"x\" {\n    年度 2019\n}\n\n考核对象 {\n    分组 处室 { 甲 }\n}\n\n计分 {\n    工作 10\n}\n"
    );
    assert_eq!(std::fs::read_to_string(&p).unwrap(), UNTIDY, "stdout only");
}

#[test]
fn check_lists_files_that_would_change_and_writes_nothing() {
    let untidy = temp("check", "untidy.kh", UNTIDY);
    let o = kaohe(&[
        "fmt",
        "--check",
        "policies/shaoxing-2019.kh",
        untidy.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let listed = stdout(&o);
    assert!(listed.contains("untidy.kh"), "{listed}");
    assert_eq!(std::fs::read_to_string(&untidy).unwrap(), UNTIDY);
    let tidy = kaohe(&["fmt", "--check", "tests/corpus/ok/features-2b.kh"]);
    assert_eq!(tidy.status.code(), Some(0), "{}", stdout(&tidy));
    assert_eq!(stdout(&tidy), "");
}

#[test]
fn write_rewrites_in_place_then_check_passes() {
    let p = temp("write", "w.kh", UNTIDY);
    let o = kaohe(&["fmt", "-w", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(&p).unwrap();
    assert_ne!(written, UNTIDY);
    assert_eq!(
        kaohe(&["fmt", "--check", p.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let en = kaohe(&["fmt", "--lang", "en", "-w", p.to_str().unwrap()]);
    assert_eq!(en.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&p)
            .unwrap()
            .starts_with("policy \"x\" {")
    );
    // An English file stays English without --lang.
    assert_eq!(
        kaohe(&["fmt", "--check", p.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn a_file_with_syntax_errors_is_reported_and_left_alone() {
    let bad = "考核办法 \"x\" {\n    年度 2019\n}\n加分 {\n    表彰 =>\n}\n";
    let p = temp("syntax", "bad.kh", bad);
    let o = kaohe(&["fmt", "-w", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("KH101"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), bad);
    let en = kaohe(&["fmt", "--lang", "en", p.to_str().unwrap()]);
    assert!(stderr(&en).contains("expected"), "{}", stderr(&en));
}

#[test]
fn usage_errors_exit_2() {
    let a = temp("usage", "a.kh", UNTIDY);
    let b = temp("usage", "b.kh", UNTIDY);
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let both = kaohe(&["fmt", a, b]);
    assert_eq!(
        both.status.code(),
        Some(2),
        "several files need -w or --check"
    );
    assert!(stderr(&both).contains("-w"), "{}", stderr(&both));
    assert_eq!(kaohe(&["fmt", "--check", "-w", a]).status.code(), Some(2));
    assert_eq!(kaohe(&["fmt"]).status.code(), Some(2));
    assert_eq!(kaohe(&["fmt", "--lang", "fr", a]).status.code(), Some(2));
}

#[test]
fn a_missing_file_is_kh001() {
    let o = kaohe(&["fmt", "no-such-policy.kh"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("KH001"), "{}", stderr(&o));
}

/// The lines of `text` that contain `quote`, spaces collapsed, with or
/// without their citation (a quoted statement leaves out a citation written
/// in its middle: `处置 诫勉 【六(二)1】 当 …` is quoted `处置 诫勉 当 …`).
fn lines_quoting(text: &str, quote: &str) -> Vec<usize> {
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let uncited = match (l.find('【'), l.find('】')) {
                (Some(a), Some(b)) if a < b => format!("{}{}", &l[..a], &l[b + '】'.len_utf8()..]),
                _ => l.to_string(),
            };
            collapse(l).contains(quote) || collapse(&uncited).contains(quote)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Walks two rulings side by side; every difference must be the policy's
/// hash or a quotation of the same statement of each policy.
fn compare(zh: &Value, en: &Value, zh_src: &str, en_src: &str, path: &str, quoted: &mut usize) {
    match (zh, en) {
        (Value::Object(a), Value::Object(b)) => {
            assert_eq!(
                a.keys().collect::<Vec<_>>(),
                b.keys().collect::<Vec<_>>(),
                "{path}"
            );
            for (k, v) in a {
                compare(v, &b[k], zh_src, en_src, &format!("{path}.{k}"), quoted);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{path}");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(x, y, zh_src, en_src, &format!("{path}[{i}]"), quoted);
            }
        }
        (Value::String(a), Value::String(b)) if a != b => {
            if path == ".policy.sha256" {
                return;
            }
            let (za, eb) = (lines_quoting(zh_src, a), lines_quoting(en_src, b));
            assert!(
                za.iter().any(|l| eb.contains(l)),
                "{path}: `{a}` and `{b}` do not quote the same statement"
            );
            *quoted += 1;
        }
        _ => assert_eq!(zh, en, "{path}"),
    }
}

/// `kaohe eval` gives the same rulings for the policy rewritten with English
/// keywords: the JSON differs only in the policy's SHA-256 and where it quotes
/// the policy's own statements (which are then in English).
#[test]
fn the_english_rewrite_gives_the_same_rulings() {
    let zh = kaohe(&["fmt", "--lang", "zh", "policies/shaoxing-2019.kh"]);
    let en = kaohe(&["fmt", "--lang", "en", "policies/shaoxing-2019.kh"]);
    let en_path = temp("eval", "shaoxing-2019-en.kh", &stdout(&en));
    let data = "policies/shaoxing-2019.sample.json";
    for lang in ["zh", "en"] {
        let a = kaohe(&[
            "--lang",
            lang,
            "eval",
            "--format",
            "json",
            "policies/shaoxing-2019.kh",
            data,
        ]);
        let b = kaohe(&[
            "--lang",
            lang,
            "eval",
            "--format",
            "json",
            en_path.to_str().unwrap(),
            data,
        ]);
        assert_eq!(a.status.code(), Some(0));
        assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
        let (a, b): (Value, Value) = (
            serde_json::from_slice(&a.stdout).unwrap(),
            serde_json::from_slice(&b.stdout).unwrap(),
        );
        let mut quoted = 0;
        compare(&a, &b, &stdout(&zh), &stdout(&en), "", &mut quoted);
        assert!(quoted > 0, "the rulings quote the policy");
        assert_ne!(a["policy"]["sha256"], b["policy"]["sha256"]);
    }
}

/// The repository's own policies are laid out as `kaohe fmt` lays them out.
#[test]
fn the_shipped_policies_are_formatted() {
    let o = kaohe(&[
        "fmt",
        "--check",
        "policies/shaoxing-2019.kh",
        "policies/shaoxing-2020.kh",
        "bench/shaoxing-2019-open.kh",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}

/// `kaohe fmt -` formats standard input to standard output (for editors).
#[test]
fn standard_input_is_formatted_to_standard_output() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .args(["fmt", "-"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(UNTIDY.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "考核办法 \"x\" {\n    年度 2019\n}\n\n考核对象 {\n    分组 处室 { 甲 }\n}\n\n计分 {\n    工作 10\n}\n"
    );
    assert_eq!(kaohe(&["fmt", "-w", "-"]).status.code(), Some(2));
}
