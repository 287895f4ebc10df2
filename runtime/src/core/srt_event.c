/* srt_event.c - event time: the watermark of a query, late rows, final groups and the
** progress record's eventTime statistics.
**
** Spark's rules (EventTimeWatermarkExec, WatermarkTracker, statefulOperators):
**   - the process function reports the event times of every row it reads
**     (srt_query_event_times, per input; eventTime below); after the batch's sink write
**     each watermarked input's watermark becomes max(previous, batch max - delay) and the
**     query's is the minimum over its inputs (a UNION ALL of several, the sides of a join;
**     the maximum with multipleWatermarkPolicy max), so a batch always
**     uses the watermark computed at the end of the one before, and the watermark never
**     moves back;
**   - a stateful operator drops rows whose event-time key is at or before the previous
**     batch's watermark (Spark 3.4+; counted as numRowsDroppedByWatermark), in append and
**     update mode only;
**   - groups whose event-time key (a window's end) is at or before the current batch's
**     watermark are final: append mode emits them, and both modes evict them after the
**     sink wrote the batch.  Complete mode keeps everything.
*/
#include <string.h>

#include "common/cm_connectors.h"
#include "srt_int.h"
#include "state/srt_operator.h"

/* ==== eventTime: count, min, max, avg ====
** EventTimeWatermarkExec adds each row's getEventTime(row).getLong(0) / 1000 to its
** EventTimeStatsAccum; each task (partition) adds to a copy of its own, so avg is the running
** mean of the partition's rows (EventTimeStats.add: srt_event_mean_step in srt_int.h, per
** row in generated code), and the driver merges the tasks'
** accumulators with EventTimeStats.merge (mean_merge); ProgressReporter prints avg.toLong.
** Spark's driver merges them as the tasks complete (DAGScheduler.updateAccumulators), in an
** order that varies from run to run; sluice merges them in partition order, one of Spark's
** possible results (the only one with one partition).  The partitions of a batch come in
** turn (srt_partition.c), so a partition's run is merged when the next one starts and when
** progress reads the batch's mean.  A parallel task does not know where the mean of the
** partition it continues stands: it logs its rows' times, and its fold replays them in input
** order (srt_event_fold), so one thread's double comes out.
*/

/* EventTimeStats.merge: the merge of a count-0 side is the other side; else `count +=
   that.count; avg += (that.avg - avg) * that.count / count` (the multiplication first, the
   counts widened to double). */
static void mean_merge(SrtEventMean *a, const SrtEventMean *b)
{
    if (b->count == 0)
        return;
    if (a->count == 0) {
        *a = *b;
        return;
    }
    a->count += b->count;
    a->avg += (b->avg - a->avg) * (double)b->count / (double)a->count;
}

/* The running mean of partition part in ev: its run, the run of the partition before merged
   into done when part starts. */
static SrtEventMean *run_of(SrtEventStats *ev, int32_t part)
{
    if (part != ev->part) {
        mean_merge(&ev->done, &ev->run);
        memset(&ev->run, 0, sizeof ev->run);
        ev->part = part;
    }
    return &ev->run;
}

/* n times between min_ms and max_ms into ev's count and extremes. */
static void add_extremes(SrtEventStats *ev, int64_t n, int64_t min_ms, int64_t max_ms)
{
    if (n <= 0)
        return;
    if (ev->n == 0 || min_ms < ev->min_ms)
        ev->min_ms = min_ms;
    if (ev->n == 0 || max_ms > ev->max_ms)
        ev->max_ms = max_ms;
    ev->n += n;
}

int32_t srt_query_event_run(SrtQuery *q, double *avg, int64_t *count)
{
    *avg = 0.0;
    *count = 0;
    if (q->par_task)
        return 1;
    if (q->cur_in < q->n_in && q->in[q->cur_in].ev.part == q->cur_at.partition) {
        *avg = q->in[q->cur_in].ev.run.avg;
        *count = q->in[q->cur_in].ev.run.count;
    }
    return 0;
}

/* A parallel task's process call logged its rows' times since the last segment: they are
   the current partition's. */
