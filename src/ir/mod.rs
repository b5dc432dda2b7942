//! The compiled policy: an index-based program the evaluator runs. Names are
//! resolved to ids, each event kind carries its decision table (base rules and
//! modifiers with their attribute tests), and a side table of clauses lets
//! rulings cite the policy without the AST.

pub mod dump;

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
            pub fn index(self) -> usize {
                self.0 as usize
            }

            pub fn from_index(i: usize) -> Self {
                $name(i as u32)
            }
        }
    )*};
}

ids! {
    /// A unit declared in the policy.
    UnitId,
    GroupId,
    ItemId,
    KindId,
    RuleId,
    SectionId,
    VetoId,
    FindingId,
    AwardId,
    OutcomeId,
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
    pub citation: Option<String>,
    pub span: Span,
    /// The statement as the policy writes it (without citation and notes).
    pub text: String,
    /// Where that text stands: the statement up to its first citation, note
    /// or assumption, on its first line (what findings underline).
    pub core: Span,
    pub notes: Vec<String>,
    pub assumption: Option<String>,
}

/// A set of attribute values (value indices, or item ids for a `计分项` attribute).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ValueSet {
    words: Vec<u64>,
}

impl ValueSet {
    pub fn from_values(values: impl IntoIterator<Item = u32>) -> ValueSet {
        let mut set = ValueSet::default();
        for v in values {
            set.insert(v);
        }
        set
    }

    pub fn insert(&mut self, v: u32) {
        let (word, bit) = ((v / 64) as usize, v % 64);
        if self.words.len() <= word {
            self.words.resize(word + 1, 0);
        }
        if let Some(w) = self.words.get_mut(word) {
            *w |= 1 << bit;
        }
    }

    pub fn contains(&self, v: u32) -> bool {
        self.words
            .get((v / 64) as usize)
            .is_some_and(|w| w & (1 << (v % 64)) != 0)
    }

    /// The complement within `0..size`.
    pub fn complement(&self, size: u32) -> ValueSet {
        ValueSet::from_values((0..size).filter(|v| !self.contains(*v)))
    }

    pub fn intersect(&self, other: &ValueSet) -> ValueSet {
        ValueSet {
            words: self
                .words
                .iter()
                .zip(&other.words)
                .map(|(a, b)| a & b)
                .collect(),
        }
    }

    /// The smallest value below `size` in the set.
    pub fn first_below(&self, size: u32) -> Option<u32> {
        (0..size).find(|v| self.contains(*v))
    }

    /// Every value of `0..size`.
    pub fn full(size: u32) -> ValueSet {
        ValueSet::from_values(0..size)
    }

    /// How many values the set holds.
    pub fn count(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    /// Whether every value of `self` is in `other`.
    pub fn is_subset_of(&self, other: &ValueSet) -> bool {
        self.words
            .iter()
            .enumerate()
            .all(|(i, w)| w & !other.words.get(i).copied().unwrap_or(0) == 0)
    }

    /// The values of `self` not in `other`.
    pub fn minus(&self, other: &ValueSet) -> ValueSet {
        ValueSet {
            words: self
                .words
                .iter()
                .enumerate()
                .map(|(i, w)| w & !other.words.get(i).copied().unwrap_or(0))
                .collect(),
        }
    }

    pub fn is_disjoint(&self, other: &ValueSet) -> bool {
        self.words.iter().zip(&other.words).all(|(a, b)| a & b == 0)
    }

    /// The values in increasing order.
    pub fn values(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, w)| {
            (0..64u32)
                .filter(move |b| w & (1u64 << b) != 0)
                .map(move |b| i as u32 * 64 + b)
        })
    }
}

/// One attribute test of a rule: the event's value of attribute `attr` is in `allowed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttrTest {
    pub attr: usize,
    pub allowed: ValueSet,
}

impl AttrTest {
    pub fn holds(&self, values: &[u32]) -> bool {
        values
            .get(self.attr)
            .is_some_and(|v| self.allowed.contains(*v))
    }
}

pub fn all_hold(tests: &[AttrTest], values: &[u32]) -> bool {
    tests.iter().all(|t| t.holds(values))
}

