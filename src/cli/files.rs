//! Reading input files and printing findings, shared by the subcommands.

use std::io::Write;
use std::path::Path;

use crate::diag::render::{RenderOptions, render_text};
use crate::diag::{Diag, IoProblem, Message};
use crate::source::{SourceFile, Span};

/// A file's text, or the KH001 finding that says why it cannot be read.
pub fn read(path: &Path) -> Result<SourceFile, (SourceFile, Vec<Diag>)> {
    let name = path.display().to_string();
    let text = std::fs::read(path)
        .map_err(|e| IoProblem::of(&e))
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|e| IoProblem::NotUtf8 {
                at: e.utf8_error().valid_up_to(),
            })
        });
    match text {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(reason) => {
            let m = Message::CannotRead {
                path: name.clone(),
                reason,
            };
            Err((
                SourceFile::new(name, ""),
                vec![Diag::new(m, Span::default())],
            ))
        }
    }
}

/// Prints findings about `file` on stderr (the report owns stdout).
pub fn eprint(file: &SourceFile, diags: &[Diag], opts: RenderOptions) {
    if diags.is_empty() {
        return;
    }
    let text = render_text(file, diags, opts);
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
