#!/usr/bin/env bash
# run_db_sinks.sh - the postgres and sqlite sinks end to end: whole table contents after several
# batches in append, update (upsert, NULL keys included) and complete (replace) mode, TINYINT and
# SMALLINT columns and keys, a batch re-run after a lost commit and queries SIGKILLed mid-run and
# restarted (exactly the right rows),
# an existing table of another type refused before the first batch, an unreachable server, a
# constraint violation and a full disk (enospc_preload.c) rolling their batch back.
#
#   run_db_sinks.sh <sluice> <gen_events> <libenospc_preload.so>
#
# PostgreSQL: a private server (test_lib.sh sl_pg_start), read with psql; SQLite: a file in the
# test's directory, read with the sqlite3 shell.  DB_KILL_ROUNDS (default 3) kill rounds per
# database; DB_KILL_SEED reproduces their delays.
set -euo pipefail
export LC_ALL=C PGTZ=UTC
source "$(dirname "$0")/test_lib.sh"

sluice=$(realpath "$1")
gen=$(realpath "$2")
enospc=$(realpath "$3")
sl_test_begin db_sinks
for tool in psql sqlite3; do
  command -v "$tool" > /dev/null || { echo "db_sinks: $tool is not installed" >&2; exit 1; }
done
sl_pg_start

# ---- the input: three files, one batch each (maxFilesPerTrigger = 1) ----
mkdir -p "$tmp/data"
cat > "$tmp/data/f1.json" << 'EOF'
{"time":"2016-07-26T02:00:00Z","action":"Open","n":1}
{"time":"2016-07-26T02:05:00Z","action":"Close","n":2}
{"time":"2016-07-26T02:15:00Z","action":"Open","n":null}
EOF
cat > "$tmp/data/f2.json" << 'EOF'
{"time":"2016-07-26T02:01:00Z","action":"Open","n":5}
{"time":"2016-07-26T02:31:00Z","action":null,"n":5}
EOF
cat > "$tmp/data/f3.json" << 'EOF'
{"time":"2016-07-26T02:16:00Z","action":"Open","n":-3}
{"time":"2016-07-26T02:33:00Z","action":null,"n":7}
{"time":"2016-07-26T02:40:00.5Z","action":"Tab\there \\ back","n":0}
EOF
touch -d '2020-01-01 00:00:01' "$tmp/data/f1.json"
touch -d '2020-01-01 00:00:02' "$tmp/data/f2.json"
touch -d '2020-01-01 00:00:03' "$tmp/data/f3.json"

# sink DB TABLE: the CREATE SINK statement of sink `out` into TABLE.
sink() {
  case $1 in
  pg) echo "CREATE SINK out WITH (connector = 'postgres', url = '$pg_conn', table = '$2');" ;;
  sqlite) echo "CREATE SINK out WITH (connector = 'sqlite', path = '$tmp/db.sqlite', table = '$2');" ;;
  esac
}

# dump DB SQL: the rows of a query, '|' between columns, NULL as NULL.
dump() {
  case $1 in
  pg) psql "$pg_conn" -XqAt -P null=NULL -v ON_ERROR_STOP=1 -c "$2" ;;
  sqlite) sqlite3 -batch -noheader -nullvalue NULL -separator '|' "$tmp/db.sqlite" "$2" ;;
  esac
}

# build NAME QUERY: build QUERY (the text of a .sql file) as $tmp/NAME/q.
build() {
  local dir=$tmp/$1
  mkdir -p "$dir"
  printf '%s\n' "$2" > "$dir/q.sql"
  "$sluice" build "$dir/q.sql" -o "$dir/q" > "$dir/build.log" 2>&1 ||
    { cat "$dir/build.log" >&2; return 1; }
}

# run NAME QUERY: build it and run it to the end in $tmp/NAME.
run() {
  build "$1" "$2" && (cd "$tmp/$1" && ./q --trigger availableNow) > "$tmp/$1/run.log" 2>&1
}

# refused NAME WHAT QUERY WANT: the query (run NAME) must fail, its output being WANT with query
# ids as ID and port numbers as PORT.  Returns 1 when it ran.
refused() {
  if run "$1" "$3"; then
    fail "$2: the query ran"
    return 1
  fi
  expect "$2" "$4" "$(sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/ID/g; s/port [0-9]+/port PORT/' "$tmp/$1/run.log")"
}

