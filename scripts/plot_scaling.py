#!/usr/bin/env python3
"""Plot goods-LP solve time against model size (columns) as an SVG for BENCHMARKS.md.

Runs the release `reserve dispatch -v` on every sample bundle's scenarios and on a
generated province bundle (and national with --full), reads the model size from the
JSON and the phase timings from stderr, and writes docs/scaling.svg (log–log axes,
no plotting library needed).

    make release
    python3 scripts/plot_scaling.py [--full]
"""
import argparse, json, math, os, re, subprocess, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
RESERVE = os.path.join(ROOT, ".build", "release", "reserve")


def measure(bundle, scenario):
    p = subprocess.run([RESERVE, "dispatch", bundle, "--scenario", scenario, "--json", "-v"], capture_output=True, text=True)
    if p.returncode != 0:
        return None
    doc = json.loads(p.stdout)
    m = re.search(r"goods (\d+) ms", p.stderr)
    t = re.search(r"total (\d+) ms", p.stderr)
    return doc["model"]["columns"], int(m.group(1)), int(t.group(1))


def scenarios(bundle):
    with open(os.path.join(bundle, "bundle.json"), encoding="utf-8") as f:
        files = json.load(f)["files"]["scenarios"]
    out = []
    for rel in files:
        with open(os.path.join(bundle, rel), encoding="utf-8") as f:
            out.append(json.load(f)["id"])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", action="store_true", help="also the national preset (several minutes)")
    args = ap.parse_args()
    points = []
    for name in ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]:
        b = os.path.join(ROOT, "Data", name)
        for s in scenarios(b):
            r = measure(b, s)
            if r: points.append(("sample", r))
    tmp = tempfile.mkdtemp(prefix="er-plot-")
    presets = ["province"] + (["national"] if args.full else [])
    for preset in presets:
        out = os.path.join(tmp, preset)
        subprocess.run([RESERVE, "generate", "--preset", preset, "--seed", "1", "--out", out], check=True, capture_output=True)
        for s in ["S1", "S2", "S3"]:
            r = measure(out, s)
            if r: points.append((preset, r))
    write_svg(points, os.path.join(ROOT, "docs", "scaling.svg"))
    for kind, (cols, goods, total) in points:
        print(f"{kind:9s} columns {cols:8d}  goods {goods:7d} ms  total {total:7d} ms")


def write_svg(points, path):
    W, H, L, B, T, R = 720, 420, 70, 50, 20, 20
    xs = [c for _, (c, _, _) in points]
    ys = [max(g, 1) for _, (_, g, _) in points] + [max(t, 1) for _, (_, _, t) in points]
    x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    def X(v): return L + (math.log10(v) - x0) / max(x1 - x0, 1) * (W - L - R)
    def Y(v): return H - B - (math.log10(max(v, 1)) - y0) / max(y1 - y0, 1) * (H - B - T)
    colours = {"sample": "#1565c0", "province": "#ef6c00", "national": "#c62828"}
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">',
         f'<rect width="{W}" height="{H}" fill="white"/>']
    for e in range(x0, x1 + 1):
        s.append(f'<line x1="{X(10**e):.1f}" y1="{T}" x2="{X(10**e):.1f}" y2="{H-B}" stroke="#eee"/>')
        s.append(f'<text x="{X(10**e):.1f}" y="{H-B+16}" text-anchor="middle">10^{e}</text>')
    for e in range(y0, y1 + 1):
        s.append(f'<line x1="{L}" y1="{Y(10**e):.1f}" x2="{W-R}" y2="{Y(10**e):.1f}" stroke="#eee"/>')
        s.append(f'<text x="{L-6}" y="{Y(10**e)+4:.1f}" text-anchor="end">{10**e:g} ms</text>')
    s.append(f'<text x="{(L+W-R)/2}" y="{H-10}" text-anchor="middle">goods LP columns (reachable source–area–item triples)</text>')
    for kind, (cols, goods, total) in points:
        c = colours.get(kind, "#333")
        s.append(f'<circle cx="{X(cols):.1f}" cy="{Y(goods):.1f}" r="4" fill="{c}"><title>{kind}: {cols} columns, goods {goods} ms</title></circle>')
        s.append(f'<rect x="{X(cols)-3:.1f}" y="{Y(total)-3:.1f}" width="6" height="6" fill="none" stroke="{c}"><title>{kind}: total {total} ms</title></rect>')
    ly = T + 10
    for kind, c in colours.items():
        s.append(f'<circle cx="{L+15}" cy="{ly}" r="4" fill="{c}"/><text x="{L+25}" y="{ly+4}">{kind}</text>')
        ly += 16
    s.append(f'<text x="{L+15}" y="{ly+4}">● goods solve (3 levels)   □ whole response</text>')
    s.append('</svg>')
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(s) + "\n")


if __name__ == "__main__":
    main()
