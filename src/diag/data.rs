//! Findings about unit data (KH7xx), as data. Each names the unit (when known)
//! and the path of the offending value (`units[3].events[1].层级`); the span
//! locates it in the data file.

use rust_decimal::Decimal;

use super::Code;

/// The type a data value should have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// A string.
    Text,
    /// A decimal number.
    Number,
    /// A whole number.
    Integer,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// An object `{…}`.
    Object,
    /// An array `[…]`.
    Array,
}

/// Every finding about unit data, with the facts its sentences need.
#[derive(Debug, Clone, PartialEq)]
pub enum DataMessage {
    /// The file is not well-formed (JSON or TOML syntax); `detail` says what was expected.
    Syntax {
        /// `JSON`, `TOML`, `CSV` or `Excel`.
        format: &'static str,
        /// What is wrong.
        detail: SyntaxDetail,
    },
    /// A value of the wrong type (KH714).
    WrongType {
        /// The unit, when known.
        unit: Option<String>,
        /// The data path of the value.
        path: String,
        /// The type it should have.
        expected: ValueType,
        /// The type it has, as the reader names it (`string`, `array`…).
        found: &'static str,
    },
    /// A unit the policy does not list, given without a group (KH701).
    UnknownUnit {
        /// The unit.
        unit: String,
        /// The data path of the unit.
        path: String,
        /// The nearest unit's name, if one is near.
        suggestion: Option<String>,
    },
    /// A unit the policy lists that the data lacks (KH702).
    MissingUnit {
        /// The unit.
        unit: String,
        /// Its group.
        group: String,
    },
    /// A unit given twice (KH703).
    DuplicateUnit {
        /// The unit.
        unit: String,
        /// The data path of the repeat.
        path: String,
        /// The data path of the first.
        first: String,
    },
    /// A group the policy does not declare (KH704).
    UnknownGroup {
        /// The unit.
        unit: String,
        /// The group, as the data gives it.
        group: String,
        /// The data path of the group.
        path: String,
        /// The nearest group's name, if one is near.
        suggestion: Option<String>,
    },
    /// A unit given a group other than the policy's (KH704).
    GroupMismatch {
        /// The unit.
        unit: String,
        /// The group the data gives.
        group: String,
        /// The group the policy lists it in.
        declared: String,
        /// The data path of the group.
        path: String,
    },
    /// A new unit in a closed group (KH704).
    ClosedGroup {
        /// The unit.
        unit: String,
        /// The group.
        group: String,
        /// The data path of the unit.
        path: String,
    },
    /// A score for an item the policy does not declare (KH705).
    UnknownItem {
        /// The unit.
        unit: String,
        /// The item, as the data gives it.
        item: String,
        /// The data path of the score.
        path: String,
        /// The nearest leaf item's name, if one is near.
        suggestion: Option<String>,
    },
    /// A score for an item with sub-items (KH705).
    ParentItem {
        /// The unit.
        unit: String,
        /// The item.
        item: String,
        /// The data path of the score.
        path: String,
    },
    /// No score for a leaf item (KH706).
    MissingScore {
        /// The unit.
        unit: String,
        /// The item.
        item: String,
        /// The data path where the score belongs.
        path: String,
    },
    /// A score below 0 or above the item's maximum (KH707).
    ScoreOutOfRange {
        /// The unit.
        unit: String,
        /// The item.
        item: String,
        /// The score.
        value: Decimal,
        /// The item's maximum (or the base it is scaled from).
        max: Decimal,
        /// The data path of the score.
        path: String,
    },
    /// An event of a kind the policy does not declare (KH708).
    UnknownKind {
        /// The unit.
        unit: String,
        /// The kind, as the data gives it.
        kind: String,
        /// The data path of the kind.
        path: String,
        /// The nearest kind's name, if one is near.
        suggestion: Option<String>,
    },
    /// A key that is neither a field nor an attribute of the kind (KH709).
    UnknownKey {
        /// The unit, when known.
        unit: Option<String>,
        /// The key.
        key: String,
        /// The event's kind, for a key of an event.
        kind: Option<String>,
        /// Where in the data.
        path: String,
        /// The nearest key, if one is near.
        suggestion: Option<String>,
    },
    /// A key given twice in one object (KH709).
    DuplicateKey {
        /// The unit, when known.
        unit: Option<String>,
        /// The key.
        key: String,
        /// The data path of the repeat.
        path: String,
    },
    /// A required key is missing (KH710).
    MissingField {
        /// The unit, when known.
        unit: Option<String>,
        /// The key.
        key: String,
        /// The event's kind, for a key of an event.
        kind: Option<String>,
        /// Where in the data.
        path: String,
    },
    /// An attribute value the policy does not declare (KH711).
    UnknownValue {
        /// The unit.
        unit: String,
        /// The event kind.
        kind: String,
        /// The attribute.
        attr: String,
        /// The value, as the data gives it.
        value: String,
        /// The data path of the value.
        path: String,
        /// The nearest declared value, if one is near.
        suggestion: Option<String>,
    },
    /// No `points` for an event its rule scores by a range (KH712).
    PointsMissing {
        /// The unit.
        unit: String,
        /// The event kind.
        kind: String,
        /// The data path of the event.
        path: String,
        /// The rule's least amount.
        low: Decimal,
        /// The rule's greatest amount.
        high: Decimal,
    },
    /// `points` outside the rule's range (KH712).
    PointsOutOfRange {
        /// The unit.
        unit: String,
        /// The event kind.
        kind: String,
        /// The data path of the points.
        path: String,
        /// The points given.
        value: Decimal,
        /// The rule's least amount.
        low: Decimal,
        /// The rule's greatest amount.
        high: Decimal,
    },
    /// `points` for an event its rule scores by a fixed amount (KH712).
    PointsNotAllowed {
        /// The unit.
        unit: String,
        /// The event kind.
        kind: String,
        /// The data path of the points.
        path: String,
        /// The rule's amount.
        fixed: Decimal,
    },
    /// A date that is not a real `YYYY-MM-DD` (KH713).
    BadDate {
        /// The unit, when known.
        unit: Option<String>,
        /// The data path of the date.
        path: String,
        /// The date, as written.
        text: String,
    },
    /// A number that is not a plain decimal (KH714).
    BadNumber {
        /// The unit, when known.
        unit: Option<String>,
        /// The data path of the number.
        path: String,
        /// The number, as written.
        text: String,
        /// Why it is refused.
        problem: crate::exact::NumberProblem,
    },
    /// A unit whose exact result needs more significant digits than kaohe
    /// keeps (found while evaluating, KH715): refused, never rounded.
    TooManyDigits {
        /// The unit.
        unit: String,
        /// The data path of the first step that needed them.
        path: String,
    },
    /// Two base rules match one counted event (found while evaluating).
    RuleOverlap {
        /// The unit.
        unit: String,
        /// The event kind.
        kind: String,
        /// The data path of the event.
        path: String,
        /// The texts of the rules it matches.
        rules: Vec<String>,
    },
}

