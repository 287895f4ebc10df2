#!/usr/bin/env python3
"""check_group_string_keys.py - the group_string_keys goldens recomputed: counts per key (the
columns of the query's GROUP BY, fields of the JSON lines of its data/), ordered as Spark orders
them (NULLs first, then strings by UTF-8 bytes, numbers by value), printed as the console
sink's show(truncate = false) prints them, compared with expected.out whole.

    check_group_string_keys.py GOLDEN_DIR...
"""
import collections
import json
import os
import re
import sys


def show_width(s):
    return len(s)  # the values are ASCII and 1-column Latin letters: one column each


def check(d):
    with open(os.path.join(d, "query.sql"), encoding="utf-8") as f:
        keys = [k.strip() for k in re.search(r"GROUP BY ([\w, ]+?)\s+ORDER BY", f.read()).group(1).split(",")]
    counts = collections.Counter()
    for name in sorted(os.listdir(os.path.join(d, "data"))):
        with open(os.path.join(d, "data", name), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                counts[tuple(r.get(k) for k in keys)] += 1

    def order(k):
        return tuple((v is not None, v.encode("utf-8") if isinstance(v, str) else (v or 0)) for v in k)

    rows = [["NULL" if v is None else str(v) for v in k] + [str(n)]
            for k, n in sorted(counts.items(), key=lambda kv: order(kv[0]))]
    header = keys + ["c"]
    widths = [max(3, max(show_width(r[i]) for r in [header] + rows)) for i in range(len(header))]
    sep = "+" + "+".join("-" * w for w in widths) + "+"

    def line(cells):
        return "|" + "|".join(c + " " * (w - show_width(c)) for c, w in zip(cells, widths)) + "|"

    out = ["-" * 43, "Batch: 0", "-" * 43, sep, line(header), sep] + [line(r) for r in rows] + [sep, "", ""]
    want = "\n".join(out)
    with open(os.path.join(d, "expected.out"), encoding="utf-8") as f:
        got = f.read()
    if got != want:
        sys.exit("check_group_string_keys: expected.out differs from the recomputation")
    print("check_group_string_keys: %s: %d groups match" % (os.path.basename(os.path.normpath(d)), len(rows)))


def main():
    for d in sys.argv[1:]:
        check(d)


if __name__ == "__main__":
    main()
