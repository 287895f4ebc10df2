#!/usr/bin/env bash
# run_scaling.sh - compile-time scaling and limits: long IN lists, many queries, wide schemas,
# deeply nested expressions.
#
#   run_scaling.sh <sluice>
#
# Complexity is asserted by comparing sizes, never by tight absolute times: the CPU time of
# building an input 4 times as large must stay under 6 times the smaller one's (plus 0.5 s
# for fixed costs), and under a generous absolute bound.  Where the work can be counted
# (the size of the generated code), it is.  Deep expressions must be refused with a
# diagnostic at the expression, or compile, never crash.
set -euo pipefail
sluice=$(realpath "$1")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/scaling.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "scaling: FAIL: $*" >&2; fail=$((fail + 1)); }

# cpu VAR CMD...: run CMD (it must succeed) and set VAR to its user+system CPU seconds.
cpu() {
    local var=$1 t rc=0
    shift
    local TIMEFORMAT='%3U %3S'
    t=$( { time "$@" > "$tmp/cpu.out" 2>&1; } 2>&1 ) || rc=$?
    if [[ $rc != 0 ]]; then
        bad "$* exited with $rc"
        cat "$tmp/cpu.out" >&2
        printf -v "$var" '%s' 0
        return 0
    fi
    printf -v "$var" '%s' "$(awk '{ printf "%.3f", $1 + $2 }' <<< "$t")"
}

# linear NAME T_N T_4N: the larger input's time grows at most linearly.
linear() {
    if awk -v a="$2" -v b="$3" 'BEGIN { exit !(b < 6 * a + 0.5 && b < 120) }'; then
        ok
    else
        bad "$1: ${3}s for 4N against ${2}s for N (limit 6x + 0.5 s)"
    fi
    echo "scaling: $1: N ${2}s, 4N ${3}s"
}

# expect_error NAME 'LINE|COL' MESSAGE CMD...: exit code 1 and the machine-format error
# (LINE|COL and MESSAGE are grep patterns).
expect_error() {
    local name=$1 at=$2 msg=$3 rc=0
    shift 3
    "$@" --diag-format=machine > "$tmp/err.out" 2>&1 || rc=$?
    if [[ $rc == 1 ]] && grep -q "^error|[^|]*|$at|$msg" "$tmp/err.out"; then
        ok
    else
        bad "$name (exit $rc)"
        head -c 600 "$tmp/err.out" >&2
        echo >&2
    fi
}

# succeeds NAME CMD...
succeeds() {
    local name=$1
    shift
    if "$@" > "$tmp/ok.out" 2>&1; then
        ok
    else
        bad "$name"
        head -c 600 "$tmp/ok.out" >&2
        echo >&2
    fi
}

# The events source every generated query reads.
header() {
    cat << 'EOF'
CREATE SOURCE events (time TIMESTAMP, action STRING, v BIGINT, n INT)
  WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
EOF
}

# Lines of the body of `define ... @NAME(` in an .ll file.
fn_lines() { awk -v f="@$2(" 'index($0, "define ") == 1 && index($0, f) { on = 1 } on { n++ } on && /^}/ { exit } END { print n + 0 }' "$1"; }

# ==== IN lists: a sorted table, not a chain of comparisons ====
in_query() { # in_query N KIND: v IN (N integers) or action IN (N strings)
    header
    awk -v n="$1" -v kind="$2" 'BEGIN {
        printf "INSERT INTO console SELECT action FROM events WHERE %s IN (", kind == "int" ? "v" : "action"
        for (i = 0; i < n; i++)
            printf "%s%s", i ? ", " : "", kind == "int" ? i * 7 : sprintf("%cname-%d%c", 39, i * 7, 39)
        print ");" }'
}
for kind in int string; do
    in_query 1000 $kind > in1.sql
    in_query 4000 $kind > in4.sql
    cpu t1 "$sluice" build in1.sql -o in1 --emit-llvm
    cpu t4 "$sluice" build in4.sql -o in4 --emit-llvm
    linear "IN (N $kind constants), N = 1000" "$t1" "$t4"
    l1=$(fn_lines in1.ll sl_process_0)
    l4=$(fn_lines in4.ll sl_process_0)
    if [[ $l1 -gt 0 && $l4 -le $((l1 + 20)) ]]; then ok; else bad "IN code grows with the list ($kind: $l1 -> $l4 lines)"; fi
done

