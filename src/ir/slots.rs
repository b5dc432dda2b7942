//! Units as places a rule may apply to (`仅 县`, `不含 办公室`).
//!
//! Each listed unit is one place, and each open group (`等`) has one more
//! place that stands for every unit the data adds to it: such units cannot be
//! named by a policy, only reached through their group, so they all fall under
//! the same rules. Places are numbered listed units first, in declaration
//! order, then the open groups' places, so a rule's units are a [`ValueSet`]
//! like an attribute's values, and the checker treats "which unit" as one more
//! attribute of an event (KH401/KH402 witnesses then name a unit the rule
//! applies to).

use super::{GroupId, Program, UnitId, ValueSet};

/// What a place stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A listed unit.
    Listed(UnitId),
    /// Any unit the data adds to this open group.
    Added(GroupId),
}

/// A rule's `仅 …` or `不含 …` as written, for explanations and `diff`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeIr {
    /// `仅` (true) or `不含` (false).
    pub only: bool,
    /// The groups and units named, in source order.
    pub names: Vec<String>,
}

impl Program {
    /// How many places there are: the listed units and one per open group.
    pub fn place_count(&self) -> u32 {
        let open = self.groups.iter().filter(|g| g.open).count();
        (self.units.len() + open) as u32
    }

    /// The place of a unit of the data: its own if the policy lists it, else
    /// its open group's.
    pub fn place_of(&self, declared: Option<UnitId>, group: GroupId) -> u32 {
        match declared {
            Some(u) => u.index() as u32,
            None => self[group].added_place.unwrap_or(u32::MAX),
        }
    }

    /// What place `place` stands for.
    pub fn place(&self, place: u32) -> Option<Place> {
        let i = place as usize;
        if i < self.units.len() {
            return Some(Place::Listed(UnitId::from_index(i)));
        }
        self.groups
            .iter()
            .position(|g| g.added_place == Some(place))
            .map(|g| Place::Added(GroupId::from_index(g)))
    }

    /// The places of a group: its listed units and, if open, its own place.
    pub fn group_places(&self, g: GroupId) -> ValueSet {
        let group = &self[g];
        let listed = group.members.iter().map(|u| u.index() as u32);
        ValueSet::from_values(listed.chain(group.added_place))
    }

    /// Whether a rule whose places are `units` applies to a unit at `place`.
    pub fn applies_at(units: Option<&ValueSet>, place: u32) -> bool {
        units.is_none_or(|set| set.contains(place))
    }
}
