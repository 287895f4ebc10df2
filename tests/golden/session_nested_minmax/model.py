#!/usr/bin/env python3
# model.py - the expected output of session_nested_minmax, computed apart from sluice from
# Spark 3.5's sources:
#   AggUtils.planStreamingAggregationForSession: a Partial aggregate per (key, the row's own
#     session) (a point, its rows in order of arrival), the key's stored sessions and the points
#     merged in order of start (a stored one first on a tie) by MergingSessionsIterator into a
#     buffer initialized per session, SessionWindowStateStoreSaveExec (append mode: emits and
#     evicts the sessions whose end <= the watermark), then the Final aggregate.
#   Max / Min (aggregate/Max.scala, Min.scala): update Greatest(max, child) / Least, merge
#     Greatest(max.left, max.right): NULLs skipped, the first of equal values kept.
#   MaxBy / MinBy (MaxByAndMinBy.scala): update and merge take the new (right) value unless the
#     old ordering is strictly greater (smaller), a NULL ordering never taken.
#   First / Last (ignoreNulls false): update takes the first (every) row's value, merge
#     If(valueSet.left, first.left, first.right) / If(valueSet.right, last.right, last.left).
#   The ordering of a STRUCT or ARRAY: spark_order.cmp (a NULL field or element first).
#
#   python3 model.py > expected.out
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import spark_agg  # noqa: E402
from spark_agg import session_cell, session_parts  # noqa: E402
from spark_order import cmp, show  # noqa: E402

GAP = 5 * 60
DELAY = 10 * 60
STEPS = [("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]), ("s3", ["f4.json"])]
NAMES = ["user", "session", "mx", "mn", "mb", "nb", "lm", "fa", "c"]


def num(v):
    return None if v is None else float(v)


def extreme(sign):
    """Greatest (sign 1) / Least (-1): NULL skipped, the left kept on a tie."""
    def f(a, b):
        if b is None:
            return a
        return b if a is None or sign * cmp(b, a) > 0 else a
    return f


def by(sign):
    """MaxBy (sign 1) / MinBy (-1) of buffers (value, ordering)."""
    def f(a, b):
        if b[1] is None:
            return a
        if a[1] is None or not sign * cmp(a[1], b[1]) > 0:
            return b
        return a
    return f


# (buffer of a row, merge of two buffers, the result's text)
AGGS = [
    (lambda r: [num(r["x"]), num(r["n"])], extreme(1), show),
    (lambda r: (r["n"], r["v"]), extreme(-1), show),
    (lambda r: ((r["v"], num(r["x"])), r["n"]), by(1), lambda b: show(b[0])),
    (lambda r: (r["v"], [num(r["n"]), num(r["x"])]), by(-1), lambda b: show(b[0])),
    (lambda r: (True, r["n"]), lambda a, b: b if b[0] else a,
     lambda b: "{k -> %s}" % show(b[1])),
    (lambda r: (True, [r["v"]]), lambda a, b: a if a[0] else b, lambda b: show(b[1])),
]
EMPTY = [None, None, (None, None), (None, None), (False, None), (False, None)]


class Part:
    """A point's partial buffers, or a stored session: [start, end), the buffers, count(*)."""

    def __init__(self, start, end, bufs, c):
        self.start, self.end, self.bufs, self.c = start, end, bufs, c


def fold(bufs_list):
    """Buffers folded left to right into initialized ones (an update is a merge of the row's)."""
    out = list(EMPTY)
    for bufs in bufs_list:
        out = [m(a, b) for (_, m, _), a, b in zip(AGGS, out, bufs)]
    return out


def point(rows):
    t = rows[0]["t"]
    return Part(t, t + GAP, fold([[row_buf(r) for row_buf, _, _ in AGGS] for r in rows]), len(rows))


def merge_key(stored, points):
    return [Part(start, end, fold([x.bufs for x in parts]), sum(x.c for x in parts))
            for start, end, parts in session_parts(stored, points)]


def row(user, s):
    return ([user, session_cell(s.start, s.end)] +
            [text(b) for (_, _, text), b in zip(AGGS, s.bufs)] + [str(s.c)])


def main():
    d = os.path.dirname(os.path.abspath(__file__))
    out = spark_agg.session_append_run(d, STEPS, DELAY, NAMES, point, merge_key, row)
    sys.stdout.write("\n".join(out) + "\n")


main()
