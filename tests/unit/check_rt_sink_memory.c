/* check_rt_sink_memory.c - the memory sink through its vtable: append and update add each
** batch's rows, complete replaces the table (Spark's MemorySink.write), a batch id already
** added is skipped, maxRows drops the oldest whole batches, a snapshot a reader holds stays
** whole while batches go on, the three formats (JSON Lines with NULL fields left out, CSV
** with a header, JSON rows), CSV refused for a struct column, hidden columns, no leak, and
** the failing allocator.
*/
#include <check.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_connectors.h"
#include "srt_int.h"

typedef struct Fx {
    SrtMem mem;
    SrtArena arena;
    SrtSchema schema;
    SrtColumn cols[4];
    SrtOptions opts;
    SrtSink sink;
} Fx;

static void fx_init(Fx *fx, int complete)
{
    memset(fx, 0, sizeof *fx);
    srt_mem_init(&fx->mem);
    srt_arena_init(&fx->arena, &fx->mem, 4096);
    ck_assert_int_eq(srt_opts_bind(&fx->opts, "memory", CM_ROLE_SINK), 0);
    fx->schema.cols = fx->cols;
    fx->sink.vt = &srt_sink_memory_vt;
    fx->sink.mem = &fx->mem;
    fx->sink.name = "t";
    fx->sink.query_name = "counts";
    fx->sink.complete = complete;
}

static void fx_col(Fx *fx, const char *name, const char *type, int hidden)
{
    SrtErr err;
    SrtColumn *c = &fx->cols[fx->schema.n_cols++];
    c->name = name;
    c->hidden = hidden;
    ck_assert_int_eq(srt_type_parse(&fx->arena, type, &c->type, &err), 0);
}

static void fx_open(Fx *fx)
{
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(fx->sink.vt->open(&fx->sink, &fx->opts, &fx->schema, &err), 0);
}

static void fx_done(Fx *fx)
{
    fx->sink.vt->close(&fx->sink);
    srt_arena_free(&fx->arena);
    ck_assert_uint_eq(fx->mem.in_use, 0);
}

/* Write a batch of (action, n) rows; action NULL is a NULL. */
static int put_batch(Fx *fx, int64_t id, const char *const *actions, const int64_t *ns, size_t n)
{
    SrtDatum vals[10][3];
    SrtDatum *rows[10];
    memset(vals, 0, sizeof vals);
    for (size_t i = 0; i < n; i++) {
        vals[i][0].is_null = actions[i] == NULL;
        vals[i][0].p = actions[i];
        vals[i][0].n = actions[i] ? (uint32_t)strlen(actions[i]) : 0;
        vals[i][1].i = ns[i];
        vals[i][2].i = 99; /* hidden */
        rows[i] = vals[i];
    }
    SrtErr err;
    srt_err_clear(&err);
    return fx->sink.vt->write(&fx->sink, id, rows, n, &fx->schema, &err);
}

/* The table as text in format f (the caller frees with free()); *batch its batch id. */
static char *table_text(Fx *fx, SrtMemFormat f, int64_t *batch, int64_t *rows)
{
    SrtMemTable *t = srt_sink_memory_table(&fx->sink);
    ck_assert_ptr_nonnull(t);
    const SrtMemSnap *s = srt_memtab_acquire(t);
    SrtMem m;
    srt_mem_init(&m);
    SrtBuf b;
    srt_buf_init(&b, &m);
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_memsnap_write(t, s, f, &b, &err), 0);
    if (batch)
        *batch = srt_memsnap_batch(s);
    if (rows)
        *rows = srt_memsnap_rows(s);
    srt_memtab_release(t, s);
    char *out = strdup(srt_buf_cstr(&b));
    srt_buf_free(&b);
    return out;
}

static void simple_schema(Fx *fx)
{
    fx_col(fx, "action", "string", 0);
    fx_col(fx, "n", "bigint", 0);
    fx_col(fx, "sort", "bigint", 1);
}

