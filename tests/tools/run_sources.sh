#!/usr/bin/env bash
# run_sources.sh - the value-row sources end to end through compiled executables:
# rate-micro-batch (exact output), rate (ramp-up, whole-second batches), socket against
# tests/tools/line_server.py (lines split over two sends, the query stops with exit 0
# when the server closes, WARN lines on stderr only), and a refused connection (exit 1
# with the source, host, port and reason), and a restart whose last socket batch was never
# committed.
#
#   run_sources.sh <sluice>
set -euo pipefail
sluice=$(realpath "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
server=$root/tests/tools/line_server.py
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sources.XXXXXX")
server_pid=
cleanup() {
    if [[ -n $server_pid ]]; then kill "$server_pid" 2> /dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { # bad NAME: report a failure with the logs
    echo "sources: FAIL: $1" >&2
    for f in out.log err.log; do
        if [[ -s $f ]]; then
            echo "--- $f" >&2
            cat "$f" >&2
        fi
    done
    fail=$((fail + 1))
}

# ---- rate-micro-batch: deterministic rows and timestamps ----
cat > micro.sql << 'EOF'
CREATE SOURCE ticks WITH (connector = 'rate-micro-batch', rowsPerBatch = 3,
                          startTimestamp = 1469501675000, advanceMillisPerBatch = 1500);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT timestamp, value, value * 2 AS twice FROM ticks WITH (name = 'ticks');
EOF
cat > micro.want << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+-------------------+-----+-----+
|          timestamp|value|twice|
+-------------------+-----+-----+
|2016-07-26 02:54:35|    0|    0|
|2016-07-26 02:54:35|    1|    2|
|2016-07-26 02:54:35|    2|    4|
+-------------------+-----+-----+

-------------------------------------------
Batch: 1
-------------------------------------------
+--------------------+-----+-----+
|           timestamp|value|twice|
+--------------------+-----+-----+
|2016-07-26 02:54:...|    3|    6|
|2016-07-26 02:54:...|    4|    8|
|2016-07-26 02:54:...|    5|   10|
+--------------------+-----+-----+

EOF
if "$sluice" build micro.sql -o micro > out.log 2> err.log && ./micro --max-batches 2 > out.log 2> err.log &&
    cmp -s out.log micro.want && [[ ! -s err.log ]]; then
    ok
else
    diff -u micro.want out.log >&2 || true
    bad "rate-micro-batch output"
fi
# availableNow: exactly one batch, then the query ends by itself
if ./micro --trigger availableNow > out.log 2> err.log && [[ $(grep -c '^Batch: ' out.log) == 1 ]]; then
    ok
else
    bad "rate-micro-batch availableNow"
fi

# ---- rate: rowsPerSecond 4 with a 1 s ramp-up: valueAt(1) = 2, then 4 per second ----
cat > rate.sql << 'EOF'
CREATE SOURCE r WITH (connector = 'rate', rowsPerSecond = 4, rampUpTime = 1);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT value FROM r WITH (name = 'rate');
EOF
if "$sluice" build rate.sql -o rate > out.log 2> err.log &&
    timeout 30 ./rate --max-batches 2 > out.log 2> err.log &&
    [[ $(grep -c '^Batch: ' out.log) == 2 ]] && grep -q '^|    0|$' out.log &&
    grep -q '^|    1|$' out.log && ! grep -q '^|    2|$' <(sed -n '1,/^Batch: 1/p' out.log); then
    ok
else
    bad "rate with ramp-up"
fi

# ---- socket: two groups of lines, then the server closes: exit 0 ----
printf 'the cat\nsat on\r\nthe mat' > lines.txt
cat > sock.sql << 'EOF'
CREATE SOURCE lines WITH (connector = 'socket', host = 'localhost', port = PORT);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT value, length(value) AS n FROM lines WITH (name = 'echo');
EOF
python3 "$server" lines.txt --group 2 --pause 1 --port-file port.txt > /dev/null &
server_pid=$!
for _ in $(seq 100); do [[ -s port.txt ]] && break; sleep 0.05; done
port=$(cat port.txt)
sed "s/PORT/$port/" sock.sql > sock_port.sql
cat > sock.want << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+-------+---+
|  value|  n|
+-------+---+
|the cat|  7|
| sat on|  6|
+-------+---+

-------------------------------------------
Batch: 1
-------------------------------------------
+-------+---+
|  value|  n|
+-------+---+
|the mat|  7|
+-------+---+

EOF
rc=0
"$sluice" build sock_port.sql -o sock > out.log 2> err.log && timeout 30 ./sock > out.log 2> err.log || rc=$?
wait "$server_pid" || true
server_pid=
if [[ $rc == 0 ]] && cmp -s out.log sock.want &&
    grep -q '^WARN: The socket source should not be used for production applications! It does not support recovery.$' err.log &&
    grep -q "^WARN: Stream closed by localhost:$port$" err.log; then
    ok
else
    diff -u sock.want out.log >&2 || true
    bad "socket lines until the server closes (exit $rc)"
fi

# ---- socket: nobody listens (the port of the finished server) -> exit 1 ----
rc=0
timeout 30 ./sock > out.log 2> err.log || rc=$?
if [[ $rc == 1 ]] && [[ ! -s out.log ]] &&
    grep -q "^error: query 'echo' failed: source 'lines': cannot connect to socket localhost:$port: Connection refused$" err.log; then
    ok
else
    bad "socket connection refused (exit $rc)"
fi

# ---- socket with a checkpoint whose last batch was never committed: the restart gives that
# batch up (its data went with the old connection) and runs the new lines under its id ----
serve() { # serve FILE: start a line server on FILE, set $port
    rm -f port.txt
    python3 "$server" "$1" --port-file port.txt > /dev/null &
    server_pid=$!
    for _ in $(seq 100); do [[ -s port.txt ]] && break; sleep 0.05; done
    port=$(cat port.txt)
}
printf 'one\ntwo\n' > first.txt
printf 'three\n' > second.txt
rc=0
serve first.txt
sed "s/PORT/$port/" sock.sql > ck1.sql
"$sluice" build ck1.sql -o ck1 > out.log 2> err.log && timeout 30 ./ck1 --checkpoint ck > out.log 2> err.log || rc=$?
wait "$server_pid" || true
last=$(ls ck/echo/commits | sort -n | tail -1)
rm -f "ck/echo/commits/$last"
serve second.txt
sed "s/PORT/$port/" sock.sql > ck2.sql
[[ $rc != 0 ]] || { "$sluice" build ck2.sql -o ck2 > out.log 2> err.log && timeout 30 ./ck2 --checkpoint ck > out.log 2> err.log; } || rc=$?
wait "$server_pid" || true
server_pid=
if [[ $rc == 0 ]] && grep -q "^Batch: $last\$" out.log && grep -q '^|three|  5|$' out.log &&
    [[ -f ck/echo/commits/$last ]] && grep -q "cannot resume from checkpoint" err.log; then
    ok
else
    bad "socket restart after an uncommitted batch (exit $rc)"
fi

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
