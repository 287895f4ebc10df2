#!/usr/bin/env bash
# run_live_page.sh - the live page (GET / of --serve) in headless Chromium: loads it twice (the
# default chart settings, and settings in the URL fragment), lets it poll for a few seconds of
# virtual time, checks that it wrote nothing to the console (errors, failed loads, anything) and
# that every SVG point and table cell equals what the API answers (check_live_page.py); then
# works each table's chart controls over the DevTools protocol (cdp_live_page.py); and keeps a
# screenshot.  Skips (exit 77) when chromium is not installed.
#
#   run_live_page.sh [--out DIR] [--url BASE | --exe COMMAND [ARGS...]]
#
# By default it starts tests/tools/serve_mock.py, which serves the page's source files and
# deterministic data, and checks the mock's exact queries, tables and batch counts.  With --url
# it checks a running server; with --exe it starts COMMAND ARGS (all the arguments after --exe,
# e.g. `--exe ./counts --serve 0 --trigger '2 seconds'`), takes the URL from the first line of
# its stderr (`serving http://HOST:PORT/`) and stops it at the end.  --out keeps
# page-default.html, page-fragment.html, the Chromium logs and live_page.png there (default: a
# temporary directory, removed).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
url=
out=
server=(python3 "$root/tests/tools/serve_mock.py" --port 0) # prints `serving URL` first on stderr
mock=(--mock)
while [[ $# -gt 0 ]]; do
    case $1 in
        --url) url=$2; server=(); mock=(); shift 2 ;;
        --out) out=$2; shift 2 ;;
        --exe) shift; server=("$@"); mock=(); break ;;
        *) echo "usage: run_live_page.sh [--out DIR] [--url BASE | --exe COMMAND [ARGS...]]" >&2; exit 2 ;;
    esac
done
chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chromium ]]; then
    echo "live_page: SKIPPED: chromium is not installed (Debian: apt-get install chromium)"
    exit 77
fi
# shellcheck source=tests/tools/test_lib.sh
source "$root/tests/tools/test_lib.sh"
sl_test_begin live_page
if [[ -z $out ]]; then out=$tmp/out; fi
mkdir -p "$out"

if [[ ${#server[@]} -gt 0 ]]; then
    "${server[@]}" > "$tmp/server.out" 2> "$tmp/server.err" &
    server_pid=$!
    sl_at_exit "kill $server_pid 2> /dev/null"
    for _ in $(seq 100); do
        url=$(sed -n '1s/^serving \(http:[^ ]*\)$/\1/p' "$tmp/server.err" 2> /dev/null || true)
        [[ -n $url ]] && break
        kill -0 "$server_pid" 2> /dev/null || break
        sleep 0.1
    done
    if [[ -z $url ]]; then
        fail "the server did not start (${server[*]}): $(cat "$tmp/server.err")"
        sl_test_end
    fi
fi
url=${url%/}/

# Chromium in a container: no sandbox (root), no GPU, its own profile; the page's console
# messages go to stderr as `INFO:CONSOLE(...)` lines.  Virtual time runs the page's 1-second
# polls without waiting for them (the mock reaches its last batch at the 4th poll).
browse() { # browse OUTFILE ARGS...: run Chromium on the page, stderr to OUTFILE.log
    local log=$1.log
    shift
    timeout 120 "$chromium" --headless=new --no-sandbox --disable-gpu --no-first-run \
        --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
        --virtual-time-budget=8000 "$@" 2> "$log"
}
fragment='counts.key=window&counts.kind=line&raw.key=label&raw.value=ratio&raw.agg=avg'
for view in default fragment; do
    page=$url
    frag=
    if [[ $view == fragment ]]; then
        page=$url#$fragment
        frag=$fragment
    fi
    # A live server may write a table's next batch between the page's last poll and the check
    # (check_live_page.py exits 3): load the page again, at most 4 times.
    for attempt in 1 2 3 4; do
        if ! browse "$out/page-$view" --dump-dom "$page" > "$out/page-$view.html"; then
            tail -20 "$out/page-$view.log" >&2
            fail "chromium failed on $page (log: $out/page-$view.log)"
            continue 2
        fi
        rc=0
        python3 "$root/tests/tools/check_live_page.py" --url "$url" --dom "$out/page-$view.html" \
            --fragment "$frag" "${mock[@]}" || rc=$?
        [[ $rc == 3 && $attempt -lt 4 ]] || break
    done
    if grep -q ':CONSOLE' "$out/page-$view.log"; then
        fail "$view view: the page wrote to the console:
$(grep ':CONSOLE' "$out/page-$view.log")"
    else
        pass "$view view: nothing on the console"
    fi
    if [[ $rc == 0 ]]; then
        pass "$view view equals the API"
    else
        fail "$view view differs from the API (DOM: $out/page-$view.html)"
    fi
done
# The chart controls, driven over the DevTools protocol (cdp_live_page.py).
if timeout 120 python3 "$root/tests/tools/cdp_live_page.py" --chromium "$chromium" --url "$url" \
        --profile "$tmp/cdp-profile"; then
    pass "the chart controls redraw the charts"
else
    fail "the chart controls (cdp_live_page.py)"
fi
if browse "$out/screenshot" --hide-scrollbars --window-size=1280,2000 \
        --screenshot="$out/live_page.png" "$url#$fragment" > /dev/null && [[ -s $out/live_page.png ]]; then
    pass "screenshot $out/live_page.png"
else
    fail "no screenshot (log: $out/screenshot.log)"
fi
sl_test_end
