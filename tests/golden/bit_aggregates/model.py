#!/usr/bin/env python3
# model.py - the expected output of bit_aggregates, computed apart from sluice: Spark's
# BitAggregate (aggregate/bitwiseAggregates.scala) skips NULLs, starts from the first value and
# combines the rest with &, | or ^ (two's complement; INT stays 32-bit); a group of only NULLs
# is NULL.  Printed as show() prints it (truncate = false), once per batch of two files.
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402
from functools import reduce

files = ["data/part-%d.json" % i for i in range(4)]
ops = {"and": lambda x, y: x & y, "or": lambda x, y: x | y, "xor": lambda x, y: x ^ y}


def agg(values, op):
    vals = [v for v in values if v is not None]
    return None if not vals else reduce(ops[op], vals)


seen = []
lines = []
for batch in range(2):
    for f in sorted(files)[2 * batch:2 * batch + 2]:
        with open(f) as fh:
            seen += [json.loads(line) for line in fh if line.strip()]
    out = []
    for k in sorted(set(r["k"] for r in seen)):
        rs = [r for r in seen if r["k"] == k]
        n = [r["n"] for r in rs]
        b = [r["b"] for r in rs]
        out.append([k, agg(n, "and"), agg(n, "or"), agg(n, "xor"), agg(b, "and"), agg(b, "or"),
                    agg(b, "xor"), agg([v if v is not None and v > 0 else None for v in n], "xor")])
    lines += show_batch(batch, ["k", "an", "o_n", "xn", "ab", "ob", "xb", "xpos"], out)
print("\n".join(lines))
