#!/usr/bin/env bash
# run_kafka_group.sh - the kafka source's consumerGroup: three copies of one executable (same
# query, shared checkpointLocation) share a 6-partition topic through a Kafka consumer group,
# one lane (a query over one partition, with its own checkpoint and sink directory) per
# partition a copy owns.  Against tests/tools/kafka_mock, records produced with kcat before and
# while they run; one copy is killed (SIGKILL) once it has read records, and its partitions
# move to the others after the session timeout; the rest are stopped with SIGTERM.  The
# committed output (the files listed in every g.data/<topic>-<partition>/_spark_metadata) must
# hold every record exactly once with its partition and offset, more than one copy must have
# read records, a partition of the killed copy must have been read by another, and a single
# copy over the same data (another group, checkpoint and output) must commit the same rows,
# running partition 0 only once another process released its lane's lock.
#
#   run_kafka_group.sh <sluice> <kafka_mock>
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <sluice> <kafka_mock>" >&2
  exit 2
fi
# shellcheck source=test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_kafka_test kafka_group "$1" "$2" --topic grp:6
parts=6

# query NAME GROUP: an executable NAME reading topic grp in consumer group GROUP into
# NAME.data/<topic>-<partition>/, checkpoint NAME.ck.
query() {
  cat > "$1.sql" << SQL
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot',
                      subscribe = 'grp', startingOffsets = 'earliest', consumerGroup = '$2',
                      'kafka.session.timeout.ms' = '6000', 'kafka.heartbeat.interval.ms' = '500');
CREATE SINK out WITH (connector = 'files', path = '$1.data', format = 'json');
INSERT INTO out SELECT CAST(value AS STRING) AS v, partition, offset FROM k
WITH (name = '$1', checkpointLocation = '$1.ck');
SQL
  "$sluice" build "$1.sql" -o "$1" > "$1.build.log" 2>&1 || { fail "build failed: $(cat "$1.build.log")"; sl_test_end; }
}

# committed DIR: "<v> <partition> <offset>" per committed row, sorted, from the files the
# sinks' logs (DIR/*/_spark_metadata) list.
committed() { sl_committed_kafka_rows "$1/*/_spark_metadata"; }

# burst FIRST LAST: records p<partition>-<i> for i in FIRST..LAST to every partition.
burst() {
  local p
  for ((p = 0; p < parts; p++)); do
    seq "$1" "$2" | sed "s/^/p$p-/" | kcat -P -b "$kafka_boot" -t grp -p "$p"
  done
}

query g grp
query solo solo
burst 0 29
sl_start_copies g 3
# rows_read FILE: the records a copy's lanes read, from its progress.
rows_read() {
  python3 -c '
import json, sys
print(sum(json.loads(l)["numInputRows"] for l in open(sys.argv[1]) if l.strip()))' "$1"
}
# Bursts of 10 records a partition every 0.5 s while the group forms and the copies run; copy 1
# is killed once its lanes have read records (so it owns partitions; a loaded machine forms the
# group slowly) and at least 3 bursts went by, then 6 more bursts follow.
killed=-1
for ((b = 3; b < 60 && (killed < 0 || b < killed + 6); b++)); do
  burst $((b * 10)) $((b * 10 + 9))
  sleep 0.5
  if ((killed < 0 && b >= 6)) && [[ $(rows_read g1.progress) -gt 0 ]]; then
    kill -KILL "${pids[1]}"
    wait "${pids[1]}" 2> /dev/null || true
    killed=$b
  fi
done
((killed >= 0)) || fail "copy 1 read no records in 30 s: it was given no partition"
per=$((b * 10)) # records per partition
sl_wait_lines $((parts * per)) committed g.data || fail "the group did not commit every record in time"
for c in 0 2; do
  sl_stop "${pids[c]}" "copy $c" "g$c.err"
done

for ((p = 0; p < parts; p++)); do
  seq 0 $((per - 1)) | awk -v p="$p" '{ printf "p%d-%d %d %d\n", p, $1, p, $1 }'
done | sort > want.txt
committed g.data > got.txt
if cmp -s got.txt want.txt; then
  pass "$((parts * per)) records over $parts partitions, each committed once with its partition and offset, across a SIGKILL of one of three copies"
else
  diff want.txt got.txt | head -20 >&2
  fail "the committed rows differ from the $((parts * per)) records produced ($(wc -l < got.txt) rows)"
fi
workers=0
for c in 0 1 2; do
  [[ $(rows_read "g$c.progress") -gt 0 ]] && workers=$((workers + 1))
done
if [[ $workers -ge 2 ]]; then
  pass "$workers of the 3 copies read records"
else
  fail "only $workers copy read records: the group did not share the partitions"
fi
[[ -n $(ls g.ck/partitions) ]] || fail "no lane checkpoints under g.ck/partitions"
# The lanes (progress names g[grp-<p>]) that read records in the killed copy and in a survivor.
moved=$(python3 -c '
import json, sys
def lanes(*files):
    return {r["name"] for f in files for l in open(f) if l.strip()
            for r in [json.loads(l)] if r["numInputRows"] > 0}
print(" ".join(sorted(lanes("g1.progress") & lanes("g0.progress", "g2.progress"))))')
if [[ -n $moved ]]; then
  pass "the killed copy's partitions moved to the others: $moved"
else
  fail "no partition of the killed copy was read by another copy"
fi

# The single copy, while another process holds lane grp-0's lock (as a previous owner still
# closing it would): that lane waits, the others run; it starts once the lock is free.
mkdir -p solo.ck/partitions/grp-0
python3 -c '
import fcntl, sys, time
f = open(sys.argv[1], "a")
fcntl.flock(f, fcntl.LOCK_EX)
time.sleep(600)' solo.ck/partitions/grp-0/lock > /dev/null 2>&1 &
holder=$!
pids+=("$holder")
for _ in $(seq 100); do # until it holds the lock
  flock -n solo.ck/partitions/grp-0/lock true || break
  sleep 0.05
done
./solo > solo.out 2> solo.err &
pid=$!
pids+=("$pid")
sl_wait_lines $(((parts - 1) * per)) committed solo.data || fail "the single copy did not commit the free lanes in time"
if [[ -z $(committed solo.data | grep '^p0-') ]]; then
  pass "a lane whose lock another process holds does not run"
else
  fail "lane grp-0 ran while another process held its lock"
fi
kill "$holder"
wait "$holder" 2> /dev/null || true
sl_wait_lines $((parts * per)) committed solo.data || fail "the single copy did not commit every record in time"
sl_stop "$pid" "the single copy" solo.err
if committed solo.data | cmp -s - want.txt; then
  pass "a single copy commits the same rows"
else
  fail "a single copy committed other rows ($(committed solo.data | wc -l))"
fi
sl_test_end
