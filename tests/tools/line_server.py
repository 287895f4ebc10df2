#!/usr/bin/env python3
"""line_server.py - a loopback TCP line server for tests of the socket source.

Binds 127.0.0.1 on the given port (or a free one), prints the port on standard output
(and writes it to --port-file, atomically, if given), accepts one client, sends the
lines of FILE exactly as they are in the file (line endings kept, a last line without
'\\n' sent as is), optionally in groups of --group lines with --pause seconds between
groups, then closes the connection, or with --keep-open waits until the client closes
it (or the server is killed).  Python 3 standard library only.

    line_server.py FILE [--port N] [--port-file PATH] [--group N] [--pause SECONDS]
                        [--delay SECONDS] [--keep-open] [--accept-timeout SECONDS]

Exit codes: 0 done, 1 no client connected in time or the client went away, 2 usage.
"""
import argparse
import os
import socket
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description="Serve the lines of a file to one TCP client.")
    p.add_argument("file", help="the lines to send")
    p.add_argument("--port", type=int, default=0, help="port to bind (default: a free one)")
    p.add_argument("--port-file", help="also write the port to this file")
    p.add_argument("--group", type=int, default=0,
                   help="send this many lines at a time (default: all at once)")
    p.add_argument("--pause", type=float, default=0.0,
                   help="seconds to wait between groups")
    p.add_argument("--delay", type=float, default=0.0,
                   help="seconds to wait after the client connected, before the first group")
    p.add_argument("--keep-open", action="store_true",
                   help="after the last line, wait for the client to close the connection")
    p.add_argument("--accept-timeout", type=float, default=30.0,
                   help="give up when no client connects within this many seconds")
    a = p.parse_args(argv)
    if a.group < 0 or a.pause < 0 or a.delay < 0 or not 0 <= a.port <= 65535:
        p.error("--group, --pause and --delay must not be negative; --port is 0..65535")
    return a


def write_port_file(path, port):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, path)


def groups(lines, size):
    if size <= 0:
        yield lines
        return
    for i in range(0, len(lines), size):
        yield lines[i:i + size]


def main(argv):
    a = parse_args(argv)
    with open(a.file, "rb") as f:
        lines = f.read().splitlines(keepends=True)
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", a.port))
    srv.listen(1)
    port = srv.getsockname()[1]
    print(port, flush=True)
    if a.port_file:
        write_port_file(a.port_file, port)
    srv.settimeout(a.accept_timeout)
    try:
        conn, _ = srv.accept()
    except socket.timeout:
        print("line_server: no client within %g s" % a.accept_timeout, file=sys.stderr)
        return 1
    finally:
        srv.close()
    conn.settimeout(None)
    try:
        if a.delay:
            time.sleep(a.delay)
        first = True
        for g in groups(lines, a.group):
            if not first and a.pause:
                time.sleep(a.pause)
            first = False
            conn.sendall(b"".join(g))
        if a.keep_open:
            while conn.recv(65536):
                pass
        else:
            conn.shutdown(socket.SHUT_WR)
            # Let the client read everything before the close (no reset on unread input).
            conn.settimeout(5.0)
            try:
                while conn.recv(65536):
                    pass
            except (socket.timeout, OSError):
                pass
    except (BrokenPipeError, ConnectionResetError) as e:
        print("line_server: client went away: %s" % e, file=sys.stderr)
        return 1
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
