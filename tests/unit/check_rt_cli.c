/* check_rt_cli.c - the command line of generated executables (srt_cli.c): defaults, every
** option's values in both spellings (--opt v, --opt=v), and the errors for bad values,
** including --timeout's seconds (decimals, Spark's "Timeout has to be positive").
*/
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

/* Parse a NULL-terminated argument list after argv[0]. */
static int parse(SrtCli *c, SrtErr *err, const char *const *args)
{
    char *argv[16];
    int argc = 0;
    argv[argc++] = (char *)"q";
    for (; *args; args++)
        argv[argc++] = (char *)*args;
    argv[argc] = NULL;
    srt_err_clear(err);
    return srt_cli_parse(c, argc, argv, err);
}

#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})

START_TEST(test_defaults)
{
    SrtCli c;
    SrtErr err;
    ck_assert_int_eq(parse(&c, &err, (const char *const[]){NULL}), 0);
    ck_assert_ptr_null(c.trigger);
    ck_assert_ptr_null(c.checkpoint);
    ck_assert_ptr_null(c.progress);
    ck_assert_int_eq(c.max_batches, -1);
    ck_assert_int_eq(c.timeout_us, -1);
    ck_assert_int_eq(c.threads, 0); /* srt_run takes the CPUs this process may use */
    ck_assert_int_eq(c.task_bytes, 0);
    ck_assert_int_eq(c.help, 0);
}
END_TEST

START_TEST(test_values)
{
    SrtCli c;
    SrtErr err;
    ck_assert_int_eq(parse(&c, &err,
                           ARGS("--checkpoint", "ck/root", "--progress=p.jsonl", "--timeout", "2.5",
                                "--max-batches=3", "--threads", "4", "--task-bytes=65536")),
                     0);
    ck_assert_int_eq(c.threads, 4);
    ck_assert_int_eq(c.task_bytes, 65536);
    ck_assert_str_eq(c.checkpoint, "ck/root");
    ck_assert_str_eq(c.progress, "p.jsonl");
    ck_assert_int_eq(c.timeout_us, 2500000);
    ck_assert_int_eq(c.max_batches, 3);

    static const struct {
        const char *arg;
        int64_t us;
    } ok[] = {
        {"10", 10000000},    {"0.001", 1000}, {".5", 500000},   {"5.", 5000000},
        {"1e3", 1000000000}, {"+3", 3000000}, {"0.0000001", 1}, {"1e-400", 1},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        ck_assert_msg(parse(&c, &err, ARGS("--timeout", ok[i].arg)) == 0, "%s: %s", ok[i].arg,
                      err.msg);
        ck_assert_msg(c.timeout_us == ok[i].us, "%s gave %lld µs", ok[i].arg,
                      (long long)c.timeout_us);
    }
}
END_TEST

