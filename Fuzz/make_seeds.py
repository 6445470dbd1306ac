#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (Fuzz/Corpus/<Target>/) from the
sample bundles in Data/, the test fixtures and Tests/Fixtures/external. Seeds are
small on purpose (tables cut to their header and a few rows, big reference files
cut to their first lines): libFuzzer mutates small inputs faster. `make fuzz-seeds`
then minimises each corpus with libFuzzer's -merge=1. Deterministic: the same
repository gives the same files.

FuzzOSMPBF's seeds are written with osmium-tool (Debian `osmium-tool`, 1.15): the
rules fixture as osmium wrote it (zlib blobs, dense nodes), the same without
compression and with plain nodes, and a 130 m × 90 m cut of the Helsinki extract's
roads (72 nodes, 20 ways), uncompressed and zlib-compressed.

FuzzBundleJSON's seed (the tiny bundle in the single-JSON form) is written by the
fuzz target itself (ER_FUZZ_WRITE_SEED, see Fuzz/Sources/FuzzBundleJSON), so that it
is exactly what BundleWriter produces.
"""
import hashlib
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")
TINY = os.path.join(ROOT, "Tests", "BundleIOTests", "Fixtures", "tiny")
EXTERNAL = os.path.join(ROOT, "Tests", "Fixtures", "external")

# The slot order of Fuzz/Sources/FuzzBundleDirectory/main.swift.
SLOTS = ["bundle.json", "areas.csv", "depots.csv", "items.csv", "stock.csv", "teams.csv",
         "fleet.csv", "nodes.csv", "roads.csv", "scenarios/s-flood.json", "roads.geojson"]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def head(data, lines):
    return b"".join(data.splitlines(keepends=True)[:lines])


def put(target, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


ROADS_GEOJSON = b"""{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"class": "national", "length_km": 70, "from": "n1"},
   "geometry": {"type": "LineString", "coordinates": [[130.30, 47.30], [130.5, 47.2], [131.0, 47.0]]}},
  {"type": "Feature", "properties": {"class": "village", "oneway": "-1"},
   "geometry": {"type": "LineString", "coordinates": [[131.0, 47.0], [131.0, 47.1]]}},
  {"type": "Feature", "properties": {"speed_kmh": 50, "oneway": true},
   "geometry": {"type": "MultiLineString", "coordinates": [[[130.0, 47.0], [130.0, 46.9]]]}}
]}
"""


def bundle_directory():
    for k, slot in enumerate(SLOTS[:-1]):
        put("FuzzBundleDirectory", bytes([k]) + read(os.path.join(TINY, slot)))
    put("FuzzBundleDirectory", bytes([len(SLOTS) - 1]) + ROADS_GEOJSON)
    # A few rows of every table and every scenario of one real sample.
    sample = os.path.join(ROOT, "Data", "hegang")
    for k, slot in enumerate(SLOTS[1:9], start=1):
        put("FuzzBundleDirectory", bytes([k]) + head(read(os.path.join(sample, slot)), 6))
    for name in sorted(os.listdir(os.path.join(sample, "scenarios"))):
        put("FuzzBundleDirectory", bytes([9]) + read(os.path.join(sample, "scenarios", name)))


def roads():
    put("FuzzRoadCSV", b"from,to,length_km,class,speed_kmh,oneway\ndepot,village,45,county,,false\n"
        b"village,\"farm, north\",10,village,20,yes\ndepot,\"farm, north\",100,expressway,,\n\0"
        b"id,lat,lon\ndepot,47.35,130.30\nvillage,47.40,130.25\n\"farm, north\",47.50,130.20\n")
    put("FuzzRoadCSV", b"a,b,10\r\nb,c,20,national,100,1\r\n")
    put("FuzzRoadCSV", head(read(os.path.join(TINY, "roads.csv")), 4) + b"\0" + read(os.path.join(TINY, "nodes.csv")))
    put("FuzzRoadCSV", head(read(os.path.join(ROOT, "Data", "hegang", "roads.csv")), 8))
    put("FuzzRoadGeoJSON", ROADS_GEOJSON)
    # Plain JSON for the line-tracking parser behind the GeoJSON reader.
    put("FuzzRoadGeoJSON", b'{"a": [1, -2.5e+3, true, false, null, "\\u4e2d\\n\\"x\\""], "b": {}}\n')
    put("FuzzRoadGeoJSON", read(os.path.join(TINY, "scenarios", "s-flood.json")))
    gr = b"c tiny example\np sp 4 5\na 1 2 7\na 2 3 8\na 3 4 1\na 1 4 20\na 4 1 2\n"
    co = b"p aux sp co 4\nv 1 130000000 47000000\nv 2 130100000 47000000\nv 3 130200000 47000000\nv 4 130300000 47000000\n"
    put("FuzzRoadDIMACS", gr + b"\0" + co)
    put("FuzzRoadDIMACS", gr)
    put("FuzzRoadCEdge", head(read(os.path.join(EXTERNAL, "roads-california", "cal.cedge")), 12))
    put("FuzzRoadCEdge", b"0 0 1 0.5\n1 1 2 1.25\n2 2 0 3\n")


def models():
    lp = read(os.path.join(ROOT, "Data", "examples", "transport.lp"))
    put("FuzzModelFile", b"\0" + lp)
    put("FuzzModelFile", b"\0" + b"Maximize\n obj: 3 x + 2 y + 4\nSubject To\n c1: x + y <= 4\n c2: x + 3 y <= 6\n"
        b"Bounds\n x <= 3\nGenerals\n y\nEnd\n")
    mps = (b"* EmergencyReserve: objective negated; original sense MAXIMIZE\n"
           b"NAME tiny\nROWS\n N obj\n L c1\n G c2\n E c3\nCOLUMNS\n"
           b" M1 'MARKER' 'INTORG'\n x obj -3 c1 1\n x c2 1\n M2 'MARKER' 'INTEND'\n"
           b" y obj -2 c1 1\n y c3 1\nRHS\n RHS c1 4 c2 1\n RHS c3 2\nRANGES\n RNG c1 2\n"
           b"BOUNDS\n UP BND x 3\n LO BND y -1\n FR BND z\nENDATA\n")
    put("FuzzModelFile", b"\1" + mps)


def orlibrary():
    put("FuzzORLibrary", b"\0" + head(read(os.path.join(EXTERNAL, "orlib-pmed", "pmed1.txt")), 1).replace(b"200", b"4") +
        b"1 2 10\n2 3 7\n3 1 4\n4 1 1\n")
    put("FuzzORLibrary", b"\0" + b"4 3 2\n1 2 5\n2 3 5.\n1 2 6\n")
    put("FuzzORLibrary", b"\1" + b"2 3\n100 10.\n80 12.5\n5\n 10 20\n7 11 9\n8\n 3 4\n")
    put("FuzzORLibrary", b"\1" + head(read(os.path.join(EXTERNAL, "orlib-cap", "cap71.txt")), 30))
    put("FuzzORLibrary", b"\2" + read(os.path.join(EXTERNAL, "orlib-pmed", "pmedopt.txt")))
    put("FuzzORLibrary", b"\2" + read(os.path.join(EXTERNAL, "orlib-cap", "capopt.txt")))


def osmium(*arguments):
    subprocess.run(["osmium", *arguments, "--overwrite", "--no-progress"], check=True,
                   stdout=subprocess.DEVNULL)


def osm_pbf():
    rules = os.path.join(ROOT, "Tests", "RoadImportTests", "Fixtures", "osm-rules")
    put("FuzzOSMPBF", read(os.path.join(rules, "rules.osm.pbf")))
    helsinki = os.path.join(EXTERNAL, "osm-helsinki", "helsinki.osm.pbf")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.osm.pbf")
        for options in ["pbf,pbf_compression=none", "pbf,pbf_compression=none,pbf_dense_nodes=false"]:
            osmium("cat", os.path.join(rules, "rules.osm"), "-o", out, "-f", options)
            put("FuzzOSMPBF", read(out))
        roads = os.path.join(tmp, "roads.osm.pbf")
        osmium("tags-filter", helsinki, "w/highway", "-o", roads)
        for compression in ["none", "zlib"]:
            osmium("extract", "-s", "simple", "-b", "24.9440,60.1700,24.9455,60.1708", roads, "-o", out,
                   "-f", f"pbf,pbf_compression={compression},add_metadata=false")
            put("FuzzOSMPBF", read(out))


def main():
    bundle_directory()
    osm_pbf()
    roads()
    models()
    orlibrary()
    for target in sorted(os.listdir(CORPUS)):
        print(f"{target}: {len(os.listdir(os.path.join(CORPUS, target)))} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
