//! Checked policy → [`Program`]. Every name becomes an id (the symbol table's
//! indices), every rule joins its kind's decision table, every statement gets a
//! clause entry (with the citation it inherits from its block, §7.5).

mod cond;
mod decisions;
mod payouts;

use rust_decimal::Decimal;

use crate::ast::{Citation, Decl, Meta};
use crate::calendar::Date;
use crate::check::CheckedPolicy;
use crate::diag::Sort;
use crate::ir::*;
use crate::resolve::Symbols;
use crate::source::Span;

/// Lowers a checked policy to the program the evaluator runs; `source` is the
/// policy text, quoted by explanations ("规则：表彰 层级 属于 … => 10").
pub fn compile(checked: &CheckedPolicy<'_>, source: &str) -> Program {
    let syms = checked.symbols();
    let mut c = Compiler::new(syms, source);
    c.header();
    c.units();
    c.items();
    c.kinds();
    c.awards_and_outcomes_declared();
    for decl in &checked.policy().decls {
        c.decl(decl);
    }
    c.decision_order();
    c.finish()
}

pub(crate) struct Compiler<'s, 'a> {
    syms: &'s Symbols<'a>,
    source: &'s str,
    p: Program,
}

impl<'s, 'a> Compiler<'s, 'a> {
    fn new(syms: &'s Symbols<'a>, source: &'s str) -> Self {
        let year = syms.year().unwrap_or(0);
        let window = syms
            .header
            .as_ref()
            .and_then(|h| h.window)
            .unwrap_or((Date::first_of_year(year), Date::last_of_year(year)));
        Compiler {
            syms,
            source,
            p: Program {
                title: String::new(),
                issuer: None,
                year,
                window,
                window_clause: ClauseId(0),
                skip_years: Vec::new(),
                full: Decimal::ZERO,
                groups: Vec::new(),
                units: Vec::new(),
                items: Vec::new(),
                leaves: Vec::new(),
                top_items: Vec::new(),
                kinds: Vec::new(),
                sections: Vec::new(),
                rules: Vec::new(),
                vetoes: Vec::new(),
                findings: Vec::new(),
                facts: Vec::new(),
                tracked_items: Vec::new(),
                ranking: RankingIr {
                    keys: vec![(KeyIr::Total, crate::ast::Order::Desc)],
                    within_group: false,
                    clause: ClauseId(0),
                },
                awards: Vec::new(),
                outcomes: Vec::new(),
                tiers: Vec::new(),
                decisions: Vec::new(),
                payouts: Vec::new(),
                clauses: vec![Clause::default()],
                assumptions: Vec::new(),
            },
        }
    }

    fn finish(mut self) -> Program {
        for k in 0..self.p.kinds.len() {
            let Some(kind) = self.p.kinds.get(k) else {
                continue;
            };
            let rules = &self.p.rules;
            let tests = kind
                .base_rules
                .iter()
                .map(|r| rules.get(r.index()).map_or(&[][..], |r| r.tests.as_slice()));
            let index = RuleIndex::new(kind.attrs.len(), tests);
            if let Some(kind) = self.p.kinds.get_mut(k) {
                kind.base_index = index;
            }
        }
        // Assumptions in source order, whatever order declarations compiled in.
        let clauses = &self.p.clauses;
        self.p
            .assumptions
            .sort_by_key(|c| clauses.get(c.index()).map_or(0, |x| x.span.start));
        self.p
    }

    /// Adds a clause entry for a statement; a statement without its own
    /// citation takes its block's (`inherited`).
    pub(crate) fn clause(
        &mut self,
        meta: &Meta,
        span: Span,
        inherited: Option<&Citation>,
    ) -> ClauseId {
        let id = ClauseId::from_index(self.p.clauses.len());
        let citation = meta.citation.as_ref().or(inherited).map(|c| c.text.clone());
        let assumption = meta.assumption.as_ref().map(|a| a.text.clone());
        if assumption.is_some() {
            self.p.assumptions.push(id);
        }
        let text = statement_text(self.source, span, meta);
        let core = core_span(self.source, span, meta);
        self.p.clauses.push(Clause {
            citation,
            span,
            text,
            core,
            notes: meta.notes.iter().map(|n| n.text.clone()).collect(),
            assumption,
        });
        id
    }

