#!/usr/bin/env python3
"""Independent reference for the events queries (plain Python 3, stdlib only).

Reads a directory of JSON Lines event files ({"time": <epoch s>, "action": "..."})
the way Spark's files source + JSON reader would, and prints the console table
that a complete-mode query counting per (action, window) -- or per action with
--no-window -- shows for its LAST batch (all files read).

Semantics followed (see shared/reference/structured-streaming-semantics.md):
  * files: hidden names ('.', '_') skipped; ordered by mtime, then name;
  * lines split on LF, CR or CRLF; blank lines give no row;
  * JSON: only the first value of a line is read; an object gives one row, an
    array one row per object element; unparsable JSON or a non-object value
    gives an all-NULL row (PERMISSIVE); missing fields are NULL;
  * time (TIMESTAMP): an integer is epoch seconds; a string is parsed as an
    ISO-8601 / 'yyyy-MM-dd HH:mm:ss' timestamp (UTC unless it has an offset);
    anything else (fraction, bool, object) is a conversion failure: NULL time,
    the other fields are kept;
  * action (STRING): a string as is; another token becomes its JSON text;
  * window(time, size[, slide[, start]]): aligned to the UTC epoch with floor
    modulo, half-open [start, end); rows with NULL time are not aggregated;
  * console table exactly as Dataset.show(numRows, truncate) prints it.

The output is the table only: border, header, border, rows, border, and the
"only showing top N rows" line when rows were cut; no "Batch:" header and no
trailing blank line.

Examples:
  reference_counts.py data/events --window '1 hour' --order window,action
  reference_counts.py data/events --window '1 hour' --slide '30 minutes' --no-truncate
  reference_counts.py data/events --no-window --order action
  reference_counts.py --self-test
"""
import argparse
import datetime
import functools
import json
import os
import re
import sys
import tempfile
import unicodedata

US_PER_SEC = 1_000_000

# ---------------------------------------------------------------- intervals

_UNIT_US = {
    "microsecond": 1,
    "millisecond": 1_000,
    "second": US_PER_SEC,
    "minute": 60 * US_PER_SEC,
    "hour": 3600 * US_PER_SEC,
    "day": 86400 * US_PER_SEC,
    "week": 7 * 86400 * US_PER_SEC,
}


def parse_interval(text):
    """'1 hour', '30 minutes', 'interval 1 hour 30 minutes' -> microseconds."""
    words = text.strip().lower().split()
    if words and words[0] == "interval":
        words = words[1:]
    if not words or len(words) % 2:
        raise ValueError("bad interval: %r" % text)
    total = 0
    for i in range(0, len(words), 2):
        num, unit = words[i], words[i + 1]
        if not re.fullmatch(r"[+-]?\d+", num):
            raise ValueError("bad interval number in %r" % text)
        unit = unit[:-1] if unit.endswith("s") else unit
        if unit in ("month", "year"):
            raise ValueError("Intervals greater than a month is not supported (%s)." % text)
        if unit not in _UNIT_US:
            raise ValueError("bad interval unit %r in %r" % (unit, text))
        total += int(num) * _UNIT_US[unit]
    return total


