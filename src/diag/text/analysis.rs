//! Findings of the analysis of a compiled policy (KH4xx, KH5xx): rules that
//! overlap or leave gaps, conditions that decide nothing, awards and tiers
//! no unit can get.

use rust_decimal::Decimal;

use crate::diag::fmt_decimal as d;
use crate::diag::message::{AnalysisPart, Message, WitnessUnit};
use crate::i18n::Lang;
use crate::zh_en;

/// The values a compared quantity can take.
fn range(low: Option<Decimal>, high: Option<Decimal>, lang: Lang) -> String {
    match (low, high) {
        (Some(l), Some(h)) => zh_en!(
            lang,
            format!("{} 至 {}", d(l), d(h)),
            format!("{} to {}", d(l), d(h))
        ),
        (Some(l), None) => zh_en!(
            lang,
            format!("{} 以上，无上限", d(l)),
            format!("{} or more, unbounded", d(l))
        ),
        (None, Some(h)) => zh_en!(
            lang,
            format!("{} 以下，无下限", d(h)),
            format!("{} or less, unbounded", d(h))
        ),
        (None, None) => lang.pick("不限", "unbounded").into(),
    }
}

/// A unit's state as the analysis shows it: `#1/9`, `79`, events →
/// `排名 1/9，总分 79，有 通报批评 { 责任 主要 }`,
/// `rank 1/9, total 79, with 通报批评 { 责任 主要 }`.
fn state(state: &[String], lang: Lang) -> String {
    state
        .iter()
        .enumerate()
        .map(|(i, s)| match (i, s.strip_prefix('#')) {
            (0, Some(rank)) => zh_en!(lang, format!("排名 {rank}"), format!("rank {rank}")),
            (1, _) | (0, None) if s.parse::<f64>().is_ok() => {
                zh_en!(lang, format!("总分 {s}"), format!("total {s}"))
            }
            _ => zh_en!(lang, format!("有 {s}"), format!("with {s}")),
        })
        .collect::<Vec<_>>()
        .join(lang.pick("，", ", "))
}

