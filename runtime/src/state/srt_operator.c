/* srt_operator.c - a query's list of stateful operators and the state steps they share.
**
** The list is created from the registered definitions in pipeline order and indexed by
** operator number (srt_query_op).  The shared steps: replaying a state version with errors
** that name the file and the record, which versions are snapshots (every 10th; the others
** deltas), and saving or restoring a group table (aggregation and deduplication keep theirs
** in srt_agg.c's table) that way.
*/
#include <string.h>

#include "state/srt_operator.h"

const SrtOperatorVt *srt_operator_vt(int32_t kind)
{
    switch (kind) {
    case SRT_OPK_AGGREGATE:
        return &srt_op_agg_vt;
    case SRT_OPK_DEDUPLICATE:
        return &srt_op_dedup_vt;
    case SRT_OPK_SESSION_WINDOW:
        return &srt_op_session_vt;
    case SRT_OPK_SSJOIN:
        return &srt_op_ssjoin_vt;
    case SRT_OPK_GLOBAL_LIMIT:
        return &srt_op_limit_vt;
    }
    return NULL;
}

const char *srt_operator_label(int32_t id, const char *spark_name)
{
    static const int32_t kinds[] = {SRT_OPK_AGGREGATE, SRT_OPK_DEDUPLICATE, SRT_OPK_SESSION_WINDOW,
                                    SRT_OPK_SSJOIN, SRT_OPK_GLOBAL_LIMIT};
    for (size_t k = 0; spark_name && k < sizeof kinds / sizeof kinds[0]; k++) {
        const SrtOperatorVt *vt = srt_operator_vt(kinds[k]);
        for (const char *const *n = vt->names; *n; n++)
            if (strcmp(*n, spark_name) == 0)
                return vt->label;
    }
    if (id == SRT_OP_AGG)
        return srt_op_agg_vt.label;
    if (id == SRT_OP_DEDUP)
        return srt_op_dedup_vt.label;
    return "stateful operator";
}

/* ==== Output ==== */

/* Is an aggregation after op (a level above it, which op's groups feed; a deduplication of
   the rows in between is done by op's emit function)? */
static int feeds_next(const SrtOperator *op)
{
    uint32_t i = 0;
    while (i < op->q->n_ops && op->q->ops[i] != op)
        i++;
    while (++i < op->q->n_ops)
        if (op->q->ops[i]->vt == &srt_op_agg_vt)
            return 1;
    return 0;
}

int srt_op_emit_group(SrtOperator *op, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    if (!feeds_next(op))
        return srt_output_emit(op->q, key, key_len, state);
    op->def->emit(op->q, key, key_len, state, NULL);
    return op->q->failed ? -SRT_ERR_QUERY : 0;
}

/* ==== The list ==== */