# ==== Many queries in one file ====
queries() { # queries N [select]: windowed aggregations, or filters
    header
    for ((i = 0; i < $1; i++)); do
        if [[ ${2:-} == select ]]; then
            echo "INSERT INTO console SELECT action, v FROM events WHERE n > $i WITH (name = 's$i');"
            continue
        fi
        echo "INSERT INTO console SELECT action, window(time, '1 hour') AS w, count(*) AS c, sum(v + $i) AS s"
        echo "  FROM events WHERE n > $i GROUP BY action, window(time, '1 hour') WITH (name = 'q$i', outputMode = 'update');"
    done
}
queries 10 > q1.sql
queries 40 > q4.sql
cpu t1 "$sluice" build q1.sql -o q1 --emit-llvm
cpu t4 "$sluice" build q4.sql -o q4
linear "N queries, N = 10" "$t1" "$t4"
# within() NAME T LIMIT: a generous absolute bound, far above what the build needs.
within() {
    if awk -v t="$2" -v l="$3" 'BEGIN { exit !(t < l) }'; then ok; else bad "$1: ${2}s (limit ${3}s)"; fi
}
within "40 windowed queries" "$t4" 8
# Each query's loop calls the parser and the key hash shared by all (one definition each).
hashes=$(grep -c '^define .*@srt_hash(' q1.ll || true)
l=$(fn_lines q1.ll sl_process_3)
if [[ $hashes == 1 && $(grep -c '^define .*@sl_parse_' q1.ll) == 1 && $l -gt 0 && $l -lt 300 ]]; then
    ok
else
    bad "10 windowed queries: $hashes hash functions (want 1), a process function of $l lines (want < 300)"
fi
# Queries reading the same columns of a source share one record parser (sl_parse_<k>): a
# query's own code is its WHERE and output, so 200 of them build in seconds (each inlined
# its own parser before, 0.1 s of CPU per query).
queries 50 select > s1.sql
queries 200 select > s4.sql
cpu t1 "$sluice" build s1.sql -o s1 --emit-llvm
cpu t4 "$sluice" build s4.sql -o s4
linear "N SELECT queries, N = 50" "$t1" "$t4"
within "200 SELECT queries" "$t4" 15
parsers=$(grep -c '^define .*@sl_parse_' s1.ll || true)
l=$(fn_lines s1.ll sl_process_7)
if [[ $parsers == 1 && $l -gt 0 && $l -lt 150 ]]; then
    ok
else
    bad "50 queries of one source: $parsers parsers (want 1), a process function of $l lines (want < 150)"
fi

# ==== Wide schemas: 50 and 200 columns of every scalar type ====
types=(BIGINT STRING DOUBLE BOOLEAN INT TIMESTAMP DATE)
wide_source() { # wide_source N [FORMAT]
    local cols=() i
    for ((i = 0; i < $1; i++)); do cols+=("c$i ${types[i % 7]}"); done
    local IFS=,
    echo "CREATE SOURCE w (${cols[*]}) WITH (connector = 'files', path = 'data', format = '${2:-json}');"
    echo "CREATE SINK console WITH (connector = 'console', truncate = false);"
}
names() { # names N: c0, c1, ...
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%sc%d", i ? ", " : "", i; print "" }'
}
# gen_ms FILE: the "generate" milliseconds of a `sluice build --time` output.
gen_ms() {
    sed -n 's/.*(runtime bitcode [0-9.]*, generate \([0-9.]*\),.*/\1/p' "$1"
}
# wide NAME STEM OUT: build STEM50.sql and STEM200.sql.  sluice's own work must grow
# linearly: its code generation time (--time's "generate") within 6x + 5 ms; and so must the
# whole build's CPU time (6x + 0.5 s), most of it LLVM's greedy register allocator on the
# process function: a wide record's column is one block of the parser (the shared reader
# keeps its slots on a bad value, a malformed one is found after the value) and its value is
# loaded again at each use (cg_reload.c).  A JSON GROUP BY took 0.35 s and 2.2 s (spill
# placement over five blocks a column joined to the record's shared blocks, and every parsed
# value live across the loop), now 0.25 s and 1.1 s.
wide() {
    cpu t1 "$sluice" build --time "${2}50.sql" -o "${3}50"
    cp "$tmp/cpu.out" "$tmp/time50.out"
    cpu t4 "$sluice" build --time "${2}200.sql" -o "${3}200"
    local g1 g4 again
    g1=$(gen_ms "$tmp/time50.out")
    g4=$(gen_ms "$tmp/cpu.out")
    # "generate" is wall time: a loaded machine's pause of a few ms in the larger build is
    # measured again (the least of two)
    if [[ -n $g4 ]] && ! awk -v a="$g1" -v b="$g4" 'BEGIN { exit !(b < 6 * a + 5) }'; then
        "$sluice" build --time "${2}200.sql" -o "${3}200" > "$tmp/again.out" 2>&1 || true
        again=$(gen_ms "$tmp/again.out")
        g4=$(awk -v a="$g4" -v b="${again:-$g4}" 'BEGIN { print (b < a ? b : a) }')
    fi
    if [[ -n $g1 && -n $g4 ]] && awk -v a="$g1" -v b="$g4" 'BEGIN { exit !(b < 6 * a + 5) }'; then
        ok
    else
        bad "$1: code generation ${g4:-?} ms for 4N against ${g1:-?} ms for N (limit 6x + 5 ms)"
    fi
    linear "$1" "$t1" "$t4"
    echo "scaling: $1: code generation N ${g1:-?} ms, 4N ${g4:-?} ms"
}
for format in json csv; do
    for n in 50 200; do
        { wide_source $n $format; echo "INSERT INTO console SELECT $(names $n) FROM w;"; } > select$n.sql
        { wide_source $n $format
          echo "INSERT INTO console SELECT $(names $n), count(*) AS n FROM w GROUP BY $(names $n)"
          echo "  WITH (outputMode = 'complete');"; } > group$n.sql
    done
    wide "SELECT N columns from $format, N = 50" select s
    wide "GROUP BY N columns from $format, N = 50" group g
