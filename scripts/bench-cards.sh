#!/usr/bin/env bash
# Times `heluo cards` on a generated ranking of N villages (default 10,000), as
# PNG (800 px at 2×) and as SVG. Usage: scripts/bench-cards.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build --quiet --release --bin heluo
python3 - "$n" "$tmp/villages.json" <<'PY'
import json, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
random.seed(7)
towns = [f"{c}镇" for c in "东西南北中上下前后左右"]
villages = [{"name": f"第{i + 1}村", "group": towns[i % len(towns)],
             "values": {"income": random.randint(10000, 900000), "dividend": random.randint(100, 5000)}}
            for i in range(n)]
json.dump({"title": f"{n} 个村", "locale": "zh-CN", "source": "生成的数据",
           "ranking": {"title": "村集体经济收入",
                       "metrics": [{"key": "income", "label": "村集体经济收入", "unit": "元"},
                                   {"key": "dividend", "label": "户均分红", "unit": "元"}],
                       "villages": villages}}, open(out, "w"), ensure_ascii=False)
PY
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for format in svg png; do
  /usr/bin/time -f "$format: %e s wall, %U s user, %S s system, %M KB peak" \
    target/release/heluo cards "$tmp/villages.json" --metric income --format "$format" -o "$tmp/$format"
  echo "$format: $(ls "$tmp/$format" | wc -l) files, $(du -sh "$tmp/$format" | cut -f1)"
done
