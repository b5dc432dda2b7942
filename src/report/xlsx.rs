//! Rulings as an Excel workbook: sheet `结果` (`Results`) has the CSV's
//! columns with numbers as numbers; sheet `说明` (`Explanations`) has one row
//! per explained item, event, cap, veto, award and outcome, so nothing the
//! text report says is lost; sheet `办法` (`Policy`) names the policy, the
//! files' hashes and the assumptions.
//!
//! The same input gives the same bytes: the workbook's creation date is fixed
//! (1980-01-01, the date rust_xlsxwriter already gives the zip entries)
//! instead of the time of the run.

use std::io::Write;

use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::flat::{self, Value};
use super::summary::Summary;
use super::view::{Cited, UnitView};
use super::{Context, WriteError, dec};
use crate::i18n::words::{Words, words};

/// Widest column, in character widths (Excel's unit).
const MAX_WIDTH: usize = 60;

pub fn write(ctx: &Context<'_, '_>, out: &mut dyn Write) -> Result<(), WriteError> {
    let bytes = workbook(ctx).map_err(|e| match e {
        Failure::Data(e) => e,
        Failure::Xlsx(e) => WriteError::Io(std::io::Error::other(e.to_string())),
    })?;
    out.write_all(&bytes)?;
    Ok(())
}

enum Failure {
    Data(WriteError),
    Xlsx(XlsxError),
}

impl From<XlsxError> for Failure {
    fn from(e: XlsxError) -> Self {
        Failure::Xlsx(e)
    }
}

impl From<WriteError> for Failure {
    fn from(e: WriteError) -> Self {
        Failure::Data(e)
    }
}

fn workbook(ctx: &Context<'_, '_>) -> Result<Vec<u8>, Failure> {
    let w = words(ctx.lang);
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(ctx.p.title.as_str())
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let mut results = Sheet::new(w.results_sheet, &bold, flat::header(ctx, w))?;
    let mut explained = Sheet::new(
        w.explanations_sheet,
        &bold,
        vec![
            w.unit.to_string(),
            w.section.to_string(),
            w.what.to_string(),
            w.points.to_string(),
            w.counted.to_string(),
            w.why.to_string(),
            w.clause.to_string(),
        ],
    )?;
    for u in ctx.units() {
        let ruling = ctx.ruling(u)?;
        let summary = Summary::from_ruling(ctx, &ruling);
        results.row(&flat::row(ctx, w, &summary))?;
        for line in lines(w, &summary.name, &UnitView::of(ctx, &ruling)) {
            explained.row(&line)?;
        }
    }
    book.push_worksheet(results.finish()?);
    book.push_worksheet(explained.finish()?);
    book.push_worksheet(policy(ctx, w, &bold)?);
    Ok(book.save_to_buffer()?)
}

/// A worksheet filled row by row, remembering each column's widest text.
struct Sheet {
    ws: Worksheet,
    next: u32,
    widths: Vec<usize>,
}

impl Sheet {
    fn new(name: &str, bold: &Format, header: Vec<String>) -> Result<Sheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        let mut sheet = Sheet {
            ws,
            next: 0,
            widths: Vec::new(),
        };
        for (c, h) in (0u16..).zip(&header) {
            sheet.ws.write_string_with_format(0, c, h, bold)?;
            sheet.fit(c, h);
        }
        sheet.ws.set_freeze_panes(1, 0)?;
        sheet.next = 1;
        Ok(sheet)
    }

    fn fit(&mut self, col: u16, text: &str) {
        let c = usize::from(col);
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        if let Some(w) = self.widths.get_mut(c) {
            *w = (*w).max(UnicodeWidthStr::width(text));
        }
    }

    fn row(&mut self, values: &[Value]) -> Result<(), XlsxError> {
        let r = self.next;
        for (c, v) in (0u16..).zip(values) {
            match v {
                Value::Text(s) => {
                    self.ws.write_string(r, c, s)?;
                }
                Value::Number(d) => match crate::exact::exact_f64(*d) {
                    Some(f) => {
                        self.ws.write_number(r, c, f)?;
                    }
                    None => {
                        self.ws.write_string(r, c, dec(*d))?;
                    }
                },
                Value::Whole(n) => {
                    self.ws.write_number(r, c, *n)?;
                }
                Value::Empty => {}
            }
            self.fit(c, &v.text());
        }
        self.next += 1;
        Ok(())
    }

    /// The worksheet, each column as wide as its widest text (within `MAX_WIDTH`).
    fn finish(mut self) -> Result<Worksheet, XlsxError> {
        for (c, w) in (0u16..).zip(&self.widths) {
            let width = u32::try_from((*w).min(MAX_WIDTH)).unwrap_or(0) + 2;
            self.ws.set_column_width(c, width)?;
        }
        Ok(self.ws)
    }
}

fn cites(w: &Words, parts: &[Cited]) -> String {
    let mut all: Vec<&str> = Vec::new();
    for c in parts.iter().filter_map(|c| c.clause.as_deref()) {
        if !all.contains(&c) {
            all.push(c);
        }
    }
    all.join(w.list_sep)
}

