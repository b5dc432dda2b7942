//! Validated unit data: what the evaluator reads. Every name is an id, every
//! number an exact decimal, every date a real date.

use std::borrow::Cow;
use std::ops::Range;

use rust_decimal::Decimal;

use crate::calendar::Date;
use crate::ir::{GroupId, KindId, UnitId};
use crate::source::Span;

/// One unit's data. The buffers are reused from unit to unit.
#[derive(Debug, Clone, Default)]
pub struct UnitInput<'a> {
    /// Position in the data (`units[index]`).
    pub index: usize,
    pub name: Cow<'a, str>,
    /// Where the unit's name stands: findings about the name point here.
    pub name_span: Span,
    /// The policy's declaration of this unit, if it lists it.
    pub declared: Option<UnitId>,
    pub group: GroupId,
    pub span: Span,
    /// The data value of each leaf item, in `Program::leaves` order.
    pub scores: Vec<Decimal>,
    /// Who scored each leaf item (`scored_by`), in `Program::leaves` order;
    /// empty when the data names no one.
    pub scorers: Vec<Option<Cow<'a, str>>>,
    pub events: Vec<EventInput<'a>>,
    /// Attribute values of all events (value index, or item id for `计分项`).
    pub values: Vec<u32>,
}

impl UnitInput<'_> {
    pub fn clear(&mut self) {
        self.name = Cow::Borrowed("");
        self.name_span = Span::default();
        self.declared = None;
        self.scores.clear();
        self.scorers.clear();
        self.events.clear();
        self.values.clear();
    }

    /// The attribute values of one event, in the kind's attribute order.
    /// Who the data says scored leaf `slot`, if anyone.
    pub fn scorer(&self, slot: usize) -> Option<&str> {
        self.scorers.get(slot).and_then(|s| s.as_deref())
    }

    pub fn values_of(&self, event: &EventInput<'_>) -> &[u32] {
        self.values.get(event.values.clone()).unwrap_or(&[])
    }
}

#[derive(Debug, Clone)]
pub struct EventInput<'a> {
    pub kind: KindId,
    pub values: Range<usize>,
    pub date: Date,
    /// Whether the data gave a date: a yearly status (`年度状态`) may not.
    pub dated: bool,
    pub points: Option<Decimal>,
    pub credited_in: Option<i32>,
    pub doc: Option<Cow<'a, str>>,
    pub title: Option<Cow<'a, str>>,
    pub id: Option<Cow<'a, str>>,
    /// `proposed_by`: who proposed the bonus or deduction.
    pub proposed_by: Option<Cow<'a, str>>,
    pub span: Span,
    /// Where `kind` stood: findings about the whole event point here.
    pub kind_span: Span,
    /// Where `points` stood, for findings about it.
    pub points_span: Option<Span>,
    /// The validation found nothing wrong with it. Only a refused unit has
    /// events that are not: they are kept so that positions stay those of
    /// the data, and never evaluated.
    pub valid: bool,
}

impl EventInput<'_> {
    /// The place of an event that is not an object: never evaluated.
    pub fn placeholder(year: i32, span: Span) -> Self {
        EventInput {
            kind: KindId(0),
            values: 0..0,
            date: Date::first_of_year(year),
            dated: true,
            points: None,
            credited_in: None,
            doc: None,
            title: None,
            id: None,
            proposed_by: None,
            span,
            kind_span: span,
            points_span: None,
            valid: false,
        }
    }
}
