#!/usr/bin/env python3
"""check_agg_goldens.py - the rows of the max_by/min_by, percentile and mode goldens, computed
independently of sluice.

    check_agg_goldens.py max_by     <tests/golden/max_by_restart>
    check_agg_goldens.py percentile <tests/golden/percentile_restart>
    check_agg_goldens.py mode       <tests/golden/mode_restart>

Each golden runs two queries over four one-file batches (steps s1: f1, f2; s2: f3; s3: f4): a
complete-mode query ordered by g, then an update-mode one.  The models follow Spark 3.5's
source: MaxMinBy's update/merge expressions (aggregate/MaxByAndMinBy.scala), Percentile's
counts per distinct value and getPercentile (aggregate/percentiles.scala), Mode's
OpenHashMap and maxBy(_._2) (aggregate/Mode.scala, util/collection/OpenHashSet.scala).  The
tables of expected.out (which the golden test compares with sluice's output byte for byte)
must hold the same rows: the complete-mode tables in order, the update-mode ones as sets.
"""
import bisect
import json
import math
import os
import struct
import sys

import spark_agg
from spark_hash import murmur3_bytes

FILES = [['s1/f1.json'], ['s1/f2.json'], ['s2/f3.json'], ['s3/f4.json']]


def batches(d):
    for b in FILES:
        rows = []
        for f in b:
            for line in open(os.path.join(d, f)):
                r = json.loads(line)
                rows.append({k: float('nan') if v == 'NaN' else v for k, v in r.items()})
        yield rows


def tables(text):
    """The data rows of each console table of the output, cells stripped."""
    out, cur = [], None
    for line in text.splitlines():
        if line.startswith('|'):
            cells = [c.strip() for c in line.strip('|').split('|')]
            if cur is None:
                cur = []
                out.append(cur)
            else:
                cur.append(cells)
        elif line.startswith('+') and cur:
            cur = None
    return out


def fmt(v):
    if v is None:
        return 'NULL'
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, float):
        return 'NaN' if math.isnan(v) else repr(v)
    return str(v)


def same(a, b):
    """Two cells: equal text, or the same double (Spark's and Python's shortest digits may
    be spelled apart, 1.0E10 and 10000000000.0), the sign of a zero included."""
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return (math.isnan(x) and math.isnan(y)) or (x == y and math.copysign(1, x) == math.copysign(1, y))


def spark_key(v):
    """Spark's ordering: doubles with NaN largest and -0.0 = 0.0; strings by UTF-8 bytes."""
    if isinstance(v, float):
        return (1, 0.0) if math.isnan(v) else (0, v + 0.0)
    if isinstance(v, str):
        return v.encode()
    return v


# ---- MaxMinBy: (value, ordering) kept; a NULL ordering skipped; the kept one stays only when
# its ordering is strictly better (predicate(old, new)), so the later row wins a tie.

def max_by(d):
    q1 = [('s', 'o', True), ('s', 'o', False), ('i', 's', True), ('i', 's', False),
          ('s', 'i', True), ('o', 'i', False)]
    q2 = [('s', 'o', True), ('s', 'i', False)]
    aggs = q1 + q2
    st, out = {}, []
    for rows in batches(d):
        touched = []
        for r in rows:
            g = r['g']
            s = st.setdefault(g, {'c': 0, 'k': [[None, None, False] for _ in aggs]})
            s['c'] += 1
            if g not in touched:
                touched.append(g)
            for j, (x, o, is_max) in enumerate(aggs):
                k, ov = s['k'][j], r.get(o)
                if ov is None:
                    continue
                keeps = k[2] and (spark_key(k[1]) > spark_key(ov) if is_max else spark_key(k[1]) < spark_key(ov))
                if not keeps:
                    k[:] = [r.get(x), ov, True]
        t1 = [[g] + [fmt(k[0]) for k in st[g]['k'][:len(q1)]] + [str(st[g]['c'])] for g in sorted(st)]
        t2 = [[g] + [fmt(k[0]) for k in st[g]['k'][len(q1):]] for g in touched]
        out.append((t1, t2))
    return out


