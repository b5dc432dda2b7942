#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! `kaohe fmt` over generated policies (tests/policy_gen/): in Chinese and in
//! English the formatted text parses to the same AST as the original, is
//! formatted again unchanged, keeps every comment; Chinese → English →
//! Chinese gives the Chinese text back exactly.

mod policy_gen;

use proptest::prelude::*;

use kaohe::format::format;
use kaohe::i18n::Lang;
use kaohe::source::SourceFile;

fn fmt(text: &str, lang: Lang) -> String {
    match format(&SourceFile::new("formatted.kh", text), Some(lang)) {
        Ok(t) => t,
        Err(d) => panic!("formatting failed: {d:?}\n{text}"),
    }
}

fn check(text: &str, comments: &[String]) {
    let parsed = kaohe::driver::parse(&SourceFile::new("generated.kh", text));
    assert!(
        parsed.complete && parsed.diags.is_empty(),
        "the generator made a text that does not parse:\n{text}\n{:?}",
        parsed.diags
    );
    for lang in [Lang::Zh, Lang::En] {
        let out = fmt(text, lang);
        let again = kaohe::driver::parse(&SourceFile::new("formatted.kh", out.as_str()));
        assert!(
            again.complete && again.diags.is_empty(),
            "{lang:?} output does not parse: {:?}\n--- source\n{text}\n--- {lang:?}\n{out}",
            again.diags
        );
        assert_eq!(
            again.policy, parsed.policy,
            "{lang:?} output means something else\n--- source\n{text}\n--- {lang:?}\n{out}"
        );
        assert_eq!(
            fmt(&out, lang),
            out,
            "{lang:?} formatting is not idempotent\n--- source\n{text}"
        );
        for c in comments {
            assert!(
                out.contains(c.as_str()),
                "{lang:?} output lost `{c}`\n--- source\n{text}\n--- {lang:?}\n{out}"
            );
        }
    }
    let zh = fmt(text, Lang::Zh);
    assert_eq!(
        fmt(&fmt(&zh, Lang::En), Lang::Zh),
        zh,
        "zh → en → zh differs\n--- source\n{text}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn formatting_keeps_meaning_comments_and_is_stable(seed in any::<u64>()) {
        let (text, comments) = policy_gen::policy(seed);
        check(&text, &comments);
    }
}

/// The generator reaches every kind of declaration (a weak generator would
/// make the property above vacuous).
#[test]
fn generated_policies_cover_every_declaration() {
    let mut seen = std::collections::HashSet::new();
    for seed in 0..400u64 {
        let (text, _) = policy_gen::policy(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let parsed = kaohe::driver::parse(&SourceFile::new("g.kh", text));
        for d in &parsed.policy.decls {
            seen.insert(std::mem::discriminant(&d.node));
        }
    }
    assert_eq!(seen.len(), 14);
}

/// Writes the generated text for `KAOHE_SEED` to `KAOHE_GEN_OUT` (for debugging a failure).
#[test]
fn dump_seed() {
    if let (Ok(seed), Ok(out)) = (std::env::var("KAOHE_SEED"), std::env::var("KAOHE_GEN_OUT")) {
        let (text, _) = policy_gen::policy(seed.parse().unwrap());
        std::fs::write(out, text).unwrap();
    }
}
