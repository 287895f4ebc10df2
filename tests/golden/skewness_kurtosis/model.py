#!/usr/bin/env python3
# model.py - the expected output of skewness_kurtosis, computed apart from sluice: Spark 3.5's
# CentralMomentAgg (sql/catalyst/.../aggregate/CentralMomentAgg.scala) update, merge and
# evaluate expressions, in the order a streaming aggregation applies them
# (AggUtils.planStreamingAggregation), printed as show() prints it.
#
#   python3 model.py > expected.out
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch, java_double  # noqa: E402


def update(b, x, order):
    if x is None:
        return b
    n, avg, m2 = b[0], b[1], b[2]
    new_n = n + 1.0
    delta = x - avg
    dn = delta / new_n
    new_avg = avg + dn
    new_m2 = m2 + delta * (delta - dn)
    delta2, dn2 = delta * delta, dn * dn
    r = [new_n, new_avg, new_m2]
    if order >= 3:
        new_m3 = b[3] - 3.0 * dn * new_m2 + delta * (delta2 - dn2)
        r.append(new_m3)
    if order >= 4:
        r.append(b[4] - 4.0 * dn * new_m3 - 6.0 * dn2 * new_m2 + delta * (delta * delta2 - dn * dn2))
    return r


def merge(a, b, order):
    n1, n2 = a[0], b[0]
    new_n = n1 + n2
    delta = b[1] - a[1]
    dn = 0.0 if new_n == 0.0 else delta / new_n
    r = [new_n, a[1] + dn * n2, a[2] + b[2] + delta * dn * n1 * n2]
    if order >= 3:
        r.append(a[3] + b[3] + dn * dn * delta * n1 * n2 * (n1 - n2) + 3.0 * dn * (n1 * b[2] - n2 * a[2]))
    if order >= 4:
        r.append(a[4] + b[4] + dn * dn * dn * delta * n1 * n2 * (n1 * n1 - n1 * n2 + n2 * n2)
                 + 6.0 * dn * dn * (n1 * n1 * b[2] + n2 * n2 * a[2]) + 4.0 * dn * (n1 * b[3] - n2 * a[3]))
    return r


def zero(order):
    return [0.0] * (order + 1)


def evaluate(b, kind):
    n, m2 = b[0], b[2]
    if n == 0.0 or m2 == 0.0:
        return None
    if kind == "skewness":
        return math.sqrt(n) * b[3] / math.sqrt(m2 * m2 * m2)
    return n * b[4] / (m2 * m2) - 3.0


ORDER = {"skewness": 3, "kurtosis": 4}


# (name, kind, value of the row's value v: None for NULL)
AGGS = [("sk", "skewness", lambda v: v / 3), ("ku", "kurtosis", lambda v: v / 3),
        ("sk2", "skewness", lambda v: v * v / 7), ("ku3", "kurtosis", lambda v: v * v * v / 11),
        ("sk_const", "skewness", lambda v: 1.0), ("ku_one", "kurtosis", lambda v: float(v) if v < 2 else None),
        ("sk_early", "skewness", lambda v: v / 3 if v < 9 else None), ("ku_none", "kurtosis", lambda v: None)]
GLOBAL = [("sk", "skewness", lambda v: v / 3), ("ku", "kurtosis", lambda v: v / 3)]

state1, count1, state2 = {}, {}, None
blocks = []
for batch in range(3):
    values = list(range(7 * batch, 7 * batch + 7))
    # query 1: GROUP BY value % 2
    for g in sorted(set(v % 2 for v in values)):
        rows = [v for v in values if v % 2 == g]
        count1[g] = count1.get(g, 0) + len(rows)
        st = state1.setdefault(g, [zero(ORDER[k]) for (_, k, _) in AGGS])
        for i, (_, kind, f) in enumerate(AGGS):
            o = ORDER[kind]
            p = zero(o)
            for v in rows:
                p = update(p, f(v), o)
            st[i] = merge(merge(zero(o), st[i], o), merge(zero(o), p, o), o)
    out1 = []
    for g in sorted(state1):
        out1.append([g, count1[g]] + [java_double(evaluate(merge(zero(ORDER[k]), state1[g][i], ORDER[k]), k))
                                      for i, (_, k, _) in enumerate(AGGS)])
    # query 2: no grouping keys
    if state2 is None:
        state2 = [zero(ORDER[k]) for (_, k, _) in GLOBAL]
    for i, (_, kind, f) in enumerate(GLOBAL):
        o = ORDER[kind]
        p = zero(o)
        for v in values:
            p = update(p, f(v), o)
        state2[i] = merge(merge(zero(o), state2[i], o), merge(zero(o), p, o), o)
    out2 = [[java_double(evaluate(merge(zero(ORDER[k]), state2[i], ORDER[k]), k)) for i, (_, k, _) in enumerate(GLOBAL)]]
    # each batch prints query 1's table, then query 2's
    blocks += show_batch(batch, ["g", "n"] + [a[0] for a in AGGS], out1)
    blocks += show_batch(batch, [a[0] for a in GLOBAL], out2)
print("\n".join(blocks))

# The examples of Spark's documentation check the formulas above.  Spark's tests run them on
# local[2]: the VALUES are two partitions (LocalTableScanExec, parallelize's slices), each
# aggregated from zero, and the final aggregate merges both into a fresh buffer.
def batch(kind, values):
    o = ORDER[kind]
    final = zero(o)
    for part in (values[:len(values) // 2], values[len(values) // 2:]):
        p = zero(o)
        for v in part:
            p = update(p, float(v), o)
        final = merge(final, p, o)
    return evaluate(final, kind)


assert batch("skewness", [-10, -20, 100, 1000]) == 1.1135657469022011
assert batch("skewness", [-1000, -100, 10, 20]) == -1.1135657469022011
assert batch("kurtosis", [-10, -20, 100, 1000]) == -0.7014368047529627
assert batch("kurtosis", [1, 10, 100, 10, 1]) == 0.19432323191699075
