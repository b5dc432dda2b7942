//! `kaohe codes [KHxxx]`: the catalogue of diagnostic codes. It prints the
//! text of `docs/codes.md` (`docs/codes.en.md` with `--lang en`), compiled in,
//! so the command and the documentation cannot disagree.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use crate::diag::Code;
use crate::i18n::Lang;

const ZH: &str = include_str!("../../docs/codes.md");
const EN: &str = include_str!("../../docs/codes.en.md");

#[derive(Debug, Args)]
pub struct CodesArgs {
    /// 代码，如 KH401；不写则列出全部 / a code such as KH401; all when left out
    pub code: Option<String>,
}

/// The section of `doc` about `code`: from its `## KHxxx` heading to the next.
pub fn section(doc: &str, code: Code) -> Option<&str> {
    let start = doc.find(&format!("\n## {} ", code.as_str()))? + 1;
    let rest = doc.get(start..)?;
    let end = rest.get(3..)?.find("\n## ").map_or(rest.len(), |i| i + 4);
    rest.get(..end).map(str::trim_end)
}

/// One line per code: `KH401  错误  规则重叠 …`, from the catalogue's table.
pub fn summary(doc: &str) -> String {
    let mut out = String::new();
    for line in doc.lines().filter(|l| l.starts_with("| [KH")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        if let [link, severity, meaning] = cells.as_slice() {
            let code = link
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or(link);
            out.push_str(&format!("{code}  {severity}  {meaning}\n"));
        }
    }
    out
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
