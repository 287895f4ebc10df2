#!/usr/bin/env python3
"""funcdiff.py - differential testing of sluice's scalar functions and casts against a python
model of Spark 3.5.

    tests/tools/funcdiff.py --sluice build/compiler/sluice [--seeds 0:100] [--queries 16]
                            [--work DIR] [--keep] [--show-sql] [--areas gen_json,...]

Each seed is one JSON Lines table `t` (strings made to be cast, with Unicode spaces, signs,
exponents, NaN/Infinity spellings, suffixes and one-digit date fields; Unicode text; doubles
with NaN, the infinities, -0.0 and values around Double.toString's thresholds; INT and BIGINT
extremes; dates) and --queries queries, each a few expressions of one area over every row,
ordered by `id`. The expected values come from python code written from Spark 3.5's classes
(named where each rule is): casts of strings (UTF8String.toLong, Double.parseDouble and
Cast.processFloatingPointSpecialLiterals, Decimal.fromString, StringUtils.isTrueString,
DateTimeUtils.stringToDate), DOUBLE to STRING (Double.toString), string functions
(UTF8String, java.util.regex, java.util.Formatter, DecimalFormat), math (StrictMath, Pmod,
NumberConverter), hashes (Murmur3_x86_32, XXH64, CRC32, MessageDigest) and date functions
(DateTimeUtils), parse_url and url_decode (spark_uri.py: java.net.URI.Parser, URLDecoder),
json_tuple (JsonTuple.parseRow, as a LATERAL VIEW) and from_json's number fields
(JacksonParser.makeConverter); a query whose model fails (Fail) runs alone and must fail with
Spark's message. Reuses modeldiff.py's decimal and case helpers and difftest.py's run_sql.
Deterministic by seed; a mismatch prints the query, both results and the kept temp dir.
"""

import argparse
import binascii
import datetime
import decimal
import hashlib
import json
import math
import os
import random
import re
import shutil
import struct
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from spark_show import java_double as shortest_double  # noqa: E402
from difftest import escape_meta, run_sql  # noqa: E402
from modeldiff import (Dec, dec_plain, java_initcap, java_lower, java_upper,  # noqa: E402
                       parse_big_decimal, substring_sql, to_precision, wrap)
import spark_json  # noqa: E402
import spark_uri  # noqa: E402
from spark_hash import m3_fmix, m3_mix_h1, m3_mix_k1, murmur3_bytes, xx_bytes, xx_int, \
    xx_long  # noqa: E402

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1
EPOCH = datetime.date(1970, 1, 1)


def java_double(v):
    """Double.toString: spark_show's shortest digits, except Double.MIN_VALUE, which Java 8-17
    prints 4.9E-324 (FloatingDecimal gives an E-form value at least two digits)."""
    if v is not None and abs(v) == 5e-324:
        return ("-" if v < 0 else "") + "4.9E-324"
    return shortest_double(v)


class Skip(Exception):
    """The model does not cover this value (the expression is dropped from the query)."""


class Fail(Exception):
    """Spark fails the query with this message (the expression gets a query of its own)."""


# ---------------------------------------------------------------- the data

# Strings made to be cast. No '|' (show()'s separator) and no "NULL".
CAST_STRINGS = [
    "0", "1", "-1", " 42 ", "+7", "-0", "1.", ".5", "-.5", ".", "+", "-", "1.9", "-1.9", "+-1",
    "1e3", "1.5E2", "1e-2", "2147483647", "2147483648", "-2147483648", "-2147483649",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
    "99999999999999999999999", "00012", "1d", "2.5F", "1.5D", "3f ", "1e3d", "NaN", "-NaN",
    "+NaN", "nan", "NAN ", "Infinity", "-Infinity", "+Infinity", "inf", "-INF", "+inf",
    "INFINITY", "Infinityd", "infinite", "1e400", "-1e400", "1e-400", "4.9e-324", "t", "f",
    "yes", "No", " TRUE ", "y", "n", "true\t", "falsE", "\u00a01", "1\u00a0", "\u20031",
    "1\u3000", "\u3000true", "true\u2003", "\x7f5\x7f", "\x01 7\x1f", "\u0661", "1_0",
    "0x1A", "1,5", "12abc", " - 5", "- 5", "5-", "1.2.3", "..5", "1e", "e1", "1e+", ".e1",
    "123456789012345678901234567890.5", "0.000000000000000000000000000000000000001",
    "1E+38", "-1.5e-3", "12345.6789", "2024-01-15", "2024-1-5", " 2024-01-15 ", "2024-01-15T",
    "2024-01-15 10:20:30", "2024-01-15T10:20:30.123456789", "2024-01-15 garbage", "2024-02-30",
    "2024-02-29", "2023-02-29", "2024-01", "2024-1", "2024", "202", "20240", "12345-01-01",
    "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-1x", "2024-1-1T", "2024/01/15",
    "2024-01-15\u00a0", "+2024-01-15", "2024--15", "0001-01-01", "9999-12-31", "-",
]
TEXT_STRINGS = [
    "", "a", "A", "ab", "abc", "Abc", "hello world", "Hello World", " x ", "  ", "x  ", "héllo",
    "Ångström", "naïve", "日本語", "😀", "a😀b", "ΑΒΓ", "e\u0301", "Straße", "ß", "ﬁle",
    "ΟΔΟΣ", "İstanbul", "tab\there", "line\nbreak", "%_", "10", "-3", "a,b,,c,", ",a,b",
    "a.b.c", "a1b22c333", "aaa", "x*y+z", "o'k", "back\\slash", "$1.50", "hello  world  ",
    "one two three", "ab-cd_ef", "ABCabcABC", "mississippi", "\u00a0x\u3000", "a\u2003b",
]
DOUBLES = [
    0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 1.005, 2.675, 0.001, 0.0009999,
    1e-3, 9.999999e6, 1e7, 1.0e10, 12345678.9, 123456789012.0, 1e15, 1e16, 1.7976931348623157e308,
    4.9e-324, 2.2250738585072014e-308, float("nan"), float("inf"), float("-inf"), 3.14159,
    -123.456, 100.0, 1e21, 1e-5, 0.3, 2.0 / 3, -1e-7, 9007199254740993.0, 1234.5, -0.015,
    255.0, 1e-300, 65536.0, 0.045, 5e-5,
]
INTS = [0, 1, -1, 2, -2, 7, -7, 10, 31, 32, 33, 63, 64, 255, 256, -256, 1000, 12345, INT_MAX,
        INT_MIN, INT_MAX - 1, INT_MIN + 1]
LONGS = [0, 1, -1, 5, -5, 255, 4294967296, -4294967296, LONG_MAX, LONG_MIN, 10**15,
         -(10**15), 123456789012345, 2**40 + 3]


def gen_ts_string(r):
    """A string for CAST AS TIMESTAMP: a date, then ' ' or 'T' and a time with one- or
    two-digit fields, a fraction of 1 to 9 digits and a zone, now and then out of range."""
    y, mo, d = r.choice([(2024, 1, 15), (2024, 2, 29), (1999, 12, 31), (1970, 1, 1), (1, 1, 1),
                         (9999, 12, 31), (2023, 2, 29), (2024, 4, 31), (1969, 12, 31)])
    mo_s = str(mo) if r.random() < 0.3 else "%02d" % mo
    d_s = str(d) if r.random() < 0.3 else "%02d" % d
    out = "%04d-%s-%s" % (y, mo_s, d_s)
    k = r.random()
    if k < 0.1:
        return r.choice([out, "%04d-%s" % (y, mo_s), "%04d" % y])
    h, mi, se = (r.choice([0, 1, 9, 10, 23, 24, 25]), r.choice([0, 5, 30, 59, 60]),
                 r.choice([0, 7, 30, 59, 60, 61]))
    out += r.choice([" ", "T"]) + (str(h) if h < 10 and r.random() < 0.3 else "%02d" % h)
    if r.random() < 0.15:
        return out  # hours only
    out += ":" + (str(mi) if r.random() < 0.2 else "%02d" % mi)
    if r.random() < 0.15:
        return out
    out += ":" + (str(se) if r.random() < 0.2 else "%02d" % se)
    if r.random() < 0.5:
        out += "." + "".join(r.choice("0123456789") for _ in range(r.randint(1, 9)))
    if r.random() < 0.5:
        out += r.choice(["Z", "+01:00", "-08:00", "+05:30", " UTC", "UTC", "+00:00", "-00:30",
                         "+14:00", "GMT+2", "+1:00", "Europe/Paris"])
    return out


def gen_rows(r, n):
    rows = []
    for i in range(n):
        rows.append({
            "id": i,
            "w": r.choice(CAST_STRINGS) if r.random() > 0.05 else None,
            "s": r.choice(TEXT_STRINGS) if r.random() > 0.05 else None,
            "d": r.choice(DOUBLES) if r.random() > 0.7 else (
                r.choice([round(r.uniform(-1e4, 1e4), r.randint(0, 4)), r.uniform(-1, 1),
                          r.uniform(-1e12, 1e12), 10.0 ** r.randint(-8, 22)])
                if r.random() > 0.05 else None),
            "v": gen_ts_string(r) if r.random() > 0.05 else None,
            "z": r.choice([True, False, None]),
            "i": r.choice(INTS) if r.random() > 0.5 else (
                r.randint(-100, 100) if r.random() > 0.05 else None),
            "l": r.choice(LONGS) if r.random() > 0.5 else (
                r.randint(-10**12, 10**12) if r.random() > 0.05 else None),
            "dt": (EPOCH + datetime.timedelta(days=r.choice([
                r.randint(-3000, 25000), r.randint(-700000, 2900000)])))
            if r.random() > 0.05 else None,
        })
    for row in rows:  # a JSON text, drawn by its own generator (the other columns' draws stay)
        jr = random.Random(hash_seed(row))
        row["j"] = gen_json_text(jr) if jr.random() > 0.05 else None
    for row in rows:  # URLs, text to decode and JSON numbers, each by its own generator
        ur = random.Random("u" + hash_seed(row))
        row["u"] = gen_url_text(ur) if ur.random() > 0.05 else None
        row["e"] = gen_enc_text(ur) if ur.random() > 0.05 else None
        row["n"] = gen_num_json(ur) if ur.random() > 0.05 else None
    for row in rows:  # dates of the python range only
        if row["dt"] is not None and not (datetime.date(1, 1, 1) <= row["dt"]):
            row["dt"] = None
    return rows


def hash_seed(row):
    return "j%d/%r/%r/%r" % (row["id"], row["w"], row["s"], row["l"])


def gen_json_text(r):
    """A JSON text for the path functions: one of JSON_DOCS or a random value, now and then
    cut short or with a byte changed."""
    if r.random() < 0.5:
        return r.choice(JSON_DOCS)

    def val(depth):
        k = r.random()
        if depth < 3 and k < 0.25:
            return "{" + ",".join("%s%s:%s" % (r.choice(["", " "]), r.choice(
                ['"a"', '"b"', "'a'", '"c"', '"x"', '"a b"', '""']), val(depth + 1))
                for _ in range(r.randint(0, 3))) + "}"
        if depth < 3 and k < 0.45:
            return "[" + ",".join(val(depth + 1) for _ in range(r.randint(0, 3))) + "]"
        return r.choice(['1', '-2', '0', '3.25', '1e3', '-0.0', '"s"', "'q'", '"é"', 'true',
                         'false', 'null', '"a\\"b"', '""', '12345678901', '"\\u0041"'])
    t = val(0)
    if r.random() < 0.1 and t:
        t = t[:r.randint(0, len(t) - 1)]
    elif r.random() < 0.1 and t:
        i = r.randint(0, len(t) - 1)
        t = t[:i] + r.choice([",", "]", "}", ":", " ", "x", "'", '"']) + t[i + 1:]
    return t


URL_SCHEMES = ["http", "https", "ftp", "HTTP", "h2+x.y-z", "1http", "mailto", "file", "a_b", "é",
               "s"]
URL_USERS = ["user", "user:pw", "u%20s", "us er", "", "a;b=c", "u%zz", "ü", "a[1]"]
URL_HOSTS = ["example.com", "EXAMPLE.com", "127.0.0.1", "256.1.1.1", "1.2.3", "1.2.3.4.5", "[::1]",
             "[2001:db8::1]", "[fe80::1%25eth0]", "[fe80::1%eth0]", "[1:2:3:4:5:6:7:8]",
             "[::ffff:1.2.3.4]", "[1::2::3]", "[::1", "[1:2:3:4:5:6:7]", "[12345::1]", "[::1%]",
             "[::1.2.3]", "[1:2:3:4:5:6:7:8:9]", "[1:2:3:4:5:6:1.2.3.4]", "héllo.com", "a-.com",
             "-a.com", "a_b.com", "1.com", "a.1b", "", "x", "a..b", "www.example.com.", "a%41.com",
             "a b.com", "0.0.0.0", "01.2.3.4", "999.1.1.1", "a-b.c-d.org", "😀.com", "a,b", "[]"]
URL_PORTS = ["", ":80", ":", ":8a", ":99999999999", ":0", ":2147483647", ":2147483648", ":-1"]
URL_PATHS = ["", "/", "/a/b", "/a b", "/%41", "/%4", "/é", "/a;p", "/a[1]", "/~u/", "/a%2Fb",
             "/a{b", "/a\\b", "/a^b", "/a\u3000b", "/a\u00a0b", "/😀", "/a\u0001", "//x", "/.",
             "/a:b@c", "/%e2%82%ac", "/a\u2028"]
URL_QUERIES = ["", "?", "?q=1", "?a=1&b=2&a=3", "?k=v&q=x%20y", "?a.b=1&axb=2", "?=x", "?q=1&",
               "?x=é", "?q=a b", "?q=%zz", "?&q=", "?q=1?2", "?a=[1]", "?q", "?q=&q=2",
               "?aq=1&q=2", "?q=a=b", "?Q=1", "?q=%", "?q=1/2#", "?é=1", "?a+b=c"]
