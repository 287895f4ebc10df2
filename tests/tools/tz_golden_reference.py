#!/usr/bin/env python3
"""tz_golden_reference.py - the expected output of tests/golden/tz_region_shift, computed
independently of sluice with python3's zoneinfo and java.time's rules (check_tz.py's
offset_at and java_local):
from_utc_timestamp(ts, tz) is the UTC instant ts shown as local time in tz (the offset of tz
at that instant); to_utc_timestamp(ts, tz) reads ts as a local time in tz
(ZonedDateTime.of: a valid time takes its offset; in an overlap the earlier offset; in a gap
the time moves later by the gap's length and takes the offset after).

Usage: tz_golden_reference.py tests/golden/tz_region_shift/data/part-0.json > expected.out
"""
import json
import os
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_tz import java_local, offset_at  # noqa: E402  (java.time's rules, written once)

EPOCH = datetime(1970, 1, 1)
# (column, function, zone id as written, tz database zone after ZoneId.SHORT_IDS)
COLUMNS = [
    ("paris_f", "from", "Europe/Paris"), ("paris_t", "to", "Europe/Paris"),
    ("ny_f", "from", "America/New_York"), ("ny_t", "to", "America/New_York"),
    ("lh_f", "from", "Australia/Lord_Howe"), ("lh_t", "to", "Australia/Lord_Howe"),
    ("pst_f", "from", "America/Los_Angeles"), ("mit_t", "to", "Pacific/Apia"),
    ("dublin_t", "to", "Europe/Dublin"),
]


def parse(s):
    """'yyyy-MM-dd HH:mm:ss[.ffffff]' as microseconds since the epoch."""
    fmt = "%Y-%m-%d %H:%M:%S.%f" if "." in s else "%Y-%m-%d %H:%M:%S"
    d = datetime.strptime(s, fmt) - EPOCH
    return (d.days * 86400 + d.seconds) * 10**6 + d.microseconds


def show(us):
    d = EPOCH + timedelta(microseconds=us)
    s = d.strftime("%Y-%m-%d %H:%M:%S")
    if d.microsecond:
        s += ("." + "%06d" % d.microsecond).rstrip("0")
    return s


def convert(kind, tz, us):
    s = us // 10**6
    if kind == "from":
        return us + offset_at(tz, s) * 10**6
    # a fraction of a second only matters at a transition's exact local time; none is here
    return us - (s - java_local(tz, s)) * 10**6


def main():
    rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
    header = ["ts"] + [c[0] for c in COLUMNS]
    table = []
    for r in rows:
        ts = r.get("ts")
        if ts is None:
            table.append(["NULL"] * len(header))
            continue
        us = parse(ts)
        table.append([show(us)] + [show(convert(k, ZoneInfo(z), us)) for _, k, z in COLUMNS])
    w = [max(len(x) for x in col) for col in zip(header, *table)]
    line = "+" + "+".join("-" * n for n in w) + "+"
    out = ["-------------------------------------------", "Batch: 0",
           "-------------------------------------------", line,
           "|" + "|".join(h.ljust(n) for h, n in zip(header, w)) + "|", line]
    out += ["|" + "|".join(v.ljust(n) for v, n in zip(row, w)) + "|" for row in table]
    out += [line, ""]
    print("\n".join(out))


if __name__ == "__main__":
    main()
