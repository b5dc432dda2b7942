//! 中文提示文字。所有中文句子只在这里。用户写的名称用「」括起来。

use super::fmt_decimal as d;
use super::message::{
    Expected, Found, IoProblem, LabelText, LiteralProblem, Message, Once, Positive, Single, Sort,
};
use crate::i18n::{Kw, Lang};

fn kw(k: Kw) -> &'static str {
    k.display(Lang::Zh)
}

pub fn sort(s: Sort) -> &'static str {
    match s {
        Sort::Unit => "单位",
        Sort::Group => "分组",
        Sort::Item => "计分项",
        Sort::Kind => "事项类型",
        Sort::Attr => "属性",
        Sort::Value => "属性值",
        Sort::Award => "奖项",
        Sort::Outcome => "处置",
        Sort::Tier => "等次",
        Sort::Step => "日程步骤",
    }
}

fn sorts(list: &[Sort]) -> String {
    join_or(list.iter().map(|s| sort(*s).to_string()).collect())
}

fn join_or(items: Vec<String>) -> String {
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}或{}", rest.join("、"), last),
    }
}

fn expected(e: &Expected) -> String {
    match e {
        Expected::Keyword(k) => format!("「{}」", kw(*k)),
        Expected::Declaration => {
            "顶层声明（考核办法、考核对象、计分、事项、加分、扣分、评优、处置等）".into()
        }
        Expected::Name => "名称".into(),
        Expected::Number => "数字".into(),
        Expected::Date => "日期（YYYY-MM-DD 或 MM-DD）".into(),
        Expected::Percent => "百分数（如 30%）".into(),
        Expected::Text => "带引号的文字".into(),
        Expected::Citation => "条款引用（如【四(一)】）".into(),
        Expected::Scale => "「按 … 折算」".into(),
        Expected::StatementEnd => "行尾".into(),
        Expected::Punct(p) => format!("「{p}」"),
        Expected::Comparison => "比较符（< <= > >= = !=）".into(),
        Expected::ItemLine => "计分项（名称 分值）".into(),
        Expected::RuleLine => "规则（事项 条件 => 分值）或「封顶」".into(),
        Expected::Condition => "条件（属性 是 值）".into(),
        Expected::OutcomeCondition => "条件（如 总分 < 80、否决、有 扣分、末 2 名）".into(),
        Expected::Amount => "分值（10、1 至 3、至多 5、减半、乘 0.5）".into(),
        Expected::Member => "单位名称或「等」".into(),
        Expected::Field => "事项字段（属性 值、日期 2019-05-10、分值 2）".into(),
        Expected::Expectation => "预期结果（总分 105、排名 1、否决、先进、非 诫勉…）".into(),
    }
}

fn found(f: &Found) -> String {
    match f {
        Found::EndOfFile => "文件结尾".into(),
        Found::LineEnd => "行尾".into(),
        Found::Token(t) => format!("「{t}」"),
    }
}

fn once(o: Once) -> &'static str {
    match o {
        Once::Citation => "条款引用",
        Once::Assumption => "「解释」",
        Once::Description => "「说明」",
        Once::Scorer => "「评分」",
        Once::Scale => "「折算」",
        Once::SectionCap => "段落「封顶」",
        Once::Quota => "「名额」",
        Once::Due => "「截止」",
        Once::RuleCap => "规则「封顶」",
    }
}

fn single(s: Single) -> &'static str {
    match s {
        Single::Header => "「考核办法」声明",
        Single::Year => "「年度」",
        Single::Issuer => "「制定」",
        Single::Window => "「期间」",
        Single::Units => "「考核对象」",
        Single::Score => "「计分」",
        Single::Ranking => "「排名」",
        Single::Grades => "「等次」",
        Single::Schedule => "「日程」",
    }
}

fn single_example(s: Single) -> &'static str {
    match s {
        Single::Header => "考核办法 \"…\" { 年度 2019 }",
        Single::Year => "年度 2019",
        Single::Units => "考核对象 { 分组 机关处室 { 办公室, 综合业务处 } }",
        Single::Score => "计分 满分 100 { 责任清单工作 60 … }",
        _ => "",
    }
}

