#!/usr/bin/env bash
# The commands whose outputs are pinned by Tests/Fixtures/golden/SHA256SUMS, one per
# line as "OUTPUT-NAME ARGUMENTS" (read by scripts/golden_outputs.sh and by
# GoldenOutputTests, which runs the same list). "{file}" in the arguments stands for the
# output file when the command writes it itself (an exported model).
set -euo pipefail
cd "$(dirname "$0")/.."
for pair in hegang:20 huangshigang:16 linjiang:16 manzhouli:16 suzhou:40 helsinki:4; do
  bundle=${pair%%:*} count=${pair##*:}
  for s in Data/$bundle/scenarios/*.json; do
    sc=$(basename "$s" .json)
    for f in table json geojson html; do
      echo "dispatch.$sc.$f dispatch Data/$bundle --scenario $sc --format $f"
    done
    for m in lp mps; do
      echo "model.$sc.$m dispatch Data/$bundle --scenario $sc --format json --export-model {file}"
    done
  done
  echo "coverage.$bundle.table coverage Data/$bundle --all-scenarios"
  echo "coverage.$bundle.json coverage Data/$bundle --all-scenarios --format json"
  for objective in shortfall robust; do
    echo "plan.$bundle.$objective.json plan Data/$bundle --objective $objective --budget 1000000 --format json"
  done
  # The cost objective takes no budget (it minimises the cost itself).
  echo "plan.$bundle.cost.json plan Data/$bundle --objective cost --format json"
  echo "plan.$bundle.shortfall.table plan Data/$bundle --budget 1000000"
  echo "site.$bundle.p-median.json site Data/$bundle --objective p-median --count $count --format json"
  echo "site.$bundle.max-cover.json site Data/$bundle --objective max-cover --count 2 --within 1.5 --format json"
  echo "site.$bundle.set-cover.table site Data/$bundle --objective set-cover --within 2"
done
