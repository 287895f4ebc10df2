#!/usr/bin/env python3
# model.py - the expected output of grouping_sets_batch, computed apart from sluice with
# tests/tools/spark_grouping.py: each query's grouping sets as Spark 3.5 selects them, Expand's
# rows, groups in the order first seen, then HAVING and ORDER BY (NULLs first ascending).
#
#   python3 model.py > expected.out
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_grouping import combine, cube, expand, keys_of, rollup  # noqa: E402
from spark_show import show  # noqa: E402

with open(os.path.join(here, "data", "t.json")) as fh:
    ROWS = [json.loads(line) for line in fh if line.strip()]


def groups(keys, sets, values=lambda r: r):
    """(key dict, gid) -> the rows of the group, in the order groups are first seen."""
    out = {}
    for r in ROWS:
        for key, gid, pos in expand(keys, sets, values(r)):
            out.setdefault((key, gid, pos), []).append(r)
    return [(dict(zip(keys, key)), gid, rows) for (key, gid, pos), rows in out.items()]


def order_key(v, desc=False):
    """Spark's default: ASC NULLS FIRST, DESC NULLS LAST."""
    if desc:
        return (v is None, 0 if v is None else -v)
    return (v is not None, v if v is not None else 0)


def total(rows, f):
    vals = [f(r) for r in rows if f(r) is not None]
    return sum(vals) if vals else None


out = []
# 1. GROUP BY k1, k2 WITH ROLLUP
K = ["k1", "k2"]
rs = groups(K, rollup([["k1"], ["k2"]]))
out += show(["k1", "k2", "n", "s"], [[k["k1"], k["k2"], len(r), total(r, lambda x: x["v"])]
                                     for k, g, r in rs])
# 2. GROUP BY k1, k2 WITH CUBE
sets = cube([["k1"], ["k2"]])
assert sets == [["k1", "k2"], ["k1"], ["k2"], []]
out += show(["k1", "k2", "gid", "n"], [[k["k1"], k["k2"], g, len(r)] for k, g, r in groups(K, sets)])
# 3. GROUP BY k1, k2 GROUPING SETS ((k2), ()): keys k2, k1
K3 = keys_of(["k2"] + ["k1", "k2"])
assert K3 == ["k2", "k1"]
out += show(["k1", "k2", "gid", "g1", "s"],
            [[k["k1"], k["k2"], g, g & 1, total(r, lambda x: x["v"])]
             for k, g, r in groups(K3, [["k2"], []])])
# 4. GROUPING SETS ((k1), ROLLUP(k1, k2), (k1)) ORDER BY gid, k1, k2
sets = [["k1"]] + rollup([["k1"], ["k2"]]) + [["k1"]]
rows4 = [[k["k1"], k["k2"], g, len(r)] for k, g, r in groups(K, sets)]
rows4.sort(key=lambda x: (x[2], order_key(x[0]), order_key(x[1])))
out += show(["k1", "k2", "gid", "n"], rows4)
# 5. ROLLUP((k1, k3), k2) HAVING grouping(k2) = 1 OR n > 1
K5 = ["k1", "k3", "k2"]
rows5 = [[k["k1"], k["k3"], k["k2"], g & 1, total(r, lambda x: x["k3"]), len(r)]
         for k, g, r in groups(K5, rollup([["k1", "k3"], ["k2"]]))]
out += show(["k1", "k3", "k2", "g2", "s3", "n"], [x for x in rows5 if x[3] == 1 or x[5] > 1])
# 6. CUBE(upper(k1), k3 % 2) ORDER BY gid DESC, u, odd
K6 = ["u", "odd"]


def keys6(r):
    return {"u": r["k1"].upper() if r["k1"] is not None else None,
            "odd": r["k3"] % 2 if r["k3"] is not None else None}


rows6 = [[k["u"], k["odd"], None if k["odd"] is None else k["odd"] + 10, g, len(r)]
         for k, g, r in groups(K6, combine([cube([["u"], ["odd"]])]), keys6)]
rows6.sort(key=lambda x: (-x[3], order_key(x[0]), order_key(x[1])))
out += show(["u", "odd", "odd10", "gid", "n"], rows6)
print("\n".join(out))
