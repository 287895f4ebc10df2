#!/usr/bin/env bash
# run_serve.sh - an executable's HTTP server (--serve) and memory sink end to end, with curl:
# the queries list, a memory table equal to the console output of the same query (jsonl, json,
# csv), progress equal to the --progress file's records, metrics read by a strict Prometheus
# text-format parser (prom_parse.py), stopping one of two queries while the other goes on,
# a stopped query's final status, 404 / 405 / 413 JSON errors, the bearer token (401), the
# refusal to bind another address without a token, and the memory sink's checkpoint rule
# (only complete mode restarts, as Spark).
#
#   run_serve.sh <sluice>
set -euo pipefail
export LC_ALL=C
sluice=$(realpath "$1")
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$tools/test_lib.sh"
sl_test_begin serve
cd "$tmp"
command -v curl > /dev/null || { echo "serve: curl is needed" >&2; exit 1; }

# start NAME ARGS...: run ./NAME --serve 0 ARGS in the background; $pid, $port, $base.
start() {
    local name=$1
    shift
    "./$name" --serve 0 "$@" > "$name.out" 2> "$name.err" &
    pid=$!
    sl_at_exit "kill $pid 2> /dev/null"
    port=
    for _ in $(seq 100); do
        port=$(sed -n '1s|^serving http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$name.err" 2> /dev/null || true)
        [[ -n $port ]] && break
        sleep 0.1
    done
    [[ -n $port ]] || { fail "$name: no 'serving' line: $(cat "$name.err")"; sl_test_end; }
    base="http://127.0.0.1:$port"
}

# get PATH [CURL ARGS]: the body; $code the status.
get() {
    local path=$1
    shift
    code=$(curl -s -o body.txt -w '%{http_code}' "$@" "$base$path")
    cat body.txt
}

# json EXPR: evaluate a python expression over the JSON of body.txt (as j).
json() { python3 -c "import json,sys; j=json.load(open('body.txt')); print($1)"; }

# wait_batch QUERY N: until QUERY's lastBatchId is at least N (10 s at most).
wait_batch() {
    for _ in $(seq 100); do
        get /api/queries > /dev/null
        local b
        b=$(json "[q['lastBatchId'] for q in j if q['name']=='$1'][0]")
        [[ $b != None && $b -ge $2 ]] && return 0
        sleep 0.1
    done
    fail "query $1 did not reach batch $2"
}

expect() { # expect NAME WANT GOT
    if [[ "$2" == "$3" ]]; then pass "$1"; else fail "$1: want [$2] got [$3]"; fi
}

# ---- two queries over the same files: one into a memory table, one to the console ----
mkdir data
printf '%s\n' '{"time":"2024-01-01T00:00:00Z","action":"Open"}' \
    '{"time":"2024-01-01T00:20:00Z","action":"Close"}' '{"time":"2024-01-01T01:20:00Z"}' \
    > data/a.json
printf '%s\n' '{"time":"2024-01-01T00:40:00Z","action":"Open"}' \
    '{"time":"2024-01-01T01:40:00Z","action":"say \"hi\", x"}' > data/b.json
cat > two.sql << 'EOF'
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK counts WITH (connector = 'memory');
CREATE SINK shown WITH (connector = 'console', truncate = false, numRows = 100);
INSERT INTO counts
SELECT action, window(time, '1 hour') AS window, count(*) AS count FROM events
GROUP BY action, window(time, '1 hour')
WITH (name = 'counts', outputMode = 'complete');
INSERT INTO shown
SELECT action, window(time, '1 hour') AS window, count(*) AS count FROM events
GROUP BY action, window(time, '1 hour')
WITH (name = 'shown', outputMode = 'complete');
EOF
"$sluice" build two.sql -o two
start two --progress progress.jsonl
wait_batch counts 1
wait_batch shown 1

get /api/queries > /dev/null
expect "queries list" "counts memory:counts True|shown console:shown True" \
    "$(json "'|'.join('%s %s %s' % (q['name'], q['sink'], q['active']) for q in j)")"
expect "queries list: status and ids" "True" \
    "$(json "all(len(q['id'])==36 and len(q['runId'])==36 and set(q['status'])=={'message','isDataAvailable','isTriggerActive'} for q in j)")"

get /api/tables > /dev/null
expect "tables list" "counts counts 1 4 action:string,window:struct<start:timestamp,end:timestamp>,count:bigint" \
    "$(json "' '.join(str(x) for x in [j[0]['name'], j[0]['query'], j[0]['batchId'], j[0]['rows'], ','.join(c['name']+':'+c['type'] for c in j[0]['columns'])])")"
get /api/tables/counts/schema > /dev/null
expect "table schema" "counts 4" "$(json "j['name'], j['rows']" | tr -d "(),'")"

# The memory table equals the console's table of the same batch (show() text rebuilt from
# the JSON: NULL for an absent field, a window as {start, end} in local text).
curl -s -D headers.txt "$base/api/tables/counts" > table.jsonl
batch=$(tr -d '\r' < headers.txt | sed -n 's/^X-Sluice-Batch-Id: //p')
expect "X-Sluice-Batch-Id" "1" "$batch"
python3 - "$batch" > compare.txt << 'EOF'
import json, sys
batch = sys.argv[1]
out = open('two.out').read().split('-------------------------------------------\n')
block = None
for i, part in enumerate(out):
    if part == 'Batch: %s\n' % batch:
        block = out[i + 1]
console = sorted(tuple(c.strip() for c in l.strip('|').split('|'))
                 for l in block.splitlines()[3:] if l.startswith('|'))
def ts(s):
    return s[:10] + ' ' + s[11:19]
table = sorted((r.get('action', 'NULL'), '{%s, %s}' % (ts(r['window']['start']), ts(r['window']['end'])),
                str(r['count'])) for r in map(json.loads, open('table.jsonl')))
print('same' if console == table and table else 'differ:\n%s\n%s' % (console, table))
EOF
expect "memory table = console output (jsonl)" "same" "$(cat compare.txt)"
get "/api/tables/counts?format=json" > /dev/null
expect "json format: rows as the jsonl objects" "True" "$(json "[dict((c['name'], v) for c, v in zip(j['columns'], r) if v is not None) for r in j['rows']] == [json.loads(l) for l in open('table.jsonl')] and j['batchId']==1")"
get /api/tables/counts -H 'Accept: application/json' > /dev/null
expect "Accept: application/json" "True" "$(json "'rows' in j")"
get "/api/tables/counts?format=csv" > /dev/null
expect "csv of a struct column refused" "406 CSV data source does not support struct<start:timestamp,end:timestamp> data type." "$code $(json "j['error']")"
get "/api/tables/counts?format=xml" > /dev/null
expect "bad format" "400" "$code"

# ---- errors ----
get /api/tables/nope > /dev/null
expect "unknown table" "404 no table named 'nope'" "$code $(json "j['error']")"
get /api/queries/nope/status > /dev/null
expect "unknown query" "404 no query named 'nope'" "$code $(json "j['error']")"
get /api/nothing > /dev/null
expect "unknown endpoint" "404" "$code"
get /api/queries -X DELETE > /dev/null
expect "bad method" "405" "$code"
get /api/queries/counts/stop > /dev/null
expect "GET stop" "405" "$code"
head -c 10000000 /dev/zero > big.bin
code=$(curl -s -o body.txt -w '%{http_code}' -X POST --data-binary @big.bin "$base/api/queries/shown/stop" || true)
expect "10 MB request refused" "413" "$code"
code=$(curl -s -o body.txt -w '%{http_code}' -X POST -H 'Transfer-Encoding: chunked' --data-binary @big.bin "$base/api/queries/shown/stop" || true)
expect "10 MB chunked request refused" "413" "$code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/tables/$(head -c 70000 /dev/zero | tr '\0' x)" || true)
expect "70 KB URL refused" "413" "$code"

