//! Where each value of a workbook's units stands. Spans of sheet data are
//! not byte offsets but cell positions (`sheet << 48 | row << 24 | column`),
//! increasing in reading order, so findings sort as the sheets read; and the
//! data paths of findings (`units[2].scores.工作`, `units[2].scored_by.工作`)
//! are turned back into cells.

use super::cell_name;
use crate::source::Span;

/// The span of one cell. Rows and columns of at most 24 bits each, as the
/// readers ensure ([`super::MAX_CELLS_PER_SIDE`]), so a place never runs
/// into its neighbour's bits.
pub fn cell_span(sheet: usize, row: usize, col: usize) -> Span {
    let at = (sheet << 48) | (row << 24) | col;
    Span::new(at, at + 1)
}

#[derive(Debug, Clone, Default)]
pub struct SheetIndex {
    /// The sheets' names as the workbook spells them: scores, events, scorers.
    pub sheets: [String; 3],
    /// Per unit, its row in the scores sheet.
    pub unit_rows: Vec<usize>,
    /// Per unit, the rows of its events in the events sheet.
    pub event_rows: Vec<Vec<usize>>,
    /// Column of each key in the scores sheet (`unit`, `group`, item names).
    pub score_cols: Vec<(String, usize)>,
    /// Column of each key in the events sheet (`kind`, `date`, attributes…).
    pub event_cols: Vec<(String, usize)>,
    /// Per unit, its row in the scorers sheet (`评分单位`), if it has one.
    pub scorer_rows: Vec<Option<usize>>,
    /// Column of each key in the scorers sheet (`unit`, item names).
    pub scorer_cols: Vec<(String, usize)>,
}

impl SheetIndex {
    fn name(&self, sheet: usize, row: usize, col: usize) -> String {
        let sheet = self.sheets.get(sheet).map(String::as_str).unwrap_or("");
        format!("{sheet}!{}", cell_name(row, col))
    }

    fn col(cols: &[(String, usize)], key: &str) -> Option<usize> {
        cols.iter().find(|(k, _)| k == key).map(|(_, c)| *c)
    }

    /// `得分!D3` for a span of this workbook's data.
    pub fn place_of_span(&self, span: Span) -> Option<String> {
        let at = span.start;
        if at == 0 {
            return None;
        }
        Some(self.name(at >> 48, (at >> 24) & 0xff_ffff, at & 0xff_ffff))
    }

    /// The cell of a data path (`units[2]`, `units[2].scores.工作`,
    /// `units[2].events[0].层级`); `None` for a path it does not know.
    pub fn place_of_path(&self, path: &str) -> Option<String> {
        let rest = path.strip_prefix("units[")?;
        let (i, rest) = rest.split_once(']')?;
        let unit: usize = i.parse().ok()?;
        let row = *self.unit_rows.get(unit)?;
        let unit_cell = || {
            let col = Self::col(&self.score_cols, "unit").unwrap_or(0);
            self.name(0, row, col)
        };
        let Some(rest) = rest.strip_prefix('.') else {
            return Some(unit_cell());
        };
        if rest == "scores" || rest == "events" {
            return Some(unit_cell());
        }
        if let Some(key) = rest.strip_prefix("scores.") {
            return Some(match Self::col(&self.score_cols, key) {
                Some(col) => self.name(0, row, col),
                None => unit_cell(),
            });
        }
        if let Some(key) = rest.strip_prefix("scored_by") {
            let row = self.scorer_rows.get(unit).copied().flatten()?;
            let key = key.strip_prefix('.').unwrap_or("unit");
            let col = Self::col(&self.scorer_cols, key)
                .or_else(|| Self::col(&self.scorer_cols, "unit"))
                .unwrap_or(0);
            return Some(self.name(2, row, col));
        }
        if let Some(ev) = rest.strip_prefix("events[") {
            let (j, rest) = ev.split_once(']')?;
            let j: usize = j.parse().ok()?;
            let row = *self.event_rows.get(unit)?.get(j)?;
            let key = rest.strip_prefix('.').unwrap_or("kind");
            let col = Self::col(&self.event_cols, key)
                .or_else(|| Self::col(&self.event_cols, "kind"))
                .unwrap_or(0);
            return Some(self.name(1, row, col));
        }
        Some(match Self::col(&self.score_cols, rest) {
            Some(col) => self.name(0, row, col),
            None => unit_cell(),
        })
    }
}
