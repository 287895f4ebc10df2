#!/usr/bin/env python3
"""difftest.py - differential testing of sluice's batch queries against DuckDB.

    tests/tools/difftest.py --sluice build/compiler/sluice [--seeds 0:100] [--queries 20]
                            [--work DIR] [--keep] [--show-sql]

For each seed: a random JSON Lines table (INT, BIGINT, DOUBLE, STRING, BOOLEAN, DATE,
TIMESTAMP columns with NULLs, NaN, +-Infinity, -0.0, extreme integers, Unicode, empty strings)
and --queries random batch queries over it (projections with WHERE, GROUP BY with aggregates,
global aggregates, DISTINCT; every query ORDER BY all its columns). Each query is rendered
twice: as sluice (Spark SQL) text, and as DuckDB text in which every place Spark's rule differs
from DuckDB's is spelled out by a macro modelling Spark 3.5 (integer overflow wraps, `div`
truncates, `x / 0` is NULL, casts of doubles to integers saturate, substring's positions,
lpad/rpad/repeat/replace corner cases, isnan(NULL), NULL ordering, -0.0/NaN grouping keys ...).
sluice's `show()` tables are compared with DuckDB's rows formatted as Spark shows them (Java's
Double.toString, `NULL`, escaped control characters). Deterministic by seed; mismatches are
printed with both texts and both results. Needs node and @duckdb/node-api in bench/node_modules
(`npm install --prefix bench`); see docs/testing.md.
"""

import argparse
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
from spark_show import java_double  # noqa: E402  (Java's Double.toString)
DUCK_DRIVER = os.path.join(HERE, "difftest_duckdb.mjs")
DUCK_TIMEOUT = 600  # seconds for one seed's DuckDB queries

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1

DUCK_TYPE = {"INT": "INTEGER", "BIGINT": "BIGINT", "DOUBLE": "DOUBLE", "STRING": "VARCHAR",
             "BOOLEAN": "BOOLEAN", "DATE": "DATE", "TIMESTAMP": "TIMESTAMP"}
NUMERIC = ("INT", "BIGINT", "DOUBLE")

# The table: name -> type. k, c, u are small domains (grouping keys).
COLUMNS = [("k", "INT"), ("i", "INT"), ("j", "INT"), ("b", "BIGINT"), ("c", "BIGINT"),
           ("d", "DOUBLE"), ("e", "DOUBLE"), ("s", "STRING"), ("u", "STRING"),
           ("z", "BOOLEAN"), ("dt", "DATE"), ("ts", "TIMESTAMP"), ("w", "STRING"),
           ("id", "INT")]
# w: strings for casts (numbers, booleans, dates, timestamps, well and badly formed);
# id: the row's position in the file (first/last follow it).

# Strings of the data. No "NULL" (show() prints NULL so), no '|' (the table's separator).
STRINGS = ["", "a", "A", "ab", "abc", "Abc", "b", "hello", "Hello World", " x ", "  ", "x  ",
           "héllo", "Ångström", "naïve", "日本語", "😀", "a😀b", "ΑΒΓ", "e\u0301", "Ünïcödé",
           "tab\there", "line\nbreak", "%_", "10", "-3", "1.5", "true", "o'k", "back\\slash"]
CAST_STRINGS = ["0", "1", "-1", " 42 ", "+7", "-0", "1.", ".5", "-.5", ".", "+", "-", "1.9", "-1.9",
                "1.2.3", "1e3", "1.5e2", "1E-2", "12abc", "2147483647", "2147483648",
                "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "00012", "1d", "2.5F", "NaN", "-NaN", "+NaN", "nan",
                "Infinity", "-Infinity", "+Infinity", "inf", "-INF", "+inf", "INFINITY", "t",
                "f", "yes", "No", " TRUE ", "y", "n", "true\t", "falsE", "2024-01-15", "2024-1-5",
                " 2024-01-15 ", "2024-01-15 10:20:30", "2024-01-15T10:20:30.123456789",
                "2024-01-15 10:20", "2024-01-15 10", "2024-02-30", "2024-02-29", "2023-02-29",
                "2024-01", "2024", "2024-13-01", "2024-01-15 10:20:30Z", "2024-01-15T10:20:30.5Z",
                "2024-01-15 25:00:00", "2024-01-15 10:60:00", "2024-01-15T", "2024-01-15 garbage",
                "2024-01-15 10:20:30.", "1999-12-31 23:59:59.999999", "7\x7f", "\x7f7", "\x01 5",
                "\x0b8\x0c", "1_000", "0x1F", "\u0661", "\u00a05", "1e400", "-1e-400"]
SMALL_STRINGS = ["", "a", "b", "é", "日本", None]
# String literals of queries: no quote or backslash (Spark's and DuckDB's escapes differ).
LIT_STRINGS = ["", "a", "b", "l", "ab", "lo", "é", "日", "😀", " ", "x", "-", "Hello", "abc"]
LIKE_PATTERNS = ["a%", "%b", "%l%", "_", "__", "%", "", "h_llo", "%😀%", "_é%", "A%"]


# ---------------------------------------------------------------- Spark's formatting

def escape_meta(s):
    """Spark 3.5's SchemaUtils.escapeMetaCharacters, applied by Dataset.showString."""
    for a, b in (("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"), ("\f", "\\f"), ("\b", "\\b"),
                 ("\u000b", "\\v"), ("\u0007", "\\a")):
        s = s.replace(a, b)
    return s


def spark_cell(v, typ):
    """A DuckDB value (a string from CAST(x AS VARCHAR), or None) as Spark's show() prints it."""
    if v is None:
        return "NULL"
    if typ == "DOUBLE":
        return java_double(float(v))
    if typ == "STRING":
        return escape_meta(v).rstrip(" ")
    if typ in ("DATE", "TIMESTAMP") and v[:5].isdigit():
        return "+" + v  # a year past 9999: 'yyyy' prints its sign (SignStyle.EXCEEDS_PAD)
    return v


# ---------------------------------------------------------------- DuckDB models of Spark's rules

