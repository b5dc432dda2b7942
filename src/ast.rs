//! The policy as written: plain data, every node with its span, in source order.
//!
//! Equality ignores where things were written (see [`Loc`]), so two policies
//! are equal when they say the same thing; the formatter and the diff rely on
//! this. The AST keeps the surface
//! forms a drafter chose where they differ in wording (`至多 5` vs `0 至 5`), and
//! nothing here is resolved: names are plain text until `resolve`.

use std::ops::Deref;

use crate::source::Span;
use rust_decimal::Decimal;

/// Where a node was written: its span, which compares equal to every other
/// `Loc`, so that nodes compare by meaning (`parse(fmt(ast)) == ast`, and an
/// optional marker such as `等` compares by presence only). Code that needs
/// the place reads the [`Span`] (`*loc`, or a span's fields through it).
#[derive(Clone, Copy, Default)]
pub struct Loc(pub Span);

impl PartialEq for Loc {
    fn eq(&self, _: &Loc) -> bool {
        true
    }
}

impl std::fmt::Debug for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl Deref for Loc {
    type Target = Span;

    fn deref(&self) -> &Span {
        &self.0
    }
}

impl Loc {
    /// The smallest place covering both.
    pub fn to(self, other: impl Into<Span>) -> Loc {
        Loc(self.0.to(other.into()))
    }
}

impl From<Span> for Loc {
    fn from(span: Span) -> Loc {
        Loc(span)
    }
}

impl From<Loc> for Span {
    fn from(loc: Loc) -> Span {
        loc.0
    }
}

/// A whole policy file: its top-level declarations in source order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Policy {
    /// The declarations as written. Their order changes no ruling (a name may be
    /// used before it is declared, §7.8), only the order reports list things in.
    pub decls: Vec<Stmt<Decl>>,
}

/// A statement with what every statement may carry: a citation, notes and an
/// assumption (`解释`), and its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt<T> {
    /// What the statement says.
    pub node: T,
    /// Its citation, notes and assumption, taken out of the statement wherever
    /// they stood in it.
    pub meta: Meta,
    /// The whole statement (a block's included), up to its last token: trailing
    /// spaces and end-of-line comments are not part of it.
    pub span: Loc,
}

/// The annotations any statement may carry besides what it says: they change
/// no ruling, but rulings show the citation and the assumption.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// `【…】`, `§"…"` or `条款 "…"` (`clause "…"`): at most one (KH104). When
    /// absent, the compiler gives a rule, an award clause, a tier or a sub-item
    /// its block's (§7.5).
    pub citation: Option<Citation>,
    /// Bare strings that are not a display label (§7.6), such as the
    /// `"中心办公室只参加考核…"` of `不含 办公室 "…"`, in source order.
    pub notes: Vec<Text>,
    /// `解释 "…"` (`assume "…"`): how the policy quantified a vague phrase of the
    /// source text; rulings list every one. Its span covers the keyword too.
    pub assumption: Option<Text>,
}

/// `【四(四)1】`, `§"4(4)1"` or `clause "…"`; the text is kept verbatim.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The clause reference between the brackets or quotes, as written (`四(四)1`).
    pub text: String,
    /// Which of the three spellings was used, so that `kaohe fmt` keeps it.
    pub style: CiteStyle,
    /// The whole citation, brackets or keyword included.
    pub span: Loc,
}

/// The spelling of a citation (§7.5); all three mean the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiteStyle {
    /// `【四(四)1】`, as Chinese documents number their clauses.
    Bracket,
    /// `§"4(4)1"`, the ASCII spelling.
    Section,
    /// `条款 "…"` / `clause "…"`.
    Clause,
}

/// A name as written (quotes removed).
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The name without its `「」` or backquotes; compared verbatim with
    /// declared names and with data keys (no normalisation).
    pub text: String,
    /// Where the name stands (quotes included); "unknown name" findings underline it.
    pub span: Loc,
}