done

# The wide record parser decodes the right values: keys in order, reversed with an unknown key,
# with wrong types and missing keys (NULLs), and malformed records (PERMISSIVE: all NULL).  Every column is read (the WHERE), a few shown.
mkdir -p data
awk 'BEGIN {
    for (r = 0; r < 3; r++) {
        line = ""
        for (k = 0; k < 200; k++) {
            i = r == 1 ? 199 - k : k
            if (r == 2 && i % 3 == 0) continue
            t = i % 7
            if (r == 2 && i == 7) v = "\"x\""
            else if (t == 0 || t == 4) v = i * (r + 1)
            else if (t == 1) v = sprintf("\"s%d-%d\"", i, r)
            else if (t == 2) v = i + 0.5
            else if (t == 3) v = r == 1 ? "false" : "true"
            else if (t == 5) v = sprintf("\"2024-01-0%dT10:00:%02dZ\"", r + 1, i % 60)
            else v = sprintf("\"2024-02-%02d\"", r + 10)
            line = line (line == "" ? "" : ", ") sprintf("\"c%d\": %s", i, v)
            if (r == 1 && k == 100) line = line ", \"unknown\": [1, {\"a\": 2}]"
        }
        print "{" line "}"
    }
    print "{\"c0\": 5, \"c1\": \"unterminated"      # malformed records: all NULL (filtered out)
    print "{\"c0\": 12x, \"c199\": 3}" }' > data/rows.json
{
    wide_source 200
    echo "INSERT INTO console SELECT c0, c1, c2, c3, c4, c5, c6, c7, c198, c199 FROM w"
    echo "WHERE $(awk 'BEGIN { for (i = 0; i < 200; i++) printf "%sc%d IS NOT NULL", i ? " OR " : "", i }');"
} > values.sql
cat > values.want << 'EOF'
+----+----+---+-----+---+-------------------+----------+----+-----+-----+
|c0  |c1  |c2 |c3   |c4 |c5                 |c6        |c7  |c198 |c199 |
+----+----+---+-----+---+-------------------+----------+----+-----+-----+
|0   |s1-0|2.5|true |4  |2024-01-01 10:00:05|2024-02-10|7   |198.5|true |
|0   |s1-1|2.5|false|8  |2024-01-02 10:00:05|2024-02-11|14  |198.5|false|
|NULL|s1-2|2.5|NULL |12 |2024-01-03 10:00:05|NULL      |NULL|NULL |true |
+----+----+---+-----+---+-------------------+----------+----+-----+-----+
EOF
succeeds "build the 200-column reader" "$sluice" build values.sql -o values
if TZ=UTC ./values --trigger availableNow > values.out 2>&1 && grep '^[+|]' values.out | diff -u values.want - >&2; then
    ok
else
    bad "values read by the 200-column parser"
    cat values.out >&2
fi

