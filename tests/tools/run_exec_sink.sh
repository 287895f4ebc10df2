#!/usr/bin/env bash
# run_exec_sink.sh - the exec sink (sluice's foreachBatch) end to end: the JSON Lines and batch
# ids a command sees (no-data batches included), its environment, a failing command stopping
# the query with the batch uncommitted and the restart re-running that batch with the same
# rows, a command killed by a signal, a command that stops reading (SIGPIPE), and data that
# looks like shell syntax reaching the command only as data.
#
#   run_exec_sink.sh <sluice>
set -euo pipefail
export LC_ALL=C
sluice=$(realpath "$1")
. "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_test_begin exec_sink
cd "$tmp"

# expect_file NAME WANT GOT: whole files byte for byte.
expect_file() {
    if cmp -s "$2" "$3"; then
        pass "$1"
    else
        fail "$1: output differs"
        diff -u --label want --label got "$2" "$3" >&2 || true
    fi
}

# build_run NAME: build NAME.sql, run it to the end (availableNow): $rc, out.log, err.log.
build_run() {
    "$sluice" build "$1.sql" -o "$1"
    rc=0
    timeout 60 "./$1" --trigger availableNow > out.log 2> err.log || rc=$?
}

# ---- rows, batch ids, environment; a no-data batch runs the command with no input ----
mkdir data
printf '%s\n' '{"time":"2024-01-01T00:00:00Z","action":"Open"}' \
    '{"time":"2024-01-01T00:20:00Z","action":"Close"}' > data/a.json