/// The contents of a string literal (quotes removed).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The string between `"…"` or `“…”`, verbatim (no escapes exist).
    pub text: String,
    /// Where the literal stands, quotes included (for an assumption, the
    /// `解释` keyword too).
    pub span: Loc,
}

/// A decimal literal, exact as written (`0.50` keeps its scale).
#[derive(Debug, Clone, PartialEq)]
pub struct Num {
    /// The exact value; a literal too large for a decimal was reported (KH103)
    /// and reads as 0.
    pub value: Decimal,
    /// Where the literal stands; KH302 and KH103 findings underline it.
    pub span: Loc,
}

/// `2019-05-10`, or `05-10` (year `None`: the policy year).
#[derive(Debug, Clone, PartialEq)]
pub struct DateLit {
    /// The year when written in full; `None` for a month-day, which means that
    /// day of the policy `年度` and is checked against it later (`02-29`).
    pub year: Option<i32>,
    /// The month as written, 1–12 once validated (a bad date is KH103).
    pub month: u32,
    /// The day of the month as written.
    pub day: u32,
    /// Where the date stands.
    pub span: Loc,
}

/// A top-level declaration: each starts a line with its keyword (§7.28).
#[derive(Debug, Clone, PartialEq)]
pub enum Decl {
    /// `考核办法 "…" { … }` (`policy`): title, issuer, year, window, skipped years.
    Header(Header),
    /// `考核对象 { 分组 … }` (`units`): the assessed units, group by group.
    Units(Vec<Stmt<Group>>),
    /// `计分 满分 N { … }` (`score full N`): the score tree.
    Score(ScoreTree),
    /// `事项 KIND { … }` (`event`) at top level: an event kind and its attributes (§7.7).
    Kind(KindDecl),
    /// `加分 { … }` or `扣分 { … }` (`bonus` / `deduct`): a section of adjustment rules.
    Adjust(Section),
    /// `一票否决 …` (`veto`): what vetoes a unit.
    Veto(Veto),
    /// `KIND … => 该项清零, 取消 AWARD` (`on KIND => zero_item, revoke AWARD`).
    Finding(Finding),
    /// `排名 按 …` (`rank by …`): the ranking key and scope.
    Ranking(Ranking),
    /// `评优 NAME { … }` (`award`): an award, its exclusions and quota.
    Award(Award),
    /// `处置 NAME 当 COND` (`outcome … when …`): a flag such as 诫勉.
    Outcome(Outcome),
    /// `等次 { … }` (`grades`): the grade tiers, best first.
    Grades(Vec<Stmt<Tier>>),
    /// `兑现 { … }` (`payouts`): amounts due to units for an outcome, a grade
    /// tier or an award.
    Payouts(Vec<Stmt<Payout>>),
    /// `日程 { … }` (`schedule`): the assessment's steps; checked (KH602), not evaluated.
    Schedule(Vec<Stmt<Step>>),
    /// `示例 "…" { … }` (`example`): a worked case that `kaohe test` runs.
    Example(Example),
}

/// `考核办法 "title" { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The policy's title, shown at the head of every ruling.
    pub title: Text,
    /// The header's statements in source order (a repeated `年度`, `期间` or
    /// `制定` is KH106, but all are kept).
    pub stmts: Vec<Stmt<HeaderStmt>>,
}

/// One statement of the header.
#[derive(Debug, Clone, PartialEq)]
pub enum HeaderStmt {
    /// `制定 "…"` (`issuer`): the issuing office.
    Issuer(Text),
    /// `年度 N` (`year`): the assessment year, a whole number; required (KH105).
    /// Month-days and the default window are read in it.
    Year(Num),
    /// `依据 "…", "…"` (`basis`): the documents the policy rests on; kept for
    /// `kaohe fmt` and `kaohe diff`, not compiled.
    Basis(Vec<Text>),
    /// `期间 A 至 B` (`window A to B`): only events dated in it, both ends
    /// included, are counted; without it, the whole policy year.
    Window {
        /// The first counted day.
        from: DateLit,
        /// The last counted day.
        to: DateLit,
    },
    /// `除外 已计年度 N` (`skip credited_in N`): events the data marks as
    /// credited in year N are not counted ("2018年度已加分的除外"); may repeat.
    SkipCreditedIn(Num),
}

