/* check_rt_show.c - console sink output compared byte for byte: the §13 events table
** with truncation on and off, numRows limits, empty batches, nulls, doubles, wide
** characters and hidden columns.
*/
#include <check.h>
#include <math.h>
#include <string.h>

#include "common/cm_connectors.h"
#include "rt_testutil.h"
#include "srt_int.h"

#define T_0200 1469498400000000LL
#define T_0300 1469502000000000LL

typedef struct Fixture {
    SrtMem mem;
    SrtArena arena;
    SrtSchema schema;
    SrtColumn cols[8];
    SrtOptions opts;
} Fixture;

static void fx_init(Fixture *fx)
{
    srt_mem_init(&fx->mem);
    srt_arena_init(&fx->arena, &fx->mem, 4096);
    memset(&fx->opts, 0, sizeof fx->opts);
    ck_assert_int_eq(srt_opts_bind(&fx->opts, "console", CM_ROLE_SINK), 0);
    fx->schema.cols = fx->cols;
    fx->schema.n_cols = 0;
}

static void fx_col(Fixture *fx, const char *name, const char *type, int hidden)
{
    SrtErr err;
    SrtColumn *c = &fx->cols[fx->schema.n_cols++];
    c->name = name;
    c->hidden = hidden;
    ck_assert_int_eq(srt_type_parse(&fx->arena, type, &c->type, &err), 0);
}

static void fx_opt(Fixture *fx, const char *k, const char *v)
{
    ck_assert_int_eq(srt_opts_set(&fx->opts, &fx->arena, k, v), 0);
}

static SrtDatum str(const char *s)
{
    SrtDatum d = {0};
    d.p = s;
    d.n = (uint32_t)strlen(s);
    return d;
}

static SrtDatum i64(int64_t v)
{
    SrtDatum d = {0};
    d.i = v;
    return d;
}

static SrtDatum null(void)
{
    SrtDatum d = {0};
    d.is_null = 1;
    return d;
}

/* Write the rows as batch `batch` through the console sink; returns the captured text
   (free with free()). */
static char *console(Fixture *fx, int64_t batch, SrtDatum **rows, size_t n)
{
    RtCapture cap;
    rt_capture_open(&cap);
    SrtSink k = {.vt = &srt_sink_console_vt, .mem = &fx->mem, .name = "out", .out = cap.f, .mode = SRT_SINK_APPEND};
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(k.vt->open(&k, &fx->opts, &fx->schema, &err), 0);
    ck_assert_int_eq(k.vt->write(&k, batch, rows, n, &fx->schema, &err), 0);
    k.vt->close(&k);
    rt_capture_close(&cap);
    return cap.text;
}

static void fx_done(Fixture *fx)
{
    srt_arena_free(&fx->arena);
    ck_assert_uint_eq(fx->mem.in_use, 0);
}

/* The events example: (action, window, count). */
static void events(Fixture *fx, SrtDatum win[2], SrtDatum r0[3], SrtDatum r1[3], SrtDatum *rows[2])
{
    fx_col(fx, "action", "string", 0);
    fx_col(fx, "window", "struct<start:timestamp,end:timestamp>", 0);
    fx_col(fx, "count", "bigint", 0);
    win[0] = i64(T_0200);
    win[1] = i64(T_0300);
    r0[0] = str("Close");
    r0[1].p = win;
    r0[1].n = 2;
    r0[2] = i64(11);
    r1[0] = str("Open");
    r1[1].p = win;
    r1[1].n = 2;
    r1[2] = i64(18);
    rows[0] = r0;
    rows[1] = r1;
}

START_TEST(test_events_truncated)
{
    Fixture fx;
    fx_init(&fx);
    SrtDatum win[2], r0[3] = {{0}}, r1[3] = {{0}}, *rows[2];
    events(&fx, win, r0, r1, rows);
    char *out = console(&fx, 0, rows, 2);
    ck_assert_str_eq(out, "-------------------------------------------\n"
                          "Batch: 0\n"
                          "-------------------------------------------\n"
                          "+------+--------------------+-----+\n"
                          "|action|              window|count|\n"
                          "+------+--------------------+-----+\n"
                          "| Close|{2016-07-26 02:00...|   11|\n"
                          "|  Open|{2016-07-26 02:00...|   18|\n"
                          "+------+--------------------+-----+\n"
                          "\n");
    free(out);
    fx_done(&fx);
}
END_TEST

