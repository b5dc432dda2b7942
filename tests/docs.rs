#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The docs cannot rot: every complete policy in a ```kaohe block checks with
//! no error and its examples pass; every line of a fragment stands in a policy
//! that checks (one of the doc's complete policies, or a valid policy of the
//! repository).

use std::path::Path;

use kaohe::check::check_file;
use kaohe::diag::Diag;
use kaohe::source::SourceFile;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn blocks(doc: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(doc)).unwrap();
    text.split("```kaohe\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap_or("").to_string())
        .collect()
}

/// A whole policy: a header, units and a score tree (each either language).
fn is_complete(block: &str) -> bool {
    let starts = |zh: &str, en: &str| {
        block
            .lines()
            .any(|l| l.starts_with(zh) || l.starts_with(en))
    };
    starts("考核办法 ", "policy ") && starts("考核对象", "units") && starts("计分", "score")
}

fn significant_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//") && *l != "}" && *l != "...")
        .map(str::to_string)
        .collect()
}

fn repository_policies() -> String {
    let mut all = String::new();
    for dir in ["policies", "tests/corpus/ok", "bench"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "kh") {
                all.push_str(&std::fs::read_to_string(path).unwrap());
                all.push('\n');
            }
        }
    }
    all
}

fn check_doc(doc: &str) {
    let blocks = blocks(doc);
    assert!(!blocks.is_empty(), "{doc} has kaohe blocks");
    let mut known = repository_policies();
    for (i, block) in blocks.iter().enumerate().filter(|(_, b)| is_complete(b)) {
        let file = SourceFile::new(format!("{doc} block {i}"), block.clone());
        let diags = check_file(&file);
        let errors: Vec<&Diag> = diags.iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.name);
        let built = kaohe::build(&file);
        let program = built.program.unwrap();
        for run in kaohe::examples::run_examples(&built.policy, &program) {
            assert!(
                run.passed(),
                "{}: example {} fails: {:?}",
                file.name,
                run.title,
                run.diags
            );
        }
        known.push_str(block);
        known.push('\n');
    }
    let known_lines = significant_lines(&known);
    for block in blocks.iter().filter(|b| !is_complete(b)) {
        for line in significant_lines(block) {
            assert!(
                known_lines.contains(&line),
                "{doc}: the fragment line `{line}` is in no policy that checks"
            );
        }
    }
}

#[test]
fn the_chinese_language_reference() {
    check_doc("docs/language.md");
}

#[test]
fn the_english_language_reference() {
    check_doc("docs/language.en.md");
}
