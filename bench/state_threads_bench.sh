#!/usr/bin/env bash
# state_threads_bench.sh - DROP DUPLICATES, session windows, an average of a DOUBLE (its values
# replayed at the fold), DROP DUPLICATES before an aggregation and before a session window,
# collect_set and mode (which keep their query on one thread: only that time is printed), an
# interval sum and average (values replayed at the fold) on 1 thread and on every core.
#
#   bench/state_threads_bench.sh [--runs N]
#
# Environment: SLUICE (default build/compiler/sluice), GEN_EVENTS (default
# build/tests/tools/gen_events), QUERIES (default "dedup sessions avg dedup_count
# dedup_sessions collect interval": bench/events_<q>.sql).  Generates 4 M events (fixed seed,
# ~145 MB) into bench/data/events_state once, builds each query, runs it N times with --trigger
# availableNow on one thread and N times with --threads $(nproc) (every run's output byte for
# byte the first one's), and prints the median wall times and the speed-up.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# shellcheck source=bench_lib.sh
source "$root/bench/bench_lib.sh"
runs=$(bench_runs "$0" "$@")
SLUICE=${SLUICE:-build/compiler/sluice}
GEN_EVENTS=${GEN_EVENTS:-build/tests/tools/gen_events}
data=bench/data/events_state
out=bench/out # gen_events_once builds gen_events here when there is none
export LC_ALL=C
mkdir -p "$out"
die() { bench_die state_threads_bench "$@"; }

gen_events_once "$data" bench/data/events_state.stamp $((20 * 200000)) --files 20 --lines-per-file 200000 --seed 42
cat "$data"/file-*.json > /dev/null # from the page cache
[[ -x $SLUICE ]] || die "no sluice at $SLUICE (build it or set SLUICE=...)"

# run EXE THREADS: the median wall time of N runs; every run prints the first run's bytes.
run() {
  local exe=$1 threads=$2 times=() i t0 t1
  for ((i = 0; i < runs; i++)); do
    t0=$EPOCHREALTIME
    "$exe" --trigger availableNow --threads "$threads" > "$exe.out" 2> "$exe.err" || { cat "$exe.err" >&2; die "$exe failed"; }
    t1=$EPOCHREALTIME
    times+=("$(elapsed "$t0" "$t1")")
    if [[ ! -f $exe.first ]]; then
      cp "$exe.out" "$exe.first"
    elif ! cmp -s "$exe.out" "$exe.first"; then
      die "$exe on $threads threads printed other bytes than its first run on 1 thread"
    fi
  done
  printf '%s\n' "${times[@]}" | median
}

n=$(nproc)
printf '%-10s %12s %12s %9s\n' query "1 thread s" "$n threads s" speed-up
for q in ${QUERIES:-dedup sessions avg dedup_count dedup_sessions collect interval}; do
  exe=$out/events_$q
  "$SLUICE" build "bench/events_$q.sql" -o "$exe" -O2 > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; die "sluice build failed"; }
  rm -f "$exe.first"
  one=$(run "$exe" 1)
  if ! "$SLUICE" explain "bench/events_$q.sql" | grep -q 'split across threads'; then
    awk -v q="$q" -v a="$one" 'BEGIN { printf "%-10s %12.3f %12s %9s\n", q, a, "one thread", "-" }'
    continue
  fi
  many=$(run "$exe" "$n")
  awk -v q="$q" -v a="$one" -v b="$many" 'BEGIN { printf "%-10s %12.3f %12.3f %8.2fx\n", q, a, b, a / b }'
done
