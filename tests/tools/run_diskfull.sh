#!/usr/bin/env bash
# run_diskfull.sh - a full disk at every kind of file a query writes: the executable fails
# cleanly (exit 1, never a signal), says in one line which file and why, leaves no torn or
# half-written file where a reader or a restart looks, and once space is back a restart
# continues exactly once: the sink's rows equal those of an uninterrupted run.
#
#   run_diskfull.sh <sluice> <gen_events> <libenospc_preload.so>
#
# The full disk is enospc_preload.c (LD_PRELOAD): one operation (write, fsync, rename, close,
# open with O_CREAT, mkdir) fails with ENOSPC on the files a glob names, after the first
# ENOSPC_SKIP such operations succeed (so the failure lands in the middle of the run; when it
# never comes, with 0, at the first).  Variants (files sources with maxFilesPerTrigger = 1):
#   filter    a filter -> files sink (json, append)
#   windowed  count(*) per 10-minute window with a watermark -> files sink (append)
#   ssjoin    a stream-stream join (state with snapshots every 10th version) -> files sink
#   dedup     DROP DUPLICATES (action, time) with a watermark -> files sink
#   console   the windowed counts -> console sink, standard output a file
#   (and a batch query, mode overwrite -> files sink: its part file and _SUCCESS)
# Kinds of file (the glob on the file the operation touches; most are written under a hidden
# temporary name first, renamed into place):
#   metadata offsets commits sources state-delta state-snapshot state-schema  (the checkpoint)
#   part manifest  (the files sink: part files, _spark_metadata entries and its query-id)
#   stdout  (the console sink's standard output; and once on /dev/full, the kernel's ENOSPC)
#   progress  (--progress FILE, which every run writes: full in the middle of a record)
#   ckpt-dirs out-dirs  (the directories of the checkpoint and of the files sink: mkdir only)
# Each case, in a fresh directory: the run with the full disk must exit 1 (not a signal, no
# sanitizer report) with exactly one "error:" line on stderr, which names the file (its path
# in the checkpoint or the output, as the query names it) and says "No space left on device";
# no temporary file is left behind; every checkpoint and manifest file carries a valid
# checksum trailer; the manifest is consistent (test_lib.sh sl_manifest_rows).  Then a
# restart with the disk still full fails the same way or finishes (no damage either way), and
# a restart with space again must finish (exit 0) with the sink's rows equal to the
# reference run's, byte for byte (console: the standard output of the runs, concatenated,
# without the batches printed again when they re-ran, equals the reference run's).
#
# Environment: DISKFULL_VARIANTS (default all), DISKFULL_KINDS (default all that apply),
# DISKFULL_OPS (default: write fsync rename close open mkdir for filter and ssjoin, write
# fsync rename mkdir for the others), DISKFULL_SKIP (default 5), KEEP_TMP=1.
set -euo pipefail
export LC_ALL=C
# shellcheck source=test_lib.sh
tools=$(realpath "$(dirname "$0")")
source "$tools/test_lib.sh"

if [[ $# -ne 3 ]]; then
  echo "usage: $0 <sluice> <gen_events> <libenospc_preload.so>" >&2
  exit 2
fi
sluice=$(realpath "$1")
gen=$(realpath "$2")
preload=$(realpath "$3")
sl_test_begin diskfull
if [[ ${KEEP_TMP:-0} == 1 ]]; then
  sl_at_exit 'echo "diskfull: kept $tmp" >&2; mv "$tmp" "$tmp.kept"; mkdir "$tmp"'
fi

variants=${DISKFULL_VARIANTS:-filter windowed ssjoin dedup console}
ops=${DISKFULL_OPS:-}
skip=${DISKFULL_SKIP:-5}

"$gen" --out "$tmp/data" --files 14 --lines-per-file 300 --seed 17 > /dev/null

write_query() { # write_query VARIANT FILE
  local src="CREATE SOURCE events (time TIMESTAMP, action STRING,
                      WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = '$tmp/data', format = 'json', maxFilesPerTrigger = 1);"
  local sink="CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json');"
  local with="WITH (name = 'diskfull_$1', outputMode = 'append', checkpointLocation = 'ckpt');"
  case $1 in
  filter)
    printf '%s\n' "$src" "$sink" "INSERT INTO out SELECT action, time FROM events
WHERE action = 'Open' $with" > "$2" ;;
  windowed)
    printf '%s\n' "$src" "$sink" "INSERT INTO out
