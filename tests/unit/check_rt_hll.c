/* check_rt_hll.c - Spark's xxHash64 of values and the HLL++ sketch of approx_count_distinct.
**
** Hash values are Spark's own test vectors (XXH64Suite: seeds 0 and 2654435761 over its
** generated buffer; the xxhash64('Spark', array(123), 2) example of hash.scala).  The
** sketch tests follow HyperLogLogPlusPlusSuite: estimates within 3 standard errors of
** the true count, NULL-free empty sketches estimating 0, merged halves equal to the
** whole, 0.0 = -0.0 and every NaN one value.
*/
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"
#include "state/srt_hll.h"

#define PRIME 2654435761ull

static uint8_t buffer[101];

static void make_buffer(void)
{
    uint64_t seed = PRIME;
    for (int i = 0; i < 101; i++) {
        buffer[i] = (uint8_t)(seed >> 24);
        seed *= seed;
    }
}

START_TEST(test_xxh64_vectors)
{
    make_buffer();
    const int32_t test_int = 0x4B1FFF9E;
    const int64_t test_long = (int64_t)0xDD2F535E4B1FFF9Eull;
    ck_assert_uint_eq(srt_xxh64_i32(test_int, 0), 0x9256E58AA397AEF1ull);
    ck_assert_uint_eq(srt_xxh64_i32(test_int, PRIME), 0x9D5FFDFB928AB4Bull);
    ck_assert_uint_eq(srt_xxh64_i64(test_long, 0), 0xF74CB1451B32B8CFull);
    ck_assert_uint_eq(srt_xxh64_i64(test_long, PRIME), 0x9C44B77FBCC302C5ull);
    static const struct {
        uint32_t n;
        uint64_t h0, hp;
    } bytes[] = {
        {0, 0xEF46DB3751D8E999ull, 0xAC75FDA2929B17EFull},
        {1, 0x4FCE394CC88952D8ull, 0x739840CB819FA723ull},
        {4, 0x9256E58AA397AEF1ull, 0x9D5FFDFB928AB4Bull},
        {8, 0xF74CB1451B32B8CFull, 0x9C44B77FBCC302C5ull},
        {14, 0xCFFA8DB881BC3A3Dull, 0x5B9611585EFCC9CBull},
        {101, 0x0EAB543384F878ADull, 0xCAA65939306F1E21ull},
    };
    for (size_t i = 0; i < sizeof bytes / sizeof bytes[0]; i++) {
        ck_assert_msg(srt_xxh64_bytes(buffer, bytes[i].n, 0) == bytes[i].h0, "length %u, seed 0", bytes[i].n);
        ck_assert_msg(srt_xxh64_bytes(buffer, bytes[i].n, PRIME) == bytes[i].hp, "length %u, seed prime", bytes[i].n);
    }
}
END_TEST

/* hash.scala's example: xxhash64('Spark', array(123), 2) = 5602566077635097486, each
   argument hashed with the previous one's hash as seed, starting from 42. */
START_TEST(test_xxh64_chain)
{
    uint64_t h = srt_xxh64_bytes("Spark", 5, 42);
    h = srt_xxh64_i32(123, h);
    h = srt_xxh64_i32(2, h);
    ck_assert_uint_eq(h, 5602566077635097486ull);
}
END_TEST

/* A DECIMAL of more than 18 digits: hashUnsafeBytes of BigInteger.toByteArray of the
   unscaled value, big-endian two's complement in the fewest bytes (written out by hand). */
