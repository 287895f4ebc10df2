/* check_rt_collect.c - collect_list / collect_set values: Spark's string hash, the order of
** Scala 2.12's HashSet, Spark's stages for a set over batches (NaN kept, -0.0 met by 0.0),
** the checkpoint form, and the group table owning, saving, restoring and freeing them.
*/
#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "srt_int.h"

#define SET(k) ((uint32_t)(k) | SRT_COLLECT_SET)

static int64_t dbits(double d)
{
    int64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

/* The values of c in result order, as i (integers) or d (doubles). */
static uint32_t result_of(SrtMem *m, const SrtCollect *c, uint32_t kind, SrtDatum *out, uint32_t cap)
{
    uint32_t *order;
    int64_t k = srt_collect_order(m, c, kind, &order);
    ck_assert_int_ge(k, 0);
    ck_assert_uint_le((uint64_t)k, cap);
    for (int64_t i = 0; i < k; i++)
        srt_collect_datum(c, kind, order[i], &out[i]);
    srt_collect_free_order(m, c, kind, order);
    return (uint32_t)k;
}

/* Murmur3_x86_32.hashInt(v, seed), as Spark's hash() chains values: the same as
   hashUnsafeBytes of the int's 4 little-endian bytes. */
static int32_t hash_int(int32_t v, int32_t seed)
{
    char b[4];
    for (int i = 0; i < 4; i++)
        b[i] = (char)((uint32_t)v >> (8 * i));
    int32_t h = srt_m3_bytes(b, 4, seed);
    ck_assert_int_eq(h, srt_m3_i32(v, seed));
    return h;
}

START_TEST(test_string_hash)
{
    /* Spark's documented SELECT hash('Spark', array(123), 2) = -1321691492: the string's
       hashUnsafeBytes with seed 42, then each int hashed with the previous as seed. */
    int32_t h = srt_m3_bytes("Spark", 5, 42);
    h = hash_int(2, hash_int(123, h));
    ck_assert_int_eq(h, -1321691492);
    /* The tail bytes are sign-extended one at a time (not the standard Murmur3 tail). */
    ck_assert_int_ne(srt_m3_bytes("\xc3\xa9", 2, 42), srt_m3_bytes("\x43\x29", 2, 42));
}
END_TEST

START_TEST(test_hashset_order)
{
    SrtMem m;
    srt_mem_init(&m);
    /* Scala 2.12: mutable.HashSet(1, 2, 3, 4, 5) iterates as Set(1, 5, 2, 3, 4).  A batch's
       rows go through B four times before the output; for these the order stays. */
    SrtCollect *c = NULL;
    for (int i = 1; i <= 5; i++)
        ck_assert_int_eq(srt_collect_push(&m, &c, SET(SRT_COLLECT_INT), 1, 0, i, 0, NULL, 0), 0);
    ck_assert_int_eq(srt_collect_settle(&m, c, SET(SRT_COLLECT_INT)), 0);
    SrtDatum d[64];
    uint32_t n = result_of(&m, c, SET(SRT_COLLECT_INT), d, 64);
    static const int64_t want[] = {1, 5, 2, 3, 4};
    ck_assert_uint_eq(n, 5);
    for (uint32_t i = 0; i < n; i++)
        ck_assert_int_eq(d[i].i, want[i]);
    srt_collect_free(&m, c, SRT_COLLECT_INT);
    /* 1..20 grows the table past 14 elements (32 -> 64 slots, rebuilt in slot order). */
    c = NULL;
    for (int i = 1; i <= 20; i++)
        ck_assert_int_eq(srt_collect_push(&m, &c, SET(SRT_COLLECT_INT), 1, 0, i, 0, NULL, 0), 0);
    ck_assert_int_eq(srt_collect_settle(&m, c, SET(SRT_COLLECT_INT)), 0);
    n = result_of(&m, c, SET(SRT_COLLECT_INT), d, 64);
    static const int64_t want20[] = {15, 9, 1, 16, 2, 17, 3, 18, 10, 4, 11, 12, 19, 13, 5, 20, 6, 7, 14, 8};
    ck_assert_uint_eq(n, 20);
    for (uint32_t i = 0; i < n; i++)
        ck_assert_int_eq(d[i].i, want20[i]);
    srt_collect_free(&m, c, SRT_COLLECT_INT);
    /* Strings hash as UTF8String: "a".."e" iterate as c, b, a, e, d. */
    c = NULL;
    const char *letters = "abcde";
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(srt_collect_push(&m, &c, SET(SRT_COLLECT_STRING), 1, 0, 0, 0, letters + i, 1), 0);
    ck_assert_int_eq(srt_collect_settle(&m, c, SET(SRT_COLLECT_STRING)), 0);
    n = result_of(&m, c, SET(SRT_COLLECT_STRING), d, 64);
    ck_assert_uint_eq(n, 5);
    char got[6] = {0};
    for (uint32_t i = 0; i < n; i++) {
        ck_assert_uint_eq(d[i].n, 1);
        got[i] = *(const char *)d[i].p;
    }
    ck_assert_str_eq(got, "cbaed");
    srt_collect_free(&m, c, SRT_COLLECT_INT);
    ck_assert_uint_eq(m.in_use, 0);
}
END_TEST

START_TEST(test_set_doubles_over_batches)
{
    SrtMem m;
    srt_mem_init(&m);
    uint32_t k = SET(SRT_COLLECT_DOUBLE);
    SrtCollect *c = NULL;
    /* Batch 0: 1.5, -0.0, 0.0, NaN, NaN, NULL: 0.0 meets -0.0 (numeric ==) and goes, the NaNs
       are never equal and both stay: [-0.0, 1.5, NaN, NaN]. */
    const double b0[] = {1.5, -0.0, 0.0, NAN, NAN};
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(srt_collect_push(&m, &c, k, 1, 0, dbits(b0[i]), 0, NULL, 0), 0);
    ck_assert_int_eq(srt_collect_push(&m, &c, k, 1, 1, 0, 0, NULL, 0), 0);
    ck_assert_int_eq(srt_collect_settle(&m, c, k), 0);
    SrtDatum d[16];
    uint32_t n = result_of(&m, c, k, d, 16);
    ck_assert_uint_eq(n, 4);
    ck_assert(d[0].d == 0.0 && signbit(d[0].d));
    ck_assert(d[1].d == 1.5);
    ck_assert(isnan(d[2].d) && isnan(d[3].d));
    /* Batch 1 (no output ran before its first row: settled then): 2.5, 0.0, -0.0 join as
       [-0.0, 2.5, 1.5, NaN, NaN]. */
    const double b1[] = {2.5, 0.0, -0.0};
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(srt_collect_push(&m, &c, k, 2, 0, dbits(b1[i]), 0, NULL, 0), 0);
    ck_assert_int_eq(srt_collect_settle(&m, c, k), 0);
    n = result_of(&m, c, k, d, 16);
    ck_assert_uint_eq(n, 5);
    ck_assert(d[0].d == 0.0 && signbit(d[0].d));
    ck_assert(d[1].d == 2.5 && d[2].d == 1.5);
    ck_assert(isnan(d[3].d) && isnan(d[4].d));
    /* The checkpoint form reads back to the same result. */
    SrtBuf b;
    srt_buf_init(&b, &m);
    srt_collect_encode(c, k, &b);
    ck_assert_uint_eq(b.n, srt_collect_encoded_size(c, k));
    SrtCollect *r;
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_collect_decode(&m, k, (const uint8_t *)b.p, b.n, &r, &err), 0);
    SrtDatum e[16];
    ck_assert_uint_eq(result_of(&m, r, k, e, 16), 5);
    for (int i = 0; i < 5; i++)
        ck_assert(memcmp(&d[i].d, &e[i].d, sizeof(double)) == 0);
    /* A truncated form is refused. */
    SrtCollect *bad;
    ck_assert_int_eq(srt_collect_decode(&m, k, (const uint8_t *)b.p, b.n - 1, &bad, &err), -SRT_ERR_FORMAT);
    ck_assert_ptr_null(bad);
    srt_buf_free(&b);
    srt_collect_free(&m, r, SRT_COLLECT_INT);
    srt_collect_free(&m, c, SRT_COLLECT_INT);
    ck_assert_uint_eq(m.in_use, 0);
}
END_TEST

