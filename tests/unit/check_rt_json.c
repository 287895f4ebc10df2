/* check_rt_json.c - the JSON scanning helpers: every reader, valid and malformed input,
** and never a read past the end (inputs end right before a PROT_NONE page).
*/
#include <check.h>
#include <math.h>
#include <string.h>

#include "rt_testutil.h"
#include "srt_int.h"

enum { MAL = -1 }; /* expected: the reader returns NULL */

/* Run reader-style checks on a guarded copy; returns consumed bytes or -1 for NULL. */
#define GUARDED(text, call_expr)                                                                   \
    do {                                                                                           \
        size_t n_ = strlen(text);                                                                  \
        char *b_ = rt_guard(text, n_);                                                             \
        const char *p = b_, *end = b_ + n_;                                                        \
        const char *r_ = (call_expr);                                                              \
        consumed = r_ ? (long)(r_ - b_) : -1;                                                      \
        rt_guard_free(b_, n_);                                                                     \
    } while (0)

START_TEST(test_ws_and_line_end)
{
    const char *s = " \t\r x\n y";
    char *b = rt_guard(s, strlen(s));
    const char *end = b + strlen(s);
    ck_assert_ptr_eq(srt_json_ws(b, end), b + 4);
    ck_assert_ptr_eq(srt_json_ws(b + 5, end), b + 5); /* newline is not whitespace */
    ck_assert_ptr_eq(srt_json_line_end(b, end), b + 5);
    ck_assert_ptr_eq(srt_json_line_end(b + 6, end), end);
    ck_assert_ptr_eq(srt_json_ws(end, end), end);
    char *sp = rt_guard("   ", 3);
    ck_assert_ptr_eq(srt_json_ws(sp, sp + 3), sp + 3);
    rt_guard_free(sp, 3);
    rt_guard_free(b, strlen(s));
}
END_TEST

static const struct {
    const char *in;
    long consumed;
    const char *raw;
    int has_esc;
} string_cases[] = {
    {"\"\"", 2, "", 0},
    {"\"abc\"", 5, "abc", 0},
    {"\"abc\",", 5, "abc", 0},
    {"\"a\\\"b\"", 6, "a\\\"b", 1},
    {"\"\\\\\\/\\b\\f\\n\\r\\t\"", 16, "\\\\\\/\\b\\f\\n\\r\\t", 1},
    {"\"\\u00e9\"", 8, "\\u00e9", 1},
    {"\"h\xc3\xa9llo w\xc3\xb6rld, long enough for 8-byte steps\"", 45,
     "h\xc3\xa9llo w\xc3\xb6rld, long enough for 8-byte steps", 0},
    {"\"abc", MAL, NULL, 0},
    {"\"abcdefghijklmnopq", MAL, NULL, 0},
    {"\"a\\x\"", MAL, NULL, 0},
    {"\"a\\u12G4\"", MAL, NULL, 0},
    {"\"a\\u12\"", MAL, NULL, 0},
    {"\"a\\u12", MAL, NULL, 0},
    {"\"a\\", MAL, NULL, 0},
    {"\"tab\there\"", MAL, NULL, 0},
    {"\"line\nbreak\"", MAL, NULL, 0},
    {"abc", MAL, NULL, 0},
    {"", MAL, NULL, 0},
};

START_TEST(test_string_raw)
{
    for (size_t i = 0; i < sizeof string_cases / sizeof string_cases[0]; i++) {
        const char *s = NULL;
        uint32_t n = 0;
        int esc = -1;
        long consumed;
        GUARDED(string_cases[i].in, srt_json_string_raw(p, end, &s, &n, &esc));
        ck_assert_msg(consumed == string_cases[i].consumed, "case %zu (%s): consumed %ld", i,
                      string_cases[i].in, consumed);
        if (consumed >= 0) {
            ck_assert_uint_eq(n, strlen(string_cases[i].raw));
            ck_assert_int_eq(esc, string_cases[i].has_esc);
        }
    }
}
END_TEST

/* The special byte at every position of strings of every length up to 40. */
START_TEST(test_string_raw_positions)
{
    char text[64];
    for (int len = 0; len <= 40; len++) {
        for (int pos = -1; pos < len; pos++) {
            text[0] = '"';
            for (int i = 0; i < len; i++)
                text[1 + i] = (char)('a' + i % 26);
            if (pos >= 0)
                text[1 + pos] = '\x01'; /* a raw control character: malformed */
            text[1 + len] = '"';
            text[2 + len] = '\0';
            const char *s;
            uint32_t n;
            int esc;
            long consumed;
            GUARDED(text, srt_json_string_raw(p, end, &s, &n, &esc));
            if (pos >= 0)
                ck_assert_msg(consumed == -1, "len %d pos %d", len, pos);
            else
                ck_assert_msg(consumed == len + 2 && n == (uint32_t)len, "len %d", len);
            /* and unterminated */
            text[1 + len] = '\0';
            GUARDED(text, srt_json_string_raw(p, end, &s, &n, &esc));
            ck_assert_int_eq(consumed, -1);
        }
    }
}
END_TEST

