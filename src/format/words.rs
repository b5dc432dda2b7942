//! Tokens as the formatter writes them: keywords in the chosen language, names
//! quoted only when they must be, strings and citations verbatim between the
//! ASCII quotes the docs use, numbers and dates as the AST holds them.

use crate::ast::{Citation, CiteStyle, DateLit, Name, Num, Text};
use crate::i18n::Lang;
use crate::i18n::keywords::{KEYWORDS, Kw};
use crate::syntax::is_bare_name;

/// A line being built: tokens joined by one space.
#[derive(Debug, Clone)]
pub(super) struct Words {
    lang: Lang,
    tokens: Vec<String>,
}

impl Words {
    pub(super) fn new(lang: Lang) -> Words {
        Words {
            lang,
            tokens: Vec::new(),
        }
    }

    /// A keyword; nothing when the language has no word for it (`名` in
    /// English, `on` in Chinese).
    pub(super) fn kw(&mut self, kw: Kw) -> &mut Self {
        let s = kw.spelling(self.lang);
        if !s.is_empty() {
            self.tokens.push(s.to_string());
        }
        self
    }

    pub(super) fn push(&mut self, token: impl Into<String>) -> &mut Self {
        let t = token.into();
        if !t.is_empty() {
            self.tokens.push(t);
        }
        self
    }

    pub(super) fn name(&mut self, n: &Name) -> &mut Self {
        self.push(name(n))
    }

    pub(super) fn text(&mut self, t: &Text) -> &mut Self {
        self.push(string(&t.text))
    }

    pub(super) fn num(&mut self, n: &Num) -> &mut Self {
        self.push(num(n))
    }

    pub(super) fn date(&mut self, d: &DateLit) -> &mut Self {
        self.push(date(d))
    }

    pub(super) fn citation(&mut self, c: &Citation) -> &mut Self {
        let t = citation(c, self.lang);
        self.push(t)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub(super) fn line(&self) -> String {
        self.tokens.join(" ")
    }
}

/// A name, bare when the grammar reads it back as the same name, else quoted
/// (`「总分」`; backquotes when the name itself holds `」`). The first words of
/// multi-word keywords (`within`, `up`) are quoted too: `unit within group G`
/// would read `within group` as one keyword.
pub(super) fn name(n: &Name) -> String {
    let t = n.text.as_str();
    if is_bare_name(t) && !starts_multiword_keyword(t) {
        t.to_string()
    } else if t.contains('」') {
        format!("`{t}`")
    } else {
        format!("「{t}」")
    }
}

fn starts_multiword_keyword(word: &str) -> bool {
    KEYWORDS
        .iter()
        .filter_map(|(_, _, _, en)| en.split_once(' '))
        .any(|(first, _)| first == word)
}

/// A string: `"…"`, or `“…”` when the text holds `"` (it came from `“…”`).
pub(super) fn string(text: &str) -> String {
    if text.contains('"') {
        format!("“{text}”")
    } else {
        format!("\"{text}\"")
    }
}

/// A number exactly as the AST keeps it (`0.50` keeps its scale).
pub(super) fn num(n: &Num) -> String {
    n.value.to_string()
}

pub(super) fn date(d: &DateLit) -> String {
    match d.year {
        Some(y) => format!("{y:04}-{:02}-{:02}", d.month, d.day),
        None => format!("{:02}-{:02}", d.month, d.day),
    }
}

/// A citation in the style it was written (the style is part of the AST).
pub(super) fn citation(c: &Citation, lang: Lang) -> String {
    match c.style {
        CiteStyle::Bracket => format!("【{}】", c.text),
        CiteStyle::Section => format!("§{}", string(&c.text)),
        CiteStyle::Clause => format!("{} {}", Kw::Clause.spelling(lang), string(&c.text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(t: &str) -> Name {
        Name {
            text: t.to_string(),
            span: crate::ast::Loc::default(),
        }
    }

    #[test]
    fn names_are_quoted_only_when_they_must_be() {
        assert_eq!(name(&n("办公室")), "办公室");
        assert_eq!(name(&n("总分")), "「总分」");
        assert_eq!(name(&n("total")), "「total」");
        assert_eq!(name(&n("名")), "「名」");
        assert_eq!(name(&n("2号楼")), "「2号楼」");
        assert_eq!(name(&n("within")), "「within」");
        assert_eq!(name(&n("总分数")), "总分数");
        assert_eq!(name(&n("a」b")), "`a」b`");
    }

    #[test]
    fn strings_keep_their_text() {
        assert_eq!(string("a“b”"), "\"a“b”\"");
        assert_eq!(string("say \"x\""), "“say \"x\"”");
    }
}
