//! The first point of a box that no other box contains (§7.27): the gap of
//! KH402, the modifier-free event of KH303, the harmless event of KH504.
//!
//! Two searches work together. `covered` decides whether a region lies inside
//! the union of the boxes, the hard part: it branches on the attribute most
//! boxes still test, splits its values into classes no box tells apart, drops
//! the boxes a class excludes, and stops early when one box holds the whole
//! region (covered) or the boxes' volumes add up to less than the region's
//! (uncovered, exactly, in integers). The lexicographic walk then fixes the
//! attributes in declaration order, each to the first value whose remaining
//! region `covered` says is not covered, so the witness is the first
//! uncovered combination in declaration order without enumerating the
//! product.

use rustc_hash::FxHashMap;

use super::boxes::Box;
use super::budget::Budget;
use crate::diag::AnalysisPart;
use crate::ir::ValueSet;

/// One box within the search: only its sides narrower than the region.
type Tests = Vec<(usize, ValueSet)>;

/// The first point of `within` (attributes, then values, in declaration
/// order) that none of `boxes` contains. The search spends from `budget` for
/// `part`; when the budget runs out there is no answer (`None`), never a
/// guess.
pub fn first_uncovered(
    within: &Box,
    boxes: &[&Box],
    sizes: &[u32],
    budget: &Budget,
    part: AnalysisPart,
) -> Option<Vec<u32>> {
    let point = search(within, boxes, sizes, budget, part);
    point.filter(|_| !budget.ran_out())
}

fn search(
    within: &Box,
    boxes: &[&Box],
    sizes: &[u32],
    budget: &Budget,
    part: AnalysisPart,
) -> Option<Vec<u32>> {
    let mut region: Vec<ValueSet> = sizes
        .iter()
        .enumerate()
        .map(|(a, size)| match within.sides.get(a) {
            Some(Some(set)) => set.intersect(&ValueSet::full(*size)),
            _ => ValueSet::full(*size),
        })
        .collect();
    if region.iter().any(ValueSet::is_empty) {
        return None;
    }
    let tests: Vec<Tests> = boxes
        .iter()
        .map(|b| {
            b.sides
                .iter()
                .enumerate()
                .filter_map(|(a, side)| Some((a, side.clone()?)))
                .filter(|(a, set)| region.get(*a).is_some_and(|r| !r.is_subset_of(set)))
                .collect()
        })
        .collect();
    let cover = Cover {
        tests: &tests,
        budget,
        part,
    };
    let mut live: Vec<usize> = (0..tests.len()).collect();
    if cover.covered(&mut region, &live) {
        return None;
    }
    let mut point = Vec::with_capacity(sizes.len());
    for a in 0..sizes.len() {
        let classes = cover.classes(&region, &live, a);
        let last = classes.len().saturating_sub(1);
        let saved = region.get(a)?.clone();
        let mut chosen = None;
        for (i, class) in classes.into_iter().enumerate() {
            let value = class.values.values().next()?;
            *region.get_mut(a)? = ValueSet::from_values([value]);
            let next = cover.admitting(&live, a, value);
            // The region is uncovered: when every earlier class is covered,
            // the last one is not, with no need to ask.
            if i == last || !cover.covered(&mut region, &next) {
                chosen = Some((value, next));
                break;
            }
            *region.get_mut(a)? = saved.clone();
        }
        let (value, next) = chosen?;
        point.push(value);
        live = next;
    }
    Some(point)
}

/// Values of one attribute that the boxes testing it cannot tell apart.
struct Class {
    values: ValueSet,
    /// Which of the testing boxes admit them, as bits.
    key: Vec<u64>,
    admitted: u32,
}

impl Class {
    /// Whether every box admitting this class admits one with `key` too.
    fn key_within(&self, key: &[u64]) -> bool {
        self.key
            .iter()
            .enumerate()
            .all(|(i, w)| w & !key.get(i).copied().unwrap_or(0) == 0)
    }
}