START_TEST(test_append_adds_batches)
{
    Fx fx;
    fx_init(&fx, 0);
    simple_schema(&fx);
    fx_open(&fx);
    int64_t batch, rows;
    char *s = table_text(&fx, SRT_MEMFMT_JSONL, &batch, &rows);
    ck_assert_str_eq(s, "");
    ck_assert_int_eq(batch, -1);
    free(s);
    const char *a0[] = {"Open", NULL};
    const int64_t n0[] = {1, 2};
    ck_assert_int_eq(put_batch(&fx, 0, a0, n0, 2), 0);
    const char *a1[] = {"Close"};
    const int64_t n1[] = {3};
    ck_assert_int_eq(put_batch(&fx, 1, a1, n1, 1), 0);
    s = table_text(&fx, SRT_MEMFMT_JSONL, &batch, &rows);
    ck_assert_str_eq(s, "{\"action\":\"Open\",\"n\":1}\n{\"n\":2}\n{\"action\":\"Close\",\"n\":3}\n");
    ck_assert_int_eq(batch, 1);
    ck_assert_int_eq(rows, 3);
    free(s);
    /* A batch id already added is skipped (a re-run after a restart). */
    ck_assert_int_eq(put_batch(&fx, 1, a1, n1, 1), 0);
    s = table_text(&fx, SRT_MEMFMT_JSONL, &batch, &rows);
    ck_assert_int_eq(rows, 3);
    free(s);
    /* An empty batch keeps the rows and moves the batch id. */
    ck_assert_int_eq(put_batch(&fx, 2, a1, n1, 0), 0);
    s = table_text(&fx, SRT_MEMFMT_JSON, &batch, &rows);
    ck_assert_str_eq(s, "{\"name\":\"counts\",\"batchId\":2,\"columns\":[{\"name\":\"action\","
                        "\"type\":\"string\"},{\"name\":\"n\",\"type\":\"bigint\"}],\"rows\":"
                        "[[\"Open\",1],[null,2],[\"Close\",3]]}");
    free(s);
    s = table_text(&fx, SRT_MEMFMT_CSV, NULL, NULL);
    ck_assert_str_eq(s, "action,n\nOpen,1\n,2\nClose,3\n");
    free(s);
    fx_done(&fx);
}
END_TEST

START_TEST(test_complete_replaces)
{
    Fx fx;
    fx_init(&fx, 1);
    simple_schema(&fx);
    fx_open(&fx);
    const char *a0[] = {"Open", "Close"};
    const int64_t n0[] = {1, 1};
    ck_assert_int_eq(put_batch(&fx, 0, a0, n0, 2), 0);
    const int64_t n1[] = {2, 5};
    ck_assert_int_eq(put_batch(&fx, 1, a0, n1, 2), 0);
    int64_t batch, rows;
    char *s = table_text(&fx, SRT_MEMFMT_JSONL, &batch, &rows);
    ck_assert_str_eq(s, "{\"action\":\"Open\",\"n\":2}\n{\"action\":\"Close\",\"n\":5}\n");
    ck_assert_int_eq(batch, 1);
    ck_assert_int_eq(rows, 2);
    free(s);
    fx_done(&fx);
}
END_TEST

/* A reader's snapshot stays whole while the table moves on; released, it is freed by the
   writer's next batch (and everything at close). */
