//! Exact decimals (LANGUAGE.md §1): numbers read from text exactly or refused
//! with the reason, never rounded. kaohe keeps 28 significant digits (the
//! decimal type's 96-bit significand, at most 28 places after the point); a
//! number that needs more is refused, so a score just outside a range is never
//! rounded into it.

use rust_decimal::Decimal;

/// Significant digits kaohe keeps.
pub const DIGITS: u32 = 28;

/// The largest number a policy may write (points, maxima, caps, factors,
/// counts): far above any assessment's, low enough that counts fit 32 bits
/// and sums of a policy's own numbers never come near the type's limits.
pub const POLICY_MAX: u32 = 1_000_000_000;

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

/// A result that needs more significant digits (or places after the point)
/// than kaohe keeps: the computation stops here instead of rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inexact;

/// `a + b`, exactly.
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, Inexact> {
    // The common case first: the decimal type adds at the larger scale and
    // only lowers the scale when it must round, so a sum at that scale is
    // exact. Otherwise the sum is worked out in whole numbers below.
    let scale = a.scale().max(b.scale());
    if let Some(r) = a.checked_add(b)
        && r.scale() == scale
    {
        return Ok(r);
    }
    let (a, b) = (a.normalize(), b.normalize());
    let scale = a.scale().max(b.scale());
    let widen = |d: Decimal| -> Option<i128> {
        d.mantissa()
            .checked_mul(10i128.checked_pow(scale - d.scale())?)
    };
    let (ma, mb) = (widen(a).ok_or(Inexact)?, widen(b).ok_or(Inexact)?);
    make(ma.checked_add(mb).ok_or(Inexact)?, scale)
}

/// `a − b`, exactly.
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, Inexact> {
    // Negation only flips the sign: it is exact and cannot overflow.
    #[allow(clippy::arithmetic_side_effects)]
    add(a, -b)
}

