#!/usr/bin/env python3
"""sql_connect_ref.py - the independent side of run_sql_connect.sh.

    sql_connect_ref.py script URL TOKEN DIR QUERY   fetch every table of the server at URL with
        urllib (not sluice's libcurl client) into DIR/NAME/rows.json and print a batch script:
        one CREATE TABLE per table from its GET /api/tables schema, then QUERY
    sql_connect_ref.py totals JSONL                 show() of `SELECT action, sum(count) AS total,
        count(*) AS n FROM counts GROUP BY action ORDER BY action`, computed in Python
"""
import json
import os
import sys
import urllib.parse
import urllib.request


def get(url, token):
    req = urllib.request.Request(url)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        return r.read()


def script(url, token, out_dir, query):
    tables = json.loads(get(url + "/api/tables", token))
    lines = []
    for t in tables:
        d = os.path.join(out_dir, t["name"])
        os.makedirs(d)
        name = urllib.parse.quote(t["name"], safe="")
        with open(os.path.join(d, "rows.json"), "wb") as f:
            f.write(get(url + "/api/tables/" + name + "?format=jsonl", token))
        cols = ", ".join("`%s` %s" % (c["name"], c["type"]) for c in t["columns"])
        lines.append("CREATE TABLE `%s` (%s) WITH (connector = 'files', path = '%s', format = 'json');"
                     % (t["name"], cols, d))
    lines.append(query.rstrip().rstrip(";") + ";")
    print("\n".join(lines))


def show(header, rows):
    """Dataset.show() with truncate on: cells right-aligned, NULL as null."""
    cells = [header] + [["null" if v is None else str(v) for v in r] for r in rows]
    widths = [max(3, max(len(r[i]) for r in cells)) for i in range(len(header))]
    sep = "+" + "+".join("-" * w for w in widths) + "+"
    out = [sep, "|" + "|".join(h.rjust(w) for h, w in zip(header, widths)) + "|", sep]
    out += ["|" + "|".join(c.rjust(w) for c, w in zip(r, widths)) + "|" for r in cells[1:]]
    out.append(sep)
    return "\n".join(out) + "\n"


def totals(path):
    acc = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            t = acc.setdefault(r.get("action"), [0, 0])
            t[0] += r["count"]
            t[1] += 1
    # ORDER BY action: ascending, NULLS FIRST (Spark's default), strings by UTF-8 bytes.
    keys = sorted(acc, key=lambda a: (a is not None, (a or "").encode("utf-8")))
    sys.stdout.write(show(["action", "total", "n"], [[k] + acc[k] for k in keys]) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "script":
        script(*sys.argv[2:6])
    else:
        totals(sys.argv[2])
