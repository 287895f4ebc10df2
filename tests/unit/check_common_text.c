/* check_common_text.c - how CSV fields read as integers and booleans (common/cm_text.h), the
** rule of schema inference and of the CSV reader.
*/
#include <check.h>
#include <string.h>

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
        {"\xd9\xa1", 64, -1, 0}, /* Arabic-Indic one: ASCII digits only */
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
    tcase_add_test(tc, test_java_boolean);
    suite_add_tcase(s, tc);
    return s;
}
