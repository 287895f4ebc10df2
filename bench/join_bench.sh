#!/usr/bin/env bash
# join_bench.sh - a stream-static join, sluice vs DuckDB (see bench/README.md).
#
#   bench/join_bench.sh [--runs N]
#
# The 20 M events of events_bench.sh (generated once into bench/data/events) joined with a
# 10,000-row table (bench/data/dim, written here) on time % 10000 = k and counted per (region,
# action): bench/join_events.sql run N times with --trigger availableNow, DuckDB running the same
# join as batch SQL with 1 thread, both answers compared; and bench/join_parse.sql, the same
# read and key without the join, to show what the join itself costs.  Prints medians.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

runs=5
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    *) echo "usage: $0 [--runs N]" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "join_bench: bad run count '$runs'" >&2; exit 2; }

SLUICE=${SLUICE:-build/compiler/sluice}
GEN_EVENTS=${GEN_EVENTS:-build/tests/tools/gen_events}
data=bench/data/events
dim=bench/data/dim
out=bench/out
events=$((100 * 200000))
export LC_ALL=C
mkdir -p "$out"
die() {
  echo "join_bench: $*" >&2
  exit 1
}
# shellcheck source=bench_lib.sh
source "$root/bench/bench_lib.sh"

gen_events_once "$data" bench/data/events.stamp "$events" --files 100 --lines-per-file 200000 --seed 42
mkdir -p "$dim"
awk 'BEGIN { for (k = 0; k < 10000; k++) printf "{\"k\": %d, \"region\": \"region-%02d\"}\n", k, k % 16 }' > "$dim/dim.json"
cat "$data"/file-*.json > /dev/null # warm the page cache

[[ -x $SLUICE ]] || die "no sluice at $SLUICE (build it or set SLUICE=...)"
# time_sluice NAME QUERY -> median seconds; the output in $out/NAME.out
time_sluice() {
  local name=$1 query=$2 exe=$out/$1 times=() i t0 t1
  "$SLUICE" build "$query" -o "$exe" -O2 > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; die "sluice build failed"; }
  for ((i = 0; i < runs; i++)); do
    t0=$EPOCHREALTIME
    "$exe" --trigger availableNow --threads 1 > "$out/$name.out" 2> "$out/$name.err" || { cat "$out/$name.err" >&2; die "$name failed"; }
    t1=$EPOCHREALTIME
    times+=("$(elapsed "$t0" "$t1")")
  done
  printf '%s\n' "${times[@]}" | median
}
join_s=$(time_sluice join_events bench/join_events.sql)
parse_s=$(time_sluice join_parse bench/join_parse.sql)
normalise_console "$out/join_events.out" > "$out/join_sluice.norm"

if [[ ! -d bench/node_modules/@duckdb/node-api ]]; then
  command -v npm > /dev/null || die "npm is needed for DuckDB (apt-get install nodejs npm)"
  npm install --prefix bench --no-package-lock --no-audit --no-fund
fi
node bench/duckdb_events.mjs --data "$data" --join "$dim" --threads 1 --runs "$runs" \
  --out "$out/join_duckdb.norm" > "$out/join_duckdb.json"
duck_s=$(sed -n 's/.*"median_s":\([0-9.eE+-]*\).*/\1/p' "$out/join_duckdb.json")
groups=$(wc -l < "$out/join_duckdb.norm")
[[ $groups -gt 0 ]] || die "DuckDB returned no groups"
diff -u --label "duckdb (region,action,count)" --label "sluice (region,action,count)" \
  "$out/join_duckdb.norm" "$out/join_sluice.norm" > "$out/join_diff.txt" \
  || { head -n 40 "$out/join_diff.txt" >&2; die "RESULTS DIFFER (full diff: $out/join_diff.txt)"; }
echo "check: sluice and DuckDB agree on all $groups (region, action, count) groups"

echo
echo "join query: $events events joined with 10000 rows, median of $runs runs"
printf '%-34s %10s %12s\n' system "wall s" "M events/s"
row() { awk -v n="$1" -v s="$2" -v e="$events" 'BEGIN { printf "%-34s %10.3f %12.2f\n", n, s, e / s / 1e6 }'; }
row "sluice (join)" "$join_s"
row "sluice (same read and key, no join)" "$parse_s"
row "duckdb (1 thread, join)" "$duck_s"
awk -v j="$join_s" -v p="$parse_s" -v d="$duck_s" 'BEGIN {
  printf "ratio duckdb(1 thread)/sluice: %.2fx\n", d / j
  printf "the join costs %.3f s beyond the read and key (%.0f%% of them)\n", j - p, (j - p) / p * 100 }'
