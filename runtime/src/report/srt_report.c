/* srt_report.c - what a running query tells about itself: Spark's lastProgress after
** every batch (and, at most every 10 s, for idle triggers), its status, its failure.
** Progress records go to the query's recentProgress ring and, with --progress FILE, one
** JSON line each to that file (srt_progress.c formats them), whole lines only.
*/
#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "srt_int.h"
#include "state/srt_operator.h"

#define IDLE_PROGRESS_US 10000000 /* spark.sql.streaming.noDataProgressEventInterval */

void srt_report_status(SrtQuery *q, const char *message, int data_available, int trigger_active)
{
    srt_live_lock(q);
    q->status.message = message;
    q->status.is_data_available = data_available;
    q->status.is_trigger_active = trigger_active;
    srt_live_unlock(q);
}

static int64_t ms_of(int64_t us)
{
    return us < 0 ? -1 : us / 1000;
}

/* Append one record (json, its '\n' included) to the --progress file with write(2): a record
   that cannot be written whole (a full disk, a closed pipe) fails the query with the file and
   the reason, and the bytes of it that were written are cut off again (a regular file), so
   the file holds whole lines only and a restart appends after the last one. */
static int write_progress(SrtQuery *q, const SrtBuf *json)
{
    int fd = fileno(q->progress_out);
    struct stat st;
    int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (srt_fs_write_all(fd, json->p, json->n) == 0)
        return 0;
    int e = errno;
    if (regular) /* O_APPEND: the record began at the old end */
        (void)!ftruncate(fd, st.st_size);
    return srt_err_set(&q->err, SRT_ERR_IO, "cannot write progress file %s: %s", q->progress_path,
                       strerror(e));
}

static int publish(SrtQuery *q, const SrtProgress *p)
{
    SrtBuf json;
    srt_buf_init(&json, q->mem);
    srt_progress_json(p, &json);
    int rc = 0;
    if (!json.oom) {
        srt_live_lock(q);
        srt_progress_ring_add(&q->recent, json.p ? json.p : "", json.n);
        srt_live_unlock(q);
        srt_buf_putc(&json, '\n');
        if (q->progress_out)
            rc = json.oom ? srt_err_nomem(&q->err, "progress") : write_progress(q, &json);
    }
    srt_buf_free(&json);
    q->last_progress_us = srt_now_us();
    return rc;
}

/* Spark's ProgressReporter rates of `rows`: input over the time since the previous trigger
   (0 on the first), processed over this trigger's duration (at least 1 ms). */
static void put_rates(const SrtQuery *q, int64_t rows, int64_t dur_ms, double *input,
                      double *processed)
{
    double r = (double)rows;
    int64_t now_ms = q->trigger_start_us / 1000, last = q->last_trigger_ms;
    *input = last >= 0 && now_ms > last ? r * 1000.0 / (double)(now_ms - last)
             : last >= 0                ? NAN
                                        : 0.0;
    *processed = r * 1000.0 / (double)(dur_ms > 1 ? dur_ms : 1);
}

/* The `sources` entry of one input; its texts go to bufs[0..3) (description, latest offset,
   metrics).  The batch's offsets are [start_offset, end_offset) (its start not moved yet). */
static void source_progress(SrtQuery *q, SrtInput *in, int idle, int64_t dur_ms,
                            SrtSourceProgress *sp, SrtBuf *bufs)
{
    in->source.vt->describe(&in->source, &bufs[0]);
    sp->description = srt_buf_cstr(&bufs[0]);
    const char *start = in->start_offset.n ? srt_buf_cstr(&in->start_offset) : NULL;
    const char *end = in->end_offset.n ? srt_buf_cstr(&in->end_offset) : NULL;
    sp->start_offset = start;
    sp->end_offset = sp->latest_offset = idle ? start : end;
    if (in->source.vt->latest && in->source.vt->latest(&in->source, &bufs[1]) && !bufs[1].oom)
        sp->latest_offset = srt_buf_cstr(&bufs[1]);
    if (in->source.vt->metrics && sp->end_offset) {
        in->source.vt->metrics(&in->source, sp->end_offset, &bufs[2]);
        if (!bufs[2].oom && bufs[2].n)
            sp->metrics = srt_buf_cstr(&bufs[2]);
    }
    sp->num_input_rows = idle ? 0 : in->batch_rows;
    put_rates(q, sp->num_input_rows, dur_ms, &sp->input_rows_per_second,
              &sp->processed_rows_per_second);
}

