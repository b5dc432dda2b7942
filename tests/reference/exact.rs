//! Exact numbers for the reference: every value is a `BigRational` read from
//! its decimal text, so no sum, product or division here can round. A
//! rounding in kaohe then shows as a disagreement instead of being shared.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

/// An exact number.
pub type Q = BigRational;

/// `n` as an exact number.
pub fn int(n: i64) -> Q {
    Q::from_integer(BigInt::from(n))
}

/// `10^k`.
fn ten_to(k: u64) -> BigInt {
    num_traits::pow(BigInt::from(10), k as usize)
}

/// The exact value of `-?digits(.digits)?([eE][+-]?digits)?`, the forms a
/// policy literal or a JSON number takes; `None` for anything else.
pub fn parse(text: &str) -> Option<Q> {
    let (negative, t) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) if digits(w) && digits(f) => (w, f),
        None if digits(mantissa) => (mantissa, ""),
        _ => return None,
    };
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let unsigned = e.strip_prefix(['+', '-']).unwrap_or(e);
            // Exponents this large are no number the reference needs to read.
            if !digits(unsigned) || unsigned.len() > 6 {
                return None;
            }
            let v: i64 = unsigned.parse().ok()?;
            if e.starts_with('-') { -v } else { v }
        }
    };
    let significand = BigInt::parse_bytes(format!("{whole}{fraction}").as_bytes(), 10)?;
    let power = exponent - fraction.len() as i64;
    let value = if power >= 0 {
        Q::from_integer(significand * ten_to(power as u64))
    } else {
        Q::new(significand, ten_to(power.unsigned_abs()))
    };
    Some(if negative { -value } else { value })
}

/// Whether `q` is a number the data contract can carry: LANGUAGE.md §1 makes
/// every point a `rust_decimal` value, i.e. `m / 10^s` with `s ≤ 28` and
/// `|m| < 2^96`. A data number that is not one is refused (KH714), never
/// rounded to one.
pub fn is_decimal(q: &Q) -> bool {
    let limit: BigInt = BigInt::one() << 96;
    for s in 0..=28u64 {
        let scaled = q * Q::from_integer(ten_to(s));
        if scaled.is_integer() {
            return scaled.to_integer().abs() < limit;
        }
    }
    false
}

/// `q` as a decimal when it terminates, else as a fraction (for messages).
pub fn show(q: &Q) -> String {
    let (n, d) = (q.numer().clone(), q.denom().clone());
    let mut rest = d.clone();
    let (mut twos, mut fives) = (0u64, 0u64);
    while rest.is_even() {
        rest /= 2;
        twos += 1;
    }
    while (&rest % BigInt::from(5)).is_zero() {
        rest /= 5;
        fives += 1;
    }
    if !rest.is_one() {
        return format!("{n}/{d}");
    }
    let places = twos.max(fives);
    let scaled = (q * Q::from_integer(ten_to(places))).to_integer();
    let sign = if scaled.is_negative() { "-" } else { "" };
    let digits = scaled.abs().to_string();
    if places == 0 {
        return format!("{sign}{digits}");
    }
    let places = places as usize;
    let padded = format!("{digits:0>width$}", width = places + 1);
    let (w, f) = padded.split_at(padded.len() - places);
    format!("{sign}{w}.{f}")
}

/// The exact value of one of kaohe's decimals (its mantissa over its scale),
/// so that kaohe's results are compared without any conversion that rounds.
pub fn of_decimal(d: &rust_decimal::Decimal) -> Q {
    Q::new(BigInt::from(d.mantissa()), ten_to(u64::from(d.scale())))
}

/// `⌊q⌋` as a count (quotas), 0 when negative.
pub fn floor_count(q: &Q) -> usize {
    let f = q.floor().to_integer();
    if f.is_negative() {
        0
    } else {
        f.to_string().parse().unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_is_read_exactly() {
        assert_eq!(parse("0.1").unwrap() * int(3), parse("0.3").unwrap());
        assert_eq!(parse("1e2"), Some(int(100)));
        assert_eq!(parse("-2.50"), Some(Q::new((-5).into(), 2.into())));
        assert_eq!(parse("1.5e-1"), parse("0.15"));
        assert_eq!(parse("1."), None);
        assert_eq!(parse(".5"), None);
        assert_eq!(
            show(&parse("0.0000000000000000001").unwrap()),
            "0.0000000000000000001"
        );
        assert_eq!(show(&Q::new(1.into(), 3.into())), "1/3");
        assert_eq!(show(&int(-12)), "-12");
        assert!(is_decimal(&parse("9.999999999999999999999999999").unwrap()));
        assert!(!is_decimal(&parse("1e-29").unwrap()));
        assert!(!is_decimal(
            &parse("9.9999999999999999999999999999").unwrap()
        ));
    }
}
