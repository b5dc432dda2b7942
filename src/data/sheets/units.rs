//! Grids → raw units in the data contract's shape. Headers may be Chinese or
//! English (`单位`/`unit`, `分组`/`group`; `事项`/`kind`, `日期`/`date`,
//! `分值`/`points`, `文号`/`doc`, `标题`/`title`, `已计年度`/`credited_in`,
//! `编号`/`id`); any other header of `得分` is an item, of `事项` an
//! attribute. A blank cell is an absent value.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use super::cells::{Cell, text_date, text_number};
use super::index::{SheetIndex, cell_span};
use super::{Grid, Workbook, cell_name, sheet_diag};
use crate::contract::{EVENT_COLUMNS, KIND, Named, UNIT, UNIT_COLUMNS};
use crate::data::raw::{RawEvent, RawField, RawUnit, RawValue};
use crate::diag::suggest::suggest;
use crate::diag::{Diag, SheetProblem};

/// How a column's cells are read.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Number,
    Date,
    Text,
}

struct Header {
    row: usize,
    /// (data key, column, header text)
    cols: Vec<(String, usize)>,
}

/// The header row of a sheet (its first non-blank row) with each column's key.
fn header(
    g: &Grid,
    sheet: usize,
    fixed: &[Named],
    format: &'static str,
    diags: &mut Vec<Diag>,
) -> Option<Header> {
    let row = g.rows.iter().position(|r| !r.is_empty())?;
    let mut cols: Vec<(String, usize)> = Vec::new();
    // Every column with a value in the header row or below, in order: one
    // pass over the cells written, however wide the sheet.
    let used: BTreeSet<usize> = g
        .rows
        .iter()
        .skip(row)
        .flat_map(|r| r.iter().map(|(c, _)| *c))
        .collect();
    for col in used {
        let cell = g.cell(row, col);
        if cell.is_blank() {
            let cell = format!("{}!{}", g.name, cell_name(row, col));
            diags.push(
                sheet_diag(format, SheetProblem::UnnamedColumn { cell })
                    .at(cell_span(sheet, row, col)),
            );
            continue;
        }
        let text = cell.text().trim().to_string();
        let key = fixed
            .iter()
            .find(|c| c.is(&text))
            .map_or(text.clone(), |c| c.key.to_string());
        if cols.iter().any(|(k, _)| *k == key) {
            let cell = format!("{}!{}", g.name, cell_name(row, col));
            diags.push(
                sheet_diag(format, SheetProblem::DuplicateColumn { cell, column: text })
                    .at(cell_span(sheet, row, col)),
            );
            continue;
        }
        cols.push((key, col));
    }
    Some(Header { row, cols })
}

fn value(cell: &Cell, role: Role) -> RawValue<'static> {
    let text = || Cow::Owned(cell.text().trim().to_string());
    match (cell, role) {
        (Cell::Number(n), Role::Number) => RawValue::Num(Cow::Owned(n.clone())),
        (Cell::Text(t), Role::Number) => match text_number(t) {
            Some(n) => RawValue::Num(Cow::Owned(n)),
            None => RawValue::Str(text()),
        },
        (Cell::Date(d), _) => RawValue::Date(Cow::Owned(d.clone())),
        (Cell::Text(t), Role::Date) => RawValue::Str(Cow::Owned(text_date(t))),
        (Cell::Bool(b), Role::Number) => RawValue::Bool(*b),
        _ => RawValue::Str(text()),
    }
}

fn is_blank_row(g: &Grid, row: usize) -> bool {
    g.rows.get(row).is_none_or(Vec::is_empty)
}

