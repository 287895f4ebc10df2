#!/usr/bin/env python3
# model.py - the expected output of bin_bigint, computed apart from sluice: Bin is
# Long.toBinaryString of the value cast to BIGINT (two's complement, no leading zeros; a DOUBLE
# truncated, a STRING read by UTF8String.toLong: trimmed, NULL if no number); WidthBucket with
# min < max: 0 below min, numBucket + 1 at or above max, else (long)(numBucket.toDouble *
# (value - min) / (max - min)) + 1.
#
#   python3 model.py > expected.out
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch  # noqa: E402

N = 4294967296


def to_bin(v):
    return None if v is None else format(v & (2**64 - 1), "b")


def str_long(s):
    t = s.strip()
    try:
        return int(t)
    except ValueError:
        return None


def bucket(v):
    if v is None:
        return None
    if v < 0:
        return 0
    if v >= 10:
        return N + 1
    return int(float(N) * (v - 0) / (10 - 0)) + 1


rows = []
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "part-0.json")) as f:
    for line in f:
        r = json.loads(line)
        d = r.get("d")
        s = r.get("s")
        rows.append([r["id"], to_bin(r.get("b")), to_bin(None if d is None else math.trunc(d)),
                     to_bin(None if s is None else str_long(s)), bucket(d)])
sys.stdout.write("\n".join(batch(0, ["id", "bb", "bd", "bs", "wb"], rows)) + "\n")
