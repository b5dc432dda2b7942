//! The template as an Excel workbook: bold frozen headers, notes with each
//! item's maximum, drop-down lists (kept on a hidden sheet `选项`, since a
//! list written inline may hold at most 255 characters), dates as dates.
//! Byte-identical for the same policy and data: the creation time is fixed.

use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, Formula, Note, Workbook, XlsxError,
};

use super::{Sheet, Value};

const LISTS: &str = "选项";

pub fn write(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    // Every list, once, as a column of the hidden sheet.
    let mut lists: Vec<Vec<String>> = Vec::new();
    let mut list_of = |values: &Vec<String>| -> usize {
        match lists.iter().position(|l| l == values) {
            Some(i) => i,
            None => {
                lists.push(values.clone());
                lists.len() - 1
            }
        }
    };
    let mut validations = Vec::new();
    for sheet in sheets {
        for (c, column) in sheet.columns.iter().enumerate() {
            if let Some(values) = column.list.as_ref().filter(|v| !v.is_empty()) {
                validations.push((sheet.name.clone(), c, list_of(values), values.len()));
            }
        }
    }
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name)?;
        for (c, column) in sheet.columns.iter().enumerate() {
            let c = c as u16;
            ws.write_string_with_format(0, c, &column.header, &bold)?;
            if let Some(note) = &column.note {
                ws.insert_note(0, c, &Note::new(note).set_author("kaohe"))?;
            }
            let width = sheet
                .rows
                .iter()
                .filter_map(|r| r.get(c as usize))
                .map(|v| v.text())
                .chain([column.header.clone()])
                .map(|t| unicode_width::UnicodeWidthStr::width(t.as_str()))
                .max()
                .unwrap_or(8);
            ws.set_column_width(c, (width + 2).clamp(8, 40) as f64)?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, value) in row.iter().enumerate() {
                let c = c as u16;
                match value {
                    Value::Blank => {}
                    Value::Text(t) => {
                        ws.write_string(r, c, t)?;
                    }
                    Value::Number(d) => match crate::exact::exact_f64(*d) {
                        Some(f) => {
                            ws.write_number(r, c, f)?;
                        }
                        None => {
                            ws.write_string(r, c, crate::diag::fmt_decimal(*d))?;
                        }
                    },
                    Value::Date(t) => match iso_date(t) {
                        Some((y, m, d)) => {
                            ws.write_datetime_with_format(
                                r,
                                c,
                                ExcelDateTime::from_ymd(y, m, d)?,
                                &date,
                            )?;
                        }
                        None => {
                            ws.write_string(r, c, t)?;
                        }
                    },
                }
            }
        }
        let last_row = (sheet.rows.len() as u32).max(1000);
        for (_, c, list, len) in validations.iter().filter(|(s, ..)| *s == sheet.name) {
            let col = column_letters(*list);
            let formula = Formula::new(format!("='{LISTS}'!${col}$1:${col}${len}"));
            let dv = DataValidation::new().allow_list_formula(formula);
            ws.add_data_validation(1, *c as u16, last_row, *c as u16, &dv)?;
        }
    }
    let ws = book.add_worksheet();
    ws.set_name(LISTS)?;
    for (c, values) in lists.iter().enumerate() {
        for (r, v) in values.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v)?;
        }
    }
    ws.set_hidden(true);
    book.save_to_buffer()
}

fn iso_date(t: &str) -> Option<(u16, u8, u8)> {
    let mut parts = t.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((y, m, d))
}

fn column_letters(i: usize) -> String {
    let name = crate::data::sheets::cell_name(0, i);
    name.trim_end_matches('1').to_string()
}
