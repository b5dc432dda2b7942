//! English message text (`--lang en`). Names the user wrote are quoted in backticks.

use super::fmt_decimal as d;
use super::message::{
    Expected, Found, IoProblem, LabelText, LiteralProblem, Message, Once, Positive, Single, Sort,
};
use crate::i18n::{Kw, Lang};

fn kw(k: Kw) -> &'static str {
    k.display(Lang::En)
}

pub fn sort(s: Sort) -> &'static str {
    match s {
        Sort::Unit => "unit",
        Sort::Group => "group",
        Sort::Item => "item",
        Sort::Kind => "event kind",
        Sort::Attr => "attribute",
        Sort::Value => "value",
        Sort::Award => "award",
        Sort::Outcome => "outcome",
        Sort::Tier => "grade tier",
        Sort::Step => "schedule step",
    }
}

fn sorts(list: &[Sort]) -> String {
    join_or(list.iter().map(|s| sort(*s).to_string()).collect())
}

fn join_or(items: Vec<String>) -> String {
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {}", rest.join(", "), last),
    }
}

fn expected(e: &Expected) -> String {
    match e {
        Expected::Keyword(k) => format!("`{}`", kw(*k)),
        Expected::Declaration => {
            "a declaration (policy, units, score, event, bonus, deduct, award, outcome, …)".into()
        }
        Expected::Name => "a name".into(),
        Expected::Number => "a number".into(),
        Expected::Date => "a date (YYYY-MM-DD or MM-DD)".into(),
        Expected::Percent => "a percentage (such as 30%)".into(),
        Expected::Text => "a quoted text".into(),
        Expected::Citation => "a clause citation (such as 【四(一)】)".into(),
        Expected::Scale => "`scaled_from`".into(),
        Expected::StatementEnd => "the end of the line".into(),
        Expected::Punct(p) => format!("`{p}`"),
        Expected::Comparison => "a comparison (< <= > >= = !=)".into(),
        Expected::ItemLine => "an item (name and maximum)".into(),
        Expected::RuleLine => "a rule (kind conditions => points) or `cap`".into(),
        Expected::Condition => "a condition (attribute is value)".into(),
        Expected::OutcomeCondition => {
            "a condition (such as total < 80, vetoed, any deduct, bottom 2)".into()
        }
        Expected::Amount => "points (10, 1 to 3, up to 5, half, times 0.5)".into(),
        Expected::Member => "a unit name or `...`".into(),
        Expected::Field => "an event field (attribute value, date 2019-05-10, points 2)".into(),
        Expected::Expectation => {
            "an expectation (total 105, rank 1, vetoed, an award, not an outcome…)".into()
        }
    }
}

fn found(f: &Found) -> String {
    match f {
        Found::EndOfFile => "the end of the file".into(),
        Found::LineEnd => "the end of the line".into(),
        Found::Token(t) => format!("`{t}`"),
    }
}

fn once(o: Once) -> &'static str {
    match o {
        Once::Citation => "clause citation",
        Once::Assumption => "`assume`",
        Once::Description => "`note`",
        Once::Scorer => "`scored_by`",
        Once::Scale => "`scaled_from`",
        Once::SectionCap => "section `cap`",
        Once::Quota => "`quota`",
        Once::Due => "`due`",
        Once::RuleCap => "rule `cap`",
    }
}

fn single(s: Single) -> &'static str {
    match s {
        Single::Header => "the `policy` declaration",
        Single::Year => "`year`",
        Single::Issuer => "`issuer`",
        Single::Window => "`window`",
        Single::Units => "`units`",
        Single::Score => "`score`",
        Single::Ranking => "`rank`",
        Single::Grades => "`grades`",
        Single::Schedule => "`schedule`",
    }
}

fn single_example(s: Single) -> &'static str {
    match s {
        Single::Header => "policy \"…\" { year 2019 }",
        Single::Year => "year 2019",
        Single::Units => "units { group 机关处室 { 办公室, 综合业务处 } }",
        Single::Score => "score full 100 { 责任清单工作 60 … }",
        _ => "",
    }
}

