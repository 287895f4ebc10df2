/* check_main.c - the main of every unit-test runner: runs the one suite named by SL_SUITE. */
#include <check.h>
#include <stdlib.h>

Suite *SL_SUITE(void);

int main(void)
{
    SRunner *sr = srunner_create(SL_SUITE());
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
