#!/usr/bin/env python3
# model.py - the expected output of tinyint_smallint_joins, from Spark 3.5's rules.  Keys of
# two types compare as the wider one (a TINYINT beside a SMALLINT or an INT widens: the same
# value); a NULL key matches nothing.
# - Stream-static: each batch's events probe the table's hashed relation, which returns the
#   rows of a key last one first (LongToUnsafeRowMap.append); LEFT OUTER pads a miss with
#   NULLs, LEFT SEMI keeps an event with a match, LEFT ANTI one without.
# - Stream-stream inner (StreamingSymmetricHashJoinExec): the batch's left rows join the right
#   side's state of earlier batches, then its right rows join the left state (earlier rows and
#   this batch's), each state in insertion order; no watermark, so nothing is evicted.
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402


def load(path):
    return [json.loads(line) for line in open(path)]


def matches(a, b):
    return a is not None and b is not None and a == b


dim = load("data/dim/d.json")
ev = [load("data/ev/1.json"), load("data/ev/2.json")]
ot = [load("data/ot/1.json"), load("data/ot/2.json")]


def lookup(v, col):
    return [d for d in reversed(dim) if matches(v, d[col])]


def stream_join(lkey, rkey, cols):
    """The batches of a stream-stream inner join: (batch, rows)."""
    left, right, out = [], [], []
    for b in range(len(ev)):
        rows = []
        for e in ev[b]:
            rows += [cols(e, o) for o in right if matches(e[lkey], o[rkey])]
        left += ev[b]
        for o in ot[b]:
            rows += [cols(e, o) for e in left if matches(e[lkey], o[rkey])]
        right += ot[b]
        out.append(rows)
    return out


inner_t = stream_join("t", "t", lambda e, o: [e["id"], o["oid"], e["t"]])
inner_s_t = stream_join("s", "t", lambda e, o: [e["id"], o["oid"], e["s"], o["t"]])
out = []
for b, events in enumerate(ev):
    out += show_batch(b, ["id", "t", "name"],
                      [[e["id"], e["t"], d["name"]] for e in events for d in lookup(e["t"], "t")])
    rows = []
    for e in events:
        rows += [[e["id"], e["s"], d["name"]] for d in lookup(e["s"], "t")] or [[e["id"], e["s"], None]]
    out += show_batch(b, ["id", "s", "name"], rows)
    out += show_batch(b, ["id", "t"], [[e["id"], e["t"]] for e in events if lookup(e["t"], "i")])
    out += show_batch(b, ["id", "s"], [[e["id"], e["s"]] for e in events if not lookup(e["s"], "s")])
    out += show_batch(b, ["id", "oid", "t"], inner_t[b])
    out += show_batch(b, ["id", "oid", "s", "t"], inner_s_t[b])
print("\n".join(out))
