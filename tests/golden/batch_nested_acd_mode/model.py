#!/usr/bin/env python3
# model.py - the expected output of batch_nested_acd_mode, computed apart from sluice:
# approx_count_distinct as Spark 3.5's HyperLogLogPlusPlus (HyperLogLogPlusPlusHelper: the
# XxHash64Function hash of the value with seed 42, register hash >>> (64 - p), p = 9; the
# estimate round(m * ln(m / V)) by linear counting while it is under THRESHOLDS(p - 4) = 400),
# the hash as InterpretedHashFunction.hash computes it (XXH64.hashInt, hashUnsafeBytes); mode
# of a MAP as the first non-NULL map (see test.conf).  Printed as show() prints it.
#
#   python3 model.py > expected.out
import json
import math
import os
import sys
from collections import OrderedDict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

M64 = (1 << 64) - 1
P1, P2, P3 = 0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9
P4, P5 = 0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5


def rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & M64


def fmix(h):
    h ^= h >> 33
    h = (h * P2) & M64
    h ^= h >> 29
    h = (h * P3) & M64
    return h ^ (h >> 32)


def hash_int(i, seed):
    h = (seed + P5 + 4) & M64
    h ^= ((i & 0xFFFFFFFF) * P1) & M64
    return fmix((rotl(h, 23) * P2 + P3) & M64)


def round_long(h, k):  # one 8-byte word of XXH64's tail
    h ^= (rotl((k * P2) & M64, 31) * P1) & M64
    return (rotl(h, 27) * P1 + P4) & M64


def round_stripe(acc, k):
    acc = (acc + k * P2) & M64
    return (rotl(acc, 31) * P1) & M64


def hash_bytes(b, seed):
    n, i = len(b), 0
    if n >= 32:
        v = [(seed + P1 + P2) & M64, (seed + P2) & M64, seed & M64, (seed - P1) & M64]
        while i + 32 <= n:
            for j in range(4):
                v[j] = round_stripe(v[j], int.from_bytes(b[i + 8 * j:i + 8 * j + 8], "little"))
            i += 32
        h = (rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18)) & M64
        for j in range(4):
            h ^= round_stripe(0, v[j])
            h = (h * P1 + P4) & M64
    else:
        h = (seed + P5) & M64
    h = (h + n) & M64
    while i + 8 <= n:
        h = round_long(h, int.from_bytes(b[i:i + 8], "little"))
        i += 8
    if i + 4 <= n:
        h ^= (int.from_bytes(b[i:i + 4], "little") * P1) & M64
        h = (rotl(h, 23) * P2 + P3) & M64
        i += 4
    while i < n:
        h ^= (b[i] * P5) & M64
        h = (rotl(h, 11) * P1) & M64
        i += 1
    return fmix(h)


def xxhash(v, seed=42):
    """InterpretedHashFunction.hash: a NULL leaves the seed; a map's keys and values, a list's
    elements, a struct's fields in turn (this data's types: STRING, INT)."""
    if v is None:
        return seed
    if isinstance(v, str):
        return hash_bytes(v.encode("utf-8"), seed)
    if isinstance(v, int):
        return hash_int(v, seed)
    if isinstance(v, OrderedDict) and "__struct__" in v:
        for f in ("n", "l"):
            seed = xxhash(v[f], seed)
        return seed
    if isinstance(v, dict):
        for key, val in v.items():
            seed = xxhash(val, xxhash(key, seed))
        return seed
    for e in v:
        seed = xxhash(e, seed)
    return seed


def acd(values, p=9):
    m = 1 << p
    registers = {xxhash(v) >> (64 - p) for v in values if v is not None}
    zeros = m - len(registers)
    return round(m * math.log(m / zeros))  # linear counting: under 400 here


def show_map(v):
    if v is None:
        return "NULL"
    return "{" + ", ".join("%s -> %s" % (k, "NULL" if x is None else x) for k, x in v.items()) + "}"


def main():
    rows = []
    with open(os.path.join("data", "f1.json"), encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line, object_pairs_hook=OrderedDict)
            if r["s"] is not None:
                r["s"]["__struct__"] = True
            rows.append(r)
    out = []
    for k in sorted(set(r["k"] for r in rows)):
        g = [r for r in rows if r["k"] == k]
        first = next((r["m"] for r in g if r["m"] is not None), None)
        out.append([k, str(acd([r["m"] for r in g])), str(acd([r["arr"] for r in g])),
                    str(acd([r["s"] for r in g])), show_map(first)])
    lines = show_batch(0, ["k", "am", "aa", "a_s", "mm"], out)
    print("\n".join(lines[3:]))  # a batch query prints the table alone


# Spark's documented example: xxhash64('Spark', array(123), 2) is 5602566077635097486.
assert xxhash(2, xxhash([123], xxhash("Spark"))) == 5602566077635097486

if __name__ == "__main__":
    main()
