#!/usr/bin/env bash
# rate_bench.sh - the aggregation core alone: sluice vs DuckDB on a windowed count + sum over
# rate-micro-batch rows, no parsing (see bench/README.md).
#
#   bench/rate_bench.sh [--runs N] [--rows N] [--duckdb-only]
#
# Environment: SLUICE (default build/compiler/sluice).
# Builds bench/rate_windowed.sql, runs it with --max-batches (rows / rowsPerBatch) N times on
# one thread and N times on two (--threads; each batch's rows split into tasks that make their
# own rows, srt_par.c) (wall and user + system CPU time of the whole process, the same output
# both ways), runs the same query with 100-row
# batches to measure what the batches and the console sink cost on their own, runs the same
# computation in DuckDB over range(rows) with 1 thread and with its default threads N times
# each, checks that all give the same (window, key, count, sum) set, and prints medians.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

usage() {
  echo "usage: $0 [--runs N] [--rows N] [--duckdb-only]" >&2
  exit 2
}
runs=5
rows=200000000
duckdb_only=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=${2:-}; [[ $# -ge 2 ]] || usage; shift 2 ;;
    --rows) rows=${2:-}; [[ $# -ge 2 ]] || usage; shift 2 ;;
    --duckdb-only) duckdb_only=1; shift ;;
    *) usage ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "rate_bench: bad run count '$runs'" >&2; exit 2; }
[[ $rows =~ ^[1-9][0-9]*$ ]] || { echo "rate_bench: bad row count '$rows'" >&2; exit 2; }

SLUICE=${SLUICE:-build/compiler/sluice}
out=bench/out
query=bench/rate_windowed.sql
export LC_ALL=C
mkdir -p "$out"