def windows_of(ts, size, slide, start=0):
    """Windows [s, e) containing ts (all in µs), Spark's algorithm with floor modulo."""
    n = -(-size // slide)  # ceil
    last_start = ts - (ts - start) % slide  # Python % is floor modulo
    out = []
    for i in range(n):
        s = last_start - i * slide
        e = s + size
        if s <= ts < e:
            out.append((s, e))
    return out


# ---------------------------------------------------------------- timestamps

_EPOCH = datetime.datetime(1970, 1, 1)


def format_ts(us):
    """µs since epoch -> 'yyyy-MM-dd HH:mm:ss[.ffffff]' (UTC, trailing zeros stripped)."""
    secs, frac = divmod(us, US_PER_SEC)
    d = _EPOCH + datetime.timedelta(seconds=secs)
    s = "%04d-%02d-%02d %02d:%02d:%02d" % (d.year, d.month, d.day, d.hour, d.minute, d.second)
    if frac:
        s += ("." + "%06d" % frac).rstrip("0")
    return s


_TS_RE = re.compile(
    r"\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?"
    r"\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?\s*"
)


def parse_ts_string(s):
    """Lenient ISO-8601 parse (UTC default) -> µs, or None."""
    m = _TS_RE.fullmatch(s)
    if not m:
        return None
    y, mo, d, h, mi, se, fr, tz = m.groups()
    try:
        dt = datetime.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(se or 0))
    except ValueError:
        return None
    us = (dt - _EPOCH) // datetime.timedelta(microseconds=1)
    if fr:
        us += int((fr + "000000")[:6])
    if tz and tz not in ("Z", "UTC"):
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        hh = int(digits[:-2]) if len(digits) > 2 else int(digits)
        mm = int(digits[-2:]) if len(digits) > 2 else 0
        us -= sign * (hh * 3600 + mm * 60) * US_PER_SEC
    return us


# ---------------------------------------------------------------- reading

_DECODER = json.JSONDecoder()
_JSON_WS = " \t\r\n"


def list_files(directory):
    """Data files in the order the files source reads them: mtime (ms), then name."""
    entries = []
    for name in os.listdir(directory):
        if name.startswith(".") or name.startswith("_"):
            continue
        path = os.path.join(directory, name)
        st = os.stat(path)
        if not os.path.isfile(path):
            continue
        entries.append((st.st_mtime_ns // 1_000_000, name, path))
    entries.sort()
    return [p for _, _, p in entries]


def convert_time(v):
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v * US_PER_SEC
    if isinstance(v, str):
        return parse_ts_string(v)
    return None  # fraction, object, array: conversion failure


def convert_string(v):
    if v is None:
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    return json.dumps(v, separators=(",", ":"), ensure_ascii=False)


def rows_of_line(line):
    """One text line -> list of (time_us|None, action|None) rows."""
    text = line.strip(_JSON_WS)
    if not text:
        return []
    try:
        value, _ = _DECODER.raw_decode(text)  # like Jackson: first value only
    except ValueError:
        return [(None, None)]
    objs = value if isinstance(value, list) else [value]
    rows = []
    for o in objs:
        if not isinstance(o, dict):
            rows.append((None, None))
            continue
        rows.append((convert_time(o.get("time")), convert_string(o.get("action"))))
    return rows


def read_rows(directory, max_files=None):
    files = list_files(directory)
    if max_files is not None:
        files = files[:max_files]
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        for raw in data.splitlines():  # LF, CR, CRLF like Hadoop's LineRecordReader
            yield from rows_of_line(raw.decode("utf-8", errors="replace"))


# ---------------------------------------------------------------- aggregation

def aggregate(rows, size=None, slide=None, start=0):
    """Complete-mode counts: {(action, window|None): count}."""
    counts = {}
    for t, action in rows:
        if size is None:
            key = (action, None)
            counts[key] = counts.get(key, 0) + 1
            continue
        if t is None:
            continue
        for w in windows_of(t, size, slide, start):
            key = (action, w)
            counts[key] = counts.get(key, 0) + 1
    return counts


def _cmp_values(a, b):
    return (a > b) - (a < b)


def sort_rows(rows, order):
    """rows: dicts action/window/count; order: [(column, descending)].
    Spark: ASC puts NULLs first, DESC puts them last."""
    def cmp(r1, r2):
        for col, desc in order:
            a, b = r1[col], r2[col]
            if a is None or b is None:
                if a is None and b is None:
                    continue
                c = -1 if a is None else 1  # NULLS FIRST for ASC
                return -c if desc else c
            c = _cmp_values(a, b)
            if c:
                return -c if desc else c
        return 0
    return sorted(rows, key=functools.cmp_to_key(cmp))


def parse_order(text):
    order = []
    for part in text.split(","):
        words = part.strip().lower().split()
        if not words:
            continue
        if words[0] not in ("action", "window", "count") or len(words) > 2 or (
            len(words) == 2 and words[1] not in ("asc", "desc")
        ):
            raise ValueError("bad --order item %r" % part)
        order.append((words[0], len(words) == 2 and words[1] == "desc"))
    return order


# ---------------------------------------------------------------- console table

def cell_text(col, v, null_text):
    if v is None:
        return null_text
    if col == "window":
        return "{%s, %s}" % (format_ts(v[0]), format_ts(v[1]))
    return str(v)


def display_width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def show(header, rows, num_rows=20, truncate=20):
    """Dataset.show(numRows, truncate) as a string (without the final newline)."""
    def cut(s):
        if truncate > 0 and len(s) > truncate:
            return s[:truncate] if truncate < 4 else s[: truncate - 3] + "..."
        return s

    shown = [[cut(c) for c in r] for r in rows[:num_rows]]
    hdr = [cut(h) for h in header]
    widths = [max(3, display_width(h)) for h in hdr]
    for r in shown:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], display_width(c))

    def pad(s, w):
        fill = " " * (w - display_width(s))
        return fill + s if truncate > 0 else s + fill

    line = "+" + "+".join("-" * w for w in widths) + "+"
    out = [line, "|" + "|".join(pad(h, w) for h, w in zip(hdr, widths)) + "|", line]
    for r in shown:
        out.append("|" + "|".join(pad(c, w) for c, w in zip(r, widths)) + "|")
    out.append(line)
    if len(rows) > num_rows:
        out.append("only showing top %d %s" % (num_rows, "row" if num_rows == 1 else "rows"))
    return "\n".join(out)


