#!/usr/bin/env python3
# model.py - the expected output of regr_restart, computed apart from sluice: the buffers of
# Spark 3.5's regressions (aggregate/linearRegression.scala: RegrCount and RegrAvgX/Y replaced
# by Count and Average, RegrSXX/SYY by RegrReplacement, RegrSXY a Covariance, RegrR2 a
# PearsonCorrelation, RegrSlope/RegrIntercept CovPopulation(x, y) ++ VariancePop(x) of the
# pairs, SPARK-48719), in the order a streaming aggregation applies them
# (AggUtils.planStreamingAggregation): per micro-batch the rows of a group are updated into a
# fresh buffer P in file order, the state saved is merge(merge(0, S), merge(0, P)), and the
# output evaluates merge(0, S').  Printed as show() prints it.
#
#   python3 model.py > expected.out
import json
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_agg import (as_double, cov_merge, cov_update, opt_float, r2_eval,  # noqa: E402
                       slope_merge, slope_update, steps, var_merge, var_update)
from spark_show import java_double  # noqa: E402


def both(y, x):
    return y is not None and x is not None


# Each aggregate of (y, x): (initial buffer, update(b, y, x), merge, evaluate).
MOMENTS = {
    "sxx": ([0.0] * 3, lambda b, y, x: var_update(b, x if both(y, x) else None), var_merge,
            lambda b: None if b[0] == 0.0 else b[2]),
    "syy": ([0.0] * 3, lambda b, y, x: var_update(b, y if both(y, x) else None), var_merge,
            lambda b: None if b[0] == 0.0 else b[2]),
    "sxy": ([0.0] * 4, lambda b, y, x: cov_update(b, y, x), cov_merge,
            lambda b: None if b[0] == 0.0 else b[3]),
    "r2": ([0.0] * 6, lambda b, y, x: cov_update(b, y, x), cov_merge, r2_eval),
    "slope": ([0.0] * 7, slope_update, slope_merge, lambda b: None if b[6] == 0.0 else b[3] / b[6]),
    "icpt": ([0.0] * 7, slope_update, slope_merge,
             lambda b: None if b[6] == 0.0 else b[2] - b[3] / b[6] * b[1]),
}


def moments(kind):
    init, update, merge, evaluate = MOMENTS[kind]
    fresh = lambda b: merge(init, b)  # noqa: E731
    return (init, update, lambda s, p: merge(fresh(s), fresh(p)), lambda b: evaluate(fresh(b)))


# Count of the pairs; Average of a DOUBLE (sum 0.0 + x ..., count) and of a DECIMAL(6, 2): an
# exact sum, the result DECIMAL(10, 6) the quotient HALF_UP (DecimalDivideWithOverflowCheck).
COUNT = (0, lambda b, y, x: b + both(y, x), lambda s, p: s + p, lambda b: b)
AVGX = ((0.0, 0), lambda b, y, x: (b[0] + x, b[1] + 1) if both(y, x) else b,
        lambda s, p: (s[0] + p[0], s[1] + p[1]), lambda b: None if b[1] == 0 else b[0] / float(b[1]))
AVGY = ((0.0, 0), lambda b, y, x: (b[0] + y, b[1] + 1) if both(y, x) else b, AVGX[2], AVGX[3])
AVG_DEC = ((Decimal(0), 0), AVGX[1], lambda s, p: (s[0] + p[0], s[1] + p[1]),
           lambda b: None if b[1] == 0 else (b[0] / b[1]).quantize(Decimal("0.000001"), ROUND_HALF_UP))


def opt_dec(v):
    return None if v is None else Decimal(str(v))


def yx(fy, fx):
    return lambda r: (fy(r), fx(r))


