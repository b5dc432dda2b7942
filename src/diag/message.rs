//! What a finding says, as data. Its sentences, in Chinese and English side
//! by side, live in `text/` only.

use crate::i18n::keywords::Kw;
use rust_decimal::Decimal;

use super::{Code, Severity};

/// The sort of thing a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Sort {
    Unit,
    Group,
    Item,
    Kind,
    Attr,
    Value,
    Award,
    Outcome,
    Tier,
    Step,
}

/// A thing the parser could have accepted at the point of a syntax error, in
/// the drafter's words (never a grammar rule name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Expected {
    Keyword(Kw),
    Declaration,
    Name,
    Number,
    Date,
    Percent,
    Text,
    Citation,
    Scale,
    StatementEnd,
    Punct(&'static str),
    Comparison,
    ItemLine,
    RuleLine,
    Condition,
    OutcomeCondition,
    Amount,
    Member,
    Field,
    Expectation,
}

/// What stood where the syntax error was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    EndOfFile,
    LineEnd,
    Token(String),
}

/// What may appear at most once in a statement or section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Once {
    Citation,
    Assumption,
    Description,
    Scorer,
    Scale,
    SectionCap,
    Quota,
    Due,
    RuleCap,
}

/// Declarations a policy needs exactly one of (or at most one of).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Single {
    Header,
    Year,
    Issuer,
    Window,
    Units,
    Score,
    Ranking,
    Grades,
    Schedule,
}

/// Numbers that must be positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Positive {
    Cap,
    Factor,
    Scale,
    Max,
    Full,
    Quota,
    Bottom,
    Year,
}

/// Why a declaration's value fails to be an exact literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiteralProblem {
    Date,
    Integer,
    TooLarge,
    Percent,
}

/// Which fact an example's `预期` is about.
#[derive(Debug, Clone, PartialEq)]
pub enum ExpectWhat {
    Total,
    Bonus,
    Deduct,
    Rank,
    Vetoed,
    Grade,
    /// An award or an outcome, by name.
    Flag(String),
}

/// A value in an example's expectation or ruling.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    Number(Decimal),
    Text(String),
    Bool(bool),
    /// No value (no rank, no grade).
    None,
}

/// A span's secondary explanation.
#[derive(Debug, Clone, PartialEq)]
pub enum LabelText {
    Here,
    FirstHere,
    DeclaredHere,
    AddHere,
    Unclosed,
    Term { name: String, value: Decimal },
    Parent { name: String, value: Decimal },
    Prerequisite { step: String, due: String },
    InCycle,
    OtherRule,
    Cap { value: Decimal },
    Sanction,
    Window,
    Year,
}

/// Every finding the front end can report.
/// Why a file could not be read or written, in words either language can say.
#[derive(Debug, Clone, PartialEq)]
pub enum IoProblem {
    NotFound,
    NoPermission,
    IsDirectory,
    /// Not UTF-8 text: the byte offset of the first bad byte.
    NotUtf8 {
        at: usize,
    },
    /// Anything else, as the operating system says it.
    Other(String),
}

