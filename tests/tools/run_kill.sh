#!/usr/bin/env bash
# run_kill.sh - exactly-once across crashes: a query from a files source to a files sink is
# SIGKILLed at random moments and restarted from its checkpoint; what the sink's manifest
# lists at the end must be exactly what an uninterrupted run wrote (no loss, no duplicates).
#
#   run_kill.sh <sluice> <gen_events>
#
# Three queries (variants), `files` sources (maxFilesPerTrigger = 1) -> a `files` sink
# (json, append) with a checkpointLocation:
#   filter    a filter and a projection
#   windowed  count(*) per window(time, '10 minutes') with a 10-minute watermark (append)
#   chained   those counts per action summed per action and hour over window_time(window):
#             two chained aggregations, each with its own state (append, Spark 3.4+)
#   ssjoin    a stream-stream join of two sources over the same files (join state restored)
#   limit     the first rows of a filter (LIMIT in append mode: the count of rows let through
#             restored from the checkpoint, a re-run batch cutting where the first run did)
#   dedup2    DROP DUPLICATES (action, time) under DROP DUPLICATES WITHIN WATERMARK (action,
#             minute): two deduplication states (state/1/, state/128/) restored together
# For each variant, in a fresh temp dir:
#   reference  one uninterrupted `--trigger availableNow --threads 1` run into its own out/
#              and ckpt/;
#   control    the same into fresh dirs, then once more on the finished dirs (a restart
#              with nothing left to do must add nothing); must equal the reference;
#   round i    fresh out/ and ckpt/: start the executable, SIGKILL it after a random delay,
#              restart it, 1..KILL_MAX_KILLS times, then let a last run finish (exit 0).
# Comparison: the rows of the part files LISTED in out/_spark_metadata (the manifest, never a
# directory listing), sorted, must equal the reference's, byte for byte; every listed file
# must exist with the listed size, none listed twice; out/ must hold nothing but part files
# and manifest entries (no temporary file, hidden or not).  A failure prints the diff, the
# missing and the extra rows, and the logs of the round's runs.
#
# Environment:
#   KILL_ROUNDS=8            kill rounds per variant (0: reference and control only)
#   KILL_SEED=N              seed of the kill delays (default: from the clock; always printed,
#                            so a failure reproduces with the same seed)
#   KILL_MAX_KILLS=3         kills per round: 1..this many
#   KILL_MIN_MS=5 KILL_MAX_MS=300   the range of the delays before a kill
#   KILL_AT_COMMITS=LO-HI    count each delay from the moment the run has committed batch K,
#                            K drawn in [LO, HI] for each kill (or from the run's end, if it
#                            ends first), not from its start: kills land late in the query
#                            however fast the machine runs it (default: from the start)
#   KILL_FILES=20 KILL_LINES=400    the input: gen_events --files/--lines-per-file
#   KILL_VARIANTS="filter windowed chained ssjoin limit dedup2" which variants run
#   KILL_SKIP_WINDOWED=1     skip every variant but filter (they need watermarks)
#   KILL_RUN_TIMEOUT=120     seconds a run that is not killed may take
#   KILL_MIN_DELTA_RESTORES=0  fail unless at least this many restarts (over all rounds)
#                            restore state from a snapshot and the deltas after it (the
#                            ssjoin variant: a snapshot every 10th version); their count is
#                            always printed
#   KILL_ARGS="--threads 2 --task-bytes 4096"   options of every run but the reference's
#                            (default none: batches split across the CPUs' threads)
#   KEEP_TMP=1               keep the temp dir
set -euo pipefail
export LC_ALL=C
# shellcheck source=test_lib.sh
source "$(dirname "$0")/test_lib.sh" # sl_manifest_rows, sl_ssjoin_query