/// The message of KH4xx and KH5xx.
pub(super) fn message(m: &Message, lang: Lang) -> String {
    use Message as M;
    match m {
        M::RuleOverlap {
            kind,
            witness,
            unit,
            mixed,
            ..
        } => {
            let how = if *mixed {
                lang.pick("，一条加分、一条扣分", ", one adding and one deducting")
            } else {
                ""
            };
            let witness = witness_at(witness, unit.as_ref(), lang);
            zh_en!(
                lang,
                format!("事项「{kind}」有两条基本规则同时适用{how}，例如：{witness}"),
                format!(
                    "two base rules of event kind `{kind}` match one event{how}, such as {witness}"
                )
            )
        }
        M::RuleGap {
            kind,
            witness,
            unit,
        } => {
            let witness = witness_at(witness, unit.as_ref(), lang);
            zh_en!(
                lang,
                format!("事项「{kind}」有的情形没有任何基本规则适用，例如：{witness}"),
                format!(
                    "no base rule of event kind `{kind}` matches some events, such as {witness}"
                )
            )
        }
        M::AnalysisCutShort { parts } => {
            let names: Vec<&str> = parts
                .iter()
                .map(|part| match part {
                    AnalysisPart::Overlaps => {
                        lang.pick("规则重叠（KH401）", "overlapping rules (KH401)")
                    }
                    AnalysisPart::Gaps => {
                        lang.pick("规则遗漏（KH402）", "gaps between rules (KH402)")
                    }
                    AnalysisPart::Amounts => lang.pick(
                        "单个事项的最高分值（KH303）",
                        "the largest amount of one event (KH303)",
                    ),
                    AnalysisPart::Conflicts => lang.pick(
                        "评优与处置的冲突（KH504）",
                        "awards against sanctions (KH504)",
                    ),
                    AnalysisPart::Grades => {
                        lang.pick("等次的遗漏（KH505）", "totals no grade takes (KH505)")
                    }
                })
                .collect();
            zh_en!(
                lang,
                format!(
                    "分析超出工作量上限，未做完：{}。已报的问题成立，未报的不代表没有",
                    names.join("、")
                ),
                format!(
                    "the analysis ran out of its work budget in {}: what it reports holds, but it did not look everywhere",
                    names.join(", ")
                )
            )
        }
        M::UnusedKind { kind } => zh_en!(
            lang,
            format!("事项「{kind}」没有被任何规则、否决、查实、条件或排除用到"),
            format!(
                "event kind `{kind}` is used by no rule, veto, finding, condition or exclusion"
            )
        ),
        M::ModifierUnmatched { rule } => zh_en!(
            lang,
            format!("系数规则「{rule}」不会与任何同类基本规则同时适用"),
            format!("the modifier `{rule}` never meets a base rule of its kind")
        ),
        M::ConditionConstant {
            atom,
            always,
            low,
            high,
        } => {
            let how = if *always {
                lang.pick("总是成立", "always true")
            } else {
                lang.pick("永远不成立", "never true")
            };
            zh_en!(
                lang,
                format!(
                    "条件「{atom}」{how}（取值范围为 {}）",
                    range(*low, *high, lang)
                ),
                format!(
                    "the condition `{atom}` is {how} (its range is {})",
                    range(*low, *high, lang)
                )
            )
        }
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
            let names = excluded
                .iter()
                .map(|n| zh_en!(lang, format!("「{n}」"), format!("`{n}`")))
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", "));
            let mut why = vec![zh_en!(
                lang,
                format!("共 {units} 个单位"),
                format!("{units} units")
            )];
            if !excluded.is_empty() {
                why.push(zh_en!(
                    lang,
                    format!("{names}不参评"),
                    format!("{names} never eligible")
                ));
            }
            if *bottom > 0 {
                let mut b = zh_en!(
                    lang,
                    format!("末 {bottom} 名不参评"),
                    format!("the bottom {bottom} never eligible")
                );
                if *overlap {
                    b.push_str(&zh_en!(
                        lang,
                        format!("，而{names}本身也可能在末 {bottom} 名之内"),
                        format!(", and {names} can itself be in the bottom {bottom}")
                    ));
                }
                why.push(b);
            }
            let why = why.join(lang.pick("；", "; "));
            let place = scope
                .as_ref()
                .map(|g| zh_en!(lang, format!("分组「{g}」中"), format!(" in group `{g}`")))
                .unwrap_or_default();
            let q = if *percent {
                zh_en!(
                    lang,
                    format!("按比例折合 {quota} 个"),
                    format!("{quota} places by proportion")
                )
            } else {
                quota.to_string()
            };
            zh_en!(
                lang,
                format!("「{award}」的名额 {q}，但{place}至多 {most} 个单位可能符合条件（{why}）"),
                format!(
                    "the quota of `{award}` is {q}, but at most {most} units{place} can ever be eligible ({why})"
                )
            )
        }
        M::AwardImpossible { award } => zh_en!(
            lang,
            format!("没有任何单位能评上「{award}」：所有单位都被排除"),
            format!("no unit can ever get `{award}`: every unit is excluded")
        ),
        M::AwardAndSanction {
            award,
            outcome,
            unit,
            state: s,
        } => zh_en!(
            lang,
            format!(
                "同一单位可能既符合「{award}」又被「{outcome}」：例如「{unit}」（{}）",
                state(s, lang)
            ),
            format!(
                "one unit can be eligible for `{award}` and flagged `{outcome}` at once, such as `{unit}` ({})",
                state(s, lang)
            )
        ),
        M::TierUnreachable { tier, by } => zh_en!(
            lang,
            format!("等次「{tier}」永远评不到：它的条件被前面没有名额的「{by}」全部包含"),
            format!(
                "grade tier `{tier}` is never reached: the earlier tier `{by}`, without a quota, covers its condition"
            )
        ),
        M::TierGap { total } => zh_en!(
            lang,
            format!("总分为 {} 的单位不属于任何等次（没有「其余」）", d(*total)),
            format!(
                "a unit with a total of {} gets no grade (there is no `otherwise`)",
                d(*total)
            )
        ),
        M::TierQuotasOver { sum } => zh_en!(
            lang,
            format!("各等次的名额比例合计 {}%，超过 100%", d(*sum)),
            format!(
                "the tiers' percentage quotas add up to {}%, above 100%",
                d(*sum)
            )
        ),
        M::TierQuotaZero {
            tier,
            percent,
            units,
            scope,
        } => {
            let place = match scope {
                Some(g) => zh_en!(lang, format!("分组「{g}」"), format!("group `{g}`")),
                None => lang.pick("全部单位", "all units").into(),
            };
            zh_en!(
                lang,
                format!(
                    "等次「{tier}」的名额 {}% 对{place}（{units} 个单位）向下取整为 0 个",
                    d(*percent)
                ),
                format!(
                    "the {}% quota of tier `{tier}` rounds down to 0 places for {place} ({units} units)",
                    d(*percent)
                )
            )
        }
        // Another family's: `super::family` never sends it here.
        _ => String::new(),
    }
}

