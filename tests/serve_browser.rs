#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The workbench in headless Chromium (`tests/browser/serve_e2e.py`): open
//! the workspace, introduce `不含 中心办公室`, see KH201 with the 办公室
//! suggestion, click it, run the examples, evaluate the sample as a
//! workbook, download the XLSX report and read it back, switch to English.
//! A screenshot of each step is kept in `target/serve-e2e/`. Skipped, with
//! a note, where Chromium or Python is missing, unless `CI` is set.

use std::path::Path;
use std::process::Command;

mod common;

#[test]
fn a_drafters_day_in_the_workbench() {
    if !common::browser_available() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shots = root.join("target/serve-e2e");
    let out = Command::new("python3")
        .arg(root.join("tests/browser/serve_e2e.py"))
        .arg(env!("CARGO_BIN_EXE_kaohe"))
        .arg(&shots)
        .current_dir(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("serve e2e passed"), "{stdout}");
    for step in [
        "open",
        "kh201",
        "fixed",
        "save-refused",
        "examples",
        "results",
        "downloaded",
        "compare",
        "english",
    ] {
        let shot = std::fs::read_dir(&shots)
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .ends_with(&format!("-{step}.png"))
            });
        assert!(shot, "a screenshot of {step}");
    }
}
