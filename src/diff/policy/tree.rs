//! The header, units and groups, the score tree and event kinds: what the
//! rules and decisions refer to. Items and kinds are matched first so that
//! later comparisons read old names in the new version's words.

use std::collections::BTreeMap;

use super::{Change, Field, Mark, NONE, Pair, Part, Side, cite, dec, opt_dec};
use crate::ast::{Decl, HeaderStmt};
use crate::ir::{AttrDomain, ItemIr, KindIr};

/// The header's facts as one change: title, year, window, issuer, basis, skipped years.
pub(super) fn header(pair: &mut Pair<'_>) {
    let (o, n) = (pair.old.p, pair.new.p);
    let mut c = Change::new(Part::Header, Mark::Changed, n.title.clone());
    if o.title != n.title {
        c.aspect(Field::Title, o.title.clone(), n.title.clone());
    }
    if o.year != n.year {
        c.aspect(Field::Year, o.year.to_string(), n.year.to_string());
    }
    if o.window != n.window {
        let w = |(a, b): (crate::calendar::Date, crate::calendar::Date)| format!("{a} — {b}");
        // No citation: the header's change bundles several statements.
        c.aspect(Field::Window, w(o.window), w(n.window));
    }
    let (oi, ni) = (issuer(&pair.old), issuer(&pair.new));
    if oi != ni {
        c.aspect(Field::Issuer, oi, ni);
    }
    let (ob, nb) = (basis(&pair.old), basis(&pair.new));
    if ob != nb {
        c.aspect(Field::Basis, ob, nb);
    }
    let years = |s: &Side<'_>| {
        let mut y: Vec<i32> = s.p.skip_years.iter().map(|(y, _)| *y).collect();
        y.sort_unstable();
        join(y.iter().map(ToString::to_string))
    };
    let (oy, ny) = (years(&pair.old), years(&pair.new));
    if oy != ny {
        c.aspect(Field::SkipYears, oy, ny);
    }
    if o.full != n.full {
        c.aspect(Field::Full, dec(o.full), dec(n.full));
    }
    if !c.aspects.is_empty() {
        pair.push(c);
    }
}

fn header_stmts<'a>(s: &Side<'a>) -> impl Iterator<Item = &'a HeaderStmt> {
    s.ast.decls.iter().flat_map(|d| match &d.node {
        Decl::Header(h) => h.stmts.iter().map(|s| &s.node).collect(),
        _ => Vec::new(),
    })
}

fn issuer(s: &Side<'_>) -> String {
    header_stmts(s)
        .find_map(|h| match h {
            HeaderStmt::Issuer(t) => Some(t.text.clone()),
            _ => None,
        })
        .unwrap_or_else(|| NONE.to_string())
}

fn basis(s: &Side<'_>) -> String {
    join(header_stmts(s).flat_map(|h| match h {
        HeaderStmt::Basis(ts) => ts.iter().map(|t| t.text.clone()).collect(),
        _ => Vec::new(),
    }))
}

/// Values joined with `, `, or `—` when there are none.
pub(super) fn join(values: impl Iterator<Item = String>) -> String {
    let v: Vec<String> = values.collect();
    if v.is_empty() {
        NONE.to_string()
    } else {
        v.join(", ")
    }
}

