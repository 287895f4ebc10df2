#!/usr/bin/env python3
# model.py - the expected output of batch_nested_acd_mode, computed apart from sluice:
# approx_count_distinct as Spark 3.5's HyperLogLogPlusPlus (HyperLogLogPlusPlusHelper: the
# XxHash64Function hash of the value with seed 42, register hash >>> (64 - p), p = 9; the
# estimate round(m * ln(m / V)) by linear counting while it is under THRESHOLDS(p - 4) = 400),
# the hash as InterpretedHashFunction.hash computes it (spark_hash.py's XXH64); mode
# of a MAP as the first non-NULL map (see test.conf).  Printed as show() prints it.
#
#   python3 model.py > expected.out
import json
import math
import os
import sys
from collections import OrderedDict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_hash import M64, xx_bytes, xx_int  # noqa: E402
from spark_show import batch as show_batch  # noqa: E402


def xxhash(v, seed=42):
    """InterpretedHashFunction.hash: a NULL leaves the seed; a map's keys and values, a list's
    elements, a struct's fields in turn (this data's types: STRING, INT)."""
    if v is None:
        return seed
    if isinstance(v, str):
        return xx_bytes(v.encode("utf-8"), seed)
    if isinstance(v, int):
        return xx_int(v, seed)
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
    registers = {(xxhash(v) & M64) >> (64 - p) for v in values if v is not None}
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
