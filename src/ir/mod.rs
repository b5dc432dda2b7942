//! The compiled policy: an index-based program the evaluator runs. Names are
//! resolved to ids, each event kind carries its decision table (base rules and
//! modifiers with their attribute tests), and a side table of clauses lets
//! rulings cite the policy without the AST.

mod dispatch;
pub mod dump;
mod payouts;
mod slots;
mod value_set;

pub use dispatch::RuleIndex;
pub use payouts::{Decision, PayoutFor, PayoutIr};
pub use slots::{Place, ScopeIr};
pub use value_set::ValueSet;

use rust_decimal::Decimal;

use crate::ast::{CmpOp, Direction, Order};
use crate::calendar::Date;
use crate::source::Span;

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in the program's table this id indexes.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// The id of the entry at position `i` of its table.
            pub fn from_index(i: usize) -> Self {
                $name(i as u32)
            }
        }
    )*};
}

ids! {
    /// A unit listed in the policy ([`Program::units`]); units the data adds
    /// to an open group have none.
    UnitId,
    /// A `分组` ([`Program::groups`]).
    GroupId,
    /// A score item, leaf or parent ([`Program::items`]); also the value of a
    /// `计分项` attribute.
    ItemId,
    /// An event kind declared with `事项` ([`Program::kinds`]).
    KindId,
    /// A rule of a `加分`/`扣分` section, base or modifier ([`Program::rules`]).
    RuleId,
    /// A `加分` or `扣分` section ([`Program::sections`]).
    SectionId,
    /// A `一票否决` declaration ([`Program::vetoes`]).
    VetoId,
    /// A finding, `KIND => 该项清零, 取消 A` ([`Program::findings`]).
    FindingId,
    /// A `评优` award ([`Program::awards`]).
    AwardId,
    /// A `处置` outcome ([`Program::outcomes`]).
    OutcomeId,
    /// A grade tier of `等次` ([`Program::tiers`]).
    TierId,
    /// A count of counted events of a kind that meet some tests (for `有`, `数量`, `不含 KIND`).
    FactId,
    /// An entry of the clause side table.
    ClauseId,
}

/// Where a rule, item or decision comes from: its citation (own or inherited
/// from the enclosing block, §7.5), its statement in the policy, its notes and
/// the assumption (`解释`) it makes.
#[derive(Debug, Clone, Default)]
pub struct Clause {
    /// The clause reference without its brackets (`四(四)1`): the statement's
    /// own, else its block's (§7.5); what rulings print as `【四(四)1】`.
    pub citation: Option<String>,
    /// The whole statement in the policy file (assumptions are listed in its order).
    pub span: Span,
    /// The statement as the policy writes it (without citation and notes), on
    /// one line, spaces collapsed; rulings quote it ("规则：表彰 => 10").
    pub text: String,
    /// Where that text stands: the statement up to its first citation, note
    /// or assumption, on its first line (what findings underline).
    pub core: Span,
    /// The statement's bare strings (`"个人先进减半加分"`), in source order.
    /// No report shows them yet (docs/language.md §2.7 says explanations do).
    pub notes: Vec<String>,
    /// Its `解释 "…"`: how the policy quantified a vague phrase of the source.
    pub assumption: Option<String>,
}

/// One attribute test of a rule: the event's value of attribute `attr` is in `allowed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttrTest {
    /// The attribute's position in its kind's [`KindIr::attrs`] (and in an
    /// event's values).
    pub attr: usize,
    /// The values that pass: `是 V` one, `属于` the listed ones, `不属于` the
    /// rest of the domain.
    pub allowed: ValueSet,
}

impl AttrTest {
    /// Whether an event with these attribute values (one per attribute of
    /// its kind, in declared order) passes the test.
    pub fn holds(&self, values: &[u32]) -> bool {
        values
            .get(self.attr)
            .is_some_and(|v| self.allowed.contains(*v))
    }
}

/// Whether an event with these attribute values passes every test (a rule
/// without conditions has none and matches every event of its kind).
pub fn all_hold(tests: &[AttrTest], values: &[u32]) -> bool {
    tests.iter().all(|t| t.holds(values))
}

