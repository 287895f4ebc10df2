"""spark_datetime_parse.py - to_timestamp/to_date/unix_timestamp with a pattern, as Spark 3.5
parses (modeldiff.py's model; spark.sql.legacy.timeParserPolicy CORRECTED, non-ANSI).

Spark's Iso8601TimestampFormatter.parse with DateTimeFormatterHelper.buildFormatter(pattern,
isParsing = true): the pattern's 'y' becomes 'u' (convertIncompatiblePattern), a run of 'S'
is appendFraction(NANO_OF_SECOND, 1, n, false) (createBuilderWithVarLengthSecondFraction),
the rest java.time's DateTimeFormatterBuilder.appendPattern, parseCaseInsensitive, STRICT
resolver; the whole text must be read. A missing date is 1970-01-01, a missing time 00:00
(toLocalDate/toLocalTime); the time zone is UTC (sluice's session time zone). Any failure is
NULL (GetTimestamp/ToTimestamp without ANSI: isParseError).
"""

import datetime

EPOCH = datetime.datetime(1970, 1, 1)

# pattern letter -> (field, min width, max width, sign style) as appendPattern builds it
# for a run of n letters (DateTimeFormatterBuilder.parseField)
FIELDS = {"M": "month", "d": "day", "H": "hour", "m": "minute", "s": "second"}


