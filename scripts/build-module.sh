#!/usr/bin/env bash
# Builds one of the modules the page loads on demand, each a classic script with
# its wasm inlined like pkg/heluo.js, so it works from file:// and under the
# strict policy:
#   scripts/build-module.sh sheet  [OUTDIR]  pkg/heluo-sheet.js, the workbook reader (sheet/, calamine)
#   scripts/build-module.sh tables [OUTDIR]  pkg/heluo-tables.js, the table importer (tables/: readers + inference)
# Called by scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
name="$1"
out="${2:-pkg}"
case "$name" in sheet|tables) ;; *) echo "usage: scripts/build-module.sh sheet|tables [OUTDIR]" >&2; exit 2 ;; esac
mkdir -p "$out"
. scripts/wasm.sh

export RUSTFLAGS="--remap-path-prefix=$root=/heluo --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
export CARGO_TARGET_DIR="$root/target/pkg-$name"
cargo build --quiet --lib --release --target wasm32-unknown-unknown --manifest-path "$name/Cargo.toml"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
optimize_wasm "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/heluo_$name.wasm" "$tmp/opt.wasm"
bindgen no-modules "$tmp/opt.wasm" "$tmp/classic" "heluo_$name"
python3 "scripts/bundle_$name.py" "$tmp/classic/heluo_$name.js" "$tmp/classic/heluo_${name}_bg.wasm" "$tmp/heluo-$name.js"
[ -x node_modules/.bin/terser ] || npm ci --no-audit --no-fund --loglevel=error
node_modules/.bin/terser "$tmp/heluo-$name.js" --compress --mangle --comments '/^ Heluo: /' -o "$out/heluo-$name.js"

printf 'pkg: heluo-%s.js %s bytes (%s gzipped); its wasm %s bytes (%s gzipped)\n' "$name" \
  "$(wc -c <"$out/heluo-$name.js")" "$(gzip -9 -n -c "$out/heluo-$name.js" | wc -c)" \
  "$(wc -c <"$tmp/classic/heluo_${name}_bg.wasm")" "$(gzip -9 -n -c "$tmp/classic/heluo_${name}_bg.wasm" | wc -c)"
