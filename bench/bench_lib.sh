# bench_lib.sh - functions the benchmark scripts share (sourced, not run).
# shellcheck shell=bash

median() { # numbers on stdin -> median
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1;
    m = int((NR + 1) / 2); print (NR % 2) ? v[m] : (v[m] + v[m + 1]) / 2 }'
}

# elapsed START END -> seconds, from two $EPOCHREALTIME values
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f\n", b - a }'; }

# The last batch's table of a console sink output -> sorted "action,window_start,count".
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
        sub(/^ *\{/, "", w); sub(/,.*$/, "", w)
        print a "," w "," c
      }
    }' "$1" | sort
}
