#!/usr/bin/env python3
"""check_nested_keys.py - the goldens of struct and array keys recomputed from their data files
with Spark 3.5's rules, independently of sluice, and compared with expected.out whole.

    check_nested_keys.py group GOLDEN_DIR   # group_struct_keys_restart
    check_nested_keys.py dedup GOLDEN_DIR   # dedup_nested_keys (and a DOUBLE column's keys)

Keys: Spark compares grouping and deduplication keys as binary UnsafeRows, which hold a null bit
per struct field and array element, so a key is modelled as a tuple tree with None for NULL:
a NULL struct (None) differs from a struct of NULL fields ((None, None, ...)), NULL from [] and
[NULL].  Grouping keys are normalised first (NormalizeFloatingNumbers: every NaN one value,
-0.0 as 0.0, recursively in structs and arrays) and a group prints its normalised key; a
stream's dropDuplicates keys are not (StreamingDeduplicateExec projects the columns as they
are), so -0.0 and 0.0 are two keys there, while every NaN read from JSON is Double.NaN.

Output: show(truncate = false) as Spark prints it (cells cast to string: structs {a, b},
arrays [a, b], NULL as null, doubles as Java's Double.toString; columns left-aligned, at least
3 wide), and the exec sink's JSON Lines as Spark's JSON writer writes rows (NULL struct fields
left out, NULL array elements written, NaN quoted).
"""
import glob
import json
import math
import os
import sys

STRING, INT, DOUBLE = "string", "int", "double"


def struct(*fields):
    return ("struct", list(fields))


def array(elem):
    return ("array", elem)


NAN = "NaN"  # every NaN is one value (Double.NaN)

# A double is kept as its Java text: Python's 0.0 == -0.0 (and equal hashes) would merge keys
# that a stream's dropDuplicates keeps apart.


def read(v, t, normalise):
    """A JSON value of type t as a key tree (None for NULL)."""
    if v is None:
        return None
    if t == DOUBLE:
        d = float(v)  # "NaN" (a string) and NaN (a bare token) alike
        if math.isnan(d):
            return NAN
        if d == 0.0 and normalise:
            d = 0.0
        return repr(d)  # 0.0, -0.0, 1.5, 2.5: Java's Double.toString gives the same for these
    if t in (STRING, INT):
        return v
    if t[0] == "struct":
        return tuple(read(v.get(name), ft, normalise) for name, ft in t[1])
    return tuple(read(e, t[1], normalise) for e in v)


def show_cell(v, t):
    if v is None:
        return "NULL"
    if t == DOUBLE:
        return v
    if t == INT:
        return str(v)
    if t == STRING:
        return v
    if t[0] == "struct":
        return "{" + ", ".join(show_cell(x, ft) for x, (_, ft) in zip(v, t[1])) + "}"
    return "[" + ", ".join(show_cell(x, t[1]) for x in v) + "]"


def json_value(v, t):
    if t == DOUBLE:
        return '"NaN"' if v == NAN else v
    if t == INT:
        return str(v)
    if t == STRING:
        return json.dumps(v)
    if t[0] == "struct":
        return "{" + ",".join('"%s":%s' % (name, json_value(x, ft))
                              for x, (name, ft) in zip(v, t[1]) if x is not None) + "}"
    return "[" + ",".join("null" if x is None else json_value(x, t[1]) for x in v) + "]"


def json_row(cols, row):
    return "{" + ",".join('"%s":%s' % (name, json_value(v, t))
                          for (name, t), v in zip(cols, row) if v is not None) + "}"