# expect NAME WANT GOT: compare, report.
expect() {
  if [[ $2 == "$3" ]]; then
    pass "$1"
  else
    fail "$1"
    diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | sed 's/^/    /' >&2 || true
  fi
}

source_sql="CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = '$tmp/data', format = 'json', maxFilesPerTrigger = 1);"

# TINYINT and SMALLINT values, two batches (200 is read as the byte -56).
mkdir -p "$tmp/small"
printf '%s\n' '{"t":-128,"s":-32768}' '{"t":127,"s":32767}' '{"t":null,"s":5}' > "$tmp/small/f1.json"
printf '%s\n' '{"t":-128,"s":300}' '{"t":200,"s":-1}' '{"t":null,"s":null}' > "$tmp/small/f2.json"
touch -d '2020-01-01 00:00:01' "$tmp/small/f1.json"
touch -d '2020-01-01 00:00:02' "$tmp/small/f2.json"
small_sql="CREATE SOURCE nums (t TINYINT, s SMALLINT)
  WITH (connector = 'files', path = '$tmp/small', format = 'json', maxFilesPerTrigger = 1);"

# TIMESTAMP_NTZ values, two batches (a NULL; microseconds).
mkdir -p "$tmp/ntz"
printf '%s\n' '{"k":"a","t":"2024-01-01T10:02:00.5"}' '{"k":"b","t":"2024-01-01T10:14:00"}' \
  '{"k":"c","t":null}' > "$tmp/ntz/f1.json"
printf '%s\n' '{"k":"a","t":"2024-01-01T10:07:00"}' '{"k":"d","t":"2023-12-31T23:59:59.123456"}' \
  > "$tmp/ntz/f2.json"
touch -d '2020-01-01 00:00:01' "$tmp/ntz/f1.json"
touch -d '2020-01-01 00:00:02' "$tmp/ntz/f2.json"
ntz_sql="CREATE SOURCE ntz (k STRING, t TIMESTAMP_NTZ)
  WITH (connector = 'files', path = '$tmp/ntz', format = 'json', maxFilesPerTrigger = 1);"

for db in sqlite pg; do
  # ---- append: every type, three batches ----
  q="$source_sql
$(sink $db appended)
INSERT INTO out
SELECT time, action, n, CAST(n AS DOUBLE) / 4 AS quarter, n > 2 AS big, to_date(time) AS day,
       CAST(n AS DECIMAL(10,2)) / 3 AS third, split(action, 'e') AS parts, CAST(action AS BINARY) AS raw
FROM events
WITH (name = 'appending', checkpointLocation = 'ckpt');"
  run "$db-append" "$q" || fail "$db append: run failed: $(cat "$tmp/$db-append/run.log")"
  got=$(dump $db "SELECT * FROM appended ORDER BY time")
  if [[ $db == pg ]]; then
    want='2016-07-26 02:00:00+00|Open|1|0.25|f|2016-07-26|0.333333|{Op,n}|\x4f70656e
2016-07-26 02:01:00+00|Open|5|1.25|t|2016-07-26|1.666667|{Op,n}|\x4f70656e
2016-07-26 02:05:00+00|Close|2|0.5|f|2016-07-26|0.666667|{Clos,""}|\x436c6f7365
2016-07-26 02:15:00+00|Open|NULL|NULL|NULL|2016-07-26|NULL|{Op,n}|\x4f70656e
2016-07-26 02:16:00+00|Open|-3|-0.75|f|2016-07-26|-1.000000|{Op,n}|\x4f70656e
2016-07-26 02:31:00+00|NULL|5|1.25|t|2016-07-26|1.666667|NULL|NULL
2016-07-26 02:33:00+00|NULL|7|1.75|t|2016-07-26|2.333333|NULL|NULL
2016-07-26 02:40:00.5+00|Tab	here \ back|0|0|f|2016-07-26|0.000000|{"Tab	h",r," \\ back"}|\x5461620968657265205c206261636b'
  else
    want='2016-07-26 02:00:00|Open|1|0.25|0|2016-07-26|0.333333|["Op","n"]|Open
