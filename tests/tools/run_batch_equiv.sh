#!/usr/bin/env bash
# run_batch_equiv.sh - a batch query over all of a table's files gives the rows of the same
# query's final Complete-mode result over the stream of those files.
#
#   run_batch_equiv.sh <sluice> <tools_bin_dir>
#
# For every complete-mode query of the files examples (examples/events_*.sql, activity.sql):
# the query alone as written, run with --trigger availableNow (one file per batch where the
# example says so), and the same query with its sources declared as tables and its
# streaming options dropped; the last table the stream prints and the table the batch query
# prints must hold the same rows (compared sorted: ties of ORDER BY may come in any order).
set -euo pipefail
sluice=$(realpath "$1")
tools=$(realpath "$2")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=test_lib.sh
source "$here/test_lib.sh"
sl_test_begin batch_equiv
cd "$tmp"
mkdir -p examples/data queries
"$tools/gen_events" --out examples/data/events --files 12 --lines-per-file 150 --seed 13 > /dev/null
"$tools/gen_activity" --out examples/data/activity --files 3 --lines-per-file 60 --seed 3 > /dev/null
n=0
for ex in "$root"/examples/events_*.sql "$root"/examples/activity.sql; do
    for name in $(python3 "$here/batch_equiv.py" split "$ex" queries); do
        for kind in stream batch; do
            "$sluice" build "queries/$name.$kind.sql" -o "$name.$kind" > "$name.$kind.log" 2>&1 ||
                { fail "$name: $kind build failed: $(cat "$name.$kind.log")"; continue 2; }
        done
        "./$name.stream" --trigger availableNow > "$name.stream.out" 2>&1 ||
            { fail "$name: the streaming query failed"; continue; }
        "./$name.batch" > "$name.batch.out" 2>&1 || { fail "$name: the batch query failed"; continue; }
        if grep -q '^Batch:' "$name.batch.out"; then
            fail "$name: the batch query printed a Batch: banner"
            continue
        fi
        if [[ $(grep -c '^Batch:' "$name.stream.out") -lt 2 ]]; then
            fail "$name: the streaming query ran fewer than two batches"
            continue
        fi
        python3 "$here/batch_equiv.py" last "$name.stream.out" > "$name.stream.rows"
        python3 "$here/batch_equiv.py" last "$name.batch.out" > "$name.batch.rows"
        if diff -u "$name.stream.rows" "$name.batch.rows" >&2; then
            pass "$name: batch rows = last complete-mode batch ($(($(wc -l < "$name.batch.rows") - 4)) rows)"
            n=$((n + 1))
        else
            fail "$name: batch rows differ from the last complete-mode batch"
        fi
    done
done
[[ $n -ge 7 ]] || fail "only $n queries compared (expected the 7 complete-mode file queries)"
sl_test_end