/// A checked policy compiled for evaluation: every table below is indexed by
/// its id type (`p[id]`), and every rule or decision points into [`Program::clauses`].
#[derive(Debug, Clone)]
pub struct Program {
    /// `考核办法 "…"`: the policy's title, at the head of every ruling.
    pub title: String,
    /// `制定 "…"`: who issued the policy (document reports show it under the title).
    pub issuer: Option<String>,
    /// `年度 N`: the assessment year; month-days and the default window are in it.
    pub year: i32,
    /// The counting window, inclusive (default: the policy year).
    pub window: (Date, Date),
    /// The `期间` statement, cited when an event is not counted for its date;
    /// the empty clause 0 when the policy has no `期间`.
    pub window_clause: ClauseId,
    /// `除外 已计年度 N`: events credited in these years are not counted.
    pub skip_years: Vec<(i32, ClauseId)>,
    /// `满分 N`, or the top items' maxima summed when it is left out. The
    /// checker's analyses bound totals with it (KH304, KH501, KH505); it caps
    /// nothing: a total may exceed it.
    pub full: Decimal,
    /// The groups in declaration order.
    pub groups: Vec<GroupIr>,
    /// The listed units, group by group in declaration order; units the data
    /// adds to an open group are not here.
    pub units: Vec<UnitIr>,
    /// Every item of the score tree in declaration order, a parent before its children.
    pub items: Vec<ItemIr>,
    /// Leaf items in declaration order: the scores a unit's data gives.
    pub leaves: Vec<ItemId>,
    /// The top items, whose sum (after findings) is a unit's base score.
    pub top_items: Vec<ItemId>,
    /// The event kinds in declaration order, each with its decision table.
    pub kinds: Vec<KindIr>,
    /// The `加分` and `扣分` sections in source order.
    pub sections: Vec<SectionIr>,
    /// Every rule of every section, base rules and modifiers, in source order.
    pub rules: Vec<RuleIr>,
    /// Every `一票否决`, in source order.
    pub vetoes: Vec<VetoIr>,
    /// Every finding (`KIND => 该项清零, 取消 A`), in source order.
    pub findings: Vec<FindingIr>,
    /// The event counts conditions and exclusions read, each once (equal
    /// kind and tests share one); the evaluator keeps one count per unit and fact.
    pub facts: Vec<FactIr>,
    /// Items whose contribution conditions or tie-breaks read, in order.
    pub tracked_items: Vec<ItemId>,
    /// How units are ranked; `按 总分 降序`, whole list, when the policy has no `排名`.
    pub ranking: RankingIr,
    /// The `评优` awards in declaration order.
    pub awards: Vec<AwardIr>,
    /// The `处置` outcomes in declaration order.
    pub outcomes: Vec<OutcomeIr>,
    /// The `等次` tiers, best first; a vetoed unit takes the last (§7.18).
    pub tiers: Vec<TierIr>,
    /// Awards, outcomes and the grading in the order they are decided: each
    /// after every decision it reads (§7.31), else awards, outcomes, grades.
    pub decisions: Vec<Decision>,
    /// The `兑现` lines in source order.
    pub payouts: Vec<PayoutIr>,
    /// The clause side table. Entry 0 is empty (no citation, no text): it
    /// stands for what the policy did not write (the default window and ranking).
    pub clauses: Vec<Clause>,
    /// Every `解释` of the policy, in source order.
    pub assumptions: Vec<ClauseId>,
}

/// `p[id]`: what an id of the program stands for. Ids are made by `compile`
/// for this program (and by validation, from names it checked against it),
/// so a lookup that failed could only be a bug: it panics, loudly, instead of
/// being passed over as a missing value that would silently change a ruling.
macro_rules! index_by_id {
    ($($id:ident => $field:ident: $item:ty,)*) => {$(
        impl std::ops::Index<$id> for Program {
            type Output = $item;

            #[allow(clippy::indexing_slicing)]
            fn index(&self, id: $id) -> &$item {
                &self.$field[id.index()]
            }
        }
    )*};
}

index_by_id! {
    GroupId => groups: GroupIr,
    UnitId => units: UnitIr,
    ItemId => items: ItemIr,
    KindId => kinds: KindIr,
    SectionId => sections: SectionIr,
    RuleId => rules: RuleIr,
    VetoId => vetoes: VetoIr,
    FindingId => findings: FindingIr,
    FactId => facts: FactIr,
    AwardId => awards: AwardIr,
    OutcomeId => outcomes: OutcomeIr,
    TierId => tiers: TierIr,
    ClauseId => clauses: Clause,
}

