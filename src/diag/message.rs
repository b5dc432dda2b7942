//! What a finding says, as data. Its sentences, in Chinese and English side
//! by side, live in `text/` only.

use crate::i18n::keywords::Kw;
use rust_decimal::Decimal;

use super::{Code, Severity};

/// The sort of thing a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Sort {
    /// A unit assessed (单位).
    Unit,
    /// A group of units (分组).
    Group,
    /// A scoring item (计分项).
    Item,
    /// An event kind (事项).
    Kind,
    /// An attribute of an event kind.
    Attr,
    /// One of an attribute's declared values.
    Value,
    /// An award (评优).
    Award,
    /// An outcome, a sanction (处置).
    Outcome,
    /// A grade tier (等次).
    Tier,
    /// A schedule step (日程).
    Step,
}

/// A thing the parser could have accepted at the point of a syntax error, in
/// the drafter's words (never a grammar rule name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Expected {
    /// A keyword, spelt in the message's language.
    Keyword(Kw),
    /// A top-level declaration.
    Declaration,
    /// A name.
    Name,
    /// A number.
    Number,
    /// A date, full or within the year.
    Date,
    /// A percentage.
    Percent,
    /// A quoted text.
    Text,
    /// A clause citation (`【四(一)】`).
    Citation,
    /// `按 … 折算` (`scaled_from`).
    Scale,
    /// The end of a statement: a line break or `;`.
    StatementEnd,
    /// A punctuation mark.
    Punct(&'static str),
    /// A comparison operator.
    Comparison,
    /// An item line of `计分`.
    ItemLine,
    /// A rule line of a bonus or deduction section.
    RuleLine,
    /// An attribute condition.
    Condition,
    /// A condition of an outcome or award.
    OutcomeCondition,
    /// Points: a number, a range, or a modifier.
    Amount,
    /// A unit of a group's list, or `等`.
    Member,
    /// A field of an example's event.
    Field,
    /// An example's expectation.
    Expectation,
}

/// What stood where the syntax error was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// The file ended.
    EndOfFile,
    /// The line ended.
    LineEnd,
    /// A word or mark, as written.
    Token(String),
}

/// What is wrong with an award's `名额 GROUP N` lines (KH306).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupQuotaProblem {
    /// A group the award does not exclude has no line.
    Missing {
        /// The group.
        group: String,
    },
    /// A group has two lines.
    Twice {
        /// The group.
        group: String,
    },
    /// A plain `名额 N` beside the groups' lines.
    WithTotal,
}

/// A syntax error that is a drafter's first try at something kaohe says
/// another way: the help says that way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxHint {
    /// `事项 表彰 说明 "…"`: an event kind's note is a plain string.
    KindNote,
    /// `表彰 属于 县 => 3`, `表彰 分组 是 县 => 3`: a unit or group test among
    /// a rule's conditions, which test the event's attributes only.
    UnitTestInRule,
}

/// What may appear at most once in a statement or section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Once {
    /// A clause citation.
    Citation,
    /// `解释` (`assume`).
    Assumption,
    /// `说明` (`note`).
    Description,
    /// `评分` (`scored_by`).
    Scorer,
    /// `折算` (`scaled_from`).
    Scale,
    /// A section's `封顶`.
    SectionCap,
    /// `同一 … 只计 最高` in one section.
    Dedup,
    /// `名额` (`quota`).
    Quota,
    /// `截止` (`due`).
    Due,
    /// A rule's `封顶`.
    RuleCap,
}

/// Declarations a policy needs exactly one of (or at most one of).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Single {
    /// `考核办法` (`policy`), the header.
    Header,
    /// `年度` (`year`).
    Year,
    /// `制定` (`issuer`).
    Issuer,
    /// `期间` (`window`).
    Window,
    /// `考核对象` (`units`).
    Units,
    /// `计分` (`score`).
    Score,
    /// `排名` (`rank`).
    Ranking,
    /// `等次` (`grades`).
    Grades,
    /// `日程` (`schedule`).
    Schedule,
}

