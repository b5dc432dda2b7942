//! Words several families share (sorts of names, lists, file problems), and
//! the findings outside the policy text: files (KH001), data formats and
//! unit names on the command line (KH002), examples (KH801).

use crate::diag::fmt_decimal as d;
use crate::diag::message::{ExpectWhat, FactValue, IoProblem, Message, Sort};
use crate::i18n::Lang;
use crate::zh_en;

/// The sort of thing a name stands for, as a noun.
pub(super) fn sort(s: Sort, lang: Lang) -> &'static str {
    match s {
        Sort::Unit => lang.pick("单位", "unit"),
        Sort::Group => lang.pick("分组", "group"),
        Sort::Item => lang.pick("计分项", "item"),
        Sort::Kind => lang.pick("事项类型", "event kind"),
        Sort::Attr => lang.pick("属性", "attribute"),
        Sort::Value => lang.pick("属性值", "value"),
        Sort::Award => lang.pick("奖项", "award"),
        Sort::Outcome => lang.pick("处置", "outcome"),
        Sort::Tier => lang.pick("等次", "grade tier"),
        Sort::Step => lang.pick("日程步骤", "schedule step"),
    }
}

/// Several sorts as alternatives: `单位或分组`, `unit or group`.
/// `a group`, `an event kind`: English's article before a noun phrase.
pub(super) fn with_article(phrase: &str) -> String {
    let an = phrase.starts_with(['a', 'e', 'i', 'o']);
    format!("{} {phrase}", if an { "an" } else { "a" })
}

pub(super) fn sorts(list: &[Sort], lang: Lang) -> String {
    join_or(
        list.iter().map(|s| sort(*s, lang).to_string()).collect(),
        lang,
    )
}

/// `甲、乙或丙`, `a, b or c`.
pub(super) fn join_or(items: Vec<String>, lang: Lang) -> String {
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => zh_en!(
            lang,
            format!("{}或{}", rest.join("、"), last),
            format!("{} or {}", rest.join(", "), last)
        ),
    }
}

/// Why a file could not be read or written.
fn io(p: &IoProblem, lang: Lang) -> String {
    match p {
        IoProblem::NotFound => lang.pick("文件不存在", "no such file").into(),
        IoProblem::NoPermission => lang.pick("没有权限", "permission denied").into(),
        IoProblem::IsDirectory => lang.pick("这是一个文件夹", "it is a folder").into(),
        IoProblem::NotUtf8 { at } => zh_en!(
            lang,
            format!("不是 UTF-8 编码的文本（第 {} 个字节）", at + 1),
            format!("not UTF-8 text (byte {})", at + 1)
        ),
        IoProblem::Other(s) => s.clone(),
    }
}

/// One fact of an example's expectation or ruling. The Chinese of a fact
/// with a value starts with a space, to stand apart from `预期`/`实际`.
fn fact(what: &ExpectWhat, v: &FactValue, lang: Lang) -> String {
    use ExpectWhat as W;
    use FactValue as V;
    let value = match v {
        V::Number(n) => d(*n),
        V::Text(t) => t.clone(),
        V::Bool(_) | V::None | V::Pending => String::new(),
    };
    match (what, v) {
        (W::Total, _) => zh_en!(lang, format!(" 总分 {value}"), format!("total {value}")),
        (W::Bonus, _) => zh_en!(lang, format!(" 加分 {value}"), format!("bonus {value}")),
        (W::Deduct, _) => zh_en!(lang, format!(" 扣分 {value}"), format!("deduction {value}")),
        (W::Rank, V::None) => lang.pick("无排名", "no rank").into(),
        (W::Rank, _) => zh_en!(lang, format!(" 排名 {value}"), format!("rank {value}")),
        (W::Grade, V::None) => lang.pick("无等次", "no grade").into(),
        (W::Grade, V::Pending) => lang.pick("等次待定", "grade pending").into(),
        (W::Flag(name), V::Pending) => {
            zh_en!(lang, format!("「{name}」待定"), format!("`{name}` pending"))
        }
        (W::Grade, _) => zh_en!(lang, format!(" 等次 {value}"), format!("grade {value}")),
        (W::Vetoed, V::Bool(true)) => lang.pick("被否决", "vetoed").into(),
        (W::Vetoed, _) => lang.pick("未被否决", "not vetoed").into(),
        (W::Flag(name), V::Bool(true)) => zh_en!(lang, format!("「{name}」"), format!("`{name}`")),
        (W::Flag(name), _) => zh_en!(lang, format!("非「{name}」"), format!("not `{name}`")),
    }
}

