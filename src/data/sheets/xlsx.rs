//! An Excel workbook (`.xlsx`) through calamine.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::cells::{Cell, excel_number, serial_date};
use super::xlsx_refs;
use super::{Grid, MAX_CELLS_PER_SIDE, Workbook, sheet_diag};
use crate::contract::{EVENTS_SHEET, Named, SCORERS_SHEET, SCORES_SHEET};
use crate::diag::{Diag, IoProblem, Message, SheetProblem};
use crate::source::Span;

pub fn read_file(path: &Path) -> Result<Workbook, Vec<Diag>> {
    let bytes = std::fs::read(path).map_err(|e| {
        let m = Message::CannotRead {
            path: path.display().to_string(),
            reason: IoProblem::of(&e),
        };
        vec![Diag::new(m, Span::default())]
    })?;
    read_bytes(bytes)
}

/// A workbook's bytes (a file, or one uploaded to the workbench).
pub fn read_bytes(bytes: Vec<u8>) -> Result<Workbook, Vec<Diag>> {
    let fail = |why: String| vec![sheet_diag("Excel", SheetProblem::NotAWorkbook(why))];
    xlsx_refs::check(&bytes).map_err(|o| {
        vec![sheet_diag(
            "Excel",
            SheetProblem::OutsideGrid {
                part: o.part,
                reference: o.reference,
            },
        )]
    })?;
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| fail(e.to_string()))?;
    let names = book.sheet_names();
    let find = |wanted: Named| names.iter().find(|n| wanted.is(n)).cloned();
    let Some(scores) = find(SCORES_SHEET) else {
        return Err(vec![sheet_diag(
            "Excel",
            SheetProblem::MissingSheet {
                sheet: SCORES_SHEET.zh,
                found: names.clone(),
            },
        )]);
    };
    // Cell by cell, never through a dense range: a workbook with one value
    // in A1 and one in XFD1048576 is a few hundred bytes, its area 17·10⁹ cells.
    let mut grid = |name: String| -> Result<Grid, Vec<Diag>> {
        let mut cells: Vec<(u32, u32, Cell)> = Vec::new();
        match book.worksheet_cells_reader(&name) {
            Ok(mut reader) => {
                while let Some(c) = reader.next_cell().map_err(|e| fail(e.to_string()))? {
                    let (row, col) = c.get_position();
                    if row as usize >= MAX_CELLS_PER_SIDE || col as usize >= MAX_CELLS_PER_SIDE {
                        return Err(vec![sheet_diag(
                            "Excel",
                            SheetProblem::TooLarge {
                                sheet: name.clone(),
                                limit: MAX_CELLS_PER_SIDE,
                            },
                        )]);
                    }
                    let value = cell(&Data::from(c.get_value().clone()));
                    if !value.is_blank() {
                        cells.push((row, col, value));
                    }
                }
            }
            // A chart sheet under the name: a sheet with nothing in it.
            Err(calamine::XlsxError::NotAWorksheet(_)) => {}
            Err(e) => return Err(fail(e.to_string())),
        }
        // In reading order; a place written twice keeps its last value.
        cells.sort_by_key(|(r, c, _)| (*r, *c));
        let mut grid = Grid::new(name);
        let mut row: Vec<(usize, Cell)> = Vec::new();
        let mut at = 0u32;
        for (r, c, value) in cells {
            while at < r {
                grid.push_row(std::mem::take(&mut row).into_iter());
                at += 1;
            }
            if row.last().is_some_and(|(last, _)| *last == c as usize) {
                row.pop();
            }
            row.push((c as usize, value));
        }
        if !row.is_empty() {
            grid.push_row(row.into_iter());
        }
        Ok(grid)
    };
    let scores = grid(scores)?;
    let events = find(EVENTS_SHEET).map(&mut grid).transpose()?;
    let scorers = find(SCORERS_SHEET).map(&mut grid).transpose()?;
    Ok(Workbook {
        format: "Excel",
        scores,
        events,
        scorers,
    })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(i.to_string()),
        Data::Float(f) => excel_number(*f).map_or(Cell::Error(f.to_string()), Cell::Number),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            serial_date(dt.as_f64()).map_or(Cell::Error(dt.as_f64().to_string()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Text(dt.as_f64().to_string()),
        Data::DateTimeIso(s) => match s.get(..10) {
            Some(date) if s.len() == 10 || s.get(10..11) == Some("T") => {
                Cell::Date(date.to_string())
            }
            _ => Cell::Text(s.clone()),
        },
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}
