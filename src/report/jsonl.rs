//! One summary line per unit, in ranking order: what the benchmark baseline
//! writes (total, rank, veto, awards, outcomes), without explanations. Written
//! by hand: at a million units this is the hot path.

use std::io::Write;

use super::{Context, WriteError, dec};
use crate::eval::decide::{Grade, Selection};
use crate::ir::{AwardId, OutcomeId};

/// Appends `s` as a JSON string.
pub fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    for c in s.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            c if (c as u32) < 0x20 => {
                out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes())
            }
            c => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    out.push(b'"');
}

pub fn write(ctx: &Context<'_, '_>, out: &mut dyn Write) -> Result<(), WriteError> {
    let p = ctx.p;
    let e = ctx.eval;
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 16);
    for u in ctx.units() {
        let Some(row) = e.table.rows.get(u) else {
            continue;
        };
        buf.extend_from_slice(b"{\"unit\":");
        json_str(&mut buf, &row.name);
        buf.extend_from_slice(b",\"group\":");
        json_str(&mut buf, p.group(row.group).map_or("", |g| g.name.as_str()));
        buf.extend_from_slice(b",\"total\":");
        json_str(&mut buf, &dec(row.result.total));
        match e.ranks.rank.get(u).copied().flatten() {
            Some(r) => buf.extend_from_slice(format!(",\"rank\":{r}").as_bytes()),
            None => buf.extend_from_slice(b",\"rank\":null"),
        }
        buf.extend_from_slice(if row.result.vetoed {
            b",\"vetoed\":true"
        } else {
            b",\"vetoed\":false"
        });
        if !p.tiers.is_empty() {
            buf.extend_from_slice(b",\"grade\":");
            match e.decisions.grade(u) {
                Grade::Tier(t) | Grade::Pending(t) => {
                    json_str(
                        &mut buf,
                        p.tiers.get(t.index()).map_or("", |x| x.name.as_str()),
                    );
                }
                Grade::None => buf.extend_from_slice(b"null"),
            }
        }
        buf.extend_from_slice(b",\"awards\":{");
        for (i, a) in p.awards.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            json_str(&mut buf, &a.name);
            let id = AwardId::from_index(i);
            let value: &[u8] = match (a.quota.is_some(), e.decisions.selection(u, id)) {
                (true, Selection::Selected) => b":true",
                (true, Selection::Pending) => b":\"pending\"",
                (true, _) => b":false",
                (false, _) if e.decisions.eligible(u, id) => b":true",
                (false, _) => b":false",
            };
            buf.extend_from_slice(value);
        }
        buf.extend_from_slice(b"},\"outcomes\":{");
        for (i, o) in p.outcomes.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            json_str(&mut buf, &o.name);
            let flagged = e.decisions.outcome(u, OutcomeId::from_index(i));
            buf.extend_from_slice(if flagged { b":true" } else { b":false" });
        }
        buf.extend_from_slice(b"}}\n");
        if buf.len() > (1 << 16) {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    Ok(())
}
