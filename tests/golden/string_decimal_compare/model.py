#!/usr/bin/env python3
# model.py - the expected output of string_decimal_compare, computed apart from sluice: the
# STRING is read as Cast to DOUBLE reads it (Double.parseDouble: surrounding blanks trimmed,
# NaN and Infinity as spelt; NULL for no number), the DECIMAL as its double, then compared as
# doubles (SQLOrderingUtil.compareDoubles: NaN above everything); <=> is true for two NULLs.
#
#   python3 model.py > expected.out
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch  # noqa: E402


def to_double(s):
    if s is None:
        return None
    t = s.strip()
    if t in ("NaN", "Infinity", "-Infinity", "+Infinity"):
        return float(t.replace("Infinity", "inf"))
    try:
        return float(t)
    except ValueError:
        return None


def cmp(a, b):
    if math.isnan(a) or math.isnan(b):
        return (0 if math.isnan(a) and math.isnan(b) else 1 if math.isnan(a) else -1)
    return (a > b) - (a < b)


def op(a, b, f):
    return None if a is None or b is None else ("true" if f(cmp(a, b)) else "false")


rows = []
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "part-0.json")) as f:
    for line in f:
        r = json.loads(line)
        s, x = to_double(r.get("s")), r.get("x")
        x = None if x is None else float(x)
        ns = "true" if s is not None and cmp(s, 2.5) == 0 else "false"
        rows.append([r["id"], op(s, 2.5, lambda c: c == 0), op(s, 2.5, lambda c: c > 0), ns,
                     op(x, s, lambda c: c < 0)])
sys.stdout.write("\n".join(batch(0, ["id", "eq", "gt", "ns", "xs"], rows)) + "\n")
