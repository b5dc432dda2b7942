//! Every sentence of every finding, each written once with its Chinese and
//! English side by side (see [`zh_en!`](crate::zh_en)), so the two cannot
//! drift apart. Names the user wrote are quoted `「」` in Chinese and in
//! backticks in English.
//!
//! One file per family of codes; the entry points here send each message to
//! its family's file.

mod analysis;
mod checks;
mod common;
mod data;
mod data_help;
mod data_syntax;
mod labels;
mod names;
mod syntax;

pub(super) use labels::{label, primary_label};

use super::data::DataMessage;
use super::message::Message;
use crate::i18n::Lang;

/// The file that writes a message's sentences.
enum Family<'m> {
    /// KH001, KH002, KH801: files, the command line, examples.
    Common,
    /// KH1xx.
    Syntax,
    /// KH2xx.
    Names,
    /// KH3xx, KH6xx.
    Checks,
    /// KH4xx, KH5xx.
    Analysis,
    /// KH7xx, and the overlaps evaluation finds in the data.
    Data(&'m DataMessage),
}

/// A message's family; exhaustive, so that a new message must be given one.
fn family(m: &Message) -> Family<'_> {
    use Message as M;
    match m {
        M::Data(d) => Family::Data(d),
        M::CannotRead { .. }
        | M::CannotWrite { .. }
        | M::UnknownDataFormat { .. }
        | M::NoSuchUnit { .. }
        | M::MoreOfTheSame { .. }
        | M::ExampleFailed { .. } => Family::Common,
        M::Syntax { .. }
        | M::UnclosedBlock
        | M::TooDeep { .. }
        | M::OpenMarkerNotLast
        | M::BadLiteral { .. }
        | M::Repeated { .. }
        | M::Missing { .. }
        | M::DuplicateDecl { .. } => Family::Syntax,
        M::UnknownName { .. }
        | M::DuplicateName { .. }
        | M::WrongSort { .. }
        | M::ReservedAttr { .. }
        | M::FindingNeedsItemAttr { .. }
        | M::VetoUsesRank
        | M::ParentScore { .. }
        | M::ScaleOnParent { .. }
        | M::ClosedGroupEmpty { .. }
        | M::DecisionCycle { .. } => Family::Names,
        M::WeightsChildren { .. }
        | M::WeightsTop { .. }
        | M::SharesOver { .. }
        | M::PayoutNumber { .. }
        | M::InvertedRange { .. }
        | M::NegativeAmount { .. }
        | M::NotPositive { .. }
        | M::YearOutOfRange { .. }
        | M::SumTooPrecise { .. }
        | M::ScaleNotExact { .. }
        | M::AwardAboveCap { .. }
        | M::BonusUncapped { .. }
        | M::ModifierCap { .. }
        | M::WeightsPercent { .. }
        | M::WeightWithoutWhole { .. }
        | M::GroupQuota { .. }
        | M::WindowInverted { .. }
        | M::WindowOutsideYear { .. }
        | M::WindowPartlyOutside { .. }
        | M::SkipYearNotBefore { .. }
        | M::StepBeforePrerequisite { .. }
        | M::ScheduleCycle { .. }
        | M::DeadlineOutsideYear { .. } => Family::Checks,
        M::RuleOverlap { .. }
        | M::RuleGap { .. }
        | M::UnusedKind { .. }
        | M::AnalysisCutShort { .. }
        | M::ModifierUnmatched { .. }
        | M::ConditionConstant { .. }
        | M::QuotaAboveEligible { .. }
        | M::AwardImpossible { .. }
        | M::AwardAndSanction { .. }
        | M::TierUnreachable { .. }
        | M::TierGap { .. }
        | M::TierQuotasOver { .. }
        | M::TierQuotaZero { .. } => Family::Analysis,
    }
}

/// What the finding says, with its invisible characters named.
pub(super) fn message(m: &Message, lang: Lang) -> String {
    visible(match family(m) {
        Family::Common => common::message(m, lang),
        Family::Syntax => syntax::message(m, lang),
        Family::Names => names::message(m, lang),
        Family::Checks => checks::message(m, lang),
        Family::Analysis => analysis::message(m, lang),
        Family::Data(d) => data::message(d, lang),
    })
}

/// How to fix it, with its invisible characters named.
pub(super) fn help(m: &Message, lang: Lang) -> Option<String> {
    let help = match family(m) {
        Family::Common => common::help(m, lang),
        Family::Syntax => syntax::help(m, lang),
        Family::Names => names::help(m, lang),
        Family::Checks => checks::help(m, lang),
        Family::Analysis => analysis::help(m, lang),
        Family::Data(d) => data_help::help(d, lang),
    };
    help.map(visible)
}

/// A character a terminal shows as nothing or as a blank: a control
/// character other than a line end or tab, a zero-width space or joiner, a
/// byte-order mark. A unit name with a NUL in it printed as 「办公室」 and
/// looked like the real one.
pub(crate) fn invisible(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
}

/// `text` with each invisible character written as `<U+0000>`.
pub(super) fn visible(text: String) -> String {
    if !text.chars().any(invisible) {
        return text;
    }
    text.chars()
        .map(|c| {
            if invisible(c) {
                format!("<U+{:04X}>", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The sort of thing a name stands for, as a noun (`单位`, `event kind`):
/// for the words outside findings (hover, rename refusals) to say it alike.
pub fn sort_word(s: crate::diag::message::Sort, lang: Lang) -> &'static str {
    common::sort(s, lang)
}