START_TEST(test_list_order_and_strings)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtCollect *c = NULL;
    /* NULLs skipped, duplicates and order of arrival kept, the empty string is a value. */
    const char *v[] = {"x", NULL, "héllo", "", "x"};
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(srt_collect_push(&m, &c, SRT_COLLECT_STRING, 0, v[i] == NULL, 0, 0, v[i],
                                          v[i] ? (uint32_t)strlen(v[i]) : 0),
                         0);
    SrtDatum d[8];
    ck_assert_uint_eq(result_of(&m, c, SRT_COLLECT_STRING, d, 8), 4);
    ck_assert(d[0].n == 1 && memcmp(d[0].p, "x", 1) == 0);
    ck_assert(d[1].n == 6 && memcmp(d[1].p, "héllo", 6) == 0);
    ck_assert_uint_eq(d[2].n, 0);
    ck_assert(d[3].n == 1 && memcmp(d[3].p, "x", 1) == 0);
    SrtBuf b;
    srt_buf_init(&b, &m);
    srt_collect_encode(c, SRT_COLLECT_STRING, &b);
    ck_assert_uint_eq(b.n, 4 * 4 + 1 + 6 + 0 + 1);
    SrtCollect *r;
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_collect_decode(&m, SRT_COLLECT_STRING, (const uint8_t *)b.p, b.n, &r, &err), 0);
    SrtDatum e[8];
    ck_assert_uint_eq(result_of(&m, r, SRT_COLLECT_STRING, e, 8), 4);
    ck_assert(e[1].n == 6 && memcmp(e[1].p, "héllo", 6) == 0);
    srt_buf_free(&b);
    srt_collect_free(&m, r, SRT_COLLECT_INT);
    srt_collect_free(&m, c, SRT_COLLECT_INT);
    /* Only NULLs: no vector at all (the result is the empty array). */
    c = NULL;
    ck_assert_int_eq(srt_collect_push(&m, &c, SRT_COLLECT_INT, 0, 1, 0, 0, NULL, 0), 0);
    ck_assert_ptr_null(c);
    ck_assert_uint_eq(m.in_use, 0);
}
END_TEST

