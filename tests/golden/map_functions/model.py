#!/usr/bin/env python3
"""model.py - expected.out of the map_functions golden, computed from Spark 3.5's rules.

Run `python3 model.py > expected.out`.  Values are Python objects: None is SQL NULL, a list
of (key, value) pairs is a MAP, a list an ARRAY, a tuple a STRUCT.  Rules modelled:
JacksonParser.convertMap (keys in order), CreateMap / MapFromArrays / StringToMap / MapConcat
through ArrayBasedMapBuilder (no NULL or duplicate key here), GetMapValue/ElementAt (NULL when
absent), Size (-1 for NULL, spark.sql.legacy.sizeOfNull), MapEntries, MapContainsKey,
StructsToJson (NULLs inside a map written as null), ToPrettyString for show()
({k -> v}, [a, b], {a, b}, NULL), explode/posexplode_outer of maps, MapFilter, TransformValues,
TransformKeys, MapZipWith.
"""
import json
import re

rows = [json.loads(l, object_pairs_hook=lambda kv: kv) for l in open("data/part-0.json")]
rows = [dict(r) for r in rows]


class Map(list):
    pass


def mp(pairs):
    return None if pairs is None else Map(pairs)


def show(v, top=True):
    if v is None:
        return "NULL"
    if isinstance(v, Map):
        return "{" + ", ".join(show(k, False) + " -> " + show(x, False) for k, x in v) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(show(x, False) for x in v) + "]"
    if isinstance(v, tuple):
        return "{" + ", ".join(show(x, False) for x in v) + "}"
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def to_json(m):
    if m is None:
        return None
    return "{" + ",".join(json.dumps(str(k)) + ":" + ("null" if x is None else json.dumps(x)) for k, x in m) + "}"


def get(m, k):
    if m is None:
        return None
    for kk, v in m:
        if kk == k:
            return v
    return None


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


def table(header, data):
    cells = [[show(v) for v in r] for r in data]
    w = [max([3, len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    line = "+" + "+".join("-" * x for x in w) + "+"
    out = ["-" * 43, "Batch: 0", "-" * 43, line,
           "|" + "|".join(h.ljust(w[i]) for i, h in enumerate(header)) + "|", line]
    for r in cells:
        out.append("|" + "|".join(c.ljust(w[i]) for i, c in enumerate(r)) + "|")
    out += [line, ""]
    print("\n".join(out))


data = []
for r in rows:
    m = mp(r.get("m"))
    i, s, t = r["id"], r["s"], r.get("t")
    data.append([
        i, m, Map([(s, i), ("k", 2)]), get(m, "p"), get(m, "zz"),
        -1 if m is None else len(m), -1 if m is None else len(m),
        None if m is None else [k for k, _ in m], None if m is None else [v for _, v in m],
        None if m is None else [(k, v) for k, v in m],
        None if m is None else any(k == "q" for k, _ in m), to_json(m),
        str_to_map(t), str_to_map(t, ";", "="),
        None if m is None else Map(list(m) + [("z", i)]),
        Map([(1, s), (2, t)]),
    ])
table(["id", "m", "built", "p", "absent", "n", "c", "ks", "vs", "es", "has_q", "j", "st", "st2",
       "mc", "mfa"], data)

table(["id", "key", "value"], [[r["id"], k, v] for r in rows for k, v in (r.get("m") or [])])

data = []
for r in rows:
    m = r.get("m")
    if not m:
        data.append([r["id"], None, None, None])
    for p, (k, v) in enumerate(m or []):
        data.append([r["id"], p, k, v])
table(["id", "pos", "key", "value"], data)

data = []
other = [("q", 5), ("r", 6)]
for r in rows:
    m = mp(r.get("m"))
    if m is None:
        data.append([r["id"], None, None, None, None])
        continue
    keys = [k for k, _ in m] + [k for k, _ in other if k not in [k2 for k2, _ in m]]
    z = Map((k, (get(m, k) or 0) + (get(Map(other), k) or 0)) for k in keys)
    data.append([r["id"], Map((k, v) for k, v in m if v is not None and v > 0),
                 Map((k, None if v is None else v * 10) for k, v in m),
                 Map((k + "!", v) for k, v in m), z])
table(["id", "f", "tv", "tk", "z"], data)

data = []
for r in rows:
    m = mp(r.get("m"))
    data.append([r["id"], Map([("none", 0)]) if m is None else m, m if r["id"] > 2 else None,
                 m is None, None])
table(["id", "cm", "wm", "isn", "nm"], data)
