//! The policy as the reference reads it: the AST's declarations gathered by
//! sort, names kept as text and looked up by text, numbers read exactly from
//! the policy's own characters (a literal's span), not from the decimal the
//! parser made of it. Nothing here is resolved into indices: the evaluation
//! compares names, as the drafter wrote them.

use kaohe::ast::{
    Amount, Award, AwardClause, Cond, CondNode, Condition, Decl, DedupKey, Direction, Domain,
    Exclusion, Finding, HeaderStmt, Item, KeyTarget, Num, Order, Policy, Quota, SectionEntry, Test,
    Tier, UnitScope, Veto,
};

use super::exact::{Q, int, parse};

/// A calendar day, ordered chronologically.
pub type Day = (i32, u32, u32);

/// Whether `(y, m, d)` exists in the proleptic Gregorian calendar.
pub fn is_day(y: i32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    d >= 1 && d <= days
}

/// A group and whether the data may add units to it (`等`).
#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub open: bool,
    pub members: Vec<String>,
}

/// An item of the score tree, flattened in declaration order (a parent
/// before its children).
#[derive(Debug, Clone)]
pub struct ItemDef {
    pub name: String,
    pub max: Q,
    pub scale: Option<Q>,
    /// Positions of its children in [`Model::items`]; empty for a leaf.
    pub children: Vec<usize>,
    pub top: bool,
}

/// An attribute of an event kind: its values, or `计分项` (any item's name).
#[derive(Debug, Clone)]
pub struct AttrDef {
    pub name: String,
    /// `None` for `计分项`.
    pub values: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct KindDef {
    pub name: String,
    pub attrs: Vec<AttrDef>,
    /// `年度状态`: no date needed, no window, counted once per unit.
    pub status: bool,
}

/// What a rule is worth: a base amount or a factor.
#[derive(Debug, Clone)]
pub enum Worth {
    Fixed(Q),
    Range(Q, Q),
    Factor(Q),
}

/// One rule of a `加分`/`扣分` section; `index` is its place among all the
/// policy's rules in source order (how rulings are compared).
#[derive(Debug, Clone)]
pub struct RuleDef<'a> {
    pub kind: &'a str,
    pub tests: &'a [Condition],
    /// The section's `仅`/`不含` lines, then the rule's own: all must hold.
    pub scopes: Vec<&'a UnitScope>,
    pub worth: Worth,
    pub cap: Option<Q>,
    pub direction: Direction,
}

#[derive(Debug, Clone)]
pub struct SectionDef {
    pub direction: Direction,
    pub cap: Option<Q>,
    /// `同一 KEY 只计 最高`: `None` for `编号`, else the attribute's name.
    pub dedup: Option<Option<String>>,
    /// Positions in [`Model::rules`].
    pub rules: Vec<usize>,
}

/// A ranking key: the total or an item's contribution.
#[derive(Debug, Clone)]
pub enum Key {
    Total,
    Item(String),
}

/// `名额 N` or `名额 P%`.
#[derive(Debug, Clone)]
pub enum Places {
    Count(Q),
    Percent(Q),
}

#[derive(Debug, Clone)]
pub struct AwardDef<'a> {
    pub name: String,
    pub exclusions: Vec<&'a Exclusion>,
    pub quota: Option<Places>,
    /// `名额 GROUP …`: each group's places among its own ranked units.
    pub group_quotas: Vec<(String, Places)>,
}

/// A `兑现` line: what it pays for (an outcome, tier or award, by name), how
/// much, and for which units.
#[derive(Debug, Clone)]
pub struct PayoutDef<'a> {
    pub target: String,
    /// The amount's name and measure: totals add lines of the same pair.
    pub amount: String,
    pub measure: Option<String>,
    pub value: Q,
    pub scopes: Vec<&'a UnitScope>,
}