/* Keep groups whose key starts with "k" (remove the others). */
static int drop_not_k(void *ctx, const uint8_t *key, uint32_t key_len, const uint8_t *state)
{
    (void)ctx;
    (void)state;
    return key_len == 0 || key[0] != 'k';
}

START_TEST(test_table_owns_values)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtAggTable *t = srt_agg_new(&m, 32);
    ck_assert_ptr_nonnull(t);
    const SrtCollectSlot slots[2] = {{0, SRT_COLLECT_LONG}, {16, SET(SRT_COLLECT_STRING)}};
    ck_assert_int_eq(srt_agg_set_collect_slots(t, slots, 2), 0);
    const SrtCollectSlot overlap[2] = {{0, SRT_COLLECT_LONG}, {8, SRT_COLLECT_LONG}};
    ck_assert_int_eq(srt_agg_set_collect_slots(t, overlap, 2), -SRT_ERR_FORMAT);
    size_t empty = srt_agg_bytes(t);
    /* Two groups, a batch of rows each. */
    const char *keys[2] = {"k1", "z2"};
    for (int g = 0; g < 2; g++) {
        uint8_t *st;
        ck_assert_int_eq(srt_agg_find_or_add(t, keys[g], 2, srt_hash(keys[g], 2), &st), 0);
        for (int i = 0; i < 40; i++) {
            srt_collect_add(t, st, SRT_COLLECT_LONG, 1, 0, i * (g + 1), 0, NULL, 0);
            char s[8];
            int n = snprintf(s, sizeof s, "s%d", i % 7);
            srt_collect_add(t, st + 16, SET(SRT_COLLECT_STRING), 1, 0, 0, 0, s, (uint32_t)n);
        }
    }
    ck_assert_uint_gt(srt_agg_bytes(t), empty);
    ck_assert_int_eq(srt_agg_settle_collects(t), 0);
    /* Saved and restored into a second table: the same values. */
    SrtBuf b;
    srt_buf_init(&b, &m);
    uint8_t *st = srt_agg_lookup(t, "k1", 2, srt_hash("k1", 2));
    srt_agg_encode_state(t, st, &b);
    SrtAggTable *t2 = srt_agg_new(&m, 32);
    ck_assert_int_eq(srt_agg_set_collect_slots(t2, slots, 2), 0);
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_agg_restore(t2, "k1", 2, (const uint8_t *)b.p, (uint32_t)b.n, &err), 0);
    /* Restored again (a later version of the group): the first values are freed. */
    ck_assert_int_eq(srt_agg_restore(t2, "k1", 2, (const uint8_t *)b.p, (uint32_t)b.n, &err), 0);
    ck_assert_int_eq(srt_agg_restore(t2, "k1", 2, (const uint8_t *)b.p, (uint32_t)b.n - 1, &err),
                     -SRT_ERR_FORMAT);
    uint8_t *st2 = srt_agg_lookup(t2, "k1", 2, srt_hash("k1", 2));
    for (int s = 0; s < 2; s++) {
        SrtCollect *c1, *c2;
        memcpy(&c1, st + slots[s].offset, sizeof c1);
        memcpy(&c2, st2 + slots[s].offset, sizeof c2);
        SrtDatum d1[64], d2[64];
        uint32_t n1 = result_of(&m, c1, slots[s].kind, d1, 64);
        uint32_t n2 = result_of(&m, c2, slots[s].kind, d2, 64);
        ck_assert_uint_eq(n1, s == 0 ? 40 : 7);
        ck_assert_uint_eq(n1, n2);
        for (uint32_t i = 0; i < n1; i++) {
            ck_assert_int_eq(d1[i].i, d2[i].i);
            ck_assert_uint_eq(d1[i].n, d2[i].n);
            if (d1[i].n)
                ck_assert(memcmp(d1[i].p, d2[i].p, d1[i].n) == 0);
        }
    }
    srt_buf_free(&b);
    srt_agg_free(t2);
    /* Evicting a group frees its values. */
    size_t before = m.in_use;
    size_t removed = 0;
    ck_assert_int_eq(srt_agg_remove_if(t, drop_not_k, NULL, &removed), 0);
    ck_assert_uint_eq(removed, 1);
    ck_assert_uint_lt(m.in_use, before);
    ck_assert_int_eq(srt_agg_delete(t, "k1", 2), 0);
    srt_agg_free(t);
    ck_assert_uint_eq(m.in_use, 0);
}
END_TEST

