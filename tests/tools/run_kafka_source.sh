#!/usr/bin/env bash
# run_kafka_source.sh - the kafka source end to end against tests/tools/kafka_mock (librdkafka's
# mock cluster), records produced with kcat.  Whole outputs are compared with the expected text
# below: values and keys as console rows, a windowed count on an event time parsed from the
# value, startingOffsets earliest / latest / JSON, maxOffsetsPerTrigger split over partitions
# (Spark's rateLimit) with the offsets of each batch, a topic created while a subscribePattern
# query runs, a restart from the checkpoint without duplicates, progress (description,
# offsets, offsets-behind-latest metrics), and the failures: an unreachable broker (bounded
# retries, exit 1, the servers named), a topic that does not exist (no batch, as Spark) and
# options only the runtime can check (Spark's messages), and includeHeaders: the headers column
# on the console and copied by a query into a kafka sink, read back with kcat; a UNION ALL of two
# kafka sources (one offsets line each) restarted.
#
#   run_kafka_source.sh <sluice> <kafka_mock>
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <sluice> <kafka_mock>" >&2
  exit 2
fi
# shellcheck source=test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_kafka_test kafka_source "$1" "$2" --topic lines:2 --topic clicks:1 --topic split:2 --topic late:1 --topic few:1 \
  --topic delay:1 --topic stamped:1 --topic page_views:1 --topic gone:1 --topic orders:1 \
  --topic hdrs:1 --topic hdrs_out:1 --topic hdrs_many:1 --topic ua:1 --topic ub:1 --topic bound:2 --topic chunks:3

# produce TOPIC PARTITION LINE...   (a line "k:v" has key k; -K: splits at the first ':')
produce() {
  local topic=$1 part=$2
  shift 2
  printf '%s\n' "$@" | kcat -P -b "$kafka_boot" -t "$topic" -p "$part" -K:
}

# query NAME OPTIONS SELECT [QUERY OPTIONS]   write NAME.sql and build ./NAME
query() {
  cat > "$1.sql" << EOF
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', $2);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console $3 FROM k ${4:-}WITH (name = 'q', checkpointLocation = '$1.ck'${5:-});
EOF
  "$sluice" build "$1.sql" -o "$1" > /dev/null
}

# ---- values and keys; every partition of every topic, in the order of Spark's input partitions
#      (tests/tools/spark_kafka_order.py fresh: lines-0, clicks-0, lines-1) ----
produce lines 0 'a:hello' 'b:world' ':empty key'
produce lines 1 'c:x1'
printf 'no key\n' | kcat -P -b "$kafka_boot" -t clicks -p 0
query values "subscribe = 'lines, clicks', startingOffsets = 'earliest'" \
  "SELECT CAST(key AS STRING) AS k, CAST(value AS STRING) AS v, topic, partition, offset,
          timestampType, key, length(value) AS n, timestamp IS NOT NULL AS has_ts"
./values --trigger once --progress values.progress > values.out 2> values.err
sl_expect values values.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+----+---------+------+---------+------+-------------+----+---+------+
|k   |v        |topic |partition|offset|timestampType|key |n  |has_ts|
+----+---------+------+---------+------+-------------+----+---+------+
|a   |hello    |lines |0        |0     |0            |[61]|5  |true  |
|b   |world    |lines |0        |1     |0            |[62]|5  |true  |
|    |empty key|lines |0        |2     |0            |[]  |9  |true  |
|NULL|no key   |clicks|0        |0     |0            |NULL|6  |true  |
|c   |x1       |lines |1        |0     |0            |[63]|2  |true  |
+----+---------+------+---------+------+-------------+----+---+------+

EOF
# The progress of that batch: Spark's description, offsets and metrics.
sed -e 's/.*"sources":\[//' -e 's/"inputRowsPerSecond".*"metrics"/"metrics"/' -e 's/}\],"sink".*//' \
  values.progress > values.sources
