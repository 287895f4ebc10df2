#!/usr/bin/env python3
# model.py - the expected output of dedup_agg_rollup_threads, computed apart from sluice:
# StreamingDeduplicateExec keeps the first row of each id (ids never forgotten without a
# watermark), then ROLLUP(k1, k2)'s Expand (tests/tools/spark_grouping.py) and a streaming
# aggregation in update mode: each batch's rows aggregated into a partial buffer per group in
# read order (Sum: coalesce(sum, 0) + d; Collect: values appended, NULLs skipped), merged into
# the state (Sum.mergeExpressions: coalesce(coalesce(left, 0) + right, left); Collect: the
# state's values then the batch's); the groups a batch changed are printed in the order the
# batch met them (StateStoreSaveExec in Update mode).
#
#   python3 model.py > expected.out
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_grouping import expand, rollup, step_batches  # noqa: E402
from spark_show import batch as show_batch, java_double  # noqa: E402

STEPS = (("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]))
KEYS = ["k1", "k2"]
SETS = rollup([["k1"], ["k2"]])
seen = set()
state = {}  # group -> [n, sum, values], first seen first
out = []
for b, (step, rows, last, head) in enumerate(step_batches(here, STEPS)):
    out += [head] if head else []
    partial = {}
    for r in rows:
        if r["id"] in seen:
            continue
        seen.add(r["id"])
        for g in expand(KEYS, SETS, {k: r.get(k) for k in KEYS}):
            p = partial.setdefault(g, [0, None, []])
            p[0] += 1
            if r.get("d") is not None:
                p[1] = (0.0 if p[1] is None else p[1]) + r["d"]
            if r.get("v") is not None:
                p[2].append(r["v"])
    for g, p in partial.items():
        s = state.setdefault(g, [0, None, []])
        s[0] += p[0]
        if p[1] is not None:
            s[1] = (0.0 if s[1] is None else s[1]) + p[1]
        s[2] = s[2] + p[2]
    table = []
    for g in partial:
        (k1, k2), gid, _ = g
        n, sd, vs = state[g]
        table.append([k1, k2, gid, n, None if sd is None else java_double(sd),
                      "[" + ", ".join(str(v) for v in vs) + "]"])
    out += show_batch(b, ["k1", "k2", "gid", "n", "sd", "vs"], table)
print("\n".join(out))