static const struct {
    const char *in;
    long consumed;
} skip_cases[] = {
    {"0", 1},
    {"-0", 2},
    {"123", 3},
    {"-1.5e+10", 8},
    {"1E5,", 3},
    {"0.25]", 4},
    {"true", 4},
    {"false}", 5},
    {"null ", 4},
    {"\"s\"", 3},
    {"{}", 2},
    {"[]", 2},
    {"{ }", 3},
    {"[ 1 , 2 ]", 9},
    {"{\"a\":1,\"b\":[true,null,{\"c\":\"d\"}]}", 33},
    {"[[[[[[]]]]]]", 12},
    {"{\"a\" : { \"b\" : [ ] } }x", 22},
    {"01", MAL},
    {"-", MAL},
    {"-a", MAL},
    {"1.", MAL},
    {"1.e5", MAL},
    {"1e", MAL},
    {"1e+", MAL},
    {".5", MAL},
    {"+1", MAL},
    {"12abc", MAL},
    {"1.5x", MAL},
    {"tru", MAL},
    {"truex", MAL},
    {"nul", MAL},
    {"nulll", MAL},
    {"False", MAL},
    {"{", MAL},
    {"[", MAL},
    {"[1,]", MAL},
    {"[1 2]", MAL},
    {"[,1]", MAL},
    {"{\"a\":}", MAL},
    {"{\"a\" 1}", MAL},
    {"{\"a\":1,}", MAL},
    {"{,}", MAL},
    {"{a:1}", MAL},
    {"{\"a\":1", MAL},
    {"{\"a\":1 ", MAL},
    {"[1", MAL},
    {"]", MAL},
    {"", MAL},
    /* Spark's Jackson defaults: single quotes, non-numeric numbers (and no others). */
    {"'a'", 3},
    {"'a\"b\\'c',", 8},
    {"{'k':'v'}", 9},
    {"'a", MAL},
    {"'a\\q'", MAL},
    {"NaN", 3},
    {"[NaN,Infinity,+Infinity,+INF,-Infinity,-INF]", 44},
    {"INF", MAL},
    {"nan", MAL},
    {"-Inf", MAL},
    {"+1", MAL},
    {"NaNa", MAL},
};

START_TEST(test_skip)
{
    for (size_t i = 0; i < sizeof skip_cases / sizeof skip_cases[0]; i++) {
        long consumed;
        GUARDED(skip_cases[i].in, srt_json_skip(p, end));
        ck_assert_msg(consumed == skip_cases[i].consumed, "case %zu (%s): consumed %ld", i,
                      skip_cases[i].in, consumed);
    }
}
END_TEST

START_TEST(test_skip_depth)
{
    char deep[2100];
    int d = 1000;
    for (int i = 0; i < d; i++)
        deep[i] = '[';
    for (int i = 0; i < d; i++)
        deep[d + i] = ']';
    deep[2 * d] = '\0';
    long consumed;
    GUARDED(deep, srt_json_skip(p, end)); /* deeper than the limit: malformed, no crash */
    ck_assert_int_eq(consumed, -1);
    deep[100] = '\0';
    memset(deep + 50, ']', 50);
    GUARDED(deep, srt_json_skip(p, end));
    ck_assert_int_eq(consumed, 100);
}
END_TEST

/* srt_json_shape_skip over `{"a":` and `,"bc":` (length-prefixed texts); -1: not the shape. */
static const struct {
    const char *in;
    long consumed;
} shape_cases[] = {
    {"{\"a\":1,\"bc\":\"x\"}", 15},
    {"{\"a\": 1, \"bc\": null}", 19},
    {"{\"a\": [1, {\"b\":2}], \"bc\": null}", MAL}, /* an array: the key loop's */
    {"{\"a\":{},\"bc\":1", MAL},                    /* an object too */
    {"{\"a\":\r1,\"bc\":2}", MAL},                  /* a '\r' as a space */
    {"{\"a\":1,\r\"bc\":2}", MAL},
    {"{\"a\":\"x\ry\",\"bc\":2}", MAL}, /* a raw '\r' in a string */
    {"{\"a\":\t1,\t\"bc\":true ,", 18},
    {"{\"a\":1,\"bc\":", MAL}, /* no value */
    {"{\"a\":1,\"bc\"", MAL},  /* the key cut at the end */
    {"{\"a\":1,\"b\":2}", MAL},
    {"{\"a\":1 ,\"bc\":2}", MAL}, /* a space before ',' */
    {"{\"a\" :1,\"bc\":2}", MAL}, /* a space before ':' */
    {"{ \"a\":1,\"bc\":2}", MAL}, /* a space after '{' */
    {"{\"a\":1x,\"bc\":2}", MAL},
    {"{\"a\"", MAL},
    {"", MAL},
};

