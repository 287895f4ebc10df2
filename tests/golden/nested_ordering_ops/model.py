#!/usr/bin/env python3
# model.py - the expected output of nested_ordering_ops, computed apart from sluice from Spark
# 3.5's rules: StructType/ArrayType.interpretedOrdering (InterpretedOrdering.forSchema, every
# field Ascending and so NULLS FIRST) compares a struct field by field and an array element by
# element, the first pair that differs decides, a NULL before any value and two NULLs equal,
# then the shorter array first; doubles by SQLOrderingUtil.compareDoubles (NaN largest, NaN =
# NaN, -0.0 = 0.0).  LessThan, EqualTo, ... are NULL when an operand is, EqualNullSafe never;
# In is true on an equal value, else NULL when the value or an item is NULL; Greatest/Least
# fold from NULL and take a non-NULL argument that orders strictly after (before) the result.
# SortArray sorts stably (java.util.Arrays.sort) with NULLs first ascending and last
# descending (the comparison reversed), ArraySort's default comparator puts NULLs last;
# ArrayMax/ArrayMin keep the first of equal elements.  Printed as the console sink prints it.
#
#   python3 model.py > expected.out
import functools
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_order import cmp, show  # noqa: E402
from spark_show import batch as show_batch  # noqa: E402


def num(v):
    return float(v) if isinstance(v, str) else v  # "NaN" in JSON


def struct(d, conv):
    return None if d is None else tuple(conv[k](d[k]) for k in conv)


def dbl(v):
    return None if v is None else float(num(v))


def dbl_list(v):
    return None if v is None else [dbl(x) for x in v]


def int_list(v):
    return None if v is None else list(v)


def binop(a, b, f):
    return None if a is None or b is None else f(cmp(a, b))


def extremum(vals, sign):
    r = None
    for v in vals:
        if v is not None and (r is None or sign * cmp(v, r) > 0):
            r = v
    return r


def in_list(v, items):
    if v is None:
        return None
    if any(i is not None and cmp(v, i) == 0 for i in items):
        return True
    return None if any(i is None for i in items) else False


def sort(arr, asc, nulls_first):
    def key(x, y):
        if x is None or y is None:
            return 0 if x is None and y is None else (-1 if (x is None) == nulls_first else 1)
        return cmp(x, y) if asc else -cmp(x, y)
    return None if arr is None else sorted(arr, key=functools.cmp_to_key(key))  # stable


ab = {"x": lambda v: v, "l": dbl_list}
xy = {"x": lambda v: v, "y": dbl}
rows = []
with open("data/rows.json") as fh:
    for line in fh:
        r = json.loads(line)
        rows.append({"id": r["id"], "a": struct(r["a"], ab), "b": struct(r["b"], ab),
                     "p": int_list(r["p"]), "q": int_list(r["q"]),
                     "xs": None if r["xs"] is None else [struct(s, xy) for s in r["xs"]]})

ops = []
sorts = []
for r in rows:
    a, b, p, q, xs = r["a"], r["b"], r["p"], r["q"], r["xs"]
    ops.append([r["id"], binop(a, b, lambda c: c < 0), binop(a, b, lambda c: c <= 0),
                binop(a, b, lambda c: c > 0), binop(a, b, lambda c: c >= 0),
                binop(a, b, lambda c: c == 0),
                (a is None and b is None) or (a is not None and b is not None and cmp(a, b) == 0),
                extremum([a, b], 1), extremum([b, a], -1),
                binop(p, q, lambda c: c < 0), binop(p, q, lambda c: c == 0),
                (p is None and q is None) or (p is not None and q is not None and cmp(p, q) == 0),
                in_list(p, [q, [1, 2]]), extremum([p, q, [2]], 1)])
    sorts.append([r["id"], sort(xs, True, True), sort(xs, False, False), sort(xs, True, False),
                  None if xs is None else extremum(xs, 1),
                  None if xs is None else extremum(xs, -1)])

lines = show_batch(0, ["id", "lt", "le", "gt", "ge", "eq", "nseq", "hi", "lo", "plt", "peq",
                       "pnseq", "pin", "phi"], [[show(v) for v in r] for r in ops])
lines += show_batch(0, ["id", "asc", "desc", "sorted", "mx", "mn"],
                    [[show(v) for v in r] for r in sorts])
print("\n".join(lines))
