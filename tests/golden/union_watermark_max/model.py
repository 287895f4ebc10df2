"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("window", "append", delay=0, keys=("k",), aggs=["count"], size=10)
q.union, q.policy = (0, 0), "max"
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2", "s3"], progress_name="q"))
# Step s1: the sources' watermarks become 12:00:32 (events) and 12:00:12 (events2); the query's
# is their maximum, 12:00:32 (min would give 12:00:12), so the no-data batch 1 emits every
# window ending at or before it: (a, [0, 10)), (b, [0, 10)) and (b, [10, 20)).  Step s2 (a
# restart: both sources start again from "not seen"): batch 2's late threshold is batch 1's
# watermark 12:00:32, so events2's 12:00:15 and 12:00:25 (windows ending 12:00:20 and
# 12:00:30) are dropped (numRowsDroppedByWatermark 2); 12:00:36 makes (a, [30, 40)) 2; the
# watermark becomes max(12:00:36, 12:00:25) = 12:00:36, which closes nothing.  Step s3: only
# events2 reads a row (12:00:41); events has seen none since the restart and counts as 0
# (WatermarkTracker: getOrElse(0L)), which max passes over: the watermark moves to 12:00:41
# and the no-data batch 5 emits (a, [30, 40)).  Under min it would stay at 12:00:36 (min(0,
# 12:00:41) = 0 does not move it) and batch 5 would not run.
