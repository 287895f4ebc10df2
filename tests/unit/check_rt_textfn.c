/* check_rt_textfn.c - translate, replace, chr, ascii, contains/startswith/endswith, btrim,
** split_part (srt_strfn.c) and md5, sha1, sha2, crc32, base64, unbase64, hex, unhex
** (srt_digest.c) as the runtime computes them: Spark 3.5's results, the digests checked
** against python3's hashlib and zlib.
*/
#include <check.h>
#include <stdio.h>
#include <string.h>

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

static void eq(const char *got, uint32_t n, const char *want, uint32_t want_n, const char *what)
{
    ck_assert_msg(n == want_n && memcmp(got, want, n) == 0, "%s: got '%.*s' (%u bytes), want '%s'",
                  what, (int)n, got, n, want);
}
#define EQ(got, n, want, what) eq(got, n, want, (uint32_t)strlen(want), what)

START_TEST(test_translate)
{
    const char *o;
    uint32_t n;
    srt_str_translate(q, S("Hello, w\xc3\xb6rld"), S("lo\xc3\xb6"), S("L0"), &o, &n);
    EQ(o, n, "HeLL0, wrLd", "the third code point is past the end of to: deleted");
    srt_str_translate(q, S("aaa"), S("aa"), S("xy"), &o, &n);
    EQ(o, n, "xxx", "the first mapping of a repeated code point wins");
    srt_str_translate(q, S("a\xf0\x9d\x84\x9e" "b"), S("\xf0\x9d\x84\x9e"), S("\xc3\xa9"), &o, &n);
    EQ(o, n, "a\xc3\xa9" "b", "a 4-byte code point maps to a 2-byte one");
    srt_str_translate(q, S("abc"), S(""), S("xyz"), &o, &n);
    EQ(o, n, "abc", "nothing to translate");
    srt_str_translate(q, S("abc"), S("b"), "\0", 1, &o, &n);
    EQ(o, n, "ac", "a code point mapped to U+0000 is deleted");
    srt_str_translate(q, S(""), S("a"), S("b"), &o, &n);
    EQ(o, n, "", "empty input");
}
END_TEST

START_TEST(test_replace)
{
    const char *o;
    uint32_t n;
    srt_str_replace(q, S("aaaa"), S("aa"), S("b"), &o, &n);
    EQ(o, n, "bb", "left to right, no overlap");
    srt_str_replace(q, S("abc"), S(""), S("x"), &o, &n);
    EQ(o, n, "abc", "an empty search changes nothing");
    srt_str_replace(q, S(""), S("a"), S("x"), &o, &n);
    EQ(o, n, "", "an empty string");
    srt_str_replace(q, S("a.b.c"), S("."), S(""), &o, &n);
    EQ(o, n, "abc", "an empty replacement deletes");
    srt_str_replace(q, S("x\xc3\xa9y"), S("\xc3\xa9"), S("\xf0\x9d\x84\x9e"), &o, &n);
    EQ(o, n, "x\xf0\x9d\x84\x9ey", "multi-byte search and replacement");
    ck_assert(!q->failed);
}
END_TEST

