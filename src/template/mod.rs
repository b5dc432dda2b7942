//! `kaohe template`: the workbook an office fills for a policy (sheets `得分`
//! and `事项` with their headers, a row per listed unit, drop-down lists of
//! units, kinds and attribute values, each item's maximum in a note; the
//! optional `评分单位` sheet saying who scored an item; a sheet per scorer
//! the policy names), optionally filled from existing data, which is how
//! JSON data becomes a workbook. Written as `.xlsx` or as a folder of CSV
//! files.

pub mod csv;
pub mod xlsx;

use crate::contract::{
    CREDITED_IN, DATE, DOC, EVENTS_SHEET, GROUP, ID, KIND, Named, POINTS, PROPOSED_BY,
    SCORERS_SHEET, SCORES_SHEET, TITLE, UNIT,
};
use rust_decimal::Decimal;

use crate::data::raw::{RawField, RawUnit, RawValue};
use crate::data::source::DataSource;
use crate::diag::{Diag, fmt_decimal};
use crate::i18n::Lang;
use crate::ir::{AttrDomain, Program};

/// A value to write in a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Blank,
    Text(String),
    Number(Decimal),
    /// `YYYY-MM-DD`: a date cell in a workbook.
    Date(String),
}

impl Value {
    pub fn text(&self) -> String {
        match self {
            Value::Blank => String::new(),
            Value::Text(s) | Value::Date(s) => s.clone(),
            Value::Number(d) => fmt_decimal(*d),
        }
    }
}

/// A column: its header, a note shown on the header, a drop-down list.
#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub key: String,
    pub note: Option<String>,
    pub list: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
}

/// The workbook of a policy: scores, events, who scored (`评分单位`), then
/// one sheet per scorer the policy names.
pub fn workbook(
    p: &Program,
    lang: Lang,
    data: Option<&DataSource<'_>>,
) -> Result<Vec<Sheet>, Diag> {
    let zh = lang == Lang::Zh;
    let h = |zh_text: &str, en: &str| {
        if zh {
            zh_text.to_string()
        } else {
            en.to_string()
        }
    };
    let col = |header: String, key: &str| Column {
        header,
        key: key.to_string(),
        note: None,
        list: None,
    };
    let fixed = |c: Named| col(c.header(lang).to_string(), c.key);
    let unit_names: Vec<String> = p.units.iter().map(|u| u.name.clone()).collect();
    let leaves: Vec<&crate::ir::ItemIr> = {
        let mut l: Vec<_> = p.items.iter().filter(|i| i.leaf.is_some()).collect();
        l.sort_by_key(|i| i.leaf);
        l
    };
    let item_note = |i: &crate::ir::ItemIr| match (i.scale, zh) {
        (Some(s), true) => format!(
            "按 {} 分制填写，折算为满分 {}",
            fmt_decimal(s),
            fmt_decimal(i.max)
        ),
        (Some(s), false) => format!(
            "on a 0–{} scale, scaled to {}",
            fmt_decimal(s),
            fmt_decimal(i.max)
        ),
        (None, true) => format!("满分 {}", fmt_decimal(i.max)),
        (None, false) => format!("at most {}", fmt_decimal(i.max)),
    };

    let mut scores = Sheet {
        name: SCORES_SHEET.header(lang).to_string(),
        columns: vec![
            Column {
                list: Some(unit_names.clone()),
                ..fixed(UNIT)
            },
            Column {
                list: Some(p.groups.iter().map(|g| g.name.clone()).collect()),
                // Only an open group takes units the policy does not list.
                note: p.groups.iter().any(|g| g.open).then(|| {
                    h(
                        "名单外的单位（开放分组的新单位）须填写分组",
                        "required for a unit the policy does not list",
                    )
                }),
                ..fixed(GROUP)
            },
        ],
        rows: Vec::new(),
    };
    for i in &leaves {
        scores.columns.push(Column {
            note: Some(item_note(i)),
            ..col(i.name.clone(), &i.name)
        });
    }

    let mut events = Sheet {
        name: EVENTS_SHEET.header(lang).to_string(),
        columns: vec![
            Column {
                list: Some(unit_names.clone()),
                ..fixed(UNIT)
            },
            Column {
                list: Some(p.kinds.iter().map(|k| k.name.clone()).collect()),
                ..fixed(KIND)
            },
            Column {
                note: Some(h("如 2019-05-10", "e.g. 2019-05-10")),
                ..fixed(DATE)
            },
            fixed(POINTS),
            fixed(DOC),
            fixed(TITLE),
            fixed(CREDITED_IN),
            fixed(ID),
            fixed(PROPOSED_BY),
        ],
        rows: Vec::new(),
    };
    // One column per attribute name, its values the union over kinds.
    for k in &p.kinds {
        for a in &k.attrs {
            let values: Vec<String> = match &a.domain {
                AttrDomain::Values(v) => v.clone(),
                AttrDomain::Items => leaves.iter().map(|i| i.name.clone()).collect(),
            };
            if let Some(c) = events.columns.iter_mut().find(|c| c.key == a.name) {
                let list = c.list.get_or_insert_with(Vec::new);
                for v in values {
                    if !list.contains(&v) {
                        list.push(v);
                    }
                }
                if let Some(n) = c.note.as_mut() {
                    n.push_str(if zh { "、" } else { ", " });
                    n.push_str(&k.name);
                }
            } else {
                let note = format!("{}{}", h("用于：", "for: "), k.name);
                events.columns.push(Column {
                    note: Some(note),
                    list: Some(values),
                    ..col(a.name.clone(), &a.name)
                });
            }
        }
    }

    // Who scored each item, when another body did: optional, a blank cell
    // follows the policy's `评分` (or no one named).
    let mut scored_by = Sheet {
        name: SCORERS_SHEET.header(lang).to_string(),
        columns: vec![Column {
            list: Some(unit_names.clone()),
            note: Some(h(
                "可选：填写各项目的评分单位（如 市委督查室）；留空的按考核办法",
                "optional: who scored each item; a blank cell follows the policy",
            )),
            ..fixed(UNIT)
        }],
        rows: Vec::new(),
    };
    for i in &leaves {
        scored_by.columns.push(Column {
            note: i.scorer.as_ref().map(|s| {
                if zh {
                    format!("考核办法：评分 {s}")
                } else {
                    format!("the policy: scored_by {s}")
                }
            }),
            ..col(i.name.clone(), &i.name)
        });
    }

    match data {
        Some(source) => fill(source, &mut scores, &mut events, &mut scored_by)?,
        None => {
            for g in p.groups.iter().filter(|g| !g.open) {
                for u in &g.members {
                    {
                        let unit = &p[*u];
                        let mut row =
                            vec![Value::Text(unit.name.clone()), Value::Text(g.name.clone())];
                        row.resize(scores.columns.len(), Value::Blank);
                        scores.rows.push(row);
                        let mut row = vec![Value::Text(unit.name.clone())];
                        row.resize(scored_by.columns.len(), Value::Blank);
                        scored_by.rows.push(row);
                    }
                }
            }
        }
    }

    let mut sheets = vec![scores.clone(), events, scored_by];
    let mut scorers: Vec<&str> = leaves.iter().filter_map(|i| i.scorer.as_deref()).collect();
    scorers.dedup();
    scorers.sort_unstable();
    scorers.dedup();
    for s in scorers {
        let mut columns = vec![
            scores
                .columns
                .first()
                .cloned()
                .unwrap_or_else(|| fixed(UNIT)),
        ];
        columns.extend(
            leaves
                .iter()
                .filter(|i| i.scorer.as_deref() == Some(s))
                .map(|i| Column {
                    note: Some(item_note(i)),
                    ..col(i.name.clone(), &i.name)
                }),
        );
        let rows = scores
            .rows
            .iter()
            .map(|r| {
                columns
                    .iter()
                    .map(|c| {
                        let at = scores.columns.iter().position(|x| x.key == c.key);
                        at.and_then(|i| r.get(i)).cloned().unwrap_or(Value::Blank)
                    })
                    .collect()
            })
            .collect();
        sheets.push(Sheet {
            name: format!("{}{s}", h("评分-", "scorer-")),
            columns,
            rows,
        });
    }
    Ok(sheets)
}

