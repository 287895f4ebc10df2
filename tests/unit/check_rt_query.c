/* check_rt_query.c - the query loop end to end without the compiler: hand-written
** process/emit functions (the §13 events count per action and 1-hour window, and a
** stateless filter) registered like generated code does, run through srt_run /
** srt_main, comparing the whole console output; the same queries split across threads
** (srt_par.c) against one thread.
*/
#include <check.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/cm_connectors.h"
#include "rt_testutil.h"
#include "srt_int.h"
#include "state/srt_operator.h"

#define HOUR_US 3600000000LL

/* What the hand-written "generated" program registers (test-only global). */
static struct {
    const char *dir;
    const char *mode;     /* outputMode */
    const char *max_files;
    const char *truncate;
    int order;            /* ORDER BY count DESC, hidden window start ASC */
    int having;           /* HAVING count > 1 */
    int failfast;         /* a malformed record fails the query */
    int stateless;        /* SELECT action, time WHERE action LIKE 'O%' */
    int dedup;            /* ... DROP DUPLICATES (minute of time), with stateless */
    const char *trigger;  /* query option */
    int parallel;         /* registered as generated code does for a query that may split */
} cfg;

/* The threads that ran the process function (parallel runs). */
static pthread_mutex_t seen_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_t seen[8];
static int n_seen;

static void note_thread(void)
{
    pthread_mutex_lock(&seen_mu);
    int known = 0;
    for (int i = 0; i < n_seen; i++)
        known |= pthread_equal(seen[i], pthread_self());
    if (!known && n_seen < 8)
        seen[n_seen++] = pthread_self();
    pthread_mutex_unlock(&seen_mu);
}

/* SrtMergeFn of the count. */
static void merge_count(uint8_t *dst, const uint8_t *src, SrtQuery *q)
{
    (void)q;
    int64_t a, b;
    memcpy(&a, dst, 8);
    memcpy(&b, src, 8);
    a += b;
    memcpy(dst, &a, 8);
}

typedef struct Record {
    int64_t ts;
    int ts_ok;
    const char *act;
    uint32_t act_n;
    int act_ok;
} Record;

/* Parse one JSON line the way generated parsers do; 0 ok, -1 malformed. */
static int parse_record(SrtQuery *q, const char *s, const char *le, Record *r)
{
    memset(r, 0, sizeof *r);
    if (*s != '{')
        return -1;
    s = srt_json_ws(s + 1, le);
    while (s < le && *s != '}') {
        const char *k;
        uint32_t kn;
        int esc, st;
        s = srt_json_string_raw(s, le, &k, &kn, &esc);
        if (!s)
            return -1;
        s = srt_json_ws(s, le);
        if (s >= le || *s != ':')
            return -1;
        s = srt_json_ws(s + 1, le);
        if (kn == 4 && memcmp(k, "time", 4) == 0) {
            s = srt_json_ts(s, le, &r->ts, &st);
            r->ts_ok = st == SRT_JV_OK;
        } else if (kn == 6 && memcmp(k, "action", 6) == 0) {
            s = srt_json_str(s, le, q, &r->act, &r->act_n, &st);
            r->act_ok = st == SRT_JV_OK;
        } else {
            s = srt_json_skip(s, le);
        }
        if (!s)
            return -1;
        s = srt_json_ws(s, le);
        if (s < le && *s == ',')
            s = srt_json_ws(s + 1, le);
        else if (s < le && *s != '}')
            return -1;
    }
    return s < le ? 0 : -1;
}

static int64_t events_process(SrtQuery *q, const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len;
    SrtAggTable *t = srt_query_agg_table(q);
    SrtAggTable *keys = srt_query_dedup_table(q);
    int64_t rows = 0;
    if (cfg.parallel) {
        note_thread();
        usleep(500); /* long enough for the pool's thread to take tasks too */
    }
    while (p < end) {
        const char *le = srt_json_line_end(p, end);
        const char *s = srt_json_ws(p, le);
        if (s == le) {
            p = le + 1;
            continue;
        }
        srt_scratch_reset(q);
        Record r;
        if (parse_record(q, s, le, &r) < 0) {
            if (cfg.failfast) {
                srt_query_fail_at(q, "Malformed records are detected in record parsing. Parse Mode: FAILFAST.", p);
                return -1;
            }
            memset(&r, 0, sizeof r); /* PERMISSIVE: all fields NULL */
        }
        rows++;
        p = le + 1;
        if (cfg.stateless) {
            if (!r.act_ok || !srt_like(q, r.act, r.act_n, "O%", 2, '\\', 1))
                continue;
            if (cfg.dedup) {
                uint8_t key[9] = {(uint8_t)r.ts_ok};
                int64_t minute = r.ts_ok ? srt_window_start(r.ts, 60000000LL, 0) : 0;
                memcpy(key + 1, &minute, 8);
                if (!srt_dedup_admit(q, keys, key, 9, srt_hash(key, 9), INT64_MAX))
                    continue;
            }
            SrtDatum *row = srt_out_row(q);
            row[0].p = srt_batch_strdup(q, r.act, r.act_n);
            row[0].n = r.act_n;
            row[1].i = r.ts;
            row[1].is_null = !r.ts_ok;
            continue;
        }
        if (!r.ts_ok)
            continue; /* window(NULL) drops the row */
        uint8_t key[8 + 1 + 256];
        int64_t ws = srt_window_start(r.ts, HOUR_US, 0);
        uint32_t an = r.act_ok ? (r.act_n > 256 ? 256 : r.act_n) : 0;
        memcpy(key, &ws, 8);
        key[8] = (uint8_t)r.act_ok;
        if (an)
            memcpy(key + 9, r.act, an);
        uint8_t *st = srt_agg_upsert(t, key, 9 + an, srt_hash(key, 9 + an));
        ++*(int64_t *)st;
    }
    return rows;
}

