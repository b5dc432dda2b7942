//! Why a data file could not be read as data (the detail of KH700): JSON
//! syntax, the top level, the layout of a workbook or CSV folder.

use crate::diag::data::{JsonProblem, ShapeProblem, SheetProblem, SyntaxDetail};
use crate::i18n::Lang;
use crate::zh_en;

/// A JSON token the reader expected.
fn token(what: &str, lang: Lang) -> String {
    match what {
        ", or }" => lang.pick("「,」或「}」", "`,` or `}`").into(),
        ", or ]" => lang.pick("「,」或「]」", "`,` or `]`").into(),
        "value" => lang
            .pick(
                "一个值（文字、数字、true、false、null、数组或对象）",
                "a value",
            )
            .into(),
        other => zh_en!(lang, format!("「{other}」"), format!("`{other}`")),
    }
}

/// What is wrong with the file's syntax or layout.
pub(super) fn syntax(detail: &SyntaxDetail, lang: Lang) -> String {
    use JsonProblem as J;
    match detail {
        SyntaxDetail::Json(J::Expected(what)) => zh_en!(
            lang,
            format!("此处应为{}", token(what, lang)),
            format!("expected {}", token(what, lang))
        ),
        SyntaxDetail::Json(J::UnterminatedString) => lang
            .pick("字符串没有结束的引号", "a string has no closing quote")
            .into(),
        SyntaxDetail::Json(J::BadEscape) => lang
            .pick("字符串中有无效的转义", "a string has an invalid escape")
            .into(),
        SyntaxDetail::Json(J::ControlCharacter) => lang
            .pick(
                "字符串中有未转义的控制字符（如换行）",
                "a string has an unescaped control character (such as a line break)",
            )
            .into(),
        SyntaxDetail::Json(J::BadNumber) => lang.pick("数字格式不对", "malformed number").into(),
        SyntaxDetail::Json(J::TrailingContent) => lang
            .pick(
                "数据结束后还有多余内容",
                "content after the end of the data",
            )
            .into(),
        SyntaxDetail::Json(J::TooDeep) => lang.pick("嵌套层数过多", "nested too deeply").into(),
        SyntaxDetail::Json(J::Shape(shape)) | SyntaxDetail::Shape(shape) => match shape {
            ShapeProblem::NoUnits => lang.pick("缺少 \"units\" 数组", "no \"units\" array"),
            ShapeProblem::DuplicateUnits => {
                lang.pick("\"units\" 出现了两次", "\"units\" appears twice")
            }
            ShapeProblem::UnitsNotArray => {
                lang.pick("\"units\" 应为数组", "\"units\" must be an array")
            }
        }
        .into(),
        SyntaxDetail::Toml(m) => m.clone(),
        SyntaxDetail::Sheet(s) => sheet(s, lang),
    }
}

/// What is wrong with the layout of a workbook or CSV folder.
fn sheet(p: &SheetProblem, lang: Lang) -> String {
    match p {
        SheetProblem::NotAWorkbook(why) => zh_en!(
            lang,
            format!("不是能读取的工作簿或 CSV 文件（{why}）"),
            format!("not a workbook or CSV file kaohe can read ({why})")
        ),
        SheetProblem::MissingSheet { sheet, found } => zh_en!(
            lang,
            format!("没有工作表「{sheet}」{}", listed(found, lang)),
            format!("no sheet `{sheet}`{}", listed(found, lang))
        ),
        SheetProblem::MissingFile { file, found } => zh_en!(
            lang,
            format!("文件夹中没有「{file}」{}", listed(found, lang)),
            format!("the folder has no `{file}`{}", listed(found, lang))
        ),
        SheetProblem::EmptySheet { sheet } => zh_en!(
            lang,
            format!("工作表「{sheet}」是空的"),
            format!("sheet `{sheet}` is empty")
        ),
        SheetProblem::MissingColumn { sheet, column } => zh_en!(
            lang,
            format!("工作表「{sheet}」的表头没有「{column}」列"),
            format!("the header of sheet `{sheet}` has no column `{column}`")
        ),
        SheetProblem::DuplicateColumn { cell, column } => zh_en!(
            lang,
            format!("{cell}：「{column}」列重复"),
            format!("{cell}: column `{column}` appears twice")
        ),
        SheetProblem::UnnamedColumn { cell } => zh_en!(
            lang,
            format!("{cell}：这一列有数据但没有表头"),
            format!("{cell}: this column has values but no header")
        ),
        SheetProblem::TooLarge { sheet, limit } => zh_en!(
            lang,
            format!("工作表「{sheet}」超过 {limit} 行或 {limit} 列，kaohe 无法标注其单元格"),
            format!(
                "sheet `{sheet}` has more than {limit} rows or {limit} columns, more than kaohe can place"
            )
        ),
        SheetProblem::OutsideGrid { part, reference } => zh_en!(
            lang,
            format!(
                "工作簿部件「{part}」中的单元格位置「{reference}」不在 Excel 的表格范围（A1 至 XFD1048576）内，无法确定数据在哪个单元格"
            ),
            format!(
                "cell reference `{reference}` in part `{part}` of the workbook is outside Excel's grid \
                 (A1 to XFD1048576), so its cell cannot be known"
            )
        ),
        SheetProblem::NoUnitName { cell } => zh_en!(
            lang,
            format!("{cell}：这一行有数据但没有填单位"),
            format!("{cell}: this row has values but no unit")
        ),
        SheetProblem::EventUnitUnknown {
            cell,
            unit,
            suggestion,
        } => {
            let hint = suggestion
                .as_ref()
                .map(|s| {
                    zh_en!(
                        lang,
                        format!("（是否指「{s}」？）"),
                        format!(" (did you mean `{s}`?)")
                    )
                })
                .unwrap_or_default();
            zh_en!(
                lang,
                format!("{cell}：单位「{unit}」不在「得分」表中{hint}"),
                format!("{cell}: unit `{unit}` is not in the scores sheet{hint}")
            )
        }
    }
}

/// The names there are instead: `（现有：甲、乙）`, ` (there are: a, b)`, or
/// nothing for an empty list.
fn listed(names: &[String], lang: Lang) -> String {
    if names.is_empty() {
        String::new()
    } else {
        zh_en!(
            lang,
            format!("（现有：{}）", names.join("、")),
            format!(" (there are: {})", names.join(", "))
        )
    }
}
