/* srt_output.c - the rows a batch writes, by output mode: without aggregation the rows
** process appended; with aggregation one row per group through the generated emit
** function, in the groups' insertion order, minus the rows HAVING rejected:
**   complete: every group;
**   update:   the groups updated in this batch;
**   append:   the groups made final by the batch's watermark (srt_event.c), each emitted
**             once because eviction removes them after the sink wrote the batch.
** Session windows are emitted from the session table; final sessions are removed as
** they are emitted (append).
*/
#include "srt_int.h"

static int emit_group(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    SrtQuery *q = ctx;
    SrtDatum *row = srt_out_row(q);
    if (!q->def->emit(q, key, key_len, state, row))
        q->n_rows--; /* rejected; its memory goes with the batch */
    return q->failed ? -SRT_ERR_QUERY : 0;
}

static int emit_final(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    SrtQuery *q = ctx;
    return srt_event_is_final(q, key, key_len) ? emit_group(ctx, key, key_len, state) : 0;
}

/* A session: emit it (complete: every one; append: the final ones, which then go). The
   key is a temporary copy, so the row's strings must point into batch memory. */
static int emit_session(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state,
                        int64_t start_us, int64_t end_us)
{
    SRT_UNUSED(start_us);
    SRT_UNUSED(end_us);
    SrtQuery *q = ctx;
    int final = q->mode == SRT_OUT_APPEND ? srt_event_is_final(q, key, key_len) : 0;
    if (q->mode == SRT_OUT_APPEND && !final)
        return 0;
    const uint8_t *copy = (const uint8_t *)srt_batch_strdup(q, (const char *)key, key_len);
    int rc = emit_group(ctx, copy, key_len, state);
    return rc < 0 ? rc : final;
}

int srt_output_collect(SrtQuery *q)
{
    if (q->sessions) {
        size_t removed = 0;
        int rc = srt_sessions_visit(q->sessions, emit_session, q, &removed);
        q->ops[SRT_OP_AGG].removed = (int64_t)removed;
        if (rc < 0 && !q->err.code)
            srt_err_nomem(&q->err, "output");
        return rc;
    }
    if (!q->agg)
        return 0;
    int rc;
    q->ops[SRT_OP_AGG].updated = (int64_t)srt_agg_updated_count(q->agg);
    if (q->mode == SRT_OUT_COMPLETE)
        rc = srt_agg_foreach(q->agg, emit_group, q);
    else if (q->mode == SRT_OUT_APPEND)
        rc = srt_agg_foreach(q->agg, emit_final, q);
    else
        rc = srt_agg_foreach_updated(q->agg, emit_group, q);
    if (rc < 0 && !q->err.code)
        srt_err_nomem(&q->err, "output");
    return rc;
}