START_TEST(test_xxh64_decimal_bytes)
{
    static const struct {
        int64_t hi;
        uint64_t lo;
        uint8_t n, bytes[16];
    } cases[] = {
        {0, 0, 1, {0x00}},
        {-1, ~0ull, 1, {0xFF}},
        {0, 127, 1, {0x7F}},
        {0, 128, 2, {0x00, 0x80}},
        {-1, (uint64_t)-128, 1, {0x80}},
        {-1, (uint64_t)-129, 2, {0xFF, 0x7F}},
        {0, 0x8000000000000000ull, 9, {0x00, 0x80, 0, 0, 0, 0, 0, 0, 0}},
        {-1, 0x8000000000000000ull, 8, {0x80, 0, 0, 0, 0, 0, 0, 0}},
        {0, ~0ull, 9, {0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}},
        /* 10^38 - 1 = 0x4B3B4CA85A86C47A098A223FFFFFFFFF */
        {0x4B3B4CA85A86C47All, 0x098A223FFFFFFFFFull, 16,
         {0x4B, 0x3B, 0x4C, 0xA8, 0x5A, 0x86, 0xC4, 0x7A, 0x09, 0x8A, 0x22, 0x3F, 0xFF, 0xFF, 0xFF, 0xFF}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        srt_i128 v = (srt_i128)((unsigned __int128)(uint64_t)cases[i].hi << 64 | cases[i].lo);
        ck_assert_msg(srt_xxh64_dec(v, 42) == srt_xxh64_bytes(cases[i].bytes, cases[i].n, 42), "case %zu", i);
    }
    /* -(10^38 - 1): the two's complement of the bytes above */
    srt_i128 max = (srt_i128)((unsigned __int128)0x4B3B4CA85A86C47Aull << 64 | 0x098A223FFFFFFFFFull);
    static const uint8_t neg[16] = {0xB4, 0xC4, 0xB3, 0x57, 0xA5, 0x79, 0x3B, 0x85,
                                    0xF6, 0x75, 0xDD, 0xC0, 0x00, 0x00, 0x00, 0x01};
    ck_assert(srt_xxh64_dec(-max, 42) == srt_xxh64_bytes(neg, 16, 42));
}
END_TEST

START_TEST(test_xxh64_double)
{
    ck_assert_uint_eq(srt_xxh64_f64(-0.0, 42), srt_xxh64_i64(0, 42));
    ck_assert_uint_eq(srt_xxh64_f64(0.0, 42), srt_xxh64_i64(0, 42));
    uint64_t nan_bits = 0x7ff1234512345678ull, canon = 0x7ff8000000000000ull;
    double special;
    memcpy(&special, &nan_bits, 8);
    ck_assert(isnan(special));
    ck_assert_uint_eq(srt_xxh64_f64(special, 42), srt_xxh64_i64((int64_t)canon, 42));
    ck_assert_uint_eq(srt_xxh64_f64(-NAN, 42), srt_xxh64_i64((int64_t)canon, 42));
    double one = 1.0;
    uint64_t one_bits;
    memcpy(&one_bits, &one, 8);
    ck_assert_uint_eq(srt_xxh64_f64(1.0, 42), srt_xxh64_i64((int64_t)one_bits, 42));
}
END_TEST

/* HyperLogLogPlusPlusHelper's p for a relative standard deviation. */
static int precision(double rsd)
{
    return (int)ceil(2.0 * log(1.106 / rsd) / log(2.0));
}

static uint64_t *sketch(int p)
{
    uint64_t *w = calloc(srt_hll_words(p), 8);
    ck_assert_ptr_nonnull(w);
    return w;
}

START_TEST(test_hll_layout)
{
    ck_assert_int_eq(precision(0.05), 9);
    ck_assert_uint_eq(srt_hll_words(9), 52);     /* Spark's 52 words (MS[0]..MS[51]) */
    ck_assert_uint_eq(srt_hll_words(4), 2);
    uint64_t *w = sketch(9);
    ck_assert_int_eq(srt_hll_estimate(w, 9), 0); /* "add nulls": nothing added */
    /* A hash with top 9 bits = 13 goes to register 13: word 1, bits 18..23; the rest of
       the bits (after the index) start with 2 zeros, so the register holds 3. */
    uint64_t x = (13ull << 55) | (1ull << 52);
    srt_hll_add(w, 9, x);
    ck_assert_uint_eq(w[1], 3ull << 18);
    srt_hll_add(w, 9, (13ull << 55) | (1ull << 54)); /* smaller: kept */
    ck_assert_uint_eq(w[1], 3ull << 18);
    srt_hll_add(w, 9, 13ull << 55); /* all zeros: the padding bit ends the run, 56 */
    ck_assert_uint_eq(w[1], 56ull << 18);
    ck_assert_int_eq(srt_hll_estimate(w, 9), 1);
    free(w);
}
END_TEST

static void check_estimate(double rsd, int n, int repeats)
{
    int p = precision(rsd);
    uint64_t *w = sketch(p);
    for (int i = 0; i < n * repeats; i++)
        srt_hll_add(w, p, srt_xxh64_i32(i / repeats, 42));
    double est = (double)srt_hll_estimate(w, p);
    double true_rsd = 1.04 / sqrt((double)(1u << p));
    double err = fabs(est / n - 1.0);
    ck_assert_msg(err < true_rsd * 3.0, "rsd %g n %d: estimate %g", rsd, n, est);
    free(w);
}

START_TEST(test_hll_deterministic)
{
    static const double rsds[] = {0.1, 0.05, 0.025, 0.01, 0.001};
    static const int ns[] = {100, 500, 1000, 5000, 10000, 50000, 100000};
    for (size_t r = 0; r < sizeof rsds / sizeof rsds[0]; r++)
        for (size_t k = 0; k < sizeof ns / sizeof ns[0]; k++)
            check_estimate(rsds[r], ns[k], 10);
    check_estimate(0.05, 1000000, 1);
    check_estimate(0.3, 1000, 1); /* p = 4: the smallest */
}
END_TEST

START_TEST(test_hll_small_exact)
{
    uint64_t *w = sketch(9);
    static const double vals[] = {1, 1, 2, 2, 3};
    for (int i = 0; i < 5; i++)
        srt_hll_add(w, 9, srt_xxh64_f64(vals[i], 42));
    ck_assert_int_eq(srt_hll_estimate(w, 9), 3);
    srt_hll_add(w, 9, srt_xxh64_f64(0.0, 42));
    srt_hll_add(w, 9, srt_xxh64_f64(-0.0, 42));
    srt_hll_add(w, 9, srt_xxh64_f64(NAN, 42));
    srt_hll_add(w, 9, srt_xxh64_f64(-NAN, 42));
    ck_assert_int_eq(srt_hll_estimate(w, 9), 5);
    free(w);
}
END_TEST

/* "merging HLL instances": two halves merged equal the whole added in reverse. */
START_TEST(test_hll_merge)
{
    int p = 9;
    uint32_t n = srt_hll_words(p);
    uint64_t *a = sketch(p), *b = sketch(p), *c = sketch(p);
    for (int i = 0; i < 500000; i++)
        srt_hll_add(a, p, srt_xxh64_i32(i, 42));
    for (int i = 500000; i < 1000000; i++)
        srt_hll_add(b, p, srt_xxh64_i32(i, 42));
    srt_hll_merge(a, b, p);
    for (int i = 999999; i >= 0; i--)
        srt_hll_add(c, p, srt_xxh64_i32(i, 42));
    ck_assert(memcmp(a, c, n * 8u) == 0);
    /* the unused top 4 bits of every word stay 0 */
    for (uint32_t i = 0; i < n; i++)
        ck_assert_uint_eq(a[i] >> 60, 0);
    free(a);
    free(b);
    free(c);
}
END_TEST

/* The tables as transcribed: per precision as many biases as raw estimates, and each raw
   estimate minus its bias is the true cardinality of the appendix, a whole number that
   grows with the index (a wrong digit in either table breaks this). */
START_TEST(test_hll_tables)
{
    for (int i = 0; i < 15; i++) {
        ck_assert_int_eq(srt_hll_raw[i].n, srt_hll_bias[i].n);
        ck_assert_int_ge(srt_hll_raw[i].n, 79);
        double prev = 0;
        for (int k = 0; k < srt_hll_raw[i].n; k++) {
            double d = srt_hll_raw[i].v[k] - srt_hll_bias[i].v[k];
            ck_assert_msg(fabs(d - round(d)) < 1e-6 && round(d) > prev, "precision %d, entry %d", i + 4, k);
            prev = round(d);
        }
    }
    ck_assert_double_eq(srt_hll_thresholds[10], 15500); /* Spark keeps the appendix's value */
}
END_TEST

Suite *rt_hll_suite(void)
{
    Suite *s = suite_create("rt_hll");
    TCase *th = tcase_create("xxhash64");
    tcase_add_test(th, test_xxh64_vectors);
    tcase_add_test(th, test_xxh64_chain);
    tcase_add_test(th, test_xxh64_double);
    tcase_add_test(th, test_xxh64_decimal_bytes);
    suite_add_tcase(s, th);
    TCase *tl = tcase_create("hll");
    tcase_set_timeout(tl, 60);
    tcase_add_test(tl, test_hll_tables);
    tcase_add_test(tl, test_hll_layout);
    tcase_add_test(tl, test_hll_deterministic);
    tcase_add_test(tl, test_hll_small_exact);
    tcase_add_test(tl, test_hll_merge);
    suite_add_tcase(s, tl);
    return s;
}
