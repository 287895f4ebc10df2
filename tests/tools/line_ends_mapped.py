#!/usr/bin/env python3
"""line_ends_mapped.py - files of more than a megabyte (the files source maps them, and on
several threads its tasks make their lone "\\r"s line ends, SrtReadPos.lf_later) whose lines
end in "\\n", "\\r\\n" or a lone "\\r", and the figures Spark reads from them.

  line_ends_mapped.py gen DIR     writes DIR/text/t.txt, DIR/json/j.json, DIR/csvh/c.csv,
                                  DIR/jcr/k.json
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

DIR/jcr/k.json repeats json_cr_lines.py's lines (a "\r" in every place the JSON source's
expected shape could meet one), numbered on, some with a longer action; in its first megabyte
(one buffer the source hands over) a "\r\n", a lone "\r" or a "\n" is put right at the end
of each 32 KB window the reader takes (SRT_LF_WINDOW: a window ends at the last "\n" in its
32 KB, so the edge falls between a "\r" and its "\n"), and near its end 1,000 lines end in a
lone "\r" only (more than a window without a "\n").  Its figures are json_cr_lines.py's rows.
"""
import json
import os
import re
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import json_cr_lines as jl  # noqa: E402

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


WINDOW = 32 << 10


def jcr_text():
    """DIR/jcr/k.json's text (see above)."""
    rnd = random.Random(20261205)
    parts, size, start, n, edges = [], 0, 0, 0, 0
    longest = max(len(jl.fill(f, 10 ** 7)) for f in jl.FRAGMENTS) + 40
    while size < 1400000:
        n += 1
        cut = start + WINDOW
        if edges < 27 and size + longest >= cut - 1:
            # a line whose end's first byte is the window's last
            room = cut - 1 - size
            line = jl.fill('{"time":T,"action":"","x":1,"n":N}', n)
            line = (line.replace('"action":""', '"action":"%s"' % ("P" * (room - len(line))))
                    if room >= len(line) else " " * room)
            parts.append(line + ["\r\n", "\r", "\n"][edges % 3])
            edges += 1
            text = "".join(parts)
            size = len(text)
            start = text.rfind("\n", start, cut) + 1
            if start == 0:
                edges = 27
            continue
        if 1200000 <= size < 1245000:
            line = jl.fill(jl.FRAGMENTS[1], n)  # a lone "\r" only
        else:
            line = jl.fill(rnd.choice(jl.FRAGMENTS), n)
            if rnd.random() < 0.3:
                line = line.replace('"Open"', '"Open%s"' % ("e" * rnd.randrange(12)))
        parts.append(line)
        size += len(line)
    return "".join(parts) + jl.fill(jl.FRAGMENTS[1], n + 1)


def gen(d):
    e = ends()
    os.makedirs(os.path.join(d, "jcr"), exist_ok=True)
    with open(os.path.join(d, "jcr", "k.json"), "w", newline="") as f:
        f.write(jcr_text())
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
    with open(os.path.join(d, "jcr", "k.json"), newline="") as f:
        rs = jl.rows(f.read())
    # the carriage returns: count(*), count(time), count(_corrupt_record), sum(n),
    # sum(length(action)), sum(length(_corrupt_record))
    print("|%d|%d|%d|%d|%d|%d|" % (len(rs), sum(r[0] is not None for r in rs),
                                   sum(r[3] is not None for r in rs),
                                   sum(r[2] for r in rs if r[2] is not None),
                                   sum(len(r[1]) for r in rs if r[1] is not None),
                                   sum(len(r[3]) for r in rs if r[3] is not None)))
    # the same, DROPMALFORMED: count(*), sum(n), sum(length(action)) of the rows not malformed
    ok = [r for r in rs if r[3] is None]
    print("|%d|%d|%d|" % (len(ok), sum(r[2] for r in ok), sum(len(r[1]) for r in ok)))


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(sys.argv[2])
    else:
        expect(sys.argv[2])
