#!/usr/bin/env bash
# run_state_schema.sh - restarting a checkpoint with a changed query, end to end.
#
#   run_state_schema.sh <sluice>
#
# Each case, in a fresh temp dir: query A runs on one data file with checkpointLocation chk,
# a second file arrives, query B restarts on the same checkpoint.  Spark's rule
# (StateSchemaCompatibilityChecker): B's state key and value schemas must have A's field
# count and types (names do not count), and B must have A's stateful operators.
#   refused  B exits 1, prints no batch, and its error names what changed;
#   allowed  B exits 0 and continues from A's state (its output is compared).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 <sluice>" >&2
  exit 2
fi
sluice=$(realpath "$1")
# shellcheck source=test_lib.sh
sl_tools=$(realpath "$(dirname "${BASH_SOURCE[0]}")")
source "$sl_tools/test_lib.sh"
sl_test_begin state_schema

source_sql="CREATE SOURCE events (time TIMESTAMP, action STRING, id BIGINT,
  WATERMARK FOR time AS time - INTERVAL '10 minutes')
WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);"

# restart <case> <expect: refused|allowed> <select A> <select B> <pattern...>
# The patterns must all occur in B's stderr (refused) or B's stdout (allowed); a pattern
# starting with ! must not.
restart() {
  local name=$1 expect=$2 a=$3 b=$4
  shift 4
  local dir=$tmp/$name
  mkdir -p "$dir/data/events"
  for q in a b; do
    local sel=$a
    [[ $q == b ]] && sel=$b
    printf '%s\nINSERT INTO out %s\nWITH (name = '"'q'"', checkpointLocation = '"'chk'"'%s);\n' \
      "$source_sql" "$sel" "${mode:-}" > "$dir/$q.sql"
    (cd "$dir" && "$sluice" build "$q.sql" -o "$q" > /dev/null)
  done
  printf '%s\n' '{"time":1469501675,"action":"Open","id":1}' \
    '{"time":1469501676,"action":"Close","id":2}' > "$dir/data/events/f1.json"
  touch -d @1600000000 "$dir/data/events/f1.json"
  local rc=0
  (cd "$dir" && ./a --trigger availableNow > a.out 2> a.err) || rc=$?
  if [[ $rc -ne 0 ]]; then
    fail "$name: the first run exited $rc: $(cat "$dir/a.err")"
    return
  fi
  if [[ -n ${before_b:-} ]]; then
    (cd "$dir" && eval "$before_b") || { fail "$name: '$before_b' failed"; return; }
  fi
  printf '%s\n' '{"time":1469501677,"action":"Open","id":1}' > "$dir/data/events/f2.json"
  touch -d @1600000001 "$dir/data/events/f2.json"
  rc=0
  (cd "$dir" && ./b --trigger availableNow > b.out 2> b.err) || rc=$?
  local where=$dir/b.err
  if [[ $expect == refused ]]; then
    if [[ $rc -ne 1 ]]; then
      fail "$name: the restart exited $rc, expected 1: $(cat "$dir/b.err")"
      return
    elif grep -q '^Batch' "$dir/b.out"; then
      fail "$name: a batch ran on a checkpoint of another state layout: $(cat "$dir/b.out")"
      return
    fi
  else
    where=$dir/b.out
    if [[ $rc -ne 0 ]]; then
      fail "$name: the restart exited $rc, expected 0: $(cat "$dir/b.err")"
      return
    fi
  fi
  local p
  for p in "$@"; do
    if [[ $p == '!'* ]]; then
      if grep -qF -- "${p:1}" "$where"; then
        fail "$name: '${p:1}' in $(basename "$where"): $(cat "$where")"
        return
      fi
    elif ! grep -qF -- "$p" "$where"; then
      fail "$name: '$p' not in $(basename "$where"): $(cat "$where")"
      return
    fi
  done
  pass "$name ($expect)"
}

