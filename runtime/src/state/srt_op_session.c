/* srt_op_session.c - the session window aggregation operator (sessions per key, srt_session.c).
**
** Spark's SessionWindowStateStoreSaveExec.  Generated code calls srt_session_upsert per row.
** As Spark's plan for a streaming session window (AggUtils.planStreamingAggregationForSession)
** does, a batch's rows are first aggregated apart per key and session (the partial
** aggregate, grouped by the key and the row's own session [ts, ts + gap), whose end a per-row
** gap or one with months makes the row's own), in a batch table of those points; before the
** output they are folded into the state in order of
** start with the sessions restored for the key (srt_sessions_fold: SessionWindowStateStore-
** RestoreExec's merge of input and state rows, then MergingSessionsExec).  So a DOUBLE sum
** adds the same partial sums in the same order as Spark, and first/last follow the order of
** the sessions' starts.
** Output: complete mode emits every session; append mode emits the sessions made final by
** the batch's watermark and removes them as it goes (update mode is refused by the
** compiler, as Spark does).  Sessions change shape as they merge, so every state version is a
** snapshot of all of them (final ones were already emitted and removed by the output step).
** Split across threads (srt_par.c), each task's rows make a batch table of their own, folded
** into the query's batch table in task order (srt_sessions_merge_from): a (key, session)
** seen by several tasks merges their partial aggregates with the task merge function, and
** keys keep the order of their first rows; the state is untouched until the output, as on
** one thread.  The merge is exact (count, an integer sum, min, max, first, last ...) or
** skips the aggregate: a replayed one (a DOUBLE or DECIMAL sum or average, plan_parallel.c),
** whose task leaves it as it starts and logs its values instead, each tagged with its row's
** point, numbered here as the task's rows meet them (srt_vlog_put_row); after the merge,
** the log is replayed in input order into the query's points of those numbers, with the
** updates one thread makes.  After DROP DUPLICATES a task makes no session but logs each
** row (srt_vlog_put_update) and the fold makes those the deduplication kept on the query's
** thread (srt_op_make_updates), in input order, as one thread does.
*/
#include <stdio.h>
#include <string.h>

#include "state/srt_operator.h"

typedef struct SessionOp {
    SrtSessions *state; /* the sessions of every key (what is saved) */
    SrtSessions *batch; /* the batch's partial aggregates, NULL until its first row */
    /* Owned: a parallel task's points whose rows logged values (the value log's groups);
       a row of the last one's point reuses its number. */
    SrtSessPoint *points;
    size_t n_points, cap_points;
} SessionOp;

static SrtSessions *sessions(const SrtOperator *op)
{
    return ((const SessionOp *)op->state)->state;
}

/* An empty table of op's sessions (the state), or of a batch's partial sessions (a batch
   table: its rows' files may come in any order of time); NULL: no memory. */
static SrtSessions *table_new(const SrtOperator *op, int batch)
{
    const SrtOpDef *d = op->def;
    SrtSessions *t = (batch ? srt_sessions_new_batch : srt_sessions_new)(
        op->q->mem, d->state_size, (uint32_t)d->session_slot, d->merge);
    if (t)
        srt_sessions_set_query(t, op->q);
    if (t && ((d->n_string_slots &&
               srt_sessions_set_string_slots(t, d->string_slots, d->n_string_slots) < 0) ||
              (d->n_collect_slots &&
               srt_sessions_set_collect_slots(t, d->collect_slots, d->n_collect_slots) < 0))) {
        srt_sessions_free(t);
        return NULL;
    }
    return t;
}

/* In a parallel task of a query with replayed aggregates: number the row's point for its
   logged values (SrtValueLog.row).  0 or -SRT_ERR_NOMEM. */
