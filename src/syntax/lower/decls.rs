//! Declarations other than conditions and examples.

use rust_decimal::Decimal;

use super::{Lower, P};
use crate::ast::*;
use crate::diag::{Message, Once};
use crate::syntax::grammar::Rule;

impl Lower {
    pub(super) fn header(&mut self, parts: Vec<P<'_>>) -> Header {
        let mut title = None;
        let mut stmts = Vec::new();
        for p in parts {
            match p.as_rule() {
                Rule::string => title = Some(self.text(p)),
                Rule::issuer_stmt
                | Rule::year_stmt
                | Rule::basis_stmt
                | Rule::window_stmt
                | Rule::skip_stmt => {
                    let span = self.span(&p);
                    let rule = p.as_rule();
                    let (parts, meta) = self.split_meta(p);
                    if let Some(node) = self.header_stmt(rule, parts) {
                        stmts.push(Stmt { node, meta, span });
                    }
                }
                _ => {}
            }
        }
        Header {
            title: title.unwrap_or(Text {
                text: String::new(),
                span: Loc::default(),
            }),
            stmts,
        }
    }

    fn header_stmt(&mut self, rule: Rule, parts: Vec<P<'_>>) -> Option<HeaderStmt> {
        let mut texts = Vec::new();
        let mut nums = Vec::new();
        let mut dates = Vec::new();
        for p in parts {
            match p.as_rule() {
                Rule::string => texts.push(self.text(p)),
                Rule::number if rule == Rule::year_stmt || rule == Rule::skip_stmt => {
                    nums.push(self.integer(p))
                }
                Rule::date | Rule::month_day => dates.push(self.date(p)),
                _ => {}
            }
        }
        Some(match rule {
            Rule::issuer_stmt => HeaderStmt::Issuer(texts.into_iter().next()?),
            Rule::year_stmt => HeaderStmt::Year(nums.into_iter().next()?),
            Rule::basis_stmt => HeaderStmt::Basis(texts),
            Rule::window_stmt => {
                let mut it = dates.into_iter();
                HeaderStmt::Window {
                    from: it.next()?,
                    to: it.next()?,
                }
            }
            _ => HeaderStmt::SkipCreditedIn(nums.into_iter().next()?),
        })
    }

    pub(super) fn units(&mut self, parts: Vec<P<'_>>) -> Vec<Stmt<Group>> {
        let mut groups = Vec::new();
        for p in parts {
            if p.as_rule() == Rule::group_decl {
                let span = self.span(&p);
                let (parts, meta) = self.split_meta(p);
                let node = self.group(parts);
                groups.push(Stmt { node, meta, span });
            }
        }
        groups
    }