#[derive(Debug, Clone)]
pub struct Program {
    pub title: String,
    /// `制定 "…"`: who issued the policy (document reports show it under the title).
    pub issuer: Option<String>,
    pub year: i32,
    /// The counting window, inclusive (default: the policy year).
    pub window: (Date, Date),
    pub window_clause: ClauseId,
    /// `除外 已计年度 N`: events credited in these years are not counted.
    pub skip_years: Vec<(i32, ClauseId)>,
    pub full: Decimal,
    pub groups: Vec<GroupIr>,
    pub units: Vec<UnitIr>,
    pub items: Vec<ItemIr>,
    /// Leaf items in declaration order: the scores a unit's data gives.
    pub leaves: Vec<ItemId>,
    pub top_items: Vec<ItemId>,
    pub kinds: Vec<KindIr>,
    pub sections: Vec<SectionIr>,
    pub rules: Vec<RuleIr>,
    pub vetoes: Vec<VetoIr>,
    pub findings: Vec<FindingIr>,
    pub facts: Vec<FactIr>,
    /// Items whose contribution conditions or tie-breaks read, in order.
    pub tracked_items: Vec<ItemId>,
    pub ranking: RankingIr,
    pub awards: Vec<AwardIr>,
    pub outcomes: Vec<OutcomeIr>,
    pub tiers: Vec<TierIr>,
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

#[derive(Debug, Clone)]
pub struct GroupIr {
    pub name: String,
    pub label: Option<String>,
    pub open: bool,
    pub members: Vec<UnitId>,
    pub clause: ClauseId,
}

#[derive(Debug, Clone)]
pub struct UnitIr {
    pub name: String,
    pub label: Option<String>,
    pub group: GroupId,
}

#[derive(Debug, Clone)]
pub struct ItemIr {
    pub name: String,
    pub max: Decimal,
    /// `按 S 折算`: data on a 0–S scale.
    pub scale: Option<Decimal>,
    pub parent: Option<ItemId>,
    pub children: Vec<ItemId>,
    /// Position among the leaves (the data's score slot), for leaves.
    pub leaf: Option<usize>,
    pub scorer: Option<String>,
    pub clause: ClauseId,
}

impl ItemIr {
    /// The largest value the data may give: the scale, or the maximum.
    pub fn data_max(&self) -> Decimal {
        self.scale.unwrap_or(self.max)
    }
}

#[derive(Debug, Clone)]
pub struct KindIr {
    pub name: String,
    pub attrs: Vec<AttrIr>,
    /// Base rules (bonus and deduct) and modifiers of this kind: its decision table.
    pub base_rules: Vec<RuleId>,
    pub modifiers: Vec<RuleId>,
    pub vetoes: Vec<VetoId>,
    pub findings: Vec<FindingId>,
    pub facts: Vec<FactId>,
    /// The index of the `计分项` attribute, if any.
    pub item_attr: Option<usize>,
    pub clause: ClauseId,
}

impl KindIr {
    pub fn attr_index(&self, name: &str) -> Option<usize> {
        self.attrs.iter().position(|a| a.name == name)
    }
}

#[derive(Debug, Clone)]
pub struct AttrIr {
    pub name: String,
    pub domain: AttrDomain,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttrDomain {
    Values(Vec<String>),
    /// `计分项`: the value names an item (stored as its `ItemId`).
    Items,
}

#[derive(Debug, Clone)]
pub struct SectionIr {
    pub direction: Direction,
    pub cap: Option<Decimal>,
    /// Where the section's `封顶` stands.
    pub cap_span: Span,
    pub rules: Vec<RuleId>,
    pub clause: ClauseId,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RuleAmount {
    Fixed(Decimal),
    /// `lo 至 hi` or `至多 hi` (lo 0): the event's `points` lies in the range.
    Range {
        low: Decimal,
        high: Decimal,
        up_to: bool,
    },
    /// `减半` (0.5) or `乘 f`.
    Modifier {
        factor: Decimal,
        half: bool,
    },
}

#[derive(Debug, Clone)]
pub struct RuleIr {
    pub kind: KindId,
    pub direction: Direction,
    pub section: SectionId,
    pub tests: Vec<AttrTest>,
    pub amount: RuleAmount,
    pub cap: Option<Decimal>,
    /// Where the rule's `封顶` stands.
    pub cap_span: Span,
    pub clause: ClauseId,
}

impl RuleIr {
    /// The largest base amount of one event: the fixed amount or the range's top.
    pub fn base_max(&self) -> Decimal {
        match self.amount {
            RuleAmount::Fixed(v) => v,
            RuleAmount::Range { high, .. } => high,
            RuleAmount::Modifier { factor, .. } => factor,
        }
    }

