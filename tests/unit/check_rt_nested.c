/* check_rt_nested.c - nested values read from JSON (srt_json_value), their copies into
** batch memory (srt_batch_copy_value), their key bytes (srt_key_nested, srt_key.c), MAP
** values (srt_map_build, srt_str_to_map, their show() and JSON texts), and the
** CSV field helpers (srt_csv_*).  Inputs end
** right before a PROT_NONE page, so a read past the end crashes the test.
*/
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt_datum.h"
#include "rt_testutil.h"
#include "srt_int.h"

static SrtMem mem;
static SrtQuery *q;

static void setup(void)
{
    srt_mem_init(&mem);
    q = srt_query_new_detached(&mem);
    ck_assert_ptr_nonnull(q);
}

static void teardown(void)
{
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}

/* Read text as one value of type; returns consumed bytes (-1: malformed), fills *d and *st. */
static long read_value(const char *type, const char *text, SrtDatum *d, int *st)
{
    size_t n = strlen(text);
    char *b = rt_guard(text, n);
    const char *r = srt_json_value(q, type, b, b + n, d, st);
    long consumed = r ? (long)(r - b) : -1;
    /* Strings may point into the input: make the value independent before it goes. */
    if (r)
        srt_batch_copy_value(q, type, d);
    rt_guard_free(b, n);
    return consumed;
}

static void assert_str(const SrtDatum *d, const char *s)
{
    ck_assert_int_eq(d->is_null, 0);
    ck_assert_uint_eq(d->n, strlen(s));
    ck_assert(memcmp(d->p, s, d->n) == 0);
}

START_TEST(test_struct)
{
    static const char type[] = "struct<city:string,zip:bigint,geo:struct<lat:double,lon:double>>";
    SrtDatum d;
    int st;
    const char *in = "{\"zip\": 21201, \"extra\": [1, {\"a\": 2}], \"city\": \"Balti\\u006dore\","
                     " \"geo\": {\"lon\": -76.6, \"lat\": 39.3}}";
    ck_assert_int_eq(read_value(type, in, &d, &st), (long)strlen(in));
    ck_assert_int_eq(st, SRT_JV_OK);
    ck_assert_uint_eq(d.n, 3);
    const SrtDatum *f = d.p;
    assert_str(&f[0], "Baltimore");
    ck_assert_int_eq(f[1].i, 21201);
    const SrtDatum *g = f[2].p;
    ck_assert_double_eq(g[0].d, 39.3);
    ck_assert_double_eq(g[1].d, -76.6);

    /* Missing fields are NULL; the struct itself is not. */
    in = "{\"city\": \"x\"}";
    ck_assert_int_eq(read_value(type, in, &d, &st), (long)strlen(in));
    ck_assert_int_eq(st, SRT_JV_OK);
    f = d.p;
    ck_assert(!f[0].is_null && f[1].is_null && f[2].is_null);

    /* A field of another type, even nested, is NULL and the value partial (Spark's partial
       results): the other fields are kept, the record is malformed. */
    in = "{\"zip\": \"21201\", \"city\": \"x\", \"geo\": {\"lat\": true, \"lon\": 2}}";
    ck_assert_int_eq(read_value(type, in, &d, &st), (long)strlen(in));
    ck_assert_int_eq(st, SRT_JV_PARTIAL);
    f = d.p;
    ck_assert(!f[0].is_null && f[1].is_null && !f[2].is_null);
    ck_assert(((const SrtDatum *)f[2].p)[0].is_null);
    ck_assert_double_eq(((const SrtDatum *)f[2].p)[1].d, 2.0);
    in = "{\"geo\": 5, \"zip\": 7}";
    ck_assert_int_eq(read_value(type, in, &d, &st), (long)strlen(in));
    ck_assert_int_eq(st, SRT_JV_PARTIAL);
    f = d.p;
    ck_assert(f[2].is_null && f[1].i == 7);

    /* null makes the whole value NULL; a value of another type too, and is BADTYPE. Both
       are consumed. */
    ck_assert_int_eq(read_value(type, "null,", &d, &st), 4);
    ck_assert_int_eq(st, SRT_JV_NULL);
    ck_assert_int_eq(read_value(type, "[1, 2]}", &d, &st), 6);
    ck_assert_int_eq(st, SRT_JV_BADTYPE);
    ck_assert_int_eq(d.is_null, 1);
    ck_assert_int_eq(read_value(type, "\"text\"", &d, &st), 6);
    ck_assert_int_eq(st, SRT_JV_BADTYPE);
}
END_TEST