# ---- metrics ----
get /metrics > metrics.txt
if python3 "$tools/prom_parse.py" < metrics.txt > samples.json; then
    pass "metrics parse"
else
    fail "metrics do not parse"
fi
expect "metrics: rows read and table rows" "5 5 4" "$(python3 -c "
import json; s = json.load(open('samples.json'))
v = {(n, tuple(sorted(l.items()))): x for n, l, x in s}
print(v[('sluice_input_rows_total', (('query', 'counts'),))], v[('sluice_input_rows_total', (('query', 'shown'),))],
      v[('sluice_memory_table_rows', (('query', 'counts'), ('table', 'counts')))])")"
expect "metrics content type" "text/plain; version=0.0.4; charset=utf-8" \
    "$(curl -s -o /dev/null -w '%{content_type}' "$base/metrics")"

# ---- stop one query: it ends with its final status, the other goes on ----
get /api/queries/counts/stop -X POST > /dev/null
expect "stop" '200 {"name":"counts","active":false}' "$code $(cat body.txt)"
get /api/queries/counts/status > /dev/null
expect "stopped query's final status" '{"message":"Stopped","isDataAvailable":false,"isTriggerActive":false}' "$(cat body.txt)"
printf '%s\n' '{"time":"2024-01-01T02:10:00Z","action":"Open"}' > data/c.json
wait_batch shown 2
get /api/queries > /dev/null
expect "the other query goes on" "counts False 1|shown True 2" \
    "$(json "'|'.join('%s %s %s' % (q['name'], q['active'], q['lastBatchId']) for q in j)")"
