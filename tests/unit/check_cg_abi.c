/* check_cg_abi.c - the SrtDatum layout codegen emits matches the C struct the runtime reads. */
#include <check.h>
#include <stddef.h>

#include "codegen/cg.h"
#include "srt_abi.h"

START_TEST(datum_layout)
{
    unsigned long long off[6] = {0}, size = 0;
    cg_datum_layout(off, &size);
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_I], offsetof(SrtDatum, i));
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_D], offsetof(SrtDatum, d));
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_P], offsetof(SrtDatum, p));
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_N], offsetof(SrtDatum, n));
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_IS_NULL], offsetof(SrtDatum, is_null));
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_HI], offsetof(SrtDatum, hi));
    ck_assert_uint_eq(size, sizeof(SrtDatum));
}
END_TEST

Suite *cg_abi_suite(void)
{
    Suite *s = suite_create("cg_abi");
    TCase *tc = tcase_create("datum");
    tcase_add_test(tc, datum_layout);
    suite_add_tcase(s, tc);
    return s;
}