    fn group(&mut self, parts: Vec<P<'_>>) -> Group {
        let mut name = None;
        let mut label = None;
        let mut members = Vec::new();
        let mut open = None;
        for p in parts {
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::label => label = Some(self.first_text(p)),
                Rule::open_marker => open = Some(self.span(&p)),
                Rule::member_block => self.members(p, &mut members, &mut open),
                _ => {}
            }
        }
        Group {
            name: name.unwrap_or_else(empty_name),
            label,
            members,
            open,
        }
    }

    fn members(&mut self, block: P<'_>, members: &mut Vec<Stmt<UnitDecl>>, open: &mut Option<Loc>) {
        for p in super::significant(block) {
            let span = self.span(&p);
            if let Some(marker) = *open {
                // Something follows `等`: it must be the last entry.
                self.report(Message::OpenMarkerNotLast, marker);
                *open = None;
            }
            match p.as_rule() {
                Rule::open_marker => *open = Some(span),
                Rule::unit_decl => {
                    let (parts, meta) = self.split_meta(p);
                    let mut name = None;
                    let mut label = None;
                    for q in parts {
                        match q.as_rule() {
                            Rule::name => name = Some(self.name(q)),
                            Rule::label => label = Some(self.first_text(q)),
                            _ => {}
                        }
                    }
                    let node = UnitDecl {
                        name: name.unwrap_or_else(empty_name),
                        label,
                    };
                    members.push(Stmt { node, meta, span });
                }
                _ => {}
            }
        }
    }

    pub(super) fn score_tree(&mut self, parts: Vec<P<'_>>) -> ScoreTree {
        let mut full = None;
        let mut items = Vec::new();
        for p in parts {
            match p.as_rule() {
                Rule::number => full = Some(self.num(p)),
                Rule::item_block => items = self.items(p),
                _ => {}
            }
        }
        // Weighted top items need `满分` (KH301 says so when it is missing).
        weigh(&mut items, full.as_ref().map(|f| f.value));
        ScoreTree { full, items }
    }

    fn items(&mut self, block: P<'_>) -> Vec<Stmt<Item>> {
        self.block(block, |lw, _, parts, _| Some(lw.item(parts)))
    }

    fn item(&mut self, parts: Vec<P<'_>>) -> Item {
        let mut name = None;
        let mut max = None;
        let mut weight = None;
        let mut scale = None;
        let mut description = None;
        let mut scorer = None;
        let mut children = Vec::new();
        for p in parts {
            let span = self.span(&p);
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::number => max = Some(self.num(p)),
                Rule::percent => weight = Some(self.percent(p)),
                Rule::scale => {
                    let n = p.into_inner().find(|c| c.as_rule() == Rule::number);
                    if let Some(n) = n {
                        let n = self.num(n);
                        self.once(&mut scale, n, Once::Scale, span);
                    }
                }
                Rule::describe => {
                    let t = self.first_text(p);
                    self.once(&mut description, t, Once::Description, span);
                }
                Rule::scorer => {
                    let n = p.into_inner().find(|c| c.as_rule() == Rule::name);
                    if let Some(n) = n {
                        let n = self.name(n);
                        self.once(&mut scorer, n, Once::Scorer, span);
                    }
                }
                Rule::item_block => children = self.items(p),
                _ => {}
            }
        }
        let max = max.unwrap_or_else(|| zero_at(weight.as_ref()));
        Item {
            name: name.unwrap_or_else(empty_name),
            max,
            weight,
            scale,
            description,
            scorer,
            children,
        }
    }

    pub(super) fn kind_decl(&mut self, parts: Vec<P<'_>>) -> KindDecl {
        let mut name = None;
        let mut attrs = Vec::new();
        let mut status = None;
        for p in parts {
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::status_mark => status = Some(self.span(&p)),
                Rule::attr_block => {
                    attrs = self.block(p, |lw, _, parts, _| Some(lw.attr_decl(parts)));
                }
                _ => {}
            }
        }
        KindDecl {
            name: name.unwrap_or_else(empty_name),
            attrs,
            status,
        }
    }

    fn attr_decl(&mut self, parts: Vec<P<'_>>) -> AttrDecl {
        let mut name = None;
        let mut domain = Domain::Values(Vec::new());
        for p in parts {
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::item_domain => domain = Domain::Items(self.span(&p)),
                Rule::value_list => domain = Domain::Values(self.value_list(p)),
                _ => {}
            }
        }
        AttrDecl {
            name: name.unwrap_or_else(empty_name),
            domain,
        }
    }

    pub(super) fn value_list(&mut self, p: P<'_>) -> Vec<Name> {
        super::significant(p)
            .filter(|c| c.as_rule() == Rule::name)
            .map(|c| self.name(c))
            .collect()
    }

    pub(super) fn section(&mut self, rule: Rule, parts: Vec<P<'_>>) -> Section {
        let direction = if rule == Rule::bonus_decl {
            Direction::Bonus
        } else {
            Direction::Deduct
        };
        let mut entries = Vec::new();
        for p in parts {
            if p.as_rule() == Rule::rule_block {
                entries = self.block(p, |lw, rule, parts, _| lw.section_entry(rule, parts));
            }
        }
        let caps = entries
            .iter()
            .filter(|e| matches!(e.node, SectionEntry::Cap(_)));
        self.repeated_after_first(caps.map(|e| e.span), Once::SectionCap);
        let dedups = entries
            .iter()
            .filter(|e| matches!(e.node, SectionEntry::Dedup(_)));
        self.repeated_after_first(dedups.map(|e| e.span), Once::Dedup);
        Section { direction, entries }
    }

    fn section_entry(&mut self, rule: Rule, parts: Vec<P<'_>>) -> Option<SectionEntry> {
        if rule == Rule::section_cap {
            let n = parts.into_iter().find(|p| p.as_rule() == Rule::number)?;
            return Some(SectionEntry::Cap(self.num(n)));
        }
        if rule == Rule::section_dedup {
            for p in parts {
                match p.as_rule() {
                    Rule::kw_id => return Some(SectionEntry::Dedup(DedupKey::Id(self.span(&p)))),
                    Rule::name => return Some(SectionEntry::Dedup(DedupKey::Attr(self.name(p)))),
                    _ => {}
                }
            }
            return None;
        }
        if rule == Rule::section_scope {
            let scope = parts
                .into_iter()
                .find(|p| p.as_rule() == Rule::unit_scope)?;
            return Some(SectionEntry::Scope(self.unit_scope(scope)));
        }
        let mut kind = None;
        let mut conditions = Vec::new();
        let mut amount = None;
        let mut cap = None;
        let mut scopes = Vec::new();
        for p in parts {
            match p.as_rule() {
                Rule::name => kind = Some(self.name(p)),
                Rule::conditions => conditions = self.conditions(p),
                Rule::unit_scope => scopes.push(self.unit_scope(p)),
                Rule::rule_cap => {
                    let span = self.span(&p);
                    if let Some(n) = p.into_inner().find(|c| c.as_rule() == Rule::number) {
                        let n = self.num(n);
                        self.once(&mut cap, n, Once::RuleCap, span);
                    }
                }
                _ => amount = amount.or_else(|| self.amount(p)),
            }
        }
        Some(SectionEntry::Rule(Rule_ {
            kind: kind?,
            conditions,
            amount: amount?,
            cap,
            scopes,
        }))
    }

    /// `仅 A | B` or `不含 A | B`.
    pub(super) fn unit_scope(&mut self, p: P<'_>) -> UnitScope {
        let span = self.span(&p);
        let mut only = false;
        let mut names = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::kw_only => only = true,
                Rule::value_list => names = self.value_list(c),
                _ => {}
            }
        }
        UnitScope { only, names, span }
    }

    fn amount(&mut self, p: P<'_>) -> Option<Amount> {
        let span = self.span(&p);
        let rule = p.as_rule();
        let mut nums: Vec<Num> = Vec::new();
        for c in super::significant(p) {
            if c.as_rule() == Rule::number {
                nums.push(self.num(c));
            }
        }
        let mut it = nums.into_iter();
        Some(match rule {
            Rule::fixed_amount => Amount::Fixed(it.next()?),
            Rule::range_amount => Amount::Range(it.next()?, it.next()?),
            Rule::up_to_amount => Amount::UpTo(it.next()?),
            Rule::half_amount => Amount::Half(span),
            Rule::times_amount => Amount::Times(it.next()?),
            _ => return None,
        })
    }

    pub(super) fn veto(&mut self, parts: Vec<P<'_>>) -> Veto {
        let mut kind = None;
        let mut conditions = Vec::new();
        for p in parts {
            match p.as_rule() {
                Rule::cond_expr => return Veto::When(self.cond_expr(p)),
                Rule::name => kind = Some(self.name(p)),
                Rule::conditions => conditions = self.conditions(p),
                _ => {}
            }
        }
        Veto::Event {
            kind: kind.unwrap_or_else(empty_name),
            conditions,
        }
    }

    pub(super) fn finding(&mut self, parts: Vec<P<'_>>) -> Finding {
        let mut kind = None;
        let mut conditions = Vec::new();
        let mut actions = Vec::new();
        for p in parts {
            match p.as_rule() {
                Rule::name => kind = Some(self.name(p)),
                Rule::conditions => conditions = self.conditions(p),
                Rule::zero_item => actions.push(FindingAction::ZeroItem(self.span(&p))),
                Rule::revoke => {
                    if let Some(n) = p.into_inner().find(|c| c.as_rule() == Rule::name) {
                        actions.push(FindingAction::Revoke(self.name(n)));
                    }
                }
                _ => {}
            }
        }
        Finding {
            kind: kind.unwrap_or_else(empty_name),
            conditions,
            actions,
        }
    }

    pub(super) fn ranking(&mut self, parts: Vec<P<'_>>) -> Ranking {
        let mut keys = Vec::new();
        let mut within_group = None;
        for p in parts {
            match p.as_rule() {
                Rule::rank_key => keys.push(self.rank_key(p)),
                Rule::then_key => {
                    if let Some(k) = p.into_inner().find(|c| c.as_rule() == Rule::rank_key) {
                        keys.push(self.rank_key(k));
                    }
                }
                Rule::within_group => within_group = Some(self.span(&p)),
                _ => {}
            }
        }
        Ranking { keys, within_group }
    }

    fn rank_key(&mut self, p: P<'_>) -> RankKey {
        let span = self.span(&p);
        let mut target = KeyTarget::Total;
        let mut order = Order::Desc;
        for c in super::significant(p) {
            match c.as_rule() {
                Rule::name => target = KeyTarget::Item(self.name(c)),
                Rule::order if c.into_inner().any(|o| o.as_rule() == Rule::kw_asc) => {
                    order = Order::Asc;
                }
                _ => {}
            }
        }
        RankKey {
            target,
            order,
            span,
        }
    }

    pub(super) fn award(&mut self, parts: Vec<P<'_>>) -> Award {
        let mut name = None;
        let mut label = None;
        let mut clauses = Vec::new();
        for p in parts {
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::label => label = Some(self.first_text(p)),
                Rule::award_block => {
                    clauses = self.block(p, |lw, rule, parts, _| lw.award_clause(rule, parts));
                }
                _ => {}
            }
        }
        let quotas = clauses
            .iter()
            .filter(|c| matches!(c.node, AwardClause::Quota(_)));
        self.repeated_after_first(quotas.map(|c| c.span), Once::Quota);
        Award {
            name: name.unwrap_or_else(empty_name),
            label,
            clauses,
        }
    }

    fn award_clause(&mut self, rule: Rule, parts: Vec<P<'_>>) -> Option<AwardClause> {
        let mut parts_after = parts.into_iter();
        let p = parts_after.find(|p| {
            !matches!(
                p.as_rule(),
                Rule::kw_exclude | Rule::kw_quota | Rule::kw_allow
            )
        })?;
        if rule == Rule::quota_stmt {
            if p.as_rule() == Rule::name {
                let group = self.name(p);
                let q =
                    parts_after.find(|c| matches!(c.as_rule(), Rule::percent | Rule::number))?;
                return Some(AwardClause::GroupQuota {
                    group,
                    quota: self.quota(q),
                });
            }
            return Some(AwardClause::Quota(self.quota(p)));
        }
        if rule == Rule::allow_stmt {
            return Some(AwardClause::Allow(self.name(p)));
        }
        Some(AwardClause::Exclude(match p.as_rule() {
            Rule::vetoed_atom => Exclusion::Vetoed(self.span(&p)),
            Rule::bottom_n => Exclusion::Bottom(self.bottom_n(p)),
            _ => Exclusion::Name(self.name(p)),
        }))
    }

    /// `名额 3` or `名额 30%`.
    pub(super) fn quota(&mut self, p: P<'_>) -> Quota {
        if p.as_rule() == Rule::percent {
            Quota::Percent(self.percent(p))
        } else {
            Quota::Count(self.integer(p))
        }
    }

    pub(super) fn bottom_n(&mut self, p: P<'_>) -> BottomN {
        let span = self.span(&p);
        let n = p
            .into_inner()
            .find(|c| c.as_rule() == Rule::number)
            .map(|n| self.integer(n))
            .unwrap_or_else(zero);
        BottomN { n, span }
    }

    pub(super) fn outcome(&mut self, parts: Vec<P<'_>>) -> Outcome {
        let mut name = None;
        let mut when = None;
        for p in parts {
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::cond_expr => when = Some(self.cond_expr(p)),
                _ => {}
            }
        }
        Outcome {
            name: name.unwrap_or_else(empty_name),
            when: when.unwrap_or_else(|| Cond {
                node: CondNode::Vetoed,
                span: Loc::default(),
            }),
        }
    }

    pub(super) fn grades(&mut self, parts: Vec<P<'_>>) -> Vec<Stmt<Tier>> {
        let block = parts.into_iter().find(|p| p.as_rule() == Rule::tier_block);
        match block {
            Some(b) => self.block(b, |lw, _, parts, _| Some(lw.tier(parts))),
            None => Vec::new(),
        }
    }

    fn tier(&mut self, parts: Vec<P<'_>>) -> Tier {
        let mut name = None;
        let mut when = None;
        let mut quota = None;
        for p in parts {
            let span = self.span(&p);
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::cond_expr => when = Some(self.cond_expr(p)),
                Rule::tier_quota => {
                    let q = p
                        .into_inner()
                        .find(|c| matches!(c.as_rule(), Rule::percent | Rule::number));
                    if let Some(q) = q {
                        let q = self.quota(q);
                        self.once(&mut quota, q, Once::Quota, span);
                    }
                }
                _ => {}
            }
        }
        Tier {
            name: name.unwrap_or_else(empty_name),
            when,
            quota,
        }
    }

    pub(super) fn schedule(&mut self, parts: Vec<P<'_>>) -> Vec<Stmt<Step>> {
        let block = parts.into_iter().find(|p| p.as_rule() == Rule::step_block);
        match block {
            Some(b) => self.block(b, |lw, _, parts, _| Some(lw.step(parts))),
            None => Vec::new(),
        }
    }

    fn step(&mut self, parts: Vec<P<'_>>) -> Step {
        let mut name = None;
        let mut due = None;
        let mut after = Vec::new();
        for p in parts {
            let span = self.span(&p);
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::due => {
                    let d = p
                        .into_inner()
                        .find(|c| matches!(c.as_rule(), Rule::date | Rule::month_day));
                    if let Some(d) = d {
                        let d = self.date(d);
                        if due.is_some() {
                            self.report(Message::Repeated { what: Once::Due }, span);
                        }
                        due = Some(d);
                    }
                }
                Rule::after => {
                    for list in p.into_inner().filter(|c| c.as_rule() == Rule::name_list) {
                        after.extend(self.value_list(list));
                    }
                }
                _ => {}
            }
        }
        Step {
            name: name.unwrap_or_else(empty_name),
            due,
            after,
        }
    }
}