/// `分组 NAME "label" { members }`; `open` is the span of `等` when the list is open.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The group's name, which data rows give in `group` for units of an open group.
    pub name: Name,
    /// `"机关处(室)"` right after the name: the formal name, for display (§7.6).
    pub label: Option<Text>,
    /// The listed units in source order; empty for `分组 直属单位 等`.
    pub members: Vec<Stmt<UnitDecl>>,
    /// Where `等` (`...`) stands: present, the list is open and the data may add
    /// units naming this group; absent, the data must name exactly the members (§3).
    pub open: Option<Loc>,
}

/// One listed unit of a group: `办公室 "办公室(机关党委)"`.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDecl {
    /// The unit's name, as the data's `unit` must give it.
    pub name: Name,
    /// The formal name after it, for display (§7.6).
    pub label: Option<Text>,
}

/// `计分 满分 100 { items }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreTree {
    /// `满分 N` (`full N`): must equal the sum of the top items' maxima (KH301);
    /// when left out, that sum is the full score and nothing is checked.
    pub full: Option<Num>,
    /// The top items in source order; their sum is a unit's base score.
    pub items: Vec<Stmt<Item>>,
}

/// One item of the score tree: `NAME MAX [按 S 折算] [评分 X] [说明 "…"] [{ children }]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The item's name, used as the key of the data's `scores` and in conditions.
    pub name: Name,
    /// The most the item contributes; a leaf is scored in [0, max], a parent's
    /// must equal its children's sum (KH301). Written as a weight (`80%`), it
    /// is that share of the parent's maximum (of `满分` for a top item).
    pub max: Num,
    /// `80%` (a weighted sub-scale): the share as written; the weights of a
    /// parent's children must add up to 100% (KH301).
    pub weight: Option<Num>,
    /// `按 S 折算` (`scaled_from S`): the data gives the item on a 0–S scale and
    /// it contributes `value × max / S` (§7.13); leaves only (KH207).
    pub scale: Option<Num>,
    /// `说明 "…"` (English `note "…"`): what the item covers, such as the
    /// source's parenthesised text; at most one (KH104).
    pub description: Option<Text>,
    /// `评分 NAME` (`scored_by`): who scores it, a free name (not in the shared
    /// namespace) that groups columns in data templates.
    pub scorer: Option<Name>,
    /// Sub-items in `{ … }`; empty for a leaf. Only leaves are scored from data;
    /// a parent is the sum of its children.
    pub children: Vec<Stmt<Item>>,
}

/// `事项 NAME { attr: v | w; attr: 计分项 }`.
#[derive(Debug, Clone, PartialEq)]
pub struct KindDecl {
    /// The kind's name, as the data's `kind` gives it and rules name it.
    pub name: Name,
    /// Declared attributes in source order; every event of the kind must give
    /// each one (§7.29). Empty for a kind without `{ … }`.
    pub attrs: Vec<Stmt<AttrDecl>>,
    /// `年度状态` (`status`): a yearly status (a death toll down three years
    /// running), given without a date and counted at most once per unit.
    /// Where the keyword stands.
    pub status: Option<Loc>,
}

/// One attribute of an event kind: `层级: 国家 | 部委 | …` or `项目: 计分项`.
#[derive(Debug, Clone, PartialEq)]
pub struct AttrDecl {
    /// The attribute's name, a data key of the event; a reserved key
    /// (`date`, `points`, …) cannot be one (KH204).
    pub name: Name,
    /// The values the attribute may take.
    pub domain: Domain,
}

