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
    pub decls: Vec<Stmt<Decl>>,
}

/// A statement with what every statement may carry: a citation, notes and an
/// assumption (`解释`), and its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt<T> {
    pub node: T,
    pub meta: Meta,
    pub span: Loc,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub citation: Option<Citation>,
    pub notes: Vec<Text>,
    /// `解释 "…"`; its span covers the keyword too.
    pub assumption: Option<Text>,
}

/// `【四(四)1】`, `§"4(4)1"` or `clause "…"`; the text is kept verbatim.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    pub text: String,
    pub style: CiteStyle,
    pub span: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiteStyle {
    Bracket,
    Section,
    Clause,
}

/// A name as written (quotes removed).
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub text: String,
    pub span: Loc,
}

/// The contents of a string literal (quotes removed).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub text: String,
    pub span: Loc,
}

/// A decimal literal, exact as written (`0.50` keeps its scale).
#[derive(Debug, Clone, PartialEq)]
pub struct Num {
    pub value: Decimal,
    pub span: Loc,
}

/// `2019-05-10`, or `05-10` (year `None`: the policy year).
#[derive(Debug, Clone, PartialEq)]
pub struct DateLit {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    pub span: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Decl {
    Header(Header),
    Units(Vec<Stmt<Group>>),
    Score(ScoreTree),
    Kind(KindDecl),
    Adjust(Section),
    Veto(Veto),
    Finding(Finding),
    Ranking(Ranking),
    Award(Award),
    Outcome(Outcome),
    Grades(Vec<Stmt<Tier>>),
    Schedule(Vec<Stmt<Step>>),
    Example(Example),
}

/// `考核办法 "title" { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub title: Text,
    pub stmts: Vec<Stmt<HeaderStmt>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum HeaderStmt {
    Issuer(Text),
    Year(Num),
    Basis(Vec<Text>),
    Window { from: DateLit, to: DateLit },
    SkipCreditedIn(Num),
}

/// `分组 NAME "label" { members }`; `open` is the span of `等` when the list is open.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: Name,
    pub label: Option<Text>,
    pub members: Vec<Stmt<UnitDecl>>,
    pub open: Option<Loc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitDecl {
    pub name: Name,
    pub label: Option<Text>,
}

/// `计分 满分 100 { items }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreTree {
    pub full: Option<Num>,
    pub items: Vec<Stmt<Item>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub name: Name,
    pub max: Num,
    /// `按 S 折算`: the data gives the item on a 0–S scale.
    pub scale: Option<Num>,
    /// `说明 "…"`.
    pub description: Option<Text>,
    /// `评分 NAME`: who scores it (a free name).
    pub scorer: Option<Name>,
    pub children: Vec<Stmt<Item>>,
}

