#!/usr/bin/env bash
# run_cli.sh - the command line end to end: build flags, run cache, exit codes, runtime errors.
#
#   run_cli.sh <sluice> <gen_events>
set -euo pipefail
sluice=$(realpath "$1")
gen=$(realpath "$2")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
pass=0
fail=0
check() { # check NAME COMMAND...: the command must succeed
    local name=$1
    shift
    if "$@" > "$tmp/out.log" 2>&1; then
        pass=$((pass + 1))
    else
        echo "cli: FAIL: $name" >&2
        cat "$tmp/out.log" >&2
        fail=$((fail + 1))
    fi
}
exits() { # exits NAME CODE PATTERN COMMAND...: exit code CODE and PATTERN on stderr
    local name=$1 code=$2 pattern=$3 rc=0
    shift 3
    "$@" > "$tmp/out.log" 2> "$tmp/err.log" || rc=$?
    if [[ $rc == "$code" ]] && grep -q -- "$pattern" "$tmp/err.log"; then
        pass=$((pass + 1))
    else
        echo "cli: FAIL: $name (exit $rc, expected $code; stderr below)" >&2
        cat "$tmp/err.log" >&2
        fail=$((fail + 1))
    fi
}

"$gen" --out examples/data/events --files 3 --lines-per-file 200 --seed 3 > /dev/null
cp "$root/examples/events_windowed_counts.sql" q.sql

# -O0 and -O2 executables print the same thing; --emit-llvm writes the IR.  On two threads a
# query's loop stays in the first module, exported to its registration in the side unit, which
# takes the key loop too; the cold unit takes the fallback (cg_compile.c).
check "build -O2 --emit-llvm" "$sluice" build q.sql -o q2 -O2 --emit-llvm -j 2
check "IR written" grep -q "define hidden i64 @sl_process_0" q2.ll
check "-j 2: three modules" test -e q2.ll.2
check "-j 2: the registration in a spare unit" grep -q "define hidden void @sl_register_0" q2.ll.1 q2.ll.2
check "-j 2: the key loop in a spare unit" grep -q "define hidden i64 @sl_keys_0" q2.ll.1 q2.ll.2
check "-j 2: the fallback in a spare unit" grep -q "define hidden i64 @sl_fallback_0" q2.ll.1 q2.ll.2
check "build -O0 --cpu=x86-64" "$sluice" build q.sql -o q0 -O0 --cpu=x86-64
./q2 --trigger availableNow > o2.out
./q0 --trigger availableNow > o0.out
check "-O0 and -O2 agree" cmp o0.out o2.out
# -j: a program of several queries is compiled as modules on threads (cg_compile.c); one,
# two and three modules make the same executable's behaviour, and --emit-llvm writes each
# module's IR (each query's code in its own; main and sl_init in the cold unit, the fourth,
# which a JSON source's parsers open on more than one thread).
cat > multi.sql << 'EOF_SQL'
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'examples/data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 1000);
INSERT INTO out SELECT action, window(time, '1 hour') AS w, count(*) AS n FROM events
  GROUP BY action, window(time, '1 hour') ORDER BY w, action WITH (name = 'a', outputMode = 'complete');
INSERT INTO out SELECT action, count(*) AS n FROM events WHERE action = 'Open' GROUP BY action
  WITH (name = 'b', outputMode = 'complete');
INSERT INTO out SELECT upper(action) AS u, time FROM events WHERE time < TIMESTAMP '2016-07-26 03:00:00'
  WITH (name = 'c');
EOF_SQL
for j in 1 2 3; do
    check "build -j $j" "$sluice" build multi.sql -o multi$j -j $j --emit-llvm
    ./multi$j --trigger availableNow --threads 1 > multi$j.out
done
check "-j 1 and -j 2 agree" cmp multi1.out multi2.out
check "-j 1 and -j 3 agree" cmp multi1.out multi3.out
check "-j 1 output has rows" grep -q "Batch: 0" multi1.out
check "-j 1: one module" test ! -e multi1.ll.1
check "-j 3: three modules" test -e multi3.ll.2
check "-j 3: main in the cold unit" grep -q "define i32 @main" multi3.ll.3
check "-j 3: query 2 in the third" grep -q "define internal i64 @sl_process_2" multi3.ll.2
check "-j 3: its registration exported" grep -q "define hidden void @sl_register_2" multi3.ll.2
check "-j 3: called from sl_init" grep -q "declare void @sl_register_2" multi3.ll.3
exits "-j 0" 2 "sluice: -j needs a number of threads from 1 to 64" "$sluice" build multi.sql -j 0
exits "-jx" 2 "sluice: -j needs a number of threads from 1 to 64" "$sluice" build multi.sql -jx
check "build -j2" "$sluice" build multi.sql -o multi2b -j2