START_TEST(test_shape_skip)
{
    static const unsigned char keys[] = "\005{\"a\":\006,\"bc\":";
    for (size_t i = 0; i < sizeof shape_cases / sizeof shape_cases[0]; i++) {
        long consumed;
        GUARDED(shape_cases[i].in, srt_json_shape_skip(p, end, keys));
        ck_assert_msg(consumed == shape_cases[i].consumed, "case %zu (%s): consumed %ld", i,
                      shape_cases[i].in, consumed);
    }
}
END_TEST

typedef struct IntCase {
    const char *in;
    long consumed;
    int st;
    int64_t v;
} IntCase;

static const IntCase bool_cases[] = {
    {"true", 4, SRT_JV_OK, 1},
    {"false", 5, SRT_JV_OK, 0},
    {"null", 4, SRT_JV_NULL, 0},
    {"1", 1, SRT_JV_BADTYPE, 0},
    {"\"true\"", 6, SRT_JV_BADTYPE, 0},
    {"[true]", 6, SRT_JV_BADTYPE, 0},
    {"truth", MAL, 0, 0},
    {"t", MAL, 0, 0},
    {"fals", MAL, 0, 0},
};

static const IntCase i32_cases[] = {
    {"0", 1, SRT_JV_OK, 0},
    {"-0", 2, SRT_JV_OK, 0},
    {"42,", 2, SRT_JV_OK, 42},
    {"2147483647", 10, SRT_JV_OK, 2147483647},
    {"-2147483648", 11, SRT_JV_OK, -2147483648LL},
    {"2147483648", 10, SRT_JV_BADTYPE, 0},
    {"-2147483649", 11, SRT_JV_BADTYPE, 0},
    {"99999999999999999999999", 23, SRT_JV_BADTYPE, 0},
    {"1.0", 3, SRT_JV_BADTYPE, 0},
    {"1e3", 3, SRT_JV_BADTYPE, 0},
    {"-INF", 4, SRT_JV_BADTYPE, 0},
    {"NaN", 3, SRT_JV_BADTYPE, 0},
    {"'12'", 4, SRT_JV_BADTYPE, 0},
    {"\"12\"", 4, SRT_JV_BADTYPE, 0},
    {"true", 4, SRT_JV_BADTYPE, 0},
    {"{\"a\":1}", 7, SRT_JV_BADTYPE, 0},
    {"[1, 2]", 6, SRT_JV_BADTYPE, 0},
    {"null", 4, SRT_JV_NULL, 0},
    {"01", MAL, 0, 0},
    {"-", MAL, 0, 0},
    {"12abc", MAL, 0, 0},
    {"1.", MAL, 0, 0},
    {"1.5.5", MAL, 0, 0},
    {"nan", MAL, 0, 0},
    {"", MAL, 0, 0},
};

static const IntCase i64_cases[] = {
    {"9223372036854775807", 19, SRT_JV_OK, INT64_MAX},
    {"-9223372036854775808", 20, SRT_JV_OK, INT64_MIN},
    {"9223372036854775808", 19, SRT_JV_BADTYPE, 0},
    {"-9223372036854775809", 20, SRT_JV_BADTYPE, 0},
    {"18446744073709551616", 20, SRT_JV_BADTYPE, 0},
    {"1469501675}", 10, SRT_JV_OK, 1469501675},
    {"2147483648", 10, SRT_JV_OK, 2147483648LL},
    {"-12 ", 3, SRT_JV_OK, -12},
    {"0.5", 3, SRT_JV_BADTYPE, 0},
    {"00", MAL, 0, 0},
};

static void run_int_cases(const IntCase *cases, size_t n, int which)
{
    for (size_t i = 0; i < n; i++) {
        int64_t v = -777;
        int st = -1;
        long consumed;
        if (which == 0)
            GUARDED(cases[i].in, srt_json_bool(p, end, &v, &st));
        else if (which == 1)
            GUARDED(cases[i].in, srt_json_i32(p, end, &v, &st));
        else
            GUARDED(cases[i].in, srt_json_i64(p, end, &v, &st));
        ck_assert_msg(consumed == cases[i].consumed, "reader %d case %zu (%s): consumed %ld", which,
                      i, cases[i].in, consumed);
        if (consumed < 0)
            continue;
        ck_assert_msg(st == cases[i].st, "reader %d case %zu (%s): st %d", which, i, cases[i].in,
                      st);
        if (st == SRT_JV_OK)
            ck_assert_msg(v == cases[i].v, "reader %d case %zu: %lld", which, i, (long long)v);
    }
}

