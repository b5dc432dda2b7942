//! The reference pass: every name used in a rule, condition, exclusion, key,
//! schedule or example must name a declaration of the right sort.

use rustc_hash::FxHashMap;

use super::{Resolver, Target};
use crate::ast::{
    AwardClause, Cond, CondNode, Condition, Decl, DedupKey, Domain, Example, ExampleStmt,
    Exclusion, Expect, FieldKey, FieldValue, Finding, FindingAction, KeyTarget, Name, Operand,
    Policy, SectionEntry, Stmt, Test, UnitScope, Veto,
};
use crate::diag::{Diag, Message, Sort};

/// Where a condition is used: a veto may not look at ranks (§7.14).
#[derive(Clone, Copy, PartialEq, Eq)]
enum CondUse {
    Veto,
    Other,
}

impl<'a> Resolver<'a> {
    pub(super) fn check_references(&mut self, policy: &'a Policy) {
        for decl in &policy.decls {
            match &decl.node {
                Decl::Adjust(section) => {
                    for entry in &section.entries {
                        match &entry.node {
                            SectionEntry::Rule(rule) => {
                                self.kind_conditions(&rule.kind, &rule.conditions);
                                for scope in &rule.scopes {
                                    self.unit_scope(scope);
                                }
                            }
                            SectionEntry::Scope(scope) => self.unit_scope(scope),
                            SectionEntry::Dedup(DedupKey::Attr(attr)) => {
                                self.dedup_attr(attr, &section.entries);
                            }
                            SectionEntry::Cap(_) | SectionEntry::Dedup(DedupKey::Id(_)) => {}
                        }
                    }
                }
                Decl::Veto(Veto::Event { kind, conditions }) => {
                    self.kind_conditions(kind, conditions);
                }
                Decl::Veto(Veto::When(cond)) => self.cond(cond, CondUse::Veto),
                Decl::Finding(f) => self.finding(f),
                Decl::Ranking(r) => {
                    for key in &r.keys {
                        if let KeyTarget::Item(name) = &key.target {
                            self.lookup(name, &[Sort::Item]);
                        }
                    }
                }
                Decl::Award(a) => {
                    for clause in &a.clauses {
                        match &clause.node {
                            AwardClause::Exclude(Exclusion::Name(name)) => {
                                let sorts = [
                                    Sort::Unit,
                                    Sort::Group,
                                    Sort::Kind,
                                    Sort::Outcome,
                                    Sort::Tier,
                                    Sort::Award,
                                ];
                                self.lookup(name, &sorts);
                            }
                            AwardClause::Allow(name) => {
                                self.lookup(name, &[Sort::Outcome]);
                            }
                            AwardClause::GroupQuota { group, .. } => {
                                self.lookup(group, &[Sort::Group]);
                            }
                            _ => {}
                        }
                    }
                }
                Decl::Outcome(o) => self.cond(&o.when, CondUse::Other),
                Decl::Grades(tiers) => {
                    for t in tiers {
                        if let Some(c) = &t.node.when {
                            self.cond(c, CondUse::Other);
                        }
                    }
                }
                Decl::Payouts(lines) => {
                    for line in lines {
                        let sorts = [Sort::Outcome, Sort::Tier, Sort::Award];
                        self.lookup(&line.node.target, &sorts);
                        for scope in &line.node.scopes {
                            self.unit_scope(scope);
                        }
                    }
                }
                Decl::Schedule(steps) => {
                    for s in steps {
                        for prior in &s.node.after {
                            self.lookup(prior, &[Sort::Step]);
                        }
                    }
                }
                Decl::Example(e) => self.example(e),
                _ => {}
            }
        }
    }