SELECT window(time, '10 minutes') AS window, count(*) AS count FROM events
GROUP BY window(time, '10 minutes') $with" > "$2" ;;
  console)
    printf '%s\n' "$src" "CREATE SINK out WITH (connector = 'console', truncate = false);" \
      "INSERT INTO out SELECT window(time, '10 minutes') AS window, count(*) AS count
FROM events GROUP BY window(time, '10 minutes') $with" > "$2" ;;
  dedup)
    printf '%s\n' "$src" "$sink" "INSERT INTO out SELECT action, time FROM events
DROP DUPLICATES (action, time) $with" > "$2" ;;
  ssjoin) sl_ssjoin_query "$tmp/data" diskfull_ssjoin > "$2" ;;
  esac
}

# The glob of a kind's files (the path the failing operation names, absolute).
kind_glob() {
  case $1 in
  metadata) echo '*/ckpt/.metadata*' ;;
  offsets) echo '*/ckpt/offsets/*' ;;
  commits) echo '*/ckpt/commits/*' ;;
  sources) echo '*/ckpt/sources/*' ;;
  state-delta) echo '*/ckpt/state/*.delta*' ;;
  state-snapshot) echo '*/ckpt/state/*.snapshot*' ;;
  state-schema) echo '*/ckpt/state/*/_metadata*' ;;
  part) echo '*/out/*part-*' ;;
  manifest) echo '*/out/_spark_metadata*' ;;
  stdout) echo '*/stdout.txt' ;;
  progress) echo '*/progress.jsonl' ;;
  ckpt-dirs) echo '*/ckpt*' ;; # (mkdir only: the checkpoint's directories)
  out-dirs) echo '*/out*' ;;   # (mkdir only: the sink's directories)
  esac
}

# The kinds of file a variant writes.
variant_kinds() {
  local ckpt="metadata offsets commits sources ckpt-dirs" files="part manifest out-dirs"
  case $1 in
  filter) echo "$ckpt $files progress" ;;
  windowed | dedup) echo "$ckpt state-delta state-schema $files" ;;
  ssjoin) echo "$ckpt state-delta state-snapshot state-schema $files" ;;
  console) echo "$ckpt state-delta stdout" ;;
  esac
}

# check_trailers DIR...: every checkpoint or manifest file under the DIRs carries a valid
# checksum trailer (ckpt_crc.py).
check_trailers() { python3 "$tools/ckpt_crc.py" "$@"; }

# run_q DIR ENVFILE-or-"" : run ./q there to the end (stdout appended to stdout.txt, stderr to
# err.txt, replaced); sets rc.
run_q() {
  local dir=$1
  shift
  rc=0
  (cd "$dir" && env "$@" timeout --signal=KILL 120 ../q --trigger availableNow \
    --progress progress.jsonl >> stdout.txt 2> err.txt) || rc=$?
}

# The preload's environment for kind KIND, operation OP, SKIP operations let through (the
# progress file: the disk fills up in the middle of the run, in the middle of a record).
full_env() {
  [[ $1 == progress ]] && echo "ENOSPC_LIMIT=$((progress_size / 2 + 7))"
  echo "LD_PRELOAD=$preload" "ENOSPC_MATCH=$(kind_glob "$1")" "ENOSPC_OP=$2" "ENOSPC_SKIP=$3" \
    "ENOSPC_LOG=$4" "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
}

