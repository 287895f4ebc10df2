"""spark_json_nested.py - JSON records with nested columns (structs, arrays, arrays of structs)
as Spark 3.5's JSON source reads them (modeldiff.py's model).

JacksonParser.makeConverter: a struct converts an object (convertObject: unknown keys
skipped, a field whose converter throws NULL, a field that is a partial result kept, and
then the struct is itself a partial result: PartialResultException), an array converts an
array (convertArray: an element that is a partial result kept and the array a partial result,
PartialArrayDataResultException; an element whose converter throws fails the whole array);
any other token of a nested type is failedConversion (the field NULL), a JSON null is NULL.
spark.sql.json.enablePartialResults is true (Spark 3.4+), so the root object keeps partial
values; a record with a failed or partial required column is malformed: PERMISSIVE keeps the
partial row and puts the line in _corrupt_record (FailureSafeParser).
"""

import json

from spark_show import java_double


class Bad(Exception):
    """A converter threw (the field is NULL)."""


class Partial(Exception):
    """A partial result: the value with NULLs where conversions failed."""

    def __init__(self, value):
        super().__init__()
        self.value = value


# types: "INT", "STRING", "DOUBLE", "BOOLEAN", ("struct", [(name, type)]), ("array", type)

def convert(t, v):
    """The value of JSON value v (python's json.loads form) as type t."""
    if v is None:
        return None
    if t == "INT":
        if isinstance(v, int) and not isinstance(v, bool) and -2**31 <= v < 2**31:
            return v
        raise Bad()
    if t == "DOUBLE":
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return float(v)
        raise Bad()
    if t == "BOOLEAN":
        if isinstance(v, bool):
            return v
        raise Bad()
    if t == "STRING":
        if isinstance(v, str):
            return v
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):  # the number's text (the data's are short)
            return str(v)
        if isinstance(v, (list, dict)):  # copyCurrentStructure, compact
            return json.dumps(v, separators=(",", ":"), ensure_ascii=False)
        raise Bad()
    kind = t[0]
    if kind == "struct":
        if not isinstance(v, dict):
            raise Bad()
        row, bad = convert_object(t[1], v)
        if bad:
            raise Partial(row)
        return row
    if not isinstance(v, list):
        raise Bad()
    out, bad = [], False
    for e in v:
        try:
            out.append(convert(t[1], e))
        except Partial as p:
            out.append(p.value)
            bad = True
    if bad:
        raise Partial(out)
    return out


def convert_object(fields, obj):
    """convertObject: the row and whether a field failed (or is partial)."""
    row, bad = {}, False
    for name, t in fields:
        if name not in obj:
            row[name] = None
            continue
        try:
            row[name] = convert(t, obj[name])
        except Partial as p:
            row[name], bad = p.value, True
        except Bad:
            row[name], bad = None, True
    return row, bad


def show(t, v, top=True):
    """A value as show() prints it (Spark 3.5's ToPrettyString: NULL inside too)."""
    if v is None:
        return "NULL"
    if t == "DOUBLE":
        return java_double(v)
    if t == "BOOLEAN":
        return "true" if v else "false"
    if t in ("INT", "STRING"):
        return str(v)
    if t[0] == "struct":
        return "{" + ", ".join(show(ft, v[n], False) for n, ft in t[1]) + "}"
    return "[" + ", ".join(show(t[1], e, False) for e in v) + "]"


# ---------------------------------------------------------------- data

S_T = ("struct", [("a", "INT"), ("b", "STRING"), ("c", "DOUBLE")])
A_T = ("array", "INT")
AS_T = ("array", ("struct", [("x", "INT"), ("y", "BOOLEAN")]))
N_T = ("struct", [("p", ("struct", [("q", "INT")])), ("r", ("array", "STRING"))])
COLUMNS = [("id", "INT"), ("st", S_T), ("arr", A_T), ("ast", AS_T), ("nn", N_T)]
HEAD = ("CREATE TABLE n (id INT, st STRUCT<a: INT, b: STRING, c: DOUBLE>, arr ARRAY<INT>,"
        " ast ARRAY<STRUCT<x: INT, y: BOOLEAN>>, nn STRUCT<p: STRUCT<q: INT>, r: ARRAY<STRING>>,"
        " _corrupt_record STRING) WITH (connector = 'files', path = 'data/n', format = 'json');\n"
        "CREATE TABLE nj (id INT, j STRING) WITH (connector = 'files', path = 'data/nj',"
        " format = 'json');\n")

SCALARS = ["1", "-7", "2147483648", "1.5", '"s"', '""', "true", "null", "[]", "{}", '"7"']


