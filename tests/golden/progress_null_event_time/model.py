"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("window", "append", delay=5, keys=(), aggs=["count"], size=10)
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"], progress_name="counts"))
# Batch 0's event times in ms: 1711972801000, 0 (the NULL), 1711972812000: min 0, max
# 12:00:12, avg the running mean of EventTimeStats.add, 1141315204333.33 -> toLong
# 1141315204333 = 2006-03-02T16:00:04.333Z; two windows in state.  The watermark becomes
# 12:00:07: the no-data batch 1 emits nothing ([12:00:00, 12:00:10) ends after it).  Batch 2: two
# NULL times: count 2, max = min = avg = 0 = 1970-01-01T00:00:00.000Z; the candidate -5 s
# leaves the watermark at 12:00:07.
