//! Unit data in TOML: the same contract as JSON (`[[units]]` with `unit`,
//! `group`, `scores`, `events`). Numbers keep their exact text (the toml
//! parser hands it over unconverted), so 57.5 is 57.5.

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::raw::{RawEvent, RawField, RawUnit, RawValue};
use crate::diag::{DataMessage, Diag, Message, ShapeProblem, SyntaxDetail};
use crate::source::Span;

/// Every unit of a TOML data file, the span of its `units`, and other top-level keys.
pub struct TomlUnits<'a> {
    pub units: Vec<RawUnit<'a>>,
    pub units_at: Span,
    pub other_keys: Vec<(Cow<'a, str>, Span)>,
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    let r = s.span();
    Span::new(r.start, r.end)
}

fn syntax(detail: SyntaxDetail, span: Span) -> Vec<Diag> {
    let m = DataMessage::Syntax {
        format: "TOML",
        detail,
    };
    vec![Diag::new(Message::Data(m), span)]
}

pub fn read(text: &str) -> Result<TomlUnits<'_>, Vec<Diag>> {
    let doc = DeTable::parse(text).map_err(|e| {
        let span = e
            .span()
            .map_or(Span::default(), |r| Span::new(r.start, r.end));
        syntax(SyntaxDetail::Toml(e.message().to_string()), span)
    })?;
    let mut out = TomlUnits {
        units: Vec::new(),
        units_at: Span::default(),
        other_keys: Vec::new(),
    };
    let mut found = false;
    for (key, value) in doc.get_ref().iter() {
        if key.get_ref() != "units" {
            out.other_keys.push((key.get_ref().clone(), span_of(key)));
            continue;
        }
        found = true;
        out.units_at = span_of(key);
        let DeValue::Array(list) = value.get_ref() else {
            return Err(syntax(
                SyntaxDetail::Shape(ShapeProblem::UnitsNotArray),
                span_of(value),
            ));
        };
        for item in list {
            out.units.push(unit(item));
        }
    }
    if !found {
        return Err(syntax(
            SyntaxDetail::Shape(ShapeProblem::NoUnits),
            Span::default(),
        ));
    }
    Ok(out)
}

fn unit<'a>(item: &Spanned<DeValue<'a>>) -> RawUnit<'a> {
    let mut u = RawUnit {
        span: span_of(item),
        ..RawUnit::default()
    };
    let DeValue::Table(table) = item.get_ref() else {
        u.not_object = Some(scalar(item.get_ref()).type_name());
        return u;
    };
    for (key, value) in table.iter() {
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("scores", DeValue::Table(scores)) => {
                u.scores = Some(span_of(value));
                for (k, v) in scores.iter() {
                    u.score_fields.push(field(k, v));
                }
            }
            ("scored_by", DeValue::Table(scorers)) => {
                u.scorers = Some(span_of(value));
                for (k, v) in scorers.iter() {
                    u.scorer_fields.push(field(k, v));
                }
            }
            ("events", DeValue::Array(events)) => {
                u.events = Some(span_of(value));
                for ev in events {
                    let start = u.event_fields.len();
                    let not_object = match ev.get_ref() {
                        DeValue::Table(t) => {
                            for (k, v) in t.iter() {
                                u.event_fields.push(field(k, v));
                            }
                            None
                        }
                        other => Some(scalar(other).type_name()),
                    };
                    u.event_list.push(RawEvent {
                        span: span_of(ev),
                        start,
                        end: u.event_fields.len(),
                        not_object,
                    });
                }
            }
            _ => u.fields.push(field(key, value)),
        }
    }
    u
}

fn field<'a>(key: &Spanned<Cow<'a, str>>, value: &Spanned<DeValue<'a>>) -> RawField<'a> {
    RawField {
        key: key.get_ref().clone(),
        key_span: span_of(key),
        value: scalar(value.get_ref()),
        span: span_of(value),
    }
}

/// A TOML value as a raw scalar; numbers keep their text (underscores and a
/// leading `+` dropped, as TOML allows them).
fn scalar<'a>(v: &DeValue<'a>) -> RawValue<'a> {
    let number = |s: &str| -> RawValue<'a> {
        let cleaned: String = s.chars().filter(|c| *c != '_').collect();
        RawValue::Num(Cow::Owned(cleaned.trim_start_matches('+').to_string()))
    };
    match v {
        DeValue::String(s) => RawValue::Str(s.clone()),
        DeValue::Integer(i) if i.radix() == 10 => number(i.as_str()),
        DeValue::Integer(i) => RawValue::Num(Cow::Owned(i.to_string())),
        DeValue::Float(f) => number(f.as_str()),
        DeValue::Boolean(b) => RawValue::Bool(*b),
        DeValue::Datetime(d) => RawValue::Date(Cow::Owned(d.to_string())),
        DeValue::Array(_) => RawValue::Array,
        DeValue::Table(_) => RawValue::Object,
    }
}