URL_FRAGS = ["", "#", "#f", "#a#b", "#x y", "#%20", "#é", "#%g1", "#a?b/c", "#[x]"]
URL_FIXED = ["", " ", "http://", "http:", "//host", "/only/path", "?q=1", "#f", "mailto:a@b.c",
             "urn:isbn:123", "http://a b.com/", "http://user@:80", "http://[::1]:80/p?q=1#f",
             "http://host:80:90/", "http://%41.com/", "http://a%2.com", " http://a.com",
             "http://a.com ", "http://😀.com/😀?q=😀#😀", "http://a.com/%E2%82%AC", ":x", "a:",
             "a:b:c", "//", "///p", "http:///p", "http://@h/", "http://u@h@i/", "a/b:c",
             "http://h?q=1", "http://h#f", "file:///C:/x y", "http://h/p?q=1&q=2#f#g",
             "https://spark.apache.org/path?query=1", "http://h:8080", "http://[::1]x/",
             "http://1.2.3.4:5/", "http://1.2.3.4x/", "s://h.-/", "x:/%zz", "mailto:%zz",
             "http://a:b@h:1/p;x?q#r", "\u00a0http://h/"]


def gen_url_text(r):
    """A URL for parse_url: one of URL_FIXED, or scheme, '://' (now and then another
    separator), user info, host, port, path, query and fragment drawn from the lists."""
    if r.random() < 0.2:
        return r.choice(URL_FIXED)
    out = ""
    if r.random() < 0.85:
        out += r.choice(URL_SCHEMES) + r.choice(["://"] * 6 + [":", ":/", "//", ""])
    elif r.random() < 0.5:
        out += "//"
    if r.random() < 0.25:
        out += r.choice(URL_USERS) + "@"
    out += r.choice(URL_HOSTS) + r.choice(URL_PORTS) + r.choice(URL_PATHS)
    return out + r.choice(URL_QUERIES) + r.choice(URL_FRAGS)


ENC_GOOD = ["a", "a+b", "%41%42", "%e2%82%ac", "%E2%82%AC", "é", "😀", "%F0%9F%98%80", "+", "x y",
            "%20", "%2B", "%2b", "%41", "abc", "", "%C3%A9", "%0a", "%-0", "%+4", "%+f", "%7E",
            "%\uff11\uff12", "%\uff46\uff26", "%\u0661\u0662", "&=?/", "~!*'()"]
ENC_ODD = ["%E2%82", "%C3", "%FF", "%80", "%ED%A0%80", "%C0%AF", "%F8%88%80%80%80", "%E2%28%A1"]
ENC_BAD = ["%-1", "%4", "%", "a%", "%%", "%2s", "%zz", "%4😀", "%😀", "%-f", "%+", "% 1", "%1 "]


def gen_enc_text(r):
    """Text for url_decode: a few pieces, now and then a malformed escape (UrlCodec fails)."""
    pieces = []
    for _ in range(r.randint(1, 4)):
        k = r.random()
        pieces.append(r.choice(ENC_BAD if k < 0.03 else ENC_ODD if k < 0.2 else ENC_GOOD))
    return "".join(pieces)


NUM_VALUES = ["0", "-0", "1", "01", "-01", "00", "2147483647", "2147483648", "-2147483648",
              "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
              "12345678901234567890123", "1.0", "-0.0", "0.0", "1e2", "1E+2", "1e400", "-1e400",
              "1e-400", "-1e-400", "12345678.905", "99999999.995", "99999999.994", "0.005",
              "-0.005", "1.5e-3", "3.4028235e38", "1e39", "16777217", "0.1", "2.5", "1.", ".5",
              "+1", "1e", "-", "'1'", '"1"', '"NaN"', '"+INF"', '"+Infinity"', '"Infinity"',
              '"-INF"', '"-Infinity"', '"-NaN"', '"nan"', '"inf"', '""', '" 1"', '"1,000.5"',
              '"1e400"', '"12345678.905"', '"0x10"', "null", "true", "[1]", '{"x":1}', "-00.5",
              "0e0", "-0e5", "1.7976931348623157e308", "4.9e-324", "123456789", "1234567890"]


def gen_num_json(r):
    """A JSON object for from_json(n, 'a INT, b BIGINT, c DOUBLE, d DECIMAL(10,2), f FLOAT'):
    each field now and then left out, drawn from NUM_VALUES (leading zeros, huge exponents,
    big integers, quoted NaN and the infinities, malformed numbers)."""
    if r.random() < 0.05:
        return r.choice(["", " ", "[]", "1", "{", '{"a":1', "null", '{"a":1}x'])
    fields = []
    for k in "abcdf":
        if r.random() < 0.8:
            fields.append('"%s":%s' % (k, r.choice(NUM_VALUES)))
    r.shuffle(fields)
    return "{" + ",".join(fields) + "}"


def json_value(v):
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return java_double(v)  # read as a string by the JSON reader (allowNonNumericNumbers)
        return v
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v


COLS = ("id INT, w STRING, s STRING, d DOUBLE, i INT, l BIGINT, dt DATE, v STRING, z BOOLEAN, "
        "j STRING, u STRING, e STRING, n STRING")

JSON_DOCS = [
    '{"a":"b"}', '{"a":1,"b":[1,2,{"c":"x"}]}', '[1,2,3]', '[]', '{}', '""', '"str"', 'null',
    'true', '12', '-0', '1.50', '1e2', '{"a":null,"a":2}', '{"a":1,"a":2}', "{'a':'q\"'}",
    '{"a":"tab\there","b":"\\u00e9\\n"}', '[[1,2],[3],4,[]]', '[{"a":1},{"b":2},{"a":[5,6]}]',
    '[{"a":"x"},{"a":"y"}]', '{"a":{"b":{"c":[10,20]}}}', '{"a b":1," a":2,"":3}', '{"é":"ü"}',
    '{"a":1} trailing', '{"a":1}}', '{"a":1', '{"a":1,}', '[1,]', '[,1]', '{"a":01}',
    '{"a":1.}', '{"a":.5}', '{"a":+1}', '{"a":NaN}', '{"a":1e400}', '{"a":-1e-400}',
    '{"a":123456789012345678901234567890}', '{"a":9223372036854775807}', '{"a":1d}',
    '{"a":tru}', '{"a":truex}', '{"a":true}', '{a:1}', '  {"a" : [ 1 , "x" ] }  ',
    '{"a":"\\ud83d\\ude00"}', '{"\\ud83d\\ude00":1}', '{"a":"\\q"}', "{'a':'it\\'s'}",
    '{"a":[[1,2],[3,4]]}', '{"arr":[{"x":1},{"x":"two"},{"y":3}]}', '1 2', '1,', '[1] x',
    '{"a":"x\ty"}', '{"a":"\u0001"}', '\u00a0{"a":1}', '{"a":[]}', '{"a":{}}',
    '{"a":-0.0,"b":0.1e1,"c":1E-7}', '[null,1]', '[[]]', '[[[1]],[[2,3]]]', '',
    '["\\ud83d\\ude00","x"]', '[{"😀":"é"}]', '[["😀"]]', '[[1,"\\ud83d\\ude00"],[2]]',
]


# ---------------------------------------------------------------- casts of strings

def trim_ctl(s):
    """UTF8String.isWhitespaceOrISOControl on bytes (toLong, toInt, trimAll): <= ' ' or DEL;
    the bytes of a multi-byte character never are."""
    return s.strip("".join(chr(c) for c in range(0x21)) + "\x7f")


def to_long(s, lo, hi):
    """UTF8String.toLong / toInt (allowDecimal): [+-]digits[.digits], either side empty."""
    t = trim_ctl(s)
    m = re.fullmatch(r"([+-]?)([0-9]*)(\.[0-9]*)?", t)
    if t in ("", "+", "-") or not m:
        return None
    v = int(m.group(2) or "0") * (-1 if m.group(1) == "-" else 1)
    return v if lo <= v <= hi else None


def java_trim(s):
    """String.trim: chars <= ' '."""
    return s.strip("".join(chr(c) for c in range(0x21)))


JAVA_DOUBLE = re.compile(r"[+-]?(NaN|Infinity|(([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)[fFdD]?)")


def to_double(s):
    """Cast.castToDouble: Double.parseDouble (String.trim; NaN/Infinity as spelt; a final
    f/F/d/D), else processFloatingPointSpecialLiterals of s.trim.toLowerCase."""
    t = java_trim(s)
    if JAVA_DOUBLE.fullmatch(t):
        if "NaN" in t:
            return float("nan")
        if "Infinity" in t:
            return float("-inf") if t.startswith("-") else float("inf")
        return float(t.rstrip("fFdD"))
    low = t.lower()
    if low in ("inf", "+inf", "infinity", "+infinity"):
        return float("inf")
    if low in ("-inf", "-infinity"):
        return float("-inf")
    if low in ("nan", "+nan", "-nan"):
        return float("nan")
    return None


def to_decimal(s, p, sc):
    """Decimal.fromString: new BigDecimal(s.toString.trim) (NumberFormatException is NULL),
    NULL with more than 38 integral digits; then changePrecision (HALF_UP, NULL on overflow)."""
    # BigDecimal(char[]) reads any Character.isDigit char as its digit value ('\u0661' is 1)
    t = "".join(str(unicodedata.digit(c)) if not c.isascii() and c.isdigit() and
                unicodedata.category(c) == "Nd" else c for c in java_trim(s))
    parsed = parse_big_decimal(t)
    if parsed is None:
        return None
    u, e = parsed
    digits = len(str(abs(u)))
    if digits - e > 38:
        return None
    x = Dec(u * 10 ** -e, 0) if e < 0 else Dec(u, e)
    return to_precision(x, p, sc)


def to_boolean(s):
    """StringUtils.isTrueString / isFalseString of s.trimAll().toLowerCase."""
    t = java_lower(trim_ctl(s))
    if t in ("t", "true", "y", "yes", "1"):
        return True
    if t in ("f", "false", "n", "no", "0"):
        return False
    return None


def to_date(s):
    """DateTimeUtils.stringToDate: trimAll, [+-]yyyy[y..] (4 to 7 digits), -[m]m, -[d]d, the
    rest after ' ' or 'T' ignored once the day started; LocalDate.of checks the fields."""
    b = trim_ctl(s)
    if b == "":
        return None
    sign, j = 1, 0
    if b[0] in "+-":
        sign, j = (-1 if b[0] == "-" else 1), 1
    seg, i, cur, nd = [1, 1, 1], 0, 0, 0

    def valid(i, nd):
        return (i == 0 and 4 <= nd <= 7) or (i != 0 and 0 < nd <= 2)
    while j < len(b) and i < 3 and b[j] not in " T":
        c = b[j]
        if i < 2 and c == "-":
            if not valid(i, nd):
                return None
            seg[i], cur, nd, i = cur, 0, 0, i + 1
        elif "0" <= c <= "9":
            cur, nd = cur * 10 + ord(c) - 48, nd + 1
        else:
            return None
        j += 1
    if not valid(i, nd):
        return None
    if i < 2 and j < len(b):
        return None
    seg[i] = cur
    y = sign * seg[0]
    if not 1 <= y <= 9999:
        raise Skip()  # outside python's dates
    try:
        return datetime.date(y, seg[1], seg[2])
    except ValueError:
        return None


ZONES = {"Z": 0, "+01:00": 60, "-08:00": -480, "+05:30": 330, "UTC": 0, "+00:00": 0,
         "-00:30": -30, "+14:00": 840, "GMT+2": 120, "+1:00": 60}


def to_timestamp_text(s):
    """DateTimeUtils.stringToTimestamp (parseTimestampString) of the strings gen_ts_string
    makes, shown as CAST(... AS STRING): yyyy[-[m]m[-[d]d]], then ' ' or 'T' and
    [h]h[:[m]m[:[s]s[.fraction]]] (fields of one or two digits, the fraction cut to 6 digits),
    a zone only after the seconds (getZoneId: Z, +-[h]h:mm, UTC, GMT+h, region ids);
    LocalDate.of / LocalTime.of check the fields (NULL when out of range); the session zone is
    UTC."""
    m = re.fullmatch(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2})(?:[ T]([0-9]{1,2})(?::([0-9]{1,2})"
                     r"(?::([0-9]{1,2})(?:\.([0-9]+))?(.*))?)?)?)?)?", trim_ctl(s))
    if not m:
        return None
    y, mo, d, h, mi, se, frac, zone = m.groups()
    if zone and zone.strip() not in ZONES:
        if zone.strip() == "Europe/Paris":
            raise Skip()
        return None
    try:
        day = datetime.date(int(y), int(mo or 1), int(d or 1))
        t = datetime.time(int(h or 0), int(mi or 0), int(se or 0))
    except ValueError:
        return None
    us = int((frac or "")[:6].ljust(6, "0"))
    dtm = datetime.datetime.combine(day, t) + datetime.timedelta(microseconds=us)
    if zone:
        try:
            dtm -= datetime.timedelta(minutes=ZONES[zone.strip()])
        except OverflowError:
            raise Skip()
    if not 1 <= dtm.year <= 9999:
        raise Skip()
    txt = dtm.strftime("%Y-%m-%d %H:%M:%S").rjust(19, "0")
    if dtm.year < 1000:
        txt = "%04d" % dtm.year + txt[txt.index("-"):]
    if dtm.microsecond:
        txt += ("." + "%06d" % dtm.microsecond).rstrip("0")
    return txt


# ---------------------------------------------------------------- show()

def show_date(d):
    return d.isoformat() if d.year <= 9999 else "+" + d.isoformat()


def show(v, t):
    if v is None:
        return "NULL"
    if t == "DOUBLE":
        return java_double(v)
    if t == "BOOLEAN":
        return "true" if v else "false"
    if t == "DATE":
        return show_date(v)
    if t == "DECIMAL":
        return dec_plain(v)
    if t in ("STRING", "DSTR", "FSTR"):
        return escape_meta(v).rstrip(" ")
    return str(v)


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0] if math.isfinite(x) else x


def same_cell(a, b, t):
    if a == b:
        return True
    if t == "FSTR" and "NULL" not in (a, b):
        # Java 8-17's Float.toString is not always shortest either (1.0E11f prints
        # 9.9999998E10: FloatingDecimal.developLongDigits; common/cm_jfmt.c)
        try:
            return f32(float(a)) == f32(float(b)) and a.startswith("-") == b.startswith("-")
        except ValueError:
            return False
    if t in ("DOUBLE", "DSTR") and "NULL" not in (a, b):
        try:  # Java 8-17's Double.toString may print a 17th digit (docs/language.md)
            return float(a) == float(b) and a.startswith("-") == b.startswith("-") and \
                ("E" in a) == ("E" in b)
        except ValueError:
            return False
    return False


# ---------------------------------------------------------------- models of functions

