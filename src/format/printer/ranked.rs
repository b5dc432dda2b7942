//! What comes after the scores: ranking, awards, outcomes, grades, schedule.

use super::{Printer, cite, labelled_meta, meta, notes};
use crate::ast::*;
use crate::format::words::Words;
use crate::i18n::keywords::Kw;

impl Printer<'_> {
    /// `排名 按 总分 降序 分组内 然后 按 X 降序 【c】`; the order is always
    /// written (the AST does not know whether it was).
    pub(super) fn ranking(&mut self, r: &Ranking, d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Rank);
        for (i, key) in r.keys.iter().enumerate() {
            if i == 1 && r.within_group.is_some() {
                w.kw(Kw::WithinGroup);
            }
            if i > 0 {
                w.kw(Kw::Then);
            }
            w.kw(Kw::By);
            match &key.target {
                KeyTarget::Total => w.kw(Kw::Total),
                KeyTarget::Item(n) => w.name(n),
            };
            w.kw(match key.order {
                Order::Desc => Kw::Desc,
                Order::Asc => Kw::Asc,
            });
        }
        if r.keys.len() < 2 && r.within_group.is_some() {
            w.kw(Kw::WithinGroup);
        }
        meta(&mut w, &d.meta);
        self.leaf(&w, d.span);
    }

    pub(super) fn award(&mut self, a: &Award, d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Award).name(&a.name);
        if let Some(l) = &a.label {
            w.text(l);
        }
        if labelled_meta(&mut w, a.label.as_ref(), &d.meta) {
            // Unreachable from parsed text: a note right after the name is its label.
            notes(&mut w, &d.meta);
        }
        if a.clauses.is_empty() && !self.comments_within(d.span) {
            return self.leaf(&w, d.span);
        }
        self.block(&w, d.span, &a.clauses, |p, c| p.award_clause(c));
    }

    fn award_clause(&mut self, c: &Stmt<AwardClause>) {
        let mut w = self.words();
        match &c.node {
            AwardClause::Exclude(e) => {
                w.kw(Kw::Exclude);
                match e {
                    Exclusion::Vetoed(_) => w.kw(Kw::Vetoed),
                    Exclusion::Bottom(b) => w.kw(Kw::Bottom).num(&b.n).kw(Kw::Ming),
                    Exclusion::Name(n) => w.name(n),
                };
            }
            AwardClause::Quota(q) => {
                w.kw(Kw::Quota);
                quota(&mut w, q);
            }
            AwardClause::GroupQuota { group, quota: q } => {
                w.kw(Kw::Quota).name(group);
                quota(&mut w, q);
            }
            AwardClause::Allow(n) => {
                w.kw(Kw::Allow).name(n);
            }
        }
        meta(&mut w, &c.meta);
        self.leaf(&w, c.span);
    }

    /// `处置 N 【c】 当 条件 "note" 解释 "…"` (the citation where the docs put it).
    pub(super) fn outcome(&mut self, o: &Outcome, d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Outcome).name(&o.name);
        cite(&mut w, &d.meta);
        w.kw(Kw::When);
        self.cond(&mut w, &o.when);
        notes(&mut w, &d.meta);
        self.leaf(&w, d.span);
    }

    pub(super) fn grades(&mut self, tiers: &[Stmt<Tier>], d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Grades);
        meta(&mut w, &d.meta);
        self.block(&w, d.span, tiers, |p, t| p.tier(t));
    }

    /// `优秀 当 总分 >= 90 名额 30% 【c】 "note"` or `较差 其余`.
    fn tier(&mut self, t: &Stmt<Tier>) {
        let mut w = self.words();
        w.name(&t.node.name);
        match &t.node.when {
            Some(c) => {
                w.kw(Kw::When);
                self.cond(&mut w, c);
            }
            None => {
                w.kw(Kw::Otherwise);
            }
        }
        if let Some(q) = &t.node.quota {
            w.kw(Kw::Quota);
            quota(&mut w, q);
        }
        meta(&mut w, &t.meta);
        self.leaf(&w, t.span);
    }

    pub(super) fn schedule(&mut self, steps: &[Stmt<Step>], d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Schedule);
        meta(&mut w, &d.meta);
        self.block(&w, d.span, steps, |p, s| p.step(s));
    }

    /// `步骤 截止 12-20 在 A, B 之后 【c】` (English: `step due 12-20 after A, B`).
    fn step(&mut self, s: &Stmt<Step>) {
        let mut w = self.words();
        w.name(&s.node.name);
        if let Some(due) = &s.node.due {
            w.kw(Kw::Due).date(due);
        }
        if !s.node.after.is_empty() {
            let names = self.name_list(&s.node.after);
            if Kw::At.spelling(self.lang).is_empty() {
                w.kw(Kw::After).push(names);
            } else {
                w.kw(Kw::At).push(names).kw(Kw::After);
            }
        }
        meta(&mut w, &s.meta);
        self.leaf(&w, s.span);
    }
}

/// `3` or `30%`.
fn quota(w: &mut Words, q: &Quota) {
    match q {
        Quota::Count(n) => w.num(n),
        Quota::Percent(n) => w.push(format!("{}%", crate::format::words::num(n))),
    };
}

impl Printer<'_> {
    pub(super) fn payouts(&mut self, lines: &[Stmt<Payout>], d: &Stmt<Decl>) {
        let mut w = self.words();
        w.kw(Kw::Payouts);
        meta(&mut w, &d.meta);
        self.block(&w, d.span, lines, |p, l| p.payout(l));
    }

    /// `优秀 => 奖金 10000 元, 其中 主要负责人 20% 仅 旗县区 【c】`.
    fn payout(&mut self, l: &Stmt<Payout>) {
        let node = &l.node;
        let mut w = self.words();
        w.name(&node.target)
            .push("=>")
            .name(&node.amount)
            .num(&node.value);
        if let Some(m) = &node.measure {
            w.name(m);
        }
        let mut head = w.line();
        for s in &node.shares {
            let mut sw = self.words();
            sw.kw(Kw::OfWhich)
                .name(&s.to)
                .push(format!("{}%", crate::format::words::num(&s.percent)));
            head.push_str(", ");
            head.push_str(&sw.line());
        }
        let mut w = self.words();
        w.push(head);
        for scope in &node.scopes {
            self.unit_scope(&mut w, scope);
        }
        meta(&mut w, &l.meta);
        self.leaf(&w, l.span);
    }
}
