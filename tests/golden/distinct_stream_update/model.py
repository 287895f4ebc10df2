"""Spark 3.5's output for this golden: SELECT DISTINCT as an aggregation grouping by its items
(ReplaceDistinctWithAggregate), one micro-batch per file, the two queries' batches in turn."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
from spark_show import batch as show  # noqa: E402


def rows(name):
    with open(os.path.join(HERE, "data", "events", name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def first_met(keys):
    out = []
    for k in keys:
        if k not in out:
            out.append(k)
    return out


table = []  # the complete query's state, in the order its groups were made
out = []
for b, name in enumerate(["1.json", "2.json"]):
    batch = rows(name)
    # update: the groups this batch met (n % 2 of a non-negative n), WHERE n < 9 first
    met = first_met([(r["action"].upper(), r["n"] % 2) for r in batch if r["n"] < 9])
    out += show(b, ["act", "odd"], met)
    table = first_met(table + [(r["action"], r["n"] % 3) for r in batch])
    out += show(b, ["action", "r"], table)
sys.stdout.write("\n".join(out) + "\n")
