/* check_rt_strfn.c - concat_ws, lpad/rpad, repeat, reverse, instr/locate, initcap, translate,
** replace, chr, ascii, contains, btrim, split_part, string to date, date_trunc,
** get_json_object, array_join, sort_array, and md5, sha1, sha2, crc32, base64, unbase64, hex,
** unhex, and srt_strmore.c's levenshtein, soundex, find_in_set, bin, conv, width_bucket,
** encode/decode, format_number, sequence, with next_day and make_timestamp, as the runtime
** computes them (Spark 3.5's results; the digests checked against python3's hashlib and zlib).
*/
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/cm_decfmt.h"
#include "common/cm_tz.h"
#include "rt_datum.h"
#include "srt_int.h"

#define S(x) x, (uint32_t)strlen(x)

static SrtMem mem;
static SrtQuery *q;

static void setup(void)
{
    srt_mem_init(&mem);
    q = srt_query_new_detached(&mem);
}

static void teardown(void)
{
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}

static void eq(const char *got, uint32_t n, const char *want, const char *what)
{
    ck_assert_msg(n == strlen(want) && memcmp(got, want, n) == 0, "%s: got '%.*s', want '%s'",
                  what, (int)n, got, want);
}

START_TEST(test_concat_ws)
{
    const char *o;
    uint32_t n;
    /* part 0 is the separator */
    const char *ps[5] = {",", "a", "", "b", "c\xc3\xa9"};
    uint32_t ns[5] = {1, 1, 0, 1, 3};
    uint8_t kinds[5] = {SRT_WS_STRING, SRT_WS_STRING, SRT_WS_NULL, SRT_WS_STRING, SRT_WS_STRING};
    ck_assert_int_eq(srt_str_concat_ws(q, ps, ns, kinds, 5, &o, &n), 0);
    eq(o, n, "a,b,c\xc3\xa9", "NULL parts are skipped");
    ps[0] = "\xe2\x86\x92", ns[0] = 3;
    ck_assert_int_eq(srt_str_concat_ws(q, ps, ns, kinds, 4, &o, &n), 0);
    eq(o, n, "a\xe2\x86\x92" "b", "a multi-byte separator");
    ck_assert_int_eq(srt_str_concat_ws(q, ps, ns, kinds, 1, &o, &n), 0);
    eq(o, n, "", "no parts");
    kinds[1] = kinds[3] = kinds[4] = SRT_WS_NULL;
    ck_assert_int_eq(srt_str_concat_ws(q, ps, ns, kinds, 5, &o, &n), 0);
    eq(o, n, "", "only NULL parts");
    /* empty strings are parts: concat_ws(',', '', '') is "," */
    const char *e2[3] = {",", "", ""};
    uint32_t en[3] = {1, 0, 0};
    uint8_t ek[3] = {SRT_WS_STRING, SRT_WS_STRING, SRT_WS_STRING};
    ck_assert_int_eq(srt_str_concat_ws(q, e2, en, ek, 3, &o, &n), 0);
    eq(o, n, ",", "empty parts");
    /* an ARRAY<STRING> part contributes its non-NULL elements */
    SrtDatum arr[3] = {{.p = "x", .n = 1}, {.is_null = 1}, {.p = "y", .n = 1}};
    const char *ap[3] = {"-", (const char *)(const void *)arr, "z"};
    uint32_t an[3] = {1, 3, 1};
    uint8_t ak[3] = {SRT_WS_STRING, SRT_WS_ARRAY, SRT_WS_STRING};
    ck_assert_int_eq(srt_str_concat_ws(q, ap, an, ak, 3, &o, &n), 0);
    eq(o, n, "x-y-z", "array elements");
    ck_assert(!q->failed);
}
END_TEST

START_TEST(test_pad)
{
    static const struct {
        const char *s;
        int32_t len;
        const char *pad, *lpad, *rpad;
    } cases[] = {
        {"hi", 5, "??", "???hi", "hi???"},          /* UTF8String.lpad's javadoc */
        {"hi", 1, "??", "h", "h"},
        {"hi", 0, "?", "", ""},
        {"hi", -1, "?", "", ""},
        {"hi", 5, "", "hi", "hi"},                  /* an empty pad adds nothing */
        {"hi", 1, "", "h", "h"},
        {"hi", 5, "abcd", "abchi", "hiabc"},        /* the last copy of pad is cut */
        {"", 3, "ab", "aba", "aba"},
        {"h\xc3\xa9llo", 7, "\xc3\xbc", "\xc3\xbc\xc3\xbch\xc3\xa9llo", "h\xc3\xa9llo\xc3\xbc\xc3\xbc"},
        {"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 2, "x", "\xe6\x97\xa5\xe6\x9c\xac",
         "\xe6\x97\xa5\xe6\x9c\xac"}, /* code points, not bytes */
        {"ab", 5, "\xf0\x9f\x98\x80.", "\xf0\x9f\x98\x80.\xf0\x9f\x98\x80" "ab",
         "ab\xf0\x9f\x98\x80.\xf0\x9f\x98\x80"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *o;
        uint32_t n;
        char what[64];
        snprintf(what, sizeof what, "lpad case %zu", i);
        ck_assert_int_eq(srt_str_lpad(q, S(cases[i].s), cases[i].len, S(cases[i].pad), &o, &n), 0);
        eq(o, n, cases[i].lpad, what);
        snprintf(what, sizeof what, "rpad case %zu", i);
        ck_assert_int_eq(srt_str_rpad(q, S(cases[i].s), cases[i].len, S(cases[i].pad), &o, &n), 0);
        eq(o, n, cases[i].rpad, what);
    }
    ck_assert(!q->failed);
}
END_TEST

START_TEST(test_pad_too_long)
{
    const char *o;
    uint32_t n;
    /* 2^31 - 1 code points of padding plus the string: beyond a Java byte[] (toIntExact) */
    ck_assert_int_eq(srt_str_lpad(q, S("ab"), INT32_MAX, S("\xc3\xa9"), &o, &n), -1);
    ck_assert(q->failed);
    ck_assert_msg(strstr(q->err.msg, "lpad: integer overflow"), "%s", q->err.msg);
}
END_TEST

static void expect_index(const char *s, const char *d, int32_t count, const char *want)
{
    const char *o;
    uint32_t n;
    srt_str_substring_index(S(s), S(d), count, &o, &n);
    ck_assert_msg(n == strlen(want) && memcmp(o, want, n) == 0, "substring_index('%s', '%s', %d) = '%.*s', want '%s'",
                  s, d, count, (int)n, o, want);
}

/* Spark's UTF8String.subStringIndex: left and right counts, fewer delimiters, count 0, an
   empty delimiter, overlapping matches, a delimiter at either end, one longer than the string. */
START_TEST(test_substring_index)
{
    expect_index("www.apache.org", ".", 2, "www.apache");
    expect_index("www.apache.org", ".", -2, "apache.org");
    expect_index("www.apache.org", ".", 5, "www.apache.org");
    expect_index("www.apache.org", ".", -5, "www.apache.org");
    expect_index("www.apache.org", ".", 0, "");
    expect_index("www.apache.org", "", 1, "");
    expect_index("aaaa", "aa", 2, "a");
    expect_index("aaaa", "aa", -2, "a");
    expect_index(".a.", ".", 1, "");
    expect_index(".a.", ".", -1, "");
    expect_index("ab", "abc", 1, "ab");
    expect_index("ab", "abc", -1, "ab");
    expect_index("", ".", 1, "");
    expect_index("a||b||c", "||", -2, "b||c");
}
END_TEST

START_TEST(test_repeat_reverse)
{
    const char *o;
    uint32_t n;
    ck_assert_int_eq(srt_str_repeat(q, S("ab"), 3, &o, &n), 0);
    eq(o, n, "ababab", "repeat 3");
    ck_assert_int_eq(srt_str_repeat(q, S("ab"), 0, &o, &n), 0);
    eq(o, n, "", "repeat 0");
    ck_assert_int_eq(srt_str_repeat(q, S("ab"), -1, &o, &n), 0);
    eq(o, n, "", "repeat -1");
    ck_assert_int_eq(srt_str_repeat(q, S(""), 1000000, &o, &n), 0);
    eq(o, n, "", "repeat of empty");
    ck_assert_int_eq(srt_str_repeat(q, S("\xc3\xa9"), 2, &o, &n), 0);
    eq(o, n, "\xc3\xa9\xc3\xa9", "repeat of a multi-byte char");
    static const struct {
        const char *in, *out;
    } rev[] = {
        {"abc", "cba"},
        {"", ""},
        {"h\xc3\xa9llo", "oll\xc3\xa9h"},
        {"\xe6\x97\xa5\xe6\x9c\xac", "\xe6\x9c\xac\xe6\x97\xa5"},
        {"a\xf0\x9f\x98\x80" "b", "b\xf0\x9f\x98\x80" "a"},
    };
    for (size_t i = 0; i < sizeof rev / sizeof rev[0]; i++) {
        srt_str_reverse(q, S(rev[i].in), &o, &n);
        eq(o, n, rev[i].out, rev[i].in);
    }
    SrtDatum arr[3] = {{.i = 1}, {.is_null = 1}, {.i = 3}};
    const void *ao;
    srt_array_reverse(q, arr, 3, &ao, &n);
    const SrtDatum *r = ao;
    ck_assert(n == 3 && r[0].i == 3 && r[1].is_null && r[2].i == 1);
    srt_array_reverse(q, NULL, 0, &ao, &n);
    ck_assert_uint_eq(n, 0);
    ck_assert(!q->failed);
    /* Math.multiplyExact(numBytes, times) overflows: the query fails */
    ck_assert_int_eq(srt_str_repeat(q, S("ab"), INT32_MAX, &o, &n), -1);
    ck_assert(q->failed);
    ck_assert_msg(strstr(q->err.msg, "repeat: integer overflow"), "%s", q->err.msg);
}
END_TEST

START_TEST(test_locate)
{
    static const struct {
        const char *s, *sub;
        int32_t pos, want;
    } cases[] = {
        {"foobarbar", "bar", 1, 4},       /* locate('bar', 'foobarbar') and instr */
        {"foobarbar", "bar", 5, 7},       /* locate('bar', 'foobarbar', 5): Spark's example */
        {"foobarbar", "bar", 8, 0},
        {"abc", "", 1, 1},                /* an empty substring: indexOf gives 0 */
        {"abc", "", 3, 1},
        {"abc", "", 10, 1},
        {"", "", 1, 1},
        {"abc", "a", 0, 0},               /* pos < 1 is 0 */
        {"abc", "a", -1, 0},
        {"abc", "x", 1, 0},
        {"abc", "c", 4, 0},
        {"abc", "abcd", 1, 0},
        {"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xe8\xaa\x9e", 1, 3}, /* code points */
        {"h\xc3\xa9h\xc3\xa9", "h", 2, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(srt_str_locate(S(cases[i].s), S(cases[i].sub), cases[i].pos) ==
                          cases[i].want,
                      "case %zu: locate('%s', '%s', %d) is %d", i, cases[i].sub, cases[i].s,
                      cases[i].pos, cases[i].want);
}
END_TEST

START_TEST(test_initcap)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"hello world", "Hello World"},
        {"HELLO wORLD", "Hello World"},
        {"  a  b", "  A  B"},
        {"hello-world a.b", "Hello-world A.b"},  /* only a space starts a word */
        {"a\tb", "A\tb"},
        {"", ""},
        {"\xc3\xa9lan VITAL", "\xc3\x89lan Vital"},                 /* élan -> Élan */
        {"\xc7\x86" "emal", "\xc7\x85" "emal"},                     /* ǆ titlecases to ǅ */
        {"\xc7\x84" "EMAL", "\xc7\x85" "emal"},                     /* Ǆ lowers to ǆ first */
        {"\xc3\x9f" "a", "\xc3\x9f" "a"},                           /* ß has no single-char title */
        {"\xc4\xb1i", "Ii"},                                        /* ı -> I */
        {"\xf0\x9d\x90\x9a b", "\xf0\x9d\x90\x9a B"},                /* beyond the BMP: unchanged */
        {"\xe1\x83\x90\xe1\x83\x91", "\xe1\x83\x90\xe1\x83\x91"},   /* Georgian: title is itself */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *o;
        uint32_t n;
        srt_str_initcap(q, S(cases[i].in), &o, &n);
        eq(o, n, cases[i].out, cases[i].in);
    }
}
END_TEST

START_TEST(test_str_date)
{
    static const struct {
        const char *s;
        int ok;
        int64_t days;
    } cases[] = {
        {"2016-07-26", 1, 17008},
        {"2016-07-26 02:54:35", 1, 17008}, /* the rest after ' ' or 'T' is ignored */
        {"2016-07-26T99:99", 1, 17008},
        {"2016-07-26 garbage", 1, 17008},
        {"  2016-07-26\t", 1, 17008},
        {"2016-7-1", 1, 16983},
        {"2016-07", 1, 16983},
        {"2016", 1, 16801},
        {"+2016-02-29", 1, 16860},
        {"1970-01-01", 1, 0},
        {"1969-12-31", 1, -1},
        {"2016-07-26x", 0, 0},
        {"2016-07-26-", 0, 0},
        {"2016-02-30", 0, 0},
        {"2015-02-29", 0, 0},
        {"2016-13-01", 0, 0},
        {"2016-00-01", 0, 0},
        {"16-07-26", 0, 0},      /* a year has 4 to 7 digits */
        {"2016-007-01", 0, 0},
        {"2016-07 26", 0, 0},    /* yyyy-[m]m must be the whole text */
        {"2016 ", 1, 16801},     /* trailing spaces are trimmed */
        {"2016T", 0, 0},
        {"2016-", 0, 0},
        {"", 0, 0},
        {"   ", 0, 0},
        {"-", 0, 0},
        {"9999999-12-31", 0, 0}, /* beyond an int of days */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t d = 0;
        int rc = srt_cast_str_date(S(cases[i].s), &d);
        ck_assert_msg(rc == (cases[i].ok ? 0 : -1), "case %zu '%s': rc %d", i, cases[i].s, rc);
        if (cases[i].ok)
            ck_assert_msg(d == cases[i].days, "case %zu '%s': %lld days", i, cases[i].s,
                          (long long)d);
    }
    int64_t d;
    ck_assert_int_eq(srt_cast_str_date(S("12345-01-01"), &d), 0);
    ck_assert_int_eq(srt_cast_str_date(S("-0001-01-01"), &d), 0);
    ck_assert_int_eq(d, -719893); /* proleptic Gregorian, year 0 included */
}
END_TEST

