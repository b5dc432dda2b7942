//! Unit data: readers for each format produce [`raw::RawUnit`]s; `validate`
//! checks them against the program and produces the evaluator's input, or
//! KH7xx findings that name the unit, the event, its path and its place.

pub mod digest;
pub mod feed;
pub mod input;
pub mod json;
pub mod numbers;
pub mod raw;
pub mod sheets;
pub mod source;
pub mod toml;
pub mod validate;

use std::path::Path;

use crate::diag::{Diag, Message};
use crate::source::{SourceFile, Span};

/// Unit data as given: a text file (`.json`, `.toml`) or sheets (an `.xlsx`
/// workbook, or a folder of `.csv` files).
pub enum DataFile {
    Text(SourceFile),
    Sheets {
        name: String,
        book: sheets::Workbook,
    },
}

impl DataFile {
    pub fn name(&self) -> &str {
        match self {
            DataFile::Text(f) => &f.name,
            DataFile::Sheets { name, .. } => name,
        }
    }

    /// The same data under another name (the workbench names a workspace
    /// file by its path in the workspace, not on the machine).
    pub fn named(mut self, new: &str) -> DataFile {
        match &mut self {
            DataFile::Text(f) => f.name = new.to_string(),
            DataFile::Sheets { name, .. } => *name = new.to_string(),
        }
        self
    }

    /// Reads `path` as sheets when it is a folder or an `.xlsx` file, else
    /// as text (KH001 says why it cannot be read).
    pub fn load(path: &Path) -> Result<DataFile, (String, Vec<Diag>)> {
        let name = path.display().to_string();
        let sheets = path.is_dir() || name.to_lowercase().ends_with(".xlsx");
        if sheets {
            match sheets::read(path) {
                Ok(book) => Ok(DataFile::Sheets { name, book }),
                Err(d) => Err((name, d)),
            }
        } else {
            crate::files::read(path)
                .map(DataFile::from)
                .map_err(|(_, d)| (name, d))
        }
    }

    /// The text a finding's span points into (none for sheets: their
    /// findings name their cells).
    pub fn source(&self) -> std::borrow::Cow<'_, SourceFile> {
        match self {
            // Borrowed: a large file is never copied to print its findings.
            DataFile::Text(f) => std::borrow::Cow::Borrowed(f),
            DataFile::Sheets { name, .. } => {
                std::borrow::Cow::Owned(SourceFile::new(name.clone(), ""))
            }
        }
    }
}

impl From<SourceFile> for DataFile {
    /// Data text, without the byte-order mark Windows tools (Excel's "CSV
    /// UTF-8", PowerShell, many exporters) put first: it is no data, and
    /// places in the data count from after it.
    fn from(mut f: SourceFile) -> DataFile {
        if let Some(rest) = f.text.strip_prefix('\u{FEFF}') {
            f.text = rest.to_string();
        }
        DataFile::Text(f)
    }
}

/// The units of a data file as read, with what places them and what was
/// already found wrong.
pub struct Opened<'a> {
    pub source: source::DataSource<'a>,
    /// For sheets: the cells of the units' values.
    pub cells: Option<sheets::SheetIndex>,
    /// Findings about single rows of a sheet, reported with validation's.
    pub findings: Vec<Diag>,
}

impl Opened<'_> {
    /// Findings about this data, placed on their cells for sheets.
    pub fn placed(&self, diags: Vec<Diag>) -> Vec<Diag> {
        match &self.cells {
            Some(index) => place_on_sheets(diags, index),
            None => diags,
        }
    }
}

/// The units of a data file, and for sheets the index that places them.
pub fn open(file: &DataFile) -> Result<Opened<'_>, Vec<Diag>> {
    match file {
        DataFile::Text(f) => open_text(f).map(|source| Opened {
            source,
            cells: None,
            findings: Vec::new(),
        }),
        DataFile::Sheets { book, .. } => {
            let (units, index, findings) = sheets::units(book)?;
            let units_at = sheets::index::cell_span(
                0,
                index.unit_rows.first().map_or(0, |r| r.saturating_sub(1)),
                0,
            );
            Ok(Opened {
                source: source::DataSource::Memory {
                    units,
                    units_at,
                    other_keys: Vec::new(),
                },
                cells: Some(index),
                findings,
            })
        }
    }
}

