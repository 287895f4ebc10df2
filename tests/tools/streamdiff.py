#!/usr/bin/env python3
"""streamdiff.py - differential testing of sluice's streaming semantics against a python model
of Spark 3.5's micro-batch engine.

    tests/tools/streamdiff.py --sluice build/compiler/sluice [--seeds 0:50] [--queries 3]
                              [--work DIR] [--keep] [--show]

For each seed: a random stream of micro-batches (JSON Lines files, one to three a batch, events
`time TIMESTAMP, k STRING, v BIGINT, d DOUBLE` with NULLs, NaN and -0.0, late and out-of-order
rows, repeated lines, times before the epoch (1969, 1967), with microseconds and on window
edges) and --queries random
streaming queries over it: `window()` aggregations (tumbling, sliding, with a start time) in
append, update and complete mode, `session_window` in append and complete mode, GROUP BY a key
or nothing in update and complete mode, DROP DUPLICATES [WITHIN WATERMARK] and stateless
filters/projections in append mode, DROP DUPLICATES [WITHIN WATERMARK] before a `window()` or
GROUP BY aggregation (collect_list(v) among its aggregates); with or without a watermark, with a WHERE of conjuncts on
the event time and on other columns (now and then above a subquery over the source), and
aggregations with a HAVING on the key or on aggregates. The batches are fed either one per run of the executable
(a restart from the checkpoint between batches, `--trigger availableNow`) or all at once with
`maxFilesPerTrigger`. The whole console output and the progress records (batch ids, input
rows, eventTime statistics and watermark, state operators' row counts) are compared with the
model's (rows sorted
where Spark's order is not defined: aggregations; kept in order for stateless queries and
deduplication, whose rows come in the order the batch's files are read). The model follows
Spark's classes, named where each rule is; see docs/testing.md.

Areas with generators of their own (--areas): union (a UNION ALL of two watermarked
sources), sessgap (session gaps from the row), order (update mode's row order), ssjoin
(stream-stream INNER, LEFT/RIGHT/FULL OUTER and LEFT SEMI joins of two watermarked sources on
a key with NULLs and time bounds between the sides, extra conditions over one side or both,
one batch a run or all at once; the model is StreamingSymmetricHashJoinExec's state of each
side, eviction by the state value watermarks, outer rows at eviction, its progress counts, and
the filters the optimizer puts over each side) and static (stream-static INNER, LEFT OUTER,
LEFT SEMI and LEFT ANTI joins with a table of NULL and repeated keys and extra conditions,
now and then under a GROUP BY) and exprs (expression grouping keys and aggregates of
expressions, a window of a shifted time, ORDER BY in complete mode, NULL/NaN-heavy streams
starting at year, leap-day and daylight-saving edges, for a third of the seeds keys other than
`a` made non-ASCII: accents, a combining mark, `ß`, CJK and fullwidth letters, a letter
outside the BMP, as UTF-8 or JSON escapes; so too the keys of ssjoin's two sources and of
static's stream and table). A batch's files are ordered by their length in
bytes.
"""

import argparse
import datetime
import difflib
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import spark_show  # noqa: E402  (Java's Double.toString, the console sink's table)

SEC = 1_000_000  # microseconds
EPOCH = datetime.datetime(1970, 1, 1)


# ---------------------------------------------------------------------------------------------
# Values as Spark orders, adds and prints them


def is_nan(x):
    return isinstance(x, float) and math.isnan(x)


def gt(a, b):
    """a > b in Spark's ordering (SQLOrderingUtil.compareDoubles: NaN largest, -0.0 = 0.0)."""
    if is_nan(a):
        return not is_nan(b)
    if is_nan(b):
        return False
    return a > b


def ts_text(us):
    """A TIMESTAMP as show() prints it (Cast to string: fraction without trailing zeros)."""
    t = EPOCH + datetime.timedelta(microseconds=us)
    s = t.strftime("%Y-%m-%d %H:%M:%S")
    if us % SEC:
        s += ("." + "%06d" % (us % SEC)).rstrip("0")
    return s


def cell(v, typ):
    if v is None:
        return "NULL"
    if typ == "ts":
        return ts_text(v)
    if typ == "win":
        return "{%s, %s}" % (ts_text(v[0]), ts_text(v[1]))
    if typ == "double":
        return spark_show.java_double(v)
    if typ == "arr":  # an ARRAY<BIGINT> as show() casts it to a string
        return "[" + ", ".join(str(x) for x in v) + "]"
    return str(v)


def trunc_div(a, b):
    """Java's / on longs."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def java_mod(a, b):
    return a - trunc_div(a, b) * b


# ---------------------------------------------------------------------------------------------
# The stream


def time_json(r, us):
    """A time as JSON: seconds since the epoch (JacksonParser: an integer is seconds), or a
    string the lenient parser reads (DateTimeUtils.stringToTimestamp)."""
    if us % SEC == 0 and r.random() < 0.4:
        return us // SEC
    t = EPOCH + datetime.timedelta(microseconds=us)
    s = t.strftime("%Y-%m-%d %H:%M:%S")
    if us % 1000:
        s += ".%06d" % (us % SEC)  # microseconds: the lenient parser reads up to six digits
    elif us % SEC:
        s += ".%03d" % (us % SEC // 1000)
    return s


def row_line(r, row, time_name="time"):
    items = []
    for name in ["time", "k", "v", "d"]:
        val = row[name]
        if val is None and r.random() < 0.5:
            continue  # a missing key is NULL too
        if name == "time" and val is not None:
            items.append('"%s":%s' % (time_name, json.dumps(time_json(r, val))))
        elif name == "d" and val is not None:
            items.append('"d":%s' % ("NaN" if is_nan(val) else repr(val)))
        else:
            items.append("%s:%s" % (json.dumps(time_name if name == "time" else name),
                                    json.dumps(val)))
    r.shuffle(items)
    return "{" + ",".join(items) + "}"


def gen_row(r, st, frontier):
    base, stride = st["base"], st["stride"]
    # the exprs area's NULL- and NaN-heavy streams (0 elsewhere: the draws stay the same)
    tn, n, s = st.get("tnulls", 0.0), st.get("nulls", 0.0), st.get("nans", 0.0)
    p = r.random()
    if p < 0.07 + tn:
        t = None
    elif p < 0.22 + tn:  # late: well behind the frontier
        t = base + (frontier - r.randint(2 * stride, 7 * stride)) * SEC
    elif p < 0.3 + tn:  # ahead of the frontier
        t = base + (frontier + r.randint(1, 2 * stride)) * SEC
    else:
        t = base + (frontier - r.randint(0, stride)) * SEC
    if t is not None and r.random() < 0.15:
        t += r.choice([1000, 250_000, 500_000, 999_000, 1, 999_999, 123_456])
    k = None if r.random() < 0.1 + n else r.choice(st["keys"])
    v = None if r.random() < 0.15 + n else r.randint(-5, 20)
    q = r.random()
    if q < 0.15 + n:
        d = None
    elif q < 0.18 + n + s and st["specials"]:
        d = float("nan")
    elif q < 0.22 + n + 2 * s and st["specials"]:
        d = -0.0
    else:
        d = r.choice([0.5, 1.25, -2.0, 3.75, 0.0, 10.5, -0.25])
    return {"time": t, "k": k, "v": v, "d": d}


def gen_stream(r, bases=None, skew=None):
    """Batches of files of rows; each row keeps the JSON line it is written as. bases: the
    start times to draw from instead; skew: NULL/NaN rates gen_row adds (tnulls, nulls, nans)."""
    st = {
        # around 2024, the epoch, or 1967 (every event time before 1970, watermark 0)
        "base": r.choice(bases or [1711972800, 1711972800, 1711972800, 0, -40, -94694400]) * SEC,
        "stride": r.choice([3, 5, 5, 10]),
        "keys": ["a", "b", "c", "d"][: r.randint(1, 4)],
        "specials": r.random() < 0.5,
        "feed": r.choice(["steps", "steps", "single"]),
    }
    st.update(skew or {})
    nb = r.randint(3, 8)
    per = r.choice([1, 2, 3])  # files a batch when fed at once (maxFilesPerTrigger)
    frontier, seen, batches = 0, [], []
    for _ in range(nb):
        frontier += st["stride"] * r.choice([0, 1, 1, 2, 3])
        nfiles = per if st["feed"] == "single" else r.choice([1, 1, 2, 3])
        files = []
        for _ in range(nfiles):
            rows = []
            for _ in range(r.choice([0, 1, 2, 3, 3, 4, 5, 6])):
                if seen and r.random() < 0.12:
                    rows.append(r.choice(seen))  # a duplicate line
                else:
                    row = gen_row(r, st, frontier)
                    row["line"] = row_line(r, row)
                    rows.append(row)
                    seen.append(row)
            files.append(rows)
        batches.append(files)
    st["batches"] = batches
    # a batch split into tasks on two threads must give one thread's output (operations.md)
    st["threads"] = r.random() < 0.25
    return st


# Keys whose upper case, length, left() and order Java and python agree on: Latin-1, a
# lower case letter whose upper case is two (SpecialCasing), a combining accent, CJK and
# fullwidth letters (show() counts them twice: Utils.stringHalfWidth), a letter outside the
# BMP (two UTF-16 units), a titlecase digraph.
UNICODE_KEYS = ["\u00e7a", "stra\u00dfe", "e\u0301", "\u65e5\u672c", "\uff41\uff42",
                "\U0001d538x", "\u01c6z", "\u00ff"]


def unicode_keys(ur, st):
    """For about a third of the seeds, the keys other than `a` (which `max_ca` names) become
    non-ASCII strings, written as UTF-8 or as JSON escapes (surrogate pairs outside the BMP)."""
    if ur.random() >= 0.35:
        return
    new = dict(zip(["b", "c", "d"], ur.sample(UNICODE_KEYS, 3)))
    st["keys"] = [new.get(k, k) for k in st["keys"]]
    done = set()
    for files in st["batches"] + st.get("batches2", []):
        for rows in files:
            for w in rows:
                if id(w) in done or w["k"] not in new:
                    continue
                done.add(id(w))
                text = json.dumps(new[w["k"]], ensure_ascii=ur.random() < 0.4)
                w["line"] = w["line"].replace('"k":"%s"' % w["k"], '"k":' + text, 1)
                w["k"] = new[w["k"]]


def file_texts(files):
    """The files of a batch as text, made of different lengths (a field no query reads pads
    them) so that the order Spark reads them in is defined: FilePartition.getFilePartitions
    sorts a batch's files by length, longest first."""
    texts, lengths = [], set()
    for rows in files:
        lines = [row["line"] for row in rows]
        n = 0
        while True:
            text = "".join(line + "\n" for line in lines)
            if not lines or len(text.encode()) not in lengths:
                break
            pad = '"pad":"%s"' % ("x" * n)
            lines[0] = rows[0]["line"].replace("{", "{" + pad + ("" if rows[0]["line"] == "{}" else ","), 1)
            n += 1
        lengths.add(len(text.encode()))
        texts.append(text)
    return texts


def read_order(files, texts):
    """The file partitions of a batch in the order Spark's file scan reads them: the longest
    file first (FilePartition.getFilePartitions, each file a partition; its length in bytes),
    rows in file order."""
    order = sorted(range(len(files)), key=lambda i: -len(texts[i].encode()))
    return [files[i] for i in order]


# ---------------------------------------------------------------------------------------------
# Queries


def dur(s):
    """A whole number of seconds as an interval string."""
    return "1 second" if s == 1 else "%d seconds" % s