START_TEST(test_snapshot_isolation)
{
    Fx fx;
    fx_init(&fx, 1);
    simple_schema(&fx);
    fx_open(&fx);
    const char *a[] = {"x"};
    const int64_t n0[] = {1}, n1[] = {2};
    ck_assert_int_eq(put_batch(&fx, 0, a, n0, 1), 0);
    SrtMemTable *t = srt_sink_memory_table(&fx.sink);
    const SrtMemSnap *held = srt_memtab_acquire(t);
    ck_assert_int_eq(put_batch(&fx, 1, a, n1, 1), 0);
    SrtMem m;
    srt_mem_init(&m);
    SrtBuf b;
    srt_buf_init(&b, &m);
    SrtErr err;
    ck_assert_int_eq(srt_memsnap_write(t, held, SRT_MEMFMT_JSONL, &b, &err), 0);
    ck_assert_str_eq(srt_buf_cstr(&b), "{\"action\":\"x\",\"n\":1}\n");
    ck_assert_int_eq(srt_memsnap_batch(held), 0);
    srt_buf_free(&b);
    size_t before = fx.mem.in_use;
    srt_memtab_release(t, held);
    ck_assert_int_eq(put_batch(&fx, 2, a, n1, 1), 0);
    ck_assert_uint_le(fx.mem.in_use, before); /* the held snapshot went */
    fx_done(&fx);
}
END_TEST

START_TEST(test_max_rows_drops_oldest_batches)
{
    Fx fx;
    fx_init(&fx, 0);
    ck_assert_int_eq(srt_opts_set(&fx.opts, &fx.arena, "maxRows", "3"), 0);
    simple_schema(&fx);
    fx_open(&fx);
    const char *a[] = {"a", "b"};
    const int64_t n[] = {1, 2};
    ck_assert_int_eq(put_batch(&fx, 0, a, n, 2), 0);
    ck_assert_int_eq(put_batch(&fx, 1, a, n, 1), 0);
    int64_t rows;
    char *s = table_text(&fx, SRT_MEMFMT_CSV, NULL, &rows);
    ck_assert_int_eq(rows, 3);
    free(s);
    ck_assert_int_eq(put_batch(&fx, 2, a, n, 2), 0); /* batch 0 goes: 1 + 2 rows stay */
    s = table_text(&fx, SRT_MEMFMT_CSV, NULL, &rows);
    ck_assert_str_eq(s, "action,n\na,1\na,1\nb,2\n");
    ck_assert_int_eq(rows, 3);
    free(s);
    fx_done(&fx);
}
END_TEST

START_TEST(test_struct_column)
{
    Fx fx;
    fx_init(&fx, 0);
    fx_col(&fx, "window", "struct<start:timestamp,end:timestamp>", 0);
    fx_open(&fx);
    SrtDatum f[2] = {{0}};
    f[0].i = 0;
    f[1].i = 3600000000LL;
    SrtDatum v = {0};
    v.p = f;
    SrtDatum *row = &v;
    SrtErr err;
    ck_assert_int_eq(fx.sink.vt->write(&fx.sink, 0, &row, 1, &fx.schema, &err), 0);
    char *s = table_text(&fx, SRT_MEMFMT_JSONL, NULL, NULL);
    ck_assert_str_eq(s, "{\"window\":{\"start\":\"1970-01-01T00:00:00.000Z\",\"end\":"
                        "\"1970-01-01T01:00:00.000Z\"}}\n");
    free(s);
    SrtMemTable *t = srt_sink_memory_table(&fx.sink);
    const SrtMemSnap *snap = srt_memtab_acquire(t);
    SrtMem m;
    srt_mem_init(&m);
    SrtBuf b;
    srt_buf_init(&b, &m);
    ck_assert_int_lt(srt_memsnap_write(t, snap, SRT_MEMFMT_CSV, &b, &err), 0);
    ck_assert_str_eq(err.msg,
                     "CSV data source does not support struct<start:timestamp,end:timestamp> data type.");
    srt_memtab_release(t, snap);
    srt_buf_free(&b);
    fx_done(&fx);
}
END_TEST

/* A reader thread takes snapshots while the writer adds batches of 10 rows (append, maxRows
   30): every snapshot is whole batches, the values of batches b-k+1 .. b in order. */
typedef struct Race {
    SrtMemTable *t;
    atomic_int done;
    atomic_int read_once; /* the reader has read a snapshot: the writer goes on from half-way */
    int reads, bad;
} Race;

