//! The command line: one file per subcommand, each a thin shell over the library.
//!
//! Exit status: 0 when no error was found (warnings and notes allowed), 1 when
//! an error-severity finding exists (or, with `--deny-warnings`, any warning),
//! 2 for a usage error (clap's convention).

mod bar;
mod check;
mod codes;
mod diff;
pub mod eval;
mod files;
mod fmt;
mod serve;
mod template;
mod test;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diag::render::RenderOptions;
use crate::i18n::Lang;

/// kaohe（考核）：年度工作目标考核办法的语言、检查器与评估器。
#[derive(Debug, Parser)]
#[command(name = "kaohe", version, about)]
pub struct Cli {
    /// 提示语言，默认中文；fmt 还用它选关键字的语言 / message language (default zh); fmt also writes keywords in it
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查考核办法：语法、名称、分值、期间、日程 / check policy files
    Check(check::CheckArgs),
    /// 评估各单位数据，给出有解释的结果 / evaluate unit data into explained rulings
    Eval(eval::EvalArgs),
    /// 运行考核办法中的示例 / run the policy's examples
    Test(test::TestArgs),
    /// 生成填写数据用的工作簿（或 CSV 文件夹），可用已有数据填好 / the workbook to fill for a policy
    Template(template::TemplateArgs),
    /// 检查结果代码的说明 / what a diagnostic code means
    Codes(codes::CodesArgs),
    /// 比较两版考核办法的条款差异，可附数据看各单位结果的变化 / what changed between two policies, and for which units
    Diff(diff::DiffArgs),
    /// 按统一格式重排考核办法，可换用中文或英文关键字 / lay policies out canonically, keywords in Chinese or English
    Fmt(fmt::FmtArgs),
    /// 起草台：在浏览器中编写、检查办法，评估数据，比较版本 / the workbench: a local web page for drafting, checking, evaluating and comparing
    Serve(serve::ServeArgs),
    /// 语言服务器（经标准输入输出），供 VS Code、Neovim、Helix 等编辑器使用 / the language server, over stdio, for editors
    Lsp,
}

pub fn run(cli: Cli) -> ExitCode {
    let chosen = cli.lang.map(Lang::from);
    let lang = chosen.unwrap_or_default();
    match cli.command {
        Command::Check(args) => check::run(args, lang),
        Command::Eval(args) => eval::run(args, lang),
        Command::Test(args) => test::run(args, lang),
        Command::Template(args) => template::run(args, lang),
        Command::Codes(args) => codes::run(args, lang),
        Command::Diff(args) => diff::run(args, lang),
        Command::Fmt(args) => fmt::run(args, chosen),
        Command::Serve(args) => serve::run(args, lang),
        Command::Lsp => match crate::lsp::run_stdio() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("kaohe lsp: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// Rendering options for the terminal: colour only on a terminal and when
/// `NO_COLOR` is unset (https://no-color.org).
fn render_options(lang: Lang) -> RenderOptions {
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    RenderOptions {
        lang,
        color,
        ..RenderOptions::default()
    }
}

/// Rendering options for findings printed on stderr (the report owns stdout).
fn stderr_options(lang: Lang) -> RenderOptions {
    let color = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    RenderOptions {
        lang,
        color,
        ..RenderOptions::default()
    }
}

fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
