#!/usr/bin/env python3
# model.py - the expected output of session_approx_percentile, computed apart from sluice from
# Spark 3.5's sources:
#   AggUtils.planStreamingAggregationForSession: a Partial aggregate per (key, the row's own
#     session) (a point), the key's stored sessions and the points merged in order of start (a
#     stored one first on a tie) by MergingSessionsIterator into a buffer initialized per
#     session, SessionWindowStateStoreSaveExec (append mode: emits and evicts the sessions whose
#     end <= the watermark), then the Final aggregate (a fresh buffer merging the saved one).
#   ApproximatePercentile (TypedImperativeAggregate over PercentileDigest): update adds a
#     non-NULL value (PercentileDigest.add), serialize writes the compressed QuantileSummaries,
#     merge is PercentileDigest.merge = QuantileSummaries.merge of both compressed summaries;
#     eval queries them (spark_quantile.py), the INT column's result as Scala's toInt.
#
#   python3 model.py > expected.out
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import spark_agg  # noqa: E402
from spark_agg import session_cell, session_parts  # noqa: E402
from spark_quantile import Digest, INT, roundtrip, show  # noqa: E402
from spark_show import java_double  # noqa: E402

GAP = 5 * 60
DELAY = 10 * 60
STEPS = [("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]), ("s3", ["f4.json"])]
NAMES = ["user", "session", "px", "pn", "cx", "c"]
PX, ACC_X = [0.05, 0.25, 0.5, 0.9, 1.0], 10
PN, ACC_N = [0.5], 20


class Part:
    """A point's partial buffers (serialized), or a stored session: [start, end), the digests
    of x and n, count(x), count(*)."""

    def __init__(self, start, end, dx, dn, cx, c):
        self.start, self.end = start, end
        self.dx, self.dn, self.cx, self.c = dx, dn, cx, c


def point(rows):
    dx, dn = Digest(ACC_X), Digest(ACC_N)
    for r in rows:
        if r["x"] is not None:
            dx.add(float(r["x"]))
        if r["n"] is not None:
            dn.add(float(r["n"]))
    t = rows[0]["t"]
    return Part(t, t + GAP, roundtrip(dx, ACC_X), roundtrip(dn, ACC_N),
                sum(r["x"] is not None for r in rows), len(rows))


def merge_key(stored, points):
    out = []
    for start, end, parts in session_parts(stored, points):
        dx, dn = Digest(ACC_X), Digest(ACC_N)  # initialized per session
        for x in parts:
            dx.merge(roundtrip(x.dx, ACC_X))
            dn.merge(roundtrip(x.dn, ACC_N))
        out.append(Part(start, end, roundtrip(dx, ACC_X), roundtrip(dn, ACC_N),
                        sum(x.cx for x in parts), sum(x.c for x in parts)))
    return out


def final(d, acc, pcts):
    f = Digest(acc)
    f.merge(roundtrip(d, acc))
    return f.percentiles(pcts)


def row(user, s):
    return [user, session_cell(s.start, s.end), show(final(s.dx, ACC_X, PX), java_double, True),
            show(final(s.dn, ACC_N, PN), INT, False), str(s.cx), str(s.c)]


def main():
    d = os.path.dirname(os.path.abspath(__file__))
    out = spark_agg.session_append_run(d, STEPS, DELAY, NAMES, point, merge_key, row)
    sys.stdout.write("\n".join(out) + "\n")


main()
