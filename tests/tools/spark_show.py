"""spark_show.py - what the console sink prints, for the python models that compute goldens'
expected outputs (tests/golden/*/model.py): Java's Double.toString and show()'s table.
"""
import math


def java_double(v):
    """Double.toString: plain digits in [1e-3, 1e7), else d.dddE<n>, with the shortest digits
    that read back as v (python's repr; Java 8's FloatingDecimal prints the same for the values
    the models use); None is NULL."""
    if v is None:
        return "NULL"
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0.0:
        return "-0.0" if math.copysign(1.0, v) < 0 else "0.0"
    if 1e-3 <= abs(v) < 1e7:
        return repr(v)
    p = next(p for p in range(1, 18) if float("%.*e" % (p - 1, v)) == v)
    mant, exp = ("%.*e" % (p - 1, v)).split("e")
    return "%s%sE%d" % (mant, "" if "." in mant else ".0", int(exp))


def cell(v):
    """A value as show() prints it: NULL, a double as Java does, anything else as str()."""
    if v is None:
        return "NULL"
    if isinstance(v, float):
        return java_double(v)
    return str(v)


# Utils.fullWidthRegex: characters show() counts twice.
FULL_WIDTH = [(0x1100, 0x115F), (0x2E80, 0xA4CF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF),
              (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6)]


def width(s):
    """Utils.stringHalfWidth: the string's length in UTF-16 units, plus one for each
    full-width character."""
    return sum(2 if ord(ch) > 0xFFFF or any(a <= ord(ch) <= b for a, b in FULL_WIDTH) else 1
               for ch in s)


def pad(s, w):
    return s + " " * (w - width(s))


def batch(batch_id, names, rows):
    """The console sink's output for one micro-batch, truncate = false: columns at least 3
    wide, cells left-aligned, then an empty line."""
    cells = [[c if isinstance(c, str) else cell(c) for c in r] for r in rows]
    widths = [max([3, width(n)] + [width(r[i]) for r in cells]) for i, n in enumerate(names)]
    sep = "+" + "+".join("-" * w for w in widths) + "+"
    out = ["-" * 43, "Batch: %d" % batch_id, "-" * 43, sep,
           "|" + "|".join(pad(n, w) for n, w in zip(names, widths)) + "|", sep]
    out += ["|" + "|".join(pad(c, w) for c, w in zip(r, widths)) + "|" for r in cells]
    out += [sep, ""]
    return out


def show(names, rows):
    """Dataset.show() with truncate = true (a batch query's table): cells right-aligned, cut
    to 20 characters, then an empty line."""
    def cut(c):
        return c if width(c) <= 20 else c[:17] + "..."
    cells = [[cut(c if isinstance(c, str) else cell(c)) for c in r] for r in rows]
    widths = [max([3, width(n)] + [width(r[i]) for r in cells]) for i, n in enumerate(names)]
    sep = "+" + "+".join("-" * w for w in widths) + "+"
    out = [sep, "|" + "|".join(" " * (w - width(n)) + n for n, w in zip(names, widths)) + "|", sep]
    out += ["|" + "|".join(" " * (w - width(c)) + c for c, w in zip(r, widths)) + "|" for r in cells]
    return out + [sep, ""]
