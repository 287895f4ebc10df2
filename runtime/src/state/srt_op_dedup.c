/* srt_op_dedup.c - the DROP DUPLICATES operator: the keys seen, forgotten by watermark.
**
** Spark's StreamingDeduplicateExec and StreamingDeduplicateWithinWatermarkExec.  Generated
** code looks keys up with srt_agg_upsert on the table srt_query_dedup_table hands it (16
** bytes of state: i64 eviction time in µs, INT64_MAX never, and i64 seen flag).  It produces
** no rows itself; after the sink, keys whose eviction time is at or before the batch's
** watermark are removed (only with a watermark).  numRowsUpdated counts the keys added.
*/
#include <string.h>

#include "state/srt_operator.h"

static SrtAggTable *table(const SrtOperator *op)
{
    return op->state;
}

SrtAggTable *srt_query_dedup_table(SrtQuery *q)
{
    SrtOperator *op = srt_query_op(q, SRT_OP_DEDUP);
    return op && op->vt == &srt_op_dedup_vt ? op->state : NULL;
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

static const char *const dedup_names[] = {"dedupe", "dedupeWithinWatermark", NULL};

const SrtOperatorVt srt_op_dedup_vt = {
    dedup_names,
    "deduplication",
    0,
    NULL, /* every output mode */
    dedup_create,
    dedup_begin_batch,
    NULL,
    dedup_watermark_cleans,
    dedup_save,
    dedup_restore,
    srt_op_table_progress,
    dedup_destroy,
};
