#!/usr/bin/env python3
"""serve_mock.py - a stand-in for a sluice executable run with --serve (the contract of the
HTTP API in docs/operations.md): GET / and /assets/NAME from the live page's source files
(runtime/src/serve/assets/), and the /api endpoints with deterministic data.

Three queries: "counts" (a windowed aggregation with a watermark and one state operator,
sink memory:counts; after its last batch two no-data records of one batch id), "raw" (stateless, stopped, sink memory:raw) and "idle" (no batch yet,
sink memory:idle), each with the memory table of its sink.  The mock's clock is the number of GET /api/queries answered: the first
answer has START_BATCHES batches, each later one a batch more, up to END_BATCHES, so a page
that polls shows the batches arriving and then settles.  The series are functions of the
batch id only (progress(), table_rows()); tests/tools/check_live_page.py compares the page
against what these endpoints answer.

    serve_mock.py [--port N] [--assets DIR] [--live SECONDS]

--live SECONDS: a batch every SECONDS of wall time instead, without end (what a running
executable does; run_live_page.sh --url must then cope with batches arriving during its checks).

Prints `serving http://127.0.0.1:PORT/` on stderr (as the executable does) and serves until
killed.
"""
import argparse
import datetime
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

START_BATCHES = 5
END_BATCHES = 8
BASE_MS = 1711972800000  # 2024-04-01T12:00:00.000Z

QUERIES = [
    {"id": "5a1c0e0e-0000-4000-8000-000000000001", "runId": "5a1c0e0e-0000-4000-8000-000000000002",
     "name": "counts", "sink": "memory:counts", "active": True,
     "status": {"message": "Waiting for data to arrive", "isDataAvailable": False,
                "isTriggerActive": False}},
    {"id": "5a1c0e0e-0000-4000-8000-000000000003", "runId": "5a1c0e0e-0000-4000-8000-000000000004",
     "name": "raw", "sink": "memory:raw", "active": False,
     "status": {"message": "Stopped", "isDataAvailable": False, "isTriggerActive": False}},
    {"id": "5a1c0e0e-0000-4000-8000-000000000005", "runId": "5a1c0e0e-0000-4000-8000-000000000006",
     "name": "idle", "sink": "memory:idle", "active": True,
     "status": {"message": "Waiting for next trigger", "isDataAvailable": False,
                "isTriggerActive": False}},
]

COLUMNS = {
    "counts": [{"name": "action", "type": "string"},
               {"name": "window", "type": "struct<start:timestamp,end:timestamp>"},
               {"name": "count", "type": "bigint"}],
    "raw": [{"name": "value", "type": "bigint"}, {"name": "ts", "type": "timestamp"},
            {"name": "ratio", "type": "double"}, {"name": "label", "type": "string"}],
    "idle": [{"name": "k", "type": "string"}, {"name": "n", "type": "bigint"}],
}


def iso(ms):
    """Spark's progress timestamp format, UTC with milliseconds."""
    t = datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)


def batch_ms(b):
    return BASE_MS + b * 2000 + (b * 137) % 400


