#!/usr/bin/env python3
# model.py - the expected output of to_number, try_to_number, to_char and to_varchar,
# computed apart from sluice: a line-by-line transcription of Spark 3.5's ToNumberParser
# (catalyst/util/ToNumberParser.scala: formatTokens with its reversed DigitGroups, parse with
# its prepended group sizes, format with its padding and character swaps) over Java strings
# as UTF-16 units, Character.isDigit / isWhitespace from the Unicode categories, Cast's
# double -> DECIMAL(30,15) (HALF_UP, NULL when it does not fit), printed as the console
# sink's show() (truncate = false).
#
#   python3 model.py > expected.out
import json
import os
import re
import unicodedata
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 100

# ---- Java's Character on a UTF-16 unit ----


def java_is_digit(c):
    return not 0xD800 <= ord(c) <= 0xDFFF and unicodedata.category(c) == "Nd"


def java_is_whitespace(c):
    o = ord(c)
    if 0xD800 <= o <= 0xDFFF:
        return False
    if unicodedata.category(c) in ("Zs", "Zl", "Zp"):
        return o not in (0x00A0, 0x2007, 0x202F)
    return 0x09 <= o <= 0x0D or 0x1C <= o <= 0x1F


def utf16_units(s):
    b = s.encode("utf-16-le")
    return [chr(int.from_bytes(b[i:i + 2], "little")) for i in range(0, len(b), 2)]


# ---- ToNumberParser ----
# tokens: ("exact", n) ("atmost", n) ("point",) ("comma",) ("dollar",) ("S",) ("MI",)
# ("open",) ("close",) ("bad", c) ("groups", tokens_reversed, digits_reversed)

class Mismatch(Exception):
    pass


class JavaNFE(Exception):
    pass


def format_tokens(fmt):
    tokens = []
    i, n, reached = 0, len(fmt), False
    while i < n:
        c = fmt[i]
        if c == "0" or c == "9":
            prev = i
            i += 1
            while i < n and fmt[i] in "09":
                i += 1
            kind = "atmost" if c == "9" or reached else "exact"
            tokens.append((kind, i - prev))
        elif c in ".D":
            tokens.append(("point",))
            reached = True
            i += 1
        elif c in ",G":
            tokens.append(("comma",))
            i += 1
        elif c == "$":
            tokens.append(("dollar",))
            i += 1
        elif c == "S":
            tokens.append(("S",))
            i += 1
        elif c == "M" and i < n - 1 and fmt[i + 1] == "I":
            tokens.append(("MI",))
            i += 2
        elif c == "P" and i < n - 1 and fmt[i + 1] == "R":
            tokens.insert(0, ("open",))
            tokens.append(("close",))
            i += 2
        else:
            tokens.append(("bad", c))
            i += 1
    grouped, group, digits = [], [], []
    for t in tokens:
        if t[0] in ("exact", "atmost"):
            group.append(t)
            digits.append(t)
        elif t[0] == "comma":
            group.append(t)
        else:
            if group:
                grouped.append(("groups", group[::-1], digits[::-1]))
                group, digits = [], []
            grouped.append(t)
    if group:
        grouped.append(("groups", group[::-1], digits[::-1]))
    return grouped


def precision_scale(tokens):
    def digits_of(t):
        return sum(d[1] for d in t[2]) if t[0] == "groups" else 0
    precision = sum(digits_of(t) for t in tokens)
    idx = tokens.index(("point",)) if ("point",) in tokens else -1
    scale = sum(digits_of(t) for t in tokens[idx:]) if idx != -1 else 0
    return precision, scale


def parse(fmt, s):
    tokens = format_tokens(fmt.upper())
    precision, scale = precision_scale(tokens)
    inp = utf16_units(s)
    before, after = [], []
    reached = opened = closed = neg = False
    i = 0
    for t in tokens:
        ch = inp[i] if i < len(inp) else None
        if t[0] == "groups":
            sizes, cur = [], 0
            while i < len(inp):
                c = inp[i]
                if java_is_whitespace(c):
                    pass
                elif java_is_digit(c):
                    cur += 1
                    (after if reached else before).append(c)
                elif c == ",":
                    sizes.insert(0, cur)
                    cur = 0
                else:
                    sizes.insert(0, cur)
                    break
                i += 1
            if i == len(inp):
                sizes.insert(0, cur)
            expected = t[2]
            if len(sizes) > len(expected):
                raise Mismatch
            for k, e in enumerate(expected):
                actual = sizes[k] if k < len(sizes) else 0
                if (e[0] == "exact" and actual != e[1]) or (e[0] == "atmost" and actual > e[1]):
                    raise Mismatch
        elif t[0] == "point":
            if ch == ".":
                reached = True
                i += 1
        elif t[0] == "dollar":
            if ch is not None:
                if ch != "$":
                    raise Mismatch
                i += 1
        elif t[0] == "S":
            if ch == "+":
                i += 1
            elif ch == "-":
                neg = not neg
                i += 1
        elif t[0] == "MI":
            if ch == "-":
                neg = not neg
                i += 1
        elif t[0] == "open":
            if ch == "<":
                if opened:
                    raise Mismatch
                opened = True
                i += 1
        elif t[0] == "close":
            if ch == ">":
                if not opened:
                    raise Mismatch
                closed = True
                neg = not neg
                i += 1
    if i < len(inp) or opened != closed:
        raise Mismatch
    after_padded = "".join(str(unicodedata.digit(c)) for c in after) + "0" * (scale - len(after))
    num = ("-" if neg else "") + "".join(str(unicodedata.digit(c)) for c in before) + \
        ("." + after_padded if after_padded else "")
    if num in ("", "-"):
        raise JavaNFE(num)
    return Decimal(num), scale


