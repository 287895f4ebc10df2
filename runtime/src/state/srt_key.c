/* srt_key.c - nested values (STRUCT, ARRAY) as canonical key bytes, and back.
**
** A GROUP BY or DROP DUPLICATES key that is an array, or a struct holding a string, a
** struct or an array, is kept in the key bytes (plan.h's PKeyLayout) as the bytes below,
** after the fixed part as a string's.  Two values have the same bytes exactly when Spark
** puts them in one group: Spark compares grouping keys as binary UnsafeRows of the
** normalised values (NormalizeFloatingNumbers: "Spark SQL turns grouping/join/window
** partition keys into binary UnsafeRow and compare the binary data directly"; normalize()
** rebuilds a struct field by field and maps an array's elements, so NaN and -0.0 inside are
** normalised too), and an UnsafeRow keeps a null bit for every field and array element: a
** NULL struct, a struct of NULL fields, NULL, [] and [NULL] all differ.
**
** Bytes of a value that is not NULL, by type:
**   BOOLEAN            1 byte, 0 or 1
**   INT, BIGINT, DATE,
**   TIMESTAMP          8 bytes, the value as int64
**   FLOAT, DOUBLE      8 bytes, the double (a float widened exactly), NaN and -0.0 as
**                      NormalizeNaNAndZero makes them (Double.NaN, 0.0); -0.0 is kept
**                      for a stream's DROP DUPLICATES, which Spark does not normalise
**                      (plan_build.c)
**   DECIMAL            16 bytes, the unscaled value (low word, high word)
**   STRING, BINARY     u32 length, the bytes
**   STRUCT             per field: a null byte (0 or 1), then the field's bytes if not NULL
**   ARRAY              u32 count, then per element: a null byte, the element's bytes
**   MAP                u32 count, then per key and then per value as an ARRAY's elements
** Integers are in the machine's byte order, as the rest of the key.  The code is prefix-free
** for a given type, so equal bytes are equal values.
*/
#include <string.h>

#include "srt_int.h"

#define KEY_MAX_DEPTH 64

/* ==== Encoding ==== */

static uint64_t canonical_double_bits(double d, int keep_neg_zero)
{
    if (d != d)
        d = __builtin_nan("");
    else if (d == 0.0 && !keep_neg_zero)
        d = 0.0;
    uint64_t bits;
    memcpy(&bits, &d, 8);
    return bits;
}

/* The number of bytes of a value that is not NULL. */
static size_t value_size(const SrtType *t, const SrtDatum *d)
{
    switch (t->kind) {
    case SRT_T_BOOLEAN: return 1;
    case SRT_T_DECIMAL: return 16;
    case SRT_T_STRING:
    case SRT_T_BINARY: return 4 + (size_t)d->n;
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP: {
        const SrtDatum *v = d->p;
        uint32_t n = srt_nested_count(t, d);
        size_t size = t->kind == SRT_T_STRUCT ? 0 : 4;
        for (uint32_t i = 0; i < n; i++) {
            const SrtType *e = srt_nested_child(t, d, i);
            size += 1 + (v[i].is_null ? 0 : value_size(e, &v[i]));
        }
        return size;
    }
    case SRT_T_VOID: return 0;
    default: return 8;
    }
}

static uint8_t *put_value(const SrtType *t, const SrtDatum *d, int keep_neg_zero, uint8_t *o)
{
    switch (t->kind) {
    case SRT_T_BOOLEAN:
        *o = d->i != 0;
        return o + 1;
    case SRT_T_FLOAT:
    case SRT_T_DOUBLE: {
        uint64_t bits = canonical_double_bits(d->d, keep_neg_zero);
        memcpy(o, &bits, 8);
        return o + 8;
    }
    case SRT_T_DECIMAL:
        memcpy(o, &d->i, 8);
        memcpy(o + 8, &d->hi, 8);
        return o + 16;
    case SRT_T_STRING:
    case SRT_T_BINARY:
        memcpy(o, &d->n, 4);
        if (d->n)
            memcpy(o + 4, d->p, d->n);
        return o + 4 + d->n;
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP: {
        const SrtDatum *v = d->p;
        uint32_t n = srt_nested_count(t, d);
        if (t->kind != SRT_T_STRUCT) {
            memcpy(o, &d->n, 4);
            o += 4;
        }
        for (uint32_t i = 0; i < n; i++) {
            const SrtType *e = srt_nested_child(t, d, i);
            *o++ = v[i].is_null != 0;
            if (!v[i].is_null)
                o = put_value(e, &v[i], keep_neg_zero, o);
        }
        return o;
    }
    case SRT_T_VOID:
        return o;
    default:
        memcpy(o, &d->i, 8);
        return o + 8;
    }
}

