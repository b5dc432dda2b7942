//! `kaohe codes [KHxxx]`: the catalogue of diagnostic codes. It prints the
//! text of `docs/codes.md` (`docs/codes.en.md` with `--lang en`), compiled in,
//! so the command and the documentation cannot disagree.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use crate::diag::Code;
use crate::diag::catalogue::{EN, ZH, section, summary};
use crate::i18n::Lang;

#[derive(Debug, Args)]
pub struct CodesArgs {
    /// 代码，如 KH401；不写则列出全部 / a code such as KH401; all when left out
    pub code: Option<String>,
}

pub fn run(args: CodesArgs, lang: Lang) -> ExitCode {
    let doc = if lang == Lang::Zh { ZH } else { EN };
    let Some(asked) = args.code else {
        // A closed pipe (`kaohe codes | head`) is not an error worth a word.
        let _ = std::io::stdout().write_all(summary(doc).as_bytes());
        return ExitCode::SUCCESS;
    };
    match Code::parse(&asked).and_then(|c| section(doc, c)) {
        Some(text) => {
            let _ = writeln!(std::io::stdout(), "{text}");
            ExitCode::SUCCESS
        }
        None => {
            let msg = if lang == Lang::Zh {
                format!("没有代码「{asked}」；`kaohe codes` 列出全部代码")
            } else {
                format!("there is no code `{asked}`; `kaohe codes` lists them all")
            };
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_section_in_both_languages() {
        for doc in [ZH, EN] {
            for code in Code::ALL {
                let s = section(doc, code).unwrap_or_default();
                assert!(
                    s.starts_with(&format!("## {} ", code.as_str())),
                    "{}",
                    code.as_str()
                );
                assert!(!s.contains("\n## "), "one section only: {}", code.as_str());
            }
            assert_eq!(summary(doc).lines().count(), Code::ALL.len());
        }
    }
}