START_TEST(test_errors)
{
    static const struct {
        const char *a, *b, *msg;
    } bad[] = {
        {"--timeout", "0", "invalid value '0' for --timeout: Timeout has to be positive"},
        {"--timeout", "-1", "invalid value '-1' for --timeout: Timeout has to be positive"},
        {"--timeout", "-0.5", "invalid value '-0.5' for --timeout: Timeout has to be positive"},
        {"--timeout", "soon", "invalid value 'soon' for --timeout: expected a number of seconds"},
        {"--timeout", "", "invalid value '' for --timeout: expected a number of seconds"},
        {"--timeout", "inf", "invalid value 'inf' for --timeout: expected a number of seconds"},
        {"--timeout", "nan", "invalid value 'nan' for --timeout: expected a number of seconds"},
        {"--timeout", "0x10", "invalid value '0x10' for --timeout: expected a number of seconds"},
        {"--timeout", "5s", "invalid value '5s' for --timeout: expected a number of seconds"},
        {"--timeout", " 5", "invalid value ' 5' for --timeout: expected a number of seconds"},
        {"--timeout", "1e999",
         "invalid value '1e999' for --timeout: at most 9000000000000 seconds"},
        {"--checkpoint", "", "invalid value '' for --checkpoint: expected a directory"},
        {"--progress", "", "invalid value '' for --progress: expected a file"},
        {"--timeout", NULL, "option '--timeout' needs a value (SECONDS)"},
        {"--checkpoint", NULL, "option '--checkpoint' needs a value (DIR)"},
        {"--progress", NULL, "option '--progress' needs a value (FILE)"},
        {"--threads", "0", "invalid value '0' for --threads: expected an integer from 1 to 1024"},
        {"--threads", "1025", "invalid value '1025' for --threads: expected an integer from 1 to 1024"},
        {"--threads", "two", "invalid value 'two' for --threads: expected an integer from 1 to 1024"},
        {"--threads", "+2", "invalid value '+2' for --threads: expected an integer from 1 to 1024"},
        {"--task-bytes", "-5",
         "invalid value '-5' for --task-bytes: expected an integer from 1 to 1073741824"},
        {"--task-bytes", "1M",
         "invalid value '1M' for --task-bytes: expected an integer from 1 to 1073741824"},
        {"--threads", NULL, "option '--threads' needs a value (N)"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        SrtCli c;
        SrtErr err;
        const char *args[] = {bad[i].a, bad[i].b, NULL};
        ck_assert_int_eq(parse(&c, &err, args), -SRT_ERR_OPTION);
        ck_assert_str_eq(err.msg, bad[i].msg);
    }
}
END_TEST

/* --serve [HOST:]PORT: the loopback by default, an IPv6 address in brackets, another address
   only with --serve-token; bad ports and hosts refused. */
START_TEST(test_serve)
{
    SrtCli c;
    SrtErr err;
    ck_assert_int_eq(parse(&c, &err, ARGS("--serve", "8080")), 0);
    ck_assert_int_eq(c.serve, 1);
    ck_assert_str_eq(c.serve_host, "127.0.0.1");
    ck_assert_int_eq(c.serve_port, 8080);
    ck_assert_ptr_null(c.serve_token);
    ck_assert_int_eq(parse(&c, &err, ARGS("--serve=localhost:0")), 0);
    ck_assert_str_eq(c.serve_host, "localhost");
    ck_assert_int_eq(c.serve_port, 0);
    ck_assert_int_eq(parse(&c, &err, ARGS("--serve", "[::1]:9000")), 0);
    ck_assert_str_eq(c.serve_host, "::1");
    ck_assert_int_eq(c.serve_port, 9000);
    ck_assert_int_eq(parse(&c, &err, ARGS("--serve", "0.0.0.0:80", "--serve-token", "t")), 0);
    ck_assert_str_eq(c.serve_host, "0.0.0.0");
    ck_assert_str_eq(c.serve_token, "t");
    ck_assert_int_eq(parse(&c, &err, ARGS("--serve", "0.0.0.0:80")), -SRT_ERR_OPTION);
    ck_assert_ptr_nonnull(strstr(err.msg, "needs --serve-token TOKEN"));
    ck_assert_int_eq(parse(&c, &err, ARGS("--serve-token", "t")), -SRT_ERR_OPTION);
    ck_assert_str_eq(err.msg, "--serve-token needs --serve");
    static const char *const bad[] = {"", "x", "65536", "-1", "+80", ":80", "host:", "[::1:80",
                                      "8080x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(parse(&c, &err, ARGS("--serve", bad[i])), -SRT_ERR_OPTION);
        ck_assert_ptr_nonnull(strstr(err.msg, "for --serve: expected [HOST:]PORT"));
    }
}
END_TEST

START_TEST(test_usage)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    srt_cli_usage(f, "q");
    fclose(f);
    ck_assert_ptr_nonnull(
        strstr(text, "  --checkpoint DIR       checkpoint each query in DIR/<query name>"));
    ck_assert_ptr_nonnull(strstr(text, "checkpointLocation"));
    ck_assert_ptr_nonnull(strstr(text, "  --progress FILE        append"));
    ck_assert_ptr_nonnull(strstr(text, "  --timeout SECONDS      "));
    free(text);
}
END_TEST

Suite *rt_cli_suite(void)
{
    Suite *s = suite_create("rt_cli");
    TCase *tc = tcase_create("cli");
    tcase_add_test(tc, test_defaults);
    tcase_add_test(tc, test_values);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_serve);
    tcase_add_test(tc, test_usage);
    suite_add_tcase(s, tc);
    return s;
}
