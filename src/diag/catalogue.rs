//! The catalogue of diagnostic codes: the text of `docs/codes.md` and
//! `docs/codes.en.md`, compiled in, so `kaohe codes`, the workbench's code
//! links and the documentation cannot disagree.

use super::Code;

/// The Chinese catalogue.
pub const ZH: &str = include_str!("../../docs/codes.md");
/// The English catalogue.
pub const EN: &str = include_str!("../../docs/codes.en.md");

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