mode=", outputMode = 'complete'"
restart agg_key_type refused \
  "SELECT action, count(*) AS n FROM events GROUP BY action" \
  "SELECT time, count(*) AS n FROM events GROUP BY time" \
  "stateful operator 0 (stateStoreSave): Provided schema doesn't match to the schema for existing state!" \
  "- Provided key schema: struct<time:timestamp>" "- Existing key schema: struct<action:string>" \
  "- Provided value schema: struct<count:bigint>" "- Existing value schema: struct<count:bigint>"
restart agg_value_type refused \
  "SELECT action, count(*) AS n FROM events GROUP BY action" \
  "SELECT action, min(time) AS n FROM events GROUP BY action" \
  "- Provided value schema: struct<min:timestamp>" "- Existing value schema: struct<count:bigint>"
restart agg_key_count refused \
  "SELECT action, count(*) AS n FROM events GROUP BY action" \
  "SELECT action, id, count(*) AS n FROM events GROUP BY action, id" \
  "- Provided key schema: struct<action:string,id:bigint>"
restart agg_renamed allowed \
  "SELECT action, count(*) AS n FROM events GROUP BY action" \
  "SELECT action AS kind, count(*) AS total FROM events GROUP BY action" \
  "|kind |total|" "|Open |2    |" "|Close|1    |"
restart window_key_type refused \
  "SELECT window(time, '10 minutes') AS w, action, count(*) AS n FROM events GROUP BY window(time, '10 minutes'), action" \
  "SELECT window(time, '10 minutes') AS w, id, count(*) AS n FROM events GROUP BY window(time, '10 minutes'), id" \
  "- Provided key schema: struct<window:struct<start:timestamp,end:timestamp>,id:bigint>"
restart window_size_changed allowed \
  "SELECT window(time, '10 minutes') AS w, action, count(*) AS n FROM events GROUP BY window(time, '10 minutes'), action" \
  "SELECT window(time, '5 minutes') AS w, action, count(*) AS n FROM events GROUP BY window(time, '5 minutes'), action" \
  "|{2016-07-26 02:50:00, 2016-07-26 03:00:00}|Open  |1  |" \
  "|{2016-07-26 02:50:00, 2016-07-26 02:55:00}|Open  |1  |"
restart agg_to_session refused \
  "SELECT action, window(time, '10 minutes') AS w, count(*) AS n FROM events GROUP BY action, window(time, '10 minutes')" \
  "SELECT action, session_window(time, '10 minutes') AS w, count(*) AS n FROM events GROUP BY action, session_window(time, '10 minutes')" \
  "stateful operator 0: the state was written by a stateStoreSave operator, the query now has a sessionWindowStateStoreSaveExec operator"
restart session_key_type refused \
  "SELECT action, session_window(time, '10 minutes') AS w, count(*) AS n FROM events GROUP BY action, session_window(time, '10 minutes')" \
  "SELECT id, session_window(time, '10 minutes') AS w, count(*) AS n FROM events GROUP BY id, session_window(time, '10 minutes')" \
  "(sessionWindowStateStoreSaveExec): Provided schema" \
  "- Provided key schema: struct<id:bigint,sessionStartTime:timestamp>" \
  "- Existing key schema: struct<action:string,sessionStartTime:timestamp>"
mode=""
restart dedup_key_type refused \
  "SELECT action, id FROM events DROP DUPLICATES (action)" \
  "SELECT action, id FROM events DROP DUPLICATES (id)" \
  "stateful operator 1 (dedupe): Provided schema" \
  "- Provided key schema: struct<id:bigint>" "- Existing key schema: struct<action:string>" \
  "- Provided value schema: struct<__dummy__:void>"
restart dedup_within_watermark refused \
  "SELECT action, id FROM events DROP DUPLICATES (action)" \
  "SELECT action, id FROM events DROP DUPLICATES WITHIN WATERMARK (action)" \
  "the state was written by a dedupe operator, the query now has a dedupeWithinWatermark operator"
restart dedup_renamed allowed \
  "SELECT action, id FROM events DROP DUPLICATES (action)" \
  "SELECT a AS b, i FROM (SELECT action AS a, id AS i FROM events) DROP DUPLICATES (a)" \
  "|b  |i  |" "!Open"
