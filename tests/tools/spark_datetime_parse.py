"""spark_datetime_parse.py - to_timestamp/to_date/unix_timestamp with a pattern, as Spark 3.5
parses (modeldiff.py's model; the default spark.sql.legacy.timeParserPolicy EXCEPTION,
non-ANSI).

Spark's Iso8601TimestampFormatter.parse with DateTimeFormatterHelper.buildFormatter(pattern,
isParsing = true): the pattern's 'y' becomes 'u' (convertIncompatiblePattern) unless it has a
'G', a run of 'S' is appendFraction(NANO_OF_SECOND, 1, n, false)
(createBuilderWithVarLengthSecondFraction), the rest java.time's
DateTimeFormatterBuilder.appendPattern, parseCaseInsensitive, STRICT resolver; the whole text
must be read. A missing date is 1970-01-01, a missing time 00:00 (toLocalDate/toLocalTime);
the time zone is the one the text names, else UTC (sluice's session time zone). Any failure
is NULL (GetTimestamp/ToTimestamp without ANSI: isParseError), unless the legacy
SimpleDateFormat reads the text (spark_legacy_parse.accepts): then checkParsedDiff fails the
query. The generators drop such texts, but for about one table in seven, whose queries that
meet one are expected to fail (rows None). queries() covers numeric
fields, zone_queries() text, offset and zone fields, optional sections and the date_format /
from_unixtime output of such letters.
"""

import datetime

import spark_legacy_parse

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
                           ("num", "year", n, 19, "EXCEEDS_PAD" if n >= 4 else "NORMAL"))
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


def legacy_fails(s, pat, parse):
    """Whether Spark 3.5 fails the query on text s: its new parser rejects it and the
    legacy SimpleDateFormat reads it (checkParsedDiff under timeParserPolicy EXCEPTION)."""
    return s is not None and parse(s, pat) is None and spark_legacy_parse.accepts(s, pat)


def keep_parseable(r, texts, pats, parse):
    """texts without those that fail a query with one of pats, but for about one table in
    seven (Spark's failure is then what the query tests)."""
    if r.random() < 0.15:
        return texts
    return [s for s in texts if not any(legacy_fails(s, p, parse) for p in pats)]


def queries(r, tail):
    """Table p's JSON lines and queries over it: (sql, rows) with cells printed, rows None
    when Spark fails the query."""
    texts = gen_texts(r)
    pats = [r.choice(PATTERNS) for _ in range(3)]
    texts = keep_parseable(r, texts, pats, parse_micros)
    lines = ['{"id": %d%s}' % (i, "" if s is None else ', "s": ' + json_str(s))
             for i, s in enumerate(texts)]
    out = []
    for pat in pats:
        lit = pat.replace("'", "\\'")
        sql = (f"SELECT id, to_timestamp(s, '{lit}') AS c0, to_date(s, '{lit}') AS c1,"
               f" unix_timestamp(s, '{lit}') AS c2 FROM p ORDER BY id{tail}")
        if any(legacy_fails(s, pat, parse_micros) for s in texts):
            out.append((sql, None))
            continue
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


# ---------------------------------------------------------------- text and zone fields
#
# The same parse with text fields (MMM/MMMM/LLL/LLLL, a, G: TextPrinterParser, strict, so only
# the pattern's TextStyle, in any case as parseCaseInsensitive compares), offsets
# (OffsetIdPrinterParser for X x Z ZZZZZ, LocalizedOffsetIdPrinterParser for O OOOO ZZZZ),
# zone ids (ZoneIdPrinterParser for VV; z's ZoneTextPrinterParser walks Java 17's tree of ids
# and names, common/cm_zone_names.h as scripts/gen_zone_names.java dumped it from the JDK),
# optional sections (CompositePrinterParser: a section that fails leaves nothing) and quoted
# literals; the zone read wins over the session zone (Iso8601TimestampFormatter.parse:
# TemporalQueries.zone(), ZonedDateTime.of).

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# OffsetIdPrinterParser.PATTERNS reached from letters: index -> (minutes?, colon, seconds?)
OFFSET_TYPES = {1: "+HHmm", 3: "+HHMM", 4: "+HH:MM", 5: "+HHMMss", 6: "+HH:MM:ss"}


