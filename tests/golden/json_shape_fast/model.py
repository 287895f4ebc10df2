#!/usr/bin/env python3
# model.py - the expected output of json_shape_fast, computed apart from sluice: each line of
# data/a.json, b.json, c.json and d.json (the batch reads the longest file first) read as Spark 3.5's JSON source reads it (JacksonParser,
# JSONOptions' defaults, PERMISSIVE with the corrupt-record column):
# - a line that is not JSON (a leading zero, a letter in a number, a raw control byte in a
#   string, an object cut off) is a row of NULLs with the line in _corrupt_record;
# - only the line's first value is read (text after it is ignored), the last duplicate key
#   wins, a missing key is NULL, "\r\n" ends a line as '\n' does;
# - a TIMESTAMP from an integer is that many seconds; one beyond +-9223372036854 s (it does
#   not fit in microseconds), a fraction or an exponent is a value of the wrong type: the
#   field is NULL, the other fields keep their values, the line goes to _corrupt_record;
# - a STRING from a number is the number's text.
# Times print in UTC; show() escapes a cell's meta-characters (SchemaUtils.escapeMetaCharacters:
# a tab as \t). Each query prints its rows in file order.
#
#   python3 model.py > expected.out
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

MAX_SECONDS = 9223372036854  # Long.MaxValue microseconds, in whole seconds


def lines():
    for name in ("data/a.json", "data/b.json", "data/c.json", "data/d.json"):
        with open(name, "rb") as f:
            for raw in f.read().split(b"\n"):
                if raw:
                    yield raw.decode("utf-8").removesuffix("\r")


def read(line):
    """(time text or None, action or None, corrupt text or None)"""
    try:
        rec, _ = json.JSONDecoder(strict=True).raw_decode(line)
    except ValueError:
        return None, None, line
    bad = False
    t = rec.get("time")
    if t is not None:
        if isinstance(t, bool) or not isinstance(t, int) or abs(t) > MAX_SECONDS:
            t, bad = None, True
        else:
            t = (datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=t)).strftime(
                "%Y-%m-%d %H:%M:%S")
    a = rec.get("action")
    if a is not None and not isinstance(a, str):
        a = json.dumps(a)
    return t, a, line if bad else None


def escaped(v):
    if v is None:
        return None
    for c, e in (("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"), ("\f", "\\f"), ("\b", "\\b"),
                 ("\v", "\\v"), ("\a", "\\a")):
        v = v.replace(c, e)
    return v


rows = [tuple(escaped(v) for v in read(line)) for line in lines()]
out = show_batch(0, ["time", "action", "_corrupt_record"], [list(r) for r in rows])
out += show_batch(0, ["action", "time", "_corrupt_record"], [[a, t, c] for t, a, c in rows])
print("\n".join(out))
