#!/usr/bin/env bash
# run_sql_connect.sh - `sluice sql` against a server of the --serve contract: its answers equal
# the same batch query run over the same rows as CREATE TABLEs (fetched independently, by
# Python), one equals a Python computation, and its errors point where they should.
#
#   run_sql_connect.sh <sluice> [--url http://HOST:PORT [--token T]]
#
# Without --url the server is tests/tools/tables_mock.py over tests/tools/sql_connect/ (and a
# second mock that wants a token).  With --url it is a real executable, e.g. a query writing
# a memory sink run with --serve; its tables should not change while the test runs (a stopped
# or finished query), or the two fetches may see different batches.
set -euo pipefail
sluice=$(realpath "$1")
shift
url='' token=''
while [[ $# -gt 0 ]]; do
  case $1 in
    --url) url=$2; shift 2 ;;
    --token) token=$2; shift 2 ;;
    *) echo "run_sql_connect.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=test_lib.sh
source "$here/test_lib.sh"
sl_test_begin sql_connect
export SLUICE_CACHE_DIR="$tmp/cache"
mkdir "$tmp/scratch"
export TMPDIR="$tmp/scratch"
unset SLUICE_TOKEN

# start_mock NAME ARGS...: a tables_mock.py; sets $port.
start_mock() {
  local name=$1 i
  shift
  python3 "$here/tables_mock.py" --dir "$here/sql_connect" "$@" 2> "$tmp/$name.err" &
  sl_at_exit "kill $! 2> /dev/null"
  for i in $(seq 100); do
    port=$(sed -n 's#^serving http://127.0.0.1:\([0-9]*\)/$#\1#p' "$tmp/$name.err" 2> /dev/null || true)
    [[ -n $port ]] && return
    sleep 0.05
  done
  echo "sql_connect: $name did not start: $(cat "$tmp/$name.err")" >&2
  exit 1
}

mock=0
if [[ -z $url ]]; then
  mock=1
  start_mock mock
  url="http://127.0.0.1:$port"
fi
tok=()
[[ -n $token ]] && tok=(--token "$token")

# same NAME QUERY: sluice sql's answer equals the batch script's over the rows Python fetched.
n=0
same() {
  local name=$1 query=$2
  n=$((n + 1))
  mkdir "$tmp/ref$n"
  python3 "$here/sql_connect_ref.py" script "$url" "$token" "$tmp/ref$n" "$query" > "$tmp/ref$n.sql"
  if ! "$sluice" sql --connect "$url" "${tok[@]}" "$query" > "$tmp/$name.out" 2> "$tmp/$name.err"; then
    fail "$name: sluice sql failed: $(cat "$tmp/$name.err")"
    return
  fi
  "$sluice" run "$tmp/ref$n.sql" > "$tmp/$name.ref" 2> "$tmp/$name.referr" ||
    { fail "$name: the batch script failed: $(cat "$tmp/$name.referr")"; return; }
  if cmp -s "$tmp/$name.out" "$tmp/$name.ref"; then
    pass "$name: equals the batch query over CREATE TABLE"
  else
    fail "$name: differs from the batch query: $(diff "$tmp/$name.ref" "$tmp/$name.out" | head -20)"
  fi
}

# error NAME PATTERN ARGS...: sluice sql ARGS exits 1 and says PATTERN (grep -E) on stderr.
error() {
  local name=$1 pattern=$2 rc=0
  shift 2
  "$sluice" sql "$@" > "$tmp/$name.out" 2> "$tmp/$name.err" || rc=$?
  if [[ $rc -ne 1 ]]; then
    fail "$name: exit $rc, not 1: $(cat "$tmp/$name.err")"
  elif ! grep -Eq -- "$pattern" "$tmp/$name.err"; then
    fail "$name: stderr lacks /$pattern/: $(cat "$tmp/$name.err")"
  else
    pass "$name"
  fi
}

