# The expected console output, each value worked out from Jackson 2.15's JsonReadFeatures and
# Spark 3.5's JacksonParser / JsonInferSchema (see query.sql); tables as Spark's showString
# with truncate = false.
L = open('data/part-0.json').read().split('\n')[:-1]


def table(cols, rows):
    # showString: control characters escaped (SchemaUtils.escapeMetaCharacters), columns at
    # least 3 wide
    cell = lambda v: 'NULL' if v is None else str(v).replace('\t', '\\t')
    w = [max(3, len(c)) for c in cols]
    for r in rows:
        for i, v in enumerate(r):
            w[i] = max(w[i], len(cell(v)))
    sep = '+' + '+'.join('-' * x for x in w) + '+'
    out = [sep, '|' + '|'.join(c.ljust(w[i]) for i, c in enumerate(cols)) + '|', sep]
    for r in rows:
        out.append('|' + '|'.join(cell(v).ljust(w[i]) for i, v in enumerate(r)) + '|')
    out.append(sep)
    return '\n'.join(out)


def batch(t):
    return ('-------------------------------------------\nBatch: 0\n'
            '-------------------------------------------\n' + t + '\n')


N = None
# defaults: lines 1-6 malformed (a comment, an unquoted name, a leading zero, \q, a raw tab,
# a line that is only a comment); single quotes are allowed
strict = [[N, N, N, L[0]], [N, N, N, L[1]], [N, N, N, L[2]], [N, N, N, L[3]], [N, N, N, L[4]],
          [N, N, N, L[5]], [6, 'g', N, N], [7, 'h', N, N]]
# every switch on, allowSingleQuotes off: 007 is 7, "d\q" is dq, the comment line no record
relaxed = [[1, 'a', 1, N, N], [2, 'b', 1, N, N], [3, 'c', 1, 7, N], [4, 'dq', 2, N, N],
           [5, 'e\tf', 3, N, N], [N, N, N, N, L[6]], [7, 'h', 1, N, N]]
dropped = [[1, 'a'], [6, 'g'], [7, 'h']]
# inferred: fields sorted by name, the corrupt column added for line 7, numbers as strings
# (a number read into a STRING is Jackson's copy of it: 7)
inferred = [[N, '1', N, 'a'], [N, '2', N, 'b'], [N, '3', '7', 'c'], [N, '4', N, 'dq'],
            [N, '5', N, 'e\tf'], [L[6], N, N, N], [N, '7', N, 'h']]
print(batch(table(['id', 'v', 'n', '_corrupt_record'], strict)))
print(batch(table(['id', 'v', 'len', 'n', '_corrupt_record'], relaxed)))
print(batch(table(['id', 'v'], dropped)))
print(batch(table(['_corrupt_record', 'id', 'n', 'v'], inferred)))
