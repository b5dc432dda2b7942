//! How to fix unit data (the help of KH7xx).

use super::data::value_type;
use crate::diag::data::{DataMessage, SheetProblem, SyntaxDetail};
use crate::exact::NumberProblem;
use crate::i18n::Lang;
use crate::zh_en;

/// The help of KH7xx.
pub(super) fn help(m: &DataMessage, lang: Lang) -> Option<String> {
    use DataMessage as D;
    Some(match m {
        D::Syntax {
            detail: SyntaxDetail::Sheet(SheetProblem::TooLarge { .. }),
            ..
        } => lang
            .pick(
                "删去表格边上多余的行列（常见于整列整行都设了格式的导出），或把数据存成 JSON",
                "delete the extra rows and columns at the sheet's edges (often whole rows or columns \
                 given a format by the exporting tool), or save the data as JSON",
            )
            .into(),
        D::Syntax {
            detail: SyntaxDetail::Sheet(SheetProblem::OutsideGrid { .. }),
            ..
        } => lang
            .pick(
                "这个文件不是 Excel 或 WPS 存出的样子：用 Excel 或 WPS 打开后另存为 .xlsx，或把数据存成 JSON",
                "this file was not written the way Excel or WPS write one: open it in Excel or WPS and \
                 save it again as .xlsx, or save the data as JSON",
            )
            .into(),
        D::Syntax { .. } => lang
            .pick(
                "修正这一处的格式；数据格式见 docs/data.md",
                "fix the format here; see docs/data.en.md",
            )
            .into(),
        D::WrongType { expected, .. } => zh_en!(
            lang,
            format!("这里要写{}", value_type(*expected, lang)),
            format!("write {} here", value_type(*expected, lang))
        ),
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
        } => zh_en!(
            lang,
            format!("是否指「{s}」？"),
            format!("did you mean `{s}`?")
        ),
        D::UnknownUnit { .. } => lang
            .pick(
                "考核办法中没有这个单位；若它属于开放分组，请在数据中写明其分组（group）",
                "the policy has no such unit; a unit of an open group must give its `group`",
            )
            .into(),
        D::MissingUnit { .. } => lang
            .pick(
                "在数据中加上这个单位，或从考核办法的名单中删去它",
                "add the unit to the data, or remove it from the policy's list",
            )
            .into(),
        D::DuplicateUnit { .. } => lang
            .pick(
                "每个单位只能出现一次：合并或删去重复的一处",
                "each unit appears once: merge or remove the repeated one",
            )
            .into(),
        D::UnknownGroup { .. } => lang
            .pick(
                "分组须是考核办法中声明的分组",
                "the group must be one the policy declares",
            )
            .into(),
        D::GroupMismatch { declared, .. } => zh_en!(
            lang,
            format!("把分组改为「{declared}」，或不写分组"),
            format!("write group `{declared}`, or leave the group out")
        ),
        D::ClosedGroup { .. } => lang
            .pick(
                "在考核办法的名单中加上这个单位，或在名单末尾写「等」",
                "list the unit in the policy, or end the group's list with `...`",
            )
            .into(),
        D::UnknownItem { .. } => lang
            .pick(
                "得分的键须是考核办法中的末级计分项",
                "score keys are the policy's leaf items",
            )
            .into(),
        D::ParentItem { .. } => lang
            .pick(
                "分别给它的各个子项打分",
                "score each of its sub-items instead",
            )
            .into(),
        D::MissingScore { .. } => lang
            .pick(
                "每个末级计分项都要有得分（可以是 0）",
                "every leaf item needs a score (0 is allowed)",
            )
            .into(),
        D::ScoreOutOfRange { .. } => lang
            .pick(
                "得分须在 0 与该项分值（或折算基数）之间",
                "a score lies between 0 and the item's maximum (or its scale)",
            )
            .into(),
        D::UnknownKind { .. } => lang
            .pick(
                "事项类型须是考核办法中用「事项」声明的类型",
                "event kinds are those the policy declares with `event`",
            )
            .into(),
        D::UnknownKey { .. } => lang
            .pick(
                "删去这个字段，或检查拼写",
                "remove the key, or check its spelling",
            )
            .into(),
        D::DuplicateKey { .. } => lang
            .pick("删去重复的一处", "remove the repeated one")
            .into(),
        D::MissingField { .. } => lang.pick("加上这个字段", "add this key").into(),
        D::UnknownValue { .. } => lang
            .pick(
                "取值须是考核办法中为该属性声明的值之一",
                "use one of the values the policy declares for this attribute",
            )
            .into(),
        D::PointsMissing { .. } => lang
            .pick(
                "加上 \"points\"，写明本事项的具体分值",
                "add \"points\" with this event's amount",
            )
            .into(),
        D::PointsOutOfRange { .. } => lang
            .pick(
                "分值须在规则的范围之内",
                "points must lie within the rule's range",
            )
            .into(),
        D::PointsNotAllowed { .. } => lang
            .pick(
                "删去 \"points\"：分值由规则确定",
                "remove \"points\": the rule fixes the amount",
            )
            .into(),
        D::BadDate { .. } => lang
            .pick(
                "日期写作 YYYY-MM-DD，如 2019-05-10",
                "write dates as YYYY-MM-DD, such as 2019-05-10",
            )
            .into(),
        D::TooManyDigits { .. } => lang
            .pick(
                "检查这个单位数据中位数特别多的数字（如 9.999999999999999999999999），把它们取舍到合理的位数",
                "look in this unit's data for numbers with very many digits (such as 9.999999999999999999999999) and round them sensibly",
            )
            .into(),
        D::BadNumber {
            problem: NumberProblem::TooManyDigits { .. },
            ..
        } => zh_en!(
            lang,
            format!(
                "把这个数取舍到 {} 位有效数字以内，或核对原始数据",
                crate::exact::DIGITS
            ),
            format!(
                "round this number to at most {} significant digits, or check the source data",
                crate::exact::DIGITS
            )
        ),
        D::BadNumber { .. } => lang
            .pick(
                "数字写作 12 或 9.5 这样的十进制数",
                "write numbers as plain decimals such as 12 or 9.5",
            )
            .into(),
        D::RuleOverlap { .. } => lang
            .pick(
                "修改考核办法，使每个事项恰好符合一条基本规则",
                "change the policy so that each event matches exactly one base rule",
            )
            .into(),
    })
}