static int events_emit(SrtQuery *q, const uint8_t *key, uint32_t key_len, const uint8_t *state,
                       SrtDatum *row)
{
    int64_t ws, count;
    memcpy(&ws, key, 8);
    memcpy(&count, state, 8);
    if (cfg.having && count <= 1)
        return 0;
    if (key[8]) {
        row[0].p = srt_batch_strdup(q, (const char *)key + 9, key_len - 9);
        row[0].n = key_len - 9;
    } else {
        row[0].is_null = 1;
    }
    SrtDatum *w = srt_batch_alloc(q, 2 * sizeof(SrtDatum));
    memset(w, 0, 2 * sizeof(SrtDatum));
    w[0].i = ws;
    w[1].i = ws + HOUR_US;
    row[1].p = w;
    row[1].n = 2;
    row[2].i = count;
    row[3].i = ws; /* hidden sort key */
    return 1;
}

static void init_program(SrtProgram *p)
{
    int src = srt_prog_source(p, "events", "files");
    srt_prog_source_option(p, src, "path", cfg.dir);
    srt_prog_source_option(p, src, "format", "json");
    if (cfg.max_files)
        srt_prog_source_option(p, src, "maxFilesPerTrigger", cfg.max_files);
    srt_prog_source_column(p, src, "time", "timestamp");
    srt_prog_source_column(p, src, "action", "string");
    int sink = srt_prog_sink(p, "out", "console");
    if (cfg.truncate)
        srt_prog_sink_option(p, sink, "truncate", cfg.truncate);
    if (cfg.parallel) /* every row, to compare */
        srt_prog_sink_option(p, sink, "numRows", "100000");
    int q = srt_prog_query(p, "counts", src, sink, events_process);
    srt_prog_query_option(p, q, "name", "counts");
    if (cfg.mode)
        srt_prog_query_option(p, q, "outputMode", cfg.mode);
    if (cfg.trigger)
        srt_prog_query_option(p, q, "trigger", cfg.trigger);
    if (cfg.stateless) {
        srt_prog_query_column(p, q, "action", "string", 0);
        srt_prog_query_column(p, q, "time", "timestamp", 0);
        if (cfg.dedup)
            srt_prog_query_dedup(p, q);
        if (cfg.parallel)
            srt_prog_query_parallel(p, q, NULL);
        return;
    }
    srt_prog_query_column(p, q, "action", "string", 0);
    srt_prog_query_column(p, q, "window", "struct<start:timestamp,end:timestamp>", 0);
    srt_prog_query_column(p, q, "count", "bigint", 0);
    srt_prog_query_column(p, q, "ws", "timestamp", 1);
    srt_prog_query_agg(p, q, sizeof(int64_t), events_emit);
    if (cfg.parallel)
        srt_prog_query_parallel(p, q, merge_count);
    if (cfg.order) {
        srt_prog_query_order(p, q, 2, 1, 0);
        srt_prog_query_order(p, q, 3, 0, 1);
    }
}

static char test_dir[64];

static void write_file(const char *name, const char *text, time_t mtime)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", test_dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    struct timespec ts[2] = {{mtime, 0}, {mtime, 0}};
    ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
}

/* Two files: f1 (02:54:35 Open, 02:54:36 Close, blank line, 02:54:37 Open) and f2
   without a trailing newline (03:54:35 Open, 02:54:38 Close). */
static void setup(void)
{
    rt_make_temp_dir(test_dir, sizeof test_dir, "srt_query");
    write_file("f1.json",
               "{\"time\":1469501675,\"action\":\"Open\"}\n"
               "{\"time\":1469501676,\"action\":\"Close\"}\n"
               "\n"
               "{\"time\":1469501677,\"action\":\"Open\"}\n",
               1000);
    write_file("f2.json",
               "{\"time\":1469505275,\"action\":\"Open\"}\n"
               "{\"time\":\"2016-07-26 02:54:38\",\"action\":\"Close\"}",
               2000);
    memset(&cfg, 0, sizeof cfg);
    cfg.dir = test_dir;
    cfg.mode = "complete";
    cfg.max_files = "1";
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", test_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", test_dir);
}

