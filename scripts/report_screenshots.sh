#!/usr/bin/env bash
# Screenshots of the HTML report of each sample's headline scenario, in Chinese, as
# headless Chromium renders it (docs/report-BUNDLE.png). Needs chromium and
# fonts-noto-cjk (scripts/setup.sh installs them).
#
# Usage: scripts/report_screenshots.sh [RESERVE_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
reserve=${1:-.build/debug/reserve}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for bundle in hegang huangshigang linjiang suzhou manzhouli helsinki; do
  "$reserve" dispatch "Data/$bundle" --format html --lang zh > "$scratch/$bundle.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$scratch/profile" --virtual-time-budget=3000 --window-size=1150,1500 \
    --screenshot="docs/report-$bundle.png" "file://$scratch/$bundle.html" 2>/dev/null
done
