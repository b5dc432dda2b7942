//! Attribute combinations as boxes. A rule's tests admit, per attribute of its
//! kind, a set of values; the events it matches are the product of those sets,
//! a box. Overlap is a non-empty intersection; a gap is a point of the kind's
//! space outside every base rule's box, found symbolically (§7.27) by
//! `first_uncovered` (in `uncovered.rs`), which never enumerates the product.

use crate::ir::{AttrDomain, AttrTest, KindIr, Program, RuleId, ValueSet, VetoTrigger};

/// A set of values of one attribute: `None` is the whole domain.
pub type Side = Option<ValueSet>;

/// A box: one side per attribute of the kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Box {
    pub sides: Vec<Side>,
}

/// The sizes of a kind's attribute domains, then of the units an event may
/// belong to (its places, `ir/slots.rs`; at least one): which unit is one
/// more side of a box, so rules limited to units (`仅 县`) overlap and leave
/// gaps as exactly as attribute tests do.
pub fn domain_sizes(p: &Program, kind: &KindIr) -> Vec<u32> {
    kind.attrs
        .iter()
        .map(|a| match &a.domain {
            AttrDomain::Values(vs) => vs.len() as u32,
            AttrDomain::Items => p.items.len() as u32,
        })
        .chain([p.place_count().max(1)])
        .collect()
}

impl Box {
    /// The box of a rule's tests over a kind with `attrs` attributes.
    pub fn of_tests(tests: &[AttrTest], attrs: usize) -> Box {
        let mut sides: Vec<Side> = vec![None; attrs];
        for t in tests {
            if let Some(side) = sides.get_mut(t.attr) {
                *side = Some(match side.take() {
                    None => t.allowed.clone(),
                    Some(prev) => prev.intersect(&t.allowed),
                });
            }
        }
        Box { sides }
    }

    /// The box of rule `r`: its tests, and the places of its units as the
    /// last side (`sides` sides in all, see [`domain_sizes`]).
    pub fn of_rule(p: &Program, r: RuleId, sides: usize) -> Box {
        let rule = &p[r];
        let mut b = Box::of_tests(&rule.tests, sides);
        if let (Some(units), Some(last)) = (&rule.units, b.sides.last_mut()) {
            *last = Some(units.clone());
        }
        b
    }

    pub fn allows(&self, attr: usize, value: u32) -> bool {
        match self.sides.get(attr) {
            Some(Some(set)) => set.contains(value),
            _ => true,
        }
    }

    /// The intersection, or `None` when it is empty.
    pub fn intersect(&self, other: &Box, sizes: &[u32]) -> Option<Box> {
        let mut sides = Vec::with_capacity(self.sides.len());
        for (i, (a, b)) in self.sides.iter().zip(&other.sides).enumerate() {
            let side = match (a, b) {
                (None, None) => None,
                (Some(x), None) | (None, Some(x)) => Some(x.clone()),
                (Some(x), Some(y)) => Some(x.intersect(y)),
            };
            let size = sizes.get(i).copied().unwrap_or(0);
            if side.as_ref().is_some_and(|s| s.first_below(size).is_none()) || size == 0 {
                return None;
            }
            sides.push(side);
        }
        Some(Box { sides })
    }

    /// Whether the boxes share a point: [`Box::intersect`] without building it.
    pub fn meets(&self, other: &Box, sizes: &[u32]) -> bool {
        self.sides
            .iter()
            .zip(&other.sides)
            .enumerate()
            .all(|(i, (a, b))| {
                let size = sizes.get(i).copied().unwrap_or(0);
                size > 0
                    && match (a, b) {
                        (None, None) => true,
                        (Some(x), None) | (None, Some(x)) => x.first_below(size).is_some(),
                        (Some(x), Some(y)) => x.meets_below(y, size),
                    }
            })
    }

    /// The first point of the box in declaration order.
    pub fn first_point(&self, sizes: &[u32]) -> Option<Vec<u32>> {
        self.sides
            .iter()
            .zip(sizes)
            .map(|(side, size)| match side {
                None => (*size > 0).then_some(0),
                Some(set) => set.first_below(*size),
            })
            .collect()
    }
}

pub use super::uncovered::first_uncovered;

/// The events of a kind that veto the unit or are findings (`该项清零`,
/// `取消`): events with a consequence other than points.
pub fn consequence_boxes(p: &Program, kind: &KindIr, attrs: usize) -> Vec<Box> {
    let vetoes = kind.vetoes.iter().filter_map(|v| match &p[*v].trigger {
        VetoTrigger::Event { tests, .. } => Some(Box::of_tests(tests, attrs)),
        VetoTrigger::When(_) => None,
    });
    let findings = kind
        .findings
        .iter()
        .map(|f| Box::of_tests(&p[*f].tests, attrs));
    vetoes.chain(findings).collect()
}

#[cfg(test)]
mod tests {
    use super::super::budget::Budget;
    use super::*;
    use crate::diag::AnalysisPart;