START_TEST(test_array)
{
    static const char type[] = "array<struct<id:string,qty:bigint>>";
    SrtDatum d;
    int st;
    const char *in = "[{\"id\":\"a\",\"qty\":1}, null, {\"qty\": 2.5}, {}, {\"id\":\"e\",\"qty\":5}]";
    ck_assert_int_eq(read_value(type, in, &d, &st), (long)strlen(in));
    ck_assert_int_eq(st, SRT_JV_PARTIAL); /* 2.5 for a bigint: a partial element */
    ck_assert_uint_eq(d.n, 5);
    const SrtDatum *e = d.p;
    assert_str(&((const SrtDatum *)e[0].p)[0], "a");
    ck_assert_int_eq(((const SrtDatum *)e[0].p)[1].i, 1);
    ck_assert_int_eq(e[1].is_null, 1);
    ck_assert_int_eq(((const SrtDatum *)e[2].p)[1].is_null, 1); /* 2.5 is not a bigint */
    ck_assert_int_eq(e[3].is_null, 0);
    assert_str(&((const SrtDatum *)e[4].p)[0], "e");

    /* Empty arrays, and more elements than one growth step. */
    ck_assert_int_eq(read_value("array<int>", "[ ]", &d, &st), 3);
    ck_assert_int_eq(st, SRT_JV_OK);
    ck_assert_uint_eq(d.n, 0);
    ck_assert_int_eq(read_value("array<int>", "[1,2,3,4,5,6,7,8,9,10,11]", &d, &st), 25);
    ck_assert_uint_eq(d.n, 11);
    ck_assert_int_eq(((const SrtDatum *)d.p)[10].i, 11);
    ck_assert_int_eq(read_value("array<array<string>>", "[[\"x\"],[],null]", &d, &st), 15);
    ck_assert_uint_eq(d.n, 3);
    assert_str(((const SrtDatum *)((const SrtDatum *)d.p)[0].p), "x");

    /* An element of another type that is not a partial struct makes the whole array NULL
       (JacksonParser.convertArray catches only partial results), all of it consumed. */
    ck_assert_int_eq(read_value("array<int>", "[1,\"x\",3] ", &d, &st), 9);
    ck_assert_int_eq(st, SRT_JV_BADTYPE);
    ck_assert_int_eq(d.is_null, 1);
    ck_assert_int_eq(read_value(type, "[{\"id\":\"a\"}, 5]", &d, &st), 15);
    ck_assert_int_eq(st, SRT_JV_BADTYPE);
    ck_assert_int_eq(d.is_null, 1);
    ck_assert_int_eq(read_value("struct<a:array<int>,b:int>", "{\"a\":[[1]],\"b\":2}", &d, &st), 17);
    ck_assert_int_eq(st, SRT_JV_PARTIAL);
    ck_assert(((const SrtDatum *)d.p)[0].is_null && ((const SrtDatum *)d.p)[1].i == 2);
}
END_TEST

START_TEST(test_malformed)
{
    SrtDatum d;
    int st;
    static const char *bad[] = {"[1, 2", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "{\"a\":tru}", "{", "["};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(read_value("struct<a:array<int>>", bad[i], &d, &st) == -1 ||
                          read_value("array<int>", bad[i], &d, &st) == -1,
                      "accepted %s", bad[i]);
    ck_assert_int_eq(read_value("array<int>", "[1, 2", &d, &st), -1);
    ck_assert_int_eq(read_value("struct<a:int>", "{\"a\":1,}", &d, &st), -1);
}
END_TEST

START_TEST(test_copy_outlives_input)
{
    static const char type[] = "struct<s:string,a:array<string>>";
    SrtDatum d;
    int st;
    char text[] = "{\"s\":\"hello\",\"a\":[\"x\",\"y\\n\"]}";
    ck_assert_int_ge(read_value(type, text, &d, &st), 0);
    srt_scratch_reset(q); /* the record's scratch memory goes; the copy must not */
    memset(text, '#', sizeof text - 1);
    const SrtDatum *f = d.p;
    assert_str(&f[0], "hello");
    const SrtDatum *a = f[1].p;
    assert_str(&a[0], "x");
    assert_str(&a[1], "y\n");
}
END_TEST

