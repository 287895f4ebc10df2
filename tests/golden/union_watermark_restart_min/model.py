"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

# Every run restores the checkpoint's min (MicroBatchExecution.populateStartOffsets:
# OffsetSeqMetadata.setSessionConf, then WatermarkTracker(conf)), whatever the query says.
q = sd.make_query("window", "append", delay=0, keys=("k",), aggs=["count"], size=10)
q.union, q.policy = (0, 0), "min"
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2", "s3"], progress_name="q"))
# Step s1: watermarks 12:00:32 and 12:00:12, the query's 12:00:12: batch 1 emits (a, [0, 10))
# and (b, [0, 10)).  Step s2: batch 2's late threshold 12:00:12, so 12:00:15 joins (b, [10,
# 20)) and 12:00:25 opens (b, [20, 30)); the watermark becomes min(12:00:36, 12:00:25) =
# 12:00:25 and batch 3 emits (b, [10, 20)) with 2.  Step s3: events2's 12:00:41 opens (b, [40,
# 50)); events counts as 0 since the restart, so the watermark stays 12:00:25 and no no-data
# batch runs.
