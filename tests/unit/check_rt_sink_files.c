/* check_rt_sink_files.c - Spark's JSON and CSV row writers (every type, nesting, escapes,
** NULLs, NaN, quoting rules, options) and the files sink writing batches into a temp
** directory: file names, one file per non-empty batch, headers, no temporary file left
** behind, clear errors for paths that cannot be written, and exactly-once through the
** _spark_metadata manifest: entries' exact text (absolute file:// URIs, real sizes and
** times), empty batches, committed batches skipped (also after a reopen), uncommitted
** part files replaced by the re-run, and corrupt entries refused at open.
*/
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/cm_connectors.h"
#include "rt_testutil.h"
#include "srt_int.h"

#define TS_0254 1469501675000000LL /* 2016-07-26 02:54:35 UTC */
#define DAY_0726 17008             /* 2016-07-26 */

/* ==== Fixture: a schema, options and memory ==== */

typedef struct Fx {
    SrtMem mem;
    SrtArena arena;
    SrtSchema schema;
    SrtColumn cols[12];
    SrtOptions opts;
    SrtBuf out;
    SrtErr err;
    char dir[96];
} Fx;

static void fx_init(Fx *fx)
{
    memset(fx, 0, sizeof *fx);
    srt_mem_init(&fx->mem);
    srt_arena_init(&fx->arena, &fx->mem, 4096);
    ck_assert_int_eq(srt_opts_bind(&fx->opts, "files", CM_ROLE_SINK), 0);
    fx->schema.cols = fx->cols;
    srt_buf_init(&fx->out, &fx->mem);
    srt_err_clear(&fx->err);
}

static void fx_col(Fx *fx, const char *name, const char *type, int hidden)
{
    SrtErr err;
    SrtColumn *c = &fx->cols[fx->schema.n_cols++];
    c->name = name;
    c->hidden = hidden;
    ck_assert_int_eq(srt_type_parse(&fx->arena, type, &c->type, &err), 0);
}

static void fx_opt(Fx *fx, const char *k, const char *v)
{
    ck_assert_int_eq(srt_opts_set(&fx->opts, &fx->arena, k, v), 0);
}

static void fx_done(Fx *fx)
{
    srt_buf_free(&fx->out);
    srt_arena_free(&fx->arena);
    ck_assert_uint_eq(fx->mem.in_use, 0);
    if (fx->dir[0]) {
        char cmd[320];
        snprintf(cmd, sizeof cmd, "chmod -R u+rwx %s; rm -rf %s", fx->dir, fx->dir);
        ck_assert_int_eq(system(cmd), 0);
    }
}

static SrtDatum str(const char *s)
{
    SrtDatum d = {0};
    d.p = s;
    d.n = (uint32_t)strlen(s);
    return d;
}

static SrtDatum strn(const char *s, uint32_t n)
{
    SrtDatum d = {0};
    d.p = s;
    d.n = n;
    return d;
}

static SrtDatum i64(int64_t v)
{
    SrtDatum d = {0};
    d.i = v;
    return d;
}

static SrtDatum dbl(double v)
{
    SrtDatum d = {0};
    d.d = v;
    return d;
}

static SrtDatum null(void)
{
    SrtDatum d = {0};
    d.is_null = 1;
    return d;
}

static SrtDatum nested(const SrtDatum *v, uint32_t n)
{
    SrtDatum d = {0};
    d.p = v;
    d.n = n;
    return d;
}

static const char *json_row(Fx *fx, const SrtDatum *row)
{
    srt_buf_clear(&fx->out);
    srt_write_json_row(&fx->schema, row, &fx->out);
    ck_assert(!fx->out.oom);
    return srt_buf_cstr(&fx->out);
}

static const char *csv_row(Fx *fx, const SrtDatum *row, const SrtCsvStyle *st)
{
    srt_buf_clear(&fx->out);
    srt_write_csv_row(&fx->schema, row, st, &fx->out);
    ck_assert(!fx->out.oom);
    return srt_buf_cstr(&fx->out);
}

/* The schema with one column of every atomic type. */
static void all_atomic(Fx *fx)
{
    fx_col(fx, "b", "boolean", 0);
    fx_col(fx, "i", "int", 0);
    fx_col(fx, "l", "bigint", 0);
    fx_col(fx, "d", "double", 0);
    fx_col(fx, "s", "string", 0);
    fx_col(fx, "ts", "timestamp", 0);
    fx_col(fx, "dt", "date", 0);
}

/* ==== JSON ==== */

START_TEST(test_json_atomic_types)
{
    Fx fx;
    fx_init(&fx);
    all_atomic(&fx);
    SrtDatum r[7] = {i64(1),       i64(-5),      i64(9007199254740993LL), dbl(2.5), str("x"),
                     i64(TS_0254), i64(DAY_0726)};
    ck_assert_str_eq(json_row(&fx, r),
                     "{\"b\":true,\"i\":-5,\"l\":9007199254740993,\"d\":2.5,\"s\":\"x\","
                     "\"ts\":\"2016-07-26T02:54:35.000Z\",\"dt\":\"2016-07-26\"}");
    SrtDatum r2[7] = {i64(0), i64(INT32_MIN), i64(INT64_MIN), dbl(1e7), str(""), i64(0), i64(-1)};
    ck_assert_str_eq(json_row(&fx, r2),
                     "{\"b\":false,\"i\":-2147483648,\"l\":-9223372036854775808,\"d\":1.0E7,"
                     "\"s\":\"\",\"ts\":\"1970-01-01T00:00:00.000Z\",\"dt\":\"1969-12-31\"}");
    fx_done(&fx);
}
END_TEST

START_TEST(test_json_nulls_left_out)
{
    Fx fx;
    fx_init(&fx);
    all_atomic(&fx);
    SrtDatum all[7] = {null(), null(), null(), null(), null(), null(), null()};
    ck_assert_str_eq(json_row(&fx, all), "{}");
    SrtDatum some[7] = {null(), i64(3), null(), null(), str("k"), null(), null()};
    ck_assert_str_eq(json_row(&fx, some), "{\"i\":3,\"s\":\"k\"}");
    SrtDatum last[7] = {null(), null(), null(), null(), null(), null(), i64(0)};
    ck_assert_str_eq(json_row(&fx, last), "{\"dt\":\"1970-01-01\"}");
    fx_done(&fx);
}
END_TEST