def gen_value(r, t, depth=0):
    """JSON text for type t: mostly right, sometimes of another type."""
    if r.random() < 0.15 or depth > 3:
        return r.choice(SCALARS)
    if t == "INT":
        return r.choice(["0", "42", "-3", "2147483647", "null"])
    if t == "DOUBLE":
        return r.choice(["1.5", "-0.0", "3", "1e3", "null"])
    if t == "BOOLEAN":
        return r.choice(["true", "false", "null"])
    if t == "STRING":
        return r.choice(['"x"', '"h\\u00e9"', '""', "12", "true", "[1, 2]", '{"k": "v"}'])
    if t[0] == "struct":
        parts = []
        names = [n for n, _ in t[1]] + (["zz"] if r.random() < 0.2 else [])
        for name in r.sample(names, r.randint(0, len(names))):
            ft = dict(t[1]).get(name, "INT")
            parts.append(f'"{name}": {gen_value(r, ft, depth + 1)}')
        return "{" + ", ".join(parts) + "}"
    return "[" + ", ".join(gen_value(r, t[1], depth + 1) for _ in range(r.randint(0, 3))) + "]"


def gen_records(r):
    lines, recs = [], []
    for i in range(r.choice([3, 6, 12])):
        parts = [f'"id": {i}']
        for name, t in COLUMNS[1:]:
            if r.random() < 0.8:
                parts.append(f'"{name}": {gen_value(r, t)}')
        text = "{" + ", ".join(parts) + "}"
        lines.append(text)
        recs.append(text)
    return lines, recs


def queries(r, tail):
    """Table n's lines and queries over it: (sql, rows of printed cells)."""
    lines, recs = gen_records(r)
    out = []
    for _ in range(2):
        pick = sorted(r.sample(range(1, 5), r.randint(1, 4)))
        cols = [COLUMNS[0]] + [COLUMNS[c] for c in pick]
        corrupt = r.random() < 0.7
        rows = []
        for text in recs:
            row, bad = convert_object(cols, json.loads(text))
            cells = [show(t, row[n]) for n, t in cols]
            if corrupt:
                cells.append(text if bad else "NULL")
            rows.append(cells)
        names = ", ".join(n for n, _ in cols) + (", _corrupt_record" if corrupt else "")
        out.append((f"SELECT {names} FROM n ORDER BY id{tail}", rows))
    # from_json of the same text (JsonToStructs, PERMISSIVE: FailureSafeParser's partial row)
    ddl = ("st STRUCT<a: INT, b: STRING, c: DOUBLE>, arr ARRAY<INT>, ast ARRAY<STRUCT<x: INT,"
           " y: BOOLEAN>>, nn STRUCT<p: STRUCT<q: INT>, r: ARRAY<STRING>>")
    st = ("struct", COLUMNS[1:])
    rows = [[str(i), show(st, convert_object(COLUMNS[1:], json.loads(text))[0])]
            for i, text in enumerate(recs)]
    out.append((f"SELECT id, from_json(j, '{ddl}') AS f FROM nj ORDER BY id{tail}", rows))
    paths = r.sample(PATHS, 3)
    rows = [[str(i)] + [get_json_object(text, p) for p in paths] for i, text in enumerate(recs)]
    sel = ", ".join(f"get_json_object(j, '{p}') AS g{k}".replace("['", "[\\'").replace("']", "\\']")
                    for k, p in enumerate(paths))
    out.append((f"SELECT id, {sel} FROM nj ORDER BY id{tail}", rows))
    jlines = [json.dumps({"id": i, "j": text}) for i, text in enumerate(recs)]
    return lines, jlines, out


# ---------------------------------------------------------------- get_json_object (GetJsonObject)

PATHS = ["$.st", "$.st.b", "$.st.c", "$.arr", "$.arr[0]", "$.arr[1]", "$.ast[0].x", "$.ast[1]",
         "$.nn.p.q", "$.nn.r[0]", "$.nn", "$.ast", "$['st']['a']", "$.missing", "$.id",
         "$.ast.x", "$.st[0]"]


def parse_path(p):
    """JsonPathParser: $ then .name, ['name'] or [n]."""
    import re
    steps = []
    for m in re.finditer(r"\.([A-Za-z_]+)|\['([^']*)'\]|\[([0-9]+)\]", p[1:]):
        steps.append(m.group(1) or m.group(2) if m.group(3) is None else int(m.group(3)))
    return steps


def jdump(v):
    """Jackson's generator copying a value (copyCurrentStructure): compact, numbers as
    long or double (Double.toString), non-ASCII as it is."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return java_double(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ",".join(jdump(e) for e in v) + "]"
    return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + jdump(e)
                          for k, e in v.items()) + "}"


def get_json_object(text, path):
    """GetJsonObject.evalPath: an object's field by name (a null field is no match), an
    array's element by index, else no match (NULL); a string found is printed without quotes,
    anything else as compact JSON (an element that is null as `null`)."""
    v, step = json.loads(text), None
    for step in parse_path(path):
        if isinstance(step, int):
            if not isinstance(v, list) or step >= len(v):
                return "NULL"
            v = v[step]
        else:
            if not isinstance(v, dict) or step not in v:
                return "NULL"
            v = v[step]
    if v is None:  # a field's null is no match, an element's is copied (evalPath)
        return "NULL" if not isinstance(step, int) else "null"
    return v if isinstance(v, str) else jdump(v)