# ==== Wide and narrow records agree on Spark's JSON rules ====
# The same lines read by a narrow parser (11 columns read: values decoded inline) and a wide
# one (25 columns read: the shared per-type readers) must give the same rows: values of the
# wrong type make the record malformed with partial results (PERMISSIVE: the bad field NULL,
# the line in the corrupt-record column), DROPMALFORMED drops those records, FAILFAST fails at
# the first one with Spark's message, and a TIMESTAMP beyond the range names the number.
mixed_source() { # mixed_source MODE [FORMAT [N [PATH [OPTIONS]]]]: 24 columns from mixed/ by default
    local cols=() i
    for ((i = 0; i < ${3:-24}; i++)); do cols+=("c$i ${types[i % 7]}"); done
    local IFS=,
    echo "CREATE SOURCE m (${cols[*]}, _corrupt_record STRING)"
    echo "  WITH (connector = 'files', path = '${4:-mixed}', format = '${2:-json}', mode = '$1'${5:+, $5});"
    echo "CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);"
}
narrow_cols="c0, c1, c2, c3, c4, c5, c6, c8, c9, c12, _corrupt_record"
wide_cols="$(names 24), _corrupt_record"
# good R [csv]: the fields of a record with a good value in every column (c0..c23), from R:
# JSON's ("c0":..., without the braces), or a CSV line.
good() {
    awk -v r="$1" -v csv="${2:-}" 'BEGIN {
        q = csv ? "" : "\""
        for (i = 0; i < 24; i++) {
            t = i % 7
            if (t == 0 || t == 4) v = i + r
            else if (t == 1) v = sprintf("%ss%d-%d%s", q, i, r, q)
            else if (t == 2) v = i + 0.25
            else if (t == 3) v = r % 2 ? "true" : "false"
            else if (t == 5) v = sprintf("%s2024-01-01T10:%02d:%02dZ%s", q, r, i, q)
            else v = sprintf("%s2024-02-%02d%s", q, r + 1, q)
            printf "%s%s", i ? "," : "", csv ? v : sprintf("\"c%d\":%s", i, v)
        }
        if (csv) print ""
    }'
}
# Line by line: good; BIGINT "x"; DOUBLE "y" and BOOLEAN 1; INT beyond its range; TIMESTAMP 2.5
# and DATE 12345; good with Spark's lenient tokens (a single-quoted string, NaN, an object into
# a STRING); a top-level array with a bad value in its second element (every row of the line
# malformed); text that is not JSON; TIMESTAMP seconds beyond the range.
mkdir -p mixed
{
    echo "{$(good 1)}"
    echo "{$(good 2 | sed 's/"c0":2,/"c0":"x",/')}"
    echo "{$(good 3 | sed 's/"c2":2.25/"c2":"y"/; s/"c3":true/"c3":1/')}"
    echo "{$(good 4 | sed 's/"c4":8,/"c4":3000000000,/')}"
    echo "{$(good 5 | sed 's/"c5":"[^"]*"/"c5":2.5/; s/"c6":"[^"]*"/"c6":12345/')}"
    echo "{$(good 6 | sed "s/\"c8\":\"[^\"]*\"/\"c8\":'q8'/; s/\"c9\":9.25/\"c9\":NaN/; s/\"c1\":\"[^\"]*\"/\"c1\":{\"k\": [1, 2]}/")}"
    echo "[{$(good 7)}, {$(good 8 | sed 's/"c9":9.25/"c9":true/')}]"
    echo "{\"c0\": 5, \"c1\": \"unterminated"
    echo "{$(good 10 | sed 's/"c12":"[^"]*"/"c12":9223372036855/')}"
} > mixed/part-0.json
# table_cols COLUMNS < console output: the rows' values of COLUMNS (comma-separated names), one
# row a line, fields separated by '|'.
table_cols() {
    awk -F'|' -v want="$1" 'BEGIN { n = split(want, w, /, */) }
        /^\|/ { for (i = 2; i < NF; i++) { v = $i; sub(/ +$/, "", v); f[i] = v }
                if (!hdr) { for (i = 2; i < NF; i++) col[f[i]] = i; hdr = 1; next }
                line = ""; for (k = 1; k <= n; k++) line = line (k > 1 ? "|" : "") f[col[w[k]]]; print line }'
}
# same_rows NAME: narrow_NAME and wide_NAME ran (exit 0) and gave the same rows (in NAME.rows).
same_rows() {
    table_cols "$narrow_cols" < narrow_$1.out > narrow_$1.rows
    table_cols "$narrow_cols" < wide_$1.out > wide_$1.rows
    if [[ $(cat narrow_$1.rc wide_$1.rc) == $'0\n0' ]] && diff -u narrow_$1.rows wide_$1.rows >&2; then
        ok
    else
        bad "$1: wide and narrow records disagree"
        cat wide_$1.out >&2
    fi
}
# mixed_run NAME MODE COLUMNS [FORMAT [N [PATH [OPTIONS]]]]: build and run; the output in NAME.out, the
# exit code in NAME.rc.
mixed_run() {
    { mixed_source "$2" "${@:4}"; echo "INSERT INTO console SELECT $3 FROM m;"; } > "$1.sql"
    "$sluice" build "$1.sql" -o "$1" --emit-llvm > "$1.build" 2>&1 || { bad "build $1"; cat "$1.build" >&2; }
    local rc=0
    TZ=UTC "./$1" --trigger availableNow > "$1.out" 2>&1 || rc=$?
    echo $rc > "$1.rc"
}
for mode in PERMISSIVE DROPMALFORMED; do
    mixed_run narrow_$mode $mode "$narrow_cols"
    mixed_run wide_$mode $mode "$wide_cols"
    # The shapes are the ones meant: only the wide parser calls the shared readers.
    if ! grep -q '@sl_json_read_' narrow_$mode.ll && grep -q '@sl_json_read_timestamp' wide_$mode.ll; then
        ok
    else
        bad "$mode: the narrow parser must decode inline, the wide one through the shared readers"
    fi
    same_rows $mode
