#!/usr/bin/env bash
# run_line_ends_mapped.sh - lines ending in "\n", "\r\n" and a lone "\r" in files large enough
# to be mapped (srt_map.c): the reader makes each lone "\r" a line end a window at a time
# (SrtReadPos.lf_later, srt_query_process_buffer), on one thread and in the tasks of several.
# data/jcr: a "\r" in every place the JSON shape could meet one, and at the reader's window
# edges (json_cr_lines.py).
# Every run must give the figures line_ends_mapped.py computes from Spark's line ends, with
# tasks of the default size, and tasks of 100,000 bytes (several a buffer the source hands
# over) and of 7 bytes (a line or two each).
#
#   run_line_ends_mapped.sh <sluice>
set -euo pipefail
sluice=$(realpath "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=test_lib.sh
source "$here/test_lib.sh"
sl_test_begin line_ends_mapped
cd "$tmp"
python3 "$here/line_ends_mapped.py" gen data
cat > q.sql << 'SQL'
CREATE SOURCE lines WITH (connector = 'files', path = 'data/text', format = 'text');
CREATE SOURCE js (a BIGINT, s STRING) WITH (connector = 'files', path = 'data/json', format = 'json');
CREATE SOURCE ch (id BIGINT, name STRING)
  WITH (connector = 'files', path = 'data/csvh', format = 'csv', header = true);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT count(*) AS n, count_if(value = '') AS empty,
  sum(length(value)) AS len, sum(CAST(substring(value, 2) AS BIGINT)) AS total
  FROM lines WITH (name = 'text', outputMode = 'complete');
INSERT INTO console SELECT count(*) AS n, sum(a) AS total, sum(length(s)) AS len FROM js
  WITH (name = 'json', outputMode = 'complete');
INSERT INTO console SELECT count(*) AS n, sum(id) AS total, sum(length(name)) AS len FROM ch
  WITH (name = 'csv', outputMode = 'complete');
CREATE SOURCE jcr (time TIMESTAMP, action STRING, x BIGINT, n BIGINT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/jcr', format = 'json');
INSERT INTO console SELECT count(*) AS c, count(time) AS times, count(_corrupt_record) AS bad,
  sum(n) AS total, sum(length(action)) AS len, sum(length(_corrupt_record)) AS bad_len FROM jcr
  WITH (name = 'jcr', outputMode = 'complete');
CREATE SOURCE jdrop (time TIMESTAMP, action STRING, x BIGINT, n BIGINT)
  WITH (connector = 'files', path = 'data/jcr', format = 'json', mode = 'DROPMALFORMED');
INSERT INTO console SELECT count(*) AS c, sum(n) AS total, sum(length(action)) AS len FROM jdrop
  WITH (name = 'jdrop', outputMode = 'complete');
SQL
"$sluice" build q.sql -o q > build.log 2>&1 || { cat build.log >&2; fail "sluice build failed"; sl_test_end; }
python3 "$here/line_ends_mapped.py" expect data > expected
for args in "--threads 1" "--threads 2" "--threads 2 --task-bytes 100000" "--threads 2 --task-bytes 7"; do
  # shellcheck disable=SC2086 # the options are words
  if ! ./q --trigger availableNow $args > out 2> err; then
    fail "./q $args failed: $(cat err)"
    continue
  fi
  # the row under each table's header
  awk '/^\|/ { if (++k % 2 == 0) { gsub(/ /, ""); print } }' out > got
  if cmp -s got expected; then
    pass "./q $args"
  else
    fail "./q $args: got $(tr '\n' ' ' < got), expected $(tr '\n' ' ' < expected)"
  fi
done
sl_test_end
