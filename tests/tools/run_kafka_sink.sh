#!/usr/bin/env bash
# run_kafka_sink.sh - the Kafka sink end to end against librdkafka's mock cluster
# (tests/tools/kafka_mock), every topic read back with kcat and compared whole, byte for byte
# (per partition where Kafka orders only within a partition):
#   - files source -> filter -> kafka: the topic option (trimmed; an INT topic column is then
#     ignored, as Spark), a BINARY key and a STRING value, a NULL key, other columns ignored
#   - topic and partition columns routing rows; keyed records placed by murmur2 of the key as
#     the Java client places them; complete mode (every batch all groups)
#   - TINYINT and SMALLINT: to_json of them as the value, CAST(... AS STRING) as the key
#   - at least once: a batch whose checkpoint commit is lost is written again on restart
#   - exactly once (exactlyOnce = 'true'): one transaction per batch; the batch fence, with
#     the group offset a committed transaction leaves seeded by kafka_commit (the mock drops
#     transactional offset commits); SIGKILL and restart lose nothing (the mock delivers
#     aborted transactions' records too, so duplicates cannot be judged here)
#   - failures: an unreachable cluster (bounded by kafka.message.timeout.ms, non-zero exit,
#     nothing committed; SIGTERM gives up at once), a partition the topic does not have, a
#     negative partition, a NULL topic in the data, a setting librdkafka does not know
#
#   run_kafka_sink.sh <sluice> <kafka_mock> <kafka_commit>
# Environment: KAFKA_KILL_ROUNDS=3 (SIGKILL rounds), KAFKA_KILL_SEED (printed).
set -euo pipefail
export LC_ALL=C
sluice=$(realpath "$1")
mock=$(realpath "$2")
commit=$(realpath "$3")
. "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_test_begin kafka_sink
cd "$tmp"
sl_kafka_start "$mock" --topic out:1 --topic multi:3 --topic agg:1 --topic alo:1 --topic eo:1 \
    --topic eokill:1 --topic small:1

