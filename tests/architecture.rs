#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The layers of docs/ARCHITECTURE.md, kept: a table of which module of
//! `src/` may use which, checked over every file's code (comments left out).
//! A later stage may use an earlier one; nothing reaches up or sideways
//! unless the table says so. The test also shows that an added forbidden
//! `use` is caught.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

/// Each top-level module of `src/`, bottom to top, with the modules it may use.
const LAYERS: &[(&str, &[&str])] = &[
    // The ground: no dependencies inside the crate.
    ("i18n", &[]),
    ("source", &[]),
    ("calendar", &[]),
    ("progress", &[]),
    ("exact", &[]),
    ("contract", &["i18n"]),
    // Findings as data, and reading files.
    ("diag", &["calendar", "exact", "i18n", "source"]),
    ("files", &["diag", "source"]),
    // The policy: text → AST → symbols → checked → program.
    ("ast", &["source"]),
    (
        "syntax",
        &["ast", "calendar", "diag", "exact", "i18n", "source"],
    ),
    (
        "resolve",
        &["ast", "calendar", "contract", "diag", "i18n", "source"],
    ),
    (
        "check",
        &["exact", "ast", "calendar", "diag", "resolve", "source"],
    ),
    ("ir", &["exact", "ast", "calendar", "source"]),
    (
        "compile",
        &[
            "exact", "ast", "calendar", "check", "diag", "ir", "resolve", "source", "syntax",
        ],
    ),
    // Unit data, and the evaluator, which receives validated units from it.
    (
        "data",
        &[
            "calendar", "contract", "diag", "exact", "files", "ir", "progress", "source",
        ],
    ),
    ("eval", &["exact", "ast", "data", "diag", "ir", "source"]),
    // Above the evaluator: what runs it on data it makes.
    (
        "analysis",
        &[
            "exact", "ast", "calendar", "data", "diag", "eval", "ir", "source",
        ],
    ),
    (
        "examples",
        &["exact", "ast", "data", "diag", "eval", "ir", "source"],
    ),
    // The one driver of the pipeline.
    (
        "driver",
        &[
            "exact", "analysis", "ast", "check", "compile", "data", "diag", "eval", "ir",
            "progress", "resolve", "source", "syntax",
        ],
    ),
    // What the pipeline's results are turned into.
    (
        "report",
        &[
            "exact", "ast", "data", "diag", "driver", "eval", "i18n", "ir", "progress", "source",
        ],
    ),
    (
        "diff",
        &[
            "exact", "ast", "calendar", "data", "diag", "driver", "eval", "i18n", "ir", "progress",
            "source",
        ],
    ),
    (
        "template",
        &["exact", "contract", "data", "diag", "i18n", "ir"],
    ),
    ("format", &["ast", "diag", "i18n", "source", "syntax"]),
    // Position queries for editors and the workbench, over the driver.
    (
        "ide",
        &[
            "ast", "diag", "driver", "format", "i18n", "resolve", "source", "syntax",
        ],
    ),
    // The language server: LSP's wire format over `ide`.
    ("lsp", &["diag", "i18n", "ide", "source"]),
    // The workbench: HTTP over the same library.
    (
        "serve",
        &[
            "data", "diag", "diff", "driver", "examples", "format", "i18n", "ide", "progress",
            "report", "source", "template",
        ],
    ),
    // The shell.
    (
        "cli",
        &[
            "exact", "data", "diag", "diff", "driver", "examples", "files", "format", "i18n",
            "lsp", "progress", "report", "serve", "source", "template",
        ],
    ),
];

/// Narrower rules inside an allowed pair: `(module, path it must not use)`.
const FORBIDDEN_PATHS: &[(&str, &str)] = &[
    // The evaluator gets units from the data layer, never text to split.
    ("eval", "data::json"),
    ("eval", "data::toml"),
    ("eval", "data::sheets"),
    ("eval", "data::validate"),
    // The data layer uses diagnostics as data; it renders nothing.
    ("data", "diag::render"),
    ("eval", "diag::render"),
    ("analysis", "diag::render"),
    // The compiler and the parser do not call into the formatter.
    ("syntax", "format"),
    ("compile", "format"),
];

