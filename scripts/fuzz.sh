#!/usr/bin/env bash
# fuzz.sh - build and run the libFuzzer targets of tests/fuzz/ (ASan + UBSan, clang-14).
#
#   scripts/fuzz.sh [--seconds N] [--smoke] [TARGET...] [-- LIBFUZZER-FLAG...]
#
# TARGET: front, json, csv, csv_ml, ckpt (default: all, one after the other).  Each runs for N
# seconds (default 60; 20 with --smoke) from its seed corpus tests/fuzz/corpus/<target>/
# (front: also every query of tests/errors/, examples/ and tests/golden/).
# New corpus entries are kept in fuzz-out/corpus/<target>/ and crashes, leaks and timeouts
# are saved as fuzz-out/crashes/<target>/<kind>-<sha1> (fuzz-out/ is git-ignored).
# --smoke (scripts/test.sh): the new entries go to a temporary directory and are dropped.
# Flags after -- go to every target, e.g. `-- -fork=1 -ignore_crashes=1` to keep going
# past a known crash.  Exits 1 if a target found anything (or did not build), else 0.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

seconds=
smoke=0
targets=()
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --) shift; extra=("$@"); break ;;
    front|json|csv|csv_ml|ckpt) targets+=("$1"); shift ;;
    *) echo "usage: scripts/fuzz.sh [--seconds N] [--smoke] [front|json|csv|csv_ml|ckpt...] [-- FLAGS]" >&2; exit 2 ;;
  esac
done
[[ ${#targets[@]} -gt 0 ]] || targets=(front json csv csv_ml ckpt)
[[ -n $seconds ]] || seconds=$([[ $smoke -eq 1 ]] && echo 20 || echo 60)

if ! command -v clang-14 > /dev/null; then
  echo "fuzz: clang-14 is missing (scripts/setup.sh installs it)" >&2
  exit 1
fi
CC=clang-14 cmake -S . -B build-fuzz -DSLUICE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build-fuzz -j2 --target fuzz_front fuzz_json fuzz_csv fuzz_csv_ml fuzz_ckpt > build-fuzz/build.log 2>&1 || {
  tail -n 30 build-fuzz/build.log >&2
  echo "fuzz: the fuzz build (build-fuzz) failed" >&2
  exit 1
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
out=$root/fuzz-out
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for t in "${targets[@]}"; do
  bin=$root/build-fuzz/tests/fuzz/fuzz_$t
  if [[ $smoke -eq 1 ]]; then
    corpus=$tmp/corpus-$t
  else
    corpus=$out/corpus/$t
  fi
  crashes=$out/crashes/$t
  work=$tmp/work-$t # an empty working directory: what the inputs name stays theirs
  mkdir -p "$corpus" "$crashes" "$work"
  flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
         -artifact_prefix="$crashes/")
  seeds=("$root/tests/fuzz/corpus/$t")
  if [[ $t == front ]]; then
    flags+=(-dict="$root/build-fuzz/tests/fuzz/front.dict")
    seeds+=("$root/tests/errors" "$root/examples" "$root/tests/golden") # every query we have
  fi
  dict=$root/tests/fuzz/${t%_ml}.dict # csv_ml: csv.dict
  [[ -f $dict ]] && flags+=(-dict="$dict")
  log=$out/fuzz-$t.log
  mkdir -p "$out"
  echo "fuzz: $t for ${seconds}s (log: ${log#$root/})"
  rc=0
  before=$(ls "$crashes" | wc -l)
  (cd "$work" && "$bin" "${flags[@]}" "${extra[@]}" "$corpus" "${seeds[@]}") > "$log" 2>&1 || rc=$?
  found=$(($(ls "$crashes" | wc -l) - before))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  [[ -n $execs ]] || execs=$(sed -n 's/^#\([0-9]*\)[: ].*/\1/p' "$log" | tail -n 1) # -fork
  if [[ $rc -ne 0 || $found -gt 0 ]]; then
    status=1
    echo "fuzz: $t FAILED (exit $rc, $found new in ${crashes#$root/}/) after ${execs:-?} runs:"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error:|artifact_prefix|Test unit written|==[0-9]+== ERROR: libFuzzer)' "$log" | head -n 8 | sed 's/^/  /'
  else
    echo "fuzz: $t ok, ${execs:-?} runs"
  fi
done
exit "$status"