const uint8_t *srt_key_nested(SrtQuery *q, const char *type, const SrtDatum *d, int32_t keep_neg_zero,
                              uint32_t *len)
{
    return srt_key_bytes(q, srt_query_type(q, type), d, keep_neg_zero, len);
}

const uint8_t *srt_key_bytes(SrtQuery *q, const SrtType *t, const SrtDatum *d, int keep_neg_zero,
                             uint32_t *len)
{
    static const uint8_t none[1];
    *len = 0;
    if (!t || d->is_null)
        return none;
    size_t n = value_size(t, d);
    if (n > UINT32_MAX - 4096) {
        srt_query_fail(q, "a nested group key is larger than 4 GB");
        return none;
    }
    uint8_t *o = srt_scratch_alloc(q, n ? n : 1);
    put_value(t, d, keep_neg_zero, o);
    *len = (uint32_t)n;
    return o;
}

/* ==== Decoding and checking ==== */

/* Read the bytes of one value at p (before end) into out when out is not NULL (datums in
   batch memory of q; strings point into the key).  Returns the position after it, or NULL
   when the bytes are not such a value (a key read back from a checkpoint is checked so). */
static const uint8_t *get_value(SrtQuery *q, const SrtType *t, const uint8_t *p, const uint8_t *end,
                                SrtDatum *out, int depth)
{
    size_t left = (size_t)(end - p);
    if (depth > KEY_MAX_DEPTH)
        return NULL;
    switch (t->kind) {
    case SRT_T_BOOLEAN:
        if (left < 1 || *p > 1)
            return NULL;
        if (out)
            out->i = *p;
        return p + 1;
    case SRT_T_DECIMAL:
        if (left < 16)
            return NULL;
        if (out) {
            memcpy(&out->i, p, 8);
            memcpy(&out->hi, p + 8, 8);
        }
        return p + 16;
    case SRT_T_STRING:
    case SRT_T_BINARY: {
        uint32_t n;
        if (left < 4)
            return NULL;
        memcpy(&n, p, 4);
        if (n > left - 4)
            return NULL;
        if (out) {
            out->p = p + 4;
            out->n = n;
        }
        return p + 4 + n;
    }
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP: {
        SrtDatum head = {0};
        head.n = t->n_fields;
        if (t->kind != SRT_T_STRUCT) {
            if (left < 4)
                return NULL;
            memcpy(&head.n, p, 4);
            p += 4;
            /* each element has a null byte at least */
            if (head.n > (size_t)(end - p) / (t->kind == SRT_T_MAP ? 2 : 1))
                return NULL;
        }
        uint32_t n = srt_nested_count(t, &head);
        SrtDatum *v = NULL;
        if (out) {
            v = srt_batch_alloc(q, sizeof *v * (n ? n : 1));
            memset(v, 0, sizeof *v * (n ? n : 1));
            out->p = v;
            out->n = head.n;
        }
        for (uint32_t i = 0; i < n; i++) {
            const SrtType *e = srt_nested_child(t, &head, i);
            if (p >= end || *p > 1)
                return NULL;
            if (v)
                v[i].is_null = *p;
            if (*p++ == 0 && !(p = get_value(q, e, p, end, v ? &v[i] : NULL, depth + 1)))
                return NULL;
        }
        return p;
    }
    case SRT_T_VOID:
        return p;
    default:
        if (left < 8)
            return NULL;
        if (out) {
            memcpy(&out->i, p, 8);
            if (t->kind == SRT_T_FLOAT || t->kind == SRT_T_DOUBLE)
                memcpy(&out->d, p, 8);
        }
        return p + 8;
    }
}

const SrtDatum *srt_key_nested_value(SrtQuery *q, const char *type, const uint8_t *bytes, uint32_t len)
{
    SrtDatum *d = srt_batch_alloc(q, sizeof *d);
    memset(d, 0, sizeof *d);
    d->is_null = 1;
    const SrtType *t = srt_query_type(q, type);
    if (!t || len == 0)
        return d;
    if (get_value(q, t, bytes, bytes + len, d, 0) != bytes + len) {
        /* Keys are made by srt_key_nested and checked when read back: a compiler bug. */
        srt_query_fail(q, "a nested group key does not hold a value of its type");
        return d;
    }
    d->is_null = 0;
    return d;
}

