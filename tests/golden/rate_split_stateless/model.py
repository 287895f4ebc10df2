#!/usr/bin/env python3
# model.py - the expected output of rate_split_stateless, computed apart from sluice.
# rate-micro-batch (RatePerMicroBatchStream, RatePerMicroBatchStreamPartitionReader): batch b
# holds the values [40b, 40b + 40), all stamped startTimestamp + 250b ms, read as 2
# partitions in turn (partition p: the values 40b + p, 40b + p + 2, ...), so the console
# prints partition 0's rows, then partition 1's; spark_partition_id() is p.
#
#   python3 model.py > expected.out
import datetime
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

ROWS, PARTS, START_MS, ADVANCE_MS = 40, 2, 1700000000000, 250


def stamp(ms):
    t = datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc)
    s = t.strftime("%Y-%m-%d %H:%M:%S")
    frac = ("%03d" % (ms % 1000)).rstrip("0")  # Spark prints a timestamp's fraction trimmed
    return s + ("." + frac if frac else "")


lines = []
for b in range(3):
    ts = START_MS + ADVANCE_MS * b
    out = []
    for p in range(PARTS):
        for v in range(ROWS * b + p, ROWS * (b + 1), PARTS):
            if v % 3 != 1:
                out.append([stamp(ts), str(v), str(v * 3 - 1), str(p),
                            "true" if v % 5 == 0 else "false"])
    lines += show_batch(b, ["timestamp", "value", "v3", "part", "fifth"], out)
print("\n".join(lines))
