//! Sets of attribute values as sorted runs of consecutive values.
//!
//! A rule's test names one value, a few, or all but a few, of a domain that
//! may hold 10⁵ values; a bitset over the domain made each rule cost the
//! whole domain (10⁵ rules of one value each took 3 GB). Runs cost what the
//! test wrote: `是 V` is one run, `不属于 A | B` at most three.

/// A set of attribute values (value indices, or item ids for a `计分项`
/// attribute): sorted, disjoint, non-adjacent half-open runs `[start, end)`.
/// The form is canonical, so sets holding the same values are equal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValueSet {
    runs: Vec<(u32, u32)>,
}

impl ValueSet {
    /// The set of the given values.
    pub fn from_values(values: impl IntoIterator<Item = u32>) -> ValueSet {
        let mut set = ValueSet::default();
        for v in values {
            set.insert(v);
        }
        set
    }

    /// Adds value `v` (values given in increasing order cost O(1) each).
    pub fn insert(&mut self, v: u32) {
        // Fast path: at or past the last run.
        if let Some(last) = self.runs.last_mut() {
            if v >= last.0 && v < last.1 {
                return;
            }
            if v == last.1 {
                last.1 = last.1.saturating_add(1);
                return;
            }
        }
        if self.runs.last().is_none_or(|last| v > last.1) {
            self.runs.push((v, v.saturating_add(1)));
            return;
        }
        // The first run ending at or after v.
        let at = self.runs.partition_point(|r| r.1 < v);
        let touches_next = self
            .runs
            .get(at)
            .is_some_and(|r| r.0 <= v.saturating_add(1));
        if self.runs.get(at).is_some_and(|r| r.0 <= v && v < r.1) {
            return;
        }
        let ends_prev = self.runs.get(at).is_some_and(|r| r.1 == v);
        match (ends_prev, touches_next) {
            (true, _) => {
                // v extends run `at` at its end; it may meet run `at + 1`.
                let next_start = self.runs.get(at + 1).map(|r| r.0);
                if next_start == Some(v.saturating_add(1)) {
                    let next_end = self.runs.get(at + 1).map_or(v, |r| r.1);
                    if let Some(r) = self.runs.get_mut(at) {
                        r.1 = next_end;
                    }
                    self.runs.remove(at + 1);
                } else if let Some(r) = self.runs.get_mut(at) {
                    r.1 = v.saturating_add(1);
                }
            }
            (false, true) => {
                // v sits just before run `at`.
                if let Some(r) = self.runs.get_mut(at) {
                    r.0 = v;
                }
            }
            (false, false) => self.runs.insert(at, (v, v.saturating_add(1))),
        }
    }

    /// Whether value `v` is in the set.
    pub fn contains(&self, v: u32) -> bool {
        let at = self.runs.partition_point(|r| r.1 <= v);
        self.runs.get(at).is_some_and(|r| r.0 <= v)
    }

    /// Every value of `0..size`.
    pub fn full(size: u32) -> ValueSet {
        ValueSet {
            runs: if size == 0 {
                Vec::new()
            } else {
                vec![(0, size)]
            },
        }
    }

    /// The complement within `0..size`.
    pub fn complement(&self, size: u32) -> ValueSet {
        ValueSet::full(size).minus(self)
    }

