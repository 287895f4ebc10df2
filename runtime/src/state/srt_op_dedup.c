/* srt_op_dedup.c - the DROP DUPLICATES operator: the keys seen, forgotten by watermark.
**
** Spark's StreamingDeduplicateExec and StreamingDeduplicateWithinWatermarkExec.  Generated
** code asks srt_dedup_admit about each row's key on the table srt_query_dedup_table_at hands it
** (16 bytes of state: i64 eviction time in µs, INT64_MAX never, and i64 seen flag).  It
** produces no rows itself; after the sink, keys whose eviction time is at or before the
** batch's watermark are removed (only with a watermark).  numRowsUpdated counts the keys
** added.  A query has one such operator per DROP DUPLICATES (Spark's one
** StreamingDeduplicateExec per dropDuplicates), each its own state, late rows and eviction by
** the watermark its input sees (srt_event_op_watermark): a deduplication passes its input
** watermark on unchanged (StateStoreWriter.produceOutputWatermark, which it does not
** override), so one over another sees the same one.
**
** Split across threads (srt_par.c), a task's table starts empty: it admits the first row of
** each key in the task (late rows were dropped against the batch's threshold, the same in
** every task), and its seen word holds the task's row count then, + 1: the task's rows from
** there up to the next admitted key are that row's.  The fold takes the task's keys in
** their order (the table's insertion order) and asks the query's table with the same rule
** (srt_dedup_mark): a key new there keeps its rows, with the eviction time of its first
** row; a key seen before, in the state or in an earlier task, loses them.  One thread
** decides the same row by row: a key's rows after its first in a task are duplicates
** either way.  The query's table is touched by the same keys, so its delta is the same.
** Before an aggregation a task makes no rows but logs its updates (srt_vlog_put_update): a
** key's seen word holds the log's length then, + 1, and the fold cuts the log's bytes from
** there up to the next key's the same way, before the aggregation makes the rest
** (srt_op_agg.c).
*/
#include <string.h>

#include "state/srt_operator.h"

static SrtAggTable *table(const SrtOperator *op)
{
    return op->state;
}

SrtAggTable *srt_query_dedup_table_at(SrtQuery *q, int32_t op_id)
{
    SrtOperator *op = srt_query_op(q, op_id);
    return op && op->vt == &srt_op_dedup_vt ? op->state : NULL;
}

SrtAggTable *srt_query_dedup_table(SrtQuery *q)
{
    return srt_query_dedup_table_at(q, SRT_OP_DEDUP);
}

static int dedup_create(SrtOperator *op, SrtErr *err)
{
    SrtAggTable *t = srt_agg_new(op->q->mem, 16);
    if (!t)
        return srt_err_nomem(err, "deduplication state");
    op->state = t;
    srt_agg_set_owner(t, op->q);
    return 0;
}

static int dedup_begin_batch(SrtOperator *op)
{
    srt_agg_begin_batch(table(op));
    op->st.rows_at_start = (int64_t)srt_agg_count(table(op));
    return 0;
}

static int dedup_watermark_cleans(const SrtOperator *op)
{
    return op->q->def->has_watermark;
}

static int expired(const SrtOperator *op, const uint8_t *key, uint32_t key_len,
                   const uint8_t *state)
{
    SRT_UNUSED(key);
    SRT_UNUSED(key_len);
    int64_t at;
    memcpy(&at, state, sizeof at);
    return at <= srt_event_op_watermark(op, op->q->watermark_ms) * 1000;
}

static int dedup_save(SrtOperator *op)
{
    int evict = op->q->def->has_watermark;
    if (!op->q->ckpt && !evict)
        return 0;
    /* Every lookup touches a key: the updated ones are the keys added. */
    op->st.updated = (int64_t)srt_agg_count(table(op)) - op->st.rows_at_start;
    return srt_op_table_save(op, table(op), evict, expired);
}