START_TEST(test_bool)
{
    run_int_cases(bool_cases, sizeof bool_cases / sizeof bool_cases[0], 0);
}
END_TEST

START_TEST(test_i32)
{
    run_int_cases(i32_cases, sizeof i32_cases / sizeof i32_cases[0], 1);
}
END_TEST

START_TEST(test_i64)
{
    run_int_cases(i64_cases, sizeof i64_cases / sizeof i64_cases[0], 2);
}
END_TEST

static const struct {
    const char *in;
    long consumed;
    int st;
    double v;
} f64_cases[] = {
    {"0", 1, SRT_JV_OK, 0.0},
    {"2.5", 3, SRT_JV_OK, 2.5},
    {"-2.5e-3", 7, SRT_JV_OK, -2.5e-3},
    {"0.1", 3, SRT_JV_OK, 0.1},
    {"0.001", 5, SRT_JV_OK, 0.001},
    {"123456.789", 10, SRT_JV_OK, 123456.789},
    {"1E22", 4, SRT_JV_OK, 1e22},
    {"1e23", 4, SRT_JV_OK, 1e23},
    {"1.7976931348623157e308", 22, SRT_JV_OK, 1.7976931348623157e308},
    {"4.9e-324", 8, SRT_JV_OK, 4.9e-324},
    {"2.2250738585072011e-308", 23, SRT_JV_OK, 2.2250738585072011e-308},
    {"123456789012345678901234567890", 30, SRT_JV_OK, 123456789012345678901234567890.0},
    {"0.30000000000000004441", 22, SRT_JV_OK, 0.30000000000000004441},
    {"9007199254740993", 16, SRT_JV_OK, 9007199254740993.0},
    {"1469501675", 10, SRT_JV_OK, 1469501675.0},
    {"\"NaN\"", 5, SRT_JV_OK, NAN},
    {"\"Infinity\"", 10, SRT_JV_OK, INFINITY},
    {"\"-Infinity\"", 11, SRT_JV_OK, -INFINITY},
    {"\"-INF\"", 6, SRT_JV_OK, -INFINITY},
    {"\"+INF\"", 6, SRT_JV_OK, INFINITY},
    {"\"+Infinity\"", 11, SRT_JV_OK, INFINITY},
    {"\"N\\u0061N\"", 10, SRT_JV_OK, NAN},
    {"\"INF\"", 5, SRT_JV_BADTYPE, 0},
    {"\"nan\"", 5, SRT_JV_BADTYPE, 0},
    {"\"\"", 2, SRT_JV_BADTYPE, 0},
    {"\"1.5\"", 5, SRT_JV_BADTYPE, 0},
    {"true", 4, SRT_JV_BADTYPE, 0},
    {"[1.5]", 5, SRT_JV_BADTYPE, 0},
    {"null", 4, SRT_JV_NULL, 0},
    {"1.5.", MAL, 0, 0},
    {"1e", MAL, 0, 0},
    {"-.5", MAL, 0, 0},
    {"NaN", 3, SRT_JV_OK, NAN},
    {"-INF,", 4, SRT_JV_OK, -INFINITY},
    {"+Infinity", 9, SRT_JV_OK, INFINITY},
    {"'Infinity'", 10, SRT_JV_OK, INFINITY},
    {"Inf", MAL, 0, 0},
    {"1.5abc", MAL, 0, 0},
};

START_TEST(test_f64)
{
    for (size_t i = 0; i < sizeof f64_cases / sizeof f64_cases[0]; i++) {
        double v = -777;
        int st = -1;
        long consumed;
        GUARDED(f64_cases[i].in, srt_json_f64(p, end, &v, &st));
        ck_assert_msg(consumed == f64_cases[i].consumed, "case %zu (%s): consumed %ld", i,
                      f64_cases[i].in, consumed);
        if (consumed < 0)
            continue;
        ck_assert_msg(st == f64_cases[i].st, "case %zu (%s): st %d", i, f64_cases[i].in, st);
        if (st != SRT_JV_OK)
            continue;
        if (isnan(f64_cases[i].v))
            ck_assert(isnan(v));
        else
            ck_assert_msg(v == f64_cases[i].v, "case %zu (%s): got %.17g", i, f64_cases[i].in, v);
    }
    /* the integer token -0 is the int 0 converted (Jackson's convertNumberToDouble): +0.0;
       -0.0 keeps its sign */
    double v;
    int st;
    long consumed;
    GUARDED("-0", srt_json_f64(p, end, &v, &st));
    ck_assert_int_eq(consumed, 2);
    ck_assert(!signbit(v) && v == 0);
    GUARDED("-0.0", srt_json_f64(p, end, &v, &st));
    ck_assert_int_eq(consumed, 4);
    ck_assert(signbit(v) && v == 0);
}
END_TEST

