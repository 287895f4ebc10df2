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


# ---- fdlibm 5.3's e_log.c (StrictMath.log) ----
LN2_HI, LN2_LO, TWO54 = 6.93147180369123816490e-01, 1.90821492927058770002e-10, 1.8014398509481984e16
LG = [6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01,
      2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01,
      1.479819860511658591e-01]


def words(x):
    b = struct.unpack(">q", struct.pack(">d", x))[0]
    return (b >> 32), b & M32  # signed high word, low word


def with_high(x, hi):
    lo = words(x)[1]
    return struct.unpack(">d", struct.pack(">Q", ((hi & M32) << 32) | lo))[0]


def strict_log(x):
    hx, lx = words(x)
    k = 0
    if hx < 0x00100000:
        if ((hx & 0x7FFFFFFF) | lx) == 0:
            return -math.inf
        if hx < 0:
            return math.nan
        k -= 54
        x *= TWO54
        hx = words(x)[0]
    if hx >= 0x7FF00000:
        return x + x
    k += (hx >> 20) - 1023
    hx &= 0x000FFFFF
    i = (hx + 0x95F64) & 0x100000
    x = with_high(x, hx | (i ^ 0x3FF00000))
    k += i >> 20
    f = x - 1.0
    if (0x000FFFFF & (2 + hx)) < 3:
        if f == 0.0:
            return 0.0 if k == 0 else k * LN2_HI + k * LN2_LO
        r = f * f * (0.5 - 0.33333333333333333 * f)
        return f - r if k == 0 else k * LN2_HI - ((r - k * LN2_LO) - f)
    s = f / (2.0 + f)
    dk = float(k)
    z = s * s
    i = hx - 0x6147A
    w = z * z
    j = 0x6B851 - hx
    t1 = w * (LG[1] + w * (LG[3] + w * LG[5]))
    t2 = z * (LG[0] + w * (LG[2] + w * (LG[4] + w * LG[6])))
    i |= j
    r = t2 + t1
    if i > 0:
        hfsq = 0.5 * f * f
        if k == 0:
            return f - (hfsq - s * (hfsq + r))
        return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f)
    if k == 0:
        return f - s * (f - r)
    return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f)


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
        m = math.sqrt(-2 * strict_log(s) / s)
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
