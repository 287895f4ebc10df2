# The expected console output of query.sql, each value worked out by hand from Jackson 2.15's
# JsonReadFeatures as Spark 3.5's JSONOptions.buildJsonFactory sets them, JacksonParser
# (makeConverter, convertObject with partial results, allowArrayAsStructs = false for
# from_json), FailureSafeParser (PERMISSIVE: a malformed text is the row of NULLs with the
# corrupt-record field; no token at all is NULL) and JsonInferSchema (schema_of_json).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

L = open('data/part-0.txt').read().split('\n')[:-1]
N = None

# relaxed: comments, unquoted names, leading zeros, any escaped character; no NaN.
relaxed = [
    [1, 'x', N, N, 'false'],      # the comment is whitespace, "// t" follows the value: unread
    [2, 'y', N, N, 'false'],      # unquoted name; single quotes are allowed by default
    [7, N, N, L[2], 'false'],     # 007 is 7; the string "NaN" is no DOUBLE: partial result
    [4, 'pq', N, N, 'false'],     # \q is q
    [N, N, N, N, 'true'],         # only a comment: no token, from_json is NULL
    [N, N, N, L[5], 'false'],     # the unquoted NaN is not a token: malformed
    [N, N, N, L[6], 'false'],     # an array for a STRUCT schema: malformed
    [9, 'z', N, N, 'false'],
]
# quoted (allowSingleQuotes = false, the rest Spark's defaults): a struct of NULLs for each
# malformed text; line 6 is good (NaN allowed, d not in the schema).
# arr (ARRAY<STRUCT<a: INT>>, comments and leading zeros): an object is the array of its
# struct, a malformed text or no token NULL.
quoted = ['{NULL, NULL}'] * 5 + ['{6, NULL}'] + ['{NULL, NULL}'] * 2
arr = ['[{1}]', N, '[{7}]', N, N, '[{6}]', '[{7}, {8}]', '[{9}]']
# a:1 BIGINT, [1.5, null] an array of DECIMAL(2,1), c only null (dropped), '0.50' a
# BigDecimal of precision 2 and scale 2
schema = 'STRUCT<a: BIGINT, b: ARRAY<DECIMAL(2,1)>, d: DECIMAL(2,2)>'


print('\n'.join(show_batch(0, ['a', 'b', 'd', '_corrupt_record', 'none'], relaxed) +
                show_batch(0, ['quoted', 'arr'], [[q, a] for q, a in zip(quoted, arr)]) +
                show_batch(0, ['schema'], [[schema]])))
