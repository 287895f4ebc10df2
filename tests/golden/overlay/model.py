#!/usr/bin/env python3
# model.py - the expected output of overlay, computed apart from sluice: Spark 3.5's
# Overlay.calculate over UTF8String.substringSQL (characters) and ByteArray.subStringSQL
# (bytes) in Java's 32-bit int arithmetic, applied to data/part-0.json, printed as the
# console sink's show() (truncate = false; widths as Utils.stringHalfWidth).
#
#   python3 model.py > expected.out
import json
import os
import re

MAX = 2**31 - 1


def i32(v):
    v &= 0xFFFFFFFF
    return v - 2**32 if v >> 31 else v


def substring_sql(s, pos, length):
    """UTF8String.substringSQL on a list of characters"""
    n = len(s)
    start = pos - 1 if pos > 0 else (n + pos if pos < 0 else 0)
    end = max(min(start + length, MAX), -2**31)  # computed as a long, clamped
    start = max(start, 0)
    return s[start:end] if start < end else s[:0]


def bytes_sub_sql(b, pos, length):
    """ByteArray.subStringSQL"""
    n = len(b)
    if pos > n:
        return b""
    start = pos - 1 if pos > 0 else (n + pos if pos < 0 else 0)
    end = n if i32(n - start) < length else i32(start + length)
    start = max(start, 0)
    return b[start:end] if start < end else b""


def overlay(s, r, pos, length, sub):
    ln = length if length >= 0 else len(r)
    return sub(s, 1, i32(pos - 1)) + r + sub(s, i32(pos + ln), MAX)


FULL = re.compile("[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19"
                  "\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]")


def width(s):
    return len(s.encode("utf-16-le")) // 2 + len(FULL.findall(s))


def show(names, rows):
    ws = [max([3, width(n)] + [width(r[i]) for r in rows]) for i, n in enumerate(names)]
    sep = "+" + "+".join("-" * w for w in ws) + "+"
    line = lambda cells: "|" + "|".join(c + " " * (w - width(c)) for c, w in zip(cells, ws)) + "|"
    return ["-" * 43, "Batch: 0", "-" * 43, sep, line(names), sep] + [line(r) for r in rows] + [sep, ""]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = []
    with open(os.path.join(here, "data", "part-0.json"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            s, r, p, l = d["s"], d["r"], d["p"], d["l"]
            base = None in (s, r, p)
            a = None if base else overlay(s, r, p, -1, substring_sql)
            f_ = None if base or l is None else overlay(s, r, p, l, substring_sql)
            b = None if base or l is None else overlay(s.encode(), r.encode(), p, l, bytes_sub_sql)
            cells = [str(d["id"]), a, f_, f_, None if b is None else b.hex().upper()]
            out.append(["NULL" if c is None else c for c in cells])
    print("\n".join(show(["id", "overlay(s, r, p, -1)", "f", "c", "b"], out)))


if __name__ == "__main__":
    main()
