//! Bonus and deduct rules, section caps, vetoes and findings. A rule is the
//! same rule in both versions when its kind, direction and attribute tests
//! agree (values compared as sets, kinds and items through their renames);
//! then a change of points or cap is one change, not a removal and an addition.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::meaning::{Amount, Cond, Events, Reader, Tests};
use super::{Change, Field, Mark, NONE, Pair, Part, Side, Stated, by_key, cite, dec, opt_dec};
use crate::ast::Direction;
use crate::i18n::Kw;
use crate::i18n::Lang;
use crate::i18n::words::words;
use crate::ir::{
    AttrDomain, AttrTest, DedupBy, ItemId, KindIr, Place, RuleAmount, RuleIr, ScopeIr, VetoTrigger,
};

/// Attribute tests by meaning, and in words (`层级 属于 国家 | 部委`).
fn tests_of(r: Reader<'_>, kind: &KindIr, tests: &[AttrTest], lang: Lang) -> (Tests, String) {
    let w = words(lang);
    let text: Vec<String> = tests
        .iter()
        .filter_map(|t| {
            let a = kind.attrs.get(t.attr)?;
            let values: Vec<String> = match &a.domain {
                AttrDomain::Values(vs) => t
                    .allowed
                    .values()
                    .filter_map(|v| vs.get(v as usize).cloned())
                    .collect(),
                AttrDomain::Items => t.allowed.values().map(|v| r.item(ItemId(v))).collect(),
            };
            Some(format!("{} {} {}", a.name, w.is_in, values.join(" | ")))
        })
        .collect();
    let text = if text.is_empty() {
        w.no_tests.to_string()
    } else {
        text.join(", ")
    };
    (r.tests(kind, tests), text)
}

fn amount_text(pair: &Pair<'_>, a: &RuleAmount) -> String {
    let w = words(pair.lang);
    match a {
        RuleAmount::Fixed(v) => dec(*v),
        RuleAmount::Range {
            low,
            high,
            up_to: true,
        } if low.is_zero() => format!("{} {}", w.up_to, dec(*high)),
        RuleAmount::Range { low, high, .. } => format!("{} {} {}", dec(*low), w.to, dec(*high)),
        RuleAmount::Modifier { half: true, .. } => w.half.to_string(),
        RuleAmount::Modifier { factor, .. } => format!("{} {}", w.times, dec(*factor)),
    }
}

/// A rule as the comparison sees it: what it means, and in words.
struct View {
    kind: String,
    direction: Direction,
    tests: Tests,
    amount: Amount,
    cap: Option<Decimal>,
    /// The units the rule applies to, by name (an open group's added units
    /// as the group's name); `None`: every unit.
    units: Option<Vec<String>>,
    /// Its `仅`/`不含` as written; `—` for every unit.
    units_text: String,
    /// The tests, amount and cap in words.
    tests_text: String,
    amount_text: String,
    /// The rule as written.
    text: String,
    citation: Option<String>,
}

impl View {
    fn modifier(&self) -> bool {
        matches!(self.amount, Amount::Modifier(_))
    }
}

fn view(pair: &Pair<'_>, old: bool, r: &RuleIr) -> View {
    let reader = Reader::of(pair, old);
    let side = if old { &pair.old } else { &pair.new };
    let (tests, tests_text) = tests_of(reader, &side.p[r.kind], &r.tests, pair.lang);
    View {
        kind: reader.kind(r.kind),
        direction: r.direction,
        tests,
        amount: Amount::of(&r.amount),
        cap: r.cap,
        units: r.units.as_ref().map(|set| {
            let mut names: Vec<String> = set
                .values()
                .filter_map(|place| match side.p.place(place)? {
                    Place::Listed(u) => Some(side.p[u].name.clone()),
                    Place::Added(g) => Some(format!("{}+", side.p[g].name)),
                })
                .collect();
            names.sort();
            names
        }),
        units_text: scopes_text(&r.scopes, pair.lang),
        tests_text,
        amount_text: amount_text(pair, &r.amount),
        text: side.text(r.clause),
        citation: side.citation(r.clause),
    }
}

