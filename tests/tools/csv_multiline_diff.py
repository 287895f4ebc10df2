#!/usr/bin/env python3
"""csv_multiline_diff.py - random CSV files read with multiLine = true, sluice against
spark_csv_multiline.py (univocity 2.9.1 and Spark 3.5's MultiLineCSVDataSource as a model), or
with --lines (multiLine = false) against spark_csv_read.read_text.

    csv_multiline_diff.py SLUICE [--seed N] [--rounds R] [--files F] [--threads T] [--keep DIR]
                          [--lines]

Each round writes F small files (quotes, escapes, commas, spaces, tabs, "\\n", "\\r\\n" and "\\r"
in random order, some with a byte order mark, some empty), picks header,
ignoreLeadingWhiteSpace and ignoreTrailingWhiteSpace at random, builds a query reading them as
STRING columns a, b, c and _corrupt_record (PERMISSIVE) and compares every file's rows, as hex,
with the model's; in half the rounds the query reads a random part of a, b and c and not
_corrupt_record, so Spark prunes the others (univocity's selectIndexes: their values
skipped, skipQuotedString and skipString, after each file's first record).  A file the model says Spark fails on (univocity 2.9.1's getString reading
before its buffer) is left out of the round and read alone (three of them a round): the query
must fail.  Exits 1 on the first difference, printing the
file and both sides.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import spark_csv_multiline as model  # noqa: E402
import spark_csv_read  # noqa: E402

RUN_ARGS = []  # --threads: ["--threads", N, "--task-bytes", 7]
LINES = [False]  # --lines: multiLine = false
FAILED = [0]  # files read alone that fail Spark's task, as they must
PIECES = ["a", "b", "xy", ",", ",", ";", '"', '"', '"', "\\", " ", "\t", "\n", "\n", "\r\n", "\r",
          "#", "'"]


def random_file(rng):
    kind = rng.random()
    if kind < 0.05:
        return ""
    n = rng.randint(1, 24)
    if kind < 0.35:  # mostly one line-ending style
        nl = rng.choice(["\n", "\r\n", "\r"])
        pieces = [nl if p in ("\n", "\r\n", "\r") and rng.random() < 0.8 else p for p in PIECES]
    else:
        pieces = PIECES
    text = "".join(rng.choice(pieces) for _ in range(n))
    if rng.random() < 0.08 and not LINES[0]:
        text = "\ufeff" + text
    return text


def hexs(v):
    return None if v is None else v.encode("utf-8").hex().upper()


def expected_rows(text, opts, cols):
    """The model's rows of the columns cols reads (None: a, b, c and _corrupt_record)."""
    rows = []
    read = spark_csv_read.read_text if LINES[0] else model.read_file
    select = None if cols is None else set(cols)
    for vals, bad in read(text, 3, select=select, **opts):
        if cols is None:
            rows.append(tuple(hexs(v) for v in vals) + (hexs(bad),))
        else:
            rows.append(tuple(hexs(vals[i]) for i in cols))
    return rows


def query(opts, cols):
    flag = {True: "true", False: "false"}

    def lit(s):
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\t", "\\t") + "'"
    return f"""CREATE SOURCE s (a STRING, b STRING, c STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data', format = 'csv',
        multiLine = {flag[not LINES[0]]},
        header = {flag[opts['header']]}, ignoreLeadingWhiteSpace = {flag[opts['lead']]},
        ignoreTrailingWhiteSpace = {flag[opts['trail']]}, sep = {lit(opts['sep'])},
        quote = {lit(opts['quote'])}, escape = {lit(opts['escape'])},
        nullValue = {lit(opts['null_value'])}, emptyValue = {lit(opts['empty_value'])});
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 1000000);
INSERT INTO console
  SELECT input_file_name() AS f, {select_list(cols)}
  FROM s;
"""


def select_list(cols):
    if cols is None:
        return "hex(a) AS a, hex(b) AS b, hex(c) AS c, hex(_corrupt_record) AS bad"
    return ", ".join(f"hex({'abc'[i]}) AS {'abc'[i]}" for i in cols)


