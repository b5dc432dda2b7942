//! The declaration pass: every name into the shared namespace, every
//! single-instance declaration checked for absence or repetition.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::symbols::{AttrSym, Declared, GroupSym, HeaderFacts, ItemSym, KindSym, UnitSym};
use super::{Resolver, first_label};
use crate::ast::{DateLit, Decl, Domain, Group, Header, HeaderStmt, Item, KindDecl, Policy, Stmt};
use crate::calendar::Date;
use crate::diag::{Diag, LabelText, LiteralProblem, Message, Single, Sort};
use crate::source::Span;

impl<'a> Resolver<'a> {
    pub(super) fn declare_all(&mut self, policy: &'a Policy) {
        let mut seen: BTreeMap<Single, Span> = BTreeMap::new();
        for decl in &policy.decls {
            let point = Span::new(decl.span.start, decl.span.start);
            if let Some(single) = single_of(&decl.node) {
                if let Some(first) = seen.get(&single) {
                    let diag = Diag::new(Message::DuplicateDecl { what: single }, point);
                    self.report(first_label(diag, Some(*first)));
                    continue;
                }
                seen.insert(single, point);
            }
            self.declare_one(decl);
        }
        // A missing declaration is reported where it could be added: after the
        // last declaration (the header: before the first).
        let last_line = policy.decls.last().map_or(Span::default(), |d| {
            Span::new(d.span.end.saturating_sub(1), d.span.end)
        });
        for what in [Single::Header, Single::Units, Single::Score] {
            if !seen.contains_key(&what) {
                let span = if what == Single::Header {
                    Span::default()
                } else {
                    last_line
                };
                self.report(Diag::new(Message::Missing { what }, span));
            }
        }
    }

    fn declare_one(&mut self, decl: &'a Stmt<Decl>) {
        match &decl.node {
            Decl::Header(h) => self.header(h),
            Decl::Units(groups) => self.groups(groups),
            Decl::Score(tree) => {
                self.syms.full = tree.full.as_ref();
                self.syms.score_citation = decl.meta.citation.as_ref();
                self.syms.top_items = self.items(&tree.items, None);
            }
            Decl::Kind(k) => self.kind(declared(k, decl)),
            Decl::Award(a) => {
                let index = self.syms.awards.len();
                if self.declare(&a.name, Sort::Award, index) {
                    self.syms.awards.push(declared(a, decl));
                }
            }
            Decl::Outcome(o) => {
                let index = self.syms.outcomes.len();
                if self.declare(&o.name, Sort::Outcome, index) {
                    self.syms.outcomes.push(declared(o, decl));
                }
            }
            Decl::Grades(tiers) => {
                for t in tiers {
                    let index = self.syms.tiers.len();
                    if self.declare(&t.node.name, Sort::Tier, index) {
                        self.syms.tiers.push(t);
                    }
                }
            }
            Decl::Schedule(steps) => {
                for s in steps {
                    let index = self.syms.steps.len();
                    if self.declare(&s.node.name, Sort::Step, index) {
                        self.syms.steps.push(s);
                    }
                }
            }
            Decl::Ranking(r) => self.syms.ranking = Some(r),
            _ => {}
        }
    }

    fn header(&mut self, h: &'a Header) {
        let mut year = None;
        let mut window_lits: Option<(&DateLit, &DateLit)> = None;
        let mut skip_years = Vec::new();
        let mut seen: BTreeMap<Single, Span> = BTreeMap::new();
        for stmt in &h.stmts {
            let single = match &stmt.node {
                HeaderStmt::Year(_) => Some(Single::Year),
                HeaderStmt::Window { .. } => Some(Single::Window),
                HeaderStmt::Issuer(_) => Some(Single::Issuer),
                _ => None,
            };
            let point = Span::new(stmt.span.start, stmt.span.start);
            if let Some(single) = single {
                if let Some(first) = seen.get(&single) {
                    let diag = Diag::new(Message::DuplicateDecl { what: single }, point);
                    self.report(first_label(diag, Some(*first)));
                    continue;
                }
                seen.insert(single, point);
            }
            match &stmt.node {
                HeaderStmt::Year(n) if n.value < rust_decimal::Decimal::ONE => {
                    let m = Message::NotPositive {
                        what: crate::diag::Positive::Year,
                        value: n.value,
                    };
                    self.report(Diag::new(m, n.span));
                }
                HeaderStmt::Year(n) => year = self.year(n),
                HeaderStmt::Window { from, to } => window_lits = Some((from, to)),
                HeaderStmt::SkipCreditedIn(n) => skip_years.extend(self.year(n)),
                _ => {}
            }
        }
        if !seen.contains_key(&Single::Year) {
            self.report(Diag::new(
                Message::Missing { what: Single::Year },
                h.title.span,
            ));
        }
        let window = match (window_lits, year) {
            (Some((from, to)), Some(y)) => self.date(from, y).zip(self.date(to, y)),
            (None, Some(y)) => Some((Date::first_of_year(y), Date::last_of_year(y))),
            _ => None,
        };
        self.syms.header = Some(HeaderFacts {
            decl: h,
            year,
            window,
            skip_years,
        });
    }

