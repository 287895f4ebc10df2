#!/usr/bin/env python3
"""chain_reference.py - independent reference for the chained stateful operator goldens.

    chain_reference.py <golden dir>...
    chain_reference.py --events <gen_events> <golden dir>

The second form runs gen_events with the golden's GEN_ARGS into a temporary directory and
reads its files in the order the files source lists them (modification time, then name), each
file one batch, for examples/events_hourly_totals.sql (tests/golden/events_hourly_totals).

Simulates Spark 3.5's micro-batches over the golden's step files (tests/golden/<name>/s*/,
one file per batch as maxFilesPerTrigger = 1 reads them, a no-data batch after a batch
that moved the watermark, as MicroBatchExecution runs one when
shouldRunAnotherBatch holds) and compares every batch's rows with the console tables of
expected.out, as multisets (Spark's row order within a batch is not defined):

  * watermark: after each batch, max(previous, max event time - delay); a batch evicts with
    the watermark computed before it and drops rows late by the one before that (3.4+,
    structured-streaming-semantics.md section 3.2);
  * every stateful operator gets the same two thresholds: Spark 3.5 propagates the
    watermark through an aggregation and a deduplication unchanged
    (StateStoreWriter.produceOutputWatermark returns its input);
  * append mode: an aggregation emits and removes the groups whose window end is at or
    before the eviction watermark; a downstream aggregation reads those rows in the same
    batch, keyed on window_time(window) = window.end - 1 microsecond (ResolveWindowTime);
  * dropDuplicates(id, time): a row at or before the late threshold is dropped, a seen
    (id, time) is dropped, keys at or before the eviction watermark are removed.
The progress records' stateOperators (downstream first) must show the same numRowsTotal,
numRowsUpdated (keys put this batch), numRowsRemoved (evicted) and numRowsDroppedByWatermark
per operator.  Written without looking at sluice's output; exits 1 on a difference.
"""
import datetime as dt
import json
import os
import shlex
import subprocess
import sys
import tempfile

US = 1_000_000
MIN = 60 * US
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def parse_ts(s):
    """A JSON time as the query's TIMESTAMP reads it: an ISO string, or an integer of epoch
    seconds (gen_events); None for anything else (a NULL time: no window, no watermark)."""
    if isinstance(s, bool) or s is None:
        return None
    if isinstance(s, int):
        return s * US
    if not isinstance(s, str):
        return None
    t = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    return (t - EPOCH) // dt.timedelta(microseconds=1)


def fmt_ts(us):
    t = EPOCH + dt.timedelta(microseconds=us)
    return t.strftime("%Y-%m-%d %H:%M:%S")


def fmt_window(start, end):
    return "{%s, %s}" % (fmt_ts(start), fmt_ts(end))


def count_windows(counts, rows, late_us, wm_us):
    """The first aggregation of the 10-minute goldens: count(*) per (action, window start)
    into counts, dropping rows whose window ended at or before late_us.  Returns (the number
    of late rows, the keys updated, the keys now final: window end at or before wm_us)."""
    dropped = 0
    upd = set()
    for r in rows:
        t = parse_ts(r.get("time"))
        if t is None:
            continue  # no window
        start = t - t % (10 * MIN)
        if start + 10 * MIN <= late_us:
            dropped += 1
            continue
        k = (r["action"], start)
        counts[k] = counts.get(k, 0) + 1
        upd.add(k)
    return dropped, upd, [k for k in counts if k[1] + 10 * MIN <= wm_us]


class WindowTotals:
    """action, window(window_time(window), '1 hour'), sum(count), count(*) over the
    10-minute counts per action (tests/golden/chain_window_totals)."""
    delay = 10 * MIN

    def __init__(self):
        self.counts = {}  # (action, start) -> count, insertion ordered
        self.totals = {}  # (action, hour start) -> [sum, n]

    def batch(self, rows, wm_us, late_us):
        dropped, upd_counts, final = count_windows(self.counts, rows, late_us, wm_us)
        upd_totals = set()
        for k in final:
            wt = k[1] + 10 * MIN - 1  # window_time
            hs = wt - wt % (60 * MIN)
            assert hs + 60 * MIN > late_us  # never late for the totals
            tot = self.totals.setdefault((k[0], hs), [0, 0])
            tot[0] += self.counts[k]
            tot[1] += 1
            upd_totals.add((k[0], hs))
            del self.counts[k]
        out = []
        done = [k for k in self.totals if k[1] + 60 * MIN <= wm_us]
        for k in done:
            s, n = self.totals.pop(k)
            out.append((k[0], fmt_window(k[1], k[1] + 60 * MIN), str(s), str(n)))
        # progress, downstream first: (total, updated, removed, dropped)
        stats = [(len(self.totals), len(upd_totals), len(done), 0),
                 (len(self.counts), len(upd_counts), len(final), dropped)]
        return out, stats


