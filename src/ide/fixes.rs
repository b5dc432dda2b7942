//! Fixes a drafter applies with one click: a finding's did-you-mean (the
//! name it suggests, a keyword glued to a word pulled apart), and the
//! whole-file actions `kaohe fmt` gives (format, keywords in the other
//! language). Each is a set of text edits; nothing here writes a file.

use crate::ast::{Decl, SectionEntry};
use crate::diag::{Diag, Message};
use crate::i18n::Lang;
use crate::i18n::keywords::Kw;
use crate::source::Span;

use super::{Analysis, TextEdit, spell_name};

/// One fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
    /// The finding it fixes (an index into the build's findings), if any.
    pub fixes: Option<usize>,
    /// A quick fix (for a finding) rather than a rewrite of the file.
    pub quick: bool,
}

/// The replacement a finding suggests for its span, if it has one.
pub fn suggested(d: &Diag, text: &str) -> Option<(Span, String)> {
    match &d.message {
        Message::UnknownName {
            suggestion: Some(s),
            ..
        } => Some((d.span, spell_name(s)?)),
        Message::UnknownName {
            glued: Some((k, rest)),
            ..
        } => Some((d.span, format!("{k} {rest}"))),
        Message::Syntax {
            glued: Some((k, rest)),
            ..
        } => {
            // The span may be a point: the glued word starts there.
            let word = format!("{k}{rest}");
            let at = d.span.start;
            text.get(at..)
                .filter(|t| t.starts_with(&word))
                .map(|_| (Span::new(at, at + word.len()), format!("{k} {rest}")))
        }
        _ => None,
    }
}

impl Analysis {
    /// The fixes for findings that overlap `range`, then formatting and
    /// translation of the whole file (when it parses).
    pub fn fixes(&self, range: Span, lang: Lang) -> Vec<Fix> {
        let mut out = self.quick_fixes(range, lang);
        out.extend(self.file_actions(lang));
        out
    }

    /// The fixes for findings that overlap `range` only.
    pub fn quick_fixes(&self, range: Span, lang: Lang) -> Vec<Fix> {
        let mut out = Vec::new();
        for (i, d) in self.built.diags.iter().enumerate() {
            let overlaps = d.span.start <= range.end && range.start <= d.span.end;
            if !overlaps {
                continue;
            }
            if let Some(fix) = self.added_line(d, i, lang) {
                out.push(fix);
            }
            if let Some((span, new)) = suggested(d, self.text()) {
                let title = match lang {
                    Lang::Zh => format!("改为 {new}"),
                    Lang::En => format!("Change to {new}"),
                };
                out.push(Fix {
                    title,
                    edits: vec![TextEdit { span, text: new }],
                    fixes: Some(i),
                    quick: true,
                });
            }
        }
        out
    }

    /// Formatting and translation of the whole file, when it parses and
    /// they change it.
    pub fn file_actions(&self, lang: Lang) -> Vec<Fix> {
        let mut out = Vec::new();
        let whole = Span::new(0, self.text().len());
        let rewrite = |to: Option<Lang>| crate::format::format(&self.file, to).ok();
        if let Some(t) = rewrite(None).filter(|t| t != self.text()) {
            out.push(Fix {
                title: lang
                    .pick("格式化（kaohe fmt）", "Format (kaohe fmt)")
                    .to_string(),
                edits: vec![TextEdit {
                    span: whole,
                    text: t,
                }],
                fixes: None,
                quick: false,
            });
        }
        for (to, zh, en) in [
            (Lang::En, "关键字改为英文", "Keywords in English"),
            (Lang::Zh, "关键字改为中文", "Keywords in Chinese"),
        ] {
            if to == self.keyword_lang {
                continue;
            }
            if let Some(t) = rewrite(Some(to)).filter(|t| t != self.text()) {
                out.push(Fix {
                    title: lang.pick(zh, en).to_string(),
                    edits: vec![TextEdit {
                        span: whole,
                        text: t,
                    }],
                    fixes: None,
                    quick: false,
                });
            }
        }
        out
    }

    /// KH402: the missing case as a `=> 0` rule in the section that has the
    /// kind's rules; KH304: a `封顶` line in the bonus section, the amount
    /// the witness went over (the drafter sets the policy's own figure).
    fn added_line(&self, d: &Diag, index: usize, lang: Lang) -> Option<Fix> {
        let kw = |k: Kw| k.spelling(self.keyword_lang);
        let (section, line, title) = match &d.message {
            Message::RuleGap { kind, .. } => {
                let event = d.witness.as_ref()?.pointer("/units/0/events/0")?;
                let attrs = self.with_names(|r, _| {
                    let k = r.symbols.index_of(kind, crate::diag::Sort::Kind)?;
                    let sym = r.symbols.kinds.get(k)?;
                    Some(
                        sym.attrs
                            .iter()
                            .map(|a| a.name.text.clone())
                            .collect::<Vec<_>>(),
                    )
                })?;
                let mut rule = spell_name(kind)?;
                for a in attrs {
                    if let Some(v) = event.get(&a).and_then(|v| v.as_str()) {
                        rule.push_str(&format!(
                            " {} {} {}",
                            spell_name(&a)?,
                            kw(Kw::Is),
                            spell_name(v)?
                        ));
                    }
                }
                rule.push_str(" => 0");
                let section =
                    self.built.policy.decls.iter().find_map(|decl| {
                        match &decl.node {
                    Decl::Adjust(s)
                        if s.entries.iter().any(|e| {
                            matches!(&e.node, SectionEntry::Rule(r) if r.kind.text == *kind)
                        }) =>
                    {
                        Some((*decl.span, s))
                    }
                    _ => None,
                }
                    })?;
                let title = match lang {
                    Lang::Zh => format!("补一条规则：{rule}"),
                    Lang::En => format!("Add the rule {rule}"),
                };
                (section, rule, title)
            }
            Message::BonusUncapped { full, total, .. } => {
                let over = crate::diag::fmt_decimal(total.checked_sub(*full)?);
                let section = self
                    .built
                    .policy
                    .decls
                    .iter()
                    .find_map(|decl| match &decl.node {
                        Decl::Adjust(s)
                            if decl.span.start <= d.span.start && d.span.end <= decl.span.end =>
                        {
                            Some((*decl.span, s))
                        }
                        _ => None,
                    })?;
                let line = format!("{} {over}", kw(Kw::Cap));
                let title = match lang {
                    Lang::Zh => format!("给加分段加「{line}」（数额请按办法核对）"),
                    Lang::En => format!(
                        "Cap the bonus section: {line} (check the figure against the policy)"
                    ),
                };
                (section, line, title)
            }
            _ => return None,
        };
        let ((span, s), text) = (section, self.text());
        // Before the section's closing brace, on a line of its own, indented
        // as its first entry.
        let close = span.end.checked_sub(1)?;
        let line_start = text.get(..close)?.rfind('\n').map_or(0, |i| i + 1);
        if !text.get(line_start..close)?.trim().is_empty() {
            return None;
        }
        let first = s.entries.first()?.span.start;
        let first_line = text.get(..first)?.rfind('\n').map_or(0, |i| i + 1);
        let indent = text.get(first_line..first)?;
        Some(Fix {
            title,
            edits: vec![TextEdit {
                span: Span::new(line_start, line_start),
                text: format!("{indent}{line}\n"),
            }],
            fixes: Some(index),
            quick: true,
        })
    }

    /// The file as `kaohe fmt` writes it, if it parses.
    pub fn formatted(&self) -> Option<String> {
        crate::format::format(&self.file, None).ok()
    }
}