    fn index(&self, name: &str, sort: Sort) -> usize {
        self.syms.index_of(name, sort).unwrap_or(0)
    }

    fn header(&mut self) {
        let Some(h) = &self.syms.header else {
            return;
        };
        self.p.title = h.decl.title.text.clone();
        for stmt in &h.decl.stmts {
            match &stmt.node {
                crate::ast::HeaderStmt::Window { .. } => {
                    self.p.window_clause = self.clause(&stmt.meta, *stmt.span, None);
                }
                crate::ast::HeaderStmt::Issuer(t) => self.p.issuer = Some(t.text.clone()),
                crate::ast::HeaderStmt::SkipCreditedIn(n) => {
                    let year = i32::try_from(n.value).unwrap_or(0);
                    let clause = self.clause(&stmt.meta, *stmt.span, None);
                    self.p.skip_years.push((year, clause));
                }
                _ => {}
            }
        }
    }

    fn units(&mut self) {
        let syms = self.syms;
        for g in &syms.groups {
            let clause = self.clause(&g.decl.meta, *g.decl.span, None);
            self.p.groups.push(GroupIr {
                name: g.name().to_string(),
                label: g.decl.node.label.as_ref().map(|l| l.text.clone()),
                open: g.is_open(),
                members: g.members.iter().map(|u| UnitId::from_index(*u)).collect(),
                added_place: None,
                clause,
            });
        }
        for u in &syms.units {
            self.p.units.push(UnitIr {
                name: u.decl.node.name.text.clone(),
                label: u.decl.node.label.as_ref().map(|l| l.text.clone()),
                group: GroupId::from_index(u.group),
            });
        }
        let first = self.p.units.len() as u32;
        let open = self.p.groups.iter_mut().filter(|g| g.open);
        for (place, g) in (first..).zip(open) {
            g.added_place = Some(place);
        }
    }

    fn items(&mut self) {
        let syms = self.syms;
        // Without `满分`, the top items' sum (exact: `check` refused it otherwise).
        self.p.full = syms.full.map(|f| f.value).unwrap_or_else(|| {
            crate::exact::sum(
                syms.top_items
                    .iter()
                    .filter_map(|i| syms.items.get(*i))
                    .map(|i| i.decl.node.max.value),
            )
            .unwrap_or_default()
        });
        for (i, item) in syms.items.iter().enumerate() {
            let inherited = inherited_item_citation(syms, i);
            let clause = self.clause(&item.decl.meta, *item.decl.span, inherited);
            let leaf = item.is_leaf().then_some(self.p.leaves.len());
            if leaf.is_some() {
                self.p.leaves.push(ItemId::from_index(i));
            }
            let node = &item.decl.node;
            self.p.items.push(ItemIr {
                name: node.name.text.clone(),
                max: node.max.value,
                scale: node.scale.as_ref().map(|s| s.value),
                parent: item.parent.map(ItemId::from_index),
                children: item
                    .children
                    .iter()
                    .map(|c| ItemId::from_index(*c))
                    .collect(),
                leaf,
                scorer: node.scorer.as_ref().map(|s| s.text.clone()),
                clause,
            });
        }
        self.p.top_items = syms
            .top_items
            .iter()
            .map(|i| ItemId::from_index(*i))
            .collect();
    }

    fn kinds(&mut self) {
        let syms = self.syms;
        for k in &syms.kinds {
            let clause = self.clause(k.decl.meta, k.decl.span, None);
            let attrs: Vec<AttrIr> = k
                .attrs
                .iter()
                .map(|a| {
                    let domain = if a.is_item_attr() {
                        AttrDomain::Items
                    } else {
                        AttrDomain::Values(a.values().iter().map(|v| v.text.clone()).collect())
                    };
                    AttrIr::new(a.name.text.clone(), domain)
                })
                .collect();
            let item_attr = attrs.iter().position(|a| a.domain == AttrDomain::Items);
            self.p.kinds.push(KindIr {
                name: k.name().to_string(),
                attrs,
                base_rules: Vec::new(),
                base_index: RuleIndex::default(),
                modifiers: Vec::new(),
                vetoes: Vec::new(),
                findings: Vec::new(),
                facts: Vec::new(),
                item_attr,
                status: k.decl.node.status.is_some(),
                clause,
            });
        }
    }