# Any server: every table as it is, and the count of its rows.
first=$(python3 -c '
import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/api/tables")
if sys.argv[2]:
    req.add_header("Authorization", "Bearer " + sys.argv[2])
for t in json.load(urllib.request.urlopen(req)):
    print(t["name"])' "$url" "$token")
[[ -n $first ]] || fail "the server at $url has no memory tables"
for t in $first; do
  same "all_$t" "SELECT * FROM \`$t\`"
  same "count_$t" "SELECT count(*) AS n FROM \`$t\`"
done
error unknown_table "<query>:1:15: error: unknown source 'nope' \(sources and tables: .*$(head -n 1 <<< "$first")" \
  --connect "$url" "${tok[@]}" "SELECT * FROM nope"
error unreachable "cannot reach the sluice server at http://127.0.0.1:1: .*--serve" \
  --connect 127.0.0.1:1 "SELECT 1 AS x FROM t"

if [[ $mock -eq 1 ]]; then
  same window_counts "select action, date_format(window.end, 'MMM-dd HH:mm') as time, count
from counts order by time, action"
  same nested "SELECT count(*) AS groups, max(total) AS biggest FROM
  (SELECT action, sum(count) AS total FROM counts GROUP BY action) AS t"
  same distinct_limit "SELECT DISTINCT city FROM people ORDER BY city DESC LIMIT 3"
  same join "SELECT p.name, p.city, c.action, c.count FROM people p JOIN counts c ON p.age = c.count
ORDER BY p.name"
  same union "SELECT name AS who FROM people UNION SELECT action AS who FROM counts"
  same people_show "SELECT name, seen, score * 2 AS s2, upper(city) AS c FROM people
ORDER BY seen NULLS LAST WITH (truncate = false)"
  same slash "SELECT count(*) / 2 AS half, max(count) / min(count) AS ratio FROM counts"
  # The run cache names the executables sql-HASH (not after the query text).
  if ls "$SLUICE_CACHE_DIR" | grep -Evq '^(sql|ref[0-9]+)-[0-9a-f]{16}$'; then
    fail "cache names: $(ls "$SLUICE_CACHE_DIR")"
  else
    pass "cache names"
  fi
  # One answer computed by Python from the rows.
  "$sluice" sql --connect "$url" \
    "SELECT action, sum(count) AS total, count(*) AS n FROM counts GROUP BY action ORDER BY action" \
    > "$tmp/totals.out" 2> "$tmp/totals.err" || fail "totals: $(cat "$tmp/totals.err")"
  python3 "$here/sql_connect_ref.py" totals "$here/sql_connect/counts.jsonl" > "$tmp/totals.ref"
  if cmp -s "$tmp/totals.out" "$tmp/totals.ref"; then
    pass "totals: equals Python's sums"
  else
    fail "totals: $(diff "$tmp/totals.ref" "$tmp/totals.out")"
  fi
  # The query from standard input; a comment before it is no option.
  printf -- '-- the groups\nSELECT count(DISTINCT action) AS n FROM counts\n' |
    "$sluice" sql --connect "$url" - > "$tmp/stdin.out" 2> "$tmp/stdin.err" || true
  if grep -q '^|  3|$' "$tmp/stdin.out"; then pass "stdin"; else fail "stdin: $(cat "$tmp/stdin.out" "$tmp/stdin.err")"; fi
  # Errors point into the query text (line 2 of it), not into the generated script.
  error malformed "^<query>:2:11: error: syntax error: unexpected FROM" --connect "$url" "SELECT action,
  count(* FROM counts"
  error type_error "^<query>:1:8: error: \\[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES\\] Cannot resolve \"\\(window \\+ 1\\)\" due to data type mismatch: the left and right operands of the binary operator have incompatible types \\(\"STRUCT<start: TIMESTAMP, end: TIMESTAMP>\" and \"INT\"\\)." \
    --connect "$url" "SELECT window + 1 AS w FROM counts"
  error unknown_column "^<query>:1:8: error: \[UNRESOLVED_COLUMN.WITH_SUGGESTION\] A column or function parameter with name \`nosuch\` cannot be resolved. Did you mean one of the following\? \[\`count\`, \`action\`, \`window\`\].$" \
    --connect "$url" "SELECT nosuch FROM counts"
  error two_queries "^<query>:1:28: error: sluice sql runs one SELECT query" \
    --connect "$url" "SELECT 1 AS x FROM counts; SELECT 2 AS y FROM counts"
  error unknown_table_exact "^<query>:1:15: error: unknown source 'nope' \(sources and tables: counts, people, empty\)$" \
    --connect "$url" "SELECT * FROM nope"
  # A server that wants a token.
  start_mock secured --token s3cret
  error no_token "HTTP 401: missing or wrong bearer token; pass the executable's --serve-token" \
    --connect "127.0.0.1:$port" "SELECT * FROM counts"
  error wrong_token "HTTP 401" --connect "127.0.0.1:$port" --token nope "SELECT * FROM counts"
  if SLUICE_TOKEN=s3cret "$sluice" sql --connect "127.0.0.1:$port" "SELECT * FROM counts" > "$tmp/tok.out" 2>&1 &&
    cmp -s "$tmp/tok.out" "$tmp/all_counts.out"; then
    pass "token from SLUICE_TOKEN"
  else
    fail "token from SLUICE_TOKEN: $(cat "$tmp/tok.out")"
  fi
  # Asking again is a cache hit: --time reports the three phases.
  "$sluice" sql --connect "$url" --time "SELECT * FROM counts" > /dev/null 2> "$tmp/time.err" || true
  if grep -Eq '^sluice: fetch [0-9.]+ ms \([0-9]+ bytes\), compile [0-9.]+ ms, run [0-9.]+ ms$' "$tmp/time.err" &&
    ! grep -q codegen "$tmp/time.err"; then
    pass "--time, cached"
  else
    fail "--time, cached: $(cat "$tmp/time.err")"
  fi
fi
# Every temporary directory of the rows is gone, also after the errors.
if [[ -n $(ls -A "$TMPDIR") ]]; then
  fail "left in TMPDIR: $(ls -A "$TMPDIR")"
else
  pass "no temporary directory left"
fi
sl_test_end
