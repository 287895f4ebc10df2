#!/usr/bin/env python3
# model.py - the expected output of tinyint_smallint_fns, from Spark 3.5's rules:
# - Pmod of ByteType/ShortType: r = a % n (Java's truncated %), then (r + n) % n when r < 0,
#   narrowed to the type; % 0 is NULL (non-ANSI).  pmod(TINYINT, INT) is an INT.
# - TryAdd/TrySubtract/TryMultiply of numbers: Add/Subtract/Multiply in EvalMode.TRY, whose
#   ByteExactNumeric/ShortExactNumeric fail outside the type's range (NULL here); the operands
#   widen first (TINYINT + SMALLINT is SMALLINT, TINYINT * INT is INT).
# - format_string (java.util.Formatter): %d of a Byte/Short its decimal; %x %X %o of a
#   negative one is that of the value plus 2^8 / 2^16; width, '-', '+', '0', ',' flags; a NULL
#   argument prints "null" ("NULL" under %X), padded with spaces.
# - from_json (JacksonParser): a ByteType field is getByteValue (an integer token in -128..255,
#   narrowed to a byte), ShortType getShortValue (-32768..32767); another token or an integer
#   beyond makes that field NULL and the others are kept (partial results); a NULL input is
#   NULL.  to_json and the JSON files sink write the numbers as they are, leave NULL fields of a
#   struct out and write NULL array elements and map values as null.
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402


def wrap(v, bits):
    m = 1 << bits
    v &= m - 1
    return v - m if v >= m >> 1 else v


def rem(a, n):  # Java's %: the sign of the dividend
    r = abs(a) % abs(n)
    return -r if a < 0 else r


def pmod(a, n, bits):
    if a is None or n is None or n == 0:
        return None
    r = rem(a, n)
    return wrap(rem(r + n, n) if r < 0 else r, bits)


def exact(v, bits):
    return None if v is None or not -(1 << (bits - 1)) <= v < 1 << (bits - 1) else v


def op(f, *xs):
    return None if any(x is None for x in xs) else f(*xs)


def fmt(spec, v, bits):
    """One java.util.Formatter conversion of a Byte (bits 8) or Short (bits 16)."""
    flags = spec[1:-1].rstrip("0123456789") if spec[1:-1][:1] != "0" else spec[1:-1][:1]
    width = spec[1 + len(flags):-1]
    conv = spec[-1]
    width = int(width) if width else 0
    if v is None:
        s = "NULL" if conv == "X" else "null"
    elif conv in "xXo":
        u = v + (1 << bits) if v < 0 else v
        s = {"x": "%x", "X": "%X", "o": "%o"}[conv] % u
    elif conv == "s":
        s = str(v)
    else:
        s = format(abs(v), "," if "," in flags else "")
        sign = "-" if v < 0 else "+" if "+" in flags else ""
        if "0" in flags:
            s = sign + s.rjust(width - len(sign), "0")
        else:
            s = sign + s
    return s.ljust(width) if "-" in flags else s.rjust(width)


def jackson(v, lo, hi, bits):
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        return None
    return wrap(v, bits)


def struct_cell(vals):
    return "{" + ", ".join("NULL" if v is None else str(v) for v in vals) + "}"


def json_obj(pairs):
    return "{" + ",".join('"%s":%s' % (k, v if isinstance(v, str) and v[:1] in "[{" else json.dumps(v))
                          for k, v in pairs if v is not None) + "}"


def json_arr(vals):
    return "[" + ",".join("null" if v is None else str(v) for v in vals) + "]"


rows = [json.loads(line) for line in open("data/1.json")]
out = []
out += show_batch(0, ["k", "p1", "p2", "p3", "p4", "p5", "p0", "pi", "ty1", "ty2", "ty3"],
                  [[r["k"], pmod(r["t"], 3, 8), pmod(r["t"], -3, 8), pmod(r["s"], 7, 16),
                    pmod(r["t"], r["s"], 16), pmod(r["t"], -1, 8), pmod(r["t"], 0, 8),
                    pmod(r["t"], 5, 32), "tinyint", "smallint", "int"] for r in rows])
out += show_batch(0, ["k", "a1", "s1", "m1", "a2", "s2", "m2", "a3", "m3", "ty1", "ty2", "ty3"],
                  [[r["k"], exact(op(lambda a: a + a, r["t"]), 8),
                    exact(op(lambda a: a - 1, r["t"]), 8), exact(op(lambda a: a * a, r["t"]), 8),
                    exact(op(lambda a: a + a, r["s"]), 16), exact(op(lambda a: -1 - a, r["s"]), 16),
                    exact(op(lambda a: a * a, r["s"]), 16),
                    exact(op(lambda a, b: a + b, r["t"], r["s"]), 16),
                    exact(op(lambda a: a * 2, r["t"]), 32), "tinyint", "smallint", "int"]
                   for r in rows])
out += show_batch(0, ["k", "ft", "fs"],
                  [[r["k"], "|".join(fmt(f, r["t"], 8) for f in
                                     ["%d", "%x", "%X", "%o", "%5d", "%-5d", "%+d", "%05d", "%s"]),
                    "|".join(fmt(f, r["s"], 16) for f in ["%d", "%x", "%o", "%,d", "%7x"])]
                   for r in rows])
table = []
for r in rows:
    fj = None
    if r["j"] is not None:
        o = json.loads(r["j"])
        fj = [jackson(o.get("x"), -128, 255, 8), jackson(o.get("y"), -32768, 32767, 16)]
    table.append([r["k"], None if fj is None else struct_cell(fj), None if fj is None else fj[0],
                  "struct<x:tinyint,y:smallint>", json_obj([("t", r["t"]), ("s", r["s"])]),
                  json_arr([r["t"], r["s"]])])
out += show_batch(0, ["k", "fj", "x", "ty", "tj", "ta"], table)
out.append("=== files in out ===")
out.append("--- part-00000-0000000000000000000.json")
for r in rows:
    out.append(json_obj([("k", r["k"]), ("t", r["t"]), ("s", r["s"]),
                         ("a", json_arr([r["t"], r["s"]])),
                         ("st", json_obj([("t", r["t"])])),
                         ("m", "{%s:%s}" % (json.dumps(r["k"]), "null" if r["s"] is None else r["s"]))]))
print("\n".join(out))
