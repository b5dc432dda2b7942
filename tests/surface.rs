#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! One policy, three surfaces: Chinese keywords, English keywords and
//! full-width punctuation parse to the same AST (spans aside).

use kaohe::ast::Policy;
use kaohe::source::SourceFile;

fn parse(rel: &str) -> Policy {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let file = SourceFile::new(rel, std::fs::read_to_string(path).unwrap());
    let parsed = kaohe::parse(&file);
    assert!(parsed.diags.is_empty(), "{rel}: {:?}", parsed.diags);
    parsed.policy
}

#[test]
fn english_keywords_mean_the_same_policy() {
    assert_eq!(
        parse("policies/shaoxing-2019.kh"),
        parse("tests/corpus/ok/shaoxing-2019-en.kh")
    );
}

#[test]
fn full_width_punctuation_means_the_same_policy() {
    assert_eq!(
        parse("policies/shaoxing-2019.kh"),
        parse("tests/corpus/ok/shaoxing-2019-fullwidth.kh")
    );
}

#[test]
fn a_changed_amount_is_a_different_policy() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/shaoxing-2019.kh");
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace("=> 10 【", "=> 8 【");
    let changed = kaohe::parse(&SourceFile::new("changed.kh", text)).policy;
    assert_ne!(parse("policies/shaoxing-2019.kh"), changed);
}
