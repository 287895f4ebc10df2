#!/usr/bin/env python3
"""latency_probe.py - send-to-output latency of a socket-source executable.

    latency_probe.py [--rate R] [--seconds S] [--warmup W] [--kafka SERVERS/TOPIC [--mock-log FILE]]
                     [--dump FILE] -- EXE [ARGS...]

Listens on 127.0.0.1:$PROBE_PORT (the port the query's socket source names: latency_bench.sh
writes it into the query), starts EXE ARGS, waits for its connection, then sends R lines
per second for S seconds, each line the sender's CLOCK_MONOTONIC in nanoseconds at the moment it
is written.  A console sink table row of the executable's standard output whose first cell is
such a number is one sample: latency = the reader's CLOCK_MONOTONIC when the row arrives minus
that number (both processes read the same system-wide clock).  Rows of the first W seconds are
not counted (start-up).  Prints one JSON line: samples, p50, p99, p999, max in milliseconds.

With --kafka SERVERS/TOPIC the lines are produced to partition 0 of TOPIC instead, one record
each, by librdkafka itself (through ctypes: linger.ms 0, Nagle off), for an executable reading
Kafka.  With --mock-log, FILE is the standard error of tests/tools/kafka_mock run with
KAFKA_MOCK_DEBUG=mock (its log lines stamped with CLOCK_MONOTONIC): the probe reads, after the
run, when the mock appended each record to TOPIC (the records it held before the run counted out)
and reports the producer's share, stamp to the mock's append, as to_mock_p50_ms / to_mock_p99_ms.

--dump FILE writes every sample (counted or not) as "stamp arrival" in nanoseconds, in the order
the rows came.

Lines are sent in small groups, one per 1 ms tick (R/1000 lines each), so that every line's
timestamp is within a tick of when it was written; the sender's own lateness is reported as
send_lag_max_ms.
"""
import ctypes
import ctypes.util
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time


def kafka_producer(servers, topic):
    """send(bytes of lines): one record per line to partition 0 of topic; finish(): flush."""
    lib = ctypes.CDLL(ctypes.util.find_library("rdkafka") or "librdkafka.so.1")
    lib.rd_kafka_conf_new.restype = ctypes.c_void_p
    lib.rd_kafka_conf_set.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p,
                                      ctypes.c_char_p, ctypes.c_size_t]
    lib.rd_kafka_new.restype = ctypes.c_void_p
    lib.rd_kafka_new.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    lib.rd_kafka_topic_new.restype = ctypes.c_void_p
    lib.rd_kafka_topic_new.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    lib.rd_kafka_produce.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.c_int, ctypes.c_char_p,
                                     ctypes.c_size_t, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p]
    lib.rd_kafka_poll.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.rd_kafka_flush.argtypes = [ctypes.c_void_p, ctypes.c_int]
    conf = lib.rd_kafka_conf_new()
    errstr = ctypes.create_string_buffer(512)
    for k, v in (("bootstrap.servers", servers), ("linger.ms", "0"), ("socket.nagle.disable", "true")):
        if lib.rd_kafka_conf_set(conf, k.encode(), v.encode(), errstr, 512) != 0:
            sys.exit("latency_probe.py: %s" % errstr.value.decode())
    rk = lib.rd_kafka_new(0, conf, errstr, 512)  # RD_KAFKA_PRODUCER
    if not rk:
        sys.exit("latency_probe.py: %s" % errstr.value.decode())
    rkt = lib.rd_kafka_topic_new(rk, topic.encode(), None)

    def send(data):
        for line in data.split(b"\n")[:-1]:
            lib.rd_kafka_produce(rkt, 0, 2, line, len(line), None, 0, None)  # RD_KAFKA_MSG_F_COPY
        lib.rd_kafka_poll(rk, 0)

    def finish():
        lib.rd_kafka_flush(rk, 10000)

    return send, finish