START_TEST(test_events_untruncated)
{
    Fixture fx;
    fx_init(&fx);
    fx_opt(&fx, "truncate", "false");
    SrtDatum win[2], r0[3] = {{0}}, r1[3] = {{0}}, *rows[2];
    events(&fx, win, r0, r1, rows);
    char *out = console(&fx, 7, rows, 2);
    ck_assert_str_eq(out, "-------------------------------------------\n"
                          "Batch: 7\n"
                          "-------------------------------------------\n"
                          "+------+------------------------------------------+-----+\n"
                          "|action|window                                    |count|\n"
                          "+------+------------------------------------------+-----+\n"
                          "|Close |{2016-07-26 02:00:00, 2016-07-26 03:00:00}|11   |\n"
                          "|Open  |{2016-07-26 02:00:00, 2016-07-26 03:00:00}|18   |\n"
                          "+------+------------------------------------------+-----+\n"
                          "\n");
    free(out);
    fx_done(&fx);
}
END_TEST

START_TEST(test_empty_batch)
{
    Fixture fx;
    fx_init(&fx);
    fx_col(&fx, "action", "string", 0);
    fx_col(&fx, "n", "bigint", 0);
    char *out = console(&fx, 3, NULL, 0);
    ck_assert_str_eq(out, "-------------------------------------------\n"
                          "Batch: 3\n"
                          "-------------------------------------------\n"
                          "+------+---+\n"
                          "|action|  n|\n"
                          "+------+---+\n"
                          "+------+---+\n"
                          "\n");
    free(out);
    fx_done(&fx);
}
END_TEST

