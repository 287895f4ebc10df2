#!/usr/bin/env bash
# demo.sh - build sluice, generate the data of every example and run the seed query.
#
#   scripts/demo.sh
#
# Generates 50 files x 2,000 events into examples/data/events (and the activity and
# e-commerce data the other examples read into examples/data/), compiles
# examples/events_windowed_counts.sql into build/events_windowed_counts and runs
# it with --trigger availableNow, from the repository root (the query's relative
# paths are relative to it).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/setup.sh

query=examples/events_windowed_counts.sql
if [[ ! -f $query ]]; then
  echo "demo: $query is missing" >&2
  exit 1
fi

rm -rf examples/data/events
build/tests/tools/gen_events --out examples/data/events --files 50 --lines-per-file 2000
echo "demo: generated 50 files x 2,000 events in examples/data/events"
rm -rf examples/data/activity examples/data/ecommerce
build/tests/tools/gen_activity --out examples/data/activity --files 10 --lines-per-file 1000 --seed 3 > /dev/null
build/tests/tools/gen_ecommerce --out examples/data/ecommerce --files 10 --lines-per-file 1000 > /dev/null
echo "demo: generated examples/data/activity and examples/data/ecommerce for the other examples"

build/compiler/sluice build "$query" -o build/events_windowed_counts
echo "demo: built build/events_windowed_counts; running it"
build/events_windowed_counts --trigger availableNow