# The rows to compare: the manifest's rows (files sink) or standard output (console).  The
# console sink is at least once, as Spark's: a batch whose commit failed prints again when it
# re-runs; a block "Batch: N" equal to one printed before under the same N is such a re-run
# and dropped (one that differs is kept, and fails the comparison).
rows_of() { # rows_of VARIANT DIR OUT
  if [[ $1 == console ]]; then
    python3 - "$2/stdout.txt" "$3" << 'PY'
import re, sys
text = open(sys.argv[1]).read()
head = re.compile(r"^-+\nBatch: (\d+)\n-+\n", re.M)
starts = [m.start() for m in head.finditer(text)] + [len(text)]
out, seen = [text[: starts[0]]], set()
for a, b in zip(starts, starts[1:]):
    block = text[a:b]
    if block not in seen:
        seen.add(block)
        out.append(block)
open(sys.argv[2], "w").write("".join(out))
PY
  else
    sl_manifest_rows "$2" "$3"
  fi
}

# The name under which the query reports a failed file: the final name of a temporary one
# ("<dir>/.<name>.tmp-<pid>" or "<dir>/.<name>.tmp"), its last two path components.
reported_name() {
  local p=$1 dir base
  dir=${p%/*}
  base=${p##*/}
  if [[ $base =~ ^\.(.+)\.tmp(-[0-9]+)?$ ]]; then
    base=${BASH_REMATCH[1]}
  fi
  echo "${dir##*/}/$base"
}

# check_failed CASE DIR: the checks on a run with a full disk that failed.
check_failed() {
  local name=$1 dir=$2 ok=1
  if ((rc >= 128 || rc == 0)); then
    fail "$name: exit $rc (expected 1): $(tail -n 5 "$dir/err.txt")"
    return 1
  fi
  if grep -qE 'Sanitizer|runtime error:' "$dir/err.txt"; then
    fail "$name: sanitizer report: $(head -n 20 "$dir/err.txt")"
    ok=0
  fi
  local errors
  errors=$(grep -c '^error:' "$dir/err.txt" || true)
  if [[ $errors -ne 1 || $(wc -l < "$dir/err.txt") -ne 1 ]]; then
    fail "$name: expected one error line on stderr, got: $(head -n 5 "$dir/err.txt")"
    ok=0
  fi
  # The error names one of the files an operation failed on (a failure the query may ignore,
  # such as closing a directory it synced, can come first), by its final name or as it is.
  local failed named=0 want
  while read -r _ failed; do
    if [[ $failed == */stdout.txt ]]; then
      grep -qF "standard output" "$dir/err.txt" && named=1
    else
      want=$(reported_name "$failed")
      grep -qF -e "$want" -e "${failed#"$dir"/}" "$dir/err.txt" && named=1
    fi
  done < "$dir/fail.log"
  if ((!named)) || ! grep -qF 'No space left on device' "$dir/err.txt"; then
    fail "$name: the error names no file an operation failed on, or does not say" \
      "'No space left on device' (failed: $(tr '\n' ' ' < "$dir/fail.log")): $(head -n 3 "$dir/err.txt")"
    ok=0
  fi
  local temps
  temps=$(find "$dir" -name '.*tmp*' 2> /dev/null || true)
  if [[ -n $temps ]]; then
    fail "$name: temporary files left behind: $temps"
    ok=0
  fi
  if ! python3 -c 'import json, sys
t = open(sys.argv[1]).read()
assert t == "" or t.endswith("\n")
[json.loads(l) for l in t.splitlines()]' "$dir/progress.jsonl" 2> /dev/null; then
    fail "$name: the progress file holds a torn record: $(tail -c 200 "$dir/progress.jsonl")"
    ok=0
  fi
  local problems
  if ! problems=$(check_trailers "$dir/ckpt" "$dir/out/_spark_metadata" 2>&1); then
    fail "$name: $problems"
    ok=0
  fi
  if [[ -d $dir/out/_spark_metadata ]] && ! problems=$(sl_manifest_rows "$dir" "$dir/rows.partial"); then
    fail "$name: inconsistent output: $problems"
    ok=0
  fi
  ((ok))
}

