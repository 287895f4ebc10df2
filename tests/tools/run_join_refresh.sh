#!/usr/bin/env bash
# run_join_refresh.sh - a running stream-static join reads its table again when the table's
# files change between micro-batches, and each batch joins one version of it.
#
#   run_join_refresh.sh <sluice>
#
# One run of an executable on the default trigger: batch 0 joins the first version of the
# table; the table file is then replaced and a second one added, and batch 1 joins the new
# version (a changed name, a new key, a removed key); a batch with no table change after
# that keeps the table.  SIGTERM stops the run between batches.
set -euo pipefail
sluice=$(realpath "$1")
. "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_test_begin join_refresh
cd "$tmp"
mkdir -p data/events data/dim
cat > query.sql <<'SQL'
CREATE SOURCE events (id INT, k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT e.id, d.name FROM events e LEFT JOIN dim d ON e.k = d.k;
SQL
"$sluice" build query.sql -o q > build.log 2>&1 || { cat build.log >&2; exit 1; }
printf '{"k": 1, "name": "one"}\n{"k": 2, "name": "two"}\n' > data/dim/a.json
printf '{"id": 1, "k": 1}\n{"id": 2, "k": 2}\n{"id": 3, "k": 3}\n' > data/events/e1.json
./q > out.txt 2> err.txt &
pid=$!
sl_at_exit "kill $pid 2>/dev/null"
# wait_for N: until the output shows batch N (30 s at most)
wait_for() {
  local i
  for i in $(seq 600); do
    grep -q "^Batch: $1\$" out.txt && return 0
    sleep 0.05
  done
  return 1
}
wait_for 0 || fail "batch 0 did not run"
sleep 0.2
# A new version: a.json rewritten (one renamed), b.json added (key 3); key 2 gone.
printf '{"k": 1, "name": "uno"}\n' > data/dim/.a && mv data/dim/.a data/dim/a.json
printf '{"k": 3, "name": "three"}\n' > data/dim/.b && mv data/dim/.b data/dim/b.json
# Event files appear whole (a hidden name, then a rename), as a writer must give a files source.
printf '{"id": 4, "k": 1}\n{"id": 5, "k": 2}\n{"id": 6, "k": 3}\n' > data/events/.e2 && mv data/events/.e2 data/events/e2.json
wait_for 1 || fail "batch 1 did not run"
sleep 0.2
printf '{"id": 7, "k": 3}\n' > data/events/.e3 && mv data/events/.e3 data/events/e3.json
wait_for 2 || fail "batch 2 did not run"
kill -TERM $pid
wait $pid || fail "the run exited with $? on SIGTERM"
cat > want.txt <<'OUT'
-------------------------------------------
Batch: 0
-------------------------------------------
+---+----+
| id|name|
+---+----+
|  1| one|
|  2| two|
|  3|NULL|
+---+----+

-------------------------------------------
Batch: 1
-------------------------------------------
+---+-----+
| id| name|
+---+-----+
|  4|  uno|
|  5| NULL|
|  6|three|
+---+-----+

-------------------------------------------
Batch: 2
-------------------------------------------
+---+-----+
| id| name|
+---+-----+
|  7|three|
+---+-----+

OUT
if diff -u want.txt out.txt; then
  pass "each batch joins the table's version at its start"
else
  fail "output differs (stderr: $(cat err.txt))"
fi
sl_test_end
