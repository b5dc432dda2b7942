//! The unit-data contract's fixed names (LANGUAGE.md §5, §7.29), shared by the
//! checker (an attribute may not take one) and the data readers.

/// Keys of an event object other than its kind's attributes.
pub const EVENT_KEYS: &[&str] = &[
    "kind",
    "date",
    "points",
    "doc",
    "title",
    "credited_in",
    "id",
];

/// Keys of a unit object.
pub const UNIT_KEYS: &[&str] = &["unit", "group", "scores", "events"];

/// Column headers of the event sheet (Chinese spellings of the reserved keys).
pub const SHEET_HEADERS: &[&str] = &[
    "单位",
    "事项",
    "日期",
    "分值",
    "文号",
    "标题",
    "已计年度",
    "编号",
];

/// Whether an attribute may not be named `name`: it would collide with a
/// reserved key of event data or a column header of the event sheet.
pub fn is_reserved_attribute(name: &str) -> bool {
    EVENT_KEYS.contains(&name) || name == "unit" || SHEET_HEADERS.contains(&name)
}
