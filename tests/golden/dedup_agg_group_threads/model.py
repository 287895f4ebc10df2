"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch
engine (DROP DUPLICATES then the aggregation of the rows it keeps, in read order)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("group", "complete", keys=["k"], aggs=["count", "sum_d", "avg_d", "collect_v"],
                  pre_dedup=(["v"], False))
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"], "q"))
