#!/usr/bin/env python3
# model.py - the expected output of percentile_approx_restart, computed apart from sluice: the
# rows of s1, s2 and s3 (one batch each) through the python port of Spark 3.5's
# QuantileSummaries / PercentileDigest (tests/tools/spark_quantile.py) as one uninterrupted
# streaming aggregation; each step's run prints its batch after a "=== step <s> ===" line.
# The DOUBLEs hold "NaN" (JSON's string for it), -0.0 and 0.0: the summaries order them as
# Spark's do (a sorted head buffer with Double.compare, merges with < and <=).
#
#   python3 model.py > expected.out
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_quantile import INT, Agg, show  # noqa: E402
from spark_show import batch as show_batch, java_double  # noqa: E402

# (column, value of a row, percentages, array, accuracy, conversion of the result)
AGGS = [("pn", "n", [0.1, 0.5, 0.9], True, 10, INT),
        ("approx_percentile(d, 0.5, 25)", "d", [0.5], False, 25, java_double),
        ("percentile_approx(n, 0.3, 10000)", "n", [0.3], False, 10000, INT)]
groups, counts = {}, {}
lines = []
for b, step in enumerate(["s1", "s2", "s3"]):
    rows = []
    for name in sorted(os.listdir(os.path.join(here, step))):
        with open(os.path.join(here, step, name)) as f:
            rows += [json.loads(line) for line in f]
    for g in sorted(set(r["g"] for r in rows)):
        mine = [r for r in rows if r["g"] == g]
        counts[g] = counts.get(g, 0) + len(mine)
        aggs = groups.setdefault(g, [Agg(a[2], a[4]) for a in AGGS])
        for agg, a in zip(aggs, AGGS):
            agg.batch([float(r[a[1]]) if isinstance(r[a[1]], str) else r[a[1]] for r in mine])
    out = [[g, str(counts[g])] + [show(agg.result(), a[5], a[3]) for agg, a in zip(groups[g], AGGS)]
           for g in sorted(groups)]
    lines.append("=== step %s ===" % step)
    lines += show_batch(b, ["g", "c"] + [a[0] for a in AGGS], out)
print("\n".join(lines))