/// Crates only one module may name: only `syntax` knows pest, only the
/// rendering edge knows miette.
const OWNED_CRATES: &[(&str, &[&str])] = &[
    ("pest", &["syntax"]),
    ("miette", &["diag", "cli"]),
    ("lsp_server", &["lsp"]),
    ("lsp_types", &["lsp"]),
    ("axum", &["serve"]),
    ("tokio", &["serve"]),
];

/// The code of a Rust file without its comments and string literals (a
/// `crate::x` in a doc comment or a message is no dependency).
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                while let Some(n) = chars.next() {
                    match n {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Every `crate::a::b…` path of `code`, as `a::b…` (module names only).
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let before = code[..i].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &code[i + "crate::".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':')
            .collect();
        let path = path.trim_end_matches(':').to_string();
        if !path.is_empty() {
            paths.insert(path);
        }
    }
    paths
}

/// The top-level module a file of `src/` belongs to.
fn module_of(rel: &Path) -> String {
    let first = rel.components().next().unwrap();
    let first = first.as_os_str().to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// What is wrong with module `module` using the code `code`.
fn violations(module: &str, code: &str) -> Vec<String> {
    let Some((_, allowed)) = LAYERS.iter().find(|(m, _)| *m == module) else {
        return vec![format!("{module} is not in the table of layers")];
    };
    let mut found = Vec::new();
    for path in crate_paths(code) {
        let top = path.split("::").next().unwrap_or("");
        // Macros exported at the crate root (`crate::zh_en!`) belong to i18n.
        let top = if top == "zh_en" { "i18n" } else { top };
        if top != module && !allowed.contains(&top) {
            found.push(format!("{module} uses crate::{path}"));
        }
        for (m, forbidden) in FORBIDDEN_PATHS {
            if *m == module && (path == *forbidden || path.starts_with(&format!("{forbidden}::"))) {
                found.push(format!("{module} uses crate::{path}"));
            }
        }
    }
    for (krate, owners) in OWNED_CRATES {
        let named = code.contains(&format!("{krate}::")) || code.contains(&format!("use {krate}"));
        if named && !owners.contains(&module) {
            found.push(format!("{module} names the crate {krate}"));
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_keeps_to_its_layer() {
    let src = common::root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut found = Vec::new();
    let mut modules = BTreeSet::new();
    for path in &files {
        let rel = path.strip_prefix(&src).unwrap();
        let module = module_of(rel);
        if module == "lib" || module == "main" {
            continue;
        }
        modules.insert(module.clone());
        let code = code_only(&std::fs::read_to_string(path).unwrap());
        for v in violations(&module, &code) {
            found.push(format!("src/{}: {v}", rel.display()));
        }
    }
    assert!(found.is_empty(), "layer violations:\n{}", found.join("\n"));
    let table: BTreeSet<String> = LAYERS.iter().map(|(m, _)| m.to_string()).collect();
    assert_eq!(
        modules, table,
        "the table names every module of src/, and only those"
    );
}

/// The table itself goes bottom to top: a module may use only modules listed
/// before it, so the layers have no cycle.
#[test]
fn the_layers_have_no_cycle() {
    for (i, (module, allowed)) in LAYERS.iter().enumerate() {
        for dep in *allowed {
            let at = LAYERS.iter().position(|(m, _)| m == dep);
            assert!(
                at.is_some_and(|at| at < i),
                "{module} may use {dep}, which is not below it"
            );
        }
    }
}

/// The check catches what it is for: a forbidden `use` added to a file.
#[test]
fn a_forbidden_use_is_caught() {
    let eval = "use crate::data::input::UnitInput;\nuse crate::report::Context;\n";
    assert_eq!(violations("eval", eval), vec!["eval uses crate::report"]);
    let splitting = "use crate::data::json::JsonUnits;";
    assert_eq!(
        violations("eval", splitting),
        vec!["eval uses crate::data::json"]
    );
    let upward = "fn f() { crate::driver::build(&file); }";
    assert_eq!(
        violations("diag", upward),
        vec!["diag uses crate::driver::build"]
    );
    let pest = "use pest::Parser;";
    assert_eq!(
        violations("compile", pest),
        vec!["compile names the crate pest"]
    );
    // Comments and strings are no dependency.
    let quiet = "// see crate::report\nlet s = \"crate::report\";\n";
    assert!(violations("eval", &code_only(quiet)).is_empty());
    assert!(
        !violations("eval", quiet).is_empty(),
        "as code it would be one"
    );
}
