//! Unit data from spreadsheets: an Excel workbook (`.xlsx`, sheets `得分` and
//! `事项`) or a folder with `得分.csv` and `事项.csv`. Both are read into
//! grids of cells, then into the same raw units as JSON, so validation and
//! its KH7xx findings are shared; a finding is then placed by sheet and cell
//! (`得分!D3`) instead of by line and column.

mod cells;
mod csv;
pub mod index;
mod units;
mod xlsx;

pub use cells::Cell;
pub use index::SheetIndex;

use std::path::Path;

use super::raw::RawUnit;
use crate::diag::{DataMessage, Diag, Message, SheetProblem, SyntaxDetail};
use crate::source::Span;

/// One sheet: its name and its cells, row by row from A1.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::Empty)
    }
}

/// A workbook as read: the scores sheet, and the events sheet if there is one.
#[derive(Debug, Clone)]
pub struct Workbook {
    /// `Excel` or `CSV`, as findings name the format.
    pub format: &'static str,
    pub scores: Grid,
    pub events: Option<Grid>,
}

/// `D3` for row 2, column 3 (both from 0).
pub fn cell_name(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// A finding about the shape of a workbook (KH700).
pub fn sheet_diag(format: &'static str, problem: SheetProblem) -> Diag {
    let m = DataMessage::Syntax {
        format,
        detail: SyntaxDetail::Sheet(problem),
    };
    Diag::new(Message::Data(m), Span::default())
}

/// Reads a workbook (`.xlsx`) or a folder of CSV files.
pub fn read(path: &Path) -> Result<Workbook, Vec<Diag>> {
    if path.is_dir() {
        csv::read_folder(path)
    } else {
        xlsx::read_file(path)
    }
}

/// The units of a workbook, the index that places each of their values, and
/// findings about single rows.
pub fn units(book: &Workbook) -> Result<(Vec<RawUnit<'static>>, SheetIndex, Vec<Diag>), Vec<Diag>> {
    units::read(book)
}
