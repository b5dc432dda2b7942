//! One cell's value, as the sheet shows it: numbers exactly as displayed
//! (Excel keeps binary floats; 9.8 is stored as 9.800000000000001 and shown
//! with 15 significant digits, so that is what kaohe reads), dates as
//! `YYYY-MM-DD`.

use std::str::FromStr;

use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    /// A number's exact decimal text.
    Number(String),
    /// A date the sheet typed as a date, `YYYY-MM-DD`.
    Date(String),
    Bool(bool),
    /// An error value such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    /// The cell as text: what a reader of the sheet sees.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Number(s) | Cell::Date(s) | Cell::Error(s) => s.clone(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// An Excel number as Excel displays it: 15 significant digits, trailing
/// zeros dropped. `None` for infinities and NaN.
pub fn excel_number(f: f64) -> Option<String> {
    if !f.is_finite() {
        return None;
    }
    if f == f.trunc() && f.abs() < 1e15 {
        return Some(format!("{}", f as i64));
    }
    let scientific = format!("{f:.14e}");
    let d = Decimal::from_scientific(&scientific).ok()?;
    Some(crate::diag::fmt_decimal(d.normalize()))
}

/// A plain decimal written as text (`90`, `-1.5`, ` 9.80 `), trimmed.
pub fn text_number(text: &str) -> Option<String> {
    let t = text.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    let plain = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|c| *c == '.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    (plain && Decimal::from_str(t).is_ok()).then(|| t.to_string())
}

/// A date written as text in a common way (`2019-05-10`, `2019/5/10`,
/// `2019.5.10`, `2019年5月10日`) as `YYYY-MM-DD`; other text unchanged.
pub fn text_date(text: &str) -> String {
    let t = text.trim();
    let cleaned: String = t
        .trim_end_matches('日')
        .chars()
        .map(|c| {
            if matches!(c, '/' | '.' | '年' | '月') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let parts: Vec<&str> = cleaned.split('-').collect();
    if let [y, m, d] = parts.as_slice()
        && y.len() == 4
        && [y, m, d]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && (1..=2).contains(&m.len())
        && (1..=2).contains(&d.len())
    {
        return format!("{y}-{m:0>2}-{d:0>2}");
    }
    t.to_string()
}

/// An Excel serial date (days since 1899-12-30, the 1900 system) as `YYYY-MM-DD`.
pub fn serial_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Days since 1970-01-01, then the civil date (Howard Hinnant's algorithm).
    let days = serial.floor() as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_excel_shows_them() {
        assert_eq!(excel_number(9.8).as_deref(), Some("9.8"));
        // 9.799999999999999 in binary; Excel shows 9.8.
        assert_eq!(excel_number(9.7 + 0.1).as_deref(), Some("9.8"));
        assert_eq!(excel_number(0.1 + 0.2).as_deref(), Some("0.3"));
        assert_eq!(excel_number(57.5).as_deref(), Some("57.5"));
        assert_eq!(excel_number(90.0).as_deref(), Some("90"));
        assert_eq!(excel_number(-1.25).as_deref(), Some("-1.25"));
        assert_eq!(excel_number(f64::NAN), None);
    }

    #[test]
    fn dates_from_serials_and_text() {
        assert_eq!(serial_date(43_595.0).as_deref(), Some("2019-05-10"));
        assert_eq!(serial_date(43_466.0).as_deref(), Some("2019-01-01"));
        assert_eq!(serial_date(43_830.0).as_deref(), Some("2019-12-31"));
        assert_eq!(text_date("2019/5/10"), "2019-05-10");
        assert_eq!(text_date("2019年5月10日"), "2019-05-10");
        assert_eq!(text_date("2019.05.10"), "2019-05-10");
        assert_eq!(text_date("五月"), "五月");
    }

    #[test]
    fn text_numbers() {
        assert_eq!(text_number(" 9.80 ").as_deref(), Some("9.80"));
        assert_eq!(text_number("-3").as_deref(), Some("-3"));
        assert_eq!(text_number("1e2"), None);
        assert_eq!(text_number("九十"), None);
        assert_eq!(text_number("."), None);
    }
}