def fmt_format(fmt, value):
    tokens = format_tokens(fmt.upper())
    plain = format(value, "f")
    parts = plain.split(".")
    b = parts[0].lstrip("-0")
    a = (parts[1] if len(parts) > 1 else "").rstrip("0")
    nb = na = 0
    reached = False
    for t in tokens:
        if t[0] == "groups":
            for d in t[2]:
                if reached:
                    na += d[1]
                else:
                    nb += d[1]
        elif t[0] == "point":
            reached = True
    if nb < len(b) or na < len(a):
        b, a = "#" * nb, "#" * na
    b = " " * (nb - len(b)) + b
    a = a + "0" * (na - len(a))
    r = []
    bi = ai = 0
    neg = value < 0

    def add_char(c):
        r.append(c)
        k = len(r) - 1
        while k >= 1 and r[k - 1] == " " and r[k] == c:
            r[k], r[k - 1] = " ", c
            k -= 1

    def add_space():
        r.append(" ")
        k = len(r) - 1
        while k >= 1 and r[k - 1] in "+-<" and r[k] == " ":
            r[k], r[k - 1] = r[k - 1], " "
            k -= 1

    def strip_point():
        if "." in r:
            k = r.index(".")
            if k == len(r) - 1 or r[k + 1] == " ":
                r[k] = " "

    reached = False
    for t in tokens:
        if t[0] == "groups":
            for g in t[1][::-1]:
                if g[0] == "comma":
                    if r and r[-1].isdigit():
                        r.append(",")
                    else:
                        add_space()
                elif not reached:
                    for _ in range(g[1]):
                        c = b[bi]
                        if c == " " and g[0] == "exact":
                            r.append("0")
                        elif c == " ":
                            add_space()
                        else:
                            r.append(c)
                        bi += 1
                else:
                    for _ in range(g[1]):
                        r.append(a[ai])
                        ai += 1
        elif t[0] == "point":
            if r and r[-1] == " ":
                r[-1] = "0"
            r.append(".")
            reached = True
        elif t[0] == "dollar":
            r.append("$")
        elif t[0] == "S":
            strip_point()
            add_char("-" if neg else "+")
        elif t[0] == "MI":
            if neg:
                strip_point()
                add_char("-")
            else:
                r.append(" ")
        elif t[0] == "open":
            if neg:
                r.append("<")
        elif t[0] == "close":
            strip_point()
            if neg:
                add_char(">")
            else:
                r += [" ", " "]
    strip_point()
    out = "".join(r)
    return "0" if out in ("", "+", "-") else out


# ---- the query ----

def try_number(s, f):
    if s is None:
        return None
    try:
        v, scale = parse(f, s)
        return format(v.quantize(Decimal(1).scaleb(-scale)), "f") if scale else format(v, "f")
    except Mismatch:
        return None


def to_dec(v, scale, digits):
    """Cast to DECIMAL(digits, scale), HALF_UP, None when it does not fit"""
    if v is None:
        return None
    q = Decimal(repr(v) if isinstance(v, float) else str(v)).quantize(Decimal(1).scaleb(-scale),
                                                                       rounding=ROUND_HALF_UP)
    if abs(q) >= Decimal(10) ** (digits - scale):
        return None
    return q


def to_char(v, f):
    return None if v is None else fmt_format(f, v)


FULL = re.compile("[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19"
                  "\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]")


def width(s):
    return len(s.encode("utf-16-le")) // 2 + len(FULL.findall(s))


def show(names, rows):
    ws = [max([3, width(n)] + [width(r[i]) for r in rows]) for i, n in enumerate(names)]
    sep = "+" + "+".join("-" * w for w in ws) + "+"
    line = lambda cells: "|" + "|".join(c + " " * (w - width(c)) for c, w in zip(cells, ws)) + "|"
    return ["-" * 43, "Batch: 0", "-" * 43, sep, line(names), sep] + [line(r) for r in rows] + [sep, ""]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    names = ["id", "t", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8",
             "c1", "c2", "c3", "c4", "c5", "c6", "c7"]
    out = []
    with open(os.path.join(here, "data", "part-0.json"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            s = d["s"]
            x = to_dec(d["x"], 3, 12)
            i = None if d["i"] is None else Decimal(d["i"])
            dd = to_dec(d["d"], 15, 30)
            cells = [str(d["id"]), try_number(str(d["id"]), "99"),
                     try_number(s, "999"), try_number(s, "99,999.9S"), try_number(s, "$99.99"),
                     try_number(s, "999PR"), try_number(s, "MI999"), try_number(s, "0009"),
                     try_number(s, "9,999,999"), try_number(s, "99.99"),
                     to_char(x, "99G999D9S"), to_char(x, "$000,000.0000PR"),
                     to_char(x, "9999.99MI"), to_char(x, ".999"),
                     to_char(i, "0000000000"), to_char(i, "s9g999"), to_char(dd, "99999.99")]
            out.append(["NULL" if c is None else c for c in cells])
    print("\n".join(show(names, out)))


if __name__ == "__main__":
    main()
