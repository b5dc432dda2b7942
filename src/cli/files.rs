//! Reading input files and printing findings, shared by the subcommands.

use std::io::Write;

use crate::diag::Diag;
use crate::diag::render::{RenderOptions, render_text};
use crate::source::SourceFile;

pub use crate::files::read;

/// Prints findings about `file` on stderr (the report owns stdout).
pub fn eprint(file: &SourceFile, diags: &[Diag], opts: RenderOptions) {
    if diags.is_empty() {
        return;
    }
    let text = render_text(file, diags, opts);
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