static void *race_reader(void *arg)
{
    Race *r = arg;
    SrtMem m;
    srt_mem_init(&m);
    SrtBuf b;
    srt_buf_init(&b, &m);
    while (!atomic_load(&r->done)) {
        const SrtMemSnap *s = srt_memtab_acquire(r->t);
        SrtErr err;
        srt_buf_clear(&b);
        srt_memsnap_write(r->t, s, SRT_MEMFMT_CSV, &b, &err);
        int64_t batch = srt_memsnap_batch(s), rows = srt_memsnap_rows(s);
        srt_memtab_release(r->t, s);
        /* "action,n\n" then rows "x,<n>\n" with n running up to 10 * (batch + 1) - 1 */
        const char *p = strchr(srt_buf_cstr(&b), '\n');
        int64_t k = 0, want = 10 * (batch + 1) - rows;
        for (p = p ? p + 1 : NULL; p && *p; k++) {
            long long v = -1;
            if (sscanf(p, "x,%lld", &v) != 1 || v != want + k)
                r->bad++;
            p = strchr(p, '\n');
            p = p ? p + 1 : NULL;
        }
        if (k != rows || rows % 10 || rows > 30)
            r->bad++;
        r->reads++;
        atomic_store(&r->read_once, 1);
    }
    srt_buf_free(&b);
    return NULL;
}

START_TEST(test_concurrent_reader)
{
    Fx fx;
    fx_init(&fx, 0);
    ck_assert_int_eq(srt_opts_set(&fx.opts, &fx.arena, "maxRows", "30"), 0);
    simple_schema(&fx);
    fx_open(&fx);
    Race r = {.t = srt_sink_memory_table(&fx.sink)};
    atomic_init(&r.done, 0);
    atomic_init(&r.read_once, 0);
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, race_reader, &r), 0);
    const char *a[10];
    int64_t n[10];
    for (int64_t batch = 0; batch < 2000; batch++) {
        for (int i = 0; i < 10; i++) {
            a[i] = "x";
            n[i] = batch * 10 + i;
        }
        ck_assert_int_eq(put_batch(&fx, batch, a, n, 10), 0);
        /* on a loaded machine the reader may not have run yet: let it read while the
           batches go on, so the reads overlap the writes */
        while (batch == 1000 && !atomic_load(&r.read_once))
            sched_yield();
    }
    atomic_store(&r.done, 1);
    pthread_join(th, NULL);
    ck_assert_int_gt(r.reads, 0);
    ck_assert_int_eq(r.bad, 0);
    fx_done(&fx);
}
END_TEST

START_TEST(test_oom)
{
    for (int64_t k = 0; k < 40; k++) {
        Fx fx;
        fx_init(&fx, 0);
        simple_schema(&fx);
        fx.mem.fail_after = k;
        SrtErr err;
        srt_err_clear(&err);
        int rc = fx.sink.vt->open(&fx.sink, &fx.opts, &fx.schema, &err);
        const char *a[] = {"a", "b"};
        const int64_t n[] = {1, 2};
        if (rc == 0)
            rc = put_batch(&fx, 0, a, n, 2);
        if (rc == 0)
            rc = put_batch(&fx, 1, a, n, 2);
        ck_assert(rc == 0 || rc == -SRT_ERR_NOMEM);
        fx.mem.fail_after = -1;
        fx_done(&fx);
    }
}
END_TEST

Suite *rt_sink_memory_suite(void)
{
    Suite *s = suite_create("rt_sink_memory");
    TCase *tc = tcase_create("modes");
    tcase_add_test(tc, test_append_adds_batches);
    tcase_add_test(tc, test_complete_replaces);
    tcase_add_test(tc, test_snapshot_isolation);
    tcase_add_test(tc, test_max_rows_drops_oldest_batches);
    tcase_add_test(tc, test_struct_column);
    tcase_add_test(tc, test_concurrent_reader);
    tcase_add_test(tc, test_oom);
    suite_add_tcase(s, tc);
    return s;
}
