"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("window", "append", delay=0, keys=("k",), aggs=["count"], size=10, slide=5)
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"], progress_name="counts"))
# Batch 2 runs with the late threshold 12:00:30 (batch 1's watermark): 12:00:01 (twice, a) and
# 12:00:02 (b) fall in [11:59:55, 12:00:05) and [12:00:00, 12:00:10), both ending before it:
# the groups (a, two windows) and (b, two windows) are late, numRowsDroppedByWatermark 4.
# 12:00:36 updates (a, [12:00:30, 12:00:40)) to 2 and adds (a, [12:00:35, 12:00:45)).  The
# watermark becomes 12:00:36; the no-data batch 3 emits and evicts (a, [12:00:25, 12:00:35)).
