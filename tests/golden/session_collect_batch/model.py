#!/usr/bin/env python3
# model.py - the expected output of session_collect_batch, computed apart from sluice from
# Spark 3.5's sources: AggUtils.planAggregateWithoutDistinct with a session window (one input
# partition): a Partial aggregate per (key, the row's own session) (a point, its rows in order),
# MergingSessionsExec (requiredChildOrdering: the keys, then the session, ascending) merging
# the points of a key in that order into a buffer initialized per session
# (MergingSessionsIterator), then the Final aggregate (a fresh buffer merging the session's).
#   CollectList / CollectSet: buffer ++= deserialize(input) (spark_agg.fht_build: a Scala 2.12
#     HashSet), PercentileDigest.merge (spark_quantile.py), NumericHistogram.merge
#     (spark_histogram.py; x as the INT input's toInt).  Shown as Dataset.show(truncate = false).
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_agg import fht_build, points_by_key, session_parts, utc_seconds  # noqa: E402
from spark_hash import murmur3_bytes  # noqa: E402
from spark_histogram import Histogram  # noqa: E402
from spark_quantile import Digest, INT, java_trunc, roundtrip, show  # noqa: E402
from spark_show import batch, java_double  # noqa: E402
import datetime  # noqa: E402

GAP = 5 * 60
ACC = 4
NAMES = ["user", "s", "e", "vs", "ns", "sv", "pn", "hn", "c"]


class Part:
    def __init__(self, start, end):
        self.start, self.end = start, end
        self.vs, self.ns, self.sv, self.c = [], [], [], 0
        self.d, self.h = Digest(ACC), Histogram(2)


def point(rows):
    p = Part(rows[0]["t"], rows[0]["t"] + GAP)
    p.vs = [r["v"] for r in rows if r["v"] is not None]
    p.ns = fht_build([(r["n"], r["n"] & 0xFFFFFFFF) for r in rows if r["n"] is not None])
    p.sv = fht_build([(r["v"], murmur3_bytes(r["v"].encode(), 42)) for r in rows
                      if r["v"] is not None])
    for r in rows:
        if r["n"] is not None:
            p.d.add(float(r["n"]))
            p.h.add(float(r["n"]))
    p.c = len(rows)
    return p


def session(start, end, parts):
    s = Part(start, end)
    s.vs = [v for x in parts for v in x.vs]
    s.ns = fht_build([e for x in parts for e in fht_build(x.ns)])
    s.sv = fht_build([e for x in parts for e in fht_build(x.sv)])
    for x in parts:
        s.d.merge(roundtrip(x.d, ACC))
        s.h.merge(x.h)
    s.c = sum(x.c for x in parts)
    return s


def fmt(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def row(user, s):
    def arr(xs):
        return "[" + ", ".join(str(x) for x in xs) + "]"
    f = Digest(ACC)
    f.merge(roundtrip(s.d, ACC))
    hn = "NULL" if not s.h.bins else arr("{%d, %s}" % (java_trunc(x, 32), java_double(y))
                                         for x, y in s.h.bins)
    return [user, fmt(s.start), fmt(s.end), arr(s.vs), arr(e[0] for e in fht_build(fht_build(s.ns))),
            arr(e[0] for e in fht_build(fht_build(s.sv))), show(f.percentiles([0.25, 0.5]), INT, True),
            hn, str(s.c)]


def main():
    d = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(d, "data", "events.json"), encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for r in rows:
        r["t"] = utc_seconds(r["time"])
    out = []
    for user, pts in sorted(points_by_key(rows, "user", "t"), key=lambda e: e[0]):
        out += [row(user, session(*x)) for x in session_parts([], [point(p) for p in pts])]
    sys.stdout.write("\n".join(batch(0, NAMES, out)[3:]) + "\n")


main()