/* ---- CSV ---- */

typedef struct Field {
    const char *text; /* the value after decoding */
    int kind;
    long end;         /* offset of the byte that ended the field */
} Field;

static Field csv_field(const char *line, long start, int sep, int quote, int esc)
{
    size_t n = strlen(line);
    char *b = rt_guard(line, n);
    const char *s;
    uint32_t len;
    int kind;
    const char *r = srt_csv_field(b + start, b + n, sep, quote, esc, &s, &len, &kind);
    static char out[256];
    if (kind == SRT_CSV_ENCODED) {
        const char *o;
        uint32_t on;
        srt_csv_decode(q, s, len, sep, quote, esc, &o, &on);
        memcpy(out, o, on);
        out[on] = '\0';
    } else {
        memcpy(out, s, len);
        out[len] = '\0';
    }
    Field f = {out, kind, (long)(r - b)};
    rt_guard_free(b, n);
    return f;
}

START_TEST(test_csv_fields)
{
    Field f = csv_field("a,b", 0, ',', '"', '\\');
    ck_assert_str_eq(f.text, "a");
    ck_assert_int_eq(f.kind, SRT_CSV_PLAIN);
    ck_assert_int_eq(f.end, 1);
    f = csv_field("a,b", 2, ',', '"', '\\');
    ck_assert_str_eq(f.text, "b");
    ck_assert_int_eq(f.end, 3);
    f = csv_field("\"x, y\",z", 0, ',', '"', '\\');
    ck_assert_str_eq(f.text, "x, y");
    ck_assert_int_eq(f.kind, SRT_CSV_QUOTED);
    ck_assert_int_eq(f.end, 6);
    f = csv_field("\"say \"\"hi\"\"\"\n", 0, ',', '"', '\\');
    ck_assert_str_eq(f.text, "\"say \"\"hi\"\"\""); /* doubled quotes: kept as read */
    ck_assert_int_eq(f.kind, SRT_CSV_ENCODED);
    ck_assert_int_eq(f.end, 12);
    f = csv_field("\"a \\\" b\",c", 0, ',', '"', '\\');
    ck_assert_str_eq(f.text, "a \" b");
    ck_assert_int_eq(f.end, 8);
    f = csv_field("\"\",x", 0, ',', '"', '\\'); /* quoted empty: Spark's nullValue, NULL */
    ck_assert_str_eq(f.text, "");
    ck_assert_int_eq(f.kind, SRT_CSV_PLAIN);
    f = csv_field(",x", 0, ',', '"', '\\'); /* unquoted empty: NULL to the reader */
    ck_assert_int_eq(f.kind, SRT_CSV_PLAIN);
    ck_assert_int_eq(f.end, 0);
    f = csv_field("last\r\nnext", 0, ',', '"', '\\');
    ck_assert_str_eq(f.text, "last");
    ck_assert_int_eq(f.end, 5);
    f = csv_field("\"q\"\r\n", 0, ',', '"', '\\');
    ck_assert_str_eq(f.text, "q");
    ck_assert_int_eq(f.end, 4);
    f = csv_field("\"ab\"cd,e", 0, ',', '"', '\\'); /* an unescaped quote: read as it is */
    ck_assert_str_eq(f.text, "\"ab\"cd");
    ck_assert_int_eq(f.end, 6);
    f = csv_field("\"open, no close\nnext", 0, ',', '"', '\\'); /* ends with the line */
    ck_assert_str_eq(f.text, "open, no close");
    ck_assert_int_eq(f.end, 15);
    f = csv_field("a\tb", 0, '\t', '"', '\\');
    ck_assert_str_eq(f.text, "a");
    f = csv_field("\"", 0, ',', '"', '\\'); /* a lone quote: consumeValueOnEOF keeps it */
    ck_assert_str_eq(f.text, "\"");
    ck_assert_int_eq(f.end, 1);
}
END_TEST

