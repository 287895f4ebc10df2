#!/usr/bin/env python3
# model.py - the expected output of fn_hash_xxhash64, computed apart from sluice: a python model
# of Spark 3.5's Murmur3_x86_32 (common/unsafe/.../hash/Murmur3_x86_32.java), XXH64
# (sql/catalyst/.../expressions/XXH64.java) and InterpretedHashFunction.hash (hash.scala),
# applied to data/part-0.json, printed as the console sink's show() (truncate = false).
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402
from spark_hash import xx_bytes, xx_int, xx_long  # noqa: E402
import math
import struct
from datetime import date, datetime, timezone
from decimal import Decimal

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF


def s32(x):
    x &= M32
    return x - (1 << 32) if x >> 31 else x


def s64(x):
    x &= M64
    return x - (1 << 64) if x >> 63 else x


# ---- Murmur3_x86_32 ----
def rotl32(x, r):
    x &= M32
    return ((x << r) | (x >> (32 - r))) & M32


def mix_k1(k1):
    k1 = (k1 * 0xCC9E2D51) & M32
    k1 = rotl32(k1, 15)
    return (k1 * 0x1B873593) & M32


def mix_h1(h1, k1):
    h1 ^= k1
    h1 = rotl32(h1, 13)
    return (h1 * 5 + 0xE6546B64) & M32


def fmix32(h1, length):
    h1 ^= length
    h1 ^= h1 >> 16
    h1 = (h1 * 0x85EBCA6B) & M32
    h1 ^= h1 >> 13
    h1 = (h1 * 0xC2B2AE35) & M32
    h1 ^= h1 >> 16
    return s32(h1)


def m3_int(v, seed):
    return fmix32(mix_h1(seed & M32, mix_k1(v & M32)), 4)


def m3_long(v, seed):
    v &= M64
    h1 = mix_h1(seed & M32, mix_k1(v & M32))
    h1 = mix_h1(h1, mix_k1(v >> 32))
    return fmix32(h1, 8)


def m3_bytes(b, seed):  # the legacy hashUnsafeBytes
    h1 = seed & M32
    aligned = len(b) - len(b) % 4
    for i in range(0, aligned, 4):
        h1 = mix_h1(h1, mix_k1(int.from_bytes(b[i:i + 4], "little")))
    for i in range(aligned, len(b)):
        byte = b[i] - 256 if b[i] >= 128 else b[i]  # Platform.getByte: signed
        h1 = mix_h1(h1, mix_k1(byte & M32))
    return fmix32(h1, len(b))


# ---- XXH64: spark_hash.py ----


# ---- InterpretedHashFunction.hash ----
def float_bits(f):
    if f == 0.0:
        return 0
    if math.isnan(f):
        return 0x7FC00000
    return struct.unpack("<I", struct.pack("<f", f))[0]


def double_bits(d):
    if d == 0.0:
        return 0
    if math.isnan(d):
        return 0x7FF8000000000000
    return struct.unpack("<Q", struct.pack("<d", d))[0]


def big_bytes(v):  # BigInteger.toByteArray
    n = 1
    while not (-(1 << (8 * n - 1)) <= v < (1 << (8 * n - 1))):
        n += 1
    return (v & ((1 << (8 * n)) - 1)).to_bytes(n, "big")


def hash_value(t, v, seed, xx):
    hi, hl, hb = (xx_int, xx_long, xx_bytes) if xx else (m3_int, m3_long, m3_bytes)
    if v is None:
        return seed
    k = t[0]
    if k == "boolean":
        return hi(1 if v else 0, seed)
    if k in ("int", "date"):
        return hi(v, seed)
    if k in ("bigint", "timestamp"):
        return hl(v, seed)
    if k == "float":
        return hi(float_bits(v), seed)
    if k == "double":
        return hl(double_bits(v), seed)
    if k == "decimal":
        precision, unscaled = t[1], v
        return hl(unscaled, seed) if precision <= 18 else hb(big_bytes(unscaled), seed)
    if k in ("string", "binary"):
        return hb(v, seed)
    if k == "array":
        for e in v:
            seed = hash_value(t[1], e, seed, xx)
        return seed
    if k == "struct":
        for (ft, fv) in zip(t[1], v):
            seed = hash_value(ft, fv, seed, xx)
        return seed
    raise ValueError(k)


