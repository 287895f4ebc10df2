#!/usr/bin/env python3
"""check_map_goldens.py - the expected.out of the map goldens recomputed from Spark 3.5's rules.

    check_map_goldens.py functions tests/golden/map_functions   # compare, or with --write
    check_map_goldens.py json tests/golden/map_json              # rewrite expected.out

Values are Python objects: None is SQL NULL, a Map (a list of (key, value) pairs) a MAP, a
list an ARRAY, a tuple a STRUCT.  Rules modelled: JacksonParser.convertMap (keys in order,
duplicates kept, a value of the wrong type NULL with the map kept: partial results);
JsonToStructs of a MapType root in PERMISSIVE mode (a non-object or malformed text, or no token,
is NULL); CreateMap / MapFromArrays / StringToMap / MapConcat through ArrayBasedMapBuilder (no
NULL or duplicate key in these inputs); GetMapValue/ElementAt (NULL when absent); Size (-1 for
NULL, spark.sql.legacy.sizeOfNull); MapEntries, MapContainsKey; ToPrettyString for show()
({k -> v}, [a, b], {a, b}, NULL inside); Java's Double.toString; StructsToJson and the JSON
writer (JacksonGenerator: NULL top-level fields left out, NULL map values written as null);
explode/posexplode_outer of maps; MapFilter, TransformValues, TransformKeys, MapZipWith;
Coalesce and CaseWhen of maps; Cast of maps (castMap, castToString).
"""
import json
import os
import sys


class Map(list):
    pass


def mp(pairs):
    return None if pairs is None else Map(pairs)


def jdouble(x):
    """java.lang.Double.toString for the values used here."""
    if x == int(x) and abs(x) < 1e7:
        return "%.1f" % x
    if abs(x) >= 1e7:
        m, e = ("%.17e" % x).split("e")
        m = repr(float(m)).rstrip("0")
        if m.endswith("."):
            m += "0"
        return "%sE%d" % (m, int(e))
    return repr(x)


def from_json_map(text):
    try:
        v = json.loads(text, object_pairs_hook=lambda kv: ("obj", kv)) if text.strip() else None
    except ValueError:
        return None
    if not (isinstance(v, tuple) and v[0] == "obj"):
        return None
    return [(k, x if isinstance(x, int) and not isinstance(x, bool) else None) for k, x in v[1]]


def show(v):
    if v is None:
        return "NULL"
    if isinstance(v, Map):
        return "{" + ", ".join(show(k) + " -> " + show(x) for k, x in v) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(show(x) for x in v) + "]"
    if isinstance(v, tuple):
        return "{" + ", ".join(show(x) for x in v) + "}"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return jdouble(v)
    return str(v)


def js(v):
    if v is None:
        return "null"
    if isinstance(v, list):
        return "{" + ",".join(json.dumps(str(k)) + ":" + js(x) for k, x in v) + "}"
    if isinstance(v, float):
        return jdouble(v)
    if isinstance(v, str):
        return json.dumps(v)
    return str(v)


def get(m, k):
    if m is None:
        return None
    for kk, v in m:
        if kk == k:
            return v
    return None


