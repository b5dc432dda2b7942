//! Every name of a policy, declared or used, and what it stands for: go to
//! definition, find references and rename. Uses come from the resolver
//! ([`crate::resolve::Resolved::uses`]); declarations from its symbol table,
//! the only places a name is given its meaning.

use crate::ast::{Meta, Name};
use crate::diag::Sort;
use crate::resolve::{Resolved, Symbols, Target};
use crate::source::Span;

use super::{Analysis, TextEdit, spell_name};

/// One place a name stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub span: Span,
    pub target: Target,
    /// The declaration itself, not a use.
    pub declaration: bool,
}

/// A declaration, as hover and the outline show it.
#[derive(Debug, Clone, Copy)]
pub struct Declaration<'a> {
    pub sort: Sort,
    pub name: &'a Name,
    /// The whole declaring statement.
    pub statement: Span,
    pub meta: Option<&'a Meta>,
}

/// The sort of a target.
pub fn sort_of(target: Target) -> Sort {
    match target {
        Target::Name(sort, _) => sort,
        Target::Attr { .. } => Sort::Attr,
        Target::Value { .. } => Sort::Value,
    }
}

/// The declaration a target names.
pub fn declaration<'a>(s: &Symbols<'a>, target: Target) -> Option<Declaration<'a>> {
    let d = |sort, name, statement: Span, meta| {
        Some(Declaration {
            sort,
            name,
            statement,
            meta: Some(meta),
        })
    };
    match target {
        Target::Name(sort, i) => match sort {
            Sort::Unit => s
                .units
                .get(i)
                .and_then(|u| d(sort, &u.decl.node.name, *u.decl.span, &u.decl.meta)),
            Sort::Group => s
                .groups
                .get(i)
                .and_then(|g| d(sort, &g.decl.node.name, *g.decl.span, &g.decl.meta)),
            Sort::Item => s
                .items
                .get(i)
                .and_then(|it| d(sort, &it.decl.node.name, *it.decl.span, &it.decl.meta)),
            Sort::Kind => s
                .kinds
                .get(i)
                .and_then(|k| d(sort, &k.decl.node.name, k.decl.span, k.decl.meta)),
            Sort::Award => s
                .awards
                .get(i)
                .and_then(|a| d(sort, &a.node.name, a.span, a.meta)),
            Sort::Outcome => s
                .outcomes
                .get(i)
                .and_then(|o| d(sort, &o.node.name, o.span, o.meta)),
            Sort::Tier => s
                .tiers
                .get(i)
                .and_then(|t| d(sort, &t.node.name, *t.span, &t.meta)),
            Sort::Step => s
                .steps
                .get(i)
                .and_then(|t| d(sort, &t.node.name, *t.span, &t.meta)),
            Sort::Attr | Sort::Value => None,
        },
        Target::Attr { kind, attr } => {
            let k = s.kinds.get(kind)?;
            let a = k.attrs.get(attr)?;
            let stmt = k
                .decl
                .node
                .attrs
                .iter()
                .find(|st| *st.node.name.span == *a.name.span)?;
            d(Sort::Attr, a.name, *stmt.span, &stmt.meta)
        }
        Target::Value { kind, attr, value } => {
            let a = s.kinds.get(kind)?.attrs.get(attr)?;
            let crate::ast::Domain::Values(values) = a.domain else {
                return None;
            };
            let v = values.get(value)?;
            Some(Declaration {
                sort: Sort::Value,
                name: v,
                statement: *v.span,
                meta: None,
            })
        }
    }
}

/// Every declaration and use, by position.
pub fn occurrences(r: &Resolved<'_>) -> Vec<Occurrence> {
    let s = &r.symbols;
    let mut out: Vec<Occurrence> = s
        .names
        .values()
        .map(|sym| Occurrence {
            span: sym.span,
            target: Target::Name(sym.sort, sym.index),
            declaration: true,
        })
        .collect();
    for (k, kind) in s.kinds.iter().enumerate() {
        for (a, attr) in kind.attrs.iter().enumerate() {
            out.push(Occurrence {
                span: *attr.name.span,
                target: Target::Attr { kind: k, attr: a },
                declaration: true,
            });
            for (v, value) in attr.values().iter().enumerate() {
                out.push(Occurrence {
                    span: *value.span,
                    target: Target::Value {
                        kind: k,
                        attr: a,
                        value: v,
                    },
                    declaration: true,
                });
            }
        }
    }
    out.extend(r.uses.iter().map(|u| Occurrence {
        span: u.span,
        target: u.target,
        declaration: false,
    }));
    out.sort_by_key(|o| (o.span.start, o.span.end, !o.declaration));
    out.dedup_by_key(|o| (o.span.start, o.span.end));
    out
}

