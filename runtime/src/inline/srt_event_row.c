/* srt_event_row.c - a row's event time in the running mean of its partition, as inline
** helpers of the per-record path (srt_abi.h srt_query_event_run; the rest of the rules in
** core/srt_event.c, whose fold of a parallel task replays srt_event_log's times with the
** same step, srt_event_mean_step, so the mean of one thread and of several is the same double).
*/
#include "srt_int.h"

double srt_event_mean_add(double avg, int64_t count, int64_t t_ms)
{
    return srt_event_mean_step(avg, count, t_ms);
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
