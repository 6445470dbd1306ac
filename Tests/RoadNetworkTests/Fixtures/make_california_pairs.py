#!/usr/bin/env python3
"""Reference shortest-path distances on the California road network (Li et al. 2005).

Writes california_pairs.csv: `source,target,distance`, with an empty distance for an
unreachable pair. Distances come from scipy.sparse.csgraph.dijkstra and are checked
against networkx before writing, so the fixture does not depend on one tool.

Parallel segments between the same two nodes keep the shortest one (a router takes
the shortest anyway; scipy would otherwise *sum* duplicate entries).

Run from the package root:
    python3 Tests/RoadNetworkTests/Fixtures/make_california_pairs.py
"""
import csv
import os
import sys

import networkx as nx
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
CEDGE = os.path.join(ROOT, "..", "shared", "external", "roads-california", "cal.cedge")
OUT = os.path.join(HERE, "california_pairs.csv")
SOURCES, TARGETS_PER_SOURCE = 12, 20  # 240 pairs


def main():
    best = {}
    n = 0
    with open(CEDGE) as f:
        for line in f:
            _, a, b, w = line.split()
            a, b, w = int(a), int(b), float(w)
            n = max(n, a + 1, b + 1)
            key = (min(a, b), max(a, b))
            if key not in best or w < best[key]:
                best[key] = w
    rows = [a for a, b in best] + [b for a, b in best]
    cols = [b for a, b in best] + [a for a, b in best]
    vals = list(best.values()) * 2
    matrix = csr_matrix((vals, (rows, cols)), shape=(n, n))

    rng = np.random.RandomState(20261124)
    sources = sorted(rng.choice(n, SOURCES, replace=False).tolist())
    dist = dijkstra(matrix, directed=True, indices=sources)

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    for (a, b), w in best.items():
        graph.add_edge(a, b, weight=w)

    pairs = []
    for i, s in enumerate(sources):
        # Mix far targets with near ones (the early-exit path) and an unreachable one if any.
        targets = rng.choice(n, TARGETS_PER_SOURCE - 2, replace=False).tolist()
        targets += [s, int(np.argsort(dist[i])[5])]
        reference = nx.single_source_dijkstra_path_length(graph, s, weight="weight")
        for t in targets:
            d = dist[i][t]
            r = reference.get(t)
            if np.isinf(d):
                assert r is None, (s, t, r)
                pairs.append((s, t, ""))
            else:
                assert r is not None and abs(d - r) <= 1e-9 * max(1.0, d), (s, t, d, r)
                pairs.append((s, t, repr(float(d))))

    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "distance"])
        w.writerows(pairs)
    unreachable = sum(1 for p in pairs if p[2] == "")
    print(f"{len(pairs)} pairs ({unreachable} unreachable) over {n} nodes -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
