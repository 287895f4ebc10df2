/* srt_op_agg.c - the streaming aggregation operator (a group table, output by mode, eviction).
**
** Spark's StateStoreSaveExec.  Generated code updates the groups with srt_agg_upsert on the
** table srt_query_agg_table hands it.  The batch's rows are the table's groups through the
** query's emit function, in insertion order:
**   complete: every group;
**   update:   the groups updated in this batch;
**   append:   the groups made final by the batch's watermark (srt_event.c), each emitted once
**             because eviction removes them after the sink wrote the batch.
** State version N+1 is a delta of the groups batch N updated or evicted (a snapshot every 10th).
*/
#include <string.h>

#include "state/srt_operator.h"

static SrtAggTable *table(const SrtOperator *op)
{
    return op->state;
}

SrtAggTable *srt_query_agg_table_at(SrtQuery *q, int32_t id)
{
    SrtOperator *op = srt_query_op(q, id);
    return op && op->vt == &srt_op_agg_vt ? op->state : NULL;
}

SrtAggTable *srt_query_agg_table(SrtQuery *q)
{
    return srt_query_agg_table_at(q, SRT_OP_AGG);
}

int srt_op_agg_check(const SrtOpDef *d, SrtOutMode mode, SrtErr *err)
{
    if (mode == SRT_OUT_APPEND && d->event_key_offset < 0)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "Append output mode not supported when there are streaming aggregations "
                           "on streaming DataFrames/DataSets without watermark");
    return 0;
}

int srt_op_agg_watermark_cleans(const SrtOperator *op)
{
    /* Spark's StateStoreSaveExec.shouldRunAnotherBatch: any watermarked aggregation in append
       or update mode, with or without an event-time key (a global aggregate prints its row). */
    return op->q->def->has_watermark && op->q->mode != SRT_OUT_COMPLETE;
}

/* Does the aggregation evict final groups (an event-time key, not complete mode)? */
static int evicts(const SrtOperator *op)
{
    return srt_op_agg_watermark_cleans(op) && op->def->event_key_offset >= 0;
}

static int agg_create(SrtOperator *op, SrtErr *err)
{
    const SrtOpDef *d = op->def;
    SrtAggTable *t = srt_agg_new(op->q->mem, d->state_size);
    if (!t)
        return srt_err_nomem(err, "aggregation state");
    op->state = t;
    srt_agg_set_owner(t, op->q);
    if (d->n_string_slots && srt_agg_set_string_slots(t, d->string_slots, d->n_string_slots) < 0)
        return srt_err_nomem(err, "aggregation state");
    if (d->n_collect_slots && srt_agg_set_collect_slots(t, d->collect_slots, d->n_collect_slots) < 0)
        return srt_err_nomem(err, "aggregation state");
    return 0;
}

static int agg_begin_batch(SrtOperator *op)
{
    srt_agg_begin_batch(table(op));
    uint8_t *global; /* Spark: no grouping key, one row even without input */
    if (op->def->global && srt_agg_find_or_add(table(op), "", 0, srt_hash("", 0), &global) < 0)
        return srt_err_nomem(&op->q->err, "aggregation state");
    /* Its collect_set merges the batch's empty partial set into the state (a rebuild). */
    if (op->def->global && srt_agg_touch_collects(table(op), global, srt_query_batch_id(op->q) + 1) < 0)
        return srt_err_nomem(&op->q->err, "collected values");
    return 0;
}

static int emit_group(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    return srt_op_emit_group(ctx, key, key_len, state);
}

static int emit_final(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    SrtOperator *op = ctx;
    return srt_event_is_final(op, op->def->event_key_offset, key, key_len)
               ? emit_group(ctx, key, key_len, state)
               : 0;
}

static int agg_output(SrtOperator *op)
{
    SrtQuery *q = op->q;
    int rc = 0;
    op->st.updated = (int64_t)srt_agg_updated_count(table(op));
    /* collect_set, percentile_approx: the state Spark saves, from the stored one and the
       batch's rows. */
    if (srt_agg_settle_collects(table(op)) < 0)
        return srt_err_nomem(&q->err, "collected values");
    switch (q->mode) {
    case SRT_OUT_COMPLETE:
        rc = srt_agg_foreach(table(op), emit_group, op);
        break;
    case SRT_OUT_APPEND:
        rc = srt_agg_foreach(table(op), emit_final, op);
        break;
    case SRT_OUT_UPDATE:
        rc = srt_agg_foreach_updated(table(op), emit_group, op);
        break;
    }
    if (rc < 0 && !q->err.code)
        srt_err_nomem(&q->err, "output");
    return rc;
}