static void log_segment(SrtQuery *q)
{
    SrtEventLog *l = &q->evlog;
    SrtEventSeg *last = l->n_segs ? &l->segs[l->n_segs - 1] : NULL;
    int32_t part = q->cur_at.partition;
    if (l->n == (last ? last->end : 0))
        return;
    if (last && last->part == part) {
        last->end = l->n;
        return;
    }
    if (srt_mem_grow(q->mem, (void **)&l->segs, &l->cap_segs, sizeof *l->segs, l->n_segs + 1) < 0)
        srt_query_oom(q, "parallel task");
    l->segs[l->n_segs++] = (SrtEventSeg){part, l->n};
}

void srt_query_event_times(SrtQuery *q, int64_t n, int64_t min_ms, int64_t max_ms, double avg,
                           int64_t count)
{
    if (q->cur_in >= q->n_in)
        return;
    SrtEventStats *ev = &q->in[q->cur_in].ev;
    if (q->par_task)
        log_segment(q);
    else if (count > 0)
        *run_of(ev, q->cur_at.partition) = (SrtEventMean){avg, count};
    add_extremes(ev, n, min_ms, max_ms);
}

/* A log's memory is kept for the next task unless it grew past this many times. */
#define EVLOG_KEEP ((size_t)1 << 17)

int64_t *srt_event_log_grow(SrtQuery *q)
{
    SrtEventLog *l = &q->evlog;
    size_t need = l->n < 4096 ? 4096 : l->n + 1;
    if (srt_mem_grow(q->mem, (void **)&l->ms, &l->cap, sizeof *l->ms, need) < 0)
        return NULL;
    return l->ms + l->n;
}

void srt_event_log_free(SrtQuery *q)
{
    SrtEventLog *l = &q->evlog;
    srt_mem_free(q->mem, l->ms, sizeof *l->ms * l->cap);
    srt_mem_free(q->mem, l->segs, sizeof *l->segs * l->cap_segs);
    memset(l, 0, sizeof *l);
}

void srt_event_fold(SrtQuery *q, uint32_t in, SrtQuery *w)
{
    SrtEventStats *ev = &q->in[in].ev;
    const SrtEventStats *wev = &w->in[in].ev;
    SrtEventLog *l = &w->evlog;
    size_t at = 0;
    for (size_t s = 0; s < l->n_segs; s++) {
        SrtEventMean *r = run_of(ev, l->segs[s].part);
        for (; at < l->segs[s].end; at++) {
            r->count++;
            r->avg = srt_event_mean_step(r->avg, r->count, l->ms[at]);
        }
    }
    add_extremes(ev, wev->n, wev->min_ms, wev->max_ms);
    l->n = 0;
    l->n_segs = 0;
    if (l->cap > EVLOG_KEEP)
        srt_event_log_free(w);
}

int64_t srt_query_late_threshold(SrtQuery *q, int32_t op)
{
    if (!q->def || !q->def->has_watermark)
        return INT64_MIN;
    /* An aggregation in complete mode keeps every group: nothing is late for it
       (StateStoreSaveExec's Complete mode applies no watermark predicate).  A session window
       aggregation drops late rows in every mode: SessionWindowStateStoreRestoreExec filters
       its input whatever the output mode. */
    const SrtOperator *o = srt_query_op(q, op);
    if (o && o->vt->aggregates && o->vt != &srt_op_session_vt && q->mode == SRT_OUT_COMPLETE)
        return INT64_MIN;
    return (o ? srt_event_op_watermark(o, q->late_wm_ms) : q->late_wm_ms) * 1000;
}

void srt_query_dropped_late(SrtQuery *q, int32_t op, int64_t n)
{
    SrtOperator *o = srt_query_op(q, op);
    if (o)
        o->st.dropped += n;
}

static void late_merge(uint8_t *dst, const uint8_t *src, SrtQuery *q)
{
    SRT_UNUSED(dst);
    SRT_UNUSED(src);
    SRT_UNUSED(q);
}

/* Spark's StateStoreSaveExec drops late rows after the partial aggregate (each of the
   batch's groups once, AggUtils.planStreamingAggregation), so a late group counts once. */
