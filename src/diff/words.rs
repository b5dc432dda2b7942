//! The words of a diff, in Chinese and English. All diff text comes from here
//! (the policy's own words come from its clauses).

use super::{Field, Part};
use crate::i18n::Lang;

pub struct Words {
    pub heading: &'static str,
    pub no_differences: &'static str,
    pub old: &'static str,
    pub new: &'static str,
    pub renamed_from: &'static str,
    pub is_in: &'static str,
    pub no_tests: &'static str,
    pub up_to: &'static str,
    pub to: &'static str,
    pub half: &'static str,
    pub times: &'static str,
    pub bonus: &'static str,
    pub deduct: &'static str,
    pub data: &'static str,
    pub old_rejects: &'static str,
    pub new_rejects: &'static str,
    pub units_changed: &'static str,
    pub units_unchanged: &'static str,
    pub no_unit_changed: &'static str,
    pub award_unit: &'static str,
    pub total: &'static str,
    pub rank: &'static str,
    pub grade: &'static str,
    pub veto: &'static str,
    pub award: &'static str,
    pub outcome: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub vetoed: &'static str,
    pub selected: &'static str,
    pub eligible: &'static str,
    pub not_eligible: &'static str,
    pub not_selected: &'static str,
    pub pending: &'static str,
    pub colon: &'static str,
    pub semicolon: &'static str,
}

pub const ZH: Words = Words {
    heading: "考核办法差异",
    no_differences: "无差异",
    old: "旧",
    new: "新",
    renamed_from: "改名",
    is_in: "属于",
    no_tests: "（无条件）",
    up_to: "至多",
    to: "至",
    half: "减半",
    times: "乘",
    bonus: "加分",
    deduct: "扣分",
    data: "数据",
    old_rejects: "旧办法不接受这些数据：",
    new_rejects: "新办法不接受这些数据：",
    units_changed: "结果有变化的单位（旧 → 新）：",
    units_unchanged: "结果未变化的单位",
    no_unit_changed: "没有单位的结果变化。",
    award_unit: "单位",
    total: "总分",
    rank: "名次",
    grade: "等次",
    veto: "否决",
    award: "评优",
    outcome: "处置",
    yes: "是",
    no: "否",
    vetoed: "否决",
    selected: "当选",
    eligible: "符合",
    not_eligible: "不符合",
    not_selected: "未当选",
    pending: "待定",
    colon: "：",
    semicolon: "；",
};

pub const EN: Words = Words {
    heading: "Policy diff",
    no_differences: "no differences",
    old: "old",
    new: "new",
    renamed_from: "renamed",
    is_in: "in",
    no_tests: "(no tests)",
    up_to: "up to",
    to: "to",
    half: "half",
    times: "times",
    bonus: "bonus",
    deduct: "deduct",
    data: "Data",
    old_rejects: "The old policy rejects this data:",
    new_rejects: "The new policy rejects this data:",
    units_changed: "Units whose results change (old → new):",
    units_unchanged: "Units whose results do not change",
    no_unit_changed: "No unit's result changes.",
    award_unit: "unit",
    total: "total",
    rank: "rank",
    grade: "grade",
    veto: "vetoed",
    award: "award",
    outcome: "outcome",
    yes: "yes",
    no: "no",
    vetoed: "vetoed",
    selected: "selected",
    eligible: "eligible",
    not_eligible: "not eligible",
    not_selected: "not selected",
    pending: "pending",
    colon: ": ",
    semicolon: "; ",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A part's heading.
pub fn part(lang: Lang, p: Part) -> &'static str {
    let (zh, en) = match p {
        Part::Header => ("考核办法", "Header"),
        Part::Units => ("考核对象", "Units and groups"),
        Part::Score => ("计分", "Score items"),
        Part::Kinds => ("事项", "Event kinds"),
        Part::Rules => ("加分与扣分规则", "Bonus and deduct rules"),
        Part::Sections => ("封顶", "Section caps"),
        Part::Vetoes => ("一票否决", "Vetoes"),
        Part::Findings => ("查实情形", "Findings"),
        Part::Ranking => ("排名", "Ranking"),
        Part::Awards => ("评优", "Awards"),
        Part::Outcomes => ("处置", "Outcomes"),
        Part::Grades => ("等次", "Grades"),
        Part::Schedule => ("日程", "Schedule"),
    };
    pick(lang, zh, en)
}

/// An aspect's name.
pub fn field(lang: Lang, f: Field) -> &'static str {
    let (zh, en) = match f {
        Field::Title => ("标题", "title"),
        Field::Year => ("年度", "year"),
        Field::Window => ("期间", "window"),
        Field::Issuer => ("制定", "issuer"),
        Field::Basis => ("依据", "basis"),
        Field::SkipYears => ("除外已计年度", "skipped credited years"),
        Field::Full => ("满分", "full score"),
        Field::Name => ("名称", "name"),
        Field::Label => ("全称", "label"),
        Field::Group => ("分组", "group"),
        Field::Open => ("名单开放", "open list"),
        Field::Max => ("分值", "maximum"),
        Field::Scale => ("折算", "scale"),
        Field::Parent => ("上级项目", "parent"),
        Field::Scorer => ("评分", "scorer"),
        Field::Citation => ("条款", "citation"),
        Field::Attribute => ("属性", "attribute"),
        Field::Values => ("取值", "values"),
        Field::Points => ("分值", "points"),
        Field::Cap => ("封顶", "cap"),
        Field::Tests => ("条件", "tests"),
        Field::Quota => ("名额", "quota"),
        Field::Allow => ("允许", "allowed"),
        Field::Due => ("截止", "due"),
        Field::After => ("在之后", "after"),
    };
    pick(lang, zh, en)
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
