//! Findings about numbers and dates (KH3xx, KH6xx): weights that do not add
//! up, ranges and amounts, caps, the assessment window and the schedule.

use rust_decimal::Decimal;

use crate::diag::fmt_decimal as d;
use crate::diag::message::{GroupQuotaProblem, Message, Positive};
use crate::i18n::Lang;
use crate::zh_en;

/// A number that must be positive, named.
fn positive(p: Positive, lang: Lang) -> &'static str {
    match p {
        Positive::Cap => lang.pick("封顶分值", "a cap"),
        Positive::Factor => lang.pick("系数", "a factor"),
        Positive::Scale => lang.pick("折算基数", "a scale"),
        Positive::Max => lang.pick("计分项分值", "an item maximum"),
        Positive::Full => lang.pick("满分", "the full score"),
        Positive::Quota => lang.pick("名额", "a quota"),
        Positive::Bottom => lang.pick("「末 N 名」的名次数", "N in `bottom N`"),
        Positive::Year => lang.pick("年度", "the year"),
    }
}

/// `甲 30 + 乙 20 = 50`: the same in both languages.
fn terms(list: &[(String, Decimal)], sum: Decimal) -> String {
    let parts: Vec<String> = list.iter().map(|(n, v)| format!("{n} {}", d(*v))).collect();
    format!("{} = {}", parts.join(" + "), d(sum))
}

