"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("session", "complete", delay=600, aggs=["count"], gap=300)
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2", "s3"]))