/// The help of KH4xx and KH5xx.
pub(super) fn help(m: &Message, lang: Lang) -> Option<String> {
    use Message as M;
    Some(match m {
        M::RuleOverlap { .. } => lang
            .pick(
                "收窄其中一条规则的条件，使一个事项恰好适用一条基本规则",
                "narrow one of the rules so that each event matches exactly one base rule",
            )
            .into(),
        M::RuleGap { .. } => lang
            .pick(
                "为这种情形加一条规则；若它本不该加减分，写一条 `=> 0` 的规则说明",
                "add a rule for this case; if it should not score, say so with a rule `=> 0`",
            )
            .into(),
        M::AnalysisCutShort { .. } => lang
            .pick(
                "这样大的考核办法可用 kaohe check --budget N 给分析更多工作量（默认 150000000）",
                "for a policy this large, give the analysis more work with kaohe check --budget N (default 150000000)",
            )
            .into(),
        M::UnusedKind { .. } => lang
            .pick(
                "为它写加分或扣分规则、否决或查实，或删去这个事项声明",
                "give it a rule, veto or finding, or remove the declaration",
            )
            .into(),
        M::ModifierUnmatched { .. } => lang
            .pick(
                "检查系数规则的条件，或删去它",
                "check the modifier's conditions, or remove it",
            )
            .into(),
        M::ConditionConstant { .. } => lang
            .pick(
                "检查比较的数值：它在取值范围之外，条件不起作用",
                "check the number compared: outside the range, the condition decides nothing",
            )
            .into(),
        M::QuotaAboveEligible { most, .. } => zh_en!(
            lang,
            format!("把名额减到 {most} 以内，或放宽排除条件"),
            format!("lower the quota to {most} or less, or exclude fewer units")
        ),
        M::AwardImpossible { .. } => lang
            .pick(
                "放宽「不含」条件，或删去这个评优项目",
                "exclude fewer units, or remove the award",
            )
            .into(),
        M::AwardAndSanction { outcome, .. } => zh_en!(
            lang,
            format!(
                "在评优中写「不含 {outcome}」排除这种单位；若两者可以并存，写「允许 {outcome}」"
            ),
            format!(
                "add `exclude {outcome}` to the award; if both may stand together, write `allow {outcome}`"
            )
        ),
        M::TierUnreachable { .. } => lang
            .pick(
                "调整等次的先后或条件，或给前面的等次加名额",
                "reorder the tiers or change their conditions, or give the earlier tier a quota",
            )
            .into(),
        M::TierGap { .. } => lang
            .pick(
                "加一档「其余」，或补上这一段总分的等次",
                "add an `otherwise` tier, or a tier for these totals",
            )
            .into(),
        M::TierQuotasOver { .. } => lang
            .pick(
                "调低各档的名额比例，使合计不超过 100%",
                "lower the percentages so that they add up to 100% at most",
            )
            .into(),
        M::TierQuotaZero { .. } => lang
            .pick(
                "单位较少时可改用名额个数（如「名额 1」），或提高比例",
                "with few units, use a count (such as `quota 1`) or a larger percentage",
            )
            .into(),
        // Another family's: `super::family` never sends it here.
        _ => return None,
    })
}

/// `单位「办公室」的 表彰 { 层级 国家 }`: a witness event with its unit, when
/// the unit matters.
fn witness_at(witness: &str, unit: Option<&WitnessUnit>, lang: Lang) -> String {
    match unit {
        None => witness.to_string(),
        Some(WitnessUnit::Listed(u)) => zh_en!(
            lang,
            format!("单位「{u}」的 {witness}"),
            format!("{witness} of unit `{u}`")
        ),
        Some(WitnessUnit::Added(g)) => zh_en!(
            lang,
            format!("分组「{g}」新增单位的 {witness}"),
            format!("{witness} of a unit added to group `{g}`")
        ),
    }
}
