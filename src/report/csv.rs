//! Rulings as CSV: one row per unit in the JSON report's order (ranked units
//! by rank, then the vetoed), columns from `flat.rs`. UTF-8 with a byte order
//! mark, because Excel reads a CSV without one in the system's legacy code
//! page and garbles Chinese. Streams: one unit read and written at a time.

use std::io::Write;

use super::flat;
use super::summary::Summary;
use super::{Context, WriteError};
use crate::i18n::words::words;

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn write(ctx: &Context<'_, '_>, out: &mut dyn Write) -> Result<(), WriteError> {
    let w = words(ctx.lang);
    out.write_all(BOM)?;
    // `\r\n` as RFC 4180 says and Excel expects; quoting only where needed.
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    csv.write_record(flat::header(ctx, w)).map_err(io)?;
    for u in ctx.units() {
        let summary = Summary::of(ctx, u)?;
        let cells: Vec<String> = flat::row(ctx, w, &summary)
            .iter()
            .map(flat::Value::text)
            .collect();
        csv.write_record(&cells).map_err(io)?;
    }
    csv.flush()?;
    Ok(())
}

fn io(e: csv::Error) -> WriteError {
    WriteError::Io(e.into())
}
