//! The template as a folder of CSV files, one per sheet (`得分.csv`,
//! `事项.csv`, …), UTF-8 with a byte-order mark so that Excel opens the
//! Chinese text correctly. CSV has no notes or lists: only headers and rows.

use std::path::Path;

use super::Sheet;

pub fn write(sheets: &[Sheet], dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for sheet in sheets {
        let mut out: Vec<u8> = b"\xEF\xBB\xBF".to_vec();
        {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(sheet.columns.iter().map(|c| c.header.as_str()))?;
            for row in &sheet.rows {
                w.write_record(row.iter().map(|v| v.text()))?;
            }
            w.flush()?;
        }
        std::fs::write(dir.join(format!("{}.csv", sheet.name)), out)?;
    }
    Ok(())
}