cases=0
for variant in $variants; do
  vdir=$tmp/$variant
  mkdir -p "$vdir/ref"
  write_query "$variant" "$vdir/query.sql"
  "$sluice" build "$vdir/query.sql" -o "$vdir/q" > "$vdir/build.err" 2>&1
  run_q "$vdir/ref"
  if [[ $rc -ne 0 ]]; then
    fail "$variant: the reference run exited $rc: $(cat "$vdir/ref/err.txt")"
    continue
  fi
  rows_of "$variant" "$vdir/ref" "$vdir/ref.rows"
  progress_size=$(stat -c %s "$vdir/ref/progress.jsonl")
  [[ -s $vdir/ref.rows ]] || fail "$variant: the reference run wrote no rows"
  # every operation for two variants, the commonest failures for the others (time)
  vops=$ops
  if [[ -z $vops ]]; then
    case $variant in
    filter | ssjoin) vops="write fsync rename close open mkdir" ;;
    *) vops="write fsync rename mkdir" ;;
    esac
  fi
  for kind in ${DISKFULL_KINDS:-$(variant_kinds "$variant")}; do
    for op in $vops; do
      [[ $kind == stdout && $op != write ]] && continue
      [[ $kind == metadata || $kind == progress ]] && [[ $op != write ]] && continue
      [[ $kind == *-dirs ]] && [[ $op != mkdir ]] && continue
      [[ $kind != *-dirs && $kind != state-schema && $op == mkdir ]] && continue
      name="$variant/$kind/$op"
      hit=0
      for s in "$skip" 0; do
        dir=$vdir/run-$kind-$op-$s # (no "/out" or "/ckpt" in it: the globs)
        rm -rf "$dir"
        mkdir -p "$dir"
        # shellcheck disable=SC2046
        run_q "$dir" $(full_env "$kind" "$op" "$s" "$dir/fail.log")
        if [[ -s $dir/fail.log ]]; then
          hit=1
          break
        fi
        # never reached: the run must have finished normally
        [[ $rc -eq 0 ]] || fail "$name: exit $rc without a full disk: $(cat "$dir/err.txt")"
      done
      if ((!hit)); then
        fail "$name: no $op on $(kind_glob "$kind") ever came"
        continue
      fi
      cases=$((cases + 1))
      check_failed "$name (skip $s)" "$dir" || continue
      cp "$dir/err.txt" "$dir/err.first"
      # Still full: the restart fails the same way, or gets through; nothing is damaged.
      rm -f "$dir/fail.log"
      # shellcheck disable=SC2046
      run_q "$dir" $(full_env "$kind" "$op" "$s" "$dir/fail.log")
      if [[ -s $dir/fail.log ]]; then
        check_failed "$name (restart, still full)" "$dir" || continue
      elif [[ $rc -ne 0 ]]; then
        fail "$name: the restart with the disk still full exited $rc: $(cat "$dir/err.txt")"
        continue
      fi
      # Space again: the restart finishes, exactly once.
      run_q "$dir"
      if [[ $rc -ne 0 ]]; then
        fail "$name: the restart exited $rc: $(cat "$dir/err.txt")"
        continue
      fi
      if ! problems=$(rows_of "$variant" "$dir" "$dir/rows"); then
        fail "$name: inconsistent output after the restart: $problems"
      elif ! diff -u "$vdir/ref.rows" "$dir/rows" > "$dir/rows.diff"; then
        fail "$name: rows differ from the uninterrupted run's:"$'\n'"$(head -n 30 "$dir/rows.diff")"
      else
        pass "$name: $(sed "s/ \[id = [^]]*\]//" "$dir/err.first" | cut -c1-220)"
      fi
    done
  done