# ---------------------------------------------------------------- driver

def render(directory, window=None, slide=None, start_time="0 seconds", no_window=False,
           order="", columns=None, names=None, num_rows=20, truncate=20, null_text="NULL",
           max_files=None):
    if no_window:
        size = sl = None
        st = 0
    else:
        size = parse_interval(window)
        sl = parse_interval(slide) if slide else size
        st = parse_interval(start_time)
        if size <= 0 or sl <= 0:
            raise ValueError("window and slide must be positive")
        if sl > size:
            raise ValueError("The slide duration (%s) must be less than or equal to the "
                             "windowDuration (%s)." % (slide, window))
        if abs(st) >= sl:
            raise ValueError("The absolute value of start time (%s) must be less than the "
                             "slideDuration (%s)." % (start_time, slide or window))
    counts = aggregate(read_rows(directory, max_files), size, sl, st)
    rows = [{"action": a, "window": w, "count": n} for (a, w), n in counts.items()]
    if order:
        rows = sort_rows(rows, parse_order(order))
    if columns is None:
        columns = ["action", "count"] if no_window else ["action", "window", "count"]
    for c in columns:
        if c not in ("action", "window", "count") or (c == "window" and no_window):
            raise ValueError("bad column %r" % c)
    header = names if names else columns
    if len(header) != len(columns):
        raise ValueError("--names must name every column")
    table = [[cell_text(c, r[c], null_text) for c in columns] for r in rows]
    return show(header, table, num_rows, truncate)


def main(argv):
    ap = argparse.ArgumentParser(
        description="Reference counts per (action, window) in Spark console format.")
    ap.add_argument("directory", nargs="?", help="directory of JSON Lines event files")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--window", help="window duration, e.g. '1 hour'")
    g.add_argument("--no-window", action="store_true", help="count per action only")
    ap.add_argument("--slide", help="slide duration (default: the window duration)")
    ap.add_argument("--start-time", default="0 seconds", help="window start offset")
    ap.add_argument("--order", default="",
                    help="sort keys, e.g. 'window,action' or 'count desc,action'")
    ap.add_argument("--columns", help="column order, e.g. window,action,count")
    ap.add_argument("--names", help="header names for the columns, e.g. action,w,n")
    ap.add_argument("--num-rows", type=int, default=20, help="console numRows (default 20)")
    t = ap.add_mutually_exclusive_group()
    t.add_argument("--truncate", type=int, default=20, help="truncate width (default 20)")
    t.add_argument("--no-truncate", action="store_true", help="truncate=false (left-aligned)")
    ap.add_argument("--null-text", default="NULL",
                    help="how NULL prints (default 'NULL', Spark 3.5's ToPrettyString; 3.0-3.4: 'null')")
    ap.add_argument("--max-files", type=int, help="read only the first N files (mtime order)")
    ap.add_argument("--self-test", action="store_true", help="run the built-in checks")
    a = ap.parse_args(argv)
    if a.self_test:
        return self_test()
    if not a.directory or not (a.window or a.no_window):
        ap.error("need a directory and --window or --no-window")
    try:
        out = render(a.directory, a.window, a.slide, a.start_time, a.no_window, a.order,
                     a.columns.split(",") if a.columns else None,
                     a.names.split(",") if a.names else None,
                     a.num_rows, 0 if a.no_truncate else a.truncate, a.null_text, a.max_files)
    except (ValueError, OSError) as e:
        print("reference_counts: %s" % e, file=sys.stderr)
        return 2
    sys.stdout.write(out + "\n")
    return 0


