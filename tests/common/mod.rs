//! What every test file needs: the repository's files, the library's pipeline
//! as the CLI runs it, and the `kaohe` binary. Each test crate uses only part
//! of it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod ast_text;
pub mod rulings;
pub mod spelling;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kaohe::cli::eval::{Output as Wanted, write_rulings};
use kaohe::data::DataFile;
use kaohe::data::source::DataSource;
use kaohe::diag::Diag;
use kaohe::driver::{self, Failure};
use kaohe::eval::{Evaluation, Feed, Threads};
use kaohe::i18n::Lang;
use kaohe::ir::Program;
use kaohe::progress::Quiet;
use kaohe::report::Format;
use kaohe::source::SourceFile;

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A repository file's text.
pub fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A repository file, named by its path from the root.
pub fn file(rel: &str) -> SourceFile {
    SourceFile::new(rel, read(rel))
}

/// Every finding about a policy text, as `kaohe check` gives them.
pub fn check(file: &SourceFile) -> Vec<Diag> {
    driver::build(file).diags
}

/// The program of a repository policy that checks without error.
pub fn program(rel: &str) -> Program {
    compiled(&file(rel))
}

/// The program of a policy text that checks without error.
pub fn compiled(file: &SourceFile) -> Program {
    let built = driver::build(file);
    match built.program {
        Some(p) => p,
        None => panic!("{} has errors: {:?}", file.name, built.diags),
    }
}

/// Evaluates JSON data text with one thread (or two), as the evaluator sees it.
pub fn evaluate<'a>(
    p: &Program,
    json: &'a str,
    threads: Threads,
) -> Result<Evaluation<'a>, Vec<Diag>> {
    kaohe::eval::evaluate(p, Feed::new(&DataSource::Json(json)).threads(threads))
}

/// `kaohe eval` through the library: the rulings written in `format` with
/// the policy's warnings and notes, or why none were written.
pub fn eval_bytes(
    policy: &SourceFile,
    data: &SourceFile,
    format: Format,
    lang: Lang,
    only: Option<&str>,
) -> Result<(Vec<u8>, Vec<Diag>), Failure> {
    eval_data(policy, &data.clone().into(), format, lang, only)
}

/// [`eval_bytes`] on data in any format (sheets too).
pub fn eval_data(
    policy: &SourceFile,
    data: &DataFile,
    format: Format,
    lang: Lang,
    only: Option<&str>,
) -> Result<(Vec<u8>, Vec<Diag>), Failure> {
    let mut out = Vec::new();
    let wanted = Wanted { format, lang, only };
    match write_rulings(policy, data, wanted, &mut out, &Quiet) {
        Ok(warnings) => Ok((out, warnings)),
        Err(failure) => {
            assert!(out.is_empty(), "no partial ruling");
            Err(failure)
        }
    }
}

/// [`eval_bytes`] for a text format.
pub fn eval(
    policy: &SourceFile,
    data: &SourceFile,
    format: Format,
    lang: Lang,
    only: Option<&str>,
) -> Result<String, Failure> {
    eval_bytes(policy, data, format, lang, only).map(|(out, _)| String::from_utf8(out).unwrap())
}

/// The `kaohe` binary run in the repository's root, without colour.
pub fn kaohe(args: &[&str]) -> Output {
    kaohe_in(root(), args)
}

/// The `kaohe` binary run in `dir`, without colour.
pub fn kaohe_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A folder of its own for one test, emptied first and removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("kaohe-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `text` to `name` in the folder and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Whether Chromium and Python are here for a browser test; without them
/// the test is skipped with a note, unless `CI` is set (`.ci/run` installs
/// Chromium, so in CI a browser test always runs).
pub fn browser_available() -> bool {
    let found = |program: &str| {
        Command::new("sh")
            .args(["-c", &format!("command -v {program}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let chromium = std::env::var("CHROMIUM").ok().filter(|c| !c.is_empty());
    let have = chromium.is_some() || found("chromium") || found("chromium-browser");
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    if !(have && found("python3")) {
        assert!(
            !in_ci,
            "CI is set but chromium or python3 is missing (.ci/run installs chromium)"
        );
        eprintln!("skipped: no chromium or python3 here (apt-get install -y chromium to run it)");
        return false;
    }
    true
}
