#!/usr/bin/env bash
# run_kafka_tail.sh - the kafka source on the default trigger while records arrive: partitions
# read to their end stay assigned between batches (tails), the next batch reads on from what
# their fetcher brought, and a tail's queue wakes the query.  Against tests/tools/kafka_mock,
# records produced with kcat in small bursts to two partitions while the query runs into an
# exactly-once files sink; the query is killed (SIGKILL) halfway and restarted from its
# checkpoint, then stopped with SIGTERM.  The committed output (the files listed in
# _spark_metadata) must hold every record exactly once, with its value, partition and offset,
# over many batches.  Then bursts of records larger than a tail may hold (queued.min.messages
# 100: a tail holding 50 is behind and read as any other partition again) must also arrive
# exactly once.
#
#   run_kafka_tail.sh <sluice> <kafka_mock>
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <sluice> <kafka_mock>" >&2
  exit 2
fi
# shellcheck source=test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_kafka_test kafka_tail "$1" "$2" --topic tail:2 --topic burst:1

cat > tail.sql << SQL
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot',
                      subscribe = 'tail', startingOffsets = 'earliest');
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO out SELECT CAST(value AS STRING) AS v, partition, offset FROM k
WITH (name = 'tail', checkpointLocation = 'ck');
SQL
"$sluice" build tail.sql -o tail > build.log 2>&1 || { fail "build failed: $(cat build.log)"; sl_test_end; }

# The committed rows: "<v> <partition> <offset>" per row, sorted, from the files the sink's
# log lists (of the sink directory $1, default out).
committed() { sl_committed_kafka_rows "${1:-out}/_spark_metadata"; }

# burst FIRST LAST: records p<partition>-<i> for i in FIRST..LAST to both partitions.
burst() {
  local p
  for p in 0 1; do
    seq "$1" "$2" | sed "s/^/p$p-/" | kcat -P -b "$kafka_boot" -t tail -p "$p"
  done
}

./tail --progress run1.progress > run1.out 2> run1.err &
pid=$!
for b in $(seq 0 9); do
  burst $((b * 10)) $((b * 10 + 9))
  sleep 0.05
done
kill -KILL "$pid"
wait "$pid" 2> /dev/null || true
./tail --progress run2.progress > run2.out 2> run2.err &
pid=$!
for b in $(seq 10 19); do
  burst $((b * 10)) $((b * 10 + 9))
  sleep 0.05
done
for _ in $(seq 300); do # up to 30 s for the last records
  [[ $(committed | wc -l) -ge 400 ]] && break
  sleep 0.1
done
sl_stop "$pid" "the restarted query" run2.err

committed > got.txt
for p in 0 1; do
  seq 0 199 | awk -v p="$p" '{ printf "p%d-%d %d %d\n", p, $1, p, $1 }'
done | sort > want.txt
if cmp -s got.txt want.txt; then
  pass "400 records, each committed once with its partition and offset, across a SIGKILL"
else
  diff want.txt got.txt | head -20 >&2
  fail "the committed rows differ from the 400 records produced ($(wc -l < got.txt) rows)"
fi
batches=$(cat run1.progress run2.progress | python3 -c '
import json, sys
print(sum(1 for l in sys.stdin if l.strip() and json.loads(l)["numInputRows"] > 0))')
if [[ $batches -ge 6 ]]; then
  pass "the records came in $batches batches"
else
  fail "only $batches batches read records: the query did not run while records arrived"
fi

sed -e "s/subscribe = 'tail'/subscribe = 'burst', 'kafka.queued.min.messages' = '100'/" \
  -e "s/path = 'out'/path = 'bout'/" -e "s/checkpointLocation = 'ck'/checkpointLocation = 'bck'/" \
  tail.sql > burst.sql
"$sluice" build burst.sql -o burst > bbuild.log 2>&1 || fail "burst build failed: $(cat bbuild.log)"
./burst > burst.out 2> burst.err &
pid=$!
for b in 0 1 2; do
  seq $((b * 1000)) $((b * 1000 + 999)) | sed 's/^/b-/' | kcat -P -b "$kafka_boot" -t burst -p 0
  sleep 0.2
done
for _ in $(seq 300); do
  [[ $(committed bout | wc -l) -ge 3000 ]] && break
  sleep 0.1
done
sl_stop "$pid" "the burst query" burst.err
committed bout > bgot.txt
seq 0 2999 | awk '{ printf "b-%d 0 %d\n", $1, $1 }' | sort > bwant.txt
if cmp -s bgot.txt bwant.txt; then
  pass "3000 records in bursts beyond a tail's memory, each committed once"
else
  diff bwant.txt bgot.txt | head -20 >&2
  fail "the burst rows differ from the 3000 records produced ($(wc -l < bgot.txt) rows)"
fi
sl_test_end
