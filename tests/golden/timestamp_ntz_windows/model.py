#!/usr/bin/env python3
# model.py - the expected output of timestamp_ntz_windows, computed apart from sluice from
# Spark 3.5's rules: JacksonParser reads a TIMESTAMP_NTZ with parseWithoutTimeZone(s, false)
# (a zone makes the field NULL); TimeWindowing (ResolveTimeWindows.scala) gives a time the
# windows lastStart - i * slide, i < ceil(size / slide), that hold it, with lastStart =
# t - ((t - startTime) mod slide); SessionWindowing opens [t, t + gap) and merging sessions
# (MergingSessionsIterator) joins those that overlap; WindowTime is end - 1 µs.  Update mode
# prints the groups a batch updated, complete mode all (here sorted); show() prints a
# TIMESTAMP_NTZ as a TIMESTAMP in UTC, to_json and the JSON sink with timestampNTZFormat's
# default yyyy-MM-dd'T'HH:mm:ss[.SSS].
#
#   python3 model.py > expected.out
import datetime
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

EPOCH = datetime.datetime(1970, 1, 1)
MIN = 60 * 1000000


def parse_ntz(s):
    """The default TIMESTAMP_NTZ parser for these inputs: date, 'T' or ' ', time with an
    optional fraction, and no zone (a trailing Z is a zone: NULL)."""
    if s is None:
        return None
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?", s)
    if not m:
        return None
    y, mo, d, h, mi, se = (int(g) for g in m.groups()[:6])
    frac = int((m.group(7) or "").ljust(6, "0"))
    dt = datetime.datetime(y, mo, d, h, mi, se)
    return (dt - EPOCH) // datetime.timedelta(microseconds=1) + frac


def show_ts(us):
    """Cast to STRING / show(): seconds, then the fraction without trailing zeros."""
    dt = EPOCH + datetime.timedelta(microseconds=us)
    s = dt.strftime("%Y-%m-%d %H:%M:%S")
    if dt.microsecond:
        s += ("." + "%06d" % dt.microsecond).rstrip("0")
    return s


def ntz_format(us):
    """yyyy-MM-dd'T'HH:mm:ss[.SSS]: the optional fraction always printed, milliseconds
    (truncated)."""
    dt = EPOCH + datetime.timedelta(microseconds=us)
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + ".%03d" % (dt.microsecond // 1000)


def show_window(w):
    return "{%s, %s}" % (show_ts(w[0]), show_ts(w[1]))


def json_window(w):
    return {"start": ntz_format(w[0]), "end": ntz_format(w[1])}


def windows(t, size, slide, start=0):
    """TimeWindowing's windows of t, i = 0 first (Expand's projections), filtered."""
    n = -(-size // slide)
    rem = (t - start) % slide  # python's % is never negative: the CaseWhen's correction
    last = t - rem
    out = []
    for i in range(n):
        ws = last - i * slide
        if ws <= t < ws + size:
            out.append((ws, ws + size))
    return out


def read(step):
    d = os.path.join(step)
    rows = []
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                rows.append((r["user"], parse_ntz(r["time"]), r["v"]))
    return rows


def main():
    out = []
    tumbling = {}  # window -> [n, s], insertion order
    sliding = {}
    sessions = {}  # user -> list of [start, end, n, first]
    files = []
    for batch_id, step in enumerate(["s1", "s2"]):
        rows = read(step)
        out.append("=== step %s ===" % step)
        # tumbling, update mode
        updated = []
        for _, t, v in rows:
            if t is None:
                continue
            for w in windows(t, 10 * MIN, 10 * MIN):
                g = tumbling.setdefault(w, [0, 0])
                g[0] += 1
                g[1] += v
                if w not in updated:
                    updated.append(w)
        upd = [w for w in tumbling if w in updated]
        out += show_batch(batch_id, ["window", "wt", "j", "n", "s"],
                          [[show_window(w), show_ts(w[1] - 1),
                            json.dumps(json_window(w), separators=(",", ":")),
                            str(tumbling[w][0]), str(tumbling[w][1])] for w in upd])
        # sliding, complete mode by start
        for _, t, v in rows:
            if t is None:
                continue
            for w in windows(t, 10 * MIN, 5 * MIN, 1 * MIN):
                g = sliding.setdefault(w, [0, 0])
                g[0] += 1
                g[1] += v
        out += show_batch(batch_id, ["w", "n", "s"],
                          [[show_window(w), str(sliding[w][0]), str(sliding[w][1])]
                           for w in sorted(sliding)])
        # sessions, complete mode by user and start
        for u, t, _ in rows:
            if t is None:
                continue
            sessions.setdefault(u, []).append([t, t + 5 * MIN, 1, t])
        for u in sessions:
            merged = []
            for s in sorted(sessions[u]):
                if merged and s[0] <= merged[-1][1]:
                    m = merged[-1]
                    m[1] = max(m[1], s[1])
                    m[2] += s[2]
                    m[3] = min(m[3], s[3])
                else:
                    merged.append(list(s))
            sessions[u] = merged
        out += show_batch(batch_id, ["user", "session", "n", "first"],
                          [[u, show_window((s[0], s[1])), str(s[2]), show_ts(s[3])]
                           for u in sorted(sessions) for s in sessions[u]])
        # the JSON sink: a file per batch, fields in order, a NULL left out
        lines = []
        for u, t, _ in rows:
            if t is None:
                continue
            for w in windows(t, 10 * MIN, 10 * MIN):
                lines.append(json.dumps({"user": u, "w": json_window(w),
                                         "wt": ntz_format(w[1] - 1)}, separators=(",", ":")))
        files.append(("part-00000-%019d.json" % batch_id, lines))
    out.append("=== files in outj ===")
    for name, lines in files:
        out.append("--- " + name)
        out += lines
    print("\n".join(out))


main()