START_TEST(test_out_of_memory)
{
    /* Every allocation failing in turn: an error, never a crash or a leak. */
    for (int64_t fail = 0; fail < 40; fail++) {
        SrtMem m;
        srt_mem_init(&m);
        m.fail_after = fail;
        SrtCollect *c = NULL;
        int rc = 0;
        for (int i = 0; i < 30 && rc == 0; i++)
            rc = srt_collect_push(&m, &c, SET(SRT_COLLECT_INT), 1, 0, i, 0, NULL, 0);
        if (rc == 0)
            rc = srt_collect_settle(&m, c, SET(SRT_COLLECT_INT));
        ck_assert(rc == 0 || rc == -SRT_ERR_NOMEM);
        srt_collect_free(&m, c, SRT_COLLECT_INT);
        ck_assert_uint_eq(m.in_use, 0);
    }
}
END_TEST

/* Spark's Percentile.getPercentile: position (n - 1) * p, the values at floor and ceil,
   linear interpolation between them; NaN sorts last; expected values worked out by hand. */
START_TEST(test_percentile)
{
    double a[] = {10, -3, 4, 10};                    /* sorted -3 4 10 10 */
    ck_assert(srt_percentile(a, 4, 0.5, 0) == 7.0);     /* position 1.5: 0.5 * 4 + 0.5 * 10 */
    double b[] = {10, -3, 4, 10};
    ck_assert(srt_percentile(b, 4, 0.25, 0) == 2.25);   /* 0.75: 0.25 * -3 + 0.75 * 4 */
    double c[] = {10, -3, 4, 10};
    ck_assert(srt_percentile(c, 4, 1.0, 0) == 10.0);
    double d[] = {10, -3, 4, 10};
    ck_assert(srt_percentile(d, 4, 0.0, 0) == -3.0);
    double e[] = {NAN, 1.0, -1.0};                   /* -1 1 NaN */
    ck_assert(srt_percentile(e, 3, 0.5, 0) == 1.0);
    double f[] = {NAN, 1.0, -1.0};
    ck_assert(isnan(srt_percentile(f, 3, 0.75, 0)));    /* between 1 and NaN */
    double g[] = {5.0, 5.0, 5.0};                    /* one key: no interpolation */
    ck_assert(srt_percentile(g, 3, 0.3, 0) == 5.0);
    double h[] = {0.0, -0.0, 2.0};                   /* 64 slots: -0.0's home 20, 0.0's 30 */
    ck_assert(signbit(srt_percentile(h, 3, 0.0, 0)));
    /* 1000 keys, 2048 slots: 0.0's home slot before -0.0's (a python3 model of Guava's
       murmur3_32: 0x2362f9de and 0x9994d794, & 2047: 478 and 1940) */
    static double k[1001];
    for (int j = 0; j < 999; j++)
        k[j] = j + 1.0;
    k[998] = -0.0;
    k[999] = 0.0;
    k[1000] = -0.0;
    ck_assert(!signbit(srt_percentile(k, 1001, 0.0, 0)));
    ck_assert(srt_percentile(k, 1001, 0.0, 0) == 0.0);
    double i1[] = {42.0};
    ck_assert(srt_percentile(i1, 1, 0.9, 0) == 42.0);
    /* Reverse (ORDER BY x DESC): 40, 30, 20, 10, 0; position 1 is 30 (Spark's
       percentiles.sql: percentile_cont(0.25) ... DESC of k = 0 is 30.0) */
    double r[] = {20.0, 0.0, 40.0, 10.0, 30.0};
    ck_assert(srt_percentile(r, 5, 0.25, SRT_PCT_REVERSE) == 30.0);
    double r2[] = {1.0, 2.0, NAN};
    ck_assert(isnan(srt_percentile(r2, 3, 0.0, SRT_PCT_REVERSE))); /* NaN first */
    /* reversed, the zeros keep the slot order (0.0 before the two -0.0, as ascending): the
       last of 999 .. 1, 0.0, -0.0, -0.0 is -0.0 */
    ck_assert(signbit(srt_percentile(k, 1001, 1.0, SRT_PCT_REVERSE)));
    /* PercentileDisc (SPARK-44871): 0..4 at 0.0, 0.1, ... 1.0 give 0 0 0 1 1 2 2 3 3 4 4 */
    static const double want[] = {0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4};
    for (int j = 0; j <= 10; j++) {
        double d5[] = {3.0, 1.0, 4.0, 0.0, 2.0};
        ck_assert(srt_percentile(d5, 5, j / 10.0, SRT_PCT_DISCRETE) == want[j]);
    }
    double d2[] = {0.0, 1.0}; /* 0.5 of two: ceil(1.0) = 1, the first */
    ck_assert(srt_percentile(d2, 2, 0.5, SRT_PCT_DISCRETE) == 0.0);
    ck_assert(srt_percentile(d2, 2, 0.5, SRT_PCT_DISCRETE | SRT_PCT_REVERSE) == 1.0);
}
END_TEST

