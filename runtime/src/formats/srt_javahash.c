/* srt_javahash.c - the Java hashCode of values Spark keeps as objects in a hash table
** (collect_set's Scala HashSet, mode's OpenHashMap, srt_collect.c): a DECIMAL as Spark's
** Decimal, a STRUCT or ARRAY as the UnsafeRow or UnsafeArrayData holding it.
**
** Decimal.hashCode is toBigDecimal.hashCode, Scala 2.12's BigDecimal.computeHashCode: a whole
** value hashes as its BigInt (an Int's value, a Long's Long.hashCode, else Java's
** BigInteger.hashCode); else, when the value is the decimal form of a double (isDecimalDouble:
** Double.toString of its doubleValue reads back to it), as that double's `##`
** (Statics.doubleHash); else MurmurHash3.mixLast of the hashCode of the unscaled value with
** trailing zeros stripped, and that scale.
**
** Collect.deserialize and TypedAggregateWithHashMapAsBuffer.deserialize read the values back
** from the UnsafeArrayData their buffer was serialized to, so what the tables hold after the
** first stage is an UnsafeRow (a STRUCT) or an UnsafeArrayData (an ARRAY), whose hashCode is
** Murmur3_x86_32 of its bytes with seed 42 (hashUnsafeWords, hashUnsafeBytes: one result on
** whole words) and whose equals compares the bytes.  The bytes are those GenerateUnsafeProjection
** writes (UnsafeRowWriter, UnsafeArrayWriter; little-endian):
**   row     null bits (a word per 64 fields), an 8-byte slot per field, then the variable part;
**   array   the count (8 bytes), null bits (a word per 64 elements), the elements packed at
**           their size (BOOLEAN and TINYINT 1, SMALLINT 2, INT, DATE and FLOAT 4, else 8),
**           padded to a word, then the variable part;
**   map     the key array's size (8 bytes), the key array, the value array.
** A fixed value sits in its slot (the rest of a row's slot zero; a NULL's slot zero); a
** DECIMAL of precision <= 18 is its unscaled long.  A string, a binary, a nested value and a
** DECIMAL of more digits (BigInteger.toByteArray) go to the variable part, padded to a word,
** the slot holding (offset from the row or array start << 32) | size; a row always reserves
** 16 bytes for such a DECIMAL, NULL or not (its NULL slot: the offset, size 0).  Floats keep
** their bits (UnsafeWriter does not normalise): -0.0 stays; a NaN is Double.NaN's (sluice
** makes no other NaN).
*/
#include <math.h>
#include <string.h>

#include "srt_int.h"
#include "inline/srt_sparkhash.h"

/* ==== Decimal.hashCode ==== */

/* Java's BigInteger.hashCode of v: 31 * h + each big-endian 32-bit word of |v|, times signum. */
static int32_t biginteger_hash(srt_i128 v)
{
    unsigned __int128 mag = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    uint32_t h = 0;
    int started = 0;
    for (int w = 3; w >= 0; w--) {
        uint32_t word = (uint32_t)(mag >> (32 * w));
        if (!word && !started)
            continue;
        started = 1;
        h = 31u * h + word;
    }
    return v < 0 ? (int32_t)(0u - h) : (int32_t)h;
}

/* Statics.longHash: an Int's value, else Long.hashCode. */
static int32_t long_hash(int64_t l)
{
    return l == (int32_t)l ? (int32_t)l : (int32_t)(uint32_t)((uint64_t)l ^ ((uint64_t)l >> 32));
}

/* Statics.doubleHash (Scala's ## of a Double): as an Int, a Long, a Float or a Double. */
static int32_t double_hash(double d)
{
    if (d >= -2147483648.0 && d < 2147483648.0 && (double)(int32_t)d == d)
        return (int32_t)d;
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && (double)(int64_t)d == d)
        return long_hash((int64_t)d);
    float f = (float)d;
    if ((double)f == d) {
        uint32_t fb;
        memcpy(&fb, &f, 4);
        return (int32_t)fb; /* Float.hashCode: floatToIntBits (not NaN here) */
    }
    uint64_t b;
    memcpy(&b, &d, 8);
    return (int32_t)(uint32_t)(b ^ (b >> 32));
}

/* v / 10^s with trailing zeros stripped while s > 0 (BigDecimal.stripTrailingZeros, which
   would go on below scale 0: only its sign matters here). */
static void strip_zeros(srt_i128 *v, int32_t *s)
{
    while (*s > 0 && *v % 10 == 0) {
        *v /= 10;
        (*s)--;
    }
}

/* Does Double.toString(d) read back to v / 10^s (v stripped, not whole)? */
static int is_decimal_double(double d, srt_i128 v, int32_t s)
{
    if (isinf(d) || (d < 0) != (v < 0))
        return 0;
    char dg[20];
    int point;
    int nd = srt_double_digits(d, dg, &point); /* |d| = 0.dg * 10^point, no trailing zeros */
    srt_i128 m = 0;
    for (int i = 0; i < nd; i++)
        m = m * 10 + (dg[i] - '0');
    return m == (v < 0 ? -v : v) && point - nd == -s;
}

