//! The short texts under the underlined spans: the primary span's, and the
//! secondary labels'.

use super::common::{sort, with_article};
use crate::diag::fmt_decimal as d;
use crate::diag::message::{LabelText, Message};
use crate::i18n::Lang;
use crate::zh_en;

/// The primary span's label; none for findings without a place in a file.
pub(in crate::diag) fn primary_label(m: &Message, lang: Lang) -> Option<String> {
    use Message as M;
    Some(match m {
        M::Syntax { .. } | M::OpenMarkerNotLast => lang.pick("此处", "here").into(),
        M::UnclosedBlock => lang.pick("此「{」未闭合", "this `{` is not closed").into(),
        M::UnknownName { .. } => lang.pick("未知名称", "unknown name").into(),
        M::DuplicateName { .. } => lang.pick("重复", "duplicate").into(),
        M::WrongSort { found: f, .. } => zh_en!(
            lang,
            format!("这是{}", sort(*f, lang)),
            format!("this is {}", with_article(sort(*f, lang)))
        ),
        M::WeightsChildren { sum, .. } => zh_en!(
            lang,
            format!("子项合计 {}", d(*sum)),
            format!("sub-items add up to {}", d(*sum))
        ),
        M::WeightsTop { sum, .. } => zh_en!(
            lang,
            format!("顶层计分项合计 {}", d(*sum)),
            format!("top items add up to {}", d(*sum))
        ),
        M::Missing { .. } => lang.pick("可在此后加上", "add it after this").into(),
        M::CannotRead { .. }
        | M::CannotWrite { .. }
        | M::UnknownDataFormat { .. }
        | M::NoSuchUnit { .. } => return None,
        M::MoreOfTheSame { .. } => lang.pick("从这里起", "from here on").into(),
        _ => lang.pick("此处", "here").into(),
    })
}

/// A secondary label's text.
pub(in crate::diag) fn label(l: &LabelText, lang: Lang) -> String {
    match l {
        LabelText::Here => lang.pick("此处", "here").into(),
        LabelText::FirstHere => lang.pick("首次声明于此", "first declared here").into(),
        LabelText::DeclaredHere => lang.pick("在此声明", "declared here").into(),
        LabelText::AddHere => lang.pick("可在此后加上", "add it after this").into(),
        LabelText::Unclosed => lang.pick("此「{」未闭合", "this `{` is not closed").into(),
        LabelText::Term { name, value } => format!("{name} {}", d(*value)),
        LabelText::Parent { name, value } => zh_en!(
            lang,
            format!("「{name}」的分值 {}", d(*value)),
            format!("`{name}` is worth {}", d(*value))
        ),
        LabelText::Prerequisite { step, due } => zh_en!(
            lang,
            format!("「{step}」截止于 {due}"),
            format!("`{step}` is due {due}")
        ),
        LabelText::InCycle => lang.pick("环上的一步", "a step on the cycle").into(),
        LabelText::OtherRule => lang.pick("另一条规则", "the other rule").into(),
        LabelText::Cap { value } => zh_en!(
            lang,
            format!("封顶 {}", d(*value)),
            format!("cap {}", d(*value))
        ),
        LabelText::Sanction => lang.pick("处置", "the outcome").into(),
        LabelText::Window => lang.pick("考核期间", "the window").into(),
        LabelText::Year => lang.pick("考核年度", "the policy year").into(),
    }
}
