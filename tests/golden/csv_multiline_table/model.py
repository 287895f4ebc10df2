#!/usr/bin/env python3
# model.py - the expected output of csv_multiline_table, computed apart from sluice: each
# file read by tests/tools/spark_csv_multiline.py (univocity 2.9.1's reader over the whole
# file, Spark's MultiLineCSVDataSource), rows sorted as ORDER BY sorts them (ascending,
# NULLs first, strings by their UTF-8 bytes), printed as show() prints them.
#
#   python3 model.py > expected.out
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
import spark_csv_multiline as ml  # noqa: E402
from spark_show import show  # noqa: E402


def files(sub):
    d = os.path.join(here, "data", sub)
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), encoding="utf-8", newline="") as f:
            yield name, f.read()


def hexs(v):
    return None if v is None else v.encode("utf-8").hex().upper()


def key(row):
    """ORDER BY's ascending order, NULLs first, over the columns given."""
    return [(0, b"") if v is None else (1, v if isinstance(v, int) else v.encode()) for v in row]


out = []
# notes: id INT (Integer.parseInt; every id here is one), note STRING
rows = []
for name, text in files("ml"):
    for (sid, note), bad in ml.read_file(text, 2, header=True):
        rows.append((int(sid) if sid is not None else None, hexs(note), hexs(bad), name))
rows.sort(key=lambda r: key(r[:1]))
out += show(["id", "note", "corrupt", "file"], rows)
for sub, opts in (("lead", {"lead": True}), ("trail", {"trail": True})):
    rows = []
    for name, text in files(sub):
        for (a, b), bad in ml.read_file(text, 2, empty_value="E", **opts):
            rows.append((name, a, b, hexs(bad)))
    rows.sort(key=lambda r: key((r[0], r[1], r[3])))
    out += show(["file", "a", "b", "corrupt"], rows)
print("\n".join(out))