impl Program {
    /// The name of value `v` of attribute `a`: one of its listed values, or
    /// for a `计分项` attribute an item's name. Values are indices that
    /// validation (or the analysis, from the domain) made for this program.
    #[allow(clippy::indexing_slicing)]
    pub fn value_name<'p>(&'p self, a: &'p AttrIr, v: u32) -> &'p str {
        match &a.domain {
            AttrDomain::Values(values) => &values[v as usize],
            AttrDomain::Items => &self[ItemId(v)].name,
        }
    }

    /// The clause of a rule, item or decision.
    pub fn clause(&self, id: ClauseId) -> &Clause {
        &self[id]
    }

    /// The slot of `item` among the tracked items, if conditions read it.
    pub fn tracked_slot(&self, item: ItemId) -> Option<usize> {
        self.tracked_items.iter().position(|i| *i == item)
    }
}

/// A `分组` of assessed units.
#[derive(Debug, Clone)]
pub struct GroupIr {
    /// The name, as the data's `group` gives it.
    pub name: String,
    /// Its display label (`"机关处(室)"`), if written; only `kaohe diff` reads
    /// it today, reports show the name.
    pub label: Option<String>,
    /// Whether the list ends with `等`: the data may then add units naming this
    /// group, and the checker treats the group's size as unknown.
    pub open: bool,
    /// The listed units, in order; they must all appear in the data.
    pub members: Vec<UnitId>,
    /// For an open group, the place (see `slots.rs`) of the units the data
    /// adds to it.
    pub added_place: Option<u32>,
    /// The `分组` statement.
    pub clause: ClauseId,
}

/// A unit the policy lists.
#[derive(Debug, Clone)]
pub struct UnitIr {
    /// The name, as the data's `unit` must give it.
    pub name: String,
    /// Its display label (`"办公室(机关党委)"`), if written; only `kaohe diff`
    /// reads it today, reports show the name.
    pub label: Option<String>,
    /// The group that lists it; a data row's `group`, if given, must match.
    pub group: GroupId,
}

/// An item of the score tree.
#[derive(Debug, Clone)]
pub struct ItemIr {
    /// The name, the key of the data's `scores` for a leaf.
    pub name: String,
    /// The most the item contributes to the base score; a leaf's data score
    /// lies in [0, max] unless the item is scaled.
    pub max: Decimal,
    /// `按 S 折算`: data on a 0–S scale.
    pub scale: Option<Decimal>,
    /// The item it is a sub-item of; `None` for a top item.
    pub parent: Option<ItemId>,
    /// Its sub-items in order; empty for a leaf. A parent contributes their sum.
    pub children: Vec<ItemId>,
    /// Position among the leaves (the data's score slot), for leaves.
    pub leaf: Option<usize>,
    /// `评分 NAME`: who scores it (groups columns in data templates).
    pub scorer: Option<String>,
    /// The item's line in `计分`, with the citation of the nearest parent that
    /// has one (not the `计分` declaration's own, which top items do not inherit).
    pub clause: ClauseId,
}

impl ItemIr {
    /// The largest value the data may give: the scale, or the maximum.
    pub fn data_max(&self) -> Decimal {
        self.scale.unwrap_or(self.max)
    }
}

/// An event kind (`事项`) with everything an event of it can trigger: the
/// evaluator reads only these lists for an event, never the whole program.
#[derive(Debug, Clone)]
pub struct KindIr {
    /// The name, as the data's `kind` gives it.
    pub name: String,
    /// The declared attributes in order; an event's values follow this order.
    pub attrs: Vec<AttrIr>,
    /// The base rules of this kind, bonus and deduct, in source order: exactly
    /// one must match a counted event (two is KH401 at evaluation; none, the
    /// event pays nothing).
    pub base_rules: Vec<RuleId>,
    /// `base_rules` filed by the values their tests admit (built last by
    /// `compile`): the evaluator tries only the rules an event may pass.
    pub base_index: RuleIndex,
    /// The modifiers (`减半`, `乘 F`) of this kind: every one that matches, in
    /// the base rule's direction, multiplies the event's amount (§7.11).
    pub modifiers: Vec<RuleId>,
    /// The `一票否决 KIND …` vetoes of this kind (`一票否决 当` ones are not here).
    pub vetoes: Vec<VetoId>,
    /// The findings triggered by events of this kind.
    pub findings: Vec<FindingId>,
    /// The facts that count events of this kind.
    pub facts: Vec<FactId>,
    /// The index of the `计分项` attribute, if any.
    pub item_attr: Option<usize>,
    /// `年度状态`: events need no date, are counted whatever their date, and
    /// at most once per unit (the first; later ones are explained as repeats).
    pub status: bool,
    /// The `事项` declaration.
    pub clause: ClauseId,
}

