/* check_rt_sink_db.c - what the database sinks share (srt_sink_db.c): the table's columns from a
** schema (window flattened, keys, refusals) and values as the text a database reads.
*/
#include <check.h>
#include <math.h>
#include <string.h>

#include "sinks/srt_sink_db.h"

typedef struct Fx {
    SrtMem mem;
    SrtArena arena;
    SrtBuf out;
} Fx;

static void fx_init(Fx *fx)
{
    srt_mem_init(&fx->mem);
    srt_arena_init(&fx->arena, &fx->mem, 4096);
    srt_buf_init(&fx->out, &fx->mem);
}

static void fx_free(Fx *fx)
{
    srt_buf_free(&fx->out);
    srt_arena_free(&fx->arena);
    ck_assert_uint_eq(fx->mem.in_use, 0);
}

static const SrtType *type(Fx *fx, const char *text)
{
    const SrtType *t;
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_type_parse(&fx->arena, text, &t, &err), 0);
    return t;
}

/* The text of d as type text. */
static const char *text(Fx *fx, const SrtDatum *d, const char *t)
{
    srt_buf_clear(&fx->out);
    srt_db_text(d, type(fx, t), &fx->out);
    return srt_buf_cstr(&fx->out);
}

START_TEST(test_value_text)
{
    Fx fx;
    fx_init(&fx);
    SrtDatum d = {0};
    d.i = 1;
    ck_assert_str_eq(text(&fx, &d, "boolean"), "true");
    d.i = 0;
    ck_assert_str_eq(text(&fx, &d, "boolean"), "false");
    d.i = INT64_MIN;
    ck_assert_str_eq(text(&fx, &d, "bigint"), "-9223372036854775808");
    d.d = 0.1;
    ck_assert_str_eq(text(&fx, &d, "double"), "0.1");
    d.d = (double)0.1f;
    ck_assert_str_eq(text(&fx, &d, "float"), "0.1");
    d.d = 1e21;
    ck_assert_str_eq(text(&fx, &d, "double"), "1.0E21");
    d.d = -0.0;
    ck_assert_str_eq(text(&fx, &d, "double"), "-0.0");
    d.d = NAN;
    ck_assert_str_eq(text(&fx, &d, "double"), "NaN");
    d.d = -INFINITY;
    ck_assert_str_eq(text(&fx, &d, "float"), "-Infinity");
    d.d = INFINITY;
    ck_assert_str_eq(text(&fx, &d, "double"), "Infinity");
    srt_datum_set_dec(&d, -1250);
    ck_assert_str_eq(text(&fx, &d, "decimal(5,2)"), "-12.50");
    srt_datum_set_dec(&d, 5);
    ck_assert_str_eq(text(&fx, &d, "decimal(38,10)"), "0.0000000005");
    d.i = 1469501675123000; /* 2016-07-26 02:54:35.123 UTC */
    ck_assert_str_eq(text(&fx, &d, "timestamp"), "2016-07-26 02:54:35.123");
    d.i = 0;
    ck_assert_str_eq(text(&fx, &d, "timestamp"), "1970-01-01 00:00:00");
    d.i = 17008;
    ck_assert_str_eq(text(&fx, &d, "date"), "2016-07-26");
    d.p = "a\tb\"c";
    d.n = 5;
    ck_assert_str_eq(text(&fx, &d, "string"), "a\tb\"c");
    SrtDatum elems[2] = {{.i = 7}, {.is_null = 1}};
    SrtDatum arr = {.p = elems, .n = 2};
    ck_assert_str_eq(text(&fx, &arr, "array<int>"), "[7,null]");
    SrtDatum fields[2] = {{.i = 1}, {.p = "x\"", .n = 2}};
    SrtDatum st = {.p = fields};
    ck_assert_str_eq(text(&fx, &st, "struct<a:int,b:string>"), "{\"a\":1,\"b\":\"x\\\"\"}");
    fx_free(&fx);
}
END_TEST

