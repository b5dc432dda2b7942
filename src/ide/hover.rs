//! What hovering shows: for a name, what it names (its sort, its declaring
//! statement as written, which carries its maximum, label or values, its
//! clause and notes, how often it is used); for a keyword, its twin in the
//! other language. Markdown, in the reader's language.

use crate::ast::{Amount, Decl, Direction, Rule, SectionEntry};
use crate::diag::fmt_decimal;
use crate::i18n::Lang;
use crate::i18n::keywords::Kw;
use crate::resolve::Target;
use crate::source::Span;

use super::Analysis;
use super::names::{at, declaration};
use super::tokens::{Class, lex, token_at};

/// Hover text for a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// What the text is about (the name or keyword).
    pub span: Span,
    pub markdown: String,
}

/// Lines of a declaration shown at most.
const MOST_LINES: usize = 12;

impl Analysis {
    pub fn hover(&self, offset: usize, lang: Lang) -> Option<Hover> {
        if let Some(h) = self.hover_name(offset, lang) {
            return Some(h);
        }
        let tokens = lex(self.text());
        let t = token_at(&tokens, offset);
        if let Some(t) = t
            && let Class::Keyword(kw) = t.class
        {
            return Some(Hover {
                span: t.span,
                markdown: keyword_text(kw, lang),
            });
        }
        if let Some(t) = t.filter(|t| t.class == Class::Citation) {
            return Some(self.citation_text(&tokens, t.span, lang));
        }
        self.hover_rule(offset, lang)
    }

    /// On a citation: the lines of the policy that cite the same clause.
    fn citation_text(&self, tokens: &[super::tokens::Token], span: Span, lang: Lang) -> Hover {
        let text = self.text();
        let clause = text.get(span.start..span.end).unwrap_or("");
        let lines: Vec<String> = tokens
            .iter()
            .filter(|t| {
                t.class == Class::Citation && text.get(t.span.start..t.span.end) == Some(clause)
            })
            .map(|t| {
                let line = self.lines.position(t.span.start).line;
                let start = text
                    .get(..t.span.start)
                    .and_then(|b| b.rfind('\n'))
                    .map_or(0, |i| i + 1);
                let end = text
                    .get(t.span.start..)
                    .and_then(|r| r.find('\n'))
                    .map_or(text.len(), |i| t.span.start + i);
                format!(
                    "{}: {}",
                    line + 1,
                    text.get(start..end).unwrap_or("").trim()
                )
            })
            .collect();
        let mut md = match lang {
            Lang::Zh => format!(
                "**条款** {clause}，本办法中注明此条的语句 {} 处：\n",
                lines.len()
            ),
            Lang::En => format!(
                "**clause** {clause}, cited by {} statements of this policy:\n",
                lines.len()
            ),
        };
        for l in lines.iter().take(MOST_LINES) {
            md.push_str(&format!("\n- `{l}`"));
        }
        if lines.len() > MOST_LINES {
            md.push_str("\n- …");
        }
        Hover { span, markdown: md }
    }

    /// On a rule (not on one of its names or keywords): what it means.
    fn hover_rule(&self, offset: usize, lang: Lang) -> Option<Hover> {
        for d in &self.built.policy.decls {
            let Decl::Adjust(section) = &d.node else {
                continue;
            };
            for e in &section.entries {
                let span = *e.span;
                if let SectionEntry::Rule(rule) = &e.node
                    && span.start <= offset
                    && offset < span.end
                {
                    let bonus = section.direction == Direction::Bonus;
                    let mut md = rule_sentence(self.text(), rule, bonus, lang);
                    if let Some(c) = &e.meta.citation {
                        md.push_str(&format!(
                            "\n\n{}【{}】",
                            lang.pick("条款 ", "clause "),
                            c.text
                        ));
                    }
                    for n in &e.meta.notes {
                        md.push_str(&format!("\n\n{}", n.text));
                    }
                    if let Some(a) = &e.meta.assumption {
                        md.push_str(&format!(
                            "\n\n{}{}",
                            lang.pick("解释：", "assumed: "),
                            a.text
                        ));
                    }
                    return Some(Hover { span, markdown: md });
                }
            }
        }
        None
    }

