#!/usr/bin/env python3
"""check_tz.py - sluice's region zones (common/cm_tz.c, cm_tzfile.c through tz_probe) against
python3's zoneinfo, which reads the same tz database: the offset at thousands of UTC instants
from 1900 to 2100 and around every transition, and the offset java.time's ZonedDateTime.of
gives local date-times, with its gap and overlap rules applied here explicitly.

Usage: check_tz.py path/to/tz_probe
"""
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

ZONES = ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
         "America/Sao_Paulo", "Pacific/Apia", "Europe/Dublin", "Australia/Sydney",
         "America/St_Johns", "Africa/Casablanca", "Asia/Tehran", "Antarctica/Troll",
         "Pacific/Chatham", "America/Santiago",
         # footers with rule times below zero or beyond 24 h (RFC 8536's extension)
         "America/Nuuk", "Asia/Jerusalem", "Asia/Gaza", "Africa/Cairo"]
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
LO = int((datetime(1900, 1, 1, tzinfo=timezone.utc) - EPOCH).total_seconds())
HI = int((datetime(2100, 12, 31, tzinfo=timezone.utc) - EPOCH).total_seconds())


def offset_at(tz, t):
    """Seconds east of UTC in force at UTC second t."""
    return int((EPOCH + timedelta(seconds=t)).astimezone(tz).utcoffset().total_seconds())


def transitions(tz):
    """(instant, offset before, offset after) of every change of offset, found by a scan
    of 6-hour steps and bisection."""
    out = []
    step = 6 * 3600
    prev_t, prev_o = LO, offset_at(tz, LO)
    for t in range(LO + step, HI, step):
        o = offset_at(tz, t)
        if o != prev_o:
            lo, hi = prev_t, t  # offset_at(lo) == prev_o, offset_at(hi) != prev_o
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if offset_at(tz, mid) == prev_o:
                    lo = mid
                else:
                    hi = mid
            out.append((hi, prev_o, offset_at(tz, hi)))
            prev_o = o
        prev_t = t
    return out


def java_local(tz, local):
    """The instant of ZonedDateTime.of(local, tz) (local: seconds of local time), by
    java.time's rules: the valid offset; in an overlap the earlier offset (the larger);
    in a gap the local time moved later by the gap's length, at the offset after."""
    cands = {offset_at(tz, local + k * 3600) for k in range(-30, 31)}
    valid = sorted(o for o in cands if offset_at(tz, local - o) == o)
    if len(valid) == 1:
        return local - valid[0]
    if len(valid) >= 2:
        return local - valid[-1]
    before = offset_at(tz, local - max(cands))
    after = offset_at(tz, local - min(cands))
    assert after > before, (local, before, after)
    shifted = local + (after - before)
    return shifted - after


def probe(path, zone, queries):
    text = "".join(f"{op} {v}\n" for op, v in queries)
    r = subprocess.run([path, zone], input=text, capture_output=True, text=True, check=True)
    return [int(x) for x in r.stdout.split()]


def main():
    probe_path = sys.argv[1]
    rng = random.Random(20161106)
    failures = 0
    total = 0
    for zone in ZONES:
        tz = ZoneInfo(zone)
        trans = transitions(tz)
        utc = [rng.randrange(LO, HI) for _ in range(3000)]
        local = [rng.randrange(LO, HI) for _ in range(1000)]
        for t, ob, oa in trans:
            utc += [t - 1, t, t + 1]
            for base in (t + ob, t + oa):
                local += [base - 1, base, base + 1]
            local.append(t + (ob + oa) // 2)
        queries = [("u", t) for t in utc] + [("l", x) for x in local]
        got = probe(probe_path, zone, queries)
        want = [offset_at(tz, t) for t in utc] + [x - java_local(tz, x) for x in local]
        bad = [(q, g, w) for q, g, w in zip(queries, got, want) if g != w]
        total += len(queries)
        failures += len(bad)
        print(f"{zone}: {len(trans)} transitions, {len(queries)} instants, {len(bad)} differ")
        for q, g, w in bad[:5]:
            print(f"  {q}: sluice {g}, expected {w}")
    print(f"{total} instants, {failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
