#!/usr/bin/env bash
# run_plans.sh - `sluice explain` of every example compared with tests/plans/<name>.expected.
#
#   run_plans.sh <sluice>          UPDATE_GOLDEN=1 rewrites the expectations.
set -euo pipefail
sluice=$(realpath "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
pass=0
fail=0
for q in examples/*.sql; do
    name=$(basename "$q" .sql)
    expected=tests/plans/$name.expected
    actual=$("$sluice" explain "$q")
    if [[ ${UPDATE_GOLDEN:-0} == 1 ]]; then
        printf '%s\n' "$actual" > "$expected"
    fi
    if [[ -f $expected ]] && diff -u --label "$expected" --label actual "$expected" <(printf '%s\n' "$actual"); then
        pass=$((pass + 1))
    else
        echo "plans: $name differs (or $expected is missing)" >&2
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
