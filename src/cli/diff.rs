//! `kaohe diff OLD NEW [--data DATA]`: what changed between two versions of a
//! policy, clause by clause, and with data, which units' results move.
//! Exit 0 when the diff was made (differences or not), 1 when a policy has
//! errors or the data cannot be read, 2 for a usage error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::files::{eprint, read};
use super::{exit, stderr_options};
use crate::data::DataFile;
use crate::diff::{Side, render};
use crate::driver::{self, Failure};
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// 终端文本 / text for the terminal
    Text,
    /// JSON
    Json,
    /// Markdown，便于传阅 / Markdown for circulating
    Md,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// 旧版考核办法 / the old policy
    pub old: PathBuf,
    /// 新版考核办法 / the new policy
    pub new: PathBuf,
    /// 用这份单位数据比较两版的结果 / unit data to evaluate under both versions
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

pub fn run(args: DiffArgs, lang: Lang) -> ExitCode {
    let opts = stderr_options(lang);
    let data = args.data.as_ref().map(|path| {
        DataFile::load(path).map_err(|(name, d)| (crate::source::SourceFile::new(name, ""), d))
    });
    let (old, new, data) = match (read(&args.old), read(&args.new), data.transpose()) {
        (Ok(o), Ok(n), Ok(d)) => (o, n, d),
        (o, n, d) => {
            for (f, diags) in [o.err(), n.err(), d.err()].into_iter().flatten() {
                eprint(&f, &diags, opts);
            }
            return exit(true);
        }
    };
    let (old_built, new_built) = (driver::build(&old), driver::build(&new));
    let (po, pn) = match (old_built.program(), new_built.program()) {
        (Ok(po), Ok(pn)) => (po, pn),
        (po, pn) => {
            for (file, failed) in [(&old, po.err()), (&new, pn.err())] {
                if let Some(Failure::Policy(d)) = failed {
                    eprint(file, &d, opts);
                }
            }
            return exit(true);
        }
    };
    let o = Side {
        p: po,
        ast: &old_built.policy,
        file: &old,
    };
    let n = Side {
        p: pn,
        ast: &new_built.policy,
        file: &new,
    };
    let made = match crate::diff::diff(o, n, data.as_ref(), lang) {
        Ok(d) => d,
        Err(failed) => {
            if let (Some(data), Failure::Data(d)) = (&data, failed) {
                eprint(&data.source(), &d, opts);
            }
            return exit(true);
        }
    };
    let text = match args.format {
        DiffFormat::Text => render::text(&made, lang),
        DiffFormat::Md => render::markdown(&made, lang),
        DiffFormat::Json => match serde_json::to_string_pretty(&made) {
            Ok(s) => s + "\n",
            Err(_) => return exit(true),
        },
    };
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    exit(written.is_err())
}