/// What values an event attribute may take.
#[derive(Debug, Clone, PartialEq)]
pub enum Domain {
    /// `国家 | 部委 | …`: one of these names, in declared order (the order
    /// witnesses follow, §7.27).
    Values(Vec<Name>),
    /// `计分项`: the value is an item name.
    Items(Loc),
}

/// Which way a section moves the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// `加分` (`bonus`): amounts are added.
    Bonus,
    /// `扣分` (`deduct`): amounts are written positive and subtracted.
    Deduct,
}

/// `加分 { … }` or `扣分 { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Whether the section's rules add or subtract.
    pub direction: Direction,
    /// Its rules and its cap, in source order.
    pub entries: Vec<Stmt<SectionEntry>>,
}

/// One line of a `加分`/`扣分` section.
#[derive(Debug, Clone, PartialEq)]
pub enum SectionEntry {
    /// `封顶 N` (`cap N`) on its own line: the most the whole section adds up to
    /// for one unit, after rule caps (§7.11); at most one (KH104).
    Cap(Num),
    /// `仅 …` / `不含 …` on its own line: every rule of the section applies
    /// only to these units, as if each rule said it.
    Scope(UnitScope),
    /// `同一 KEY 只计 最高` (`same KEY keep highest`): of the section's
    /// events that share the key, only the one earning most counts; at most
    /// one per section (KH104).
    Dedup(DedupKey),
    /// An adjustment rule.
    Rule(Rule),
}

/// What makes two events "the same content" for `同一 … 只计 最高`.
#[derive(Debug, Clone, PartialEq)]
pub enum DedupKey {
    /// `编号` (`id`): the events' `id` in the data.
    Id(Loc),
    /// An attribute of the section's kinds: equal values (by name).
    Attr(Name),
}

/// `仅 县 | 区` (`only …`) or `不含 办公室` (`exclude …`): the units a rule
/// applies to, by group or by unit. Several on one rule (or its section)
/// all hold: `仅 县 不含 柯桥区`.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitScope {
    /// `仅` (true) keeps only the named units; `不含` (false) leaves them out.
    pub only: bool,
    /// Groups or units, told apart by `resolve`.
    pub names: Vec<Name>,
    /// The whole clause, keyword to last name.
    pub span: Loc,
}

/// `KIND conditions => amount [封顶 N]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The event kind the rule applies to.
    pub kind: Name,
    /// Attribute tests the event must all pass; none: every event of the kind.
    pub conditions: Vec<Condition>,
    /// What a matching event is worth: a base amount or a modifier.
    pub amount: Amount,
    /// `封顶 N` after the amount: the most this rule's events add up to for one
    /// unit (§7.11). Accepted on a modifier too, where it has no effect.
    pub cap: Option<Num>,
    /// `仅 …` / `不含 …` after the amount: the units the rule applies to;
    /// none: every unit (its section's scopes still hold).
    pub scopes: Vec<UnitScope>,
}

/// `ATTR 是 V`, `ATTR 属于 V | W`, `ATTR 不属于 V | W`.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The attribute tested, one of the kind's.
    pub attr: Name,
    /// The values that pass.
    pub test: Test,
    /// The whole test, attribute to last value.
    pub span: Loc,
}

/// How an attribute test names the values that pass.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// `是 V` (`is V`): exactly this value.
    Is(Name),
    /// `属于 V | W` (`in V | W`): any of these.
    In(Vec<Name>),
    /// `不属于 V | W` (`not in V | W`): any value of the domain but these.
    NotIn(Vec<Name>),
}

/// The amount after `=>` in a rule. The first three are base amounts (exactly
/// one base rule per counted event), the last two modifiers (§3).
#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    /// `10`: each matching event is worth this.
    Fixed(Num),
    /// `1 至 3` (`1 to 3`): the event's `points` gives the amount and must lie
    /// in [low, high], both included.
    Range(Num, Num),
    /// `至多 5` (`up to 5`): the same as `0 至 5`, kept apart so `kaohe fmt`
    /// writes what the drafter wrote.
    UpTo(Num),
    /// `减半` (`half`): a modifier, × 0.5; the span is the keyword's.
    Half(Loc),
    /// `乘 F` (`times F`): a modifier, × F.
    Times(Num),
}

