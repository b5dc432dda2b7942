//! The data's SHA-256 over its content, not its bytes: the same units in
//! JSON, TOML, a workbook or CSV files (keys in any order, `9.80` or `9.8`)
//! hash alike, so a ruling names the data it was made from whatever the
//! office kept it in. Each unit is written canonically (unit fields, scores
//! and each event's fields sorted by key; numbers normalised; dates typed by
//! a sheet written as the text JSON would hold) and fed to the hash in order.

use std::str::FromStr;

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use super::raw::{RawField, RawUnit, RawValue};
use super::source::DataSource;
use crate::diag::{Diag, fmt_decimal};

pub fn content_sha256(source: &DataSource<'_>) -> Result<String, Diag> {
    let mut hash = Sha256::new();
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    source.each(|_, unit| {
        buf.clear();
        write_unit(&mut buf, unit);
        hash.update(&buf);
    })?;
    Ok(format!("{:x}", hash.finalize()))
}

fn write_unit(out: &mut Vec<u8>, unit: &RawUnit<'_>) {
    out.push(b'U');
    write_fields(out, unit.fields.iter());
    out.push(b'S');
    write_fields(out, unit.score_fields.iter());
    // Only when present: data without `scored_by` keeps the digest it had.
    if !unit.scorer_fields.is_empty() {
        out.push(b'B');
        write_fields(out, unit.scorer_fields.iter());
    }
    for ev in &unit.event_list {
        out.push(b'E');
        if let Some(fields) = unit.event_fields.get(ev.start..ev.end) {
            write_fields(out, fields.iter());
        }
        if let Some(what) = ev.not_object {
            out.extend_from_slice(what.as_bytes());
        }
    }
    out.push(b'\n');
}

fn write_fields<'f, 'a: 'f>(out: &mut Vec<u8>, fields: impl Iterator<Item = &'f RawField<'a>>) {
    let mut sorted: Vec<&RawField<'_>> = fields.collect();
    sorted.sort_by(|a, b| a.key.cmp(&b.key));
    for f in sorted {
        out.extend_from_slice(f.key.as_bytes());
        out.push(0);
        match &f.value {
            RawValue::Str(s) | RawValue::Date(s) => {
                out.push(b's');
                out.extend_from_slice(s.as_bytes());
            }
            RawValue::Num(n) => {
                out.push(b'n');
                match Decimal::from_str(n) {
                    Ok(d) => out.extend_from_slice(fmt_decimal(d.normalize()).as_bytes()),
                    Err(_) => out.extend_from_slice(n.as_bytes()),
                }
            }
            RawValue::Bool(b) => out.extend_from_slice(if *b { b"btrue" } else { b"bfalse" }),
            RawValue::Null => out.push(b'z'),
            RawValue::Array => out.push(b'a'),
            RawValue::Object => out.push(b'o'),
        }
        out.push(0);
    }
}