fn positive(p: Positive) -> &'static str {
    match p {
        Positive::Cap => "封顶分值",
        Positive::Factor => "系数",
        Positive::Scale => "折算基数",
        Positive::Max => "计分项分值",
        Positive::Full => "满分",
        Positive::Quota => "名额",
        Positive::Bottom => "「末 N 名」的名次数",
        Positive::Year => "年度",
    }
}

fn terms(list: &[(String, rust_decimal::Decimal)], sum: rust_decimal::Decimal) -> String {
    let parts: Vec<String> = list.iter().map(|(n, v)| format!("{n} {}", d(*v))).collect();
    format!("{} = {}", parts.join(" + "), d(sum))
}

pub fn message(m: &Message) -> String {
    use Message as M;
    match m {
        M::Data(d) => super::data_zh::message(d),
        M::CannotRead { path, reason } => format!("无法读取文件「{path}」：{}", io(reason)),
        M::CannotWrite {
            path,
            reason: IoProblem::NotFound,
        } => format!("无法写入文件「{path}」：所在的文件夹不存在"),
        M::CannotWrite { path, reason } => format!("无法写入文件「{path}」：{}", io(reason)),
        M::UnknownDataFormat { path } => format!("不认识数据文件「{path}」的格式"),
        M::NoSuchUnit { unit, .. } => format!("数据中没有单位「{unit}」"),
        M::RuleOverlap {
            kind,
            witness,
            mixed,
            ..
        } => {
            let how = if *mixed {
                "，一条加分、一条扣分"
            } else {
                ""
            };
            format!("事项「{kind}」有两条基本规则同时适用{how}，例如：{witness}")
        }
        M::RuleGap { kind, witness } => {
            format!("事项「{kind}」有的情形没有任何基本规则适用，例如：{witness}")
        }
        M::AwardAboveCap {
            amount,
            cap,
            section,
            witness,
            ..
        } => format!(
            "一个事项最多可得 {}，超过{}封顶 {}，这条规则永远拿不满：{witness}",
            d(*amount),
            if *section { "段落" } else { "规则" },
            d(*cap)
        ),
        M::BonusUncapped {
            witness,
            full,
            total,
            ..
        } => format!(
            "加分没有封顶：满分的单位再有一项「{witness}」，总分就是 {}，超过满分 {}",
            d(*total),
            d(*full)
        ),
        M::ConditionConstant {
            atom,
            always,
            low,
            high,
        } => format!(
            "条件「{atom}」{}（取值范围为 {}）",
            if *always {
                "总是成立"
            } else {
                "永远不成立"
            },
            range(*low, *high)
        ),
        M::QuotaAboveEligible {
            award,
            quota,
            percent,
            most,
            units,
            excluded,
            bottom,
            overlap,
            scope,
        } => {
            let mut why = vec![format!("共 {units} 个单位")];
            if !excluded.is_empty() {
                let names: Vec<String> = excluded.iter().map(|n| format!("「{n}」")).collect();
                why.push(format!("{}不参评", names.join("、")));
            }
            if *bottom > 0 {
                let mut b = format!("末 {bottom} 名不参评");
                if *overlap {
                    b.push_str(&format!(
                        "，而{}本身也可能在末 {bottom} 名之内",
                        excluded
                            .iter()
                            .map(|n| format!("「{n}」"))
                            .collect::<Vec<_>>()
                            .join("、")
                    ));
                }
                why.push(b);
            }
            let place = scope
                .as_ref()
                .map(|g| format!("分组「{g}」中"))
                .unwrap_or_default();
            let q = if *percent {
                format!("按比例折合 {quota} 个")
            } else {
                format!("{quota}")
            };
            format!(
                "「{award}」的名额 {q}，但{place}至多 {most} 个单位可能符合条件（{}）",
                why.join("；")
            )
        }
        M::AwardImpossible { award } => format!("没有任何单位能评上「{award}」：所有单位都被排除"),
        M::AwardAndSanction {
            award,
            outcome,
            unit,
            state,
        } => format!(
            "同一单位可能既符合「{award}」又被「{outcome}」：例如「{unit}」（{}）",
            state_zh(state)
        ),
        M::TierUnreachable { tier, by } => {
            format!("等次「{tier}」永远评不到：它的条件被前面没有名额的「{by}」全部包含")
        }
        M::TierGap { total } => {
            format!("总分为 {} 的单位不属于任何等次（没有「其余」）", d(*total))
        }
        M::TierQuotasOver { sum } => format!("各等次的名额比例合计 {}%，超过 100%", d(*sum)),
        M::TierQuotaZero {
            tier,
            percent,
            units,
            scope,
        } => {
            let place = scope
                .as_ref()
                .map(|g| format!("分组「{g}」"))
                .unwrap_or_else(|| "全部单位".into());
            format!(
                "等次「{tier}」的名额 {}% 对{place}（{units} 个单位）向下取整为 0 个",
                d(*percent)
            )
        }
        M::UnusedKind { kind } => {
            format!("事项「{kind}」没有被任何规则、否决、查实、条件或排除用到")
        }
        M::ModifierUnmatched { rule } => {
            format!("系数规则「{rule}」不会与任何同类基本规则同时适用")
        }
        M::ExampleFailed {
            example,
            unit,
            what,
            expected,
            actual,
        } => format!(
            "示例「{example}」不成立：单位「{unit}」预期{}，实际{}",
            fact(what, expected),
            fact(what, actual)
        ),
        M::Syntax {
            expected: e,
            found: f,
            ..
        } => {
            if e.is_empty() {
                format!("语法错误：此处不应出现{}", found(f))
            } else {
                let list = join_or(e.iter().map(expected).collect());
                format!("语法错误：此处应为{list}，却是{}", found(f))
            }
        }
        M::UnclosedBlock => "「{」没有对应的「}」".into(),
        M::OpenMarkerNotLast => "「等」必须是名单的最后一项".into(),
        M::BadLiteral { text, problem } => match problem {
            LiteralProblem::Date => format!("「{text}」不是有效的日期"),
            LiteralProblem::Integer => format!("「{text}」应为整数"),
            LiteralProblem::TooLarge => format!("数字「{text}」超出可表示的范围"),
            LiteralProblem::Percent => format!("「{text}」不是 0% 到 100% 之间的百分数"),
        },
        M::Repeated { what } => format!("同一处只能有一个{}", once(*what)),
        M::Missing { what } => format!("缺少{}", single(*what)),
        M::DuplicateDecl { what } => format!("{}重复", single(*what)),
        M::UnknownName { name, sorts: s, .. } => format!("未知的{}「{name}」", sorts(s)),
        M::DuplicateName {
            name,
            sort: s,
            first,
        } => {
            if *s == Sort::Unit && *first == Sort::Unit {
                format!("单位「{name}」被重复列出")
            } else if s == first {
                format!("{}「{name}」重复声明", sort(*s))
            } else {
                format!(
                    "名称「{name}」已用作{}，不能再用作{}",
                    sort(*first),
                    sort(*s)
                )
            }
        }
        M::WrongSort {
            name,
            found: f,
            sorts: s,
        } => {
            format!("「{name}」是{}，此处需要{}", sort(*f), sorts(s))
        }
        M::ReservedAttr { name } => format!("「{name}」是保留字段，不能用作属性名"),
        M::FindingNeedsItemAttr { kind, count } => {
            format!("事项「{kind}」用于「该项清零」，它应恰有 1 个「计分项」属性，实有 {count} 个")
        }
        M::VetoUsesRank => "一票否决的条件不能用排名或「末 N 名」".into(),
        M::ParentScore { item } => format!("「{item}」有子项，只能给末级计分项打分"),
        M::ScaleOnParent { item } => format!("「{item}」有子项，不能按比例折算"),
        M::ClosedGroupEmpty { group } => format!("分组「{group}」没有列出任何单位"),
        M::WeightsChildren {
            parent,
            max,
            terms: t,
            sum,
        } => format!(
            "「{parent}」的子项分值之和 {} 与其分值 {} 不符：{}",
            d(*sum),
            d(*max),
            terms(t, *sum)
        ),
        M::WeightsTop {
            full,
            terms: t,
            sum,
        } => format!(
            "顶层计分项分值之和 {} 与满分 {} 不符：{}",
            d(*sum),
            d(*full),
            terms(t, *sum)
        ),
        M::InvertedRange { low, high } => {
            format!("范围「{} 至 {}」的下限大于上限", d(*low), d(*high))
        }
        M::NegativeAmount { value } => format!("分值不能为负数：{}", d(*value)),
        M::NotPositive { what, value } => {
            format!("{}必须大于 0，此处为 {}", positive(*what), d(*value))
        }
        M::ScaleNotExact { max, scale } => format!(
            "按 {} 折算到 {} 分不能精确计算：{} ÷ {} 是无限小数",
            d(*scale),
            d(*max),
            d(*max),
            d(*scale)
        ),
        M::WindowInverted { from, to } => format!("期间的起始日 {from} 晚于结束日 {to}"),
        M::WindowOutsideYear { from, to, year } => {
            format!("期间 {from} 至 {to} 完全不在考核年度 {year} 内")
        }
        M::WindowPartlyOutside { from, to, year } => {
            format!("期间 {from} 至 {to} 有一部分不在考核年度 {year} 内")
        }
        M::SkipYearNotBefore { skip, year } => {
            format!("「除外 已计年度 {skip}」不早于考核年度 {year}")
        }
        M::StepBeforePrerequisite {
            step,
            due,
            prerequisite,
            prerequisite_due,
        } => format!(
            "步骤「{step}」截止于 {due}，早于它之前的步骤「{prerequisite}」的截止日 {prerequisite_due}"
        ),
        M::ScheduleCycle { steps } => format!("日程的先后关系成环：{}", steps.join(" → ")),
        M::DeadlineOutsideYear { step, due, year } => {
            format!("步骤「{step}」的截止日 {due} 不在考核年度 {year} 内")
        }
    }
}

