/* check_rt_files.c - the files source: order by modification time (then name),
** maxFilesPerTrigger, latestFirst, files appearing later, hidden files and
** directories skipped, availableNow snapshots, offsets, empty files, missing path.
*/
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rt_testutil.h"
#include "srt_int.h"

typedef struct Env {
    char dir[64];
    SrtMem mem;
    SrtArena arena;
    SrtOptions opts;
    SrtSource src;
    SrtErr err;
    SrtBuf end;
} Env;

static void write_file(const char *dir, const char *name, const char *text, time_t mtime)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    struct timespec ts[2] = {{mtime, 0}, {mtime, 0}};
    ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
}

static void env_init(Env *e)
{
    rt_make_temp_dir(e->dir, sizeof e->dir, "srt_files");
    srt_mem_init(&e->mem);
    srt_arena_init(&e->arena, &e->mem, 1024);
    memset(&e->opts, 0, sizeof e->opts);
    srt_err_clear(&e->err);
    srt_buf_init(&e->end, &e->mem);
    ck_assert_int_eq(srt_opts_set(&e->opts, &e->arena, "path", e->dir), 0);
    ck_assert_int_eq(srt_opts_set(&e->opts, &e->arena, "format", "json"), 0);
}

static void env_opt(Env *e, const char *k, const char *v)
{
    ck_assert_int_eq(srt_opts_set(&e->opts, &e->arena, k, v), 0);
}

static int env_open(Env *e)
{
    memset(&e->src, 0, sizeof e->src);
    e->src.vt = &srt_source_files_vt;
    e->src.mem = &e->mem;
    e->src.name = "events";
    SrtSchema schema = {NULL, 0};
    return e->src.vt->open(&e->src, &e->opts, &schema, &e->err);
}

static void env_done(Env *e)
{
    e->src.vt->close(&e->src);
    srt_buf_free(&e->end);
    srt_arena_free(&e->arena);
    ck_assert_uint_eq(e->mem.in_use, 0);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", e->dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Read callback: appends "<basename>:<bytes>;" to a buffer. */
static int collect(void *ctx, const char *what, const char *buf, size_t len)
{
    char *out = ctx;
    const char *base = strrchr(what, '/');
    size_t k = strlen(out);
    snprintf(out + k, 1024 - k, "%s:%.*s;", base ? base + 1 : what, (int)len, buf);
    return 0;
}

/* Plan + read + commit one batch; returns "" when no data. */
static void batch(Env *e, SrtReadLimit lim, char *out)
{
    int has = -1;
    out[0] = '\0';
    ck_assert_int_eq(e->src.vt->plan(&e->src, lim, &e->end, &has, &e->err), 0);
    if (!has)
        return;
    ck_assert_int_eq(e->src.vt->read(&e->src, NULL, srt_buf_cstr(&e->end), collect, out, &e->err), 0);
    ck_assert_int_eq(e->src.vt->commit(&e->src, srt_buf_cstr(&e->end), &e->err), 0);
}

START_TEST(test_order_and_limit)
{
    Env e;
    env_init(&e);
    env_opt(&e, "maxFilesPerTrigger", "2");
    write_file(e.dir, "c.json", "C", 1000);
    write_file(e.dir, "a.json", "A", 3000);
    write_file(e.dir, "b.json", "B", 2000);
    write_file(e.dir, "b2.json", "B2", 2000); /* same mtime as b.json: name order */
    write_file(e.dir, "z.json", "Z", 500);
    write_file(e.dir, ".hidden", "H", 100);
    write_file(e.dir, "_SUCCESS", "S", 100);
    ck_assert_int_eq(mkdir(strcat(strcpy((char[96]){0}, e.dir), "/sub"), 0755), 0);
    ck_assert_int_eq(env_open(&e), 0);
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "z.json:Z;c.json:C;");
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"logOffset\":0}");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "b.json:B;b2.json:B2;");
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"logOffset\":1}");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "a.json:A;");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "");
    /* New files later: picked up, never the old ones again (even if touched). */
    write_file(e.dir, "d.json", "D", 4000);
    write_file(e.dir, "a.json", "A-again", 5000);
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "d.json:D;");
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"logOffset\":3}");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "");
    SrtBuf d;
    srt_buf_init(&d, &e.mem);
    e.src.vt->describe(&e.src, &d);
    ck_assert(strncmp(srt_buf_cstr(&d), "FileStreamSource[file:/", 23) == 0);
    srt_buf_free(&d);
    env_done(&e);
}
END_TEST

/* maxFileAge: once a batch took a file, files older than its mtime minus the age are skipped. */
START_TEST(test_max_file_age)
{
    Env e;
    env_init(&e);
    env_opt(&e, "maxFileAge", "1000 seconds");
    write_file(e.dir, "x.json", "X", 10000);
    ck_assert_int_eq(env_open(&e), 0);
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "x.json:X;");
    write_file(e.dir, "y.json", "Y", 2000); /* older than 10000 - 1000: skipped */
    write_file(e.dir, "z.json", "Z", 9500); /* within the age: taken */
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "z.json:Z;");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "");
    env_done(&e);
}
END_TEST

