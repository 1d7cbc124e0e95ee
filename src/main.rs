use std::process::ExitCode;

fn main() -> ExitCode {
    bangtin::cli::main()
}