# --cpu is checked before code generation: a name LLVM does not know for the host target,
# or a CPU that cannot run its code (i386 under x86_64), is refused with a diagnostic, never
# an LLVM abort.
exits "--cpu=i386" 1 "q.sql: error: the CPU 'i386' cannot generate code for the target" \
    "$sluice" build q.sql -o qi --cpu=i386
check "--cpu=i386 wrote nothing" test ! -e qi
exits "--cpu unknown" 1 "q.sql: error: unknown CPU 'no-such-cpu' for the target" \
    "$sluice" build q.sql -o qi --cpu=no-such-cpu
exits "--cpu=help" 1 "unknown CPU 'help'" "$sluice" build q.sql -o qi --cpu=help
exits "run --cpu=i386" 1 "the CPU 'i386' cannot generate code" "$sluice" run q.sql --cpu=i386
check "no LLVM ERROR" bash -c "! grep -q 'LLVM ERROR' '$tmp/err.log'"

# Hardening: PIE, full RELRO with immediate binding, stack protector in the runtime and in
# the generated functions (sspstrong).
check "PIE" bash -c "readelf -h q2 | grep -q 'Type:.*DYN'"
check "GNU_RELRO segment" bash -c "readelf -lW q2 | grep -q GNU_RELRO"
check "BIND_NOW" bash -c "readelf -d q2 | grep -q 'FLAGS.*BIND_NOW'"
check "FLAGS_1 NOW" bash -c "readelf -d q2 | grep -q 'FLAGS_1.*NOW'"
check "runtime stack protector" bash -c "nm q2 | grep -q __stack_chk_fail"
attrs=$(awk '/^define .*@sl_process_0\(/ { print $NF == "{" ? $(NF-1) : $NF }' q2.ll)
check "sspstrong on sl_process_0" grep -q "^attributes $attrs = {.*sspstrong" q2.ll
check "default output name" "$sluice" build q.sql
check "default output exists" test -x q

# sluice run: builds into the cache the first time, reuses it the second.
export SLUICE_CACHE_DIR=$tmp/cache
check "run (build)" "$sluice" run q.sql -- --trigger availableNow --max-batches 1
check "run (cached)" "$sluice" run q.sql -- --trigger availableNow --max-batches 1
check "one cached executable" test "$(find cache -type f | wc -l)" -eq 1
"$sluice" run q.sql -- --trigger once > once.out
check "run passes arguments" grep -q "Batch: 0" once.out

# The cache must be the user's own: created 0700; a directory another user owns or may
# write, a symbolic link, or a cached file that is not the user's own regular file is
# refused, and nothing in it runs.
check "cache created 0700" test "$(stat -c %a cache)" = 700
(umask 002 && SLUICE_CACHE_DIR=$tmp/cache002 "$sluice" run q.sql -- --trigger once > /dev/null)
check "built 0700 whatever the umask" test "$(stat -c %a cache002/*)" = 700
cached=$(find cache -type f)
printf '#!/bin/sh\ntouch %s/planted.ran\n' "$tmp" > planted.sh
chmod 755 planted.sh
mkdir -p other
cp planted.sh "other/$(basename "$cached")"
chmod 777 other
SLUICE_CACHE_DIR=$tmp/other exits "cache writable by others" 1 \
    "refusing the cache directory '$tmp/other': it is writable by other users (mode 0777)" \
    "$sluice" run q.sql -- --trigger once
chmod 755 other
if [[ $(id -u) == 0 ]]; then
    chown -R nobody other
    SLUICE_CACHE_DIR=$tmp/other exits "cache owned by another user" 1 \
        "refusing the cache directory '$tmp/other': it is owned by uid $(id -u nobody), not by" \
        "$sluice" run q.sql -- --trigger once
    mkdir -p mine && chmod 700 mine
    cp planted.sh "mine/$(basename "$cached")"
    chown nobody "mine/$(basename "$cached")"
    SLUICE_CACHE_DIR=$tmp/mine exits "cached file owned by another user" 1 \
        "refusing the cached executable '$tmp/mine/$(basename "$cached")': it is owned by uid" \
        "$sluice" run q.sql -- --trigger once
else
    echo "cli: note: not root, the other-owner cache checks are skipped"
fi
ln -s other linked
SLUICE_CACHE_DIR=$tmp/linked exits "cache is a symbolic link" 1 \
    "cannot open the cache directory '$tmp/linked': it is a symbolic link" \
    "$sluice" run q.sql -- --trigger once
mv "$cached" "$cached.real"
ln -s "$tmp/planted.sh" "$cached"
exits "cached executable is a symbolic link" 1 \
    "refusing the cached executable '$tmp/$cached': it is a symbolic link" \
    "$sluice" run q.sql -- --trigger once
rm "$cached"
mv "$cached.real" "$cached"
chmod g+w "$cached"
exits "cached executable writable by its group" 1 "it is writable by its group (mode 0720)" \
    "$sluice" run q.sql -- --trigger once
chmod g-w "$cached"
check "nothing planted ran" test ! -e planted.ran
check "run (cached, trusted)" "$sluice" run q.sql -- --trigger once

