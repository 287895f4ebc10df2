#!/usr/bin/env python3
# model.py - the expected output of nested_min_max_restart, computed apart from sluice from
# Spark 3.5's rules: Max (Min) updates its buffer with Greatest(max, child) (Least), which
# skips NULLs and takes the row's value only when it orders strictly after (before) the kept
# one, by the type's interpretedOrdering (a struct field by field, an array element by element
# then the shorter first, a NULL field or element first, doubles by compareDoubles: NaN
# largest, NaN = NaN, -0.0 = 0.0); the state is merged on the left of a batch's buffer, so of
# equal values the first kept wins across batches too.  One file a batch; complete mode
# sorted by mxa DESC (NULLS LAST, the comparison reversed), then k.
#
#   python3 model.py > expected.out
import functools
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_order import cmp, show  # noqa: E402
from spark_show import batch as show_batch  # noqa: E402


def dbl(v):
    return None if v is None else float(v)  # "NaN" in JSON


def conv(v, t):
    """A JSON value as a python one of type t: ('struct', {name: t}), ('array', t), a leaf."""
    if v is None:
        return None
    if isinstance(t, tuple) and t[0] == "struct":
        return tuple(conv(v[k], ft) for k, ft in t[1].items())
    if isinstance(t, tuple):
        return [conv(x, t[1]) for x in v]
    return t(v)


types = {"st": ("struct", {"a": int, "b": dbl}), "arr": ("array", int),
         "n": ("struct", {"p": ("struct", {"x": str, "y": dbl}), "l": ("array", dbl)})}
state = {}  # k -> {column: [max, min]}
lines = []
files = ["s1/f1.json", "s1/f2.json", "s2/f3.json"]
for batch, f in enumerate(files):
    if batch == 2:
        lines.append("=== step s2 ===")
    elif batch == 0:
        lines.append("=== step s1 ===")
    with open(f) as fh:
        for line in fh:
            r = json.loads(line)
            s = state.setdefault(r["k"], {c: [None, None] for c in types})
            for c, t in types.items():
                v = conv(r[c], t)
                if v is None:
                    continue
                mx, mn = s[c]
                s[c] = [v if mx is None or cmp(v, mx) > 0 else mx,
                        v if mn is None or cmp(v, mn) < 0 else mn]
    rows = [[k, s["st"][0], s["st"][1], s["arr"][0], s["arr"][1], s["n"][0], s["n"][1]]
            for k, s in sorted(state.items())]

    def order(x, y):  # mxa DESC NULLS LAST, then k (sorted above, the sort is stable)
        a, b = x[3], y[3]
        if a is None or b is None:
            return 0 if a is None and b is None else (1 if a is None else -1)
        return -cmp(a, b)
    rows.sort(key=functools.cmp_to_key(order))
    lines += show_batch(batch, ["k", "mxs", "mns", "mxa", "mna", "mxn", "mnn"],
                        [[show(v) for v in r] for r in rows])
print("\n".join(lines))
