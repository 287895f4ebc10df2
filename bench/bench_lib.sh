# bench_lib.sh - functions the benchmark scripts share (sourced, not run).
# shellcheck shell=bash

median() { # numbers on stdin -> median
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1;
    m = int((NR + 1) / 2); print (NR % 2) ? v[m] : (v[m] + v[m + 1]) / 2 }'
}

# elapsed START END -> seconds, from two $EPOCHREALTIME values
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f\n", b - a }'; }

# The last batch's table of a console sink output -> its first three columns, sorted
# ("action,window_start,count": a window column gives its start).
normalise_console() {
  awk '
    /^Batch: [0-9]+$/ { n = 0; skip = 1; grab = 1; next }
    skip              { skip = 0; next }
    grab && $0 == ""  { grab = 0; next }
    grab              { buf[n++] = $0 }
    END {
      rows = 0
      for (i = 0; i < n; i++) {
        line = buf[i]
        if (line ~ /^only showing top/) { print "TRUNCATED: " line; continue }
        if (line !~ /^\|/) continue
        if (++rows == 1) continue               # header
        split(line, f, "|")
        a = f[2]; w = f[3]; c = f[4]
        gsub(/^ +| +$/, "", a); gsub(/^ +| +$/, "", c)
        sub(/^ *\{/, "", w); sub(/,.*$/, "", w); gsub(/^ +| +$/, "", w)
        print a "," w "," c
      }
    }' "$1" | sort
}

# data_bytes DIR -> the total size of DIR/file-*.json
data_bytes() {
  find "$1" -maxdepth 1 -name 'file-*.json' -printf '%s\n' 2> /dev/null | awk '{ s += $1 } END { print s + 0 }'
}

# gen_events_once DIR STAMP EVENTS GEN_OPTION...   runs gen_events (\$GEN_EVENTS, else compiled into
#   \$out from tests/tools/gen_events.c) into DIR unless STAMP records the same options and size.
gen_events_once() {
  local data=$1 stamp=$2 events=$3 t0 t1
  shift 3
  local want_stamp="gen_events $*"
  if [[ -f $stamp && $(head -n 1 "$stamp") == "$want_stamp" && $(sed -n 2p "$stamp") == "$(data_bytes "$data")" ]]; then
    echo "data: $data already generated ($(data_bytes "$data") bytes)"
    return
  fi
  if [[ ! -x $GEN_EVENTS ]]; then
    # shellcheck disable=SC2154 # $out: the calling script's output directory
    GEN_EVENTS=$out/gen_events
    cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -o "$GEN_EVENTS" tests/tools/gen_events.c
  fi
  rm -rf "$data" "$stamp"
  t0=$EPOCHREALTIME
  "$GEN_EVENTS" --out "$data" "$@"
  t1=$EPOCHREALTIME
  printf '%s\n%s\n' "$want_stamp" "$(data_bytes "$data")" > "$stamp"
  echo "data: generated $events events, $(data_bytes "$data") bytes in $(elapsed "$t0" "$t1") s"
}

# bench_die SCRIPT MESSAGE...: "SCRIPT: MESSAGE" on stderr, exit 1.
bench_die() {
  local who=$1
  shift
  echo "$who: $*" >&2
  exit 1
}

# bench_runs SCRIPT ARG...: the run count of a script whose only option is --runs N (default
#   5), on stdout; a usage message (exit 2) for anything else.
bench_runs() {
  local who=$1 runs=5
  shift
  while [[ $# -gt 0 ]]; do
    case $1 in
      --runs) runs=${2:?--runs needs a number}; shift 2 ;;
      *) echo "usage: $who [--runs N]" >&2; exit 2 ;;
    esac
  done
  [[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "$who: bad run count '$runs'" >&2; exit 2; }
  echo "$runs"
}