    fn side(values: &[u32]) -> Side {
        Some(ValueSet::from_values(values.iter().copied()))
    }

    fn b(sides: Vec<Side>) -> Box {
        Box { sides }
    }

    #[test]
    fn intersections_and_first_points() {
        let sizes = [7, 2];
        let high = b(vec![side(&[0, 1, 2, 3, 4, 6]), None]);
        let city = b(vec![side(&[5, 6]), None]);
        let both = high.intersect(&city, &sizes).unwrap();
        assert_eq!(both.first_point(&sizes), Some(vec![6, 0]));
        let low = b(vec![side(&[5]), None]);
        assert!(
            b(vec![side(&[0, 1]), None])
                .intersect(&low, &sizes)
                .is_none()
        );
    }

    #[test]
    fn the_first_gap_in_declaration_order() {
        let sizes = [7, 2];
        let all = b(vec![None, None]);
        let high = b(vec![side(&[0, 1, 2, 3, 4]), None]);
        let city = b(vec![side(&[6]), None]);
        assert_eq!(
            first_uncovered(
                &all,
                &[&high, &city],
                &sizes,
                &Budget::new(u64::MAX),
                AnalysisPart::Gaps
            ),
            Some(vec![5, 0])
        );
        let city_both = b(vec![side(&[5, 6]), None]);
        assert_eq!(
            first_uncovered(
                &all,
                &[&high, &city_both],
                &sizes,
                &Budget::new(u64::MAX),
                AnalysisPart::Gaps
            ),
            None
        );
        assert_eq!(
            first_uncovered(
                &all,
                &[],
                &sizes,
                &Budget::new(u64::MAX),
                AnalysisPart::Gaps
            ),
            Some(vec![0, 0])
        );
        let only_collective = b(vec![None, side(&[0])]);
        assert_eq!(
            first_uncovered(
                &all,
                &[&only_collective],
                &sizes,
                &Budget::new(u64::MAX),
                AnalysisPart::Gaps
            ),
            Some(vec![0, 1])
        );
    }

    #[test]
    fn many_attributes_do_not_blow_up() {
        let sizes = vec![5u32; 20];
        let all = Box {
            sides: vec![None; 20],
        };
        // Each rule pins one attribute to one value: 100 rules, every point of
        // the first attribute covered except value 4 of attribute 0.
        let rules: Vec<Box> = (0..100)
            .map(|i| {
                let mut sides: Vec<Side> = vec![None; 20];
                sides[i % 4] = side(&[(i % 4) as u32]);
                Box { sides }
            })
            .collect();
        let refs: Vec<&Box> = rules.iter().collect();
        let gap = first_uncovered(
            &all,
            &refs,
            &sizes,
            &Budget::new(u64::MAX),
            AnalysisPart::Gaps,
        )
        .unwrap();
        assert_eq!(&gap[..4], &[1, 0, 0, 0][..]);
    }
}

#[cfg(test)]
mod agrees_with_enumeration {
    use proptest::prelude::*;

    use super::super::budget::Budget;
    use super::*;
    use crate::diag::AnalysisPart;

    /// Every point of the space, in declaration order (the lexicographic order).
    fn all_points(sizes: &[u32]) -> Vec<Vec<u32>> {
        sizes.iter().fold(vec![vec![]], |acc, size| {
            acc.into_iter()
                .flat_map(|p| {
                    (0..*size).map(move |v| {
                        let mut q = p.clone();
                        q.push(v);
                        q
                    })
                })
                .collect()
        })
    }

    fn contains(b: &Box, point: &[u32]) -> bool {
        point.iter().enumerate().all(|(a, v)| b.allows(a, *v))
    }

    /// A box from random bits: each side either the whole domain or a subset.
    fn boxes(sizes: &[u32], bits: &[u64]) -> Vec<Box> {
        bits.iter()
            .map(|seed| {
                let sides = sizes
                    .iter()
                    .enumerate()
                    .map(|(a, size)| {
                        let word = seed >> ((a * 8) % 56);
                        (word & 1 == 1).then(|| {
                            ValueSet::from_values((0..*size).filter(|v| word & (2 << v) != 0))
                        })
                    })
                    .collect();
                Box { sides }
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The symbolic search finds exactly the first uncovered point that
        /// enumerating the whole product finds.
        #[test]
        fn first_uncovered_is_the_first_point_no_box_holds(
            sizes in proptest::collection::vec(1u32..5, 1..6),
            within_bits in any::<u64>(),
            bits in proptest::collection::vec(any::<u64>(), 0..12),
        ) {
            let all = boxes(&sizes, &bits);
            let refs: Vec<&Box> = all.iter().collect();
            let within = boxes(&sizes, &[within_bits]).remove(0);
            let expected = all_points(&sizes)
                .into_iter()
                .find(|p| contains(&within, p) && !refs.iter().any(|b| contains(b, p)));
            prop_assert_eq!(first_uncovered(&within, &refs, &sizes, &Budget::new(u64::MAX), AnalysisPart::Gaps), expected);
        }
    }
}