int32_t srt_java_decimal_hash(srt_i128 v, int32_t scale)
{
    srt_i128 u = v;
    int32_t s = scale;
    strip_zeros(&u, &s);
    if (s == 0) { /* isWhole: toBigInt.hashCode */
        if (u >= INT64_MIN && u <= INT64_MAX)
            return long_hash((int64_t)u);
        return biginteger_hash(u);
    }
    double d = srt_dec_to_f64(v, scale);
    if (is_decimal_double(d, u, s))
        return double_hash(d);
    /* MurmurHash3.mixLast(unscaled.hashCode, scale) */
    uint32_t k = (uint32_t)s * 0xcc9e2d51u;
    k = (k << 15) | (k >> 17);
    k *= 0x1b873593u;
    return (int32_t)((uint32_t)biginteger_hash(u) ^ k);
}

/* ==== UnsafeRow and UnsafeArrayData bytes ==== */

static size_t word_round(size_t n)
{
    return (n + 7u) & ~(size_t)7u;
}

static int big_decimal(const SrtType *t)
{
    return t->kind == SRT_T_DECIMAL && t->precision > 18;
}

/* Is a value of t kept in the variable part? */
static int is_var(const SrtType *t)
{
    switch (t->kind) {
    case SRT_T_STRING:
    case SRT_T_BINARY:
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP:
        return 1;
    case SRT_T_DECIMAL:
        return big_decimal(t);
    default:
        return 0;
    }
}

/* An array element's size (UnsafeArrayWriter's elementSize). */
static uint32_t elem_size(const SrtType *t)
{
    switch (t->kind) {
    case SRT_T_BOOLEAN:
    case SRT_T_TINYINT:
        return 1;
    case SRT_T_SMALLINT:
        return 2;
    case SRT_T_INT:
    case SRT_T_DATE:
    case SRT_T_FLOAT:
        return 4;
    default:
        return 8;
    }
}

static size_t row_size(const SrtType *t, const SrtDatum *d);
static size_t array_size(const SrtType *et, const SrtDatum *v, uint32_t n);

/* The variable bytes of a value of t that is not NULL (in an array when in_array). */
static size_t var_size(const SrtType *t, const SrtDatum *d, int in_array)
{
    switch (t->kind) {
    case SRT_T_STRING:
    case SRT_T_BINARY:
        return word_round(d->n);
    case SRT_T_STRUCT:
        return row_size(t, d);
    case SRT_T_ARRAY:
        return array_size(t->elem, d->p, d->n);
    case SRT_T_MAP: {
        const SrtDatum *kv = d->p;
        return 8 + array_size(t->key, kv, d->n) + array_size(t->elem, kv + d->n, d->n);
    }
    case SRT_T_DECIMAL: {
        uint8_t be[16];
        uint32_t k = srt_javabig_bytes(srt_datum_dec(d), be);
        return in_array ? word_round(16u - k) : 16u;
    }
    default:
        return 0;
    }
}

static size_t row_size(const SrtType *t, const SrtDatum *d)
{
    const SrtDatum *f = d->p;
    size_t n = 8u * ((t->n_fields + 63u) / 64u) + 8u * t->n_fields;
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const SrtType *ft = t->fields[i].type;
        if (big_decimal(ft))
            n += 16;
        else if (!f[i].is_null && is_var(ft))
            n += var_size(ft, &f[i], 0);
    }
    return n;
}

static size_t array_size(const SrtType *et, const SrtDatum *v, uint32_t n)
{
    size_t size = 8u + 8u * ((n + 63u) / 64u) + word_round((size_t)elem_size(et) * n);
    if (is_var(et))
        for (uint32_t i = 0; i < n; i++)
            if (!v[i].is_null)
                size += var_size(et, &v[i], 1);
    return size;
}

/* A fixed value of t at o (its elem_size bytes, or 8 for a DECIMAL). */
static void put_fixed(const SrtType *t, const SrtDatum *d, uint8_t *o)
{
    switch (t->kind) {
    case SRT_T_BOOLEAN:
    case SRT_T_TINYINT:
        o[0] = t->kind == SRT_T_BOOLEAN ? d->i != 0 : (uint8_t)d->i;
        return;
    case SRT_T_SMALLINT: {
        int16_t v = (int16_t)d->i;
        memcpy(o, &v, 2);
        return;
    }
    case SRT_T_INT:
    case SRT_T_DATE: {
        int32_t v = (int32_t)d->i;
        memcpy(o, &v, 4);
        return;
    }
    case SRT_T_FLOAT: {
        float f = d->d != d->d ? __builtin_nanf("") : (float)d->d;
        memcpy(o, &f, 4);
        return;
    }
    case SRT_T_DOUBLE: {
        double v = d->d != d->d ? __builtin_nan("") : d->d;
        memcpy(o, &v, 8);
        return;
    }
    default: /* BIGINT, TIMESTAMP, a DECIMAL's unscaled long */
        memcpy(o, &d->i, 8);
        return;
    }
}