restart dedup_added refused \
  "SELECT action, id FROM events" \
  "SELECT action, id FROM events DROP DUPLICATES (action)" \
  "the query's stateful operator 1 (dedupe) has no state in checkpoint chk"
restart dedup_removed refused \
  "SELECT action, id FROM events DROP DUPLICATES (action)" \
  "SELECT action, id FROM events" \
  "checkpoint chk holds the state of stateful operator 1 (dedupe) but the query has no deduplication any more"
restart limit_added refused \
  "SELECT action, id FROM events" \
  "SELECT action, id FROM events LIMIT 5" \
  "the query's stateful operator 3 (globalLimit) has no state in checkpoint chk"
restart limit_removed refused \
  "SELECT action, id FROM events LIMIT 5" \
  "SELECT action, id FROM events" \
  "checkpoint chk holds the state of stateful operator 3 (globalLimit) but the query has no limit any more"
restart limit_changed allowed \
  "SELECT action, id FROM events LIMIT 2" \
  "SELECT action, id FROM events LIMIT 3" \
  "|Open  |1  |"
# Chained aggregations (append mode): the hourly totals over the 10-minute counts are stateful
# operator 16 with a schema of their own.
mode=", outputMode = 'append'"
counts="SELECT action, window(time, '10 minutes') AS window, count(*) AS count FROM events GROUP BY action, window(time, '10 minutes')"
restart chain_added refused \
  "$counts" \
  "SELECT action, window(window_time(window), '1 hour') AS h, sum(count) AS total FROM ($counts) GROUP BY action, window(window_time(window), '1 hour')" \
  "the query's stateful operator 16 (stateStoreSave) has no state in checkpoint chk"
restart chain_removed refused \
  "SELECT action, window(window_time(window), '1 hour') AS h, sum(count) AS total FROM ($counts) GROUP BY action, window(window_time(window), '1 hour')" \
  "$counts" \
  "checkpoint chk holds the state of stateful operator 16 (stateStoreSave) but the query has no aggregation any more"
restart chain_key_type refused \
  "SELECT action, window(window_time(window), '1 hour') AS h, sum(count) AS total FROM ($counts) GROUP BY action, window(window_time(window), '1 hour')" \
  "SELECT window(window_time(window), '1 hour') AS h, sum(count) AS total FROM ($counts) GROUP BY window(window_time(window), '1 hour')" \
  "stateful operator 16 (stateStoreSave): Provided schema" \
  "- Provided key schema: struct<window:struct<start:timestamp,end:timestamp>>"
mode=""
restart ssjoin_key_type refused \
  "SELECT a.action, b.id FROM events a JOIN events b ON a.action = b.action" \
  "SELECT a.action, b.id FROM events a JOIN events b ON a.id = b.id" \
  "stateful operator 2 (symmetricHashJoin): Provided schema" \
  "- Provided key schema: struct<id:bigint>" "- Existing key schema: struct<action:string>"
restart ssjoin_side_columns refused \
  "SELECT a.action, b.id FROM events a JOIN events b ON a.action = b.action" \
  "SELECT a.action, b.id FROM events a JOIN (SELECT action, id FROM events) b ON a.action = b.action" \
  "- Existing value schema: struct<left:struct<time:timestamp,action:string,id:bigint,matched:boolean>,right:struct<time:timestamp,action:string,id:bigint,matched:boolean>>"
restart ssjoin_renamed allowed \
  "SELECT a.action, b.id FROM events a JOIN events b ON a.action = b.action" \
  "SELECT a.action AS kind, b.id AS n FROM events a JOIN events b ON a.action = b.action" \
  "|kind|n  |" "|Open|1  |"
restart ssjoin_removed refused \
  "SELECT a.action, b.id FROM events a JOIN events b ON a.action = b.action" \
  "SELECT action, id FROM events" \
  "There are [2] sources in the checkpoint offsets and now there are [1] sources"

