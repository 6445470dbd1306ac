# EmergencyReserve — the README's two commands are `make demo` and `make test`.
SWIFT ?= swift
SWIFT_FLAGS ?=
RESERVE = .build/release/reserve

.PHONY: setup build release demo test test-standalone verify fuzz fuzz-build fuzz-seeds sanitize bench bench-full bench-peers clean examples

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build $(SWIFT_FLAGS)

# The Swift runtime and Foundation linked in: every command starts ~5 ms sooner
# without resolving their symbols at load time (docs/decisions.md).
release: setup
	$(SWIFT) build -c release --static-swift-stdlib $(SWIFT_FLAGS) --product reserve

# The main job on the bundled sample data.
demo: release
	$(RESERVE) demo

# All tests (unit, property, cross-checks against fixtures, CLI end to end).
# The ledger's PostgreSQL half runs against a private cluster started here and stopped
# afterwards, also when the tests fail (scripts/pg_test_server.sh).
test: setup
	$(SWIFT) build $(SWIFT_FLAGS) --product reserve
	@set -e; env_lines=$$(bash scripts/pg_test_server.sh start); eval "$$env_lines"; \
	trap 'bash scripts/pg_test_server.sh stop "$$ER_TEST_POSTGRES_DIR"' EXIT; \
	echo "test: PostgreSQL for the ledger tests at $$ER_TEST_POSTGRES_URL"; \
	$(SWIFT) test $(SWIFT_FLAGS)

# The example service (Examples/ServiceDemo, a package linking the library by path):
# built and run on Data/hegang; fails if any of its checks fails (docs/library.md).
# Not part of `make test`: a second build of the library.
examples: setup
	bash scripts/run_examples.sh

# `make test` again in a fresh clone of HEAD with no siblings: proves the repository
# needs nothing outside itself (scripts/test_standalone.sh; .ci/run calls it).
test-standalone:
	bash scripts/test_standalone.sh

# Coverage-guided fuzzing of every reader (Fuzz/, libFuzzer + AddressSanitizer):
# each target for FUZZ_SECONDS (default 60); FUZZ_TARGETS='FuzzRoadCSV ...' for a
# subset. Fails on any crash, leak, timeout (> 1 s) or out-of-memory; the inputs go to
# Fuzz/Artifacts/. `make fuzz-seeds` rewrites and minimises the committed corpora.
# Not part of `make test` (RELIABILITY.md records the campaigns).
FUZZ_SECONDS ?= 60
fuzz-build: setup
	bash scripts/fuzz.sh build

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh run $(FUZZ_TARGETS)

fuzz-seeds: fuzz-build
	bash scripts/fuzz.sh seeds

# The concurrency suites under ThreadSanitizer, then the whole suite under
# AddressSanitizer, each in its own scratch folder (.build-sanitize/). Not part of
# `make test`: two extra full builds. Results in RELIABILITY.md.
sanitize: setup
	bash scripts/sanitize.sh

# Slow validation kept out of `make test`.
verify: release
	$(RESERVE) verify-orlib --dir Tests/Fixtures/external --time-limit 120

# The benchmark suite (package-benchmark, Benchmarks/): dispatch end to end and by
# phase on the samples and the small ladder rungs, routing, planning and siting,
# LinearSolver. A few minutes after the first build; one table per metric, then
# scripts/bench_summary.py's one-line-per-benchmark table (median [min–max]).
# Pick benchmarks with e.g. BENCH_ARGS='--target RoutingBenchmarks --filter ".*California.*"'
# (filters must match the whole name).
BENCH_OUT ?= /tmp/er-bench
bench: setup
	@mkdir -p $(BENCH_OUT)
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark --grouping metric --format markdown --no-progress $(BENCH_ARGS) \
		| tee $(BENCH_OUT)/bench.md
	python3 scripts/bench_summary.py $(BENCH_OUT)/bench.md

# The large scales: the 200-item and 10,000-township ladder rungs, the 1M-node grid,
# slower OR-Library instances and province siting in the suite (BENCH_FULL=1); then
# the generated province and national bundles end to end and the scaling plot
# (30–60 minutes on a shared 2-core machine).
bench-full: release
	@mkdir -p $(BENCH_OUT)
	cd Benchmarks && BENCH_FULL=1 $(SWIFT) package --disable-sandbox benchmark --grouping metric --format markdown --no-progress $(BENCH_ARGS) \
		| tee $(BENCH_OUT)/bench-full.md
	python3 scripts/bench_summary.py $(BENCH_OUT)/bench-full.md
	bash scripts/bench_scale.sh
	python3 scripts/plot_scaling.py --full

# Peers in the same run, each tool several times (median [min–max]) and checked
# against our answer first: routing vs scipy, igraph, networkx; the dispatch LP vs
# our LinearSolver, glpsol, HiGHS, GLOP, PuLP; OR-Library siting vs HiGHS and SCIP.
PEER_PACKAGES = numpy scipy networkx python-igraph highspy ortools pulp
bench-peers: release
	@python3 -c "import numpy, scipy, networkx, igraph, highspy, ortools, pulp" 2>/dev/null \
		|| python3 -m pip install -q $(PEER_PACKAGES)
	@command -v osmium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -q osmium-tool >/dev/null; } \
		|| echo "bench-peers: install Debian's osmium-tool for the imported streets network"
	python3 scripts/bench_routing_peers.py
	python3 scripts/bench_routing_c.py
	python3 scripts/bench_dispatch_peers.py
	python3 scripts/bench_siting_peers.py

# Regenerate the sample bundles in Data/ (deterministic; commit the result): the
# five generated ones, and Data/helsinki from the OpenStreetMap fixture.
.PHONY: samples
samples:
	python3 scripts/make_samples.py
	swift build --product reserve
	python3 scripts/make_helsinki_sample.py

clean:
	rm -rf .build .build-sanitize Benchmarks/.build Fuzz/.build Fuzz/.work Examples/ServiceDemo/.build

# The stock book against Python's sqlite3 executemany in the same run (issue 18):
# province import, 1M synthetic movements, balance and export (a few minutes).
.PHONY: bench-ledger
bench-ledger: release
	python3 scripts/bench_ledger.py