if [[ $# -ne 2 ]]; then
    echo "usage: $0 <sluice> <gen_events>" >&2
    exit 2
fi
sluice=$(realpath "$1")
gen=$(realpath "$2")
for f in "$sluice" "$gen"; do
    if [[ ! -x $f ]]; then
        echo "kill_restart: not an executable: $f" >&2
        exit 2
    fi
done

rounds=${KILL_ROUNDS:-8}
seed=${KILL_SEED:-$(($(date +%s%N) / 1000 % 1000000))}
max_kills=${KILL_MAX_KILLS:-3}
min_ms=${KILL_MIN_MS:-5}
max_ms=${KILL_MAX_MS:-300}
n_files=${KILL_FILES:-20}
n_lines=${KILL_LINES:-400}
variants=${KILL_VARIANTS:-filter windowed chained ssjoin limit dedup2}
run_timeout=${KILL_RUN_TIMEOUT:-120}
min_delta_restores=${KILL_MIN_DELTA_RESTORES:-0}
at_commits=${KILL_AT_COMMITS:-}
commit_lo=-1 commit_hi=-1
if [[ -n $at_commits ]]; then
    if [[ ! $at_commits =~ ^([0-9]+)-([0-9]+)$ ]] || ((BASH_REMATCH[1] > BASH_REMATCH[2])); then
        echo "kill_restart: KILL_AT_COMMITS must be LO-HI with LO <= HI, not '$at_commits'" >&2
        exit 2
    fi
    commit_lo=${BASH_REMATCH[1]} commit_hi=${BASH_REMATCH[2]}
fi
for v in rounds seed max_kills min_ms max_ms n_files n_lines run_timeout min_delta_restores; do
    if [[ ! ${!v} =~ ^[0-9]+$ ]]; then
        echo "kill_restart: $v must be a non-negative integer, not '${!v}'" >&2
        exit 2
    fi
done
((max_kills >= 1 && max_ms >= min_ms)) || {
    echo "kill_restart: need KILL_MAX_KILLS >= 1 and KILL_MAX_MS >= KILL_MIN_MS" >&2
    exit 2
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kill_restart.XXXXXX")
child=
cleanup() {
    if [[ -n $child ]]; then kill -KILL "$child" 2> /dev/null || true; fi
    if [[ ${KEEP_TMP:-0} == 1 ]]; then
        echo "kill_restart: kept $tmp" >&2
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT

echo "kill_restart: seed $seed (reproduce with KILL_SEED=$seed), $rounds rounds per variant," \
    "1-$max_kills kills per round after ${min_ms}-${max_ms} ms"

# ---- deterministic delays: a 64-bit LCG (bash arithmetic wraps modulo 2^64) ----
rng=$seed
rand() { # rand N: REPLY in [0, N)
    rng=$((rng * 6364136223846793005 + 1442695040888963407))
    REPLY=$((((rng >> 33) & 0x7fffffff) % $1))
}

# ---- the input: KILL_FILES JSON Lines files, oldest first ----
"$gen" --out "$tmp/data" --files "$n_files" --lines-per-file "$n_lines" --seed 17 > /dev/null

watermarked="CREATE SOURCE events (time TIMESTAMP, action STRING,
                      WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = '$tmp/data', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json');"

write_query() { # write_query VARIANT FILE
    case $1 in
    filter)
        cat > "$2" << EOF
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = '$tmp/data', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO out
SELECT action, time, hour(time) AS hour FROM events WHERE action = 'Open' OR time IS NULL
WITH (name = 'kill_filter', outputMode = 'append', checkpointLocation = 'ckpt');
EOF
        ;;
    windowed)
        cat > "$2" << EOF
$watermarked
INSERT INTO out
SELECT window(time, '10 minutes') AS window, count(*) AS count FROM events
GROUP BY window(time, '10 minutes')
WITH (name = 'kill_windowed', outputMode = 'append', checkpointLocation = 'ckpt');
EOF
        ;;
    chained)
        cat > "$2" << EOF
$watermarked
INSERT INTO out
SELECT action, window(window_time(window), '1 hour') AS hour, sum(count) AS total
FROM (SELECT action, window(time, '10 minutes') AS window, count(*) AS count FROM events
      GROUP BY action, window(time, '10 minutes'))
GROUP BY action, window(window_time(window), '1 hour')
WITH (name = 'kill_chained', outputMode = 'append', checkpointLocation = 'ckpt');
EOF
        ;;
    ssjoin)
        # a stream-stream join of the events with themselves one to two seconds later; the
        # sides read at different rates, so each batch joins with state restored from the
        # checkpoint (state/2/).  After a restart late in the run, the last no-data batch may
        # not come: b has no rows left, and Spark's WatermarkTracker counts an input that has
        # seen no row since the restart as 0, so the watermark stays where it was restored
        # (srt_event.c); the rows are the same, the manifest has one batch id fewer (a note)
        sl_ssjoin_query "$tmp/data" kill_ssjoin > "$2"
        ;;
    limit)
        cat > "$2" << EOF
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = '$tmp/data', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO out
SELECT action, time FROM events WHERE action = 'Open' LIMIT 2500
WITH (name = 'kill_limit', outputMode = 'append', checkpointLocation = 'ckpt');
EOF
        ;;
    dedup2)
        cat > "$2" << EOF
$watermarked
INSERT INTO out
SELECT action, time, minute
FROM (SELECT action, time, date_trunc('minute', time) AS minute FROM events
      DROP DUPLICATES (action, time))
