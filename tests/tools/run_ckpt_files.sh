#!/usr/bin/env bash
# run_ckpt_files.sh - what a query does with odd files in its checkpoint and output, end to end.
#
#   run_ckpt_files.sh <sluice>
#
# A files source -> DROP DUPLICATES -> files sink query with checkpointLocation chk, path out:
#   1. a FIFO (or a symbolic link) in place of a checkpoint file the restart reads (metadata,
#      offsets/N, commits/N, a state file, the state schema, the source log, the sink's
#      _spark_metadata/N) stops the restart at once with exit 1 and an error naming the file,
#      never a wait;
#   2. symbolic links planted at the temporary names the run will write (checkpoint files and
#      the part file) leave their targets untouched, and the run succeeds;
#   3. temporary files a killed run left (hidden, of the writers' patterns) are removed on the
#      next start, other hidden files are kept;
#   4. --progress on a full disk (/dev/full) fails the query with exit 1 naming the file.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 <sluice>" >&2
  exit 2
fi
sluice=$(realpath "$1")
# shellcheck source=test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_test_begin ckpt_files

cat > "$tmp/query.sql" << 'EOF'
CREATE SOURCE events (time TIMESTAMP, action STRING)
WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO out SELECT action, time FROM events DROP DUPLICATES (action)
WITH (name = 'q', checkpointLocation = 'chk');
EOF
(cd "$tmp" && "$sluice" build query.sql -o q > /dev/null)

# A fresh dir with the executable and the first data file; run: ran once already.
setup() {
  local dir=$1 run=$2
  mkdir -p "$dir/data/events"
  cp "$tmp/q" "$dir/"
  printf '%s\n' '{"time":1469501675,"action":"Open"}' '{"time":1469501676,"action":"Open"}' \
    > "$dir/data/events/f1.json"
  touch -d @1600000000 "$dir/data/events/f1.json"
  if [[ $run == 1 ]]; then
    (cd "$dir" && ./q --trigger availableNow > run1.out 2> run1.err) ||
      fail "$dir: the first run failed: $(cat "$dir/run1.err")"
  fi
}
more_data() {
  printf '%s\n' '{"time":1469501677,"action":"Close"}' > "$1/data/events/f2.json"
  touch -d @1600000001 "$1/data/events/f2.json"
}

# ---- 1. special files in place of checkpoint files ----
special() {
  local file=$1 how=$2 want=$3
  local dir=$tmp/special_${file//\//_}_$how
  setup "$dir" 1
  [[ -e $dir/$file ]] || { fail "$file: not written by the first run"; return; }
  rm "$dir/$file"
  case $how in
    fifo) mkfifo "$dir/$file" ;;
    link) echo 'x' > "$dir/elsewhere" && ln -s "$dir/elsewhere" "$dir/$file" ;;
  esac
  more_data "$dir"
  local rc=0
  (cd "$dir" && timeout 20 ./q --trigger availableNow > out.txt 2> err.txt) || rc=$?
  if [[ $rc -eq 124 ]]; then
    fail "$file ($how): the restart hung"
  elif [[ $rc -ne 1 ]]; then
    fail "$file ($how): the restart exited $rc, expected 1: $(cat "$dir/err.txt")"
  elif ! grep -qF "$file is $want, not a regular file" "$dir/err.txt"; then
    fail "$file ($how): the error does not name $file as $want: $(cat "$dir/err.txt")"
  else
    pass "$file ($how): $(head -c 200 "$dir/err.txt")"
  fi
}
special chk/metadata fifo "a FIFO"
special chk/offsets/0 fifo "a FIFO"
special chk/commits/0 fifo "a FIFO"
special chk/state/1/1.delta fifo "a FIFO"
special chk/state/1/_metadata/schema fifo "a FIFO"
special chk/sources/0/0 fifo "a FIFO"
special out/_spark_metadata/0 fifo "a FIFO"
special chk/commits/0 link "a symbolic link"

# ---- 2. links planted at the temporary names ----
dir=$tmp/planted
setup "$dir" 0
echo 'precious' > "$dir/target"
mkdir -p "$dir/chk/offsets" "$dir/chk/commits" "$dir/out"
# The checkpoint's temporary names carry the writer's pid: plant them in a shell that then
# becomes the query (exec keeps the pid).
rc=0
(
  cd "$dir"
  pid=$BASHPID
  for f in chk/.metadata chk/offsets/.0 chk/commits/.0; do
    ln -s "$dir/target" "$f.tmp-$pid"
  done
  ln -s "$dir/target" out/.part-00000-0000000000000000000.json.tmp
  exec ./q --trigger availableNow > out.txt 2> err.txt
) || rc=$?
if [[ $rc -ne 0 ]]; then
  fail "planted links: the run exited $rc: $(cat "$dir/err.txt")"
elif [[ $(cat "$dir/target") != precious ]]; then
  fail "planted links: the link target was overwritten: $(head -c 200 "$dir/target")"
elif [[ -L $dir/chk/commits/0 || ! -f $dir/chk/commits/0 || ! -f $dir/out/_spark_metadata/0 ]]; then
  fail "planted links: the checkpoint or the sink was not written: $(ls -laR "$dir/chk" "$dir/out")"
elif find "$dir/chk" "$dir/out" -type l | grep -q .; then
  fail "planted links: links left behind: $(find "$dir/chk" "$dir/out" -type l)"
else
  pass "links planted at the temporary names: targets untouched, the run succeeded"
fi

# ---- 3. temporary files of a killed run are removed on the next start ----
dir=$tmp/leftovers
setup "$dir" 1
leftovers=(chk/.metadata.tmp-4242 chk/offsets/.1.tmp-99999 chk/commits/.1.tmp-7
  chk/sources/0/.1.tmp-12 chk/state/1/.2.delta.tmp-31337 chk/state/1/_metadata/.schema.tmp-5
  out/.part-00000-0000000000000000001.json.tmp out/_spark_metadata/.1.tmp-77)
keep=(chk/offsets/.notes chk/state/1/.2.delta.tmp-x out/.hidden)
for f in "${leftovers[@]}" "${keep[@]}"; do echo 'half written' > "$dir/$f"; done
more_data "$dir"
rc=0
(cd "$dir" && ./q --trigger availableNow > out.txt 2> err.txt) || rc=$?
left=()
for f in "${leftovers[@]}"; do [[ -e $dir/$f ]] && left+=("$f"); done
gone=()
for f in "${keep[@]}"; do [[ -e $dir/$f ]] || gone+=("$f"); done
if [[ $rc -ne 0 ]]; then
  fail "leftovers: the restart exited $rc: $(cat "$dir/err.txt")"
elif ((${#left[@]})); then
  fail "leftovers: temporary files not removed: ${left[*]}"
elif ((${#gone[@]})); then
  fail "leftovers: files of other names removed: ${gone[*]}"
else
  pass "temporary files of a killed run removed on restart, other files kept"
fi

# ---- 4. --progress on a full disk ----
dir=$tmp/progress
setup "$dir" 0
rc=0
(cd "$dir" && ./q --trigger availableNow --progress /dev/full > out.txt 2> err.txt) || rc=$?
if [[ $rc -ne 1 ]]; then
  fail "--progress /dev/full: exit $rc, expected 1: $(cat "$dir/err.txt")"
elif ! grep -qF 'cannot write progress file /dev/full: No space left on device' "$dir/err.txt"; then
  fail "--progress /dev/full: the error does not name the file: $(cat "$dir/err.txt")"
else
  pass "--progress /dev/full: $(head -c 200 "$dir/err.txt")"
fi

sl_test_end
