//! Random policies that check (mostly) and data valid for them (mostly),
//! tuned to exercise the evaluator rather than the grammar: caps of both
//! kinds, modifiers, ranges and `至多`, windows and skipped years, vetoes
//! (events and conditions), findings, scaled items, tie-breaks and `分组内`,
//! outcomes, award exclusions and quotas, grades with quotas and `其余`; and
//! in the data, events on the window's edges, points on the ranges' edges,
//! ties on purpose and long decimals. `tests/policy_gen` makes texts for the
//! formatter whose names need not resolve; these must resolve.

pub mod data;
pub mod policy;

/// A small deterministic generator (splitmix64): a case is its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Clone>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())].clone()
    }

    /// `xs` in a random order.
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}
