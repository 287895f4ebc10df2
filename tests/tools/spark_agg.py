"""spark_agg.py - Spark 3.5's aggregate buffers in python, for the models of the goldens
(tests/golden/*/model.py): Covariance and PearsonCorrelation's update and merge expressions
(aggregate/Covariance.scala, Corr.scala), CentralMomentAgg's of order 2 (CentralMomentAgg.scala:
VariancePop, RegrReplacement), each operation in Spark's order; RegrSlope's and RegrR2's
buffers (linearRegression.scala); Cast's STRING to DOUBLE; Mode's OpenHashMap; CollectSet's
Scala 2.12 HashSet; the merge of a key's sessions and an append-mode session query's output
(session_append_run); and the output of two complete-mode queries over one-file micro-batches
(steps).
"""
import datetime
import json
import math
import os
import sys

from spark_hash import murmur3_int
from spark_show import batch as show_batch


# Covariance (4 doubles: n, xAvg, yAvg, ck) and PearsonCorrelation (6: xMk, yMk too) of (x, y).
def cov_update(b, x, y):
    if x is None or y is None:
        return b
    n, x_avg, y_avg = b[0], b[1], b[2]
    new_n = n + 1.0
    dx, dy = x - x_avg, y - y_avg
    new_x_avg = x_avg + dx / new_n
    new_y_avg = y_avg + dy / new_n
    r = [new_n, new_x_avg, new_y_avg, b[3] + dx * (y - new_y_avg)]
    if len(b) == 6:
        r += [b[4] + dx * (x - new_x_avg), b[5] + dy * (y - new_y_avg)]
    return r


def cov_merge(a, b):
    n1, n2 = a[0], b[0]
    new_n = n1 + n2
    dx, dy = b[1] - a[1], b[2] - a[2]
    dxn = 0.0 if new_n == 0.0 else dx / new_n
    dyn = 0.0 if new_n == 0.0 else dy / new_n
    r = [new_n, a[1] + dxn * n2, a[2] + dyn * n2, a[3] + b[3] + dx * dyn * n1 * n2]
    if len(a) == 6:
        r += [a[4] + b[4] + dx * dxn * n1 * n2, a[5] + b[5] + dy * dyn * n1 * n2]
    return r


# CentralMomentAgg of order 2 (n, avg, m2): VariancePop, RegrReplacement.
def var_update(b, x):
    if x is None:
        return b
    n, avg, m2 = b
    new_n = n + 1.0
    delta = x - avg
    delta_n = delta / new_n
    return [new_n, avg + delta_n, m2 + delta * (delta - delta_n)]


def var_merge(a, b):
    n1, n2 = a[0], b[0]
    new_n = n1 + n2
    delta = b[1] - a[1]
    delta_n = 0.0 if new_n == 0.0 else delta / new_n
    return [new_n, a[1] + delta_n * n2, a[2] + b[2] + delta * delta_n * n1 * n2]


# RegrSlope and RegrIntercept of (y, x): CovPopulation(x, y) ++ VariancePop(x) of the pairs
# (7 doubles, SPARK-48719: a pair with a NULL changes neither); RegrR2: PearsonCorrelation(y, x)
# squared, whose xMk is y's.
def slope_update(b, y, x):
    both = y is not None and x is not None
    return cov_update(b[:4], x, y) + var_update(b[4:], x if both else None)


def slope_merge(a, b):
    return cov_merge(a[:4], b[:4]) + var_merge(a[4:], b[4:])


def r2_eval(b):
    if b[4] == 0.0:
        return None
    if b[5] == 0.0:
        return 1.0
    corr = b[3] / math.sqrt(b[4] * b[5])
    return corr * corr


def as_double(s):
    """Cast STRING to DOUBLE without ANSI mode: NULL when it is no number."""
    try:
        return None if s is None else float(s)
    except ValueError:
        return None


def opt_float(v):
    return None if v is None else float(v)