DROP DUPLICATES WITHIN WATERMARK (action, minute)
WITH (name = 'kill_dedup2', outputMode = 'append', checkpointLocation = 'ckpt');
EOF
        ;;
    *)
        echo "kill_restart: unknown variant '$1' (filter, windowed, chained, ssjoin, limit, dedup2)" >&2
        exit 2
        ;;
    esac
}

# delta_restore RUNDIR: whether a restart in RUNDIR restores state from a snapshot and at
# least one delta after it: the version it restores (the last committed batch + 1) is a
# delta with a snapshot below it.
delta_restore() {
    local ck=$1/ckpt last v dir
    last=$(find "$ck/commits" -maxdepth 1 -regex '.*/[0-9]+' -printf '%f\n' 2> /dev/null |
        sort -n | tail -n 1)
    [[ -n $last ]] || return 1
    v=$((last + 1))
    for dir in "$ck"/state/*/; do
        [[ -f $dir/$v.delta ]] || continue
        find "$dir" -maxdepth 1 -name '*.snapshot' -printf '%f\n' | sed 's/\.snapshot$//' |
            awk -v v="$v" '$1 < v { found = 1 } END { exit !found }' && return 0
    done
    return 1
}

# compare NAME RUNDIR: RUNDIR's manifest rows against the reference's.
compare() {
    local name=$1 rundir=$2 status=0
    local got=$rundir/rows.txt
    local problems
    if ! problems=$(sl_manifest_rows "$rundir" "$got"); then
        echo "kill_restart: FAIL: $variant $name: inconsistent output"
        status=1
    fi
    [[ -n $problems ]] && echo "$problems"
    if ! cmp -s "$ref_rows" "$got"; then
        echo "kill_restart: FAIL: $variant $name: rows differ from the uninterrupted run" \
            "($(wc -l < "$ref_rows") expected, $(wc -l < "$got") found)"
        local missing extra
        missing=$(comm -23 "$ref_rows" "$got" | wc -l)
        extra=$(comm -13 "$ref_rows" "$got" | wc -l)
        echo "  $missing rows missing (lost), $extra rows extra (duplicated or wrong); first of each:"
        comm -23 "$ref_rows" "$got" | head -n 10 | sed 's/^/  - /'
        comm -13 "$ref_rows" "$got" | head -n 10 | sed 's/^/  + /'
        echo "  diff -u reference $name (sorted rows, first 60 lines):"
        diff -u --label "reference" --label "$name" "$ref_rows" "$got" | head -n 60 |
            sed 's/^/  /' || true
        status=1
    fi
    # The same batches should have committed (a note only: the rows are what readers see).
    local ids_ref ids_got
    ids_ref=$(find "$ref_dir/out/_spark_metadata" -maxdepth 1 -regex '.*/[0-9]+' -printf '%f ' |
        tr ' ' '\n' | sort -n | tr '\n' ' ')
    ids_got=$(find "$rundir/out/_spark_metadata" -maxdepth 1 -regex '.*/[0-9]+' -printf '%f ' |
        tr ' ' '\n' | sort -n | tr '\n' ' ')
    if [[ $ids_ref != "$ids_got" ]]; then
        echo "  note: manifest batch ids differ from the reference's: [${ids_got% }]" \
            "vs [${ids_ref% }]"
    fi
    return $status
}

eval "kill_args=(${KILL_ARGS:-})"