class WindowRegroup:
    """window, sum(count), count(*) over the 10-minute counts per action, grouped by their
    window column (tests/golden/chain_window_regroup)."""
    delay = 10 * MIN

    def __init__(self):
        self.counts = {}

    def batch(self, rows, wm_us, late_us):
        dropped, upd, final = count_windows(self.counts, rows, late_us, wm_us)
        per_window = {}
        for k in final:
            tot = per_window.setdefault(k[1], [0, 0])
            tot[0] += self.counts.pop(k)
            tot[1] += 1
        # the level above: every window it gets is final (its end is at or before wm)
        out = [(fmt_window(w, w + 10 * MIN), str(v[0]), str(v[1])) for w, v in per_window.items()]
        stats = [(0, len(per_window), len(per_window), 0),
                 (len(self.counts), len(upd), len(final), dropped)]
        return out, stats


class FirstBusyWindow:
    """action, window, count of the 10-minute counts per action WHERE count >= 2, then
    dropDuplicates(action) over those rows (tests/golden/chain_count_then_dedup): the
    aggregation's emitted rows are the deduplication's input, never late for it."""
    delay = 10 * MIN

    def __init__(self):
        self.counts = {}
        self.seen = set()

    def batch(self, rows, wm_us, late_us):
        dropped, upd, final = count_windows(self.counts, rows, late_us, wm_us)
        out = []
        added = 0
        for k in final:
            n = self.counts.pop(k)
            if n < 2 or k[0] in self.seen:
                continue
            self.seen.add(k[0])
            added += 1
            out.append((k[0], fmt_window(k[1], k[1] + 10 * MIN), str(n)))
        # downstream first: the deduplication (keys without event time: never removed)
        stats = [(len(self.seen), added, 0, 0), (len(self.counts), len(upd), len(final), dropped)]
        return out, stats


class DedupCounts:
    """window(time, '10 minutes'), count(*) over dropDuplicates(id, time)
    (tests/golden/chain_dedup_window_count)."""
    delay = 10 * MIN

    def __init__(self):
        self.seen = set()
        self.counts = {}

    def batch(self, rows, wm_us, late_us):
        dropped = 0
        added = 0
        upd = set()
        for r in rows:
            t = parse_ts(r["time"])
            if t <= late_us:
                dropped += 1  # late for the deduplication
                continue
            key = (r["id"], t)
            if key in self.seen:
                continue
            self.seen.add(key)
            added += 1
            start = t - t % (10 * MIN)
            assert start + 10 * MIN > late_us  # never late for the counts
            self.counts[start] = self.counts.get(start, 0) + 1
            upd.add(start)
        out = []
        done = [s for s in self.counts if s + 10 * MIN <= wm_us]
        for s in done:
            out.append((fmt_window(s, s + 10 * MIN), str(self.counts.pop(s))))
        kept = {k for k in self.seen if k[1] > wm_us}
        removed = len(self.seen) - len(kept)
        self.seen = kept
        stats = [(len(self.counts), len(upd), len(done), 0),
                 (len(self.seen), added, removed, dropped)]
        return out, stats


class SessionTotals:
    """action, window(window_time(session), '1 hour'), sum(n), count(*) over the sessions per
    action, session_window(time, '10 minutes') (tests/golden/chain_session_totals).  A row
    starts the session [t, t + gap), late when that end is at or before the late threshold
    (structured-streaming-semantics.md section 3.2); sessions of a key that overlap merge (the
    data has no sessions that only touch)."""
    delay = 10 * MIN
    gap = 10 * MIN

    def __init__(self):
        self.sessions = {}  # action -> [[start, end, n]]
        self.totals = {}

    def batch(self, rows, wm_us, late_us):
        dropped = 0
        for r in rows:
            t = parse_ts(r["time"])
            if t + self.gap <= late_us:
                dropped += 1
                continue
            merged = []
            for cur in sorted(self.sessions.get(r["action"], []) + [[t, t + self.gap, 1]]):
                if merged and cur[0] <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], cur[1])
                    merged[-1][2] += cur[2]
                else:
                    merged.append(list(cur))
            self.sessions[r["action"]] = merged
        upd_totals = set()
        removed = 0
        for action in list(self.sessions):
            keep = []
            for start, end, n in self.sessions[action]:
                if end > wm_us:
                    keep.append([start, end, n])
                    continue
                removed += 1
                wt = end - 1  # window_time
                hs = wt - wt % (60 * MIN)
                assert hs + 60 * MIN > late_us  # never late for the totals
                tot = self.totals.setdefault((action, hs), [0, 0])
                tot[0] += n
                tot[1] += 1
                upd_totals.add((action, hs))
            self.sessions[action] = keep
        out = []
        done = [k for k in self.totals if k[1] + 60 * MIN <= wm_us]
        for k in done:
            s, n = self.totals.pop(k)
            out.append((k[0], fmt_window(k[1], k[1] + 60 * MIN), str(s), str(n)))
        held = sum(len(v) for v in self.sessions.values())
        # numRowsUpdated of the session operator is not modelled (None: not compared)
        stats = [(len(self.totals), len(upd_totals), len(done), 0), (held, None, removed, dropped)]
        return out, stats