/// Groups (added, removed, opened or closed, relabelled) and units (added,
/// removed, renamed in place, moved between groups, relabelled).
pub(super) fn units(pair: &mut Pair<'_>) {
    let (o, n) = (pair.old.p, pair.new.p);
    for g in &n.groups {
        let cit = pair.new.citation(g.clause);
        match o.groups.iter().find(|x| x.name == g.name) {
            Some(og) => {
                let mut c = Change::new(Part::Units, Mark::Changed, g.name.clone());
                c.citation = cit;
                if og.open != g.open {
                    c.aspect(Field::Open, yes_no(og.open), yes_no(g.open));
                }
                if og.label != g.label {
                    c.aspect(Field::Label, label(&og.label), label(&g.label));
                }
                if !c.aspects.is_empty() {
                    c.old = Some(pair.old.text(og.clause));
                    c.new = Some(pair.new.text(g.clause));
                    pair.push(c);
                }
            }
            None => {
                let mut c = Change::new(Part::Units, Mark::Added, g.name.clone());
                c.citation = cit;
                c.new = Some(pair.new.text(g.clause));
                pair.push(c);
            }
        }
    }
    for g in o
        .groups
        .iter()
        .filter(|g| !n.groups.iter().any(|x| x.name == g.name))
    {
        let mut c = Change::new(Part::Units, Mark::Removed, g.name.clone());
        c.citation = pair.old.citation(g.clause);
        c.old = Some(pair.old.text(g.clause));
        pair.push(c);
    }
    // Units: where each stands (group name, position in it).
    let place = |s: &Side<'_>, u: &crate::ir::UnitIr| {
        let g = &s.p[u.group];
        let pos = g.members.iter().position(|m| s.p[*m].name == u.name);
        let name = g.name.clone();
        (name, pos)
    };
    let gone: Vec<&crate::ir::UnitIr> = o
        .units
        .iter()
        .filter(|u| !n.units.iter().any(|x| x.name == u.name))
        .collect();
    let mut renamed_from: Vec<String> = Vec::new();
    for u in &n.units {
        let (group, pos) = place(&pair.new, u);
        match o.units.iter().find(|x| x.name == u.name) {
            Some(ou) => {
                let (ogroup, _) = place(&pair.old, ou);
                let mut c = Change::new(Part::Units, Mark::Changed, u.name.clone());
                if ogroup != group {
                    c.aspect(Field::Group, ogroup, group);
                }
                if ou.label != u.label {
                    c.aspect(Field::Label, label(&ou.label), label(&u.label));
                }
                if !c.aspects.is_empty() {
                    pair.push(c);
                }
            }
            None => {
                // Renamed in place: the old unit at the same position of the same group.
                let old = gone.iter().find(|x| {
                    place(&pair.old, x) == (group.clone(), pos) && !renamed_from.contains(&x.name)
                });
                let mut c = match old {
                    Some(ou) => {
                        renamed_from.push(ou.name.clone());
                        let mut c = Change::new(Part::Units, Mark::Renamed, u.name.clone());
                        c.renamed_from = Some(ou.name.clone());
                        if ou.label != u.label {
                            c.aspect(Field::Label, label(&ou.label), label(&u.label));
                        }
                        c
                    }
                    None => {
                        let mut c = Change::new(Part::Units, Mark::Added, u.name.clone());
                        c.aspect(Field::Group, NONE, group);
                        c
                    }
                };
                c.citation = pair.new.citation(n[u.group].clause);
                pair.push(c);
            }
        }
    }
    for u in gone.iter().filter(|u| !renamed_from.contains(&u.name)) {
        let (group, _) = place(&pair.old, u);
        let mut c = Change::new(Part::Units, Mark::Removed, u.name.clone());
        c.aspect(Field::Group, group, NONE);
        c.citation = pair.old.citation(o[u.group].clause);
        pair.push(c);
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "等" } else { NONE }
}

fn label(l: &Option<String>) -> String {
    l.as_ref()
        .map_or_else(|| NONE.to_string(), |t| format!("\"{t}\""))
}

fn parent_name(p: &crate::ir::Program, item: &ItemIr) -> Option<String> {
    item.parent.map(|x| &p[x]).map(|x| x.name.clone())
}

