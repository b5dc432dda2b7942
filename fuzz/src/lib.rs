//! What the fuzz targets share: the pipeline as the CLI runs it (through the
//! library's public API only) and the properties each target asserts. Every
//! failed assertion is a finding; so is any panic inside the library.

use std::path::PathBuf;
use std::sync::OnceLock;

use kaohe::data::DataFile;
use kaohe::diag::render::{RenderOptions, render_text, to_json};
use kaohe::diag::{Code, Diag};
use kaohe::diff::Side;
use kaohe::driver::{self, BuildOptions, Built, Failure, RunInfo};
use kaohe::i18n::Lang;
use kaohe::ir::Program;
use kaohe::progress::Quiet;
use kaohe::report::{Context, Format, WriteError};
use kaohe::source::SourceFile;

/// The analysis's work budget per policy: the shipped policy needs under
/// 10,000 steps; this keeps every input bounded (KH405 when cut short).
pub const BUDGET: u64 = 200_000;

/// Every output format of `kaohe eval`.
pub const FORMATS: [Format; 7] = [
    Format::Text,
    Format::Json,
    Format::Jsonl,
    Format::Md,
    Format::Html,
    Format::Csv,
    Format::Xlsx,
];

fn opts(lang: Lang) -> RenderOptions {
    RenderOptions {
        lang,
        ..RenderOptions::default()
    }
}

/// Bytes read as the CLI reads a file (`kaohe::files::text_of`): UTF-8, or a
/// single KH001. Text that is not UTF-8 is then read lossily, so the rest of
/// the input still reaches the pipeline.
pub fn text(name: &str, bytes: &[u8]) -> SourceFile {
    match kaohe::files::text_of(name.to_string(), Ok(bytes.to_vec())) {
        Ok(file) => {
            assert_eq!(file.text.as_bytes(), bytes);
            file
        }
        Err((file, diags)) => {
            assert!(
                std::str::from_utf8(bytes).is_err(),
                "valid UTF-8 refused: {diags:?}"
            );
            assert!(
                diags.len() == 1 && diags.iter().all(|d| d.code() == Code::KH001),
                "invalid UTF-8 should give one KH001: {diags:?}"
            );
            render_text(&file, &diags, opts(Lang::Zh));
            SourceFile::new(name, String::from_utf8_lossy(bytes).into_owned())
        }
    }
}

/// Every span of a finding about `file` lies in it, on character boundaries.
fn assert_spans_in(file: &SourceFile, diags: &[Diag]) {
    let ok = |s: kaohe::source::Span| {
        s.start <= s.end && file.text.is_char_boundary(s.start) && file.text.is_char_boundary(s.end)
    };
    for d in diags {
        assert!(
            ok(d.span),
            "{:?} span {:?} outside the text (len {})",
            d.code(),
            d.span,
            file.text.len()
        );
        for l in &d.labels {
            assert!(
                ok(l.span),
                "{:?} label {:?} outside the text (len {})",
                d.code(),
                l.span,
                file.text.len()
            );
        }
    }
}

/// `kaohe check` (parse, resolve, check, compile, analyze with [`BUDGET`]),
/// its findings rendered as text and as JSON, and `kaohe test` (the policy's
/// examples) when it compiled. Asserts: a policy without a program has an
/// error; findings lie in the text.
pub fn check(file: &SourceFile) -> Built {
    let built = driver::build_with(file, BuildOptions { budget: BUDGET });
    assert!(
        built.program.is_some() || built.diags.iter().any(Diag::is_error),
        "no program and no error: {:?}",
        built.diags
    );
    assert_spans_in(file, &built.diags);
    render_text(file, &built.diags, opts(Lang::Zh));
    let json = to_json(file, &built.diags, Lang::En);
    serde_json::to_string(&json).expect("findings serialize");
    if let Some(program) = &built.program {
        for run in kaohe::examples::run_examples(&built.policy, program) {
            render_text(file, &run.diags, opts(Lang::En));
        }
    }
    built
}

/// The codes of a policy's findings, as a sorted multiset (places move when
/// a text is formatted; what is found must not change).
fn codes(diags: &[Diag]) -> Vec<(Code, usize)> {
    let mut c: Vec<(Code, usize)> = diags.iter().map(|d| (d.code(), d.count())).collect();
    c.sort();
    c
}