impl Amount {
    /// A modifier multiplies the base amount; it is not a base rule.
    pub fn is_modifier(&self) -> bool {
        matches!(self, Amount::Half(_) | Amount::Times(_))
    }
}

/// `一票否决 …`: what vetoes a unit (§7.14). A vetoed unit keeps its total
/// but gets no rank and no award, and takes the last grade tier.
#[derive(Debug, Clone, PartialEq)]
pub enum Veto {
    /// `一票否决 KIND [conditions]`: one counted event of the kind passing the
    /// tests vetoes its unit.
    Event {
        /// The event kind, e.g. 严重违纪违法.
        kind: Name,
        /// Attribute tests the event must pass; none: any event of the kind.
        conditions: Vec<Condition>,
    },
    /// `一票否决 当 COND` (`veto when COND`): decided before ranking, so COND
    /// may not read `排名` or `末 N 名` (KH206).
    When(Cond),
}

/// `KIND conditions => 该项清零, 取消 AWARD`.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The event kind that triggers it (弄虚作假); for `该项清零` it needs
    /// exactly one `计分项` attribute (KH205).
    pub kind: Name,
    /// Attribute tests the event must pass; none: any event of the kind.
    pub conditions: Vec<Condition>,
    /// What happens to the unit, in source order.
    pub actions: Vec<FindingAction>,
}

/// One consequence of a finding (§7.12).
#[derive(Debug, Clone, PartialEq)]
pub enum FindingAction {
    /// `该项清零` (`zero_item`): the item the event's `计分项` attribute names
    /// scores 0 (a parent: all its leaves).
    ZeroItem(Loc),
    /// `取消 AWARD` (`revoke AWARD`): the unit is not eligible for the award,
    /// as if the award said `不含 KIND`.
    Revoke(Name),
}

/// `排名 按 KEY ORDER [分组内] [然后 按 KEY ORDER]…`.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// The first key (`按 …`), then each tie-break (`然后 按 …`) in order;
    /// units equal on all of them share a rank (§7.15).
    pub keys: Vec<RankKey>,
    /// Where `分组内` (`within group`) stands: present, each group is ranked on
    /// its own, and `末 N 名`, quotas and grades apply per group.
    pub within_group: Option<Loc>,
}

/// One ranking key: `总分 降序`, `目标任务 升序`.
#[derive(Debug, Clone, PartialEq)]
pub struct RankKey {
    /// What is compared.
    pub target: KeyTarget,
    /// Which way; `降序` when the order is not written (so `kaohe fmt` always
    /// writes it).
    pub order: Order,
    /// The key as written, order included.
    pub span: Loc,
}

/// What a ranking key compares.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyTarget {
    /// `总分` (`total`): the unit's total.
    Total,
    /// An item: its contribution, after scaling and findings (§7.13).
    Item(Name),
}

/// The direction of a ranking key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `降序` (`desc`): the largest value ranks first.
    Desc,
    /// `升序` (`asc`): the smallest value ranks first.
    Asc,
}

/// `评优 NAME "label" { 不含 …; 名额 … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Award {
    /// The award's name, which findings revoke and expectations name.
    pub name: Name,
    /// `"年度先进处室(单位)"` right after the name: its formal title, for display.
    pub label: Option<Text>,
    /// Its exclusions, quota and accepted outcomes, in source order.
    pub clauses: Vec<Stmt<AwardClause>>,
}