impl KindIr {
    /// The position of the attribute named `name`, if the kind declares it.
    pub fn attr_index(&self, name: &str) -> Option<usize> {
        self.attrs.iter().position(|a| a.name == name)
    }
}

/// An attribute of an event kind.
#[derive(Debug, Clone)]
pub struct AttrIr {
    /// The name, the event's data key for it.
    pub name: String,
    /// The values it may take.
    pub domain: AttrDomain,
    /// Each declared value's position (the first, were one written twice):
    /// every event and rule looks its value up here, not along a domain
    /// that may hold 10⁵ values.
    positions: rustc_hash::FxHashMap<String, u32>,
}

impl AttrIr {
    /// The attribute, with its values indexed by name.
    pub fn new(name: String, domain: AttrDomain) -> AttrIr {
        let mut positions = rustc_hash::FxHashMap::default();
        if let AttrDomain::Values(values) = &domain {
            for (i, v) in values.iter().enumerate() {
                if let Ok(i) = u32::try_from(i) {
                    positions.entry(v.clone()).or_insert(i);
                }
            }
        }
        AttrIr {
            name,
            domain,
            positions,
        }
    }

    /// The position of declared value `name` (none for a `计分项` attribute,
    /// whose values are items).
    pub fn position_of(&self, name: &str) -> Option<u32> {
        self.positions.get(name).copied()
    }
}

/// What an attribute's values are; an event stores a value as an index into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttrDomain {
    /// The declared values in order (`国家 | 部委 | …`); a value is its position.
    Values(Vec<String>),
    /// `计分项`: the value names an item (stored as its `ItemId`).
    Items,
}

/// A `加分` or `扣分` section.
#[derive(Debug, Clone)]
pub struct SectionIr {
    /// Whether its sum is added to the total or subtracted.
    pub direction: Direction,
    /// `封顶 N` on its own line: the most the section adds up to for one unit,
    /// applied to the sum of its rule-capped amounts (§7.11).
    pub cap: Option<Decimal>,
    /// Where the section's `封顶` stands.
    pub cap_span: Span,
    /// Its rules in source order, base rules and modifiers.
    pub rules: Vec<RuleId>,
    /// `同一 KEY 只计 最高`: of the unit's events under this section's rules
    /// that share the key, only the one earning most counts (ties: the first
    /// in the data), before any cap.
    pub dedup: Option<DedupIr>,
    /// The `加分`/`扣分` declaration; its rules inherit its citation.
    pub clause: ClauseId,
}

/// `同一 KEY 只计 最高` of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DedupIr {
    /// What the events must share.
    pub key: DedupBy,
    /// The statement, with its section's citation when it has none.
    pub clause: ClauseId,
}

/// The key that makes events the same content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DedupBy {
    /// The event's `id` (`编号`).
    Id,
    /// The value of this attribute (by name; kinds without it never share).
    Attr(String),
}

/// What a rule's matching event is worth.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleAmount {
    /// `10`: a base amount; the event must not give `points` (KH7xx).
    Fixed(Decimal),
    /// `lo 至 hi` or `至多 hi` (lo 0): the event's `points` lies in the range.
    Range {
        /// The least the data's `points` may be, included.
        low: Decimal,
        /// The most it may be, included.
        high: Decimal,
        /// Written `至多 hi` rather than `lo 至 hi`, for showing it as written.
        up_to: bool,
    },
    /// `减半` (0.5) or `乘 f`.
    Modifier {
        /// What the base amount is multiplied by.
        factor: Decimal,
        /// Written `减半` (`half`), for showing it as written.
        half: bool,
    },
}

