#!/usr/bin/env python3
# model.py - the expected output of tinyint_smallint, computed apart from sluice, from Spark
# 3.5's rules without ANSI mode:
# - JSON (JacksonParser): a ByteType field is Jackson's getByteValue, which accepts integers in
#   -128..255 and casts to byte (200 is -56); ShortType getShortValue (-32768..32767); any other
#   integer, a fraction or a string is a malformed field: NULL, the record's other fields kept.
# - Arithmetic of two bytes (shorts) is computed in int and cast to byte (short): Java's
#   narrowing keeps the low 8 (16) bits.  A byte beside an INT widens to INT, beside a SHORT to
#   SHORT (numericPrecedence); `/` is DOUBLE; DIV a BIGINT; UnaryMinus and Abs wrap.
# - Cast.castToByte/castToShort: an int or double to int first (a double truncated toward zero
#   and saturated, as Java's (int)), then the low bits; a string through UTF8String.toInt
#   (trimmed, a fraction truncated), NULL when out of the type's range.
# - hash: Murmur3 with hashInt for both; sum is BIGINT, avg DOUBLE, min/max keep the type.
#
#   python3 model.py > expected.out
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

M32 = 0xFFFFFFFF


def wrap(v, bits):
    """Java's (byte)/(short)/(int) of an integer: the low bits, two's complement."""
    if v is None:
        return None
    m = 1 << bits
    v &= m - 1
    return v - m if v >= m >> 1 else v


def json_int(v, lo, hi, bits):
    """Jackson's getByteValue/getShortValue/getIntValue of a JSON value, or None."""
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        return None
    return wrap(v, bits)


def d2i(d):
    """Java's (int) of a double: truncated, saturated, NaN 0."""
    if d is None:
        return None
    if math.isnan(d):
        return 0
    return max(-(1 << 31), min((1 << 31) - 1, int(d)))


def str2int(s, bits):
    """UTF8String.toInt then toByte/toShort: trimmed, a sign, digits, an optional fraction that
    is dropped; None if invalid or out of range."""
    if s is None:
        return None
    s = s.strip(" ")
    body = s[1:] if s[:1] in "+-" else s
    whole, _, frac = body.partition(".")
    if not whole.isdigit() or (frac and not frac.isdigit()):
        return None
    v = int(whole) * (-1 if s[:1] == "-" else 1)
    return v if -(1 << (bits - 1)) <= v < 1 << (bits - 1) else None


def rotl32(x, r):
    return ((x << r) | (x >> (32 - r))) & M32


def m3_int(v, seed):  # Murmur3_x86_32.hashInt
    k1 = rotl32((v & M32) * 0xCC9E2D51 & M32, 15) * 0x1B873593 & M32
    h1 = rotl32((seed & M32) ^ k1, 13)
    h1 = (h1 * 5 + 0xE6546B64) & M32
    h1 ^= 4
    h1 ^= h1 >> 16
    h1 = h1 * 0x85EBCA6B & M32
    h1 ^= h1 >> 13
    h1 = h1 * 0xC2B2AE35 & M32
    h1 ^= h1 >> 16
    return wrap(h1, 32)


def op(f, *xs):
    return None if any(x is None for x in xs) else f(*xs)


def java_div(a, b):  # Java's / and % of ints: truncated toward zero
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def java_rem(a, b):
    return a - b * java_div(a, b)


rows = []
with open("data/1.json") as fh:
    for line in fh:
        r = json.loads(line)
        rows.append({"k": r["k"], "t": json_int(r["t"], -128, 255, 8),
                     "s": json_int(r["s"], -32768, 32767, 16),
                     "i": json_int(r["i"], -(1 << 31), (1 << 31) - 1, 32), "str": r["str"],
                     "d": r["d"]})

out = []
arith = []
for r in rows:
    t, s, i = r["t"], r["s"], r["i"]
    arith.append([
        r["k"], t, s, op(lambda a: wrap(a + a, 8), t), op(lambda a: wrap(a * a, 16), s),
        op(lambda a, b: wrap(a - b, 16), t, s), op(lambda a, b: wrap(a + b, 32), t, i),
        op(lambda a: wrap(-a, 8), t), op(lambda a: wrap(abs(a), 8), t), op(lambda a: a / 2, t),
        op(lambda a: java_rem(a, 3), t), op(lambda a: java_div(a, 2), t),
        op(lambda a, b: a & b, t, s), op(lambda a: ~a, s)])
out += show_batch(0, ["k", "t", "s", "tt", "ss", "ts", "ti", "neg", "abs_t", "half", "m", "dv",
                      "band", "bnot"], arith)


def dec1(v):  # CAST(t AS DECIMAL(4,1))
    return None if v is None else "%d.0" % v


def bool_s(v):
    return None if v is None else ("true" if v else "false")


casts = []
for r in rows:
    t, s, i, d = r["t"], r["s"], r["i"], r["d"]
    h = 42
    for v in (t, s):
        if v is not None:
            h = m3_int(v, h)
    casts.append([
        r["k"], wrap(i, 8), wrap(i, 16), wrap(d2i(d), 8), wrap(d2i(d), 16), str2int(r["str"], 8),
        str2int(r["str"], 16), None if t is None else str(t), None if s is None else float(s),
        dec1(t), h, bool_s(op(lambda a, b: a < b, t, s)), "tinyint", "smallint", "smallint", "int"])
out += show_batch(0, ["k", "i_t", "i_s", "d_t", "d_s", "str_t", "str_s", "t_str", "s_dbl",
                      "t_dec", "h", "lt", "ty_t", "ty_s", "ty_ts", "ty_ti"], casts)

ts = [r["t"] for r in rows if r["t"] is not None]
ss = [r["s"] for r in rows if r["s"] is not None]
out += show_batch(0, ["n", "sum_t", "sum_s", "avg_t", "min_t", "max_t", "min_s", "max_s",
                      "ty_sum", "ty_max"],
                  [[len(rows), sum(ts), sum(ss), sum(ts) / len(ts), min(ts), max(ts), min(ss),
                    max(ss), "bigint", "smallint"]])

groups = {}
for r in rows:
    groups.setdefault(r["t"], []).append(r["s"])
keys = sorted(groups, key=lambda k: (k is not None, k if k is not None else 0))  # NULLS FIRST
out += show_batch(0, ["t", "n", "max_s"],
                  [[k, len(groups[k]), max([v for v in groups[k] if v is not None], default=None)]
                   for k in keys])
print("\n".join(out))
