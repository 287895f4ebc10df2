#!/usr/bin/env python3
# model.py - the expected output of group_cache_credit_files, computed apart from sluice: the
# values 0..4999 of data/values.csv grouped by v % 3000 (complete mode, one batch), the
# groups with k % 250 = 7 in the order their first row came: count, sum, min.
#
#   python3 model.py > expected.out
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

groups = {}
with open(os.path.join(here, "data", "values.csv")) as f:
    for line in f:
        v = int(line)
        g = groups.setdefault(v % 3000, [0, 0, v])
        g[0] += 1
        g[1] += v
        g[2] = min(g[2], v)
out = [[str(k), str(n), str(t), str(lo)] for k, (n, t, lo) in groups.items() if k % 250 == 7]
print("\n".join(show_batch(0, ["k", "n", "total", "low"], out)))
