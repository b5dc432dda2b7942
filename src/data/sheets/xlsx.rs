//! An Excel workbook (`.xlsx`) through calamine.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::cells::{Cell, excel_number, serial_date};
use super::{Grid, Workbook, sheet_diag};
use crate::contract::{EVENTS_SHEET, Named, SCORES_SHEET};
use crate::diag::{Diag, IoProblem, Message, SheetProblem};
use crate::source::Span;

pub fn read_file(path: &Path) -> Result<Workbook, Vec<Diag>> {
    let fail = |why: String| vec![sheet_diag("Excel", SheetProblem::NotAWorkbook(why))];
    let bytes = std::fs::read(path).map_err(|e| {
        let m = Message::CannotRead {
            path: path.display().to_string(),
            reason: IoProblem::of(&e),
        };
        vec![Diag::new(m, Span::default())]
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
    let mut grid = |name: String| -> Result<Grid, Vec<Diag>> {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| fail(e.to_string()))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(cell));
            rows.push(cells);
        }
        Ok(Grid { name, rows })
    };
    let scores = grid(scores)?;
    let events = find(EVENTS_SHEET).map(&mut grid).transpose()?;
    Ok(Workbook {
        format: "Excel",
        scores,
        events,
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
