//! Reading input as text: a file or standard input, UTF-8 checked, or the
//! KH001 finding that says why it cannot be read. One place, so the policy,
//! the data and `kaohe fmt -` fail alike.

use std::path::Path;

use crate::diag::{Diag, IoProblem, Message};
use crate::source::{SourceFile, Span};

/// Bytes read (or not) under `name` as a source text.
pub fn text_of(
    name: String,
    bytes: std::io::Result<Vec<u8>>,
) -> Result<SourceFile, (SourceFile, Vec<Diag>)> {
    let text = bytes.map_err(|e| IoProblem::of(&e)).and_then(|bytes| {
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

/// A file's text; on failure, an empty file of that name and the finding.
pub fn read(path: &Path) -> Result<SourceFile, (SourceFile, Vec<Diag>)> {
    text_of(path.display().to_string(), std::fs::read(path))
}

/// Standard input's text (`kaohe fmt -`, for editors).
pub fn read_stdin() -> Result<SourceFile, (SourceFile, Vec<Diag>)> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let read = std::io::stdin().read_to_end(&mut bytes).map(|_| bytes);
    text_of("<stdin>".to_string(), read)
}