/// The message of KH3xx and KH6xx.
pub(super) fn message(m: &Message, lang: Lang) -> String {
    use Message as M;
    match m {
        M::WeightsPercent {
            parent,
            terms: t,
            sum,
        } => {
            let parts: Vec<String> = t.iter().map(|(n, v)| format!("{n} {}%", d(*v))).collect();
            let list = format!("{} = {}%", parts.join(" + "), d(*sum));
            match parent {
                Some(p) => zh_en!(
                    lang,
                    format!("「{p}」的子项权重之和不是 100%：{list}"),
                    format!("the weights of the sub-items of `{p}` do not add up to 100%: {list}")
                ),
                None => zh_en!(
                    lang,
                    format!("顶层计分项的权重之和不是 100%：{list}"),
                    format!("the weights of the top items do not add up to 100%: {list}")
                ),
            }
        }
        M::WeightWithoutWhole { item } => zh_en!(
            lang,
            format!("「{item}」写成了权重（百分比），但计分没有写满分，无从折成分值"),
            format!(
                "`{item}` is written as a weight (a percentage), but `score` has no `full` to take it of"
            )
        ),
        M::WeightsChildren {
            parent,
            max,
            terms: t,
            sum,
        } => zh_en!(
            lang,
            format!(
                "「{parent}」的子项分值之和 {} 与其分值 {} 不符：{}",
                d(*sum),
                d(*max),
                terms(t, *sum)
            ),
            format!(
                "the sub-items of `{parent}` add up to {}, not its maximum {}: {}",
                d(*sum),
                d(*max),
                terms(t, *sum)
            )
        ),
        M::WeightsTop {
            full,
            terms: t,
            sum,
        } => zh_en!(
            lang,
            format!(
                "顶层计分项分值之和 {} 与满分 {} 不符：{}",
                d(*sum),
                d(*full),
                terms(t, *sum)
            ),
            format!(
                "the top items add up to {}, not the full score {}: {}",
                d(*sum),
                d(*full),
                terms(t, *sum)
            )
        ),
        M::InvertedRange { low, high } => zh_en!(
            lang,
            format!("范围「{} 至 {}」的下限大于上限", d(*low), d(*high)),
            format!(
                "the range `{} to {}` starts above its end",
                d(*low),
                d(*high)
            )
        ),
        M::SharesOver { target, sum } => zh_en!(
            lang,
            format!(
                "「{target}」的兑现中「其中」各份额合计 {}%，超过 100%",
                d(*sum)
            ),
            format!(
                "the shares (`of which`) of the payout for `{target}` add up to {}%, more than 100%",
                d(*sum)
            )
        ),
        M::PayoutNumber {
            value,
            share: false,
        } => zh_en!(
            lang,
            format!(
                "兑现的数额 {} 超出范围：须在 0 至 1000000000000 之间，至多两位小数",
                d(*value)
            ),
            format!(
                "payout amount {} is out of range: 0 to 1000000000000, at most two decimals",
                d(*value)
            )
        ),
        M::PayoutNumber { value, share: true } => zh_en!(
            lang,
            format!("份额 {}% 至多两位小数", d(*value)),
            format!("share {}% may have at most two decimals", d(*value))
        ),
        M::NegativeAmount { value } => zh_en!(
            lang,
            format!("分值不能为负数：{}", d(*value)),
            format!("points cannot be negative: {}", d(*value))
        ),
        M::NotPositive { what, value } => zh_en!(
            lang,
            format!("{}必须大于 0，此处为 {}", positive(*what, lang), d(*value)),
            format!(
                "{} must be greater than 0, not {}",
                positive(*what, lang),
                d(*value)
            )
        ),
        M::SumTooPrecise { parent } => {
            let kept = crate::exact::DIGITS;
            match parent {
                Some(name) => zh_en!(
                    lang,
                    format!("「{name}」各子项分值的合计需要超过 {kept} 位有效数字，无法精确计算"),
                    format!(
                        "the maxima under `{name}` add up to a number that needs more than {kept} significant digits"
                    )
                ),
                None => zh_en!(
                    lang,
                    format!("顶层计分项分值的合计需要超过 {kept} 位有效数字，无法精确计算"),
                    format!(
                        "the top items' maxima add up to a number that needs more than {kept} significant digits"
                    )
                ),
            }
        }
        M::YearOutOfRange { value } => {
            let (from, to) = (crate::calendar::YEARS.start(), crate::calendar::YEARS.end());
            zh_en!(
                lang,
                format!("年度 {} 不在 kaohe 接受的 {from} 至 {to} 年之间", d(*value)),
                format!(
                    "the year {} is outside the years kaohe accepts, {from} to {to}",
                    d(*value)
                )
            )
        }
        M::ScaleNotExact { max, scale } => zh_en!(
            lang,
            format!(
                "按 {} 折算到 {} 分不能精确计算：{} ÷ {} 是无限小数",
                d(*scale),
                d(*max),
                d(*max),
                d(*scale)
            ),
            format!(
                "scaling from {} to {} is not exact: {} / {} does not terminate",
                d(*scale),
                d(*max),
                d(*max),
                d(*scale)
            )
        ),
        M::AwardAboveCap {
            amount,
            cap,
            section,
            witness,
            ..
        } => zh_en!(
            lang,
            format!(
                "一个事项最多可得 {}，超过{}封顶 {}，这条规则永远拿不满：{witness}",
                d(*amount),
                if *section { "段落" } else { "规则" },
                d(*cap)
            ),
            format!(
                "one event can earn {}, above the {} cap {}, so this rule never pays in full: {witness}",
                d(*amount),
                if *section { "section" } else { "rule" },
                d(*cap)
            )
        ),
        M::BonusUncapped {
            witness,
            full,
            total,
            ..
        } => zh_en!(
            lang,
            format!(
                "加分没有封顶：满分的单位再有一项「{witness}」，总分就是 {}，超过满分 {}",
                d(*total),
                d(*full)
            ),
            format!(
                "bonuses have no cap: a unit at full marks with one {witness} totals {}, above the full score {}",
                d(*total),
                d(*full)
            )
        ),
        M::ModifierCap { cap } => zh_en!(
            lang,
            format!(
                "系数规则（减半、乘）不能封顶：它自己不加不减分，「封顶 {}」不会限制任何分数",
                d(*cap)
            ),
            format!(
                "a modifier (`half`, `times`) cannot have a cap: it earns nothing of its own, so `cap {}` would limit nothing",
                d(*cap)
            )
        ),
        M::GroupQuota { award, problem } => match problem {
            GroupQuotaProblem::Missing { group } => zh_en!(
                lang,
                format!("评优「{award}」按分组写了名额，却没有写分组「{group}」的名额"),
                format!("award `{award}` gives places per group, but none for group `{group}`")
            ),
            GroupQuotaProblem::Twice { group } => zh_en!(
                lang,
                format!("评优「{award}」的分组「{group}」写了两个名额"),
                format!("award `{award}` gives group `{group}` places twice")
            ),
            GroupQuotaProblem::WithTotal => zh_en!(
                lang,
                format!("评优「{award}」既写了总名额，又按分组写了名额，不知以哪个为准"),
                format!(
                    "award `{award}` has both a total quota and quotas per group; which one binds is not said"
                )
            ),
        },
        M::WindowInverted { from, to } => zh_en!(
            lang,
            format!("期间的起始日 {from} 晚于结束日 {to}"),
            format!("the window starts on {from}, after its end {to}")
        ),
        M::WindowOutsideYear { from, to, year } => zh_en!(
            lang,
            format!("期间 {from} 至 {to} 完全不在考核年度 {year} 内"),
            format!("the window {from} to {to} lies entirely outside the policy year {year}")
        ),
        M::WindowPartlyOutside { from, to, year } => zh_en!(
            lang,
            format!("期间 {from} 至 {to} 有一部分不在考核年度 {year} 内"),
            format!("the window {from} to {to} lies partly outside the policy year {year}")
        ),
        M::SkipYearNotBefore { skip, year } => zh_en!(
            lang,
            format!("「除外 已计年度 {skip}」不早于考核年度 {year}"),
            format!("`skip credited_in {skip}` is not before the policy year {year}")
        ),
        M::StepBeforePrerequisite {
            step,
            due,
            prerequisite,
            prerequisite_due,
        } => zh_en!(
            lang,
            format!(
                "步骤「{step}」截止于 {due}，早于它之前的步骤「{prerequisite}」的截止日 {prerequisite_due}"
            ),
            format!(
                "step `{step}` is due {due}, before `{prerequisite}` that it comes after (due {prerequisite_due})"
            )
        ),
        M::ScheduleCycle { steps } => zh_en!(
            lang,
            format!("日程的先后关系成环：{}", steps.join(" → ")),
            format!("the schedule's order is a cycle: {}", steps.join(" → "))
        ),
        M::DeadlineOutsideYear { step, due, year } => zh_en!(
            lang,
            format!("步骤「{step}」的截止日 {due} 不在考核年度 {year} 内"),
            format!("step `{step}` is due {due}, outside the policy year {year}")
        ),
        // Another family's: `super::family` never sends it here.
        _ => String::new(),
    }
}

