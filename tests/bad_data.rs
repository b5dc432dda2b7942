#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Bad unit data is refused with every problem named: one case per line,
//! `(data file, the codes it must produce)`, plus rendered snapshots.

mod common;

use common::file;
use kaohe::diag::render::{RenderOptions, render_text};
use kaohe::driver::Failure;
use kaohe::i18n::Lang;
use kaohe::report::Format;
use kaohe::source::SourceFile;

/// The findings on `data` (which must be refused), and nothing written.
fn refused(data: &str) -> (SourceFile, Vec<kaohe::diag::Diag>) {
    let data = file(data);
    let policy = file("policies/shaoxing-2019.kh");
    match common::eval(&policy, &data, Format::Json, Lang::Zh, None) {
        Err(Failure::Data(diags)) => (data, diags),
        other => panic!("{} was not refused: {other:?}", data.name),
    }
}

fn codes(data: &str) -> Vec<String> {
    let mut c: Vec<String> = refused(data)
        .1
        .iter()
        .map(|d| d.code().as_str().to_string())
        .collect();
    c.sort();
    c
}

macro_rules! refuses {
    ($($name:ident: $file:expr => [$($code:expr),*];)*) => {$(
        #[test]
        fn $name() {
            let mut expected: Vec<String> = vec![$($code.to_string()),*];
            expected.sort();
            assert_eq!(codes(concat!("tests/data/bad/", $file)), expected);
        }
    )*};
}

refuses! {
    malformed_json: "kh700-syntax.json" => ["KH700"];
    malformed_toml: "kh700-syntax.toml" => ["KH700"];
    unknown_unit: "kh701-unknown-unit.json" => ["KH701", "KH702"];
    duplicate_unit: "kh703-duplicate-unit.json" => ["KH703"];
    group_problems: "kh704-groups.json" => ["KH704", "KH704", "KH704"];
    item_problems: "kh705-items.json" => ["KH705", "KH705", "KH706"];
    missing_score: "kh706-missing-score.json" => ["KH706"];
    score_out_of_range: "kh707-score-range.json" => ["KH707", "KH707"];
    score_out_of_range_in_toml: "kh707-score-range.toml" => ["KH707"];
    unknown_kind: "kh708-unknown-kind.json" => ["KH708"];
    unknown_keys: "kh709-keys.json" => ["KH709", "KH709"];
    missing_fields: "kh710-missing-fields.json" => ["KH710", "KH710"];
    value_outside_domain: "kh711-value.json" => ["KH711"];
    points_problems: "kh712-points.json" => ["KH712", "KH712", "KH712"];
    bad_date: "kh713-bad-date.json" => ["KH713"];
    wrong_types: "kh714-types.json" => ["KH702", "KH714", "KH714", "KH714"];
    five_problems_at_once: "five-problems.json" => ["KH701", "KH702", "KH707", "KH711", "KH712", "KH713"];
    points_of_a_refused_unit: "points-of-a-refused-unit.json" => ["KH707", "KH708", "KH712", "KH714", "KH714"];
}

/// A unit refused for its score still has its events' points checked (§5:
/// every problem in one run), each at its own place in the data: events
/// that are not objects or of unknown kinds keep the positions of the rest.
#[test]
fn points_of_a_refused_unit_are_checked_at_their_place() {
    let (data, diags) = refused("tests/data/bad/points-of-a-refused-unit.json");
    let text = render_text(&data, &diags, RenderOptions::default());
    assert!(text.contains("units[1].events[3]"), "{text}");
    let kh712 = diags
        .iter()
        .filter(|d| d.code().as_str() == "KH712")
        .count();
    assert_eq!(
        kh712, 1,
        "the event with points of the wrong type is not KH712 too"
    );
}

#[test]
fn five_problems_are_each_named_with_unit_and_path() {
    let (data, diags) = refused("tests/data/bad/five-problems.json");
    let text = render_text(&data, &diags, RenderOptions::default());
    for needle in [
        "未知的单位「综合业务」",
        "units[0].scores.预算执行",
        "units[3].events[0]",
        "没有取值「中央」",
        "「2019-13-02」不是有效的日期",
    ] {
        assert!(text.contains(needle), "{needle} in\n{text}");
    }
}

#[test]
fn bad_data_snapshots() {
    insta::glob!("data/bad/*", |path| {
        let rel = format!(
            "tests/data/bad/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let (data, diags) = refused(&rel);
        let zh = render_text(&data, &diags, RenderOptions::default());
        let en_opts = RenderOptions {
            lang: Lang::En,
            ..RenderOptions::default()
        };
        let en = render_text(&data, &diags, en_opts);
        insta::assert_snapshot!(format!("{zh}──── en ────\n{en}"));
    });
}
