//! One summary line per unit, in ranking order: what the benchmark baseline
//! writes (total, rank, veto, awards, outcomes), without explanations. Written
//! by hand: at a million units this is the hot path.

use std::io::Write;

use super::{Context, WriteError};
use crate::eval::decide::Grade;
use crate::eval::truth::Truth;
use crate::ir::{AwardId, OutcomeId};

/// Appends `s` as a JSON string.
pub fn json_str(out: &mut Vec<u8>, s: &str) {
    if !s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
        return;
    }
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

/// Appends a decimal as rulings show it (§7.30), without a temporary string.
fn write_decimal(out: &mut Vec<u8>, d: rust_decimal::Decimal) {
    use std::io::Write as _;
    let n = d.normalize();
    if n.is_zero() {
        out.push(b'0');
    } else {
        let _ = write!(out, "{n}");
    }
}

/// The parts of every line that depend only on the policy, escaped once.
struct Fragments {
    groups: Vec<Vec<u8>>,
    awards: Vec<Vec<u8>>,
    outcomes: Vec<Vec<u8>>,
    tiers: Vec<Vec<u8>>,
}

impl Fragments {
    fn new(p: &crate::ir::Program) -> Fragments {
        let quoted = |s: &str| {
            let mut v = Vec::new();
            json_str(&mut v, s);
            v
        };
        Fragments {
            groups: p.groups.iter().map(|g| quoted(&g.name)).collect(),
            awards: p.awards.iter().map(|a| quoted(&a.name)).collect(),
            outcomes: p.outcomes.iter().map(|o| quoted(&o.name)).collect(),
            tiers: p.tiers.iter().map(|t| quoted(&t.name)).collect(),
        }
    }
}

/// How many units ahead the writer touches the row it will need.
const AHEAD: usize = 16;

/// Appends a whole number in decimal.
fn write_u32(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(i..).unwrap_or(&[]));
}

pub fn write(ctx: &Context<'_, '_>, out: &mut dyn Write) -> Result<(), WriteError> {
    let p = ctx.p;
    let e = ctx.eval;
    let f = Fragments::new(p);
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 16);
    let order = &e.ranks.order;
    for (n, u) in ctx.units().enumerate() {
        // Rows are visited in ranking order, each a cache miss (the row, then
        // its name in the data text): touching the row and name a few units
        // ahead lets those misses overlap instead of queueing.
        if ctx.only.is_none()
            && let Some(ahead) = order
                .get(n + AHEAD)
                .and_then(|a| e.table.rows.get(*a as usize))
        {
            std::hint::black_box(ahead.name.as_bytes().first());
        }
        let Some(row) = e.table.rows.get(u) else {
            continue;
        };
        buf.extend_from_slice(b"{\"unit\":");
        json_str(&mut buf, &row.name);
        buf.extend_from_slice(b",\"group\":");
        buf.extend_from_slice(f.groups.get(row.group.index()).map_or(&b"null"[..], |g| g));
        buf.extend_from_slice(b",\"total\":\"");
        write_decimal(&mut buf, row.result.total);
        match e.ranks.rank.get(u).copied().flatten() {
            Some(r) => {
                buf.extend_from_slice(b"\",\"rank\":");
                write_u32(&mut buf, r);
            }
            None => buf.extend_from_slice(b"\",\"rank\":null"),
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
                    buf.extend_from_slice(f.tiers.get(t.index()).map_or(&b"null"[..], |x| x));
                }
                Grade::None => buf.extend_from_slice(b"null"),
            }
        }
        buf.extend_from_slice(b",\"awards\":{");
        for i in 0..p.awards.len() {
            if i > 0 {
                buf.push(b',');
            }
            buf.extend_from_slice(f.awards.get(i).map_or(&b"\"\""[..], |x| x));
            let id = AwardId::from_index(i);
            let value: &[u8] = match e.decisions.awarded(u, id) {
                Truth::Yes => b":true",
                Truth::Pending => b":\"pending\"",
                Truth::No => b":false",
            };
            buf.extend_from_slice(value);
        }
        buf.extend_from_slice(b"},\"outcomes\":{");
        for i in 0..p.outcomes.len() {
            if i > 0 {
                buf.push(b',');
            }
            buf.extend_from_slice(f.outcomes.get(i).map_or(&b"\"\""[..], |x| x));
            buf.extend_from_slice(match e.decisions.outcome(u, OutcomeId::from_index(i)) {
                Truth::Yes => b":true",
                Truth::Pending => b":\"pending\"",
                Truth::No => b":false",
            });
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
