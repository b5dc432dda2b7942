//! The one keyword table: every keyword's Chinese and English spelling.
//!
//! The grammar (`grammar/kaohe.pest`) spells each keyword as a `kw_*` rule; a unit
//! test holds the two in step, and `fmt --lang` (`src/format/`) writes keywords through
//! this table. A spelling is `""` where the construct has no word in that language
//! (Chinese `末 2 名` has a closing `名`, English `bottom 2` has none).

use super::Lang;

/// A keyword of the language, independent of the spelling language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kw {
    Policy,
    Issuer,
    Year,
    Basis,
    Window,
    To,
    Except,
    CreditedIn,
    Units,
    Group,
    Etc,
    Score,
    Full,
    Describe,
    ScoredBy,
    By,
    Scaled,
    Event,
    ItemAttr,
    Bonus,
    Deduct,
    Is,
    In,
    NotIn,
    And,
    UpTo,
    Half,
    Times,
    Cap,
    Veto,
    On,
    ZeroItem,
    Revoke,
    Rank,
    Total,
    Desc,
    Asc,
    WithinGroup,
    Then,
    Award,
    Exclude,
    Only,
    Status,
    Same,
    Keep,
    Highest,
    Allow,
    Awarded,
    Vetoed,
    Bottom,
    Ming,
    Quota,
    Assume,
    Outcome,
    When,
    Or,
    Not,
    Has,
    Count,
    Grades,
    Otherwise,
    Payouts,
    OfWhich,
    Schedule,
    Due,
    At,
    After,
    Example,
    Unit,
    Scores,
    Expect,
    Date,
    Points,
    Doc,
    Title,
    Id,
    Clause,
}

