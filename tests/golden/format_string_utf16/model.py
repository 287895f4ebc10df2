#!/usr/bin/env python3
# model.py - the expected output of format_string_utf16, computed apart from sluice from Java
# 8-17's java.util.Formatter: print(String s) cuts s to s.substring(0, precision) (UTF-16
# chars; a cut through a surrogate pair leaves a lone surrogate, encoded as '?' by
# String.getBytes(UTF_8)), upper-cases it for %S (String.toUpperCase: full case mapping), then
# appendJustified pads with width - s.length() spaces (UTF-16 length); a NULL is "null"
# (upper-cased for %S).
#
#   python3 model.py > expected.out
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch  # noqa: E402

ROWS = [(1, "😀"), (2, "a😀b"), (3, "ß"), (4, "ﬁle"), (5, "héllo"), (6, None)]


def utf16(s):
    return s.encode("utf-16-le")


def spec(s, width=None, prec=None, left=False, upper=False):
    s = "null" if s is None else s
    if prec is not None:
        u = utf16(s)[:2 * prec]
        if len(u) >= 2 and 0xD800 <= int.from_bytes(u[-2:], "little") <= 0xDBFF:
            u = u[:-2] + "?".encode("utf-16-le")  # a lone high surrogate
        s = u.decode("utf-16-le")
    if upper:
        s = s.upper()  # python's str.upper is the full mapping, as String.toUpperCase
    n = len(utf16(s)) // 2
    if width is not None and n < width:
        s = s + " " * (width - n) if left else " " * (width - n) + s
    return s


out = []
for i, s in ROWS:
    w = "[%s][%s][%s][%s]" % (spec(s, width=5), spec(s, width=6, left=True), spec(s, prec=1),
                              spec(s, prec=2))
    u = "[%s][%s][%s]" % (spec(s, upper=True), spec(s, width=4, upper=True),
                          spec(s, prec=1, upper=True))
    out.append([i, w, u])
sys.stdout.write("\n".join(batch(0, ["id", "w", "u"], out)) + "\n")
