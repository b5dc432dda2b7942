#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The catalogue of diagnostic codes (docs/codes.md, docs/codes.en.md) cannot
//! rot: every code has exactly one section, in order, listed once in the
//! table; each section's example produces its code (a policy through `check`,
//! unit data through `eval`, a failing `示例` through the examples runner); a
//! fix example produces no error; and every ```text block that starts with
//! `$ kaohe …` is what the built binary prints for that command, run on the
//! section's own blocks.

mod common;

use std::path::PathBuf;

use common::root;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use kaohe::diag::{Code, Diag, Severity};
use kaohe::driver::Failure;
use kaohe::i18n::Lang;
use kaohe::report::Format;
use kaohe::source::SourceFile;

/// The words one doc uses.
struct Words {
    doc: &'static str,
    lang: Lang,
    severity: &'static str,
    error: &'static str,
    warning: &'static str,
    note: &'static str,
}

const ZH: Words = Words {
    doc: "docs/codes.md",
    lang: Lang::Zh,
    severity: "严重程度：",
    error: "错误",
    warning: "警告",
    note: "提示",
};

const EN: Words = Words {
    doc: "docs/codes.en.md",
    lang: Lang::En,
    severity: "Severity: ",
    error: "error",
    warning: "warning",
    note: "note",
};

impl Words {
    /// The severities a text names (`错误、警告`, `error or warning`).
    fn severities(&self, text: &str) -> Vec<Severity> {
        [
            (self.error, Severity::Error),
            (self.warning, Severity::Warning),
            (self.note, Severity::Note),
        ]
        .into_iter()
        .filter(|(w, _)| text.contains(w))
        .map(|(_, s)| s)
        .collect()
    }
}

/// A fenced block: its language and its text.
struct Block {
    lang: String,
    text: String,
}

/// One `## KHxxx Title` section.
struct Section {
    heading: String,
    code: String,
    body: String,
    blocks: Vec<Block>,
}

impl Section {
    fn first(&self, lang: &str) -> Option<&str> {
        self.blocks
            .iter()
            .find(|b| b.lang == lang)
            .map(|b| b.text.as_str())
    }

    fn all(&self, lang: &str) -> Vec<&str> {
        self.blocks
            .iter()
            .filter(|b| b.lang == lang)
            .map(|b| b.text.as_str())
            .collect()
    }
}

fn fenced_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    for line in text.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(lang)) => {
                open = Some(Block {
                    lang: lang.trim().to_string(),
                    text: String::new(),
                });
            }
            (Some(_), Some("")) => out.extend(open.take()),
            (Some(b), _) => {
                b.text.push_str(line);
                b.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "an unclosed ``` block");
    out
}

/// The intro (before the first section) and the sections.
fn read_doc(doc: &str) -> (String, Vec<Section>) {
    let text = std::fs::read_to_string(root().join(doc)).unwrap();
    let mut parts = text.split("\n## ");
    let intro = parts.next().unwrap_or("").to_string();
    let sections = parts
        .map(|part| {
            let (heading, body) = part.split_once('\n').unwrap_or((part, ""));
            let code = heading.split(' ').next().unwrap_or("").to_string();
            Section {
                heading: heading.to_string(),
                code,
                body: body.to_string(),
                blocks: fenced_blocks(body),
            }
        })
        .collect();
    (intro, sections)
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as `-`.
fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
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

fn codes_of(diags: &[Diag]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code().as_str()).collect()
}

/// The severity line of a section, as severities.
fn section_severities(words: &Words, s: &Section) -> Vec<Severity> {
    let line = s
        .body
        .lines()
        .find_map(|l| l.strip_prefix(words.severity))
        .unwrap_or_else(|| panic!("{}: {} has no `{}` line", words.doc, s.code, words.severity));
    let found = words.severities(line);
    assert!(!found.is_empty(), "{}: {}: `{line}`", words.doc, s.code);
    found
}