/// One statement inside an award's block.
#[derive(Debug, Clone, PartialEq)]
pub enum AwardClause {
    /// `不含 …` (`exclude …`): units it applies to are not eligible.
    Exclude(Exclusion),
    /// `名额 N` or `名额 P%` (`quota`): how many of the top eligible units are
    /// selected; at most one per award (KH104).
    Quota(Quota),
    /// `允许 OUTCOME`: a unit may get the award and the outcome at once.
    Allow(Name),
    /// `名额 GROUP N` or `名额 GROUP P%`: places for the units of one group,
    /// the group's ranked units in rank order; an award with these has one
    /// per group it does not exclude, and no plain `名额` (KH306).
    GroupQuota {
        /// The group.
        group: Name,
        /// Its places.
        quota: Quota,
    },
}

/// What a `不含` excludes (§7.9).
#[derive(Debug, Clone, PartialEq)]
pub enum Exclusion {
    /// `不含 否决` (`exclude vetoed`): vetoed units (excluded anyway, §3; this
    /// makes the clause cite it).
    Vetoed(Loc),
    /// `不含 末 N 名` (`exclude bottom N`): the last N ranked units of the scope.
    Bottom(BottomN),
    /// A unit, group, event kind, outcome, grade tier or award (told apart by `resolve`).
    Name(Name),
}

/// `末 N 名`.
#[derive(Debug, Clone, PartialEq)]
pub struct BottomN {
    /// N, a whole positive number: a ranked unit is in it when (ranked units
    /// strictly after it on the whole key) + 1 ≤ N (§7.15).
    pub n: Num,
    /// The whole `末 N 名` (`bottom N`).
    pub span: Loc,
}

/// `名额 …` of an award or a grade tier.
#[derive(Debug, Clone, PartialEq)]
pub enum Quota {
    /// `名额 3`: at most this many units, a whole number.
    Count(Num),
    /// `名额 30%`: the number before `%` (0–100); places are
    /// ⌊P% × ranked units in scope⌋ (§7.16).
    Percent(Num),
}

/// `处置 NAME 当 COND`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The outcome's name (诫勉, 问责审查), which awards exclude or allow.
    pub name: Name,
    /// `当 COND`: the units it flags.
    pub when: Cond,
}

/// A condition of `处置`, `等次` or `一票否决 当` (§7.19), with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Cond {
    /// The condition's shape.
    pub node: CondNode,
    /// The condition as written; KH501 quotes an atom by it.
    pub span: Loc,
}

/// A condition of `处置`, `等次` or `一票否决 当` (§7.19): `非` binds tighter
/// than `且`, which binds tighter than `或`.
#[derive(Debug, Clone, PartialEq)]
pub enum CondNode {
    /// `A 或 B …` (`or`): any holds.
    Or(Vec<Cond>),
    /// `A 且 B …` (`and`): all hold.
    And(Vec<Cond>),
    /// `非 A` (`not`): A does not hold.
    Not(Box<Cond>),
    /// `总分 < 80`: a unit value against a number. For a vetoed unit a
    /// comparison on 总分 or 排名 is false (§7.14).
    Compare {
        /// What is compared.
        operand: Operand,
        /// The operator (`<`, `>=`, `=`, …).
        op: CmpOp,
        /// The number it is compared with.
        value: Num,
    },
    /// `末 N 名` (`bottom N`): the unit is among the last N ranked of its scope.
    Bottom(BottomN),
    /// `否决` (`vetoed`): the unit is vetoed.
    Vetoed,
    /// `有 加分` / `有 扣分` (`any bonus` / `any deduct`): at least one counted
    /// event matched a base rule of such a section.
    HasAdjust(Direction),
    /// `有 KIND [conditions]` (`any KIND …`): at least one counted event of the
    /// kind passing the tests.
    HasKind {
        /// The event kind.
        kind: Name,
        /// Attribute tests the event must pass. They bind to the kind: an `且`
        /// followed by `ATTR 是 V` belongs here (docs/language.md §3.11).
        conditions: Vec<Condition>,
    },
    /// `数量(KIND conditions) OP n` (`count(…)`): how many counted events of
    /// the kind pass the tests, against a number.
    Count {
        /// The event kind.
        kind: Name,
        /// Attribute tests the events must pass.
        conditions: Vec<Condition>,
        /// The operator the count is compared with.
        op: CmpOp,
        /// The number it is compared with.
        value: Num,
    },
    /// `属于 GROUP` (`in GROUP`): the unit belongs to the group.
    InGroup(Name),
    /// `等次 是 优秀` / `等次 属于 优秀 | 良好` (`grades is …`): the unit's grade
    /// tier is one of these. Pending when the tier is (§7.31).
    Grade(Test),
    /// `获得 先进` (`awarded 先进`): the unit gets the award, selected (or,
    /// without a quota, eligible). Pending when that is (§7.31).
    Awarded(Name),
}

