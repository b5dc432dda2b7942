//! The `kaohe` command: parse arguments, run, exit with its status.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = kaohe::cli::Cli::parse();
    kaohe::cli::run(cli)
}
