#!/usr/bin/env python3
# model.py - the expected output of replay_threads, computed apart from sluice: Spark 3.5's
# Sum, Average (aggregate/Sum.scala, Average.scala, without ANSI mode) and CentralMomentAgg
# (StddevSamp, StddevPop, VarianceSamp, VariancePop) of a batch query, whose one partition's
# rows update a fresh buffer in input order (python's float addition is Java's double
# addition), merged by the final aggregate into a fresh buffer.  The files are read longest
# first (connectors.md), part-0.json before part-1.json, each in line order.  Groups come out
# in the order their first row came.  A DOUBLE sum is coalesce(sum, 0) + x, then 0 + sum on
# the merge; an average's sum starts at 0.0, and its result is sum / count.  A DECIMAL sum
# lives in a DECIMAL(min(38, p + 10), s) buffer that turns NULL for good once a partial sum
# needs more digits; avg divides it as DecimalDivideWithOverflowCheck does (the quotient at
# scale 38, HALF_UP, then HALF_UP to DECIMAL(p + 4, s + 4), NULL when it does not fit).  The
# moments: update from (0, 0, 0), merged into a fresh buffer, evaluated NULL for n = 0 and, for
# a sample, n = 1 (spark.sql.legacy.statisticalAggregate false).  A sliding window of 10
# minutes every 5 has each row with a time in two windows (TimeWindowing).
#
#   python3 model.py > expected.out
import datetime
import decimal
import math
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_agg import var_merge, var_update  # noqa: E402
from spark_files import json_rows  # noqa: E402
from spark_show import batch as show_batch, java_double  # noqa: E402

decimal.getcontext().prec = 200

# Double.toString of Spark 3.5's Java (8 to 17: FloatingDecimal, not always the shortest digits,
# JDK-4511638) where it differs from the shortest digits java_double prints, as OpenJDK 17's
# Double.toString prints these values of the output.
JAVA_LONGER = {-1.999999999999989E16: "-1.9999999999999888E16",
               -1.999999999999995E16: "-1.9999999999999952E16",
               -5.999999999999998E16: "-5.9999999999999984E16",
               1.0000000000000003E17: "1.00000000000000032E17",
               2.000000000000005E16: "2.0000000000000048E16",
               7.000000000000006E16: "7.0000000000000064E16"}


def cell(v):
    if isinstance(v, float):
        return JAVA_LONGER.get(v, java_double(v))
    return v


def double_sum(values):
    """Sum's (Average's) buffer over the non-NULL values in order from 0.0, merged into a fresh
    one (0.0 + sum): (sum, count)."""
    s, n = 0.0, 0
    for v in values:
        if v is not None:
            s, n = s + v, n + 1
    return 0.0 + s, n


def dsum(values):
    s, n = double_sum(values)
    return None if n == 0 else s


def davg(values):
    s, n = double_sum(values)
    return None if n == 0 else s / float(n)


def moments(values, kind):
    zero = [0.0, 0.0, 0.0]
    p = zero
    for v in values:
        p = var_update(p, v)
    # a streaming aggregation's one batch (sluice runs a batch query as one): the state saved
    # is merge(merge(0, S), merge(0, P)) with S empty; the result evaluates merge(0, that)
    st = var_merge(var_merge(zero, zero), var_merge(zero, p))
    n, _, m2 = var_merge(zero, st)
    if n == 0.0 or (kind.endswith("samp") and n == 1.0):
        return None
    v = m2 / (n - 1.0) if kind.endswith("samp") else m2 / n
    return math.sqrt(v) if kind.startswith("stddev") else v


def fits(v, p):
    return abs(v) < Decimal(10) ** p


def dec_sum(values, p):
    """(sum, count): sum None after an overflow of DECIMAL(min(38, p + 10), .); count of values."""
    sp = min(38, p + 10)
    s, n = Decimal(0), 0
    for v in values:
        if v is None:
            continue
        n += 1
        if s is not None:
            s = s + v
            if not fits(s, sp):
                s = None
    return s, n


def dec_sum_cell(values, p, s):
    total, n = dec_sum(values, p)
    if n == 0 or total is None:
        return "NULL"
    return format(total.quantize(Decimal(1).scaleb(-s)), "f")


def dec_avg_cell(values, p, s):
    total, n = dec_sum(values, p)
    if n == 0 or total is None:
        return "NULL"
    rp, rs = min(38, p + 4), min(38, s + 4)
    q = (total / n).quantize(Decimal(1).scaleb(-38), ROUND_HALF_UP)
    q = q.quantize(Decimal(1).scaleb(-rs), ROUND_HALF_UP)
    return format(q, "f") if fits(q, rp - rs) else "NULL"


def groups(rows, key):
    order, by = [], {}
    for r in rows:
        for k in key(r):
            if k not in by:
                order.append(k)
                by[k] = []
            by[k].append(r)
    return [(k, by[k]) for k in order]


def col(rows, c):
    return [r[c] for r in rows]


def windows(r):
    """The sliding windows of 10 minutes every 5 minutes holding the row's time."""
    if r["ts"] is None:
        return []
    t = datetime.datetime.strptime(r["ts"], "%Y-%m-%dT%H:%M:%SZ")
    start = t - datetime.timedelta(minutes=t.minute % 5, seconds=t.second)
    return [start - datetime.timedelta(minutes=5), start]


def table(names, out):
    rows = [[cell(v) for v in r] for r in out]
    return show_batch(0, names, rows)[3:]  # a batch query prints the table alone


def main():
    rows = json_rows("data", parse_float=str, parse_int=str)
    for r in rows:
        r["x"] = None if r["x"] is None else float(r["x"])
        r["y"] = None if r["y"] is None else float(r["y"])
        r["d"] = None if r["d"] is None else Decimal(r["d"])
        r["e"] = None if r["e"] is None else Decimal(r["e"])
        r["n"] = int(r["n"])
    lines = []

    out = []
    for k, g in groups(rows, lambda r: [r["k"]]):
        out.append([k, dsum(col(g, "x")), davg(col(g, "x")),
                    dsum([r["x"] for r in g if r["n"] > 0]), moments(col(g, "y"), "stddev_samp"),
                    moments(col(g, "y"), "var_samp"), moments(col(g, "x"), "var_pop"),
                    dec_sum_cell(col(g, "d"), 38, 0), dec_avg_cell(col(g, "d"), 38, 0),
                    dec_sum_cell(col(g, "e"), 10, 2), dec_avg_cell(col(g, "e"), 10, 2), len(g)])
    lines += table(["k", "sx", "ax", "sxp", "sdy", "vy", "vpx", "sd", "ad", "se", "ae", "c"], out)

    out = [[dsum(col(rows, "x")), davg(col(rows, "x")), moments(col(rows, "y"), "stddev_pop"),
            moments(col(rows, "x"), "var_samp"), dec_sum_cell(col(rows, "e"), 10, 2),
            dec_avg_cell(col(rows, "e"), 10, 2), len([x for x in col(rows, "x") if x is not None])]]
    lines += table(["sx", "ax", "sdy", "vx", "se", "ae", "cx"], out)

    out = []
    for w, g in sorted(groups(rows, windows), key=lambda kv: kv[0]):
        out.append([w.strftime("%Y-%m-%d %H:%M:%S"), dsum(col(g, "x")), davg(col(g, "y")),
                    moments(col(g, "x"), "stddev_samp"), dec_sum_cell(col(g, "e"), 10, 2), len(g)])
    lines += table(["ws", "sx", "ay", "sdx", "se", "c"], out)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
