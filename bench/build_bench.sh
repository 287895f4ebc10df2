#!/usr/bin/env bash
# build_bench.sh - how long sluice takes to compile: `sluice build` of the flagship, a program of
# four queries and the rate benchmark's query (the phases of --time, wall and CPU time), and the
# commands that compile nothing: `check` and a `run` whose executable is cached (see bench/README.md).
#
#   bench/build_bench.sh [--runs N]           # N defaults to 5
#
# Environment: SLUICE (default build/compiler/sluice); BASELINE, another sluice to time beside it
# (a build of an earlier commit), whose figures print on the lines marked "baseline".
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=bench/bench_lib.sh
. bench/bench_lib.sh

runs=5
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) [[ $# -ge 2 ]] || { echo "usage: $0 [--runs N]" >&2; exit 2; }; runs=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N]" >&2; exit 2 ;;
  esac
done
out=$root/bench/out/build
mkdir -p "$out"
queries=(examples/events_windowed_counts.sql examples/activity.sql bench/rate_windowed.sql)
# activity.sql infers its schema from its files, and the cached run reads the flagship's: generate
# them when they are missing, as scripts/demo.sh does.
if [[ ! -d examples/data/activity ]]; then
  build/tests/tools/gen_activity --out examples/data/activity --files 10 --lines-per-file 1000 --seed 3 > /dev/null
fi
if [[ ! -d examples/data/events ]]; then
  build/tests/tools/gen_events --out examples/data/events --files 50 --lines-per-file 2000 > /dev/null
fi

# time_cmd FILE CMD... -> appends "wall cpu" seconds of one run of CMD (children included) to FILE
time_cmd() {
  local file=$1 TIMEFORMAT='%3R %3U %3S'
  shift
  if ! { time "$@" > /dev/null 2>> "$out/stderr"; } 2> "$out/t"; then
    echo "build_bench: failed: $* (see $out/stderr)" >&2
    tail -5 "$out/stderr" >&2
    exit 1
  fi
  awk '{ printf "%.4f %.4f\n", $1, $2 + $3 }' "$out/t" >> "$file"
}

report() { # LABEL FILE
  printf '%-52s wall %7.1f ms   cpu %7.1f ms\n' "$1" \
    "$(cut -d' ' -f1 "$2" | median | awk '{ print $1 * 1000 }')" \
    "$(cut -d' ' -f2 "$2" | median | awk '{ print $1 * 1000 }')"
}

bench_one() { # LABEL SLUICE
  local label=$1 s=$2
  for q in "${queries[@]}"; do
    : > "$out/times"
    : > "$out/phases"
    for ((i = 0; i < runs; i++)); do
      time_cmd "$out/times" "$s" build "$q" -o "$out/exe"
    done
    report "$label build $(basename "$q")" "$out/times"
    # The phases, once more: the median run's line is not worth a second loop of runs.
    "$s" build "$q" -o "$out/exe" --time 2>&1 | grep '^sluice:' | sed 's/^sluice: /    /' || true
  done
  : > "$out/times"
  for ((i = 0; i < runs; i++)); do
    time_cmd "$out/times" "$s" check "${queries[0]}"
  done
  report "$label check $(basename "${queries[0]}")" "$out/times"
  "$s" run "${queries[0]}" -- --max-batches 0 > /dev/null # fill the cache
  : > "$out/times"
  for ((i = 0; i < runs; i++)); do
    time_cmd "$out/times" "$s" run "${queries[0]}" -- --max-batches 0
  done
  report "$label run (cached) $(basename "${queries[0]}")" "$out/times"
  # The executable from its start to its first batch's output: the whole process on ten
  # events (start, one batch, exit), in a directory holding only those.
  local first=$out/first
  rm -rf "$first" && mkdir -p "$first/examples/data"
  build/tests/tools/gen_events --out "$first/examples/data/events" --files 1 --lines-per-file 10 > /dev/null
  "$s" build "${queries[0]}" -o "$first/exe" 2>> "$out/stderr"
  : > "$out/times"
  for ((i = 0; i < runs; i++)); do
    (cd "$first" && time_cmd "$out/times" ./exe --trigger availableNow)
  done
  report "$label executable: start, 1st batch (10 events), exit" "$out/times"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $runs runs, medians"
bench_one "sluice" "${SLUICE:-build/compiler/sluice}"
if [[ -n ${BASELINE:-} ]]; then
  bench_one "baseline" "$BASELINE"
fi