/* Spark's Mode: the first largest count in OpenHashSet's slot order (Guava murmur3_32 of
   Java's hashCode); slots worked out with a separate python3 model: 1 -> 42 and 3 -> 49 of 64;
   0..49 grow the table to 128 slots, where 13 takes the first occupied slot. */
/* Decimal.hashCode (Scala 2.12's BigDecimal.hashCode): a whole value as its BigInt (an Int, a
   Long's Long.hashCode, else BigInteger.hashCode), the decimal form of a double as the double's
   ## (an exact float's floatToIntBits, else Double.hashCode), else mixLast of the stripped
   unscaled value's BigInteger.hashCode and its scale.  Expected values worked out by hand from
   those rules. */
START_TEST(test_decimal_hash)
{
    ck_assert_int_eq(srt_java_decimal_hash(200, 2), 2);                    /* 2.00 */
    ck_assert_int_eq(srt_java_decimal_hash(0, 5), 0);
    ck_assert_int_eq(srt_java_decimal_hash(3000000000, 0), -1294967296);   /* Long.hashCode */
    ck_assert_int_eq(srt_java_decimal_hash((srt_i128)10000000000000000000u * 100000, 5),
                     1476738428);                                           /* BigInteger */
    ck_assert_int_eq(srt_java_decimal_hash(10, 2), -1507852285);           /* 0.10: 0.1's bits */
    ck_assert_int_eq(srt_java_decimal_hash(5, 1), 1056964608);             /* 0.5f */
    ck_assert_int_eq(srt_java_decimal_hash(-325, 2), -1068498944);         /* -3.25f */
    /* 12345678901234567.12345: 22 digits, no double's: mixLast(BigInteger.hashCode, 5) */
    srt_i128 big = (srt_i128)1234567890123456712ll * 1000 + 345;
    uint32_t h = 0, k = 5u * 0xcc9e2d51u;
    for (int w = 3; w >= 0; w--) {
        uint32_t word = (uint32_t)((unsigned __int128)big >> (32 * w));
        if (word || h)
            h = 31u * h + word;
    }
    k = ((k << 15) | (k >> 17)) * 0x1b873593u;
    ck_assert_int_eq(srt_java_decimal_hash(big, 5), (int32_t)(h ^ k));
}
END_TEST

