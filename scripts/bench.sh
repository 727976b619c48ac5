#!/usr/bin/env bash
# Size and speed figures, printed (no thresholds: targets are read, not asserted).
#   scripts/bench.sh            everything below, in this order
#   scripts/bench.sh basic      sizes, native core timings, the page's own browser timings
#   scripts/bench.sh compare    Heluo next to Chart.js 4 and ECharts 5 in one headless
#                               Chromium run; prints the table and writes BENCHMARKS.md
#                               (settings: BENCH_RUNS, BENCH_MAX_VILLAGES, … see BENCHMARKS.md)
#   scripts/bench.sh import     tables loaded through the page: CSV vs JSON, a 50 MB CSV,
#                               a 300,000-row workbook (tests/bench/import.mjs; BENCH_IMPORT_RUNS)
#   scripts/bench.sh phone      the sample page on a throttled phone profile next to Chart.js,
#                               where its time before the first charts goes, long tasks while
#                               a 100,000-village file loads, <heluo-chart> against Heluo.render
#                               (tests/bench/phone.mjs; BENCH_PHONE_RUNS, BENCH_PHONE_CPU, …)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-all}"
case "$mode" in all | basic | compare | import | phone) ;; *) echo "usage: scripts/bench.sh [basic|compare|import|phone]" >&2; exit 2 ;; esac
gz() { gzip -9 -n -c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%7.1f KB", b / 1024 }'; }

# Chromium and the npm packages (playwright-core, chart.js, echarts), once.
if [ ! -x "${HELUO_CHROMIUM:-/usr/bin/chromium}" ]; then
  scripts/setup.sh test
fi
if [ ! -d node_modules/echarts ] || [ ! -d node_modules/chart.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$mode" = import ]; then
  echo "== tables through the page (headless Chromium)"
  exec node tests/bench/import.mjs
fi

if [ "$mode" = phone ]; then
  echo "== phone profile, long tasks, <heluo-chart> (headless Chromium)"
  exec node tests/bench/phone.mjs
fi

if [ "$mode" != compare ]; then
  echo "== size (gzip -9)"
  printf '%-52s %s\n' "pkg/esm/heluo_bg.wasm" "$(kb "$(gz pkg/esm/heluo_bg.wasm)")"
  printf '%-52s %s\n' "pkg/esm/heluo.js (glue)" "$(kb "$(gz pkg/esm/heluo.js)")"
  printf '%-52s %s\n' "pkg/heluo.js (classic, wasm inlined: LZMA, base64; budget 120 KB)" "$(kb "$(gz pkg/heluo.js)")"
  printf '%-52s %s\n' "www/app.js" "$(kb "$(gz www/app.js)")"
  for f in chart.js/dist/chart.umd.min.js chart.js/dist/chart.umd.js echarts/dist/echarts.min.js echarts/dist/echarts.simple.min.js; do
    [ -f "node_modules/$f" ] && printf '%-52s %s\n' "for comparison: $f" "$(kb "$(gz "node_modules/$f")")"
  done

  echo
  echo "== core speed (native, release)"
  cargo run --quiet --release --example bench

  echo
  echo "== browser (headless Chromium)"
  node tests/bench/browser.mjs
fi

if [ "$mode" != basic ]; then
  echo
  echo "== side by side: Chart.js, ECharts, Heluo (headless Chromium)"
  node tests/bench/compare.mjs
fi