/// What kaohe's JSON reader found wrong with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonProblem {
    /// The named token was expected here.
    Expected(&'static str),
    /// A string runs to the end of the file.
    UnterminatedString,
    /// A `\` escape JSON does not have.
    BadEscape,
    /// A raw control character (a line break) inside a string.
    ControlCharacter,
    /// A malformed number.
    BadNumber,
    /// More text after the value.
    TrailingContent,
    /// Nesting deeper than the reader follows.
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
    /// A workbook without a sheet kaohe needs.
    MissingSheet {
        /// The sheet.
        sheet: &'static str,
        /// The sheets there are.
        found: Vec<String>,
    },
    /// A CSV folder without `得分.csv` (or `scores.csv`); `found`: its files.
    MissingFile {
        /// The file.
        file: &'static str,
        /// The files there are.
        found: Vec<String>,
    },
    /// A sheet with nothing in it.
    EmptySheet {
        /// The sheet.
        sheet: String,
    },
    /// A header without a column kaohe needs.
    MissingColumn {
        /// The sheet.
        sheet: String,
        /// The column.
        column: &'static str,
    },
    /// Two columns with one header.
    DuplicateColumn {
        /// The cell of the second header.
        cell: String,
        /// The header.
        column: String,
    },
    /// Values under a column with no header.
    UnnamedColumn {
        /// The header's empty cell.
        cell: String,
    },
    /// A sheet with more rows or columns than kaohe places (`limit` each).
    TooLarge {
        /// The sheet.
        sheet: String,
        /// The most rows, and the most columns, a sheet may have.
        limit: usize,
    },
    /// A cell or row reference of a workbook outside Excel's grid
    /// (A1:XFD1048576), which calamine would misplace.
    OutsideGrid {
        /// The package part, e.g. `xl/worksheets/sheet1.xml`.
        part: String,
        /// The reference as written.
        reference: String,
    },
    /// A row with values but no unit name.
    NoUnitName {
        /// The empty unit cell.
        cell: String,
    },
    /// An event row whose unit is not in the scores sheet.
    EventUnitUnknown {
        /// The unit's cell.
        cell: String,
        /// The unit.
        unit: String,
        /// The nearest unit of the scores sheet, if one is near.
        suggestion: Option<String>,
    },
}

/// The top level of a data file is not `{"units": [...]}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeProblem {
    /// No `units` key.
    NoUnits,
    /// `units` given twice.
    DuplicateUnits,
    /// `units` is not an array.
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
            D::TooManyDigits { path, .. } => vec![path],
            _ => Vec::new(),
        }
    }
}

impl DataMessage {
    /// The stable code of this finding.
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
            D::TooManyDigits { .. } => Code::KH715,
            D::WrongType { .. } | D::BadNumber { .. } => Code::KH714,
            D::RuleOverlap { .. } => Code::KH401,
        }
    }
}
