/* check_common_text.c - how CSV fields read as integers and booleans (common/cm_text.h), the
** rule of schema inference and of the CSV reader.
*/
#include <check.h>
#include <string.h>

#include "common/cm_csv_lex.h"
#include "common/cm_text.h"

START_TEST(test_java_integer)
{
    static const struct {
        const char *s;
        int bits;
        int rc;
        int64_t v;
    } cases[] = {
        {"0", 32, 0, 0},
        {"42", 32, 0, 42},
        {"+42", 32, 0, 42},
        {"-42", 32, 0, -42},
        {"007", 32, 0, 7},
        {"2147483647", 32, 0, 2147483647},
        {"-2147483648", 32, 0, -2147483648LL},
        {"2147483648", 32, -1, 0},
        {"2147483648", 64, 0, 2147483648LL},
        {"9223372036854775807", 64, 0, INT64_MAX},
        {"-9223372036854775808", 64, 0, INT64_MIN},
        {"9223372036854775808", 64, -1, 0},
        {"-9223372036854775809", 64, -1, 0},
        {"", 64, -1, 0},
        {"-", 64, -1, 0},
        {"+", 64, -1, 0},
        {" 1", 64, -1, 0},
        {"1 ", 64, -1, 0},
        {"1.0", 64, -1, 0},
        {"1e3", 64, -1, 0},
        {"--1", 64, -1, 0},
        /* Character.digit: the BMP's decimal digits (UTF-8 here) */
        {"\xd9\xa1", 64, 0, 1},                      /* U+0661 Arabic-Indic one */
        {"-\xd9\xa4\xd9\xa2", 32, 0, -42},          /* -U+0664 U+0662 */
        {"1\xef\xbc\x92" "3", 32, 0, 123},           /* U+FF12 fullwidth two */
        {"\xef\xbc\x90\xef\xbc\x99", 32, 0, 9},    /* fullwidth 0 9 */
        {"\xe1\xa5\x8f", 32, 0, 9},                  /* U+194F Limbu nine */
        {"\xea\xaf\xb9", 32, 0, 9},                  /* U+ABF9 Meetei Mayek nine, the last run */
        {"\xd9\xa2\xd9\xa1\xd9\xa4\xd9\xa7\xd9\xa4\xd9\xa8\xd9\xa3\xd9\xa6\xd9\xa4\xd9\xa8",
         32, -1, 0}, /* 2147483648 in Arabic-Indic digits */
        {"\xf0\x9d\x9f\x8f", 64, -1, 0}, /* U+1D7CF: beyond the BMP, two UTF-16 units */
        {"\xc2\xb9", 64, -1, 0},           /* U+00B9 superscript one: No, not Nd */
        {"\xe2\x85\xa0", 64, -1, 0},      /* U+2160 Roman numeral one: Nl */
        {"\xef\xbc\x8d" "1", 64, -1, 0},  /* U+FF0D fullwidth minus is no sign */
        {"\xd9", 64, -1, 0},                /* a cut UTF-8 sequence */
        {"\xd9\xa1\xd9", 64, -1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t v = -7;
        int rc = cm_java_integer(cases[i].s, strlen(cases[i].s), cases[i].bits, &v);
        ck_assert_msg(rc == cases[i].rc && (rc || v == cases[i].v), "'%s' (%d bits): rc %d, %lld",
                      cases[i].s, cases[i].bits, rc, (long long)v);
    }
    /* The length bounds the field. */
    int64_t v;
    ck_assert_int_eq(cm_java_integer("12,34", 2, 64, &v), 0);
    ck_assert_int_eq(v, 12);
}
END_TEST

/* java.math.BigDecimal(String) as CSVInferSchema reads it: Unicode digits count. */
START_TEST(test_csv_decimal_digits)
{
    int p = -1;
    ck_assert(cm_csv_decimal("\xd9\xa1\xd9\xa2\xd9\xa3", 6, &p) && p == 3);
    ck_assert(cm_csv_decimal("-\xd9\xa0\xd9\xa0\xd9\xa1\xd9\xa0", 9, &p) && p == 2);
    ck_assert(!cm_csv_decimal("\xd9\xa1.\xd9\xa2", 5, &p)); /* scale 1: a double (or not) */
    ck_assert(!cm_csv_decimal("\xd9\xa4" "e\xd9\xa2", 5, &p)); /* scale -2 */
    ck_assert(cm_csv_decimal("\xd9\xa4\xd9\xa0.\xd9\xa0" "e\xd9\xa1", 10, &p) && p == 3);
    ck_assert(!cm_csv_decimal("\xc2\xb9", 2, &p));
}
END_TEST

START_TEST(test_java_boolean)
{
    int64_t v = -1;
    ck_assert(cm_java_boolean("true", 4, &v) == 0 && v == 1);
    ck_assert(cm_java_boolean("TRUE", 4, &v) == 0 && v == 1);
    ck_assert(cm_java_boolean("False", 5, &v) == 0 && v == 0);
    ck_assert_int_eq(cm_java_boolean("t", 1, &v), -1);
    ck_assert_int_eq(cm_java_boolean("yes", 3, &v), -1);
    ck_assert_int_eq(cm_java_boolean("1", 1, &v), -1);
    ck_assert_int_eq(cm_java_boolean(" true", 5, &v), -1);
    ck_assert_int_eq(cm_java_boolean("truex", 5, &v), -1);
    ck_assert_int_eq(cm_java_boolean("", 0, &v), -1);
}
END_TEST

Suite *common_text_suite(void)
{
    Suite *s = suite_create("common_text");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, test_java_integer);
    tcase_add_test(tc, test_csv_decimal_digits);
    tcase_add_test(tc, test_java_boolean);
    suite_add_tcase(s, tc);
    return s;
}
