"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("window", "append", delay=5, keys=(), aggs=["count"], size=10)
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"], progress_name="counts"))
# Times in s after 12:00:00 (1711972800000 ms); each file's running mean (EventTimeStats.add)
# in a double, then EventTimeStats.merge in partition order.  Batch 0: c.json 0, 2, 4, 7, 9, 34
# (mean 1711972809333.3333), b.json 5, 6, 29 (1711972813333.3333), a.json 17, 52
# (1711972834500.0): merged 1711972814999.9998, printed 12:00:14.999; the exact mean is
# 1711972815000, which a single running mean over the 11 rows and the merge in the order a, b,
# c both give.  Batch 2: e.json 60, 61, 94, 100, 109 (1711972884800.0) and d.json 70, 89, 97
# (1711972885333.3333): merged 1711972885000.0, 12:01:25.000; one running mean over the 8 rows
# gives 1711972884999.9998.
