#!/usr/bin/env python3
# model.py - the expected output of group_cache_packed, computed apart from sluice: count(*)
# per (b, y, h, i, l, d, m) over data/a.json, with Spark's grouping of doubles (-0.0 and 0.0
# one key, NaN one key: NormalizeFloatingNumbers) and its ordering (NULLs first ascending,
# false < true, NaN above every double), printed as show(truncate = false).
#
#   python3 model.py > expected.out
import collections
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

cols = ["b", "y", "h", "i", "l", "d", "m"]


def key_value(c, v):
    if v is None:
        return None
    if c == "d":
        v = float(v)  # "NaN" reads as NaN
        return "NaN" if math.isnan(v) else v + 0.0  # -0.0 + 0.0 is 0.0
    return v


def order(k):
    out = []
    for c, v in zip(cols, k):
        if v is None:
            out.append((0, 0, 0))
        elif c == "d" and v == "NaN":
            out.append((1, 1, 0))
        else:
            out.append((1, 0, v))
    return out


def cell(c, v):
    if v is None:
        return "NULL"
    if c == "b":
        return "true" if v else "false"
    if c == "d":
        return v  # "NaN", or a float that show() prints as Java does
    return str(v)


counts = collections.Counter()
with open("data/a.json") as f:
    for line in f:
        r = json.loads(line)
        counts[tuple(key_value(c, r.get(c)) for c in cols)] += 1
rows = [[cell(c, v) for c, v in zip(cols, k)] + [n] for k, n in sorted(counts.items(), key=lambda kv: order(kv[0]))]
print("\n".join(show_batch(0, cols + ["c"], rows)))
