//! Findings about unit data (KH7xx). Each names the unit (when known) and the
//! data path of the offending value.

use super::data_syntax::syntax;
use crate::diag::data::{DataMessage, ValueType};
use crate::diag::fmt_decimal as d;
use crate::exact::NumberProblem;
use crate::i18n::Lang;
use crate::zh_en;

/// Where in the data: the unit and the path, or the path alone.
fn unit_at(unit: Option<&str>, path: &str, lang: Lang) -> String {
    match unit {
        Some(u) => zh_en!(
            lang,
            format!("单位「{u}」（{path}）"),
            format!("unit `{u}` ({path})")
        ),
        None => path.to_string(),
    }
}

/// The type a value should have, as a noun.
pub(super) fn value_type(t: ValueType, lang: Lang) -> &'static str {
    match t {
        ValueType::Text => lang.pick("文字", "a string"),
        ValueType::Number => lang.pick("数字", "a number"),
        ValueType::Integer => lang.pick("整数", "a whole number"),
        ValueType::Date => lang.pick("日期", "a date"),
        ValueType::Object => lang.pick("对象 {…}", "an object {…}"),
        ValueType::Array => lang.pick("数组 […]", "an array […]"),
    }
}

/// The type a value has, as the reader names it (`string`, `array`…);
/// English keeps that name, Chinese says it in words.
fn json_type(t: &'static str, lang: Lang) -> &'static str {
    let zh = match t {
        "string" => "文字",
        "number" => "数字",
        "boolean" => "true/false",
        "null" => "null",
        "date" => "日期",
        "array" => "数组",
        _ => "对象",
    };
    lang.pick(zh, t)
}

/// The message of KH7xx.
pub(super) fn message(m: &DataMessage, lang: Lang) -> String {
    use DataMessage as D;
    match m {
        D::Syntax { format, detail } => zh_en!(
            lang,
            format!("{format} 数据格式错误：{}", syntax(detail, lang)),
            format!("malformed {format} data: {}", syntax(detail, lang))
        ),
        D::WrongType {
            unit,
            path,
            expected,
            found,
        } => {
            let at = unit_at(unit.as_deref(), path, lang);
            let expected = value_type(*expected, lang);
            let found = json_type(found, lang);
            zh_en!(
                lang,
                format!("{at}：应为{expected}，却是{found}"),
                format!("{at}: expected {expected}, found {found}")
            )
        }
        D::UnknownUnit { unit, path, .. } => zh_en!(
            lang,
            format!("{path}：未知的单位「{unit}」"),
            format!("{path}: unknown unit `{unit}`")
        ),
        D::MissingUnit { unit, group } => zh_en!(
            lang,
            format!("数据中缺少分组「{group}」的单位「{unit}」"),
            format!("unit `{unit}` of group `{group}` is missing from the data")
        ),
        D::DuplicateUnit { unit, path, first } => zh_en!(
            lang,
            format!("{path}：单位「{unit}」重复出现（首次在 {first}）"),
            format!("{path}: unit `{unit}` appears twice (first at {first})")
        ),
        D::UnknownGroup {
            unit, group, path, ..
        } => {
            let at = unit_at(Some(unit), path, lang);
            zh_en!(
                lang,
                format!("{at}：未知的分组「{group}」"),
                format!("{at}: unknown group `{group}`")
            )
        }
        D::GroupMismatch {
            unit,
            group,
            declared,
            path,
        } => {
            let at = unit_at(Some(unit), path, lang);
            zh_en!(
                lang,
                format!("{at}：数据写的分组是「{group}」，而考核办法把它列在「{declared}」"),
                format!(
                    "{at}: the data says group `{group}`, but the policy lists it in `{declared}`"
                )
            )
        }
        D::ClosedGroup { unit, group, path } => {
            let at = unit_at(Some(unit), path, lang);
            zh_en!(
                lang,
                format!("{at}：分组「{group}」是封闭名单，不能在数据中新增单位"),
                format!("{at}: group `{group}` is a closed list; the data cannot add units to it")
            )
        }
        D::UnknownItem {
            unit, item, path, ..
        } => {
            let at = unit_at(Some(unit), path, lang);
            zh_en!(
                lang,
                format!("{at}：未知的计分项「{item}」"),
                format!("{at}: unknown item `{item}`")
            )
        }
        D::ParentItem { unit, item, path } => {
            let at = unit_at(Some(unit), path, lang);
            zh_en!(
                lang,
                format!("{at}：「{item}」有子项，只能给末级计分项打分"),
                format!("{at}: `{item}` has sub-items; only leaf items are scored")
            )
        }
        D::MissingScore { unit, item, path } => {
            let at = unit_at(Some(unit), path, lang);
            zh_en!(
                lang,
                format!("{at}：缺少计分项「{item}」的得分"),
                format!("{at}: no score for item `{item}`")
            )
        }
        D::ScoreOutOfRange {
            unit,
            item,
            value,
            max,
            path,
        } => {
            let (at, value, max) = (unit_at(Some(unit), path, lang), d(*value), d(*max));
            zh_en!(
                lang,
                format!("{at}：「{item}」得分 {value} 超出范围 0 至 {max}"),
                format!("{at}: score {value} for `{item}` is outside 0 to {max}")
            )
        }
        D::UnknownKind {
            unit, kind, path, ..
        } => {
            let at = unit_at(Some(unit), path, lang);
            zh_en!(
                lang,
                format!("{at}：未知的事项类型「{kind}」"),
                format!("{at}: unknown event kind `{kind}`")
            )
        }
        D::UnknownKey {
            unit,
            key,
            kind,
            path,
            ..
        } => {
            let at = unit_at(unit.as_deref(), path, lang);
            match kind {
                Some(k) => zh_en!(
                    lang,
                    format!("{at}：事项「{k}」没有属性「{key}」"),
                    format!("{at}: event kind `{k}` has no attribute `{key}`")
                ),
                None => zh_en!(
                    lang,
                    format!("{at}：未知的字段「{key}」"),
                    format!("{at}: unknown key `{key}`")
                ),
            }
        }
        D::DuplicateKey { unit, key, path } => {
            let at = unit_at(unit.as_deref(), path, lang);
            zh_en!(
                lang,
                format!("{at}：字段「{key}」重复出现"),
                format!("{at}: key `{key}` appears twice")
            )
        }
        D::MissingField {
            unit,
            key,
            kind,
            path,
        } => {
            let at = unit_at(unit.as_deref(), path, lang);
            match kind {
                Some(k) => zh_en!(
                    lang,
                    format!("{at}：事项「{k}」缺少「{key}」"),
                    format!("{at}: event `{k}` has no `{key}`")
                ),
                None => zh_en!(
                    lang,
                    format!("{at}：缺少「{key}」"),
                    format!("{at}: missing `{key}`")
                ),
            }
        }
        D::UnknownValue {
            unit,
            kind,
            attr,
            value,
            path,
            ..
        } => {
            let at = unit_at(Some(unit), path, lang);
            zh_en!(
                lang,
                format!("{at}：事项「{kind}」的「{attr}」没有取值「{value}」"),
                format!("{at}: `{value}` is not a value of `{attr}` of event kind `{kind}`")
            )
        }
        D::PointsMissing {
            unit,
            kind,
            path,
            low,
            high,
        } => {
            let (at, low, high) = (unit_at(Some(unit), path, lang), d(*low), d(*high));
            zh_en!(
                lang,
                format!("{at}：事项「{kind}」按范围 {low} 至 {high} 计分，须给出分值（points）"),
                format!(
                    "{at}: event `{kind}` is scored in the range {low} to {high} and needs `points`"
                )
            )
        }
        D::PointsOutOfRange {
            unit,
            kind,
            path,
            value,
            low,
            high,
        } => {
            let at = unit_at(Some(unit), path, lang);
            let (value, low, high) = (d(*value), d(*low), d(*high));
            zh_en!(
                lang,
                format!("{at}：事项「{kind}」的分值 {value} 超出规则范围 {low} 至 {high}"),
                format!(
                    "{at}: points {value} of event `{kind}` are outside the rule's range {low} to {high}"
                )
            )
        }
        D::PointsNotAllowed {
            unit,
            kind,
            path,
            fixed,
        } => {
            let (at, fixed) = (unit_at(Some(unit), path, lang), d(*fixed));
            zh_en!(
                lang,
                format!("{at}：事项「{kind}」按固定分值 {fixed} 计分，不应给出分值（points）"),
                format!("{at}: event `{kind}` is worth a fixed {fixed} and must not give `points`")
            )
        }
        D::BadDate { unit, path, text } => {
            let at = unit_at(unit.as_deref(), path, lang);
            zh_en!(
                lang,
                format!("{at}：「{text}」不是有效的日期"),
                format!("{at}: `{text}` is not a valid date")
            )
        }
        D::TooManyDigits { unit, path } => {
            let at = unit_at(Some(unit), path, lang);
            let kept = crate::exact::DIGITS;
            zh_en!(
                lang,
                format!("{at}：计算的确切结果需要超过 {kept} 位有效数字，kaohe 不替你取舍"),
                format!(
                    "{at}: the exact result needs more than the {kept} significant digits kaohe keeps, and kaohe does not round"
                )
            )
        }
        D::BadNumber {
            unit,
            path,
            text,
            problem,
        } => {
            let at = unit_at(unit.as_deref(), path, lang);
            let why = number_problem(*problem, lang);
            zh_en!(
                lang,
                format!("{at}：「{text}」{why}"),
                format!("{at}: `{text}` {why}")
            )
        }
        D::RuleOverlap {
            unit,
            kind,
            path,
            rules,
        } => {
            let at = unit_at(Some(unit), path, lang);
            zh_en!(
                lang,
                format!(
                    "{at}：事项「{kind}」同时符合多条基本规则：{}",
                    rules.join("；")
                ),
                format!(
                    "{at}: event `{kind}` matches several base rules: {}",
                    rules.join("; ")
                )
            )
        }
    }
}

/// Why a number is refused, after the number: `不是有效的数字`.
pub(super) fn number_problem(problem: NumberProblem, lang: Lang) -> String {
    let kept = crate::exact::DIGITS;
    match problem {
        NumberProblem::Malformed => lang.pick("不是有效的数字", "is not a valid number").into(),
        NumberProblem::NotDecimal => lang
            .pick(
                "不是十进制数：不接受十六进制、八进制、二进制写法和无穷大",
                "is not a decimal number: hexadecimal, octal and binary forms and infinities are not accepted",
            )
            .into(),
        NumberProblem::TooManyDigits { digits } if digits <= 1000 => zh_en!(
            lang,
            format!("需要 {digits} 位有效数字，超过 kaohe 保留的 {kept} 位（不会替你取舍）"),
            format!("needs {digits} significant digits, more than the {kept} kaohe keeps (it does not round for you)")
        ),
        NumberProblem::TooManyDigits { .. } => zh_en!(
            lang,
            format!("需要的有效数字超过 kaohe 保留的 {kept} 位（不会替你取舍）"),
            format!("needs more significant digits than the {kept} kaohe keeps (it does not round for you)")
        ),
        NumberProblem::TooLarge => lang
            .pick(
                "超出 kaohe 能表示的范围（约 7.9 × 10^28）",
                "is larger than kaohe can represent (about 7.9 × 10^28)",
            )
            .into(),
    }
}