/// Numbers that must be positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Positive {
    /// A cap.
    Cap,
    /// A modifier's factor.
    Factor,
    /// The base an item's score is scaled from.
    Scale,
    /// An item's maximum.
    Max,
    /// The full score.
    Full,
    /// An award's or tier's quota.
    Quota,
    /// N in `末 N 名` (`bottom N`).
    Bottom,
    /// The policy year.
    Year,
}

/// Why a declaration's value fails to be an exact literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiteralProblem {
    /// Not a real date (`2019-02-30`).
    Date,
    /// A fraction where a whole number is needed.
    Integer,
    /// Too large to compute with exactly.
    TooLarge,
    /// Exact, it needs more significant digits than kaohe keeps.
    TooManyDigits {
        /// How many it needs.
        digits: u32,
    },
    /// A percentage outside 0% to 100%.
    Percent,
    /// A string with a character that does not show (a control character,
    /// a zero-width space): it would travel unseen into every ruling.
    Invisible,
}

/// Which fact an example's `预期` is about.
#[derive(Debug, Clone, PartialEq)]
pub enum ExpectWhat {
    /// The total score.
    Total,
    /// The bonus points.
    Bonus,
    /// The points deducted.
    Deduct,
    /// The rank.
    Rank,
    /// Whether the unit is vetoed.
    Vetoed,
    /// The grade tier.
    Grade,
    /// An award or an outcome, by name.
    Flag(String),
}

/// A value in an example's expectation or ruling.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    /// A score or a rank.
    Number(Decimal),
    /// A grade tier's name.
    Text(String),
    /// Vetoed, or given an award or outcome.
    Bool(bool),
    /// No value (no rank, no grade).
    None,
    /// A grade, award or outcome still pending (a tie at a quota's boundary,
    /// or a decision that reads one, §7.31): neither yes nor no.
    Pending,
}

/// A span's secondary explanation.
#[derive(Debug, Clone, PartialEq)]
pub enum LabelText {
    /// The place itself.
    Here,
    /// Where a repeated name was first declared.
    FirstHere,
    /// Where a name is declared.
    DeclaredHere,
    /// Where a missing declaration can go.
    AddHere,
    /// A block that is never closed.
    Unclosed,
    /// One term of a sum of weights.
    Term {
        /// The item.
        name: String,
        /// Its weight.
        value: Decimal,
    },
    /// The parent whose weight the terms should add up to.
    Parent {
        /// The parent item.
        name: String,
        /// Its weight.
        value: Decimal,
    },
    /// The step a schedule step comes after.
    Prerequisite {
        /// That earlier step.
        step: String,
        /// Its deadline.
        due: String,
    },
    /// One step of a cycle in the schedule.
    InCycle,
    /// The other of two overlapping rules.
    OtherRule,
    /// The cap an amount exceeds.
    Cap {
        /// The cap.
        value: Decimal,
    },
    /// The outcome that can fall on an award's winner.
    Sanction,
    /// The assessment window.
    Window,
    /// The policy year.
    Year,
}

/// The unit of a witness event, as a finding names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WitnessUnit {
    /// A unit the policy lists.
    Listed(String),
    /// A unit the data adds to this open group.
    Added(String),
}

/// An analysis of a compiled policy that a work budget can cut short.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AnalysisPart {
    /// Base rules that match one event (KH401).
    Overlaps,
    /// Combinations no base rule matches (KH402).
    Gaps,
    /// The largest amount of one event (KH303).
    Amounts,
    /// An award and a sanction at once (KH504).
    Conflicts,
    /// Totals no grade tier takes (KH505).
    Grades,
}

