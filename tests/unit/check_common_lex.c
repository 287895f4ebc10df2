/* check_common_lex.c - the JSON and CSV lexing rules schema inference and the readers share
** (common/cm_json_lex.h, common/cm_csv_lex.h): number tokens and the type Spark infers for
** them, CSV fields, unquoting, Java doubles and BigDecimal's scale-0 numbers.
*/
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_csv_lex.h"
#include "common/cm_csv_ml.h"
#include "common/cm_files.h"
#include "common/cm_json_lex.h"
#include "common/cm_json_opts.h"

/* A JSON number token: its length (-1: not one) and the type JsonInferSchema gives it. */
START_TEST(test_json_number)
{
    static const struct {
        const char *s;
        int len;           /* of the token; -1 malformed */
        CmJsonNumType type;
        int prec;
    } cases[] = {
        {"0", 1, CM_JNUM_BIGINT, 0},
        {"-0", 2, CM_JNUM_BIGINT, 0},
        {"42,", 2, CM_JNUM_BIGINT, 0},
        {"9223372036854775807}", 19, CM_JNUM_BIGINT, 0},
        {"-9223372036854775808]", 20, CM_JNUM_BIGINT, 0},
        {"9223372036854775808", 19, CM_JNUM_DECIMAL, 19},
        {"-9223372036854775809", 20, CM_JNUM_DECIMAL, 19},
        {"123456789012345678901", 21, CM_JNUM_DECIMAL, 21},
        {"99999999999999999999999999999999999999", 38, CM_JNUM_DECIMAL, 38},
        {"100000000000000000000000000000000000000", 39, CM_JNUM_DOUBLE, 0},
        {"1.5", 3, CM_JNUM_DOUBLE, 0},
        {"1e3 ", 3, CM_JNUM_DOUBLE, 0},
        {"-1.0E-2\t", 7, CM_JNUM_DOUBLE, 0},
        {"01", -1, CM_JNUM_BIGINT, 0},
        {"1.", -1, CM_JNUM_BIGINT, 0},
        {".5", -1, CM_JNUM_BIGINT, 0},
        {"1e", -1, CM_JNUM_BIGINT, 0},
        {"-", -1, CM_JNUM_BIGINT, 0},
        {"+1", -1, CM_JNUM_BIGINT, 0},
        {"12a", -1, CM_JNUM_BIGINT, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].s, *end = s + strlen(s);
        CmJsonNum num;
        const char *q = cm_json_number(s, end, &num);
        if (cases[i].len < 0) {
            ck_assert_msg(q == NULL, "'%s' is no number", s);
            continue;
        }
        ck_assert_msg(q == s + cases[i].len, "'%s': token of %d bytes", s, cases[i].len);
        int prec = 0;
        ck_assert_msg(cm_json_num_type(&num, &prec) == cases[i].type && prec == cases[i].prec,
                      "'%s': type", s);
    }
}
END_TEST

/* The eight-digits-at-a-time path: every length from 1 to 30 digits, a non-digit at every
   position of the first 24 bytes, against the digit-by-digit value of the first 19 digits. */
START_TEST(test_json_number_digits)
{
    char buf[64];
    for (int len = 1; len <= 30; len++) {
        for (int k = 0; k < len; k++)
            buf[k] = (char)('1' + (k * 7 + len) % 9);
        buf[len] = ',';
        buf[len + 1] = '\0';
        uint64_t want = 0;
        for (int k = 0; k < len && k < 19; k++)
            want = want * 10 + (uint64_t)(buf[k] - '0');
        CmJsonNum num;
        const char *q = cm_json_number(buf, buf + len + 1, &num);
        ck_assert_msg(q == buf + len, "%d digits: token end", len);
        ck_assert_msg(num.digits == len && num.mag == want, "%d digits: %llu, not %llu", len,
                      (unsigned long long)num.mag, (unsigned long long)want);
    }
    static const char bad[] = {'a', '.', 'e', ':', '/', ' ', '\x80', '-'};
    for (int at = 1; at < 24; at++)
        for (size_t b = 0; b < sizeof bad; b++) {
            memset(buf, '7', 24);
            buf[at] = bad[b];
            CmJsonNum num;
            const char *q = cm_json_number(buf, buf + 24, &num);
            int ok = bad[b] == ' ' || ((bad[b] == '.' || bad[b] == 'e') && at < 23);
            ck_assert_msg((q != NULL) == ok, "'%c' at %d", bad[b], at);
            if (q) {
                uint64_t want = 0;
                for (int k = 0; k < at && k < 19; k++)
                    want = want * 10 + 7;
                ck_assert_msg(num.digits == at && num.mag == want, "'%c' at %d: value", bad[b], at);
            }
        }
}
END_TEST

START_TEST(test_json_nonnum)
{
    static const char *const ok[] = {"NaN", "Infinity", "+Infinity", "+INF", "-Infinity", "-INF"};
    static const int signs[] = {0, 1, 1, 1, -1, -1};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int sign = 7;
        const char *end = ok[i] + strlen(ok[i]);
        ck_assert_ptr_eq(cm_json_nonnum(ok[i], end, &sign), end);
        ck_assert_int_eq(sign, signs[i]);
    }
    static const char *const bad[] = {"nan", "INF", "Inf", "-NaN", "NaNx", "Infinit"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int sign;
        ck_assert_msg(!cm_json_nonnum(bad[i], bad[i] + strlen(bad[i]), &sign), "'%s'", bad[i]);
    }
}
END_TEST