# Usage errors exit 2, query errors exit 1, runtime errors exit 1 with the cause.
exits "no command" 2 "usage" "$sluice"
exits "unknown command" 2 "unknown command 'compile'" "$sluice" compile q.sql
exits "unknown flag" 2 "unknown option '--fast'" "$sluice" build --fast q.sql
exits "missing file" 1 "cannot open 'nope.sql'" "$sluice" check nope.sql
printf 'CREATE SINK s WITH (connector = %s);\n' "'console'" > syntax.sql
printf 'INSERT INTO s SELECT FROM;\n' >> syntax.sql
exits "syntax error" 1 "syntax.sql:2:22: error: syntax error" "$sluice" check syntax.sql
exits "bad executable flag" 2 "" ./q2 --bogus
sed 's|examples/data/events|no/such/dir|' q.sql > missing.sql
check "build with a missing path" "$sluice" build missing.sql -o missing
exits "missing path at run time" 1 "Path does not exist: no/such/dir" ./missing --trigger availableNow
exits "bad trigger" 2 "trigger" ./q2 --trigger 'sometimes'

# --checkpoint, --progress, --timeout: parse errors exit 2 (Spark: "Timeout has to be positive").
exits "timeout zero" 2 "invalid value '0' for --timeout: Timeout has to be positive" ./q2 --timeout 0
exits "timeout negative" 2 "Timeout has to be positive" ./q2 --timeout=-1.5
exits "timeout not a number" 2 "invalid value 'soon' for --timeout: expected a number of seconds" ./q2 --timeout soon
exits "timeout inf" 2 "expected a number of seconds" ./q2 --timeout inf
exits "timeout without value" 2 "option '--timeout' needs a value (SECONDS)" ./q2 --timeout
exits "checkpoint without value" 2 "option '--checkpoint' needs a value (DIR)" ./q2 --checkpoint
exits "checkpoint empty" 2 "invalid value '' for --checkpoint" ./q2 --checkpoint=
exits "progress empty" 2 "invalid value '' for --progress" ./q2 --progress ''
check "timeout with decimals" ./q2 --trigger availableNow --timeout 2.5
./q2 --help > help.out
check "help lists --checkpoint" grep -q -- "--checkpoint DIR .*DIR/<query name>" help.out
check "help names checkpointLocation" grep -q "checkpointLocation" help.out
check "help lists --progress" grep -q -- "--progress FILE" help.out
check "help lists --timeout" grep -q -- "--timeout SECONDS" help.out

# Two executables writing one files sink directory: the second is refused when it starts
# (the directory's _spark_metadata/query-id names the first query), the first's rows stay.
for who in opens closes; do
    action=$([[ $who == opens ]] && echo Open || echo Close)
    cat > "$who.sql" <<SQL
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'examples/data/events', format = 'json');
CREATE SINK out WITH (connector = 'files', path = 'shared/out', format = 'json');
INSERT INTO out SELECT time, action FROM events WHERE action = '$action'
  WITH (name = '$who', checkpointLocation = 'chk/$who');
SQL
    check "build $who" "$sluice" build "$who.sql" -o "$who"
done
check "first writer" ./opens --trigger availableNow
cat shared/out/part-* | sort > opens.rows
exits "second writer refused" 1 "files sink 'out': 'shared/out' is written by another query" \
    ./closes --trigger availableNow
check "first writer's rows kept" cmp opens.rows <(cat shared/out/part-* | sort)
check "only opens written" test "$(grep -c '"Close"' opens.rows)" -eq 0 -a -s opens.rows
check "first writer restarts" ./opens --trigger availableNow

# A build stopped by SIGTERM at any point leaves nothing behind: no temporary directory, no
# half-linked executable, no output (it dies of the signal; one that finished just exits 0).
mkdir -p killtmp
for delay in 0.01 0.03 0.05 0.08 0.12 0.2; do
    TMPDIR="$tmp/killtmp" "$sluice" build q.sql -o killed > /dev/null 2>&1 &
    bpid=$!
    sleep "$delay"
    kill -TERM "$bpid" 2> /dev/null || true
    rc=0
    wait "$bpid" || rc=$?
    check "build killed after ${delay}s: exit 0 or 143 (got $rc)" test "$rc" = 0 -o "$rc" = 143
    # sluice's own directory (cc's temporary files are the toolchain's); a file a code
    # generation thread wrote after the cleanup is removed by a helper process once the build
    # is gone: allow it a moment
    for _ in $(seq 25); do
        [[ -z "$(ls -d killtmp/sluice-* 2> /dev/null)" ]] && break
        sleep 0.2
    done
    check "build killed after ${delay}s: no temporary directory ($(ls -A killtmp | tr '\n' ' '))" \
        test -z "$(ls -d killtmp/sluice-* 2> /dev/null)"
    check "build killed after ${delay}s: no half-linked file" test -z "$(ls killed.tmp-* 2> /dev/null)"
    rm -f killed
done

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
