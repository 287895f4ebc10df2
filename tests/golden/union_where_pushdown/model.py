"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("window", "append", delay=0, keys=(), aggs=["count"], size=10,
                  where=[("k = 'a'", lambda w: w["k"] == "a", False)])
q.union, q.policy = (0, 0), "min"
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"]))
# Step s1: only the k = 'a' rows reach each EventTimeWatermarkExec, so the sources' watermarks
# are 12:00:01 and 12:00:02 (not 12:00:30 and 12:00:40) and the query's is 12:00:01: the
# no-data batch 1 emits nothing.  Step s2 (a restart: both sources start again from "not
# seen"): 12:00:05's window ends at 12:00:10, after 12:00:01, so it is counted; the sources'
# watermarks become 12:00:20 and 12:00:25, the query's 12:00:20, and the no-data batch 3 emits
# [12:00:00, 12:00:10) with count 3 (12:00:01, 12:00:02, 12:00:05).
