#!/usr/bin/env bash
# The large scales for BENCHMARKS.md (`make bench-full`): generates the province and
# national presets (fixed seeds) and times dispatch end to end by phase, with peak
# memory, plus reserve-level planning on the province bundle. Takes 10–20 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
RESERVE=.build/release/reserve
OUT=${OUT:-/tmp/er-bench-scale}
mkdir -p "$OUT"
for preset in province national; do
  [ -d "$OUT/$preset" ] || $RESERVE generate --preset "$preset" --seed 1 --out "$OUT/$preset" >&2
  echo "== $preset dispatch S1"
  /usr/bin/time -f "wall %e s, peak RSS %M KB" $RESERVE dispatch "$OUT/$preset" --scenario S1 -v --format json \
    > "$OUT/$preset-S1.json" 2> "$OUT/$preset-S1.err" || true
  grep -E "^dispatch:|wall" "$OUT/$preset-S1.err"
done
echo "== province plan (20 scenarios, scenario decomposition, budget 50M CNY, 15 min limit)"
/usr/bin/time -f "wall %e s, peak RSS %M KB" $RESERVE plan "$OUT/province" --budget 50000000 --time-limit 900 --format json \
  > "$OUT/province-plan.json" 2> "$OUT/province-plan.err" || true
tail -1 "$OUT/province-plan.err"
python3 -c "import json,sys; d=json.load(open('$OUT/province-plan.json')); print(d['status'], d['method'], d.get('decomposition'), d['model'], d['expectedShortfall'], d['reliefCompliance'])" || true
