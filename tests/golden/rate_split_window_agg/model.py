#!/usr/bin/env python3
# model.py - the expected output of rate_split_window_agg, computed apart from sluice.
# rate-micro-batch (RatePerMicroBatchStream): batch b holds the values [3000b, 3000b + 3000),
# all stamped startTimestamp + 1500b ms, read as 3 partitions in turn (partition p: the
# values 3000b + p, 3000b + p + 3, ...).  Per (2-second window, value % 7) group, a streaming
# aggregation in update mode: a batch's partial buffer of each group it touches (rows in
# partition order) merged into the state (Sum/Average: state + batch partial; First: the
# state's; Last: the batch's), the groups a batch updated printed in the order the batch
# met them (StateStoreSaveExec in Update mode).  avg and sum(value / 3) add doubles (Average's sum is a DOUBLE for a
# BIGINT input; `/` divides as doubles).
#
#   python3 model.py > expected.out
import datetime
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

ROWS, PARTS, START_MS, ADVANCE_MS, WINDOW_MS = 3000, 3, 1700000000000, 1500, 2000


def stamp(ms):
    return datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).strftime(
        "%Y-%m-%d %H:%M:%S")


state = {}  # (window start ms, k) -> aggregates, in the order first met
lines = []
for b in range(4):
    ts = START_MS + ADVANCE_MS * b
    w = ts - ts % WINDOW_MS
    partial = {}
    for p in range(PARTS):
        for v in range(ROWS * b + p, ROWS * (b + 1), PARTS):
            g = partial.setdefault((w, v % 7), {"n": 0, "total": 0, "lo": v, "hi": v,
                                                "head": v, "tail": v, "dsum": 0.0,
                                                "thirds": 0.0})
            g["n"] += 1
            g["total"] += v
            g["lo"] = min(g["lo"], v)
            g["hi"] = max(g["hi"], v)
            g["tail"] = v
            g["dsum"] += float(v)
            g["thirds"] += v / 3
    for key, g in partial.items():
        st = state.get(key)
        if st is None:
            state[key] = dict(g)
            continue
        st["n"] += g["n"]
        st["total"] += g["total"]
        st["lo"] = min(st["lo"], g["lo"])
        st["hi"] = max(st["hi"], g["hi"])
        st["tail"] = g["tail"]
        st["dsum"] += g["dsum"]
        st["thirds"] += g["thirds"]
    out = []
    for ws, k in partial:  # update mode: the order the batch met them (StateStoreSaveExec)
        st = state[(ws, k)]
        out.append(["{%s, %s}" % (stamp(ws), stamp(ws + WINDOW_MS)), str(k), str(st["n"]),
                    str(st["total"]), str(st["lo"]), str(st["hi"]), str(st["head"]),
                    str(st["tail"]), st["dsum"] / st["n"], st["thirds"]])
    lines += show_batch(b, ["window", "k", "n", "total", "lo", "hi", "head", "tail", "mean",
                            "thirds"], out)
print("\n".join(lines))