/// The units, the index that places them, and findings about single rows
/// (reported with the data's other findings); `Err` when the layout itself
/// is wrong (no unit column, an empty sheet).
pub fn read(book: &Workbook) -> Result<(Vec<RawUnit<'static>>, SheetIndex, Vec<Diag>), Vec<Diag>> {
    let format = book.format;
    let mut diags = Vec::new();
    let mut index = SheetIndex {
        sheets: [
            book.scores.name.clone(),
            book.events
                .as_ref()
                .map(|g| g.name.clone())
                .unwrap_or_default(),
            book.scorers
                .as_ref()
                .map(|g| g.name.clone())
                .unwrap_or_default(),
        ],
        ..SheetIndex::default()
    };
    let g = &book.scores;
    let Some(h) = header(g, 0, &UNIT_COLUMNS, format, &mut diags) else {
        return Err(vec![sheet_diag(
            format,
            SheetProblem::EmptySheet {
                sheet: g.name.clone(),
            },
        )]);
    };
    let Some(unit_col) = h.cols.iter().find(|(k, _)| k == UNIT.key).map(|(_, c)| *c) else {
        let column = UNIT.zh;
        return Err(vec![sheet_diag(
            format,
            SheetProblem::MissingColumn {
                sheet: g.name.clone(),
                column,
            },
        )]);
    };
    let mut units: Vec<RawUnit<'static>> = Vec::new();
    for row in h.row + 1..g.rows.len() {
        if is_blank_row(g, row) {
            continue;
        }
        let name_cell = g.cell(row, unit_col);
        let span = cell_span(0, row, unit_col);
        if name_cell.is_blank() {
            let cell = format!("{}!{}", g.name, cell_name(row, unit_col));
            diags.push(sheet_diag(format, SheetProblem::NoUnitName { cell }).at(span));
            continue;
        }
        let mut unit = RawUnit {
            span,
            scores: Some(span),
            ..RawUnit::default()
        };
        for (key, col) in &h.cols {
            let cell = g.cell(row, *col);
            if cell.is_blank() {
                continue;
            }
            let role = if key == "unit" || key == "group" {
                Role::Text
            } else {
                Role::Number
            };
            let field = RawField {
                key: Cow::Owned(key.clone()),
                key_span: cell_span(0, h.row, *col),
                value: value(cell, role),
                span: cell_span(0, row, *col),
            };
            if role == Role::Text {
                unit.fields.push(field);
            } else {
                unit.score_fields.push(field);
            }
        }
        index.unit_rows.push(row);
        units.push(unit);
    }
    index.score_cols = h.cols.clone();
    index.event_rows = vec![Vec::new(); units.len()];
    if let Some(g) = &book.events {
        events(g, format, &mut units, &mut index, &mut diags);
    }
    if let Some(g) = &book.scorers {
        scorers(g, format, &mut units, &mut index, &mut diags);
    }
    Ok((units, index, diags))
}

