#!/usr/bin/env bash
# Writes every user-visible output of the sample data into DIR: dispatch in all four
# formats for every scenario of the six samples, coverage (table and JSON), plans
# (three objectives, table and JSON) and sites (four objectives). The SHA-256 of each
# file goes to DIR/SHA256SUMS. Tests/CLITests/GoldenOutputTests compares the current
# binary's outputs with Tests/Fixtures/golden/SHA256SUMS, so a refactoring that
# changes anything a user sees fails the suite. When a change is meant, run
#   scripts/golden_outputs.sh /tmp/new && git stash && scripts/golden_outputs.sh /tmp/old
# to see the difference, then copy /tmp/new/SHA256SUMS to Tests/Fixtures/golden/.
#
# Usage: scripts/golden_outputs.sh DIR [RESERVE_BINARY]
set -euo pipefail
out=${1:?usage: golden_outputs.sh DIR [RESERVE_BINARY]}
cd "$(dirname "$0")/.."
reserve=${2:-.build/debug/reserve}
# The pinned outputs are the English ones: whatever the caller's locale, speak English.
export LC_ALL=C LANG=C
unset LC_MESSAGES
mkdir -p "$out"
while read -r name args; do
  [ -z "$name" ] && continue
  if [[ "$args" == *"{file}"* ]]; then
    # The command writes the output file itself (an exported model).
    # shellcheck disable=SC2086
    $reserve ${args//\{file\}/$out/$name} > /dev/null 2>&1 || echo "exit $?" >> "$out/$name"
  else
    # shellcheck disable=SC2086
    $reserve $args > "$out/$name" 2> /dev/null || echo "exit $?" >> "$out/$name"
  fi
done < <(bash scripts/golden_commands.sh)
(cd "$out" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