pub fn help(m: &Message) -> Option<String> {
    use Message as M;
    Some(match m {
        M::Data(d) => return super::data_zh::help(d),
        M::CannotRead {
            reason: IoProblem::NotUtf8 { .. },
            ..
        } => "用 UTF-8 编码另存这个文件".into(),
        M::CannotRead { .. } => "检查文件路径和读取权限".into(),
        M::CannotWrite { .. } => "检查输出文件夹是否存在、是否有写入权限".into(),
        M::UnknownDataFormat { .. } => {
            "数据须是 .json、.toml、.xlsx 文件，或放有 得分.csv、事项.csv 的文件夹".into()
        }
        M::NoSuchUnit {
            suggestion: Some(s),
            ..
        } => format!("是否指「{s}」？"),
        M::NoSuchUnit { .. } => "检查 --unit 后的单位名称".into(),
        M::RuleOverlap { .. } => "收窄其中一条规则的条件，使一个事项恰好适用一条基本规则".into(),
        M::RuleGap { .. } => {
            "为这种情形加一条规则；若它本不该加减分，写一条 `=> 0` 的规则说明".into()
        }
        M::UnusedKind { .. } => "为它写加分或扣分规则、否决或查实，或删去这个事项声明".into(),
        M::TierUnreachable { .. } => "调整等次的先后或条件，或给前面的等次加名额".into(),
        M::TierGap { .. } => "加一档「其余」，或补上这一段总分的等次".into(),
        M::TierQuotasOver { .. } => "调低各档的名额比例，使合计不超过 100%".into(),
        M::TierQuotaZero { .. } => "单位较少时可改用名额个数（如「名额 1」），或提高比例".into(),
        M::AwardAndSanction { outcome, .. } => format!(
            "在评优中写「不含 {outcome}」排除这种单位；若两者可以并存，写「允许 {outcome}」"
        ),
        M::QuotaAboveEligible { most, .. } => format!("把名额减到 {most} 以内，或放宽排除条件"),
        M::AwardImpossible { .. } => "放宽「不含」条件，或删去这个评优项目".into(),
        M::ConditionConstant { .. } => "检查比较的数值：它在取值范围之外，条件不起作用".into(),
        M::AwardAboveCap { .. } => "提高封顶，或降低这条规则的分值".into(),
        M::BonusUncapped { .. } => {
            "若总分不应超过满分，给加分段写「封顶 N」；若允许超过，可不理会这条提示".into()
        }
        M::ModifierUnmatched { .. } => "检查系数规则的条件，或删去它".into(),
        M::ExampleFailed { .. } => "修改考核办法或示例，使两者一致；说明见 kaohe eval".into(),
        M::Syntax {
            glued: Some((k, rest)),
            ..
        } => {
            format!("关键字后须有空格：写成「{k} {rest}」")
        }
        M::Syntax {
            expected: e,
            found: Found::Token(_),
            ..
        } if e.contains(&Expected::StatementEnd) => {
            "一条语句写完后换行或用「;」隔开；语法见 docs/language.md".into()
        }
        M::Syntax { .. } => "对照 docs/language.md 检查这一行的写法".into(),
        M::UnclosedBlock => "在这个块的末尾补上「}」".into(),
        M::OpenMarkerNotLast => "把「等」移到名单末尾".into(),
        M::BadLiteral { problem, .. } => match problem {
            LiteralProblem::Date => {
                "日期写作 YYYY-MM-DD，或在考核年度内写作 MM-DD；月份为 01–12，日不超过当月天数"
                    .into()
            }
            LiteralProblem::Integer => "这里只能写整数，如 2".into(),
            LiteralProblem::TooLarge => "检查这个数字是否多写了位数".into(),
            LiteralProblem::Percent => "写成 0% 到 100% 之间的百分数，如 30%".into(),
        },
        M::Repeated { .. } => "删去多余的一处".into(),
        M::Missing { what } => match single_example(*what) {
            "" => format!("加上{}", single(*what)),
            ex => format!("加上{}，例如：{ex}", single(*what)),
        },
        M::DuplicateDecl { what } => format!("一份考核办法只能有一处{}：把它们合并", single(*what)),
        M::UnknownName {
            suggestion, glued, ..
        } => match (suggestion, glued) {
            (Some(s), Some((k, rest))) => {
                format!("是否指「{s}」？若「{k}」是关键字，请写成「{k} {rest}」")
            }
            (Some(s), None) => format!("是否指「{s}」？"),
            (None, Some((k, rest))) => format!("关键字后须有空格：写成「{k} {rest}」"),
            (None, None) => "检查拼写，或先声明这个名称".into(),
        },
        M::DuplicateName { sort: s, first, .. } => {
            if *s == Sort::Unit && *first == Sort::Unit {
                "一个单位只能属于一个分组：删去其中一处".into()
            } else if s == first {
                "删去重复的一处，或改用另一个名称".into()
            } else {
                "单位、分组、计分项、事项、奖项、处置、等次、日程步骤共用一个命名空间：改用另一个名称".into()
            }
        }
        M::WrongSort { sorts: s, .. } => format!("这里要写{}的名称", sorts(s)),
        M::ReservedAttr { .. } => {
            "保留字段有 kind、date、points、doc、title、credited_in、id：改用别的属性名".into()
        }
        M::FindingNeedsItemAttr { .. } => {
            "在事项声明中写一个计分项属性，如 { 项目: 计分项 }".into()
        }
        M::VetoUsesRank => "否决在排名之前判定：改用总分、计分项或事项作条件".into(),
        M::ParentScore { .. } => "分别给它的各个子项打分".into(),
        M::ScaleOnParent { .. } => "把「按 … 折算」写在末级计分项上".into(),
        M::ClosedGroupEmpty { .. } => "列出该分组的单位，或写「等」使它成为开放分组".into(),
        M::WeightsChildren {
            parent, max, sum, ..
        } => format!(
            "调整子项分值使其合计为 {}，或把「{parent}」改为 {}",
            d(*max),
            d(*sum)
        ),
        M::WeightsTop { full, sum, .. } => format!(
            "调整顶层计分项使其合计为 {}，或把满分改为 {}",
            d(*full),
            d(*sum)
        ),
        M::InvertedRange { low, high } => format!("写成「{} 至 {}」", d(*high), d(*low)),
        M::NegativeAmount { .. } => "分值写成正数；扣分放在「扣分」段中".into(),
        M::NotPositive { .. } => "写一个大于 0 的数".into(),
        M::ScaleNotExact { .. } => "选一个能整除的折算基数，如 100 或 10".into(),
        M::WindowInverted { .. } => "交换起止日期".into(),
        M::WindowOutsideYear { year, .. } | M::WindowPartlyOutside { year, .. } => {
            format!("通常写作「期间 {year}-01-01 至 {year}-12-31」")
        }
        M::SkipYearNotBefore { year, .. } => {
            format!("「除外 已计年度」指以前年度已计分的事项，如 {}", year - 1)
        }
        M::StepBeforePrerequisite {
            step, prerequisite, ..
        } => {
            format!("推迟「{step}」的截止日，或提前「{prerequisite}」的截止日")
        }
        M::ScheduleCycle { .. } => "删去环上的一个「在 … 之后」".into(),
        M::DeadlineOutsideYear { .. } => "截止日应在考核年度内".into(),
    })
}