/// The units' names in order, and each name's first unit (as a search of
/// the list in order finds it): how rows of the other sheets find their unit.
fn unit_lookup(units: &[RawUnit<'static>]) -> (Vec<String>, HashMap<String, usize>) {
    let names: Vec<String> = units
        .iter()
        .filter_map(|u| u.fields.iter().find(|f| f.key == "unit"))
        .map(|f| match &f.value {
            RawValue::Str(s) => s.to_string(),
            _ => String::new(),
        })
        .collect();
    let mut first_row_of: HashMap<String, usize> = HashMap::new();
    for (u, n) in names.iter().enumerate() {
        first_row_of.entry(n.clone()).or_insert(u);
    }
    (names, first_row_of)
}

/// The unit a row of the events or scorers sheet names, or a finding.
fn row_unit(
    g: &Grid,
    sheet: usize,
    row: usize,
    unit_col: usize,
    format: &'static str,
    (names, first_row_of): &(Vec<String>, HashMap<String, usize>),
    diags: &mut Vec<Diag>,
) -> Option<usize> {
    let name = g.cell(row, unit_col).text().trim().to_string();
    if let Some(&u) = first_row_of.get(name.as_str()) {
        return Some(u);
    }
    let cell = format!("{}!{}", g.name, cell_name(row, unit_col));
    let suggestion = suggest(&name, names.iter().map(String::as_str));
    diags.push(
        sheet_diag(
            format,
            SheetProblem::EventUnitUnknown {
                cell,
                unit: name,
                suggestion,
            },
        )
        .at(cell_span(sheet, row, unit_col)),
    );
    None
}

/// `评分单位`: one row per unit, a column per item, who scored it in each cell.
fn scorers(
    g: &Grid,
    format: &'static str,
    units: &mut [RawUnit<'static>],
    index: &mut SheetIndex,
    diags: &mut Vec<Diag>,
) {
    let Some(h) = header(g, 2, &UNIT_COLUMNS, format, diags) else {
        return;
    };
    let Some(unit_col) = h.cols.iter().find(|(k, _)| k == UNIT.key).map(|(_, c)| *c) else {
        diags.push(sheet_diag(
            format,
            SheetProblem::MissingColumn {
                sheet: g.name.clone(),
                column: UNIT.zh,
            },
        ));
        return;
    };
    let lookup = unit_lookup(units);
    index.scorer_rows = vec![None; units.len()];
    for row in h.row + 1..g.rows.len() {
        if is_blank_row(g, row) {
            continue;
        }
        let Some(u) = row_unit(g, 2, row, unit_col, format, &lookup, diags) else {
            continue;
        };
        let (Some(unit), Some(at)) = (units.get_mut(u), index.scorer_rows.get_mut(u)) else {
            continue;
        };
        at.get_or_insert(row);
        // The group column, if the sheet repeats it, is not read here.
        for (key, col) in h.cols.iter().filter(|(k, _)| k != "unit" && k != "group") {
            let cell = g.cell(row, *col);
            if cell.is_blank() {
                continue;
            }
            unit.scorer_fields.push(RawField {
                key: Cow::Owned(key.clone()),
                key_span: cell_span(2, h.row, *col),
                value: value(cell, Role::Text),
                span: cell_span(2, row, *col),
            });
        }
        unit.scorers = Some(unit.span);
    }
    index.scorer_cols = h.cols.clone();
}

fn events(
    g: &Grid,
    format: &'static str,
    units: &mut [RawUnit<'static>],
    index: &mut SheetIndex,
    diags: &mut Vec<Diag>,
) {
    let Some(h) = header(g, 1, &EVENT_COLUMNS, format, diags) else {
        return;
    };
    let col_of = |key: &str| h.cols.iter().find(|(k, _)| k == key).map(|(_, c)| *c);
    let (Some(unit_col), Some(_)) = (col_of(UNIT.key), col_of(KIND.key)) else {
        let column = if col_of(UNIT.key).is_none() {
            UNIT.zh
        } else {
            KIND.zh
        };
        diags.push(sheet_diag(
            format,
            SheetProblem::MissingColumn {
                sheet: g.name.clone(),
                column,
            },
        ));
        return;
    };
    let lookup = unit_lookup(units);
    for row in h.row + 1..g.rows.len() {
        if is_blank_row(g, row) {
            continue;
        }
        let Some(u) = row_unit(g, 1, row, unit_col, format, &lookup, diags) else {
            continue;
        };
        let (Some(unit), Some(rows)) = (units.get_mut(u), index.event_rows.get_mut(u)) else {
            continue;
        };
        let kind_col = col_of("kind").unwrap_or(0);
        let start = unit.event_fields.len();
        for (key, col) in h.cols.iter().filter(|(k, _)| k != "unit") {
            let cell = g.cell(row, *col);
            if cell.is_blank() {
                continue;
            }
            let role = match key.as_str() {
                "points" | "credited_in" => Role::Number,
                "date" => Role::Date,
                _ => Role::Text,
            };
            unit.event_fields.push(RawField {
                key: Cow::Owned(key.clone()),
                key_span: cell_span(1, h.row, *col),
                value: value(cell, role),
                span: cell_span(1, row, *col),
            });
        }
        unit.event_list.push(RawEvent {
            span: cell_span(1, row, kind_col),
            start,
            end: unit.event_fields.len(),
            not_object: None,
        });
        unit.events = Some(unit.span);
        rows.push(row);
    }
    index.event_cols = h.cols.clone();
}