sl_expect values_progress values.sources << 'EOF'
{"description":"KafkaV2[Subscribe[lines, clicks]]","startOffset":null,"endOffset":{"clicks":{"0":1},"lines":{"1":1,"0":3}},"latestOffset":{"clicks":{"0":1},"lines":{"1":1,"0":3}},"numInputRows":5,"metrics":{"avgOffsetsBehindLatest":"0.0","maxOffsetsBehindLatest":"0","minOffsetsBehindLatest":"0"}
EOF
printf 'v1\n{"clicks":{"0":0},"lines":{"1":0,"0":0}}' > initial.expected
if cmp -s <(head -c "$(wc -c < initial.expected)" values.ck/sources/0/0) initial.expected; then
  pass "initial offsets in the checkpoint"
else
  fail "initial offsets: $(cat values.ck/sources/0/0)"
fi

# ---- restart from the checkpoint: only what arrived since ----
produce lines 1 'd:after restart'
./values --trigger once > restart.out 2> restart.err
sl_expect restart restart.out << 'EOF'
-------------------------------------------
Batch: 1
-------------------------------------------
+---+-------------+-----+---------+------+-------------+----+---+------+
|k  |v            |topic|partition|offset|timestampType|key |n  |has_ts|
+---+-------------+-----+---------+------+-------------+----+---+------+
|d  |after restart|lines|1        |1     |0            |[64]|13 |true  |
+---+-------------+-----+---------+------+-------------+----+---+------+

EOF
./values --trigger once > restart2.out 2> restart2.err
if [[ ! -s restart2.out ]]; then pass "nothing new: no batch"; else fail "a batch without new data: $(cat restart2.out)"; fi

# ---- a batch whose commit was lost runs again over exactly its logged range, not what
#      arrived since; the next batch takes the rest ----
produce lines 0 'e:extra'
rm values.ck/commits/1
./values --trigger once > replay.out 2> replay.err
./values --trigger once >> replay.out 2>> replay.err
sl_expect replay replay.out << 'EOF'
-------------------------------------------
Batch: 1
-------------------------------------------
+---+-------------+-----+---------+------+-------------+----+---+------+
|k  |v            |topic|partition|offset|timestampType|key |n  |has_ts|
+---+-------------+-----+---------+------+-------------+----+---+------+
|d  |after restart|lines|1        |1     |0            |[64]|13 |true  |
+---+-------------+-----+---------+------+-------------+----+---+------+

-------------------------------------------
Batch: 2
-------------------------------------------
+---+-----+-----+---------+------+-------------+----+---+------+
|k  |v    |topic|partition|offset|timestampType|key |n  |has_ts|
+---+-----+-----+---------+------+-------------+----+---+------+
|e  |extra|lines|0        |3     |0            |[65]|5  |true  |
+---+-----+-----+---------+------+-------------+----+---+------+

EOF

# ---- startingOffsets latest (the default): only records produced after the start ----
query latest "subscribe = 'late'" "SELECT CAST(value AS STRING) AS v, \`offset\`"
produce late 0 'k:before'
./latest --trigger once > latest1.out 2> latest1.err
produce late 0 'k:after'
./latest --trigger once > latest2.out 2> latest2.err
cat latest1.out latest2.out > latest.out
sl_expect latest latest.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+-----+------+
|v    |offset|
+-----+------+
|after|1     |
+-----+------+

EOF

# ---- startingOffsets as JSON: -2 earliest, -1 latest, an offset ----
query json "subscribe = 'lines', startingOffsets = '{\"lines\":{\"0\":1,\"1\":-1}}'" \
  "SELECT CAST(value AS STRING) AS v, partition, \`offset\`"
./json --trigger once > json.out 2> json.err
sl_expect json json.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+---------+---------+------+
|v        |partition|offset|
+---------+---------+------+
|world    |0        |1     |
|empty key|0        |2     |
|extra    |0        |3     |
+---------+---------+------+

EOF
query json_missing "subscribe = 'lines', startingOffsets = '{\"lines\":{\"0\":1}}'" "SELECT value"
rc=0
./json_missing --trigger once > json_missing.out 2> json_missing.err || rc=$?
if [[ $rc -eq 1 ]] && grep -q 'If startingOffsets contains specific offsets, you must specify all TopicPartitions' json_missing.err; then
  pass "startingOffsets JSON without every partition"
else
  fail "startingOffsets JSON without every partition: exit $rc, $(cat json_missing.err)"
fi

# ---- failOnDataLoss: a start beyond the partition's end (offsets that are gone) ----
produce gone 0 'g:0' 'g:1' 'g:2'
query lossy "subscribe = 'gone', startingOffsets = '{\"gone\":{\"0\":50}}'" "SELECT CAST(value AS STRING) AS v, offset"
rc=0
./lossy --trigger once > lossy.out 2> lossy.err || rc=$?
if [[ $rc -eq 1 ]] && grep -qF "source 'k': Partition gone-0's offset was changed from 50 to 3, some data may have been missed. " lossy.err &&
  grep -qF 'set the
 source option "failOnDataLoss" to "false".' lossy.err; then
  pass "failOnDataLoss = true"
else
  fail "failOnDataLoss = true: exit $rc: $(cat lossy.err)"
fi
query lossy_ok "subscribe = 'gone', failOnDataLoss = false, startingOffsets = '{\"gone\":{\"0\":50}}'" \
  "SELECT CAST(value AS STRING) AS v, offset"
./lossy_ok --trigger once > lossy_ok1.out 2> lossy_ok.err
produce gone 0 'g:3'
./lossy_ok --trigger once > lossy_ok2.out 2>> lossy_ok.err
cat lossy_ok1.out lossy_ok2.out > lossy_ok.out
sl_expect lossy_ok lossy_ok.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+---+------+
|v  |offset|
+---+------+
+---+------+

-------------------------------------------
Batch: 1
-------------------------------------------
+---+------+
|v  |offset|
+---+------+
|3  |3     |
+---+------+

EOF
if grep -qF "WARN KafkaMicroBatchStream: Partition gone-0's offset was changed from 50 to 3, some data may have been missed. " lossy_ok.err &&
  grep -qF 'If you want your streaming query to fail on such cases, set the source' lossy_ok.err; then
  pass "failOnDataLoss = false warns"
else
  fail "failOnDataLoss = false warns: $(cat lossy_ok.err)"
fi

# ---- maxOffsetsPerTrigger: 4 offsets split 3 + 1 over partitions holding 6 and 2 ----
produce split 0 'a:0' 'a:1' 'a:2' 'a:3' 'a:4' 'a:5'
produce split 1 'b:0' 'b:1'
query limit "subscribe = 'split', startingOffsets = 'earliest', maxOffsetsPerTrigger = 4" \
  "SELECT CAST(value AS STRING) AS v, partition"
./limit --trigger availableNow --progress limit.progress > limit.out 2> limit.err
sl_expect limit limit.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+---+---------+
|v  |partition|
+---+---------+
|0  |0        |
|1  |0        |
|2  |0        |
|0  |1        |
+---+---------+

-------------------------------------------
Batch: 1
-------------------------------------------
+---+---------+
|v  |partition|
+---+---------+
|3  |0        |
|4  |0        |
|5  |0        |
|1  |1        |
+---+---------+

EOF
sed -e 's/.*"endOffset"://' -e 's/,"numInputRows".*"metrics"/ /' -e 's/}\],"sink".*//' limit.progress > limit.offsets
sl_expect limit_offsets limit.offsets << 'EOF'
{"split":{"1":1,"0":3}},"latestOffset":{"split":{"1":2,"0":6}} :{"avgOffsetsBehindLatest":"2.0","maxOffsetsBehindLatest":"3","minOffsetsBehindLatest":"1"}
{"split":{"1":2,"0":6}},"latestOffset":{"split":{"1":2,"0":6}} :{"avgOffsetsBehindLatest":"0.0","maxOffsetsBehindLatest":"0","minOffsetsBehindLatest":"0"}
EOF

# ---- minOffsetsPerTrigger: the first trigger runs (Spark's lastTriggerMillis starts at 0),
#      then no batch until 3 new offsets are there ----
produce few 0 'a:1' 'a:2'
query few "subscribe = 'few', startingOffsets = 'earliest', minOffsetsPerTrigger = 3, maxTriggerDelay = '1h'" \
  "SELECT CAST(value AS STRING) AS v"
./few --timeout 6 > few.out 2> few.err &
few_pid=$!
sl_at_exit "kill $few_pid 2> /dev/null || true"
for _ in $(seq 100); do
  grep -q 'Batch: 0' few.out 2> /dev/null && break
  sleep 0.1
done
produce few 0 'a:3' 'a:4'
sleep 1.5
produce few 0 'a:5'
wait $few_pid || true
sl_expect few few.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+---+
|v  |
+---+
|1  |
|2  |
+---+

-------------------------------------------
Batch: 1
-------------------------------------------
+---+
|v  |
+---+
|3  |
|4  |
|5  |
+---+

EOF

# ---- maxTriggerDelay: fewer than minOffsetsPerTrigger still run once the delay has passed ----
query delay "subscribe = 'delay', minOffsetsPerTrigger = 100, maxTriggerDelay = '1s'" \
  "SELECT CAST(value AS STRING) AS v"
./delay --timeout 4 > delay.out 2> delay.err &
delay_pid=$!
sl_at_exit "kill $delay_pid 2> /dev/null || true"
sleep 0.5
produce delay 0 'd:late but read'
wait $delay_pid || true
if grep -q '|late but read|' delay.out; then pass "maxTriggerDelay"; else fail "maxTriggerDelay: $(cat delay.out delay.err)"; fi

# ---- startingTimestamp: the offsets are looked up by time (offsetsForTimes).  librdkafka's mock
#      cluster keeps no time index (it answers -1 for every timestamp), so this checks Spark's
#      failure when no offset matches (strategy "error", the default) ----
produce stamped 0 'o:old'
query stamped "subscribe = 'stamped', startingTimestamp = 1700000000000" "SELECT CAST(value AS STRING) AS v"
rc=0
./stamped --trigger once > stamped.out 2> stamped.err || rc=$?
if [[ $rc -eq 1 && ! -s stamped.out ]] &&
  grep -qF "No offset matched from request of topic-partition stamped-0 and timestamp 1700000000000." stamped.err; then
  pass "startingTimestamp without a match"
else
  fail "startingTimestamp without a match: exit $rc: $(cat stamped.err)"
fi

# ---- a windowed count on an event time parsed from the value ----
produce clicks 0 'u1:2024-01-01 10:00:01,home' 'u2:2024-01-01 10:00:04,cart' 'u1:2024-01-01 10:00:12,home'
query windows "subscribe = 'clicks', startingOffsets = 'earliest'" \
  "SELECT window(CAST(substring(CAST(value AS STRING), 1, 19) AS TIMESTAMP), '10 seconds') AS w,
          count(*) AS n" \
  "WHERE CAST(value AS STRING) LIKE '2024%' GROUP BY window(CAST(substring(CAST(value AS STRING), 1, 19) AS TIMESTAMP), '10 seconds') " \
  ", outputMode = 'complete'"
./windows --trigger once > windows.out 2> windows.err
sl_expect windows windows.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+------------------------------------------+---+
|w                                         |n  |
+------------------------------------------+---+
|{2024-01-01 10:00:00, 2024-01-01 10:00:10}|2  |
|{2024-01-01 10:00:10, 2024-01-01 10:00:20}|1  |
+------------------------------------------+---+

EOF

# ---- examples/kafka_page_views.sql against the mock cluster ----
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
sed "s/localhost:9092/$kafka_boot/" "$root/examples/kafka_page_views.sql" > page_views.sql
"$sluice" build page_views.sql -o page_views > /dev/null
produce page_views 0 ':2024-01-01 10:00:01,/home' ':2024-01-01 10:00:31,/cart' ':2024-01-01 10:00:59,/home' \
  ':2024-01-01 10:01:00,/home'
./page_views --trigger once > page_views.out 2> page_views.err
sl_expect example page_views.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+------------------------------------------+-----+-----+
|minute                                    |page |views|
+------------------------------------------+-----+-----+
|{2024-01-01 10:00:00, 2024-01-01 10:01:00}|/home|2    |
|{2024-01-01 10:00:00, 2024-01-01 10:01:00}|/cart|1    |
|{2024-01-01 10:01:00, 2024-01-01 10:02:00}|/home|1    |
+------------------------------------------+-----+-----+

EOF

# ---- JSON values through from_json ----
produce orders 0 'o1:{"id":1,"item":"tea","qty":2}' 'o2:{"id":2,"item":"cake","qty":"many"}' 'o3:not json'
query orders "subscribe = 'orders', startingOffsets = 'earliest'" \
  "SELECT CAST(key AS STRING) AS k, from_json(CAST(value AS STRING), 'id INT, item STRING, qty INT') AS o,
          from_json(CAST(value AS STRING), 'id INT, item STRING, qty INT').item AS item"
./orders --trigger once > orders.out 2> orders.err
sl_expect orders orders.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+---+------------------+----+
|k  |o                 |item|
+---+------------------+----+
|o1 |{1, tea, 2}       |tea |
|o2 |{2, cake, NULL}   |cake|
|o3 |{NULL, NULL, NULL}|NULL|
+---+------------------+----+

EOF

# ---- subscribePattern: a topic created while the query runs is read from its start ----
produce pat-a 0 'a:first'
query pattern "subscribePattern = 'pat-.*', startingOffsets = 'earliest'" \
  "SELECT CAST(value AS STRING) AS v, topic"
./pattern --progress pattern.progress > pattern.out 2> pattern.err &
pattern_pid=$!
sl_at_exit "kill $pattern_pid 2> /dev/null || true"
for _ in $(seq 100); do
  grep -q first pattern.out 2> /dev/null && break
  sleep 0.1
done
sl_kafka_cmd "topic pat-b 1" > /dev/null
produce pat-b 0 'b:second'
for _ in $(seq 100); do
  grep -q second pattern.out 2> /dev/null && break
  sleep 0.1
done
kill -TERM $pattern_pid
wait $pattern_pid || true
# (the new topic's partition may show up before its record: a batch without rows, as Spark's)
grep '^|' pattern.out | grep -v '^|v  *|topic *|$' | sort > pattern.rows
sl_expect pattern pattern.rows << 'EOF'
|first|pat-a|
|second|pat-b|
EOF
if grep -q '"description":"KafkaV2\[SubscribePattern\[pat-\.\*\]\]"' pattern.progress; then
  pass "pattern description"
else
  fail "pattern description: $(head -c 600 pattern.progress)"
fi

# ---- a topic that does not exist: no partitions, no batch (Spark waits the same way) ----
query missing "subscribe = 'no-such-topic'" "SELECT value"
rc=0
./missing --trigger once > missing.out 2> missing.err || rc=$?
if [[ $rc -eq 0 && ! -s missing.out ]]; then pass "missing topic"; else fail "missing topic: exit $rc $(cat missing.err)"; fi

# ---- an unreachable broker: bounded retries, then the servers named, exit 1 ----
cat > down.sql << 'EOF'
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '127.0.0.1:1', subscribe = 't',
                      'fetchOffset.numRetries' = 2, 'fetchOffset.retryIntervalMs' = 100,
                      'kafkaConsumer.pollTimeoutMs' = 500);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT value FROM k;