static size_t put_row(const SrtType *t, const SrtDatum *d, uint8_t *buf, size_t start);
static size_t put_array(const SrtType *et, const SrtDatum *v, uint32_t n, uint8_t *buf,
                        size_t start);

/* The variable bytes of d at cursor (of a row or array starting at start); the slot at o gets
   the offset and size; returns the new cursor. */
static size_t put_var(const SrtType *t, const SrtDatum *d, int in_array, uint8_t *buf, size_t start,
                      size_t cursor, uint8_t *o)
{
    size_t end, size;
    switch (t->kind) {
    case SRT_T_STRING:
    case SRT_T_BINARY:
        if (d->n)
            memcpy(buf + cursor, d->p, d->n);
        size = d->n;
        end = cursor + word_round(d->n);
        break;
    case SRT_T_STRUCT:
        end = put_row(t, d, buf, cursor);
        size = end - cursor;
        break;
    case SRT_T_ARRAY:
        end = put_array(t->elem, d->p, d->n, buf, cursor);
        size = end - cursor;
        break;
    case SRT_T_MAP: {
        const SrtDatum *kv = d->p;
        size_t keys_end = put_array(t->key, kv, d->n, buf, cursor + 8);
        uint64_t key_bytes = keys_end - (cursor + 8);
        memcpy(buf + cursor, &key_bytes, 8);
        end = put_array(t->elem, kv + d->n, d->n, buf, keys_end);
        size = end - cursor;
        break;
    }
    default: { /* a DECIMAL of more than 18 digits: BigInteger.toByteArray */
        uint8_t be[16];
        uint32_t k = srt_javabig_bytes(srt_datum_dec(d), be);
        size = 16u - k;
        memcpy(buf + cursor, be + k, size);
        end = cursor + (in_array ? word_round(size) : 16u);
        break;
    }
    }
    uint64_t slot = ((uint64_t)(cursor - start) << 32) | (uint64_t)size;
    memcpy(o, &slot, 8);
    return end;
}

static size_t put_row(const SrtType *t, const SrtDatum *d, uint8_t *buf, size_t start)
{
    const SrtDatum *f = d->p;
    size_t fixed = start + 8u * ((t->n_fields + 63u) / 64u), cursor = fixed + 8u * t->n_fields;
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const SrtType *ft = t->fields[i].type;
        uint8_t *o = buf + fixed + 8u * i;
        if (f[i].is_null) {
            buf[start + i / 8u] |= (uint8_t)(1u << (i % 8u));
            if (big_decimal(ft)) { /* 16 bytes kept, the slot its offset and size 0 */
                uint64_t slot = (uint64_t)(cursor - start) << 32;
                memcpy(o, &slot, 8);
                cursor += 16;
            }
        } else if (is_var(ft)) {
            cursor = put_var(ft, &f[i], 0, buf, start, cursor, o);
        } else {
            put_fixed(ft, &f[i], o);
        }
    }
    return cursor;
}

static size_t put_array(const SrtType *et, const SrtDatum *v, uint32_t n, uint8_t *buf,
                        size_t start)
{
    uint64_t count = n;
    memcpy(buf + start, &count, 8);
    size_t elems = start + 8u + 8u * ((n + 63u) / 64u);
    uint32_t es = elem_size(et);
    size_t cursor = elems + word_round((size_t)es * n);
    for (uint32_t i = 0; i < n; i++) {
        uint8_t *o = buf + elems + (size_t)es * i;
        if (v[i].is_null)
            buf[start + 8u + i / 8u] |= (uint8_t)(1u << (i % 8u));
        else if (is_var(et))
            cursor = put_var(et, &v[i], 1, buf, start, cursor, o);
        else
            put_fixed(et, &v[i], o);
    }
    return cursor;
}

int32_t srt_unsafe_hash(SrtQuery *q, const char *type, const SrtDatum *d)
{
    const SrtType *t = srt_query_type(q, type);
    if (!t || d->is_null || (t->kind != SRT_T_STRUCT && t->kind != SRT_T_ARRAY))
        return 0;
    size_t n = var_size(t, d, 0);
    if (n > UINT32_MAX - 4096) {
        srt_query_fail(q, "a collected nested value is larger than 4 GB");
        return 0;
    }
    uint8_t *buf = srt_scratch_alloc(q, n ? n : 1);
    memset(buf, 0, n);
    if (t->kind == SRT_T_STRUCT)
        put_row(t, d, buf, 0);
    else
        put_array(t->elem, d->p, d->n, buf, 0);
    return srt_m3_bytes(buf, (uint32_t)n, 42);
}
