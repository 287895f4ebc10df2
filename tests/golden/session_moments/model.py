#!/usr/bin/env python3
# model.py - the expected output of session_moments, computed apart from sluice: Spark 3.5's
# CentralMomentAgg (VariancePop, StddevSamp, Skewness, Kurtosis), PearsonCorrelation,
# CovSample, RegrSlope and RegrIntercept update, merge and evaluate expressions, in the order
# of Spark's plan for a streaming session window (AggUtils.planStreamingAggregationForSession,
# spark.sql.streaming.sessionWindow.merge.sessions.in.local.partition false): a partial
# aggregate per (key, row's own session) from zero in input order; then per key the stored
# sessions and those points sorted by start, a stored session first on a tie
# (MergingSortWithSessionWindowStateIterator); MergingSessionsIterator initializes a buffer
# and merges each of them into it while it starts at or before the session's end; every
# session of a key the batch saw is saved so; the output merges the saved buffer into an
# initialized one (Final) and evaluates.
#
#   python3 model.py > expected.out
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_agg import cov_merge, cov_update, slope_merge, slope_update  # noqa: E402
from spark_show import batch as show_batch, java_double  # noqa: E402

GAP = 5 * 60


def mom_update(b, x):
    """CentralMomentAgg.updateExpressionsDef of order 4 (n, avg, m2, m3, m4)."""
    if x is None:
        return b
    n, avg, m2, m3, m4 = b
    new_n = n + 1.0
    delta = x - avg
    delta_n = delta / new_n
    new_avg = avg + delta_n
    new_m2 = m2 + delta * (delta - delta_n)
    delta2 = delta * delta
    delta_n2 = delta_n * delta_n
    new_m3 = m3 - 3.0 * delta_n * new_m2 + delta * (delta2 - delta_n2)
    new_m4 = (m4 - 4.0 * delta_n * new_m3 - 6.0 * delta_n2 * new_m2
              + delta * (delta * delta2 - delta_n * delta_n2))
    return [new_n, new_avg, new_m2, new_m3, new_m4]


def mom_merge(a, b, order):
    """CentralMomentAgg.mergeExpressions, a the left buffer; the moments above order stay 0."""
    n1, n2 = a[0], b[0]
    n = n1 + n2
    delta = b[1] - a[1]
    delta_n = 0.0 if n == 0.0 else delta / n
    r = [n, a[1] + delta_n * n2, a[2] + b[2] + delta * delta_n * n1 * n2, 0.0, 0.0]
    if order >= 3:
        r[3] = (a[3] + b[3] + delta_n * delta_n * delta * n1 * n2 * (n1 - n2)
                + 3.0 * delta_n * (n1 * b[2] - n2 * a[2]))
    if order >= 4:
        r[4] = (a[4] + b[4] + delta_n * delta_n * delta_n * delta * n1 * n2 * (n1 * n1 - n1 * n2 + n2 * n2)
                + 6.0 * delta_n * delta_n * (n1 * n1 * b[2] + n2 * n2 * a[2])
                + 4.0 * delta_n * (n1 * b[3] - n2 * a[3]))
    return r


def trim(b, order):
    """A moment buffer of that order: the higher moments never computed (0.0)."""
    return b[:order + 1] + [0.0] * (4 - order)


# (name, zero buffer, update(b, x, y), merge(a, b), evaluate(b))
def moments(order, evaluate):
    def update(b, x, y):
        return trim(mom_update(b, x), order)
    return ([0.0] * 5, update, lambda a, b: mom_merge(a, b, order), evaluate)


def jdiv(a, b):
    """Java's a / b of doubles: NaN or an infinity where python raises."""
    if b != 0.0:
        return a / b
    if a == 0.0 or math.isnan(a):
        return float("nan")
    return math.copysign(float("inf"), a) * math.copysign(1.0, b)


def nz(n, v):
    return None if n == 0.0 else v


def stddev_samp(b):
    return nz(b[0], None if b[0] == 1.0 else math.sqrt(b[2] / (b[0] - 1.0)))


def skewness(b):
    return nz(b[0], None if b[2] == 0.0 else math.sqrt(b[0]) * b[3] / math.sqrt(b[2] * b[2] * b[2]))


def kurtosis(b):
    return nz(b[0], None if b[2] == 0.0 else b[0] * b[3 + 1] / (b[2] * b[2]) - 3.0)