static int note_point(SrtQuery *q, SessionOp *so, int64_t ts, int64_t end)
{
    SrtSessPoint p = {srt_sessions_last_key(so->batch), ts, end};
    SrtSessPoint *last = so->n_points ? &so->points[so->n_points - 1] : NULL;
    if (!last || last->key != p.key || last->ts != p.ts || last->end != p.end) {
        if (so->n_points == so->cap_points) {
            void *a = so->points;
            if (srt_mem_grow(q->mem, &a, &so->cap_points, sizeof p, so->n_points + 1) < 0)
                return -SRT_ERR_NOMEM;
            so->points = a;
        }
        so->points[so->n_points++] = p;
    }
    q->vlog.row = (uint32_t)(so->n_points - 1);
    return 0;
}

uint8_t *srt_session_upsert(SrtQuery *q, const void *key, uint32_t key_len, uint64_t hash,
                            int64_t start_us, int64_t end_us)
{
    SrtOperator *op = srt_query_op(q, SRT_OP_AGG);
    uint8_t *state = NULL;
    int rc = -SRT_ERR_FORMAT;
    if (op && op->vt == &srt_op_session_vt && end_us >= start_us) {
        SessionOp *so = op->state;
        if (!so->batch)
            so->batch = table_new(op, 1);
        rc = so->batch
                 ? srt_sessions_upsert(so->batch, key, key_len, hash, start_us, end_us, &state)
                 : -SRT_ERR_NOMEM;
        if (rc >= 0 && SRT_UNLIKELY(q->par_task) && q->def->replay)
            rc = note_point(q, so, start_us, end_us);
    }
    if (SRT_UNLIKELY(rc < 0)) {
        if (rc == -SRT_ERR_NOMEM)
            srt_query_oom(q, "session windows");
        /* -FORMAT: bounds or a key generated code never passes; say so rather than OOM. */
        char msg[160];
        snprintf(msg, sizeof msg, "session window: invalid session [%lld, %lld) or key of %u bytes",
                 (long long)start_us, (long long)end_us, key_len);
        srt_query_fail(q, msg);
        srt_query_bail(q);
    }
    return state;
}

const char *srt_session_strdup(SrtQuery *q, const char *s, uint32_t n)
{
    SrtOperator *op = srt_query_op(q, SRT_OP_AGG);
    const SessionOp *so = op && op->vt == &srt_op_session_vt ? op->state : NULL;
    const char *p = so && so->batch ? srt_sessions_strdup(so->batch, s, n) : NULL;
    if (SRT_UNLIKELY(!p))
        srt_query_oom(q, "session window strings");
    return p;
}

void srt_session_collect_add(SrtQuery *q, uint8_t *slot, uint32_t kind, int32_t is_null, int64_t lo,
                             int64_t hi, const char *s, uint32_t n)
{
    SrtCollect *c;
    memcpy(&c, slot, sizeof c);
    /* mark 1: a set's rows make the point's partial set (A1), which the fold merges */
    int rc = srt_collect_push(q->mem, &c, kind, 1, is_null, lo, hi, s, n);
    memcpy(slot, &c, sizeof c);
    if (SRT_UNLIKELY(rc < 0))
        srt_query_oom(q, "session window values");
}

void srt_session_digest_add(SrtQuery *q, uint8_t *slot, uint32_t kind, int32_t is_null, double x,
                            double param)
{
    if (is_null)
        return; /* ApproximatePercentile.update and HistogramNumeric.update ignore NULL */
    void *p;
    memcpy(&p, slot, sizeof p);
    /* mark 1: the point's partial digest P or bins, which the fold merges */
    int rc;
    if (kind & SRT_COLLECT_HISTOGRAM) {
        SrtHistogram *h = p;
        rc = srt_histogram_push(q->mem, &h, 1, (int32_t)param, x);
        p = h;
    } else {
        SrtQuantile *d = p;
        rc = srt_quantile_push(q->mem, &d, 1, param, x);
        p = d;
    }
    memcpy(slot, &p, sizeof p);
    if (SRT_UNLIKELY(rc < 0))
        srt_query_oom(q, kind & SRT_COLLECT_HISTOGRAM ? "histogram_numeric bins"
                                                      : "percentile_approx digest");
}