START_TEST(test_latest_first_and_all)
{
    Env e;
    env_init(&e);
    env_opt(&e, "maxFilesPerTrigger", "1");
    env_opt(&e, "latestFirst", "true");
    write_file(e.dir, "old", "1", 1000);
    write_file(e.dir, "mid", "2", 2000);
    write_file(e.dir, "new", "3", 3000);
    ck_assert_int_eq(env_open(&e), 0);
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "new:3;");
    batch(&e, SRT_LIMIT_ALL, out); /* Trigger.Once ignores maxFilesPerTrigger */
    ck_assert_str_eq(out, "mid:2;old:1;");
    env_done(&e);
}
END_TEST

START_TEST(test_available_now_snapshot)
{
    Env e;
    env_init(&e);
    env_opt(&e, "maxFilesPerTrigger", "1");
    write_file(e.dir, "f1", "1", 1000);
    write_file(e.dir, "f2", "2", 2000);
    ck_assert_int_eq(env_open(&e), 0);
    ck_assert_int_eq(e.src.vt->snapshot(&e.src, &e.err), 0);
    write_file(e.dir, "f0", "0", 10); /* after the snapshot: not part of this run */
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "f1:1;");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "f2:2;");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "");
    env_done(&e);
}
END_TEST

START_TEST(test_empty_and_unterminated)
{
    Env e;
    env_init(&e);
    write_file(e.dir, "empty", "", 1000);
    write_file(e.dir, "nonl", "{\"a\":1}\n{\"a\":2}", 2000);
    ck_assert_int_eq(env_open(&e), 0);
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "empty:;nonl:{\"a\":1}\n{\"a\":2};");
    env_done(&e);
}
END_TEST

START_TEST(test_option_errors)
{
    static const struct {
        const char *key, *value, *msg;
    } cases[] = {
        {"maxFilesPerTrigger", "0", "Invalid value '0' for option 'maxFilesPerTrigger', must be a positive integer"},
        {"maxFilesPerTrigger", "abc", "Invalid value 'abc' for option 'maxFilesPerTrigger', must be a positive integer"},
        {"latestFirst", "maybe", "Invalid value 'maybe' for option 'latestFirst', must be true or false"},
        {"format", "parquet", "source 'events': format 'parquet' is not supported by the files source (json, csv, text)"},
        {"path", "/nonexistent/dir/x", "Path does not exist: /nonexistent/dir/x"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Env e;
        env_init(&e);
        env_opt(&e, cases[i].key, cases[i].value);
        ck_assert_int_lt(env_open(&e), 0);
        ck_assert_str_eq(e.err.msg, cases[i].msg);
        env_done(&e);
    }
}
END_TEST

START_TEST(test_path_vanishes)
{
    Env e;
    env_init(&e);
    ck_assert_int_eq(env_open(&e), 0);
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(rmdir(e.dir), 0);
    int has;
    ck_assert_int_lt(e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err), 0);
    ck_assert(strstr(e.err.msg, "Path does not exist") != NULL);
    ck_assert_int_eq(mkdir(e.dir, 0700), 0);
    env_done(&e);
}
END_TEST

/* Many files, one per batch, with allocation failures injected: errors, never crashes. */
START_TEST(test_files_oom)
{
    for (int64_t n = 0; n < 40; n++) {
        Env e;
        env_init(&e);
        for (int i = 0; i < 20; i++) {
            char name[16];
            snprintf(name, sizeof name, "f%02d", i);
            write_file(e.dir, name, "x", 1000 + i);
        }
        e.mem.fail_after = n;
        int rc = env_open(&e);
        char out[1024];
        for (int b = 0; rc == 0 && b < 25; b++) {
            int has;
            rc = e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err);
            out[0] = '\0';
            if (rc == 0 && has)
                rc = e.src.vt->read(&e.src, NULL, srt_buf_cstr(&e.end), collect, out, &e.err);
        }
        ck_assert(rc == 0 || rc == -SRT_ERR_NOMEM);
        e.mem.fail_after = -1;
        env_done(&e);
    }
}
END_TEST

Suite *rt_files_suite(void)
{
    Suite *s = suite_create("rt_files");
    TCase *tc = tcase_create("files");
    tcase_add_test(tc, test_order_and_limit);
    tcase_add_test(tc, test_latest_first_and_all);
    tcase_add_test(tc, test_max_file_age);
    tcase_add_test(tc, test_available_now_snapshot);
    tcase_add_test(tc, test_empty_and_unterminated);
    tcase_add_test(tc, test_option_errors);
    tcase_add_test(tc, test_path_vanishes);
    tcase_add_test(tc, test_files_oom);
    suite_add_tcase(s, tc);
    return s;
}
