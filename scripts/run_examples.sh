#!/usr/bin/env bash
# Builds and runs the example service (Examples/ServiceDemo, a package that links the
# library by path) on a sample bundle; exits non-zero if it fails to build or if any
# of its checks fails. `make examples` calls it; CI can too (a separate build of the
# library: a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
swift build --package-path Examples/ServiceDemo ${SWIFT_FLAGS:-}
bin=$(swift build --package-path Examples/ServiceDemo --show-bin-path)/ServiceDemo
cd "$root"
"$bin" "${1:-Data/hegang}"
