#!/usr/bin/env bash
# events_bench.sh - sluice vs DuckDB on the events query (see bench/README.md).
#
#   bench/events_bench.sh [--runs N] [--duckdb-only]
#
# Environment: SLUICE (default build/compiler/sluice), GEN_EVENTS (default
# build/tests/tools/gen_events, else compiled here from tests/tools/gen_events.c),
# BASELINE (optional: another sluice; its executable of the query and this one's run
# alternately N times each on one thread, their output byte for byte the same).
# Generates 20 M events (fixed seed, ~725 MB) into bench/data/events once, builds
# bench/events_tumbling.sql, runs it N times with --trigger availableNow on one thread
# and N times on every core (--threads $(nproc), output byte for byte the same), runs
# DuckDB with 1 thread and with its default threads N times each, checks that
# all give the same (action, window start, count) set, and prints medians.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

runs=5
duckdb_only=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --duckdb-only) duckdb_only=1; shift ;;
    [0-9]*) runs=$1; shift ;;
    *) echo "usage: $0 [--runs N] [--duckdb-only]" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "events_bench: bad run count '$runs'" >&2; exit 2; }

SLUICE=${SLUICE:-build/compiler/sluice}
GEN_EVENTS=${GEN_EVENTS:-build/tests/tools/gen_events}
data=bench/data/events
out=bench/out
query=bench/events_tumbling.sql
gen_opts=(--files 100 --lines-per-file 200000 --seed 42)
events=$((100 * 200000))
export LC_ALL=C
mkdir -p "$out"

die() {
  echo "events_bench: $*" >&2
  exit 1
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo > /dev/null; then
    sudo "$@"
  else
    die "need root (or sudo) for: $*"
  fi
}

# shellcheck source=bench_lib.sh
source "$root/bench/bench_lib.sh"

# ---- data -----------------------------------------------------------------
gen_events_once "$data" bench/data/events.stamp "$events" "${gen_opts[@]}"
bytes=$(data_bytes "$data")
cat "$data"/file-*.json > /dev/null # warm the page cache: every system reads from memory

# ---- sluice -----------------------------------------------------------------
if [[ $duckdb_only -eq 0 ]]; then
  [[ -x $SLUICE ]] || die "no sluice at $SLUICE (build it, set SLUICE=..., or use --duckdb-only)"
  exe=$out/events_tumbling
  build_times=()
  for ((i = 0; i < runs; i++)); do
    t0=$EPOCHREALTIME
    "$SLUICE" build "$query" -o "$exe" -O2 > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; die "sluice build failed"; }
    t1=$EPOCHREALTIME
    build_times+=("$(elapsed "$t0" "$t1")")
  done
  build_ms=$(printf '%s\n' "${build_times[@]}" | median | awk '{ printf "%.1f", $1 * 1000 }')

  # run_sluice THREADS: the median wall time of N runs on that many threads; every run's
  # output must be byte for byte the first one-thread run's.
  run_sluice() {
    local threads=$1 times=() i t0 t1
    for ((i = 0; i < runs; i++)); do
      t0=$EPOCHREALTIME
      "$exe" --trigger availableNow --threads "$threads" > "$out/sluice.out" 2> "$out/sluice.err" || { cat "$out/sluice.err" >&2; die "the sluice executable failed"; }
      t1=$EPOCHREALTIME
      times+=("$(elapsed "$t0" "$t1")")
      if [[ ! -f $out/sluice.first ]]; then
        cp "$out/sluice.out" "$out/sluice.first"
      elif ! cmp -s "$out/sluice.out" "$out/sluice.first"; then
        die "run $((i + 1)) on $threads threads printed other bytes than the first run on 1 thread (a checkpoint left behind?)"
      fi
    done
    printf '%s\n' "${times[@]}" | median
  }
  rm -f "$out/sluice.first"
  sluice_s=$(run_sluice 1)
  sluiceN_s=$(run_sluice "$(nproc)")
  normalise_console "$out/sluice.out" > "$out/sluice.norm"
  if grep -q '^TRUNCATED' "$out/sluice.norm"; then
    die "the console output was cut (raise numRows in $query)"
  fi
fi