START_TEST(test_json_doubles)
{
    static const struct {
        double v;
        const char *want;
    } cases[] = {
        {NAN, "{\"d\":\"NaN\"}"},
        {INFINITY, "{\"d\":\"Infinity\"}"},
        {-INFINITY, "{\"d\":\"-Infinity\"}"},
        {-0.0, "{\"d\":-0.0}"},
        {0.1, "{\"d\":0.1}"},
        {1e-5, "{\"d\":1.0E-5}"},
        {123456789.0, "{\"d\":1.23456789E8}"},
        {100.0, "{\"d\":100.0}"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Fx fx;
        fx_init(&fx);
        fx_col(&fx, "d", "double", 0);
        SrtDatum r[1] = {dbl(cases[i].v)};
        ck_assert_msg(strcmp(json_row(&fx, r), cases[i].want) == 0, "case %zu: %s", i,
                      srt_buf_cstr(&fx.out));
        fx_done(&fx);
    }
}
END_TEST

START_TEST(test_json_timestamps)
{
    static const struct {
        int64_t us;
        const char *want;
    } cases[] = {
        {TS_0254 + 123456, "2016-07-26T02:54:35.123Z"}, /* micros cut to millis */
        {TS_0254 + 999, "2016-07-26T02:54:35.000Z"},
        {-1, "1969-12-31T23:59:59.999Z"}, /* floor, not toward zero */
        {-1000000, "1969-12-31T23:59:59.000Z"},
        {951782400000000LL, "2000-02-29T00:00:00.000Z"},
        {253402300800000000LL, "+10000-01-01T00:00:00.000Z"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[48];
        uint32_t n = srt_fmt_ts_iso(cases[i].us, buf);
        ck_assert_msg(strcmp(buf, cases[i].want) == 0, "case %zu: %s", i, buf);
        ck_assert_uint_eq(n, strlen(cases[i].want));
    }
    char buf[32];
    ck_assert_uint_eq(srt_fmt_date(DAY_0726, buf), 10);
    ck_assert_str_eq(buf, "2016-07-26");
    srt_fmt_date(-719162, buf);
    ck_assert_str_eq(buf, "0001-01-01");
}
END_TEST

START_TEST(test_json_string_escapes)
{
    Fx fx;
    fx_init(&fx);
    fx_col(&fx, "s", "string", 0);
    fx_col(&fx, "we\"ird\\key\n", "int", 0);
    static const char raw[] = "q\"b\\s/n\nt\tr\rb\bf\f\x01\x1f\x7f\xc3\xa9!";
    SrtDatum r[2] = {strn(raw, sizeof raw - 1), i64(1)};
    ck_assert_str_eq(json_row(&fx, r), "{\"s\":\"q\\\"b\\\\s/n\\nt\\tr\\rb\\bf\\f\\u0001\\u001F"
                                       "\x7f\xc3\xa9!\",\"we\\\"ird\\\\key\\n\":1}");
    static const char nul[] = {'a', '\0', 'b'};
    SrtDatum r2[2] = {strn(nul, 3), null()};
    ck_assert_str_eq(json_row(&fx, r2), "{\"s\":\"a\\u0000b\"}");
    fx_done(&fx);
}
END_TEST

START_TEST(test_json_nested)
{
    Fx fx;
    fx_init(&fx);
    fx_col(&fx, "window", "struct<start:timestamp,end:timestamp>", 0);
    fx_col(&fx, "st", "struct<a:int,tags:array<string>,inner:struct<x:double>>", 0);
    fx_col(&fx, "arr", "array<struct<k:string,v:bigint>>", 0);
    fx_col(&fx, "m", "array<array<int>>", 0);
    SrtDatum win[2] = {i64(TS_0254), i64(TS_0254 + 3600000000LL)};
    SrtDatum tags[3] = {str("x"), null(), str("z")};
    SrtDatum inner[1] = {dbl(NAN)};
    SrtDatum st[3] = {null(), nested(tags, 3), nested(inner, 1)};
    SrtDatum e0[2] = {str("a"), i64(1)};
    SrtDatum e1[2] = {null(), null()};
    SrtDatum elems[3] = {nested(e0, 2), null(), nested(e1, 2)};
    SrtDatum in0[2] = {i64(1), i64(2)};
    SrtDatum rows2[2] = {nested(in0, 2), nested(NULL, 0)};
    SrtDatum r[4] = {nested(win, 2), nested(st, 3), nested(elems, 3), nested(rows2, 2)};
    ck_assert_str_eq(json_row(&fx, r),
                     "{\"window\":{\"start\":\"2016-07-26T02:54:35.000Z\","
                     "\"end\":\"2016-07-26T03:54:35.000Z\"},"
                     "\"st\":{\"tags\":[\"x\",null,\"z\"],\"inner\":{\"x\":\"NaN\"}},"
                     "\"arr\":[{\"k\":\"a\",\"v\":1},null,{}],"
                     "\"m\":[[1,2],[]]}");
    SrtDatum empty[4] = {null(), null(), nested(NULL, 0), null()};
    ck_assert_str_eq(json_row(&fx, empty), "{\"arr\":[]}");
    fx_done(&fx);
}
END_TEST

START_TEST(test_json_hidden_columns)
{
    Fx fx;
    fx_init(&fx);
    fx_col(&fx, "a", "string", 0);
    fx_col(&fx, "sort_key", "bigint", 1);
    fx_col(&fx, "b", "int", 0);
    SrtDatum r[3] = {str("x"), i64(99), i64(2)};
    ck_assert_str_eq(json_row(&fx, r), "{\"a\":\"x\",\"b\":2}");
    fx_done(&fx);
}
END_TEST

/* ==== CSV ==== */

static const char *csv_field(SrtBuf *b, const char *s, int is_null, int first,
                             const SrtCsvStyle *st)
{
    srt_buf_clear(b);
    srt_write_csv_field(s, s ? strlen(s) : 0, is_null, first, st, b);
    return srt_buf_cstr(b);
}

START_TEST(test_csv_quoting)
{
    static const struct {
        const char *in;
        int first;
        const char *want;
    } cases[] = {
        {"abc", 0, "abc"},
        {"", 0, "\"\""}, /* emptyValue */
        {"a,b", 0, "\"a,b\""},
        {"a\"b", 0, "\"a\\\"b\""}, /* quote escaped with backslash */
        {"\"ab", 0, "\"\\\"ab\""},
        {"a\nb", 0, "\"a\nb\""},
        {"a\rb", 0, "\"a\rb\""},
        {" a ", 0, "a"}, /* surrounding whitespace trimmed */
        {"\t a b\t ", 0, "a b"},
        {"   ", 0, "\"\""},
        {"a\\b", 0, "a\\b"},           /* escape alone: written as is */
        {"a\\b,c", 0, "\"a\\\\b,c\""}, /* escape doubled inside quotes */
        {"a,b\\", 0, "\"a,b\\\\\""},
        {"a,b ", 0, "\"a,b\""},
        {"abc\n", 0, "\"abc\""}, /* the trimmed newline still asks for quotes */
        {" x,y", 0, "\"x,y\""},
        {"#x", 1, "\"#x\""}, /* univocity's comment character in a first field */
        {"#x", 0, "#x"},
        {"x#", 1, "x#"},
        {"\xc3\xa9,\xc3\xbc", 0, "\"\xc3\xa9,\xc3\xbc\""},
        {"1.0E7", 0, "1.0E7"},
    };
    SrtMem m;
    srt_mem_init(&m);
    SrtBuf b;
    srt_buf_init(&b, &m);
    SrtCsvStyle st;
    srt_csv_style_default(&st);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = csv_field(&b, cases[i].in, 0, cases[i].first, &st);
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "case %zu: [%s] -> [%s], want [%s]", i,
                      cases[i].in, got, cases[i].want);
    }
    ck_assert_str_eq(csv_field(&b, NULL, 1, 0, &st), ""); /* NULL: empty field */

    /* sep ';', quote and escape '\'': a doubled quote, and ',' is plain text. */
    st.sep = ';';
    st.quote = '\'';
    st.escape = '\'';
    ck_assert_str_eq(csv_field(&b, "a;b", 0, 0, &st), "'a;b'");
    ck_assert_str_eq(csv_field(&b, "it's", 0, 0, &st), "'it''s'");
    ck_assert_str_eq(csv_field(&b, "a,b\\", 0, 0, &st), "a,b\\");
    ck_assert_str_eq(csv_field(&b, "a\"b", 0, 0, &st), "a\"b");

    /* Whitespace kept when trimming is off; it does not ask for quotes. */
    srt_csv_style_default(&st);
    st.trim_leading = st.trim_trailing = 0;
    ck_assert_str_eq(csv_field(&b, " a ", 0, 0, &st), " a ");
    ck_assert_str_eq(csv_field(&b, " a,b ", 0, 0, &st), "\" a,b \"");
    srt_buf_free(&b);
    ck_assert_uint_eq(m.in_use, 0);
}
END_TEST

