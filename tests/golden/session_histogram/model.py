#!/usr/bin/env python3
# model.py - the expected output of session_histogram, computed apart from sluice from Spark
# 3.5's sources:
#   AggUtils.planStreamingAggregationForSession: a Partial aggregate per (key, the row's own
#     session) (a point), the key's stored sessions and the points merged in order of start (a
#     stored one first on a tie) by MergingSessionsIterator into a buffer made per session
#     (TypedImperativeAggregate.initialize: createAggregationBuffer), SessionWindowStateStore-
#     SaveExec (append mode: emits and evicts the sessions whose end <= the watermark), then the
#     Final aggregate (a fresh buffer merging the saved one: a copy).
#   HistogramNumeric over NumericHistogram (spark_histogram.py): update adds a non-NULL value,
#     merge is NumericHistogram.merge (a copy into a histogram without bins, else both sides'
#     bins sorted and trimmed with the buffer's own Random); eval's x as the input's type (an
#     INT's toInt).
#
#   python3 model.py > expected.out
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import spark_agg  # noqa: E402
from spark_agg import session_cell, session_parts  # noqa: E402
from spark_histogram import Histogram  # noqa: E402
from spark_quantile import java_trunc  # noqa: E402
from spark_show import java_double  # noqa: E402

GAP = 5 * 60
DELAY = 10 * 60
STEPS = [("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]), ("s3", ["f4.json"])]
NAMES = ["user", "session", "hn", "hd", "c"]
AGGS = [("n", 3, lambda x: str(java_trunc(x, 32))), ("d", 4, java_double)]


class Part:
    """A point's partial buffers, or a stored session: [start, end), a histogram per
    aggregate, count(*)."""

    def __init__(self, start, end, hs, c):
        self.start, self.end, self.hs, self.c = start, end, hs, c


def point(rows):
    hs = [Histogram(nb) for _, nb, _ in AGGS]
    for r in rows:
        for h, (col, _, _) in zip(hs, AGGS):
            if r[col] is not None:
                h.add(float(r[col]))
    t = rows[0]["t"]
    return Part(t, t + GAP, hs, len(rows))


def merge_key(stored, points):
    out = []
    for start, end, parts in session_parts(stored, points):
        hs = [Histogram(nb) for _, nb, _ in AGGS]  # made per session
        for x in parts:
            for h, o in zip(hs, x.hs):
                h.merge(o)
        out.append(Part(start, end, hs, sum(x.c for x in parts)))
    return out


def show(h, conv):
    if not h.bins:
        return "NULL"
    return "[" + ", ".join("{%s, %s}" % (conv(x), java_double(y)) for x, y in h.bins) + "]"


def row(user, s):
    return ([user, session_cell(s.start, s.end)] +
            [show(h, conv) for h, (_, _, conv) in zip(s.hs, AGGS)] + [str(s.c)])


def main():
    d = os.path.dirname(os.path.abspath(__file__))
    out = spark_agg.session_append_run(d, STEPS, DELAY, NAMES, point, merge_key, row)
    sys.stdout.write("\n".join(out) + "\n")


main()
