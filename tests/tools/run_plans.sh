#!/usr/bin/env bash
# run_plans.sh - `sluice explain` of every example compared with tests/plans/<name>.expected.
#
#   run_plans.sh <sluice> <tools_bin_dir>     UPDATE_GOLDEN=1 rewrites the expectations.
#
# Runs in a temp dir holding a copy of examples/ and the data an example's schema is
# inferred from (gen_activity into examples/data/activity), so explain sees what a
# build would.
set -euo pipefail
sluice=$(realpath "$1")
tools=$(realpath "$2")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plans.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/examples/data"
cp "$root"/examples/*.sql "$tmp/examples/"
"$tools/gen_activity" --out "$tmp/examples/data/activity" --files 2 --lines-per-file 50 --seed 3 > /dev/null
cd "$tmp"
pass=0
fail=0
for q in examples/*.sql; do
    name=$(basename "$q" .sql)
    expected=$root/tests/plans/$name.expected
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
