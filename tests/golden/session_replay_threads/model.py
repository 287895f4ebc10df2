"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine
(SessionWindowStateStoreRestoreExec, MergingSessionsExec: a batch's rows aggregated per key and
timestamp in arrival order, then merged with the stored sessions in order of start)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("session", "append", delay=600, aggs=["count", "sum_d", "avg_d", "sum_v", "max_d"],
                  gap=300)
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"]))
