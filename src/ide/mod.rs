//! Position-based queries over one policy's text: what is at this offset,
//! where is it declared and used, how to rename it, what may be typed here,
//! what fixes a finding, the outline and the tokens to colour. The language
//! server (`src/lsp/`) and the workbench to come answer their requests here
//! and nowhere else, so an editor and a page never disagree.
//!
//! Every query works on an [`Analysis`]: the text, its build (the same
//! findings `kaohe check` gives, through [`crate::driver`]) and a line index.
//! Offsets are bytes into the text; [`lines::Lines`] turns them into the
//! (line, UTF-16 column) positions editors speak. Names come from the
//! resolver's own record of what each name resolved to
//! ([`crate::resolve::Use`]), so navigation agrees with the checker.

pub mod complete;
pub mod fixes;
pub mod hover;
pub mod lines;
pub mod names;
pub mod outline;
pub mod tokens;

use crate::driver::{self, Built};
use crate::i18n::Lang;
use crate::source::{SourceFile, Span};

/// One policy text, built, ready for queries.
#[derive(Debug)]
pub struct Analysis {
    pub file: SourceFile,
    pub built: Built,
    pub lines: lines::Lines,
    /// The language most of the file's keywords are written in (Chinese on a
    /// tie): completions and inserted text follow it.
    pub keyword_lang: Lang,
}

impl Analysis {
    /// Parses, checks and analyses `text` (named `name` in findings).
    pub fn new(name: &str, text: &str) -> Analysis {
        let file = SourceFile::new(name, text);
        let built = driver::build(&file);
        let keyword_lang = built.keywords.majority();
        let lines = lines::Lines::new(text);
        Analysis {
            file,
            built,
            lines,
            keyword_lang,
        }
    }

    pub fn text(&self) -> &str {
        &self.file.text
    }
}

/// A change to the text: replace `span` by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub text: String,
}

/// How a name is written so that it reads back as that name: bare when it is
/// an identifier and no keyword (§7.4), otherwise in `「」` (or backquotes
/// when it holds `」`). `None` for a name no spelling can hold (empty, a
/// line break, both closing quotes).
pub fn spell_name(name: &str) -> Option<String> {
    if name.is_empty() || name.contains(['\n', '\r']) {
        return None;
    }
    let mut chars = name.chars();
    let ident = chars.next().is_some_and(unicode_ident::is_xid_start)
        && chars.all(unicode_ident::is_xid_continue);
    if ident && !crate::i18n::keywords::is_keyword(name) {
        return Some(name.to_string());
    }
    if !name.contains('」') {
        return Some(format!("「{name}」"));
    }
    (!name.contains('`')).then(|| format!("`{name}`"))
}
