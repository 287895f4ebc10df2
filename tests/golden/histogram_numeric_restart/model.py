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
import math
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch, java_double  # noqa: E402

MASK48 = (1 << 48) - 1


class JavaRandom:
    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & MASK48

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & MASK48
        v = self.seed >> (48 - bits)
        return v - (1 << bits) if bits == 32 and v >> 31 else v

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * 2.0 ** -53


class Histogram:
    def __init__(self, nb):
        self.nb, self.bins, self.prng = nb, [], JavaRandom(31183)  # [x, y] pairs

    def add(self, v):
        b, lo, hi = 0, 0, len(self.bins)
        while lo < hi:
            b = (lo + hi) // 2
            if self.bins[b][0] > v:
                hi = b
            elif self.bins[b][0] < v:
                b += 1
                lo = b
            else:
                break
        if b < len(self.bins) and self.bins[b][0] == v:
            self.bins[b][1] += 1
        else:
            self.bins.insert(b, [v, 1.0])
            if len(self.bins) > self.nb:
                self.trim()

    def trim(self):
        while len(self.bins) > self.nb:
            bins = self.bins
            smallest, loc, count = bins[1][0] - bins[0][0], 0, 1
            for i in range(1, len(bins) - 1):
                diff = bins[i + 1][0] - bins[i][0]
                if diff < smallest:
                    smallest, loc, count = diff, i, 1
                elif diff == smallest:
                    count += 1
                    if self.prng.next_double() <= 1.0 / count:
                        loc = i
            d = bins[loc][1] + bins[loc + 1][1]
            x = bins[loc][0] * (bins[loc][1] / d)
            x += bins[loc + 1][0] / d * bins[loc + 1][1]
            bins[loc] = [x, d]
            del bins[loc + 1]

    def merge(self, other):
        if not self.bins:
            self.bins = [list(b) for b in other.bins]
            return
        # Collections.sort: stable, by Double.compare (no NaN or -0.0 tie here but sort keys)
        tmp = [list(b) for b in self.bins] + [list(b) for b in other.bins]
        tmp.sort(key=lambda b: (b[0], math.copysign(1.0, b[0])))
        self.bins = tmp
        self.trim()


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