def zone_tokens(pattern):
    """The pattern as a list of parsers; an optional section is ('opt', [parsers])."""
    era = any("G" in part for k, part in enumerate(pattern.split("'")) if k % 2 == 0)
    stack, i = [[]], 0
    while i < len(pattern):
        c, out = pattern[i], stack[-1]
        if c == "'":
            if pattern.startswith("''", i):
                out.append(("lit", "'"))
                i += 2
                continue
            j, lit = i + 1, ""
            while j < len(pattern):
                if pattern.startswith("''", j):
                    lit, j = lit + "'", j + 2
                elif pattern[j] == "'":
                    break
                else:
                    lit, j = lit + pattern[j], j + 1
            out.append(("lit", lit))
            i = j + 1
            continue
        if c == "[":
            stack.append([])
            i += 1
            continue
        if c == "]":
            sec = stack.pop()
            stack[-1].append(("opt", sec))
            i += 1
            continue
        if not c.isalpha():
            out.append(("lit", c))
            i += 1
            continue
        j = i
        while j < len(pattern) and pattern[j] == c:
            j += 1
        n = j - i
        i = j
        field = "yoe" if c == "y" and era else "year"
        if c == "y":
            out.append(("reduced", field) if n == 2 else
                       ("num", field, n, 19, "NORMAL" if n < 4 else "EXCEEDS_PAD"))
        elif c in "ML" and n >= 3:
            names = MONTHS if n == 4 else [m[:3] for m in MONTHS]
            out.append(("text", "month", [(s, k + 1) for k, s in enumerate(names)]))
        elif c == "a":
            out.append(("text", "ampm", [("AM", 0), ("PM", 1)]))
        elif c == "G":
            names = ["Before Christ", "Anno Domini"] if n == 4 else ["BC", "AD"]
            out.append(("text", "era", [(s, k) for k, s in enumerate(names)]))
        elif c == "S":
            out.append(("frac", n))
        elif c in "Xx":
            zero = "Z" if c == "X" else "+00" if n == 1 else "+0000" if n % 2 == 0 else "+00:00"
            out.append(("offset", n + (0 if n == 1 else 1), zero))
        elif c == "Z":
            out.append(("offset", 3, "+0000") if n <= 3 else ("gmt", True) if n == 4 else
                       ("offset", 6, "Z"))
        elif c == "O":
            out.append(("gmt", n == 4))
        elif c in "zV":
            out.append(("zone", None if c == "V" else "full" if n == 4 else "short"))
        else:
            f = {"M": "month", "L": "month", "d": "day", "H": "hour", "m": "minute",
                 "s": "second", "h": "hour12c", "K": "hour12", "k": "hour24"}[c]
            out.append(("num", f, 1, 19, "NORMAL") if n == 1 else
                       ("num", f, n, n, "NOT_NEGATIVE"))
    while len(stack) > 1:  # toFormatter closes what stays open
        sec = stack.pop()
        stack[-1].append(("opt", sec))
    return stack[0]


def ci_eq(a, b):
    return len(a) == len(b) and all(
        x == y or x.upper() == y.upper() or x.lower() == y.lower() for x, y in zip(a, b))


def two(text, p):
    """OffsetIdPrinterParser.parseDigits: two digits of at most 59 at p, or None."""
    s = text[p:p + 2]
    if len(s) == 2 and s.isdigit() and s.isascii() and int(s) <= 59:
        return int(s)
    return None


def parse_offset(text, pos, typ, zero):
    """OffsetIdPrinterParser.parse (strict): (end, seconds) or None."""
    if zero and ci_eq(text[pos:pos + len(zero)], zero):
        return pos + len(zero), 0
    if text[pos:pos + 1] not in ("+", "-"):
        return None
    sign = -1 if text[pos] == "-" else 1
    colon = ":" in OFFSET_TYPES[typ]
    p = pos + 1
    hh = two(text, p)
    if hh is None:
        return None
    p += 2
    vals = [hh, 0, 0]
    for k, mandatory in ((1, typ >= 3), (2, False)):
        if k == 2 and typ < 5:
            break
        q = p + 1 if colon else p
        if colon and text[p:p + 1] != ":" or two(text, q) is None:
            if mandatory:
                return None
            break
        vals[k], p = two(text, q), q + 2
    if hh > 23:
        return None  # DateTimeException: Value out of range
    total = vals[0] * 3600 + vals[1] * 60 + vals[2]
    return (p, sign * total) if total <= 18 * 3600 else None