    /// A year within [`crate::calendar::YEARS`], or KH302 (never dropped silently).
    fn year(&mut self, n: &crate::ast::Num) -> Option<i32> {
        let year = i32::try_from(n.value)
            .ok()
            .filter(|y| crate::calendar::YEARS.contains(y));
        if year.is_none() {
            let m = Message::YearOutOfRange { value: n.value };
            self.report(Diag::new(m, n.span));
        }
        year
    }

    /// A date literal in the policy year `year` (for `MM-DD`), or KH103.
    pub(super) fn date(&mut self, lit: &DateLit, year: i32) -> Option<Date> {
        date_in_year(lit, year).map_err(|d| self.report(d)).ok()
    }

    fn groups(&mut self, groups: &'a [Stmt<Group>]) {
        for g in groups {
            let gi = self.syms.groups.len();
            if !self.declare(&g.node.name, Sort::Group, gi) {
                continue;
            }
            self.syms.groups.push(GroupSym {
                decl: g,
                members: Vec::new(),
            });
            if g.node.members.is_empty() && g.node.open.is_none() {
                let group = g.node.name.text.clone();
                self.report(Diag::new(
                    Message::ClosedGroupEmpty { group },
                    g.node.name.span,
                ));
            }
            for m in &g.node.members {
                let ui = self.syms.units.len();
                if self.declare(&m.node.name, Sort::Unit, ui) {
                    self.syms.units.push(UnitSym { decl: m, group: gi });
                    if let Some(gs) = self.syms.groups.get_mut(gi) {
                        gs.members.push(ui);
                    }
                }
            }
        }
    }

    fn items(&mut self, items: &'a [Stmt<Item>], parent: Option<usize>) -> Vec<usize> {
        let mut ids = Vec::new();
        for it in items {
            let id = self.syms.items.len();
            if !self.declare(&it.node.name, Sort::Item, id) {
                continue;
            }
            self.syms.items.push(ItemSym {
                decl: it,
                parent,
                children: Vec::new(),
            });
            let children = self.items(&it.node.children, Some(id));
            if let Some(sym) = self.syms.items.get_mut(id) {
                sym.children = children;
            }
            ids.push(id);
        }
        ids
    }

    fn kind(&mut self, k: Declared<'a, KindDecl>) {
        let index = self.syms.kinds.len();
        if !self.declare(&k.node.name, Sort::Kind, index) {
            return;
        }
        let mut attrs: Vec<AttrSym<'a>> = Vec::new();
        for a in &k.node.attrs {
            let name = &a.node.name;
            if crate::contract::is_reserved_attribute(&name.text) {
                let name_text = name.text.clone();
                self.report(Diag::new(
                    Message::ReservedAttr { name: name_text },
                    name.span,
                ));
                continue;
            }
            if let Some(first) = attrs.iter().find(|x| x.name.text == name.text) {
                let diag = duplicate(&name.text, Sort::Attr, *name.span, *first.name.span);
                self.report(diag);
                continue;
            }
            if let Domain::Values(values) = &a.node.domain {
                // By a map from each value to its first writing: a domain
                // of 10⁵ values compared pairwise took seconds.
                let mut first_of: FxHashMap<&str, Span> = FxHashMap::default();
                for v in values {
                    match first_of.get(v.text.as_str()) {
                        Some(first) => {
                            let diag = duplicate(&v.text, Sort::Value, *v.span, *first);
                            self.report(diag);
                        }
                        None => {
                            first_of.insert(v.text.as_str(), *v.span);
                        }
                    }
                }
            }
            attrs.push(AttrSym {
                name,
                domain: &a.node.domain,
            });
        }
        self.syms.kinds.push(KindSym { decl: k, attrs });
    }
}

fn duplicate(name: &str, sort: Sort, span: Span, first: Span) -> Diag {
    Diag::new(
        Message::DuplicateName {
            name: name.to_string(),
            sort,
            first: sort,
        },
        span,
    )
    .with_label(first, LabelText::FirstHere)
}

fn declared<'a, T>(node: &'a T, decl: &'a Stmt<Decl>) -> Declared<'a, T> {
    Declared {
        node,
        meta: &decl.meta,
        span: *decl.span,
    }
}

fn single_of(decl: &Decl) -> Option<Single> {
    Some(match decl {
        Decl::Header(_) => Single::Header,
        Decl::Units(_) => Single::Units,
        Decl::Score(_) => Single::Score,
        Decl::Ranking(_) => Single::Ranking,
        Decl::Grades(_) => Single::Grades,
        Decl::Schedule(_) => Single::Schedule,
        _ => return None,
    })
}

/// A date literal, `MM-DD` read in the policy `year`; KH103 when no such day
/// exists (`02-29` in 2019).
pub fn date_in_year(lit: &DateLit, year: i32) -> Result<Date, Diag> {
    Date::new(lit.year.unwrap_or(year), lit.month, lit.day).ok_or_else(|| {
        Diag::new(
            Message::BadLiteral {
                text: match lit.year {
                    Some(y) => format!("{y:04}-{:02}-{:02}", lit.month, lit.day),
                    None => format!("{:02}-{:02}", lit.month, lit.day),
                },
                problem: LiteralProblem::Date,
            },
            lit.span,
        )
    })
}
