#!/usr/bin/env python3
"""check_ssjoin_golden.py - the stream-stream join goldens, computed independently of sluice.

    check_ssjoin_golden.py <tests/golden/ssjoin_ad_clicks> [inner|left|right|full|semi|left_pre|time_key|restart|inner_count|left_count|inner_dedup|inner_chain|inner_max]

inner_max is the inner join under spark.sql.streaming.multipleWatermarkPolicy max (the query's
watermark is the largest of the sources', MaxWatermark).  left_pre is the left outer join with one condition on each side besides the time bounds
(impressionAdId < 5, clickAdId <> 2); restart the left outer join in the runs of STEPS; time_key
the left outer join ON impressionAdId = clickAdId
AND impressionTime = clickTime, whose key carries the watermark: both sides drop the rows whose
time is at or before the batch's watermark (JoinStateKeyWatermarkPredicate).

Replays Spark 3.5's StreamingSymmetricHashJoinExec by hand over the test's data (each batch
reads the next file of each source: maxFilesPerTrigger = 1) and compares, with the golden's
expected.out (which the golden test compares with sluice's output byte for byte):
- each batch's rows (as multisets; Spark's row order is not defined);
- each batch's watermark and the symmetricHashJoin numbers of its progress record
  (numRowsTotal, numRowsUpdated, numRowsRemoved, numRowsDroppedByWatermark).

The model, from Spark's source:
- a batch runs with the watermark the previous one computed (WatermarkTracker: per source
  max(previous, batch max event time - delay), a source that saw no row counts as 0, the
  query's is the min over sources, the max under policy max); rows at or before the previous batch's watermark are
  late and dropped per side (OneSideHashJoiner, numRowsDroppedByWatermark);
- left input rows first: each joined with the right state, then kept in the left state;
  then the right rows, joined with the left state including this batch's left rows
  (processPartitions); a left row is always kept, a right row the side's state watermark
  already removes only when it is an outer side's unmatched row (OneSideHashJoiner's
  AddingProcessedRowToStateCompletionIterator); a pair passing the condition marks both rows
  matched (state format 2);
- an outer side's rows removed by its state watermark that never matched are output with the
  other side NULL, after the batch's joined rows (left ones first); numRowsRemoved counts
  only the other sides' removed rows (onOutputCompletion's cleanupIter);
- a condition on one side only is tested before the join (JoinConditionSplitPredicates,
  preJoinFilter): a row failing it is not kept, and an outer side's is output at once with
  the other side NULL;
- a left semi join outputs a left row at its first match and then does not keep it; a right
  row meets only the left rows not matched yet and outputs each (excludeRowsAlreadyMatched);
- after the batch, each side removes rows at or before its state watermark; the bounds of
  the guide's condition (clickTime >= impressionTime AND clickTime <= impressionTime +
  1 hour), solved as StreamingJoinHelper.getStateValueWatermark does: impressions
  wm - 1 hour - 1 ms (from the <= bound, minus 1 ms for an inclusive bound), clicks
  wm - 1 ms (from the >= bound);
- after the last file a no-data batch runs when the watermark moved (shouldRunAnotherBatch).

inner_count and left_count put a windowed count in append mode over the join (Spark 3.4+,
statefulOperator.allowMultiple): inner_count counts the inner join's rows per
window(clickTime, '1 hour'), left_count the left outer join's per window(impressionTime,
'1 hour') (count(*), count(clickAdId)), both in the runs of STEPS.  The aggregation reads the
join's rows of the batch, the unmatched rows the join evicts included.  Its watermark is the
one Spark 3.5's PropagateWatermarkSimulator (WatermarkPropagator.scala) gives an operator
above the join: the join's output watermark for the query's, produceOutputWatermark =
min(left state watermark, right state watermark, input watermark) = wm - 1 hour - 1 ms
here; not simulated for a watermark of 0 (every operator sees 0) and never below 0.  A row
whose window ends at or before that of the previous batch's watermark is late (dropped and
counted); the groups whose window ends at or before that of the batch's watermark are output
and removed.  The progress records list the aggregation (stateStoreSave: groups held, keys
updated, groups removed, late rows) before the join, downstream first.

inner_dedup puts DROP DUPLICATES (impressionAdId, impressionTime) over the inner join's
(impressionAdId, impressionTime) rows, with the same propagated watermark: a row whose
impressionTime (the first watermarked column of its input, WatermarkSupport) is at or before
that of the previous batch's watermark is late, a key seen before is dropped, and the keys at
or before that of the batch's watermark are removed after it (progress: dedupe).

inner_chain sums inner_count's hourly counts per window(window_time(hour), '2 hours') (sum,
count(*)): the hours the first aggregation outputs in a batch are the second's rows in that
batch, keyed on window_time = end - 1 microsecond (ResolveWindowTime); the second sees the same
propagated watermark (an aggregation passes its input watermark on unchanged,
StateStoreWriter.produceOutputWatermark).  Progress: the sums, the counts, the join.
"""
import json
import os
import re
import sys
from collections import Counter
from datetime import datetime, timezone

