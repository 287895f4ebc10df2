/* srt_query.c - one running query: its trigger loop and the micro-batch.
**
** srt_query_tick() runs one trigger: plan the next batch with the source and, when
** there is new data, run it (srt_query_run_batch): read -> process -> output by mode
** -> sort -> sink -> commit -> reset batch memory.  Generated code (process, emit)
** always runs under a setjmp guard so that out-of-memory inside the ABI calls that
** cannot return errors fails the query cleanly.  Also the per-batch/per-record ABI
** calls of generated code: rows, batch and scratch memory, failures.
*/
#define _GNU_SOURCE /* memrchr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_connectors.h"
#include "common/cm_files.h"
#include "srt_int.h"
#include "state/srt_join.h"
#include "state/srt_operator.h"

#define POLL_US 10000       /* spark.sql.streaming.pollingDelay */
#define WAKE_POLL_US 100000 /* the same when every source wakes the query itself (wait_fd) */

/* Does every input have a wait descriptor now (SrtSourceVt.wait_fd)?  Then the scheduler
   wakes the query when data comes, and polling it every 10 ms would only spend CPU. */
static int all_inputs_wake(SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_in; i++) {
        SrtSource *s = &q->in[i].source;
        if (!q->in[i].open || !s->vt->wait_fd || s->vt->wait_fd(s) < 0)
            return 0;
    }
    return q->n_in > 0;
}

/* ======================================================================
** Construction
** ====================================================================== */

static void init_memory(SrtQuery *q, SrtMem *m)
{
    q->mem = m;
    srt_arena_init(&q->batch, m, 64 << 10);
    srt_arena_init(&q->scratch, m, 4 << 10);
    srt_arena_init(&q->meta, m, 1 << 10);
    srt_progress_ring_init(&q->recent, m);
    q->max_batches = -1;
    q->last_trigger_ms = -1;
}

SrtQuery *srt_query_new_detached(SrtMem *m)
{
    SrtQuery *q = srt_mem_calloc(m, sizeof *q);
    if (q) {
        init_memory(q, m);
        q->name = "detached";
    }
    return q;
}

