//! The words of rulings and diffs: one table, each word's Chinese and
//! English on one line, so the two languages cannot drift apart. Sentences
//! of findings live with the findings (`diag/text/`), keywords in
//! [`super::keywords`].

use super::Lang;

/// Declares [`Words`] and its two instances from `name: "中文", "English";`
/// lines, each line a word in both languages.
macro_rules! words {
    ($($(#[$doc:meta])* $name:ident: $zh:expr, $en:expr;)*) => {
        /// Every word of rulings and diffs, in one language.
        pub struct Words {
            $($(#[$doc])* pub $name: &'static str,)*
        }

        const ZH: Words = Words { $($name: $zh,)* };
        const EN: Words = Words { $($name: $en,)* };
    };
}

words! {
    // Rulings (text, JSON, Markdown, HTML, CSV, XLSX).
    policy_hash: "考核办法 sha256", "policy sha256";
    data_hash: "数据 sha256", "data sha256";
    year_suffix: "年度", "";
    ranking: "排名", "Ranking";
    rank: "名次", "rank";
    unit: "单位", "unit";
    group: "分组", "group";
    total: "总分", "total";
    base: "基础分", "base";
    bonus: "加分", "bonus";
    deduction: "扣分", "deduction";
    grade: "等次", "grade";
    items: "计分项", "Items";
    events: "事项", "Events";
    caps: "封顶", "Caps";
    veto: "一票否决", "Veto";
    awards: "评优", "Awards";
    outcomes: "处置", "Outcomes";
    assumptions: "解释（办法中对原文的量化）", "Assumptions (the policy's quantification of the source text)";
    no_events: "（无）", "(none)";
    vetoed: "否决", "vetoed";
    yes: "是", "yes";
    no: "否", "no";
    eligible: "符合条件", "eligible";
    not_eligible: "不符合条件", "not eligible";
    selected: "入选", "selected";
    not_selected: "未入选", "not selected";
    pending: "待定（名额边界并列，需研究决定）", "pending (tied across the quota boundary: needs a decision)";
    counted: "计入", "counted";
    not_counted: "不计入", "not counted";
    outside_window: "日期不在期间内", "dated outside the window";
    credited_in: "已计入", "already credited in";
    no_rule: "没有适用的规则", "no rule applies";
    not_for_unit: "规则不适用于本单位", "the rule does not apply to this unit";
    status_once: "年度状态只计一次，已由", "a yearly status counts once, already counted by";
    status_counted: "计入", "";
    yearly_status: "年度状态", "yearly status";
    duplicate_of: "与", "duplicate of";
    same_key: "同一", "same ";
    highest_counts: "只计分值最高的一项", "only the highest counts";
    rule: "规则", "rule";
    capped: "封顶", "capped";
    cleared: "已清零", "cleared";
    scaled: "折算", "scaled";
    data_value: "数据", "data";
    section_bonus: "加分", "bonus";
    section_deduct: "扣分", "deduct";
    by_veto: "一票否决", "veto";
    by_finding: "查实", "finding";
    by_condition: "用于条件", "used by a condition";
    vetoed_no_award: "被一票否决，不参加评优", "vetoed: no award";
    exclude: "不含", "exclude";
    bottom: "末", "bottom";
    bottom_end: "名", "";
    half: "减半", "half";
    times: "乘", "times";
    pending_note: "待定", "pending";
    pending_decision: "待定（所依据的判定待定）", "pending (it rests on a decision still pending)";
    may_apply: "可能适用", "may apply";
    no_grade: "（无等次）", "(no grade)";
    to: "至", "to";
    assume: "解释", "assume";
    units_count: "个单位", "units";
    /// Punctuation: `：` / `: ` and so on.
    colon: "：", ": ";
    semicolon: "；", "; ";
    comma: "，", ", ";
    open: "（", " (";
    close: "）", ")";
    /// Around an event's `title` (a document's name).
    title_open: "《", "“";
    title_close: "》", "”";
    /// Before an event's `id`.
    event_id: "编号 ", "id ";
    /// Before who scored an item (`评分 X`).
    scored_by: "评分 ", "scored by ";
    /// Before who proposed an event's points.
    proposed_by: "提出单位 ", "proposed by ";
    gap: "　", "  ";
    dash: " —— ", " — ";
    credited_after: " 年度（除外）", " (skipped)";
    // Document reports (HTML, Markdown, CSV, XLSX).
    issuer: "制定", "issued by";
    year: "年度", "year";
    report: "考核结果", "Assessment results";
    chart: "总分图", "Totals";
    explanations: "各单位说明", "Each unit explained";
    decisions: "名单", "Lists";
    award_lists: "评优", "Awards";
    outcome_lists: "处置", "Outcomes";
    grade_lists: "等次", "Grades";
    payout_lists: "兑现", "Payouts";
    payouts: "兑现", "Payouts";
    of_which: "其中", "of which";
    total_word: "合计", "total";
    quota: "名额", "quota";
    none: "（无）", "(none)";
    list_sep: "、", "; ";
    section: "类别", "section";
    what: "内容", "what";
    points: "分数", "points";
    why: "说明", "why";
    clause: "条款", "clause";
    item_row: "计分项", "item";
    event_row: "事项", "event";
    cap_row: "封顶", "cap";
    veto_row: "一票否决", "veto";
    award_row: "评优", "award";
    outcome_row: "处置", "outcome";
    results_sheet: "结果", "Results";
    explanations_sheet: "说明", "Explanations";
    policy_sheet: "办法", "Policy";
    title: "名称", "title";
    binary_to_terminal: "xlsx 是二进制文件，不能写到终端：请用 -o 文件，或重定向到文件", "xlsx is binary and is not written to a terminal: use -o FILE, or redirect to a file";
    score_of_max: "得分 / 分值", "score / max";
    /// Column names (lower case in English, like the other columns).
    awards_col: "评优", "awards";
    outcomes_col: "处置", "outcomes";
    // Diffs (`kaohe diff`).
    heading: "考核办法差异", "Policy diff";
    no_differences: "无差异", "no differences";
    old: "旧", "old";
    new: "新", "new";
    renamed_from: "改名", "renamed";
    is_in: "属于", "in";
    no_tests: "（无条件）", "(no tests)";
    up_to: "至多", "up to";
    deduct: "扣分", "deduct";
    data: "数据", "Data";
    old_rejects: "旧办法不接受这些数据：", "The old policy rejects this data:";
    new_rejects: "新办法不接受这些数据：", "The new policy rejects this data:";
    units_changed: "结果有变化的单位（旧 → 新）：", "Units whose results change (old → new):";
    units_unchanged: "结果未变化的单位", "Units whose results do not change";
    no_unit_changed: "没有单位的结果变化。", "No unit's result changes.";
    award_unit: "单位", "unit";
    award: "评优", "award";
    outcome: "处置", "outcome";
}

/// The words in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&ZH, &EN)
}
