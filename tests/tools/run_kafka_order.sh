#!/usr/bin/env bash
# run_kafka_order.sh - the orders Spark 3.5's Kafka source shows with several topics and
# partitions, against tests/tools/kafka_mock: the console rows of a batch in the order of its
# input partitions (the key order of Scala's hash maps: KafkaOffsetReaderAdmin, planned here or
# read back from the offsets log), the key order of the offsets JSON in the log and the
# progress (JsonUtils.partitionOffsets), and maxOffsetsPerTrigger's rounding over uneven
# partitions (KafkaMicroBatchStream.rateLimit).  The expected orders come from
# tests/tools/spark_kafka_order.py (printed next to each).
#
#   run_kafka_order.sh <sluice> <kafka_mock>
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <sluice> <kafka_mock>" >&2
  exit 2
fi
# shellcheck source=test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_kafka_test kafka_order "$1" "$2" --topic lines:2 --topic clicks:1 --topic many:6 --topic wide:14 --topic rl:3 --topic mp:1

# produce TOPIC PARTITION VALUE...
produce() {
  local topic=$1 part=$2
  shift 2
  printf '%s\n' "$@" | kcat -P -b "$kafka_boot" -t "$topic" -p "$part"
}

# query NAME OPTIONS   write NAME.sql and build ./NAME (topic, partition, value)
query() {
  cat > "$1.sql" << EOF
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', $2);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT topic, partition, CAST(value AS STRING) AS v FROM k
WITH (name = 'q', checkpointLocation = '$1.ck');
EOF
  "$sluice" build "$1.sql" -o "$1" > /dev/null
}

# rows FILE: the data rows of a console output, one "topic partition value" a line
rows() { grep '^|' "$1" | grep -v '^|topic' | awk -F'|' '{ for (i = 2; i <= 4; i++) gsub(/ /, "", $i); print $2, $3, $4 }'; }

# ---- two topics, three partitions: fresh order [lines-0, clicks-0, lines-1]; the JSON
#      {"clicks":...,"lines":{"1":...,"0":...}}; read again from the log (commit lost): the
#      JSON's order [clicks-0, lines-1, lines-0] ----
produce lines 0 l0a l0b
produce lines 1 l1a
produce clicks 0 c0a
query two "subscribe = 'lines,clicks', startingOffsets = 'earliest'"
./two --trigger once --progress two.progress > two.out 2> two.err
rows two.out > two.rows
sl_expect two_rows two.rows << 'EOF'
lines 0 l0a
lines 0 l0b
clicks 0 c0a
lines 1 l1a
EOF
sed -e 's/.*"startOffset"://' -e 's/,"numInputRows".*//' two.progress > two.offsets
sl_expect two_progress two.offsets << 'EOF'
null,"endOffset":{"clicks":{"0":1},"lines":{"1":1,"0":2}},"latestOffset":{"clicks":{"0":1},"lines":{"1":1,"0":2}}
EOF
sed -n 3p two.ck/offsets/0 > two.log
printf 'v1\n{"clicks":{"0":0},"lines":{"1":0,"0":0}}' > two.initial
sl_expect two_log two.log << 'EOF'
{"clicks":{"0":1},"lines":{"1":1,"0":2}}
EOF
if cmp -s <(head -c "$(wc -c < two.initial)" two.ck/sources/0/0) two.initial; then
  pass "initial offsets in Spark's order"
else
  fail "initial offsets: $(cat two.ck/sources/0/0)"
fi
rm two.ck/commits/0
./two --trigger once > replay.out 2> replay.err
rows replay.out > replay.rows
sl_expect replay_rows replay.rows << 'EOF'
clicks 0 c0a
lines 1 l1a
lines 0 l0a
lines 0 l0b
EOF

# ---- six partitions (a hash trie): [2, 1, 0, 4, 3, 5]; the JSON's partitions 2,5,4,1,3,0 ----
for p in 0 1 2 3 4 5; do produce many "$p" "m$p"; done
query many "subscribe = 'many', startingOffsets = 'earliest'"
./many --trigger once --progress many.progress > many.out 2> many.err
rows many.out | awk '{print $2}' | paste -sd' ' > many.rows
sl_expect many_rows many.rows <<< '2 1 0 4 3 5'
sed -e 's/.*"endOffset"://' -e 's/,"latestOffset".*//' many.progress > many.offsets
sl_expect many_progress many.offsets <<< '{"many":{"2":1,"5":1,"4":1,"1":1,"3":1,"0":1}}'

