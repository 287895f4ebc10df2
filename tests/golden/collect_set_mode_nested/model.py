#!/usr/bin/env python3
# model.py - the expected output of collect_set_mode_nested, computed apart from sluice from
# Spark 3.5's sources:
#   CollectSet (aggregate/collect.scala): a Scala 2.12 mutable.HashSet (FlatHashTable: 32
#     slots, grown x2 at 45 % and refilled in slot order, index = top bits of byteswap32(hash)
#     rotated by bitCount(slots - 1), linear probing, slot-order iteration), serialized at every
#     stage of AggUtils.planStreamingAggregation and rebuilt element by element: per batch
#     A1 = the batch's rows, A2 = B(B(A1)) (partial merge), S' = B(B(S) ++ B(A2)) (merge with
#     the restored state), result = B(B(S')) (final), B = "insert into a new set in order".
#   Mode (aggregate/Mode.scala): OpenHashMap counts (OpenHashSet: 64 slots, x2 past 0.7, home
#     slot Guava murmur3_32().hashInt(hashCode), probing +1, +2, ...), buffer.maxBy(_._2): the
#     first largest count in slot order; checked that no tied value sits off its home slot, so
#     the stages' insertion orders cannot change the answer.
#   Element hashCode and equals: a DECIMAL is Spark's Decimal (toBigDecimal.hashCode, Scala
#     2.12 BigDecimal.computeHashCode; equal by value); a STRUCT an UnsafeRow, an ARRAY an
#     UnsafeArrayData (Murmur3_x86_32.hashUnsafeBytes of the bytes UnsafeRowWriter and
#     UnsafeArrayWriter write, seed 42; equal by bytes).
# Printed as show() prints it.
#
#   python3 model.py > expected.out
import json
import math
import os
import struct
import sys
from decimal import Decimal, getcontext

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import spark_agg  # noqa: E402
from spark_hash import murmur3_bytes  # noqa: E402
from spark_show import batch, java_double  # noqa: E402