START_TEST(test_csv_rows)
{
    Fx fx;
    fx_init(&fx);
    all_atomic(&fx);
    fx_col(&fx, "hidden", "string", 1);
    SrtCsvStyle st;
    srt_csv_style_default(&st);
    SrtDatum r[8] = {i64(1),     i64(-5),      i64(9007199254740993LL), dbl(2.5),
                     str("x y"), i64(TS_0254), i64(DAY_0726),           str("never")};
    ck_assert_str_eq(csv_row(&fx, r, &st),
                     "true,-5,9007199254740993,2.5,x y,2016-07-26T02:54:35.000Z,2016-07-26");
    SrtDatum n[8] = {null(), null(), null(), dbl(NAN), str(""), null(), null(), null()};
    ck_assert_str_eq(csv_row(&fx, n, &st), ",,,NaN,\"\",,");
    SrtDatum inf[8] = {i64(0),  i64(0), i64(0), dbl(-INFINITY), str("say \"hi\", ok"),
                       i64(-1), i64(0), null()};
    ck_assert_str_eq(csv_row(&fx, inf, &st),
                     "false,0,0,-Infinity,\"say \\\"hi\\\", ok\",1969-12-31T23:59:59.999Z,"
                     "1970-01-01");
    /* A separator that occurs in formatted values quotes them too. */
    st.sep = '-';
    SrtDatum neg[8] = {i64(1), i64(-5), i64(7), dbl(-0.5), str("a"), i64(0), i64(0), null()};
    ck_assert_str_eq(csv_row(&fx, neg, &st),
                     "true-\"-5\"-7-\"-0.5\"-a-\"1970-01-01T00:00:00.000Z\"-\"1970-01-01\"");

    srt_csv_style_default(&st);
    srt_buf_clear(&fx.out);
    srt_write_csv_header(&fx.schema, &st, &fx.out);
    ck_assert_str_eq(srt_buf_cstr(&fx.out), "b,i,l,d,s,ts,dt");
    fx_done(&fx);
}
END_TEST

START_TEST(test_csv_style_options)
{
    Fx fx;
    fx_init(&fx);
    SrtCsvStyle st;
    ck_assert_int_eq(srt_csv_style_from_opts(&fx.opts, &st, &fx.err), 0);
    ck_assert_int_eq(st.sep, ',');
    ck_assert_int_eq(st.quote, '"');
    ck_assert_int_eq(st.escape, '\\');
    ck_assert_int_eq(st.trim_leading, 1);
    ck_assert_int_eq(st.trim_trailing, 1);
    fx_opt(&fx, "sep", "\\t");
    fx_opt(&fx, "quote", "'");
    fx_opt(&fx, "ignoreTrailingWhiteSpace", "false");
    ck_assert_int_eq(srt_csv_style_from_opts(&fx.opts, &st, &fx.err), 0);
    ck_assert_int_eq(st.sep, '\t');
    ck_assert_int_eq(st.quote, '\'');
    ck_assert_int_eq(st.trim_trailing, 0);

    fx_opt(&fx, "sep", "ab");
    ck_assert_int_eq(srt_csv_style_from_opts(&fx.opts, &st, &fx.err), -SRT_ERR_OPTION);
    ck_assert_str_eq(fx.err.msg,
                     "option 'sep' must be a single ASCII character other than a line break, not "
                     "'ab'");
    fx_opt(&fx, "sep", "");
    ck_assert_int_eq(srt_csv_style_from_opts(&fx.opts, &st, &fx.err), -SRT_ERR_OPTION);
    ck_assert_str_eq(fx.err.msg, "option 'sep' cannot be an empty string");
    fx_opt(&fx, "sep", "'");
    ck_assert_int_eq(srt_csv_style_from_opts(&fx.opts, &st, &fx.err), -SRT_ERR_OPTION);
    ck_assert_str_eq(fx.err.msg, "options 'sep' and 'quote' cannot be the same character (''')");
    fx_done(&fx);
}
END_TEST

/* ==== The sink ==== */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t cap = 0;
    FILE *m = open_memstream(&text, &cap);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, n, m);
    fclose(f);
    fclose(m);
    return text;
}

/* The names in dir, sorted, joined by ' ' into out. */
static void list_dir(const char *dir, char *out, size_t cap)
{
    char *names[64];
    int n = 0;
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            names[n++] = strdup(e->d_name);
    closedir(d);
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t k = strlen(out);
        snprintf(out + k, cap - k, "%s%s", i ? " " : "", names[i]);
        free(names[i]);
    }
}

static void sink_init(SrtSink *k, Fx *fx)
{
    memset(k, 0, sizeof *k);
    k->vt = &srt_sink_files_vt;
    k->mem = &fx->mem;
    k->name = "out";
    k->out = stdout;
}

static char *file_in(Fx *fx, const char *sub, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s/%s", fx->dir, sub, name);
    return slurp(path);
}

#define PART(n) "part-00000-00000000000000000" #n

