//! The names of a diff's parts and aspects, each in Chinese and English side
//! by side (the other words of a diff are in [`crate::i18n::words`]; the
//! policy's own words come from its clauses).

use super::{Field, Part};
use crate::i18n::Lang;

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
        Part::Payouts => ("兑现", "Payouts"),
        Part::Schedule => ("日程", "Schedule"),
    };
    lang.pick(zh, en)
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
        Field::Units => ("适用单位", "units"),
        Field::KeepHighest => ("重复事项", "duplicates"),
        Field::Status => ("年度状态", "yearly status"),
        Field::Tests => ("条件", "tests"),
        Field::Quota => ("名额", "quota"),
        Field::Allow => ("允许", "allowed"),
        Field::Due => ("截止", "due"),
        Field::After => ("在之后", "after"),
    };
    lang.pick(zh, en)
}
