#!/usr/bin/env python3
# model.py - the expected output of to_timestamp_zone_names, computed apart from sluice:
# spark_datetime_parse.parse_zoned_micros reads each text as Spark 3.5's
# Iso8601TimestampFormatter does, its z and zzzz walking Java 17's PrefixTree of zone ids and
# names (common/cm_zone_names.h, dumped from the JDK by scripts/gen_zone_names.java), the
# local time read in the zone found with python's zoneinfo (ZonedDateTime.of: a gap later, an
# overlap the earlier offset); format_ts prints date_format's v and vvvv.  Printed as the
# console sink prints a micro-batch.
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_datetime_parse import format_ts, parse_zoned_micros, show_any_ts  # noqa: E402
from spark_show import batch  # noqa: E402


def ts(s, pattern):
    us = None if s is None else parse_zoned_micros(s, pattern)
    return us


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    with open(os.path.join(here, "data", "part-0.json"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            s, lng = r.get("s"), r.get("l")
            z = ts(s, "yyyy-MM-dd HH:mm:ss z")
            zzzz = ts(lng, "yyyy-MM-dd HH:mm:ss zzzz")
            rows.append([str(r["id"]), "NULL" if s is None else s, "NULL" if lng is None else lng,
                         "NULL" if z is None else show_any_ts(z),
                         "NULL" if zzzz is None else show_any_ts(zzzz),
                         "NULL" if z is None else format_ts("HH:mm v|vvvv", z)])
    print("\n".join(batch(0, ["id", "s", "l", "z", "zzzz", "f"], rows)))


main()
