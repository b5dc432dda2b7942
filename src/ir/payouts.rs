//! What decisions are made in which order (§7.31), and the amounts they pay
//! (`兑现`).

use rust_decimal::Decimal;

use super::{AwardId, ClauseId, OutcomeId, TierId, ValueSet, slots::ScopeIr};

/// One decision about every unit, made after those it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// An award: eligibility, then places.
    Award(AwardId),
    /// An outcome's condition.
    Outcome(OutcomeId),
    /// Every grade tier at once, in rank order.
    Grades,
}

/// What a `兑现` line pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayoutFor {
    /// Units the outcome flags.
    Outcome(OutcomeId),
    /// Units that take the tier.
    Tier(TierId),
    /// Units that get the award (selected, or eligible without a quota).
    Award(AwardId),
}

/// `优秀 => 奖金 10000 元, 其中 主要负责人 20% 仅 旗县区`.
#[derive(Debug, Clone)]
pub struct PayoutIr {
    /// What it pays for.
    pub target: PayoutFor,
    /// The amount's name (奖金).
    pub amount: String,
    /// How much each unit is due, exactly as written.
    pub value: Decimal,
    /// The measure written after the number (元), if any.
    pub measure: Option<String>,
    /// `其中 NAME P%`: each part's name and value (P% of `value`, exact).
    pub shares: Vec<(String, Decimal)>,
    /// The places (`slots.rs`) of the units it is for; `None`: every unit.
    pub units: Option<ValueSet>,
    /// Its `仅`/`不含` as written.
    pub scopes: Vec<ScopeIr>,
    /// The line, with the `兑现` block's citation when it has none.
    pub clause: ClauseId,
}

impl PayoutIr {
    /// What totals add up by: the amount's name and measure.
    pub fn key(&self) -> (&str, Option<&str>) {
        (&self.amount, self.measure.as_deref())
    }
}
