use std::process::ExitCode;

/// mimalloc instead of the system allocator: a build makes millions of small
/// strings from two threads, which glibc's arenas fragment (issue 17's
/// benchmark: less peak memory and time; see bench/RESULTS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    bangtin::cli::main()
}