/* A HASHED element keeps the hashCode it came with through the checkpoint form. */
START_TEST(test_hashed_checkpoint)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtCollect *c = NULL, *back = NULL, *bad = NULL;
    uint32_t kind = SRT_COLLECT_NESTED | SRT_COLLECT_HASHED;
    ck_assert_int_eq(srt_collect_push(&m, &c, kind, 0, 0, -7, 0, "abc", 3), 0);
    ck_assert_int_eq(srt_collect_push(&m, &c, kind, 0, 0, 123456, 0, "", 0), 0);
    SrtBuf b;
    srt_buf_init(&b, &m);
    srt_collect_encode(c, kind, &b);
    ck_assert_uint_eq(b.n, srt_collect_encoded_size(c, kind));
    ck_assert_uint_eq(b.n, 8u + 3u + 8u);
    SrtErr err = {0};
    ck_assert_int_eq(srt_collect_decode(&m, kind, (const uint8_t *)b.p, b.n, &back, &err), 0);
    SrtBuf b2;
    srt_buf_init(&b2, &m);
    srt_collect_encode(back, kind, &b2);
    ck_assert_uint_eq(b2.n, b.n);
    ck_assert_mem_eq(b2.p, b.p, b.n);
    ck_assert_int_eq(srt_collect_decode(&m, kind, (const uint8_t *)b.p, 6, &bad, &err),
                     -SRT_ERR_FORMAT);
    srt_buf_free(&b);
    srt_buf_free(&b2);
    srt_collect_free(&m, c, kind);
    srt_collect_free(&m, back, kind);
    ck_assert_uint_eq(m.in_use, 0);
}
END_TEST