static int dedup_restore(SrtOperator *op, int64_t version, SrtErr *err)
{
    return srt_op_table_restore(op, table(op), version, err);
}

static void dedup_destroy(SrtOperator *op)
{
    srt_agg_free(table(op));
}

/* What the task's keys mark and the fold cuts in place: its rows, or its update log's bytes
   (an aggregation follows). */
typedef struct DedupFold {
    SrtOperator *op;
    uint8_t *base; /* the task's rows or log */
    size_t unit;   /* bytes of a row, or 1 */
    size_t from;   /* units [from, ...) are the previous key's */
    int keep;      /* ... and are kept */
    size_t n;      /* units kept so far */
    size_t len;    /* units in all (a failed task's log is cut at its failure) */
    SrtValueLog *log; /* the log whose marks move with its bytes, or NULL */
    size_t mark;      /* its marks before this one are moved */
} DedupFold;

/* Keep (or drop) the units [f->from, to), the log's marks in it moved with them. */
static void cut_rows(DedupFold *f, size_t to)
{
    to = to > f->len ? f->len : to < f->from ? f->from : to;
    for (SrtValueLog *l = f->log; l && f->mark < l->n_marks && l->marks[f->mark].at < to; f->mark++)
        l->marks[f->mark].at =
            f->n + (f->keep && l->marks[f->mark].at > f->from ? l->marks[f->mark].at - f->from : 0);
    if (f->keep && f->n != f->from)
        memmove(f->base + f->n * f->unit, f->base + f->from * f->unit, f->unit * (to - f->from));
    if (f->keep)
        f->n += to - f->from;
    f->from = to;
}

static int fold_key(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    DedupFold *f = ctx;
    int64_t evict, at;
    memcpy(&evict, state, sizeof evict);
    memcpy(&at, state + 8, sizeof at);
    cut_rows(f, (size_t)(at - 1));
    uint8_t *mine;
    if (srt_agg_find_or_add(table(f->op), key, key_len, srt_hash(key, key_len), &mine) < 0)
        return srt_err_nomem(&f->op->q->err, "deduplication state");
    f->keep = srt_dedup_mark(mine, evict, 1);
    return 0;
}

static int dedup_fold(SrtOperator *op, SrtOperator *task)
{
    /* Rows (updates) before the task's first key are kept: no DROP DUPLICATES made them. */
    SrtQuery *w = task->q;
    int logs = w->def->update_log != NULL;
    DedupFold f = {.op = op,
                   .base = logs ? w->vlog.p : (uint8_t *)w->rows,
                   .unit = logs ? 1 : sizeof *w->rows,
                   .keep = 1,
                   .len = logs ? w->vlog.len : w->n_rows,
                   .log = logs ? &w->vlog : NULL};
    int rc = srt_agg_foreach(table(task), fold_key, &f);
    if (rc < 0)
        return rc;
    if (logs) {
        cut_rows(&f, w->vlog.len);
        for (size_t i = f.mark; i < w->vlog.n_marks; i++) /* inputs that logged nothing */
            w->vlog.marks[i].at = f.n;
        w->vlog.len = f.n;
    } else {
        cut_rows(&f, w->n_rows);
        w->n_rows = f.n;
    }
    return 0;
}

static void dedup_task_clear(SrtOperator *task)
{
    srt_agg_clear(table(task));
}

static const char *const dedup_names[] = {"dedupe", "dedupeWithinWatermark", NULL};

const SrtOperatorVt srt_op_dedup_vt = {
    dedup_names,
    "deduplication",
    0,
    NULL, /* every output mode */
    dedup_create,
    dedup_begin_batch,
    NULL, /* no rows of its own */
    NULL, /* the rows stay as they are */
    dedup_watermark_cleans,
    dedup_save,
    dedup_restore,
    srt_op_table_progress,
    dedup_destroy,
    dedup_fold,
    dedup_task_clear,
};