def parse_gmt(text, pos, full):
    """LocalizedOffsetIdPrinterParser.parse: (end, seconds) or None."""
    if not ci_eq(text[pos:pos + 3], "GMT"):
        return None
    p = pos + 3
    if text[p:p + 1] not in ("+", "-"):
        return p, 0
    sign = -1 if text[p] == "-" else 1
    p += 1

    def dig(k):
        return text[k:k + 1].isdigit() and text[k:k + 1].isascii()

    def colon_pair(k):  # "pos + 2 < end" and ':' and two digits
        if k + 2 < len(text) and text[k] == ":" and dig(k + 1) and dig(k + 2):
            return int(text[k + 1:k + 3])
        return None
    h = m = s = 0
    if full:
        if not (dig(p) and dig(p + 1) and text[p + 2:p + 3] == ":" and dig(p + 3) and dig(p + 4)):
            return None
        h, m, p = int(text[p:p + 2]), int(text[p + 3:p + 5]), p + 5
        v = colon_pair(p)
        if v is not None:
            s, p = v, p + 3
    else:
        if not dig(p):
            return None
        h, p = int(text[p]), p + 1
        if dig(p):
            h, p = h * 10 + int(text[p]), p + 1
        v = colon_pair(p)
        if v is not None:
            m, p = v, p + 3
            v = colon_pair(p)
            if v is not None:
                s, p = v, p + 3
    total = h * 3600 + m * 60 + s
    return (p, sign * total) if total <= 18 * 3600 else None


def region_ids():
    import zoneinfo
    ids = {z.lower(): z for z in zoneinfo.available_timezones()}
    for bad in ("localtime", "posixrules", "factory"):
        ids.pop(bad, None)
    return ids


REGIONS = None
NAME_TREES = None


def name_trees():
    """Java 17's PrefixTrees of ZoneTextPrinterParser (Locale.US, case-insensitive) from
    common/cm_zone_names.h: {"short": nodes, "full": nodes}, a node (key, c0, zone id or
    None, child, sibling)."""
    import os
    import re
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "common",
                        "cm_zone_names.h")
    with open(path, encoding="utf-8") as f:
        src = f.read()

    def c_bytes(lit):
        return re.sub(rb"\\([0-7]{3}|.)", lambda m: bytes([int(m.group(1), 8)])
                      if len(m.group(1)) == 3 else m.group(1), lit.encode("ascii"))
    keys_src = src[src.index("cm_zone_keys[] ="):]
    keys_src = keys_src[:keys_src.index(";")]
    keys = b"".join(c_bytes(m) for m in re.findall(r'"((?:[^"\\]|\\.)*)"', keys_src))
    ids_src = src[src.index("cm_zone_ids["):]
    ids = [c_bytes(m).decode("utf-8")
           for m in re.findall(r'"((?:[^"\\]|\\.)*)"', ids_src[:ids_src.index("};")])]
    trees = {}
    for name, style in (("cm_zone_short", "short"), ("cm_zone_full", "full")):
        body = src[src.index(name + "["):]
        body = body[:body.index("};")]
        nodes = []
        for m in re.finditer(r"\{(\d+), (\d+), 0x([0-9a-f]+), (-?\d+), (-?\d+), (-?\d+)\}", body):
            at, n, c0, zone, child, sib = (int(m.group(1)), int(m.group(2)),
                                          int(m.group(3), 16), int(m.group(4)),
                                          int(m.group(5)), int(m.group(6)))
            nodes.append((keys[at:at + n].decode("utf-8"), c0, ids[zone] if zone >= 0 else None,
                          child, sib))
        trees[style] = nodes
    return trees