START_TEST(test_num_rows)
{
    static const struct {
        const char *num_rows;
        const char *tail;
    } cases[] = {
        {"2", "|  a|\n|  b|\n+---+\nonly showing top 2 rows\n\n"},
        {"1", "|  a|\n+---+\nonly showing top 1 row\n\n"},
        {"3", "|  a|\n|  b|\n|  c|\n+---+\n\n"},
        {"20", "|  a|\n|  b|\n|  c|\n+---+\n\n"},
        {"0", "+---+\nonly showing top 0 rows\n\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Fixture fx;
        fx_init(&fx);
        fx_col(&fx, "s", "string", 0);
        fx_opt(&fx, "numRows", cases[i].num_rows);
        SrtDatum a[1] = {str("a")}, b[1] = {str("b")}, c[1] = {str("c")};
        SrtDatum *rows[3] = {a, b, c};
        char *out = console(&fx, 0, rows, 3);
        const char *head = "-------------------------------------------\nBatch: 0\n"
                           "-------------------------------------------\n+---+\n|  s|\n+---+\n";
        ck_assert_msg(strncmp(out, head, strlen(head)) == 0, "case %zu: %s", i, out);
        ck_assert_msg(strcmp(out + strlen(head), cases[i].tail) == 0, "case %zu: %s", i, out);
        free(out);
        fx_done(&fx);
    }
}
END_TEST

START_TEST(test_types_and_nulls)
{
    Fixture fx;
    fx_init(&fx);
    fx_col(&fx, "b", "boolean", 0);
    fx_col(&fx, "d", "double", 0);
    fx_col(&fx, "dt", "date", 0);
    fx_col(&fx, "ts", "timestamp", 0);
    fx_col(&fx, "arr", "array<string>", 0);
    fx_col(&fx, "st", "struct<x:int,y:string>", 0);
    SrtDatum arr[3] = {str("x"), null(), str("z")};
    SrtDatum st[2] = {i64(1), null()};
    SrtDatum r0[6] = {i64(1), {0}, i64(17008), i64(1469501675500000LL), {0}, {0}};
    r0[1].d = 1e7;
    r0[4].p = arr;
    r0[4].n = 3;
    r0[5].p = st;
    r0[5].n = 2;
    SrtDatum r1[6] = {i64(0), {0}, null(), null(), null(), null()};
    r1[1].d = -0.0;
    SrtDatum r2[6] = {null(), {0}, i64(-1), i64(-1), {0}, {0}};
    r2[1].d = NAN;
    r2[4].p = NULL;
    r2[4].n = 0;
    r2[5].p = st;
    r2[5].n = 2;
    SrtDatum *rows[3] = {r0, r1, r2};
    char *out = console(&fx, 1, rows, 3);
    ck_assert_str_eq(out, "-------------------------------------------\n"
                          "Batch: 1\n"
                          "-------------------------------------------\n"
                          "+-----+-----+----------+--------------------+------------+---------+\n"
                          "|    b|    d|        dt|                  ts|         arr|       st|\n"
                          "+-----+-----+----------+--------------------+------------+---------+\n"
                          "| true|1.0E7|2016-07-26|2016-07-26 02:54:...|[x, NULL, z]|{1, NULL}|\n"
                          "|false| -0.0|      NULL|                NULL|        NULL|     NULL|\n"
                          "| NULL|  NaN|1969-12-31|1969-12-31 23:59:...|          []|{1, NULL}|\n"
                          "+-----+-----+----------+--------------------+------------+---------+\n"
                          "\n");
    free(out);
    fx_done(&fx);
}
END_TEST

static SrtDatum dbl(double v)
{
    SrtDatum d = {0};
    d.d = v;
    return d;
}

static SrtDatum nest(const SrtDatum *v, uint32_t n)
{
    SrtDatum d = {0};
    d.p = v;
    d.n = n;
    return d;
}

/* One value through srt_show_datum (the cell text before truncation). */
static void check_cell(Fixture *fx, const char *type, const SrtDatum *d, const char *want)
{
    const SrtType *t;
    SrtErr err;
    ck_assert_int_eq(srt_type_parse(&fx->arena, type, &t, &err), 0);
    SrtBuf b;
    srt_buf_init(&b, &fx->mem);
    srt_show_datum(d, t, &b);
    ck_assert_msg(strcmp(srt_buf_cstr(&b), want) == 0, "%s: got [%s], want [%s]", type,
                  srt_buf_cstr(&b), want);
    srt_buf_free(&b);
}

START_TEST(test_nested_values)
{
    /* Spark 3.5's ToPrettyString: {a, b}, [a, b], NULL inside and out, no quotes. */
    Fixture fx;
    fx_init(&fx);
    SrtDatum kv0[2] = {str("a"), i64(1)}, kv1[2] = {null(), null()};
    SrtDatum kvs[3] = {nest(kv0, 2), null(), nest(kv1, 2)};
    SrtDatum arr_of_structs = nest(kvs, 3);
    check_cell(&fx, "array<struct<k:string,v:bigint>>", &arr_of_structs,
               "[{a, 1}, NULL, {NULL, NULL}]");
    SrtDatum tags[2] = {str("x, y"), str("")}, nums[3] = {dbl(1e7), dbl(-0.0), dbl(NAN)};
    SrtDatum st_fields[3] = {nest(tags, 2), nest(nums, 3), nest(NULL, 0)};
    SrtDatum st = nest(st_fields, 3);
    check_cell(&fx, "struct<tags:array<string>,nums:array<double>,none:array<int>>", &st,
               "{[x, y, ], [1.0E7, -0.0, NaN], []}");
    SrtDatum inner[2] = {i64(T_0200), i64(17008)};
    SrtDatum outer[3] = {nest(inner, 2), null(), i64(1)};
    SrtDatum so = nest(outer, 3);
    check_cell(&fx, "struct<w:struct<t:timestamp,d:date>,n:struct<x:int>,b:boolean>", &so,
               "{{2016-07-26 02:00:00, 2016-07-26}, NULL, true}");
    SrtDatum in0[2] = {i64(1), null()}, lists[3] = {nest(in0, 2), null(), nest(NULL, 0)};
    SrtDatum aa = nest(lists, 3);
    check_cell(&fx, "array<array<int>>", &aa, "[[1, NULL], NULL, []]");
    SrtDatum ts[2] = {i64(1469501675120000LL), i64(-1)};
    SrtDatum ats = nest(ts, 2);
    check_cell(&fx, "array<timestamp>", &ats,
               "[2016-07-26 02:54:35.12, 1969-12-31 23:59:59.999999]");
    SrtDatum n = null();
    check_cell(&fx, "struct<a:int>", &n, "NULL");
    check_cell(&fx, "array<string>", &n, "NULL");
    fx_done(&fx);
}
END_TEST

START_TEST(test_truncation_and_width)
{
    Fixture fx;
    fx_init(&fx);
    fx_col(&fx, "text", "string", 0);
    fx_col(&fx, "hidden_sort_key", "bigint", 1);
    fx_col(&fx, "n", "int", 0);
    SrtDatum r0[3] = {str("abcdefghijklmnopqrstuvwxyz"), i64(5), i64(1)};
    SrtDatum r1[3] = {str("\xe6\x97\xa5\xe6\x9c\xac"), i64(6), i64(-22)};     /* 日本: width 4 */
    SrtDatum r2[3] = {str("exactly twenty chars"), i64(7), i64(333)};
#define NIHONGO "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" /* 日本語 */
    SrtDatum r3[3] = {str(NIHONGO NIHONGO NIHONGO NIHONGO NIHONGO NIHONGO NIHONGO), i64(8),
                      i64(0)}; /* 21 wide characters: cut to 17 + "..." */
    SrtDatum *rows[4] = {r0, r1, r2, r3};
    char *out = console(&fx, 0, rows, 4);
    ck_assert_str_eq(out,
                     "-------------------------------------------\n"
                     "Batch: 0\n"
                     "-------------------------------------------\n"
                     "+-------------------------------------+---+\n"
                     "|                                 text|  n|\n"
                     "+-------------------------------------+---+\n"
                     "|                 abcdefghijklmnopq...|  1|\n"
                     "|                                 \xe6\x97\xa5\xe6\x9c\xac|-22|\n"
                     "|                 exactly twenty chars|333|\n"
                     "|" NIHONGO NIHONGO NIHONGO NIHONGO NIHONGO "\xe6\x97\xa5\xe6\x9c\xac...|  0|\n"
                     "+-------------------------------------+---+\n"
                     "\n");
    free(out);
    fx_done(&fx);
}
END_TEST

START_TEST(test_show_width)
{
    ck_assert_uint_eq(srt_show_width("abc", 3), 3);
    ck_assert_uint_eq(srt_show_width("\xe6\x97\xa5", 3), 2);
    ck_assert_uint_eq(srt_show_width("\xc3\xa9", 2), 1);
    ck_assert_uint_eq(srt_show_width("\xea\xb0\x80", 3), 2);       /* Hangul */
    ck_assert_uint_eq(srt_show_width("\xef\xbc\xa1", 3), 2);       /* fullwidth A */
    ck_assert_uint_eq(srt_show_width("\xf0\x9f\x98\x80", 4), 2);   /* two UTF-16 units */
}
END_TEST

START_TEST(test_show_oom)
{
    /* Every allocation failing somewhere: the sink reports NOMEM, never crashes. */
    for (int n = 0; n < 12; n++) {
        Fixture fx;
        fx_init(&fx);
        SrtDatum win[2], r0[3] = {{0}}, r1[3] = {{0}}, *rows[2];
        events(&fx, win, r0, r1, rows);
        RtCapture cap;
        rt_capture_open(&cap);
        SrtSink k = {.vt = &srt_sink_console_vt, .mem = &fx.mem, .name = "out", .out = cap.f, .mode = SRT_SINK_APPEND};
        SrtErr err;
        srt_err_clear(&err);
        fx.mem.fail_after = n;
        int rc = k.vt->open(&k, &fx.opts, &fx.schema, &err);
        if (rc == 0)
            rc = k.vt->write(&k, 0, rows, 2, &fx.schema, &err);
        ck_assert(rc == 0 || rc == -SRT_ERR_NOMEM);
        k.vt->close(&k);
        fx.mem.fail_after = -1;
        rt_capture_close(&cap);
        rt_capture_free(&cap);
        fx_done(&fx);
    }
}
END_TEST

Suite *rt_show_suite(void)
{
    Suite *s = suite_create("rt_show");
    TCase *tc = tcase_create("console");
    tcase_add_test(tc, test_events_truncated);
    tcase_add_test(tc, test_events_untruncated);
    tcase_add_test(tc, test_empty_batch);
    tcase_add_test(tc, test_num_rows);
    tcase_add_test(tc, test_types_and_nulls);
    tcase_add_test(tc, test_truncation_and_width);
    tcase_add_test(tc, test_nested_values);
    tcase_add_test(tc, test_show_width);
    tcase_add_test(tc, test_show_oom);
    suite_add_tcase(s, tc);
    return s;
}
