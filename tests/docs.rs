#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The docs cannot rot: every complete policy in a ```kaohe block checks with
//! no error and its examples pass; every line of a fragment stands in a policy
//! that checks (one of the doc's complete policies, or a valid policy of the
//! repository). A deliberately wrong policy of the guide is fenced
//! ```kaohe-error and gives exactly the errors its first line names. The CLI
//! reference documents every option and value the binary's `--help` lists,
//! and no other.

use std::path::Path;

use kaohe::diag::Diag;
use kaohe::source::SourceFile;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn blocks(doc: &str) -> Vec<String> {
    tagged_blocks(doc, "kaohe")
}

/// The code blocks of `doc` fenced as ```tag (exactly that tag).
fn tagged_blocks(doc: &str, tag: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(doc)).unwrap();
    text.split(&format!("```{tag}\n"))
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
        let diags = kaohe::driver::build(&file).diags;
        let errors: Vec<&Diag> = diags.iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.name);
        let built = kaohe::driver::build(&file);
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

#[test]
fn the_chinese_guide() {
    check_doc("docs/guide.md");
    check_error_blocks("docs/guide.md");
}

#[test]
fn the_english_guide() {
    check_doc("docs/guide.en.md");
    check_error_blocks("docs/guide.en.md");
}

/// The codes `KHnnn` named in `line`.
fn codes_in(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut codes = Vec::new();
    for i in 0..chars.len().saturating_sub(4) {
        let digits = &chars[i + 2..i + 5];
        if chars[i] == 'K' && chars[i + 1] == 'H' && digits.iter().all(char::is_ascii_digit) {
            codes.push(chars[i..i + 5].iter().collect());
        }
    }
    codes
}

/// Every ```kaohe-error block is a whole policy whose first line is a comment
/// naming the codes it shows; checking it gives errors with exactly those codes.
fn check_error_blocks(doc: &str) {
    let blocks = tagged_blocks(doc, "kaohe-error");
    assert!(!blocks.is_empty(), "{doc} has kaohe-error blocks");
    for (i, block) in blocks.iter().enumerate() {
        let name = format!("{doc} kaohe-error block {i}");
        assert!(is_complete(block), "{name} is a whole policy");
        let first = block.lines().next().unwrap_or("");
        assert!(first.starts_with("//"), "{name} starts with a comment");
        let mut named = codes_in(first);
        named.sort();
        named.dedup();
        assert!(!named.is_empty(), "{name}: its first line names a code");
        let file = SourceFile::new(name.clone(), block.clone());
        let mut found: Vec<String> = kaohe::driver::build(&file)
            .diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.code().as_str().to_string())
            .collect();
        found.sort();
        found.dedup();
        assert_eq!(
            found, named,
            "{name}: the errors are those its first line names"
        );
    }
}

fn kaohe_help(args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success(), "kaohe {args:?} --help");
    String::from_utf8(out.stdout).unwrap()
}

/// The subcommands `kaohe --help` lists (without `help`): the lines indented
/// by two spaces, not a wrapped description's.
fn subcommands() -> Vec<String> {
    let help = kaohe_help(&[]);
    let listed = help
        .split("Commands:")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap_or("");
    let names: Vec<String> = listed
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_string)
        .collect();
    assert!(names.len() >= 5, "{help}");
    names
}

/// The long options of `kaohe SUB --help` and the values each one takes
/// (`[possible values: …]` or the `- value: …` list of the long help).
fn options(sub: &str) -> Vec<(String, Vec<String>)> {
    let mut options: Vec<(String, Vec<String>)> = Vec::new();
    for line in kaohe_help(&[sub]).lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('-') && !trimmed.starts_with("- ") {
            let long = trimmed
                .split([' ', ','])
                .find(|w| w.starts_with("--"))
                .unwrap_or_else(|| panic!("kaohe {sub} --help: `{trimmed}`"));
            options.push((long.to_string(), Vec::new()));
        }
        let Some((_, values)) = options.last_mut() else {
            continue;
        };
        if let Some(listed) = trimmed.split("[possible values: ").nth(1) {
            let listed = listed.split(']').next().unwrap_or("");
            values.extend(listed.split(", ").map(str::to_string));
        } else if let Some(value) = trimmed.strip_prefix("- ").and_then(|v| v.split(':').next()) {
            values.push(value.to_string());
        }
    }
    options
}

/// The `--option` words written in `text`.
fn written_options(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("--") {
        let before = text[..at].chars().next_back();
        let word: String = text[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        if before != Some('-') && word.starts_with(|c: char| c.is_ascii_lowercase()) {
            found.push(format!("--{}", word.trim_end_matches('-')));
        }
    }
    found
}

/// `text` has `word` not followed by a letter, digit, `-` or `_`
/// (`--format json` is not in `--format jsonl`).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        !text[at + word.len()..]
            .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })
}

