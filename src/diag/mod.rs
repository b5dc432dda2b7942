//! Diagnostics as data: a [`Diag`] is a [`Message`] (an enum with fields), a
//! primary span and labelled secondary spans. Sentences in Chinese and English
//! live in [`zh`] and [`en`]; rendering to miette happens in [`render`], at the edge.

pub mod data;
mod data_en;
mod data_zh;
mod en;
mod message;
pub mod render;
pub mod suggest;
mod zh;

pub use data::{DataMessage, ShapeProblem, SyntaxDetail, ValueType};
pub use message::{
    ExpectWhat, Expected, FactValue, Found, LabelText, LiteralProblem, Message, Once, Positive,
    Single, Sort,
};

use crate::source::Span;
use crate::syntax::keywords::Lang;

/// How bad a finding is: errors make `check` fail, warnings and notes do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
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
    KH001,
    KH002,
    KH101,
    KH102,
    KH103,
    KH104,
    KH105,
    KH106,
    KH201,
    KH202,
    KH203,
    KH204,
    KH205,
    KH206,
    KH207,
    KH208,
    KH301,
    KH302,
    KH303,
    KH304,
    KH401,
    KH402,
    KH403,
    KH404,
    KH501,
    KH502,
    KH503,
    KH504,
    KH505,
    KH601,
    KH602,
    KH700,
    KH701,
    KH702,
    KH703,
    KH704,
    KH705,
    KH706,
    KH707,
    KH708,
    KH709,
    KH710,
    KH711,
    KH712,
    KH713,
    KH714,
    KH801,
}

impl Code {
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
            Code::KH301 => "KH301",
            Code::KH302 => "KH302",
            Code::KH303 => "KH303",
            Code::KH304 => "KH304",
            Code::KH401 => "KH401",
            Code::KH402 => "KH402",
            Code::KH403 => "KH403",
            Code::KH404 => "KH404",
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
            Code::KH801 => "KH801",
        }
    }
}

/// A secondary span with its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Span,
    pub text: LabelText,
}

/// One finding: what, where, and the related places.
#[derive(Debug, Clone, PartialEq)]
pub struct Diag {
    pub message: Message,
    pub span: Span,
    pub labels: Vec<Label>,
    /// Unit data that shows the finding, confirmed by evaluation (KH4xx, KH5xx).
    pub witness: Option<serde_json::Value>,
}

impl Diag {
    pub fn new(message: Message, span: Span) -> Diag {
        Diag {
            message,
            span,
            labels: Vec::new(),
            witness: None,
        }
    }

    pub fn with_witness(mut self, data: serde_json::Value) -> Diag {
        self.witness = Some(data);
        self
    }

    pub fn with_label(mut self, span: Span, text: LabelText) -> Diag {
        self.labels.push(Label { span, text });
        self
    }

    pub fn code(&self) -> Code {
        self.message.code()
    }

    pub fn severity(&self) -> Severity {
        self.message.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// The message sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => zh::message(&self.message),
            Lang::En => en::message(&self.message),
        }
    }

    /// The help line in `lang`: how to fix it.
    pub fn help(&self, lang: Lang) -> Option<String> {
        match lang {
            Lang::Zh => zh::help(&self.message),
            Lang::En => en::help(&self.message),
        }
    }

    /// The primary label's text.
    pub fn primary_label(&self, lang: Lang) -> Option<String> {
        match lang {
            Lang::Zh => zh::primary_label(&self.message),
            Lang::En => en::primary_label(&self.message),
        }
    }
}

/// A secondary label's text in `lang`.
pub fn label_text(text: &LabelText, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh::label(text),
        Lang::En => en::label(text),
    }
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

/// Formats a decimal the way rulings and messages show it (`112`, `94.25`, `0`).
pub fn fmt_decimal(d: rust_decimal::Decimal) -> String {
    let n = d.normalize();
    if n.is_zero() {
        "0".to_string()
    } else {
        n.to_string()
    }
}