QUERIES = {"chain_window_totals": WindowTotals, "events_hourly_totals": WindowTotals, "chain_dedup_window_count": DedupCounts,
           "chain_session_totals": SessionTotals, "chain_window_regroup": WindowRegroup,
           "chain_count_then_dedup": FirstBusyWindow}


def simulate(testdir, query, data=None):
    """Batches as {batch id: (rows, per operator (total, updated, removed, dropped))}: the
    golden's steps (each run after new files arrived), or the files of data in one run."""
    if data is None:
        conf = open(os.path.join(testdir, "test.conf")).read()
        steps = [[os.path.join(testdir, step, f) for f in sorted(os.listdir(os.path.join(testdir, step)))]
                 for step in conf.split('STEPS="')[1].split('"')[0].split()]
    else:
        steps = [sorted((os.path.join(data, f) for f in os.listdir(data) if f[0] not in "._"),
                        key=lambda p: (os.stat(p).st_mtime_ns, os.path.basename(p)))]
    batches = {}
    wm = late = 0  # ms
    bid = 0
    for files in steps:
        for name in files:
            rows = [json.loads(l) for l in open(name) if l.strip()]
            batches[bid] = query.batch(rows, wm * 1000, late * 1000)
            bid += 1
            times = [t // 1000 for t in (parse_ts(r.get("time")) for r in rows) if t is not None]
            nxt = max(wm, max(times) - query.delay // 1000) if times else wm
            late, wm = wm, nxt
            if name == files[-1] and wm > late:  # no-data batch: the watermark moved
                batches[bid] = query.batch([], wm * 1000, late * 1000)
                bid += 1
                late = wm
    return batches


def expected_tables(path):
    """Batches of expected.out as {batch id: (rows, stats)}: the console tables, and from the
    progress records each stateful operator's numRowsTotal, numRowsUpdated, numRowsRemoved
    and numRowsDroppedByWatermark, downstream first as stateOperators lists them."""
    batches = {}
    stats = {}
    cur = None
    for line in open(path):
        line = line.rstrip("\n")
        if line.startswith('{"id"'):
            line = line.replace("{<ms>}", "{}").replace("<n>", "0").replace("<r>", "0")
            rec = json.loads(line)
            stats[rec["batchId"]] = [(o["numRowsTotal"], o["numRowsUpdated"], o["numRowsRemoved"],
                                      o["numRowsDroppedByWatermark"])
                                     for o in rec["stateOperators"]]
            continue
        if line.startswith("Batch: "):
            cur = int(line[7:])
            batches[cur] = []
            header = True
        elif cur is not None and line.startswith("|"):
            cells = tuple(c.strip() for c in line[1:-1].split("|"))
            if header:
                header = False
            else:
                batches[cur].append(cells)
        elif line.startswith("==="):
            cur = None
    return {b: (rows, stats.get(b)) for b, rows in batches.items()}


def same_stats(want, got):
    """Per operator, the numbers the reference models (None: any)."""
    return len(want) == len(got) and all(
        w is None or w == g for wo, go in zip(want, got) for w, g in zip(wo, go))


def main():
    bad = 0
    args = sys.argv[1:]
    gen = None
    if args[:1] == ["--events"]:
        gen, args = os.path.realpath(args[1]), args[2:]
    for testdir in args:
        name = os.path.basename(os.path.normpath(testdir))
        if gen:
            conf = open(os.path.join(testdir, "test.conf")).read()
            gen_args = shlex.split(conf.split('GEN_ARGS="')[1].split('"')[0])
            with tempfile.TemporaryDirectory() as tmp:
                data = os.path.join(tmp, "events")
                subprocess.run([gen, "--out", data] + gen_args, check=True, stdout=subprocess.DEVNULL)
                want = simulate(testdir, QUERIES[name](), data)
        else:
            want = simulate(testdir, QUERIES[name]())
        got = expected_tables(os.path.join(testdir, "expected.out"))
        if sorted(want) != sorted(got):
            print("%s: batches %s, expected.out has %s" % (name, sorted(want), sorted(got)))
            bad = 1
            continue
        for b in want:
            if sorted(want[b][0]) != sorted(got[b][0]):
                print("%s: batch %d: reference %s, expected.out %s" % (name, b, want[b][0], got[b][0]))
                bad = 1
            if got[b][1] is not None and not same_stats(want[b][1], got[b][1]):
                print("%s: batch %d: operators (total, updated, removed, dropped) reference %s, "
                      "expected.out %s" % (name, b, want[b][1], got[b][1]))
                bad = 1
        if not bad:
            for b in want:
                print("%s batch %d: %s %s" % (name, b, want[b][0], want[b][1]))
    return bad


if __name__ == "__main__":
    sys.exit(main())