/// One rule of a section: `KIND conditions => amount [封顶 N]`.
#[derive(Debug, Clone)]
pub struct RuleIr {
    /// The event kind it applies to.
    pub kind: KindId,
    /// Its section's direction, copied so an event's rule says which way it goes.
    pub direction: Direction,
    /// The section it belongs to. Nothing reads it today: caps reach a rule
    /// through [`SectionIr::rules`].
    pub section: SectionId,
    /// The attribute tests an event must all pass; empty: every event of the kind.
    pub tests: Vec<AttrTest>,
    /// The base amount or the modifier.
    pub amount: RuleAmount,
    /// `封顶 N` on the rule itself: the most this rule's counted events add up
    /// to in one unit (§7.11); section caps apply after it. Only base rules'
    /// sums are capped: on a modifier it has no effect.
    pub cap: Option<Decimal>,
    /// Where the rule's `封顶` stands.
    pub cap_span: Span,
    /// The places (`slots.rs`) of the units the rule applies to, from its
    /// own and its section's `仅`/`不含`; `None`: every unit.
    pub units: Option<ValueSet>,
    /// Those `仅`/`不含` as written, the section's first.
    pub scopes: Vec<ScopeIr>,
    /// The rule's line, with its section's citation when it has none.
    pub clause: ClauseId,
}

impl RuleIr {
    /// The largest base amount of one event: the fixed amount or the range's
    /// top (for a modifier, its factor).
    pub fn base_max(&self) -> Decimal {
        match self.amount {
            RuleAmount::Fixed(v) => v,
            RuleAmount::Range { high, .. } => high,
            RuleAmount::Modifier { factor, .. } => factor,
        }
    }

    /// Whether the rule multiplies a base amount (`减半`, `乘 F`) rather than being one.
    pub fn is_modifier(&self) -> bool {
        matches!(self.amount, RuleAmount::Modifier { .. })
    }
}

/// What sets off a veto (§7.14).
#[derive(Debug, Clone)]
pub enum VetoTrigger {
    /// `一票否决 KIND [conditions]`: one counted event of the kind that passes
    /// the tests vetoes its unit.
    Event {
        /// The event kind.
        kind: KindId,
        /// The tests the event must pass; empty: any event of the kind.
        tests: Vec<AttrTest>,
    },
    /// `一票否决 当 COND`: checked once the unit's total is known, before
    /// ranking (COND reads no rank, KH206), and only for a unit no event has
    /// vetoed already.
    When(CondIr),
}

/// A `一票否决` declaration. A vetoed unit keeps its total but gets no rank,
/// no award and the last grade tier.
#[derive(Debug, Clone)]
pub struct VetoIr {
    /// What sets it off.
    pub trigger: VetoTrigger,
    /// The declaration, cited in the vetoed unit's ruling.
    pub clause: ClauseId,
}

/// A finding: `KIND conditions => 该项清零, 取消 AWARD` (§7.12).
#[derive(Debug, Clone)]
pub struct FindingIr {
    /// The event kind that triggers it.
    pub kind: KindId,
    /// The tests a counted event must pass; empty: any event of the kind.
    pub tests: Vec<AttrTest>,
    /// `该项清零`: the item the event's `计分项` attribute names scores 0 (a
    /// parent: all its leaves).
    pub zero_item: bool,
    /// `取消 AWARD`: the awards revoked. The evaluator does not read this list:
    /// compiling adds an [`Excl::Finding`] to each award, which decides; `diff` reads it.
    pub revoke: Vec<AwardId>,
    /// The finding's declaration, cited where it cleared an item or revoked an award.
    pub clause: ClauseId,
}

/// A count of a unit's counted events of one kind passing some tests: what
/// `有 KIND`, `数量(KIND …)` and `不含 KIND` read.
#[derive(Debug, Clone)]
pub struct FactIr {
    /// The event kind counted.
    pub kind: KindId,
    /// The tests a counted event must pass to be counted here; empty: all.
    pub tests: Vec<AttrTest>,
}

