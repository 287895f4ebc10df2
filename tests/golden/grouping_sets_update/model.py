#!/usr/bin/env python3
# model.py - the expected output of grouping_sets_update, computed apart from sluice with
# tests/tools/spark_grouping.py: ROLLUP(k1, k2) in update mode, one batch per file.
#
#   python3 model.py > expected.out
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_grouping import Stream, rollup, step_batches  # noqa: E402
from spark_show import batch as show_batch  # noqa: E402

STEPS = (("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]))
KEYS = ["k1", "k2"]
SETS = rollup([["k1"], ["k2"]])
st = Stream(KEYS, SETS, lambda: (0, 0), lambda a, r: (a[0] + 1, a[1] + r["v"]))
out = []
for b, (step, rows, last, head) in enumerate(step_batches(here, STEPS)):
    out += [head] if head else []
    table = []
    for g in st.batch(rows, key_values=lambda r: [r]):
        (k1, k2), gid, _ = g
        n, total = st.groups[g]
        table.append([k1, k2, gid >> 1 & 1, gid & 1, gid, n, total])
    out += show_batch(b, ["k1", "k2", "g1", "g2", "gid", "n", "total"], table)
print("\n".join(out))
