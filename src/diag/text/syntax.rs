//! Findings of the parser (KH1xx): syntax errors, unclosed blocks, bad
//! literals, repeated or missing declarations.

use super::common::join_or;
use crate::diag::message::{Expected, Found, LiteralProblem, Message, Once, Single, SyntaxHint};
use crate::i18n::Lang;
use crate::zh_en;

/// A thing the parser could have accepted, in the drafter's words.
fn expected(e: &Expected, lang: Lang) -> String {
    match e {
        Expected::Keyword(k) => zh_en!(
            lang,
            format!("「{}」", k.display(lang)),
            format!("`{}`", k.display(lang))
        ),
        Expected::Declaration => lang
            .pick(
                "顶层声明（考核办法、考核对象、计分、事项、加分、扣分、评优、处置等）",
                "a declaration (policy, units, score, event, bonus, deduct, award, outcome, …)",
            )
            .into(),
        Expected::Name => lang.pick("名称", "a name").into(),
        Expected::Number => lang.pick("数字", "a number").into(),
        Expected::Date => lang
            .pick(
                "日期（YYYY-MM-DD 或 MM-DD）",
                "a date (YYYY-MM-DD or MM-DD)",
            )
            .into(),
        Expected::Percent => lang
            .pick("百分数（如 30%）", "a percentage (such as 30%)")
            .into(),
        Expected::Text => lang.pick("带引号的文字", "a quoted text").into(),
        Expected::Citation => lang
            .pick(
                "条款引用（如【四(一)】）",
                "a clause citation (such as 【四(一)】)",
            )
            .into(),
        Expected::Scale => lang.pick("「按 … 折算」", "`scaled_from`").into(),
        Expected::StatementEnd => lang.pick("行尾", "the end of the line").into(),
        Expected::Punct(p) => zh_en!(lang, format!("「{p}」"), format!("`{p}`")),
        Expected::Comparison => lang
            .pick("比较符（< <= > >= = !=）", "a comparison (< <= > >= = !=)")
            .into(),
        Expected::ItemLine => lang
            .pick("计分项（名称 分值）", "an item (name and maximum)")
            .into(),
        Expected::RuleLine => lang
            .pick(
                "规则（事项 条件 => 分值）或「封顶」",
                "a rule (kind conditions => points) or `cap`",
            )
            .into(),
        Expected::Condition => lang
            .pick("条件（属性 是 值）", "a condition (attribute is value)")
            .into(),
        Expected::OutcomeCondition => lang
            .pick(
                "条件（如 总分 < 80、否决、有 扣分、末 2 名）",
                "a condition (such as total < 80, vetoed, any deduct, bottom 2)",
            )
            .into(),
        Expected::Amount => lang
            .pick(
                "分值（10、1 至 3、至多 5、减半、乘 0.5）",
                "points (10, 1 to 3, up to 5, half, times 0.5)",
            )
            .into(),
        Expected::Member => lang.pick("单位名称或「等」", "a unit name or `...`").into(),
        Expected::Field => lang
            .pick(
                "事项字段（属性 值、日期 2019-05-10、分值 2）",
                "an event field (attribute value, date 2019-05-10, points 2)",
            )
            .into(),
        Expected::Expectation => lang
            .pick(
                "预期结果（总分 105、排名 1、否决、先进、非 诫勉…）",
                "an expectation (total 105, rank 1, vetoed, an award, not an outcome…)",
            )
            .into(),
    }
}

/// What stood where the syntax error was found.
fn found(f: &Found, lang: Lang) -> String {
    match f {
        Found::EndOfFile => lang.pick("文件结尾", "the end of the file").into(),
        Found::LineEnd => lang.pick("行尾", "the end of the line").into(),
        Found::Token(t) if t.chars().any(super::invisible) => {
            let named = super::visible(t.clone());
            zh_en!(
                lang,
                format!("不可见字符 {named}"),
                format!("the invisible character {named}")
            )
        }
        Found::Token(t) => zh_en!(lang, format!("「{t}」"), format!("`{t}`")),
    }
}

/// What may appear at most once.
fn once(o: Once, lang: Lang) -> &'static str {
    match o {
        Once::Citation => lang.pick("条款引用", "clause citation"),
        Once::Assumption => lang.pick("「解释」", "`assume`"),
        Once::Description => lang.pick("「说明」", "`note`"),
        Once::Scorer => lang.pick("「评分」", "`scored_by`"),
        Once::Scale => lang.pick("「折算」", "`scaled_from`"),
        Once::SectionCap => lang.pick("段落「封顶」", "section `cap`"),
        Once::Dedup => lang.pick("「同一 … 只计 最高」", "`same … keep highest`"),
        Once::Quota => lang.pick("「名额」", "`quota`"),
        Once::Due => lang.pick("「截止」", "`due`"),
        Once::RuleCap => lang.pick("规则「封顶」", "rule `cap`"),
    }
}

