//! `kaohe test FILE…`: runs every `示例` of each policy.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::files::read;
use super::{exit, render_options};
use crate::diag::render::render_text;
use crate::examples::run_examples;
use crate::i18n::Lang;

#[derive(Debug, Args)]
pub struct TestArgs {
    /// 考核办法文件 / policy files
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(args: TestArgs, lang: Lang) -> ExitCode {
    let opts = render_options(lang);
    let mut out = String::new();
    let (mut passed, mut failed) = (0, 0);
    let mut broken = false;
    for path in &args.files {
        let file = match read(path) {
            Ok(f) => f,
            Err((f, d)) => {
                out.push_str(&render_text(&f, &d, opts));
                broken = true;
                continue;
            }
        };
        let built = crate::driver::build(&file);
        let Some(program) = &built.program else {
            out.push_str(&render_text(&file, &built.diags, opts));
            broken = true;
            continue;
        };
        out.push_str(&format!("{}\n", file.name));
        for run in run_examples(&built.policy, program) {
            if run.passed() {
                passed += 1;
                let checks = match lang {
                    Lang::Zh => format!("（{} 项预期）", run.checked),
                    Lang::En => format!(" ({} expectations)", run.checked),
                };
                out.push_str(&format!("  ✓ {}{checks}\n", run.title));
            } else {
                failed += 1;
                out.push_str(&format!("  ✗ {}\n", run.title));
                out.push_str(&render_text(&file, &run.diags, opts));
            }
        }
    }
    out.push_str(&match lang {
        Lang::Zh => format!("示例：{passed} 个通过，{failed} 个失败\n"),
        Lang::En => format!("examples: {passed} passed, {failed} failed\n"),
    });
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    exit(broken || failed > 0)
}