EOF
"$sluice" build down.sql -o down > /dev/null
rc=0
start=$(date +%s)
timeout 30 ./down --trigger once > down.out 2> down.err || rc=$?
took=$(($(date +%s) - start))
if [[ $rc -eq 1 && $took -lt 10 ]] &&
  grep -q "cannot reach the Kafka brokers 127.0.0.1:1 (kafka.bootstrap.servers) after 2 attempts" down.err; then
  pass "unreachable broker"
else
  fail "unreachable broker: exit $rc after ${took}s: $(cat down.err)"
fi

# ---- options the executable checks when it starts (their values): Spark's messages ----
runtime_refusal() { # NAME OPTIONS MESSAGE
  cat > "$1.sql" << EOF
CREATE SOURCE k WITH (connector = 'kafka', $2);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT value FROM k;
EOF
  "$sluice" build "$1.sql" -o "$1" > /dev/null
  local rc=0
  "./$1" --trigger once > "$1.out" 2> "$1.err" || rc=$?
  if [[ $rc -eq 1 ]] && grep -qF "$3" "$1.err"; then pass "$1"; else fail "$1: exit $rc: $(cat "$1.err")"; fi
}
runtime_refusal empty_subscribe "'kafka.bootstrap.servers' = '$kafka_boot', subscribe = ' , '" \
  "No topics to subscribe to as specified value for option 'subscribe' is ' , '"
