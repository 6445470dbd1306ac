#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader (Fuzz/, RELIABILITY.md).
#
#   scripts/fuzz.sh build            build the targets (libFuzzer + AddressSanitizer)
#   scripts/fuzz.sh run [TARGET...]  run each target for FUZZ_SECONDS (default 60) or
#                                    FUZZ_RUNS executions, whichever comes first; all
#                                    targets when none is named; FUZZ_PARALLEL=1 runs
#                                    them at once
#   scripts/fuzz.sh replay [TARGET...] every corpus input once with the 1 s timeout
#   scripts/fuzz.sh seeds            rewrite Fuzz/Corpus from Data/ and the fixtures,
#                                    then minimise each corpus (-merge=1)
#
# Runs start from the committed corpus (Fuzz/Corpus/T, read-only) plus a working
# corpus (Fuzz/.work/T, git-ignored) that keeps what earlier runs found. A crash,
# leak, timeout (> FUZZ_TIMEOUT s, default 1) or out-of-memory (> FUZZ_RSS_MB,
# default 2048) stops that target with its input in Fuzz/Artifacts/ and makes the
# script fail. A table of executions per target is printed at the end and written
# to Fuzz/.work/summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(FuzzBundleDirectory FuzzBundleJSON FuzzRoadCSV FuzzRoadGeoJSON FuzzRoadDIMACS FuzzRoadCEdge FuzzModelFile FuzzORLibrary FuzzOSMPBF)
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-1}"
FUZZ_RSS_MB="${FUZZ_RSS_MB:-2048}"
SWIFT="${SWIFT:-swift}"
BIN=Fuzz/.build/release

build() {
  # SwiftPM's own --sanitize=fuzzer: with it SwiftPM does not rename the executables'
  # entry point to <target>_main, which libFuzzer's main would leave undefined at link
  # time. But SwiftPM passes each --sanitize as its own -sanitize= flag and the Swift
  # frontend keeps only the last one, so `--sanitize=fuzzer --sanitize=address` alone
  # builds AddressSanitizer without coverage (libFuzzer then says "no interesting
  # inputs"); -Xswiftc -sanitize=fuzzer,address comes after them and asks for both.
  # -parse-as-library: the targets have no top-level code; libFuzzer supplies main.
  "$SWIFT" build -c release --package-path Fuzz \
    --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
  # A target without coverage counters would fuzz blind: refuse it.
  for t in "${TARGETS[@]}"; do
    # grep -c, not -q: -q stops reading early and pipefail then sees objdump's SIGPIPE.
    if ! objdump -h "$BIN/$t" | grep -c __sancov_cntrs > /dev/null; then
      echo "fuzz: $BIN/$t has no coverage instrumentation (__sancov_cntrs)" >&2
      exit 70
    fi
  done
}

# One target: its log in Fuzz/.work/T.log, its exit status in Fuzz/.work/T.status.
run_one() {
  local t=$1
  mkdir -p "Fuzz/.work/$t"
  echo "fuzz: $t for ${FUZZ_SECONDS} s${FUZZ_RUNS:+ or $FUZZ_RUNS executions}" >&2
  local status=0
  "$BIN/$t" "Fuzz/.work/$t" "Fuzz/Corpus/$t" \
      -max_total_time="$FUZZ_SECONDS" ${FUZZ_RUNS:+-runs="$FUZZ_RUNS"} -timeout="$FUZZ_TIMEOUT" \
      -rss_limit_mb="$FUZZ_RSS_MB" -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="Fuzz/Artifacts/$t-" > "Fuzz/.work/$t.log" 2>&1 || status=$?
  echo "$status" > "Fuzz/.work/$t.status"
}