def char_eq(a, b):
    """charEqualsIgnoreCase: equal, or equal as Character.toUpperCase or toLowerCase (one
    character each: a mapping to several characters leaves the character alone)."""
    def up(c):
        u = c.upper()
        return u if len(u) == 1 else c

    def low(c):
        lo = "i" if c == "\u0130" else c.lower()  # Java's simple mapping of U+0130 is 'i'
        return lo if len(lo) == 1 else c
    return a == b or up(a) == up(b) or low(a) == low(b)


def tree_match(nodes, k, text, pos):
    """Java 17's PrefixTree.match(text, pos) from node k: (zone id or None, end), or None when
    the text does not start with the node's key."""
    key, _, zone, child, _ = nodes[k]
    if len(text) - pos < len(key) or not all(char_eq(key[j], text[pos + j])
                                             for j in range(len(key))):
        return None
    off = pos + len(key)
    if child >= 0 and off != len(text):
        c = child
        while c >= 0:
            if char_eq(chr(nodes[c][1]), text[off]):
                found = tree_match(nodes, c, text, off)
                if found is not None and found[0] is not None:
                    return found
                break
            c = nodes[c][4]
    return zone, off


def parse_zone(text, pos, names=None):
    """ZoneIdPrinterParser.parse (names: ZoneTextPrinterParser's tree "short" for z..zzz,
    "full" for zzzz): (end, ('fixed', seconds) or ('region', id)) or None."""
    global REGIONS
    if pos >= len(text):
        return None
    c = text[pos]
    if c in "+-":
        r = parse_offset(text, pos, 6, None)
        return None if r is None else (r[0], ("fixed", r[1]))
    up = text[pos:pos + 4].upper()
    pre = 0
    if up.startswith("UTC"):
        pre = 3
    elif up.startswith("UT"):
        pre = 2
    elif up.startswith("GMT0"):
        return pos + 4, ("fixed", 0)
    elif up.startswith("GMT"):
        pre = 3
    if pre:  # parseOffsetBased
        p = pos + pre
        if p >= len(text) or text[p] == "0" or text[p] in "Zz":
            return p, ("fixed", 0)
        r = parse_offset(text, p, 6, None)
        if r is None:
            return p, ("fixed", 0)
        return r[0], ("fixed", r[1])
    global NAME_TREES
    if names is not None:
        if NAME_TREES is None:
            NAME_TREES = name_trees()
        zone, end = tree_match(NAME_TREES[names], 0, text, pos)
        if zone is not None:  # ZoneId.of(zone)
            return end, ("region", zone)
        return (pos + 1, ("fixed", 0)) if c in "Zz" else None
    if REGIONS is None:
        REGIONS = region_ids()
    for end in range(min(len(text), pos + 40), pos, -1):  # the prefix tree's longest match
        z = REGIONS.get(text[pos:end].lower())
        if z is not None:
            return end, ("region", z)
    if c in "Zz":
        return pos + 1, ("fixed", 0)
    return None


def adjacent_subsequent(toks):
    """adjacent_widths over one sequence (text and zone parsers break adjacency)."""
    flat = [t if t[0] in ("num", "reduced") else ("lit", "") for t in toks]
    return adjacent_widths(flat)


def parse_seq(toks, text, pos, vals):
    """CompositePrinterParser.parse: the position after toks, or None; vals updated."""
    sub = adjacent_subsequent(toks)
    for t, sw in zip(toks, sub):
        kind = t[0]
        if kind == "opt":
            trial = dict(vals)
            p = parse_seq(t[1], text, pos, trial)
            if p is not None:
                vals.clear()
                vals.update(trial)
                pos = p
            continue
        if kind == "lit":
            if not ci_eq(text[pos:pos + len(t[1])], t[1]):
                return None
            pos += len(t[1])
            continue
        if kind == "text":  # longest names first
            for name, v in sorted(t[2], key=lambda x: -len(x[0])):
                if ci_eq(text[pos:pos + len(name)], name):
                    vals[t[1]] = v
                    pos += len(name)
                    break
            else:
                return None
            continue
        if kind in ("offset", "gmt", "zone"):
            r = (parse_offset(text, pos, t[1], t[2]) if kind == "offset" else
                 parse_gmt(text, pos, t[1]) if kind == "gmt" else parse_zone(text, pos, t[1]))
            if r is None:
                return None
            pos = r[0]
            if kind == "zone":
                vals["zone"] = r[1]
            else:
                vals["offset"] = r[1]
            continue
        r = parse_fields_one(t, sw, text, pos)
        if r is None:
            return None
        pos, field, v = r
        vals[field] = v
    return pos


