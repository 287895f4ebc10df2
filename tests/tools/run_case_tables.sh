#!/usr/bin/env bash
# run_case_tables.sh - runtime/src/formats/srt_case_table.h is what scripts/gen_case_tables.py makes
# from the Unicode data of Debian's unicode-data (scripts/setup.sh installs it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ucd=${UCD_DIR:-/usr/share/unicode}
if [[ ! -f $ucd/UnicodeData.txt ]]; then
  echo "case_tables: $ucd/UnicodeData.txt is missing (install unicode-data)" >&2
  exit 1
fi
python3 "$root/scripts/gen_case_tables.py" "$ucd" | diff -u "$root/runtime/src/formats/srt_case_table.h" -
echo "srt_case_table.h is up to date"