pub fn primary_label(m: &Message) -> Option<String> {
    use Message as M;
    Some(match m {
        M::Syntax { .. } | M::OpenMarkerNotLast => "此处".into(),
        M::UnclosedBlock => "此「{」未闭合".into(),
        M::UnknownName { .. } => "未知名称".into(),
        M::DuplicateName { .. } => "重复".into(),
        M::WrongSort { found: f, .. } => format!("这是{}", sort(*f)),
        M::WeightsChildren { sum, .. } => format!("子项合计 {}", d(*sum)),
        M::WeightsTop { sum, .. } => format!("顶层计分项合计 {}", d(*sum)),
        M::Missing { .. } => "可在此后加上".into(),
        M::CannotRead { .. }
        | M::CannotWrite { .. }
        | M::UnknownDataFormat { .. }
        | M::NoSuchUnit { .. } => return None,
        _ => "此处".into(),
    })
}

pub fn label(l: &LabelText) -> String {
    match l {
        LabelText::Here => "此处".into(),
        LabelText::FirstHere => "首次声明于此".into(),
        LabelText::DeclaredHere => "在此声明".into(),
        LabelText::AddHere => "可在此后加上".into(),
        LabelText::Unclosed => "此「{」未闭合".into(),
        LabelText::Term { name, value } => format!("{name} {}", d(*value)),
        LabelText::Parent { name, value } => format!("「{name}」的分值 {}", d(*value)),
        LabelText::Prerequisite { step, due } => format!("「{step}」截止于 {due}"),
        LabelText::InCycle => "环上的一步".into(),
        LabelText::OtherRule => "另一条规则".into(),
        LabelText::Cap { value } => format!("封顶 {}", d(*value)),
        LabelText::Sanction => "处置".into(),
        LabelText::Window => "考核期间".into(),
        LabelText::Year => "考核年度".into(),
    }
}

