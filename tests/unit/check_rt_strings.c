/* check_rt_strings.c - string helpers (compare, LIKE, length, case, concat), casts
** from and to strings, Java's Double.toString, and substring, trim, n-ary concat, round,
** regexp_extract, split and regexp_replace (Java regexes, common/cm_regex.c).
*/
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/cm_like.h"
#include "srt_int.h"

#define S(x) x, (uint32_t)strlen(x)

static const struct {
    const char *s, *pat;
    int match;
} like_cases[] = {
    {"walking upstairs", "%stairs%", 1},
    {"stairs", "%stairs%", 1},
    {"stair", "%stairs%", 0},
    {"abc", "abc", 1},
    {"abc", "ab", 0},
    {"abc", "a_c", 1},
    {"abc", "a__c", 0},
    {"abc", "%", 1},
    {"", "%", 1},
    {"", "", 1},
    {"", "_", 0},
    {"a", "", 0},
    {"abc", "%c", 1},
    {"abcabc", "%bc", 1},
    {"abcabd", "%bc", 0},
    {"aaa", "a%a%a", 1},
    {"aa", "a%a%a", 0},
    {"mississippi", "m%iss%ppi", 1},
    {"mississippi", "m%is%s%is%p_i", 1},
    {"100%", "100\\%", 1},
    {"100x", "100\\%", 0},
    {"a_c", "a\\_c", 1},
    {"abc", "a\\_c", 0},
    {"a\\c", "a\\\\c", 1},
    {"caf\xc3\xa9", "caf_", 1},   /* _ matches one code point, not one byte */
    {"caf\xc3\xa9", "caf__", 0},
    {"\xe6\x97\xa5\xe6\x9c\xac", "_\xe6\x9c\xac", 1},
    {"\xf0\x9f\x98\x80x", "_x", 1},
    {"ABC", "abc", 0},
};

START_TEST(test_like)
{
    for (size_t i = 0; i < sizeof like_cases / sizeof like_cases[0]; i++)
        ck_assert_msg(srt_like(NULL, S(like_cases[i].s), S(like_cases[i].pat), '\\', 0) == like_cases[i].match,
                      "case %zu: '%s' LIKE '%s'", i, like_cases[i].s, like_cases[i].pat);
}
END_TEST

/* ESCAPE 'c' (Spark's escapeLikeRegex): the escape makes the next %, _ or itself literal, and
   is never a wildcard itself, even when it is % or _. */
static const struct {
    const char *s, *pat;
    uint32_t esc;
    int match;
} like_escape_cases[] = {
    {"a%c", "a!%c", '!', 1},
    {"abc", "a!%c", '!', 0},
    {"a_c", "a!_c", '!', 1},
    {"abc", "a!_c", '!', 0},
    {"a!c", "a!!c", '!', 1},
    {"a\\c", "a\\c", '!', 1},       /* '\' is an ordinary character with another escape */
    {"a%", "a%%", '%', 1},           /* % as the escape: %% is a literal % */
    {"ab", "a%%", '%', 0},
    {"a_", "a%_", '%', 1},
    {"a_b", "a__b", '_', 1},
    {"axb", "a__b", '_', 0},
    {"x\xc3\xa9y", "x\xc3\xa9\xc3\xa9y", 0xE9, 1}, /* é as the escape: éé is a literal é */
    {"caf\xc3\xa9%", "caf_\xc3\xa9%", 0xE9, 1},      /* é% is a literal % */
};

START_TEST(test_like_escape)
{
    for (size_t i = 0; i < sizeof like_escape_cases / sizeof like_escape_cases[0]; i++)
        ck_assert_msg(srt_like(NULL, S(like_escape_cases[i].s), S(like_escape_cases[i].pat),
                               like_escape_cases[i].esc, 0) == like_escape_cases[i].match,
                      "case %zu: '%s' LIKE '%s'", i, like_escape_cases[i].s, like_escape_cases[i].pat);
}
END_TEST

/* Invalid patterns fail with Spark's messages (INVALID_FORMAT.ESC_IN_THE_MIDDLE / ESC_AT_THE_END,
   the pattern as a SQL string: backslashes and quotes escaped). */