    /// The values in both sets (two tests on one attribute, both passed).
    pub fn intersect(&self, other: &ValueSet) -> ValueSet {
        let mut runs = Vec::new();
        let (mut i, mut j) = (0, 0);
        while let (Some(a), Some(b)) = (self.runs.get(i), other.runs.get(j)) {
            let (start, end) = (a.0.max(b.0), a.1.min(b.1));
            if start < end {
                runs.push((start, end));
            }
            if a.1 <= b.1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        ValueSet { runs }
    }

    /// The values of `self` not in `other`.
    pub fn minus(&self, other: &ValueSet) -> ValueSet {
        let mut runs = Vec::new();
        let mut j = 0;
        for &(start, end) in &self.runs {
            let mut from = start;
            // Skip the runs of `other` that end before this one starts.
            while other.runs.get(j).is_some_and(|b| b.1 <= from) {
                j += 1;
            }
            let mut k = j;
            while let Some(&(b0, b1)) = other.runs.get(k) {
                if b0 >= end {
                    break;
                }
                if b0 > from {
                    runs.push((from, b0));
                }
                from = from.max(b1);
                if b1 >= end {
                    break;
                }
                k += 1;
            }
            if from < end {
                runs.push((from, end));
            }
        }
        ValueSet { runs }
    }

    /// The smallest value below `size` in the set.
    pub fn first_below(&self, size: u32) -> Option<u32> {
        self.runs.first().map(|r| r.0).filter(|v| *v < size)
    }

    /// Whether the two sets share a value below `size`.
    pub fn meets_below(&self, other: &ValueSet, size: u32) -> bool {
        self.intersect(other).first_below(size).is_some()
    }

    /// How many values the set holds.
    pub fn count(&self) -> u32 {
        self.runs.iter().fold(0, |n, r| n.saturating_add(r.1 - r.0))
    }

    /// Whether no value is in the set (a test no event can pass).
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Whether every value of `self` is in `other`.
    pub fn is_subset_of(&self, other: &ValueSet) -> bool {
        self.minus(other).is_empty()
    }

    /// Whether no value is in both sets.
    pub fn is_disjoint(&self, other: &ValueSet) -> bool {
        let (mut i, mut j) = (0, 0);
        while let (Some(a), Some(b)) = (self.runs.get(i), other.runs.get(j)) {
            if a.0.max(b.0) < a.1.min(b.1) {
                return false;
            }
            if a.1 <= b.1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        true
    }

    /// The values in increasing order.
    pub fn values(&self) -> impl Iterator<Item = u32> + '_ {
        self.runs.iter().flat_map(|r| r.0..r.1)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::ValueSet;

    fn set() -> impl Strategy<Value = Vec<u32>> {
        proptest::collection::vec(0u32..200, 0..60)
    }

    fn model(v: &[u32]) -> BTreeSet<u32> {
        v.iter().copied().collect()
    }

    fn of(s: &ValueSet) -> BTreeSet<u32> {
        s.values().collect()
    }

    /// Runs stay sorted, disjoint and apart, whatever the insertion order.
    fn canonical(s: &ValueSet) -> bool {
        s.runs.iter().all(|r| r.0 < r.1) && s.runs.windows(2).all(|w| w[0].1 < w[1].0)
    }

    proptest! {
        #[test]
        fn every_operation_agrees_with_a_set_of_values(a in set(), b in set(), size in 0u32..220, v in 0u32..220) {
            let (sa, sb) = (ValueSet::from_values(a.clone()), ValueSet::from_values(b.clone()));
            let (ma, mb) = (model(&a), model(&b));
            prop_assert!(canonical(&sa));
            prop_assert_eq!(of(&sa), ma.clone());
            prop_assert_eq!(sa.contains(v), ma.contains(&v));
            let inter = sa.intersect(&sb);
            prop_assert!(canonical(&inter));
            prop_assert_eq!(of(&inter), ma.intersection(&mb).copied().collect::<BTreeSet<_>>());
            let minus = sa.minus(&sb);
            prop_assert!(canonical(&minus));
            prop_assert_eq!(of(&minus), ma.difference(&mb).copied().collect::<BTreeSet<_>>());
            let comp = sa.complement(size);
            prop_assert!(canonical(&comp));
            prop_assert_eq!(of(&comp), (0..size).filter(|x| !ma.contains(x)).collect::<BTreeSet<_>>());
            prop_assert_eq!(of(&ValueSet::full(size)), (0..size).collect::<BTreeSet<_>>());
            prop_assert_eq!(sa.count() as usize, ma.len());
            prop_assert_eq!(sa.is_empty(), ma.is_empty());
            prop_assert_eq!(sa.is_subset_of(&sb), ma.is_subset(&mb));
            prop_assert_eq!(sa.is_disjoint(&sb), ma.is_disjoint(&mb));
            prop_assert_eq!(sa.first_below(size), ma.iter().copied().find(|x| *x < size));
            prop_assert_eq!(sa.meets_below(&sb, size), ma.intersection(&mb).any(|x| *x < size));
            prop_assert_eq!(sa == sb, ma == mb);
        }
    }
}
