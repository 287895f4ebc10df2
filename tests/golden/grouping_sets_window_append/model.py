#!/usr/bin/env python3
# model.py - the expected output of grouping_sets_window_append, computed apart from sluice
# with tests/tools/spark_grouping.py: ROLLUP(window(t, '10 minutes'), k1) in append mode, a
# watermark 5 minutes behind the latest time, one batch per file and a batch without data
# when the watermark moved after the last file of a run (Spark's shouldRunAnotherBatch).
#
#   python3 model.py > expected.out
import datetime
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_grouping import Stream, fmt_ts, rollup, step_batches, ts  # noqa: E402
from spark_show import batch as show_batch  # noqa: E402

STEPS = (("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]))
KEYS = ["window", "k1"]
SETS = rollup([["window"], ["k1"]])
MIN10 = datetime.timedelta(minutes=10)


def windows(r):
    """TimeWindowing: the one tumbling window of the row's time; none without a time."""
    if r["t"] is None:
        return []
    t = ts(r["t"])
    start = t.replace(minute=t.minute // 10 * 10, second=0)
    return [{"window": (start, start + MIN10), "k1": r["k1"]}]


st = Stream(KEYS, SETS, lambda: (0, 0), lambda a, r: (a[0] + 1, a[1] + r["v"]),
            event_key="window", delay=datetime.timedelta(minutes=5))
NAMES = ["ws", "we", "k1", "gid", "n", "total"]


def emit(b):
    """The groups the batch's watermark makes final (append mode), evicted."""
    states = dict(st.groups)
    table = []
    for g in st.evict():
        w = g[0][0]
        n, total = states[g]
        table.append([fmt_ts(w[0]), fmt_ts(w[1]), g[0][1], g[1], n, total])
    return show_batch(b, NAMES, table)


out, b = [], 0
for step, rows, last, head in step_batches(here, STEPS):
    out += [head] if head else []
    st.batch(rows, time_of=lambda r: ts(r["t"]) if r["t"] else None, key_values=windows)
    out += emit(b)
    b += 1
    wm = st.next_watermark()
    if last and wm != st.watermark:  # the watermark moved: a batch without data
        st.watermark = wm
        out += emit(b)
        b += 1
    st.watermark = wm
print("\n".join(out))
