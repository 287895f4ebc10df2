/* check_rt_serve_page.c - the live page's routes (serve/srt_serve_page.c): "/" is the HTML page,
** "/assets/NAME" every compiled-in asset with its Content-Type, anything else 404.
*/
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "serve/srt_serve_page.h"

START_TEST(test_index)
{
    const char *body = NULL, *type = NULL;
    size_t len = 0;
    ck_assert_int_eq(srt_serve_page("/", &body, &len, &type), 200);
    ck_assert_str_eq(type, "text/html; charset=utf-8");
    ck_assert_uint_gt(len, 100);
    ck_assert_int_eq(strncmp(body, "<!doctype html>", 15), 0);
    ck_assert_ptr_nonnull(strstr(body, "assets/live.js"));
    ck_assert_ptr_nonnull(strstr(body, "assets/live.css"));
    /* A query string does not change the answer. */
    const char *body2 = NULL, *type2 = NULL;
    size_t len2 = 0;
    ck_assert_int_eq(srt_serve_page("/?x=1", &body2, &len2, &type2), 200);
    ck_assert_ptr_eq(body2, body);
    ck_assert_uint_eq(len2, len);
}
END_TEST

START_TEST(test_assets)
{
    static const struct {
        const char *path, *type, *start;
    } cases[] = {
        {"/assets/live.js", "text/javascript; charset=utf-8", "// live.js - "},
        {"/assets/live.css", "text/css; charset=utf-8", "/* live.css - "},
        {"/assets/index.html", "text/html; charset=utf-8", "<!doctype html>"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *body = NULL, *type = NULL;
        size_t len = 0;
        ck_assert_int_eq(srt_serve_page(cases[i].path, &body, &len, &type), 200);
        ck_assert_str_eq(type, cases[i].type);
        ck_assert_uint_ge(len, strlen(cases[i].start));
        ck_assert_int_eq(memcmp(body, cases[i].start, strlen(cases[i].start)), 0);
        ck_assert_int_eq(body[len], '\0'); /* the table keeps a NUL after each asset */
    }
    /* Every asset of the table answers under /assets/ with its own bytes. */
    ck_assert_uint_ge(srt_serve_assets_count, 3);
    for (size_t i = 0; i < srt_serve_assets_count; i++) {
        char path[256];
        const char *body = NULL, *type = NULL;
        size_t len = 0;
        snprintf(path, sizeof path, "/assets/%s", srt_serve_assets[i].name);
        ck_assert_int_eq(srt_serve_page(path, &body, &len, &type), 200);
        ck_assert_ptr_eq(body, (const char *)srt_serve_assets[i].data);
        ck_assert_uint_eq(len, srt_serve_assets[i].len);
    }
}
END_TEST

START_TEST(test_not_found)
{
    static const char *const paths[] = {
        "", "/index.html", "/assets", "/assets/", "/assets/nope.js", "/assets/live.j",
        "/assets/live.jsx", "/assets/../live.js", "/assets/./live.js", "/assets//live.js",
        "/api/queries", "/live.js", "//", "/assets/live.js/",
    };
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        const char *body = "untouched", *type = "untouched";
        size_t len = 7;
        ck_assert_msg(srt_serve_page(paths[i], &body, &len, &type) == 404, "%s", paths[i]);
        ck_assert_str_eq(body, "untouched");
        ck_assert_str_eq(type, "untouched");
        ck_assert_uint_eq(len, 7);
    }
}
END_TEST

Suite *rt_serve_page_suite(void)
{
    Suite *s = suite_create("rt_serve_page");
    TCase *tc = tcase_create("page");
    tcase_add_test(tc, test_index);
    tcase_add_test(tc, test_assets);
    tcase_add_test(tc, test_not_found);
    suite_add_tcase(s, tc);
    return s;
}