impl IoProblem {
    pub fn of(e: &std::io::Error) -> IoProblem {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::NotFound => IoProblem::NotFound,
            K::PermissionDenied => IoProblem::NoPermission,
            K::IsADirectory => IoProblem::IsDirectory,
            _ => IoProblem::Other(e.to_string()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A finding about unit data (KH7xx).
    Data(super::DataMessage),
    CannotRead {
        path: String,
        reason: IoProblem,
    },
    /// The report cannot be written (`eval -o`).
    CannotWrite {
        path: String,
        reason: IoProblem,
    },
    /// A data file of a format kaohe does not read (by its extension).
    UnknownDataFormat {
        path: String,
    },
    /// Two base rules can match one event (KH401).
    RuleOverlap {
        kind: String,
        witness: String,
        first: String,
        second: String,
        /// One rule adds and the other deducts.
        mixed: bool,
    },
    /// An attribute combination no base rule matches (KH402).
    RuleGap {
        kind: String,
        witness: String,
    },
    /// A kind no rule, veto, finding, condition or exclusion uses (KH403).
    UnusedKind {
        kind: String,
    },
    /// A modifier no base rule of its kind and direction can meet (KH404).
    ModifierUnmatched {
        rule: String,
    },
    /// One event's largest amount exceeds a cap (KH303).
    AwardAboveCap {
        rule: String,
        amount: Decimal,
        cap: Decimal,
        /// The section's cap (else the rule's).
        section: bool,
        witness: String,
    },
    /// A bonus section and rule without caps: totals can exceed 满分 (KH304).
    BonusUncapped {
        rule: String,
        witness: String,
        full: Decimal,
        total: Decimal,
        amount: Decimal,
    },
    /// A comparison that is always or never true (KH501).
    ConditionConstant {
        atom: String,
        always: bool,
        low: Option<Decimal>,
        high: Option<Decimal>,
    },
    /// A quota above the units that can ever be eligible (KH502).
    QuotaAboveEligible {
        award: String,
        quota: usize,
        percent: bool,
        most: usize,
        units: usize,
        excluded: Vec<String>,
        bottom: usize,
        /// The excluded units may themselves be in the bottom N.
        overlap: bool,
        /// The group, when ranking is within groups.
        scope: Option<String>,
    },
    /// No unit can ever get an award (KH503).
    AwardImpossible {
        award: String,
    },
    /// One unit can get an award and a sanction at once (KH504).
    AwardAndSanction {
        award: String,
        outcome: String,
        unit: String,
        /// Rank (`#1/9`), total, and the unit's events, as shown.
        state: Vec<String>,
    },
    /// A grade tier no unit can reach (KH505).
    TierUnreachable {
        tier: String,
        by: String,
    },
    /// Totals no tier takes, without `其余` (KH505).
    TierGap {
        total: Decimal,
    },
    /// Percentage quotas of the tiers add up above 100% (KH505).
    TierQuotasOver {
        sum: Decimal,
    },
    /// A percentage quota gives no place in a closed scope (KH505, note).
    TierQuotaZero {
        tier: String,
        percent: Decimal,
        units: usize,
        scope: Option<String>,
    },
    /// An example's `预期` does not hold.
    ExampleFailed {
        example: String,
        unit: String,
        what: ExpectWhat,
        expected: FactValue,
        actual: FactValue,
    },
    /// `--unit NAME` names no unit of the data.
    NoSuchUnit {
        unit: String,
        suggestion: Option<String>,
    },
    Syntax {
        expected: Vec<Expected>,
        found: Found,
        glued: Option<(String, String)>,
    },
    UnclosedBlock,
    OpenMarkerNotLast,
    BadLiteral {
        text: String,
        problem: LiteralProblem,
    },
    Repeated {
        what: Once,
    },
    Missing {
        what: Single,
    },
    DuplicateDecl {
        what: Single,
    },
    UnknownName {
        name: String,
        sorts: Vec<Sort>,
        suggestion: Option<String>,
        glued: Option<(String, String)>,
    },
    DuplicateName {
        name: String,
        sort: Sort,
        first: Sort,
    },
    WrongSort {
        name: String,
        found: Sort,
        sorts: Vec<Sort>,
    },
    ReservedAttr {
        name: String,
    },
    FindingNeedsItemAttr {
        kind: String,
        count: usize,
    },
    VetoUsesRank,
    ParentScore {
        item: String,
    },
    ScaleOnParent {
        item: String,
    },
    ClosedGroupEmpty {
        group: String,
    },
    WeightsChildren {
        parent: String,
        max: Decimal,
        terms: Vec<(String, Decimal)>,
        sum: Decimal,
    },
    WeightsTop {
        full: Decimal,
        terms: Vec<(String, Decimal)>,
        sum: Decimal,
    },
    InvertedRange {
        low: Decimal,
        high: Decimal,
    },
    NegativeAmount {
        value: Decimal,
    },
    NotPositive {
        what: Positive,
        value: Decimal,
    },
    ScaleNotExact {
        max: Decimal,
        scale: Decimal,
    },
    WindowInverted {
        from: String,
        to: String,
    },
    WindowOutsideYear {
        from: String,
        to: String,
        year: i32,
    },
    WindowPartlyOutside {
        from: String,
        to: String,
        year: i32,
    },
    SkipYearNotBefore {
        skip: i32,
        year: i32,
    },
    StepBeforePrerequisite {
        step: String,
        due: String,
        prerequisite: String,
        prerequisite_due: String,
    },
    ScheduleCycle {
        steps: Vec<String>,
    },
    DeadlineOutsideYear {
        step: String,
        due: String,
        year: i32,
    },
}

impl Message {
    /// Whether the finding has a place in the file to point at; a file that
    /// cannot be read, or a command-line name, has none.
    pub fn has_place(&self) -> bool {
        !matches!(
            self,
            Message::CannotRead { .. }
                | Message::CannotWrite { .. }
                | Message::UnknownDataFormat { .. }
                | Message::NoSuchUnit { .. }
        )
    }

    /// The stable code of this finding.
    pub fn code(&self) -> Code {
        use Message as M;
        match self {
            M::Data(d) => d.code(),
            M::CannotRead { .. } | M::CannotWrite { .. } => Code::KH001,
            M::UnknownDataFormat { .. } | M::NoSuchUnit { .. } => Code::KH002,
            M::ExampleFailed { .. } => Code::KH801,
            M::AwardAboveCap { .. } => Code::KH303,
            M::BonusUncapped { .. } => Code::KH304,
            M::RuleOverlap { .. } => Code::KH401,
            M::ConditionConstant { .. } => Code::KH501,
            M::QuotaAboveEligible { .. } => Code::KH502,
            M::AwardImpossible { .. } => Code::KH503,
            M::AwardAndSanction { .. } => Code::KH504,
            M::TierUnreachable { .. }
            | M::TierGap { .. }
            | M::TierQuotasOver { .. }
            | M::TierQuotaZero { .. } => Code::KH505,
            M::RuleGap { .. } => Code::KH402,
            M::UnusedKind { .. } => Code::KH403,
            M::ModifierUnmatched { .. } => Code::KH404,
            M::Syntax { .. } | M::OpenMarkerNotLast => Code::KH101,
            M::UnclosedBlock => Code::KH102,
            M::BadLiteral { .. } => Code::KH103,
            M::Repeated { .. } => Code::KH104,
            M::Missing { .. } => Code::KH105,
            M::DuplicateDecl { .. } => Code::KH106,
            M::UnknownName { .. } => Code::KH201,
            M::DuplicateName { .. } => Code::KH202,
            M::WrongSort { .. } => Code::KH203,
            M::ReservedAttr { .. } => Code::KH204,
            M::FindingNeedsItemAttr { .. } => Code::KH205,
            M::VetoUsesRank => Code::KH206,
            M::ParentScore { .. } | M::ScaleOnParent { .. } => Code::KH207,
            M::ClosedGroupEmpty { .. } => Code::KH208,
            M::WeightsChildren { .. } | M::WeightsTop { .. } => Code::KH301,
            M::InvertedRange { .. }
            | M::NegativeAmount { .. }
            | M::NotPositive { .. }
            | M::ScaleNotExact { .. } => Code::KH302,
            M::WindowInverted { .. }
            | M::WindowOutsideYear { .. }
            | M::WindowPartlyOutside { .. }
            | M::SkipYearNotBefore { .. } => Code::KH601,
            M::StepBeforePrerequisite { .. }
            | M::ScheduleCycle { .. }
            | M::DeadlineOutsideYear { .. } => Code::KH602,
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Message::WindowPartlyOutside { .. } | Message::DeadlineOutsideYear { .. } => {
                Severity::Warning
            }
            Message::ClosedGroupEmpty { .. }
            | Message::RuleGap { .. }
            | Message::UnusedKind { .. }
            | Message::ModifierUnmatched { .. }
            | Message::AwardAboveCap { .. }
            | Message::ConditionConstant { .. }
            | Message::QuotaAboveEligible { .. }
            | Message::AwardAndSanction { .. }
            | Message::TierUnreachable { .. }
            | Message::TierGap { .. }
            | Message::TierQuotasOver { .. } => Severity::Warning,
            Message::TierQuotaZero { .. } => Severity::Note,
            Message::BonusUncapped { .. } => Severity::Note,
            _ => Severity::Error,
        }
    }
}