START_TEST(test_like_invalid)
{
    char msg[512];
    ck_assert_int_eq(cm_like_check(S("%\\x%"), '\\', msg, sizeof msg), -1);
    ck_assert_str_eq(msg, "The format is invalid: '%\\\\x%'. The escape character is not allowed to "
                          "precede 'x'.");
    ck_assert_int_eq(cm_like_check(S("ab\\"), '\\', msg, sizeof msg), -1);
    ck_assert_str_eq(msg, "The format is invalid: 'ab\\\\'. The escape character is not allowed to end with.");
    ck_assert_int_eq(cm_like_check(S("it's!"), '!', msg, sizeof msg), -1);
    ck_assert_str_eq(msg, "The format is invalid: 'it\\'s!'. The escape character is not allowed to end with.");
    ck_assert_int_eq(cm_like_check(S("a!\xc3\xa9"), '!', msg, sizeof msg), -1);
    ck_assert_str_eq(msg, "The format is invalid: 'a!\xc3\xa9'. The escape character is not allowed to "
                          "precede '\xc3\xa9'.");
    ck_assert_int_eq(cm_like_check(S("a!%!_!!"), '!', msg, sizeof msg), 0);
    ck_assert_int_eq(srt_like(NULL, S("abc"), S("ab\\"), '\\', 0), -1);
    ck_assert_int_eq(srt_like(NULL, S("zzz"), S("a\\b%"), '\\', 0), -1); /* checked before matching */
}
END_TEST

START_TEST(test_cmp_length)
{
    ck_assert_int_eq(srt_str_cmp(S("abc"), S("abc")), 0);
    ck_assert_int_lt(srt_str_cmp(S("ab"), S("abc")), 0);
    ck_assert_int_gt(srt_str_cmp(S("abd"), S("abc")), 0);
    ck_assert_int_lt(srt_str_cmp(S(""), S("a")), 0);
    ck_assert_int_eq(srt_str_cmp(S(""), S("")), 0);
    ck_assert_int_gt(srt_str_cmp(S("\xc3\xa9"), S("z")), 0); /* byte-wise, unsigned */
    ck_assert_int_lt(srt_str_cmp(S("Z"), S("a")), 0);
    ck_assert_int_eq(srt_str_length(S("")), 0);
    ck_assert_int_eq(srt_str_length(S("abc")), 3);
    ck_assert_int_eq(srt_str_length(S("caf\xc3\xa9")), 4);
    ck_assert_int_eq(srt_str_length(S("\xe6\x97\xa5\xe6\x9c\xac")), 2);
    ck_assert_int_eq(srt_str_length(S("\xf0\x9f\x98\x80")), 1);
}
END_TEST

