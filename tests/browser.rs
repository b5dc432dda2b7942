#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The HTML report as a reader sees it, in headless Chromium
//! (`tests/browser/check_html.sh`). Skipped, with a note, where Chromium or
//! Python is missing, unless `CI` is set: `.ci/run` installs Chromium, so in
//! CI the check always runs.

use std::path::Path;
use std::process::Command;

mod common;

#[test]
fn html_report_renders_in_chromium() {
    if !common::browser_available() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("bash")
        .arg(root.join("tests/browser/check_html.sh"))
        .env("KAOHE", env!("CARGO_BIN_EXE_kaohe"))
        .current_dir(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("browser check passed"), "{stdout}");
}
