/* srt_recover.c - a query's checkpoint: where it restarts, and what each batch logs.
**
** Spark's MicroBatchExecution protocol over the store of srt_ckpt.c:
**   start:   open <checkpoint>/ (the query id comes from its metadata) and look at the
**            newest offsets entry L.  None: start at batch 0.  commits/L present: continue
**            with batch L+1 after offsets/L, watermark max(offsets/L, commits/L).  Else
**            re-run batch L with exactly its logged offsets, watermark and timestamp.
**            The source is told where it stands (restore), the group table is loaded
**            from the state version the next batch starts from.
**   batch N: offsets/N before reading -> ... sink -> state version N+1 (eviction of
**            final groups happens here too, logged as deletes) -> commits/N.
** The checkpoint directory is the query's checkpointLocation option, else
** <--checkpoint DIR>/<query name>.  Without either, nothing is logged and eviction still
** runs.
*/
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

/* ==== Start ==== */

typedef struct LoadCtx {
    SrtQuery *q;
    SrtAggTable *t;
    const struct SrtStateSchema *schema; /* the key layout records are checked against */
} LoadCtx;

static int load_state_row(void *ctx, int is_put, const uint8_t *key, uint32_t key_len,
                          const uint8_t *val, uint32_t val_len)
{
    LoadCtx *lc = ctx;
    int rc = srt_state_key_check(lc->schema, key, key_len, &lc->q->err);
    if (rc < 0)
        return rc;
    if (is_put)
        return srt_agg_restore(lc->t, key, key_len, val, val_len, &lc->q->err);
    return srt_agg_delete(lc->t, key, key_len);
}

static int load_session(void *ctx, int is_put, const uint8_t *key, uint32_t key_len,
                        const uint8_t *val, uint32_t val_len)
{
    LoadCtx *lc = ctx;
    SrtQuery *q = lc->q;
    int rc = srt_state_key_check(lc->schema, key, key_len, &q->err);
    if (rc < 0)
        return rc;
    if (!is_put) /* session state is written as snapshots only */
        return srt_err_set(&q->err, SRT_ERR_FORMAT, "unexpected delete in session window state");
    return srt_sessions_restore(q->sessions, key, key_len, val, val_len, &q->err);
}

/* Replay version `version` of operator op through fn; a record the callback refuses is
   reported with the file and the record (from the store) and why (from the callback). */
static int load_op(SrtQuery *q, int op, int64_t version, SrtStateLoadFn fn, LoadCtx *lc,
                   SrtErr *err)
{
    srt_err_clear(&q->err);
    SrtErr where = {0};
    int rc = srt_ckpt_state_load(q->ckpt, op, version, fn, lc, &where);
    if (rc >= 0)
        return rc;
    if (q->err.code)
        srt_err_set(err, q->err.code, "%s: %s", where.msg, q->err.msg);
    else
        *err = where;
    return rc;
}

static int load_table(SrtQuery *q, SrtAggTable *t, int op, int64_t version, SrtErr *err)
{
    if (!t || version <= 0)
        return 0;
    LoadCtx lc = {q, t, &q->def->state[op]};
    int rc = load_op(q, op, version, load_state_row, &lc, err);
    if (rc >= 0)
        srt_agg_begin_batch(t);
    return rc;
}

static int load_state(SrtQuery *q, int64_t version, SrtErr *err)
{
    if (q->sessions && version > 0) {
        LoadCtx lc = {q, NULL, &q->def->state[SRT_OP_AGG]};
        int rc = load_op(q, SRT_OP_AGG, version, load_session, &lc, err);
        if (rc < 0)
            return rc;
    }
    int rc = load_table(q, q->agg, SRT_OP_AGG, version, err);
    return rc < 0 ? rc : load_table(q, q->dedup, SRT_OP_DEDUP, version, err);
}

static int set_offset(SrtBuf *b, const char *text, SrtErr *err)
{
    srt_buf_clear(b);
    srt_buf_puts(b, text);
    return b->oom ? srt_err_nomem(err, "offsets") : 0;
}

/* Position the source after `end` (the newest logged batch).  A source that cannot
   resume (socket) starts afresh; say so. */
static int restore_source(SrtQuery *q, const char *end, FILE *log, int *resumed, SrtErr *err)
{
    *resumed = 0;
    if (!*end)
        return 0;
    if (!q->source.vt->restore) {
        fprintf(log,
                "warning: query '%s': source '%s' (%s) cannot resume from checkpoint %s; it "
                "starts from its current data\n",
                q->name, q->source.name, q->source.vt->connector, q->ckpt_dir);
        return 0;
    }
    *resumed = 1;
    return q->source.vt->restore(&q->source, end, err);
}

const char *srt_recover_dir(SrtQuery *q, const SrtEnv *env)
{
    const char *dir = srt_opts_get(&q->def->opts, "checkpointLocation");
    if (dir && *dir)
        return dir;
    if (!env->checkpoint)
        return NULL;
    size_t n = strlen(env->checkpoint) + strlen(q->name) + 2;
    char *p = srt_arena_alloc(&q->meta, n);
    if (!p)
        return NULL;
    snprintf(p, n, "%s/%s", env->checkpoint, q->name);
    return p;
}

