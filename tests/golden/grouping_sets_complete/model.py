#!/usr/bin/env python3
# model.py - the expected output of grouping_sets_complete, computed apart from sluice with
# tests/tools/spark_grouping.py: k1, CUBE(k2, k3) in complete mode, one batch per file.
#
#   python3 model.py > expected.out
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_grouping import Stream, combine, cube, keys_of, step_batches  # noqa: E402
from spark_show import batch as show_batch  # noqa: E402

STEPS = (("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]))
KEYS = keys_of(["k1", "k2", "k3"])
SETS = combine([[["k1"]], cube([["k2"], ["k3"]])])
assert SETS == [["k2", "k3", "k1"], ["k2", "k1"], ["k3", "k1"], ["k1"]]


def add(a, r):
    n, nv, lo, top = a
    v, k3 = r["v"], r["k3"]
    return (n + 1, nv + (v is not None),
            lo if v is None or (lo is not None and lo <= v) else v,
            top if k3 is None or (top is not None and top >= k3) else k3)


st = Stream(KEYS, SETS, lambda: (0, 0, None, None), add)
out = []
for b, (step, rows, last, head) in enumerate(step_batches(here, STEPS)):
    out += [head] if head else []
    st.batch(rows, key_values=lambda r: [r])
    table = [list(g[0]) + [g[1], g[1] & 1] + list(a) for g, a in st.groups.items()]
    out += show_batch(b, ["k1", "k2", "k3", "gid", "grouping(k3)", "n", "nv", "lo", "top"], table)
print("\n".join(out))