runtime_refusal bad_assign "'kafka.bootstrap.servers' = '$kafka_boot', assign = 'lines'" \
  "No topicpartitions to assign as specified value for option 'assign' is 'lines'"
runtime_refusal bad_offsets_json "'kafka.bootstrap.servers' = '$kafka_boot', subscribe = 'lines', startingOffsets = '{\"lines\":'" \
  'Expected e.g. {"topicA":{"0":23,"1":-1},"topicB":{"0":-2}}, got {"lines":'
runtime_refusal min_above_max "'kafka.bootstrap.servers' = '$kafka_boot', subscribe = 'lines', minOffsetsPerTrigger = 5, maxOffsetsPerTrigger = 2" \
  "The value of minOffsetPerTrigger(5) is higher than the maxOffsetsPerTrigger(2)."
runtime_refusal bad_librdkafka_option "'kafka.bootstrap.servers' = '$kafka_boot', subscribe = 'lines', 'kafka.no.such.property' = '1'" \
  "option 'kafka.no.such.property': No such configuration property"

# ---- includeHeaders: the headers column (ARRAY<STRUCT<key: STRING, value: BINARY>>) ----
# Headers in their order (a repeated name kept), an empty value, a null value (kcat's -H
# without '='), a record without headers: a NULL array (KafkaRecordToRowConverter).
kcat -P -b "$kafka_boot" -t hdrs -p 0 -K: -H a=val -H e= -H a=2 <<< 'k1:v1'
kcat -P -b "$kafka_boot" -t hdrs -p 0 -K: <<< 'k2:no headers'
kcat -P -b "$kafka_boot" -t hdrs -p 0 -K: -H n -H 'sp=x y' <<< 'k3:v3'
query headers "subscribe = 'hdrs', startingOffsets = 'earliest', includeHeaders = true" \
  "SELECT CAST(key AS STRING) AS k, headers, size(headers) AS n, headers[0].key AS k0,
          CAST(headers[0].value AS STRING) AS v0, headers[0].value IS NULL AS v0_null"
