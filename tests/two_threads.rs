#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Large JSON files are read by two threads (the second from a guessed unit
//! boundary). The result must be exactly that of one thread: same rulings,
//! same findings, whether the guess is right, wrong, or lands in bad data.

mod common;

use common::evaluate;
use kaohe::eval::Threads;

fn program() -> kaohe::ir::Program {
    common::program("bench/shaoxing-2019-open.kh")
}

/// `n` units in the data contract; unit `i`'s text comes from `unit(i)`.
fn data(n: usize, unit: impl Fn(usize) -> String) -> String {
    let units: Vec<String> = (0..n).map(unit).collect();
    format!("{{\"units\": [\n{}\n]}}\n", units.join(",\n"))
}

fn ordinary(i: usize) -> String {
    let name = if i == 0 {
        "办公室".to_string()
    } else {
        format!("单位{i:06}")
    };
    let group = if i.is_multiple_of(3) {
        "机关处室"
    } else {
        "直属单位"
    };
    let main = 40 + (i * 7) % 21;
    let events = match i % 5 {
        0 => r#"{"kind": "表彰", "层级": "国家", "对象": "个人", "date": "2019-03-01"}"#.to_string(),
        1 => r#"{"kind": "通报批评", "责任": "主要", "date": "2019-04-01"}, {"kind": "批示肯定", "date": "2019-05-01", "points": 2}"#.to_string(),
        2 => r#"{"kind": "严重违纪违法", "date": "2019-06-01"}"#.to_string(),
        3 => r#"{"kind": "弄虚作假", "项目": "预算执行", "date": "2019-07-01", "doc": "{\"unit\": x}, {"}"#.to_string(),
        _ => String::new(),
    };
    format!(
        r#"{{"unit": "{name}", "group": "{group}", "scores": {{"责任清单工作": {main}, "一岗双责": 9.5, "意识形态": 4, "制度执行": 4, "预算执行": 2, "兜底条款": 5, "考核办评价": 4.5, "领导小组综合评价": 9}}, "events": [{events}]}}"#
    )
}

fn both(text: &str) {
    let p = program();
    let one = evaluate(&p, text, Threads::One);
    let two = evaluate(&p, text, Threads::Two);
    assert_eq!(one, two);
}

/// Byte offsets where the units' objects start (each on its own line here).
fn unit_starts(text: &str) -> Vec<usize> {
    text.match_indices("\n{\"unit\"")
        .map(|(i, _)| i + 1)
        .collect()
}

#[test]
fn a_clean_file_gives_the_same_rulings() {
    let text = data(4000, ordinary);
    let at = kaohe::data::json::JsonUnits::split_point(&text).unwrap();
    assert!(
        unit_starts(&text).contains(&at),
        "the guess is a unit start: the second thread's work is taken over"
    );
    let p = program();
    let one = evaluate(&p, &text, Threads::One).unwrap();
    let two = evaluate(&p, &text, Threads::Two).unwrap();
    assert_eq!(one.table.len(), 4000);
    assert_eq!(one, two);
}

#[test]
fn a_wrong_guess_is_discarded() {
    // Every unit ends with an event whose first key is "unit": to the guess it
    // looks like a unit boundary. Leading whitespace moves the middle of the
    // file until the guess lands on such an event.
    let decoy = r#"{"unit": "假", "kind": "批示肯定", "date": "2019-01-02", "points": 1}"#;
    let body = data(3000, |i| {
        let u = ordinary(i);
        if u.ends_with("[]}") {
            u.replace("[]}", &format!("[{decoy}]}}"))
        } else {
            u.replacen("]}", &format!(", {decoy}]}}"), 1)
        }
    });
    let text = (0..2000)
        .map(|pad| format!("{}{body}", " ".repeat(pad)))
        .find(|t| {
            let at = kaohe::data::json::JsonUnits::split_point(t).unwrap();
            !unit_starts(t).contains(&at)
        })
        .unwrap_or_else(|| {
            let at = kaohe::data::json::JsonUnits::split_point(&body).unwrap();
            panic!(
                "no decoy guess; e.g. {:?}",
                &body[at.saturating_sub(80)..at + 80]
            );
        });
    both(&text);
    let p = program();
    let diags = evaluate(&p, &text, Threads::Two).unwrap_err();
    assert!(diags.iter().all(|d| d.code().as_str() == "KH709"));
    assert_eq!(diags.len(), 3000);
}

#[test]
fn problems_in_the_second_half_are_reported_as_in_one_thread() {
    let text = data(3000, |i| {
        let u = ordinary(i);
        match i {
            2990 => u.replace("\"预算执行\": 2", "\"预算执行\": 7"),
            2995 => u.replace("单位002995", "单位000010"),
            _ => u,
        }
    });
    both(&text);
    let p = program();
    let diags = evaluate(&p, &text, Threads::Two).unwrap_err();
    let codes: Vec<&str> = diags.iter().map(|d| d.code().as_str()).collect();
    assert_eq!(codes, vec!["KH707", "KH703"]);
}

#[test]
fn a_duplicate_across_the_halves_is_found() {
    let text = data(3000, |i| if i == 2999 { ordinary(5) } else { ordinary(i) });
    both(&text);
    let p = program();
    let diags = evaluate(&p, &text, Threads::Two).unwrap_err();
    assert_eq!(
        diags.iter().map(|d| d.code().as_str()).collect::<Vec<_>>(),
        vec!["KH703"]
    );
}

/// The binary gives byte-identical findings on one CPU and on two, for a file
/// above the two-thread threshold with bad units in each half (a duplicate
/// name across the halves once reported at the whole unit with two threads,
/// at its name with one).
#[test]
fn findings_do_not_depend_on_the_number_of_cpus() {
    let text = data(6000, |i| {
        let u = ordinary(i);
        match i {
            10 => u.replace("\"一岗双责\": 9.5", "\"一岗双责\": 11"),
            20 => u.replace("\"预算执行\": 2", "\"预算执行\": \"二\""),
            // The second half's only problem spans units: its reading is
            // taken over, and the duplicate found when it is.
            5990 => ordinary(30),
            _ => u,
        }
    });
    assert!(text.len() > 1 << 20, "above the two-thread threshold");
    let dir = common::TempDir::new("cpus");
    let data = dir.write("units.json", &text);
    let args = [
        "eval",
        "bench/shaoxing-2019-open.kh",
        data.to_str().unwrap(),
    ];
    let both = common::kaohe(&args);
    let one = std::process::Command::new("taskset")
        .args(["-c", "0", env!("CARGO_BIN_EXE_kaohe")])
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .output();
    let Ok(one) = one else {
        eprintln!("skipped: no taskset here");
        return;
    };
    assert_eq!(both.status.code(), Some(1));
    let (a, b) = (common::stderr(&both), common::stderr(&one));
    for code in ["KH703", "KH707", "KH714"] {
        assert!(a.contains(code), "{code} in {a}");
    }
    assert_eq!(a, b, "the same findings, at the same places");
    assert_eq!(one.status.code(), Some(1));
}