die() {
  echo "rate_bench: $*" >&2
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

# sql_option NAME -> the integer value of `NAME = <digits>` in the query file
sql_option() {
  local v
  v=$(sed -n "s/.*[^A-Za-z]$1 *= *\([0-9][0-9]*\).*/\1/p" "$query" | head -n 1)
  [[ -n $v ]] || die "cannot find option $1 in $query"
  echo "$v"
}

# ---- the query's parameters (one source of truth: the .sql file) -------------------
rows_per_batch=$(sql_option rowsPerBatch)
start_ms=$(sql_option startTimestamp)
advance_ms=$(sql_option advanceMillisPerBatch)
num_rows=$(sql_option numRows)
window_s=10
modulus=100
grep -q "window(timestamp, '$window_s seconds')" "$query" || die "$query no longer groups by a $window_s-second window"
grep -q "value % $modulus" "$query" || die "$query no longer groups by value % $modulus"
((rows % rows_per_batch == 0)) || die "--rows $rows is not a multiple of rowsPerBatch ($rows_per_batch)"
batches=$((rows / rows_per_batch))
((num_rows >= modulus)) || die "numRows ($num_rows) in $query is below the $modulus groups a batch updates"

# run_timed OUTFILE CMD... -> "wall user sys" seconds of CMD (stdout to OUTFILE)
run_timed() {
  local outfile=$1 tf=$out/rate_time.txt
  shift
  local TIMEFORMAT='%3R %3U %3S'
  { time "$@" > "$outfile" 2> "$out/rate_run.err"; } 2> "$tf" || { cat "$out/rate_run.err" >&2; die "failed: $*"; }
  tail -n 1 "$tf"
}

# Every batch's console table -> the final state, as sorted "window_start,k,count,sum" lines
# (update mode prints only the groups a batch changed, so the last row seen for a group wins).
# Prints "BATCHES: n" first, and "TRUNCATED: ..." if numRows cut a table.
normalise_console() {
  awk '
    /^Batch: [0-9]+$/ { batches++; header = 1; next }
    /^only showing top/ { print "TRUNCATED: " $0; next }
    !/^\|/ { next }
    header { header = 0; next }
    {
      split($0, f, "|")
      w = f[2]; k = f[3]; c = f[4]; s = f[5]
      sub(/^ *\{/, "", w); sub(/,.*$/, "", w)
      gsub(/ /, "", k); gsub(/ /, "", c); gsub(/ /, "", s)
      state[w "," k] = c "," s
    }
    END {
      print "BATCHES: " batches + 0
      for (g in state) print g "," state[g]
    }' "$1" | sort
}

# sluice_series NAME EXE [ARGS...] -> runs EXE --max-batches $batches ARGS $runs times; sets
# med_wall, med_cpu
sluice_series() {
  local name=$1 exe=$2 walls=() cpus=() first_size="" t size i
  shift 2
  for ((i = 0; i < runs; i++)); do
    t=$(run_timed "$out/$name.out" "$exe" --max-batches "$batches" "$@")
    walls+=("$(awk '{ print $1 }' <<< "$t")")
    cpus+=("$(awk '{ printf "%.3f\n", $2 + $3 }' <<< "$t")")
    size=$(stat -c %s "$out/$name.out")
    [[ -z $first_size ]] && first_size=$size
    [[ $size -eq $first_size ]] || die "$name run $((i + 1)) printed $size bytes, run 1 printed $first_size"
  done
  echo "$name: wall ${walls[*]} s; cpu ${cpus[*]} s"
  med_wall=$(printf '%s\n' "${walls[@]}" | median)
  med_cpu=$(printf '%s\n' "${cpus[@]}" | median)
}

exe=$out/rate_windowed
ovh_sql=$out/rate_overhead.sql
ovh_exe=$out/rate_overhead
ovh_rows_per_batch=$modulus # one row per key: every batch still updates and prints all keys of its window
build_cmd="$SLUICE build $query -o $exe -O2"
run_cmd="$exe --max-batches $batches --threads 1|2"

# ---- sluice -------------------------------------------------------------------------
if [[ $duckdb_only -eq 0 ]]; then
  [[ -x $SLUICE ]] || die "no sluice at $SLUICE (build it, set SLUICE=..., or use --duckdb-only)"
  t0=$EPOCHREALTIME
  $build_cmd > "$out/rate_build.log" 2>&1 || { cat "$out/rate_build.log" >&2; die "sluice build failed"; }
  t1=$EPOCHREALTIME
  build_ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
  sed "s/rowsPerBatch *= *[0-9][0-9]*/rowsPerBatch = $ovh_rows_per_batch/" "$query" > "$ovh_sql"
  "$SLUICE" build "$ovh_sql" -o "$ovh_exe" -O2 > "$out/rate_build.log" 2>&1 || { cat "$out/rate_build.log" >&2; die "sluice build of $ovh_sql failed"; }

  load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
  sluice_series rate_sluice "$exe" --threads 1
  sluice_wall=$med_wall sluice_cpu=$med_cpu
  sluice_series rate_sluice2 "$exe" --threads 2
  sluice2_wall=$med_wall sluice2_cpu=$med_cpu
  cmp -s "$out/rate_sluice.out" "$out/rate_sluice2.out" || die "sluice printed other output on two threads"
  sluice_series rate_overhead "$ovh_exe" --threads 1
  ovh_wall=$med_wall ovh_cpu=$med_cpu
  load_after=$(cut -d ' ' -f 1-3 /proc/loadavg)

  normalise_console "$out/rate_sluice.out" > "$out/rate_sluice.norm"
  grep -q '^TRUNCATED' "$out/rate_sluice.norm" && die "the console output was cut (raise numRows in $query)"
  seen=$(sed -n 's/^BATCHES: //p' "$out/rate_sluice.norm")
  [[ $seen -eq $batches ]] || die "sluice printed $seen batches, expected $batches"
  sed -i '/^BATCHES: /d' "$out/rate_sluice.norm"
  out_bytes=$(stat -c %s "$out/rate_sluice.out")
fi

# ---- DuckDB -------------------------------------------------------------------------
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "installing nodejs and npm (Debian packages)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm
fi
if [[ ! -d bench/node_modules/@duckdb/node-api ]]; then
  npm install --prefix bench --no-package-lock --no-audit --no-fund
fi
duck_args=(--rows "$rows" --rows-per-batch "$rows_per_batch" --start-ms "$start_ms" --advance-ms "$advance_ms"
  --window-s "$window_s" --modulus "$modulus")
node bench/duckdb_rate.mjs "${duck_args[@]}" --threads 1 --runs "$runs" --out "$out/rate_duckdb1.norm" > "$out/rate_duckdb1.json"
node bench/duckdb_rate.mjs "${duck_args[@]}" --threads default --runs "$runs" --out "$out/rate_duckdbN.norm" > "$out/rate_duckdbN.json"
json_field() { sed -n "s/.*\"$2\":\([0-9.eE+-]*\).*/\1/p" "$1"; }
duck1_s=$(json_field "$out/rate_duckdb1.json" median_s)
duck1_cpu=$(json_field "$out/rate_duckdb1.json" median_cpu_s)
duckN_s=$(json_field "$out/rate_duckdbN.json" median_s)
duckN_cpu=$(json_field "$out/rate_duckdbN.json" median_cpu_s)
echo "duckdb 1 thread: $(cat "$out/rate_duckdb1.json")"
echo "duckdb default:  $(cat "$out/rate_duckdbN.json")"

# ---- same answer? -------------------------------------------------------------------
diff -u --label "duckdb 1 thread" --label "duckdb default" "$out/rate_duckdb1.norm" "$out/rate_duckdbN.norm" > "$out/rate_diff.txt" \
  || { head -n 40 "$out/rate_diff.txt" >&2; die "DuckDB's two runs disagree"; }
groups=$(wc -l < "$out/rate_duckdb1.norm")
[[ $groups -gt 0 ]] || die "DuckDB returned no groups"
total_count=$(awk -F, '{ s += $3 } END { printf "%.0f", s }' "$out/rate_duckdb1.norm")
[[ $total_count == "$rows" ]] || die "DuckDB's counts add up to $total_count, not $rows"
if [[ $duckdb_only -eq 0 ]]; then
  if ! diff -u --label "duckdb (window_start,k,count,sum)" --label "sluice (window_start,k,count,sum)" \
    "$out/rate_duckdb1.norm" "$out/rate_sluice.norm" > "$out/rate_diff.txt"; then
    head -n 40 "$out/rate_diff.txt" >&2
    die "RESULTS DIFFER: sluice and DuckDB do not give the same groups (full diff: $out/rate_diff.txt)"
  fi
  echo "check: sluice's final state and DuckDB agree on all $groups (window, k, count, sum) groups"
else
  echo "check: DuckDB 1 thread and default agree on all $groups groups"
fi

# ---- report -------------------------------------------------------------------------
row() { # name wall cpu
  awk -v n="$1" -v w="$2" -v c="$3" -v r="$rows" \
    'BEGIN { printf "%-30s %8.3f %8.3f %12.1f %14.1f\n", n, w, c, r / w / 1e6, r / c / 1e6 }'
}
echo
echo "rate query: $rows rows in $batches batches of $rows_per_batch, $groups (10-second window, value % $modulus) groups, median of $runs runs"
printf '%-30s %8s %8s %12s %14s\n' system "wall s" "CPU s" "M rows/s" "M rows/CPU-s"
if [[ $duckdb_only -eq 0 ]]; then
  row "sluice (1 thread)" "$sluice_wall" "$sluice_cpu"
  row "sluice (2 threads)" "$sluice2_wall" "$sluice2_cpu"
fi
row "duckdb (1 thread)" "$duck1_s" "$duck1_cpu"
row "duckdb (default, $(nproc) cores)" "$duckN_s" "$duckN_cpu"
if [[ $duckdb_only -eq 0 ]]; then
  awk -v s="$sluice_wall" -v s2="$sluice2_wall" -v c="$sluice_cpu" -v c2="$sluice2_cpu" 'BEGIN {
    printf "sluice 2 threads against 1: %.2fx wall, %.2fx the CPU\n", s / s2, c2 / c }'
  echo "load average (1, 5, 15 min) before the sluice runs: $load_before; after: $load_after"
  awk -v s="$sluice_wall" -v sc="$sluice_cpu" -v d1="$duck1_s" -v d1c="$duck1_cpu" -v dn="$duckN_s" -v dnc="$duckN_cpu" 'BEGIN {
    printf "ratio duckdb(1 thread)/sluice: %.2fx wall, %.2fx CPU\n", d1 / s, d1c / sc
    printf "ratio duckdb(default)/sluice:  %.2fx wall, %.2fx CPU\n", dn / s, dnc / sc }'
  awk -v w="$ovh_wall" -v c="$ovh_cpu" -v s="$sluice_wall" -v b="$batches" -v r="$ovh_rows_per_batch" -v o="$out_bytes" 'BEGIN {
    printf "batches + console sink alone (%d batches of %d rows, the same rows printed): %.3f s wall, %.3f s CPU = %.1f%% of the sluice wall time (%d bytes printed)\n",
      b, r, w, c, 100 * w / s, o }'
  echo "sluice build (compile + link, -O2): ${build_ms} ms"
fi
echo "(sluice: whole process, start to exit, CPU = user + system; DuckDB: in-process, instance creation to last row, CPU of the node process)"
echo
echo "commands:"
[[ $duckdb_only -eq 1 ]] || { echo "  $build_cmd"; echo "  $run_cmd"; }
echo "  node bench/duckdb_rate.mjs ${duck_args[*]} --threads 1|default --runs $runs"
echo "  DuckDB SQL (SET TimeZone = 'UTC'; SET threads = 1 for the 1-thread runs):"
node bench/duckdb_rate.mjs "${duck_args[@]}" --show-sql | sed 's/^/    /'