./headers --trigger once > headers.out 2> headers.err
sl_expect headers headers.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+---+-------------------------------------+---+----+----+-------+
|k  |headers                              |n  |k0  |v0  |v0_null|
+---+-------------------------------------+---+----+----+-------+
|k1 |[{a, [76 61 6C]}, {e, []}, {a, [32]}]|3  |a   |val |false  |
|k2 |NULL                                 |-1 |NULL|NULL|true   |
|k3 |[{n, NULL}, {sp, [78 20 79]}]        |2  |n   |NULL|true   |
+---+-------------------------------------+---+----+----+-------+

EOF
# More records than one chunk of rows (the headers' datums of each chunk in one array).
seq 1 5000 | kcat -P -b "$kafka_boot" -t hdrs_many -p 0 -H h=x -H i=yz
query headers_many "subscribe = 'hdrs_many', startingOffsets = 'earliest', includeHeaders = true" \
  "SELECT count(*) AS n, sum(size(headers)) AS h, min(headers[1].key) AS k1,
          max(CAST(headers[1].value AS STRING)) AS v1max, min(CAST(headers[1].value AS STRING)) AS v1min,
          sum(CAST(CAST(value AS STRING) AS INT)) AS s" \
  "" ", outputMode = 'complete'"
./headers_many --trigger once > headers_many.out 2> headers_many.err
sl_expect headers_many headers_many.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+----+-----+---+-----+-----+--------+
|n   |h    |k1 |v1max|v1min|s       |
+----+-----+---+-----+-----+--------+
|5000|10000|i  |yz   |yz   |12502500|
+----+-----+---+-----+-----+--------+