/// `仅 县 | 区，不含 办公室`; `—` when the rule applies to every unit.
fn scopes_text(scopes: &[ScopeIr], lang: Lang) -> String {
    if scopes.is_empty() {
        return NONE.into();
    }
    let parts: Vec<String> = scopes
        .iter()
        .map(|s| {
            let kw = if s.only { Kw::Only } else { Kw::Exclude };
            format!("{} {}", kw.display(lang), s.names.join(" | "))
        })
        .collect();
    parts.join(lang.pick("，", ", "))
}

/// What a rule of a kind means, without the kind's name.
type Signature = (Direction, Tests, Amount, Option<Decimal>);

/// A kind's rules by meaning, sorted, to tell a renamed kind by its rules.
pub(super) fn kind_rules(pair: &Pair<'_>, k: &KindIr, old: bool) -> Vec<Signature> {
    let side = if old { &pair.old } else { &pair.new };
    let mut v: Vec<Signature> = k
        .base_rules
        .iter()
        .chain(&k.modifiers)
        .map(|r| &side.p[*r])
        .map(|r| {
            let x = view(pair, old, r);
            (x.direction, x.tests, x.amount, x.cap)
        })
        .collect();
    v.sort();
    v
}

/// Whether an old rule and a new one are the same rule, in one matching pass.
type Matcher = fn(&View, &View) -> bool;

/// Same kind, direction and sort (base rule or modifier).
fn same(o: &View, n: &View) -> bool {
    o.kind == n.kind && o.direction == n.direction && o.modifier() == n.modifier()
}

/// Rules: matched by kind, direction, tests and units; then by kind,
/// direction and tests (the units changed); then, among the rest, by kind,
/// direction and points (the tests changed); then by kind, direction and
/// citation, in order (both changed).
pub(super) fn rules(pair: &mut Pair<'_>) {
    let old: Vec<View> = pair
        .old
        .p
        .rules
        .iter()
        .map(|r| view(pair, true, r))
        .collect();
    let new: Vec<View> = pair
        .new
        .p
        .rules
        .iter()
        .map(|r| view(pair, false, r))
        .collect();
    let passes: [Matcher; 4] = [
        |o, n| same(o, n) && o.tests == n.tests && o.units == n.units,
        |o, n| same(o, n) && o.tests == n.tests,
        |o, n| same(o, n) && o.amount == n.amount && o.cap == n.cap,
        |o, n| same(o, n) && o.citation.is_some() && o.citation == n.citation,
    ];
    let mut matched: BTreeMap<usize, usize> = BTreeMap::new();
    for pass in passes {
        for (j, n) in new.iter().enumerate() {
            if matched.values().any(|x| *x == j) {
                continue;
            }
            let found = old
                .iter()
                .enumerate()
                .find(|(i, o)| !matched.contains_key(i) && pass(o, n));
            if let Some((i, _)) = found {
                matched.insert(i, j);
            }
        }
    }
    let by_new: BTreeMap<usize, usize> = matched.iter().map(|(i, j)| (*j, *i)).collect();
    for (j, n) in new.iter().enumerate() {
        let Some(o) = by_new.get(&j).and_then(|i| old.get(*i)) else {
            let mut c = Change::new(Part::Rules, Mark::Added, n.kind.clone());
            c.citation = n.citation.clone();
            c.new = Some(n.text.clone());
            pair.push(c);
            continue;
        };
        let mut c = Change::new(Part::Rules, Mark::Changed, n.kind.clone());
        c.citation = n.citation.clone();
        if o.tests != n.tests {
            c.aspect(Field::Tests, o.tests_text.clone(), n.tests_text.clone());
        }
        if o.amount != n.amount {
            c.aspect(Field::Points, o.amount_text.clone(), n.amount_text.clone());
        }
        if o.cap != n.cap {
            c.aspect(Field::Cap, opt_dec(o.cap), opt_dec(n.cap));
        }
        if o.units != n.units {
            c.aspect(Field::Units, o.units_text.clone(), n.units_text.clone());
        }
        if o.citation != n.citation {
            c.aspect(Field::Citation, cite(&o.citation), cite(&n.citation));
        }
        if !c.aspects.is_empty() {
            c.old = Some(o.text.clone());
            c.new = Some(n.text.clone());
            pair.push(c);
        }
    }
    for (i, o) in old.iter().enumerate() {
        if !matched.contains_key(&i) {
            let mut c = Change::new(Part::Rules, Mark::Removed, o.kind.clone());
            c.citation = o.citation.clone();
            c.old = Some(o.text.clone());
            pair.push(c);
        }
    }
}

