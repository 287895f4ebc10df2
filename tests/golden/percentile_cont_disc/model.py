#!/usr/bin/env python3
# model.py - the expected output of percentile_cont / percentile_disc WITHIN GROUP, computed
# apart from sluice from Spark 3.5's aggregate/percentiles.scala: PercentileBase counts each
# non-NULL value in an OpenHashMap (iterated in slot order: 64 slots, home slot Guava's
# murmur3_32().hashInt(hashCode) & mask), sorts the (value, count) pairs stably by the type's
# ordering (reversed for DESC; doubles: NaN largest, -0.0 equal to 0.0), accumulates the counts
# and binary-searches them: PercentileCont is Percentile.getPercentile (position (n - 1) * p,
# linear interpolation unless the keys at floor and ceil are ==), PercentileDisc's
# getPercentile (SPARK-44871) the key whose cumulative count first reaches ceil(n * p).
# Complete mode: each batch prints every group over all rows so far.
#
#   python3 model.py > expected.out
import bisect
import json
import math
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_agg import home_slot, open_hash_map  # noqa: E402
from spark_show import batch as show_batch  # noqa: E402


def java_hash(v):
    """Integer.hashCode or Double.hashCode (doubleToLongBits, NaN canonical), unsigned."""
    if isinstance(v, int):
        return v & 0xFFFFFFFF
    bits = 0x7FF8000000000000 if math.isnan(v) else struct.unpack("<Q", struct.pack("<d", v))[0]
    return (bits ^ (bits >> 32)) & 0xFFFFFFFF


def java_key(v):
    """What Java's equals compares: a double's bits (so -0.0 and 0.0 differ, NaN is one)."""
    if isinstance(v, float):
        return ("d", java_hash(v), "nan" if math.isnan(v) else struct.pack("<d", v))
    return ("i", v)


def counts_in_slot_order(vals):
    """OpenHashMap[AnyRef, Long].toSeq: (key, count) in slot order."""
    tab, cap = open_hash_map(vals, java_hash, java_key)
    for p, (v, _) in tab.items():
        if p != home_slot(v, cap, java_hash):
            sys.exit("a key away from its home slot: the data cannot check Spark's order")
    return [tuple(tab[p]) for p in sorted(tab)]


def order_key(v):
    """SQLOrderingUtil.compareDoubles: NaN above everything, -0.0 == 0.0; ints as they are."""
    if isinstance(v, float) and math.isnan(v):
        return (1, 0.0)
    return (0, v + 0.0 if isinstance(v, float) else v)


def percentile(vals, p, desc, disc):
    if not vals:
        return None
    pairs = sorted(counts_in_slot_order(vals), key=lambda kc: order_key(kc[0]))
    if desc:  # Scala's stable sortBy with ordering.reverse: equal keys keep their slot order
        groups = []
        for kc in pairs:
            if groups and order_key(groups[-1][-1][0]) == order_key(kc[0]):
                groups[-1].append(kc)
            else:
                groups.append([kc])
        pairs = [kc for g in reversed(groups) for kc in g]
    acc, total = [], 0
    for _, c in pairs:
        total += c
        acc.append(total)

    def search(value):  # java.util.Arrays.binarySearch, insertion point when absent
        return bisect.bisect_left(acc, value)
    if disc:
        higher = math.ceil(total * p)
        return float(pairs[search(higher)][0])
    position = (total - 1) * p
    lower, higher = math.floor(position), math.ceil(position)
    lo_key = pairs[search(lower + 1)][0]
    if higher == lower:
        return float(lo_key)
    hi_key = pairs[search(higher + 1)][0]
    if float(hi_key) == float(lo_key):  # Scala's == of two boxed numbers: numeric equality
        return float(lo_key)
    return (higher - position) * float(lo_key) + (position - lower) * float(hi_key)


def read(path):
    rows = []
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            d = r["d"]
            rows.append((r["k"], r["v"], float(d) if d is not None else None))
    return rows


def nn(xs):
    return [x for x in xs if x is not None]


NAMES = ["k", "percentile_cont(0.25) WITHIN GROUP (ORDER BY v)",
         "percentile_cont(0.25) WITHIN GROUP (ORDER BY v DESC)",
         "percentile_disc(0.25) WITHIN GROUP (ORDER BY v)",
         "percentile_disc(0.25) WITHIN GROUP (ORDER BY v DESC)",
         "cd", "cdd", "dd", "ddd", "d0", "d1", "c1", "dpos",
         "percentile_cont(0.5) WITHIN GROUP (ORDER BY v)", "med"]


def group_row(k, rows):
    v = nn(r[1] for r in rows)
    d = nn(r[2] for r in rows)
    vpos = nn(r[1] for r in rows if r[2] is not None and r[2] > 0)
    return [k, percentile(v, 0.25, False, False), percentile(v, 0.25, True, False),
            percentile(v, 0.25, False, True), percentile(v, 0.25, True, True),
            percentile(d, 0.5, False, False), percentile(d, 0.5, True, False),
            percentile(d, 0.5, False, True), percentile(d, 0.5, True, True),
            percentile(d, 0.0, False, True), percentile(d, 1.0, False, True),
            percentile(v, 1.0, True, False), percentile(vpos, 0.7, False, True),
            percentile([x * 2 for x in v], 0.5, False, False), percentile(v, 0.5, False, False)]


seen, lines = [], []
for b, f in enumerate(["data/part-0.json", "data/part-1.json"]):
    seen += read(f)
    keys = sorted(set(r[0] for r in seen))
    lines += show_batch(b, NAMES, [group_row(k, [r for r in seen if r[0] == k]) for k in keys])
print("\n".join(lines))

# Spark's percentiles.sql (SPARK-44871): percentile_disc of 0 .. 4 at 0.0, 0.1, ... 1.0
assert [percentile([0, 1, 2, 3, 4], i / 10, False, True) for i in range(11)] == \
    [0.0, 0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0]
# aggr's k = 0 (0, 10, 20, 30, 40): percentile_cont(0.25) 10.0, DESC 30.0; percentile_disc(0.25)
# 10.0, DESC 30.0
assert percentile([0, 10, 20, 30, 40], 0.25, False, False) == 10.0
assert percentile([0, 10, 20, 30, 40], 0.25, True, False) == 30.0
assert percentile([0, 10, 20, 30, 40], 0.25, False, True) == 10.0
assert percentile([0, 10, 20, 30, 40], 0.25, True, True) == 30.0