def java_float_string(d):
    """Float.toString of (float) d: the shortest digits that read back as the float."""
    f = struct.unpack("f", struct.pack("f", d))[0] if math.isfinite(d) and abs(d) < 3.5e38 \
        else d
    if math.isfinite(d) and abs(d) >= 3.5e38:
        f = math.copysign(float("inf"), d)
    if not math.isfinite(f) or f == 0:
        return java_double(f)

    def rt(x):
        return struct.unpack("f", struct.pack("f", x))[0]
    p = next(p for p in range(1, 10) if rt(float("%.*e" % (p - 1, f))) == f)
    digits = float("%.*e" % (p - 1, f))
    if 1e-3 <= abs(f) < 1e7:
        txt = repr(digits)
        return txt
    mant, exp = ("%.*e" % (p - 1, f)).split("e")
    return "%s%sE%d" % (mant, "" if "." in mant else ".0", int(exp))


def cp_index(s, sub, start=0):
    """UTF8String.indexOf(sub, start) by code points (-1 if absent; 0 for an empty sub)."""
    if sub == "":
        return 0
    k = s.find(sub, start)
    return k


def locate(sub, s, pos):
    """StringLocate: 0 if pos < 1 (NULL pos is 0), else indexOf(sub, pos - 1) + 1."""
    if pos < 1:
        return 0
    return cp_index(s, sub, pos - 1) + 1