def hash_args(args, xx):
    h = 42
    for (t, v) in args:
        h = hash_value(t, v, h, xx)
    return h


# ---- the data, read as the source's schema types it ----
INT, BIGINT, STR = ("int",), ("bigint",), ("string",)
ST = ("struct", [INT, STR])
TYPES = {"b": ("boolean",), "i": INT, "l": BIGINT, "f": ("float",), "d": ("double",),
         "dc": ("decimal", 10), "dw": ("decimal", 30), "s": STR, "ts": ("timestamp",),
         "dt": ("date",), "a": ("array", INT), "st": ST, "sa": ("array", ST)}
SCALE = {"dc": 2, "dw": 5}
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def to_value(col, t, raw):
    if raw is None:
        return None
    k = t[0]
    if k == "float":
        return struct.unpack("<f", struct.pack("<f", float(raw)))[0]
    if k == "double":
        return float(raw)
    if k == "decimal":
        return int(Decimal(raw).scaleb(SCALE[col]).to_integral_exact())
    if k == "string":
        return raw.encode("utf-8")
    if k == "timestamp":
        ts = datetime.strptime(raw.replace("Z", "+0000"),
                               "%Y-%m-%dT%H:%M:%S.%f%z" if "." in raw else "%Y-%m-%dT%H:%M:%S%z")
        delta = ts - EPOCH
        return (delta.days * 86400 + delta.seconds) * 1000000 + delta.microseconds
    if k == "date":
        return (date.fromisoformat(raw) - date(1970, 1, 1)).days
    if k == "array":
        return [to_value(col, t[1], e) for e in raw]
    if k == "struct":
        return [to_value(col, INT, raw["x"]), to_value(col, STR, raw["y"])]
    return raw


rows = []
with open("data/part-0.json", encoding="utf-8") as f:
    for line in f:
        if line.strip():
            rec = json.loads(line, parse_float=Decimal)
            rows.append({c: to_value(c, TYPES[c], rec[c]) for c in TYPES})


def col(r, c):
    return (TYPES[c], r[c])


NULL = (("void",), None)
q1 = [("hb", ["b"]), ("hi", ["i"]), ("hl", ["l"]), ("hf", ["f"]), ("hd", ["d"]),
      ("hdc", ["dc"]), ("hdw", ["dw"]), ("hs", ["s"]), ("hts", ["ts"]), ("hdt", ["dt"]),
      ("ha", ["a"]), ("hst", ["st"]), ("hsa", ["sa"]), ("hmulti", ["s", "i", "a", "st"]),
      ("hn", [None, "s"]), ("hbin", ["s"])]
q2 = [("xb", ["b"]), ("xi", ["i"]), ("xl", ["l"]), ("xf", ["f"]), ("xd", ["d"]), ("xdc", ["dc"]),
      ("xdw", ["dw"]), ("xs", ["s"])]
q3 = [("xts", ["ts"]), ("xdt", ["dt"]), ("xa", ["a"]), ("xst", ["st"]), ("xsa", ["sa"]),
      ("xmulti", ["s", "i", "a", "st"]), ("xn", [None, "s"]), ("xbin", ["s"])]
out = []
for q, xx in ((q1, False), (q2, True), (q3, True)):
    out += show_batch(0, [n for n, _ in q],
                      [[hash_args([NULL if c is None else col(r, c) for c in cs], xx) for _, cs in q]
                       for r in rows])
nan, dbl, flt = float("nan"), ("double",), ("float",)
doc = [("string",), b"Spark"], [("array", INT), [123]], [INT, 2]
out += show_batch(0, ["h_nan", "h_negz", "h_z", "h_fnegz", "h_fnan", "x_nan", "x_negz", "x_fnegz", "h_doc", "x_doc"],
                  [[hash_args([(dbl, nan)], False), hash_args([(dbl, -0.0)], False), hash_args([(dbl, 0.0)], False),
                    hash_args([(flt, -0.0)], False), hash_args([(flt, nan)], False), hash_args([(dbl, nan)], True),
                    hash_args([(dbl, -0.0)], True), hash_args([(flt, -0.0)], True),
                    hash_args([tuple(d) for d in doc], False), hash_args([tuple(d) for d in doc], True)]])
print("\n".join(out))
