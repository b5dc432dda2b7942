//! What a statement means, comparable across the two versions: attribute
//! tests, amounts, conditions, exclusions, dates, with kinds and items read
//! through their renames. Whether something changed is decided here and only
//! here; the statement's words (`Clause::text`) are what the diff shows, never
//! what it compares. So keywords in either language, full-width punctuation,
//! spacing and layout, `是 V` for `属于 V`, `0.50` for `0.5`, `至多 5` for
//! `0 至 5`, `减半` for `乘 0.5`, and the order of values, tests and of the
//! operands of `且` and `或` are no change.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Pair, Side};
use crate::ast::{DateLit, Direction};
use crate::ir::{
    AttrDomain, AttrTest, CondIr, Excl, FactId, ItemId, KindId, KindIr, OperandIr, RuleAmount,
    ValueSet,
};

/// One version of the policy as the comparison reads it: its names in the
/// new version's words (an old kind or item under its new name when renamed).
#[derive(Clone, Copy)]
pub(super) struct Reader<'r> {
    pair: &'r Pair<'r>,
    side: &'r Side<'r>,
    old: bool,
}

/// Attribute tests by meaning: for each tested attribute (by name, in name
/// order), the names of the values that pass, sorted. Two tests of one
/// attribute are one (both must pass), and a test every value of the
/// attribute passes is none.
pub(super) type Tests = Vec<(String, Vec<String>)>;

/// Events of a kind that pass some tests: what a rule, a veto, a finding,
/// `有 KIND` and `数量(KIND …)` are about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Events {
    pub kind: String,
    pub tests: Tests,
}

/// A rule's amount: `至多 H` is `0 至 H`, `减半` is `乘 0.5`, numbers by value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Amount {
    Fixed(Decimal),
    Range(Decimal, Decimal),
    Modifier(Decimal),
}

impl Amount {
    pub(super) fn of(a: &RuleAmount) -> Amount {
        match a {
            RuleAmount::Fixed(v) => Amount::Fixed(*v),
            RuleAmount::Range { low, high, .. } => Amount::Range(*low, *high),
            RuleAmount::Modifier { factor, .. } => Amount::Modifier(*factor),
        }
    }
}

/// The left side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Operand {
    Total,
    Rank,
    Bonus,
    Deduct,
    Item(String),
}

/// A condition of `处置`, `等次` or `一票否决 当` by its structure: nested
/// `且` (`或`) are one, their operands a sorted set, `非 非 A` is `A`, and
/// the atoms' words (`Atom::text`) are not read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Cond {
    Or(Vec<Cond>),
    And(Vec<Cond>),
    Not(Box<Cond>),
    /// The operator in its one ASCII spelling (`<=` for `≤`, `＜＝`).
    Compare {
        operand: Operand,
        op: &'static str,
        value: Decimal,
    },
    Bottom(u32),
    Vetoed,
    HasAdjust(Direction),
    /// `有 KIND …` is `数量(KIND …) >= 1`.
    Count {
        events: Events,
        op: &'static str,
        value: Decimal,
    },
    InGroup(String),
    /// `等次 属于 …`: the tiers' names, sorted.
    Grade(Vec<String>),
    Awarded(String),
}

/// What an award's `不含` (or a finding's `取消`) excludes; `末 N 名` by its
/// kind only, so that a changed N is a change of that exclusion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Excluded {
    Unit(String),
    Group(String),
    Kind(Events),
    Vetoed,
    Outcome(String),
    Bottom,
    Finding(Events),
    Grade(String),
    Award(String),
}

/// A date by meaning: a full date in the policy's own year is its month-day
/// (`2019-12-20` in the 2019 policy is `12-20`, which a 2020 version means as
/// the same day of its own year).
pub(super) fn date(d: &DateLit, year: i32) -> (Option<i32>, u32, u32) {
    (d.year.filter(|y| *y != year), d.month, d.day)
}

