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
    let parsed = kaohe::driver::parse(&file);
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
    let changed = kaohe::driver::parse(&SourceFile::new("changed.kh", text)).policy;
    assert_ne!(parse("policies/shaoxing-2019.kh"), changed);
}

/// The statement a ruling quotes is the statement, whole, without comments:
/// a rule broken after `=>` with a comment keeps its points.
#[test]
fn a_quoted_statement_leaves_out_comments_and_joins_its_lines() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/ok/comments.kh");
    let file = SourceFile::new("comments.kh", std::fs::read_to_string(path).unwrap());
    let built = kaohe::driver::build(&file);
    let p = built.program.unwrap();
    let texts: Vec<String> = p
        .rules
        .iter()
        .map(|r| p.clause(r.clause).text.clone())
        .collect();
    assert!(
        texts.iter().any(|t| t == "表彰 层级 是 国家 => 3"),
        "{texts:?}"
    );
    assert!(texts.iter().all(|t| !t.contains("//")), "{texts:?}");
}

/// A statement's span ends at its last token: not at the spaces and the
/// end-of-line comment pest takes in when an optional tail does not match.
#[test]
fn a_statement_span_stops_before_its_comment() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/ok/comments.kh");
    let text = std::fs::read_to_string(path).unwrap();
    let file = SourceFile::new("comments.kh", text.clone());
    let parsed = kaohe::driver::parse(&file);
    let mut ends = Vec::new();
    for d in &parsed.policy.decls {
        if let kaohe::ast::Decl::Adjust(section) = &d.node {
            for e in &section.entries {
                ends.push(text[e.span.start..e.span.end].to_string());
            }
        }
    }
    assert!(!ends.is_empty());
    for s in &ends {
        let last = s.lines().last().unwrap_or("");
        assert!(!last.contains("//") && s.trim_end() == s, "{s:?}");
    }
}