def corr(b):
    return nz(b[0], None if b[0] == 1.0 else jdiv(b[3], math.sqrt(b[4] * b[5])))


def covar_samp(b):
    return nz(b[0], None if b[0] == 1.0 else b[3] / (b[0] - 1.0))


def regr_slope(b):  # covarPop (n, xAvg, yAvg, ck) ++ varPop (n, avg, m2) of x
    return None if b[0] == 0.0 or b[6] == 0.0 else b[3] / b[6]


def regr_intercept(b):
    return None if b[0] == 0.0 or b[6] == 0.0 else b[2] - b[3] / b[6] * b[1]


AGGS = [
    ("vp", moments(2, lambda b: nz(b[0], b[2] / b[0]))),
    ("sds", moments(2, stddev_samp)),
    ("sk", moments(3, skewness)),
    ("ku", moments(4, kurtosis)),
    ("c", ([0.0] * 6, lambda b, x, y: cov_update(b, x, y), cov_merge, corr)),
    ("cs", ([0.0] * 4, lambda b, x, y: cov_update(b, x, y), cov_merge, covar_samp)),
    # regr_slope(y, x), regr_intercept(y, x): slope_update takes (y, x)
    ("sl", ([0.0] * 7, lambda b, x, y: slope_update(b, y, x), slope_merge, regr_slope)),
    ("ic", ([0.0] * 7, lambda b, x, y: slope_update(b, y, x), slope_merge, regr_intercept)),
]


def seconds(t):
    # "2024-04-01T12:08:00Z": the minutes of the day are all the rows need
    hh, mm, ss = t[11:19].split(":")
    return int(hh) * 3600 + int(mm) * 60 + int(ss)


def stamp(s):
    return "2024-04-01 %02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)


def read(step):
    d = os.path.join(os.path.dirname(os.path.abspath(__file__)), step)
    rows = []
    for f in sorted(os.listdir(d)):
        with open(os.path.join(d, f)) as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


state = {}  # key -> [[start, end, [buffer per aggregate]]], sorted by start
keys = []   # first-seen order


def run_batch(rows):
    points = {}  # (key, ts) -> buffers, the partial aggregate
    for r in rows:
        k, ts = r["user"], seconds(r["time"])
        if k not in keys:
            keys.append(k)
        bufs = points.setdefault((k, ts), [list(z) for (_, (z, _, _, _)) in AGGS])
        for i, (_, (_, upd, _, _)) in enumerate(AGGS):
            bufs[i] = upd(bufs[i], r["x"], r["y"])
    for k in sorted(set(k for (k, _) in points)):
        items = [(s[0], 0, s[1], s[2]) for s in state.get(k, [])]
        items += [(ts, 1, ts + GAP, bufs) for ((pk, ts), bufs) in points.items() if pk == k]
        items.sort(key=lambda it: (it[0], it[1]))
        out = []
        for (start, _, end, bufs) in items:
            if out and start <= out[-1][1]:
                cur = out[-1]
                cur[1] = max(cur[1], end)
            else:
                cur = [start, end, [list(z) for (_, (z, _, _, _)) in AGGS]]
                out.append(cur)
            cur[2] = [m(a, b) for (a, b, (_, (_, _, m, _))) in zip(cur[2], bufs, AGGS)]
        state[k] = out


def evict(watermark):
    rows = []
    for k in keys:
        keep = []
        for (start, end, bufs) in state.get(k, []):
            if end <= watermark:
                vals = [java_double(ev(m(list(z), b)))
                        for (b, (_, (z, _, m, ev))) in zip(bufs, AGGS)]
                rows.append([k, "{%s, %s}" % (stamp(start), stamp(end))] + vals)
            else:
                keep.append([start, end, bufs])
        state[k] = keep
    return rows


names = ["user", "session"] + [n for (n, _) in AGGS]
DELAY = 30 * 60
lines, watermark, batch_id = [], 0, 0
for step in ("s1", "s2", "s3"):
    lines.append("=== step %s ===" % step)
    rows = read(step)
    run_batch(rows)  # late rows: none (each at or after its batch's watermark)
    lines += show_batch(batch_id, names, evict(watermark))
    batch_id += 1
    # the watermark the next batch runs with; a no-data batch runs when it moved
    new = max(watermark, max(seconds(r["time"]) for r in rows) - DELAY)
    if new != watermark:
        watermark = new
        lines += show_batch(batch_id, names, evict(watermark))
        batch_id += 1
print("\n".join(lines))