fn fact(what: &super::ExpectWhat, v: &super::FactValue) -> String {
    use super::{ExpectWhat as W, FactValue as V};
    let value = match v {
        V::Number(n) => d(*n),
        V::Text(t) => t.clone(),
        V::Bool(_) | V::None => String::new(),
    };
    match (what, v) {
        (W::Total, _) => format!(" 总分 {value}"),
        (W::Bonus, _) => format!(" 加分 {value}"),
        (W::Deduct, _) => format!(" 扣分 {value}"),
        (W::Rank, V::None) => "无排名".into(),
        (W::Rank, _) => format!(" 排名 {value}"),
        (W::Grade, V::None) => "无等次".into(),
        (W::Grade, _) => format!(" 等次 {value}"),
        (W::Vetoed, V::Bool(true)) => "被否决".into(),
        (W::Vetoed, _) => "未被否决".into(),
        (W::Flag(name), V::Bool(true)) => format!("「{name}」"),
        (W::Flag(name), _) => format!("非「{name}」"),
    }
}

fn range(low: Option<rust_decimal::Decimal>, high: Option<rust_decimal::Decimal>) -> String {
    match (low, high) {
        (Some(l), Some(h)) => format!("{} 至 {}", d(l), d(h)),
        (Some(l), None) => format!("{} 以上，无上限", d(l)),
        (None, Some(h)) => format!("{} 以下，无下限", d(h)),
        (None, None) => "不限".into(),
    }
}

/// `#1/9`, `79`, events → `排名 1/9，总分 79，有 通报批评 { 责任 主要 }`.
fn state_zh(state: &[String]) -> String {
    state
        .iter()
        .enumerate()
        .map(|(i, s)| match (i, s.strip_prefix('#')) {
            (0, Some(rank)) => format!("排名 {rank}"),
            (1, _) | (0, None) if s.parse::<f64>().is_ok() => format!("总分 {s}"),
            _ => format!("有 {s}"),
        })
        .collect::<Vec<_>>()
        .join("，")
}

fn io(p: &IoProblem) -> String {
    match p {
        IoProblem::NotFound => "文件不存在".into(),
        IoProblem::NoPermission => "没有权限".into(),
        IoProblem::IsDirectory => "这是一个文件夹".into(),
        IoProblem::NotUtf8 { at } => format!("不是 UTF-8 编码的文本（第 {} 个字节）", at + 1),
        IoProblem::Other(s) => s.clone(),
    }
}
