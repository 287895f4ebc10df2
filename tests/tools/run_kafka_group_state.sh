#!/usr/bin/env bash
# run_kafka_group_state.sh - a stateful query under the kafka source's consumerGroup: a count per
# record key and 10-second window (append mode, watermark 1 hour) into the exactly-once files
# sink, three copies of one executable sharing a 6-partition topic of tests/tools/kafka_mock.
# Records are produced with keys (kafka_produce: Java's murmur2 key partitioner, checked here
# against a python murmur2), so all records of a key are in one partition and each key's groups
# live in one lane's state (its checkpoint).  One copy is killed (SIGKILL) once it has committed
# batches with state; its lanes move to the others after the session timeout, which must restore
# that state from the lane checkpoints; the rest stop on SIGTERM.  The rows committed by all
# lanes must equal a python count of the produced records, the rows of a single copy run over
# the same topic, and those of the query without consumerGroup (one process, one watermark).
#
# Per-lane and global watermarks give the same rows here: the data's event times span 2
# minutes, far inside the 1-hour delay, so no row is late and no window closes for either
# (Spark's global watermark, the max event time over all partitions minus the delay, stays
# below the first window's end, and so does each lane's, which is at most that); then every
# partition gets one last record ("end-<p>", written to partition p, its own key), 2 hours
# later, after all data: every lane's watermark, and the global one, pass every data window's
# end, so every data window is emitted, and neither emits the end records' windows.
#
#   run_kafka_group_state.sh <sluice> <kafka_mock> <kafka_produce>
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 <sluice> <kafka_mock> <kafka_produce>" >&2
  exit 2
fi
# shellcheck source=test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
produce_bin=$(realpath "$3")
sl_kafka_test kafka_group_state "$1" "$2" --topic gst:6
parts=6
t0=1700000000000 # ms, a multiple of the 10-second window