START_TEST(test_mode)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtCollect *c = NULL;
    const int32_t v[] = {3, 1, 3, 1};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(srt_collect_push(&m, &c, SRT_COLLECT_INT, 0, 0, v[i], 0, NULL, 0), 0);
    ck_assert_int_eq(srt_collect_mode_index(&m, c, SRT_COLLECT_INT), 1); /* the tie: 1 */
    ck_assert_int_eq(srt_collect_push(&m, &c, SRT_COLLECT_INT, 0, 0, 3, 0, NULL, 0), 0);
    ck_assert_int_eq(srt_collect_mode_index(&m, c, SRT_COLLECT_INT), 0);
    srt_collect_free(&m, c, SRT_COLLECT_INT);
    c = NULL;
    for (int i = 0; i < 50; i++)
        ck_assert_int_eq(srt_collect_push(&m, &c, SRT_COLLECT_INT, 0, 0, i, 0, NULL, 0), 0);
    ck_assert_int_eq(srt_collect_mode_index(&m, c, SRT_COLLECT_INT), 13);
    ck_assert_int_eq(srt_collect_push(&m, &c, SRT_COLLECT_INT, 0, 0, 40, 0, NULL, 0), 0);
    ck_assert_int_eq(srt_collect_mode_index(&m, c, SRT_COLLECT_INT), 40);
    for (int64_t fail = 0; fail < 4; fail++) {
        m.fail_after = fail;
        int64_t r = srt_collect_mode_index(&m, c, SRT_COLLECT_INT);
        ck_assert(r == 40 || r == -SRT_ERR_NOMEM);
    }
    m.fail_after = -1;
    srt_collect_free(&m, c, SRT_COLLECT_INT);
    ck_assert_uint_eq(m.in_use, 0);
}
END_TEST

/* percentile_approx's digest (srt_quantile.c): two batches of 60,000 values (the head buffer
   folded in, compressions, a merge), its checkpoint form read back and written again to the
   same bytes; allocation failures leave no leak. */
START_TEST(test_quantile_digest)
{
    SrtMem m;
    srt_mem_init(&m);
    const uint32_t kind = SRT_COLLECT_DOUBLE | SRT_COLLECT_QUANTILE;
    SrtQuantile *d = NULL;
    for (int64_t i = 0; i < 120000; i++)
        ck_assert_int_eq(srt_quantile_push(&m, &d, 1 + i / 60000, 0.01, (double)(i * 7919 % 100003)), 0);
    ck_assert_int_eq(srt_quantile_settle(&m, d), 0);
    SrtCollect *c = (SrtCollect *)(void *)d;
    SrtBuf b, b2;
    srt_buf_init(&b, &m);
    srt_buf_init(&b2, &m);
    srt_collect_encode(c, kind, &b);
    ck_assert_uint_eq(b.n, srt_collect_encoded_size(c, kind));
    uint64_t count = 0;
    for (int k = 0; k < 8; k++)
        count |= (uint64_t)(uint8_t)b.p[8 + k] << (8 * k);
    ck_assert_uint_eq(count, 120000);
    ck_assert(b.n > 24 && b.n < 24 + 24 * 1000); /* compressed: far fewer samples than values */
    SrtCollect *r;
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_collect_decode(&m, kind, (const uint8_t *)b.p, b.n, &r, &err), 0);
    srt_collect_encode(r, kind, &b2);
    ck_assert(b2.n == b.n && memcmp(b.p, b2.p, b.n) == 0);
    srt_collect_free(&m, r, kind);
    ck_assert_int_eq(srt_collect_decode(&m, kind, (const uint8_t *)b.p, b.n - 1, &r, &err),
                     -SRT_ERR_FORMAT);
    ck_assert_ptr_null(r);
    srt_buf_free(&b);
    srt_buf_free(&b2);
    srt_collect_free(&m, c, kind);
    ck_assert_uint_eq(m.in_use, 0);
    for (int64_t fail = 0; fail < 12; fail++) {
        d = NULL;
        m.fail_after = fail;
        int rc = 0;
        for (int64_t i = 0; i < 60000 && rc == 0; i++)
            rc = srt_quantile_push(&m, &d, 1 + i / 30000, 0.001, (double)(i * 7919 % 100003));
        if (rc == 0)
            rc = srt_quantile_settle(&m, d);
        ck_assert(rc == 0 || rc == -SRT_ERR_NOMEM);
        m.fail_after = -1;
        srt_quantile_free(&m, d);
        ck_assert_uint_eq(m.in_use, 0);
    }
}
END_TEST