static int session_create(SrtOperator *op, SrtErr *err)
{
    SessionOp *so = srt_mem_calloc(op->q->mem, sizeof *so);
    if (!so)
        return srt_err_nomem(err, "session windows");
    op->state = so;
    so->state = table_new(op, 0);
    return so->state ? 0 : srt_err_nomem(err, "session windows");
}

/* A session: emit it (complete: every one; append: the final ones, which then go). The
   key is a temporary copy, so the row's strings must point into batch memory. */
static int emit_session(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state,
                        int64_t start_us, int64_t end_us)
{
    SRT_UNUSED(start_us);
    SRT_UNUSED(end_us);
    SrtOperator *op = ctx;
    SrtQuery *q = op->q;
    int append = q->mode == SRT_OUT_APPEND;
    int final = append ? srt_event_is_final(op, op->def->event_key_offset, key, key_len) : 0;
    if (append && !final)
        return 0;
    const uint8_t *copy = (const uint8_t *)srt_batch_strdup(q, (const char *)key, key_len);
    int rc = srt_op_emit_group(op, copy, key_len, state);
    return rc < 0 ? rc : final;
}

static int session_output(SrtOperator *op)
{
    SessionOp *so = op->state;
    size_t put = 0, gone = 0;
    if (so->batch) {
        int rc = srt_sessions_fold(so->state, so->batch, &put, &gone);
        srt_sessions_free(so->batch);
        so->batch = NULL;
        if (rc < 0)
            return rc == -SRT_ERR_NOMEM ? srt_err_nomem(&op->q->err, "session windows")
                                        : srt_err_set(&op->q->err, SRT_ERR_FORMAT, "session window tables differ");
    }
    size_t removed = 0;
    int rc = srt_sessions_visit(sessions(op), emit_session, op, &removed);
    op->st.updated = (int64_t)put;
    op->st.removed = (int64_t)(gone + removed);
    if (rc < 0 && !op->q->err.code)
        srt_err_nomem(&op->q->err, "output");
    return rc;
}

typedef struct SessionOut {
    SrtOperator *op;
    SrtStateWriter *w;
    SrtBuf val;
} SessionOut;

static int put_session(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state,
                       int64_t start_us, int64_t end_us)
{
    SRT_UNUSED(start_us);
    SRT_UNUSED(end_us);
    SessionOut *so = ctx;
    srt_buf_clear(&so->val);
    srt_sessions_encode_state(sessions(so->op), state, &so->val);
    if (so->val.oom)
        return -SRT_ERR_NOMEM;
    int rc = srt_state_put(so->w, key, key_len, so->val.p, (uint32_t)so->val.n);
    return rc < 0 ? rc : 0;
}

static int session_save(SrtOperator *op)
{
    SrtQuery *q = op->q;
    if (!q->ckpt)
        return 0;
    SessionOut so = {op, NULL, {0}};
    srt_buf_init(&so.val, q->mem);
    int64_t t0 = srt_mono_us();
    int rc = srt_ckpt_state_begin(q->ckpt, op->def->id, q->batch_id + 1, 1, &so.w, &q->err);
    if (rc >= 0)
        rc = srt_sessions_visit(sessions(op), put_session, &so, NULL);
    rc = srt_op_state_end(op, so.w, rc, t0);
    srt_buf_free(&so.val);
    return rc;
}

static int load_session(void *ctx, int is_put, const uint8_t *key, uint32_t key_len,
                        const uint8_t *val, uint32_t val_len)
{
    SrtOperator *op = ctx;
    SrtQuery *q = op->q;
    int rc = srt_state_key_check(&op->def->schema, key, key_len, &q->err);
    if (rc < 0)
        return rc;
    if (!is_put) /* session state is written as snapshots only */
        return srt_err_set(&q->err, SRT_ERR_FORMAT, "unexpected delete in session window state");
    return srt_sessions_restore(sessions(op), key, key_len, val, val_len, &q->err);
}

