#!/usr/bin/env bash
# demo.sh - build sluice, generate the sample events data and run the seed query.
#
#   scripts/demo.sh
#
# Generates 50 files x 2,000 events into examples/data/events, compiles
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

build/compiler/sluice build "$query" -o build/events_windowed_counts
echo "demo: built build/events_windowed_counts; running it"
build/events_windowed_counts --trigger availableNow