# ---------------------------------------------------------------- self-test

# Hand-worked case.  UTC times: 1469497500 = 01:45:00, 1469501675 = 02:54:35,
# 1469502000 = 03:00:00 (a window boundary), 1469503799 = 03:29:59,
# 1469503800 = 03:30:00, all on 2016-07-26.
_SELF_FILES = [
    # (name, mtime, content) -- "b" is older than "a", so it is read first.
    ("a.json", 2000, b'{"time":1469503800,"action":"Open"}\n'
                     b'{"time":null,"action":"Close"}\n'
                     b'this is not json\n'
                     b'\n'
                     b'{"time":1469497500,"action":"Open"}'),
    ("b.json", 1000, b'{"time":1469501675,"action":"Open"}\r\n'
                     b'{"action":"Close","time":1469502000}\n'
                     b'  {"time":1469503799, "extra":{"x":[1,"}"]}, "action":"\\u004fpen"}  \n'),
    ("_ignored.json", 500, b'{"time":1469501675,"action":"Open"}\n'),
    (".hidden.json", 500, b'{"time":1469501675,"action":"Open"}\n'),
]

_SELF_EXPECT = [
    # Tumbling 1 hour, truncated (default console).
    (dict(window="1 hour", order="window,action"), """\
+------+--------------------+-----+
|action|              window|count|
+------+--------------------+-----+
|  Open|{2016-07-26 01:00...|    1|
|  Open|{2016-07-26 02:00...|    1|
| Close|{2016-07-26 03:00...|    1|
|  Open|{2016-07-26 03:00...|    2|
+------+--------------------+-----+"""),
    # Same, truncate=false (left-aligned).
    (dict(window="1 hour", order="window,action", truncate=0), """\
+------+------------------------------------------+-----+
|action|window                                    |count|
+------+------------------------------------------+-----+
|Open  |{2016-07-26 01:00:00, 2016-07-26 02:00:00}|1    |
|Open  |{2016-07-26 02:00:00, 2016-07-26 03:00:00}|1    |
|Close |{2016-07-26 03:00:00, 2016-07-26 04:00:00}|1    |
|Open  |{2016-07-26 03:00:00, 2016-07-26 04:00:00}|2    |
+------+------------------------------------------+-----+"""),
    # Sliding 1 hour every 30 minutes: each event is in two windows.
    (dict(window="1 hour", slide="30 minutes", order="window,action", truncate=0), """\
+------+------------------------------------------+-----+
|action|window                                    |count|
+------+------------------------------------------+-----+
|Open  |{2016-07-26 01:00:00, 2016-07-26 02:00:00}|1    |
|Open  |{2016-07-26 01:30:00, 2016-07-26 02:30:00}|1    |
|Open  |{2016-07-26 02:00:00, 2016-07-26 03:00:00}|1    |
|Close |{2016-07-26 02:30:00, 2016-07-26 03:30:00}|1    |
|Open  |{2016-07-26 02:30:00, 2016-07-26 03:30:00}|2    |
|Close |{2016-07-26 03:00:00, 2016-07-26 04:00:00}|1    |
|Open  |{2016-07-26 03:00:00, 2016-07-26 04:00:00}|2    |
|Open  |{2016-07-26 03:30:00, 2016-07-26 04:30:00}|1    |
+------+------------------------------------------+-----+"""),
    # Per action: the NULL-time row counts, the malformed line is an all-NULL row.
    (dict(no_window=True, order="action"), """\
+------+-----+
|action|count|
+------+-----+
|  NULL|    1|
| Close|    2|
|  Open|    4|
+------+-----+"""),
    (dict(no_window=True, order="count desc,action", null_text="null"), """\
+------+-----+
|action|count|
+------+-----+
|  Open|    4|
| Close|    2|
|  null|    1|
+------+-----+"""),
    # Only the first file in mtime order (b.json), and numRows cut.
    (dict(window="1 hour", order="window,action", max_files=1, num_rows=2,
          columns=["window", "action", "count"], names=["w", "action", "n"]), """\
+--------------------+------+---+
|                   w|action|  n|
+--------------------+------+---+
|{2016-07-26 02:00...|  Open|  1|
|{2016-07-26 03:00...| Close|  1|
+--------------------+------+---+
only showing top 2 rows"""),
]


