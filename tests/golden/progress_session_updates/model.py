"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("session", "complete", keys=("k",), aggs=["count"], gap=10)
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"], progress_name="sessions"))
# Batch 0: a's sessions [12:00:00, 12:00:10) and [12:00:30, 12:00:40), both put.  Batch 1:
# 12:00:08 joins the first ([12:00:00, 12:00:18), count 2); 12:00:22 starts [12:00:22,
# 12:00:32), which takes in the one of 12:00:30 ([12:00:22, 12:00:40), count 2); b gets
# [12:00:05, 12:00:15).  Put: a's 2 sessions and b's 1 = 3; removed: the stored start 12:00:30,
# no session's start now = 1.
