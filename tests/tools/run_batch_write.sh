#!/usr/bin/env bash
# run_batch_write.sh - a batch query's write to a files sink under each SaveMode (the query's
# `mode` option, Spark's DataFrameWriter.mode).
#
#   run_batch_write.sh <sluice>
#
# errorifexists (the default) fails a second run with Spark's PATH_ALREADY_EXISTS and leaves
# the path alone; overwrite replaces what is there; append adds a part file; ignore writes
# nothing when the path exists and writes when it does not.
set -euo pipefail
sluice=$(realpath "$1")
. "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_test_begin batch_write
cd "$tmp"
mkdir -p data
printf '{"k": 1}\n{"k": 2}\n' > data/a.json
# q MODE: an executable writing the table to out/ with that mode ("" for the default)
q() {
  local opt=""
  [[ -n $1 ]] && opt="WITH (mode = '$1')"
  cat > "q_$1.sql" <<SQL
CREATE TABLE t (k INT) WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO out SELECT k FROM t $opt;
SQL
  "$sluice" build "q_$1.sql" -o "q_$1" > build.log 2>&1 || { cat build.log >&2; exit 1; }
}
for m in "" overwrite append ignore; do q "$m"; done
rows() { cat out/part-*.json 2> /dev/null | sort | tr '\n' ' '; }
parts() { find out -name 'part-*' | wc -l; }

./q_ > /dev/null 2> err.txt || fail "the first default write failed: $(cat err.txt)"
[[ "$(rows)" == '{"k":1} {"k":2} ' && -f out/_SUCCESS ]] && pass "the first write" || fail "first write: $(rows)"
if ./q_ > /dev/null 2> err.txt; then
  fail "a second default write succeeded"
else
  grep -q 'PATH_ALREADY_EXISTS\] Path file:.*/out already exists. Set mode as "overwrite" to overwrite the existing path.' err.txt \
    && pass "errorifexists: Spark's message" || fail "errorifexists: $(cat err.txt)"
fi
[[ $(parts) -eq 1 ]] && pass "errorifexists leaves the path alone" || fail "parts after the refused write: $(parts)"
printf '{"k": 3}\n' > data/b.json
./q_append > /dev/null 2> err.txt || fail "append failed: $(cat err.txt)"
[[ $(parts) -eq 2 && "$(rows)" == '{"k":1} {"k":1} {"k":2} {"k":2} {"k":3} ' ]] \
  && pass "append adds a part file" || fail "append: $(parts) parts, $(rows)"
./q_overwrite > /dev/null 2> err.txt || fail "overwrite failed: $(cat err.txt)"
[[ $(parts) -eq 1 && "$(rows)" == '{"k":1} {"k":2} {"k":3} ' ]] \
  && pass "overwrite replaces the files" || fail "overwrite: $(parts) parts, $(rows)"
./q_ignore > /dev/null 2> err.txt || fail "ignore failed: $(cat err.txt)"
[[ $(parts) -eq 1 ]] && pass "ignore writes nothing to an existing path" || fail "ignore wrote: $(parts) parts"
rm -rf out
./q_ignore > /dev/null 2> err.txt || fail "ignore to a new path failed: $(cat err.txt)"
[[ $(parts) -eq 1 && -f out/_SUCCESS ]] && pass "ignore writes a new path" || fail "ignore to a new path: $(parts) parts"
sl_test_end