# ---- fourteen partitions: the JSON's mutable.HashMap grows past 12 entries (a resize) ----
query wide "subscribe = 'wide', startingOffsets = 'earliest'"
produce wide 3 w3
./wide --trigger once > wide.out 2> wide.err
sed -n 3p wide.ck/offsets/0 > wide.log
sl_expect wide_log wide.log << 'EOF'
{"wide":{"8":0,"11":0,"2":0,"5":0,"13":0,"4":0,"7":0,"1":0,"10":0,"9":0,"3":1,"12":0,"6":0,"0":0}}
EOF

# ---- maxOffsetsPerTrigger 5 over 7, 2 and 1 new offsets: prorates 3.5, 1.0 and 0.5, floored
#      above 1 and ceiled below: ends 3, 1 and 1 ----
produce rl 0 a0 a1 a2 a3 a4 a5 a6
produce rl 1 b0 b1
produce rl 2 c0
query rl "subscribe = 'rl', startingOffsets = 'earliest', maxOffsetsPerTrigger = 5"
./rl --trigger availableNow --max-batches 1 > rl.out 2> rl.err
sed -n 3p rl.ck/offsets/0 > rl.log
sl_expect rl_log rl.log <<< '{"rl":{"2":1,"1":1,"0":3}}'
rows rl.out > rl.rows
sl_expect rl_rows rl.rows << 'EOF'
rl 1 b0
rl 0 a0
rl 0 a1
rl 0 a2
rl 2 c0
EOF

# ---- input partitions (KafkaOffsetRangeCalculator.getRanges): spark_partition_id() and
#      monotonically_increasing_id() follow them.  Without minPartitions a range is a
#      partition, numbered in the batch's order; minPartitions 5 over rl's 2, 7 and 1 offsets
#      (in that order): getPartCount(2|1, 10, 5) = round(1.0|0.5) = 1 leaves those whole, the
#      7 share max(5 - 2, 1) = 3 pieces of 7 / 3 offsets, the last one more: 2, 2, 3;
#      minPartitions 3 over mp's 10 offsets: pieces of 3, 3 and 4 ----
# pquery NAME TOPIC OPTIONS   write NAME.sql, run ./NAME once: NAME.rows "partition v pid id"
pquery() {
  cat > "$1.sql" << EOF
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot',
                      subscribe = '$2', startingOffsets = 'earliest'$3);
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 100);
INSERT INTO console SELECT partition, CAST(value AS STRING) AS v, spark_partition_id() AS pid,
                           monotonically_increasing_id() AS id FROM k
WITH (name = 'q', checkpointLocation = '$1.ck');
EOF
  "$sluice" build "$1.sql" -o "$1" > /dev/null
  ./"$1" --trigger once > "$1.out" 2> "$1.err"
  grep '^|' "$1.out" | grep -v '^|partition' | tr -d ' ' | tr '|' ' ' | sed 's/^ //; s/ $//' > "$1.rows"
}
pquery rlp rl ""
sl_expect rlp_rows rlp.rows << 'EOF'
1 b0 0 0
1 b1 0 1
0 a0 1 8589934592
0 a1 1 8589934593
0 a2 1 8589934594
0 a3 1 8589934595
0 a4 1 8589934596
0 a5 1 8589934597
0 a6 1 8589934598
2 c0 2 17179869184
EOF
pquery rlm rl ", minPartitions = 5"
sl_expect rlm_rows rlm.rows << 'EOF'
1 b0 0 0
1 b1 0 1
0 a0 1 8589934592
0 a1 1 8589934593
0 a2 2 17179869184
0 a3 2 17179869185
0 a4 3 25769803776
0 a5 3 25769803777
0 a6 3 25769803778
2 c0 4 34359738368
EOF
for i in 0 1 2 3 4 5 6 7 8 9; do produce mp 0 "m$i"; done
pquery mpm mp ", minPartitions = 3"
sl_expect mpm_rows mpm.rows << 'EOF'
0 m0 0 0
0 m1 0 1
0 m2 0 2
0 m3 1 8589934592
0 m4 1 8589934593
0 m5 1 8589934594
0 m6 2 17179869184
0 m7 2 17179869185
0 m8 2 17179869186
0 m9 2 17179869187
EOF
sl_test_end