/// Every declaration the evaluation reads.
pub struct Model<'a> {
    pub source: &'a str,
    pub year: i32,
    pub window: (Day, Day),
    pub skip_years: Vec<i64>,
    pub groups: Vec<Group>,
    pub items: Vec<ItemDef>,
    pub kinds: Vec<KindDef>,
    pub sections: Vec<SectionDef>,
    pub rules: Vec<RuleDef<'a>>,
    pub vetoes: Vec<&'a Veto>,
    pub findings: Vec<&'a Finding>,
    pub keys: Vec<(Key, Order)>,
    pub within_group: bool,
    pub awards: Vec<AwardDef<'a>>,
    pub outcomes: Vec<(String, &'a Cond)>,
    pub tiers: Vec<&'a Tier>,
    /// `兑现` lines in source order.
    pub payouts: Vec<PayoutDef<'a>>,
    /// Every `有 KIND …`, `数量(KIND …)` and `不含 KIND`: what makes an event
    /// "used" even when no rule, veto or finding takes it.
    pub kind_uses: Vec<(&'a str, &'a [Condition])>,
}

impl<'a> Model<'a> {
    /// Reads a policy that kaohe's checker passed (so names resolve and every
    /// required declaration is there once).
    pub fn read(policy: &'a Policy, source: &'a str) -> Model<'a> {
        let mut m = Model {
            source,
            year: 0,
            window: ((0, 1, 1), (0, 12, 31)),
            skip_years: Vec::new(),
            groups: Vec::new(),
            items: Vec::new(),
            kinds: Vec::new(),
            sections: Vec::new(),
            rules: Vec::new(),
            vetoes: Vec::new(),
            findings: Vec::new(),
            keys: vec![(Key::Total, Order::Desc)],
            within_group: false,
            awards: Vec::new(),
            outcomes: Vec::new(),
            tiers: Vec::new(),
            payouts: Vec::new(),
            kind_uses: Vec::new(),
        };
        // The year first: month-days of the window are days of it.
        for d in &policy.decls {
            if let Decl::Header(h) = &d.node {
                for s in &h.stmts {
                    if let HeaderStmt::Year(n) = &s.node {
                        m.year = m.whole(n) as i32;
                    }
                }
            }
        }
        m.window = ((m.year, 1, 1), (m.year, 12, 31));
        for d in &policy.decls {
            m.declaration(&d.node);
        }
        // `不含 KIND` once every kind is known (declarations come in any order).
        let excluded_kinds: Vec<&'a str> = m
            .awards
            .iter()
            .flat_map(|a| a.exclusions.iter())
            .filter_map(|e| match e {
                Exclusion::Name(n) if m.is_kind(&n.text) => Some(n.text.as_str()),
                _ => None,
            })
            .collect();
        for kind in excluded_kinds {
            m.kind_uses.push((kind, &[]));
        }
        m
    }

    fn declaration(&mut self, decl: &'a Decl) {
        match decl {
            Decl::Header(h) => {
                for s in &h.stmts {
                    match &s.node {
                        HeaderStmt::Window { from, to } => {
                            let day = |d: &kaohe::ast::DateLit| {
                                (d.year.unwrap_or(self.year), d.month, d.day)
                            };
                            self.window = (day(from), day(to));
                        }
                        HeaderStmt::SkipCreditedIn(n) => {
                            let y = self.whole(n);
                            self.skip_years.push(y);
                        }
                        _ => {}
                    }
                }
            }
            Decl::Units(groups) => {
                for g in groups {
                    self.groups.push(Group {
                        name: g.node.name.text.clone(),
                        open: g.node.open.is_some(),
                        members: g
                            .node
                            .members
                            .iter()
                            .map(|u| u.node.name.text.clone())
                            .collect(),
                    });
                }
            }
            Decl::Score(tree) => {
                let full = tree.full.as_ref().map(|f| self.num(f));
                for item in &tree.items {
                    self.item(&item.node, true, full.clone());
                }
            }
            Decl::Kind(k) => self.kinds.push(KindDef {
                name: k.name.text.clone(),
                status: k.status.is_some(),
                attrs: k
                    .attrs
                    .iter()
                    .map(|a| AttrDef {
                        name: a.node.name.text.clone(),
                        values: match &a.node.domain {
                            Domain::Values(vs) => Some(vs.iter().map(|v| v.text.clone()).collect()),
                            Domain::Items(_) => None,
                        },
                    })
                    .collect(),
            }),
            Decl::Adjust(section) => {
                let mut def = SectionDef {
                    direction: section.direction,
                    cap: None,
                    dedup: None,
                    rules: Vec::new(),
                };
                let section_scopes: Vec<&UnitScope> = section
                    .entries
                    .iter()
                    .filter_map(|e| match &e.node {
                        SectionEntry::Scope(s) => Some(s),
                        _ => None,
                    })
                    .collect();
                for e in &section.entries {
                    match &e.node {
                        SectionEntry::Cap(n) => def.cap = Some(self.num(n)),
                        SectionEntry::Scope(_) => {}
                        SectionEntry::Dedup(DedupKey::Id(_)) => def.dedup = Some(None),
                        SectionEntry::Dedup(DedupKey::Attr(a)) => {
                            def.dedup = Some(Some(a.text.clone()));
                        }
                        SectionEntry::Rule(r) => {
                            let worth = match &r.amount {
                                Amount::Fixed(n) => Worth::Fixed(self.num(n)),
                                Amount::Range(lo, hi) => Worth::Range(self.num(lo), self.num(hi)),
                                Amount::UpTo(hi) => Worth::Range(int(0), self.num(hi)),
                                Amount::Half(_) => Worth::Factor(Q::new(1.into(), 2.into())),
                                Amount::Times(f) => Worth::Factor(self.num(f)),
                            };
                            def.rules.push(self.rules.len());
                            self.rules.push(RuleDef {
                                kind: &r.kind.text,
                                tests: &r.conditions,
                                scopes: section_scopes.iter().copied().chain(&r.scopes).collect(),
                                worth,
                                cap: r.cap.as_ref().map(|c| self.num(c)),
                                direction: section.direction,
                            });
                        }
                    }
                }
                self.sections.push(def);
            }
            Decl::Veto(v) => {
                if let Veto::When(c) = v {
                    self.uses_in(c);
                }
                self.vetoes.push(v);
            }
            Decl::Finding(f) => self.findings.push(f),
            Decl::Ranking(r) => {
                self.keys = r
                    .keys
                    .iter()
                    .map(|k| {
                        let key = match &k.target {
                            KeyTarget::Total => Key::Total,
                            KeyTarget::Item(n) => Key::Item(n.text.clone()),
                        };
                        (key, k.order)
                    })
                    .collect();
                self.within_group = r.within_group.is_some();
            }
            Decl::Award(a) => self.award(a),
            Decl::Outcome(o) => {
                self.uses_in(&o.when);
                self.outcomes.push((o.name.text.clone(), &o.when));
            }
            Decl::Grades(tiers) => {
                for t in tiers {
                    if let Some(c) = &t.node.when {
                        self.uses_in(c);
                    }
                    self.tiers.push(&t.node);
                }
            }
            Decl::Schedule(_) | Decl::Example(_) => {}
            Decl::Payouts(lines) => {
                for l in lines {
                    let x = &l.node;
                    self.payouts.push(PayoutDef {
                        target: x.target.text.clone(),
                        amount: x.amount.text.clone(),
                        measure: x.measure.as_ref().map(|n| n.text.clone()),
                        value: self.num(&x.value),
                        scopes: x.scopes.iter().collect(),
                    });
                }
            }
        }
    }

    /// An item; a weight (`80%`, read from its own text) is that share of
    /// `whole`, the parent's maximum or 满分.
    fn item(&mut self, item: &Item, top: bool, whole: Option<Q>) -> usize {
        let at = self.items.len();
        let max = match &item.weight {
            Some(w) => whole.expect("a weight has a whole") * self.num(w) / int(100),
            None => self.num(&item.max),
        };
        self.items.push(ItemDef {
            name: item.name.text.clone(),
            max: max.clone(),
            scale: item.scale.as_ref().map(|s| self.num(s)),
            children: Vec::new(),
            top,
        });
        let children: Vec<usize> = item
            .children
            .iter()
            .map(|c| self.item(&c.node, false, Some(max.clone())))
            .collect();
        self.items[at].children = children;
        at
    }

    fn award(&mut self, a: &'a Award) {
        let mut def = AwardDef {
            name: a.name.text.clone(),
            exclusions: Vec::new(),
            quota: None,
            group_quotas: Vec::new(),
        };
        for c in &a.clauses {
            match &c.node {
                AwardClause::Exclude(e) => def.exclusions.push(e),
                AwardClause::Quota(Quota::Count(n)) => def.quota = Some(Places::Count(self.num(n))),
                AwardClause::Quota(Quota::Percent(n)) => {
                    def.quota = Some(Places::Percent(self.num(n)));
                }
                AwardClause::GroupQuota { group, quota } => {
                    let places = match quota {
                        Quota::Count(n) => Places::Count(self.num(n)),
                        Quota::Percent(n) => Places::Percent(self.num(n)),
                    };
                    def.group_quotas.push((group.text.clone(), places));
                }
                AwardClause::Allow(_) => {}
            }
        }
        self.awards.push(def);
    }

    /// Records the `有 KIND` and `数量(KIND)` atoms of a condition.
    fn uses_in(&mut self, c: &'a Cond) {
        match &c.node {
            CondNode::Or(list) | CondNode::And(list) => list.iter().for_each(|x| self.uses_in(x)),
            CondNode::Not(x) => self.uses_in(x),
            CondNode::HasKind { kind, conditions }
            | CondNode::Count {
                kind, conditions, ..
            } => {
                self.kind_uses.push((&kind.text, conditions));
            }
            _ => {}
        }
    }

    /// A literal's exact value, read from the policy's text at its span
    /// (`30%` without its sign).
    pub fn num(&self, n: &Num) -> Q {
        let text = self.source.get(n.span.start..n.span.end).unwrap_or("");
        let text = text.trim_end_matches(['%', '％']).trim();
        parse(text).unwrap_or_else(|| panic!("the literal {text:?} is no decimal"))
    }

    fn whole(&self, n: &Num) -> i64 {
        let q = self.num(n);
        assert!(q.is_integer(), "{q} is not whole");
        q.to_integer().to_string().parse().unwrap()
    }

    pub fn is_kind(&self, name: &str) -> bool {
        self.kinds.iter().any(|k| k.name == name)
    }

    pub fn kind(&self, name: &str) -> &KindDef {
        self.kinds.iter().find(|k| k.name == name).unwrap()
    }

    /// The position of the award `name` (which kaohe's checker resolved).
    pub fn award_at(&self, name: &str) -> usize {
        self.awards.iter().position(|a| a.name == name).unwrap()
    }

    pub fn item_index(&self, name: &str) -> Option<usize> {
        self.items.iter().position(|i| i.name == name)
    }

    /// The leaves of an item (itself for a leaf), in declaration order.
    pub fn leaves_of(&self, item: usize) -> Vec<usize> {
        let def = &self.items[item];
        if def.children.is_empty() {
            vec![item]
        } else {
            def.children
                .iter()
                .flat_map(|c| self.leaves_of(*c))
                .collect()
        }
    }

    /// Every leaf, in declaration order.
    pub fn leaves(&self) -> Vec<usize> {
        (0..self.items.len())
            .filter(|i| self.items[*i].children.is_empty())
            .collect()
    }

    /// Whether rule `r` applies to the unit `name` of group `group`: every
    /// `仅` names it or its group, no `不含` does.
    pub fn applies(&self, r: usize, name: &str, group: &str) -> bool {
        self.rules[r].scopes.iter().all(|s| {
            let named = s.names.iter().any(|n| n.text == name || n.text == group);
            named == s.only
        })
    }

    /// Whether `scopes` (`仅`/`不含`) take in the unit `name` of group `group`.
    pub fn in_scopes(scopes: &[&UnitScope], name: &str, group: &str) -> bool {
        scopes.iter().all(|s| {
            let named = s.names.iter().any(|n| n.text == name || n.text == group);
            named == s.only
        })
    }

    /// The group of a listed unit.
    pub fn group_listing(&self, unit: &str) -> Option<&Group> {
        self.groups
            .iter()
            .find(|g| g.members.iter().any(|m| m == unit))
    }
}

/// Whether an event with these attribute values passes an attribute test
/// (`是 V`, `属于 V | W`, `不属于 V | W`).
pub fn passes(test: &Condition, value: Option<&str>) -> bool {
    let Some(v) = value else { return false };
    match &test.test {
        Test::Is(x) => x.text == v,
        Test::In(xs) => xs.iter().any(|x| x.text == v),
        Test::NotIn(xs) => xs.iter().all(|x| x.text != v),
    }
}
