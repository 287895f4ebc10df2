# test_lib.sh - what the script tests share: a private temporary directory and the counting of
# checks.  Sourced by a test after `set -euo pipefail`:
#
#   sl_test_begin NAME    $tmp: a fresh directory, removed on exit; pass MSG / fail MSG report
#                         one check as "NAME: ok: MSG" / "NAME: FAIL: MSG" (stderr)
#   sl_test_end           "NAME: all checks passed", or the failures and exit 1

sl_test_begin() {
  sl_test_name=$1
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/$sl_test_name.XXXXXX")
  sl_cleanups=()
  trap sl_cleanup EXIT
  failures=0
}

# Run at exit: what sl_at_exit registered (last first), then remove $tmp.  When the test
# exits with a failure (a failed check, or a command stopped by `set -e`), the last lines of
# the newest non-empty *.err file in $tmp (the step that failed, as a rule) go to stderr
# first, so that the log says why.
sl_cleanup() {
  local rc=$? i f
  if [[ $rc -ne 0 && -d ${tmp:-} ]]; then
    f=$(find "$tmp" -maxdepth 1 -name '*.err' -size +0 -printf '%T@ %p\n' | sort -n | tail -n 1)
    if [[ -n $f ]]; then
      echo "$sl_test_name: exit $rc; the end of ${f##*/}:" >&2
      tail -n 20 "${f#* }" >&2
    fi
  fi
  for ((i = ${#sl_cleanups[@]} - 1; i >= 0; i--)); do
    eval "${sl_cleanups[i]}" || true
  done
  rm -rf "$tmp"
}

# sl_at_exit CMD   run CMD (a shell string) when the test exits.
sl_at_exit() { sl_cleanups+=("$1"); }

fail() {
  echo "$sl_test_name: FAIL: $*" >&2
  failures=$((failures + 1))
}

pass() { echo "$sl_test_name: ok: $*"; }

# sl_wait_lines N CMD [ARGS...]   wait up to 120 s until CMD prints at least N lines; returns 1 if
#   it never did.
sl_wait_lines() {
  local n=$1 i
  shift
  for i in $(seq 1200); do
    [[ $("$@" | wc -l) -ge $n ]] && return 0
    sleep 0.1
  done
  return 1
}

# sl_start_copies EXE N   start N copies of ./EXE (a consumerGroup query), copy c writing
#   EXEc.progress, EXEc.out and EXEc.err; their pids in the array pids, killed when the test exits.
sl_start_copies() {
  local c
  pids=()
  for ((c = 0; c < $2; c++)); do
    "./$1" --progress "$1$c.progress" > "$1$c.out" 2> "$1$c.err" &
    pids+=($!)
  done
  sl_at_exit 'kill -KILL "${pids[@]}" 2> /dev/null'
}

# sl_stop PID WHAT ERRFILE   SIGTERM to PID (a child of the test), which must exit 0: otherwise a
#   failed check naming WHAT, with ERRFILE's text.
sl_stop() {
  kill -TERM "$1"
  local rc=0
  wait "$1" || rc=$?
  [[ $rc -eq 0 ]] || fail "$2 exited $rc after SIGTERM: $(cat "$3")"
}

# sl_expect NAME FILE   compare FILE with the text on standard input: pass NAME, or fail with the
#   diff.
sl_expect() {
  if diff -u - "$2" > "$1.diff"; then
    pass "$1"
  else
    fail "$1: output differs:"$'\n'"$(cat "$1.diff")"
  fi
}

sl_test_end() {
  if [[ $failures -ne 0 ]]; then
    echo "$sl_test_name: $failures check(s) failed" >&2
    exit 1
  fi
  echo "$sl_test_name: all checks passed"
}

# sl_kafka_start KAFKA_MOCK [ARGS...]   start tests/tools/kafka_mock (e.g. --topic events:4):
#   $kafka_boot: its bootstrap servers; sl_kafka_cmd LINE sends it a command (topic, down, up)
#   and prints its answer; it stops when the test exits.
sl_kafka_start() {
  local bin=$1
  shift
  mkfifo "$tmp/kafka.in"
  "$bin" "$@" < "$tmp/kafka.in" > "$tmp/kafka.out" 2> "$tmp/kafka.err" &
  sl_kafka_pid=$!
  exec {sl_kafka_fd}> "$tmp/kafka.in"
  local i
  for i in $(seq 600); do # up to 30 s: a loaded machine starts it slowly
    kafka_boot=$(head -n 1 "$tmp/kafka.out" 2> /dev/null || true)
    [[ -n $kafka_boot ]] && break
    sleep 0.05
  done
  if [[ -z $kafka_boot ]]; then
    echo "$sl_test_name: kafka_mock did not start: $(cat "$tmp/kafka.err")" >&2
    exit 1
  fi
  sl_at_exit 'exec {sl_kafka_fd}>&-; wait $sl_kafka_pid 2> /dev/null'
}

# sl_kafka_test NAME SLUICE KAFKA_MOCK [MOCK ARGS...]   the start of a Kafka script test, after
#   its usage check: sl_test_begin NAME, $sluice (absolute), kcat checked, kafka_mock started
#   with MOCK ARGS (sl_kafka_start), and the working directory $tmp.
sl_kafka_test() {
  sl_test_begin "$1"
  sluice=$(realpath "$2")
  local mock
  mock=$(realpath "$3")
  shift 3
  if ! command -v kcat > /dev/null; then
    echo "$sl_test_name: kcat is not installed (scripts/setup.sh installs it)" >&2
    exit 1
  fi
  sl_kafka_start "$mock" "$@"
  cd "$tmp"
}

# sl_committed_kafka_rows LOGS   the rows a files sink committed, "<v> <partition> <offset>" per
#   row (json columns v, partition, offset), sorted: the files listed in the sink logs LOGS (a
#   glob of _spark_metadata directories, e.g. 'out/*/_spark_metadata'), never a directory listing.
sl_committed_kafka_rows() {
  python3 - "$1" << 'PY'
import glob, json, os, sys
rows = []
for log in glob.glob(sys.argv[1] + "/*"):
    if not os.path.basename(log).isdigit():
        continue
    for entry in open(log).read().splitlines()[1:]:
        if not entry.startswith("{"):
            continue  # the checksum trailer
        path = json.loads(entry)["path"]
        path = path[len("file://"):] if path.startswith("file://") else path
        for line in open(path):
            r = json.loads(line)
            rows.append("%s %d %d" % (r["v"], r["partition"], r["offset"]))
print("\n".join(sorted(rows)))
PY
}

# sl_manifest_rows RUNDIR OUTFILE: the rows of the part files listed in RUNDIR/out/_spark_metadata,
# sorted, into OUTFILE (json part files part-00000-<19 digits>.json, the files sink's names).
# Prints the problems and returns 1 when the manifest is inconsistent: an entry that is not
# "v1" and file entries, a listed file missing, of another size or listed twice, anything in
# RUNDIR/out but part files and manifest entries (a temporary file, hidden or not).
sl_manifest_rows() {
  local dir=$1/out meta=$1/out/_spark_metadata rows=$2 bad=0
  local listed=$1/listed.txt
  : > "$rows.unsorted"
  : > "$listed"
  if [[ ! -d $meta ]]; then
    echo "  no manifest directory $meta"
    return 1
  fi
  local entry
  while IFS= read -r entry; do
    local first=1 line
    while IFS= read -r line || [[ -n $line ]]; do
      if ((first)); then
        first=0
        if [[ $line != v1 ]]; then
          echo "  manifest entry $entry: first line '$line', expected 'v1'"
          bad=1
          break
        fi
        continue
      fi
      [[ $line == '#'* ]] && continue # the checksum trailer
      if [[ ! $line =~ ^\{\"path\":\"file://([^\"]*)\",\"size\":([0-9]+),.*\"action\":\"add\"\}$ ]]; then
        echo "  manifest entry $entry: not a file entry: $line"
        bad=1
        continue
      fi
      local uri=${BASH_REMATCH[1]} size=${BASH_REMATCH[2]} path
      path=$(printf '%b' "${uri//%/\\x}") # percent-decoding
      echo "$path" >> "$listed"
      if [[ ! -f $path ]]; then
        echo "  manifest entry $entry lists $path, which does not exist"
        bad=1
        continue
      fi
      local real
      real=$(stat -c %s "$path")
      if [[ $real != "$size" ]]; then
        echo "  manifest entry $entry lists $path with size $size, the file has $real"
        bad=1
      fi
      cat "$path" >> "$rows.unsorted"
    done < "$meta/$entry"
  done < <(find "$meta" -maxdepth 1 -type f -regex '.*/[0-9]+' -printf '%f\n' | sort -n)
  local dups
  dups=$(sort "$listed" | uniq -d)
  if [[ -n $dups ]]; then
    echo "  files listed more than once: $dups"
    bad=1
  fi
  # Nothing but part files, manifest entries and query-id: no temporary file, hidden or not.
  local stray
  stray=$(find "$dir" -mindepth 1 \( -type d -path "$meta" -prune \) -o -print |
    grep -Ev '/part-00000-[0-9]{19}\.json$' || true)
  stray+=$(find "$meta" -mindepth 1 -print | grep -Ev '/([0-9]+|query-id)$' || true)
  if [[ -n $stray ]]; then
    echo "  unexpected files in the output (temporary files?):"
    echo "$stray" | sed 's/^/    /'
    bad=1
  fi
  # Part files no entry lists are invisible to readers: only worth a note.
  local unlisted
  unlisted=$(comm -23 <(find "$dir" -maxdepth 1 -name 'part-*' | sort) <(sort "$listed"))
  if [[ -n $unlisted ]]; then
    echo "  note: part files not in the manifest (ignored): $(echo "$unlisted" | wc -l)"
  fi
  sort "$rows.unsorted" > "$rows"
  rm -f "$rows.unsorted"
  return $bad
}

# sl_ssjoin_query DATA NAME: a stream-stream join of the JSON Lines events (time, action) in
# DATA with themselves one to two seconds later, the sides reading 1 and 2 files per trigger
# (so each batch joins with state restored from the checkpoint, state/2/), into a files sink
# `out` (json, append), checkpoint `ckpt`, query name NAME.
sl_ssjoin_query() {
  cat << EOF
CREATE SOURCE a (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = '$1', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE b (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = '$1', format = 'json', maxFilesPerTrigger = 2);
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO out
SELECT a.action, a.time AS t1, b.time AS t2 FROM a JOIN b
  ON a.action = b.action AND b.time BETWEEN a.time + INTERVAL 1 SECOND AND a.time + INTERVAL 2 SECONDS
WITH (name = '$2', outputMode = 'append', checkpointLocation = 'ckpt');
EOF
}

sl_kafka_cmd() {
  local before
  before=$(wc -l < "$tmp/kafka.out")
  echo "$*" >&"$sl_kafka_fd"
  local i
  for i in $(seq 100); do
    [[ $(wc -l < "$tmp/kafka.out") -gt $before ]] && break
    sleep 0.05
  done
  tail -n 1 "$tmp/kafka.out"
}

# sl_pg_start   start a private PostgreSQL server (loopback only, trust auth, as root through
#   runuser): $pg_conn is its connection string; it stops when the test exits.
sl_pg_start() {
  local bin
  bin=$(pg_config --bindir 2> /dev/null || true)
  [[ -x $bin/initdb ]] || bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | tail -n 1)
  # Its own directory: the server's user must reach it, and $tmp is private to this one.
  sl_pg_base=$(mktemp -d "${TMPDIR:-/tmp}/$sl_test_name-pg.XXXXXX")
  local base=$sl_pg_base
  local run=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$base"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$base/data" -U postgres --auth=trust -E UTF8 --no-locale -N \
    > "$base/initdb.log" 2>&1 || { echo "$sl_test_name: initdb failed: $(cat "$base/initdb.log")" >&2; exit 1; }
  # A random port; another one when it is taken (another test's server, or anything else).
  local port tries=0
  while :; do
    port=$((20000 + RANDOM % 20000))
    "${run[@]}" "$bin/pg_ctl" -D "$base/data" -l "$base/log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $base -c fsync=off" start > /dev/null 2>&1 && break
    tries=$((tries + 1))
    if [[ $tries -ge 5 ]] || ! grep -q "Address already in use" "$base/log"; then
      echo "$sl_test_name: postgres did not start: $(cat "$base/log")" >&2
      exit 1
    fi
    : > "$base/log"
  done
  pg_conn="host=127.0.0.1 port=$port user=postgres dbname=postgres"
  sl_pg_stop="${run[*]} $bin/pg_ctl -D $base/data -m immediate -w stop"
  sl_at_exit '$sl_pg_stop > /dev/null 2>&1; rm -rf "$sl_pg_base"'
}
