//! 数据问题（KH7xx）的中文提示。每条都指明单位与数据路径。

use super::data::{DataMessage, ShapeProblem, SheetProblem, SyntaxDetail, ValueType};
use super::fmt_decimal as d;

fn at(unit: Option<&str>, path: &str) -> String {
    match unit {
        Some(u) => format!("单位「{u}」（{path}）"),
        None => path.to_string(),
    }
}

fn value_type(t: ValueType) -> &'static str {
    match t {
        ValueType::Text => "文字",
        ValueType::Number => "数字",
        ValueType::Integer => "整数",
        ValueType::Date => "日期",
        ValueType::Object => "对象 {…}",
        ValueType::Array => "数组 […]",
    }
}

fn json_type(t: &str) -> &'static str {
    match t {
        "string" => "文字",
        "number" => "数字",
        "boolean" => "true/false",
        "null" => "null",
        "date" => "日期",
        "array" => "数组",
        _ => "对象",
    }
}

/// A JSON token the reader expected, in Chinese.
fn token(what: &str) -> String {
    match what {
        ", or }" => "「,」或「}」".into(),
        ", or ]" => "「,」或「]」".into(),
        "value" => "一个值（文字、数字、true、false、null、数组或对象）".into(),
        other => format!("「{other}」"),
    }
}

fn syntax(detail: &SyntaxDetail) -> String {
    use super::data::JsonProblem as J;
    match detail {
        SyntaxDetail::Json(J::Expected(what)) => format!("此处应为{}", token(what)),
        SyntaxDetail::Json(J::UnterminatedString) => "字符串没有结束的引号".into(),
        SyntaxDetail::Json(J::BadEscape) => "字符串中有无效的转义".into(),
        SyntaxDetail::Json(J::ControlCharacter) => "字符串中有未转义的控制字符（如换行）".into(),
        SyntaxDetail::Json(J::BadNumber) => "数字格式不对".into(),
        SyntaxDetail::Json(J::TrailingContent) => "数据结束后还有多余内容".into(),
        SyntaxDetail::Json(J::TooDeep) => "嵌套层数过多".into(),
        SyntaxDetail::Json(J::Shape(shape)) | SyntaxDetail::Shape(shape) => match shape {
            ShapeProblem::NoUnits => "缺少 \"units\" 数组".into(),
            ShapeProblem::DuplicateUnits => "\"units\" 出现了两次".into(),
            ShapeProblem::UnitsNotArray => "\"units\" 应为数组".into(),
        },
        SyntaxDetail::Toml(m) => m.clone(),
        SyntaxDetail::Sheet(s) => sheet(s),
    }
}

pub fn message(m: &DataMessage) -> String {
    use DataMessage as D;
    match m {
        D::Syntax { format, detail } => format!("{format} 数据格式错误：{}", syntax(detail)),
        D::WrongType {
            unit,
            path,
            expected,
            found,
        } => format!(
            "{}：应为{}，却是{}",
            at(unit.as_deref(), path),
            value_type(*expected),
            json_type(found)
        ),
        D::UnknownUnit { unit, path, .. } => format!("{path}：未知的单位「{unit}」"),
        D::MissingUnit { unit, group } => format!("数据中缺少分组「{group}」的单位「{unit}」"),
        D::DuplicateUnit { unit, path, first } => {
            format!("{path}：单位「{unit}」重复出现（首次在 {first}）")
        }
        D::UnknownGroup {
            unit, group, path, ..
        } => {
            format!("{}：未知的分组「{group}」", at(Some(unit), path))
        }
        D::GroupMismatch {
            unit,
            group,
            declared,
            path,
        } => format!(
            "{}：数据写的分组是「{group}」，而考核办法把它列在「{declared}」",
            at(Some(unit), path)
        ),
        D::ClosedGroup { unit, group, path } => format!(
            "{}：分组「{group}」是封闭名单，不能在数据中新增单位",
            at(Some(unit), path)
        ),
        D::UnknownItem {
            unit, item, path, ..
        } => {
            format!("{}：未知的计分项「{item}」", at(Some(unit), path))
        }
        D::ParentItem { unit, item, path } => {
            format!(
                "{}：「{item}」有子项，只能给末级计分项打分",
                at(Some(unit), path)
            )
        }
        D::MissingScore { unit, item, path } => {
            format!("{}：缺少计分项「{item}」的得分", at(Some(unit), path))
        }
        D::ScoreOutOfRange {
            unit,
            item,
            value,
            max,
            path,
        } => format!(
            "{}：「{item}」得分 {} 超出范围 0 至 {}",
            at(Some(unit), path),
            d(*value),
            d(*max)
        ),
        D::UnknownKind {
            unit, kind, path, ..
        } => {
            format!("{}：未知的事项类型「{kind}」", at(Some(unit), path))
        }
        D::UnknownKey {
            unit,
            key,
            kind,
            path,
            ..
        } => match kind {
            Some(k) => format!(
                "{}：事项「{k}」没有属性「{key}」",
                at(unit.as_deref(), path)
            ),
            None => format!("{}：未知的字段「{key}」", at(unit.as_deref(), path)),
        },
        D::DuplicateKey { unit, key, path } => {
            format!("{}：字段「{key}」重复出现", at(unit.as_deref(), path))
        }
        D::MissingField {
            unit,
            key,
            kind,
            path,
        } => match kind {
            Some(k) => format!("{}：事项「{k}」缺少「{key}」", at(unit.as_deref(), path)),
            None => format!("{}：缺少「{key}」", at(unit.as_deref(), path)),
        },
        D::UnknownValue {
            unit,
            kind,
            attr,
            value,
            path,
            ..
        } => format!(
            "{}：事项「{kind}」的「{attr}」没有取值「{value}」",
            at(Some(unit), path)
        ),
        D::PointsMissing {
            unit,
            kind,
            path,
            low,
            high,
        } => format!(
            "{}：事项「{kind}」按范围 {} 至 {} 计分，须给出分值（points）",
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
            "{}：事项「{kind}」的分值 {} 超出规则范围 {} 至 {}",
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
            "{}：事项「{kind}」按固定分值 {} 计分，不应给出分值（points）",
            at(Some(unit), path),
            d(*fixed)
        ),
        D::BadDate { unit, path, text } => {
            format!("{}：「{text}」不是有效的日期", at(unit.as_deref(), path))
        }
        D::BadNumber { unit, path, text } => {
            format!("{}：「{text}」不是有效的数字", at(unit.as_deref(), path))
        }
        D::RuleOverlap {
            unit,
            kind,
            path,
            rules,
        } => format!(
            "{}：事项「{kind}」同时符合多条基本规则：{}",
            at(Some(unit), path),
            rules.join("；")
        ),
    }
}

