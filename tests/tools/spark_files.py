"""spark_files.py - what a files source reads, for the python models of the goldens
(tests/golden/*/model.py): a folder's JSON lines files longest first (Spark's
FileSourceScanExec orders a scan's splits by length; connectors.md), each in line order.
"""
import json
import os


def json_rows(folder, **loads):
    """The rows of every file in folder, longest file first (then by name), json.loads(line,
    **loads) of each non-blank line."""
    names = sorted(os.listdir(folder), key=lambda n: (-os.path.getsize(os.path.join(folder, n)), n))
    rows = []
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            rows += [json.loads(line, **loads) for line in fh if line.strip()]
    return rows