# ---- State files with a valid checksum but contents that do not fit the query ----
# forge <file> <key byte offset> <u64>: set a u64 inside the key of the file's first record
# and write the file back with a valid checksum trailer.
# old_value_schema <file> <schema>: put <schema> as the value schema of a state schema file
# (what a checkpoint of another state layout holds), with a valid checksum trailer.
forge() { rewrite key "$@"; }
old_value_schema() { rewrite schema "$@"; }
rewrite() {
  SL_TOOLS=$sl_tools PYTHONDONTWRITEBYTECODE=1 python3 - "$@" << 'EOF'
import os, struct, sys
sys.path.insert(0, os.environ["SL_TOOLS"])
import ckpt_crc
what, path = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
body = data[:data.rindex(b'#crc32c ')]
if what == 'key':
    off, val = int(sys.argv[3]), int(sys.argv[4])
    assert body[0:1] == b'P'
    key_at = 5
    body = body[:key_at + off] + struct.pack('<Q', val) + body[key_at + off + 8:]
else:
    lines = body.split(b'\n')  # version, operator, key schema, value schema, ''
    lines[3] = sys.argv[3].encode()
    body = b'\n'.join(lines)
open(path, 'wb').write(ckpt_crc.sign(body))
EOF
}
mode=", outputMode = 'complete'"
# GROUP BY action: the key is [null flag, padding][u64 length of action at byte 8][bytes].
before_b="forge chk/state/0/1.delta 8 1000"
restart forged_string_length refused \
  "SELECT action, count(*) AS n FROM events GROUP BY action" \
  "SELECT action, count(*) AS n FROM events GROUP BY action" \
  "restoring state from chk/state/0/1.delta failed at the record at byte 0: a state key gives its string at byte 8 a length of 1000 bytes"
before_b="forge chk/state/0/1.delta 0 7"
restart forged_null_flag refused \
  "SELECT action, count(*) AS n FROM events GROUP BY action" \
  "SELECT action, count(*) AS n FROM events GROUP BY action" \
  "chk/state/0/1.delta failed at the record at byte 0: a state key has 7 as the null flag of key 0"
before_b="forge chk/state/1/1.delta 8 4294967296"
mode=""
restart forged_dedup_key refused \
  "SELECT action, id FROM events DROP DUPLICATES (action)" \
  "SELECT action, id FROM events DROP DUPLICATES (action)" \
  "chk/state/1/1.delta failed at the record at byte 0: a state key gives its string at byte 8 a length of 4294967296 bytes"
# GROUP BY an array: its canonical bytes (srt_key.c) after the fixed part, at byte 16: u32 count
# 2, then per element a null byte, a u32 length and the bytes ("O", "en" of "Open").  Count 3
# makes the third element's length a u32 that overruns the 17 bytes.
before_b="forge chk/state/0/1.delta 16 3"
mode=", outputMode = 'complete'"
restart forged_nested_key refused \
  "SELECT split(action, 'p') AS parts, count(*) AS n FROM events GROUP BY split(action, 'p')" \
  "SELECT split(action, 'p') AS parts, count(*) AS n FROM events GROUP BY split(action, 'p')" \
  "chk/state/0/1.delta failed at the record at byte 0: a state key's nested value at byte 8 (17 bytes) is not a value of its type"
mode=""
before_b='forge "$(ls chk/state/0/*.snapshot | sort -V | tail -1)" 8 77' # the newest version
restart forged_session_key refused \
  "SELECT action, session_window(time, '10 minutes') AS w, count(*) AS n FROM events GROUP BY action, session_window(time, '10 minutes')" \
  "SELECT action, session_window(time, '10 minutes') AS w, count(*) AS n FROM events GROUP BY action, session_window(time, '10 minutes')" \
  ".snapshot failed at the record at byte 0: a state key gives its string at byte 8 a length of 77 bytes"
before_b=""
# A DOUBLE sum/avg keeps the batch's partial sum beside Spark's buffer (cg_agg.c): a
# checkpoint of the layout with the sum alone (struct<sum:double>) must not be misread.
mode=", outputMode = 'complete'"
before_b="old_value_schema chk/state/0/_metadata/schema 'struct<sum:double>'"
restart double_sum_old_layout refused \
  "SELECT action, sum(CAST(id AS DOUBLE)) AS s FROM events GROUP BY action" \
  "SELECT action, sum(CAST(id AS DOUBLE)) AS s FROM events GROUP BY action" \
  "- Provided value schema: struct<sum:double,partialSum:double,partialBatch:bigint>" \
  "- Existing value schema: struct<sum:double>"