2016-07-26 02:01:00|Open|5|1.25|1|2016-07-26|1.666667|["Op","n"]|Open
2016-07-26 02:05:00|Close|2|0.5|0|2016-07-26|0.666667|["Clos",""]|Close
2016-07-26 02:15:00|Open|NULL|NULL|NULL|2016-07-26|NULL|["Op","n"]|Open
2016-07-26 02:16:00|Open|-3|-0.75|0|2016-07-26|-1.000000|["Op","n"]|Open
2016-07-26 02:31:00|NULL|5|1.25|1|2016-07-26|1.666667|NULL|NULL
2016-07-26 02:33:00|NULL|7|1.75|1|2016-07-26|2.333333|NULL|NULL
2016-07-26 02:40:00.5|Tab	here \ back|0|0.0|0|2016-07-26|0.000000|["Tab\th","r"," \\ back"]|Tab	here \ back'
    expect "sqlite append: BINARY is a BLOB" "blob
null" "$(dump sqlite "SELECT DISTINCT typeof(raw) FROM appended ORDER BY 1")"
  fi
  expect "$db append: 3 batches, every type" "$want" "$got"
  expect "$db append: the last batch is recorded" "2" \
    "$(dump $db "SELECT batch_id FROM _sluice_batches WHERE table_name = '\"appended\"'")"

  # A batch re-run after a crash between the sink's commit and the checkpoint's: nothing twice.
  rm "$tmp/$db-append/ckpt/commits/2"
  (cd "$tmp/$db-append" && ./q --trigger availableNow) > "$tmp/$db-append/rerun.log" 2>&1 ||
    fail "$db append: re-run failed: $(cat "$tmp/$db-append/rerun.log")"
  [[ -f $tmp/$db-append/ckpt/commits/2 ]] || fail "$db append: batch 2 was not re-run"
  expect "$db append: a re-run batch writes nothing twice" "$want" \
    "$(dump $db "SELECT * FROM appended ORDER BY time")"

  # ---- update: upsert on (window, action), NULL keys matching NULL keys ----
  q="$source_sql
$(sink $db windowed)
INSERT INTO out
SELECT window(time, '10 minutes') AS window, action, count(*) AS count, sum(n) AS total
FROM events GROUP BY window(time, '10 minutes'), action
WITH (name = 'upserting', outputMode = 'update', checkpointLocation = 'ckpt');"
  build "$db-update" "$q" && (cd "$tmp/$db-update" && ./q --trigger availableNow --progress p.json) \
    > "$tmp/$db-update/run.log" 2>&1 || fail "$db update: run failed: $(cat "$tmp/$db-update/run.log")"
  expect "$db update: progress names the sink as Spark's foreachBatch" \
    '3 "sink":{"description":"ForeachBatchSink","numOutputRows":-1}' \
    "$(grep -o '"sink":{[^}]*}' "$tmp/$db-update/p.json" | uniq -c | sed 's/^ *//')"
  got=$(dump $db "SELECT * FROM windowed ORDER BY window_start, action")
  z=$([[ $db == pg ]] && echo "+00" || true)
  want="2016-07-26 02:00:00$z|2016-07-26 02:10:00$z|Close|1|2
2016-07-26 02:00:00$z|2016-07-26 02:10:00$z|Open|2|6
2016-07-26 02:10:00$z|2016-07-26 02:20:00$z|Open|2|-3
2016-07-26 02:30:00$z|2016-07-26 02:40:00$z|NULL|2|12
2016-07-26 02:40:00$z|2016-07-26 02:50:00$z|Tab	here \\ back|1|0"
  expect "$db update: upserted on the window and action" "$want" "$got"

  # ---- update of a global aggregate: its one row replaced (a qualified table name, which
  # PostgreSQL folds to lower case as Spark's JDBC `dbtable` text) ----
  q="$source_sql
$(sink $db "$([[ $db == pg ]] && echo public || echo main).Totals")
INSERT INTO out SELECT count(*) AS count, sum(n) AS total FROM events
WITH (name = 'global', outputMode = 'update', checkpointLocation = 'ckpt');"
  run "$db-global" "$q" || fail "$db global: run failed: $(cat "$tmp/$db-global/run.log")"
  expect "$db update: a global aggregate is one row" "8|17" "$(dump $db "SELECT * FROM totals")"

  # ---- complete: the table's contents replaced (a row already there goes) ----
  dump $db "CREATE TABLE actions (action TEXT, count BIGINT); INSERT INTO actions VALUES ('stale', 9)"
  q="$source_sql