def mock_appends(path, topic, stamps, per_tick, warm_ns):
    """Per record stamped from warm_ns on: the mock's append time minus its stamp (ns), sorted.
    Records the topic held before this run's first stamp (an earlier run's) are counted out of
    the offsets, so record i of this run is the i-th offset after them."""
    append = re.compile(r"(\d+) MOCK .*Log append %s \[0\] (\d+) messages, \d+ bytes at offset (\d+)"
                        % re.escape(topic))
    appends = []
    with open(path) as f:
        for line in f:
            m = append.match(line)
            if m:
                appends.append(tuple(map(int, m.groups())))
    base = sum(n for t, n, _ in appends if stamps and t < stamps[0])
    out = []
    for t, n, first in appends:
        for off in range(max(first, base), first + n):
            tick = (off - base) // per_tick
            if tick < len(stamps) and stamps[tick] >= warm_ns:
                out.append(t - stamps[tick])
    return sorted(out)


def main():
    args = sys.argv[1:]
    rate, seconds, warmup, kafka, dump, mock_log = 10000, 5.0, 1.0, None, None, None
    while args and args[0] != "--":
        if args[0] == "--rate":
            rate = int(args[1])
        elif args[0] == "--seconds":
            seconds = float(args[1])
        elif args[0] == "--warmup":
            warmup = float(args[1])
        elif args[0] == "--kafka":
            kafka = args[1]
        elif args[0] == "--mock-log":
            mock_log = args[1]
        elif args[0] == "--dump":
            dump = open(args[1], "w")
        else:
            sys.exit("latency_probe.py: unknown option " + args[0])
        args = args[2:]
    cmd = args[1:]
    if kafka:
        send, finish = kafka_producer(*kafka.rsplit("/", 1))
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, bufsize=0)
        time.sleep(1.0)  # the executable's first plans (its consumer) before the first line
    else:
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", int(os.environ["PROBE_PORT"])))
        srv.listen(1)
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, bufsize=0)
        srv.settimeout(30)
        conn, _ = srv.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        send = conn.sendall
        finish = conn.close
    samples = []
    start = time.monotonic_ns()
    warm_ns = start + int(warmup * 1e9)

    def reader():
        buf = b""
        while True:
            chunk = proc.stdout.read(65536)
            if not chunk:
                return
            now = time.monotonic_ns()
            buf += chunk
            lines = buf.split(b"\n")
            buf = lines.pop()
            for line in lines:
                if not line.startswith(b"|"):
                    continue
                cell = line.split(b"|")[1].strip()
                if cell.isdigit():
                    sent = int(cell)
                    if dump:
                        dump.write("%d %d\n" % (sent, now))
                    if sent >= warm_ns:
                        samples.append(now - sent)

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    per_tick = max(1, rate // 1000)
    ticks = int(seconds * 1000)
    lag_max = 0
    stamps = []  # per tick
    for i in range(ticks):
        due = start + i * 1_000_000
        now = time.monotonic_ns()
        if now < due:  # a sleep, not a spin: a spinning sender holds the GIL the reader needs
            time.sleep((due - now) / 1e9)
            now = time.monotonic_ns()
        lag_max = max(lag_max, now - due)
        stamp = time.monotonic_ns()
        stamps.append(stamp)
        send(b"".join(b"%d\n" % stamp for _ in range(per_tick)))
    time.sleep(0.5)
    finish()
    try:
        proc.wait(timeout=2 if kafka else 10)
    except subprocess.TimeoutExpired:
        proc.terminate()  # a Kafka source never ends: SIGTERM stops it after its batch
        proc.wait(timeout=10)
    t.join(timeout=5)
    def pct(v, p):
        return round(v[min(len(v) - 1, int(p * len(v)))] / 1e6, 3) if v else None

    samples.sort()
    out = {"samples": len(samples), "p50_ms": pct(samples, 0.50), "p99_ms": pct(samples, 0.99),
           "p999_ms": pct(samples, 0.999), "max_ms": pct(samples, 1.0),
           "send_lag_max_ms": round(lag_max / 1e6, 3)}
    if mock_log:
        to_mock = mock_appends(mock_log, kafka.rsplit("/", 1)[1], stamps, per_tick, warm_ns)
        out.update({"to_mock_p50_ms": pct(to_mock, 0.50), "to_mock_p99_ms": pct(to_mock, 0.99)})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
