# The expected console output of query.sql, from Spark 3.5's JsonInferSchema (inferField,
# compatibleType, canonicalizeType) with the options prefersDecimal, dropFieldIfAllNull and
# primitivesAsString, then JacksonParser reading the lines with the inferred schema. Types are
# tuples: ('null',), ('bigint',), ('double',), ('boolean',), ('string',),
# ('decimal', p, s), ('array', t), ('struct', [(name, t)...]). Tables as showString.
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch, java_double  # noqa: E402
from decimal import Decimal

L = open('data/part-0.json').read().split('\n')[:-1]
NULL = ('null',)


def bigdecimal(text):
    # java.math.BigDecimal(String): precision (digits of the unscaled value, 1 for zero), scale
    d = Decimal(text)
    t = d.as_tuple()
    digits = len(str(int(''.join(map(str, t.digits)))))
    return digits, -t.exponent


def infer(v, o):
    if v is None:
        return NULL
    if isinstance(v, bool):
        return ('string',) if o.get('pas') else ('boolean',)
    if isinstance(v, str):
        if v == '':
            return NULL
        if o.get('dec'):
            try:
                p, s = bigdecimal(v.replace(',', ''))
                if 0 <= s <= p <= 38:
                    return ('decimal', p, s)
            except Exception:
                pass
        return ('string',)
    if isinstance(v, tuple) and v[0] == 'O':  # an object: ('O', [(key, value)...])
        return ('struct', sorted((k, infer(x, o)) for k, x in v[1]))
    if isinstance(v, tuple):  # a number token: ('I' | 'F', text)
        if o.get('pas'):
            return ('string',)
        if v[0] == 'I':
            n = int(v[1])
            if -2**63 <= n < 2**63:
                return ('bigint',)
            return ('decimal', len(str(abs(n))), 0) if len(str(abs(n))) <= 38 else ('double',)
        if o.get('dec'):
            p, s = bigdecimal(v[1])
            if max(p, s) <= 38:
                assert s >= 0, 'negative scale'
                return ('decimal', max(p, s), s)
        return ('double',)
    if isinstance(v, list):
        t = NULL
        for x in v:
            t = compatible(t, infer(x, o))
        return ('array', t)


def compatible(a, b):
    if a == b:
        return a
    if a == NULL:
        return b
    if b == NULL:
        return a
    num = ('bigint', 'double', 'decimal')
    if a[0] in num and b[0] in num:
        if 'double' in (a[0], b[0]):
            return ('double',)
        (p1, s1), (p2, s2) = [(20, 0) if t[0] == 'bigint' else t[1:] for t in (a, b)]
        s = max(s1, s2)
        r = max(p1 - s1, p2 - s2)
        return ('double',) if r + s > 38 else ('decimal', r + s, s)
    if a[0] == b[0] == 'array':
        return ('array', compatible(a[1], b[1]))
    if a[0] == b[0] == 'struct':
        f = dict(a[1])
        for k, t in b[1]:
            f[k] = compatible(f[k], t) if k in f else t
        return ('struct', sorted(f.items()))
    return ('string',)


def canon(t, o):
    if t == NULL:
        return None if o.get('drop') else ('string',)
    if t[0] == 'array':
        e = canon(t[1], o)
        return None if e is None else ('array', e)
    if t[0] == 'struct':
        f = [(k, canon(x, o)) for k, x in t[1] if k]
        f = [(k, x) for k, x in f if x is not None]
        return ('struct', f) if f else None
    return t


def schema(o):
    t = ('struct', [])
    for line in L:
        t = compatible(t, infer(parse(line), o))
    return dict(canon(t, o)[1])


def parse(line):
    return json.loads(line, parse_float=lambda s: ('F', s), parse_int=lambda s: ('I', s),
                      object_pairs_hook=lambda pairs: ('O', pairs))


def type_name(t):
    if t[0] == 'decimal':
        return 'decimal(%d,%d)' % t[1:]
    if t[0] == 'array':
        return 'array<%s>' % type_name(t[1])
    if t[0] == 'struct':
        return 'struct<%s>' % ','.join('%s:%s' % (k, type_name(x)) for k, x in t[1])
    return t[0]


def value(v, t):
    # JacksonParser's converters for these types and values (none of them malformed)
    if v is None:
        return None
    if t[0] == 'string':
        if isinstance(v, tuple):
            return v[1]
        return ('true' if v else 'false') if isinstance(v, bool) else v
    if t[0] == 'bigint':
        return v[1]
    if t[0] == 'double':
        return java_double(float(v[1]))
    if t[0] == 'decimal':
        text = v[1] if isinstance(v, tuple) else v.replace(',', '')
        return str(Decimal(text).quantize(Decimal(1).scaleb(-t[2])))
    if t[0] == 'boolean':
        return 'true' if v else 'false'
    if t[0] == 'array':
        return '[' + ', '.join(show(value(x, t[1])) for x in v) + ']'
    if t[0] == 'struct':
        d = dict(v[1])
        return '{' + ', '.join(show(value(d.get(k), x)) for k, x in t[1]) + '}'


def show(v):
    return 'NULL' if v is None else v


def query(o, cols, types):
    s = schema(o)
    cols = [c for c in cols if c != '*'] if '*' not in cols else sorted(s) + cols[1:]
    rows = []
    for line in L:
        d = dict(parse(line)[1])
        rows.append([value(d.get(c), s[c]) for c in cols] + [type_name(s[c]) for c in types])
    return show_batch(0, cols + ['t_' + c for c in types], [[show(v) for v in r] for r in rows])


print('\n'.join(
    query({'dec': True, 'drop': True}, ['*'], ['big', 'price', 'qty', 'small']) +
    query({}, ['id', 'price', 'qty', 'tag', 'note', 'arr', 'obj'], ['price', 'tag', 'arr', 'obj']) +
    query({'pas': True}, ['id', 'flag', 'tag', 'arr'], ['id', 'flag', 'price', 'obj'])))
