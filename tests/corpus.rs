#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The corpus: every `.kh` file under `tests/corpus/` is checked; the codes it
//! produces must be exactly those its `// expect:` header lists (`ok` for
//! none), and the rendered findings, in Chinese and in English, are snapshots.
//! Every example (`示例`) of a corpus policy that builds must pass.

mod common;

use std::path::Path;

use kaohe::diag::render::{RenderOptions, render_text};
use kaohe::examples::run_examples;
use kaohe::i18n::Lang;
use kaohe::source::SourceFile;

/// The codes a corpus file says it produces, from its `// expect:` line.
fn expected_codes(text: &str) -> Vec<String> {
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("// expect:"))
        .expect("every corpus file has an `// expect:` line");
    line.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty() && *c != "ok")
        .map(str::to_string)
        .collect()
}

/// The file's path relative to the crate, with `/` separators (no absolute paths in snapshots).
fn display_name(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn corpus_findings() {
    insta::glob!("corpus/**/*.kh", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let file = SourceFile::new(display_name(path), text);
        let diags = common::check(&file);
        let codes: Vec<String> = diags
            .iter()
            .map(|d| d.code().as_str().to_string())
            .collect();
        assert_eq!(codes, expected_codes(&file.text), "{}", file.name);
        let zh = render_text(&file, &diags, RenderOptions::default());
        let en_opts = RenderOptions {
            lang: Lang::En,
            ..RenderOptions::default()
        };
        let en = render_text(&file, &diags, en_opts);
        insta::assert_snapshot!(format!("{zh}──── en ────\n{en}"));
    });
}

/// Every example of every corpus policy whose program builds (every `ok`
/// file, and the `err` files that only warn) passes, as `kaohe test` runs it;
/// a failing example shows its findings.
#[test]
fn corpus_examples_pass() {
    let mut failures = String::new();
    let (mut policies, mut examples) = (0, 0);
    for dir in ["ok", "err"] {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(dir);
        let mut paths: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "kh"))
            .collect();
        paths.sort();
        for path in paths {
            let file =
                SourceFile::new(display_name(&path), std::fs::read_to_string(&path).unwrap());
            let built = kaohe::driver::build(&file);
            let Some(program) = &built.program else {
                assert_ne!(dir, "ok", "{} builds no program", file.name);
                continue;
            };
            policies += 1;
            for run in run_examples(&built.policy, program) {
                examples += 1;
                if !run.passed() {
                    failures.push_str(&format!("{}: {}\n", file.name, run.title));
                    failures.push_str(&render_text(&file, &run.diags, RenderOptions::default()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "failing examples:\n{failures}");
    // Files that build: 7 ok, 12 err; their examples: 18 at least.
    assert!(
        policies >= 19 && examples >= 18,
        "{policies} policies, {examples} examples"
    );
}

/// The shipped policy checks with no error; what the analysis says of it is
/// a snapshot (tests/snapshots), reviewed like the corpus.
#[test]
fn shipped_policy_has_no_errors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/shaoxing-2019.kh");
    let text = std::fs::read_to_string(path).unwrap();
    let file = SourceFile::new("policies/shaoxing-2019.kh", text);
    let diags = common::check(&file);
    assert!(!diags.iter().any(|d| d.is_error()));
    let codes: Vec<&str> = diags.iter().map(|d| d.code().as_str()).collect();
    assert!(codes.contains(&"KH304"), "{codes:?}");
    insta::assert_snapshot!(render_text(&file, &diags, RenderOptions::default()));
}