pub fn help(m: &DataMessage) -> Option<String> {
    use DataMessage as D;
    Some(match m {
        D::Syntax { .. } => "修正这一处的格式；数据格式见 docs/data.md".into(),
        D::WrongType { expected, .. } => format!("这里要写{}", value_type(*expected)),
        D::UnknownUnit {
            suggestion: Some(s),
            ..
        } => format!("是否指「{s}」？"),
        D::UnknownUnit { .. } => {
            "考核办法中没有这个单位；若它属于开放分组，请在数据中写明其分组（group）".into()
        }
        D::MissingUnit { .. } => "在数据中加上这个单位，或从考核办法的名单中删去它".into(),
        D::DuplicateUnit { .. } => "每个单位只能出现一次：合并或删去重复的一处".into(),
        D::UnknownGroup {
            suggestion: Some(s),
            ..
        } => format!("是否指「{s}」？"),
        D::UnknownGroup { .. } => "分组须是考核办法中声明的分组".into(),
        D::GroupMismatch { declared, .. } => format!("把分组改为「{declared}」，或不写分组"),
        D::ClosedGroup { .. } => "在考核办法的名单中加上这个单位，或在名单末尾写「等」".into(),
        D::UnknownItem {
            suggestion: Some(s),
            ..
        } => format!("是否指「{s}」？"),
        D::UnknownItem { .. } => "得分的键须是考核办法中的末级计分项".into(),
        D::ParentItem { .. } => "分别给它的各个子项打分".into(),
        D::MissingScore { .. } => "每个末级计分项都要有得分（可以是 0）".into(),
        D::ScoreOutOfRange { .. } => "得分须在 0 与该项分值（或折算基数）之间".into(),
        D::UnknownKind {
            suggestion: Some(s),
            ..
        } => format!("是否指「{s}」？"),
        D::UnknownKind { .. } => "事项类型须是考核办法中用「事项」声明的类型".into(),
        D::UnknownKey {
            suggestion: Some(s),
            ..
        } => format!("是否指「{s}」？"),
        D::UnknownKey { .. } => "删去这个字段，或检查拼写".into(),
        D::DuplicateKey { .. } => "删去重复的一处".into(),
        D::MissingField { .. } => "加上这个字段".into(),
        D::UnknownValue {
            suggestion: Some(s),
            ..
        } => format!("是否指「{s}」？"),
        D::UnknownValue { .. } => "取值须是考核办法中为该属性声明的值之一".into(),
        D::PointsMissing { .. } => "加上 \"points\"，写明本事项的具体分值".into(),
        D::PointsOutOfRange { .. } => "分值须在规则的范围之内".into(),
        D::PointsNotAllowed { .. } => "删去 \"points\"：分值由规则确定".into(),
        D::BadDate { .. } => "日期写作 YYYY-MM-DD，如 2019-05-10".into(),
        D::BadNumber { .. } => "数字写作 12 或 9.5 这样的十进制数".into(),
        D::RuleOverlap { .. } => "修改考核办法，使每个事项恰好符合一条基本规则".into(),
    })
}

fn sheet(p: &SheetProblem) -> String {
    match p {
        SheetProblem::NotAWorkbook(why) => format!("不是能读取的工作簿或 CSV 文件（{why}）"),
        SheetProblem::MissingSheet { sheet, found } => {
            format!("没有工作表「{sheet}」{}", listed(found, "现有"))
        }
        SheetProblem::MissingFile { file, found } => {
            format!("文件夹中没有「{file}」{}", listed(found, "现有"))
        }
        SheetProblem::EmptySheet { sheet } => format!("工作表「{sheet}」是空的"),
        SheetProblem::MissingColumn { sheet, column } => {
            format!("工作表「{sheet}」的表头没有「{column}」列")
        }
        SheetProblem::DuplicateColumn { cell, column } => format!("{cell}：「{column}」列重复"),
        SheetProblem::UnnamedColumn { cell } => format!("{cell}：这一列有数据但没有表头"),
        SheetProblem::NoUnitName { cell } => format!("{cell}：这一行有数据但没有填单位"),
        SheetProblem::EventUnitUnknown {
            cell,
            unit,
            suggestion,
        } => {
            let hint = suggestion
                .as_ref()
                .map(|s| format!("（是否指「{s}」？）"))
                .unwrap_or_default();
            format!("{cell}：单位「{unit}」不在「得分」表中{hint}")
        }
    }
}

/// `（现有：甲、乙）`, or nothing for an empty list.
fn listed(names: &[String], what: &str) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("（{what}：{}）", names.join("、"))
    }
}