def show(batch, cols, rows):
    header = [name for name, _ in cols]
    cells = [[show_cell(v, t) for v, (_, t) in zip(r, cols)] for r in rows]
    widths = [max([3, len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(header)]
    sep = "+" + "+".join("-" * w for w in widths) + "+"

    def line(cs):
        return "|" + "|".join(c + " " * (w - len(c)) for c, w in zip(cs, widths)) + "|"

    return ["-" * 43, "Batch: %d" % batch, "-" * 43, sep, line(header), sep] + \
        [line(c) for c in cells] + [sep, ""]


def batches(d):
    """The data files of each step, one batch per file (maxFilesPerTrigger = 1)."""
    steps = []
    for step in ("s1", "s2"):
        files = sorted(glob.glob(os.path.join(d, step, "*.json")))
        steps.append((step, [[json.loads(l) for l in open(f, encoding="utf-8") if l.strip()]
                             for f in files]))
    return steps


def check_group(d):
    dev = struct(("os", STRING), ("version", INT), ("tags", array(STRING)),
                 ("loc", struct(("city", STRING), ("lat", DOUBLE))))
    groups = {}  # normalised key -> [n, first, last]
    out, files, batch = [], [], 0
    for step, step_batches in batches(d):
        out.append("=== step %s ===" % step)
        for rows in step_batches:
            changed = []
            for r in rows:
                k = read(r.get("device"), dev, True)
                g = groups.setdefault(k, [0, r["id"], r["id"]])
                g[0] += 1
                g[1], g[2] = min(g[1], r["id"]), max(g[2], r["id"])
                if k not in changed:
                    changed.append(k)
            table = sorted(([k] + v[:2] for k, v in groups.items()), key=lambda x: x[2])
            out += show(batch, [("device", dev), ("n", INT), ("first", INT)], table)
            cols = [("device", dev), ("n", INT), ("first", INT), ("last", INT)]
            lines = sorted(json_row(cols, [k] + groups[k]) for k in changed)
            files.append("--- update_%d.json" % batch)
            files += lines
            batch += 1
    return out + ["=== files in out ==="] + files


def check_dedup(d):
    dev = struct(("os", STRING), ("loc", struct(("city", STRING), ("lat", DOUBLE))))
    tags, scores = array(STRING), array(DOUBLE)
    seen_dev, seen_arr, seen_lat = set(), set(), set()
    out, files, lat_files, batch = [], [], [], 0
    for step, step_batches in batches(d):
        out.append("=== step %s ===" % step)
        for rows in step_batches:
            kept, lines, lat_lines = [], [], []
            for r in rows:
                loc = (r.get("device") or {}).get("loc") or {}
                k = read(loc.get("lat"), DOUBLE, False)  # device.loc.lat: NULL when any is
                if k not in seen_lat:
                    seen_lat.add(k)
                    lat_lines.append(json_row([("id", INT), ("lat", DOUBLE)], [r["id"], k]))
                k = read(r.get("device"), dev, False)
                if k not in seen_dev:
                    seen_dev.add(k)
                    kept.append([r["id"], k])
                k = (read(r.get("tags"), tags, False), read(r.get("scores"), scores, False))
                if k not in seen_arr:
                    seen_arr.add(k)
                    lines.append(json_row([("id", INT), ("tags", tags), ("scores", scores)],
                                          [r["id"], k[0], k[1]]))
            out += show(batch, [("id", INT), ("device", dev)], kept)
            files.append("--- arrays_%d.json" % batch)
            files += lines
            lat_files.append("--- lat_%d.json" % batch)
            lat_files += lat_lines
            batch += 1
    return out + ["=== files in out ==="] + files + lat_files


def main():
    mode, d = sys.argv[1], sys.argv[2]
    want = "\n".join((check_group if mode == "group" else check_dedup)(d)) + "\n"
    with open(os.path.join(d, "expected.out"), encoding="utf-8") as f:
        got = f.read()
    if got != want:
        sys.stdout.write(want)
        sys.exit("check_nested_keys %s: expected.out differs from the recomputation above" % mode)
    print("check_nested_keys %s: %s matches" % (mode, os.path.basename(os.path.normpath(d))))


if __name__ == "__main__":
    main()