int srt_recover_open(SrtQuery *q, const char *dir, SrtErr *err)
{
    q->ckpt_dir = dir;
    int rc = srt_ckpt_open(q->mem, dir, &q->ckpt, err);
    if (rc < 0)
        return rc;
    memcpy(q->id, srt_ckpt_id(q->ckpt), sizeof q->id - 1);
    q->id[sizeof q->id - 1] = '\0';
    q->source.log_dir = srt_ckpt_source_dir(q->ckpt, 0);
    return q->source.log_dir ? 0 : srt_err_nomem(err, "checkpoint");
}

int srt_recover_start(SrtQuery *q, FILE *log, SrtErr *err)
{
    if (!q->ckpt)
        return 0;
    int64_t last = srt_ckpt_latest_offsets(q->ckpt);
    if (last < 0)
        return srt_ckpt_check_schemas(q->ckpt, q->def, 0, q->mem, err);
    SrtBuf off;
    srt_buf_init(&off, q->mem);
    int64_t wm, ts, next_wm;
    int rc = srt_ckpt_read_offsets(q->ckpt, last, &wm, &ts, &off, err);
    if (rc == 1)
        rc = srt_err_set(err, SRT_ERR_FORMAT, "checkpoint %s: offsets/%lld vanished", q->ckpt_dir,
                         (long long)last);
    if (rc < 0)
        goto out;
    int resumed;
    rc = srt_ckpt_read_commit(q->ckpt, last, &next_wm, err);
    if (rc < 0)
        goto out;
    /* The state this restart loads must still fit the query (version last + 1 after a
       commit, else last). */
    int committed = rc == 0;
    if ((rc = srt_ckpt_check_schemas(q->ckpt, q->def, committed ? last + 1 : last, q->mem, err)) <
        0)
        goto out;
    rc = committed ? 0 : 1;
    if (rc == 0) {
        /* Batch `last` is done: continue after it. */
        q->batch_id = last + 1;
        q->late_wm_ms = wm;
        q->watermark_ms = next_wm > wm ? next_wm : wm;
        if ((rc = restore_source(q, srt_buf_cstr(&off), log, &resumed, err)) < 0)
            goto out;
        if (resumed && (rc = set_offset(&q->start_offset, srt_buf_cstr(&off), err)) < 0)
            goto out;
        rc = load_state(q, last + 1, err);
        goto out;
    }
    /* Batch `last` was logged but not committed: run it again, the same way. */
    q->batch_id = last;
    q->watermark_ms = wm;
    q->late_wm_ms = wm;
    q->replay_ts_ms = ts;
    if ((rc = restore_source(q, srt_buf_cstr(&off), log, &resumed, err)) < 0)
        goto out;
    if (!resumed) {
        /* The data of that batch is gone (socket): its offsets entry is given up and its id
           is used by the next batch, which logs its own offsets. */
        if ((rc = srt_ckpt_drop_offsets(q->ckpt, last, err)) < 0)
            goto out;
        rc = load_state(q, last, err);
        goto out;
    }
    q->replay = 1;
    if ((rc = set_offset(&q->end_offset, srt_buf_cstr(&off), err)) < 0)
        goto out;
    if (last > 0) {
        int64_t pwm, pts;
        rc = srt_ckpt_read_offsets(q->ckpt, last - 1, &pwm, &pts, &off, err);
        if (rc == 1)
            rc = srt_err_set(err, SRT_ERR_FORMAT,
                             "checkpoint %s: offsets/%lld is missing, so batch %lld cannot be re-run",
                             q->ckpt_dir, (long long)(last - 1), (long long)last);
        if (rc < 0)
            goto out;
        q->late_wm_ms = pwm;
        if ((rc = set_offset(&q->start_offset, srt_buf_cstr(&off), err)) < 0)
            goto out;
    }
    rc = load_state(q, last, err);
out:
    srt_buf_free(&off);
    return rc < 0 ? rc : 0;
}

/* ==== Each batch ==== */

int srt_recover_log_offsets(SrtQuery *q, int64_t batch_ts_ms)
{
    if (!q->ckpt || q->replay)
        return 0;
    const char *end = q->end_offset.n ? srt_buf_cstr(&q->end_offset) : NULL;
    return srt_ckpt_write_offsets(q->ckpt, q->batch_id, q->watermark_ms, batch_ts_ms, end, &q->err);
}

typedef struct StateOut {
    SrtQuery *q;
    SrtAggTable *t;
    int op;            /* SRT_OP_AGG or SRT_OP_DEDUP */
    SrtStateWriter *w; /* NULL without a checkpoint */
    SrtBuf val;
    int deletes;       /* log removed groups (a delta) */
} StateOut;

static int put_group(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    StateOut *so = ctx;
    srt_buf_clear(&so->val);
    srt_agg_encode_state(so->t, state, &so->val);
    if (so->val.oom)
        return -SRT_ERR_NOMEM;
    return srt_state_put(so->w, key, key_len, so->val.p, (uint32_t)so->val.n);
}

