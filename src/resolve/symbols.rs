//! The symbol table: every declared name, borrowed from the AST, with indices
//! that `check` and `compile` use instead of re-walking declarations.

use std::collections::BTreeMap;

use crate::ast::{
    Award, Domain, Group, Header, Item, KindDecl, Meta, Name, Outcome, Ranking, Step, Stmt, Tier,
    UnitDecl,
};
use crate::calendar::Date;
use crate::diag::Sort;
use crate::source::Span;

/// What a name in the shared namespace (§7.8) stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbol {
    pub sort: Sort,
    pub index: usize,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct GroupSym<'a> {
    pub decl: &'a Stmt<Group>,
    pub members: Vec<usize>,
}

impl GroupSym<'_> {
    pub fn name(&self) -> &str {
        &self.decl.node.name.text
    }

    pub fn is_open(&self) -> bool {
        self.decl.node.open.is_some()
    }
}

#[derive(Debug, Clone)]
pub struct UnitSym<'a> {
    pub decl: &'a Stmt<UnitDecl>,
    pub group: usize,
}

#[derive(Debug, Clone)]
pub struct ItemSym<'a> {
    pub decl: &'a Stmt<Item>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

impl ItemSym<'_> {
    pub fn name(&self) -> &str {
        &self.decl.node.name.text
    }

    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct AttrSym<'a> {
    pub name: &'a Name,
    pub domain: &'a Domain,
}

impl AttrSym<'_> {
    /// The declared values in order (empty for a `计分项` attribute).
    pub fn values(&self) -> &[Name] {
        match self.domain {
            Domain::Values(v) => v,
            Domain::Items(_) => &[],
        }
    }

    pub fn is_item_attr(&self) -> bool {
        matches!(self.domain, Domain::Items(_))
    }
}

#[derive(Debug, Clone)]
pub struct KindSym<'a> {
    pub decl: Declared<'a, KindDecl>,
    pub attrs: Vec<AttrSym<'a>>,
}

impl KindSym<'_> {
    pub fn name(&self) -> &str {
        &self.decl.node.name.text
    }

    pub fn attr(&self, name: &str) -> Option<(usize, &AttrSym<'_>)> {
        self.attrs
            .iter()
            .enumerate()
            .find(|(_, a)| a.name.text == name)
    }
}

/// A top-level declaration with the statement parts it came with.
#[derive(Debug)]
pub struct Declared<'a, T> {
    pub node: &'a T,
    pub meta: &'a Meta,
    pub span: Span,
}

impl<T> Clone for Declared<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Declared<'_, T> {}

/// The header's facts, once validated.
#[derive(Debug, Clone)]
pub struct HeaderFacts<'a> {
    pub decl: &'a Header,
    pub year: Option<i32>,
    /// The counting window; the policy year when `期间` is absent.
    pub window: Option<(Date, Date)>,
    pub skip_years: Vec<i32>,
}

/// Every declaration of a policy, by sort, in source order.
#[derive(Debug, Clone, Default)]
pub struct Symbols<'a> {
    pub names: BTreeMap<&'a str, Symbol>,
    /// Names in declaration order, for deterministic suggestions.
    pub order: Vec<(&'a str, Sort)>,
    pub header: Option<HeaderFacts<'a>>,
    pub full: Option<&'a crate::ast::Num>,
    /// The `计分` block's citation: top items without their own inherit it
    /// (§7.5).
    pub score_citation: Option<&'a crate::ast::Citation>,
    pub groups: Vec<GroupSym<'a>>,
    pub units: Vec<UnitSym<'a>>,
    pub items: Vec<ItemSym<'a>>,
    /// Top-level items, in order.
    pub top_items: Vec<usize>,
    pub kinds: Vec<KindSym<'a>>,
    pub awards: Vec<Declared<'a, Award>>,
    pub outcomes: Vec<Declared<'a, Outcome>>,
    pub tiers: Vec<&'a Stmt<Tier>>,
    pub steps: Vec<&'a Stmt<Step>>,
    pub ranking: Option<&'a Ranking>,
}

impl<'a> Symbols<'a> {
    pub fn year(&self) -> Option<i32> {
        self.header.as_ref().and_then(|h| h.year)
    }

    pub fn get(&self, name: &str) -> Option<Symbol> {
        self.names.get(name).copied()
    }

    /// The index of `name` if it is of `sort`.
    pub fn index_of(&self, name: &str, sort: Sort) -> Option<usize> {
        self.get(name).filter(|s| s.sort == sort).map(|s| s.index)
    }

    /// Names of the given sorts, in declaration order.
    pub fn names_of<'s>(&'s self, sorts: &'s [Sort]) -> impl Iterator<Item = &'a str> + 's {
        self.order
            .iter()
            .filter(move |(_, s)| sorts.contains(s))
            .map(|(n, _)| *n)
    }

    /// The leaves under an item (the item itself when it is a leaf).
    pub fn leaves_under(&self, item: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![item];
        while let Some(i) = stack.pop() {
            match self.items.get(i) {
                Some(sym) if sym.is_leaf() => out.push(i),
                Some(sym) => stack.extend(sym.children.iter().rev()),
                None => {}
            }
        }
        out
    }
}
