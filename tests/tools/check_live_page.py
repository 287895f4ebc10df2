#!/usr/bin/env python3
"""check_live_page.py - compares the live page as Chromium rendered it (a --dump-dom file) with
what the server's API answers: every chart of every query (the series of Spark's Structured
Streaming page, computed here from /api/queries/{name}/progress, point by point through the
data-batch / data-t / data-v attributes of the SVG circles), every memory table (its cells
against /api/tables/{name}?format=json) and every table chart (the value per key for the
chart settings in the URL fragment, or the defaults).  Used by run_live_page.sh.

    check_live_page.py --url BASE --dom FILE [--fragment FRAG] [--mock]

--mock adds what only the deterministic mock (serve_mock.py) allows: the exact queries,
tables, chart sets and batch counts, and that the page showed every batch (it polled).
Exit 0 when all match, 1 with one line per difference otherwise, 3 when the only differences
are tables the server has written another batch into since the page drew them (not with --mock;
run_live_page.sh then loads the page again).
"""
import argparse
import datetime
import json
import math
import re
import sys
import urllib.parse
import urllib.request
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
NUMERIC = re.compile(r"^(tinyint|smallint|int|integer|bigint|long|short|byte|float|real|double"
                     r"|decimal(\(.*\))?)$", re.I)
MAX_TABLE_ROWS = 500
MAX_CATEGORIES = 100


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def find(self, tag=None, **attrs):
        for n in self.walk():
            if (tag is None or n.tag == tag) and all(n.attrs.get(k.replace("_", "-")) == v
                                                     for k, v in attrs.items()):
                yield n

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def ms(iso):
    t = datetime.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.%fZ")
    return round(t.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000)


def num(v):
    """A number of the API; missing or NaN counts 0 (Spark's withNumberInvalid)."""
    try:
        x = float(v)
    except (TypeError, ValueError):
        return 0.0
    return x if math.isfinite(x) else 0.0


def js_str(v):
    """String(v) of a JSON value in JavaScript, for the values the tables show."""
    if v is None:
        return "null"
    if v is True or v is False:
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e21:
        return str(int(v))
    return str(v)


