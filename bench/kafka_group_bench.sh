#!/usr/bin/env bash
# kafka_group_bench.sh - throughput of a consumerGroup query run as 1, 2 and 3 processes: the
# records of a topic on librdkafka's mock cluster copied into JSON files (see bench/README.md).
#
#   bench/kafka_group_bench.sh [--partitions P] [--rows-per-partition R] [--procs "1 2 3"]
#
# Environment: SLUICE (default build/compiler/sluice), KAFKA_MOCK (default
# build/tests/tools/kafka_mock).  For each process count the same query (a new consumer group and
# a new checkpoint each time) is started that many times at once on the default trigger; the
# time from the start until the progress files of all processes count every record is printed,
# with the rows per second.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
parts=12 per=100000 procs="1 2 3"
while [[ $# -gt 0 ]]; do
  case $1 in
    --partitions) parts=${2:?}; shift 2 ;;
    --rows-per-partition) per=${2:?}; shift 2 ;;
    --procs) procs=${2:?}; shift 2 ;;
    *) echo "usage: $0 [--partitions P] [--rows-per-partition R] [--procs \"1 2 3\"]" >&2; exit 2 ;;
  esac
done
# The mock keeps about 110,000 such records per partition (bench/README.md, kafka).
[[ $per -le 100000 ]] || { echo "kafka_group_bench: at most 100000 rows per partition" >&2; exit 2; }
sluice=${SLUICE:-build/compiler/sluice}
mock=${KAFKA_MOCK:-build/tests/tools/kafka_mock}
out=bench/out/kafka_group
rm -rf "$out"
mkdir -p "$out"
rows=$((parts * per))

mkfifo "$out/mock.in"
"$mock" --topic grp:"$parts" < "$out/mock.in" > "$out/mock.out" 2> "$out/mock.err" &
mock_pid=$!
# shellcheck disable=SC2034 # mfd: the mock's stdin, closed by the trap (it stops the mock)
exec {mfd}> "$out/mock.in"
trap 'exec {mfd}>&-; wait $mock_pid 2> /dev/null || true' EXIT
for _ in $(seq 100); do [[ -s $out/mock.out ]] && break; sleep 0.1; done
boot=$(head -n 1 "$out/mock.out")

t0=$(date +%s.%N)
loaders=()
for ((p = 0; p < parts; p++)); do
  seq 1 "$per" | sed "s/^/p$p-/" | kcat -P -b "$boot" -t grp -p "$p" &
  loaders+=($!)
done
wait "${loaders[@]}"
echo "loaded $rows records into $parts partitions in $(echo "$(date +%s.%N) - $t0" | bc) s (not counted)"

counted() { # the input rows every progress file of run $1 counts
  cat "$out/$1"/progress.* 2> /dev/null |
    python3 -c 'import json, sys; print(sum(json.loads(l)["numInputRows"] for l in sys.stdin if l.strip()))'
}

printf '%-9s %10s %12s\n' processes wall_s rows_per_s
for n in $procs; do
  dir=$out/run$n
  mkdir -p "$dir"
  cat > "$dir/q.sql" << SQL
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$boot', subscribe = 'grp',
                      startingOffsets = 'earliest', consumerGroup = 'bench$n',
                      'kafka.session.timeout.ms' = '6000', 'kafka.heartbeat.interval.ms' = '500');
CREATE SINK out WITH (connector = 'files', path = 'data', format = 'json');
INSERT INTO out SELECT CAST(value AS STRING) AS v, partition, offset FROM k
WITH (name = 'copy', checkpointLocation = 'ck');
SQL
  "$sluice" build "$dir/q.sql" -o "$dir/q" -O2
  pids=()
  start=$(date +%s.%N)
  for ((i = 1; i <= n; i++)); do
    (cd "$dir" && exec ./q --progress "progress.$i" > "out.$i" 2> "err.$i") &
    pids+=($!)
  done
  done_at=
  for _ in $(seq 1200); do
    if [[ $(counted "run$n") -ge $rows ]]; then
      done_at=$(date +%s.%N)
      break
    fi
    sleep 0.1
  done
  kill -TERM "${pids[@]}" 2> /dev/null || true
  wait "${pids[@]}" 2> /dev/null || true
  if [[ -z $done_at ]]; then
    echo "kafka_group_bench: $n processes did not read the $rows records in 120 s" >&2
    exit 1
  fi
  wall=$(echo "$done_at - $start" | bc)
  printf '%-9s %10.3f %12.0f\n' "$n" "$wall" "$(echo "$rows / $wall" | bc -l)"
done
echo "($rows records, $parts partitions; the time includes each process joining the group)"
