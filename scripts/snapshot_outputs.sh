#!/usr/bin/env bash
# Every user-visible output of the sample bundles, for a before/after comparison of a
# refactoring that must not change them:
#   scripts/snapshot_outputs.sh RESERVE_BINARY OUTDIR
#   (change, rebuild)  scripts/snapshot_outputs.sh RESERVE_BINARY OUTDIR2; diff -r OUTDIR OUTDIR2
# Per scenario: `dispatch --format json`, the model exported as .lp and .mps, and each
# file solved back with `reserve solve --format json`; per bundle: `plan --format json`
# and the headline dispatch as a table. stdout only (stderr carries timings); each
# file ends with the command's exit status. Keep OUTDIR outside the repository.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=$2
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
cd "$(dirname "$0")/.."
for bundle in Data/*/; do
  bundle=${bundle%/}
  [ -f "$bundle/bundle.json" ] || continue
  city=$(basename "$bundle")
  for s in "$bundle"/scenarios/*.json; do
    id=$(basename "$s" .json)
    "$BIN" dispatch "$bundle" --scenario "$id" --format json > "$OUT/dispatch-$id.json" 2>/dev/null; echo "exit $?" >> "$OUT/dispatch-$id.json"
    for ext in lp mps; do
      "$BIN" dispatch "$bundle" --scenario "$id" --export-model "$OUT/model-$id.$ext" > /dev/null 2>&1; echo "exit $?" > "$OUT/export-$id-$ext.exit"
      "$BIN" solve "$OUT/model-$id.$ext" --format json > "$OUT/solve-$id-$ext.json" 2>/dev/null; echo "exit $?" >> "$OUT/solve-$id-$ext.json"
    done
  done
  "$BIN" plan "$bundle" --format json > "$OUT/plan-$city.json" 2>/dev/null; echo "exit $?" >> "$OUT/plan-$city.json"
  "$BIN" dispatch "$bundle" --format table > "$OUT/dispatch-$city-table.txt" 2>/dev/null; echo "exit $?" >> "$OUT/dispatch-$city-table.txt"
done