before_b="old_value_schema chk/state/0/_metadata/schema 'struct<sum:double,count:bigint>'"
restart double_avg_old_layout refused \
  "SELECT action, avg(id) AS a FROM events GROUP BY action" \
  "SELECT action, avg(id) AS a FROM events GROUP BY action" \
  "- Provided value schema: struct<sum:double,count:bigint,partialSum:double,partialBatch:bigint>" \
  "- Existing value schema: struct<sum:double,count:bigint>"
before_b=""
restart double_sum_same_layout allowed \
  "SELECT action, sum(CAST(id AS DOUBLE)) AS s, avg(id) AS a FROM events GROUP BY action" \
  "SELECT action, sum(CAST(id AS DOUBLE)) AS s, avg(id) AS a FROM events GROUP BY action" \
  "|Open  |2.0|1.0|" "|Close |2.0|2.0|"
# An interval sum/avg (Spark's Sum and Average keep the input's type, DayTimeIntervalType()
# or YearMonthIntervalType()) keeps the batch's partial sum too, try_sum its isEmpty and
# overflow flags: a checkpoint of Spark's buffer alone must not be misread.
before_b="old_value_schema chk/state/0/_metadata/schema 'struct<sum:interval hour>'"
restart interval_sum_old_layout refused \
  "SELECT action, sum(CAST(id AS INTERVAL HOUR)) AS s FROM events GROUP BY action" \
  "SELECT action, sum(CAST(id AS INTERVAL HOUR)) AS s FROM events GROUP BY action" \
  "- Provided value schema: struct<sum:interval hour,partialSum:interval hour,partialBatch:bigint>" \
  "- Existing value schema: struct<sum:interval hour>"
before_b="old_value_schema chk/state/0/_metadata/schema 'struct<sum:interval year to month,count:bigint>'"
restart interval_avg_old_layout refused \
  "SELECT action, avg(CAST(id AS INTERVAL MONTH)) AS a FROM events GROUP BY action" \
  "SELECT action, avg(CAST(id AS INTERVAL MONTH)) AS a FROM events GROUP BY action" \
  "- Provided value schema: struct<sum:interval year to month,count:bigint,partialSum:interval year to month,partialBatch:bigint>" \
  "- Existing value schema: struct<sum:interval year to month,count:bigint>"
before_b=""
restart interval_try_sum_changed refused \
  "SELECT action, sum(CAST(id AS INTERVAL HOUR)) AS s FROM events GROUP BY action" \
  "SELECT action, try_sum(CAST(id AS INTERVAL HOUR)) AS s FROM events GROUP BY action" \
  "- Provided value schema: struct<sum:interval hour,isEmpty:boolean,partialSum:interval hour,partialBatch:bigint>"
restart interval_sum_same_layout allowed \
  "SELECT action, sum(CAST(id AS INTERVAL HOUR)) AS s, avg(CAST(id AS INTERVAL MONTH)) AS a FROM events GROUP BY action" \
  "SELECT action, sum(CAST(id AS INTERVAL HOUR)) AS s, avg(CAST(id AS INTERVAL MONTH)) AS a FROM events GROUP BY action" \
  "|Open  |INTERVAL '02' HOUR|INTERVAL '0-1' YEAR TO MONTH|" \
  "|Close |INTERVAL '02' HOUR|INTERVAL '0-2' YEAR TO MONTH|"

# A source added to the query (a UNION ALL branch): the offsets log names one source, the query
# reads two (Spark's OffsetSeq.toStreamProgress assertion).
mode=""
restart union_branch_added refused \
  "SELECT action FROM events" \
  "SELECT action FROM events UNION ALL SELECT action FROM events" \
  "There are [1] sources in the checkpoint offsets and now there are [2] sources requested by the query. Cannot continue."

sl_test_end