START_TEST(test_case_concat)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    static const struct {
        const char *in, *lower, *upper;
    } cases[] = {
        {"Hello World", "hello world", "HELLO WORLD"},
        {"already lower", "already lower", "ALREADY LOWER"},
        {"\xc3\x89t\xc3\xa9", "\xc3\xa9t\xc3\xa9", "\xc3\x89T\xc3\x89"},         /* Été */
        {"\xc3\x97\xc3\xb7", "\xc3\x97\xc3\xb7", "\xc3\x97\xc3\xb7"},             /* × ÷ unchanged */
        {"stra\xc3\x9f" "e", "stra\xc3\x9f" "e", "STRASSE"},
        {"\xc3\xbf", "\xc3\xbf", "\xc5\xb8"},
        {"\xe6\x97\xa5x", "\xe6\x97\xa5x", "\xe6\x97\xa5X"},
        {"", "", ""},
        /* Non-ASCII text maps as Java's String.toLowerCase/toUpperCase (Locale.ROOT), which Spark's
           UTF8String calls.  Expected values: the examples of Java's String javadoc (toUpperCase:
           "ß" -> "SS", "Fahrvergnügen" -> "FAHRVERGNÜGEN"; toLowerCase: "ΙΧΘΥΣ" -> "ιχθυς", final
           sigma), and Unicode's SpecialCasing/UnicodeData mappings that Java's Character data and
           ConditionalSpecialCasing implement. */
        {"Fahrvergnügen", "fahrvergnügen", "FAHRVERGNÜGEN"},
        {"ΙΧΘΥΣ", "ιχθυς", "ΙΧΘΥΣ"},
        {"ß", "ß", "SS"},
        {"ωΩ абвАБВ", "ωω абвабв", "ΩΩ АБВАБВ"},
        /* final sigma: after a cased letter of the same word and before none */
        {"ΣΑΣ ΟΔΟΣ. σΣ Σ aΣb ΑΣ1 ΑΣ'", "σας οδος. σς σ aσb ας1 ας'", "ΣΑΣ ΟΔΟΣ. ΣΣ Σ AΣB ΑΣ1 ΑΣ'"},
        /* Turkish dotted/dotless i outside the tr locale */
        {"İı", "i\u0307ı", "İI"},
        /* titlecase digraphs */
        {"ǅ ǈ ǋ ǲ", "ǆ ǉ ǌ ǳ", "Ǆ Ǉ Ǌ Ǳ"},
        /* full uppercase mappings of SpecialCasing */
        {"ŉ ǰ ΐ ΰ և ẖ ﬀ ﬁ ﬃ ﬓ", "ŉ ǰ ΐ ΰ և ẖ ﬀ ﬁ ﬃ ﬓ",
         "ʼN J\u030C \u0399\u0308\u0301 \u03A5\u0308\u0301 ԵՒ H\u0331 FF FI FFI ՄՆ"},
        {"ᾳ ᾀ ῼ", "ᾳ ᾀ ῳ", "ΑΙ ἈΙ ΩΙ"},
        /* simple mappings across scripts */
        {"µ ÿ ı ſ ͅ", "µ ÿ ı ſ ͅ", "Μ Ÿ I S Ι"},
        {"Ⱥ ɐ Ꭰ ꭰ", "ⱥ ɐ ꭰ ꭰ", "Ⱥ Ɐ Ꭰ Ꭰ"},
        {"𐐀𐐨 𞤀𞤢", "𐐨𐐨 𞤢𞤢", "𐐀𐐀 𞤀𞤀"},
        {"日本語 ١٢٣", "日本語 ١٢٣", "日本語 ١٢٣"},
        /* ill-formed UTF-8 decodes to U+FFFD, as Java's decoder does */
        {"a\xff" "b", "a\xef\xbf\xbd" "b", "A\xef\xbf\xbd" "B"},
        /* one U+FFFD per maximal subpart (a cut 3-byte sequence, each byte of an overlong),
           one for an encoded surrogate (JDK's UTF_8 decoder) */
        {"\xe2\x82" "a\xed\xa0\x80\xc0\xaf", "\xef\xbf\xbd" "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
         "\xef\xbf\xbd" "A\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *o;
        uint32_t n;
        srt_str_lower(q, S(cases[i].in), &o, &n);
        ck_assert_msg(n == strlen(cases[i].lower) && memcmp(o, cases[i].lower, n) == 0,
                      "lower %zu: '%.*s'", i, (int)n, o);
        srt_str_upper(q, S(cases[i].in), &o, &n);
        ck_assert_msg(n == strlen(cases[i].upper) && memcmp(o, cases[i].upper, n) == 0,
                      "upper %zu: '%.*s'", i, (int)n, o);
    }
    const char *o;
    uint32_t n;
    srt_str_concat(q, S("foo"), S("bar"), &o, &n);
    ck_assert_uint_eq(n, 6);
    ck_assert(memcmp(o, "foobar", 6) == 0);
    srt_str_concat(q, S(""), S(""), &o, &n);
    ck_assert_uint_eq(n, 0);
    srt_query_free(q);
}
END_TEST

typedef struct IntCase {
    const char *in;
    int ok64, ok32;
    int64_t v;
} IntCase;

static const IntCase int_casts[] = {
    {"42", 1, 1, 42},
    {"  -17  ", 1, 1, -17},
    {"+5", 1, 1, 5},
    {"1.9", 1, 1, 1},
    {"-1.9", 1, 1, -1},
    {"7.", 1, 1, 7},
    {".5", 1, 1, 0},
    {"2147483647", 1, 1, 2147483647},
    {"2147483648", 1, 0, 2147483648LL},
    {"-2147483648", 1, 1, -2147483648LL},
    {"9223372036854775807", 1, 0, INT64_MAX},
    {"-9223372036854775808", 1, 0, INT64_MIN},
    {"9223372036854775808", 0, 0, 0},
    {"1e3", 0, 0, 0},
    {"1.2.3", 0, 0, 0},
    {"abc", 0, 0, 0},
    {"12a", 0, 0, 0},
    {"", 0, 0, 0},
    {"   ", 0, 0, 0},
    {"-", 0, 0, 0},
    {"\t8\n", 1, 1, 8},
};

/* Each case through the BIGINT and the INT reader. */
static void check_int_cases(const IntCase *c, size_t n, int (*r64)(const char *, uint32_t, int64_t *),
                            int (*r32)(const char *, uint32_t, int64_t *))
{
    for (size_t i = 0; i < n; i++) {
        int64_t v = -777;
        int rc = r64(S(c[i].in), &v);
        ck_assert_msg((rc == 0) == c[i].ok64, "i64 case %zu (%s)", i, c[i].in);
        if (rc == 0)
            ck_assert_int_eq(v, c[i].v);
        rc = r32(S(c[i].in), &v);
        ck_assert_msg((rc == 0) == c[i].ok32, "i32 case %zu (%s)", i, c[i].in);
        if (rc == 0)
            ck_assert_int_eq(v, c[i].v);
    }
}

