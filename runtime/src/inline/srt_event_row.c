/* srt_event_row.c - a row's event time in the running mean of its partition, as inline
** helpers of the per-record path (srt_abi.h srt_query_event_run; the rest of the rules in
** core/srt_event.c, whose fold of a parallel task replays srt_event_log's times through
** srt_event_mean_add, so the mean of one thread and of several is the same double).
*/
#include "srt_int.h"

/* EventTimeStats.add (EventTimeWatermarkExec.scala): `count += 1; avg += (eventTime - avg) /
   count`, the Long time and count widened to double; count is the one after the row.  No
   multiplication, so no contraction into a fused multiply-add can change it. */
double srt_event_mean_add(double avg, int64_t count, int64_t t_ms)
{
    return avg + ((double)t_ms - avg) / (double)count;
}

void srt_event_log(SrtQuery *q, int64_t t_ms)
{
    SrtEventLog *l = &q->evlog;
    int64_t *p = SRT_LIKELY(l->n < l->cap) ? l->ms + l->n : srt_event_log_grow(q);
    if (SRT_UNLIKELY(!p))
        srt_query_oom(q, "parallel task");
    *p = t_ms;
    l->n++;
}
