#!/usr/bin/env bash
# kafka_bench.sh - the kafka source's cost: the events count from Kafka and from files (see bench/README.md).
#
#   bench/kafka_bench.sh [--runs N] [--rows N] [--partitions N]
#
# Environment: SLUICE (default build/compiler/sluice), KAFKA_MOCK (default
# build/tests/tools/kafka_mock), GEN_EVENTS (default build/tests/tools/gen_events,
# else compiled here from tests/tools/gen_events.c); needs kcat.
# Generates --rows events (default 400,000, fixed seed) as --partitions (default 4)
# JSON Lines files into bench/data/kafka_events once, starts the test cluster
# (kafka_mock --topic events:<partitions>) and loads file i into partition i with
# kcat (the mock keeps at most 5 MB, about 110,000 of these records, a partition:
# more rows need more partitions), then runs the same count per (action, 1-hour
# window) N times over the topic (kafka source, startingOffsets earliest,
# from_json of the value) and N times over the files (files source, format
# json), checks that both give the same groups and that the counts add up to
# --rows, and prints medians and the ratio.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

runs=3
rows=400000
partitions=4
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --rows) rows=${2:?--rows needs a number}; shift 2 ;;
    --partitions) partitions=${2:?--partitions needs a number}; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--rows N] [--partitions N]" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "kafka_bench: bad run count '$runs'" >&2; exit 2; }
[[ $partitions =~ ^[1-9][0-9]*$ ]] || { echo "kafka_bench: bad partition count '$partitions'" >&2; exit 2; }
[[ $rows =~ ^[1-9][0-9]*$ && $((rows % partitions)) -eq 0 ]] \
  || { echo "kafka_bench: --rows must be a positive multiple of --partitions ($partitions), not '$rows'" >&2; exit 2; }
# librdkafka's mock keeps at most 5 MB of record batches per partition (rd_kafka_mock_partition_init:
# max_size) and drops the oldest beyond that: about 44 bytes a record here (a 36-byte value).
[[ $((rows / partitions)) -le 110000 ]] \
  || { echo "kafka_bench: $((rows / partitions)) records per partition do not fit kafka_mock's 5 MB per partition; use --partitions $(((rows + 109999) / 110000)) or more" >&2; exit 2; }

SLUICE=${SLUICE:-build/compiler/sluice}
KAFKA_MOCK=${KAFKA_MOCK:-build/tests/tools/kafka_mock}
GEN_EVENTS=${GEN_EVENTS:-build/tests/tools/gen_events}
data=bench/data/kafka_events
out=bench/out
gen_opts=(--files "$partitions" --lines-per-file $((rows / partitions)) --seed 42)
export LC_ALL=C
mkdir -p "$out"

die() {
  echo "kafka_bench: $*" >&2
  exit 1
}

# shellcheck source=bench_lib.sh
source "$root/bench/bench_lib.sh"

# cpu_of PID -> user + system CPU seconds the process has used so far
clk_tck=$(getconf CLK_TCK)
cpu_of() { awk -v t="$clk_tck" '{ sub(/^.*\) /, ""); printf "%.3f\n", ($12 + $13) / t }' "/proc/$1/stat"; }

for tool in "$SLUICE" "$KAFKA_MOCK"; do
  [[ -x $tool ]] || die "no $tool (build the project, or set SLUICE=... / KAFKA_MOCK=...)"
done
command -v kcat > /dev/null || die "kcat is not installed (scripts/setup.sh installs it)"

# ---- data -----------------------------------------------------------------
gen_events_once "$data" bench/data/kafka_events.stamp "$rows" "${gen_opts[@]}"
bytes=$(data_bytes "$data")
cat "$data"/file-*.json > /dev/null # warm the page cache

# ---- the cluster ----------------------------------------------------------------
# kafka_mock serves until its standard input closes: a FIFO held open by this script.
mock_dir=$(mktemp -d "${TMPDIR:-/tmp}/kafka_bench.XXXXXX")
mock_pid=""
stop_mock() {
  if [[ -n $mock_pid ]]; then
    exec {mock_fd}>&-
    wait "$mock_pid" 2> /dev/null || true
  fi
  rm -rf "$mock_dir"
}
trap stop_mock EXIT
mkfifo "$mock_dir/in"
"$KAFKA_MOCK" --topic "events:$partitions" < "$mock_dir/in" > "$mock_dir/out" 2> "$mock_dir/err" &
mock_pid=$!
exec {mock_fd}> "$mock_dir/in"
boot=""
for _ in $(seq 100); do
  boot=$(head -n 1 "$mock_dir/out" 2> /dev/null || true)
  [[ -n $boot ]] && break
  sleep 0.05
done
[[ -n $boot ]] || die "kafka_mock did not start: $(cat "$mock_dir/err")"

# File i into partition i: one kcat producer per partition, all at once.
t0=$EPOCHREALTIME
pids=()
for ((p = 0; p < partitions; p++)); do
  kcat -P -b "$boot" -t events -p "$p" -X linger.ms=20 -l "$data/file-$p.json" 2> "$out/kafka_load_$p.err" &
  pids+=($!)
done
for ((p = 0; p < partitions; p++)); do
  wait "${pids[$p]}" || { cat "$out/kafka_load_$p.err" >&2; die "kcat could not load partition $p"; }
done
t1=$EPOCHREALTIME
load_s=$(elapsed "$t0" "$t1")
for ((p = 0; p < partitions; p++)); do
  first=$(kcat -C -b "$boot" -t events -p "$p" -o beginning -c 1 -e -q -f '%o\n' 2> /dev/null || true)
  [[ $first == 0 ]] || die "partition $p starts at offset '$first', not 0: kafka_mock dropped records (fewer rows per partition?)"