START_TEST(test_sink_json_batches)
{
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    char out_dir[160], listing[1024];
    snprintf(out_dir, sizeof out_dir, "%s/a/b/out/", fx.dir); /* parents missing */
    fx_opt(&fx, "path", out_dir);
    fx_col(&fx, "action", "string", 0);
    fx_col(&fx, "n", "bigint", 0);
    SrtSink k;
    sink_init(&k, &fx);
    ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), 0);
    SrtBuf d;
    srt_buf_init(&d, &fx.mem);
    k.vt->describe(&k, &d);
    char want[200];
    snprintf(want, sizeof want, "FileSink[%s/a/b/out]", fx.dir);
    ck_assert_str_eq(srt_buf_cstr(&d), want);
    srt_buf_free(&d);
    snprintf(out_dir, sizeof out_dir, "%s/a/b/out", fx.dir);
    list_dir(out_dir, listing, sizeof listing);
    ck_assert_str_eq(listing, "_spark_metadata"); /* created at open, no part file */

    SrtDatum r0[2] = {str("Open"), i64(1)}, r1[2] = {str("Close"), null()};
    SrtDatum *rows[2] = {r0, r1};
    ck_assert_int_eq(k.vt->write(&k, 0, rows, 2, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 1, NULL, 0, &fx.schema, &fx.err), 0); /* no file */
    SrtDatum *rows2[1] = {r1};
    ck_assert_int_eq(k.vt->write(&k, 12, rows2, 1, &fx.schema, &fx.err), 0);
    list_dir(out_dir, listing, sizeof listing);
    ck_assert_str_eq(listing, "_spark_metadata " PART(00) ".json " PART(12) ".json");
    char meta_dir[200];
    snprintf(meta_dir, sizeof meta_dir, "%s/_spark_metadata", out_dir);
    list_dir(meta_dir, listing, sizeof listing);
    ck_assert_str_eq(listing, "0 1 12");
    char *t = file_in(&fx, "a/b/out", PART(00) ".json");
    ck_assert_str_eq(t, "{\"action\":\"Open\",\"n\":1}\n{\"action\":\"Close\"}\n");
    free(t);
    t = file_in(&fx, "a/b/out", PART(12) ".json");
    ck_assert_str_eq(t, "{\"action\":\"Close\"}\n");
    free(t);

    /* Batch 12 again (a re-run after a crash): committed, so skipped; 5 is below it. */
    SrtDatum *rows3[2] = {r1, r0};
    ck_assert_int_eq(k.vt->write(&k, 12, rows3, 2, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 5, rows3, 2, &fx.schema, &fx.err), 0);
    list_dir(out_dir, listing, sizeof listing);
    ck_assert_str_eq(listing, "_spark_metadata " PART(00) ".json " PART(12) ".json");
    list_dir(meta_dir, listing, sizeof listing);
    ck_assert_str_eq(listing, "0 1 12");
    t = file_in(&fx, "a/b/out", PART(12) ".json");
    ck_assert_str_eq(t, "{\"action\":\"Close\"}\n");
    free(t);

    /* The directory removed between batches is created again. */
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf %s", out_dir);
    ck_assert_int_eq(system(cmd), 0);
    ck_assert_int_eq(k.vt->write(&k, 13, rows2, 1, &fx.schema, &fx.err), 0);
    list_dir(out_dir, listing, sizeof listing);
    ck_assert_str_eq(listing, "_spark_metadata " PART(13) ".json");
    list_dir(meta_dir, listing, sizeof listing);
    ck_assert_str_eq(listing, "13");
    k.vt->close(&k);
    fx_done(&fx);
}
END_TEST

START_TEST(test_sink_csv_header_every_file)
{
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    fx_opt(&fx, "path", fx.dir);
    fx_opt(&fx, "format", "CSV");
    fx_opt(&fx, "header", "true");
    fx_opt(&fx, "sep", "|");
    fx_col(&fx, "#id", "int", 0);
    fx_col(&fx, "key", "bigint", 1);
    fx_col(&fx, "text", "string", 0);
    fx_col(&fx, "at", "timestamp", 0);
    SrtSink k;
    sink_init(&k, &fx);
    ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), 0);
    SrtDatum r0[4] = {i64(1), i64(0), str("a|b"), i64(TS_0254)};
    SrtDatum r1[4] = {null(), i64(0), str(" x,y "), null()};
    SrtDatum *rows[2] = {r0, r1};
    ck_assert_int_eq(k.vt->write(&k, 0, rows, 2, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 1, rows + 1, 1, &fx.schema, &fx.err), 0);
    char listing[512];
    list_dir(fx.dir, listing, sizeof listing);
    ck_assert_str_eq(listing, "_spark_metadata " PART(00) ".csv " PART(01) ".csv");
    char *t = file_in(&fx, ".", PART(00) ".csv");
    ck_assert_str_eq(t, "\"#id\"|text|at\n1|\"a|b\"|2016-07-26T02:54:35.000Z\n|x,y|\n");
    free(t);
    t = file_in(&fx, ".", PART(01) ".csv");
    ck_assert_str_eq(t, "\"#id\"|text|at\n|x,y|\n");
    free(t);
    k.vt->close(&k);
    fx_done(&fx);
}
END_TEST

START_TEST(test_sink_large_batch)
{
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    fx_opt(&fx, "path", fx.dir);
    fx_col(&fx, "s", "string", 0);
    SrtSink k;
    sink_init(&k, &fx);
    ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), 0);
    enum { N = 30000 };
    static char text[100];
    memset(text, 'x', sizeof text - 1);
    SrtDatum one[1] = {str(text)};
    SrtDatum **rows = malloc(sizeof *rows * N);
    for (int i = 0; i < N; i++)
        rows[i] = one;
    ck_assert_int_eq(k.vt->write(&k, 5, rows, N, &fx.schema, &fx.err), 0); /* > 1 MiB */
    free(rows);
    char *t = file_in(&fx, ".", PART(05) ".json");
    size_t line = strlen("{\"s\":\"\"}\n") + sizeof text - 1;
    ck_assert_uint_eq(strlen(t), line * N);
    ck_assert_int_eq(strncmp(t + line * (N - 1), "{\"s\":\"xxx", 9), 0);
    free(t);
    k.vt->close(&k);
    fx_done(&fx);
}
END_TEST

START_TEST(test_sink_option_errors)
{
    static const struct {
        const char *path_sub, *format, *col_type;
        const char *want; /* suffix of the message */
    } cases[] = {
        {NULL, "json", "int", "files sink 'out': option 'path' is required"},
        {"o", "parquet", "int",
         "files sink 'out': format 'parquet' is not supported (json or csv)"},
        {"o", "csv", "struct<a:int,b:array<string>>",
         "CSV data source does not support struct<a:int,b:array<string>> data type."},
        {"o", "csv", "array<int>", "CSV data source does not support array<int> data type."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Fx fx;
        fx_init(&fx);
        rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
        char path[160];
        snprintf(path, sizeof path, "%s/%s", fx.dir, cases[i].path_sub ? cases[i].path_sub : "");
        if (cases[i].path_sub)
            fx_opt(&fx, "path", path);
        fx_opt(&fx, "format", cases[i].format);
        fx_col(&fx, "c", cases[i].col_type, 0);
        SrtSink k;
        sink_init(&k, &fx);
        ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), -SRT_ERR_OPTION);
        ck_assert_msg(strcmp(fx.err.msg, cases[i].want) == 0, "case %zu: %s", i, fx.err.msg);
        k.vt->close(&k);
        fx_done(&fx);
    }
    /* A hidden nested column is never written, so csv takes it. */
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    fx_opt(&fx, "path", fx.dir);
    fx_opt(&fx, "format", "csv");
    fx_col(&fx, "w", "struct<a:int>", 1);
    SrtSink k;
    sink_init(&k, &fx);
    ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), 0);
    k.vt->close(&k);
    fx_done(&fx);
}
END_TEST

/* Open a json sink at <tmp>/<sub>; returns the open result. */
static int open_at(Fx *fx, SrtSink *k, const char *sub)
{
    char path[200];
    snprintf(path, sizeof path, "%s/%s", fx->dir, sub);
    fx_opt(fx, "path", path);
    fx_col(fx, "s", "string", 0);
    sink_init(k, fx);
    return k->vt->open(k, &fx->opts, &fx->schema, &fx->err);
}

