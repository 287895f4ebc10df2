#!/usr/bin/env python3
# model.py - the expected output of partition_fns, computed apart from sluice: each batch of
# three files (in name order, the files' modification order) read as Spark 3.5 scans it
# (FileSourceScanExec: longest first, a stable sort; each file a partition of its own), the
# partition's index (SparkPartitionID) and MonotonicallyIncreasingID ((index << 33) + the rows
# the call saw in the partition) per call: all_id below the WHERE, odd_id above it.  rand and
# randn are only checked for their range and type (a new random seed each batch in a stream).
#
#   python3 model.py > expected.out
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402


def main():
    d = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    names = sorted(os.listdir(d))
    out = []
    for b in range(0, len(names), 3):
        files = sorted(names[b:b + 3], key=lambda f: -os.path.getsize(os.path.join(d, f)))
        rows = []
        for p, f in enumerate(files):
            with open(os.path.join(d, f)) as fh:
                recs = [json.loads(line) for line in fh if line.strip()]
            odd = 0
            for i, rec in enumerate(recs):
                if rec["v"] is None or rec["v"] % 2 != 1:
                    continue
                rows.append([rec["k"], rec["v"], p, (p << 33) + i, (p << 33) + odd, f, "true",
                             "double"])
                odd += 1
        out += show_batch(b // 3, ["k", "v", "p", "all_id", "odd_id", "file", "r_ok", "g_type"],
                          rows)
    print("\n".join(out))


if __name__ == "__main__":
    main()
