#!/usr/bin/env python3
# model.py - the expected output of tinyint_smallint_csv, from Spark 3.5's rules:
# - UnivocityParser.makeConverter: ByteType is `datum.toByte`, ShortType `datum.toShort`
#   (Java's Byte.parseByte / Short.parseShort: Integer.parseInt's optional sign and digits,
#   then the type's range, -128..127 and -32768..32767); a field equal to nullValue ("") is
#   NULL without parsing.  A NumberFormatException makes the record malformed: PERMISSIVE
#   keeps the other fields and sets _corrupt_record to the line, DROPMALFORMED drops it.
# - Byte + Short is a SMALLINT computed in int and narrowed (Java's (short)).
# - The CSV files sink writes the header, then each value's text, a NULL as the empty string.
#
#   python3 model.py > expected.out
import csv
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402


class Malformed(Exception):
    pass


def parse(text, bits):
    """Byte.parseByte (bits 8) / Short.parseShort (bits 16) of a field; None for nullValue."""
    if text == "":
        return None
    if not re.fullmatch(r"[+-]?[0-9]+", text):
        raise Malformed()
    v = int(text)
    if not -(1 << (bits - 1)) <= v < 1 << (bits - 1):
        raise Malformed()
    return v


def wrap16(v):
    v &= 0xFFFF
    return v - 0x10000 if v >= 0x8000 else v


with open("data/1.csv", newline="") as fh:
    lines = fh.read().splitlines()
permissive, kept = [], []
for line in lines[1:]:
    k, t_text, s_text = next(csv.reader([line]))
    bad = False
    vals = []
    for text, bits in ((t_text, 8), (s_text, 16)):
        try:
            vals.append(parse(text, bits))
        except Malformed:
            bad = True
            vals.append(None)
    t, s = vals
    permissive.append([k, t, s, line if bad else None])
    if not bad:
        kept.append([k, t, s, None if t is None or s is None else wrap16(t + s)])

out = show_batch(0, ["k", "t", "s", "_corrupt_record"], permissive)
out.append("=== files in out ===")
out.append("--- part-00000-0000000000000000000.csv")
out.append("k,t,s,ts")
out += [",".join("" if v is None else str(v) for v in r) for r in kept]
print("\n".join(out))