START_TEST(test_sink_path_errors)
{
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    char file[160], want[400];
    snprintf(file, sizeof file, "%s/plain", fx.dir);
    FILE *f = fopen(file, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    SrtSink k;
    /* The path is a regular file. */
    ck_assert_int_eq(open_at(&fx, &k, "plain"), -SRT_ERR_IO);
    snprintf(want, sizeof want, "files sink 'out': path '%s/plain' is not a directory", fx.dir);
    ck_assert_str_eq(fx.err.msg, want);
    k.vt->close(&k);
    /* A parent is a regular file. */
    fx.schema.n_cols = 0;
    ck_assert_int_eq(open_at(&fx, &k, "plain/sub/dir"), -SRT_ERR_IO);
    snprintf(want, sizeof want,
             "files sink 'out': cannot create directory '%s/plain/sub': Not a directory", fx.dir);
    ck_assert_str_eq(fx.err.msg, want);
    k.vt->close(&k);
    fx_done(&fx);
}
END_TEST

/* After a failed write: no visible part file, no temporary file. */
static void assert_only(const char *dir, const char *want)
{
    char listing[512];
    list_dir(dir, listing, sizeof listing);
    ck_assert_str_eq(listing, want);
}

START_TEST(test_sink_write_errors)
{
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    char out[160], p[320], want[600];
    snprintf(out, sizeof out, "%s/out", fx.dir);
    SrtSink k;
    ck_assert_int_eq(open_at(&fx, &k, "out"), 0);
    SrtDatum r[1] = {str("v")};
    SrtDatum *rows[1] = {r};

    /* No room for the file (a file size limit of 0; a link planted at the temporary name
       is never followed, so it cannot stand for a full disk). */
    struct rlimit was, none = {0, 0};
    ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &was), 0);
    none.rlim_max = was.rlim_max;
    signal(SIGXFSZ, SIG_IGN);
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &none), 0);
    int wrc = k.vt->write(&k, 0, rows, 1, &fx.schema, &fx.err);
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &was), 0);
    ck_assert_int_eq(wrc, -SRT_ERR_IO);
    snprintf(want, sizeof want, "files sink 'out': cannot write '%s/" PART(00) ".json': File too large",
             out);
    ck_assert_str_eq(fx.err.msg, want);
    assert_only(out, "_spark_metadata");

    /* The final name is taken by a directory: the rename fails, the temp file goes. */
    snprintf(p, sizeof p, "%s/" PART(01) ".json", out);
    ck_assert_int_eq(mkdir(p, 0777), 0);
    ck_assert_int_eq(k.vt->write(&k, 1, rows, 1, &fx.schema, &fx.err), -SRT_ERR_IO);
    snprintf(want, sizeof want,
             "files sink 'out': cannot rename '%s/." PART(01) ".json.tmp' to '%s'", out, p);
    ck_assert_int_eq(strncmp(fx.err.msg, want, strlen(want)), 0);
    assert_only(out, "_spark_metadata " PART(01) ".json");
    ck_assert_int_eq(rmdir(p), 0);

    /* A directory we may not write to (root may write anywhere: not testable then). */
    if (geteuid() != 0) {
        ck_assert_int_eq(chmod(out, 0555), 0);
        ck_assert_int_eq(k.vt->write(&k, 2, rows, 1, &fx.schema, &fx.err), -SRT_ERR_IO);
        snprintf(want, sizeof want,
                 "files sink 'out': cannot create '%s/." PART(02) ".json.tmp': Permission denied",
                 out);
        ck_assert_str_eq(fx.err.msg, want);
        ck_assert_int_eq(chmod(out, 0755), 0);
        assert_only(out, "_spark_metadata");
    }
    /* And the sink still works afterwards; only batch 3 is committed. */
    ck_assert_int_eq(k.vt->write(&k, 3, rows, 1, &fx.schema, &fx.err), 0);
    assert_only(out, "_spark_metadata " PART(03) ".json");
    snprintf(p, sizeof p, "%s/_spark_metadata", out);
    assert_only(p, "3");

    /* The manifest cannot be written: the batch fails, uncommitted (no entry). */
    snprintf(p, sizeof p, "%s/_spark_metadata/4", out);
    ck_assert_int_eq(mkdir(p, 0777), 0); /* a directory where the entry goes */
    ck_assert_int_eq(k.vt->write(&k, 4, rows, 1, &fx.schema, &fx.err), -SRT_ERR_IO);
    snprintf(want, sizeof want, "files sink 'out': cannot write checkpoint file %s", p);
    ck_assert_msg(strncmp(fx.err.msg, want, strlen(want)) == 0, "%s", fx.err.msg);
    /* Its part file may stay (invisible to manifest readers); the retry commits it. */
    ck_assert_int_eq(rmdir(p), 0);
    SrtDatum r2[1] = {str("again")};
    SrtDatum *rows2[1] = {r2};
    ck_assert_int_eq(k.vt->write(&k, 4, rows2, 1, &fx.schema, &fx.err), 0);
    assert_only(out, "_spark_metadata " PART(03) ".json " PART(04) ".json");
    char *t = file_in(&fx, "out", PART(04) ".json");
    ck_assert_str_eq(t, "{\"s\":\"again\"}\n");
    free(t);
    k.vt->close(&k);
    fx_done(&fx);
}
END_TEST

START_TEST(test_sink_oom)
{
    /* Every allocation failing in turn: NOMEM or success, never a crash or a leftover file. */
    for (int n = 0; n < 40; n++) {
        Fx fx;
        fx_init(&fx);
        rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
        fx_opt(&fx, "path", fx.dir);
        fx_opt(&fx, "format", "csv");
        fx_opt(&fx, "header", "true");
        fx_col(&fx, "s", "string", 0);
        SrtDatum r[1] = {str("value")};
        SrtDatum *rows[1] = {r};
        SrtSink k;
        sink_init(&k, &fx);
        fx.mem.fail_after = n;
        int rc = k.vt->open(&k, &fx.opts, &fx.schema, &fx.err);
        if (rc == 0)
            rc = k.vt->write(&k, 0, rows, 1, &fx.schema, &fx.err);
        ck_assert_msg(rc == 0 || rc == -SRT_ERR_NOMEM, "n=%d rc=%d %s", n, rc, fx.err.msg);
        fx.mem.fail_after = -1;
        /* Success: the part file and its entry; failure: neither (no partial commit). */
        char listing[512], meta[160];
        list_dir(fx.dir, listing, sizeof listing);
        if (rc == 0) {
            ck_assert_str_eq(listing, "_spark_metadata " PART(00) ".csv");
        } else {
            ck_assert_msg(strcmp(listing, "") == 0 || strcmp(listing, "_spark_metadata") == 0,
                          "n=%d: %s", n, listing);
        }
        snprintf(meta, sizeof meta, "%s/_spark_metadata", fx.dir);
        if (rc == 0 || strcmp(listing, "_spark_metadata") == 0)
            assert_only(meta, rc == 0 ? "0" : "");
        k.vt->close(&k);
        fx_done(&fx);
    }
}
END_TEST

/* ==== The manifest (_spark_metadata) ==== */

/* The text of manifest entry dir/_spark_metadata/<id> (malloc'd), NULL when it is absent. */
static char *entry_of(Fx *fx, const char *dir, int id)
{
    char path[320];
    snprintf(path, sizeof path, "%s/_spark_metadata/%d", dir, id);
    SrtBuf b;
    srt_buf_init(&b, &fx->mem);
    SrtErr err;
    int rc = srt_ckpt_read_file(path, &b, &err);
    ck_assert_msg(rc == 0 || rc == 1, "%s", err.msg);
    char *t = rc == 0 ? strdup(srt_buf_cstr(&b)) : NULL;
    srt_buf_free(&b);
    return t;
}

