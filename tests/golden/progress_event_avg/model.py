"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("window", "update", delay=5, keys=("k",), aggs=["count"], size=10)
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"], progress_name="counts"))
# EventTimeStats.add over batch 0's times t (ms), as Scala's doubles: avg += (t - avg) / count.
# From 12:00:00 (1711972800000) the rows add 0, 1, 2, 3, 6, 17, 22, 29 s: the exact mean is
# 1711972810000, the double 1711972809999.9998 (the additions round at 2^-12 ms), toLong
# 1711972809999 = 2024-04-01T12:00:09.999Z.  Batch 1, 30 ... 50 s: exact 1711972838000, the
# double 1711972837999.9998, printed 12:00:37.999.