EOF
# Without includeHeaders the schema has no headers column.
cat > noheaders.sql << EOF
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', subscribe = 'hdrs');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT headers FROM k WITH (name = 'q', checkpointLocation = 'noheaders.ck');
EOF
if ! "$sluice" build noheaders.sql -o noheaders > noheaders.out 2>&1 && grep -q headers noheaders.out; then
  pass "no headers column without includeHeaders"
else
  fail "no headers column without includeHeaders: $(cat noheaders.out)"
fi
# A query copies key, value and headers into a kafka sink: the records read back are the
# records read, byte for byte (kcat's %h: name=value, a null value as NULL).
cat > hcopy.sql << EOF
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', subscribe = 'hdrs',
  startingOffsets = 'earliest', includeHeaders = true);
CREATE SINK out WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', topic = 'hdrs_out');
INSERT INTO out SELECT key, value, headers FROM k WITH (name = 'q', checkpointLocation = 'hcopy.ck');
EOF
"$sluice" build hcopy.sql -o hcopy > /dev/null
./hcopy --trigger once > hcopy.out 2> hcopy.err
kcat -C -b "$kafka_boot" -t hdrs -o beginning -e -q -f '%k|%s|%h\n' > hdrs.read
kcat -C -b "$kafka_boot" -t hdrs_out -o beginning -e -q -f '%k|%s|%h\n' > hdrs_out.read
sl_expect headers_in hdrs.read << 'EOF'
k1|v1|a=val,e=,a=2
k2|no headers|
k3|v3|n=NULL,sp=x y
EOF
if cmp -s hdrs.read hdrs_out.read; then
  pass "headers copied by a kafka sink"