impl<'r> Reader<'r> {
    pub(super) fn old(pair: &'r Pair<'r>) -> Reader<'r> {
        Reader {
            pair,
            side: &pair.old,
            old: true,
        }
    }

    pub(super) fn new(pair: &'r Pair<'r>) -> Reader<'r> {
        Reader {
            pair,
            side: &pair.new,
            old: false,
        }
    }

    /// Either version: the old one when `old`.
    pub(super) fn of(pair: &'r Pair<'r>, old: bool) -> Reader<'r> {
        if old {
            Reader::old(pair)
        } else {
            Reader::new(pair)
        }
    }

    /// A kind's name, in the new version's words.
    pub(super) fn kind(&self, k: KindId) -> String {
        let name = &self.side.p[k].name;
        if self.old {
            self.pair.kind_name(name).to_string()
        } else {
            name.clone()
        }
    }

    /// An item's name, in the new version's words.
    pub(super) fn item(&self, i: ItemId) -> String {
        let name = &self.side.p[i].name;
        if self.old {
            self.pair.item_name(name).to_string()
        } else {
            name.clone()
        }
    }

    /// The item of a tracked slot (what conditions and ranking keys read).
    fn tracked(&self, slot: usize) -> String {
        self.side
            .p
            .tracked_items
            .get(slot)
            .map_or_else(String::new, |i| self.item(*i))
    }

    /// The names of the values in `set` of attribute `attr` of `kind`, sorted.
    pub(super) fn values(&self, kind: &KindIr, attr: usize, set: &ValueSet) -> Vec<String> {
        let mut v: Vec<String> = match kind.attrs.get(attr).map(|a| &a.domain) {
            Some(AttrDomain::Values(vs)) => set
                .values()
                .filter_map(|v| vs.get(v as usize).cloned())
                .collect(),
            Some(AttrDomain::Items) => set.values().map(|v| self.item(ItemId(v))).collect(),
            None => Vec::new(),
        };
        v.sort();
        v
    }

    /// Attribute tests by meaning (see [`Tests`]).
    pub(super) fn tests(&self, kind: &KindIr, tests: &[AttrTest]) -> Tests {
        let mut by_attr: BTreeMap<usize, ValueSet> = BTreeMap::new();
        for t in tests {
            let both = match by_attr.get(&t.attr) {
                Some(s) => s.intersect(&t.allowed),
                None => t.allowed.clone(),
            };
            by_attr.insert(t.attr, both);
        }
        let mut out: Tests = by_attr
            .into_iter()
            .filter_map(|(attr, set)| {
                let a = kind.attrs.get(attr)?;
                let every = match &a.domain {
                    AttrDomain::Values(vs) => u32::try_from(vs.len()).ok(),
                    AttrDomain::Items => None,
                };
                if every.is_some_and(|n| n > 0 && ValueSet::full(n).is_subset_of(&set)) {
                    return None;
                }
                Some((a.name.clone(), self.values(kind, attr, &set)))
            })
            .collect();
        out.sort();
        out
    }

    /// Events of `kind` passing `tests`.
    pub(super) fn events(&self, kind: KindId, tests: &[AttrTest]) -> Events {
        Events {
            kind: self.kind(kind),
            tests: self.tests(&self.side.p[kind], tests),
        }
    }

    fn fact(&self, f: FactId) -> Events {
        let fact = &self.side.p[f];
        self.events(fact.kind, &fact.tests)
    }

    /// A condition by its structure (see [`Cond`]).
    pub(super) fn cond(&self, c: &CondIr) -> Cond {
        match c {
            CondIr::Or(cs) => self.junction(cs, true),
            CondIr::And(cs) => self.junction(cs, false),
            CondIr::Not(inner) => match self.cond(inner) {
                Cond::Not(x) => *x,
                x => Cond::Not(Box::new(x)),
            },
            CondIr::Compare {
                operand, op, value, ..
            } => Cond::Compare {
                operand: match operand {
                    OperandIr::Total => Operand::Total,
                    OperandIr::Rank => Operand::Rank,
                    OperandIr::Bonus => Operand::Bonus,
                    OperandIr::Deduct => Operand::Deduct,
                    OperandIr::Item(slot) => Operand::Item(self.tracked(*slot)),
                },
                op: op.ascii(),
                value: *value,
            },
            CondIr::Bottom(n) => Cond::Bottom(*n),
            CondIr::Vetoed => Cond::Vetoed,
            CondIr::HasAdjust(d) => Cond::HasAdjust(*d),
            CondIr::Fact { fact, op, value } => Cond::Count {
                events: self.fact(*fact),
                op: op.ascii(),
                value: *value,
            },
            CondIr::InGroup(g) => Cond::InGroup(self.side.p[*g].name.clone()),
            CondIr::Grade(tiers) => {
                let mut names: Vec<String> =
                    tiers.iter().map(|t| self.side.p[*t].name.clone()).collect();
                names.sort();
                names.dedup();
                Cond::Grade(names)
            }
            CondIr::Awarded(a) => Cond::Awarded(self.side.p[*a].name.clone()),
        }
    }

    /// `或` (`or`) or `且`: nested ones of the same sort flattened, operands
    /// sorted and each once; one operand is itself.
    fn junction(&self, cs: &[CondIr], or: bool) -> Cond {
        let mut flat = Vec::new();
        for c in cs {
            match (self.cond(c), or) {
                (Cond::Or(inner), true) | (Cond::And(inner), false) => flat.extend(inner),
                (x, _) => flat.push(x),
            }
        }
        flat.sort();
        flat.dedup();
        if flat.len() == 1
            && let Some(only) = flat.pop()
        {
            return only;
        }
        if or { Cond::Or(flat) } else { Cond::And(flat) }
    }

    /// What an exclusion excludes (see [`Excluded`]).
    pub(super) fn excluded(&self, e: &Excl) -> Excluded {
        let p = self.side.p;
        match e {
            Excl::Unit(u) => Excluded::Unit(p[*u].name.clone()),
            Excl::Group(g) => Excluded::Group(p[*g].name.clone()),
            Excl::Kind(f) => Excluded::Kind(self.fact(*f)),
            Excl::Vetoed => Excluded::Vetoed,
            Excl::Outcome(o) => Excluded::Outcome(p[*o].name.clone()),
            Excl::Grade(t) => Excluded::Grade(p[*t].name.clone()),
            Excl::Award(a) => Excluded::Award(p[*a].name.clone()),
            Excl::Bottom(_) => Excluded::Bottom,
            Excl::Finding(f) => {
                let f = &p[*f];
                Excluded::Finding(self.events(f.kind, &f.tests))
            }
        }
    }
}