Y = yx(lambda r: r["y"], lambda r: r["x"])
GROUPS = [("c", COUNT, Y), ("ax", AVGX, Y), ("ay", AVGY, Y), ("sxx", moments("sxx"), Y),
          ("syy", moments("syy"), Y), ("sxy", moments("sxy"), Y), ("slope", moments("slope"), Y),
          ("icpt", moments("icpt"), Y), ("r2", moments("r2"), Y),
          ("axd", AVG_DEC, yx(lambda r: r["i"], lambda r: opt_dec(r["d"]))),
          ("cs", COUNT, yx(lambda r: as_double(r["s"]), lambda r: r["i"])),
          ("sis", moments("slope"), yx(lambda r: opt_float(r["i"]), lambda r: as_double(r["s"])))]
TOTAL = [("regr_syy(i, x)", moments("syy"), yx(lambda r: opt_float(r["i"]), lambda r: r["x"])),
         ("r2a", moments("r2"), lambda r: Y(r) if r["g"] == "a" else (None, None)),
         ("ayi", AVGY, yx(lambda r: opt_float(r["i"]), lambda r: r["y"])),
         ("ii", moments("icpt"), yx(lambda r: r["y"], lambda r: opt_float(r["i"]))),
         ("sxyd", moments("sxy"), yx(lambda r: as_double(r["s"]), lambda r: opt_float(r["d"])))]


def cell(v):
    if isinstance(v, float):
        return java_double(v)
    return "NULL" if v is None else str(v)


def fold(aggs, state, rows):
    """S' from the restored state S and the batch's rows, aggregate by aggregate."""
    out = []
    for k, (_, (init, update, merge, _), f) in enumerate(aggs):
        p = init
        for r in rows:
            p = update(p, *f(r))
        out.append(merge(state[k] if state else init, p))
    return out


def read(step, name):
    with open(os.path.join(step, name), encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    for r in rows:  # the DOUBLE columns
        r["x"], r["y"] = opt_float(r["x"]), opt_float(r["y"])
    return rows


def main():
    plan = (("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]), ("s3", ["f4.json"]))
    print(steps(plan, read, fold, GROUPS, TOTAL, cell, "n"))


# The formulas checked against Spark: a batch query aggregates each partition from zero and
# merges the partial buffers into a fresh one.  Spark's documented examples run on local[2]
# (two slices of the VALUES), and sql-tests/results/linear-regression.sql.out's view of six
# rows is two slices of three; these reproduce their printed values to the last digit.
def batch(kind, parts):
    init, update, merge, evaluate = MOMENTS[kind]
    final = init
    for part in parts:
        p = init
        for (y, x) in part:
            p = update(p, None if y is None else float(y), None if x is None else float(x))
        final = merge(final, p)
    return evaluate(final)


def halves(kind, pairs):
    return batch(kind, [pairs[:len(pairs) // 2], pairs[len(pairs) // 2:]])


EX = [(1, 2), (2, 2), (2, 3), (2, 4)]
EX_NULL = [(1, 2), (2, None), (2, 3), (2, 4)]
EX_NULLS = [(1, 2), (2, None), (None, 3), (2, 4)]
assert halves("r2", EX) == 0.2727272727272727 and halves("r2", EX_NULL) == 0.7500000000000001
assert halves("r2", EX_NULLS) == 1.0
assert halves("sxx", EX) == 2.75 and halves("sxx", EX_NULL) == 2.0
assert halves("sxy", EX) == 0.75 and halves("sxy", EX_NULL) == 1.0
assert halves("syy", EX) == 0.75 and halves("syy", EX_NULL) == 0.6666666666666666
assert halves("syy", EX_NULLS) == 0.5
assert halves("slope", [(1, 1), (2, 2), (3, 3)]) == 1.0 and halves("slope", [(1, None)]) is None
assert halves("icpt", [(1, 1), (2, 2), (3, 3)]) == 0.0 and halves("icpt", [(None, 1)]) is None
VIEW = [(10, 11), (20, 22)], [(25, None), (30, 35), (None, 40)]  # k = 2 of the two slices
assert [batch(k, VIEW) for k in ("sxx", "syy", "sxy", "slope", "icpt", "r2")] == [
    288.6666666666667, 200.0, 240.0, 0.8314087759815242, 1.1547344110854496, 0.997690531177829]

if __name__ == "__main__":
    main()
