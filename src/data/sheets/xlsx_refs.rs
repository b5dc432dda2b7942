//! Every cell reference of a workbook checked against Excel's grid before
//! calamine reads it.
//!
//! calamine 0.38 turns a reference such as `r="C2"` into a row and a column
//! with unchecked `u32` arithmetic. A reference past Excel's grid
//! (`AAAAAAAA1`, `A99999999999`) overflows: a debug build panics, and a
//! release build wraps, so the value is silently read into another cell —
//! a renamed `C2` could land in `C2` again and score as if nothing were wrong.
//! Here every `r` of a `<c>` or `<row>` and every `ref` of a `<dimension>`, in
//! every part of the package, must name a place inside A1:XFD1048576, and the
//! places calamine infers for cells and rows written without a reference
//! must stay inside it too. Anything else refuses the workbook (KH700), so
//! calamine only ever computes positions that fit.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::cell_name;

/// Excel's rows and columns (`XFD1048576` is the last cell).
const EXCEL_ROWS: u64 = 1_048_576;
const EXCEL_COLUMNS: u64 = 16_384;

/// A reference that does not fit Excel's grid, and the package part it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideGrid {
    /// The part, e.g. `xl/worksheets/sheet1.xml`.
    pub part: String,
    /// The reference as written, or the place of a cell written without one.
    pub reference: String,
}

/// Checks every part of the package. A package that is not a zip, or a part
/// that is not XML, is left to calamine, whose own errors name it; only
/// references are judged here.
pub fn check(bytes: &[u8]) -> Result<(), OutsideGrid> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut xml = Vec::new();
    for i in 0..zip.len() {
        let Ok(mut entry) = zip.by_index(i) else {
            continue;
        };
        if entry.is_dir() {
            continue;
        }
        let part = String::from_utf8_lossy(entry.name_raw()).into_owned();
        xml.clear();
        // What could be read is checked even when reading then failed: a
        // wrong checksum only shows at the end of the part, after calamine
        // has parsed all of it (found by fuzzing: a part with a bad CRC).
        let _ = entry.read_to_end(&mut xml);
        check_part(&xml).map_err(|reference| OutsideGrid {
            part: part.clone(),
            reference,
        })?;
    }
    Ok(())
}

