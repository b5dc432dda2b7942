//! `兑现`: an amount between 0 and 10¹² with at most two decimals, shares
//! with at most two decimals that together are at most 100% (KH302, KH301).
//! The bounds keep every total exact: a line's total over even 10¹⁰ units
//! needs fewer digits than kaohe keeps.

use rust_decimal::Decimal;

use crate::ast::{Decl, Num, Policy};
use crate::diag::{Diag, Message};

/// The largest amount a `兑现` line may give one unit.
const MOST: i64 = 1_000_000_000_000;

pub fn check(policy: &Policy) -> Vec<Diag> {
    let mut out = Vec::new();
    for decl in &policy.decls {
        let Decl::Payouts(lines) = &decl.node else {
            continue;
        };
        for line in lines {
            let x = &line.node;
            if !fits(&x.value, Decimal::from(MOST)) {
                out.push(number(&x.value, false));
            }
            let mut sum = Decimal::ZERO;
            for s in &x.shares {
                if !fits(&s.percent, Decimal::ONE_HUNDRED) {
                    out.push(number(&s.percent, true));
                }
                sum = sum.saturating_add(s.percent.value);
            }
            if sum > Decimal::ONE_HUNDRED
                && let (Some(first), Some(last)) = (x.shares.first(), x.shares.last())
            {
                let span = crate::source::Span::new(first.to.span.start, last.percent.span.end);
                let m = Message::SharesOver {
                    target: x.target.text.clone(),
                    sum: sum.normalize(),
                };
                out.push(Diag::new(m, span));
            }
        }
    }
    out
}

/// In [0, most], at most two decimals.
fn fits(n: &Num, most: Decimal) -> bool {
    n.value >= Decimal::ZERO && n.value <= most && n.value.normalize().scale() <= 2
}

fn number(n: &Num, share: bool) -> Diag {
    let m = Message::PayoutNumber {
        value: n.value,
        share,
    };
    Diag::new(m, n.span)
}
