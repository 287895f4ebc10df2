#!/usr/bin/env python3
"""sql_connect_ref.py - the independent side of run_sql_connect.sh.

    sql_connect_ref.py script URL TOKEN DIR QUERY   fetch every table of the server at URL with
        urllib (not sluice's libcurl client) into DIR/NAME/rows.json and print a batch script:
        one CREATE TABLE per table from its GET /api/tables schema, then QUERY
    sql_connect_ref.py totals JSONL                 show() of `SELECT action, sum(count) AS total,
        count(*) AS n FROM counts GROUP BY action ORDER BY action`, computed in Python
    sql_connect_ref.py seed DIR                     seed 000's two questions over the events files
        of DIR (gen_events' {"time": epoch, "action": ...} lines), computed in Python from the
        events, not from any table: show() of `select action, date_format(window.end, 'MMM-dd
        HH:mm') as time, count from counts order by time, action` over 1-hour windows, then show() of `select action, sum(count) as total from counts group by action
        order by action`
"""
import json
import os
import time
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
    """Dataset.show() with truncate on: cells right-aligned, NULL as NULL (Spark 3.5), the first 20 rows."""
    more = len(rows) > 20
    rows = rows[:20]
    cells = [header] + [["NULL" if v is None else str(v) for v in r] for r in rows]
    widths = [max(3, max(len(r[i]) for r in cells)) for i in range(len(header))]
    sep = "+" + "+".join("-" * w for w in widths) + "+"
    out = [sep, "|" + "|".join(h.rjust(w) for h, w in zip(header, widths)) + "|", sep]
    out += ["|" + "|".join(c.rjust(w) for c, w in zip(r, widths)) + "|" for r in cells[1:]]
    out.append(sep)
    if more:
        out.append("only showing top 20 rows")
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


def seed(events_dir):
    counts = {}
    for name in sorted(os.listdir(events_dir)):
        with open(os.path.join(events_dir, name), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                end = r["time"] // 3600 * 3600 + 3600  # window(time, '1 hour').end
                key = (r["action"], end)
                counts[key] = counts.get(key, 0) + 1
    # Timestamps are UTC in sluice (docs/language.md); 'MMM-dd HH:mm' is strftime's %b-%d %H:%M
    # in the C locale.
    rows = [[a, time.strftime("%b-%d %H:%M", time.gmtime(end)), n] for (a, end), n in counts.items()]
    rows.sort(key=lambda r: (r[1].encode(), r[0].encode()))
    totals = {}
    for (a, _), n in counts.items():
        totals[a] = totals.get(a, 0) + n
    sys.stdout.write(show(["action", "time", "count"], rows) + "\n")
    sys.stdout.write(show(["action", "total"], [[a, totals[a]] for a in sorted(totals)]) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "script":
        script(*sys.argv[2:6])
    elif sys.argv[1] == "seed":
        seed(sys.argv[2])
    else:
        totals(sys.argv[2])