$(sink $db actions)
INSERT INTO out SELECT action, count(*) AS count FROM events GROUP BY action
WITH (name = 'completing', outputMode = 'complete', checkpointLocation = 'ckpt');"
  run "$db-complete" "$q" || fail "$db complete: run failed: $(cat "$tmp/$db-complete/run.log")"
  expect "$db complete: the table is the whole result" "NULL|2
Close|1
Open|4
Tab	here \\ back|1" "$(dump $db "SELECT * FROM actions ORDER BY action NULLS FIRST")"

  # ---- an existing table of another type: refused before the first batch ----
  dump $db "CREATE TABLE typed (action TEXT, count TEXT)"
  if [[ $db == pg ]]; then
    want_msg="error: query 'typed' failed: postgres sink 'out': column \"count\" of table \"typed\" is text, which cannot hold the query's values (BIGINT)"
  else
    want_msg="error: query 'typed' failed: sqlite sink 'out': column \"count\" of table \"typed\" is declared 'TEXT', which cannot hold the query's BIGINT values (declare it BIGINT)"
  fi
  q="$source_sql
$(sink $db typed)
INSERT INTO out SELECT action, count(*) AS count FROM events GROUP BY action
WITH (name = 'typed', outputMode = 'complete', checkpointLocation = 'ckpt');"
  if refused "$db-typed" "$db mismatched type: refused at open" "$q" "$want_msg"; then
    [[ ! -e $tmp/$db-typed/ckpt/offsets/0 ]] && pass "$db mismatched type: no batch was planned" ||
      fail "$db mismatched type: batch 0 was planned"
  fi

  # ---- a constraint violation: the batch is rolled back, the query fails ----
  dump $db "CREATE TABLE checked (action TEXT, n INTEGER CHECK (n < 7))"
  if [[ $db == pg ]]; then
    want_msg="error: query 'checked' [id = ID, runId = ID] failed in batch 2: postgres sink 'out': cannot copy the rows: new row for relation \"checked\" violates check constraint \"checked_n_check\": Failing row contains (null, 7).; batch 2 was not written"
  else
    want_msg="error: query 'checked' [id = ID, runId = ID] failed in batch 2: sqlite sink 'out': cannot insert a row: CHECK constraint failed: n < 7; batch 2 was not written"
  fi
  q="$source_sql
$(sink $db checked)
INSERT INTO out SELECT action, n FROM events
WITH (name = 'checked', checkpointLocation = 'ckpt');"
  refused "$db-checked" "$db constraint: the error" "$q" "$want_msg" &&
    expect "$db constraint: batches 0 and 1 only" "5" "$(dump $db "SELECT count(*) FROM checked")"

  # ---- TINYINT and SMALLINT: PostgresDialect's SMALLINT (arrays SMALLINT[]), SQLite's
  # INTEGER; values at the ends of their ranges; an upsert keyed on a TINYINT ----
  q="$small_sql
$(sink $db smalls)
INSERT INTO out SELECT t, s, array(t, s) AS a, t + s AS ts FROM nums
WITH (name = 'smalls', checkpointLocation = 'ckpt');"
  run "$db-smalls" "$q" || fail "$db tinyint: run failed: $(cat "$tmp/$db-smalls/run.log")"
  if [[ $db == pg ]]; then
    expect "pg tinyint: the columns are SMALLINT" "smallint|smallint|smallint[]|smallint" \
      "$(dump pg "SELECT format_type(atttypid, atttypmod) FROM pg_attribute
                  WHERE attrelid = 'smalls'::regclass AND attnum > 0 ORDER BY attnum" | paste -sd '|')"
    want='NULL|NULL|{NULL,NULL}|NULL
NULL|5|{NULL,5}|NULL
-128|-32768|{-128,-32768}|32640
-128|300|{-128,300}|172
-56|-1|{-56,-1}|-57
127|32767|{127,32767}|-32642'
  else
    expect "sqlite tinyint: the columns are INTEGER" "INTEGER|INTEGER|TEXT|INTEGER" \
      "$(dump sqlite "SELECT type FROM pragma_table_info('smalls')" | paste -sd '|')"
    want='NULL|NULL|[null,null]|NULL