done
# What both read (c0, c1, c2, c3, c4, c5, c6, c8, c9, c12, _corrupt_record).
line() { sed -n "${1}p" mixed/part-0.json; }
cat > PERMISSIVE.want << WANT
1|s1-1|2.25|true|5|2024-01-01 10:01:05|2024-02-02|s8-1|9.25|2024-01-01 10:01:12|NULL
NULL|s1-2|2.25|false|6|2024-01-01 10:02:05|2024-02-03|s8-2|9.25|2024-01-01 10:02:12|$(line 2)
3|s1-3|NULL|NULL|7|2024-01-01 10:03:05|2024-02-04|s8-3|9.25|2024-01-01 10:03:12|$(line 3)
4|s1-4|2.25|false|NULL|2024-01-01 10:04:05|2024-02-05|s8-4|9.25|2024-01-01 10:04:12|$(line 4)
5|s1-5|2.25|true|9|NULL|NULL|s8-5|9.25|2024-01-01 10:05:12|$(line 5)
6|{"k":[1,2]}|2.25|false|10|2024-01-01 10:06:05|2024-02-07|q8|NaN|2024-01-01 10:06:12|NULL
7|s1-7|2.25|true|11|2024-01-01 10:07:05|2024-02-08|s8-7|9.25|2024-01-01 10:07:12|$(line 7)
8|s1-8|2.25|false|12|2024-01-01 10:08:05|2024-02-09|s8-8|NULL|2024-01-01 10:08:12|$(line 7)
NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|$(line 8)
10|s1-10|2.25|false|14|2024-01-01 10:10:05|2024-02-11|s8-10|9.25|NULL|$(line 9)
WANT
printf '%s\n' "1|s1-1|2.25|true|5|2024-01-01 10:01:05|2024-02-02|s8-1|9.25|2024-01-01 10:01:12|NULL" \
    "6|{\"k\":[1,2]}|2.25|false|10|2024-01-01 10:06:05|2024-02-07|q8|NaN|2024-01-01 10:06:12|NULL" > DROPMALFORMED.want
for mode in PERMISSIVE DROPMALFORMED; do
    if diff -u $mode.want wide_$mode.rows >&2; then ok; else bad "$mode: the wide record's rows"; fi
done
# FAILFAST: a value of the wrong type (line 2); then a TIMESTAMP out of range (line 9 alone).
failfast_check() { # failfast_check NAME PATTERN
    local shape
    # the malformed row Spark 3.5 names holds the columns each query reads: masked
    for shape in narrow wide; do
        sed 's/\[id = [^]]*\]//; s/record parsing: \[.*\]\.$/record parsing: <row>./' ${shape}_$1.out > ${shape}_$1.err
    done
    if [[ $(cat narrow_$1.rc) == 1 && $(cat wide_$1.rc) == 1 ]] && grep -q "$2" wide_$1.err &&
        diff -u narrow_$1.err wide_$1.err >&2; then
        ok
    else
        bad "$1: wide and narrow records must fail alike"
        cat wide_$1.out >&2
    fi
}
mixed_run narrow_FAILFAST FAILFAST "$narrow_cols"
mixed_run wide_FAILFAST FAILFAST "$wide_cols"
failfast_check FAILFAST "Parse Mode: FAILFAST.*(at mixed/part-0.json:2, byte "
{ line 1; line 9; } > mixed/range.json
rm mixed/part-0.json
mixed_run narrow_RANGE FAILFAST "$narrow_cols"
mixed_run wide_RANGE FAILFAST "$wide_cols"
failfast_check RANGE "out of the range of a TIMESTAMP.*(value 9223372036855) (at mixed/range.json:2, byte "

