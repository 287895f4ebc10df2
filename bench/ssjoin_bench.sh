#!/usr/bin/env bash
# ssjoin_bench.sh - a stream-stream join of two rate-micro-batch streams with a time bound
# (bench/ssjoin_rate.sql) on one thread and on every core (--threads $(nproc): the rows keyed
# in tasks, joined on the query's thread, the output byte for byte the same), beside the
# windowed aggregation of bench/rate_windowed.sql over as many input rows, for scale (see
# bench/README.md).  With --checkpoint the one-thread join runs again with a checkpoint
# (bench/out/ssjoin_ckpt, emptied before each run): its time and the state files it writes a
# batch (state/<op>/: deltas, a snapshot every 10th version).
#
#   bench/ssjoin_bench.sh [--runs N] [--batches N] [--checkpoint]
#
# Environment: SLUICE (default build/compiler/sluice).  Each query is built once and run N
# times with --max-batches; prints the median wall time, the input rows per second, and the
# join's state at the end (numRowsTotal and memoryUsedBytes of its symmetricHashJoin progress).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
runs=3
batches=30
checkpoint=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --batches) batches=${2:?--batches needs a number}; shift 2 ;;
    --checkpoint) checkpoint=1; shift ;;
    *) echo "usage: $0 [--runs N] [--batches N] [--checkpoint]" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ && $batches =~ ^[1-9][0-9]*$ ]] || { echo "ssjoin_bench: bad number" >&2; exit 2; }

SLUICE=${SLUICE:-build/compiler/sluice}
out=bench/out
export LC_ALL=C
mkdir -p "$out"
die() {
  echo "ssjoin_bench: $*" >&2
  exit 1
}
# shellcheck source=bench_lib.sh
source "$root/bench/bench_lib.sh"
[[ -x $SLUICE ]] || die "no sluice at $SLUICE (build it or set SLUICE=...)"

per_batch=$(sed -n 's/.*rowsPerBatch = \([0-9]*\).*/\1/p' bench/ssjoin_rate.sql | head -n 1)
agg_per_batch=$(sed -n 's/.*rowsPerBatch = \([0-9]*\).*/\1/p' bench/rate_windowed.sql | head -n 1)
join_rows=$((2 * per_batch * batches))               # both sides
agg_batches=$(((join_rows + agg_per_batch - 1) / agg_per_batch))
agg_rows=$((agg_per_batch * agg_batches))

# time_query NAME QUERY BATCHES THREADS [CKPT] -> median seconds (progress of the last run in
# $out/NAME.jsonl; CKPT: a checkpoint directory removed before each run)
time_query() {
  local name=$1 query=$2 n=$3 threads=$4 ckpt=${5:-} exe=$out/$1 times=() i t0 t1
  "$SLUICE" build "$query" -o "$exe" -O2 > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; die "sluice build failed"; }
  for ((i = 0; i < runs; i++)); do
    rm -f "$out/$name.jsonl"
    [[ -z $ckpt ]] || rm -rf "$ckpt"
    t0=$EPOCHREALTIME
    "$exe" --max-batches "$n" --threads "$threads" --progress "$out/$name.jsonl" > "$out/$name.out" 2> "$out/$name.err" ||
      { cat "$out/$name.err" >&2; die "$name failed"; }
    t1=$EPOCHREALTIME
    times+=("$(elapsed "$t0" "$t1")")
  done
  printf '%s\n' "${times[@]}" | median
}

cores=$(nproc)
par_s=$(time_query ssjoin_rate_par bench/ssjoin_rate.sql "$batches" "$cores")
join_s=$(time_query ssjoin_rate bench/ssjoin_rate.sql "$batches" 1)
cmp -s "$out/ssjoin_rate.out" "$out/ssjoin_rate_par.out" || die "the output on $cores threads differs from one thread's"
agg_s=$(time_query ssjoin_agg bench/rate_windowed.sql "$agg_batches" "$cores")
state=$(tail -n 1 "$out/ssjoin_rate.jsonl")
total=$(sed -n 's/.*"numRowsTotal":\([0-9]*\).*/\1/p' <<< "$state")
bytes=$(sed -n 's/.*"memoryUsedBytes":\([0-9]*\).*/\1/p' <<< "$state")
joined=$(grep -c '^|[0-9]' "$out/ssjoin_rate.out" || true)
[[ $joined -eq $batches ]] || die "expected $batches printed join rows (one per batch), got $joined"

awk -v js="$join_s" -v ps="$par_s" -v c="$cores" -v jr="$join_rows" -v as="$agg_s" -v ar="$agg_rows" -v t="$total" -v b="$bytes" \
    -v n="$batches" -v runs="$runs" 'BEGIN {
  printf "stream-stream join (bench/ssjoin_rate.sql, %d batches, median of %d):\n", n, runs
  printf "  %.2f s for %d input rows (both sides): %.2f M rows/s\n", js, jr, jr / js / 1e6
  printf "  on %d threads: %.2f s, %.2f M rows/s\n", c, ps, jr / ps / 1e6
  printf "  state at the end: %d rows, %.1f MB (%.0f bytes a row)\n", t, b / 1e6, t ? b / t : 0
  printf "windowed aggregation (bench/rate_windowed.sql) over %d rows, for scale:\n", ar
  printf "  %.2f s: %.2f M rows/s\n", as, ar / as / 1e6
}'

if [[ $checkpoint == 1 ]]; then
  ckpt=$out/ssjoin_ckpt
  sed "s|WITH (name = 'ssjoin_rate')|WITH (name = 'ssjoin_rate', checkpointLocation = '$ckpt')|" \
    bench/ssjoin_rate.sql > "$out/ssjoin_rate_ckpt.sql"
  grep -q checkpointLocation "$out/ssjoin_rate_ckpt.sql" || die "no WITH (name = 'ssjoin_rate') to add a checkpoint to"
  ckpt_s=$(time_query ssjoin_rate_ckpt "$out/ssjoin_rate_ckpt.sql" "$batches" 1 "$ckpt")
  cmp -s "$out/ssjoin_rate.out" "$out/ssjoin_rate_ckpt.out" || die "the output with a checkpoint differs"
  # the join's state files (the query's only operator), their schema aside
  state_bytes=$(find "$ckpt/state" -path '*/_metadata' -prune -o -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  largest=$(find "$ckpt/state" -path '*/_metadata' -prune -o -type f -printf '%s\n' | sort -n | tail -n 1)
  awk -v cs="$ckpt_s" -v js="$join_s" -v n="$batches" -v sb="$state_bytes" -v lb="${largest:-0}" 'BEGIN {
  printf "with a checkpoint (one thread): %.2f s, %.1f ms a batch more than without\n", cs, (cs - js) * 1000 / n
  printf "  state files: %.1f MB a batch (%.1f MB in all over %d versions; the largest %.1f MB)\n", sb / n / 1e6, sb / 1e6, n, lb / 1e6
}'
fi
