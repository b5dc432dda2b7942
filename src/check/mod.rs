//! Static checks on the resolved policy: weights (KH301), amounts and caps
//! (KH302), places per group (KH306), the order of decisions (KH209), the counting window (KH601) and the
//! schedule (KH602). Only this
//! module can construct a [`CheckedPolicy`], the input of `compile`.

mod amounts;
mod order;
mod payouts;
mod quotas;
mod schedule;
mod weights;
mod window;

use crate::ast::Policy;
use crate::diag::{Diag, sort_and_dedup};
use crate::resolve::{Resolved, Symbols};

/// A policy with no error-severity finding: names resolve, weights add up,
/// ranges, windows and schedule are consistent.
#[derive(Debug)]
pub struct CheckedPolicy<'a> {
    policy: &'a Policy,
    symbols: Symbols<'a>,
}

impl<'a> CheckedPolicy<'a> {
    pub fn policy(&self) -> &'a Policy {
        self.policy
    }

    pub fn symbols(&self) -> &Symbols<'a> {
        &self.symbols
    }
}

/// Every finding of the checker on one policy, sorted by position, and the
/// checked policy when none of them is an error.
#[derive(Debug)]
pub struct Checked<'a> {
    pub diags: Vec<Diag>,
    pub policy: Option<CheckedPolicy<'a>>,
}

/// Checks a resolved policy; its resolution's findings are kept among the
/// checker's.
pub fn check(resolved: Resolved<'_>) -> Checked<'_> {
    let Resolved {
        policy,
        symbols,
        mut diags,
        ..
    } = resolved;
    diags.extend(weights::check(policy));
    diags.extend(amounts::check(policy));
    diags.extend(window::check(&symbols));
    diags.extend(schedule::check(&symbols));
    diags.extend(quotas::check(&symbols));
    diags.extend(order::check(&symbols));
    diags.extend(payouts::check(policy));
    sort_and_dedup(&mut diags);
    let ok = !diags.iter().any(Diag::is_error);
    Checked {
        diags,
        policy: ok.then_some(CheckedPolicy { policy, symbols }),
    }
}
