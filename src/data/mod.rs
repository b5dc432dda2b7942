//! Unit data: readers for each format produce [`raw::RawUnit`]s; `validate`
//! checks them against the program and produces the evaluator's input, or
//! KH7xx findings that name the unit, the event, its path and its place.

pub mod input;
pub mod json;
pub mod numbers;
pub mod raw;
pub mod source;
pub mod toml;
pub mod validate;

use crate::diag::{Diag, Message};
use crate::source::{SourceFile, Span};

/// The data source for a file, by its extension: `.json` streams, `.toml` is
/// read whole.
pub fn open(file: &SourceFile) -> Result<source::DataSource<'_>, Vec<Diag>> {
    let lower = file.name.to_lowercase();
    if lower.ends_with(".json") {
        Ok(source::DataSource::Json(&file.text))
    } else if lower.ends_with(".toml") {
        let t = toml::read(&file.text)?;
        Ok(source::DataSource::Memory {
            units: t.units,
            units_at: t.units_at,
            other_keys: t.other_keys,
        })
    } else {
        let m = Message::UnknownDataFormat {
            path: file.name.clone(),
        };
        Err(vec![Diag::new(m, Span::default())])
    }
}
