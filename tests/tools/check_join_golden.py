#!/usr/bin/env python3
"""check_join_golden.py - the rows of the join goldens, computed independently of sluice.

    check_join_golden.py <tests/golden/join_stream_static>

Reads the test's step data (events and the dim table of each step) and computes what each
query of its query.sql must output with plain Python loops (SQL semantics: a NULL key
matches nothing, a condition that is NULL fails), then compares them, as multisets, with
the tables of expected.out (which the golden test compares with sluice's output byte for
byte).  Per step the first six tables are the six stateless queries in order (each prints
one batch in the scheduler's first round); the rest are the windowed count's batches.
"""
import json
import os
import sys
from collections import Counter
from datetime import datetime, timezone


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def fmt(v):
    if v is None:
        return "NULL"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def show(v):
    s = fmt(v)
    return s if len(s) <= 20 else s[:17] + "..."


def ts(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def tables(text):
    """The body rows of every table of a console output, as lists of cell texts."""
    out, cur = [], None
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("+") and cur is None:
            # header border, header, border, rows..., border
            cur = []
            i += 3
            while not lines[i].startswith("+"):
                cur.append([c.strip() for c in lines[i].strip("|").split("|")])
                i += 1
            out.append(cur)
            cur = None
        i += 1
    return out


def main():
    d = sys.argv[1]
    text = open(os.path.join(d, "expected.out")).read()
    steps = text.split("=== step ")[1:]
    all_events, all_pairs = [], []
    ok = True
    for step in steps:
        name = step.split(" ===", 1)[0]
        dim = load(os.path.join(d, name, "dim", "dim.json"))
        ev = []
        for f in sorted(os.listdir(os.path.join(d, name, "events"))):
            ev += load(os.path.join(d, name, "events", f))
        t = tables(step)

        def eq(a, b):
            return a is not None and b is not None and a == b

        want = []
        want.append([(e["id"], x["name"], x["w"]) for e in ev for x in dim
                     if eq(e["k"], x["k"]) and x["w"] is not None and x["w"] > 0.5])
        rows = []
        for e in ev:
            m = [x for x in dim if eq(e["k"], x["k"])]
            rows += [(e["id"], e["k"], x["name"]) for x in m] or [(e["id"], e["k"], None)]
        want.append(rows)
        want.append([(e["id"],) for e in ev
                     if any(eq(e["k"], x["k"]) and x["w"] is not None and x["w"] > 1 for x in dim)])
        want.append([(e["k"], e["id"], e["kb"], e["time"].replace("T", " ").rstrip("Z")) for e in ev
                     if not any(eq(e["k"], x["k"]) for x in dim)])
        rows = []
        for e in ev:
            m = [x for x in dim if eq(x["k"], e["kb"])]
            rows += [(x["name"], e["id"]) for x in m] or [(None, e["id"])]
        want.append(rows)
        want.append([(e["id"], x["k"], x["name"]) for e in ev for x in dim if e["id"] in (1, 7)])
        for qi, w in enumerate(want):
            got = Counter(tuple(r) for r in t[qi])
            exp = Counter(tuple(show(v) for v in r) for r in w)
            if got != exp:
                ok = False
                print(f"step {name} query #{qi + 1}: expected {sorted(exp.elements())}, "
                      f"got {sorted(got.elements())}")
        all_events += ev
        all_pairs += [(e, x) for e in ev for x in dim if eq(e["k"], x["k"])]
        for r in (r for tb in t[6:] for r in tb):
            all_pairs.append(("out", r))
    # The windowed count: final once the watermark (max event time - 10 s) passes a
    # window's end, counted over the join of each event with its step's table.
    wm = max(ts(e["time"]) for e in all_events).timestamp() - 10
    counts = Counter()
    for e, x in (p for p in all_pairs if p[0] != "out"):
        start = int(ts(e["time"]).timestamp()) // 60 * 60
        if start + 60 <= wm:
            counts[(start, x["name"])] += 1

    def win(s):
        f = "%Y-%m-%d %H:%M:%S"
        a = datetime.fromtimestamp(s, timezone.utc).strftime(f)
        b = datetime.fromtimestamp(s + 60, timezone.utc).strftime(f)
        return "{%s, %s}" % (a, b)

    exp = Counter((show(win(k[0])), show(k[1]), str(n)) for k, n in counts.items())
    got = Counter(tuple(r) for o, r in all_pairs if o == "out")
    if got != exp:
        ok = False
        print(f"windowed: expected {sorted(exp.elements())}, got {sorted(got.elements())}")
    if not ok:
        sys.exit(1)
    print("join rows match the independent computation")


if __name__ == "__main__":
    main()