# run_to_end RUNDIR LOG [ARGS...]: run ./q to completion (exit 0 required), with ARGS (default
# KILL_ARGS).
run_to_end() {
    local rc=0 dir=$1 log=$2
    shift 2
    local args=("$@")
    [[ ${#args[@]} -gt 0 ]] || args=("${kill_args[@]}")
    (cd "$dir" && timeout --signal=KILL "$run_timeout" "$qexe" --trigger availableNow "${args[@]}") \
        >> "$log" 2>&1 || rc=$?
    if [[ $rc -ne 0 ]]; then
        echo "kill_restart: FAIL: $variant: run in $dir exited with $rc (log $log):"
        tail -n 30 "$log" | sed 's/^/  /'
        return 1
    fi
}

failures=0
delta_restores=0
kills_landed=0
kills_total=0
for variant in $variants; do
    if [[ $variant != filter && ${KILL_SKIP_WINDOWED:-0} == 1 ]]; then
        echo "kill_restart: $variant: SKIPPED (KILL_SKIP_WINDOWED=1)"
        continue
    fi
    vdir=$tmp/$variant
    mkdir -p "$vdir"
    write_query "$variant" "$vdir/query.sql"
    qexe=$vdir/q
    if ! "$sluice" build "$vdir/query.sql" -o "$qexe" > "$vdir/build.log" 2>&1; then
        cat "$vdir/build.log"
        echo "kill_restart: FAIL: $variant: sluice build failed"
        failures=$((failures + 1))
        continue
    fi

    # The reference: one uninterrupted run on one thread.
    mkdir -p "$vdir/ref"
    if ! run_to_end "$vdir/ref" "$vdir/ref/run.log" --threads 1; then
        failures=$((failures + 1))
        continue
    fi
    ref_dir=$vdir/ref
    ref_rows=$ref_dir/rows.txt
    if ! problems=$(sl_manifest_rows "$vdir/ref" "$ref_rows"); then
        echo "kill_restart: FAIL: $variant reference: inconsistent output"
        echo "$problems"
        failures=$((failures + 1))
        continue
    fi
    if [[ ! -s $ref_rows ]]; then
        echo "kill_restart: FAIL: $variant reference: no rows at all"
        failures=$((failures + 1))
        continue
    fi

    # The control: uninterrupted again, then restarted with nothing left to do.
    mkdir -p "$vdir/control"
    if run_to_end "$vdir/control" "$vdir/control/run.log" &&
        run_to_end "$vdir/control" "$vdir/control/run.log" &&
        compare control "$vdir/control"; then
        echo "kill_restart: $variant control: ok ($(wc -l < "$ref_rows") rows)"
    else
        failures=$((failures + 1))
    fi

    for ((r = 1; r <= rounds; r++)); do
        rdir=$vdir/round-$r
        mkdir -p "$rdir"
        log=$rdir/run.log
        rand "$max_kills"
        n_kills=$((REPLY + 1))
        story=""
        ok=1
        for ((k = 1; k <= n_kills; k++)); do
            rand $((max_ms - min_ms + 1))
            delay=$((min_ms + REPLY))
            mark=
            if ((commit_lo >= 0)); then
                rand $((commit_hi - commit_lo + 1))
                mark=$((commit_lo + REPLY))
            fi
            echo "=== attempt $k: SIGKILL after ${delay} ms${mark:+ from commit $mark}" >> "$log"
            (cd "$rdir" && exec "$qexe" --trigger availableNow "${kill_args[@]}") >> "$log" 2>&1 &
            child=$!
            if [[ -n $mark ]]; then
                # (polled: the commit file is written by rename, so it appears whole)
                while [[ ! -e $rdir/ckpt/commits/$mark ]] && kill -0 "$child" 2> /dev/null; do
                    sleep 0.001
                done
            fi
            sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
            kill -KILL "$child" 2> /dev/null || true
            rc=0
            { wait "$child"; } 2> /dev/null || rc=$? # (no "Killed" notice from bash)
            child=
            kills_total=$((kills_total + 1))
            if [[ $rc -eq 137 ]]; then
                kills_landed=$((kills_landed + 1))
                story+=" ${mark:+c$mark+}${delay}ms:killed"
                if delta_restore "$rdir"; then
                    delta_restores=$((delta_restores + 1))
                    story+="(restart:snapshot+deltas)"
                fi
            elif [[ $rc -eq 0 ]]; then
                story+=" ${mark:+c$mark+}${delay}ms:finished-first"
            else
                echo "kill_restart: FAIL: $variant round $r: attempt $k exited with $rc" \
                    "before it was killed (log $log):"
                tail -n 30 "$log" | sed 's/^/  /'
                ok=0
                break
            fi
        done
        if ((ok)); then
            echo "=== last run, to the end" >> "$log"
            if run_to_end "$rdir" "$log" && compare "round $r" "$rdir"; then
                echo "kill_restart: $variant round $r: ok (${story# })"
                continue
            fi
        fi
        echo "  round $r kills: ${story# }; its log:"
        sed 's/^/  | /' "$log" | tail -n 40
        failures=$((failures + 1))
    done
done

echo "kill_restart: $kills_landed of $kills_total kills landed while the query ran" \
    "(seed $seed)"
echo "kill_restart: $delta_restores restarts restored state from a snapshot and deltas"
if ((rounds > 0 && kills_total > 0 && kills_landed == 0)); then
    echo "kill_restart: note: every run finished before its kill; raise KILL_FILES/KILL_LINES"
fi
if ((delta_restores < min_delta_restores)); then
    echo "kill_restart: FAIL: $delta_restores restarts from a snapshot and deltas," \
        "KILL_MIN_DELTA_RESTORES=$min_delta_restores wanted (seed $seed; raise KILL_MAX_MS?)"
    failures=$((failures + 1))
fi
if ((failures > 0)); then
    echo "kill_restart: FAIL: $failures failures (reproduce with KILL_SEED=$seed)"
    exit 1
fi
echo "kill_restart: ok"