run() {
  local targets=("$@")
  [ ${#targets[@]} -gt 0 ] || targets=("${TARGETS[@]}")
  mkdir -p Fuzz/.work Fuzz/Artifacts
  local failed=0 summary=Fuzz/.work/summary.md
  # FUZZ_PARALLEL=1: all targets at once (a campaign on a machine with idle cores);
  # otherwise one after the other.
  if [ "${FUZZ_PARALLEL:-0}" = "1" ]; then
    for t in "${targets[@]}"; do run_one "$t" & done
    wait
  else
    for t in "${targets[@]}"; do run_one "$t"; done
  fi
  printf '| target | executions | exec/s | corpus | result |\n|---|---:|---:|---:|---|\n' > "$summary"
  for t in "${targets[@]}"; do
    local log="Fuzz/.work/$t.log" status=ok
    if [ "$(cat "Fuzz/.work/$t.status")" != 0 ]; then
      status="FAILED (see $log and Fuzz/Artifacts/)"
      failed=1
    fi
    local execs rate corpus
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    corpus=$(ls "Fuzz/.work/$t" | wc -l)
    printf '| %s | %s | %s | %s | %s |\n' "$t" "${execs:-?}" "${rate:-?}" "$corpus" "$status" >> "$summary"
    grep -E '^==[0-9]+==ERROR|^SUMMARY|deadly signal|out-of-memory|timeout' "$log" | head -5 >&2 || true
  done
  cat "$summary"
  return $failed
}

# Every input of the committed and the working corpus once, each under the 1 s
# timeout, at normal priority: a campaign under `nice -n 19` on a busy machine must
# use a long -timeout (libFuzzer's is wall-clock time, and a starved process can
# wait seconds for a core), so the 1 s bound is checked here instead.
replay() {
  local targets=("$@") failed=0
  [ ${#targets[@]} -gt 0 ] || targets=("${TARGETS[@]}")
  for t in "${targets[@]}"; do
    local list count
    list="$(mktemp)"
    find "Fuzz/Corpus/$t" "Fuzz/.work/$t" -type f 2>/dev/null | sort > "$list"
    count=$(wc -l < "$list")
    if xargs -a "$list" -n 500 "$BIN/$t" -timeout=1 -rss_limit_mb="$FUZZ_RSS_MB" > "Fuzz/.work/$t.replay.log" 2>&1; then
      echo "fuzz: $t: $count inputs replayed, none over 1 s, no crash or leak" >&2
    else
      echo "fuzz: $t: replay FAILED (Fuzz/.work/$t.replay.log)" >&2
      failed=1
    fi
    rm -f "$list"
  done
  return $failed
}

seeds() {
  rm -rf Fuzz/Corpus
  python3 Fuzz/make_seeds.py
  mkdir -p Fuzz/Corpus/FuzzBundleJSON
  # detect_leaks=0: Foundation keeps a per-thread URL cache that LeakSanitizer reports
  # at this early exit; the fuzzing runs themselves keep leak detection on.
  ASAN_OPTIONS=detect_leaks=0 ER_FUZZ_WRITE_SEED=Fuzz/Corpus/FuzzBundleJSON/tiny-bundle.json "$BIN/FuzzBundleJSON"
  for t in "${TARGETS[@]}"; do
    local min
    min="$(mktemp -d)"
    "$BIN/$t" -merge=1 "$min" "Fuzz/Corpus/$t" > /dev/null 2>&1
    rm -rf "Fuzz/Corpus/$t"
    mkdir -p "Fuzz/Corpus/$t"
    cp "$min"/* "Fuzz/Corpus/$t/"
    rm -rf "$min"
    echo "fuzz: $t: $(ls "Fuzz/Corpus/$t" | wc -l) seeds after -merge=1" >&2
  done
}

case "${1:-run}" in
  build) build ;;
  run) shift || true; run "$@" ;;
  replay) shift || true; replay "$@" ;;
  seeds) seeds ;;
  *) echo "usage: $0 build | run [TARGET...] | replay [TARGET...] | seeds" >&2; exit 64 ;;
esac
