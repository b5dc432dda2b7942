//! Unit data as read, before validation: the same shape whatever the format
//! (JSON, TOML, sheets), every value with its place in the file. Strings are
//! borrowed from the input where possible; numbers keep their exact text.

use std::borrow::Cow;

use crate::source::Span;

/// A scalar (or the type of a non-scalar) as it stood in the data.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue<'a> {
    Str(Cow<'a, str>),
    /// A number's exact text (`57.5`, `1e2`): never through a float.
    Num(Cow<'a, str>),
    Bool(bool),
    Null,
    /// A date that the format itself typed (TOML `2019-05-10`), as text.
    Date(Cow<'a, str>),
    Array,
    Object,
}

impl RawValue<'_> {
    /// The JSON name of this value's type, for "expected … found …".
    pub fn type_name(&self) -> &'static str {
        match self {
            RawValue::Str(_) => "string",
            RawValue::Num(_) => "number",
            RawValue::Bool(_) => "boolean",
            RawValue::Null => "null",
            RawValue::Date(_) => "date",
            RawValue::Array => "array",
            RawValue::Object => "object",
        }
    }
}

/// `"key": value`, with the places of both.
#[derive(Debug, Clone)]
pub struct RawField<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Span,
    pub value: RawValue<'a>,
    pub span: Span,
}

/// One event object (or, with `not_object`, an array element that is not one).
/// Its fields are `RawUnit::event_fields[start..end]`: one flat buffer per
/// unit, reused from unit to unit, so reading allocates almost nothing.
#[derive(Debug, Clone, Default)]
pub struct RawEvent {
    pub span: Span,
    pub start: usize,
    pub end: usize,
    pub not_object: Option<&'static str>,
}

/// One unit object. `fields` holds every key except a well-formed `scores`
/// or `scored_by` object and `events` array (one of the wrong type stays in
/// `fields`, so the validator can name its type).
#[derive(Debug, Clone, Default)]
pub struct RawUnit<'a> {
    pub span: Span,
    pub fields: Vec<RawField<'a>>,
    pub scores: Option<Span>,
    pub score_fields: Vec<RawField<'a>>,
    /// A well-formed `scored_by` object (item → who scored it), as `scores`.
    pub scorers: Option<Span>,
    pub scorer_fields: Vec<RawField<'a>>,
    pub events: Option<Span>,
    pub event_list: Vec<RawEvent>,
    pub event_fields: Vec<RawField<'a>>,
    /// Set when the array element is not an object at all.
    pub not_object: Option<&'static str>,
}

impl<'a> RawUnit<'a> {
    /// Empties the unit for reuse, keeping the buffers' capacity.
    pub fn clear(&mut self) {
        self.span = Span::default();
        self.fields.clear();
        self.scores = None;
        self.score_fields.clear();
        self.scorers = None;
        self.scorer_fields.clear();
        self.events = None;
        self.event_list.clear();
        self.event_fields.clear();
        self.not_object = None;
    }

    pub fn field(&self, key: &str) -> Option<&RawField<'a>> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The fields of one event.
    pub fn fields_of(&self, event: &RawEvent) -> &[RawField<'a>] {
        self.event_fields.get(event.start..event.end).unwrap_or(&[])
    }
}
