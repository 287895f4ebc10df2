"""Spark 3.5's output for this golden: SELECT DISTINCT as an aggregation grouping by its items
(ReplaceDistinctWithAggregate) in append mode, one micro-batch per file.  A batch drops the
rows at or before the watermark and emits (then evicts) the groups whose window ends at or
before it; the watermark (latest event time - 5 s) moves after the batch, and a batch without
data follows the last file when it moved.  Groups come in the order they were made.  The chained count
receives the pairs in the batch the first level emits them, with the same watermark."""
import datetime
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
from spark_show import batch as show  # noqa: E402

SIZE, DELAY = 10, 5


def rows(name):
    with open(os.path.join(HERE, "data", "events", name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def secs(t):
    return int(datetime.datetime.fromisoformat(t).timestamp())


def fmt(s):
    return datetime.datetime.fromtimestamp(s).strftime("%Y-%m-%d %H:%M:%S")


def window(start):
    return "{%s, %s}" % (fmt(start), fmt(start + SIZE))


pairs, wm, max_t = [], None, None   # the first level's state, in order made
counts = {}                         # the second level's state: window start -> count
out_pairs, out_counts = [], []


def run_batch(b, batch):
    global pairs, max_t
    for r in batch:
        t = secs(r["time"])
        if wm is not None and t <= wm:
            continue
        max_t = t if max_t is None else max(max_t, t)
        key = (t - t % SIZE, r["action"])
        if key not in pairs:
            pairs.append(key)
    done = [p for p in pairs if wm is not None and p[0] + SIZE <= wm]
    pairs = [p for p in pairs if p not in done]
    out_pairs.extend(show(b, ["w", "action"], [(window(s), a) for s, a in done]))
    for s, _ in done:
        counts[s] = counts.get(s, 0) + 1
    final = [s for s in counts if s + SIZE <= wm] if wm is not None else []
    out_counts.extend(show(b, ["w", "actions"], [(window(s), counts.pop(s)) for s in final]))


# a batch per file while files remain (the watermark moving after each), then one batch
# without data if the last one moved it (MicroBatchExecution runs no-data batches only when
# no new data is available)
names = ["1.json", "2.json", "3.json"]
out, moved = [], False
for b, name in enumerate(names + [None]):
    if name is None and not moved:
        break
    n, m = len(out_pairs), len(out_counts)
    run_batch(b, rows(name) if name else [])
    out += out_pairs[n:] + out_counts[m:]
    moved = wm is None or max_t - DELAY > wm
    wm = max_t - DELAY if wm is None else max(wm, max_t - DELAY)
sys.stdout.write("\n".join(out) + "\n")