HOUR_MS = 3600 * 1000


def ms(text):
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def show(t_ms):
    return datetime.fromtimestamp(t_ms / 1000, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def files(d):
    return [os.path.join(d, f) for f in sorted(os.listdir(d))]


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def ad_clicks(test, how, policy=min):
    """The batches of the guide's join: [(rows, watermark_ms, (total, updated, removed, dropped))]."""
    # The files of each run: the test's data/, or of each step (STEPS: s1/, s2/, ...), after
    # which the query restarts from its checkpoint: the sources' own watermarks start again
    # (WatermarkTracker keeps only the query's).
    steps = sorted(d for d in os.listdir(test) if re.fullmatch(r"s[0-9]+", d)) or ["data"]
    runs = [[[load(f) for f in files(os.path.join(test, st, side))] for side in ("imp", "clk")]
            for st in steps]
    sides = [
        {"files": [], "key": "impressionAdId", "time": "impressionTime", "delay": 2 * HOUR_MS,
         "bound": lambda wm: wm - HOUR_MS - 1},
        {"files": [], "key": "clickAdId", "time": "clickTime", "delay": 3 * HOUR_MS,
         "bound": lambda wm: wm - 1},
    ]
    for s in sides:
        s["state"] = []       # [key, time_ms, row, matched, transient]
        s["wm"] = None        # the source's own watermark, None before its first row

    def cond(i_row, c_row):
        return i_row[1] <= c_row[1] <= i_row[1] + HOUR_MS

    if how == "time_key":
        for s in sides:
            s["bound"] = lambda wm: wm
        cond = lambda i_row, c_row: i_row[1] == c_row[1]  # noqa: E731

    outer = [how in ("left", "full", "left_pre", "time_key", "restart"), how in ("right", "full")]
    pre = [lambda r: True, lambda r: True]
    if how == "left_pre":
        pre = [lambda r: r["impressionAdId"] < 5, lambda r: r["clickAdId"] != 2]
    out = []
    wm, late = 0, 0
    for run in runs:
        for n, s in enumerate(sides):
            s["files"] = run[n]
            s["wm"] = None
        run_batches(sides, outer, pre, cond, how, out, wm, late, policy)
        wm, late = out[-1][3], out[-1][1]
    return out


def seen_by_watermark(r, n, s, outer, pre):
    """Does row r of side n reach the side's EventTimeWatermarkExec?  A side that is not outer
    is filtered below it by its own conjuncts (PushPredicateThroughJoin) and IsNotNull of its
    key (InferFiltersFromConstraints), moved there by PushPredicateThroughNonJoin."""
    return outer[n] or (pre[n](r) and r.get(s["key"]) is not None)


def run_batches(sides, outer, pre, cond, how, out, wm, late, policy):
    """One run with --trigger availableNow: a batch per file of each side, then a no-data
    batch when the watermark moved."""
    batch = 0
    first = len(out)
    while True:
        has_data = any(batch < len(s["files"]) for s in sides)
        if not has_data and not out_moved(out[first:], wm):
            break
        rows, updated, dropped = [], 0, 0
        for n, s in enumerate(sides):
            other = sides[1 - n]
            for r in (s["files"][batch] if batch < len(s["files"]) else []):
                key, t = r.get(s["key"]), r.get(s["time"])
                t = ms(t) if t is not None else None
                if not seen_by_watermark(r, n, s, outer, pre):
                    continue
                if t is not None and t <= late:
                    dropped += 1
                    continue
                if not pre[n](r):
                    if outer[n]:
                        rows.append((key, show(t), "NULL", "NULL") if n == 0 else ("NULL", "NULL", key, show(t)))
                    continue
                if key is None and not outer[n]:
                    continue
                mine = [key, t, r, False, False]
                for o in other["state"]:
                    if key is None or o[0] != key or (how == "semi" and n == 1 and o[3]):
                        continue
                    left, right = (mine, o) if n == 0 else (o, mine)
                    if left[1] is not None and right[1] is not None and cond(left, right):
                        if how == "semi":
                            rows.append((left[0], show(left[1])))
                        else:
                            rows.append((left[0], show(left[1]), right[0], show(right[1])))
                        mine[3] = o[3] = True
                        if how == "semi" and n == 0:
                            break  # the left row once, at its first match
                if how == "semi" and n == 0 and mine[3]:
                    continue  # isLeftSemiWithMatch: not kept
                mine[4] = n == 1 and t is not None and t <= s["bound"](wm)
                s["state"].append(mine)
                updated += not mine[4]
        removed = 0
        for n, s in enumerate(sides):
            keep = []
            for e in s["state"]:
                if e[1] is None or e[1] > s["bound"](wm):
                    keep.append(e)
                    continue
                emit = outer[n] and not e[3]
                if emit:
                    rows.append((e[0], show(e[1]), "NULL", "NULL") if n == 0 else ("NULL", "NULL", e[0], show(e[1])))
                removed += not e[4] and not outer[n]  # Spark counts the cleanup iterator only
                updated += e[4] and emit
            s["state"] = keep
        total = sum(len(s["state"]) for s in sides)
        out.append((rows, wm, (total, updated, removed, dropped)))
        # The next watermark.
        for n, s in enumerate(sides):
            times = [ms(r[s["time"]]) for r in (s["files"][batch] if batch < len(s["files"]) else [])
                     if r.get(s["time"]) is not None and seen_by_watermark(r, n, s, outer, pre)]
            if times:
                cand = max(times) - s["delay"]
                s["wm"] = cand if s["wm"] is None else max(s["wm"], cand)
        nxt = policy(s["wm"] if s["wm"] is not None else 0 for s in sides)
        late, wm = wm, max(wm, nxt)
        out[-1] = out[-1] + (wm,)
        batch += 1


def out_moved(out, wm):
    """After the data: a no-data batch runs when the last batch ran with an older watermark."""
    return bool(out) and out[-1][1] < wm


def tables(text):
    """The rows of each `Batch: N` table of a console output, as tuples of cell strings."""
    result = []
    for block in re.split(r"^-+\nBatch: \d+\n-+\n", text, flags=re.M)[1:]:
        lines = [l for l in block.splitlines() if l.startswith("|")]
        result.append([tuple(c.strip() for c in l.strip("|").split("|")) for l in lines[1:]])
    return result


def progress(text):
    recs = [json.loads(re.sub(r"<[a-z]+>", "0", l.replace("{<ms>}", "{}")))
            for l in text.splitlines() if l.startswith("{")]
    return recs


def propagated(wm):
    """The watermark the aggregation above the join sees when the query's is wm."""
    if wm == 0:
        return 0
    return max(0, min(wm - HOUR_MS - 1, wm - 1, wm))


def window_counts(model, col, clicked):
    """The windowed count over the join's batches: [(rows, (total, updated, removed, dropped))].
    col: the index in a join row of the window's time; clicked: also count(clickAdId)."""
    groups = {}  # window start (ms) -> [count(*), count(clickAdId)]
    out = []
    for b, (rows, wm, _nums, _next_wm) in enumerate(model):
        late = propagated(model[b - 1][1] if b > 0 else 0)
        evict = propagated(wm)
        COUNT_WMS.append(evict)
        dropped, updated = 0, set()
        for r in rows:
            if r[col] == "NULL":
                continue  # no window for a NULL time
            t = ms(r[col].replace(" ", "T") + "Z")
            start = t - t % HOUR_MS
            if start + HOUR_MS <= late:
                dropped += 1
                continue
            g = groups.setdefault(start, [0, 0])
            g[0] += 1
            g[1] += r[2] != "NULL"
            updated.add(start)
        done = [k for k in groups if k + HOUR_MS <= evict]
        res = []
        for k in done:
            n, c = groups.pop(k)
            w = "{%s, %s}" % (show(k), show(k + HOUR_MS))
            res.append((w, n, c) if clicked else (w, n))
        out.append((res, (len(groups), len(updated), len(done), dropped)))
    return out


def two_hour_sums(counts):
    """inner_count's hours summed per two hours: [(rows, (total, updated, removed, dropped))]."""
    sums = {}  # two-hour window start (ms) -> [sum, n]
    out = []
    for b, (rows, _stats) in enumerate(counts):
        wm = COUNT_WMS[b]
        updated = set()
        for w, n in rows:
            end = ms(w.split(", ")[1].rstrip("}").replace(" ", "T") + "Z")
            wt_us = end * 1000 - 1  # window_time
            start = wt_us // 1000 - (wt_us // 1000) % (2 * HOUR_MS)
            g = sums.setdefault(start, [0, 0])
            g[0] += n
            g[1] += 1
            updated.add(start)
        done = [k for k in sums if k + 2 * HOUR_MS <= wm]
        res = []
        for k in done:
            t, n = sums.pop(k)
            res.append(("{%s, %s}" % (show(k), show(k + 2 * HOUR_MS)), t, n))
        out.append((res, (len(sums), len(updated), len(done), 0)))
    return out


COUNT_WMS = []  # the propagated eviction watermark of each batch (window_counts fills it)


def dedup(model):
    """DROP DUPLICATES over the join's batches: [(rows, (total, updated, removed, dropped))]."""
    seen = {}  # (impressionAdId, impressionTime ms) -> impressionTime ms
    out = []
    for b, (rows, wm, _nums, _next_wm) in enumerate(model):
        late = propagated(model[b - 1][1] if b > 0 else 0)
        evict = propagated(wm)
        res, dropped = [], 0
        for r in rows:
            t = ms(r[1].replace(" ", "T") + "Z")
            if t <= late:
                dropped += 1
                continue
            if (r[0], t) in seen:
                continue
            seen[(r[0], t)] = t
            res.append((r[0], r[1]))
        gone = [k for k, t in seen.items() if t <= evict]
        for k in gone:
            del seen[k]
        out.append((res, (len(seen), len(res), len(gone), dropped)))
    return out


def main():
    test = sys.argv[1]
    how = sys.argv[2] if len(sys.argv) > 2 else "inner"
    with open(os.path.join(test, "expected.out")) as f:
        expected = f.read()
    counts = None
    op_name = "stateStoreSave"
    upper = None
    if how == "inner_chain":
        model = ad_clicks(test, "inner")
        counts = window_counts(model, 3, False)
        upper = two_hour_sums(counts)
    elif how == "inner_dedup":
        model = ad_clicks(test, "inner")
        counts = dedup(model)
        op_name = "dedupe"
    elif how in ("inner_count", "left_count"):
        how = {"inner_count": "inner", "left_count": "restart"}[how]
        model = ad_clicks(test, how)
        counts = window_counts(model, 3 if how == "inner" else 1, how != "inner")
    elif how == "inner_max":
        model = ad_clicks(test, "inner", max)
    else:
        model = ad_clicks(test, how)
    got = tables(expected)
    prog = progress(expected.split("=== progress ===", 1)[1]) if "=== progress ===" in expected else None
    fail = 0
    if len(got) != len(model):
        print(f"expected.out has {len(got)} batches, the model {len(model)}")
        fail = 1
    for b, (rows, wm, nums, _next_wm) in enumerate(model):
        if counts:
            rows = upper[b][0] if upper else counts[b][0]
        want = Counter(tuple(str(v) for v in r) for r in rows)
        have = Counter(got[b]) if b < len(got) else Counter()
        if want != have:
            print(f"batch {b}: rows differ\n  model: {sorted(want.elements())}\n  expected.out: {sorted(have.elements())}")
            fail = 1
        if prog is None:
            continue  # a golden without progress: the rows only
        p = prog[b] if b < len(prog) else {}
        ops = p.get("stateOperators") or [{}]
        # downstream first: the aggregation, then the join
        want_ops = [(op_name, counts[b][1]), ("symmetricHashJoin", nums)] if counts \
            else [("symmetricHashJoin", nums)]
        if upper:
            want_ops.insert(0, ("stateStoreSave", upper[b][1]))
        if len(ops) != len(want_ops):
            print(f"batch {b}: {len(ops)} state operators in progress, the model {len(want_ops)}")
            fail = 1
        for op, (name, want_nums) in zip(ops, want_ops):
            pn = (op.get("numRowsTotal"), op.get("numRowsUpdated"), op.get("numRowsRemoved"),
                  op.get("numRowsDroppedByWatermark"))
            if op.get("operatorName") != name or pn != want_nums:
                print(f"batch {b}: {name} (total, updated, removed, dropped) model {want_nums}, "
                      f"progress {op.get('operatorName')} {pn}")
                fail = 1
        pwm = p.get("eventTime", {}).get("watermark")
        if pwm is None or ms(pwm) != wm:
            print(f"batch {b}: watermark model {wm}, progress {pwm}")
            fail = 1
    print("ok" if not fail else "FAILED")
    return fail


if __name__ == "__main__":
    sys.exit(main())