def parse_fields_one(t, sw, text, pos):
    """One number, reduced or fraction parser (as parse_fields): (end, field, value)."""
    n = 0
    while pos + n < len(text) and "0" <= text[pos + n] <= "9":
        n += 1
    if t[0] == "reduced":
        return None if n < 2 else (pos + 2, t[1], 2000 + int(text[pos:pos + 2]))
    if t[0] == "frac":
        n = min(n, t[1])
        return None if n < 1 else (pos + n, "nano", int(text[pos:pos + n].ljust(9, "0")))
    _, field, lo, hi, style = t
    sign = 1
    if text[pos:pos + 1] in ("+", "-"):
        # strict NumberPrinterParser: '+' only past the pad (EXCEEDS_PAD) or never; '-' a
        # negative value, refused by every field here but a year (and not -0)
        if style == "NOT_NEGATIVE" or (text[pos] == "+" and style != "EXCEEDS_PAD"):
            return None
        if not field.startswith("year") and field != "yoe":
            return None
        sign = -1 if text[pos] == "-" else 1
        k = 0
        while pos + 1 + k < len(text) and "0" <= text[pos + 1 + k] <= "9":
            k += 1
        k = min(k, hi if not sw else lo)
        if k < lo or (sign > 0 and k <= lo) or (sign < 0 and int(text[pos + 1:pos + 1 + k]) == 0):
            return None
        return pos + 1 + k, field, sign * int(text[pos + 1:pos + 1 + k])
    n = min(n, hi + sw)
    if sw:
        n = min(n, max(lo, n - sw))
    if n < lo or (style == "EXCEEDS_PAD" and n > lo):
        return None
    return pos + n, field, int(text[pos:pos + n])


def resolve_local(v):
    """Parsed's STRICT resolution and DateTimeFormatterHelper.toLocalDate/toLocalTime: a
    datetime.datetime, or None."""
    year = v.get("year", 1970)
    if "yoe" in v:  # IsoChronology.resolveYearOfEra
        if v["yoe"] < 1:
            return None
        if "era" in v:
            year = v["yoe"] if v["era"] == 1 else 1 - v["yoe"]
    if "hour24" in v:
        if not 1 <= v["hour24"] <= 24:
            return None
        v["hour"] = v["hour24"] % 24
    h12 = None
    if "hour12c" in v:
        if not 1 <= v["hour12c"] <= 12:
            return None
        h12 = v["hour12c"] % 12
    if "hour12" in v:
        if v["hour12"] > 11:
            return None
        h12 = v["hour12"]
    ampm = v.get("ampm")
    if "hour" in v:
        hour = v["hour"]
        if ampm is not None and 0 <= hour <= 23 and hour // 12 != ampm:
            return None  # crossCheck: AMPM_OF_DAY conflicts
    elif h12 is not None:
        hour = h12 + (12 if ampm == 1 else 0)
    else:
        hour = 12 if ampm == 1 else 0
    if year < 1 or year > 9999:
        return ("far", year, v, hour)
    try:
        d = datetime.date(year, v.get("month", 1), v.get("day", 1))
        t = datetime.time(hour, v.get("minute", 0), v.get("second", 0))
    except (ValueError, OverflowError):
        return None
    return datetime.datetime.combine(d, t)


def days_from_civil(y, m, d):
    """Days since 1970-01-01 of a proleptic Gregorian date (any year)."""
    y -= m <= 2
    era = y // 400  # floor division: no C-style correction
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def zone_offset(zone, local):
    """ZonedDateTime.of(local, zone)'s offset in seconds (a gap later, an overlap earlier)."""
    if zone[0] == "fixed":
        return zone[1]
    import zoneinfo
    if isinstance(local, tuple):
        return None
    return int(local.replace(tzinfo=zoneinfo.ZoneInfo(zone[1]), fold=0).utcoffset()
               .total_seconds())


