/* check_rt_float.c - FLOAT helpers: Float.parseFloat casts, JSON floats, Float.toString, decimal to float. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

#define S(x) x, (uint32_t)strlen(x)

/* Float.parseFloat (Spark's Cast and UnivocityParser): one rounding of the decimal text. */
START_TEST(test_cast_str_f32)
{
    static const struct {
        const char *in;
        int ok;
        float v;
    } c[] = {
        {"0.1", 1, 0.1f},
        {"16777217", 1, 16777216.0f},
        /* halfway between 1 and its successor, plus a little: up (via double it would tie to 1) */
        {"1.00000005960464477539062500000000000000000001", 1, 1.00000012f},
        {"3.4028235E38", 1, 3.4028235E38f},
        {"3.4028236E38", 1, INFINITY},
        {"1.4E-45", 1, 1.4E-45f},
        {"7.0E-46", 1, 0.0f},
        {"8.0E-46", 1, 1.4E-45f},
        {" 1.5f ", 1, 1.5f},
        {"2.5d", 1, 2.5f},
        {"-0.0", 1, -0.0f},
        {"-Infinity", 1, -INFINITY},
        {"inf", 1, INFINITY},
        {"NaN", 1, NAN},
        {"1e", 0, 0},
        {"abc", 0, 0},
        {"", 0, 0},
        {"1.5ff", 0, 0},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        float v = -777;
        int rc = srt_cast_str_f32(S(c[i].in), &v);
        ck_assert_msg((rc == 0) == c[i].ok, "case %zu (%s)", i, c[i].in);
        if (rc != 0)
            continue;
        if (isnan(c[i].v))
            ck_assert(isnan(v));
        else
            ck_assert_msg(v == c[i].v && signbit(v) == signbit(c[i].v), "case %zu (%s): %.9g", i, c[i].in, v);
    }
}
END_TEST

/* JacksonParser's getFloatValue: the token's text rounded once; NaN and infinities as for DOUBLE. */
START_TEST(test_json_f32)
{
    static const struct {
        const char *in;
        long consumed;
        int st;
        float v;
    } c[] = {
        {"0.1", 3, SRT_JV_OK, 0.1f},
        {"16777217,", 8, SRT_JV_OK, 16777216.0f},
        {"1.00000005960464477539062500000000000000000001}", 46, SRT_JV_OK, 1.00000012f},
        {"1.4E-45", 7, SRT_JV_OK, 1.4E-45f},
        {"1e39", 4, SRT_JV_OK, INFINITY},
        {"-0.0", 4, SRT_JV_OK, -0.0f},
        {"\"NaN\"", 5, SRT_JV_OK, NAN},
        {"\"-Infinity\"", 11, SRT_JV_OK, -INFINITY},
        {"\"1.5\"", 5, SRT_JV_BADTYPE, 0},
        {"null", 4, SRT_JV_NULL, 0},
        {"true", 4, SRT_JV_BADTYPE, 0},
        {"1e", -1, 0, 0},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        float v = -777;
        int st = -1;
        const char *end = c[i].in + strlen(c[i].in);
        const char *r = srt_json_f32(c[i].in, end, &v, &st);
        long consumed = r ? (long)(r - c[i].in) : -1;
        ck_assert_msg(consumed == c[i].consumed, "case %zu (%s): consumed %ld", i, c[i].in, consumed);
        if (consumed < 0)
            continue;
        ck_assert_msg(st == c[i].st, "case %zu (%s): st %d", i, c[i].in, st);
        if (st != SRT_JV_OK)
            continue;
        if (isnan(c[i].v))
            ck_assert(isnan(v));
        else
            ck_assert_msg(v == c[i].v && signbit(v) == signbit(c[i].v), "case %zu (%s): %.9g", i, c[i].in, v);
    }
    /* A number longer than any buffer still rounds once. */
    size_t n = 1000;
    char *big = malloc(n + 1);
    memset(big, '0', n);
    memcpy(big, "1.00000005960464477539062500", 28);
    big[n - 1] = '1';
    big[n] = '\0';
    float v = 0;
    int st = -1;
    ck_assert(srt_json_f32(big, big + n, &v, &st) == big + n && st == SRT_JV_OK);
    ck_assert(v == 1.00000012f);
    free(big);
}
END_TEST