NULL|5|[null,5]|NULL
-128|-32768|[-128,-32768]|32640
-128|300|[-128,300]|172
-56|-1|[-56,-1]|-57
127|32767|[127,32767]|-32642'
  fi
  expect "$db tinyint: the values" "$want" \
    "$(dump $db "SELECT * FROM smalls ORDER BY t NULLS FIRST, s NULLS FIRST")"
  q="$small_sql
$(sink $db small_keys)
INSERT INTO out SELECT t, count(*) AS n, min(s) AS lo FROM nums GROUP BY t
WITH (name = 'small_keys', outputMode = 'update', checkpointLocation = 'ckpt');"
  run "$db-small-keys" "$q" || fail "$db tinyint key: run failed: $(cat "$tmp/$db-small-keys/run.log")"
  expect "$db tinyint key: upserted on the TINYINT" "NULL|2|5
-128|2|-32768
-56|1|-1
127|1|32767" "$(dump $db "SELECT * FROM small_keys ORDER BY t NULLS FIRST")"

  # ---- TIMESTAMP_NTZ: JdbcUtils' TIMESTAMP (PostgreSQL's timestamp without time zone, SQLite's
  # TIMESTAMP), the local date-time as written; an array of them; a window over one upserted on
  # its bounds ----
  q="$ntz_sql
$(sink $db ntz_rows)
INSERT INTO out SELECT k, t, array(t) AS ts FROM ntz
WITH (name = 'ntz_rows', checkpointLocation = 'ckpt');"
  run "$db-ntz" "$q" || fail "$db timestamp_ntz: run failed: $(cat "$tmp/$db-ntz/run.log")"
  if [[ $db == pg ]]; then
    expect "pg timestamp_ntz: the columns" \
      "text|timestamp without time zone|timestamp without time zone[]" \
      "$(dump pg "SELECT format_type(atttypid, atttypmod) FROM pg_attribute
                  WHERE attrelid = 'ntz_rows'::regclass AND attnum > 0 ORDER BY attnum" | paste -sd '|')"
    want='a|2024-01-01 10:02:00.5|{"2024-01-01 10:02:00.5"}
a|2024-01-01 10:07:00|{"2024-01-01 10:07:00"}
b|2024-01-01 10:14:00|{"2024-01-01 10:14:00"}
c|NULL|{NULL}
d|2023-12-31 23:59:59.123456|{"2023-12-31 23:59:59.123456"}'
  else
    expect "sqlite timestamp_ntz: the columns" "TEXT|TIMESTAMP|TEXT" \
      "$(dump sqlite "SELECT type FROM pragma_table_info('ntz_rows')" | paste -sd '|')"
    want='a|2024-01-01 10:02:00.5|["2024-01-01T10:02:00.500"]
a|2024-01-01 10:07:00|["2024-01-01T10:07:00.000"]
b|2024-01-01 10:14:00|["2024-01-01T10:14:00.000"]
c|NULL|[null]
d|2023-12-31 23:59:59.123456|["2023-12-31T23:59:59.123"]'
  fi
  expect "$db timestamp_ntz: the values" "$want" "$(dump $db "SELECT * FROM ntz_rows ORDER BY k, t")"
  q="$ntz_sql
$(sink $db ntz_windows)
INSERT INTO out SELECT window(t, '10 minutes') AS w, count(*) AS n FROM ntz
GROUP BY window(t, '10 minutes')
WITH (name = 'ntz_windows', outputMode = 'update', checkpointLocation = 'ckpt');"
  run "$db-ntz-windows" "$q" ||
    fail "$db timestamp_ntz window: run failed: $(cat "$tmp/$db-ntz-windows/run.log")"
  expect "$db timestamp_ntz window: upserted on its bounds" "2023-12-31 23:50:00|2024-01-01 00:00:00|1
2024-01-01 10:00:00|2024-01-01 10:10:00|2
2024-01-01 10:10:00|2024-01-01 10:20:00|1" "$(dump $db "SELECT * FROM ntz_windows ORDER BY w_start")"
done