/// Score items: matched by name; an unmatched pair with the same maximum,
/// scale, parent and citation is a rename. Fills `pair.items`.
pub(super) fn items(pair: &mut Pair<'_>) {
    let (o, n) = (pair.old.p, pair.new.p);
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    for oi in &o.items {
        if n.items.iter().any(|x| x.name == oi.name) {
            map.insert(oi.name.clone(), oi.name.clone());
        }
    }
    // Renames, top-down (declaration order puts parents first).
    let unmatched: Vec<&ItemIr> = o
        .items
        .iter()
        .filter(|i| !map.contains_key(&i.name))
        .collect();
    for oi in unmatched {
        let oparent = parent_name(o, oi).map(|p| map.get(&p).cloned().unwrap_or(p));
        let ocite = pair.old.citation(oi.clause);
        let taken: Vec<&String> = map.values().collect();
        let found = n.items.iter().find(|ni| {
            !taken.contains(&&ni.name)
                && !o.items.iter().any(|x| x.name == ni.name)
                && ni.max == oi.max
                && ni.scale == oi.scale
                && parent_name(n, ni) == oparent
                && pair.new.citation(ni.clause) == ocite
        });
        if let Some(ni) = found {
            map.insert(oi.name.clone(), ni.name.clone());
        }
    }
    pair.items = map.clone();
    let renamed: BTreeMap<&String, &String> = map.iter().map(|(a, b)| (b, a)).collect();
    for ni in &n.items {
        let cit = pair.new.citation(ni.clause);
        let Some(oi) = renamed
            .get(&ni.name)
            .and_then(|on| o.items.iter().find(|x| &x.name == *on))
        else {
            let mut c = Change::new(Part::Score, Mark::Added, ni.name.clone());
            c.citation = cit;
            c.new = Some(pair.new.text(ni.clause));
            pair.push(c);
            continue;
        };
        let mark = if oi.name == ni.name {
            Mark::Changed
        } else {
            Mark::Renamed
        };
        let mut c = Change::new(Part::Score, mark, ni.name.clone());
        if mark == Mark::Renamed {
            c.renamed_from = Some(oi.name.clone());
        }
        c.citation = cit.clone();
        if oi.max != ni.max {
            c.aspect(Field::Max, dec(oi.max), dec(ni.max));
        }
        if oi.scale != ni.scale {
            c.aspect(Field::Scale, opt_dec(oi.scale), opt_dec(ni.scale));
        }
        let op = parent_name(o, oi).map(|p| map.get(&p).cloned().unwrap_or(p));
        let np = parent_name(n, ni);
        if op != np {
            let show = |x: Option<String>| x.unwrap_or_else(|| NONE.to_string());
            c.aspect(Field::Parent, show(parent_name(o, oi)), show(np));
        }
        if oi.scorer != ni.scorer {
            let show = |x: &Option<String>| x.clone().unwrap_or_else(|| NONE.to_string());
            c.aspect(Field::Scorer, show(&oi.scorer), show(&ni.scorer));
        }
        let ocit = pair.old.citation(oi.clause);
        if ocit != cit {
            c.aspect(Field::Citation, cite(&ocit), cite(&cit));
        }
        if mark == Mark::Renamed || !c.aspects.is_empty() {
            c.old = Some(pair.old.text(oi.clause));
            c.new = Some(pair.new.text(ni.clause));
            pair.push(c);
        }
    }
    for oi in o.items.iter().filter(|i| !map.contains_key(&i.name)) {
        let mut c = Change::new(Part::Score, Mark::Removed, oi.name.clone());
        c.citation = pair.old.citation(oi.clause);
        c.old = Some(pair.old.text(oi.clause));
        pair.push(c);
    }
}

fn attr_text(kind: &KindIr, i: usize) -> String {
    kind.attrs
        .get(i)
        .map_or_else(String::new, |a| match &a.domain {
            AttrDomain::Items => format!("{}: {}", a.name, ITEMS),
            AttrDomain::Values(v) => format!("{}: {}", a.name, v.join(" | ")),
        })
}

/// How the policy spells the item domain (`计分项`); the keyword is the same
/// in the diff whichever language the policy uses.
const ITEMS: &str = "计分项";

/// Attributes of a kind, comparable across versions: name and sorted values.
fn attrs_key(kind: &KindIr) -> Vec<(String, Vec<String>)> {
    kind.attrs
        .iter()
        .map(|a| {
            let mut v = match &a.domain {
                AttrDomain::Values(v) => v.clone(),
                AttrDomain::Items => vec![ITEMS.to_string()],
            };
            v.sort();
            (a.name.clone(), v)
        })
        .collect()
}

