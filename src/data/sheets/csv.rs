//! A folder with `得分.csv` (or `scores.csv`), `事项.csv` (`events.csv`) and
//! optionally `评分单位.csv` (`scored_by.csv`),
//! UTF-8 with or without a byte-order mark, as Excel's "CSV UTF-8" saves.

use std::path::Path;

use super::cells::Cell;
use super::{Grid, MAX_CELLS_PER_SIDE, Workbook, sheet_diag};
use crate::contract::{EVENTS_SHEET, Named, SCORERS_SHEET, SCORES_SHEET};
use crate::diag::{Diag, SheetProblem};

pub fn read_folder(dir: &Path) -> Result<Workbook, Vec<Diag>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let path = |name: &str| dir.join(name).display().to_string();
    read_files(&names, &path, |name| {
        std::fs::read(dir.join(name)).map_err(|e| format!("{}: {e}", path(name)))
    })
}

/// CSV files given by name (a folder's, or uploaded to the workbench), read
/// by `read` when wanted; `label` names a file in findings.
pub fn read_files(
    names: &[String],
    label: &dyn Fn(&str) -> String,
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Workbook, Vec<Diag>> {
    let find = |sheet: Named| {
        [sheet.zh, sheet.en]
            .iter()
            .map(|n| format!("{n}.csv"))
            .find(|n| names.contains(n))
    };
    let Some(scores) = find(SCORES_SHEET) else {
        return Err(vec![sheet_diag(
            "CSV",
            SheetProblem::MissingFile {
                file: "得分.csv",
                found: names.to_vec(),
            },
        )]);
    };
    let sheet = |file: &str, name: &str| {
        let bytes =
            read(file).map_err(|why| vec![sheet_diag("CSV", SheetProblem::NotAWorkbook(why))])?;
        grid(&bytes, &label(file), name)
    };
    let scores = sheet(&scores, SCORES_SHEET.zh)?;
    let events = find(EVENTS_SHEET)
        .map(|f| sheet(&f, EVENTS_SHEET.zh))
        .transpose()?;
    let scorers = find(SCORERS_SHEET)
        .map(|f| sheet(&f, SCORERS_SHEET.zh))
        .transpose()?;
    Ok(Workbook {
        format: "CSV",
        scores,
        events,
        scorers,
    })
}

fn grid(bytes: &[u8], file: &str, name: &str) -> Result<Grid, Vec<Diag>> {
    let fail = |why: String| {
        vec![sheet_diag(
            "CSV",
            SheetProblem::NotAWorkbook(format!("{file}: {why}")),
        )]
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut grid = Grid::new(name.to_string());
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(fail(e.to_string())),
        }
        if grid.rows.len() >= MAX_CELLS_PER_SIDE || record.len() > MAX_CELLS_PER_SIDE {
            return Err(vec![sheet_diag(
                "CSV",
                SheetProblem::TooLarge {
                    sheet: name.to_string(),
                    limit: MAX_CELLS_PER_SIDE,
                },
            )]);
        }
        grid.push_row(
            record
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(col, t)| (col, Cell::Text(t.to_string()))),
        );
    }
    Ok(grid)
}