# ---- sqlite: a full disk fails the batch, which is not committed; a later run writes it ----
mkdir -p "$tmp/full"
sqlite3 "$tmp/full/full.sqlite" "CREATE TABLE filled (action TEXT, pad TEXT);
  CREATE TABLE _sluice_batches (query_id TEXT NOT NULL, table_name TEXT NOT NULL,
                                batch_id BIGINT NOT NULL, PRIMARY KEY (query_id, table_name))"
q="$source_sql
CREATE SINK out WITH (connector = 'sqlite', path = '$tmp/full/full.sqlite', table = 'filled');
INSERT INTO out SELECT action, repeat(action, 2000) AS pad FROM events
WITH (name = 'full', checkpointLocation = 'ckpt');"
build sqlite-full "$q"
if (cd "$tmp/sqlite-full" && ENOSPC_SUFFIX=/full.sqlite ENOSPC_LIMIT=$(stat -c %s "$tmp/full/full.sqlite") \
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 LD_PRELOAD=$enospc \
    ./q --trigger availableNow) > "$tmp/sqlite-full/run.log" 2>&1; then
  fail "sqlite full disk: the query ran"
else
  expect "sqlite full disk: the error" "error: query 'full' [id = ID, runId = ID] failed in batch 0: sqlite sink 'out': cannot commit: database or disk is full; batch 0 was not written" \
    "$(sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/ID/g' "$tmp/sqlite-full/run.log")"
  expect "sqlite full disk: nothing committed, the file intact" "0|ok" \
    "$(sqlite3 "$tmp/full/full.sqlite" "SELECT count(*) FROM filled; PRAGMA integrity_check" | paste -sd '|')"
fi
(cd "$tmp/sqlite-full" && ./q --trigger availableNow) >> "$tmp/sqlite-full/run.log" 2>&1 ||
  fail "sqlite full disk: the run after it failed: $(cat "$tmp/sqlite-full/run.log")"
expect "sqlite full disk: the next run writes every batch once" "NULL|NULL|2
Close|10000|1
Open|8000|4
Tab	here \\ back|30000|1" \
  "$(sqlite3 -nullvalue NULL "$tmp/full/full.sqlite" "SELECT action, length(pad), count(*) FROM filled GROUP BY 1, 2 ORDER BY 1 NULLS FIRST")"

# ---- postgres: a TIMESTAMP_NTZ is a local date-time: a timestamptz column is refused ----
dump pg "CREATE TABLE ntz_tz (k TEXT, t TIMESTAMPTZ)"
q="$ntz_sql
$(sink pg ntz_tz)
INSERT INTO out SELECT k, t FROM ntz WITH (name = 'ntz_tz');"
refused pg-ntz-tz "pg timestamp_ntz into timestamptz: refused at open" "$q" "error: query 'ntz_tz' failed: postgres sink 'out': column \"t\" of table \"ntz_tz\" is timestamp with time zone, which cannot hold the query's values (TIMESTAMP)"

# ---- postgres: unreachable server, and no password in the message ----
q="$source_sql
CREATE SINK out WITH (connector = 'postgres', url = 'postgresql://postgres:sekrit@127.0.0.1:1/postgres', table = 't');
INSERT INTO out SELECT action FROM events WITH (name = 'refused');"
refused pg-refused "pg unreachable: host and port named" "$q" "error: query 'refused' failed: postgres sink 'out': cannot connect: connection to server at \"127.0.0.1\", port PORT failed: Connection refused; Is the server running on that host and accepting TCP/IP connections?"
grep -q ':1 failed\|port 1 failed' "$tmp/pg-refused/run.log" || fail "pg unreachable: port 1 not named"

# ---- postgres: user overrides the url's (here a role that does not exist) ----
q="$source_sql
CREATE SINK out WITH (connector = 'postgres', url = '$pg_conn', user = 'nobody', table = 't');
INSERT INTO out SELECT action FROM events WITH (name = 'nobody');"
refused pg-nobody "pg user: the option's user is the one that connects" "$q" "error: query 'nobody' failed: postgres sink 'out': cannot connect: connection to server at \"127.0.0.1\", port PORT failed: FATAL:  role \"nobody\" does not exist"