int srt_query_ops_create(SrtQuery *q, const SrtOpDef *defs, uint32_t n, SrtErr *err)
{
    if (n == 0)
        return 0;
    uint32_t n_ids = 0;
    for (uint32_t i = 0; i < n; i++)
        if (defs[i].id >= 0 && (uint32_t)defs[i].id + 1 > n_ids)
            n_ids = (uint32_t)defs[i].id + 1;
    q->ops = srt_mem_calloc(q->mem, sizeof *q->ops * n);
    q->op_by_id = srt_mem_calloc(q->mem, sizeof *q->op_by_id * (n_ids ? n_ids : 1));
    if (!q->ops || !q->op_by_id) {
        srt_mem_free(q->mem, q->ops, sizeof *q->ops * n);
        srt_mem_free(q->mem, q->op_by_id, sizeof *q->op_by_id * (n_ids ? n_ids : 1));
        q->ops = NULL;
        q->op_by_id = NULL;
        return srt_err_nomem(err, "stateful operators");
    }
    q->cap_ops = n;
    q->n_op_ids = n_ids;
    for (uint32_t i = 0; i < n; i++) {
        const SrtOperatorVt *vt = srt_operator_vt(defs[i].kind);
        if (!vt || defs[i].id < 0 || q->op_by_id[defs[i].id])
            return srt_err_set(err, SRT_ERR_QUERY,
                               "stateful operator %d: unknown kind %d or number used twice",
                               defs[i].id, defs[i].kind);
        SrtOperator *op = srt_mem_calloc(q->mem, sizeof *op);
        if (!op)
            return srt_err_nomem(err, "stateful operators");
        op->vt = vt;
        op->def = &defs[i];
        op->q = q;
        q->ops[q->n_ops++] = op;
        q->op_by_id[defs[i].id] = op;
        int rc = vt->create(op, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

void srt_query_ops_free(SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_ops; i++) {
        SrtOperator *op = q->ops[i];
        if (op->state)
            op->vt->destroy(op);
        if (op->late)
            srt_agg_free(op->late);
        srt_mem_free(q->mem, op, sizeof *op);
    }
    if (q->ops) {
        srt_mem_free(q->mem, q->ops, sizeof *q->ops * q->cap_ops);
        srt_mem_free(q->mem, q->op_by_id, sizeof *q->op_by_id * (q->n_op_ids ? q->n_op_ids : 1));
    }
    q->ops = NULL;
    q->op_by_id = NULL;
    q->n_ops = q->cap_ops = q->n_op_ids = 0;
}

/* ==== Loading state ==== */

int srt_op_load(SrtOperator *op, int64_t version, SrtStateLoadFn fn, void *ctx, SrtErr *err)
{
    SrtQuery *q = op->q;
    srt_err_clear(&q->err);
    SrtErr where = {0};
    int rc = srt_ckpt_state_load(q->ckpt, op->def->id, version, fn, ctx, &where);
    if (rc >= 0)
        return rc;
    if (q->err.code)
        srt_err_set(err, q->err.code, "%s: %s", where.msg, q->err.msg);
    else
        *err = where;
    return rc;
}

typedef struct TableLoad {
    SrtOperator *op;
    SrtAggTable *t;
} TableLoad;

static int load_group(void *ctx, int is_put, const uint8_t *key, uint32_t key_len,
                      const uint8_t *val, uint32_t val_len)
{
    TableLoad *tl = ctx;
    SrtQuery *q = tl->op->q;
    int rc = srt_state_key_check(&tl->op->def->schema, key, key_len, &q->err);
    if (rc < 0)
        return rc;
    if (is_put)
        return srt_agg_restore(tl->t, key, key_len, val, val_len, &q->err);
    return srt_agg_delete(tl->t, key, key_len);
}

int srt_op_table_restore(SrtOperator *op, SrtAggTable *t, int64_t version, SrtErr *err)
{
    TableLoad tl = {op, t};
    int rc = srt_op_load(op, version, load_group, &tl, err);
    if (rc >= 0)
        srt_agg_begin_batch(t);
    return rc;
}

void srt_op_batch_progress(const SrtOperator *op, SrtStateOpProgress *out)
{
    out->num_rows_updated = op->st.updated;
    out->num_rows_removed = op->st.removed;
    out->all_removals_time_ms = op->st.removal_us / 1000;
    out->commit_time_ms = op->st.commit_us / 1000;
    out->num_rows_dropped_by_watermark = op->st.dropped;
}

void srt_op_table_progress(const SrtOperator *op, int idle, SrtStateOpProgress *out)
{
    const SrtAggTable *t = op->state;
    out->num_rows_total = (int64_t)srt_agg_count(t);
    if (!idle)
        srt_op_batch_progress(op, out);
    out->memory_used_bytes = (int64_t)srt_agg_bytes(t);
}

/* ==== Saving state ==== */

/* How often a version is a snapshot: restoring reads at most this many files. */
#define SNAPSHOT_EVERY 10

int srt_op_snapshot_due(int64_t version)
{
    return version % SNAPSHOT_EVERY == 0;
}

int srt_op_state_end(SrtOperator *op, SrtStateWriter *w, int rc, int64_t t0)
{
    SrtQuery *q = op->q;
    if (rc >= 0)
        rc = srt_state_commit(w, &q->err);
    else if (w)
        srt_state_abort(w);
    op->st.commit_us = srt_mono_us() - t0;
    if (rc < 0 && !q->err.code)
        srt_err_set(&q->err, -rc, "writing the state of batch %lld failed", (long long)q->batch_id);
    return rc;
}

typedef struct StateOut {
    SrtOperator *op;
    SrtAggTable *t;
    SrtOpGoneFn gone;
    SrtStateWriter *w; /* NULL without a checkpoint */
    SrtBuf val;
    int deletes; /* log removed groups (a delta) */
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
    if (!so->gone(so->op, key, key_len, state))
        return 0;
    if (so->w && so->deletes) {
        int rc = srt_state_delete(so->w, key, key_len);
        if (rc < 0)
            return rc;
    }
    return 1;
}

int srt_op_table_save(SrtOperator *op, SrtAggTable *t, int evict, SrtOpGoneFn gone)
{
    SrtQuery *q = op->q;
    StateOut so = {op, t, gone, NULL, {0}, 0};
    srt_buf_init(&so.val, q->mem);
    int64_t version = q->batch_id + 1;
    int snapshot = srt_op_snapshot_due(version);
    int rc = 0;
    int64_t t0 = srt_mono_us();
    SrtOpStats *st = &op->st;
    if (q->ckpt) {
        if ((rc = srt_ckpt_state_begin(q->ckpt, op->def->id, version, snapshot, &so.w, &q->err)) <
            0)
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
