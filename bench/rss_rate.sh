#!/usr/bin/env bash
# rss_rate.sh - does a long-running sluice query keep its memory flat?  Builds
# bench/rss_rate.sql (rate source, 1-second windows with a 5-second watermark, append
# mode: windows are emitted and evicted as the watermark passes them), runs it, samples
# the process's resident memory (VmRSS) once a second, stops it with SIGTERM and
# reports.
#
#   bench/rss_rate.sh [--seconds N] [--sluice PATH] [--query FILE]
#
# --seconds: how long to run (default 120, at least 6).  --sluice: the compiler (default
# $SLUICE, else build/compiler/sluice).  --query: another query to watch the same way, e.g.
# bench/rss_ssjoin.sql (a stream-stream join whose state the watermarks bound).  Prints one "t_s rss_kib" line per sample, then
# the first, last and largest RSS, the batches the query printed, and whether the mean RSS
# of the last third of the run is more than 10% above that of the middle third (the
# first third is warm-up).  Exit status: 0 flat, 1 grew or the query failed, 2 usage.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

usage() {
  echo "usage: $0 [--seconds N] [--sluice PATH] [--query FILE]" >&2
  exit 2
}
seconds=120
query=bench/rss_rate.sql
SLUICE=${SLUICE:-build/compiler/sluice}
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) [[ $# -ge 2 ]] || usage; seconds=$2; shift 2 ;;
    --sluice) [[ $# -ge 2 ]] || usage; SLUICE=$2; shift 2 ;;
    --query) [[ $# -ge 2 ]] || usage; query=$2; shift 2 ;;
    -h | --help) usage ;;
    *) usage ;;
  esac
done
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "rss_rate: bad number of seconds '$seconds'" >&2; exit 2; }
((seconds >= 6)) || { echo "rss_rate: --seconds must be at least 6 (three thirds of two samples)" >&2; exit 2; }

die() {
  echo "rss_rate: $*" >&2
  exit 1
}

out=bench/out
exe=$out/rss_rate
export LC_ALL=C
mkdir -p "$out"
[[ -x $SLUICE ]] || die "no sluice at $SLUICE (build it, or pass --sluice PATH / set SLUICE)"

"$SLUICE" build "$query" -o "$exe" -O2 > "$out/rss_rate_build.log" 2>&1 \
  || { cat "$out/rss_rate_build.log" >&2; die "sluice build of $query failed"; }

"$exe" > "$out/rss_rate.out" 2> "$out/rss_rate.err" &
pid=$!
stop() { # SIGTERM, then SIGKILL if it has not exited after 10 s; sets status
  kill -TERM "$pid" 2> /dev/null || true
  local i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2> /dev/null; then
    echo "rss_rate: the query did not stop within 10 s of SIGTERM; killing it" >&2
    kill -KILL "$pid" 2> /dev/null || true
  fi
  status=0
  wait "$pid" || status=$?
}
trap 'kill -KILL "$pid" 2> /dev/null || true' EXIT

# rss_kib -> the VmRSS of the query in KiB, or nothing once it has exited
rss_kib() {
  awk '$1 == "VmRSS:" { print $2 }' "/proc/$pid/status" 2> /dev/null || true
}

samples=()
start=$EPOCHREALTIME
echo "t_s rss_kib"
for ((t = 1; t <= seconds; t++)); do
  # sleep until start + t seconds (no drift from the sampling itself)
  wait_s=$(awk -v s="$start" -v t="$t" -v now="$EPOCHREALTIME" 'BEGIN { d = s + t - now; printf "%.3f", (d > 0 ? d : 0) }')
  sleep "$wait_s"
  rss=$(rss_kib)
  if [[ -z $rss ]]; then
    wait "$pid" && status=0 || status=$?
    trap - EXIT
    tail -n 20 "$out/rss_rate.err" >&2
    die "the query exited (status $status) after ${t} s, before the $seconds s were up"
  fi
  samples+=("$rss")
  echo "$t $rss"
done
stop
trap - EXIT

batches=$(grep -c '^Batch: ' "$out/rss_rate.out" || true)
printf '%s\n' "${samples[@]}" | awk -v n="${#samples[@]}" -v batches="$batches" -v status="$status" '
  { v[NR] = $1; if ($1 > max) max = $1 }
  END {
    third = int(n / 3)
    for (i = third + 1; i <= 2 * third; i++) mid += v[i]
    for (i = n - third + 1; i <= n; i++) last += v[i]
    mid /= third; last /= third
    growth = mid > 0 ? 100 * (last - mid) / mid : 0
    printf "first %d KiB, last %d KiB, max %d KiB over %d s; %d batches printed; exit status %d after SIGTERM\n",
      v[1], v[n], max, n, batches, status
    grew = (growth > 10)
    printf "mean RSS: middle third %.0f KiB, last third %.0f KiB (%+.1f%%): %s\n", mid, last, growth,
      (grew ? "GREW by more than 10%" : "flat (within 10%)")
    exit grew
  }' || grew=1
[[ $status -eq 0 ]] || { tail -n 20 "$out/rss_rate.err" >&2; die "the query exited with status $status after SIGTERM"; }
((batches > 0)) || die "the query printed no batch (see $out/rss_rate.out)"
exit "${grew:-0}"