def parse_zoned_micros(text, pattern):
    """Microseconds since the epoch of text read with pattern (the zone it names, else UTC),
    or None."""
    v = {}
    end = parse_seq(zone_tokens(pattern), text, 0, v)
    if end != len(text):
        return None
    local = resolve_local(v)
    if local is None:
        return None
    if isinstance(local, tuple):  # years outside 1..9999: UTC or a fixed offset only
        _, year, w, hour = local
        import calendar
        mo, d = w.get("month", 1), w.get("day", 1)
        if not 1 <= mo <= 12 or not 1 <= d <= (29 if mo == 2 and calendar.isleap(year % 400 + 2000)
                                              else [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
                                                    31][mo - 1]):
            return None
        if hour > 23 or w.get("minute", 0) > 59 or w.get("second", 0) > 59:
            return None
        secs = (days_from_civil(year, mo, d) * 86400 + hour * 3600 + w.get("minute", 0) * 60
                + w.get("second", 0))
        zone = v.get("zone")
        if zone is not None and zone[0] == "region":
            return None  # not generated
        off = zone[1] if zone else v.get("offset", 0)
        return (secs - off) * 1_000_000 + w.get("nano", 0) // 1000
    zone = v.get("zone")
    off = zone_offset(zone, local) if zone else v.get("offset", 0)
    secs = (local - EPOCH).days * 86400 + (local - EPOCH).seconds
    return (secs - off) * 1_000_000 + v.get("nano", 0) // 1000


def civil(days):
    """(year, month, day) of days since 1970-01-01, any year: the Gregorian calendar repeats
    every 400 years (146097 days), so python's dates (years 1 to 9999) do."""
    shift = 0
    while days < -719162:  # before 0001-01-01
        days, shift = days + 146097, shift - 400
    while days > 2932896:  # after 9999-12-31
        days, shift = days - 146097, shift + 400
    t = EPOCH + datetime.timedelta(days=days)
    return t.year + shift, t.month, t.day


def format_ts(pattern, us):
    """date_format/from_unixtime of a TIMESTAMP us in the session zone UTC
    (Iso8601TimestampFormatter.format: the formatter withZone(UTC), Locale.US): zone fields
    print UTC's id, names and offset; with a G, y is the year of era."""
    secs, micros = divmod(us, 1_000_000)
    days, rem = divmod(secs, 86400)
    y, m, d = civil(days)
    hour, minute, second = rem // 3600, rem // 60 % 60, rem % 60
    era_p = any("G" in part for k, part in enumerate(pattern.split("'")) if k % 2 == 0)

    def num(v, w):
        return ("-" if v < 0 else "") + str(abs(v)).rjust(w, "0")

    def field(c, n):
        if c == "y":
            v = (1 - y if y <= 0 else y) if era_p else y
            if n == 2:
                return num(abs(v) % 100, 2)
            if n >= 4 and v >= 10 ** n:
                return "+" + num(v, n)  # EXCEEDS_PAD
            return num(v, n)
        if c in "ML":
            return [None, str(m), num(m, 2), MONTHS[m - 1][:3], MONTHS[m - 1]][n]
        if c == "d":
            return num(d, n)
        if c == "D":
            return num(days - days_from_civil(y, 1, 1) + 1, n)
        if c in "Qq":
            q = (m - 1) // 3 + 1
            return [None, str(q), num(q, 2), f"Q{q}",
                    ["1st", "2nd", "3rd", "4th"][q - 1] + " quarter"][n]
        if c in "HkKhms":
            v = {"H": hour, "k": hour or 24, "K": hour % 12, "h": hour % 12 or 12,
                 "m": minute, "s": second}[c]
            return num(v, n)
        if c == "S":
            return (str(micros).rjust(6, "0") + "000" + "0" * n)[:n]
        if c == "a":
            return "AM" if hour < 12 else "PM"
        if c == "E":
            w = DAYS[(days + 3) % 7]
            return w[:3] if n <= 3 else w
        if c == "G":
            return ("AD" if y > 0 else "BC") if n <= 3 else ("Anno Domini" if y > 0
                                                             else "Before Christ")
        if c in "zv":  # UTC's generic names are its standard ones (no daylight time)
            return "Coordinated Universal Time" if n == 4 else "UTC"
        if c == "V":
            return "UTC"
        if c == "O":
            return "GMT"
        if c == "Z":
            return {4: "GMT", 5: "Z"}.get(n, "+0000")
        if c == "X":
            return "Z"
        if c == "x":
            return "+00" if n == 1 else "+0000" if n % 2 == 0 else "+00:00"
        raise ValueError(c)
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "'":
            if pattern.startswith("''", i):
                out.append("'")
                i += 2
                continue
            i += 1
            while i < len(pattern):
                if pattern.startswith("''", i):
                    out.append("'")
                    i += 2
                elif pattern[i] == "'":
                    i += 1
                    break
                else:
                    out.append(pattern[i])
                    i += 1
            continue
        if c.isalpha():
            j = i
            while j < len(pattern) and pattern[j] == c:
                j += 1
            out.append(field(c, j - i))
            i = j
            continue
        if c not in "[]":  # an optional section prints: a timestamp has every field
            out.append(c)
        i += 1
    return "".join(out)