def progress(query, b):
    """The progress record of batch b of query, as Spark's StreamingQueryProgress.json."""
    rows = (b * 5 + 3) % 13 if query == "counts" else 6
    dur = {"addBatch": 5 + (b * 7) % 11, "commitOffsets": 2 + (b * 2) % 3, "getBatch": b % 2,
           "latestOffset": 1 + b % 3, "queryPlanning": 2 + (b * 3) % 5, "walCommit": 3 + b % 4}
    dur["triggerExecution"] = sum(dur.values()) + 1
    dur = dict(sorted(dur.items()))
    ts = batch_ms(b)
    in_rate = 0.0 if b == 0 else rows / ((ts - batch_ms(b - 1)) / 1000)
    rec = {"id": QUERIES[0]["id"] if query == "counts" else QUERIES[1]["id"],
           "runId": QUERIES[0]["runId"] if query == "counts" else QUERIES[1]["runId"],
           "name": query, "timestamp": iso(ts), "batchId": b}
    # Spark 3.5 writes batchDuration (the trigger's wall time); "raw" goes without it, so the
    # page's fallback to durationMs.triggerExecution is seen too.
    if query == "counts":
        rec["batchDuration"] = dur["triggerExecution"] + 2
    rec.update({"numInputRows": rows, "inputRowsPerSecond": round(in_rate, 6),
                "processedRowsPerSecond": round(rows / (dur["triggerExecution"] / 1000), 6),
                "durationMs": dur})
    if query == "counts":
        # Batch 0 runs with watermark 0 (Spark's page leaves it out of the gap chart).
        wm = 0 if b == 0 else ts - 10000 - b * 250
        rec["eventTime"] = {"avg": iso(ts - 4000), "max": iso(ts - 1000), "min": iso(ts - 8000),
                            "watermark": iso(wm)}
        rec["stateOperators"] = [{
            "operatorName": "stateStoreSave", "numRowsTotal": 2 * b + 4,
            "numRowsUpdated": rows % 5, "allUpdatesTimeMs": 1, "numRowsRemoved": b % 2,
            "allRemovalsTimeMs": 0, "commitTimeMs": 3, "memoryUsedBytes": 16000 + b * 512,
            "numRowsDroppedByWatermark": 1 if b % 3 == 2 else 0, "numShufflePartitions": 1,
            "numStateStoreInstances": 1}]
    else:
        rec["eventTime"] = {}
        rec["stateOperators"] = []
    rec["sources"] = [{"description": "FileStreamSource[file:/data/" + query + "]",
                       "startOffset": {"logOffset": b - 1} if b else None,
                       "endOffset": {"logOffset": b}, "latestOffset": {"logOffset": b},
                       "numInputRows": rows, "inputRowsPerSecond": rec["inputRowsPerSecond"],
                       "processedRowsPerSecond": rec["processedRowsPerSecond"]}]
    rec["sink"] = {"description": "MemorySink", "numOutputRows": rows}
    return rec


def idle_progress(query, b, k):
    """The k-th record of a query waiting for data after batch b - 1: Spark's no-data record
    (batch id b, no rows, only the watermark in eventTime, the state as left by batch b - 1)."""
    last = progress(query, b - 1)
    ts = batch_ms(b - 1) + 10000 * (k + 1)
    rec = {"id": last["id"], "runId": last["runId"], "name": query, "timestamp": iso(ts),
           "batchId": b, "batchDuration": 3, "numInputRows": 0, "inputRowsPerSecond": 0.0,
           "processedRowsPerSecond": 0.0, "durationMs": {"latestOffset": 2, "triggerExecution": 3},
           "eventTime": {"watermark": last["eventTime"]["watermark"]},
           "stateOperators": [dict(o, numRowsUpdated=0, numRowsDroppedByWatermark=0)
                              for o in last["stateOperators"]],
           "sources": [dict(src, startOffset=src["endOffset"], numInputRows=0, inputRowsPerSecond=0.0,
                            processedRowsPerSecond=0.0) for src in last["sources"]],
           "sink": {"description": "MemorySink", "numOutputRows": 0}}
    return rec


def table_rows(table, b):
    """The rows of a memory table after batch b (json format: one list per row)."""
    out = []
    if table == "counts":
        for i, action in enumerate(["Close", "Login", "Logout", "Open"]):
            for w in range(3):
                if (i + w + b) % 4 == 0:
                    continue
                start = BASE_MS + w * 300000
                out.append([action, {"start": iso(start), "end": iso(start + 300000)},
                            (len(action) * (w + 1) + b * 3) % 17])
    else:
        for i in range(6):
            label = None if i == 3 else "r%d" % (i % 3)
            out.append([b * 10 + i, iso(batch_ms(b) + i), round((i - 2) * 0.75 + b * 0.1, 2), label])
    return out


