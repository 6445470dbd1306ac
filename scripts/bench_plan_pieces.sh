#!/usr/bin/env bash
# CPU time of `reserve plan` with whole pieces (the default) against the LP plan
# (`--fractional-pieces`) on the five city samples, with no budget and with ¥1,000,000.
# Each cell is the median of RUNS runs of user + system CPU seconds (GNU time), and the
# JSON's `wholePieces` (gap to the LP bound, nodes) of the whole-piece run.
#
# Usage: scripts/bench_plan_pieces.sh [RESERVE_BINARY] [RUNS]   (default .build/release/reserve, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
reserve=${1:-.build/release/reserve}
runs=${2:-3}
export LC_ALL=C LANG=C
cpu() {
  local times=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%U %S" -o /tmp/bench_plan_pieces.time "$reserve" "$@" > /tmp/bench_plan_pieces.out 2> /dev/null
    times+=("$(awk '{printf "%.3f", $1 + $2}' /tmp/bench_plan_pieces.time)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f ms [%.0f–%.0f]", a[int((NR+1)/2)]*1000, a[1]*1000, a[NR]*1000}'
}
echo "| bundle | budget | LP plan (--fractional-pieces) | whole pieces | level 1 LP → whole (gap) | integer columns | nodes | node limit hit |"
echo "|---|---:|---:|---:|---|---:|---:|---|"
for bundle in hegang huangshigang linjiang manzhouli suzhou; do
  for budget in none 1000000; do
    extra=()
    [ "$budget" != none ] && extra=(--budget "$budget")
    lp=$(cpu plan "Data/$bundle" "${extra[@]}" --json --fractional-pieces)
    whole=$(cpu plan "Data/$bundle" "${extra[@]}" --json)
    search=$(python3 - <<'PY'
import json
d = json.load(open("/tmp/bench_plan_pieces.out"))
w = d.get("wholePieces")
if w is None:
    print("LP plan already whole | 0 | 0 | no")
else:
    limit = "yes" if w["nodeLimitReached"] else "no"
    print(f"{w['levelOneLPBound']} → {d['objective']} ({w['levelOneGap']}) | {w['integerColumns']} | {w['nodes']} | {limit}")
PY
)
    echo "| $bundle | $budget | $lp | $whole | $search |"
  done
done
