# Sourced by the build scripts: the one way a wasm module is optimised.
#
# binaryen comes from npm (package.json pins it): Debian's is version 108,
# whose output compressed 2.1 KB worse for heluo.js and which wrote
# wasm-bindgen's externref table back as `anyref`, so it could only run before
# wasm-bindgen. Version 132 runs before and again after wasm-bindgen (the
# second pass sees the glue's imports and exports as they are finally wired:
# 0.6 KB of heluo.js).
#
# --one-caller-inline-max-function-size=15: binaryen otherwise inlines every
# function called from one place, whatever its size, into functions of 20 KB
# whose code compresses worse. Kept apart, the module is 1% larger raw and
# 4.5% smaller compressed, which is what is downloaded (5, 30 and no limit
# were measured too; 15 is smallest).
WASM_OPT_FLAGS=(--one-caller-inline-max-function-size=15 -Oz --converge --low-memory-unused
  --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int
  --enable-reference-types --enable-multivalue)

# The modules loaded on demand (scripts/build-module.sh: the table importer,
# the workbook reader) are optimised for speed: the reader waits on them, and
# they are not in the main script's budget. The table importer at -O3 (and
# Rust's opt-level 3, Cargo.toml's `module` profile) reads 100,000 villages of
# CSV in 150 ms instead of 281 ms, for 41 KB more gzipped.
WASM_OPT_SPEED_FLAGS=(-O3
  --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int
  --enable-reference-types --enable-multivalue)

# optimize_wasm IN OUT
optimize_wasm() {
  [ -x node_modules/.bin/wasm-opt ] || npm ci --no-audit --no-fund --loglevel=error
  node_modules/.bin/wasm-opt "${WASM_OPT_FLAGS[@]}" "$1" -o "$2"
}

# bindgen TARGET IN OUTDIR NAME: wasm-bindgen's output for TARGET (web, no-modules), optimised
# again, its import and export names shortened.
bindgen() {
  local target=$1 in=$2 dir=$3 name=$4
  wasm-bindgen --target "$target" --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$dir" --out-name "$name" "$in"
  optimize_wasm "$dir/${name}_bg.wasm" "$dir/${name}_bg.opt.wasm"
  mv "$dir/${name}_bg.opt.wasm" "$dir/${name}_bg.wasm"
  # Short import and export names, in the wasm and its glue (scripts/short-names.mjs).
  node scripts/short-names.mjs "$dir/$name.js" "$dir/${name}_bg.wasm"
}
