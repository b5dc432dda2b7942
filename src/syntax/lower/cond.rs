//! Rule conditions (`ATTR 是 V`) and outcome conditions (§7.19).

use super::{Lower, P, significant};
use crate::ast::{CmpOp, Cond, CondNode, Condition, Direction, Loc, Operand, Test};
use crate::syntax::grammar::Rule;

impl Lower {
    /// A `conditions` pair.
    pub(super) fn conditions(&mut self, p: P<'_>) -> Vec<Condition> {
        significant(p)
            .filter(|c| c.as_rule() == Rule::condition)
            .filter_map(|c| self.condition(c))
            .collect()
    }

    fn condition(&mut self, p: P<'_>) -> Option<Condition> {
        let span = self.span(&p);
        let mut parts = significant(p);
        let attr = self.name(parts.next()?);
        let test = self.test(parts.next()?);
        Some(Condition { attr, test, span })
    }

    /// `是 V`, `属于 V | W` or `不属于 …`.
    fn test(&mut self, p: P<'_>) -> Test {
        let rule = p.as_rule();
        let operand = significant(p).nth(1);
        match (rule, operand) {
            (Rule::is_test, Some(v)) => Test::Is(self.name(v)),
            (Rule::in_test, Some(v)) => Test::In(self.value_list(v)),
            (_, Some(v)) => Test::NotIn(self.value_list(v)),
            (_, None) => Test::In(Vec::new()),
        }
    }

    pub(super) fn cond_expr(&mut self, p: P<'_>) -> Cond {
        let span = self.span(&p);
        let rule = p.as_rule();
        let mut children: Vec<Cond> = Vec::new();
        let mut negate = false;
        for c in significant(p) {
            match c.as_rule() {
                Rule::kw_or | Rule::kw_and => {}
                Rule::kw_not => negate = true,
                _ => children.push(self.cond_part(c)),
            }
        }
        let node = match (rule, children.len()) {
            (Rule::cond_unary, _) if negate => {
                CondNode::Not(Box::new(children.pop().unwrap_or_else(|| vetoed(span))))
            }
            (_, 1) => return children.pop().unwrap_or_else(|| vetoed(span)),
            (Rule::cond_expr, _) => CondNode::Or(children),
            _ => CondNode::And(children),
        };
        Cond { node, span }
    }

    fn cond_part(&mut self, p: P<'_>) -> Cond {
        let span = self.span(&p);
        let node = match p.as_rule() {
            Rule::cond_expr | Rule::cond_and | Rule::cond_unary => return self.cond_expr(p),
            Rule::paren_cond => match significant(p).next() {
                Some(inner) => return self.cond_expr(inner),
                None => CondNode::Vetoed,
            },
            Rule::bottom_n => CondNode::Bottom(self.bottom_n(p)),
            Rule::vetoed_atom => CondNode::Vetoed,
            Rule::has_atom => self.has_atom(p),
            Rule::count_atom => self.count_atom(p),
            Rule::member_atom => match significant(p).find(|c| c.as_rule() == Rule::name) {
                Some(n) => CondNode::InGroup(self.name(n)),
                None => CondNode::Vetoed,
            },
            Rule::award_atom => match significant(p).find(|c| c.as_rule() == Rule::name) {
                Some(n) => CondNode::Awarded(self.name(n)),
                None => CondNode::Vetoed,
            },
            Rule::grade_atom => match significant(p).find(|c| c.as_rule() != Rule::kw_grades) {
                Some(t) => CondNode::Grade(self.test(t)),
                None => CondNode::Vetoed,
            },
            _ => self.comparison(p),
        };
        Cond { node, span }
    }

    fn has_atom(&mut self, p: P<'_>) -> CondNode {
        let mut kind = None;
        let mut conditions = Vec::new();
        for c in significant(p) {
            match c.as_rule() {
                Rule::kw_bonus => return CondNode::HasAdjust(Direction::Bonus),
                Rule::kw_deduct => return CondNode::HasAdjust(Direction::Deduct),
                Rule::name => kind = Some(self.name(c)),
                Rule::conditions => conditions = self.conditions(c),
                _ => {}
            }
        }
        CondNode::HasKind {
            kind: kind.unwrap_or_else(super::decls::empty_name),
            conditions,
        }
    }

    fn count_atom(&mut self, p: P<'_>) -> CondNode {
        let mut kind = None;
        let mut conditions = Vec::new();
        let mut op = CmpOp::Ge;
        let mut value = None;
        for c in significant(p) {
            match c.as_rule() {
                Rule::name => kind = Some(self.name(c)),
                Rule::conditions => conditions = self.conditions(c),
                Rule::cmp_op => op = cmp_op(c.as_str()),
                Rule::number => value = Some(self.num(c)),
                _ => {}
            }
        }
        CondNode::Count {
            kind: kind.unwrap_or_else(super::decls::empty_name),
            conditions,
            op,
            value: value.unwrap_or_else(|| zero_num(self)),
        }
    }

    fn comparison(&mut self, p: P<'_>) -> CondNode {
        let mut operand = Operand::Total;
        let mut op = CmpOp::Eq;
        let mut value = None;
        for c in significant(p) {
            match c.as_rule() {
                Rule::operand => operand = self.operand(c),
                Rule::cmp_op => op = cmp_op(c.as_str()),
                Rule::number => value = Some(self.num(c)),
                _ => {}
            }
        }
        CondNode::Compare {
            operand,
            op,
            value: value.unwrap_or_else(|| zero_num(self)),
        }
    }

    fn operand(&mut self, p: P<'_>) -> Operand {
        match significant(p).next() {
            Some(c) => match c.as_rule() {
                Rule::kw_total => Operand::Total,
                Rule::kw_rank => Operand::Rank,
                Rule::kw_bonus => Operand::Bonus,
                Rule::kw_deduct => Operand::Deduct,
                _ => Operand::Item(self.name(c)),
            },
            None => Operand::Total,
        }
    }
}

fn cmp_op(text: &str) -> CmpOp {
    match text {
        ">=" | "＞＝" | "≥" => CmpOp::Ge,
        "<=" | "＜＝" | "≤" => CmpOp::Le,
        "!=" | "≠" => CmpOp::Ne,
        ">" | "＞" => CmpOp::Gt,
        "<" | "＜" => CmpOp::Lt,
        _ => CmpOp::Eq,
    }
}

fn vetoed(span: Loc) -> Cond {
    Cond {
        node: CondNode::Vetoed,
        span,
    }
}

fn zero_num(_: &Lower) -> crate::ast::Num {
    crate::ast::Num {
        value: rust_decimal::Decimal::ZERO,
        span: Loc::default(),
    }
}
