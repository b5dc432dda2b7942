//! Exact decimals from data text: `57.5` is 57.5, never a float round trip.

use rust_decimal::Decimal;

use crate::exact::NumberProblem;

/// The exact value of a number's text (`12`, `-0.50`, `1e2`), or why it is
/// refused ([`crate::exact::read`]).
pub fn number(text: &str) -> Result<Decimal, NumberProblem> {
    fast(text).map_or_else(|| crate::exact::read(text), Ok)
}

/// The exact value of a number's text, if it has one.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    number(text).ok()
}

/// Plain `-?digits(.digits)?` with at most 18 digits, without the general parser.
fn fast(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    let (neg, digits) = match bytes.first() {
        Some(b'-') => (true, bytes.get(1..)?),
        _ => (false, bytes),
    };
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut scale: Option<u32> = None;
    let mut count = 0;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + i64::from(b - b'0');
                count += 1;
                if let Some(s) = scale.as_mut() {
                    *s += 1;
                }
            }
            b'.' if scale.is_none() && count > 0 => scale = Some(0),
            _ => return None,
        }
    }
    if count == 0 || count > 18 || scale == Some(0) {
        return None;
    }
    let m = if neg { -mantissa } else { mantissa };
    Some(Decimal::new(m, scale.unwrap_or(0)))
}

/// A whole number that fits an `i32` (a year): `Ok(None)` for a number that
/// is not one, `Err` for text that is no number kaohe reads exactly.
pub fn parse_year(text: &str) -> Result<Option<i32>, NumberProblem> {
    let d = number(text)?;
    Ok(if d.fract().is_zero() {
        i32::try_from(d.trunc()).ok()
    } else {
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn numbers_are_exact() {
        assert_eq!(parse_decimal("57.5"), Some(d("57.5")));
        assert_eq!(parse_decimal("0.1"), Some(d("0.1")));
        assert_eq!(parse_decimal("-2.50"), Some(d("-2.50")));
        assert_eq!(parse_decimal("1e2"), Some(d("100")));
        assert_eq!(
            parse_decimal("123456789012345678901.5"),
            Some(d("123456789012345678901.5"))
        );
        assert_eq!(parse_decimal("abc"), None);
        assert_eq!(parse_decimal("1."), None);
        assert_eq!(parse_decimal(""), None);
        assert_eq!(parse_decimal(".5"), None);
        assert_eq!(parse_decimal("1e"), None);
        assert_eq!(parse_decimal("+1"), None);
        assert_eq!(parse_decimal("1.5e-1"), Some(d("0.15")));
        let tenth = parse_decimal("0.1").unwrap_or_default();
        assert_eq!(tenth + tenth + tenth, d("0.3"));
    }

    #[test]
    fn years_are_whole() {
        assert_eq!(parse_year("2018"), Ok(Some(2018)));
        assert_eq!(parse_year("2018.0"), Ok(Some(2018)));
        assert_eq!(parse_year("2018.5"), Ok(None));
        assert!(parse_year("2017.9999999999999999999999999999e0").is_err());
    }
}
