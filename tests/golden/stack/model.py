#!/usr/bin/env python3
# model.py - the expected output of stack, computed apart from sluice: Spark's Stack.eval
# makes numRows rows per input row of numFields = ceil(k / numRows) values each, value
# row * numFields + col or NULL past the last (generators.scala).  Printed as show() prints
# it (truncate = false): each query's batch 0, in the order of the queries.
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "data", "part-0.json")) as f:
    rows = [json.loads(line) for line in f if line.strip()]


def stack(n, values):
    fields = -(-len(values) // n)
    return [[values[r * fields + c] if r * fields + c < len(values) else None
             for c in range(fields)] for r in range(n)]


out = []
unpivot = [[r["id"]] + s for r in rows for s in stack(3, ["k1", r["a"], "k2", r["b"], "k3"])]
out += batch(0, ["id", "k", "v"], unpivot)
nulls = [s for r in rows for s in stack(2, [r["id"], None, r["name"], None, None, "k"])]
out += batch(0, ["col0", "col1", "col2"], nulls)
print("\n".join(out))
