#!/usr/bin/env python3
# model.py - the expected output of session_collect_complete, computed apart from sluice from
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
#     A Double's hashCode is doubleToLongBits folded (bits ^ bits >>> 32).
#   Percentile (aggregate/percentiles.scala): the values sorted, position (n - 1) * p, the
#     values at its floor and ceiling interpolated; Mode (Mode.scala, spark_agg.mode_of): the
#     first largest count of an OpenHashMap; both over the session's values in merge order.
#   Micro-batches: one file each (maxFilesPerTrigger = 1); complete mode prints every session
#     key by key in the order the keys entered the state, each key's by start.
#
#   python3 model.py > expected.out
import json
import struct
import os
import sys
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_hash import murmur3_bytes  # noqa: E402
import spark_agg  # noqa: E402
from spark_agg import fht_build, session_parts  # noqa: E402
from spark_show import batch, java_double  # noqa: E402

M32 = 0xFFFFFFFF
GAP = 5 * 60
STEPS = [("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"])]
NAMES = ["user", "session", "xs", "xset", "med", "p25", "mv", "pairs"]


def double_elem(x):
    b = struct.unpack("<Q", struct.pack("<d", x))[0]
    return (x, (b ^ (b >> 32)) & M32)  # numeric ==: -0.0 is 0.0 (none here)


def str_hash(s):
    return murmur3_bytes(s.encode(), 42)


def ts(s):
    return int(datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp())


def fmt(t):
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


class Part:
    """A point's partial buffers, or a stored session: [start, end), the rows' (v, x) in
    order (the lists, percentile's and mode's values), the set xset (serialized order)."""

    def __init__(self, start, end):
        self.start, self.end = start, end
        self.rows, self.xset = [], []


def point(rows):
    p = Part(rows[0]["t"], rows[0]["t"] + GAP)
    p.rows = [(r["v"], r["x"]) for r in rows]
    p.xset = fht_build([double_elem(r["x"]) for r in rows if r["x"] is not None])
    return p


def merge_key(stored, points):
    """Each session's values: its parts' in merge order (the rows appended; each set part
    deserialized, then ++= into one table per session)."""
    out = []
    for start, end, parts in session_parts(stored, points):
        s = Part(start, end)
        s.rows = [r for x in parts for r in x.rows]
        s.xset = fht_build([e for x in parts for e in fht_build(x.xset)])
        out.append(s)
    return out


def percentile(xs, p):
    if not xs:
        return None
    v = sorted(xs)
    pos = (len(v) - 1) * p
    lo, hi = int(pos // 1), -int(-pos // 1)
    if lo == hi or v[lo] == v[hi]:
        return v[lo]
    return (hi - pos) * v[lo] + (pos - lo) * v[hi]


def row(user, s):
    def arr(xs):
        return "[" + ", ".join(xs) + "]"
    xs = [x for _, x in s.rows if x is not None]
    vs = [(v, str_hash(v)) for v, _ in s.rows if v is not None]
    mv = spark_agg.mode_of(vs, lambda e: e[1], lambda e: e[0])
    return [user, "{%s, %s}" % (fmt(s.start), fmt(s.end)), arr(java_double(x) for x in xs),
            arr(java_double(e[0]) for e in fht_build(fht_build(s.xset))),
            java_double(percentile(xs, 0.5)), java_double(percentile(xs, 0.25)),
            "NULL" if mv is None else mv[0],
            arr("{%s, %s}" % ("NULL" if v is None else v, java_double(x)) for v, x in s.rows)]


def main():
    d = os.path.dirname(os.path.abspath(__file__))
    state = {}  # user -> sessions by start; dict order: the order keys entered the state
    out, b = [], 0
    for step, files in STEPS:
        out.append("=== step %s ===" % step)
        for f in files:
            rows = [json.loads(line) for line in open(os.path.join(d, step, f), encoding="utf-8")]
            for r in rows:
                r["t"] = ts(r["time"])
            for user, rs in spark_agg.points_by_key(rows, "user", "t"):
                state[user] = merge_key(state.get(user, []), [point(p) for p in rs])
            out += batch(b, NAMES, [row(u, s) for u in state for s in state[u]])
            b += 1
    sys.stdout.write("\n".join(out) + "\n")


main()