fn texts(parts: &[Cited], sep: &str) -> String {
    parts
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

fn text(s: impl Into<String>) -> Value {
    let s = s.into();
    if s.is_empty() {
        Value::Empty
    } else {
        Value::Text(s)
    }
}

/// One row of the explanation sheet (the unit is added when it is written).
struct Line {
    section: &'static str,
    what: String,
    points: Option<Decimal>,
    counted: Option<bool>,
    why: String,
    clause: String,
}

impl Line {
    fn new(section: &'static str, what: String, why: String, clause: String) -> Line {
        Line {
            section,
            what,
            points: None,
            counted: None,
            why,
            clause,
        }
    }

    /// unit, section, what, points, counted, why, clause.
    fn row(self, w: &Words, unit: &str) -> Vec<Value> {
        vec![
            text(unit),
            text(self.section),
            text(self.what),
            self.points.map_or(Value::Empty, Value::Number),
            self.counted.map_or(Value::Empty, |c| {
                text(if c { w.counted } else { w.not_counted })
            }),
            text(self.why),
            text(self.clause),
        ]
    }
}

/// The explanation sheet's rows for one unit.
fn lines(w: &Words, unit: &str, v: &UnitView) -> Vec<Vec<Value>> {
    let mut lines = Vec::new();
    for i in &v.items {
        let mut why = format!("{} / {}", dec(i.contribution), dec(i.max));
        if let Some(n) = &i.note {
            why.push_str(&format!(" {n}"));
        }
        let mut clauses: Vec<&str> = i.clause.as_deref().into_iter().collect();
        if let Some(c) = &i.cleared {
            why.push_str(&format!(" {}", c.text));
            clauses.extend(c.clause.as_deref());
        }
        let name = format!("{}{}", "  ".repeat(i.depth), i.name);
        let clause = clauses.join(w.list_sep);
        lines.push(Line {
            points: Some(i.contribution),
            ..Line::new(w.item_row, name, why, clause)
        });
    }
    for e in &v.events {
        let mut why = texts(&e.effects, w.semicolon);
        if let Some(rule) = &e.rule {
            why.push_str(&format!("{}{}{}{rule}", w.semicolon, w.rule, w.colon));
        }
        let what = format!("#{} {}", e.number, e.what);
        lines.push(Line {
            points: e.points,
            counted: Some(e.counted),
            ..Line::new(w.event_row, what, why, cites(w, &e.effects))
        });
    }
    for c in &v.caps {
        let why = format!("{} {} → {}", w.capped, dec(c.from), dec(c.to));
        let clause = c.what.clause.clone().unwrap_or_default();
        lines.push(Line {
            points: Some(c.to),
            ..Line::new(w.cap_row, c.what.text.clone(), why, clause)
        });
    }
    for x in &v.vetoes {
        let clause = x.clause.clone().unwrap_or_default();
        let why = w.veto.to_string();
        lines.push(Line::new(w.veto_row, x.text.clone(), why, clause));
    }
    for a in &v.awards {
        let mut why = a.status.clone();
        if !a.reasons.is_empty() {
            why.push_str(&format!("{}{}", w.dash, texts(&a.reasons, w.semicolon)));
        }
        let clause = cites(w, &a.reasons);
        lines.push(Line::new(w.award_row, a.name.clone(), why, clause));
    }
    for o in &v.outcomes {
        let mut why = o.answer.to_string();
        if let (true, Some(a)) = (o.flagged, &o.assumption) {
            why.push_str(&format!("{}{}{}{a}{}", w.open, w.assume, w.colon, w.close));
        }
        let clause = o.clause.clone().filter(|_| o.flagged).unwrap_or_default();
        lines.push(Line::new(w.outcome_row, o.name.clone(), why, clause));
    }
    lines.into_iter().map(|l| l.row(w, unit)).collect()
}

/// The policy sheet: what the results rest on.
fn policy(ctx: &Context<'_, '_>, w: &Words, bold: &Format) -> Result<Worksheet, XlsxError> {
    let p = ctx.p;
    let mut sheet = Sheet::new(
        w.policy_sheet,
        bold,
        vec![w.what.to_string(), w.why.to_string(), w.clause.to_string()],
    )?;
    let mut facts = vec![
        vec![text(w.title), text(p.title.clone()), Value::Empty],
        vec![
            text(w.year),
            Value::Whole(u32::try_from(p.year).unwrap_or(0)),
            Value::Empty,
        ],
    ];
    if let Some(issuer) = &p.issuer {
        facts.insert(1, vec![text(w.issuer), text(issuer.clone()), Value::Empty]);
    }
    facts.push(vec![
        text(w.policy_hash),
        text(ctx.run.policy_sha256.clone()),
        Value::Empty,
    ]);
    facts.push(vec![
        text(w.data_hash),
        text(ctx.run.data_sha256.clone()),
        Value::Empty,
    ]);
    for a in super::doc::assumptions(ctx) {
        facts.push(vec![
            text(format!("{}{}{}", w.assume, w.colon, a.statement)),
            text(a.text),
            text(a.clause.unwrap_or_default()),
        ]);
    }
    for f in &facts {
        sheet.row(f)?;
    }
    sheet.finish()
}
