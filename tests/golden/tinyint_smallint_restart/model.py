#!/usr/bin/env python3
# model.py - the expected output of tinyint_smallint_restart, from Spark 3.5's rules: one
# micro-batch per file (maxFilesPerTrigger = 1), the state of every query carried across the
# restarts.  min/max/first/last keep the type (first/last take a NULL unless ignoreNulls),
# sum is BIGINT; GROUP BY and DROP DUPLICATES compare NULL keys as equal; complete mode
# prints every group (ORDER BY g, h: NULLs first), update mode the groups the batch touched,
# DROP DUPLICATES the rows whose key is new.
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

STEPS = [("s1", ["f1.json", "f2.json"]), ("s2", ["f3.json"]), ("s3", ["f4.json"])]


def nn(xs):
    return [x for x in xs if x is not None]


def agg(f, xs):
    xs = nn(xs)
    return f(xs) if xs else None


groups, seen, by_h = {}, set(), {}
out, batch_id = [], 0
for step, files in STEPS:
    out.append("=== step %s ===" % step)
    for f in files:
        rows = [json.loads(line) for line in open(os.path.join(step, f))]
        for r in rows:
            groups.setdefault((r["g"], r["h"]), []).append(r)
        keys = sorted(groups, key=lambda k: tuple((x is not None, x or 0) for x in k))
        table = []
        for k in keys:
            rs = groups[k]
            vs, ws = [r["v"] for r in rs], [r["w"] for r in rs]
            table.append([k[0], k[1], agg(min, vs), agg(max, vs), vs[0], ws[-1], agg(min, ws),
                          agg(max, ws), agg(sum, vs), agg(sum, ws), len(rs)])
        out += show_batch(batch_id, ["g", "h", "min_v", "max_v", "first_v", "last_w", "min_w",
                                     "max_w", "sum_v", "sum_w", "n"], table)
        new = []
        for r in rows:
            if (r["g"], r["w"]) not in seen:
                seen.add((r["g"], r["w"]))
                new.append([r["g"], r["w"], r["v"]])
        out += show_batch(batch_id, ["g", "w", "v"], new)
        touched = []
        for r in rows:
            by_h.setdefault(r["h"], []).append(r)
            if r["h"] not in touched:
                touched.append(r["h"])
        table = []
        for h in touched:  # update mode: the order the batch met them (StateStoreSaveExec)
            rs = by_h[h]
            ws = nn([r["w"] for r in rs])
            table.append([h, agg(max, [r["v"] for r in rs]), agg(min, ws), ws[0] if ws else None])
        out += show_batch(batch_id, ["h", "max_v", "min_w", "first_w"], table)
        batch_id += 1
print("\n".join(out))