typedef struct Run {
    int rc;
    char *out, *err;
    size_t leaked;
} Run;

/* A run with up to 7 options (NULL-terminated), the Nth allocation failing (-1: none). */
static Run run_v(int64_t fail_after, const char *const *opts)
{
    char *argv[9] = {"q"};
    int argc = 1;
    while (argc < 8 && opts[argc - 1])
        argv[argc] = (char *)opts[argc - 1], argc++;
    argv[argc] = NULL;
    SrtMem mem;
    srt_mem_init(&mem);
    mem.fail_after = fail_after;
    RtCapture out, err;
    rt_capture_open(&out);
    rt_capture_open(&err);
    SrtEnv env = {.mem = &mem, .out = out.f, .err = err.f};
    Run r;
    r.rc = srt_run(argc, argv, init_program, &env);
    r.out = (char *)rt_capture_close(&out);
    r.err = (char *)rt_capture_close(&err);
    r.leaked = mem.in_use;
    return r;
}

static Run run_with(int64_t fail_after, const char *a1, const char *a2, const char *a3)
{
    const char *opts[4] = {a1, a1 ? a2 : NULL, a1 && a2 ? a3 : NULL, NULL};
    return run_v(fail_after, opts);
}

static Run run(const char *a1, const char *a2, const char *a3)
{
    return run_with(-1, a1, a2, a3);
}

static void run_free(Run *r)
{
    free(r->out);
    free(r->err);
}

#define BANNER(n) "-------------------------------------------\nBatch: " #n "\n-------------------------------------------\n"
#define WIN02 "{2016-07-26 02:00:00, 2016-07-26 03:00:00}"
#define WIN03 "{2016-07-26 03:00:00, 2016-07-26 04:00:00}"

START_TEST(test_complete_available_now)
{
    Run r = run("--trigger", "availableNow", NULL);
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    ck_assert_str_eq(r.err, "");
    ck_assert_str_eq(r.out, BANNER(0)
                     "+------+--------------------+-----+\n"
                     "|action|              window|count|\n"
                     "+------+--------------------+-----+\n"
                     "|  Open|{2016-07-26 02:00...|    2|\n"
                     "| Close|{2016-07-26 02:00...|    1|\n"
                     "+------+--------------------+-----+\n"
                     "\n" BANNER(1)
                     "+------+--------------------+-----+\n"
                     "|action|              window|count|\n"
                     "+------+--------------------+-----+\n"
                     "|  Open|{2016-07-26 02:00...|    2|\n"
                     "| Close|{2016-07-26 02:00...|    2|\n"
                     "|  Open|{2016-07-26 03:00...|    1|\n"
                     "+------+--------------------+-----+\n"
                     "\n");
    ck_assert_uint_eq(r.leaked, 0);
    run_free(&r);
}
END_TEST

/* Update mode: the groups a batch changed in the order the batch met them (f2 meets
   03:54:35 Open before 02:54:38 Close), as Spark's StateStoreSaveExec emits them. */
START_TEST(test_update_mode)
{
    cfg.mode = "update";
    cfg.truncate = "false";
    Run r = run("--trigger=availableNow", NULL, NULL);
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    ck_assert_str_eq(r.out, BANNER(0)
                     "+------+------------------------------------------+-----+\n"
                     "|action|window                                    |count|\n"
                     "+------+------------------------------------------+-----+\n"
                     "|Open  |" WIN02 "|2    |\n"
                     "|Close |" WIN02 "|1    |\n"
                     "+------+------------------------------------------+-----+\n"
                     "\n" BANNER(1)
                     "+------+------------------------------------------+-----+\n"
                     "|action|window                                    |count|\n"
                     "+------+------------------------------------------+-----+\n"
                     "|Open  |" WIN03 "|1    |\n"
                     "|Close |" WIN02 "|2    |\n"
                     "+------+------------------------------------------+-----+\n"
                     "\n");
    run_free(&r);
}
END_TEST

START_TEST(test_once_order_having)
{
    cfg.order = 1;
    cfg.truncate = "false";
    Run r = run("--trigger", "once", NULL); /* once: both files in one batch */
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    ck_assert_str_eq(r.out, BANNER(0)
                     "+------+------------------------------------------+-----+\n"
                     "|action|window                                    |count|\n"
                     "+------+------------------------------------------+-----+\n"
                     "|Open  |" WIN02 "|2    |\n"
                     "|Close |" WIN02 "|2    |\n"
                     "|Open  |" WIN03 "|1    |\n"
                     "+------+------------------------------------------+-----+\n"
                     "\n");
    run_free(&r);
    cfg.order = 0;
    cfg.having = 1;
    cfg.trigger = "once"; /* the query option this time */
    r = run(NULL, NULL, NULL);
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    ck_assert(strstr(r.out, "|Close |" WIN02 "|2    |\n+---") != NULL);
    ck_assert(strstr(r.out, WIN03) == NULL);
    run_free(&r);
}
END_TEST

