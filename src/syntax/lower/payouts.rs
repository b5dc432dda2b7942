//! `兑现 { 优秀 => 奖金 10000 元, 其中 主要负责人 20% 仅 旗县区 }`.

use super::decls::empty_name;
use super::{Lower, P, significant};
use crate::ast::{Num, Payout, Share, Stmt};
use crate::syntax::grammar::Rule;

impl Lower {
    pub(super) fn payouts(&mut self, parts: Vec<P<'_>>) -> Vec<Stmt<Payout>> {
        let block = parts
            .into_iter()
            .find(|p| p.as_rule() == Rule::payout_block);
        match block {
            Some(b) => self.block(b, |lw, _, parts, _| Some(lw.payout(parts))),
            None => Vec::new(),
        }
    }

    fn payout(&mut self, parts: Vec<P<'_>>) -> Payout {
        let mut target = None;
        let mut amount = None;
        let mut value = None;
        let mut measure = None;
        let mut shares = Vec::new();
        let mut scopes = Vec::new();
        for p in parts {
            match p.as_rule() {
                Rule::name => target = Some(self.name(p)),
                Rule::payout_amount => {
                    for c in significant(p) {
                        match c.as_rule() {
                            Rule::name if amount.is_none() => amount = Some(self.name(c)),
                            Rule::name => measure = Some(self.name(c)),
                            Rule::number => value = Some(self.num(c)),
                            _ => {}
                        }
                    }
                }
                Rule::payout_share => {
                    let mut to = None;
                    let mut percent = None;
                    for c in significant(p) {
                        match c.as_rule() {
                            Rule::name => to = Some(self.name(c)),
                            Rule::percent => percent = Some(self.percent(c)),
                            _ => {}
                        }
                    }
                    shares.push(Share {
                        to: to.unwrap_or_else(empty_name),
                        percent: percent.unwrap_or_else(zero),
                    });
                }
                Rule::unit_scope => scopes.push(self.unit_scope(p)),
                _ => {}
            }
        }
        Payout {
            target: target.unwrap_or_else(empty_name),
            amount: amount.unwrap_or_else(empty_name),
            value: value.unwrap_or_else(zero),
            measure,
            shares,
            scopes,
        }
    }
}

fn zero() -> Num {
    Num {
        value: rust_decimal::Decimal::ZERO,
        span: Default::default(),
    }
}
