"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

# Every run restores the checkpoint's MAX (MicroBatchExecution.populateStartOffsets:
# OffsetSeqMetadata.setSessionConf, then WatermarkTracker(conf)), whatever the query says.
q = sd.make_query("window", "append", delay=0, keys=("k",), aggs=["count"], size=10)
q.union, q.policy = (0, 0), "max"
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2", "s3"], progress_name="q"))