/// `text` without its ```text blocks: the tool's output may name the options
/// of another command (`kaohe codes` quotes the catalogue).
fn without_output(text: &str) -> String {
    let mut kept = String::new();
    for (i, part) in text.split("```text\n").enumerate() {
        let prose = if i == 0 {
            part
        } else {
            part.split_once("```").map_or("", |(_, after)| after)
        };
        kept.push_str(prose);
    }
    kept
}

/// Each `## \`kaohe SUB\`` section of the CLI reference documents every option
/// of `kaohe SUB --help` (but `--help` and the global `--lang`, documented
/// once) and every value of each, as `--option value`; it names no option the
/// command lacks. Every subcommand is at least named in the reference.
fn check_cli_doc(doc: &str) {
    let text = std::fs::read_to_string(root().join(doc)).unwrap();
    let global = ["--lang", "--help", "--version"];
    for word in global {
        assert!(text.contains(word), "{doc} documents {word}");
    }
    let mut sections = 0;
    for sub in subcommands() {
        assert!(
            text.contains(&format!("kaohe {sub}")),
            "{doc} names kaohe {sub}"
        );
        let heading = format!("\n## `kaohe {sub}`\n");
        let Some(start) = text.find(&heading) else {
            continue;
        };
        sections += 1;
        let body = &text[start + heading.len()..];
        let section = body.split("\n## ").next().unwrap_or(body);
        let options = options(&sub);
        for (option, values) in &options {
            if global.contains(&option.as_str()) {
                continue;
            }
            assert!(has_word(section, option), "{doc}: kaohe {sub} {option}");
            for value in values {
                let written = format!("{option} {value}");
                assert!(has_word(section, &written), "{doc}: kaohe {sub} {written}");
            }
        }
        for written in written_options(&without_output(section)) {
            assert!(
                global.contains(&written.as_str()) || options.iter().any(|(o, _)| *o == written),
                "{doc}: kaohe {sub} has no option {written}"
            );
        }
    }
    assert!(sections >= 5, "{doc}: a section per command");
}

#[test]
fn the_chinese_cli_reference() {
    check_cli_doc("docs/cli.md");
}

#[test]
fn the_english_cli_reference() {
    check_cli_doc("docs/cli.en.md");
}

/// Whether `actual` is what `expected` shows, where a line `…` in
/// `expected` stands for any number of lines left out.
fn shows(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((&"…", rest)) => (0..=actual.len()).any(|skip| shows(rest, &actual[skip..])),
        Some((line, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| a.trim_end() == line.trim_end() && shows(rest, more)),
    }
}

/// Sections 9 to 11 of a guide work on finished policies: their `$ kaohe …`
/// blocks are run in order (the 2019 policy as `shaoxing-2019.kh`, the
/// sample data and the Hohhot policy at their repository paths) and must
/// show what the binary prints.
/// A block after `<!-- not checked -->` (output of a hand-edited file) is only run.
fn check_guide_outputs(doc: &str) {
    let text = std::fs::read_to_string(root().join(doc)).unwrap();
    let start = text.find("\n## 9.").unwrap();
    let end = text.find("\n## 12.").unwrap();
    let part = &text[start..end];
    let dir =
        std::env::temp_dir().join(format!("kaohe-guide-{}-{}", std::process::id(), doc.len()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("policies")).unwrap();
    std::fs::copy(
        root().join("policies/shaoxing-2019.kh"),
        dir.join("shaoxing-2019.kh"),
    )
    .unwrap();
    for file in [
        "policies/shaoxing-2019.sample.json",
        "policies/hohhot-safety-2004.kh",
        "policies/hohhot-safety-2004.sample.json",
    ] {
        std::fs::copy(root().join(file), dir.join(file)).unwrap();
    }
    let mut checked = 0;
    let pieces: Vec<&str> = part.split("```text\n").collect();
    for (i, block) in pieces.iter().enumerate().skip(1) {
        let block = block.split("```").next().unwrap_or("");
        let Some(command) = block
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("$ kaohe "))
        else {
            continue;
        };
        let args: Vec<&str> = command.split_whitespace().collect();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kaohe"))
            .args(&args)
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        if pieces[i - 1].trim_end().ends_with("<!-- not checked -->") {
            continue;
        }
        let printed = format!(
            "{}{}",
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap()
        );
        let expected: Vec<&str> = block.lines().skip(1).collect();
        let actual: Vec<&str> = printed.trim_end().lines().collect();
        let expected_end = expected
            .iter()
            .rposition(|l| !l.trim().is_empty())
            .map_or(0, |e| e + 1);
        assert!(
            shows(&expected[..expected_end], &actual),
            "{doc}: `kaohe {command}` prints:\n{printed}"
        );
        checked += 1;
    }
    assert!(checked >= 4, "{doc}: {checked} outputs checked");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_chinese_guide_shows_real_output() {
    check_guide_outputs("docs/guide.md");
}

#[test]
fn the_english_guide_shows_real_output() {
    check_guide_outputs("docs/guide.en.md");
}