static int session_restore(SrtOperator *op, int64_t version, SrtErr *err)
{
    return srt_op_load(op, version, load_session, op, err);
}

static void session_progress(const SrtOperator *op, int idle, SrtStateOpProgress *out)
{
    out->num_rows_total = (int64_t)srt_sessions_count(sessions(op));
    if (!idle) {
        out->num_rows_updated = op->st.updated;
        out->num_rows_removed = op->st.removed;
        out->commit_time_ms = op->st.commit_us / 1000;
        out->num_rows_dropped_by_watermark = op->st.dropped;
    }
    out->memory_used_bytes = (int64_t)srt_sessions_bytes(sessions(op));
}

static void session_destroy(SrtOperator *op)
{
    SessionOp *so = op->state;
    srt_sessions_free(so->state);
    srt_sessions_free(so->batch);
    srt_mem_free(op->q->mem, so->points, sizeof *so->points * so->cap_points);
    srt_mem_free(op->q->mem, so, sizeof *so);
}

/* The task's value log replayed into the query's batch table (merged with the task's): its
   groups are the task's numbered points.  0, -SRT_ERR_NOMEM or -SRT_ERR_FORMAT. */
static int replay_points(SrtOperator *op, SrtOperator *task)
{
    SessionOp *so = op->state, *to = task->state;
    SrtQuery *q = op->q;
    size_t n = to->n_points;
    if (!n || !q->def->replay)
        return 0;
    uint8_t **groups = srt_mem_alloc(q->mem, sizeof *groups * n);
    if (!groups)
        return -SRT_ERR_NOMEM;
    int rc = srt_sessions_points(so->batch, to->batch, to->points, n, groups);
    if (rc == 0) {
        srt_op_replay(q, &task->q->vlog, groups, n);
    }
    srt_mem_free(q->mem, groups, sizeof *groups * n);
    return rc;
}

static int session_fold(SrtOperator *op, SrtOperator *task)
{
    SessionOp *so = op->state, *to = task->state;
    if (op->q->def->update_log) /* after DROP DUPLICATES: the task updated nothing */
        return srt_op_make_updates(op, task);
    if (!to->batch)
        return 0;
    if (!so->batch)
        so->batch = table_new(op, 1);
    int rc = so->batch ? srt_sessions_merge_from(so->batch, to->batch, op->def->task_merge)
                       : -SRT_ERR_NOMEM;
    if (rc == 0)
        rc = replay_points(op, task);
    if (rc == -SRT_ERR_NOMEM)
        return srt_err_nomem(&op->q->err, "session windows");
    if (rc < 0)
        return srt_err_set(&op->q->err, SRT_ERR_FORMAT, "session window tables differ");
    return 0;
}

/* Past this many, a task's numbered points are freed after its fold. */
#define POINTS_KEEP 4096u

static void session_task_clear(SrtOperator *task)
{
    SessionOp *to = task->state;
    srt_sessions_free(to->batch);
    to->batch = NULL;
    to->n_points = 0;
    if (to->cap_points > POINTS_KEEP) {
        srt_mem_free(task->q->mem, to->points, sizeof *to->points * to->cap_points);
        to->points = NULL;
        to->cap_points = 0;
    }
}

static const char *const session_names[] = {"sessionWindowStateStoreSaveExec", NULL};

const SrtOperatorVt srt_op_session_vt = {
    session_names,
    "aggregation",
    1,
    srt_op_agg_check,
    session_create,
    NULL, /* nothing is tracked per batch */
    session_output,
    NULL, /* the rows stay as they are */
    srt_op_agg_watermark_cleans,
    session_save,
    session_restore,
    session_progress,
    session_destroy,
    session_fold,
    session_task_clear,
};