START_TEST(test_quote_ident)
{
    Fx fx;
    fx_init(&fx);
    srt_db_quote_ident("my \"odd\" Table", &fx.out);
    ck_assert_str_eq(srt_buf_cstr(&fx.out), "\"my \"\"odd\"\" Table\"");
    fx_free(&fx);
}
END_TEST

START_TEST(test_columns_window_keys)
{
    Fx fx;
    fx_init(&fx);
    SrtColumn cols[] = {{"window", type(&fx, "struct<start:timestamp,end:timestamp>"), 0},
                        {"action", type(&fx, "string"), 0},
                        {"count", type(&fx, "bigint"), 0},
                        {"__order0", type(&fx, "bigint"), 1},
                        {"tags", type(&fx, "struct<a:int,b:timestamp>"), 0}};
    SrtSchema schema = {cols, 5};
    uint32_t keys[] = {0, 1};
    SrtSink k = {.mem = &fx.mem, .name = "out", .mode = SRT_SINK_UPSERT, .keys = keys, .n_keys = 2};
    SrtDbTable t;
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_db_table_init(&k, &t, "postgres", &schema, &err), 0);
    ck_assert_uint_eq(t.n, 5);
    ck_assert_uint_eq(t.n_keys, 3);
    static const char *const names[] = {"window_start", "window_end", "action", "count", "tags"};
    static const int srcs[] = {0, 0, 1, 2, 4}, fields[] = {0, 1, -1, -1, -1}, key[] = {1, 1, 1, 0, 0};
    for (uint32_t i = 0; i < t.n; i++) {
        ck_assert_str_eq(t.cols[i].name, names[i]);
        ck_assert_uint_eq(t.cols[i].src, (uint32_t)srcs[i]);
        ck_assert_int_eq(t.cols[i].field, fields[i]);
        ck_assert_int_eq(t.cols[i].key, key[i]);
    }
    ck_assert_int_eq(t.cols[0].type->kind, SRT_T_TIMESTAMP);
    ck_assert_int_eq(t.cols[4].type->kind, SRT_T_STRUCT); /* not a window: JSON */
    /* the window's fields, and NULL for a NULL window */
    SrtDatum w[2] = {{.i = 10}, {.i = 20}};
    SrtDatum row[5] = {{.p = w}, {0}, {0}, {0}, {0}};
    ck_assert_int_eq(srt_db_value(&t.cols[1], row)->i, 20);
    row[0].is_null = 1;
    ck_assert(srt_db_value(&t.cols[0], row)->is_null);
    ck_assert_str_eq(t.what, "postgres sink 'out'");
    srt_db_table_free(&k, &t);
    fx_free(&fx);
}
END_TEST

/* The refusals, each with its message. */
START_TEST(test_columns_refused)
{
    Fx fx;
    fx_init(&fx);
    SrtErr err;
    SrtDbTable t;
    SrtColumn dup[] = {{"w", type(&fx, "struct<start:timestamp,end:timestamp>"), 0},
                       {"W_End", type(&fx, "int"), 0}};
    SrtSchema s1 = {dup, 2};
    SrtSink k = {.mem = &fx.mem, .name = "out", .mode = SRT_SINK_APPEND};
    srt_err_clear(&err);
    ck_assert_int_lt(srt_db_table_init(&k, &t, "sqlite", &s1, &err), 0);
    ck_assert_str_eq(err.msg, "sqlite sink 'out': the table would have the column \"W_End\" twice "
                              "(names are compared ignoring case): rename one with AS");
    srt_db_table_free(&k, &t);

    SrtColumn nul[] = {{"nothing", type(&fx, "void"), 0}};
    SrtSchema s2 = {nul, 1};
    ck_assert_int_lt(srt_db_table_init(&k, &t, "sqlite", &s2, &err), 0);
    ck_assert_str_eq(err.msg, "sqlite sink 'out': column \"nothing\" is a bare NULL (type void), "
                              "which no database column holds: cast it to the type it should have");
    srt_db_table_free(&k, &t);

    SrtColumn plain[] = {{"n", type(&fx, "bigint"), 0}};
    SrtSchema s3 = {plain, 1};
    k.mode = SRT_SINK_UPSERT;
    ck_assert_int_lt(srt_db_table_init(&k, &t, "postgres", &s3, &err), 0);
    ck_assert_str_eq(err.msg, "postgres sink 'out': update mode upserts on the GROUP BY keys, and "
                              "the query's result does not have them all as columns");
    srt_db_table_free(&k, &t);
    k.mode = SRT_SINK_REPLACE;
    ck_assert_int_eq(srt_db_table_init(&k, &t, "postgres", &s3, &err), 0);
    srt_db_table_free(&k, &t);
    fx_free(&fx);
}
END_TEST