fn fmt(file: &SourceFile, lang: Option<Lang>) -> Option<String> {
    kaohe::format::format(file, lang).ok()
}

/// `kaohe fmt` on a checked policy. Asserts, whenever formatting succeeds
/// (with `--lang zh` and with `--lang en`; without `--lang` fmt picks one of
/// them): fmt(fmt(x)) = fmt(x); zh → en → zh and en → zh → en give the same
/// text back; fmt(x) parses to the same AST (equality ignores places), and,
/// in Chinese, checks with the same finding codes and `kaohe diff x fmt(x)`
/// finds no change; fmt(x) keeps every `//` (comments are kept verbatim).
pub fn fmt_keeps_meaning(file: &SourceFile, built: &Built) {
    let Some(zh) = fmt(file, Some(Lang::Zh)) else {
        let parsed = driver::parse(file);
        assert!(
            !parsed.complete || parsed.has_errors(),
            "fmt refused a policy that parsed"
        );
        assert!(
            fmt(file, Some(Lang::En)).is_none(),
            "fmt --lang en succeeds where zh fails"
        );
        return;
    };
    let en = fmt(file, Some(Lang::En)).expect("fmt --lang en fails where fmt --lang zh succeeds");
    let zh_file = SourceFile::new("zh.kh", zh.clone());
    let en_file = SourceFile::new("en.kh", en.clone());
    assert_eq!(
        fmt(&zh_file, Some(Lang::Zh)).as_deref(),
        Some(zh.as_str()),
        "fmt --lang zh is not idempotent"
    );
    assert_eq!(
        fmt(&en_file, Some(Lang::En)).as_deref(),
        Some(en.as_str()),
        "fmt --lang en is not idempotent"
    );
    assert_eq!(
        fmt(&en_file, Some(Lang::Zh)).as_deref(),
        Some(zh.as_str()),
        "zh → en → zh differs"
    );
    assert_eq!(
        fmt(&zh_file, Some(Lang::En)).as_deref(),
        Some(en.as_str()),
        "en → zh → en differs"
    );
    for out in [&zh, &en] {
        assert_eq!(
            file.text.matches("//").count(),
            out.matches("//").count(),
            "fmt lost or made a `//`"
        );
    }

    let en_parsed = driver::parse(&en_file);
    assert!(
        en_parsed.complete && !en_parsed.has_errors(),
        "fmt --lang en output does not parse: {:?}",
        en_parsed.diags
    );
    assert_eq!(
        en_parsed.policy, built.policy,
        "fmt --lang en changed the AST"
    );
    let rebuilt = driver::build_with(&zh_file, BuildOptions { budget: BUDGET });
    assert_eq!(
        rebuilt.policy, built.policy,
        "fmt --lang zh changed the AST"
    );
    assert_eq!(
        codes(&built.diags),
        codes(&rebuilt.diags),
        "fmt changed the findings"
    );
    assert_eq!(built.program.is_some(), rebuilt.program.is_some());
    if let (Some(p0), Some(p1)) = (&built.program, &rebuilt.program) {
        let old = Side {
            p: p0,
            ast: &built.policy,
            file,
        };
        let new = Side {
            p: p1,
            ast: &rebuilt.policy,
            file: &zh_file,
        };
        let changes = kaohe::diff::policy::compare(old, new, Lang::En);
        assert!(
            changes.is_empty(),
            "diff(x, fmt(x)) is not empty: {changes:?}"
        );
    }
}

/// The shipped 2019 policy, built once (the CLI builds it on every run; its
/// findings do not depend on the data).
pub struct Shipped {
    pub file: SourceFile,
    pub built: Built,
}

impl Shipped {
    pub fn program(&self) -> &Program {
        self.built
            .program
            .as_ref()
            .expect("the shipped policy compiles")
    }
}

pub fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let file = SourceFile::new(
            "policies/shaoxing-2019.kh",
            include_str!("../../policies/shaoxing-2019.kh"),
        );
        let built = driver::build(&file);
        Shipped { file, built }
    })
}

/// What one run of `kaohe eval` gave: every format, and the first-ranked
/// unit alone (`--unit`) as text and JSON.
type Outputs = Vec<Vec<u8>>;

