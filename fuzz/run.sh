#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/harness.rs (issue 21), each for SECONDS
# (default 600), from the seeds of tests/fuzz.rs plus what earlier runs found
# (fuzz/corpus/, ignored by git). Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   (default: every target)
# A crash is saved by libFuzzer under fuzz/artifacts/<target>/; copy it to
# fuzz/regressions/<target>/ with a name saying what it was, fix the bug, and
# `cargo test --test fuzz` replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(front_matter site_yaml data_file markdown engine)
fi
cargo test --test fuzz write_fuzz_seeds -- --ignored --quiet
for t in "${targets[@]}"; do
  echo "== $t: $seconds s"
  # No sanitizer: the code is safe Rust; the fuzzer looks for panics,
  # aborts, endless loops (-timeout) and memory blow-ups (-rss_limit_mb).
  cargo +nightly fuzz run --sanitizer none -O ${CARGO_TARGET_DIR:+--target-dir "$CARGO_TARGET_DIR/fuzz"} \
    "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
