"""spark_quantile.py - Spark 3.5's QuantileSummaries (catalyst/util/QuantileSummaries.scala) and
PercentileDigest (expressions/aggregate/ApproximatePercentile.scala) in python, driven as a
streaming aggregation drives them (AggUtils.planStreamingAggregation), for the models of the
percentile_approx goldens (tests/golden/percentile_approx*/model.py).
"""
import datetime
import math

HEAD_SIZE = 50000          # QuantileSummaries.defaultHeadSize
COMPRESS_THRESHOLD = 10000  # QuantileSummaries.defaultCompressThreshold


def java_sort_key(x):
    # Scala's Ordering.Double (java.lang.Double.compare): -0.0 < 0.0, NaN last
    return (math.isnan(x), x, math.copysign(1.0, x) > 0)


def compress_immut(samples, merge_threshold):
    if not samples:
        return []
    res = []
    head = samples[-1]
    i = len(samples) - 2
    while i >= 1:
        s1 = samples[i]
        if s1[1] + head[1] + head[2] < merge_threshold:
            head = (head[0], head[1] + s1[1], head[2])
        else:
            res.append(head)
            head = s1
        i -= 1
    res.append(head)
    if samples[0][0] <= head[0] and len(samples) > 1:
        res.append(samples[0])
    res.reverse()
    return res


