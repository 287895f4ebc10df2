#!/usr/bin/env python3
# model.py - the expected output of distinct_nested_threads, computed apart from sluice.
# The files are read longest first (Spark's FileSourceScanExec orders a scan's splits by length;
# connectors.md), part-1.json before part-0.json here, each in line order.  Groups come out in the order their first
# row came (ORDER BY: NULL first).  A DISTINCT aggregate sees each distinct non-NULL value (or
# tuple) of its group once, in the order first seen (-0.0 is 0.0, as Spark's
# NormalizeFloatingNumbers makes it), and updates a fresh buffer that the final aggregate
# merges: Sum's buffer is coalesce(sum, 0) + x, its merge 0 + partial; Average's sum and count.
# min/max of a STRUCT compare field by field, of an ARRAY element by element then by length,
# NULL before any value (Spark's interpretedOrdering); strings by their UTF-8 bytes.  MaxBy and
# MinBy skip a row whose ordering is NULL and take a later row on an equal ordering.  Printed as
# the console sink prints a batch query's table with truncate = false.
#
#   python3 model.py > expected.out
import os
import sys
from functools import cmp_to_key

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_files import json_rows  # noqa: E402
from spark_show import batch as show_batch  # noqa: E402


def norm(v):
    return 0.0 if v == 0.0 else v


def first_seen(values):
    out = []
    for v in values:
        if v is not None and v not in out:
            out.append(v)
    return out


def groups(rows, key):
    order, by = [], {}
    for r in rows:
        k = key(r)
        if k not in by:
            order.append(k)
            by[k] = []
        by[k].append(r)
    return [(k, by[k]) for k in order]


def first_sum(values):
    """The distinct values added in the order first seen from 0: (sum, count)."""
    vs = first_seen(values)
    s = 0
    for v in vs:
        s = s + v
    return s, len(vs)


def dsum(values):
    """sum(DISTINCT): NULL without a value; a DOUBLE's buffer merged into 0.0."""
    s, n = first_sum(values)
    if n == 0:
        return None
    return 0.0 + s if isinstance(s, float) else s


def davg(values):
    s, n = first_sum(values)
    return None if n == 0 else (0.0 + s) / float(n)


def cmp_value(a, b):
    """interpretedOrdering: NULL first; a STRUCT (dict) field by field; an ARRAY (list) element
    by element, then the shorter first; a string by its UTF-8 bytes."""
    if a is None or b is None:
        return (a is not None) - (b is not None)
    if isinstance(a, dict):
        for f in ("a", "b"):
            c = cmp_value(a[f], b[f])
            if c:
                return c
        return 0
    if isinstance(a, list):
        for x, y in zip(a, b):
            c = cmp_value(x, y)
            if c:
                return c
        return (len(a) > len(b)) - (len(a) < len(b))
    if isinstance(a, str):
        a, b = a.encode("utf-8"), b.encode("utf-8")
    return (a > b) - (a < b)


def extreme(values, sign):
    best = None
    for v in values:
        if v is not None and (best is None or sign * cmp_value(v, best) > 0):
            best = v
    return best


def by(rows, value, ordering, sign):
    kept, have = None, None
    for r in rows:
        o = r[ordering]
        if o is None:
            continue
        if have is None or not sign * cmp_value(have, o) > 0:
            kept, have = r[value], o
    return kept


def text(v):
    """show()'s text of a value inside a STRUCT or ARRAY (and of a STRING cell)."""
    if v is None:
        return "NULL"
    if isinstance(v, dict):
        return "{" + ", ".join(text(v[f]) for f in ("a", "b")) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(text(x) for x in v) + "]"
    return str(v)


def table(names, out):
    return show_batch(0, names, out)[3:]  # a batch query prints the table alone


def main():
    rows = json_rows("data")
    for r in rows:
        r["x"] = None if r["x"] is None else norm(float(r["x"]))
    lines = []

    out = []
    for k, g in groups(rows, lambda r: r["k"]):
        ns = [r["n"] for r in g]
        out.append([k, len(first_seen(ns)), dsum(ns), dsum([r["x"] for r in g]),
                    davg([r["x"] for r in g]),
                    len(first_seen([(r["s"], r["n"]) if r["s"] is not None and r["n"] is not None
                                    else None for r in g])),
                    sum(n for n in ns if n is not None), len(g)])
    lines += table(["k", "cn", "sn", "sx", "ax", "csn", "total", "c"], out)

    out = []
    small = [r for r in rows if r["n"] is None or r["n"] < 6]
    for k, g in sorted(groups(small, lambda r: r["k"]), key=lambda kg: (kg[0] is not None, kg[0] or "")):
        out.append([k, text(first_seen([r["n"] for r in g])),
                    text(extreme([r["st"] for r in g], 1)), text(extreme([r["st"] for r in g], -1)),
                    text(extreme([r["arr"] for r in g], 1)), text(extreme([r["arr"] for r in g], -1)),
                    by(g, "n", "st", 1), text(by(g, "s", "arr", -1))])
    lines += table(["k", "small_ns", "mx", "mn", "mxa", "mna", "mb", "mib"], out)

    lines += table(["keys", "sx", "cnk", "cs", "c"],
                   [[len(first_seen([r["k"] for r in rows])), dsum([r["x"] for r in rows]),
                     len(first_seen([(r["n"], r["k"]) if r["n"] is not None and r["k"] is not None
                                     else None for r in rows])),
                     len(first_seen([r["s"] for r in rows])), len(rows)]])

    inner = [(k[0], len(first_seen([r["n"] for r in g])), dsum([r["x"] for r in g]))
             for k, g in groups(rows, lambda r: (r["k"], r["s"]))]
    out = []
    for cn, g in sorted(groups(inner, lambda t: t[1]), key=lambda cg: cg[0]):
        out.append([cn, len(first_seen([t[0] for t in g])), dsum([t[2] for t in g])])
    lines += table(["cn", "ks", "sss"], out)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