/* Java 17's Float.toString, each expected text printed by a JDK 17. */
START_TEST(test_fmt_float)
{
    static const struct {
        float v;
        const char *out;
    } c[] = {
        {1.0f, "1.0"},
        {0.1f, "0.1"},
        {-0.0f, "-0.0"},
        {0.0f, "0.0"},
        {1.4E-45f, "1.4E-45"},
        {7.0E-45f, "7.0E-45"},
        {3.4028235E38f, "3.4028235E38"},
        {1.6777216E7f, "1.6777216E7"},
        {1.23456792E8f, "1.23456792E8"},
        {2.14748365E9f, "2.14748365E9"},
        {1.0E10f, "1.0E10"},
        {3.0000001E10f, "3.0000001E10"},
        {4.0000001E16f, "4.0000001E16"},
        {9.9999998E17f, "9.9999998E17"},
        {9.223372E18f, "9.223372E18"},
        {1.0E20f, "1.0E20"},
        {1.34217728E8f, "1.34217728E8"},
        {0.001f, "0.001"},
        {1.0E-4f, "1.0E-4"},
        {1.0E-5f, "1.0E-5"},
        {9999999.0f, "9999999.0"},
        {1.0E7f, "1.0E7"},
        {0.3f, "0.3"},
        {0.33333334f, "0.33333334"},
        {0.6666667f, "0.6666667"},
        {100.0f, "100.0"},
        {-2.5f, "-2.5"},
        {0.00123f, "0.00123"},
        {1.0000001f, "1.0000001"},
        {2.0E-8f, "2.0E-8"},
        {1.0E-10f, "1.0E-10"},
        {NAN, "NaN"},
        {INFINITY, "Infinity"},
        {-INFINITY, "-Infinity"},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        char buf[32];
        uint32_t n = srt_fmt_float(c[i].v, buf);
        ck_assert_msg(n == strlen(c[i].out) && strcmp(buf, c[i].out) == 0, "case %zu: got '%s' want '%s'", i,
                      buf, c[i].out);
    }
}
END_TEST

/* Whatever the float, its text reads back as the same float. */
START_TEST(test_fmt_float_roundtrip)
{
    uint32_t x = 2463534242u;
    for (int i = 0; i < 50000; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        float f;
        memcpy(&f, &x, sizeof f);
        if (!isfinite(f))
            continue;
        char buf[32];
        uint32_t n = srt_fmt_float(f, buf);
        ck_assert(n < 32);
        float back;
        ck_assert_int_eq(srt_cast_str_f32(buf, n, &back), 0);
        ck_assert_msg(back == f, "%s", buf);
    }
}
END_TEST

/* Decimal.toFloat (BigDecimal.floatValue): one rounding of the exact value. */
START_TEST(test_dec_to_f32)
{
    ck_assert(srt_dec_to_f32(1, 1) == 0.1f);
    ck_assert(srt_dec_to_f32(-16777217, 0) == -16777216.0f);
    /* 1.000000059604644776000000000001: just above halfway (...775390625), up */
    srt_i128 v = (srt_i128)1000000059604644776LL * 1000000000000LL + 1;
    ck_assert(srt_dec_to_f32(v, 30) == 1.00000012f);
    ck_assert(srt_dec_to_f32(0, 5) == 0.0f);
}
END_TEST

Suite *rt_float_suite(void)
{
    Suite *s = suite_create("rt_float");
    TCase *tc = tcase_create("float");
    tcase_add_test(tc, test_cast_str_f32);
    tcase_add_test(tc, test_json_f32);
    tcase_add_test(tc, test_fmt_float);
    tcase_add_test(tc, test_fmt_float_roundtrip);
    tcase_add_test(tc, test_dec_to_f32);
    suite_add_tcase(s, tc);
    return s;
}