else
  fail "headers copied by a kafka sink:"$'\n'"$(diff hdrs.read hdrs_out.read)"$'\n'"$(cat hcopy.err)"
fi

# ---- assign: the listed partitions only ----
query assign "assign = '{\"lines\":[1]}', startingOffsets = 'earliest'" "SELECT CAST(value AS STRING) AS v, partition"
./assign --trigger once --progress assign.progress > assign.out 2> assign.err
sl_expect assign assign.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+-------------+---------+
|v            |partition|
+-------------+---------+
|x1           |1        |
|after restart|1        |
+-------------+---------+

EOF
if grep -q '"description":"KafkaV2\[Assign\[lines-1\]\]"' assign.progress; then pass "assign description"; else fail "assign description"; fi

# ---- UNION ALL of two kafka sources: one offsets line each; a restart reads only what is new ----
produce ua 0 'a:one' 'b:two'
produce ub 0 'c:three'
cat > union.sql << EOF
CREATE SOURCE ka WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot',
                       subscribe = 'ua', startingOffsets = 'earliest');
CREATE SOURCE kb WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot',
                       subscribe = 'ub', startingOffsets = 'earliest');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT CAST(value AS STRING) AS v, topic FROM ka
UNION ALL SELECT CAST(value AS STRING), topic FROM kb
WITH (name = 'q', checkpointLocation = 'union.ck');
EOF
"$sluice" build union.sql -o union > /dev/null
./union --trigger once > union.out 2> union.err
produce ub 0 'd:four'
./union --trigger once >> union.out 2>> union.err
sl_expect union union.out << 'EOF'
-------------------------------------------
Batch: 0
-------------------------------------------
+-----+-----+
|v    |topic|
+-----+-----+
|one  |ua   |
|two  |ua   |
|three|ub   |
+-----+-----+

-------------------------------------------
Batch: 1
-------------------------------------------
+----+-----+
|v   |topic|
+----+-----+
|four|ub   |
+----+-----+

EOF
sed -n 3,4p union.ck/offsets/1 > union.offsets
sl_expect union_offsets union.offsets << 'EOF'
{"ua":{"0":2}}
{"ub":{"0":2}}
EOF


