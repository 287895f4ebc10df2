#!/usr/bin/env python3
"""batch_equiv.py - the pieces of the batch/stream equivalence test (run_batch_equiv.sh).

  batch_equiv.py split EXAMPLE OUTDIR   one file per complete-mode query of EXAMPLE:
                                        OUTDIR/<name>.stream.sql (as written) and
                                        OUTDIR/<name>.batch.sql (its sources as tables, the
                                        streaming options dropped); prints the names
  batch_equiv.py last FILE              the sorted rows of the last table printed in FILE
"""
import re
import sys


def statements(text):
    text = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("--"))
    return [s.strip() for s in text.split(";") if s.strip()]


def split(example, outdir):
    stmts = statements(open(example).read())
    decls = [s for s in stmts if not s.upper().startswith("INSERT")]
    for s in stmts:
        if not s.upper().startswith("INSERT") or not re.search(r"outputMode\s*=\s*'complete'", s):
            continue
        name = re.search(r"name\s*=\s*'([^']*)'", s).group(1)
        with open(f"{outdir}/{name}.stream.sql", "w") as f:
            f.write(";\n".join(decls + [s]) + ";\n")
        tables = []
        for d in decls:
            d = re.sub(r"^CREATE\s+SOURCE", "CREATE TABLE", d, flags=re.I)
            d = re.sub(r",\s*maxFilesPerTrigger\s*=\s*\d+", "", d, flags=re.I)
            tables.append(d)
        q = re.sub(r"WITH\s*\([^()]*\)\s*$", f"WITH (name = '{name}')", s)
        with open(f"{outdir}/{name}.batch.sql", "w") as f:
            f.write(";\n".join(tables + [q]) + ";\n")
        print(name)


def last(path):
    lines = open(path).read().splitlines()
    starts = [i for i, l in enumerate(lines) if l.startswith("+") and
              (i == 0 or not lines[i - 1].startswith(("+", "|")))]
    if not starts:
        sys.exit(f"{path}: no table")
    i = starts[-1]
    rows = []
    j = i
    while j < len(lines) and lines[j].startswith(("+", "|")):
        rows.append(lines[j])
        j += 1
    # border, header, border, rows..., border
    print("\n".join(rows[:3] + sorted(rows[3:-1]) + rows[-1:]))


if __name__ == "__main__":
    if sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3])
    else:
        last(sys.argv[2])
