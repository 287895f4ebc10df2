#!/usr/bin/env python3
# model.py - the expected output of interval_sum_avg_restart, computed apart from sluice: the
# buffers of Spark 3.5's Sum, TrySum (aggregate/Sum.scala), Average and TryAverage
# (aggregate/Average.scala) over ANSI intervals, in the order a streaming aggregation applies
# them (AggUtils.planStreamingAggregation): per micro-batch the rows of a group are updated
# into a fresh buffer P in file order, the restored state S is merged with P, and the output
# evaluates the merged buffer.  An interval is added by IntervalMathUtils.addExact (Long µs,
# Int months); the average is DivideDTInterval / DivideYMInterval(sum, count), Guava's
# LongMath.divide HALF_UP.  Values are printed as IntervalUtils.toDayTimeIntervalString /
# toYearMonthIntervalString (ANSI_STYLE) and the console sink's show().
#
#   python3 model.py > expected.out
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

LONG = (-2 ** 63, 2 ** 63 - 1)
INT = (-2 ** 31, 2 ** 31 - 1)
US = {"DAY": 86400 * 10 ** 6, "HOUR": 3600 * 10 ** 6, "MINUTE": 60 * 10 ** 6, "SECOND": 10 ** 6}
FIELDS = ["DAY", "HOUR", "MINUTE", "SECOND"]


class Overflow(Exception):
    pass


def exact(v, rng):
    """Math.addExact: the sum, or ArithmeticException."""
    if not rng[0] <= v <= rng[1]:
        raise Overflow()
    return v


def try_exact(v, rng):
    """addExact inside TryEval: None on overflow."""
    return v if rng[0] <= v <= rng[1] else None


def half_up_div(p, q):
    """LongMath.divide(p, q, HALF_UP): the quotient rounded half away from zero."""
    a, b = abs(p), abs(q)
    r = (2 * a + b) // (2 * b)
    return r if (p < 0) == (q < 0) else -r


def sum_agg(rng):
    """Sum (not TrySum) of an interval: sum NULL, coalesce(add(coalesce(sum, 0), x), sum)."""
    return (None,
            lambda s, x: s if x is None else exact((s or 0) + x, rng),
            lambda l, r: l if r is None else exact((l or 0) + r, rng),
            lambda s: s)


def avg_agg(rng):
    """Average: (sum 0, count 0); add(sum, coalesce(x, 0)); NULL for a count of 0."""
    return ((0, 0),
            lambda b, x: (exact(b[0] + (x or 0), rng), b[1] + (x is not None)),
            lambda l, r: (exact(l[0] + r[0], rng), l[1] + r[1]),
            lambda b: None if b[1] == 0 else half_up_div(b[0], b[1]))


def try_sum_agg(rng):
    """TrySum (shouldTrackIsEmpty): (sum 0, isEmpty); TryEval makes the sum NULL for good."""
    def update(b, x):
        if x is None:
            return b
        return (None if b[0] is None else try_exact(b[0] + x, rng), False)

    def merge(l, r):
        if (not l[1] and l[0] is None) or (not r[1] and r[0] is None):
            return (None, l[1] and r[1])
        return (try_exact(l[0] + r[0], rng), l[1] and r[1])
    return ((0, True), update, merge, lambda b: None if b[1] else b[0])


def try_avg_agg(rng):
    """TryAverage: Average's buffer, each addition in TryEval; a NULL sum with a count is an
    overflow (bufferOverflow || inputOverflow); the result TryEval(...) is NULL then."""
    def update(b, x):
        return (None if b[0] is None else try_exact(b[0] + (x or 0), rng), b[1] + (x is not None))

    def merge(l, r):
        if (l[0] is None and l[1] > 0) or (r[0] is None and r[1] > 0):
            return (None, l[1] + r[1])
        return (try_exact(l[0] + r[0], rng), l[1] + r[1])
    return ((0, 0), update, merge,
            lambda b: None if b[1] == 0 or b[0] is None else half_up_div(b[0], b[1]))


def parse_dt(s):
    """A DAY TO SECOND string [-]d hh:mm:ss[.ffffff] as µs."""
    m = re.fullmatch(r"(-?)(\d+) (\d+):(\d+):(\d+)(?:\.(\d+))?", s)
    us = (((int(m[2]) * 24 + int(m[3])) * 60 + int(m[4])) * 60 + int(m[5])) * 10 ** 6
    us += int((m[6] or "").ljust(6, "0"))
    return -us if m[1] else us


def parse_ym(s):
    """A YEAR TO MONTH string [-]y-m as months."""
    m = re.fullmatch(r"(-?)(\d+)-(\d+)", s)
    months = int(m[2]) * 12 + int(m[3])
    return -months if m[1] else months