static int is_final(const SrtOperator *op, const uint8_t *key, uint32_t key_len,
                    const uint8_t *state)
{
    SRT_UNUSED(state);
    return srt_event_is_final(op, op->def->event_key_offset, key, key_len);
}

static int agg_save(SrtOperator *op)
{
    int evict = evicts(op);
    if (!op->q->ckpt && !evict)
        return 0;
    op->st.updated = (int64_t)srt_agg_updated_count(table(op));
    return srt_op_table_save(op, table(op), evict, is_final);
}

static int agg_restore(SrtOperator *op, int64_t version, SrtErr *err)
{
    return srt_op_table_restore(op, table(op), version, err);
}

static void agg_destroy(SrtOperator *op)
{
    srt_agg_free(table(op));
}

static const char *const agg_names[] = {"stateStoreSave", NULL};

static void update_run(SrtQuery *q, const uint8_t *p, size_t len, void *ctx)
{
    SRT_UNUSED(ctx);
    q->def->update_log(q, p, len);
}

static void update_from_log(SrtQuery *q, void *ctx)
{
    srt_vlog_each(q, ctx, update_run, NULL);
}

/* The groups a task's i-th group was merged into, for the replay of its value log. */
typedef struct ReplayGroups {
    uint8_t **groups;
    size_t n;
} ReplayGroups;

static void replay_run(SrtQuery *q, const uint8_t *p, size_t len, void *ctx)
{
    const ReplayGroups *g = ctx;
    q->def->replay(q, g->groups, g->n, p, len);
}

void srt_op_replay(SrtQuery *q, const SrtValueLog *l, uint8_t **groups, size_t n)
{
    ReplayGroups g = {groups, n};
    srt_vlog_each(q, l, replay_run, &g);
}

int srt_op_make_updates(SrtOperator *op, SrtOperator *task)
{
    int rc = srt_query_guarded(op->q, update_from_log, &task->q->vlog);
    if (rc == 0 && op->q->failed)
        rc = -(op->q->err.code ? op->q->err.code : SRT_ERR_QUERY);
    return rc;
}

/* A task's groups, merged (the first level; a level above is updated at output, untouched),
   then its value log replayed into the groups they were merged into, in input order
   (SrtReplayFn): the task's i-th group is the log's group i.  After DROP DUPLICATES the task
   made no update: those of its log that the deduplication's fold kept are made now. */
static int agg_fold(SrtOperator *op, SrtOperator *task)
{
    SrtQuery *q = op->q;
    int replay = q->def->replay != NULL;
    if (q->def->update_log && op->def->id == SRT_OP_AGG)
        return srt_op_make_updates(op, task);
    if (!op->def->task_merge)
        return 0;
    size_t n = replay ? srt_agg_count(task->state) : 0;
    uint8_t **groups = n ? srt_mem_alloc(q->mem, sizeof *groups * n) : NULL;
    if ((n && !groups) ||
        srt_agg_merge_from(op->state, task->state, op->def->task_merge, groups) < 0) {
        srt_mem_free(q->mem, groups, sizeof *groups * n);
        return srt_err_nomem(&q->err, "aggregation state");
    }
    if (n) {
        srt_op_replay(q, &task->q->vlog, groups, n);
    }
    srt_mem_free(q->mem, groups, sizeof *groups * n);
    return 0;
}

static void agg_task_clear(SrtOperator *task)
{
    srt_agg_clear(task->state);
}

const SrtOperatorVt srt_op_agg_vt = {
    agg_names,
    "aggregation",
    1,
    srt_op_agg_check,
    agg_create,
    agg_begin_batch,
    agg_output,
    NULL, /* the rows stay as they are */
    srt_op_agg_watermark_cleans,
    agg_save,
    agg_restore,
    srt_op_table_progress,
    agg_destroy,
    agg_fold,
    agg_task_clear,
};