impl Lower {
    /// KH104 at every statement after the first of a kind that may appear once.
    fn repeated_after_first(&mut self, spans: impl Iterator<Item = Loc>, what: Once) {
        for span in spans.skip(1) {
            self.report(Message::Repeated { what }, span);
        }
    }
}

type Rule_ = crate::ast::Rule;

pub(super) fn empty_name() -> Name {
    Name {
        text: String::new(),
        span: Loc::default(),
    }
}

fn zero() -> Num {
    Num {
        value: rust_decimal::Decimal::ZERO,
        span: Loc::default(),
    }
}

/// Items written as weights (`80%`) take that share of `whole` (their
/// parent's maximum, or `满分` at the top) as their maximum, exactly, top
/// down. Without a whole, or a share that cannot be held, it stays 0, which
/// the weights check (KH301) reports.
fn weigh(items: &mut [Stmt<Item>], whole: Option<Decimal>) {
    for it in items {
        if let Some(w) = &it.node.weight {
            let share = whole.and_then(|whole| {
                crate::exact::mul(whole, w.value)
                    .and_then(|x| crate::exact::div(x, Decimal::ONE_HUNDRED))
                    .ok()
            });
            it.node.max = Num {
                value: share.unwrap_or(Decimal::ZERO),
                span: w.span,
            };
        }
        let max = it.node.max.value;
        weigh(&mut it.node.children, Some(max));
    }
}

/// A zero maximum placed at the weight, if there is one.
fn zero_at(weight: Option<&Num>) -> Num {
    match weight {
        Some(w) => Num {
            value: Decimal::ZERO,
            span: w.span,
        },
        None => zero(),
    }
}