# ==== Wide and narrow CSV records agree on Spark's CSV rules ====
# The same lines read by a narrow parser (10 columns read: fields read inline, the others
# skipped) and a wide one (24 columns: every field through the shared per-type readers):
# values that do not convert (PERMISSIVE: NULL, the line in the corrupt-record column), an
# empty field (NULL, not malformed), quotes and escapes, too few or too many fields, an empty
# line (skipped), CRLF and an unterminated quote.
mkdir -p cmixed
{
    good 1 csv
    good 2 csv | sed 's/^2,/x,/'
    good 3 csv | sed 's/,2\.25,true,/,y,1,/'
    good 4 csv | sed 's/,false,8,/,false,3000000000,/'
    good 5 csv | sed 's/,2024-01-01T10:05:05Z,2024-02-06,/,not a time,2024-13-45,/'
    good 6 csv | sed 's/^6,s1-6,/,"a, ""b""",/; s/,s8-6,/,"x\\"y",/; s/,false,10,/,TRUE,10,/'
    good 7 csv | cut -d, -f1-10
    good 8 csv | sed 's/$/,extra/'
    echo
    good 10 csv | sed 's/$/\r/'
    good 11 csv | sed 's/,s1-11,/,"unterminated,/'
} > cmixed/part-0.csv
cline() { sed -n "${1}p" cmixed/part-0.csv; }
for mode in PERMISSIVE DROPMALFORMED FAILFAST; do
    mixed_run narrow_CSV_$mode $mode "$narrow_cols" csv 24 cmixed
    mixed_run wide_CSV_$mode $mode "$wide_cols" csv 24 cmixed
done
# The shapes are the ones meant: the narrow parser calls no shared reader but the skipping one.
if ! grep -o '@sl_csv_read_[a-z]*' narrow_CSV_PERMISSIVE.ll | grep -qv '_skip$' &&
    grep -q '@sl_csv_read_timestamp' wide_CSV_PERMISSIVE.ll; then
    ok
else
    bad "CSV: the narrow parser must read its fields inline, the wide one through the shared readers"
fi
same_rows CSV_PERMISSIVE
same_rows CSV_DROPMALFORMED
cat > CSV_PERMISSIVE.want << WANT
1|s1-1|2.25|true|5|2024-01-01 10:01:05|2024-02-02|s8-1|9.25|2024-01-01 10:01:12|NULL
NULL|s1-2|2.25|false|6|2024-01-01 10:02:05|2024-02-03|s8-2|9.25|2024-01-01 10:02:12|$(cline 2)
3|s1-3|NULL|NULL|7|2024-01-01 10:03:05|2024-02-04|s8-3|9.25|2024-01-01 10:03:12|$(cline 3)
4|s1-4|2.25|false|NULL|2024-01-01 10:04:05|2024-02-05|s8-4|9.25|2024-01-01 10:04:12|$(cline 4)
5|s1-5|2.25|true|9|NULL|NULL|s8-5|9.25|2024-01-01 10:05:12|$(cline 5)
NULL|"a, ""b"""|2.25|true|10|2024-01-01 10:06:05|2024-02-07|x"y|9.25|2024-01-01 10:06:12|NULL
7|s1-7|2.25|true|11|2024-01-01 10:07:05|2024-02-08|s8-7|9.25|NULL|$(cline 7)
8|s1-8|2.25|false|12|2024-01-01 10:08:05|2024-02-09|s8-8|9.25|2024-01-01 10:08:12|$(cline 8)
10|s1-10|2.25|false|14|2024-01-01 10:10:05|2024-02-11|s8-10|9.25|2024-01-01 10:10:12|NULL
11|$(cline 11 | sed 's/^11,"//')|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|$(cline 11)
WANT
printf '%s\n' "1|s1-1|2.25|true|5|2024-01-01 10:01:05|2024-02-02|s8-1|9.25|2024-01-01 10:01:12|NULL" \
    "NULL|\"a, \"\"b\"\"\"|2.25|true|10|2024-01-01 10:06:05|2024-02-07|x\"y|9.25|2024-01-01 10:06:12|NULL" \
    "10|s1-10|2.25|false|14|2024-01-01 10:10:05|2024-02-11|s8-10|9.25|2024-01-01 10:10:12|NULL" > CSV_DROPMALFORMED.want
