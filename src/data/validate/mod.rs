//! Raw unit data → [`UnitInput`], against the program. Every problem is a
//! KH7xx finding naming the unit, the path and the place; all problems of a
//! file are collected (a unit with problems is not evaluated, the others are
//! still checked), and no ruling is made from data with errors.

mod event;
mod scorers;

use std::borrow::Cow;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::input::UnitInput;
use super::numbers::number;
use super::raw::{RawField, RawUnit, RawValue};
use crate::diag::suggest::suggest;
use crate::diag::{DataMessage, Diag, Message, ValueType};
use crate::ir::{GroupId, ItemId, KindId, Program, UnitId};
use crate::source::Span;

/// A text field's value and place, if present.
type Named<'a> = Option<(Cow<'a, str>, Span)>;

use crate::contract::UNIT_KEYS;

/// Checks unit after unit; remembers what it has seen to find duplicates and
/// missing units.
pub struct Validator<'p, 'a> {
    p: &'p Program,
    units: FxHashMap<&'p str, UnitId>,
    groups: FxHashMap<&'p str, GroupId>,
    items: FxHashMap<&'p str, ItemId>,
    kinds: FxHashMap<&'p str, KindId>,
    seen: FxHashMap<Cow<'a, str>, usize>,
    declared_seen: Vec<bool>,
    score_seen: Vec<bool>,
    /// Closed groups must be complete (false for a policy's examples).
    complete: bool,
    pub diags: Vec<Diag>,
}

pub(super) fn report(diags: &mut Vec<Diag>, message: DataMessage, span: Span) {
    diags.push(Diag::new(Message::Data(message), span));
}

impl<'p, 'a> Validator<'p, 'a> {
    pub fn new(p: &'p Program, complete: bool) -> Self {
        let index = |names: Vec<&'p str>| -> FxHashMap<&'p str, u32> {
            names
                .into_iter()
                .enumerate()
                .map(|(i, n)| (n, i as u32))
                .collect()
        };
        let units = index(p.units.iter().map(|u| u.name.as_str()).collect());
        let groups = index(p.groups.iter().map(|g| g.name.as_str()).collect());
        let items = index(p.items.iter().map(|i| i.name.as_str()).collect());
        let kinds = index(p.kinds.iter().map(|k| k.name.as_str()).collect());
        Validator {
            p,
            units: units.into_iter().map(|(k, v)| (k, UnitId(v))).collect(),
            groups: groups.into_iter().map(|(k, v)| (k, GroupId(v))).collect(),
            items: items.into_iter().map(|(k, v)| (k, ItemId(v))).collect(),
            kinds: kinds.into_iter().map(|(k, v)| (k, KindId(v))).collect(),
            seen: FxHashMap::default(),
            declared_seen: vec![false; p.units.len()],
            score_seen: Vec::new(),
            complete,
            diags: Vec::new(),
        }
    }

    fn report(&mut self, message: DataMessage, span: Span) {
        report(&mut self.diags, message, span);
    }

    /// Validates one unit into `out`; false when it has problems.
    pub fn unit(&mut self, raw: &RawUnit<'a>, index: usize, out: &mut UnitInput<'a>) -> bool {
        let before = self.diags.len();
        out.clear();
        out.index = index;
        out.span = raw.span;
        let path = || format!("units[{index}]");
        if let Some(found) = raw.not_object {
            let m = DataMessage::WrongType {
                unit: None,
                path: path(),
                expected: ValueType::Object,
                found,
            };
            self.report(m, raw.span);
            return false;
        }
        let (name, group) = self.unit_fields(raw, index);
        let unit_name = name.as_ref().map(|(n, _)| n.to_string());
        if let Some((name, span)) = name {
            self.identify(out, name, span, group, index);
        } else if raw.field("unit").is_none() {
            let m = DataMessage::MissingField {
                unit: None,
                key: "unit".into(),
                kind: None,
                path: path(),
            };
            self.report(m, raw.span);
        }
        let label = unit_name.unwrap_or_default();
        self.scores(raw, index, &label, out);
        self.scorers(raw, index, &label, out);
        for (j, ev) in raw.event_list.iter().enumerate() {
            self.event(raw, ev, index, j, &label, out);
        }
        self.diags.len() == before
    }