/// Keyword, its grammar rule name, Chinese spelling, English spelling.
pub const KEYWORDS: &[(Kw, &str, &str, &str)] = &[
    (Kw::Policy, "kw_policy", "考核办法", "policy"),
    (Kw::Issuer, "kw_issuer", "制定", "issuer"),
    (Kw::Year, "kw_year", "年度", "year"),
    (Kw::Basis, "kw_basis", "依据", "basis"),
    (Kw::Window, "kw_window", "期间", "window"),
    (Kw::To, "kw_to", "至", "to"),
    (Kw::Except, "kw_except", "除外", "skip"),
    (Kw::CreditedIn, "kw_credited_in", "已计年度", "credited_in"),
    (Kw::Units, "kw_units", "考核对象", "units"),
    (Kw::Group, "kw_group", "分组", "group"),
    (Kw::Etc, "kw_etc", "等", "..."),
    (Kw::Score, "kw_score", "计分", "score"),
    (Kw::Full, "kw_full", "满分", "full"),
    (Kw::Describe, "kw_describe", "说明", "note"),
    (Kw::ScoredBy, "kw_scored_by", "评分", "scored_by"),
    (Kw::By, "kw_by", "按", "by"),
    (Kw::Scaled, "kw_scaled", "折算", "scaled_from"),
    (Kw::Event, "kw_event", "事项", "event"),
    (Kw::ItemAttr, "kw_item_attr", "计分项", "item"),
    (Kw::Bonus, "kw_bonus", "加分", "bonus"),
    (Kw::Deduct, "kw_deduct", "扣分", "deduct"),
    (Kw::Is, "kw_is", "是", "is"),
    (Kw::In, "kw_in", "属于", "in"),
    (Kw::NotIn, "kw_not_in", "不属于", "not in"),
    (Kw::And, "kw_and", "且", "and"),
    (Kw::UpTo, "kw_up_to", "至多", "up to"),
    (Kw::Half, "kw_half", "减半", "half"),
    (Kw::Times, "kw_times", "乘", "times"),
    (Kw::Cap, "kw_cap", "封顶", "cap"),
    (Kw::Veto, "kw_veto", "一票否决", "veto"),
    (Kw::On, "kw_on", "", "on"),
    (Kw::ZeroItem, "kw_zero_item", "该项清零", "zero_item"),
    (Kw::Revoke, "kw_revoke", "取消", "revoke"),
    (Kw::Rank, "kw_rank", "排名", "rank"),
    (Kw::Total, "kw_total", "总分", "total"),
    (Kw::Desc, "kw_desc", "降序", "desc"),
    (Kw::Asc, "kw_asc", "升序", "asc"),
    (Kw::WithinGroup, "kw_within_group", "分组内", "within group"),
    (Kw::Then, "kw_then", "然后", "then"),
    (Kw::Award, "kw_award", "评优", "award"),
    (Kw::Exclude, "kw_exclude", "不含", "exclude"),
    (Kw::Only, "kw_only", "仅", "only"),
    (Kw::Status, "kw_status", "年度状态", "status"),
    (Kw::Same, "kw_same", "同一", "same"),
    (Kw::Keep, "kw_keep", "只计", "keep"),
    (Kw::Highest, "kw_highest", "最高", "highest"),
    (Kw::Allow, "kw_allow", "允许", "allow"),
    (Kw::Awarded, "kw_awarded", "获得", "awarded"),
    (Kw::Vetoed, "kw_vetoed", "否决", "vetoed"),
    (Kw::Bottom, "kw_bottom", "末", "bottom"),
    (Kw::Ming, "kw_ming", "名", ""),
    (Kw::Quota, "kw_quota", "名额", "quota"),
    (Kw::Assume, "kw_assume", "解释", "assume"),
    (Kw::Outcome, "kw_outcome", "处置", "outcome"),
    (Kw::When, "kw_when", "当", "when"),
    (Kw::Or, "kw_or", "或", "or"),
    (Kw::Not, "kw_not", "非", "not"),
    (Kw::Has, "kw_has", "有", "any"),
    (Kw::Count, "kw_count", "数量", "count"),
    (Kw::Grades, "kw_grades", "等次", "grades"),
    (Kw::Otherwise, "kw_otherwise", "其余", "otherwise"),
    (Kw::Payouts, "kw_payouts", "兑现", "payouts"),
    (Kw::OfWhich, "kw_of_which", "其中", "of which"),
    (Kw::Schedule, "kw_schedule", "日程", "schedule"),
    (Kw::Due, "kw_due", "截止", "due"),
    (Kw::At, "kw_at", "在", ""),
    (Kw::After, "kw_after", "之后", "after"),
    (Kw::Example, "kw_example", "示例", "example"),
    (Kw::Unit, "kw_unit", "单位", "unit"),
    (Kw::Scores, "kw_scores", "得分", "scores"),
    (Kw::Expect, "kw_expect", "预期", "expect"),
    (Kw::Date, "kw_date", "日期", "date"),
    (Kw::Points, "kw_points", "分值", "points"),
    (Kw::Doc, "kw_doc", "文号", "doc"),
    (Kw::Title, "kw_title", "标题", "title"),
    (Kw::Id, "kw_id", "编号", "id"),
    (Kw::Clause, "kw_clause", "条款", "clause"),
];

/// Keywords that begin a top-level declaration: a line starting with one of
/// these at column 0 starts a new part for syntax recovery (§7.28).
pub const TOP_LEVEL: &[Kw] = &[
    Kw::Policy,
    Kw::Units,
    Kw::Score,
    Kw::Event,
    Kw::Bonus,
    Kw::Deduct,
    Kw::Veto,
    Kw::On,
    Kw::Rank,
    Kw::Award,
    Kw::Outcome,
    Kw::Grades,
    Kw::Payouts,
    Kw::Schedule,
    Kw::Example,
];

impl Kw {
    fn entry(self) -> Option<&'static (Kw, &'static str, &'static str, &'static str)> {
        KEYWORDS.iter().find(|e| e.0 == self)
    }

    /// The spelling in `lang`; falls back to the other language's word for
    /// particles that one language does not have.
    pub fn spelling(self, lang: Lang) -> &'static str {
        match (self.entry(), lang) {
            (Some((_, _, zh, _)), Lang::Zh) => zh,
            (Some((_, _, _, en)), Lang::En) => en,
            (None, _) => "",
        }
    }

    /// The spelling shown to a reader in `lang`, never empty.
    pub fn display(self, lang: Lang) -> &'static str {
        let s = self.spelling(lang);
        if s.is_empty() {
            self.spelling(lang.other())
        } else {
            s
        }
    }

    /// The keyword whose grammar rule is `rule_name` (`kw_policy` → `Policy`).
    pub fn from_rule_name(rule_name: &str) -> Option<Kw> {
        KEYWORDS.iter().find(|e| e.1 == rule_name).map(|e| e.0)
    }
}

