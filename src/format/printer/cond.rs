//! Attribute tests of rules (`层级 属于 国家 | 省 且 对象 是 集体`) and outcome
//! conditions (§7.19), with parentheses exactly where the AST needs them.

use super::Printer;
use crate::ast::{Cond, CondNode, Condition, Direction, Operand, Test};
use crate::format::words::Words;
use crate::i18n::keywords::Kw;

impl Printer<'_> {
    /// Attribute tests joined by `且` (the docs' clearest of the three ways).
    pub(super) fn conditions(&self, w: &mut Words, conditions: &[Condition]) {
        for (i, c) in conditions.iter().enumerate() {
            if i > 0 {
                w.kw(Kw::And);
            }
            w.name(&c.attr);
            match &c.test {
                Test::Is(v) => w.kw(Kw::Is).name(v),
                Test::In(vs) => w.kw(Kw::In).push(self.value_list(vs)),
                Test::NotIn(vs) => w.kw(Kw::NotIn).push(self.value_list(vs)),
            };
        }
    }

    /// An outcome condition. `非` binds tighter than `且`, `且` than `或`; a
    /// nested `或` or `且` of the same kind is parenthesised too, so that
    /// the parse gives back the same tree.
    pub(super) fn cond(&self, w: &mut Words, c: &Cond) {
        match &c.node {
            CondNode::Or(cs) => {
                for (i, x) in cs.iter().enumerate() {
                    if i > 0 {
                        w.kw(Kw::Or);
                    }
                    self.operand_cond(w, x, matches!(x.node, CondNode::Or(_)));
                }
            }
            CondNode::And(cs) => {
                for (i, x) in cs.iter().enumerate() {
                    if i > 0 {
                        w.kw(Kw::And);
                    }
                    self.operand_cond(w, x, is_binary(x));
                }
            }
            CondNode::Not(x) => {
                w.kw(Kw::Not);
                self.operand_cond(w, x, is_binary(x));
            }
            CondNode::Compare { operand, op, value } => {
                match operand {
                    Operand::Total => w.kw(Kw::Total),
                    Operand::Rank => w.kw(Kw::Rank),
                    Operand::Bonus => w.kw(Kw::Bonus),
                    Operand::Deduct => w.kw(Kw::Deduct),
                    Operand::Item(n) => w.name(n),
                };
                w.push(op.ascii()).num(value);
            }
            CondNode::Bottom(b) => {
                w.kw(Kw::Bottom).num(&b.n).kw(Kw::Ming);
            }
            CondNode::Vetoed => {
                w.kw(Kw::Vetoed);
            }
            CondNode::Grade(test) => {
                w.kw(Kw::Grades);
                match test {
                    Test::Is(v) => w.kw(Kw::Is).name(v),
                    Test::In(vs) => w.kw(Kw::In).push(self.value_list(vs)),
                    Test::NotIn(vs) => w.kw(Kw::NotIn).push(self.value_list(vs)),
                };
            }
            CondNode::Awarded(a) => {
                w.kw(Kw::Awarded).name(a);
            }
            CondNode::HasAdjust(dir) => {
                w.kw(Kw::Has).kw(match dir {
                    Direction::Bonus => Kw::Bonus,
                    Direction::Deduct => Kw::Deduct,
                });
            }
            CondNode::HasKind { kind, conditions } => {
                w.kw(Kw::Has).name(kind);
                self.conditions(w, conditions);
            }
            CondNode::Count {
                kind,
                conditions,
                op,
                value,
            } => {
                let mut inner = self.words();
                inner.name(kind);
                self.conditions(&mut inner, conditions);
                let count = Kw::Count.spelling(self.lang);
                w.push(format!("{count}({})", inner.line()));
                w.push(op.ascii()).num(value);
            }
            CondNode::InGroup(g) => {
                w.kw(Kw::In).name(g);
            }
        }
    }

    fn operand_cond(&self, w: &mut Words, c: &Cond, parens: bool) {
        if parens {
            let mut inner = self.words();
            self.cond(&mut inner, c);
            w.push(format!("({})", inner.line()));
        } else {
            self.cond(w, c);
        }
    }
}

fn is_binary(c: &Cond) -> bool {
    matches!(c.node, CondNode::Or(_) | CondNode::And(_))
}
