"""Spark 3.5's output for this golden: the WHERE over the computing subquery filters as a WHERE
over the source would, upper(k) = 'A' below the watermark and time + 1 hour < 14:00 above it
(tests/tools/streamdiff.py's model of the micro-batch engine)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

T13 = sd.parse_time("2024-04-01 13:00:00")
q = sd.make_query("window", "append", delay=600, keys=(), aggs=["count"], size=600, subq=True, where=[
    ("upper(k) = 'A'", lambda w: w["k"] is not None and w["k"].upper() == "A", False),
    ("time + INTERVAL '1 hour' < TIMESTAMP '2024-04-01 14:00:00'",
     lambda w: w["time"] is not None and w["time"] < T13, True)])
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"]))