    /// The `unit` and `group` fields; reports unknown keys and wrong types.
    fn unit_fields(&mut self, raw: &RawUnit<'a>, index: usize) -> (Named<'a>, Named<'a>) {
        let mut name = None;
        let mut group = None;
        for (i, f) in raw.fields.iter().enumerate() {
            if raw.fields.iter().take(i).any(|g| g.key == f.key) {
                let m = DataMessage::DuplicateKey {
                    unit: None,
                    key: f.key.to_string(),
                    path: format!("units[{index}]"),
                };
                self.report(m, f.key_span);
                continue;
            }
            let expected = match f.key.as_ref() {
                "unit" | "group" => ValueType::Text,
                "scores" | "scored_by" => ValueType::Object,
                "events" => ValueType::Array,
                other => {
                    let m = DataMessage::UnknownKey {
                        unit: None,
                        key: other.to_string(),
                        kind: None,
                        path: format!("units[{index}]"),
                        suggestion: suggest(other, UNIT_KEYS.iter().copied()),
                    };
                    self.report(m, f.key_span);
                    continue;
                }
            };
            match (&f.value, f.key.as_ref()) {
                (RawValue::Str(s), "unit") => name = Some((s.clone(), f.span)),
                (RawValue::Str(s), "group") => group = Some((s.clone(), f.span)),
                _ => self.wrong_type(None, format!("units[{index}].{}", f.key), expected, f),
            }
        }
        (name, group)
    }

    pub(super) fn wrong_type(
        &mut self,
        unit: Option<&str>,
        path: String,
        expected: ValueType,
        f: &RawField<'_>,
    ) {
        let m = DataMessage::WrongType {
            unit: unit.map(str::to_string),
            path,
            expected,
            found: f.value.type_name(),
        };
        self.report(m, f.span);
    }