def steps(plan, read, fold, groups, total, cell, count_name):
    """The console output of a grouped query (by g) and a global one (its aggregates then the
    count of rows, named count_name), complete mode, over micro-batches of one file each: plan
    is [(step, [file, ...]), ...], read(step, file) the file's rows, fold(aggs, state, rows)
    a state S' from S and a batch's rows; groups and total hold (name, (init, update, merge,
    evaluate), column) and cell prints a value."""
    states, total_state, n_total = {}, None, 0
    lines, batch_id = [], 0
    for step, files in plan:
        lines.append("=== step %s ===" % step)
        for name in files:
            rows = read(step, name)
            for g in sorted(set(r["g"] for r in rows)):
                states[g] = fold(groups, states.get(g), [r for r in rows if r["g"] == g])
            total_state = fold(total, total_state, rows)
            n_total += len(rows)
            out1 = [[g] + [cell(groups[k][1][3](b)) for k, b in enumerate(states[g])]
                    for g in sorted(states)]
            out2 = [[cell(total[k][1][3](b)) for k, b in enumerate(total_state)] + [str(n_total)]]
            lines += show_batch(batch_id, ["g"] + [a[0] for a in groups], out1)
            lines += show_batch(batch_id, [a[0] for a in total] + [count_name], out2)
            batch_id += 1
    return "\n".join(lines)


# ---- Mode (aggregate/Mode.scala): an OpenHashMap of counts.  Its keys are an OpenHashSet (64
# slots, doubled and rebuilt in slot order past 0.7 of them, home slot Guava
# murmur3_32().hashInt(hashCode) & mask, probing +1, +2, ...), keys the same by Java's equals;
# maxBy(_._2): the first largest count in slot order.  Spark fills its final map in its stages'
# slot orders: the answer does not depend on that order when no tied key sits away from its
# home slot, which is checked (the model exits otherwise).

def home_slot(v, cap, java_hash):
    """OpenHashSet's home slot of v in a table of cap slots."""
    return murmur3_int(java_hash(v)) & (cap - 1)


def open_hash_map(vals, java_hash, java_key):
    """OpenHashMap[AnyRef, Long] of the counts of vals: ({slot: [key, count]}, capacity)."""
    def place(tab, cap, v):
        pos, delta = home_slot(v, cap, java_hash), 1
        while pos in tab and java_key(tab[pos][0]) != java_key(v):
            pos = (pos + delta) & (cap - 1)
            delta += 1
        return pos

    cap, tab = 64, {}
    for v in vals:
        p = place(tab, cap, v)
        if p in tab:
            tab[p][1] += 1
            continue
        tab[p] = [v, 1]
        if len(tab) > int(0.7 * cap):
            cap *= 2
            new = {}
            for k in sorted(tab):
                new[place(new, cap, tab[k][0])] = tab[k]
            tab = new
    return tab, cap


def mode_of(vals, java_hash, java_key):
    """The mode of vals (None when empty); java_hash(v) is the unsigned 32-bit hashCode,
    java_key(v) what Java's equals compares."""
    def home(v, cap):
        return home_slot(v, cap, java_hash)

    tab, cap = open_hash_map(vals, java_hash, java_key)
    if not tab:
        return None
    best = max(n for _, n in tab.values())
    if any(n == best and p != home(v, cap) for p, (v, n) in tab.items()):
        sys.exit("mode: a tied value away from its home slot; the data cannot check Spark's order")
    return tab[min(p for p, (_, n) in tab.items() if n == best)][0]


# ---- CollectSet (aggregate/collect.scala) ----

def fht_build(elems):
    """CollectSet's buffer, a Scala 2.12 mutable.HashSet (FlatHashTable: 32 slots, x2 at 45 %,
    refilled in slot order, index = top bits of byteswap32(hashCode) rotated by
    bitCount(slots - 1), linear probing): B, the (key, hashCode as unsigned 32 bits) elements
    inserted in order into a new set (equal keys kept once), read back in slot order."""
    size, table, count = 32, [None] * 32, 0

    def index(h, size):
        hc = (h * 0x9E3775CD) & 0xFFFFFFFF
        hc = int.from_bytes(hc.to_bytes(4, "little"), "big")
        hc = (hc * 0x9E3775CD) & 0xFFFFFFFF
        r = bin(size - 1).count("1") % 32
        improved = ((hc >> r) | (hc << (32 - r))) & 0xFFFFFFFF
        return (improved >> (32 - (size - 1).bit_length())) & (size - 1)

    def add(table, e):
        h = index(e[1], len(table))
        while table[h] is not None:
            if table[h][0] == e[0]:
                return False
            h = (h + 1) % len(table)
        table[h] = e
        return True

    for e in elems:
        if add(table, e):
            count += 1
            if count >= size * 450 // 1000:
                old, size = table, size * 2
                table = [None] * size
                for x in old:
                    if x is not None:
                        add(table, x)
    return [e for e in table if e is not None]


