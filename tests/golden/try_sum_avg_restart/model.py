#!/usr/bin/env python3
# model.py - the expected output of try_sum_avg_restart, computed apart from sluice: the
# buffers of Spark 3.5's TrySum, Sum (aggregate/Sum.scala), TryAverage and Average
# (aggregate/Average.scala) without ANSI mode, in the order a streaming aggregation applies
# them (AggUtils.planStreamingAggregation): per micro-batch the rows of a group are updated
# into a fresh buffer P in file order, the restored state S is merged with P, and the output
# evaluates the merged buffer.  Printed as show() prints it.
#
#   python3 model.py > expected.out
import json
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_agg import as_double, opt_float, steps  # noqa: E402
from spark_show import java_double  # noqa: E402

LONG_MIN, LONG_MAX = -2 ** 63, 2 ** 63 - 1
DEC38 = 10 ** 38  # DECIMAL(38, 0): |v| < 10^38


def wrap(v):
    """Java long addition (Add without ANSI mode)."""
    return (v - LONG_MIN) % 2 ** 64 + LONG_MIN


def exact_long(v):
    """Math.addExact inside TryEval: None on overflow."""
    return v if LONG_MIN <= v <= LONG_MAX else None


def dec38(v):
    """A DECIMAL(38, 0) written to the aggregation buffer (UnsafeRow.setDecimal): None when it
    needs more than 38 digits."""
    return v if v is not None and -DEC38 < v < DEC38 else None


# Each aggregate: (initial buffer, update(buffer, x), merge(left, right), evaluate(buffer)).
# TrySum of an integer: (sum, isEmpty); the ANSI Add inside TryEval makes sum None on overflow.
def try_sum_long_update(b, x):
    s, empty = b
    if x is None:
        return b
    return (None if s is None else exact_long(s + x), False)


def try_sum_long_merge(l, r):
    if (not l[1] and l[0] is None) or (not r[1] and r[0] is None):
        return (None, l[1] and r[1])
    return (exact_long(l[0] + r[0]), l[1] and r[1])


TRY_SUM_LONG = ((0, True), try_sum_long_update, try_sum_long_merge, lambda b: None if b[1] else b[0])
# Sum of an integer or a double: sum starts NULL, coalesce(coalesce(sum, 0) + x, sum).
SUM_LONG = (None, lambda s, x: s if x is None else wrap((s or 0) + x),
            lambda l, r: l if r is None else wrap((l or 0) + r), lambda s: s)
SUM_DOUBLE = (None, lambda s, x: s if x is None else (s if s is not None else 0.0) + x,
              lambda l, r: l if r is None else (l if l is not None else 0.0) + r, lambda s: s)


# Average of a double: (sum 0.0, count 0); sum + coalesce(x, 0.0); NULL for count 0.
def avg_eval(b):
    return None if b[1] == 0 else b[0] / float(b[1])


AVG_DOUBLE = ((0.0, 0), lambda b, x: (b[0] + (0.0 if x is None else x), b[1] + (x is not None)),
              lambda l, r: (l[0] + r[0], l[1] + r[1]), avg_eval)


# Sum of a DECIMAL(38, 0) (shouldTrackIsEmpty): (sum 0, isEmpty); NULL once over 38 digits.
def try_sum_dec_update(b, x):
    if x is None:
        return b
    return (None if b[0] is None else dec38(b[0] + x), False)


def try_sum_dec_merge(l, r):
    if (not l[1] and l[0] is None) or (not r[1] and r[0] is None):
        return (None, l[1] and r[1])
    return (dec38(l[0] + r[0]), l[1] and r[1])


TRY_SUM_DEC = ((0, True), try_sum_dec_update, try_sum_dec_merge, lambda b: None if b[1] else b[0])


# Average of a DECIMAL(38, 0): sum DECIMAL(38, 0) from 0, count; the result DECIMAL(38, 4) is
# sum / count rounded HALF_UP, NULL when it needs more than 38 digits (nullOnOverflow).
def avg_dec_eval(b):
    if b[1] == 0 or b[0] is None:
        return None
    q = Fraction(b[0], b[1]) * 10 ** 4
    r = int(abs(q) + Fraction(1, 2)) * (1 if q >= 0 else -1)
    if abs(r) >= DEC38:
        return None
    sign = "-" if r < 0 else ""
    return "%s%d.%04d" % (sign, abs(r) // 10 ** 4, abs(r) % 10 ** 4)


AVG_DEC = ((0, 0),
           lambda b, x: (None if b[0] is None else dec38(b[0] + (x or 0)), b[1] + (x is not None)),
           lambda l, r: (None if l[0] is None or r[0] is None else dec38(l[0] + r[0]), l[1] + r[1]),
           avg_dec_eval)


# Double.toString of Spark 3.5's Java (8 to 17: FloatingDecimal, not always the shortest digits,
# JDK-4511638) where it differs from the shortest digits java_double prints, as OpenJDK 17
# prints these values of the output.
JAVA_LONGER = {2.0 ** 62: "4.6116860184273879E18", -2.0 ** 62: "-4.6116860184273879E18",
               1.5372286728091284E18: "1.53722867280912845E18",
               1.8446744073709553E18: "1.84467440737095526E18"}


def cell(v):
    if isinstance(v, float):
        return JAVA_LONGER.get(v, java_double(v))
    return v if v is None or isinstance(v, str) else str(v)


def dec(s):
    return None if s is None else int(s)


GROUPS = [("try_sum(i)", TRY_SUM_LONG, lambda r: r["i"]), ("s", SUM_LONG, lambda r: r["i"]),
          ("ta", AVG_DOUBLE, lambda r: opt_float(r["i"])), ("tn", TRY_SUM_LONG, lambda r: r["n"]),
          ("tx", SUM_DOUBLE, lambda r: r["x"]), ("tax", AVG_DOUBLE, lambda r: r["x"]),
          ("td", TRY_SUM_DEC, lambda r: dec(r["ds"])), ("tad", AVG_DEC, lambda r: dec(r["ds"])),
          ("tst", SUM_DOUBLE, lambda r: as_double(r["st"]))]
TOTAL = [("ts", TRY_SUM_LONG, lambda r: r["i"]), ("s", SUM_LONG, lambda r: r["i"]),
         ("tb", TRY_SUM_LONG, lambda r: r["i"] if r["g"] == "b" else None),
         ("tan", AVG_DOUBLE, lambda r: opt_float(r["n"]))]


def fold(aggs, state, rows):
    """S' = merge(S, P), P the rows updated into fresh buffers (JSON numbers as the columns'
    types: x is a DOUBLE even when written 1e308)."""
    out = []
    for k, (_, (init, update, merge, _), f) in enumerate(aggs):
        p = init
        for r in rows:
            p = update(p, f(r))
        out.append(merge(state[k] if state else init, p))
    return out


def read(step, name):
    with open(os.path.join(step, name), encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    for r in rows:
        r["x"] = opt_float(r["x"])
    return rows


PLAN = (("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]), ("s3", ["f4.json"]))
print(steps(PLAN, read, fold, GROUPS, TOTAL, cell, "c"))