START_TEST(test_cast_int)
{
    check_int_cases(int_casts, sizeof int_casts / sizeof int_casts[0], srt_cast_str_i64,
                    srt_cast_str_i32);
}
END_TEST

/* try_cast's readers (UTF8String.toLongExact / toIntExact): trimmed, a sign, digits only. */
START_TEST(test_cast_int_exact)
{
    static const IntCase cases[] = {
        {" 12 ", 1, 1, 12}, {"-2147483648", 1, 1, INT32_MIN}, {"2147483648", 1, 0, 2147483648LL},
        {"1.5", 0, 0, 0}, {"1.", 0, 0, 0}, {".5", 0, 0, 0}, {"+7", 1, 1, 7}, {"-", 0, 0, 0},
        {"", 0, 0, 0}, {"9223372036854775807", 1, 0, INT64_MAX}, {"9223372036854775808", 0, 0, 0},
        {"1e3", 0, 0, 0},
    };
    check_int_cases(cases, sizeof cases / sizeof cases[0], srt_cast_str_i64_exact,
                    srt_cast_str_i32_exact);
}
END_TEST

START_TEST(test_cast_double_bool_ts)
{
    static const struct {
        const char *in;
        int ok;
        double v;
    } d[] = {
        {"2.5", 1, 2.5},       {" -1e3 ", 1, -1000},     {".5", 1, 0.5},     {"5.", 1, 5},
        {"1.5d", 1, 1.5},      {"Infinity", 1, INFINITY}, {"-inf", 1, -INFINITY},
        {"+INFINITY", 1, INFINITY}, {"1e", 0, 0},        {"abc", 0, 0},      {"", 0, 0},
        {"0x10", 0, 0},        {"1,5", 0, 0},            {"nan", 1, NAN},
    };
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
        double v = -777;
        int rc = srt_cast_str_f64(S(d[i].in), &v);
        ck_assert_msg((rc == 0) == d[i].ok, "f64 case %zu (%s)", i, d[i].in);
        if (rc == 0 && isnan(d[i].v))
            ck_assert(isnan(v));
        else if (rc == 0)
            ck_assert_msg(v == d[i].v, "f64 case %zu: %g", i, v);
    }
    static const struct {
        const char *in;
        int ok, v;
    } b[] = {{"true", 1, 1}, {"TRUE", 1, 1}, {" t ", 1, 1}, {"yes", 1, 1}, {"y", 1, 1},
             {"1", 1, 1},    {"false", 1, 0}, {"F", 1, 0},  {"no", 1, 0},  {"n", 1, 0},
             {"0", 1, 0},    {"2", 0, 0},     {"", 0, 0},   {"truth", 0, 0}};
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) {
        int64_t v = -1;
        int rc = srt_cast_str_bool(S(b[i].in), &v);
        ck_assert_msg((rc == 0) == b[i].ok, "bool case %zu (%s)", i, b[i].in);
        if (rc == 0)
            ck_assert_int_eq(v, b[i].v);
    }
    int64_t us;
    ck_assert_int_eq(srt_cast_str_ts(S(" 2016-07-26 02:54:35 "), &us), 0);
    ck_assert_int_eq(us, 1469501675000000LL);
    ck_assert_int_eq(srt_cast_str_ts(S("not a time"), &us), -1);
}
END_TEST

static const struct {
    double v;
    const char *out;
} double_cases[] = {
    {1.0, "1.0"},
    {-0.0, "-0.0"},
    {0.0, "0.0"},
    {2.5, "2.5"},
    {-2.5, "-2.5"},
    {0.1, "0.1"},
    {0.001, "0.001"},
    {1.0E-4, "1.0E-4"},
    {1.0E-5, "1.0E-5"},
    {123.456, "123.456"},
    {1.0E7, "1.0E7"},
    {9999999.0, "9999999.0"},
    {12345678.9, "1.23456789E7"},
    {1.0E21, "1.0E21"},
    {1.0E22, "1.0E22"},
    {1.0E23, "9.999999999999999E22"},
    {100.0, "100.0"},
    {1234567.0, "1234567.0"},
    {0.3, "0.3"},
    {0.1 + 0.2, "0.30000000000000004"},
    {1.0 / 3, "0.3333333333333333"},
    {2.0 / 3, "0.6666666666666666"},
    {NAN, "NaN"},
    {INFINITY, "Infinity"},
    {-INFINITY, "-Infinity"},
    {4.9E-324, "4.9E-324"},
    {1.7976931348623157E308, "1.7976931348623157E308"},
    {2.2250738585072014E-308, "2.2250738585072014E-308"},
    {DBL_EPSILON, "2.220446049250313E-16"},
    {123456789012.0, "1.23456789012E11"},
    {0.00123, "0.00123"},
    {-1.5E-10, "-1.5E-10"},
    {5.0E-324 * 3, "1.5E-323"},
};