    fn hover_name(&self, offset: usize, lang: Lang) -> Option<Hover> {
        self.with_names(|r, occ| {
            let o = at(occ, offset)?;
            let s = &r.symbols;
            let d = declaration(s, o.target)?;
            let word = crate::diag::text::sort_word(d.sort, lang);
            let mut md = format!("**{word}** `{}`", d.name.text);
            // Where it belongs.
            let context = match o.target {
                Target::Name(crate::diag::Sort::Unit, i) => s
                    .units
                    .get(i)
                    .and_then(|u| s.groups.get(u.group))
                    .map(|g| lang.pick("分组 ", "group ").to_string() + g.name()),
                Target::Name(crate::diag::Sort::Item, i) => s
                    .items
                    .get(i)
                    .and_then(|it| it.parent)
                    .and_then(|p| s.items.get(p))
                    .map(|p| lang.pick("属于 ", "under ").to_string() + p.name()),
                Target::Attr { kind, .. } | Target::Value { kind, .. } => s
                    .kinds
                    .get(kind)
                    .map(|k| lang.pick("事项类型 ", "event kind ").to_string() + k.name()),
                _ => None,
            };
            if let Some(c) = context {
                md.push_str(" — ");
                md.push_str(&c);
            }
            let lines: Vec<&str> = self
                .text()
                .get(d.statement.start..d.statement.end)
                .unwrap_or("")
                .lines()
                .collect();
            if !lines.is_empty() {
                md.push_str("\n\n```kaohe\n");
                for l in lines.iter().take(MOST_LINES) {
                    md.push_str(l);
                    md.push('\n');
                }
                if lines.len() > MOST_LINES {
                    md.push_str("…\n");
                }
                md.push_str("```");
            }
            if let Some(meta) = d.meta {
                if let Some(c) = &meta.citation {
                    md.push_str(&format!(
                        "\n\n{}【{}】",
                        lang.pick("条款 ", "clause "),
                        c.text
                    ));
                }
                for n in &meta.notes {
                    md.push_str(&format!("\n\n{}", n.text));
                }
                if let Some(a) = &meta.assumption {
                    md.push_str(&format!(
                        "\n\n{}{}",
                        lang.pick("解释：", "assumed: "),
                        a.text
                    ));
                }
            }
            let uses = occ
                .iter()
                .filter(|x| x.target == o.target && !x.declaration)
                .count();
            md.push_str(&match lang {
                Lang::Zh => format!("\n\n引用 {uses} 处"),
                Lang::En => format!("\n\nused {uses} times"),
            });
            Some(Hover {
                span: o.span,
                markdown: md,
            })
        })
    }
}

/// A keyword and its twin: `加分` ↔ `bonus`.
fn keyword_text(kw: Kw, lang: Lang) -> String {
    let (zh, en) = (kw.spelling(Lang::Zh), kw.spelling(Lang::En));
    let shown = |s: &str| {
        if s.is_empty() {
            lang.pick("（不写）", "(not written)").to_string()
        } else {
            format!("`{s}`")
        }
    };
    match lang {
        Lang::Zh => format!("**关键字** {}\n\n英文写作 {}", shown(zh), shown(en)),
        Lang::En => format!("**keyword** {}\n\nin Chinese {}", shown(en), shown(zh)),
    }
}

/// A rule in plain words: which events, what each is worth, its cap and the
/// units it is limited to.
fn rule_sentence(text: &str, rule: &Rule, bonus: bool, lang: Lang) -> String {
    let part = |a: usize, b: usize| text.get(a..b).unwrap_or("").to_string();
    let which = match (rule.conditions.first(), rule.conditions.last()) {
        (Some(first), Some(last)) => {
            let c = part(first.span.start, last.span.end);
            lang.pick(format!("（{c}）"), format!(" ({c})"))
        }
        _ => String::new(),
    };
    let kind = &rule.kind.text;
    let d = |n: &crate::ast::Num| fmt_decimal(n.value);
    let (zh_dir, en_dir) = if bonus {
        ("加", "adds")
    } else {
        ("扣", "deducts")
    };
    let worth = match (&rule.amount, lang) {
        (Amount::Fixed(n), Lang::Zh) => format!("{zh_dir} {} 分", d(n)),
        (Amount::Fixed(n), Lang::En) => format!("{en_dir} {} points", d(n)),
        (Amount::Range(a, b), Lang::Zh) => {
            format!("{zh_dir} {} 至 {} 分，具体分值由数据给出", d(a), d(b))
        }
        (Amount::Range(a, b), Lang::En) => {
            format!(
                "{en_dir} {} to {} points, the data giving the figure",
                d(a),
                d(b)
            )
        }
        (Amount::UpTo(n), Lang::Zh) => format!("{zh_dir} 0 至 {} 分，具体分值由数据给出", d(n)),
        (Amount::UpTo(n), Lang::En) => {
            format!("{en_dir} up to {} points, the data giving the figure", d(n))
        }
        (Amount::Half(_), Lang::Zh) => "按它适用的基本规则减半计算".to_string(),
        (Amount::Half(_), Lang::En) => "counts half of what its base rule gives".to_string(),
        (Amount::Times(n), Lang::Zh) => format!("按它适用的基本规则乘以 {}", d(n)),
        (Amount::Times(n), Lang::En) => format!("counts {} times what its base rule gives", d(n)),
    };
    let mut out = match lang {
        Lang::Zh => format!("**规则** 每个「{kind}」事项{which}：{worth}"),
        Lang::En => format!("**rule** each `{kind}` event{which}: {worth}"),
    };
    if let Some(cap) = &rule.cap {
        out.push_str(&match lang {
            Lang::Zh => format!("；这条规则对一个单位至多计 {} 分", d(cap)),
            Lang::En => format!("; at most {} points per unit from this rule", d(cap)),
        });
    }
    for scope in &rule.scopes {
        out.push_str(&match lang {
            Lang::Zh => format!("；{}", part(scope.span.start, scope.span.end)),
            Lang::En => format!("; {}", part(scope.span.start, scope.span.end)),
        });
    }
    out
}