get /api/tables/counts > /dev/null
expect "a stopped query's table stays" "4" "$(wc -l < body.txt | tr -d ' ')"
# Progress equals the --progress file's records of the query (oldest first).
get /api/queries/counts/progress > /dev/null
python3 -c "
import json
got = json.load(open('body.txt'))
want = [json.loads(l) for l in open('progress.jsonl') if json.loads(l)['name'] == 'counts']
print('same' if got == want and got else 'differ: %d vs %d' % (len(got), len(want)))" > cmp.txt
expect "progress = --progress records" "same" "$(cat cmp.txt)"
get "/api/queries/counts/progress?last=1" > /dev/null
expect "progress?last=1" "1 1" "$(json "len(j), j[0]['batchId']")" 
get /api/queries/counts/lastProgress > /dev/null
expect "lastProgress" "1 MemorySink 4" "$(json "j['batchId'], j['sink']['description'], j['sink']['numOutputRows']" | tr -d "(),'")"
get "/api/queries/counts/progress?last=x" > /dev/null
expect "bad last" "400" "$code"
get / > /dev/null
expect "the live page" "200" "$code"
# Stopping the last query ends the process.
get /api/queries/shown/stop -X POST > /dev/null
rc=0
wait "$pid" || rc=$?
expect "exit after the last stop" "0" "$rc"

# ---- readers racing a fast writer see whole batches: rows [10 * (b + 1 - k), 10 * (b + 1)) ----
cat > fast.sql << 'EOF'
CREATE SOURCE r WITH (connector = 'rate-micro-batch', rowsPerBatch = 10);
CREATE SINK t WITH (connector = 'memory', maxRows = 50);
INSERT INTO t SELECT value FROM r WITH (name = 'fast');
EOF
"$sluice" build fast.sql -o fast
start fast
readers=()
for k in 1 2 3; do
    (for _ in $(seq 60); do
        curl -s -D - "$base/api/tables/fast" | tr -d '\r'
        echo '=='
        curl -s "$base/metrics" > /dev/null
    done) > "reads$k.txt" &
    readers+=($!)
done
wait "${readers[@]}" || fail "a reader failed"
python3 - reads1.txt reads2.txt reads3.txt > whole.txt << 'EOF'
import json, sys
bad = n = 0
for f in sys.argv[1:]:
    for resp in open(f).read().split('==\n'):
        if not resp.strip():
            continue
        head, _, body = resp.partition('\n\n')
        b = [int(l.split(': ')[1]) for l in head.splitlines() if l.startswith('X-Sluice-Batch-Id')][0]
        vals = [json.loads(l)['value'] for l in body.splitlines()]
        n += 1
        k = len(vals) // 10
        if b < 0 and not vals:
            continue
        if len(vals) % 10 or vals != list(range(10 * (b + 1 - k), 10 * (b + 1))) or len(vals) > 50:
            bad += 1
print('whole' if n >= 150 and not bad else 'bad %d of %d' % (bad, n))
EOF
expect "concurrent readers see whole batches, at most maxRows" "whole" "$(cat whole.txt)"
if kill "$pid" 2> /dev/null; then
    wait "$pid" || true
else
    rc=0
    wait "$pid" || rc=$?
    fail "fast ended by itself ($rc) while read: $(cat fast.err)"
fi

# ---- the token ----
start two --serve-token s3cret
get /api/queries > /dev/null
expect "no token: 401" "401" "$code"
get /api/queries -H 'Authorization: Bearer s3creT' > /dev/null
expect "wrong token: 401" "401" "$code"
get /api/queries -H 'Authorization: Bearer s3cret' > /dev/null
expect "token: 200" "200" "$code"
kill "$pid"
wait "$pid" || true

# ---- binding another address ----
rc=0
./two --serve 0.0.0.0:0 > /dev/null 2> bind.err || rc=$?
expect "0.0.0.0 without a token refused" "2" "$rc"
grep -q 'needs --serve-token' bind.err && pass "refusal says why" || fail "refusal: $(cat bind.err)"
rc=0
./two --serve 'x:y' > /dev/null 2> bind.err || rc=$?
expect "bad --serve refused" "2" "$rc"

# ---- a memory sink restarts from a checkpoint in complete mode only (Spark) ----
for mode in append complete; do
    cat > ck_$mode.sql << EOF
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK t WITH (connector = 'memory');
INSERT INTO t SELECT action, count(*) AS n FROM events GROUP BY action
WITH (name = 't', outputMode = '$([[ $mode == append ]] && echo update || echo complete)',
      checkpointLocation = 'ck_$mode');
EOF
    "$sluice" build ck_$mode.sql -o run_$mode
    ./run_$mode --trigger availableNow > /dev/null
    rc=0
    ./run_$mode --trigger availableNow > /dev/null 2> ck.err || rc=$?
    if [[ $mode == append ]]; then
        expect "update mode restart refused" "1" "$rc"
        grep -q "This query does not support recovering from checkpoint location. Delete ck_append/offsets to start over." ck.err \
            && pass "Spark's message" || fail "message: $(cat ck.err)"
    else
        expect "complete mode restarts" "0" "$rc"
    fi
done

sl_test_end
