#!/usr/bin/env python3
"""Writes the five sample bundles under Data/ from the city definitions in
scripts/samples/. Deterministic: running it twice gives the same bytes.

    python3 scripts/make_samples.py            # all five
    python3 scripts/make_samples.py hegang     # one
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import importlib  # noqa: E402

CITIES = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]


def main(argv):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Data")
    for key in (argv or CITIES):
        b = importlib.import_module("samples." + key).build()
        b.finish_roads()
        b.write(os.path.join(root, key))
        print("%-13s %4d areas %3d depots %4d teams %5d nodes %5d edges %d scenarios"
              % (key, len(b.areas), len(b.depots), len(b.teams), len(b.roads.nodes), len(b.roads.edges), len(b.scenarios)))


if __name__ == "__main__":
    main(sys.argv[1:])
