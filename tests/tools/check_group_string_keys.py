#!/usr/bin/env python3
"""check_group_string_keys.py - the group_string_keys golden recomputed: counts per (s, t) over
its JSON lines, ordered as Spark orders strings (NULLs first, then by UTF-8 bytes), printed as
the console sink's show(truncate = false) prints them, compared with expected.out whole.

    check_group_string_keys.py GOLDEN_DIR
"""
import collections
import json
import os
import sys


def show_width(s):
    return len(s)  # the values are ASCII and 1-column Latin letters: one column each


def main():
    d = sys.argv[1]
    counts = collections.Counter()
    with open(os.path.join(d, "data", "a.json"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            counts[(r.get("s"), r.get("t"))] += 1

    def order(k):
        return tuple((v is not None, (v or "").encode("utf-8")) for v in k)

    rows = [["NULL" if v is None else v for v in k] + [str(n)]
            for k, n in sorted(counts.items(), key=lambda kv: order(kv[0]))]
    header = ["s", "t", "c"]
    widths = [max(3, max(show_width(r[i]) for r in [header] + rows)) for i in range(3)]
    sep = "+" + "+".join("-" * w for w in widths) + "+"

    def line(cells):
        return "|" + "|".join(c + " " * (w - show_width(c)) for c, w in zip(cells, widths)) + "|"

    out = ["-" * 43, "Batch: 0", "-" * 43, sep, line(header), sep] + [line(r) for r in rows] + [sep, "", ""]
    want = "\n".join(out)
    with open(os.path.join(d, "expected.out"), encoding="utf-8") as f:
        got = f.read()
    if got != want:
        sys.exit("check_group_string_keys: expected.out differs from the recomputation")
    print("check_group_string_keys: %d groups match" % len(rows))


if __name__ == "__main__":
    main()