START_TEST(test_fmt_double)
{
    for (size_t i = 0; i < sizeof double_cases / sizeof double_cases[0]; i++) {
        char buf[32];
        uint32_t n = srt_fmt_double(double_cases[i].v, buf);
        ck_assert_msg(n == strlen(double_cases[i].out) && strcmp(buf, double_cases[i].out) == 0,
                      "case %zu: got '%s' want '%s'", i, buf, double_cases[i].out);
    }
}
END_TEST

/* Whatever the double, the text reads back as the same value. */
START_TEST(test_fmt_double_roundtrip)
{
    uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d;
        memcpy(&d, &x, sizeof d);
        if (!isfinite(d))
            continue;
        char buf[32];
        uint32_t n = srt_fmt_double(d, buf);
        ck_assert(n < 32);
        double back;
        ck_assert_int_eq(srt_cast_str_f64(buf, n, &back), 0);
        ck_assert_msg(back == d, "%s", buf);
    }
}
END_TEST

START_TEST(test_cast_to_string)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    const char *o;
    uint32_t n;
    srt_cast_i64_str(q, INT64_MIN, &o, &n);
    ck_assert(n == 20 && memcmp(o, "-9223372036854775808", n) == 0);
    srt_cast_i64_str(q, 0, &o, &n);
    ck_assert(n == 1 && o[0] == '0');
    srt_cast_f64_str(q, 1e7, &o, &n);
    ck_assert(n == 5 && memcmp(o, "1.0E7", n) == 0);
    srt_cast_ts_str(q, 1469501675500000LL, &o, &n);
    ck_assert(n == 21 && memcmp(o, "2016-07-26 02:54:35.5", n) == 0);
    srt_cast_bool_str(q, 1, &o, &n);
    ck_assert(n == 4 && memcmp(o, "true", n) == 0);
    srt_cast_bool_str(q, 0, &o, &n);
    ck_assert(n == 5 && memcmp(o, "false", n) == 0);
    srt_query_free(q);
}
END_TEST

/* ==== substring, trim, concat, round, regexp_extract, split ==== */

static void ck_slice(const char *o, uint32_t n, const char *want, const char *what, int i)
{
    ck_assert_msg(n == strlen(want) && memcmp(o, want, n) == 0, "%s %d: got '%.*s', want '%s'",
                  what, i, (int)n, o, want);
}

START_TEST(test_substr_trim_concat)
{
    static const struct {
        const char *s;
        int32_t pos, len;
        const char *want;
    } sub[] = {
        {"Spark SQL", 5, INT32_MAX, "k SQL"},
        {"Spark SQL", -3, INT32_MAX, "SQL"},
        {"Spark SQL", 5, 1, "k"},
        {"abc", 0, 2, "ab"},
        {"abc", 1, 2, "ab"},
        {"abc", -5, 3, "a"}, /* the end is taken before the start is clamped */
        {"abc", -5, 2, ""},
        {"abc", 2, -1, ""},
        {"abc", 4, 2, ""},
        {"abc", 1, 0, ""},
        {"abc", -1, INT32_MAX, "c"},
        {"abc", 3, INT32_MAX, "c"},
        {"", 1, 1, ""},
        {"h\xc3\xa9llo", 2, 2, "\xc3\xa9l"},
        {"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", -1, 1, "\xe8\xaa\x9e"},
        {"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 2, 5, "\xe6\x9c\xac\xe8\xaa\x9e"},
    };
    const char *o;
    uint32_t n;
    for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++) {
        srt_str_substr(S(sub[i].s), sub[i].pos, sub[i].len, &o, &n);
        ck_slice(o, n, sub[i].want, "substr", (int)i);
    }
    srt_str_trim(S("  a b  "), SRT_TRIM_BOTH, &o, &n);
    ck_slice(o, n, "a b", "trim", 0);
    srt_str_trim(S("  a b  "), SRT_TRIM_LEFT, &o, &n);
    ck_slice(o, n, "a b  ", "ltrim", 0);
    srt_str_trim(S("  a b  "), SRT_TRIM_RIGHT, &o, &n);
    ck_slice(o, n, "  a b", "rtrim", 0);
    srt_str_trim(S("\t a \t"), SRT_TRIM_BOTH, &o, &n); /* spaces only, as Spark */
    ck_slice(o, n, "\t a \t", "trim", 1);
    srt_str_trim(S("   "), SRT_TRIM_BOTH, &o, &n);
    ck_slice(o, n, "", "trim", 2);

    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    const char *ps[3] = {"a", "", "bc"};
    uint32_t ns[3] = {1, 0, 2};
    srt_str_concat_n(q, ps, ns, 3, &o, &n);
    ck_slice(o, n, "abc", "concat", 0);
    srt_str_concat_n(q, ps, ns, 0, &o, &n);
    ck_assert_uint_eq(n, 0);
    srt_query_free(q);
}
END_TEST

