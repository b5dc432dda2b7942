//! The pest parser generated from `grammar/kaohe.pest`. Only `syntax/` uses it.

#[derive(pest_derive::Parser)]
#[grammar = "grammar/kaohe.pest"]
pub(crate) struct KaoheParser;
