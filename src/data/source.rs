//! Where units come from: a JSON text read as a stream (units can be read
//! again from their span for their explanation, so a million explanations
//! never sit in memory at once), or units already in memory (TOML, sheets,
//! a policy's examples).

use std::borrow::Cow;

use super::input::UnitInput;
use super::json::{JsonError, JsonUnits};
use super::raw::RawUnit;
use super::validate::Validator;
use crate::diag::suggest::suggest;
use crate::diag::{DataMessage, Diag, Message, SyntaxDetail};
use crate::ir::Program;
use crate::source::Span;

pub enum DataSource<'a> {
    Json(&'a str),
    Memory {
        units: Vec<RawUnit<'a>>,
        units_at: Span,
        other_keys: Vec<(Cow<'a, str>, Span)>,
    },
}

pub fn json_diag(e: JsonError) -> Diag {
    let m = DataMessage::Syntax {
        format: "JSON",
        detail: SyntaxDetail::Json(e.problem),
    };
    Diag::new(Message::Data(m), Span::new(e.at, e.at + 1))
}

/// Findings for top-level keys other than `units`.
pub fn top_level_keys(keys: &[(Cow<'_, str>, Span)]) -> Vec<Diag> {
    keys.iter()
        .map(|(k, span)| {
            let m = DataMessage::UnknownKey {
                unit: None,
                key: k.to_string(),
                kind: None,
                path: "$".into(),
                suggestion: suggest(k, ["units"]),
            };
            Diag::new(Message::Data(m), *span)
        })
        .collect()
}

impl<'a> DataSource<'a> {
    /// Calls `f` with each unit in order; a syntax error stops the walk. Returns
    /// the span of the `units` array and findings about the top level.
    pub fn each(&self, mut f: impl FnMut(usize, &RawUnit<'a>)) -> Result<(Span, Vec<Diag>), Diag> {
        match self {
            DataSource::Json(text) => {
                let mut reader = JsonUnits::open(text).map_err(json_diag)?;
                let mut unit = RawUnit::default();
                let mut i = 0;
                while reader.next_unit(&mut unit).map_err(json_diag)? {
                    f(i, &unit);
                    i += 1;
                }
                Ok((reader.units_at, top_level_keys(&reader.other_keys)))
            }
            DataSource::Memory {
                units,
                units_at,
                other_keys: keys,
            } => {
                for (i, u) in units.iter().enumerate() {
                    f(i, u);
                }
                Ok((*units_at, top_level_keys(keys)))
            }
        }
    }

    /// Unit `index` (found at `span` by an earlier reading) read and
    /// validated again, for its explanation.
    pub fn unit_again(
        &self,
        p: &Program,
        index: usize,
        span: Span,
    ) -> Result<UnitInput<'a>, Vec<Diag>> {
        let mut raw = RawUnit::default();
        self.again(index, span, &mut raw).map_err(|d| vec![d])?;
        let mut validator = Validator::new(p, false);
        let mut input = UnitInput::default();
        if validator.unit(&raw, index, &mut input) {
            Ok(input)
        } else {
            Err(validator.diags)
        }
    }

    /// Reads unit `index` (found at `span` by `each`) again into `out`.
    fn again(&self, index: usize, span: Span, out: &mut RawUnit<'a>) -> Result<(), Diag> {
        match self {
            DataSource::Json(text) => JsonUnits::unit_at(text, span.start, out).map_err(json_diag),
            DataSource::Memory { units, .. } => {
                if let Some(u) = units.get(index) {
                    out.clone_from(u);
                }
                Ok(())
            }
        }
    }
}
