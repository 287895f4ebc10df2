#!/usr/bin/env python3
"""tables_mock.py - a stand-in for a running executable's --serve: the /api/tables endpoints of
the HTTP contract (docs/operations.md) served from files, for `sluice sql` tests.

    tables_mock.py --dir DIR [--port 0] [--token T]

DIR/tables.json is the table list ([{"name", "query", "columns": [{"name", "type"}]}]); the
rows of table NAME are DIR/NAME.jsonl, one JSON object per row as Spark's JSON writer writes
them, served byte for byte.  batchId, rows and bytes are filled in from the files.  The first
line on stderr is `serving http://127.0.0.1:PORT/` (PORT 0: any free port).
"""
import argparse
import json
import os
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--token")
    args = ap.parse_args()

    def load():
        with open(os.path.join(args.dir, "tables.json"), encoding="utf-8") as f:
            tables = json.load(f)
        out = {}
        for t in tables:
            path = os.path.join(args.dir, t["name"] + ".jsonl")
            data = open(path, "rb").read() if os.path.exists(path) else b""
            out[t["name"]] = (dict(t, batchId=3, rows=data.count(b"\n"), bytes=len(data)), data)
        return out

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def send(self, status, body, ctype="application/json", extra=()):
            if isinstance(body, (dict, list)):
                body = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if args.token and self.headers.get("Authorization") != "Bearer " + args.token:
                return self.send(401, {"error": "missing or wrong bearer token"})
            url = urllib.parse.urlsplit(self.path)
            parts = [urllib.parse.unquote(p) for p in url.path.split("/")[1:]]
            tables = load()
            if parts == ["api", "tables"]:
                return self.send(200, [t for t, _ in tables.values()])
            if len(parts) in (3, 4) and parts[:2] == ["api", "tables"]:
                if parts[2] not in tables:
                    return self.send(404, {"error": "unknown table '%s'" % parts[2]})
                meta, data = tables[parts[2]]
                if len(parts) == 4:
                    return self.send(200, meta) if parts[3] == "schema" else \
                        self.send(404, {"error": "no such endpoint"})
                fmt = urllib.parse.parse_qs(url.query).get("format", ["jsonl"])[0]
                if fmt != "jsonl":
                    return self.send(400, {"error": "the mock serves format=jsonl only"})
                return self.send(200, data, "application/x-ndjson",
                                 [("X-Sluice-Batch-Id", str(meta["batchId"]))])
            return self.send(404, {"error": "no such endpoint"})

        def do_POST(self):
            self.send(405, {"error": "method not allowed"})

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("serving http://127.0.0.1:%d/" % server.server_address[1], file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
