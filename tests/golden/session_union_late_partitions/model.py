"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("session", "complete", delay=10, keys=("k",), aggs=["count"], gap=3)
q.union, q.policy = (10, 10), "min"
sys.stdout.write(sd.golden_output(q, HERE, ["s1"], progress_name="q"))
# Batch 0: partition 0 of the union (events' file) has (a, [00:00:04, 00:00:07)) for two rows
# and (a, [00:00:05, 00:00:08)); partition 1 (events2's) (a, [00:00:04, 00:00:07)) and
# (b, [00:00:09, 00:00:12)): four partial rows, all late (their ends are before 1970).
