# The expected console output of query.sql, from Spark 3.5's JacksonParser converters
# (makeConverter: DoubleType / FloatType take VALUE_NUMBER_INT | VALUE_NUMBER_FLOAT, and a
# VALUE_STRING of one of the six words only `if options.allowNonNumericNumbers`; anything else
# throws, the record is malformed and partial results keep the other fields, an array with a
# bad element is NULL, a struct keeps its good fields) and Jackson 2.15 (the unquoted NaN is a
# token only with ALLOW_NON_NUMERIC_NUMBERS). Tables as showString with truncate = false.
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

L = open('data/part-0.json').read().split('\n')[:-1]
WORDS = {'NaN': float('nan'), '+INF': float('inf'), '+Infinity': float('inf'),
         'Infinity': float('inf'), '-INF': float('-inf'), '-Infinity': float('-inf')}


class Bad(Exception):
    pass


def refuse(word):
    raise Bad()


def parse(line, allow):
    # Jackson with allowSingleQuotes (no quote inside the data's single-quoted strings); an
    # unquoted NaN or Infinity only when allowed
    return json.loads(line.replace("'", '"'), **({} if allow else {'parse_constant': refuse}))


def number(v, allow):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    if isinstance(v, str) and v in WORDS and allow:
        return WORDS[v]
    raise Bad()


def show(v):
    if v is None:
        return 'NULL'
    if isinstance(v, float):
        if v != v:
            return 'NaN'
        if v in (float('inf'), float('-inf')):
            return 'Infinity' if v > 0 else '-Infinity'
        return repr(v)
    if isinstance(v, list):
        return '[' + ', '.join(show(x) for x in v) + ']'
    if isinstance(v, tuple):
        return '{' + ', '.join(show(x) for x in v) + '}'
    return str(v)


def row(line, allow):
    try:
        o = parse(line, allow)
    except Bad:
        return [None] * 5 + [line]
    bad = False
    out = []
    for key in ('d', 'f'):
        try:
            out.append(number(o[key], allow) if key in o else None)
        except Bad:
            out.append(None)
            bad = True
    out.append(o.get('s'))
    try:
        out.append([number(x, allow) for x in o['a']] if 'a' in o else None)
    except Bad:
        out.append(None)
        bad = True
    st = None
    if 'st' in o:
        try:
            st = (number(o['st']['x'], allow) if 'x' in o['st'] else None,)
        except Bad:
            st = (None,)
            bad = True
    out.append(st)
    out.append(line if bad else None)
    return out


COLS = ['d', 'f', 's', 'a', 'st', '_corrupt_record']
lines = []
for allow in (True, False):
    lines += show_batch(0, COLS, [[show(v) for v in row(x, allow)] for x in L])
print('\n'.join(lines))
