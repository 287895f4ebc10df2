/* check_rt_ssjoin.c - unit tests of the stream-stream join operator (srt_op_ssjoin.c) through its
 * vtable. */
#include <check.h>
#include <stdint.h>
#include <string.h>

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

Suite *rt_ssjoin_suite(void)
{
    Suite *s = suite_create("rt_ssjoin");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_add_probe_evict);
    tcase_add_test(tc, test_many_keys);
    tcase_add_test(tc, test_output_watermark);
    suite_add_tcase(s, tc);
    return s;
}
