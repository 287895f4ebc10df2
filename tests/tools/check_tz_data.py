#!/usr/bin/env python3
"""check_tz_data.py - the goldens of region zones found in data recomputed with python3's
zoneinfo (the machine's tz database), not with sluice: Spark 3.5's stringToTimestamp (trimmed
text, [h]h:[m]m:[s]s then an optional fraction and zone; the zone trimmed and read by
DateTimeUtils.getZoneId = ZoneId.of(id, SHORT_IDS); an unknown id gives None, i.e. NULL) and
ZonedDateTime.of's reading of a local time (a gap moves it later, an overlap takes the earlier
offset: zoneinfo's fold=0 does the same), and convertTz for from_utc_timestamp (the offset at
the instant) and to_utc_timestamp (the local time read as above).

    check_tz_data.py GOLDEN_ROOT

Checks tz_data (every column), tz_data_csv (the t column), tz_data_make (make_timestamp with a
zone column: ldt.atZone, NULL for an unknown or NULL zone), tz_data_time_only (a time alone:
today's date in its zone) and tz_data_no_tzdata (a region is unknown without the database);
exits 1 on a difference.
"""
import csv
import json
import os
import re
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, available_timezones

# ZoneId.SHORT_IDS: the fixed ones, then those naming regions (only what the data uses needs
# to be here; an id missing from this table and from the tz database reads as unknown).
SHORT_FIXED = {"EST": -5 * 3600, "MST": -7 * 3600, "HST": -10 * 3600}
SHORT_REGION = {"PST": "America/Los_Angeles", "ECT": "Europe/Paris", "IST": "Asia/Kolkata",
                "JST": "Asia/Tokyo", "CST": "America/Chicago"}
NOT_JAVA = {"Factory", "localtime", "posixrules", "ROC"}


def offset_of(s):
    """ZoneOffset.of: +h, +hh, +hh:mm, +hhmm, +hh:mm:ss, +hhmmss; seconds east, or None."""
    m = re.fullmatch(r"([+-])(\d{1,2})(?::?(\d\d)(?::?(\d\d))?)?", s)
    if not m or (len(m.group(2)) == 1 and m.group(3)):
        return None
    h, mi, se = int(m.group(2)), int(m.group(3) or 0), int(m.group(4) or 0)
    if h > 18 or mi > 59 or se > 59 or (h == 18 and (mi or se)):
        return None
    v = h * 3600 + mi * 60 + se
    return -v if m.group(1) == "-" else v


def get_zone(zid, have_db):
    """getZoneId: a tzinfo, or None for an id java.time refuses."""
    zid = re.sub(r"^(.*?)([+-])(\d):", r"\1\g<2>0\3:", zid, count=1)  # (+|-)h: -> (+|-)0h:
    zid = re.sub(r"([+-])(\d\d):(\d)$", r"\1\2:0\3", zid, count=1)  # (+|-)hh:m -> (+|-)hh:0m
    if zid in SHORT_FIXED:
        return timezone(timedelta(seconds=SHORT_FIXED[zid]))
    zid = SHORT_REGION.get(zid, zid)
    if zid == "Z":
        return timezone.utc
    if zid[:1] in "+-":
        off = offset_of(zid)
        return None if off is None else timezone(timedelta(seconds=off))
    for p in ("UTC", "GMT", "UT"):
        if zid == p:
            return timezone.utc
        if zid.startswith(p) and zid[len(p)] in "+-":
            off = offset_of(zid[len(p):])
            return None if off is None else timezone(timedelta(seconds=off))
    fixed_etc = re.fullmatch(r"Etc/GMT([+-]\d{1,2})", zid)  # fixed: no database needed
    if fixed_etc:
        return timezone(timedelta(hours=-int(fixed_etc.group(1))))
    if not have_db or zid in NOT_JAVA or zid not in available_timezones():
        return None
    return ZoneInfo(zid)


def local_to_utc(local, tz):
    """ZonedDateTime.of(local, zone).toInstant as a naive UTC datetime."""
    return local.replace(tzinfo=tz, fold=0).astimezone(timezone.utc).replace(tzinfo=None)