# ---- postgres: update mode into a table without a unique index on the keys ----
dump pg "CREATE TABLE unindexed (action TEXT, count BIGINT)"
q="$source_sql
$(sink pg unindexed)
INSERT INTO out SELECT action, count(*) AS count FROM events GROUP BY action
WITH (name = 'unindexed', outputMode = 'update');"
refused pg-unindexed "pg no unique index: refused at open" "$q" "error: query 'unindexed' failed: postgres sink 'out': update mode needs a unique index on the key columns (\"action\"): there is no unique or exclusion constraint matching the ON CONFLICT specification"

# ---- SIGKILL mid-run, restart: exactly the rows of an uninterrupted run ----
rounds=${DB_KILL_ROUNDS:-3}
seed=${DB_KILL_SEED:-$(($(date +%s%N) / 1000 % 1000000))}
echo "db_sinks: kill seed $seed (reproduce with DB_KILL_SEED=$seed)"
rng=$seed
rand() { # rand N: REPLY in [0, N)
  rng=$((rng * 6364136223846793005 + 1442695040888963407))
  REPLY=$((((rng >> 33) & 0x7fffffff) % $1))
}
"$gen" --out "$tmp/events" --files 12 --lines-per-file 200 --seed 17 > /dev/null
kill_query() { # kill_query DB TABLE
  echo "CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = '$tmp/events', format = 'json', maxFilesPerTrigger = 1);
$(sink "$1" "$2")
INSERT INTO out SELECT action, time, hour(time) AS hour FROM events WHERE action = 'Open' OR time IS NULL
WITH (name = 'kill', checkpointLocation = 'ckpt');"
}
for db in sqlite pg; do
  # One executable: the reference run and every round in their own directory (checkpoint),
  # the table emptied in between.
  build "$db-kill" "$(kill_query $db killed)" || fail "$db kill: build failed"
  exe=$tmp/$db-kill/q
  mkdir -p "$tmp/$db-kill/ref"
  t0=$(date +%s%N)
  (cd "$tmp/$db-kill/ref" && "$exe" --trigger availableNow) > /dev/null 2>&1 ||
    fail "$db kill: reference run failed"
  ref_ms=$((($(date +%s%N) - t0) / 1000000))
  ref=$(dump $db "SELECT action, time, hour FROM killed ORDER BY time, action, hour")
  [[ -n $ref ]] || fail "$db kill: the reference wrote no rows"
  for ((r = 1; r <= rounds; r++)); do
    dump $db "DELETE FROM killed"
    dir=$tmp/$db-kill/round-$r
    mkdir -p "$dir"
    story=""
    for k in 1 2; do
      rand $((ref_ms > 10 ? ref_ms : 10))
      delay=$((5 + REPLY))
      (cd "$dir" && exec "$exe" --trigger availableNow) >> "$dir/run.log" 2>&1 &
      child=$!
      sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
      kill -KILL "$child" 2> /dev/null || true
      rc=0
      { wait "$child"; } 2> /dev/null || rc=$?
      story+=" ${delay}ms:$([[ $rc -eq 137 ]] && echo killed || echo "exit $rc")"
    done
    (cd "$dir" && "$exe" --trigger availableNow) >> "$dir/run.log" 2>&1 || fail "$db kill $r: last run failed"
    expect "$db kill $r ($story ): exactly the uninterrupted run's rows" "$ref" \
      "$(dump $db "SELECT action, time, hour FROM killed ORDER BY time, action, hour")"
  done
done

# ---- the examples of docs/connectors.md's postgres and sqlite sections pass `sluice check` ----
root=$(realpath "$(dirname "$0")/../..")
awk -v dir="$tmp" '
  /^## / { on = ($0 == "## postgres sink" || $0 == "## sqlite sink") }
  on && /^```sql$/ { n++; file = dir "/doc-" n ".sql"; next }
  file && /^```$/ { close(file); file = ""; next }
  file { print > file }
' "$root/docs/connectors.md"
n_docs=0
for f in "$tmp"/doc-*.sql; do
  [[ -e $f ]] || continue
  n_docs=$((n_docs + 1))
  (cd "$root" && "$sluice" check "$f") > "$tmp/doc.log" 2>&1 &&
    pass "docs example $(basename "$f") passes sluice check" ||
    fail "docs example $(basename "$f"): $(cat "$tmp/doc.log")"
done
[[ $n_docs -eq 2 ]] || fail "docs: $n_docs examples in the postgres and sqlite sections, expected 2"

sl_test_end
