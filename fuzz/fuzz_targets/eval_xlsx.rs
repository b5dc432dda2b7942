//! An Excel workbook → `kaohe eval policies/shaoxing-2019.kh DATA.xlsx` in
//! every output format.
//!
//! An input starting with `PK` (a zip) is the `.xlsx` file itself. Any other
//! input describes a workbook that rust_xlsxwriter then writes, so mutations
//! reach kaohe's cells rather than dying in the zip layer: sheet `得分`, then a
//! NUL byte and sheet `事项` (as the CSV target's input); rows by line, cells
//! by `,`; a cell is a number if it parses as one, `TRUE`/`FALSE` a boolean,
//! `@N` a date (serial N, date format), `=…` a formula, anything else text.
//! Either way the file is written to a scratch folder (the xlsx reader takes
//! a path).
//!
//! Asserts: no panic; refused data has a finding; data that evaluates renders
//! in every format (zh for an input of even length, en for odd; and `--unit`
//! for the first-ranked unit), the JSON outputs are JSON, and a second run
//! gives every output byte for byte.
#![no_main]

use kaohe::data::DataFile;
use libfuzzer_sys::fuzz_target;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// The workbook an input describes, or None when rust_xlsxwriter refuses it.
fn workbook(data: &[u8]) -> Option<Vec<u8>> {
    let (scores, events) = kaohe_fuzz::split_nul(data);
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, sheet) in [("得分", Some(scores)), ("事项", events)] {
        let Some(sheet) = sheet else { continue };
        let ws = book.add_worksheet();
        ws.set_name(name).ok()?;
        let text = String::from_utf8_lossy(sheet);
        for (r, line) in text.lines().enumerate() {
            let row = u32::try_from(r).ok()?;
            for (c, cell) in line.split(',').enumerate() {
                let col = u16::try_from(c).ok()?;
                let t = cell.trim();
                if t.is_empty() {
                    continue;
                }
                let written = if let Some(serial) = t.strip_prefix('@') {
                    let Ok(n) = serial.parse::<f64>() else {
                        continue;
                    };
                    let Ok(dt) = ExcelDateTime::from_serial_datetime(n) else {
                        continue;
                    };
                    ws.write_datetime_with_format(row, col, &dt, &date)
                        .map(|_| ())
                } else if t == "TRUE" || t == "FALSE" {
                    ws.write_boolean(row, col, t == "TRUE").map(|_| ())
                } else if let Ok(n) = t.parse::<f64>() {
                    ws.write_number(row, col, n).map(|_| ())
                } else if t.starts_with('=') {
                    ws.write_formula(row, col, t).map(|_| ())
                } else {
                    ws.write_string(row, col, cell).map(|_| ())
                };
                written.ok()?;
            }
        }
    }
    book.save_to_buffer().ok()
}

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        match workbook(data) {
            Some(b) => b,
            None => return,
        }
    };
    let path = kaohe_fuzz::scratch().join("data.xlsx");
    std::fs::write(&path, bytes).expect("write data.xlsx");
    match DataFile::load(&path) {
        Ok(file) => kaohe_fuzz::eval_deterministic(&file, kaohe_fuzz::lang_of(data)),
        Err((_, diags)) => assert!(!diags.is_empty(), "a workbook refused without a finding"),
    }
});
