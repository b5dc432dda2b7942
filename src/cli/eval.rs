//! `kaohe eval POLICY DATA`: rulings for every unit, explained.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::files::{eprint, read};
use super::{exit, stderr_options};
use crate::data::DataFile;
use crate::diag::{Diag, IoProblem, Message, Severity};
use crate::driver::Failure;
use crate::i18n::Lang;
use crate::report::Format;
pub use crate::report::run::{Output, write_rulings};
use crate::source::{SourceFile, Span};

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// 考核办法 / policy file
    pub policy: PathBuf,
    /// 单位数据：.json、.toml、.xlsx，或放有 得分.csv、事项.csv 的文件夹 / unit data: .json, .toml, .xlsx, or a folder of CSV files
    pub data: PathBuf,
    /// 只输出这个单位的说明 / explain only this unit
    #[arg(long)]
    pub unit: Option<String>,
    /// 输出格式；不写时为 text，`-o` 的文件名以 .json .jsonl .md .html .csv .xlsx 结尾时按扩展名 / output format; text, or by the extension of `-o`
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// 输出文件（默认标准输出）/ output file (default: stdout)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// The format asked for, or the one the output file's extension names.
fn format_of(args: &EvalArgs) -> Format {
    let by_extension = args.output.as_ref().and_then(|path| {
        let ext = path.extension()?.to_str()?.to_lowercase();
        Some(match ext.as_str() {
            "json" => Format::Json,
            "jsonl" => Format::Jsonl,
            "md" => Format::Md,
            "html" | "htm" => Format::Html,
            "csv" => Format::Csv,
            "xlsx" => Format::Xlsx,
            _ => return None,
        })
    });
    args.format.or(by_extension).unwrap_or(Format::Text)
}

pub fn run(args: EvalArgs, lang: Lang) -> ExitCode {
    let format = format_of(&args);
    // A workbook on a terminal is only noise and can upset it: refused as a
    // usage error (exit 2) before any work; a pipe or a redirect is fine.
    if format.is_binary() && args.output.is_none() && std::io::stdout().is_terminal() {
        let w = crate::i18n::words::words(lang);
        let _ = writeln!(std::io::stderr(), "{}", w.binary_to_terminal);
        return ExitCode::from(2);
    }
    let opts = stderr_options(lang);
    let data = DataFile::load(&args.data).map_err(|(name, d)| (SourceFile::new(name, ""), d));
    let (policy, data) = match (read(&args.policy), data) {
        (Ok(p), Ok(d)) => (p, d),
        (p, d) => {
            for (f, diags) in [p.err(), d.err()].into_iter().flatten() {
                eprint(&f, &diags, opts);
            }
            return exit(true);
        }
    };
    let only = args.unit.as_deref();
    let progress = super::bar::for_terminal(lang);
    let result = match &args.output {
        // Written beside the target and renamed on success: a failed run
        // never leaves a partial ruling behind.
        Some(path) => {
            let partial = partial_path(path);
            let result = match std::fs::File::create(&partial) {
                Ok(f) => write_rulings(
                    &policy,
                    &data,
                    Output { format, lang, only },
                    &mut BufWriter::new(f),
                    progress.as_ref(),
                ),
                Err(e) => Err(Failure::Output(e)),
            };
            let result = result.and_then(|w| {
                std::fs::rename(&partial, path)
                    .map(|()| w)
                    .map_err(Failure::Output)
            });
            if result.is_err() {
                let _ = std::fs::remove_file(&partial);
            }
            result
        }
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            write_rulings(
                &policy,
                &data,
                Output { format, lang, only },
                &mut out,
                progress.as_ref(),
            )
        }
    };
    progress.finish();
    match result {
        Ok(findings) => {
            let warnings = findings
                .iter()
                .filter(|d| d.severity() == Severity::Warning)
                .collect::<Vec<_>>();
            if !warnings.is_empty() {
                let _ = writeln!(
                    std::io::stderr(),
                    "{}",
                    warned(&policy.name, &warnings, lang)
                );
            }
            exit(false)
        }
        Err(Failure::Policy(d)) => {
            eprint(&policy, &d, opts);
            exit(true)
        }
        Err(Failure::Data(d)) => {
            eprint(&data.source(), &d, opts);
            exit(true)
        }
        // The reader of a pipe stopped reading (`kaohe eval … | head`): it
        // has what it wanted, and there is nothing to report.
        Err(Failure::Output(e))
            if args.output.is_none() && e.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            exit(false)
        }
        Err(Failure::Output(e)) => {
            let path = args
                .output
                .as_ref()
                .map_or("-".to_string(), |p| p.display().to_string());
            let m = Message::CannotWrite {
                path,
                reason: IoProblem::of(&e),
            };
            eprint(&data.source(), &[Diag::new(m, Span::default())], opts);
            exit(true)
        }
    }
}

/// One line on stderr for a policy with warnings: the rulings are made, and
/// the drafter's findings stay `check`'s to show in full (printing them all
/// on every run would bury the rulings' own messages).
fn warned(policy: &str, warnings: &[&Diag], lang: Lang) -> String {
    let mut codes: Vec<&str> = warnings.iter().map(|d| d.code().as_str()).collect();
    codes.dedup();
    let (n, codes) = (warnings.len(), codes.join(", "));
    crate::zh_en!(
        lang,
        format!(
            "注意：考核办法「{policy}」有 {n} 个警告（{codes}），裁定照常作出；运行 kaohe check {policy} 查看"
        ),
        format!(
            "note: the policy `{policy}` has {n} warning(s) ({codes}); the rulings are made as usual; run `kaohe check {policy}` to see them"
        ),
    )
}

fn partial_path(path: &std::path::Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}
