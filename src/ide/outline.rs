//! The outline of a policy (its declarations, and inside them the groups and
//! units, the score tree, event kinds' attributes, rules, tiers, steps) and
//! the regions an editor may fold (every block, and runs of comment lines).

use crate::ast::{Decl, Item, Stmt};
use crate::diag::Sort;
use crate::source::Span;

use super::Analysis;
use super::tokens::{Class, lex};

/// One entry of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    /// What it declares, when it declares a name.
    pub sort: Option<Sort>,
    /// The whole statement.
    pub span: Span,
    /// The part to select: the name, or the statement's first word.
    pub selection: Span,
    pub children: Vec<Symbol>,
}

/// The statement's first line, shortened: the title of an entry without a name.
fn first_line(text: &str, span: Span) -> String {
    let line = text
        .get(span.start..span.end)
        .and_then(|t| t.lines().next())
        .unwrap_or("")
        .trim();
    let line = line.trim_end_matches(['{', '｛']).trim_end();
    let mut out: String = line.chars().take(40).collect();
    if line.chars().count() > 40 {
        out.push('…');
    }
    out
}

fn leaf(name: String, sort: Option<Sort>, span: Span, selection: Span) -> Symbol {
    Symbol {
        name,
        sort,
        span,
        selection,
        children: Vec::new(),
    }
}

fn item(i: &Stmt<Item>) -> Symbol {
    Symbol {
        children: i.node.children.iter().map(item).collect(),
        ..leaf(
            i.node.name.text.clone(),
            Some(Sort::Item),
            *i.span,
            *i.node.name.span,
        )
    }
}

/// A statement without a name of its own: its first line.
fn line<T>(text: &str, s: &Stmt<T>) -> Symbol {
    leaf(first_line(text, *s.span), None, *s.span, *s.span)
}

impl Analysis {
    /// The declarations that parsed, in order, with what they contain.
    pub fn outline(&self) -> Vec<Symbol> {
        let text = self.text();
        let p = &self.built.policy;
        p.decls
            .iter()
            .map(|d| {
                let span = *d.span;
                let mut top = leaf(first_line(text, span), None, span, span);
                let named =
                    |name: &crate::ast::Name, sort| (name.text.clone(), Some(sort), *name.span);
                let set = |top: &mut Symbol, (n, s, sel): (String, Option<Sort>, Span)| {
                    top.name = n;
                    top.sort = s;
                    top.selection = sel;
                };
                match &d.node {
                    Decl::Header(h) => {
                        top.name = h.title.text.clone();
                    }
                    Decl::Units(groups) => {
                        top.children = groups
                            .iter()
                            .map(|g| Symbol {
                                children: g
                                    .node
                                    .members
                                    .iter()
                                    .map(|u| {
                                        let n = &u.node.name;
                                        leaf(n.text.clone(), Some(Sort::Unit), *u.span, *n.span)
                                    })
                                    .collect(),
                                ..leaf(
                                    g.node.name.text.clone(),
                                    Some(Sort::Group),
                                    *g.span,
                                    *g.node.name.span,
                                )
                            })
                            .collect();
                    }
                    Decl::Score(tree) => top.children = tree.items.iter().map(item).collect(),
                    Decl::Kind(k) => {
                        set(&mut top, named(&k.name, Sort::Kind));
                        top.children = k
                            .attrs
                            .iter()
                            .map(|a| {
                                let n = &a.node.name;
                                leaf(n.text.clone(), Some(Sort::Attr), *a.span, *n.span)
                            })
                            .collect();
                    }
                    Decl::Adjust(section) => {
                        top.children = section.entries.iter().map(|e| line(text, e)).collect();
                    }
                    Decl::Award(a) => {
                        set(&mut top, named(&a.name, Sort::Award));
                        top.children = a.clauses.iter().map(|c| line(text, c)).collect();
                    }
                    Decl::Outcome(o) => set(&mut top, named(&o.name, Sort::Outcome)),
                    Decl::Grades(tiers) => {
                        top.children = tiers
                            .iter()
                            .map(|t| {
                                let n = &t.node.name;
                                leaf(n.text.clone(), Some(Sort::Tier), *t.span, *n.span)
                            })
                            .collect();
                    }
                    Decl::Schedule(steps) => {
                        top.children = steps
                            .iter()
                            .map(|t| {
                                let n = &t.node.name;
                                leaf(n.text.clone(), Some(Sort::Step), *t.span, *n.span)
                            })
                            .collect();
                    }
                    Decl::Payouts(lines) => {
                        top.children = lines.iter().map(|l| line(text, l)).collect();
                    }
                    Decl::Example(e) => {
                        top.name = format!("{} {}", first_word(text, span), e.title.text);
                        top.children = e.stmts.iter().map(|s| line(text, s)).collect();
                    }
                    Decl::Veto(_) | Decl::Finding(_) | Decl::Ranking(_) => {}
                }
                top
            })
            .collect()
    }

    /// Regions to fold, as byte spans: every `{ … }` over several lines, and
    /// every run of two or more comment lines.
    pub fn folds(&self) -> Vec<Span> {
        let text = self.text();
        let tokens = lex(text);
        let mut open: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        let mut comments: Option<Span> = None;
        let line_of = |o: usize| self.lines.position(o).line;
        for t in &tokens {
            let word = text.get(t.span.start..t.span.end).unwrap_or("");
            match (t.class, word) {
                (Class::Punct, "{" | "｛") => open.push(t.span.start),
                (Class::Punct, "}" | "｝") => {
                    if let Some(start) = open.pop()
                        && line_of(start) < line_of(t.span.start)
                    {
                        out.push(Span::new(start, t.span.end));
                    }
                }
                _ => {}
            }
            if t.class == Class::Comment {
                comments = match comments {
                    Some(c) if line_of(c.end) + 1 == line_of(t.span.start) => {
                        Some(Span::new(c.start, t.span.end))
                    }
                    Some(c) => {
                        out.push(c);
                        Some(t.span)
                    }
                    None => Some(t.span),
                };
            }
        }
        out.extend(comments);
        out.retain(|s| line_of(s.start) < line_of(s.end));
        out.sort_by_key(|s| (s.start, s.end));
        out
    }
}

fn first_word(text: &str, span: Span) -> &str {
    text.get(span.start..span.end)
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or("")
}