def seconds(rest):
    """The seconds of rest µs: a leading 0 under 10, then BigDecimal.valueOf(rest, 6)
    .stripTrailingZeros.toPlainString."""
    whole, frac = divmod(rest, 10 ** 6)
    text = str(whole) + ("." + ("%06d" % frac).rstrip("0") if frac else "")
    return ("0" if rest < 10 * 10 ** 6 else "") + text


def dt_string(us, start, end):
    """IntervalUtils.toDayTimeIntervalString, ANSI_STYLE."""
    rest = abs(us)
    out = "-" if us < 0 else ""
    first = FIELDS.index(start)
    for f in FIELDS[first:FIELDS.index(end) + 1]:
        if f == "SECOND":
            out += ("" if f == start else ":") + seconds(rest)
            continue
        n, rest = divmod(rest, US[f])
        sep = "" if f == start else " " if f == "HOUR" else ":"
        out += sep + (str(n) if f == "DAY" else "%02d" % n)
    unit = start if start == end else "%s TO %s" % (start, end)
    return "INTERVAL '%s' %s" % (out, unit)


def ym_string(months, start, end):
    """IntervalUtils.toYearMonthIntervalString, ANSI_STYLE."""
    sign = "-" if months < 0 else ""
    a = abs(months)
    if start == end == "MONTH":
        return "INTERVAL '%s%d' MONTH" % (sign, a)
    if start == end == "YEAR":
        return "INTERVAL '%s%d' YEAR" % (sign, a // 12)
    return "INTERVAL '%s%d-%d' YEAR TO MONTH" % (sign, a // 12, a % 12)


DTS = lambda v: None if v is None else dt_string(v, "DAY", "SECOND")  # noqa: E731
HOUR = lambda v: None if v is None else dt_string(v, "HOUR", "HOUR")  # noqa: E731
MONTH = lambda v: None if v is None else ym_string(v, "MONTH", "MONTH")  # noqa: E731
YTM = lambda v: None if v is None else ym_string(v, "YEAR", "MONTH")  # noqa: E731


def count_agg():
    return (0, lambda c, x: c + 1, lambda l, r: l + r, lambda c: c)


# (name, aggregate, column, printed as)
GROUPS = [("sum(d)", sum_agg(LONG), "d", DTS), ("avg(d)", avg_agg(LONG), "d", DTS),
          ("sum(h)", sum_agg(LONG), "h", HOUR), ("avg(h)", avg_agg(LONG), "h", DTS),
          ("sum(m)", sum_agg(INT), "m", MONTH), ("avg(m)", avg_agg(INT), "m", YTM),
          ("tsb", try_sum_agg(LONG), "bd", DTS), ("tab", try_avg_agg(LONG), "bd", DTS),
          ("tsm", try_sum_agg(INT), "bm", YTM), ("tam", try_avg_agg(INT), "bm", YTM),
          ("c", count_agg(), "g", str)]
UPDATES = [("sd", sum_agg(LONG), "d", DTS), ("am", avg_agg(INT), "m", YTM),
           ("tsh", try_sum_agg(LONG), "h", HOUR)]


def fold(aggs, state, rows):
    """S' = merge(S, P), P the group's rows of the batch updated into a fresh buffer."""
    out = []
    for k, (_, (init, update, merge, _), col, _) in enumerate(aggs):
        p = init
        for r in rows:
            p = update(p, r[col])
        out.append(merge(state[k] if state else init, p))
    return out


def row(aggs, g, state):
    cells = [show(ev(b)) for (_, (_, _, _, ev), _, show), b in zip(aggs, state)]
    return [g] + ["NULL" if c is None else c for c in cells]


def read(step, name):
    rows = []
    with open(os.path.join(step, name), encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            for col in ("d", "bd"):
                r[col] = None if r[col] is None else parse_dt(r[col])
            r["h"] = None if r["h"] is None else int(r["h"]) * US["HOUR"]
            r["m"] = None if r["m"] is None else int(r["m"])
            r["bm"] = None if r["bm"] is None else parse_ym(r["bm"])
            rows.append(r)
    return rows


PLAN = (("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]), ("s3", ["f4.json"]))


def main():
    groups, updates, lines, batch_id = {}, {}, [], 0
    for step, files in PLAN:
        lines.append("=== step %s ===" % step)
        for name in files:
            rows = read(step, name)
            seen = []
            for r in rows:
                if r["g"] not in seen:
                    seen.append(r["g"])
            for g in seen:
                mine = [r for r in rows if r["g"] == g]
                groups[g] = fold(GROUPS, groups.get(g), mine)
                updates[g] = fold(UPDATES, updates.get(g), mine)
            lines += show_batch(batch_id, ["g"] + [a[0] for a in GROUPS],
                                [row(GROUPS, g, groups[g]) for g in sorted(groups)])
            lines += show_batch(batch_id, ["g"] + [a[0] for a in UPDATES],
                                [row(UPDATES, g, updates[g]) for g in seen])
            batch_id += 1
    print("\n".join(lines))


main()
