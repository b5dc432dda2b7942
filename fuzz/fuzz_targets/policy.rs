//! Policy text → what `kaohe check`, `kaohe test` and `kaohe fmt` do with it.
//!
//! Asserts: no panic; bytes that are not UTF-8 give exactly one KH001 (the
//! text is then read lossily); a policy without a program has an error, and
//! every finding lies in the text; whenever `fmt` succeeds, it is idempotent,
//! keeps the AST, the finding codes and every `//`, `kaohe diff x fmt(x)` is
//! empty, and zh → en → zh (en → zh → en) gives the same text back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = kaohe_fuzz::text("fuzz.kh", data);
    let built = kaohe_fuzz::check(&file);
    kaohe_fuzz::fmt_keeps_meaning(&file, &built);
});
