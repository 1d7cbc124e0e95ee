use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    bangtin::cli::run(bangtin::cli::Cli::parse())
}