    /// `同一 ATTR 只计 最高`: an attribute of one of the section's kinds.
    fn dedup_attr(&mut self, attr: &Name, entries: &[Stmt<SectionEntry>]) {
        let mut names: Vec<&str> = Vec::new();
        for e in entries {
            if let SectionEntry::Rule(rule) = &e.node
                && let Some(k) = self.syms.index_of(&rule.kind.text, Sort::Kind)
            {
                names.extend(self.attrs_of(k).iter().map(|(n, _)| *n));
            }
        }
        let declared = entries.iter().find_map(|e| match &e.node {
            SectionEntry::Rule(rule) => {
                let k = self.syms.index_of(&rule.kind.text, Sort::Kind)?;
                let a = self.attrs_of(k).iter().position(|(n, _)| *n == attr.text)?;
                Some(Target::Attr { kind: k, attr: a })
            }
            _ => None,
        });
        if let Some(target) = declared {
            self.used(attr, target);
        }
        if !names.contains(&attr.text.as_str()) {
            names.sort_unstable();
            names.dedup();
            self.lookup_in(attr, Sort::Attr, &names);
        }
    }

    /// `仅 …` / `不含 …`: each name a group or a unit.
    fn unit_scope(&mut self, scope: &UnitScope) {
        for name in &scope.names {
            self.lookup(name, &[Sort::Group, Sort::Unit]);
        }
    }

    /// Resolves a kind and its attribute tests; returns the kind's index.
    fn kind_conditions(&mut self, kind: &Name, conditions: &[Condition]) -> Option<usize> {
        let k = self.lookup(kind, &[Sort::Kind])?.index;
        for c in conditions {
            let values: Vec<&Name> = match &c.test {
                Test::Is(v) => vec![v],
                Test::In(vs) | Test::NotIn(vs) => vs.iter().collect(),
            };
            for v in values {
                self.attr_value(k, &c.attr, v);
            }
        }
        Some(k)
    }

    /// Checks that `attr` is an attribute of kind `k` and `value` one of its values.
    fn attr_value(&mut self, k: usize, attr: &Name, value: &Name) {
        let attrs = self.attrs_of(k);
        let Some((a, &(attr_name, domain))) =
            attrs.iter().enumerate().find(|(_, (n, _))| *n == attr.text)
        else {
            let names: Vec<&str> = attrs.iter().map(|(n, _)| *n).collect();
            self.lookup_in(attr, Sort::Attr, &names);
            return;
        };
        self.used(attr, Target::Attr { kind: k, attr: a });
        match domain {
            Domain::Values(values) => {
                let known = self.value_names.entry((k, attr_name)).or_insert_with(|| {
                    let mut first = FxHashMap::default();
                    for (i, v) in values.iter().enumerate() {
                        first.entry(v.text.as_str()).or_insert(i);
                    }
                    first
                });
                if let Some(&v) = known.get(value.text.as_str()) {
                    let target = Target::Value {
                        kind: k,
                        attr: a,
                        value: v,
                    };
                    self.used(value, target);
                    return;
                }
                let names: Vec<&str> = values.iter().map(|v| v.text.as_str()).collect();
                self.lookup_in(value, Sort::Value, &names);
            }
            Domain::Items(_) => {
                self.lookup(value, &[Sort::Item]);
            }
        }
    }

