#!/usr/bin/env python3
# model.py - the expected output of partition_fns_batch, computed apart from sluice: Spark 3.5's
# partitions of a file scan (FileSourceScanExec: the files longest first, a stable sort; each
# file a partition of its own, an empty file none), Rand/Randn (XORShiftRandom(seed +
# partitionIndex): hashSeed by scala.util.hashing.MurmurHash3.bytesHash, java.util.Random's
# nextDouble and nextGaussian with StrictMath's fdlibm log), MonotonicallyIncreasingID and
# SparkPartitionID, evaluated once per row that reaches them, each call its own generator.
# Checked against Spark's documented values: rand(0) = 0.7604953758285915 and randn(0) =
# 1.6034991609278433 (randomExpressions.scala's examples).
#
#   python3 model.py > expected.out
import json
import math
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402
from fdlibm import fd_log  # noqa: E402

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF


# ---- scala.util.hashing.MurmurHash3.bytesHash ----
def rotl(x, r):
    return ((x << r) | (x >> (32 - r))) & M32


def bytes_hash(data, seed):
    h = seed & M32
    n = len(data) // 4 * 4
    for i in range(0, n, 4):
        k = data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24
        k = (k * 0xCC9E2D51) & M32
        k = rotl(k, 15)
        k = (k * 0x1B873593) & M32
        h ^= k
        h = rotl(h, 13)
        h = (h * 5 + 0xE6546B64) & M32
    assert n == len(data)  # 8 bytes: no tail
    h ^= len(data)
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    h ^= h >> 16
    return h


class XORShiftRandom:
    """org.apache.spark.util.random.XORShiftRandom over java.util.Random's methods."""

    def __init__(self, seed):
        data = struct.pack(">q", seed)
        lo = bytes_hash(data, 0x3C074A61)  # MurmurHash3.arraySeed
        hi = bytes_hash(data, lo)
        self.seed = (hi << 32) | lo
        self.next_gaussian = None

    def next(self, bits):
        x = self.seed
        x ^= (x << 21) & M64
        x ^= x >> 35
        x ^= (x << 4) & M64
        self.seed = x
        return x & ((1 << bits) - 1)

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * 2.0 ** -53

    def gaussian(self):
        if self.next_gaussian is not None:
            g, self.next_gaussian = self.next_gaussian, None
            return g
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if s < 1 and s != 0:
                break
        m = math.sqrt(-2 * fd_log(s) / s)
        self.next_gaussian = v2 * m
        return v1 * m


def s64(x):
    x &= M64
    return x - (1 << 64) if x >> 63 else x


class Call:
    """One call site: its state per partition (Nondeterministic.initialize)."""

    def __init__(self, seed=None):
        self.seed = seed

    def start(self, part):
        self.part, self.count = part, 0
        self.rng = XORShiftRandom(s64(self.seed + part)) if self.seed is not None else None

    def rand(self):
        return self.rng.next_double()

    def randn(self):
        return self.rng.gaussian()

    def mono_id(self):
        self.count += 1
        return (self.part << 33) + self.count - 1


def partitions(d):
    """The scan's partitions: non-empty files longest first, ties in the batch's order (name
    order here, the files' modification order)."""
    files = sorted(os.listdir(d))
    files = sorted(files, key=lambda f: -os.path.getsize(os.path.join(d, f)))
    parts = []
    for f in files:
        if os.path.getsize(os.path.join(d, f)) == 0:
            continue
        with open(os.path.join(d, f)) as fh:
            parts.append([json.loads(line) for line in fh if line.strip()])
    return parts


def show(names, rows):
    print("\n".join(show_batch(0, names, rows)[3:]))


def main():
    assert XORShiftRandom(0).next_double() == 0.7604953758285915
    assert XORShiftRandom(0).gaussian() == 1.6034991609278433
    parts = partitions(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))

    # Query 1: every row.
    mono, r1, r2, g, r0 = Call(), Call(42), Call(42), Call(-7), Call(0)
    rows = []
    for p, recs in enumerate(parts):
        for c in (mono, r1, r2, g, r0):
            c.start(p)
        for rec in recs:
            rows.append([rec["k"], rec["v"], p, mono.mono_id(), r1.rand(),
                         int(r2.rand() * 9007199254740992), g.randn(), r0.rand()])
    show(["k", "v", "SPARK_PARTITION_ID()", "id", "r", "r53", "g", "rand(NULL)"], rows)

    # Query 2: WHERE v > 2 AND rand(5) < 0.6, conjunct by conjunct.
    w, mono, r, ra, rb = Call(5), Call(), Call(1), Call(2), Call(2)
    rows = []
    for p, recs in enumerate(parts):
        for c in (w, mono, r, ra, rb):
            c.start(p)
        for rec in recs:
            if rec["v"] is None or not rec["v"] > 2:
                continue
            if not w.rand() < 0.6:
                continue
            rows.append([rec["k"], rec["v"], mono.mono_id(), r.rand(), 10 * ra.rand() + rb.randn()])
    show(["k", "v", "id", "r", "x"], rows)

    # Query 3: grouped by partition.
    mono, g = Call(), Call(3)
    rows = []
    for p, recs in enumerate(parts):
        mono.start(p)
        g.start(p)
        last, s = None, 0.0
        for rec in recs:
            i = mono.mono_id()
            last = i if last is None else max(last, i)
            s += g.randn()
        rows.append([p, len(recs), last, s])
    show(["p", "n", "last_id", "s"], rows)


if __name__ == "__main__":
    main()
