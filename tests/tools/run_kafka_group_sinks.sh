#!/usr/bin/env bash
# run_kafka_group_sinks.sh - consumerGroup lanes writing into one table and one topic: three
# executables, two copies each (same query, shared checkpointLocation), share a 4-partition
# topic of tests/tools/kafka_mock through their consumer groups; records are produced before
# and while they run, copy 1 of each is killed (SIGKILL) once its lanes have read records, and
# the survivors are stopped with SIGTERM once everything is written.  Then:
#   - sqlite, append mode: the table holds every record exactly once, with its partition and
#     offset (each lane's batches recorded in _sluice_batches under the lane's query id, so a
#     batch the killed copy wrote is not written again by the lane's next owner);
#   - sqlite, update mode, a count per partition (each lane upserts its own key): the final
#     counts are the records of each partition;
#   - kafka sink (at least once): the output topic holds every record at least once.
#
#   run_kafka_group_sinks.sh <sluice> <kafka_mock>
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <sluice> <kafka_mock>" >&2
  exit 2
fi
# shellcheck source=test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_kafka_test kafka_group_sinks "$1" "$2" --topic grp:4 --topic out:2
parts=4

# query NAME SINK-OPTIONS SELECT-AND-OPTIONS: executable NAME reading topic grp in group NAME.
query() {
  cat > "$1.sql" << SQL
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot',
                      subscribe = 'grp', startingOffsets = 'earliest', consumerGroup = '$1',
                      'kafka.session.timeout.ms' = '6000', 'kafka.heartbeat.interval.ms' = '500');
CREATE SINK out WITH ($2);
INSERT INTO out $3;
SQL
  "$sluice" build "$1.sql" -o "$1" > "$1.build.log" 2>&1 || { fail "build $1: $(cat "$1.build.log")"; sl_test_end; }
}
query rows "connector = 'sqlite', path = 'rows.db', table = 'rows'" \
  "SELECT CAST(value AS STRING) AS v, partition, offset FROM k WITH (checkpointLocation = 'rows.ck')"
query counts "connector = 'sqlite', path = 'counts.db', table = 'counts'" \
  "SELECT partition, count(*) AS n FROM k GROUP BY partition
   WITH (outputMode = 'update', checkpointLocation = 'counts.ck')"
query topic "connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', topic = 'out'" \
  "SELECT value FROM k WITH (checkpointLocation = 'topic.ck')"

# sql DB QUERY: the rows of QUERY over the sqlite file DB, one per line ("a b c"), sorted; none
# while the table does not exist yet.
sql() {
  python3 - "$1" "$2" << 'PY'
import sqlite3, sys
try:
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True, timeout=5)
    rows = db.execute(sys.argv[2]).fetchall()
except sqlite3.OperationalError:
    rows = []
print("\n".join(sorted(" ".join(str(c) for c in r) for r in rows)))
PY
}
rows_in() { sql rows.db 'SELECT v, "partition", "offset" FROM rows' | sed '/^$/d'; }
topic_out() { kcat -C -b "$kafka_boot" -t out -e -q -f '%s\n' 2> /dev/null | sort -u; }

# burst FIRST LAST: records p<partition>-<i> for i in FIRST..LAST to every partition.
burst() {
  local p
  for ((p = 0; p < parts; p++)); do
    seq "$1" "$2" | sed "s/^/p$p-/" | kcat -P -b "$kafka_boot" -t grp -p "$p"
  done
}
rows_read() {
  python3 -c '
import json, sys
print(sum(json.loads(l)["numInputRows"] for l in open(sys.argv[1]) if l.strip()))' "$1"
}

burst 0 19
all_pids=()
sl_at_exit 'kill -KILL "${all_pids[@]}" 2> /dev/null'
for q in rows counts topic; do
  sl_start_copies "$q" 2
  all_pids+=("${pids[@]}")
  eval "pids_$q=(\"\${pids[@]}\")"
done
# Bursts every 0.5 s; copy 1 of each query is killed once it read records and 3 bursts went by.
declare -A killed=()
for ((b = 2; b < 60 && ${#killed[@]} < 3; b++)); do
  burst $((b * 10)) $((b * 10 + 9))
  sleep 0.5
  for q in rows counts topic; do
    [[ -n ${killed[$q]:-} ]] && continue
    if ((b >= 5)) && [[ $(rows_read "${q}1.progress") -gt 0 ]]; then
      eval "pid=\${pids_$q[1]}"
      kill -KILL "$pid"
      wait "$pid" 2> /dev/null || true
      killed[$q]=$b
    fi
  done
done
[[ ${#killed[@]} -eq 3 ]] || head -n 5 ./*0.err ./*1.err >&2
[[ ${#killed[@]} -eq 3 ]] || fail "copy 1 of some query read no records in 30 s: ${!killed[*]} were killed"
for ((i = b; i < b + 4; i++)); do
  burst $((i * 10)) $((i * 10 + 9))
done
per=$(((b + 4) * 10)) # records per partition
total=$((parts * per))

for ((p = 0; p < parts; p++)); do
  seq 0 $((per - 1)) | awk -v p="$p" '{ printf "p%d-%d %d %d\n", p, $1, p, $1 }'
done | sort > want_rows.txt
cut -d' ' -f1 want_rows.txt | sort > want_values.txt
for ((p = 0; p < parts; p++)); do echo "$p $per"; done > want_counts.txt

sl_wait_lines "$total" rows_in || fail "the sqlite append lanes did not write every record in time"
for ((i = 0; i < 1200; i++)); do # until every partition's count is final
  [[ $(sql counts.db 'SELECT "partition", n FROM counts') == "$(cat want_counts.txt)" ]] && break
  sleep 0.1
done
sl_wait_lines "$total" topic_out || fail "the kafka sink lanes did not write every record in time"
for q in rows counts topic; do
  eval "pid=\${pids_$q[0]}"
  sl_stop "$pid" "copy 0 of $q" "${q}0.err"
done

rows_in > got_rows.txt
if cmp -s got_rows.txt want_rows.txt; then
  pass "sqlite, append: $total records over $parts partitions, each written once, across a SIGKILL"
else
  diff want_rows.txt got_rows.txt | head -20 >&2
  fail "sqlite, append: the table differs from the $total records produced ($(wc -l < got_rows.txt) rows)"
fi
n_batches=$(sql rows.db "SELECT count(DISTINCT query_id) FROM _sluice_batches")
if [[ $n_batches == "$parts" ]]; then
  pass "sqlite, append: one query id per lane in _sluice_batches"
else
  fail "sqlite, append: $n_batches query ids in _sluice_batches, want $parts (one per lane)"
fi
sql counts.db 'SELECT "partition", n FROM counts' > got_counts.txt
if cmp -s got_counts.txt want_counts.txt; then
  pass "sqlite, update: each partition's count is its $per records"
else
  diff want_counts.txt got_counts.txt >&2
  fail "sqlite, update: the counts differ"
fi
topic_out > got_values.txt
if cmp -s got_values.txt want_values.txt; then
  pass "kafka sink: every one of the $total records in the output topic"
else
  diff want_values.txt got_values.txt | head -20 >&2
  fail "kafka sink: the output topic misses records ($(wc -l < got_values.txt) distinct of $total)"
fi
for q in rows counts topic; do
  workers=0
  for c in 0 1; do
    [[ $(rows_read "$q$c.progress") -gt 0 ]] && workers=$((workers + 1))
  done
  [[ $workers -eq 2 ]] || fail "$q: only $workers copy read records: the group did not share the partitions"
done
pass "both copies of each query read records"
sl_test_end
