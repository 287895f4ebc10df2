#!/usr/bin/env python3
"""check_window_projection.py - the window() projection goldens recomputed with Spark's
TimeWindowing arithmetic, written from ResolveTimeWindows.scala (Spark 3.5), not from sluice:

  getWindow(i): remainder = (ts - startTime) % slide (made non-negative), lastStart = ts -
  remainder, start = lastStart - i * slide, end = start + size, for i in 0 until
  ceil(size / slide) (the Expand's projections, in that order); the filter keeps the rows with
  a non-NULL time when size % slide == 0, else those with start <= ts < end.

    check_window_projection.py GOLDEN_DIR...

window_projection_batch and window_projection_stream are compared with expected.out exactly
(a row's windows come in Expand's order, the rows in the file's order); window_projection_count
simulates the append-mode count over the window column (the watermark: max event time - delay
after each batch; a batch evicts the windows ending at or before the watermark computed before
it, drops the rows whose window ended at or before the one before that (Spark 3.4+), and a
no-data batch follows the last batch if it moved the watermark) and compares each batch's rows
as a multiset (Spark does not define their order); ssjoin_window_key replays the stream-stream
join on a window key (join_batches), its rows and the progress records' state numbers.  Exits 1
on a difference.
"""
import json
import os
import sys

# the golden scripts' reading of a JSON time and printing of a TIMESTAMP (whole seconds: the
# window bounds here are whole minutes)
from chain_reference import MIN, fmt_ts, parse_ts


def fmt_window(w):
    return "{%s, %s}" % (fmt_ts(w[0]), fmt_ts(w[1]))


