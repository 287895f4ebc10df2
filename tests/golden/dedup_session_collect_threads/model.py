"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch
engine (DROP DUPLICATES, then a session window aggregation of the rows it keeps: a partial
aggregate per key and timestamp in arrival order, merged with the stored sessions)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("session", "append", delay=5, keys=["k"], aggs=["count", "sum_d", "avg_d", "max_v", "collect_v"],
                  gap=5, pre_dedup=(["v"], False))
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"], "q"))
