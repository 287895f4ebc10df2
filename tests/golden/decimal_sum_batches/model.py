#!/usr/bin/env python3
# model.py - the expected output of decimal_sum_batches, computed apart from sluice: Spark 3.5's
# Sum and Average of a DECIMAL without ANSI mode (aggregate/Sum.scala, Average.scala), whose
# sum buffer is a DECIMAL(min(38, p + 10), s) in an UnsafeRow (setDecimal: NULL once it needs
# more digits; DecimalAddNoOverflowCheck and Sum's merge keep a NULL), in the order a
# streaming aggregation applies them (AggUtils.planStreamingAggregation): per micro-batch the
# group's rows are added to a fresh buffer P in file order, then the restored state S and P
# are merged.  Average's result is DecimalDivideWithOverflowCheck(sum, count, DECIMAL(p + 4,
# s + 4)): Decimal's / (BigDecimal.divide at scale 38, HALF_UP), then toPrecision HALF_UP.
#
#   python3 model.py > expected.out
import decimal
import json
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

decimal.getcontext().prec = 200
OVF = "overflow"  # a buffer whose sum is NULL after values (isEmpty false)


def fits(v, p):
    return abs(v) < Decimal(10) ** p


class Agg:
    """Sum (avg = False) or Average (avg = True) of a DECIMAL(p, s) column."""

    def __init__(self, col, p, s, avg):
        self.col, self.avg = col, avg
        self.sum_p, self.s = min(38, p + 10), s
        self.res_p, self.res_s = (min(38, p + 4), min(38, s + 4)) if avg else (self.sum_p, s)

    def init(self):
        return (Decimal(0), 0)  # (sum or OVF, count of values)

    def add(self, a, b):
        if a == OVF or b == OVF:
            return OVF
        v = a + b
        return v if fits(v, self.sum_p) else OVF

    def update(self, buf, x):
        return buf if x is None else (self.add(buf[0], x), buf[1] + 1)

    def merge(self, l, r):
        return (self.add(l[0], r[0]), l[1] + r[1])

    def evaluate(self, buf):
        total, n = buf
        if n == 0 or total == OVF:
            return None
        if not self.avg:
            return total
        q = (total / n).quantize(Decimal(1).scaleb(-38), ROUND_HALF_UP)
        q = q.quantize(Decimal(1).scaleb(-self.res_s), ROUND_HALF_UP)
        return q if fits(q, self.res_p - self.res_s) else None


def cell(v):
    return "NULL" if v is None else ("%s" % v if isinstance(v, int) else format(v, "f"))


D, E, F = ("d", 38, 0), ("e", 30, 2), ("f", 38, 10)
GROUPS = [("sd", Agg(*D, False)), ("ad", Agg(*D, True)), ("td", Agg(*D, False)),
          ("tad", Agg(*D, True)), ("se", Agg(*E, False)), ("ae", Agg(*E, True)),
          ("af", Agg(*F, True)), ("taf", Agg(*F, True))]
TOTAL = [("sd", Agg(*D, False)), ("ae", Agg(*E, True)), ("af", Agg(*F, True))]


def value(r, col, scale):
    v = r[col]
    return None if v is None else Decimal(str(v)).quantize(Decimal(1).scaleb(-scale))


def fold(aggs, state, rows):
    out = []
    for k, (_, agg) in enumerate(aggs):
        p = agg.init()
        for r in rows:
            p = agg.update(p, value(r, agg.col, agg.s))
        out.append(agg.merge(state[k] if state else agg.init(), p))
    return out


def main():
    groups, total, n_total, lines, batch_id = {}, None, 0, [], 0
    for step, files in (("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"])):
        lines.append("=== step %s ===" % step)
        for name in files:
            with open(os.path.join(step, name), encoding="utf-8") as fh:
                rows = [json.loads(line, parse_float=str) for line in fh if line.strip()]
            for g in sorted(set(r["g"] for r in rows)):
                groups[g] = fold(GROUPS, groups.get(g), [r for r in rows if r["g"] == g])
            total = fold(TOTAL, total, rows)
            n_total += len(rows)
            out1 = [[g] + [cell(GROUPS[k][1].evaluate(b)) for k, b in enumerate(groups[g])]
                    for g in sorted(groups)]
            out2 = [[cell(TOTAL[k][1].evaluate(b)) for k, b in enumerate(total)] + [str(n_total)]]
            lines += show_batch(batch_id, ["g"] + [a[0] for a in GROUPS], out1)
            lines += show_batch(batch_id, [a[0] for a in TOTAL] + ["n"], out2)
            batch_id += 1
    print("\n".join(lines))


if __name__ == "__main__":
    main()
