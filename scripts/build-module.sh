#!/usr/bin/env bash
# Builds one of the modules the page loads on demand, each a classic script with
# its wasm inlined like pkg/heluo.js, so it works from file:// and under the
# strict policy:
#   scripts/build-module.sh sheet  [OUTDIR [js]]  pkg/heluo-sheet.js, the workbook reader (sheet/, calamine)
#   scripts/build-module.sh tables [OUTDIR [js]]  pkg/heluo-tables.js, the table importer (tables/: readers + inference)
# js: bundled again around the wasm of the last full build (kept in target/).
# Called by scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
name="$1"
out="${2:-pkg}"
mode="${3:-full}"
case "$name" in sheet|tables) ;; *) echo "usage: scripts/build-module.sh sheet|tables [OUTDIR [js]]" >&2; exit 2 ;; esac
mkdir -p "$out"
[ -x node_modules/.bin/rolldown ] || npm ci --no-audit --no-fund --loglevel=error

export RUSTFLAGS="--remap-path-prefix=$root=/heluo --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
export CARGO_TARGET_DIR="$root/target/pkg-$name"
# wasm-bindgen's output (the ES module glue and the optimised wasm), kept for `js`.
kept="$CARGO_TARGET_DIR/bindgen"
if [ "$mode" = full ]; then
  # Built for speed (the `module` profile and wasm.sh's speed flags): see scripts/wasm.sh.
  cargo build --quiet --lib --profile module --target wasm32-unknown-unknown --manifest-path "$name/Cargo.toml"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  . scripts/wasm.sh
  WASM_OPT_FLAGS=("${WASM_OPT_SPEED_FLAGS[@]}")
  optimize_wasm "$CARGO_TARGET_DIR/wasm32-unknown-unknown/module/heluo_$name.wasm" "$tmp/opt.wasm"
  rm -rf "$kept"
  bindgen web "$tmp/opt.wasm" "$kept" "heluo_$name"
elif [ ! -f "$kept/heluo_${name}_bg.wasm" ]; then
  echo "scripts/build-module.sh: no wasm kept in $kept yet: run scripts/build.sh once" >&2
  exit 1
fi
node scripts/bundle.mjs "$name" "$kept/heluo_$name.js" "$kept/heluo_${name}_bg.wasm" "$out/heluo-$name.js"

printf 'pkg: heluo-%s.js %s bytes (%s gzipped); its wasm %s bytes (%s gzipped)\n' "$name" \
  "$(wc -c <"$out/heluo-$name.js")" "$(gzip -9 -n -c "$out/heluo-$name.js" | wc -c)" \
  "$(wc -c <"$kept/heluo_${name}_bg.wasm")" "$(gzip -9 -n -c "$kept/heluo_${name}_bg.wasm" | wc -c)"