/// A declaration a policy has exactly one (or at most one) of.
fn single(s: Single, lang: Lang) -> &'static str {
    match s {
        Single::Header => lang.pick("「考核办法」声明", "the `policy` declaration"),
        Single::Year => lang.pick("「年度」", "`year`"),
        Single::Issuer => lang.pick("「制定」", "`issuer`"),
        Single::Window => lang.pick("「期间」", "`window`"),
        Single::Units => lang.pick("「考核对象」", "`units`"),
        Single::Score => lang.pick("「计分」", "`score`"),
        Single::Ranking => lang.pick("「排名」", "`rank`"),
        Single::Grades => lang.pick("「等次」", "`grades`"),
        Single::Schedule => lang.pick("「日程」", "`schedule`"),
    }
}

/// How a missing declaration is written, for those worth an example.
fn single_example(s: Single, lang: Lang) -> Option<&'static str> {
    match s {
        Single::Header => {
            Some(lang.pick("考核办法 \"…\" { 年度 2019 }", "policy \"…\" { year 2019 }"))
        }
        Single::Year => Some(lang.pick("年度 2019", "year 2019")),
        Single::Units => Some(lang.pick(
            "考核对象 { 分组 机关处室 { 办公室, 综合业务处 } }",
            "units { group 机关处室 { 办公室, 综合业务处 } }",
        )),
        Single::Score => Some(lang.pick(
            "计分 满分 100 { 责任清单工作 60 … }",
            "score full 100 { 责任清单工作 60 … }",
        )),
        _ => None,
    }
}

/// The message of KH1xx.
pub(super) fn message(m: &Message, lang: Lang) -> String {
    use Message as M;
    match m {
        M::Syntax {
            expected: e,
            found: f,
            ..
        } => {
            if e.is_empty() {
                zh_en!(
                    lang,
                    format!("语法错误：此处不应出现{}", found(f, lang)),
                    format!("syntax error: unexpected {}", found(f, lang))
                )
            } else {
                let list = join_or(e.iter().map(|e| expected(e, lang)).collect(), lang);
                zh_en!(
                    lang,
                    format!("语法错误：此处应为{list}，却是{}", found(f, lang)),
                    format!("syntax error: expected {list}, found {}", found(f, lang))
                )
            }
        }
        M::UnclosedBlock => lang
            .pick("「{」没有对应的「}」", "this `{` is never closed")
            .into(),
        M::TooDeep { most } => zh_en!(
            lang,
            format!("嵌套超过 {most} 层（括号、大括号或连续的「非」），kaohe 不再往下读"),
            format!(
                "nested more than {most} levels deep (brackets, braces or `not` after `not`); kaohe reads no further"
            )
        ),
        M::OpenMarkerNotLast => lang
            .pick(
                "「等」必须是名单的最后一项",
                "`...` must be the last entry of the list",
            )
            .into(),
        M::BadLiteral { text, problem } => match problem {
            LiteralProblem::Date => zh_en!(
                lang,
                format!("「{text}」不是有效的日期"),
                format!("`{text}` is not a valid date")
            ),
            LiteralProblem::Integer => zh_en!(
                lang,
                format!("「{text}」应为整数"),
                format!("`{text}` must be a whole number")
            ),
            LiteralProblem::TooLarge => zh_en!(
                lang,
                format!(
                    "数字「{text}」超出 kaohe 接受的范围（绝对值不超过 {}）",
                    crate::exact::POLICY_MAX
                ),
                format!(
                    "the number `{text}` is out of the range kaohe accepts (at most {} either way)",
                    crate::exact::POLICY_MAX
                )
            ),
            LiteralProblem::TooManyDigits { digits } => zh_en!(
                lang,
                format!(
                    "数字「{text}」需要 {digits} 位有效数字，超过 kaohe 保留的 {} 位",
                    crate::exact::DIGITS
                ),
                format!(
                    "the number `{text}` needs {digits} significant digits, more than the {} kaohe keeps",
                    crate::exact::DIGITS
                )
            ),
            LiteralProblem::Percent => zh_en!(
                lang,
                format!("「{text}」不是 0% 到 100% 之间的百分数"),
                format!("`{text}` is not a percentage from 0% to 100%")
            ),
            LiteralProblem::Invisible => zh_en!(
                lang,
                format!("文字「{text}」中有看不见的字符，它会原样进入每一份结果"),
                format!(
                    "the text `{text}` has a character that does not show; it would go into every ruling as it is"
                )
            ),
        },
        M::Repeated { what } => zh_en!(
            lang,
            format!("同一处只能有一个{}", once(*what, lang)),
            format!("only one {} is allowed here", once(*what, lang))
        ),
        M::Missing { what } => zh_en!(
            lang,
            format!("缺少{}", single(*what, lang)),
            format!("missing {}", single(*what, lang))
        ),
        M::DuplicateDecl { what } => zh_en!(
            lang,
            format!("{}重复", single(*what, lang)),
            format!("{} is declared twice", single(*what, lang))
        ),
        // Another family's: `super::family` never sends it here.
        _ => String::new(),
    }
}