/* The header of the stateless query's table. */
#define STATELESS_HEADER                                                                           \
    "+------+-------------------+\n"                                                               \
    "|action|               time|\n"                                                               \
    "+------+-------------------+\n"

START_TEST(test_stateless_append)
{
    cfg.stateless = 1;
    cfg.mode = "append";
    cfg.max_files = NULL;
    Run r = run("--trigger", "availableNow", NULL);
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    ck_assert_str_eq(r.out, BANNER(0) STATELESS_HEADER
                     "|  Open|2016-07-26 02:54:35|\n"
                     "|  Open|2016-07-26 02:54:37|\n"
                     "|  Open|2016-07-26 03:54:35|\n"
                     "+------+-------------------+\n"
                     "\n");
    run_free(&r);
}
END_TEST

/* A query option not set reads as its default in cm_query_opts, the one place query
   defaults are written: outputMode append (an aggregation without a watermark is then
   refused as Spark refuses it), trigger default (a micro-batch as soon as data is there). */
START_TEST(test_query_option_defaults)
{
    SrtMem mem;
    SrtProgram p;
    srt_mem_init(&mem);
    srt_prog_init(&p, &mem);
    int src = srt_prog_source(&p, "events", "files");
    int sink = srt_prog_sink(&p, "out", "console");
    int qi = srt_prog_query(&p, "q", src, sink, events_process);
    ck_assert_int_eq(p.err.code, 0);
    for (int i = 0; i < cm_n_query_opts; i++) {
        const CmOptSpec *o = &cm_query_opts[i];
        ck_assert_ptr_null(srt_opts_get(&p.queries[qi].opts, o->key));
        ck_assert_msg(srt_opts_value(&p.queries[qi].opts, o->key) == o->def, "%s: the spec's default",
                      o->key);
    }
    ck_assert_str_eq(srt_opts_value(&p.queries[qi].opts, "OUTPUTMODE"), "append");
    ck_assert_str_eq(srt_opts_value(&p.queries[qi].opts, "trigger"), "default");
    srt_prog_free(&p);
    ck_assert_uint_eq(mem.in_use, 0);

    cfg.mode = NULL;
    Run r = run("--trigger", "once", NULL);
    ck_assert_int_ne(r.rc, 0);
    ck_assert_msg(strstr(r.err, "Append output mode not supported when there are streaming "
                                "aggregations") != NULL, "%s", r.err);
    run_free(&r);
    cfg.stateless = 1;
    cfg.trigger = NULL;
    r = run("--max-batches=1", NULL, NULL); /* the first file (maxFilesPerTrigger 1) */
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    ck_assert_str_eq(r.out, BANNER(0) STATELESS_HEADER
                     "|  Open|2016-07-26 02:54:35|\n"
                     "|  Open|2016-07-26 02:54:37|\n"
                     "+------+-------------------+\n"
                     "\n");
    run_free(&r);
}
END_TEST

/* srt_prog_derive (consumerGroup's lanes): the variant's options are its own to change, set,
   replace or remove, and the original program keeps its own; freeing the variant leaves the
   original whole. */
