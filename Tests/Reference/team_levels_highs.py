"""Exact lexicographic team-assignment optimum with HiGHS (gap 0 at every level).

The single MIP of docs/formulation.md (T1-T4, a worst-arrival column and one row per
team), levels: max on-time cover, max total cover, min worst arrival, min weighted
arrival, each optimum held as a row (1e-6 slack) for the next. Produces the table in
Tests/ResponseTests/TeamReferenceTests.swift:

    TEAM_REFERENCE_DUMP=/tmp/teams swift test --filter TeamReferenceTests
    python3 Tests/Reference/team_levels_highs.py /tmp/teams/*.json   # pip install highspy
"""
import json, sys, time
import highspy
import numpy as np

def solve(d):
    teams, reqs, opts = d['teams'], d['requirements'], d['options']
    K, R = len(opts), len(reqs)
    if K == 0: return dict(onTime=0, all=0, worst=0, weighted=0)
    arr = [teams[t][1] + tr for t, r, tr in opts]
    h = highspy.Highs(); h.setOptionValue('output_flag', False)
    h.setOptionValue('mip_rel_gap', 0.0); h.setOptionValue('mip_abs_gap', 0.0)
    inf = highspy.kHighsInf
    # columns: go[K], on[R], tot[R], W
    for k in range(K): h.addVar(0, 1)
    for r in range(R): h.addVar(0, reqs[r][0])
    for r in range(R): h.addVar(0, reqs[r][0])
    h.addVar(0, inf)
    W = K + 2 * R
    h.changeColsIntegrality(K, np.arange(K, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * K))
    byteam = {}
    for k, (t, r, tr) in enumerate(opts): byteam.setdefault(t, []).append(k)
    for t, ks in byteam.items():
        h.addRow(-inf, 1, len(ks), np.array(ks, dtype=np.int32), np.ones(len(ks)))
        h.addRow(-inf, 0, len(ks) + 1, np.array(ks + [W], dtype=np.int32), np.array([arr[k] for k in ks] + [-1.0]))
    for r in range(R):
        ks = [k for k in range(K) if opts[k][1] == r]
        on = [k for k in ks if arr[k] <= reqs[r][2] + 1e-9]
        h.addRow(-inf, 0, len(on) + 1, np.array([K + r] + on, dtype=np.int32), np.array([1.0] + [-teams[opts[k][0]][0] for k in on]))
        h.addRow(-inf, 0, len(ks) + 1, np.array([K + R + r] + ks, dtype=np.int32), np.array([1.0] + [-teams[opts[k][0]][0] for k in ks]))
    n = W + 1
    levels = []
    c1 = np.zeros(n); c2 = np.zeros(n); c3 = np.zeros(n); c4 = np.zeros(n)
    for r in range(R): c1[K + r] = reqs[r][1]; c2[K + R + r] = reqs[r][1]
    c3[W] = 1
    for k in range(K): c4[k] = teams[opts[k][0]][0] * arr[k]
    for c, sense in [(c1, -1), (c2, -1), (c3, 1), (c4, 1)]:
        h.changeColsCost(n, np.arange(n, dtype=np.int32), sense * c)
        h.run()
        assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        v = sense * h.getInfo().objective_function_value
        idx = np.nonzero(c)[0].astype(np.int32)
        if sense < 0: h.addRow(v - 1e-6, inf, len(idx), idx, c[idx])
        else: h.addRow(-inf, v + 1e-6, len(idx), idx, c[idx])
    # The level values of the final assignment, recomputed from the rounded 0-1 values
    # (the solver's own W may sit a feasibility tolerance below the true latest arrival).
    go = [round(x) for x in h.getSolution().col_value[:K]]
    on = [0] * R; tot = [0] * R; worst = 0.0; weighted = 0.0
    for k, (t, r, tr) in enumerate(opts):
        if go[k] != 1: continue
        tot[r] += teams[t][0]
        if arr[k] <= reqs[r][2] + 1e-9: on[r] += teams[t][0]
        worst = max(worst, arr[k]); weighted += teams[t][0] * arr[k]
    return dict(onTime=sum(reqs[r][1] * min(on[r], reqs[r][0]) for r in range(R)),
                all=sum(reqs[r][1] * min(tot[r], reqs[r][0]) for r in range(R)), worst=worst, weighted=weighted)

for f in sys.argv[1:]:
    t = time.time(); r = solve(json.load(open(f)))
    print(f'"{f.split("/")[-1][:-5].replace("_", "/", 1)}": ({r["onTime"]!r}, {r["all"]!r}, {r["worst"]!r}, {r["weighted"]!r}),  # {(time.time()-t)*1000:.0f} ms')
