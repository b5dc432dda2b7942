//! `kaohe check FILE…`

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::{DiagFormat, exit, render_options};
use crate::diag::render::{render_text, to_json};
use crate::diag::{Diag, Severity};
use crate::i18n::Lang;
use crate::source::SourceFile;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 考核办法文件 / policy files
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = DiagFormat::Text)]
    pub format: DiagFormat,

    /// 有警告也视为失败 / fail on warnings too
    #[arg(long)]
    pub deny_warnings: bool,

    /// 分析的工作量上限（步数）；用完时报 KH405 / the analysis's work budget in steps; KH405 when it runs out
    #[arg(long, default_value_t = crate::driver::DEFAULT_BUDGET)]
    pub budget: u64,
}

pub fn run(args: CheckArgs, lang: Lang) -> ExitCode {
    let opts = render_options(lang);
    let mut json = Vec::new();
    let mut text = String::new();
    let mut failed = false;
    for path in &args.files {
        let (file, diags) = check_path(path, args.budget);
        failed |= diags.iter().any(|d| match d.severity() {
            Severity::Error => true,
            Severity::Warning => args.deny_warnings,
            Severity::Note => false,
        });
        match args.format {
            DiagFormat::Json => json.extend(to_json(&file, &diags, lang)),
            DiagFormat::Text => {
                text.push_str(&render_text(&file, &diags, opts));
                text.push_str(&summary(&file.name, &diags, lang));
            }
        }
    }
    let out = match args.format {
        DiagFormat::Json => serde_json::to_string_pretty(&json).unwrap_or_default() + "\n",
        DiagFormat::Text => text,
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    exit(failed)
}

/// Reads and checks one file; an unreadable file is itself a finding (KH001).
fn check_path(path: &Path, budget: u64) -> (SourceFile, Vec<Diag>) {
    match super::files::read(path) {
        Ok(file) => {
            let options = crate::driver::BuildOptions { budget };
            let diags = crate::driver::build_with(&file, options).diags;
            (file, diags)
        }
        Err(failed) => failed,
    }
}

/// One line per file: how many errors, warnings and notes.
fn summary(name: &str, diags: &[Diag], lang: Lang) -> String {
    let count = |s: Severity| {
        diags
            .iter()
            .filter(|d| d.severity() == s)
            .fold(0, |n, d| n + d.count())
    };
    let (e, w, n) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    match lang {
        Lang::Zh if e + w + n == 0 => format!("{name}：检查通过，未发现问题\n"),
        Lang::Zh => format!("{name}：{e} 个错误，{w} 个警告，{n} 个提示\n"),
        Lang::En if e + w + n == 0 => format!("{name}: ok, no findings\n"),
        Lang::En => format!("{name}: {e} error(s), {w} warning(s), {n} note(s)\n"),
    }
}
