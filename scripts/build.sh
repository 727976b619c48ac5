#!/usr/bin/env bash
# Builds pkg/ from the sources, reproducibly:
#   pkg/heluo.js       classic script, WebAssembly inlined (LZMA-packed): works from file:// (the page uses it)
#   pkg/esm/           ES module build (heluo.js + heluo_bg.wasm) for people who bundle
#   pkg/heluo-sheet.js the workbook reader (sheet/, calamine), loaded on demand (scripts/build-module.sh)
#   pkg/heluo-tables.js the table importer (tables/: readers + inference), loaded on demand (scripts/build-module.sh)
#   www/samples.js     the sample datasets of www/data/, for pages opened from disk
# The classic scripts are bundled from the ES modules of www/src/ by
# scripts/bundle.mjs (rolldown); no Python.
# Usage: scripts/build.sh [js] [OUTDIR] [SAMPLES]   (default pkg and www/samples.js;
#   the tests build into a temp dir and compare)
#   js: the JavaScript and CSS only, bundled again around the wasm of the last
#       full build (kept in target/): seconds, for a change to www/src/ or the CSS.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=full
if [ "${1:-}" = js ]; then mode=js; shift; fi
out="${1:-pkg}"
samples_out="${2:-www/samples.js}"
mkdir -p "$out/esm"
[ -x node_modules/.bin/rolldown ] || npm ci --no-audit --no-fund --loglevel=error

# Reproducible: the same bytes from any checkout folder.
export RUSTFLAGS="--remap-path-prefix=$root=/heluo --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
export CARGO_TARGET_DIR="$root/target/pkg"
# wasm-bindgen's output (the ES module glue and the optimised wasm), kept for `js`.
kept="$CARGO_TARGET_DIR/bindgen"
if [ "$mode" = full ]; then
  cargo build --quiet --lib --release --target wasm32-unknown-unknown
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  . scripts/wasm.sh
  # binaryen runs on rustc's output, and again on wasm-bindgen's (scripts/wasm.sh).
  optimize_wasm "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/heluo.wasm" "$tmp/opt.wasm"
  rm -rf "$kept"
  bindgen web "$tmp/opt.wasm" "$kept" heluo
elif [ ! -f "$kept/heluo_bg.wasm" ]; then
  echo "scripts/build.sh js: no wasm kept in $kept yet: run scripts/build.sh once" >&2
  exit 1
fi
cp "$kept/heluo_bg.wasm" "$kept/heluo.js" "$out/esm/"
# The classic script: www/src/heluo.js and what it imports, the same glue and wasm inlined.
node scripts/bundle.mjs heluo "$kept/heluo.js" "$kept/heluo_bg.wasm" "$out/heluo.js"
node scripts/samples.mjs www/data "$samples_out"
# The iframe embed as a folder to copy as is (pkg/embed/): its page, script and
# style, the chart script and the host page's sizing script (embed-host.js);
# the table importer joins them below.
mkdir -p "$out/embed"
sed -e 's#\.\./pkg/heluo\.js#heluo.js#' www/embed.html >"$out/embed/embed.html"
cp www/embed.js www/embed.css www/embed-host.js www/sheet-loader.js "$out/heluo.js" "$out/embed/"
# The package around the script: its manifest and TypeScript declarations.
cp scripts/pkg/package.json scripts/pkg/heluo.d.ts scripts/pkg/heluo.mjs scripts/pkg/heluo.d.mts "$out/"

gz() { gzip -9 -n -c "$1" | wc -c; }
printf 'pkg: heluo.js %s bytes (%s gzipped); esm wasm %s bytes (%s gzipped)\n' \
  "$(wc -c <"$out/heluo.js")" "$(gz "$out/heluo.js")" \
  "$(wc -c <"$out/esm/heluo_bg.wasm")" "$(gz "$out/esm/heluo_bg.wasm")"

# --- The workbook reader (pkg/heluo-sheet.js), a second module loaded on demand:
# its own crate (sheet/), built by scripts/build-module.sh, so this block
# stays the same whichever way heluo.js above is bundled.
scripts/build-module.sh sheet "$out" "$mode"
# The iframe folder reads a workbook next to embed.html too (fetched only then).
cp "$out/heluo-sheet.js" "$out/embed/"
# --- end of the workbook reader

# --- The table importer (pkg/heluo-tables.js): readers and inference, loaded
# when a file that is not format v1 arrives (scripts/build-module.sh).
scripts/build-module.sh tables "$out" "$mode"
# The iframe folder reads tables too (a CSV next to embed.html) and says format
# v1's whole message through the importer.
cp "$out/heluo-tables.js" "$out/embed/"
