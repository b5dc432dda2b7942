//! What needs every unit (§3.8–3.12, §3.15, §7.15–18): competition ranking
//! in its scope, outcomes, award eligibility and quotas, grades, payouts.
//! Ranks and places are counted directly ("how many ranked units of the
//! scope are strictly better"), quadratic and plain, not computed by sorting.
//!
//! Decisions may read decisions (§3.11 "Decision order and `pending`"):
//! each is made after those it reads. A quota whose boundary cuts units tied
//! on the whole ranking key is the leadership's to settle; the reference
//! does not rule "pending" by rules of its own but enumerates the *worlds*:
//! every way of giving the remaining places to the tied units (at a grade
//! tier, the tied units not given it fall through to later tiers, as a unit
//! whose condition fails). Every decision after it is made in each world
//! with plain booleans, and a unit's ruling is the set of values its
//! decisions take across the worlds: one value is settled, several are
//! pending.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use kaohe::ast::{Cond, CondNode, Exclusion, Order};

use super::cond::{Decided as Reads, View, truth};
use super::exact::{Q, floor_count, int};
use super::model::{Key, Model, Places};
use super::unit::UnitEval;

/// The most worlds a case may have; a case with more is skipped.
pub const MAX_WORLDS: usize = 4096;

/// The code of the "problem" a case with too many worlds is refused with.
pub const TOO_MANY_WORLDS: &str = "too many worlds";

/// A case whose ties make more than [`MAX_WORLDS`] worlds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyWorlds;

/// A unit's standing for an award.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Selection {
    /// No quota: eligibility is the ruling.
    NoQuota,
    Selected,
    NotSelected,
    /// Tied on the whole key across the quota's boundary (kaohe's word; a
    /// world always settles it).
    Pending,
}

/// A unit's grade.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    None,
    Tier(String),
    /// kaohe's word for a tie across this tier's quota; a world settles it.
    Pending(String),
}

/// Every value each decision about one unit takes across the worlds.
#[derive(Debug, Clone, Default)]
pub struct Decided {
    /// (rank, ranked units of the scope strictly after it) for ranked units.
    pub place: Option<(u32, u32)>,
    pub outcomes: Vec<BTreeSet<bool>>,
    /// Per award: eligible, and the selection.
    pub eligible: Vec<BTreeSet<bool>>,
    pub selection: Vec<BTreeSet<Selection>>,
    /// [`Grade::None`] or [`Grade::Tier`] only.
    pub grade: BTreeSet<Grade>,
    /// Per `兑现` line: whether it is due to the unit.
    pub payouts: Vec<BTreeSet<bool>>,
}

/// One world's decisions about one unit.
#[derive(Debug, Clone)]
struct Facts {
    outcomes: Vec<bool>,
    eligible: Vec<bool>,
    selection: Vec<Selection>,
    /// A tier's position.
    grade: Option<usize>,
}

/// A decision, made for every unit at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node {
    Outcome(usize),
    Award(usize),
    Grades,
}

/// The unit's scope: its group under `分组内`, else everyone.
fn scope<'u>(m: &Model<'_>, u: &'u UnitEval<'_>) -> &'u str {
    if m.within_group { &u.data.group } else { "" }
}

fn key(m: &Model<'_>, u: &UnitEval<'_>) -> Vec<Q> {
    m.keys
        .iter()
        .map(|(k, _)| match k {
            Key::Total => u.total.clone(),
            Key::Item(name) => u.contributions[m.item_index(name).unwrap()].clone(),
        })
        .collect()
}

/// `Less` when `a` ranks before `b` on the whole key.
fn before(m: &Model<'_>, a: &[Q], b: &[Q]) -> Ordering {
    for ((x, y), (_, order)) in a.iter().zip(b).zip(&m.keys) {
        let c = match order {
            Order::Desc => y.cmp(x),
            Order::Asc => x.cmp(y),
        };
        if c != Ordering::Equal {
            return c;
        }
    }
    Ordering::Equal
}

/// Places of a quota among `ranked` units of a scope (§7.16: rounded down).
fn places(q: &Places, ranked: usize) -> usize {
    match q {
        Places::Count(n) => floor_count(n),
        Places::Percent(p) => floor_count(&(p.clone() * int(ranked as i64) / int(100))),
    }
}

/// The decisions a condition reads.
fn reads(m: &Model<'_>, c: &Cond, out: &mut Vec<Node>) {
    match &c.node {
        CondNode::Or(list) | CondNode::And(list) => list.iter().for_each(|x| reads(m, x, out)),
        CondNode::Not(x) => reads(m, x, out),
        CondNode::Grade(_) => out.push(Node::Grades),
        CondNode::Awarded(a) => out.push(Node::Award(m.award_at(&a.text))),
        _ => {}
    }
}