/// The findings with the section's code; each of a severity the section names.
fn assert_found(words: &Words, s: &Section, diags: &[Diag], what: &str) {
    let mine: Vec<&Diag> = diags
        .iter()
        .filter(|d| d.code().as_str() == s.code)
        .collect();
    assert!(
        !mine.is_empty(),
        "{}: the {what} of {} gives {:?}",
        words.doc,
        s.code,
        codes_of(diags)
    );
    let allowed = section_severities(words, s);
    for d in mine {
        assert!(
            allowed.contains(&d.severity()),
            "{}: {} is reported as {:?}, the section says {allowed:?}",
            words.doc,
            s.code,
            d.severity()
        );
    }
}

/// A fix shown after the output: a whole policy with no error and no finding of the code.
fn assert_fixed(words: &Words, s: &Section, block: &str, name: &str) {
    assert!(
        is_complete(block),
        "{}: {}: a later kaohe block is a whole policy",
        words.doc,
        s.code
    );
    let diags = common::check(&SourceFile::new(name, block));
    assert!(
        !diags
            .iter()
            .any(|d| d.is_error() || d.code().as_str() == s.code),
        "{}: {}: the fix still gives {:?}",
        words.doc,
        s.code,
        codes_of(&diags)
    );
}

/// KH1xx–KH6xx: the first kaohe block is a whole policy that `check` faults with the code.
fn policy_section(words: &Words, s: &Section, name: &str) {
    let kaohe = s.all("kaohe");
    let first = kaohe
        .first()
        .unwrap_or_else(|| panic!("{}: {} has no kaohe block", words.doc, s.code));
    // A policy missing a declaration (KH105) is the one that cannot be whole.
    assert!(
        is_complete(first) || s.code == "KH105",
        "{}: {}: a whole policy",
        words.doc,
        s.code
    );
    // A section may check with a smaller work budget (`--budget N`), as its
    // `$ kaohe check` line says.
    let budget = s
        .first("text")
        .and_then(|t| t.lines().next())
        .and_then(|l| l.split(" --budget ").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(kaohe::analysis::budget::DEFAULT);
    let options = kaohe::driver::BuildOptions { budget };
    let diags = kaohe::driver::build_with(&SourceFile::new(name, *first), options).diags;
    assert_found(words, s, &diags, "example");
    for fix in kaohe.iter().skip(1) {
        assert_fixed(words, s, fix, name);
    }
}

/// KH801: the policy checks, and one of its examples fails with the code.
fn example_section(words: &Words, s: &Section, name: &str) {
    let kaohe = s.all("kaohe");
    let runs = |text: &str| {
        let file = SourceFile::new(name, text);
        let built = kaohe::driver::build(&file);
        let program = built
            .program
            .unwrap_or_else(|| panic!("{}: {}: {:?}", words.doc, s.code, built.diags));
        kaohe::examples::run_examples(&built.policy, &program)
    };
    let first = kaohe.first().expect("a policy with an example");
    let diags: Vec<Diag> = runs(first).into_iter().flat_map(|r| r.diags).collect();
    assert_found(words, s, &diags, "example");
    for fix in kaohe.iter().skip(1) {
        assert_fixed(words, s, fix, name);
        let runs = runs(fix);
        assert!(!runs.is_empty() && runs.iter().all(|r| r.passed()));
    }
}

/// KH7xx: the policy checks, and `eval` refuses the json block with the code;
/// a second json block (a fix) is accepted.
fn data_section(words: &Words, s: &Section, policy_name: &str, data_name: &str) {
    let text = s
        .first("kaohe")
        .unwrap_or_else(|| panic!("{}: {} shows its policy", words.doc, s.code));
    let policy = SourceFile::new(policy_name, text);
    let eval = |data: &str| {
        let data = SourceFile::new(data_name, data);
        common::eval(&policy, &data, Format::Json, words.lang, None)
    };
    let jsons = s.all("json");
    let first = jsons
        .first()
        .unwrap_or_else(|| panic!("{}: {} has no json block", words.doc, s.code));
    match eval(first) {
        Err(Failure::Data(diags)) => assert_found(words, s, &diags, "data"),
        other => panic!("{}: {}: not refused: {other:?}", words.doc, s.code),
    }
    for fix in jsons.iter().skip(1) {
        assert!(
            eval(fix).is_ok(),
            "{}: {}: the fixed data",
            words.doc,
            s.code
        );
    }
}

static RUNS: AtomicUsize = AtomicUsize::new(0);

/// A fresh empty directory for one command.
fn scratch() -> PathBuf {
    let n = RUNS.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("kaohe-codes-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Trailing spaces and blank lines at the end do not count.
fn normalise(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines[..end].join("\n")
}

/// Runs the `$ kaohe …` command of a text block on the section's blocks (each
/// file the command names is the section's first block of that kind; a file
/// with no block is left missing) and compares with the rest of the block.
fn assert_output(words: &Words, s: &Section, block: &str) {
    let (command, expected) = block.split_once('\n').unwrap_or((block, ""));
    let args: Vec<&str> = command
        .strip_prefix("$ kaohe ")
        .unwrap_or_else(|| {
            panic!(
                "{}: {}: a text block starts with `$ kaohe`",
                words.doc, s.code
            )
        })
        .split_whitespace()
        .collect();
    let dir = scratch();
    for arg in &args {
        let lang = [
            (".kh", "kaohe"),
            (".json", "json"),
            (".toml", "toml"),
            (".csv", "csv"),
        ]
        .into_iter()
        .find_map(|(ext, lang)| arg.ends_with(ext).then_some(lang));
        if let Some(text) = lang.and_then(|l| s.first(l)) {
            std::fs::write(dir.join(arg), text).unwrap();
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .args(&args)
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let actual = format!(
        "{}{}",
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap()
    );
    assert!(
        actual.contains(&s.code),
        "{}: `{command}` does not report {}:\n{actual}",
        words.doc,
        s.code
    );
    assert_eq!(
        normalise(&actual),
        normalise(expected),
        "{}: {}: the output of `{command}` has changed",
        words.doc,
        s.code
    );
}

fn check_doc(words: &Words) {
    let (intro, sections) = read_doc(words.doc);

    // One section per code, in order, and nothing else.
    let headings: Vec<&str> = sections.iter().map(|s| s.code.as_str()).collect();
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(headings, codes, "{}: the sections", words.doc);
    for s in &sections {
        let title = s.heading.strip_prefix(&s.code).unwrap_or("");
        assert!(
            title.starts_with(' ') && title.trim().len() > 1,
            "{}: `## {}` has a title",
            words.doc,
            s.heading
        );
    }

    // The table: one row per code, in order, linking to its section, with its severity.
    let rows: Vec<&str> = intro.lines().filter(|l| l.starts_with("| [KH")).collect();
    assert_eq!(
        rows.len(),
        Code::ALL.len(),
        "{}: one table row per code",
        words.doc
    );
    for (row, s) in rows.iter().zip(&sections) {
        let link = format!("| [{}](#{}) |", s.code, slug(&s.heading));
        assert!(
            row.starts_with(&link),
            "{}: `{row}` is not `{link}…`",
            words.doc
        );
        let severity = row.split('|').nth(2).unwrap_or("");
        assert_eq!(
            words.severities(severity),
            section_severities(words, s),
            "{}: {}: the table and the section name the same severities",
            words.doc,
            s.code
        );
    }

    let (policy, data) = match words.lang {
        Lang::Zh => ("示例.kh", "数据.json"),
        Lang::En => ("example.kh", "data.json"),
    };
    for s in &sections {
        let texts = s.all("text");
        assert!(!texts.is_empty(), "{}: {} shows output", words.doc, s.code);
        for text in texts {
            assert_output(words, s, text);
        }
        match &s.code[..3] {
            "KH0" => {}
            "KH7" => data_section(words, s, policy, data),
            "KH8" => example_section(words, s, policy),
            _ => policy_section(words, s, policy),
        }
    }
}

#[test]
fn the_chinese_catalogue() {
    check_doc(&ZH);
}

#[test]
fn the_english_catalogue() {
    check_doc(&EN);
}
