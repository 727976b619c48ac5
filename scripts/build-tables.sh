#!/usr/bin/env bash
# Builds pkg/heluo-tables.js, the table importer the page loads on demand (the
# crate in tables/: the core's readers and inference compiled to WebAssembly): a
# classic script with the
# wasm inlined, like pkg/heluo.js, so it works from file:// and under the strict
# policy. Called by scripts/build.sh; on its own: scripts/build-tables.sh [OUTDIR].
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="${1:-pkg}"
mkdir -p "$out"

export RUSTFLAGS="--remap-path-prefix=$root=/heluo --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
export CARGO_TARGET_DIR="$root/target/pkg-tables"
cargo build --quiet --lib --release --target wasm32-unknown-unknown --manifest-path tables/Cargo.toml
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/heluo_tables.wasm"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The same binaryen settings as heluo.js (scripts/build.sh explains them), and
# for the same reason before wasm-bindgen.
wasm-opt --one-caller-inline-max-function-size=15 -Oz --converge --low-memory-unused --enable-bulk-memory \
  --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue "$wasm" -o "$tmp/opt.wasm"
wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$tmp/classic" --out-name heluo_tables "$tmp/opt.wasm"
python3 scripts/bundle_tables.py "$tmp/classic/heluo_tables.js" "$tmp/classic/heluo_tables_bg.wasm" "$tmp/heluo-tables.js"
[ -x node_modules/.bin/terser ] || npm ci --no-audit --no-fund --loglevel=error
node_modules/.bin/terser "$tmp/heluo-tables.js" --compress --mangle --comments '/^ Heluo: /' -o "$out/heluo-tables.js"

printf 'pkg: heluo-tables.js %s bytes (%s gzipped); its wasm %s bytes (%s gzipped)\n' \
  "$(wc -c <"$out/heluo-tables.js")" "$(gzip -9 -n -c "$out/heluo-tables.js" | wc -c)" \
  "$(wc -c <"$tmp/classic/heluo_tables_bg.wasm")" "$(gzip -9 -n -c "$tmp/classic/heluo_tables_bg.wasm" | wc -c)"
