/* srt_event.c - event time: the watermark of a query, late rows and final groups.
**
** Spark's rules (EventTimeWatermarkExec, WatermarkTracker, statefulOperators):
**   - the process function reports the event times of every row it reads
**     (srt_query_event_times); after the batch's sink write the watermark becomes
**     max(previous, batch max - delay), so a batch always uses the watermark computed at
**     the end of the one before, and the watermark never moves back;
**   - a stateful operator drops rows whose event-time key is at or before the previous
**     batch's watermark (Spark 3.4+; counted as numRowsDroppedByWatermark), in append and
**     update mode only;
**   - groups whose event-time key (a window's end) is at or before the current batch's
**     watermark are final: append mode emits them, and both modes evict them after the
**     sink wrote the batch.  Complete mode keeps everything.
*/
#include <string.h>

#include "srt_int.h"
#include "state/srt_operator.h"

void srt_query_event_times(SrtQuery *q, int64_t n, int64_t min_ms, int64_t max_ms, uint64_t sum_lo,
                           int64_t sum_hi)
{
    if (n <= 0)
        return;
    if (q->ev_n == 0) {
        q->ev_min_ms = min_ms;
        q->ev_max_ms = max_ms;
    } else {
        if (min_ms < q->ev_min_ms)
            q->ev_min_ms = min_ms;
        if (max_ms > q->ev_max_ms)
            q->ev_max_ms = max_ms;
    }
    q->ev_sum_ms += (__int128)(((unsigned __int128)(uint64_t)sum_hi << 64) | sum_lo);
    q->ev_n += n;
}

int64_t srt_query_late_threshold(SrtQuery *q, int32_t op)
{
    if (!q->def || !q->def->has_watermark)
        return INT64_MIN;
    /* An aggregation in complete mode keeps every group: nothing is late for it. */
    const SrtOperator *o = srt_query_op(q, op);
    if (o && o->vt->aggregates && q->mode == SRT_OUT_COMPLETE)
        return INT64_MIN;
    return q->late_wm_ms * 1000;
}

void srt_query_dropped_late(SrtQuery *q, int32_t op, int64_t n)
{
    SrtOperator *o = srt_query_op(q, op);
    if (o)
        o->st.dropped += n;
}

void srt_event_begin_batch(SrtQuery *q)
{
    q->ev_n = 0;
    q->ev_min_ms = q->ev_max_ms = 0;
    q->ev_sum_ms = 0;
    for (uint32_t i = 0; i < q->n_ops; i++)
        memset(&q->ops[i]->st, 0, sizeof q->ops[i]->st);
}

/* Spark's EventTimeStats keeps a running mean in a double and reports avg.toLong: the mean
   truncated toward zero.  This is the exact mean, truncated the same way (C's division);
   Spark's double may be a rounding away from it. */
int64_t srt_event_avg_ms(const SrtQuery *q)
{
    return q->ev_n ? (int64_t)(q->ev_sum_ms / q->ev_n) : 0;
}

int64_t srt_event_next_watermark(const SrtQuery *q)
{
    int64_t wm = q->watermark_ms;
    if (q->def && q->def->has_watermark && q->ev_n > 0) {
        int64_t cand = q->ev_max_ms - q->def->watermark_delay_us / 1000;
        if (cand > wm)
            wm = cand;
    }
    return wm;
}

int srt_event_is_final(const SrtQuery *q, int64_t key_offset, const uint8_t *key, uint32_t key_len)
{
    if (key_offset < 0 || (uint64_t)key_offset + 8 > key_len)
        return 0;
    int64_t t;
    memcpy(&t, key + key_offset, sizeof t);
    return t <= q->watermark_ms * 1000;
}

int srt_event_watermark_cleans(const SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_ops; i++)
        if (q->ops[i]->vt->watermark_cleans(q->ops[i]))
            return 1;
    return 0;
}
