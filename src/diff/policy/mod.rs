//! Comparing two policies: declarations are matched by name (units, items,
//! kinds, awards, outcomes, tiers, steps) or by what they test (rules,
//! vetoes, findings); what is left unmatched on both sides is paired as a
//! rename when everything but the name agrees, else added or removed.

mod decisions;
mod meaning;
mod rules;
mod tree;

use std::collections::BTreeMap;

use super::{Change, Field, Mark, Part};
use crate::ast::Policy;
use crate::i18n::Lang;
use crate::ir::{ClauseId, Program};
use crate::source::SourceFile;

/// One version of the policy: its program, its AST and its text.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub p: &'a Program,
    pub ast: &'a Policy,
    pub file: &'a SourceFile,
}

impl Side<'_> {
    fn text(&self, c: ClauseId) -> String {
        self.p.clause(c).text.clone()
    }

    fn citation(&self, c: ClauseId) -> Option<String> {
        self.p.clause(c).citation.clone()
    }
}

/// Both versions, and what the old names are called in the new version.
struct Pair<'a> {
    old: Side<'a>,
    new: Side<'a>,
    lang: Lang,
    /// Old kind name → new kind name (the same name, or the rename).
    kinds: BTreeMap<String, String>,
    /// Old item name → new item name.
    items: BTreeMap<String, String>,
    changes: Vec<Change>,
}

impl Pair<'_> {
    fn kind_name<'n>(&'n self, old: &'n str) -> &'n str {
        self.kinds.get(old).map_or(old, String::as_str)
    }

    fn item_name<'n>(&'n self, old: &'n str) -> &'n str {
        self.items.get(old).map_or(old, String::as_str)
    }

    fn push(&mut self, change: Change) {
        self.changes.push(change);
    }
}

/// Every change from `old` to `new`, grouped by part, in each part in the
/// new version's order (removals where the old version had them).
pub fn compare(old: Side<'_>, new: Side<'_>, lang: Lang) -> Vec<Change> {
    let mut pair = Pair {
        old,
        new,
        lang,
        kinds: BTreeMap::new(),
        items: BTreeMap::new(),
        changes: Vec::new(),
    };
    tree::header(&mut pair);
    tree::units(&mut pair);
    tree::items(&mut pair);
    tree::kinds(&mut pair);
    rules::rules(&mut pair);
    rules::sections(&mut pair);
    rules::vetoes(&mut pair);
    rules::findings(&mut pair);
    decisions::ranking(&mut pair);
    decisions::awards(&mut pair);
    decisions::outcomes(&mut pair);
    decisions::grades(&mut pair);
    decisions::payouts(&mut pair);
    decisions::schedule(&mut pair);
    let mut changes = pair.changes;
    // Stable: within a part, the order the comparisons found them.
    changes.sort_by_key(|c| c.part);
    changes
}

/// A declaration stated in a clause: matched with the other version by
/// `key`, changed when what it means (`meaning`) or its citation differs. Its
/// words (`text`) are only shown.
#[derive(Debug, Clone)]
struct Stated<K, M> {
    /// What matches it with the other version.
    key: K,
    subject: String,
    /// The statement as this version writes it.
    text: String,
    /// What decides whether it changed.
    meaning: M,
    citation: Option<String>,
}

impl<K, M> Stated<K, M> {
    fn of(side: &Side<'_>, key: K, subject: String, meaning: M, c: ClauseId) -> Stated<K, M> {
        Stated {
            key,
            subject,
            text: side.text(c),
            meaning,
            citation: side.citation(c),
        }
    }
}

/// Matches statements by key: a changed meaning or citation is a change; the
/// rest are added or removed.
fn by_key<K: PartialEq, M: PartialEq>(
    pair: &mut Pair<'_>,
    part: Part,
    old: Vec<Stated<K, M>>,
    new: Vec<Stated<K, M>>,
) {
    let mut taken = vec![false; old.len()];
    for n in &new {
        let found = old
            .iter()
            .enumerate()
            .find(|(i, o)| o.key == n.key && !taken.get(*i).copied().unwrap_or(true));
        match found {
            Some((i, o)) => {
                if let Some(t) = taken.get_mut(i) {
                    *t = true;
                }
                if o.meaning != n.meaning || o.citation != n.citation {
                    let mut c = Change::new(part, Mark::Changed, n.subject.clone());
                    c.citation = n.citation.clone();
                    c.old = Some(o.text.clone());
                    c.new = Some(n.text.clone());
                    if o.citation != n.citation {
                        c.aspect(Field::Citation, cite(&o.citation), cite(&n.citation));
                    }
                    pair.push(c);
                }
            }
            None => pair.push(added(part, n)),
        }
    }
    for (o, t) in old.iter().zip(&taken) {
        if !t {
            pair.push(removed(part, o));
        }
    }
}

fn added<K, M>(part: Part, s: &Stated<K, M>) -> Change {
    let mut c = Change::new(part, Mark::Added, s.subject.clone());
    c.citation = s.citation.clone();
    c.new = Some(s.text.clone());
    c
}

fn removed<K, M>(part: Part, s: &Stated<K, M>) -> Change {
    let mut c = Change::new(part, Mark::Removed, s.subject.clone());
    c.citation = s.citation.clone();
    c.old = Some(s.text.clone());
    c
}

/// `【四(一)】`, or `—`.
fn cite(c: &Option<String>) -> String {
    c.as_ref()
        .map_or_else(|| NONE.to_string(), |t| format!("【{t}】"))
}

/// What an absent value shows as.
const NONE: &str = "—";

fn dec(d: rust_decimal::Decimal) -> String {
    crate::diag::fmt_decimal(d)
}

fn opt_dec(d: Option<rust_decimal::Decimal>) -> String {
    d.map_or_else(|| NONE.to_string(), dec)
}