# ---- session windows: SessionWindowStateStoreRestoreExec's MergingSortWithSessionWindowState-
# Iterator (the key's stored sessions and the batch's partial aggregates per (key, own session),
# by start, a stored one first on a tie, the partials by (start, end)), then
# MergingSessionsIterator (a part joins the session while its start <= the session's end).

def session_parts(stored, points):
    """The key's sessions after a batch: [start, end, parts in merge order] for the stored
    sessions and the points (objects with .start and .end)."""
    parts = sorted([(x.start, 0, x.end, i, x) for i, x in enumerate(stored)] +
                   [(x.start, 1, x.end, i, x) for i, x in enumerate(points)], key=lambda e: e[:4])
    out = []
    for start, _, end, _, x in parts:
        if not out or start > out[-1][1]:
            out.append([start, end, []])
        out[-1][1] = max(out[-1][1], end)
        out[-1][2].append(x)
    return out


def points_by_key(rows, key, time):
    """A batch's rows per key (keys in order of their first row), each key's as its points:
    the rows of one time in order of arrival, the points in order of their first row."""
    keys = {}
    for r in rows:
        keys.setdefault(r[key], {}).setdefault(r[time], []).append(r)
    return [(k, list(pts.values())) for k, pts in keys.items()]


def utc_seconds(s):
    """An ISO time ('2024-04-01T12:00:00Z') as seconds since 1970 (UTC)."""
    t = datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
    return int(t.replace(tzinfo=datetime.timezone.utc).timestamp())


def session_cell(start, end):
    """A session window struct as show() prints it."""
    f = lambda t: datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime(  # noqa: E731
        "%Y-%m-%d %H:%M:%S")
    return "{%s, %s}" % (f(start), f(end))


def session_append_run(d, steps, delay, names, point, merge, row, key="user"):
    """The console output of a session window query in append mode, restarted between steps
    (the state survives as is): steps [(step, [files])], one micro-batch per file
    (maxFilesPerTrigger = 1), each using the watermark of the batches before it (max event
    time - delay); after a step's last file a no-data batch when the watermark moved.  Rows
    (JSON lines with `time`, given `t` in seconds) make points per key (points_by_key), a
    point's partial buffers point(rows); merge(stored, points) gives the key's sessions after
    the batch (objects with .start and .end); a session whose end <= the watermark is emitted
    as row(key, session) and evicted.  Rows come out key by key in the order the keys entered
    the state (a key whose sessions all went enters again at the end), each key's by start."""
    state, wm, out, b = {}, 0, [], 0

    def emit_final(wm_used):
        rows = []
        for k in list(state):
            keep = [s for s in state[k] if s.end > wm_used]
            rows += [row(k, s) for s in state[k] if s.end <= wm_used]
            if keep:
                state[k] = keep
            else:
                del state[k]
        return rows

    for step, files in steps:
        out.append("=== step %s ===" % step)
        for f in files:
            with open(os.path.join(d, step, f), encoding="utf-8") as fh:
                rows = [json.loads(line) for line in fh]
            for r in rows:
                r["t"] = utc_seconds(r["time"])
            assert all(r["t"] >= wm for r in rows), "a late row"
            for k, rs in points_by_key(rows, key, "t"):
                state[k] = merge(state.get(k, []), [point(p) for p in rs])
            out += show_batch(b, names, emit_final(wm))
            b += 1
            used = wm
            wm = max(wm, max(r["t"] for r in rows) - delay)
        if wm > used:
            out += show_batch(b, names, emit_final(wm))
            b += 1
    return out