START_TEST(test_csv_values)
{
    int64_t v;
    ck_assert_int_eq(srt_csv_i64("42", 2, &v), 0);
    ck_assert_int_eq(v, 42);
    ck_assert_int_eq(srt_csv_i64("-9223372036854775808", 20, &v), 0);
    ck_assert_int_eq(v, INT64_MIN);
    ck_assert_int_eq(srt_csv_i64("9223372036854775807", 19, &v), 0);
    ck_assert_int_eq(v, INT64_MAX);
    ck_assert_int_eq(srt_csv_i64("9223372036854775808", 19, &v), -1);
    ck_assert_int_eq(srt_csv_i64("+7", 2, &v), 0);
    ck_assert_int_eq(v, 7);
    ck_assert_int_eq(srt_csv_i64("1.5", 3, &v), -1);
    ck_assert_int_eq(srt_csv_i64(" 1", 2, &v), -1);
    ck_assert_int_eq(srt_csv_i64("-", 1, &v), -1);
    ck_assert_int_eq(srt_csv_i64("", 0, &v), -1);
    ck_assert_int_eq(srt_csv_bool("TRUE", 4, &v), 0);
    ck_assert_int_eq(v, 1);
    ck_assert_int_eq(srt_csv_bool("False", 5, &v), 0);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(srt_csv_bool("yes", 3, &v), -1);
    ck_assert_int_eq(srt_csv_bool("1", 1, &v), -1);
}
END_TEST

/* The key bytes of a JSON value (copied: scratch memory is reset per record); *n its length. */
static uint8_t *key_of(const char *type, const char *json, int keep_neg_zero, uint32_t *n)
{
    SrtDatum d;
    int st;
    ck_assert_int_eq(read_value(type, json, &d, &st), (long)strlen(json));
    const uint8_t *k = srt_key_nested(q, type, &d, keep_neg_zero, n);
    uint8_t *copy = srt_batch_alloc(q, *n + 1);
    memcpy(copy, k, *n);
    return copy;
}

static int same_key(const char *type, const char *a, const char *b, int keep_neg_zero)
{
    uint32_t na, nb;
    uint8_t *ka = key_of(type, a, keep_neg_zero, &na);
    uint8_t *kb = key_of(type, b, keep_neg_zero, &nb);
    return na == nb && memcmp(ka, kb, na) == 0;
}

START_TEST(test_key_nested)
{
    static const char st[] = "struct<s:string,a:array<string>,in:struct<x:double,f:float>>";
    static const char ad[] = "array<double>";
    /* One key exactly when Spark's normalised UnsafeRows are equal. */
    ck_assert(same_key(st, "{\"s\": \"a\", \"in\": {\"x\": -0.0}}", "{\"s\": \"a\", \"in\": {\"x\": 0.0}}", 0));
    ck_assert(!same_key(st, "{\"s\": \"a\", \"in\": {\"x\": -0.0}}", "{\"s\": \"a\", \"in\": {\"x\": 0.0}}", 1));
    ck_assert(same_key(st, "{\"in\": {\"f\": \"NaN\"}}", "{\"in\": {\"f\": NaN}}", 1));
    ck_assert(!same_key(st, "{}", "{\"in\": {}}", 0));          /* NULL nested struct, or of NULLs */
    ck_assert(!same_key(st, "{\"a\": []}", "{\"a\": [null]}", 0));
    ck_assert(!same_key(st, "{\"a\": []}", "{}", 0));
    ck_assert(!same_key(st, "{\"a\": [\"ab\"]}", "{\"a\": [\"a\", \"b\"]}", 0));
    ck_assert(!same_key(st, "{\"s\": \"\"}", "{}", 0));         /* "" is not NULL */
    ck_assert(same_key(ad, "[NaN, 0.0]", "[\"NaN\", -0.0]", 0));
    ck_assert(!same_key(ad, "[0.0]", "[0.0, null]", 0));
    uint32_t n;
    ck_assert(key_of(ad, "null", 0, &n) && n == 0);

    /* Bytes read back give the value, whose bytes are the same; every cut or changed null
       byte is refused by the check of state read back. */
    const char *in = "{\"s\": \"héllo\", \"a\": [\"x\", null, \"\"], \"in\": {\"x\": 2.5, \"f\": 1.5}}";
    uint8_t *k = key_of(st, in, 0, &n);
    const SrtType *t = srt_query_type(q, st);
    ck_assert_int_eq(srt_key_nested_check(t, k, n), 0);
    const SrtDatum *d = srt_key_nested_value(q, st, k, n);
    ck_assert_int_eq(d->is_null, 0);
    const SrtDatum *f = d->p;
    assert_str(&f[0], "héllo");
    ck_assert_uint_eq(f[1].n, 3);
    ck_assert(((const SrtDatum *)f[1].p)[1].is_null);
    ck_assert_double_eq(((const SrtDatum *)f[2].p)[1].d, 1.5);
    uint32_t n2;
    const uint8_t *k2 = srt_key_nested(q, st, d, 0, &n2);
    ck_assert(n2 == n && memcmp(k, k2, n) == 0);
    for (uint32_t cut = 0; cut < n; cut++) {
        char *g = rt_guard((const char *)k, cut);
        ck_assert_int_eq(srt_key_nested_check(t, (const uint8_t *)g, cut), -1);
        rt_guard_free(g, cut);
    }
    k[0] = 2; /* the null byte of field s */
    ck_assert_int_eq(srt_key_nested_check(t, k, n), -1);
    d = srt_key_nested_value(q, "array<int>", NULL, 0);
    ck_assert_int_eq(d->is_null, 1);
}
END_TEST

