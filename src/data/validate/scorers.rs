//! `scored_by`: who scored a unit's items when another body did (a delegated
//! assessment whose result is entered as-is, a department's proposal). The
//! names are only shown, never computed with; what is checked is that each
//! key is an item of the policy, named once, and each value a name.
//! A parent item stands for each of its leaves the data does not name itself.

use std::borrow::Cow;

use super::Validator;
use crate::data::input::UnitInput;
use crate::data::raw::{RawField, RawUnit};
use crate::diag::DataMessage;
use crate::diag::suggest::suggest;
use crate::ir::ItemId;

impl<'a> Validator<'_, 'a> {
    pub(super) fn scorers(
        &mut self,
        raw: &RawUnit<'a>,
        index: usize,
        unit: &str,
        out: &mut UnitInput<'a>,
    ) {
        out.scorers.clear();
        if raw.scorer_fields.is_empty() {
            return;
        }
        let leaves = self.p.leaves.len();
        out.scorers.resize(leaves, None);
        // Leaves named directly win over the parent that covers them.
        let mut direct = vec![false; leaves];
        let mut parents: Vec<(ItemId, Cow<'a, str>)> = Vec::new();
        let mut named: Vec<ItemId> = Vec::new();
        for f in &raw.scorer_fields {
            let path = || format!("units[{index}].scored_by.{}", f.key);
            let Some(&id) = self.items.get(f.key.as_ref()) else {
                self.unknown_scored_item(f, unit, path());
                continue;
            };
            if named.contains(&id) {
                let m = DataMessage::DuplicateKey {
                    unit: Some(unit.to_string()),
                    key: f.key.to_string(),
                    path: format!("units[{index}].scored_by"),
                };
                self.report(m, f.key_span);
                continue;
            }
            named.push(id);
            let Some(by) = self.text(f, unit, path) else {
                continue;
            };
            match self.p[id].leaf {
                Some(slot) => {
                    if let (Some(s), Some(d)) = (out.scorers.get_mut(slot), direct.get_mut(slot)) {
                        *s = Some(by);
                        *d = true;
                    }
                }
                None => parents.push((id, by)),
            }
        }
        for (parent, by) in parents {
            for (slot, leaf) in self.p.leaves.iter().enumerate() {
                if direct.get(slot) == Some(&true) || !self.under(*leaf, parent) {
                    continue;
                }
                if let Some(s) = out.scorers.get_mut(slot) {
                    *s = Some(by.clone());
                }
            }
        }
    }

    /// Whether `item` is `ancestor` or lies under it.
    fn under(&self, item: ItemId, ancestor: ItemId) -> bool {
        let mut cur = Some(item);
        while let Some(i) = cur {
            if i == ancestor {
                return true;
            }
            cur = self.p[i].parent;
        }
        false
    }

    fn unknown_scored_item(&mut self, f: &RawField<'a>, unit: &str, path: String) {
        let names = self.p.items.iter().map(|i| i.name.as_str());
        let m = DataMessage::UnknownItem {
            unit: unit.to_string(),
            item: f.key.to_string(),
            path,
            suggestion: suggest(&f.key, names),
        };
        self.report(m, f.key_span);
    }
}
