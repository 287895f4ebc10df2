/* check_rt_ssjoin.c - unit tests of the stream-stream join operator (srt_op_ssjoin.c) through its
 * vtable. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rt_testutil.h"
#include "srt_int.h"
#include "state/srt_operator.h"

#define HOUR_US (3600LL * 1000 * 1000)

static uint8_t left_kinds[2] = {SRT_SSJOIN_COL_SCALAR, SRT_SSJOIN_COL_BYTES};
static uint8_t right_kinds[1] = {SRT_SSJOIN_COL_SCALAR};

/* The guide's join: left (time, name) bounded by watermark - 1 hour - 1 ms, right (time) by
   watermark - 1 ms. */
static SrtOpDef join_def(void)
{
    SrtOpDef d;
    memset(&d, 0, sizeof d);
    d.kind = SRT_OPK_SSJOIN;
    d.id = SRT_OP_SSJOIN;
    d.event_key_offset = -1;
    d.ssjoin[0].n_cols = 2;
    d.ssjoin[0].kinds = left_kinds;
    d.ssjoin[0].evict = SRT_SSJOIN_EVICT_VALUE;
    d.ssjoin[0].n_bounds = 1;
    d.ssjoin[0].bound_us[0] = -HOUR_US;
    d.ssjoin[0].bound_inclusive[0] = 1;
    d.ssjoin[1].n_cols = 1;
    d.ssjoin[1].kinds = right_kinds;
    d.ssjoin[1].evict = SRT_SSJOIN_EVICT_VALUE;
    d.ssjoin[1].n_bounds = 1;
    d.ssjoin[1].bound_us[0] = 0;
    d.ssjoin[1].bound_inclusive[0] = 1;
    return d;
}

static uint32_t key_of(uint8_t key[16], int64_t k)
{
    memset(key, 0, 16);
    memcpy(key + 8, &k, 8);
    return 16;
}

static SrtDatum *add_left(SrtSsJoin *j, int64_t k, int64_t t_us, const char *name)
{
    uint8_t key[16];
    uint32_t n = key_of(key, k);
    char buf[32];
    strcpy(buf, name);
    SrtDatum row[2];
    memset(row, 0, sizeof row);
    row[0].i = t_us;
    row[1].p = buf;
    row[1].n = (uint32_t)strlen(buf);
    SrtDatum *kept = srt_ssjoin_add(j, 0, key, n, srt_hash(key, n), row, t_us);
    memset(buf, 'x', sizeof buf); /* the state holds its own copy */
    return kept;
}

static SrtDatum *add_right(SrtSsJoin *j, int64_t k, int64_t t_us)
{
    uint8_t key[16];
    uint32_t n = key_of(key, k);
    SrtDatum row[1];
    memset(row, 0, sizeof row);
    row[0].i = t_us;
    return srt_ssjoin_add(j, 1, key, n, srt_hash(key, n), row, t_us);
}

static int64_t probe(SrtSsJoin *j, int side, int64_t k, int unmatched, const SrtDatum *const **rows)
{
    uint8_t key[16];
    uint32_t n = key_of(key, k);
    return srt_ssjoin_probe(j, side, key, n, srt_hash(key, n), unmatched, rows);
}

/* A detached query with a watermark and the join operator def. */
static SrtQuery *join_query(SrtMem *mem, SrtQueryDef *qdef, const SrtOpDef *def)
{
    srt_mem_init(mem);
    SrtQuery *q = srt_query_new_detached(mem);
    ck_assert_ptr_nonnull(q);
    memset(qdef, 0, sizeof *qdef);
    qdef->has_watermark = 1;
    q->def = qdef;
    SrtErr err = {0};
    ck_assert_int_eq(srt_query_ops_create(q, def, 1, &err), 0);
    return q;
}

