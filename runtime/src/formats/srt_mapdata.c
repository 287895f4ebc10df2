/* srt_mapdata.c - MAP values built for generated code as Spark 3.5's ArrayBasedMapBuilder
** builds them (map(), map_from_arrays, str_to_map, map_concat): NULL keys refused,
** duplicate keys refused (spark.sql.mapKeyDedupPolicy EXCEPTION, the default), FLOAT and
** DOUBLE keys normalised (NormalizeFloatingNumbers: one NaN, -0.0 as 0.0).
**
** Keys are equal when their canonical bytes (srt_key.c) are: that is HashMap equality of
** the normalised atomic keys and the interpreted ordering's equality of nested ones.  Each
** key is looked up among the earlier ones in order (ArrayBasedMapBuilder.put: keyToIndex,
** a HashMap, or a TreeMap for keys without one; the first key met again is the one the
** error names): a scan for a few keys, an open-addressing table of their bytes' hashes
** beyond, so a map of n keys costs O(n).
*/
#include <stdbool.h>
#include <string.h>

#include "srt_int.h"

typedef struct KeyBytes {
    const uint8_t *p;
    uint32_t n;
} KeyBytes;

/* Up to this many keys are compared with every earlier one; more go through a table. */
#define MAP_SCAN_KEYS 8

/* The earlier keys kb[0, n) (n keys seen of n_keys): is k one of them?  slots: NULL while
   n_keys <= MAP_SCAN_KEYS, else a table of mask + 1 slots holding key index + 1 (0: empty),
   into which k is entered when new (as kb[n]). */
static bool seen_before(const KeyBytes *kb, uint32_t n, const KeyBytes *k, uint32_t *slots,
                        uint32_t mask)
{
    if (!slots) {
        for (uint32_t j = 0; j < n; j++)
            if (kb[j].n == k->n && memcmp(kb[j].p, k->p, k->n) == 0)
                return true;
        return false;
    }
    for (uint32_t s = (uint32_t)srt_hash(k->p, k->n) & mask;; s = (s + 1) & mask) {
        uint32_t j = slots[s];
        if (!j) {
            slots[s] = n + 1;
            return false;
        }
        if (kb[j - 1].n == k->n && memcmp(kb[j - 1].p, k->p, k->n) == 0)
            return true;
    }
}

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
    uint32_t *slots = NULL, mask = 0;
    if (n_keys > MAP_SCAN_KEYS) { /* at most half full */
        size_t cap = 16;
        while (cap < 2 * (size_t)n_keys)
            cap *= 2;
        slots = srt_scratch_alloc(q, sizeof *slots * cap);
        if (slots)
            memset(slots, 0, sizeof *slots * cap);
        mask = (uint32_t)(cap - 1);
    }
    if (!o || !kb || (n_keys > MAP_SCAN_KEYS && !slots))
        return -1;
    uint32_t n = 0;
    for (uint32_t i = 0; i < n_keys; i++) {
        if (k[i].is_null) {
            srt_query_fail(q, "[NULL_MAP_KEY] Cannot use null as map key.");
            return -1;
        }
        KeyBytes kn;
        kn.p = srt_key_bytes(q, t->key, &k[i], 0, &kn.n);
        if (seen_before(kb, n, &kn, slots, mask))
            return fail_duplicate(q, t->key, &k[i]);
        kb[n] = kn;
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