/// The message of KH001, KH002 and KH801.
pub(super) fn message(m: &Message, lang: Lang) -> String {
    use Message as M;
    match m {
        M::CannotRead { path, reason } => zh_en!(
            lang,
            format!("无法读取文件「{path}」：{}", io(reason, lang)),
            format!("cannot read `{path}`: {}", io(reason, lang))
        ),
        M::CannotWrite {
            path,
            reason: IoProblem::NotFound,
        } => zh_en!(
            lang,
            format!("无法写入文件「{path}」：所在的文件夹不存在"),
            format!("cannot write `{path}`: its folder does not exist")
        ),
        M::CannotWrite { path, reason } => zh_en!(
            lang,
            format!("无法写入文件「{path}」：{}", io(reason, lang)),
            format!("cannot write `{path}`: {}", io(reason, lang))
        ),
        M::UnknownDataFormat { path } => zh_en!(
            lang,
            format!("不认识数据文件「{path}」的格式"),
            format!("unknown data format of `{path}`")
        ),
        M::NoSuchUnit { unit, .. } => zh_en!(
            lang,
            format!("数据中没有单位「{unit}」"),
            format!("the data has no unit `{unit}`")
        ),
        M::MoreOfTheSame { code, more, .. } => zh_en!(
            lang,
            format!("另有 {more} 处同样的问题（{}）未逐一列出", code.as_str()),
            format!(
                "{more} more findings of the same kind ({}) are not listed one by one",
                code.as_str()
            )
        ),
        M::ExampleFailed {
            example,
            unit,
            what,
            expected,
            actual,
        } => zh_en!(
            lang,
            format!(
                "示例「{example}」不成立：单位「{unit}」预期{}，实际{}",
                fact(what, expected, lang),
                fact(what, actual, lang)
            ),
            format!(
                "example `{example}` fails: unit `{unit}` expected {}, got {}",
                fact(what, expected, lang),
                fact(what, actual, lang)
            )
        ),
        // Another family's: `super::family` never sends it here.
        _ => String::new(),
    }
}

/// The help of KH001, KH002 and KH801.
pub(super) fn help(m: &Message, lang: Lang) -> Option<String> {
    use Message as M;
    Some(match m {
        M::CannotRead {
            reason: IoProblem::NotUtf8 { .. },
            ..
        } => lang
            .pick(
                "用 UTF-8 编码另存这个文件",
                "save the file again in the UTF-8 encoding",
            )
            .into(),
        M::CannotRead { .. } => lang
            .pick(
                "检查文件路径和读取权限",
                "check the path and its permissions",
            )
            .into(),
        M::CannotWrite { .. } => lang
            .pick(
                "检查输出文件夹是否存在、是否有写入权限",
                "check that the folder exists and can be written",
            )
            .into(),
        M::UnknownDataFormat { .. } => lang
            .pick(
                "数据须是 .json、.toml、.xlsx 文件，或放有 得分.csv、事项.csv 的文件夹",
                "data is a .json, .toml or .xlsx file, or a folder with 得分.csv and 事项.csv",
            )
            .into(),
        M::NoSuchUnit {
            suggestion: Some(s),
            ..
        } => zh_en!(
            lang,
            format!("是否指「{s}」？"),
            format!("did you mean `{s}`?")
        ),
        M::NoSuchUnit { .. } => lang
            .pick(
                "检查 --unit 后的单位名称",
                "check the unit name after --unit",
            )
            .into(),
        M::MoreOfTheSame { .. } => lang
            .pick(
                "先修正上面列出的问题，再检查一次",
                "fix the findings listed above, then check again",
            )
            .into(),
        M::ExampleFailed { .. } => lang
            .pick(
                "修改考核办法或示例，使两者一致；说明见 kaohe eval",
                "change the policy or the example so that they agree; `kaohe eval` shows why",
            )
            .into(),
        // Another family's: `super::family` never sends it here.
        _ => return None,
    })
}
