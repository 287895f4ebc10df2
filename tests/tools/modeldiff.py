#!/usr/bin/env python3
"""modeldiff.py - differential testing of sluice's batch queries against a python model of Spark.

    tests/tools/modeldiff.py --sluice build/compiler/sluice [--seeds 0:100] [--queries 12]
                             [--work DIR] [--keep] [--show-sql]

The areas where DuckDB (difftest.py's reference) computes differently from Spark 3.5, evaluated
here by python code written from Spark's classes (named where each rule is):

- DECIMAL(p, s) columns of random precision and scale (a seed picks three types), literals,
  INT/BIGINT columns and integer literals beside decimals (DecimalPrecision), + - * / % pmod
  div, unary minus, abs, round/bround, floor/ceil, CAST to DECIMAL from DECIMAL, STRING,
  DOUBLE and INT, CAST of DECIMAL to STRING, DOUBLE, INT, BIGINT, comparisons, coalesce,
  greatest, least and CASE in the wider decimal type; sum, avg, min, max, count of decimals
  grouped or global (Sum, Average);
- upper/lower of non-ASCII text (Java's String.toUpperCase/toLowerCase: SpecialCasing, the
  final sigma, dotted I), length/substring/reverse/left/right by code points (surrogate pairs);
- date_format of timestamps with Java DateTimeFormatter patterns (DateTimeFormatterHelper:
  'y' is read as 'u');
- try_add/try_subtract/try_multiply/try_divide and try_sum/try_avg (evalMode TRY);
- to_timestamp/to_date/unix_timestamp with patterns, numeric and with text and zone fields
  (spark_datetime_parse.py), nested JSON
  columns, from_json and get_json_object (spark_json_nested.py), CSV reading options and
  quoting (spark_csv_read.py), each from its own random generator of the seed;
- aggregates of the INT, BIGINT, DOUBLE and STRING columns, global or grouped by one or two
  keys (NULL, NaN, -0.0 and the infinities, also made by `d * 0` and `-e`, normalised as
  NormalizeFloatingNumbers does; non-ASCII strings ordered by their UTF-8 bytes,
  UTF8String.binaryCompare): count, count(DISTINCT), min/max (the first of equal values),
  first/last/any_value/first_value/last_value with and without ignoreNulls, max_by/min_by (a
  tie goes to the later row: MaxMinBy), sum of integers wrapping to BIGINT, sum/avg of DOUBLE
  and avg of integers in DOUBLE (Average.sumDataType), count_if, bool_and/bool_or/every/some,
  sum(DISTINCT) of integers.

Each seed is one JSON Lines table and --queries queries over it; every query orders its rows
by the row's `id` (all values distinct), so the model's rows are compared in order. A query the
model says fails (Spark throws) must fail in sluice too.
"""

import argparse
import datetime
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from spark_show import java_double  # noqa: E402
from difftest import escape_meta, run_sql  # noqa: E402
import spark_datetime_parse  # noqa: E402
import spark_json_nested  # noqa: E402
import spark_csv_read  # noqa: E402

MAX_P = 38
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1


class SparkError(Exception):
    """The query fails in Spark (an exception at run time)."""


# ---------------------------------------------------------------- decimals (Decimal.scala)

class Dec:
    """A java.math.BigDecimal: unscaled integer u and scale s (s >= 0 here)."""
    __slots__ = ("u", "s")

    def __init__(self, u, s):
        self.u, self.s = u, s

    def digits(self):
        """BigDecimal.precision: the digits of u (1 for 0)."""
        return len(str(abs(self.u)))

    def at(self, s):
        """The same value at a scale >= self.s (exact)."""
        return self.u * 10 ** (s - self.s)

    def cmp(self, o):
        m = max(self.s, o.s)
        a, b = self.at(m), o.at(m)
        return (a > b) - (a < b)


def div_half_up(n, d):
    """n / d rounded HALF_UP (ties away from zero), d > 0."""
    q, r = divmod(abs(n), d)
    if 2 * r >= d:
        q += 1
    return q if n >= 0 else -q


