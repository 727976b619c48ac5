#!/usr/bin/env bash
# Builds pkg/heluo-sheet.js, the workbook reader the page loads on demand (the
# crate in sheet/, calamine compiled to WebAssembly): a classic script with the
# wasm inlined, like pkg/heluo.js, so it works from file:// and under the strict
# policy. Called by scripts/build.sh; on its own: scripts/build-sheet.sh [OUTDIR].
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="${1:-pkg}"
mkdir -p "$out"

export RUSTFLAGS="--remap-path-prefix=$root=/heluo --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
export CARGO_TARGET_DIR="$root/target/pkg-sheet"
cargo build --quiet --lib --release --target wasm32-unknown-unknown --manifest-path sheet/Cargo.toml
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/heluo_sheet.wasm"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The same binaryen settings as heluo.js (scripts/build.sh explains them), and
# for the same reason before wasm-bindgen.
wasm-opt --one-caller-inline-max-function-size=15 -Oz --converge --low-memory-unused --enable-bulk-memory \
  --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue "$wasm" -o "$tmp/opt.wasm"
wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$tmp/classic" --out-name heluo_sheet "$tmp/opt.wasm"
python3 scripts/bundle_sheet.py "$tmp/classic/heluo_sheet.js" "$tmp/classic/heluo_sheet_bg.wasm" "$tmp/heluo-sheet.js"
[ -x node_modules/.bin/terser ] || npm ci --no-audit --no-fund --loglevel=error
node_modules/.bin/terser "$tmp/heluo-sheet.js" --compress --mangle --comments '/^ Heluo: /' -o "$out/heluo-sheet.js"

printf 'pkg: heluo-sheet.js %s bytes (%s gzipped); its wasm %s bytes (%s gzipped)\n' \
  "$(wc -c <"$out/heluo-sheet.js")" "$(gzip -9 -n -c "$out/heluo-sheet.js" | wc -c)" \
  "$(wc -c <"$tmp/classic/heluo_sheet_bg.wasm")" "$(gzip -9 -n -c "$tmp/classic/heluo_sheet_bg.wasm" | wc -c)"
