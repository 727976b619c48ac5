#!/usr/bin/env bash
# Installs what the tests need (once) and runs every test:
#   formatting and lints, native tests, browser tests (wasm-bindgen-test in headless
#   Chromium), the pkg/ freshness check, and the end-to-end tests (playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
scripts/setup.sh test

step "format and lints"
cargo fmt --all --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
# The workbook reader (sheet/): its own crate, not a member of the root package.
cargo fmt --manifest-path sheet/Cargo.toml --check
cargo clippy --quiet --manifest-path sheet/Cargo.toml --all-targets -- -D warnings
cargo clippy --quiet --manifest-path sheet/Cargo.toml --lib --target wasm32-unknown-unknown -- -D warnings
# The table importer (tables/): the core's readers and inference as a second module.
cargo fmt --manifest-path tables/Cargo.toml --check
cargo clippy --quiet --manifest-path tables/Cargo.toml --all-targets -- -D warnings
cargo clippy --quiet --manifest-path tables/Cargo.toml --lib --target wasm32-unknown-unknown -- -D warnings

step "data is text: no markup sinks in the page's scripts"
if grep -rn -E 'innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function' www/*.js www/src/*.js www/*.html; then
  echo "found a markup or code sink in www/ (see above)"; exit 1
fi

step "dependencies: licences, bans and sources (cargo deny), shipped npm packages (npm audit)"
# Advisories are not checked: the RustSec database is fetched from GitHub, which
# this build network cannot reach.
cargo deny --log-level error check licenses bans sources
cargo deny --manifest-path sheet/Cargo.toml --log-level error --config sheet/deny.toml check licenses bans sources
cargo deny --manifest-path tables/Cargo.toml --log-level error --config deny.toml check licenses bans sources
npm audit --omit=dev --audit-level=low

step "the JSON Schema accepts the samples and good fixtures"
python3 scripts/check_schema.py

step "native tests"
cargo test --quiet
# The workbook reader on its fixtures (and the transfers the root tests decode).
cargo test --quiet --manifest-path sheet/Cargo.toml
cargo test --quiet --manifest-path tables/Cargo.toml

step "browser tests (headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web

step "pkg/ matches a fresh build of the sources"
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
scripts/build.sh "$fresh/pkg" "$fresh/samples.js"
if ! diff -r pkg "$fresh/pkg" >/dev/null || ! cmp -s www/samples.js "$fresh/samples.js"; then
  diff -rq pkg "$fresh/pkg" || true
  cmp www/samples.js "$fresh/samples.js" || true
  echo "pkg/ or www/samples.js is stale: run scripts/build.sh and commit the result"; exit 1
fi
echo "pkg/ is up to date"

step "end-to-end tests (playwright-core, /usr/bin/chromium)"
npm run --silent e2e
