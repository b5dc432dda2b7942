#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! `kaohe diff` compares meaning, never spelling, over generated policies:
//! a policy against its `kaohe fmt --lang en` form and against itself with
//! full-width punctuation has no differences; one number changed (a rule's
//! points, a cap, a quota, a condition's threshold) is reported, in its part.
//!
//! Two generators: tests/built_gen/ (every declaration, with names that
//! resolve and numbers that add up: nearly every text builds, and the last
//! test below sees to it) and tests/policy_gen/ (the formatter's: every
//! statement form, but its names need not resolve, so its texts hardly ever
//! build; the ones that do are checked too).

mod built_gen;
mod common;
mod policy_gen;

use proptest::prelude::*;

use kaohe::diff::{Diff, Side};
use kaohe::driver::{self, Built};
use kaohe::format::format;
use kaohe::i18n::Lang;
use kaohe::source::SourceFile;

use common::spelling::full_width;

/// A policy text, built.
struct Version {
    file: SourceFile,
    built: Built,
}

impl Version {
    fn new(name: &str, text: &str) -> Version {
        let file = SourceFile::new(name, text);
        let built = driver::build(&file);
        Version { file, built }
    }

    fn builds(&self) -> bool {
        self.built.program.is_some()
    }

    fn side(&self) -> Side<'_> {
        Side {
            p: self.built.program.as_ref().unwrap(),
            ast: &self.built.policy,
            file: &self.file,
        }
    }
}

fn diff(old: &Version, new: &Version) -> Diff {
    kaohe::diff::diff(old.side(), new.side(), None, Lang::Zh).unwrap()
}

fn shown(d: &Diff) -> String {
    kaohe::diff::render::text(d, Lang::Zh)
}

/// The same policy spelled otherwise must build and show no difference.
fn same(p: &Version, other: &str, how: &str) {
    let o = Version::new(&format!("{how}.kh"), other);
    assert!(
        o.builds(),
        "the {how} form does not build: {:?}\n--- source\n{}\n--- {how}\n{other}",
        o.built.diags,
        p.file.text
    );
    let d = diff(p, &o);
    assert!(
        d.changes.is_empty(),
        "spelling shown as a change ({how}):\n{}\n--- source\n{}\n--- {how}\n{other}",
        shown(&d),
        p.file.text
    );
}

/// What checking one generated text saw.
#[derive(Default)]
struct Seen {
    /// It built (else nothing was checked).
    built: bool,
    /// Its full-width form differs from it.
    widened: bool,
    /// The parts whose edits were reported (edits that built).
    edited: Vec<&'static str>,
}

/// Checks that `text`, if it builds, shows no difference from its English and
/// full-width forms, and that each of `edits`, made in the full-width form,
/// shows as exactly the changes it makes against the English form.
fn check(text: &str, edits: &[&built_gen::Edit]) -> Seen {
    let p = Version::new("p.kh", text);
    if !p.builds() {
        return Seen::default();
    }
    let en = format(&p.file, Some(Lang::En)).unwrap();
    same(&p, &en, "en");
    let wide = full_width(text);
    same(&p, &wide, "full-width");
    let mut seen = Seen {
        built: true,
        widened: wide != text,
        edited: Vec::new(),
    };
    let en = Version::new("en.kh", &en);
    for edit in edits {
        let edited = Version::new("edited.kh", &full_width(&edit.apply(text)));
        if !edited.builds() {
            continue;
        }
        let d = diff(&en, &edited);
        let parts: Vec<String> = d
            .changes
            .iter()
            .map(|c| {
                serde_json::to_value(c.part)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert!(
            parts.len() == edit.changes && parts.iter().all(|p| p == edit.part),
            "{edit:?}: expected {} change(s) of {}, got:\n{}\n--- source\n{text}\n--- edited\n{}",
            edit.changes,
            edit.part,
            shown(&d),
            edited.file.text
        );
        seen.edited.push(edit.part);
    }
    seen
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn spelling_is_no_change_and_an_edit_is_one(seed in any::<u64>()) {
        let (text, _) = policy_gen::policy(seed);
        check(&text, &[]);
        let g = built_gen::policy(seed);
        let edit = g.edits.get((seed >> 7) as usize % g.edits.len().max(1));
        check(&g.text, &edit.into_iter().collect::<Vec<_>>());
    }
}

/// The property above is not vacuous: most generated policies build, and
/// edits of every part are made and reported.
#[test]
fn generated_policies_build_and_edits_of_every_part_are_seen() {
    let n: u64 = 60;
    let (mut built, mut widened) = (0, 0);
    let mut parts = std::collections::BTreeSet::new();
    for seed in 0..n {
        let g = built_gen::policy(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let seen = check(&g.text, &g.edits.iter().collect::<Vec<_>>());
        built += u64::from(seen.built);
        widened += u64::from(seen.widened);
        parts.extend(seen.edited);
    }
    assert!(
        built * 10 >= n * 8,
        "only {built} of {n} generated policies build"
    );
    assert_eq!(
        widened, built,
        "every built policy has punctuation to widen"
    );
    let all = [
        "awards", "grades", "outcomes", "rules", "sections", "vetoes",
    ];
    assert_eq!(parts.into_iter().collect::<Vec<_>>(), all);
}

/// Writes the generated text for `KAOHE_SEED` to `KAOHE_GEN_OUT` (for debugging a failure).
#[test]
fn dump_seed() {
    if let (Ok(seed), Ok(out)) = (std::env::var("KAOHE_SEED"), std::env::var("KAOHE_GEN_OUT")) {
        let g = built_gen::policy(seed.parse().unwrap());
        std::fs::write(out, g.text).unwrap();
    }
}