/// The left side of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// `总分` (`total`): base + bonus − deduction.
    Total,
    /// `排名` (`rank`): the rank in the scope.
    Rank,
    /// `加分` (`bonus`): the unit's bonus after caps.
    Bonus,
    /// `扣分` (`deduct`): the unit's deduction after caps.
    Deduct,
    /// An item's contribution, after scaling and findings (§7.13); a name that
    /// equals a keyword is quoted (`「总分」`).
    Item(Name),
}

/// A comparison operator; full-width forms and `≥` `≤` `≠` are read as their
/// ASCII twins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`, `≤`
    Le,
    /// `>`
    Gt,
    /// `>=`, `≥`
    Ge,
    /// `=` or `==`
    Eq,
    /// `!=`, `≠`
    Ne,
}

impl CmpOp {
    /// The ASCII spelling the docs use (`<=`, `!=`).
    pub fn ascii(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
        }
    }
}

/// A grade tier: `NAME 当 COND [名额 Q]` or `NAME 其余`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tier {
    /// The tier's name (优秀, 较差), which expectations name with `等次`.
    pub name: Name,
    /// `None` for `其余`.
    pub when: Option<Cond>,
    /// `名额 Q`: at most this many units of the scope take the tier (§7.18).
    pub quota: Option<Quota>,
}

/// `优秀 => 奖金 10000 元, 其中 主要负责人 20% 仅 旗县区`: what a unit is
/// due when the outcome flags it, it takes the grade tier or gets the award.
#[derive(Debug, Clone, PartialEq)]
pub struct Payout {
    /// The outcome, grade tier or award it is paid for.
    pub target: Name,
    /// The amount's name (奖金), a free word: totals add amounts of one name
    /// and measure.
    pub amount: Name,
    /// How much, not negative.
    pub value: Num,
    /// Its measure (元, 分), if written: a free word shown after the number.
    pub measure: Option<Name>,
    /// `其中 NAME P%` (`of which`): parts of the amount for someone, P% of it
    /// each (together at most 100%).
    pub shares: Vec<Share>,
    /// `仅 …` / `不含 …`: the units it is for.
    pub scopes: Vec<UnitScope>,
}

/// `其中 主要负责人 20%`.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// Who the part is for (a free word).
    pub to: Name,
    /// The number before `%`.
    pub percent: Num,
}

/// A schedule step: `NAME [截止 DATE] [在 A, B 之后]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The step's name, in the shared namespace.
    pub name: Name,
    /// `截止 DATE` (`due`): its deadline, usually a month-day of the policy year;
    /// the last one when repeated (KH104).
    pub due: Option<DateLit>,
    /// `在 A, B 之后` (`after A, B`): steps that must come first; several
    /// clauses are joined.
    pub after: Vec<Name>,
}

/// `示例 "title" { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The example's title, which `kaohe test` reports.
    pub title: Text,
    /// Its statements in order; each `单位` starts a new unit.
    pub stmts: Vec<Stmt<ExampleStmt>>,
}