def pad(s, n, p, left):
    """UTF8String.lpad / rpad."""
    spaces = n - len(s)
    if spaces <= 0 or p == "":
        return s[:max(n, 0)]
    full = (p * (spaces // len(p) + 1))[:spaces]
    return full + s if left else s + full


def java_split(s, pattern, limit):
    """String.split(regex, limit) with limit 0 read as -1 (UTF8String.split); java.util.regex's
    classes (\\s, \\w) are ASCII."""
    if limit == 0:
        limit = -1
    out, index = [], 0
    for m in re.finditer(pattern, s, flags=re.ASCII):
        if limit > 0 and len(out) >= limit - 1:
            break
        if m.end() == 0:
            continue  # a zero-width match at the start gives no leading empty string
        out.append(s[index:m.start()])
        index = m.end()
    if index == 0 and not out:
        return [s]
    out.append(s[index:])
    return out


def java_replacement(m, rep):
    """Matcher.appendReplacement's reading of rep: \\c is c, $n the group (digits taken while
    the number is a group), a group that did not match is empty."""
    out, i, n = [], 0, m.re.groups
    while i < len(rep):
        c = rep[i]
        if c == "\\":
            out.append(rep[i + 1])
            i += 2
        elif c == "$":
            ref = ord(rep[i + 1]) - 48
            i += 2
            while i < len(rep) and rep[i].isdigit() and ref * 10 + ord(rep[i]) - 48 <= n:
                ref = ref * 10 + ord(rep[i]) - 48
                i += 1
            out.append(m.group(ref) or "")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def regexp_replace(s, p, rep):
    return re.sub(p, lambda m: java_replacement(m, rep), s, flags=re.ASCII)


def regexp_extract(s, p, idx):
    m = re.search(p, s, flags=re.ASCII)
    return "" if m is None else (m.group(idx) or "")


def translate(s, frm, to):
    """StringTranslate.buildDict: the first occurrence of a char in frm wins; chars of frm past
    to's length are deleted."""
    d = {}
    for k, c in enumerate(frm):
        if c not in d:
            d[c] = to[k] if k < len(to) else None
    return "".join(d.get(c, c) or "" if c in d else c for c in s)


def trim_chars(s, chars, mode):
    """UTF8String.trim(trimString) / trimLeft / trimRight: code points in chars."""
    if mode in ("BOTH", "LEADING"):
        s = s.lstrip(chars)
    if mode in ("BOTH", "TRAILING"):
        s = s.rstrip(chars)
    return s


def half_up(x, n):
    """BigDecimal(x).setScale(n, HALF_UP) of a decimal.Decimal, as text."""
    q = decimal.Decimal(1).scaleb(-n)
    with decimal.localcontext() as c:
        c.prec = 500
        return x.quantize(q, rounding=decimal.ROUND_HALF_UP)


def java_format_f(d, n):
    """Formatter %.nf of a double: Double.toString's digits (FormattedFloatingDecimal), then
    HALF_UP at n places; NaN and the infinities as Double.toString."""
    if not math.isfinite(d):
        return "NaN" if math.isnan(d) else ("Infinity" if d > 0 else "-Infinity")
    x = decimal.Decimal(repr(d))
    t = format(half_up(x, n), "f")
    if math.copysign(1, d) < 0 and not t.startswith("-"):
        t = "-" + t
    return t


def format_number(d, n):
    """FormatNumber of a double: DecimalFormat('#,##0.0..0') with HALF_EVEN, Locale.US; since
    Java 8 a tie is judged by the binary value (rounded here from the exact value); digits past
    Double.toString's are zeros."""
    if n < 0:
        return None
    if math.isnan(d):
        return "NaN"
    if math.isinf(d):
        return ("-" if d < 0 else "") + "\u221e"
    short = decimal.Decimal(repr(d))
    with decimal.localcontext() as c:
        c.prec = 1100
        if -short.as_tuple().exponent <= n:
            v = short
        else:
            v = decimal.Decimal(d).quantize(decimal.Decimal(1).scaleb(-n),
                                             rounding=decimal.ROUND_HALF_EVEN)
        t = format(abs(v), ",." + str(n) + "f")
    neg = math.copysign(1, d) < 0
    return ("-" if neg else "") + t


def java_format(spec, v):
    """java.util.Formatter of one argument: width in UTF-16 units, '-' left-justifies, '0'
    pads numbers, ',' groups, '+' signs; %x/%o of a negative int or long are its two's
    complement; %b is false only for NULL and false; %S upper-cases; null prints "null"
    (cut by a precision)."""
    m = re.fullmatch(r"%([-0,+]*)([0-9]*)(?:\.([0-9]+))?([sSdxXobf])(%%)?", spec)
    flags, width, prec, conv_, pct = m.groups()
    if conv_ in "SX" and v is None:
        return "NULL"  # print("null") upper-cased by the UPPERCASE flag
    if conv_ == "b":
        t = "false" if v is None or v is False else "true"
    elif v is None:
        t = "null"
        if prec:
            t = t[:int(prec)]
    elif conv_ in "sS":
        t = {True: "true", False: "false"}.get(v) if isinstance(v, bool) else (
            java_double(v) if isinstance(v, float) else str(v))
        if prec:
            if any(ord(c) > 0xFFFF for c in t):
                raise Skip()
            t = t[:int(prec)]
        if conv_ == "S":
            t = java_upper(t)
    elif conv_ == "d":
        t = format(abs(v), "," if "," in flags else "")
        t = ("-" if v < 0 else "+" if "+" in flags else "") + t
    elif conv_ in "xXo":
        bits = 64 if abs(v) > INT_MAX + 1 or conv_ == "X" else 32
        t = format(v & ((1 << bits) - 1), conv_.lower() if conv_ != "o" else "o")
        if conv_ == "X":
            t = t.upper()
    else:  # f
        if not math.isfinite(v):
            raise Skip()
        t = java_format_f(v, int(prec) if prec else 6)
        if "," in flags:
            neg = t.startswith("-")
            ip, _, fp = t.lstrip("-").partition(".")
            t = ("-" if neg else "") + format(int(ip), ",") + ("." + fp if fp else "")
    w = int(width or 0)
    n16 = len(t.encode("utf-16-le")) // 2
    if n16 < w:
        if "-" in flags:
            t = t + " " * (w - n16)
        elif "0" in flags and v is not None:
            neg = t.startswith("-")
            t = ("-" if neg else "") + "0" * (w - n16) + t.lstrip("-")
        else:
            t = " " * (w - n16) + t
    return t + ("%" if pct else "")


def java_mod(a, b):
    """Java's % on integers: the sign of the dividend."""
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def conv(s, frm, to):
    """Conv / NumberConverter.convert of s.trim() (spaces): NULL when fromBase is outside
    2..36 or |toBase| is; a leading '-'; digits (Character.digit) up to the first that is not
    one, as an unsigned long (encode: -1 on overflow); a negative input with toBase > 0 is the
    two's complement (-1 if the value already has its top bit); toBase < 0 prints signed."""
    if not (2 <= frm <= 36 and 2 <= abs(to) <= 36):
        return None
    b = s.strip(" ").encode()
    if len(b) == 0:
        return None
    if len(b) > 64:
        raise Skip()
    neg = b[:1] == b"-"
    v, mx = 0, 2**64 - 1
    for byte in b[1:] if neg else b:
        ch = chr(byte)
        dg = int(ch, 36) if byte < 0x80 and ch.isalnum() else -1
        if dg < 0 or dg >= frm:
            break
        if v * frm + dg > mx:
            v = mx
            break
        v = v * frm + dg
    v = wrap(v, 64)
    if neg and to > 0:
        v = -1 if v < 0 else -v
    if to < 0 and v < 0:
        v, neg = wrap(-v, 64), True
    u, base, digits = v & mx, abs(to), ""
    while True:
        digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[u % base] + digits
        u //= base
        if u == 0:
            break
    return ("-" if neg and to < 0 else "") + digits


def m3_long(v, seed):
    lo, hi = v & 0xFFFFFFFF, (v >> 32) & 0xFFFFFFFF
    h = m3_mix_h1(seed, m3_mix_k1(lo))
    h = m3_mix_h1(h, m3_mix_k1(hi))
    return m3_fmix(h, 8)


def s32(x):
    return wrap(x, 32)


def spark_hash(vals, xx):
    """Murmur3Hash / XxHash64 (seed 42): each non-NULL value hashed with the running hash as
    seed; INT and DATE as hashInt, BIGINT as hashLong, STRING as hashUnsafeBytes."""
    h = 42
    for v, t in vals:
        if v is None:
            continue
        if t == "DOUBLE":  # hashLong(doubleToLongBits), -0.0 as 0.0 (SPARK-35207)
            t, v = "BIGINT", wrap(struct.unpack("<q", struct.pack("<d", 0.0 if v == 0 else
                                                                 (float("nan") if math.isnan(v) else v)))[0], 64)
        elif t == "FLOAT":  # hashInt(floatToIntBits)
            f = f32(v) if math.isfinite(v) and abs(v) < 3.4028235677973366e38 else None
            if f is None or (f != 0 and abs(f) < 1.2e-38):
                raise Skip()
            t, v = "INT", struct.unpack("<i", struct.pack("<f", 0.0 if f == 0 else f))[0]
        elif t == "BOOLEAN":
            t, v = "INT", 1 if v else 0
        elif t == "DEC12":  # precision <= 18: hashLong(unscaled)
            t, v = "BIGINT", v * 100
        elif t == "DEC30":  # hashUnsafeBytes of BigInteger.toByteArray
            n = ((v if v >= 0 else -v - 1).bit_length() + 8) // 8  # BigInteger.toByteArray
            t, v = "BYTES", v.to_bytes(n, "big", signed=True)
        if t in ("INT", "DATE"):
            x = v if t == "INT" else (v - EPOCH).days
            h = xx_int(x, h) if xx else s32(m3_fmix(m3_mix_h1(h & 0xFFFFFFFF, m3_mix_k1(x & 0xFFFFFFFF)), 4))
        elif t == "BIGINT":
            h = xx_long(v, h) if xx else s32(m3_long(v, h & 0xFFFFFFFF))
        else:
            b = v if t == "BYTES" else v.encode()
            h = xx_bytes(b, h) if xx else s32(murmur3_bytes(b, h & 0xFFFFFFFF))
    return h


def days(d):
    return (d - EPOCH).days


def add_months(d, n):
    """DateTimeUtils.dateAddMonths: LocalDate.plusMonths (the day clamped to the month's end)."""
    m = d.year * 12 + d.month - 1 + n
    y, mo = divmod(m, 12)
    if not 1 <= y <= 9999:
        raise Skip()
    import calendar
    return datetime.date(y, mo + 1, min(d.day, calendar.monthrange(y, mo + 1)[1]))


def last_day(d):
    import calendar
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


DAY_NAMES = {"MO": 0, "MON": 0, "MONDAY": 0, "TU": 1, "TUE": 1, "TUESDAY": 1, "WE": 2, "WED": 2,
             "WEDNESDAY": 2, "TH": 3, "THU": 3, "THURSDAY": 3, "FR": 4, "FRI": 4, "FRIDAY": 4,
             "SA": 5, "SAT": 5, "SATURDAY": 5, "SU": 6, "SUN": 6, "SUNDAY": 6}


def next_day(d, name):
    """DateTimeUtils.getDayOfWeekFromString (upper-cased) and getNextDateForDayOfWeek."""
    w = DAY_NAMES.get(name.upper())
    if w is None:
        return None
    delta = (w - d.weekday() - 1) % 7 + 1
    return d + datetime.timedelta(days=delta)


def trunc_date(d, unit):
    """TruncDate (DateTimeUtils.truncDate): YEAR/YYYY/YY, QUARTER, MONTH/MM/MON, WEEK; others NULL."""
    u = unit.upper()
    if u in ("YEAR", "YYYY", "YY"):
        return d.replace(month=1, day=1)
    if u == "QUARTER":
        return d.replace(month=(d.month - 1) // 3 * 3 + 1, day=1)
    if u in ("MONTH", "MM", "MON"):
        return d.replace(day=1)
    if u == "WEEK":
        return d - datetime.timedelta(days=d.weekday())
    return None


def months_between(a, b, round_off):
    """DateTimeUtils.monthsBetween of two dates (midnight UTC): whole months when the days of
    month are equal or both the last; else months + day difference / 31 (seconds of the day
    are 0); rounded to 8 digits (HALF_UP of the double) when roundOff."""
    import calendar
    months = (a.year * 12 + a.month) - (b.year * 12 + b.month)
    la = a.day == calendar.monthrange(a.year, a.month)[1]
    lb = b.day == calendar.monthrange(b.year, b.month)[1]
    if a.day == b.day or (la and lb):
        return float(months)
    secs = (a.day - b.day) * 86400
    diff = months + secs / (31 * 86400.0)
    if round_off:
        return float(decimal.Decimal(diff).quantize(decimal.Decimal("1e-8"),
                                                    rounding=decimal.ROUND_HALF_UP))
    return diff


# ---------------------------------------------------------------- expressions

class X:
    """One output column: Spark SQL text, result type (show()'s), evaluator of one row
    (raises Skip where the model stops)."""

    def __init__(self, sql, t, ev):
        self.sql, self.t, self.ev = sql, t, ev


def q(s):
    """A SQL string literal (single quotes doubled? no: Spark uses backslash escapes)."""
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def nn(f):
    """f of the non-NULL arguments, NULL when one is NULL."""
    def g(*a):
        return None if any(x is None for x in a) else f(*a)
    return g


def gen_cast(r):
    kind = r.choice(["INT", "BIGINT", "DOUBLE", "DECIMAL", "BOOLEAN", "DATE", "SMALLINT",
                     "TINYINT"])
    if kind == "INT":
        return X("CAST(w AS INT)", "INT", lambda row: nn(lambda s: to_long(s, INT_MIN, INT_MAX))(row["w"]))
    if kind == "BIGINT":
        return X("CAST(w AS BIGINT)", "BIGINT",
                 lambda row: nn(lambda s: to_long(s, LONG_MIN, LONG_MAX))(row["w"]))
    if kind == "SMALLINT":  # UTF8String.toShort: toInt, then the value must fit
        return X("CAST(w AS SMALLINT)", "INT",
                 lambda row: nn(lambda s: to_long(s, -32768, 32767))(row["w"]))
    if kind == "TINYINT":
        return X("CAST(w AS TINYINT)", "INT",
                 lambda row: nn(lambda s: to_long(s, -128, 127))(row["w"]))
    if kind == "DOUBLE":
        return X("CAST(w AS DOUBLE)", "DOUBLE", lambda row: nn(to_double)(row["w"]))
    if kind == "DECIMAL":
        p = r.randint(1, 38)
        sc = r.randint(0, p)
        return X(f"CAST(w AS DECIMAL({p},{sc}))", "DECIMAL",
                 lambda row: nn(lambda s: to_decimal(s, p, sc))(row["w"]))
    if kind == "BOOLEAN":
        return X("CAST(w AS BOOLEAN)", "BOOLEAN", lambda row: nn(to_boolean)(row["w"]))
    if r.random() < 0.3:
        return X("CAST(CAST(v AS TIMESTAMP) AS STRING)", "STRING",
                 lambda row: nn(to_timestamp_text)(row["v"]))
    if r.random() < 0.3:
        return X("CAST(v AS DATE)", "DATE", lambda row: nn(to_date)(row["v"]))
    if r.random() < 0.2:
        return X("CAST(w AS FLOAT)", "FSTR", lambda row: nn(
            lambda x: None if to_double(x) is None else java_float_string(to_double(x)))(row["w"]))
    return X("CAST(w AS DATE)", "DATE", lambda row: nn(to_date)(row["w"]))


def gen_double_string(r):
    k = r.choice(["d", "f", "concat"])
    if k == "d":
        return X("CAST(d AS STRING)", "DSTR", lambda row: nn(java_double)(row["d"]))
    if k == "concat":
        return X("concat('', d * 1.0)", "DSTR", lambda row: nn(java_double)(row["d"]))
    return X("CAST(CAST(d AS FLOAT) AS STRING)", "FSTR", lambda row: nn(java_float_string)(row["d"]))


LITS = ["", "a", "l", "o", "ab", "é", "😀", " ", "x", "-", ",", "ss", "SS", "abc"]
PADS = ["", "x", "ab", "é😀", "-=", " "]
REGEXES = [("[0-9]+", 0), ("([a-z])([a-z]*)", 2), ("(\\w+)\\s(\\w+)", 2), ("l+", 0),
           ("(a)|(b)", 2), (",", 0), ("\\.", 0), ("[^a-z]", 0), ("(.)\\1", 1), ("x*", 0),
           ("\\s+", 0), ("([A-Z])", 1), ("(s)(s)?", 2), ("^.", 0), ("[aeiou]", 0)]
REPLS = ["", "-", "$0", "[$1]", "$1$1", "\\$", "<$0>", "$10", "x\\\\y", "\\1"]


def gen_string_fn(r):
    s = "s"
    k = r.choice(["substr", "substr2", "instr", "locate", "lpad", "rpad", "split", "rrep",
                  "rext", "concat_ws", "case", "trim", "repeat", "reverse", "translate",
                  "format_string", "format_number", "left_right", "replace", "sindex"])
    S = lambda row: row[s]  # noqa: E731
    if k in ("substr", "substr2"):
        pos = r.choice([-100, -5, -3, -1, 0, 1, 2, 3, 5, 100, INT_MIN, INT_MAX])
        if k == "substr2":
            return X(f"substr({s}, {pos})", "STRING",
                     lambda row: nn(lambda x: substring_sql(x, pos, INT_MAX))(S(row)))
        ln = r.choice([-1, 0, 1, 2, 3, 10, INT_MAX])
        return X(f"substring({s}, {pos}, {ln})", "STRING",
                 lambda row: nn(lambda x: substring_sql(x, pos, ln))(S(row)))
    if k == "instr":
        sub = r.choice(LITS)
        return X(f"instr({s}, {q(sub)})", "INT", lambda row: nn(lambda x: cp_index(x, sub) + 1)(S(row)))
    if k == "locate":
        sub, pos = r.choice(LITS), r.choice([-1, 0, 1, 2, 3, 5, 50])
        return X(f"locate({q(sub)}, {s}, {pos})", "INT",
                 lambda row: nn(lambda x: locate(sub, x, pos))(S(row)))
    if k in ("lpad", "rpad"):
        n, p = r.choice([-1, 0, 1, 2, 3, 5, 8]), r.choice(PADS)
        return X(f"{k}({s}, {n}, {q(p)})", "STRING",
                 lambda row: nn(lambda x: pad(x, n, p, k == "lpad"))(S(row)))
    if k == "split":
        p = r.choice([",", "\\.", "[0-9]", "-|_", "\\s+", "s", "b*", "(?=b)", ",+", "a"])
        lim = r.choice([-1, 0, 1, 2, 3])
        return X(f"array_join(split({s}, {q(p)}, {lim}), '#')", "STRING",
                 lambda row: nn(lambda x: "#".join(java_split(x, p, lim)))(S(row)))
    if k == "rrep":
        p, _ = r.choice(REGEXES)
        g = re.compile(p).groups
        reps = [x for x in REPLS if max([int(c) for c in re.findall(r"\$(\d)", x)] + [0]) <= g]
        rep = r.choice(reps)
        return X(f"regexp_replace({s}, {q(p)}, {q(rep)})", "STRING",
                 lambda row: nn(lambda x: regexp_replace(x, p, rep))(S(row)))
    if k == "rext":
        p, g = r.choice(REGEXES)
        idx = r.randint(0, g)
        return X(f"regexp_extract({s}, {q(p)}, {idx})", "STRING",
                 lambda row: nn(lambda x: regexp_extract(x, p, idx))(S(row)))
    if k == "concat_ws":
        sep = r.choice(["", ",", "--", "é"])
        return X(f"concat_ws({q(sep)}, {s}, NULL, w, 'z')", "STRING",
                 lambda row: sep.join(x for x in (row[s], row["w"], "z") if x is not None))
    if k == "case":
        f = r.choice(["upper", "lower", "initcap"])
        fn = {"upper": java_upper, "lower": java_lower, "initcap": java_initcap}[f]
        return X(f"{f}({s})", "STRING", lambda row: nn(fn)(S(row)))
    if k == "trim":
        chars, mode = r.choice(["a", "ab", " x", "lo", "é😀", "s"]), r.choice(["BOTH", "LEADING", "TRAILING"])
        return X(f"trim({mode} {q(chars)} FROM {s})", "STRING",
                 lambda row: nn(lambda x: trim_chars(x, chars, mode))(S(row)))
    if k == "repeat":
        n = r.choice([-1, 0, 1, 2, 3])
        return X(f"repeat({s}, {n})", "STRING", lambda row: nn(lambda x: x * max(n, 0))(S(row)))
    if k == "reverse":
        return X(f"reverse({s})", "STRING", lambda row: nn(lambda x: x[::-1])(S(row)))
    if k == "translate":
        frm, to = r.choice([("abc", "xy"), ("lo", "01"), ("a", ""), ("éa", "e"), ("aa", "xy"),
                            ("ß😀", "s")]), None
        frm, to = frm
        return X(f"translate({s}, {q(frm)}, {q(to)})", "STRING",
                 lambda row: nn(lambda x: translate(x, frm, to))(S(row)))
    if k == "format_string":
        n = r.choice([0, 1, 2, 3])
        return X(f"format_string('<%s> %d %.{n}f', {s}, i, d)", "STRING",
                 lambda row: "<%s> %s %s" % ("null" if row[s] is None else row[s],
                                             "null" if row["i"] is None else row["i"],
                                             "null"[:n] if row["d"] is None else java_format_f(row["d"], n)))
    if k == "format_string" or r.random() < 0.3:
        spec, col = r.choice([("%5s", s), ("%-6s", s), ("%S", s), ("%05d", "i"), ("%x", "i"),
                              ("%X", "l"), ("%,d", "l"), ("%+d", "i"), 
                              ("%10.3f", "d"), ("%-9.1f", "d"), ("%,.2f", "d"), ("%o", "i"),
                              ("%.3s", s), ("%s", "d"), ("%s", "z"), ("%d%%", "i")])
        return X(f"format_string('[{spec}]', {col})", "STRING",
                 lambda row: "[" + java_format(spec, row[col]) + "]")
    if k == "format_number" and r.random() < 0.4:
        n = r.choice([-1, 0, 1, 2, 3])
        col, sql = r.choice([("i", "i"), ("l", "l"), ("i", "CAST(i AS DECIMAL(12,2)) / 8")])

        def fnum(v):
            """FormatNumber of an integer or decimal: DecimalFormat, HALF_EVEN on the exact
            value (a decimal through toJavaBigDecimal)."""
            if n < 0:
                return None
            x = decimal.Decimal(v) if sql == col else decimal.Decimal(v) / 8
            with decimal.localcontext() as c:
                c.prec = 100
                y = x.quantize(decimal.Decimal(1).scaleb(-n), rounding=decimal.ROUND_HALF_EVEN)
            t = format(abs(y), ",." + str(n) + "f")
            return ("-" if y < 0 or (y == 0 and x < 0) else "") + t
        return X(f"format_number({sql}, {n})", "STRING", lambda row: nn(fnum)(row[col]))
    if k == "format_number":
        n = r.choice([-1, 0, 1, 2, 3, 5])
        return X(f"format_number(d, {n})", "STRING", lambda row: nn(lambda x: format_number(x, n))(row["d"]))
    if k == "left_right":
        n = r.choice([-1, 0, 1, 2, 4])
        f = r.choice(["left", "right"])
        return X(f"{f}({s}, {n})", "STRING", lambda row: nn(
            lambda x: "" if n <= 0 else (x[:n] if f == "left" else x[-n:]))(S(row)))
    if k == "sindex":
        dl, n = r.choice([",", "l", "ab", "s", ""]), r.choice([-2, -1, 0, 1, 2])
        return X(f"substring_index({s}, {q(dl)}, {n})", "STRING",
                 lambda row: nn(lambda x: substring_index(x, dl, n))(S(row)))
    a, b = r.choice(LITS), r.choice(LITS)
    return X(f"replace({s}, {q(a)}, {q(b)})", "STRING",
             lambda row: nn(lambda x: x if a == "" else x.replace(a, b))(S(row)))


def substring_index(x, dl, n):
    """UTF8String.subStringIndex."""
    if dl == "" or n == 0:
        return ""
    parts = x.split(dl)
    if n > 0:
        return x if len(parts) <= n else dl.join(parts[:n])
    return x if len(parts) <= -n else dl.join(parts[n:])


def dbl_op(f):
    def g(*a):
        if any(x is None for x in a):
            return None
        return f(*a)
    return g


def java_pow(x, y):
    """StrictMath.pow (fdlibm e_pow.c special cases; finite results as python's, checked for
    exact values only)."""
    if math.isnan(y):
        return float("nan")
    if y == 0:
        return 1.0
    if math.isnan(x) or (abs(x) == 1 and math.isinf(y)):
        return float("nan")  # Java: |x| = 1 with an infinite y is NaN (C99 says 1)
    odd = math.isfinite(y) and y.is_integer() and y % 2 == 1
    if x == 0:
        r = float("inf") if y < 0 else 0.0
        return -r if odd and math.copysign(1, x) < 0 else r
    try:
        return math.pow(x, y)
    except ValueError:
        return float("nan")  # negative base, non-integer exponent
    except OverflowError:
        return float("-inf") if x < 0 and odd else float("inf")


def java_fmod(x, y):
    """Java's % on doubles: NaN if either is NaN, x is infinite or y is 0; x if y is infinite."""
    if math.isnan(x) or math.isnan(y) or math.isinf(x) or y == 0:
        return float("nan")
    return x if math.isinf(y) else math.fmod(x, y)


def java_sqrt(x):
    return float("nan") if x < 0 or math.isnan(x) else math.sqrt(x)


def gen_math(r):
    k = r.choice(["round", "bround", "pow", "sqrt", "log", "mod", "pmod", "div", "shift", "conv",
                  "hex", "unhex", "dmod", "abs"])
    if k in ("round", "bround") and r.random() < 0.5:
        n = r.choice([-3, -1, 0, 1, 2, 4])
        mode = decimal.ROUND_HALF_UP if k == "round" else decimal.ROUND_HALF_EVEN

        def rd(v):
            """RoundBase of a DOUBLE: NaN and the infinities as they are, else
            BigDecimal(Double.toString(v)).setScale(n, mode).toDouble (-0.0 loses its sign)."""
            if not math.isfinite(v):
                return v
            with decimal.localcontext() as c:
                c.prec = 400
                x = decimal.Decimal(repr(v)).quantize(decimal.Decimal(1).scaleb(-n), rounding=mode)
            return float(x) + 0.0
        return X(f"{k}(d, {n})", "DOUBLE", lambda row: nn(rd)(row["d"]))
    if k in ("round", "bround"):
        n = r.choice([-3, -1, 0, 1, 2, 4])
        col, t = r.choice([("i", "INT"), ("l", "BIGINT")])
        mode = decimal.ROUND_HALF_UP if k == "round" else decimal.ROUND_HALF_EVEN

        def rnd(v):
            if n >= 0:
                return v
            q_ = 10 ** -n
            x = decimal.Decimal(v).quantize(decimal.Decimal(1).scaleb(-n), rounding=mode)
            return wrap(int(x), 32 if t == "INT" else 64) if q_ else v
        return X(f"{k}({col}, {n})", t, lambda row: nn(rnd)(row[col]))
    if k == "pow":
        a, b = r.choice([(-8.0, 1.0 / 3), (-2.0, 3.0), (-2.0, 0.5), (0.0, -1.0), (-0.0, -1.0),
                         (-0.0, -2.0), (0.0, 0.0), (2.0, 10.0), (10.0, -2.0), (1.0, float("nan")),
                         (-1.0, float("inf")), (4.0, 0.5), (2.0, 1024.0), (-2.0, 1025.0)])
        return X(f"pow(CAST({q(java_double(a))} AS DOUBLE), CAST({q(java_double(b))} AS DOUBLE)) + 0 * id",
                 "DOUBLE", lambda row: java_pow(a, b))
    if k == "sqrt":
        return X("sqrt(d)", "DOUBLE", lambda row: nn(java_sqrt)(row["d"]))
    if k == "log":
        f = r.choice(["ln", "log10", "log2", "log1p"])
        c = r.choice(["i", "l"])

        def lg(v):
            if (v <= 0 and f != "log1p") or (f == "log1p" and v <= -1):
                return None
            if f == "log10" and v > 0 and float(math.log10(v)).is_integer() and 10 ** int(math.log10(v)) == v:
                return float(math.log10(v))
            raise Skip()  # StrictMath against libm: only the NULLs and exact powers
        return X(f"{f}({c})", "DOUBLE", lambda row: nn(lg)(row[c]))
    if k in ("mod", "pmod", "div"):
        col, t = r.choice([("i", "INT"), ("l", "BIGINT")])
        b = r.choice([0, 1, -1, 3, -3, 7, -7])
        if k == "mod":
            return X(f"{col} % {b}", t, lambda row: nn(lambda a: None if b == 0 else java_mod(a, b))(row[col]))
        if k == "div":
            return X(f"{col} div {b}", "BIGINT", lambda row: nn(
                lambda a: None if b == 0 else wrap(int(a / b) if abs(a) < 2**52 else
                                                   (abs(a) // abs(b)) * (1 if (a < 0) == (b < 0) else -1), 64))(row[col]))

        def pm(a):
            if b == 0:
                return None
            rr = java_mod(a, b)
            return java_mod(rr + b, b) if rr < 0 else rr
        return X(f"pmod({col}, {b})", t, lambda row: nn(lambda a: None if b == 0 else wrap(pm(a), 32 if t == "INT" else 64))(row[col]))
    if k == "dmod":
        b = r.choice([0.0, -0.0, 1.5, -2.5, float("inf"), float("nan")])
        f = r.choice(["%", "pmod"])

        def dm(a):
            if b == 0:
                return None
            rr = java_fmod(a, b)
            if f == "pmod" and rr < 0:  # Pmod: (r + n) % n when r < 0
                rr = java_fmod(rr + b, b)
            return rr
        lit = f"CAST({q(java_double(b))} AS DOUBLE)"
        sql = f"d % {lit}" if f == "%" else f"pmod(d, {lit})"
        return X(sql, "DOUBLE", lambda row: nn(dm)(row["d"]))
    if k == "shift":
        col, t = r.choice([("i", "INT"), ("l", "BIGINT")])
        n = r.choice([0, 1, 4, 31, 32, 33, 63, 64, 65, -1])
        f = r.choice(["shiftleft", "shiftright", "shiftrightunsigned"])
        bits = 32 if t == "INT" else 64

        def sh(v):
            m = n & (bits - 1)
            if f == "shiftleft":
                return wrap(v << m, bits)
            if f == "shiftright":
                return v >> m
            return wrap((v & ((1 << bits) - 1)) >> m, bits)
        return X(f"{f}({col}, {n})", t, lambda row: nn(sh)(row[col]))
    if k == "conv":
        frm, to = r.choice([(10, 16), (10, 2), (16, 10), (10, -16), (-10, 16), (36, 10), (10, 36),
                            (2, 10), (8, -10), (10, 1), (37, 10)])
        src = r.choice(["w", "CAST(l AS STRING)", "CAST(i AS STRING)", "s"])
        col = {"w": "w", "s": "s"}.get(src)

        def cv(row):
            v = row[col] if col else (None if row[src[5]] is None else str(row[src[5]]))
            return None if v is None else conv(v, frm, to)
        return X(f"conv({src}, {frm}, {to})", "STRING", cv)
    if k == "hex":
        col = r.choice(["l", "i", "s"])

        def hx(v):
            if isinstance(v, str):
                return v.encode().hex().upper()
            return "%X" % (v & (2**64 - 1))
        return X(f"hex({col})", "STRING", lambda row: nn(hx)(row[col]))
    if k == "unhex":
        def uh(v):
            h = v.encode().hex()[: 8 if r else 8]
            return h
        col = r.choice(["s", "w"])

        def unh(v):
            t = v if len(v) % 2 == 0 else "0" + v
            try:
                b = bytes.fromhex(t) if re.fullmatch(r"[0-9a-fA-F]*", t) else None
            except ValueError:
                return None
            if b is None:
                return None
            try:
                return b.decode("utf-8")
            except UnicodeDecodeError:
                raise Skip()
        return X(f"decode(unhex({col}), 'UTF-8')", "STRING", lambda row: nn(unh)(row[col]))
    col, t = r.choice([("i", "INT"), ("l", "BIGINT")])
    return X(f"abs({col})", t, lambda row: nn(lambda v: wrap(abs(v), 32 if t == "INT" else 64))(row[col]))


def gen_hash(r):
    k = r.choice(["crc32", "md5", "sha1", "sha2", "hash", "xxhash64", "misc"])
    if k == "misc":
        f = r.choice(["bin", "ascii", "base64", "levenshtein", "soundex", "octet_length"])
        if f == "bin":
            col = r.choice(["i", "l"])
            return X(f"bin({col})", "STRING", lambda row: nn(lambda v: format(v & (2**64 - 1), "b"))(row[col]))
        if f == "ascii":  # Ascii: the first code point, 0 for ''
            return X("ascii(s)", "INT", lambda row: nn(lambda v: ord(v[0]) if v else 0)(row["s"]))
        if f == "base64":
            import base64
            return X("base64(s)", "STRING", lambda row: nn(lambda v: base64.b64encode(v.encode()).decode())(row["s"]))
        if f == "octet_length":
            return X("octet_length(w)", "INT", lambda row: nn(lambda v: len(v.encode()))(row["w"]))
        if f == "soundex":
            return X("soundex(s)", "STRING", lambda row: nn(soundex)(row["s"]))
        return X("levenshtein(s, w)", "INT", lambda row: nn(levenshtein)(row["s"], row["w"]))
    col = r.choice(["s", "w"])
    if k == "crc32":
        return X(f"crc32({col})", "BIGINT", lambda row: nn(lambda v: binascii.crc32(v.encode()))(row[col]))
    if k in ("md5", "sha1"):
        return X(f"{k}({col})", "STRING",
                 lambda row: nn(lambda v: hashlib.new(k, v.encode()).hexdigest())(row[col]))
    if k == "sha2":
        bits = r.choice([0, 224, 256, 384, 512, 1, 160])

        def sh(v):
            if bits not in (0, 224, 256, 384, 512):
                return None
            return hashlib.new("sha" + str(bits or 256), v.encode()).hexdigest()
        return X(f"sha2({col}, {bits})", "STRING", lambda row: nn(sh)(row[col]))
    args = r.sample([(col, "STRING"), ("i", "INT"), ("l", "BIGINT"), ("dt", "DATE"),
                     ("NULL", "NULL"), ("d", "DOUBLE"), ("z", "BOOLEAN"),
                     ("CAST(i AS DECIMAL(12,2))", "DEC12"), ("CAST(l AS DECIMAL(30,0))", "DEC30"),
                     ("CAST(d AS FLOAT)", "FLOAT")], r.randint(1, 3))
    xx = k == "xxhash64"
    return X(f"{k}({', '.join(a for a, _ in args)})", "BIGINT" if xx else "INT",
             lambda row: spark_hash([(hash_arg(row, a, t), t) for a, t in args], xx))


def soundex(s):
    """UTF8String.soundex (bytes; a first byte that is no letter returns s)."""
    b = s.encode()
    if not b:
        return ""
    c = b[0] - 32 if 97 <= b[0] <= 122 else b[0]
    if not 65 <= c <= 90:
        return s
    table = "01230120022455012623010202"
    out, last = [chr(c)], table[c - 65]
    for x in b[1:]:
        x = x - 32 if 97 <= x <= 122 else x
        if not 65 <= x <= 90:
            last = "0"
            continue
        code = table[x - 65]
        if code == "7":
            continue
        if code != "0" and code != last:
            out.append(code)
            if len(out) > 3:
                break
        last = code
    return "".join(out).ljust(4, "0")


def levenshtein(a, b):
    """UTF8String.levenshteinDistance by code points."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def hash_arg(row, a, t):
    if a == "NULL":
        return None
    if t in ("DEC12", "DEC30", "FLOAT"):
        return row["i" if t == "DEC12" else "l" if t == "DEC30" else "d"]
    return row[a]


def gen_date(r):
    k = r.choice(["date_add", "date_sub", "add_months", "months_between", "datediff", "next_day",
                  "last_day", "trunc", "date_trunc", "weekofyear", "dayofweek", "weekday",
                  "dayofyear", "quarter"])

    def dd(f):
        def g(row):
            v = row["dt"]
            if v is None:
                return None
            try:
                return f(v)
            except (OverflowError, ValueError):
                raise Skip()
        return g
    if k in ("date_add", "date_sub"):
        n = r.choice([0, 1, -1, 30, 365, -10000, 1000000])
        sgn = 1 if k == "date_add" else -1
        return X(f"{k}(dt, {n})", "DATE", dd(lambda v: v + datetime.timedelta(days=sgn * n)))
    if k == "add_months":
        n = r.choice([0, 1, -1, 12, 13, -25, 1200])
        return X(f"add_months(dt, {n})", "DATE", dd(lambda v: add_months(v, n)))
    if k == "months_between":
        other = datetime.date(*r.choice([(2024, 2, 29), (2024, 1, 31), (2023, 3, 15), (2000, 1, 1),
                                         (1970, 12, 31)]))
        ro = r.choice(["", ", true", ", false"])
        return X(f"months_between(dt, DATE'{other.isoformat()}'{ro})", "DOUBLE",
                 dd(lambda v: months_between(v, other, ro != ", false")))
    if k == "datediff":
        other = datetime.date(2024, 3, 1)
        return X("datediff(dt, DATE'2024-03-01')", "INT", dd(lambda v: (v - other).days))
    if k == "next_day":
        name = r.choice(["MO", "tu", "Wed", "THURSDAY", "fri", "sa", "Sun", "xx", "", "M"])
        return X(f"next_day(dt, {q(name)})", "DATE", dd(lambda v: next_day(v, name)))
    if k == "last_day":
        return X("last_day(dt)", "DATE", dd(last_day))
    if k == "trunc":
        u = r.choice(["YEAR", "yy", "yyyy", "quarter", "MONTH", "mm", "mon", "week", "day", "dd", "x"])
        return X(f"trunc(dt, {q(u)})", "DATE", dd(lambda v: trunc_date(v, u)))
    if k == "date_trunc":
        u = r.choice(["YEAR", "quarter", "month", "WEEK", "day", "dd", "hour", "x"])

        def dtr(v):
            if u.upper() in ("DAY", "DD", "HOUR"):
                return v.isoformat() + " 00:00:00"
            t = trunc_date(v, u)
            return None if t is None else t.isoformat() + " 00:00:00"
        return X(f"CAST(date_trunc({q(u)}, dt) AS STRING)", "STRING", dd(dtr))
    if k == "weekofyear":
        return X("weekofyear(dt)", "INT", dd(lambda v: v.isocalendar()[1]))
    if k == "dayofweek":
        return X("dayofweek(dt)", "INT", dd(lambda v: (v.weekday() + 1) % 7 + 1))
    if k == "weekday":
        return X("weekday(dt)", "INT", dd(lambda v: v.weekday()))
    if k == "dayofyear":
        return X("dayofyear(dt)", "INT", dd(lambda v: v.timetuple().tm_yday))
    return X("quarter(dt)", "INT", dd(lambda v: (v.month - 1) // 3 + 1))


def cast_int(v, t):
    """Cast to INT (non-ANSI) of a BIGINT (the low 32 bits), DOUBLE (truncated, saturated, NaN
    is 0) or STRING (UTF8String.toInt, NULL if invalid)."""
    if v is None or t == "INT":
        return v
    if t == "BIGINT":
        return wrap(v, 32)
    if t == "DOUBLE":
        return 0 if math.isnan(v) else max(INT_MIN, min(INT_MAX, int(v))) if math.isfinite(v) \
            else (INT_MAX if v > 0 else INT_MIN)
    return to_long(v, INT_MIN, INT_MAX)


def cast_long(v, t):
    if v is None:
        return None
    if t == "DOUBLE":
        return 0 if math.isnan(v) else max(LONG_MIN, min(LONG_MAX, int(v))) if math.isfinite(v) \
            else (LONG_MAX if v > 0 else LONG_MIN)
    if t == "STRING":
        return to_long(v, LONG_MIN, LONG_MAX)
    return v


def gen_mixed(r):
    """Functions whose arguments ImplicitTypeCasts casts: BIGINT, DOUBLE or STRING where an INT
    or BIGINT is expected, a number where a STRING is."""
    col, t = r.choice([("l", "BIGINT"), ("d", "DOUBLE"), ("w", "STRING")])
    k = r.choice(["substring", "shift", "hex", "conv", "locate", "left", "split_part"])
    if k == "substring":
        ln = r.choice(["3", "i", col])
        lt = {"3": "INT", "i": "INT"}.get(ln, t)

        def sb(row):
            x, p = row["s"], cast_int(row[col], t)
            n = 3 if ln == "3" else cast_int(row[ln], lt)
            return None if None in (x, p, n) else substring_sql(x, p, n)
        return X(f"substring(s, {col}, {ln})", "STRING", sb)
    if k == "shift":
        return X(f"shiftleft(i, {col})", "INT", lambda row: None if row["i"] is None or cast_int(
            row[col], t) is None else wrap(row["i"] << (cast_int(row[col], t) & 31), 32))
    if k == "hex":  # Hex(LongType | BinaryType | StringType): a DOUBLE is cast to BIGINT
        if t == "STRING":
            return X("hex(w)", "STRING", lambda row: nn(lambda v: v.encode().hex().upper())(row["w"]))
        return X(f"hex({col})", "STRING",
                 lambda row: nn(lambda v: "%X" % (cast_long(v, t) & (2**64 - 1)))(row[col]))
    if k == "conv":  # a number is cast to STRING first
        def tostr(v):
            return java_double(v) if t == "DOUBLE" else str(v)
        return X(f"conv({col}, 10, 16)", "STRING", lambda row: nn(lambda v: conv(tostr(v), 10, 16))(row[col]))
    if k == "locate":
        def lc(row):
            """StringLocate.eval: a NULL start is 0 before str is looked at."""
            p = cast_int(row[col], t)
            return 0 if p is None else None if row["s"] is None else locate("l", row["s"], p)
        return X(f"locate('l', s, {col})", "INT", lc)
    if k == "left":
        def lf(row):
            x, n = row["s"], cast_int(row[col], t)
            return None if x is None or n is None else ("" if n <= 0 else x[:n])
        return X(f"left(s, {col})", "STRING", lf)

    def sp(row):
        """SplitPart: ElementAt(StringSplitSQL(s, ','), n) with '' out of range; n = 0 fails."""
        x, n = row["s"], cast_int(row[col], t)
        if x is None or n is None:
            return None
        if n == 0:
            raise Skip()
        parts = x.split(",") if x != "" else [""]
        return parts[n - 1] if 0 < n <= len(parts) else parts[n] if -len(parts) <= n < 0 else ""
    return X(f"split_part(s, ',', {col})", "STRING", sp)


JSON_PATHS = [
    "$", "$.a", "$.b", "$.c", "$.x", "$.a.b", "$.a.b.c", "$['a']", "$[0]", "$[1]", "$[3]", "$[*]",
    "$.a[*]", "$[*].a", "$[*][*]", "$.a[0]", "$.a[1]", "$.*", "$..a", "a", "$.", "$[", "$['a",
    "$[-1]", " $.a", "$. a", "$.a ", "$[ 1 ]", "$['a b']", "$[' a']", "$.a b", "$[0][*]",
    "$.arr[*].x", "$.\u00e9", "$['']", "$.a*", "$[*].a[*]", "$[01]", "$ .a", "$[ 1]", "$[ 1 ]", "$[1 ]", "$. *", "$ ['a']", "$[ 'a']", "$['*']", "$[0][0]",
    "$[*][0]", "$.a[*][*]", "$.b[2].c", "$.b[*]", "$[0].a", "$['a'].b", "$['a?']", "$.a]",
]


def gen_json(r):
    k = r.choice(["get", "get", "get", "len", "keys"])
    J = lambda row: row["j"]  # noqa: E731

    def guard(f):
        def g(*a):
            try:
                return f(*a)
            except spark_json.Unsupported:
                raise Skip()
        return g
    if k == "get":
        p = r.choice(JSON_PATHS)
        return X(f"get_json_object(j, {q(p)})", "STRING",
                 lambda row: nn(guard(lambda x: spark_json.get_json_object(x, p)))(J(row)))
    if k == "len":
        return X("json_array_length(j)", "INT", lambda row: nn(guard(spark_json.json_array_length))(J(row)))

    def keys(x):
        ks = spark_json.json_object_keys(x)
        return None if ks is None else "#".join(ks)
    return X("array_join(json_object_keys(j), '#')", "STRING", lambda row: nn(guard(keys))(J(row)))


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def find_in_set(x, lst):
    """UTF8String.findInSet: 0 when x holds a ',', else the 1-based place in lst split at ','."""
    if "," in x:
        return 0
    parts = lst.split(",")
    return parts.index(x) + 1 if x in parts else 0


def overlay(x, rep, pos, ln):
    """Overlay.calculate: substringSQL(1, pos - 1) + replace + substringSQL(pos + len, MAX),
    len the length of replace when negative."""
    n = ln if ln >= 0 else len(rep)
    return substring_sql(x, 1, pos - 1) + rep + substring_sql(x, pos + n, INT_MAX)


def luhn(x):
    """ExpressionImplUtils.isLuhnNumber: Character.isDigit (Unicode) and getNumericValue of
    each UTF-16 char from the right; '' is false."""
    if x == "":
        return False
    total = 0
    for k, ch in enumerate(reversed(x)):
        if not (unicodedata.category(ch) == "Nd"):
            return False
        v = unicodedata.digit(ch)
        if k % 2 == 1:
            v *= 2
            v = v - 9 if v > 9 else v
        total += v
    return total % 10 == 0


def url_encode(x):
    """URLEncoder.encode(s, UTF-8): [A-Za-z0-9.*_-] kept, ' ' is '+', other bytes %XX."""
    out = []
    for b in x.encode("utf-8", "surrogatepass"):
        c = chr(b)
        out.append(c if c.isascii() and (c.isalnum() or c in ".-*_") else "+" if c == " " else "%%%02X" % b)
    return "".join(out)


def like_regex(pat, esc="\\"):
    """StringUtils.escapeLikeRegex: _ is any char, % any string, esc + [_%esc] the char; esc
    before anything else or at the end is an error (the model skips it)."""
    out, i = [], 0
    while i < len(pat):
        c = pat[i]
        if c == esc:
            if i + 1 >= len(pat) or pat[i + 1] not in ("_", "%", esc):
                raise Skip()
            out.append(re.escape(pat[i + 1]))
            i += 2
            continue
        out.append("." if c == "_" else ".*" if c == "%" else re.escape(c))
        i += 1
    return "(?s)" + "".join(out)


def gen_string2(r):
    k = r.choice(["find_in_set", "overlay", "elt", "btrim", "ltrim", "mask", "luhn", "chr",
                  "space", "url_encode", "contains", "rcount", "rsubstr", "rinstr", "rall",
                  "rlike", "like", "ilike", "position"])
    S = lambda row: row["s"]  # noqa: E731
    if k == "find_in_set":
        lst = r.choice(["a,b,,c", "", ",", "abc,a", "é,😀,ß", "a", "x,,"])
        return X(f"find_in_set(s, {q(lst)})", "INT", lambda row: nn(lambda x: find_in_set(x, lst))(S(row)))
    if k == "overlay":
        rep, pos = r.choice(["", "XY", "é😀"]), r.choice([-1, 0, 1, 2, 3, 5, 100])
        ln = r.choice([None, -1, 0, 1, 2, 10])
        tail = "" if ln is None else f" FOR {ln}"
        return X(f"overlay(s PLACING {q(rep)} FROM {pos}{tail})", "STRING",
                 lambda row: nn(lambda x: overlay(x, rep, pos, -1 if ln is None else ln))(S(row)))
    if k == "elt":
        return X("elt(i, s, 'b', NULL, w)", "STRING", lambda row: None if row["i"] is None or not
                 1 <= row["i"] <= 4 else [row["s"], "b", None, row["w"]][row["i"] - 1])
    if k == "btrim":
        chars = r.choice([None, "a", " x", "é😀", "", "sl"])
        if chars is None:
            return X("btrim(s)", "STRING", lambda row: nn(lambda x: x.strip(" "))(S(row)))
        return X(f"btrim(s, {q(chars)})", "STRING", lambda row: nn(lambda x: trim_chars(x, chars, "BOTH"))(S(row)))
    if k == "ltrim":  # UTF8String.trimLeft / trimRight: ' ' only
        f = r.choice(["ltrim", "rtrim"])
        return X(f"{f}(s)", "STRING", lambda row: nn(lambda x: x.lstrip(" ") if f == "ltrim" else x.rstrip(" "))(S(row)))
    if k == "mask":
        args = r.choice([(), ("'Y'",), ("'Y'", "'y'"), ("'Y'", "'y'", "'d'", "'*'"), ("NULL", "'y'", "NULL", "'o'")])
        vals = ["X", "x", "n", None]
        for a_, v in enumerate(args):
            vals[a_] = None if v == "NULL" else v.strip("'")

        def mk(x):
            """Mask.transformInput: per UTF-16 char (String.map) by Character.getType: upper,
            lower, decimal digit, other (a surrogate); a NULL mask keeps the char."""
            out = []
            for ch in x:
                if ord(ch) > 0xFFFF:
                    out.append(ch if vals[3] is None else vals[3] * 2)
                    continue
                cat = unicodedata.category(ch)
                m = vals[0] if cat == "Lu" else vals[1] if cat == "Ll" else vals[2] if cat == "Nd" else vals[3]
                out.append(ch if m is None else m)
            return "".join(out)
        return X(f"mask({', '.join(('s',) + args)})", "STRING", lambda row: nn(mk)(S(row)))
    if k == "luhn":
        col = r.choice(["s", "w"])
        return X(f"luhn_check({col})", "BOOLEAN", lambda row: nn(luhn)(row[col]))
    if k == "chr":
        def ch(n):
            """Chr: '' below 0, else the char (n & 0xFF)."""
            if n < 0:
                return ""
            return raise_skip() if (n & 0xFF) in (0, 124) else chr(n & 0xFF)  # no NUL, no '|' 
        col = r.choice(["i", "l"])
        return X(f"chr({col})", "STRING", lambda row: nn(ch)(row[col]))
    if k == "space":
        return X("concat('<', space(i % 7), '>')", "STRING", lambda row: nn(
            lambda n: "<" + " " * max(java_mod(n, 7), 0) + ">")(row["i"]))
    if k == "url_encode":
        col = r.choice(["s", "w"])
        return X(f"url_encode({col})", "STRING", lambda row: nn(url_encode)(row[col]))
    if k == "contains":
        f, sub = r.choice(["contains", "startswith", "endswith"]), r.choice(LITS)
        ev = {"contains": lambda x: sub in x, "startswith": lambda x: x.startswith(sub),
              "endswith": lambda x: x.endswith(sub)}[f]
        return X(f"{f}(s, {q(sub)})", "BOOLEAN", lambda row: nn(ev)(S(row)))
    if k == "position":
        sub, pos = r.choice(LITS), r.choice([None, 0, 1, 2, 4])
        if pos is None:
            return X(f"position({q(sub)} IN s)", "INT", lambda row: nn(lambda x: locate(sub, x, 1))(S(row)))
        return X(f"position({q(sub)}, s, {pos})", "INT", lambda row: nn(lambda x: locate(sub, x, pos))(S(row)))
    p, g = r.choice(REGEXES + [("😀", 0), ("b", 0), ("[^a]", 0), ("", 0)])
    if k == "rcount":  # RegExpCount: Size(RegExpExtractAll(s, p, 0))
        return X(f"regexp_count(s, {q(p)})", "INT", lambda row: nn(
            lambda x: len(list(re.finditer(p, x, flags=re.ASCII))))(S(row)))
    if k == "rsubstr":  # RegExpSubStr: NullIf(RegExpExtract(s, p, 0), '')
        return X(f"regexp_substr(s, {q(p)})", "STRING", lambda row: nn(
            lambda x: regexp_extract(x, p, 0) or None)(S(row)))
    if k == "rinstr":  # RegExpInStr: Matcher.start() + 1 (a UTF-16 index), 0 without a match
        idx = r.randint(0, g)

        def ri(x):
            m = re.search(p, x, flags=re.ASCII)
            return 0 if m is None else utf16_len(x[:m.start()]) + 1
        return X(f"regexp_instr(s, {q(p)}, {idx})", "INT", lambda row: nn(ri)(S(row)))
    if k == "rall":
        idx = r.randint(0, g)
        return X(f"array_join(regexp_extract_all(s, {q(p)}, {idx}), '#')", "STRING", lambda row: nn(
            lambda x: "#".join(m.group(idx) or "" for m in re.finditer(p, x, flags=re.ASCII)))(S(row)))
    if k == "rlike":
        f = r.choice(["rlike", "regexp_like", "regexp"])
        return X(f"{f}(s, {q(p)})", "BOOLEAN", lambda row: nn(
            lambda x: re.search(p, x, flags=re.ASCII) is not None)(S(row)))
    pat = r.choice(["a%", "%a", "%", "_", "__", "%l%", "h_llo%", "%\\_%", "%\\%", "ß", "%😀%",
                    "_😀_", "", "A%", "%Ss%", "İ%", "%σ", "\\\\%", "%.%", "a*%"])
    rx = like_regex(pat.replace("\\\\", "\\").replace("\\_", "\\_"))
    if k == "like":
        return X(f"s LIKE '{pat}'", "BOOLEAN", lambda row: nn(lambda x: re.fullmatch(rx, x) is not None)(S(row)))
    # ILike: Like(Lower(left), Lower(right))
    lrx = like_regex(java_lower(pat.replace("\\\\", "\\")))
    return X(f"s ILIKE '{pat}'", "BOOLEAN", lambda row: nn(
        lambda x: re.fullmatch(lrx, java_lower(x)) is not None)(S(row)))


def arr_show(a):
    """array_join(a, '#', 'N') of an INT array; NULL for a NULL array."""
    return None if a is None else "#".join("N" if x is None else str(x) for x in a)


def distinct(a):
    """SQLOpenHashSet order: the first of each value, one NULL."""
    out = []
    for x in a:
        if x not in out:
            out.append(x)
    return out


def gen_array(r):
    """Array functions over INT arrays with NULLs (collectionOperations.scala)."""
    srcs = [("array(i, NULL, 1, i)", lambda row: [row["i"], None, 1, row["i"]]),
            ("array(1, 2, 2, i)", lambda row: [1, 2, 2, row["i"]]),
            ("array(i)", lambda row: [row["i"]]),
            ("array(i, 7, -1, 0)", lambda row: [row["i"], 7, -1, 0]),
            ("array(NULL, i, NULL)", lambda row: [None, row["i"], None]),
            ("CAST(array() AS ARRAY<INT>)", lambda row: [])]
    sa, fa = r.choice(srcs)
    sb, fb = r.choice(srcs)
    k = r.choice(["contains", "position", "remove", "distinct", "sort", "max", "compact", "size",
                  "element_at", "slice", "overlap", "union", "intersect", "except", "join"])
    v = r.choice(["1", "i", "CAST(NULL AS INT)", "7"])  # a bare NULL fails analysis (VOID)

    def val(row):
        return {"1": 1, "7": 7, "CAST(NULL AS INT)": None}.get(v, row["i"])
    if k == "contains":  # ArrayContains: NULL for a NULL value, or absent with a NULL element
        def ac(row):
            a, x = fa(row), val(row)
            if x is None:
                return None
            return True if x in a else (None if None in a else False)
        return X(f"array_contains({sa}, {v})", "BOOLEAN", ac)
    if k == "position":  # ArrayPosition: NULL for a NULL value, else the 1-based place or 0
        def ap(row):
            a, x = fa(row), val(row)
            return None if x is None else (a.index(x) + 1 if x in a else 0)
        return X(f"array_position({sa}, {v})", "BIGINT", ap)
    if k == "remove":  # ArrayRemove: NULL for a NULL value; NULL elements stay
        return X(f"array_join(array_remove({sa}, {v}), '#', 'N')", "STRING", lambda row: None if val(
            row) is None else arr_show([x for x in fa(row) if x is None or x != val(row)]))
    if k == "distinct":
        return X(f"array_join(array_distinct({sa}), '#', 'N')", "STRING", lambda row: arr_show(distinct(fa(row))))
    if k == "sort":  # SortArray: NULLs first ascending, last descending
        asc = r.choice([True, False])

        def so(row):
            a = fa(row)
            nn_ = sorted(x for x in a if x is not None)
            nulls = [None] * (len(a) - len(nn_))
            return arr_show(nulls + nn_ if asc else nn_[::-1] + nulls)
        return X(f"array_join(sort_array({sa}, {str(asc).lower()}), '#', 'N')", "STRING", so)
    if k == "max":
        f = r.choice(["array_max", "array_min"])

        def mx(row):
            a = [x for x in fa(row) if x is not None]
            return None if not a else (max(a) if f == "array_max" else min(a))
        return X(f"{f}({sa})", "INT", mx)
    if k == "compact":
        return X(f"array_join(array_compact({sa}), '#', 'N')", "STRING",
                 lambda row: arr_show([x for x in fa(row) if x is not None]))
    if k == "size":
        f = r.choice(["size", "cardinality", "array_size"])
        return X(f"{f}({sa})", "INT", lambda row: len(fa(row)))
    if k == "element_at":  # ElementAt (non-ANSI): NULL out of range; 0 fails (not drawn)
        n = r.choice([1, 2, 4, 5, -1, -4, -5])

        def ea(row):
            a = fa(row)
            return a[n - 1] if 0 < n <= len(a) else a[n] if -len(a) <= n < 0 else None
        return X(f"element_at({sa}, {n})", "INT", ea)
    if k == "slice":  # Slice: start > 0 from the front, < 0 from the back; past the end is []
        st, ln = r.choice([1, 2, 3, 5, -1, -2, -4, -6]), r.choice([0, 1, 2, 10])

        def sl(row):
            a = fa(row)
            b = st - 1 if st > 0 else len(a) + st
            if b < 0 or b >= len(a):
                return arr_show([])
            return arr_show(a[b:b + ln])
        return X(f"array_join(slice({sa}, {st}, {ln}), '#', 'N')", "STRING", sl)
    if k == "overlap":  # ArraysOverlap: true on a common non-NULL; NULL if none and a NULL
        def ov(row):  # in either while both are non-empty; else false
            a, b = fa(row), fb(row)
            if any(x is not None and x in b for x in a):
                return True
            return None if a and b and (None in a or None in b) else False
        return X(f"arrays_overlap({sa}, {sb})", "BOOLEAN", ov)
    if k in ("union", "intersect", "except"):
        def st_(row):
            a, b = fa(row), fb(row)
            if k == "union":
                return arr_show(distinct(a + b))
            if k == "intersect":
                return arr_show(distinct([x for x in a if x in b]))
            return arr_show(distinct([x for x in a if x not in b]))
        return X(f"array_join(array_{k}({sa}, {sb}), '#', 'N')", "STRING", st_)
    rep = r.choice([None, "'-'", "NULL"])
    if rep is None:
        return X(f"array_join({sa}, ',')", "STRING",
                 lambda row: ",".join(str(x) for x in fa(row) if x is not None))
    return X(f"array_join({sa}, ',', {rep})", "STRING", lambda row: None if rep == "NULL" else
             ",".join("-" if x is None else str(x) for x in fa(row)))


def gen_url(r):
    """parse_url (ParseUrl over java.net.URI) and url_decode (UrlCodec): spark_uri.py."""
    k = r.choice(["part", "part", "part", "key", "key", "decode", "decode"])
    if k == "decode":
        col = r.choice(["e", "e", "e", "u", "s"])

        def dec(x):
            try:
                return spark_uri.url_decode(x)
            except spark_uri.IllegalArgument:
                raise Fail("[CANNOT_DECODE_URL] The provided URL cannot be decoded: " + x + ". "
                           "Please ensure that the URL is properly formatted and try again.")
        return X(f"url_decode({col})", "STRING", lambda row: nn(dec)(row[col]))
    part = r.choice(list(spark_uri.PARTS) * 3 + ["host", "Query", "FOO", ""])
    if k == "part":
        return X(f"parse_url(u, {q(part)})", "STRING",
                 lambda row: nn(lambda x: spark_uri.parse_url(x, part))(row["u"]))
    part = "QUERY" if r.random() < 0.8 else part
    key = r.choice(["q", "a", "k", "b", "Q", "a.b", "", "x", "é", "a b", "a+b", "q=1", "aq"])
    return X(f"parse_url(u, {q(part)}, {q(key)})", "STRING",
             lambda row: nn(lambda x: spark_uri.parse_url(x, part, key))(row["u"]))


JT_KEYS = ["a", "b", "c", "x", "a b", "", "é", "arr", "😀", " a", "A"]


def json_tuple(json, keys):
    """JsonTuple.parseRow: NULL for every key unless the text starts an object; a field whose
    name is a key (String equality) gives every such key its value (a later field wins), a
    string written raw (writeRaw of its chars), anything else by copyCurrentStructure, a JSON
    null left out; a JsonProcessingException anywhere before the closing brace is all NULL."""
    row = [None] * len(keys)
    p = spark_json.Parser(json)
    try:
        if p.next_token() != spark_json.START_OBJECT:
            return row
        while p.next_token() != spark_json.END_OBJECT:
            if p.tok == spark_json.FIELD_NAME and p.val in keys:
                name = p.val
                t = p.next_token()
                if not (t == spark_json.LITERAL and p.val == "null"):
                    if t == spark_json.STRING:
                        if re.search("[\ud800-\udfff]", p.val):
                            raise spark_json.Unsupported()  # writeRaw of a lone surrogate
                        v = p.val
                    else:
                        v = spark_json.copy_structure(p, True)
                    for idx, k in enumerate(keys):
                        if k == name:
                            row[idx] = v
            p.skip_children()
    except spark_json.JsonError:
        return [None] * len(keys)
    return row


def gen_json_tuple(r):
    """json_tuple(j, k1, ...) as a LATERAL VIEW; its columns joined with ' ~ ' (NULL as <N>)."""
    keys = [r.choice(JT_KEYS) for _ in range(r.randint(1, 4))]

    def jt(row):
        if row["j"] is None:
            vals = [None] * len(keys)
        else:
            try:
                vals = json_tuple(row["j"], keys)
            except spark_json.Unsupported:
                raise Skip()
        return " ~ ".join("<N>" if v is None else v for v in vals)
    x = X(f"concat_ws(' ~ ', " + ", ".join(f"coalesce({{L}}_{m}, '<N>')" for m in range(len(keys)))
          + ")", "STRING", jt)
    x.lateral = (f"json_tuple(j, {', '.join(q(k) for k in keys)})", len(keys))
    return x


NUM_SCHEMA = "a INT, b BIGINT, c DOUBLE, d DECIMAL(10,2), f FLOAT"


def big_decimal(t):
    """new java.math.BigDecimal(t): [+-]digits[.digits][e[+-]digits]; None when it throws."""
    m = re.fullmatch(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?", t)
    if not m or not (m.group(2) or m.group(3)):
        return None
    return decimal.Decimal(t)


def num_field(tok, val, t):
    """JacksonParser.makeConverter of one field: getIntValue / getLongValue (NULL out of range:
    InputCoercionException), getDoubleValue / getFloatValue of an INT or FLOAT token (or the
    strings NaN, +INF, +Infinity, Infinity, -INF, -Infinity), Decimal(getDecimalValue, 10, 2)
    or of decimalParser(text) (commas dropped, new BigDecimal) with setScale(2, HALF_UP),
    NULL above 10 digits; any other token NULL (failedConversion, a partial result)."""
    J = spark_json
    if tok == J.LITERAL and val == "null":
        return None
    if t in ("INT", "BIGINT"):
        if tok != J.INT:
            return None
        lo, hi = (INT_MIN, INT_MAX) if t == "INT" else (LONG_MIN, LONG_MAX)
        return int(val) if lo <= int(val) <= hi else None
    if t in ("DOUBLE", "FLOAT"):
        if tok == J.INT:
            return float(int(val))  # a -0 integer token is the int 0 (ParserBase)
        if tok == J.FLOAT:
            return float(val)
        if tok == J.STRING:
            return {"NaN": float("nan"), "+INF": float("inf"), "+Infinity": float("inf"),
                    "Infinity": float("inf"), "-INF": float("-inf"),
                    "-Infinity": float("-inf")}.get(val)
        return None
    if tok in (J.INT, J.FLOAT):
        bd = decimal.Decimal(val)
    elif tok == J.STRING and val:
        bd = big_decimal(val.replace(",", ""))
        if bd is None:
            return None
    else:
        return None
    with decimal.localcontext() as c:
        c.prec = 1000
        if bd.adjusted() > 20:
            return None
        v = bd.quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
    precision = len(str(int("".join(map(str, v.as_tuple().digits)))))
    return None if precision > 10 else format(v, "f").lstrip("-") if v == 0 else format(v, "f")


def from_json_nums(text):
    """JsonToStructs (PERMISSIVE) of NUM_SCHEMA: None when blank, a dict of the fields (None
    for every one when the first value is not an object or a JsonProcessingException is
    thrown while the object is read)."""
    names = dict(zip("abcdf", ["INT", "BIGINT", "DOUBLE", "DECIMAL", "FLOAT"]))
    J = spark_json
    p = J.Parser(text)
    try:
        if p.next_token() != J.START_OBJECT:
            return {}
        out = {}
        while p.next_token() != J.END_OBJECT:
            name = p.val
            tok = p.next_token()
            if name in names:
                out[name] = num_field(tok, p.val, names[name])
            p.skip_children()
        return out
    except J.JsonError:
        return {}


def gen_from_json(r):
    k = r.choice("abcdf")
    t = {"a": "INT", "b": "BIGINT", "c": "DOUBLE", "d": "STRING", "f": "FSTR"}[k]

    def ev(row):
        if row["n"] is None:
            return None
        v = from_json_nums(row["n"]).get(k)
        if v is None:
            return None
        if t == "FSTR":
            return java_float_string(v)
        return v
    sql = f"from_json(n, {q(NUM_SCHEMA)}).{k}"
    if t == "FSTR":
        sql = f"CAST({sql} AS STRING)"
    return X(sql, t, ev)


def raise_skip():
    raise Skip()


# ---------------------------------------------------------------- conditionals

# operands: (sql, type, value of a row); a type is NULL, INT, BIGINT, DOUBLE, STRING or
# ("DEC", p, s)
COND_OPERANDS = [
    ("i", "INT", lambda row: row["i"]), ("l", "BIGINT", lambda row: row["l"]),
    ("d", "DOUBLE", lambda row: row["d"]), ("s", "STRING", lambda row: row["s"]),
    ("w", "STRING", lambda row: row["w"]), ("1", "INT", lambda row: 1),
    ("-3", "INT", lambda row: -3), ("2.5", ("DEC", 2, 1), lambda row: Dec(25, 1)),
    ("0.125", ("DEC", 4, 3), lambda row: Dec(125, 3)), ("'x'", "STRING", lambda row: "x"),
    ("NULL", "NULL", lambda row: None),
]
# conditions: (sql, value of a row: True, False or None)
COND_PREDS = [
    ("z", lambda row: row["z"]),
    ("NOT z", lambda row: None if row["z"] is None else not row["z"]),
    ("i > 0", lambda row: nn(lambda i: i > 0)(row["i"])),
    # NaN is larger than any other double (SQLOrderingUtil.compareDoubles)
    ("d > 0", lambda row: nn(lambda d: math.isnan(d) or d > 0)(row["d"])),
    ("s IS NULL", lambda row: row["s"] is None),
    ("l < i", lambda row: nn(lambda a, b: a < b)(row["l"], row["i"])),
]


def cond_wider(a, b):
    """TypeCoercion.findWiderTypeForTwo (non-ANSI): the tightest common type (integral
    widening, a number and a DOUBLE: DOUBLE), a decimal and an integral one:
    DecimalPrecision.widerDecimalType, a decimal and a DOUBLE: DOUBLE, a STRING and an atomic
    type: STRING (stringPromotion)."""
    if a == b or b == "NULL":
        return a
    if a == "NULL":
        return b
    if "STRING" in (a, b):
        return "STRING"
    if "DOUBLE" in (a, b):
        return "DOUBLE"
    if isinstance(a, tuple) or isinstance(b, tuple):
        def dec(t):
            return t if isinstance(t, tuple) else ("DEC", 10 if t == "INT" else 20, 0)
        (_, p1, s1), (_, p2, s2) = dec(a), dec(b)
        sc = max(s1, s2)
        rng = max(p1 - s1, p2 - s2)
        return ("DEC", min(38, rng + sc), min(38, sc))  # DecimalType.bounded
    return "BIGINT"


def cond_common(types):
    """TypeCoercion.findWiderCommonType: the types holding a STRING first, then a fold."""
    t = "NULL"
    for x in [t for t in types if t == "STRING"][:1] + [t for t in types if t != "STRING"]:
        t = cond_wider(t, x)
    return t


def cond_cast(v, frm, to):
    """Cast of an operand's value to the common type (all exact here but BIGINT to DOUBLE,
    which rounds to nearest as Java's l2d does)."""
    if v is None or frm == to:
        return v
    if to == "STRING":
        if frm == "DOUBLE":
            return java_double(v)
        return dec_plain(v) if isinstance(frm, tuple) else str(v)
    if to == "DOUBLE":
        return v.u / 10 ** v.s if isinstance(frm, tuple) else float(v)
    if isinstance(to, tuple):
        if isinstance(frm, tuple):
            return Dec(v.u * 10 ** (to[2] - frm[2]), to[2])
        return Dec(v * 10 ** to[2], to[2])
    return v


def cond_show_type(t, ops):
    if isinstance(t, tuple):
        return "DECIMAL"
    if t == "STRING" and any(o[1] == "DOUBLE" for o in ops):
        return "DSTR"  # Double.toString's 17th digit tolerated
    return "BIGINT" if t == "NULL" else t


def gen_cond(r):
    """CASE WHEN (searched and simple), if, coalesce, nvl, nvl2, nullif, greatest and least
    over operands of mixed types: the result in their wider common type (TypeCoercion's
    CaseWhenCoercion, IfCoercion, FunctionArgumentConversion)."""
    k = r.choice(["case", "case", "simple", "if", "coalesce", "nvl2", "nullif", "greatest",
                  "cmp", "in"])
    if k == "cmp":
        return gen_string_cmp(r)
    if k == "in":
        return gen_in(r)
    if k == "greatest":  # findWiderTypeWithoutStringPromotion: numbers only
        ops = r.sample([o for o in COND_OPERANDS if o[1] != "STRING" and o[1] != "NULL"],
                       r.randint(2, 3))
    else:
        ops = [r.choice(COND_OPERANDS) for _ in range(r.randint(2, 3))]
    t = cond_common([o[1] for o in ops])
    if t == "NULL":
        ops[0] = COND_OPERANDS[0]
        t = cond_common([o[1] for o in ops])
    st = cond_show_type(t, ops)

    def val(o, row):
        return cond_cast(o[2](row), o[1], t)
    if k == "case":
        preds = [r.choice(COND_PREDS) for _ in ops[:-1]]
        has_else = r.random() < 0.7
        branches = ops if has_else else ops[:-1]
        sql = "CASE " + " ".join(f"WHEN {p[0]} THEN {o[0]}" for p, o in zip(preds, ops)) + \
            (f" ELSE {ops[-1][0]}" if has_else else "") + " END"
        t = cond_common([o[1] for o in branches])
        if t == "NULL":
            return gen_cond(r)
        st = cond_show_type(t, branches)

        def ev(row):
            for p, o in zip(preds, ops):
                if p[1](row) is True:
                    return val(o, row)
            return val(ops[-1], row) if has_else else None
        return X(sql, st, ev)
    if k == "simple":  # CASE i WHEN 0 THEN a WHEN 1 THEN b [ELSE c] END: i = 0, i = 1
        sql = "CASE i " + " ".join(f"WHEN {n} THEN {o[0]}" for n, o in enumerate(ops[:-1])) + \
            f" ELSE {ops[-1][0]} END"

        def ev(row):
            for n, o in enumerate(ops[:-1]):
                if row["i"] == n:
                    return val(o, row)
            return val(ops[-1], row)
        return X(sql, st, ev)
    if k in ("if", "nvl2"):  # nvl2(x, a, b): If(IsNotNull(x), a, b)
        ops = ops[:2]
        t = cond_common([o[1] for o in ops])
        if t == "NULL":
            return gen_cond(r)
        st = cond_show_type(t, ops)
        if k == "if":
            p = r.choice(COND_PREDS)
            sql, first = f"if({p[0]}, ", lambda row: p[1](row) is True
        else:
            x = r.choice(COND_OPERANDS[:5])
            sql, first = f"nvl2({x[0]}, ", lambda row: x[2](row) is not None
        return X(f"{sql}{ops[0][0]}, {ops[1][0]})", st,
                 lambda row: val(ops[0] if first(row) else ops[1], row))
    if k == "coalesce":
        name = "nvl" if len(ops) == 2 and r.random() < 0.5 else "coalesce"

        def ev(row):
            for o in ops:
                v = val(o, row)
                if v is not None:
                    return v
            return None
        return X(f"{name}(" + ", ".join(o[0] for o in ops) + ")", st,
                 ev)
    if k == "nullif":  # If(EqualTo(a, b), NULL, a): a number against a number
        a, b = r.sample([o for o in COND_OPERANDS[:3] + COND_OPERANDS[5:9]], 2)
        ct = cond_common([a[1], b[1]])
        ta = cond_show_type(a[1], [a])

        def ev(row):
            x, y = cond_cast(a[2](row), a[1], ct), cond_cast(b[2](row), b[1], ct)
            if x is not None and y is not None:
                # EqualTo: NaN equals NaN, -0.0 equals 0.0 (SQLOrderingUtil)
                eq = (x.cmp(y) == 0 if isinstance(ct, tuple) else
                      (math.isnan(x) and math.isnan(y)) or x == y if ct == "DOUBLE" else x == y)
                if eq:
                    return None
            return a[2](row)
        return X(f"nullif({a[0]}, {b[0]})", ta, ev)
    name = r.choice(["greatest", "least"])

    def gl(row):
        """Greatest / Least: NULLs skipped, the first of equal values kept; NaN largest."""
        best = None
        for o in ops:
            v = val(o, row)
            if v is None:
                continue
            if best is None:
                best = v
                continue
            if isinstance(t, tuple):
                c = v.cmp(best)
            elif t == "DOUBLE":
                c = (0 if math.isnan(v) and math.isnan(best) else 1 if math.isnan(v) else
                     -1 if math.isnan(best) else (v > best) - (v < best))
            else:
                c = (v > best) - (v < best)
            if (c > 0) if name == "greatest" else (c < 0):
                best = v
        return best
    return X(f"{name}(" + ", ".join(o[0] for o in ops) + ")", st,
             gl)


def gen_in(r):
    """x IN (a, b, ...): InConversion casts every side to findWiderCommonType of them all (a
    STRING among them makes a STRING: '2.50' IN (2.5) is false); In: NULL for a NULL x, true
    when a value equals x, else NULL when a value is NULL, else false."""
    x = r.choice(COND_OPERANDS[:5])
    vals = [r.choice(COND_OPERANDS[5:]) for _ in range(r.randint(1, 3))]
    t = cond_common([x[1]] + [v[1] for v in vals])

    def eq(a, b):
        if isinstance(t, tuple):
            return a.cmp(b) == 0
        if t == "DOUBLE":
            return (math.isnan(a) and math.isnan(b)) or a == b
        return a == b

    def ev(row):
        a = cond_cast(x[2](row), x[1], t)
        if a is None:
            return None
        vs = [cond_cast(v[2](row), v[1], t) for v in vals]
        if any(v is not None and eq(a, v) for v in vs):
            return True
        return None if any(v is None for v in vs) else False
    return X(f"{x[0]} IN (" + ", ".join(v[0] for v in vals) + ")", "BOOLEAN", ev)


def gen_string_cmp(r):
    """A STRING column compared with a number: TypeCoercion.findCommonTypeForBinaryComparison
    casts the string to the number's type (INT, BIGINT, DOUBLE), to DOUBLE against a decimal
    (SPARK-22469); non-ANSI casts give NULL for a string that is no number."""
    a = r.choice(["w", "w", "s"])
    # a BOOLEAN or a DATE too: the string cast to it (canPromoteAsInBinaryComparison: any
    # atomic type; castDatetimeToString false)
    b = r.choice([o for o in COND_OPERANDS[:3] + COND_OPERANDS[5:9]] +
                 [("z", "BOOLEAN", lambda row: row["z"]), ("dt", "DATE", lambda row: row["dt"])])
    op = r.choice(["=", "<>", "<", ">", "<=", ">=", "<=>"])
    t = b[1] if b[1] in ("INT", "BIGINT", "BOOLEAN", "DATE") else "DOUBLE"
    cast = {"INT": lambda x: cast_int(x, "STRING"), "BIGINT": lambda x: cast_long(x, "STRING"),
            "BOOLEAN": to_boolean, "DATE": to_date, "DOUBLE": to_double}[t]

    def ev(row):
        x = row[a]
        if x is not None:
            x = cast(x)
        y = b[2](row)
        if isinstance(y, Dec):
            y = y.u / 10 ** y.s
        elif y is not None and t == "DOUBLE":
            y = float(y)
        if x is None or y is None:
            return (x is None and y is None) if op == "<=>" else None
        if t == "DOUBLE":  # SQLOrderingUtil.compareDoubles: NaN largest and equal to NaN
            c = (0 if math.isnan(x) and math.isnan(y) else 1 if math.isnan(x) else
                 -1 if math.isnan(y) else (x > y) - (x < y))
        else:
            c = (x > y) - (x < y)
        return {"=": c == 0, "<=>": c == 0, "<>": c != 0, "<": c < 0, ">": c > 0, "<=": c <= 0,
                ">=": c >= 0}[op]
    if r.random() < 0.5:
        return X(f"{a} {op} {b[0]}", "BOOLEAN", ev)
    flip = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}
    return X(f"{b[0]} {flip.get(op, op)} {a}", "BOOLEAN", ev)


AREAS = [gen_url, gen_url, gen_json_tuple, gen_from_json, gen_array, gen_string2, gen_json, gen_mixed, gen_cast, gen_cast, gen_double_string, gen_string_fn, gen_string_fn, gen_math, gen_hash,
         gen_date]


# ---------------------------------------------------------------- queries

class Query:
    def __init__(self, xs, rows, fail=None):
        self.xs, self.fail = xs, fail
        cols, views = [], []
        for k, x in enumerate(xs):
            lat = getattr(x, "lateral", None)
            if lat:  # a generator: its columns jt<k>_0, ... named by the view
                views.append(f" LATERAL VIEW {lat[0]} jt{k} AS "
                             + ", ".join(f"jt{k}_{m}" for m in range(lat[1])))
            cols.append(x.sql.replace("{L}", f"jt{k}") + f" AS c{k}")
        self.sql = ("SELECT id, " + ", ".join(cols) + " FROM t" + "".join(views)
                    + " ORDER BY id WITH (numRows = 1000, truncate = false);")
        self.expect = None if fail else [[str(row["id"])] + [show(x.ev(row), x.t) for x in xs]
                                          for row in rows]


# generators drawn only from a seed on, so that earlier seeds' queries stay what they were
LATER_AREAS = [(960, gen_cond)]


def gen_query(r, rows, seed=0):
    xs = []
    areas = AREAS + [g for s, g in LATER_AREAS if seed >= s]
    while len(xs) < 4:
        x = r.choice(areas)(r)
        try:
            for row in rows:
                x.ev(row)
        except Skip:
            continue
        except Fail as f:  # the first row that fails (the files source reads them in order)
            if not xs:
                return Query([x], rows, str(f))
            continue
        xs.append(x)
    return Query(xs, rows)


def check_seed(args, seed):
    r = random.Random(seed)
    rows = gen_rows(r, r.randint(12, 30))
    queries = [gen_query(r, rows, seed) for _ in range(args.queries)]
    head = f"CREATE TABLE t ({COLS}) WITH (connector = 'files', path = 'data/t', format = 'json');\n"
    if args.show_sql:
        print(head + "\n".join(x.sql for x in queries))
        return len(queries), 0
    work = tempfile.mkdtemp(prefix=f"funcdiff{seed}_", dir=args.work)
    os.makedirs(os.path.join(work, "data", "t"))
    with open(os.path.join(work, "data", "t", "part-0.json"), "w") as f:
        for row in rows:
            f.write(json.dumps({k: json_value(v) for k, v in row.items() if v is not None},
                               ensure_ascii=False) + "\n")
    ok = [qq for qq in queries if not qq.fail]
    tables, err = run_sql(args.sluice, work, head + "\n".join(x.sql for x in ok) + "\n")
    results = {}
    if err is None and len(tables) == len(ok):
        results = {id(qq): (t[1], None) for qq, t in zip(ok, tables)}
    mismatches = 0
    for qi, qq in enumerate(queries):
        if id(qq) in results:
            got, e = results[id(qq)]
        else:
            t, e = run_sql(args.sluice, work, head + qq.sql + "\n")
            got = t[0][1] if t else None
        if qq.fail:
            if e is not None and qq.fail in e:
                continue
            bad = list(enumerate(qq.xs))
            print(f"=== MISMATCH seed {seed} query {qi}: expected the error {qq.fail!r}")
            print(f"sluice: {(e or '').strip() or got!r}\n{qq.sql}")
            mismatches += 1
            continue
        if e is None and len(got) == len(qq.expect):
            bad = [(k, x) for k, x in enumerate(qq.xs)
                   if any(not same_cell(g[k + 1], w[k + 1], x.t) for g, w in zip(got, qq.expect))]
            if not bad:
                continue
        else:
            bad = list(enumerate(qq.xs))
        mismatches += 1
        print(f"=== MISMATCH seed {seed} query {qi}")
        if e:
            print(f"sluice error: {e.strip()}\n{qq.sql}")
        for k, x in bad:
            print(f"  {x.sql}")
            for row, g, w in zip(rows, got or [], qq.expect):
                if not same_cell(g[k + 1], w[k + 1], x.t):
                    arg = {c: row[c] for c in ("w", "s", "d", "i", "l", "dt", "v", "z", "j", "u",
                                               "e", "n")
                           if re.search(r"\b%s\b" % c, x.sql)}
                    print(f"    {arg!r}: sluice {g[k + 1]!r} model {w[k + 1]!r}")
        sys.stdout.flush()
    keep_or_remove(work, mismatches, args.keep)
    return len(queries), mismatches


def keep_or_remove(work, mismatches, keep):
    """The temp dir is kept (and named) after a mismatch or with --keep."""
    if mismatches:
        print(f"(data in {work})")
    elif not keep:
        shutil.rmtree(work)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for flag, kw in (("--sluice", {"default": "build/compiler/sluice"}),
                     ("--seeds", {"default": "0:50", "help": "FROM:TO (FROM..TO-1) or one seed"}),
                     ("--queries", {"type": int, "default": 16}), ("--work", {}),
                     ("--keep", {"action": "store_true"}), ("--show-sql", {"action": "store_true"}),
                     ("--areas", {"help": "comma-separated generators (e.g. gen_json); all by default"})):
        ap.add_argument(flag, **kw)
    args = ap.parse_args()
    args.sluice = os.path.abspath(args.sluice)
    if args.areas:
        AREAS[:] = [globals()[a] for a in args.areas.split(",")]
        LATER_AREAS.clear()
    lo, _, hi = args.seeds.partition(":")
    counts = [check_seed(args, seed) for seed in (range(int(lo), int(hi)) if hi else [int(lo)])]
    bad = sum(m for _, m in counts)
    print(f"funcdiff: {sum(n for n, _ in counts)} queries compared, {bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
