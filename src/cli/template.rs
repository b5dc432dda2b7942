//! `kaohe template POLICY --format xlsx|csv -o PATH [--data DATA]`: the
//! workbook (or CSV folder) to fill for a policy; with `--data`, filled
//! with that data (JSON, TOML or sheets), which converts data to a workbook.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::files::{eprint, read};
use super::{exit, stderr_options};
use crate::data::DataFile;
use crate::diag::{Diag, IoProblem, Message};
use crate::i18n::Lang;
use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// Excel 工作簿 / an Excel workbook
    Xlsx,
    /// 放 CSV 文件的文件夹 / a folder of CSV files
    Csv,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// 考核办法 / policy file
    pub policy: PathBuf,
    /// 格式 / format
    #[arg(long, value_enum, default_value_t = SheetFormat::Xlsx)]
    pub format: SheetFormat,
    /// 输出的工作簿或文件夹 / the workbook or folder to write
    #[arg(short, long)]
    pub output: PathBuf,
    /// 用这份数据填写（转换数据格式）/ fill it with this data (converts data)
    #[arg(long)]
    pub data: Option<PathBuf>,
}

pub fn run(args: TemplateArgs, lang: Lang) -> ExitCode {
    let opts = stderr_options(lang);
    let policy = match read(&args.policy) {
        Ok(p) => p,
        Err((f, d)) => {
            eprint(&f, &d, opts);
            return exit(true);
        }
    };
    let built = crate::driver::build(&policy);
    let Some(program) = built.program else {
        let errors: Vec<Diag> = built.diags.into_iter().filter(Diag::is_error).collect();
        eprint(&policy, &errors, opts);
        return exit(true);
    };
    let data = match args.data.as_ref().map(|path| DataFile::load(path)) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err((name, d))) => {
            eprint(&SourceFile::new(name, ""), &d, opts);
            return exit(true);
        }
    };
    let opened = match data.as_ref().map(crate::data::open) {
        None => None,
        Some(Ok(opened)) => Some(opened.source),
        Some(Err(d)) => {
            if let Some(file) = &data {
                eprint(&file.source(), &d, opts);
            }
            return exit(true);
        }
    };
    let sheets = match crate::template::workbook(&program, lang, opened.as_ref()) {
        Ok(s) => s,
        Err(d) => {
            if let Some(file) = &data {
                eprint(&file.source(), &[d], opts);
            }
            return exit(true);
        }
    };
    let written = match args.format {
        SheetFormat::Xlsx => crate::template::xlsx::write(&sheets)
            .map_err(|e| IoProblem::Other(e.to_string()))
            .and_then(|bytes| std::fs::write(&args.output, bytes).map_err(|e| IoProblem::of(&e))),
        SheetFormat::Csv => {
            crate::template::csv::write(&sheets, &args.output).map_err(|e| IoProblem::of(&e))
        }
    };
    if let Err(reason) = written {
        let m = Message::CannotWrite {
            path: args.output.display().to_string(),
            reason,
        };
        eprint(
            &SourceFile::new(args.output.display().to_string(), ""),
            &[Diag::new(m, Span::default())],
            opts,
        );
        return exit(true);
    }
    exit(false)
}
