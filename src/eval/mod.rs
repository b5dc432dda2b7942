//! Program × validated unit data → rulings. Pure: no I/O, no pest, no miette.
//! `unit` evaluates each unit on its own; `rank` orders them; `decide` makes
//! the decisions that need the ranking (outcomes, awards, grades); `run`
//! drives a whole data source through them.

pub mod cond;
pub mod decide;
pub mod explain;
pub mod payouts;
pub mod rank;
pub mod run;
pub mod table;
pub mod truth;
pub mod unit;

pub use crate::data::feed::{Feed, Threads};
pub use run::{AwardRuling, Evaluation, Reason, UnitRuling, evaluate};