done
echo "load: $rows records into $partitions partitions with kcat in $load_s s"

# ---- the queries --------------------------------------------------------------------
# The same count over both sources: from_json of the value (the schema the files source is
# given), every group printed (numRows above the group count) so that the two can be compared.
schema='time TIMESTAMP, action STRING'
count_query() { # SOURCE_NAME
  cat << EOF
CREATE SINK out WITH (connector = 'console', numRows = 1000000, truncate = false);
INSERT INTO out
SELECT action, window(time, '1 hour') AS window, count(*) AS count
FROM $1
GROUP BY action, window(time, '1 hour')
ORDER BY window, action
WITH (outputMode = 'complete');
EOF
}
{
  echo "-- kafka_bench.sh: the events count over the kafka source."
  echo "CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$boot',"
  echo "                      subscribe = 'events', startingOffsets = 'earliest');"
  count_query "(SELECT e.time AS time, e.action AS action
      FROM (SELECT from_json(CAST(value AS STRING), '$schema') AS e FROM k))"
} > "$out/kafka_events.sql"
{
  echo "-- kafka_bench.sh: the events count over the files source."
  echo "CREATE SOURCE events ($schema)"
  echo "  WITH (connector = 'files', path = '$data', format = 'json');"
  count_query events
} > "$out/files_events.sql"

# series NAME -> builds $out/NAME.sql, runs it $runs times; sets med_wall, med_cpu, med_mock
series() {
  local name=$1 walls=() cpus=() mocks=() t0 t1 m0 m1 size first_size="" i
  local TIMEFORMAT='%3R %3U %3S' t
  "$SLUICE" build "$out/$name.sql" -o "$out/$name" -O2 > "$out/$name.build.log" 2>&1 \
    || { cat "$out/$name.build.log" >&2; die "sluice build of $out/$name.sql failed"; }
  for ((i = 0; i < runs; i++)); do
    m0=$(cpu_of "$mock_pid")
    { time "$out/$name" --trigger availableNow --threads 1 > "$out/$name.out" 2> "$out/$name.err"; } 2> "$out/$name.time" \
      || { cat "$out/$name.err" >&2; die "$out/$name failed"; }
    m1=$(cpu_of "$mock_pid")
    t=$(tail -n 1 "$out/$name.time")
    walls+=("$(awk '{ print $1 }' <<< "$t")")
    cpus+=("$(awk '{ printf "%.3f\n", $2 + $3 }' <<< "$t")")
    mocks+=("$(awk -v a="$m0" -v b="$m1" 'BEGIN { printf "%.3f\n", b - a }')")
    size=$(stat -c %s "$out/$name.out")
    [[ -z $first_size ]] && first_size=$size
    [[ $size -eq $first_size ]] || die "$name: run $((i + 1)) printed $size bytes, run 1 printed $first_size"
  done
  echo "$name: wall ${walls[*]} s; cpu ${cpus[*]} s; kafka_mock cpu ${mocks[*]} s"
  med_wall=$(printf '%s\n' "${walls[@]}" | median)
  med_cpu=$(printf '%s\n' "${cpus[@]}" | median)
  med_mock=$(printf '%s\n' "${mocks[@]}" | median)
  normalise_console "$out/$name.out" > "$out/$name.norm"
  if grep -q '^TRUNCATED' "$out/$name.norm"; then
    die "$name: the console output was cut (raise numRows)"
  fi
}
series kafka_events
kafka_wall=$med_wall kafka_cpu=$med_cpu kafka_mock_cpu=$med_mock
series files_events
files_wall=$med_wall files_cpu=$med_cpu

# ---- same answer? -------------------------------------------------------------
if ! diff -u --label "files (action,window_start,count)" --label "kafka (action,window_start,count)" \
  "$out/files_events.norm" "$out/kafka_events.norm" > "$out/kafka_diff.txt"; then
  head -n 40 "$out/kafka_diff.txt" >&2
  die "RESULTS DIFFER: the kafka and files paths do not give the same counts (full diff: $out/kafka_diff.txt)"
fi
groups=$(wc -l < "$out/files_events.norm")
total=$(awk -F, '{ s += $3 } END { print s + 0 }' "$out/files_events.norm")
[[ $total -eq $rows ]] || die "the counts add up to $total, not $rows"
echo "check: kafka and files agree on all $groups (action, window, count) groups, $total events"

# ---- report -------------------------------------------------------------------
row() { # name wall cpu
  awk -v n="$1" -v w="$2" -v c="$3" -v e="$rows" -v b="$bytes" 'BEGIN {
    printf "%-16s %9.3f %9.3f %10.2f %10.1f %13.2f %11.1f\n", n, w, c, e / w / 1e6, b / w / 1e6, e / c / 1e6, b / c / 1e6 }'
}
echo
echo "events count: $rows events, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of JSON, $partitions partitions, $groups groups, median of $runs runs"
printf '%-16s %9s %9s %10s %10s %13s %11s\n' source "wall s" "CPU s" "M rows/s" "MB/s" "M rows/CPU-s" "MB/CPU-s"
row "kafka" "$kafka_wall" "$kafka_cpu"
row "files (json)" "$files_wall" "$files_cpu"
awk -v kw="$kafka_wall" -v kc="$kafka_cpu" -v fw="$files_wall" -v fc="$files_cpu" -v m="$kafka_mock_cpu" 'BEGIN {
  printf "ratio kafka/files: %.2fx wall, %.2fx CPU\n", kw / fw, kc / fc
  printf "kafka_mock (the broker) used %.3f s CPU during a kafka run (not counted above)\n", m }'
echo "load with kcat (not counted above): $load_s s"
echo "(whole process, start to exit; CPU = user + system of the sluice executable; MB = 10^6 bytes of JSON Lines)"
