"""spark_legacy_parse.py - whether Spark 3.5's legacy parser reads a text its new parser
rejected: java.text.SimpleDateFormat(pattern, Locale.US), setLenient(false), parse(String)
(LegacySimpleTimestampFormatter, the legacy formatter of to_timestamp, to_date,
unix_timestamp and to_unix_timestamp with a pattern). Under the default
spark.sql.legacy.timeParserPolicy = EXCEPTION, DateTimeFormatterHelper.checkParsedDiff then
fails the query (INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER).

A port of common/cm_dtlegacy.c (cm_dt_legacy_accepts), rule for rule, for modeldiff.py's
datetime areas; the same limits: pattern letters other than G y M L d D H h k K m s S a E z Z X
count as rejected, as do zone names under z and Z; digits outside ASCII and exponents are not
read.
"""

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "May",
          "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
KNOWN = "GyMdkHmsSEDFwWahKzZYuXL"  # SimpleDateFormat's letters; another one throws
MODELLED = "GyMLdDHhkKmsSaEzZX"
# ERA: getDisplayNamesMap(ERA, Locale.US), the SHORT and LONG names (not the NARROW B and A),
# index % 2 the era (0 BC, 1 AD; SimpleDateFormat.subParse reads them whatever the count)
ERAS = ["BC", "AD", "Before Christ", "Anno Domini"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
FIELD = {"y": "year", "M": "month", "L": "month", "d": "dom", "D": "doy", "k": "hod",
         "H": "hod", "h": "hour", "K": "hour", "m": "min", "s": "sec", "S": "ms"}
RANGE = {"era": (0, 1), "year": (1, 292278994), "month": (0, 11), "dom": (1, 31), "doy": (1, 366),
         "hod": (0, 23), "hour": (0, 11), "ampm": (0, 1), "min": (0, 59), "sec": (0, 59),
         "ms": (0, 999), "dow": (0, 6), "zone": (-13 * 60, 14 * 60)}


def number(s, i, end):
    """DecimalFormat.parse (parseIntegerOnly, no grouping) at s[i:end]: an optional '-',
    then ASCII digits; Number.intValue of it (a Long keeps its low 32 bits, a Double past
    Long's range saturates). (value, index after) or None."""
    p = i + (1 if p_is(s, i, end, "-") else 0)
    d0 = p
    while p < end and "0" <= s[p] <= "9":
        p += 1
    if p == d0:
        return None
    x = int(s[d0:p])
    neg = s[i] == "-"
    if x > 2**63 or (not neg and x > 2**63 - 1):  # a Double
        return (-(2**31) if neg else 2**31 - 1), p
    v = (-x if neg else x) & 0xFFFFFFFF
    return (v - 2**32 if v >= 2**31 else v), p


def p_is(s, i, end, c):
    return i < end and s[i] == c


def match(s, i, names):
    """matchString: the longest name (any case) at s[i]: (index, length) or None."""
    best = None
    for k, name in enumerate(names):
        if (best is None or len(name) > best[1]) and s[i:i + len(name)].lower() == name.lower():
            best = (k, len(name))
    return best


def leap(y):
    """GregorianCalendar's hybrid calendar: Julian leap years before 1582."""
    return y % 4 == 0 if y < 1582 else (y % 4 == 0 and y % 100 != 0) or y % 400 == 0


def month_len(y, m):
    return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] + (m == 2 and leap(y))