/// A condition of `处置`, `等次` or `一票否决 当`, over one unit (§7.19). For
/// a vetoed unit every atom on 总分, 排名 and `末 N 名` is false (§7.14).
#[derive(Debug, Clone)]
pub enum CondIr {
    /// `或`: any holds.
    Or(Vec<CondIr>),
    /// `且`: all hold.
    And(Vec<CondIr>),
    /// `非`: the condition does not hold.
    Not(Box<CondIr>),
    /// `OPERAND OP value`, such as `总分 < 80`.
    Compare {
        /// What is compared.
        operand: OperandIr,
        /// The operator (`<`, `>=`, `=`, …).
        op: CmpOp,
        /// The number it is compared with.
        value: Decimal,
        /// The atom as written, and where: findings about it quote it.
        atom: Atom,
    },
    /// `末 N 名`: (ranked units in scope strictly after it) + 1 ≤ N (§7.15);
    /// false for a vetoed unit, and in a veto condition (no rank yet).
    Bottom(u32),
    /// `否决`: the unit is vetoed.
    Vetoed,
    /// `有 加分` / `有 扣分`: at least one counted event matched a base rule of
    /// that direction (even one paying 0, even when a cap took it all).
    HasAdjust(Direction),
    /// `数量(KIND …) OP value`, and `有 KIND …` as `≥ 1`: the unit's count of the fact.
    Fact {
        /// The count compared.
        fact: FactId,
        /// The operator (`<`, `>=`, `=`, …).
        op: CmpOp,
        /// The number it is compared with.
        value: Decimal,
    },
    /// `属于 GROUP`: the unit's group (for a unit the data adds, the open group it names).
    InGroup(GroupId),
    /// `等次 是 T` / `等次 属于 T | U`: the unit's tier is one of these
    /// (`不属于` compiles to `非`). Pending while the tier is.
    Grade(Vec<TierId>),
    /// `获得 A`: the unit gets the award. Pending while that is.
    Awarded(AwardId),
}

/// An atom of a condition as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Atom {
    /// The atom's text, spaces collapsed (`预算执行 > 2`), quoted by KH501.
    pub text: String,
    /// Where it stands in the policy, underlined by KH501.
    pub span: Span,
}

/// The left side of a comparison, as the evaluator reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperandIr {
    /// `总分`: base + bonus − deduction; a comparison on it is false for a
    /// vetoed unit.
    Total,
    /// `排名`: the rank in its scope; a comparison on it is false for a vetoed
    /// unit, and before ranking.
    Rank,
    /// `加分`: the bonus after rule and section caps.
    Bonus,
    /// `扣分`: the deduction after caps, positive.
    Deduct,
    /// A tracked item's contribution (slot in `Program::tracked_items`).
    Item(usize),
}

/// One ranking key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyIr {
    /// `总分`: the unit's total.
    Total,
    /// An item's contribution (slot in `Program::tracked_items`).
    Item(usize),
}

/// `排名 按 …`: how units are ordered and in which scope (§7.15).
#[derive(Debug, Clone)]
pub struct RankingIr {
    /// The key, then each `然后 按` tie-break, with its direction; units equal
    /// on all of them share a rank (1, 2, 2, 4).
    pub keys: Vec<(KeyIr, Order)>,
    /// `分组内`: each group is ranked on its own, and `末 N 名`, quotas and
    /// grades apply per group.
    pub within_group: bool,
    /// The `排名` declaration; the empty clause 0 when the policy has none.
    pub clause: ClauseId,
}

/// `名额` of an award or a grade tier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuotaIr {
    /// `名额 N`: N places.
    Count(u32),
    /// `名额 P%`: P (0–100); places are ⌊P% × ranked units in scope⌋.
    Percent(Decimal),
}

impl QuotaIr {
    /// The number of places among `ranked` units in scope (§7.16: rounded down).
    pub fn places(self, ranked: usize) -> usize {
        match self {
            QuotaIr::Count(n) => n as usize,
            QuotaIr::Percent(p) => {
                // ⌊m × 10^-s × ranked ÷ 100⌋ in whole numbers, so that no
                // rounding can carry it across an integer (P is 0 to 100).
                let p = p.normalize();
                let m = p.mantissa().unsigned_abs();
                let den = 10u128
                    .checked_pow(p.scale())
                    .and_then(|d| d.checked_mul(100));
                match (m.checked_mul(ranked as u128), den) {
                    (Some(num), Some(den)) if !p.is_sign_negative() => {
                        usize::try_from(num / den).unwrap_or(usize::MAX)
                    }
                    _ => 0,
                }
            }
        }
    }
}

