//! The unit-data contract's fixed names (LANGUAGE.md §5, §7.29): the keys of
//! JSON and TOML data, and the sheets and columns of a workbook or CSV
//! folder with their Chinese and English headers. The checker (an attribute
//! may not take one of these names), the data readers, the sheet reader and
//! the template all read them from here.

use crate::i18n::Lang;

/// Keys of an event object other than its kind's attributes.
pub const EVENT_KEYS: &[&str] = &[
    "kind",
    "date",
    "points",
    "doc",
    "title",
    "credited_in",
    "id",
    "proposed_by",
];

/// Keys of a unit object.
pub const UNIT_KEYS: &[&str] = &["unit", "group", "scores", "events", "scored_by"];

/// A sheet, or a fixed column of one: the data key it holds and its header
/// in each language. Either header is read; the template writes the one of
/// its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Named {
    const fn new(key: &'static str, zh: &'static str, en: &'static str) -> Named {
        Named { key, zh, en }
    }

    /// The header written in `lang`.
    pub fn header(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }

    /// Whether a header as found in a sheet names this (English in any case;
    /// surrounding spaces ignored).
    pub fn is(&self, found: &str) -> bool {
        let found = found.trim();
        found == self.zh || found.eq_ignore_ascii_case(self.en)
    }
}

/// The sheet of scores, one row per unit (a CSV folder's `得分.csv`).
pub const SCORES_SHEET: Named = Named::new("scores", "得分", "scores");
/// Who scored each item for each unit, when another body did (a delegated
/// assessment, entered as-is): the scores sheet's shape, names for numbers
/// (`评分单位.csv`). Optional.
pub const SCORERS_SHEET: Named = Named::new("scored_by", "评分单位", "scored_by");
/// The sheet of events, one row per event (`事项.csv`).
pub const EVENTS_SHEET: Named = Named::new("events", "事项", "events");

/// The unit's name, in both sheets.
pub const UNIT: Named = Named::new("unit", "单位", "unit");
/// The unit's group, on the scores sheet.
pub const GROUP: Named = Named::new("group", "分组", "group");
/// An event's kind, on the events sheet.
pub const KIND: Named = Named::new("kind", "事项", "kind");
pub const DATE: Named = Named::new("date", "日期", "date");
pub const POINTS: Named = Named::new("points", "分值", "points");
pub const DOC: Named = Named::new("doc", "文号", "doc");
pub const TITLE: Named = Named::new("title", "标题", "title");
pub const CREDITED_IN: Named = Named::new("credited_in", "已计年度", "credited_in");
pub const ID: Named = Named::new("id", "编号", "id");
/// Who proposed the bonus or deduction (a department, another body): shown
/// beside the event in every explanation.
pub const PROPOSED_BY: Named = Named::new("proposed_by", "提出单位", "proposed_by");

/// The fixed columns of the scores sheet; every other column is an item.
pub const UNIT_COLUMNS: [Named; 2] = [UNIT, GROUP];

/// The fixed columns of the events sheet; every other column is an attribute.
pub const EVENT_COLUMNS: [Named; 9] = [
    UNIT,
    KIND,
    DATE,
    POINTS,
    DOC,
    TITLE,
    CREDITED_IN,
    ID,
    PROPOSED_BY,
];

/// Whether an attribute may not be named `name`: it would collide with a
/// reserved key of event data or a column header of the event sheet.
pub fn is_reserved_attribute(name: &str) -> bool {
    EVENT_KEYS.contains(&name) || name == "unit" || EVENT_COLUMNS.iter().any(|c| c.zh == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The event sheet's columns are the event keys, and the unit column.
    #[test]
    fn the_event_columns_are_the_event_keys() {
        let keys: Vec<&str> = EVENT_COLUMNS.iter().map(|c| c.key).collect();
        assert_eq!(keys.first(), Some(&"unit"));
        assert_eq!(keys.get(1..), Some(EVENT_KEYS));
        assert!(UNIT_COLUMNS.iter().all(|c| UNIT_KEYS.contains(&c.key)));
    }
}