/// `事项 NAME { attr: v | w; attr: 计分项 }`.
#[derive(Debug, Clone, PartialEq)]
pub struct KindDecl {
    pub name: Name,
    pub attrs: Vec<Stmt<AttrDecl>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AttrDecl {
    pub name: Name,
    pub domain: Domain,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Domain {
    Values(Vec<Name>),
    /// `计分项`: the value is an item name.
    Items(Loc),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    Bonus,
    Deduct,
}

/// `加分 { … }` or `扣分 { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub direction: Direction,
    pub entries: Vec<Stmt<SectionEntry>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SectionEntry {
    Cap(Num),
    Rule(Rule),
}

/// `KIND conditions => amount [封顶 N]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub kind: Name,
    pub conditions: Vec<Condition>,
    pub amount: Amount,
    pub cap: Option<Num>,
}

/// `ATTR 是 V`, `ATTR 属于 V | W`, `ATTR 不属于 V | W`.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub attr: Name,
    pub test: Test,
    pub span: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    Is(Name),
    In(Vec<Name>),
    NotIn(Vec<Name>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    Fixed(Num),
    Range(Num, Num),
    UpTo(Num),
    Half(Loc),
    Times(Num),
}

impl Amount {
    /// A modifier multiplies the base amount; it is not a base rule.
    pub fn is_modifier(&self) -> bool {
        matches!(self, Amount::Half(_) | Amount::Times(_))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Veto {
    Event {
        kind: Name,
        conditions: Vec<Condition>,
    },
    When(Cond),
}

/// `KIND conditions => 该项清零, 取消 AWARD`.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Name,
    pub conditions: Vec<Condition>,
    pub actions: Vec<FindingAction>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FindingAction {
    ZeroItem(Loc),
    Revoke(Name),
}

/// `排名 按 KEY ORDER [分组内] [然后 按 KEY ORDER]…`.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub keys: Vec<RankKey>,
    pub within_group: Option<Loc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankKey {
    pub target: KeyTarget,
    pub order: Order,
    pub span: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum KeyTarget {
    Total,
    Item(Name),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Desc,
    Asc,
}

/// `评优 NAME "label" { 不含 …; 名额 … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Award {
    pub name: Name,
    pub label: Option<Text>,
    pub clauses: Vec<Stmt<AwardClause>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AwardClause {
    Exclude(Exclusion),
    Quota(Quota),
    /// `允许 OUTCOME`: a unit may get the award and the outcome at once.
    Allow(Name),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Exclusion {
    Vetoed(Loc),
    Bottom(BottomN),
    /// A unit, group, event kind or outcome (told apart by `resolve`).
    Name(Name),
}

/// `末 N 名`.
#[derive(Debug, Clone, PartialEq)]
pub struct BottomN {
    pub n: Num,
    pub span: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Quota {
    Count(Num),
    Percent(Num),
}

/// `处置 NAME 当 COND`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub name: Name,
    pub when: Cond,
}

/// An outcome condition (§7.19).
#[derive(Debug, Clone, PartialEq)]
pub struct Cond {
    pub node: CondNode,
    pub span: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CondNode {
    Or(Vec<Cond>),
    And(Vec<Cond>),
    Not(Box<Cond>),
    Compare {
        operand: Operand,
        op: CmpOp,
        value: Num,
    },
    Bottom(BottomN),
    Vetoed,
    HasAdjust(Direction),
    HasKind {
        kind: Name,
        conditions: Vec<Condition>,
    },
    Count {
        kind: Name,
        conditions: Vec<Condition>,
        op: CmpOp,
        value: Num,
    },
    InGroup(Name),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Total,
    Rank,
    Bonus,
    Deduct,
    Item(Name),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

/// A grade tier: `NAME 当 COND [名额 Q]` or `NAME 其余`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tier {
    pub name: Name,
    /// `None` for `其余`.
    pub when: Option<Cond>,
    pub quota: Option<Quota>,
}

/// A schedule step: `NAME [截止 DATE] [在 A, B 之后]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub name: Name,
    pub due: Option<DateLit>,
    pub after: Vec<Name>,
}

/// `示例 "title" { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub title: Text,
    pub stmts: Vec<Stmt<ExampleStmt>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExampleStmt {
    /// `单位 NAME [分组 GROUP]`: the following lines are about this unit.
    Unit {
        name: Name,
        group: Option<Name>,
    },
    Scores(Vec<ScoreEntry>),
    Event(EventLit),
    Expect(Vec<Expectation>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreEntry {
    pub item: Name,
    pub value: Num,
}

/// `事项 KIND { key value, … }` inside an example.
#[derive(Debug, Clone, PartialEq)]
pub struct EventLit {
    pub kind: Name,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: FieldKey,
    pub value: FieldValue,
    pub span: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKey {
    Date,
    Points,
    Doc,
    Title,
    CreditedIn,
    Id,
    Attr(Name),
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Date(DateLit),
    Number(Num),
    Text(Text),
    Name(Name),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    pub node: Expect,
    pub span: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    Total(Num),
    Bonus(Num),
    Deduct(Num),
    Rank(Num),
    Vetoed(bool),
    Grade(Name),
    /// An award (eligible) or an outcome (flagged); `holds` is false after `非`.
    Flag {
        name: Name,
        holds: bool,
    },
}
