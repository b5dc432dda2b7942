//! Attribute combinations as boxes. A rule's tests admit, per attribute of its
//! kind, a set of values; the events it matches are the product of those sets,
//! a box. Overlap is a non-empty intersection; a gap is a point of the kind's
//! space outside every base rule's box. Both are found symbolically (§7.27):
//! the search walks attributes in declaration order and values in declaration
//! order, but treats alike the values that no box tells apart, so it never
//! enumerates the whole product.

use rustc_hash::FxHashSet;

use crate::ir::{AttrDomain, AttrTest, KindIr, Program, ValueSet};

/// A set of values of one attribute: `None` is the whole domain.
pub type Side = Option<ValueSet>;

/// A box: one side per attribute of the kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Box {
    pub sides: Vec<Side>,
}

/// The sizes of a kind's attribute domains.
pub fn domain_sizes(p: &Program, kind: &KindIr) -> Vec<u32> {
    kind.attrs
        .iter()
        .map(|a| match &a.domain {
            AttrDomain::Values(vs) => vs.len() as u32,
            AttrDomain::Items => p.items.len() as u32,
        })
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

    /// Whether the box is the whole space from attribute `from` on.
    fn full_from(&self, from: usize, sizes: &[u32]) -> bool {
        self.sides
            .iter()
            .enumerate()
            .skip(from)
            .all(|(i, side)| match side {
                None => true,
                Some(set) => (0..sizes.get(i).copied().unwrap_or(0)).all(|v| set.contains(v)),
            })
    }
}

/// The first point (in declaration order of attributes, then values) of
/// `within` that none of `boxes` contains, if any.
pub fn first_uncovered(within: &Box, boxes: &[&Box], sizes: &[u32]) -> Option<Vec<u32>> {
    let mut search = Search {
        within,
        sizes,
        covered: FxHashSet::default(),
    };
    let live: Vec<usize> = (0..boxes.len()).collect();
    search.from(0, boxes, &live)
}

struct Search<'s> {
    within: &'s Box,
    sizes: &'s [u32],
    /// (attribute, live boxes) already proven covered.
    covered: FxHashSet<(usize, Vec<usize>)>,
}

impl Search<'_> {
    /// The first uncovered point of the remaining attributes `attr..`, given
    /// the boxes that still contain the prefix chosen so far.
    fn from(&mut self, attr: usize, boxes: &[&Box], live: &[usize]) -> Option<Vec<u32>> {
        let n = self.sizes.len();
        if live.is_empty() {
            // Nothing covers this prefix: complete it with the first values.
            let rest: Option<Vec<u32>> = (attr..n).map(|i| self.first_value(i)).collect();
            return rest;
        }
        if attr == n
            || live
                .iter()
                .filter_map(|b| boxes.get(*b))
                .any(|b| b.full_from(attr, self.sizes))
        {
            return None;
        }
        if self.covered.contains(&(attr, live.to_vec())) {
            return None;
        }
        let size = self.sizes.get(attr).copied().unwrap_or(0);
        let mut tried: FxHashSet<Vec<usize>> = FxHashSet::default();
        for v in (0..size).filter(|v| self.within.allows(attr, *v)) {
            let next: Vec<usize> = live
                .iter()
                .copied()
                .filter(|b| boxes.get(*b).is_some_and(|x| x.allows(attr, v)))
                .collect();
            // Values no box tells apart lead to the same answer: try one.
            if !tried.insert(next.clone()) {
                continue;
            }
            if let Some(mut rest) = self.from(attr + 1, boxes, &next) {
                rest.insert(0, v);
                return Some(rest);
            }
        }
        self.covered.insert((attr, live.to_vec()));
        None
    }

    fn first_value(&self, attr: usize) -> Option<u32> {
        let size = self.sizes.get(attr).copied().unwrap_or(0);
        (0..size).find(|v| self.within.allows(attr, *v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            first_uncovered(&all, &[&high, &city], &sizes),
            Some(vec![5, 0])
        );
        let city_both = b(vec![side(&[5, 6]), None]);
        assert_eq!(first_uncovered(&all, &[&high, &city_both], &sizes), None);
        assert_eq!(first_uncovered(&all, &[], &sizes), Some(vec![0, 0]));
        let only_collective = b(vec![None, side(&[0])]);
        assert_eq!(
            first_uncovered(&all, &[&only_collective], &sizes),
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
        let gap = first_uncovered(&all, &refs, &sizes).unwrap();
        assert_eq!(&gap[..4], &[1, 0, 0, 0][..]);
    }
}