TWO32, TWO64 = "CAST('4294967296' AS HUGEINT)", "CAST('18446744073709551616' AS HUGEINT)"
MACROS = [
    # Every macro is NULL for a NULL argument (Spark's functions are null-intolerant).
    # Spark's integer arithmetic without ANSI mode wraps (Java int/long).
    f"CREATE MACRO wrap32(x) AS CAST(((CAST(x AS HUGEINT) + 2147483648) % {TWO32} + {TWO32})"
    f" % {TWO32} - 2147483648 AS INTEGER)",
    f"CREATE MACRO wrap64(x) AS CAST(((CAST(x AS HUGEINT) + CAST('9223372036854775808' AS HUGEINT))"
    f" % {TWO64} + {TWO64}) % {TWO64} - CAST('9223372036854775808' AS HUGEINT) AS BIGINT)",
    # Cast of a double to INT/BIGINT: Scala's toInt/toLong (truncate, saturate, NaN is 0).
    "CREATE MACRO d2i(x) AS CASE WHEN isnan(x) THEN 0 WHEN x >= 2147483647 THEN 2147483647"
    " WHEN x <= -2147483648 THEN -2147483648 ELSE CAST(trunc(x) AS INTEGER) END",
    "CREATE MACRO d2l(x) AS CASE WHEN isnan(x) THEN CAST(0 AS BIGINT)"
    " WHEN x >= 9223372036854775807.0 THEN CAST(9223372036854775807 AS BIGINT)"
    " WHEN x <= -9223372036854775808.0 THEN CAST(-9223372036854775808 AS BIGINT)"
    " ELSE CAST(trunc(x) AS BIGINT) END",
    # Divide and Remainder: NULL for a zero divisor; div truncates (DuckDB's // floors).
    "CREATE MACRO tdiv(a, b) AS CASE WHEN b = 0 THEN NULL ELSE"
    " (CAST(a AS HUGEINT) - CAST(a AS HUGEINT) % b) // b END",
    "CREATE MACRO imod(a, b) AS CASE WHEN b = 0 THEN NULL ELSE CAST(a AS HUGEINT) % b END",
    "CREATE MACRO ddiv(a, b) AS CASE WHEN b = 0 THEN NULL ELSE CAST(a AS DOUBLE) / b END",
    "CREATE MACRO dmod(a, b) AS CASE WHEN b = 0 THEN NULL ELSE CAST(a AS DOUBLE) % b END",
    # Pmod: r = a % n; if (r < 0) (r + n) % n else r, in the type's wrapping arithmetic.
    "CREATE MACRO pmod32(a, n) AS CASE WHEN n = 0 THEN NULL WHEN CAST(a AS HUGEINT) % n < 0"
    " THEN wrap32(CAST(wrap32(CAST(a AS HUGEINT) % n + n) AS HUGEINT) % n)"
    " ELSE wrap32(CAST(a AS HUGEINT) % n) END",
    "CREATE MACRO pmod64(a, n) AS CASE WHEN n = 0 THEN NULL WHEN CAST(a AS HUGEINT) % n < 0"
    " THEN wrap64(CAST(wrap64(CAST(a AS HUGEINT) % n + n) AS HUGEINT) % n)"
    " ELSE wrap64(CAST(a AS HUGEINT) % n) END",
    "CREATE MACRO pmodd(a, n) AS CASE WHEN n = 0 THEN NULL WHEN a % n < 0"
    " THEN (a % n + n) % n ELSE a % n END",
    # UTF8String.substringSQL(pos, length).
    "CREATE MACRO sstart(s, p) AS CASE WHEN p > 0 THEN CAST(p AS BIGINT) - 1"
    " WHEN p < 0 THEN length(s) + CAST(p AS BIGINT) ELSE CAST(0 AS BIGINT) END",
    "CREATE MACRO ssub(s, p, l) AS CASE WHEN s IS NULL OR p IS NULL OR l IS NULL THEN NULL"
    " WHEN greatest(sstart(s, p), 0) >= sstart(s, p) + l THEN ''"
    " ELSE substring(s, greatest(sstart(s, p), 0) + 1, greatest(least(CAST(sstart(s, p) AS BIGINT)"
    " + l, 2147483647) - greatest(sstart(s, p), 0), 0)) END",
    # UTF8String.lpad/rpad: len <= 0 is '', an empty pad leaves the string as it is.
    "CREATE MACRO slpad(s, n, p) AS CASE WHEN s IS NULL OR n IS NULL OR p IS NULL THEN NULL"
    " WHEN n <= 0 THEN '' WHEN p = '' OR length(s) >= n"
    " THEN substring(s, 1, n) ELSE lpad(s, n, p) END",
    "CREATE MACRO srpad(s, n, p) AS CASE WHEN s IS NULL OR n IS NULL OR p IS NULL THEN NULL"
    " WHEN n <= 0 THEN '' WHEN p = '' OR length(s) >= n"
    " THEN substring(s, 1, n) ELSE rpad(s, n, p) END",
    "CREATE MACRO srepeat(s, n) AS CASE WHEN s IS NULL OR n IS NULL THEN NULL WHEN n <= 0 THEN '' ELSE repeat(s, n) END",
    "CREATE MACRO sreplace(s, a, b) AS CASE WHEN s IS NULL OR a IS NULL OR b IS NULL THEN NULL"
    " WHEN a = '' THEN s ELSE replace(s, a, b) END",
    # IsNaN(NULL) is false; grouping keys are normalised (NormalizeFloatingNumbers).
    "CREATE MACRO snan(x) AS coalesce(isnan(x), false)",
    "CREATE MACRO dnorm(x) AS CASE WHEN x = 0 THEN CAST(0 AS DOUBLE)"
    " WHEN isnan(x) THEN CAST('NaN' AS DOUBLE) ELSE x END",
    # Casts of strings (Cast.scala, non-ANSI). toInt/toLong/isTrueString/stringToDate/
    # stringToTimestamp trim bytes that are whitespace or ISO control (<= 0x20, 0x7f:
    # UTF8String.isWhitespaceOrISOControl, trimAll); toDouble trims as String.trim (<= 0x20).
    r"CREATE MACRO trimc(s) AS regexp_replace(s, '^[\x00-\x20\x7f]+|[\x00-\x20\x7f]+$', '', 'g')",
    r"CREATE MACRO jtrim(s) AS regexp_replace(s, '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g')",
    # UTF8String.toLong(allowDecimal): [+-]digits[.digits], either run may be empty ('.' and
    # '-.' are 0), not '', '+' or '-'; the fraction is dropped; out of range is NULL. The
    # digits as a HUGEINT, 10^21 when longer than any long.
    "CREATE MACRO s2h(s) AS CASE WHEN NOT regexp_full_match(trimc(s), '[+-]?[0-9]*([.][0-9]*)?')"
    " OR trimc(s) IN ('', '+', '-') THEN NULL"
    " WHEN length(ltrim(regexp_extract(trimc(s), '^[+-]?([0-9]*)', 1), '0')) > 20"
    " THEN CAST('1000000000000000000000' AS HUGEINT) * (CASE WHEN trimc(s)[1] = '-' THEN -1 ELSE 1 END)"
    " ELSE CAST(regexp_extract(trimc(s), '^([+-]?)[0-9]*', 1)"
    " || coalesce(nullif(ltrim(regexp_extract(trimc(s), '^[+-]?([0-9]*)', 1), '0'), ''), '0')"
    " AS HUGEINT) END",
    "CREATE MACRO s2i(s) AS CASE WHEN s2h(s) BETWEEN -2147483648 AND 2147483647"
    " THEN CAST(s2h(s) AS INTEGER) END",
    "CREATE MACRO s2l(s) AS CASE WHEN s2h(s) BETWEEN CAST('-9223372036854775808' AS HUGEINT)"
    " AND CAST('9223372036854775807' AS HUGEINT) THEN CAST(s2h(s) AS BIGINT) END",
    # Cast.castToDouble: Java's Double.parseDouble (NaN/Infinity with a sign, case-sensitive;
    # a trailing f/F/d/D), else processFloatingPointSpecialLiterals (inf, +inf, infinity,
    # +infinity, -inf, -infinity, nan in any case). Hexadecimal floats are not modelled.
    "CREATE MACRO s2d(s) AS CASE"
    " WHEN regexp_full_match(jtrim(s), '[+-]?NaN') OR lower(jtrim(s)) = 'nan' THEN CAST('NaN' AS DOUBLE)"
    " WHEN regexp_full_match(jtrim(s), '[+]?Infinity') OR lower(jtrim(s)) IN"
    " ('inf', '+inf', 'infinity', '+infinity') THEN CAST('Infinity' AS DOUBLE)"
    " WHEN jtrim(s) = '-Infinity' OR lower(jtrim(s)) IN ('-inf', '-infinity')"
    " THEN CAST('-Infinity' AS DOUBLE)"
    " WHEN regexp_full_match(jtrim(s), '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[fFdD]?')"
    " THEN CAST(regexp_replace(jtrim(s), '[fFdD]$', '') AS DOUBLE) END",
    # StringUtils.isTrueString / isFalseString of s.trimAll().toLowerCase.
    "CREATE MACRO s2b(s) AS CASE WHEN lower(trimc(s)) IN ('t', 'true', 'y', 'yes', '1') THEN true"
    " WHEN lower(trimc(s)) IN ('f', 'false', 'n', 'no', '0') THEN false END",
    # DateTimeUtils.stringToDate: yyyy[y..] (4 to 7 digits) | yyyy-[m]m | yyyy-[m]m-[d]d, then
    # ' ' or 'T' and anything; LocalDate.of checks the fields. (Signed years are not in the data.)
    "CREATE MACRO s2date(s) AS CASE WHEN regexp_full_match(trimc(s),"
    " '(?s)[0-9]{4,7}(-[0-9]{1,2}(-[0-9]{1,2}([ T].*)?)?)?') THEN TRY(make_date("
    " CAST(regexp_extract(trimc(s), '^([0-9]+)', 1) AS INTEGER),"
    " CAST(coalesce(nullif(regexp_extract(trimc(s), '^[0-9]+-([0-9]{1,2})', 1), ''), '1') AS INTEGER),"
    " CAST(coalesce(nullif(regexp_extract(trimc(s), '^[0-9]+-[0-9]{1,2}-([0-9]{1,2})', 1), ''), '1')"
    " AS INTEGER))) END",
    # DateTimeUtils.stringToTimestamp (parseTimestampString): a date as above (a year of 4 to 6
    # digits), then ' ' or 'T'
    # and [h]h[:[m]m[:[s]s[.fraction]]], a zone only after the seconds (here 'Z'); the
    # fraction keeps 6 digits; LocalDate.of / LocalTime.of check the fields. Times without a
    # date (today's date) are not in the data.
    # RoundBase on integers: BigDecimal(x).setScale(s, HALF_UP | HALF_EVEN) (x as HUGEINT)
    "CREATE MACRO hpow(s) AS CAST(pow(10, - s) AS HUGEINT)",
    "CREATE MACRO rhu(x, s) AS CASE WHEN s >= 0 THEN x ELSE (x // hpow(s)"
    " + CASE WHEN 2 * abs(x % hpow(s)) >= hpow(s) THEN sign(x) ELSE 0 END) * hpow(s) END",
    "CREATE MACRO rhe(x, s) AS CASE WHEN s >= 0 THEN x ELSE (x // hpow(s)"
    " + CASE WHEN 2 * abs(x % hpow(s)) > hpow(s) OR (2 * abs(x % hpow(s)) = hpow(s)"
    " AND (x // hpow(s)) % 2 <> 0) THEN sign(x) ELSE 0 END) * hpow(s) END",
    # RoundBase on doubles: BigDecimal(d) is the decimal of Double.toString(d) (DuckDB's
    # shortest text), setScale(s, mode).toDouble; NaN and infinities as they are; a double
    # past 2^53 (an integer) with s >= 0 is itself.
    "CREATE MACRO rdec(x, s, even) AS CASE WHEN even THEN round_even(x, s) ELSE round(x, s) END",
    "CREATE MACRO rdbl(x, s, even) AS CASE WHEN isnan(x) OR isinf(x) OR abs(x) >= 1e37"
    " OR (s >= 0 AND abs(x) >= 9007199254740992) THEN x"
    " WHEN abs(x) >= 1e19 THEN CAST(CAST(rdec(CAST(CAST(x AS VARCHAR) AS DECIMAL(38, 0)), s, even)"
    " AS VARCHAR) AS DOUBLE) + 0.0"
    # a BigDecimal has no -0: BigDecimal(-0.4).setScale(0).toDouble is 0.0
    " ELSE CAST(CAST(rdec(CAST(CAST(x AS VARCHAR) AS DECIMAL(38, 18)), s, even) AS VARCHAR)"
    " AS DOUBLE) + 0.0 END",
    # StringLocate.eval: a NULL start is 0, start < 1 is 0, else indexOf(sub, start - 1) + 1;
    # an empty sub is at 0 (1), wherever start is
    "CREATE MACRO slocate(sub, str, pos) AS CAST(CASE WHEN pos IS NULL THEN 0"
    " WHEN sub IS NULL OR str IS NULL THEN NULL WHEN pos < 1 THEN 0 WHEN sub = '' THEN 1"
    " WHEN instr(substring(str, pos), sub) = 0 THEN 0"
    " ELSE instr(substring(str, pos), sub) + pos - 1 END AS INTEGER)",
    # SplitPart: ElementAt(StringSplitSQL(s, d), n, ''); splitSQL of an empty delimiter is [s]
    "CREATE MACRO ssplitpart(s, d, n) AS CASE WHEN s IS NULL THEN NULL"
    " WHEN d = '' THEN CASE WHEN n IN (1, -1) THEN s ELSE '' END"
    " ELSE coalesce(list_extract(string_split(s, d), n), '') END",
    # InitCap: toLowerCase().toTitleCase(): the first character and each one after ' '
    "CREATE MACRO sinitcap(s) AS CASE WHEN s IS NOT NULL THEN array_to_string(list_transform("
    "string_split(lower(s), ' '), w -> upper(w[1]) || w[2:]), ' ') END",
    # Chr: '' below 0, else the character (n & 0xFF)
    "CREATE MACRO schr(n) AS CASE WHEN n < 0 THEN '' ELSE chr(CAST(CAST(n AS BIGINT) & 255 AS INTEGER)) END",
    # FormatNumber of a double: DecimalFormat of the digits of Double.toString (DigitList.set:
    # DuckDB's shortest text here), HALF_EVEN; a negative x keeps its '-' (-0.0 too); NaN is
    # 'NaN'. (Used for |x| < 1e15 only, where the double fmt prints is that decimal; a tie
    # is judged by the exact binary value in Java, which is not modelled.)
    "CREATE MACRO sfmt(x, d, f) AS CASE WHEN isnan(x) THEN 'NaN' ELSE"
    " (CASE WHEN signbit(x) THEN '-' ELSE '' END) || format(f, CAST(round_even("
    "CAST(CAST(abs(x) AS VARCHAR) AS DECIMAL(38, 18)), d) AS DOUBLE)) END",
    # NextDay: the first later date of that DayOfWeek (getDayOfWeekFromString: SU, SUN, SUNDAY...
    # in any case; another text is NULL)
    "CREATE MACRO sdow(w) AS CASE WHEN upper(w) IN ('MO', 'MON', 'MONDAY') THEN 1"
    " WHEN upper(w) IN ('TU', 'TUE', 'TUESDAY') THEN 2 WHEN upper(w) IN ('WE', 'WED', 'WEDNESDAY')"
    " THEN 3 WHEN upper(w) IN ('TH', 'THU', 'THURSDAY') THEN 4"
    " WHEN upper(w) IN ('FR', 'FRI', 'FRIDAY') THEN 5 WHEN upper(w) IN ('SA', 'SAT', 'SATURDAY')"
    " THEN 6 WHEN upper(w) IN ('SU', 'SUN', 'SUNDAY') THEN 7 END",
    "CREATE MACRO snextday(d, w) AS CAST(d + CAST((sdow(w) - isodow(d) + 6) % 7 + 1 AS INTEGER)"
    " AS DATE)",
    # date_trunc behind a CASE: DuckDB 1.5 rewrites `date_trunc(u, x) <> constant` into a
    # form that is true for a NULL x (seen inside coalesce and AND)
    "CREATE MACRO sdtrunc(u, x) AS CASE WHEN x IS NOT NULL THEN date_trunc(u, x) END",
    "CREATE MACRO fdiv(a, b) AS (a - ((a % b) + b) % b) // b",
    # DateTimeUtils.monthsBetween (UTC): whole months when the days of month are equal or
    # both are the last; else + seconds difference / (31 days); roundOff: math.round(x*1e8)/1e8
    "CREATE MACRO mdays(t) AS day(CAST(t AS DATE))",
    "CREATE MACRO msecs(t) AS fdiv(epoch_us(t), 1000000) - fdiv(epoch_us(t), 86400000000) * 86400",
    "CREATE MACRO mraw(t1, t2) AS CASE WHEN mdays(t1) = mdays(t2) OR (CAST(t1 AS DATE) ="
    " last_day(CAST(t1 AS DATE)) AND CAST(t2 AS DATE) = last_day(CAST(t2 AS DATE)))"
    " THEN CAST((year(t1) * 12 + month(t1)) - (year(t2) * 12 + month(t2)) AS DOUBLE)"
    " ELSE CAST((year(t1) * 12 + month(t1)) - (year(t2) * 12 + month(t2)) AS DOUBLE)"
    " + CAST((mdays(t1) - mdays(t2)) * 86400 + msecs(t1) - msecs(t2) AS DOUBLE) / 2678400.0 END",
    "CREATE MACRO mbetween(t1, t2, r) AS CASE WHEN r THEN floor(mraw(t1, t2) * 1e8 + 0.5) / 1e8"
    " ELSE mraw(t1, t2) END",
    "CREATE MACRO tsre() AS '^([0-9]{4,6})(?:-([0-9]{1,2})(?:-([0-9]{1,2})(?:[ T]([0-9]{1,2})"
    "(?::([0-9]{1,2})(?::([0-9]{1,2})(?:[.]([0-9]*))?Z?)?)?)?)?)?$'",
    "CREATE MACRO tsg(s, i) AS CAST(coalesce(nullif(regexp_extract(trimc(s), tsre(), i), ''),"
    " '0') AS INTEGER)",
    "CREATE MACRO s2ts(s) AS CASE WHEN regexp_matches(trimc(s), tsre()) AND tsg(s, 4) < 24"
    " AND tsg(s, 5) < 60 AND tsg(s, 6) < 60 THEN"
    " CAST(s2date(regexp_extract(trimc(s), '^[0-9-]*')) AS TIMESTAMP)"
    " + to_hours(tsg(s, 4)) + to_minutes(tsg(s, 5)) + to_seconds(tsg(s, 6))"
    " + to_microseconds(CAST(rpad(left(regexp_extract(trimc(s), tsre(), 7), 6), 6, '0')"
    " AS INTEGER)) END",
]


