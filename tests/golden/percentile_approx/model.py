#!/usr/bin/env python3
# model.py - the expected output of percentile_approx, computed apart from sluice: a python port
# of Spark 3.5's QuantileSummaries (catalyst/util/QuantileSummaries.scala) and PercentileDigest
# (expressions/aggregate/ApproximatePercentile.scala), driven in the order a streaming
# aggregation applies them (AggUtils.planStreamingAggregation: the batch's partial digest,
# serialized, merged into a fresh buffer; StateStoreRestore's restored state first, then that
# buffer; the final aggregate merges the saved state into a fresh buffer), printed as show()
# prints it.
#
#   python3 model.py > expected.out
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_quantile import INT, LONG, Agg, Digest, show, ts  # noqa: E402
from spark_show import batch as show_batch, java_double  # noqa: E402

ROWS = 55000
# (name, pcts, array, accuracy, value of a row, conversion of the result)
GLOBAL = [("big", [0.5, 0, 0.99, 0.25, 1, 0.01, 0.75, 0.5], True, 10000, lambda v: v * 7919 % 100003, LONG),
          ("d100", [0.5], False, 100, lambda v: (v * 7919 % 100003) / 7, java_double),
          ("i1000", [0.1, 0.5, 0.9], True, 1000, lambda v: v * 104729 % 65537, INT),
          ("ts", [0.5], False, 10000, lambda v: (v * 31 % 86400) * 1000000, ts)]
GROUPS = [("med", [0.5], False, lambda v: None if v % 3 == 0 else v, LONG),
          ("p0", [0], False, lambda v: v % 1000, INT),
          ("p1", [1], False, lambda v: v % 1000, INT),
          ("q", [0.25, 0.5, 0.75], True, lambda v: v / 8, java_double),
          ("ts", [0.5], False, lambda v: None if v % 4 == 3 else v * 1000000, ts)]

glob = [Agg(a[1], a[3]) for a in GLOBAL]
groups, counts = {}, {}
lines = []
n = 0
for b in range(3):
    values = range(ROWS * b, ROWS * (b + 1))
    n += ROWS
    for agg, a in zip(glob, GLOBAL):
        agg.batch([a[4](v) for v in values])
    row = [str(n)] + [show(agg.result(), a[5], a[2]) for agg, a in zip(glob, GLOBAL)]
    lines += show_batch(b, ["n"] + [a[0] for a in GLOBAL], [row])
    small = [v for v in values if v % 5000 < 12]
    for g in sorted(set(v % 4 for v in small)):
        rows = [v for v in small if v % 4 == g]
        counts[g] = counts.get(g, 0) + len(rows)
        aggs = groups.setdefault(g, [Agg(a[1]) for a in GROUPS])
        for agg, a in zip(aggs, GROUPS):
            agg.batch([a[3](v) for v in rows])
    out = [[str(g), str(counts[g])] + [show(agg.result(), a[4], a[2]) for agg, a in zip(groups[g], GROUPS)]
           for g in sorted(groups)]
    lines += show_batch(b, ["g", "n"] + [a[0] for a in GROUPS], out)
print("\n".join(lines))

# Small inputs are exact order statistics: the value at rank ceil(p * n) (the smallest for p
# <= relativeError, the largest for p >= 1 - relativeError).
d = Digest(10000)
for x in [5.0, 1.0, 4.0, 2.0, 3.0]:
    d.add(x)
assert d.percentiles([0, 0.2, 0.5, 0.61, 1]) == [1.0, 1.0, 3.0, 4.0, 5.0]
# Spark's documentation: percentile_approx(col, array(0.5, 0.4, 0.1), 100) of 0, 1, 2, 10 is
# [1, 1, 0]; percentile_approx(col, 0.5, 100) of 0, 6, 7, 9, 10 is 7.
d = Digest(100)
for x in [0, 1, 2, 10]:
    d.add(float(x))
assert d.percentiles([0.5, 0.4, 0.1]) == [1.0, 1.0, 0.0]
d = Digest(100)
for x in [0, 6, 7, 9, 10]:
    d.add(float(x))
assert d.percentiles([0.5]) == [7.0]
