#!/usr/bin/env bash
# Size and speed figures, printed (no thresholds: targets are read, not asserted).
#   scripts/bench.sh            everything (installs chart.js and echarts into a temp dir to compare sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
gz() { gzip -9 -n -c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%7.1f KB", b / 1024 }'; }

echo "== size (gzip -9)"
printf '%-52s %s\n' "pkg/esm/heluo_bg.wasm (budget 100 KB)" "$(kb "$(gz pkg/esm/heluo_bg.wasm)")"
printf '%-52s %s\n' "pkg/esm/heluo.js (glue)" "$(kb "$(gz pkg/esm/heluo.js)")"
printf '%-52s %s\n' "pkg/heluo.js (classic, wasm inlined as base64)" "$(kb "$(gz pkg/heluo.js)")"
printf '%-52s %s\n' "www/app.js" "$(kb "$(gz www/app.js)")"

cmp_dir=$(mktemp -d)
trap 'rm -rf "$cmp_dir"' EXIT
if (cd "$cmp_dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error chart.js echarts >/dev/null 2>&1); then
  for f in chart.js/dist/chart.umd.min.js chart.js/dist/chart.umd.js echarts/dist/echarts.min.js echarts/dist/echarts.simple.min.js; do
    [ -f "$cmp_dir/node_modules/$f" ] && printf '%-52s %s\n' "for comparison: $f" "$(kb "$(gz "$cmp_dir/node_modules/$f")")"
  done
else
  echo "(could not install chart.js/echarts for the size comparison)"
fi

echo
echo "== core speed (native, release)"
cargo run --quiet --release --example bench

echo
echo "== browser (headless Chromium)"
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
node tests/bench/browser.mjs
