#!/usr/bin/env bash
# run_kafka_split.sh - kafka rows split across threads (srt_par.c copies each task's rows with
# the keys, values and headers they point to): against tests/tools/kafka_mock, records with
# keys and headers produced with kcat over three partitions, a stateless query printing every
# column and a windowed count over a time in the value, each run on one thread and on two
# threads with tasks of a few rows; the outputs must be the same bytes (with every row shown).
#
#   run_kafka_split.sh <sluice> <kafka_mock>
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <sluice> <kafka_mock>" >&2
  exit 2
fi
# shellcheck source=test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_kafka_test kafka_split "$1" "$2" --topic ev:3

# 3 x 400 records: key k<i mod 7>, a value "2024-01-01 10:MM:SS,/p<j>,<i>", two headers.
for p in 0 1 2; do
  for i in $(seq 1 400); do
    printf 'k%d:2024-01-01 10:%02d:%02d,/p%d,%d\n' $((i % 7)) $(((i * 7 + p) % 60)) $((i % 60)) $((i % 5)) "$i"
  done | kcat -P -b "$kafka_boot" -t ev -p "$p" -K: -H h=x -H "n=$p"
done

cat > rows.sql << SQL
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot',
                      subscribe = 'ev', startingOffsets = 'earliest', includeHeaders = true);
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 100000);
INSERT INTO console
SELECT CAST(key AS STRING) AS k, CAST(value AS STRING) AS v, partition, offset, headers,
       upper(CAST(value AS STRING)) AS u
FROM k WHERE length(value) > 0
WITH (name = 'rows');
SQL
cat > counts.sql << SQL
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '$kafka_boot',
                      subscribe = 'ev', startingOffsets = 'earliest');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 100000);
INSERT INTO console
SELECT window(t, '5 minutes') AS w, page, count(*) AS n, min(i) AS lo, max(i) AS hi
FROM (SELECT CAST(substring(line, 1, 19) AS TIMESTAMP) AS t,
             substring(line, 21, 3) AS page, CAST(substring(line, 25) AS INT) AS i
      FROM (SELECT CAST(value AS STRING) AS line FROM k))
GROUP BY window(t, '5 minutes'), page
WITH (name = 'counts', outputMode = 'complete');
SQL
for q in rows counts; do
  "$sluice" build "$q.sql" -o "$q" > "$q.build" 2>&1 || { fail "$q: build failed: $(cat "$q.build")"; continue; }
  if [[ $("$sluice" explain "$q.sql" | grep -c 'split across threads') -ne 1 ]]; then
    fail "$q: not planned to split"
  fi
  ./"$q" --trigger once --threads 1 > "$q.one" 2> "$q.one.err" || fail "$q on one thread: $(cat "$q.one.err")"
  ./"$q" --trigger once --threads 2 --task-bytes 200 > "$q.two" 2> "$q.two.err" || fail "$q split: $(cat "$q.two.err")"
  rows=$(grep -c '^|' "$q.one" || true)
  if [[ $rows -lt 20 ]]; then
    fail "$q printed only $rows table lines"
  elif cmp -s "$q.one" "$q.two"; then
    pass "$q: the same $(wc -c < "$q.one") bytes on 2 threads in tasks of 200 bytes"
  else
    diff "$q.one" "$q.two" | head -20 >&2
    fail "$q: a split run printed other bytes"
  fi
done
grep -q '{h, \[78\]}' rows.one || fail "rows: no headers printed"
sl_test_end