void srt_query_late_group(SrtQuery *q, int32_t op, const void *key, uint32_t key_len, uint64_t hash)
{
    SrtOperator *o = srt_query_op(q, op);
    if (!o)
        return;
    if (!o->late && !(o->late = srt_agg_new(q->mem, 8)))
        srt_query_oom(q, "late groups");
    size_t n = srt_agg_count(o->late);
    uint8_t *state;
    if (srt_agg_find_or_add(o->late, key, key_len, hash, &state) < 0)
        srt_query_oom(q, "late groups");
    o->st.dropped += (int64_t)(srt_agg_count(o->late) - n);
}

/* Spark plans a streaming session window (AggUtils.planStreamingAggregationForSession) as a
   partial aggregate per (K, the row's own session [ts, ts + gap)) in each partition, then,
   after a shuffle that merges nothing, SessionWindowStateStoreRestoreExec drops the late
   ones and counts them: a late (K, session) counts once per partition.  The set's key is K,
   the session's ts and end and the row's partition (part: SrtReadPos.partition, numbered
   across a UNION ALL's branches by the generated code), so a partition split across tasks
   still counts once (srt_event_fold_late). */
void srt_query_late_session(SrtQuery *q, int32_t op, const void *key, uint32_t key_len,
                            int64_t ts_us, int64_t end_us, int32_t part)
{
    uint8_t *k = srt_scratch_alloc(q, key_len + 20u);
    memcpy(k, key, key_len);
    memcpy(k + key_len, &ts_us, 8);
    memcpy(k + key_len + 8, &end_us, 8);
    memcpy(k + key_len + 16, &part, 4);
    srt_query_late_group(q, op, k, key_len + 20u, srt_hash(k, key_len + 20u));
}

/* Fold a parallel task's late groups into op's (srt_par.c): the task counted its own, the
   batch counts those new to op.  0 or -SRT_ERR_NOMEM. */
int srt_event_fold_late(SrtOperator *op, const SrtOperator *task)
{
    op->st.dropped += task->st.dropped;
    if (!task->late || srt_agg_count(task->late) == 0)
        return 0;
    if (!op->late && !(op->late = srt_agg_new(op->q->mem, 8)))
        return -SRT_ERR_NOMEM;
    size_t n = srt_agg_count(op->late);
    int rc = srt_agg_merge_from(op->late, task->late, late_merge, NULL);
    op->st.dropped -= (int64_t)srt_agg_count(task->late);
    op->st.dropped += (int64_t)(srt_agg_count(op->late) - n);
    return rc;
}

void srt_event_begin_batch(SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_in; i++)
        memset(&q->in[i].ev, 0, sizeof q->in[i].ev);
    for (uint32_t i = 0; i < q->n_ops; i++) {
        memset(&q->ops[i]->st, 0, sizeof q->ops[i]->st);
        srt_event_clear_late(q->ops[i]);
    }
}

void srt_event_clear_late(SrtOperator *op)
{
    if (op->late)
        srt_agg_clear(op->late);
}

const SrtEventStats *srt_event_stats(const SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_in; i++)
        if (q->in[i].ev.n > 0)
            return &q->in[i].ev;
    return NULL;
}

/* The batch's avg: the partitions' running means merged, as a double; avg.toLong truncates
   it toward zero, as C's conversion. */
int64_t srt_event_avg_ms(const SrtQuery *q)
{
    const SrtEventStats *e = srt_event_stats(q);
    if (!e)
        return 0;
    SrtEventMean m = e->done;
    mean_merge(&m, &e->run);
    return (int64_t)m.avg;
}

/* WatermarkTracker.updateWatermark: per watermark operator (here: per watermarked input), the
   new candidate max - delay when it saw rows this batch, kept only if it moves forward, and 0
   for one that has never seen a row (operatorToWatermarkMap's None, getOrElse(0L)); the
   global watermark is the policy's choice over them (MinWatermark: their minimum, the
   default; MaxWatermark: their maximum) and only moves forward.  The per-input values are
   not checkpointed: after a restart they start again from "not seen", as Spark's
   operatorToWatermarkMap. */
