//! A streaming reader for unit data in JSON (LANGUAGE.md §5). It walks the
//! text once, hands out one unit at a time into a reused [`RawUnit`], borrows
//! strings without escapes, keeps numbers as their exact text and records the
//! byte span of every value, so an error can say `units[3].events[1]` and
//! line:column, and a unit can be read again later from its span.
//!
//! Why not serde: serde gives neither spans nor exact numbers without a second
//! representation, and at a million units the allocation-free pass matters.

use std::borrow::Cow;

use super::raw::{RawEvent, RawField, RawUnit, RawValue};
use crate::diag::{JsonProblem, ShapeProblem};
use crate::source::Span;

/// A syntax problem at byte `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub problem: JsonProblem,
    pub at: usize,
}

type Result<T> = std::result::Result<T, JsonError>;

const MAX_DEPTH: usize = 256;

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn err<T>(&self, problem: JsonProblem) -> Result<T> {
        Err(JsonError {
            problem,
            at: self.pos,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8, what: &'static str) -> Result<()> {
        if self.eat(b) {
            Ok(())
        } else {
            self.err(JsonProblem::Expected(what))
        }
    }

    /// After a member or element: `,` (then more) or the closer (then done).
    fn separator(&mut self, close: u8, what: &'static str) -> Result<bool> {
        self.ws();
        if self.eat(b',') {
            self.ws();
            Ok(true)
        } else if self.eat(close) {
            Ok(false)
        } else {
            self.err(JsonProblem::Expected(what))
        }
    }

    /// A string at `"`: borrowed when it has no escapes.
    fn string(&mut self) -> Result<(Cow<'a, str>, Span)> {
        let start = self.pos;
        self.expect(b'"', "\"")?;
        let body = self.pos;
        let bytes = self.bytes();
        loop {
            match bytes.get(self.pos) {
                None => {
                    self.pos = start;
                    return self.err(JsonProblem::UnterminatedString);
                }
                Some(b'"') => {
                    let s = self.text.get(body..self.pos).unwrap_or("");
                    self.pos += 1;
                    return Ok((Cow::Borrowed(s), Span::new(start, self.pos)));
                }
                Some(b'\\') => break,
                Some(c) if *c < 0x20 => return self.err(JsonProblem::ControlCharacter),
                Some(_) => self.pos += 1,
            }
        }
        let mut owned = String::from(self.text.get(body..self.pos).unwrap_or(""));
        loop {
            let seg = self.pos;
            while let Some(c) = bytes.get(self.pos) {
                if *c == b'"' || *c == b'\\' || *c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            owned.push_str(self.text.get(seg..self.pos).unwrap_or(""));
            match bytes.get(self.pos) {
                None => {
                    self.pos = start;
                    return self.err(JsonProblem::UnterminatedString);
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok((Cow::Owned(owned), Span::new(start, self.pos)));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    owned.push(c);
                }
                Some(_) => return self.err(JsonProblem::ControlCharacter),
            }
        }
    }

    fn escape(&mut self) -> Result<char> {
        let c = self.peek();
        self.pos += 1;
        Ok(match c {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let hi = self.hex4()?;
                if (0xD800..0xDC00).contains(&hi) {
                    if !(self.eat(b'\\') && self.eat(b'u')) {
                        return self.err(JsonProblem::BadEscape);
                    }
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return self.err(JsonProblem::BadEscape);
                    }
                    let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                    char::from_u32(code).map_or_else(|| self.err(JsonProblem::BadEscape), Ok)?
                } else {
                    char::from_u32(hi).map_or_else(|| self.err(JsonProblem::BadEscape), Ok)?
                }
            }
            _ => {
                self.pos -= 1;
                return self.err(JsonProblem::BadEscape);
            }
        })
    }

    fn hex4(&mut self) -> Result<u32> {
        let s = self.text.get(self.pos..self.pos + 4);
        match s.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(v) if s.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())) => {
                self.pos += 4;
                Ok(v)
            }
            _ => self.err(JsonProblem::BadEscape),
        }
    }

    /// A number's exact text, validated against JSON's number grammar.
    fn number(&mut self) -> Result<(&'a str, Span)> {
        let start = self.pos;
        let bytes = self.bytes();
        let digits = |pos: &mut usize| -> usize {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos - from
        };
        let mut p = self.pos;
        if bytes.get(p) == Some(&b'-') {
            p += 1;
        }
        let int_start = p;
        let n = digits(&mut p);
        if n == 0 || (n > 1 && bytes.get(int_start) == Some(&b'0')) {
            self.pos = start;
            return self.err(JsonProblem::BadNumber);
        }
        if bytes.get(p) == Some(&b'.') {
            p += 1;
            if digits(&mut p) == 0 {
                self.pos = start;
                return self.err(JsonProblem::BadNumber);
            }
        }
        if matches!(bytes.get(p), Some(b'e' | b'E')) {
            p += 1;
            if matches!(bytes.get(p), Some(b'+' | b'-')) {
                p += 1;
            }
            if digits(&mut p) == 0 {
                self.pos = start;
                return self.err(JsonProblem::BadNumber);
            }
        }
        self.pos = p;
        Ok((self.text.get(start..p).unwrap_or(""), Span::new(start, p)))
    }

    fn literal(&mut self, word: &'static str) -> Result<()> {
        if self
            .text
            .get(self.pos..)
            .is_some_and(|r| r.starts_with(word))
        {
            self.pos += word.len();
            Ok(())
        } else {
            self.err(JsonProblem::Expected("value"))
        }
    }

    /// A scalar value, or (for an array or object) its type after skipping it.
    fn value(&mut self) -> Result<(RawValue<'a>, Span)> {
        let start = self.pos;
        let v = match self.peek() {
            Some(b'"') => return self.string().map(|(s, span)| (RawValue::Str(s), span)),
            Some(b'-' | b'0'..=b'9') => {
                return self
                    .number()
                    .map(|(n, span)| (RawValue::Num(Cow::Borrowed(n)), span));
            }
            Some(b't') => self.literal("true").map(|_| RawValue::Bool(true))?,
            Some(b'f') => self.literal("false").map(|_| RawValue::Bool(false))?,
            Some(b'n') => self.literal("null").map(|_| RawValue::Null)?,
            Some(b'[') => {
                self.skip()?;
                RawValue::Array
            }
            Some(b'{') => {
                self.skip()?;
                RawValue::Object
            }
            _ => return self.err(JsonProblem::Expected("value")),
        };
        Ok((v, Span::new(start, self.pos)))
    }

    /// Skips one value of any depth (iteratively, with a depth limit).
    fn skip(&mut self) -> Result<()> {
        let mut stack: Vec<u8> = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                Some(b'{') => {
                    self.pos += 1;
                    stack.push(b'}');
                    self.ws();
                    if self.eat(b'}') {
                        stack.pop();
                    } else {
                        self.string()?;
                        self.ws();
                        self.expect(b':', ":")?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    stack.push(b']');
                    self.ws();
                    if self.eat(b']') {
                        stack.pop();
                    } else {
                        continue;
                    }
                }
                _ => {
                    self.value()?;
                }
            }
            if stack.len() > MAX_DEPTH {
                return self.err(JsonProblem::TooDeep);
            }
            // After a complete value: close containers or move to the next member.
            loop {
                let Some(&close) = stack.last() else {
                    return Ok(());
                };
                let what = if close == b'}' { ", or }" } else { ", or ]" };
                if self.separator(close, what)? {
                    if close == b'}' {
                        self.string()?;
                        self.ws();
                        self.expect(b':', ":")?;
                    }
                    break;
                }
                stack.pop();
            }
        }
    }

    /// Members of an object of scalars, into `out`.
    fn scalar_members(&mut self, out: &mut Vec<RawField<'a>>) -> Result<()> {
        self.expect(b'{', "{")?;
        self.ws();
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            let (key, key_span) = self.string()?;
            self.ws();
            self.expect(b':', ":")?;
            self.ws();
            let (value, span) = self.value()?;
            out.push(RawField {
                key,
                key_span,
                value,
                span,
            });
            if !self.separator(b'}', ", or }")? {
                return Ok(());
            }
        }
    }
}