done
# Standard output on /dev/full (the kernel's ENOSPC through stdio, no preload): the console
# query fails at its first batch naming standard output; the restart prints every batch.
if [[ " $variants " == *" console "* ]]; then
  dir=$tmp/console/run-devfull
  mkdir -p "$dir"
  rc=0
  (cd "$dir" && ../q --trigger availableNow > /dev/full 2> err.txt) || rc=$?
  cp "$dir/err.txt" "$dir/err.first"
  cases=$((cases + 1))
  if [[ $rc -ne 1 ]] || ! grep -qx "error: query 'diskfull_console' .*failed in batch 0: console sink: cannot write to standard output: No space left on device" "$dir/err.txt"; then
    fail "console > /dev/full: exit $rc: $(head -n 3 "$dir/err.txt")"
  elif ! problems=$(check_trailers "$dir/ckpt" 2>&1); then
    fail "console > /dev/full: $problems"
  elif ! run_q "$dir" || [[ $rc -ne 0 ]]; then
    fail "console > /dev/full: the restart exited $rc: $(cat "$dir/err.txt")"
  elif ! rows_of console "$dir" "$dir/rows" || ! cmp -s "$tmp/console/ref.rows" "$dir/rows"; then
    fail "console > /dev/full: the restart's output differs from the reference run's"
  else
    pass "console > /dev/full: $(sed 's/ \[id = [^]]*\]//' "$dir/err.first" | head -n 1)"
  fi
fi

# A batch query (mode overwrite): the part file or _SUCCESS on a full disk fails the run naming
# it and leaves no _SUCCESS (nor a temporary file); the run again with space writes the rows.
bdir=$tmp/batch
mkdir -p "$bdir/ref"
cat > "$bdir/query.sql" << EOF
CREATE TABLE t (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = '$tmp/data', format = 'json');
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO out SELECT action, time FROM t WHERE action = 'Open' WITH (mode = 'overwrite');
EOF
"$sluice" build "$bdir/query.sql" -o "$bdir/q" > "$bdir/build.err" 2>&1
batch_rows() { cat "$1"/out/part-*.json 2> /dev/null | sort; }
(cd "$bdir/ref" && ../q > /dev/null 2> err.txt) || fail "batch: the reference run failed"
batch_rows "$bdir/ref" > "$bdir/ref.rows"
for glob in '*/out/*part-*' '*/out/_SUCCESS'; do
  for op in write fsync close open rename; do
    name="batch/${glob##*/}/$op"
    dir=$bdir/run-${glob//[^a-zA-Z]/}-$op
    mkdir -p "$dir"
    rc=0
    (cd "$dir" && env LD_PRELOAD="$preload" ENOSPC_MATCH="$glob" ENOSPC_OP="$op" \
      ENOSPC_LOG="$dir/fail.log" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
      ../q > /dev/null 2> err.txt) || rc=$?
    [[ -s $dir/fail.log ]] || continue # (no such operation: _SUCCESS is empty, never renamed)
    cases=$((cases + 1))
    cp "$dir/err.txt" "$dir/err.first"
    if [[ $rc -ne 1 || $(wc -l < "$dir/err.txt") -ne 1 ]] ||
      ! grep -q 'No space left on device' "$dir/err.txt"; then
      fail "$name: exit $rc, expected 1 with one error line: $(head -n 3 "$dir/err.txt")"
    elif [[ -e $dir/out/_SUCCESS || -n $(find "$dir/out" -name '.*' 2> /dev/null) ]]; then
      fail "$name: a failed write left _SUCCESS or a temporary file: $(ls -A "$dir/out")"
    elif ! (cd "$dir" && ../q > /dev/null 2> err.txt) || [[ ! -e $dir/out/_SUCCESS ]]; then
      fail "$name: the run with space again failed: $(cat "$dir/err.txt")"
    elif ! batch_rows "$dir" | cmp -s - "$bdir/ref.rows"; then
      fail "$name: rows differ from the reference run's"
    else
      pass "$name: $(sed 's/ \[id = [^]]*\]//' "$dir/err.first" | cut -c1-200)"
    fi
  done
done

echo "diskfull: $cases cases"
sl_test_end