def table(out, header, data):
    """One batch of the console sink with truncate = false (cells left-aligned)."""
    cells = [[c if isinstance(c, str) and c.startswith("\0") else show(c) for c in r] for r in data]
    cells = [[c[1:] if c.startswith("\0") else c for c in r] for r in cells]
    w = [max([3, len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    line = "+" + "+".join("-" * x for x in w) + "+"
    out += ["-" * 43, "Batch: 0", "-" * 43, line,
            "|" + "|".join(h.ljust(w[i]) for i, h in enumerate(header)) + "|", line]
    out += ["|" + "|".join(c.ljust(w[i]) for i, c in enumerate(r)) + "|" for r in cells]
    out += [line, ""]


def text(s):
    """A cell shown as this text exactly (not a value to format)."""
    return "\0" + s


def read_rows(d):
    with open(os.path.join(d, "data", "part-0.json"), encoding="utf-8") as f:
        return [dict(json.loads(l, object_pairs_hook=lambda kv: kv)) for l in f]


def str_to_map(t, pair=",", kv=":"):
    if t is None:
        return None
    out = Map()
    # Java's String.split(regex, -1) and split(regex, 2) (plain one-character delimiters here)
    for part in t.split(pair):
        two = part.split(kv, 1)
        out.append((two[0], two[1] if len(two) > 1 else None))
    assert len({k for k, _ in out}) == len(out)
    return out


def golden_functions(d):
    rows = read_rows(d)
    out = []
    data = []
    for r in rows:
        m = mp(r.get("m"))
        i, s, t = r["id"], r["s"], r.get("t")
        data.append([
            i, m, Map([(s, i), ("k", 2)]), get(m, "p"), get(m, "zz"),
            -1 if m is None else len(m), -1 if m is None else len(m),
            None if m is None else [k for k, _ in m], None if m is None else [v for _, v in m],
            None if m is None else [(k, v) for k, v in m],
            None if m is None else any(k == "q" for k, _ in m),
            None if m is None else text(js(m)),
            str_to_map(t), str_to_map(t, ";", "="),
            None if m is None else Map(list(m) + [("z", i)]),
            Map([(1, s), (2, t)]),
        ])
    table(out, ["id", "m", "built", "p", "absent", "n", "c", "ks", "vs", "es", "has_q", "j", "st",
                "st2", "mc", "mfa"], data)
    table(out, ["id", "k", "v"], [[r["id"], k, v] for r in rows for k, v in (r.get("m") or [])])
    data = []
    for r in rows:
        m = r.get("m")
        if not m:
            data.append([r["id"], None, None, None])
        for p, (k, v) in enumerate(m or []):
            data.append([r["id"], p, k, v])
    table(out, ["id", "pos", "key", "value"], data)
    data = []
    other = Map([("q", 5), ("r", 6)])
    for r in rows:
        m = mp(r.get("m"))
        if m is None:
            data.append([r["id"], None, None, None, None])
            continue
        keys = [k for k, _ in m] + [k for k, _ in other if k not in [k2 for k2, _ in m]]
        z = Map((k, (get(m, k) or 0) + (get(other, k) or 0)) for k in keys)
        data.append([r["id"], Map((k, v) for k, v in m if v is not None and v > 0),
                     Map((k, None if v is None else v * 10) for k, v in m),
                     Map((k + "!", v) for k, v in m), z])
    table(out, ["id", "f", "tv", "tk", "z"], data)
    data = []
    for r in rows:
        m = mp(r.get("m"))
        data.append([r["id"], Map([("none", 0)]) if m is None else m, m if r["id"] > 2 else None,
                     m is None, None, get(m, "p"), str_to_map(r["s"]), Map(), m])
    table(out, ["id", "cm", "wm", "isn", "nm", "m[p]", "str_to_map(s, ,, :)", "e0", "mc0"], data)
    data = []
    for r in rows:
        m = mp(r.get("m"))
        md = None if m is None else Map((k, None if v is None else float(v)) for k, v in m)
        ms = None if m is None else text(
            "{" + ", ".join("%s -> %s" % (k, "null" if v is None else v) for k, v in m) + "}")
        data.append([r["id"], md, Map([(r["id"], r["s"])]), ms])
    table(out, ["id", "md", "mb", "ms"], data)
    return out


def from_json_map(s):
    try:
        v = json.loads(s, object_pairs_hook=lambda kv: ("obj", kv)) if s.strip() else None
    except ValueError:
        return None
    if not (isinstance(v, tuple) and v[0] == "obj"):
        return None
    return Map((k, x if isinstance(x, int) and not isinstance(x, bool) else None) for k, x in v[1])


def to_map(o):
    """A parsed JSON object as MAP<STRING, MAP<STRING, DOUBLE>>."""
    if o is None:
        return None
    return Map((k, None if inner is None else Map((a, float(b)) for a, b in inner)) for k, inner in o)


def golden_json(d):
    rows = [(r["k"], from_json_map(r["j"]), to_map(r.get("m"))) for r in read_rows(d)]
    out = []
    table(out, ["k", "fj", "m", "tj", "pu"],
          [[k, fj, m, None if m is None else text(js(m)), get(get(m, "p"), "u")] for k, fj, m in rows])
    out += ["=== files in out ===", "--- part-00000-0000000000000000000.json"]
    for k, fj, m in rows:
        fields = [('"k"', js(k))] + [(n, js(v)) for n, v in (('"fj"', fj), ('"m"', m)) if v is not None]
        out.append("{" + ",".join(n + ":" + v for n, v in fields) + "}")
    return out


def main():
    which, d = sys.argv[1], sys.argv[2]
    want = "\n".join((golden_functions if which == "functions" else golden_json)(d)) + "\n"
    path = os.path.join(d, "expected.out")
    if "--write" in sys.argv[3:]:
        with open(path, "w", encoding="utf-8") as f:
            f.write(want)
        return
    with open(path, encoding="utf-8") as f:
        got = f.read()
    if got != want:
        sys.stdout.write(want)
        sys.exit("check_map_goldens %s: expected.out differs from the recomputation above" % which)
    print("check_map_goldens %s: %s matches" % (which, os.path.basename(os.path.normpath(d))))


if __name__ == "__main__":
    main()