START_TEST(test_chr_ascii)
{
    const char *o;
    uint32_t n;
    srt_str_chr(q, 65, &o, &n);
    EQ(o, n, "A", "chr(65)");
    srt_str_chr(q, 321, &o, &n);
    EQ(o, n, "A", "chr(321): 321 & 255 is 65");
    srt_str_chr(q, -1, &o, &n);
    EQ(o, n, "", "a negative code is ''");
    srt_str_chr(q, 256, &o, &n);
    eq(o, n, "\0", 1, "chr(256) is U+0000");
    srt_str_chr(q, 233, &o, &n);
    EQ(o, n, "\xc3\xa9", "chr(233) is the Latin-1 character é, two UTF-8 bytes");
    srt_str_chr(q, INT64_MIN, &o, &n);
    EQ(o, n, "", "Long.MinValue is negative");
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
    EQ(o, n, "axb", "both ends");
    srt_str_trim_chars(S("\xc3\xa9" "a\xc3\xa9"), S("\xc3\xa9"), SRT_TRIM_BOTH, &o, &n);
    EQ(o, n, "a", "a multi-byte trim character");
    srt_str_trim_chars(S("abc"), S(""), SRT_TRIM_BOTH, &o, &n);
    EQ(o, n, "abc", "no trim characters");
    srt_str_trim_chars(S("xyx"), S("yx"), SRT_TRIM_BOTH, &o, &n);
    EQ(o, n, "", "everything trimmed");
    srt_str_trim_chars(S("xax"), S("x"), SRT_TRIM_LEFT, &o, &n);
    EQ(o, n, "ax", "left only");
    srt_str_trim_chars(S("xax"), S("x"), SRT_TRIM_RIGHT, &o, &n);
    EQ(o, n, "xa", "right only");
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
        EQ(o, n, cases[k].want, cases[k].s);
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
    EQ(o, n, "d41d8cd98f00b204e9800998ecf8427e", "md5('')");
    srt_md5(q, S("Spark"), &o, &n);
    EQ(o, n, "8cde774d6f7333752ed72cacddb05126", "md5('Spark')");
    srt_sha1(q, S("abc"), &o, &n);
    EQ(o, n, "a9993e364706816aba3e25717850c26c9cd0d89d", "sha1('abc')");
    ck_assert_int_eq(srt_sha2(q, S("abc"), 224, &o, &n), 0);
    EQ(o, n, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7", "sha224");
    ck_assert_int_eq(srt_sha2(q, S("abc"), 0, &o, &n), 0);
    EQ(o, n, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "0 is 256");
    ck_assert_int_eq(srt_sha2(q, S("abc"), 384, &o, &n), 0);
    ck_assert_uint_eq(n, 96);
    ck_assert_int_eq(srt_sha2(q, S("abc"), 512, &o, &n), 0);
    EQ(o, n,
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
        EQ(o, n, enc[k][1], enc[k][0]);
        ck_assert_int_eq(srt_unbase64(q, S(enc[k][1]), &o, &n), 0);
        EQ(o, n, enc[k][0], enc[k][1]);
    }
    char big[100];
    memset(big, 'a', sizeof big);
    srt_base64(q, big, sizeof big, &o, &n);
    ck_assert_uint_eq(n, 136); /* no line breaks after 76 characters */
    ck_assert_ptr_null(memchr(o, '\n', n));
    /* the MIME decoder skips what is not in the alphabet, and a missing padding is fine */
    ck_assert_int_eq(srt_unbase64(q, S("Zm9v\r\nYg"), &o, &n), 0);
    EQ(o, n, "foob", "line breaks and no padding");
    ck_assert_int_eq(srt_unbase64(q, S("Z m 9 v ! \xc3\xa9"), &o, &n), 0);
    EQ(o, n, "foo", "spaces, '!' and a non-ASCII character are skipped");
    ck_assert_int_eq(srt_unbase64(q, S("Zg==  "), &o, &n), 0);
    EQ(o, n, "f", "skipped characters after the padding");
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
    srt_hex_long(q, 255, &o, &n);
    EQ(o, n, "FF", "hex(255)");
    srt_hex_long(q, 0, &o, &n);
    EQ(o, n, "0", "hex(0)");
    srt_hex_long(q, -1, &o, &n);
    EQ(o, n, "FFFFFFFFFFFFFFFF", "two's complement");
    srt_hex_long(q, INT64_MIN, &o, &n);
    EQ(o, n, "8000000000000000", "Long.MinValue");
    srt_hex_bytes(q, S("Spark\xc3\xa9"), &o, &n);
    EQ(o, n, "537061726BC3A9", "the bytes");
    ck_assert_int_eq(srt_unhex(q, S("537061726B"), &o, &n), 0);
    EQ(o, n, "Spark", "unhex");
    ck_assert_int_eq(srt_unhex(q, S("fFf"), &o, &n), 0);
    eq(o, n, "\x0f\xff", 2, "an odd first digit alone, either case");
    ck_assert_int_eq(srt_unhex(q, S(""), &o, &n), 0);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(srt_unhex(q, S("0g"), &o, &n), -1);
    ck_assert_int_eq(srt_unhex(q, S("g"), &o, &n), -1);
    ck_assert_int_eq(srt_unhex(q, S("\xc3\xa9"), &o, &n), -1);
    ck_assert(!q->failed);
}
END_TEST

Suite *rt_textfn_suite(void)
{
    Suite *s = suite_create("rt_textfn");
    TCase *t = tcase_create("strings");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, test_translate);
    tcase_add_test(t, test_replace);
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
    return s;
}
