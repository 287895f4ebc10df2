#!/usr/bin/env bash
# test.sh - the whole test suite.
#
#   scripts/test.sh
#
# 1. scripts/setup.sh (dependencies + Release build in build/), then every ctest there;
# 2. an AddressSanitizer/UBSan Debug tree in build-asan, with the unit and golden tests;
# 3. every libFuzzer target for 20 s from its seed corpus (scripts/fuzz.sh --smoke, build-fuzz).
# Exits non-zero if anything failed; ends with ctest's summary lines.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

status=0
jobs=$(nproc)

scripts/setup.sh
cmake --build build -j"$jobs"

ctest --test-dir build --output-on-failure -j2 2>&1 | tee build/ctest.log || status=1

asan_ok=1
if ! cmake -S . -B build-asan -DSLUICE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug; then
  asan_ok=0
elif ! cmake --build build-asan -j"$jobs"; then
  asan_ok=0
fi
if [[ $asan_ok -eq 1 ]]; then
  ctest --test-dir build-asan --output-on-failure -j2 -L 'unit|golden' 2>&1 | tee build-asan/ctest.log || status=1
else
  echo "test: the sanitizer build (build-asan) failed" >&2
  status=1
fi

fuzz_ok=1
mkdir -p build-fuzz
scripts/fuzz.sh --smoke 2>&1 | tee build-fuzz/fuzz-smoke.log || { status=1; fuzz_ok=0; }

echo
echo "== test summary =="
echo "build (Release, all tests):"
grep -E '^[0-9]+% tests passed|^No tests were found' build/ctest.log || echo "(no ctest summary)"
if [[ $asan_ok -eq 1 ]]; then
  echo "build-asan (sanitizers, unit|golden):"
  grep -E '^[0-9]+% tests passed|^No tests were found' build-asan/ctest.log || echo "(no ctest summary)"
fi
echo "build-fuzz (libFuzzer targets, 20 s each):"
grep -E '^fuzz: [a-z]+ (ok|FAILED)|^fuzz: the fuzz build' build-fuzz/fuzz-smoke.log || echo "(no fuzz summary)"
[[ $fuzz_ok -eq 1 ]] || echo "fuzz: findings are saved in fuzz-out/crashes/ (see docs/testing.md)"
exit "$status"