def actual_rows(out):
    rows = {}
    for line in out.splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0] == "f":
            continue
        name = os.path.basename(cells[0])
        vals = tuple(None if c == "NULL" else c for c in cells[1:])
        rows.setdefault(name, []).append(vals)
    return rows


def run_round(sluice, rng, n_files, work):
    opts = {"header": rng.random() < 0.5, "lead": rng.random() < 0.3,
            "trail": rng.random() < 0.3, "sep": rng.choice([",", ",", ",", ";", "\t", "#"]),
            "quote": rng.choice(['"', '"', '"', "'"]),
            "escape": rng.choice(["\\", "\\", '"', "'", "x"]),
            "null_value": rng.choice(["", "", "a", "xy"]),
            "empty_value": rng.choice(["", "", "b", "xy"])}
    cols = None  # all, the corrupt record too; else a part, pruned
    if rng.random() < 0.5:
        cols = sorted(rng.sample(range(3), rng.randint(1, 2)))
    data = os.path.join(work, "data")
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(data)
    texts, fails = {}, []
    for k in range(n_files):
        text = random_file(rng)
        try:
            exp = expected_rows(text, opts, cols)
        except IndexError:
            fails.append(text)  # Spark's task fails (univocity 2.9.1's getString)
            continue
        name = f"f{k:04d}.csv"
        with open(os.path.join(data, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        texts[name] = (text, exp)
    with open(os.path.join(work, "query.sql"), "w") as f:
        f.write(query(opts, cols))
    subprocess.run([sluice, "build", "query.sql", "-o", "q"], cwd=work, check=True,
                   stdout=subprocess.DEVNULL)
    r = subprocess.run(["./q", "--trigger", "availableNow"] + RUN_ARGS, cwd=work,
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        return False
    got = actual_rows(r.stdout)
    if fails:  # each alone: the query fails, naming univocity's exception
        with open(os.path.join(work, "fail.sql"), "w") as f:
            f.write(query(opts, cols).replace("path = 'data'", "path = 'fail'"))
        subprocess.run([sluice, "build", "fail.sql", "-o", "qf"], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        for text in fails[:3]:
            FAILED[0] += 1
            fdir = os.path.join(work, "fail")
            shutil.rmtree(fdir, ignore_errors=True)
            os.makedirs(fdir)
            with open(os.path.join(fdir, "f.csv"), "w", encoding="utf-8", newline="") as f:
                f.write(text)
            rf = subprocess.run(["./qf", "--trigger", "availableNow"], cwd=work,
                                capture_output=True, text=True)
            if rf.returncode == 0 or "ArrayIndexOutOfBoundsException" not in rf.stderr:
                print(f"expected a failure: {opts} {text!r}\n{rf.stdout}{rf.stderr}")
                return False
    for name, (text, exp) in sorted(texts.items()):
        if got.get(name, []) != exp:
            print(f"differs: {name} {opts} columns {cols} {text!r}")
            print(f"  model:  {exp}")
            print(f"  sluice: {got.get(name, [])}")
            return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sluice")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--keep")
    ap.add_argument("--threads", type=int, help="split batches into tasks on this many threads")
    ap.add_argument("--lines", action="store_true", help="multiLine = false")
    a = ap.parse_args()
    LINES[0] = a.lines
    if a.threads:
        RUN_ARGS.extend(["--threads", str(a.threads), "--task-bytes", "7"])
    rng = random.Random(a.seed)
    work = a.keep or tempfile.mkdtemp(prefix="csvml.")
    os.makedirs(work, exist_ok=True)
    sluice = os.path.abspath(a.sluice)
    try:
        for r in range(a.rounds):
            if not run_round(sluice, rng, a.files, work):
                print(f"round {r} of seed {a.seed} differs (files in {work})")
                return 1
        print(f"{a.rounds} rounds of {a.files} files agree ({FAILED[0]} failing ones fail)")
        return 0
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
