#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! One corpus snapshotted at every stage of the pipeline (PRQL style): the
//! AST that `parse` gives, the `Program` that `compile` gives, and the
//! rulings that `evaluate` gives on each policy's examples. The findings of
//! `check` and `analyze` are `tests/corpus.rs`'s snapshots. Each stage covers
//! the corpus files that get that far: every `ok` file parses; every file
//! whose program builds (some `err` files only warn) compiles and evaluates.

mod common;

use std::path::Path;

use common::ast_text;
use common::rulings::{brief, evaluate_example, example_data, examples};
use kaohe::ast::Example;
use kaohe::data::source::DataSource;
use kaohe::driver;
use kaohe::ir::Program;
use kaohe::ir::dump::dump;
use kaohe::source::SourceFile;

/// A corpus or policy file, named by its path from the crate root.
fn source(path: &Path) -> SourceFile {
    let rel = path.strip_prefix(common::root()).unwrap_or(path);
    let name = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    SourceFile::new(name, std::fs::read_to_string(path).unwrap())
}

/// The corpus files that parse (`ok`), and the shipped policies.
const PARSED: &str = "{tests/corpus/ok/*.kh,policies/*.kh}";

/// Every corpus file (some `err` files build a program: they only warn), and
/// the shipped policies.
const ALL: &str = "{tests/corpus/**/*.kh,policies/*.kh}";

/// The files that must build a program.
fn must_build(file: &SourceFile) -> bool {
    !file.name.starts_with("tests/corpus/err/")
}

/// parse: the AST, without positions.
#[test]
fn parse() {
    insta::glob!("..", PARSED, |path| {
        let file = source(path);
        let parsed = driver::parse(&file);
        assert!(parsed.complete, "{} parses", file.name);
        assert!(!parsed.has_errors(), "{}: {:?}", file.name, parsed.diags);
        insta::assert_snapshot!(ast_text::render(&parsed.policy));
    });
}

/// compile: the program, for every file whose program builds.
#[test]
fn compile() {
    insta::glob!("..", ALL, |path| {
        let file = source(path);
        let built = driver::build(&file);
        match &built.program {
            Some(p) => insta::assert_snapshot!(dump(p)),
            None => assert!(!must_build(&file), "{} has no program", file.name),
        }
    });
}

/// evaluate: each example's units, evaluated as `kaohe test` does, in brief;
/// for every file whose program builds and that has examples.
#[test]
fn evaluate() {
    insta::glob!("..", ALL, |path| {
        let file = source(path);
        let built = driver::build(&file);
        let Some(p) = &built.program else {
            return;
        };
        let list = examples(&built.policy);
        if !list.is_empty() {
            insta::assert_snapshot!(example_rulings(p, &list));
        }
    });
}

fn example_rulings(p: &Program, list: &[&Example]) -> String {
    let mut out = String::new();
    for ex in list {
        out.push_str(&format!("example {:?}\n", ex.title.text));
        let data = example_data(ex, p.year);
        match evaluate_example(p, &data) {
            Ok(e) => out.push_str(&brief(p, &e, &data)),
            Err(diags) => {
                for d in diags {
                    out.push_str(&format!("  {}: {:?}\n", d.code().as_str(), d.message));
                }
            }
        }
    }
    out
}

/// The shipped policy on its sample data, in brief (the full reports are
/// `tests/rulings.rs`'s snapshots).
#[test]
fn evaluate_sample() {
    let p = common::program("policies/shaoxing-2019.kh");
    let json = common::read("policies/shaoxing-2019.sample.json");
    let e = common::evaluate(&p, &json, kaohe::eval::Threads::One).unwrap();
    insta::assert_snapshot!(brief(&p, &e, &DataSource::Json(&json)));
}

/// Every `解释` of a policy reaches its program's assumptions, the list the
/// rulings print: a statement whose `解释` the compiler dropped (a section's
/// `封顶` line did) would hide a quantification from the assessment office.
/// The schedule's are the exception: deadlines bear on no number of a ruling
/// (`kaohe check` judges them, KH602).
#[test]
fn every_assumption_reaches_the_rulings() {
    for pattern in ["policies/*.kh", "tests/corpus/ok/*.kh"] {
        let dir = common::root().join(pattern.trim_end_matches("/*.kh"));
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "kh") {
                continue;
            }
            let file = source(&path);
            let parsed = driver::parse(&file);
            let mut written = 0;
            for d in &parsed.policy.decls {
                if !matches!(d.node, kaohe::ast::Decl::Schedule(_)) {
                    written += format!("{d:?}").matches("assumption: Some(").count();
                }
            }
            let built = driver::build(&file);
            let p = built.program.expect("a valid policy builds");
            assert_eq!(p.assumptions.len(), written, "{}", file.name);
        }
    }
}