def self_test():
    failures = 0
    checks = 0

    def check(name, got, want):
        nonlocal failures, checks
        checks += 1
        if got != want:
            failures += 1
            print("FAIL %s\n--- want\n%s\n--- got\n%s" % (name, want, got))

    # Window alignment (floor modulo), including before 1970 and a start offset.
    H, M = 3600 * US_PER_SEC, 60 * US_PER_SEC
    check("tumbling", windows_of(1469501675 * US_PER_SEC, H, H),
          [(1469498400 * US_PER_SEC, 1469502000 * US_PER_SEC)])
    check("boundary", windows_of(1469502000 * US_PER_SEC, H, H),
          [(1469502000 * US_PER_SEC, 1469505600 * US_PER_SEC)])
    check("pre-1970", windows_of(-US_PER_SEC, H, H), [(-H, 0)])
    check("sliding", windows_of(0, H, 30 * M), [(0, H), (-30 * M, 30 * M)])
    check("uneven", windows_of(25 * M, H, 40 * M), [(0, H)])
    check("uneven2", windows_of(45 * M, H, 40 * M), [(40 * M, 100 * M), (0, H)])
    check("start-time", windows_of(0, H, H, 15 * M), [(-45 * M, 15 * M)])
    check("interval", parse_interval("interval 1 hour 30 minutes"), 90 * M)
    check("format", format_ts(1469501675 * US_PER_SEC + 120000), "2016-07-26 02:54:35.12")
    check("format-neg", format_ts(-H), "1969-12-31 23:00:00")
    check("ts-string", parse_ts_string("2016-07-26T02:54:35Z"), 1469501675 * US_PER_SEC)
    check("ts-offset", parse_ts_string("2016-07-26 04:54:35+02:00"), 1469501675 * US_PER_SEC)
    check("line-frac", rows_of_line('{"time":1.5,"action":"Open"}'), [(None, "Open")])
    check("line-bool", rows_of_line('{"time":true,"action":7}'), [(None, "7")])
    check("line-array", rows_of_line('[{"action":"a"},{"time":1}]'),
          [(None, "a"), (US_PER_SEC, None)])
    check("line-scalar", rows_of_line("42"), [(None, None)])
    check("line-blank", rows_of_line(" \t"), [])
    check("line-trunc", rows_of_line('{"time":1,"action":"Open"'), [(None, None)])

    with tempfile.TemporaryDirectory() as d:
        for name, mtime, content in _SELF_FILES:
            p = os.path.join(d, name)
            with open(p, "wb") as f:
                f.write(content)
            os.utime(p, (mtime, mtime))
        for i, (kw, want) in enumerate(_SELF_EXPECT):
            check("table %d" % i, render(d, **kw), want)
    print("reference_counts self-test: %d passed, %d failed" % (checks - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