ZONE_PATTERNS = [
    "dd/MMM/yyyy:HH:mm:ss Z", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "MMMM d, yyyy h:mm a",
    "yyyy-MM-dd HH:mm:ss[.SSS]", "yyyy-MM-dd HH:mm VV", "yyyy-MM-dd HH:mm:ss z",
    "yyyy-MM-dd HH:mm x", "yyyy-MM-dd HH:mm xx", "yyyy-MM-dd HH:mm xxx", "yyyy-MM-dd HH:mm X",
    "yyyy-MM-dd HH:mm XX", "yyyy-MM-dd HH:mm:ssXXXXX", "yyyy-MM-dd HH:mm ZZZZZ",
    "yyyy-MM-dd HH:mm ZZZZ", "yyyy-MM-dd HH:mm O", "yyyy-MM-dd HH:mm OOOO",
    "yyyy-MM-dd HH:mm xxxx", "MMM d yyyy G", "yyyy GGGG", "yyyy-MM-dd[ HH:mm[:ss]][XXX]",
    "LLL yyyy", "hh:mm a", "K:mm a", "yyyy-MM-dd HH:mm a", "yyyy-MM-dd 'at' HH:mm",
    "''yy''MMdd", "dd MMM yyyy HH:mm:ss[ z]", "yyyyMMddHHmmss[XX]", "yyyy-MM-dd'T'HH:mmX",
    "h a", "a", "MMMM", "yyyy-MM-dd[[ HH]:mm]",
]

# Offsets and zones to write where a pattern reads one, in several shapes and ranges.
OFFSETS = ["Z", "z", "+00", "+0000", "+00:00", "+05", "+0530", "+05:30", "-08:00", "-0800",
           "-08", "+05:30:15", "+053015", "+0030", "+18:00", "+18:01", "+19:00", "-23:59",
           "+24:00", "+5", "GMT", "GMT+5", "GMT+05:30", "gmt-8", "GMT+5:30:15", "GMT-08:00",
           "GMT+05:75", "GMT+19", "UTC", "UTC+01:00", "America/New_York", "Europe/Paris",
           "Asia/Kolkata", "UT", "GMT0", "Etc/GMT+5", "Australia/Lord_Howe", "+05:3"]
ZONE_FMTS = [
    "yyyy-MM-dd HH:mm:ss XXX", "dd/MMM/yyyy:HH:mm:ss Z", "MMMM d, yyyy h:mm a z",
    "yyyy G", "EEE, dd MMM yyyy HH:mm:ss zzzz", "yyyy-MM-dd'T'HH:mm:ss.SSSxxx VV",
    "O OOOO ZZZZ ZZZZZ X XX XXX XXXX XXXXX x xx xxx xxxx xxxxx", "[yyyy-MM-dd][ VV]",
    "GGGG yy LLL", "hh:mm a", "yyyyyy",
]


