/* check_rt_arrayfn.c - array_join and sort_array as the runtime computes them (Spark 3.5's
** ArrayJoin and SortArray). */
#include <check.h>
#include <math.h>
#include <string.h>

#include "srt_int.h"

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

static SrtDatum str(const char *s)
{
    SrtDatum d = {0};
    d.p = s;
    d.n = (uint32_t)strlen(s);
    return d;
}

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
    ck_assert_msg(on == strlen(want) && memcmp(o, want, on) == 0, "got '%.*s', want '%s'",
                  (int)on, o, want);
}

START_TEST(join)
{
    SrtDatum a[4] = {str("a"), null_datum(), str(""), str("b")};
    join_is(a, 4, NULL, "a, , b");           /* NULL skipped, '' kept */
    join_is(a, 4, "?", "a, ?, , b");
    join_is(a + 1, 1, NULL, "");              /* only NULLs: '' */
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
    ck_assert(r[0].is_null);                 /* NULLs first ascending */
    ck_assert(r[1].d == -INFINITY);
    ck_assert(signbit(r[2].d) && r[3].d == 0.0 && !signbit(r[3].d)); /* -0.0 = 0.0: stable */
    ck_assert(r[4].d == 1.0 && isnan(r[5].d)); /* NaN the greatest */
    srt_array_sort(q, a, 6, SRT_COLLECT_DOUBLE, 0, &o, &n);
    r = o;
    ck_assert(isnan(r[0].d) && r[1].d == 1.0);
    ck_assert(signbit(r[2].d) && !signbit(r[3].d)); /* still in input order */
    ck_assert(r[4].d == -INFINITY && r[5].is_null); /* NULLs last descending */
    SrtDatum s[3] = {str("b"), str("ab"), str("\xc3\xa9")}; /* é sorts after ASCII (bytes) */
    srt_array_sort(q, s, 3, SRT_COLLECT_STRING, 1, &o, &n);
    r = o;
    ck_assert(r[0].n == 2 && r[1].n == 1 && r[2].n == 2 && ((const char *)r[2].p)[0] == '\xc3');
}
END_TEST

Suite *rt_arrayfn_suite(void)
{
    Suite *s = suite_create("rt_arrayfn");
    TCase *t = tcase_create("arrays");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, join);
    tcase_add_test(t, sort);
    suite_add_tcase(s, t);
    return s;
}
