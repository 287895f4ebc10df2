"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("window", "append", delay=0, keys=(), aggs=["count"], size=10,
                  where=[("v > 0", lambda w: w["v"] > 0, False)])
q.union, q.policy = (0, 0), "min"
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"]))
# Step s1: only the v > 0 rows reach each EventTimeWatermarkExec, so the sources' watermarks
# are 12:00:01 and 12:00:02 (not 12:00:30 and 12:00:40, which would make the query's
# 12:00:30 and close [12:00:00, 12:00:10) in the no-data batch 1) and the query's is
# 12:00:01.  Step s2 (a restart): 12:00:05 is not late, the sources' watermarks become
# 12:00:20 and 12:00:25, the query's 12:00:20, and the no-data batch 3 emits
# [12:00:00, 12:00:10) with count 3 (12:00:01, 12:00:02, 12:00:05).