START_TEST(test_prog_derive)
{
    SrtMem mem;
    SrtProgram p, v;
    srt_mem_init(&mem);
    srt_prog_init(&p, &mem);
    int src = srt_prog_source(&p, "events", "files");
    int sink = srt_prog_sink(&p, "out", "files");
    int qi = srt_prog_query(&p, "q", src, sink, events_process);
    srt_prog_source_option(&p, src, "path", "in");
    srt_prog_source_option(&p, src, "maxFilesPerTrigger", "1");
    srt_prog_sink_option(&p, sink, "path", "out");
    srt_prog_query_option(&p, qi, "checkpointLocation", "ck");
    ck_assert_int_eq(p.err.code, 0);
    ck_assert_int_eq(srt_prog_derive(&p, &mem, &v), 0);
    ck_assert_int_eq(v.n_sources, 1);
    ck_assert_int_eq(v.n_queries, 1);
    ck_assert_ptr_eq(v.queries[qi].inputs, p.queries[qi].inputs); /* shared */
    srt_prog_source_option(&v, src, "path", "in/lane");
    srt_opts_unset(&v.sources[src].opts, "maxFilesPerTrigger");
    srt_prog_sink_option(&v, sink, "path", "out/lane");
    srt_prog_query_option(&v, qi, "checkpointLocation", "ck/lane");
    srt_prog_query_option(&v, qi, "name", "q[lane]");
    ck_assert_int_eq(v.err.code, 0);
    ck_assert_str_eq(srt_opts_get(&v.sources[src].opts, "path"), "in/lane");
    ck_assert_ptr_null(srt_opts_get(&v.sources[src].opts, "maxFilesPerTrigger"));
    ck_assert_str_eq(srt_opts_get(&v.sinks[sink].opts, "path"), "out/lane");
    ck_assert_str_eq(srt_opts_get(&v.queries[qi].opts, "checkpointLocation"), "ck/lane");
    ck_assert_str_eq(srt_opts_get(&v.queries[qi].opts, "name"), "q[lane]");
    srt_prog_free(&v);
    ck_assert_str_eq(srt_opts_get(&p.sources[src].opts, "path"), "in");
    ck_assert_str_eq(srt_opts_get(&p.sources[src].opts, "maxFilesPerTrigger"), "1");
    ck_assert_str_eq(srt_opts_get(&p.sinks[sink].opts, "path"), "out");
    ck_assert_str_eq(srt_opts_get(&p.queries[qi].opts, "checkpointLocation"), "ck");
    ck_assert_ptr_null(srt_opts_get(&p.queries[qi].opts, "name"));
    srt_prog_free(&p);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

START_TEST(test_max_batches)
{
    Run r = run("--trigger", "availableNow", "--max-batches=1");
    ck_assert_int_eq(r.rc, 0);
    ck_assert(strstr(r.out, "Batch: 0") != NULL);
    ck_assert(strstr(r.out, "Batch: 1") == NULL);
    run_free(&r);
}
END_TEST

START_TEST(test_no_data)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -f %s/*", test_dir);
    ck_assert_int_eq(system(cmd), 0);
    Run r = run("--trigger", "availableNow", NULL);
    ck_assert_int_eq(r.rc, 0);
    ck_assert_str_eq(r.out, "");
    run_free(&r);
    r = run("--trigger", "once", NULL);
    ck_assert_int_eq(r.rc, 0);
    ck_assert_str_eq(r.out, "");
    run_free(&r);
}
END_TEST

START_TEST(test_errors)
{
    static const struct {
        const char *a1, *a2;
        int rc;
        const char *err_prefix;
    } cases[] = {
        {"--bogus", NULL, 2, "error: unknown option '--bogus'\nTry 'q --help'"},
        {"--trigger", NULL, 2, "error: option '--trigger' needs a value (MODE)"},
        {"--trigger", "sometimes", 2, "error: invalid trigger 'sometimes'"},
        {"--max-batches", "-3", 2, "error: invalid value '-3' for --max-batches"},
        {"extra", NULL, 2, "error: unexpected argument 'extra'"},
        {"--help=yes", NULL, 2, "error: option '--help' takes no value"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Run r = run(cases[i].a1, cases[i].a2, NULL);
        ck_assert_msg(r.rc == cases[i].rc, "case %zu rc %d", i, r.rc);
        ck_assert_msg(strncmp(r.err, cases[i].err_prefix, strlen(cases[i].err_prefix)) == 0,
                      "case %zu: %s", i, r.err);
        ck_assert_str_eq(r.out, "");
        run_free(&r);
    }
    Run r = run("--help", NULL, NULL);
    ck_assert_int_eq(r.rc, 0);
    ck_assert(strncmp(r.out, "usage: q [options]", 18) == 0);
    ck_assert(strstr(r.out, "--trigger MODE") && strstr(r.out, "--max-batches N"));
    run_free(&r);
    r = run("--version", NULL, NULL);
    ck_assert_int_eq(r.rc, 0);
    ck_assert(strncmp(r.out, "sluice runtime ", 15) == 0);
    run_free(&r);
}
END_TEST

START_TEST(test_query_failures)
{
    char want[256];
    cfg.dir = "/nonexistent/events";
    Run r = run("--trigger", "availableNow", NULL);
    ck_assert_int_eq(r.rc, 1);
    ck_assert_str_eq(r.err, "error: query 'counts' failed: Path does not exist: /nonexistent/events\n");
    ck_assert_uint_eq(r.leaked, 0);
    run_free(&r);
    cfg.dir = test_dir;
    cfg.mode = "append"; /* with an aggregation and no watermark */
    r = run(NULL, NULL, NULL);
    ck_assert_int_eq(r.rc, 1);
    ck_assert_str_eq(r.err, "error: query 'counts' failed: Append output mode not supported when there "
                            "are streaming aggregations on streaming DataFrames/DataSets without watermark\n");
    run_free(&r);
    /* A malformed record in FAILFAST: where it is. */
    cfg.mode = "complete";
    cfg.failfast = 1;
    write_file("f3.json", "{\"time\":1469501675,\"action\":\"Open\"}\n{\"time\":14695,\"action\":Open}\n", 3000);
    r = run("--trigger", "availableNow", NULL);
    ck_assert_int_eq(r.rc, 1);
    /* The query, its id and run id (UUIDs), the batch and the cause. */
    snprintf(want, sizeof want,
             "] failed in batch 2: Malformed records are detected in record parsing. "
             "Parse Mode: FAILFAST. (at %s/f3.json:2, byte 36)\n",
             test_dir);
    ck_assert_msg(strncmp(r.err, "error: query 'counts' [id = ", 28) == 0, "%s", r.err);
    ck_assert_msg(strlen(r.err) > strlen(want) && strcmp(r.err + strlen(r.err) - strlen(want), want) == 0,
                  "%s", r.err);
    ck_assert_msg(strstr(r.err, ", runId = ") != NULL, "%s", r.err);
    /* the batches before the bad file were written */
    ck_assert(strstr(r.out, "Batch: 1") != NULL && strstr(r.out, "Batch: 2") == NULL);
    ck_assert_uint_eq(r.leaked, 0);
    run_free(&r);
}
END_TEST