def windows(ts, size, slide, start=0):
    """TimeWindowing's rows for one time: the windows, in the Expand's order."""
    if ts is None:
        return []
    n = -(-size // slide)
    remainder = (ts - start) % slide  # Python's % is already the non-negative remainder
    last_start = ts - remainder
    out = []
    for i in range(n):
        ws = last_start - i * slide
        we = ws + size
        if size % slide == 0 or (ws <= ts < we):
            out.append((ws, we))
    return out


def table(header, rows):
    """The console sink's show(truncate = false): left-aligned cells, columns at least 3 wide."""
    widths = [max([3, len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    sep = "+" + "+".join("-" * w for w in widths) + "+"

    def line(cells):
        return "|" + "|".join(c.ljust(w) for c, w in zip(cells, widths)) + "|"

    return [sep, line(header), sep] + [line(r) for r in rows] + [sep, ""]


def batch_head(i):
    return ["-" * 43, "Batch: %d" % i, "-" * 43]


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def data_files(d):
    files = sorted(os.listdir(os.path.join(d, "data")))
    return [read_rows(os.path.join(d, "data", f)) for f in files]


def check_batch(d):
    rows = [r for f in data_files(d) for r in f]
    out = []
    t = [(r.get("user"), parse_ts(r.get("time")), r.get("n")) for r in rows]
    out += table(["user", "w", "n"],
                 [[u, fmt_window(w), str(n)] for u, ts, n in t for w in windows(ts, 30 * MIN, 30 * MIN)])
    out += table(["user", "w"],
                 [[u, fmt_window(w)] for u, ts, n in t for w in windows(ts, 60 * MIN, 20 * MIN)])
    out += table(["user", "w"],
                 [[u, fmt_window(w)] for u, ts, n in t if n > 1
                  for w in windows(ts, 25 * MIN, 10 * MIN, 3 * MIN)])
    out += table(["user", "start", "end", "s"],
                 [[u, fmt_ts(w[0]), fmt_ts(w[1]), fmt_ts(w[0])] for u, ts, n in t
                  for w in windows(ts, 60 * MIN, 30 * MIN)])
    return "\n".join(out) + "\n"


def check_stream(d):
    out = []
    for i, f in enumerate(data_files(d)):
        out += batch_head(i)
        out += table(["user", "w"], [[r.get("user"), fmt_window(w)] for r in f
                                     for w in windows(parse_ts(r.get("time")), 30 * MIN, 20 * MIN)])
    return "\n".join(out) + "\n"


def count_batches(d):
    """The append-mode count per 30-minute window: a list of per-batch row multisets."""
    delay = 10 * MIN
    wm = None        # the watermark after the last batch
    wm_before = None  # the one before it (the late threshold of the next batch)
    state = {}
    batches = []

    def run(rows):
        nonlocal wm, wm_before
        evict_wm = wm
        late_wm = wm_before
        for r in rows:
            ts = parse_ts(r.get("time"))
            for w in windows(ts, 30 * MIN, 30 * MIN):
                if late_wm is not None and w[1] <= late_wm:
                    continue
                state[w] = state.get(w, 0) + 1
        emitted = []
        if evict_wm is not None:
            for w in sorted(state):
                if w[1] <= evict_wm:
                    emitted.append([fmt_window(w), str(state.pop(w))])
        times = [parse_ts(r.get("time")) for r in rows]
        times = [t for t in times if t is not None]
        new_wm = wm
        if times:
            cand = max(times) - delay
            new_wm = cand if wm is None else max(wm, cand)
        moved = new_wm != wm
        wm_before, wm = wm, new_wm
        batches.append(sorted(emitted))
        return moved

    moved = False
    for f in data_files(d):
        moved = run(f)
    if moved:
        run([])
    return batches


def join_batches(d):
    """ssjoin_window_key: Spark's symmetric hash join on (adId, window(t, '1 hour')), one file of
    each source a batch.  The global watermark is the minimum over the sources of max event
    time - 10 minutes (MultipleWatermarkPolicy min), updated after each batch; a batch drops
    the rows whose window ended at or before the watermark of the batch before (the late
    threshold, Spark 3.4+), joins each side's rows with the other side's state (the left first,
    so a right row also meets this batch's left rows), then removes from both states the rows
    whose key window ends at or before the batch's watermark (JoinStateKeyWatermarkPredicate on
    the key's end).  A no-data batch follows the last one when it moved the watermark.
    Returns per batch (sorted output rows, numRowsTotal, numRowsUpdated, numRowsRemoved)."""
    delay = 10 * MIN
    size = 60 * MIN
    sides = []
    for name in ("imp", "clk"):
        files = sorted(os.listdir(os.path.join(d, "data", name)))
        sides.append([read_rows(os.path.join(d, "data", name, f)) for f in files])
    n = max(len(x) for x in sides)
    maxima = [None, None]
    wm = None
    wm_before = None
    state = [[], []]
    out = []

    def run(batch):
        nonlocal wm, wm_before
        rows = []
        updated = 0
        for s in (0, 1):
            for r in batch[s]:
                ts = parse_ts(r.get("t"))
                w = windows(ts, size, size)
                if not w:
                    continue
                key = (r.get("adId"), w[0])
                if wm_before is not None and w[0][1] <= wm_before:
                    continue
                for o in state[1 - s]:
                    if o == key:
                        left, right = (key, o) if s == 0 else (o, key)
                        rows.append([str(left[0]), fmt_window(left[1]), str(right[0])])
                state[s].append(key)
                updated += 1
                maxima[s] = ts if maxima[s] is None else max(maxima[s], ts)
        removed = 0
        if wm is not None:
            for s in (0, 1):
                keep = [k for k in state[s] if k[1][1] > wm]
                removed += len(state[s]) - len(keep)
                state[s] = keep
        out.append((sorted(rows), len(state[0]) + len(state[1]), updated, removed))
        new = wm
        if all(m is not None for m in maxima):
            cand = min(m - delay for m in maxima)
            new = cand if wm is None else max(wm, cand)
        moved = new != wm
        wm_before, wm = wm, new
        return moved

    moved = False
    for i in range(n):
        moved = run([sides[s][i] if i < len(sides[s]) else [] for s in (0, 1)])
    if moved:
        run([[], []])
    return out


def parse_join_golden(text):
    """The batches' rows and the progress records' join state numbers of expected.out."""
    tables = parse_console(text.split("=== progress ===")[0])
    numbers = []
    for line in text.split("=== progress ===")[1].split("\n"):
        if not line.startswith("{"):
            continue
        # the placeholders (<n>, <r>, {<ms>}) are not JSON: read the numbers by name
        def num(field):
            at = line.index('"%s":' % field) + len(field) + 3
            end = at
            while line[end].isdigit():
                end += 1
            return int(line[at:end])
        numbers.append((num("numRowsTotal"), num("numRowsUpdated"), num("numRowsRemoved")))
    return [(t,) + n for t, n in zip(tables, numbers)] if len(tables) == len(numbers) else []


def parse_console(text):
    """The console batches of expected.out: a list of row lists (cells stripped)."""
    batches = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith("Batch: "):
            rows = []
            j = i + 5  # dashes, +--+, header, +--+
            while j < len(lines) and lines[j].startswith("|"):
                rows.append([c.strip() for c in lines[j].strip("|").split("|")])
                j += 1
            batches.append(sorted(rows))
            i = j
        else:
            i += 1
    return batches


def main():
    bad = False
    for d in sys.argv[1:]:
        name = os.path.basename(os.path.normpath(d))
        with open(os.path.join(d, "expected.out"), encoding="utf-8") as f:
            got = f.read()
        if name == "window_projection_batch":
            ok = got == check_batch(d)
        elif name == "window_projection_stream":
            ok = got == check_stream(d)
        elif name == "window_projection_count":
            ok = parse_console(got) == count_batches(d)
        elif name == "ssjoin_window_key":
            ok = parse_join_golden(got) == join_batches(d)
        else:
            sys.exit("check_window_projection: unknown golden %s" % name)
        print("check_window_projection: %s %s" % (name, "matches" if ok else "DIFFERS"))
        bad = bad or not ok
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
