//! Which base rules of a kind an event may pass, found without trying every
//! rule: a policy of 10⁵ rules tried each one for every event (14,000
//! events took 32 s).
//!
//! Each rule is filed once: under the attribute its narrowest test is on,
//! at each value that test admits, when it admits at most [`NARROW`]
//! values; otherwise (no test, or only wide ones such as `不属于 A`) among
//! the rules tried for every event. An event's candidates are then the
//! rules filed at its values plus the wide ones; the caller still tests
//! each candidate in full, so the index only ever leaves out rules that
//! cannot match.

use rustc_hash::FxHashMap;

use super::AttrTest;

/// A test admitting at most this many values is filed value by value.
const NARROW: u32 = 64;

/// The base rules of one kind, filed for lookup by an event's values. Rules
/// are named by their position in the kind's `base_rules`.
#[derive(Debug, Clone, Default)]
pub struct RuleIndex {
    /// Per attribute: value → positions of the rules filed there, increasing.
    by_value: Vec<FxHashMap<u32, Vec<usize>>>,
    /// Positions of the rules tried for every event, increasing.
    wide: Vec<usize>,
}

impl RuleIndex {
    /// Files each rule's tests (`tests[i]` for base rule `i`) over a kind of
    /// `attrs` attributes.
    pub fn new<'t>(attrs: usize, tests: impl IntoIterator<Item = &'t [AttrTest]>) -> RuleIndex {
        let mut index = RuleIndex {
            by_value: vec![FxHashMap::default(); attrs],
            wide: Vec::new(),
        };
        for (position, rule_tests) in tests.into_iter().enumerate() {
            let narrowest = rule_tests
                .iter()
                .map(|t| (t.allowed.count(), t))
                .filter(|(n, t)| *n <= NARROW && t.attr < attrs)
                .min_by_key(|(n, _)| *n);
            match narrowest.and_then(|(_, t)| index.by_value.get_mut(t.attr).map(|m| (m, t))) {
                Some((map, test)) => {
                    for v in test.allowed.values() {
                        map.entry(v).or_default().push(position);
                    }
                }
                None => index.wide.push(position),
            }
        }
        index
    }

    /// The positions of the rules an event with these attribute values may
    /// pass, increasing, into `out` (cleared first).
    pub fn candidates(&self, values: &[u32], out: &mut Vec<usize>) {
        out.clear();
        out.extend_from_slice(&self.wide);
        for (map, v) in self.by_value.iter().zip(values) {
            if let Some(filed) = map.get(v) {
                out.extend_from_slice(filed);
            }
        }
        // Each rule is filed in one place only, so sorting leaves no repeats.
        out.sort_unstable();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use proptest::prelude::*;

    use super::RuleIndex;
    use crate::ir::{AttrTest, ValueSet, all_hold};

    /// Three attributes of 80 values; a test admits a few values, or all
    /// but a few (wider than [`super::NARROW`]), or one.
    fn test() -> impl Strategy<Value = AttrTest> {
        (0usize..3, proptest::collection::vec(0u32..80, 1..6), 0u8..3).prop_map(
            |(attr, values, shape)| {
                let set = ValueSet::from_values(values);
                let allowed = if shape == 0 { set.complement(80) } else { set };
                AttrTest { attr, allowed }
            },
        )
    }

    proptest! {
        /// The candidates hold every rule an event passes, in rule order,
        /// each once: the evaluator tries only them.
        #[test]
        fn candidates_hold_every_rule_an_event_passes(
            rules in proptest::collection::vec(proptest::collection::vec(test(), 0..3), 0..40),
            events in proptest::collection::vec(proptest::collection::vec(0u32..80, 3), 1..20),
        ) {
            let index = RuleIndex::new(3, rules.iter().map(Vec::as_slice));
            let mut out = Vec::new();
            for values in &events {
                index.candidates(values, &mut out);
                prop_assert!(out.windows(2).all(|w| w[0] < w[1]), "{out:?}");
                for (i, tests) in rules.iter().enumerate() {
                    if all_hold(tests, values) {
                        prop_assert!(out.contains(&i), "rule {i} for {values:?}");
                    }
                }
            }
        }
    }
}