/// The decisions `node` reads.
fn needs(m: &Model<'_>, node: Node) -> Vec<Node> {
    let mut out = Vec::new();
    match node {
        Node::Outcome(o) => reads(m, m.outcomes[o].1, &mut out),
        Node::Grades => {
            for t in &m.tiers {
                if let Some(c) = &t.when {
                    reads(m, c, &mut out);
                }
            }
        }
        Node::Award(a) => {
            for e in &m.awards[a].exclusions {
                if let Exclusion::Name(n) = e {
                    if let Some(o) = m.outcomes.iter().position(|(x, _)| *x == n.text) {
                        out.push(Node::Outcome(o));
                    } else if m.tiers.iter().any(|t| t.name.text == n.text) {
                        out.push(Node::Grades);
                    } else if let Some(b) = m.awards.iter().position(|x| x.name == n.text) {
                        out.push(Node::Award(b));
                    }
                }
            }
        }
    }
    out
}

/// Every decision, each after those it reads (a cycle is KH209, which
/// kaohe's checker refuses before evaluation).
fn order(m: &Model<'_>) -> Vec<Node> {
    let mut todo: Vec<Node> = (0..m.outcomes.len())
        .map(Node::Outcome)
        .chain((0..m.awards.len()).map(Node::Award))
        .collect();
    if !m.tiers.is_empty() {
        todo.push(Node::Grades);
    }
    let mut done: Vec<Node> = Vec::new();
    while !todo.is_empty() {
        let next = todo
            .iter()
            .position(|&x| needs(m, x).iter().all(|y| done.contains(y)))
            .unwrap_or_else(|| panic!("decisions read each other in a cycle: {todo:?}"));
        done.push(todo.remove(next));
    }
    done
}

/// Every `k`-subset of `xs`, in order; `Err` past [`MAX_WORLDS`].
fn subsets(xs: &[usize], k: usize) -> Result<Vec<Vec<usize>>, TooManyWorlds> {
    // C(n, k) first, so that a hopeless enumeration is never begun.
    let mut c: u128 = 1;
    for i in 0..k {
        c = c * (xs.len() - i) as u128 / (i + 1) as u128;
        if c > MAX_WORLDS as u128 {
            return Err(TooManyWorlds);
        }
    }
    fn go(xs: &[usize], k: usize, from: usize, now: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if now.len() == k {
            out.push(now.clone());
            return;
        }
        for i in from..xs.len() {
            if xs.len() - i < k - now.len() {
                break;
            }
            now.push(xs[i]);
            go(xs, k, i + 1, now, out);
            now.pop();
        }
    }
    let mut out = Vec::new();
    go(xs, k, 0, &mut Vec::new(), &mut out);
    Ok(out)
}

/// Every choice of `places` units among `rivals` in rank order: all the
/// units of a tie group that fits, and each way of filling the places a tie
/// group's boundary cuts.
fn choices(
    m: &Model<'_>,
    keys: &[Vec<Q>],
    rivals: &[usize],
    places: usize,
) -> Result<Vec<Vec<usize>>, TooManyWorlds> {
    let mut sorted = rivals.to_vec();
    sorted.sort_by(|&a, &b| before(m, &keys[a], &keys[b]));
    let mut chosen = Vec::new();
    let mut start = 0;
    while start < sorted.len() && chosen.len() < places {
        let mut end = start + 1;
        while end < sorted.len() && before(m, &keys[sorted[start]], &keys[sorted[end]]).is_eq() {
            end += 1;
        }
        let tied = &sorted[start..end];
        let left = places - chosen.len();
        if tied.len() <= left {
            chosen.extend_from_slice(tied);
        } else {
            return Ok(subsets(tied, left)?
                .into_iter()
                .map(|s| {
                    let mut c = chosen.clone();
                    c.extend(s);
                    c
                })
                .collect());
        }
        start = end;
    }
    Ok(vec![chosen])
}

/// The decisions of one world, as a condition reads them.
struct WorldView<'f, 'm> {
    m: &'f Model<'m>,
    facts: &'f Facts,
}

impl Reads for WorldView<'_, '_> {
    fn awarded(&self, award: &str) -> Option<bool> {
        Some(awarded(self.facts, self.m.award_at(award)))
    }

    fn graded_in(&self, tiers: &[&str]) -> Option<bool> {
        Some(
            self.facts
                .grade
                .is_some_and(|t| tiers.contains(&self.m.tiers[t].name.text.as_str())),
        )
    }
}

