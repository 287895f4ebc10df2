"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("window", "append", delay=600, keys=["k"], aggs=["count"], size=600, having=[
    ("k <> 'b'", lambda o: o["k"] is not None and o["k"] != "b", True),
    ("count(*) > 1", lambda o: o["count"] > 1, False)])
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"], progress_name="counts"))
