/* srt_recover.c - a query's checkpoint: where it restarts, and what each batch logs.
**
** Spark's MicroBatchExecution protocol over the store of srt_ckpt.c:
**   start:   open <checkpoint>/ (the query id comes from its metadata) and look at the
**            newest offsets entry L, whose conf's multipleWatermarkPolicy the query takes
**            over its own (setSessionConf).  None: start at batch 0.  commits/L present:
**            continue with batch L+1 after offsets/L, watermark max(offsets/L, commits/L).  Else
**            re-run batch L with exactly its logged offsets, watermark and timestamp.
**            The source is told where it stands (restore), every stateful operator loads
**            the state version the next batch starts from (state/srt_operator.h).
**   batch N: offsets/N before reading -> ... sink -> each operator's state version N+1
**            (eviction of final groups happens here too, logged as deletes) -> commits/N.
** The checkpoint directory is the query's checkpointLocation option, else
** <--checkpoint DIR>/<query name>.  Without either, nothing is logged and eviction still
** runs.
*/
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "common/cm_connectors.h"
#include "srt_int.h"
#include "state/srt_operator.h"

/* ==== Start ==== */

/* Load every stateful operator's state version `version` (the state the next batch starts
   from; version 0 is empty). */
static int load_state(SrtQuery *q, int64_t version, SrtErr *err)
{
    for (uint32_t i = 0; version > 0 && i < q->n_ops; i++) {
        int rc = q->ops[i]->vt->restore(q->ops[i], version, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int set_offset(SrtBuf *b, const char *text, size_t n, SrtErr *err)
{
    srt_buf_clear(b);
    srt_buf_put(b, text, n);
    return b->oom ? srt_err_nomem(err, "offsets") : 0;
}

/* Line i of the logged offsets (one line per input, in source order): [*at, *at + *n). */
static void offset_line(const char *text, uint32_t i, const char **at, size_t *n)
{
    for (; i > 0 && text; i--) {
        text = strchr(text, '\n');
        text = text ? text + 1 : NULL;
    }
    *at = text ? text : "";
    const char *nl = text ? strchr(text, '\n') : NULL;
    *n = nl ? (size_t)(nl - *at) : strlen(*at);
}

/* The logged offsets must name every input of the query: Spark's OffsetSeq.toStreamProgress. */
static int check_offset_lines(SrtQuery *q, const char *text, SrtErr *err)
{
    uint32_t lines = 1;
    for (const char *t = text; (t = strchr(t, '\n')) != NULL; t++)
        lines++;
    if (lines == q->n_in)
        return 0;
    return srt_err_set(err, SRT_ERR_QUERY,
                       "checkpoint %s: There are [%u] sources in the checkpoint offsets and now "
                       "there are [%u] sources requested by the query. Cannot continue.",
                       q->ckpt_dir, lines, q->n_in);
}

/* Set each input's start (which == 0) or end (1) offset from the logged offsets. */
static int set_offsets(SrtQuery *q, const char *text, int which, SrtErr *err)
{
    for (uint32_t i = 0; i < q->n_in; i++) {
        const char *at;
        size_t n;
        offset_line(text, i, &at, &n);
        int rc = set_offset(which ? &q->in[i].end_offset : &q->in[i].start_offset, at, n, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* OffsetSeqMetadata.setSessionConf: the multipleWatermarkPolicy of the newest offsets entry
   overrides the query's (Spark sets the session's conf to it, with a warning when the session
   had set another text); an entry without the key (an older Spark's) gives
   relevantSQLConfDefaultValues' "min".  WatermarkTracker.apply then reads it. */
static int restore_policy(SrtQuery *q, int64_t last, FILE *log, SrtErr *err)
{
    SrtBuf v;
    srt_buf_init(&v, q->mem);
    int rc = srt_ckpt_read_conf(q->ckpt, last, CM_WATERMARK_POLICY, &v, err);
    const char *text = rc == 0 ? srt_arena_strdup(&q->meta, srt_buf_cstr(&v)) : "min";
    srt_buf_free(&v);
    if (rc < 0)
        return rc;
    if (!text)
        return srt_err_nomem(err, "checkpoint conf");
    const char *set = srt_opts_get(&q->def->opts, CM_WATERMARK_POLICY);
    if (rc == 1)
        fprintf(log,
                "warning: query '%s': Conf '%s' was not found in the offset log, using default "
                "value 'min'\n",
                q->name, CM_WATERMARK_POLICY);
    else if (set && strcmp(set, text) != 0)
        fprintf(log,
                "warning: query '%s': Updating the value of conf '%s' in current session from "
                "'%s' to '%s'.\n",
                q->name, CM_WATERMARK_POLICY, set, text);
    return srt_event_set_policy(q, text, err);
}

/* Position every input after its offset in `text` (the newest logged batch).  An input that
   cannot resume (socket) starts afresh; say so.  *resumed[i]: input i did resume. */
static int restore_sources(SrtQuery *q, const char *text, FILE *log, int *resumed, SrtErr *err)
{
    for (uint32_t i = 0; i < q->n_in; i++) {
        SrtInput *in = &q->in[i];
        const char *at;
        size_t n;
        offset_line(text, i, &at, &n);
        resumed[i] = 0;
        if (!n)
            continue;
        if (!in->source.vt->restore) {
            fprintf(log,
                    "warning: query '%s': source '%s' (%s) cannot resume from checkpoint %s; it "
                    "starts from its current data\n",
                    q->name, in->source.name, in->source.vt->connector, q->ckpt_dir);
            continue;
        }
        SrtBuf end;
        srt_buf_init(&end, q->mem);
        srt_buf_put(&end, at, n);
        int rc = end.oom ? srt_err_nomem(err, "offsets")
                         : in->source.vt->restore(&in->source, srt_buf_cstr(&end), err);
        srt_buf_free(&end);
        if (rc < 0)
            return rc;
        resumed[i] = 1;
    }
    return 0;
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
    /* StreamingQueryManager.createQuery: a query that cannot recover (DataStreamWriter starts
       the memory sink with recoverFromCheckpointLocation = outputMode == Complete) refuses a
       checkpoint that has offsets/. */
    const SrtSinkDef *kd = q->def->sink >= 0 ? &q->prog->sinks[q->def->sink] : NULL;
    if (kd && srt_sink_lookup(kd->connector) == &srt_sink_memory_vt &&
        q->mode != SRT_OUT_COMPLETE) {
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/offsets", dir);
        if (stat(path, &st) == 0)
            return srt_err_set(err, SRT_ERR_OPTION,
                               "This query does not support recovering from checkpoint location. "
                               "Delete %s to start over.",
                               path);
    }
    int rc = srt_ckpt_open(q->mem, dir, &q->ckpt, err);
    if (rc < 0)
        return rc;
    memcpy(q->id, srt_ckpt_id(q->ckpt), sizeof q->id - 1);
    q->id[sizeof q->id - 1] = '\0';
    for (uint32_t i = 0; i < q->n_in; i++)
        if (!(q->in[i].source.log_dir = srt_ckpt_source_dir(q->ckpt, (int)i)))
            return srt_err_nomem(err, "checkpoint");
    return 0;
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
    int *resumed = srt_mem_calloc(q->mem, sizeof *resumed * (q->n_in ? q->n_in : 1));
    int rc = resumed ? srt_ckpt_read_offsets(q->ckpt, last, &wm, &ts, &off, err)
                     : srt_err_nomem(err, "checkpoint");
    if (rc == 1)
        rc = srt_err_set(err, SRT_ERR_FORMAT, "checkpoint %s: offsets/%lld vanished", q->ckpt_dir,
                         (long long)last);
    if (rc < 0 || (rc = check_offset_lines(q, srt_buf_cstr(&off), err)) < 0 ||
        (rc = restore_policy(q, last, log, err)) < 0)
        goto out;
    rc = srt_ckpt_read_commit(q->ckpt, last, &next_wm, err);
    if (rc < 0)
        goto out;
    /* The state this restart loads must still fit the query (version last + 1 after a
       commit, else last). */
    int committed = rc == 0;
    if ((rc = srt_ckpt_check_schemas(q->ckpt, q->def, committed ? last + 1 : last, q->mem, err)) <
        0)
        goto out;
    if ((rc = restore_sources(q, srt_buf_cstr(&off), log, resumed, err)) < 0)
        goto out;
    int any = 0;
    for (uint32_t i = 0; i < q->n_in; i++)
        any |= resumed[i];
    if (committed) {
        /* Batch `last` is done: continue after it (an input that did not resume starts
           afresh, from no offset). */
        q->batch_id = last + 1;
        q->late_wm_ms = wm;
        q->watermark_ms = next_wm > wm ? next_wm : wm;
        if ((rc = set_offsets(q, srt_buf_cstr(&off), 0, err)) < 0)
            goto out;
        for (uint32_t i = 0; i < q->n_in; i++)
            if (!resumed[i])
                srt_buf_clear(&q->in[i].start_offset);
        rc = load_state(q, last + 1, err);
        goto out;
    }
    /* Batch `last` was logged but not committed: run it again, the same way. */
    q->batch_id = last;
    q->watermark_ms = wm;
    q->late_wm_ms = wm;
    q->replay_ts_ms = ts;
    if (!any) {
        /* The data of that batch is gone (socket): its offsets entry is given up and its id
           is used by the next batch, which logs its own offsets. */
        if ((rc = srt_ckpt_drop_offsets(q->ckpt, last, err)) < 0)
            goto out;
        rc = load_state(q, last, err);
        goto out;
    }
    q->replay = 1;
    if ((rc = set_offsets(q, srt_buf_cstr(&off), 1, err)) < 0)
        goto out;
    if (last > 0) {
        int64_t pwm, pts;
        rc = srt_ckpt_read_offsets(q->ckpt, last - 1, &pwm, &pts, &off, err);
        if (rc == 1)
            rc = srt_err_set(err, SRT_ERR_FORMAT,
                             "checkpoint %s: offsets/%lld is missing, so batch %lld cannot be re-run",
                             q->ckpt_dir, (long long)(last - 1), (long long)last);
        if (rc < 0 || (rc = check_offset_lines(q, srt_buf_cstr(&off), err)) < 0)
            goto out;
        q->late_wm_ms = pwm;
        if ((rc = set_offsets(q, srt_buf_cstr(&off), 0, err)) < 0)
            goto out;
    }
    /* An input that did not resume reads nothing in the re-run batch (its data is gone). */
    for (uint32_t i = 0; i < q->n_in; i++) {
        if (resumed[i])
            continue;
        srt_buf_clear(&q->in[i].start_offset);
        srt_buf_clear(&q->in[i].end_offset);
    }
    rc = load_state(q, last, err);
out:
    srt_mem_free(q->mem, resumed, sizeof *resumed * (q->n_in ? q->n_in : 1));
    srt_buf_free(&off);
    return rc < 0 ? rc : 0;
}

/* ==== Each batch ==== */

int srt_recover_log_offsets(SrtQuery *q, int64_t batch_ts_ms)
{
    if (!q->ckpt || q->replay)
        return 0;
    /* One line per input, in source order. */
    SrtBuf ends;
    srt_buf_init(&ends, q->mem);
    for (uint32_t i = 0; i < q->n_in; i++) {
        if (i)
            srt_buf_putc(&ends, '\n');
        srt_buf_puts(&ends, srt_buf_cstr(&q->in[i].end_offset));
    }
    int rc = ends.oom ? srt_err_nomem(&q->err, "offsets")
                      : srt_ckpt_write_offsets(q->ckpt, q->batch_id, q->watermark_ms, batch_ts_ms,
                                               srt_buf_cstr(&ends), q->wm_policy, &q->err);
    srt_buf_free(&ends);
    return rc;
}

int srt_recover_state(SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_ops; i++) {
        int rc = q->ops[i]->vt->save(q->ops[i]);
        if (rc < 0)
            return rc;
    }
    return 0;
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