getcontext().prec = 100
M32 = 0xFFFFFFFF
STEPS = [("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]), ("s3", ["f4.json"])]

INT, STRING, DOUBLE = ("int",), ("string",), ("double",)
D10_2, D25_5, D22_1 = ("dec", 10, 2), ("dec", 25, 5), ("dec", 22, 1)
S_TYPE = ("struct", [("n", INT), ("t", STRING), ("x", DOUBLE), ("m", D22_1)])
ARR_TYPE = ("array", INT)


# ---- values read from JSON as the types say ----

def read(t, v):
    if v is None:
        return None
    if t[0] == "dec":
        d = Decimal(v).quantize(Decimal(1).scaleb(-t[2]))
        return d if len(d.as_tuple().digits) <= t[1] or d == 0 else None
    if t == DOUBLE:
        return float("nan") if v == "NaN" else float(v)
    if t == INT:
        return int(v)
    if t[0] == "struct":
        return [read(ft, v.get(name)) for name, ft in t[1]]
    if t[0] == "array":
        return [read(t[1], e) for e in v]
    return v


def show(t, v, top=True):
    if v is None:
        return "NULL"
    if t[0] == "dec":
        return str(v)
    if t == DOUBLE:
        return java_double(float(v))
    if t[0] == "struct":
        return "{" + ", ".join(show(ft, x, False) for (_, ft), x in zip(t[1], v)) + "}"
    if t[0] == "array":
        return "[" + ", ".join(show(t[1], x, False) for x in v) + "]"
    return str(v)


# ---- Java hashCode of a Decimal (Scala 2.12's BigDecimal.hashCode) ----

def s32(x):
    x &= M32
    return x - (1 << 32) if x >> 31 else x


def biginteger_hash(i):
    mag, h = abs(i), 0
    words = []
    while mag:
        words.append(mag & M32)
        mag >>= 32
    for w in reversed(words):
        h = (31 * h + w) & M32
    return (-h) & M32 if i < 0 else h


def long_hash(l):
    if -2 ** 31 <= l < 2 ** 31:
        return l & M32
    u = l & 0xFFFFFFFFFFFFFFFF
    return (u ^ (u >> 32)) & M32


def double_hash(d):
    """Statics.doubleHash: as an Int, a Long, a Float, else Double.hashCode."""
    if d == int(d) and -2 ** 31 <= d < 2 ** 31:
        return int(d) & M32
    if d == int(d) and -2 ** 63 <= d < 2 ** 63:
        return long_hash(int(d))
    try:
        f = struct.unpack("<f", struct.pack("<f", d))[0]
    except OverflowError:
        f = None
    if f == d:
        return struct.unpack("<I", struct.pack("<f", f))[0]
    b = struct.unpack("<Q", struct.pack("<d", d))[0]
    return (b ^ (b >> 32)) & M32


def mix_last(h, data):
    k = (data * 0xCC9E2D51) & M32
    k = ((k << 15) | (k >> 17)) & M32
    k = (k * 0x1B873593) & M32
    return h ^ k


def decimal_hash(v):
    if v == 0:
        return 0
    sign, digits, exp = v.normalize().as_tuple()
    if exp >= 0:  # isWhole: toBigInt.hashCode
        i = int(v)
        return long_hash(i) if -2 ** 63 <= i < 2 ** 63 else biginteger_hash(i)
    d = float(v)  # BigDecimal.doubleValue, correctly rounded
    if not math.isinf(d) and Decimal(java_double(d)) == v:  # isDecimalDouble
        return double_hash(d)
    unscaled = int("".join(map(str, digits))) * (-1 if sign else 1)
    return mix_last(biginteger_hash(unscaled), -exp)


# ---- UnsafeRow / UnsafeArrayData bytes ----

def round8(n):
    return (n + 7) // 8 * 8


def is_var(t):
    return t[0] in ("string", "struct", "array") or (t[0] == "dec" and t[1] > 18)


def elem_size(t):
    return 4 if t in (INT,) else 8


def fixed_bytes(t, v):
    if t == INT:
        return struct.pack("<i", v)
    if t == DOUBLE:
        return struct.pack("<Q", 0x7FF8000000000000) if math.isnan(v) else struct.pack("<d", v)
    if t[0] == "dec":  # precision <= 18: the unscaled long
        return struct.pack("<q", int(v.scaleb(t[2])))
    raise ValueError(t)


def to_byte_array(i):
    """BigInteger.toByteArray: minimal big-endian two's complement."""
    n = (i if i >= 0 else ~i).bit_length() // 8 + 1
    return i.to_bytes(n, "big", signed=True)


def var_bytes(t, v, in_array):
    """(bytes written to the variable part, size in the slot)."""
    if t == STRING:
        b = v.encode()
        return b + bytes(round8(len(b)) - len(b)), len(b)
    if t[0] == "struct":
        b = row_bytes(t, v)
        return b, len(b)
    if t[0] == "array":
        b = array_bytes(t[1], v)
        return b, len(b)
    b = to_byte_array(int(v.scaleb(t[2])))  # a DECIMAL of more than 18 digits
    return b + bytes((round8(len(b)) if in_array else 16) - len(b)), len(b)


def row_bytes(t, vals):
    n = len(t[1])
    nullw = 8 * ((n + 63) // 64)
    fixed, var = bytearray(nullw + 8 * n), bytearray()
    for i, ((_, ft), v) in enumerate(zip(t[1], vals)):
        slot = nullw + 8 * i
        if v is None:
            fixed[i // 8] |= 1 << (i % 8)
            if ft[0] == "dec" and ft[1] > 18:  # 16 bytes kept, the offset in the slot
                fixed[slot:slot + 8] = ((len(fixed) + len(var)) << 32).to_bytes(8, "little")
                var += bytes(16)
        elif is_var(ft):
            data, size = var_bytes(ft, v, False)
            fixed[slot:slot + 8] = (((len(fixed) + len(var)) << 32) | size).to_bytes(8, "little")
            var += data
        else:
            b = fixed_bytes(ft, v)
            fixed[slot:slot + len(b)] = b
    return bytes(fixed + var)


def array_bytes(et, vals):
    n, es = len(vals), elem_size(et)
    hdr = 8 + 8 * ((n + 63) // 64)
    fixed, var = bytearray(hdr + round8(es * n)), bytearray()
    fixed[0:8] = n.to_bytes(8, "little")
    for i, v in enumerate(vals):
        at = hdr + es * i
        if v is None:
            fixed[8 + i // 8] |= 1 << (i % 8)
        elif is_var(et):
            data, size = var_bytes(et, v, True)
            fixed[at:at + 8] = (((len(fixed) + len(var)) << 32) | size).to_bytes(8, "little")
            var += data
        else:
            fixed[at:at + es] = fixed_bytes(et, v)
    return bytes(fixed + var)


def element(t, v):
    """(equality key, Java hashCode as unsigned 32 bits, printed form) of a non-NULL value."""
    if t[0] == "dec":
        return (v, decimal_hash(v), show(t, v))
    b = row_bytes(t, v) if t[0] == "struct" else array_bytes(t[1], v)
    return (b, murmur3_bytes(b, 42), show(t, v))


# ---- Scala 2.12's FlatHashTable (mutable.HashSet): spark_agg.fht_build ----

fht_build = spark_agg.fht_build


# ---- OpenHashMap (Mode): spark_agg.mode_of over the elements' hashCode and equality ----

def mode_of(elems):
    e = spark_agg.mode_of(elems, lambda e: e[1], lambda e: e[0])
    return "NULL" if e is None else e[2]


# ---- the two queries over the batches ----

SETS1 = [("d", D10_2), ("w", D25_5), ("s", S_TYPE), ("arr", ARR_TYPE)]
MODES1 = [("d", D10_2), ("s", S_TYPE), ("arr", ARR_TYPE)]


def main():
    d = os.path.dirname(os.path.abspath(__file__))
    sets = {}   # (query, g, column) -> stored set S (elements in order)
    seen = {}   # (g, column) -> every non-NULL value in order of arrival (mode)
    counts = {}
    out, b = [], 0
    for step, files in STEPS:
        out.append("=== step %s ===" % step)
        for f in files:
            rows = [json.loads(line, parse_float=Decimal) for line in open(os.path.join(d, step, f), encoding="utf-8")]
            touched = []
            for q, cols, where in ((1, SETS1, None), (2, [("s", S_TYPE)], "a")):
                batch_rows = {}
                for r in rows:
                    if where and r["g"] != where:
                        continue
                    batch_rows.setdefault(r["g"], []).append(r)
                for g, rs in batch_rows.items():
                    for c, t in cols:
                        a1 = fht_build([element(t, v) for v in (read(t, r.get(c)) for r in rs)
                                        if v is not None])
                        a2 = fht_build(fht_build(a1))
                        s = sets.get((q, g, c), [])
                        sets[(q, g, c)] = fht_build(fht_build(s) + fht_build(a2))
            for r in rows:
                g = r["g"]
                counts[g] = counts.get(g, 0) + 1
                if g not in touched:
                    touched.append(g)
                for c, t in (("d", D10_2), ("w", D25_5), ("s", S_TYPE), ("arr", ARR_TYPE)):
                    v = read(t, r.get(c))
                    if v is not None:
                        seen.setdefault((g, c), []).append(element(t, v))

            def result(q, g, c):
                return "[" + ", ".join(e[2] for e in fht_build(fht_build(sets.get((q, g, c), [])))) + "]"

            rows1 = [[g] + [result(1, g, c) for c, _ in SETS1] +
                     [mode_of(seen.get((g, c), [])) for c, _ in MODES1] for g in sorted(counts)]
            out += batch(b, ["g", "sd", "sw", "ss", "sa", "md", "ms", "ma"], rows1)
            if "a" in touched:
                out += batch(b, ["g", "ss", "mw", "c"],
                             [["a", result(2, "a", "s"), mode_of(seen.get(("a", "w"), [])),
                               str(counts["a"])]])
            b += 1
    sys.stdout.write("\n".join(out) + "\n")


main()