START_TEST(test_round)
{
    static const struct {
        double x;
        int32_t d;
        double want;
    } cases[] = {
        {2.5, 0, 3.0},
        {-2.5, 0, -3.0},
        {0.5, 0, 1.0},
        {1.4999999999999998, 0, 1.0},
        {0.285, 2, 0.29},
        {1.005, 2, 1.01},
        {2.675, 2, 2.68},
        {123.456, 1, 123.5},
        {1234.5678, -2, 1200.0},
        {99.5, 0, 100.0},
        {9.995, 2, 10.0},
        {1e20, 0, 1e20},
        {1.23e-10, 12, 1.23e-10},
        {4.5e-5, 5, 5e-5},
        {5e-324, 0, 0.0},
        {1.5e300, -300, 2e300},
        {0.0, 0, 0.0},
        {-0.4, 0, 0.0},
        {7.0, 3, 7.0},
        {-1234.5, -1, -1230.0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double r = srt_round_f64(cases[i].x, cases[i].d, SRT_DEC_HALF_UP);
        ck_assert_msg(r == cases[i].want, "round(%.17g, %d) = %.17g, want %.17g", cases[i].x,
                      cases[i].d, r, cases[i].want);
    }
    ck_assert(!signbit(srt_round_f64(-0.001, 2, SRT_DEC_HALF_UP))); /* BigDecimal has no negative zero */
    ck_assert(isnan(srt_round_f64(NAN, 1, SRT_DEC_HALF_UP)));
    ck_assert(isinf(srt_round_f64(INFINITY, 1, SRT_DEC_HALF_UP)));
    ck_assert_int_eq(srt_round_i64(125, -1, SRT_DEC_HALF_UP), 130);
    ck_assert_int_eq(srt_round_i64(-125, -1, SRT_DEC_HALF_UP), -130);
    ck_assert_int_eq(srt_round_i64(124, -1, SRT_DEC_HALF_UP), 120);
    ck_assert_int_eq(srt_round_i64(5, -1, SRT_DEC_HALF_UP), 10);
    ck_assert_int_eq(srt_round_i64(4, -1, SRT_DEC_HALF_UP), 0);
    ck_assert_int_eq(srt_round_i64(50, -2, SRT_DEC_HALF_UP), 100);
    ck_assert_int_eq(srt_round_i64(15, 0, SRT_DEC_HALF_UP), 15);
    ck_assert_int_eq(srt_round_i64(15, 3, SRT_DEC_HALF_UP), 15);
    ck_assert_int_eq(srt_round_i64(123, -5, SRT_DEC_HALF_UP), 0);
    ck_assert_int_eq(srt_round_i64(123, -60, SRT_DEC_HALF_UP), 0);
    /* Java's longValue of 9223372036854775810: the low 64 bits */
    ck_assert_int_eq(srt_round_i64(INT64_MAX, -1, SRT_DEC_HALF_UP), INT64_MIN + 2);
}
END_TEST

START_TEST(test_regexp_extract)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    static const struct {
        const char *s, *pat;
        int idx;
        const char *want;
    } cases[] = {
        {"100-200", "(\\d+)-(\\d+)", 1, "100"},
        {"100-200", "(\\d+)-(\\d+)", 2, "200"},
        {"100-200", "(\\d+)-(\\d+)", 0, "100-200"},
        {"foo", "(\\d+)", 1, ""}, /* no match */
        {"ab", "(a)|(b)", 2, ""}, /* group 2 did not take part */
        {"xay", "(?:x)(a)", 1, "a"},
        {"h\xc3\xa9llo", "h(.)l", 1, "\xc3\xa9"}, /* '.' is one code point */
        {"a.b.c", "\\.", 0, "."},
        {"abc", "b", 0, "b"},
        {"ABC", "(?i)b", 0, "B"},
        {"key=val; k2=v2", "(\\w+)=(\\w+)", 2, "val"},
        {"", "x*", 0, ""},
        {"ab", "a|ab", 0, "a"}, /* leftmost-first, as Java (POSIX took "ab") */
        {"foo=bar", "(\\w+?)=", 1, "foo"},
    };
    const char *o;
    uint32_t n;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const SrtRegex *re = srt_regex_get(q, S(cases[i].pat), (int32_t)(i % 2));
        ck_assert_msg(re != NULL, "pattern %zu", i);
        ck_assert_int_eq(srt_regexp_extract(q, re, S(cases[i].s), cases[i].idx, &o, &n), 0);
        ck_slice(o, n, cases[i].want, "regexp_extract", (int)i);
    }
    /* the cache gives the same compiled pattern back, pinned or not */
    const SrtRegex *a = srt_regex_get(q, S("(\\d+)-(\\d+)"), 1);
    ck_assert_ptr_eq(a, srt_regex_get(q, S("(\\d+)-(\\d+)"), 0));
    ck_assert_ptr_eq(a, srt_regex_get(q, S("(\\d+)-(\\d+)"), 1));
    for (int i = 0; i < 40; i++) { /* patterns that change every row stay in a small ring */
        char pat[16];
        snprintf(pat, sizeof pat, "x%d", i);
        ck_assert_ptr_nonnull(srt_regex_get(q, S(pat), 0));
    }
    ck_assert_ptr_eq(a, srt_regex_get(q, S("(\\d+)-(\\d+)"), 0));
    ck_assert(!q->failed);
    /* a group index beyond the pattern's groups fails the query on a match (Spark) */
    ck_assert_int_eq(srt_regexp_extract(q, a, S("no digits"), 3, &o, &n), 0);
    ck_assert(!q->failed);
    ck_assert_int_eq(srt_regexp_extract(q, a, S("1-2"), 3, &o, &n), -1);
    ck_assert(q->failed);
    ck_assert_msg(strstr(q->err.msg, "Regex group count is 2, but the specified group index is 3"),
                  "%s", q->err.msg);
    srt_query_free(q);

    q = srt_query_new_detached(&mem);
    ck_assert_ptr_null(srt_regex_get(q, S("(ab"), 0));
    ck_assert(q->failed && strstr(q->err.msg, "invalid regular expression '(ab'"));
    ck_assert_int_eq(srt_regexp_extract(q, NULL, S("ab"), 0, &o, &n), -1);
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

