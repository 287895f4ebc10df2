#!/usr/bin/env python3
# model.py - the expected output of grouping_hive_id, computed apart from sluice with
# tests/tools/spark_grouping.py: grouping__id is GroupingID(Nil), the set's grouping id.
#
#   python3 model.py > expected.out
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_grouping import expand, keys_of  # noqa: E402
from spark_show import show  # noqa: E402

with open(os.path.join(here, "data", "t.json")) as fh:
    ROWS = [json.loads(line) for line in fh if line.strip()]


def nulls_first(v):
    return (v is not None, v if v is not None else "")


out = []
# 1. GROUP BY k1, k2 GROUPING SETS ((k1), ()): keys k1, k2
K = keys_of(["k1"] + ["k1", "k2"])
groups = {}
for r in ROWS:
    for key, gid, pos in expand(K, [["k1"], []], r):
        groups.setdefault((key, gid), []).append(r)
rows1 = [[key[0], key[1], gid, gid + 1, gid, gid * len(rs), len(rs)]
         for (key, gid), rs in groups.items()]
rows1.sort(key=lambda x: (x[2], nulls_first(x[0])))
out += show(["k1", "k2", "grouping__id", "(grouping_id() + 1)", "gid", "sum(grouping_id())", "n"],
            rows1)
# 2. a column named grouping__id
counts = {}
for r in ROWS:
    counts[r["k1"]] = counts.get(r["k1"], 0) + 1
out += show(["grouping__id", "n"], [[k, n] for k, n in sorted(counts.items(),
                                                              key=lambda x: nulls_first(x[0]))])
print("\n".join(out))