    fn decl(&mut self, decl: &crate::ast::Stmt<Decl>) {
        match &decl.node {
            Decl::Adjust(section) => self.section(section, &decl.meta, *decl.span),
            Decl::Veto(v) => self.veto(v, &decl.meta, *decl.span),
            Decl::Finding(f) => self.finding(f, &decl.meta, *decl.span),
            Decl::Ranking(r) => self.ranking(r, &decl.meta, *decl.span),
            Decl::Award(a) => self.award(a, &decl.meta),
            Decl::Grades(tiers) => self.grades(tiers, &decl.meta),
            Decl::Payouts(lines) => self.payouts(lines, &decl.meta, *decl.span),
            _ => {}
        }
    }
}

/// A statement as written, for quoting: its first line (a block's head),
/// without its citation, notes and assumption, spaces collapsed.
fn statement_text(source: &str, span: Span, meta: &Meta) -> String {
    let mut cut: Vec<Span> = Vec::new();
    cut.extend(meta.citation.iter().map(|c| c.span.0));
    cut.extend(meta.notes.iter().map(|n| n.span.0));
    cut.extend(meta.assumption.iter().map(|a| a.span.0));
    let mut text = String::new();
    let mut pos = span.start;
    cut.sort_by_key(|s| s.start);
    for c in cut
        .iter()
        .filter(|c| c.start >= span.start && c.end <= span.end)
    {
        text.push_str(source.get(pos..c.start.max(pos)).unwrap_or(""));
        pos = pos.max(c.end);
    }
    text.push_str(source.get(pos..span.end).unwrap_or(""));
    // Comments are not the statement (a rule may break after `=>` with one);
    // its lines are joined, up to a block it opens.
    let mut plain = String::new();
    let mut at = 0;
    for c in crate::syntax::comments::scan(&text) {
        plain.push_str(text.get(at..c.start).unwrap_or(""));
        at = c.end;
    }
    plain.push_str(text.get(at..).unwrap_or(""));
    let head = plain.split(['{', '｛']).next().unwrap_or("");
    head.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The statement up to its first citation, note or assumption, on its first
/// line, without trailing spaces.
fn core_span(source: &str, span: Span, meta: &Meta) -> Span {
    let metas = meta
        .citation
        .iter()
        .map(|c| c.span)
        .chain(meta.notes.iter().map(|n| n.span))
        .chain(meta.assumption.iter().map(|a| a.span))
        .filter(|m| m.start > span.start && m.start <= span.end);
    let mut end = metas.map(|m| m.start).min().unwrap_or(span.end);
    if let Some(line) = source
        .get(span.start..end)
        .and_then(|t| t.find(['\n', '{', '｛']))
    {
        end = span.start + line;
    }
    let text = source.get(span.start..end).unwrap_or("");
    // A comment at the end of the line is not part of the statement.
    let text = match crate::syntax::comments::scan(text).first() {
        Some(c) => text.get(..c.start).unwrap_or(text),
        None => text,
    };
    Span::new(span.start, span.start + text.trim_end().len())
}

/// The nearest citation among an item's ancestors, else the `计分` block's (§7.5).
fn inherited_item_citation<'a>(syms: &Symbols<'a>, item: usize) -> Option<&'a Citation> {
    let mut cur = syms.items.get(item)?.parent;
    while let Some(p) = cur {
        let sym = syms.items.get(p)?;
        if let Some(c) = &sym.decl.meta.citation {
            return Some(c);
        }
        cur = sym.parent;
    }
    syms.score_citation
}
