#!/usr/bin/env python3
"""check_struct_ordering.py - the struct_ordering golden recomputed from Spark's rules, not from
sluice: StructType.interpretedOrdering (InterpretedOrdering.forSchema, every field Ascending and
so NULLS FIRST) compares two structs field by field, the first field that differs decides, a NULL
field orders before any value, two NULL fields are equal, doubles by
SQLOrderingUtil.compareDoubles (NaN largest, NaN = NaN, -0.0 = 0.0).  LessThan & co. are NULL
when a struct is NULL; Least/Greatest fold from NULL and take a non-NULL argument when it orders
strictly before (after) the result; SortOrder puts a NULL struct by its NULLS FIRST/LAST and
negates the whole struct comparison for DESC.

    check_struct_ordering.py GOLDEN_DIR

Compares the four tables of query.sql with expected.out; exits 1 on a difference.
"""
import functools
import json
import math
import os
import sys


def cmp_double(x, y):
    if math.isnan(x) or math.isnan(y):
        return int(math.isnan(x)) - int(math.isnan(y))
    return (x > y) - (x < y)


def cmp_value(a, b):
    """Two non-NULL values: a struct (a tuple), a double (float) or an integer."""
    if isinstance(a, tuple):
        return cmp_struct(a, b)
    if isinstance(a, float):
        return cmp_double(a, b)
    return (a > b) - (a < b)


def cmp_struct(a, b):
    for fa, fb in zip(a, b):
        if fa is None or fb is None:
            c = 0 if fa is None and fb is None else (-1 if fa is None else 1)
        else:
            c = cmp_value(fa, fb)
        if c:
            return c
    return 0


def read_struct(v):
    """struct<x: int, y: double> of data/events/rows.json."""
    if v is None:
        return None
    y = v.get("y")
    return (v.get("x"), float(y) if y is not None else None)


def read_nested(v):
    """struct<p: struct<x: int>, q: int> of data/nested/rows.json."""
    if v is None:
        return None
    p = v.get("p")
    return (None if p is None else (p.get("x"),), v.get("q"))


def fmt_double(d):
    if math.isnan(d):
        return "NaN"
    return repr(d)  # the values here print alike in Java and Python


def fmt(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, tuple):
        return "{%s}" % ", ".join(fmt(f) for f in v)
    if isinstance(v, float):
        return fmt_double(v)
    return str(v)


def table(header, rows):
    """Dataset.show(): right-aligned cells, columns at least 3 wide."""
    cells = [[fmt(c) for c in r] for r in rows]
    widths = [max([3, len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    sep = "+" + "+".join("-" * w for w in widths) + "+"

    def line(cs):
        return "|" + "|".join(c.rjust(w) for c, w in zip(cs, widths)) + "|"

    return [sep, line(header), sep] + [line(r) for r in cells] + [sep, ""]


def order_key(col, desc, nulls_first):
    def cmp(r1, r2):
        a, b = r1[col], r2[col]
        if a is None or b is None:
            if a is None and b is None:
                c = 0
            else:
                c = -1 if (a is None) == nulls_first else 1
        else:
            c = cmp_struct(a, b)
            c = -c if desc else c
        return c or (r1[0] > r2[0]) - (r1[0] < r2[0])  # then id
    return functools.cmp_to_key(cmp)


def extremum(args, sign):
    r = None
    for v in args:
        if v is not None and (r is None or sign * cmp_struct(v, r) > 0):
            r = v
    return r


def main():
    d = sys.argv[1]
    rows = []
    with open(os.path.join(d, "data", "events", "rows.json")) as f:
        for line in f:
            o = json.loads(line)
            rows.append((o["id"], read_struct(o["a"]), read_struct(o["b"])))
    out = []
    first = []
    for i, a, b in sorted(rows):
        c = None if a is None or b is None else cmp_struct(a, b)
        first.append((i,) + tuple(None if c is None else t(c) for t in (
            lambda c: c < 0, lambda c: c <= 0, lambda c: c > 0, lambda c: c >= 0,
            lambda c: c == 0)) + (extremum((a, b), -1), extremum((a, b), 1)))
    out += table(["id", "lt", "le", "gt", "ge", "eq", "lo", "hi"], first)
    ra = [(i, a) for i, a, _ in rows]
    out += table(["id", "a"], sorted(ra, key=order_key(1, False, True)))
    out += table(["id", "a"], sorted(ra, key=order_key(1, True, False)))
    rb = [(i, b) for i, a, b in rows if a is None or cmp_struct(b, a) > 0]
    out += table(["id", "b"], sorted(rb, key=order_key(1, True, True)))
    nested = []
    with open(os.path.join(d, "data", "nested", "rows.json")) as f:
        for line in f:
            o = json.loads(line)
            nested.append((o["id"], read_nested(o["a"]), read_nested(o["b"])))
    rows_n = []
    for i, a, b in sorted(nested):
        c = None if a is None or b is None else cmp_struct(a, b)
        rows_n.append((i, None if c is None else c < 0, None if c is None else c == 0,
                       extremum((a, b), 1)))
    out += table(["id", "lt", "eq", "hi"], rows_n)
    with open(os.path.join(d, "expected.out")) as f:
        want = f.read()
    got = "\n".join(out) + "\n"
    if got != want:
        sys.stdout.write("struct_ordering: expected.out differs from the reference:\n" + got)
        return 1
    print("struct_ordering: expected.out equals the reference")
    return 0


if __name__ == "__main__":
    sys.exit(main())