# read_topic TOPIC [PARTITION]: every record as key|value (NULL for null), in offset order.
read_topic() {
    local part=()
    [[ $# -gt 1 ]] && part=(-p "$2")
    kcat -C -b "$kafka_boot" -t "$1" "${part[@]}" -o beginning -e -q -Z -f '%k|%s\n' \
        -X isolation.level=read_committed
}

# expect_topic NAME WANTFILE TOPIC [PARTITION]
expect_topic() {
    local name=$1 want=$2
    shift 2
    read_topic "$@" > got.txt
    if cmp -s "$want" got.txt; then
        pass "$name"
    else
        fail "$name: records differ"
        diff -u --label want --label got "$want" got.txt >&2 || true
    fi
}

# run NAME EXE: run to the end (availableNow), $rc its exit status, logs in NAME.out/.err.
run() {
    rc=0
    timeout 120 "./$2" --trigger availableNow > "$1.out" 2> "$1.err" || rc=$?
}

# expect_failure NAME TEXT: NAME.sql builds, its run exits non-zero (not by timeout) and its
# stderr holds TEXT.
expect_failure() {
    "$sluice" build "$1.sql" -o "$1"
    run "$1" "$1"
    if [[ $rc -ne 0 && $rc -ne 124 ]] && grep -qF "$2" "$1.err"; then
        pass "$1: exit $rc: $2"
    else
        fail "$1: exit $rc, expected '$2' in: $(cat "$1.err")"
    fi
}

mkdir data
printf '%s\n' '{"id":1,"action":"Open","user":"ann"}' '{"id":2,"action":"Close","user":"bob"}' \
    '{"id":3,"action":"Open"}' > data/f1.json
printf '%s\n' '{"id":4,"action":"Open","user":"bob"}' '{"id":5,"action":"Move","user":"ann"}' > data/f2.json
printf '%s\n' '{"id":6,"action":"Close","user":"ann"}' '{"id":7,"action":"Open","user":"cy"}' > data/f3.json
touch -d '2024-01-01 00:00:01' data/f1.json
touch -d '2024-01-01 00:00:02' data/f2.json
touch -d '2024-01-01 00:00:03' data/f3.json
source_sql="CREATE SOURCE events (id INT, action STRING, user STRING)
  WITH (connector = 'files', path = 'data', format = 'json', maxFilesPerTrigger = 1);"

# ---- filter, topic option, key and value ----
cat > basic.sql << EOF
$source_sql
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', topic = ' out ',
                    'kafka.linger.ms' = '1');
INSERT INTO k SELECT CAST(user AS BINARY) AS key, concat(action, ':', CAST(id AS STRING)) AS value, id AS extra,
                     id AS topic
FROM events WHERE action <> 'Close'
WITH (checkpointLocation = 'ck_basic');
EOF
"$sluice" build basic.sql -o basic
run basic basic
[[ $rc -eq 0 ]] && pass "basic: exit 0" || fail "basic: exit $rc: $(cat basic.err)"
cat > basic.want << 'EOF'
ann|Open:1
NULL|Open:3
bob|Open:4
ann|Move:5
cy|Open:7
EOF
expect_topic "basic: key and value in batch order" basic.want out

# ---- at least once: the lost commit of the last batch re-writes it on restart ----
rm -f ck_basic/commits/2
run basic_rerun basic
cat basic.want > rerun.want
echo 'cy|Open:7' >> rerun.want
[[ $rc -eq 0 ]] && expect_topic "at least once: batch 2 written again after its commit was lost" \
    rerun.want out || fail "rerun: exit $rc: $(cat basic_rerun.err)"

# ---- topic and partition columns ----
cat > route.sql << EOF
$source_sql
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot');
INSERT INTO k
SELECT CASE WHEN action = 'Open' THEN 'multi' ELSE 'other' END AS topic, id % 3 AS partition,
       action AS value
FROM events
WITH (checkpointLocation = 'ck_route', outputMode = 'update');
EOF
"$sluice" build route.sql -o route
run route route
[[ $rc -eq 0 ]] && pass "route: exit 0" || fail "route: exit $rc: $(cat route.err)"
# Open: ids 1, 3, 4, 7 -> multi partitions 1, 0, 1, 1; Close 2, Move 5, Close 6 -> other 2, 2, 0.
printf 'NULL|Open\n' > p0.want
printf 'NULL|Open\nNULL|Open\nNULL|Open\n' > p1.want
: > p2.want
expect_topic "route: topic multi partition 0" p0.want multi 0
expect_topic "route: topic multi partition 1" p1.want multi 1
expect_topic "route: topic multi partition 2" p2.want multi 2
printf 'NULL|Close\nNULL|Move\n' > o2.want # ids 2, 5
printf 'NULL|Close\n' > o0.want            # id 6
expect_topic "route: topic other partition 0" o0.want other 0
expect_topic "route: topic other partition 2" o2.want other 2

# ---- keyed records without a partition go where the Java client puts them ----
# Kafka's DefaultPartitioner: toPositive(Utils.murmur2(key bytes)) % partitions, computed here
# independently of librdkafka.
murmur2_partition() { # murmur2_partition KEY PARTITIONS
    python3 - "$1" "$2" << 'PY'
import sys
data, n = sys.argv[1].encode(), int(sys.argv[2])
M, mask = 0x5bd1e995, 0xffffffff
h = (0x9747b28c ^ len(data)) & mask
for i in range(len(data) // 4):
    k = int.from_bytes(data[4 * i:4 * i + 4], "little")
    k = (k * M) & mask
    k ^= k >> 24
    k = (k * M) & mask
    h = ((h * M) & mask) ^ k
rest, tail = len(data) % 4, len(data) & ~3
if rest >= 3: h ^= data[tail + 2] << 16
if rest >= 2: h ^= data[tail + 1] << 8
if rest >= 1:
    h ^= data[tail]
    h = (h * M) & mask
h ^= h >> 13
h = (h * M) & mask
h ^= h >> 15
print((h & 0x7fffffff) % n)
PY
}
cat > keyed.sql << EOF
$source_sql
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', topic = 'keyed');
INSERT INTO k SELECT user AS key, concat(action, ':', CAST(id AS STRING)) AS value
FROM events WHERE action <> 'Close'
WITH (checkpointLocation = 'ck_keyed');
EOF
sl_kafka_cmd topic keyed 4 > /dev/null
"$sluice" build keyed.sql -o keyed
run keyed keyed
[[ $rc -eq 0 ]] && pass "keyed: exit 0" || fail "keyed: exit $rc: $(cat keyed.err)"
for p in 0 1 2 3; do : > "keyed$p.want"; done
while IFS='|' read -r key value; do
    [[ $key == NULL ]] && continue
    echo "$key|$value" >> "keyed$(murmur2_partition "$key" 4).want"
done < basic.want
for p in 0 1 2 3; do
    read_topic keyed "$p" | grep -v '^NULL|' > "keyed$p.got" || true
    if cmp -s "keyed$p.want" "keyed$p.got"; then
        pass "keyed: partition $p holds the keys murmur2 puts there"
    else
        fail "keyed: partition $p differs from murmur2's placement"
        diff -u --label want --label got "keyed$p.want" "keyed$p.got" >&2 || true
    fi
done

# ---- complete mode: every batch writes all groups ----
cat > agg.sql << EOF
$source_sql
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', topic = 'agg');
INSERT INTO k SELECT action AS key, CAST(count(*) AS STRING) AS value FROM events GROUP BY action
WITH (checkpointLocation = 'ck_agg', outputMode = 'complete');
EOF
"$sluice" build agg.sql -o agg
run agg agg
[[ $rc -eq 0 ]] && pass "complete: exit 0" || fail "complete: exit $rc: $(cat agg.err)"
cat > agg.want << 'EOF'
Open|2
Close|1
Open|3
Close|1
Move|1
Open|4
Close|2
Move|1
EOF
expect_topic "complete: all groups per batch" agg.want agg

# ---- TINYINT and SMALLINT: to_json writes them as numbers (200 is the byte -56, as Jackson's
# getByteValue reads it), their text is the key ----
mkdir small
printf '%s\n' '{"t":-128,"s":-32768}' '{"t":200,"s":32767}' '{"t":null,"s":-1}' > small/f1.json
cat > small.sql << EOF
CREATE SOURCE nums (t TINYINT, s SMALLINT) WITH (connector = 'files', path = 'small', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', topic = 'small');
INSERT INTO k
SELECT CAST(t AS STRING) AS key, to_json(named_struct('t', t, 's', s, 'a', array(t, s))) AS value
FROM nums
WITH (checkpointLocation = 'ck_small');
EOF
"$sluice" build small.sql -o small_q
run small small_q
[[ $rc -eq 0 ]] && pass "tinyint/smallint: exit 0" || fail "tinyint/smallint: exit $rc: $(cat small.err)"
cat > small.want << 'EOF'
-128|{"t":-128,"s":-32768,"a":[-128,-32768]}
-56|{"t":-56,"s":32767,"a":[-56,32767]}
NULL|{"s":-1,"a":[null,-1]}
EOF
expect_topic "tinyint/smallint: to_json values and string keys" small.want small

# ---- exactly once: transactions, and the fence of a batch whose transaction committed ----
sed "s/topic = ' out ',/topic = 'eo', exactlyOnce = 'true',/; s/ck_basic/ck_eo/" basic.sql > eo.sql
"$sluice" build eo.sql -o eo
run eo eo
[[ $rc -eq 0 ]] && pass "exactly once: exit 0" || fail "exactly once: exit $rc: $(cat eo.err)"
expect_topic "exactly once: records of three transactions" basic.want eo
qid=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' ck_eo/metadata | head -n 1)
group="sluice-$qid-k"
# The crash this guards against: batch 2's transaction committed, the process died before
# ck_eo/commits/2.  A broker then holds offset 3 for the group on eo/0 (batch id + 1).
rm -f ck_eo/commits/2
"$commit" "$kafka_boot" "$group" eo 0 3
run eo_fenced eo
[[ $rc -eq 0 && -e ck_eo/commits/2 ]] && pass "fence: the re-run of batch 2 commits" ||
    fail "fence: exit $rc: $(cat eo_fenced.err)"
expect_topic "fence: batch 2 committed in Kafka is not written again" basic.want eo
# Only batch 1 recorded as committed: batch 2 is written (again, as the mock shows it).
rm -f ck_eo/commits/2
"$commit" "$kafka_boot" "$group" eo 0 2
run eo_unfenced eo
[[ $rc -eq 0 ]] && expect_topic "fence: batch 2 not committed in Kafka is written" rerun.want eo ||
    fail "unfenced: exit $rc: $(cat eo_unfenced.err)"

# ---- exactly once across SIGKILL and restart: nothing lost, the restarted producer fences ----
rm -rf data && mkdir data
for f in $(seq 10 49); do
    awk -v f="$f" 'BEGIN { for (i = 0; i < 25; i++) printf "{\"id\":%d,\"action\":\"Open\",\"user\":\"u%d\"}\n", f * 100 + i, i }' \
        > "data/f$f.json"
    touch -d "2024-01-01 00:00:$f" "data/f$f.json"
done
awk 'BEGIN { for (f = 10; f < 50; f++) for (i = 0; i < 25; i++) printf "u%d|Open:%d\n", i, f * 100 + i }' |
    sort > kill.want
sed 's/topic = .eo./topic = '\''eokill'\''/; s/ck_eo/ck_kill/' eo.sql > kill.sql
"$sluice" build kill.sql -o killq
seed=${KAFKA_KILL_SEED:-$((RANDOM * 32768 + RANDOM))}
echo "kafka_sink: kill seed $seed (reproduce with KAFKA_KILL_SEED=$seed)"
RANDOM=$seed
killed=0
story=
for ((r = 0; r < ${KAFKA_KILL_ROUNDS:-3}; r++)); do
    ./killq --trigger availableNow >> kill.out 2>> kill.err &
    pid=$!
    # The start (init_transactions, the fence lookup) takes about a second on the mock, then
    # a batch about 25 ms: aim at the batches.
    delay=$((900 + RANDOM % 600))
    sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
    kill -KILL "$pid" 2> /dev/null && killed=$((killed + 1)) || true
    krc=0
    { wait "$pid"; } 2> /dev/null || krc=$?
    [[ $krc -eq 0 || $krc -eq 137 ]] || fail "kill round $r: exit $krc before the kill: $(tail -n 5 kill.err)"
    story+=" $(ls ck_kill/commits 2> /dev/null | wc -l)"
done
echo "kafka_sink: batches committed after each kill:$story (of 40)"
run kill_last killq
[[ $rc -eq 0 ]] && pass "SIGKILL x$killed, restart: exit 0" || fail "after kills: exit $rc: $(cat kill_last.err)"
read_topic eokill | sort -u > kill.got
if cmp -s kill.want kill.got; then
    pass "SIGKILL and restart: every record present ($(read_topic eokill | wc -l) read, $(wc -l < kill.want) distinct)"
else
    fail "SIGKILL and restart: records lost or wrong"
    diff kill.want kill.got | head -n 20 >&2 || true
fi

# ---- failures ----
rm -rf data && mkdir data
printf '%s\n' '{"id":1,"action":"Open","user":"ann"}' > data/f1.json
cat > down.sql << EOF
$source_sql
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '127.0.0.1:1', topic = 't',
                    'kafka.message.timeout.ms' = '2000');
INSERT INTO k SELECT action AS value FROM events WITH (checkpointLocation = 'ck_down');
EOF
"$sluice" build down.sql -o down
start=$SECONDS
run down down
took=$((SECONDS - start))
[[ $rc -ne 0 && $rc -ne 124 && $took -le 30 ]] && pass "unreachable cluster: exit $rc after ${took}s" ||
    fail "unreachable cluster: exit $rc after ${took}s"
grep -q "kafka sink 'k': batch 0: 1 of 1 records were not delivered: Local: Message timed out" down.err &&
    pass "unreachable cluster: the error says what was not delivered and why" ||
    fail "unreachable cluster: message: $(cat down.err)"
[[ ! -e ck_down/commits/0 ]] && pass "unreachable cluster: batch 0 not committed" ||
    fail "unreachable cluster: batch 0 committed"

# SIGTERM while records wait for an unreachable cluster: the batch gives up at once.
sed "s/'2000'/'600000'/; s/ck_down/ck_term/" down.sql > term.sql
"$sluice" build term.sql -o term
./term --trigger availableNow > term.out 2> term.err &
pid=$!
sleep 1.5
kill -TERM "$pid"
start=$SECONDS
rc=0
wait "$pid" || rc=$?
took=$((SECONDS - start))
[[ $rc -ne 0 && $took -le 10 ]] &&
    grep -q "batch 0: stopped with 1 records not yet delivered; the batch runs again when the query restarts" term.err &&
    pass "SIGTERM while undelivered: exit $rc after ${took}s" ||
    fail "SIGTERM while undelivered: exit $rc after ${took}s: $(cat term.err)"
[[ ! -e ck_term/commits/0 ]] && pass "SIGTERM while undelivered: batch 0 not committed" ||
    fail "SIGTERM while undelivered: batch 0 committed"

# A setting librdkafka does not know fails the query when it starts, naming the option.
sed "s/'kafka.linger.ms' = '1'/'kafka.linger.msec' = '1'/; s/ck_basic/ck_unknown/" basic.sql > unknown.sql
expect_failure unknown "kafka sink 'k': option 'kafka.linger.msec': No such configuration property: \"linger.msec\""

cat > badpart.sql << EOF
$source_sql
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot', topic = 'out');
INSERT INTO k SELECT action AS value, 5 AS partition FROM events WITH (checkpointLocation = 'ck_bp');
EOF
expect_failure badpart "kafka sink 'k': batch 0: 1 of 1 records were not delivered: Local: Unknown partition (topic 'out', partition 5)"
sed "s/5 AS partition/-1 AS partition/; s/ck_bp/ck_neg/" badpart.sql > negpart.sql
expect_failure negpart "batch 0: Invalid partition: -1. Partition number should always be non-negative or null."

cat > nulltopic.sql << EOF
$source_sql
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot');
INSERT INTO k SELECT CASE WHEN action = 'Close' THEN 'out' END AS topic, action AS value
FROM events WITH (checkpointLocation = 'ck_nt');
EOF
expect_failure nulltopic "batch 0: null topic present in the data. Use the topic option for setting a default topic."

sl_test_end
