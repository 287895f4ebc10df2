"""Spark 3.5's output for this golden: tests/tools/streamdiff.py's model of the micro-batch engine."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import streamdiff as sd  # noqa: E402

q = sd.make_query("window", "update", keys=("k",), aggs=["count", "sum_v"], size=10)
sys.stdout.write(sd.golden_output(q, HERE, ["s1", "s2"], order_update=True))
# Step s1 meets b then a: (b, [12:00:00, 12:00:10)) 2 rows sum 4, then (a, ...) 1 row sum 2.
# Step s2 meets a, then c's [12:00:10, 12:00:20), then b, then c's [12:00:00, 12:00:10), and
# emits them in that order: a 2/6, c 1/5, b 3/10, c 1/7 (not b, a, then the new groups, the
# order the state made them in).
