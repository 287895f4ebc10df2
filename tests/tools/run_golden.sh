#!/usr/bin/env bash
# run_golden.sh - run one golden test.
#
#   run_golden.sh <sluice> <tools_bin_dir> <testdir>
#
# <tools_bin_dir> is where the data generators of tests/tools are built (gen_events,
# gen_activity, gen_ecommerce).
# <testdir> holds expected.out, test.conf and query.sql (or names an example), where
# test.conf is a shell fragment with
#   QUERY=examples/events_windowed_counts.sql             # optional: run an example
#                                                          # (repo-relative) instead of query.sql
#   DATA_DIR=examples/data/events                          # optional: where the query reads
#                                                          # (default data/events)
#   GEN=gen_activity                                       # optional: the generator
#                                                          # (default gen_events)
#   GEN_ARGS="--files 5 --lines-per-file 200 --seed 7"    # the generator's options
#   RUN_ARGS="--trigger availableNow"                      # executable options
#   REFERENCE_ARGS="--window '1 hour' --order window,action"   # optional
#   EXPECT_EXIT=1                                          # optional: the run must fail with
#                                                          # this code; its stderr is appended
#                                                          # to the output that is compared
#   DATA_SRC=data                                          # optional: copy this directory of the
#                                                          # test dir to DATA_DIR instead of
#                                                          # running a generator (files keep
#                                                          # their name order as mtime order)
#   SERVER_LINES=lines.txt                                 # optional: serve this file of the
#                                                          # test dir with line_server.py on a
#                                                          # free port; `port = 9999` in the
#                                                          # query is replaced by that port
#   SERVER_ARGS="--group 2 --pause 0.3"                    # optional: line_server.py options
#   OUTPUT_DIR=examples/out/email_traffic                  # optional: after the run, every
#                                                          # file written there (sorted by
#                                                          # name) is appended to the output;
#                                                          # a leftover temp file fails
#   EXPLAIN=1                                              # optional: `sluice explain` of the
#                                                          # query (after the data exists, so
#                                                          # inferred schemas show) goes first
#   STEPS="step1 step2"                                    # optional: run ./q once per step;
#                                                          # before each run the files of the
#                                                          # test dir's <step>/ are added to
#                                                          # DATA_DIR (mtimes increasing; a
#                                                          # folder goes into the folder of its
#                                                          # name, a file replaces its old copy), so
#                                                          # a checkpointed query restarts and
#                                                          # sees new data; each run's output
#                                                          # follows a "=== step <s> ===" line;
#                                                          # a query.<step>.sql in the test dir
#                                                          # replaces the query before that run
#                                                          # (a restart of a changed query)
#   PROGRESS=1                                             # optional: run with --progress and
#                                                          # append the progress records (ids,
#                                                          # times, rates, sizes masked)
# Query ids and run ids (UUIDs) in the output are replaced by <uuid>, the temp dir by <tmp>.
# In a fresh temp dir: generate the data into $DATA_DIR, build query.sql
# there (so `path = 'data/events'` resolves), run ./q $RUN_ARGS > actual.out and
# diff it byte for byte with expected.out. With REFERENCE_ARGS, the LAST batch's
# table in actual.out must also equal reference_counts.py's output.
# SPLIT_ARGS="--threads 2 --task-bytes 7" adds these options to every run of ./q (not to the
# output's "=== ./q ... ===" line): the same expected.out must come out of a batch split into
# tasks on several threads (the golden_split.* ctests).
# BUILD_ARGS="-j 1" adds these options to `sluice build` (golden_split.* builds on one thread).
# UPDATE_GOLDEN=1 rewrites expected.out from the actual output.
# KEEP_TMP=1 keeps the temp dir for inspection.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 <sluice> <tools_bin_dir> <testdir>" >&2
  exit 2
fi

tools_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
sluice=$(realpath "$1")
gen_dir=$(realpath "$2")
testdir=$(realpath "$3")
name=$(basename "$testdir")

if [[ ! -f $testdir/test.conf ]]; then
  echo "golden $name: missing $testdir/test.conf" >&2
  exit 2