/* Fail the Nth allocation of a run with these options for every N below max: exit 0 with
   the full output or exit 1 with an out-of-memory message; never a crash, never a leak. */
static void oom_sweep(const char *const *opts, int64_t max)
{
    Run full = run_v(-1, opts);
    ck_assert_int_eq(full.rc, 0);
    int completed = 0;
    for (int64_t n = 0; n < max && !completed; n++) {
        Run r = run_v(n, opts);
        ck_assert_msg(r.rc == 0 || r.rc == 1, "n=%lld rc=%d", (long long)n, r.rc);
        if (r.rc == 1)
            ck_assert_msg(strstr(r.err, "out of memory") != NULL, "n=%lld: %s", (long long)n, r.err);
        else {
            ck_assert_str_eq(r.out, full.out);
            completed = 1;
        }
        ck_assert_msg(r.leaked == 0, "n=%lld leaked %zu", (long long)n, r.leaked);
        run_free(&r);
    }
    ck_assert(completed);
    run_free(&full);
}

START_TEST(test_oom_sweep)
{
    static const char *const opts[] = {"--trigger", "availableNow", NULL};
    oom_sweep(opts, 400);
}
END_TEST

/* srt_main itself, stdout through a pipe. */
static int run_main_forked(char **argv, int argc, char *out, size_t cap, int signal_after_ms)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], STDOUT_FILENO);
        close(fds[1]);
        _exit(srt_main(argc, argv, init_program));
    }
    close(fds[1]);
    if (signal_after_ms > 0) {
        usleep((useconds_t)signal_after_ms * 1000);
        kill(pid, SIGTERM);
    }
    size_t n = 0;
    ssize_t k;
    while ((k = read(fds[0], out + n, cap - 1 - n)) > 0)
        n += (size_t)k;
    out[n] = '\0';
    close(fds[0]);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    return WEXITSTATUS(status);
}

START_TEST(test_srt_main_pipe)
{
    static char out[8192];
    char *argv[] = {"q", "--trigger", "availableNow", NULL};
    ck_assert_int_eq(run_main_forked(argv, 3, out, sizeof out, 0), 0);
    Run r = run("--trigger", "availableNow", NULL);
    ck_assert_str_eq(out, r.out);
    run_free(&r);
}
END_TEST

START_TEST(test_sigterm_stops_gracefully)
{
    static char out[8192];
    char *argv[] = {"q", NULL};
    /* default trigger: both batches, then polling until SIGTERM; exit 0. */
    ck_assert_int_eq(run_main_forked(argv, 1, out, sizeof out, 400), 0);
    ck_assert(strstr(out, "Batch: 0") != NULL && strstr(out, "Batch: 1") != NULL);
    /* an interval trigger, too */
    char *argv2[] = {"q", "--trigger", "1 second", NULL};
    ck_assert_int_eq(run_main_forked(argv2, 3, out, sizeof out, 300), 0);
    ck_assert(strstr(out, "Batch: 0") != NULL);
}
END_TEST

/* A file that appears while the query runs is picked up by a later batch. */
START_TEST(test_new_file_while_running)
{
    static char out[16384];
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], STDOUT_FILENO);
        close(fds[1]);
        char *argv[] = {"q", "--max-batches", "3", NULL};
        _exit(srt_main(3, argv, init_program));
    }
    close(fds[1]);
    usleep(300000);
    char tmp[256], dst[256];
    snprintf(tmp, sizeof tmp, "%s/.f9.tmp", test_dir);
    snprintf(dst, sizeof dst, "%s/f9.json", test_dir);
    FILE *f = fopen(tmp, "w");
    fputs("{\"time\":1469505276,\"action\":\"Close\"}\n", f);
    fclose(f);
    ck_assert_int_eq(rename(tmp, dst), 0); /* appears atomically */
    size_t n = 0;
    ssize_t k;
    while ((k = read(fds[0], out + n, sizeof out - 1 - n)) > 0)
        n += (size_t)k;
    out[n] = '\0';
    close(fds[0]);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_msg(strstr(out, "Batch: 2\n") != NULL, "%s", out);
    ck_assert(strstr(strstr(out, "Batch: 2\n"), "| Close|{2016-07-26 03:00...|    1|") != NULL);
}
END_TEST

/* The second query of a program: every record's action and time, no aggregation. */
static int64_t all_process(SrtQuery *q, const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len;
    int64_t rows = 0;
    while (p < end) {
        const char *le = srt_json_line_end(p, end);
        const char *s = srt_json_ws(p, le);
        Record r;
        if (s < le && parse_record(q, s, le, &r) == 0) {
            SrtDatum *row = srt_out_row(q);
            row[0].p = srt_batch_strdup(q, r.act, r.act_n);
            row[0].n = r.act_n;
            row[1].i = r.ts;
            rows++;
        }
        p = le + 1;
    }
    return rows;
}

