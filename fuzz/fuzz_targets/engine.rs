//! cargo-fuzz driver of `harness::engine` (see fuzz/harness.rs).
#![no_main]

// The seeds serve tests/fuzz.rs and fuzz/run.sh, not this driver.
#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static SCRATCH: OnceLock<PathBuf> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let scratch = SCRATCH.get_or_init(harness::process_scratch);
    harness::run("engine", scratch, data);
});
