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
# exactly once.  Last, a caught-up query's batches must ask the brokers (the mock's debug log,
# KAFKA_MOCK_DEBUG) for no earliest offset at all and for latest offsets less often than it
# runs batches (the plan takes them from the tail's fetches).
#
#   run_kafka_tail.sh <sluice> <kafka_mock>
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <sluice> <kafka_mock>" >&2
  exit 2
fi
# shellcheck source=test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
export KAFKA_MOCK_DEBUG=mock # the requests the query sends, for the last check
sl_kafka_test kafka_tail "$1" "$2" --topic tail:2 --topic burst:1 --topic quiet:1

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

sed -e "s/subscribe = 'tail'/subscribe = 'quiet'/" -e "s/path = 'out'/path = 'qout'/" \
  -e "s/checkpointLocation = 'ck'/checkpointLocation = 'qck'/" tail.sql > quiet.sql
"$sluice" build quiet.sql -o quiet > qbuild.log 2>&1 || fail "quiet build failed: $(cat qbuild.log)"
./quiet --progress quiet.progress > quiet.out 2> quiet.err &
pid=$!
echo q-0 | kcat -P -b "$kafka_boot" -t quiet -p 0
for _ in $(seq 300); do # the first record read: the partition is a tail from then on
  [[ $(committed qout | wc -l) -ge 1 ]] && break
  sleep 0.1
done
mark=$(wc -l < kafka.err)
before=$(wc -l < quiet.progress)
# q-1..q-60 one at a time, 5 ms apart (kcat would send stdin's lines together)
python3 - "$kafka_boot" << 'PY'
import ctypes, ctypes.util, sys, time
lib = ctypes.CDLL(ctypes.util.find_library("rdkafka") or "librdkafka.so.1")
for f, res in (("rd_kafka_conf_new", ctypes.c_void_p), ("rd_kafka_new", ctypes.c_void_p),
               ("rd_kafka_topic_new", ctypes.c_void_p)):
    getattr(lib, f).restype = res
lib.rd_kafka_conf_set.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t]
lib.rd_kafka_new.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
lib.rd_kafka_topic_new.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
lib.rd_kafka_produce.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.c_int, ctypes.c_char_p,
                                 ctypes.c_size_t, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p]
lib.rd_kafka_flush.argtypes = [ctypes.c_void_p, ctypes.c_int]
conf, err = lib.rd_kafka_conf_new(), ctypes.create_string_buffer(512)
for k, v in (("bootstrap.servers", sys.argv[1]), ("linger.ms", "0")):
    lib.rd_kafka_conf_set(conf, k.encode(), v.encode(), err, 512)
rk = lib.rd_kafka_new(0, conf, err, 512)
rkt = lib.rd_kafka_topic_new(rk, b"quiet", None)
for i in range(1, 61):
    v = b"q-%d" % i
    lib.rd_kafka_produce(rkt, 0, 2, v, len(v), None, 0, None)
    time.sleep(0.005)
lib.rd_kafka_flush(rk, 10000)
PY
for _ in $(seq 300); do
  [[ $(committed qout | wc -l) -ge 61 ]] && break
  sleep 0.1
done
sl_stop "$pid" "the quiet query" quiet.err
asked() { tail -n +"$((mark + 1))" kafka.err | grep -c "Topic quiet \[0\] returning offset .* for $1" || true; }
batches=$(tail -n +"$((before + 1))" quiet.progress | python3 -c '
import json, sys
print(sum(1 for l in sys.stdin if l.strip() and json.loads(l)["numInputRows"] > 0))')
earliest=$(asked BEGINNING) latest=$(asked END)
if [[ $(committed qout | wc -l) -eq 61 && $earliest -eq 0 && $latest -lt $batches ]]; then
  pass "caught up: $batches batches asked for $latest latest offsets and no earliest one"
else
  fail "caught up: $batches batches ($(committed qout | wc -l) of 61 rows) asked for $latest latest and $earliest earliest offsets"
fi
sl_test_end