/* Two queries in one program: each has its own source instance, trigger, batch ids and
   state; the scheduler alternates between them. */
static void init_two(SrtProgram *p)
{
    int src = srt_prog_source(p, "events", "files");
    srt_prog_source_option(p, src, "path", cfg.dir);
    srt_prog_source_option(p, src, "maxFilesPerTrigger", "1");
    int sink = srt_prog_sink(p, "out", "console");
    srt_prog_sink_option(p, sink, "numRows", "2");
    int q1 = srt_prog_query(p, "counts", src, sink, events_process);
    srt_prog_query_option(p, q1, "outputMode", "complete");
    srt_prog_query_column(p, q1, "action", "string", 0);
    srt_prog_query_column(p, q1, "window", "struct<start:timestamp,end:timestamp>", 0);
    srt_prog_query_column(p, q1, "count", "bigint", 0);
    srt_prog_query_column(p, q1, "ws", "timestamp", 1);
    srt_prog_query_agg(p, q1, sizeof(int64_t), events_emit);
    int q2 = srt_prog_query(p, "all", src, sink, all_process);
    srt_prog_query_option(p, q2, "trigger", "once");
    srt_prog_query_column(p, q2, "action", "string", 0);
    srt_prog_query_column(p, q2, "time", "timestamp", 0);
}

START_TEST(test_two_queries)
{
    char *argv[] = {"q", "--max-batches", "2", NULL};
    SrtMem mem;
    srt_mem_init(&mem);
    RtCapture out, err;
    rt_capture_open(&out);
    rt_capture_open(&err);
    SrtEnv env = {.mem = &mem, .out = out.f, .err = err.f};
    int rc = srt_run(3, argv, init_two, &env);
    rt_capture_close(&out);
    rt_capture_close(&err);
    ck_assert_msg(rc == 0, "rc %d: %s", rc, err.text);
    ck_assert_str_eq(out.text, BANNER(0)
                     "+------+--------------------+-----+\n"
                     "|action|              window|count|\n"
                     "+------+--------------------+-----+\n"
                     "|  Open|{2016-07-26 02:00...|    2|\n"
                     "| Close|{2016-07-26 02:00...|    1|\n"
                     "+------+--------------------+-----+\n"
                     "\n" BANNER(0)
                     "+------+-------------------+\n"
                     "|action|               time|\n"
                     "+------+-------------------+\n"
                     "|  Open|2016-07-26 02:54:35|\n"
                     "| Close|2016-07-26 02:54:36|\n"
                     "+------+-------------------+\n"
                     "only showing top 2 rows\n"
                     "\n" BANNER(1)
                     "+------+--------------------+-----+\n"
                     "|action|              window|count|\n"
                     "+------+--------------------+-----+\n"
                     "|  Open|{2016-07-26 02:00...|    2|\n"
                     "| Close|{2016-07-26 02:00...|    2|\n"
                     "+------+--------------------+-----+\n"
                     "only showing top 2 rows\n"
                     "\n");
    ck_assert_uint_eq(mem.in_use, 0);
    rt_capture_free(&out);
    rt_capture_free(&err);
}
END_TEST

/* A session the table refuses (an end before its start) fails the query with that cause,
   not "out of memory". */
START_TEST(test_session_bad_bounds_cause)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    ck_assert_ptr_nonnull(q);
    SrtOpDef def = {.kind = SRT_OPK_SESSION_WINDOW, .id = SRT_OP_AGG, .state_size = 16,
                    .event_key_offset = -1, .session_slot = 0};
    SrtErr err = {0};
    ck_assert_int_eq(srt_query_ops_create(q, &def, 1, &err), 0);
    uint8_t key[16] = {0};
    jmp_buf jb;
    if (setjmp(jb) == 0) {
        q->guard = &jb;
        srt_session_upsert(q, key, sizeof key, srt_hash(key, sizeof key), 10, 5);
        ck_abort_msg("the upsert returned");
    }
    q->guard = NULL;
    ck_assert_int_eq(q->failed, 1);
    ck_assert_str_eq(q->err.msg, "session window: invalid session [10, 5) or key of 16 bytes");
    srt_query_free(q);
}
END_TEST

/* ==== Parallel batches ==== */

/* Three files of n lines each: times spread over several hours, four actions, in an order a
   small generator fixes; `bad` (1-based, 0: none) is a malformed line of the second file. */
static void write_many(int n, int bad)
{
    uint32_t x = 12345;
    static const char *acts[] = {"Open", "Close", "Move", "Sleep"};
    for (int f = 0; f < 3; f++) {
        size_t cap = (size_t)n * 64 + 64, len = 0;
        char *text = malloc(cap);
        ck_assert_ptr_nonnull(text);
        for (int i = 1; i <= n; i++) {
            x = x * 1103515245u + 12345u;
            long long t = 1469501675LL + (long long)((x >> 8) % 20000);
            if (f == 1 && i == bad)
                len += (size_t)snprintf(text + len, cap - len, "{\"time\":%lld,\"action\":\n", t);
            else
                len += (size_t)snprintf(text + len, cap - len, "{\"time\":%lld,\"action\":\"%s\"}\n",
                                        t, acts[(x >> 20) % 4]);
        }
        char name[32];
        snprintf(name, sizeof name, "m%d.json", f);
        write_file(name, text, 3000 + f);
        free(text);
    }
}

