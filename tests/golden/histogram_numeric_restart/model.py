#!/usr/bin/env python3
# model.py - the expected output of histogram_numeric_restart, computed apart from sluice: a
# python port of Spark 3.5's NumericHistogram (sql/util/NumericHistogram.java: add, trim with
# java.util.Random(31183) breaking ties, merge) and HistogramNumeric.eval (x back to the
# input's type: toInt, toByte), driven by the streaming plan: each batch's rows of a group go
# into a fresh histogram P; the state is S' = copy of P when S is empty, else S ++ P stably
# sorted and trimmed by a fresh object; the output shows S'.  Printed as the console sink's
# show() (truncate = false), complete mode, three batches.
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_histogram import Histogram  # noqa: E402
from spark_show import batch as show_batch, java_double  # noqa: E402

def to_int(x):  # Scala's Double.toInt
    if x != x:
        return 0
    return max(-2 ** 31, min(2 ** 31 - 1, int(x)))


def to_byte(x):  # Double.toByte: toInt, then the low byte
    return (to_int(x) + 128) % 256 - 128


def tinyint(n):  # CAST(n AS TINYINT) without ANSI mode: the low byte
    return (n + 128) % 256 - 128


def show(h, conv):
    if h is None or not h.bins:
        return "NULL"
    return "[" + ", ".join("{%s, %s}" % (conv(x), java_double(y)) for x, y in h.bins) + "]"


AGGS = [  # (name, value of a row or None, nb, x as shown)
    ("hn", lambda r: r.get("n"), 3, lambda x: str(to_int(x))),
    ("hd", lambda r: r.get("d"), 4, java_double),
    ("hb", lambda r: None if r.get("n") is None else tinyint(r["n"]), 2, lambda x: str(to_byte(x))),
    ("histogram_numeric(n, 5)", lambda r: r.get("n"), 5, lambda x: str(to_int(x))),
]
state, counts, out = {}, {}, []
for step in (1, 2, 3):
    out.append("=== step s%d ===" % step)
    parts = {}
    with open("s%d/f%d.json" % (step, step), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            g = r["g"]
            counts[g] = counts.get(g, 0) + 1
            for k, (_, val, nb, _) in enumerate(AGGS):
                v = val(r)
                if v is not None:
                    parts.setdefault((g, k), Histogram(nb)).add(float(v))
    for (g, k), p in parts.items():
        s = state.get((g, k))
        merged = Histogram(p.nb)  # PartialMerge after the restore: a fresh object
        if s is not None:
            merged.merge(s)
        merged.merge(p)
        state[(g, k)] = merged
    rows = [[g, str(counts[g])] + [show(state.get((g, k)), a[3]) for k, a in enumerate(AGGS)]
            for g in sorted(counts)]
    out += show_batch(step - 1, ["g", "c"] + [a[0] for a in AGGS], rows)
print("\n".join(out))