/// The occurrence under `offset`: one that contains it, or ends right at it
/// (the cursor just after a name).
pub fn at(occurrences: &[Occurrence], offset: usize) -> Option<Occurrence> {
    let inside = occurrences
        .iter()
        .find(|o| o.span.start <= offset && offset < o.span.end);
    inside
        .or_else(|| occurrences.iter().find(|o| o.span.end == offset))
        .copied()
}

impl Analysis {
    /// Runs `f` over the resolved policy (resolving is cheap next to a
    /// build; nothing borrowed from it outlives the call).
    pub fn with_names<T>(&self, f: impl FnOnce(&Resolved<'_>, &[Occurrence]) -> T) -> T {
        let r = crate::driver::resolve(&self.built.policy);
        let occ = occurrences(&r);
        f(&r, &occ)
    }

    /// Where the name at `offset` is declared.
    pub fn definition(&self, offset: usize) -> Option<Span> {
        self.with_names(|_, occ| {
            let target = at(occ, offset)?.target;
            occ.iter()
                .find(|o| o.target == target && o.declaration)
                .map(|o| o.span)
        })
    }

    /// Every place the name at `offset` stands, its declaration first when
    /// `declaration` is asked for.
    pub fn references(&self, offset: usize, declaration: bool) -> Vec<Span> {
        self.with_names(|_, occ| {
            let Some(target) = at(occ, offset).map(|o| o.target) else {
                return Vec::new();
            };
            let mut all: Vec<&Occurrence> = occ
                .iter()
                .filter(|o| o.target == target && (declaration || !o.declaration))
                .collect();
            all.sort_by_key(|o| (!o.declaration, o.span.start));
            all.into_iter().map(|o| o.span).collect()
        })
    }

    /// The span of the name at `offset` that a rename would change.
    pub fn rename_target(&self, offset: usize) -> Option<Span> {
        self.with_names(|_, occ| at(occ, offset).map(|o| o.span))
    }

    /// The edits that rename the name at `offset` to `new_name` everywhere,
    /// or why not: nothing to rename there, a name no spelling can hold, or
    /// one that clashes with a declaration (the shared namespace §7.8, or
    /// the attribute's other values, or the kind's other attributes).
    pub fn rename(&self, offset: usize, new_name: &str) -> Result<Vec<TextEdit>, RenameError> {
        let spelled = spell_name(new_name).ok_or(RenameError::NotAName)?;
        self.with_names(|r, occ| {
            let target = at(occ, offset).ok_or(RenameError::NothingHere)?.target;
            let s = &r.symbols;
            let clash = match target {
                Target::Name(..) => s.get(new_name).map(|sym| sym.sort),
                Target::Attr { kind, attr } => s.kinds.get(kind).and_then(|k| {
                    k.attrs
                        .iter()
                        .enumerate()
                        .any(|(i, a)| i != attr && a.name.text == new_name)
                        .then_some(Sort::Attr)
                }),
                Target::Value { kind, attr, value } => {
                    let values = s
                        .kinds
                        .get(kind)
                        .and_then(|k| k.attrs.get(attr))
                        .map(|a| a.values())
                        .unwrap_or_default();
                    values
                        .iter()
                        .enumerate()
                        .any(|(i, v)| i != value && v.text == new_name)
                        .then_some(Sort::Value)
                }
            };
            if let Some(sort) = clash {
                return Err(RenameError::Clash {
                    name: new_name.to_string(),
                    sort,
                });
            }
            Ok(occ
                .iter()
                .filter(|o| o.target == target)
                .map(|o| TextEdit {
                    span: o.span,
                    text: spelled.clone(),
                })
                .collect())
        })
    }
}

/// Why a rename was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    NothingHere,
    NotAName,
    Clash { name: String, sort: Sort },
}

impl RenameError {
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        match (self, lang) {
            (RenameError::NothingHere, Lang::Zh) => "此处没有可以改名的名称".into(),
            (RenameError::NothingHere, Lang::En) => "there is no name to rename here".into(),
            (RenameError::NotAName, Lang::Zh) => "新名称不能为空，也不能含换行".into(),
            (RenameError::NotAName, Lang::En) => {
                "the new name must not be empty or hold a line break".into()
            }
            (RenameError::Clash { name, sort }, lang) => {
                let what = crate::diag::text::sort_word(*sort, lang);
                match lang {
                    Lang::Zh => format!("「{name}」已是{what}的名称，改名会与它冲突"),
                    Lang::En => format!("`{name}` already names a {what}; the rename would clash"),
                }
            }
        }
    }
}
