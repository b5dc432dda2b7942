//! Findings about unit data (KH7xx), as data. Each names the unit (when known)
//! and the path of the offending value (`units[3].events[1].层级`); the span
//! locates it in the data file.

use rust_decimal::Decimal;

use super::Code;

/// The type a data value should have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    Text,
    Number,
    Integer,
    Date,
    Object,
    Array,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DataMessage {
    /// The file is not well-formed (JSON or TOML syntax); `detail` says what was expected.
    Syntax {
        format: &'static str,
        detail: SyntaxDetail,
    },
    WrongType {
        unit: Option<String>,
        path: String,
        expected: ValueType,
        found: &'static str,
    },
    UnknownUnit {
        unit: String,
        path: String,
        suggestion: Option<String>,
    },
    MissingUnit {
        unit: String,
        group: String,
    },
    DuplicateUnit {
        unit: String,
        path: String,
        first: String,
    },
    UnknownGroup {
        unit: String,
        group: String,
        path: String,
        suggestion: Option<String>,
    },
    GroupMismatch {
        unit: String,
        group: String,
        declared: String,
        path: String,
    },
    ClosedGroup {
        unit: String,
        group: String,
        path: String,
    },
    UnknownItem {
        unit: String,
        item: String,
        path: String,
        suggestion: Option<String>,
    },
    ParentItem {
        unit: String,
        item: String,
        path: String,
    },
    MissingScore {
        unit: String,
        item: String,
        path: String,
    },
    ScoreOutOfRange {
        unit: String,
        item: String,
        value: Decimal,
        max: Decimal,
        path: String,
    },
    UnknownKind {
        unit: String,
        kind: String,
        path: String,
        suggestion: Option<String>,
    },
    UnknownKey {
        unit: Option<String>,
        key: String,
        kind: Option<String>,
        path: String,
        suggestion: Option<String>,
    },
    DuplicateKey {
        unit: Option<String>,
        key: String,
        path: String,
    },
    MissingField {
        unit: Option<String>,
        key: String,
        kind: Option<String>,
        path: String,
    },
    UnknownValue {
        unit: String,
        kind: String,
        attr: String,
        value: String,
        path: String,
        suggestion: Option<String>,
    },
    PointsMissing {
        unit: String,
        kind: String,
        path: String,
        low: Decimal,
        high: Decimal,
    },
    PointsOutOfRange {
        unit: String,
        kind: String,
        path: String,
        value: Decimal,
        low: Decimal,
        high: Decimal,
    },
    PointsNotAllowed {
        unit: String,
        kind: String,
        path: String,
        fixed: Decimal,
    },
    BadDate {
        unit: Option<String>,
        path: String,
        text: String,
    },
    BadNumber {
        unit: Option<String>,
        path: String,
        text: String,
    },
    /// Two base rules match one counted event (found while evaluating).
    RuleOverlap {
        unit: String,
        kind: String,
        path: String,
        rules: Vec<String>,
    },
}

/// What kaohe's JSON reader found wrong with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonProblem {
    /// The named token was expected here.
    Expected(&'static str),
    UnterminatedString,
    BadEscape,
    ControlCharacter,
    BadNumber,
    TrailingContent,
    TooDeep,
    /// Well-formed JSON, but not `{"units": [...]}`.
    Shape(ShapeProblem),
}

/// What is wrong with the file's syntax.
#[derive(Debug, Clone, PartialEq)]
pub enum SyntaxDetail {
    /// From kaohe's JSON reader.
    Json(JsonProblem),
    /// A message from the TOML parser (English, as the parser gives it).
    Toml(String),
    /// Well-formed, but not the data contract's top level.
    Shape(ShapeProblem),
    /// A workbook or CSV folder that is not laid out as kaohe reads it.
    Sheet(SheetProblem),
}

/// What is wrong with the layout of a workbook (`得分`, `事项`).
#[derive(Debug, Clone, PartialEq)]
pub enum SheetProblem {
    /// Not a workbook calamine or the CSV reader can open (their words).
    NotAWorkbook(String),
    MissingSheet {
        sheet: &'static str,
        found: Vec<String>,
    },
    /// A CSV folder without `得分.csv` (or `scores.csv`); `found`: its files.
    MissingFile {
        file: &'static str,
        found: Vec<String>,
    },
    EmptySheet {
        sheet: String,
    },
    MissingColumn {
        sheet: String,
        column: &'static str,
    },
    DuplicateColumn {
        cell: String,
        column: String,
    },
    /// Values under a column with no header.
    UnnamedColumn {
        cell: String,
    },
    /// A row with values but no unit name.
    NoUnitName {
        cell: String,
    },
    /// An event row whose unit is not in the scores sheet.
    EventUnitUnknown {
        cell: String,
        unit: String,
        suggestion: Option<String>,
    },
}

/// The top level of a data file is not `{"units": [...]}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeProblem {
    NoUnits,
    DuplicateUnits,
    UnitsNotArray,
}

impl DataMessage {
    /// The data paths the message names (`units[2].scores.工作`), to be
    /// rewritten where the data has other places (sheet cells).
    pub fn paths_mut(&mut self) -> Vec<&mut String> {
        use DataMessage as D;
        match self {
            D::WrongType { path, .. } => vec![path],
            D::UnknownUnit { path, .. } => vec![path],
            D::DuplicateUnit { path, first, .. } => vec![path, first],
            D::UnknownGroup { path, .. } => vec![path],
            D::GroupMismatch { path, .. } => vec![path],
            D::ClosedGroup { path, .. } => vec![path],
            D::UnknownItem { path, .. } => vec![path],
            D::ParentItem { path, .. } => vec![path],
            D::MissingScore { path, .. } => vec![path],
            D::ScoreOutOfRange { path, .. } => vec![path],
            D::UnknownKind { path, .. } => vec![path],
            D::UnknownKey { path, .. } => vec![path],
            D::DuplicateKey { path, .. } => vec![path],
            D::MissingField { path, .. } => vec![path],
            D::UnknownValue { path, .. } => vec![path],
            D::PointsMissing { path, .. } => vec![path],
            D::PointsOutOfRange { path, .. } => vec![path],
            D::PointsNotAllowed { path, .. } => vec![path],
            D::BadDate { path, .. } => vec![path],
            D::BadNumber { path, .. } => vec![path],
            D::RuleOverlap { path, .. } => vec![path],
            _ => Vec::new(),
        }
    }
}

impl DataMessage {
    pub fn code(&self) -> Code {
        use DataMessage as D;
        match self {
            D::Syntax { .. } => Code::KH700,
            D::UnknownUnit { .. } => Code::KH701,
            D::MissingUnit { .. } => Code::KH702,
            D::DuplicateUnit { .. } => Code::KH703,
            D::UnknownGroup { .. } | D::GroupMismatch { .. } | D::ClosedGroup { .. } => Code::KH704,
            D::UnknownItem { .. } | D::ParentItem { .. } => Code::KH705,
            D::MissingScore { .. } => Code::KH706,
            D::ScoreOutOfRange { .. } => Code::KH707,
            D::UnknownKind { .. } => Code::KH708,
            D::UnknownKey { .. } | D::DuplicateKey { .. } => Code::KH709,
            D::MissingField { .. } => Code::KH710,
            D::UnknownValue { .. } => Code::KH711,
            D::PointsMissing { .. } | D::PointsOutOfRange { .. } | D::PointsNotAllowed { .. } => {
                Code::KH712
            }
            D::BadDate { .. } => Code::KH713,
            D::WrongType { .. } | D::BadNumber { .. } => Code::KH714,
            D::RuleOverlap { .. } => Code::KH401,
        }
    }
}
