/* srt_op_limit.c - the streaming global limit: the first n rows of the whole stream.
**
** Spark's StreamingGlobalLimitExec (streamingLimits.scala), which SparkStrategies'
** StreamingGlobalLimitStrategy plans for a LIMIT in Append mode.  Its state is one row, key
** the NULL of struct<key: void>, value the count of rows let through so far
** (struct<value: bigint>).  After the batch's output step (and before the sink) it keeps the
** first limit - count rows of the batch and adds them to the count; the row is written
** (numRowsUpdated 1) only in a batch that let a row through, as Spark puts it then.  Over
** the query's rows it runs on the query's thread, after a split batch's tasks were folded in
** input order, so --threads cuts the rows one thread cuts.  Below other operators (a LIMIT
** under a WHERE or an aggregation) generated code asks srt_query_limit_admit for each row at
** the end of the LIMIT's block instead, and the query's batches run on one thread
** (plan_parallel.c).
*/
#include <string.h>

#include "state/srt_operator.h"

typedef struct LimitState {
    int64_t count;    /* rows let through by the batches committed so far and this one */
    int64_t at_start; /* count when the batch began */
} LimitState;

/* The state row's key: one null byte, set (the key is NULL), padded to 8 bytes. */
static const uint8_t limit_key[8] = {1};

static LimitState *state(const SrtOperator *op)
{
    return op->state;
}

static int limit_create(SrtOperator *op, SrtErr *err)
{
    op->state = srt_mem_calloc(op->q->mem, sizeof(LimitState));
    return op->state ? 0 : srt_err_nomem(err, "limit state");
}

static int limit_begin_batch(SrtOperator *op)
{
    state(op)->at_start = state(op)->count;
    return 0;
}

int32_t srt_query_limit_admit(SrtQuery *q, int32_t id)
{
    SrtOperator *op = srt_query_op(q, id);
    LimitState *s = op ? state(op) : NULL;
    if (!s || s->count >= op->def->limit)
        return 0;
    s->count++;
    return 1;
}

static int limit_cut_rows(SrtOperator *op)
{
    SrtQuery *q = op->q;
    LimitState *s = state(op);
    if (op->def->limit_per_record)
        return 0; /* generated code asked srt_query_limit_admit for each row */
    int64_t left = op->def->limit > s->count ? op->def->limit - s->count : 0;
    if ((int64_t)q->n_rows > left)
        q->n_rows = (size_t)left; /* the rest go with the batch memory */
    s->count += (int64_t)q->n_rows;
    return 0;
}

static int limit_watermark_cleans(const SrtOperator *op)
{
    SRT_UNUSED(op);
    return 0;
}

static int limit_save(SrtOperator *op)
{
    SrtQuery *q = op->q;
    LimitState *s = state(op);
    op->st.updated = s->count > s->at_start;
    if (!q->ckpt)
        return 0;
    int64_t t0 = srt_mono_us();
    int64_t version = q->batch_id + 1;
    int snapshot = srt_op_snapshot_due(version);
    SrtStateWriter *w = NULL;
    int rc = srt_ckpt_state_begin(q->ckpt, op->def->id, version, snapshot, &w, &q->err);
    if (rc >= 0 && (snapshot ? s->count > 0 : op->st.updated))
        rc = srt_state_put(w, limit_key, sizeof limit_key, &s->count, sizeof s->count);
    return srt_op_state_end(op, w, rc, t0);
}

static int load_count(void *ctx, int is_put, const uint8_t *key, uint32_t key_len,
                      const uint8_t *val, uint32_t val_len)
{
    SrtOperator *op = ctx;
    SrtQuery *q = op->q;
    int rc = srt_state_key_check(&op->def->schema, key, key_len, &q->err);
    if (rc < 0)
        return rc;
    if (!is_put) {
        state(op)->count = 0;
        return 0;
    }
    if (val_len != sizeof(int64_t))
        return srt_err_set(&q->err, SRT_ERR_FORMAT, "a limit's count has %u bytes (8 expected)",
                           val_len);
    memcpy(&state(op)->count, val, sizeof(int64_t));
    if (state(op)->count < 0)
        return srt_err_set(&q->err, SRT_ERR_FORMAT, "a limit's count is negative");
    return 0;
}

static int limit_restore(SrtOperator *op, int64_t version, SrtErr *err)
{
    state(op)->count = 0;
    int rc = srt_op_load(op, version, load_count, op, err);
    state(op)->at_start = state(op)->count;
    return rc < 0 ? rc : 0;
}

static void limit_progress(const SrtOperator *op, int idle, SrtStateOpProgress *out)
{
    out->num_rows_total = state(op)->count > 0; /* the state row, once written */
    if (!idle)
        srt_op_batch_progress(op, out);
    out->memory_used_bytes = (int64_t)sizeof(LimitState);
}

static void limit_destroy(SrtOperator *op)
{
    srt_mem_free(op->q->mem, op->state, sizeof(LimitState));
}

/* A parallel task's operator is never used: the limit cuts the folded rows. */
static int limit_fold(SrtOperator *op, SrtOperator *task)
{
    SRT_UNUSED(op);
    SRT_UNUSED(task);
    return 0;
}

static void limit_task_clear(SrtOperator *task)
{
    SRT_UNUSED(task);
}

static const char *const limit_names[] = {"globalLimit", NULL};

const SrtOperatorVt srt_op_limit_vt = {
    limit_names,
    "limit",
    0,
    NULL, /* Update mode is refused by the compiler (Spark's UnsupportedOperationChecker) */
    limit_create,
    limit_begin_batch,
    NULL,
    limit_cut_rows,
    limit_watermark_cleans,
    limit_save,
    limit_restore,
    limit_progress,
    limit_destroy,
    limit_fold,
    limit_task_clear,
};