    /// The attributes of kind `k` as (name, domain), borrowed from the AST.
    fn attrs_of(&self, k: usize) -> Vec<(&'a str, &'a Domain)> {
        self.syms
            .kinds
            .get(k)
            .map(|kind| {
                kind.attrs
                    .iter()
                    .map(|a| {
                        let name: &'a Name = a.name;
                        (name.text.as_str(), a.domain)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn finding(&mut self, f: &Finding) {
        let kind = self.kind_conditions(&f.kind, &f.conditions);
        for action in &f.actions {
            match action {
                FindingAction::ZeroItem(span) => {
                    let Some(k) = kind.and_then(|k| self.syms.kinds.get(k)) else {
                        continue;
                    };
                    let count = k.attrs.iter().filter(|a| a.is_item_attr()).count();
                    if count != 1 {
                        let kind = k.name().to_string();
                        self.report(Diag::new(
                            Message::FindingNeedsItemAttr { kind, count },
                            *span,
                        ));
                    }
                }
                FindingAction::Revoke(award) => {
                    self.lookup(award, &[Sort::Award]);
                }
            }
        }
    }

    fn cond(&mut self, cond: &Cond, usage: CondUse) {
        match &cond.node {
            CondNode::Or(list) | CondNode::And(list) => {
                for c in list {
                    self.cond(c, usage);
                }
            }
            CondNode::Not(inner) => self.cond(inner, usage),
            CondNode::Compare { operand, .. } => match operand {
                Operand::Item(name) => {
                    self.lookup(name, &[Sort::Item]);
                }
                Operand::Rank if usage == CondUse::Veto => {
                    self.report(Diag::new(Message::VetoUsesRank, cond.span));
                }
                _ => {}
            },
            CondNode::Bottom(_) if usage == CondUse::Veto => {
                self.report(Diag::new(Message::VetoUsesRank, cond.span));
            }
            CondNode::HasKind { kind, conditions }
            | CondNode::Count {
                kind, conditions, ..
            } => {
                self.kind_conditions(kind, conditions);
            }
            CondNode::InGroup(group) => {
                self.lookup(group, &[Sort::Group]);
            }
            CondNode::Grade(_) | CondNode::Awarded(_) if usage == CondUse::Veto => {
                self.report(Diag::new(Message::VetoUsesRank, cond.span));
            }
            CondNode::Grade(Test::Is(tier)) => {
                self.lookup(tier, &[Sort::Tier]);
            }
            CondNode::Grade(Test::In(tiers) | Test::NotIn(tiers)) => {
                for tier in tiers {
                    self.lookup(tier, &[Sort::Tier]);
                }
            }
            CondNode::Awarded(award) => {
                self.lookup(award, &[Sort::Award]);
            }
            _ => {}
        }
    }

    fn example(&mut self, e: &Example) {
        for stmt in &e.stmts {
            match &stmt.node {
                ExampleStmt::Unit { name, group } => self.example_unit(name, group.as_ref()),
                ExampleStmt::Scores(entries) => {
                    for entry in entries {
                        let Some(sym) = self.lookup(&entry.item, &[Sort::Item]) else {
                            continue;
                        };
                        let leaf = self.syms.items.get(sym.index).is_some_and(|i| i.is_leaf());
                        if !leaf {
                            let item = entry.item.text.clone();
                            self.report(Diag::new(Message::ParentScore { item }, entry.item.span));
                        }
                    }
                }
                ExampleStmt::Event(ev) => {
                    let Some(k) = self.lookup(&ev.kind, &[Sort::Kind]).map(|s| s.index) else {
                        continue;
                    };
                    for field in &ev.fields {
                        if let (FieldKey::Attr(attr), FieldValue::Name(value)) =
                            (&field.key, &field.value)
                        {
                            self.attr_value(k, attr, value);
                        } else if let FieldKey::Attr(attr) = &field.key {
                            let names: Vec<&str> =
                                self.attrs_of(k).iter().map(|(n, _)| *n).collect();
                            if let Some(a) = self.lookup_in(attr, Sort::Attr, &names) {
                                self.used(attr, Target::Attr { kind: k, attr: a });
                            }
                        }
                    }
                }
                ExampleStmt::Expect(list) => {
                    for x in list {
                        match &x.node {
                            Expect::Grade(tier) => {
                                self.lookup(tier, &[Sort::Tier]);
                            }
                            Expect::Flag { name, .. } => {
                                self.lookup(name, &[Sort::Award, Sort::Outcome]);
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
    }

    /// An example's unit: a declared unit, or a new unit of an open group.
    fn example_unit(&mut self, name: &Name, group: Option<&Name>) {
        let open_group = group
            .and_then(|g| self.lookup(g, &[Sort::Group]))
            .and_then(|g| self.syms.groups.get(g.index))
            .is_some_and(|g| g.is_open());
        let declared = self.syms.index_of(&name.text, Sort::Unit).is_some();
        if !declared && open_group {
            return;
        }
        self.lookup(name, &[Sort::Unit]);
    }
}
