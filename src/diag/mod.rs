//! Diagnostics as data: a [`Diag`] is a [`Message`] (an enum with fields), a
//! primary span and labelled secondary spans. Every sentence is written once,
//! its Chinese and English side by side, in `text/` (one file per family of
//! codes); rendering to miette happens in [`render`], at the edge.

pub mod catalogue;
pub mod data;
mod excerpt;
mod message;
pub mod render;
pub mod suggest;
pub(crate) mod text;

pub(crate) use text::invisible;

pub use data::{DataMessage, JsonProblem, ShapeProblem, SheetProblem, SyntaxDetail, ValueType};
pub use message::{
    AnalysisPart, ExpectWhat, Expected, FactValue, Found, GroupQuotaProblem, IoProblem, LabelText,
    LiteralProblem, Message, Once, Positive, Single, Sort, SyntaxHint, WitnessUnit,
};

use crate::i18n::Lang;
use crate::source::Span;

/// How bad a finding is: errors make `check` fail, warnings and notes do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The policy or data is wrong: it cannot be evaluated as written.
    Error,
    /// Probably a mistake, though evaluation can go on.
    Warning,
    /// Worth knowing; often intended.
    Note,
}

impl Severity {
    /// The lowercase name, as JSON spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// Stable diagnostic codes (docs/codes.md describes each).
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// Cannot read a file.
    KH001,
    /// Unknown data format or unit.
    KH002,
    /// Syntax error.
    KH101,
    /// Unclosed block.
    KH102,
    /// Bad literal.
    KH103,
    /// Repeated in one place.
    KH104,
    /// Missing declaration.
    KH105,
    /// Duplicate declaration.
    KH106,
    /// Unknown name.
    KH201,
    /// Duplicate name.
    KH202,
    /// Wrong sort of name.
    KH203,
    /// Reserved attribute name.
    KH204,
    /// Zero item without an item attribute.
    KH205,
    /// Veto uses the rank.
    KH206,
    /// Parent item scored or scaled.
    KH207,
    /// Empty closed group.
    KH208,
    /// Decisions that read each other in a cycle.
    KH209,
    /// Weights do not add up.
    KH301,
    /// Invalid number or range.
    KH302,
    /// Single event above a cap.
    KH303,
    /// Uncapped bonus.
    KH304,
    /// A cap on a modifier rule.
    KH305,
    /// Places per group that do not say each group's.
    KH306,
    /// Overlapping rules.
    KH401,
    /// Rule gap.
    KH402,
    /// Unused event kind.
    KH403,
    /// Modifier never applies.
    KH404,
    /// Analysis cut short.
    KH405,
    /// Constant condition.
    KH501,
    /// Quota above eligible units.
    KH502,
    /// Award nobody can get.
    KH503,
    /// Award and sanction at once.
    KH504,
    /// Grade tier problems.
    KH505,
    /// Window or skipped year.
    KH601,
    /// Schedule conflict.
    KH602,
    /// Malformed data file.
    KH700,
    /// Unknown unit.
    KH701,
    /// Missing unit.
    KH702,
    /// Duplicate unit.
    KH703,
    /// Group problem.
    KH704,
    /// Unknown or parent item.
    KH705,
    /// Missing score.
    KH706,
    /// Score out of range.
    KH707,
    /// Unknown event kind.
    KH708,
    /// Unknown or duplicate key.
    KH709,
    /// Missing required key.
    KH710,
    /// Undeclared attribute value.
    KH711,
    /// Event points problem.
    KH712,
    /// Invalid date.
    KH713,
    /// Wrong type.
    KH714,
    /// A result needs more digits than kaohe keeps.
    KH715,
    /// Example fails.
    KH801,
}

impl Code {
    /// Every code, in order (`docs/codes.md` has a section for each, in
    /// this order; a test keeps the list whole).
    pub const ALL: [Code; 52] = [
        Code::KH001,
        Code::KH002,
        Code::KH101,
        Code::KH102,
        Code::KH103,
        Code::KH104,
        Code::KH105,
        Code::KH106,
        Code::KH201,
        Code::KH202,
        Code::KH203,
        Code::KH204,
        Code::KH205,
        Code::KH206,
        Code::KH207,
        Code::KH208,
        Code::KH209,
        Code::KH301,
        Code::KH302,
        Code::KH303,
        Code::KH304,
        Code::KH305,
        Code::KH306,
        Code::KH401,
        Code::KH402,
        Code::KH403,
        Code::KH404,
        Code::KH405,
        Code::KH501,
        Code::KH502,
        Code::KH503,
        Code::KH504,
        Code::KH505,
        Code::KH601,
        Code::KH602,
        Code::KH700,
        Code::KH701,
        Code::KH702,
        Code::KH703,
        Code::KH704,
        Code::KH705,
        Code::KH706,
        Code::KH707,
        Code::KH708,
        Code::KH709,
        Code::KH710,
        Code::KH711,
        Code::KH712,
        Code::KH713,
        Code::KH714,
        Code::KH715,
        Code::KH801,
    ];

