#!/usr/bin/env python3
# model.py - the expected output of grouping_in_aggregates, computed apart from sluice with
# tests/tools/spark_grouping.py: Expand's rows, each carrying its set's grouping id, which
# grouping(c) (bit n - 1 - i of it) and grouping_id() read inside the aggregates.
#
#   python3 model.py > expected.out
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_grouping import cube, expand, rollup  # noqa: E402
from spark_show import show  # noqa: E402

with open(os.path.join(here, "data", "t.json")) as fh:
    ROWS = [json.loads(line) for line in fh if line.strip()]
K = ["k1", "k2"]


def groups(sets):
    """(key dict, gid, [rows]) in the order groups are first seen."""
    out = {}
    for r in ROWS:
        for key, gid, pos in expand(K, sets, r):
            out.setdefault((key, gid, pos), []).append(r)
    return [(dict(zip(K, key)), gid, rows) for (key, gid, pos), rows in out.items()]


def grouping(gid, col):
    return (gid >> (len(K) - 1 - K.index(col))) & 1


def opt_sum(vals):
    vals = [x for x in vals if x is not None]
    return sum(vals) if vals else None


def opt_max(vals):
    vals = [x for x in vals if x is not None]
    return max(vals) if vals else None


def order_key(v):
    """ASC NULLS FIRST."""
    return (v is not None, v if v is not None else "")


out = []
# 1. ROLLUP(k1, k2): every row of a group has the group's gid
rows1 = []
for k, g, rs in groups(rollup([["k1"], ["k2"]])):
    rows1.append([k["k1"], k["k2"],
                  sum(grouping(g, "k2") for _ in rs),
                  sum(1 for r in rs if grouping(g, "k1") == 1 and r["v"] is not None),
                  opt_sum(r["v"] for r in rs if g == 1),
                  opt_max(g * 100 + r["v"] if r["v"] is not None else None for r in rs),
                  len(rs)])
out += show(["k1", "k2", "sum(grouping(k2))", "c1", "s1", "m", "n"], rows1)
# 2. CUBE(k1, k2) HAVING sum(grouping(k1)) > 0 ORDER BY sum(grouping_id()) DESC, k1, k2
rows2 = []
for k, g, rs in groups(cube([["k1"], ["k2"]])):
    if sum(grouping(g, "k1") for _ in rs) <= 0:
        continue
    rows2.append(([k["k1"], k["k2"], len({g for _ in rs}),
                   sum(grouping(g, "k1") + grouping(g, "k2") for _ in rs)], g * len(rs)))
rows2.sort(key=lambda x: (-x[1], order_key(x[0][0]), order_key(x[0][1])))
out += show(["k1", "k2", "d", "g"], [r for r, _ in rows2])
print("\n".join(out))