def gen_where(r, st):
    """0 to 2 conjuncts: (sql, predicate over a row, reads the event time)."""
    base = st["base"]
    cands = [
        ("v > 3", lambda w: w["v"] is not None and w["v"] > 3, False),
        ("(v IS NULL OR v < 10)", lambda w: w["v"] is None or w["v"] < 10, False),
        ("k <> 'b'", lambda w: w["k"] is not None and w["k"] != "b", False),
        ("k IS NOT NULL", lambda w: w["k"] is not None, False),
        ("d >= 0", lambda w: w["d"] is not None and (is_nan(w["d"]) or w["d"] >= 0), False),
        ("coalesce(v, 1) % 2 = 0", lambda w: java_mod(1 if w["v"] is None else w["v"], 2) == 0, False),
        ("second(time) % 2 = 0",
         lambda w: w["time"] is not None and (w["time"] // SEC) % 60 % 2 == 0, True),
        ("time > TIMESTAMP '%s'" % ts_text(base + 4 * SEC),
         lambda w: w["time"] is not None and w["time"] > base + 4 * SEC, True),
    ]
    n = r.choice([0, 0, 1, 1, 2])
    return r.sample(cands, n)


AGGS = {
    # name: (sql, type, update(buf, row) on a batch's partial, merge(state, partial), result)
    "count": "count(*)", "count_v": "count(v)", "sum_v": "sum(v)", "min_v": "min(v)",
    "max_v": "max(v)", "avg_v": "avg(v)", "sum_d": "sum(d)", "min_d": "min(d)", "max_d": "max(d)",
    "avg_d": "avg(d)", "min_t": "min(time)", "max_t": "max(time)", "collect_v": "collect_list(v)",
}
# the aggregates random queries take (collect_v only after DROP DUPLICATES: gen_chain)
RANDOM_AGGS = sorted(a for a in AGGS if a != "collect_v")
AGG_TYPE = {"count": "long", "count_v": "long", "sum_v": "long", "min_v": "long", "max_v": "long",
            "avg_v": "double", "sum_d": "double", "min_d": "double", "max_d": "double",
            "avg_d": "double", "min_t": "ts", "max_t": "ts", "collect_v": "arr"}
AGG_COL = {"count_v": "v", "sum_v": "v", "min_v": "v", "max_v": "v", "avg_v": "v", "sum_d": "d",
           "min_d": "d", "max_d": "d", "avg_d": "d", "min_t": "time", "max_t": "time",
           "collect_v": "v"}


def agg_init(a):
    if a.startswith("ratio_"):  # the exprs area's sum(v) / count(*): both buffers
        return (None, 0)
    if a == "count" or a.startswith("count_"):
        return 0
    if a.startswith("avg"):
        return (0.0, 0)  # Average: sum = 0, count = 0 (Literal.default)
    if a == "collect_v":
        return []
    return None


def agg_update(a, buf, row):
    """One input row into a partial buffer (the aggregates' updateExpressions)."""
    if a == "count":
        return buf + 1
    x = row[AGG_COL[a]]
    if a.startswith("ratio_"):
        return (buf[0] if x is None else (buf[0] or 0) + x, buf[1] + 1)
    if a.startswith("count_"):
        return buf + (x is not None)
    if x is None:
        return buf
    if a == "collect_v":  # Collect.update: a NULL is skipped
        return buf + [x]
    if a.startswith("sum"):  # Sum: coalesce(coalesce(sum, 0) + x, sum)
        return (0 if buf is None else buf) + (float(x) if AGG_TYPE[a] == "double" else x)
    if a.startswith("avg"):  # Average: sum + coalesce(cast(x as double), 0), count + 1
        return (buf[0] + float(x), buf[1] + 1)
    if a.startswith("max"):  # Greatest(max, x): the first of equal values stays
        return x if buf is None or gt(x, buf) else buf
    return x if buf is None or gt(buf, x) else buf  # Least(min, x)


def agg_merge(a, left, right):
    """Merge a right buffer into a left one (mergeExpressions); left is the earlier."""
    if a == "count" or a.startswith("count_"):
        return left + right
    if a.startswith("avg"):
        return (left[0] + right[0], left[1] + right[1])
    if a.startswith("ratio_"):
        return (left[0] if right[0] is None else (left[0] or 0) + right[0], left[1] + right[1])
    if a == "collect_v":  # Collect.merge: the buffer's values, then the input's
        return left + right
    if right is None:
        return left
    if a.startswith("sum"):
        return (0 if left is None else left) + right
    if a.startswith("max"):
        return right if left is None or gt(right, left) else left
    return right if left is None or gt(left, right) else left


def agg_result(a, buf):
    if AGG_TYPE[a] == "dec38" and buf is not None and buf >= 10 ** 38:
        return None  # the exprs area's sum of DECIMAL(38,0): overflowed (CheckOverflowInSum)
    if a.startswith("avg"):
        return None if buf[1] == 0 else buf[0] / buf[1]
    if a.startswith("ratio_"):  # Divide: both cast to DOUBLE, NULL for a NULL sum
        return None if buf[0] is None else float(buf[0]) / float(buf[1])
    return buf


class Query:
    pass


def gen_having(r, q):
    """0 to 2 HAVING conjuncts: (sql, predicate over the output row as a dict by column name,
    on a grouping key). A conjunct on a non-time grouping key is pushed below the Aggregate
    (PushPredicateThroughNonJoin, case Filter over Aggregate) and then below
    EventTimeWatermark, as a WHERE conjunct would be; one on aggregates filters the output."""
    cands = []
    if "k" in q.keys:
        cands += [("k <> 'b'", lambda o: o["k"] is not None and o["k"] != "b", True),
                  ("k IS NOT NULL", lambda o: o["k"] is not None, True)]
    if "count" in q.aggs:
        cands.append(("count(*) > 1", lambda o: o["count"] > 1, False))
    if "sum_v" in q.aggs:
        cands.append(("sum(v) > 5", lambda o: o["sum_v"] is not None and o["sum_v"] > 5, False))
    if "max_d" in q.aggs:
        cands.append(("max(d) >= 1", lambda o: o["max_d"] is not None and
                      (is_nan(o["max_d"]) or o["max_d"] >= 1), False))
    if "min_v" in q.aggs:
        cands.append(("(min(v) IS NULL OR min(v) < 3)",
                      lambda o: o["min_v"] is None or o["min_v"] < 3, False))
    return r.sample(cands, min(len(cands), r.choice([0, 0, 1, 1, 2])))


def gen_query(r, st):
    q = Query()
    q.family = r.choice(["window", "window", "window", "session", "session", "group", "dedup",
                         "dedup", "stateless"])
    q.delay = r.choice([None, 0, 2, 5, 10, 20]) if q.family != "stateless" else r.choice([None, 5])
    q.where = gen_where(r, st)
    q.keys = []
    q.aggs = []
    if q.family in ("window", "session", "group"):
        q.aggs = r.sample(RANDOM_AGGS, r.randint(1, 4))
        if "count" not in q.aggs and r.random() < 0.5:
            q.aggs.insert(0, "count")
    # the WHERE above a subquery over the source: Spark pushes it down through the Project
    q.subq = r.random() < 0.3
    if q.family == "window":
        size = r.choice([2, 5, 10, 15, 20])
        slide = r.choice([size, size, size] + [s for s in (1, 2, 3, 4, 5, 6, 7, 10) if s < size])
        start = r.choice([0, 0, 0] + list(range(1, slide)))
        q.size, q.slide, q.start = size * SEC, slide * SEC, start * SEC
        args = "time, '%s'" % dur(size)
        if slide != size or start:
            args += ", '%s'" % dur(slide)
        if start:
            args += ", '%s'" % dur(start)
        q.wexpr = "window(%s)" % args
        q.keys = ["k"] if r.random() < 0.7 else []
        q.mode = r.choice(["append", "update", "complete"] if q.delay is not None
                          else ["update", "complete"])
    elif q.family == "session":
        q.gap = r.choice([1, 3, 5, 10]) * SEC
        q.wexpr = "session_window(time, '%s')" % dur(q.gap // SEC)
        q.keys = ["k"]
        q.mode = r.choice(["append", "complete"] if q.delay is not None else ["complete"])
    elif q.family == "group":
        q.keys = ["k"] if r.random() < 0.7 else []
        if r.random() < 0.3:
            q.keys.append("time")  # the event time itself as a key
        q.mode = r.choice(["update", "complete"] + (["append"] if "time" in q.keys and
                                                     q.delay is not None else []))
    elif q.family == "dedup":
        q.within = q.delay is not None and r.random() < 0.4
        cols = ["time", "k", "v", "d"]
        q.dkeys = None if r.random() < 0.2 else r.sample(cols, r.randint(1, 3))
        q.select = [c for c in cols if r.random() < 0.7] or ["k"]
        if q.within and "time" not in q.select + (q.dkeys or ["time"]):
            # Spark 3.5 reads the event time of each row it keeps
            # (StreamingDeduplicateWithinWatermarkExec.putDupInfoIntoState), which ColumnPruning
            # took away: left out.
            q.select.insert(0, "time")
        q.mode = r.choice(["append", "update"])
    else:
        q.select = [c for c in ["time", "k", "v", "d"] if r.random() < 0.8] or ["v"]
        q.plus = r.random() < 0.5
        q.mode = r.choice(["append", "append", "update"])
    q.having = gen_having(r, q) if q.family in ("window", "session", "group") else []
    q.pre_dedup = None
    return q


def gen_chain(r, q):
    """Now and then, DROP DUPLICATES [WITHIN WATERMARK] before a window(), session_window()
    or GROUP BY aggregation without HAVING (r: a generator of its own, so the other queries
    of a seed stay what they were)."""
    if q.family not in ("window", "group", "session") or q.having or r.random() < 0.6:
        return
    within = q.delay is not None and r.random() < 0.4
    q.pre_dedup = (r.sample(["time", "k", "v", "d"], r.randint(1, 3)), within)
    if r.random() < 0.5 and q.family != "session":  # no collect_list in a session window yet
        q.aggs.append("collect_v")
    if within and not reads_time_above_dedup(q):
        # StreamingDeduplicateWithinWatermarkExec reads the event time ColumnPruning would
        # take away (see gen_query's dedup family): left in, read by max(time)
        q.aggs.append("max_t")


def reads_time_above_dedup(q):
    """Does DROP DUPLICATES before q's aggregation keep the event time (a key, or read by the
    aggregation: a window, a time key or aggregate), so that ColumnPruning leaves it below the
    deduplication with its watermark predicate?"""
    return ("time" in q.pre_dedup[0] or q.family in ("window", "session") or "time" in q.keys or
            any(AGG_COL.get(a) == "time" for a in q.aggs))


def query_sql(q, st, per):
    wm = (",\n    WATERMARK FOR time AS time - INTERVAL '%s'" % dur(q.delay)
          if q.delay is not None else "")
    mft = ", maxFilesPerTrigger = %d" % per if st["feed"] == "single" else ""
    src = ("CREATE SOURCE events (\n    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE%s\n)"
           " WITH (connector = 'files', path = 'data/events', format = 'json'%s);\n" % (wm, mft))
    sink = "CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 100000);\n"
    where = " WHERE " + " AND ".join(c[0] for c in q.where) if q.where else ""
    source = "events"
    if getattr(q, "subq", False):
        source = "(SELECT time, k, v, d FROM events) AS s"
    if getattr(q, "union", None):
        # a second source whose event time is t2, with its own watermark; the union's columns
        # are named by its first branch (Union.output), whose time keeps its watermark metadata
        src += ("CREATE SOURCE events2 (\n    t2 TIMESTAMP, k STRING, v BIGINT, d DOUBLE,\n"
                "    WATERMARK FOR t2 AS t2 - INTERVAL '%s'\n) WITH (connector = 'files', "
                "path = 'data/events2', format = 'json');\n" % dur(q.union[1]))
        source = ("(SELECT time, k, v, d FROM events UNION ALL SELECT t2, k, v, d FROM events2)"
                  " AS u")
    kx = getattr(q, "key_exprs", None)
    named = [k for k in q.keys if k in KEY_EXPRS] if kx and kx[1] else []
    if named:
        # the key expressions named in a subquery over the source, grouped by name
        source = "(SELECT time, k, v, d, %s FROM events) AS s" % ", ".join(
            "%s AS %s" % (KEY_EXPRS[k][0], k) for k in named)
    if getattr(q, "where_levels", None):
        # two nested subqueries, each with a WHERE of its own (the key expressions named in
        # the inner one)
        conds = [" WHERE " + " AND ".join(c[0] for c in lvl) if lvl else ""
                 for lvl in q.where_levels]
        source = ("(SELECT time, k, v, d%s FROM (SELECT time, k, v, d%s FROM events%s) AS s0%s)"
                  " AS s" % ("".join(", " + k for k in named),
                             "".join(", %s AS %s" % (KEY_EXPRS[k][0], k) for k in named),
                             conds[0], conds[1]))
    if q.family in ("window", "session", "group"):
        items = [key_item(q, k) for k in q.keys]
        groups = [KEY_EXPRS[k][0] if k in KEY_EXPRS and not kx[1] else k for k in q.keys]
        if q.family != "group":
            items.append("%s AS w" % q.wexpr)
            groups.append(q.wexpr)
        items += ["%s AS %s" % (AGGS[a], a) for a in q.aggs]
        body = "SELECT %s\nFROM %s%s" % (", ".join(items), source, where)
        if getattr(q, "pre_dedup", None):
            dkeys, within = q.pre_dedup
            body += "\nDROP DUPLICATES%s (%s)" % (" WITHIN WATERMARK" if within else "",
                                                 ", ".join(dkeys))
        if groups:
            body += "\nGROUP BY " + ", ".join(groups)
        if q.having:
            body += "\nHAVING " + " AND ".join(c[0] for c in q.having)
        if getattr(q, "order_by", None):
            body += "\nORDER BY " + ", ".join(
                "%s%s%s" % (name, " DESC" if desc else "",
                            "" if nulls_first == (not desc) else
                            " NULLS FIRST" if nulls_first else " NULLS LAST")
                for name, desc, nulls_first in q.order_by)
    elif q.family == "dedup":
        body = "SELECT %s\nFROM %s%s\nDROP DUPLICATES%s%s" % (
            ", ".join(q.select), source, where, " WITHIN WATERMARK" if q.within else "",
            " (%s)" % ", ".join(q.dkeys) if q.dkeys else "")
    else:
        items = list(q.select) + (["v + 1 AS v1"] if q.plus else [])
        body = "SELECT %s\nFROM %s%s" % (", ".join(items), source, where)
    policy = getattr(q, "policy_text", None)
    policy = (",\n      spark.sql.streaming.multipleWatermarkPolicy = '%s'" % policy
              if policy is not None else "")
    return (src + sink + "INSERT INTO out\n" + body +
            "\nWITH (name = 'q', outputMode = '%s', checkpointLocation = 'chk'%s);\n"
            % (q.mode, policy))


def key_item(q, k):
    """A grouping key in the SELECT list: a column, or the exprs area's expression (inline, or
    by the name a subquery gave it)."""
    if k not in KEY_EXPRS or q.key_exprs[1]:
        return k
    return "%s AS %s" % (KEY_EXPRS[k][0], k)


def out_columns(q):
    """(name, type) of the query's columns."""
    types = {"time": "ts", "k": "str", "v": "long", "d": "double"}
    if q.family in ("window", "session", "group"):
        cols = [(k, types[k] if k in types else KEY_EXPRS[k][2]) for k in q.keys]
        if q.family != "group":
            cols.append(("w", "win"))
        return cols + [(a, AGG_TYPE[a]) for a in q.aggs]
    cols = [(c, types[c]) for c in q.select]
    if q.family == "stateless" and q.plus:
        cols.append(("v1", "long"))
    return cols


# ---------------------------------------------------------------------------------------------
# The model of Spark 3.5's micro-batch engine


def event_time_stats(parts):
    """EventTimeStats of the rows reaching EventTimeWatermarkExec: each file partition's task
    adds its rows in order (getEventTime(row).getLong(0) / 1000: a NULL time is an UnsafeRow
    slot that setNullAt zeroed, so it counts as 0), the driver merges the tasks' accumulators
    (taken here in partition order). avg is a running mean in a double."""
    tot = {"max": -2 ** 63, "min": 2 ** 63 - 1, "avg": 0.0, "count": 0}
    for p in parts:
        st = {"max": -2 ** 63, "min": 2 ** 63 - 1, "avg": 0.0, "count": 0}
        for w in p:
            e = event_ms(w["time"])
            st["max"], st["min"] = max(st["max"], e), min(st["min"], e)
            st["count"] += 1
            st["avg"] += (e - st["avg"]) / st["count"]
        if st["count"] == 0:
            continue
        if tot["count"] == 0:
            tot = st
        else:
            tot["max"], tot["min"] = max(tot["max"], st["max"]), min(tot["min"], st["min"])
            tot["count"] += st["count"]
            tot["avg"] += (st["avg"] - tot["avg"]) * st["count"] / tot["count"]
    return tot


def iso_ms(ms):
    """ProgressReporter.formatTimestamp: yyyy-MM-dd'T'HH:mm:ss.SSS'Z' in UTC."""
    t = EPOCH + datetime.timedelta(milliseconds=ms)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)



def event_ms(us):
    """EventTimeWatermarkExec: eventTime / 1000 (Long division); a NULL reads as 0."""
    return 0 if us is None else trunc_div(us, 1000)


def windows_of(q, t):
    """TimeWindowing (Spark 3.5): the windows a time falls in, latest first."""
    remainder = java_mod(t - q.start, q.slide)
    last_start = t - (remainder + q.slide if remainder < 0 else remainder)
    n = -(-q.size // q.slide)
    out = []
    for i in range(n):
        s = last_start - i * q.slide
        e = s + q.size
        # windowDuration % slideDuration != 0: a filter keeps the windows holding the time
        if q.size % q.slide == 0 or (s <= t < e):
            out.append((s, e))
    return out


class Model:
    def __init__(self, q):
        self.q = q
        self.wm = 0            # the watermark the next batch runs with (ms)
        self.prev_wm = 0       # the watermark the last batch ran with (ms)
        self.batch_id = 0
        self.state = {}        # aggregation: group -> buffers; dedup: key -> eviction time
        self.dstate = {}       # DROP DUPLICATES before an aggregation: key -> eviction time
        self.sessions = {}     # session: key -> [[start, end, buffers], ...] sorted by start
        self.srcwm = {}        # UNION ALL of watermarked sources: branch -> its watermark (ms)
        self.order_update = False  # update mode's rows compared in order (the "order" area)
        self.out = []
        self.progress = []     # per batch: the fields of its progress record the model knows

    # -- which queries run no-data batches (MicroBatchExecution.constructNextBatch:
    #    lastExecution.shouldRunAnotherBatch, i.e. some StateStoreWriter's)
    def runs_no_data_batch(self):
        q = self.q
        if q.delay is None or q.family == "stateless":
            return False
        if getattr(q, "pre_dedup", None):
            return self.wm > self.prev_wm  # its StreamingDeduplicateExec, in any mode
        if q.family in ("window", "group", "session"):
            # StateStoreSaveExec / SessionWindowStateStoreSaveExec: Append or Update only
            return q.mode in ("append", "update") and self.wm > self.prev_wm
        return self.wm > self.prev_wm  # StreamingDeduplicateExec: any mode

    def run(self, batches, first_in_run=True):
        """One run of the executable: its data batches (each a list of file partitions, each
        a list of rows in read order), then a no-data batch if the watermark moved
        (lastExecution is null after a restart, so a run starts with data). A restart makes a new
        WatermarkTracker: its per-operator watermarks are not checkpointed."""
        self.srcwm = {}
        for parts in batches:
            self.batch(parts)
        if batches and self.runs_no_data_batch():
            self.batch([])

    def batch(self, parts):
        q = self.q
        rows = [w for p in parts for w in p]
        late_ms, wm_ms = self.prev_wm if self.batch_id > 0 else 0, self.wm
        # The conjuncts that do not read the event time are pushed below EventTimeWatermark
        # (PushPredicateThroughNonJoin), so the rows they drop do not count for the watermark.
        # A HAVING conjunct on a non-time grouping key is pushed below the Aggregate, so it
        # filters the rows as a WHERE conjunct that does not read the event time would.
        where = list(q.where) + [(sql, lambda w, f=f: f(w), False)
                                 for sql, f, on_key in q.having if on_key]
        # the exprs area's WHEREs of nested subqueries: pushed down as one conjunction
        where += [c for lvl in getattr(q, "where_levels", None) or [] for c in lvl]
        pushed = [c[1] for c in where if not c[2]]
        seen = [w for w in rows if all(p(w) for p in pushed)]
        kept = [w for w in seen if all(c[1](w) for c in where)]
        self.parts = [[w for w in p if all(c[1](w) for c in where)] for p in parts]
        self.op = {"updated": 0, "removed": 0, "dropped": 0}
        self.dop = {"updated": 0, "removed": 0, "dropped": 0}
        if getattr(q, "pre_dedup", None):
            kept = self.pre_dedup_batch(kept, late_ms, wm_ms)
            # a session window's partitions hold the rows the deduplication kept
            ids = {id(w) for w in kept}
            self.parts = [[w for w in p if id(w) in ids] for p in self.parts]
        cols = out_columns(q)
        # update mode: StateStoreSaveExec emits the rows of the final HashAggregate as it puts
        # them, in the order its BytesToBytesMap met the groups (the batch's partitions in read
        # order, each group at its first row); append and complete mode emit in the state
        # store's order (HDFSBackedStateStoreMap: a ConcurrentHashMap), not modelled
        upd = self.order_update and q.mode == "update"
        if q.family == "window":
            res, ordered = self.window_batch(kept, late_ms, wm_ms), upd
        elif q.family == "group":
            res, ordered = self.group_batch(kept, late_ms, wm_ms), upd
        elif q.family == "session":
            res, ordered = self.session_batch(kept, late_ms, wm_ms), False
        elif q.family == "dedup":
            res, ordered = self.dedup_batch(kept, late_ms, wm_ms), True
        else:
            res, ordered = [[w[c] for c in q.select] + ([None if w["v"] is None else w["v"] + 1]
                                                       if q.plus else []) for w in kept], True
        # HAVING on aggregates: a Filter over the stateful operator's output rows
        post = [f for _, f, on_key in q.having if not on_key]
        res = [row for row in res
               if all(f({c[0]: v for v, c in zip(row, cols)}) for f in post)]
        if getattr(q, "order_by", None):  # ORDER BY after a complete mode aggregation
            res, ordered = sort_rows(res, [c[0] for c in cols], q.order_by), True
        cells = [[cell(v, t) for v, (_, t) in zip(row, cols)] for row in res]
        self.out.append((self.batch_id, [c[0] for c in cols], cells, ordered))
        self.progress.append(self.progress_record(rows, [[w for w in p if all(f(w) for f in pushed)]
                                                         for p in parts], wm_ms))
        # WatermarkTracker.updateWatermark, after the batch: max event time - delay, only
        # forward; a batch without rows leaves it.
        if getattr(q, "union", None):
            self.union_watermark(seen)
        else:
            self.one_watermark(seen)
        self.prev_wm = wm_ms
        self.batch_id += 1

    def one_watermark(self, seen):
        """One watermarked source: max event time of the rows its EventTimeWatermarkExec saw
        - delay, only forward."""
        if self.q.delay is not None and seen:
            cand = max(event_ms(w["time"]) for w in seen) - self.q.delay * 1000
            if cand > self.wm:
                self.wm = cand

    def union_watermark(self, seen):
        """WatermarkTracker.updateWatermark over a UNION ALL of watermarked sources, after every
        batch (no-data ones too): each EventTimeWatermarkExec (a branch, in plan order) that saw
        rows takes max - its delay when that is larger than its own (or it has none yet), one
        that saw none and has none yet gets 0; the global watermark is the policy's choice
        over them (MinWatermark: the minimum, MaxWatermark: the maximum), only forward."""
        q = self.q
        for i, delay in enumerate(q.union):
            times = [event_ms(w["time"]) for w in seen if w["src"] == i]
            if times:
                cand = max(times) - delay * 1000
                if i not in self.srcwm or cand > self.srcwm[i]:
                    self.srcwm[i] = cand
            elif i not in self.srcwm:
                self.srcwm[i] = 0
        chosen = (max if q.policy == "max" else min)(self.srcwm.values())
        if chosen > self.wm:
            self.wm = chosen

    def progress_record(self, rows, seen_parts, wm_ms):
        """The batch's progress record (ProgressReporter.finishTrigger): numInputRows, the
        eventTime statistics and watermark, each state operator's row counts."""
        q = self.q
        rec = {"batchId": self.batch_id, "numInputRows": len(rows)}
        if q.delay is not None:
            # ProgressReporter.extractExecutionStats: max/min/avg only when the
            # EventTimeWatermarkExec saw a row (count > 0), the batch's watermark always
            et = {}
            st = event_time_stats(seen_parts)
            if getattr(q, "union", None):
                # extractExecutionStats: the first EventTimeWatermarkExec (branch order) whose
                # count is not 0
                for i in range(len(q.union)):
                    st = event_time_stats([[w for w in p if w["src"] == i] for p in seen_parts])
                    if st["count"] > 0:
                        break
            if st["count"] > 0:
                et = {"avg": iso_ms(int(st["avg"])), "max": iso_ms(st["max"]),
                      "min": iso_ms(st["min"])}
            et["watermark"] = iso_ms(wm_ms)
            rec["eventTime"] = et
        ops = []
        if q.family in ("window", "group", "session", "dedup"):
            if q.family == "session":
                name, total = "sessionWindowStateStoreSaveExec", sum(
                    len(v) for v in self.sessions.values())
            elif q.family == "dedup":
                name, total = "dedupeWithinWatermark" if q.within else "dedupe", len(self.state)
            else:
                name, total = "stateStoreSave", len(self.state)
            ops.append({"operatorName": name, "numRowsTotal": total,
                        "numRowsUpdated": self.op["updated"],
                        "numRowsRemoved": self.op["removed"],
                        "numRowsDroppedByWatermark": self.op["dropped"]})
        if getattr(q, "pre_dedup", None):  # upstream, after the aggregation (executedPlan.collect)
            ops.append({"operatorName": "dedupeWithinWatermark" if q.pre_dedup[1] else "dedupe",
                        "numRowsTotal": len(self.dstate), "numRowsUpdated": self.dop["updated"],
                        "numRowsRemoved": self.dop["removed"],
                        "numRowsDroppedByWatermark": self.dop["dropped"]})
        rec["stateOperators"] = ops
        return rec

    def has_event_key(self):
        """A grouping key with the event time's watermark metadata: the time, or a window of
        the time itself (ResolveTimeWindows.TimeWindowing: `window.timeColumn match { case a:
        Attribute => a.metadata; case _ => Metadata.empty }`, so a window of another expression
        has none)."""
        return self.q.delay is not None and not getattr(self.q, "tshift", 0) and \
            (self.q.family in ("window", "session") or "time" in self.q.keys)

    def final(self, g, wm_ms):
        """Is the group's event-time key (a window's end, or the time) at or before wm_ms?
        (WatermarkSupport.watermarkExpression: end <= wm; NULL for a NULL time.)"""
        t = g[-1][1] if self.q.family == "window" else g[self.q.keys.index("time")]
        return t is not None and t <= wm_ms * 1000

    def window_batch(self, rows, late_ms, wm_ms):
        """planStreamingAggregation: a partial aggregate of the batch, StateStoreRestoreExec
        (the stored buffer first), StateStoreSaveExec."""
        q = self.q
        partial = {}
        for w in rows:
            if w["time"] is None:  # TimeWindowing's IsNotNull(time) filter
                continue
            # the exprs area's window over the time shifted by an interval
            for win in windows_of(q, w["time"] + getattr(q, "tshift", 0)):
                g = tuple(w[k] for k in q.keys) + (win,)
                bufs = partial.setdefault(g, [agg_init(a) for a in q.aggs])
                for i, a in enumerate(q.aggs):
                    bufs[i] = agg_update(a, bufs[i], w)
        return self.save_groups(partial, late_ms, wm_ms)

    def group_batch(self, rows, late_ms, wm_ms):
        q = self.q
        partial = {}
        if not q.keys:
            # a global aggregate: one row even for an empty batch
            # (AggregationIterator.outputForEmptyGroupingKeyWithoutInput)
            partial[()] = [agg_init(a) for a in q.aggs]
        for w in rows:
            g = tuple(w[k] for k in q.keys)
            bufs = partial.setdefault(g, [agg_init(a) for a in q.aggs])
            for i, a in enumerate(q.aggs):
                bufs[i] = agg_update(a, bufs[i], w)
        return self.save_groups(partial, late_ms, wm_ms)

    def save_groups(self, partial, late_ms, wm_ms):
        """StateStoreSaveExec by output mode. The watermark predicates exist only when a
        grouping key carries the event time (the window)."""
        q = self.q
        timed = self.has_event_key() and q.mode != "complete"
        updated = []
        for g, bufs in partial.items():
            if timed and self.final(g, late_ms):
                # late: watermarkPredicateForDataForLateEvents, counted per group of the
                # partial aggregate merged after the shuffle (applyRemovingRowsOlderThanWatermark)
                self.op["dropped"] += 1
                continue
            self.op["updated"] += 1  # StateStoreSaveExec: numUpdatedStateRows per put
            old = self.state.get(g)
            if old is not None:
                bufs = [agg_merge(a, o, b) for a, o, b in zip(q.aggs, old, bufs)]
            self.state[g] = bufs
            updated.append(g)
        def row(g):
            return list(g) + [agg_result(a, b) for a, b in zip(q.aggs, self.state[g])]
        if q.mode == "complete":
            return [row(g) for g in self.state]
        if q.mode == "update":
            res = [row(g) for g in updated]
        else:
            res = [row(g) for g in self.state if timed and self.final(g, wm_ms)]
        if timed:
            for g in [g for g in self.state if self.final(g, wm_ms)]:
                del self.state[g]
                self.op["removed"] += 1
        return res

    def session_batch(self, rows, late_ms, wm_ms):
        """planStreamingAggregationForSession: a partial aggregate per (key, session of one
        row [t, t + gap)), SessionWindowStateStoreRestoreExec (drops late ones), the stored
        sessions and the new merged in order of start (MergingSessionsExec: the next one
        merges while its start <= the current end), SessionWindowStateStoreSaveExec."""
        q = self.q
        partial = {}
        for w in rows:
            end = self.session_end(w)
            if end is None:
                continue
            g = (w[q.keys[0]], w["time"], end)  # k, or the exprs area's key expression
            bufs = partial.setdefault(g, [agg_init(a) for a in q.aggs])
            for i, a in enumerate(q.aggs):
                bufs[i] = agg_update(a, bufs[i], w)
        late_drop = q.delay is not None
        if late_drop:
            # numRowsDroppedByWatermark: SessionWindowStateStoreRestoreExec's input is the
            # partial aggregate of each file partition by (k, session of one row), shuffled
            # without a merge; SessionWindowStateStoreSaveExec.getProgress reports its count
            for p in self.parts:
                ends = [(w, self.session_end(w)) for w in p]
                self.op["dropped"] += len({(w[q.keys[0]], w["time"], e) for w, e in ends
                                           if e is not None and e <= late_ms * 1000})
        news = {}
        for (k, t, end), bufs in partial.items():
            if late_drop and end <= late_ms * 1000:
                continue
            news.setdefault(k, []).append([t, end, bufs])
        for k, lst in news.items():
            stored = self.sessions.get(k, [])
            # stored first on equal starts (MergingSortWithSessionWindowStateIterator); the
            # batch's in the order of their session struct (start, then end)
            allv = sorted([(s[0], 0, i, s) for i, s in enumerate(stored)] +
                          [(s[0], 1, s[1], s) for s in lst], key=lambda x: x[:3])
            merged = []
            for _, _, _, s in allv:
                if merged and s[0] <= merged[-1][1]:
                    cur = merged[-1]
                    cur[1] = max(cur[1], s[1])
                    cur[2] = [agg_merge(a, x, y) for a, x, y in zip(q.aggs, cur[2], s[2])]
                else:
                    merged.append([s[0], s[1], list(s[2])])
            self.sessions[k] = merged
            # StreamingSessionWindowStateManagerImplV1.putRows: every session of the key put,
            # the stored ones whose start is no session's start removed
            starts = {m[0] for m in merged}
            self.op["updated"] += len(merged)
            self.op["removed"] += len([x for x in stored if x[0] not in starts])
        def row(k, s):
            return [k, (s[0], s[1])] + [agg_result(a, b) for a, b in zip(q.aggs, s[2])]
        if q.mode == "complete":
            return [row(k, s) for k, lst in self.sessions.items() for s in lst]
        res = []
        for k in list(self.sessions):
            keep = []
            for s in self.sessions[k]:
                if s[1] <= wm_ms * 1000:
                    res.append(row(k, s))
                    self.op["removed"] += 1
                else:
                    keep.append(s)
            self.sessions[k] = keep
        return res

    def session_end(self, w):
        """SessionWindowing: the row's session ends at time + gap (TimeAdd of the gap cast to a
        CalendarInterval); a NULL time has none. With a gap that is not constant, a Filter
        keeps only the rows whose end is after their start, so a NULL, zero or negative gap
        gives no session."""
        if w["time"] is None:
            return None
        gexpr = getattr(self.q, "gapexpr", None)
        if gexpr is None:
            return w["time"] + self.q.gap
        gap = gexpr[1](w)
        return None if gap is None or gap <= 0 else w["time"] + gap

    def pre_dedup_batch(self, rows, late_ms, wm_ms):
        """DROP DUPLICATES before the aggregation: the rows it lets through, in order; late
        ones dropped only when it keeps the event time (reads_time_above_dedup)."""
        q = self.q
        dkeys, within = q.pre_dedup
        late = q.delay is not None and reads_time_above_dedup(q)
        res = []
        for w in rows:
            if late and w["time"] is not None and w["time"] <= late_ms * 1000:
                self.dop["dropped"] += 1
                continue
            key = tuple(dkey(w[c]) for c in dkeys)
            if key in self.dstate:
                continue
            self.dop["updated"] += 1
            if within:
                self.dstate[key] = (0 if w["time"] is None else w["time"]) + q.delay * SEC
            else:
                self.dstate[key] = w["time"] if "time" in dkeys else None
            res.append(w)
        if q.delay is not None:
            for key in list(self.dstate):
                at = self.dstate[key]
                if (at is not None or within) and at <= wm_ms * 1000:
                    del self.dstate[key]
                    self.dop["removed"] += 1
        return res

    def dedup_batch(self, rows, late_ms, wm_ms):
        """StreamingDeduplicateExec / StreamingDeduplicateWithinWatermarkExec."""
        q = self.q
        keys = q.dkeys or ["time", "k", "v", "d"]
        # ColumnPruning keeps below the deduplication only its keys and the columns read above
        # it: without the event time there, it has no watermark predicate.
        has_time = "time" in keys or "time" in q.select
        late = q.delay is not None and has_time
        res = []
        for w in rows:
            if late and w["time"] is not None and w["time"] <= late_ms * 1000:
                self.op["dropped"] += 1
                continue
            key = tuple(dkey(w[c]) for c in keys)
            if key in self.state:
                continue
            self.op["updated"] += 1
            if q.within:
                # expiresAtMicros = event time (a NULL reads as 0) + delay
                self.state[key] = (0 if w["time"] is None else w["time"]) + q.delay * 1000 * 1000
            else:
                self.state[key] = w["time"] if "time" in keys else None
            res.append([w[c] for c in q.select])
        if q.delay is not None:
            for key in list(self.state):
                at = self.state[key]
                if (at is not None or q.within) and at <= wm_ms * 1000:
                    # within: watermarkForEviction >= expiresAt; else the key's time
                    del self.state[key]
                    self.op["removed"] += 1
        return res


class _Last:
    """Above every value (NULLs of a NULLS LAST key)."""

    def __lt__(self, o):
        return False

    def __gt__(self, o):
        return not isinstance(o, _Last)

    def __eq__(self, o):
        return isinstance(o, _Last)


def order_value(x):
    """A value as SortOrder compares it ascending: doubles by SQLOrderingUtil.compareDoubles
    (NaN largest, -0.0 = 0.0), a window struct by start then end, strings by their bytes (ASCII
    here)."""
    if isinstance(x, float):
        return (1, 0.0) if math.isnan(x) else (0, x + 0.0)
    return x


def sort_rows(rows, names, order_by):
    """SortExec: order_by is [(column, descending, nulls first)]; rows equal on every key keep
    no defined order (the keys drawn cover the grouping keys, so none are)."""
    def key(row):
        out = []
        for name, desc, nulls_first in order_by:
            x = row[names.index(name)]
            if x is None:
                k = (0, None) if nulls_first != desc else (2, None)
            else:
                k = (1, order_value(x))
            out.append(_Rev(k) if desc else _Fwd(k))
        return out
    return sorted(rows, key=key)


class _Fwd:
    __slots__ = ("k",)

    def __init__(self, k):
        self.k = k

    def __lt__(self, o):
        return _cmp(self.k, o.k) < 0

    def __eq__(self, o):
        return _cmp(self.k, o.k) == 0


class _Rev(_Fwd):
    def __lt__(self, o):
        return _cmp(self.k, o.k) > 0


def _cmp(a, b):
    """(rank, value) pairs: NULLs by rank alone."""
    if a[0] != b[0] or a[0] != 1:
        return (a[0] > b[0]) - (a[0] < b[0])
    return (a[1] > b[1]) - (a[1] < b[1])


def dkey(x):
    """A deduplication key as UnsafeRow bytes compare it: -0.0 and 0.0 differ, NaN is one."""
    if isinstance(x, float):
        return ("nan",) if math.isnan(x) else ("f", x, math.copysign(1.0, x))
    return x


def render(out):
    lines = []
    for batch_id, names, cells, _ in out:
        lines += spark_show.batch(batch_id, names, cells)
    return "\n".join(lines) + "\n" if lines else ""


# ---------------------------------------------------------------------------------------------
# Running sluice and comparing


def split_batches(text):
    """The console output as [(batch header lines, table lines)]."""
    blocks, cur = [], None
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i] == "-" * 43 and i + 2 < len(lines) and lines[i + 1].startswith("Batch: "):
            cur = [lines[i + 1], []]
            blocks.append(cur)
            i += 3
            continue
        if cur is not None and lines[i] != "":
            cur[1].append(lines[i])
        i += 1
    return blocks


def normalise(text, orders):
    """Rows sorted in the batches whose order is not defined."""
    out = []
    for (head, table), ordered in zip(split_batches(text), orders + [True] * 1000):
        if not ordered and len(table) > 4:
            table = table[:3] + sorted(table[3:-1]) + table[-1:]
        out.append(head)
        out += table
    return out


def run_sluice(sluice, work, q, st, sql):
    with open(os.path.join(work, "query.sql"), "w") as f:
        f.write(sql)
    b = subprocess.run([sluice, "build", "query.sql", "-o", "q"], cwd=work, capture_output=True,
                       text=True)
    if b.returncode != 0:
        return None, "build failed:\n" + b.stdout + b.stderr
    for sub in ("events", "events2"):
        os.makedirs(os.path.join(work, "data", sub), exist_ok=True)
    for name, text in st.get("tables", {}).items():  # a static table's one file
        os.makedirs(os.path.join(work, "data", name), exist_ok=True)
        with open(os.path.join(work, "data", name, "t.json"), "w", encoding="utf-8") as f:
            f.write(text)
    mtime = [1600000000]

    def add(batch_no, files, sub="events"):
        for j, text in enumerate(file_texts(files)):
            p = os.path.join(work, "data", sub, "b%03d_f%d.json" % (batch_no, j))
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
            os.utime(p, (mtime[0], mtime[0]))
            mtime[0] += 1

    def run():
        extra = ["--threads", "2", "--task-bytes", "60"] if st["threads"] else []
        p = subprocess.run(["./q", "--trigger", "availableNow", "--progress", "progress.jsonl"]
                           + extra, cwd=work,
                           capture_output=True, text=True, timeout=60)
        if p.returncode != 0:
            raise RuntimeError("./q exited %d: %s" % (p.returncode, p.stderr))
        return p.stdout

    out = []
    try:
        if st["feed"] == "single":
            for i, files in enumerate(st["batches"]):
                add(i, files)
            for i, files in enumerate(st.get("batches2", [])):
                add(i, files, "events2")
            out.append(run())
        else:
            for i, files in enumerate(st["batches"]):
                add(i, files)
                if "batches2" in st:  # the second source of a UNION ALL
                    add(i, st["batches2"][i], "events2")
                out.append(run())
                if i in st["empty_runs"]:
                    out.append(run())
    except RuntimeError as e:
        return None, str(e)
    return "".join(out), None


PROGRESS_OP_FIELDS = ["operatorName", "numRowsTotal", "numRowsUpdated", "numRowsRemoved",
                      "numRowsDroppedByWatermark"]


def sluice_progress(work):
    """The fields of sluice's progress records (--progress) that the model knows."""
    recs = []
    path = os.path.join(work, "progress.jsonl")
    if not os.path.exists(path):
        return recs
    with open(path) as f:
        for line in f:
            j = json.loads(line)
            rec = {"batchId": j["batchId"], "numInputRows": j["numInputRows"]}
            if "eventTime" in j and j["eventTime"]:
                rec["eventTime"] = j["eventTime"]
            rec["stateOperators"] = [{k: o.get(k) for k in PROGRESS_OP_FIELDS}
                                     for o in j.get("stateOperators", [])]
            recs.append(rec)
    return recs


def progress_lines(recs):
    return [json.dumps(r, sort_keys=True) for r in recs]


def model_output(q, st, m=None):
    m = m or Model(q)
    batches = [read_order(files, file_texts(files)) for files in st["batches"]]
    if "batches2" in st:
        # Union's partitions: its first branch's, then its second's
        batches = [b + read_order(files, file_texts(files))
                   for b, files in zip(batches, st["batches2"])]
    if st["feed"] == "single":
        m.run(batches)
    else:
        for i, rows in enumerate(batches):
            m.run([rows])
            if i in st["empty_runs"]:
                m.run([])  # a restart without new files runs nothing
    return m


# ---------------------------------------------------------------------------------------------
# Goldens: the model's output for a golden's steps (tests/golden/*/model.py)


def make_query(family, mode, delay=None, where=(), keys=("k",), aggs=(), size=None, slide=None,
               start=0, gap=None, select=(), dkeys=None, within=False, plus=False, having=(),
               subq=False, pre_dedup=None):
    """A query of the families above, written out (durations in seconds; where: conjuncts as
    gen_where gives them)."""
    q = Query()
    q.family, q.mode, q.delay, q.where = family, mode, delay, list(where)
    q.keys, q.aggs, q.select, q.dkeys, q.within, q.plus = list(keys), list(aggs), list(select), \
        dkeys, within, plus
    q.having, q.subq = list(having), subq
    q.pre_dedup = pre_dedup  # (keys, within): DROP DUPLICATES before the aggregation
    if size:
        q.size, q.slide, q.start = size * SEC, (slide or size) * SEC, start * SEC
    if gap:
        q.gap = gap * SEC
    return q


def parse_time(x):
    if x is None or isinstance(x, int):
        return None if x is None else x * SEC
    day, _, clock = x.replace("T", " ").partition(" ")
    whole, _, frac = clock.partition(".")
    t = datetime.datetime.strptime(day + " " + whole, "%Y-%m-%d %H:%M:%S")
    us = (t - EPOCH) // datetime.timedelta(microseconds=1)
    return us + int((frac + "000000")[:6])


def parse_row(line, time_name="time"):
    """A JSON line as the model's row (the writer's forms only)."""
    obj = json.loads(line)
    return {"time": parse_time(obj.get(time_name)), "k": obj.get("k"), "v": obj.get("v"),
            "d": None if obj.get("d") is None else float(obj["d"]), "line": line}


def golden_progress(m, name, reads=None):
    """The progress records of the model's batches as run_golden.sh prints them with
    PROGRESS=1 (sluice's field order, times, rates and sizes masked): a files source whose
    log offset moves with each data batch, the console sink. reads: per batch, per source
    (events, events2 of a UNION ALL) the rows it read, None when it had no new files (its
    offset stays); the first batch must read files of every source."""
    if reads is None:
        reads = [[rec["numInputRows"] if rec["numInputRows"] or i == 0 else None]
                 for i, rec in enumerate(m.progress)]
    lines, ends = [], [-1] * len(reads[0])
    for rec, (_, _, cells, _), read in zip(m.progress, m.out, reads):
        srcs = []
        for i, n in enumerate(read):
            start = None if ends[i] < 0 else {"logOffset": ends[i]}
            if n is not None:
                ends[i] += 1
            srcs.append(
                '{"description":"FileStreamSource[file:<tmp>/data/%s]","startOffset":%s,'
                '"endOffset":{"logOffset":%d},"latestOffset":{"logOffset":%d},"numInputRows":%d,'
                '"inputRowsPerSecond":<r>,"processedRowsPerSecond":<r>}'
                % ("events" if i == 0 else "events2", json.dumps(start, separators=(",", ":")),
                   ends[i], ends[i], n or 0))
        et = ('"eventTime":%s,' % json.dumps(rec["eventTime"], separators=(",", ":"))
              if "eventTime" in rec else "")
        ops = ",".join(
            '{"operatorName":"%s","numRowsTotal":%d,"numRowsUpdated":%d,"allUpdatesTimeMs":<n>,'
            '"numRowsRemoved":%d,"allRemovalsTimeMs":<n>,"commitTimeMs":<n>,"memoryUsedBytes":<n>,'
            '"numRowsDroppedByWatermark":%d,"numShufflePartitions":1,"numStateStoreInstances":1}'
            % (o["operatorName"], o["numRowsTotal"], o["numRowsUpdated"], o["numRowsRemoved"],
               o["numRowsDroppedByWatermark"]) for o in rec["stateOperators"])
        lines.append(
            '{"id":"<uuid>","runId":"<uuid>","name":"%s","timestamp":"<t>","batchId":%d,'
            '"numInputRows":%d,"inputRowsPerSecond":<r>,"processedRowsPerSecond":<r>,'
            '"durationMs":{<ms>},%s"stateOperators":[%s],"sources":[%s],"sink":{"description":'
            '"org.apache.spark.sql.execution.streaming.ConsoleTable$","numOutputRows":%d}}'
            % (name, rec["batchId"], rec["numInputRows"], et, ops, ",".join(srcs), len(cells)))
    return "=== progress ===\n" + "".join(line + "\n" for line in lines)


def golden_output(q, testdir, steps, progress_name=None, order_update=False):
    """What run_golden.sh prints for STEPS: each step's files (name order, as it copies them)
    are one batch of one run of the executable, its output after "=== step <s> ===";
    with progress_name (the query's name, PROGRESS=1) the progress records follow. A UNION ALL
    query (q.union) reads the step's folders events/ (`time`) and events2/ (`t2`).
    order_update: update mode's rows in Spark's order (else sorted where Spark's order is
    the state store's; a golden compares them as printed).
    """
    m = Model(q)
    m.order_update = order_update
    out = []
    subs = [("events", "time"), ("events2", "t2")] if getattr(q, "union", None) else [("", "time")]
    reads = []  # per batch, per source: the rows it read, None without new files
    for step in steps:
        parts, read = [], [None] * len(subs)
        for src, (sub, tname) in enumerate(subs):
            d = os.path.join(testdir, step, sub)
            if not os.path.isdir(d):
                continue
            texts = []
            for name in sorted(os.listdir(d)):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    texts.append(f.read())
            files = [[dict(parse_row(line, tname), src=src) for line in t.splitlines()
                      if line.strip()] for t in texts]
            parts += read_order(files, texts)
            read[src] = sum(len(f) for f in files)
        before = len(m.out)
        m.run([parts])
        reads += [read] + [[None] * len(subs)] * (len(m.out) - before - 1)
        out.append("=== step %s ===\n" % step + render(m.out[before:]))
    if progress_name:
        out.append(golden_progress(m, progress_name, reads if len(subs) > 1 else None))
    return "".join(out)


def check(args, seed):
    """The base area: one stream and --queries queries over it, from random.Random(seed)."""
    r = random.Random(seed)
    st = gen_stream(r)
    st["empty_runs"] = {i for i in range(len(st["batches"])) if r.random() < 0.1}
    failures = 0
    for qi in range(args.queries):
        q = gen_query(r, st)
        cr = random.Random("chain %d %d" % (seed, qi))
        gen_chain(cr, q)
        qst = dict(st, threads=True) if q.pre_dedup and cr.random() < 0.5 else st
        failures += compare(args, "seed %d query %d" % (seed, qi), q, st, qst)  # chains split more often
    return failures


def compare(args, label, q, st, qst, order_update=False, refused=None):
    """Run q over st's stream with sluice (qst: st with the run's options) and with the model;
    print a mismatch. refused: the message sluice must refuse the query with instead."""
    sql = q.sql if hasattr(q, "sql") else query_sql(q, st, len(st["batches"][0]))
    if args.show:
        print("-- %s (%s, %s feed)\n%s" % (label, q.family, st["feed"], sql))
        return 0
    work = tempfile.mkdtemp(prefix="streamdiff.%s." % label.replace(" ", "_"), dir=args.work)
    got, err = run_sluice(args.sluice, work, q, qst, sql)
    if refused is not None:
        if err is not None and refused in err:
            if not args.keep:
                shutil.rmtree(work)
            return 0
        print("=== MISMATCH %s (%s, %s): %s\n%s\nexpected a refusal: %s\n%s" % (
            label, q.family, q.mode, work, sql, refused, err or "it ran"))
        return 1
    m = getattr(q, "model", Model)(q)
    m.order_update = order_update
    model_output(q, st, m)
    model = m.out
    want = render(model)
    orders = [o for _, _, _, o in model]
    want_prog = progress_lines(m.progress)
    got_prog = progress_lines(sluice_progress(work)) if err is None else []
    if err is None and normalise(got, orders) == normalise(want, orders) and \
            got_prog == want_prog:
        if not args.keep:
            shutil.rmtree(work)
        return 0
    print("=== MISMATCH %s (%s, %s, %s feed): %s" % (label, q.family, q.mode, st["feed"], work))
    print(sql)
    with open(os.path.join(work, "model.out"), "w") as f:
        f.write(want)
    if err is not None:
        print(err)
    else:
        with open(os.path.join(work, "sluice.out"), "w") as f:
            f.write(got)
        diff = difflib.unified_diff(normalise(want, orders), normalise(got, orders),
                                    "model", "sluice", lineterm="", n=2)
        print("\n".join(list(diff)[:80]))
        diff = difflib.unified_diff(want_prog, got_prog, "model progress", "sluice progress",
                                    lineterm="", n=0)
        print("\n".join(list(diff)[:40]))
    return 1


# ---------------------------------------------------------------------------------------------
# Areas with generators of their own (random.Random("<area>:<seed>")), so that what the other
# areas give a seed stays what it was


def source_file(r, st, i, frontier, seen=None):
    """A file of source i (0: `time`, 1: `t2`) around its frontier; with seen (the source's
    rows so far), now and then a line repeated, a row of its own."""
    rows = []
    for _ in range(r.choice([0, 1, 2, 3, 4, 5])):
        if seen and r.random() < 0.1:
            rows.append(r.choice(seen))
            continue
        row = gen_row(r, st, frontier)
        row["src"] = i
        row["line"] = row_line(r, row, "time" if i == 0 else "t2")
        rows.append(row)
        if seen is not None:
            seen.append(row)
    return rows


def gen_union_stream(r):
    """Two sources' batches: source 0 (`time`) and source 1 (`t2`), each moving at its own pace,
    now and then without new files in a batch (never both)."""
    st = {
        "base": r.choice([1711972800, 1711972800, 1711972800, 0, -94694400]) * SEC,
        "stride": r.choice([3, 5, 10]),
        "keys": ["a", "b", "c", "d"][: r.randint(1, 4)],
        "specials": r.random() < 0.5,
        "feed": "steps",
        "threads": r.random() < 0.25,
    }
    nb = r.randint(3, 8)
    frontier = [0, 0]
    pace = [r.choice([0, 1, 1, 2, 3]) for _ in range(2)]
    out = [[], []]
    for _ in range(nb):
        present = r.choice([(True, True), (True, True), (True, False), (False, True)])
        for i in range(2):
            frontier[i] += st["stride"] * max(0, pace[i] + r.choice([-1, 0, 0, 1]))
            files = [source_file(r, st, i, frontier[i])
                     for _ in range(r.choice([1, 1, 2]) if present[i] else 0)]
            out[i].append(files)
    st["batches"], st["batches2"] = out
    st["empty_runs"] = {i for i in range(nb) if r.random() < 0.15}
    return st


def union_area(args, seed, area, policies=None):
    """Queries of every family over two watermarked sources (gen_union_stream) from
    random.Random("<area>:<seed>"); policies: the texts of the multipleWatermarkPolicy option
    to draw from, None: no option (the default, min)."""
    r = random.Random("%s:%d" % (area, seed))
    st = gen_union_stream(r)
    failures = 0
    for qi in range(args.area_queries):
        q = gen_query(r, st)
        while q.delay is None:
            q = gen_query(r, st)
        q.union = (q.delay, r.choice([0, 2, 5, 10, 20]))
        if policies:
            q.policy_text = r.choice(policies)
        # MultipleWatermarkPolicy.apply: the conf's text lower-cased
        q.policy = getattr(q, "policy_text", "min").lower()
        q.subq = False
        failures += compare(args, "%s seed %d query %d" % (area, seed, qi), q, st, st)
    return failures


def check_union(args, seed):
    """Two watermarked sources (two event-time columns, delays of their own) under one UNION
    ALL, late rows across batches each run one batch (the per-source watermarks start again
    at every restart), queries of every family over the union."""
    return union_area(args, seed, "union")


def check_wmpolicy(args, seed):
    """The union area's streams and queries under spark.sql.streaming.multipleWatermarkPolicy
    written as a query option, max or min in any case: MaxWatermark takes the largest of the
    branches' watermarks, a branch that saw no rows since the restart counting as 0."""
    return union_area(args, seed, "wmpolicy", ["max", "max", "max", "MAX", "Max", "min", "MIN"])


# (sql, the gap of a row in µs or None): STRING expressions SessionWindowing casts to a
# CalendarInterval (IntervalUtils.stringToInterval: NULL for a text that is none)
GAP_EXPRS = [
    ("CASE WHEN v IS NULL THEN NULL WHEN v < 0 THEN '-3 seconds' WHEN v = 0 THEN '0 seconds' "
     "WHEN v > 12 THEN '10 seconds' ELSE '2 seconds' END",
     lambda w: None if w["v"] is None else -3 * SEC if w["v"] < 0 else 0 if w["v"] == 0
     else 10 * SEC if w["v"] > 12 else 2 * SEC),
    ("CASE k WHEN 'a' THEN '5 seconds' WHEN 'b' THEN '1 minute -70 seconds' WHEN 'c' THEN "
     "'soon' ELSE '3 seconds' END",
     lambda w: {"a": 5 * SEC, "b": -10 * SEC, "c": None}.get(w["k"], 3 * SEC)),
    ("concat(CAST(v % 4 AS STRING), ' seconds')",
     lambda w: None if w["v"] is None else java_mod(w["v"], 4) * SEC),
    # NaN > 1 is true (SQLOrderingUtil.compareDoubles), a NULL condition takes the ELSE
    ("if(d > 1, '4 seconds', '1500 milliseconds')",
     lambda w: 4 * SEC if w["d"] is not None and gt(w["d"], 1.0) else 1500 * 1000),
    ("CASE WHEN d < 0 THEN '-1 second' WHEN d = 0 THEN '0 seconds' ELSE '2 seconds' END",
     lambda w: (-SEC if w["d"] is not None and gt(0.0, w["d"]) else
                0 if w["d"] is not None and not is_nan(w["d"]) and w["d"] == 0 else 2 * SEC)),
]


def area_stream(area, seed):
    """The area's generator and a stream of the base area's kind drawn from it."""
    r = random.Random("%s:%d" % (area, seed))
    st = gen_stream(r)
    st["empty_runs"] = {i for i in range(len(st["batches"])) if r.random() < 0.1}
    return r, st


def check_sessgap(args, seed):
    """session_window with a gap that is a STRING expression of the row, NULL, zero or
    negative for some rows (no session for them: SessionWindowing's Filter), several batches,
    append and complete mode; update mode is refused as Spark refuses it
    (UnsupportedOperationChecker)."""
    r, st = area_stream("sessgap", seed)
    failures = 0
    for qi in range(args.area_queries):
        q = gen_query(r, st)
        while q.family != "session":
            q = gen_query(r, st)
        q.gapexpr = r.choice(GAP_EXPRS)
        q.wexpr = "session_window(time, %s)" % q.gapexpr[0]
        refused = None
        if r.random() < 0.15:
            q.mode = "update"
            refused = ("Update output mode not supported for session window on streaming "
                       "DataFrames/DataSets")
        failures += compare(args, "sessgap seed %d query %d" % (seed, qi), q, st, st,
                            refused=refused)
    return failures


def check_order(args, seed):
    """window() and GROUP BY aggregations over several batches, mostly in update mode, whose
    rows are compared in order (update mode: the order the batch met its groups)."""
    r, st = area_stream("order", seed)
    failures = 0
    for qi in range(args.area_queries):
        q = gen_query(r, st)
        while q.family not in ("window", "group"):
            q = gen_query(r, st)
        appendable = q.delay is not None and (q.family == "window" or "time" in q.keys)
        q.mode = r.choice(["update", "update", "update", "complete"] +
                          (["append"] if appendable else []))
        failures += compare(args, "order seed %d query %d" % (seed, qi), q, st, st,
                            order_update=True)
    return failures


# ---------------------------------------------------------------------------------------------
# The ssjoin area: stream-stream joins of `events` (l: time, k, v, d) and `events2` (r: t2, k,
# v, d), each with its own watermark, ON l.k = r.k and time bounds between the sides.


def gen_ssjoin_stream(r):
    """Two sources' batches, each at its own pace: fed one batch a run (a source now and then
    without files) or all at once, every batch `per` files of each (maxFilesPerTrigger)."""
    st = {
        "base": r.choice([1711972800, 1711972800, 1711972800, 0, -40, -94694400]) * SEC,
        "stride": r.choice([3, 5, 10]),
        "keys": ["a", "b", "c"][: r.randint(1, 3)],
        "specials": r.random() < 0.3,
        "feed": r.choice(["steps", "steps", "single"]),
        "threads": False,
    }
    nb = r.randint(3, 8)
    per = r.choice([1, 2])
    frontier = [0, 0]
    pace = [r.choice([0, 1, 1, 2]) for _ in range(2)]
    out, seen = [[], []], [[], []]
    for _ in range(nb):
        present = (True, True) if st["feed"] == "single" else r.choice(
            [(True, True), (True, True), (True, False), (False, True)])
        for i in range(2):
            frontier[i] += st["stride"] * max(0, pace[i] + r.choice([-1, 0, 0, 1]))
            nfiles = per if st["feed"] == "single" else r.choice([1, 1, 2]) if present[i] else 0
            out[i].append([source_file(r, st, i, frontier[i], seen[i]) for _ in range(nfiles)])
    st["batches"], st["batches2"] = out
    st["empty_runs"] = {i for i in range(nb) if r.random() < 0.1}
    return st


def spark_lt(a, b):
    return a is not None and b is not None and a < b


# extra ON conjuncts: (sql, side: 0 left only, 1 right only, 2 both, predicate(l, r), the
# columns whose IsNotNull InferFiltersFromConstraints infers from it, per side)
SSJOIN_EXTRAS = [
    ("l.v > 2", 0, lambda l, r: l["v"] is not None and l["v"] > 2, ({"v"}, set())),
    ("r.v < 12", 1, lambda l, r: r["v"] is not None and r["v"] < 12, (set(), {"v"})),
    ("l.v <= r.v + 5", 2, lambda l, r: l["v"] is not None and r["v"] is not None and
     l["v"] <= r["v"] + 5, ({"v"}, {"v"})),
    ("(l.v IS NULL OR r.v IS NULL OR l.v <> r.v)", 2,
     lambda l, r: l["v"] is None or r["v"] is None or l["v"] != r["v"], (set(), set())),
]


# ON conjuncts calling functions, drawn from a stream of their own (ssjoin_extra_rng): Abs,
# Pmod, Upper and Divide are NullIntolerant (Spark 3.5), so InferFiltersFromConstraints infers
# IsNotNull of the columns they reach; Coalesce is not
SSJOIN_FN_EXTRAS = [
    ("abs(l.v) < r.v + 8", 2, lambda l, r: l["v"] is not None and r["v"] is not None and
     abs(l["v"]) < r["v"] + 8, ({"v"}, {"v"})),
    ("pmod(r.v, 3) <> 1", 1, lambda l, r: r["v"] is not None and r["v"] % 3 != 1,
     (set(), {"v"})),
    ("upper(l.k) <> 'B'", 0, lambda l, r: l["k"] is not None and l["k"].upper() != "B",
     ({"k"}, set())),
    ("coalesce(l.v, 0) < 10", 0, lambda l, r: (0 if l["v"] is None else l["v"]) < 10,
     (set(), set())),
    ("l.v / 2 <= r.v", 2, lambda l, r: l["v"] is not None and r["v"] is not None and
     l["v"] / 2 <= r["v"], ({"v"}, {"v"})),
]

# WHERE conjuncts above the join: (sql, side: 0 left only, 1 right only, 2 both, predicate(l, r),
# the columns whose IsNotNull they give per side, null-tolerant: true for a side's NULLs).
# A conjunct that is not null-tolerant over the side an outer join pads with NULLs would make
# EliminateOuterJoin turn the join into another type, which the generator leaves out.
JOIN_WHERES = [
    ("l.v > 2", 0, lambda l, r: l["v"] is not None and l["v"] > 2, ({"v"}, set()), False),
    ("r.v < 12", 1, lambda l, r: r["v"] is not None and r["v"] < 12, (set(), {"v"}), False),
    ("(l.v IS NULL OR l.v <> 4)", 0, lambda l, r: l["v"] is None or l["v"] != 4, (set(), set()),
     True),
    ("(r.v IS NULL OR r.v > 0)", 1, lambda l, r: r["v"] is None or r["v"] > 0, (set(), set()),
     True),
    ("l.v < r.v + 20", 2, lambda l, r: l["v"] is not None and r["v"] is not None and
     l["v"] < r["v"] + 20, ({"v"}, {"v"}), False),
    ("abs(l.v - r.v) > 1", 2, lambda l, r: l["v"] is not None and r["v"] is not None and
     abs(l["v"] - r["v"]) > 1, ({"v"}, {"v"}), False),
]


def where_moves_into(jtype, s):
    """PushPredicateThroughJoin, case Filter over Join: the sides a WHERE's conjuncts over one
    side go into (InnerLike both, LeftOuter and LeftExistence the left, RightOuter the right)."""
    return jtype == "inner" or (jtype in ("left", "semi", "anti") and s == 0) or \
        (jtype == "right" and s == 1)


def gen_join_wheres(rw, jtype):
    """WHERE conjuncts above a join of type jtype that keep its type (EliminateOuterJoin): a
    padded side's only null-tolerant, none over both sides but for INNER; over the left only
    for LEFT SEMI and ANTI (their output)."""
    padded = {"inner": (), "semi": (1,), "anti": (1,), "left": (1,), "right": (0,),
              "full": (0, 1)}[jtype]
    ok = [w for w in JOIN_WHERES
          if (w[1] == 2 and jtype == "inner") or
          (w[1] < 2 and not (jtype in ("semi", "anti") and w[1] == 1) and
           (w[1] not in padded or w[4]))]
    return rw.sample(ok, min(len(ok), rw.choice([0, 0, 1, 1, 2])))


def interval(s):
    return "INTERVAL '%s'" % dur(s) if s else None


def gen_ssjoin_query(r, st, per, rw):
    """A stream-stream join Spark accepts (UnsupportedOperationChecker.checkForStreamStream-
    JoinWatermark: LEFT OUTER and LEFT SEMI need a state value watermark of the left side,
    RIGHT OUTER of the right side, FULL OUTER of either; LEFT ANTI is refused between
    streams)."""
    q = Query()
    q.family, q.mode, q.where, q.having, q.keys, q.aggs = "ssjoin", "append", [], [], [], []
    q.model = SsJoinModel
    q.delays = (r.choice([0, 2, 5, 10]), r.choice([0, 2, 5, 10]))
    q.delay = q.delays[0]
    q.policy = "min"
    # lower: l.time >(=) r.t2 - a (bounds the left side's state); upper: l.time <(=) r.t2 + b
    q.lower = r.choice([None, (">=", r.choice([0, 2, 5, 10])), (">", r.choice([0, 2, 5]))])
    q.upper = r.choice([None, ("<=", r.choice([0, 2, 5, 10])), ("<", r.choice([2, 5, 10]))])
    # LEFT OUTER and LEFT SEMI need a state value watermark of the left side (a lower bound),
    # RIGHT OUTER of the right side (an upper bound on l.time), FULL OUTER of either
    types = ["inner", "inner"]
    if q.lower:
        types += ["left", "left", "semi", "semi"]
    if q.upper:
        types += ["right", "right"]
    if q.lower or q.upper:
        types += ["full", "full", "full"]
    q.jtype = r.choice(types)
    q.outer = {"inner": (False, False), "semi": (False, False), "left": (True, False),
               "right": (False, True), "full": (True, True)}[q.jtype]
    q.extras = r.sample(SSJOIN_EXTRAS, r.choice([0, 0, 1, 1, 2]))
    q.extras += rw.sample(SSJOIN_FN_EXTRAS, rw.choice([0, 0, 1, 2]))
    q.wheres = gen_join_wheres(rw, q.jtype)
    conds = ["l.k = r.k"]
    lo, up = q.lower, q.upper
    if lo and up and lo[0] == ">=" and up[0] == "<=" and r.random() < 0.6:
        a, b = interval(lo[1]), interval(up[1])
        conds.append("l.time BETWEEN %s AND %s" % ("r.t2 - " + a if a else "r.t2",
                                                    "r.t2 + " + b if b else "r.t2"))
    else:
        if lo:
            a = interval(lo[1])
            if r.random() < 0.3:  # the same bound solved for r.t2
                conds.append("r.t2 %s %s" % ({">=": "<=", ">": "<"}[lo[0]],
                                              "l.time + " + a if a else "l.time"))
            else:
                conds.append("l.time %s %s" % (lo[0], "r.t2 - " + a if a else "r.t2"))
        if up:
            b = interval(up[1])
            if r.random() < 0.3:
                conds.append("r.t2 %s %s" % ({"<=": ">=", "<": ">"}[up[0]],
                                              "l.time - " + b if b else "l.time"))
            else:
                conds.append("l.time %s %s" % (up[0], "r.t2 + " + b if b else "r.t2"))
    r.shuffle(conds)
    conds += [e[0] for e in q.extras]
    mft = ", maxFilesPerTrigger = %d" % per if st["feed"] == "single" else ""
    src = "".join(
        "CREATE SOURCE %s (\n    %s TIMESTAMP, k STRING, v BIGINT, d DOUBLE,\n    WATERMARK FOR "
        "%s AS %s - INTERVAL '%s'\n) WITH (connector = 'files', path = 'data/%s', format = "
        "'json'%s);\n" % (name, t, t, t, dur(dl), name, mft)
        for name, t, dl in (("events", "time", q.delays[0]), ("events2", "t2", q.delays[1])))
    sink = "CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 100000);\n"
    if q.jtype == "semi":
        items = "l.time AS lt, l.k AS lk, l.v AS lv, l.d AS ld"
    else:
        items = "l.time AS lt, l.k AS lk, l.v AS lv, r.t2 AS rt, r.k AS rk, r.v AS rv"
    jsql = {"inner": "JOIN", "semi": "LEFT SEMI JOIN", "left": "LEFT OUTER JOIN",
            "right": "RIGHT OUTER JOIN", "full": "FULL OUTER JOIN"}[q.jtype]
    where = "WHERE %s\n" % " AND ".join(w[0] for w in q.wheres) if q.wheres else ""
    q.sql = (src + sink + "INSERT INTO out\nSELECT %s\nFROM events AS l %s events2 AS r\n  ON %s\n"
             "%sWITH (name = 'q', outputMode = 'append', checkpointLocation = 'chk');\n"
             % (items, jsql, "\n  AND ".join(conds), where))
    return q


class SsJoinModel(Model):
    """StreamingSymmetricHashJoinExec (Spark 3.5, state format 2) over two watermarked
    sources; the query's plan after the optimizer: InferFiltersFromConstraints gives the sides
    it may filter (both of INNER and LEFT SEMI, the right of LEFT OUTER, the left of RIGHT
    OUTER, none of FULL OUTER) IsNotNull of the columns the condition reads null-intolerantly,
    PushPredicateThroughJoin pushes the conjuncts over one side into it (both sides for INNER
    and LEFT SEMI, the right side's for LEFT OUTER, the left side's for RIGHT OUTER, none for
    FULL OUTER), and PushPredicateThroughNonJoin moves those that do not read the event time
    below the side's EventTimeWatermark; the rest of the one-side conjuncts are the join's
    preJoinFilter (JoinConditionSplitPredicates).  A WHERE above the join: its conjuncts over
    one side go into that side too (where_moves_into), and for INNER those over both sides join
    the condition, whose IsNotNull the sides get; the WHERE filters the joined rows after."""

    def __init__(self, q):
        Model.__init__(self, q)
        self.jstate = [[], []]  # per side: [row, matched] in the order they came

    def runs_no_data_batch(self):
        # StreamingSymmetricHashJoinExec.shouldRunAnotherBatch: a state watermark predicate on
        # some side, and the watermark moved
        return (self.q.lower or self.q.upper) is not None and self.wm > self.prev_wm

    def infers(self, s):
        return self.q.jtype in ("inner", "semi") or self.q.jtype == ("left", "right")[1 - s]

    def pushed_on(self, s):
        """The extra ON conjuncts over side s alone that go below the join."""
        j = self.q.jtype
        if j in ("inner", "semi") or (j == "left" and s == 1) or (j == "right" and s == 0):
            return [e for e in self.q.extras if e[1] == s]
        return []

    def pushed(self, s):
        """The conjuncts of ON and of the WHERE above over side s alone that go below it."""
        return self.pushed_on(s) + [w for w in self.q.wheres
                                    if w[1] == s and where_moves_into(self.q.jtype, s)]

    def below(self, s, w):
        """Does row w of side s reach its EventTimeWatermarkExec? (the filters pushed below it
        read no event time: IsNotNull(k), IsNotNull of a column an extra conjunct or, for
        INNER, a WHERE conjunct over both sides reads, the pushed conjuncts)"""
        if self.infers(s):
            cols = {"k"} | set().union(*[e[3][s] for e in self.q.extras])
            if self.q.jtype == "inner":
                cols |= set().union(*[x[3][s] for x in self.q.wheres if x[1] == 2])
            if any(w[c] is None for c in cols):
                return False
        args = (w, None) if s == 0 else (None, w)
        return all(e[2](*args) for e in self.pushed(s))

    def above(self, s, w):
        """IsNotNull(time) inferred from a time bound stays above the watermark."""
        return not (self.infers(s) and (self.q.lower or self.q.upper) and w["time"] is None)

    def pre_ok(self, s, w):
        """preJoinFilter: the one-side conjuncts left in the join (an outer side's)."""
        args = (w, None) if s == 0 else (None, w)
        return all(e[2](*args) for e in self.q.extras if e[1] == s and e not in self.pushed_on(s))

    def post_ok(self, l, r):
        """postJoinFilter: the time bounds and the extra conjuncts over both sides."""
        q = self.q
        if q.lower:
            op, a = q.lower
            if l["time"] is None or r["time"] is None:
                return False
            x, y = l["time"], r["time"] - a * SEC
            if not (x >= y if op == ">=" else x > y):
                return False
        if q.upper:
            op, b = q.upper
            if l["time"] is None or r["time"] is None:
                return False
            x, y = l["time"], r["time"] + b * SEC
            if not (x <= y if op == "<=" else x < y):
                return False
        return all(e[2](l, r) for e in q.extras if e[1] == 2)

    def state_wm(self, s, wm_ms):
        """The side's state value watermark (ms) or None: StreamingJoinHelper.getStateValue-
        Watermark over the bound of side s by the other side's watermarked time, the batch's
        watermark substituted ((wm * 1000.0 + c) / 1000.0).toLong, less 1 for <= and >=."""
        bound = self.q.lower if s == 0 else self.q.upper
        if bound is None:
            return None
        v = int((wm_ms * 1000.0 - bound[1] * SEC) / 1000.0)
        return v - 1 if bound[0] in (">=", "<=") else v

    def out_row(self, l, r):
        """The joined row, or None when the WHERE above the join drops it."""
        l = l or {"time": None, "k": None, "v": None, "d": None}
        r = r or {"time": None, "k": None, "v": None, "d": None}
        if not all(w[2](l, r) for w in self.q.wheres):
            return None
        if self.q.jtype == "semi":
            return [l["time"], l["k"], l["v"], l["d"]]
        return [l["time"], l["k"], l["v"], r["time"], r["k"], r["v"]]

    def batch(self, parts):
        q = self.q
        late_ms, wm_ms = self.prev_wm if self.batch_id > 0 else 0, self.wm
        rows = [w for p in parts for w in p]
        seen_parts = [[w for w in p if self.below(w["src"], w)] for p in parts]
        seen = [w for p in seen_parts for w in p]
        inp = [[w for w in seen if w["src"] == s and self.above(s, w)] for s in (0, 1)]
        swm = [self.state_wm(s, wm_ms) for s in (0, 1)]
        semi = q.jtype == "semi"
        res, dropped, updated = [], 0, 0
        # processPartitions: the left input joined with the right state and stored, then the
        # right input with the left state (this batch's left rows in it)
        for s in (0, 1):
            for w in inp[s]:
                if w["time"] is not None and w["time"] <= late_ms * 1000:
                    dropped += 1  # applyRemovingRowsOlderThanWatermark
                    continue
                if not self.pre_ok(s, w):
                    if q.outer[s]:  # generateFilteredJoinedRow
                        res.append(self.out_row(w, None) if s == 0 else self.out_row(None, w))
                    continue
                hits = []
                for e in self.jstate[1 - s]:
                    # the key as an UnsafeRow: a NULL key equals a NULL key
                    if e[0]["k"] != w["k"] or (semi and s == 1 and e[1]):
                        continue  # getJoinedRows' excludeRowsAlreadyMatched
                    l, rr = (w, e[0]) if s == 0 else (e[0], w)
                    if self.post_ok(l, rr):
                        e[1] = True
                        hits.append(e)
                        if semi and s == 0:
                            break  # joinedRowIter.nonEmpty reads the first match
                if semi:
                    res += ([self.out_row(w, None)] if hits else []) if s == 0 else \
                        [self.out_row(e[0], None) for e in hits]
                else:
                    res += [self.out_row(w, e[0]) if s == 0 else self.out_row(e[0], w)
                            for e in hits]
                # AddingProcessedRowToStateCompletionIterator (SPARK-49829): a left row always
                # (but a left semi join's matched one), a right row unless this batch's
                # eviction removes it, when it is an outer side's unmatched row all the same
                if s == 0:
                    add = not (semi and hits)
                else:
                    add = not self.evicted(1, w, swm[1]) or (q.outer[1] and not hits)
                if add:
                    self.jstate[s].append([w, bool(hits)])
                    updated += 1
        # the outer sides' unmatched rows as removeOldState evicts them (left, then right), then
        # the cleanup of the other sides, counted as numRowsRemoved
        removed = 0
        for s in (0, 1):
            if swm[s] is None:
                continue
            gone = [e for e in self.jstate[s] if self.evicted(s, e[0], swm[s])]
            self.jstate[s] = [e for e in self.jstate[s] if not self.evicted(s, e[0], swm[s])]
            if q.outer[s]:
                res += [self.out_row(e[0], None) if s == 0 else self.out_row(None, e[0])
                        for e in gone if not e[1]]
            else:
                removed += len(gone)
        self.op = {"updated": updated, "removed": removed, "dropped": dropped}
        cols = ([("lt", "ts"), ("lk", "str"), ("lv", "long"), ("ld", "double")] if semi else
                [("lt", "ts"), ("lk", "str"), ("lv", "long"), ("rt", "ts"), ("rk", "str"),
                 ("rv", "long")])
        cells = [[cell(v, t) for v, (_, t) in zip(row, cols)] for row in res if row is not None]
        # the rows of a batch come partition by partition of the key's hash (200 shuffle
        # partitions), the outer ones in state store order: compared sorted
        self.out.append((self.batch_id, [c[0] for c in cols], cells, False))
        rec = {"batchId": self.batch_id, "numInputRows": len(rows)}
        et = {}
        for s in (0, 1):  # extractExecutionStats: the first EventTimeWatermarkExec with rows
            st = event_time_stats([[w for w in p if w["src"] == s] for p in seen_parts])
            if st["count"] > 0:
                et = {"avg": iso_ms(int(st["avg"])), "max": iso_ms(st["max"]),
                      "min": iso_ms(st["min"])}
                break
        et["watermark"] = iso_ms(wm_ms)
        rec["eventTime"] = et
        rec["stateOperators"] = [{
            "operatorName": "symmetricHashJoin",
            "numRowsTotal": len(self.jstate[0]) + len(self.jstate[1]),
            "numRowsUpdated": updated, "numRowsRemoved": removed,
            "numRowsDroppedByWatermark": dropped}]
        self.progress.append(rec)
        q.union = q.delays  # WatermarkTracker: one EventTimeWatermarkExec a source, min policy
        self.union_watermark(seen)
        self.prev_wm = wm_ms
        self.batch_id += 1

    @staticmethod
    def evicted(s, w, swm_ms):
        """JoinStateValueWatermarkPredicate: time <= the state watermark (NULL: never)."""
        return swm_ms is not None and w["time"] is not None and w["time"] <= swm_ms * 1000


def check_ssjoin(args, seed):
    """Stream-stream joins (INNER, LEFT/RIGHT/FULL OUTER, LEFT SEMI) of two watermarked
    sources on a key with NULLs and time bounds, fed one batch a run or all at once."""
    r = random.Random("ssjoin:%d" % seed)
    st = gen_ssjoin_stream(r)
    unicode_keys(random.Random("ssjoin-unicode:%d" % seed), st)
    # a quarter of the seeds split each batch on two threads (the rows keyed in tasks, joined
    # on the query's thread): one thread's output (operations.md), from a generator of its own
    st["threads"] = random.Random("ssjoin-threads:%d" % seed).random() < 0.25
    per = len(st["batches"][0])
    failures = 0
    for qi in range(args.area_queries):
        q = gen_ssjoin_query(r, st, per, random.Random("ssjoin-where:%d:%d" % (seed, qi)))
        failures += compare(args, "ssjoin seed %d query %d" % (seed, qi), q, st, st)
    return failures


# ---------------------------------------------------------------------------------------------
# The static area: `events` (e) joined with the static table `dim` (t: k, w, name) read from
# one file, INNER, LEFT OUTER, LEFT SEMI, LEFT ANTI, now and then under a GROUP BY e.k.

AGG_COL["sum_w"], AGG_TYPE["sum_w"] = "w", "long"  # sum(t.w) of the static area

# extra ON conjuncts: (sql, over: 0 the stream alone, 1 the table alone, 2 both, predicate(e,
# t), the stream's columns whose IsNotNull InferFiltersFromConstraints infers from it)
STATIC_EXTRAS = [
    ("t.w <> 3", 1, lambda e, t: t["w"] is not None and t["w"] != 3, set()),
    ("t.w > e.v", 2, lambda e, t: t["w"] is not None and e["v"] is not None and t["w"] > e["v"],
     {"v"}),
    ("e.v > 2", 0, lambda e, t: e["v"] is not None and e["v"] > 2, {"v"}),
    ("(e.v IS NULL OR t.w < e.v + 8)", 2,
     lambda e, t: e["v"] is None or (t["w"] is not None and t["w"] < e["v"] + 8), set()),
]


# ON conjuncts calling functions (their own stream, as the ssjoin area's): (sql, over, predicate,
# the stream's columns whose IsNotNull InferFiltersFromConstraints infers: Abs, Upper and Pmod
# are NullIntolerant, Coalesce is not)
STATIC_FN_EXTRAS = [
    ("abs(e.v) <= t.w", 2, lambda e, t: e["v"] is not None and t["w"] is not None and
     abs(e["v"]) <= t["w"], {"v"}),
    ("upper(e.k) <> 'B'", 0, lambda e, t: e["k"] is not None and e["k"].upper() != "B", {"k"}),
    ("coalesce(e.v, 0) < 10", 0, lambda e, t: (0 if e["v"] is None else e["v"]) < 10, set()),
    ("pmod(t.w, 4) <> 1", 1, lambda e, t: t["w"] is not None and t["w"] % 4 != 1, set()),
]

# WHERE conjuncts above the join (the JOIN_WHERES form, e for l and t for r)
STATIC_WHERES = [
    ("e.v > 2", 0, lambda e, t: e["v"] is not None and e["v"] > 2, ({"v"}, set()), False),
    ("(e.v IS NULL OR e.v <> 4)", 0, lambda e, t: e["v"] is None or e["v"] != 4, (set(), set()),
     True),
    ("(t.w IS NULL OR t.w <> 5)", 1, lambda e, t: t["w"] is None or t["w"] != 5, (set(), set()),
     True),
    ("t.w > 0", 1, lambda e, t: t["w"] is not None and t["w"] > 0, (set(), set()), False),
    ("e.v < t.w + 3", 2, lambda e, t: e["v"] is not None and t["w"] is not None and
     e["v"] < t["w"] + 3, ({"v"}, set()), False),
]


def gen_table(r, st):
    """The table's rows (k with NULLs and repeated keys, w with NULLs) and its one file."""
    rows = []
    for _ in range(r.choice([0, 1, 2, 3, 4, 5, 6])):
        rows.append({"k": None if r.random() < 0.15 else r.choice(st["keys"] + ["z"]),
                     "w": None if r.random() < 0.15 else r.choice([-1, 0, 3, 5, 10, 12]),
                     "name": r.choice(["x", "y", None])})
    lines = []
    for t in rows:
        items = ['"%s":%s' % (c, json.dumps(t[c])) for c in ("k", "w", "name")
                 if t[c] is not None or r.random() < 0.5]
        r.shuffle(items)
        lines.append("{" + ",".join(items) + "}\n")
    return rows, "".join(lines)


def gen_static_query(r, st, rw):
    q = Query()
    q.model = StaticJoinModel
    q.jtype = r.choice(["inner", "inner", "left", "left", "semi", "anti"])
    q.delay = r.choice([None, 0, 5, 10])
    q.where, q.having, q.subq, q.pre_dedup = [], [], False, None
    q.extras = r.sample(STATIC_EXTRAS, r.choice([0, 1, 1, 2]))
    q.extras += rw.sample(STATIC_FN_EXTRAS, rw.choice([0, 0, 1, 2]))
    padded = (1,) if q.jtype != "inner" else ()
    ok = [w for w in STATIC_WHERES
          if (w[1] == 2 and q.jtype == "inner") or
          (w[1] < 2 and not (q.jtype in ("semi", "anti") and w[1] == 1) and
           (w[1] not in padded or w[4]))]
    q.wheres = rw.sample(ok, min(len(ok), rw.choice([0, 0, 1, 1, 2])))
    q.agg = r.random() < 0.35
    if q.agg:
        q.family, q.keys = "group", ["k"]
        q.aggs = r.sample(["count", "count_v", "sum_v", "max_d"] +
                          (["sum_w"] if q.jtype in ("inner", "left") else []), r.randint(1, 3))
        q.mode = r.choice(["update", "complete"])
        sql = {"count": "count(*)", "count_v": "count(e.v)", "sum_v": "sum(e.v)",
               "max_d": "max(e.d)", "sum_w": "sum(t.w)"}
        items = "e.k, " + ", ".join("%s AS %s" % (sql[a], a) for a in q.aggs)
    else:
        q.family, q.keys, q.aggs, q.mode = "sjoin", [], [], r.choice(["append", "update"])
        items = ("e.time, e.k, e.v" if q.jtype in ("semi", "anti") else
                 "e.time, e.k, e.v, t.w, t.name")
    wm = (",\n    WATERMARK FOR time AS time - INTERVAL '%s'" % dur(q.delay)
          if q.delay is not None else "")
    mft = ", maxFilesPerTrigger = %d" % len(st["batches"][0]) if st["feed"] == "single" else ""
    jsql = {"inner": "JOIN", "left": "LEFT OUTER JOIN", "semi": "LEFT SEMI JOIN",
            "anti": "LEFT ANTI JOIN"}[q.jtype]
    conds = ["e.k = t.k"] + [x[0] for x in q.extras]
    r.shuffle(conds)
    q.sql = ("CREATE SOURCE events (\n    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE%s\n)"
             " WITH (connector = 'files', path = 'data/events', format = 'json'%s);\n"
             "CREATE TABLE dim (k STRING, w BIGINT, name STRING)\n"
             "    WITH (connector = 'files', path = 'data/dim', format = 'json');\n"
             "CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 100000);\n"
             "INSERT INTO out\nSELECT %s\nFROM events AS e %s dim AS t\n  ON %s%s%s\n"
             "WITH (name = 'q', outputMode = '%s', checkpointLocation = 'chk');\n"
             % (wm, mft, items, jsql, " AND ".join(conds),
                "\nWHERE " + " AND ".join(w[0] for w in q.wheres) if q.wheres else "",
                "\nGROUP BY e.k" if q.agg else "", q.mode))
    return q


class StaticJoinModel(Model):
    """A stream joined with a static table (Spark's BroadcastHashJoinExec, the table the build
    side), after the optimizer: InferFiltersFromConstraints filters the stream by IsNotNull of
    the key and of the columns the condition reads null-intolerantly for INNER and LEFT SEMI
    (never for LEFT OUTER and LEFT ANTI, whose stream side is preserved), PushPredicateThrough-
    Join pushes the conjuncts over the stream alone into it for INNER and LEFT SEMI, and those
    over the table into the table for all four; PushPredicateThroughNonJoin moves the stream's
    below its EventTimeWatermark (none reads the event time).  A WHERE above the join: its
    conjuncts over the stream go into it for all four (where_moves_into's left side), those
    over both sides join an INNER join's condition (IsNotNull of the stream's columns they
    read); the WHERE filters the joined rows after."""

    def runs_no_data_batch(self):
        # a stateless join asks for none; the aggregation's StateStoreSaveExec in update mode
        return self.q.agg and Model.runs_no_data_batch(self)

    def pushed_stream(self, w):
        q = self.q
        if not all(x[2](w, None) for x in q.wheres if x[1] == 0):
            return False
        if q.jtype not in ("inner", "semi"):
            return True
        cols = {"k"} | set().union(*[x[3] for x in q.extras])
        if q.jtype == "inner":
            cols |= set().union(*[x[3][0] for x in q.wheres if x[1] == 2])
        return all(w[c] is not None for c in cols) and all(
            x[2](w, None) for x in q.extras if x[1] == 0)

    def matches(self, w):
        """The table's rows the stream row meets, in the order the hashed relation gives them:
        a key's rows newest first (BytesToBytesMap keeps each key's values as a list it puts
        new ones in front of); a NULL key meets none (HashJoin: key.anyNull)."""
        q = self.q
        if w["k"] is None or not all(x[2](w, None) for x in q.extras if x[1] == 0):
            return []  # the stream's own conjuncts left in the condition (LEFT OUTER, ANTI)
        table = [t for t in q.table if t["k"] is not None and
                 all(x[2](None, t) for x in q.extras if x[1] == 1)]
        return [t for t in reversed(table) if t["k"] == w["k"] and
                all(x[2](w, t) for x in q.extras if x[1] == 2)]

    def batch(self, parts):
        q = self.q
        late_ms, wm_ms = self.prev_wm if self.batch_id > 0 else 0, self.wm
        rows = [w for p in parts for w in p]
        seen_parts = [[w for w in p if self.pushed_stream(w)] for p in parts]
        seen = [w for p in seen_parts for w in p]
        joined = []
        for w in seen:
            ms = self.matches(w)
            if q.jtype == "inner":
                joined += [dict(w, w=t["w"], name=t["name"]) for t in ms]
            elif q.jtype == "left":
                joined += [dict(w, w=t["w"], name=t["name"]) for t in ms] or \
                    [dict(w, w=None, name=None)]
            elif (q.jtype == "semi") == bool(ms):
                joined.append(w)
        joined = [j for j in joined if all(x[2](j, {"w": j.get("w")}) for x in q.wheres)]
        self.op = {"updated": 0, "removed": 0, "dropped": 0}
        if q.agg:
            res, ordered = self.group_batch(joined, late_ms, wm_ms), False
            cols = [("k", "str")] + [(a, AGG_TYPE[a]) for a in q.aggs]
        else:
            names = ["time", "k", "v"] + ([] if q.jtype in ("semi", "anti") else ["w", "name"])
            res, ordered = [[j[c] for c in names] for j in joined], True
            types = {"time": "ts", "k": "str", "v": "long", "w": "long", "name": "str"}
            cols = [(c, types[c]) for c in names]
        cells = [[cell(v, t) for v, (_, t) in zip(row, cols)] for row in res]
        self.out.append((self.batch_id, [c[0] for c in cols], cells, ordered))
        self.progress.append(self.progress_record(rows, seen_parts, wm_ms))
        self.one_watermark(seen)
        self.prev_wm = wm_ms
        self.batch_id += 1


def check_static(args, seed):
    """Stream-static joins (INNER, LEFT OUTER, LEFT SEMI, LEFT ANTI) with a table of NULL and
    repeated keys, extra conditions over either side or both, now and then aggregated."""
    r, st = area_stream("static", seed)
    unicode_keys(random.Random("static-unicode:%d" % seed), st)  # the table's keys too
    table, text = gen_table(r, st)
    st["tables"] = {"dim": text}
    failures = 0
    for qi in range(args.area_queries):
        q = gen_static_query(r, st, random.Random("static-where:%d:%d" % (seed, qi)))
        q.table = table
        failures += compare(args, "static seed %d query %d" % (seed, qi), q, st, st)
    return failures


# ---------------------------------------------------------------------------------------------
# The exprs area: window() and GROUP BY aggregations whose keys are expressions (string
# functions, CASE WHEN, arithmetic, date parts of the event time; inline or named in a
# subquery) and whose aggregates read CASE WHEN and other expressions, over streams heavy in
# NULLs and NaN, some starting just before a new year (UTC, the session time zone).


def _utc(us):
    return EPOCH + datetime.timedelta(microseconds=us)


def _from_utc(us, tz):
    """DateTimeUtils.fromUTCTime: the local time of the instant in tz, read as UTC."""
    t = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + \
        datetime.timedelta(microseconds=us)
    return (t.astimezone(zoneinfo.ZoneInfo(tz)).replace(tzinfo=None) - EPOCH) // \
        datetime.timedelta(microseconds=1)


def _to_utc(us, tz):
    """DateTimeUtils.toUTCTime: the UTC fields as a local time of tz (LocalDateTime.atZone: a
    time in a gap moved later by the gap, one in an overlap at the earlier offset, as python's
    fold=0 reads them), the instant."""
    t = _utc(us).replace(tzinfo=zoneinfo.ZoneInfo(tz), fold=0)
    return (t - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)) // \
        datetime.timedelta(microseconds=1)


def _nn(f):
    """f over non-NULL arguments, NULL otherwise (a NullIntolerant expression)."""
    return lambda *xs: None if any(x is None for x in xs) else f(*xs)


# name: (sql, value of a row, type)
KEY_EXPRS = {
    "ku": ("upper(k)", lambda w: _nn(str.upper)(w["k"]), "str"),
    "kc": ("coalesce(k, 'none')", lambda w: "none" if w["k"] is None else w["k"], "str"),
    # Pmod is not %: Remainder takes the dividend's sign (Java's %)
    "kv": ("concat(k, '-', CAST(v % 3 AS STRING))",
           lambda w: _nn(lambda k, v: "%s-%d" % (k, java_mod(v, 3)))(w["k"], w["v"]), "str"),
    # concat_ws skips NULL arguments (ConcatWs); left() by characters
    "kl": ("left(concat_ws('|', k, CAST(v AS STRING)), 3)",
           lambda w: "|".join(x for x in (w["k"], None if w["v"] is None else str(w["v"]))
                              if x is not None)[:3], "str"),
    # CASE WHEN: the first true condition; a NULL condition is not true
    "kcase": ("CASE WHEN v IS NULL THEN 'none' WHEN v < 5 THEN 'small' WHEN v < 12 THEN 'mid' "
              "ELSE 'big' END",
              lambda w: ("none" if w["v"] is None else "small" if w["v"] < 5 else
                         "mid" if w["v"] < 12 else "big"), "str"),
    # NaN > 1 is true (SQLOrderingUtil.compareDoubles); no ELSE: NULL
    "kd": ("CASE WHEN d > 1 THEN 'hi' WHEN d <= 1 THEN 'lo' END",
           lambda w: None if w["d"] is None else "hi" if gt(w["d"], 1.0) else "lo", "str"),
    "vm": ("v % 3", lambda w: _nn(lambda v: java_mod(v, 3))(w["v"]), "long"),
    "yr": ("year(time)", lambda w: _nn(lambda t: _utc(t).year)(w["time"]), "int"),
    "hr": ("hour(time)", lambda w: _nn(lambda t: _utc(t).hour)(w["time"]), "int"),
    "ym": ("date_format(time, 'yyyy-MM')",
           lambda w: _nn(lambda t: _utc(t).strftime("%Y-%m"))(w["time"]), "str"),
    # daylight saving time moves around some streams' start (see check_exprs)
    "hny": ("hour(from_utc_timestamp(time, 'America/New_York'))",
            lambda w: _nn(lambda t: _utc(_from_utc(t, "America/New_York")).hour)(w["time"]),
            "int"),
    "dbl": ("date_format(from_utc_timestamp(time, 'Europe/Berlin'), 'yyyy-MM-dd HH:mm')",
            lambda w: _nn(lambda t: _utc(_from_utc(t, "Europe/Berlin")).strftime(
                "%Y-%m-%d %H:%M"))(w["time"]), "str"),
    "ubl": ("to_utc_timestamp(time, 'Europe/Berlin')",
            lambda w: _nn(lambda t: _to_utc(t, "Europe/Berlin"))(w["time"]), "ts"),
}


def _case_d_pos(w):
    """CASE WHEN d > 0 THEN v ELSE 0 END: a NULL d takes the ELSE, NaN > 0."""
    return w["v"] if w["d"] is not None and gt(w["d"], 0.0) else 0


# name (its kind by prefix: count_, sum_, avg_, min_, max_): (sql, value of a row it reads, type)
EXPR_AGGS = {
    "sum_cw": ("sum(CASE WHEN d > 0 THEN v ELSE 0 END)", _case_d_pos, "long"),
    "count_cw": ("count(CASE WHEN v > 5 THEN 1 END)",
                 lambda w: 1 if w["v"] is not None and w["v"] > 5 else None, "long"),
    "max_ca": ("max(CASE WHEN k = 'a' THEN d END)",
               lambda w: w["d"] if w["k"] == "a" else None, "double"),
    "min_ku": ("min(upper(k))", KEY_EXPRS["ku"][1], "str"),
    "max_kl": ("max(concat_ws('|', k, CAST(v AS STRING)))",
               lambda w: "|".join(x for x in (w["k"], None if w["v"] is None else str(w["v"]))
                                  if x is not None), "str"),
    "sum_v2": ("sum(v * 2 + 1)", lambda w: _nn(lambda v: v * 2 + 1)(w["v"]), "long"),
    "avg_vc": ("avg(coalesce(v, 0))", lambda w: 0 if w["v"] is None else w["v"], "double"),
    "sum_dd": ("sum(CASE WHEN v IS NULL THEN d ELSE d * 2 END)",
               lambda w: _nn(lambda d: d if w["v"] is None else d * 2)(w["d"]), "double"),
    "max_len": ("max(length(k))", lambda w: _nn(len)(w["k"]), "int"),
    # DECIMAL(38,0) * DECIMAL(38,0) is a DECIMAL(38,0) (DecimalType.adjustPrecisionScale),
    # NULL when a product overflows (CheckOverflow, non-ANSI); the sum is a DECIMAL(38,0)
    # too, NULL from the first partial sum that overflows on (Sum: isEmpty false and a NULL
    # sum; all values are >= 0, so some partial sum overflows whatever the order of the
    # merges exactly when the total does: agg_result)
    # an expression over two aggregates (the final HashAggregate's resultExpressions)
    "ratio_vc": ("sum(v) / count(*)", lambda w: w["v"], "double"),
    "sum_big": ("sum(CAST(abs(v) AS DECIMAL(38,0)) * CAST('1e37' AS DECIMAL(38,0)))",
                lambda w: _nn(lambda v: abs(v) * 10 ** 37 if abs(v) < 10 else None)(w["v"]),
                "dec38"),
}
for _name, (_sql, _f, _typ) in EXPR_AGGS.items():
    AGGS[_name], AGG_TYPE[_name], AGG_COL[_name] = _sql, _typ, "x_" + _name


def gen_order_by(r, q):
    """Now and then in complete mode, ORDER BY an aggregate or a key (either direction, NULLs
    first or last, by default ASC NULLS FIRST and DESC NULLS LAST: SortOrder), then every
    grouping key, so that the order is total."""
    if q.mode != "complete" or r.random() < 0.4:
        return
    names = [c for c, _ in out_columns(q)]
    keys = [c for c in names if c in q.keys or c == "w"]
    first = r.choice(names)
    q.order_by = [(c, r.random() < 0.5, r.random() < 0.5)
                  for c in [first] + [k for k in keys if k != first]]


def check_exprs(args, seed):
    """window() and GROUP BY aggregations (any mode, HAVING as the base area draws it) with
    expression keys and aggregates of expressions, over a NULL/NaN-heavy stream or one
    crossing a year."""
    r = random.Random("exprs:%d" % seed)
    # 2023-12-31 23:59:40, 2024-02-28 23:59:50 (a leap day next), 1969-12-31 23:59:30;
    # 2024-03-10 06:59:50 (New York's clocks go forward at 07:00), 2024-03-31 00:59:50 and
    # 2024-10-27 00:59:50 (Berlin's go forward and back at 01:00), 2024-03-31 01:59:50 and
    # 2024-10-27 01:59:50 (times whose fields are in Berlin's gap and overlap)
    st = gen_stream(r, bases=[1704066980, 1709164790, -30, 1711972800, 1710053990, 1711846790,
                              1729990790, 1711850390, 1729994390],
                    skew=r.choice([{}, {"tnulls": 0.1, "nulls": 0.3, "nans": 0.1}]))
    st["empty_runs"] = {i for i in range(len(st["batches"])) if r.random() < 0.1}
    unicode_keys(random.Random("exprs-unicode:%d" % seed), st)
    for files in st["batches"]:
        for rows in files:
            for w in rows:
                for name, (_, f, _) in KEY_EXPRS.items():
                    w[name] = f(w)
                for name, (_, f, _) in EXPR_AGGS.items():
                    w["x_" + name] = f(w)
    failures = 0
    for qi in range(args.area_queries):
        q = gen_query(r, st)
        while q.family not in ("window", "group") and not (q.family == "session" and qi % 2):
            q = gen_query(r, st)
        keep = [k for k in q.keys if r.random() < 0.5]
        if q.family == "session":  # one key: k or an expression
            keep = [] if r.random() < 0.7 else ["k"]
        q.keys = keep + r.sample(sorted(KEY_EXPRS), r.choice([1, 1, 2]) if q.family == "group"
                                 else 1 - len(keep) if q.family == "session"
                                 else r.choice([0, 1]))
        if "time" in keep:  # the event time stays the last key (Model.final finds it by name)
            q.keys = [k for k in q.keys if k != "time"] + ["time"]
        q.aggs = [a for a in q.aggs if r.random() < 0.6] + r.sample(sorted(EXPR_AGGS),
                                                                    r.randint(1, 3))
        if q.family == "window" and r.random() < 0.2:
            # a window of the time shifted by an interval: no watermark on its key
            q.tshift = r.choice([-2, 3]) * SEC
            q.wexpr = q.wexpr.replace("window(time,", "window(time %s INTERVAL '%s'," % (
                "+" if q.tshift > 0 else "-", dur(abs(q.tshift) // SEC)))
        if q.mode == "append" and (getattr(q, "tshift", 0) or
                                   q.family == "group" and "time" not in q.keys):
            q.mode = "update"
        # (drawn, named in a subquery)
        q.key_exprs = (True, r.random() < 0.4 and any(k in KEY_EXPRS for k in q.keys))
        if q.key_exprs[1]:
            q.subq = False
        q.having = gen_having(r, q)
        gen_order_by(random.Random("exprs-order:%d:%d" % (seed, qi)), q)
        nr = random.Random("exprs-nest:%d:%d" % (seed, qi))
        if nr.random() < 0.3:
            q.where_levels = [gen_where(nr, st), gen_where(nr, st)]
            q.subq = False
        failures += compare(args, "exprs seed %d query %d" % (seed, qi), q, st, st)
    return failures


AREAS = {"base": check, "union": check_union, "sessgap": check_sessgap, "order": check_order,
         "ssjoin": check_ssjoin, "static": check_static, "wmpolicy": check_wmpolicy,
         "exprs": check_exprs}


def parse_seeds(s):
    if ":" in s:
        a, b = s.split(":")
        return range(int(a), int(b))
    return [int(s)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sluice", required=False, default=None)
    ap.add_argument("--seeds", default="0:20", help="FROM:TO (seeds FROM..TO-1) or one seed")
    ap.add_argument("--queries", type=int, default=3, help="queries per seed")
    ap.add_argument("--work", default=None, help="where the temp dirs go")
    ap.add_argument("--keep", action="store_true", help="keep every temp dir")
    ap.add_argument("--show", action="store_true", help="print the queries, run nothing")
    ap.add_argument("--areas", default=",".join(AREAS),
                    help="comma-separated areas: " + ", ".join(AREAS))
    ap.add_argument("--area-queries", type=int, default=2,
                    help="queries per seed of the areas other than base")
    args = ap.parse_args()
    if not args.show and not args.sluice:
        ap.error("--sluice is required")
    if args.sluice:
        args.sluice = os.path.abspath(args.sluice)
    bad = 0
    seeds = parse_seeds(args.seeds)
    areas = args.areas.split(",")
    for area in areas:
        if area not in AREAS:
            ap.error("unknown area %s" % area)
    for seed in seeds:
        for area in areas:
            bad += AREAS[area](args, seed)
    if not args.show:
        print("streamdiff: %d seeds, areas %s, %d mismatches" % (len(seeds), ",".join(areas), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
