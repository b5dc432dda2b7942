//! A policy and its JSON data (the input is the policy text, a NUL byte, then
//! the data) → `kaohe check`, then `kaohe eval` in every output format when
//! the policy compiles.
//!
//! Asserts what the `policy` target's check asserts (a policy without a
//! program has an error; findings lie in the text) and what `eval_json`
//! asserts: refused data has a finding; data that evaluates renders in every
//! format (zh for an input of even length, en for odd), the JSON outputs are
//! JSON, and a second run gives every output byte for byte.
#![no_main]

use kaohe::data::DataFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let lang = kaohe_fuzz::lang_of(input);
    let (policy, data) = kaohe_fuzz::split_nul(input);
    let policy = kaohe_fuzz::text("fuzz.kh", policy);
    let built = kaohe_fuzz::check(&policy);
    let (Some(program), Some(data)) = (&built.program, data) else {
        return;
    };
    let data = DataFile::from(kaohe_fuzz::text("data.json", data));
    kaohe_fuzz::eval_twice(&policy, program, &data, lang);
});
