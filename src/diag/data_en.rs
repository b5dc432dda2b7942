//! English text of data findings (KH7xx). Each names the unit and the data path.

use super::data::{DataMessage, ShapeProblem, SheetProblem, SyntaxDetail, ValueType};
use super::fmt_decimal as d;

fn at(unit: Option<&str>, path: &str) -> String {
    match unit {
        Some(u) => format!("unit `{u}` ({path})"),
        None => path.to_string(),
    }
}

fn value_type(t: ValueType) -> &'static str {
    match t {
        ValueType::Text => "a string",
        ValueType::Number => "a number",
        ValueType::Integer => "a whole number",
        ValueType::Date => "a date",
        ValueType::Object => "an object {…}",
        ValueType::Array => "an array […]",
    }
}

fn syntax(detail: &SyntaxDetail) -> String {
    use super::data::JsonProblem as J;
    match detail {
        SyntaxDetail::Json(J::Expected(what)) => match *what {
            ", or }" => "expected `,` or `}`".into(),
            ", or ]" => "expected `,` or `]`".into(),
            "value" => "expected a value".into(),
            other => format!("expected `{other}`"),
        },
        SyntaxDetail::Json(J::UnterminatedString) => "a string has no closing quote".into(),
        SyntaxDetail::Json(J::BadEscape) => "a string has an invalid escape".into(),
        SyntaxDetail::Json(J::ControlCharacter) => {
            "a string has an unescaped control character (such as a line break)".into()
        }
        SyntaxDetail::Json(J::BadNumber) => "malformed number".into(),
        SyntaxDetail::Json(J::TrailingContent) => "content after the end of the data".into(),
        SyntaxDetail::Json(J::TooDeep) => "nested too deeply".into(),
        SyntaxDetail::Json(J::Shape(shape)) | SyntaxDetail::Shape(shape) => match shape {
            ShapeProblem::NoUnits => "no \"units\" array".into(),
            ShapeProblem::DuplicateUnits => "\"units\" appears twice".into(),
            ShapeProblem::UnitsNotArray => "\"units\" must be an array".into(),
        },
        SyntaxDetail::Toml(m) => m.clone(),
        SyntaxDetail::Sheet(s) => sheet(s),
    }
}

pub fn message(m: &DataMessage) -> String {
    use DataMessage as D;
    match m {
        D::Syntax { format, detail } => format!("malformed {format} data: {}", syntax(detail)),
        D::WrongType {
            unit,
            path,
            expected,
            found,
        } => format!(
            "{}: expected {}, found {found}",
            at(unit.as_deref(), path),
            value_type(*expected)
        ),
        D::UnknownUnit { unit, path, .. } => format!("{path}: unknown unit `{unit}`"),
        D::MissingUnit { unit, group } => {
            format!("unit `{unit}` of group `{group}` is missing from the data")
        }
        D::DuplicateUnit { unit, path, first } => {
            format!("{path}: unit `{unit}` appears twice (first at {first})")
        }
        D::UnknownGroup {
            unit, group, path, ..
        } => {
            format!("{}: unknown group `{group}`", at(Some(unit), path))
        }
        D::GroupMismatch {
            unit,
            group,
            declared,
            path,
        } => format!(
            "{}: the data says group `{group}`, but the policy lists it in `{declared}`",
            at(Some(unit), path)
        ),
        D::ClosedGroup { unit, group, path } => format!(
            "{}: group `{group}` is a closed list; the data cannot add units to it",
            at(Some(unit), path)
        ),
        D::UnknownItem {
            unit, item, path, ..
        } => {
            format!("{}: unknown item `{item}`", at(Some(unit), path))
        }
        D::ParentItem { unit, item, path } => {
            format!(
                "{}: `{item}` has sub-items; only leaf items are scored",
                at(Some(unit), path)
            )
        }
        D::MissingScore { unit, item, path } => {
            format!("{}: no score for item `{item}`", at(Some(unit), path))
        }
        D::ScoreOutOfRange {
            unit,
            item,
            value,
            max,
            path,
        } => format!(
            "{}: score {} for `{item}` is outside 0 to {}",
            at(Some(unit), path),
            d(*value),
            d(*max)
        ),
        D::UnknownKind {
            unit, kind, path, ..
        } => {
            format!("{}: unknown event kind `{kind}`", at(Some(unit), path))
        }
        D::UnknownKey {
            unit,
            key,
            kind,
            path,
            ..
        } => match kind {
            Some(k) => format!(
                "{}: event kind `{k}` has no attribute `{key}`",
                at(unit.as_deref(), path)
            ),
            None => format!("{}: unknown key `{key}`", at(unit.as_deref(), path)),
        },
        D::DuplicateKey { unit, key, path } => {
            format!("{}: key `{key}` appears twice", at(unit.as_deref(), path))
        }
        D::MissingField {
            unit,
            key,
            kind,
            path,
        } => match kind {
            Some(k) => format!("{}: event `{k}` has no `{key}`", at(unit.as_deref(), path)),
            None => format!("{}: missing `{key}`", at(unit.as_deref(), path)),
        },
        D::UnknownValue {
            unit,
            kind,
            attr,
            value,
            path,
            ..
        } => format!(
            "{}: `{value}` is not a value of `{attr}` of event kind `{kind}`",
            at(Some(unit), path)
        ),
        D::PointsMissing {
            unit,
            kind,
            path,
            low,
            high,
        } => format!(
            "{}: event `{kind}` is scored in the range {} to {} and needs `points`",
            at(Some(unit), path),
            d(*low),
            d(*high)
        ),
        D::PointsOutOfRange {
            unit,
            kind,
            path,
            value,
            low,
            high,
        } => format!(
            "{}: points {} of event `{kind}` are outside the rule's range {} to {}",
            at(Some(unit), path),
            d(*value),
            d(*low),
            d(*high)
        ),
        D::PointsNotAllowed {
            unit,
            kind,
            path,
            fixed,
        } => format!(
            "{}: event `{kind}` is worth a fixed {} and must not give `points`",
            at(Some(unit), path),
            d(*fixed)
        ),
        D::BadDate { unit, path, text } => {
            format!(
                "{}: `{text}` is not a valid date",
                at(unit.as_deref(), path)
            )
        }
        D::BadNumber { unit, path, text } => {
            format!(
                "{}: `{text}` is not a valid number",
                at(unit.as_deref(), path)
            )
        }
        D::RuleOverlap {
            unit,
            kind,
            path,
            rules,
        } => format!(
            "{}: event `{kind}` matches several base rules: {}",
            at(Some(unit), path),
            rules.join("; ")
        ),
    }
}