/// Every spelling of every keyword (both languages), longest first, for
/// recognising a keyword glued to a name (`不含办公室`, §7.4).
pub fn all_spellings() -> Vec<(&'static str, Kw)> {
    let mut v: Vec<(&'static str, Kw)> = KEYWORDS
        .iter()
        .flat_map(|(kw, _, zh, en)| [(*zh, *kw), (*en, *kw)])
        .filter(|(s, _)| !s.is_empty())
        .collect();
    v.sort_by(|a, b| {
        b.0.chars()
            .count()
            .cmp(&a.0.chars().count())
            .then(a.0.cmp(b.0))
    });
    v
}

/// Whether `text` is exactly a keyword in either language (such a name must be
/// written quoted: `「总分」`).
pub fn is_keyword(text: &str) -> bool {
    KEYWORDS
        .iter()
        .any(|(_, _, zh, en)| (!zh.is_empty() && *zh == text) || (!en.is_empty() && *en == text))
}

/// If `word` begins with a keyword, the keyword and the rest written with the
/// spaces it needs (`不含办公室` → (`不含`, `办公室`); `末2名` → (`末`, `2 名`);
/// `且非否决` → (`且`, `非 否决`)).
pub fn split_glued_keyword(word: &str) -> Option<(&'static str, String)> {
    all_spellings().into_iter().find_map(|(spelling, _)| {
        let rest = word.strip_prefix(spelling)?;
        if rest.is_empty() {
            return None;
        }
        let spaced = keyword_run(rest).map_or_else(|| rest.to_string(), |parts| parts.join(" "));
        Some((spelling, spaced))
    })
}

/// `text` as a run of keywords and numbers (`非否决` → [`非`, `否决`],
/// `2名` → [`2`, `名`]), or `None` when any part is a name (`有效期` stays whole).
fn keyword_run(text: &str) -> Option<Vec<&str>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let (number, rest) = text.split_at(digits);
        let mut parts = keyword_run(rest)?;
        parts.insert(0, number);
        return Some(parts);
    }
    all_spellings().into_iter().find_map(|(spelling, _)| {
        let rest = text.strip_prefix(spelling)?;
        let mut parts = keyword_run(rest)?;
        parts.insert(0, text.get(..spelling.len())?);
        Some(parts)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_keywords_are_split_where_spaces_are_needed() {
        assert_eq!(
            split_glued_keyword("不含办公室"),
            Some(("不含", "办公室".to_string()))
        );
        assert_eq!(
            split_glued_keyword("末2名"),
            Some(("末", "2 名".to_string()))
        );
        assert_eq!(split_glued_keyword("总分"), None);
        assert_eq!(split_glued_keyword("办公室"), None);
    }

    /// The grammar spells every keyword exactly as this table does, and the
    /// table knows every `kw_*` rule of the grammar.
    #[test]
    fn grammar_keywords_match_the_table() {
        let grammar = include_str!("../../grammar/kaohe.pest");
        let mut rules = Vec::new();
        for line in grammar.lines().filter(|l| l.starts_with("kw_")) {
            let Some((name, body)) = line.split_once('=') else {
                continue;
            };
            let literals: Vec<String> = body
                .split('"')
                .skip(1)
                .step_by(2)
                .filter(|s| *s != " " && *s != "\\t")
                .map(str::to_string)
                .collect();
            rules.push((name.trim().to_string(), literals));
        }
        assert_eq!(rules.len(), KEYWORDS.len(), "one kw_ rule per keyword");
        for (kw, rule, zh, en) in KEYWORDS {
            let Some((_, literals)) = rules.iter().find(|(n, _)| n == rule) else {
                unreachable!("no grammar rule {rule} for {kw:?}");
            };
            // multi-word English keywords are written word by word in the grammar
            let mut expected: Vec<String> = Vec::new();
            if !zh.is_empty() {
                expected.push(zh.to_string());
            }
            expected.extend(en.split(' ').filter(|w| !w.is_empty()).map(str::to_string));
            assert_eq!(literals, &expected, "{rule}");
        }
        let reserved = grammar.split("reserved = @{").nth(1).unwrap_or("");
        for (_, rule, _, _) in KEYWORDS {
            assert!(reserved.contains(rule), "{rule} is not reserved");
        }
    }
}
