//! The header, units, the score tree, event kinds, bonus and deduction
//! sections, vetoes and findings.

use super::{Printer, cite, labelled_meta, meta, notes};
use crate::ast::*;
use crate::format::words::{self, Words};
use crate::i18n::{Kw, Lang};

impl Printer<'_> {
    pub(super) fn header(&mut self, h: &Header, d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Policy).text(&h.title);
        meta(&mut w, &d.meta);
        self.block(&w, d.span, &h.stmts, |p, s| p.header_stmt(s));
    }

    fn header_stmt(&mut self, s: &Stmt<HeaderStmt>) {
        let mut w = self.words();
        let mut tail = self.words();
        meta(&mut tail, &s.meta);
        match &s.node {
            HeaderStmt::Issuer(t) => {
                w.kw(Kw::Issuer).text(t);
            }
            HeaderStmt::Year(n) => {
                w.kw(Kw::Year).num(n);
            }
            HeaderStmt::Basis(texts) => {
                w.kw(Kw::Basis);
                let items = texts
                    .iter()
                    .map(|t| (words::string(&t.text), t.span))
                    .collect();
                return self.list_stmt(&w, items, &tail, s.span);
            }
            HeaderStmt::Window { from, to } => {
                w.kw(Kw::Window).date(from).kw(Kw::To).date(to);
            }
            HeaderStmt::SkipCreditedIn(n) => {
                w.kw(Kw::Except).kw(Kw::CreditedIn).num(n);
            }
        }
        w.push(tail.line());
        self.leaf(&w, s.span);
    }

    pub(super) fn units(&mut self, groups: &[Stmt<Group>], d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Units);
        meta(&mut w, &d.meta);
        self.block(&w, d.span, groups, |p, g| p.group(g));
    }

    /// `分组 G "label" { a, b, 等 }`, `分组 G 等`, or the units on lines of
    /// their own as the source had them.
    fn group(&mut self, g: &Stmt<Group>) {
        let group = &g.node;
        let mut w = self.words();
        w.kw(Kw::Group).name(&group.name);
        if let Some(l) = &group.label {
            w.text(l);
        }
        let notes_after = labelled_meta(&mut w, group.label.as_ref(), &g.meta);
        if group.members.is_empty() && group.open.is_some() {
            w.kw(Kw::Etc);
            if notes_after {
                notes(&mut w, &g.meta);
            }
            return self.leaf(&w, g.span);
        }
        if notes_after {
            // Unreachable from parsed text: a note right after the name is its label.
            notes(&mut w, &g.meta);
        }
        let mut items: Vec<(String, Loc)> = group
            .members
            .iter()
            .map(|m| (self.unit(m), m.span))
            .collect();
        if let Some(open) = group.open {
            items.push((Kw::Etc.spelling(self.lang).to_string(), open));
        }
        if items.is_empty() && !self.comments_within(g.span) {
            w.push("{ }");
            return self.leaf(&w, g.span);
        }
        if self.on_one_line(g.span) {
            let list: Vec<String> = items.into_iter().map(|(t, _)| t).collect();
            w.push("{").push(list.join(", ")).push("}");
            return self.leaf(&w, g.span);
        }
        self.open(&w, g.span);
        self.list_lines(items);
        self.close(g.span, &self.words());
    }

    fn unit(&self, u: &Stmt<UnitDecl>) -> String {
        let mut w = self.words();
        w.name(&u.node.name);
        if let Some(l) = &u.node.label {
            w.text(l);
        }
        if labelled_meta(&mut w, u.node.label.as_ref(), &u.meta) {
            // Unreachable from parsed text (a note right after the name is its label).
            notes(&mut w, &u.meta);
        }
        w.line()
    }

    pub(super) fn score(&mut self, tree: &ScoreTree, d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Score);
        if let Some(full) = &tree.full {
            w.kw(Kw::Full).num(full);
        }
        meta(&mut w, &d.meta);
        self.block(&w, d.span, &tree.items, |p, i| p.item(i));
    }

    /// `名称 分值 【c】 按 S 折算 评分 X 说明 "…" "note" 解释 "…" { children }`.
    fn item(&mut self, s: &Stmt<Item>) {
        let item = &s.node;
        let mut w = self.words();
        w.name(&item.name);
        match &item.weight {
            Some(pct) => w.push(format!("{}%", words::num(pct))),
            None => w.num(&item.max),
        };
        cite(&mut w, &s.meta);
        if let Some(scale) = &item.scale {
            match self.lang {
                Lang::Zh => w.kw(Kw::By).num(scale).kw(Kw::Scaled),
                Lang::En => w.kw(Kw::Scaled).num(scale),
            };
        }
        if let Some(scorer) = &item.scorer {
            w.kw(Kw::ScoredBy).name(scorer);
        }
        if let Some(d) = &item.description {
            w.kw(Kw::Describe).text(d);
        }
        notes(&mut w, &s.meta);
        if item.children.is_empty() {
            return self.leaf(&w, s.span);
        }
        self.open(&w, s.span);
        self.children(&item.children, &mut |p, c| p.item(c));
        self.close(s.span, &self.words());
    }

    /// `事项 K 【c】 { a: x | y; b: 计分项 }` on one line as the docs show,
    /// or one attribute per line when the source wrote them so.
    pub(super) fn kind(&mut self, k: &KindDecl, d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Event).name(&k.name);
        if k.status.is_some() {
            w.kw(Kw::Status);
        }
        meta(&mut w, &d.meta);
        if k.attrs.is_empty() {
            return self.leaf(&w, d.span);
        }
        if self.on_one_line(d.span) {
            let attrs: Vec<String> = k.attrs.iter().map(|a| self.attr(a)).collect();
            w.push("{").push(attrs.join("; ")).push("}");
            return self.leaf(&w, d.span);
        }
        self.open(&w, d.span);
        self.children(&k.attrs, &mut |p, a| {
            let mut line = p.words();
            line.push(p.attr(a));
            p.leaf(&line, a.span);
        });
        self.close(d.span, &self.words());
    }

    fn attr(&self, a: &Stmt<AttrDecl>) -> String {
        let mut w = self.words();
        w.push(format!("{}:", words::name(&a.node.name)));
        match &a.node.domain {
            Domain::Values(values) => {
                w.push(self.value_list(values));
            }
            Domain::Items(_) => {
                w.kw(Kw::ItemAttr);
            }
        }
        meta(&mut w, &a.meta);
        w.line()
    }

    /// `x | y`.
    pub(super) fn value_list(&self, values: &[Name]) -> String {
        values
            .iter()
            .map(words::name)
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// `a, b`.
    pub(super) fn name_list(&self, names: &[Name]) -> String {
        names.iter().map(words::name).collect::<Vec<_>>().join(", ")
    }

    pub(super) fn section(&mut self, s: &Section, d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(match s.direction {
            Direction::Bonus => Kw::Bonus,
            Direction::Deduct => Kw::Deduct,
        });
        meta(&mut w, &d.meta);
        self.block(&w, d.span, &s.entries, |p, e| p.section_entry(e));
    }

    /// `封顶 N`, or `KIND 条件 => 分值 封顶 N 【c】 "note" 解释 "…"`.
    fn section_entry(&mut self, e: &Stmt<SectionEntry>) {
        let mut w = self.words();
        match &e.node {
            SectionEntry::Cap(n) => {
                w.kw(Kw::Cap).num(n);
            }
            SectionEntry::Scope(scope) => self.unit_scope(&mut w, scope),
            SectionEntry::Dedup(key) => {
                w.kw(Kw::Same);
                match key {
                    DedupKey::Id(_) => w.kw(Kw::Id),
                    DedupKey::Attr(a) => w.name(a),
                };
                w.kw(Kw::Keep).kw(Kw::Highest);
            }
            SectionEntry::Rule(r) => {
                w.name(&r.kind);
                self.conditions(&mut w, &r.conditions);
                w.push("=>");
                self.amount(&mut w, &r.amount);
                if let Some(cap) = &r.cap {
                    w.kw(Kw::Cap).num(cap);
                }
                for scope in &r.scopes {
                    self.unit_scope(&mut w, scope);
                }
            }
        }
        meta(&mut w, &e.meta);
        self.leaf(&w, e.span);
    }

    /// `仅 县 | 区` or `不含 办公室`.
    pub(super) fn unit_scope(&self, w: &mut Words, scope: &UnitScope) {
        w.kw(if scope.only { Kw::Only } else { Kw::Exclude })
            .push(self.value_list(&scope.names));
    }

    fn amount(&self, w: &mut Words, a: &Amount) {
        match a {
            Amount::Fixed(n) => w.num(n),
            Amount::Range(lo, hi) => w.num(lo).kw(Kw::To).num(hi),
            Amount::UpTo(n) => w.kw(Kw::UpTo).num(n),
            Amount::Half(_) => w.kw(Kw::Half),
            Amount::Times(n) => w.kw(Kw::Times).num(n),
        };
    }

    /// `一票否决 KIND 条件 【c】` or `一票否决 当 条件 【c】`.
    pub(super) fn veto(&mut self, v: &Veto, d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Veto);
        match v {
            Veto::Event { kind, conditions } => {
                w.name(kind);
                self.conditions(&mut w, conditions);
            }
            Veto::When(c) => {
                w.kw(Kw::When);
                self.cond(&mut w, c);
            }
        }
        meta(&mut w, &d.meta);
        self.leaf(&w, d.span);
    }

    /// `KIND 条件 => 该项清零, 取消 A` (English: `on KIND … => zero_item, revoke A`).
    pub(super) fn finding(&mut self, f: &Finding, d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::On).name(&f.kind);
        self.conditions(&mut w, &f.conditions);
        w.push("=>");
        let actions: Vec<String> = f
            .actions
            .iter()
            .map(|a| {
                let mut aw = self.words();
                match a {
                    FindingAction::ZeroItem(_) => aw.kw(Kw::ZeroItem),
                    FindingAction::Revoke(n) => aw.kw(Kw::Revoke).name(n),
                };
                aw.line()
            })
            .collect();
        w.push(actions.join(", "));
        meta(&mut w, &d.meta);
        self.leaf(&w, d.span);
    }
}
