#!/usr/bin/env bash
# Installs what building and testing Heluo need on a fresh Debian machine with
# rustup. Each step is skipped when it is already done, so this is cheap to rerun.
#   scripts/setup.sh build   the build tools only (wasm target, wasm-bindgen-cli; npm's binaryen and rolldown)
#   scripts/setup.sh test    also Chromium, chromedriver, CJK fonts and the test tools
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-test}"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must match the `=X` pin of the crate in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)

if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # No --locked: the registry mirror can lag the CLI's lockfile.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# xz packs the wasm inlined in the classic scripts (scripts/bundle.mjs); Debian always has it.
apt_packages=(xz-utils)
if [ "$what" = test ]; then
  apt_packages+=(chromium chromium-driver fonts-noto-cjk poppler-utils firefox-esr webkit2gtk-driver xvfb xauth)
  # The `heluo` command's tests: a Latin-only font (DejaVu Sans) for the "no CJK font" case.
  apt_packages+=(fonts-dejavu-core)
fi
missing=()
for p in ${apt_packages[@]+"${apt_packages[@]}"}; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "$what" = test ]; then
  if ! command -v cargo-deny >/dev/null 2>&1; then
    say "installing cargo-deny (licences and sources of dependencies; a few minutes, once)"
    cargo install cargo-deny --locked || cargo install cargo-deny
  fi
  if ! python3 -c 'import jsonschema' 2>/dev/null; then
    say "installing jsonschema from PyPI (checks the documented schema)"
    python3 -m pip install --quiet jsonschema
  fi
fi

# The npm tools: binaryen and rolldown (optimise the wasm and bundle www/src/ into pkg/, so the build needs them too) and
# the test tools (playwright-core, axe-core; chart.js and echarts for the benchmark).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing the npm tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
