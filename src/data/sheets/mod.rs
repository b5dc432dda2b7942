//! Unit data from spreadsheets: an Excel workbook (`.xlsx`, sheets `得分` and
//! `事项`, optionally `评分单位`) or a folder with `得分.csv` and `事项.csv`
//! (and `评分单位.csv`). Both are read into
//! grids of cells, then into the same raw units as JSON, so validation and
//! its KH7xx findings are shared; a finding is then placed by sheet and cell
//! (`得分!D3`) instead of by line and column.

mod cells;
pub(crate) mod csv;
pub mod index;
mod units;
pub(crate) mod xlsx;
mod xlsx_refs;

pub use cells::Cell;
pub use index::SheetIndex;

use std::path::Path;

use super::raw::RawUnit;
use crate::diag::{DataMessage, Diag, Message, SheetProblem, SyntaxDetail};
use crate::source::Span;

/// One sheet: its name and, row by row from A1, only its non-blank cells
/// with their columns (in column order). A sheet may be wide or tall with
/// almost nothing in it (a CSV row of 100,000 commas, an xlsx whose used
/// range reaches XFD1048576): kept sparse, reading it costs what is written
/// in it, not its area.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<(usize, Cell)>>,
}

/// Rows and columns a sheet may have: a cell's place must fit the spans of
/// sheet data (see [`index::cell_span`]). Excel's own limits (1,048,576 rows,
/// 16,384 columns) are far below.
pub const MAX_CELLS_PER_SIDE: usize = (1 << 24) - 1;

impl Grid {
    pub fn new(name: String) -> Grid {
        Grid {
            name,
            rows: Vec::new(),
        }
    }

    /// Adds the next row from its cells in column order; blank cells are
    /// dropped.
    pub fn push_row(&mut self, cells: impl Iterator<Item = (usize, Cell)>) {
        self.rows
            .push(cells.filter(|(_, c)| !c.is_blank()).collect());
    }

    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| {
                r.binary_search_by_key(&col, |(c, _)| *c)
                    .ok()
                    .and_then(|i| r.get(i))
            })
            .map_or(&Cell::Empty, |(_, c)| c)
    }
}

/// A workbook as read: the scores sheet, and the events and scorers sheets
/// if there are.
#[derive(Debug, Clone)]
pub struct Workbook {
    /// `Excel` or `CSV`, as findings name the format.
    pub format: &'static str,
    pub scores: Grid,
    pub events: Option<Grid>,
    /// `评分单位`: who scored each item, the scores sheet's shape.
    pub scorers: Option<Grid>,
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
