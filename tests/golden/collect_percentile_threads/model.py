#!/usr/bin/env python3
# model.py - the expected output of collect_percentile_threads, computed apart from sluice:
# the rows of s1, s2 and s3 (one batch each) as one uninterrupted streaming aggregation in
# complete mode, per group g:
#   collect_list(IF(n % 9 = 0, n, NULL)) (CollectList: NULLs skipped; the state's values, then
#     the batch's, in order of arrival);
#   percentile(n, p) (Percentile: counts of the non-NULL values, position p * (count - 1)
#     between the sorted values at floor and ceil, (higher - pos) * lower + (pos - lower) *
#     higher; one value when both are the same);
#   percentile_approx(d, ..., 20) (tests/tools/spark_quantile.py: QuantileSummaries driven as
#     a streaming aggregation drives PercentileDigest).
#
#   python3 model.py > expected.out
import json
import math
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_quantile import Agg, show  # noqa: E402
from spark_show import batch as show_batch, java_double  # noqa: E402


def percentile(vals, p):
    """Percentile.getPercentile over the sorted non-NULL values."""
    vs = sorted(v for v in vals if v is not None)
    if not vs:
        return None
    pos = p * (len(vs) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    if lo == hi or vs[lo] == vs[hi]:
        return float(vs[lo])
    return (hi - pos) * vs[lo] + (pos - lo) * vs[hi]


def cell(v):
    return "NULL" if v is None else java_double(v)


groups = {}
lines = []
for b, step in enumerate(["s1", "s2", "s3"]):
    rows = []
    for name in sorted(os.listdir(os.path.join(here, step))):
        with open(os.path.join(here, step, name)) as f:
            rows += [json.loads(line) for line in f]
    for g in sorted(set(r["g"] for r in rows)):
        st = groups.setdefault(g, {"c": 0, "l": [], "n": [], "pa": Agg([0.25, 0.5, 0.75], 20)})
        mine = [r for r in rows if r["g"] == g]
        st["c"] += len(mine)
        st["l"] += [r["n"] for r in mine if r["n"] is not None and r["n"] % 9 == 0]
        st["n"] += [r["n"] for r in mine]
        st["pa"].batch([r["d"] for r in mine])
    out = []
    for g in sorted(groups):
        st = groups[g]
        out.append([g, str(st["c"]), "[" + ", ".join(str(v) for v in st["l"]) + "]",
                    cell(percentile(st["n"], 0.5)),
                    cell(percentile(st["n"], 0.1)),
                    show(st["pa"].result(), java_double, True)])
    lines.append("=== step %s ===" % step)
    lines += show_batch(b, ["g", "c", "l", "p50", "p10", "pa"], out)
print("\n".join(lines))