struct Cover<'t> {
    tests: &'t [Tests],
    budget: &'t Budget,
    part: AnalysisPart,
}

impl Cover<'_> {
    fn tests_of(&self, b: usize) -> &[(usize, ValueSet)] {
        self.tests.get(b).map(Vec::as_slice).unwrap_or_default()
    }

    /// The boxes of `live` that admit `value` for attribute `a`.
    fn admitting(&self, live: &[usize], a: usize, value: u32) -> Vec<usize> {
        live.iter()
            .copied()
            .filter(|b| {
                self.tests_of(*b)
                    .iter()
                    .all(|(x, set)| *x != a || set.contains(value))
            })
            .collect()
    }

    /// The values of attribute `a` in the region, grouped by the boxes of
    /// `live` that admit them, ordered by their first value.
    fn classes(&self, region: &[ValueSet], live: &[usize], a: usize) -> Vec<Class> {
        let testers: Vec<&ValueSet> = live
            .iter()
            .filter_map(|b| self.tests_of(*b).iter().find(|(x, _)| *x == a))
            .map(|(_, set)| set)
            .collect();
        // No box tells the values apart: one class, without a walk over a
        // domain that may hold 10⁵ values (once per rule, that was quadratic).
        if testers.is_empty() {
            return region
                .get(a)
                .filter(|r| !r.is_empty())
                .map(|r| Class {
                    values: r.clone(),
                    key: Vec::new(),
                    admitted: 0,
                })
                .into_iter()
                .collect();
        }
        let mut by_key: FxHashMap<Vec<u64>, usize> = FxHashMap::default();
        let mut classes: Vec<Class> = Vec::new();
        for value in region.get(a).into_iter().flat_map(ValueSet::values) {
            let mut key = vec![0u64; testers.len().div_ceil(64)];
            let mut admitted = 0;
            for (i, set) in testers.iter().enumerate() {
                if set.contains(value)
                    && let Some(w) = key.get_mut(i / 64)
                {
                    *w |= 1 << (i % 64);
                    admitted += 1;
                }
            }
            let at = *by_key.entry(key.clone()).or_insert_with(|| {
                classes.push(Class {
                    values: ValueSet::default(),
                    key,
                    admitted,
                });
                classes.len() - 1
            });
            if let Some(class) = classes.get_mut(at) {
                class.values.insert(value);
            }
        }
        classes
    }

    /// Whether the union of the boxes `live` holds the whole region (which
    /// it leaves as it found it).
    fn covered(&self, region: &mut [ValueSet], live: &[usize]) -> bool {
        let mut undo: Vec<(usize, ValueSet)> = Vec::new();
        let covered = self.narrow_and_branch(region, live, &mut undo);
        for (a, side) in undo.into_iter().rev() {
            if let Some(r) = region.get_mut(a) {
                *r = side;
            }
        }
        covered
    }

    /// The tests of box `b` that cut the region: `None` when the box misses
    /// the region altogether.
    fn cutting<'b>(&'b self, region: &[ValueSet], b: usize) -> Option<Vec<&'b (usize, ValueSet)>> {
        let mut cuts = Vec::new();
        for test in self.tests_of(b) {
            let Some(r) = region.get(test.0) else {
                continue;
            };
            if r.is_subset_of(&test.1) {
                continue;
            }
            if r.is_disjoint(&test.1) {
                return None;
            }
            cuts.push(test);
        }
        Some(cuts)
    }

    fn narrow_and_branch(
        &self,
        region: &mut [ValueSet],
        live: &[usize],
        undo: &mut Vec<(usize, ValueSet)>,
    ) -> bool {
        // Out of budget: say covered and stop; `first_uncovered` then gives
        // no answer at all.
        if !self.budget.spend(self.part, live.len() as u64 + 1) {
            return true;
        }
        // A box that cuts the region on one attribute only covers a slab of
        // it: what is left to cover is the region without that slab (as unit
        // propagation does for clauses). Repeat until nothing narrows.
        let mut live = live.to_vec();
        loop {
            let mut narrowed = false;
            let mut kept = Vec::with_capacity(live.len());
            for &b in &live {
                let Some(cuts) = self.cutting(region, b) else {
                    continue;
                };
                match cuts.as_slice() {
                    [] => return true,
                    [(a, set)] => {
                        let Some(r) = region.get_mut(*a) else {
                            continue;
                        };
                        let rest = r.minus(set);
                        undo.push((*a, std::mem::replace(r, rest)));
                        if r.is_empty() {
                            return true;
                        }
                        narrowed = true;
                    }
                    _ => kept.push(b),
                }
            }
            live = kept;
            if !narrowed {
                break;
            }
        }
        if live.is_empty() {
            return false;
        }
        let mut tested = vec![0u32; region.len()];
        for &b in &live {
            for (a, _) in self.cutting(region, b).unwrap_or_default() {
                if let Some(n) = tested.get_mut(*a) {
                    *n += 1;
                }
            }
        }
        if self.too_small(region, &live, &tested) {
            return false;
        }
        // Branch on the attribute most boxes still test (the first on ties).
        let Some(a) = (0..tested.len()).max_by_key(|a| (tested.get(*a), std::cmp::Reverse(*a)))
        else {
            return false;
        };
        let Some(saved) = region.get(a).cloned() else {
            return false;
        };
        let mut classes = self.classes(region, &live, a);
        // A class admitted by fewer boxes than another is harder to cover:
        // when it is covered so is the other, so only the hardest are tried,
        // the likeliest to be uncovered first.
        let hardest: Vec<bool> = classes
            .iter()
            .map(|c| {
                !classes
                    .iter()
                    .any(|d| d.key != c.key && d.key_within(&c.key))
            })
            .collect();
        let mut hardest = hardest.into_iter();
        classes.retain(|_| hardest.next().unwrap_or(true));
        classes.sort_by_key(|c| c.admitted);
        let mut all = true;
        for class in classes {
            let Some(value) = class.values.values().next() else {
                continue;
            };
            let next = self.admitting(&live, a, value);
            if let Some(r) = region.get_mut(a) {
                *r = class.values;
            }
            if !self.covered(region, &next) {
                all = false;
                break;
            }
        }
        if let Some(r) = region.get_mut(a) {
            *r = saved;
        }
        all
    }

    /// Whether the boxes' points within the region, counted exactly over the
    /// attributes they test, are fewer than the region's: then some point is
    /// left uncovered. (No answer when the counts overflow.)
    fn too_small(&self, region: &[ValueSet], active: &[usize], tested: &[u32]) -> bool {
        let relevant: Vec<usize> = (0..tested.len())
            .filter(|a| tested.get(*a).is_some_and(|n| *n > 0))
            .collect();
        let size = |a: usize| u128::from(region.get(a).map(ValueSet::count).unwrap_or(0));
        let Some(whole) = relevant
            .iter()
            .try_fold(1u128, |acc, a| acc.checked_mul(size(*a)))
        else {
            return false;
        };
        let mut sum: u128 = 0;
        for &b in active {
            let mut count = 1u128;
            for &a in &relevant {
                let side = self
                    .tests_of(b)
                    .iter()
                    .find(|(x, _)| *x == a)
                    .map(|(_, set)| set);
                let n = match (side, region.get(a)) {
                    (Some(set), Some(r)) => u128::from(set.intersect(r).count()),
                    _ => size(a),
                };
                let Some(c) = count.checked_mul(n) else {
                    return false;
                };
                count = c;
            }
            let Some(s) = sum.checked_add(count) else {
                return false;
            };
            if s >= whole {
                return false;
            }
            sum = s;
        }
        true
    }
}
