#!/usr/bin/env python3
"""json_cr_lines.py - JSON lines holding a carriage return ("\\r") in every place the JSON
source's expected shape (codegen's cg_json.c shape_record) could meet one, and the rows Spark
reads from them; shared by the golden json_shape_cr (model.py) and line_ends_mapped.py.

The rule modelled (Spark 3.5's JSON files source, no lineSep, PERMISSIVE):
- Lines end as Hadoop's LineReader.readDefaultLine ends them (HadoopFileLinesReader): at
  "\\n", at "\\r\\n", at a "\\r" not followed by "\\n", and at the end of the file; the line
  end is not part of the line.  So a lone "\\r" anywhere, inside a string or between tokens,
  ends the line there.
- A line that is empty or only spaces and tabs gives no row (JacksonParser.parse: no token).
- A line that is a JSON object gives a row (Jackson's whitespace: space, tab; "\\r" and "\\n"
  never reach it); anything else is malformed: a row of NULLs with the line in
  _corrupt_record (FailureSafeParser).  No line here has text after its object.
- time TIMESTAMP from epoch seconds; action STRING from a string, or the compact text of an
  object or array (Jackson's generator: copyCurrentStructure); x is not read (the query does
  not select it: Spark's parser skips it, malformed skipped values make the line malformed,
  none here is); n BIGINT.

  json_cr_lines.py write FILE     writes the golden's lines (FRAGMENTS once) to FILE
"""
import datetime
import json
import re
import sys

T0 = 1469500000

# Each fragment: a format of one or more lines, T and N replaced by the record's time and
# number.  The comment says where its "\r" is.
FRAGMENTS = [
    '{"time":T,"action":"Open","x":1,"n":N}\n',  # none: the shape takes it
    '{"time":T,"action":"Open","x":1,"n":N}\r',  # a lone "\r" ends the line
    '{"time":T,"action":"Close","x":1,"n":N}\r\n',  # "\r\n" ends it
    '{"time":\rT,"action":"Open","x":1,"n":N}\n',  # a space before the fast value
    '{"time": \rT,"action":"Open","x":1,"n":N}\n',  # after a space before it
    '{"time":T\r,"action":"Open","x":1,"n":N}\n',  # after the fast value
    '{"time":T,\r"action":"Open","x":1,"n":N}\n',  # after ',' before a key
    '{"time":T, \r"action":"Open","x":1,"n":N}\n',  # after ', '
    '{"time":T,"action":\r"Open","x":1,"n":N}\n',  # before a string value
    '{"time":T,"action":"Op\ren","x":1,"n":N}\n',  # raw, in a short string
    '{"time":T,"action":"Opening the door\rnow","x":1,"n":N}\n',  # raw, in a long string
    '{"time":T,"action":"Op\\ren","x":1,"n":N}\n',  # escaped: a "\r" in the value
    '{"time":T,"action":"Opening\\r the door","x":1,"n":N}\n',  # escaped, long string
    '{"time":T,"action":{"k":\r1},"x":1,"n":N}\n',  # in an object a STRING column reads
    '{"time":T,"action":{"k": 1,"m":[2, 3]},"x":1,"n":N}\n',  # none: the object's text
    '{"time":T,"action":"Open","x":\r1,"n":N}\n',  # before a value not read
    '{"time":T,"action":"Open",\r"x":1,"n":N}\n',  # before a key not read
    '{"time":T,"action":"Open","x":[1,\r2],"n":N}\n',  # in an array not read
    '{"time":T,"action":"Open","x":[1, 2],"n":N}\n',  # none: an array not read
    '{"time":T,"action":"Open","x":"a\rb","n":N}\n',  # raw, in a string not read
    '{"time":T,"action":"Open","x":1,"n":\rN}\n',  # before the last value
    '{"time":T,"action":"Open","x":1,"n":N\r}\n',  # before '}'
    '{"time":T,"action":"Open","x":1,"n":N}\r\r\n',  # a lone "\r", then "\r\n": a blank line
    '{"time":T,"action":"Open","x":1,"n":N} \r',  # a space, then a lone "\r"
    '\r{"time":T,"action":"Open","x":1,"n":N}\n',  # first on the line: a blank line first
    '{\r"time":T,"action":"Open","x":1,"n":N}\n',  # after '{'
    '{"time"\r:T,"action":"Open","x":1,"n":N}\n',  # before ':'
    ' \r\n',  # a blank line of a space, "\r\n"
    '\t\r',  # a blank line of a tab, a lone "\r"
    '{"time":"2016-07-26 01:00:00\r","action":"Open","x":1,"n":N}\n',  # raw, in a time
    '{"time": T, "action": "Open", "x": 1, "n": N}\r\n',  # spaces after ':' and ',', "\r\n"
]


def fill(fmt, n):
    return fmt.replace("T", str(T0 + n)).replace("N", str(n))


def golden_text():
    """The golden's file: every fragment once, numbered from 1, the last line ended by a lone
    "\\r" (the end of the file)."""
    return "".join(fill(f, i + 1) for i, f in enumerate(FRAGMENTS)) + fill(FRAGMENTS[1], 99)


def lines(text):
    """The lines of a file's text, as LineReader ends them."""
    out = re.split("\r\n|\n|\r", text)
    if out and out[-1] == "":  # the text ends in a line end: no line after it
        out.pop()
    return out


def record(line):
    """The row of one line: (time, action, n, corrupt) or None for no row."""
    if line.strip(" \t") == "":
        return None
    try:
        v = json.loads(line)
    except ValueError:
        v = None
    if not isinstance(v, dict):
        return (None, None, None, line)
    a = v.get("action")
    if isinstance(a, (dict, list)):
        a = json.dumps(a, separators=(",", ":"))
    t = v.get("time")
    return (t, a, v.get("n"), None)


def rows(text):
    return [r for r in map(record, lines(text)) if r is not None]


def show_time(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


if __name__ == "__main__":
    if sys.argv[1] == "write":
        with open(sys.argv[2], "w", newline="") as f:
            f.write(golden_text())
