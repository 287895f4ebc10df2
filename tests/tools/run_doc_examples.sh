#!/usr/bin/env bash
# run_doc_examples.sh - every ```sql example of docs/connectors.md is a whole program that
# `sluice check` accepts, so the documented options and spellings stay true.
#
#   run_doc_examples.sh <sluice> <gen_activity> <source dir>
#
# The examples name paths under examples/ as from the repository root: they are checked in a
# work directory holding examples/data/events and examples/data/activity (generated; the
# activity files are what `inferSchema` reads).
set -euo pipefail
sluice=$(realpath "$1")
gen_activity=$(realpath "$2")
src=$(realpath "$3")
. "$(dirname "${BASH_SOURCE[0]}")/test_lib.sh"
sl_test_begin doc_examples
cd "$tmp"
mkdir -p examples/data/events
"$gen_activity" --out examples/data/activity --files 1 --lines-per-file 10 > /dev/null
doc=$src/docs/connectors.md
awk '/^```sql$/ { n++; inb = 1; f = sprintf("example-%02d.sql", n); start[n] = NR; next }
     /^```$/   { inb = 0; next }
     inb       { print > f }' "$doc"
n=0
for f in example-*.sql; do
  n=$((n + 1))
  if "$sluice" check "$f" > "$f.log" 2>&1; then
    pass "$f"
  else
    fail "$f (docs/connectors.md, block $n): $(head -n 1 "$f.log")"
  fi
done
[[ $n -gt 0 ]] || fail "no sql examples found in $doc"
sl_test_end