    /// The code written `KH401` (any case), if there is one.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// The code as written in messages and docs (`KH401`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::KH001 => "KH001",
            Code::KH002 => "KH002",
            Code::KH101 => "KH101",
            Code::KH102 => "KH102",
            Code::KH103 => "KH103",
            Code::KH104 => "KH104",
            Code::KH105 => "KH105",
            Code::KH106 => "KH106",
            Code::KH201 => "KH201",
            Code::KH202 => "KH202",
            Code::KH203 => "KH203",
            Code::KH204 => "KH204",
            Code::KH205 => "KH205",
            Code::KH206 => "KH206",
            Code::KH207 => "KH207",
            Code::KH208 => "KH208",
            Code::KH209 => "KH209",
            Code::KH301 => "KH301",
            Code::KH302 => "KH302",
            Code::KH303 => "KH303",
            Code::KH304 => "KH304",
            Code::KH305 => "KH305",
            Code::KH306 => "KH306",
            Code::KH401 => "KH401",
            Code::KH402 => "KH402",
            Code::KH403 => "KH403",
            Code::KH404 => "KH404",
            Code::KH405 => "KH405",
            Code::KH501 => "KH501",
            Code::KH502 => "KH502",
            Code::KH503 => "KH503",
            Code::KH504 => "KH504",
            Code::KH505 => "KH505",
            Code::KH601 => "KH601",
            Code::KH602 => "KH602",
            Code::KH700 => "KH700",
            Code::KH701 => "KH701",
            Code::KH702 => "KH702",
            Code::KH703 => "KH703",
            Code::KH704 => "KH704",
            Code::KH705 => "KH705",
            Code::KH706 => "KH706",
            Code::KH707 => "KH707",
            Code::KH708 => "KH708",
            Code::KH709 => "KH709",
            Code::KH710 => "KH710",
            Code::KH711 => "KH711",
            Code::KH712 => "KH712",
            Code::KH713 => "KH713",
            Code::KH714 => "KH714",
            Code::KH715 => "KH715",
            Code::KH801 => "KH801",
        }
    }
}

/// A secondary span with its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The related place.
    pub span: Span,
    /// What it has to do with the finding.
    pub text: LabelText,
}

/// One finding: what, where, and the related places.
#[derive(Debug, Clone, PartialEq)]
pub struct Diag {
    /// What was found, with its facts.
    pub message: Message,
    /// Where: the place underlined first.
    pub span: Span,
    /// Related places (the first declaration, the other rule…).
    pub labels: Vec<Label>,
    /// Unit data that shows the finding, confirmed by evaluation (KH4xx, KH5xx).
    pub witness: Option<serde_json::Value>,
}

impl Diag {
    /// A finding at one place, without labels or witness yet.
    pub fn new(message: Message, span: impl Into<Span>) -> Diag {
        Diag {
            message,
            span: span.into(),
            labels: Vec::new(),
            witness: None,
        }
    }

    /// Attaches the unit data that shows the finding.
    pub fn with_witness(mut self, data: serde_json::Value) -> Diag {
        self.witness = Some(data);
        self
    }

    /// The same finding at another place.
    pub fn at(mut self, span: impl Into<Span>) -> Diag {
        self.span = span.into();
        self
    }

    /// Adds a related place.
    pub fn with_label(mut self, span: impl Into<Span>, text: LabelText) -> Diag {
        self.labels.push(Label {
            span: span.into(),
            text,
        });
        self
    }

    /// How many findings this one stands for: one, or for a note that others
    /// of its code were left out, how many.
    pub fn count(&self) -> usize {
        match self.message {
            Message::MoreOfTheSame { more, .. } => more,
            _ => 1,
        }
    }

    /// The stable code, which follows from the message.
    pub fn code(&self) -> Code {
        self.message.code()
    }

    /// How bad it is, which follows from the message.
    pub fn severity(&self) -> Severity {
        self.message.severity()
    }

    /// Whether it stops the policy or data from being used.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// The message sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        text::message(&self.message, lang)
    }

    /// The help line in `lang`: how to fix it.
    pub fn help(&self, lang: Lang) -> Option<String> {
        text::help(&self.message, lang)
    }

    /// The primary label's text.
    pub fn primary_label(&self, lang: Lang) -> Option<String> {
        text::primary_label(&self.message, lang)
    }
}

/// A secondary label's text in `lang`.
pub fn label_text(text: &LabelText, lang: Lang) -> String {
    text::label(text, lang)
}