# ---- baseline: another sluice's executable beside this one's (optional) ----------------
if [[ $duckdb_only -eq 0 && -n ${BASELINE:-} ]]; then
  [[ -x $BASELINE ]] || die "no sluice at BASELINE=$BASELINE"
  base_exe=$out/events_tumbling_baseline
  "$BASELINE" build "$query" -o "$base_exe" -O2 > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; die "baseline build failed"; }
  : > "$out/ab.times"
  for ((i = 0; i < runs; i++)); do
    for e in "$base_exe" "$exe"; do # alternately, so that both see the same load
      t0=$EPOCHREALTIME
      "$e" --trigger availableNow --threads 1 > "$out/ab.out" 2> "$out/sluice.err" || { cat "$out/sluice.err" >&2; die "$e failed"; }
      t1=$EPOCHREALTIME
      cmp -s "$out/ab.out" "$out/sluice.first" || die "$e printed other bytes than the first one-thread run"
      echo "$e $(elapsed "$t0" "$t1")" >> "$out/ab.times"
    done
  done
  ab_median() { grep "^$1 " "$out/ab.times" | cut -d' ' -f2 | median; }
  ab_min() { grep "^$1 " "$out/ab.times" | cut -d' ' -f2 | sort -g | head -n 1; }
  base_s=$(ab_median "$base_exe")
  ab_s=$(ab_median "$exe")
  ab_line="baseline beside sluice, 1 thread, alternately: median $base_s s against $ab_s s (min $(ab_min "$base_exe") s against $(ab_min "$exe") s)"
fi

# ---- DuckDB -----------------------------------------------------------------
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "installing nodejs and npm (Debian packages)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm
fi
if [[ ! -d bench/node_modules/@duckdb/node-api ]]; then
  npm install --prefix bench --no-package-lock --no-audit --no-fund
fi
node bench/duckdb_events.mjs --data "$data" --threads 1 --runs "$runs" --out "$out/duckdb1.norm" > "$out/duckdb1.json"
node bench/duckdb_events.mjs --data "$data" --threads default --runs "$runs" --out "$out/duckdbN.norm" > "$out/duckdbN.json"
json_median() { sed -n 's/.*"median_s":\([0-9.eE+-]*\).*/\1/p' "$1"; }
duck1_s=$(json_median "$out/duckdb1.json")
duckN_s=$(json_median "$out/duckdbN.json")

# ---- same answer? -------------------------------------------------------------
diff -u --label "duckdb 1 thread" --label "duckdb default" "$out/duckdb1.norm" "$out/duckdbN.norm" > "$out/diff.txt" \
  || { head -n 40 "$out/diff.txt" >&2; die "DuckDB's two runs disagree"; }
groups=$(wc -l < "$out/duckdb1.norm")
[[ $groups -gt 0 ]] || die "DuckDB returned no groups"
if [[ $duckdb_only -eq 0 ]]; then
  if ! diff -u --label "duckdb (action,window_start,count)" --label "sluice (action,window_start,count)" \
    "$out/duckdb1.norm" "$out/sluice.norm" > "$out/diff.txt"; then
    head -n 40 "$out/diff.txt" >&2
    die "RESULTS DIFFER: sluice and DuckDB do not give the same counts (full diff: $out/diff.txt)"
  fi
  echo "check: sluice and DuckDB agree on all $groups (action, window, count) groups"
else
  echo "check: DuckDB 1 thread and default agree on all $groups groups"
fi

# ---- report -------------------------------------------------------------------
row() { # name seconds
  awk -v n="$1" -v s="$2" -v e="$events" -v b="$bytes" \
    'BEGIN { printf "%-24s %10.3f %12.2f %10.1f\n", n, s, e / s / 1e6, b / s / 1e6 }'
}
echo
echo "events query: $events events, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of JSON Lines, $groups groups, median of $runs runs"
printf '%-24s %10s %12s %10s\n' system "wall s" "M events/s" "MB/s"
[[ $duckdb_only -eq 1 ]] || row "sluice (1 thread)" "$sluice_s"
[[ $duckdb_only -eq 1 ]] || row "sluice ($(nproc) threads)" "$sluiceN_s"
row "duckdb (1 thread)" "$duck1_s"
row "duckdb ($(nproc) cores, default)" "$duckN_s"
if [[ $duckdb_only -eq 0 ]]; then
  awk -v s="$sluice_s" -v sn="$sluiceN_s" -v d1="$duck1_s" -v dn="$duckN_s" -v n="$(nproc)" 'BEGIN {
    printf "ratio duckdb(1 thread)/sluice(1 thread): %.2fx\n", d1 / s
    printf "ratio duckdb(%d cores)/sluice(%d threads): %.2fx\n", n, n, dn / sn
    printf "sluice speed-up from 1 to %d threads:    %.2fx\n", n, s / sn }'
  echo "sluice build (compile + link, -O2): median ${build_ms} ms"
  [[ -z ${ab_line:-} ]] || echo "$ab_line"
fi
echo "(sluice: whole process, start to exit; DuckDB: in-process, instance creation to last row fetched)"
