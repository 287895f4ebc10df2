"""spark_grouping.py - Spark 3.5's GROUP BY ROLLUP / CUBE / GROUPING SETS for the python models
of goldens (tests/golden/grouping_sets_*/model.py), written from Spark's source, apart from
sluice:

- the selected grouping sets of each GROUP BY item (grouping.scala: BaseGroupingSets.rollupExprs,
  cubeExprs0, AstBuilder.visitGroupingAnalytics for GROUPING SETS) and of the whole clause
  (GroupingAnalytics.unapply: the last item's sets, then each earlier item left to right, every
  set so far with every set of it);
- the grouping keys (groupByExprs: the items' expressions in order, each once), the grouping
  id of a set (Expand.buildBitmask: bit n - 1 - i set for key i not in the set) and Expand's
  rows, one per set in order, the keys outside the set NULL (and _gen_grouping_pos when a set
  repeats);
- a micro-batch aggregation over them in the order groups are first seen (sluice's output
  order), with Spark's output modes and an event-time watermark on a window key.

A set or an item is a list of key names; a window key is a (start, end) tuple of datetimes.
"""
import datetime
import json
import os


def rollup(sets):
    """Rollup(sets).selectedGroupByExprs: the inits, longest first."""
    return [sum(sets[:k], []) for k in range(len(sets), -1, -1)]


def cube(sets):
    """Cube(sets).selectedGroupByExprs (cubeExprs0)."""
    if not sets:
        return [[]]
    rest = cube(sets[1:])
    return [sets[0] + r for r in rest] + rest


def combine(items):
    """GroupingAnalytics.unapply's selectedGroupByExprs of the items' selected sets."""
    acc = items[-1]
    for y in items[:-1]:
        acc = [a + b for a in acc for b in y]
    return acc


def keys_of(exprs):
    """groupByExprs: each expression once, in order."""
    out = []
    for e in exprs:
        if e not in out:
            out.append(e)
    return out


def grouping_id(keys, s):
    gid = 0
    for i, k in enumerate(keys):
        if k not in s:
            gid |= 1 << (len(keys) - 1 - i)
    return gid


def expand(keys, sets, values):
    """Expand's rows for a row whose keys have these values (a dict): (key tuple, gid, pos)
    per set in order; pos is None unless a set repeats (hasDuplicateGroupingSets)."""
    repeats = len(set(frozenset(s) for s in sets)) != len(sets)
    for pos, s in enumerate(sets):
        yield (tuple(values[k] if k in s else None for k in keys), grouping_id(keys, s),
               pos if repeats else None)


class Stream:
    """A streaming aggregation: groups (key tuple, gid, pos) in first-seen order, each with its
    rows' aggregate state; update(rows) per batch, then output(mode)."""

    def __init__(self, keys, sets, init, add, event_key=None, delay=None):
        self.keys, self.sets, self.init, self.add = keys, sets, init, add
        self.groups = {}   # insertion order: first seen
        self.event_key = event_key  # the window key's name, or None
        self.delay = delay
        self.watermark = None  # the watermark the next batch runs with (None: 0)
        self.max_time = None

    def late(self, group):
        """Dropped as late: its window ends at or before the batch's watermark."""
        if self.event_key is None or self.watermark is None:
            return False
        w = group[0][self.keys.index(self.event_key)]
        return w is not None and w[1] <= self.watermark

    def batch(self, rows, time_of=None, key_values=None):
        """Aggregate a batch's rows; returns the groups it changed, in the order the batch met
        them (update mode's order: StateStoreSaveExec emits the final HashAggregateExec's
        groups as its BytesToBytesMap met them)."""
        changed = []
        for r in rows:
            for vals in key_values(r):
                for g in expand(self.keys, self.sets, vals):
                    if self.late(g):
                        continue
                    if g not in self.groups:
                        self.groups[g] = self.init()
                    self.groups[g] = self.add(self.groups[g], r)
                    if g not in changed:
                        changed.append(g)
            if time_of:
                t = time_of(r)
                if t is not None and (self.max_time is None or t > self.max_time):
                    self.max_time = t
        return changed

    def final(self, g):
        """A group the watermark makes final (a NULL window never is)."""
        if self.watermark is None:
            return False
        w = g[0][self.keys.index(self.event_key)]
        return w is not None and w[1] <= self.watermark

    def evict(self):
        """Remove and return the final groups, first-seen order."""
        out = [g for g in self.groups if self.final(g)]
        for g in out:
            del self.groups[g]
        return out

    def next_watermark(self):
        """The watermark after the batch: max event time - delay (it never goes back)."""
        if self.max_time is None:
            return self.watermark
        w = self.max_time - self.delay
        return w if self.watermark is None or w > self.watermark else self.watermark


def step_batches(here, steps):
    """The batches of a golden with STEPS, one per file (maxFilesPerTrigger = 1): yields
    (step, rows, the last file of its step, a "=== step s ===" line or None before the first
    file of a step)."""
    for step, files in steps:
        for i, f in enumerate(files):
            with open(os.path.join(here, step, f)) as fh:
                rows = [json.loads(line) for line in fh if line.strip()]
            yield step, rows, i == len(files) - 1, "=== step %s ===" % step if i == 0 else None


def ts(s):
    return datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")


def fmt_ts(t):
    return None if t is None else t.strftime("%Y-%m-%d %H:%M:%S")