/// Why a file could not be read or written, in words either language can say.
#[derive(Debug, Clone, PartialEq)]
pub enum IoProblem {
    /// No file at that path.
    NotFound,
    /// The file may not be read or written.
    NoPermission,
    /// The path is a folder.
    IsDirectory,
    /// Not UTF-8 text.
    NotUtf8 {
        /// The byte offset of the first bad byte.
        at: usize,
    },
    /// Anything else, as the operating system says it.
    Other(String),
}

impl IoProblem {
    /// The problem of an I/O error, in words kaohe can translate where it can.
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

/// Every finding kaohe can report, with the facts its sentences need.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A finding about unit data (KH7xx).
    Data(super::DataMessage),
    /// A file cannot be read (KH001).
    CannotRead {
        /// The file, as given.
        path: String,
        /// Why not.
        reason: IoProblem,
    },
    /// The report cannot be written (`eval -o`).
    CannotWrite {
        /// The file, as given.
        path: String,
        /// Why not.
        reason: IoProblem,
    },
    /// A data file of a format kaohe does not read (by its extension).
    UnknownDataFormat {
        /// The file, as given.
        path: String,
    },
    /// Two base rules can match one event (KH401).
    RuleOverlap {
        /// The event kind.
        kind: String,
        /// An event both match, described.
        witness: String,
        /// The unit the event is for, when rules of the kind are limited to
        /// units (`仅 …`): which unit matters then.
        unit: Option<WitnessUnit>,
        /// The earlier rule's text.
        first: String,
        /// The later rule's text.
        second: String,
        /// One rule adds and the other deducts.
        mixed: bool,
    },
    /// An attribute combination no base rule matches (KH402).
    RuleGap {
        /// The event kind.
        kind: String,
        /// An event no rule matches, described.
        witness: String,
        /// The unit the event is for, when rules of the kind are limited to
        /// units (`仅 …`).
        unit: Option<WitnessUnit>,
    },
    /// A kind no rule, veto, finding, condition or exclusion uses (KH403).
    UnusedKind {
        /// The event kind.
        kind: String,
    },
    /// A modifier no base rule of its kind and direction can meet (KH404).
    ModifierUnmatched {
        /// The modifier's text.
        rule: String,
    },
    /// One event's largest amount exceeds a cap (KH303).
    AwardAboveCap {
        /// The rule's text.
        rule: String,
        /// The most one event can earn under it.
        amount: Decimal,
        /// The cap it exceeds.
        cap: Decimal,
        /// The section's cap (else the rule's).
        section: bool,
        /// An event that earns `amount`, described.
        witness: String,
    },
    /// An award's places per group that do not say each group's (KH306).
    GroupQuota {
        /// The award.
        award: String,
        /// What is wrong.
        problem: GroupQuotaProblem,
    },
    /// `封顶` on a modifier (`减半`, `乘 F`): a modifier earns nothing of its
    /// own, so the cap would cap nothing (KH305).
    ModifierCap {
        /// The cap, as written.
        cap: Decimal,
    },
    /// A bonus section and rule without caps: totals can exceed 满分 (KH304).
    BonusUncapped {
        /// The rule's text.
        rule: String,
        /// The event that lifts a full score above 满分, described.
        witness: String,
        /// The full score.
        full: Decimal,
        /// The total a unit at full marks then reaches.
        total: Decimal,
        /// What the event adds.
        amount: Decimal,
    },
    /// A comparison that is always or never true (KH501).
    ConditionConstant {
        /// The comparison, as written.
        atom: String,
        /// Always true (else never).
        always: bool,
        /// The least value the compared quantity can take, if bounded.
        low: Option<Decimal>,
        /// The greatest, if bounded.
        high: Option<Decimal>,
    },
    /// A quota above the units that can ever be eligible (KH502).
    QuotaAboveEligible {
        /// The award.
        award: String,
        /// Its places (a percentage's, rounded down).
        quota: usize,
        /// The quota is a percentage.
        percent: bool,
        /// The most units that can be eligible.
        most: usize,
        /// The units in the scope.
        units: usize,
        /// Units the award excludes by name.
        excluded: Vec<String>,
        /// N of `末 N 名 不参评`, or 0.
        bottom: usize,
        /// The excluded units may themselves be in the bottom N.
        overlap: bool,
        /// The group, when ranking is within groups.
        scope: Option<String>,
    },
    /// No unit can ever get an award (KH503).
    AwardImpossible {
        /// The award.
        award: String,
    },
    /// One unit can get an award and a sanction at once (KH504).
    AwardAndSanction {
        /// The award.
        award: String,
        /// The outcome.
        outcome: String,
        /// A unit that gets both.
        unit: String,
        /// Rank (`#1/9`), total, and the unit's events, as shown.
        state: Vec<String>,
    },
    /// A grade tier no unit can reach (KH505).
    TierUnreachable {
        /// The tier.
        tier: String,
        /// The earlier tier, without a quota, that takes all its units.
        by: String,
    },
    /// Totals no tier takes, without `其余` (KH505).
    TierGap {
        /// A total that gets no grade.
        total: Decimal,
    },
    /// Percentage quotas of the tiers add up above 100% (KH505).
    TierQuotasOver {
        /// Their sum, in percent.
        sum: Decimal,
    },
    /// A percentage quota gives no place in a closed scope (KH505, note).
    TierQuotaZero {
        /// The tier.
        tier: String,
        /// Its quota, in percent.
        percent: Decimal,
        /// The units in the scope.
        units: usize,
        /// The group, when grading is within groups.
        scope: Option<String>,
    },
    /// An example's `预期` does not hold.
    ExampleFailed {
        /// The example's title.
        example: String,
        /// The unit the expectation is about.
        unit: String,
        /// Which fact.
        what: ExpectWhat,
        /// What the example says.
        expected: FactValue,
        /// What evaluation gives.
        actual: FactValue,
    },
    /// More findings of one code than are worth reading one by one: the
    /// first ones are reported, then this note says how many more there are
    /// (a file of 100,000 unclosed `{` gets a hundred KH102 and this).
    MoreOfTheSame {
        /// The code of the findings left out.
        code: Code,
        /// Their severity.
        severity: Severity,
        /// How many were left out.
        more: usize,
    },
    /// The analysis's work budget ran out (KH405): what it found is
    /// reported, what it did not reach is not.
    AnalysisCutShort {
        /// The analyses cut short, in the order they ran out.
        parts: Vec<AnalysisPart>,
    },
    /// `--unit NAME` names no unit of the data.
    NoSuchUnit {
        /// The name given.
        unit: String,
        /// The nearest unit's name, if one is near.
        suggestion: Option<String>,
    },
    /// The parser could not go on (KH101).
    Syntax {
        /// What it could have accepted here.
        expected: Vec<Expected>,
        /// What stood here.
        found: Found,
        /// A keyword glued to the word after it (`年度2019`): the two halves.
        glued: Option<(String, String)>,
        /// What the drafter most likely meant, when the place says it.
        hint: Option<SyntaxHint>,
    },
    /// A `{` without its `}` (KH102).
    UnclosedBlock,
    /// Nesting deeper than kaohe reads (KH101): brackets, blocks or `非`
    /// chains more than `most` levels deep.
    TooDeep {
        /// The deepest nesting read.
        most: usize,
    },
    /// `等` before the end of a group's list (KH101).
    OpenMarkerNotLast,
    /// A date, number or percentage that is not valid (KH103).
    BadLiteral {
        /// The literal, as written.
        text: String,
        /// What is wrong with it.
        problem: LiteralProblem,
    },
    /// A clause written twice where one is allowed (KH104).
    Repeated {
        /// Which clause.
        what: Once,
    },
    /// A required declaration is missing (KH105).
    Missing {
        /// Which declaration.
        what: Single,
    },
    /// A declaration allowed once is written twice (KH106).
    DuplicateDecl {
        /// Which declaration.
        what: Single,
    },
    /// A name that is not declared (KH201).
    UnknownName {
        /// The name, as written.
        name: String,
        /// The sorts of name allowed here.
        sorts: Vec<Sort>,
        /// The nearest declared name, if one is near.
        suggestion: Option<String>,
        /// A keyword glued to the word after it: the two halves.
        glued: Option<(String, String)>,
    },
    /// A name declared twice, or for two things (KH202).
    DuplicateName {
        /// The name.
        name: String,
        /// What it is declared as here.
        sort: Sort,
        /// What it was declared as first.
        first: Sort,
    },
    /// A name of the wrong sort for its place (KH203).
    WrongSort {
        /// The name.
        name: String,
        /// What it is.
        found: Sort,
        /// The sorts allowed here.
        sorts: Vec<Sort>,
    },
    /// An attribute named like a reserved data key (KH204).
    ReservedAttr {
        /// The attribute.
        name: String,
    },
    /// `该项清零` on a kind without exactly one item attribute (KH205).
    FindingNeedsItemAttr {
        /// The event kind.
        kind: String,
        /// Its item attributes.
        count: usize,
    },
    /// A veto condition on the rank, which is only known after vetoes (KH206).
    VetoUsesRank,
    /// A score given to an item with sub-items (KH207).
    ParentScore {
        /// The item.
        item: String,
    },
    /// `按 … 折算` on an item with sub-items (KH207).
    ScaleOnParent {
        /// The item.
        item: String,
    },
    /// A closed group with no units (KH208).
    ClosedGroupEmpty {
        /// The group.
        group: String,
    },
    /// Decisions that read each other in a cycle: an outcome reads an award
    /// that excludes by the outcome, … (KH209).
    DecisionCycle {
        /// The decisions' names along the cycle, the first again at the end;
        /// `None` for the grading (`等次`).
        chain: Vec<Option<String>>,
    },
    /// A `兑现` line's shares that add up to more than its amount (KH301).
    SharesOver {
        /// What the line pays for.
        target: String,
        /// The percentages added up.
        sum: Decimal,
    },
    /// A `兑现` amount outside 0 to 10¹², or an amount or share with more
    /// than two decimals (KH302).
    PayoutNumber {
        /// The number as read.
        value: Decimal,
        /// A share's percentage (else the amount).
        share: bool,
    },
    /// Sub-items whose weights do not add up to their parent's (KH301).
    WeightsChildren {
        /// The parent item.
        parent: String,
        /// Its weight.
        max: Decimal,
        /// Each sub-item's weight.
        terms: Vec<(String, Decimal)>,
        /// Their sum.
        sum: Decimal,
    },
    /// Items written as weights (`80%`) whose weights do not add up to 100%
    /// (KH301).
    WeightsPercent {
        /// The parent item; `None` for the top items.
        parent: Option<String>,
        /// Each item's weight, in percent.
        terms: Vec<(String, Decimal)>,
        /// Their sum, in percent.
        sum: Decimal,
    },
    /// A top item written as a weight (`80%`) in a `计分` without `满分`:
    /// a share of nothing (KH301).
    WeightWithoutWhole {
        /// The item.
        item: String,
    },
    /// Top items whose weights do not add up to 满分 (KH301).
    WeightsTop {
        /// The full score.
        full: Decimal,
        /// Each top item's weight.
        terms: Vec<(String, Decimal)>,
        /// Their sum.
        sum: Decimal,
    },
    /// A range whose low end is above its high end (KH302).
    InvertedRange {
        /// The low end, as written.
        low: Decimal,
        /// The high end, as written.
        high: Decimal,
    },
    /// Points written negative (KH302).
    NegativeAmount {
        /// The points.
        value: Decimal,
    },
    /// A number that must be positive is not (KH302).
    NotPositive {
        /// Which number.
        what: Positive,
        /// Its value.
        value: Decimal,
    },
    /// A sum of the policy's own numbers (the maxima under a parent, or under
    /// `满分`) that needs more significant digits than kaohe keeps (KH302).
    SumTooPrecise {
        /// The parent item, or none for the top items.
        parent: Option<String>,
    },
    /// A year outside the years kaohe accepts, 1900 to 2200 (KH302).
    YearOutOfRange {
        /// The year as written.
        value: Decimal,
    },
    /// Scaling whose quotient does not terminate (KH302).
    ScaleNotExact {
        /// The item's weight.
        max: Decimal,
        /// The base scaled from.
        scale: Decimal,
    },
    /// A window that ends before it starts (KH601).
    WindowInverted {
        /// Its first day.
        from: String,
        /// Its last day.
        to: String,
    },
    /// A window wholly outside the policy year (KH601).
    WindowOutsideYear {
        /// Its first day.
        from: String,
        /// Its last day.
        to: String,
        /// The policy year.
        year: i32,
    },
    /// A window partly outside the policy year (KH601, warning).
    WindowPartlyOutside {
        /// Its first day.
        from: String,
        /// Its last day.
        to: String,
        /// The policy year.
        year: i32,
    },
    /// `除外 已计年度` naming a year not before the policy's (KH601).
    SkipYearNotBefore {
        /// The year skipped.
        skip: i32,
        /// The policy year.
        year: i32,
    },
    /// A step due before a step it comes after (KH602).
    StepBeforePrerequisite {
        /// The step.
        step: String,
        /// Its deadline.
        due: String,
        /// The step it comes after.
        prerequisite: String,
        /// That step's deadline.
        prerequisite_due: String,
    },
    /// Schedule steps that come after each other in a circle (KH602).
    ScheduleCycle {
        /// The steps of the cycle, the first repeated at the end.
        steps: Vec<String>,
    },
    /// A deadline outside the policy year (KH602, warning).
    DeadlineOutsideYear {
        /// The step.
        step: String,
        /// Its deadline.
        due: String,
        /// The policy year.
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
                | Message::AnalysisCutShort { .. }
        )
    }

    /// The stable code of this finding.
    pub fn code(&self) -> Code {
        use Message as M;
        match self {
            M::Data(d) => d.code(),
            M::CannotRead { .. } | M::CannotWrite { .. } => Code::KH001,
            M::UnknownDataFormat { .. } | M::NoSuchUnit { .. } => Code::KH002,
            M::MoreOfTheSame { code, .. } => *code,
            M::ExampleFailed { .. } => Code::KH801,
            M::AwardAboveCap { .. } => Code::KH303,
            M::BonusUncapped { .. } => Code::KH304,
            M::ModifierCap { .. } => Code::KH305,
            M::GroupQuota { .. } => Code::KH306,
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
            M::AnalysisCutShort { .. } => Code::KH405,
            M::Syntax { .. } | M::OpenMarkerNotLast | M::TooDeep { .. } => Code::KH101,
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
            M::DecisionCycle { .. } => Code::KH209,
            M::WeightsChildren { .. }
            | M::WeightsTop { .. }
            | M::SharesOver { .. }
            | M::WeightsPercent { .. }
            | M::WeightWithoutWhole { .. } => Code::KH301,
            M::InvertedRange { .. }
            | M::NegativeAmount { .. }
            | M::PayoutNumber { .. }
            | M::NotPositive { .. }
            | M::YearOutOfRange { .. }
            | M::SumTooPrecise { .. }
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

    /// How bad the finding is.
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
            Message::TierQuotaZero { .. } | Message::AnalysisCutShort { .. } => Severity::Note,
            Message::MoreOfTheSame { severity, .. } => *severity,
            Message::BonusUncapped { .. } => Severity::Note,
            _ => Severity::Error,
        }
    }
}