/// `获得 A`: selected, or without a quota eligible.
fn awarded(f: &Facts, a: usize) -> bool {
    match f.selection[a] {
        Selection::NoQuota => f.eligible[a],
        Selection::Selected => true,
        Selection::NotSelected | Selection::Pending => false,
    }
}

struct Worlds<'x, 'm, 'u> {
    m: &'x Model<'m>,
    units: &'x [UnitEval<'u>],
    keys: Vec<Vec<Q>>,
    place: Vec<Option<(u32, u32)>>,
    order: Vec<Node>,
    out: Vec<Decided>,
    worlds: usize,
}

pub fn decide(m: &Model<'_>, units: &[UnitEval<'_>]) -> Result<Vec<Decided>, TooManyWorlds> {
    let n = units.len();
    let keys: Vec<Vec<Q>> = units.iter().map(|u| key(m, u)).collect();
    let ranked = |i: usize| !units[i].vetoed;
    let same_scope = |i: usize, j: usize| scope(m, &units[i]) == scope(m, &units[j]);
    let peers = |i: usize| (0..n).filter(move |&j| ranked(j) && same_scope(i, j));
    let place: Vec<Option<(u32, u32)>> = (0..n)
        .map(|i| {
            ranked(i).then(|| {
                let better = peers(i)
                    .filter(|&j| before(m, &keys[j], &keys[i]).is_lt())
                    .count();
                let after = peers(i)
                    .filter(|&j| before(m, &keys[j], &keys[i]).is_gt())
                    .count();
                (better as u32 + 1, after as u32)
            })
        })
        .collect();
    let out = (0..n)
        .map(|i| Decided {
            place: place[i],
            outcomes: vec![BTreeSet::new(); m.outcomes.len()],
            eligible: vec![BTreeSet::new(); m.awards.len()],
            selection: vec![BTreeSet::new(); m.awards.len()],
            grade: BTreeSet::new(),
            payouts: vec![BTreeSet::new(); m.payouts.len()],
        })
        .collect();
    let mut w = Worlds {
        m,
        units,
        keys,
        place,
        order: order(m),
        out,
        worlds: 0,
    };
    let start = vec![
        Facts {
            outcomes: vec![false; m.outcomes.len()],
            eligible: vec![false; m.awards.len()],
            selection: vec![Selection::NoQuota; m.awards.len()],
            grade: None,
        };
        n
    ];
    w.explore(0, start)?;
    Ok(w.out)
}