int srt_key_nested_check(const SrtType *t, const uint8_t *bytes, uint32_t len)
{
    return len > 0 && get_value(NULL, t, bytes, bytes + len, NULL, 0) == bytes + len ? 0 : -1;
}

/* ==== Ordering ====
** Spark 3.5's interpreted ordering of nested values (ArrayType.interpretedOrdering,
** StructType.interpretedOrdering through InterpretedOrdering.forSchema, every field Ascending
** and so NULLS FIRST), which GreaterThan and LessThan of nested values use: a struct field by
** field and an array element by element, the first pair that differs decides, a NULL before
** any value and two NULLs equal, then the shorter array first; atomic values by their type's
** ordering (doubles and floats by SQLOrderingUtil.compareDoubles: NaN largest, NaN = NaN,
** -0.0 = 0.0; strings and binaries by their unsigned bytes; decimals of one scale by their
** unscaled values).  The bytes were checked when made or read back (srt_key_nested_check).
*/

static int cmp_int(int64_t a, int64_t b)
{
    return (a > b) - (a < b);
}

static int cmp_double(double a, double b)
{
    if (a == b)
        return 0;
    int an = a != a, bn = b != b;
    if (an || bn)
        return an - bn;
    return a < b ? -1 : 1;
}

/* Compare the values of type t at *pa and *pb; when they are equal, move both past them. */
static int cmp_value(const SrtType *t, const uint8_t **pa, const uint8_t **pb)
{
    const uint8_t *a = *pa, *b = *pb;
    switch (t->kind) {
    case SRT_T_BOOLEAN:
        *pa = a + 1;
        *pb = b + 1;
        return cmp_int(*a, *b);
    case SRT_T_DECIMAL: {
        int64_t ah, bh;
        uint64_t al, bl;
        memcpy(&al, a, 8);
        memcpy(&ah, a + 8, 8);
        memcpy(&bl, b, 8);
        memcpy(&bh, b + 8, 8);
        *pa = a + 16;
        *pb = b + 16;
        return ah != bh ? cmp_int(ah, bh) : (al > bl) - (al < bl);
    }
    case SRT_T_STRING:
    case SRT_T_BINARY: {
        uint32_t an, bn;
        memcpy(&an, a, 4);
        memcpy(&bn, b, 4);
        *pa = a + 4 + an;
        *pb = b + 4 + bn;
        int c = memcmp(a + 4, b + 4, an < bn ? an : bn);
        return c ? (c > 0) - (c < 0) : cmp_int(an, bn);
    }
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP: { /* a MAP is never ordered (sema refuses it) */
        SrtDatum ha = {0}, hb = {0};
        ha.n = hb.n = t->n_fields;
        if (t->kind != SRT_T_STRUCT) {
            memcpy(&ha.n, a, 4);
            memcpy(&hb.n, b, 4);
            a += 4;
            b += 4;
        }
        uint32_t na = srt_nested_count(t, &ha), nb = srt_nested_count(t, &hb);
        for (uint32_t i = 0; i < na && i < nb; i++) { /* a difference ends the comparison */
            const SrtType *e = srt_nested_child(t, &ha, i);
            uint8_t a_null = *a++, b_null = *b++;
            if (a_null || b_null) {
                if (a_null != b_null)
                    return a_null ? -1 : 1;
                continue;
            }
            int c = cmp_value(e, &a, &b);
            if (c)
                return c;
        }
        *pa = a;
        *pb = b;
        return cmp_int(na, nb);
    }
    case SRT_T_VOID:
        return 0;
    case SRT_T_FLOAT:
    case SRT_T_DOUBLE: {
        double x, y;
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        *pa = a + 8;
        *pb = b + 8;
        return cmp_double(x, y);
    }
    default: {
        int64_t x, y;
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        *pa = a + 8;
        *pb = b + 8;
        return cmp_int(x, y);
    }
    }
}

int32_t srt_key_nested_cmp(SrtQuery *q, const char *type, const uint8_t *a, uint32_t an,
                           const uint8_t *b, uint32_t bn)
{
    /* no bytes: no value (generated code asks before it knows one is kept) */
    const SrtType *t = an && bn ? srt_query_type(q, type) : NULL;
    return t ? cmp_value(t, &a, &b) : 0;
}
