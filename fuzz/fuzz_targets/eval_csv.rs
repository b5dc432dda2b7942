//! A CSV folder → `kaohe eval policies/shaoxing-2019.kh FOLDER` in every
//! output format. The input is `得分.csv`, then a NUL byte and `事项.csv`
//! (no NUL: no events file); both are written to a scratch folder, because
//! the CSV reader takes a folder's path.
//!
//! Asserts: no panic; refused data has a finding; data that evaluates renders
//! in every format (zh for an input of even length, en for odd; and `--unit`
//! for the first-ranked unit), the JSON outputs are JSON, and a second run
//! gives every output byte for byte.
#![no_main]

use kaohe::data::DataFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = kaohe_fuzz::scratch().join("csv");
    std::fs::create_dir_all(&dir).expect("csv folder");
    let (scores, events) = kaohe_fuzz::split_nul(data);
    std::fs::write(dir.join("得分.csv"), scores).expect("write 得分.csv");
    let events_path = dir.join("事项.csv");
    match events {
        Some(e) => std::fs::write(&events_path, e).expect("write 事项.csv"),
        None => {
            let _ = std::fs::remove_file(&events_path);
        }
    }
    match DataFile::load(&dir) {
        Ok(file) => kaohe_fuzz::eval_deterministic(&file, kaohe_fuzz::lang_of(data)),
        Err((_, diags)) => assert!(!diags.is_empty(), "a folder refused without a finding"),
    }
});