def zone_render(r, toks, out, y, mo, d, h, mi, s):
    for t in toks:
        kind = t[0]
        if kind == "opt":
            if r.random() < 0.6:
                zone_render(r, t[1], out, y, mo, d, h, mi, s)
        elif kind == "lit":
            out.append(t[1].lower() if t[1].isalpha() and r.random() < 0.3 else t[1])
        elif kind == "text":
            names = [n for n, v in t[2]]
            v = {"month": mo - 1, "ampm": int(h >= 12), "era": r.choice([0, 1, 1])}[t[1]]
            name = names[v] if r.random() < 0.85 else r.choice(names + ["Sept", "A.M."])
            out.append(r.choice([name, name, name.upper(), name.lower()]))
        elif kind in ("offset", "gmt", "zone"):
            out.append(r.choice(OFFSETS))
        elif kind == "reduced":
            out.append(f"{y % 100:02d}")
        elif kind == "frac":
            n = r.choice([1, 2, 3, t[1]])
            out.append("".join(r.choice("0123456789") for _ in range(n)))
        else:
            v = {"year": y, "yoe": y, "month": mo, "day": d, "hour": h, "minute": mi,
                 "second": s, "hour12c": h % 12 or 12, "hour12": h % 12, "hour24": h or 24}[t[1]]
            w = t[2] if t[2] == t[3] or r.random() < 0.7 else 1
            out.append(str(v).rjust(w, "0"))


def zone_texts(r, pattern):
    y = r.choice([1970, 2024, 1969, 1, 9999, 2000, 2038, r.randint(1000, 2999)])
    mo, d = r.randint(1, 12), r.randint(1, 28)
    if r.random() < 0.15:  # DST changes in America/New_York and Europe/Paris
        mo, d = r.choice([(3, 10), (11, 3), (3, 31), (10, 27)])
    h, mi, s = r.choice([0, 1, 2, 12, 23, r.randint(0, 23)]), r.randint(0, 59), r.randint(0, 59)
    out = []
    zone_render(r, zone_tokens(pattern), out, y, mo, d, h, mi, s)
    text = "".join(out)
    return corrupt(r, text) if r.random() < 0.2 else text


def zone_queries(r, tail):
    """Table pz's JSON lines and queries over it: to_timestamp & co. with text and zone
    fields, and date_format/from_unixtime of what they read."""
    pats = [r.choice(ZONE_PATTERNS) for _ in range(3)]
    texts = [zone_texts(r, r.choice(pats)) for _ in range(r.choice([6, 12, 20]))]
    if r.random() < 0.3:
        texts.append(None)
    texts = keep_parseable(r, texts, pats, parse_zoned_micros)
    lines = ['{"id": %d%s}' % (i, "" if s is None else ', "s": ' + json_str(s))
             for i, s in enumerate(texts)]
    out = []
    for pat in pats:
        fmt = r.choice(ZONE_FMTS)
        lit, flit = pat.replace("'", "\\'"), fmt.replace("'", "\\'")
        sql = (f"SELECT id, to_timestamp(s, '{lit}') AS c0, to_date(s, '{lit}') AS c1,"
               f" unix_timestamp(s, '{lit}') AS c2,"
               f" date_format(to_timestamp(s, '{lit}'), '{flit}') AS c3,"
               f" from_unixtime(to_unix_timestamp(s, '{lit}'), '{flit}') AS c4"
               f" FROM pz ORDER BY id{tail}")
        if any(legacy_fails(s, pat, parse_zoned_micros) for s in texts):
            out.append((sql, None))
            continue
        rows = []
        for i, s in enumerate(texts):
            us = None if s is None else parse_zoned_micros(s, pat)
            if us is None:
                rows.append([str(i)] + ["NULL"] * 5)
                continue
            sec = unix_seconds(us)
            rows.append([str(i), show_any_ts(us), show_any_date(us), str(sec),
                         format_ts(fmt, us), format_ts(fmt, sec * 1_000_000)])
        out.append((sql, rows))
    return lines, out


def show_any_ts(us):
    """show() of a TIMESTAMP of any year (fractionFormatter: ISO_LOCAL_DATE's sign)."""
    s = format_ts("yyyy-MM-dd HH:mm:ss", us)
    frac = f"{us % 1_000_000:06d}".rstrip("0")
    return s + ("." + frac if frac else "")


def show_any_date(us):
    return format_ts("yyyy-MM-dd", us - us % 86_400_000_000)


ZONE_HEAD = ("CREATE TABLE pz (id INT, s STRING) WITH (connector = 'files', path = 'data/pz',"
             " format = 'json');\n")