/* The closing quote byte by byte, as cm_json_string_end finds it eight bytes at a time. */
static const char *string_end_bytewise(const char *p, const char *end, char quote, bool *has_esc)
{
    *has_esc = false;
    while (p < end && *p != quote) {
        if ((unsigned char)*p < 0x20)
            return NULL;
        if (*p == '\\') {
            *has_esc = true;
            if (!(p = cm_json_escape(p, end)))
                return NULL;
        } else {
            p++;
        }
    }
    return p < end ? p : NULL;
}

/* A quote, a backslash, a control character or a byte above 0x7F at every offset of a word. */
START_TEST(test_json_string_end)
{
    static const char specials[] = {'"', '\'', '\\', '\x1f', '\x01', ' ', '\x7f', '\x80', '\xff'};
    for (size_t k = 0; k < sizeof specials; k++)
        for (int at = 0; at < 20; at++)
            for (int len = 0; len < 24; len++)
                for (int q = 0; q < 2; q++) {
                    char buf[32], quote = q ? '\'' : '"';
                    memset(buf, 'n', sizeof buf); /* "\n" is an escape */
                    buf[len] = quote;
                    buf[at] = specials[k];
                    const char *end = buf + len + 1 + (at % 3);
                    bool want_esc, esc;
                    const char *want = string_end_bytewise(buf, end, quote, &want_esc);
                    const char *got = cm_json_string_end(buf, end, quote, &esc);
                    ck_assert_msg(got == want, "special %zu at %d, quote at %d", k, at, len);
                    ck_assert(!got || esc == want_esc);
                }
}
END_TEST

/* Escapes as Jackson accepts them, decoded as Spark keeps the text. */
START_TEST(test_json_strings)
{
    static const struct {
        const char *raw, *text; /* text NULL: a bad escape */
    } cases[] = {
        {"a\\nb\\t\\\"c\\\\\\/\\'", "a\nb\t\"c\\/'"},
        {"caf\\u00e9 \\u20AC", "caf\xc3\xa9 \xe2\x82\xac"},
        {"\\ud83d\\ude00!", "\xf0\x9f\x98\x80!"},
        {"\\ud800x", "?x"},
        {"\\udc00\\ud800", "??"},
        {"\\x", NULL},
        {"\\u12g4", NULL},
        {"\\u12", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].raw, *end = s + strlen(s), *p = s;
        bool ok = true;
        while (ok && p < end)
            p = *p == '\\' ? cm_json_escape(p, end) : p + 1, ok = p != NULL;
        ck_assert_msg(ok == (cases[i].text != NULL), "'%s': escapes", s);
        if (!ok)
            continue;
        char out[64];
        size_t n = cm_json_unescape(s, strlen(s), out);
        out[n] = '\0';
        ck_assert_str_eq(out, cases[i].text);
    }
}
END_TEST

/* Split a line into its field values as "[v]" ("N" for NULL), the reader's way. */
static void split(const char *line, int sep, int quote, int esc, char *out)
{
    const char *p = line, *end = line + strlen(line);
    out[0] = '\0';
    for (;;) {
        const char *s;
        size_t n;
        int kind;
        const char *q = cm_csv_field(p, end, sep, quote, esc, &s, &n, &kind);
        char v[256];
        if (kind == CM_CSV_ENCODED) {
            n = cm_csv_unquote(s, n, sep, quote, esc, v);
        } else {
            memcpy(v, s, n);
        }
        v[n] = '\0';
        if (kind == CM_CSV_PLAIN && n == 0)
            strcat(out, "N");
        else
            strcat(strcat(strcat(out, "["), v), "]");
        if (q >= end || *q == '\n')
            break;
        p = q + 1;
    }
}