START_TEST(test_split)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    static const struct {
        const char *s, *pat;
        int32_t limit;
        const char *want; /* elements joined by '|' */
        uint32_t count;
    } cases[] = {
        {"a,b,,c,,", ",", -1, "a|b||c||", 6},
        {"a,b,,c,,", ",", 0, "a|b||c||", 6}, /* Spark reads 0 as -1 */
        {"a,b,,c,,", ",", 2, "a|b,,c,,", 2},
        {"a,b,,c,,", ",", 1, "a,b,,c,,", 1},
        {"oneAtwoBthreeC", "[ABC]", -1, "one|two|three|", 4},
        {"oneAtwoBthreeC", "[ABC]", 2, "one|twoBthreeC", 2},
        {"", ",", -1, "", 1},
        {"abc", "", -1, "a|b|c", 3},
        {"abc", "", 2, "a|bc", 2},
        {"h\xc3\xa9j", "", -1, "h|\xc3\xa9|j", 3},
        {",a", ",", -1, "|a", 2},
        {"a b  c", " ", -1, "a|b||c", 4},
        {"a1b22c", "\\d+", -1, "a|b|c", 3},
        {"abc", "x*", -1, "a|b|c|", 4},
        {"a::b::", "::", -1, "a|b|", 3},
        {"a.b", "\\.", -1, "a|b", 2},
        {"no match", ",", -1, "no match", 1},
        {"a1b2", "(\\d)", -1, "a|b|", 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const SrtRegex *re = srt_regex_get(q, S(cases[i].pat), 1);
        const void *out;
        uint32_t n;
        ck_assert_int_eq(srt_split(q, re, S(cases[i].s), cases[i].limit, &out, &n), 0);
        ck_assert_msg(n == cases[i].count, "split %zu: %u elements, want %u", i, n, cases[i].count);
        char joined[128];
        size_t k = 0;
        const SrtDatum *d = out;
        for (uint32_t j = 0; j < n; j++) {
            ck_assert(!d[j].is_null);
            if (j)
                joined[k++] = '|';
            memcpy(joined + k, d[j].p, d[j].n);
            k += d[j].n;
        }
        joined[k] = '\0';
        ck_assert_msg(strcmp(joined, cases[i].want) == 0, "split %zu: '%s', want '%s'", i, joined,
                      cases[i].want);
    }
    const void *out;
    uint32_t n;
    ck_assert_int_eq(srt_split(q, NULL, S("a"), -1, &out, &n), -1);
    srt_query_free(q);
}
END_TEST