/// The units of a JSON data file, one at a time.
pub struct JsonUnits<'a> {
    cur: Cursor<'a>,
    in_units: bool,
    /// A reader of the array's second part only: it stops at the `]`.
    tail: bool,
    /// Where a tail reader stopped: just after the `]`.
    pub array_end: Option<usize>,
    /// Top-level keys other than `units` (the validator reports them).
    pub other_keys: Vec<(Cow<'a, str>, Span)>,
    /// The span of the `units` array's `[`.
    pub units_at: Span,
}

impl<'a> JsonUnits<'a> {
    /// Reads up to the first unit (or the end of the file).
    pub fn open(text: &'a str) -> Result<JsonUnits<'a>> {
        let mut r = JsonUnits {
            cur: Cursor { text, pos: 0 },
            in_units: false,
            tail: false,
            array_end: None,
            other_keys: Vec::new(),
            units_at: Span::default(),
        };
        r.cur.ws();
        r.cur.expect(b'{', "{")?;
        r.cur.ws();
        if r.cur.eat(b'}') {
            r.end(false)?;
        } else {
            r.members_until_units(false)?;
        }
        Ok(r)
    }

    /// Top-level members until the `units` array opens, or the object ends.
    fn members_until_units(&mut self, seen_units: bool) -> Result<()> {
        loop {
            let (key, span) = self.cur.string()?;
            self.cur.ws();
            self.cur.expect(b':', ":")?;
            self.cur.ws();
            if key == "units" {
                if seen_units {
                    self.cur.pos = span.start;
                    return self
                        .cur
                        .err(JsonProblem::Shape(ShapeProblem::DuplicateUnits));
                }
                if self.cur.peek() != Some(b'[') {
                    return self
                        .cur
                        .err(JsonProblem::Shape(ShapeProblem::UnitsNotArray));
                }
                self.units_at = Span::new(self.cur.pos, self.cur.pos + 1);
                self.cur.pos += 1;
                self.cur.ws();
                if self.cur.eat(b']') {
                    return self.after_units();
                }
                self.in_units = true;
                return Ok(());
            }
            self.other_keys.push((key, span));
            self.cur.skip()?;
            if !self.cur.separator(b'}', ", or }")? {
                return self.end(seen_units);
            }
        }
    }

    fn after_units(&mut self) -> Result<()> {
        self.in_units = false;
        if self.cur.separator(b'}', ", or }")? {
            self.members_until_units(true)
        } else {
            self.end(true)
        }
    }

    /// The top-level object has closed: nothing may follow, and `units` must have come.
    fn end(&mut self, seen_units: bool) -> Result<()> {
        self.cur.ws();
        if self.cur.peek().is_some() {
            return self.cur.err(JsonProblem::TrailingContent);
        }
        if !seen_units {
            return self.cur.err(JsonProblem::Shape(ShapeProblem::NoUnits));
        }
        Ok(())
    }

    /// Reads the next unit into `out`; `Ok(false)` after the last one.
    pub fn next_unit(&mut self, out: &mut RawUnit<'a>) -> Result<bool> {
        out.clear();
        if !self.in_units {
            return Ok(false);
        }
        read_unit(&mut self.cur, out)?;
        if !self.cur.separator(b']', ", or ]")? {
            if self.tail {
                self.in_units = false;
                self.array_end = Some(self.cur.pos);
            } else {
                self.after_units()?;
            }
        }
        Ok(true)
    }

    /// A reader of the units from byte `at` (a unit's `{`) to the array's end,
    /// for reading the second part of a large file on another thread.
    pub fn tail(text: &'a str, at: usize) -> JsonUnits<'a> {
        JsonUnits {
            cur: Cursor { text, pos: at },
            in_units: true,
            tail: true,
            array_end: None,
            other_keys: Vec::new(),
            units_at: Span::default(),
        }
    }

    /// Where the next unit starts, while units remain.
    pub fn next_offset(&self) -> Option<usize> {
        self.in_units.then_some(self.cur.pos)
    }

    /// Continues after the units array that another reader read up to `end`
    /// (just after its `]`).
    pub fn resume_after_array(&mut self, end: usize) -> Result<()> {
        self.cur.pos = end;
        self.after_units()
    }
}

impl<'a> JsonUnits<'a> {
    /// A likely start of a unit near the middle of the text: a `{` after a
    /// `,` whose first key is `"unit"`. Only a guess: the caller confirms it by
    /// reading up to it (an event or a string can look the same).
    pub fn split_point(text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = text.len() / 2;
        while let Some(rel) = bytes.get(i..)?.iter().position(|b| *b == b'{') {
            let at = i + rel;
            let before = bytes
                .get(..at)?
                .iter()
                .rev()
                .find(|b| !b.is_ascii_whitespace());
            let after = bytes.get(at + 1..)?;
            let first = after.iter().position(|b| !b.is_ascii_whitespace());
            let key = first.and_then(|f| after.get(f..));
            if before == Some(&b',') && key.is_some_and(|k| k.starts_with(b"\"unit\"")) {
                return Some(at);
            }
            i = at + 1;
        }
        None
    }

    /// Reads again the unit whose object starts at byte `at` (from an earlier pass).
    pub fn unit_at(text: &'a str, at: usize, out: &mut RawUnit<'a>) -> Result<()> {
        out.clear();
        let mut cur = Cursor { text, pos: at };
        read_unit(&mut cur, out)
    }
}

fn read_unit<'a>(cur: &mut Cursor<'a>, out: &mut RawUnit<'a>) -> Result<()> {
    let start = cur.pos;
    if cur.peek() != Some(b'{') {
        let (v, span) = cur.value()?;
        out.span = span;
        out.not_object = Some(v.type_name());
        return Ok(());
    }
    cur.pos += 1;
    cur.ws();
    if !cur.eat(b'}') {
        loop {
            let (key, key_span) = cur.string()?;
            cur.ws();
            cur.expect(b':', ":")?;
            cur.ws();
            match (key.as_ref(), cur.peek()) {
                ("scores", Some(b'{')) => {
                    let s = cur.pos;
                    cur.scalar_members(&mut out.score_fields)?;
                    out.scores = Some(Span::new(s, cur.pos));
                }
                ("scored_by", Some(b'{')) => {
                    let s = cur.pos;
                    cur.scalar_members(&mut out.scorer_fields)?;
                    out.scorers = Some(Span::new(s, cur.pos));
                }
                ("events", Some(b'[')) => {
                    let s = cur.pos;
                    read_events(cur, out)?;
                    out.events = Some(Span::new(s, cur.pos));
                }
                _ => {
                    let (value, span) = cur.value()?;
                    out.fields.push(RawField {
                        key,
                        key_span,
                        value,
                        span,
                    });
                }
            }
            if !cur.separator(b'}', ", or }")? {
                break;
            }
        }
    }
    out.span = Span::new(start, cur.pos);
    Ok(())
}

fn read_events<'a>(cur: &mut Cursor<'a>, out: &mut RawUnit<'a>) -> Result<()> {
    cur.expect(b'[', "[")?;
    cur.ws();
    if cur.eat(b']') {
        return Ok(());
    }
    loop {
        let s = cur.pos;
        let start = out.event_fields.len();
        let not_object = if cur.peek() == Some(b'{') {
            cur.scalar_members(&mut out.event_fields)?;
            None
        } else {
            Some(cur.value()?.0.type_name())
        };
        out.event_list.push(RawEvent {
            span: Span::new(s, cur.pos),
            start,
            end: out.event_fields.len(),
            not_object,
        });
        if !cur.separator(b']', ", or ]")? {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Result<Vec<RawUnit<'_>>> {
        let mut r = JsonUnits::open(text)?;
        let mut out = Vec::new();
        let mut u = RawUnit::default();
        while r.next_unit(&mut u)? {
            out.push(u.clone());
        }
        Ok(out)
    }

    #[test]
    fn reads_units_scores_and_events_with_exact_numbers() {
        let text = r#"{"units": [
            {"unit": "甲", "scores": {"工作": 57.50, "学习": 1e1},
             "events": [{"kind": "表彰", "层级": "国家", "date": "2019-05-10", "points": 0.1}]},
            {"unit": "乙\u5904", "group": "x", "scores": {}, "events": []}
        ]}"#;
        let us = units(text).unwrap();
        assert_eq!(us.len(), 2);
        assert_eq!(
            us[0].field("unit").unwrap().value,
            RawValue::Str("甲".into())
        );
        assert_eq!(us[0].score_fields[0].value, RawValue::Num("57.50".into()));
        assert_eq!(us[0].score_fields[1].value, RawValue::Num("1e1".into()));
        let ev = &us[0].event_list[0];
        let fields = us[0].fields_of(ev);
        assert_eq!(fields.len(), 4);
        assert_eq!(fields[3].value, RawValue::Num("0.1".into()));
        assert_eq!(
            us[1].field("unit").unwrap().value,
            RawValue::Str("乙处".into())
        );
        assert_eq!(&text[us[0].span.start..us[0].span.start + 1], "{");
    }

    #[test]
    fn keeps_wrong_types_for_the_validator() {
        let us = units(r#"{"units":[{"unit":1,"scores":[1],"events":{"a":1}}, 5]}"#).unwrap();
        assert_eq!(
            us[0].field("unit").unwrap().value,
            RawValue::Num("1".into())
        );
        assert_eq!(us[0].field("scores").unwrap().value, RawValue::Array);
        assert_eq!(us[0].field("events").unwrap().value, RawValue::Object);
        assert_eq!(us[1].not_object, Some("number"));
    }

    #[test]
    fn reports_syntax_errors_at_their_byte() {
        let e = |t: &str| units(t).err().map(|e| (e.problem, e.at));
        assert_eq!(
            e(r#"{"units": [ {"unit": "a",} ]}"#),
            Some((JsonProblem::Expected("\""), 25))
        );
        assert_eq!(
            e(r#"{"units": [ {"unit": "a"} ]"#),
            Some((JsonProblem::Expected(", or }"), 27))
        );
        assert_eq!(
            e(r#"{"units": [ {"x": 01} ]}"#).map(|x| x.0),
            Some(JsonProblem::BadNumber)
        );
        assert_eq!(
            e(r#"{"units": 3}"#).map(|x| x.0),
            Some(JsonProblem::Shape(ShapeProblem::UnitsNotArray))
        );
        assert_eq!(
            e(r#"{"other": 3}"#).map(|x| x.0),
            Some(JsonProblem::Shape(ShapeProblem::NoUnits))
        );
        assert_eq!(
            e(r#"{"units": []} x"#).map(|x| x.0),
            Some(JsonProblem::TrailingContent)
        );
        assert_eq!(
            e("{\"units\": [ {\"unit\": \"a\nb\"} ]}").map(|x| x.0),
            Some(JsonProblem::ControlCharacter)
        );
    }

    #[test]
    fn other_top_level_keys_are_kept_and_skipped() {
        let text = r#"{"year": {"a": [1, {"b": null}]}, "units": [], "note": "x"}"#;
        let r = JsonUnits::open(text).unwrap();
        let keys: Vec<&str> = r.other_keys.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, vec!["year", "note"]);
    }

    #[test]
    fn a_unit_can_be_read_again_from_its_offset() {
        let text = r#"{"units": [{"unit": "a"}, {"unit": "b", "events": [{"kind": "k"}]}]}"#;
        let us = units(text).unwrap();
        let mut again = RawUnit::default();
        JsonUnits::unit_at(text, us[1].span.start, &mut again).unwrap();
        assert_eq!(
            again.field("unit").unwrap().value,
            RawValue::Str("b".into())
        );
        assert_eq!(again.event_list.len(), 1);
    }
}