for mode in PERMISSIVE DROPMALFORMED; do
    if diff -u CSV_$mode.want wide_CSV_$mode.rows >&2; then ok; else bad "CSV $mode: the wide record's rows"; fi
done
failfast_check CSV_FAILFAST "Parse Mode: FAILFAST.*(at cmixed/part-0.csv:2, byte "
# The same lines with another separator and no escape character: the options reach the shared
# readers too.
mkdir -p csemi
tr , ';' < cmixed/part-0.csv > csemi/part-0.csv
mixed_run narrow_CSV_SEMI PERMISSIVE "$narrow_cols" csv 24 csemi "sep = ';', escape = ''"
mixed_run wide_CSV_SEMI PERMISSIVE "$wide_cols" csv 24 csemi "sep = ';', escape = ''"
same_rows CSV_SEMI
if grep -q '^NULL|"a; ""b"""|2.25|true|' wide_CSV_SEMI.rows && grep -qF '|"x\"y"|' wide_CSV_SEMI.rows; then
    ok
else
    bad "CSV: sep and escape in the wide parser"
fi

# The 200-column CSV parser: good records, values that do not convert, too few and too many
# fields, quoted values and an empty one, under PERMISSIVE (every column read: the WHERE) and
# FAILFAST.
mkdir -p cwide
awk 'BEGIN {
    for (r = 0; r < 5; r++) {
        line = ""
        for (i = 0; i < (r == 2 ? 150 : r == 3 ? 201 : 200); i++) {
            t = i % 7
            if (t == 0 || t == 4) v = i * (r + 1)
            else if (t == 1) v = sprintf("s%d-%d", i, r)
            else if (t == 2) v = i + 0.5
            else if (t == 3) v = r % 2 ? "false" : "true"
            else if (t == 5) v = sprintf("2024-01-0%d 10:00:%02d", r + 1, i % 60)
            else v = sprintf("2024-02-%02d", r + 10)
            if (r == 1 && i == 0) v = "x"
            if (r == 1 && i == 199) v = "maybe"
            if (r == 4 && i == 1) v = "\"q,\"\"1\"\"\""
            if (r == 4 && i == 2) v = ""
            if (r == 4 && i == 198) v = "\"198.5\""
            line = line (i ? "," : "") v
        }
        print line
    } }' > cwide/part-0.csv
wline() { sed -n "${1}p" cwide/part-0.csv; }
wide_shown="c0, c1, c2, c3, c4, c5, c6, c198, c199, _corrupt_record"
for mode in PERMISSIVE FAILFAST; do
    { mixed_source $mode csv 200 cwide
      echo "INSERT INTO console SELECT $wide_shown FROM m"
      echo "WHERE $(awk 'BEGIN { for (i = 0; i < 200; i++) printf "%sc%d IS NOT NULL", i ? " OR " : "", i }');"
    } > cwide_$mode.sql
    succeeds "build the 200-column CSV reader ($mode)" "$sluice" build cwide_$mode.sql -o cwide_$mode
    rc=0
    TZ=UTC ./cwide_$mode --trigger availableNow > cwide_$mode.out 2>&1 || rc=$?
    echo $rc > cwide_$mode.rc
done
cat > cwide.want << WANT
0|s1-0|2.5|true|4|2024-01-01 10:00:05|2024-02-10|198.5|true|NULL
NULL|s1-1|2.5|false|8|2024-01-02 10:00:05|2024-02-11|198.5|NULL|$(wline 2)
0|s1-2|2.5|true|12|2024-01-03 10:00:05|2024-02-12|NULL|NULL|$(wline 3)
0|s1-3|2.5|false|16|2024-01-04 10:00:05|2024-02-13|198.5|false|$(wline 4)
0|"q,""1"""|NULL|true|20|2024-01-05 10:00:05|2024-02-14|198.5|true|NULL
WANT
if [[ $(cat cwide_PERMISSIVE.rc) == 0 ]] && table_cols "$wide_shown" < cwide_PERMISSIVE.out | diff -u cwide.want - >&2; then
    ok
