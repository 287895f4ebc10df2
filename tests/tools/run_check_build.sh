#!/usr/bin/env bash
# run_check_build.sh - one language: whatever `sluice check` accepts, `sluice build` builds.
#
#   run_check_build.sh <sluice>
#
# Every .sql under tests/ and examples/ (negative tests, goldens, examples; not the fuzz corpora,
# which are arbitrary text) is checked; each one
# check accepts must also build (code generation never refuses what sema let through).  Check
# refuses the negative tests (tests/errors/) and a query whose inferred schema needs data that
# is not there; any other query check refuses is a failure.  Ends with
# "N built, M refused by check, K failed".
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 <sluice>" >&2
  exit 2
fi
sluice=$(realpath "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

built=0
refused=0
failed=0
while IFS= read -r -d '' f; do
  rel=${f#"$root"/}
  if ! (cd "$(dirname "$f")" && "$sluice" check "$f") > "$tmp/out" 2>&1; then
    refused=$((refused + 1))
    if [[ $rel != tests/errors/* ]] && ! grep -qi 'inferSchema' "$f"; then
      failed=$((failed + 1))
      echo "FAIL $rel: check refuses a query that is not a negative test:"
      head -n 3 "$tmp/out" | cut -c1-200 | sed 's/^/  /'
    fi
    continue
  fi
  rc=0
  (cd "$(dirname "$f")" && "$sluice" build "$f" -o "$tmp/q") > "$tmp/out" 2>&1 || rc=$?
  if [[ $rc -eq 0 ]]; then
    built=$((built + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $rel: check accepts it, build exits $rc:"
    sed 's/^/  /' "$tmp/out"
  fi
done < <(find "$root/tests" "$root/examples" -path "$root/tests/fuzz/corpus" -prune -o -name '*.sql' -print0 |
         sort -z)

echo "$built built, $refused refused by check, $failed failed"
[[ $failed -eq 0 && $built -gt 0 ]]
