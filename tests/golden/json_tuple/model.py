#!/usr/bin/env python3
# model.py - the expected output of json_tuple, worked out by hand from Spark's JsonTuple
# (jsonExpressions.scala: parseRow, copyCurrentStructure) for each line of
# data/part-0.txt, and printed as show() prints it (truncate = false).
#
#   python3 model.py > expected.out
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch  # noqa: E402

N = None
NULL_ROW = [N] * 7
# columns: a, b, c, a again, e, f, and the empty key (no field has it)
rows = [
    # a later "a": null leaves 1; Jackson re-serialises 2.50 as 2.5 and -0 as 0
    ["1", 'x"y', '{"d":[1,2.5,0]}', "1", N, N, N],
    # the later "a" wins; "b": null is left out
    ["second", N, N, "second", N, N, N],
    NULL_ROW,  # an array, not an object
    NULL_ROW,  # the text ends inside the object
    NULL_ROW,  # not JSON
    # a surrogate pair decoded; the text after the closing brace is never read
    ["true", "\U0001F600", N, "true", N, N, N],
    # 1e400 is a double's Infinity, which Jackson writes quoted; 1E2 is 100.0
    ['"Infinity"', "-0.0", "100.0", '"Infinity"', "[]", "{}", N],
    NULL_ROW,  # a leading zero is a JSON error
    NULL_ROW,  # writeRaw of an unpaired surrogate fails
    NULL_ROW,  # an empty line: no token at all
    # single quotes are allowed (ALLOW_SINGLE_QUOTES); escapes decoded
    ["single quotes", "\u00e9\\", "/", "single quotes", N, N, N],
    # a nested array re-serialised without spaces, its nulls kept
    ['[{"x":null},"q",true,false,null]', N, N, '[{"x":null},"q",true,false,null]', N, N, N],
    # "b" twice: the later value
    ["2", "3", N, "2", N, N, N],
    # only the first object is read
    ["lone", N, N, "lone", N, N, N],
]
print("\n".join(batch(0, ["a", "b", "c", "a2", "e", "f", "g"], rows)))