static const char *const ONE_THREAD[] = {"--trigger", "once", "--threads", "1", NULL};
static const char *const SPLIT[] = {"--trigger", "once", "--threads", "2", "--task-bytes", "700", NULL};

/* The same bytes from tasks of a few lines on two threads as from one thread, the rows of a
   stateless query in input order, the groups of an aggregation in the order of their first
   rows, the first row of each key of DROP DUPLICATES (its duplicates in the same task and in
   later ones); the pool's thread ran some of the tasks. */
START_TEST(test_parallel_same_output)
{
    write_many(3000, 0);
    cfg.parallel = 1;
    cfg.max_files = NULL;
    cfg.truncate = "false";
    static const struct {
        const char *mode;
        int stateless, dedup;
    } cases[] = {{"complete", 0, 0}, {"update", 0, 0}, {"append", 1, 0}, {"append", 1, 1}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        cfg.mode = cases[c].mode;
        cfg.stateless = cases[c].stateless;
        cfg.dedup = cases[c].dedup;
        Run one = run_v(-1, ONE_THREAD);
        ck_assert_msg(one.rc == 0, "%s", one.err);
        n_seen = 0;
        Run two = run_v(-1, SPLIT);
        ck_assert_msg(two.rc == 0, "%s", two.err);
        ck_assert_int_ge(n_seen, 2);
        ck_assert_uint_gt(strlen(one.out), 1000);
        ck_assert_str_eq(two.out, one.out);
        ck_assert_uint_eq(two.leaked, 0);
        run_free(&one);
        run_free(&two);
    }
}
END_TEST

/* FAILFAST: the first malformed record in input order fails the batch, with the message and
   position one thread gives (its line counted from the file, SrtReadPos). */
START_TEST(test_parallel_failfast)
{
    write_many(3000, 2500);
    cfg.parallel = 1;
    cfg.max_files = NULL;
    cfg.failfast = 1;
    Run one = run_v(-1, ONE_THREAD);
    Run two = run_v(-1, SPLIT);
    ck_assert_int_eq(one.rc, 1);
    ck_assert_int_eq(two.rc, 1);
    ck_assert_msg(strstr(one.err, "m1.json:2500, byte ") != NULL, "%s", one.err);
    /* the query ids differ between runs: compare from the cause on */
    ck_assert_str_eq(strstr(two.err, "Malformed"), strstr(one.err, "Malformed"));
    ck_assert_uint_eq(two.leaked, 0);
    run_free(&one);
    run_free(&two);
}
END_TEST

/* Allocation failures in a split run: the full output or an out-of-memory failure, never a
   crash or a leak. */
START_TEST(test_parallel_oom_sweep)
{
    write_many(400, 0);
    cfg.parallel = 1;
    cfg.max_files = NULL;
    oom_sweep(SPLIT, 3000);
}
END_TEST

/* The same for DROP DUPLICATES: a task's keys and the fold's. */
START_TEST(test_parallel_dedup_oom_sweep)
{
    write_many(400, 0);
    cfg.parallel = 1;
    cfg.max_files = NULL;
    cfg.stateless = 1;
    cfg.dedup = 1;
    cfg.mode = "append";
    oom_sweep(SPLIT, 3000);
}
END_TEST

Suite *rt_query_suite(void)
{
    Suite *s = suite_create("rt_query");
    TCase *tc = tcase_create("run");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_complete_available_now);
    tcase_add_test(tc, test_session_bad_bounds_cause);
    tcase_add_test(tc, test_update_mode);
    tcase_add_test(tc, test_once_order_having);
    tcase_add_test(tc, test_stateless_append);
    tcase_add_test(tc, test_max_batches);
    tcase_add_test(tc, test_query_option_defaults);
    tcase_add_test(tc, test_prog_derive);
    tcase_add_test(tc, test_no_data);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_query_failures);
    tcase_add_test(tc, test_oom_sweep);
    tcase_add_test(tc, test_srt_main_pipe);
    tcase_add_test(tc, test_sigterm_stops_gracefully);
    tcase_add_test(tc, test_new_file_while_running);
    tcase_add_test(tc, test_two_queries);
    suite_add_tcase(s, tc);
    TCase *par = tcase_create("parallel");
    tcase_add_checked_fixture(par, setup, teardown);
    tcase_set_timeout(par, 240);
    tcase_add_test(par, test_parallel_same_output);
    tcase_add_test(par, test_parallel_failfast);
    tcase_add_test(par, test_parallel_oom_sweep);
    tcase_add_test(par, test_parallel_dedup_oom_sweep);
    suite_add_tcase(s, par);
    return s;
}