/// `同一 KEY 只计 最高` in the file's words.
fn keep_highest(key: &str, lang: Lang) -> String {
    let kw = |k: Kw| k.display(lang);
    format!(
        "{} {key} {} {}",
        kw(Kw::Same),
        kw(Kw::Keep),
        kw(Kw::Highest)
    )
}

/// Section caps (`封顶`) and `同一 … 只计 最高`, sections matched by
/// direction and order.
pub(super) fn sections(pair: &mut Pair<'_>) {
    let w = words(pair.lang);
    for dir in [Direction::Bonus, Direction::Deduct] {
        let subject = match dir {
            Direction::Bonus => w.bonus,
            Direction::Deduct => w.deduct,
        };
        let of = |s: &Side<'_>| {
            s.p.sections
                .iter()
                .filter(|x| x.direction == dir)
                .map(|x| (x.cap, x.clause, x.dedup.as_ref().map(|d| d.key.clone())))
                .collect::<Vec<_>>()
        };
        let (o, n) = (of(&pair.old), of(&pair.new));
        for k in 0..o.len().max(n.len()) {
            let (oc, nc) = (o.get(k), n.get(k));
            let (ocap, ncap) = (oc.and_then(|x| x.0), nc.and_then(|x| x.0));
            let (okey, nkey) = (oc.and_then(|x| x.2.clone()), nc.and_then(|x| x.2.clone()));
            if ocap == ncap && okey == nkey {
                continue;
            }
            let mut c = Change::new(Part::Sections, Mark::Changed, subject);
            c.citation = nc
                .and_then(|x| pair.new.citation(x.1))
                .or_else(|| oc.and_then(|x| pair.old.citation(x.1)));
            if ocap != ncap {
                c.aspect(Field::Cap, opt_dec(ocap), opt_dec(ncap));
            }
            if okey != nkey {
                let text = |k: Option<DedupBy>| match k {
                    None => NONE.to_string(),
                    Some(DedupBy::Id) => keep_highest(Kw::Id.display(pair.lang), pair.lang),
                    Some(DedupBy::Attr(a)) => keep_highest(&a, pair.lang),
                };
                c.aspect(Field::KeepHighest, text(okey), text(nkey));
            }
            pair.push(c);
        }
    }
}

/// Vetoes: by the events that set them off (kind and tests) or by their
/// condition (`当 …`), both by meaning; a veto matched is changed only in
/// its citation.
pub(super) fn vetoes(pair: &mut Pair<'_>) {
    #[derive(PartialEq)]
    enum Trigger {
        Event(Events),
        When(Cond),
    }
    let stated = |pair: &Pair<'_>, old: bool| -> Vec<Stated<Trigger, ()>> {
        let r = Reader::of(pair, old);
        let side = if old { &pair.old } else { &pair.new };
        side.p
            .vetoes
            .iter()
            .map(|v| {
                let (key, subject) = match &v.trigger {
                    VetoTrigger::Event { kind, tests } => {
                        (Trigger::Event(r.events(*kind, tests)), r.kind(*kind))
                    }
                    VetoTrigger::When(c) => (Trigger::When(r.cond(c)), NONE.into()),
                };
                Stated::of(side, key, subject, (), v.clause)
            })
            .collect()
    };
    let (o, n) = (stated(pair, true), stated(pair, false));
    by_key(pair, Part::Vetoes, o, n);
}

/// Findings (`弄虚作假 => 该项清零, 取消 先进`): by kind and tests; what
/// they do (`该项清零`, the awards revoked, as a set) decides whether they changed.
pub(super) fn findings(pair: &mut Pair<'_>) {
    let stated = |pair: &Pair<'_>, old: bool| -> Vec<Stated<Events, (bool, Vec<String>)>> {
        let r = Reader::of(pair, old);
        let side = if old { &pair.old } else { &pair.new };
        side.p
            .findings
            .iter()
            .map(|f| {
                let mut revoke: Vec<String> =
                    f.revoke.iter().map(|a| side.p[*a].name.clone()).collect();
                revoke.sort();
                revoke.dedup();
                let events = r.events(f.kind, &f.tests);
                let subject = events.kind.clone();
                Stated::of(side, events, subject, (f.zero_item, revoke), f.clause)
            })
            .collect()
    };
    let (o, n) = (stated(pair, true), stated(pair, false));
    by_key(pair, Part::Findings, o, n);
}