/* Every double printed with %.17g parses back exactly. */
START_TEST(test_f64_roundtrip)
{
    uint64_t x = 0x243F6A8885A308D3ull;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d;
        memcpy(&d, &x, sizeof d);
        if (!isfinite(d))
            continue;
        char text[40];
        snprintf(text, sizeof text, "%.17g", d);
        if (strchr(text, 'e') == NULL && strchr(text, '.') == NULL && strlen(text) > 300)
            continue;
        double v;
        int st;
        const char *end = text + strlen(text);
        const char *r = srt_json_f64(text, end, &v, &st);
        ck_assert_msg(r == end && st == SRT_JV_OK && v == d, "%s -> %.17g", text, v);
    }
}
END_TEST

/* Decimal numbers of 1 to 19 significant digits (the exact 128-bit path) and a few more (the
   strtod path), a point anywhere and an exponent or none, parse to the double glibc's strtod
   (correctly rounded) gives, bit for bit; and halfway cases round to even. */
START_TEST(test_f64_vs_strtod)
{
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 400000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        char digits[32], text[64];
        int nd = 1 + (int)(x % 21); /* up to 21 digits: past 19, the strtod path */
        uint64_t y = x * 0x2545F4914F6CDD1Dull;
        for (int j = 0; j < nd; j++) {
            digits[j] = (char)('0' + (int)((y >> 33) % 10));
            y = y * 6364136223846793005ull + 1442695040888963407ull;
        }
        int point = (int)((x >> 8) % (uint64_t)(nd + 1)); /* digits before the point */
        int k = 0;
        if (x >> 63)
            text[k++] = '-';
        if (point == 0)
            text[k++] = '0';
        else if (point > 1 && digits[0] == '0')
            digits[0] = '1'; /* no leading zero in an integer part (JSON) */
        memcpy(text + k, digits, (size_t)point);
        k += point;
        if (point < nd) {
            text[k++] = '.';
            memcpy(text + k, digits + point, (size_t)(nd - point));
            k += nd - point;
        }
        if ((x >> 20) & 1)
            k += snprintf(text + k, sizeof text - (size_t)k, "e%d", (int)((x >> 24) % 61) - 30);
        text[k] = '\0';
        double v, want = strtod(text, NULL);
        if (want == 0 && !strpbrk(text, ".eE"))
            want = 0.0; /* an integer token: -0 is +0.0 */
        int st;
        const char *end = text + k;
        const char *r = srt_json_f64(text, end, &v, &st);
        ck_assert_msg(r == end && st == SRT_JV_OK, "%s: not read", text);
        ck_assert_msg(memcmp(&v, &want, sizeof v) == 0, "%s -> %.17g, strtod %.17g", text, v, want);
    }
    /* ties: 2^53 + 1 and 2^53 + 3 are halfway between doubles; to even */
    static const struct {
        const char *in;
        double v;
    } ties[] = {
        {"9007199254740993", 9007199254740992.0},
        {"9007199254740995", 9007199254740996.0},
        {"90071992547409930e-1", 9007199254740992.0},
        {"9007199254740993.0000000001", 9007199254740994.0},
        {"18014398509481986", 18014398509481984.0},
        {"18014398509481990", 18014398509481992.0},
        {"0.30000000000000004", 0.30000000000000004},
        {"1.7976931348623157e308", 1.7976931348623157e308},
        {"4.9e-324", 4.9e-324},
        /* the quotient's bits below the double are exactly half, the remainder is not zero:
           above half, so up (found and rounded with python3's exact int / int division) */
        {"0.0007932523760895422", 0x1.9fe4881a2bcfcp-11},
        {"0.0060628580346380463", 0x1.8d55e0faa3c20p-8},
        {"0.321705815935897671", 0x1.496d3fd982bd9p-2},
    };
    for (size_t i = 0; i < sizeof ties / sizeof ties[0]; i++) {
        double v;
        int st;
        const char *end = ties[i].in + strlen(ties[i].in);
        srt_json_f64(ties[i].in, end, &v, &st);
        ck_assert_msg(v == ties[i].v, "%s -> %.17g", ties[i].in, v);
    }
}
END_TEST

