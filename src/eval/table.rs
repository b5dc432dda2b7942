//! Every unit's result after the first pass: what ranking and decisions read.
//! Facts and tracked items are kept in flat arrays (units × facts), so a
//! million units cost no per-unit allocation.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::cond::Facts;
use super::unit::UnitResult;
use crate::ir::{GroupId, UnitId};
use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow<'a> {
    /// Position in the data.
    pub index: usize,
    pub name: Cow<'a, str>,
    pub declared: Option<UnitId>,
    pub group: GroupId,
    /// Where the unit stands in the data file (to read it again for its explanation).
    pub span: Span,
    pub result: UnitResult,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table<'a> {
    pub rows: Vec<UnitRow<'a>>,
    facts_per_unit: usize,
    tracked_per_unit: usize,
    facts: Vec<u32>,
    tracked: Vec<Decimal>,
}

impl<'a> Table<'a> {
    pub fn new(facts_per_unit: usize, tracked_per_unit: usize) -> Self {
        Table {
            facts_per_unit,
            tracked_per_unit,
            ..Table::default()
        }
    }

    pub fn push(&mut self, row: UnitRow<'a>, facts: &[u32], tracked: &[Decimal]) {
        self.rows.push(row);
        self.facts
            .extend(facts.iter().copied().take(self.facts_per_unit));
        self.facts.resize(self.rows.len() * self.facts_per_unit, 0);
        self.tracked
            .extend(tracked.iter().copied().take(self.tracked_per_unit));
        self.tracked
            .resize(self.rows.len() * self.tracked_per_unit, Decimal::ZERO);
    }

    /// Appends the rows of `other` (read from later in the same data), their
    /// data positions moved by `offset`.
    pub fn append(&mut self, other: Table<'a>, offset: usize) {
        for mut row in other.rows {
            row.index += offset;
            self.rows.push(row);
        }
        self.facts.extend(other.facts);
        self.tracked.extend(other.tracked);
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn facts_of(&self, unit: usize) -> &[u32] {
        let n = self.facts_per_unit;
        self.facts.get(unit * n..unit * n + n).unwrap_or(&[])
    }

    pub fn tracked_of(&self, unit: usize) -> &[Decimal] {
        let n = self.tracked_per_unit;
        self.tracked.get(unit * n..unit * n + n).unwrap_or(&[])
    }

    /// What conditions read about unit `u`, with its rank if known.
    pub fn facts(&self, u: usize, rank: Option<u32>, after: Option<u32>) -> Option<Facts<'_>> {
        let row = self.rows.get(u)?;
        Some(Facts {
            result: &row.result,
            group: row.group,
            tracked: self.tracked_of(u),
            counts: self.facts_of(u),
            rank,
            after,
        })
    }
}