# ---------------------------------------------------------------- expressions

class Expr:
    """One expression, as Spark SQL text and as DuckDB text, of Spark type `t`."""

    def __init__(self, spark, duck, t, approx=False, agg=False):
        self.spark, self.duck, self.t, self.approx, self.agg = spark, duck, t, approx, agg


def widen(a, b):
    order = ["INT", "BIGINT", "DOUBLE"]
    return order[max(order.index(a), order.index(b))]


def dcast(e, t):
    """DuckDB text of e as type t (explicit, as Spark's implicit widening)."""
    return e.duck if e.t == t else f"CAST({e.duck} AS {DUCK_TYPE[t]})"


class Gen:
    def __init__(self, rnd, cols=None):
        self.r = rnd
        self.cols = cols or COLUMNS
        self.ordered = False  # the rows are t's in the file's order (first/last may be used)

    def pick(self, xs):
        return self.r.choice(xs)

    # -------- leaves
    def literal(self, t):
        r = self.r
        if r.random() < 0.08:
            return Expr(f"CAST(NULL AS {t})", f"CAST(NULL AS {DUCK_TYPE[t]})", t)
        if t == "INT":
            v = self.pick([0, 1, 2, 3, -1, 7, -5, 10, 100, INT_MAX, INT_MIN, 65536, 46341])
            sp = str(v) if v >= 0 else f"({v})"
            return Expr(sp, f"CAST({v} AS INTEGER)", t)
        if t == "BIGINT":
            v = self.pick([0, 1, 2, -1, 3, 10, LONG_MAX, LONG_MIN, 2**32, 3037000500, INT_MAX + 1])
            sp = f"{v}L" if v >= 0 else f"({v}L)"
            if r.random() < 0.3:
                sp = f"CAST({v} AS BIGINT)"
            return Expr(sp, f"CAST({v} AS BIGINT)", t)
        if t == "DOUBLE":
            v = self.pick(["0.0", "1.0", "-1.0", "0.5", "2.5", "-0.0", "NaN", "Infinity",
                           "-Infinity", "1e10", "1e-5", "0.1", "3.0", "1e308", "123456789.125"])
            if v in ("NaN", "Infinity", "-Infinity") or r.random() < 0.3:
                sp = f"CAST('{v}' AS DOUBLE)"
            elif v.startswith("-"):
                sp = f"({v}D)"
            else:
                sp = f"{v}D"
            return Expr(sp, f"CAST('{v}' AS DOUBLE)", t)
        if t == "STRING":
            v = self.pick(LIT_STRINGS)
            return Expr(f"'{v}'", f"'{v}'", t)
        if t == "BOOLEAN":
            v = self.pick(["true", "false"])
            return Expr(v, v, t)
        if t == "DATE":
            v = self.pick(["2024-01-15", "1970-01-01", "2000-02-29", "1999-12-31"])
            return Expr(f"DATE '{v}'", f"DATE '{v}'", t)
        v = self.pick(["2024-01-15 10:20:30", "1970-01-01 00:00:00", "2000-02-29 23:59:59.5"])
        return Expr(f"TIMESTAMP '{v}'", f"TIMESTAMP '{v}'", t)

    def column(self, t):
        cs = [n for n, ct in self.cols if ct == t]
        if not cs:
            return self.literal(t)
        n = self.pick(cs)
        return Expr(n, n, t)

    # -------- composite
    def expr(self, t, depth):
        if depth <= 0 or self.r.random() < 0.3:
            return self.column(t) if self.r.random() < 0.7 else self.literal(t)
        if self.r.random() < 0.4:
            return getattr(self, "more_" + t.lower())(depth - 1)
        makers = getattr(self, "make_" + t.lower())
        return makers(depth - 1)

    # -------- casts of strings, round, string and date functions, mixed types
    def cast_src(self, depth):
        """A string to cast: mostly column w (numbers, dates, booleans as text)."""
        if self.r.random() < 0.6 and any(n.endswith("w") for n, _ in self.cols):
            return self.column_named("w", "STRING")
        return self.expr("STRING", depth)

    def k_or_small(self):
        """Column k (a small INT), or a small literal where there is none: a literal of the
        whole INT range would pad to 2^31 characters (DuckDB ran out of time on seed 2614)."""
        if any(n == "k" or n.endswith(".k") for n, _ in self.cols):
            return self.column_named("k", "INT")
        return self.small_int()

    def column_named(self, suffix, t):
        cs = [n for n, ct in self.cols if ct == t and (n == suffix or n.endswith("." + suffix))]
        return Expr(cs[0], cs[0], t) if cs else self.literal(t)

    def str_cast(self, t, depth):
        x = self.cast_src(depth)
        f = {"INT": "s2i", "BIGINT": "s2l", "DOUBLE": "s2d", "BOOLEAN": "s2b", "DATE": "s2date",
             "TIMESTAMP": "s2ts"}[t]
        return Expr(f"CAST({x.spark} AS {t})", f"{f}({x.duck})", t)

    def scale(self):
        v = self.pick([-10, -3, -2, -1, 0, 0, 1, 2, 3, 5])
        return Expr(str(v) if v >= 0 else f"({v})", str(v), "INT")

    def round_int(self, t, depth):
        """round/bround of an integer: BigDecimal(x).setScale(s, HALF_UP|HALF_EVEN).toInt/toLong
        (RoundBase.nullSafeEval), which keeps the low 32/64 bits."""
        x, sc = self.expr(t, depth), self.scale()
        f = self.pick(["round", "bround"])
        w = "wrap32" if t == "INT" else "wrap64"
        return Expr(f"{f}({x.spark}, {sc.spark})",
                    f"{w}({'rhu' if f == 'round' else 'rhe'}(CAST({x.duck} AS HUGEINT), {sc.duck}))",
                    t)

    def more_int(self, depth):
        k = self.r.randrange(7)
        if k == 6:
            # NullIf(a, b): If(a = b, NULL, a), a's type; the comparison in the wider type
            a, b = self.expr("INT", depth), self.expr(self.pick(["BIGINT", "DOUBLE"]), depth)
            return Expr(f"nullif({a.spark}, {b.spark})",
                        f"CASE WHEN {dcast(a, b.t)} = {b.duck} THEN NULL ELSE {a.duck} END", "INT")
        if k <= 1:
            return self.str_cast("INT", depth)
        if k == 2:
            return self.round_int("INT", depth)
        if k == 3:
            s, p = self.expr("STRING", depth), self.expr("STRING", 0)
            pos = self.small_int() if self.r.random() < 0.8 else self.expr("INT", 0)
            # StringLocate.eval: a NULL start is 0; start < 1 is 0; indexOf(sub, start - 1) + 1,
            # and an empty sub is found at once (1, wherever start is)
            return Expr(f"locate({p.spark}, {s.spark}, {pos.spark})",
                        f"slocate({p.duck}, {s.duck}, {pos.duck})", "INT")
        if k == 4:
            s = self.expr("STRING", depth)
            f = self.pick(["octet_length", "char_length", "character_length", "bit_length"])
            du = {"octet_length": f"strlen({s.duck})", "bit_length": f"(8 * strlen({s.duck}))"}.get(
                f, f"length({s.duck})")
            return Expr(f"{f}({s.spark})", f"CAST({du} AS INTEGER)", "INT")
        if k == 5 and self.r.random() < 0.5:
            s, d = self.expr("STRING", depth), self.pick(["l", ",", " ", "", "a", "lo"])
            # size(split(s, d)): String.split(d, -1) keeps trailing empty strings; an empty
            # pattern splits into characters (UTF8String.split), '' into one ''; Size of NULL
            # is -1 (spark.sql.legacy.sizeOfNull is true in 3.5)
            return Expr(f"size(split({s.spark}, '{d}'))",
                        f"CAST(CASE WHEN {s.duck} IS NULL THEN -1 WHEN {s.duck} = '' THEN 1"
                        f" ELSE len(string_split({s.duck}, '{d}'))"
                        " END AS INTEGER)", "INT")
        if k == 5:
            d = self.expr(self.pick(["DATE", "TIMESTAMP"]), depth)
            f = self.pick(["weekofyear", "dayofyear", "quarter", "year", "weekday"])
            du = {"weekday": f"(isodow({d.duck}) - 1)"}.get(f, f"{f}({d.duck})")
            return Expr(f"{f}({d.spark})", f"CAST({du} AS INTEGER)", "INT")
        return self.make_int(depth)

    def more_bigint(self, depth):
        k = self.r.randrange(5)
        if k == 4:
            return self.mixed("BIGINT", depth)
        if k <= 1:
            return self.str_cast("BIGINT", depth)
        if k == 2:
            return self.round_int("BIGINT", depth)
        d = self.expr(self.pick(["DATE", "TIMESTAMP"]), depth)
        # unix_timestamp(ts): seconds, floorDiv of the microseconds (ToTimestamp)
        return Expr(f"unix_timestamp({d.spark})",
                    f"fdiv(epoch_us(CAST({d.duck} AS TIMESTAMP)), 1000000)", "BIGINT")

    def mixed(self, t, depth):
        """coalesce / nvl / CASE / if / nvl2 / greatest of a narrower number and t: the wider
        type t (TypeCoercion.findWiderCommonType)."""
        n = self.pick([x for x in NUMERIC if NUMERIC.index(x) < NUMERIC.index(t)])
        a, b = self.expr(n, depth), self.expr(t, depth)
        if self.r.random() < 0.5:
            a, b = b, a
        f = self.pick(["coalesce", "nvl", "case", "if", "nvl2", "greatest", "least"])
        da, db = dcast(a, t), dcast(b, t)
        if f in ("coalesce", "nvl"):
            return Expr(f"{f}({a.spark}, {b.spark})", f"coalesce({da}, {db})", t)
        if f in ("greatest", "least"):
            return Expr(f"{f}({a.spark}, {b.spark})", f"{f}({da}, {db})", t)
        if f == "nvl2":
            c = self.expr(self.pick(list(DUCK_TYPE)), 0)
            return Expr(f"nvl2({c.spark}, {a.spark}, {b.spark})",
                        f"CASE WHEN {c.duck} IS NOT NULL THEN {da} ELSE {db} END", t)
        c = self.expr("BOOLEAN", depth)
        sp = (f"CASE WHEN {c.spark} THEN {a.spark} ELSE {b.spark} END" if f == "case"
              else f"if({c.spark}, {a.spark}, {b.spark})")
        return Expr(sp, f"CASE WHEN {c.duck} THEN {da} ELSE {db} END", t)

    def more_double(self, depth):
        k = self.r.randrange(5)
        if k == 4:
            return self.mixed("DOUBLE", depth)
        if k <= 1:
            return self.str_cast("DOUBLE", depth)
        if k == 2:
            x = self.expr("DOUBLE", depth)
            f = self.pick(["round", "bround"])
            if self.r.random() < 0.2:
                return Expr(f"{f}({x.spark})", f"rdbl({x.duck}, 0, {f == 'bround'})", "DOUBLE")
            sc = self.scale()
            return Expr(f"{f}({x.spark}, {sc.spark})",
                        f"rdbl({x.duck}, {sc.duck}, {f == 'bround'})", "DOUBLE")
        a, b = self.expr(self.pick(["DATE", "TIMESTAMP"]), depth), \
            self.expr(self.pick(["DATE", "TIMESTAMP"]), depth)
        ro = self.pick(["", ", true", ", false"])
        return Expr(f"months_between({a.spark}, {b.spark}{ro})",
                    f"mbetween(CAST({a.duck} AS TIMESTAMP), CAST({b.duck} AS TIMESTAMP),"
                    f" {ro != ', false'})", "DOUBLE")

    def more_string(self, depth):
        k = self.r.randrange(14)
        s = self.expr("STRING", depth)
        if k == 0:
            a = self.pick(["a", "ab", "lo", "é日", "xyz", "", "l", " "])
            b = self.pick(["", "A", "12", "😀", "xyz1", "-"])
            return Expr(f"translate({s.spark}, '{a}', '{b}')",
                        f"translate({s.duck}, '{a}', '{b}')", "STRING")
        if k == 1:
            d = self.pick(["l", ",", " ", "", "a", "lo", "é"])
            n = self.pick([1, 2, 3, -1, -2, 5])
            # SplitPart: ElementAt(StringSplitSQL(s, d), n, ''): an empty delimiter gives [s]
            return Expr(f"split_part({s.spark}, '{d}', {n if n > 0 else f'({n})'})",
                        f"ssplitpart({s.duck}, '{d}', {n})", "STRING")
        if k == 2:
            sep = self.expr("STRING", 0)
            xs = [self.expr(self.pick(["STRING", "STRING", "INT"]), depth)
                  for _ in range(self.r.randrange(1, 4))]
            return Expr(f"concat_ws({sep.spark}, {', '.join(x.spark for x in xs)})",
                        f"concat_ws({sep.duck}, {', '.join(dcast(x, 'STRING') for x in xs)})",
                        "STRING")
        if k == 3:
            # InitCap: toLowerCase, then toTitleCase: a character after ' ' (only) is upper
            return Expr(f"initcap({s.spark})", f"sinitcap({s.duck})", "STRING")
        if k == 4:
            p, rep = self.pick([("l", "L"), ("[aeiou]", "_"), ("l+", ""), ("^a", "X"), ("o$", "0"),
                                ("[0-9]+", "#"), ("a|b", "ab"), ("[^a-z]", ""), ("é", "e"),
                                ("\\\\s+", " ")])  # '\\s+' in SQL: \s+ once unescaped
            return Expr(f"regexp_replace({s.spark}, '{p}', '{rep}')",
                        f"regexp_replace({s.duck}, '{p.replace(chr(92) * 2, chr(92))}', '{rep}', 'g')",
                        "STRING")
        if k == 5:
            p, i = self.pick([("([a-z]+)", 1), ("(l+)(o)", 2), ("(l+)(o)", 0), ("([0-9]+)", 1),
                              ("([A-Z])([a-z]*)", 2), ("x", 0), ("(é|😀)", 1)])
            return Expr(f"regexp_extract({s.spark}, '{p}', {i})",
                        f"regexp_extract({s.duck}, '{p}', {i})", "STRING")
        if k == 6:
            c = self.pick(["a", "ab", " ", "xl", "", "é", "😀a", "lo "])
            f = self.pick(["BOTH", "LEADING", "TRAILING"])
            du = {"BOTH": "trim", "LEADING": "ltrim", "TRAILING": "rtrim"}[f]
            return Expr(f"trim({f} '{c}' FROM {s.spark})", f"{du}({s.duck}, '{c}')", "STRING")
        if k == 7:
            f = self.pick(["lpad", "rpad"])
            n = self.small_int() if self.r.random() < 0.7 else self.k_or_small()
            if self.r.random() < 0.3:
                return Expr(f"{f}({s.spark}, {n.spark})", f"s{f}({s.duck}, {n.duck}, ' ')",
                            "STRING")
            p = self.pick(["ab", "😀", "é-", "xyz", "", " "])
            return Expr(f"{f}({s.spark}, {n.spark}, '{p}')",
                        f"s{f}({s.duck}, {n.duck}, '{p}')", "STRING")
        if k == 8:
            n = self.pick([Expr(str(v), str(v), "BIGINT") for v in (65, 97, 256, 321, 0, 10, 233, 48)]
                          + [self.column("INT"), Expr("(-1)", "-1", "BIGINT")])
            # Chr: '' below 0, else the character (n & 0xFF), U+0000 for 0
            return Expr(f"chr({n.spark})", f"schr({n.duck})", "STRING")
        if k == 9:
            n = self.small_int()
            # StringSpace: blankString(max(n, 0))
            return Expr(f"concat(space({n.spark}), {s.spark})",
                        f"(repeat(' ', greatest({n.duck}, 0)) || {s.duck})", "STRING")
        if k == 10:
            t = self.pick(["INT", "BIGINT", "DOUBLE"])
            x = self.expr(t, depth)
            if t == "DOUBLE":  # the model's range (sfmt)
                x = Expr(f"if(abs({x.spark}) >= 1e15D AND NOT isnan({x.spark}), NULL, {x.spark})",
                         f"CASE WHEN abs({x.duck}) >= 1e15 AND NOT isnan({x.duck}) THEN NULL"
                         f" ELSE {x.duck} END", "DOUBLE")
            d = self.pick([0, 1, 2, 3])
            # FormatNumber: DecimalFormat '#,###,##0.00..', HALF_EVEN of the exact value
            return Expr(f"format_number({x.spark}, {d})", f"sfmt({x.duck}, {d}, '{{:,.{d}f}}')"
                        if t == "DOUBLE" else f"format('{{:,d}}', {x.duck}) || "
                        f"CASE WHEN {d} > 0 THEN '.' || repeat('0', {d}) ELSE '' END", "STRING")
        if k == 11:
            n = self.expr("INT", depth)
            # FromUnixTime: yyyy-MM-dd HH:mm:ss in the session zone (UTC)
            return Expr(f"from_unixtime({n.spark})",
                        f"strftime(to_timestamp(CAST({n.duck} AS BIGINT)), '%Y-%m-%d %H:%M:%S')",
                        "STRING")
        if k == 12:
            # Mixed types: STRING with INT/BIGINT/DATE is STRING (TypeCoercion.stringPromotion;
            # not BOOLEAN: a CASE of BOOLEAN and STRING is an error)
            t = self.pick(["INT", "BIGINT", "DATE"])
            x = self.expr(t, depth)
            f = self.pick(["coalesce", "nvl", "ifnull", "nvl2", "case"])
            if f == "nvl2":
                c = self.expr(self.pick(list(DUCK_TYPE)), 0)
                return Expr(f"nvl2({c.spark}, {s.spark}, {x.spark})",
                            f"CASE WHEN {c.duck} IS NOT NULL THEN {s.duck} ELSE {dcast(x, 'STRING')} END",
                            "STRING")
            if f == "case":
                c = self.expr("BOOLEAN", depth)
                return Expr(f"CASE WHEN {c.spark} THEN {x.spark} ELSE {s.spark} END",
                            f"CASE WHEN {c.duck} THEN {dcast(x, 'STRING')} ELSE {s.duck} END",
                            "STRING")
            a, b = (s, x) if self.r.random() < 0.5 else (x, s)
            return Expr(f"{f}({a.spark}, {b.spark})",
                        f"coalesce({dcast(a, 'STRING')}, {dcast(b, 'STRING')})", "STRING")
        return self.make_string(depth)

    def more_boolean(self, depth):
        if self.r.random() < 0.5:
            return self.str_cast("BOOLEAN", depth)
        return self.make_boolean(depth)

    def more_date(self, depth):
        k = self.r.randrange(6)
        if k <= 1:
            return self.str_cast("DATE", depth)
        d = self.expr("DATE", depth)
        if k == 2:
            w = self.pick(["MO", "mon", "Monday", "TU", "WED", "th", "FRIDAY", "sa", "SUN", "xyz",
                           "", "Sunday"])
            return Expr(f"next_day({d.spark}, '{w}')", f"snextday({d.duck}, '{w}')", "DATE")
        if k == 3:
            u = self.pick(["YEAR", "yyyy", "YY", "QUARTER", "MONTH", "mm", "MON", "WEEK", "DAY",
                           "dd", "HOUR", "x"])
            du = {"YEAR": "year", "YYYY": "year", "YY": "year", "QUARTER": "quarter",
                  "MONTH": "month", "MM": "month", "MON": "month", "WEEK": "week"}.get(u.upper())
            # TruncDate: units from YEAR down to WEEK; others are NULL
            dd = f"CAST(sdtrunc('{du}', {d.duck}) AS DATE)" if du else "CAST(NULL AS DATE)"
            if du:
                dd = f"CASE WHEN {d.duck} IS NOT NULL THEN {dd} END"
            return Expr(f"trunc({d.spark}, '{u}')", dd, "DATE")
        if k == 4:
            n = self.pick([self.small_int(), self.column("INT") if self.r.random() < 0.2 else
                           self.small_int()])
            if n.spark in ("i", "j", "id", "a.i", "b.i", "a.j", "b.j") or "." in n.spark:
                n = self.k_or_small()
            f = self.pick(["date_add", "date_sub", "dateadd"])
            op = "-" if f == "date_sub" else "+"
            return Expr(f"{f}({d.spark}, {n.spark})", f"({d.duck} {op} {n.duck})", "DATE")
        return self.make_date(depth)

    def more_timestamp(self, depth):
        k = self.r.randrange(4)
        if k <= 1:
            return self.str_cast("TIMESTAMP", depth)
        if k == 2:
            ts = self.expr(self.pick(["TIMESTAMP", "DATE"]), depth)
            u = self.pick(["YEAR", "yyyy", "YY", "QUARTER", "MONTH", "mm", "MON", "WEEK", "DAY",
                           "dd", "HOUR", "minute", "SECOND", "x"])
            du = {"YEAR": "year", "YYYY": "year", "YY": "year", "QUARTER": "quarter",
                  "MONTH": "month", "MM": "month", "MON": "month", "WEEK": "week", "DAY": "day",
                  "DD": "day", "HOUR": "hour", "MINUTE": "minute", "SECOND": "second"}.get(u.upper())
            dd = (f"sdtrunc('{du}', CAST({ts.duck} AS TIMESTAMP))" if du
                  else "CAST(NULL AS TIMESTAMP)")
            return Expr(f"date_trunc('{u}', {ts.spark})", dd, "TIMESTAMP")
        # DATE and TIMESTAMP in one CASE/coalesce: TIMESTAMP (the wider type)
        a, b = self.expr("DATE", depth), self.expr("TIMESTAMP", depth)
        if self.r.random() < 0.5:
            return Expr(f"coalesce({a.spark}, {b.spark})",
                        f"coalesce(CAST({a.duck} AS TIMESTAMP), {b.duck})", "TIMESTAMP")
        c = self.expr("BOOLEAN", depth)
        return Expr(f"CASE WHEN {c.spark} THEN {b.spark} ELSE {a.spark} END",
                    f"CASE WHEN {c.duck} THEN {b.duck} ELSE CAST({a.duck} AS TIMESTAMP) END",
                    "TIMESTAMP")

    def common(self, t, depth):
        """CASE / COALESCE / IF / NULLIF / greatest / least of type t."""
        k = self.r.randrange(5 if t != "BOOLEAN" else 3)
        a, b = self.expr(t, depth), self.expr(t, depth)
        if k == 0:
            c = self.expr("BOOLEAN", depth)
            return Expr(f"CASE WHEN {c.spark} THEN {a.spark} ELSE {b.spark} END",
                        f"CASE WHEN {c.duck} THEN {a.duck} ELSE {b.duck} END", t)
        if k == 1:
            return Expr(f"coalesce({a.spark}, {b.spark})", f"coalesce({a.duck}, {b.duck})", t)
        if k == 2:
            c = self.expr("BOOLEAN", depth)
            return Expr(f"if({c.spark}, {a.spark}, {b.spark})",
                        f"CASE WHEN {c.duck} THEN {a.duck} ELSE {b.duck} END", t)
        if k == 3:
            f = self.pick(["greatest", "least"])
            if t == "DOUBLE":  # DuckDB's greatest/least: Spark's ordering of -0.0 and NaN
                return Expr(f"{f}({a.spark}, {b.spark})", f"{f}({a.duck}, {b.duck})", t)
            return Expr(f"{f}({a.spark}, {b.spark})", f"{f}({a.duck}, {b.duck})", t)
        return Expr(f"nullif({a.spark}, {b.spark})", f"nullif({a.duck}, {b.duck})", t)

    def arith(self, t, depth):
        a, b = self.expr(t, depth), self.expr(t, depth)
        op = self.pick(["+", "-", "*", "%", "pmod", "neg", "abs"])
        sp = {"+": f"({a.spark} + {b.spark})", "-": f"({a.spark} - {b.spark})",
              "*": f"({a.spark} * {b.spark})", "%": f"({a.spark} % {b.spark})",
              "pmod": f"pmod({a.spark}, {b.spark})", "neg": f"(- {a.spark})",
              "abs": f"abs({a.spark})"}[op]
        if t == "DOUBLE":
            du = {"+": f"({a.duck} + {b.duck})", "-": f"({a.duck} - {b.duck})",
                  "*": f"({a.duck} * {b.duck})", "%": f"dmod({a.duck}, {b.duck})",
                  "pmod": f"pmodd({a.duck}, {b.duck})", "neg": f"(- {a.duck})",
                  "abs": f"abs({a.duck})"}[op]
            return Expr(sp, du, t)
        w = "wrap32" if t == "INT" else "wrap64"
        if self.r.random() < 0.15:  # bitwise: two's complement in both
            op = self.pick(["&", "|", "^", "~"])
            if op == "~":
                return Expr(f"(~ {a.spark})", f"(~ {a.duck})", t)
            dop = "xor" if op == "^" else op
            du = f"xor({a.duck}, {b.duck})" if op == "^" else f"({a.duck} {dop} {b.duck})"
            return Expr(f"({a.spark} {op} {b.spark})", du, t)
        ha, hb = f"CAST({a.duck} AS HUGEINT)", f"CAST({b.duck} AS HUGEINT)"
        du = {"+": f"{w}({ha} + {hb})", "-": f"{w}({ha} - {hb})", "*": f"{w}({ha} * {hb})",
              "%": f"{w}(imod({a.duck}, {b.duck}))",
              "pmod": f"pmod{t == 'INT' and '32' or '64'}({a.duck}, {b.duck})",
              "neg": f"{w}(- {ha})", "abs": f"{w}(abs({ha}))"}[op]
        return Expr(sp, du, t)

    def make_int(self, depth):
        k = self.r.randrange(9)
        if k <= 2:
            return self.arith("INT", depth)
        if k == 3:
            return self.common("INT", depth)
        if k == 4 and self.r.random() < 0.3:
            s, p = self.expr("STRING", depth), self.expr("STRING", 0)
            f = self.pick(["locate", "position", "ascii"])
            if f == "ascii":  # Spark's Ascii: the first code point, 0 for ''
                return Expr(f"ascii({s.spark})",
                            f"CASE WHEN {s.duck} = '' THEN 0 ELSE ascii({s.duck}) END", "INT")
            if f == "position":
                return Expr(f"position({p.spark} IN {s.spark})", f"instr({s.duck}, {p.duck})",
                            "INT")
            return Expr(f"locate({p.spark}, {s.spark})", f"instr({s.duck}, {p.duck})", "INT")
        if k == 4:
            s = self.expr("STRING", depth)
            f = self.pick(["length", "char_length", "instr"])
            if f == "instr":
                p = self.expr("STRING", depth)
                return Expr(f"instr({s.spark}, {p.spark})", f"instr({s.duck}, {p.duck})", "INT")
            return Expr(f"{f}({s.spark})", f"length({s.duck})", "INT")
        if k == 5:
            src = self.pick(["BIGINT", "DOUBLE", "BOOLEAN"])
            x = self.expr(src, depth)
            du = {"BIGINT": f"wrap32({x.duck})", "DOUBLE": f"d2i({x.duck})",
                  "BOOLEAN": f"CAST({x.duck} AS INTEGER)"}[src]
            return Expr(f"CAST({x.spark} AS INT)", du, "INT")
        if k == 6:
            d = self.expr("DATE", depth)
            f = self.pick(["year", "month", "dayofmonth", "dayofweek", "dayofyear", "quarter"])
            du = f"{f}({d.duck})" if f != "dayofweek" else f"(dayofweek({d.duck}) + 1)"
            return Expr(f"{f}({d.spark})", f"CAST({du} AS INTEGER)", "INT")
        if k == 7:
            ts = self.expr("TIMESTAMP", depth)
            f = self.pick(["hour", "minute", "second"])
            return Expr(f"{f}({ts.spark})", f"CAST({f}({ts.duck}) AS INTEGER)", "INT")
        a, b = self.expr("DATE", depth), self.expr("DATE", depth)
        return Expr(f"datediff({a.spark}, {b.spark})",
                    f"CAST({a.duck} - {b.duck} AS INTEGER)", "INT")

    def make_bigint(self, depth):
        k = self.r.randrange(7)
        if k <= 2:
            return self.arith("BIGINT", depth)
        if k == 3:
            return self.common("BIGINT", depth)
        if k == 4:
            t = self.pick(["INT", "BIGINT"])
            a, b = self.expr(t, depth), self.expr(t, depth)
            # IntegralDivide's inputType is LongType (3.5): INT operands are widened first
            return Expr(f"({a.spark} div {b.spark})", f"wrap64(tdiv({a.duck}, {b.duck}))",
                        "BIGINT")
        if k == 5:
            x = self.expr("DOUBLE", depth)
            f = self.pick(["CAST", "floor", "ceil"])
            if f == "CAST":
                return Expr(f"CAST({x.spark} AS BIGINT)", f"d2l({x.duck})", "BIGINT")
            return Expr(f"{f}({x.spark})", f"d2l({f}({x.duck}))", "BIGINT")
        x = self.expr("INT", depth)
        return Expr(f"CAST({x.spark} AS BIGINT)", f"CAST({x.duck} AS BIGINT)", "BIGINT")

    def make_double(self, depth):
        k = self.r.randrange(6)
        if k <= 1:
            return self.arith("DOUBLE", depth)
        if k == 2:
            return self.common("DOUBLE", depth)
        if k == 3:
            t = self.pick(NUMERIC)
            a, b = self.expr(t, depth), self.expr(t, depth)
            return Expr(f"({a.spark} / {b.spark})",
                        f"ddiv({dcast(a, 'DOUBLE')}, {dcast(b, 'DOUBLE')})", "DOUBLE")
        if k == 4:
            t = self.pick(["INT", "BIGINT"])
            x = self.expr(t, depth)
            return Expr(f"CAST({x.spark} AS DOUBLE)", f"CAST({x.duck} AS DOUBLE)", "DOUBLE")
        # mixed arithmetic: Spark widens the narrower side
        ta, tb = self.pick(NUMERIC), "DOUBLE"
        a, b = self.expr(ta, depth), self.expr(tb, depth)
        if self.r.random() < 0.5:
            a, b = b, a
        op = self.pick(["+", "-", "*"])
        return Expr(f"({a.spark} {op} {b.spark})",
                    f"({dcast(a, 'DOUBLE')} {op} {dcast(b, 'DOUBLE')})", "DOUBLE")

    def make_string(self, depth):
        k = self.r.randrange(9)
        s = self.expr("STRING", depth)
        if k == 0:
            f = self.pick(["upper", "lower", "ucase", "lcase"])
            g = "upper" if f in ("upper", "ucase") else "lower"
            return Expr(f"{f}({s.spark})", f"{g}({s.duck})", "STRING")
        if k == 1:
            t = self.expr("STRING", depth)
            if self.r.random() < 0.3:
                u = self.expr("STRING", depth)
                return Expr(f"concat({s.spark}, {t.spark}, {u.spark})",
                            f"({s.duck} || {t.duck} || {u.duck})", "STRING")
            op = self.pick(["concat", "||"])
            sp = f"concat({s.spark}, {t.spark})" if op == "concat" else f"({s.spark} || {t.spark})"
            return Expr(sp, f"({s.duck} || {t.duck})", "STRING")
        if k == 2:
            p = self.expr("INT", depth) if self.r.random() < 0.3 else self.small_int()
            if self.r.random() < 0.3:
                f = self.pick(["substring", "substr"])
                return Expr(f"{f}({s.spark}, {p.spark})",
                            f"ssub({s.duck}, {p.duck}, 2147483647)", "STRING")
            n = self.small_int()
            return Expr(f"substring({s.spark}, {p.spark}, {n.spark})",
                        f"ssub({s.duck}, {p.duck}, {n.duck})", "STRING")
        if k == 3:
            f = self.pick(["trim", "ltrim", "rtrim"])
            # UTF8String.trim/trimLeft/trimRight: spaces (0x20) only; DuckDB's default set
            # is wider (it takes U+00A0 too)
            return Expr(f"{f}({s.spark})", f"{f}({s.duck}, ' ')", "STRING")
        if k == 4:
            f = self.pick(["lpad", "rpad"])
            n, p = self.small_int(), self.expr("STRING", 0)
            return Expr(f"{f}({s.spark}, {n.spark}, {p.spark})",
                        f"s{f}({s.duck}, {n.duck}, {p.duck})", "STRING")
        if k == 5 and self.r.random() < 0.4:
            n = self.small_int()
            f = self.pick(["left", "right"])
            # Left = Substring(s, 1, n); Right = if n <= 0 '' else Substring(s, -n)
            if f == "left":
                du = f"ssub({s.duck}, 1, {n.duck})"
            else:
                du = (f"CASE WHEN {n.duck} <= 0 AND {s.duck} IS NOT NULL THEN '' "
                      f"ELSE ssub({s.duck}, - {n.duck}, 2147483647) END")
            return Expr(f"{f}({s.spark}, {n.spark})", du, "STRING")
        if k == 5:
            n = self.small_int()
            return Expr(f"repeat({s.spark}, {n.spark})", f"srepeat({s.duck}, {n.duck})", "STRING")
        if k == 6:
            a, b = self.literal("STRING"), self.literal("STRING")
            return Expr(f"replace({s.spark}, {a.spark}, {b.spark})",
                        f"sreplace({s.duck}, {a.duck}, {b.duck})", "STRING")
        if k == 7:
            t = self.pick(["INT", "BIGINT", "BOOLEAN", "DATE"])
            x = self.expr(t, depth)
            return Expr(f"CAST({x.spark} AS STRING)", f"CAST({x.duck} AS VARCHAR)", "STRING")
        return self.common("STRING", depth)

    def small_int(self):
        v = self.pick([-3, -1, 0, 1, 2, 3, 5, 10])
        return Expr(str(v) if v >= 0 else f"({v})", f"CAST({v} AS INTEGER)", "INT")

    def make_boolean(self, depth):
        k = self.r.randrange(8)
        if k <= 2:
            t = self.pick(["INT", "BIGINT", "DOUBLE", "STRING", "DATE", "TIMESTAMP", "BOOLEAN",
                           "MIXED"])
            if t == "MIXED":
                ta, tb = self.pick(NUMERIC), self.pick(NUMERIC)
                a, b = self.expr(ta, depth), self.expr(tb, depth)
                w = widen(ta, tb)
                da, db = dcast(a, w), dcast(b, w)
            else:
                a, b = self.expr(t, depth), self.expr(t, depth)
                da, db = a.duck, b.duck
            op = self.pick(["=", "<>", "!=", "<", "<=", ">", ">=", "<=>", "=="])
            dop = {"!=": "<>", "==": "=", "<=>": "IS NOT DISTINCT FROM"}.get(op, op)
            return Expr(f"({a.spark} {op} {b.spark})", f"({da} {dop} {db})", "BOOLEAN")
        if k == 3 and self.r.random() < 0.3:
            x = self.expr("INT", depth)
            whens = [(self.literal("INT"), self.expr("BOOLEAN", depth))
                     for _ in range(self.r.randrange(1, 3))]
            els = self.expr("BOOLEAN", depth)
            return Expr(f"CASE {x.spark} " + " ".join(f"WHEN {w.spark} THEN {v.spark}"
                                                       for w, v in whens)
                        + f" ELSE {els.spark} END",
                        f"CASE {x.duck} " + " ".join(f"WHEN {w.duck} THEN {v.duck}"
                                                      for w, v in whens)
                        + f" ELSE {els.duck} END", "BOOLEAN")
        if k == 3:
            a, b = self.expr("BOOLEAN", depth), self.expr("BOOLEAN", depth)
            op = self.pick(["AND", "OR"])
            if self.r.random() < 0.3:
                return Expr(f"(NOT {a.spark})", f"(NOT {a.duck})", "BOOLEAN")
            return Expr(f"({a.spark} {op} {b.spark})", f"({a.duck} {op} {b.duck})", "BOOLEAN")
        if k == 4:
            t = self.pick(["INT", "BIGINT", "DOUBLE", "STRING", "DATE", "BOOLEAN"])
            a = self.expr(t, depth)
            f = self.pick(["IS NULL", "IS NOT NULL", "IN", "NOT IN", "BETWEEN"])
            if f.startswith("IS"):
                return Expr(f"({a.spark} {f})", f"({a.duck} {f})", "BOOLEAN")
            if f == "BETWEEN":
                lo, hi = self.literal(t), self.literal(t)
                return Expr(f"({a.spark} BETWEEN {lo.spark} AND {hi.spark})",
                            f"({a.duck} BETWEEN {lo.duck} AND {hi.duck})", "BOOLEAN")
            items = [self.literal(t) for _ in range(self.r.randrange(1, 4))]
            return Expr(f"({a.spark} {f} ({', '.join(x.spark for x in items)}))",
                        f"({a.duck} {f} ({', '.join(x.duck for x in items)}))", "BOOLEAN")
        if k == 5:
            s = self.expr("STRING", depth)
            f = self.pick(["LIKE", "startswith", "endswith", "contains"])
            if f == "LIKE":
                p = self.pick(LIKE_PATTERNS)
                return Expr(f"({s.spark} LIKE '{p}')", f"({s.duck} LIKE '{p}')", "BOOLEAN")
            p = self.expr("STRING", 0)
            du = {"startswith": "starts_with", "endswith": "ends_with"}.get(f, f)
            return Expr(f"{f}({s.spark}, {p.spark})", f"{du}({s.duck}, {p.duck})", "BOOLEAN")
        if k == 6:
            x = self.expr("DOUBLE", depth)
            return Expr(f"isnan({x.spark})", f"snan({x.duck})", "BOOLEAN")
        return self.common("BOOLEAN", depth)

    def make_date(self, depth):
        k = self.r.randrange(5)
        d = self.expr("DATE", depth)
        if k == 0:
            n = self.small_int()
            f = self.pick(["date_add", "date_sub"])
            op = "+" if f == "date_add" else "-"
            return Expr(f"{f}({d.spark}, {n.spark})", f"({d.duck} {op} {n.duck})", "DATE")
        if k == 1:
            ts = self.expr("TIMESTAMP", depth)
            f = self.pick(["to_date", "CAST"])
            sp = f"to_date({ts.spark})" if f == "to_date" else f"CAST({ts.spark} AS DATE)"
            return Expr(sp, f"CAST({ts.duck} AS DATE)", "DATE")
        if k == 2:
            n = self.small_int()
            return Expr(f"add_months({d.spark}, {n.spark})",
                        f"CAST({d.duck} + to_months({n.duck}) AS DATE)", "DATE")
        if k == 3:
            return Expr(f"last_day({d.spark})", f"last_day({d.duck})", "DATE")
        return self.common("DATE", depth)

    def make_timestamp(self, depth):
        k = self.r.randrange(3)
        if k == 0:
            d = self.expr("DATE", depth)
            return Expr(f"CAST({d.spark} AS TIMESTAMP)", f"CAST({d.duck} AS TIMESTAMP)",
                        "TIMESTAMP")
        if k == 1:
            ts = self.expr("TIMESTAMP", depth)
            u = self.pick(["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "WEEK", "QUARTER"])
            return Expr(f"date_trunc('{u}', {ts.spark})", f"sdtrunc('{u.lower()}', {ts.duck})",
                        "TIMESTAMP")
        return self.common("TIMESTAMP", depth)

    # -------- conditional aggregates
    def cond_aggregate(self, depth):
        k = self.r.randrange(5 if self.ordered else 4)
        p = self.expr("BOOLEAN", depth)
        if k == 0:
            # CountIf: Count(If(p, true, NULL)), the rows where p is true
            return Expr(f"count_if({p.spark})", f"count(*) FILTER (WHERE {p.duck})", "BIGINT",
                        agg=True)
        if k == 1:
            # an aggregate's FILTER (WHERE p): the rows where p is true
            t = self.pick(["INT", "BIGINT", "DOUBLE", "STRING"])
            x = self.expr(t, depth)
            f = self.pick(["sum", "count", "max", "avg"] if t != "STRING" else ["count", "min"])
            filt = f" FILTER (WHERE {p.spark})", f" FILTER (WHERE {p.duck})"
            if f == "sum" and t != "DOUBLE":
                return Expr(f"sum({x.spark}){filt[0]}",
                            f"wrap64(sum(CAST({x.duck} AS HUGEINT)){filt[1]})", "BIGINT", agg=True)
            if f == "avg":
                return Expr(f"avg({x.spark}){filt[0]}",
                            f"(sum(CAST({x.duck} AS DOUBLE)){filt[1]} / count({x.duck}){filt[1]})",
                            "DOUBLE", approx=True, agg=True)
            rt = "BIGINT" if f == "count" else t
            return Expr(f"{f}({x.spark}){filt[0]}", f"{f}({x.duck}){filt[1]}", rt,
                        approx=t == "DOUBLE" and f == "sum", agg=True)
        if k == 2:
            x = self.expr("BOOLEAN", depth)
            f = self.pick(["bool_and", "bool_or", "every", "some"])
            g = "bool_and" if f in ("bool_and", "every") else "bool_or"
            return Expr(f"{f}({x.spark}) FILTER (WHERE {p.spark})",
                        f"{g}({x.duck}) FILTER (WHERE {p.duck})", "BOOLEAN", agg=True)
        if k == 3:
            # MaxBy/MinBy(x, y): x at the row of the largest/smallest y (rows with a NULL y
            # are skipped); x is a function of y here, so ties give one answer
            y = self.column(self.pick(["INT", "BIGINT", "STRING", "DATE"]))
            f = self.pick(["max_by", "min_by"])
            xs = {"INT": (f"({y.spark} + 1)", f"wrap32(CAST({y.duck} AS HUGEINT) + 1)", "INT"),
                  "BIGINT": (f"({y.spark} * 2)", f"wrap64(CAST({y.duck} AS HUGEINT) * 2)",
                             "BIGINT"),
                  "STRING": (f"upper({y.spark})", f"upper({y.duck})", "STRING"),
                  "DATE": (f"month({y.spark})", f"CAST(month({y.duck}) AS INTEGER)", "INT")}[y.t]
            g = "arg_max" if f == "max_by" else "arg_min"
            return Expr(f"{f}({xs[0]}, {y.spark})", f"{g}({xs[1]}, {y.duck})", xs[2], agg=True)
        # First/Last in the file's order (one file, one partition), with ignoreNulls or not
        t = self.pick(["INT", "BIGINT", "DOUBLE", "STRING", "DATE", "BOOLEAN"])
        x = self.expr(t, depth)
        f = self.pick(["first", "last", "first_value", "last_value"])
        ign = self.r.random() < 0.5
        order = "DESC" if f.startswith("last") else "ASC"
        filt = f" FILTER (WHERE {x.duck} IS NOT NULL)" if ign else ""
        return Expr(f"{f}({x.spark}{', true' if ign else ''})",
                    f"(list({x.duck} ORDER BY id {order}){filt})[1]", t, agg=True)

    # -------- aggregates
    def aggregate(self, depth):
        k = self.r.randrange(10)
        if k == 0:
            return Expr("count(*)", "count(*)", "BIGINT", agg=True)
        if k == 1:
            t = self.pick(["INT", "BIGINT", "DOUBLE", "STRING", "DATE", "BOOLEAN"])
            x = self.expr(t, depth)
            if self.r.random() < 0.4:
                xd = f"dnorm({x.duck})" if t == "DOUBLE" else x.duck
                return Expr(f"count(DISTINCT {x.spark})", f"count(DISTINCT {xd})", "BIGINT",
                            agg=True)
            return Expr(f"count({x.spark})", f"count({x.duck})", "BIGINT", agg=True)
        if k == 2:
            t = self.pick(["INT", "BIGINT"])
            x = self.expr(t, depth)
            return Expr(f"sum({x.spark})", f"wrap64(sum(CAST({x.duck} AS HUGEINT)))", "BIGINT",
                        agg=True)
        if k == 3:
            x = self.expr("DOUBLE", depth)
            return Expr(f"sum({x.spark})", f"sum({x.duck})", "DOUBLE", approx=True, agg=True)
        if k == 4:
            t = self.pick(NUMERIC)
            x = self.expr(t, depth)
            return Expr(f"avg({x.spark})",
                        f"(sum(CAST({x.duck} AS DOUBLE)) / count({x.duck}))", "DOUBLE",
                        approx=True, agg=True)
        if k == 5:
            x = self.expr("BOOLEAN", depth)
            f = self.pick(["bool_and", "bool_or", "every", "some", "any"])
            g = "bool_and" if f in ("bool_and", "every") else "bool_or"
            return Expr(f"{f}({x.spark})", f"{g}({x.duck})", "BOOLEAN", agg=True)
        if k == 8:
            return self.cond_aggregate(depth)
        t = self.pick(["INT", "BIGINT", "DOUBLE", "STRING", "DATE", "TIMESTAMP", "BOOLEAN"])
        x = self.expr(t, depth)
        f = self.pick(["min", "max"])
        return Expr(f"{f}({x.spark})", f"{f}({x.duck})", t, agg=True)


# ---------------------------------------------------------------- data

def gen_value(r, t, col):
    if r.random() < 0.15:
        return None
    if col == "k":
        return r.choice([0, 1, 2, -1])
    if col == "c":
        return r.choice([0, 1, 2**40, LONG_MIN])
    if col == "u":
        return r.choice(SMALL_STRINGS)
    if col == "w":
        return r.choice(CAST_STRINGS)
    if t == "INT":
        return r.choice([0, 1, -1, 2, 3, 7, -7, 10, 100, INT_MAX, INT_MIN, INT_MAX - 1, 65536,
                         46341, r.randint(-1000, 1000), r.randint(INT_MIN, INT_MAX)])
    if t == "BIGINT":
        return r.choice([0, 1, -1, 2, 5, -5, LONG_MAX, LONG_MIN, 2**32, 3037000500, 2**53 + 1,
                         r.randint(-10**6, 10**6), r.randint(LONG_MIN, LONG_MAX)])
    if t == "DOUBLE":
        return r.choice([0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -2.5, 0.1, 1e10, 1e-5, 1e7, 1e-3, 1e300,
                         -1e300, 123456789.125, "NaN", "Infinity", "-Infinity", 3.0, 7.0,
                         r.uniform(-100, 100), r.randint(-50, 50) / 4.0])
    if t == "STRING":
        return r.choice(STRINGS)
    if t == "BOOLEAN":
        return r.choice([True, False])
    if t == "DATE":
        return r.choice(["2024-01-15", "1970-01-01", "2000-02-29", "1999-12-31", "2024-03-31",
                         f"{r.randint(1950, 2050)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"])
    frac = r.choice(["", "", ".5", ".123456", ".000001", ".120"])
    return r.choice(["2024-01-15T10:20:30", "1970-01-01T00:00:00", "2000-02-29T23:59:59",
                     f"{r.randint(1950, 2050)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T"
                     f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"]) + frac


def gen_rows(r):
    n = r.choice([0, 1, 3, 8, 15, 25, 40])
    rows = []
    for i in range(n):
        rows.append({c: gen_value(r, t, c) for c, t in COLUMNS})
        rows[-1]["id"] = i
    return rows


# ---------------------------------------------------------------- queries

class Query:
    def __init__(self, spark, duck, types, approx):
        self.spark, self.duck, self.types, self.approx = spark, duck, types, approx


def order_by(r, names):
    sp, du = [], []
    for n in names:
        d = r.choice(["", " ASC", " DESC"])
        nulls = r.choice(["", "", " NULLS FIRST", " NULLS LAST"])
        sp.append(n + d + nulls)
        eff = nulls or (" NULLS LAST" if d == " DESC" else " NULLS FIRST")
        du.append(n + (d or " ASC") + eff)
    return ", ".join(sp), ", ".join(du)


def finish(r, items, frm, where_sp, where_du, tail_sp, tail_du, distinct=False):
    names = [f"c{i}" for i in range(len(items))]
    r.shuffle(names_order := list(names))
    osp, odu = order_by(r, names_order)
    dist = "DISTINCT " if distinct else ""
    sel_sp = ", ".join(f"{e.spark} AS {n}" for e, n in zip(items, names))
    sel_du = ", ".join(f"{e.duck} AS {n}" for e, n in zip(items, names))
    limit = ""
    if r.random() < 0.15:
        limit = f" LIMIT {r.choice([0, 1, 3, 10])}"
    spark = (f"SELECT {dist}{sel_sp} FROM {frm[0]}{where_sp}{tail_sp} ORDER BY {osp}{limit}"
             " WITH (numRows = 100000, truncate = false);")
    # DuckDB's sort gives -0.0 back as 0.0: the sort keys are the typed columns, the payload
    # their strings.
    outer = ", ".join(f"CAST({n} AS VARCHAR) AS v{n}" for n in names)
    duck = (f"SELECT {outer} FROM (SELECT {dist}{sel_du} FROM {frm[1]}{where_du}{tail_du}) q "
            f"ORDER BY {odu}{limit}")
    return Query(spark, duck, [e.t for e in items], [e.approx for e in items])


def gen_sub(r):
    """A subquery over t: (Spark text, DuckDB text, its columns)."""
    g = Gen(r)
    n = r.randrange(2, 5)
    items = [g.expr(g.pick(list(DUCK_TYPE)), r.randrange(0, 3)) for _ in range(n)]
    cols = [(f"x{i}", e.t) for i, e in enumerate(items)]
    where_sp = where_du = ""
    if r.random() < 0.5:
        p = g.expr("BOOLEAN", 2)
        where_sp, where_du = f" WHERE {p.spark}", f" WHERE {p.duck}"
    sp = ", ".join(f"{e.spark} AS {c}" for e, (c, _) in zip(items, cols))
    du = ", ".join(f"{e.duck} AS {c}" for e, (c, _) in zip(items, cols))
    return f"(SELECT {sp} FROM t{where_sp}) s", f"(SELECT {du} FROM t{where_du}) s", cols


def gen_from(r):
    """The FROM clause: t, a subquery, or a join of t with itself."""
    k = r.random()
    if k < 0.55:
        return "t", "t", COLUMNS
    if k < 0.8:
        return gen_sub(r)
    jt = r.choice(["JOIN", "LEFT JOIN", "RIGHT JOIN", "LEFT SEMI JOIN", "LEFT ANTI JOIN"])
    key = r.choice([("k", "k"), ("u", "u"), ("c", "c"), ("k", "i"), ("z", "z")])
    on = f"a.{key[0]} = b.{key[1]}"
    if r.random() < 0.3:
        on += r.choice([" AND a.i < b.i", " AND b.s IS NOT NULL", " OR a.j = b.j"])
    cols = [(f"a.{n}", t) for n, t in COLUMNS]
    if "SEMI" not in jt and "ANTI" not in jt:
        cols += [(f"b.{n}", t) for n, t in COLUMNS]
    sp = f"t a {jt} t b ON {on}"
    du_jt = {"LEFT SEMI JOIN": "SEMI JOIN", "LEFT ANTI JOIN": "ANTI JOIN"}.get(jt, jt)
    # Spark's LEFT ANTI keeps a row no row of b makes ON true for: NOT EXISTS
    du = f"t a {du_jt} t b ON {on}" if du_jt != "ANTI JOIN" else \
        f"(SELECT * FROM t a WHERE NOT EXISTS (SELECT 1 FROM t b WHERE {on})) a"
    return sp, du, cols


def gen_query(r):
    frm_sp, frm_du, cols = gen_from(r)
    g = Gen(r, cols)
    g.ordered = frm_sp == "t"
    shape = r.choice(["project", "project", "group", "group", "global", "distinct"])
    where_sp = where_du = ""
    if r.random() < 0.5:
        p = g.expr("BOOLEAN", 3)
        where_sp, where_du = f" WHERE {p.spark}", f" WHERE {p.duck}"
    if shape in ("project", "distinct"):
        items = [g.expr(g.pick(list(DUCK_TYPE)), r.randrange(1, 4)) for _ in range(r.randrange(1, 4))]
        if shape == "distinct":
            items = [Expr(e.spark, f"dnorm({e.duck})" if e.t == "DOUBLE" else e.duck, e.t)
                     for e in items]
        return finish(r, items, (frm_sp, frm_du), where_sp, where_du, "", "",
                      distinct=shape == "distinct")
    aggs = [g.aggregate(r.randrange(0, 3)) for _ in range(r.randrange(1, 4))]
    if shape == "global":
        return finish(r, aggs, (frm_sp, frm_du), where_sp, where_du, "", "")
    keys = []
    for _ in range(r.randrange(1, 3)):
        if r.random() < 0.6:
            keys.append(g.column(g.pick(list(DUCK_TYPE))))
        else:
            keys.append(g.expr(g.pick(list(DUCK_TYPE)), 1))
        if keys[-1].t == "INT" and keys[-1].spark.replace(" ", "").strip("()-").isdigit():
            keys.pop()  # an INT literal in GROUP BY is a position
    if not keys:
        keys.append(g.column("STRING"))  # a STRING literal is no position
    gsp = ", ".join(k.spark for k in keys)
    kitems = [Expr(k.spark, f"dnorm({k.duck})" if k.t == "DOUBLE" else k.duck, k.t) for k in keys]
    gdu = ", ".join(k.duck for k in kitems)
    having_sp = having_du = ""
    if r.random() < 0.25:
        a = g.aggregate(1)
        if a.t in ("INT", "BIGINT"):
            having_sp, having_du = f" HAVING {a.spark} > 1", f" HAVING {a.duck} > 1"
    return finish(r, kitems + aggs, (frm_sp, frm_du), where_sp, where_du,
                  f" GROUP BY {gsp}{having_sp}", f" GROUP BY {gdu}{having_du}")


# ---------------------------------------------------------------- running

def parse_tables(text):
    """The show() tables of sluice's output: a list of (header, rows)."""
    tables, lines, i = [], text.split("\n"), 0
    while i < len(lines):
        if lines[i].startswith("+"):
            header = [c.rstrip(" ") for c in lines[i + 1][1:-1].split("|")]
            i += 3
            rows = []
            while not lines[i].startswith("+"):
                rows.append([c.rstrip(" ") for c in lines[i][1:-1].split("|")])
                i += 1
            tables.append((header, rows))
        i += 1
    return tables


def same_cell(a, b, typ, approx):
    if a == b:
        return True
    if typ == "DOUBLE" and "NULL" not in (a, b) and ("E" in a) == ("E" in b):
        # sluice prints Java 8-17's Double.toString, which some values get 17 digits from
        # (2^62 is 4.6116860184273879E18), java_double the shortest form (docs/language.md)
        x, y = float(a), float(b)
        if x == y and math.copysign(1, x) == math.copysign(1, y):
            return True
    if typ == "DOUBLE" and approx and a != "NULL" and b != "NULL":
        x, y = float(a), float(b)
        if not math.isfinite(x) and not math.isfinite(y):
            return True  # a sum that overflows: which infinity (or NaN) depends on row order
        return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-300)
    return False


def zero_key(row):
    return [("0.0" if c == "-0.0" else c) for c in row]


def same_rows(got, want, q):
    if len(got) != len(want):
        return False
    ok = all(len(g) == len(w) and all(same_cell(a, b, t, ap) for a, b, t, ap in
                                      zip(g, w, q.types, q.approx)) for g, w in zip(got, want))
    if ok:
        return True
    # -0.0 and 0.0 are equal in Spark's ordering: their rows may come in either order
    return ([zero_key(x) for x in got] == [zero_key(x) for x in want]
            and sorted(map(tuple, got)) == sorted(map(tuple, want)))


def run_duck(work, rows, queries):
    cols = ", ".join(f"{n}: '{DUCK_TYPE[t]}'" for n, t in COLUMNS)
    path = os.path.join(work, "data", "t", "*.json")
    setup = [f"CREATE VIEW t AS SELECT * FROM read_json('{path}', format = 'newline_delimited',"
             f" columns = {{{cols}}})"] if rows else [
        f"CREATE TABLE t ({', '.join(f'{n} {DUCK_TYPE[t]}' for n, t in COLUMNS)})"]
    spec = os.path.join(work, "duck.json")
    with open(spec, "w") as f:
        json.dump({"setup": setup + MACROS, "queries": [q.duck for q in queries]}, f)
    try:
        out = subprocess.run(["node", DUCK_DRIVER, spec], capture_output=True, text=True,
                             check=True, timeout=DUCK_TIMEOUT)
    except subprocess.TimeoutExpired:
        return None  # DuckDB's side ran away (seen once: seed 2614 grew past 1.4 GB)
    return [json.loads(x) for x in out.stdout.splitlines()]


def sluice_text(queries):
    cols = ", ".join(f"{n} {t}" for n, t in COLUMNS)
    head = (f"CREATE TABLE t ({cols}) WITH (connector = 'files', path = 'data/t',"
            " format = 'json');\n")
    return head + "\n".join(q.spark for q in queries) + "\n"


def run_sluice(sluice, work, queries):
    """(tables, error text): the tables of one build and run of these queries."""
    return run_sql(sluice, work, sluice_text(queries))


def run_sql(sluice, work, sql_text):
    """(tables, error text): the tables of one build and run of sql_text (modeldiff.py too)."""
    with open(os.path.join(work, "q.sql"), "w") as f:
        f.write(sql_text)
    b = subprocess.run([sluice, "build", "q.sql", "-o", "q"], cwd=work, capture_output=True,
                       text=True)
    if b.returncode != 0:
        return None, "build: " + b.stdout + b.stderr
    try:
        p = subprocess.run(["./q"], cwd=work, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "run: timeout"
    if p.returncode != 0:
        return None, f"run (exit {p.returncode}): " + p.stderr[-2000:]
    return parse_tables(p.stdout), None


def check_seed(args, seed):
    r = random.Random(seed)
    rows = gen_rows(r)
    queries = [gen_query(r) for _ in range(args.queries)]
    work = tempfile.mkdtemp(prefix=f"difftest{seed}_", dir=args.work)
    os.makedirs(os.path.join(work, "data", "t"))
    with open(os.path.join(work, "data", "t", "part-0.json"), "w") as f:
        for row in rows:
            f.write(json.dumps({k: v for k, v in row.items() if v is not None},
                               ensure_ascii=False) + "\n")
    duck = run_duck(work, rows, queries)
    if duck is None:
        print(f"--- seed {seed}: DuckDB took more than {DUCK_TIMEOUT} s, skipped ({work})")
        return 0, 0, len(queries)
    tables, err = run_sluice(args.sluice, work, queries)
    results = []  # per query: (sluice rows or error, )
    if err is None and len(tables) == len(queries):
        results = [(t[1], None) for t in tables]
    else:
        for q in queries:  # one query at a time, to see which one fails
            t, e = run_sluice(args.sluice, work, [q])
            results.append((t[0][1] if t else None, e))
    mismatches = 0
    skipped = 0
    for qi, (q, d, (got, e)) in enumerate(zip(queries, duck, results)):
        if "error" in d:
            skipped += 1
            if args.show_duck_errors:
                print(f"--- seed {seed} query {qi}: DuckDB error {d['error']}\n  {q.duck}")
            continue
        want = [[spark_cell(v, t) for v, t in zip(row, q.types)] for row in d["rows"]]
        if e is None and same_rows(got, want, q):
            continue
        mismatches += 1
        print(f"=== MISMATCH seed {seed} query {qi}")
        print(f"sluice: {q.spark}\nduckdb: {q.duck}")
        if e:
            print(f"sluice error: {e.strip()}")
        else:
            print(f"sluice rows: {got}")
        print(f"duckdb rows: {want}")
        sys.stdout.flush()
    if not args.keep and mismatches == 0:
        shutil.rmtree(work)
    elif mismatches:
        print(f"(data in {work})")
    return len(queries) - skipped, mismatches, skipped


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sluice", required=True)
    ap.add_argument("--seeds", default="0:50", help="FROM:TO (seeds FROM..TO-1) or one seed")
    ap.add_argument("--queries", type=int, default=20, help="queries per seed")
    ap.add_argument("--work", default=None, help="where the temp dirs go")
    ap.add_argument("--keep", action="store_true", help="keep every temp dir")
    ap.add_argument("--show-sql", action="store_true", help="print the queries, run nothing")
    ap.add_argument("--show-duck-errors", action="store_true")
    args = ap.parse_args()
    args.sluice = os.path.abspath(args.sluice)
    lo, _, hi = args.seeds.partition(":")
    seeds = range(int(lo), int(hi)) if hi else [int(lo)]
    if args.show_sql:
        for s in seeds:
            r = random.Random(s)
            gen_rows(r)
            for _ in range(args.queries):
                q = gen_query(r)
                print(q.spark + "\n  -- " + q.duck)
        return 0
    total = bad = skipped = 0
    for s in seeds:
        n, m, k = check_seed(args, s)
        total, bad, skipped = total + n, bad + m, skipped + k
    print(f"difftest: {total} cases compared, {bad} mismatches, {skipped} skipped"
          " (DuckDB errors)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