fn positive(p: Positive) -> &'static str {
    match p {
        Positive::Cap => "a cap",
        Positive::Factor => "a factor",
        Positive::Scale => "a scale",
        Positive::Max => "an item maximum",
        Positive::Full => "the full score",
        Positive::Quota => "a quota",
        Positive::Bottom => "N in `bottom N`",
        Positive::Year => "the year",
    }
}

fn terms(list: &[(String, rust_decimal::Decimal)], sum: rust_decimal::Decimal) -> String {
    let parts: Vec<String> = list.iter().map(|(n, v)| format!("{n} {}", d(*v))).collect();
    format!("{} = {}", parts.join(" + "), d(sum))
}

pub fn message(m: &Message) -> String {
    use Message as M;
    match m {
        M::Data(d) => super::data_en::message(d),
        M::CannotRead { path, reason } => format!("cannot read `{path}`: {}", io(reason)),
        M::CannotWrite {
            path,
            reason: IoProblem::NotFound,
        } => format!("cannot write `{path}`: its folder does not exist"),
        M::CannotWrite { path, reason } => format!("cannot write `{path}`: {}", io(reason)),
        M::UnknownDataFormat { path } => format!("unknown data format of `{path}`"),
        M::NoSuchUnit { unit, .. } => format!("the data has no unit `{unit}`"),
        M::RuleOverlap {
            kind,
            witness,
            mixed,
            ..
        } => {
            let how = if *mixed {
                ", one adding and one deducting"
            } else {
                ""
            };
            format!("two base rules of event kind `{kind}` match one event{how}, such as {witness}")
        }
        M::RuleGap { kind, witness } => {
            format!("no base rule of event kind `{kind}` matches some events, such as {witness}")
        }
        M::AwardAboveCap {
            amount,
            cap,
            section,
            witness,
            ..
        } => format!(
            "one event can earn {}, above the {} cap {}, so this rule never pays in full: {witness}",
            d(*amount),
            if *section { "section" } else { "rule" },
            d(*cap)
        ),
        M::BonusUncapped {
            witness,
            full,
            total,
            ..
        } => format!(
            "bonuses have no cap: a unit at full marks with one {witness} totals {}, above the full score {}",
            d(*total),
            d(*full)
        ),
        M::ConditionConstant {
            atom,
            always,
            low,
            high,
        } => format!(
            "the condition `{atom}` is {} (its range is {})",
            if *always { "always true" } else { "never true" },
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
            let mut why = vec![format!("{units} units")];
            if !excluded.is_empty() {
                let names: Vec<String> = excluded.iter().map(|n| format!("`{n}`")).collect();
                why.push(format!("{} never eligible", names.join(", ")));
            }
            if *bottom > 0 {
                let mut b = format!("the bottom {bottom} never eligible");
                if *overlap {
                    b.push_str(&format!(
                        ", and {} can itself be in the bottom {bottom}",
                        excluded
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                why.push(b);
            }
            let place = scope
                .as_ref()
                .map(|g| format!(" in group `{g}`"))
                .unwrap_or_default();
            let q = if *percent {
                format!("{quota} places by proportion")
            } else {
                quota.to_string()
            };
            format!(
                "the quota of `{award}` is {q}, but at most {most} units{place} can ever be eligible ({})",
                why.join("; ")
            )
        }
        M::AwardImpossible { award } => {
            format!("no unit can ever get `{award}`: every unit is excluded")
        }
        M::AwardAndSanction {
            award,
            outcome,
            unit,
            state,
        } => format!(
            "one unit can be eligible for `{award}` and flagged `{outcome}` at once, such as `{unit}` ({})",
            state_en(state)
        ),
        M::TierUnreachable { tier, by } => {
            format!(
                "grade tier `{tier}` is never reached: the earlier tier `{by}`, without a quota, covers its condition"
            )
        }
        M::TierGap { total } => format!(
            "a unit with a total of {} gets no grade (there is no `otherwise`)",
            d(*total)
        ),
        M::TierQuotasOver { sum } => format!(
            "the tiers' percentage quotas add up to {}%, above 100%",
            d(*sum)
        ),
        M::TierQuotaZero {
            tier,
            percent,
            units,
            scope,
        } => {
            let place = scope
                .as_ref()
                .map(|g| format!("group `{g}`"))
                .unwrap_or_else(|| "all units".into());
            format!(
                "the {}% quota of tier `{tier}` rounds down to 0 places for {place} ({units} units)",
                d(*percent)
            )
        }
        M::UnusedKind { kind } => {
            format!("event kind `{kind}` is used by no rule, veto, finding, condition or exclusion")
        }
        M::ModifierUnmatched { rule } => {
            format!("the modifier `{rule}` never meets a base rule of its kind")
        }
        M::ExampleFailed {
            example,
            unit,
            what,
            expected,
            actual,
        } => format!(
            "example `{example}` fails: unit `{unit}` expected {}, got {}",
            fact(what, expected),
            fact(what, actual)
        ),
        M::Syntax {
            expected: e,
            found: f,
            ..
        } => {
            if e.is_empty() {
                format!("syntax error: unexpected {}", found(f))
            } else {
                let list = join_or(e.iter().map(expected).collect());
                format!("syntax error: expected {list}, found {}", found(f))
            }
        }
        M::UnclosedBlock => "this `{` is never closed".into(),
        M::OpenMarkerNotLast => "`...` must be the last entry of the list".into(),
        M::BadLiteral { text, problem } => match problem {
            LiteralProblem::Date => format!("`{text}` is not a valid date"),
            LiteralProblem::Integer => format!("`{text}` must be a whole number"),
            LiteralProblem::TooLarge => format!("the number `{text}` is too large"),
            LiteralProblem::Percent => format!("`{text}` is not a percentage from 0% to 100%"),
        },
        M::Repeated { what } => format!("only one {} is allowed here", once(*what)),
        M::Missing { what } => format!("missing {}", single(*what)),
        M::DuplicateDecl { what } => format!("{} is declared twice", single(*what)),
        M::UnknownName { name, sorts: s, .. } => format!("unknown {} `{name}`", sorts(s)),
        M::DuplicateName {
            name,
            sort: s,
            first,
        } => {
            if *s == Sort::Unit && *first == Sort::Unit {
                format!("unit `{name}` is listed twice")
            } else if s == first {
                format!("{} `{name}` is declared twice", sort(*s))
            } else {
                format!(
                    "`{name}` is already a {}; it cannot also be a {}",
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
            format!(
                "`{name}` is a {}, but a {} is needed here",
                sort(*f),
                sorts(s)
            )
        }
        M::ReservedAttr { name } => {
            format!("`{name}` is a reserved key and cannot name an attribute")
        }
        M::FindingNeedsItemAttr { kind, count } => format!(
            "event kind `{kind}` is used with `zero_item`, so it needs exactly one `item` attribute, not {count}"
        ),
        M::VetoUsesRank => "a veto condition cannot use rank or `bottom N`".into(),
        M::ParentScore { item } => format!("`{item}` has sub-items; only leaf items are scored"),
        M::ScaleOnParent { item } => format!("`{item}` has sub-items and cannot be scaled"),
        M::ClosedGroupEmpty { group } => format!("group `{group}` lists no units"),
        M::WeightsChildren {
            parent,
            max,
            terms: t,
            sum,
        } => format!(
            "the sub-items of `{parent}` add up to {}, not its maximum {}: {}",
            d(*sum),
            d(*max),
            terms(t, *sum)
        ),
        M::WeightsTop {
            full,
            terms: t,
            sum,
        } => format!(
            "the top items add up to {}, not the full score {}: {}",
            d(*sum),
            d(*full),
            terms(t, *sum)
        ),
        M::InvertedRange { low, high } => {
            format!(
                "the range `{} to {}` starts above its end",
                d(*low),
                d(*high)
            )
        }
        M::NegativeAmount { value } => format!("points cannot be negative: {}", d(*value)),
        M::NotPositive { what, value } => {
            format!(
                "{} must be greater than 0, not {}",
                positive(*what),
                d(*value)
            )
        }
        M::ScaleNotExact { max, scale } => format!(
            "scaling from {} to {} is not exact: {} / {} does not terminate",
            d(*scale),
            d(*max),
            d(*max),
            d(*scale)
        ),
        M::WindowInverted { from, to } => {
            format!("the window starts on {from}, after its end {to}")
        }
        M::WindowOutsideYear { from, to, year } => {
            format!("the window {from} to {to} lies entirely outside the policy year {year}")
        }
        M::WindowPartlyOutside { from, to, year } => {
            format!("the window {from} to {to} lies partly outside the policy year {year}")
        }
        M::SkipYearNotBefore { skip, year } => {
            format!("`skip credited_in {skip}` is not before the policy year {year}")
        }
        M::StepBeforePrerequisite {
            step,
            due,
            prerequisite,
            prerequisite_due,
        } => format!(
            "step `{step}` is due {due}, before `{prerequisite}` that it comes after (due {prerequisite_due})"
        ),
        M::ScheduleCycle { steps } => {
            format!("the schedule's order is a cycle: {}", steps.join(" → "))
        }
        M::DeadlineOutsideYear { step, due, year } => {
            format!("step `{step}` is due {due}, outside the policy year {year}")
        }
    }
}

pub fn help(m: &Message) -> Option<String> {
    use Message as M;
    Some(match m {
        M::Data(d) => return super::data_en::help(d),
        M::CannotRead {
            reason: IoProblem::NotUtf8 { .. },
            ..
        } => "save the file again in the UTF-8 encoding".into(),
        M::CannotRead { .. } => "check the path and its permissions".into(),
        M::CannotWrite { .. } => "check that the folder exists and can be written".into(),
        M::UnknownDataFormat { .. } => {
            "data is a .json, .toml or .xlsx file, or a folder with 得分.csv and 事项.csv".into()
        }
        M::NoSuchUnit { suggestion: Some(s), .. } => format!("did you mean `{s}`?"),
        M::NoSuchUnit { .. } => "check the unit name after --unit".into(),
        M::RuleOverlap { .. } => "narrow one of the rules so that each event matches exactly one base rule".into(),
        M::RuleGap { .. } => "add a rule for this case; if it should not score, say so with a rule `=> 0`".into(),
        M::UnusedKind { .. } => "give it a rule, veto or finding, or remove the declaration".into(),
        M::TierUnreachable { .. } => "reorder the tiers or change their conditions, or give the earlier tier a quota".into(),
        M::TierGap { .. } => "add an `otherwise` tier, or a tier for these totals".into(),
        M::TierQuotasOver { .. } => "lower the percentages so that they add up to 100% at most".into(),
        M::TierQuotaZero { .. } => "with few units, use a count (such as `quota 1`) or a larger percentage".into(),
        M::AwardAndSanction { outcome, .. } => format!(
            "add `exclude {outcome}` to the award; if both may stand together, write `allow {outcome}`"
        ),
        M::QuotaAboveEligible { most, .. } => format!("lower the quota to {most} or less, or exclude fewer units"),
        M::AwardImpossible { .. } => "exclude fewer units, or remove the award".into(),
        M::ConditionConstant { .. } => "check the number compared: outside the range, the condition decides nothing".into(),
        M::AwardAboveCap { .. } => "raise the cap, or lower the rule's amount".into(),
        M::BonusUncapped { .. } => "if totals must not exceed the full score, give the bonus section a `cap N`; otherwise this note can be ignored".into(),
        M::ModifierUnmatched { .. } => "check the modifier's conditions, or remove it".into(),
        M::ExampleFailed { .. } => "change the policy or the example so that they agree; `kaohe eval` shows why".into(),
        M::Syntax { glued: Some((k, rest)), .. } => {
            format!("a keyword must be followed by a space: write `{k} {rest}`")
        }
        M::Syntax { expected: e, found: Found::Token(_), .. }
            if e.contains(&Expected::StatementEnd) =>
        {
            "end each statement with a line break or `;`; see docs/language.en.md".into()
        }
        M::Syntax { .. } => "compare this line with docs/language.en.md".into(),
        M::UnclosedBlock => "add the closing `}` at the end of this block".into(),
        M::OpenMarkerNotLast => "move `...` to the end of the list".into(),
        M::BadLiteral { problem, .. } => match problem {
            LiteralProblem::Date => {
                "write dates as YYYY-MM-DD, or MM-DD within the policy year; months 01–12, days within the month".into()
            }
            LiteralProblem::Integer => "only a whole number is allowed here, such as 2".into(),
            LiteralProblem::TooLarge => "check the number for extra digits".into(),
            LiteralProblem::Percent => "write a percentage from 0% to 100%, such as 30%".into(),
        },
        M::Repeated { .. } => "remove the extra one".into(),
        M::Missing { what } => match single_example(*what) {
            "" => format!("add {}", single(*what)),
            ex => format!("add {}, for example: {ex}", single(*what)),
        },
        M::DuplicateDecl { what } => format!("a policy has one {}: merge them", single(*what)),
        M::UnknownName { suggestion, glued, .. } => match (suggestion, glued) {
            (Some(s), Some((k, rest))) => {
                format!("did you mean `{s}`? if `{k}` is meant as a keyword, write `{k} {rest}`")
            }
            (Some(s), None) => format!("did you mean `{s}`?"),
            (None, Some((k, rest))) => {
                format!("a keyword must be followed by a space: write `{k} {rest}`")
            }
            (None, None) => "check the spelling, or declare the name first".into(),
        },
        M::DuplicateName { sort: s, first, .. } => {
            if *s == Sort::Unit && *first == Sort::Unit {
                "a unit belongs to one group: remove one of the two".into()
            } else if s == first {
                "remove the repeated one, or choose another name".into()
            } else {
                "units, groups, items, kinds, awards, outcomes, tiers and steps share one namespace: choose another name".into()
            }
        }
        M::WrongSort { sorts: s, .. } => format!("write the name of a {} here", sorts(s)),
        M::ReservedAttr { .. } => {
            "the reserved keys are kind, date, points, doc, title, credited_in and id: choose another attribute name".into()
        }
        M::FindingNeedsItemAttr { .. } => {
            "declare one item attribute on the kind, such as { 项目: item }".into()
        }
        M::VetoUsesRank => "a veto is decided before ranking: use the total, items or events".into(),
        M::ParentScore { .. } => "score each of its sub-items instead".into(),
        M::ScaleOnParent { .. } => "put `scaled_from` on the leaf items".into(),
        M::ClosedGroupEmpty { .. } => "list the group's units, or end the list with `...` to make it open".into(),
        M::WeightsChildren { parent, max, sum, .. } => format!(
            "change the sub-items to add up to {}, or set `{parent}` to {}",
            d(*max),
            d(*sum)
        ),
        M::WeightsTop { full, sum, .. } => format!(
            "change the top items to add up to {}, or set the full score to {}",
            d(*full),
            d(*sum)
        ),
        M::InvertedRange { low, high } => format!("write `{} to {}`", d(*high), d(*low)),
        M::NegativeAmount { .. } => "write points as positive numbers; deductions go in `deduct`".into(),
        M::NotPositive { .. } => "write a number greater than 0".into(),
        M::ScaleNotExact { .. } => "choose a scale that divides exactly, such as 100 or 10".into(),
        M::WindowInverted { .. } => "swap the two dates".into(),
        M::WindowOutsideYear { year, .. } | M::WindowPartlyOutside { year, .. } => {
            format!("the usual window is `window {year}-01-01 to {year}-12-31`")
        }
        M::SkipYearNotBefore { year, .. } => format!(
            "`skip credited_in` names an earlier year whose events were already credited, such as {}",
            year - 1
        ),
        M::StepBeforePrerequisite { step, prerequisite, .. } => {
            format!("move `{step}` later or `{prerequisite}` earlier")
        }
        M::ScheduleCycle { .. } => "remove one `after` on the cycle".into(),
        M::DeadlineOutsideYear { .. } => "deadlines should fall within the policy year".into(),
    })
}

pub fn primary_label(m: &Message) -> Option<String> {
    use Message as M;
    Some(match m {
        M::Syntax { .. } | M::OpenMarkerNotLast => "here".into(),
        M::UnclosedBlock => "this `{` is not closed".into(),
        M::UnknownName { .. } => "unknown name".into(),
        M::DuplicateName { .. } => "duplicate".into(),
        M::WrongSort { found: f, .. } => format!("this is a {}", sort(*f)),
        M::WeightsChildren { sum, .. } => format!("sub-items add up to {}", d(*sum)),
        M::WeightsTop { sum, .. } => format!("top items add up to {}", d(*sum)),
        M::Missing { .. } => "add it after this".into(),
        M::CannotRead { .. }
        | M::CannotWrite { .. }
        | M::UnknownDataFormat { .. }
        | M::NoSuchUnit { .. } => return None,
        _ => "here".into(),
    })
}

pub fn label(l: &LabelText) -> String {
    match l {
        LabelText::Here => "here".into(),
        LabelText::FirstHere => "first declared here".into(),
        LabelText::DeclaredHere => "declared here".into(),
        LabelText::AddHere => "add it after this".into(),
        LabelText::Unclosed => "this `{` is not closed".into(),
        LabelText::Term { name, value } => format!("{name} {}", d(*value)),
        LabelText::Parent { name, value } => format!("`{name}` is worth {}", d(*value)),
        LabelText::Prerequisite { step, due } => format!("`{step}` is due {due}"),
        LabelText::InCycle => "a step on the cycle".into(),
        LabelText::OtherRule => "the other rule".into(),
        LabelText::Cap { value } => format!("cap {}", d(*value)),
        LabelText::Sanction => "the outcome".into(),
        LabelText::Window => "the window".into(),
        LabelText::Year => "the policy year".into(),
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
        (W::Total, _) => format!("total {value}"),
        (W::Bonus, _) => format!("bonus {value}"),
        (W::Deduct, _) => format!("deduction {value}"),
        (W::Rank, V::None) => "no rank".into(),
        (W::Rank, _) => format!("rank {value}"),
        (W::Grade, V::None) => "no grade".into(),
        (W::Grade, _) => format!("grade {value}"),
        (W::Vetoed, V::Bool(true)) => "vetoed".into(),
        (W::Vetoed, _) => "not vetoed".into(),
        (W::Flag(name), V::Bool(true)) => format!("`{name}`"),
        (W::Flag(name), _) => format!("not `{name}`"),
    }
}

fn range(low: Option<rust_decimal::Decimal>, high: Option<rust_decimal::Decimal>) -> String {
    match (low, high) {
        (Some(l), Some(h)) => format!("{} to {}", d(l), d(h)),
        (Some(l), None) => format!("{} or more, unbounded", d(l)),
        (None, Some(h)) => format!("{} or less, unbounded", d(h)),
        (None, None) => "unbounded".into(),
    }
}

/// `#1/9`, `79`, events → `rank 1/9, total 79, with 通报批评 { 责任 主要 }`.
fn state_en(state: &[String]) -> String {
    state
        .iter()
        .enumerate()
        .map(|(i, s)| match (i, s.strip_prefix('#')) {
            (0, Some(rank)) => format!("rank {rank}"),
            (1, _) | (0, None) if s.parse::<f64>().is_ok() => format!("total {s}"),
            _ => format!("with {s}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn io(p: &IoProblem) -> String {
    match p {
        IoProblem::NotFound => "no such file".into(),
        IoProblem::NoPermission => "permission denied".into(),
        IoProblem::IsDirectory => "it is a folder".into(),
        IoProblem::NotUtf8 { at } => format!("not UTF-8 text (byte {})", at + 1),
        IoProblem::Other(s) => s.clone(),
    }
}