START_TEST(test_csv_fields)
{
    static const struct {
        const char *line, *fields;
        int sep, quote, esc;
    } cases[] = {
        {"a,b,c", "[a][b][c]", ',', '"', '\\'},
        {",,", "NNN", ',', '"', '\\'},
        /* quoted empty: univocity gives emptyValue "", which is Spark's nullValue: NULL */
        {"\"\",x", "N[x]", ',', '"', '\\'},
        {"x,\"\"", "[x]N", ',', '"', '\\'},
        {"\"a,b\",c", "[a,b][c]", ',', '"', '\\'},
        /* inside quotes: \" and \\ are one character, \ before anything else stays */
        {"\"q\\\"r\",\"s\\\\t\",\"u\\nv\"", "[q\"r][s\\t][u\\nv]", ',', '"', '\\'},
        {"\"a\\\\\",b", "[a\\][b]", ',', '"', '\\'},
        /* a doubled quote adds a quote and leaves the next character after an unescaped
           quote (processQuoteEscape keeps prev): the field reads as it is
           (handleUnescapedQuote, STOP_AT_DELIMITER) */
        {"\"he said \"\"hi\"\"\",x", "[\"he said \"\"hi\"\"\"][x]", ',', '"', '\\'},
        {"\"he said \"\"hi\"\"\"", "[\"he said \"\"hi\"\"\"]", ',', '"', '\\'},
        {"\"c\"\"d\",e", "[\"c\"\"d\"][e]", ',', '"', '\\'},
        {"\"a\"\"\",b", "[a\"\"][b]", ',', '"', '\\'},
        {"\"ab\"cd,e", "[\"ab\"cd][e]", ',', '"', '\\'},
        {"\"\"x,e", "[\"\"x][e]", ',', '"', '\\'},
        /* whitespace after the closing quote: dropped before sep or the end, else kept */
        {"\"ab\"  ,x", "[ab][x]", ',', '"', '\\'},
        {"x,\"ab\" ", "[x][ab]", ',', '"', '\\'},
        {"\"ab\" c,x", "[\"ab\" c][x]", ',', '"', '\\'},
        /* an escape right after the closing quote: parseValueProcessingEscape to the next
           separator, which the quoted loop then passes: one field */
        {"\"ab\"\\c,d", "[ab\"\\cd]", ',', '"', '\\'},
        /* an escape at the end of the line is dropped (consumeValueOnEOF) */
        {"\"ab\\", "[ab]", ',', '"', '\\'},
        /* unquoted: escapes and quotes are plain text */
        {"a\\\"b,c", "[a\\\"b][c]", ',', '"', '\\'},
        {"ab\",c", "[ab\"][c]", ',', '"', '\\'},
        /* an unterminated quote runs to the end of the line; a lone quote is itself */
        {"\"abc,d", "[abc,d]", ',', '"', '\\'},
        {"a,\"", "[a][\"]", ',', '"', '\\'},
        /* CR LF ends a line; quoting and escaping off (0xFF) */
        {"a;\"b\"\r\n", "[a][\"b\"]", ';', 0xFF, 0xFF},
        {"\"x\\\"y\"", "[\"x\\\"y\"]", ',', '"', 0xFF},
        /* escape = quote: a doubled quote is a quote */
        {"\"c\"\"d\",e", "[c\"d][e]", ',', '"', '"'},
        {"'it''s',2", "['it''s'][2]", ',', '\'', '\\'},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[512];
        split(cases[i].line, cases[i].sep, cases[i].quote, cases[i].esc, out);
        ck_assert_msg(strcmp(out, cases[i].fields) == 0, "'%s': %s, not %s", cases[i].line, out,
                      cases[i].fields);
    }
}
END_TEST

/* cm_csv_plain_end against a byte loop: random fields over a small alphabet (the separator,
   '\n', '\r', bytes with bit 7 set, bytes next to the separator's value), every start and
   end, separators ',', ';', '\t' and 0xFE. */
START_TEST(test_csv_plain_end)
{
    static const char alphabet[] = {'a', ',', ';', '\t', '\n', '\r', '"', (char)0xFE, (char)0xFF,
                                    (char)0x80, '+', '-', '\v', '\0', (char)0x0B, (char)0x2D};
    static const int seps[] = {',', ';', '\t', 0xFE};
    uint64_t seed = 99;
    char buf[64];
    for (int it = 0; it < 20000; it++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            unsigned r = (unsigned)(seed >> 40);
            buf[i] = r % 3 ? 'x' : alphabet[(r / 3) % sizeof alphabet];
        }
        int sep = seps[it % 4];
        size_t from = (size_t)(seed >> 20) % 40, to = from + (size_t)(seed >> 30) % 24;
        const char *want = buf + from;
        while (want < buf + to && *want != (char)sep && *want != '\n')
            want++;
        ck_assert_ptr_eq(cm_csv_plain_end(buf + from, buf + to, sep), want);
    }
}
END_TEST

START_TEST(test_csv_double)
{
    static const struct {
        const char *s;
        int rc;
        double v;
    } cases[] = {
        {"1.5", 0, 1.5},       {" 2.5 ", 0, 2.5},    {"1e3d", 0, 1000.0}, {"-.5F", 0, -0.5},
        {"5.", 0, 5.0},        {"0x1p3", 0, 8.0},    {"-0x1.8P1", 0, -3.0}, {"Inf", 0, INFINITY},
        {"-Inf", 0, -INFINITY}, {"Infinity", 0, INFINITY}, {"-Infinity", 0, -INFINITY},
        {"inf", -1, 0},        {"INF", -1, 0},       {"+Inf", -1, 0},     {"nan", -1, 0},
        {"", -1, 0},           {".", -1, 0},         {"1e", -1, 0},       {"0x1", -1, 0},
        {"1.5x", -1, 0},       {"1,5", -1, 0},       {"1e3dd", -1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = -7;
        int rc = cm_csv_double(cases[i].s, strlen(cases[i].s), &v);
        ck_assert_msg(rc == cases[i].rc && (rc || v == cases[i].v), "'%s': rc %d, %g",
                      cases[i].s, rc, v);
    }
    double v;
    ck_assert(cm_csv_double("NaN", 3, &v) == 0 && isnan(v));
    ck_assert(cm_csv_double("-NaN", 4, &v) == 0 && isnan(v));
    float f;
    ck_assert(cm_csv_float("0.1", 3, &f) == 0 && f == 0.1f);
    ck_assert(cm_csv_float("-Inf", 4, &f) == 0 && f == -INFINITY);
    ck_assert_int_eq(cm_csv_float("inf", 3, &f), -1);
    /* cm_double.h's exact paths agree with strtod, bit for bit: "+", leading zeros, a bare
       point, suffixes, 1 to 21 digits (past 19: strtod), exponents near and far */
    uint64_t x = 0x2545F4914F6CDD1Dull;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        char text[64];
        int k = 0;
        text[k++] = "+-00"[x & 3]; /* a sign, or a leading zero */
        int nd = 1 + (int)((x >> 2) % 21), point = (int)((x >> 8) % (uint64_t)(nd + 1));
        uint64_t y = x * 6364136223846793005ull;
        for (int j = 0; j < nd; j++) {
            if (j == point)
                text[k++] = '.';
            text[k++] = (char)('0' + (int)((y >> 33) % 10));
            y = y * 6364136223846793005ull + 1442695040888963407ull;
        }
        if ((x >> 20) & 1)
            k += snprintf(text + k, sizeof text - (size_t)k, "E%d", (int)((x >> 24) % 61) - 30);
        if ((x >> 30) & 1)
            text[k++] = 'd';
        text[k] = '\0';
        double want = strtod(text, NULL);
        ck_assert_msg(cm_csv_double(text, (size_t)k, &v) == 0, "'%s' refused", text);
        ck_assert_msg(memcmp(&v, &want, sizeof v) == 0, "'%s' -> %.17g, strtod %.17g", text, v, want);
    }
}
END_TEST