/// What makes a unit ineligible for an award (§7.9, §7.17).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Excl {
    /// `不含 UNIT`: that unit.
    Unit(UnitId),
    /// `不含 GROUP`: every unit of that group.
    Group(GroupId),
    /// An event kind: at least one counted event of it.
    Kind(FactId),
    /// `不含 否决`: vetoed units (ineligible anyway; this makes the ruling cite the clause).
    Vetoed,
    /// `不含 OUTCOME`: units the outcome flags.
    Outcome(OutcomeId),
    /// `不含 末 N 名`: ranked units in the last N of their scope (§7.15).
    Bottom(u32),
    /// `取消 A` by a finding (§7.12).
    Finding(FindingId),
    /// `不含 TIER`: units that take the grade tier.
    Grade(TierId),
    /// `不含 AWARD`: units that get that (other) award.
    Award(AwardId),
}

/// One exclusion of an award, with the statement that makes it.
#[derive(Debug, Clone)]
pub struct ExclusionIr {
    /// What it excludes.
    pub what: Excl,
    /// The `不含` statement, or for [`Excl::Finding`] the finding; cited as the
    /// reason a unit is not eligible.
    pub clause: ClauseId,
}

/// A `评优` award.
#[derive(Debug, Clone)]
pub struct AwardIr {
    /// The name (先进), as rulings and expectations name it.
    pub name: String,
    /// Its display label (`"年度先进处室(单位)"`), if written; only `kaohe diff`
    /// reads it today, reports show the name.
    pub label: Option<String>,
    /// Its `不含` clauses in source order, plus the findings that revoke it.
    /// A vetoed unit is never eligible, listed here or not.
    pub exclusions: Vec<ExclusionIr>,
    /// Outcomes the drafter accepts alongside this award (`允许`).
    pub allowed: Vec<OutcomeId>,
    /// `名额`, with its statement: the top eligible units by rank are selected,
    /// a tie across the boundary pending. `None`: eligibility is the ruling.
    pub quota: Option<(QuotaIr, ClauseId)>,
    /// `名额 GROUP …`, in source order: each group's top eligible units by
    /// rank are selected, a tie across its boundary pending (never with
    /// `quota`; every group not excluded has one, KH306).
    pub group_quotas: Vec<(GroupId, QuotaIr, ClauseId)>,
    /// The `评优` declaration; its clauses inherit its citation.
    pub clause: ClauseId,
}

impl AwardIr {
    /// Whether places are limited (`名额`, overall or per group): a unit's
    /// selection, not its eligibility alone, is then the ruling.
    pub fn has_quota(&self) -> bool {
        self.quota.is_some() || !self.group_quotas.is_empty()
    }

    /// The `名额` that applies to a unit of `group`, with its statement.
    pub fn quota_for(&self, group: GroupId) -> Option<(QuotaIr, ClauseId)> {
        match self.group_quotas.iter().find(|(g, _, _)| *g == group) {
            Some((_, q, c)) => Some((*q, *c)),
            None => self.quota,
        }
    }
}

/// A `处置` outcome (诫勉, 问责审查).
#[derive(Debug, Clone)]
pub struct OutcomeIr {
    /// The name, as rulings and expectations name it.
    pub name: String,
    /// `当 COND`: the units it flags, decided after ranking.
    pub cond: CondIr,
    /// The `处置` declaration.
    pub clause: ClauseId,
}

/// A grade tier of `等次`.
#[derive(Debug, Clone)]
pub struct TierIr {
    /// The name (优秀), as rulings and expectations name it.
    pub name: String,
    /// `None` for `其余`.
    pub cond: Option<CondIr>,
    /// `名额 Q`: at most this many units of the scope take the tier; a tie
    /// across the boundary is pending (§7.18).
    pub quota: Option<QuotaIr>,
    /// The tier's line, with the `等次` declaration's citation when it has none.
    pub clause: ClauseId,
}

/// Compares `a OP b`.
pub fn compare(a: Decimal, op: CmpOp, b: Decimal) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
    }
}