static int parse_mode(SrtQuery *q, SrtErr *err)
{
    const char *m = srt_opts_value(&q->def->opts, "outputMode"); /* default: cm_query_opts */
    if (!m)
        return srt_err_set(err, SRT_ERR_OPTION, "internal: no outputMode (query options not bound)");
    if (srt_str_ieq(m, "append"))
        q->mode = SRT_OUT_APPEND;
    else if (srt_str_ieq(m, "update"))
        q->mode = SRT_OUT_UPDATE;
    else if (srt_str_ieq(m, "complete"))
        q->mode = SRT_OUT_COMPLETE;
    else
        return srt_err_set(err, SRT_ERR_OPTION, "unknown outputMode '%s' (append, update, complete)", m);
    int aggregates = 0;
    for (uint32_t i = 0; i < q->def->n_ops; i++)
        aggregates |= srt_operator_vt(q->def->ops[i].kind)->aggregates;
    if (q->mode == SRT_OUT_COMPLETE && !aggregates)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "Complete output mode not supported when there are no streaming "
                           "aggregations on streaming DataFrames/Datasets");
    for (uint32_t i = 0; i < q->def->n_ops; i++) {
        const SrtOperatorVt *vt = srt_operator_vt(q->def->ops[i].kind);
        int rc = vt->check ? vt->check(&q->def->ops[i], q->mode, err) : 0;
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* What the query's rows are to a sink keeping a table (SrtSinkMode). */
static SrtSinkMode sink_mode(const SrtQuery *q)
{
    int aggregates = 0, global = 0;
    for (uint32_t i = 0; i < q->def->n_ops; i++) {
        aggregates |= srt_operator_vt(q->def->ops[i].kind)->aggregates;
        global |= q->def->ops[i].global;
    }
    switch (q->mode) {
    case SRT_OUT_APPEND:
        return SRT_SINK_APPEND;
    case SRT_OUT_UPDATE:
        return !aggregates ? SRT_SINK_APPEND : global ? SRT_SINK_REPLACE : SRT_SINK_UPSERT;
    case SRT_OUT_COMPLETE:
        return SRT_SINK_REPLACE;
    }
    return SRT_SINK_APPEND;
}

/* Open the source of every input (its log directory is set when there is a checkpoint). */
static int open_inputs(SrtQuery *q, SrtErr *err)
{
    for (uint32_t i = 0; i < q->n_in; i++) {
        const SrtSourceDef *sd = &q->prog->sources[q->def->inputs[i].source];
        const SrtSchema src_schema = {sd->cols, sd->n_cols};
        SrtInput *in = &q->in[i];
        in->source.vt = srt_source_lookup(sd->connector);
        in->source.mem = q->mem;
        in->source.name = sd->name;
        in->source.csv_header = q->def->inputs[i].csv_header;
        in->open = 1;
        int rc = in->source.vt->open(&in->source, &sd->opts, &src_schema, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int srt_query_new(const SrtProgram *p, int qi, const SrtEnv *env, const char *trig_override,
                  int64_t max_batches, SrtQuery **out, SrtErr *err)
{
    const SrtQueryDef *d = &p->queries[qi];
    SrtQuery *q = srt_mem_calloc(env->mem, sizeof *q);
    *out = q;
    if (!q)
        return srt_err_nomem(err, "query");
    init_memory(q, env->mem);
    q->start_ts_us = srt_now_us();
    q->prog = p;
    q->def = d;
    q->env = env;
    const char *name = srt_opts_get(&d->opts, "name");
    if (!name)
        name = srt_opts_get(&d->opts, "queryName");
    q->name = name ? name : d->name;
    q->schema.cols = d->cols;
    q->schema.n_cols = d->n_cols;
    q->max_batches = max_batches;
    q->limit = -1;
    int rc = parse_mode(q, err);
    if (rc < 0 ||
        (rc = srt_event_set_policy(q, srt_opts_value(&d->opts, CM_WATERMARK_POLICY), err)) < 0)
        return rc;
    const char *bv = srt_opts_get(&d->opts, "batch");
    q->is_batch = bv && srt_str_ieq(bv, "true");
    if (q->is_batch) {
        /* One batch over every file of the tables, whatever the command line asks of the
           streams: no trigger, batch limit, checkpoint or progress of its own. */
        trig_override = "once";
        q->max_batches = -1;
    }
    /* LIMIT over each batch's rows: a batch query's, or over a streaming aggregation in
       complete mode (a streaming global limit is an operator instead: srt_op_limit.c). */
    if (srt_opts_get(&d->opts, "limit") &&
        (rc = srt_opts_int(&d->opts, "limit", 0, &q->limit, err)) < 0)
        return rc;
    const char *trig = trig_override ? trig_override : srt_opts_value(&d->opts, "trigger");
    if ((rc = srt_trigger_parse(trig, &q->trigger, err)) < 0)
        return rc;
    for (uint32_t i = 0; i < d->n_order; i++)
        if (d->order[i].column < 0 || (uint32_t)d->order[i].column >= d->n_cols)
            return srt_err_set(err, SRT_ERR_QUERY, "ORDER BY refers to column #%d of %u",
                               d->order[i].column, d->n_cols);
    if ((rc = srt_query_ops_create(q, d->ops, d->n_ops, err)) < 0)
        return rc;
    /* Identity: the id lives in the checkpoint (a fresh one without), the run id is new. */
    srt_uuid4(q->id);
    srt_uuid4(q->run_id);
    q->progress_out = q->is_batch ? NULL : env->progress;
    q->progress_path = env->progress_path ? env->progress_path : "(progress)";
    srt_report_status(q, "Initializing sources", 0, 0);
    if (!(q->in = srt_mem_calloc(q->mem, sizeof *q->in * (d->n_inputs ? d->n_inputs : 1))))
        return srt_err_nomem(err, "query");
    q->n_in = d->n_inputs;
    for (uint32_t i = 0; i < q->n_in; i++) {
        srt_buf_init(&q->in[i].start_offset, q->mem);
        srt_buf_init(&q->in[i].end_offset, q->mem);
    }
    const char *ckpt = q->is_batch ? NULL : srt_recover_dir(q, env);
    if (ckpt && (rc = srt_recover_open(q, ckpt, err)) < 0)
        return rc;
    if ((rc = open_inputs(q, err)) < 0)
        return rc;
    if ((rc = srt_query_joins_create(q, err)) < 0)
        return rc;
    if (d->parallel && env->threads > 1 && env->pool &&
        (rc = srt_par_new(q, env->pool, env->threads, env->task_bytes, err)) < 0)
        return rc;
    static const SrtSinkDef build_side = {"(join)", "join", {0}};
    const SrtSinkDef *kd = d->sink >= 0 ? &p->sinks[d->sink] : &build_side;
    q->sink.vt = d->sink >= 0 ? srt_sink_lookup(kd->connector) : &srt_sink_join_vt;
    q->sink.mem = q->mem;
    q->sink.name = kd->name;
    q->sink.out = env->out;
    q->sink.query_id = q->ckpt ? q->id : NULL;
    q->sink.mode = sink_mode(q);
    q->sink.keys = d->keys;
    q->sink.n_keys = d->n_keys;
    q->sink.batch = q->is_batch;
    q->sink.save_mode = q->is_batch ? srt_opts_value(&d->opts, "mode") : NULL;
    q->sink.complete = q->mode == SRT_OUT_COMPLETE;
    q->sink.query_name = q->name;
    q->sink_open = 1;
    if ((rc = q->sink.vt->open(&q->sink, &kd->opts, &q->schema, err)) < 0)
        return rc;
    if ((rc = srt_recover_start(q, env->err, err)) < 0)
        return rc;
    srt_report_status(q, "Waiting for data to arrive", 0, 0);
    return 0;
}

void srt_query_free(SrtQuery *q)
{
    if (!q)
        return;
    srt_query_joins_free(q);
    for (uint32_t i = 0; i < q->n_in; i++) {
        if (q->in[i].open)
            q->in[i].source.vt->close(&q->in[i].source);
        srt_buf_free(&q->in[i].start_offset);
        srt_buf_free(&q->in[i].end_offset);
    }
    srt_mem_free(q->mem, q->in, sizeof *q->in * (q->n_in ? q->n_in : 1));
    if (q->sink_open)
        q->sink.vt->close(&q->sink);
    srt_par_free(q->par); /* its workers share the joins and read the definition */
    srt_query_ops_free(q);
    if (q->distinct)
        srt_agg_free(q->distinct);
    srt_regex_cache_free(q);
    srt_query_group_caches_free(q);
    srt_input_file_free(q);
    srt_partition_free(q);
    srt_arena_free(&q->batch);
    srt_arena_free(&q->scratch);
    srt_arena_free(&q->meta);
    srt_mem_free(q->mem, q->types, sizeof *q->types * q->cap_types);
    srt_mem_free(q->mem, q->rows, sizeof *q->rows * q->cap_rows);
    srt_progress_ring_free(&q->recent);
    srt_ckpt_close(q->ckpt);
    srt_mem_free(q->mem, q, sizeof *q);
}

/* ======================================================================
** ABI calls from generated code
** ====================================================================== */

void srt_query_bail(SrtQuery *q)
{
    if (q->guard)
        longjmp(*q->guard, 1);
    fprintf(stderr, "error: query '%s' failed: %s\n", q->name, q->err.msg);
    exit(1);
}

SrtAggTable *srt_query_distinct_table(SrtQuery *q)
{
    if (!q->distinct) {
        q->distinct = srt_agg_new(q->mem, 16);
        if (!q->distinct)
            srt_query_oom(q, "DISTINCT values");
        srt_agg_set_owner(q->distinct, q);
    }
    return q->distinct;
}

/* A generated loop's group cache: its definition (by address), memory and the generation of
   the table it was filled from. */
typedef struct SrtGroupCache {
    const uint64_t *def;
    uint8_t *p;
    uint64_t gen; /* 0: empty it at the next call */
} SrtGroupCache;

static SrtGroupCache *group_cache_of(SrtQuery *q, const uint64_t *def)
{
    for (uint32_t i = 0; i < q->n_gcaches; i++)
        if (q->gcaches[i].def == def)
            return &q->gcaches[i];
    uint8_t *p = srt_mem_alloc(q->mem, def[0]);
    SrtGroupCache *a = p ? srt_mem_realloc(q->mem, q->gcaches, sizeof *a * q->n_gcaches,
                                           sizeof *a * (q->n_gcaches + 1))
                         : NULL;
    if (!a) {
        srt_mem_free(q->mem, p, def[0]);
        srt_query_oom(q, "group cache");
    }
    q->gcaches = a;
    a[q->n_gcaches] = (SrtGroupCache){def, p, 0};
    return &a[q->n_gcaches++];
}

uint8_t *srt_query_group_cache(SrtQuery *q, const uint64_t *def, const SrtAggTable *t)
{
    SrtGroupCache *c = group_cache_of(q, def);
    uint64_t gen = srt_agg_gen(t);
    if (c->gen != gen) {
        memset(c->p, 0xff, def[1]);
        memcpy(c->p + def[2], def + 4, 8 * def[3]);
        c->gen = gen;
    }
    return c->p;
}

void srt_query_group_caches_free(SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_gcaches; i++)
        srt_mem_free(q->mem, q->gcaches[i].p, q->gcaches[i].def[0]);
    srt_mem_free(q->mem, q->gcaches, sizeof *q->gcaches * q->n_gcaches);
    q->gcaches = NULL;
    q->n_gcaches = 0;
}

int64_t srt_query_batch_id(SrtQuery *q)
{
    return q->batch_id;
}

int64_t srt_query_batch_ts(SrtQuery *q)
{
    if (!q->batch_ts_us) /* a detached query (unit tests) has no batch */
        q->batch_ts_us = srt_now_us() / 1000 * 1000;
    return q->batch_ts_us;
}

int64_t srt_query_start_ts(SrtQuery *q)
{
    if (!q->start_ts_us) /* a detached query (unit tests) was not started */
        q->start_ts_us = srt_now_us();
    return q->start_ts_us;
}

void srt_query_oom(SrtQuery *q, const char *what)
{
    if (!q) {
        fprintf(stderr, "error: out of memory (%s)\n", what);
        exit(1);
    }
    if (!q->failed) {
        q->failed = 1;
        srt_err_nomem(&q->err, what);
    }
    srt_query_bail(q);
}

SrtDatum *srt_out_row(SrtQuery *q)
{
    size_t n = sizeof(SrtDatum) * (q->schema.n_cols ? q->schema.n_cols : 1);
    SrtDatum *r = srt_arena_alloc(&q->batch, n);
    if (SRT_UNLIKELY(!r) || (SRT_UNLIKELY(q->n_rows == q->cap_rows) &&
                             srt_mem_grow(q->mem, (void **)&q->rows, &q->cap_rows, sizeof *q->rows,
                                          q->n_rows + 1) < 0))
        srt_query_oom(q, "output rows");
    memset(r, 0, n);
    q->rows[q->n_rows++] = r;
    return r;
}

void *srt_batch_alloc(SrtQuery *q, size_t n)
{
    void *p = srt_arena_alloc(&q->batch, n);
    if (SRT_UNLIKELY(!p))
        srt_query_oom(q, "batch memory");
    return p;
}

const char *srt_batch_strdup(SrtQuery *q, const char *s, uint32_t n)
{
    char *d = srt_batch_alloc(q, n ? n : 1);
    if (n)
        memcpy(d, s, n);
    return d;
}

void *srt_scratch_alloc(SrtQuery *q, size_t n)
{
    void *p = srt_arena_alloc(&q->scratch, n);
    if (SRT_UNLIKELY(!p))
        srt_query_oom(q, "per-record scratch memory");
    return p;
}

/* The line number (-1: unknown) and byte offset of pos within the buffer being processed. */
static void locate(const SrtQuery *q, const char *pos, long long *line, long long *off)
{
    *off = q->cur_at.byte + srt_read_span(&q->cur_at, q->cur_buf, (size_t)(pos - q->cur_buf));
    if (q->cur_at.line == 0) { /* not counted while reading: count now, from the file */
        *line = srt_fs_line_at(q->cur_what, *off, q->cur_at.line_sep);
        return;
    }
    *line = q->cur_at.line;
    for (const char *s = q->cur_buf; s < pos; s++) {
        s = memchr(s, '\n', (size_t)(pos - s));
        if (!s)
            break;
        (*line)++;
    }
}

void srt_query_fail_at(SrtQuery *q, const char *msg, const char *pos)
{
    if (q->failed)
        return;
    q->failed = 1;
    q->vlog.fail_at = q->vlog.len; /* a parallel task's: the fold replays what came before */
    pos = srt_json_norm_origin(q, pos);
    if (q->cur_what && pos && pos >= q->cur_buf && pos <= q->cur_buf + q->cur_len) {
        long long line, off;
        locate(q, pos, &line, &off);
        if (line > 0)
            srt_err_set(&q->err, SRT_ERR_QUERY, "%s (at %s:%lld, byte %lld)", msg, q->cur_what, line, off);
        else
            srt_err_set(&q->err, SRT_ERR_QUERY, "%s (at %s, byte %lld)", msg, q->cur_what, off);
    } else if (q->cur_what) {
        srt_err_set(&q->err, SRT_ERR_QUERY, "%s (in %s)", msg, q->cur_what);
    } else {
        srt_err_set(&q->err, SRT_ERR_QUERY, "%s", msg);
    }
}

void srt_query_fail(SrtQuery *q, const char *msg)
{
    srt_query_fail_at(q, msg, NULL);
}

/* A value of a row as Spark's BaseGenericInternalRow.toString appends it: its Java object's
   toString (null, an Integer, a Long (a TIMESTAMP's microseconds), an Integer (a DATE's
   days), Double, Float, Boolean, UTF8String, Decimal); a nested value as a row of its
   fields or elements (Spark would print GenericArrayData's object identity). */
void srt_java_text(const SrtDatum *d, const SrtType *t, SrtBuf *b)
{
    char tmp[64];
    if (d->is_null || t->kind == SRT_T_VOID) {
        srt_buf_puts(b, "null");
        return;
    }
    switch (t->kind) {
    case SRT_T_BOOLEAN:
        srt_buf_puts(b, d->i ? "true" : "false");
        return;
    case SRT_T_TINYINT:
    case SRT_T_SMALLINT:
    case SRT_T_INT:
    case SRT_T_BIGINT:
    case SRT_T_TIMESTAMP:
    case SRT_T_TIMESTAMP_NTZ:
    case SRT_T_DATE:
    case SRT_T_DT_INTERVAL: /* a Long of µs */
    case SRT_T_YM_INTERVAL: /* an Integer of months */
        srt_buf_printf(b, "%lld", (long long)d->i);
        return;
    case SRT_T_DOUBLE:
        srt_buf_put(b, tmp, srt_fmt_double(d->d, tmp));
        return;
    case SRT_T_FLOAT:
        srt_buf_put(b, tmp, srt_fmt_float((float)d->d, tmp));
        return;
    case SRT_T_DECIMAL:
        srt_buf_put(b, tmp, srt_fmt_decimal(srt_datum_dec(d), t->scale, 0, tmp));
        return;
    case SRT_T_STRING:
    case SRT_T_BINARY:
        srt_buf_put(b, d->p, d->n);
        return;
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP: {
        uint32_t n = srt_nested_count(t, d);
        const SrtDatum *v = d->p;
        if (!v && n) {
            srt_buf_puts(b, "null");
            return;
        }
        srt_buf_putc(b, '[');
        for (uint32_t i = 0; i < n; i++) {
            if (i)
                srt_buf_putc(b, ',');
            srt_java_text(&v[i], srt_nested_child(t, d, i), b);
        }
        srt_buf_putc(b, ']');
        return;
    }
    case SRT_T_VOID:
        return;
    }
}

/* The most bytes of a malformed row the FAILFAST message shows (SrtErr.msg is 1024 bytes). */
#define FAIL_ROW_MAX 512

void srt_query_fail_record(SrtQuery *q, const char *row_type, const SrtDatum *row, const char *pos,
                           const char *detail, const char *v, const char *v_end)
{
    if (q->failed)
        return;
    const SrtType *t = srt_query_type(q, row_type);
    SrtBuf b;
    srt_buf_init(&b, q->mem);
    /* SparkThrowableHelper.getMessage: "[<class>] " and the main message, then " " and the
       sub-class's message, which is empty for WITHOUT_SUGGESTION (error-classes.json) */
    srt_buf_puts(&b, "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected "
                     "in record parsing: ");
    size_t row_at = b.n;
    if (!t || t->kind != SRT_T_STRUCT || t->n_fields == 0) {
        srt_buf_puts(&b, "[empty row]"); /* BaseGenericInternalRow.toString of no fields */
    } else {
        SrtDatum whole = {.p = row};
        srt_java_text(&whole, t, &b);
    }
    if (!b.oom && b.n - row_at > FAIL_ROW_MAX) { /* cut (at a character) so that where still fits */
        size_t cut = row_at + FAIL_ROW_MAX;
        while (cut > row_at && ((unsigned char)b.p[cut] & 0xC0) == 0x80)
            cut--;
        b.n = cut;
        srt_buf_puts(&b, "...");
    }
    srt_buf_puts(&b, ".\nParse Mode: FAILFAST. To process malformed records as null result, try "
                     "setting the option 'mode' as 'PERMISSIVE'. ");
    if (detail) {
        int n = (int)(v_end - v);
        srt_buf_printf(&b, "%s (value %.*s%s)", detail, n > 64 ? 64 : n, v, n > 64 ? "..." : "");
    }
    if (b.oom)
        srt_query_fail_at(q, "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] (out of memory for "
                             "the message)", pos);
    else
        srt_query_fail_at(q, srt_buf_cstr(&b), pos);
    srt_buf_free(&b);
}

void srt_query_fail_json_array(SrtQuery *q, const char *rec, uint32_t n)
{
    if (q->failed)
        return;
    uint32_t show = n;
    if (show > FAIL_ROW_MAX) { /* cut at a character, as the row of srt_query_fail_record */
        show = FAIL_ROW_MAX;
        while (show > 0 && ((unsigned char)rec[show] & 0xC0) == 0x80)
            show--;
    }
    char msg[1024];
    snprintf(msg, sizeof msg,
             "[MALFORMED_RECORD_IN_PARSING.CANNOT_PARSE_JSON_ARRAYS_AS_STRUCTS] Malformed records "
             "are detected in record parsing: %.*s%s.\nParse Mode: FAILFAST. To process malformed "
             "records as null result, try setting the option 'mode' as 'PERMISSIVE'. Parsing JSON "
             "arrays as structs is forbidden.",
             (int)show, rec, show < n ? "..." : "");
    srt_query_fail_at(q, msg, rec);
}

void srt_query_fail_value(SrtQuery *q, const char *fmt, const char *v, uint32_t n)
{
    char msg[2048];
    size_t k = 0;
    if (!v)
        v = "null", n = 4;
    for (const char *p = fmt; *p && k + 1 < sizeof msg; p++) {
        if (p[0] == '%' && p[1] == 's') {
            size_t take = n < sizeof msg - 1 - k ? n : sizeof msg - 1 - k;
            memcpy(msg + k, v, take);
            k += take;
            p++;
        } else {
            msg[k++] = *p;
        }
    }
    msg[k] = '\0';
    srt_query_fail(q, msg);
}

void srt_query_fail_time(SrtQuery *q, const char *what, int64_t ts_us)
{
    char ts[32], msg[512];
    ts[srt_ts_format(ts_us, ts)] = '\0';
    snprintf(msg, sizeof msg, "%s: the timestamp %s (%lld µs since the epoch) is out of range for it",
             what, ts, (long long)ts_us);
    srt_query_fail(q, msg);
}

/* ======================================================================
** The micro-batch
** ====================================================================== */

static int64_t guarded_process(SrtQuery *q, const char *buf, size_t len)
{
    jmp_buf jb;
    if (setjmp(jb)) {
        q->guard = NULL;
        return -1;
    }
    q->guard = &jb;
    int64_t n = q->def->inputs[q->cur_in].process(q, buf, len);
    q->guard = NULL;
    return n;
}

int srt_query_guarded(SrtQuery *q, void (*fn)(SrtQuery *q, void *ctx), void *ctx)
{
    jmp_buf *outer = q->guard;
    jmp_buf jb;
    if (setjmp(jb)) {
        q->guard = outer;
        return -(q->err.code ? q->err.code : SRT_ERR_QUERY);
    }
    q->guard = &jb;
    fn(q, ctx);
    q->guard = outer;
    return 0;
}

static int guarded_output(SrtQuery *q)
{
    jmp_buf jb;
    if (setjmp(jb)) {
        q->guard = NULL;
        return -SRT_ERR_QUERY;
    }
    q->guard = &jb;
    int rc = srt_output_collect(q);
    q->guard = NULL;
    return rc;
}

/* buf[0, len) through the query's process function, its lines settled (at: where buf starts in
   what; NULL: at its start). */
static int process_span(SrtQuery *q, const char *what, const char *buf, size_t len,
                        const SrtReadPos *at, int64_t *rows)
{
    static const SrtReadPos start = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /* JSONOptions' parser switches: the records in their normal form (srt_json_norm.c) */
    unsigned flags = srt_json_norm_flags(q);
    const char *rbuf = buf;
    size_t rlen = len;
    if (flags && srt_json_norm_begin(q, flags, buf, len, &rbuf, &rlen) < 0)
        return srt_err_nomem(&q->err, "the normal form of JSON records");
    q->cur_what = what;
    q->cur_buf = buf;
    q->cur_len = len;
    q->cur_at = at ? *at : start;
    int64_t n = guarded_process(q, rbuf, rlen);
    if (flags)
        srt_json_norm_end(q);
    q->cur_what = NULL;
    q->cur_buf = NULL;
    q->cur_len = 0;
    srt_scratch_reset(q);
    *rows = n > 0 ? n : 0;
    if (n < 0 || q->failed) {
        if (!q->failed) {
            q->failed = 1;
            srt_err_set(&q->err, SRT_ERR_QUERY, "processing %s failed", what);
        }
        return -q->err.code;
    }
    return 0;
}

/* The first window of the rest bytes at p, its lone '\r's made '\n' here (cm_lines_lf):
   SRT_LF_WINDOW bytes to the last '\n' among them once settled, or all of the bytes when they
   are no more than that or that part holds no '\n' (a line longer than the window). */
static size_t settled_window(char *p, size_t rest)
{
    size_t win = rest < SRT_LF_WINDOW ? rest : SRT_LF_WINDOW;
    size_t ok = cm_lines_lf(p, win, win == rest), take = rest;
    if (win < rest) {
        const char *nl = memrchr(p, '\n', ok);
        if (nl)
            take = (size_t)(nl - p) + 1;
        else
            cm_lines_lf(p + ok, rest - ok, true);
    }
    return take;
}

/* The first window of the rest bytes at p for a process function that settles its lines
   itself (SrtInputDef.lines_raw): to the last '\n' of the first SRT_LF_WINDOW bytes (a '\n'
   ends a line whether a '\r' is before it or not, so the window's lines are the same ones
   settled or not, and so are the next window's), or all of the bytes when they are no more
   than that.  0 when that part holds no '\n' (its lines may end at lone '\r's only:
   settled_window). */
static size_t raw_window(const char *p, size_t rest)
{
    if (rest <= SRT_LF_WINDOW)
        return rest;
    const char *nl = memrchr(p, '\n', SRT_LF_WINDOW);
    return nl ? (size_t)(nl - p) + 1 : 0;
}

/*
** A buffer whose lone '\r's are not made '\n' yet (SrtReadPos.lf_later: whole '\n' lines or a
** file's last bytes, mapped) is processed a window of whole lines at a time (SRT_LF_WINDOW
** bytes, to a line's end; a line longer than that: the rest of the buffer at once), each
** settled (cm_lines_lf) right before the generated loop reads it.  The loop's prefetches
** (SRT_PREFETCH_AHEAD past its record) have brought the window into the cache by then, so
** neither the pass nor the loop waits on memory; settled whole before the loop, the buffer came
** from memory in the pass and the loop read it from the cache after (the events benchmark: the
** pass a fifth of the time).  A process function that settles its lines itself
** (srt_prog_query_lines_raw: its JSON shape takes no line holding a '\r', and it calls
** srt_query_lines_settle at each line the shape does not take) gets the window as it is: no
** pass at all.  Not so for records read in their normal form
** (srt_json_norm_begin reads the lines first).
*/
int srt_query_process_buffer(SrtQuery *q, const char *what, const char *buf, size_t len,
                             const SrtReadPos *at, int64_t *rows)
{
    if (!at || !at->lf_later)
        return process_span(q, what, buf, len, at, rows);
    char *p = (char *)buf, *e = p + len; /* the reader's own bytes (SrtReadPos.lf_later) */
    SrtReadPos pos = *at;
    pos.lf_later = 0;
    bool raw = q->def->inputs[q->cur_in].lines_raw && !srt_json_norm_flags(q);
    *rows = 0;
    while (p < e) {
        size_t rest = (size_t)(e - p);
        size_t take = raw ? raw_window(p, rest) : 0;
        q->lines_raw = take != 0;
        if (take == 0)
            take = settled_window(p, rest);
        int64_t n = 0;
        int rc = process_span(q, what, p, take, &pos, &n);
        q->lines_raw = 0;
        *rows += n;
        if (rc < 0)
            return rc;
        pos.line = 0; /* counted when an error needs it (SrtReadPos) */
        pos.byte += (int64_t)take;
        p += take;
    }
    return 0;
}

void srt_query_lines_settle(SrtQuery *q, const char *p, const char *end)
{
    if (!q->lines_raw)
        return;
    /* the line's first '\r' is a lone one or the one of its "\r\n" (cm_lines_lf's rule; the
       window ends at a '\n' or at the end of its file, raw_window) */
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    char *r = memchr(p, '\r', (size_t)((nl ? nl : end) - p));
    if (r && r + 1 != nl)
        *r = '\n';
}

/* SrtReadFn: one buffer of records through the generated process function. */
static int on_buffer(void *ctx, const char *what, const char *buf, size_t len, const SrtReadPos *at)
{
    SrtQuery *q = ctx;
    int64_t n;
    int rc = srt_query_process_buffer(q, what, buf, len, at, &n);
    if (rc < 0)
        return rc;
    q->batch_input_rows += n;
    q->in[q->cur_in].batch_rows += n;
    return 0;
}

/* Read input i's batch: in tasks on several threads when the query runs in parallel
   (srt_par.c: lines of text read into buffers lent to the source, rows made from their index
   by the tasks themselves, or rows copied), else
   buffer by buffer on this thread. */
static int read_input(SrtQuery *q, uint32_t i)
{
    SrtInput *in = &q->in[i];
    const char *start = in->start_offset.n ? srt_buf_cstr(&in->start_offset) : NULL;
    const char *end = srt_buf_cstr(&in->end_offset);
    q->cur_in = i;
    if (!q->par)
        return in->source.vt->read(&in->source, start, end, on_buffer, q, &q->err);
    const SrtSourceDef *sd = &q->prog->sources[q->def->inputs[i].source];
    SrtSchema rows = {sd->cols, sd->n_cols};
    int text = srt_source_gives_text(&in->source);
    srt_par_begin_input(q->par, text ? NULL : &rows);
    in->source.lender = srt_par_lender(q->par); /* text: its buffers; rate: its runs' maker */
    int rc = in->source.vt->read(&in->source, start, end, srt_par_on_buffer, q->par, &q->err);
    in->source.lender = NULL;
    int rc2 = srt_par_finish(q->par);
    return rc < 0 ? rc : rc2;
}

static void end_batch_memory(SrtQuery *q)
{
    q->n_rows = 0;
    srt_arena_reset(&q->batch);
    srt_scratch_reset(q);
    if (q->par)
        srt_par_end_batch(q->par);
    /* Do not keep the row array of one huge batch forever. */
    if (q->cap_rows > ((size_t)1 << 20)) {
        srt_mem_free(q->mem, q->rows, sizeof *q->rows * q->cap_rows);
        q->rows = NULL;
        q->cap_rows = 0;
    }
}

static int failed_rc(SrtQuery *q, int rc)
{
    q->failed = 1;
    if (!q->err.code)
        srt_err_set(&q->err, -rc, "internal error %d", -rc);
    return rc;
}

/* Does the planned batch read anything from this input (its end offset is past its start)? */
static int input_has_data(SrtInput *in)
{
    const char *end = srt_buf_cstr(&in->end_offset);
    return in->start_offset.n ? strcmp(srt_buf_cstr(&in->start_offset), end) != 0 : *end != '\0';
}

/* The wall clock for a new batch's timestamp (ms).  Spark parses a query (reading
   TIMESTAMP 'now') before the clock reading of its first batch, always in an earlier
   millisecond: a batch that would start in the millisecond the query started waits for the
   next one (at most 1 ms, once). */
static int64_t batch_clock_ms(const SrtQuery *q)
{
    int64_t start_ms = q->start_ts_us / 1000;
    if (srt_now_us() / 1000 <= start_ms)
        srt_sleep_until((start_ms + 1) * 1000);
    return srt_now_us() / 1000;
}

/* Run one micro-batch over [start_offset, end_offset) (equal offsets: a no-data batch,
   run because the watermark moved).  Order as Spark's MicroBatchExecution: offsets log ->
   read + process -> output -> sink -> state (eviction) -> source commit -> watermark ->
   commit log -> progress. */
int srt_query_run_batch(SrtQuery *q)
{
    int64_t t0 = srt_mono_us(), t;
    q->n_rows = 0;
    q->batch_input_rows = 0;
    srt_event_begin_batch(q);
    /* Spark's batchTimestampMs: current_timestamp() of every row of the batch, the same
       when the batch is re-run after a restart. */
    int64_t ts_ms = q->replay ? q->replay_ts_ms : batch_clock_ms(q);
    q->batch_ts_us = ts_ms * 1000;
    int rc;
    for (uint32_t i = 0; i < q->n_ops; i++)
        if (q->ops[i]->vt->begin_batch && (rc = q->ops[i]->vt->begin_batch(q->ops[i])) < 0)
            return failed_rc(q, rc);
    int no_data = 1;
    for (uint32_t i = 0; i < q->n_in; i++) {
        q->in[i].batch_rows = 0;
        no_data &= !input_has_data(&q->in[i]);
    }
    srt_report_status(q, no_data ? "No new data but cleaning up state" : "Processing new data",
                      !no_data, 1);
    if ((rc = srt_recover_log_offsets(q, ts_ms)) < 0)
        return failed_rc(q, rc);
    q->dur_us[SRT_DUR_WAL_COMMIT] = (t = srt_mono_us()) - t0;
    q->dur_us[SRT_DUR_GET_BATCH] = 0;
    q->dur_us[SRT_DUR_QUERY_PLANNING] = 0;
    int64_t t_add = t;
    if (!no_data && (rc = srt_query_joins_refresh(q, &q->err)) < 0)
        return failed_rc(q, rc);
    for (uint32_t i = 0; i < q->n_in; i++) {
        SrtInput *in = &q->in[i];
        if (!input_has_data(in))
            continue;
        if ((rc = read_input(q, i)) < 0)
            return failed_rc(q, rc);
    }
    if (!no_data && (rc = srt_query_joins_unmatched(q)) < 0)
        return failed_rc(q, rc);
    if ((rc = guarded_output(q)) < 0)
        return failed_rc(q, rc);
    if (q->def->n_order &&
        srt_sort_rows(q->mem, q->rows, q->n_rows, &q->schema, q->def->order, q->def->n_order) < 0)
        return failed_rc(q, srt_err_nomem(&q->err, "sorting"));
    if (q->limit >= 0 && q->n_rows > (size_t)q->limit)
        q->n_rows = (size_t)q->limit; /* the rest go with the batch memory */
    for (uint32_t i = 0; i < q->n_ops; i++)
        if (q->ops[i]->vt->cut_rows && (rc = q->ops[i]->vt->cut_rows(q->ops[i])) < 0)
            return failed_rc(q, rc);
    if ((rc = q->sink.vt->write(&q->sink, q->batch_id, q->rows, q->n_rows, &q->schema, &q->err)) < 0)
        return failed_rc(q, rc);
    q->dur_us[SRT_DUR_ADD_BATCH] = (t = srt_mono_us()) - t_add;
    if ((rc = srt_recover_state(q)) < 0)
        return failed_rc(q, rc);
    for (uint32_t i = 0; i < q->n_in; i++) {
        SrtInput *in = &q->in[i];
        if (input_has_data(in) &&
            (rc = in->source.vt->commit(&in->source, srt_buf_cstr(&in->end_offset), &q->err)) < 0)
            return failed_rc(q, rc);
    }
    int64_t next_wm = srt_event_next_watermark(q);
    int64_t t_commit = srt_mono_us();
    if ((rc = srt_recover_commit(q, next_wm)) < 0)
        return failed_rc(q, rc);
    q->dur_us[SRT_DUR_COMMIT_OFFSETS] = srt_mono_us() - t_commit;
    q->last_batch_output_rows = (int64_t)q->n_rows;
    q->total_input_rows += q->batch_input_rows;
    /* Progress names the offsets this batch read; then the end becomes the next start. */
    if ((rc = srt_report_batch(q, 0)) < 0)
        return failed_rc(q, rc);
    q->last_trigger_ms = q->trigger_start_us / 1000;
    for (uint32_t i = 0; i < q->n_in; i++) {
        SrtInput *in = &q->in[i];
        srt_buf_clear(&in->start_offset);
        srt_buf_puts(&in->start_offset, srt_buf_cstr(&in->end_offset));
        if (in->start_offset.oom)
            return failed_rc(q, srt_err_nomem(&q->err, "offsets"));
    }
    q->late_wm_ms = q->watermark_ms;
    q->watermark_ms = next_wm;
    q->replay = 0;
    q->batch_id++;
    q->batches_run++;
    if (q->def->sink >= 0) /* a join's build side: its rows stay for the join (srt_join.c) */
        end_batch_memory(q);
    srt_report_status(q, "Waiting for data to arrive", 0, 0);
    return 0;
}

/* ======================================================================
** Triggers
** ====================================================================== */

/* Plan the next batch of every input: *has_data when one has new data.  An input without
   new data keeps its end offset at its start (it takes no part in the batch). */
static int plan_inputs(SrtQuery *q, SrtReadLimit lim, int *has_data)
{
    *has_data = 0;
    for (uint32_t i = 0; i < q->n_in; i++) {
        SrtInput *in = &q->in[i];
        int has = 0;
        int rc = in->source.vt->plan(&in->source, lim, &in->end_offset, &has, &q->err);
        if (rc < 0)
            return rc;
        if (!has) {
            srt_buf_clear(&in->end_offset);
            srt_buf_puts(&in->end_offset, srt_buf_cstr(&in->start_offset));
        }
        if (in->end_offset.oom)
            return srt_err_nomem(&q->err, "offsets");
        *has_data |= has;
    }
    return 0;
}

int srt_query_tick(SrtQuery *q, int64_t now_us)
{
    if (q->done)
        return 0;
    int rc;
    if (q->max_batches >= 0 && q->batches_run >= q->max_batches) {
        q->done = 1;
        return 0;
    }
    q->trigger_start_us = srt_now_us();
    memset(q->dur_us, 0, sizeof q->dur_us);
    if (!q->started) {
        q->started = 1;
        for (uint32_t i = 0; i < q->n_in && q->trigger.kind == SRT_TRIG_AVAILABLE_NOW; i++)
            if ((rc = q->in[i].source.vt->snapshot(&q->in[i].source, &q->err)) < 0)
                return failed_rc(q, rc);
    }
    int ran = 0;
    if (q->replay) {
        /* After a restart: the logged, uncommitted batch runs again first. */
        if ((rc = srt_query_run_batch(q)) < 0)
            return rc;
        ran = 1;
    } else {
        SrtReadLimit lim = q->trigger.kind == SRT_TRIG_ONCE ? SRT_LIMIT_ALL : SRT_LIMIT_DEFAULT;
        int has_data = 0;
        int64_t t0 = srt_mono_us();
        srt_report_status(q, "Getting offsets from source", 0, 1);
        if ((rc = plan_inputs(q, lim, &has_data)) < 0)
            return failed_rc(q, rc);
        q->dur_us[SRT_DUR_LATEST_OFFSET] = srt_mono_us() - t0;
        if (!has_data && q->watermark_ms > q->late_wm_ms && srt_event_watermark_cleans(q)) {
            /* No new data, but the watermark moved: a no-data batch emits and evicts what
               became final (Spark's noDataMicroBatches); every end offset is its start. */
            has_data = 1;
        }
        if (has_data) {
            if ((rc = srt_query_run_batch(q)) < 0)
                return rc;
            ran = 1;
        } else {
            srt_report_status(q, "Waiting for data to arrive", 0, 0);
            if (q->trigger.kind != SRT_TRIG_ONCE && q->trigger.kind != SRT_TRIG_AVAILABLE_NOW &&
                (rc = srt_report_batch(q, 1)) < 0)
                return failed_rc(q, rc);
        }
    }
    switch (q->trigger.kind) {
    case SRT_TRIG_DEFAULT:
        q->next_due_us = ran ? now_us : srt_now_us() + (all_inputs_wake(q) ? WAKE_POLL_US : POLL_US);
        break;
    case SRT_TRIG_INTERVAL:
        q->next_due_us = now_us / q->trigger.interval_us * q->trigger.interval_us + q->trigger.interval_us;
        break;
    case SRT_TRIG_ONCE:
        q->done = 1;
        break;
    case SRT_TRIG_AVAILABLE_NOW:
        if (!ran)
            q->done = 1;
        else
            q->next_due_us = now_us;
        break;
    }
    if (q->max_batches >= 0 && q->batches_run >= q->max_batches)
        q->done = 1;
    /* A source that has ended (socket: the server closed the connection) stops the query
       once everything it delivered has been planned and processed. */
    int finished = q->n_in > 0;
    for (uint32_t i = 0; i < q->n_in; i++)
        finished &= q->in[i].source.vt->finished && q->in[i].source.vt->finished(&q->in[i].source);
    if (finished && !ran)
        q->done = 1;
    return 0;
}
