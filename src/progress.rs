//! Progress of a long evaluation, for a bar on a terminal. The library only
//! reports; the CLI decides whether anything is shown (a bar on stderr when
//! it is a terminal, nothing otherwise), so results never depend on it.

/// Receives progress; every method does nothing unless overridden.
pub trait Progress: Sync {
    /// Reading and evaluating the data: `done` of `total` bytes (JSON) or units.
    fn reading(&self, _done: usize, _total: usize) {}
    /// Writing rulings: `done` of `total` units.
    fn writing(&self, _done: usize, _total: usize) {}
    /// The run is over (the bar clears itself).
    fn finish(&self) {}
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {}

/// How often (in units) progress is reported: rarely enough to cost nothing.
pub const EVERY: usize = 4096;