/// Follows one part as calamine's cell reader does (same reader settings,
/// same attribute scan, same inferred positions) and returns the first
/// reference or inferred place outside the grid.
fn check_part(xml: &[u8]) -> Result<(), String> {
    let mut reader = Reader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    let mut in_sheet_data = false;
    let (mut row, mut col) = (0u64, 0u64);
    loop {
        buf.clear();
        // Past an XML error calamine stops reading this part as well.
        let Ok(event) = reader.read_event_into(&mut buf) else {
            return Ok(());
        };
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "dimension" => {
                    for value in attr_values(e.attributes_raw().as_bytes(), b"ref") {
                        dimension(value)?;
                    }
                }
                "sheetData" => in_sheet_data = true,
                "row" => {
                    for value in attr_values(e.attributes_raw().as_bytes(), b"r") {
                        row = row_only(value).ok_or_else(|| text(value))?;
                    }
                    // Rows without a reference count on from the last one;
                    // past the grid calamine's counter would eventually wrap.
                    if in_sheet_data && row >= EXCEL_ROWS {
                        return Err(place_name(row, 0));
                    }
                }
                "c" => {
                    let mut place = None;
                    for value in attr_values(e.attributes_raw().as_bytes(), b"r") {
                        place = Some(cell(value).ok_or_else(|| text(value))?);
                    }
                    if let Some((r, c)) = place {
                        (row, col) = (r, c);
                    }
                    if in_sheet_data && (row >= EXCEL_ROWS || col >= EXCEL_COLUMNS) {
                        return Err(place_name(row, col));
                    }
                    col += 1;
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "row" => {
                    row += 1;
                    col = 0;
                }
                "sheetData" => in_sheet_data = false,
                _ => {}
            },
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The values of every attribute named exactly `key`, scanned as calamine
/// scans them (key up to `=`, a quoted value); a malformed attribute ends the
/// scan, as it ends calamine's.
fn attr_values<'a>(raw: &'a [u8], key: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut rest = raw;
    std::iter::from_fn(move || {
        loop {
            let (name, after) = split_once(rest.trim_ascii_start(), b'=')?;
            let after = after.trim_ascii_start();
            let Some((&quote, quoted)) = after
                .split_first()
                .filter(|(q, _)| matches!(q, b'"' | b'\''))
            else {
                rest = &[];
                return None;
            };
            let (value, tail) = split_once(quoted, quote).unwrap_or((quoted, &[]));
            rest = tail;
            if name.trim_ascii_end() == key {
                return Some(value);
            }
        }
    })
}

/// The bytes before the first `at` and those after it.
fn split_once(bytes: &[u8], at: u8) -> Option<(&[u8], &[u8])> {
    let i = bytes.iter().position(|b| *b == at)?;
    Some((bytes.get(..i)?, bytes.get(i + 1..)?))
}

/// A cell reference (`C2`): its row and column from 0, if both fit the grid.
fn cell(reference: &[u8]) -> Option<(u64, u64)> {
    match parts(reference)? {
        (row, Some(col)) => Some((row, col)),
        (_, None) => None,
    }
}

/// A row's reference (`2`; a column is allowed and ignored, as calamine does).
fn row_only(reference: &[u8]) -> Option<u64> {
    parts(reference).map(|(row, _)| row)
}

/// `ref` of a `<dimension>`: one or two cells, the second not before the first.
fn dimension(value: &[u8]) -> Result<(), String> {
    let fail = || text(value);
    let mut corners = value.split(|b| *b == b':');
    let first = cell(corners.next().ok_or_else(fail)?).ok_or_else(fail)?;
    if let Some(second) = corners.next() {
        let second = cell(second).ok_or_else(fail)?;
        if second.0 < first.0 || second.1 < first.1 {
            return Err(fail());
        }
    }
    match corners.next() {
        Some(_) => Err(fail()),
        None => Ok(()),
    }
}

/// Letters then digits, read with Excel's limits: a row from 0 below
/// 1,048,576 and, when letters are present, a column from 0 below 16,384.
/// Anything else (no digits, other characters, a zero row, more digits or
/// letters than the grid has) is `None`; the arithmetic cannot overflow,
/// because it stops as soon as a limit is passed.
fn parts(reference: &[u8]) -> Option<(u64, Option<u64>)> {
    let letters = reference
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let (alpha, digits) = reference.split_at(letters);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut col = 0u64;
    for b in alpha {
        col = col * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1;
        if col > EXCEL_COLUMNS {
            return None;
        }
    }
    let mut row = 0u64;
    for b in digits {
        row = row * 10 + u64::from(b - b'0');
        if row > EXCEL_ROWS {
            return None;
        }
    }
    let row = row.checked_sub(1)?;
    Some((row, col.checked_sub(1)))
}

/// A reference as written, for the finding (invisible characters are named
/// by the finding's own text).
fn text(reference: &[u8]) -> String {
    String::from_utf8_lossy(reference).into_owned()
}

/// `XFE1` for a place past the grid that no reference names.
fn place_name(row: u64, col: u64) -> String {
    cell_name(row as usize, col as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(data: &str) -> Vec<u8> {
        format!(
            r#"<?xml version="1.0"?><worksheet><dimension ref="A1:C3"/><sheetData>{data}</sheetData></worksheet>"#
        )
        .into_bytes()
    }

    #[test]
    fn references_inside_the_grid_pass() {
        assert_eq!(parts(b"A1"), Some((0, Some(0))));
        assert_eq!(parts(b"xfd1048576"), Some((1_048_575, Some(16_383))));
        assert_eq!(parts(b"7"), Some((6, None)));
        let xml = sheet(r#"<row r="2"><c r="C2"><v>1</v></c><c><v>2</v></c></row>"#);
        assert_eq!(check_part(&xml), Ok(()));
    }

    #[test]
    fn references_past_the_grid_are_named() {
        for bad in [
            "AAAAAAAA1",
            "XFE1",
            "A1048577",
            "A99999999999",
            "A0",
            "A",
            "A1B",
            "1A",
        ] {
            assert_eq!(parts(bad.as_bytes()).and_then(|p| p.1), None, "{bad}");
            let xml = sheet(&format!(r#"<row r="1"><c r="{bad}"><v>1</v></c></row>"#));
            assert_eq!(check_part(&xml), Err(bad.to_string()), "{bad}");
        }
        let xml = sheet(r#"<row r="4294967297"><c><v>1</v></c></row>"#);
        assert_eq!(check_part(&xml), Err("4294967297".into()));
    }

    #[test]
    fn dimensions_must_be_one_or_two_ordered_cells() {
        for bad in ["C3:A1", "A1:B2:C3", "A1:AAAAAAAA1", ""] {
            let xml = format!(r#"<worksheet><dimension ref="{bad}"/></worksheet>"#);
            assert_eq!(check_part(xml.as_bytes()), Err(bad.to_string()), "{bad}");
        }
    }

    #[test]
    fn inferred_places_stay_inside_the_grid() {
        let row = format!(r#"<row r="1"><c r="XFD1"/>{}</row>"#, "<c/>");
        assert_eq!(check_part(&sheet(&row)), Err("XFE1".into()));
        let rows = format!(r#"<row r="1048576"/>{}"#, "<row/>");
        assert_eq!(check_part(&sheet(&rows)), Err("A1048577".into()));
    }

    #[test]
    fn attributes_are_scanned_as_calamine_scans_them() {
        let found: Vec<_> = attr_values(br#" s="1" r="B2" t='s' r = "C3""#, b"r").collect();
        assert_eq!(found, [b"B2".as_slice(), b"C3"]);
        let unquoted: Vec<_> = attr_values(b" r=B2", b"r").collect();
        assert!(unquoted.is_empty());
    }
}