static const struct {
    const char *in;
    long consumed;
    int st;
    int64_t us;
} ts_cases[] = {
    {"1469501675", 10, SRT_JV_OK, 1469501675000000LL},
    {"-1", 2, SRT_JV_OK, -1000000LL},
    {"\"2016-07-26T02:54:35Z\"", 22, SRT_JV_OK, 1469501675000000LL},
    {"\"2016-07-26 02:54:35.5\"", 23, SRT_JV_OK, 1469501675500000LL},
    {"\"2016-07-26\"", 12, SRT_JV_OK, 1469491200000000LL},
    {"\"2016-07-26T04:54:35+02:00\"", 27, SRT_JV_OK, 1469501675000000LL},
    {"\"2016\\u002d07-26\"", 17, SRT_JV_OK, 1469491200000000LL},
    {"1469501675.5", 12, SRT_JV_BADTYPE, 0},
    {"1e9", 3, SRT_JV_BADTYPE, 0},
    {"99999999999999999", 17, SRT_JV_RANGE, 0},
    {"9223372036854", 13, SRT_JV_OK, 9223372036854000000LL},
    {"-9223372036854", 14, SRT_JV_OK, -9223372036854000000LL},
    {"9223372036855", 13, SRT_JV_RANGE, 0},
    {"-9223372036855", 14, SRT_JV_RANGE, 0},
    {"99999999999999999999999", 23, SRT_JV_RANGE, 0},
    {"1.5e300", 7, SRT_JV_BADTYPE, 0},
    {"NaN", 3, SRT_JV_BADTYPE, 0},
    {"'2016-07-26'", 12, SRT_JV_OK, 1469491200000000LL},
    {"\"garbage\"", 9, SRT_JV_BADTYPE, 0},
    {"\"\"", 2, SRT_JV_BADTYPE, 0},
    {"true", 4, SRT_JV_BADTYPE, 0},
    {"null", 4, SRT_JV_NULL, 0},
    {"\"2016-07-26", MAL, 0, 0},
    {"14695x", MAL, 0, 0},
    /* the inlined epoch seconds (1 to 12 digits, no leading zero) and their edges */
    {"0", 1, SRT_JV_OK, 0},
    {"-0", 2, SRT_JV_OK, 0},
    {"7}", 1, SRT_JV_OK, 7000000LL},
    {"999999999999,", 12, SRT_JV_OK, 999999999999000000LL},
    {"1000000000000 ", 13, SRT_JV_OK, 1000000000000000000LL},
    {"1469501675\n{", 10, SRT_JV_OK, 1469501675000000LL},
    {"1469501675\r\n", 10, SRT_JV_OK, 1469501675000000LL},
    {"01469501675", MAL, 0, 0},
    {"00", MAL, 0, 0},
    {"+1469501675", MAL, 0, 0},
    {"1469501675.", MAL, 0, 0},
    {"1469501675.0", 12, SRT_JV_BADTYPE, 0},
    {"1469501675e0", 12, SRT_JV_BADTYPE, 0},
    {"1469501675E+1,", 13, SRT_JV_BADTYPE, 0},
    {"1469501675:", MAL, 0, 0},
    {"1469501675\"", MAL, 0, 0},
    {"1469501675]", 10, SRT_JV_OK, 1469501675000000LL},
    {"0469501675,", MAL, 0, 0},
    {"146950167a,", MAL, 0, 0},
    {"14695016751,", 11, SRT_JV_OK, 14695016751000000LL},
    {"146950167,", 9, SRT_JV_OK, 146950167000000LL},
    {"-1469501675,", 11, SRT_JV_OK, -1469501675000000LL},
    {"9999999999\t", 10, SRT_JV_OK, 9999999999000000LL},
    {"1000000000 ", 10, SRT_JV_OK, 1000000000000000LL},
};

START_TEST(test_ts)
{
    for (size_t i = 0; i < sizeof ts_cases / sizeof ts_cases[0]; i++) {
        int64_t v = -777;
        int st = -1;
        long consumed;
        GUARDED(ts_cases[i].in, srt_json_ts(p, end, &v, &st));
        ck_assert_msg(consumed == ts_cases[i].consumed, "case %zu (%s): consumed %ld", i,
                      ts_cases[i].in, consumed);
        if (consumed < 0)
            continue;
        ck_assert_msg(st == ts_cases[i].st, "case %zu (%s): st %d", i, ts_cases[i].in, st);
        if (st == SRT_JV_OK)
            ck_assert_msg(v == ts_cases[i].us, "case %zu: %lld", i, (long long)v);
    }
}
END_TEST

