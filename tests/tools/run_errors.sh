#!/usr/bin/env bash
# run_errors.sh - negative tests: every <dir>/*.sql must be refused by `sluice check`.
#
#   run_errors.sh <sluice> <dir>
#
# A test file starts with one or more lines
#   -- expect: <line>:<col>: <message>
# `sluice check --diag-format=machine <dir>/<name>.sql` must exit with 1 and
# print exactly the lines `error|<dir>/<name>.sql|<line>|<col>|<message>`, in
# that order (the file is the path as passed). Lines of other kinds (human
# text, warnings) are not compared. Ends with "N passed, M failed".
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <sluice> <dir>" >&2
  exit 2
fi
sluice=$1
dir=${2%/}
if [[ ! -x $sluice ]]; then
  echo "run_errors: not an executable: $sluice" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/errors.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
shopt -s nullglob
for f in "$dir"/*.sql; do
  # Expected diagnostics: the leading "-- expect:" lines.
  : > "$tmp/want"
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    if [[ $line =~ ^--[[:space:]]*expect:[[:space:]]*([0-9]+):([0-9]+):[[:space:]]?(.*)$ ]]; then
      printf 'error|%s|%s|%s|%s\n' "$f" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" \
        "${BASH_REMATCH[3]}" >> "$tmp/want"
    else
      break
    fi
  done < "$f"

  why=""
  if [[ ! -s $tmp/want ]]; then
    why="no '-- expect: <line>:<col>: <message>' line at the top"
  else
    rc=0
    "$sluice" check --diag-format=machine "$f" > "$tmp/out" 2>&1 || rc=$?
    grep '^error|' "$tmp/out" > "$tmp/got" || true
    if [[ $rc -ne 1 ]]; then
      why="exit code $rc, expected 1"
    elif ! cmp -s "$tmp/want" "$tmp/got"; then
      why="diagnostics differ"
    fi
  fi

  if [[ -z $why ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $f: $why"
    if [[ -s $tmp/want ]]; then
      diff -u --label expected --label actual "$tmp/want" "$tmp/got" || true
      if [[ -s $tmp/out ]]; then
        echo "--- full output:"
        cat "$tmp/out"
      fi
    fi
  fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
