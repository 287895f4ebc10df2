#!/usr/bin/env bash
# run_recovery.sh - checkpoints under damage and interruption, end to end.
#
#   run_recovery.sh <sluice> <testdir>
#
# <testdir> is tests/golden/watermark_append (its query and its three data steps).
# Checks, each in a fresh temp dir:
#   1. a batch logged in offsets/ but not in commits/ (a crash between the two) is re-run
#      after a restart with the same offsets and batch timestamp, and the output of the
#      whole run equals an uninterrupted one;
#   2. a corrupted offsets entry, a torn commit entry, a corrupted state file and corrupted
#      metadata each stop the restart with exit 1 and an error naming the file;
#   3. SIGTERM during a run of a rate source finishes the batch, commits it and exits 0;
#   4. --timeout stops a query that would run forever, with exit 0.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <sluice> <testdir>" >&2
  exit 2
fi
sluice=$(realpath "$1")
testdir=$(realpath "$2")
# shellcheck source=test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_test_begin recovery

# A fresh dir with the query built and the data of the given steps added.
setup() {
  local dir=$1
  shift
  mkdir -p "$dir/data/events"
  cp "$testdir/query.sql" "$dir/"
  (cd "$dir" && "$sluice" build query.sql -o q > /dev/null)
  local t=1600000000
  for step in "$@"; do
    for f in "$testdir/$step"/*; do
      cp "$f" "$dir/data/events/"
      touch -d "@$t" "$dir/data/events/$(basename "$f")"
      t=$((t + 1))
    done
  done
}
run() { (cd "$1" && ./q --trigger availableNow "${@:2}"); }

# ---- 1. an uncommitted batch is re-run the same way ----
setup "$tmp/ref" s1 s2
run "$tmp/ref" > "$tmp/ref/out.txt" 2>&1
setup "$tmp/crash" s1 s2
run "$tmp/crash" --max-batches 3 > "$tmp/crash/out.txt" 2>&1
# Batch 2 ran and committed; pretend the process died before writing commits/2.
if [[ ! -f $tmp/crash/chk/commits/2 ]]; then
  fail "expected commits/2 after three batches"
else
  ts_before=$(sed -n 2p "$tmp/crash/chk/offsets/2")
  rm "$tmp/crash/chk/commits/2"
  run "$tmp/crash" > "$tmp/crash/out2.txt" 2>&1 || fail "restart after a lost commit exited $?"
  ts_after=$(sed -n 2p "$tmp/crash/chk/offsets/2")
  [[ $ts_before == "$ts_after" ]] || fail "offsets/2 was rewritten: $ts_before vs $ts_after"
  # The re-run prints batch 2 again (console is at-least-once), then goes on.
  grep -q '^Batch: 2$' "$tmp/crash/out2.txt" || fail "batch 2 was not re-run"
  # Everything after the re-run equals the uninterrupted run from batch 2 on.
  sed -n '/^Batch: 2$/,$p' "$tmp/ref/out.txt" > "$tmp/ref/tail.txt"
  sed -n '/^Batch: 2$/,$p' "$tmp/crash/out2.txt" > "$tmp/crash/tail.txt"
  if diff -u "$tmp/ref/tail.txt" "$tmp/crash/tail.txt"; then
    pass "an uncommitted batch is re-run with its logged offsets"
  else
    fail "output after re-running batch 2 differs from an uninterrupted run"
  fi
fi

# ---- 2. damaged checkpoint files are reported, not trusted ----
damage() {
  local what=$1 file=$2 how=$3
  local dir=$tmp/damage_$what
  setup "$dir" s1
  run "$dir" > /dev/null 2>&1
  local path=$dir/chk/$file
  [[ -f $path ]] || { fail "$what: no $file to damage"; return; }
  case $how in
    flip) printf 'X' | dd of="$path" bs=1 seek=3 conv=notrunc status=none ;;
    tear) truncate -s -5 "$path" ;;
  esac
  local rc=0
  run "$dir" > "$dir/out.txt" 2> "$dir/err.txt" || rc=$?
  if [[ $rc -ne 1 ]]; then
    fail "$what: restart exited $rc, expected 1"
  elif ! grep -q "chk/$file" "$dir/err.txt" || ! grep -q 'corrupt' "$dir/err.txt"; then
    fail "$what: the error does not name chk/$file as corrupt: $(cat "$dir/err.txt")"
  elif grep -q '^Batch' "$dir/out.txt"; then
    fail "$what: a batch ran on a damaged checkpoint"
  else
    pass "$what: $(head -c 160 "$dir/err.txt")"
  fi
}
damage offsets offsets/1 flip
damage commit commits/1 tear
damage state state/0/2.delta flip
damage metadata metadata flip

# ---- 3. SIGTERM: finish the batch, commit, exit 0 ----
mkdir -p "$tmp/term"
cat > "$tmp/term/query.sql" << 'EOF'
CREATE SOURCE r WITH (connector = 'rate-micro-batch', rowsPerBatch = 1000);
CREATE SINK out WITH (connector = 'console', numRows = 1);
INSERT INTO out SELECT count(*) AS n FROM r
WITH (name = 'n', outputMode = 'complete', trigger = '100 milliseconds', checkpointLocation = 'chk');
EOF
(cd "$tmp/term" && "$sluice" build query.sql -o q > /dev/null)
(cd "$tmp/term" && exec ./q > out.txt 2> err.txt) &
pid=$!
sleep 1
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
last_offset=$(cd "$tmp/term/chk/offsets" && ls | sort -n | tail -1)
last_commit=$(cd "$tmp/term/chk/commits" && ls | sort -n | tail -1)
if [[ $rc -ne 0 ]]; then
  fail "SIGTERM: exit $rc, expected 0 ($(cat "$tmp/term/err.txt"))"
elif [[ -z $last_offset || $last_offset != "$last_commit" ]]; then
  fail "SIGTERM: last offsets entry $last_offset but last commit $last_commit"
else
  pass "SIGTERM stopped after committing batch $last_commit"
fi

# ---- 4. --timeout plays awaitTermination(timeout) ----
start=$(date +%s%N)
rc=0
(cd "$tmp/term" && ./q --timeout 0.5 > /dev/null 2>&1) || rc=$?
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
if [[ $rc -ne 0 ]]; then
  fail "--timeout: exit $rc"
elif ((elapsed_ms > 5000)); then
  fail "--timeout 0.5 took ${elapsed_ms} ms"
else
  pass "--timeout 0.5 stopped the query (exit 0)"
fi

sl_test_end
