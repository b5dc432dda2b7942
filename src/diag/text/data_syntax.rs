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
        SyntaxDetail::Toml(m) => match lang {
            Lang::En => m.clone(),
            Lang::Zh => toml_zh(m),
        },
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

/// The toml crate's English description, in Chinese: `key with no value,
/// expected `=`` → `键没有值，此处应为 `=``. A description not in the table
/// keeps its English, after a Chinese lead.
fn toml_zh(m: &str) -> String {
    const DESCRIPTIONS: &[(&str, &str)] = &[
        ("string values must be quoted", "字符串值要加引号"),
        ("key with no value", "键没有值"),
        ("unclosed table", "表头的「[」没有闭合"),
        ("unclosed array table", "表数组的「[[」没有闭合"),
        ("unclosed array", "数组的「[」没有闭合"),
        ("unclosed inline table", "内联表的「{」没有闭合"),
        ("duplicate key", "键重复"),
        ("unexpected leading zero", "数字不能以 0 开头"),
        ("unquoted keys cannot be empty", "不加引号的键不能为空"),
        ("invalid basic string", "字符串没有正确结束"),
        ("invalid multi-line basic string", "多行字符串没有正确结束"),
        (
            "missing assignment between key-value pairs",
            "键值对之间缺少「=」",
        ),
        (
            "missing comma between array elements",
            "数组元素之间缺少逗号",
        ),
        (
            "missing comma between key-value pairs",
            "键值对之间缺少逗号",
        ),
        ("missing value", "缺少值"),
        ("missing value for key", "键缺少值"),
        ("missing opening quote", "缺少开头的引号"),
        ("invalid unquoted key", "不加引号的键里有不允许的字符"),
        ("invalid value", "值的格式不对"),
        ("invalid key-value pair", "键值对的格式不对"),
        ("extra comma in array", "数组中多了逗号"),
        ("extra comma in inline table", "内联表中多了逗号"),
        ("extra `=`", "多了「=」"),
        (
            "extra assignment between key-value pairs",
            "键值对之间多了「=」",
        ),
        ("unexpected content", "此处有多余的内容"),
        ("unexpected key or value", "此处不应有键或值"),
        (
            "cannot recurse further; max recursion depth met",
            "嵌套层数过多",
        ),
        (
            "carriage return must be followed by newline",
            "回车符后应为换行",
        ),
        ("`_` may only go between digits", "「_」只能写在数字之间"),
        ("redundant numeric sign", "多余的正负号"),
    ];
    let (description, expected) = match m.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (m, None),
    };
    let Some(zh) = DESCRIPTIONS
        .iter()
        .find(|(en, _)| *en == description)
        .map(|(_, zh)| *zh)
    else {
        return format!("不符合 TOML 的写法（{m}）");
    };
    let expected = expected.and_then(|e| match e {
        "nothing" => None,
        "literal string" => Some("带引号的字符串".to_string()),
        "letters, numbers, `-`, `_`" => Some("字母、数字、「-」或「_」".to_string()),
        // `]` → 「]」, the way Chinese findings quote.
        other => Some(
            other
                .replace(", ", "、")
                .split('`')
                .enumerate()
                .map(|(i, part)| {
                    if i % 2 == 1 {
                        format!("「{part}」")
                    } else {
                        part.to_string()
                    }
                })
                .collect(),
        ),
    });
    match expected {
        Some(e) => format!("{zh}，此处应为{e}"),
        None => zh.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::toml_zh;

    #[test]
    fn toml_descriptions_read_in_chinese() {
        assert_eq!(
            toml_zh("key with no value, expected `=`"),
            "键没有值，此处应为「=」"
        );
        assert_eq!(
            toml_zh("unexpected leading zero, expected nothing"),
            "数字不能以 0 开头"
        );
        assert_eq!(
            toml_zh("unquoted keys cannot be empty, expected letters, numbers, `-`, `_`"),
            "不加引号的键不能为空，此处应为字母、数字、「-」或「_」"
        );
        // A description the table does not have keeps its English after a Chinese lead.
        assert_eq!(
            toml_zh("something new"),
            "不符合 TOML 的写法（something new）"
        );
    }
}
