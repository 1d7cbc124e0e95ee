#!/usr/bin/env bash
# The browser tests: headless Chromium (Debian package) driven by
# playwright-core (npm), over the built example site.
#
#   tests/browser/run.sh [OUTPUT_DIR]
#   tests/browser/run.sh --install-only     # what bench/search.sh uses
#
# Tests the built site in OUTPUT_DIR, or builds the example site into
# target/browser-site when none is given; editor.mjs, scores.mjs, excel.mjs and clusters.mjs run `bangtin serve` from
# the release binary ($BANGTIN_BIN, else $CARGO_TARGET_DIR or target/release)
# on a copy of the example site. Installs what is missing (chromium with
# apt-get when run as root, playwright-core into $TOOLS/node, the folder the
# site-check tools use), then runs every tests/browser/*.mjs test.
# Exit 0: every check passed; 1: a check failed; 3: the browser or node
# could not be installed here (nothing was tested; the message says why).
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=${TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/site-check}
export TOOLS
PLAYWRIGHT=${PLAYWRIGHT:-playwright-core@1.65.1}
out=${1:-}

cannot() { echo "tests/browser: $*; no browser test was run" >&2; exit 3; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
    || cannot "chromium or node is missing and apt-get cannot install it (not root)"
  pkgs=()
  command -v chromium >/dev/null 2>&1 || pkgs+=(chromium fonts-dejavu-core)
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs npm)
  echo "== apt-get install ${pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null; } \
    || cannot "apt-get install ${pkgs[*]} failed"
fi
if [ ! -d "$TOOLS/node/node_modules/playwright-core" ]; then
  command -v npm >/dev/null 2>&1 || cannot "npm is missing"
  echo "== npm install $PLAYWRIGHT into $TOOLS/node"
  mkdir -p "$TOOLS/node"
  npm install --prefix "$TOOLS/node" --no-audit --no-fund --silent "$PLAYWRIGHT" \
    || cannot "npm install $PLAYWRIGHT failed"
fi

# axe-core: the accessibility checks of results-phone.mjs and editor.mjs.
if [ ! -d "$TOOLS/node/node_modules/axe-core" ]; then
  echo "== npm install ${AXE:-axe-core@4.14.1} into $TOOLS/node"
  npm install --prefix "$TOOLS/node" --no-audit --no-fund --silent "${AXE:-axe-core@4.14.1}" \
    || cannot "npm install ${AXE:-axe-core@4.14.1} failed"
fi

[ "$out" = --install-only ] && exit 0
if [ -z "$out" ]; then
  out=target/browser-site
  cargo run --release --quiet -- build --output "$out"
fi

status=0
for t in tests/browser/*.mjs; do
  [ "$(basename "$t")" = lib.mjs ] && continue
  echo "== $t"
  node "$t" "$out" || status=1
done
exit $status