/// One statement of an example.
#[derive(Debug, Clone, PartialEq)]
pub enum ExampleStmt {
    /// `单位 NAME [分组 GROUP]`: the following lines are about this unit.
    Unit {
        /// The unit's name: a listed unit, or a new one of an open group.
        name: Name,
        /// `分组 GROUP` (`group`): needed for a unit an open group does not list.
        group: Option<Name>,
    },
    /// `得分 ITEM N, …` (`scores`): leaf scores, scaled items on their own scale.
    Scores(Vec<ScoreEntry>),
    /// `事项 KIND { … }` (`event`): one event of the unit.
    Event(EventLit),
    /// `预期 …` (`expect`): facts the evaluation must give for the unit.
    Expect(Vec<Expectation>),
}

/// `ITEM N` in an example's `得分`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreEntry {
    /// The leaf item scored (a parent is KH207).
    pub item: Name,
    /// The score as the data would give it.
    pub value: Num,
}

/// `事项 KIND { key value, … }` inside an example.
#[derive(Debug, Clone, PartialEq)]
pub struct EventLit {
    /// The event's kind.
    pub kind: Name,
    /// Its attributes and reserved fields, in source order.
    pub fields: Vec<Field>,
}

/// `KEY [:] VALUE` of an example event.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// A reserved field or an attribute.
    pub key: FieldKey,
    /// The value, told apart by how its token looks (date, number, string, name).
    pub value: FieldValue,
    /// The whole field.
    pub span: Loc,
}

/// The key of an example event's field: the reserved keys of §3 and §7.29, or
/// a declared attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKey {
    /// `日期` (`date`): required; decides whether the event is in the window.
    Date,
    /// `分值` (`points`): the amount for a range rule (§7.10).
    Points,
    /// `文号` (`doc`): the document number, shown in rulings.
    Doc,
    /// `标题` (`title`): what the event was, in words.
    Title,
    /// `已计年度` (`credited_in`): the year the event was already credited in,
    /// a whole number; skipped years are not counted.
    CreditedIn,
    /// `编号` (`id`): the event's identifier in the data.
    Id,
    /// `提出单位` (`proposed_by`): who proposed the points, by its sheet
    /// header (no keyword: a plain name, read as this field; see
    /// [`FieldKey::PROPOSED_BY`]).
    ProposedBy,
    /// A declared attribute of the kind, such as `层级`.
    Attr(Name),
}

impl FieldKey {
    /// The Chinese and English names of [`FieldKey::ProposedBy`]: the event
    /// sheet's header and the data key (`contract::PROPOSED_BY` holds the same).
    pub const PROPOSED_BY: [&'static str; 2] = ["提出单位", "proposed_by"];
}

/// The value of an example event's field, as its token looked.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// A date or month-day.
    Date(DateLit),
    /// A number (`分值 2`, `已计年度 2018`).
    Number(Num),
    /// A string (`文号 "浙政发〔2019〕12号"`).
    Text(Text),
    /// A name: an attribute value (`层级 省政府`) or an item for `计分项`.
    Name(Name),
}

/// One fact after `预期`.
#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    /// What is expected.
    pub node: Expect,
    /// The expectation as written; a failed one is reported there.
    pub span: Loc,
}

/// A fact an example expects of its unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    /// `总分 N` (`total N`).
    Total(Num),
    /// `加分 N` (`bonus N`): the bonus after caps.
    Bonus(Num),
    /// `扣分 N` (`deduct N`): the deduction after caps, positive.
    Deduct(Num),
    /// `排名 N` (`rank N`): the rank among the example's units, a whole number.
    Rank(Num),
    /// `否决` (true) or `非 否决` (false).
    Vetoed(bool),
    /// `等次 NAME` (`grades NAME`): the tier the unit takes.
    Grade(Name),
    /// An award or an outcome; `holds` is false after `非`. An award with a
    /// quota must be selected, one without must be eligible; an outcome must flag.
    Flag {
        /// The award or outcome.
        name: Name,
        /// Whether it must hold (`非 NAME`: must not).
        holds: bool,
    },
}
