#!/usr/bin/env bash
# run_split_state.sh - the state a batch split across threads writes is one thread's, byte for byte.
#
#   run_split_state.sh <sluice> <tools_bin_dir> <golden_dir>...
#
# Runs each golden test (run_golden.sh, KEEP_TMP=1) on one thread (--threads 1: not even the
# fold of a single task) and again split into tasks of
# about a line and of a few lines on two threads, and compares every file under chk/state/, or
# each query's chk/<query>/state/ (the operators' deltas, snapshots and schemas), with the
# one-thread run's: a restart reads the same state whichever way the batches ran.
set -euo pipefail

[[ $# -ge 3 ]] || { echo "usage: $0 <sluice> <tools_bin_dir> <golden_dir>..." >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
sluice=$1 tools=$2
shift 2
TMPDIR=$(mktemp -d -t split_state.XXXXXX) # the golden runs' kept dirs go here
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT

# run GOLDEN SPLIT_ARGS: the kept temp dir of one run of the golden.
run() {
  local dir
  dir=$(KEEP_TMP=1 SPLIT_ARGS=$2 bash "$here/run_golden.sh" "$sluice" "$tools" "$1" 2>&1 | sed -n 's/^golden .*: kept //p')
  [[ -n $(states "$dir") ]] || { echo "split_state: $1 left no chk/state" >&2; exit 1; }
  echo "$dir"
}

# states DIR: the state directories of a run's checkpoints, relative to DIR.
states() {
  (cd "$1" && find chk -type d -name state | sort)
}

fail=0
for g in "$@"; do
  one=$(run "$g" "--threads 1")
  for args in "--threads 2 --task-bytes 7" "--threads 2 --task-bytes 150"; do
    split=$(run "$g" "$args")
    bad=""
    for st in $(states "$one"); do
      diff -r "$one/$st" "$split/$st" > /dev/null || bad="$bad $st"
    done
    if [[ -n $bad || $(states "$one") != $(states "$split") ]]; then
      echo "split_state: $(basename "$g") with $args: state differs from one thread's:$bad" >&2
      for st in $bad; do diff -rq "$one/$st" "$split/$st" >&2 || true; done
      fail=1
    else
      echo "split_state: $(basename "$g") with $args: the same state"
    fi
  done
done
exit $fail
