//! `kaohe fmt FILE… [--check] [-w] [--lang zh|en]`: policies in their
//! canonical layout (src/format/). `--lang` chooses the keywords' language
//! (and the messages'); without it each file keeps the language most of its
//! keywords use.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory};

use super::files::{eprint, read};
use super::{Cli, exit, stderr_options};
use crate::diag::{Diag, IoProblem, Message};
use crate::i18n::Lang;
use crate::source::Span;

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// 考核办法文件；`-` 为标准输入 / policy files; `-` reads standard input
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// 只列出需要重排的文件，不写入；有则退出码为 1 / list the files that would change, write nothing; exit 1 if any
    #[arg(long, conflicts_with = "write")]
    pub check: bool,

    /// 直接改写文件（仅在有变化时）/ rewrite the files in place (only those that change)
    #[arg(short = 'w', long = "write")]
    pub write: bool,
}

/// `keywords`: the `--lang` the user gave, if any; messages are Chinese without it.
pub fn run(args: FmtArgs, keywords: Option<Lang>) -> ExitCode {
    let lang = keywords.unwrap_or_default();
    let stdin = args.files.iter().any(|p| p.as_os_str() == "-");
    if stdin && args.write {
        let msg = match lang {
            Lang::Zh => "标准输入（-）无法改写，排好的文本写到标准输出：不要同时用 -w",
            Lang::En => {
                "standard input (-) cannot be rewritten; its formatted text goes to standard output: leave out -w"
            }
        };
        return usage_error(msg);
    }
    if args.files.len() > 1 && !args.check && !args.write {
        let msg = match lang {
            Lang::Zh => "格式化多个文件时，请用 -w 直接改写，或用 --check 检查",
            Lang::En => "with several files, use -w to rewrite them or --check to check them",
        };
        return usage_error(msg);
    }
    let opts = stderr_options(lang);
    let mut failed = false;
    let mut changed = Vec::new();
    for path in &args.files {
        let text = if path.as_os_str() == "-" {
            crate::files::read_stdin()
        } else {
            read(path)
        };
        let file = match text {
            Ok(f) => f,
            Err((f, d)) => {
                eprint(&f, &d, opts);
                failed = true;
                continue;
            }
        };
        let formatted = match crate::format::format(&file, keywords) {
            Ok(text) => text,
            Err(diags) => {
                eprint(&file, &diags, opts);
                failed = true;
                continue;
            }
        };
        if args.check {
            if formatted != file.text {
                changed.push(file.name.clone());
            }
        } else if args.write {
            if formatted != file.text
                && let Err(d) = write(path, &formatted)
            {
                eprint(&file, &[d], opts);
                failed = true;
            }
        } else {
            let _ = std::io::stdout().lock().write_all(formatted.as_bytes());
        }
    }
    if !changed.is_empty() {
        let list: String = changed.iter().map(|n| format!("{n}\n")).collect();
        let _ = std::io::stdout().lock().write_all(list.as_bytes());
    }
    exit(failed || !changed.is_empty())
}

/// Writes beside the file and renames over it: an interrupted run never
/// leaves half a policy behind.
fn write(path: &Path, text: &str) -> Result<(), Diag> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".fmt-partial");
    let partial = path.with_file_name(name);
    let result = std::fs::write(&partial, text).and_then(|()| std::fs::rename(&partial, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        let m = Message::CannotWrite {
            path: path.display().to_string(),
            reason: IoProblem::of(&e),
        };
        Diag::new(m, Span::default())
    })
}

/// Several files and neither `--check` nor `-w`: their texts would run together.
fn usage_error(msg: &str) -> ExitCode {
    let kind = clap::error::ErrorKind::ArgumentConflict;
    let mut cli = Cli::command();
    cli.build();
    let err = match cli.find_subcommand_mut("fmt") {
        Some(fmt) => fmt.error(kind, msg),
        None => cli.error(kind, msg),
    };
    let _ = err.print();
    ExitCode::from(2)
}