/// Findings about sheet data, their data paths turned into cells (`得分!D3`).
pub fn place_on_sheets(mut diags: Vec<Diag>, index: &sheets::SheetIndex) -> Vec<Diag> {
    for d in &mut diags {
        if let Message::Data(m) = &mut d.message {
            for path in m.paths_mut() {
                if let Some(cell) = index.place_of_path(path) {
                    *path = cell;
                }
            }
        }
    }
    diags
}
/// The data source for a file, by its extension: `.json` streams, `.toml` is
/// read whole.
fn open_text(file: &SourceFile) -> Result<source::DataSource<'_>, Vec<Diag>> {
    let lower = file.name.to_lowercase();
    if lower.ends_with(".json") {
        Ok(source::DataSource::Json(&file.text))
    } else if lower.ends_with(".toml") {
        let t = toml::read(&file.text)?;
        Ok(source::DataSource::Memory {
            units: t.units,
            units_at: t.units_at,
            other_keys: t.other_keys,
        })
    } else {
        let m = Message::UnknownDataFormat {
            path: file.name.clone(),
        };
        Err(vec![Diag::new(m, Span::default())])
    }
}

/// The most bytes a `.zip` of CSV files may unpack to (a zip bomb is refused,
/// not unpacked).
const MOST_UNZIPPED: u64 = 64 << 20;

impl DataFile {
    /// Data given as files rather than a path (the workbench's upload): one
    /// `.json` or `.toml` text, one `.xlsx` workbook, the `.csv` files of a
    /// folder, or a `.zip` holding them. Read in memory; nothing is written.
    pub fn from_upload(files: Vec<(String, Vec<u8>)>) -> Result<DataFile, (String, Vec<Diag>)> {
        let name = files.first().map(|(n, _)| n.clone()).unwrap_or_default();
        let lower = name.to_lowercase();
        let unknown = || {
            let m = Message::UnknownDataFormat { path: name.clone() };
            (name.clone(), vec![Diag::new(m, Span::default())])
        };
        let csv = |files: Vec<(String, Vec<u8>)>| {
            let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
            let label = |n: &str| n.to_string();
            let book = sheets::csv::read_files(&names, &label, |n| {
                files
                    .iter()
                    .find(|(m, _)| m == n)
                    .map(|(_, b)| b.clone())
                    .ok_or_else(|| n.to_string())
            });
            book.map(|book| DataFile::Sheets {
                name: name.clone(),
                book,
            })
            .map_err(|d| (name.clone(), d))
        };
        match files.len() {
            1 if lower.ends_with(".json") || lower.ends_with(".toml") => {
                let bytes = files.into_iter().next().map(|(_, b)| b).unwrap_or_default();
                crate::files::text_of(name.clone(), Ok(bytes))
                    .map(DataFile::from)
                    .map_err(|(_, d)| (name.clone(), d))
            }
            1 if lower.ends_with(".xlsx") => {
                let bytes = files.into_iter().next().map(|(_, b)| b).unwrap_or_default();
                sheets::xlsx::read_bytes(bytes)
                    .map(|book| DataFile::Sheets {
                        name: name.clone(),
                        book,
                    })
                    .map_err(|d| (name.clone(), d))
            }
            1 if lower.ends_with(".zip") => {
                let bytes = files.into_iter().next().map(|(_, b)| b).unwrap_or_default();
                let unzipped = unzip_csv(&bytes).ok_or_else(unknown)?;
                csv(unzipped)
            }
            n if n > 0
                && files
                    .iter()
                    .all(|(f, _)| f.to_lowercase().ends_with(".csv")) =>
            {
                csv(files)
            }
            _ => Err(unknown()),
        }
    }
}

/// The `.csv` files of a zip, by their base name; `None` for a file that is
/// no zip or unpacks to more than [`MOST_UNZIPPED`] bytes.
fn unzip_csv(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut out = Vec::new();
    let mut left = MOST_UNZIPPED;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).ok()?;
        let name = f.name().ok()?.rsplit('/').next().unwrap_or("").to_string();
        if !name.to_lowercase().ends_with(".csv") {
            continue;
        }
        let mut data = Vec::new();
        let read = f
            .by_ref()
            .take(left.saturating_add(1))
            .read_to_end(&mut data)
            .ok()? as u64;
        left = left.checked_sub(read)?;
        out.push((name, data));
    }
    Some(out)
}