/* The line Spark writes for part file dir/name (dir_uri: dir as a URI path), from its stat. */
static void want_line(char *out, size_t cap, const char *dir, const char *dir_uri, const char *name,
                      long long want_size)
{
    char path[320];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq((long long)st.st_size, want_size);
    long long ms = (long long)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000;
    snprintf(out, cap,
             "{\"path\":\"file://%s/%s\",\"size\":%lld,\"isDir\":false,\"modificationTime\":%lld,"
             "\"blockReplication\":1,\"blockSize\":33554432,\"action\":\"add\"}",
             dir_uri, name, want_size, ms);
}

/* The temp dir holds only characters a URI path keeps as they are. */
static void assert_plain_dir(const Fx *fx)
{
    ck_assert_msg(strspn(fx->dir, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                  "-_./") == strlen(fx->dir),
                  "the test needs a plain TMPDIR, not %s", fx->dir);
}

START_TEST(test_manifest_entries)
{
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    assert_plain_dir(&fx);
    /* A name that needs percent-encoding (space, '%', '#') and one java.net.URI keeps ('é'). */
    char out[200], uri[300], want[1024], line[700];
    snprintf(out, sizeof out, "%s/o u%%t#\xc3\xa9", fx.dir);
    snprintf(uri, sizeof uri, "%s/o%%20u%%25t%%23\xc3\xa9", fx.dir); /* URI keeps "other" */
    fx_opt(&fx, "path", out);
    fx_col(&fx, "s", "string", 0);
    SrtSink k;
    sink_init(&k, &fx);
    ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), 0);
    SrtDatum a[1] = {str("a")}, bc[1] = {str("bc")};
    SrtDatum *rows[2] = {a, bc};
    ck_assert_int_eq(k.vt->write(&k, 0, rows, 2, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 1, NULL, 0, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 2, rows + 1, 1, &fx.schema, &fx.err), 0);
    k.vt->close(&k);

    /* Batch 0: v1 and one line, with the part file's real size and time; no final newline. */
    char *t = entry_of(&fx, out, 0);
    want_line(line, sizeof line, out, uri, PART(00) ".json", 21); /* {"s":"a"}\n{"s":"bc"}\n */
    snprintf(want, sizeof want, "v1\n%s\n", line);
    ck_assert_str_eq(t, want);
    free(t);
    /* An empty batch: no part file, an entry with only v1. */
    t = entry_of(&fx, out, 1);
    ck_assert_str_eq(t, "v1\n");
    free(t);
    t = entry_of(&fx, out, 2);
    want_line(line, sizeof line, out, uri, PART(02) ".json", 11);
    snprintf(want, sizeof want, "v1\n%s\n", line);
    ck_assert_str_eq(t, want);
    free(t);
    assert_only(out, "_spark_metadata " PART(00) ".json " PART(02) ".json");
    fx_done(&fx);
}
END_TEST

/* Open a sink with fx's options and one string column, write the row "a" as batch id. */
static void write_a(Fx *fx, int64_t id)
{
    fx_col(fx, "s", "string", 0);
    SrtSink k;
    sink_init(&k, fx);
    ck_assert_int_eq(k.vt->open(&k, &fx->opts, &fx->schema, &fx->err), 0);
    SrtDatum a[1] = {str("a")};
    SrtDatum *rows[1] = {a};
    ck_assert_int_eq(k.vt->write(&k, id, rows, 1, &fx->schema, &fx->err), 0);
    k.vt->close(&k);
}

/* Entry id of dir's manifest lists exactly the part file name of size bytes in out_abs. */
static void assert_entry_of_one(Fx *fx, const char *dir, const char *out_abs, int id,
                                const char *name, long long size)
{
    char line[700], want[1024];
    char *t = entry_of(fx, dir, id);
    ck_assert_ptr_nonnull(t);
    want_line(line, sizeof line, out_abs, out_abs, name, size);
    snprintf(want, sizeof want, "v1\n%s\n", line);
    ck_assert_str_eq(t, want);
    free(t);
}

START_TEST(test_manifest_relative_path)
{
    /* A relative path becomes absolute against the working directory, normalised. */
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    char saved[4096], here[4096], out[4200];
    ck_assert_ptr_nonnull(getcwd(saved, sizeof saved));
    ck_assert_int_eq(chdir(fx.dir), 0);
    ck_assert_ptr_nonnull(getcwd(here, sizeof here)); /* the physical name of fx.dir */
    fx_opt(&fx, "path", "rel/./x/..//out/");
    fx_opt(&fx, "format", "csv");
    write_a(&fx, 7);
    snprintf(out, sizeof out, "%s/rel/out", here);
    assert_entry_of_one(&fx, "rel/out", out, 7, PART(07) ".csv", 2);
    ck_assert_int_eq(chdir(saved), 0);
    fx_done(&fx);
}
END_TEST