# ---- batch boundaries: a batch reads exactly its logged range even when the partitions hold
#      more (records fetched beyond its end are dropped and read by the next batch), across
#      restarts from the checkpoint ----
# batches_check OUT CHECKPOINT: the console batches in OUT against the offsets log: every
# batch's rows are exactly the offsets of its range (from the previous batch's end, or 0),
# each once, a record's value its offset (an independent reading of the log, in python).
batches_check() {
  python3 - "$1" "$2" << 'PY'
import json, os, re, sys
out, ck = sys.argv[1], sys.argv[2]
batches, cur = {}, None
for line in open(out):
    m = re.match(r'Batch: (\d+)', line)
    if m:
        cur = int(m.group(1))
        batches[cur] = []
    elif line.startswith('|') and not line.startswith('|partition'):
        p, o, v = [c.strip() for c in line.strip().strip('|').split('|')]
        batches[cur].append((int(p), int(o), v))
def ends(n):  # offsets/N: v1, the batch metadata, then the source's end offsets
    text = open(os.path.join(ck, 'offsets', str(n))).read().split('\n')
    return {int(p): o for t in json.loads(text[2]).values() for p, o in t.items()}
prev, bad, seen = {}, [], set()
for n in sorted(batches):
    end = ends(n)
    want = sorted((p, o, str(o)) for p in end for o in range(prev.get(p, 0), end[p]))
    got = sorted(batches[n])
    if got != want:
        bad.append('batch %d: %d rows, want %d (%s...)' % (n, len(got), len(want), got[:3]))
    seen.update((p, o) for p, o, _ in got)
    prev = end
print(len(batches), 'batches', len(seen), 'records', '; '.join(bad) or 'exact')
PY
}
# 30 records in partition 0, 10 in partition 1, maxOffsetsPerTrigger 8: Spark's rateLimit
# gives each batch 6 offsets of partition 0 and 2 of partition 1 (8 * 30/40 and 8 * 10/40,
# then the same shares of what is left): 5 batches; two restarts, then availableNow.
seq 0 29 | kcat -P -b "$kafka_boot" -t bound -p 0
seq 0 9 | kcat -P -b "$kafka_boot" -t bound -p 1
query bound "subscribe = 'bound', startingOffsets = 'earliest', maxOffsetsPerTrigger = 8" \
  "SELECT partition, offset, CAST(value AS STRING) AS v"
./bound --trigger availableNow --max-batches 1 > bound.out 2> bound.err
./bound --trigger availableNow --max-batches 1 >> bound.out 2>> bound.err
./bound --trigger availableNow >> bound.out 2>> bound.err
result=$(batches_check bound.out bound.ck)
if [[ $result == "5 batches 40 records exact" ]]; then pass "batch boundaries"; else fail "batch boundaries: $result"; fi
awk 'FNR == 3' bound.ck/offsets/0 bound.ck/offsets/1 bound.ck/offsets/4 > bound.ends
sl_expect bound_offsets bound.ends << 'EOF'
{"bound":{"1":2,"0":6}}
{"bound":{"1":4,"0":12}}
{"bound":{"1":10,"0":30}}
EOF
# Ranges that end inside Kafka's record batches and span several chunks of rows: 3 partitions
# of 9000 records in record batches of 100, 10000 offsets a batch (3333 of each partition), a
# restart after the first.
for p in 0 1 2; do seq 0 8999 | kcat -P -b "$kafka_boot" -t chunks -p "$p" -X batch.num.messages=100; done
cat > chunks.sql << EOF
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', subscribe = 'chunks',
                      startingOffsets = 'earliest', maxOffsetsPerTrigger = 10000);
CREATE SINK console WITH (connector = 'console', numRows = 100000);
INSERT INTO console SELECT partition, offset, CAST(value AS STRING) AS v FROM k
WITH (name = 'q', checkpointLocation = 'chunks.ck');
EOF
"$sluice" build chunks.sql -o chunks > /dev/null
./chunks --trigger availableNow --max-batches 1 > chunks.out 2> chunks.err
./chunks --trigger availableNow >> chunks.out 2>> chunks.err
result=$(batches_check chunks.out chunks.ck)
if [[ $result == "3 batches 27000 records exact" ]]; then
  pass "batch boundaries inside record batches"
else
  fail "batch boundaries inside record batches: $result"
fi
# The same records in one batch through queues of at most 500 records (kafka.queued.min.messages;
# fetches of about 10 kB): librdkafka stops fetching a full queue and, without the source's
# wake-up, looks again up to a second later (18 refills a partition: 6 s here without it, 0.6 s
# with it); all of them exactly, in less than 4 s.
sed -e "s/maxOffsetsPerTrigger = 10000/'kafka.queued.min.messages' = '500', 'kafka.fetch.message.max.bytes' = '10000'/" \
  -e 's/chunks.ck/small_queues.ck/' \
  chunks.sql > small_queues.sql
"$sluice" build small_queues.sql -o small_queues > /dev/null
start=$(date +%s)
./small_queues --trigger availableNow > small_queues.out 2> small_queues.err
took=$(($(date +%s) - start))
result=$(batches_check small_queues.out small_queues.ck)
if [[ $result == "1 batches 27000 records exact" && $took -lt 4 ]]; then
  pass "small librdkafka queues"
else
  fail "small librdkafka queues: $result in ${took}s"
fi
sl_test_end