/// Event kinds: matched by name; an unmatched pair with the same attributes
/// and the same rules is a rename. Fills `pair.kinds`.
pub(super) fn kinds(pair: &mut Pair<'_>) {
    let (o, n) = (pair.old.p, pair.new.p);
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    for ok in &o.kinds {
        if n.kinds.iter().any(|x| x.name == ok.name) {
            map.insert(ok.name.clone(), ok.name.clone());
        }
    }
    let unmatched: Vec<&KindIr> = o
        .kinds
        .iter()
        .filter(|k| !map.contains_key(&k.name))
        .collect();
    for ok in unmatched {
        let orules = super::rules::kind_rules(pair, ok, true);
        let taken: Vec<&String> = map.values().collect();
        let found = n.kinds.iter().find(|nk| {
            !taken.contains(&&nk.name)
                && !o.kinds.iter().any(|x| x.name == nk.name)
                && attrs_key(nk) == attrs_key(ok)
                && super::rules::kind_rules(pair, nk, false) == orules
        });
        if let Some(nk) = found {
            map.insert(ok.name.clone(), nk.name.clone());
        }
    }
    pair.kinds = map.clone();
    let renamed: BTreeMap<&String, &String> = map.iter().map(|(a, b)| (b, a)).collect();
    for nk in &n.kinds {
        let cit = pair.new.citation(nk.clause);
        let Some(ok) = renamed
            .get(&nk.name)
            .and_then(|on| o.kinds.iter().find(|x| &x.name == *on))
        else {
            let mut c = Change::new(Part::Kinds, Mark::Added, nk.name.clone());
            c.citation = cit;
            c.new = Some(pair.new.text(nk.clause));
            for i in 0..nk.attrs.len() {
                c.aspect(Field::Attribute, NONE, attr_text(nk, i));
            }
            pair.push(c);
            continue;
        };
        let mark = if ok.name == nk.name {
            Mark::Changed
        } else {
            Mark::Renamed
        };
        let mut c = Change::new(Part::Kinds, mark, nk.name.clone());
        if mark == Mark::Renamed {
            c.renamed_from = Some(ok.name.clone());
        }
        c.citation = cit.clone();
        for (i, na) in nk.attrs.iter().enumerate() {
            match ok
                .attr_index(&na.name)
                .and_then(|j| ok.attrs.get(j).map(|a| (j, a)))
            {
                None => c.aspect(Field::Attribute, NONE, attr_text(nk, i)),
                Some((j, oa)) if oa.domain != na.domain => {
                    c.aspect(Field::Values, attr_text(ok, j), attr_text(nk, i));
                }
                Some(_) => {}
            }
        }
        for (j, oa) in ok.attrs.iter().enumerate() {
            if nk.attr_index(&oa.name).is_none() {
                c.aspect(Field::Attribute, attr_text(ok, j), NONE);
            }
        }
        if ok.status != nk.status {
            let w = crate::i18n::Kw::Status.display(pair.lang);
            let shown = |s: bool| if s { w.to_string() } else { NONE.to_string() };
            c.aspect(Field::Status, shown(ok.status), shown(nk.status));
        }
        let ocit = pair.old.citation(ok.clause);
        if ocit != cit {
            c.aspect(Field::Citation, cite(&ocit), cite(&cit));
        }
        if mark == Mark::Renamed || !c.aspects.is_empty() {
            c.old = Some(pair.old.text(ok.clause));
            c.new = Some(pair.new.text(nk.clause));
            pair.push(c);
        }
    }
    for ok in o.kinds.iter().filter(|k| !map.contains_key(&k.name)) {
        let mut c = Change::new(Part::Kinds, Mark::Removed, ok.name.clone());
        c.citation = pair.old.citation(ok.clause);
        c.old = Some(pair.old.text(ok.clause));
        pair.push(c);
    }
}
