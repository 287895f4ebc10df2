/* srt_mapdata.c - MAP values built for generated code as Spark 3.5's ArrayBasedMapBuilder
** builds them (map(), map_from_arrays, str_to_map, map_concat): NULL keys refused,
** duplicate keys refused (spark.sql.mapKeyDedupPolicy EXCEPTION, the default), FLOAT and
** DOUBLE keys normalised (NormalizeFloatingNumbers: one NaN, -0.0 as 0.0).
**
** Keys are equal when their canonical bytes (srt_key.c) are: that is HashMap equality of
** the normalised atomic keys and the interpreted ordering's equality of nested ones.  The
** search is quadratic, which small maps (the usual case) do not notice.
*/
#include <string.h>

#include "srt_int.h"

typedef struct KeyBytes {
    const uint8_t *p;
    uint32_t n;
} KeyBytes;

static void normalise(const SrtType *t, SrtDatum *k)
{
    if ((t->kind == SRT_T_DOUBLE || t->kind == SRT_T_FLOAT) && (k->d != k->d || k->d == 0.0))
        k->d = k->d != k->d ? __builtin_nan("") : 0.0;
}

static int fail_duplicate(SrtQuery *q, const SrtType *t, const SrtDatum *key)
{
    SrtBuf b;
    srt_buf_init(&b, q->mem);
    /* QueryExecutionErrors.duplicateMapKeyFoundError: the key's toString, the conf in
       toSQLConf's quotes */
    srt_buf_puts(&b, "[DUPLICATED_MAP_KEY] Duplicate map key ");
    srt_java_text(key, t, &b);
    srt_buf_puts(&b, " was found, please check the input data. If you want to remove the "
                     "duplicated keys, you can set \"spark.sql.mapKeyDedupPolicy\" to "
                     "\"LAST_WIN\" so that the key inserted at last takes precedence.");
    srt_query_fail(q,
                   b.oom ? "[DUPLICATED_MAP_KEY] Duplicate map key was found" : srt_buf_cstr(&b));
    srt_buf_free(&b);
    return -1;
}

int srt_map_build(SrtQuery *q, const char *type, const void *keys, uint32_t n_keys,
                  const void *values, uint32_t n_values, const void **out, uint32_t *out_n)
{
    static const SrtDatum none[1];
    const SrtType *t = srt_query_type(q, type);
    *out = none;
    *out_n = 0;
    if (!t)
        return -1;
    /* MapFromArrays: mapDataKeyArrayLengthDiffersFromValueArrayLengthError,
       _LEGACY_ERROR_TEMP_2128 (a legacy class prints no "[class] ") */
    if (n_keys != n_values) {
        srt_query_fail(q, "The key array and value array of MapData must have the same length.");
        return -1;
    }
    const SrtDatum *k = keys, *v = values;
    SrtDatum *o = srt_scratch_alloc(q, sizeof *o * (2 * (size_t)n_keys + 1));
    KeyBytes *kb = srt_scratch_alloc(q, sizeof *kb * ((size_t)n_keys + 1));
    if (!o || !kb)
        return -1;
    uint32_t n = 0;
    for (uint32_t i = 0; i < n_keys; i++) {
        if (k[i].is_null) {
            srt_query_fail(q, "[NULL_MAP_KEY] Cannot use null as map key.");
            return -1;
        }
        uint32_t len;
        const uint8_t *bytes = srt_key_bytes(q, t->key, &k[i], 0, &len);
        for (uint32_t j = 0; j < n; j++)
            if (kb[j].n == len && memcmp(kb[j].p, bytes, len) == 0)
                return fail_duplicate(q, t->key, &k[i]);
        kb[n].p = bytes;
        kb[n].n = len;
        o[n] = k[i];
        normalise(t->key, &o[n]);
        o[n_keys + n] = v[i];
        n++;
    }
    *out = o;
    *out_n = n;
    return 0;
}

int srt_str_to_map(SrtQuery *q, const char *type, const SrtRegex *pair, const SrtRegex *kv,
                   const char *s, uint32_t n, const void **out, uint32_t *out_n)
{
    const void *parts;
    uint32_t n_parts;
    *out = NULL;
    *out_n = 0;
    if (srt_split(q, pair, s, n, -1, &parts, &n_parts) < 0)
        return -1;
    const SrtDatum *p = parts;
    SrtDatum *k = srt_scratch_alloc(q, sizeof *k * ((size_t)n_parts + 1));
    SrtDatum *v = srt_scratch_alloc(q, sizeof *v * ((size_t)n_parts + 1));
    if (!k || !v)
        return -1;
    for (uint32_t i = 0; i < n_parts; i++) {
        const void *two;
        uint32_t n_two;
        if (srt_split(q, kv, p[i].p, p[i].n, 2, &two, &n_two) < 0)
            return -1;
        const SrtDatum *t = two;
        k[i] = t[0]; /* Java's split gives at least one part */
        memset(&v[i], 0, sizeof v[i]);
        if (n_two > 1)
            v[i] = t[1];
        else
            v[i].is_null = 1;
    }
    return srt_map_build(q, type, k, n_parts, v, n_parts, out, out_n);
}