/// `a × b`, exactly.
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Inexact> {
    // As for sums: a product kept at the sum of the scales was not rounded.
    if let Some(r) = a.checked_mul(b)
        && r.scale() == a.scale() + b.scale()
    {
        return Ok(r);
    }
    let (a, b) = (a.normalize(), b.normalize());
    let scale = a.scale() + b.scale();
    let negative = a.is_sign_negative() != b.is_sign_negative();
    let (ma, mb) = (a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    let (mut m, mut scale) = match ma.checked_mul(mb) {
        Some(m) => (Wide::from(m), scale),
        None => (Wide::mul(ma, mb), scale),
    };
    // Trailing zeros cost nothing: take them off while places remain.
    while scale > 0 && !m.fits() {
        match m.div10_exact() {
            Some(q) => {
                m = q;
                scale -= 1;
            }
            None => break,
        }
    }
    let m = m.narrow().ok_or(Inexact)?;
    let m = i128::try_from(m).map_err(|_| Inexact)?;
    make(if negative { -m } else { m }, scale)
}

/// `a ÷ b`, when the quotient is a decimal kaohe keeps exactly (never a
/// repeating or rounded one).
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal, Inexact> {
    let q = a.checked_div(b).ok_or(Inexact)?;
    if mul(q, b) == Ok(a) {
        Ok(q)
    } else {
        Err(Inexact)
    }
}

/// The sum of `values`, exactly.
pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Result<Decimal, Inexact> {
    values.into_iter().try_fold(Decimal::ZERO, add)
}

/// A decimal of mantissa `m` and `scale`, trailing zeros taken off while it
/// does not fit; `Inexact` when it still does not.
fn make(mut m: i128, mut scale: u32) -> Result<Decimal, Inexact> {
    const MAX: i128 = (1 << 96) - 1;
    while (scale > DIGITS || m.abs() > MAX) && scale > 0 && m % 10 == 0 {
        m /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(m, scale).map_err(|_| Inexact)
}

/// A product of two 96-bit mantissas, in four 64-bit limbs (least first).
#[derive(Debug, Clone, Copy)]
struct Wide([u64; 4]);

impl Wide {
    fn from(m: u128) -> Wide {
        Wide([m as u64, (m >> 64) as u64, 0, 0])
    }

    fn mul(a: u128, b: u128) -> Wide {
        let (a, b) = ([a as u64, (a >> 64) as u64], [b as u64, (b >> 64) as u64]);
        let mut out = [0u64; 4];
        for (i, x) in a.iter().enumerate() {
            let mut carry = 0u128;
            for (j, y) in b.iter().enumerate() {
                let Some(slot) = out.get_mut(i + j) else {
                    continue;
                };
                let t = u128::from(*x) * u128::from(*y) + u128::from(*slot) + carry;
                *slot = t as u64;
                carry = t >> 64;
            }
            if let Some(slot) = out.get_mut(i + 2) {
                *slot = carry as u64;
            }
        }
        Wide(out)
    }

    /// Whether it fits the decimal type's 96-bit mantissa.
    fn fits(&self) -> bool {
        self.0[2] == 0 && self.0[3] == 0 && self.0[1] >> 32 == 0
    }

    fn narrow(&self) -> Option<u128> {
        self.fits()
            .then(|| u128::from(self.0[0]) | (u128::from(self.0[1]) << 64))
    }

    /// The quotient by ten, when the division leaves no remainder.
    #[allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]
    fn div10_exact(&self) -> Option<Wide> {
        let mut out = [0u64; 4];
        let mut rem = 0u128;
        for i in (0..4).rev() {
            let cur = (rem << 64) | u128::from(self.0[i]);
            out[i] = (cur / 10) as u64;
            rem = cur % 10;
        }
        (rem == 0).then_some(Wide(out))
    }
}

/// The double that prints exactly as the decimal does, if there is one.
///
/// A spreadsheet cell holds an IEEE double and the file stores it as its
/// shortest round-trip text; parsing the decimal's text gives the nearest
/// double, and when that double prints back as the same text, the cell holds
/// exactly the decimal's value. Otherwise (more digits than a double holds)
/// writers put the number in as text rather than round it: a template filled
/// from data once turned a score of 9.1234567890123456789 into
/// 9.123456789012346.
pub fn exact_f64(d: Decimal) -> Option<f64> {
    let n = d.normalize();
    let text = if n.is_zero() {
        "0".to_string()
    } else {
        n.to_string()
    };
    let f: f64 = text.parse().ok()?;
    (format!("{f}") == text).then_some(f)
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
    fn arithmetic_is_exact_or_refused() {
        let d = |s: &str| read(s).unwrap_or_default();
        // 80.5 − 0.500000000000000000000000001 once came out as 80: the exact
        // 79.999999999999999999999999999 needs 29 digits, more than kept.
        assert_eq!(
            sub(d("80.5"), d("0.500000000000000000000000001")),
            Err(Inexact)
        );
        assert_eq!(
            sub(d("80.5"), d("0.50000000000000000000000001")),
            Ok(d("79.99999999999999999999999999"))
        );
        assert_eq!(add(d("0.1"), d("0.2")), Ok(d("0.3")));
        assert_eq!(
            add(d("79228162514264337593543950335"), d("1")),
            Err(Inexact)
        );
        assert_eq!(mul(d("2.5"), d("0.5")), Ok(d("1.25")));
        assert_eq!(mul(d("-3"), d("0.5")), Ok(d("-1.5")));
        // 38 digits before trailing zeros are taken off: still exact.
        assert_eq!(
            mul(d("1000000000000000000000"), d("0.0000000000000000000001")),
            Ok(d("0.1"))
        );
        // A product past 128 bits whose zeros bring it back in range.
        let two_90 = d("1237940039285380274899124224");
        let five_40 = d("0.9094947017729282379150390625");
        assert_eq!(mul(two_90, five_40), Ok(d("1125899906842624000000000000")));
        assert_eq!(
            mul(d("1.000000000000001"), d("1.000000000000001")),
            Err(Inexact)
        );
        assert_eq!(div(d("10"), d("4")), Ok(d("2.5")));
        assert_eq!(div(d("10"), d("3")), Err(Inexact));
        assert_eq!(div(d("1"), d("0")), Err(Inexact));
        assert_eq!(sum([d("1"), d("2.5"), d("-0.5")]), Ok(d("3")));
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