int64_t srt_event_next_watermark(SrtQuery *q)
{
    int64_t wm = q->watermark_ms, global = 0;
    int any = 0;
    if (!q->def)
        return wm;
    for (uint32_t i = 0; i < q->n_in && i < q->def->n_inputs; i++) {
        const SrtInputDef *d = &q->def->inputs[i];
        SrtInput *in = &q->in[i];
        if (!d->has_watermark)
            continue;
        if (in->ev.n > 0) {
            int64_t cand = in->ev.max_ms - d->watermark_delay_us / 1000;
            if (!in->wm_set || cand > in->wm_ms)
                in->wm_ms = cand;
            in->wm_set = 1;
        } else if (!in->wm_set) {
            in->wm_ms = 0;
            in->wm_set = 1;
        }
        if (!any || (q->wm_max ? in->wm_ms > global : in->wm_ms < global))
            global = in->wm_ms;
        any = 1;
    }
    return any && global > wm ? global : wm;
}

/* MultipleWatermarkPolicy.apply lower-cases the conf's value and knows "min" and "max"; a
   value that is neither never gets there, as setting the conf (SQLConf.setConfString, also
   when OffsetSeqMetadata.setSessionConf restores it from the checkpoint) runs the conf's
   checkValue first (cm_conf_choice). */
int srt_event_set_policy(SrtQuery *q, const char *text, SrtErr *err)
{
    const CmOptSpec *spec = cm_opt_find(cm_query_opts, cm_n_query_opts, CM_WATERMARK_POLICY);
    char msg[512];
    if (!text)
        text = spec->def;
    if (cm_conf_choice(spec, text, msg, sizeof msg) < 0)
        return srt_err_set(err, SRT_ERR_OPTION, "%s", msg);
    q->wm_max = srt_str_ieq(text, "max");
    q->wm_policy = text;
    return 0;
}

int srt_event_is_final(const SrtOperator *op, int64_t key_offset, const uint8_t *key,
                       uint32_t key_len)
{
    if (key_offset < 0 || (uint64_t)key_offset + 8 > key_len)
        return 0;
    uint32_t null_at = op->def->event_null_at;
    if (null_at && null_at <= key_len && key[null_at - 1])
        return 0; /* a NULL key: never final */
    int64_t t;
    memcpy(&t, key + key_offset, sizeof t);
    return t <= srt_event_op_watermark(op, op->q->watermark_ms) * 1000;
}

/* Spark 3.5 (statefulOperator.allowMultiple) gives each stateful operator its own input
   watermark: PropagateWatermarkSimulator (WatermarkPropagator.scala) walks the plan upstream
   first, a stateless node passing its child's watermark on and a stateful one passing
   produceOutputWatermark(its input watermark); an aggregation or deduplication passes it
   unchanged (StateStoreWriter), a stream-stream join the lowest of its sides' state
   watermarks and its input one (StreamingSymmetricHashJoinExec.produceOutputWatermark, so
   that no joined row is late below it).  A batch whose global watermark is 0 is not
   simulated (every operator sees 0), and a propagated watermark is at least 0
   (getInputWatermark).  The operators after the join in q->ops (upstream first) see the
   join's; the others the query's.  An operator drops rows at or before what it sees for the
   previous batch's watermark (getInputWatermarkForLateEvents) and emits and evicts by what it
   sees for the batch's (getInputWatermarkForEviction): IncrementalExecution's
   simulateWatermarkPropagation propagates both, the previous one from the offset log's
   previous entry (0 before the first batch), so after a restart as well. */
int64_t srt_event_op_watermark(const SrtOperator *op, int64_t wm_ms)
{
    const SrtQuery *q = op->q;
    if (wm_ms == 0)
        return 0;
    for (uint32_t i = 0; i < q->n_ops && q->ops[i] != op; i++)
        if (q->ops[i]->vt == &srt_op_ssjoin_vt) {
            int64_t w = srt_op_ssjoin_output_watermark(q->ops[i], wm_ms);
            return w > 0 ? w : 0;
        }
    return wm_ms;
}

int srt_event_watermark_cleans(const SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_ops; i++)
        if (q->ops[i]->vt->watermark_cleans(q->ops[i]))
            return 1;
    return 0;
}
