#!/usr/bin/env python3
# model.py - the expected output of math_hyperbolic_sec, computed apart from sluice: Spark 3.5's
# Acosh, Asinh, Atanh, Sec and Csc (mathExpressions.scala) over a python transcription of
# fdlibm 5.3's e_log.c and s_log1p.c (java.lang.StrictMath) and the C library's sqrt, cos and
# sin (Math.sqrt is exact; Math.cos/sin as the runtime's), applied to data/part-0.json and
# printed as the console sink's show() (truncate = false).
#
#   python3 model.py > expected.out
import json
import math
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402
from fdlibm import LG, LN2_HI, LN2_LO, fd_log, hi, lo, with_hi  # noqa: E402,F401

INF = float("inf")
NAN = float("nan")


def s32(v):
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >> 31 else v


def fd_log1p(x):
    """fdlibm s_log1p.c"""
    hx = hi(x)
    ax = hx & 0x7FFFFFFF
    k, f, c, hu = 1, 0.0, 0.0, 0
    if hx < 0x3FDA827A:
        if ax >= 0x3FF00000:
            return -INF if x == -1.0 else NAN
        if ax < 0x3E200000:
            return x if ax < 0x3C900000 else x - x * x * 0.5
        if hx > 0 or hx <= s32(0xBFD2BEC3):
            k, f, hu = 0, x, 1
    if hx >= 0x7FF00000:
        return x + x
    if k != 0:
        if hx < 0x43400000:
            u = 1.0 + x
            hu = hi(u)
            k = (hu >> 20) - 1023
            c = 1.0 - (u - x) if k > 0 else x - (u - 1.0)
            c /= u
        else:
            u = x
            hu = hi(u)
            k = (hu >> 20) - 1023
            c = 0.0
        hu &= 0x000FFFFF
        if hu < 0x6A09E:
            u = with_hi(u, hu | 0x3FF00000)
        else:
            k += 1
            u = with_hi(u, hu | 0x3FE00000)
            hu = (0x00100000 - hu) >> 2
        f = u - 1.0
    hfsq = 0.5 * f * f
    if hu == 0:
        if f == 0.0:
            return 0.0 if k == 0 else k * LN2_HI + (c + k * LN2_LO)
        R = hfsq * (1.0 - 0.66666666666666666 * f)
        return f - R if k == 0 else k * LN2_HI - ((R - (k * LN2_LO + c)) - f)
    s = f / (2.0 + f)
    z = s * s
    R = z * (LG[0] + z * (LG[1] + z * (LG[2] + z * (LG[3] + z * (LG[4] + z * (LG[5] + z * LG[6]))))))
    if k == 0:
        return f - (hfsq - s * (hfsq + R))
    return k * LN2_HI - ((hfsq - (s * (hfsq + R) + (k * LN2_LO + c))) - f)


def jsqrt(v):
    return NAN if v < 0 or math.isnan(v) else math.sqrt(v)


def jdiv(a, b):
    """Java's double division (1 / 0.0 is Infinity, 1 / -0.0 -Infinity)"""
    if b == 0.0:
        return math.copysign(INF, b) * (1 if a > 0 else -1)
    return a / b


def jcos(x):
    return NAN if math.isinf(x) or math.isnan(x) else math.cos(x)


def jsin(x):
    return NAN if math.isinf(x) or math.isnan(x) else math.sin(x)


def acosh(x):
    return fd_log(x + jsqrt(x * x - 1.0))


def asinh(x):
    return -INF if x == -INF else fd_log(x + jsqrt(x * x + 1.0))


def atanh(x):
    return 0.5 * (fd_log1p(x) - fd_log1p(-x))


def num(v):
    return None if v is None else float(v)


def f1(fn, x):
    return None if x is None else fn(x)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    with open(os.path.join(here, "data", "part-0.json")) as f:
        for line in f:
            x = num(json.loads(line)["x"])
            rows.append([x, f1(acosh, x), f1(asinh, x), f1(atanh, x),
                         f1(lambda v: jdiv(1.0, jcos(v)), x), f1(lambda v: jdiv(1.0, jsin(v)), x),
                         acosh(2.0), atanh(0.5)])
    names = ["x", "ACOSH(x)", "ASINH(x)", "ATANH(x)", "SEC(x)", "CSC(x)", "ACOSH(2)", "s"]
    sys.stdout.write("\n".join(show_batch(0, names, rows)) + "\n")


if __name__ == "__main__":
    main()