/* One digest (relative error 0.01) of 3 M values in one batch, encoded into b: 20 runs of
   ascending values with repeats (steps of 0 to 4), the runs' ranges out of order, as a batch
   of time-ordered files read longest first gives, with a value inside a run every 1,000 (x
   lands amid the samples) and one below all others every 100,000 (x lands first); with nan,
   a NaN every 500,000 too (Java's order: above every number). */
static void quantile_encode(SrtMem *m, bool nan, SrtBuf *b)
{
    const int64_t n = 3000000, per = n / 20;
    SrtQuantile *d = NULL;
    uint64_t x = 88172645463325252u;
    double v = 0;
    for (int64_t i = 0; i < n; i++) {
        if (i % per == 0)
            v = (double)((i / per * 7 % 20) * per * 3);
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        v += (double)(x % 5);
        double y = v;
        if (nan && i % 500000 == 499998)
            y = NAN;
        else if (i % 100000 == 99999)
            y = -1.0 - (double)i;
        else if (i % 1000 == 999)
            y = v - (double)(x % 200);
        ck_assert_int_eq(srt_quantile_push(m, &d, 1, 0.01, y), 0);
    }
    ck_assert_int_eq(srt_quantile_settle(m, d), 0);
    srt_collect_encode((SrtCollect *)(void *)d, SRT_COLLECT_DOUBLE | SRT_COLLECT_QUANTILE, b);
    srt_quantile_free(m, d);
}

/* An add that would compress a stable digest again, made in place (part_add_stable), leaves
   the digest Spark's long way (a compression per add) leaves, byte for byte.  The digests of
   quantile_encode reach the sample limit (4 / relativeError) after compressing, and then 98%
   of their adds are made in place. */
START_TEST(test_quantile_stable_adds)
{
    SrtMem m;
    srt_mem_init(&m);
    for (int nan = 0; nan < 2; nan++) {
        SrtBuf fast, slow;
        srt_buf_init(&fast, &m);
        srt_buf_init(&slow, &m);
        srt_quantile_stable_adds = 1;
        quantile_encode(&m, nan, &fast);
        srt_quantile_stable_adds = 0;
        quantile_encode(&m, nan, &slow);
        srt_quantile_stable_adds = 1;
        ck_assert_uint_eq(fast.n, slow.n);
        ck_assert(memcmp(fast.p, slow.p, fast.n) == 0);
        srt_buf_free(&fast);
        srt_buf_free(&slow);
    }
    ck_assert_uint_eq(m.in_use, 0);
}
END_TEST

Suite *rt_collect_suite(void)
{
    Suite *s = suite_create("rt_collect");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_string_hash);
    tcase_add_test(tc, test_hashset_order);
    tcase_add_test(tc, test_set_doubles_over_batches);
    tcase_add_test(tc, test_list_order_and_strings);
    tcase_add_test(tc, test_table_owns_values);
    tcase_add_test(tc, test_out_of_memory);
    tcase_add_test(tc, test_percentile);
    tcase_add_test(tc, test_mode);
    tcase_add_test(tc, test_decimal_hash);
    tcase_add_test(tc, test_hashed_checkpoint);
    tcase_add_test(tc, test_quantile_digest);
    suite_add_tcase(s, tc);
    TCase *slow = tcase_create("slow"); /* the long way: a compression per add */
    tcase_set_timeout(slow, 300);
    tcase_add_test(slow, test_quantile_stable_adds);
    suite_add_tcase(s, slow);
    return s;
}