    /// Finds the unit in the policy (or admits it to an open group), its group,
    /// and whether it was seen before.
    fn identify(
        &mut self,
        out: &mut UnitInput<'a>,
        name: Cow<'a, str>,
        span: Span,
        group: Option<(Cow<'a, str>, Span)>,
        index: usize,
    ) {
        let path = || format!("units[{index}]");
        if !self.remember(name.clone(), span, index) {
            return;
        }
        out.name = name.clone();
        out.name_span = span;
        let declared = self.units.get(name.as_ref()).copied();
        match (declared, group) {
            (Some(u), group) => {
                let declared_group = self.p[u].group;
                if let Some(seen) = self.declared_seen.get_mut(u.index()) {
                    *seen = true;
                }
                out.declared = Some(u);
                out.group = declared_group;
                let group_name = self.p[declared_group].name.as_str();
                if let Some((g, gspan)) = group.filter(|(g, _)| g != group_name) {
                    let m = DataMessage::GroupMismatch {
                        unit: name.to_string(),
                        group: g.to_string(),
                        declared: group_name.to_string(),
                        path: path(),
                    };
                    self.report(m, gspan);
                }
            }
            (None, None) => {
                let names = self.p.units.iter().map(|u| u.name.as_str());
                let m = DataMessage::UnknownUnit {
                    unit: name.to_string(),
                    path: path(),
                    suggestion: suggest(&name, names),
                };
                self.report(m, span);
            }
            (None, Some((g, gspan))) => match self.groups.get(g.as_ref()).copied() {
                Some(gid) if self.p[gid].open => out.group = gid,
                Some(_) => {
                    let m = DataMessage::ClosedGroup {
                        unit: name.to_string(),
                        group: g.to_string(),
                        path: path(),
                    };
                    self.report(m, gspan);
                }
                None => {
                    let names = self.p.groups.iter().map(|x| x.name.as_str());
                    let m = DataMessage::UnknownGroup {
                        unit: name.to_string(),
                        group: g.to_string(),
                        path: path(),
                        suggestion: suggest(&g, names),
                    };
                    self.report(m, gspan);
                }
            },
        }
    }

    fn scores(&mut self, raw: &RawUnit<'a>, index: usize, unit: &str, out: &mut UnitInput<'a>) {
        let Some(scores_span) = raw.scores else {
            if raw.field("scores").is_none() {
                let m = DataMessage::MissingField {
                    unit: Some(unit.to_string()),
                    key: "scores".into(),
                    kind: None,
                    path: format!("units[{index}]"),
                };
                self.report(m, raw.span);
            }
            return;
        };
        let leaves = self.p.leaves.len();
        out.scores.clear();
        out.scores.resize(leaves, Decimal::ZERO);
        self.score_seen.clear();
        self.score_seen.resize(leaves, false);
        for (i, f) in raw.score_fields.iter().enumerate() {
            self.score(f, i, index, unit, out);
        }
        for (slot, seen) in self.score_seen.clone().iter().enumerate() {
            if !seen {
                let item = self.p.leaves.get(slot).map(|i| &self.p[*i]);
                let name = item.map_or(String::new(), |i| i.name.clone());
                // The path of the score that should be there (for sheets:
                // the blank cell itself).
                let m = DataMessage::MissingScore {
                    unit: unit.to_string(),
                    path: format!("units[{index}].scores.{name}"),
                    item: name,
                };
                self.report(m, scores_span);
            }
        }
    }

    fn score(
        &mut self,
        f: &RawField<'a>,
        position: usize,
        index: usize,
        unit: &str,
        out: &mut UnitInput<'a>,
    ) {
        let path = || format!("units[{index}].scores.{}", f.key);
        // Scores usually come in declaration order: try that leaf before hashing.
        let in_order = self
            .p
            .leaves
            .get(position)
            .map(|i| &self.p[*i])
            .filter(|i| i.name == f.key);
        let item = in_order.or_else(|| self.items.get(f.key.as_ref()).map(|i| &self.p[*i]));
        let Some(item) = item else {
            let leaves = self
                .p
                .leaves
                .iter()
                .map(|i| &self.p[*i])
                .map(|i| i.name.as_str());
            let m = DataMessage::UnknownItem {
                unit: unit.to_string(),
                item: f.key.to_string(),
                path: path(),
                suggestion: suggest(&f.key, leaves),
            };
            self.report(m, f.key_span);
            return;
        };
        let Some(slot) = item.leaf else {
            let m = DataMessage::ParentItem {
                unit: unit.to_string(),
                item: f.key.to_string(),
                path: path(),
            };
            self.report(m, f.key_span);
            return;
        };
        if self.score_seen.get(slot).copied().unwrap_or(false) {
            let m = DataMessage::DuplicateKey {
                unit: Some(unit.to_string()),
                key: f.key.to_string(),
                path: format!("units[{index}].scores"),
            };
            self.report(m, f.key_span);
            return;
        }
        if let Some(seen) = self.score_seen.get_mut(slot) {
            *seen = true;
        }
        let Some(value) = self.number(f, Some(unit), path) else {
            return;
        };
        let max = item.data_max();
        if value.is_sign_negative() && !value.is_zero() || value > max {
            let m = DataMessage::ScoreOutOfRange {
                unit: unit.to_string(),
                item: f.key.to_string(),
                value,
                max,
                path: path(),
            };
            self.report(m, f.span);
        }
        if let Some(s) = out.scores.get_mut(slot) {
            *s = value;
        }
    }

    /// A number field's exact value, or a finding.
    pub(super) fn number(
        &mut self,
        f: &RawField<'_>,
        unit: Option<&str>,
        path: impl Fn() -> String,
    ) -> Option<Decimal> {
        match &f.value {
            RawValue::Num(text) => match number(text) {
                Ok(v) => Some(v),
                Err(problem) => {
                    let m = DataMessage::BadNumber {
                        unit: unit.map(str::to_string),
                        path: path(),
                        text: text.to_string(),
                        problem,
                    };
                    self.report(m, f.span);
                    None
                }
            },
            _ => {
                self.wrong_type(unit, path(), ValueType::Number, f);
                None
            }
        }
    }

    /// Records that unit `name` is at `index`; a second unit of one name is KH703.
    fn remember(&mut self, name: Cow<'a, str>, span: Span, index: usize) -> bool {
        let unit = name.to_string();
        match self.seen.entry(name) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let m = DataMessage::DuplicateUnit {
                    unit,
                    path: format!("units[{index}]"),
                    first: format!("units[{}]", first.get()),
                };
                self.report(m, span);
                false
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(index);
                true
            }
        }
    }

    /// Takes in a unit validated by another validator (the second part of a
    /// file read in parallel): only what spans units is checked again.
    pub fn admit(
        &mut self,
        name: Cow<'a, str>,
        declared: Option<UnitId>,
        index: usize,
        span: Span,
    ) -> bool {
        if let Some(seen) = declared.and_then(|u| self.declared_seen.get_mut(u.index())) {
            *seen = true;
        }
        self.remember(name, span, index)
    }

    /// After the last unit: declared units of closed (and open) groups that
    /// the data did not give (§3), reported at `at` (the `units` array).
    pub fn finish(&mut self, at: Span) {
        if !self.complete {
            return;
        }
        for (i, u) in self.p.units.iter().enumerate() {
            if !self.declared_seen.get(i).copied().unwrap_or(true) {
                let group = self.p[u.group].name.clone();
                let m = DataMessage::MissingUnit {
                    unit: u.name.clone(),
                    group,
                };
                self.report(m, at);
            }
        }
    }
}
