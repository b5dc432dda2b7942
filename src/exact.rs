//! Exact decimals (LANGUAGE.md §1): numbers read from text exactly or refused
//! with the reason, never rounded. kaohe keeps 28 significant digits (the
//! decimal type's 96-bit significand, at most 28 places after the point); a
//! number that needs more is refused, so a score just outside a range is never
//! rounded into it.

use rust_decimal::Decimal;

/// Significant digits kaohe keeps.
pub const DIGITS: u32 = 28;

/// Why a number's text is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NumberProblem {
    /// Not a number at all (`12a`, `1.`, `.5`).
    Malformed,
    /// A number in a form kaohe does not accept: hexadecimal, octal or binary
    /// (`0x3A`), or an infinity or NaN.
    NotDecimal,
    /// Exact, it needs more significant digits (or more places after the
    /// point) than kaohe keeps: `digits` of them.
    TooManyDigits { digits: u32 },
    /// Larger than the largest number kaohe keeps (about 7.9 × 10^28).
    TooLarge,
}

/// The exact value of a number's text: `-?digits(.digits)?([eE][+-]?digits)?`
/// (`12`, `-0.50`, `1e2`, `4.000000000000000000000000000000`, `0e100`).
/// Trailing zeros and leading zeros cost nothing; a value that needs more than
/// [`DIGITS`] significant digits is refused, never rounded.
pub fn read(text: &str) -> Result<Decimal, NumberProblem> {
    let lower = text.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['-', '+']);
    if ["0x", "0o", "0b"].iter().any(|p| unsigned.starts_with(p))
        || ["inf", "nan", "infinity"].contains(&unsigned)
    {
        return Err(NumberProblem::NotDecimal);
    }
    let (negative, t) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (t.get(..i).unwrap_or(""), Some(t.get(i + 1..).unwrap_or(""))),
        None => (t, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (int, frac) = match mantissa.split_once('.') {
        Some((int, frac)) if all_digits(int) && all_digits(frac) => (int, frac),
        None if all_digits(mantissa) => (mantissa, ""),
        _ => return Err(NumberProblem::Malformed),
    };
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if !all_digits(digits) {
                return Err(NumberProblem::Malformed);
            }
            // An exponent of more than 18 digits: the value is 0 or far out of range.
            let value: i64 = digits.parse().unwrap_or(i64::MAX / 2);
            if e.starts_with('-') { -value } else { value }
        }
    };
    // The value is `significant × 10^power`, with no leading or trailing zeros.
    let all = format!("{int}{frac}");
    let significant = all.trim_start_matches('0').trim_end_matches('0');
    if significant.is_empty() {
        return Ok(Decimal::ZERO);
    }
    let trailing = all.len() - all.trim_end_matches('0').len();
    let power = exponent
        .saturating_sub(frac.len() as i64)
        .saturating_add(trailing as i64);
    let digits = significant.len() as i64;
    // Places after the point it needs, and digits in all.
    let places = (-power).max(0);
    let whole = (digits + power.max(0)).max(places);
    if digits + power > i64::from(DIGITS) + 1 {
        return Err(NumberProblem::TooLarge);
    }
    if places > i64::from(DIGITS) || whole > i64::from(DIGITS) + 1 {
        let digits = u32::try_from(whole).unwrap_or(u32::MAX);
        return Err(NumberProblem::TooManyDigits { digits });
    }
    let mut m: i128 = significant.parse().map_err(|_| NumberProblem::Malformed)?;
    for _ in 0..power.max(0) {
        m = m.checked_mul(10).ok_or(NumberProblem::TooLarge)?;
    }
    if negative {
        m = -m;
    }
    let scale = u32::try_from(places).map_err(|_| NumberProblem::Malformed)?;
    Decimal::try_from_i128_with_scale(m, scale).map_err(|_| {
        if places > 0 {
            NumberProblem::TooManyDigits { digits: DIGITS + 1 }
        } else {
            NumberProblem::TooLarge
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn numbers_are_read_exactly() {
        assert_eq!(read("57.5"), Ok(d("57.5")));
        assert_eq!(read("-2.50"), Ok(d("-2.5")));
        assert_eq!(read("1e2"), Ok(d("100")));
        assert_eq!(read("1.5e-1"), Ok(d("0.15")));
        assert_eq!(read("4.00000000000000000000000000000"), Ok(d("4")));
        assert_eq!(read("0e100"), Ok(Decimal::ZERO));
        assert_eq!(read("0.000e-999999999999999999999"), Ok(Decimal::ZERO));
        assert_eq!(read("007"), Ok(d("7")));
        assert_eq!(
            read("9.999999999999999999999999999e0"),
            Ok(d("9.999999999999999999999999999"))
        );
        assert_eq!(read("1e-28"), Ok(d("0.0000000000000000000000000001")));
        assert_eq!(read("1e28"), Ok(d("10000000000000000000000000000")));
    }

    #[test]
    fn numbers_that_would_round_are_refused() {
        // 30 significant digits: read as 10 by a float or a rounding parser.
        assert_eq!(
            read("9.99999999999999999999999999999e0"),
            Err(NumberProblem::TooManyDigits { digits: 30 })
        );
        assert_eq!(
            read("10.00000000000000000000000000001e0"),
            Err(NumberProblem::TooManyDigits { digits: 31 })
        );
        assert_eq!(
            read("2017.9999999999999999999999999999e0"),
            Err(NumberProblem::TooManyDigits { digits: 32 })
        );
        assert_eq!(
            read("1e-30"),
            Err(NumberProblem::TooManyDigits { digits: 30 })
        );
        assert_eq!(read("1e40"), Err(NumberProblem::TooLarge));
        assert_eq!(
            read("1e999999999999999999999"),
            Err(NumberProblem::TooLarge)
        );
    }

    #[test]
    fn other_forms_say_what_they_are() {
        for text in ["0x3A", "0o17", "0b101", "inf", "-inf", "nan", "+nan"] {
            assert_eq!(read(text), Err(NumberProblem::NotDecimal), "{text}");
        }
        for text in ["abc", "1.", ".5", "1e", "+1", "", "1e+", "--1", "1.2.3"] {
            assert_eq!(read(text), Err(NumberProblem::Malformed), "{text}");
        }
    }
}