/* The table option read as SQL naming a table: [schema.]name, quoted or folded. */
START_TEST(test_table_name)
{
    Fx fx;
    fx_init(&fx);
    SrtColumn plain[] = {{"n", type(&fx, "bigint"), 0}};
    SrtSchema schema = {plain, 1};
    SrtSink k = {.mem = &fx.mem, .name = "out", .mode = SRT_SINK_APPEND};
    SrtDbTable t;
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_db_table_init(&k, &t, "postgres", &schema, &err), 0);
    static const struct {
        const char *text;
        int fold;
        const char *schema, *name, *qname;
    } ok[] = {
        {"Counts", 1, NULL, "counts", "\"counts\""},
        {"Counts", 0, NULL, "Counts", "\"Counts\""},
        {"Analytics.$x_1", 1, NULL, NULL, NULL}, /* a name does not start with $ */
        {"analytics.Per_Hour$2", 1, "analytics", "per_hour$2", "\"analytics\".\"per_hour$2\""},
        {"\"My \"\"Table\"\"\"", 1, NULL, "My \"Table\"", "\"My \"\"Table\"\"\""},
        {"\"a.b\".\"C\"", 1, "a.b", "C", "\"a.b\".\"C\""},
        {"a b", 1, NULL, NULL, NULL},
        {"a.", 1, NULL, NULL, NULL},
        {".a", 1, NULL, NULL, NULL},
        {"a.b.c", 1, NULL, NULL, NULL},
        {"\"unclosed", 1, NULL, NULL, NULL},
        {"\"\"", 1, NULL, NULL, NULL},
        {"1st", 1, NULL, NULL, NULL},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int rc = srt_db_table_name(&t, ok[i].text, ok[i].fold, &err);
        if (!ok[i].qname) {
            ck_assert_msg(rc < 0, "'%s' accepted", ok[i].text);
            continue;
        }
        ck_assert_msg(rc == 0, "'%s': %s", ok[i].text, err.msg);
        if (ok[i].schema)
            ck_assert_str_eq(t.schema, ok[i].schema);
        else
            ck_assert_ptr_null(t.schema);
        ck_assert_str_eq(t.name, ok[i].name);
        ck_assert_str_eq(t.qname, ok[i].qname);
    }
    ck_assert_int_lt(srt_db_table_name(&t, "a b", 1, &err), 0);
    ck_assert_str_eq(err.msg, "postgres sink 'out': option 'table' = 'a b' is not a table name "
                              "([schema.]name; a name with other characters goes in double quotes)");
    srt_db_table_free(&k, &t);
    fx_free(&fx);
}
END_TEST

Suite *rt_sink_db_suite(void)
{
    Suite *s = suite_create("rt_sink_db");
    TCase *tc = tcase_create("db");
    tcase_add_test(tc, test_value_text);
    tcase_add_test(tc, test_quote_ident);
    tcase_add_test(tc, test_table_name);
    tcase_add_test(tc, test_columns_window_keys);
    tcase_add_test(tc, test_columns_refused);
    suite_add_tcase(s, tc);
    return s;
}
