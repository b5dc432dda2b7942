//! Exact decimals from data text: `57.5` is 57.5, never a float round trip.

use rust_decimal::Decimal;

/// The exact value of a number's text (`12`, `-0.50`, `1e2`), if it fits.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    if !well_formed(text) {
        return None;
    }
    fast(text).or_else(|| {
        if text.contains(['e', 'E']) {
            Decimal::from_scientific(text).ok()
        } else {
            Decimal::from_str_exact(text).ok()
        }
    })
}

/// `-?digits(.digits)?([eE][+-]?digits)?`: no stray dots, signs or spaces.
fn well_formed(text: &str) -> bool {
    let t = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (t.get(..i).unwrap_or(""), Some(t.get(i + 1..).unwrap_or(""))),
        None => (t, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    mantissa_ok && exponent_ok
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

/// A whole number that fits an `i32` (a year).
pub fn parse_year(text: &str) -> Option<i32> {
    let d = parse_decimal(text)?;
    if d.fract().is_zero() {
        i32::try_from(d.trunc()).ok()
    } else {
        None
    }
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
        assert_eq!(parse_year("2018"), Some(2018));
        assert_eq!(parse_year("2018.0"), Some(2018));
        assert_eq!(parse_year("2018.5"), None);
    }
}