static const struct {
    const char *in;
    long consumed;
    int st;
    const char *out; /* NULL: not checked */
    int zero_copy;
} str_cases[] = {
    {"\"Open\"", 6, SRT_JV_OK, "Open", 1},
    {"\"\"", 2, SRT_JV_OK, "", 1},
    {"\"a\\nb\\t\\\"c\\\"\\\\\\/\"", 17, SRT_JV_OK, "a\nb\t\"c\"\\/", 0},
    {"\"caf\\u00e9\"", 11, SRT_JV_OK, "caf\xc3\xa9", 0},
    {"\"\\u20AC\"", 8, SRT_JV_OK, "\xe2\x82\xac", 0},
    {"\"\\ud83d\\ude00!\"", 15, SRT_JV_OK, "\xf0\x9f\x98\x80!", 0},
    /* an unpaired surrogate: '?', as UTF8String.fromString (String.getBytes(UTF_8)) writes it */
    {"\"\\ud800x\"", 9, SRT_JV_OK, "?x", 0},
    {"\"\\udc00\"", 8, SRT_JV_OK, "?", 0},
    {"\"\\ud800\\u0041\"", 14, SRT_JV_OK, "?A", 0},
    {"\"\\u0000\"", 8, SRT_JV_OK, NULL, 0},
    {"123", 3, SRT_JV_OK, "123", 1},
    {"-1.5e3,", 6, SRT_JV_OK, "-1.5e3", 1},
    {"true", 4, SRT_JV_OK, "true", 1},
    {"{\"a\":1}", 7, SRT_JV_OK, "{\"a\":1}", 1},
    {"{\"a\": 1, \"b\": [1, \"x y\"]}", 25, SRT_JV_OK, "{\"a\":1,\"b\":[1,\"x y\"]}", 0},
    {"'it\\'s \"x\"'", 11, SRT_JV_OK, "it's \"x\"", 0},
    {"'plain'", 7, SRT_JV_OK, "plain", 1},
    {"\"\\'\"", 4, SRT_JV_OK, "'", 0},
    {"NaN", 3, SRT_JV_OK, "\"NaN\"", 0},
    {"+INF", 4, SRT_JV_OK, "\"Infinity\"", 0},
    {"{'a': -Infinity, \"b\": 'x\"y'}", 28, SRT_JV_OK, "{\"a\":\"-Infinity\",\"b\":\"x\\\"y\"}", 0},
    {"null", 4, SRT_JV_NULL, NULL, 0},
    {"\"abc", MAL, 0, NULL, 0},
    {"\"a\\q\"", MAL, 0, NULL, 0},
    {"{\"a\":}", MAL, 0, NULL, 0},
    {"nope", MAL, 0, NULL, 0},
};

START_TEST(test_str)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    for (size_t i = 0; i < sizeof str_cases / sizeof str_cases[0]; i++) {
        const char *s = NULL;
        uint32_t n = 0;
        int st = -1;
        long consumed;
        size_t len = strlen(str_cases[i].in);
        char *b = rt_guard(str_cases[i].in, len);
        const char *r = srt_json_str(b, b + len, q, &s, &n, &st);
        consumed = r ? (long)(r - b) : -1;
        ck_assert_msg(consumed == str_cases[i].consumed, "case %zu (%s): consumed %ld", i,
                      str_cases[i].in, consumed);
        if (consumed >= 0) {
            ck_assert_msg(st == str_cases[i].st, "case %zu: st %d", i, st);
            if (str_cases[i].out) {
                ck_assert_msg(n == strlen(str_cases[i].out) && memcmp(s, str_cases[i].out, n) == 0,
                              "case %zu: got '%.*s'", i, (int)n, s);
                if (str_cases[i].zero_copy)
                    ck_assert_msg(s >= b && s < b + len + 1, "case %zu should point into input", i);
            }
        }
        rt_guard_free(b, len);
        srt_scratch_reset(q);
    }
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* A whole record parsed the way generated code does, ending exactly at the page end. */
START_TEST(test_record_walk)
{
    const char *rec = "{\"time\":1469501675,\"action\":\"Open\",\"extra\":{\"x\":[1,2]}}";
    size_t len = strlen(rec);
    char *b = rt_guard(rec, len);
    const char *p = b, *end = b + len;
    ck_assert_int_eq(*p, '{');
    p = srt_json_ws(p + 1, end);
    int fields = 0;
    while (p < end && *p != '}') {
        const char *k;
        uint32_t kn;
        int esc, st;
        p = srt_json_string_raw(p, end, &k, &kn, &esc);
        ck_assert_ptr_nonnull(p);
        p = srt_json_ws(p, end);
        ck_assert_int_eq(*p, ':');
        p = srt_json_ws(p + 1, end);
        if (kn == 4 && memcmp(k, "time", 4) == 0) {
            int64_t us;
            p = srt_json_ts(p, end, &us, &st);
            ck_assert_int_eq(us, 1469501675000000LL);
        } else {
            p = srt_json_skip(p, end);
        }
        ck_assert_ptr_nonnull(p);
        fields++;
        p = srt_json_ws(p, end);
        if (*p == ',')
            p = srt_json_ws(p + 1, end);
    }
    ck_assert_int_eq(fields, 3);
    ck_assert_ptr_eq(p + 1, end);
    rt_guard_free(b, len);
}
END_TEST

/* The inlined fast paths (plain integers, epoch seconds, short strings, the first space)
   against the general
   readers they fall back on, over random tokens at the end of guarded buffers: same end, same
   status, same value. */
