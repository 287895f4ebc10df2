#!/usr/bin/env python3
# model.py - the expected output of session_collect_append, computed apart from sluice from
# Spark 3.5's sources:
#   AggUtils.planStreamingAggregationForSession: a Partial aggregate per (key, the row's own
#     session [t, t + gap)) (a point), SessionWindowStateStoreRestoreExec's
#     MergingSortWithSessionWindowStateIterator (the key's stored sessions and the points,
#     sorted by start, a stored one first on a tie), MergingSessionsIterator (a part joins the
#     session while its start <= the session's end, merged into a buffer initialized per
#     session), SessionWindowStateStoreSaveExec (every session of a touched key put; append
#     mode evicts and emits the sessions whose end <= the watermark), then the Final aggregate.
#   CollectList / CollectSet (aggregate/collect.scala, TypedImperativeAggregate): NULL skipped;
#     merge is buffer ++= deserialize(input); a list keeps order, a set is a Scala 2.12
#     mutable.HashSet (FlatHashTable: 32 slots, x2 at 45 %, refilled in slot order, index =
#     top bits of byteswap32(hashCode) rotated by bitCount(slots - 1), linear probing, slot-order
#     iteration); hashCode of an Integer is its value, of a UTF8String Murmur3 (seed 42).
#     So per session a set is S' = B(B(X1) ++ B(X2) ++ ...) for its parts X in merge order (a
#     point's X = B(its rows)), and the result is B(B(S')), B = "insert in order into a new
#     set, read back in slot order".
#   Micro-batches: one file each (maxFilesPerTrigger = 1); a batch uses the watermark of the
#     batches before it (max event time - 10 minutes); after a run's last file, a no-data batch
#     when the watermark moved.  Rows come out key by key in the order the keys entered the
#     state (a key whose sessions all went enters again at the end), each key's by start.
#
#   python3 model.py > expected.out
import json
import os
import sys
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import spark_agg  # noqa: E402
from spark_agg import fht_build, session_parts  # noqa: E402
from spark_hash import murmur3_bytes  # noqa: E402
from spark_show import batch  # noqa: E402

M32 = 0xFFFFFFFF
GAP = 5 * 60
DELAY = 10 * 60
STEPS = [("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]), ("s3", ["f4.json"]),
         ("s4", ["f5.json"])]
NAMES = ["user", "session", "vs", "ns", "sv", "c"]


def int_elem(n):
    return (n, n & M32)


def str_elem(s):
    return (s, murmur3_bytes(s.encode(), 42))


def ts(s):
    return int(datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp())


def fmt(t):
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


class Part:
    """A point's partial buffers, or a stored session: [start, end), list vs, sets ns and sv
    (in their serialized order), count."""

    def __init__(self, start, end):
        self.start, self.end = start, end
        self.vs, self.ns, self.sv, self.c = [], [], [], 0


def point(rows):
    p = Part(rows[0]["t"], rows[0]["t"] + GAP)
    p.vs = [r["v"] for r in rows if r["v"] is not None]
    p.ns = fht_build([int_elem(r["n"]) for r in rows if r["n"] is not None])
    p.sv = fht_build([str_elem(r["v"]) for r in rows if r["v"] is not None])
    p.c = len(rows)
    return p


def merge_key(stored, points):
    """Each session's values: its parts' in merge order (lists appended; each set part
    deserialized, then ++= into one table per session)."""
    out = []
    for start, end, parts in session_parts(stored, points):
        s = Part(start, end)
        s.vs = [v for x in parts for v in x.vs]
        s.ns = fht_build([e for x in parts for e in fht_build(x.ns)])
        s.sv = fht_build([e for x in parts for e in fht_build(x.sv)])
        s.c = sum(x.c for x in parts)
        out.append(s)
    return out


def row(user, s):
    def arr(xs):
        return "[" + ", ".join(str(x) for x in xs) + "]"
    return [user, "{%s, %s}" % (fmt(s.start), fmt(s.end)), arr(s.vs),
            arr(e[0] for e in fht_build(fht_build(s.ns))),
            arr(e[0] for e in fht_build(fht_build(s.sv))), str(s.c)]


def main():
    d = os.path.dirname(os.path.abspath(__file__))
    out = spark_agg.session_append_run(d, STEPS, DELAY, NAMES, point, merge_key, row)
    sys.stdout.write("\n".join(out) + "\n")


main()