# ---- Percentile: counts per distinct value, keys sorted, accumulated counts; position
# (count - 1) * p, the keys at ranks floor and ceil (binarySearchCount), interpolated.

def percentile_of(counts, p):
    if not counts:
        return None
    keys = sorted(counts, key=spark_key)
    acc, tot = [], 0
    for k in keys:
        tot += counts[k]
        acc.append(tot)
    position = float(acc[-1] - 1) * p
    lower, higher = math.floor(position), math.ceil(position)
    lk, hk = keys[bisect.bisect_left(acc, lower + 1)], keys[bisect.bisect_left(acc, higher + 1)]
    if higher == lower or (hk == lk and not (isinstance(lk, float) and math.isnan(lk))):
        return float(lk)
    return (higher - position) * float(lk) + (position - lower) * float(hk)


def percentile(d):
    q1 = [('n', 0.5), ('n', 0.25), ('d', 0.5), ('d', 1.0), ('d', 0.0), ('n', 0.9), ('d', 0.5)]
    q2 = [('n', 0.5), ('d', 0.75)]
    st, out = {}, []
    for rows in batches(d):
        touched = []
        for r in rows:
            g = r['g']
            s = st.setdefault(g, {'n': {}, 'd': {}})
            if g not in touched:
                touched.append(g)
            for c in ('n', 'd'):
                v = r[c]
                if v is not None:
                    v = 'NaN' if isinstance(v, float) and math.isnan(v) else v
                    s[c][v] = s[c].get(v, 0) + 1
        def row(g, q):
            counts = lambda c: {(float('nan') if k == 'NaN' else k): n for k, n in st[g][c].items()}
            return [g] + [fmt(percentile_of(counts(c), p)) for c, p in q]
        out.append(([row(g, q1) for g in sorted(st)], [row(g, q2) for g in touched]))
    return out


# ---- Mode: spark_agg.mode_of over Java's hashCode and equals of the values.

M32 = 0xffffffff


def java_hash(v):
    if isinstance(v, bool):
        return 1231 if v else 1237
    if isinstance(v, int):
        return v & M32
    if isinstance(v, str):
        return murmur3_bytes(v.encode(), 42)
    bits = 0x7ff8000000000000 if math.isnan(v) else struct.unpack('<Q', struct.pack('<d', v))[0]
    return (bits ^ (bits >> 32)) & M32


def java_key(v):
    if isinstance(v, float):
        return 'NaN' if math.isnan(v) else struct.pack('<d', v)
    return (type(v).__name__, v)


def mode_of(vals):
    return spark_agg.mode_of(vals, java_hash, java_key)


def mode(d):
    st, out = {}, []
    for rows in batches(d):
        touched = []
        for r in rows:
            g = r['g']
            s = st.setdefault(g, {'n': [], 's': [], 'd': [], 'b': [], 'c': 0})
            s['c'] += 1
            if g not in touched:
                touched.append(g)
            for c in 'nsdb':
                if r[c] is not None:
                    s[c].append(float(r[c]) if c == 'd' else r[c])
        res = {g: [fmt(mode_of(st[g][c])) for c in 'nsdb'] for g in st}
        out.append(([[g] + res[g] + [str(st[g]['c'])] for g in sorted(st)],
                    [[g, res[g][1], res[g][2]] for g in touched]))
    return out


def main():
    check, d = sys.argv[1], sys.argv[2]
    model = {'max_by': max_by, 'percentile': percentile, 'mode': mode}[check](d)
    got = tables(open(os.path.join(d, 'expected.out')).read())
    bad = 0
    for i, (t1, t2) in enumerate(model):
        for exp, have in ((t1, got[2 * i]), (sorted(t2), sorted(got[2 * i + 1]))):
            if len(exp) != len(have) or not all(
                    len(e) == len(h) and all(same(a, b) for a, b in zip(e, h)) for e, h in zip(exp, have)):
                bad += 1
                print(f'batch {i}: expected {exp}\n          got {have}')
    print(f'{check}: {"OK" if not bad else f"{bad} tables differ"}')
    sys.exit(1 if bad else 0)


main()