static const SrtDatum *entries(const SrtDatum *d)
{
    return d->p;
}

/* A MAP<STRING, INT> from JSON: keys in order, duplicates kept, a value of another type NULL
   and the map partial (JacksonParser.convertMap); the copy in batch memory keeps it all. */
START_TEST(test_map_json)
{
    static const char type[] = "map<string,int>";
    SrtDatum d;
    int st;
    const char *in = "{\"b\": 2, \"a\": null, \"b\": 3, \"\\u0063\": 4}";
    ck_assert_int_eq(read_value(type, in, &d, &st), (long)strlen(in));
    ck_assert_int_eq(st, SRT_JV_OK);
    ck_assert_uint_eq(d.n, 4);
    const SrtDatum *e = entries(&d);
    assert_str(&e[0], "b");
    assert_str(&e[1], "a");
    assert_str(&e[2], "b");
    assert_str(&e[3], "c");
    ck_assert_int_eq(e[4].i, 2);
    ck_assert(e[5].is_null);
    ck_assert_int_eq(e[6].i, 3);
    ck_assert_int_eq(e[7].i, 4);
    in = "{\"x\": \"no\", \"y\": 1}";
    ck_assert_int_eq(read_value(type, in, &d, &st), (long)strlen(in));
    ck_assert_int_eq(st, SRT_JV_PARTIAL);
    e = entries(&d);
    ck_assert(e[2].is_null && !e[3].is_null);
    ck_assert_int_eq(read_value(type, "{}", &d, &st), 2);
    ck_assert_int_eq(st, SRT_JV_OK);
    ck_assert_uint_eq(d.n, 0);
    ck_assert_int_eq(read_value(type, "[1]", &d, &st), 3);
    ck_assert_int_eq(st, SRT_JV_BADTYPE);
    ck_assert_int_eq(read_value(type, "{\"a\" 1}", &d, &st), -1);
}
END_TEST


/* srt_map_build: keys then values; FLOAT and DOUBLE keys normalised; NULL keys, duplicate
   keys (after normalisation) and arrays of different lengths fail with Spark's messages. */
START_TEST(test_map_build)
{
    SrtDatum k[3] = {rt_str_datum("a"), rt_str_datum("b"), rt_str_datum("c")}, v[3] = {{0}};
    v[0].i = 1, v[1].is_null = 1, v[2].i = 3;
    const void *out;
    uint32_t n;
    ck_assert_int_eq(srt_map_build(q, "map<string,int>", k, 3, v, 3, &out, &n), 0);
    ck_assert_uint_eq(n, 3);
    const SrtDatum *o = out;
    assert_str(&o[2], "c");
    ck_assert(o[4].is_null);
    ck_assert_int_eq(o[5].i, 3);
    ck_assert(!q->failed);

    SrtDatum dk[2] = {{0}};
    dk[0].d = -0.0, dk[1].d = __builtin_nan("");
    ck_assert_int_eq(srt_map_build(q, "map<double,int>", dk, 2, v, 2, &out, &n), 0);
    o = out;
    ck_assert(!__builtin_signbit(o[0].d));
    ck_assert(o[1].d != o[1].d);
    ck_assert(!q->failed);

    SrtDatum nk[2] = {rt_str_datum("a"), {0}};
    nk[1].is_null = 1;
    ck_assert_int_eq(srt_map_build(q, "map<string,int>", nk, 2, v, 2, &out, &n), -1);
    ck_assert(q->failed);
    ck_assert_str_eq(q->err.msg, "[NULL_MAP_KEY] Cannot use null as map key.");
}
END_TEST