int srt_report_batch(SrtQuery *q, int idle)
{
    if (idle && q->last_progress_us && srt_now_us() - q->last_progress_us < IDLE_PROGRESS_US)
        return 0;
    SrtProgress p;
    memset(&p, 0, sizeof p);
    p.id = q->id;
    p.run_id = q->run_id;
    p.name = q->name;
    p.timestamp_ms = q->trigger_start_us / 1000;
    p.batch_id = q->batch_id;
    p.num_input_rows = idle ? 0 : q->batch_input_rows;
    for (int i = 0; i < SRT_DUR_N; i++)
        p.duration_ms[i] = -1;
    int64_t total_us = srt_now_us() - q->trigger_start_us;
    if (idle) {
        p.duration_ms[SRT_DUR_LATEST_OFFSET] = ms_of(q->dur_us[SRT_DUR_LATEST_OFFSET]);
        p.duration_ms[SRT_DUR_TRIGGER_EXECUTION] = ms_of(total_us);
    } else {
        for (int i = 0; i < SRT_DUR_N; i++)
            p.duration_ms[i] = ms_of(q->dur_us[i]);
        p.duration_ms[SRT_DUR_TRIGGER_EXECUTION] = ms_of(total_us);
    }
    int64_t dur_ms = p.duration_ms[SRT_DUR_TRIGGER_EXECUTION];
    put_rates(q, p.num_input_rows, dur_ms, &p.input_rows_per_second, &p.processed_rows_per_second);
    if (q->def->has_watermark) {
        p.has_watermark = 1;
        p.watermark_ms = q->watermark_ms;
        const SrtEventStats *e = idle ? NULL : srt_event_stats(q);
        if (e) {
            p.has_event_stats = 1;
            p.event_min_ms = e->min_ms;
            p.event_max_ms = e->max_ms;
            p.event_avg_ms = srt_event_avg_ms(q);
        }
    }
    /* Stateful operators as Spark's ProgressReporter.extractStateOperatorMetrics lists them,
       executedPlan.collect: a pre-order walk from the plan's root, so downstream first (the
       aggregation before the DROP DUPLICATES under it): the query's list from its end.
       Each is named by Spark's shortName (statefulOperators.scala), the name its state
       schema was registered with (e.g. dedupe or dedupeWithinWatermark), else the first
       name of its kind. */
    SrtStateOpProgress few[8], *ops = few;
    memset(few, 0, sizeof few);
    if (q->n_ops > 8 && !(ops = srt_mem_calloc(q->mem, sizeof *ops * q->n_ops)))
        return srt_err_nomem(&q->err, "progress");
    for (uint32_t i = q->n_ops; i-- > 0;) {
        const SrtOperator *o = q->ops[i];
        SrtStateOpProgress *op = &ops[p.n_ops++];
        op->operator_name = o->def->schema.name ? o->def->schema.name : o->vt->names[0];
        op->num_state_store_instances = 1;
        o->vt->progress(o, idle, op);
    }
    p.ops = ops;
    /* One `sources` entry per input, in source order. */
    size_t n_in = q->n_in ? q->n_in : 1;
    SrtSourceProgress *srcs = srt_mem_calloc(q->mem, sizeof *srcs * n_in);
    SrtBuf *bufs = srt_mem_calloc(q->mem, sizeof *bufs * 3 * n_in);
    SrtBuf sink;
    srt_buf_init(&sink, q->mem);
    int rc = 0;
    if (!srcs || !bufs) {
        rc = srt_err_nomem(&q->err, "progress");
        goto out;
    }
    for (uint32_t i = 0; i < 3 * q->n_in; i++)
        srt_buf_init(&bufs[i], q->mem);
    for (uint32_t i = 0; i < q->n_in; i++)
        source_progress(q, &q->in[i], idle, dur_ms, &srcs[i], &bufs[3 * i]);
    p.sources = srcs;
    p.n_sources = (int)q->n_in;
    q->sink.vt->describe(&q->sink, &sink);
    p.sink_description = srt_buf_cstr(&sink);
    /* Spark's v1 sinks (files, foreachBatch) report numOutputRows -1. */
    p.sink_output_rows = q->sink.vt->v1 ? -1 : idle ? 0 : (int64_t)q->n_rows;
    rc = publish(q, &p);
    srt_live_progress(q, &p, idle);
out:
    if (ops != few)
        srt_mem_free(q->mem, ops, sizeof *ops * q->n_ops);
    for (uint32_t i = 0; bufs && i < 3 * q->n_in; i++)
        srt_buf_free(&bufs[i]);
    srt_mem_free(q->mem, bufs, sizeof *bufs * 3 * n_in);
    srt_mem_free(q->mem, srcs, sizeof *srcs * n_in);
    srt_buf_free(&sink);
    return rc;
}

void srt_report_failure(const SrtQuery *q, FILE *err)
{
    if (q->run_id[0])
        fprintf(err, "error: query '%s' [id = %s, runId = %s] failed in batch %lld: %s\n", q->name,
                q->id, q->run_id, (long long)q->batch_id, q->err.msg);
    else
        fprintf(err, "error: query '%s' failed: %s\n", q->name, q->err.msg);
}
