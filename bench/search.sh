#!/usr/bin/env bash
# Search benchmark (issue 18): bangtin's /tim-kiem/ against Pagefind over the
# same built 10,000-article corpus.
#
#   bench/search.sh                 # N=10000, WORK=/dev/shm/bangtin-search
#   N=1000 WORK=/var/tmp/s bench/search.sh
#
# 1. builds bangtin and gen_corpus (release), generates the corpus (seed 1),
#    builds it with bangtin (which writes its index under tim-kiem/) and times
#    the index's share of that cold build (examples/search_time);
# 2. installs Pagefind (`pip install pagefind-bin==$PAGEFIND_VERSION` into
#    $WORK/venv, once) and runs it over the same HTML (only the kinds of page
#    bangtin indexes: PAGEFIND_GLOB), writing pagefind/ beside
#    bangtin's index in the same output folder;
# 3. reports each index's size on disk and file count;
# 4. runs bench/search.mjs (headless Chromium, tests/browser's set-up) for the
#    queries of bench/search-queries.tsv: requests and gzip bytes until the
#    first results show, and whether the expected page is first.
# The report (Markdown) goes to standard output; paste it into RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
WORK=${WORK:-/dev/shm/bangtin-search}
PAGEFIND_VERSION=${PAGEFIND_VERSION:-1.5.2}
TOOLS=${TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/site-check}
export TOOLS
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$WORK"

cargo build --release --quiet --bin bangtin --example gen_corpus --example search_time >&2
site="$WORK/corpus-$N"
out="$WORK/out-$N"
[ -d "$site" ] || "$target/release/examples/gen_corpus" "$N" "$site" >&2
rm -rf "$out" "$site/.bangtin-cache"
"$target/release/bangtin" build --site "$site" --output "$out" >&2
share=$("$target/release/examples/search_time" "$site" 2>&1 | tail -1)

if [ ! -x "$WORK/venv/bin/python" ]; then
  python3 -m venv "$WORK/venv" >&2
  "$WORK/venv/bin/pip" install --quiet "pagefind-bin==$PAGEFIND_VERSION" >&2
fi
pagefind=$(find "$WORK/venv" -path '*pagefind_bin*' -name pagefind -type f | head -1)
pf_start=$(date +%s.%N)
# Only the kinds of page bangtin indexes (articles, standalone pages, units,
# clusters and their years), not lists, tags or years, for a like-for-like index.
PAGEFIND_GLOB=${PAGEFIND_GLOB:-"{tin-tuc/[0-9][0-9][0-9][0-9]/*/index.html,don-vi/*/index.html,cum-thi-dua/**/index.html,gioi-thieu/**/index.html,lien-he/**/index.html}"}
rm -rf "$out/pagefind"
"$pagefind" --site "$out" --output-subdir pagefind --force-language vi --glob "$PAGEFIND_GLOB" >&2
pf_secs=$(echo "$(date +%s.%N) - $pf_start" | bc)

size() { du -sb "$1" | cut -f1; }
files() { find "$1" -type f | wc -l; }
echo "## Search on $N articles ($(date -u +%F), $(nproc) cores)"
echo
echo "Index share of bangtin's cold build: $share"
echo "Pagefind $PAGEFIND_VERSION indexing the built HTML: ${pf_secs%.*} s"
echo
echo "| index | bytes on disk | files |"
echo "|---|---:|---:|"
echo "| bangtin tim-kiem/ | $(size "$out/tim-kiem") | $(files "$out/tim-kiem") |"
echo "| Pagefind pagefind/ | $(size "$out/pagefind") | $(files "$out/pagefind") |"
echo

# The browser: the same set-up as the browser tests.
tests/browser/run.sh --install-only >&2 || true
export NODE_PATH="$TOOLS/node/node_modules"
node bench/search.mjs "$out" bench/search-queries.tsv > "$WORK/search.jsonl"
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const rows = lines.filter((l) => l.q);
console.log("| query | bangtin req | bangtin gzip B | bangtin first ok | Pagefind req | Pagefind B | Pagefind first ok |");
console.log("|---|---:|---:|:-:|---:|---:|:-:|");
const qs = [...new Set(rows.map((r) => r.q))];
for (const q of qs) {
  const b = rows.find((r) => r.q === q && r.tool === "bangtin");
  const p = rows.find((r) => r.q === q && r.tool === "pagefind");
  console.log(`| ${q} | ${b.requests} | ${b.bytes} | ${b.ok ? "yes" : "no: " + b.first} | ${p.requests} | ${p.bytes} | ${p.ok ? "yes" : "no: " + p.first} |`);
}
console.log();
for (const s of lines.filter((l) => l.summary)) console.log(`- ${s.summary}: first result as expected ${s.first_ok}; gzip bytes median ${s.bytes_median}, max ${s.bytes_max}; requests median ${s.requests_median}, max ${s.requests_max}`);
' "$WORK/search.jsonl"