START_TEST(test_map_duplicate_key)
{
    SrtDatum k[2] = {{0}}, v[2] = {{0}};
    k[0].d = 0.0, k[1].d = -0.0;
    const void *out;
    uint32_t n;
    ck_assert_int_eq(srt_map_build(q, "map<double,int>", k, 2, v, 2, &out, &n), -1);
    ck_assert(q->failed);
    ck_assert_str_eq(q->err.msg,
                     "[DUPLICATED_MAP_KEY] Duplicate map key -0.0 was found, please check the "
                     "input data. If you want to remove the duplicated keys, you can set "
                     "\"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted "
                     "at last takes precedence.");
}
END_TEST

/* Many keys go through srt_mapdata.c's table: all distinct (200000 of them: a quadratic
   search would not finish in time), the first key met again named (not a later one), and
   keys equal after normalisation (-0.0 and 0.0, two NaNs) found far apart. */
START_TEST(test_map_many_keys)
{
    enum { N = 200000 };
    SrtDatum *k = calloc(N, sizeof *k), *v = calloc(N, sizeof *v);
    ck_assert_ptr_nonnull(k);
    ck_assert_ptr_nonnull(v);
    for (int i = 0; i < N; i++)
        k[i].i = (int64_t)i * 7, v[i].i = i;
    const void *out;
    uint32_t n;
    ck_assert_int_eq(srt_map_build(q, "map<int,int>", k, N, v, N, &out, &n), 0);
    ck_assert_uint_eq(n, N);
    const SrtDatum *o = out;
    ck_assert_int_eq(o[N - 1].i, (int64_t)(N - 1) * 7);
    ck_assert_int_eq(o[N + N - 1].i, N - 1);
    ck_assert(!q->failed);

    k[3000].i = 700; /* = k[100] */
    k[4000].i = 70;  /* = k[10], met later */
    ck_assert_int_eq(srt_map_build(q, "map<int,int>", k, 5000, v, 5000, &out, &n), -1);
    ck_assert_str_eq(q->err.msg,
                     "[DUPLICATED_MAP_KEY] Duplicate map key 700 was found, please check the "
                     "input data. If you want to remove the duplicated keys, you can set "
                     "\"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted "
                     "at last takes precedence.");
    free(k);
    free(v);

    static const struct {
        double a, b;
        const char *name;
    } same[] = {{0.0, -0.0, "-0.0"}, {__builtin_nan(""), -__builtin_nan(""), "NaN"}};
    for (size_t c = 0; c < sizeof same / sizeof *same; c++) {
        srt_query_free(q);
        q = srt_query_new_detached(&mem);
        SrtDatum dk[20] = {{0}}, dv[20] = {{0}};
        for (int i = 0; i < 20; i++)
            dk[i].d = i + 0.5;
        dk[2].d = same[c].a;
        dk[15].d = same[c].b;
        ck_assert_int_eq(srt_map_build(q, "map<double,int>", dk, 20, dv, 20, &out, &n), -1);
        char want[64];
        snprintf(want, sizeof want, "[DUPLICATED_MAP_KEY] Duplicate map key %s was found",
                 same[c].name);
        ck_assert_msg(strncmp(q->err.msg, want, strlen(want)) == 0, "%s", q->err.msg);
    }
}
END_TEST

START_TEST(test_map_lengths)
{
    SrtDatum k[2] = {{0}}, v[1] = {{0}};
    const void *out;
    uint32_t n;
    ck_assert_int_eq(srt_map_build(q, "map<int,int>", k, 2, v, 1, &out, &n), -1);
    ck_assert_str_eq(q->err.msg, "The key array and value array of MapData must have the same length.");
}
END_TEST

