#!/usr/bin/env python3
# model.py - the expected output of csv_multiline_split_files, computed apart from sluice.
# Each file is read whole (MultiLineCSVDataSource): records end at a '\n' outside quotes, a
# quoted field keeps its '\n's and commas, the first record is the header.  A batch's files
# are read longest first (FileSourceScanExec.createReadRDD; a stable sort of the batch's
# order: oldest first, here the names' order), the i-th file being partition i.
# Query `rows` (append mode, one batch of all seven files): the rows of amount % 4 <> 1
# (Java's remainder), the note as to_json prints it, its length in characters.
# Query `cities` (update mode, maxFilesPerTrigger = 3: batches a-c, d-f, g): per city count,
# sum, max(length(note)), first and last id; the groups a batch updated printed in the order
# the batch met them (StateStoreSaveExec in Update mode).  The scheduler runs each query's batches in turn: rows 0,
# cities 0, cities 1, cities 2.
#
#   python3 model.py > expected.out
import json
import math
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

DATA = os.path.join(here, "data")


def records(text):
    """The file's records, each a list of fields (none of the files has a field both quoted
    and not, an escape or an empty line outside quotes)."""
    out, rec, field, quoted, i = [], [], "", False, 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == '"':
                quoted = False
            else:
                field += c
        elif c == '"':
            quoted = True
        elif c == ",":
            rec.append(field)
            field = ""
        elif c == "\n":
            rec.append(field)
            out.append(rec)
            rec, field = [], ""
        else:
            field += c
        i += 1
    assert not rec and not field
    return out


def read(names):
    """The rows of a batch of files (in their batch order), longest file first."""
    files = sorted(names, key=lambda n: -os.path.getsize(os.path.join(DATA, n)))
    rows = []
    for part, name in enumerate(files):
        with open(os.path.join(DATA, name), encoding="utf-8") as f:
            recs = records(f.read())
        assert recs[0] == ["id", "city", "note", "amount"]
        rows += [(int(r[0]), r[1], r[2], int(r[3]), part) for r in recs[1:]]
    return rows


def java_rem(a, b):
    return int(math.fmod(a, b))


names = sorted(os.listdir(DATA))
lines = []
out = [[str(i), c, json.dumps({"note": n}, separators=(",", ":")), str(len(n)), str(a), str(p)]
       for i, c, n, a, p in read(names) if java_rem(a, 4) != 1]
lines += show_batch(0, ["id", "city", "note", "len", "amount", "part"], out)

state = {}
for b in range(0, len(names), 3):
    touched = []
    for i, c, n, a, p in read(names[b:b + 3]):
        st = state.setdefault(c, {"n": 0, "total": 0, "longest": 0, "first": i, "last": i})
        st["n"] += 1
        st["total"] += a
        st["longest"] = max(st["longest"], len(n))
        st["last"] = i
        if c not in touched:
            touched.append(c)
    out = [[c, str(state[c]["n"]), str(state[c]["total"]), str(state[c]["longest"]),
            str(state[c]["first"]), str(state[c]["last"])] for c in touched]
    lines += show_batch(b // 3, ["city", "n", "total", "longest", "first_id", "last_id"], out)
print("\n".join(lines))
