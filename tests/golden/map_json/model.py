#!/usr/bin/env python3
"""model.py - expected.out of the map_json golden, computed from Spark 3.5's rules.

Run `python3 model.py > expected.out`.  Modelled: JacksonParser.convertMap (keys in order,
duplicates kept, a value of the wrong type NULL with the map kept: partial results),
JsonToStructs with a MapType root in PERMISSIVE mode (a non-object or malformed text, or no
token at all, is NULL), ToPrettyString ({k -> v}, NULL), Java's Double.toString, and the JSON
writer (JacksonGenerator: NULL top-level fields left out, NULL map values written as null).
"""
import json


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
    if isinstance(v, list):
        return "{" + ", ".join(show(k) + " -> " + show(x) for k, x in v) + "}"
    if isinstance(v, float):
        return jdouble(v)
    return str(v)


def js(v):
    if v is None:
        return "null"
    if isinstance(v, list):
        return "{" + ",".join(json.dumps(k) + ":" + js(x) for k, x in v) + "}"
    if isinstance(v, float):
        return jdouble(v)
    if isinstance(v, str):
        return json.dumps(v)
    return str(v)


def to_map(o):
    """A parsed JSON object as MAP<STRING, MAP<STRING, DOUBLE>> (pairs, doubles)."""
    if o is None:
        return None
    return [(k, None if inner is None else [(a, float(b)) for a, b in inner]) for k, inner in o]


rows = []
for line in open("data/part-0.json"):
    r = dict(json.loads(line, object_pairs_hook=lambda kv: kv))
    rows.append((r["k"], from_json_map(r["j"]), to_map(r.get("m"))))


def get(m, k):
    if m is None:
        return None
    for kk, v in m:
        if kk == k:
            return v
    return None


header = ["k", "fj", "m", "tj", "pu"]
cells = [[k, show(fj), show(m), "NULL" if m is None else js(m), show(get(get(m, "p"), "u"))]
         for k, fj, m in rows]
w = [max([3, len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
line = "+" + "+".join("-" * x for x in w) + "+"
out = ["-" * 43, "Batch: 0", "-" * 43, line,
       "|" + "|".join(h.ljust(w[i]) for i, h in enumerate(header)) + "|", line]
out += ["|" + "|".join(c.ljust(w[i]) for i, c in enumerate(r)) + "|" for r in cells]
out += [line, ""]
print("\n".join(out))
print("=== files in out ===")
print("--- part-00000-0000000000000000000.json")
for k, fj, m in rows:
    fields = [('"k"', js(k))] + [(n, js(v)) for n, v in (('"fj"', fj), ('"m"', m)) if v is not None]
    print("{" + ",".join(n + ":" + v for n, v in fields) + "}")
