#!/usr/bin/env python3
# model.py - the expected output of corr_covar, computed apart from sluice: Spark 3.5's
# PearsonCorrelation (aggregate/Corr.scala) and Covariance (aggregate/Covariance.scala) update,
# merge and evaluate expressions, in the order a streaming aggregation applies them
# (AggUtils.planStreamingAggregation), printed as show() prints it.
#
#   python3 model.py > expected.out
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_agg import cov_merge as merge, cov_update as update  # noqa: E402
from spark_show import batch as show_batch, java_double  # noqa: E402

K = {"corr": 6, "covar_pop": 4, "covar_samp": 4}


def evaluate(b, kind):
    n = b[0]
    if n == 0.0 or (n == 1.0 and kind != "covar_pop"):
        return None
    if kind == "covar_pop":
        return b[3] / n
    if kind == "covar_samp":
        return b[3] / (n - 1.0)
    d = math.sqrt(b[4] * b[5])
    return b[3] / d if d != 0.0 else float("nan")  # Java: 0.0 / 0.0 is NaN


AGGS = [("c", "corr", lambda v: (v / 3, v * v / 7)), ("cp", "covar_pop", lambda v: (v / 3, v * v / 7)),
        ("cs", "covar_samp", lambda v: (v / 3, float(10 - v))),
        ("c_nulls", "corr", lambda v: (float(v), None if v % 3 == 0 else v / 7)),
        ("c_const", "corr", lambda v: (float(v), 1.0)),
        ("cs_one", "covar_samp", lambda v: (float(v) if v < 2 else None, float(v))),
        ("cp_none", "covar_pop", lambda v: (None, float(v)))]
GLOBAL = [("c", "corr", lambda v: (v / 3, v * v / 7)), ("cp", "covar_pop", lambda v: (float(v), v / 11)),
          ("cs", "covar_samp", lambda v: (v * 1e15 / 7, float(v)))]


def fold(state, kind, pairs):
    p = [0.0] * K[kind]
    for (x, y) in pairs:
        p = update(p, x, y)
    zero = [0.0] * K[kind]
    return merge(merge(zero, state), merge(zero, p))


state1, count1, state2 = {}, {}, [[0.0] * K[k] for (_, k, _) in GLOBAL]
lines = []
for batch in range(3):
    values = list(range(7 * batch, 7 * batch + 7))
    for g in sorted(set(v % 2 for v in values)):
        rows = [v for v in values if v % 2 == g]
        count1[g] = count1.get(g, 0) + len(rows)
        st = state1.setdefault(g, [[0.0] * K[k] for (_, k, _) in AGGS])
        for i, (_, kind, f) in enumerate(AGGS):
            st[i] = fold(st[i], kind, [f(v) for v in rows])
    out1 = [[g, count1[g]] + [java_double(evaluate(merge([0.0] * K[k], state1[g][i]), k))
                              for i, (_, k, _) in enumerate(AGGS)] for g in sorted(state1)]
    for i, (_, kind, f) in enumerate(GLOBAL):
        state2[i] = fold(state2[i], kind, [f(v) for v in values])
    out2 = [[java_double(evaluate(merge([0.0] * K[k], state2[i]), k)) for i, (_, k, _) in enumerate(GLOBAL)]]
    lines += show_batch(batch, ["g", "n"] + [a[0] for a in AGGS], out1)
    lines += show_batch(batch, [a[0] for a in GLOBAL], out2)
print("\n".join(lines))


# The examples of Spark's documentation check the formulas above.  Spark's tests run them on
# local[2]: the VALUES are two partitions (LocalTableScanExec, parallelize's slices), each
# aggregated from zero, and the final aggregate merges both into a fresh buffer.
def batch(kind, pairs):
    final = [0.0] * K[kind]
    for part in (pairs[:len(pairs) // 2], pairs[len(pairs) // 2:]):
        p = [0.0] * K[kind]
        for (x, y) in part:
            p = update(p, float(x), float(y))
        final = merge(final, p)
    return evaluate(final, kind)


assert batch("corr", [(3, 2), (3, 3), (6, 4)]) == 0.8660254037844387
assert batch("covar_pop", [(1, 1), (2, 2), (3, 3)]) == 0.6666666666666666
assert batch("covar_samp", [(1, 1), (2, 2), (3, 3)]) == 1.0