/* java.math.BigDecimal(String)'s precision and scale (what JsonInferSchema's prefersDecimal
   reads), and what it refuses (NumberFormatException). */
START_TEST(test_java_bigdecimal)
{
    static const struct {
        const char *s;
        bool ok;
        int prec, scale;
    } cases[] = {
        {"1.50", true, 3, 2},
        {"0.001", true, 1, 3},
        {"-0.0", true, 1, 1},
        {"0", true, 1, 0},
        {"000.00", true, 1, 2},
        {"1.5E+3", true, 2, -2},
        {"12e-1", true, 2, 1},
        {".5", true, 1, 1},
        {"5.", true, 1, 0},
        {"+7", true, 1, 0},
        {"1e00000000000", true, 1, 0},
        {"1e2147483647", true, 1, -2147483647},
        {"1e2147483648", false, 0, 0},
        {"1e10000000000", false, 0, 0},
        {"1.5e-2147483647", false, 0, 0},
        {"NaN", false, 0, 0},
        {"-Infinity", false, 0, 0},
        {"", false, 0, 0},
        {".", false, 0, 0},
        {"1e", false, 0, 0},
        {"1,000", false, 0, 0},
        {" 1", false, 0, 0},
        {"1.2.3", false, 0, 0},
        {"\xd9\xa1.\xd9\xa2", true, 2, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int prec = -1, scale = -1;
        bool ok = cm_java_bigdecimal(cases[i].s, strlen(cases[i].s), &prec, &scale);
        ck_assert_msg(ok == cases[i].ok &&
                          (!ok || (prec == cases[i].prec && scale == cases[i].scale)),
                      "'%s': %d, precision %d, scale %d", cases[i].s, ok, prec, scale);
    }
}
END_TEST

/* java.math.BigDecimal's scale-0 numbers of at most 38 digits: tryParseDecimal's decimals. */
START_TEST(test_csv_decimal)
{
    static const struct {
        const char *s;
        int prec; /* 0: no decimal */
    } cases[] = {
        {"12345678901234567890", 20}, {"-12345678901234567890", 20}, {"+7", 1},
        {"1e0", 1},                   {"1.5e1", 2},                  {"0.1e1", 1},
        {"0", 1},                     {"000", 1},                    {"007", 1},
        {"1.", 1},                    {"99999999999999999999999999999999999999", 38},
        {"100000000000000000000000000000000000000", 0}, /* 39 digits */
        {"1.5", 0},                   {"1e10", 0}, /* negative scale */
        {"1.50e1", 0},                {" 1", 0},   {"1d", 0}, {"NaN", 0}, {"", 0}, {"1e", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int prec = 0;
        bool ok = cm_csv_decimal(cases[i].s, strlen(cases[i].s), &prec);
        ck_assert_msg(ok == (cases[i].prec > 0) && (!ok || prec == cases[i].prec),
                      "'%s': %d, precision %d", cases[i].s, ok, prec);
    }
}
END_TEST

/* Blank lines as Spark's CSV reader skips them: line.trim.isEmpty (every char <= ' '). */
START_TEST(test_csv_blank_line)
{
    static const struct {
        const char *s;
        int end; /* offset of the line's end, -1: not blank */
    } cases[] = {
        {"", 0},       {"\n", 0},  {"\r\n", 1},  {"  \t \r\nx", 5}, {"\x01\x1f", 2},
        {"a\n", -1},  {" a", -1}, {"\xEF\xBB\xBF\n", -1}, {"\x7f", -1}, {"\n\n", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *p = cases[i].s, *end = p + strlen(p);
        const char *r = cm_csv_blank_line(p, end);
        ck_assert_msg(cases[i].end < 0 ? r == NULL : r == p + cases[i].end, "case %zu", i);
    }
}
END_TEST

/* Line ends: cm_lines_lf rewrites lone '\r's; cm_lines_sep compacts each lineSep to a '\n'
   (leftmost whole matches, as Hadoop's LineReader.readCustomLine) and finds the bytes the
   readers would read otherwise than Spark's readCustomLine. */
START_TEST(test_line_ends)
{
    static const struct {
        const char *in;
        const char *sep; /* NULL: cm_lines_lf */
        bool at_end;
        size_t settled;  /* bytes of in settled */
        const char *out; /* what they became */
        bool bad;        /* then out is what precedes the bad byte */
        int lf;          /* cm_lines_sep's lf (false: CM_SEP_PLAIN, true: CM_SEP_JSON) */
    } cases[] = {
        {"a\rb\r\nc\r", NULL, true, 7, "a\nb\r\nc\n", false, false},
        {"a\rb\r", NULL, false, 3, "a\nb", false, false},
        {"a|b||c", "|", true, 6, "a\nb\n\nc", false, false},
        {"a\rb|c\r", "|", false, 5, "a\rb\nc", false, false},
        {"a\rb|c\r", "|", true, 5, "a\rb\nc", true, false},
        {"a|b\r|c", "|", true, 3, "a\nb", true, false},
        {"a|b\nc|", "|", true, 3, "a\nb", true, false},
        {"a\r\nb", "\n", true, 1, "a", true, false},
        {"a\rb\nc\n", "\n", true, 6, "a\rb\nc\n", false, false},
        {"a\rb\r\r", "\r", true, 5, "a\nb\n\n", false, false},
        {"a||b||", "||", true, 6, "a\nb\n", false, false},
        {"a||b|", "||", false, 4, "a\nb", false, false},
        {"a||b|", "||", true, 5, "a\nb|", false, false},
        {"a|||b", "||", true, 5, "a\n|b", false, false},
        {"ab\r\ncd\r\n", "\r\n", true, 8, "ab\ncd\n", false, false},
        {"ab\rcd\r\n", "\r\n", true, 7, "ab\rcd\n", false, false},
        {"ab\r\r\n", "\r\n", true, 2, "ab", true, false},
        {"ab\r\r", "\r\n", false, 2, "ab", false, false},
        {"abENDcdEN", "END", false, 7, "ab\ncd", false, false},
        {"abENDcdEN", "END", true, 9, "ab\ncdEN", false, false},
        {"\xE2\x82\xACx\xE2\x82\xAC", "\xE2\x82\xAC", true, 7, "\nx\n", false, false},
        /* JSON: a '\n' is a '\r', a '\r' before a sep or at the end stays */
        {"{\"a\":\n1}\r||{}\n||\r", "||", true, 17, "{\"a\":\r1}\r\n{}\r\n\r", false, true},
        {"{}\r|", "|", false, 4, "{}\r\n", false, true},
        {"{}\r", "||", false, 3, "{}\r", false, true},
        /* text with a sep of several bytes: a '\n' is 0xFF, a '\r' stays; a file holding
           both a '\n' and a 0xFF is bad at the second */
        {"a\nb||c\r||d\r", "||", true, 11, "a\xFF" "b\nc\r\nd\r", false, CM_SEP_SWAP},
        {"a\nb\xFF||", "||", true, 3, "a\xFF" "b", true, CM_SEP_SWAP},
        {"\xFF||\n", "||", true, 3, "\xFF\n", true, CM_SEP_SWAP},
        {"a\xFF||", "||", true, 4, "a\xFF\n", false, CM_SEP_SWAP},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[32];
        size_t n = strlen(cases[i].in), out;
        memcpy(buf, cases[i].in, n + 1);
        bool bad = false;
        unsigned seen = 0;
        size_t k;
        if (cases[i].sep) {
            k = cm_lines_sep(buf, n, cases[i].at_end, cases[i].sep, strlen(cases[i].sep),
                             cases[i].lf, &out, &bad, &seen);
        } else {
            k = cm_lines_lf(buf, n, cases[i].at_end);
            out = k;
        }
        ck_assert_msg(bad == cases[i].bad, "case %zu: bad %d", i, bad);
        ck_assert_msg(k == cases[i].settled, "case %zu: settled %zu", i, k);
        ck_assert_uint_eq(out, strlen(cases[i].out));
        ck_assert_msg(memcmp(buf, cases[i].out, out) == 0, "case %zu", i);
    }
    ck_assert_int_eq(cm_lines_sep_bytes("a\nb\n", 4, 2), 6);
    ck_assert_int_eq(cm_lines_sep_bytes("a\nb\n", 4, 1), 4);
    ck_assert_int_eq(cm_lines_sep_bytes("ab", 2, 3), 2);
}
END_TEST

/* Every record of in[0, n) as cm_csv_ml_record reads it, as "[v|v]{text}" per record: a
   nullValue is N, an emptyValue E; "!" where Spark fails (rec.spark_fails).  The parser's
   prev goes from record to record, as the callers carry it. */
static const char *ml_records(const CmCsvMl *syntax, const char *in, size_t n, char *buf)
{
    const char *p = in, *end = in + n;
    char *w = buf;
    CmCsvMl o = *syntax;
    while (p < end) {
        CmCsvTok toks[8];
        char out[256];
        CmCsvRec rec;
        cm_csv_ml_record(&o, p, end, out, toks, 8, &rec);
        if (rec.spark_fails) {
            *w++ = '!';
            break;
        }
        if (rec.n_toks == 0)
            break;
        o.prev = rec.prev;
        o.at_file_start = false;
        *w++ = '[';
        for (int i = 0; i < rec.n_toks && i < 8; i++) {
            const CmCsvTok *t = &toks[i];
            if (i)
                *w++ = '|';
            if (t->n == 0) {
                *w++ = t->kind == CM_CSV_EMPTY ? 'E' : 'N';
                continue; /* (s may be NULL) */
            }
            memcpy(w, t->s, t->n);
            w += t->n;
        }
        w += sprintf(w, "]{%.*s}", (int)(rec.text_end - rec.start), rec.start);
        p = rec.next;
    }
    *w = '\0';
    return buf;
}

START_TEST(test_csv_multiline)
{
    enum { SEMI = CM_NL_GIVEN | ';' << 8, BARS = CM_NL_GIVEN | '|' << 8 | '|' << 16,
           CRLF2 = CM_NL_GIVEN | '\r' << 8 | '\n' << 16 };
    static const struct {
        const char *in;
        int nl;
        bool lead;
        const char *comment;
        const char *want;
    } cases[] = {
        {"a,b\n\nc", CM_NL_LF, false, NULL, "[a|b]{a,b}[c]{c}"},
        {"  \nx", CM_NL_LF, false, NULL, "[  ]{  }[x]{x}"}, /* a line of spaces: a value */
        {"  \nx", CM_NL_LF, true, NULL, "[x]{x}"},          /* ... skipped, leading ws off */
        {"a,\n", CM_NL_LF, false, NULL, "[a|N]{a,}"},
        {"a,", CM_NL_LF, false, NULL, "[a|N]{a,}"},
        {"\"x\",", CM_NL_LF, false, NULL, "[x|N]{\"x\",}"},
        {"\"\"", CM_NL_LF, false, NULL, "[E]{\"\"}"},
        {"\"a\nb\"\r\nc", CM_NL_LF, false, NULL, "[a\nb]{\"a\nb\"}[c]{c}"},
        {"a\rb", CM_NL_CR, false, NULL, "[a]{a\r}[b]{b}"},
        {"\"a\rb\"\rc", CM_NL_CR, false, NULL, "[a\nb]{\"a\rb\"\r}[c]{c}"},
        {"a\r\nb\nc\r\n", CM_NL_CRLF, false, NULL, "[a]{a}[b\nc]{b\nc}"},
        {"\"a\r\nb\",\n", CM_NL_CRLF, false, NULL, "[a\nb|N]{\"a\r\nb\",}"},
        {"#x,\"y\na\n", CM_NL_LF, false, "#", "[a]{a}"},
        {"x,\"a\"\"b\"", CM_NL_LF, false, NULL, "[x|\"a\"\"b\"]{x,\"a\"\"b\"}"},
        {"x,\"a\n", CM_NL_LF, false, NULL, "[x|a\n]{x,\"a}"},
        {"\"ab\"  \n", CM_NL_LF, false, NULL, "[ab]{\"ab\"  }"},
        {"\n\n", CM_NL_LF, false, NULL, ""},
        /* lineSep ';': newLine too, so '\n' is data and the record's text keeps its ';' */
        {"a,b;c\nd;\"x;y\";", SEMI, false, NULL, "[a|b]{a,b;}[c\nd]{c\nd;}[x;y]{\"x;y\";}"},
        {"#x\ny;a", SEMI, false, "#", "[a]{a}"},
        /* lineSep "||": newLine stays '\n'; an unquoted value ends at "||" as spelled, or at
           '\n' when it reaches the end (appendUntil); after a closing quote the raw '|' is
           an unescaped quote */
        {"a||b\nc||d\ne", BARS, false, NULL, "[a]{a||}[b\nc]{b\nc||}[d]{d}[e]{e}"},
        {"\"x||y\"||z\n", BARS, false, NULL, "[\"x||y\"||z]{\"x||y\"||z}"},
        /* lineSep "\r\n": not made '\n' inside quotes; '\r' after the quote is whitespace */
        {"\"a\r\nb\"\r\nc\r\n", CRLF2, false, NULL, "[a\r\nb]{\"a\r\nb\"}[c]{c}"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CmCsvMl o = {',',
                     '"',
                     '\\',
                     cases[i].comment,
                     cases[i].comment ? strlen(cases[i].comment) : 0,
                     cases[i].nl,
                     cases[i].lead,
                     false,
                     0,
                     false,
                     NULL};
        char buf[512];
        ml_records(&o, cases[i].in, strlen(cases[i].in), buf);
        ck_assert_msg(strcmp(buf, cases[i].want) == 0, "case %zu: got %s", i, buf);
    }
    /* The parser's prev, kept from record to record, and a getQuotedString that leaves it 0;
       univocity 2.9.1's getString walking back before the file's start (ignoreTrailing
       WhiteSpace: a value of whitespace alone, only whitespace before it). */
    static const struct {
        const char *in;
        int nl;
        bool lead, trail, start;
        const char *want;
    } carried[] = {
        /* a last line of spaces: an unescaped quote left prev 'x', so consumeValueOnEOF
           makes it a value (emptyValue); getQuotedString ("a" then '\n') left prev 0:
           nullValue; in a "\r\n" file '\r' after the quote is no stop for it: emptyValue */
        {"\"a\"x\n   ", CM_NL_LF, true, false, true, "[\"a\"x]{\"a\"x}[E]{   }"},
        {"\"a\"\n   ", CM_NL_LF, true, false, true, "[a]{\"a\"}[N]{   }"},
        {"\"a\"\r\n   ", CM_NL_CRLF, true, false, true, "[a]{\"a\"}[E]{   }"},
        {"  ,a\n", CM_NL_LF, false, true, true, "!"},
        {"\n \t,a", CM_NL_LF, false, true, true, "!"},
        {"  \nx", CM_NL_LF, false, true, true, "!"},
        {"  ,a", CM_NL_LF, false, true, false, "[N|a]{  ,a}"}, /* after a byte order mark */
        {"x\n  ,a", CM_NL_LF, false, true, true, "[x]{x}[N|a]{  ,a}"},
        {"  \n", CM_NL_LF, false, true, true, "[E]{  }"}, /* getString reaches the end */
        {"a,  ", CM_NL_LF, false, true, true, "[a|E]{a,  }"},
    };
    for (size_t i = 0; i < sizeof carried / sizeof carried[0]; i++) {
        CmCsvMl o = {',',
                     '"',
                     '\\',
                     NULL,
                     0,
                     carried[i].nl,
                     carried[i].lead,
                     carried[i].trail,
                     0,
                     carried[i].start,
                     NULL};
        char buf[512];
        ml_records(&o, carried[i].in, strlen(carried[i].in), buf);
        ck_assert_msg(strcmp(buf, carried[i].want) == 0, "carried %zu: got %s", i, buf);
    }
    ck_assert_int_eq(cm_csv_ml_nl(NULL, "a\r\nb\n", 5), CM_NL_CRLF);
    ck_assert_int_eq(cm_csv_ml_nl(NULL, "a\rb\n", 4), CM_NL_CR);
    ck_assert_int_eq(cm_csv_ml_nl(NULL, "a\n\r", 3), CM_NL_LF);
    ck_assert_int_eq(cm_csv_ml_nl(NULL, "a", 1), CM_NL_LF);
    ck_assert_int_eq(cm_csv_ml_nl(";", "a\r\n", 3), SEMI);
    ck_assert_int_eq(cm_csv_ml_nl("\r\n", "a\n", 2), CRLF2);
    /* Columns pruned (CmCsvMl.sel): a skipped quoted value ends at the first quote not after
       the escape that the delimiter or a line end follows (skipQuotedString); a value
       skipQuotedString read is N here (no bytes), a skipped unquoted one its bytes. */
    static const struct {
        const char *in, *sel, *want;
    } pruned[] = {
        {"\"a\\\\\",b\",c\n", NULL, "[a\\|b\"|c]{\"a\\\\\",b\",c}"},
        {"\"a\\\\\",b\",c\n", "01", "[N|c]{\"a\\\\\",b\",c}"},
        {"\"a\\\\\",b\"\nc\n", "01", "[N]{\"a\\\\\",b\"}[c]{c}"},
        {"\"a\\\\\",b\",c", "01", "[N|c]{\"a\\\\\",b\",c}"},
        {"  ,a\n", "01", "[  |a]{  ,a}"}, /* skipString trims nothing: no failure */
    };
    for (size_t i = 0; i < sizeof pruned / sizeof pruned[0]; i++) {
        CmCsvMl o = {',', '"', '\\', NULL, 0, CM_NL_LF, false, true, 0, true, pruned[i].sel};
        char buf[512];
        ml_records(&o, pruned[i].in, strlen(pruned[i].in), buf);
        ck_assert_msg(strcmp(buf, pruned[i].want) == 0, "pruned %zu: got %s", i, buf);
    }
}
END_TEST

/* univocity 2.9.1's getString failure on a line (cm_csv_ws_fails) and skipQuotedString on a
   line (cm_csv_skip_quoted). */
START_TEST(test_csv_line_skip_fail)
{
    static const struct {
        const char *in;
        int sep;
        const char *sel;
        bool fails;
    } cases[] = {
        {"  ,a", ',', NULL, true},     {" \t,a", ',', NULL, true},   {"  ,a", ',', "01", false},
        {",  ,a", ',', NULL, false},   {" x ,a", ',', NULL, false},  {"   ", ',', NULL, false},
        {" \"\",a", ',', NULL, false}, {"\t \tw", '\t', "01", true}, {"\t \tw", '\t', "10", false},
        {" \t w", '\t', NULL, true},   {" \t w", '\t', "01", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *in = cases[i].in;
        ck_assert_msg(cm_csv_ws_fails(in, in + strlen(in), cases[i].sep, '"', '\\', cases[i].sel) ==
                          cases[i].fails,
                      "case %zu", i);
    }
    static const struct {
        const char *in;
        int esc;
        long end; /* -1: gives up */
    } skips[] = {
        {"\"a\\\\\",b\",c", '\\', 8}, {"\"a\\\"b\",c", '\\', 6}, {"\"ab\"cd\",e", '\\', -1},
        {"\"\",c\",d", '"', 5},       {"\"a\"", '\\', -1},       {"\"a,b", '\\', -1},
        {"\"a\"\r\n", '\\', -1},
    };
    for (size_t i = 0; i < sizeof skips / sizeof skips[0]; i++) {
        const char *in = skips[i].in,
                   *e = cm_csv_skip_quoted(in, in + strlen(in), ',', '"', skips[i].esc);
        ck_assert_msg((e ? e - in : -1) == skips[i].end, "skip %zu: %ld", i,
                      e ? (long)(e - in) : -1L);
    }
}
END_TEST

/* The normal form of a record under JSONOptions' switches (common/cm_json_opts.h), each
   expectation from Jackson 2.15's rules: NULL expected = malformed, "" = no record. */
START_TEST(test_json_norm)
{
    enum { C = CM_JSON_COMMENTS, U = CM_JSON_UNQUOTED_NAMES, NS = CM_JSON_NO_SINGLE_QUOTES,
           Z = CM_JSON_LEADING_ZEROS, NN = CM_JSON_NO_NONNUM, E = CM_JSON_ANY_ESCAPE,
           CC = CM_JSON_CONTROL_CHARS };
    static const struct {
        unsigned flags;
        const char *in, *out;
    } cases[] = {
        {0, "{\"a\": 1, 'b': 'x\"y'} tail", "{\"a\":1,\"b\":\"x\\\"y\"}"},
        {0, "  ", ""},
        {0, "{\"a\":1}/*", "{\"a\":1}"}, /* after the first value: never read */
        {0, "/* c */ {\"a\":1}", NULL},
        {C, "/* c */ {\"a\":/*x*/1/**/, // rest", NULL},
        {C, "/* c */ {\"a\":/*x*/1/**/} // rest", "{\"a\":1}"},
        {C, "// only a comment", ""},
        {C, "/* open", NULL},
        {C, "{\"a\":1 / 2}", NULL},
        {C, "# yaml", NULL},
        {0, "{a:1}", NULL},
        {U, "{a:1, $b_2 :2, @#*-+:3, 9x:4}", "{\"a\":1,\"$b_2\":2,\"@#*-+\":3,\"9x\":4}"},
        {U, "{a.b:1}", NULL},
        {U, "{'q':1}", "{\"q\":1}"},
        {U | NS, "{'q':1}", NULL},
        {NS, "{\"a\":'x'}", NULL},
        {NS, "{\"a\":\"it\\'s\"}", NULL},
        {0, "{\"a\":\"it\\'s\"}", "{\"a\":\"it's\"}"},
        {0, "{\"a\":007}", NULL},
        {Z, "{\"a\":007, \"b\":-00.5, \"c\":00, \"d\":-0, \"e\":0e1}",
         "{\"a\":7,\"b\":-0.5,\"c\":0,\"d\":-0,\"e\":0e1}"},
        {Z, "{\"a\":0x1}", NULL},
        {0, "[NaN, -Infinity, +INF, Infinity, +Infinity, -INF]",
         "[NaN,-Infinity,+INF,Infinity,+Infinity,-INF]"},
        {NN, "[NaN]", NULL},
        {NN, "[-INF]", NULL},
        {NN, "[\"NaN\"]", "[\"NaN\"]"},
        {0, "[INF]", NULL},
        {0, "[NaNa]", NULL},
        {0, "{\"a\":\"\\q\"}", NULL},
        {E, "{\"a\":\"\\q\\\"\\u0041\\n\\'\"}", "{\"a\":\"q\\\"\\u0041\\n'\"}"},
        {E, "{\"a\":\"\\u00zz\"}", NULL},
        {0, "{\"a\":\"x\ty\"}", NULL},
        {CC, "{\"a\":\"x\ty\x01\"}", "{\"a\":\"x\\u0009y\\u0001\"}"},
        {CC | E, "{\"a\":\"\\\t\"}", "{\"a\":\"\\u0009\"}"},
        {C, "\xEF\xBB\xBF {\"a\":true}", "{\"a\":true}"},
        {C, "{\"a\":truex}", NULL},
        {C, "{\"a\":true/**/}", "{\"a\":true}"},
        {0, "{\"a\":1,}", NULL},
        {0, "{\"a\":+1}", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = strlen(cases[i].in), k;
        char *out = malloc(cm_json_norm_cap(n));
        CmJsonNorm r = cm_json_norm(cases[i].in, cases[i].in + n, cases[i].flags, out, &k);
        if (!cases[i].out) {
            ck_assert_msg(r == CM_JSON_NORM_BAD, "case %zu (%s): not malformed", i, cases[i].in);
        } else if (!*cases[i].out) {
            ck_assert_msg(r == CM_JSON_NORM_BLANK, "case %zu (%s): not blank", i, cases[i].in);
        } else {
            ck_assert_msg(r == CM_JSON_NORM_OK && k == strlen(cases[i].out) &&
                              memcmp(out, cases[i].out, k) == 0,
                          "case %zu (%s): got %d '%.*s'", i, cases[i].in, (int)r, (int)k, out);
        }
        free(out);
    }
}
END_TEST

Suite *common_lex_suite(void)
{
    Suite *s = suite_create("common_lex");
    TCase *tc = tcase_create("json");
    tcase_add_test(tc, test_json_number);
    tcase_add_test(tc, test_json_nonnum);
    tcase_add_test(tc, test_json_number_digits);
    tcase_add_test(tc, test_json_strings);
    tcase_add_test(tc, test_json_string_end);
    tcase_add_test(tc, test_json_norm);
    suite_add_tcase(s, tc);
    tc = tcase_create("csv");
    tcase_add_test(tc, test_csv_fields);
    tcase_add_test(tc, test_csv_plain_end);
    tcase_add_test(tc, test_csv_double);
    tcase_add_test(tc, test_csv_decimal);
    tcase_add_test(tc, test_java_bigdecimal);
    tcase_add_test(tc, test_csv_blank_line);
    tcase_add_test(tc, test_csv_multiline);
    tcase_add_test(tc, test_csv_line_skip_fail);
    suite_add_tcase(s, tc);
    tc = tcase_create("lines");
    tcase_add_test(tc, test_line_ends);
    suite_add_tcase(s, tc);
    return s;
}