printf '%s\n' '{"time":"2024-01-01T00:40:00Z","action":"Open"}' > data/b.json
cat > record.sh << 'EOF'
# Appends what one batch brought: the variables, then the rows.
{
    echo "batch=$SLUICE_BATCH_ID sink=$SLUICE_SINK query=$SLUICE_QUERY_ID"
    cat
} >> "$OUT"
EOF
cat > windows.sql << EOF
CREATE SOURCE events (time TIMESTAMP, action STRING,
                      WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK each WITH (connector = 'exec', command = 'OUT=$tmp/seen.txt sh $tmp/record.sh');
INSERT INTO each
SELECT window(time, '10 minutes') AS w, count(*) AS n, max(action) AS last FROM events
GROUP BY window(time, '10 minutes')
WITH (outputMode = 'append', checkpointLocation = 'ck');
EOF
build_run windows
[[ $rc -eq 0 ]] && pass "windowed query exits 0" || fail "windowed query exited $rc: $(cat err.log)"
qid=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' ck/metadata | head -n 1)
[[ -n $qid ]] || fail "no query id in ck/metadata"
# Batch 0 (a.json) finalizes nothing; batch 1 (b.json) the 00:00 window; batch 2 has no data
# and evicts the 00:20 window as the watermark moved to 00:30 (Spark's no-data batch).
cat > seen.want << EOF
batch=0 sink=each query=$qid
batch=1 sink=each query=$qid
{"w":{"start":"2024-01-01T00:00:00.000Z","end":"2024-01-01T00:10:00.000Z"},"n":1,"last":"Open"}
batch=2 sink=each query=$qid
{"w":{"start":"2024-01-01T00:20:00.000Z","end":"2024-01-01T00:30:00.000Z"},"n":1,"last":"Close"}
EOF
expect_file "rows and batch ids, no-data batch included" seen.want seen.txt

# ---- a failing command stops the query, the batch stays uncommitted, restart re-runs it ----
rm -rf data ck seen.txt && mkdir data
for i in 1 2 3; do
    printf '{"id":%d,"s":"row %d"}\n{"id":%d,"s":"row %d"}\n' $((i * 10)) $((i * 10)) \
        $((i * 10 + 1)) $((i * 10 + 1)) > "data/f$i.json"
    touch -d "2024-01-01 00:00:0$i" "data/f$i.json"
done
cat > gate.sh << 'EOF'
# Records the batch, then fails batch 1 until the file "open" exists.
{ echo "batch=$SLUICE_BATCH_ID"; cat; } >> "$OUT"
[ "$SLUICE_BATCH_ID" != 1 ] || [ -e "$GATE" ]
EOF
cat > gate.sql << EOF
CREATE SOURCE rows (id INT, s STRING)
  WITH (connector = 'files', path = 'data', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK each WITH (connector = 'exec',
                       command = 'OUT=$tmp/seen.txt GATE=$tmp/open sh $tmp/gate.sh');
INSERT INTO each SELECT id, upper(s) AS s FROM rows WHERE id % 2 = 0 OR id > 30
WITH (checkpointLocation = 'ck');
EOF
build_run gate
[[ $rc -ne 0 && $rc -ne 124 ]] && pass "failing command: exit $rc" || fail "failing command: exit $rc"
grep -q "exec sink 'each': batch 1: the command exited with status 1: OUT=" err.log &&
    pass "failing command: the error names sink, batch, status and command" ||
    fail "failing command: message: $(cat err.log)"
[[ -e ck/commits/0 && ! -e ck/commits/1 ]] && pass "failing command: batch 1 not committed" ||
    fail "failing command: commits are $(ls ck/commits)"
touch open
rc=0
timeout 60 ./gate --trigger availableNow > out.log 2> err.log || rc=$?
[[ $rc -eq 0 ]] && pass "restart after the failure exits 0" || fail "restart exited $rc: $(cat err.log)"
cat > seen.want << 'EOF'
batch=0
{"id":10,"s":"ROW 10"}
batch=1
{"id":20,"s":"ROW 20"}
batch=1
{"id":20,"s":"ROW 20"}
batch=2
{"id":30,"s":"ROW 30"}
{"id":31,"s":"ROW 31"}
EOF
expect_file "restart re-runs batch 1 with the same rows" seen.want seen.txt

# ---- a command killed by a signal ----
rm -rf ck
cat > killed.sql << 'EOF'
CREATE SOURCE rows (id INT, s STRING) WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK each WITH (connector = 'exec', command = 'cat > /dev/null; kill -9 $$');
INSERT INTO each SELECT id FROM rows;
EOF
build_run killed
[[ $rc -ne 0 && $rc -ne 124 ]] && grep -q "batch 0: the command was killed by signal 9 (Killed): cat" err.log &&
    pass "killed command: exit $rc, signal named" || fail "killed command: exit $rc: $(cat err.log)"

# ---- a command that reads one line of a large batch: SIGPIPE is not the program's death ----
rm -rf data && mkdir data
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "{\"id\":%d,\"s\":\"%0100d\"}\n", i, i }' > data/big.json
cat > head.sql << EOF
CREATE SOURCE rows (id INT, s STRING) WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK each WITH (connector = 'exec', command = 'head -n 1 > $tmp/first.txt');
INSERT INTO each SELECT id FROM rows;
EOF
build_run head
[[ $rc -eq 0 && $(cat first.txt) == '{"id":0}' ]] && pass "command reading one line of 50000: exit 0" ||
    fail "command reading one line: exit $rc, first '$(cat first.txt 2> /dev/null)': $(cat err.log)"

# ---- data that looks like shell reaches the command only as JSON on its input ----
rm -rf data && mkdir data
printf '%s\n' '{"id":1,"s":"$(touch pwned1)"}' "{\"id\":2,\"s\":\"'; touch pwned2; '\"}" \
    '{"id":3,"s":"`touch pwned3`"}' > data/x.json
cat > quote.sql << EOF
CREATE SOURCE rows (id INT, s STRING) WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK each WITH (connector = 'exec', command = 'cat > $tmp/quoted.txt');
INSERT INTO each SELECT s FROM rows;
EOF
build_run quote
cat > quoted.want << 'EOF'
{"s":"$(touch pwned1)"}
{"s":"'; touch pwned2; '"}
{"s":"`touch pwned3`"}
EOF
expect_file "shell syntax in data stays data" quoted.want quoted.txt
[[ $rc -eq 0 && ! -e pwned1 && ! -e pwned2 && ! -e pwned3 ]] && pass "nothing of the data was run" ||
    fail "exit $rc, or data was executed: $(ls)"

sl_test_end
