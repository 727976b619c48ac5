#!/usr/bin/env bash
# Builds pkg/ from the sources, reproducibly:
#   pkg/heluo.js       classic script, WebAssembly inlined (LZMA-packed): works from file:// (the page uses it)
#   pkg/esm/           ES module build (heluo.js + heluo_bg.wasm) for people who bundle
#   pkg/heluo-sheet.js the workbook reader (sheet/, calamine), loaded on demand (scripts/build-module.sh)
#   pkg/heluo-tables.js the table importer (tables/: readers + inference), loaded on demand (scripts/build-module.sh)
#   www/samples.js     the sample datasets of www/data/, for pages opened from disk
# Usage: scripts/build.sh [OUTDIR]   (default pkg; the tests build into a temp dir and compare)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="${1:-pkg}"
samples_out="${2:-www/samples.js}"
mkdir -p "$out/esm"

# Reproducible: the same bytes from any checkout folder.
export RUSTFLAGS="--remap-path-prefix=$root=/heluo --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
export CARGO_TARGET_DIR="$root/target/pkg"
cargo build --quiet --lib --release --target wasm32-unknown-unknown
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/heluo.wasm"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. scripts/wasm.sh
# binaryen runs on rustc's output, and again on each of wasm-bindgen's (scripts/wasm.sh).
optimize_wasm "$wasm" "$tmp/opt.wasm"
bindgen web "$tmp/opt.wasm" "$tmp/esm" heluo
cp "$tmp/esm/heluo_bg.wasm" "$tmp/esm/heluo.js" "$out/esm/"
bindgen no-modules "$tmp/opt.wasm" "$tmp/classic" heluo
python3 scripts/bundle.py "$tmp/classic/heluo.js" "$tmp/classic/heluo_bg.wasm" www/heluo-chart.js www/heluo-chart.css "$tmp/heluo.js"
# terser: local names shortened and the code compacted (3 KB of the gzipped
# script); property names, which the wasm imports and the page use, are kept.
[ -x node_modules/.bin/terser ] || npm ci --no-audit --no-fund --loglevel=error
node_modules/.bin/terser "$tmp/heluo.js" --compress --mangle --comments '/^ Heluo: /' -o "$out/heluo.js"
python3 scripts/samples.py www/data "$samples_out"
# The iframe embed as a folder to copy as is (pkg/embed/): its page, script and
# style, the chart script and the host page's sizing script (embed-host.js);
# the table importer joins them below.
mkdir -p "$out/embed"
sed -e 's#\.\./pkg/heluo\.js#heluo.js#' -e '/sheet-loader\.js/d' www/embed.html >"$out/embed/embed.html"
cp www/embed.js www/embed.css www/embed-host.js "$out/heluo.js" "$out/embed/"
# The package around the script: its manifest and TypeScript declarations.
cp scripts/pkg/package.json scripts/pkg/heluo.d.ts scripts/pkg/heluo.mjs scripts/pkg/heluo.d.mts "$out/"

gz() { gzip -9 -n -c "$1" | wc -c; }
printf 'pkg: heluo.js %s bytes (%s gzipped); esm wasm %s bytes (%s gzipped)\n' \
  "$(wc -c <"$out/heluo.js")" "$(gz "$out/heluo.js")" \
  "$(wc -c <"$out/esm/heluo_bg.wasm")" "$(gz "$out/esm/heluo_bg.wasm")"

# --- The workbook reader (pkg/heluo-sheet.js), a second module loaded on demand:
# its own crate (sheet/), built by scripts/build-module.sh, so this block
# stays the same whichever way heluo.js above is bundled.
scripts/build-module.sh sheet "$out"
# --- end of the workbook reader

# --- The table importer (pkg/heluo-tables.js): readers and inference, loaded
# when a file that is not format v1 arrives (scripts/build-module.sh).
scripts/build-module.sh tables "$out"
# The iframe folder reads tables too (a CSV next to embed.html) and says format
# v1's whole message through the importer.
cp "$out/heluo-tables.js" "$out/embed/"
