#!/usr/bin/env bash
# `make sanitize`: the concurrency suites under ThreadSanitizer, then the whole
# suite under AddressSanitizer (with LeakSanitizer). Each sanitizer builds in its
# own scratch folder under .build-sanitize/ (git-ignored) so that the normal .build
# stays as it is. Results are recorded in RELIABILITY.md.
#
#   SANITIZE=thread|address   run only one of the two
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT="${SWIFT:-swift}"

# The suites that run library calls from several threads at once: 8 threads × 100
# solves (LinearSolver), overlays sharing one graph (RoadNetwork), scenarios on one
# network (Response), the scenario decomposition and team levels (Planning,
# Response), which use DispatchQueue.concurrentPerform inside the library.
CONCURRENCY='ConcurrencyTests|OverlayTests|SampleScenarioTests|ReservePlanTests|DecompositionHeuristicsTests|ShortfallRelaxationTests|TeamAssignmentTests|TeamReferenceTests|DispatchCommandTests|PlanCommandTests'

run_thread() {
  local scratch=.build-sanitize/thread
  echo "sanitize: ThreadSanitizer on $CONCURRENCY" >&2
  "$SWIFT" build --scratch-path "$scratch" --sanitize=thread --build-tests
  # halt_on_error: a data race fails the run instead of only printing a report.
  TSAN_OPTIONS="halt_on_error=1 ${TSAN_OPTIONS:-}" \
    "$SWIFT" test --scratch-path "$scratch" --sanitize=thread --skip-build --filter "$CONCURRENCY"
}

run_address() {
  local scratch=.build-sanitize/address
  echo "sanitize: AddressSanitizer on the whole suite" >&2
  "$SWIFT" build --scratch-path "$scratch" --sanitize=address --build-tests
  # The suppressions name one leak inside swift-foundation (see the file); any other
  # leak, and every memory error, fails the run.
  ASAN_OPTIONS="detect_leaks=1 ${ASAN_OPTIONS:-}" \
  LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt print_suppressions=1 ${LSAN_OPTIONS:-}" \
    "$SWIFT" test --scratch-path "$scratch" --sanitize=address --skip-build
}

case "${SANITIZE:-all}" in
  thread) run_thread ;;
  address) run_address ;;
  all) run_thread; run_address ;;
  *) echo "SANITIZE must be thread or address" >&2; exit 64 ;;
esac
echo "sanitize: passed" >&2
