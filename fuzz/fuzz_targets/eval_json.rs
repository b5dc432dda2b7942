//! JSON unit data → `kaohe eval policies/shaoxing-2019.kh DATA.json` in every
//! output format (text, JSON, JSON lines, Markdown, HTML, CSV, XLSX; in zh for
//! an input of even length, en for odd; and `--unit` for the first-ranked unit).
//!
//! Asserts: no panic; bytes that are not UTF-8 give one KH001 (then read
//! lossily); refused data has a finding; data that evaluates renders in every
//! format, the JSON outputs are JSON, and a second run from the same bytes
//! gives every output byte for byte.
#![no_main]

use kaohe::data::DataFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = DataFile::from(kaohe_fuzz::text("data.json", data));
    kaohe_fuzz::eval_deterministic(&file, kaohe_fuzz::lang_of(data));
});