class Summaries:
    def __init__(self, rel, sampled=None, count=0):
        self.rel = rel
        self.sampled = sampled if sampled is not None else []
        self.count = count
        self.head = []

    def insert(self, x):
        self.head.append(x)
        if len(self.head) >= HEAD_SIZE:
            r = self.with_head_inserted()
            return r.compress() if len(r.sampled) >= COMPRESS_THRESHOLD else r
        return self

    def with_head_inserted(self):
        if not self.head:
            return self
        cur = self.count
        srt = sorted(self.head, key=java_sort_key)
        new, si = [], 0
        for oi, x in enumerate(srt):
            while si < len(self.sampled) and self.sampled[si][0] <= x:
                new.append(self.sampled[si])
                si += 1
            cur += 1
            if not new or (si == len(self.sampled) and oi == len(srt) - 1):
                delta = 0
            else:
                delta = int(math.floor(2 * self.rel * cur))
            new.append((x, 1, delta))
        new += self.sampled[si:]
        return Summaries(self.rel, new, cur)

    def compress(self):
        ins = self.with_head_inserted()
        return Summaries(self.rel, compress_immut(ins.sampled, 2 * self.rel * ins.count), ins.count)

    def merge(self, other):
        assert not self.head and not other.head
        if other.count == 0:
            return Summaries(self.rel, self.sampled, self.count)
        if self.count == 0:
            return Summaries(other.rel, other.sampled, other.count)
        rel = max(self.rel, other.rel)
        count = self.count + other.count
        add_self = int(math.floor(2 * other.rel * other.count))
        add_other = int(math.floor(2 * self.rel * self.count))
        merged, i, j = [], 0, 0
        a, b = self.sampled, other.sampled
        while i < len(a) and j < len(b):
            if a[i][0] < b[j][0]:
                s, extra = a[i], (add_self if j > 0 else 0)
                i += 1
            else:
                s, extra = b[j], (add_other if i > 0 else 0)
                j += 1
            merged.append((s[0], s[1], s[2] + extra))
        merged += a[i:] + b[j:]
        return Summaries(rel, compress_immut(merged, 2 * rel * count), count)

    def query(self, percentiles):
        """query(percentiles) of Spark 3.5: ascending percentiles (a stable sort), each
        findApproxQuantile resuming where the previous one stopped."""
        if not self.sampled:
            return None
        target = float(max(s[2] + s[1] for s in self.sampled) // 2)
        index, min_rank = 0, self.sampled[0][1]
        result = [0.0] * len(percentiles)
        for pos, p in sorted(enumerate(percentiles), key=lambda e: e[1]):
            if p <= self.rel:
                result[pos] = self.sampled[0][0]
            elif p >= 1 - self.rel:
                result[pos] = self.sampled[-1][0]
            else:
                index, min_rank, result[pos] = self.find(index, min_rank, target, p)
        return result

    def find(self, index, min_rank, target, p):  # findApproxQuantile
        cur = self.sampled[index]
        rank = math.ceil(p * self.count)
        i = index
        while i < len(self.sampled) - 1:
            max_rank = min_rank + cur[2]
            if max_rank - target <= rank <= min_rank + target:
                return i, min_rank, cur[0]
            i += 1
            cur = self.sampled[i]
            min_rank += cur[1]
        return len(self.sampled) - 1, 0, self.sampled[-1][0]


def to_int32(v):  # Java int arithmetic
    return (v + 2 ** 31) % 2 ** 32 - 2 ** 31


class Digest:
    def __init__(self, accuracy, summaries=None):
        rel = 1.0 / accuracy
        self.s = summaries if summaries is not None else Summaries(rel)
        self.compressed = True
        self.limit = to_int32(to_int32(int(1 / self.s.rel) * 2) * 2)

    def add(self, x):
        self.s = self.s.insert(x)
        self.compressed = False
        if len(self.s.sampled) >= self.limit:
            self._compress()

    def summaries(self):
        if not self.compressed:
            self._compress()
        return self.s

    def merge(self, other):
        if not self.compressed:
            self._compress()
        self.s = self.s.merge(other.summaries())

    def percentiles(self, pcts):
        if not self.compressed:
            self._compress()
        if self.s.count == 0 or not pcts:
            return None
        return self.s.query(pcts)

    def _compress(self):
        self.s = self.s.compress()
        self.compressed = True


def roundtrip(d, accuracy):  # serialize / deserialize: the compressed summaries
    s = d.summaries()
    return Digest(accuracy, Summaries(s.rel, list(s.sampled), s.count))


class Agg:
    """One percentile_approx of one group in a streaming aggregation."""

    def __init__(self, pcts, accuracy=10000):
        self.pcts, self.accuracy, self.state = pcts, accuracy, None

    def batch(self, values):
        p = Digest(self.accuracy)
        for v in values:
            if v is not None:
                p.add(float(v))
        a2 = Digest(self.accuracy)
        a2.merge(roundtrip(p, self.accuracy))
        b = Digest(self.accuracy)
        if self.state is not None:
            b.merge(roundtrip(self.state, self.accuracy))
        b.merge(roundtrip(a2, self.accuracy))
        self.state = roundtrip(b, self.accuracy)

    def result(self):
        f = Digest(self.accuracy)
        f.merge(roundtrip(self.state, self.accuracy))
        return f.percentiles(self.pcts)


def java_trunc(v, bits):  # Scala's Double.toInt / toLong
    if math.isnan(v):
        return 0
    lo, hi = -2 ** (bits - 1), 2 ** (bits - 1) - 1
    return lo if v <= lo else hi if v >= hi else int(v)


def ts(v):
    """A TIMESTAMP result (microseconds as a double) as show() prints it (UTC)."""
    us = java_trunc(v, 64)
    t = datetime.datetime(1970, 1, 1) + datetime.timedelta(microseconds=us)
    return t.strftime("%Y-%m-%d %H:%M:%S") + ("" if us % 1000000 == 0 else ".%06d" % (us % 1000000)).rstrip("0")


def show(vals, conv, array):
    """A result: NULL, the value, or an ARRAY of them as show() prints it."""
    if vals is None:
        return "NULL"
    cells = [conv(v) for v in vals]
    return "[" + ", ".join(cells) + "]" if array else cells[0]


LONG = lambda v: str(java_trunc(v, 64))  # noqa: E731
INT = lambda v: str(java_trunc(v, 32))  # noqa: E731
