#!/usr/bin/env python3
"""cdp_live_page.py - drives the live page in headless Chromium over the DevTools protocol (a
minimal WebSocket client, no packages): waits until the page shows every memory table, then
for each table picks another key, the number of rows as value and a line chart through the
page's own <select>s (as a user would), and checks that the chart redraws with the values
check_live_page.aggregate() computes from the API, that the choice lands in the URL fragment,
that the focused control stays focused, and that the page logged nothing (console calls,
exceptions, failed loads: Runtime.consoleAPICalled, Runtime.exceptionThrown, Log.entryAdded).
Used by run_live_page.sh.

    cdp_live_page.py --chromium PATH --url BASE --profile DIR
"""
import argparse
import base64
import json
import os
import re
import socket
import struct
import subprocess
import sys
import time
import urllib.parse
import urllib.request

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_live_page  # noqa: E402  (aggregate, close, js_str)


class WebSocket:
    """Just enough of RFC 6455 for DevTools: text frames, client masking, no extensions."""

    def __init__(self, url):
        u = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n" % (u.path, u.hostname, u.port, key)).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise OSError("DevTools closed the connection during the handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise OSError("DevTools refused the WebSocket: %r" % head)

    def _read(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise OSError("DevTools closed the connection")
            buf += chunk
        return buf

    def send(self, text):
        data = text.encode()
        head = bytes([0x81])
        n = len(data)
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(n)
            op = b0 & 0x0F
            if op == 0x8:
                raise OSError("DevTools closed the WebSocket")
            if op in (0x9, 0xA):  # ping, pong: not sent by DevTools in practice
                continue
            message += payload
            if b0 & 0x80:
                return message.decode()


class Page:
    def __init__(self, ws):
        self.ws, self.next_id, self.log = ws, 0, []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            self.event(msg)

    def event(self, msg):
        m, p = msg.get("method"), msg.get("params", {})
        if m == "Runtime.consoleAPICalled":
            self.log.append("console.%s: %s" % (p.get("type"), " ".join(
                str(a.get("value", a.get("description", ""))) for a in p.get("args", []))))
        elif m == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            self.log.append("exception: %s" % (d.get("exception", {}).get("description") or d.get("text")))
        elif m == "Log.entryAdded":
            e = p.get("entry", {})
            self.log.append("log %s: %s (%s)" % (e.get("level"), e.get("text"), e.get("url", "")))

    def eval(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError("evaluate: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    def wait(self, expr, seconds):
        end = time.time() + seconds
        while time.time() < end:
            if self.eval(expr):
                return True
            time.sleep(0.2)
        return False


# Picks the given value in a table card's <select data-field=FIELD> and fires its change event.
PICK = """(() => {
  const card = document.querySelector('[data-table-card="%(table)s"]');
  const s = card.querySelector('select[data-field="%(field)s"]');
  s.focus(); s.value = %(value)s; s.dispatchEvent(new Event('change'));
  return s.value;
})()"""

# The settings, marks and focus of a table card's chart, its batch, and the URL fragment.
READ = """(() => {
  const card = document.querySelector('[data-table-card="%(table)s"]');
  const fig = card.querySelector('figure[data-chart="table"]');
  return {
    settings: ['key', 'value', 'agg', 'kind'].map((f) => fig.getAttribute('data-' + f)),
    marks: [...fig.querySelectorAll('[data-key]')].map((n) => [n.tagName, n.getAttribute('data-key'), n.getAttribute('data-v')]),
    focus: document.activeElement && document.activeElement.getAttribute('data-field'),
    batch: card.querySelector('table[data-table]').getAttribute('data-batch'),
    hash: location.hash,
  };
})()"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chromium", required=True)
    ap.add_argument("--url", required=True)
    ap.add_argument("--profile", required=True)
    args = ap.parse_args()
    base = args.url.rstrip("/") + "/"
    proc = subprocess.Popen([args.chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                             "--no-first-run", "--user-data-dir=" + args.profile,
                             "--remote-debugging-port=0", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    errors = []
    try:
        port = None
        end = time.time() + 30
        while port is None and time.time() < end:
            line = proc.stderr.readline()
            if not line:
                break
            m = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if m:
                port = int(m.group(1))
        if port is None:
            print("cdp_live_page: chromium did not open its DevTools port")
            return 1
        with urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=10) as r:
            target = next(t for t in json.load(r) if t["type"] == "page")
        page = Page(WebSocket(target["webSocketDebuggerUrl"]))
        for domain in ("Runtime", "Log", "Page"):
            page.call(domain + ".enable")
        page.call("Page.navigate", url=base)
        with urllib.request.urlopen(base + "api/tables", timeout=10) as r:
            tables = json.load(r)
        if not page.wait("document.querySelectorAll('[data-table-card]').length === %d" % len(tables), 20):
            errors.append("the page did not show the %d tables" % len(tables))
        for t in tables:
            if t.get("batchId") is None or len(t["columns"]) < 2:
                continue
            name = t["name"]
            key = t["columns"][-1]["name"]
            for field, value in (("key", key), ("value", "*"), ("kind", "line")):
                page.eval(PICK % {"table": name, "field": field, "value": json.dumps(value)})
            # The rows the chart drew and the API's must be one batch: read again while the
            # page is a batch behind (the choices stay while batches arrive).
            for _ in range(10):
                got = page.eval(READ % {"table": name})
                with urllib.request.urlopen(base + "api/tables/%s?format=json" % urllib.parse.quote(name),
                                            timeout=10) as r:
                    data = json.load(r)
                if got["batch"] == check_live_page.js_str(data["batchId"]):
                    break
                time.sleep(1)
            else:
                errors.append("%s: the page stays at batch %s, the API is at %s" % (name, got["batch"], data["batchId"]))
            want = check_live_page.aggregate(data, key, "*", "sum")
            marks = [(m[1], float(m[2])) for m in got["marks"]]
            if got["settings"] != [key, "*", "sum", "line"]:
                errors.append("%s: settings %s after picking key %s, rows, line" % (name, got["settings"], key))
            if any(m[0] != "circle" for m in got["marks"]):
                errors.append("%s: a line chart drawn with %s" % (name, sorted({m[0] for m in got["marks"]})))
            if len(marks) != len(want[:100]) or any(
                    a[0] != b[0] or not check_live_page.close(a[1], b[1]) for a, b in zip(marks, want)):
                errors.append("%s: chart %s, expected %s" % (name, marks, want))
            frag = dict(urllib.parse.parse_qsl(got["hash"].lstrip("#")))
            if (frag.get(name + ".key"), frag.get(name + ".value"), frag.get(name + ".kind")) != (key, "*", "line"):
                errors.append("%s: the URL fragment is %r" % (name, got["hash"]))
            if got["focus"] != "kind":
                errors.append("%s: the focus moved to %r" % (name, got["focus"]))
            print("cdp_live_page: %s by %s as a line: %d keys" % (name, key, len(marks)))
        time.sleep(1.5)  # a poll or two more after the picks
        page.eval("1")
        errors += ["the page logged: " + m for m in page.log]
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    for e in errors:
        print("cdp_live_page: " + e)
    print("cdp_live_page: %s" % ("%d problems" % len(errors) if errors else "the controls work"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
