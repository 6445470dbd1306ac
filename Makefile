# EmergencyReserve — the README's two commands are `make demo` and `make test`.
SWIFT ?= swift
SWIFT_FLAGS ?=
RESERVE = .build/release/reserve

.PHONY: setup build release demo test verify bench bench-full bench-peers clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build $(SWIFT_FLAGS)

release: setup
	$(SWIFT) build -c release $(SWIFT_FLAGS) --product reserve

# The main job on the bundled sample data.
demo: release
	$(RESERVE) demo

# All tests (unit, property, cross-checks against fixtures, CLI end to end).
test: setup
	$(SWIFT) build $(SWIFT_FLAGS) --product reserve
	$(SWIFT) test $(SWIFT_FLAGS)

# Slow validation kept out of `make test`.
verify: release
	$(RESERVE) verify-orlib --dir ../shared/external --time-limit 120

bench: setup
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

# The large scales: generated province and national bundles (10–20 minutes).
bench-full: release
	bash scripts/bench_scale.sh
	python3 scripts/plot_scaling.py --full

# Peers in the same run: routing vs scipy, igraph, networkx; the dispatch LP vs glpsol, HiGHS, GLOP, PuLP.
bench-peers: release
	python3 scripts/bench_routing_peers.py
	python3 scripts/bench_dispatch_peers.py

# Regenerate the five sample bundles in Data/ (deterministic; commit the result).
.PHONY: samples
samples:
	python3 scripts/make_samples.py

clean:
	rm -rf .build Benchmarks/.build
