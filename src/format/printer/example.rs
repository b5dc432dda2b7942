//! `示例` blocks: units, scores, events and expectations.

use super::{Printer, meta};
use crate::ast::*;
use crate::format::words::{self, Words};
use crate::i18n::Lang;
use crate::i18n::keywords::Kw;

impl Printer<'_> {
    pub(super) fn example(&mut self, e: &Example, d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Example).text(&e.title);
        meta(&mut w, &d.meta);
        self.block(&w, d.span, &e.stmts, |p, s| p.example_stmt(s));
    }

    fn example_stmt(&mut self, s: &Stmt<ExampleStmt>) {
        let mut w = self.words();
        let mut tail = self.words();
        meta(&mut tail, &s.meta);
        match &s.node {
            ExampleStmt::Unit { name, group } => {
                w.kw(Kw::Unit).name(name);
                if let Some(g) = group {
                    w.kw(Kw::Group).name(g);
                }
            }
            ExampleStmt::Scores(entries) => {
                w.kw(Kw::Scores);
                let items = entries
                    .iter()
                    .map(|e| {
                        let text = format!("{} {}", words::name(&e.item), words::num(&e.value));
                        (text, e.item.span.to(*e.value.span))
                    })
                    .collect();
                return self.list_stmt(&w, items, &tail, s.span);
            }
            ExampleStmt::Event(ev) => return self.event(ev, s, &tail),
            ExampleStmt::Expect(expectations) => {
                w.kw(Kw::Expect);
                let items = expectations
                    .iter()
                    .map(|x| (self.expectation(&x.node), x.span))
                    .collect();
                return self.list_stmt(&w, items, &tail, s.span);
            }
        }
        w.push(tail.line());
        self.leaf(&w, s.span);
    }

    /// `事项 K { 层级 省政府, 日期 2019-05-10 }`, or one field per line when
    /// the source wrote them so.
    fn event(&mut self, ev: &EventLit, s: &Stmt<ExampleStmt>, tail: &Words) {
        let mut w = self.words();
        w.kw(Kw::Event).name(&ev.kind);
        if ev.fields.is_empty() {
            w.push(tail.line());
            return self.leaf(&w, s.span);
        }
        if self.on_one_line(s.span) {
            let fields: Vec<String> = ev.fields.iter().map(|f| self.field(f)).collect();
            w.push("{")
                .push(fields.join(", "))
                .push("}")
                .push(tail.line());
            return self.leaf(&w, s.span);
        }
        self.open(&w, s.span);
        for (i, f) in ev.fields.iter().enumerate() {
            let mut line = self.words();
            line.push(self.field(f));
            let at = self.lines.len();
            self.leaf(&line, f.span);
            if i == 0
                && let Some(l) = self.lines.get_mut(at)
            {
                l.gap = super::Gap::Never;
            }
        }
        self.close(s.span, tail);
    }

    /// `层级 省政府`, `日期 2019-05-10`, `文号 "…"`.
    fn field(&self, f: &Field) -> String {
        let mut w = self.words();
        match &f.key {
            FieldKey::Date => w.kw(Kw::Date),
            FieldKey::Points => w.kw(Kw::Points),
            FieldKey::Doc => w.kw(Kw::Doc),
            FieldKey::Title => w.kw(Kw::Title),
            FieldKey::CreditedIn => w.kw(Kw::CreditedIn),
            FieldKey::Id => w.kw(Kw::Id),
            FieldKey::ProposedBy => w.push(match self.lang {
                Lang::Zh => FieldKey::PROPOSED_BY[0],
                Lang::En => FieldKey::PROPOSED_BY[1],
            }),
            FieldKey::Attr(n) => w.name(n),
        };
        match &f.value {
            FieldValue::Date(d) => w.date(d),
            FieldValue::Number(n) => w.num(n),
            FieldValue::Text(t) => w.text(t),
            FieldValue::Name(n) => w.name(n),
        };
        w.line()
    }

    fn expectation(&self, x: &Expect) -> String {
        let mut w = self.words();
        match x {
            Expect::Total(n) => w.kw(Kw::Total).num(n),
            Expect::Bonus(n) => w.kw(Kw::Bonus).num(n),
            Expect::Deduct(n) => w.kw(Kw::Deduct).num(n),
            Expect::Rank(n) => w.kw(Kw::Rank).num(n),
            Expect::Vetoed(true) => w.kw(Kw::Vetoed),
            Expect::Vetoed(false) => w.kw(Kw::Not).kw(Kw::Vetoed),
            Expect::Grade(n) => w.kw(Kw::Grades).name(n),
            Expect::Flag { name, holds } => {
                if !holds {
                    w.kw(Kw::Not);
                }
                w.name(name)
            }
        };
        w.line()
    }
}
