#!/usr/bin/env python3
# model.py - the expected output of batch_distinct_stats, computed apart from sluice.  Spark
# 3.5 plans a DISTINCT aggregate by grouping on its non-foldable children (after the implicit
# casts: DOUBLE for the moments; percentile's and mode's value as it is; RegrCount's
# Count(Seq(y, x)); RegrAvgX/Y's and RegrSXX/SYY's replacement If(both, x, NULL)), normalised
# (NormalizeFloatingNumbers: -0.0 as 0.0), and feeds each distinct tuple of a group once to the
# aggregate, in the order its hash aggregate emits them; then the final aggregate merges the
# partial buffer into a fresh one.  That order is not Spark's to promise, so every result is
# computed for every order of the tuples and must be one value (the data are chosen so).
# Buffers: spark_agg.py (Covariance, PearsonCorrelation, CentralMomentAgg, in Spark's order of
# operations); Percentile's getPercentile; Mode's OpenHashMap (64 slots, home slot Guava's
# murmur3_32 hashInt of the key's hashCode, probing +1, +2, ...; maxBy: the first of the
# largest count in slot order).  Printed as show() prints it.
#
#   python3 model.py > expected.out
import itertools
import json
import math
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_agg import (cov_merge, cov_update, r2_eval, slope_merge,  # noqa: E402
                       slope_update, var_merge, var_update)
from spark_hash import M32, murmur3_bytes, murmur3_int  # noqa: E402
from spark_show import batch as show_batch  # noqa: E402

def norm(v):
    """NormalizeFloatingNumbers of a DOUBLE: -0.0 is 0.0."""
    return 0.0 if v == 0.0 else v


def distinct(tuples):
    out = []
    for t in tuples:
        if t not in out:  # python's == on floats: 0.0 == -0.0, after norm() anyway
            out.append(t)
    return out


def one_result(f, tuples):
    """f over every order of the distinct tuples: the one result they all give."""
    results = set()
    for order in itertools.permutations(tuples):
        r = f(list(order))
        results.add("NaN" if isinstance(r, float) and math.isnan(r) else r)
    assert len(results) == 1, results
    return results.pop()


# ==== the moments: update the tuples into a fresh buffer P, then the final merge(0, P) ====

def moments(init, update, merge, evaluate):
    def run(tuples):
        p = list(init)
        for t in tuples:
            p = update(p, *t)
        return evaluate(merge(list(init), p))
    return run


def corr_eval(b):
    if b[0] == 0.0 or b[0] == 1.0:
        return None
    d = math.sqrt(b[4] * b[5])
    return b[3] / d if d != 0.0 else float("nan")


CORR = moments([0.0] * 6, cov_update, cov_merge, corr_eval)
COVAR_POP = moments([0.0] * 4, cov_update, cov_merge, lambda b: None if b[0] == 0.0 else b[3] / b[0])
COVAR_SAMP = moments([0.0] * 4, cov_update, cov_merge,
                     lambda b: None if b[0] <= 1.0 else b[3] / (b[0] - 1.0))
SXX = moments([0.0] * 3, var_update, var_merge, lambda b: None if b[0] == 0.0 else b[2])
SXY = moments([0.0] * 4, cov_update, cov_merge, lambda b: None if b[0] == 0.0 else b[3])
R2 = moments([0.0] * 6, cov_update, cov_merge, r2_eval)
SLOPE = moments([0.0] * 7, slope_update, slope_merge, lambda b: None if b[6] == 0.0 else b[3] / b[6])
ICPT = moments([0.0] * 7, slope_update, slope_merge,
               lambda b: None if b[6] == 0.0 else b[2] - b[3] / b[6] * b[1])


def average(tuples):
    s, n = 0.0, 0
    for (v,) in tuples:
        if v is not None:
            s, n = s + v, n + 1
    return None if n == 0 else s / float(n)


# ==== percentile: getPercentile over the sorted values and their counts ====

def percentile(values, p):
    v = sorted(float(x) for x in values if x is not None)
    if not v:
        return None
    pos = (len(v) - 1) * p
    lo, hi = math.floor(pos), math.ceil(pos)
    if lo == hi or v[lo] == v[hi]:
        return v[lo]
    return (hi - pos) * v[lo] + (pos - lo) * v[hi]