START_TEST(test_regexp_replace)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    static const struct {
        const char *s, *pat, *rep;
        int32_t pos;
        const char *want;
    } cases[] = {
        {"100-200", "(\\d+)", "num", 1, "num-num"}, /* Spark's example */
        {"100-200", "(\\d+)-(\\d+)", "$2-$1", 1, "200-100"},
        {"abc", "x*", "-", 1, "-a-b-c-"},
        {"", "x*", "-", 1, "-"},
        {"abc", "nothing", "-", 1, "abc"},
        {"aaa", "a", "b", 2, "abb"},
        {"aaa", "^a", "b", 2, "aba"}, /* ^ is the region's start */
        {"abc", "x*", "-", 3, "ab-c-"},
        {"abc", "b", "-", 4, "abc"}, /* position past the end: unchanged */
        {"abc", "b", "-", 100, "abc"},
        {"\xc3\xa9t\xc3\xa9", "\\w", "_", 1, "\xc3\xa9_\xc3\xa9"},
        {"\xf0\x9f\x98\x80" "ab", "a", "_", 3, "\xf0\x9f\x98\x80_b"}, /* pos counts UTF-16 units */
        {"a.b", "\\.", "\\$", 1, "a$b"},
        {"key=v", "(?<k>\\w+)=(?<v>\\w+)", "${v}=${k}", 1, "v=key"},
        {"ab", "a|ab", "X", 1, "Xb"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const SrtRegex *re = srt_regex_get(q, S(cases[i].pat), (int32_t)(i % 2));
        ck_assert_msg(re != NULL, "pattern %zu", i);
        const char *o;
        uint32_t n;
        ck_assert_int_eq(
            srt_regexp_replace(q, re, S(cases[i].s), S(cases[i].rep), cases[i].pos, &o, &n), 0);
        ck_slice(o, n, cases[i].want, "regexp_replace", (int)i);
    }
    ck_assert(!q->failed);
    /* an invalid replacement fails the query at the first match only (Java) */
    const SrtRegex *re = srt_regex_get(q, S("(a)"), 1);
    const char *o;
    uint32_t n;
    ck_assert_int_eq(srt_regexp_replace(q, re, S("xyz"), S("$2"), 1, &o, &n), 0);
    ck_assert(!q->failed);
    ck_assert_int_eq(srt_regexp_replace(q, re, S("xaz"), S("$2"), 1, &o, &n), -1);
    ck_assert(q->failed && strstr(q->err.msg, "regexp_replace: No group 2"));
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

Suite *rt_strings_suite(void)
{
    Suite *s = suite_create("rt_strings");
    TCase *ts = tcase_create("strings");
    tcase_add_test(ts, test_like);
    tcase_add_test(ts, test_cast_int_exact);
    tcase_add_test(ts, test_like_escape);
    tcase_add_test(ts, test_like_invalid);
    tcase_add_test(ts, test_cmp_length);
    tcase_add_test(ts, test_case_concat);
    tcase_add_test(ts, test_substr_trim_concat);
    tcase_add_test(ts, test_round);
    tcase_add_test(ts, test_regexp_extract);
    tcase_add_test(ts, test_split);
    tcase_add_test(ts, test_regexp_replace);
    suite_add_tcase(s, ts);
    TCase *tc = tcase_create("casts");
    tcase_add_test(tc, test_cast_int);
    tcase_add_test(tc, test_cast_double_bool_ts);
    tcase_add_test(tc, test_fmt_double);
    tcase_add_test(tc, test_fmt_double_roundtrip);
    tcase_add_test(tc, test_cast_to_string);
    suite_add_tcase(s, tc);
    return s;
}