static int evict_group(void *ctx, const uint8_t *key, uint32_t key_len, const uint8_t *state)
{
    StateOut *so = ctx;
    int gone = so->op == SRT_OP_AGG ? srt_event_is_final(so->q, key, key_len)
                                    : srt_event_dedup_expired(so->q, state);
    if (!gone)
        return 0;
    if (so->w && so->deletes) {
        int rc = srt_state_delete(so->w, key, key_len);
        if (rc < 0)
            return rc;
    }
    return 1;
}

/* Evict what the watermark made final or expired from one table, and write the table's
   next state version: a delta of the updated and removed groups, or every 10th version a
   snapshot. */
static int save_table(SrtQuery *q, SrtAggTable *t, int op, int evict)
{
    StateOut so = {q, t, op, NULL, {0}, 0};
    srt_buf_init(&so.val, q->mem);
    int64_t version = q->batch_id + 1;
    int snapshot = version % 10 == 0;
    int rc = 0;
    int64_t t0 = srt_mono_us();
    struct SrtOpStats *st = &q->ops[op];
    /* Aggregation: groups that changed.  Dedup: keys added (every lookup touches one). */
    st->updated = op == SRT_OP_AGG ? (int64_t)srt_agg_updated_count(t)
                                   : (int64_t)srt_agg_count(t) - st->rows_at_start;
    if (q->ckpt) {
        if ((rc = srt_ckpt_state_begin(q->ckpt, op, version, snapshot, &so.w, &q->err)) < 0)
            goto out;
        so.deletes = !snapshot;
        if (!snapshot && (rc = srt_agg_foreach_updated(t, put_group, &so)) < 0)
            goto out;
    }
    if (evict) {
        size_t removed = 0;
        int64_t r0 = srt_mono_us();
        if ((rc = srt_agg_remove_if(t, evict_group, &so, &removed)) < 0)
            goto out;
        st->removed = (int64_t)removed;
        st->removal_us = srt_mono_us() - r0;
    }
    if (so.w) {
        if (snapshot && (rc = srt_agg_foreach(t, put_group, &so)) < 0)
            goto out;
        rc = srt_state_commit(so.w, &q->err);
        so.w = NULL;
    }
out:
    if (so.w)
        srt_state_abort(so.w);
    srt_buf_free(&so.val);
    st->commit_us = srt_mono_us() - t0 - st->removal_us;
    if (rc < 0 && !q->err.code)
        srt_err_set(&q->err, -rc, "writing the state of batch %lld failed", (long long)q->batch_id);
    return rc;
}

static int put_session(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state,
                       int64_t start_us, int64_t end_us)
{
    SRT_UNUSED(start_us);
    SRT_UNUSED(end_us);
    StateOut *so = ctx;
    int rc = srt_state_put(so->w, key, key_len, state, so->q->def->state_size);
    return rc < 0 ? rc : 0;
}

/* Sessions change shape as they merge: every version is a snapshot of all of them (final
   ones were already emitted and removed by the output step). */
static int save_sessions(SrtQuery *q)
{
    StateOut so = {q, NULL, SRT_OP_AGG, NULL, {0}, 0};
    int64_t t0 = srt_mono_us();
    int rc = srt_ckpt_state_begin(q->ckpt, SRT_OP_AGG, q->batch_id + 1, 1, &so.w, &q->err);
    if (rc >= 0 && (rc = srt_sessions_visit(q->sessions, put_session, &so, NULL)) >= 0) {
        rc = srt_state_commit(so.w, &q->err);
        so.w = NULL;
    }
    if (so.w)
        srt_state_abort(so.w);
    q->ops[SRT_OP_AGG].commit_us = srt_mono_us() - t0;
    if (rc < 0 && !q->err.code)
        srt_err_set(&q->err, -rc, "writing the state of batch %lld failed", (long long)q->batch_id);
    return rc;
}

int srt_recover_state(SrtQuery *q)
{
    int rc = 0;
    if (q->sessions && q->ckpt)
        rc = save_sessions(q);
    if (rc >= 0 && q->dedup && (q->ckpt || q->def->has_watermark))
        rc = save_table(q, q->dedup, SRT_OP_DEDUP, q->def->has_watermark);
    if (rc >= 0 && q->agg && (q->ckpt || srt_event_evicts(q)))
        rc = save_table(q, q->agg, SRT_OP_AGG, srt_event_evicts(q));
    return rc;
}

int srt_recover_commit(SrtQuery *q, int64_t next_wm_ms)
{
    if (!q->ckpt)
        return 0;
    int rc = srt_ckpt_write_commit(q->ckpt, q->batch_id, next_wm_ms, &q->err);
    if (rc < 0)
        return rc;
    /* Keep what restarting from the last 100 batches needs (minBatchesToRetain). */
    if (q->batch_id % 10 == 9 && q->batch_id >= 100)
        rc = srt_ckpt_purge(q->ckpt, q->batch_id - 99, &q->err);
    return rc;
}
