//! Attribute tests and outcome conditions → IR, registering the event-count
//! facts and item contributions they read.

use rust_decimal::Decimal;

use super::Compiler;
use crate::ast::{CmpOp, Cond, CondNode, Condition, Operand, Test};
use crate::diag::Sort;
use crate::ir::{
    Atom, AttrDomain, AttrTest, AwardId, CondIr, FactId, FactIr, ItemId, KindId, OperandIr, TierId,
    ValueSet,
};

impl Compiler<'_, '_> {
    /// The kind id of a kind name.
    pub(super) fn kind_id(&self, name: &str) -> KindId {
        KindId::from_index(self.index(name, Sort::Kind))
    }

    /// Attribute tests of `kind`, each as the set of admitted values.
    pub(super) fn tests(&self, kind: KindId, conditions: &[Condition]) -> Vec<AttrTest> {
        let k = &self.p[kind];
        conditions
            .iter()
            .filter_map(|c| {
                let attr = k.attr_index(&c.attr.text)?;
                let attr_ir = k.attrs.get(attr)?;
                let domain = &attr_ir.domain;
                let value = |name: &str| -> Option<u32> {
                    match domain {
                        AttrDomain::Values(_) => attr_ir.position_of(name),
                        AttrDomain::Items => self.syms.index_of(name, Sort::Item).map(|i| i as u32),
                    }
                };
                let size = match domain {
                    AttrDomain::Values(vs) => vs.len() as u32,
                    AttrDomain::Items => self.p.items.len() as u32,
                };
                let allowed = match &c.test {
                    Test::Is(v) => ValueSet::from_values(value(&v.text)),
                    Test::In(vs) => ValueSet::from_values(vs.iter().filter_map(|v| value(&v.text))),
                    Test::NotIn(vs) => {
                        ValueSet::from_values(vs.iter().filter_map(|v| value(&v.text)))
                            .complement(size)
                    }
                };
                Some(AttrTest { attr, allowed })
            })
            .collect()
    }

    /// The fact counting counted events of `kind` that pass `tests` (shared when equal).
    pub(super) fn fact(&mut self, kind: KindId, tests: Vec<AttrTest>) -> FactId {
        if let Some(i) = self
            .p
            .facts
            .iter()
            .position(|f| f.kind == kind && f.tests == tests)
        {
            return FactId::from_index(i);
        }
        let id = FactId::from_index(self.p.facts.len());
        self.p.facts.push(FactIr { kind, tests });
        if let Some(k) = self.p.kinds.get_mut(kind.index()) {
            k.facts.push(id);
        }
        id
    }

    /// The tracked slot of an item (added on first use).
    pub(super) fn track(&mut self, name: &str) -> usize {
        let item = ItemId::from_index(self.index(name, Sort::Item));
        match self.p.tracked_slot(item) {
            Some(slot) => slot,
            None => {
                self.p.tracked_items.push(item);
                self.p.tracked_items.len() - 1
            }
        }
    }

    /// The policy's text at `span`, spaces collapsed.
    fn source_text(&self, span: crate::source::Span) -> String {
        let text = self.source.get(span.start..span.end).unwrap_or("");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub(super) fn cond(&mut self, cond: &Cond) -> CondIr {
        match &cond.node {
            CondNode::Or(list) => CondIr::Or(list.iter().map(|c| self.cond(c)).collect()),
            CondNode::And(list) => CondIr::And(list.iter().map(|c| self.cond(c)).collect()),
            CondNode::Not(inner) => CondIr::Not(Box::new(self.cond(inner))),
            CondNode::Compare { operand, op, value } => CondIr::Compare {
                operand: match operand {
                    Operand::Total => OperandIr::Total,
                    Operand::Rank => OperandIr::Rank,
                    Operand::Bonus => OperandIr::Bonus,
                    Operand::Deduct => OperandIr::Deduct,
                    Operand::Item(name) => OperandIr::Item(self.track(&name.text)),
                },
                op: *op,
                value: value.value,
                atom: Atom {
                    text: self.source_text(*cond.span),
                    span: *cond.span,
                },
            },
            CondNode::Bottom(b) => CondIr::Bottom(u32::try_from(b.n.value).unwrap_or(0)),
            CondNode::Vetoed => CondIr::Vetoed,
            CondNode::HasAdjust(d) => CondIr::HasAdjust(*d),
            CondNode::HasKind { kind, conditions } => {
                let k = self.kind_id(&kind.text);
                let tests = self.tests(k, conditions);
                CondIr::Fact {
                    fact: self.fact(k, tests),
                    op: CmpOp::Ge,
                    value: Decimal::ONE,
                }
            }
            CondNode::Count {
                kind,
                conditions,
                op,
                value,
            } => {
                let k = self.kind_id(&kind.text);
                let tests = self.tests(k, conditions);
                CondIr::Fact {
                    fact: self.fact(k, tests),
                    op: *op,
                    value: value.value,
                }
            }
            CondNode::InGroup(g) => CondIr::InGroup(crate::ir::GroupId::from_index(
                self.index(&g.text, Sort::Group),
            )),
            CondNode::Grade(test) => {
                let tier =
                    |n: &crate::ast::Name| TierId::from_index(self.index(&n.text, Sort::Tier));
                match test {
                    Test::Is(n) => CondIr::Grade(vec![tier(n)]),
                    Test::In(ns) => CondIr::Grade(ns.iter().map(tier).collect()),
                    Test::NotIn(ns) => {
                        CondIr::Not(Box::new(CondIr::Grade(ns.iter().map(tier).collect())))
                    }
                }
            }
            CondNode::Awarded(a) => {
                CondIr::Awarded(AwardId::from_index(self.index(&a.text, Sort::Award)))
            }
        }
    }
}