def tokens(pattern):
    """The pattern as parsers: ('num', field, min, max, style), ('reduced', field),
    ('frac', max digits) or ('lit', text)."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "'":
            j = pattern.index("'", i + 1)
            out.append(("lit", pattern[i + 1:j] if j > i + 1 else "'"))
            i = j + 1
            continue
        if c.isalpha():
            j = i
            while j < len(pattern) and pattern[j] == c:
                j += 1
            n = j - i
            if c == "y":  # 'u' (convertIncompatiblePattern)
                out.append(("reduced", "year") if n == 2 else
                           ("num", "year", n, 19, "EXCEEDS_PAD"))
            elif c == "S":
                out.append(("frac", n))
            elif n == 1:  # appendValue(field): 1 to 19 digits, SignStyle.NORMAL
                out.append(("num", FIELDS[c], 1, 19, "NORMAL"))
            else:  # appendValue(field, n): exactly n digits
                out.append(("num", FIELDS[c], n, n, "NOT_NEGATIVE"))
            i = j
            continue
        out.append(("lit", c))
        i += 1
    return out


def adjacent_widths(toks):
    """DateTimeFormatterBuilder.appendValue's adjacent value parsing: a number followed
    directly by fixed-width numbers (or a fixed-width fraction) leaves their widths to them
    (subsequentWidth)."""
    sub = [0] * len(toks)
    for i, t in enumerate(toks):
        if t[0] != "num" or (i > 0 and toks[i - 1][0] in ("num", "reduced")):
            continue
        j = i + 1
        while j < len(toks) and (toks[j][0] == "reduced" or
                                 (toks[j][0] == "num" and toks[j][2] == toks[j][3])):
            sub[i] += 2 if toks[j][0] == "reduced" else toks[j][2]
            j += 1
    return sub


def parse_fields(text, pattern):
    """The fields read from text (NumberPrinterParser/FractionPrinterParser in strict mode),
    or None when the text does not match."""
    toks = tokens(pattern)
    sub = adjacent_widths(toks)
    pos, vals = 0, {}
    for t, sw in zip(toks, sub):
        if t[0] == "lit":
            lit = t[1]
            seg = text[pos:pos + len(lit)]
            if len(seg) < len(lit) or any(
                    a != b and a.upper() != b.upper() and a.lower() != b.lower()
                    for a, b in zip(seg, lit)):
                return None
            pos += len(lit)
            continue
        n = 0
        while pos + n < len(text) and "0" <= text[pos + n] <= "9":
            n += 1
        if t[0] == "reduced":  # appendValueReduced(YEAR, 2, 2, 2000): 2 digits, 2000-2099
            if n < 2:
                return None
            vals["year"] = 2000 + int(text[pos:pos + 2])
            pos += 2
            continue
        if t[0] == "frac":
            n = min(n, t[1])
            if n < 1:
                return None
            vals["nano"] = int(text[pos:pos + n].ljust(9, "0"))
            pos += n
            continue
        _, field, lo, hi, style = t
        if text[pos:pos + 1] in ("+", "-"):
            return None  # a sign: refused or a negative value, never valid here
        n = min(n, hi + sw)
        if sw:  # the second pass: what the fixed widths after it leave
            n = min(n, max(lo, n - sw))
        if n < lo:
            return None
        if style == "EXCEEDS_PAD" and n > lo:
            return None  # strict: more digits than the pad need a '+'
        vals[field] = int(text[pos:pos + n])
        pos += n
    if pos != len(text):
        return None
    return vals


def parse_micros(text, pattern):
    """Microseconds since the epoch (UTC) of text read with pattern, or None."""
    v = parse_fields(text, pattern)
    if v is None:
        return None
    try:  # ResolverStyle.STRICT: every field in its range, the date valid
        d = datetime.date(v.get("year", 1970), v.get("month", 1), v.get("day", 1))
        t = datetime.time(v.get("hour", 0), v.get("minute", 0), v.get("second", 0))
    except (ValueError, OverflowError):
        return None
    dt = datetime.datetime.combine(d, t)
    delta = dt - EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + v.get("nano", 0) // 1000


def show_timestamp(us):
    """A TIMESTAMP as show() prints it: the fraction without trailing zeros."""
    t = EPOCH + datetime.timedelta(microseconds=us)
    s = f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}:{t.second:02d}"
    frac = f"{us % 1_000_000:06d}".rstrip("0")
    return s + ("." + frac if frac else "")


def show_date(us):
    """The DATE of a TIMESTAMP (Cast: the day in UTC) as show() prints it."""
    t = EPOCH + datetime.timedelta(microseconds=us)
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d}"


def unix_seconds(us):
    """ToTimestamp: micros / MICROS_PER_SECOND (Java's long division, toward zero)."""
    return us // 1_000_000 if us >= 0 else -((-us) // 1_000_000)


# ---------------------------------------------------------------- data

PATTERNS = [
    "yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyy/MM/dd HH:mm",
    "dd.MM.yyyy", "yyyyMMddHHmmss", "yyyyMMdd", "yyyy-MM-dd'T'HH:mm:ss.SSSSSS", "HH:mm:ss",
    "yyyy-MM-dd HH:mm:ss.S", "M/d/yyyy", "yyyy-MM-dd HH:mm:ss.SSSSSSSSS", "d-M-yy",
    "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.SS",
]


def render(r, pattern):
    """A text for pattern: a valid date and time, with fractions of 1 to 9 digits."""
    y = r.choice([1970, 2024, 1969, 1, 9999, 2000, 1999, 2038, r.randint(1000, 2999)])
    mo, d = r.randint(1, 12), r.randint(1, 28)
    if r.random() < 0.2:
        mo, d = 2, 29  # a leap day, invalid in most years
    h, mi, s = r.choice([0, 23, 12, r.randint(0, 23)]), r.randint(0, 59), r.randint(0, 59)
    out = []
    for t in tokens(pattern):
        if t[0] == "lit":
            lit = t[1]
            out.append(lit.lower() if lit.isalpha() and r.random() < 0.3 else lit)
        elif t[0] == "reduced":
            out.append(f"{y % 100:02d}")
        elif t[0] == "frac":
            n = r.choice([1, 2, 3, 3, 6, 9, t[1], t[1]])
            out.append("".join(r.choice("0123456789") for _ in range(n)))
        else:
            v = {"year": y, "month": mo, "day": d, "hour": h, "minute": mi, "second": s}[t[1]]
            w = t[2] if t[2] == t[3] or r.random() < 0.7 else 1
            out.append(str(v).rjust(w, "0"))
    return "".join(out)


def corrupt(r, s):
    k = r.randrange(9)
    if k == 0:
        return s + " "
    if k == 1:
        return " " + s
    if k == 2:
        return s[:-1]
    if k == 3 and any(c.isdigit() for c in s):
        i = max(i for i, c in enumerate(s) if c.isdigit())
        return s[:i] + "x" + s[i + 1:]
    if k == 4:
        return s.replace("-", "/", 1)
    if k == 5:
        return s + "0"
    if k == 6:
        return s.replace(":", "::", 1)
    if k == 7:
        return r.choice(["", "abc", "2024-13-01", "2024-02-30 10:00:00", "2023-02-29",
                         "2024-01-01 24:00:00", "2024-01-01 10:60:00", "2024-1-1",
                         "2024-01-01 10:00:00.", "2024-01-01T10:00", "+2024-01-01",
                         "12024-01-01", "2024-01-01 10:00:00.1234567890"])
    return s


def gen_texts(r):
    texts = []
    for _ in range(r.choice([4, 10, 20])):
        s = render(r, r.choice(PATTERNS))
        texts.append(corrupt(r, s) if r.random() < 0.3 else s)
    if r.random() < 0.5:
        texts.append(None)
    return texts


def queries(r, tail):
    """Table p's JSON lines and queries over it: (sql, types, rows) with cells printed."""
    texts = gen_texts(r)
    lines = ['{"id": %d%s}' % (i, "" if s is None else ', "s": ' + json_str(s))
             for i, s in enumerate(texts)]
    out = []
    for _ in range(3):
        pat = r.choice(PATTERNS)
        lit = pat.replace("'", "\\'")
        sql = (f"SELECT id, to_timestamp(s, '{lit}') AS c0, to_date(s, '{lit}') AS c1,"
               f" unix_timestamp(s, '{lit}') AS c2 FROM p ORDER BY id{tail}")
        rows = []
        for i, s in enumerate(texts):
            us = None if s is None else parse_micros(s, pat)
            rows.append([str(i)] + (["NULL"] * 3 if us is None else
                                    [show_timestamp(us), show_date(us), str(unix_seconds(us))]))
        out.append((sql, rows))
    return lines, out


def json_str(s):
    import json
    return json.dumps(s, ensure_ascii=False)


HEAD = ("CREATE TABLE p (id INT, s STRING) WITH (connector = 'files', path = 'data/p',"
        " format = 'json');\n")
