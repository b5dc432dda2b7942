//! Names, texts, numbers, dates and citations.

use rust_decimal::Decimal;

use crate::calendar::days_in_month;

use super::{Lower, P, significant};
use crate::ast::{Citation, CiteStyle, DateLit, Loc, Name, Num, Text};
use crate::diag::{LiteralProblem, Message};
use crate::exact::NumberProblem;
use crate::syntax::grammar::Rule;

impl Lower {
    /// A `name` pair: an identifier or a quoted name (quotes dropped).
    pub(super) fn name(&mut self, p: P<'_>) -> Name {
        let span = self.span(&p);
        let text = innermost(p).as_str().to_string();
        Name { text, span }
    }

    /// A `string` pair (quotes dropped).
    pub(super) fn text(&mut self, p: P<'_>) -> Text {
        let span = self.span(&p);
        let text = innermost(p).as_str().to_string();
        self.visible_only(&text, span);
        Text { text, span }
    }

    /// KH103 for a string or citation with a character that does not show.
    fn visible_only(&mut self, text: &str, span: Loc) {
        if text.chars().any(crate::diag::invisible) {
            let m = Message::BadLiteral {
                text: text.to_string(),
                problem: LiteralProblem::Invisible,
            };
            self.report(m, span);
        }
    }

    /// The first `string` inside a pair such as `note`, `assume`, `label`.
    pub(super) fn first_text(&mut self, p: P<'_>) -> Text {
        let span = self.span(&p);
        match p.into_inner().find(|c| c.as_rule() == Rule::string) {
            Some(s) => self.text(s),
            None => Text {
                text: String::new(),
                span,
            },
        }
    }

    pub(super) fn citation(&mut self, p: P<'_>) -> Citation {
        let span = self.span(&p);
        let inner = p.into_inner().next();
        let (style, text) = match inner {
            Some(c) => match c.as_rule() {
                Rule::cite_bracket => (CiteStyle::Bracket, innermost(c).as_str().to_string()),
                Rule::cite_section => (CiteStyle::Section, innermost(c).as_str().to_string()),
                _ => {
                    let t = c.into_inner().find(|x| x.as_rule() == Rule::string);
                    (
                        CiteStyle::Clause,
                        t.map(|t| innermost(t).as_str().to_string())
                            .unwrap_or_default(),
                    )
                }
            },
            None => (CiteStyle::Bracket, String::new()),
        };
        self.visible_only(&text, span);
        Citation { text, style, span }
    }

    /// A `number` pair, exact. Numbers beyond [`crate::exact::POLICY_MAX`] or
    /// with more digits than kept are KH103 and read as 0.
    pub(super) fn num(&mut self, p: P<'_>) -> Num {
        let span = self.span(&p);
        let text = p.as_str();
        let value = match crate::exact::read(text) {
            Ok(v) if v.abs() > Decimal::from(crate::exact::POLICY_MAX) => {
                self.report(
                    Message::BadLiteral {
                        text: text.to_string(),
                        problem: LiteralProblem::TooLarge,
                    },
                    span,
                );
                Decimal::ZERO
            }
            Ok(v) => v,
            Err(e) => {
                let problem = match e {
                    NumberProblem::TooManyDigits { digits } => {
                        LiteralProblem::TooManyDigits { digits }
                    }
                    _ => LiteralProblem::TooLarge,
                };
                self.report(
                    Message::BadLiteral {
                        text: text.to_string(),
                        problem,
                    },
                    span,
                );
                Decimal::ZERO
            }
        };
        Num { value, span }
    }

    /// A `number` that must be a whole number (years, counts, ranks).
    pub(super) fn integer(&mut self, p: P<'_>) -> Num {
        let n = self.num(p);
        if !n.value.fract().is_zero() {
            self.report(
                Message::BadLiteral {
                    text: crate::diag::fmt_decimal(n.value),
                    problem: LiteralProblem::Integer,
                },
                n.span,
            );
        }
        n
    }

    /// A `percent` pair: its number, which must lie in [0, 100].
    pub(super) fn percent(&mut self, p: P<'_>) -> Num {
        let span = self.span(&p);
        let text = p.as_str().to_string();
        let reported = self.diags.len();
        let n = match p.into_inner().next() {
            Some(num) => self.num(num),
            None => Num {
                value: Decimal::ZERO,
                span,
            },
        };
        if n.value.is_sign_negative() || n.value > Decimal::ONE_HUNDRED {
            self.report(
                Message::BadLiteral {
                    text,
                    problem: LiteralProblem::Percent,
                },
                span,
            );
        }
        // A number refused inside it (KH103) keeps its own place, so that
        // what the checker says of the 0 it reads as is not said again.
        let refused = self.diags.len() > reported;
        Num {
            value: n.value,
            span: if refused { n.span } else { span },
        }
    }

    /// A `date` (`YYYY-MM-DD`) or `month_day` (`MM-DD`) pair, validated against
    /// the calendar (a month-day is checked against the policy year later).
    pub(super) fn date(&mut self, p: P<'_>) -> DateLit {
        let span = self.span(&p);
        let text = p.as_str();
        let full = p.as_rule() == Rule::date;
        let fields: Vec<u32> = text.split('-').filter_map(|f| f.parse().ok()).collect();
        let (year, month, day) = match (full, fields.as_slice()) {
            (true, [y, m, d]) => (Some(*y as i32), *m, *d),
            (false, [m, d]) => (None, *m, *d),
            _ => (None, 0, 0),
        };
        // Year 2000 is a leap year: a month-day accepts 02-29 until the policy year is known.
        let max_day = days_in_month(year.unwrap_or(2000), month);
        if !(1..=12).contains(&month) || day == 0 || day > max_day {
            self.report(
                Message::BadLiteral {
                    text: text.to_string(),
                    problem: LiteralProblem::Date,
                },
                span,
            );
        }
        DateLit {
            year,
            month,
            day,
            span,
        }
    }
}

/// Descends to the innermost pair (the text of a name or string without quotes).
fn innermost(p: P<'_>) -> P<'_> {
    let mut cur = p;
    loop {
        let next = significant(cur.clone()).next();
        match next {
            Some(n) => cur = n,
            None => return cur,
        }
    }
}