def weekday(y, m, d):
    """0 Monday .. 6 Sunday of y-m-d in the hybrid calendar (Julian before 1582-10-15)."""
    a = (14 - m) // 12
    yy, mm = y + 4800 - a, m + 12 * a - 3
    jdn = d + (153 * mm + 2) // 5 + 365 * yy + yy // 4
    julian = (y, m, d) < (1582, 10, 15)
    jdn += -32083 if julian else -(yy // 100) + yy // 400 - 32045
    return jdn % 7


def numeric_zone(s, p, sign, count, colon, f):
    """SimpleDateFormat.subParseNumericZone at s[p] (past the sign): the end, or None."""
    n = len(s)

    def digit(q):
        return q < n and "0" <= s[q] <= "9"
    if not digit(p):
        return None
    hours, p = int(s[p]), p + 1
    if digit(p):
        hours, p = hours * 10 + int(s[p]), p + 1
    elif count > 0 or not colon or p >= n:
        return None
    if hours > 23:
        return None
    minutes = 0
    if count != 1:
        if colon:
            if p >= n or s[p] != ":":
                return None
            p += 1
        if not (digit(p) and digit(p + 1)):
            return None
        minutes, p = int(s[p:p + 2]), p + 2
        if minutes > 59:
            return None
    f["zone"] = (sign * (hours * 60 + minutes), next_stamp(f))
    return p


def zone(s, start, p, c, count, f):
    """subParse of z/Z (a sign and hhmm; GMT at start, alone or with a sign and h:mm; names
    not modelled) or X (Z, or a sign and hh, hhmm, hh:mm): the end, or None."""
    sign = {"+": 1, "-": -1}.get(s[p], 0)
    if c == "X":
        if s[p] == "Z":
            f["zone"] = (0, next_stamp(f))
            return p + 1
        return numeric_zone(s, p + 1, sign, count, count == 3, f) if sign else None
    if sign:
        return numeric_zone(s, p + 1, sign, 0, False, f)
    if s[start:start + 3].lower() != "gmt":
        return None
    p = start + 3
    if p < len(s) and s[p] in "+-":
        return numeric_zone(s, p + 1, 1 if s[p] == "+" else -1, 0, True, f)
    f["zone"] = (0, next_stamp(f))
    return p


def valid(f):
    """Non-lenient GregorianCalendar.computeTime over the fields set (name -> (value, stamp)):
    each in its range, and the date and time they resolve to give back every one."""
    for k, (v, _) in f.items():
        lo, hi = RANGE[k]
        if not lo <= v <= hi:
            return False
    val = {k: v for k, (v, _) in f.items()}
    st = {k: s for k, (_, s) in f.items()}
    y = val.get("year", 1970)
    if val.get("era", 1) == 0:  # BC: year 1 - y; a long of milliseconds ends in 292269055 BC
        if y > 292269054:
            return False
        y = 1 - y
    month, day = val.get("month", 0) + 1, val.get("dom", 1)
    if "doy" in f and st["doy"] > st.get("dom", 0):
        doy = val["doy"]
        if doy > (355 if y == 1582 else 365 + leap(y)):
            return False
        if y == 1582 and doy >= 278:  # the ten days dropped in October 1582
            doy += 10
        month = 1
        while doy > month_len(y, month):
            doy -= month_len(y, month)
            month += 1
        day = doy
        if ("month" in f and month != val["month"] + 1) or ("dom" in f and day != val["dom"]):
            return False
    else:
        if day > month_len(y, month) or (y == 1582 and month == 10 and 5 <= day <= 14):
            return False
        if "doy" in f:
            doy = day + sum(month_len(y, m) for m in range(1, month))
            if y == 1582 and (month > 10 or (month == 10 and day > 14)):
                doy -= 10
            if doy != val["doy"]:
                return False
    if "dow" in f and ("dom" in f or "doy" in f) and weekday(y, month, day) != val["dow"]:
        return False
    if "dow" in f and "dom" not in f and "doy" not in f and (y, month) == (1582, 10) \
            and val["dow"] >= 4:  # the Julian 5th..7th of October 1582 do not exist
        return False
    hs, ams = st.get("hour", 0), st.get("ampm", 0)
    group = max(hs, ams) if hs and ams else 0
    if "hod" in f and group <= st["hod"]:
        hod = val["hod"]
    else:
        hod = val.get("hour", 0) + 12 * val.get("ampm", 0)
    return (("hod" not in f or val["hod"] == hod) and ("hour" not in f or val["hour"] == hod % 12)
            and ("ampm" not in f or val["ampm"] == hod // 12))


def field(s, i, c, count, obey, f):
    """SimpleDateFormat.subParse of count letters c at s[i] into f: the index after, or
    None. Spaces and tabs before a number are skipped; obey (a field follows) reads at most
    count characters from where the field starts."""
    n, p = len(s), i
    while p < n and s[p] in " \t":
        p += 1
    if p >= n:
        return None
    if c == "a":
        m = match(s, i, ["AM", "PM"])
        if m is None:
            return None
        f["ampm"] = (m[0], next_stamp(f))
        return i + m[1]
    if c == "G":  # the longest era name, any case, at the field's start
        m = match(s, i, ERAS)
        if m is None:
            return None
        f["era"] = (m[0] % 2, next_stamp(f))
        return i + m[1]
    if c == "E":  # full names first, then short ones
        m = match(s, i, WEEKDAYS)
        if m is None:
            return None
        f["dow"] = (m[0] % 7, next_stamp(f))
        return i + m[1]
    if c in "zZX":
        return zone(s, i, p, c, count, f)
    if c in "ML" and count >= 3:  # full names first, then short ones
        m = match(s, i, MONTHS)
        if m is None:
            return None
        f["month"] = (m[0] % 12, next_stamp(f))
        return i + m[1]
    end = i + count if obey else n
    if end > n:
        return None
    r = number(s, p, end)
    if r is None:
        return None
    v, q = r
    if c == "y" and count <= 2 and q - p == 2 and s[p] != "-":
        v += 2000  # the 2-digit-year window's century (leap years as 2000 + yy)
    elif c in "ML":
        v -= 1
    elif c == "k" and v == 24:
        v = 0
    elif c == "h" and v == 12:
        v = 0
    f[FIELD[c]] = (v, next_stamp(f))
    return q


def next_stamp(f):
    return max((s for _, s in f.values()), default=0) + 1


def accepts(text, pattern):
    """Whether SimpleDateFormat(pattern, Locale.US), non-lenient, parses text (what follows
    what the pattern read is ignored; nothing read is a ParseException)."""
    f, i, j, n = {}, 0, 0, len(pattern)
    while j < n:
        c = pattern[j]
        if c.isascii() and c.isalpha():
            k = j
            while k < n and pattern[k] == c:
                k += 1
            count, j = k - j, k
            if c not in KNOWN or c not in MODELLED or (c == "X" and count > 3):
                return False
            obey = j < n and pattern[j].isascii() and pattern[j].isalpha()
            i = field(text, i, c, count, obey, f)
            if i is None:
                return False
        elif c == "'":
            j += 1
            if j < n and pattern[j] == "'":
                lit = "'"
                j += 1
            else:
                lit, closed = "", False
                while j < n:
                    if pattern[j] == "'":
                        if j + 1 < n and pattern[j + 1] == "'":
                            lit, j = lit + "'", j + 2
                            continue
                        j, closed = j + 1, True
                        break
                    lit, j = lit + pattern[j], j + 1
                if not closed:
                    return False
            if text[i:i + len(lit)] != lit:
                return False
            i += len(lit)
        else:
            if i >= len(text) or text[i] != c:
                return False
            i, j = i + 1, j + 1
    return i > 0 and valid(f)
