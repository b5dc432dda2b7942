//! What may be typed at a place: after `是` / `属于` / `不属于` the values of
//! the attribute before it; after `按` the items; elsewhere the keywords in
//! the file's language, the declared names and the attributes. The word
//! being typed is what a choice replaces.

use crate::diag::Sort;
use crate::i18n::keywords::{KEYWORDS, Kw};
use crate::source::Span;

use super::names::sort_of;
use super::tokens::{Class, lex};
use super::{Analysis, spell_name};

/// One choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    /// What is inserted (a name that needs quotes has them).
    pub insert: String,
    pub what: What,
    /// The text it replaces: the word being typed (empty at a space).
    pub replaces: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Keyword,
    Name(Sort),
}

impl Analysis {
    pub fn completions(&self, offset: usize) -> Vec<Completion> {
        let tokens = lex(self.text());
        let before: Vec<_> = tokens.iter().filter(|t| t.span.start < offset).collect();
        // The word being typed: a name or keyword touching the cursor.
        let typing = before.last().filter(|t| {
            t.span.end >= offset && matches!(t.class, Class::Name(_) | Class::Keyword(_))
        });
        let replaces = typing.map_or(Span::new(offset, offset), |t| {
            Span::new(t.span.start, offset)
        });
        let prior: Vec<_> = before
            .iter()
            .rev()
            .skip(usize::from(typing.is_some()))
            .take(2)
            .collect();
        let text = self.text();
        let word = |i: usize| {
            prior
                .get(i)
                .and_then(|t| text.get(t.span.start..t.span.end))
                .unwrap_or("")
        };
        let kw = |i: usize| match prior.get(i).map(|t| t.class) {
            Some(Class::Keyword(k)) => Some(k),
            _ => None,
        };
        self.with_names(|r, _| {
            let s = &r.symbols;
            let name = |text: &str, what| Completion {
                label: text.to_string(),
                insert: spell_name(text).unwrap_or_else(|| text.to_string()),
                what,
                replaces,
            };
            let mut out: Vec<Completion> = Vec::new();
            match kw(0) {
                Some(Kw::Is | Kw::In | Kw::NotIn) => {
                    let attr = word(1);
                    for k in &s.kinds {
                        for a in k.attrs.iter().filter(|a| a.name.text == attr) {
                            for v in a.values() {
                                out.push(name(&v.text, What::Name(Sort::Value)));
                            }
                            if a.is_item_attr() {
                                out.extend(
                                    s.items
                                        .iter()
                                        .map(|i| name(i.name(), What::Name(Sort::Item))),
                                );
                            }
                        }
                    }
                }
                Some(Kw::By) => {
                    out.extend(
                        s.items
                            .iter()
                            .map(|i| name(i.name(), What::Name(Sort::Item))),
                    );
                }
                _ => {}
            }
            if out.is_empty() {
                for (text, sym) in &s.names {
                    let target = crate::resolve::Target::Name(sym.sort, sym.index);
                    out.push(name(text, What::Name(sort_of(target))));
                }
                for k in &s.kinds {
                    for a in &k.attrs {
                        out.push(name(&a.name.text, What::Name(Sort::Attr)));
                    }
                }
                for (_, _, zh, en) in KEYWORDS {
                    let spelled = self.keyword_lang.pick(*zh, *en);
                    if !spelled.is_empty() {
                        out.push(Completion {
                            label: spelled.to_string(),
                            insert: spelled.to_string(),
                            what: What::Keyword,
                            replaces,
                        });
                    }
                }
            }
            let typed = text.get(replaces.start..replaces.end).unwrap_or("");
            out.retain(|c| c.label.starts_with(typed) || c.insert.starts_with(typed));
            out.sort_by(|a, b| a.label.cmp(&b.label).then(a.insert.cmp(&b.insert)));
            out.dedup_by(|a, b| a.label == b.label && a.what == b.what);
            out
        })
    }
}