class Mock:
    def __init__(self, assets, live):
        self.assets = assets
        self.polls = 0
        self.lock = threading.Lock()
        self.live = live
        self.start = time.monotonic()

    def batches(self):
        if self.live:
            return START_BATCHES + int((time.monotonic() - self.start) / self.live)
        return min(START_BATCHES + max(self.polls - 1, 0), END_BATCHES)

    @staticmethod
    def last_batch(query, n):
        """The last batch id of query when the others have n batches (None: none yet)."""
        return None if query == "idle" else n - 1

    def tables(self, n):
        out = []
        for name in ("counts", "raw", "idle"):
            b = self.last_batch(name, n)
            rows = [] if b is None else table_rows(name, b)
            out.append({"name": name, "query": name, "batchId": b, "rows": len(rows),
                        "bytes": len(json.dumps(rows)) if rows else 0, "columns": COLUMNS[name]})
        return out

    def answer(self, path, query):
        """(status, content type, body bytes) of GET path."""
        if path == "/" or path.startswith("/assets/"):
            name = "index.html" if path == "/" else path[len("/assets/"):]
            full = os.path.join(self.assets, name)
            if "/" in name or name.startswith(".") or not os.path.isfile(full):
                return self.error(404, "not found: " + path)
            ext = os.path.splitext(name)[1]
            ctype = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                     ".css": "text/css; charset=utf-8"}.get(ext, "application/octet-stream")
            with open(full, "rb") as f:
                return 200, ctype, f.read()
        parts = [urllib.parse.unquote(p) for p in path.strip("/").split("/")]
        with self.lock:
            if parts == ["api", "queries"]:
                self.polls += 1
            n = self.batches()
        names = [q["name"] for q in QUERIES]
        if parts == ["api", "queries"]:
            return self.json([dict(q, lastBatchId=self.last_batch(q["name"], n)) for q in QUERIES])
        if len(parts) == 4 and parts[:2] == ["api", "queries"] and parts[2] in names:
            final = self.last_batch(parts[2], n)
            first = 0 if final is None else max(final + 1 - 100, 0)  # the last 100, as kept
            recs = [progress(parts[2], b) for b in range(first, 0 if final is None else final + 1)]
            if parts[2] == "counts" and n == END_BATCHES and not self.live:  # two idle records
                recs += [idle_progress("counts", final + 1, k) for k in range(2)]
            if parts[3] == "progress":
                last = int(query.get("last", [len(recs)])[0])
                return self.json(recs[max(len(recs) - last, 0):] if last > 0 else [])
            if parts[3] == "lastProgress":
                return self.json(recs[-1] if recs else None)
            if parts[3] == "status":
                return self.json(QUERIES[names.index(parts[2])]["status"])
        tables = self.tables(n)
        if parts == ["api", "tables"]:
            return self.json(tables)
        if len(parts) == 3 and parts[:2] == ["api", "tables"] and parts[2] in names:
            t = tables[names.index(parts[2])]
            if query.get("format", ["jsonl"])[0] != "json":
                return self.error(400, "the mock answers format=json only")
            return self.json({"name": t["name"], "batchId": t["batchId"], "columns": t["columns"],
                              "rows": [] if t["batchId"] is None else table_rows(t["name"], t["batchId"])})
        return self.error(404, "not found: " + path)

    @staticmethod
    def json(value):
        return 200, "application/json", json.dumps(value, separators=(",", ":")).encode()

    @staticmethod
    def error(status, message):
        return status, "application/json", json.dumps({"error": message}).encode()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--live", type=float, default=0, metavar="SECONDS",
                    help="a batch every SECONDS of wall time, without end (like a running query)")
    ap.add_argument("--assets", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "..", "..", "runtime", "src", "serve", "assets"))
    args = ap.parse_args()
    mock = Mock(os.path.abspath(args.assets), args.live)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            status, ctype, body = mock.answer(url.path, urllib.parse.parse_qs(url.query))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("serving http://127.0.0.1:%d/" % server.server_address[1], file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