def split_top(s):
    """The comma-separated parts of s at bracket depth 0."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(s):
        if ch in "<(":
            depth += 1
        elif ch in ">)":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(s[start:i])
            start = i + 1
    parts.append(s[start:])
    return parts


def spark_type(s):
    """A Spark type string as ('struct', {name: type}) / ('array', t) / ('map', k, v) / name."""
    s = s.strip()
    low = s.lower()
    if low.startswith("struct<") and s.endswith(">"):
        fields = {}
        for f in split_top(s[7:-1]):
            name, _, t = f.partition(":")
            fields[name.strip("`")] = spark_type(t)
        return ("struct", fields)
    if low.startswith("array<") and s.endswith(">"):
        return ("array", spark_type(s[6:-1]))
    if low.startswith("map<") and s.endswith(">"):
        k, v = split_top(s[4:-1])
        return ("map", spark_type(k), spark_type(v))
    return low.split("(")[0]


def fmt_value(v, t=None):
    """A value as the page prints it (Spark's show()): structs {a, b}, arrays [a, b], maps
    {k -> v}, timestamps (ISO in UTC from the API) as 2016-07-26 02:00:00[.fraction]."""
    if v is None:
        return "null"
    if isinstance(v, list):
        elem = t[1] if isinstance(t, tuple) and t[0] == "array" else None
        return "[" + ", ".join(fmt_value(x, elem) for x in v) + "]"
    if isinstance(v, dict):
        if isinstance(t, tuple) and t[0] == "map":
            return "{" + ", ".join("%s -> %s" % (fmt_value(k, t[1]), fmt_value(x, t[2])) for k, x in v.items()) + "}"
        fields = t[1] if isinstance(t, tuple) and t[0] == "struct" else {}
        return "{" + ", ".join(fmt_value(x, fields.get(k)) for k, x in v.items()) + "}"
    if t == "timestamp" and isinstance(v, str):
        day, _, rest = v.partition("T")
        clock, _, frac = rest.rstrip("Z").partition(".")
        frac = frac.rstrip("0")
        return day + " " + clock + ("." + frac if frac else "")
    return js_str(v)


def expected_query_charts(progress):
    """{chart id: {series key: [(batch, t, v)]}}: StreamingQueryStatisticsPage's charts."""
    def one(f):
        return [(p["batchId"], ms(p["timestamp"]), f(p)) for p in progress]
    charts = {
        "input-rate": {"input-rate": one(lambda p: num(p.get("inputRowsPerSecond")))},
        "process-rate": {"process-rate": one(lambda p: num(p.get("processedRowsPerSecond")))},
        "input-rows": {"input-rows": one(lambda p: num(p.get("numInputRows")))},
        "batch-duration": {"batch-duration": one(lambda p: num(
            p["batchDuration"] if "batchDuration" in p else p.get("durationMs", {}).get("triggerExecution")))},
    }
    keys = sorted({k for p in progress for k in p.get("durationMs", {}) if k != "triggerExecution"})
    if keys:
        charts["operation-duration"] = {k: one(lambda p, k=k: num(p.get("durationMs", {}).get(k)))
                                        for k in keys}
    last = progress[-1]
    if "watermark" in (last.get("eventTime") or {}):
        pts = [(p["batchId"], ms(p["timestamp"]),
                (ms(p["timestamp"]) - ms(p["eventTime"]["watermark"])) / 1000)
               for p in progress
               if "watermark" in (p.get("eventTime") or {}) and ms(p["eventTime"]["watermark"]) > 0]
        if pts:
            charts["watermark-gap"] = {"watermark-gap": pts}
    if last.get("stateOperators"):
        for cid, field in [("state-rows-total", "numRowsTotal"), ("state-rows-updated", "numRowsUpdated"),
                           ("state-memory", "memoryUsedBytes"),
                           ("state-rows-dropped", "numRowsDroppedByWatermark")]:
            charts[cid] = {cid: one(lambda p, f=field: sum(num(o.get(f)) for o in p.get("stateOperators") or []))}
    return charts


def choices(table, columns, prefs):
    p = prefs.get(table, {})
    names = [c["name"] for c in columns]
    numeric = [c["name"] for c in columns if NUMERIC.match(c["type"])]
    first_text = next((c["name"] for c in columns if not NUMERIC.match(c["type"])), None)
    key = p["key"] if p.get("key") in names else (first_text if first_text is not None else (names or [""])[0])
    value = p["value"] if p.get("value") == "*" or p.get("value") in numeric else \
        next((n for n in numeric if n != key), "*")
    agg = p["agg"] if p.get("agg") in ("sum", "avg", "min", "max") else "sum"
    kind = "line" if p.get("kind") == "line" else "bar"
    return key, value, agg, kind


def col_type(data, i):
    """Column i's type, parsed (a plain name like 'timestamp' stays a string)."""
    t = data["columns"][i]["type"]
    return spark_type(t)


def aggregate(data, key, value, agg):
    """[(key text, value)] in the page's order: groups by key text, nulls skipped."""
    names = [c["name"] for c in data["columns"]]
    ki, vi = names.index(key), (names.index(value) if value != "*" else -1)
    groups, raws, all_num = {}, {}, True
    for row in data["rows"]:
        raw = row[ki]
        k = fmt_value(raw, col_type(data, ki))
        if not (isinstance(raw, (int, float)) and not isinstance(raw, bool)):
            all_num = False
        g = groups.setdefault(k, [])
        raws.setdefault(k, raw)
        if vi < 0:
            g.append(1)
            continue
        v = row[vi]
        try:
            x = float(v)
        except (TypeError, ValueError):
            continue
        if math.isfinite(x):
            g.append(x)
    out = []
    for k, g in groups.items():
        if vi < 0:
            out.append((k, len(g)))
        elif g:
            out.append((k, {"sum": sum(g), "avg": sum(g) / len(g), "min": min(g), "max": max(g)}[agg]))
    out.sort(key=(lambda kv: raws[kv[0]]) if all_num else (lambda kv: kv[0]))
    return out


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--dom", required=True)
    ap.add_argument("--fragment", default="")
    ap.add_argument("--mock", action="store_true")
    args = ap.parse_args()
    base = args.url.rstrip("/") + "/"

    def get(path):
        with urllib.request.urlopen(base + path, timeout=10) as r:
            return json.load(r)

    tree = Tree()
    with open(args.dom, encoding="utf-8") as f:
        tree.feed(f.read())
    root = tree.root
    errors = []
    moved = []  # tables that have another batch by now (a live server)

    def bad(msg):
        errors.append(msg)

    problem = next(root.find("p", id="problem"), None)
    if problem is None or "hidden" not in problem.attrs:
        bad("the page shows a problem: %r" % (problem.text() if problem else "no #problem element"))

    # ---- queries ----
    queries = get("api/queries")
    cards = {n.attrs["data-query"]: n for n in root.find("article") if "data-query" in n.attrs}
    if sorted(cards) != sorted(q["name"] for q in queries):
        bad("query cards %s, the API has %s" % (sorted(cards), sorted(q["name"] for q in queries)))
    if args.mock and sorted(cards) != ["counts", "idle", "raw"]:
        bad("the mock's queries are counts, idle and raw, the page shows %s" % sorted(cards))
    npoints = 0
    for q in queries:
        card = cards.get(q["name"])
        if card is None:
            continue
        progress = get("api/queries/%s/progress" % urllib.parse.quote(q["name"]))
        figs = {f.attrs["data-chart"]: f for f in card.find("figure") if "data-chart" in f.attrs}
        if not progress:
            if figs:
                bad("%s: charts %s without progress" % (q["name"], sorted(figs)))
            if "No visualization information available" not in card.text():
                bad("%s: no progress, but no word of it" % q["name"])
            continue
        want = expected_query_charts(progress)
        if sorted(figs) != sorted(want):
            bad("%s: charts %s, expected %s" % (q["name"], sorted(figs), sorted(want)))
        if args.mock:
            ids = {"counts": 10, "raw": 5, "idle": 0}[q["name"]]
            if len(want) != ids:
                bad("%s: the mock gives %d charts, computed %d" % (q["name"], ids, len(want)))
        for cid, series in want.items():
            fig = figs.get(cid)
            if fig is None:
                continue
            groups = {g.attrs["data-series"]: g for g in fig.find("g") if "data-series" in g.attrs}
            if sorted(groups) != sorted(series):
                bad("%s/%s: series %s, expected %s" % (q["name"], cid, sorted(groups), sorted(series)))
            for key, pts in series.items():
                g = groups.get(key)
                if g is None:
                    continue
                got = [(int(c.attrs["data-batch"]), int(c.attrs["data-t"]), float(c.attrs["data-v"]))
                       for c in g.find("circle")]
                # A point is a progress record: (batch id, timestamp), as idle records repeat
                # a batch id.
                by_record = {(b, t): v for b, t, v in pts}
                if not got:
                    bad("%s/%s/%s: no points" % (q["name"], cid, key))
                for b, t, v in got:
                    if (b, t) not in by_record:
                        bad("%s/%s/%s: a point of batch %d at %d, which the API does not have" % (
                            q["name"], cid, key, b, t))
                    elif not close(by_record[(b, t)], v):
                        bad("%s/%s/%s batch %d at %d: page %r, API %r" % (
                            q["name"], cid, key, b, t, v, by_record[(b, t)]))
                npoints += len(got)
                if args.mock and [p[:2] for p in got] != [p[:2] for p in pts]:
                    bad("%s/%s/%s: records %s, the API has %s (did the page poll?)" % (
                        q["name"], cid, key, [p[:2] for p in got], [p[:2] for p in pts]))

    # ---- memory tables ----
    prefs = {}
    for k, v in urllib.parse.parse_qsl(args.fragment.lstrip("#")):
        table, _, field = k.rpartition(".")
        if table and field in ("key", "value", "agg", "kind"):
            prefs.setdefault(table, {})[field] = v
    tables = get("api/tables")
    tcards = {n.attrs["data-table-card"]: n for n in root.find("article") if "data-table-card" in n.attrs}
    if sorted(tcards) != sorted(t["name"] for t in tables):
        bad("table cards %s, the API has %s" % (sorted(tcards), sorted(t["name"] for t in tables)))
    ncells = nkeys = 0
    for t in tables:
        card = tcards.get(t["name"])
        if card is None:
            continue
        if t.get("batchId") is None:  # no batch yet: the page shows no rows, fetches nothing
            data = {"batchId": None, "columns": t.get("columns") or [], "rows": []}
        else:
            data = get("api/tables/%s?format=json" % urllib.parse.quote(t["name"]))
        table = next(card.find("table", data_table=t["name"]), None)
        if table is None:
            bad("%s: no table" % t["name"])
            continue
        if table.attrs.get("data-batch") != (None if data["batchId"] is None else js_str(data["batchId"])):
            moved.append("%s: the page shows batch %s, the API batch %s" % (
                t["name"], table.attrs.get("data-batch"), data["batchId"]))
            continue
        heads = [th.text() for th in table.find("th")]
        want_heads = [c["name"] + c["type"] for c in data["columns"]]
        if heads != want_heads:
            bad("%s: header %s, expected %s" % (t["name"], heads, want_heads))
        body = next(table.find("tbody"))
        rows = [[td.text() for td in tr.find("td")] for tr in body.find("tr")]
        want_rows = [[fmt_value(v, col_type(data, i)) for i, v in enumerate(row)]
                     for row in data["rows"][:MAX_TABLE_ROWS]]
        if rows != want_rows:
            bad("%s: rows\n  %s\nexpected\n  %s" % (t["name"], rows, want_rows))
        ncells += sum(len(r) for r in rows)
        fig = next(card.find("figure", data_chart="table"), None)
        if fig is None:
            if data["rows"]:
                bad("%s: no chart" % t["name"])
            continue
        key, value, agg, kind = choices(t["name"], data["columns"], prefs)
        got_settings = tuple(fig.attrs.get("data-" + f) for f in ("key", "value", "agg", "kind"))
        if got_settings != (key, value, agg, kind):
            bad("%s: chart settings %s, expected %s" % (t["name"], got_settings, (key, value, agg, kind)))
        marks = [n for n in fig.find() if n.tag in ("rect", "circle") and "data-key" in n.attrs]
        if any(n.tag != ("rect" if kind == "bar" else "circle") for n in marks):
            bad("%s: a %s chart drawn with %s" % (t["name"], kind, sorted({n.tag for n in marks})))
        got = [(n.attrs["data-key"], float(n.attrs["data-v"])) for n in marks]
        want = aggregate(data, key, value, agg)[:MAX_CATEGORIES]
        if len(got) != len(want) or any(a[0] != b[0] or not close(a[1], b[1]) for a, b in zip(got, want)):
            bad("%s: chart %s\nexpected %s" % (t["name"], got, want))
        nkeys += len(got)
    if args.mock and sorted(tcards) != ["counts", "idle", "raw"]:
        bad("the mock's tables are counts, idle and raw, the page shows %s" % sorted(tcards))

    for e in errors + moved:
        print("check_live_page: " + e)
    print("check_live_page: %d query cards, %d chart points, %d table cells, %d chart keys; %s" % (
        len(cards), npoints, ncells, nkeys, "%d differences" % len(errors + moved) if errors or moved else "all match"))
    if errors or (moved and args.mock):
        return 1
    return 3 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
