//! Bonus and deduct rules, section caps, vetoes and findings. A rule is the
//! same rule in both versions when its kind, direction and attribute tests
//! agree (values compared as sets, kinds and items through their renames);
//! then a change of points or cap is one change, not a removal and an addition.

use std::collections::BTreeMap;

use super::{Change, Field, Mark, NONE, Pair, Part, Side, Stated, by_key, cite, dec, opt_dec};
use crate::ast::Direction;
use crate::i18n::words::words;
use crate::ir::{AttrDomain, AttrTest, KindId, KindIr, RuleAmount, RuleIr, VetoTrigger};

/// Attribute tests: a key comparable across versions (sorted values) and the
/// tests in words (`层级 属于 国家 | 部委`).
fn tests_of(
    pair: &Pair<'_>,
    side: &Side<'_>,
    kind: &KindIr,
    tests: &[AttrTest],
    old: bool,
) -> (String, String) {
    let w = words(pair.lang);
    let mut key = Vec::new();
    let mut text = Vec::new();
    for t in tests {
        let Some(a) = kind.attrs.get(t.attr) else {
            continue;
        };
        let mut values: Vec<String> = match &a.domain {
            AttrDomain::Values(vs) => t
                .allowed
                .values()
                .filter_map(|v| vs.get(v as usize).cloned())
                .collect(),
            AttrDomain::Items => t
                .allowed
                .values()
                .map(|v| &side.p[crate::ir::ItemId(v)])
                .map(|i| {
                    if old {
                        pair.item_name(&i.name).to_string()
                    } else {
                        i.name.clone()
                    }
                })
                .collect(),
        };
        text.push(format!("{} {} {}", a.name, w.is_in, values.join(" | ")));
        values.sort();
        key.push(format!("{}={}", a.name, values.join("|")));
    }
    key.sort();
    let text = if text.is_empty() {
        w.no_tests.to_string()
    } else {
        text.join(", ")
    };
    (key.join(";"), text)
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

/// A rule as the comparison sees it.
struct View {
    kind: String,
    direction: Direction,
    modifier: bool,
    key: String,
    tests: String,
    amount: String,
    cap: String,
    text: String,
    citation: Option<String>,
}

fn view(pair: &Pair<'_>, side: &Side<'_>, r: &RuleIr, old: bool) -> View {
    let kind = &side.p[r.kind];
    let name = kind.name.clone();
    let (key, tests) = tests_of(pair, side, kind, &r.tests, old);
    View {
        kind: if old {
            pair.kind_name(&name).to_string()
        } else {
            name
        },
        direction: r.direction,
        modifier: r.is_modifier(),
        key,
        tests,
        amount: amount_text(pair, &r.amount),
        cap: opt_dec(r.cap),
        text: side.text(r.clause),
        citation: side.citation(r.clause),
    }
}

/// A kind's rules as sorted signatures (without the kind's name), to tell a
/// renamed kind by its rules.
pub(super) fn kind_rules(pair: &Pair<'_>, side: &Side<'_>, k: &KindIr, old: bool) -> Vec<String> {
    let mut v: Vec<String> = k
        .base_rules
        .iter()
        .chain(&k.modifiers)
        .map(|r| &side.p[*r])
        .map(|r| {
            let x = view(pair, side, r, old);
            format!("{:?} {} {} {}", x.direction, x.key, x.amount, x.cap)
        })
        .collect();
    v.sort();
    v
}

/// Whether an old rule and a new one are the same rule, in one matching pass.
type Matcher = fn(&View, &View) -> bool;

/// Same kind, direction and sort (base rule or modifier).
fn same(o: &View, n: &View) -> bool {
    o.kind == n.kind && o.direction == n.direction && o.modifier == n.modifier
}

/// Rules: matched by kind, direction and tests; then, among the rest, by kind,
/// direction and points (the tests changed); then by kind, direction and
/// citation, in order (both changed).
pub(super) fn rules(pair: &mut Pair<'_>) {
    let old: Vec<View> = pair
        .old
        .p
        .rules
        .iter()
        .map(|r| view(pair, &pair.old, r, true))
        .collect();
    let new: Vec<View> = pair
        .new
        .p
        .rules
        .iter()
        .map(|r| view(pair, &pair.new, r, false))
        .collect();
    let passes: [Matcher; 3] = [
        |o, n| same(o, n) && o.key == n.key,
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
        if o.key != n.key {
            c.aspect(Field::Tests, o.tests.clone(), n.tests.clone());
        }
        if o.amount != n.amount {
            c.aspect(Field::Points, o.amount.clone(), n.amount.clone());
        }
        if o.cap != n.cap {
            c.aspect(Field::Cap, o.cap.clone(), n.cap.clone());
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

/// Section caps (`封顶`), sections matched by direction and order.
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
                .map(|x| (x.cap, x.clause))
                .collect::<Vec<_>>()
        };
        let (o, n) = (of(&pair.old), of(&pair.new));
        for k in 0..o.len().max(n.len()) {
            let (oc, nc) = (o.get(k), n.get(k));
            let (ocap, ncap) = (oc.and_then(|x| x.0), nc.and_then(|x| x.0));
            if ocap == ncap {
                continue;
            }
            let mut c = Change::new(Part::Sections, Mark::Changed, subject);
            c.citation = nc
                .and_then(|x| pair.new.citation(x.1))
                .or_else(|| oc.and_then(|x| pair.old.citation(x.1)));
            c.aspect(Field::Cap, opt_dec(ocap), opt_dec(ncap));
            pair.push(c);
        }
    }
}

fn kind_name(side: &Side<'_>, k: KindId) -> String {
    side.p[k].name.clone()
}

/// Vetoes: by kind and tests (an event veto) or by condition (`当 …`).
pub(super) fn vetoes(pair: &mut Pair<'_>) {
    let stated = |pair: &Pair<'_>, side: &Side<'_>, old: bool| -> Vec<Stated> {
        side.p
            .vetoes
            .iter()
            .map(|v| {
                let (key, subject) = match &v.trigger {
                    VetoTrigger::Event { kind, tests } => {
                        let name = kind_name(side, *kind);
                        let name = if old {
                            pair.kind_name(&name).to_string()
                        } else {
                            name
                        };
                        let (key, _) = tests_of(pair, side, &side.p[*kind], tests, old);
                        (format!("event {name} {key}"), name)
                    }
                    VetoTrigger::When(_) => (format!("when {}", side.text(v.clause)), NONE.into()),
                };
                let mut s = Stated::of(side, key.clone(), subject, v.clause);
                // The key says what the veto tests: a renamed kind is no change here.
                s.text_key = key;
                s
            })
            .collect()
    };
    let (o, n) = (
        stated(pair, &pair.old, true),
        stated(pair, &pair.new, false),
    );
    by_key(pair, Part::Vetoes, o, n);
}

/// Findings (`弄虚作假 => 该项清零, 取消 先进`): by kind and tests; a change
/// of what they do shows in their words.
pub(super) fn findings(pair: &mut Pair<'_>) {
    let stated = |pair: &Pair<'_>, side: &Side<'_>, old: bool| -> Vec<Stated> {
        side.p
            .findings
            .iter()
            .map(|f| {
                let name = kind_name(side, f.kind);
                let name = if old {
                    pair.kind_name(&name).to_string()
                } else {
                    name
                };
                let (key, _) = tests_of(pair, side, &side.p[f.kind], &f.tests, old);
                let mut revoke: Vec<String> = f
                    .revoke
                    .iter()
                    .map(|a| &side.p[*a])
                    .map(|a| a.name.clone())
                    .collect();
                revoke.sort();
                let what = format!("{} {}", f.zero_item, revoke.join("|"));
                let mut s = Stated::of(side, format!("{name} {key}"), name, f.clause);
                // What the finding does decides whether it changed, not its spelling.
                s.text_key = what;
                s
            })
            .collect()
    };
    let (o, n) = (
        stated(pair, &pair.old, true),
        stated(pair, &pair.new, false),
    );
    by_key(pair, Part::Findings, o, n);
}
