#!/usr/bin/env python3
"""line_ends_mapped.py - files of more than a megabyte (the files source maps them, and on
several threads its tasks make their lone "\\r"s line ends, SrtReadPos.lf_later) whose lines
end in "\\n", "\\r\\n" or a lone "\\r", and the figures Spark reads from them.

  line_ends_mapped.py gen DIR     writes DIR/text/t.txt, DIR/json/j.json, DIR/csvh/c.csv
  line_ends_mapped.py expect DIR  prints the expected rows, one a query, as "|a|b|c|..."

Lines end as Hadoop's LineReader.readDefaultLine ends them (HadoopFileLinesReader, no
lineSep): at "\\n", at "\\r\\n", at a "\\r" not followed by "\\n", and at the end of the file.
The line ends are drawn from a fixed seed; lines 100000 to 259999 end in a lone "\\r" only, so
a whole megabyte holds no "\\n" (the source settles such a window itself), lines 20000 to 24999
too, more than the 32 KB window in which the reader settles a buffer before its loop reads it
(SRT_LF_WINDOW: such a window holds no "\\n", the rest of the buffer is settled at once), and
the files end in a lone "\\r".  Every 97th line is empty: the text format keeps it (unless the "\r" before it
and its "\n" make one "\r\n"), JSON and CSV skip blank lines.  The expected figures come
from splitting the files' text at those line ends here.
"""
import json
import os
import re
import random
import sys

N = 320000


def ends():
    rnd = random.Random(20240607)
    out = []
    for i in range(N):
        if 20000 <= i < 25000 or 100000 <= i < 260000 or i == N - 1:
            out.append("\r")
        else:
            out.append(rnd.choice(["\n", "\r\n", "\r"]))
    return out


def text_line(i):
    return "" if i % 97 == 0 else "l%d" % i


def gen(d):
    e = ends()
    for sub in ("text", "json", "csvh"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    with open(os.path.join(d, "text", "t.txt"), "w", newline="") as f:
        f.write("".join(text_line(i) + e[i] for i in range(N)))
    with open(os.path.join(d, "json", "j.json"), "w", newline="") as f:
        f.write("".join(("" if i % 97 == 0 else '{"a":%d,"s":"x%d"}' % (i, i % 7)) + e[i]
                        for i in range(N)))
    with open(os.path.join(d, "csvh", "c.csv"), "w", newline="") as f:
        f.write("id,name\r")  # the header ends in a lone "\r" too
        f.write("".join(("" if i % 97 == 0 else "%d,n%d" % (i, i % 5)) + e[i] for i in range(N)))


def lines(path):
    """The file's lines as LineReader reads them: ended by "\r\n", "\n" or "\r"."""
    with open(path, "rb") as f:
        data = f.read().decode()
    out = re.split("\r\n|\n|\r", data)
    if out and out[-1] == "":  # the file ends in a line end: no line after it
        out.pop()
    return out


def expect(d):
    t = lines(os.path.join(d, "text", "t.txt"))
    # text: count(*), empty lines, sum(length(value)), sum of the numbers after "l"
    print("|%d|%d|%d|%d|" % (len(t), t.count(""), sum(map(len, t)),
                             sum(int(v[1:]) for v in t if v)))
    js = [json.loads(v) for v in lines(os.path.join(d, "json", "j.json")) if v.strip()]
    # json: count(*), sum(a), sum(length(s))
    print("|%d|%d|%d|" % (len(js), sum(r["a"] for r in js), sum(len(r["s"]) for r in js)))
    cs = [v.split(",") for v in lines(os.path.join(d, "csvh", "c.csv"))[1:] if v.strip()]
    # csv with header: count(*), sum(id), sum(length(name))
    print("|%d|%d|%d|" % (len(cs), sum(int(r[0]) for r in cs), sum(len(r[1]) for r in cs)))


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(sys.argv[2])
    else:
        expect(sys.argv[2])
