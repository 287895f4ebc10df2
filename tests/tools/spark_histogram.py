"""spark_histogram.py - Spark 3.5's NumericHistogram (sql/util/NumericHistogram.java: add, trim
with a java.util.Random(31183) per object breaking ties, merge) in python, for the models of the
histogram_numeric goldens (tests/golden/histogram_numeric_restart, session_histogram).
"""
from spark_quantile import java_sort_key

MASK48 = (1 << 48) - 1


class JavaRandom:
    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & MASK48

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & MASK48
        v = self.seed >> (48 - bits)
        return v - (1 << bits) if bits == 32 and v >> 31 else v

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * 2.0 ** -53


class Histogram:
    def __init__(self, nb):
        self.nb, self.bins, self.prng = nb, [], JavaRandom(31183)  # [x, y] pairs

    def add(self, v):
        b, lo, hi = 0, 0, len(self.bins)
        while lo < hi:
            b = (lo + hi) // 2
            if self.bins[b][0] > v:
                hi = b
            elif self.bins[b][0] < v:
                b += 1
                lo = b
            else:
                break
        if b < len(self.bins) and self.bins[b][0] == v:
            self.bins[b][1] += 1
        else:
            self.bins.insert(b, [v, 1.0])
            if len(self.bins) > self.nb:
                self.trim()

    def trim(self):
        while len(self.bins) > self.nb:
            bins = self.bins
            smallest, loc, count = bins[1][0] - bins[0][0], 0, 1
            for i in range(1, len(bins) - 1):
                diff = bins[i + 1][0] - bins[i][0]
                if diff < smallest:
                    smallest, loc, count = diff, i, 1
                elif diff == smallest:
                    count += 1
                    if self.prng.next_double() <= 1.0 / count:
                        loc = i
            d = bins[loc][1] + bins[loc + 1][1]
            x = bins[loc][0] * (bins[loc][1] / d)
            x += bins[loc + 1][0] / d * bins[loc + 1][1]
            bins[loc] = [x, d]
            del bins[loc + 1]

    def merge(self, other):
        if not self.bins:
            self.bins = [list(b) for b in other.bins]
            return
        # Collections.sort: stable, by Double.compare (Coord.compareTo)
        tmp = [list(b) for b in self.bins] + [list(b) for b in other.bins]
        tmp.sort(key=lambda b: java_sort_key(b[0]))
        self.bins = tmp
        self.trim()