START_TEST(test_fast_paths_agree)
{
    static const char alphabet[] = "0123456789-+.eE \t\r\n,}]\"\\'ax";
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    char text[40];
    for (int iter = 0; iter < 10000; iter++) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        size_t len = (size_t)(seed >> 59) % 26;
        uint64_t r = seed;
        for (size_t i = 0; i < len; i++) {
            if (i % 10 == 0) {
                seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                r = seed;
            }
            /* mostly digits, so that long plain integers come up */
            unsigned pick = (unsigned)(r & 63);
            r >>= 6;
            text[i] = pick < 40 ? (char)('0' + pick % 10) : alphabet[pick % (sizeof alphabet - 1)];
        }
        if (iter % 3 == 0 && len > 0)
            text[0] = '"';
        if (iter % 3 == 1) { /* about ten digits, then any byte, and the end nearby */
            len = 9 + (size_t)(seed >> 61) % 5;
            for (size_t i = 0; i < len && i < 10; i++, r /= 10)
                text[i] = (char)('0' + r % 10);
            if (len > 10)
                text[10] = alphabet[(seed >> 40) % (sizeof alphabet - 1)];
            if (len > 11)
                text[11] = (char)('0' + (seed >> 45) % 10);
            if (len > 12)
                text[12] = '\n';
        }
        text[len] = '\0';
        char *b = rt_guard(text, len);
        const char *end = b + len;
        for (int w = 0; w < 2; w++) {
            int64_t lo = w ? INT64_MIN : INT32_MIN, hi = w ? INT64_MAX : INT32_MAX;
            int64_t v1 = -1, v2 = -1;
            int st1 = -1, st2 = -1;
            const char *q1 = w ? srt_json_i64(b, end, &v1, &st1) : srt_json_i32(b, end, &v1, &st1);
            const char *q2 = srt_json_integral(b, end, lo, hi, &v2, &st2);
            ck_assert_msg(q1 == q2, "'%s': end %ld against %ld", text, q1 ? (long)(q1 - b) : -1L,
                          q2 ? (long)(q2 - b) : -1L);
            if (q1) {
                ck_assert_msg(st1 == st2, "'%s': status %d against %d", text, st1, st2);
                if (st1 == SRT_JV_OK)
                    ck_assert_msg(v1 == v2, "'%s': %lld against %lld", text, (long long)v1,
                                  (long long)v2);
            }
        }
        const char *s1 = NULL, *s2 = NULL;
        uint32_t n1 = 0, n2 = 0;
        int e1 = -1, e2 = -1;
        const char *q1 = srt_json_string_raw(b, end, &s1, &n1, &e1);
        const char *q2 = srt_json_string_scan(b, end, &s2, &n2, &e2);
        ck_assert_msg(q1 == q2, "'%s': string end differs", text);
        if (q1)
            ck_assert_msg(s1 == s2 && n1 == n2 && e1 == e2, "'%s': string differs", text);
        int64_t t1 = -1, t2 = -1;
        int ts1 = -1, ts2 = -1;
        q1 = srt_json_ts(b, end, &t1, &ts1);
        q2 = srt_json_ts_rest(b, end, &t2, &ts2);
        ck_assert_msg(q1 == q2, "'%s': timestamp end %ld against %ld", text,
                      q1 ? (long)(q1 - b) : -1L, q2 ? (long)(q2 - b) : -1L);
        if (q1) {
            ck_assert_msg(ts1 == ts2, "'%s': timestamp status %d against %d", text, ts1, ts2);
            if (ts1 == SRT_JV_OK)
                ck_assert_msg(t1 == t2, "'%s': %lld against %lld", text, (long long)t1,
                              (long long)t2);
        }
        const char *w1 = srt_json_ws(b, end), *w2 = srt_json_ws_run(b, end);
        ck_assert_msg(w1 == w2, "'%s': spaces end differs", text);
        rt_guard_free(b, len);
    }
}
END_TEST

Suite *rt_json_suite(void)
{
    Suite *s = suite_create("rt_json");
    TCase *tc = tcase_create("scan");
    tcase_add_test(tc, test_ws_and_line_end);
    tcase_add_test(tc, test_string_raw);
    tcase_add_test(tc, test_string_raw_positions);
    tcase_add_test(tc, test_skip);
    tcase_add_test(tc, test_skip_depth);
    tcase_add_test(tc, test_shape_skip);
    tcase_add_test(tc, test_record_walk);
    suite_add_tcase(s, tc);
    TCase *tr = tcase_create("readers");
    tcase_add_test(tr, test_bool);
    tcase_add_test(tr, test_i32);
    tcase_add_test(tr, test_i64);
    tcase_add_test(tr, test_f64);
    tcase_add_test(tr, test_f64_roundtrip);
    tcase_add_test(tr, test_f64_vs_strtod);
    tcase_add_test(tr, test_ts);
    tcase_add_test(tr, test_str);
    tcase_add_test(tr, test_fast_paths_agree);
    tcase_set_timeout(tr, 60); /* the random comparisons, in a sanitizer build on a busy machine */
    suite_add_tcase(s, tr);
    return s;
}