fi

QUERY=""
GEN=gen_events
EXPLAIN=0
SERVER_LINES=""
DATA_SRC=""
SERVER_ARGS=""
OUTPUT_DIR=""
EXPECT_EXIT=0
STEPS=""
PROGRESS=0
DATA_DIR="data/events"
GEN_ARGS=""
RUN_ARGS="--trigger availableNow"
REFERENCE_ARGS=""
# shellcheck source=/dev/null
. "$testdir/test.conf"
# The variables are shell words (quotes allowed): split them the way the shell would.
gen_args=()
run_args=()
ref_args=()
eval "gen_args=($GEN_ARGS)"
eval "run_args=($RUN_ARGS)"
eval "ref_args=($REFERENCE_ARGS)"
split_args=()
eval "split_args=(${SPLIT_ARGS:-})"
eval "build_args=(${BUILD_ARGS:-})"
gen=$gen_dir/$GEN
for f in "$sluice" "$gen"; do
  if [[ ! -x $f ]]; then
    echo "golden $name: not an executable: $f" >&2
    exit 2
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/golden.$name.XXXXXX")
cleanup() {
  if [[ -n ${server_pid:-} ]]; then kill "$server_pid" 2> /dev/null || true; fi
  if [[ ${KEEP_TMP:-0} == 1 ]]; then
    echo "golden $name: kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

fail() {
  echo "golden $name: FAIL: $*" >&2
  exit 1
}

root=$(cd "$tools_dir/../.." && pwd)
query_src=$testdir/query.sql
[[ -n $QUERY ]] && query_src=$root/$QUERY
[[ -f $query_src ]] || fail "no query file $query_src"
# Copy the files of a test-dir folder into DATA_DIR, one second apart in name order
# (the files source reads oldest first); a folder in it is copied the same way into the
# folder of that name (a table next to the source; a file of a later step replaces it).
t=1600000000
add_tree() {
  mkdir -p "$2"
  for f in "$1"/*; do
    if [[ -d $f ]]; then
      add_tree "$f" "$2/$(basename "$f")"
      continue
    fi
    cp "$f" "$2/"
    touch -d "@$t" "$2/$(basename "$f")"
    t=$((t + 1))
  done
}
add_data() {
  add_tree "$testdir/$1" "$tmp/$DATA_DIR"
}
if [[ -n $STEPS ]]; then
  mkdir -p "$tmp/$DATA_DIR"
elif [[ -n $DATA_SRC ]]; then
  add_data "$DATA_SRC"
else
  "$gen" --out "$tmp/$DATA_DIR" "${gen_args[@]}" > /dev/null || fail "$GEN failed"
fi
cp "$query_src" "$tmp/query.sql"
server_pid=
if [[ -n $SERVER_LINES ]]; then
  server_args=()
  eval "server_args=($SERVER_ARGS)"
  python3 "$tools_dir/line_server.py" --port-file "$tmp/port" --accept-timeout 60 \
    "${server_args[@]}" "$testdir/$SERVER_LINES" > "$tmp/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do [[ -s $tmp/port ]] && break; sleep 0.05; done
  [[ -s $tmp/port ]] || fail "line_server.py did not start"
  sed -i "s/port = 9999/port = $(cat "$tmp/port")/" "$tmp/query.sql"
fi

cd "$tmp"
build() {
  if ! "$sluice" build "${build_args[@]}" query.sql -o "$tmp/q" > build.log 2>&1; then
    cat build.log >&2
    fail "sluice build failed"
  fi
}
build
: > actual.out
if [[ $EXPLAIN == 1 ]]; then
  "$sluice" explain query.sql > actual.out 2> explain.err || { cat explain.err >&2; fail "sluice explain failed"; }
  echo "=== ./q${RUN_ARGS:+ $RUN_ARGS} ===" >> actual.out
fi
progress_args=()
[[ $PROGRESS == 1 ]] && progress_args=(--progress "$tmp/progress.jsonl")
rc=0
if [[ -n $STEPS ]]; then
  for step in $STEPS; do
    add_data "$step"
    if [[ -f $testdir/query.$step.sql ]]; then
      cp "$testdir/query.$step.sql" "$tmp/query.sql"
      build
    fi
    echo "=== step $step ===" >> actual.out
    "$tmp/q" "${run_args[@]}" "${split_args[@]}" "${progress_args[@]}" >> actual.out 2>> run.err || rc=$?
    [[ $rc -eq 0 ]] || break
  done
else
  "$tmp/q" "${run_args[@]}" "${split_args[@]}" "${progress_args[@]}" >> actual.out 2> run.err || rc=$?
fi
if [[ $rc -ne $EXPECT_EXIT ]]; then
  cat run.err >&2
  fail "./q ${RUN_ARGS} exited with $rc (expected $EXPECT_EXIT)"
fi
if [[ $PROGRESS == 1 ]]; then
  echo "=== progress ===" >> actual.out
  # Keep what is deterministic: mask wall-clock times, durations, rates and sizes.
  sed -E -e 's/"timestamp":"[^"]*"/"timestamp":"<t>"/' \
    -e 's/"durationMs":\{[^}]*\}/"durationMs":{<ms>}/' \
    -e 's/"(inputRowsPerSecond|processedRowsPerSecond)":[-0-9.E]+/"\1":<r>/g' \
    -e 's/"(memoryUsedBytes|allUpdatesTimeMs|allRemovalsTimeMs|commitTimeMs)":[0-9]+/"\1":<n>/g' \
    "$tmp/progress.jsonl" >> actual.out
fi
if [[ $EXPECT_EXIT -ne 0 ]]; then
  { echo "--- stderr ---"; cat run.err; } >> actual.out
fi
if [[ -n $OUTPUT_DIR ]]; then
  [[ -d $OUTPUT_DIR ]] || fail "no output directory $OUTPUT_DIR"
  leftovers=$(find "$OUTPUT_DIR" -name '.*' -type f)
  [[ -z $leftovers ]] || fail "temporary files left in $OUTPUT_DIR: $leftovers"
  echo "=== files in $OUTPUT_DIR ===" >> actual.out
  while IFS= read -r f; do
    echo "--- $(basename "$f")" >> actual.out
    cat "$f" >> actual.out
  done < <(find "$OUTPUT_DIR" -maxdepth 1 -type f | LC_ALL=C sort)
fi

sed -i -E -e 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<uuid>/g' \
  -e "s#$(realpath "$tmp")#<tmp>#g" actual.out

status=0
if [[ -n $REFERENCE_ARGS ]]; then
  python3 "$tools_dir/reference_counts.py" "$tmp/$DATA_DIR" "${ref_args[@]}" > reference.out \
    || fail "reference_counts.py failed"
  # The last batch: the lines after the last "Batch: N" header and its dashes,
  # up to the blank line that ends show()'s output.
  awk '
    /^Batch: [0-9]+$/ { n = 0; skip = 1; grab = 1; next }
    skip              { skip = 0; next }
    grab && $0 == ""  { grab = 0; next }
    grab              { buf[n++] = $0 }
    END               { for (i = 0; i < n; i++) print buf[i] }
  ' actual.out > last_batch.out
  if ! diff -u --label reference.out --label "actual.out (last batch)" reference.out last_batch.out; then
    echo "golden $name: last batch differs from reference_counts.py ${REFERENCE_ARGS}" >&2
    status=1
  fi
fi

if [[ ${UPDATE_GOLDEN:-0} == 1 ]]; then
  cp actual.out "$testdir/expected.out"
  echo "golden $name: updated $testdir/expected.out"
elif [[ ! -f $testdir/expected.out ]]; then
  echo "golden $name: no expected.out (run with UPDATE_GOLDEN=1 to create it)" >&2
  status=1
elif ! diff -u --label expected.out --label actual.out "$testdir/expected.out" actual.out; then
  status=1
fi

if [[ $status -ne 0 ]]; then
  fail "output differs"
fi
echo "golden $name: ok"