START_TEST(test_add_probe_evict)
{
    SrtMem mem;
    SrtQueryDef qdef;
    SrtOpDef def = join_def();
    SrtErr err = {0};
    SrtQuery *q = join_query(&mem, &qdef, &def);
    SrtOperator *op = srt_query_op(q, SRT_OP_SSJOIN);
    ck_assert_ptr_eq(op->vt, &srt_op_ssjoin_vt);
    SrtSsJoin *j = srt_query_ssjoin(q, SRT_OP_SSJOIN);
    ck_assert_ptr_eq(j, op->state);
    ck_assert_int_eq(op->vt->check(&def, SRT_OUT_APPEND, &err), 0);
    ck_assert_int_eq(op->vt->check(&def, SRT_OUT_UPDATE, &err), -SRT_ERR_QUERY);
    ck_assert_str_eq(err.msg, "Join between two streaming DataFrames/Datasets is not supported in "
                              "Update output mode, only in Append output mode");
    ck_assert(op->vt->watermark_cleans(op));

    /* Batch with watermark 10:00 (ms since the epoch of the day): left keeps rows after 09:00. */
    int64_t wm_ms = 10LL * 3600 * 1000;
    q->watermark_ms = wm_ms;
    memset(&op->st, 0, sizeof op->st);
    ck_assert_int_eq(op->vt->begin_batch(op), 0);
    int64_t ten = wm_ms * 1000;
    add_left(j, 1, ten - 2 * HOUR_US, "old"); /* before 09:00: evicted after the batch */
    add_left(j, 1, ten + HOUR_US, "kept");
    add_left(j, 2, ten + HOUR_US, "two");
    SrtDatum *r_old = add_right(j, 1, ten - 1000); /* at watermark - 1 ms: not kept (transient) */
    add_right(j, 1, ten + 1);

    const SrtDatum *const *rows;
    ck_assert_int_eq(probe(j, 0, 1, 0, &rows), 2);
    ck_assert_int_eq(rows[0][0].i, ten - 2 * HOUR_US); /* the order they came */
    ck_assert_int_eq(rows[1][1].n, 4);
    ck_assert_int_eq(memcmp(rows[1][1].p, "kept", 4), 0);
    ck_assert_int_eq(probe(j, 0, 3, 0, &rows), 0);
    ck_assert_int_eq(probe(j, 1, 1, 0, &rows), 2);

    /* matched rows are skipped by an unmatched-only probe */
    srt_ssjoin_matched(j, 1, r_old, rows[1] == r_old ? rows[0] : rows[1]);
    ck_assert_int_eq(probe(j, 1, 1, 1, &rows), 0);

    const SrtDatum *nulls = srt_ssjoin_null_row(j, 0);
    ck_assert(nulls[0].is_null && nulls[1].is_null);

    ck_assert_int_eq(op->vt->save(op), 0);
    SrtStateOpProgress pr;
    memset(&pr, 0, sizeof pr);
    op->vt->progress(op, 0, &pr);
    ck_assert_int_eq(pr.num_rows_total, 3);   /* kept, two, and the right row after 10:00 */
    ck_assert_int_eq(pr.num_rows_updated, 4); /* not the transient right row */
    ck_assert_int_eq(pr.num_rows_removed, 1); /* the old left row; the transient one uncounted */
    ck_assert_int_eq(probe(j, 0, 1, 0, &rows), 1);
    ck_assert_int_eq(memcmp(rows[0][1].p, "kept", 4), 0);
    ck_assert_int_eq(probe(j, 1, 1, 0, &rows), 1);
    ck_assert_int_eq(rows[0][0].i, ten + 1);

    /* A left semi join forgets a left row that matched at once. */
    memset(&op->st, 0, sizeof op->st);
    ck_assert_int_eq(op->vt->begin_batch(op), 0);
    SrtDatum *semi = add_left(j, 5, ten + HOUR_US, "semi");
    srt_ssjoin_forget(j, 0, semi);
    ck_assert_int_eq(op->vt->save(op), 0);
    memset(&pr, 0, sizeof pr);
    op->vt->progress(op, 0, &pr);
    ck_assert_int_eq(pr.num_rows_total, 3);
    ck_assert_int_eq(pr.num_rows_updated, 0);
    ck_assert_int_eq(pr.num_rows_removed, 0);
    ck_assert_int_eq(probe(j, 0, 5, 0, &rows), 0);

    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Many keys: the index grows and eviction rebuilds it. */
START_TEST(test_many_keys)
{
    SrtMem mem;
    SrtQueryDef qdef;
    SrtOpDef def = join_def();
    SrtQuery *q = join_query(&mem, &qdef, &def);
    SrtOperator *op = srt_query_op(q, SRT_OP_SSJOIN);
    SrtSsJoin *j = op->state;
    q->watermark_ms = 0;
    ck_assert_int_eq(op->vt->begin_batch(op), 0);
    for (int64_t k = 0; k < 5000; k++)
        add_left(j, k % 1000, k * 1000000, "v");
    const SrtDatum *const *rows;
    ck_assert_int_eq(probe(j, 0, 999, 0, &rows), 5);
    ck_assert_int_eq(op->vt->save(op), 0);
    /* the watermark passes the first 2000 s plus the hour of the bound */
    q->watermark_ms = (3600 + 2000) * 1000LL;
    memset(&op->st, 0, sizeof op->st);
    ck_assert_int_eq(op->vt->begin_batch(op), 0);
    ck_assert_int_eq(op->vt->save(op), 0);
    ck_assert_int_eq(op->st.removed, 2000);
    ck_assert_int_eq(probe(j, 0, 999, 0, &rows), 3);
    ck_assert_int_eq(probe(j, 0, 0, 0, &rows), 3);
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Rows kept long among many evicted (a far eviction time): the side's chunks are compacted,
   staying within a bound of its rows' bytes, and the moved rows keep their strings and their
   keys' order. */
START_TEST(test_compact)
{
    SrtMem mem;
    SrtQueryDef qdef;
    SrtOpDef def = join_def();
    SrtQuery *q = join_query(&mem, &qdef, &def);
    SrtOperator *op = srt_query_op(q, SRT_OP_SSJOIN);
    SrtSsJoin *j = op->state;
    const int64_t far = INT64_MAX / 2, per_batch = 4000;
    char name[32];
    size_t peak = 0;
    for (int64_t b = 0; b < 60; b++) {
        q->watermark_ms = (3600 + b) * 1000LL; /* evicts the rows of the batch before */
        memset(&op->st, 0, sizeof op->st);
        ck_assert_int_eq(op->vt->begin_batch(op), 0);
        for (int64_t i = 0; i < per_batch; i++) {
            int64_t k = b * per_batch + i;
            snprintf(name, sizeof name, "row %lld with a tail", (long long)k);
            /* every 500th row stays: key 7, in the order they came */
            add_left(j, k % 500 ? k : 7, k % 500 ? b * 1000000 : far, name);
        }
        ck_assert_int_eq(op->vt->save(op), 0);
        size_t chunks = srt_op_ssjoin_chunk_bytes(op, 0);
        if (chunks > peak)
            peak = chunks;
    }
    /* rows of one batch, about 100 bytes each, and the 8 per batch kept: without compaction
       each batch's chunks would stay */
    SrtStateOpProgress pr;
    memset(&pr, 0, sizeof pr);
    op->vt->progress(op, 0, &pr);
    ck_assert_int_eq(pr.num_rows_total, per_batch + 59 * 8);
    ck_assert_uint_lt(peak, (size_t)12 << 20);
    ck_assert_uint_lt(srt_op_ssjoin_chunk_bytes(op, 0), (size_t)12 << 20);
    const SrtDatum *const *rows;
    ck_assert_int_eq(probe(j, 0, 7, 0, &rows), 60 * 8);
    for (int64_t i = 0; i < 60 * 8; i++) {
        snprintf(name, sizeof name, "row %lld with a tail", (long long)(i * 500));
        ck_assert_uint_eq(rows[i][1].n, strlen(name));
        ck_assert_int_eq(memcmp(rows[i][1].p, name, strlen(name)), 0);
    }
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* The watermark the operators after the join see (Spark 3.5's PropagateWatermarkSimulator):
   the least of the query's and the sides' state watermarks, 0 for 0, never below 0. */
START_TEST(test_output_watermark)
{
    SrtMem mem;
    SrtQueryDef qdef;
    SrtOpDef def = join_def();
    SrtQuery *q = join_query(&mem, &qdef, &def);
    SrtOperator *join = srt_query_op(q, SRT_OP_SSJOIN);
    int64_t wm_ms = 10LL * 3600 * 1000;
    /* left: wm - 1 hour - 1 ms (its inclusive bound), right: wm - 1 ms */
    ck_assert_int_eq(srt_op_ssjoin_output_watermark(join, wm_ms), wm_ms - 3600 * 1000 - 1);
    SrtOperator after = {0}; /* an operator downstream of the join */
    after.q = q;
    ck_assert_int_eq(srt_event_op_watermark(&after, wm_ms), wm_ms - 3600 * 1000 - 1);
    ck_assert_int_eq(srt_event_op_watermark(&after, 0), 0);
    ck_assert_int_eq(srt_event_op_watermark(&after, 1000), 0);
    ck_assert_int_eq(srt_event_op_watermark(join, wm_ms), wm_ms); /* the join: the query's */
    /* a join key carrying the watermark: the sides' state watermarks are the input's */
    def.ssjoin[0].evict = SRT_SSJOIN_EVICT_KEY;
    def.ssjoin[1].evict = SRT_SSJOIN_EVICT_KEY;
    ck_assert_int_eq(srt_event_op_watermark(&after, wm_ms), wm_ms);
    /* a side without a state watermark does not count */
    def.ssjoin[0].evict = SRT_SSJOIN_EVICT_NONE;
    def.ssjoin[1].evict = SRT_SSJOIN_EVICT_VALUE;
    ck_assert_int_eq(srt_event_op_watermark(&after, wm_ms), wm_ms - 1);
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* ==== Checkpointed state: deltas and snapshots ==== */

/* A detached query of the join writing its state to a checkpoint in dir. */
static SrtQuery *ckpt_query(SrtMem *mem, SrtQueryDef *qdef, const SrtOpDef *def, const char *dir)
{
    SrtQuery *q = join_query(mem, qdef, def);
    SrtErr err = {0};
    ck_assert_msg(srt_ckpt_open(mem, dir, &q->ckpt, &err) == 0, "%s", err.msg);
    return q;
}

#define MIN_US (60LL * 1000 * 1000)

/* Batch b of a join that evicts rows of both sides (from batch 9 on for the left one) and
   marks older left rows matched: three left rows at b * 10 min, a right row of b's key - 1
   that meets them (the left rows of earlier batches too), and a right row below the right
   side's state watermark (transient, never kept), then the save of version b + 1. */
static void run_batch(SrtQuery *q, int64_t b)
{
    SrtOperator *op = srt_query_op(q, SRT_OP_SSJOIN);
    SrtSsJoin *j = op->state;
    int64_t t = b * 10 * MIN_US;
    q->batch_id = b;
    q->watermark_ms = b < 3 ? 0 : (t - 30 * MIN_US) / 1000;
    memset(&op->st, 0, sizeof op->st);
    ck_assert_int_eq(op->vt->begin_batch(op), 0);
    add_left(j, b % 5, t, "a");
    add_left(j, (b + 1) % 5, t + MIN_US, "bb");
    add_left(j, 10 + b % 3, t + 2 * MIN_US, "ccc");
    SrtDatum *own = add_right(j, (b + 4) % 5, t);
    const SrtDatum *const *rows;
    int64_t n = probe(j, 0, (b + 4) % 5, 1, &rows);
    for (int64_t i = 0; i < n; i += 2) /* every other one: some rows stay unmatched */
        srt_ssjoin_matched(j, 1, own, rows[i]);
    add_right(j, 7, t - 2 * HOUR_US);
    ck_assert_int_eq(op->vt->save(op), 0);
}

/* The bytes of state file <dir>/state/<op>/<name>. */
static void read_state(const char *dir, const char *name, SrtBuf *out)
{
    char p[256];
    SrtErr err = {0};
    snprintf(p, sizeof p, "%s/state/%d/%s", dir, SRT_OP_SSJOIN, name);
    ck_assert_msg(srt_ckpt_read_file(p, out, &err) == 0, "%s: %s", p, err.msg);
}

/* The join writes deltas with a snapshot every 10th version; restored from version 14 (the
   snapshot of 10 and four deltas), it writes the same files after it as a run that never
   stopped: the same rows in the same order, with the same flags, eviction times and seqs. */
START_TEST(test_deltas_restore)
{
    char a[128], b[128];
    rt_make_temp_dir(a, sizeof a, "ssjoin-a");
    rt_make_temp_dir(b, sizeof b, "ssjoin-b");
    SrtMem mem;
    SrtQueryDef qdef;
    SrtOpDef def = join_def();
    SrtQuery *q = ckpt_query(&mem, &qdef, &def, a);
    for (int64_t v = 0; v < 25; v++)
        run_batch(q, v);
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);

    q = ckpt_query(&mem, &qdef, &def, b);
    for (int64_t v = 0; v < 14; v++)
        run_batch(q, v);
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
    q = ckpt_query(&mem, &qdef, &def, b);
    SrtOperator *op = srt_query_op(q, SRT_OP_SSJOIN);
    SrtErr err = {0};
    ck_assert_msg(op->vt->restore(op, 14, &err) == 0, "%s", err.msg);
    for (int64_t v = 14; v < 25; v++)
        run_batch(q, v);
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);

    SrtBuf x, y;
    srt_buf_init(&x, &mem);
    srt_buf_init(&y, &mem);
    static const char *const names[] = {"10.snapshot", "14.delta", "15.delta", "19.delta",
                                        "20.snapshot", "21.delta", "25.delta"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        read_state(a, names[i], &x);
        read_state(b, names[i], &y);
        ck_assert_msg(x.n == y.n && memcmp(x.p, y.p, x.n) == 0, "%s differs %s %s", names[i], a, b);
    }
    /* A delta holds less than the snapshot of the same state would. */
    read_state(a, "19.delta", &x);
    read_state(a, "20.snapshot", &y);
    ck_assert_uint_lt(x.n * 2, y.n);
    srt_buf_free(&x);
    srt_buf_free(&y);
    ck_assert_uint_eq(mem.in_use, 0);
    rt_remove_dir(a);
    rt_remove_dir(b);
}
END_TEST

/* Restoring from a checkpoint whose delta is missing, torn or names a row the state does not
   have fails with an error naming the file. */
START_TEST(test_corrupt_delta)
{
    char d[128], p[256];
    rt_make_temp_dir(d, sizeof d, "ssjoin-c");
    SrtMem mem;
    SrtQueryDef qdef;
    SrtOpDef def = join_def();
    SrtQuery *q = ckpt_query(&mem, &qdef, &def, d);
    for (int64_t v = 0; v < 13; v++)
        run_batch(q, v);
    srt_query_free(q);
    SrtErr err = {0};

    /* a torn delta */
    snprintf(p, sizeof p, "%s/state/%d/12.delta", d, SRT_OP_SSJOIN);
    SrtBuf saved;
    srt_buf_init(&saved, &mem);
    ck_assert_int_eq(srt_ckpt_read_file(p, &saved, &err), 0);
    FILE *f = fopen(p, "r+b");
    ck_assert_ptr_nonnull(f);
    fputc('X', f);
    fclose(f);
    q = ckpt_query(&mem, &qdef, &def, d);
    SrtOperator *op = srt_query_op(q, SRT_OP_SSJOIN);
    ck_assert_int_lt(op->vt->restore(op, 13, &err), 0);
    ck_assert_msg(strstr(err.msg, p) && strstr(err.msg, "corrupt"), "%s", err.msg);
    srt_query_free(q);

    /* a matched row the state does not have (a valid file): a put of an empty key whose value
       is a REC_FLIPS head (side 0, kind 2) and seq 99 */
    uint8_t rec[] = {'P', 0, 0, 0, 0, 16, 0, 0, 0, /* key length 0, value length 16 */
                     0,   0, 0, 2, 0, 0,  0, 0,    /* side 0, kind 2 */
                     99,  0, 0, 0, 0, 0,  0, 0};
    ck_assert_int_eq(srt_ckpt_write_file(p, (const char *)rec, sizeof rec, &err), 0);
    q = ckpt_query(&mem, &qdef, &def, d);
    op = srt_query_op(q, SRT_OP_SSJOIN);
    ck_assert_int_lt(op->vt->restore(op, 13, &err), 0);
    char want[400];
    snprintf(want, sizeof want,
             "restoring state from %s failed at the record at byte 0: join state: side 0 has no "
             "row 99 to mark matched",
             p);
    ck_assert_str_eq(err.msg, want);
    srt_query_free(q);

    /* a missing delta */
    ck_assert_int_eq(unlink(p), 0);
    q = ckpt_query(&mem, &qdef, &def, d);
    op = srt_query_op(q, SRT_OP_SSJOIN);
    ck_assert_int_lt(op->vt->restore(op, 13, &err), 0);
    ck_assert_msg(strstr(err.msg, "12.delta is missing"), "%s", err.msg);
    srt_query_free(q);

    /* the delta back: restored */
    ck_assert_int_eq(srt_ckpt_write_file(p, saved.p, saved.n, &err), 0);
    srt_buf_free(&saved);
    q = ckpt_query(&mem, &qdef, &def, d);
    op = srt_query_op(q, SRT_OP_SSJOIN);
    ck_assert_msg(op->vt->restore(op, 13, &err) == 0, "%s", err.msg);
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
    rt_remove_dir(d);
}
END_TEST

Suite *rt_ssjoin_suite(void)
{
    Suite *s = suite_create("rt_ssjoin");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_add_probe_evict);
    tcase_add_test(tc, test_many_keys);
    tcase_add_test(tc, test_compact);
    tcase_add_test(tc, test_output_watermark);
    tcase_add_test(tc, test_deltas_restore);
    tcase_add_test(tc, test_corrupt_delta);
    suite_add_tcase(s, tc);
    return s;
}