def div_round(n, d, mode):
    """n / d (d > 0) rounded by mode: HALF_UP, HALF_EVEN, FLOOR, CEILING, DOWN."""
    if mode == "HALF_UP":
        return div_half_up(n, d)
    if mode == "FLOOR":
        return n // d
    if mode == "CEILING":
        return -((-n) // d)
    if mode == "DOWN":
        q = abs(n) // d
        return q if n >= 0 else -q
    q, r = divmod(abs(n), d)  # HALF_EVEN
    if 2 * r > d or (2 * r == d and q % 2 == 1):
        q += 1
    return q if n >= 0 else -q


def set_scale(x, s, mode="HALF_UP"):
    """BigDecimal.setScale(s, mode) (s may be negative: the result is kept at scale 0)."""
    if s >= x.s:
        return Dec(x.at(s), s)
    u = div_round(x.u, 10 ** (x.s - s), mode)
    if s < 0:
        return Dec(u * 10 ** (-s), 0)
    return Dec(u, s)


def to_precision(x, p, s, mode="HALF_UP"):
    """Decimal.toPrecision(p, s, mode, nullOnOverflow = true): None when it does not fit."""
    if x is None:
        return None
    y = set_scale(x, s, mode)
    return y if abs(y.u) < 10 ** p else None


def from_java(u, s):
    """Decimal(BigDecimal) (Decimal.set(BigDecimal)): a negative scale is set to 0."""
    if s < 0:
        return Dec(u * 10 ** (-s), 0)
    return Dec(u, s)


def round_mc(u, s, prec=MAX_P):
    """A BigDecimal u * 10^-s rounded to `prec` significant digits HALF_UP (MathContext)."""
    n = len(str(abs(u)))
    if n <= prec:
        return u, s
    drop = n - prec
    v = div_half_up(u, 10 ** drop)
    if len(str(abs(v))) > prec:  # 999.. rounded up to 1000..
        v //= 10
        drop += 1
    return v, s - drop


def dec_plain(x):
    """BigDecimal.toPlainString."""
    neg = x.u < 0
    d = str(abs(x.u))
    if x.s > 0:
        d = d.rjust(x.s + 1, "0")
        d = d[:-x.s] + "." + d[-x.s:]
    return ("-" if neg else "") + d


def dec_string(x):
    """BigDecimal.toString: plain when the scale is >= 0 and the adjusted exponent >= -6,
    else one digit, the rest after a point, and E-n."""
    d = str(abs(x.u))
    adj = -x.s + (len(d) - 1)
    if x.s >= 0 and adj >= -6:
        return dec_plain(x)
    m = d[0] + ("." + d[1:] if len(d) > 1 else "")
    return ("-" if x.u < 0 else "") + m + "E" + ("+" if adj > 0 else "") + str(adj)


def parse_big_decimal(t):
    """new java.math.BigDecimal(t): [+-]digits[.digits][(e|E)[+-]digits] (digits on one side of
    the point at least); None for anything else (NumberFormatException)."""
    import re
    m = re.fullmatch(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?", t)
    if not m or (m.group(2) == "" and (m.group(3) or "") == ""):
        return None
    sign, ip, fp, ex = m.group(1), m.group(2), m.group(3) or "", m.group(4)
    u = int(ip + fp or "0") * (-1 if sign == "-" else 1)
    s = len(fp) - (int(ex) if ex else 0)
    return u, s


def adjust(p, s):
    """DecimalType.adjustPrecisionScale (allowPrecisionLoss = true)."""
    if p <= MAX_P:
        return p, s
    int_digits = p - s
    min_scale = min(s, 6)
    return MAX_P, max(MAX_P - int_digits, min_scale)


def bounded(p, s):
    """DecimalType.bounded."""
    return min(p, MAX_P), min(s, MAX_P)


def wider(t1, t2):
    """DecimalPrecision.widerDecimalType: bounded(max int digits + max scale, max scale)."""
    (p1, s1), (p2, s2) = t1, t2
    s = max(s1, s2)
    return bounded(max(p1 - s1, p2 - s2) + s, s)


def wrap(v, bits):
    m = 1 << bits
    v %= m
    return v - m if v >= m // 2 else v


def java_double_of(x):
    """BigDecimal.doubleValue: the nearest double (python's Fraction conversion is exact)."""
    from fractions import Fraction
    return float(Fraction(x.u, 10 ** x.s))


def compare_doubles(x, y):
    """SQLOrderingUtil.compareDoubles: NaN is above every number and equal to NaN."""
    if math.isnan(x) or math.isnan(y):
        return (not math.isnan(y)) - (not math.isnan(x))
    return (x > y) - (x < y)


def double_to_dec(d):
    """Decimal(d): BigDecimal(Double.toString(d)) (Decimal.set(Double)); NaN and the
    infinities fail (NumberFormatException), which Cast turns into NULL."""
    if math.isnan(d) or math.isinf(d):
        return None
    u, s = parse_big_decimal(java_double(d))
    return from_java(u, s)


# ---------------------------------------------------------------- types and expressions

def dt(p, s):
    return ("DEC", p, s)


def is_dec(t):
    return isinstance(t, tuple)


def tname(t):
    return f"DECIMAL({t[1]},{t[2]})" if is_dec(t) else t


class E:
    """An expression: Spark SQL text, Spark type, and an evaluator of one row."""

    def __init__(self, sql, t, ev, lit_int=None):
        self.sql, self.t, self.ev, self.lit_int = sql, t, ev, lit_int


def null_safe(f, *args):
    def ev(row):
        vs = [a.ev(row) for a in args]
        if any(v is None for v in vs):
            return None
        return f(*vs)
    return ev


def as_dec_type(e):
    """The decimal type an operand beside a decimal counts as (DecimalPrecision): an integer
    literal its own digits (DecimalType.fromLiteral), an INT column DECIMAL(10,0), a BIGINT
    DECIMAL(20,0)."""
    if is_dec(e.t):
        return e.t[1:]
    if e.lit_int is not None:
        return (max(len(str(abs(e.lit_int))), 1), 0)
    return (10, 0) if e.t == "INT" else (20, 0)


def to_dec_value(v, t):
    """A value of type t as a Dec (an integer is Decimal(long), exact)."""
    return v if is_dec(t) else Dec(v, 0)


def cast_dec(e, p, s):
    """Cast(e, DECIMAL(p, s)) non-ANSI: changePrecision HALF_UP, NULL on overflow."""
    def ev(row):
        v = e.ev(row)
        if v is None:
            return None
        if e.t == "STRING":
            # Decimal.fromString: new BigDecimal(s.toString.trim) (String.trim: <= ' ');
            # more than 38 integral digits is NULL
            r = parse_big_decimal(v.strip("".join(chr(c) for c in range(33))))
            if r is None:
                return None
            x = Dec(*r) if r[1] >= 0 else from_java(*r)
            if x.digits() - x.s > MAX_P:
                return None
            return to_precision(x, p, s)
        if e.t == "DOUBLE":
            return to_precision(double_to_dec(v), p, s)
        if e.t == "BOOLEAN":
            return to_precision(Dec(1 if v else 0, 0), p, s)
        return to_precision(to_dec_value(v, e.t), p, s)
    return E(f"CAST({e.sql} AS DECIMAL({p},{s}))", dt(p, s), ev)


def integral_quotient(xa, ya):
    """BigDecimal.divideToIntegralValue(y, MathContext(38, HALF_UP)) of xa / ya (ya != 0): the
    quotient truncated toward zero; it divides to 38 digits rounded DOWN and throws "Division
    impossible" when that is not the whole integral part (a nonzero digit past the 38th)."""
    q = abs(xa) // abs(ya) * (1 if (xa >= 0) == (ya > 0) else -1)
    if len(str(abs(q)).rstrip("0")) > MAX_P:
        raise SparkError("Division impossible")
    return q


def dec_arith(op, a, b):
    """Add/Subtract/Multiply/Divide/Remainder/Pmod of decimals (arithmetic.scala's
    resultDecimalType, Decimal's + - * / %, checkDecimalOverflow)."""
    (p1, s1), (p2, s2) = as_dec_type(a), as_dec_type(b)
    if op in "+-":
        rs = max(s1, s2)
        p, s = adjust(max(p1 - s1, p2 - s2) + rs + 1, rs)
    elif op == "*":
        p, s = adjust(p1 + p2 + 1, s1 + s2)
    elif op == "/":
        sc = max(6, s1 + p2 + 1)
        p, s = adjust(p1 - s1 + s2 + sc, sc)
    else:  # % and pmod
        rs = max(s1, s2)
        p, s = adjust(min(p1 - s1, p2 - s2) + rs, rs)

    def rem(x, y):
        # BigDecimal.remainder(y, MathContext(38, HALF_UP)): x - divideToIntegralValue(y, mc) * y;
        # an integral quotient of more than 38 digits is "Division impossible"
        m = max(x.s, y.s)
        xa, ya = x.at(m), y.at(m)
        q = integral_quotient(xa, ya)
        return Dec(xa - q * ya, m)

    def f(x, y):
        x, y = to_dec_value(x, a.t), to_dec_value(y, b.t)
        if op in "+-":
            m = max(x.s, y.s)
            r = Dec(x.at(m) + (y.at(m) if op == "+" else -y.at(m)), m)
        elif op == "*":
            r = from_java(*round_mc(x.u * y.u, x.s + y.s))
        elif op == "/":
            if y.u == 0:
                return None
            # BigDecimal.divide(y, 38, HALF_UP)
            n = x.u * 10 ** (MAX_P + y.s - x.s)
            r = Dec(div_half_up(n * (1 if y.u > 0 else -1), abs(y.u)), MAX_P)
        elif op == "%":
            if y.u == 0:
                return None
            r = rem(x, y)
        else:  # Pmod.pmod(Decimal): r = a % n; if r < 0 (r + n) % n
            if y.u == 0:
                return None
            r = rem(x, y)
            if r.u < 0:
                m = max(r.s, y.s)
                r = rem(Dec(r.at(m) + y.at(m), m), y)
        return to_precision(r, p, s)
    sql = f"pmod({a.sql}, {b.sql})" if op == "pmod" else f"({a.sql} {op} {b.sql})"
    return E(sql, dt(p, s), null_safe(f, a, b))


def dec_div_integral(a, b):
    """IntegralDivide of decimals: quot = divideToIntegralValue(mc), bounded(intDig, 0), toLong."""
    (p1, s1), (p2, s2) = as_dec_type(a), as_dec_type(b)
    idig = p1 - s1 + s2
    p, s = bounded(idig if idig else 1, 0)

    def f(x, y):
        x, y = to_dec_value(x, a.t), to_dec_value(y, b.t)
        if y.u == 0:
            return None
        m = max(x.s, y.s)
        q = integral_quotient(x.at(m), y.at(m))
        r = to_precision(Dec(q, 0), p, s)
        return None if r is None else wrap(r.u, 64)
    return E(f"({a.sql} div {b.sql})", "BIGINT", null_safe(f, a, b))


def dec_round(e, d, mode):
    """RoundBase on DECIMAL(p, s) (mathExpressions.scala)."""
    p, s = e.t[1:]
    if d < 0:
        rp, rs = min(max(p - s + 1, -d + 1), MAX_P), 0
    else:
        rs = min(s, d)
        rp = min(p - s + 1 + rs, MAX_P)

    def f(x):
        if d >= 0:
            return set_scale(x, rs, mode)  # fits p digits: toPrecision(x.precision, s, mode)
        y = set_scale(x, d, mode)
        if y.digits() > rp:
            raise SparkError("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION")
        return y
    name = "round" if mode == "HALF_UP" else "bround"
    return E(f"{name}({e.sql}, {d if d >= 0 else f'({d})'})", dt(rp, rs), null_safe(f, e))


def dec_floor_ceil(e, up):
    """Decimal.floor/ceil: a scale-0 decimal is itself, else DECIMAL(p-s+1, 0) (bounded)."""
    p, s = e.t[1:]
    if s == 0:
        return E(f"{'ceil' if up else 'floor'}({e.sql})", e.t, e.ev)
    rp = min(p - s + 1, MAX_P)
    return E(f"{'ceil' if up else 'floor'}({e.sql})", dt(rp, 0),
             null_safe(lambda x: set_scale(x, 0, "CEILING" if up else "FLOOR"), e))


def dec_common(kind, a, b, c=None):
    """coalesce/greatest/least/CASE of two decimals: both cast to the wider decimal type
    (TypeCoercion.findWiderTypeForTwo -> DecimalPrecision.widerDecimalType), NULL when a
    value does not fit."""
    p, s = wider(as_dec_type(a), as_dec_type(b))
    ca, cb = cast_dec(a, p, s), cast_dec(b, p, s)

    def ev(row):
        if kind == "case":
            cv = c.ev(row)
            return ca.ev(row) if cv else cb.ev(row)
        x, y = ca.ev(row), cb.ev(row)
        if kind == "coalesce":
            return x if x is not None else y
        vals = [v for v in (x, y) if v is not None]
        if not vals:
            return None
        best = vals[0]
        for v in vals[1:]:
            if (v.cmp(best) > 0) if kind == "greatest" else (v.cmp(best) < 0):
                best = v
        return best
    sql = (f"CASE WHEN {c.sql} THEN {a.sql} ELSE {b.sql} END" if kind == "case"
           else f"{kind}({a.sql}, {b.sql})")
    return E(sql, dt(p, s), ev)


def dec_compare(a, b, op):
    """A comparison of decimals: both cast to the wider decimal type (DecimalPrecision's
    BinaryComparison rule), a value that does not fit is NULL."""
    p, s = wider(as_dec_type(a), as_dec_type(b))
    ca = a if is_dec(a.t) and a.t[1:] == (p, s) else cast_dec(a, p, s)
    cb = b if is_dec(b.t) and b.t[1:] == (p, s) else cast_dec(b, p, s)
    fn = {"<": lambda c: c < 0, "<=": lambda c: c <= 0, ">": lambda c: c > 0,
          ">=": lambda c: c >= 0, "=": lambda c: c == 0, "<>": lambda c: c != 0}[op]
    return E(f"({a.sql} {op} {b.sql})", "BOOLEAN", null_safe(lambda x, y: fn(x.cmp(y)), ca, cb))


# ---------------------------------------------------------------- strings (UTF8String)

def java_upper(s):
    """String.toUpperCase (Locale.ROOT): SpecialCasing's unconditional mappings (python's
    str.upper has the same, for the characters of the data)."""
    return s.upper()


def java_lower(s):
    """String.toLowerCase: the final sigma (ConditionalSpecialCasing.isFinalCased, which looks
    within a word: the data has sigmas only at a word's end, in its middle or alone) and
    U+0130 as i + U+0307; python's str.lower agrees on them."""
    return s.lower()


def java_initcap(s):
    """InitCap: toLowerCase, then UTF8String.toTitleCase(Slow): Character.toTitleCase(char) of
    the first UTF-16 char and of each one after a ' ' (a surrogate stays as it is; the simple
    title mapping, which python's str.title gives where it is one character, and none where
    the full mapping is longer: 'ß', 'ﬁ')."""
    out = []
    for i, c in enumerate(java_lower(s)):
        if (i == 0 or out[-1] == " ") and ord(c) <= 0xFFFF and len(c.title()) == 1:
            c = c.title()
        out.append(c)
    return "".join(out)


def substring_sql(s, pos, ln):
    """UTF8String.substringSQL(pos, length) by code points."""
    start = pos - 1 if pos > 0 else (len(s) + pos if pos < 0 else 0)
    end = min(start + ln, INT_MAX)
    start = max(start, 0)
    return "" if start >= end else s[start:end]


# ---------------------------------------------------------------- date_format (DateTimeFormatter)

def date_format(pattern, micros_epoch):
    """date_format in the session zone UTC, Locale.US (spark_datetime_parse.format_ts:
    DateTimeFormatterBuilder.appendPattern's printers; 'y' has become 'u' without a 'G')."""
    return spark_datetime_parse.format_ts(pattern, micros_epoch)


# Patterns: letters and counts Java 17 accepts and Spark 3.5 does not refuse for formatting.
DATE_PATTERNS = [
    "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSS", "y", "yy", "yyy",
    "yyyyy", "M/d/yy h:mm a", "MMM d, yyyy", "MMMM", "LLL LLLL", "EEE, d MMM yyyy", "EEEE",
    "D", "DD", "DDD", "HH:mm:ss.SSSSSS", "S", "SS", "SSSSS", "SSSSSSSSS", "hh 'o''clock' a",
    "K k", "KK kk", "QQQ qqqq Q qq", "G yyyy", "GGGG", "yyyyMMddHHmmss", "''", "'at' HH",
    "yyyy-MM-dd HH:mm:ss Z", "ZZZZZ X xxx x", "[yyyy]-MM", "dd.MM.yyyy",
]


# ---------------------------------------------------------------- data

STRINGS = ["Straße", "ß", "ﬁle", "ﬀ", "ŉ", "ǰ", "ΐ", "ΟΔΟΣ", "ΣΑΣ ΣΑ", "Σ", "ΑΣΑ", "İstanbul",
           "ıi", "ǅ", "ǈ", "Ǳ", "ǆ", "ÀÉÎõ", "µ", "ſ", "ÿ", "ᾳ", "ẞ", "K", "Å", "😀", "a😀b",
           "𐐀𐐨", "日本語", "e\u0301", "Ⅻ", "ⓐ", "", "abc", "Hello World", "ǈubljana", "ﬃx",
           "ΆΈΉ", "ώς", "Ωmega", "𝒜", "ω😀Σ", "ǆEMAL sTÉ", "hello ǳ world", "ﬂoor ŉ ǰob", "a ᾳb",
           "x  y", " lead", "և x"]


def gen_dec_types(r):
    types = []
    for _ in range(3):
        p = r.choice([1, 2, 3, 5, 9, 10, 12, 18, 19, 20, 28, 37, 38])
        s = r.choice([0, 0, 1, 2, p // 2, p, min(p, 6), min(p, 18)])
        types.append((p, min(s, p)))
    return types


def gen_dec_value(r, p, s):
    k = r.randrange(9)
    if k == 0:
        u = 0
    elif k == 1:
        u = 10 ** p - 1
    elif k == 2:
        u = r.choice([1, 5, 10 ** s if s < p else 1, 5 * 10 ** max(s - 1, 0)])
    elif k == 3:
        u = r.randrange(10 ** min(p, 3))
    else:
        u = r.randrange(10 ** r.randint(1, p))
    return Dec(u if r.random() < 0.6 else -u, s)


def dec_json(r, x, p):
    """A decimal's JSON text: a number, a numeric string, or with one digit more (rounded
    HALF_UP on reading by Decimal.set(BigDecimal, p, s), kept only when it still fits)."""
    text = dec_plain(x)
    if r.random() < 0.15 and x.s < 30:
        extra = r.choice([5, 4, 9])
        y = Dec(x.u * 10 + (extra if x.u >= 0 else -extra), x.s + 1)
        if to_precision(y, p, x.s) is not None:
            return dec_plain(y), to_precision(y, p, x.s)
    if r.random() < 0.1 and x.u != 0:
        # an exponent form: Jackson's getDecimalValue reads it exactly
        return dec_plain(Dec(x.u, x.s + 2)) + "e2", x
    if r.random() < 0.2:
        return json.dumps(text), x
    return text, x


def gen_rows(r, dtypes):
    rows, texts = [], []
    for i in range(r.choice([1, 3, 8, 15, 30])):
        row, js = {"id": i, "k": r.choice([0, 1, 2])}, [f'"id":{i}']
        js.append(f'"k":{row["k"]}')
        for n, (p, s) in zip("abc", dtypes):
            if r.random() < 0.15:
                row[n] = None
                continue
            text, v = dec_json(r, gen_dec_value(r, p, s), p)
            row[n] = v
            js.append(f'"{n}":{text}')
        row["i"] = None if r.random() < 0.1 else r.choice(
            [0, 1, -1, 7, 100, INT_MAX, INT_MIN, r.randint(-1000, 1000)])
        row["l"] = None if r.random() < 0.1 else r.choice(
            [0, 3, -2, LONG_MAX, LONG_MIN, 10 ** 15, r.randint(-10 ** 6, 10 ** 6)])
        row["d"] = None if r.random() < 0.1 else r.choice(
            [0.0, 1.5, -2.25, 0.1, 1e20, 1e-7, 123.456, float("nan"), float("inf"), 2.675, -0.0])
        row["e"] = None if r.random() < 0.1 else r.choice(
            [0.0, -0.0, float("nan"), 1.0, -1.0, float("inf"), float("-inf"), 0.5, 0.1, 0.2])
        row["s"] = None if r.random() < 0.1 else r.choice(STRINGS)
        row["w"] = None if r.random() < 0.1 else r.choice(
            ["1.5", " 12 ", "+5", "-0.005", "1e3", "1E-3", "0x1F", "", ".5", "5.", "1.2.3",
             "12345678901234567890123456789012345678901", "9" * 40 + ".5", "-1e-40", "1,000",
             "\t7.25\n", "NaN", "1e400"])
        us = r.choice([0, 0, 123456, 500000, 999999, 1])
        secs = r.choice([0, 86399, 43200, 1705314030, -1, 253402300799, -62135596800,
                         r.randint(-2 * 10 ** 9, 4 * 10 ** 9)])
        row["ts"] = None if r.random() < 0.1 else secs * 1_000_000 + us
        for n in ("i", "l"):
            if row[n] is not None:
                js.append(f'"{n}":{row[n]}')
        for n in ("d", "e"):
            if row[n] is not None:
                v = row[n]
                js.append(f'"{n}":' + (json.dumps(java_double(v)) if not math.isfinite(v) else repr(v)))
        for n in ("s", "w"):
            if row[n] is not None:
                js.append(f'"{n}":' + json.dumps(row[n], ensure_ascii=False))
        if row["ts"] is not None:
            t = datetime.datetime(1970, 1, 1) + datetime.timedelta(microseconds=row["ts"])
            js.append(f'"ts":"{t.year:04d}-{t.month:02d}-{t.day:02d}T{t.hour:02d}:{t.minute:02d}:'
                      f'{t.second:02d}.{row["ts"] % 1_000_000:06d}"')
        rows.append(row)
        texts.append("{" + ",".join(js) + "}")
    return rows, texts


# ---------------------------------------------------------------- generator

class Gen:
    def __init__(self, r, dtypes):
        self.r, self.dtypes = r, dtypes

    def pick(self, xs):
        return self.r.choice(xs)

    def col(self, n, t):
        return E(n, t, lambda row: row[n])

    def dec_leaf(self):
        k = self.r.randrange(6)
        if k <= 2:
            n = "abc"[k]
            return self.col(n, dt(*self.dtypes[k]))
        if k == 3:
            lit = self.pick(["1.5", "0.001", "-2.50", "100.0", "0.5", "12345678901234567890.1",
                             "99999999999999999999999999999999999999", "0.00000000000000000001",
                             "7.0", "3.14159265358979323846"])
            u, s = parse_big_decimal(lit)
            p = max(len(str(abs(u))), s)
            return E(lit if not lit.startswith("-") else f"({lit})", dt(p, s),
                     lambda row, x=Dec(u, s): x)
        if k == 4:
            p, s = self.pick([(5, 2), (10, 0), (38, 10), (38, 0), (20, 18), (3, 3), (12, 4)])
            return cast_dec(self.col("w", "STRING"), p, s)
        p, s = self.pick([(10, 2), (38, 18), (20, 0), (6, 3), (38, 37)])
        return cast_dec(self.pick([self.col("d", "DOUBLE"), self.col("i", "INT"),
                                   self.col("l", "BIGINT")]), p, s)

    def int_operand(self):
        k = self.r.randrange(3)
        if k == 0:
            v = self.pick([0, 1, 2, 3, 10, 100, 12345, 2147483647])
            return E(str(v), "INT", lambda row, v=v: v, lit_int=v)
        return self.col("i", "INT") if k == 1 else self.col("l", "BIGINT")

    def dec(self, depth):
        if depth <= 0 or self.r.random() < 0.3:
            return self.dec_leaf()
        k = self.r.randrange(12)
        a = self.dec(depth - 1)
        if k <= 4:
            op = self.pick(["+", "-", "*", "/", "%", "pmod"])
            b = self.dec(depth - 1) if self.r.random() < 0.75 else self.int_operand()
            if self.r.random() < 0.3:
                a, b = b, a
            return dec_arith(op, a, b)
        if k == 5:
            return E(f"(- {a.sql})", a.t, null_safe(lambda x: Dec(-x.u, x.s), a))
        if k == 6:
            return E(f"abs({a.sql})", a.t, null_safe(lambda x: Dec(abs(x.u), x.s), a))
        if k == 7:
            return dec_round(a, self.pick([0, 1, 2, 3, 5, -1, -2]),
                             self.pick(["HALF_UP", "HALF_EVEN"]))
        if k == 8:
            return dec_floor_ceil(a, self.r.random() < 0.5)
        if k == 9:
            p, s = self.pick([(5, 2), (10, 4), (38, 2), (18, 9), (3, 0), (38, 20)])
            return cast_dec(a, p, s)
        b = self.dec(depth - 1)
        kind = self.pick(["coalesce", "greatest", "least", "case"])
        c = None
        if kind == "case":
            c = dec_compare(self.dec(0), self.dec(0), self.pick(["<", ">=", "="]))
        return dec_common(kind, a, b, c)

    def projection(self):
        """One column of a projection: (expr, type of the printed value)."""
        k = self.r.randrange(14)
        if k <= 4:
            return self.dec(self.r.randint(0, 3))
        a = self.dec(self.r.randint(0, 2))
        if k == 5:
            return E(f"CAST({a.sql} AS STRING)", "STRING", null_safe(dec_string, a))
        if k == 6:
            return E(f"CAST({a.sql} AS DOUBLE)", "DOUBLE", null_safe(java_double_of, a))
        if k == 7:
            t = self.pick(["INT", "BIGINT"])
            # Decimal.toInt/toLong: truncated, then the low 32/64 bits
            return E(f"CAST({a.sql} AS {t})", t,
                     null_safe(lambda x: wrap(int(div_round(x.u, 10 ** x.s, "DOWN")),
                                              32 if t == "INT" else 64), a))
        if k == 8:
            b = self.dec(self.r.randint(0, 2)) if self.r.random() < 0.7 else self.int_operand()
            return dec_compare(a, b, self.pick(["<", "<=", ">", ">=", "=", "<>"]))
        if k == 9:
            b = self.dec(self.r.randint(0, 1)) if self.r.random() < 0.5 else self.int_operand()
            return dec_div_integral(a, b)
        if k == 10:
            return self.string_expr()
        if k == 11:
            return self.date_format_expr()
        if k == 12 and self.r.random() < 0.4:
            # concat casts a decimal to STRING (ImplicitTypeCasts): Decimal.toString
            return E(f"concat('v=', {a.sql})", "STRING", null_safe(lambda x: "v=" + dec_string(x), a))
        if k == 12 and self.r.random() < 0.5:
            # a decimal compared with a DOUBLE: both DOUBLE (DecimalPrecision), compared as
            # SQLOrderingUtil.compareDoubles (NaN above everything and equal to itself,
            # -0.0 == 0.0)
            d = self.col("d", "DOUBLE")
            op = self.pick(["<", ">=", "="])
            fn = {"<": lambda c: c < 0, ">=": lambda c: c >= 0, "=": lambda c: c == 0}[op]
            return E(f"({a.sql} {op} {d.sql})", "BOOLEAN",
                     null_safe(lambda x, y: fn(compare_doubles(java_double_of(x), y)), a, d))
        if k == 12:
            # a decimal beside a DOUBLE: the decimal is cast to DOUBLE
            d = self.col("d", "DOUBLE")
            op = self.pick(["+", "*"])
            return E(f"({a.sql} {op} {d.sql})", "DOUBLE",
                     null_safe(lambda x, y: java_double_of(x) + y if op == "+"
                               else java_double_of(x) * y, a, d))
        return self.string_expr()

    def string_expr(self):
        s = self.col("s", "STRING")
        k = self.r.randrange(7)
        if k == 0:
            return E(f"upper({s.sql})", "STRING", null_safe(java_upper, s))
        if k == 1:
            return E(f"lower({s.sql})", "STRING", null_safe(java_lower, s))
        if k == 2:
            f = self.pick(["length", "char_length"])
            return E(f"{f}({s.sql})", "INT", null_safe(len, s))
        if k == 3:
            pos, ln = self.pick([1, 2, -1, -2, 0, 3]), self.pick([1, 2, 3, 10, 0, -1])
            ps = str(pos) if pos >= 0 else f"({pos})"
            ls = str(ln) if ln >= 0 else f"({ln})"
            return E(f"substring({s.sql}, {ps}, {ls})", "STRING",
                     null_safe(lambda x: substring_sql(x, pos, ln), s))
        if k == 4:
            return E(f"reverse({s.sql})", "STRING", null_safe(lambda x: x[::-1], s))
        if k == 5:
            n = self.pick([1, 2, 3])
            f = self.pick(["left", "right"])
            return E(f"{f}({s.sql}, {n})", "STRING",
                     null_safe(lambda x: x[:n] if f == "left" else x[-n:], s))
        if self.r.random() < 0.5:
            return E(f"initcap({s.sql})", "STRING", null_safe(java_initcap, s))
        f = self.pick(["upper", "lower"])
        g = java_upper if f == "upper" else java_lower
        return E(f"length({f}({s.sql}))", "INT", null_safe(lambda x: len(g(x)), s))

    def date_format_expr(self):
        p = self.pick(DATE_PATTERNS)
        ts = self.col("ts", "TIMESTAMP")
        lit = p.replace("'", "\\'")  # a quote in a SQL string literal is \'
        return E(f"date_format({ts.sql}, '{lit}')", "STRING",
                 null_safe(lambda v: date_format(p, v), ts))

    def aggregate(self):
        a = self.dec(self.r.randint(0, 2))
        p, s = a.t[1:]
        f = self.pick(["sum", "avg", "min", "max", "count"])
        if f == "count":
            return ("count", a, "BIGINT")
        if f in ("min", "max"):
            return (f, a, a.t)
        if f == "sum":
            return ("sum", a, dt(*bounded(p + 10, s)))
        return ("avg", a, dt(*bounded(p + 4, s + 4)))


def eval_agg(f, a, rt, rows):
    """Sum and Average of decimals (Sum.scala, Average.scala): the buffer sum is
    DECIMAL(p+10, s) bounded; a partial sum that does not fit becomes NULL and stays NULL
    (UnsafeRow.setDecimal); avg divides (Decimal./, scale 38 HALF_UP) by the count and rounds to
    DECIMAL(p+4, s+4)."""
    vals = [a.ev(row) for row in rows]
    vals = [v for v in vals if v is not None]
    if f == "count":
        return len(vals)
    if not vals:
        return None
    if f in ("min", "max"):
        best = vals[0]
        for v in vals[1:]:
            if (v.cmp(best) < 0) if f == "min" else (v.cmp(best) > 0):
                best = v
        return best
    p, s = a.t[1:]
    sp, ss = bounded(p + 10, s)
    total = Dec(0, ss)
    for v in vals:
        total = Dec(total.u + v.at(ss), ss)
        if abs(total.u) >= 10 ** sp:
            return None
    if f == "sum":
        return total
    rp, rs = rt[1:]
    q = div_half_up(total.u * 10 ** (MAX_P - ss), len(vals))
    return to_precision(Dec(q, MAX_P), rp, rs)


class Query:
    def __init__(self, sql, types, expect):
        self.sql, self.types, self.expect = sql, types, expect  # expect: rows or SparkError


def eval_rows(fn):
    try:
        return fn()
    except SparkError as e:
        return e


def dkey(x):
    """A grouping key as NormalizeFloatingNumbers makes it: -0.0 is 0.0, one NaN."""
    return x if x is None else (0.0 if x == 0 else x)


def double_group_query(r, rows, tail):
    """GROUP BY a DOUBLE with -0.0, 0.0 and NaN (normalised keys), aggregates of another
    DOUBLE: min/max keep the first of equal values (Greatest/Least with compareDoubles, where
    -0.0 == 0.0), sum starts from 0.0 (Sum: coalesce(sum, 0.0) + x), avg is that sum over the
    count, count(DISTINCT) of normalised values."""
    aggs = r.sample(["count(*)", "count(e)", "count(DISTINCT e)", "min(e)", "max(e)", "sum(e)",
                     "avg(e)"], r.randint(2, 4))
    sql = (f"SELECT d AS g, {', '.join(f'{a} AS c{i}' for i, a in enumerate(aggs))} FROM t"
           f" GROUP BY d ORDER BY g{tail}")

    def agg(a, grp):
        vals = [x["e"] for x in grp if x["e"] is not None]
        if a == "count(*)":
            return len(grp)
        if a == "count(e)":
            return len(vals)
        if a == "count(DISTINCT e)":
            return len({"nan" if math.isnan(v) else dkey(v) for v in vals})
        if not vals:
            return None
        if a in ("min(e)", "max(e)"):
            best = vals[0]
            for v in vals[1:]:
                c = compare_doubles(v, best)
                if (c < 0) if a == "min(e)" else (c > 0):
                    best = v
            return best
        s = 0.0
        for v in vals:
            s += v
        return s if a == "sum(e)" else s / len(vals)

    groups = {}
    for x in rows:
        k = dkey(x["d"])
        groups.setdefault("nan" if k is not None and math.isnan(k) else k, (k, []))[1].append(x)
    keys = sorted(groups.values(), key=lambda kv: (
        kv[0] is not None, math.isnan(kv[0]) if kv[0] is not None else False,
        kv[0] if kv[0] is not None and not math.isnan(kv[0]) else 0))
    types = ["DOUBLE"] + ["BIGINT" if a.startswith("count") else "DOUBLE" for a in aggs]
    return Query(sql, types, [[k] + [agg(a, grp) for a in aggs] for k, grp in keys])


def gen_query(r, g, rows):
    tail = " WITH (numRows = 100000, truncate = false);"
    if r.random() < 0.12:
        return double_group_query(r, rows, tail)
    if r.random() < 0.65:
        items = [g.projection() for _ in range(r.randint(1, 4))]
        sel = ", ".join(f"{e.sql} AS c{i}" for i, e in enumerate(items))
        sql = f"SELECT id, {sel} FROM t ORDER BY id{tail}"
        types = ["INT"] + [e.t for e in items]
        return Query(sql, types, eval_rows(
            lambda: [[row["id"]] + [e.ev(row) for e in items] for row in rows]))
    aggs = [g.aggregate() for _ in range(r.randint(1, 3))]
    sel = ", ".join(f"{f}({a.sql}) AS c{i}" for i, (f, a, _) in enumerate(aggs))
    if r.random() < 0.5:
        sql = f"SELECT {sel} FROM t{tail}"
        return Query(sql, [t for _, _, t in aggs],
                     eval_rows(lambda: [[eval_agg(f, a, t, rows) for f, a, t in aggs]]))
    if r.random() < 0.6:
        key = E("k", "INT", lambda row: row["k"])
    else:  # a decimal key: groups by value (Decimal.equals/hashCode of one scale)
        key = g.dec(r.randint(0, 1))
    sql = f"SELECT {key.sql} AS g, {sel} FROM t GROUP BY {key.sql} ORDER BY g{tail}"

    def grouped():
        # ORDER BY g: NULL first, then by value (Decimal.compare)
        groups = {}
        for x in rows:
            kv = key.ev(x)
            kk = None if kv is None else (kv.u * 10 ** (40 - kv.s) if is_dec(key.t) else kv)
            groups.setdefault(kk, (kv, []))[1].append(x)
        order = sorted(groups, key=lambda z: (z is not None, z if z is not None else 0))
        return [[groups[z][0]] + [eval_agg(f, a, t, groups[z][1]) for f, a, t in aggs]
                for z in order]
    return Query(sql, [key.t] + [t for _, _, t in aggs], eval_rows(grouped))


# ---------------------------------------------------------------- try_* (evalMode TRY)

def try_int_arith(op, a, b):
    """TryAdd/TrySubtract/TryMultiply of INT or BIGINT (Add/Subtract/Multiply with
    EvalMode.TRY: Math.addExact & co., an overflow is NULL); the wider of the two types."""
    t = "BIGINT" if "BIGINT" in (a.t, b.t) else "INT"
    bits = 64 if t == "BIGINT" else 32
    name = {"+": "try_add", "-": "try_subtract", "*": "try_multiply"}[op]

    def f(x, y):
        v = x + y if op == "+" else x - y if op == "-" else x * y
        return v if -(2 ** (bits - 1)) <= v < 2 ** (bits - 1) else None
    return E(f"{name}({a.sql}, {b.sql})", t, null_safe(f, a, b))


def try_divide_num(a, b):
    """TryDivide of integers: Divide casts both to DOUBLE; a zero divisor is NULL."""
    def f(x, y):
        return None if y == 0 else float(x) / float(y)
    return E(f"try_divide({a.sql}, {b.sql})", "DOUBLE", null_safe(f, a, b))


def try_projection(g):
    r = g.r
    k = r.randrange(6)
    ints = [g.col("i", "INT"), g.col("k", "INT"), g.col("l", "BIGINT"),
            E("2147483647", "INT", lambda row: INT_MAX, lit_int=INT_MAX),
            E("(-2147483648)", "INT", lambda row: INT_MIN, lit_int=INT_MIN),
            E("9223372036854775807", "BIGINT", lambda row: LONG_MAX)]
    if k <= 1:
        return try_int_arith(r.choice("+-*"), r.choice(ints), r.choice(ints))
    if k == 2:
        return try_divide_num(r.choice(ints[:3]), r.choice(ints[:3]))
    # decimals: Add/Subtract/Multiply/Divide with EvalMode.TRY are NULL on overflow and on
    # a zero divisor, as the non-ANSI operators (checkDecimalOverflow, Divide's null)
    if k == 3:
        # DOUBLEs: Add/Subtract/Multiply never fail; Divide is NULL for a zero divisor (-0.0
        # too: input2 == 0)
        op = r.choice(["+", "-", "*", "/"])
        a, b = g.col(r.choice("de"), "DOUBLE"), g.col(r.choice("de"), "DOUBLE")
        name = {"+": "try_add", "-": "try_subtract", "*": "try_multiply", "/": "try_divide"}[op]

        def fd(x, y):
            if op == "/":
                return None if y == 0 else x / y
            return x + y if op == "+" else x - y if op == "-" else x * y
        return E(f"{name}({a.sql}, {b.sql})", "DOUBLE", null_safe(fd, a, b))
    op = r.choice(["+", "-", "*", "/"])
    a, b = g.dec(r.randint(0, 1)), g.dec(r.randint(0, 1))
    if r.random() < 0.3:  # an INT or BIGINT beside a decimal: DECIMAL(10,0) or (20,0)
        a, b = (g.int_operand(), b) if r.random() < 0.5 else (a, g.int_operand())
    e = dec_arith(op, a, b)
    name = {"+": "try_add", "-": "try_subtract", "*": "try_multiply", "/": "try_divide"}[op]
    return E(f"{name}({a.sql}, {b.sql})", e.t, e.ev)


def try_sum_long(vals):
    """TrySum of BIGINT (SumBase with shouldTrackIsEmpty for integral types): the sum starts at
    0 and each value is TryEval(sum + x) with ANSI Add, so the first overflow makes it NULL
    and NULL + x stays NULL; isEmpty gives NULL for no values."""
    s = 0
    for v in vals:
        s += v
        if not LONG_MIN <= s <= LONG_MAX:
            return None
    return s


def try_query(r, g, rows, tail):
    """try_add/try_subtract/try_multiply/try_divide over t, or try_sum/try_avg."""
    if r.random() < 0.6:
        items = [try_projection(g) for _ in range(r.randint(1, 3))]
        sel = ", ".join(f"{e.sql} AS c{i}" for i, e in enumerate(items))
        return Query(f"SELECT id, {sel} FROM t ORDER BY id{tail}",
                     ["INT"] + [e.t for e in items],
                     eval_rows(lambda: [[row["id"]] + [e.ev(row) for e in items] for row in rows]))
    aggs, types, evs = [], [], []
    for _ in range(r.randint(1, 3)):
        k = r.randrange(5)
        if k == 0:
            aggs.append("try_sum(l)"), types.append("BIGINT")
            evs.append(lambda rs: None if all(x["l"] is None for x in rs) else
                       try_sum_long([x["l"] for x in rs if x["l"] is not None]))
        elif k == 1:
            aggs.append("try_sum(i)"), types.append("BIGINT")
            evs.append(lambda rs: None if all(x["i"] is None for x in rs) else
                       sum(x["i"] for x in rs if x["i"] is not None))
        elif k == 2:
            # Average of BIGINT: a DOUBLE sum of the values cast to DOUBLE, over the count
            aggs.append("try_avg(l)"), types.append("DOUBLE")

            def avg(rs):
                vals = [float(x["l"]) for x in rs if x["l"] is not None]
                s = 0.0
                for v in vals:
                    s += v
                return s / len(vals) if vals else None
            evs.append(avg)
        else:
            f, a, t = g.aggregate()
            if f not in ("sum", "avg"):
                f, t = "sum", dt(*bounded(a.t[1] + 10, a.t[2]))
            aggs.append(f"try_{f}({a.sql})"), types.append(t)
            evs.append(lambda rs, f=f, a=a, t=t: eval_agg(f, a, t, rs))
    sel = ", ".join(f"{a} AS c{i}" for i, a in enumerate(aggs))
    return Query(f"SELECT {sel} FROM t{tail}", types,
                 eval_rows(lambda: [[ev(rows) for ev in evs]]))


# ---------------------------------------------------------------- aggregates of t's other columns

def utf8_key(s):
    """UTF8String.binaryCompare: strings ordered by their UTF-8 bytes (not UTF-16 units)."""
    return s.encode("utf-8", "surrogatepass")


def spark_cmp(x, y, t):
    """Compare two non-NULL values of one column as Spark's ordering does (PhysicalDataType)."""
    if t == "DOUBLE":
        return compare_doubles(x, y)
    if t == "STRING":
        x, y = utf8_key(x), utf8_key(y)
    return (x > y) - (x < y)


def order_key(v, t):
    """ORDER BY a key ascending: NULL first (NullsFirst), NaN last, -0.0 as 0.0."""
    if v is None:
        return (0, 0, 0)
    if t == "DOUBLE":
        return (1, 1, 0) if math.isnan(v) else (1, 0, v)
    return (1, 0, utf8_key(v) if t == "STRING" else v)


def group_key(v, t):
    """The value a GROUP BY key groups by (NormalizeFloatingNumbers: -0.0 is 0.0, one NaN)."""
    if t == "DOUBLE" and v is not None:
        return "nan" if math.isnan(v) else dkey(v)
    return v


AGG_COLS = {"i": "INT", "l": "BIGINT", "d": "DOUBLE", "e": "DOUBLE", "s": "STRING",
            "w": "STRING", "k": "INT"}


def extremum(vals, t, sign):
    """Max/Min (Greatest/Least over the buffer): the first of equal values stays."""
    best = None
    for v in vals:
        if v is not None and (best is None or spark_cmp(v, best, t) * sign > 0):
            best = v
    return best


def max_min_by(pairs, t, sign):
    """MaxBy/MinBy (MaxMinBy.updateExpressions): a row with a NULL ordering is skipped, the
    first row with one sets the value; then a row replaces it unless the kept ordering is
    strictly greater (MaxBy) or less (MinBy) than its own, so on a tie the later row wins."""
    val, ordv = None, None
    for x, o in pairs:
        if o is None:
            continue
        if ordv is None or not spark_cmp(ordv, o, t) * sign > 0:
            val, ordv = x, o
    return val


def pick_first_last(vals, last, ignore_nulls):
    """First/Last (and AnyValue, which is First): the first/last row's value, or with
    ignoreNulls the first/last non-NULL one."""
    seq = [v for v in vals if v is not None] if ignore_nulls else vals
    if not seq:
        return None
    return seq[-1] if last else seq[0]


def double_sum(vals):
    """Sum/Average of DOUBLE: 0.0 + each value in input order (coalesce(sum, 0.0) + x)."""
    s = 0.0
    for v in vals:
        s += v
    return s


def gen_plain_agg(r):
    """(sql, type, fn(rows)) of one aggregate over t's INT, BIGINT, DOUBLE and STRING columns."""
    c = r.choice(list(AGG_COLS))
    t = AGG_COLS[c]
    k = r.randrange(9)
    if k == 0:
        f = r.choice(["count", "count(DISTINCT"])
        if f == "count":
            return f"count({c})", "BIGINT", lambda rs: sum(x[c] is not None for x in rs)
        return (f"count(DISTINCT {c})", "BIGINT",
                lambda rs: len({group_key(x[c], t) for x in rs if x[c] is not None}))
    if k in (1, 2):
        f = r.choice(["min", "max"])
        return (f"{f}({c})", t,
                lambda rs: extremum([x[c] for x in rs], t, 1 if f == "max" else -1))
    if k == 3:
        f = r.choice(["first", "last", "any_value", "first_value", "last_value"])
        ign = r.choice([None, "true", "false"])
        sql = f"{f}({c}{'' if ign is None else ', ' + ign})"
        return sql, t, lambda rs: pick_first_last([x[c] for x in rs], f.startswith("last"),
                                                  ign == "true")
    if k == 4:
        o = r.choice(list(AGG_COLS))
        f = r.choice(["max_by", "min_by"])
        return (f"{f}({c}, {o})", t,
                lambda rs: max_min_by([(x[c], x[o]) for x in rs], AGG_COLS[o],
                                      1 if f == "max_by" else -1))
    n = r.choice(["i", "l", "d", "e", "k"])
    vals = lambda rs: [x[n] for x in rs if x[n] is not None]  # noqa: E731
    if k in (5, 6) and n in ("i", "l", "k") and r.random() < 0.5:
        # Sum of INT/BIGINT: a BIGINT (Add without ANSI wraps on overflow); NULL if no value
        return (f"sum({n})", "BIGINT",
                lambda rs: wrap(sum(vals(rs)), 64) if vals(rs) else None)
    if k in (5, 6):
        f = "avg" if n in ("i", "l", "k") else r.choice(["sum", "avg"])
        # Sum/Average of DOUBLE (and Average of integers: each value cast to DOUBLE, summed
        # in input order, divided by the count: Average.sumDataType is DoubleType)
        return (f"{f}({n})", "DOUBLE",
                lambda rs: None if not vals(rs) else
                double_sum([float(v) for v in vals(rs)]) / (1 if f == "sum" else len(vals(rs))))
    if k == 7:
        op = r.choice([(">", "0"), ("<", "1"), ("=", "0")])
        f = r.choice(["count_if", "bool_and", "bool_or", "every", "some"])
        sql_pred = f"{n} {op[0]} {op[1]}"

        def pred(v):
            c0 = spark_cmp(float(v) if AGG_COLS[n] == "DOUBLE" else v,
                           float(op[1]) if AGG_COLS[n] == "DOUBLE" else int(op[1]), AGG_COLS[n])
            return {">": c0 > 0, "<": c0 < 0, "=": c0 == 0}[op[0]]
        if f == "count_if":
            return f"count_if({sql_pred})", "BIGINT", lambda rs: sum(pred(v) for v in vals(rs))

        def bools(rs):
            bs = [pred(v) for v in vals(rs)]
            if not bs:
                return None
            return all(bs) if f in ("bool_and", "every") else any(bs)
        return f"{f}({sql_pred})", "BOOLEAN", bools
    # sum(DISTINCT) of integers: exact, so the order Spark adds the distinct values in does
    # not matter
    n = r.choice(["i", "k"])
    return (f"sum(DISTINCT {n})", "BIGINT",
            lambda rs: sum({x[n] for x in rs if x[n] is not None})
            if any(x[n] is not None for x in rs) else None)


def plain_agg_query(r, rows, tail):
    """Aggregates of INT, BIGINT, DOUBLE and STRING columns, global or grouped by one or two
    keys of those types (NULL, NaN, -0.0, infinities, non-ASCII text), ordered by the keys."""
    aggs = [gen_plain_agg(r) for _ in range(r.randint(1, 4))]
    # keys: columns, and DOUBLE expressions that make -0.0 and NaN (0.0 * -1, Infinity * 0)
    key_exprs = {c: (c, AGG_COLS[c], lambda x, c=c: x[c]) for c in AGG_COLS}
    key_exprs["d0"] = ("d * 0", "DOUBLE", lambda x: None if x["d"] is None else x["d"] * 0.0)
    key_exprs["ne"] = ("-e", "DOUBLE", lambda x: None if x["e"] is None else -x["e"])
    keys = [key_exprs[k] for k in r.choice(
        [[], ["k"], ["d"], ["e"], ["s"], ["w"], ["i"], ["k", "e"], ["s", "k"], ["d0"], ["ne"],
         ["d0", "s"]])]
    sel = [f"{k[0]} AS g{j}" for j, k in enumerate(keys)] + \
          [f"{a} AS c{j}" for j, (a, _, _) in enumerate(aggs)]
    sql = f"SELECT {', '.join(sel)} FROM t"
    if keys:
        sql += (f" GROUP BY {', '.join(k[0] for k in keys)}"
                f" ORDER BY {', '.join(f'g{j}' for j in range(len(keys)))}")
    types = [k[1] for k in keys] + [t for _, t, _ in aggs]
    groups = {}
    for x in rows:
        vals = [f(x) for _, _, f in keys]
        gk = tuple(group_key(v, t) for v, (_, t, _) in zip(vals, keys))
        # a group's key prints normalised (-0.0 shows as 0.0)
        shown = [dkey(v) if t == "DOUBLE" else v for v, (_, t, _) in zip(vals, keys)]
        groups.setdefault(gk, (shown, []))[1].append(x)
    if not keys:
        groups = {(): ([], rows)}  # a global aggregate has one row, on empty input too
    order = sorted(groups.values(),
                   key=lambda g: tuple(order_key(v, k[1]) for v, k in zip(g[0], keys)))
    return Query(sql + tail, types, [shown + [f(grp) for _, _, f in aggs] for shown, grp in order])


# ---------------------------------------------------------------- JSON records, PERMISSIVE

# Field texts of a record and what Spark 3.5's JacksonParser makes of them (makeConverter,
# parseJsonToken, failedConversion): ("ok", value), "null", or "bad" (the converter throws; at
# the top level convertObject keeps the other fields, PartialResultException, and
# FailureSafeParser puts the record's text in _corrupt_record).
JSON_FIELDS = {
    "n": ("INT", [("7", ("ok", 7)), ("-2147483648", ("ok", INT_MIN)), ("-0", ("ok", 0)),
                  ("2147483648", "bad"),  # getIntValue: out of range of int
                  ("1.5", "bad"), ("1e2", "bad"), ('"5"', "bad"), ("true", "bad"),
                  ("null", "null"), ("[1]", "bad"), ('{"q":1}', "bad"), ('""', "bad")]),
    "x": ("DOUBLE", [("1.5", ("ok", 1.5)), ("2", ("ok", 2.0)), ("-0.0", ("ok", -0.0)),
                     ("1e400", ("ok", float("inf"))), ('"NaN"', ("ok", float("nan"))),
                     ('"Infinity"', ("ok", float("inf"))), ('"-INF"', ("ok", float("-inf"))),
                     ('"1.5"', "bad"), ('"nan"', "bad"), ("true", "bad"), ('""', "bad"),
                     ("null", "null"), ("[2.5]", "bad")]),
    # a STRING field takes any value: a non-string as its text (copyCurrentStructure, compact)
    "s": ("STRING", [('"h\\u00e9llo"', ("ok", "héllo")), ("123", ("ok", "123")),
                     ("true", ("ok", "true")), ("null", "null"), ("[1, 2]", ("ok", "[1,2]")),
                     ('{"a": "x"}', ("ok", '{"a":"x"}')), ('""', ("ok", "")),
                     ('"tab\\there"', ("ok", "tab\there"))]),
    "b": ("BOOLEAN", [("true", ("ok", True)), ("false", ("ok", False)), ('"true"', "bad"),
                      ("1", "bad"), ("null", "null")]),
}
# Whole records that are no object: every field NULL, the text in _corrupt_record (a
# JsonProcessingException or RuntimeException in JacksonParser.parse; `null` is
# INVALID_JSON_ROOT_FIELD; a scalar cannot be a struct).
JSON_BAD_LINES = ["not json", '{"n": 1,', "5", "null", '{"n": 1 "x": 2}', '"text"',
                  '{"id": 99, "s": "raw\ttab"}']  # a raw control character in a string


JSON_COLS = ["id", "n", "x", "s", "b", "_corrupt_record"]


def gen_json_records(r):
    """JSON Lines and, per record, its text, the values of the fields and the fields whose
    converter threw (None for a record that is no object)."""
    lines, recs = [], []
    for i in range(r.choice([3, 8, 15])):
        if r.random() < 0.15:
            text = r.choice(JSON_BAD_LINES)
            if text not in lines:
                lines.append(text)
                recs.append((text, None, None))
            continue
        parts, vals, bad = [f'"id": {i}'], {"id": i}, set()
        for name in r.sample(list(JSON_FIELDS), r.randint(0, 4)):
            for _ in range(2 if r.random() < 0.1 else 1):  # a repeated key: both are read
                text, out = r.choice(JSON_FIELDS[name][1])
                parts.append(f'"{name}": {text}')
                if out == "bad":
                    bad.add(name)  # the field keeps what an earlier key gave it
                else:
                    vals[name] = None if out == "null" else out[1]
        text = "{" + ", ".join(parts) + "}"
        lines.append(text)
        recs.append((text, vals, bad))
    return lines, recs


def json_query(r, recs):
    """A query of table j. JsonFileFormat.buildReader parses only the required columns (the
    query's, but _corrupt_record), so a bad value of another field neither fails the record
    nor fills _corrupt_record; the record's text goes there when a required field's
    converter threw (convertObject, PartialResultException, FailureSafeParser)."""
    tail = " WITH (numRows = 100000, truncate = false);"
    types = ["INT", "INT", "DOUBLE", "STRING", "BOOLEAN", "STRING"]
    pick = sorted(r.sample(range(1, 6), r.randint(1, 5)))
    sel = [0] + pick
    need = {JSON_COLS[c] for c in sel}
    rows = []
    for text, vals, bad in recs:
        if vals is None:
            rows.append([None] * 5 + [text])
        else:
            rows.append([vals.get(c) for c in JSON_COLS[:5]] + [text if bad & need else None])
    order = "id, _corrupt_record" if 5 in pick else "id"
    # rows of NULLs (records that are no object) are alike when _corrupt_record is not read
    key = (lambda x: (x[0] is not None, x[0] or 0, x[5] is not None, x[5] or ""))
    out = [[x[c] for c in sel] for x in sorted(rows, key=key)]
    return Query(f"SELECT {', '.join(JSON_COLS[c] for c in sel)} FROM j ORDER BY {order}{tail}",
                 [types[c] for c in sel], out)


JSON_HEAD = ("CREATE TABLE j (id INT, n INT, x DOUBLE, s STRING, b BOOLEAN, _corrupt_record STRING)"
             " WITH (connector = 'files', path = 'data/j', format = 'json');\n")


# ---------------------------------------------------------------- running

def show_cell(v, t):
    """A value as show() prints it (ToPrettyString: a decimal in plain digits)."""
    if v is None:
        return "NULL"
    if t == "RAW":  # printed by the model already
        return escape_meta(v).rstrip(" ")
    if is_dec(t):
        return dec_plain(v)
    if t == "DOUBLE":
        return java_double(v)
    if t == "BOOLEAN":
        return "true" if v else "false"
    if t == "STRING":
        return escape_meta(v).rstrip(" ")
    return str(v)


def same_cell(a, b, t):
    if a == b:
        return True
    if t == "DOUBLE" and "NULL" not in (a, b):
        try:  # Java 8-17's Double.toString may print a 17th digit (docs/language.md)
            return float(a) == float(b) and a.startswith("-") == b.startswith("-")
        except ValueError:
            return False
    return False


def table_head(dtypes):
    cols = ["id INT", "k INT"] + [f"{n} DECIMAL({p},{s})" for n, (p, s) in zip("abc", dtypes)] + \
        ["i INT", "l BIGINT", "d DOUBLE", "e DOUBLE", "s STRING", "w STRING", "ts TIMESTAMP"]
    return (f"CREATE TABLE t ({', '.join(cols)}) WITH (connector = 'files', path = 'data/t',"
            " format = 'json');\n")


def check_seed(args, seed):
    r = random.Random(seed)
    dtypes = gen_dec_types(r)
    rows, texts = gen_rows(r, dtypes)
    g = Gen(r, dtypes)
    queries = [gen_query(r, g, rows) for _ in range(args.queries)]
    jlines, jrecs = gen_json_records(r)
    queries += [json_query(r, jrecs) for _ in range(2)]
    head = table_head(dtypes) + JSON_HEAD
    files = {"t": texts, "j": jlines}
    # the newer areas draw from their own generators, so the queries above stay as they were
    tail = " WITH (numRows = 100000, truncate = false);"
    rt = random.Random(f"try:{seed}")
    queries += [try_query(rt, Gen(rt, dtypes), rows, tail) for _ in range(3)]
    ra = random.Random(f"aggs:{seed}")
    queries += [plain_agg_query(ra, rows, tail) for _ in range(4)]
    plines, pqueries = spark_datetime_parse.queries(random.Random(f"datetime:{seed}"), tail)
    files["p"] = plines
    head += spark_datetime_parse.HEAD
    zlines, zqueries = spark_datetime_parse.zone_queries(random.Random(f"dtzone:{seed}"), tail)
    files["pz"] = zlines
    head += spark_datetime_parse.ZONE_HEAD
    nlines, njlines, nqueries = spark_json_nested.queries(random.Random(f"nested:{seed}"), tail)
    files["n"], files["nj"] = nlines, njlines
    head += spark_json_nested.HEAD
    chead, clines, cqueries = spark_csv_read.queries(random.Random(f"csv:{seed}"), tail)
    files["c"] = clines
    head += chead
    queries += [Query(sql, [], SparkError("PARSE_DATETIME_BY_NEW_PARSER")) if rows is None else
                Query(sql, ["RAW"] * len(rows[0]) if rows else [], rows)
                for sql, rows in pqueries + zqueries + nqueries + cqueries]
    if args.show_sql:
        print(head + "\n".join(q.sql for q in queries))
        return len(queries), 0
    work = tempfile.mkdtemp(prefix=f"modeldiff{seed}_", dir=args.work)
    for name, lines in files.items():
        os.makedirs(os.path.join(work, "data", name))
        ext = "csv" if name == "c" else "json"
        with open(os.path.join(work, "data", name, f"part-0.{ext}"), "w") as f:
            f.write("".join(x + "\n" for x in lines))
    ok_queries = [q for q in queries if not isinstance(q.expect, SparkError)]
    tables, err = run_sql(args.sluice, work, head + "\n".join(q.sql for q in ok_queries) + "\n")
    results = {}
    if err is None and len(tables) == len(ok_queries):
        results = {id(q): (t[1], None) for q, t in zip(ok_queries, tables)}
    mismatches = 0
    for qi, q in enumerate(queries):
        if id(q) in results:
            got, e = results[id(q)]
        else:
            t, e = run_sql(args.sluice, work, head + q.sql + "\n")
            got = t[0][1] if t else None
        if isinstance(q.expect, SparkError):
            if e is not None and e.startswith("run"):
                continue
            want = f"an error ({q.expect})"
        else:
            want = [[show_cell(v, t) for v, t in zip(row, q.types)] for row in q.expect]
            if e is None and len(got) == len(want) and all(
                    len(a) == len(b) and all(same_cell(x, y, t) for x, y, t in zip(a, b, q.types))
                    for a, b in zip(got, want)):
                continue
        mismatches += 1
        print(f"=== MISMATCH seed {seed} query {qi}\n{q.sql}")
        print(f"sluice: {e.strip() if e else got}")
        print(f"model:  {want}")
        sys.stdout.flush()
    if mismatches == 0 and not args.keep:
        shutil.rmtree(work)
    elif mismatches:
        print(f"(data in {work})")
    return len(queries), mismatches


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sluice", default="build/compiler/sluice")
    ap.add_argument("--seeds", default="0:50", help="FROM:TO (seeds FROM..TO-1) or one seed")
    ap.add_argument("--queries", type=int, default=12)
    ap.add_argument("--work", default=None)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--show-sql", action="store_true")
    args = ap.parse_args()
    args.sluice = os.path.abspath(args.sluice)
    lo, _, hi = args.seeds.partition(":")
    seeds = range(int(lo), int(hi)) if hi else [int(lo)]
    total = bad = 0
    for s in seeds:
        n, m = check_seed(args, s)
        total, bad = total + n, bad + m
    print(f"modeldiff: {total} queries compared, {bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