def string_to_timestamp(s, have_db):
    if s is None:
        return None
    s = s.strip("".join(chr(c) for c in range(33)))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?(.*)",
                     s, re.S)
    # a time alone: today's date in its zone (LocalDate.now(zoneId))
    t = re.fullmatch(r"T?(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?(.*)", s, re.S)
    if not m and not t:
        return None
    g = (m.groups() if m else (None, None, None) + t.groups())
    frac = (g[6] or "")[:6].ljust(6, "0")
    zone = g[7].strip("".join(chr(c) for c in range(33)))
    tz = get_zone(zone, have_db) if zone else timezone.utc
    if tz is None:
        return None
    day = datetime.now(tz).date() if t and not m else datetime(*(int(x) for x in g[:3])).date()
    local = datetime(day.year, day.month, day.day, *(int(x) for x in g[3:6]), int(frac))
    return local_to_utc(local, tz)


def from_utc(u, zid):
    tz = get_zone(zid, True)
    return u.replace(tzinfo=timezone.utc).astimezone(tz).replace(tzinfo=None)


def to_utc(u, zid):
    return local_to_utc(u, get_zone(zid, True))


def show(ts):
    """Spark's timestamp text (UTC): the fraction without trailing zeros, NULL for None."""
    if ts is None:
        return "NULL"
    t = ts.strftime("%Y-%m-%d %H:%M:%S")
    if ts.microsecond:
        t += ("." + "%06d" % ts.microsecond).rstrip("0")
    return t


def table(path):
    """The rows of the last show() table in path, as lists of trimmed cells."""
    rows, lines = [], open(path).read().splitlines()
    for line in lines:
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows[1:] if rows else rows  # the header is the first


def compare(name, want, got):
    if want != got:
        print(f"{name}: expected.out differs from zoneinfo's answer")
        for w, g in zip(want, got):
            if w != g:
                print("  zoneinfo:", w, "\n  expected:", g)
        if len(want) != len(got):
            print(f"  {len(want)} rows computed, {len(got)} in expected.out")
        return False
    return True


def main():
    root = sys.argv[1]
    ok = True
    data = [json.loads(line) for line in open(os.path.join(root, "tz_data/data/part-0.json"))]
    want = []
    for r in data:
        c = string_to_timestamp(r.get("s"), True)
        t = string_to_timestamp(r.get("t"), True)
        u = string_to_timestamp(r.get("u"), True)
        tz = r.get("tz")
        f = None if u is None or tz is None else from_utc(u, tz)
        g = None if u is None or tz is None else to_utc(u, tz)
        want.append([str(r["id"]), show(c), show(c), show(t), show(f), show(g)])
    ok &= compare("tz_data", want, table(os.path.join(root, "tz_data/expected.out")))

    with open(os.path.join(root, "tz_data_csv/data/part-0.csv")) as f:
        want = [[r["id"], show(string_to_timestamp(r["t"], True))] for r in csv.DictReader(f)]
    ok &= compare("tz_data_csv", want, table(os.path.join(root, "tz_data_csv/expected.out")))

    data = [json.loads(line) for line in open(os.path.join(root, "tz_data_make/data/part-0.json"))]
    want = []
    for r in data:
        tz = None if r["tz"] is None else get_zone(r["tz"], True)
        cells = [str(r["id"])]
        for local in (datetime(2021, 3, 28, 2, 30), datetime(2021, 10, 31, 2, 30, 0, 500000)):
            cells.append(show(None if tz is None else local_to_utc(local, tz)))
        want.append(cells)
    ok &= compare("tz_data_make", want, table(os.path.join(root, "tz_data_make/expected.out")))

    data = [json.loads(line) for line in open(os.path.join(root, "tz_data_time_only/data/part-0.json"))]
    want = []
    for r in data:
        ts = string_to_timestamp(r["s"], True)
        want.append([str(r["id"]), "NULL" if ts is None else ts.strftime("%H:%M:%S.") +
                     "%03d" % (ts.microsecond // 1000)])
    ok &= compare("tz_data_time_only", want,
                  table(os.path.join(root, "tz_data_time_only/expected.out")))

    data = [json.loads(line) for line in open(os.path.join(root, "tz_data_no_tzdata/data/part-0.json"))]
    want = [[str(r["id"]), show(string_to_timestamp(r["s"], False))] for r in data]
    ok &= compare("tz_data_no_tzdata", want,
                  table(os.path.join(root, "tz_data_no_tzdata/expected.out")))
    if ok:
        print("tz_data, tz_data_csv, tz_data_make, tz_data_time_only, tz_data_no_tzdata agree with zoneinfo")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