    pub fn is_modifier(&self) -> bool {
        matches!(self.amount, RuleAmount::Modifier { .. })
    }
}

#[derive(Debug, Clone)]
pub enum VetoTrigger {
    Event { kind: KindId, tests: Vec<AttrTest> },
    When(CondIr),
}

#[derive(Debug, Clone)]
pub struct VetoIr {
    pub trigger: VetoTrigger,
    pub clause: ClauseId,
}

#[derive(Debug, Clone)]
pub struct FindingIr {
    pub kind: KindId,
    pub tests: Vec<AttrTest>,
    pub zero_item: bool,
    pub revoke: Vec<AwardId>,
    pub clause: ClauseId,
}

#[derive(Debug, Clone)]
pub struct FactIr {
    pub kind: KindId,
    pub tests: Vec<AttrTest>,
}

#[derive(Debug, Clone)]
pub enum CondIr {
    Or(Vec<CondIr>),
    And(Vec<CondIr>),
    Not(Box<CondIr>),
    Compare {
        operand: OperandIr,
        op: CmpOp,
        value: Decimal,
        /// The atom as written, and where: findings about it quote it.
        atom: Atom,
    },
    Bottom(u32),
    Vetoed,
    HasAdjust(Direction),
    Fact {
        fact: FactId,
        op: CmpOp,
        value: Decimal,
    },
    InGroup(GroupId),
}

/// An atom of a condition as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Atom {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperandIr {
    Total,
    Rank,
    Bonus,
    Deduct,
    /// A tracked item's contribution (slot in `Program::tracked_items`).
    Item(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyIr {
    Total,
    Item(usize),
}

#[derive(Debug, Clone)]
pub struct RankingIr {
    pub keys: Vec<(KeyIr, Order)>,
    pub within_group: bool,
    pub clause: ClauseId,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuotaIr {
    Count(u32),
    Percent(Decimal),
}

impl QuotaIr {
    /// The number of places among `ranked` units in scope (§7.16: rounded down).
    pub fn places(self, ranked: usize) -> usize {
        match self {
            QuotaIr::Count(n) => n as usize,
            QuotaIr::Percent(p) => {
                let exact = p * Decimal::from(ranked) / Decimal::ONE_HUNDRED;
                usize::try_from(exact.floor()).unwrap_or(0)
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Excl {
    Unit(UnitId),
    Group(GroupId),
    /// An event kind: at least one counted event of it.
    Kind(FactId),
    Vetoed,
    Outcome(OutcomeId),
    Bottom(u32),
    /// `取消 A` by a finding (§7.12).
    Finding(FindingId),
}

#[derive(Debug, Clone)]
pub struct ExclusionIr {
    pub what: Excl,
    pub clause: ClauseId,
}

#[derive(Debug, Clone)]
pub struct AwardIr {
    pub name: String,
    pub label: Option<String>,
    pub exclusions: Vec<ExclusionIr>,
    /// Outcomes the drafter accepts alongside this award (`允许`).
    pub allowed: Vec<OutcomeId>,
    pub quota: Option<(QuotaIr, ClauseId)>,
    pub clause: ClauseId,
}

#[derive(Debug, Clone)]
pub struct OutcomeIr {
    pub name: String,
    pub cond: CondIr,
    pub clause: ClauseId,
}

#[derive(Debug, Clone)]
pub struct TierIr {
    pub name: String,
    /// `None` for `其余`.
    pub cond: Option<CondIr>,
    pub quota: Option<QuotaIr>,
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
