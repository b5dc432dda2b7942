//! `kaohe eval POLICY DATA`: rulings for every unit, explained.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::files::{eprint, read, sha256};
use super::{exit, stderr_options};
use crate::diag::suggest::suggest;
use crate::diag::{Diag, Message};
use crate::eval::evaluate;
use crate::report::{Context, RunInfo, WriteError};
use crate::source::Span;
use crate::syntax::keywords::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// 终端文本 / text for the terminal
    Text,
    /// 完整 JSON / full JSON with explanations
    Json,
    /// 每单位一行摘要 / one summary line per unit
    Jsonl,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// 考核办法 / policy file
    pub policy: PathBuf,
    /// 单位数据（.json 或 .toml）/ unit data
    pub data: PathBuf,
    /// 只输出这个单位的说明 / explain only this unit
    #[arg(long)]
    pub unit: Option<String>,
    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// 输出文件（默认标准输出）/ output file (default: stdout)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: EvalArgs, lang: Lang) -> ExitCode {
    let opts = stderr_options(lang);
    let policy = match read(&args.policy) {
        Ok(f) => f,
        Err((f, d)) => {
            eprint(&f, &d, opts);
            return exit(true);
        }
    };
    let (program, diags) = crate::build(&policy);
    eprint(&policy, &diags, opts);
    let Some(program) = program else {
        return exit(true);
    };
    let data = match read(&args.data) {
        Ok(f) => f,
        Err((f, d)) => {
            eprint(&f, &d, opts);
            return exit(true);
        }
    };
    let source = match crate::data::open(&data) {
        Ok(s) => s,
        Err(d) => {
            eprint(&data, &d, opts);
            return exit(true);
        }
    };
    let evaluation = match evaluate(&program, &source, true) {
        Ok(e) => e,
        Err(d) => {
            eprint(&data, &d, opts);
            return exit(true);
        }
    };
    if let Some(name) = &args.unit
        && !evaluation
            .table
            .rows
            .iter()
            .any(|r| r.name == name.as_str())
    {
        let names = evaluation.table.rows.iter().map(|r| r.name.as_ref());
        let m = Message::NoSuchUnit {
            unit: name.clone(),
            suggestion: suggest(name, names),
        };
        eprint(&data, &[Diag::new(m, Span::default())], opts);
        return exit(true);
    }
    let run = RunInfo {
        policy_sha256: sha256(&policy.text),
        data_sha256: sha256(&data.text),
    };
    let ctx = Context {
        p: &program,
        run: &run,
        eval: &evaluation,
        source: &source,
        lang,
        only: args.unit.as_deref(),
    };
    let written = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => write_report(&ctx, args.format, &mut BufWriter::new(f)),
            Err(e) => Err(WriteError::Io(e)),
        },
        None => write_report(
            &ctx,
            args.format,
            &mut BufWriter::new(std::io::stdout().lock()),
        ),
    };
    match written {
        Ok(()) => exit(false),
        Err(WriteError::Data(d)) => {
            eprint(&data, &d, opts);
            exit(true)
        }
        Err(WriteError::Io(e)) => {
            let path = args
                .output
                .as_ref()
                .map_or("-".to_string(), |p| p.display().to_string());
            let m = Message::CannotRead {
                path,
                reason: e.to_string(),
            };
            eprint(&data, &[Diag::new(m, Span::default())], opts);
            exit(true)
        }
    }
}

fn write_report(
    ctx: &Context<'_, '_>,
    format: ReportFormat,
    out: &mut dyn Write,
) -> Result<(), WriteError> {
    match format {
        ReportFormat::Text => crate::report::text::write(ctx, out)?,
        ReportFormat::Json => crate::report::json::write(ctx, out)?,
        ReportFormat::Jsonl => crate::report::jsonl::write(ctx, out)?,
    }
    out.flush()?;
    Ok(())
}
