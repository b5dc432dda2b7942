//! KH302: ranges that start above their end, negative points, caps, factors,
//! scales, quotas and `末 N 名` that are not positive, scales whose division
//! does not terminate (§7.13).

use rust_decimal::Decimal;

use crate::ast::{
    Amount, AwardClause, Cond, CondNode, Decl, Exclusion, Item, Num, Policy, Quota, SectionEntry,
    Stmt,
};
use crate::diag::{Diag, Message, Positive};

pub fn check(policy: &Policy) -> Vec<Diag> {
    let mut c = Amounts { diags: Vec::new() };
    for decl in &policy.decls {
        match &decl.node {
            Decl::Score(tree) => {
                if let Some(full) = &tree.full {
                    c.positive(full, Positive::Full);
                }
                c.items(&tree.items);
            }
            Decl::Adjust(section) => c.section(&section.entries),
            Decl::Award(award) => c.award(&award.clauses),
            Decl::Outcome(o) => c.cond(&o.when),
            Decl::Veto(crate::ast::Veto::When(cond)) => c.cond(cond),
            Decl::Grades(tiers) => {
                for t in tiers {
                    if let Some(w) = &t.node.when {
                        c.cond(w);
                    }
                    if let Some(q) = &t.node.quota {
                        c.quota(q);
                    }
                }
            }
            _ => {}
        }
    }
    c.diags
}

struct Amounts {
    diags: Vec<Diag>,
}

impl Amounts {
    fn report(&mut self, message: Message, n: &Num) {
        self.diags.push(Diag::new(message, n.span));
    }

    fn positive(&mut self, n: &Num, what: Positive) {
        if n.value <= Decimal::ZERO {
            self.report(
                Message::NotPositive {
                    what,
                    value: n.value,
                },
                n,
            );
        }
    }

    fn non_negative(&mut self, n: &Num) {
        if n.value.is_sign_negative() && !n.value.is_zero() {
            self.report(Message::NegativeAmount { value: n.value }, n);
        }
    }

    fn items(&mut self, items: &[Stmt<Item>]) {
        for it in items {
            let item = &it.node;
            // A weight (`80%`) is judged as written; its maximum follows from it
            // (and is 0 only when the weight is, or there is no whole: KH301).
            self.positive(item.weight.as_ref().unwrap_or(&item.max), Positive::Max);
            if let Some(scale) = &item.scale {
                if !item.children.is_empty() {
                    let name = item.name.text.clone();
                    self.diags
                        .push(Diag::new(Message::ScaleOnParent { item: name }, scale.span));
                } else if scale.value <= Decimal::ZERO {
                    self.positive(scale, Positive::Scale);
                } else if !divides_exactly(item.max.value, scale.value) {
                    let message = Message::ScaleNotExact {
                        max: item.max.value,
                        scale: scale.value,
                    };
                    self.report(message, scale);
                }
            }
            self.items(&item.children);
        }
    }

    fn section(&mut self, entries: &[Stmt<SectionEntry>]) {
        for entry in entries {
            match &entry.node {
                SectionEntry::Cap(n) => self.positive(n, Positive::Cap),
                SectionEntry::Scope(_) | SectionEntry::Dedup(_) => {}
                SectionEntry::Rule(rule) => {
                    self.amount(&rule.amount);
                    if let Some(cap) = &rule.cap {
                        if matches!(rule.amount, Amount::Half(_) | Amount::Times(_)) {
                            self.report(Message::ModifierCap { cap: cap.value }, cap);
                        } else {
                            self.positive(cap, Positive::Cap);
                        }
                    }
                }
            }
        }
    }

    fn amount(&mut self, amount: &Amount) {
        match amount {
            Amount::Fixed(n) | Amount::UpTo(n) => self.non_negative(n),
            Amount::Range(low, high) => {
                self.non_negative(low);
                self.non_negative(high);
                if low.value > high.value {
                    self.diags.push(Diag::new(
                        Message::InvertedRange {
                            low: low.value,
                            high: high.value,
                        },
                        low.span.to(*high.span),
                    ));
                }
            }
            Amount::Times(f) => self.positive(f, Positive::Factor),
            Amount::Half(_) => {}
        }
    }

    fn award(&mut self, clauses: &[Stmt<AwardClause>]) {
        for clause in clauses {
            match &clause.node {
                AwardClause::Quota(q) | AwardClause::GroupQuota { quota: q, .. } => self.quota(q),
                AwardClause::Exclude(Exclusion::Bottom(b)) => self.positive(&b.n, Positive::Bottom),
                AwardClause::Exclude(_) | AwardClause::Allow(_) => {}
            }
        }
    }

    fn quota(&mut self, q: &Quota) {
        match q {
            Quota::Count(n) | Quota::Percent(n) => self.positive(n, Positive::Quota),
        }
    }

    fn cond(&mut self, cond: &Cond) {
        match &cond.node {
            CondNode::Or(list) | CondNode::And(list) => list.iter().for_each(|c| self.cond(c)),
            CondNode::Not(inner) => self.cond(inner),
            CondNode::Bottom(b) => self.positive(&b.n, Positive::Bottom),
            _ => {}
        }
    }
}

/// Whether `value × max / scale` is exact for every exact `value`: the reduced
/// denominator of `max / scale` has no prime factor other than 2 and 5.
pub fn divides_exactly(max: Decimal, scale: Decimal) -> bool {
    // Powers of ten only add factors 2 and 5, so only the mantissas' other
    // factors matter: those of the scale must divide the maximum's mantissa.
    let other = strip_2_and_5(scale.mantissa().unsigned_abs());
    other != 0 && max.mantissa().unsigned_abs().is_multiple_of(other)
}

fn strip_2_and_5(mut n: u128) -> u128 {
    if n == 0 {
        return 0;
    }
    while n.is_multiple_of(2) {
        n /= 2;
    }
    while n.is_multiple_of(5) {
        n /= 5;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn scale_exactness_follows_the_prime_factors() {
        assert!(divides_exactly(d("80"), d("100")));
        assert!(divides_exactly(d("20"), d("100")));
        assert!(divides_exactly(d("2.5"), d("40")));
        assert!(divides_exactly(d("60"), d("120")));
        assert!(!divides_exactly(d("10"), d("3")));
        assert!(divides_exactly(d("9"), d("3")));
        assert!(!divides_exactly(d("10"), d("7")));
        assert!(divides_exactly(d("21"), d("70")));
    }
}
