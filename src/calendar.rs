//! Calendar dates: the policy window, deadlines and event dates. Only the
//! proleptic Gregorian calendar of `YYYY-MM-DD` is needed; no time zones.

use std::fmt;

/// The years kaohe accepts for `年度` and `除外 已计年度` (and so for every
/// date of a policy): far wider than any assessment needs, narrow enough that
/// every date of the window can be written `YYYY-MM-DD` and no year overflows.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A valid calendar date; ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The date, if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (four, two and two digits).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = text.get(r)?;
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())?
        };
        let year = digits(0..4)?;
        Date::new(year as i32, digits(5..7)?, digits(8..10)?)
    }

    pub fn first_of_year(year: i32) -> Date {
        Date {
            year,
            month: 1,
            day: 1,
        }
    }

    pub fn last_of_year(year: i32) -> Date {
        Date {
            year,
            month: 12,
            day: 31,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days in `month` of `year` (0 for an invalid month).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_dates_in_the_exact_shape() {
        assert_eq!(Date::parse("2019-05-10"), Date::new(2019, 5, 10));
        assert!(Date::parse("2019-02-29").is_none());
        assert!(Date::parse("2020-02-29").is_some());
        assert!(Date::parse("2019-13-01").is_none());
        assert!(Date::parse("2019-5-10").is_none());
        assert!(Date::parse("2019/05/10").is_none());
        assert!(Date::parse("２０１９-05-10").is_none());
    }

    #[test]
    fn orders_chronologically() {
        assert!(Date::parse("2018-12-31") < Date::parse("2019-01-01"));
    }
}