static void put_file(const char *dir, const char *name, const char *text)
{
    char path[320];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

START_TEST(test_manifest_path_through_symlink)
{
    /* path = <dir>/link/../out with link -> some/deep: the kernel resolves link/.. to
       <dir>/some, so the part file is <dir>/some/out/...; the manifest names that file, not
       the lexical <dir>/out (which does not exist). */
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    assert_plain_dir(&fx);
    char real[4096], p[300], out[4200];
    ck_assert_ptr_nonnull(realpath(fx.dir, real));
    snprintf(p, sizeof p, "%s/some/deep", fx.dir);
    char cmd[800];
    snprintf(cmd, sizeof cmd, "mkdir -p %s && ln -s some/deep %s/link", p, fx.dir);
    ck_assert_int_eq(system(cmd), 0);
    snprintf(p, sizeof p, "%s/link/../out", fx.dir);
    fx_opt(&fx, "path", p);
    write_a(&fx, 0);
    snprintf(out, sizeof out, "%s/some/out", real);
    assert_entry_of_one(&fx, out, out, 0, PART(00) ".json", 10);
    snprintf(p, sizeof p, "%s/out", fx.dir);
    ck_assert_int_ne(access(p, F_OK), 0);
    fx_done(&fx);
}
END_TEST

/* Open the sink on <dir>/o as the query with this id (NULL: none). */
static int open_as(Fx *fx, SrtSink *k, const char *query_id)
{
    fx->schema.n_cols = 0;
    char path[200];
    snprintf(path, sizeof path, "%s/o", fx->dir);
    fx_opt(fx, "path", path);
    fx_col(fx, "s", "string", 0);
    sink_init(k, fx);
    k->query_id = query_id;
    return k->vt->open(k, &fx->opts, &fx->schema, &fx->err);
}

START_TEST(test_manifest_one_query)
{
    /* The first query to open the directory records its id; another query is refused at
       open, before it writes or removes anything; the same query reopens it. */
    static const char A[] = "11111111-2222-4333-8444-555555555555";
    static const char B[] = "99999999-2222-4333-8444-555555555555";
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    char o[200], meta[220], owner[240], want[1024];
    snprintf(o, sizeof o, "%s/o", fx.dir);
    snprintf(meta, sizeof meta, "%s/_spark_metadata", o);
    snprintf(owner, sizeof owner, "%s/query-id", meta);
    SrtDatum a[1] = {str("a")}, b[1] = {str("b")};
    SrtDatum *ra[1] = {a}, *rb[1] = {b};
    SrtSink k;
    ck_assert_int_eq(open_as(&fx, &k, A), 0);
    ck_assert_int_eq(k.vt->write(&k, 0, ra, 1, &fx.schema, &fx.err), 0);
    k.vt->close(&k);
    SrtBuf t;
    srt_buf_init(&t, &fx.mem);
    ck_assert_int_eq(srt_ckpt_read_file(owner, &t, &fx.err), 0);
    ck_assert_str_eq(srt_buf_cstr(&t), "{\"id\":\"11111111-2222-4333-8444-555555555555\"}\n");
    srt_buf_free(&t);

    /* Another query: refused, its batch 0 never written over the first one's. */
    put_file(meta, ".query-id.tmp-77", "{\"id");
    ck_assert_int_eq(open_as(&fx, &k, B), -SRT_ERR_QUERY);
    snprintf(want, sizeof want,
             "files sink 'out': '%s' is written by another query (%s holds {\"id\":\"%s\"}; "
             "this query's id is %s): two queries cannot write one directory. Write to another "
             "path, or, if the query's checkpoint was replaced, remove the directory to start "
             "its output again",
             o, owner, A, B);
    ck_assert_str_eq(fx.err.msg, want);
    k.vt->close(&k);
    char *part = file_in(&fx, "o", PART(00) ".json");
    ck_assert_str_eq(part, "{\"s\":\"a\"}\n");
    free(part);

    /* The same query again (a restart): accepted, its crashed claim's temp file removed. */
    ck_assert_int_eq(open_as(&fx, &k, A), 0);
    ck_assert_int_eq(k.vt->write(&k, 1, rb, 1, &fx.schema, &fx.err), 0);
    k.vt->close(&k);
    assert_only(meta, "0 1 query-id");
    /* No checkpoint, no id: nothing checked (the compiler requires a checkpoint). */
    ck_assert_int_eq(open_as(&fx, &k, NULL), 0);
    k.vt->close(&k);

    /* A directory with entries but no query-id (an older writer) is claimed. */
    ck_assert_int_eq(unlink(owner), 0);
    ck_assert_int_eq(open_as(&fx, &k, B), 0);
    k.vt->close(&k);
    ck_assert_int_eq(open_as(&fx, &k, A), -SRT_ERR_QUERY);
    k.vt->close(&k);

    /* A damaged query-id is reported, never overwritten. */
    put_file(meta, "query-id", "{\"id\":\"x\"}\n");
    ck_assert_int_eq(open_as(&fx, &k, A), -SRT_ERR_FORMAT);
    ck_assert_msg(strstr(fx.err.msg, "files sink 'out': ") == fx.err.msg &&
                      strstr(fx.err.msg, owner) != NULL,
                  "%s", fx.err.msg);
    k.vt->close(&k);
    fx_done(&fx);
}
END_TEST

START_TEST(test_manifest_skips_committed)
{
    /* A restart (a new sink on the same directory) skips every batch id in the manifest. */
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    fx_opt(&fx, "path", fx.dir);
    fx_col(&fx, "s", "string", 0);
    SrtDatum a[1] = {str("a")}, b[1] = {str("b")}, z[1] = {str("zzz")};
    SrtDatum *ra[1] = {a}, *rb[1] = {b}, *rz[1] = {z};
    SrtSink k;
    sink_init(&k, &fx);
    ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 0, ra, 1, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 1, rb, 1, &fx.schema, &fx.err), 0);
    k.vt->close(&k);
    char *e1 = entry_of(&fx, fx.dir, 1);
    ck_assert_ptr_nonnull(e1);

    sink_init(&k, &fx);
    ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 1, rz, 1, &fx.schema, &fx.err), 0); /* skipped */
    ck_assert_int_eq(k.vt->write(&k, 0, rz, 1, &fx.schema, &fx.err), 0); /* skipped */
    ck_assert_int_eq(k.vt->write(&k, 1, NULL, 0, &fx.schema, &fx.err), 0);
    char *t = file_in(&fx, ".", PART(00) ".json");
    ck_assert_str_eq(t, "{\"s\":\"a\"}\n");
    free(t);
    t = file_in(&fx, ".", PART(01) ".json");
    ck_assert_str_eq(t, "{\"s\":\"b\"}\n");
    free(t);
    t = entry_of(&fx, fx.dir, 1);
    ck_assert_str_eq(t, e1); /* not rewritten */
    free(t);
    free(e1);
    /* The next batch is written. */
    ck_assert_int_eq(k.vt->write(&k, 2, rz, 1, &fx.schema, &fx.err), 0);
    t = file_in(&fx, ".", PART(02) ".json");
    ck_assert_str_eq(t, "{\"s\":\"zzz\"}\n");
    free(t);
    k.vt->close(&k);
    assert_only(fx.dir, "_spark_metadata " PART(00) ".json " PART(01) ".json " PART(02) ".json");
    char meta[160];
    snprintf(meta, sizeof meta, "%s/_spark_metadata", fx.dir);
    assert_only(meta, "0 1 2");

    /* The newest entry decides, whatever came before it (gaps included). */
    char p[200];
    snprintf(p, sizeof p, "%s/_spark_metadata/40", fx.dir);
    ck_assert_int_eq(srt_ckpt_write_file(p, "v1", 2, &fx.err), 0);
    sink_init(&k, &fx);
    ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 39, ra, 1, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 40, ra, 1, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 41, ra, 1, &fx.schema, &fx.err), 0);
    k.vt->close(&k);
    assert_only(fx.dir, "_spark_metadata " PART(00) ".json " PART(01) ".json " PART(
                            02) ".json "
                                "part-00000-0000000000000000041.json");
    fx_done(&fx);
}
END_TEST

START_TEST(test_manifest_uncommitted_rerun)
{
    /* A crash after the part file was renamed but before its entry: the re-run replaces
       it; temporary files of crashed attempts are removed at open. */
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    assert_plain_dir(&fx);
    fx_opt(&fx, "path", fx.dir);
    fx_col(&fx, "s", "string", 0);
    SrtDatum a[1] = {str("a")}, fresh[1] = {str("fresh")};
    SrtDatum *ra[1] = {a}, *rf[1] = {fresh};
    SrtSink k;
    sink_init(&k, &fx);
    ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), 0);
    ck_assert_int_eq(k.vt->write(&k, 0, ra, 1, &fx.schema, &fx.err), 0);
    k.vt->close(&k);
    char meta[160];
    snprintf(meta, sizeof meta, "%s/_spark_metadata", fx.dir);
    put_file(fx.dir, PART(01) ".json", "{\"s\":\"stale, longer than the re-run\"}\n");
    put_file(fx.dir, PART(02) ".json", "{\"s\":\"stale\"}\n");
    put_file(fx.dir, "." PART(03) ".json.tmp", "{\"s\":\"torn");
    put_file(meta, ".1.tmp-4242", "v1\n{\"pa");
    put_file(fx.dir, ".keep", "not ours");
    put_file(meta, ".notes", "not ours");

    sink_init(&k, &fx);
    ck_assert_int_eq(k.vt->open(&k, &fx.opts, &fx.schema, &fx.err), 0);
    assert_only(fx.dir,
                ".keep _spark_metadata " PART(00) ".json " PART(01) ".json " PART(02) ".json");
    assert_only(meta, ".notes 0");
    ck_assert_int_eq(k.vt->write(&k, 1, rf, 1, &fx.schema, &fx.err), 0);
    char *t = file_in(&fx, ".", PART(01) ".json");
    ck_assert_str_eq(t, "{\"s\":\"fresh\"}\n");
    free(t);
    char line[700], want[1024];
    t = entry_of(&fx, fx.dir, 1);
    want_line(line, sizeof line, fx.dir, fx.dir, PART(01) ".json", 14);
    snprintf(want, sizeof want, "v1\n%s\n", line);
    ck_assert_str_eq(t, want);
    free(t);
    /* The re-run of batch 2 has no rows: the stale part file goes, the entry is just v1. */
    ck_assert_int_eq(k.vt->write(&k, 2, NULL, 0, &fx.schema, &fx.err), 0);
    t = entry_of(&fx, fx.dir, 2);
    ck_assert_str_eq(t, "v1\n");
    free(t);
    k.vt->close(&k);
    assert_only(fx.dir, ".keep _spark_metadata " PART(00) ".json " PART(01) ".json");
    assert_only(meta, ".notes 0 1 2");
    fx_done(&fx);
}
END_TEST