/* str_to_map by Java's split: pairs with limit -1 (trailing empty parts kept), then key and
   value with limit 2 (no delimiter: a NULL value). */
START_TEST(test_str_to_map)
{
    const SrtRegex *pair = srt_regex_get(q, ",", 1, 1), *kv = srt_regex_get(q, ":", 1, 1);
    const void *out;
    uint32_t n;
    const char *s = "a:1,b,c:x:y,";
    ck_assert_int_eq(srt_str_to_map(q, "map<string,string>", pair, kv, s, (uint32_t)strlen(s), &out, &n), 0);
    ck_assert_uint_eq(n, 4);
    const SrtDatum *o = out;
    assert_str(&o[0], "a");
    assert_str(&o[1], "b");
    assert_str(&o[2], "c");
    assert_str(&o[3], "");
    assert_str(&o[4], "1");
    ck_assert(o[5].is_null);
    assert_str(&o[6], "x:y");
    ck_assert(o[7].is_null);
    s = "a:1,a:2";
    ck_assert_int_eq(srt_str_to_map(q, "map<string,string>", pair, kv, s, (uint32_t)strlen(s), &out, &n), -1);
    ck_assert(q->failed);
}
END_TEST

/* show(): {k -> v, ...} with NULL inside; the JSON writer: {"k":v} with null values and
   each key's Java toString as the name. */
START_TEST(test_map_text)
{
    SrtDatum e[4] = {{0}};
    e[0].i = 7, e[1].i = -1, e[2] = rt_str_datum("x\"y"), e[3].is_null = 1;
    SrtDatum m = {0};
    m.p = e;
    m.n = 2;
    const SrtType *t = srt_query_type(q, "map<int,string>");
    SrtBuf b;
    srt_buf_init(&b, &mem);
    srt_show_datum(&m, t, &b);
    ck_assert_str_eq(srt_buf_cstr(&b), "{7 -> x\"y, -1 -> NULL}");
    srt_buf_clear(&b);
    srt_write_json_value(&m, t, &b);
    ck_assert_str_eq(srt_buf_cstr(&b), "{\"7\":\"x\\\"y\",\"-1\":null}");
    srt_buf_clear(&b);
    SrtDatum empty = {0};
    srt_show_datum(&empty, t, &b);
    srt_write_json_value(&empty, t, &b);
    ck_assert_str_eq(srt_buf_cstr(&b), "{}{}");
    srt_buf_clear(&b);
    srt_type_print(t, &b);
    ck_assert_str_eq(srt_buf_cstr(&b), "map<int,string>");
    srt_buf_free(&b);

    /* CAST AS STRING (Cast.castToString): NULL inside as null, BINARY as its bytes */
    SrtDatum f[2] = {rt_str_datum("AB"), m};
    SrtDatum st = {0};
    st.p = f;
    st.n = 2;
    const char *out;
    uint32_t n;
    srt_cast_nested_str(q, "struct<b:binary,m:map<int,string>>", &st, &out, &n);
    ck_assert_int_eq((int)n, 28);
    ck_assert(memcmp(out, "{AB, {7 -> x\"y, -1 -> null}}", n) == 0);
}
END_TEST

Suite *rt_nested_suite(void)
{
    Suite *s = suite_create("rt_nested");
    TCase *tj = tcase_create("json");
    tcase_add_checked_fixture(tj, setup, teardown);
    tcase_add_test(tj, test_struct);
    tcase_add_test(tj, test_array);
    tcase_add_test(tj, test_malformed);
    tcase_add_test(tj, test_copy_outlives_input);
    tcase_add_test(tj, test_key_nested);
    tcase_add_test(tj, test_map_json);
    tcase_add_test(tj, test_map_build);
    tcase_add_test(tj, test_map_duplicate_key);
    tcase_add_test(tj, test_map_many_keys);
    tcase_add_test(tj, test_map_lengths);
    tcase_add_test(tj, test_str_to_map);
    tcase_add_test(tj, test_map_text);
    suite_add_tcase(s, tj);
    TCase *tc = tcase_create("csv");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_csv_fields);
    tcase_add_test(tc, test_csv_values);
    suite_add_tcase(s, tc);
    return s;
}