/// `kaohe eval POLICY DATA` as `kaohe::cli::eval::write_rulings` runs it,
/// with the program built once: open, evaluate, then every output format.
/// Returns None when the data was refused (its findings are rendered as the
/// CLI prints them). Asserts: once the data evaluates, every format renders
/// (no unit fails to be read again, hashes can be made), and the JSON and
/// JSON-lines outputs are JSON.
pub fn eval(
    policy: &SourceFile,
    program: &Program,
    data: &DataFile,
    lang: Lang,
) -> Option<Outputs> {
    let opened = match driver::open(data) {
        Ok(o) => o,
        Err(f) => return refused(data, f, lang),
    };
    let rulings = match driver::rulings(program, &opened, &Quiet) {
        Ok(r) => r,
        Err(f) => return refused(data, f, lang),
    };
    let run = driver::identify(policy, &opened).expect("hashes of data that evaluated");
    let first = rulings
        .evaluation
        .ranks
        .order
        .first()
        .and_then(|u| rulings.evaluation.table.rows.get(*u as usize))
        .map(|r| r.name.to_string());
    let mut outputs = Vec::new();
    for format in FORMATS {
        outputs.push(render(&rulings, &run, format, lang, None));
    }
    if let Some(name) = first.as_deref() {
        rulings
            .unit_named(name)
            .expect("the first-ranked unit is found by its name");
        outputs.push(render(&rulings, &run, Format::Text, lang, Some(name)));
        outputs.push(render(&rulings, &run, Format::Json, lang, Some(name)));
    }
    Some(outputs)
}

fn render(
    rulings: &driver::Rulings<'_, '_>,
    run: &RunInfo,
    format: Format,
    lang: Lang,
    only: Option<&str>,
) -> Vec<u8> {
    let blank = RunInfo::default();
    let run = if format.shows_hashes() { run } else { &blank };
    let ctx = Context::new(rulings, run, lang, only, &Quiet);
    let mut out = Vec::new();
    match kaohe::report::write(&ctx, format, &mut out) {
        Ok(()) => {}
        Err(WriteError::Data(d)) => {
            panic!("{format:?} ({lang:?}) failed after the data evaluated: {d:?}")
        }
        Err(WriteError::Io(e)) => panic!("{format:?} ({lang:?}) failed to write to memory: {e}"),
    }
    match format {
        Format::Json => {
            serde_json::from_slice::<serde_json::Value>(&out).expect("JSON output is JSON");
        }
        Format::Jsonl => {
            for line in out.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
                serde_json::from_slice::<serde_json::Value>(line).expect("a JSON line is JSON");
            }
        }
        _ => {}
    }
    out
}

/// The data's findings, rendered as `kaohe eval` prints them.
fn refused(data: &DataFile, f: Failure, lang: Lang) -> Option<Outputs> {
    match f {
        Failure::Data(d) => {
            assert!(!d.is_empty(), "refused data without a finding");
            render_text(&data.source(), &d, opts(lang));
        }
        Failure::Policy(d) => panic!("the policy failed on data: {d:?}"),
        Failure::Output(e) => panic!("no output was written, yet: {e}"),
    }
    None
}

/// The language of an input's messages and reports: Chinese for an input of
/// even length, English for odd (each input is rendered in one language, to
/// halve the work; the corpus has both).
pub fn lang_of(input: &[u8]) -> Lang {
    if input.len() % 2 == 0 {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// [`eval`] twice, each time from the data file (opened and evaluated
/// afresh): the same outputs, byte for byte.
pub fn eval_twice(policy: &SourceFile, program: &Program, data: &DataFile, lang: Lang) {
    let first = eval(policy, program, data, lang);
    let second = eval(policy, program, data, lang);
    assert_eq!(first.is_some(), second.is_some());
    if let (Some(a), Some(b)) = (first, second) {
        assert_eq!(a.len(), b.len());
        for (n, (x, y)) in a.iter().zip(&b).enumerate() {
            // 0–6: FORMATS in order; 7, 8: `--unit` as text and as JSON.
            assert!(x == y, "output {n} differs between two runs");
        }
    }
}

/// [`eval_twice`] under the shipped policy.
pub fn eval_deterministic(data: &DataFile, lang: Lang) {
    let s = shipped();
    eval_twice(&s.file, s.program(), data, lang);
}

/// A folder of this process's own under the temp directory (the sheet readers
/// take paths; see README.md).
pub fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("kaohe-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    })
}

/// Splits `data` at its first NUL byte: (before, after), after None without one.
pub fn split_nul(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    }
}
