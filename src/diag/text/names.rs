//! Findings about names and what they stand for (KH2xx): unknown, repeated
//! or misused names, reserved attributes, items that cannot be scored.

use super::common::{sort, sorts, with_article};
use crate::diag::message::{Message, Sort};
use crate::i18n::Lang;
use crate::zh_en;

/// The message of KH2xx.
pub(super) fn message(m: &Message, lang: Lang) -> String {
    use Message as M;
    match m {
        M::UnknownName { name, sorts: s, .. } => zh_en!(
            lang,
            format!("未知的{}「{name}」", sorts(s, lang)),
            format!("unknown {} `{name}`", sorts(s, lang))
        ),
        M::DuplicateName {
            name,
            sort: s,
            first,
        } => {
            if *s == Sort::Unit && *first == Sort::Unit {
                zh_en!(
                    lang,
                    format!("单位「{name}」被重复列出"),
                    format!("unit `{name}` is listed twice")
                )
            } else if s == first {
                zh_en!(
                    lang,
                    format!("{}「{name}」重复声明", sort(*s, lang)),
                    format!("{} `{name}` is declared twice", sort(*s, lang))
                )
            } else {
                zh_en!(
                    lang,
                    format!(
                        "名称「{name}」已用作{}，不能再用作{}",
                        sort(*first, lang),
                        sort(*s, lang)
                    ),
                    format!(
                        "`{name}` is already a {}; it cannot also be a {}",
                        sort(*first, lang),
                        sort(*s, lang)
                    )
                )
            }
        }
        M::WrongSort {
            name,
            found: f,
            sorts: s,
        } => zh_en!(
            lang,
            format!("「{name}」是{}，此处需要{}", sort(*f, lang), sorts(s, lang)),
            format!(
                "`{name}` is {}, but {} is needed here",
                with_article(sort(*f, lang)),
                with_article(&sorts(s, lang))
            )
        ),
        M::ReservedAttr { name } => zh_en!(
            lang,
            format!("「{name}」是保留字段，不能用作属性名"),
            format!("`{name}` is a reserved key and cannot name an attribute")
        ),
        M::FindingNeedsItemAttr { kind, count } => zh_en!(
            lang,
            format!("事项「{kind}」用于「该项清零」，它应恰有 1 个「计分项」属性，实有 {count} 个"),
            format!(
                "event kind `{kind}` is used with `zero_item`, so it needs exactly one `item` attribute, not {count}"
            )
        ),
        M::VetoUsesRank => lang
            .pick(
                "一票否决的条件不能用排名、「末 N 名」、等次或评优结果",
                "a veto condition cannot use rank, `bottom N`, grades or awards",
            )
            .into(),
        M::ParentScore { item } => zh_en!(
            lang,
            format!("「{item}」有子项，只能给末级计分项打分"),
            format!("`{item}` has sub-items; only leaf items are scored")
        ),
        M::ScaleOnParent { item } => zh_en!(
            lang,
            format!("「{item}」有子项，不能按比例折算"),
            format!("`{item}` has sub-items and cannot be scaled")
        ),
        M::ClosedGroupEmpty { group } => zh_en!(
            lang,
            format!("分组「{group}」没有列出任何单位"),
            format!("group `{group}` lists no units")
        ),
        M::DecisionCycle { chain } => {
            let grades = lang.pick("等次", "grades");
            let chain: Vec<&str> = chain
                .iter()
                .map(|n| n.as_deref().unwrap_or(grades))
                .collect();
            zh_en!(
                lang,
                format!("判定互相依赖成环：{}", chain.join(" → ")),
                format!(
                    "decisions depend on each other in a cycle: {}",
                    chain.join(" → ")
                )
            )
        }
        // Another family's: `super::family` never sends it here.
        _ => String::new(),
    }
}

/// The help of KH2xx.
pub(super) fn help(m: &Message, lang: Lang) -> Option<String> {
    use Message as M;
    Some(match m {
        M::UnknownName {
            suggestion, glued, ..
        } => match (suggestion, glued) {
            (Some(s), Some((k, rest))) => zh_en!(
                lang,
                format!("是否指「{s}」？若「{k}」是关键字，请写成「{k} {rest}」"),
                format!("did you mean `{s}`? if `{k}` is meant as a keyword, write `{k} {rest}`")
            ),
            (Some(s), None) => {
                zh_en!(lang, format!("是否指「{s}」？"), format!("did you mean `{s}`?"))
            }
            (None, Some((k, rest))) => zh_en!(
                lang,
                format!("关键字后须有空格：写成「{k} {rest}」"),
                format!("a keyword must be followed by a space: write `{k} {rest}`")
            ),
            (None, None) => lang
                .pick(
                    "检查拼写，或先声明这个名称",
                    "check the spelling, or declare the name first",
                )
                .into(),
        },
        M::DuplicateName { sort: s, first, .. } => {
            if *s == Sort::Unit && *first == Sort::Unit {
                lang.pick(
                    "一个单位只能属于一个分组：删去其中一处",
                    "a unit belongs to one group: remove one of the two",
                )
            } else if s == first {
                lang.pick(
                    "删去重复的一处，或改用另一个名称",
                    "remove the repeated one, or choose another name",
                )
            } else {
                lang.pick(
                    "单位、分组、计分项、事项、奖项、处置、等次、日程步骤共用一个命名空间：改用另一个名称",
                    "units, groups, items, kinds, awards, outcomes, tiers and steps share one namespace: choose another name",
                )
            }
            .into()
        }
        M::WrongSort { sorts: s, .. } => zh_en!(
            lang,
            format!("这里要写{}的名称", sorts(s, lang)),
            format!("write the name of a {} here", sorts(s, lang))
        ),
        M::ReservedAttr { .. } => lang
            .pick(
                "保留字段有 kind、date、points、doc、title、credited_in、id：改用别的属性名",
                "the reserved keys are kind, date, points, doc, title, credited_in and id: choose another attribute name",
            )
            .into(),
        M::FindingNeedsItemAttr { .. } => lang
            .pick(
                "在事项声明中写一个计分项属性，如 { 项目: 计分项 }",
                "declare one item attribute on the kind, such as { 项目: item }",
            )
            .into(),
        M::VetoUsesRank => lang
            .pick(
                "否决在排名、评优和定等次之前判定：改用总分、计分项或事项作条件",
                "a veto is decided before ranking, awards and grades: use the total, items or events",
            )
            .into(),
        M::ParentScore { .. } => lang
            .pick(
                "分别给它的各个子项打分",
                "score each of its sub-items instead",
            )
            .into(),
        M::ScaleOnParent { .. } => lang
            .pick(
                "把「按 … 折算」写在末级计分项上",
                "put `scaled_from` on the leaf items",
            )
            .into(),
        M::ClosedGroupEmpty { .. } => lang
            .pick(
                "列出该分组的单位，或写「等」使它成为开放分组",
                "list the group's units, or end the list with `...` to make it open",
            )
            .into(),
        M::DecisionCycle { .. } => lang
            .pick(
                "每项判定只能依据在它之前判定的结果：删去环上的一个条件（「获得 …」「等次 是 …」或「不含 …」）",
                "a decision can only read decisions made before it: remove one condition on the cycle (`awarded …`, `grades is …` or `exclude …`)",
            )
            .into(),
        // Another family's: `super::family` never sends it here.
        _ => return None,
    })
}