else
    bad "values read by the 200-column CSV parser"
    cat cwide_PERMISSIVE.out >&2
fi
if [[ $(cat cwide_FAILFAST.rc) == 1 ]] && grep -q "Parse Mode: FAILFAST.*(at cwide/part-0.csv:2, byte " cwide_FAILFAST.out; then
    ok
else
    bad "the 200-column CSV parser must fail at line 2 (FAILFAST)"
    cat cwide_FAILFAST.out >&2
fi

# ==== Depth: operator chains and nesting stop at a limit, with an error at the expression ====
limit=1000
chain() { # chain N SEP TERM: TERM SEP TERM ... (N terms)
    awk -v n="$1" -v sep="$2" -v term="$3" 'BEGIN { for (i = 0; i < n; i++) printf "%s%s", i ? sep : "", term }'
}
nest() { # nest N OPEN CLOSE CORE
    awk -v n="$1" -v o="$2" -v c="$3" -v core="$4" 'BEGIN {
        for (i = 0; i < n; i++) printf "%s", o; printf "%s", core; for (i = 0; i < n; i++) printf "%s", c }'
}
deep() { # deep FILE SELECT-LIST [WHERE]: line 5; the list at col 8, the WHERE at col 38 (after action)
    { header; echo "INSERT INTO console"; echo "SELECT $2 AS x FROM events${3:+ WHERE $3};"; } > "$1"
}
msg="the expression is nested too deeply: more than $limit levels"
deep and30000.sql action "$(chain 30000 ' AND ' 'v > 1')"
expect_error "30000 ANDs: check" "5|38" "$msg" "$sluice" check and30000.sql
expect_error "30000 ANDs: build" "5|38" "$msg" "$sluice" build and30000.sql -o x
deep plus30000.sql "$(chain 30000 ' + ' v)"
expect_error "30000 +: check" "5|8" "$msg" "$sluice" check plus30000.sql
expect_error "30000 +: build" "5|8" "$msg" "$sluice" build plus30000.sql -o x
deep plus_over.sql "$(chain $((limit + 1)) ' + ' v)"
expect_error "limit + 1 terms" "5|8" "$msg" "$sluice" check plus_over.sql
deep calls_over.sql "$(nest $((limit + 1)) 'abs(' ')' v)"
expect_error "limit + 1 nested calls" "5|12" "$msg" "$sluice" check calls_over.sql
deep dots_over.sql "$(chain $((limit + 1)) . a)"
expect_error "limit + 1 dotted parts" "5|8" "$msg" "$sluice" check dots_over.sql
# At the limit everything compiles (the bound trees add casts; sanitizer builds use more stack).
deep and_at.sql action "$(chain $((limit - 1)) ' AND ' 'v > 1')"
deep or_at.sql action "$(chain $((limit - 1)) ' OR ' 'n = 1.5')"
deep plus_at.sql "$(chain $limit ' + ' 'n')"
deep concat_at.sql "$(chain $limit ' || ' action)"
deep calls_at.sql "$(nest $((limit - 1)) 'abs(' ')' v)"
deep neg_at.sql "$(nest $((limit - 1)) '-(' ')' v)"
deep not_at.sql action "$(nest $((limit - 2)) 'NOT (' ')' 'v > 1')"
deep case_at.sql "$(nest $((limit - 2)) 'CASE WHEN v > 1 THEN ' ' END' v)"
deep cast_at.sql "$(nest $((limit - 1)) 'CAST(' ' AS STRING)' v)"
deep between_at.sql action "$(nest $((limit - 2)) '(v BETWEEN 1 AND 2) = (' ')' 'true')"
for f in and_at or_at plus_at concat_at calls_at neg_at not_at case_at cast_at between_at; do
    succeeds "$f: check" "$sluice" check $f.sql
    succeeds "$f: build" "$sluice" build $f.sql -o $f
done
# Nested subqueries and parentheses are bounded by the parser's stack: an error, not a crash.
{ header; echo "INSERT INTO console SELECT action FROM $(nest 5000 '(SELECT action FROM ' ')' events);"; } > sub.sql
expect_error "5000 nested subqueries" "4|[0-9]*" "syntax error: the query is nested too deeply" "$sluice" check sub.sql
{ header; echo "INSERT INTO console SELECT action FROM $(nest 1000 '(SELECT action FROM ' ')' events);"; } > sub_ok.sql
succeeds "1000 nested subqueries: build" "$sluice" build sub_ok.sql -o sub_ok

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