START_TEST(test_manifest_corrupt_entry)
{
    /* A damaged entry stops the sink at open with the file named; other names are ignored. */
    static const struct {
        const char *name; /* the entry */
        const char *text; /* its content */
        int checksum;     /* written with srt_ckpt_write_file (else as is) */
        int flip;         /* then one byte of the data changed */
        const char *want; /* the message after "files sink 'out': " and before the path */
        const char *tail; /* after the path */
    } cases[] = {
        {"3", "v1\n{\"path\":\"file:///x\"}", 1, 1, "checkpoint file ",
         " is corrupt (checksum mismatch); it was not written by sluice or was damaged"},
        {"3", "v1\n", 0, 0, "checkpoint file ",
         " is corrupt (torn: no checksum trailer at the end); it was not written by sluice or "
         "was damaged"},
        {"0", "", 0, 0, "checkpoint file ",
         " is corrupt (the file is empty); it was not written by sluice or was damaged"},
        {"3", "v2\n{\"path\":\"file:///x\"}", 1, 0, "corrupt manifest entry '",
         "': the first line is not 'v1'"},
        {"3", "v1\n{\"path\":\"file:///x\"}\nadd x", 1, 0, "corrupt manifest entry '",
         "': a line is not a file entry ({\"path\":...})"},
        {"12", "v1\n\n", 1, 0, "corrupt manifest entry '",
         "': a line is not a file entry ({\"path\":...})"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Fx fx;
        fx_init(&fx);
        rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
        char meta[160], path[200], want[600];
        snprintf(meta, sizeof meta, "%s/o/_spark_metadata", fx.dir);
        char cmd[300];
        snprintf(cmd, sizeof cmd, "mkdir -p %s", meta);
        ck_assert_int_eq(system(cmd), 0);
        snprintf(path, sizeof path, "%s/1", meta); /* a good older entry */
        ck_assert_int_eq(srt_ckpt_write_file(path, "v1", 2, &fx.err), 0);
        snprintf(path, sizeof path, "%s/%s", meta, cases[i].name);
        if (cases[i].checksum) {
            ck_assert_int_eq(
                srt_ckpt_write_file(path, cases[i].text, strlen(cases[i].text), &fx.err), 0);
            if (cases[i].flip) {
                FILE *f = fopen(path, "r+b");
                ck_assert_ptr_nonnull(f);
                fseek(f, 5, SEEK_SET);
                fputc('P', f);
                fclose(f);
            }
        } else {
            put_file(meta, cases[i].name, cases[i].text);
        }
        SrtSink k;
        ck_assert_int_eq(open_at(&fx, &k, "o"), -SRT_ERR_FORMAT);
        snprintf(want, sizeof want, "files sink 'out': %s%s%s", cases[i].want, path, cases[i].tail);
        ck_assert_msg(strcmp(fx.err.msg, want) == 0, "case %zu: %s", i, fx.err.msg);
        k.vt->close(&k);
        fx_done(&fx);
    }

    /* Names that are not batch ids are not entries. */
    Fx fx;
    fx_init(&fx);
    rt_make_temp_dir(fx.dir, sizeof fx.dir, "srt_sink");
    char meta[160];
    snprintf(meta, sizeof meta, "%s/o/_spark_metadata", fx.dir);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "mkdir -p %s", meta);
    ck_assert_int_eq(system(cmd), 0);
    put_file(meta, "README", "hello");
    put_file(meta, "9.compact", "v1");
    put_file(meta, "-1", "v1");
    put_file(meta, "99999999999999999999", "v1"); /* beyond a batch id */
    SrtSink k;
    ck_assert_int_eq(open_at(&fx, &k, "o"), 0);
    SrtDatum a[1] = {str("a")};
    SrtDatum *ra[1] = {a};
    ck_assert_int_eq(k.vt->write(&k, 0, ra, 1, &fx.schema, &fx.err), 0); /* not skipped */
    k.vt->close(&k);
    char out[200];
    snprintf(out, sizeof out, "%s/o", fx.dir);
    assert_only(out, "_spark_metadata " PART(00) ".json");
    fx_done(&fx);
}
END_TEST

Suite *rt_sink_files_suite(void)
{
    Suite *s = suite_create("rt_sink_files");
    TCase *tc = tcase_create("json");
    tcase_add_test(tc, test_json_atomic_types);
    tcase_add_test(tc, test_json_nulls_left_out);
    tcase_add_test(tc, test_json_doubles);
    tcase_add_test(tc, test_json_timestamps);
    tcase_add_test(tc, test_json_string_escapes);
    tcase_add_test(tc, test_json_nested);
    tcase_add_test(tc, test_json_hidden_columns);
    suite_add_tcase(s, tc);
    tc = tcase_create("csv");
    tcase_add_test(tc, test_csv_quoting);
    tcase_add_test(tc, test_csv_rows);
    tcase_add_test(tc, test_csv_style_options);
    suite_add_tcase(s, tc);
    tc = tcase_create("sink");
    tcase_add_test(tc, test_sink_json_batches);
    tcase_add_test(tc, test_sink_csv_header_every_file);
    tcase_add_test(tc, test_sink_large_batch);
    tcase_add_test(tc, test_sink_option_errors);
    tcase_add_test(tc, test_sink_path_errors);
    tcase_add_test(tc, test_sink_write_errors);
    tcase_add_test(tc, test_sink_oom);
    suite_add_tcase(s, tc);
    tc = tcase_create("manifest");
    tcase_add_test(tc, test_manifest_entries);
    tcase_add_test(tc, test_manifest_relative_path);
    tcase_add_test(tc, test_manifest_path_through_symlink);
    tcase_add_test(tc, test_manifest_one_query);
    tcase_add_test(tc, test_manifest_skips_committed);
    tcase_add_test(tc, test_manifest_uncommitted_rerun);
    tcase_add_test(tc, test_manifest_corrupt_entry);
    suite_add_tcase(s, tc);
    return s;
}