/// The help of KH3xx and KH6xx.
pub(super) fn help(m: &Message, lang: Lang) -> Option<String> {
    use Message as M;
    Some(match m {
        M::WeightsPercent { .. } => lang
            .pick(
                "调整各项权重，使其合计为 100%",
                "change the weights so that they add up to 100%",
            )
            .into(),
        M::WeightWithoutWhole { .. } => lang
            .pick(
                "写「计分 满分 N」，或把权重改写为分值",
                "write `score full N`, or write the weight as points",
            )
            .into(),
        M::WeightsChildren {
            parent, max, sum, ..
        } => zh_en!(
            lang,
            format!(
                "调整子项分值使其合计为 {}，或把「{parent}」改为 {}",
                d(*max),
                d(*sum)
            ),
            format!(
                "change the sub-items to add up to {}, or set `{parent}` to {}",
                d(*max),
                d(*sum)
            )
        ),
        M::WeightsTop { full, sum, .. } => zh_en!(
            lang,
            format!(
                "调整顶层计分项使其合计为 {}，或把满分改为 {}",
                d(*full),
                d(*sum)
            ),
            format!(
                "change the top items to add up to {}, or set the full score to {}",
                d(*full),
                d(*sum)
            )
        ),
        M::InvertedRange { low, high } => zh_en!(
            lang,
            format!("写成「{} 至 {}」", d(*high), d(*low)),
            format!("write `{} to {}`", d(*high), d(*low))
        ),
        M::SharesOver { .. } => lang
            .pick(
                "减少各份额，使合计不超过 100%",
                "lower the shares so that together they are at most 100%",
            )
            .into(),
        M::PayoutNumber { .. } => lang
            .pick(
                "写一个 0 至 1000000000000 之间、至多两位小数的数",
                "write a number from 0 to 1000000000000 with at most two decimals",
            )
            .into(),
        M::NegativeAmount { .. } => lang
            .pick(
                "分值写成正数；扣分放在「扣分」段中",
                "write points as positive numbers; deductions go in `deduct`",
            )
            .into(),
        M::NotPositive { .. } => lang
            .pick("写一个大于 0 的数", "write a number greater than 0")
            .into(),
        M::SumTooPrecise { .. } => lang
            .pick(
                "减少这些分值的小数位数",
                "write these maxima with fewer decimal places",
            )
            .into(),
        M::YearOutOfRange { .. } => lang
            .pick(
                "写四位数的公历年份，如 2019",
                "write the year in four digits, such as 2019",
            )
            .into(),
        M::ScaleNotExact { .. } => lang
            .pick(
                "选一个能整除的折算基数，如 100 或 10",
                "choose a scale that divides exactly, such as 100 or 10",
            )
            .into(),
        M::AwardAboveCap { .. } => lang
            .pick(
                "提高封顶，或降低这条规则的分值",
                "raise the cap, or lower the rule's amount",
            )
            .into(),
        M::BonusUncapped { .. } => lang
            .pick(
                "若总分不应超过满分，给加分段写「封顶 N」；若允许超过，可不理会这条提示",
                "if totals must not exceed the full score, give the bonus section a `cap N`; otherwise this note can be ignored",
            )
            .into(),
        M::ModifierCap { .. } => lang
            .pick(
                "把封顶写在它所修饰的基本规则上，或在加分、扣分段单独一行写「封顶 N」",
                "put the cap on the base rule it modifies, or on a line of its own in the section (`cap N`)",
            )
            .into(),
        M::GroupQuota { problem, .. } => match problem {
            GroupQuotaProblem::Missing { group } => zh_en!(
                lang,
                format!("写「名额 {group} N」；若该分组不参加评选，写「不含 {group}」"),
                format!(
                    "write `quota {group} N`; if the group takes no part, write `exclude {group}`"
                )
            ),
            GroupQuotaProblem::Twice { .. } => lang
                .pick("删去其中一个", "remove one of them")
                .into(),
            GroupQuotaProblem::WithTotal => lang
                .pick(
                    "删去总名额，或删去各分组的名额",
                    "remove the total quota, or the quotas per group",
                )
                .into(),
        },
        M::WindowInverted { .. } => lang.pick("交换起止日期", "swap the two dates").into(),
        M::WindowOutsideYear { year, .. } | M::WindowPartlyOutside { year, .. } => zh_en!(
            lang,
            format!("通常写作「期间 {year}-01-01 至 {year}-12-31」"),
            format!("the usual window is `window {year}-01-01 to {year}-12-31`")
        ),
        M::SkipYearNotBefore { year, .. } => zh_en!(
            lang,
            format!("「除外 已计年度」指以前年度已计分的事项，如 {}", year - 1),
            format!(
                "`skip credited_in` names an earlier year whose events were already credited, such as {}",
                year - 1
            )
        ),
        M::StepBeforePrerequisite {
            step, prerequisite, ..
        } => zh_en!(
            lang,
            format!("推迟「{step}」的截止日，或提前「{prerequisite}」的截止日"),
            format!("move `{step}` later or `{prerequisite}` earlier")
        ),
        M::ScheduleCycle { .. } => lang
            .pick("删去环上的一个「在 … 之后」", "remove one `after` on the cycle")
            .into(),
        M::DeadlineOutsideYear { .. } => lang
            .pick(
                "截止日应在考核年度内",
                "deadlines should fall within the policy year",
            )
            .into(),
        // Another family's: `super::family` never sends it here.
        _ => return None,
    })
}
