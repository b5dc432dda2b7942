//! One event: its kind, reserved keys (`date`, `points`, `doc`, `title`,
//! `credited_in`, `id`, §7.29) and declared attributes, all required.

use std::borrow::Cow;

use super::Validator;
use crate::calendar::Date;
use crate::data::input::{EventInput, UnitInput};
use crate::data::numbers::parse_year;
use crate::data::raw::{RawEvent, RawField, RawUnit, RawValue};
use crate::diag::suggest::suggest;
use crate::diag::{DataMessage, ValueType};
use crate::ir::{AttrDomain, KindId};
use crate::source::Span;

// Keys an event may have besides its kind's attributes.
use crate::contract::EVENT_KEYS as RESERVED;

impl<'a> Validator<'_, 'a> {
    pub(super) fn event(
        &mut self,
        raw: &RawUnit<'a>,
        ev: &RawEvent,
        index: usize,
        j: usize,
        unit: &str,
        out: &mut UnitInput<'a>,
    ) {
        let path = || format!("units[{index}].events[{j}]");
        let before = self.diags.len();
        if let Some(found) = ev.not_object {
            let m = DataMessage::WrongType {
                unit: Some(unit.to_string()),
                path: path(),
                expected: ValueType::Object,
                found,
            };
            self.report(m, ev.span);
            out.events
                .push(EventInput::placeholder(self.p.year, ev.span));
            return;
        }
        let fields = raw.fields_of(ev);
        let kind = self.event_kind(fields, ev.span, unit, &path);
        let attr_count = kind.map(|k| &self.p[k]).map_or(0, |k| k.attrs.len());
        let start = out.values.len();
        out.values.resize(start + attr_count, u32::MAX);
        let mut event = EventInput {
            kind: kind.unwrap_or(KindId(0)),
            values: start..start + attr_count,
            date: Date::first_of_year(self.p.year),
            dated: true,
            points: None,
            credited_in: None,
            doc: None,
            title: None,
            id: None,
            proposed_by: None,
            span: ev.span,
            kind_span: fields
                .iter()
                .find(|f| f.key == "kind")
                .map_or(ev.span, |f| f.span),
            points_span: None,
            valid: false,
        };
        let mut has_date = false;
        // Keys seen so far: reserved keys by position in RESERVED, attributes after them.
        let mut seen: u128 = 0;
        let kind_ir = kind.map(|k| &self.p[k]);
        for (i, f) in fields.iter().enumerate() {
            let slot = RESERVED.iter().position(|r| *r == f.key).or_else(|| {
                kind_ir
                    .and_then(|k| k.attr_index(&f.key))
                    .map(|a| a + RESERVED.len())
            });
            let repeated = match slot {
                Some(s) if s < 128 => {
                    let bit = 1u128 << s;
                    let before = seen & bit != 0;
                    seen |= bit;
                    before
                }
                _ => fields.iter().take(i).any(|g| g.key == f.key),
            };
            if repeated {
                let m = DataMessage::DuplicateKey {
                    unit: Some(unit.to_string()),
                    key: f.key.to_string(),
                    path: path(),
                };
                self.report(m, f.key_span);
                continue;
            }
            let fpath = || format!("{}.{}", path(), f.key);
            match f.key.as_ref() {
                "kind" => {}
                "date" => {
                    has_date = true;
                    if let Some(d) = self.date(f, unit, fpath) {
                        event.date = d;
                    }
                }
                "points" => {
                    event.points = self.number(f, Some(unit), fpath);
                    event.points_span = Some(f.span);
                }
                "credited_in" => event.credited_in = self.year(f, unit, fpath),
                "doc" => event.doc = self.text(f, unit, fpath),
                "title" => event.title = self.text(f, unit, fpath),
                "id" => event.id = self.text(f, unit, fpath),
                "proposed_by" => event.proposed_by = self.text(f, unit, fpath),
                _ => {
                    if let Some(k) = kind {
                        self.attribute(k, f, unit, fpath, start, out);
                    }
                }
            }
        }
        let status = kind_ir.is_some_and(|k| k.status);
        if !has_date && !status {
            self.missing(unit, "date", None, path(), ev.span);
        }
        event.dated = has_date;
        if let Some(k) = kind.map(|k| &self.p[k]) {
            for (a, attr) in k.attrs.iter().enumerate() {
                if out.values.get(start + a) == Some(&u32::MAX)
                    && !fields.iter().any(|f| f.key == attr.name)
                {
                    self.missing(unit, &attr.name, Some(&k.name), path(), ev.span);
                }
            }
        }
        // Every event keeps its place, so that `events[j]` is the data's.
        event.valid = kind.is_some() && self.diags.len() == before;
        out.events.push(event);
    }

    fn missing(&mut self, unit: &str, key: &str, kind: Option<&str>, path: String, span: Span) {
        let m = DataMessage::MissingField {
            unit: Some(unit.to_string()),
            key: key.to_string(),
            kind: kind.map(str::to_string),
            path,
        };
        self.report(m, span);
    }

    fn event_kind(
        &mut self,
        fields: &[RawField<'a>],
        span: Span,
        unit: &str,
        path: &impl Fn() -> String,
    ) -> Option<KindId> {
        let Some(f) = fields.iter().find(|f| f.key == "kind") else {
            self.missing(unit, "kind", None, path(), span);
            return None;
        };
        let RawValue::Str(name) = &f.value else {
            self.wrong_type(Some(unit), format!("{}.kind", path()), ValueType::Text, f);
            return None;
        };
        let kind = self.kinds.get(name.as_ref()).copied();
        if kind.is_none() {
            let names = self.p.kinds.iter().map(|k| k.name.as_str());
            let m = DataMessage::UnknownKind {
                unit: unit.to_string(),
                kind: name.to_string(),
                path: path(),
                suggestion: suggest(name, names),
            };
            self.report(m, f.span);
        }
        kind
    }

    fn attribute(
        &mut self,
        k: KindId,
        f: &RawField<'a>,
        unit: &str,
        path: impl Fn() -> String,
        start: usize,
        out: &mut UnitInput<'a>,
    ) {
        let p = self.p;
        let kind = &p[k];
        let Some(a) = kind.attr_index(&f.key) else {
            let candidates = kind
                .attrs
                .iter()
                .map(|x| x.name.as_str())
                .chain(RESERVED.iter().copied());
            let m = DataMessage::UnknownKey {
                unit: Some(unit.to_string()),
                key: f.key.to_string(),
                kind: Some(kind.name.clone()),
                path: path(),
                suggestion: suggest(&f.key, candidates),
            };
            self.report(m, f.key_span);
            return;
        };
        let RawValue::Str(value) = &f.value else {
            self.wrong_type(Some(unit), path(), ValueType::Text, f);
            return;
        };
        let Some(attr) = kind.attrs.get(a) else {
            return;
        };
        let found = match &attr.domain {
            AttrDomain::Values(_) => attr.position_of(value),
            AttrDomain::Items => self.items.get(value.as_ref()).map(|i| i.0),
        };
        match found {
            Some(v) => {
                if let Some(slot) = out.values.get_mut(start + a) {
                    *slot = v;
                }
            }
            None => {
                let suggestion = match &attr.domain {
                    AttrDomain::Values(values) => suggest(value, values.iter().map(String::as_str)),
                    AttrDomain::Items => suggest(value, p.items.iter().map(|i| i.name.as_str())),
                };
                let m = DataMessage::UnknownValue {
                    unit: unit.to_string(),
                    kind: kind.name.clone(),
                    attr: attr.name.clone(),
                    value: value.to_string(),
                    path: path(),
                    suggestion,
                };
                self.report(m, f.span);
            }
        }
    }

    fn date(&mut self, f: &RawField<'_>, unit: &str, path: impl Fn() -> String) -> Option<Date> {
        match &f.value {
            RawValue::Str(text) | RawValue::Date(text) => {
                let d = Date::parse(text);
                if d.is_none() {
                    let m = DataMessage::BadDate {
                        unit: Some(unit.to_string()),
                        path: path(),
                        text: text.to_string(),
                    };
                    self.report(m, f.span);
                }
                d
            }
            _ => {
                self.wrong_type(Some(unit), path(), ValueType::Date, f);
                None
            }
        }
    }

    fn year(&mut self, f: &RawField<'_>, unit: &str, path: impl Fn() -> String) -> Option<i32> {
        let y = match &f.value {
            RawValue::Num(text) => match parse_year(text) {
                Ok(y) => y,
                Err(problem) => {
                    let m = DataMessage::BadNumber {
                        unit: Some(unit.to_string()),
                        path: path(),
                        text: text.to_string(),
                        problem,
                    };
                    self.report(m, f.span);
                    return None;
                }
            },
            _ => None,
        };
        if y.is_none() {
            self.wrong_type(Some(unit), path(), ValueType::Integer, f);
        }
        y
    }

    pub(super) fn text(
        &mut self,
        f: &RawField<'a>,
        unit: &str,
        path: impl Fn() -> String,
    ) -> Option<Cow<'a, str>> {
        match &f.value {
            RawValue::Str(s) | RawValue::Num(s) => Some(s.clone()),
            _ => {
                self.wrong_type(Some(unit), path(), ValueType::Text, f);
                None
            }
        }
    }
}
