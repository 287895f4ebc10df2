/* srt_hashval.c - Spark's hash() and xxhash64() of a nested value (an ARRAY, or a STRUCT
** holding one), for generated code.
**
** InterpretedHashFunction.hash (hash.scala): a NULL leaves the seed as it is; an array's
** elements, a struct's fields and a map's keys and values (key, then value, entry by entry)
** are hashed in turn, each with the hash so far as its seed.  Atomic values are hashed by
** the inline helpers generated code also calls for them (srt_murmur3.c, srt_xxh64.c), so a
** value hashes the same inside a nested one as on its own.
*/
#include <string.h>

#include "srt_int.h"

static int64_t hash_atomic(const SrtType *t, const SrtDatum *d, int64_t seed, int32_t family)
{
    int xx = family == SRT_HASH_XXH64;
    int32_t s32 = (int32_t)seed;
    switch (t->kind) {
    case SRT_T_BOOLEAN:
        return xx ? (int64_t)srt_xxh64_i32(d->i ? 1 : 0, (uint64_t)seed)
                  : srt_m3_i32(d->i ? 1 : 0, s32);
    case SRT_T_TINYINT: /* HashExpression: hashInt of a byte or short */
    case SRT_T_SMALLINT:
    case SRT_T_INT:
    case SRT_T_DATE:        /* days, an int in Spark */
    case SRT_T_YM_INTERVAL: /* months, an int */
        return xx ? (int64_t)srt_xxh64_i32((int32_t)d->i, (uint64_t)seed)
                  : srt_m3_i32((int32_t)d->i, s32);
    case SRT_T_BIGINT:
    case SRT_T_TIMESTAMP:
    case SRT_T_TIMESTAMP_NTZ:
    case SRT_T_DT_INTERVAL: /* µs, a long */
        return xx ? (int64_t)srt_xxh64_i64(d->i, (uint64_t)seed) : srt_m3_i64(d->i, s32);
    case SRT_T_DOUBLE:
        return xx ? (int64_t)srt_xxh64_f64(d->d, (uint64_t)seed) : srt_m3_f64(d->d, s32);
    case SRT_T_FLOAT: { /* hashInt(floatToIntBits(f)), -0.0f as 0, every NaN as 0x7fc00000 */
        float f = (float)d->d;
        uint32_t bits;
        if (f == 0.0f)
            bits = 0;
        else if (f != f)
            bits = 0x7fc00000u;
        else
            memcpy(&bits, &f, 4);
        return xx ? (int64_t)srt_xxh64_i32((int32_t)bits, (uint64_t)seed)
                  : srt_m3_i32((int32_t)bits, s32);
    }
    case SRT_T_DECIMAL: /* hashLong(toUnscaledLong) up to 18 digits, else toByteArray's bytes */
        if (t->precision <= 18)
            return xx ? (int64_t)srt_xxh64_i64(d->i, (uint64_t)seed) : srt_m3_i64(d->i, s32);
        return xx ? (int64_t)srt_xxh64_dec(srt_datum_dec(d), (uint64_t)seed)
                  : srt_m3_dec(srt_datum_dec(d), s32);
    case SRT_T_STRING:
    case SRT_T_BINARY:
        return xx ? (int64_t)srt_xxh64_bytes(d->p, d->n, (uint64_t)seed)
                  : srt_m3_bytes(d->p, d->n, s32);
    case SRT_T_VOID:
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP:
        break;
    }
    return seed;
}

static int64_t hash_value(const SrtType *t, const SrtDatum *d, int64_t seed, int32_t family)
{
    if (d->is_null || t->kind == SRT_T_VOID)
        return seed;
    if (t->kind != SRT_T_STRUCT && t->kind != SRT_T_ARRAY && t->kind != SRT_T_MAP)
        return hash_atomic(t, d, seed, family);
    const SrtDatum *e = d->p;
    uint32_t n = srt_nested_count(t, d);
    if (t->kind == SRT_T_MAP) { /* key i, then value i */
        for (uint32_t i = 0; i < d->n; i++) {
            seed = hash_value(t->key, &e[i], seed, family);
            seed = hash_value(t->elem, &e[d->n + i], seed, family);
        }
        return seed;
    }
    for (uint32_t i = 0; i < n; i++)
        seed = hash_value(srt_nested_child(t, d, i), &e[i], seed, family);
    return seed;
}

int64_t srt_hash_nested(SrtQuery *q, const char *type, const SrtDatum *d, int64_t seed,
                        int32_t family)
{
    const SrtType *t = srt_query_type(q, type);
    return t ? hash_value(t, d, seed, family) : seed;
}