# ==== mode: an OpenHashMap of the values ====

def java_hash(v):
    """hashCode of the boxed key: Integer, Double (doubleToLongBits folded), UTF8String."""
    if isinstance(v, str):
        return murmur3_bytes(v.encode("utf-8"), 42)
    if isinstance(v, float):
        bits = struct.unpack("<Q", struct.pack("<d", v))[0]
        return (bits ^ (bits >> 32)) & M32
    return v & M32


def mode(values):
    def run(order):
        slots, counts = [None] * 64, [0] * 64
        for v in order:
            pos, delta = murmur3_int(java_hash(v)) & 63, 1
            while slots[pos] is not None and slots[pos] != v:
                pos, delta = (pos + delta) & 63, delta + 1
            slots[pos] = v
            counts[pos] += 1
        best = max(counts)
        return None if best == 0 else slots[counts.index(best)]
    keys = [v for v in values if v is not None]
    return one_result(lambda order: run(order), keys) if keys else None


# ==== the queries ====

def rows_of(k, rows):
    return [r for r in rows if r["k"] == k]


def pairs(g, a, b):
    return distinct([(norm(r[a]), norm(r[b])) for r in g])


def both(r):
    return r["x"] is not None and r["y"] is not None


def moment(f, tuples):
    return one_result(f, tuples)


def query1(g):
    return [moment(CORR, pairs(g, "x", "y")), moment(COVAR_POP, pairs(g, "x", "y")),
            moment(COVAR_SAMP, pairs(g, "x", "y")),
            moment(CORR, distinct([(norm(r["x"]), norm(r["y"])) if r["c"] else (None, None)
                                   for r in g]))]


def query2(g):
    ns = [r["n"] for r in g]
    dn = distinct([n for n in ns if n is not None])
    dx = distinct([norm(r["x"]) for r in g if r["x"] is not None])
    return [percentile(dn, 0.5), percentile(ns, 0.5), percentile(dn, 0.5), percentile(dx, 0.25),
            mode(dn), mode(ns), mode(distinct([r["s"] for r in g if r["s"] is not None])),
            mode(dx)]


def regr_count(g):
    return sum(1 for (y, x) in pairs(g, "y", "x") if y is not None and x is not None)


def query3(g):
    yx = pairs(g, "y", "x")
    xs = distinct([(norm(r["x"]) if both(r) else None,) for r in g])
    ys = distinct([(norm(r["y"]) if both(r) else None,) for r in g])
    return [regr_count(g), sum(1 for r in g if both(r)),
            one_result(average, xs), one_result(average, ys),
            moment(SXX, xs), moment(SXX, ys), moment(SXY, yx), moment(SLOPE, yx),
            moment(ICPT, yx), moment(R2, yx)]


def table(names, out):
    return show_batch(0, names, out)[3:]  # a batch query prints the table alone


def main():
    rows = []
    for name in ("part-0.json", "part-1.json"):
        with open(os.path.join("data", name), encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    for r in rows:
        for c in ("x", "y"):
            r[c] = None if r[c] is None else float(r[c])
    keys = sorted(set(r["k"] for r in rows))
    lines = []
    lines += table(["k", "corr(DISTINCT x, y)", "cp", "cs", "cf"],
                   [[k] + query1(rows_of(k, rows)) for k in keys])
    lines += table(["k", "pd", "p", "median(DISTINCT n)", "px", "mn", "m", "ms", "mx"],
                   [[k] + query2(rows_of(k, rows)) for k in keys])
    lines += table(["k", "rc", "rc_all", "ax", "ay", "sxx", "syy", "sxy", "slope", "icpt", "r2"],
                   [[k] + query3(rows_of(k, rows)) for k in keys])
    ys = distinct([(norm(r["y"]), norm(r["y"])) for r in rows])
    total = [regr_count(rows), percentile(distinct([r["n"] for r in rows if r["n"] is not None]), 0.5),
             moment(COVAR_POP, ys), len(rows)]
    lines += table(["rc", "pd", "vy", "count(1)"], [total])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
