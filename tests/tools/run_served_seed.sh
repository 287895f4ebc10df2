#!/usr/bin/env bash
# run_served_seed.sh - seed 000 as its notebook runs it, against a real executable: windowed
# counts of the events files into a memory table `counts`, served with --serve while the query
# runs.  `sluice sql --connect` asks the notebook's two questions and must equal Python's answer
# computed from the event files (sql_connect_ref.py seed); run_sql_connect.sh's generic checks
# and the live page in headless Chromium (run_live_page.sh, skipped without chromium) then run
# against the same executable; finally POST .../stop ends it with exit 0.
#
#   run_served_seed.sh <sluice> <gen_events> [--out DIR]   (DIR keeps the live page's screenshot)
set -euo pipefail
export LC_ALL=C
sluice=$(realpath "$1")
gen_events=$(realpath "$2")
shift 2
out=
[[ ${1:-} == --out ]] && out=$2
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$tools/test_lib.sh"
sl_test_begin served_seed
cd "$tmp"
export SLUICE_CACHE_DIR="$tmp/cache"

"$gen_events" --out events --files 12 --lines-per-file 2000 --seed 7 > /dev/null
cat > counts.sql <<'SQL'
CREATE SOURCE events (time TIMESTAMP, action STRING)
WITH (connector = 'files', path = 'events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK counts WITH (connector = 'memory');

INSERT INTO counts
SELECT action, window(time, '1 hour') AS window, count(*) AS count
FROM events
GROUP BY action, window(time, '1 hour')
WITH (name = 'counts', outputMode = 'complete');
SQL
"$sluice" build counts.sql -o counts 2> build.err || { fail "build: $(cat build.err)"; sl_test_end; }

./counts --serve 0 --checkpoint cp > counts.out 2> counts.err &
pid=$!
sl_at_exit "kill $pid 2> /dev/null"
base=
for _ in $(seq 100); do
  base=$(sed -n '1s|^serving \(http://127\.0\.0\.1:[0-9]*\)/$|\1|p' counts.err 2> /dev/null || true)
  [[ -n $base ]] && break
  sleep 0.1
done
[[ -n $base ]] || { fail "no 'serving' line: $(cat counts.err)"; sl_test_end; }

# One batch per file (maxFilesPerTrigger = 1): the table is final at batch 11, and the query
# then waits for new files, still serving.
last=
for _ in $(seq 300); do
  last=$(curl -s "$base/api/queries" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["lastBatchId"])')
  [[ $last == 11 ]] && break
  sleep 0.1
done
[[ $last == 11 ]] && pass "12 batches served" || fail "lastBatchId $last, not 11"

{ "$sluice" sql --connect "$base" \
    "select action, date_format(window.end, 'MMM-dd HH:mm') as time, count from counts order by time, action" &&
  "$sluice" sql --connect "$base" "select action, sum(count) as total from counts group by action order by action"; } > seed.out 2> seed.err || fail "sluice sql: $(cat seed.err)"
python3 "$tools/sql_connect_ref.py" seed events > seed.ref
if cmp -s seed.out seed.ref; then
  pass "seed 000's questions equal Python's computation from the events"
else
  fail "seed 000's questions: $(diff seed.ref seed.out | head -20)"
fi

if bash "$tools/run_sql_connect.sh" "$sluice" --url "$base" > sql_connect.log 2>&1; then
  pass "run_sql_connect.sh against the executable"
else
  fail "run_sql_connect.sh: $(tail -20 sql_connect.log)"
fi

page=(bash "$tools/run_live_page.sh" --url "$base/")
[[ -n $out ]] && page=(bash "$tools/run_live_page.sh" --out "$out" --url "$base/")
rc=0
"${page[@]}" > live_page.log 2>&1 || rc=$?
case $rc in
  0) pass "the live page against the executable" ;;
  77) echo "served_seed: the live page is not checked: chromium is not installed" ;;
  *) fail "run_live_page.sh: $(tail -20 live_page.log)" ;;
esac

code=$(curl -s -o stop.txt -w '%{http_code}' -X POST "$base/api/queries/counts/stop")
[[ $code == 200 ]] && pass "stop" || fail "stop: $code $(cat stop.txt)"
rc=0
for _ in $(seq 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
wait "$pid" || rc=$?
[[ $rc == 0 ]] && pass "exit 0 after the stop" || fail "exit $rc: $(cat counts.err)"
sl_test_end
