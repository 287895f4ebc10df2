# test_lib.sh - what the script tests share: a private temporary directory and the counting of
# checks.  Sourced by a test after `set -euo pipefail`:
#
#   sl_test_begin NAME    $tmp: a fresh directory, removed on exit; pass MSG / fail MSG report
#                         one check as "NAME: ok: MSG" / "NAME: FAIL: MSG" (stderr)
#   sl_test_end           "NAME: all checks passed", or the failures and exit 1

sl_test_begin() {
  sl_test_name=$1
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/$sl_test_name.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  failures=0
}

fail() {
  echo "$sl_test_name: FAIL: $*" >&2
  failures=$((failures + 1))
}

pass() { echo "$sl_test_name: ok: $*"; }

sl_test_end() {
  if [[ $failures -ne 0 ]]; then
    echo "$sl_test_name: $failures check(s) failed" >&2
    exit 1
  fi
  echo "$sl_test_name: all checks passed"
}
