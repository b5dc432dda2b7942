#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The position queries (`src/ide/`, under the language server and the
//! workbench) on text as an editor holds it: the shipped policies cut short
//! and spliced at random places. Whatever the text and the offset, no query
//! panics, and their answers hold together:
//! - every token lies inside the text, in order, on character boundaries;
//! - a name's definition is a place that spells the same name, and it is
//!   among the name's references;
//! - renaming a name of a policy without errors gives a policy without
//!   errors, the new name at every place the old one stood;
//! - UTF-16 offsets and byte offsets convert back and forth.

use kaohe::i18n::Lang;
use kaohe::ide::Analysis;
use proptest::prelude::*;

mod common;

fn policies() -> Vec<String> {
    [
        "shaoxing-2019.kh",
        "shaoxing-2020.kh",
        "hohhot-safety-2004.kh",
    ]
    .iter()
    .map(|p| std::fs::read_to_string(common::root().join("policies").join(p)).unwrap())
    .collect()
}

/// The nearest character boundary at or before `at`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A name as written (quotes taken off).
fn unquoted(s: &str) -> &str {
    s.trim_start_matches(['「', '`'])
        .trim_end_matches(['」', '`'])
}

fn every_query(a: &Analysis, offset: usize) {
    let text = a.text();
    let _ = a.hover(offset, Lang::Zh);
    let _ = a.hover(offset, Lang::En);
    for c in a.completions(offset) {
        assert!(c.replaces.start <= c.replaces.end && c.replaces.end <= text.len());
    }
    if let Some(def) = a.definition(offset) {
        let refs = a.references(offset, true);
        assert!(
            refs.contains(&def),
            "the definition is among the references"
        );
        let at =
            &text[a.rename_target(offset).unwrap().start..a.rename_target(offset).unwrap().end];
        assert_eq!(unquoted(&text[def.start..def.end]), unquoted(at));
    }
    let _ = a.rename(offset, "新名称");
    for f in a.fixes(kaohe::source::Span::new(offset, offset), Lang::Zh) {
        for e in f.edits {
            assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start));
        }
    }
}

fn whole_file_answers(a: &Analysis) {
    let text = a.text();
    let mut last = 0;
    for t in a.tokens() {
        assert!(t.span.start >= last && t.span.start < t.span.end && t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        last = t.span.end;
    }
    for s in a.outline() {
        assert!(s.span.end <= text.len() && s.selection.end <= text.len());
    }
    for f in a.folds() {
        assert!(a.lines.position(f.start).line < a.lines.position(f.end).line);
    }
    for at in (0..=text.len())
        .step_by(97)
        .filter(|i| text.is_char_boundary(*i))
    {
        assert_eq!(a.lines.from_utf16(a.lines.utf16(at)), at);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Text cut short and spliced, as while typing: every query answers.
    #[test]
    fn queries_answer_on_any_text(which in 0usize..3, cut in 0.0f64..1.0, splice in 0.0f64..1.0,
                                  inserted in "[ \\n{}「」\"加分扣分是=>0-9a-z办公室]{0,6}",
                                  offsets in proptest::collection::vec(0.0f64..1.0, 6)) {
        let source = &policies()[which];
        let end = boundary(source, (source.len() as f64 * (0.3 + 0.7 * cut)) as usize);
        let at = boundary(source, (end as f64 * splice) as usize);
        let text = format!("{}{inserted}{}", &source[..at], &source[at..end]);
        let a = Analysis::new("p.kh", &text);
        whole_file_answers(&a);
        for o in offsets {
            every_query(&a, boundary(&text, (text.len() as f64 * o) as usize));
        }
    }

    /// A rename of a clean policy is clean, the new name everywhere.
    #[test]
    fn renaming_keeps_a_policy_clean(which in 0usize..3, pick in 0.0f64..1.0) {
        let text = policies()[which].clone();
        let a = Analysis::new("p.kh", &text);
        let names: Vec<(usize, usize)> = a.with_names(|_, occ| {
            occ.iter().filter(|o| o.declaration).map(|o| (o.span.start, o.span.end)).collect()
        });
        let (start, _) = names[((names.len() - 1) as f64 * pick) as usize];
        let edits = a.rename(start, "改过的名称").unwrap();
        let mut renamed = text.clone();
        let mut sorted = edits.clone();
        sorted.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for e in &sorted {
            renamed.replace_range(e.span.start..e.span.end, &e.text);
        }
        let b = Analysis::new("p.kh", &renamed);
        let errors: Vec<String> = b.built.diags.iter().filter(|d| d.is_error()).map(|d| d.text(Lang::Zh)).collect();
        prop_assert!(errors.is_empty(), "{errors:?}");
        prop_assert_eq!(renamed.matches("改过的名称").count(), edits.len());
    }
}

/// Hostile text through every query: a 50,000-character line, braces
/// nested ten thousand deep, 30-digit numbers, ten thousand names.
/// Each query answers (no panic) on text the checker itself refuses.
#[test]
fn hostile_text_is_answered() {
    let long_line = format!(
        "考核办法 \"{}\" {{\n    年度 2019\n}}\n",
        "长".repeat(50_000)
    );
    let deep = format!("计分 {}{}\n", "{ 甲 1 ".repeat(10_000), "}".repeat(10_000));
    let digits = "计分 满分 123456789012345678901234567890 {\n    工作 999999999999999999999999999999.5\n}\n加分 {\n    表彰 => 100000000000000000000000000000\n}\n".to_string();
    let many = format!(
        "考核对象 {{\n    分组 处室 {{ {} }}\n}}\n",
        (0..10_000)
            .map(|i| format!("处{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for text in [long_line, deep, digits, many] {
        let a = Analysis::new("hostile.kh", &text);
        whole_file_answers(&a);
        for at in [0, text.len() / 3, text.len() / 2, text.len()] {
            every_query(&a, boundary(&text, at));
        }
    }
}
