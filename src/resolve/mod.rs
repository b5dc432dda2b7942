//! Names → declarations. Builds the [`Symbols`] table (one shared namespace,
//! §7.8), reports missing or repeated declarations (KH105/KH106), duplicate
//! names (KH202), and then every reference that does not resolve (KH201, with
//! did-you-mean) or names the wrong sort of thing (KH203).

mod declare;
mod refs;
mod symbols;

pub use declare::date_in_year;
pub use symbols::{
    AttrSym, Declared, GroupSym, HeaderFacts, ItemSym, KindSym, Symbol, Symbols, UnitSym,
};

use rustc_hash::FxHashMap;

use crate::ast::{Name, Policy};
use crate::diag::{Diag, LabelText, Message, Sort, suggest::suggest};
use crate::i18n::keywords::split_glued_keyword;
use crate::source::Span;

/// A policy with its names resolved, and what resolving found wrong.
#[derive(Debug)]
pub struct Resolved<'a> {
    pub policy: &'a Policy,
    pub symbols: Symbols<'a>,
    /// KH105/106, KH2xx findings, unsorted.
    pub diags: Vec<Diag>,
    /// Every name that resolved, where it stands and what it names, in the
    /// order met: what go-to-definition, references and rename read
    /// (`src/ide/`), so that they agree with the checker by construction.
    pub uses: Vec<Use>,
}

/// A name used where a declaration is meant, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Use {
    /// The name as written (quotes included).
    pub span: Span,
    pub target: Target,
}

/// What a resolved name names: a declaration of the shared namespace
/// (§7.8) by sort and index in [`Symbols`], or an event kind's attribute or
/// one of its values (named per kind, not in the shared namespace).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Name(Sort, usize),
    Attr {
        kind: usize,
        attr: usize,
    },
    Value {
        kind: usize,
        attr: usize,
        value: usize,
    },
}

/// Resolves every name of `policy`.
pub fn resolve(policy: &Policy) -> Resolved<'_> {
    let mut r = Resolver {
        syms: Symbols::default(),
        diags: Vec::new(),
        value_names: FxHashMap::default(),
        uses: Vec::new(),
    };
    r.declare_all(policy);
    r.check_references(policy);
    Resolved {
        policy,
        symbols: r.syms,
        diags: r.diags,
        uses: r.uses,
    }
}

struct Resolver<'a> {
    syms: Symbols<'a>,
    diags: Vec<Diag>,
    /// The values of each (kind, attribute), made on first use: a rule's
    /// value is looked up in a set, not a list (a domain of 10⁵ values
    /// tested by as many rules made resolving quadratic).
    value_names: FxHashMap<(usize, &'a str), FxHashMap<&'a str, usize>>,
    uses: Vec<Use>,
}

impl<'a> Resolver<'a> {
    fn report(&mut self, diag: Diag) {
        self.diags.push(diag);
    }

    fn used(&mut self, name: &Name, target: Target) {
        self.uses.push(Use {
            span: *name.span,
            target,
        });
    }

    /// Adds `name` to the shared namespace, or reports the clash (KH202).
    fn declare(&mut self, name: &'a Name, sort: Sort, index: usize) -> bool {
        if name.text.is_empty() {
            return false;
        }
        if let Some(first) = self.syms.names.get(name.text.as_str()).copied() {
            self.report(
                Diag::new(
                    Message::DuplicateName {
                        name: name.text.clone(),
                        sort,
                        first: first.sort,
                    },
                    name.span,
                )
                .with_label(first.span, LabelText::FirstHere),
            );
            return false;
        }
        self.syms.names.insert(
            &name.text,
            Symbol {
                sort,
                index,
                span: *name.span,
            },
        );
        self.syms.order.push((&name.text, sort));
        true
    }

    /// The symbol `name` refers to, if it is one of `sorts`; otherwise reports
    /// KH203 (declared as another sort) or KH201 (not declared, with did-you-mean).
    fn lookup(&mut self, name: &Name, sorts: &[Sort]) -> Option<Symbol> {
        if name.text.is_empty() {
            return None;
        }
        match self.syms.get(&name.text) {
            Some(sym) if sorts.contains(&sym.sort) => {
                self.used(name, Target::Name(sym.sort, sym.index));
                Some(sym)
            }
            Some(sym) => {
                self.report(
                    Diag::new(
                        Message::WrongSort {
                            name: name.text.clone(),
                            found: sym.sort,
                            sorts: sorts.to_vec(),
                        },
                        name.span,
                    )
                    .with_label(sym.span, LabelText::DeclaredHere),
                );
                None
            }
            None => {
                let suggestion = suggest(&name.text, self.syms.names_of(sorts));
                self.unknown(name, sorts, suggestion);
                None
            }
        }
    }

    /// Reports KH201 for `name`, suggesting `suggestion` and, when the name
    /// begins with a keyword, the split (`末2名` → `末 2名`, §7.4).
    fn unknown(&mut self, name: &Name, sorts: &[Sort], suggestion: Option<String>) {
        let glued =
            split_glued_keyword(&name.text).map(|(k, rest)| (k.to_string(), rest.to_string()));
        self.report(Diag::new(
            Message::UnknownName {
                name: name.text.clone(),
                sorts: sorts.to_vec(),
                suggestion,
                glued,
            },
            name.span,
        ));
    }

    /// Looks `name` up among `candidates` (a kind's attributes, an attribute's
    /// values), reporting KH201 with a suggestion from the same list.
    fn lookup_in(&mut self, name: &Name, sort: Sort, candidates: &[&str]) -> Option<usize> {
        if name.text.is_empty() {
            return None;
        }
        if let Some(i) = candidates.iter().position(|c| *c == name.text) {
            return Some(i);
        }
        let suggestion = suggest(&name.text, candidates.iter().copied());
        self.unknown(name, &[sort], suggestion);
        None
    }
}

/// Spans of the first declaration, for KH106 labels.
fn first_label(diag: Diag, first: Option<Span>) -> Diag {
    match first {
        Some(span) => diag.with_label(span, LabelText::FirstHere),
        None => diag,
    }
}
