//! One run of `eval`: a policy and a data file to rulings in one format,
//! written to any writer. The CLI and the workbench both call this, so a
//! report downloaded from the page is the one `kaohe eval` writes.

use std::io::Write;

use crate::data::DataFile;
use crate::diag::Diag;
use crate::driver::{self, Failure, RunInfo};
use crate::i18n::Lang;
use crate::progress::Progress;
use crate::source::SourceFile;

use super::{Context, Format, WriteError};

/// What to write: the format, the language, and all units or one.
#[derive(Debug, Clone, Copy)]
pub struct Output<'o> {
    pub format: Format,
    pub lang: Lang,
    /// Only this unit's explanation (`--unit NAME`).
    pub only: Option<&'o str>,
}

/// `kaohe eval`: builds the policy, evaluates the data and writes the rulings
/// to `out`. Returns the policy's warnings and notes; nothing is written when
/// the policy or the data has an error (§7.20: no partial ruling).
pub fn write_rulings(
    policy: &SourceFile,
    data: &DataFile,
    output: Output<'_>,
    out: &mut dyn Write,
    progress: &dyn Progress,
) -> Result<Vec<Diag>, Failure> {
    let built = driver::build(policy);
    let program = built.program()?;
    let opened = driver::open(data)?;
    let rulings = driver::rulings(program, &opened, progress)?;
    if let Some(name) = output.only {
        rulings.unit_named(name)?;
    }
    let run = if output.format.shows_hashes() {
        driver::identify(policy, &opened)?
    } else {
        RunInfo::default()
    };
    let ctx = Context::new(&rulings, &run, output.lang, output.only, progress);
    match crate::report::write(&ctx, output.format, out) {
        Ok(()) => Ok(built.warnings()),
        Err(WriteError::Data(d)) => Err(Failure::Data(d)),
        Err(WriteError::Io(e)) => Err(Failure::Output(e)),
    }
}