pub fn help(m: &DataMessage) -> Option<String> {
    use DataMessage as D;
    Some(match m {
        D::Syntax { .. } => "fix the format here; see docs/data.en.md".into(),
        D::WrongType { expected, .. } => format!("write {} here", value_type(*expected)),
        D::UnknownUnit {
            suggestion: Some(s),
            ..
        }
        | D::UnknownGroup {
            suggestion: Some(s),
            ..
        }
        | D::UnknownItem {
            suggestion: Some(s),
            ..
        }
        | D::UnknownKind {
            suggestion: Some(s),
            ..
        }
        | D::UnknownKey {
            suggestion: Some(s),
            ..
        }
        | D::UnknownValue {
            suggestion: Some(s),
            ..
        } => format!("did you mean `{s}`?"),
        D::UnknownUnit { .. } => {
            "the policy has no such unit; a unit of an open group must give its `group`".into()
        }
        D::MissingUnit { .. } => {
            "add the unit to the data, or remove it from the policy's list".into()
        }
        D::DuplicateUnit { .. } => {
            "each unit appears once: merge or remove the repeated one".into()
        }
        D::UnknownGroup { .. } => "the group must be one the policy declares".into(),
        D::GroupMismatch { declared, .. } => {
            format!("write group `{declared}`, or leave the group out")
        }
        D::ClosedGroup { .. } => {
            "list the unit in the policy, or end the group's list with `...`".into()
        }
        D::UnknownItem { .. } => "score keys are the policy's leaf items".into(),
        D::ParentItem { .. } => "score each of its sub-items instead".into(),
        D::MissingScore { .. } => "every leaf item needs a score (0 is allowed)".into(),
        D::ScoreOutOfRange { .. } => {
            "a score lies between 0 and the item's maximum (or its scale)".into()
        }
        D::UnknownKind { .. } => "event kinds are those the policy declares with `event`".into(),
        D::UnknownKey { .. } => "remove the key, or check its spelling".into(),
        D::DuplicateKey { .. } => "remove the repeated one".into(),
        D::MissingField { .. } => "add this key".into(),
        D::UnknownValue { .. } => {
            "use one of the values the policy declares for this attribute".into()
        }
        D::PointsMissing { .. } => "add \"points\" with this event's amount".into(),
        D::PointsOutOfRange { .. } => "points must lie within the rule's range".into(),
        D::PointsNotAllowed { .. } => "remove \"points\": the rule fixes the amount".into(),
        D::BadDate { .. } => "write dates as YYYY-MM-DD, such as 2019-05-10".into(),
        D::BadNumber { .. } => "write numbers as plain decimals such as 12 or 9.5".into(),
        D::RuleOverlap { .. } => {
            "change the policy so that each event matches exactly one base rule".into()
        }
    })
}

fn sheet(p: &SheetProblem) -> String {
    match p {
        SheetProblem::NotAWorkbook(why) => {
            format!("not a workbook or CSV file kaohe can read ({why})")
        }
        SheetProblem::MissingSheet { sheet, found } => {
            format!("no sheet `{sheet}`{}", listed(found))
        }
        SheetProblem::MissingFile { file, found } => {
            format!("the folder has no `{file}`{}", listed(found))
        }
        SheetProblem::EmptySheet { sheet } => format!("sheet `{sheet}` is empty"),
        SheetProblem::MissingColumn { sheet, column } => {
            format!("the header of sheet `{sheet}` has no column `{column}`")
        }
        SheetProblem::DuplicateColumn { cell, column } => {
            format!("{cell}: column `{column}` appears twice")
        }
        SheetProblem::UnnamedColumn { cell } => {
            format!("{cell}: this column has values but no header")
        }
        SheetProblem::NoUnitName { cell } => format!("{cell}: this row has values but no unit"),
        SheetProblem::EventUnitUnknown {
            cell,
            unit,
            suggestion,
        } => {
            let hint = suggestion
                .as_ref()
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            format!("{cell}: unit `{unit}` is not in the scores sheet{hint}")
        }
    }
}

/// ` (there are: a, b)`, or nothing for an empty list.
fn listed(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!(" (there are: {})", names.join(", "))
    }
}