/// The help of KH1xx.
pub(super) fn help(m: &Message, lang: Lang) -> Option<String> {
    use Message as M;
    Some(match m {
        M::Syntax {
            glued: Some((k, rest)),
            ..
        } => zh_en!(
            lang,
            format!("关键字后须有空格：写成「{k} {rest}」"),
            format!("a keyword must be followed by a space: write `{k} {rest}`")
        ),
        M::Syntax {
            hint: Some(SyntaxHint::KindNote),
            ..
        } => lang
            .pick(
                "事项类型的备注直接写字符串，不加「说明」：事项 表彰 \"市级以上表彰\"（「说明」用于计分项）",
                "a note on an event kind is a plain string, without `note`: event 表彰 \"…\" \
                 (`note` is for score items)",
            )
            .into(),
        M::Syntax {
            hint: Some(SyntaxHint::UnitTestInRule),
            ..
        } => lang
            .pick(
                "规则的条件只检查事项的属性；要让规则只适用于部分单位，在分值之后写「仅 分组」或「不含 单位」，如：表彰 => 3 仅 县",
                "a rule's conditions test the event's attributes; to limit a rule to some units, write \
                 `only GROUP` or `exclude UNIT` after the amount, e.g. 表彰 => 3 only 县",
            )
            .into(),
        M::Syntax {
            expected: e,
            found: Found::Token(_),
            ..
        } if e.contains(&Expected::StatementEnd) => lang
            .pick(
                "一条语句写完后换行或用「;」隔开；语法见 docs/language.md",
                "end each statement with a line break or `;`; see docs/language.en.md",
            )
            .into(),
        M::Syntax { .. } => lang
            .pick(
                "对照 docs/language.md 检查这一行的写法",
                "compare this line with docs/language.en.md",
            )
            .into(),
        M::UnclosedBlock => lang
            .pick(
                "在这个块的末尾补上「}」",
                "add the closing `}` at the end of this block",
            )
            .into(),
        M::OpenMarkerNotLast => lang
            .pick("把「等」移到名单末尾", "move `...` to the end of the list")
            .into(),
        M::TooDeep { .. } => lang
            .pick(
                "拆开这个条件或计分项：用「且」「或」并列，不必层层嵌套",
                "flatten it: list conditions with `and`/`or`, items side by side, instead of nesting them",
            )
            .into(),
        M::BadLiteral { problem, .. } => match problem {
            LiteralProblem::Date => lang.pick(
                "日期写作 YYYY-MM-DD，或在考核年度内写作 MM-DD；月份为 01–12，日不超过当月天数",
                "write dates as YYYY-MM-DD, or MM-DD within the policy year; months 01–12, days within the month",
            ),
            LiteralProblem::Integer => lang.pick(
                "这里只能写整数，如 2",
                "only a whole number is allowed here, such as 2",
            ),
            LiteralProblem::TooLarge => lang.pick(
                "检查这个数字是否多写了位数",
                "check the number for extra digits",
            ),
            LiteralProblem::TooManyDigits { .. } => lang.pick(
                "把这个数取舍到 28 位有效数字以内（kaohe 不替你取舍）",
                "round the number to at most 28 significant digits (kaohe does not round for you)",
            ),
            LiteralProblem::Percent => lang.pick(
                "写成 0% 到 100% 之间的百分数，如 30%",
                "write a percentage from 0% to 100%, such as 30%",
            ),
            LiteralProblem::Invisible => lang.pick(
                "删去这个字符（常是从别处复制文字时带进来的）",
                "delete the character (it usually comes with text copied from elsewhere)",
            ),
        }
        .into(),
        M::Repeated { .. } => lang.pick("删去多余的一处", "remove the extra one").into(),
        M::Missing { what } => {
            let decl = single(*what, lang);
            match single_example(*what, lang) {
                None => zh_en!(lang, format!("加上{decl}"), format!("add {decl}")),
                Some(ex) => zh_en!(
                    lang,
                    format!("加上{decl}，例如：{ex}"),
                    format!("add {decl}, for example: {ex}")
                ),
            }
        }
        M::DuplicateDecl { what } => zh_en!(
            lang,
            format!("一份考核办法只能有一处{}：把它们合并", single(*what, lang)),
            format!("a policy has one {}: merge them", single(*what, lang))
        ),
        // Another family's: `super::family` never sends it here.
        _ => return None,
    })
}
