#!/usr/bin/env python3
"""Makes the shapefile fixtures with Debian's gdal-bin (ogr2ogr 3.6) and osmium-tool.

helsinki_roads.*: the drivable (truck) ways of helsinki.osm.pbf, decoded by libosmium
(`osmium tags-filter` + `osmium cat -f opl`) and filtered by the rules of
../helsinki-crosscheck/crosscheck_osmium.py; each way is cut where its nodes are
missing from the extract and at blocking barriers (the barrier node left out, so no
line passes it), written as GeoJSON with fields highway, oneway, maxspeed, name, then
`ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK` (attributes in GBK, .cpg says so).

chinese_gbk.*: five hand-written roads near Tiananmen with Chinese names and classes
(国道, 省道, 县道, 乡道) as PolyLineZ (SHPT=ARCZ) in GBK, its .cpg removed so the
encoding must be detected.

Run: python3 make_shapefiles.py ../../../Fixtures/external/osm-helsinki/helsinki.osm.pbf
"""
import json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "helsinki-crosscheck"))
import crosscheck_osmium as rules  # noqa: E402


def helsinki(pbf, tmp):
    filtered = os.path.join(tmp, "f.osm.pbf")
    subprocess.run(["osmium", "tags-filter", pbf, "w/highway", "-o", filtered], check=True)
    opl = subprocess.run(["osmium", "cat", filtered, "-f", "opl"], check=True, capture_output=True, text=True).stdout
    nodes, node_tags, features = {}, {}, []
    for line in opl.splitlines():
        fields = {f[0]: f[1:] for f in line.split(" ")[1:] if f}
        oid = int(line.split(" ")[0][1:])
        if line[0] == "n":
            nodes[oid] = (float(fields["x"]), float(fields["y"]))
            node_tags[oid] = rules.opl_tags(fields.get("T", ""))
        elif line[0] == "w":
            tags = rules.opl_tags(fields.get("T", ""))
            refs = [int(r[1:]) for r in fields.get("N", "").split(",") if r]
            highway = tags.get("highway")
            if highway not in rules.CORE or tags.get("area") == "yes" or not rules.admits(tags):
                continue
            d = rules.direction(tags, highway)
            if d is None:
                continue
            run = []
            for ref in refs + [None]:
                if ref is None or ref not in nodes or rules.blocks(node_tags[ref]):
                    if len(run) >= 2:
                        features.append({"type": "Feature", "geometry": {"type": "LineString", "coordinates": [list(nodes[r]) for r in run]},
                                         "properties": {"highway": highway, "oneway": {1: "yes", -1: "-1", 0: ""}[d],
                                                        "maxspeed": tags.get("maxspeed", ""), "name": tags.get("name", "")}})
                    run = []
                else:
                    run.append(ref)
    return {"type": "FeatureCollection", "features": features}


def chinese():
    # A square of 国道/省道 with two diagonals; z = elevation in metres (dropped on import).
    a, b, c, d, e = (116.3900, 39.9050), (116.4100, 39.9050), (116.4100, 39.9150), (116.3900, 39.9150), (116.4000, 39.9100)
    roads = [([a, b], "国道", "长安街", "", "60"), ([b, c], "省道", "东单北大街", "", ""), ([c, d], "县道", "王府井大街", "yes", "30"),
             ([d, a], "乡道", "南长街", "", ""), ([a, e, c], "县道", "故宫斜街", "-1", "")]
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[x, y, 45.0] for x, y in pts]},
         "properties": {"highway": cls, "name": name, "oneway": oneway, "maxspeed": speed}} for pts, cls, name, oneway, speed in roads]}


def write(collection, name, tmp, extra):
    src = os.path.join(tmp, name + ".geojson")
    with open(src, "w", encoding="utf-8") as f:
        json.dump(collection, f, ensure_ascii=False)
    for ext in ("shp", "shx", "dbf", "prj", "cpg"):
        if os.path.exists(os.path.join(HERE, f"{name}.{ext}")):
            os.remove(os.path.join(HERE, f"{name}.{ext}"))
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", *extra, os.path.join(HERE, name + ".shp"), src], check=True)


def main(pbf):
    with tempfile.TemporaryDirectory() as tmp:
        h = helsinki(pbf, tmp)
        write(h, "helsinki_roads", tmp, ["-nlt", "LINESTRING"])
        write(chinese(), "chinese_gbk", tmp, ["-lco", "SHPT=ARCZ"])
    os.remove(os.path.join(HERE, "chinese_gbk.cpg"))
    print(len(h["features"]), "Helsinki lines")


if __name__ == "__main__":
    main(sys.argv[1])
