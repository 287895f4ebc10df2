#!/usr/bin/env python3
"""model.py - expected.out of json_shape_cr: the rows Spark reads from data/a.json
(tests/tools/json_cr_lines.py: its line ends and rows), as the console sink prints them
(Dataset.show with truncate = false: cells left-aligned, NULL for a null)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import json_cr_lines as jl  # noqa: E402


def cell(v):
    return "NULL" if v is None else str(v)


def main():
    with open("data/a.json", newline="") as f:
        text = f.read()
    head = ["time", "action", "n", "_corrupt_record"]
    body = []
    for t, a, n, c in jl.rows(text):
        body.append([None if t is None else jl.show_time(t),
                     None if a is None else a.replace("\r", "<CR>"), n, c])
    table = [head] + [[cell(v) for v in r] for r in body]
    w = [max(3, max(len(r[i]) for r in table)) for i in range(len(head))]
    sep = "+" + "+".join("-" * k for k in w) + "+"
    out = ["-" * 43, "Batch: 0", "-" * 43, sep]
    out.append("|" + "|".join(h.ljust(k) for h, k in zip(head, w)) + "|")
    out.append(sep)
    for r in table[1:]:
        out.append("|" + "|".join(v.ljust(k) for v, k in zip(r, w)) + "|")
    out.append(sep)
    out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
