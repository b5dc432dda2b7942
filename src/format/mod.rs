//! `kaohe fmt`: a policy in its canonical layout, with its keywords in Chinese
//! or English, and every comment kept.
//!
//! The file is parsed; the AST is printed back (`printer/`), token by token
//! (`words.rs`); the comments, which the grammar skips, are found in the source
//! (`syntax/comments.rs`) and put back beside the statements they were written with
//! (`layout.rs`). Printing depends on the AST and the keyword language only,
//! with two things read from the source: which list items were written on one
//! line, and where blank lines stood. So formatting is idempotent, and
//! Chinese → English → Chinese gives the Chinese text back exactly.

mod layout;
mod printer;
mod words;

use crate::diag::Diag;
use crate::i18n::Lang;
use crate::source::SourceFile;

/// The formatted text of `file`, keywords in `lang`, or in the language most
/// of its keywords use when `lang` is `None` (Chinese on a tie). A file with
/// syntax errors is not formatted: its findings are returned instead.
pub fn format(file: &SourceFile, lang: Option<Lang>) -> Result<String, Vec<Diag>> {
    let parsed = crate::syntax::parse(file);
    if !parsed.complete || parsed.has_errors() {
        return Err(parsed.diags);
    }
    let lang = lang.unwrap_or(parsed.keywords.majority());
    let comments = crate::syntax::comments::scan(&file.text);
    let lines = printer::print(&parsed.policy, &file.text, &comments, lang);
    let lines = layout::place_comments(lines, &comments);
    Ok(layout::render(&lines, &file.text))
}