impl Worlds<'_, '_, '_> {
    fn n(&self) -> usize {
        self.units.len()
    }

    fn view(&self, i: usize) -> View<'_, '_> {
        View {
            unit: &self.units[i],
            place: self.place[i],
        }
    }

    /// A condition of unit `i` in the world `facts`.
    fn holds(&self, c: &Cond, i: usize, facts: &[Facts]) -> bool {
        let reads = WorldView {
            m: self.m,
            facts: &facts[i],
        };
        truth(self.m, c, &self.view(i), &reads).expect("a world decides everything it reads")
    }

    /// The scopes of ranking, each with its ranked units.
    fn scopes(&self) -> Vec<Vec<usize>> {
        let mut names: Vec<&str> = self.units.iter().map(|u| scope(self.m, u)).collect();
        names.sort_unstable();
        names.dedup();
        names
            .into_iter()
            .map(|s| {
                (0..self.n())
                    .filter(|&i| self.place[i].is_some() && scope(self.m, &self.units[i]) == s)
                    .collect()
            })
            .collect()
    }

    fn explore(&mut self, k: usize, facts: Vec<Facts>) -> Result<(), TooManyWorlds> {
        let Some(&node) = self.order.get(k) else {
            self.worlds += 1;
            if self.worlds > MAX_WORLDS {
                return Err(TooManyWorlds);
            }
            self.record(&facts);
            return Ok(());
        };
        for world in self.alternatives(node, facts)? {
            self.explore(k + 1, world)?;
        }
        Ok(())
    }

    /// The worlds `node` makes of the world `facts`.
    fn alternatives(
        &self,
        node: Node,
        mut facts: Vec<Facts>,
    ) -> Result<Vec<Vec<Facts>>, TooManyWorlds> {
        match node {
            Node::Outcome(o) => {
                let c = self.m.outcomes[o].1;
                for i in 0..self.n() {
                    facts[i].outcomes[o] = self.holds(c, i, &facts);
                }
                Ok(vec![facts])
            }
            Node::Award(a) => self.award(a, facts),
            Node::Grades => self.grades(facts),
        }
    }

    /// Whether a `不含` applies to unit `i` (§3.9).
    fn excludes(&self, facts: &[Facts], i: usize, e: &Exclusion) -> bool {
        let (m, u) = (self.m, &self.units[i]);
        match e {
            Exclusion::Vetoed(_) => u.vetoed,
            Exclusion::Bottom(b) => {
                let n = m.num(&b.n);
                self.place[i].is_some_and(|(_, after)| int(i64::from(after)) + int(1) <= n)
            }
            Exclusion::Name(name) => {
                let name = name.text.as_str();
                if let Some(o) = m.outcomes.iter().position(|(x, _)| x == name) {
                    facts[i].outcomes[o]
                } else if let Some(t) = m.tiers.iter().position(|t| t.name.text == name) {
                    facts[i].grade == Some(t)
                } else if let Some(b) = m.awards.iter().position(|x| x.name == name) {
                    awarded(&facts[i], b)
                } else if m.is_kind(name) {
                    super::cond::count(u, name, &[]) >= 1
                } else if m.groups.iter().any(|g| g.name == name) {
                    u.data.group == name
                } else {
                    u.data.name == name
                }
            }
        }
    }

    fn award(&self, a: usize, mut facts: Vec<Facts>) -> Result<Vec<Vec<Facts>>, TooManyWorlds> {
        let (m, n) = (self.m, self.n());
        let award = &m.awards[a];
        for i in 0..n {
            let excluded = award.exclusions.iter().any(|e| self.excludes(&facts, i, e));
            let revoked = m.findings.iter().enumerate().any(|(f, finding)| {
                self.units[i].findings.contains(&f)
                    && finding.actions.iter().any(|x| {
                        matches!(x, kaohe::ast::FindingAction::Revoke(name) if name.text == award.name)
                    })
            });
            facts[i].eligible[a] = !self.units[i].vetoed && !excluded && !revoked;
        }
        // The rounds of selection: each scope (or each group with places)
        // among its own ranked units; each round's choices, independent.
        let mut rounds: Vec<Vec<Vec<usize>>> = Vec::new();
        if !award.group_quotas.is_empty() {
            for (g, q) in &award.group_quotas {
                let mates: Vec<usize> = (0..n)
                    .filter(|&j| self.place[j].is_some() && self.units[j].data.group == *g)
                    .collect();
                let rivals: Vec<usize> = mates
                    .iter()
                    .copied()
                    .filter(|&j| facts[j].eligible[a])
                    .collect();
                rounds.push(choices(m, &self.keys, &rivals, places(q, mates.len()))?);
            }
        } else if let Some(q) = &award.quota {
            for peers in self.scopes() {
                let rivals: Vec<usize> = peers
                    .iter()
                    .copied()
                    .filter(|&j| facts[j].eligible[a])
                    .collect();
                rounds.push(choices(m, &self.keys, &rivals, places(q, peers.len()))?);
            }
        } else {
            for f in &mut facts {
                f.selection[a] = Selection::NoQuota;
            }
            return Ok(vec![facts]);
        }
        for f in &mut facts {
            f.selection[a] = Selection::NotSelected;
        }
        let mut worlds = vec![facts];
        for round in rounds {
            if worlds.len() * round.len() > MAX_WORLDS {
                return Err(TooManyWorlds);
            }
            let mut next = Vec::new();
            for w in &worlds {
                for chosen in &round {
                    let mut x = w.clone();
                    for &i in chosen {
                        x[i].selection[a] = Selection::Selected;
                    }
                    next.push(x);
                }
            }
            worlds = next;
        }
        Ok(worlds)
    }

    /// `等次` (§3.12, §7.18): in rank order each unit takes the first tier
    /// whose condition holds and whose quota has room; a vetoed unit takes
    /// the last tier. A tie group wider than a tier's room: each way of
    /// giving the room, the others falling through.
    fn grades(&self, mut facts: Vec<Facts>) -> Result<Vec<Vec<Facts>>, TooManyWorlds> {
        let m = self.m;
        let last = m.tiers.len() - 1;
        for (f, u) in facts.iter_mut().zip(self.units) {
            f.grade = u.vetoed.then_some(last);
        }
        // Tie groups of every scope in rank order, with their scope.
        let scopes = self.scopes();
        let mut rooms: Vec<Vec<Option<usize>>> = Vec::new();
        let mut steps: Vec<(usize, Vec<usize>)> = Vec::new();
        for (s, members) in scopes.iter().enumerate() {
            rooms.push(
                m.tiers
                    .iter()
                    .map(|t| {
                        t.quota.as_ref().map(|q| {
                            let q = match q {
                                kaohe::ast::Quota::Count(x) => Places::Count(m.num(x)),
                                kaohe::ast::Quota::Percent(x) => Places::Percent(m.num(x)),
                            };
                            places(&q, members.len())
                        })
                    })
                    .collect(),
            );
            let mut sorted = members.clone();
            sorted.sort_by_key(|&i| self.place[i].unwrap().0);
            let mut start = 0;
            while start < sorted.len() {
                let mut end = start + 1;
                while end < sorted.len()
                    && before(m, &self.keys[sorted[start]], &self.keys[sorted[end]]).is_eq()
                {
                    end += 1;
                }
                steps.push((s, sorted[start..end].to_vec()));
                start = end;
            }
        }
        let mut out = Vec::new();
        let open = steps.first().map(|s| s.1.clone()).unwrap_or_default();
        self.tier_step(&steps, 0, 0, open, rooms, facts, &mut out)?;
        Ok(out)
    }

    /// Tier `t` for the still `open` units of tie group `step`.
    #[allow(clippy::too_many_arguments)]
    fn tier_step(
        &self,
        steps: &[(usize, Vec<usize>)],
        step: usize,
        t: usize,
        open: Vec<usize>,
        rooms: Vec<Vec<Option<usize>>>,
        facts: Vec<Facts>,
        out: &mut Vec<Vec<Facts>>,
    ) -> Result<(), TooManyWorlds> {
        let m = self.m;
        if step >= steps.len() {
            out.push(facts);
            return if out.len() > MAX_WORLDS {
                Err(TooManyWorlds)
            } else {
                Ok(())
            };
        }
        if open.is_empty() || t == m.tiers.len() {
            let next = steps.get(step + 1).map(|s| s.1.clone()).unwrap_or_default();
            return self.tier_step(steps, step + 1, 0, next, rooms, facts, out);
        }
        let s = steps[step].0;
        let tier = m.tiers[t];
        let takers: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| tier.when.as_ref().is_none_or(|c| self.holds(c, i, &facts)))
            .collect();
        let give = |chosen: &[usize],
                    open: &[usize],
                    mut rooms: Vec<Vec<Option<usize>>>,
                    mut facts: Vec<Facts>| {
            for &i in chosen {
                facts[i].grade = Some(t);
            }
            if let Some(left) = &mut rooms[s][t] {
                *left -= chosen.len();
            }
            let open: Vec<usize> = open
                .iter()
                .copied()
                .filter(|i| !chosen.contains(i))
                .collect();
            (open, rooms, facts)
        };
        match rooms[s][t] {
            _ if takers.is_empty() => self.tier_step(steps, step, t + 1, open, rooms, facts, out),
            Some(left) if left < takers.len() => {
                for chosen in subsets(&takers, left)? {
                    let (open, rooms, facts) = give(&chosen, &open, rooms.clone(), facts.clone());
                    self.tier_step(steps, step, t + 1, open, rooms, facts, out)?;
                }
                Ok(())
            }
            _ => {
                let (open, rooms, facts) = give(&takers, &open, rooms, facts);
                self.tier_step(steps, step, t + 1, open, rooms, facts, out)
            }
        }
    }

    /// One world's decisions, added to each unit's sets; its payouts.
    fn record(&mut self, facts: &[Facts]) {
        let m = self.m;
        for (i, f) in facts.iter().enumerate() {
            let u = &self.units[i];
            let d = &mut self.out[i];
            for (set, &x) in d.outcomes.iter_mut().zip(&f.outcomes) {
                set.insert(x);
            }
            for (set, &x) in d.eligible.iter_mut().zip(&f.eligible) {
                set.insert(x);
            }
            for (set, &x) in d.selection.iter_mut().zip(&f.selection) {
                set.insert(x);
            }
            d.grade.insert(match f.grade {
                None => Grade::None,
                Some(t) => Grade::Tier(m.tiers[t].name.text.clone()),
            });
            for (set, line) in d.payouts.iter_mut().zip(&m.payouts) {
                let target = line.target.as_str();
                let gets = if let Some(o) = m.outcomes.iter().position(|(x, _)| x == target) {
                    f.outcomes[o]
                } else if let Some(t) = m.tiers.iter().position(|t| t.name.text == target) {
                    f.grade == Some(t)
                } else {
                    awarded(f, m.award_at(target))
                };
                set.insert(gets && Model::in_scopes(&line.scopes, &u.data.name, &u.data.group));
            }
        }
    }
}