START_TEST(test_trunc)
{
    static const struct {
        const char *unit;
        int32_t level;
    } units[] = {
        {"year", SRT_TRUNC_YEAR},     {"YYYY", SRT_TRUNC_YEAR},       {"yy", SRT_TRUNC_YEAR},
        {"Quarter", SRT_TRUNC_QUARTER}, {"month", SRT_TRUNC_MONTH},   {"MON", SRT_TRUNC_MONTH},
        {"mm", SRT_TRUNC_MONTH},      {"WEEK", SRT_TRUNC_WEEK},       {"day", SRT_TRUNC_DAY},
        {"DD", SRT_TRUNC_DAY},        {"hour", SRT_TRUNC_HOUR},       {"minute", SRT_TRUNC_MINUTE},
        {"second", SRT_TRUNC_SECOND}, {"MILLISECOND", SRT_TRUNC_MILLISECOND},
        {"microsecond", SRT_TRUNC_MICROSECOND},
        {"m\xc4\xb1nute", SRT_TRUNC_MINUTE}, /* "mınute".toUpperCase is "MINUTE" */
        {"\xc5\xbf" "econd", SRT_TRUNC_SECOND},
        {"days", -1}, {"", -1}, {"y", -1}, {"d", -1}, {" day", -1}, {"millisecondss", -1},
        {"h\xc3\xa9", -1},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        ck_assert_msg(srt_trunc_level(S(units[i].unit)) == units[i].level, "unit '%s'",
                      units[i].unit);
    static const struct {
        const char *ts;
        int32_t level;
        const char *want;
    } cases[] = {
        {"2016-07-26 02:54:35.123456", SRT_TRUNC_YEAR, "2016-01-01 00:00:00"},
        {"2016-07-26 02:54:35.123456", SRT_TRUNC_QUARTER, "2016-07-01 00:00:00"},
        {"2016-05-26 02:54:35.123456", SRT_TRUNC_QUARTER, "2016-04-01 00:00:00"},
        {"2016-07-26 02:54:35.123456", SRT_TRUNC_MONTH, "2016-07-01 00:00:00"},
        {"2016-07-26 02:54:35.123456", SRT_TRUNC_WEEK, "2016-07-25 00:00:00"}, /* a Monday */
        {"2016-07-25 02:54:35", SRT_TRUNC_WEEK, "2016-07-25 00:00:00"},
        {"2016-07-31 23:59:59", SRT_TRUNC_WEEK, "2016-07-25 00:00:00"},
        {"2016-07-26 02:54:35.123456", SRT_TRUNC_DAY, "2016-07-26 00:00:00"},
        {"2016-07-26 02:54:35.123456", SRT_TRUNC_HOUR, "2016-07-26 02:00:00"},
        {"2016-07-26 02:54:35.123456", SRT_TRUNC_MINUTE, "2016-07-26 02:54:00"},
        {"2016-07-26 02:54:35.123456", SRT_TRUNC_SECOND, "2016-07-26 02:54:35"},
        {"2016-07-26 02:54:35.123456", SRT_TRUNC_MILLISECOND, "2016-07-26 02:54:35.123"},
        {"2016-07-26 02:54:35.123456", SRT_TRUNC_MICROSECOND, "2016-07-26 02:54:35.123456"},
        {"1969-12-31 23:59:59.9995", SRT_TRUNC_MILLISECOND, "1969-12-31 23:59:59.999"},
        {"1969-12-31 23:59:59.9995", SRT_TRUNC_SECOND, "1969-12-31 23:59:59"},
        {"1969-12-31 23:59:59.9995", SRT_TRUNC_DAY, "1969-12-31 00:00:00"},
        {"1969-12-31 23:59:59.9995", SRT_TRUNC_WEEK, "1969-12-29 00:00:00"},
        {"1969-12-31 23:59:59.9995", SRT_TRUNC_YEAR, "1969-01-01 00:00:00"},
        {"2000-02-29 12:00:00", SRT_TRUNC_QUARTER, "2000-01-01 00:00:00"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t us;
        char buf[40];
        ck_assert_int_eq(srt_ts_parse(S(cases[i].ts), &us), 0);
        uint32_t n = srt_ts_format(srt_ts_trunc(us, cases[i].level), buf);
        eq(buf, n, cases[i].want, cases[i].ts);
    }
}
END_TEST

/* get_json_object: NULL is written as a NULL pointer in want. */
static const struct {
    const char *json, *path, *want;
} json_cases[] = {
    /* Spark's examples */
    {"{\"a\":\"b\"}", "$.a", "b"},
    {"[{\"a\":\"b\"},{\"a\":\"c\"}]", "$[0].a", "b"},
    {"[{\"a\":\"b\"},{\"a\":\"c\"}]", "$[*].a", "[\"b\",\"c\"]"},
    /* one wildcard match loses its brackets but stays quoted */
    {"[{\"a\":\"b\"},{\"x\":1}]", "$[*].a", "\"b\""},
    {"[{\"x\":1}]", "$[*].a", NULL},
    /* values are re-serialised without spaces */
    {"{\"a\" : { \"b\" : 1 , \"c\" : [ 1 , \"x\" ] } }", "$.a", "{\"b\":1,\"c\":[1,\"x\"]}"},
    {"{\"a\":{\"b\":{\"c\":\"d\"}}}", "$.a.b.c", "d"},
    {"{\"a\":{\"b\":{\"c\":\"d\"}}}", "$['a']['b']", "{\"c\":\"d\"}"},
    {" {\"a\":1} ", "$", "{\"a\":1}"},
    /* numbers through int/long/BigInteger and double */
    {"{\"a\":1.50}", "$.a", "1.5"},
    {"{\"a\":-0}", "$.a", "0"},
    {"{\"a\":-0.0}", "$.a", "-0.0"},
    {"{\"a\":1e2}", "$.a", "100.0"},
    {"{\"a\":1E-7}", "$.a", "1.0E-7"},
    {"{\"a\":12345678901234567890123}", "$.a", "12345678901234567890123"},
    {"{\"a\":1e400}", "$.a", "\"Infinity\""},
    {"{\"a\":-1e400}", "$.a", "\"-Infinity\""},
    {"{\"a\":true,\"b\":false}", "$.b", "false"},
    /* JSON null */
    {"{\"a\":null}", "$.a", NULL},
    {"[null]", "$[0]", "null"},
    {"null", "$", "null"},
    {"{\"a\":null,\"a\":2}", "$.a", "2"}, /* a null match does not count */
    {"{\"a\":1,\"a\":2}", "$.a", "1"},
    /* missing */
    {"{\"a\":1}", "$.b", NULL},
    {"{\"a\":1}", "$[0]", NULL},
    {"[1,2]", "$.a", NULL},
    {"[1,2]", "$[2]", NULL},
    {"[1,2]", "$[1]", "2"},
    {"{\"a\":[\"x\",\"y\"]}", "$.a[1]", "y"},
    /* wildcards */
    {"[1,2]", "$[*]", "[1,2]"},
    {"[1]", "$[*]", "1"},
    {"[\"s\"]", "$[*]", "\"s\""},
    {"[]", "$[*]", NULL},
    {"[[1,2],[3],4]", "$[*][*]", "[1,2,3,4]"},
    {"[[1,[2]],[[3]]]", "$[*][*]", "[1,2,3]"},
    {"[[1,2]]", "$[0][*]", "[1,2]"},
    {"[[1]]", "$[0][*]", "[1]"},
    {"{\"a\":[{\"b\":1},{\"c\":2},{\"b\":[3]}]}", "$.a[*].b", "[1,[3]]"},
    {"{\"a\":[{\"b\":\"x\"},{\"b\":\"y\"}]}", "$.a[*].b", "[\"x\",\"y\"]"},
    {"{\"a\":1}", "$.*", NULL},    /* parses, matches nothing */
    {"{\"a\":1}", "$['*']", NULL},
    {"[1]", "$.*", NULL},
    /* a failed [*][*] leaves its brackets, the next root value is space-separated */
    {"{\"a\":[1],\"a\":[{\"b\":5}]}", "$.a[*][*].b", "[] [5]"},
    /* only the first value is read */
    {"{\"a\":1} xyz", "$.a", "1"},
    {"{\"a\":1}{", "$.a", "1"},
    {"1 x", "$", "1"},
    {"1x", "$", NULL},  /* a root number must be followed by whitespace */
    {"1,", "$", NULL},
    {"true,", "$", "true"},
    {"true]", "$", "true"},
    {"truex", "$", NULL},
    {"\"abc\" junk", "$", "abc"},
    /* malformed */
    {"{\"a\":1", "$.a", NULL},
    {"{\"a\":01}", "$.a", NULL},
    {"{\"a\":1.}", "$.a", NULL},
    {"{\"a\":.5}", "$.a", NULL},
    {"{\"a\":+1}", "$.a", NULL},
    {"{\"a\":1e}", "$.a", NULL},
    {"{\"a\":-}", "$.a", NULL},
    {"{\"a\":NaN}", "$.a", NULL},
    {"{a:1}", "$.a", NULL},
    {"{\"a\":1,}", "$.a", NULL},
    {"[1,]", "$[0]", NULL},
    {"[1,,2]", "$[0]", NULL},
    {"{\"a\":tru}", "$.a", NULL},
    {"{\"a\":truex}", "$.a", NULL},
    {"{\"a\":\"\\x\"}", "$.a", NULL},
    {"{\"a\":\"\\u12g4\"}", "$.a", NULL},
    {"{\"a\":\"abc}", "$.a", NULL},
    {"{\"a\" 1}", "$.a", NULL},
    {"{\"b\":[1 2],\"a\":1}", "$.a", NULL}, /* errors anywhere in the value count */
    {"{\"a\":1,\"b\":[}", "$.a", NULL},     /* even after the match */
    {"{\"a\":1 /*c*/}", "$.a", NULL},
    {"{\"a\":\x01 1}", "$.a", NULL},       /* only space, tab, CR, LF between tokens */
    {"\xef\xbb\xbf{\"a\":1}", "$.a", NULL}, /* a byte order mark is a character */
    {"", "$", NULL},
    {"   ", "$", NULL},
    /* single quotes, escapes, control characters */
    {"{'a':'b'}", "$.a", "b"},
    {"{'a':'x\\'y\"'}", "$.a", "x'y\""},
    {"{\"a\":\"x\\'y\"}", "$.a", "x'y"},
    {"{\"a\":\"x\\\"y\\\\z\\/\"}", "$.a", "x\"y\\z/"},
    {"{\"a\":\"x\ty\"}", "$.a", "x\ty"},
    {"{\"a\":[\"x\ty\\n\\u0001\\\"\"]}", "$.a", "[\"x\\ty\\n\\u0001\\\"\"]"},
    {"{\"a\":{\"k\\u0001\":\"\\u001F\"}}", "$.a", "{\"k\\u0001\":\"\\u001F\"}"},
    /* Unicode */
    {"{\"a\":\"\xc3\xa9\"}", "$.a", "\xc3\xa9"},
    {"{\"a\":\"\\u00e9\"}", "$.a", "\xc3\xa9"},
    {"{\"a\":\"\\ud83d\\ude00\"}", "$.a", "\xf0\x9f\x98\x80"},
    {"{\"a\":\"\\ud83d\"}", "$.a", NULL}, /* an unpaired surrogate cannot be written raw */
    {"{\"a\":\"\\ude00x\"}", "$.a", NULL},
    {"{\"a\":[\"\\ud83d\"]}", "$.a", "[\"\\uD83D\"]"},
    /* the UTF-8 generator escapes both halves of a character beyond the BMP, the Writer
       generator of a wildcard does not */
    {"{\"a\":[\"\xf0\x9f\x98\x80\"]}", "$.a", "[\"\\uD83D\\uDE00\"]"},
    {"[{\"a\":\"\xf0\x9f\x98\x80\"},{\"a\":\"\xc3\xa9\"}]", "$[*].a",
     "[\"\xf0\x9f\x98\x80\",\"\xc3\xa9\"]"},
    {"[\"\\ud83d\"]", "$[*]", NULL},
    {"{\"\\u0061\":1}", "$.a", "1"},
    {"{\"\xc3\xa9t\xc3\xa9\":1}", "$.\xc3\xa9t\xc3\xa9", "1"},
    {"{'\xf0\x9f\x98\x80':2}", "$['\xf0\x9f\x98\x80']", "2"},
    {"{\"\\ud83d\\ude00\":3}", "$.\xf0\x9f\x98\x80", "3"},
    {"{\"a\":\"caf\xc3\xa9\"}", "$.a", "caf\xc3\xa9"},
    /* paths: Scala parser combinators skip whitespace before strings and regexes only */
    {"{\"a\":1}", "a", NULL},
    {"{\"a\":1}", "", NULL},
    {"{\"a\":1}", " $.a", NULL},
    {"{\"a\":1}", "$.a ", NULL}, /* the name is "a " */
    {"{\"a \":1}", "$.a ", "1"},
    {"{\"a\":1}", "$. a", "1"},
    {"{\"a b\":1}", "$.a b", "1"},
    {"{\"a\":1}", "$.", NULL},
    {"{\"a\":1}", "$..a", NULL},
    {"{\"a\":1}", "$ .a", NULL},
    {"{\"a\":1}", "$ ['a']", "1"},
    {"{\"a\":1}", "$[ 'a']", NULL},
    {"{\"a\":1}", "$[' a']", "1"},
    {"{\"a\":1}", "$[' a' ]", NULL}, /* no whitespace skipped inside the closing "']" */
    {"{\"a?\":1}", "$['a?']", NULL},
    {"{\"a]\":1}", "$.a]", "1"},
    {"[1,2]", "$[ 1]", "2"},
    {"[1,2]", "$[1 ]", NULL},
    {"[1,2]", "$[-1]", NULL},
    {"[1,2]", "$[1] ", "2"},
    {"[1,2]", "$[*]\n", "[1,2]"},
    {"[1,2]", "$[ *]", NULL},
    {"[1,2]", "$[9223372036854775807]", NULL},
};

START_TEST(test_get_json_object)
{
    for (size_t i = 0; i < sizeof json_cases / sizeof json_cases[0]; i++) {
        const char *o = NULL;
        uint32_t n = 0;
        int rc = srt_get_json_object(q, S(json_cases[i].json), S(json_cases[i].path), &o, &n);
        const char *want = json_cases[i].want;
        if (!want)
            ck_assert_msg(rc == -1, "case %zu (%s, %s): want NULL, got '%.*s'", i,
                          json_cases[i].json, json_cases[i].path, (int)n, o);
        else
            ck_assert_msg(rc == 0 && n == strlen(want) && memcmp(o, want, n) == 0,
                          "case %zu (%s, %s): want '%s', got %s'%.*s'", i, json_cases[i].json,
                          json_cases[i].path, want, rc ? "NULL " : "", (int)n, o);
        srt_scratch_reset(q);
    }
    ck_assert(!q->failed);
}
END_TEST

START_TEST(test_get_json_object_depth)
{
    /* Jackson's maxNestingDepth: 1000 nested arrays read, 1001 do not */
    static char buf[2100];
    const char *o;
    uint32_t n;
    for (int depth = 1000; depth <= 1001; depth++) {
        memset(buf, '[', (size_t)depth);
        memset(buf + depth, ']', (size_t)depth);
        int rc = srt_get_json_object(q, buf, (uint32_t)(2 * depth), S("$"), &o, &n);
        ck_assert_int_eq(rc, depth == 1000 ? 0 : -1);
        if (rc == 0)
            ck_assert(n == 2000 && memcmp(o, buf, 2000) == 0);
    }
    /* an index beyond a long: Scala's toLong throws and the query fails */
    ck_assert_int_eq(srt_get_json_object(q, S("[1]"), S("$[9223372036854775808]"), &o, &n), -1);
    ck_assert(q->failed);
    ck_assert_msg(strstr(q->err.msg, "NumberFormatException: For input string: "
                                     "\"9223372036854775808\""),
                  "%s", q->err.msg);
}
END_TEST

/* translate(s, x, y) and replace(s, x, y): one signature, one table. */
START_TEST(test_translate_replace)
{
    typedef void Fn(SrtQuery *, const char *, uint32_t, const char *, uint32_t, const char *,
                    uint32_t, const char **, uint32_t *);
    static const struct {
        Fn *fn;
        const char *s, *x, *y, *want, *what;
    } cases[] = {
        {srt_str_translate, "Hello, w\xc3\xb6rld", "lo\xc3\xb6", "L0", "HeLL0, wrLd",
         "the third code point is past the end of to: deleted"},
        {srt_str_translate, "aaa", "aa", "xy", "xxx", "the first mapping of a repeated one wins"},
        {srt_str_translate, "a\xf0\x9d\x84\x9e" "b", "\xf0\x9d\x84\x9e", "\xc3\xa9",
         "a\xc3\xa9" "b", "a 4-byte code point maps to a 2-byte one"},
        {srt_str_translate, "abc", "", "xyz", "abc", "nothing to translate"},
        {srt_str_translate, "", "a", "b", "", "empty input"},
        {srt_str_replace, "aaaa", "aa", "b", "bb", "left to right, no overlap"},
        {srt_str_replace, "abc", "", "x", "abc", "an empty search changes nothing"},
        {srt_str_replace, "", "a", "x", "", "an empty string"},
        {srt_str_replace, "a.b.c", ".", "", "abc", "an empty replacement deletes"},
        {srt_str_replace, "x\xc3\xa9y", "\xc3\xa9", "\xf0\x9d\x84\x9e", "x\xf0\x9d\x84\x9ey",
         "multi-byte search and replacement"},
    };
    const char *o;
    uint32_t n;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        cases[k].fn(q, S(cases[k].s), S(cases[k].x), S(cases[k].y), &o, &n);
        eq(o, n, cases[k].want, cases[k].what);
    }
    srt_str_translate(q, S("abc"), S("b"), "", 1, &o, &n); /* to is "\0" */
    eq(o, n, "ac", "a code point mapped to U+0000 is deleted");
    ck_assert(!q->failed);
}
END_TEST

START_TEST(test_chr_ascii)
{
    const char *o;
    uint32_t n;
    static const struct {
        int64_t v;
        const char *want;
    } chr[] = {
        {65, "A"}, {321, "A"}, /* 321 & 255 is 65 */
        {-1, ""}, {INT64_MIN, ""}, /* negative */
        {233, "\xc3\xa9"},        /* the Latin-1 character é, two UTF-8 bytes */
    };
    for (size_t k = 0; k < sizeof chr / sizeof chr[0]; k++) {
        srt_str_chr(q, chr[k].v, &o, &n);
        eq(o, n, chr[k].want, "chr");
    }
    srt_str_chr(q, 256, &o, &n);
    ck_assert_msg(n == 1 && o[0] == '\0', "chr(256) is U+0000");
    ck_assert_int_eq(srt_str_ascii(S("")), 0);
    ck_assert_int_eq(srt_str_ascii(S("abc")), 97);
    ck_assert_int_eq(srt_str_ascii(S("\xc3\xa9")), 233);
    ck_assert_int_eq(srt_str_ascii(S("\xf0\x9d\x84\x9ex")), 0x1D11E);
    ck_assert_int_eq(srt_str_ascii(S("\x80")), 0xFFFD);
    ck_assert_int_eq(srt_str_ascii(S("\xc3")), 0xFFFD);
    ck_assert_int_eq(srt_str_octet_length(S("\xc3\xa9")), 2);
    ck_assert_int_eq(srt_str_bit_length(S("\xc3\xa9")), 16);
}
END_TEST

START_TEST(test_has)
{
    ck_assert_int_eq(srt_str_has(S("Spark"), S(""), SRT_HAS_ANYWHERE), 1);
    ck_assert_int_eq(srt_str_has(S(""), S(""), SRT_HAS_PREFIX), 1);
    ck_assert_int_eq(srt_str_has(S("Spark"), S("ar"), SRT_HAS_ANYWHERE), 1);
    ck_assert_int_eq(srt_str_has(S("Spark"), S("ar"), SRT_HAS_PREFIX), 0);
    ck_assert_int_eq(srt_str_has(S("Spark"), S("Sp"), SRT_HAS_PREFIX), 1);
    ck_assert_int_eq(srt_str_has(S("Spark"), S("rk"), SRT_HAS_SUFFIX), 1);
    ck_assert_int_eq(srt_str_has(S("Spark"), S("Sparks"), SRT_HAS_ANYWHERE), 0);
    ck_assert_int_eq(srt_str_has(S("spark"), S("S"), SRT_HAS_ANYWHERE), 0);
}
END_TEST

START_TEST(test_trim_chars)
{
    const char *o;
    uint32_t n;
    srt_str_trim_chars(S("xxaxbxx"), S("x"), SRT_TRIM_BOTH, &o, &n);
    eq(o, n, "axb", "both ends");
    srt_str_trim_chars(S("\xc3\xa9" "a\xc3\xa9"), S("\xc3\xa9"), SRT_TRIM_BOTH, &o, &n);
    eq(o, n, "a", "a multi-byte trim character");
    srt_str_trim_chars(S("abc"), S(""), SRT_TRIM_BOTH, &o, &n);
    eq(o, n, "abc", "no trim characters");
    srt_str_trim_chars(S("xyx"), S("yx"), SRT_TRIM_BOTH, &o, &n);
    eq(o, n, "", "everything trimmed");
    srt_str_trim_chars(S("xax"), S("x"), SRT_TRIM_LEFT, &o, &n);
    eq(o, n, "ax", "left only");
    srt_str_trim_chars(S("xax"), S("x"), SRT_TRIM_RIGHT, &o, &n);
    eq(o, n, "xa", "right only");
}
END_TEST

START_TEST(test_split_part)
{
    const char *o;
    uint32_t n;
    static const struct {
        const char *s, *d;
        int32_t i;
        const char *want;
    } cases[] = {
        {"a,b,c", ",", 1, "a"},   {"a,b,c", ",", 3, "c"},   {"a,b,c", ",", 4, ""},
        {"a,b,c", ",", -1, "c"},  {"a,b,c", ",", -3, "a"},  {"a,b,c", ",", -4, ""},
        {",a,", ",", 1, ""},      {",a,", ",", 3, ""},      {"a,,b", ",", 2, ""},
        {"abc", "", 1, "abc"},    {"abc", "", 2, ""},       {"abc", "", -1, "abc"},
        {"", ",", 1, ""},         {"a||b||c", "||", 2, "b"}, {"aaa", "aa", 2, "a"},
        {"x\xc3\xa9y\xc3\xa9z", "\xc3\xa9", -2, "y"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ck_assert_int_eq(srt_str_split_part(q, S(cases[k].s), S(cases[k].d), cases[k].i, &o, &n), 0);
        eq(o, n, cases[k].want, cases[k].s);
    }
    ck_assert(!q->failed);
    ck_assert_int_eq(srt_str_split_part(q, S("a,b"), S(","), 0, &o, &n), -1);
    ck_assert(q->failed);
    ck_assert_msg(strstr(q->err.msg, "INVALID_INDEX_OF_ZERO") != NULL, "%s", q->err.msg);
}
END_TEST

START_TEST(test_digests)
{
    const char *o;
    uint32_t n;
    /* python3: hashlib.md5(b'').hexdigest(), hashlib.sha1(b'abc').hexdigest(), ... */
    srt_md5(q, S(""), &o, &n);
    eq(o, n, "d41d8cd98f00b204e9800998ecf8427e", "md5('')");
    srt_md5(q, S("Spark"), &o, &n);
    eq(o, n, "8cde774d6f7333752ed72cacddb05126", "md5('Spark')");
    srt_sha1(q, S("abc"), &o, &n);
    eq(o, n, "a9993e364706816aba3e25717850c26c9cd0d89d", "sha1('abc')");
    ck_assert_int_eq(srt_sha2(q, S("abc"), 224, &o, &n), 0);
    eq(o, n, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7", "sha224");
    ck_assert_int_eq(srt_sha2(q, S("abc"), 0, &o, &n), 0);
    eq(o, n, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "0 is 256");
    ck_assert_int_eq(srt_sha2(q, S("abc"), 384, &o, &n), 0);
    ck_assert_uint_eq(n, 96);
    ck_assert_int_eq(srt_sha2(q, S("abc"), 512, &o, &n), 0);
    eq(o, n,
       "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
       "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
       "sha512");
    ck_assert_int_eq(srt_sha2(q, S("abc"), 128, &o, &n), -1);
    ck_assert_int_eq(srt_sha2(q, S("abc"), -256, &o, &n), -1);
    ck_assert_int_eq(srt_crc32(S("")), 0);
    ck_assert_int_eq(srt_crc32(S("Spark")), 1557323817); /* zlib.crc32(b'Spark') */
    ck_assert_int_eq(srt_crc32(S("\xff\xff\xff\xff")), 4294967295LL); /* unsigned, a BIGINT */
    ck_assert(!q->failed);
}
END_TEST

START_TEST(test_base64)
{
    const char *o;
    uint32_t n;
    static const char *const enc[][2] = {{"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
                                         {"foob", "Zm9vYg=="}, {"\xff\xfe", "//4="}};
    for (size_t k = 0; k < sizeof enc / sizeof enc[0]; k++) {
        srt_base64(q, S(enc[k][0]), &o, &n);
        eq(o, n, enc[k][1], enc[k][0]);
        ck_assert_int_eq(srt_unbase64(q, S(enc[k][1]), &o, &n), 0);
        eq(o, n, enc[k][0], enc[k][1]);
    }
    char big[100];
    memset(big, 'a', sizeof big);
    srt_base64(q, big, sizeof big, &o, &n);
    ck_assert_uint_eq(n, 136); /* no line breaks after 76 characters */
    ck_assert_ptr_null(memchr(o, '\n', n));
    /* the MIME decoder skips what is not in the alphabet, and a missing padding is fine */
    ck_assert_int_eq(srt_unbase64(q, S("Zm9v\r\nYg"), &o, &n), 0);
    eq(o, n, "foob", "line breaks and no padding");
    ck_assert_int_eq(srt_unbase64(q, S("Z m 9 v ! \xc3\xa9"), &o, &n), 0);
    eq(o, n, "foo", "spaces, '!' and a non-ASCII character are skipped");
    ck_assert_int_eq(srt_unbase64(q, S("Zg==  "), &o, &n), 0);
    eq(o, n, "f", "skipped characters after the padding");
    ck_assert(!q->failed);
}
END_TEST

/* Inputs java.util.Base64.getMimeDecoder().decode throws on: the query fails. */
START_TEST(test_unbase64_invalid)
{
    static const char *const bad[][2] = {
        {"Zm9vY", "Last unit does not have enough valid bits"},
        {"Zg=a", "Input byte array has wrong 4-byte ending unit"},
        {"=", "Input byte[] should at least have 2 bytes for base64 bytes"},
        {"Zm9v=", "Input byte array has wrong 4-byte ending unit"},
        {"Zg==Zg", "Input byte array has incorrect ending byte at 5"},
    };
    const char *o;
    uint32_t n;
    ck_assert_int_eq(srt_unbase64(q, S(bad[_i][0]), &o, &n), -1);
    ck_assert(q->failed);
    ck_assert_msg(strstr(q->err.msg, bad[_i][1]) != NULL, "%s: %s", bad[_i][0], q->err.msg);
}
END_TEST

START_TEST(test_hex)
{
    const char *o;
    uint32_t n;
    static const struct {
        int64_t v;
        const char *want;
    } hex[] = {{255, "FF"}, {0, "0"}, {-1, "FFFFFFFFFFFFFFFF"}, {INT64_MIN, "8000000000000000"}};
    for (size_t k = 0; k < sizeof hex / sizeof hex[0]; k++) { /* Long.toHexString, capitals */
        srt_hex_long(q, hex[k].v, &o, &n);
        eq(o, n, hex[k].want, "hex of a BIGINT");
    }
    srt_hex_bytes(q, S("Spark\xc3\xa9"), &o, &n);
    eq(o, n, "537061726BC3A9", "the bytes");
    ck_assert_int_eq(srt_unhex(q, S("537061726B"), &o, &n), 0);
    eq(o, n, "Spark", "unhex");
    ck_assert_int_eq(srt_unhex(q, S("fFf"), &o, &n), 0);
    eq(o, n, "\x0f\xff", "an odd first digit alone, either case");
    ck_assert_int_eq(srt_unhex(q, S(""), &o, &n), 0);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(srt_unhex(q, S("0g"), &o, &n), -1);
    ck_assert_int_eq(srt_unhex(q, S("g"), &o, &n), -1);
    ck_assert_int_eq(srt_unhex(q, S("\xc3\xa9"), &o, &n), -1);
    ck_assert(!q->failed);
}
END_TEST

/* array_join and sort_array (Spark's ArrayJoin and SortArray) */


static SrtDatum null_datum(void)
{
    SrtDatum d = {0};
    d.is_null = 1;
    return d;
}

static SrtDatum dbl(double x)
{
    SrtDatum d = {0};
    d.d = x;
    return d;
}

static void join_is(const SrtDatum *a, uint32_t n, const char *rep, const char *want)
{
    const char *o;
    uint32_t on;
    srt_array_join(q, a, n, ", ", 2, rep ? rep : "", rep ? (uint32_t)strlen(rep) : 0, rep != NULL,
                   &o, &on);
    ck_assert_msg(on == strlen(want) && memcmp(o, want, on) == 0, "got '%.*s', want '%s'", (int)on,
                  o, want);
}

START_TEST(join)
{
    SrtDatum a[4] = {rt_str_datum("a"), null_datum(), rt_str_datum(""), rt_str_datum("b")};
    join_is(a, 4, NULL, "a, , b"); /* NULL skipped, '' kept */
    join_is(a, 4, "?", "a, ?, , b");
    join_is(a + 1, 1, NULL, ""); /* only NULLs: '' */
    join_is(a + 1, 1, "", "");
    join_is(a, 0, "?", "");
}
END_TEST

START_TEST(sort)
{
    SrtDatum a[6] = {dbl(1.0), dbl(NAN), null_datum(), dbl(-0.0), dbl(0.0), dbl(-INFINITY)};
    const void *o;
    uint32_t n;
    srt_array_sort(q, a, 6, SRT_COLLECT_DOUBLE, 1, &o, &n);
    const SrtDatum *r = o;
    ck_assert_uint_eq(n, 6);
    ck_assert(r[0].is_null); /* NULLs first ascending */
    ck_assert(r[1].d == -INFINITY);
    ck_assert(signbit(r[2].d) && r[3].d == 0.0 && !signbit(r[3].d)); /* -0.0 = 0.0: stable */
    ck_assert(r[4].d == 1.0 && isnan(r[5].d));                       /* NaN the greatest */
    srt_array_sort(q, a, 6, SRT_COLLECT_DOUBLE, 0, &o, &n);
    r = o;
    ck_assert(isnan(r[0].d) && r[1].d == 1.0);
    ck_assert(signbit(r[2].d) && !signbit(r[3].d)); /* still in input order */
    ck_assert(r[4].d == -INFINITY && r[5].is_null); /* NULLs last descending */
    SrtDatum s[3] = {rt_str_datum("b"), rt_str_datum("ab"),
                     rt_str_datum("\xc3\xa9")}; /* é sorts after ASCII (bytes) */
    srt_array_sort(q, s, 3, SRT_COLLECT_STRING, 1, &o, &n);
    r = o;
    ck_assert(r[0].n == 2 && r[1].n == 1 && r[2].n == 2 && ((const char *)r[2].p)[0] == '\xc3');
}
END_TEST

START_TEST(distinct)
{
    SrtDatum a[7] = {dbl(NAN), null_datum(), dbl(0.0), dbl(-0.0), dbl(NAN), null_datum(), dbl(0.0)};
    const void *o;
    uint32_t n;
    srt_array_distinct(q, a, 7, SRT_COLLECT_DOUBLE, &o, &n);
    const SrtDatum *r = o;
    ck_assert_uint_eq(n, 4); /* NaN, NULL, 0.0, -0.0: the first of each, in order */
    ck_assert(isnan(r[0].d) && r[1].is_null && !signbit(r[2].d) && signbit(r[3].d));
    SrtDatum s[4] = {rt_str_datum("b"), rt_str_datum("a"), rt_str_datum("b"), rt_str_datum("")};
    srt_array_distinct(q, s, 4, SRT_COLLECT_STRING, &o, &n);
    r = o;
    ck_assert_uint_eq(n, 3);
    ck_assert(r[0].n == 1 && r[1].n == 1 && r[2].n == 0 && ((const char *)r[1].p)[0] == 'a');
}
END_TEST

/* ==== srt_strmore.c and srt_time.c's next_day, make_timestamp ==== */

/* The string result of conv(s, from, to), "NULL" for NULL. */
static const char *conv(const char *s, int from, int to)
{
    static char buf[80];
    const char *o;
    uint32_t n;
    if (srt_num_conv(q, S(s), from, to, &o, &n) < 0)
        return "NULL";
    memcpy(buf, o, n);
    buf[n] = 0;
    return buf;
}

START_TEST(test_conv)
{
    ck_assert_str_eq(conv("100", 2, 10), "4");
    ck_assert_str_eq(conv("-10", 16, -10), "-16");
    ck_assert_str_eq(conv("-10", 16, 10), "18446744073709551600");
    ck_assert_str_eq(conv(" 7f ", 16, 8), "177");
    ck_assert_str_eq(conv("12z", 10, 10), "12");        /* read up to the first non-digit */
    ck_assert_str_eq(conv("z", 10, 10), "0");
    ck_assert_str_eq(conv("-", 10, 10), "0");
    ck_assert_str_eq(conv("", 10, 10), "NULL");
    ck_assert_str_eq(conv("1", 1, 10), "NULL");
    ck_assert_str_eq(conv("1", 10, 37), "NULL");
    ck_assert_str_eq(conv("1", 10, -37), "NULL");
    ck_assert_str_eq(conv("18446744073709551615", 10, 16), "FFFFFFFFFFFFFFFF");
    ck_assert_str_eq(conv("18446744073709551616", 10, 16), "FFFFFFFFFFFFFFFF"); /* overflow: -1 */
    ck_assert_str_eq(conv("18446744073709551616", 10, -10), "-1");
    /* 2^63 + 1 is a negative long: negated input and v < 0 give -1 */
    ck_assert_str_eq(conv("-9223372036854775809", 10, 10), "18446744073709551615");
    ck_assert_str_eq(conv("-9223372036854775807", 10, 10), "9223372036854775809");
}
END_TEST

START_TEST(test_bin)
{
    const char *o;
    uint32_t n;
    srt_num_bin(q, 0, &o, &n);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(o[0], '0');
    srt_num_bin(q, 13, &o, &n);
    ck_assert_int_eq(n, 4);
    ck_assert(memcmp(o, "1101", 4) == 0);
    srt_num_bin(q, INT64_MIN, &o, &n);
    ck_assert_int_eq(n, 64);
    ck_assert_int_eq(o[0], '1');
    ck_assert_int_eq(o[63], '0');
}
END_TEST

START_TEST(test_levenshtein)
{
    ck_assert_int_eq(srt_str_levenshtein(q, S("kitten"), S("sitting"), INT32_MAX), 3);
    ck_assert_int_eq(srt_str_levenshtein(q, S("kitten"), S("sitting"), 3), 3);
    ck_assert_int_eq(srt_str_levenshtein(q, S("kitten"), S("sitting"), 2), -1);
    ck_assert_int_eq(srt_str_levenshtein(q, S(""), S(""), -1), -1);
    ck_assert_int_eq(srt_str_levenshtein(q, S(""), S("abc"), INT32_MAX), 3);
    /* characters, not bytes: "\xc3\xa9" (é) against "e" is one substitution */
    ck_assert_int_eq(srt_str_levenshtein(q, S("caf\xc3\xa9"), S("cafe"), INT32_MAX), 1);
    ck_assert_int_eq(srt_str_levenshtein(q, S("\xe4\xbd\xa0\xe5\xa5\xbd"), S("\xe4\xbd\xa0"), INT32_MAX), 1);
}
END_TEST

START_TEST(test_soundex_find_in_set)
{
    const char *o;
    uint32_t n;
    static const struct { const char *in, *out; } cases[] = {
        {"Robert", "R163"}, {"Rupert", "R163"}, {"Tymczak", "T522"}, {"Pfister", "P236"},
        {"Ashcraft", "A261"}, {"a", "A000"}, {"", ""}, {"1abc", "1abc"}, {"\xc3\x89t\xc3\xa9", "\xc3\x89t\xc3\xa9"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        srt_str_soundex(q, S(cases[i].in), &o, &n);
        ck_assert_msg(n == strlen(cases[i].out) && memcmp(o, cases[i].out, n) == 0, "soundex %s", cases[i].in);
    }
    ck_assert_int_eq(srt_str_find_in_set(S("ab"), S("abc,b,ab,c,def")), 3);
    ck_assert_int_eq(srt_str_find_in_set(S("ab,"), S("ab,")), 0);
    ck_assert_int_eq(srt_str_find_in_set(S(""), S("a,,b")), 2);
    ck_assert_int_eq(srt_str_find_in_set(S("x"), S("")), 0);
}
END_TEST

START_TEST(test_width_bucket)
{
    int64_t v = -7;
    ck_assert_int_eq(srt_math_width_bucket(5.3, 0.2, 10.6, 5, &v), 0);
    ck_assert_int_eq(v, 3);
    ck_assert_int_eq(srt_math_width_bucket(-2.1, 1.3, 3.4, 3, &v), 0);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(srt_math_width_bucket(8.1, 0.0, 5.7, 4, &v), 0);
    ck_assert_int_eq(v, 5);
    ck_assert_int_eq(srt_math_width_bucket(-0.9, 5.2, 0.5, 2, &v), 0);
    ck_assert_int_eq(v, 3);
    ck_assert_int_eq(srt_math_width_bucket(1.0, 1.0, 1.0, 2, &v), -1);
    ck_assert_int_eq(srt_math_width_bucket(1.0, 0.0, INFINITY, 2, &v), -1);
    ck_assert_int_eq(srt_math_width_bucket(1.0, 0.0, 2.0, 0, &v), -1);
    ck_assert_int_eq(srt_math_width_bucket(NAN, 0.0, 2.0, 2, &v), -1);
}
END_TEST

/* The string result of f(q, s, charset), "NULL" on failure. */
static const char *coded(int (*f)(SrtQuery *, const char *, uint32_t, const char *, uint32_t,
                                  const char **, uint32_t *),
                         const char *s, uint32_t n, const char *cs)
{
    static char buf[64];
    const char *o;
    uint32_t on;
    if (f(q, s, n, S(cs), &o, &on) < 0)
        return "NULL";
    for (uint32_t i = 0; i < on; i++)
        snprintf(buf + 2 * i, 3, "%02X", (unsigned char)o[i]);
    buf[2 * on] = 0;
    return buf;
}

START_TEST(test_encode_decode)
{
    ck_assert_str_eq(coded(srt_str_encode, S("a\xc3\xa9"), "UTF-16"), "FEFF006100E9");
    ck_assert_str_eq(coded(srt_str_encode, S(""), "UTF-16"), "");
    ck_assert_str_eq(coded(srt_str_encode, S("\xf0\x9f\x98\x80"), "ascii"), "3F");
    ck_assert_str_eq(coded(srt_str_encode, S("\xff"), "utf8"), "EFBFBD");
    ck_assert_str_eq(coded(srt_str_decode, "\xff\xfe\x61\x00", 4, "UTF-16"), "61");
    ck_assert_str_eq(coded(srt_str_decode, S("\xed\xa0\x80"), "UTF-8"), "EFBFBDEFBFBDEFBFBD");
    ck_assert_str_eq(coded(srt_str_decode, S("\xe2\x82"), "UTF-8"), "EFBFBD");
    ck_assert_str_eq(coded(srt_str_decode, "\xd8\x3d\x00\x61", 4, "UTF-16BE"), "EFBFBD61");
    ck_assert_str_eq(coded(srt_str_decode, S("\xe9"), "latin1"), "C3A9");
    ck_assert_str_eq(coded(srt_str_decode, S("\xe9"), "US-ASCII"), "EFBFBD");
}
END_TEST

/* format_number's text, "d64" of a double, else of v at scale s. */
static const char *fmt_num(int dbl, double x, int64_t v, int s, int d)
{
    static char buf[80];
    const char *o;
    uint32_t n;
    if (dbl)
        srt_format_number_f64(q, x, d, &o, &n);
    else
        srt_format_number_dec(q, v, v < 0 ? -1 : 0, s, d, &o, &n);
    memcpy(buf, o, n);
    buf[n] = 0;
    return buf;
}

START_TEST(test_format_number)
{
    ck_assert_str_eq(fmt_num(1, 1234567.891, 0, 0, 2), "1,234,567.89");
    ck_assert_str_eq(fmt_num(1, 0.125, 0, 0, 2), "0.12");
    ck_assert_str_eq(fmt_num(1, 0.375, 0, 0, 2), "0.38");
    ck_assert_str_eq(fmt_num(1, -0.0, 0, 0, 1), "-0.0");
    ck_assert_str_eq(fmt_num(1, 999.5, 0, 0, 0), "1,000");
    ck_assert_str_eq(fmt_num(0, 0, 12345, 2, 1), "123.4");   /* 123.45 -> HALF_EVEN */
    ck_assert_str_eq(fmt_num(0, 0, 12355, 2, 1), "123.6");
    ck_assert_str_eq(fmt_num(0, 0, -1000000, 0, 0), "-1,000,000");
    ck_assert_str_eq(fmt_num(0, 0, 5, 3, 4), "0.0050");
    ck_assert_str_eq(fmt_num(0, 0, -4, 3, 2), "-0.00");
}
END_TEST

START_TEST(test_sequence)
{
    const void *o;
    uint32_t n;
    ck_assert_int_eq(srt_array_sequence(q, 1, 10, 3, 1, 1, &o, &n), 0);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(((const SrtDatum *)o)[3].i, 10);
    ck_assert_int_eq(srt_array_sequence(q, 5, 1, 0, 0, 0, &o, &n), 0);
    ck_assert_int_eq(n, 5);
    ck_assert_int_eq(((const SrtDatum *)o)[4].i, 1);
    ck_assert_int_eq(srt_array_sequence(q, 3, 3, 0, 1, 0, &o, &n), 0);
    ck_assert_int_eq(n, 1);
}
END_TEST

START_TEST(test_next_day_make_timestamp)
{
    int64_t v;
    ck_assert_int_eq(srt_date_next_day(16449, S("TU"), &v), 0); /* 2015-01-14 -> 2015-01-20 */
    ck_assert_int_eq(v, 16455);
    ck_assert_int_eq(srt_date_next_day(16449, S("wednesday"), &v), 0);
    ck_assert_int_eq(v, 16456);
    ck_assert_int_eq(srt_date_next_day(16449, S("xx"), &v), SRT_DATE_INVALID);
    ck_assert_int_eq(srt_make_timestamp(1970, 1, 1, 0, 0, 60000000, 0, NULL, &v), 0);
    ck_assert_int_eq(v, 60000000);
    ck_assert_int_eq(srt_make_timestamp(1970, 1, 1, 0, 0, 60500000, 0, NULL, &v), SRT_DATE_INVALID);
    ck_assert_int_eq(srt_make_timestamp(1970, 1, 1, 1, 0, 0, 3600, NULL, &v), 0);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(srt_make_timestamp(2019, 2, 29, 0, 0, 0, 0, NULL, &v), SRT_DATE_INVALID);
    ck_assert_int_eq(srt_make_timestamp(300000, 1, 1, 0, 0, 0, 0, NULL, &v), SRT_DATE_OVERFLOW);
    /* A region's rules (ZonedDateTime.of): Paris' gap 2016-03-27 02:30 is 01:30 UTC, the
       overlap 2016-10-30 02:30 takes +02:00 (00:30 UTC), 60 seconds the next minute. */
    int64_t z[CM_TZ_HEAD + 1] = {0};
    int32_t std;
    ck_assert(cm_tz_posix_parse(S("CET-1CEST,M3.5.0,M10.5.0/3"), z, &std));
    z[CM_TZ_HEAD] = std;
    ck_assert_int_eq(srt_make_timestamp(2016, 3, 27, 2, 30, 0, 0, z, &v), 0);
    ck_assert_int_eq(v, 1459042200LL * 1000000);
    ck_assert_int_eq(srt_make_timestamp(2016, 10, 30, 2, 29, 60000000, 0, z, &v), 0);
    ck_assert_int_eq(v, 1477787400LL * 1000000);
    ck_assert_int_eq(srt_tz_to_utc(1477794600LL * 1000000 + 1, z, &v), 0); /* 02:30:00.000001 */
    ck_assert_int_eq(v, 1477787400LL * 1000000 + 1);
    ck_assert_int_eq(srt_tz_from_utc(1477787400LL * 1000000, z, &v), 0);
    ck_assert_int_eq(v, 1477794600LL * 1000000);
    ck_assert_int_eq(srt_tz_from_utc(INT64_MAX - 1000, z, &v), SRT_DATE_OVERFLOW);
    ck_assert_int_eq(srt_tz_to_utc(INT64_MIN + 1000, z, &v), SRT_DATE_OVERFLOW);
}
END_TEST

/* format_string of fmt over one BIGINT 'l' or DOUBLE 'd' value, "FAIL" when it fails. */
static const char *pf(const char *fmt, char kind, int64_t i, double d)
{
    static char buf[128];
    SrtDatum a;
    memset(&a, 0, sizeof a);
    a.i = i;
    a.d = d;
    char kinds[2] = {kind, 0};
    const char *o;
    uint32_t n;
    if (srt_format_string(q, S(fmt), &a, 1, kinds, &o, &n) < 0)
        return "FAIL";
    memcpy(buf, o, n);
    buf[n] = 0;
    return buf;
}

START_TEST(test_format_string)
{
    ck_assert_str_eq(pf("%08.3f", 'd', 0, -3.14159), "-003.142");
    ck_assert_str_eq(pf("%.0f", 'd', 0, 0.5), "1");        /* HALF_UP */
    ck_assert_str_eq(pf("%.1f", 'd', 0, 1e-7), "0.0");
    ck_assert_str_eq(pf("%.3f", 'd', 0, 1e20), "100000000000000000000.000");
    ck_assert_str_eq(pf("%,.1f", 'd', 0, 9999.96), "10,000.0");
    ck_assert_str_eq(pf("%+d %<d", 'l', 5, 0), "FAIL"); /* '<' is not supported */
    ck_assert_str_eq(pf("%+d", 'l', 5, 0), "+5");
    ck_assert_str_eq(pf("% d|%-4s|", 'l', 7, 0), "FAIL"); /* one value for two */
    ck_assert_str_eq(pf("%d", 'd', 0, 1.0), "FAIL");   /* d != java.lang.Double */
    ck_assert_str_eq(pf("%x", 'l', -1, 0), "ffffffffffffffff");
    ck_assert_str_eq(pf("%-6sx", 'l', 12, 0), "12    x");
    ck_assert_str_eq(pf("%.1s", 'd', 0, 2.5), "2");
}
END_TEST

/* %e %E %g %G %a %A over doubles: each expected string is what java.util.Formatter prints
   (String.format(Locale.US, fmt, value) run on OpenJDK 17); FAIL where Formatter throws
   (',' with %e and %a: FormatFlagsConversionMismatchException). */
static const struct {
    const char *fmt;
    double v;
    const char *want;
} java_floats[] = {
    {"%e", 123456.789, "1.234568e+05"},
    {"%e", 1.234E-4, "1.234000e-04"},
    {"%e", 1.0E-5, "1.000000e-05"},
    {"%e", 9.9999995, "1.000000e+01"},
    {"%e", 0.0, "0.000000e+00"},
    {"%e", -0.0, "-0.000000e+00"},
    {"%e", -1.5E300, "-1.500000e+300"},
    {"%e", 4.9E-324, "4.900000e-324"},
    {"%e", 1.0, "1.000000e+00"},
    {"%e", 100000.0, "1.000000e+05"},
    {"%e", 999999.5, "9.999995e+05"},
    {"%e", 9.999995E-5, "9.999995e-05"},
    {"%e", 2.675, "2.675000e+00"},
    {"%e", 1.0E21, "1.000000e+21"},
    {"%e", NAN, "NaN"},
    {"%e", INFINITY, "Infinity"},
    {"%e", -INFINITY, "-Infinity"},
    {"%e", 0.5, "5.000000e-01"},
    {"%e", 0.3333333333333333, "3.333333e-01"},
    {"%e", 1.2345678E7, "1.234568e+07"},
    {"%E", 123456.789, "1.234568E+05"},
    {"%E", 1.234E-4, "1.234000E-04"},
    {"%E", 1.0E-5, "1.000000E-05"},
    {"%E", 9.9999995, "1.000000E+01"},
    {"%E", 0.0, "0.000000E+00"},
    {"%E", -0.0, "-0.000000E+00"},
    {"%E", -1.5E300, "-1.500000E+300"},
    {"%E", 4.9E-324, "4.900000E-324"},
    {"%E", 1.0, "1.000000E+00"},
    {"%E", 100000.0, "1.000000E+05"},
    {"%E", 999999.5, "9.999995E+05"},
    {"%E", 9.999995E-5, "9.999995E-05"},
    {"%E", 2.675, "2.675000E+00"},
    {"%E", 1.0E21, "1.000000E+21"},
    {"%E", NAN, "NAN"},
    {"%E", INFINITY, "INFINITY"},
    {"%E", -INFINITY, "-INFINITY"},
    {"%E", 0.5, "5.000000E-01"},
    {"%E", 0.3333333333333333, "3.333333E-01"},
    {"%E", 1.2345678E7, "1.234568E+07"},
    {"%.2e", 123456.789, "1.23e+05"},
    {"%.2e", 1.234E-4, "1.23e-04"},
    {"%.2e", 1.0E-5, "1.00e-05"},
    {"%.2e", 9.9999995, "1.00e+01"},
    {"%.2e", 0.0, "0.00e+00"},
    {"%.2e", -0.0, "-0.00e+00"},
    {"%.2e", -1.5E300, "-1.50e+300"},
    {"%.2e", 4.9E-324, "4.90e-324"},
    {"%.2e", 1.0, "1.00e+00"},
    {"%.2e", 100000.0, "1.00e+05"},
    {"%.2e", 999999.5, "1.00e+06"},
    {"%.2e", 9.999995E-5, "1.00e-04"},
    {"%.2e", 2.675, "2.68e+00"},
    {"%.2e", 1.0E21, "1.00e+21"},
    {"%.2e", NAN, "NaN"},
    {"%.2e", INFINITY, "Infinity"},
    {"%.2e", -INFINITY, "-Infinity"},
    {"%.2e", 0.5, "5.00e-01"},
    {"%.2e", 0.3333333333333333, "3.33e-01"},
    {"%.2e", 1.2345678E7, "1.23e+07"},
    {"%.0e", 123456.789, "1e+05"},
    {"%.0e", 1.234E-4, "1e-04"},
    {"%.0e", 1.0E-5, "1e-05"},
    {"%.0e", 9.9999995, "1e+01"},
    {"%.0e", 0.0, "0e+00"},
    {"%.0e", -0.0, "-0e+00"},
    {"%.0e", -1.5E300, "-2e+300"},
    {"%.0e", 4.9E-324, "5e-324"},
    {"%.0e", 1.0, "1e+00"},
    {"%.0e", 100000.0, "1e+05"},
    {"%.0e", 999999.5, "1e+06"},
    {"%.0e", 9.999995E-5, "1e-04"},
    {"%.0e", 2.675, "3e+00"},
    {"%.0e", 1.0E21, "1e+21"},
    {"%.0e", NAN, "NaN"},
    {"%.0e", INFINITY, "Infinity"},
    {"%.0e", -INFINITY, "-Infinity"},
    {"%.0e", 0.5, "5e-01"},
    {"%.0e", 0.3333333333333333, "3e-01"},
    {"%.0e", 1.2345678E7, "1e+07"},
    {"%12.3e", 123456.789, "   1.235e+05"},
    {"%12.3e", 1.234E-4, "   1.234e-04"},
    {"%12.3e", 1.0E-5, "   1.000e-05"},
    {"%12.3e", 9.9999995, "   1.000e+01"},
    {"%12.3e", 0.0, "   0.000e+00"},
    {"%12.3e", -0.0, "  -0.000e+00"},
    {"%12.3e", -1.5E300, " -1.500e+300"},
    {"%12.3e", 4.9E-324, "  4.900e-324"},
    {"%12.3e", 1.0, "   1.000e+00"},
    {"%12.3e", 100000.0, "   1.000e+05"},
    {"%12.3e", 999999.5, "   1.000e+06"},
    {"%12.3e", 9.999995E-5, "   1.000e-04"},
    {"%12.3e", 2.675, "   2.675e+00"},
    {"%12.3e", 1.0E21, "   1.000e+21"},
    {"%12.3e", NAN, "         NaN"},
    {"%12.3e", INFINITY, "    Infinity"},
    {"%12.3e", -INFINITY, "   -Infinity"},
    {"%12.3e", 0.5, "   5.000e-01"},
    {"%12.3e", 0.3333333333333333, "   3.333e-01"},
    {"%12.3e", 1.2345678E7, "   1.235e+07"},
    {"%-12.3e|", 123456.789, "1.235e+05   |"},
    {"%-12.3e|", 1.234E-4, "1.234e-04   |"},
    {"%-12.3e|", 1.0E-5, "1.000e-05   |"},
    {"%-12.3e|", 9.9999995, "1.000e+01   |"},
    {"%-12.3e|", 0.0, "0.000e+00   |"},
    {"%-12.3e|", -0.0, "-0.000e+00  |"},
    {"%-12.3e|", -1.5E300, "-1.500e+300 |"},
    {"%-12.3e|", 4.9E-324, "4.900e-324  |"},
    {"%-12.3e|", 1.0, "1.000e+00   |"},
    {"%-12.3e|", 100000.0, "1.000e+05   |"},
    {"%-12.3e|", 999999.5, "1.000e+06   |"},
    {"%-12.3e|", 9.999995E-5, "1.000e-04   |"},
    {"%-12.3e|", 2.675, "2.675e+00   |"},
    {"%-12.3e|", 1.0E21, "1.000e+21   |"},
    {"%-12.3e|", NAN, "NaN         |"},
    {"%-12.3e|", INFINITY, "Infinity    |"},
    {"%-12.3e|", -INFINITY, "-Infinity   |"},
    {"%-12.3e|", 0.5, "5.000e-01   |"},
    {"%-12.3e|", 0.3333333333333333, "3.333e-01   |"},
    {"%-12.3e|", 1.2345678E7, "1.235e+07   |"},
    {"%012.3e", 123456.789, "0001.235e+05"},
    {"%012.3e", 1.234E-4, "0001.234e-04"},
    {"%012.3e", 1.0E-5, "0001.000e-05"},
    {"%012.3e", 9.9999995, "0001.000e+01"},
    {"%012.3e", 0.0, "0000.000e+00"},
    {"%012.3e", -0.0, "-000.000e+00"},
    {"%012.3e", -1.5E300, "-01.500e+300"},
    {"%012.3e", 4.9E-324, "004.900e-324"},
    {"%012.3e", 1.0, "0001.000e+00"},
    {"%012.3e", 100000.0, "0001.000e+05"},
    {"%012.3e", 999999.5, "0001.000e+06"},
    {"%012.3e", 9.999995E-5, "0001.000e-04"},
    {"%012.3e", 2.675, "0002.675e+00"},
    {"%012.3e", 1.0E21, "0001.000e+21"},
    {"%012.3e", NAN, "         NaN"},
    {"%012.3e", INFINITY, "    Infinity"},
    {"%012.3e", -INFINITY, "   -Infinity"},
    {"%012.3e", 0.5, "0005.000e-01"},
    {"%012.3e", 0.3333333333333333, "0003.333e-01"},
    {"%012.3e", 1.2345678E7, "0001.235e+07"},
    {"%+e", 123456.789, "+1.234568e+05"},
    {"%+e", 1.234E-4, "+1.234000e-04"},
    {"%+e", 1.0E-5, "+1.000000e-05"},
    {"%+e", 9.9999995, "+1.000000e+01"},
    {"%+e", 0.0, "+0.000000e+00"},
    {"%+e", -0.0, "-0.000000e+00"},
    {"%+e", -1.5E300, "-1.500000e+300"},
    {"%+e", 4.9E-324, "+4.900000e-324"},
    {"%+e", 1.0, "+1.000000e+00"},
    {"%+e", 100000.0, "+1.000000e+05"},
    {"%+e", 999999.5, "+9.999995e+05"},
    {"%+e", 9.999995E-5, "+9.999995e-05"},
    {"%+e", 2.675, "+2.675000e+00"},
    {"%+e", 1.0E21, "+1.000000e+21"},
    {"%+e", NAN, "NaN"},
    {"%+e", INFINITY, "+Infinity"},
    {"%+e", -INFINITY, "-Infinity"},
    {"%+e", 0.5, "+5.000000e-01"},
    {"%+e", 0.3333333333333333, "+3.333333e-01"},
    {"%+e", 1.2345678E7, "+1.234568e+07"},
    {"% e", 123456.789, " 1.234568e+05"},
    {"% e", 1.234E-4, " 1.234000e-04"},
    {"% e", 1.0E-5, " 1.000000e-05"},
    {"% e", 9.9999995, " 1.000000e+01"},
    {"% e", 0.0, " 0.000000e+00"},
    {"% e", -0.0, "-0.000000e+00"},
    {"% e", -1.5E300, "-1.500000e+300"},
    {"% e", 4.9E-324, " 4.900000e-324"},
    {"% e", 1.0, " 1.000000e+00"},
    {"% e", 100000.0, " 1.000000e+05"},
    {"% e", 999999.5, " 9.999995e+05"},
    {"% e", 9.999995E-5, " 9.999995e-05"},
    {"% e", 2.675, " 2.675000e+00"},
    {"% e", 1.0E21, " 1.000000e+21"},
    {"% e", NAN, "NaN"},
    {"% e", INFINITY, " Infinity"},
    {"% e", -INFINITY, "-Infinity"},
    {"% e", 0.5, " 5.000000e-01"},
    {"% e", 0.3333333333333333, " 3.333333e-01"},
    {"% e", 1.2345678E7, " 1.234568e+07"},
    {"%g", 123456.789, "123457"},
    {"%g", 1.234E-4, "0.000123400"},
    {"%g", 1.0E-5, "1.00000e-05"},
    {"%g", 9.9999995, "10.0000"},
    {"%g", 0.0, "0.00000"},
    {"%g", -0.0, "-0.00000"},
    {"%g", -1.5E300, "-1.50000e+300"},
    {"%g", 4.9E-324, "4.90000e-324"},
    {"%g", 1.0, "1.00000"},
    {"%g", 100000.0, "100000"},
    {"%g", 999999.5, "1.00000e+06"},
    {"%g", 9.999995E-5, "0.000100000"},
    {"%g", 2.675, "2.67500"},
    {"%g", 1.0E21, "1.00000e+21"},
    {"%g", NAN, "NaN"},
    {"%g", INFINITY, "Infinity"},
    {"%g", -INFINITY, "-Infinity"},
    {"%g", 0.5, "0.500000"},
    {"%g", 0.3333333333333333, "0.333333"},
    {"%g", 1.2345678E7, "1.23457e+07"},
    {"%G", 123456.789, "123457"},
    {"%G", 1.234E-4, "0.000123400"},
    {"%G", 1.0E-5, "1.00000E-05"},
    {"%G", 9.9999995, "10.0000"},
    {"%G", 0.0, "0.00000"},
    {"%G", -0.0, "-0.00000"},
    {"%G", -1.5E300, "-1.50000E+300"},
    {"%G", 4.9E-324, "4.90000E-324"},
    {"%G", 1.0, "1.00000"},
    {"%G", 100000.0, "100000"},
    {"%G", 999999.5, "1.00000E+06"},
    {"%G", 9.999995E-5, "0.000100000"},
    {"%G", 2.675, "2.67500"},
    {"%G", 1.0E21, "1.00000E+21"},
    {"%G", NAN, "NAN"},
    {"%G", INFINITY, "INFINITY"},
    {"%G", -INFINITY, "-INFINITY"},
    {"%G", 0.5, "0.500000"},
    {"%G", 0.3333333333333333, "0.333333"},
    {"%G", 1.2345678E7, "1.23457E+07"},
    {"%.3g", 123456.789, "1.23e+05"},
    {"%.3g", 1.234E-4, "0.000123"},
    {"%.3g", 1.0E-5, "1.00e-05"},
    {"%.3g", 9.9999995, "10.0"},
    {"%.3g", 0.0, "0.00"},
    {"%.3g", -0.0, "-0.00"},
    {"%.3g", -1.5E300, "-1.50e+300"},
    {"%.3g", 4.9E-324, "4.90e-324"},
    {"%.3g", 1.0, "1.00"},
    {"%.3g", 100000.0, "1.00e+05"},
    {"%.3g", 999999.5, "1.00e+06"},
    {"%.3g", 9.999995E-5, "0.000100"},
    {"%.3g", 2.675, "2.68"},
    {"%.3g", 1.0E21, "1.00e+21"},
    {"%.3g", NAN, "NaN"},
    {"%.3g", INFINITY, "Infinity"},
    {"%.3g", -INFINITY, "-Infinity"},
    {"%.3g", 0.5, "0.500"},
    {"%.3g", 0.3333333333333333, "0.333"},
    {"%.3g", 1.2345678E7, "1.23e+07"},
    {"%.0g", 123456.789, "1e+05"},
    {"%.0g", 1.234E-4, "0.0001"},
    {"%.0g", 1.0E-5, "1e-05"},
    {"%.0g", 9.9999995, "1e+01"},
    {"%.0g", 0.0, "0"},
    {"%.0g", -0.0, "-0"},
    {"%.0g", -1.5E300, "-2e+300"},
    {"%.0g", 4.9E-324, "5e-324"},
    {"%.0g", 1.0, "1"},
    {"%.0g", 100000.0, "1e+05"},
    {"%.0g", 999999.5, "1e+06"},
    {"%.0g", 9.999995E-5, "0.0001"},
    {"%.0g", 2.675, "3"},
    {"%.0g", 1.0E21, "1e+21"},
    {"%.0g", NAN, "NaN"},
    {"%.0g", INFINITY, "Infinity"},
    {"%.0g", -INFINITY, "-Infinity"},
    {"%.0g", 0.5, "0.5"},
    {"%.0g", 0.3333333333333333, "0.3"},
    {"%.0g", 1.2345678E7, "1e+07"},
    {"%.10g", 123456.789, "123456.7890"},
    {"%.10g", 1.234E-4, "0.0001234000000"},
    {"%.10g", 1.0E-5, "1.000000000e-05"},
    {"%.10g", 9.9999995, "9.999999500"},
    {"%.10g", 0.0, "0.000000000"},
    {"%.10g", -0.0, "-0.000000000"},
    {"%.10g", -1.5E300, "-1.500000000e+300"},
    {"%.10g", 4.9E-324, "4.900000000e-324"},
    {"%.10g", 1.0, "1.000000000"},
    {"%.10g", 100000.0, "100000.0000"},
    {"%.10g", 999999.5, "999999.5000"},
    {"%.10g", 9.999995E-5, "9.999995000e-05"},
    {"%.10g", 2.675, "2.675000000"},
    {"%.10g", 1.0E21, "1.000000000e+21"},
    {"%.10g", NAN, "NaN"},
    {"%.10g", INFINITY, "Infinity"},
    {"%.10g", -INFINITY, "-Infinity"},
    {"%.10g", 0.5, "0.5000000000"},
    {"%.10g", 0.3333333333333333, "0.3333333333"},
    {"%.10g", 1.2345678E7, "12345678.00"},
    {"%,g", 123456.789, "123,457"},
    {"%,g", 1.234E-4, "0.000123400"},
    {"%,g", 1.0E-5, "1.00000e-05"},
    {"%,g", 9.9999995, "10.0000"},
    {"%,g", 0.0, "0.00000"},
    {"%,g", -0.0, "-0.00000"},
    {"%,g", -1.5E300, "-1.50000e+300"},
    {"%,g", 4.9E-324, "4.90000e-324"},
    {"%,g", 1.0, "1.00000"},
    {"%,g", 100000.0, "100,000"},
    {"%,g", 999999.5, "1.00000e+06"},
    {"%,g", 9.999995E-5, "0.000100000"},
    {"%,g", 2.675, "2.67500"},
    {"%,g", 1.0E21, "1.00000e+21"},
    {"%,g", NAN, "NaN"},
    {"%,g", INFINITY, "Infinity"},
    {"%,g", -INFINITY, "-Infinity"},
    {"%,g", 0.5, "0.500000"},
    {"%,g", 0.3333333333333333, "0.333333"},
    {"%,g", 1.2345678E7, "1.23457e+07"},
    {"%,.12g", 123456.789, "123,456.789000"},
    {"%,.12g", 1.234E-4, "0.000123400000000"},
    {"%,.12g", 1.0E-5, "1.00000000000e-05"},
    {"%,.12g", 9.9999995, "9.99999950000"},
    {"%,.12g", 0.0, "0.00000000000"},
    {"%,.12g", -0.0, "-0.00000000000"},
    {"%,.12g", -1.5E300, "-1.50000000000e+300"},
    {"%,.12g", 4.9E-324, "4.90000000000e-324"},
    {"%,.12g", 1.0, "1.00000000000"},
    {"%,.12g", 100000.0, "100,000.000000"},
    {"%,.12g", 999999.5, "999,999.500000"},
    {"%,.12g", 9.999995E-5, "9.99999500000e-05"},
    {"%,.12g", 2.675, "2.67500000000"},
    {"%,.12g", 1.0E21, "1.00000000000e+21"},
    {"%,.12g", NAN, "NaN"},
    {"%,.12g", INFINITY, "Infinity"},
    {"%,.12g", -INFINITY, "-Infinity"},
    {"%,.12g", 0.5, "0.500000000000"},
    {"%,.12g", 0.3333333333333333, "0.333333333333"},
    {"%,.12g", 1.2345678E7, "12,345,678.0000"},
    {"%015.4g", 123456.789, "0000001.235e+05"},
    {"%015.4g", 1.234E-4, "0000000.0001234"},
    {"%015.4g", 1.0E-5, "0000001.000e-05"},
    {"%015.4g", 9.9999995, "000000000010.00"},
    {"%015.4g", 0.0, "00000000000.000"},
    {"%015.4g", -0.0, "-0000000000.000"},
    {"%015.4g", -1.5E300, "-00001.500e+300"},
    {"%015.4g", 4.9E-324, "000004.900e-324"},
    {"%015.4g", 1.0, "00000000001.000"},
    {"%015.4g", 100000.0, "0000001.000e+05"},
    {"%015.4g", 999999.5, "0000001.000e+06"},
    {"%015.4g", 9.999995E-5, "0000000.0001000"},
    {"%015.4g", 2.675, "00000000002.675"},
    {"%015.4g", 1.0E21, "0000001.000e+21"},
    {"%015.4g", NAN, "            NaN"},
    {"%015.4g", INFINITY, "       Infinity"},
    {"%015.4g", -INFINITY, "      -Infinity"},
    {"%015.4g", 0.5, "0000000000.5000"},
    {"%015.4g", 0.3333333333333333, "0000000000.3333"},
    {"%015.4g", 1.2345678E7, "0000001.235e+07"},
    {"%+.2g", 123456.789, "+1.2e+05"},
    {"%+.2g", 1.234E-4, "+0.00012"},
    {"%+.2g", 1.0E-5, "+1.0e-05"},
    {"%+.2g", 9.9999995, "+10"},
    {"%+.2g", 0.0, "+0.0"},
    {"%+.2g", -0.0, "-0.0"},
    {"%+.2g", -1.5E300, "-1.5e+300"},
    {"%+.2g", 4.9E-324, "+4.9e-324"},
    {"%+.2g", 1.0, "+1.0"},
    {"%+.2g", 100000.0, "+1.0e+05"},
    {"%+.2g", 999999.5, "+1.0e+06"},
    {"%+.2g", 9.999995E-5, "+0.00010"},
    {"%+.2g", 2.675, "+2.7"},
    {"%+.2g", 1.0E21, "+1.0e+21"},
    {"%+.2g", NAN, "NaN"},
    {"%+.2g", INFINITY, "+Infinity"},
    {"%+.2g", -INFINITY, "-Infinity"},
    {"%+.2g", 0.5, "+0.50"},
    {"%+.2g", 0.3333333333333333, "+0.33"},
    {"%+.2g", 1.2345678E7, "+1.2e+07"},
    {"%a", 123456.789, "0x1.e240c9fbe76c9p16"},
    {"%a", 1.234E-4, "0x1.02c9dedbc309dp-13"},
    {"%a", 1.0E-5, "0x1.4f8b588e368f1p-17"},
    {"%a", 9.9999995, "0x1.3ffffef39085fp3"},
    {"%a", 0.0, "0x0.0p0"},
    {"%a", -0.0, "-0x0.0p0"},
    {"%a", -1.5E300, "-0x1.1eb2d66005835p997"},
    {"%a", 4.9E-324, "0x0.0000000000001p-1022"},
    {"%a", 1.0, "0x1.0p0"},
    {"%a", 100000.0, "0x1.86ap16"},
    {"%a", 999999.5, "0x1.e847fp19"},
    {"%a", 9.999995E-5, "0x1.a36e20f35445ep-14"},
    {"%a", 2.675, "0x1.5666666666666p1"},
    {"%a", 1.0E21, "0x1.b1ae4d6e2ef5p69"},
    {"%a", NAN, "NaN"},
    {"%a", INFINITY, "Infinity"},
    {"%a", -INFINITY, "-Infinity"},
    {"%a", 0.5, "0x1.0p-1"},
    {"%a", 0.3333333333333333, "0x1.5555555555555p-2"},
    {"%a", 1.2345678E7, "0x1.78c29cp23"},
    {"%A", 123456.789, "0X1.E240C9FBE76C9P16"},
    {"%A", 1.234E-4, "0X1.02C9DEDBC309DP-13"},
    {"%A", 1.0E-5, "0X1.4F8B588E368F1P-17"},
    {"%A", 9.9999995, "0X1.3FFFFEF39085FP3"},
    {"%A", 0.0, "0X0.0P0"},
    {"%A", -0.0, "-0X0.0P0"},
    {"%A", -1.5E300, "-0X1.1EB2D66005835P997"},
    {"%A", 4.9E-324, "0X0.0000000000001P-1022"},
    {"%A", 1.0, "0X1.0P0"},
    {"%A", 100000.0, "0X1.86AP16"},
    {"%A", 999999.5, "0X1.E847FP19"},
    {"%A", 9.999995E-5, "0X1.A36E20F35445EP-14"},
    {"%A", 2.675, "0X1.5666666666666P1"},
    {"%A", 1.0E21, "0X1.B1AE4D6E2EF5P69"},
    {"%A", NAN, "NAN"},
    {"%A", INFINITY, "INFINITY"},
    {"%A", -INFINITY, "-INFINITY"},
    {"%A", 0.5, "0X1.0P-1"},
    {"%A", 0.3333333333333333, "0X1.5555555555555P-2"},
    {"%A", 1.2345678E7, "0X1.78C29CP23"},
    {"%.13a", 123456.789, "0x1.e240c9fbe76c9p16"},
    {"%.13a", 1.234E-4, "0x1.02c9dedbc309dp-13"},
    {"%.13a", 1.0E-5, "0x1.4f8b588e368f1p-17"},
    {"%.13a", 9.9999995, "0x1.3ffffef39085fp3"},
    {"%.13a", 0.0, "0x0.0000000000000p0"},
    {"%.13a", -0.0, "-0x0.0000000000000p0"},
    {"%.13a", -1.5E300, "-0x1.1eb2d66005835p997"},
    {"%.13a", 4.9E-324, "0x0.0000000000001p-1022"},
    {"%.13a", 1.0, "0x1.0000000000000p0"},
    {"%.13a", 100000.0, "0x1.86a0000000000p16"},
    {"%.13a", 999999.5, "0x1.e847f00000000p19"},
    {"%.13a", 9.999995E-5, "0x1.a36e20f35445ep-14"},
    {"%.13a", 2.675, "0x1.5666666666666p1"},
    {"%.13a", 1.0E21, "0x1.b1ae4d6e2ef50p69"},
    {"%.13a", NAN, "NaN"},
    {"%.13a", INFINITY, "Infinity"},
    {"%.13a", -INFINITY, "-Infinity"},
    {"%.13a", 0.5, "0x1.0000000000000p-1"},
    {"%.13a", 0.3333333333333333, "0x1.5555555555555p-2"},
    {"%.13a", 1.2345678E7, "0x1.78c29c0000000p23"},
    {"%15a", 123456.789, "0x1.e240c9fbe76c9p16"},
    {"%15a", 1.234E-4, "0x1.02c9dedbc309dp-13"},
    {"%15a", 1.0E-5, "0x1.4f8b588e368f1p-17"},
    {"%15a", 9.9999995, "0x1.3ffffef39085fp3"},
    {"%15a", 0.0, "        0x0.0p0"},
    {"%15a", -0.0, "       -0x0.0p0"},
    {"%15a", -1.5E300, "-0x1.1eb2d66005835p997"},
    {"%15a", 4.9E-324, "0x0.0000000000001p-1022"},
    {"%15a", 1.0, "        0x1.0p0"},
    {"%15a", 100000.0, "     0x1.86ap16"},
    {"%15a", 999999.5, "   0x1.e847fp19"},
    {"%15a", 9.999995E-5, "0x1.a36e20f35445ep-14"},
    {"%15a", 2.675, "0x1.5666666666666p1"},
    {"%15a", 1.0E21, "0x1.b1ae4d6e2ef5p69"},
    {"%15a", NAN, "            NaN"},
    {"%15a", INFINITY, "       Infinity"},
    {"%15a", -INFINITY, "      -Infinity"},
    {"%15a", 0.5, "       0x1.0p-1"},
    {"%15a", 0.3333333333333333, "0x1.5555555555555p-2"},
    {"%15a", 1.2345678E7, "  0x1.78c29cp23"},
    {"%015a", 123456.789, "0x1.e240c9fbe76c9p16"},
    {"%015a", 1.234E-4, "0x1.02c9dedbc309dp-13"},
    {"%015a", 1.0E-5, "0x1.4f8b588e368f1p-17"},
    {"%015a", 9.9999995, "0x1.3ffffef39085fp3"},
    {"%015a", 0.0, "0x000000000.0p0"},
    {"%015a", -0.0, "-0x00000000.0p0"},
    {"%015a", -1.5E300, "-0x1.1eb2d66005835p997"},
    {"%015a", 4.9E-324, "0x0.0000000000001p-1022"},
    {"%015a", 1.0, "0x000000001.0p0"},
    {"%015a", 100000.0, "0x000001.86ap16"},
    {"%015a", 999999.5, "0x0001.e847fp19"},
    {"%015a", 9.999995E-5, "0x1.a36e20f35445ep-14"},
    {"%015a", 2.675, "0x1.5666666666666p1"},
    {"%015a", 1.0E21, "0x1.b1ae4d6e2ef5p69"},
    {"%015a", NAN, "            NaN"},
    {"%015a", INFINITY, "       Infinity"},
    {"%015a", -INFINITY, "      -Infinity"},
    {"%015a", 0.5, "0x00000001.0p-1"},
    {"%015a", 0.3333333333333333, "0x1.5555555555555p-2"},
    {"%015a", 1.2345678E7, "0x001.78c29cp23"},
    {"%+a", 123456.789, "+0x1.e240c9fbe76c9p16"},
    {"%+a", 1.234E-4, "+0x1.02c9dedbc309dp-13"},
    {"%+a", 1.0E-5, "+0x1.4f8b588e368f1p-17"},
    {"%+a", 9.9999995, "+0x1.3ffffef39085fp3"},
    {"%+a", 0.0, "+0x0.0p0"},
    {"%+a", -0.0, "-0x0.0p0"},
    {"%+a", -1.5E300, "-0x1.1eb2d66005835p997"},
    {"%+a", 4.9E-324, "+0x0.0000000000001p-1022"},
    {"%+a", 1.0, "+0x1.0p0"},
    {"%+a", 100000.0, "+0x1.86ap16"},
    {"%+a", 999999.5, "+0x1.e847fp19"},
    {"%+a", 9.999995E-5, "+0x1.a36e20f35445ep-14"},
    {"%+a", 2.675, "+0x1.5666666666666p1"},
    {"%+a", 1.0E21, "+0x1.b1ae4d6e2ef5p69"},
    {"%+a", NAN, "NaN"},
    {"%+a", INFINITY, "+Infinity"},
    {"%+a", -INFINITY, "-Infinity"},
    {"%+a", 0.5, "+0x1.0p-1"},
    {"%+a", 0.3333333333333333, "+0x1.5555555555555p-2"},
    {"%+a", 1.2345678E7, "+0x1.78c29cp23"},
    {"%,e", 1.0, "FAIL"},
    {"%,a", 1.0, "FAIL"},
};

START_TEST(test_format_string_floats)
{
    for (size_t i = 0; i < sizeof java_floats / sizeof *java_floats; i++) {
        char got[128];
        snprintf(got, sizeof got, "%s", pf(java_floats[i].fmt, 'd', 0, java_floats[i].v));
        ck_assert_msg(strcmp(got, java_floats[i].want) == 0, "%s of %.17g: got %s, want %s",
                      java_floats[i].fmt, java_floats[i].v, got, java_floats[i].want);
    }
    /* a FLOAT is its double (Formatter.print(float) prints (double) value) */
    ck_assert_str_eq(pf("%e", 'f', 0, (double)0.1f), "1.000000e-01");
    ck_assert_str_eq(pf("%g", 'f', 0, (double)0.1f), "0.100000");
    ck_assert_str_eq(pf("%a", 'f', 0, (double)0.1f), "0x1.99999ap-4");
    ck_assert_str_eq(pf("%e", 'i', 5, 0), "FAIL"); /* e != java.lang.Integer */
    ck_assert_str_eq(pf("%g", 's', 0, 0), "FAIL"); /* g != java.lang.String */
    ck_assert_str_eq(pf("%.2a", 'd', 0, 1.0), "0x1.00p0"); /* Java 17 String.format */
    /* leadingSign before an infinity, NaN without one (Java: " Infinity", "+Infinity", "NaN") */
    ck_assert_str_eq(pf("% f", 'd', 0, INFINITY), " Infinity");
    ck_assert_str_eq(pf("%+f", 'd', 0, INFINITY), "+Infinity");
    ck_assert_str_eq(pf("% f", 'd', 0, NAN), "NaN");
    ck_assert_str_eq(pf("%8.1f", 'd', 0, -INFINITY), "-Infinity");
    ck_assert_str_eq(pf("%-9f|", 'd', 0, NAN), "NaN      |");
}
END_TEST

/* Formatter's exception for ',' with %e and %a (Java: "Conversion = e, Flags = ,", the
   conversion in lower case for %E too). */
START_TEST(test_format_string_float_group)
{
    ck_assert_str_eq(pf("%,E", 'd', 0, 1.0), "FAIL");
    ck_assert_str_eq(q->err.msg, "java.util.FormatFlagsConversionMismatchException: Conversion = e, Flags = ,");
}
END_TEST

/* format_number(x, 'pattern'): every expected string is what java.text.DecimalFormat prints
   with Spark's set-up (new DecimalFormat("", new DecimalFormatSymbols(Locale.US)),
   applyLocalizedPattern, "" meaning "#,###,###,###,###,###,##0"), run on OpenJDK 17: 'd' a
   double (format(double)), 'B' a BigDecimal of unscaled hi:lo at scale s, 'L' a long. */
static const struct {
    char kind;
    const char *pat;
    double d;
    int64_t lo, hi;
    int32_t s;
    const char *want;
} java_decfmt[] = {
    {'d', "#,###,###.##", 1234567.891, 0, 0, 0, "1,234,567.89"},
    {'d', "#,###,###.##", 0.5, 0, 0, 0, "0.5"},
    {'d', "#,###,###.##", 1.5, 0, 0, 0, "1.5"},
    {'d', "#,###,###.##", 2.5, 0, 0, 0, "2.5"},
    {'d', "#,###,###.##", -0.001, 0, 0, 0, "-0"},
    {'d', "#,###,###.##", 0.125, 0, 0, 0, "0.12"},
    {'d', "#,###,###.##", 0.375, 0, 0, 0, "0.38"},
    {'d', "#,###,###.##", 2.675, 0, 0, 0, "2.67"},
    {'d', "#,###,###.##", 0.0, 0, 0, 0, "0"},
    {'d', "#,###,###.##", -0.0, 0, 0, 0, "-0"},
    {'d', "#,###,###.##", -1234.5, 0, 0, 0, "-1,234.5"},
    {'d', "#,###,###.##", 1.0E20, 0, 0, 0, "100,000,000,000,000,000,000"},
    {'d', "#,###,###.##", 9.999999999999999E22, 0, 0, 0, "99,999,999,999,999,990,000,000"},
    {'d', "#,###,###.##", 0.1, 0, 0, 0, "0.1"},
    {'d', "#,###,###.##", NAN, 0, 0, 0, "NaN"},
    {'d', "#,###,###.##", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "#,###,###.##", 7.0, 0, 0, 0, "7"},
    {'d', "#,###,###.##", 0.07, 0, 0, 0, "0.07"},
    {'d', "#,###,###.##", 1.0005, 0, 0, 0, "1"},
    {'d', "#,###,###.##", 1.23456789E-8, 0, 0, 0, "0"},
    {'d', "#,###,###.##", 4.9E-324, 0, 0, 0, "0"},
    {'d', "#,###,###.##", 1.7976931348623157E308, 0, 0, 0, "179,769,313,486,231,570,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000"},
    {'d', "#,###,###.##", 0.045, 0, 0, 0, "0.04"},
    {'d', "#,###,###.##", 9.995, 0, 0, 0, "9.99"},
    {'B', "#,###,###.##", 0, 123456785LL, 0LL, 4, "12,345.68"}, /* 12345.6785 */
    {'B', "#,###,###.##", 0, -50LL, -1LL, 4, "-0"}, /* -0.0050 */
    {'B', "#,###,###.##", 0, 125LL, 0LL, 3, "0.12"}, /* 0.125 */
    {'B', "#,###,###.##", 0, 135LL, 0LL, 3, "0.14"}, /* 0.135 */
    {'B', "#,###,###.##", 0, 8446744073709551617LL, -1LL, 2, "-99,999,999,999,999,999.99"}, /* -99999999999999999.99 */
    {'B', "#,###,###.##", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'B', "#,###,###.##", 0, 15LL, 0LL, 1, "1.5"}, /* 1.5 */
    {'B', "#,###,###.##", 0, 25LL, 0LL, 1, "2.5"}, /* 2.5 */
    {'B', "#,###,###.##", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123,456,789,012,345,678,901,234,567,890.12"}, /* 123456789012345678901234567890.12345678 */
    {'L', "#,###,###.##", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'L', "#,###,###.##", 0, -9876543210LL, -1LL, 0, "-9,876,543,210"}, /* -9876543210 */
    {'L', "#,###,###.##", 0, 7LL, 0LL, 0, "7"}, /* 7 */
    {'L', "#,###,###.##", 0, 9223372036854775807LL, 0LL, 0, "9,223,372,036,854,775,807"}, /* 9223372036854775807 */
    {'d', "0.000", 1234567.891, 0, 0, 0, "1234567.891"},
    {'d', "0.000", 0.5, 0, 0, 0, "0.500"},
    {'d', "0.000", 1.5, 0, 0, 0, "1.500"},
    {'d', "0.000", 2.5, 0, 0, 0, "2.500"},
    {'d', "0.000", -0.001, 0, 0, 0, "-0.001"},
    {'d', "0.000", 0.125, 0, 0, 0, "0.125"},
    {'d', "0.000", 0.375, 0, 0, 0, "0.375"},
    {'d', "0.000", 2.675, 0, 0, 0, "2.675"},
    {'d', "0.000", 0.0, 0, 0, 0, "0.000"},
    {'d', "0.000", -0.0, 0, 0, 0, "-0.000"},
    {'d', "0.000", -1234.5, 0, 0, 0, "-1234.500"},
    {'d', "0.000", 1.0E20, 0, 0, 0, "100000000000000000000.000"},
    {'d', "0.000", 9.999999999999999E22, 0, 0, 0, "99999999999999990000000.000"},
    {'d', "0.000", 0.1, 0, 0, 0, "0.100"},
    {'d', "0.000", NAN, 0, 0, 0, "NaN"},
    {'d', "0.000", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "0.000", 7.0, 0, 0, 0, "7.000"},
    {'d', "0.000", 0.07, 0, 0, 0, "0.070"},
    {'d', "0.000", 1.0005, 0, 0, 0, "1.000"},
    {'d', "0.000", 1.23456789E-8, 0, 0, 0, "0.000"},
    {'d', "0.000", 4.9E-324, 0, 0, 0, "0.000"},
    {'d', "0.000", 1.7976931348623157E308, 0, 0, 0, "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.000"},
    {'d', "0.000", 0.045, 0, 0, 0, "0.045"},
    {'d', "0.000", 9.995, 0, 0, 0, "9.995"},
    {'B', "0.000", 0, 123456785LL, 0LL, 4, "12345.678"}, /* 12345.6785 */
    {'B', "0.000", 0, -50LL, -1LL, 4, "-0.005"}, /* -0.0050 */
    {'B', "0.000", 0, 125LL, 0LL, 3, "0.125"}, /* 0.125 */
    {'B', "0.000", 0, 135LL, 0LL, 3, "0.135"}, /* 0.135 */
    {'B', "0.000", 0, 8446744073709551617LL, -1LL, 2, "-99999999999999999.990"}, /* -99999999999999999.99 */
    {'B', "0.000", 0, 0LL, 0LL, 0, "0.000"}, /* 0 */
    {'B', "0.000", 0, 15LL, 0LL, 1, "1.500"}, /* 1.5 */
    {'B', "0.000", 0, 25LL, 0LL, 1, "2.500"}, /* 2.5 */
    {'B', "0.000", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123456789012345678901234567890.123"}, /* 123456789012345678901234567890.12345678 */
    {'L', "0.000", 0, 0LL, 0LL, 0, "0.000"}, /* 0 */
    {'L', "0.000", 0, -9876543210LL, -1LL, 0, "-9876543210.000"}, /* -9876543210 */
    {'L', "0.000", 0, 7LL, 0LL, 0, "7.000"}, /* 7 */
    {'L', "0.000", 0, 9223372036854775807LL, 0LL, 0, "9223372036854775807.000"}, /* 9223372036854775807 */
    {'d', "##0.0#", 1234567.891, 0, 0, 0, "1234567.89"},
    {'d', "##0.0#", 0.5, 0, 0, 0, "0.5"},
    {'d', "##0.0#", 1.5, 0, 0, 0, "1.5"},
    {'d', "##0.0#", 2.5, 0, 0, 0, "2.5"},
    {'d', "##0.0#", -0.001, 0, 0, 0, "-0.0"},
    {'d', "##0.0#", 0.125, 0, 0, 0, "0.12"},
    {'d', "##0.0#", 0.375, 0, 0, 0, "0.38"},
    {'d', "##0.0#", 2.675, 0, 0, 0, "2.67"},
    {'d', "##0.0#", 0.0, 0, 0, 0, "0.0"},
    {'d', "##0.0#", -0.0, 0, 0, 0, "-0.0"},
    {'d', "##0.0#", -1234.5, 0, 0, 0, "-1234.5"},
    {'d', "##0.0#", 1.0E20, 0, 0, 0, "100000000000000000000.0"},
    {'d', "##0.0#", 9.999999999999999E22, 0, 0, 0, "99999999999999990000000.0"},
    {'d', "##0.0#", 0.1, 0, 0, 0, "0.1"},
    {'d', "##0.0#", NAN, 0, 0, 0, "NaN"},
    {'d', "##0.0#", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "##0.0#", 7.0, 0, 0, 0, "7.0"},
    {'d', "##0.0#", 0.07, 0, 0, 0, "0.07"},
    {'d', "##0.0#", 1.0005, 0, 0, 0, "1.0"},
    {'d', "##0.0#", 1.23456789E-8, 0, 0, 0, "0.0"},
    {'d', "##0.0#", 4.9E-324, 0, 0, 0, "0.0"},
    {'d', "##0.0#", 1.7976931348623157E308, 0, 0, 0, "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0"},
    {'d', "##0.0#", 0.045, 0, 0, 0, "0.04"},
    {'d', "##0.0#", 9.995, 0, 0, 0, "9.99"},
    {'B', "##0.0#", 0, 123456785LL, 0LL, 4, "12345.68"}, /* 12345.6785 */
    {'B', "##0.0#", 0, -50LL, -1LL, 4, "-0.0"}, /* -0.0050 */
    {'B', "##0.0#", 0, 125LL, 0LL, 3, "0.12"}, /* 0.125 */
    {'B', "##0.0#", 0, 135LL, 0LL, 3, "0.14"}, /* 0.135 */
    {'B', "##0.0#", 0, 8446744073709551617LL, -1LL, 2, "-99999999999999999.99"}, /* -99999999999999999.99 */
    {'B', "##0.0#", 0, 0LL, 0LL, 0, "0.0"}, /* 0 */
    {'B', "##0.0#", 0, 15LL, 0LL, 1, "1.5"}, /* 1.5 */
    {'B', "##0.0#", 0, 25LL, 0LL, 1, "2.5"}, /* 2.5 */
    {'B', "##0.0#", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123456789012345678901234567890.12"}, /* 123456789012345678901234567890.12345678 */
    {'L', "##0.0#", 0, 0LL, 0LL, 0, "0.0"}, /* 0 */
    {'L', "##0.0#", 0, -9876543210LL, -1LL, 0, "-9876543210.0"}, /* -9876543210 */
    {'L', "##0.0#", 0, 7LL, 0LL, 0, "7.0"}, /* 7 */
    {'L', "##0.0#", 0, 9223372036854775807LL, 0LL, 0, "9223372036854775807.0"}, /* 9223372036854775807 */
    {'d', "#.##", 1234567.891, 0, 0, 0, "1234567.89"},
    {'d', "#.##", 0.5, 0, 0, 0, "0.5"},
    {'d', "#.##", 1.5, 0, 0, 0, "1.5"},
    {'d', "#.##", 2.5, 0, 0, 0, "2.5"},
    {'d', "#.##", -0.001, 0, 0, 0, "-0"},
    {'d', "#.##", 0.125, 0, 0, 0, "0.12"},
    {'d', "#.##", 0.375, 0, 0, 0, "0.38"},
    {'d', "#.##", 2.675, 0, 0, 0, "2.67"},
    {'d', "#.##", 0.0, 0, 0, 0, "0"},
    {'d', "#.##", -0.0, 0, 0, 0, "-0"},
    {'d', "#.##", -1234.5, 0, 0, 0, "-1234.5"},
    {'d', "#.##", 1.0E20, 0, 0, 0, "100000000000000000000"},
    {'d', "#.##", 9.999999999999999E22, 0, 0, 0, "99999999999999990000000"},
    {'d', "#.##", 0.1, 0, 0, 0, "0.1"},
    {'d', "#.##", NAN, 0, 0, 0, "NaN"},
    {'d', "#.##", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "#.##", 7.0, 0, 0, 0, "7"},
    {'d', "#.##", 0.07, 0, 0, 0, "0.07"},
    {'d', "#.##", 1.0005, 0, 0, 0, "1"},
    {'d', "#.##", 1.23456789E-8, 0, 0, 0, "0"},
    {'d', "#.##", 4.9E-324, 0, 0, 0, "0"},
    {'d', "#.##", 1.7976931348623157E308, 0, 0, 0, "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
    {'d', "#.##", 0.045, 0, 0, 0, "0.04"},
    {'d', "#.##", 9.995, 0, 0, 0, "9.99"},
    {'B', "#.##", 0, 123456785LL, 0LL, 4, "12345.68"}, /* 12345.6785 */
    {'B', "#.##", 0, -50LL, -1LL, 4, "-0"}, /* -0.0050 */
    {'B', "#.##", 0, 125LL, 0LL, 3, "0.12"}, /* 0.125 */
    {'B', "#.##", 0, 135LL, 0LL, 3, "0.14"}, /* 0.135 */
    {'B', "#.##", 0, 8446744073709551617LL, -1LL, 2, "-99999999999999999.99"}, /* -99999999999999999.99 */
    {'B', "#.##", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'B', "#.##", 0, 15LL, 0LL, 1, "1.5"}, /* 1.5 */
    {'B', "#.##", 0, 25LL, 0LL, 1, "2.5"}, /* 2.5 */
    {'B', "#.##", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123456789012345678901234567890.12"}, /* 123456789012345678901234567890.12345678 */
    {'L', "#.##", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'L', "#.##", 0, -9876543210LL, -1LL, 0, "-9876543210"}, /* -9876543210 */
    {'L', "#.##", 0, 7LL, 0LL, 0, "7"}, /* 7 */
    {'L', "#.##", 0, 9223372036854775807LL, 0LL, 0, "9223372036854775807"}, /* 9223372036854775807 */
    {'d', "#", 1234567.891, 0, 0, 0, "1234568"},
    {'d', "#", 0.5, 0, 0, 0, "0"},
    {'d', "#", 1.5, 0, 0, 0, "2"},
    {'d', "#", 2.5, 0, 0, 0, "2"},
    {'d', "#", -0.001, 0, 0, 0, "-0"},
    {'d', "#", 0.125, 0, 0, 0, "0"},
    {'d', "#", 0.375, 0, 0, 0, "0"},
    {'d', "#", 2.675, 0, 0, 0, "3"},
    {'d', "#", 0.0, 0, 0, 0, "0"},
    {'d', "#", -0.0, 0, 0, 0, "-0"},
    {'d', "#", -1234.5, 0, 0, 0, "-1234"},
    {'d', "#", 1.0E20, 0, 0, 0, "100000000000000000000"},
    {'d', "#", 9.999999999999999E22, 0, 0, 0, "99999999999999990000000"},
    {'d', "#", 0.1, 0, 0, 0, "0"},
    {'d', "#", NAN, 0, 0, 0, "NaN"},
    {'d', "#", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "#", 7.0, 0, 0, 0, "7"},
    {'d', "#", 0.07, 0, 0, 0, "0"},
    {'d', "#", 1.0005, 0, 0, 0, "1"},
    {'d', "#", 1.23456789E-8, 0, 0, 0, "0"},
    {'d', "#", 4.9E-324, 0, 0, 0, "0"},
    {'d', "#", 1.7976931348623157E308, 0, 0, 0, "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
    {'d', "#", 0.045, 0, 0, 0, "0"},
    {'d', "#", 9.995, 0, 0, 0, "10"},
    {'B', "#", 0, 123456785LL, 0LL, 4, "12346"}, /* 12345.6785 */
    {'B', "#", 0, -50LL, -1LL, 4, "-0"}, /* -0.0050 */
    {'B', "#", 0, 125LL, 0LL, 3, "0"}, /* 0.125 */
    {'B', "#", 0, 135LL, 0LL, 3, "0"}, /* 0.135 */
    {'B', "#", 0, 8446744073709551617LL, -1LL, 2, "-100000000000000000"}, /* -99999999999999999.99 */
    {'B', "#", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'B', "#", 0, 15LL, 0LL, 1, "2"}, /* 1.5 */
    {'B', "#", 0, 25LL, 0LL, 1, "2"}, /* 2.5 */
    {'B', "#", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123456789012345678901234567890"}, /* 123456789012345678901234567890.12345678 */
    {'L', "#", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'L', "#", 0, -9876543210LL, -1LL, 0, "-9876543210"}, /* -9876543210 */
    {'L', "#", 0, 7LL, 0LL, 0, "7"}, /* 7 */
    {'L', "#", 0, 9223372036854775807LL, 0LL, 0, "9223372036854775807"}, /* 9223372036854775807 */
    {'d', "00000", 1234567.891, 0, 0, 0, "1234568"},
    {'d', "00000", 0.5, 0, 0, 0, "00000"},
    {'d', "00000", 1.5, 0, 0, 0, "00002"},
    {'d', "00000", 2.5, 0, 0, 0, "00002"},
    {'d', "00000", -0.001, 0, 0, 0, "-00000"},
    {'d', "00000", 0.125, 0, 0, 0, "00000"},
    {'d', "00000", 0.375, 0, 0, 0, "00000"},
    {'d', "00000", 2.675, 0, 0, 0, "00003"},
    {'d', "00000", 0.0, 0, 0, 0, "00000"},
    {'d', "00000", -0.0, 0, 0, 0, "-00000"},
    {'d', "00000", -1234.5, 0, 0, 0, "-01234"},
    {'d', "00000", 1.0E20, 0, 0, 0, "100000000000000000000"},
    {'d', "00000", 9.999999999999999E22, 0, 0, 0, "99999999999999990000000"},
    {'d', "00000", 0.1, 0, 0, 0, "00000"},
    {'d', "00000", NAN, 0, 0, 0, "NaN"},
    {'d', "00000", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "00000", 7.0, 0, 0, 0, "00007"},
    {'d', "00000", 0.07, 0, 0, 0, "00000"},
    {'d', "00000", 1.0005, 0, 0, 0, "00001"},
    {'d', "00000", 1.23456789E-8, 0, 0, 0, "00000"},
    {'d', "00000", 4.9E-324, 0, 0, 0, "00000"},
    {'d', "00000", 1.7976931348623157E308, 0, 0, 0, "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
    {'d', "00000", 0.045, 0, 0, 0, "00000"},
    {'d', "00000", 9.995, 0, 0, 0, "00010"},
    {'B', "00000", 0, 123456785LL, 0LL, 4, "12346"}, /* 12345.6785 */
    {'B', "00000", 0, -50LL, -1LL, 4, "-00000"}, /* -0.0050 */
    {'B', "00000", 0, 125LL, 0LL, 3, "00000"}, /* 0.125 */
    {'B', "00000", 0, 135LL, 0LL, 3, "00000"}, /* 0.135 */
    {'B', "00000", 0, 8446744073709551617LL, -1LL, 2, "-100000000000000000"}, /* -99999999999999999.99 */
    {'B', "00000", 0, 0LL, 0LL, 0, "00000"}, /* 0 */
    {'B', "00000", 0, 15LL, 0LL, 1, "00002"}, /* 1.5 */
    {'B', "00000", 0, 25LL, 0LL, 1, "00002"}, /* 2.5 */
    {'B', "00000", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123456789012345678901234567890"}, /* 123456789012345678901234567890.12345678 */
    {'L', "00000", 0, 0LL, 0LL, 0, "00000"}, /* 0 */
    {'L', "00000", 0, -9876543210LL, -1LL, 0, "-9876543210"}, /* -9876543210 */
    {'L', "00000", 0, 7LL, 0LL, 0, "00007"}, /* 7 */
    {'L', "00000", 0, 9223372036854775807LL, 0LL, 0, "9223372036854775807"}, /* 9223372036854775807 */
    {'d', "#,##0.", 1234567.891, 0, 0, 0, "1,234,568."},
    {'d', "#,##0.", 0.5, 0, 0, 0, "0."},
    {'d', "#,##0.", 1.5, 0, 0, 0, "2."},
    {'d', "#,##0.", 2.5, 0, 0, 0, "2."},
    {'d', "#,##0.", -0.001, 0, 0, 0, "-0."},
    {'d', "#,##0.", 0.125, 0, 0, 0, "0."},
    {'d', "#,##0.", 0.375, 0, 0, 0, "0."},
    {'d', "#,##0.", 2.675, 0, 0, 0, "3."},
    {'d', "#,##0.", 0.0, 0, 0, 0, "0."},
    {'d', "#,##0.", -0.0, 0, 0, 0, "-0."},
    {'d', "#,##0.", -1234.5, 0, 0, 0, "-1,234."},
    {'d', "#,##0.", 1.0E20, 0, 0, 0, "100,000,000,000,000,000,000."},
    {'d', "#,##0.", 9.999999999999999E22, 0, 0, 0, "99,999,999,999,999,990,000,000."},
    {'d', "#,##0.", 0.1, 0, 0, 0, "0."},
    {'d', "#,##0.", NAN, 0, 0, 0, "NaN"},
    {'d', "#,##0.", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "#,##0.", 7.0, 0, 0, 0, "7."},
    {'d', "#,##0.", 0.07, 0, 0, 0, "0."},
    {'d', "#,##0.", 1.0005, 0, 0, 0, "1."},
    {'d', "#,##0.", 1.23456789E-8, 0, 0, 0, "0."},
    {'d', "#,##0.", 4.9E-324, 0, 0, 0, "0."},
    {'d', "#,##0.", 1.7976931348623157E308, 0, 0, 0, "179,769,313,486,231,570,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000."},
    {'d', "#,##0.", 0.045, 0, 0, 0, "0."},
    {'d', "#,##0.", 9.995, 0, 0, 0, "10."},
    {'B', "#,##0.", 0, 123456785LL, 0LL, 4, "12,346."}, /* 12345.6785 */
    {'B', "#,##0.", 0, -50LL, -1LL, 4, "-0."}, /* -0.0050 */
    {'B', "#,##0.", 0, 125LL, 0LL, 3, "0."}, /* 0.125 */
    {'B', "#,##0.", 0, 135LL, 0LL, 3, "0."}, /* 0.135 */
    {'B', "#,##0.", 0, 8446744073709551617LL, -1LL, 2, "-100,000,000,000,000,000."}, /* -99999999999999999.99 */
    {'B', "#,##0.", 0, 0LL, 0LL, 0, "0."}, /* 0 */
    {'B', "#,##0.", 0, 15LL, 0LL, 1, "2."}, /* 1.5 */
    {'B', "#,##0.", 0, 25LL, 0LL, 1, "2."}, /* 2.5 */
    {'B', "#,##0.", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123,456,789,012,345,678,901,234,567,890."}, /* 123456789012345678901234567890.12345678 */
    {'L', "#,##0.", 0, 0LL, 0LL, 0, "0."}, /* 0 */
    {'L', "#,##0.", 0, -9876543210LL, -1LL, 0, "-9,876,543,210."}, /* -9876543210 */
    {'L', "#,##0.", 0, 7LL, 0LL, 0, "7."}, /* 7 */
    {'L', "#,##0.", 0, 9223372036854775807LL, 0LL, 0, "9,223,372,036,854,775,807."}, /* 9223372036854775807 */
    {'d', "0.00%", 1234567.891, 0, 0, 0, "123456789.10%"},
    {'d', "0.00%", 0.5, 0, 0, 0, "50.00%"},
    {'d', "0.00%", 1.5, 0, 0, 0, "150.00%"},
    {'d', "0.00%", 2.5, 0, 0, 0, "250.00%"},
    {'d', "0.00%", -0.001, 0, 0, 0, "-0.10%"},
    {'d', "0.00%", 0.125, 0, 0, 0, "12.50%"},
    {'d', "0.00%", 0.375, 0, 0, 0, "37.50%"},
    {'d', "0.00%", 2.675, 0, 0, 0, "267.50%"},
    {'d', "0.00%", 0.0, 0, 0, 0, "0.00%"},
    {'d', "0.00%", -0.0, 0, 0, 0, "-0.00%"},
    {'d', "0.00%", -1234.5, 0, 0, 0, "-123450.00%"},
    {'d', "0.00%", 1.0E20, 0, 0, 0, "10000000000000000000000.00%"},
    {'d', "0.00%", 9.999999999999999E22, 0, 0, 0, "9999999999999999000000000.00%"},
    {'d', "0.00%", 0.1, 0, 0, 0, "10.00%"},
    {'d', "0.00%", NAN, 0, 0, 0, "NaN"},
    {'d', "0.00%", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e""%"},
    {'d', "0.00%", 7.0, 0, 0, 0, "700.00%"},
    {'d', "0.00%", 0.07, 0, 0, 0, "7.00%"},
    {'d', "0.00%", 1.0005, 0, 0, 0, "100.05%"},
    {'d', "0.00%", 1.23456789E-8, 0, 0, 0, "0.00%"},
    {'d', "0.00%", 4.9E-324, 0, 0, 0, "0.00%"},
    {'d', "0.00%", 1.7976931348623157E308, 0, 0, 0, "\xe2""\x88""\x9e""%"},
    {'d', "0.00%", 0.045, 0, 0, 0, "4.50%"},
    {'d', "0.00%", 9.995, 0, 0, 0, "999.50%"},
    {'B', "0.00%", 0, 123456785LL, 0LL, 4, "1234567.85%"}, /* 12345.6785 */
    {'B', "0.00%", 0, -50LL, -1LL, 4, "-0.50%"}, /* -0.0050 */
    {'B', "0.00%", 0, 125LL, 0LL, 3, "12.50%"}, /* 0.125 */
    {'B', "0.00%", 0, 135LL, 0LL, 3, "13.50%"}, /* 0.135 */
    {'B', "0.00%", 0, 8446744073709551617LL, -1LL, 2, "-9999999999999999999.00%"}, /* -99999999999999999.99 */
    {'B', "0.00%", 0, 0LL, 0LL, 0, "0.00%"}, /* 0 */
    {'B', "0.00%", 0, 15LL, 0LL, 1, "150.00%"}, /* 1.5 */
    {'B', "0.00%", 0, 25LL, 0LL, 1, "250.00%"}, /* 2.5 */
    {'B', "0.00%", 0, -4302749291975740594LL, 669260594276348691LL, 8, "12345678901234567890123456789012.35%"}, /* 123456789012345678901234567890.12345678 */
    {'L', "0.00%", 0, 0LL, 0LL, 0, "0.00%"}, /* 0 */
    {'L', "0.00%", 0, -9876543210LL, -1LL, 0, "-987654321000.00%"}, /* -9876543210 */
    {'L', "0.00%", 0, 7LL, 0LL, 0, "700.00%"}, /* 7 */
    {'L', "0.00%", 0, 9223372036854775807LL, 0LL, 0, "922337203685477580700.00%"}, /* 9223372036854775807 */
    {'d', "#%", 1234567.891, 0, 0, 0, "123456789%"},
    {'d', "#%", 0.5, 0, 0, 0, "50%"},
    {'d', "#%", 1.5, 0, 0, 0, "150%"},
    {'d', "#%", 2.5, 0, 0, 0, "250%"},
    {'d', "#%", -0.001, 0, 0, 0, "-0%"},
    {'d', "#%", 0.125, 0, 0, 0, "12%"},
    {'d', "#%", 0.375, 0, 0, 0, "38%"},
    {'d', "#%", 2.675, 0, 0, 0, "268%"},
    {'d', "#%", 0.0, 0, 0, 0, "0%"},
    {'d', "#%", -0.0, 0, 0, 0, "-0%"},
    {'d', "#%", -1234.5, 0, 0, 0, "-123450%"},
    {'d', "#%", 1.0E20, 0, 0, 0, "10000000000000000000000%"},
    {'d', "#%", 9.999999999999999E22, 0, 0, 0, "9999999999999999000000000%"},
    {'d', "#%", 0.1, 0, 0, 0, "10%"},
    {'d', "#%", NAN, 0, 0, 0, "NaN"},
    {'d', "#%", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e""%"},
    {'d', "#%", 7.0, 0, 0, 0, "700%"},
    {'d', "#%", 0.07, 0, 0, 0, "7%"},
    {'d', "#%", 1.0005, 0, 0, 0, "100%"},
    {'d', "#%", 1.23456789E-8, 0, 0, 0, "0%"},
    {'d', "#%", 4.9E-324, 0, 0, 0, "0%"},
    {'d', "#%", 1.7976931348623157E308, 0, 0, 0, "\xe2""\x88""\x9e""%"},
    {'d', "#%", 0.045, 0, 0, 0, "4%"},
    {'d', "#%", 9.995, 0, 0, 0, "999%"},
    {'B', "#%", 0, 123456785LL, 0LL, 4, "1234568%"}, /* 12345.6785 */
    {'B', "#%", 0, -50LL, -1LL, 4, "-0%"}, /* -0.0050 */
    {'B', "#%", 0, 125LL, 0LL, 3, "12%"}, /* 0.125 */
    {'B', "#%", 0, 135LL, 0LL, 3, "14%"}, /* 0.135 */
    {'B', "#%", 0, 8446744073709551617LL, -1LL, 2, "-9999999999999999999%"}, /* -99999999999999999.99 */
    {'B', "#%", 0, 0LL, 0LL, 0, "0%"}, /* 0 */
    {'B', "#%", 0, 15LL, 0LL, 1, "150%"}, /* 1.5 */
    {'B', "#%", 0, 25LL, 0LL, 1, "250%"}, /* 2.5 */
    {'B', "#%", 0, -4302749291975740594LL, 669260594276348691LL, 8, "12345678901234567890123456789012%"}, /* 123456789012345678901234567890.12345678 */
    {'L', "#%", 0, 0LL, 0LL, 0, "0%"}, /* 0 */
    {'L', "#%", 0, -9876543210LL, -1LL, 0, "-987654321000%"}, /* -9876543210 */
    {'L', "#%", 0, 7LL, 0LL, 0, "700%"}, /* 7 */
    {'L', "#%", 0, 9223372036854775807LL, 0LL, 0, "922337203685477580700%"}, /* 9223372036854775807 */
    {'d', "$#,##0.00", 1234567.891, 0, 0, 0, "$1,234,567.89"},
    {'d', "$#,##0.00", 0.5, 0, 0, 0, "$0.50"},
    {'d', "$#,##0.00", 1.5, 0, 0, 0, "$1.50"},
    {'d', "$#,##0.00", 2.5, 0, 0, 0, "$2.50"},
    {'d', "$#,##0.00", -0.001, 0, 0, 0, "-$0.00"},
    {'d', "$#,##0.00", 0.125, 0, 0, 0, "$0.12"},
    {'d', "$#,##0.00", 0.375, 0, 0, 0, "$0.38"},
    {'d', "$#,##0.00", 2.675, 0, 0, 0, "$2.67"},
    {'d', "$#,##0.00", 0.0, 0, 0, 0, "$0.00"},
    {'d', "$#,##0.00", -0.0, 0, 0, 0, "-$0.00"},
    {'d', "$#,##0.00", -1234.5, 0, 0, 0, "-$1,234.50"},
    {'d', "$#,##0.00", 1.0E20, 0, 0, 0, "$100,000,000,000,000,000,000.00"},
    {'d', "$#,##0.00", 9.999999999999999E22, 0, 0, 0, "$99,999,999,999,999,990,000,000.00"},
    {'d', "$#,##0.00", 0.1, 0, 0, 0, "$0.10"},
    {'d', "$#,##0.00", NAN, 0, 0, 0, "NaN"},
    {'d', "$#,##0.00", -INFINITY, 0, 0, 0, "-$\xe2""\x88""\x9e"""},
    {'d', "$#,##0.00", 7.0, 0, 0, 0, "$7.00"},
    {'d', "$#,##0.00", 0.07, 0, 0, 0, "$0.07"},
    {'d', "$#,##0.00", 1.0005, 0, 0, 0, "$1.00"},
    {'d', "$#,##0.00", 1.23456789E-8, 0, 0, 0, "$0.00"},
    {'d', "$#,##0.00", 4.9E-324, 0, 0, 0, "$0.00"},
    {'d', "$#,##0.00", 1.7976931348623157E308, 0, 0, 0, "$179,769,313,486,231,570,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000.00"},
    {'d', "$#,##0.00", 0.045, 0, 0, 0, "$0.04"},
    {'d', "$#,##0.00", 9.995, 0, 0, 0, "$9.99"},
    {'B', "$#,##0.00", 0, 123456785LL, 0LL, 4, "$12,345.68"}, /* 12345.6785 */
    {'B', "$#,##0.00", 0, -50LL, -1LL, 4, "-$0.00"}, /* -0.0050 */
    {'B', "$#,##0.00", 0, 125LL, 0LL, 3, "$0.12"}, /* 0.125 */
    {'B', "$#,##0.00", 0, 135LL, 0LL, 3, "$0.14"}, /* 0.135 */
    {'B', "$#,##0.00", 0, 8446744073709551617LL, -1LL, 2, "-$99,999,999,999,999,999.99"}, /* -99999999999999999.99 */
    {'B', "$#,##0.00", 0, 0LL, 0LL, 0, "$0.00"}, /* 0 */
    {'B', "$#,##0.00", 0, 15LL, 0LL, 1, "$1.50"}, /* 1.5 */
    {'B', "$#,##0.00", 0, 25LL, 0LL, 1, "$2.50"}, /* 2.5 */
    {'B', "$#,##0.00", 0, -4302749291975740594LL, 669260594276348691LL, 8, "$123,456,789,012,345,678,901,234,567,890.12"}, /* 123456789012345678901234567890.12345678 */
    {'L', "$#,##0.00", 0, 0LL, 0LL, 0, "$0.00"}, /* 0 */
    {'L', "$#,##0.00", 0, -9876543210LL, -1LL, 0, "-$9,876,543,210.00"}, /* -9876543210 */
    {'L', "$#,##0.00", 0, 7LL, 0LL, 0, "$7.00"}, /* 7 */
    {'L', "$#,##0.00", 0, 9223372036854775807LL, 0LL, 0, "$9,223,372,036,854,775,807.00"}, /* 9223372036854775807 */
    {'d', "'#'#0", 1234567.891, 0, 0, 0, "#1234568"},
    {'d', "'#'#0", 0.5, 0, 0, 0, "#0"},
    {'d', "'#'#0", 1.5, 0, 0, 0, "#2"},
    {'d', "'#'#0", 2.5, 0, 0, 0, "#2"},
    {'d', "'#'#0", -0.001, 0, 0, 0, "-#0"},
    {'d', "'#'#0", 0.125, 0, 0, 0, "#0"},
    {'d', "'#'#0", 0.375, 0, 0, 0, "#0"},
    {'d', "'#'#0", 2.675, 0, 0, 0, "#3"},
    {'d', "'#'#0", 0.0, 0, 0, 0, "#0"},
    {'d', "'#'#0", -0.0, 0, 0, 0, "-#0"},
    {'d', "'#'#0", -1234.5, 0, 0, 0, "-#1234"},
    {'d', "'#'#0", 1.0E20, 0, 0, 0, "#100000000000000000000"},
    {'d', "'#'#0", 9.999999999999999E22, 0, 0, 0, "#99999999999999990000000"},
    {'d', "'#'#0", 0.1, 0, 0, 0, "#0"},
    {'d', "'#'#0", NAN, 0, 0, 0, "NaN"},
    {'d', "'#'#0", -INFINITY, 0, 0, 0, "-#\xe2""\x88""\x9e"""},
    {'d', "'#'#0", 7.0, 0, 0, 0, "#7"},
    {'d', "'#'#0", 0.07, 0, 0, 0, "#0"},
    {'d', "'#'#0", 1.0005, 0, 0, 0, "#1"},
    {'d', "'#'#0", 1.23456789E-8, 0, 0, 0, "#0"},
    {'d', "'#'#0", 4.9E-324, 0, 0, 0, "#0"},
    {'d', "'#'#0", 1.7976931348623157E308, 0, 0, 0, "#179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
    {'d', "'#'#0", 0.045, 0, 0, 0, "#0"},
    {'d', "'#'#0", 9.995, 0, 0, 0, "#10"},
    {'B', "'#'#0", 0, 123456785LL, 0LL, 4, "#12346"}, /* 12345.6785 */
    {'B', "'#'#0", 0, -50LL, -1LL, 4, "-#0"}, /* -0.0050 */
    {'B', "'#'#0", 0, 125LL, 0LL, 3, "#0"}, /* 0.125 */
    {'B', "'#'#0", 0, 135LL, 0LL, 3, "#0"}, /* 0.135 */
    {'B', "'#'#0", 0, 8446744073709551617LL, -1LL, 2, "-#100000000000000000"}, /* -99999999999999999.99 */
    {'B', "'#'#0", 0, 0LL, 0LL, 0, "#0"}, /* 0 */
    {'B', "'#'#0", 0, 15LL, 0LL, 1, "#2"}, /* 1.5 */
    {'B', "'#'#0", 0, 25LL, 0LL, 1, "#2"}, /* 2.5 */
    {'B', "'#'#0", 0, -4302749291975740594LL, 669260594276348691LL, 8, "#123456789012345678901234567890"}, /* 123456789012345678901234567890.12345678 */
    {'L', "'#'#0", 0, 0LL, 0LL, 0, "#0"}, /* 0 */
    {'L', "'#'#0", 0, -9876543210LL, -1LL, 0, "-#9876543210"}, /* -9876543210 */
    {'L', "'#'#0", 0, 7LL, 0LL, 0, "#7"}, /* 7 */
    {'L', "'#'#0", 0, 9223372036854775807LL, 0LL, 0, "#9223372036854775807"}, /* 9223372036854775807 */
    {'d', "#,##,###", 1234567.891, 0, 0, 0, "1,234,568"},
    {'d', "#,##,###", 0.5, 0, 0, 0, "0"},
    {'d', "#,##,###", 1.5, 0, 0, 0, "2"},
    {'d', "#,##,###", 2.5, 0, 0, 0, "2"},
    {'d', "#,##,###", -0.001, 0, 0, 0, "-0"},
    {'d', "#,##,###", 0.125, 0, 0, 0, "0"},
    {'d', "#,##,###", 0.375, 0, 0, 0, "0"},
    {'d', "#,##,###", 2.675, 0, 0, 0, "3"},
    {'d', "#,##,###", 0.0, 0, 0, 0, "0"},
    {'d', "#,##,###", -0.0, 0, 0, 0, "-0"},
    {'d', "#,##,###", -1234.5, 0, 0, 0, "-1,234"},
    {'d', "#,##,###", 1.0E20, 0, 0, 0, "100,000,000,000,000,000,000"},
    {'d', "#,##,###", 9.999999999999999E22, 0, 0, 0, "99,999,999,999,999,990,000,000"},
    {'d', "#,##,###", 0.1, 0, 0, 0, "0"},
    {'d', "#,##,###", NAN, 0, 0, 0, "NaN"},
    {'d', "#,##,###", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "#,##,###", 7.0, 0, 0, 0, "7"},
    {'d', "#,##,###", 0.07, 0, 0, 0, "0"},
    {'d', "#,##,###", 1.0005, 0, 0, 0, "1"},
    {'d', "#,##,###", 1.23456789E-8, 0, 0, 0, "0"},
    {'d', "#,##,###", 4.9E-324, 0, 0, 0, "0"},
    {'d', "#,##,###", 1.7976931348623157E308, 0, 0, 0, "179,769,313,486,231,570,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000"},
    {'d', "#,##,###", 0.045, 0, 0, 0, "0"},
    {'d', "#,##,###", 9.995, 0, 0, 0, "10"},
    {'B', "#,##,###", 0, 123456785LL, 0LL, 4, "12,346"}, /* 12345.6785 */
    {'B', "#,##,###", 0, -50LL, -1LL, 4, "-0"}, /* -0.0050 */
    {'B', "#,##,###", 0, 125LL, 0LL, 3, "0"}, /* 0.125 */
    {'B', "#,##,###", 0, 135LL, 0LL, 3, "0"}, /* 0.135 */
    {'B', "#,##,###", 0, 8446744073709551617LL, -1LL, 2, "-100,000,000,000,000,000"}, /* -99999999999999999.99 */
    {'B', "#,##,###", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'B', "#,##,###", 0, 15LL, 0LL, 1, "2"}, /* 1.5 */
    {'B', "#,##,###", 0, 25LL, 0LL, 1, "2"}, /* 2.5 */
    {'B', "#,##,###", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123,456,789,012,345,678,901,234,567,890"}, /* 123456789012345678901234567890.12345678 */
    {'L', "#,##,###", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'L', "#,##,###", 0, -9876543210LL, -1LL, 0, "-9,876,543,210"}, /* -9876543210 */
    {'L', "#,##,###", 0, 7LL, 0LL, 0, "7"}, /* 7 */
    {'L', "#,##,###", 0, 9223372036854775807LL, 0LL, 0, "9,223,372,036,854,775,807"}, /* 9223372036854775807 */
    {'d', "#,##0.0 'units'", 1234567.891, 0, 0, 0, "1,234,567.9 units"},
    {'d', "#,##0.0 'units'", 0.5, 0, 0, 0, "0.5 units"},
    {'d', "#,##0.0 'units'", 1.5, 0, 0, 0, "1.5 units"},
    {'d', "#,##0.0 'units'", 2.5, 0, 0, 0, "2.5 units"},
    {'d', "#,##0.0 'units'", -0.001, 0, 0, 0, "-0.0 units"},
    {'d', "#,##0.0 'units'", 0.125, 0, 0, 0, "0.1 units"},
    {'d', "#,##0.0 'units'", 0.375, 0, 0, 0, "0.4 units"},
    {'d', "#,##0.0 'units'", 2.675, 0, 0, 0, "2.7 units"},
    {'d', "#,##0.0 'units'", 0.0, 0, 0, 0, "0.0 units"},
    {'d', "#,##0.0 'units'", -0.0, 0, 0, 0, "-0.0 units"},
    {'d', "#,##0.0 'units'", -1234.5, 0, 0, 0, "-1,234.5 units"},
    {'d', "#,##0.0 'units'", 1.0E20, 0, 0, 0, "100,000,000,000,000,000,000.0 units"},
    {'d', "#,##0.0 'units'", 9.999999999999999E22, 0, 0, 0, "99,999,999,999,999,990,000,000.0 units"},
    {'d', "#,##0.0 'units'", 0.1, 0, 0, 0, "0.1 units"},
    {'d', "#,##0.0 'units'", NAN, 0, 0, 0, "NaN"},
    {'d', "#,##0.0 'units'", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"" units"},
    {'d', "#,##0.0 'units'", 7.0, 0, 0, 0, "7.0 units"},
    {'d', "#,##0.0 'units'", 0.07, 0, 0, 0, "0.1 units"},
    {'d', "#,##0.0 'units'", 1.0005, 0, 0, 0, "1.0 units"},
    {'d', "#,##0.0 'units'", 1.23456789E-8, 0, 0, 0, "0.0 units"},
    {'d', "#,##0.0 'units'", 4.9E-324, 0, 0, 0, "0.0 units"},
    {'d', "#,##0.0 'units'", 1.7976931348623157E308, 0, 0, 0, "179,769,313,486,231,570,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000.0 units"},
    {'d', "#,##0.0 'units'", 0.045, 0, 0, 0, "0.0 units"},
    {'d', "#,##0.0 'units'", 9.995, 0, 0, 0, "10.0 units"},
    {'B', "#,##0.0 'units'", 0, 123456785LL, 0LL, 4, "12,345.7 units"}, /* 12345.6785 */
    {'B', "#,##0.0 'units'", 0, -50LL, -1LL, 4, "-0.0 units"}, /* -0.0050 */
    {'B', "#,##0.0 'units'", 0, 125LL, 0LL, 3, "0.1 units"}, /* 0.125 */
    {'B', "#,##0.0 'units'", 0, 135LL, 0LL, 3, "0.1 units"}, /* 0.135 */
    {'B', "#,##0.0 'units'", 0, 8446744073709551617LL, -1LL, 2, "-100,000,000,000,000,000.0 units"}, /* -99999999999999999.99 */
    {'B', "#,##0.0 'units'", 0, 0LL, 0LL, 0, "0.0 units"}, /* 0 */
    {'B', "#,##0.0 'units'", 0, 15LL, 0LL, 1, "1.5 units"}, /* 1.5 */
    {'B', "#,##0.0 'units'", 0, 25LL, 0LL, 1, "2.5 units"}, /* 2.5 */
    {'B', "#,##0.0 'units'", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123,456,789,012,345,678,901,234,567,890.1 units"}, /* 123456789012345678901234567890.12345678 */
    {'L', "#,##0.0 'units'", 0, 0LL, 0LL, 0, "0.0 units"}, /* 0 */
    {'L', "#,##0.0 'units'", 0, -9876543210LL, -1LL, 0, "-9,876,543,210.0 units"}, /* -9876543210 */
    {'L', "#,##0.0 'units'", 0, 7LL, 0LL, 0, "7.0 units"}, /* 7 */
    {'L', "#,##0.0 'units'", 0, 9223372036854775807LL, 0LL, 0, "9,223,372,036,854,775,807.0 units"}, /* 9223372036854775807 */
    {'d', "", 1234567.891, 0, 0, 0, "1,234,568"},
    {'d', "", 0.5, 0, 0, 0, "0"},
    {'d', "", 1.5, 0, 0, 0, "2"},
    {'d', "", 2.5, 0, 0, 0, "2"},
    {'d', "", -0.001, 0, 0, 0, "-0"},
    {'d', "", 0.125, 0, 0, 0, "0"},
    {'d', "", 0.375, 0, 0, 0, "0"},
    {'d', "", 2.675, 0, 0, 0, "3"},
    {'d', "", 0.0, 0, 0, 0, "0"},
    {'d', "", -0.0, 0, 0, 0, "-0"},
    {'d', "", -1234.5, 0, 0, 0, "-1,234"},
    {'d', "", 1.0E20, 0, 0, 0, "100,000,000,000,000,000,000"},
    {'d', "", 9.999999999999999E22, 0, 0, 0, "99,999,999,999,999,990,000,000"},
    {'d', "", 0.1, 0, 0, 0, "0"},
    {'d', "", NAN, 0, 0, 0, "NaN"},
    {'d', "", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "", 7.0, 0, 0, 0, "7"},
    {'d', "", 0.07, 0, 0, 0, "0"},
    {'d', "", 1.0005, 0, 0, 0, "1"},
    {'d', "", 1.23456789E-8, 0, 0, 0, "0"},
    {'d', "", 4.9E-324, 0, 0, 0, "0"},
    {'d', "", 1.7976931348623157E308, 0, 0, 0, "179,769,313,486,231,570,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000"},
    {'d', "", 0.045, 0, 0, 0, "0"},
    {'d', "", 9.995, 0, 0, 0, "10"},
    {'B', "", 0, 123456785LL, 0LL, 4, "12,346"}, /* 12345.6785 */
    {'B', "", 0, -50LL, -1LL, 4, "-0"}, /* -0.0050 */
    {'B', "", 0, 125LL, 0LL, 3, "0"}, /* 0.125 */
    {'B', "", 0, 135LL, 0LL, 3, "0"}, /* 0.135 */
    {'B', "", 0, 8446744073709551617LL, -1LL, 2, "-100,000,000,000,000,000"}, /* -99999999999999999.99 */
    {'B', "", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'B', "", 0, 15LL, 0LL, 1, "2"}, /* 1.5 */
    {'B', "", 0, 25LL, 0LL, 1, "2"}, /* 2.5 */
    {'B', "", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123,456,789,012,345,678,901,234,567,890"}, /* 123456789012345678901234567890.12345678 */
    {'L', "", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'L', "", 0, -9876543210LL, -1LL, 0, "-9,876,543,210"}, /* -9876543210 */
    {'L', "", 0, 7LL, 0LL, 0, "7"}, /* 7 */
    {'L', "", 0, 9223372036854775807LL, 0LL, 0, "9,223,372,036,854,775,807"}, /* 9223372036854775807 */
    {'d', "#,##0.00\xe2""\x80""\xb0""", 1234567.891, 0, 0, 0, "1,234,567,891.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 0.5, 0, 0, 0, "500.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 1.5, 0, 0, 0, "1,500.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 2.5, 0, 0, 0, "2,500.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", -0.001, 0, 0, 0, "-1.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 0.125, 0, 0, 0, "125.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 0.375, 0, 0, 0, "375.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 2.675, 0, 0, 0, "2,675.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 0.0, 0, 0, 0, "0.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", -0.0, 0, 0, 0, "-0.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", -1234.5, 0, 0, 0, "-1,234,500.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 1.0E20, 0, 0, 0, "99,999,999,999,999,990,000,000.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 9.999999999999999E22, 0, 0, 0, "99,999,999,999,999,990,000,000,000.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 0.1, 0, 0, 0, "100.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", NAN, 0, 0, 0, "NaN"},
    {'d', "#,##0.00\xe2""\x80""\xb0""", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e""\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 7.0, 0, 0, 0, "7,000.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 0.07, 0, 0, 0, "70.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 1.0005, 0, 0, 0, "1,000.50\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 1.23456789E-8, 0, 0, 0, "0.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 4.9E-324, 0, 0, 0, "0.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 1.7976931348623157E308, 0, 0, 0, "\xe2""\x88""\x9e""\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 0.045, 0, 0, 0, "45.00\xe2""\x80""\xb0"""},
    {'d', "#,##0.00\xe2""\x80""\xb0""", 9.995, 0, 0, 0, "9,995.00\xe2""\x80""\xb0"""},
    {'B', "#,##0.00\xe2""\x80""\xb0""", 0, 123456785LL, 0LL, 4, "12,345,678.50\xe2""\x80""\xb0"""}, /* 12345.6785 */
    {'B', "#,##0.00\xe2""\x80""\xb0""", 0, -50LL, -1LL, 4, "-5.00\xe2""\x80""\xb0"""}, /* -0.0050 */
    {'B', "#,##0.00\xe2""\x80""\xb0""", 0, 125LL, 0LL, 3, "125.00\xe2""\x80""\xb0"""}, /* 0.125 */
    {'B', "#,##0.00\xe2""\x80""\xb0""", 0, 135LL, 0LL, 3, "135.00\xe2""\x80""\xb0"""}, /* 0.135 */
    {'B', "#,##0.00\xe2""\x80""\xb0""", 0, 8446744073709551617LL, -1LL, 2, "-99,999,999,999,999,999,990.00\xe2""\x80""\xb0"""}, /* -99999999999999999.99 */
    {'B', "#,##0.00\xe2""\x80""\xb0""", 0, 0LL, 0LL, 0, "0.00\xe2""\x80""\xb0"""}, /* 0 */
    {'B', "#,##0.00\xe2""\x80""\xb0""", 0, 15LL, 0LL, 1, "1,500.00\xe2""\x80""\xb0"""}, /* 1.5 */
    {'B', "#,##0.00\xe2""\x80""\xb0""", 0, 25LL, 0LL, 1, "2,500.00\xe2""\x80""\xb0"""}, /* 2.5 */
    {'B', "#,##0.00\xe2""\x80""\xb0""", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123,456,789,012,345,678,901,234,567,890,123.46\xe2""\x80""\xb0"""}, /* 123456789012345678901234567890.12345678 */
    {'L', "#,##0.00\xe2""\x80""\xb0""", 0, 0LL, 0LL, 0, "0.00\xe2""\x80""\xb0"""}, /* 0 */
    {'L', "#,##0.00\xe2""\x80""\xb0""", 0, -9876543210LL, -1LL, 0, "-9,876,543,210,000.00\xe2""\x80""\xb0"""}, /* -9876543210 */
    {'L', "#,##0.00\xe2""\x80""\xb0""", 0, 7LL, 0LL, 0, "7,000.00\xe2""\x80""\xb0"""}, /* 7 */
    {'L', "#,##0.00\xe2""\x80""\xb0""", 0, 9223372036854775807LL, 0LL, 0, "9,223,372,036,854,775,807,000.00\xe2""\x80""\xb0"""}, /* 9223372036854775807 */
    {'d', "#,##0.00;(#,##0.00)", 1234567.891, 0, 0, 0, "1,234,567.89"},
    {'d', "#,##0.00;(#,##0.00)", 0.5, 0, 0, 0, "0.50"},
    {'d', "#,##0.00;(#,##0.00)", 1.5, 0, 0, 0, "1.50"},
    {'d', "#,##0.00;(#,##0.00)", 2.5, 0, 0, 0, "2.50"},
    {'d', "#,##0.00;(#,##0.00)", -0.001, 0, 0, 0, "(0.00)"},
    {'d', "#,##0.00;(#,##0.00)", 0.125, 0, 0, 0, "0.12"},
    {'d', "#,##0.00;(#,##0.00)", 0.375, 0, 0, 0, "0.38"},
    {'d', "#,##0.00;(#,##0.00)", 2.675, 0, 0, 0, "2.67"},
    {'d', "#,##0.00;(#,##0.00)", 0.0, 0, 0, 0, "0.00"},
    {'d', "#,##0.00;(#,##0.00)", -0.0, 0, 0, 0, "(0.00)"},
    {'d', "#,##0.00;(#,##0.00)", -1234.5, 0, 0, 0, "(1,234.50)"},
    {'d', "#,##0.00;(#,##0.00)", 1.0E20, 0, 0, 0, "100,000,000,000,000,000,000.00"},
    {'d', "#,##0.00;(#,##0.00)", 9.999999999999999E22, 0, 0, 0, "99,999,999,999,999,990,000,000.00"},
    {'d', "#,##0.00;(#,##0.00)", 0.1, 0, 0, 0, "0.10"},
    {'d', "#,##0.00;(#,##0.00)", NAN, 0, 0, 0, "NaN"},
    {'d', "#,##0.00;(#,##0.00)", -INFINITY, 0, 0, 0, "(\xe2""\x88""\x9e"")"},
    {'d', "#,##0.00;(#,##0.00)", 7.0, 0, 0, 0, "7.00"},
    {'d', "#,##0.00;(#,##0.00)", 0.07, 0, 0, 0, "0.07"},
    {'d', "#,##0.00;(#,##0.00)", 1.0005, 0, 0, 0, "1.00"},
    {'d', "#,##0.00;(#,##0.00)", 1.23456789E-8, 0, 0, 0, "0.00"},
    {'d', "#,##0.00;(#,##0.00)", 4.9E-324, 0, 0, 0, "0.00"},
    {'d', "#,##0.00;(#,##0.00)", 1.7976931348623157E308, 0, 0, 0, "179,769,313,486,231,570,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000.00"},
    {'d', "#,##0.00;(#,##0.00)", 0.045, 0, 0, 0, "0.04"},
    {'d', "#,##0.00;(#,##0.00)", 9.995, 0, 0, 0, "9.99"},
    {'B', "#,##0.00;(#,##0.00)", 0, 123456785LL, 0LL, 4, "12,345.68"}, /* 12345.6785 */
    {'B', "#,##0.00;(#,##0.00)", 0, -50LL, -1LL, 4, "(0.00)"}, /* -0.0050 */
    {'B', "#,##0.00;(#,##0.00)", 0, 125LL, 0LL, 3, "0.12"}, /* 0.125 */
    {'B', "#,##0.00;(#,##0.00)", 0, 135LL, 0LL, 3, "0.14"}, /* 0.135 */
    {'B', "#,##0.00;(#,##0.00)", 0, 8446744073709551617LL, -1LL, 2, "(99,999,999,999,999,999.99)"}, /* -99999999999999999.99 */
    {'B', "#,##0.00;(#,##0.00)", 0, 0LL, 0LL, 0, "0.00"}, /* 0 */
    {'B', "#,##0.00;(#,##0.00)", 0, 15LL, 0LL, 1, "1.50"}, /* 1.5 */
    {'B', "#,##0.00;(#,##0.00)", 0, 25LL, 0LL, 1, "2.50"}, /* 2.5 */
    {'B', "#,##0.00;(#,##0.00)", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123,456,789,012,345,678,901,234,567,890.12"}, /* 123456789012345678901234567890.12345678 */
    {'L', "#,##0.00;(#,##0.00)", 0, 0LL, 0LL, 0, "0.00"}, /* 0 */
    {'L', "#,##0.00;(#,##0.00)", 0, -9876543210LL, -1LL, 0, "(9,876,543,210.00)"}, /* -9876543210 */
    {'L', "#,##0.00;(#,##0.00)", 0, 7LL, 0LL, 0, "7.00"}, /* 7 */
    {'L', "#,##0.00;(#,##0.00)", 0, 9223372036854775807LL, 0LL, 0, "9,223,372,036,854,775,807.00"}, /* 9223372036854775807 */
    {'d', "o''clock #", 1234567.891, 0, 0, 0, "o'clock 1234568"},
    {'d', "o''clock #", 0.5, 0, 0, 0, "o'clock 0"},
    {'d', "o''clock #", 1.5, 0, 0, 0, "o'clock 2"},
    {'d', "o''clock #", 2.5, 0, 0, 0, "o'clock 2"},
    {'d', "o''clock #", -0.001, 0, 0, 0, "-o'clock 0"},
    {'d', "o''clock #", 0.125, 0, 0, 0, "o'clock 0"},
    {'d', "o''clock #", 0.375, 0, 0, 0, "o'clock 0"},
    {'d', "o''clock #", 2.675, 0, 0, 0, "o'clock 3"},
    {'d', "o''clock #", 0.0, 0, 0, 0, "o'clock 0"},
    {'d', "o''clock #", -0.0, 0, 0, 0, "-o'clock 0"},
    {'d', "o''clock #", -1234.5, 0, 0, 0, "-o'clock 1234"},
    {'d', "o''clock #", 1.0E20, 0, 0, 0, "o'clock 100000000000000000000"},
    {'d', "o''clock #", 9.999999999999999E22, 0, 0, 0, "o'clock 99999999999999990000000"},
    {'d', "o''clock #", 0.1, 0, 0, 0, "o'clock 0"},
    {'d', "o''clock #", NAN, 0, 0, 0, "NaN"},
    {'d', "o''clock #", -INFINITY, 0, 0, 0, "-o'clock \xe2""\x88""\x9e"""},
    {'d', "o''clock #", 7.0, 0, 0, 0, "o'clock 7"},
    {'d', "o''clock #", 0.07, 0, 0, 0, "o'clock 0"},
    {'d', "o''clock #", 1.0005, 0, 0, 0, "o'clock 1"},
    {'d', "o''clock #", 1.23456789E-8, 0, 0, 0, "o'clock 0"},
    {'d', "o''clock #", 4.9E-324, 0, 0, 0, "o'clock 0"},
    {'d', "o''clock #", 1.7976931348623157E308, 0, 0, 0, "o'clock 179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
    {'d', "o''clock #", 0.045, 0, 0, 0, "o'clock 0"},
    {'d', "o''clock #", 9.995, 0, 0, 0, "o'clock 10"},
    {'B', "o''clock #", 0, 123456785LL, 0LL, 4, "o'clock 12346"}, /* 12345.6785 */
    {'B', "o''clock #", 0, -50LL, -1LL, 4, "-o'clock 0"}, /* -0.0050 */
    {'B', "o''clock #", 0, 125LL, 0LL, 3, "o'clock 0"}, /* 0.125 */
    {'B', "o''clock #", 0, 135LL, 0LL, 3, "o'clock 0"}, /* 0.135 */
    {'B', "o''clock #", 0, 8446744073709551617LL, -1LL, 2, "-o'clock 100000000000000000"}, /* -99999999999999999.99 */
    {'B', "o''clock #", 0, 0LL, 0LL, 0, "o'clock 0"}, /* 0 */
    {'B', "o''clock #", 0, 15LL, 0LL, 1, "o'clock 2"}, /* 1.5 */
    {'B', "o''clock #", 0, 25LL, 0LL, 1, "o'clock 2"}, /* 2.5 */
    {'B', "o''clock #", 0, -4302749291975740594LL, 669260594276348691LL, 8, "o'clock 123456789012345678901234567890"}, /* 123456789012345678901234567890.12345678 */
    {'L', "o''clock #", 0, 0LL, 0LL, 0, "o'clock 0"}, /* 0 */
    {'L', "o''clock #", 0, -9876543210LL, -1LL, 0, "-o'clock 9876543210"}, /* -9876543210 */
    {'L', "o''clock #", 0, 7LL, 0LL, 0, "o'clock 7"}, /* 7 */
    {'L', "o''clock #", 0, 9223372036854775807LL, 0LL, 0, "o'clock 9223372036854775807"}, /* 9223372036854775807 */
    {'d', "#,##0.###", 1234567.891, 0, 0, 0, "1,234,567.891"},
    {'d', "#,##0.###", 0.5, 0, 0, 0, "0.5"},
    {'d', "#,##0.###", 1.5, 0, 0, 0, "1.5"},
    {'d', "#,##0.###", 2.5, 0, 0, 0, "2.5"},
    {'d', "#,##0.###", -0.001, 0, 0, 0, "-0.001"},
    {'d', "#,##0.###", 0.125, 0, 0, 0, "0.125"},
    {'d', "#,##0.###", 0.375, 0, 0, 0, "0.375"},
    {'d', "#,##0.###", 2.675, 0, 0, 0, "2.675"},
    {'d', "#,##0.###", 0.0, 0, 0, 0, "0"},
    {'d', "#,##0.###", -0.0, 0, 0, 0, "-0"},
    {'d', "#,##0.###", -1234.5, 0, 0, 0, "-1,234.5"},
    {'d', "#,##0.###", 1.0E20, 0, 0, 0, "100,000,000,000,000,000,000"},
    {'d', "#,##0.###", 9.999999999999999E22, 0, 0, 0, "99,999,999,999,999,990,000,000"},
    {'d', "#,##0.###", 0.1, 0, 0, 0, "0.1"},
    {'d', "#,##0.###", NAN, 0, 0, 0, "NaN"},
    {'d', "#,##0.###", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "#,##0.###", 7.0, 0, 0, 0, "7"},
    {'d', "#,##0.###", 0.07, 0, 0, 0, "0.07"},
    {'d', "#,##0.###", 1.0005, 0, 0, 0, "1"},
    {'d', "#,##0.###", 1.23456789E-8, 0, 0, 0, "0"},
    {'d', "#,##0.###", 4.9E-324, 0, 0, 0, "0"},
    {'d', "#,##0.###", 1.7976931348623157E308, 0, 0, 0, "179,769,313,486,231,570,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000"},
    {'d', "#,##0.###", 0.045, 0, 0, 0, "0.045"},
    {'d', "#,##0.###", 9.995, 0, 0, 0, "9.995"},
    {'B', "#,##0.###", 0, 123456785LL, 0LL, 4, "12,345.678"}, /* 12345.6785 */
    {'B', "#,##0.###", 0, -50LL, -1LL, 4, "-0.005"}, /* -0.0050 */
    {'B', "#,##0.###", 0, 125LL, 0LL, 3, "0.125"}, /* 0.125 */
    {'B', "#,##0.###", 0, 135LL, 0LL, 3, "0.135"}, /* 0.135 */
    {'B', "#,##0.###", 0, 8446744073709551617LL, -1LL, 2, "-99,999,999,999,999,999.99"}, /* -99999999999999999.99 */
    {'B', "#,##0.###", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'B', "#,##0.###", 0, 15LL, 0LL, 1, "1.5"}, /* 1.5 */
    {'B', "#,##0.###", 0, 25LL, 0LL, 1, "2.5"}, /* 2.5 */
    {'B', "#,##0.###", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123,456,789,012,345,678,901,234,567,890.123"}, /* 123456789012345678901234567890.12345678 */
    {'L', "#,##0.###", 0, 0LL, 0LL, 0, "0"}, /* 0 */
    {'L', "#,##0.###", 0, -9876543210LL, -1LL, 0, "-9,876,543,210"}, /* -9876543210 */
    {'L', "#,##0.###", 0, 7LL, 0LL, 0, "7"}, /* 7 */
    {'L', "#,##0.###", 0, 9223372036854775807LL, 0LL, 0, "9,223,372,036,854,775,807"}, /* 9223372036854775807 */
    {'d', "0.00000000000000000000", 1234567.891, 0, 0, 0, "1234567.89100000000000000000"},
    {'d', "0.00000000000000000000", 0.5, 0, 0, 0, "0.50000000000000000000"},
    {'d', "0.00000000000000000000", 1.5, 0, 0, 0, "1.50000000000000000000"},
    {'d', "0.00000000000000000000", 2.5, 0, 0, 0, "2.50000000000000000000"},
    {'d', "0.00000000000000000000", -0.001, 0, 0, 0, "-0.00100000000000000000"},
    {'d', "0.00000000000000000000", 0.125, 0, 0, 0, "0.12500000000000000000"},
    {'d', "0.00000000000000000000", 0.375, 0, 0, 0, "0.37500000000000000000"},
    {'d', "0.00000000000000000000", 2.675, 0, 0, 0, "2.67500000000000000000"},
    {'d', "0.00000000000000000000", 0.0, 0, 0, 0, "0.00000000000000000000"},
    {'d', "0.00000000000000000000", -0.0, 0, 0, 0, "-0.00000000000000000000"},
    {'d', "0.00000000000000000000", -1234.5, 0, 0, 0, "-1234.50000000000000000000"},
    {'d', "0.00000000000000000000", 1.0E20, 0, 0, 0, "100000000000000000000.00000000000000000000"},
    {'d', "0.00000000000000000000", 9.999999999999999E22, 0, 0, 0, "99999999999999990000000.00000000000000000000"},
    {'d', "0.00000000000000000000", 0.1, 0, 0, 0, "0.10000000000000000000"},
    {'d', "0.00000000000000000000", NAN, 0, 0, 0, "NaN"},
    {'d', "0.00000000000000000000", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "0.00000000000000000000", 7.0, 0, 0, 0, "7.00000000000000000000"},
    {'d', "0.00000000000000000000", 0.07, 0, 0, 0, "0.07000000000000000000"},
    {'d', "0.00000000000000000000", 1.0005, 0, 0, 0, "1.00050000000000000000"},
    {'d', "0.00000000000000000000", 1.23456789E-8, 0, 0, 0, "0.00000001234567890000"},
    {'d', "0.00000000000000000000", 4.9E-324, 0, 0, 0, "0.00000000000000000000"},
    {'d', "0.00000000000000000000", 1.7976931348623157E308, 0, 0, 0, "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.00000000000000000000"},
    {'d', "0.00000000000000000000", 0.045, 0, 0, 0, "0.04500000000000000000"},
    {'d', "0.00000000000000000000", 9.995, 0, 0, 0, "9.99500000000000000000"},
    {'B', "0.00000000000000000000", 0, 123456785LL, 0LL, 4, "12345.67850000000000000000"}, /* 12345.6785 */
    {'B', "0.00000000000000000000", 0, -50LL, -1LL, 4, "-0.00500000000000000000"}, /* -0.0050 */
    {'B', "0.00000000000000000000", 0, 125LL, 0LL, 3, "0.12500000000000000000"}, /* 0.125 */
    {'B', "0.00000000000000000000", 0, 135LL, 0LL, 3, "0.13500000000000000000"}, /* 0.135 */
    {'B', "0.00000000000000000000", 0, 8446744073709551617LL, -1LL, 2, "-99999999999999999.99000000000000000000"}, /* -99999999999999999.99 */
    {'B', "0.00000000000000000000", 0, 0LL, 0LL, 0, "0.00000000000000000000"}, /* 0 */
    {'B', "0.00000000000000000000", 0, 15LL, 0LL, 1, "1.50000000000000000000"}, /* 1.5 */
    {'B', "0.00000000000000000000", 0, 25LL, 0LL, 1, "2.50000000000000000000"}, /* 2.5 */
    {'B', "0.00000000000000000000", 0, -4302749291975740594LL, 669260594276348691LL, 8, "123456789012345678901234567890.12345678000000000000"}, /* 123456789012345678901234567890.12345678 */
    {'L', "0.00000000000000000000", 0, 0LL, 0LL, 0, "0.00000000000000000000"}, /* 0 */
    {'L', "0.00000000000000000000", 0, -9876543210LL, -1LL, 0, "-9876543210.00000000000000000000"}, /* -9876543210 */
    {'L', "0.00000000000000000000", 0, 7LL, 0LL, 0, "7.00000000000000000000"}, /* 7 */
    {'L', "0.00000000000000000000", 0, 9223372036854775807LL, 0LL, 0, "9223372036854775807.00000000000000000000"}, /* 9223372036854775807 */
    {'d', "##,#0.0", 1234567.891, 0, 0, 0, "1,23,45,67.9"},
    {'d', "##,#0.0", 0.5, 0, 0, 0, "0.5"},
    {'d', "##,#0.0", 1.5, 0, 0, 0, "1.5"},
    {'d', "##,#0.0", 2.5, 0, 0, 0, "2.5"},
    {'d', "##,#0.0", -0.001, 0, 0, 0, "-0.0"},
    {'d', "##,#0.0", 0.125, 0, 0, 0, "0.1"},
    {'d', "##,#0.0", 0.375, 0, 0, 0, "0.4"},
    {'d', "##,#0.0", 2.675, 0, 0, 0, "2.7"},
    {'d', "##,#0.0", 0.0, 0, 0, 0, "0.0"},
    {'d', "##,#0.0", -0.0, 0, 0, 0, "-0.0"},
    {'d', "##,#0.0", -1234.5, 0, 0, 0, "-12,34.5"},
    {'d', "##,#0.0", 1.0E20, 0, 0, 0, "1,00,00,00,00,00,00,00,00,00,00.0"},
    {'d', "##,#0.0", 9.999999999999999E22, 0, 0, 0, "9,99,99,99,99,99,99,99,90,00,00,00.0"},
    {'d', "##,#0.0", 0.1, 0, 0, 0, "0.1"},
    {'d', "##,#0.0", NAN, 0, 0, 0, "NaN"},
    {'d', "##,#0.0", -INFINITY, 0, 0, 0, "-\xe2""\x88""\x9e"""},
    {'d', "##,#0.0", 7.0, 0, 0, 0, "7.0"},
    {'d', "##,#0.0", 0.07, 0, 0, 0, "0.1"},
    {'d', "##,#0.0", 1.0005, 0, 0, 0, "1.0"},
    {'d', "##,#0.0", 1.23456789E-8, 0, 0, 0, "0.0"},
    {'d', "##,#0.0", 4.9E-324, 0, 0, 0, "0.0"},
    {'d', "##,#0.0", 1.7976931348623157E308, 0, 0, 0, "1,79,76,93,13,48,62,31,57,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00.0"},
    {'d', "##,#0.0", 0.045, 0, 0, 0, "0.0"},
    {'d', "##,#0.0", 9.995, 0, 0, 0, "10.0"},
    {'B', "##,#0.0", 0, 123456785LL, 0LL, 4, "1,23,45.7"}, /* 12345.6785 */
    {'B', "##,#0.0", 0, -50LL, -1LL, 4, "-0.0"}, /* -0.0050 */
    {'B', "##,#0.0", 0, 125LL, 0LL, 3, "0.1"}, /* 0.125 */
    {'B', "##,#0.0", 0, 135LL, 0LL, 3, "0.1"}, /* 0.135 */
    {'B', "##,#0.0", 0, 8446744073709551617LL, -1LL, 2, "-10,00,00,00,00,00,00,00,00.0"}, /* -99999999999999999.99 */
    {'B', "##,#0.0", 0, 0LL, 0LL, 0, "0.0"}, /* 0 */
    {'B', "##,#0.0", 0, 15LL, 0LL, 1, "1.5"}, /* 1.5 */
    {'B', "##,#0.0", 0, 25LL, 0LL, 1, "2.5"}, /* 2.5 */
    {'B', "##,#0.0", 0, -4302749291975740594LL, 669260594276348691LL, 8, "12,34,56,78,90,12,34,56,78,90,12,34,56,78,90.1"}, /* 123456789012345678901234567890.12345678 */
    {'L', "##,#0.0", 0, 0LL, 0LL, 0, "0.0"}, /* 0 */
    {'L', "##,#0.0", 0, -9876543210LL, -1LL, 0, "-98,76,54,32,10.0"}, /* -9876543210 */
    {'L', "##,#0.0", 0, 7LL, 0LL, 0, "7.0"}, /* 7 */
    {'L', "##,#0.0", 0, 9223372036854775807LL, 0LL, 0, "9,22,33,72,03,68,54,77,58,07.0"}, /* 9223372036854775807 */
};

/* Patterns DecimalFormat refuses (its IllegalArgumentException message), or that it takes but
   cm_decfmt does not support ("": a reason in lower case is expected). */
static const struct {
    const char *pat;
    const char *java;
} java_bad_patterns[] = {
    {"#,##0.00E0", ""},
    {"0.#0", "Unexpected '0' in pattern \x22""0.#0\x22"""},
    {"#.##.#", "Multiple decimal separators in pattern \x22""#.##.#\x22"""},
    {"#,", "Malformed pattern \x22""#,\x22"""},
    {"\xc2""\xa4""#,##0.00", ""},
    {"'abc", "Malformed pattern \x22""'abc\x22"""},
    {"%#%", "Too many percent/per mille characters in pattern \x22""%#%\x22"""},
    {"0#", "Malformed pattern \x22""0#\x22"""},
};

START_TEST(test_format_number_pattern)
{
    for (size_t i = 0; i < sizeof java_decfmt / sizeof *java_decfmt; i++) {
        const char *o = NULL;
        uint32_t n = 0;
        const char *pat = java_decfmt[i].pat;
        int rc = java_decfmt[i].kind == 'd'
                     ? srt_format_number_pat_f64(q, java_decfmt[i].d, pat, (uint32_t)strlen(pat), &o, &n)
                     : srt_format_number_pat_dec(q, java_decfmt[i].lo, java_decfmt[i].hi, java_decfmt[i].s, pat,
                                                 (uint32_t)strlen(pat), &o, &n);
        ck_assert_int_eq(rc, 0);
        ck_assert_msg(n == strlen(java_decfmt[i].want) && memcmp(o, java_decfmt[i].want, n) == 0,
                      "row %zu: '%s' of %c %.17g / %lld:%lld@%d: got %.*s, want %s", i, pat, java_decfmt[i].kind,
                      java_decfmt[i].d, (long long)java_decfmt[i].hi, (long long)java_decfmt[i].lo, java_decfmt[i].s,
                      (int)n, o, java_decfmt[i].want);
    }
    for (size_t i = 0; i < sizeof java_bad_patterns / sizeof *java_bad_patterns; i++) {
        CmDecFmt f;
        char why[200];
        const char *e = cm_decfmt_parse(java_bad_patterns[i].pat, strlen(java_bad_patterns[i].pat), &f, why, sizeof why);
        ck_assert_ptr_nonnull(e);
        if (java_bad_patterns[i].java[0]) {
            char want[240];
            snprintf(want, sizeof want, "java.lang.IllegalArgumentException: %s", java_bad_patterns[i].java);
            ck_assert_str_eq(e, want);
        } else
            ck_assert_msg(e[0] >= 'a' && e[0] <= 'z' && strstr(e, "not supported"), "%s", e);
    }
    const char *o;
    uint32_t n;
    ck_assert_int_eq(srt_format_number_pat_f64(q, 1.0, "0.#0", 4, &o, &n), -1); /* fails the query */
}
END_TEST

Suite *rt_strfn_suite(void)
{
    Suite *s = suite_create("rt_strfn");
    TCase *t = tcase_create("strings");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, test_concat_ws);
    tcase_add_test(t, test_substring_index);
    tcase_add_test(t, test_pad);
    tcase_add_test(t, test_pad_too_long);
    tcase_add_test(t, test_repeat_reverse);
    tcase_add_test(t, test_locate);
    tcase_add_test(t, test_initcap);
    tcase_add_test(t, test_translate_replace);
    tcase_add_test(t, test_chr_ascii);
    tcase_add_test(t, test_has);
    tcase_add_test(t, test_trim_chars);
    tcase_add_test(t, test_split_part);
    suite_add_tcase(s, t);
    t = tcase_create("digests");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, test_digests);
    tcase_add_test(t, test_base64);
    tcase_add_loop_test(t, test_unbase64_invalid, 0, 5);
    tcase_add_test(t, test_hex);
    suite_add_tcase(s, t);
    t = tcase_create("dates");
    tcase_add_test(t, test_str_date);
    tcase_add_test(t, test_trunc);
    suite_add_tcase(s, t);
    t = tcase_create("json");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, test_get_json_object);
    tcase_add_test(t, test_get_json_object_depth);
    suite_add_tcase(s, t);
    t = tcase_create("arrays");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, join);
    tcase_add_test(t, sort);
    tcase_add_test(t, distinct);
    tcase_add_test(t, test_sequence);
    suite_add_tcase(s, t);
    t = tcase_create("more");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, test_conv);
    tcase_add_test(t, test_bin);
    tcase_add_test(t, test_levenshtein);
    tcase_add_test(t, test_soundex_find_in_set);
    tcase_add_test(t, test_width_bucket);
    tcase_add_test(t, test_encode_decode);
    tcase_add_test(t, test_format_number);
    tcase_add_test(t, test_next_day_make_timestamp);
    tcase_add_test(t, test_format_string);
    tcase_add_test(t, test_format_string_floats);
    tcase_add_test(t, test_format_string_float_group);
    tcase_add_test(t, test_format_number_pattern);
    suite_add_tcase(s, t);
    return s;
}
