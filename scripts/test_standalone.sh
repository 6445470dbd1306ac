#!/usr/bin/env bash
# Proves the repository stands alone: clones the committed HEAD into a fresh
# temporary folder that has no siblings (so no `../anything` can resolve), checks
# that nothing refers to a path outside the clone and that the committed reference
# data is intact, then runs `make test` there. .ci/run relies on it for `make test`
# (CI's own clone has a copy of shared/ beside it, this one has nothing); also
# `make test-standalone`. Uncommitted changes are not part of the clone.
set -euo pipefail

root="$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/er-standalone.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

git clone --quiet --no-hardlinks "$root" "$tmp/repo"
cd "$tmp/repo"
echo "standalone: cloned $(git rev-parse --short HEAD) into $tmp/repo"

# The clone is the only thing in its folder.
if [ "$(ls -A "$tmp")" != "repo" ]; then
  echo "standalone: $tmp has other entries besides the clone" >&2
  exit 1
fi

# Nothing (code, Makefile, scripts, docs, help text) names a path outside the clone.
if git grep -n -I -E '\.\./shared|shared/external|/work/' -- . ':!scripts/test_standalone.sh'; then
  echo "standalone: the lines above refer to a path outside the repository" >&2
  exit 1
fi

# The committed reference data is complete and unmodified.
(cd Tests/Fixtures/external && sha256sum --check --quiet --strict SHA256SUMS)

# The whole suite: building the tests is most of the cost (~1.5 min on 2 cores) and
# running all ~240 of them adds only ~15 s over running the fixture readers alone.
make test
echo "standalone: passed in a clone with no siblings"