fn cell_value(f: &RawField<'_>) -> Value {
    match &f.value {
        RawValue::Num(n) => n
            .parse::<Decimal>()
            .map_or(Value::Text(n.to_string()), |d| Value::Number(d.normalize())),
        RawValue::Str(s) if f.key == "date" => Value::Date(s.to_string()),
        RawValue::Date(s) => Value::Date(s.to_string()),
        RawValue::Str(s) => Value::Text(s.to_string()),
        RawValue::Bool(b) => Value::Text(b.to_string()),
        RawValue::Null | RawValue::Array | RawValue::Object => Value::Blank,
    }
}

/// Rows from existing data: every key of every unit and event in its column
/// (a key the sheet has no column for gets one, so nothing is lost).
fn fill(
    source: &DataSource<'_>,
    scores: &mut Sheet,
    events: &mut Sheet,
    scored_by: &mut Sheet,
) -> Result<(), Diag> {
    let mut units: Vec<RawUnit<'_>> = Vec::new();
    source.each(|_, u| units.push(u.clone()))?;
    let put = |sheet: &mut Sheet, fields: &[RawField<'_>], lead: &[(&str, Value)]| {
        let mut row = vec![Value::Blank; sheet.columns.len()];
        let all = lead
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .chain(fields.iter().map(|f| (f.key.to_string(), cell_value(f))));
        for (key, value) in all {
            let at = match sheet.columns.iter().position(|c| c.key == key) {
                Some(i) => i,
                None => {
                    sheet.columns.push(Column {
                        header: key.clone(),
                        key: key.clone(),
                        note: None,
                        list: None,
                    });
                    row.push(Value::Blank);
                    sheet.columns.len() - 1
                }
            };
            if let Some(cell) = row.get_mut(at) {
                *cell = value;
            }
        }
        sheet.rows.push(row);
    };
    for u in &units {
        let name = u
            .fields
            .iter()
            .find(|f| f.key == "unit")
            .map(cell_value)
            .unwrap_or(Value::Blank);
        let own: Vec<RawField<'_>> = u.fields.iter().chain(&u.score_fields).cloned().collect();
        put(scores, &own, &[]);
        put(scored_by, &u.scorer_fields, &[("unit", name.clone())]);
        for ev in &u.event_list {
            let fields = u.event_fields.get(ev.start..ev.end).unwrap_or_default();
            put(events, fields, &[("unit", name.clone())]);
        }
    }
    let width = |s: &mut Sheet| {
        let n = s.columns.len();
        s.rows.iter_mut().for_each(|r| r.resize(n, Value::Blank));
    };
    width(scores);
    width(events);
    width(scored_by);
    Ok(())
}
