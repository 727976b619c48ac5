#!/usr/bin/env bash
# Seeds the fuzz targets' corpora from the test fixtures (good and bad) and the
# page's sample datasets; `tables` also from tests/fixtures/tables. Run from anywhere; the corpora are git-ignored.
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"
for target in parse render; do
  mkdir -p "$fuzz/corpus/$target"
  for file in "$root"/tests/fixtures/good/*.json "$root"/tests/fixtures/bad/* "$root"/www/data/*.json; do
    [ -f "$file" ] || continue
    case "$(basename "$file")" in EXPECTED.tsv) continue ;; esac
    # Name seeds by where they came from, so a seed is easy to trace back.
    cp "$file" "$fuzz/corpus/$target/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
  done
done
# The table readers also get the table fixtures (CSV, TSV, JSON shapes).
mkdir -p "$fuzz/corpus/tables"
for file in "$root"/tests/fixtures/tables/* "$root"/tests/fixtures/good/*.json "$root"/tests/fixtures/bad/*; do
  [ -f "$file" ] || continue
  case "$(basename "$file")" in EXPECTED.tsv) continue ;; esac
  cp "$file" "$fuzz/corpus/tables/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
done
# Inference: the table fixtures and samples behind two knob bytes (no mapping's choices).
mkdir -p "$fuzz/corpus/infer"
for file in "$root"/tests/fixtures/tables/* "$root"/www/data/tables/*; do
  [ -f "$file" ] || continue
  { printf '\000\000'; cat "$file"; } > "$fuzz/corpus/infer/seed-$(basename "$file")"
done
echo "seeded: $(ls "$fuzz/corpus/parse" | wc -l) files per target in $fuzz/corpus/"
