#!/usr/bin/env bash
# Image benchmark (not a timed test): N synthetic W×H JPEGs (default 100 ×
# 12 megapixels, EXIF orientation 6) in one article bundle; times a cold
# build (empty cache), a warm build (nothing changed) and the naive
# decode + resize + encode of the same work with the image crate alone
# (examples/imagebench.rs). Usage: bench/images.sh   (N=20 bench/images.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100}
W=${W:-4000}
H=${H:-3000}
TARGET=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --bin bangtin --example imagebench
BIN="$TARGET/release"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SITE="$WORK/site"
BUNDLE="$SITE/content/news/2024/bench"
mkdir -p "$BUNDLE"
printf 'title: Bench\nbase_url: https://bench.example.vn/\n' >"$SITE/site.yaml"
printf -- '---\ntitle: Bench\ndate: 2024-01-01\n---\nẢnh.\n' >"$BUNDLE/index.md"

echo "generating $N images of ${W}×${H}…"
"$BIN/examples/imagebench" gen "$BUNDLE" "$N" "$W" "$H"
du -sh "$BUNDLE" | cut -f1 | sed 's/^/input size: /'

now() { date +%s.%N; }
"$BIN/bangtin" clean --site "$SITE" >/dev/null
t0=$(now)
"$BIN/bangtin" build --site "$SITE" >"$WORK/cold.log" 2>&1
t1=$(now)
"$BIN/bangtin" build --site "$SITE" >"$WORK/warm.log" 2>&1
t2=$(now)
naive=$("$BIN/examples/imagebench" naive "$BUNDLE")
t3=$(now)

awk -v n="$N" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" 'BEGIN {
  cold = t1 - t0; warm = t2 - t1; naive = t3 - t2
  printf "cold build:  %7.2f s  (%.3f s per image)\n", cold, cold / n
  printf "warm build:  %7.2f s  (%.1f%% of cold)\n", warm, 100 * warm / cold
  printf "naive image: %7.2f s  (%.3f s per image, one after another)\n", naive, naive / n
  printf "cold / naive: %.2f\n", cold / naive
}'
echo "$naive"
tail -n 1 "$WORK/cold.log"
du -sh "$SITE/output" | cut -f1 | sed 's/^/output size: /'
