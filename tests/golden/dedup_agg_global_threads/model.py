"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch
engine (DROP DUPLICATES WITHIN WATERMARK then a global aggregation of the rows it keeps)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("group", "update", delay=10, keys=[],
                  aggs=["count", "sum_d", "collect_v", "avg_d", "max_t"], pre_dedup=(["k"], True))
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2", "s3"], "q"))