/// Sorts findings by position (then code) for stable output.
pub fn sort_diags(diags: &mut [Diag]) {
    diags.sort_by(|a, b| {
        a.span
            .key()
            .cmp(&b.span.key())
            .then(a.code().cmp(&b.code()))
    });
}

/// Sorts findings and drops exact repeats: the same message at the same
/// place (two stages may notice one bad date). `Diag`'s own equality ignores
/// positions, so it is not used here.
pub fn sort_and_dedup(diags: &mut Vec<Diag>) {
    sort_diags(diags);
    diags.dedup_by(|a, b| a.span.key() == b.span.key() && a.message == b.message);
}

/// Findings of one code listed one by one, at most, from a file that did not
/// parse or from one data file; the rest are counted in one note.
pub const MOST_OF_ONE_CODE: usize = 100;

/// Keeps the first `most` findings of each code (`diags` sorted by place);
/// the rest of a code become one note at the first left out, saying how many.
pub fn cap_each_code(diags: Vec<Diag>, most: usize) -> Vec<Diag> {
    let mut kept = Vec::with_capacity(diags.len().min(most * 4));
    let mut counts: Vec<(Code, usize, Option<usize>)> = Vec::new();
    for d in diags {
        let code = d.code();
        let at = match counts.iter().position(|(c, _, _)| *c == code) {
            Some(at) => at,
            None => {
                counts.push((code, 0, None));
                counts.len() - 1
            }
        };
        let Some((_, seen, note)) = counts.get_mut(at) else {
            continue;
        };
        *seen += 1;
        if *seen <= most {
            kept.push(d);
        } else if let Some(n) = note.and_then(|n| kept.get_mut(n)) {
            if let Message::MoreOfTheSame { more, .. } = &mut n.message {
                *more += 1;
            }
        } else {
            *note = Some(kept.len());
            let severity = d.severity();
            let m = Message::MoreOfTheSame {
                code,
                severity,
                more: 1,
            };
            kept.push(Diag::new(m, d.span));
        }
    }
    kept
}

/// Formats a decimal the way rulings and messages show it (`112`, `94.25`, `0`).
pub fn fmt_decimal(d: rust_decimal::Decimal) -> String {
    let n = d.normalize();
    if n.is_zero() {
        "0".to_string()
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod every_code {
    use super::Code;

    /// A code's index in [`Code::ALL`]; exhaustive, so it cannot miss a code.
    fn position(code: Code) -> usize {
        match code {
            Code::KH001 => 0,
            Code::KH002 => 1,
            Code::KH101 => 2,
            Code::KH102 => 3,
            Code::KH103 => 4,
            Code::KH104 => 5,
            Code::KH105 => 6,
            Code::KH106 => 7,
            Code::KH201 => 8,
            Code::KH202 => 9,
            Code::KH203 => 10,
            Code::KH204 => 11,
            Code::KH205 => 12,
            Code::KH206 => 13,
            Code::KH207 => 14,
            Code::KH208 => 15,
            Code::KH209 => 16,
            Code::KH301 => 17,
            Code::KH302 => 18,
            Code::KH303 => 19,
            Code::KH304 => 20,
            Code::KH305 => 21,
            Code::KH306 => 22,
            Code::KH401 => 23,
            Code::KH402 => 24,
            Code::KH403 => 25,
            Code::KH404 => 26,
            Code::KH405 => 27,
            Code::KH501 => 28,
            Code::KH502 => 29,
            Code::KH503 => 30,
            Code::KH504 => 31,
            Code::KH505 => 32,
            Code::KH601 => 33,
            Code::KH602 => 34,
            Code::KH700 => 35,
            Code::KH701 => 36,
            Code::KH702 => 37,
            Code::KH703 => 38,
            Code::KH704 => 39,
            Code::KH705 => 40,
            Code::KH706 => 41,
            Code::KH707 => 42,
            Code::KH708 => 43,
            Code::KH709 => 44,
            Code::KH710 => 45,
            Code::KH711 => 46,
            Code::KH712 => 47,
            Code::KH713 => 48,
            Code::KH714 => 49,
            Code::KH715 => 50,
            Code::KH801 => 51,
        }
    }

    #[test]
    fn the_list_of_codes_follows_the_enum() {
        for (i, code) in Code::ALL.iter().enumerate() {
            assert_eq!(position(*code), i, "{}", code.as_str());
            assert_eq!(Code::parse(&code.as_str().to_lowercase()), Some(*code));
        }
        for pair in Code::ALL.windows(2) {
            assert!(pair[0] < pair[1], "enum order");
            assert!(pair[0].as_str() < pair[1].as_str(), "numeric order");
        }
        assert_eq!(Code::parse("KH999"), None);
    }
}
