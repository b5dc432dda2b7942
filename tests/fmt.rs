#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! `kaohe fmt` on every policy of the repository (policies/, bench/, the
//! corpus, the complete policies of docs/language*.md): the formatted text
//! means the same policy, formatting it again changes nothing, every comment
//! survives, and Chinese → English → Chinese gives the Chinese text back.
//! The shipped policy in both languages and the comment corpus are snapshots.

mod common;

use common::{read, root};
use kaohe::format::format;
use kaohe::i18n::Lang;
use kaohe::source::SourceFile;

/// Every policy text of the repository, with a name to report it by.
fn repository_policies() -> Vec<(String, String)> {
    let mut all = Vec::new();
    for dir in ["policies", "bench", "tests/corpus/ok", "tests/corpus/err"] {
        let mut paths: Vec<_> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "kh"))
            .collect();
        paths.sort();
        for p in paths {
            let name = format!("{dir}/{}", p.file_name().unwrap().to_string_lossy());
            all.push((name, std::fs::read_to_string(p).unwrap()));
        }
    }
    for doc in ["docs/language.md", "docs/language.en.md"] {
        let text = read(doc);
        let blocks = text.split("```kaohe\n").skip(1);
        for (i, block) in blocks.enumerate() {
            let block = block.split("```").next().unwrap_or("");
            if is_complete(block) {
                all.push((format!("{doc} block {i}"), block.to_string()));
            }
        }
    }
    all
}

/// A whole policy in a doc block (as tests/docs.rs decides it).
fn is_complete(block: &str) -> bool {
    let starts = |zh: &str, en: &str| {
        block
            .lines()
            .any(|l| l.starts_with(zh) || l.starts_with(en))
    };
    starts("考核办法 ", "policy ") && starts("考核对象", "units") && starts("计分", "score")
}

fn fmt(name: &str, text: &str, lang: Option<Lang>) -> String {
    match format(&SourceFile::new(name, text), lang) {
        Ok(t) => t,
        Err(d) => panic!("{name} ({lang:?}) does not format: {d:?}"),
    }
}

#[test]
fn every_repository_policy_formats_to_the_same_policy_stably() {
    let mut formatted = 0;
    for (name, text) in repository_policies() {
        let parsed = kaohe::driver::parse(&SourceFile::new(name.as_str(), text.as_str()));
        if !parsed.complete || parsed.has_errors() {
            // Syntax errors: not formatted, the findings come back instead.
            assert!(format(&SourceFile::new(name.as_str(), text.as_str()), None).is_err());
            assert!(name.contains("/err/kh10"), "{name} should parse");
            continue;
        }
        formatted += 1;
        for lang in [None, Some(Lang::Zh), Some(Lang::En)] {
            let out = fmt(&name, &text, lang);
            let again = kaohe::driver::parse(&SourceFile::new("formatted.kh", out.as_str()));
            assert!(again.diags.is_empty(), "{name} {lang:?}: {:?}", again.diags);
            assert_eq!(again.policy, parsed.policy, "{name} {lang:?}:\n{out}");
            assert_eq!(fmt(&name, &out, lang), out, "{name} {lang:?} twice");
            // Comments and strings are written verbatim: no `//` is lost.
            assert_eq!(
                out.matches("//").count(),
                text.matches("//").count(),
                "{name} {lang:?}:\n{out}"
            );
        }
        let zh = fmt(&name, &text, Some(Lang::Zh));
        let en = fmt(&name, &zh, Some(Lang::En));
        assert_eq!(fmt(&name, &en, Some(Lang::Zh)), zh, "{name}: zh → en → zh");
        assert_eq!(fmt(&name, &zh, None), zh, "{name}: Chinese stays Chinese");
        assert_eq!(fmt(&name, &en, None), en, "{name}: English stays English");
    }
    assert!(formatted >= 30, "only {formatted} policies formatted");
}

#[test]
fn the_shipped_policy_in_chinese() {
    let text = read("policies/shaoxing-2019.kh");
    insta::assert_snapshot!(fmt("shaoxing-2019.kh", &text, Some(Lang::Zh)));
}

#[test]
fn the_shipped_policy_in_english() {
    let text = read("policies/shaoxing-2019.kh");
    insta::assert_snapshot!(fmt("shaoxing-2019.kh", &text, Some(Lang::En)));
}

/// Each comment of the corpus file comes back beside its statement.
#[test]
fn comments_stay_where_they_were_written() {
    let text = read("tests/corpus/ok/comments.kh");
    insta::assert_snapshot!(fmt("comments.kh", &text, None));
}

#[test]
fn comments_stay_in_english_too() {
    let text = read("tests/corpus/ok/comments.kh");
    insta::assert_snapshot!(fmt("comments.kh", &text, Some(Lang::En)));
}

/// Without `--lang`, a file keeps the language most of its keywords use.
#[test]
fn the_language_of_most_keywords_is_kept() {
    let en = read("tests/corpus/ok/shaoxing-2019-en.kh");
    assert_eq!(fmt("en.kh", &en, None), fmt("en.kh", &en, Some(Lang::En)));
    let mixed = "考核办法 \"x\" { year 2019; 制定 \"y\" }\nunits { group 处室 { 甲 } }\n";
    assert!(fmt("mixed.kh", mixed, None).starts_with("policy \"x\" {"));
}

#[test]
fn a_file_with_syntax_errors_is_not_formatted() {
    let text = "考核办法 \"x\" {\n    年度 2019\n}\n加分 {\n    表彰 =>\n}\n";
    let diags = format(&SourceFile::new("bad.kh", text), None).unwrap_err();
    assert!(
        diags.iter().any(|d| d.code().as_str() == "KH101"),
        "{diags:?}"
    );
}

/// Words that exist in one language only: `名` and `在 … 之后` (Chinese),
/// `on` (English); and the multi-word English keywords.
#[test]
fn one_language_words_and_multi_word_keywords() {
    let zh = "评优 先进 {\n    不含 末 2 名\n}\n\n日程 {\n    甲\n    乙 在 甲 之后\n}\n\n弄虚作假 => 该项清零\n加分 {\n    表彰 层级 不属于 国家 => 至多 5\n}\n\n排名 按 总分 降序 分组内\n";
    let en = fmt("zh.kh", zh, Some(Lang::En));
    for needle in [
        "exclude bottom 2\n",
        "乙 after 甲\n",
        "on 弄虚作假 => zero_item",
        "not in 国家 => up to 5",
        "within group",
    ] {
        assert!(en.contains(needle), "{needle} in\n{en}");
    }
    assert_eq!(fmt("en.kh", &en, Some(Lang::Zh)), fmt("zh.kh", zh, None));
}