# Java's key partitioner: org.apache.kafka.common.utils.Utils.murmur2 of the key's bytes,
# & 0x7fffffff, modulo the partition count (DefaultPartitioner / BuiltInPartitioner).
cat > murmur2.py << 'PY'
def murmur2(data):
    m, h = 0x5bd1e995, (0x9747b28c ^ len(data)) & 0xffffffff
    for i in range(len(data) // 4):
        k = int.from_bytes(data[4 * i:4 * i + 4], "little") * m & 0xffffffff
        k = (k ^ k >> 24) * m & 0xffffffff
        h = h * m & 0xffffffff ^ k
    tail = data[len(data) // 4 * 4:]
    for i in reversed(range(len(tail))):
        h ^= tail[i] << (8 * i)
    if tail:
        h = h * m & 0xffffffff
    h = (h ^ h >> 13) * m & 0xffffffff
    return h ^ h >> 15

def partition(key, parts):
    return (murmur2(key.encode()) & 0x7fffffff) % parts
PY
# The keys: the first two of u00, u01, ... that the partitioner puts in each partition, so every
# lane has state whichever copy owns it.
mapfile -t keys < <(python3 -c '
import sys
from murmur2 import partition
parts = int(sys.argv[1])
per = {p: [] for p in range(parts)}
for i in range(100):
    k = "u%02d" % i
    if len(per[partition(k, parts)]) < 2:
        per[partition(k, parts)].append(k)
print("\n".join(k for p in sorted(per) for k in per[p]))' "$parts")
((${#keys[@]} == 2 * parts)) || { fail "no two keys per partition among u00..u99"; sl_test_end; }

# query NAME [GROUP]: an executable NAME reading topic gst, in consumer group GROUP into
# NAME.data/<topic>-<partition>/ (without GROUP, every partition into NAME.data), checkpoint
# NAME.ck.
query() {
  local group=""
  [[ $# -lt 2 ]] || group="consumerGroup = '$2',"
  cat > "$1.sql" << SQL
CREATE SOURCE k (WATERMARK FOR timestamp AS timestamp - INTERVAL '1 hour')
  WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', subscribe = 'gst',
        startingOffsets = 'earliest', $group
        'kafka.session.timeout.ms' = '6000', 'kafka.heartbeat.interval.ms' = '500');
CREATE SINK out WITH (connector = 'files', path = '$1.data', format = 'json');
INSERT INTO out
SELECT CAST(key AS STRING) AS k, window(timestamp, '10 seconds') AS w, count(*) AS n
FROM k GROUP BY CAST(key AS STRING), window(timestamp, '10 seconds')
WITH (name = '$1', checkpointLocation = '$1.ck');
SQL
  "$sluice" build "$1.sql" -o "$1" > "$1.build.log" 2>&1 || { fail "build failed: $(cat "$1.build.log")"; sl_test_end; }
}

# committed DIR: "<k> <window start> <window end> <n>" per row the files sinks committed into
# DIR (the files their DIR/*/_spark_metadata logs list, one per lane, or DIR/_spark_metadata),
# sorted.
committed() {
  python3 - "$1" << 'PY'
import glob, json, os, sys
rows = []
for log in glob.glob(sys.argv[1] + "/*/_spark_metadata/*") + glob.glob(sys.argv[1] + "/_spark_metadata/*"):
    if not os.path.basename(log).isdigit():
        continue
    for entry in open(log).read().splitlines()[1:]:
        if entry.startswith("{"):
            path = json.loads(entry)["path"]
            for line in open(path[len("file://"):] if path.startswith("file://") else path):
                r = json.loads(line)
                rows.append("%s %s %s %d" % (r["k"], r["w"]["start"], r["w"]["end"], r["n"]))
print("\n".join(sorted(rows)))
PY
}

# burst B: to the u-th key, 1 + (B + u) % 3 records with event times t0 + 2 B s + j ms (B =
# 0..59: 2 minutes), placed by the key partitioner; appended to produced.txt.
burst() {
  local u j
  for ((u = 0; u < ${#keys[@]}; u++)); do
    for ((j = 0; j <= ($1 + u) % 3; j++)); do
      printf -- '- %s %d b%d-%d\n' "${keys[u]}" $((t0 + $1 * 2000 + j)) "$1" "$j"
    done
  done | tee -a produced.txt | "$produce_bin" "$kafka_boot" gst || fail "kafka_produce failed"
}

query g gst_g
query solo gst_solo
query whole
: > produced.txt
burst 0
burst 1
burst 2
sl_start_copies g 3

# state_lanes FILE: the lanes (progress names g[gst-<p>]) of a copy that committed a batch with
# state (rows read into its aggregation), one per line.
state_lanes() {
  python3 -c '
import json, sys
print("\n".join(sorted({r["name"] for l in open(sys.argv[1]) if l.strip()
                         for r in [json.loads(l)]
                         if r["numInputRows"] > 0 and r["stateOperators"][0]["numRowsTotal"] > 0})))' "$1"
}
# A burst every 0.5 s; copy 1 is killed once one of its lanes committed state and at least 3
# bursts went by, then 6 more bursts follow.
killed=-1
for ((b = 3; b < 60 && (killed < 0 || b < killed + 6); b++)); do
  burst "$b"
  sleep 0.5
  if ((killed < 0 && b >= 6)) && [[ -n $(state_lanes g1.progress) ]]; then
    kill -KILL "${pids[1]}"
    wait "${pids[1]}" 2> /dev/null || true
    killed=$b
  fi
done
((killed >= 0)) || fail "copy 1 committed no state in 30 s: it was given no partition"
# The end records: one per partition, 2 hours later (see the header).
for ((p = 0; p < parts; p++)); do
  printf -- '%d end-%d %d end\n' "$p" "$p" $((t0 + 7200000))
done | "$produce_bin" "$kafka_boot" gst || fail "kafka_produce failed"

# The expected rows, from the produced records alone: a count per key and 10-second window
# [start, end), timestamps as Spark's JSON writer (yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC).
python3 - << 'PY' > want.txt
import collections, datetime
def ts(ms):
    d = datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)
n = collections.Counter()
for line in open("produced.txt"):
    _, key, t, _ = line.split(" ", 3)
    start = int(t) // 10000 * 10000
    n[(key, start)] += 1
print("\n".join(sorted("%s %s %s %d" % (k, ts(s), ts(s + 10000), c) for (k, s), c in n.items())))
PY
want=$(wc -l < want.txt)
sl_wait_lines "$want" committed g.data || fail "the group did not commit every window in time ($(committed g.data | wc -l) of $want rows)"
for c in 0 2; do
  sl_stop "${pids[c]}" "copy $c" "g$c.err"
done

# The producer placed every key by Java's murmur2 partitioner (the partition murmur2.py names),
# each in one partition.
kcat -C -b "$kafka_boot" -t gst -e -q -f '%p %k\n' > placed.txt
if python3 - "$parts" << 'PY'; then
import sys
from murmur2 import partition
parts = int(sys.argv[1])
placed = {}
for line in open("placed.txt"):
    p, key = line.split()
    if not key.startswith("end-"):
        placed.setdefault(key, set()).add(int(p))
sys.exit(0 if len(placed) == 2 * parts and
         all(s == {partition(k, parts)} for k, s in placed.items()) else 1)
PY
  pass "the producer placed each of the $((2 * parts)) keys in the partition of Java's murmur2 partitioner"
else
  fail "the records were not placed by their keys: $(sort -u placed.txt | tr '\n' ' ')"
fi

committed g.data > got.txt
if cmp -s got.txt want.txt; then
  pass "$want windows counted over $parts partitions by three copies, one killed, equal to the counts of the produced records"
else
  diff want.txt got.txt | head -20 >&2
  fail "the committed rows differ from the counts of the produced records ($(wc -l < got.txt) rows, $want expected)"
fi
workers=0
for c in 0 1 2; do
  [[ -n $(state_lanes "g$c.progress") ]] && workers=$((workers + 1))
done
[[ $workers -ge 2 ]] || fail "only $workers copy kept state: the group did not share the partitions"

# A lane of the killed copy that a survivor went on with: its first batch there continued the
# lane's batch ids and holds state rows that batch did not update (windows only the killed
# copy's batches made: nothing is evicted before the end records).
restored=$(python3 - << 'PY'
import json
def runs(f):
    out = {}
    for l in open(f):
        if l.strip():
            r = json.loads(l)
            out.setdefault(r["name"], []).append(r)
    return out
killed = runs("g1.progress")
found = []
for f in ("g0.progress", "g2.progress"):
    for name, rs in runs(f).items():
        if not any(r["stateOperators"][0]["numRowsTotal"] > 0 for r in killed.get(name, [])):
            continue
        first = min((r for r in rs if r["batchId"] > max(k["batchId"] for k in killed[name]) - 1),
                    key=lambda r: r["batchId"], default=None)
        op = first and first["stateOperators"][0]
        if op and op["numRowsTotal"] > op["numRowsUpdated"]:
            found.append("%s (batch %d: %d state rows, %d updated)" % (
                name, first["batchId"], op["numRowsTotal"], op["numRowsUpdated"]))
print(", ".join(found))
PY
)
if [[ -n $restored ]]; then
  pass "a survivor restored the killed copy's lane state: $restored"
else
  fail "no lane of the killed copy was continued with its state by another copy"
fi
[[ -n $(find g.ck/partitions -path '*/state/*' -type f) ]] || fail "no state files under the lane checkpoints g.ck/partitions/*/state"

# alone NAME WHAT: run executable NAME alone over the topic until it committed every window,
# stop it, and compare its rows with the group's.
alone() {
  "./$1" > "$1.out" 2> "$1.err" &
  local pid=$!
  pids+=("$pid")
  sl_wait_lines "$want" committed "$1.data" || fail "$2 did not commit every window in time"
  sl_stop "$pid" "$2" "$1.err"
  if committed "$1.data" | cmp -s - got.txt; then
    pass "$2 commits the same rows"
  else
    committed "$1.data" | diff got.txt - | head -10 >&2
    fail "$2 committed other rows ($(committed "$1.data" | wc -l))"
  fi
}
# One copy alone (its own group, checkpoint and output), and the query without consumerGroup:
# one process reading every partition with one watermark (the max event time over all
# partitions, Spark's).
alone solo "a single copy"
alone whole "the query without consumerGroup (one watermark over all partitions)"
sl_test_end
