//! What the evaluator says about one unit: every item, every event (counted
//! or not, and why), every cap that bit, every veto and finding.

use rust_decimal::Decimal;

use crate::ir::{FindingId, ItemId, RuleId, SectionId, VetoId};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Explanation {
    /// Every item in declaration order (parents included).
    pub items: Vec<ItemLine>,
    /// Every event in input order.
    pub events: Vec<EventLine>,
    /// Caps that reduced an amount.
    pub caps: Vec<CapLine>,
    /// Vetoes that applied.
    pub vetoes: Vec<VetoId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemLine {
    pub item: ItemId,
    /// The data value (leaves only).
    pub value: Option<Decimal>,
    /// What it adds to the base score (after scaling and findings).
    pub contribution: Decimal,
    /// The finding that cleared it, if any.
    pub cleared_by: Option<FindingId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventLine {
    /// Position in the unit's `events`.
    pub index: usize,
    pub status: EventStatus,
    /// The amount under its base rule: base × modifiers (before caps).
    pub amount: Option<Decimal>,
    /// The base amount before modifiers (the rule's fixed points or the data's `points`).
    pub base: Option<Decimal>,
    pub rule: Option<RuleId>,
    pub modifiers: Vec<RuleId>,
    pub veto: Option<VetoId>,
    pub finding: Option<FindingId>,
    /// The item a finding cleared.
    pub cleared: Option<ItemId>,
    /// Whether a condition or exclusion counts this event (`有`, `数量`, `不含 KIND`).
    pub referenced: bool,
    /// `同一 … 只计 最高` dropped its points for event `.0` (its index in the
    /// data) of section `.1`. Its status says so when nothing else uses it;
    /// an event that also vetoes, is a finding or is counted by a condition
    /// stays counted, and this says why it has no points.
    pub duplicate_of: Option<(usize, SectionId)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EventStatus {
    Counted,
    /// Dated outside the window.
    OutsideWindow,
    /// `credited_in` a year the policy skips (`除外 已计年度`).
    CreditedIn(i32),
    /// In the window, but no rule, veto, finding or condition uses it.
    NoRule,
    /// Only rules that do not apply to its unit (`仅`/`不含`) match it: the
    /// first of them, whose scope the explanation quotes.
    NotForUnit(RuleId),
    /// `同一 … 只计 最高` of `section`: the event shares its key with event
    /// `of` (its index in the data), which earns more or as much and comes first.
    Duplicate {
        of: usize,
        section: SectionId,
    },
    /// A yearly status (`年度状态`) already counted for the unit by event
    /// `first` (its index in the data): a status counts once.
    StatusRepeated {
        first: usize,
    },
}

impl EventStatus {
    pub fn counted(&self) -> bool {
        *self == EventStatus::Counted
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CapLine {
    pub what: Capped,
    pub from: Decimal,
    pub to: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Capped {
    Rule(RuleId),
    Section(SectionId),
}
