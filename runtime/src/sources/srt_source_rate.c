/* srt_source_rate.c - the `rate` and `rate-micro-batch` source connectors: generated rows
** `timestamp TIMESTAMP, value BIGINT` delivered as value rows (SrtDatum arrays, see
** SrtProcessFn in srt_abi.h), as Spark's RateStreamMicroBatchStream and
** RatePerMicroBatchStream produce them.
**
** rate: options rowsPerSecond (default 1, > 0), rampUpTime (default 0s; Spark's
** timeStringAsSec: a bare number is seconds, "500ms", "2m", or an interval such as
** "1 minute"; truncated to whole seconds, >= 0), numPartitions (default 1: Spark's is its
** default parallelism).  The creation time is the first plan (or snapshot).  An
** offset is the number of whole seconds elapsed since then, printed as a plain number
** ("5"), so nothing is planned before one full second has passed.  The batch (s0, s1]
** holds the values [valueAt(s0), valueAt(s1)); value v gets the evenly spaced
** timestamp creation + s0*1000 + round((v - valueAt(s0)) * (s1-s0)*1000 /
** (valueAt(s1) - valueAt(s0))) ms.  With ramp-up R, the rate grows by
** rowsPerSecond / (R+1) per second during the first R seconds (valueAt below).
** availableNow: the seconds elapsed at the snapshot (0 at start: no batch).
** Checkpoints (SrtSource.log_dir set): the creation time survives restarts as Spark's
** sources/<i>/0 ("v1" then the time in ms): open() reads it when it exists, otherwise the
** first clock reading (plan, snapshot or read) writes it (srt_ckpt_write_file) before
** anything is planned.  restore(end) continues planning after the stored offset end: the
** next batch covers (end, seconds elapsed now], so a restart catches up in one batch.
**
** rate-micro-batch: options rowsPerBatch (required, > 0), startTimestamp (ms, >= 0,
** default 0), advanceMillisPerBatch (>= 0, default 1000), numPartitions (default 1).
** Independent of the clock: batch k holds the values [k*rowsPerBatch,
** (k+1)*rowsPerBatch), all stamped startTimestamp + k*advanceMillisPerBatch.  Offsets
** are {"offset":N,"timestamp":MS}: the next value and the timestamp of the next batch,
** so read(start, end) of any two stored offsets gives exactly the rows between them.
** availableNow: exactly one batch, then no more data (as Spark).  restore(end) makes the
** next batch start at end's offset and timestamp; nothing is written to log_dir.
**
** Partitions (both): a batch of the values [v0, v1) is read as numPartitions partitions, in
** turn, partition p the values v0 + p, v0 + p + numPartitions, ... (Spark's
** RateStreamMicroBatchPartitionReader and RatePerMicroBatchStreamPartitionReader), so the
** rows of a batch come partition by partition, as Spark's console shows them; each buffer
** says its partition (SrtReadPos.partition: spark_partition_id() and the like).
**
** A partition's rows are a pure function of their index (SrtRowRun): they go out in chunks
** of at most SRT_RUN_CHUNK_ROWS from one buffer owned by the source, or, to a reader that
** makes them itself (SrtLender.rows: srt_par.c's tasks, on their threads), as the run;
** `what` of the read callback is the source name.
*/
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/cm_interval.h"
#include "srt_int.h"

#define RATE_COLS 2 /* timestamp, value */

typedef struct Rate {
    SrtMem *mem;
    SrtClockFn clock; /* µs since the epoch */
    void *clock_ud;
    const char *parts_text; /* the numPartitions option as written (borrowed), or NULL */
    int64_t num_partitions;

    /* rate */
    int64_t rows_per_sec, ramp_up_s;
    int64_t max_seconds; /* INT64_MAX / rowsPerSecond: larger offsets overflow */
    int started;         /* creation_ms is set (and, with a log_dir, stored there) */
    int64_t creation_ms;
    int64_t last_ms;   /* the latest clock reading (never goes back) */
    int64_t planned_s; /* end offset of the last planned batch */
    int snapshot;
    int64_t snapshot_s;

    /* rate-micro-batch */
    int64_t rows_per_batch, start_ts_ms, advance_ms;
    int64_t next_off, next_ts; /* end offset of the last planned batch */
    int snapshot_done;         /* availableNow: the one batch was planned */

    SrtDatum *rows; /* SRT_RUN_CHUNK_ROWS * RATE_COLS, allocated on the first read */
} Rate;

static int64_t wall_clock(void *ud)
{
    SRT_UNUSED(ud);
    return srt_now_us();
}

/* Restate an option error with the source's name in front. */
static int named(const SrtSource *s, int rc, SrtErr *err)
{
    char msg[sizeof err->msg];
    snprintf(msg, sizeof msg, "%s", err->msg);
    srt_err_set(err, err->code ? err->code : -rc, "source '%s': %s", s->name, msg);
    return rc;
}

static int64_t sat_add(int64_t a, int64_t b)
{
    int64_t r;
    return __builtin_add_overflow(a, b, &r) ? (b > 0 ? INT64_MAX : INT64_MIN) : r;
}

static int64_t sat_mul(int64_t a, int64_t b)
{
    int64_t r;
    return __builtin_mul_overflow(a, b, &r) ? ((a < 0) != (b < 0) ? INT64_MIN : INT64_MAX) : r;
}

static int open_common(SrtSource *s, const SrtOptions *opts, const SrtSchema *schema, Rate **out,
                       SrtErr *err)
{
    Rate *r = srt_mem_calloc(s->mem, sizeof *r);
    *out = r;
    if (!r)
        return srt_err_nomem(err, "rate source");
    s->impl = r;
    r->mem = s->mem;
    r->clock = wall_clock;
    int rc = srt_source_check_schema(s, opts, schema, err);
    if (rc < 0)
        return rc;
    r->parts_text = srt_opts_get(opts, "numPartitions");
    r->num_partitions = 1; /* no numPartitions (it has no default): one */
    if ((rc = srt_opts_int(opts, "numPartitions", 1, &r->num_partitions, err)) < 0)
        return named(s, rc, err);
    return 0;
}

/* ======================================================================
** rate
** ====================================================================== */

/* Spark's JavaUtils.timeStringAsSec ("5" = 5 s, "500ms", "2m", "1h", "1d"), truncated to
   whole seconds; else an interval string ("1 minute 30 seconds"), as sema checks it
   (common/cm_interval.c).  0, or -1 if the text is no duration. */
static int parse_seconds(const char *text, int64_t *out)
{
    int64_t us;
    if (!cm_duration_parse(text, 1000000, &us))
        return -1;
    *out = us / 1000000;
    return 0;
}

/* Spark's RateStreamProvider.valueAtSecond, with Java's wrapping long arithmetic. */
static int64_t value_at(int64_t secs, int64_t rps, int64_t ramp)
{
    uint64_t delta = (uint64_t)(rps / (ramp + 1));
    if (secs <= ramp) {
        /* (delta * secs) * (secs + 1) / 2, halving the even factor first */
        if (secs % 2 == 1)
            return (int64_t)((uint64_t)((secs + 1) / 2) * delta * (uint64_t)secs);
        return (int64_t)((uint64_t)(secs / 2) * delta * (uint64_t)(secs + 1));
    }
    uint64_t ramp_part = (uint64_t)value_at(ramp, rps, ramp);
    return (int64_t)(ramp_part + (uint64_t)(secs - ramp) * (uint64_t)rps);
}

/* Java's Math.round for the non-negative doubles used here: ties go up. */
static int64_t java_round(double x)
{
    double f = floor(x);
    if (x - f >= 0.5)
        f += 1.0;
    if (f >= 9.2233720368547758e18)
        return INT64_MAX;
    return (int64_t)f;
}

/* ==== the start time in the checkpoint: <log_dir>/0 ==== */

static int start_file(const SrtSource *s, char *buf, size_t cap, SrtErr *err)
{
    int k = snprintf(buf, cap, "%s/0", s->log_dir);
    if (k < 0 || (size_t)k >= cap)
        return srt_err_set(err, SRT_ERR_IO, "source log directory path is too long: %s",
                           s->log_dir);
    return 0;
}

/* Read the stored creation time if there is one ("v1\n<ms>\n"). */
static int load_start(SrtSource *s, Rate *r, SrtErr *err)
{
    char file[PATH_MAX];
    int rc = start_file(s, file, sizeof file, err);
    if (rc < 0)
        return rc;
    SrtBuf b;
    srt_buf_init(&b, r->mem);
    rc = srt_ckpt_read_file(file, &b, err);
    if (rc == 0) {
        const char *p = srt_buf_cstr(&b);
        char *e = NULL;
        long long ms = 0;
        if (strncmp(p, "v1\n", 3) == 0 && (isdigit((unsigned char)p[3]) || p[3] == '-')) {
            errno = 0;
            ms = strtoll(p + 3, &e, 10);
            while (errno == 0 && isspace((unsigned char)*e))
                e++;
        }
        if (!e || errno || *e != '\0') {
            rc = srt_err_set(err, SRT_ERR_FORMAT,
                             "source '%s': the rate source's start time file %s is malformed "
                             "(expected v1 and a time in ms)",
                             s->name, file);
        } else {
            r->started = 1;
            r->creation_ms = ms;
            r->last_ms = ms;
        }
    } else if (rc == 1) {
        rc = 0; /* a new query: the first clock reading writes it */
    }
    srt_buf_free(&b);
    return rc;
}

static int save_start(SrtSource *s, int64_t ms, SrtErr *err)
{
    char file[PATH_MAX], text[48];
    int rc = start_file(s, file, sizeof file, err);
    if (rc < 0 || (rc = srt_fs_mkdirs(s->log_dir, "source log", err)) < 0)
        return rc;
    int n = snprintf(text, sizeof text, "v1\n%lld\n", (long long)ms);
    return srt_ckpt_write_file(file, text, (size_t)n, err);
}

static int rate_open(SrtSource *s, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    Rate *r;
    int rc = open_common(s, opts, schema, &r, err);
    if (rc < 0)
        return rc;
    if ((rc = srt_opts_int(opts, "rowsPerSecond", 1, &r->rows_per_sec, err)) < 0)
        return named(s, rc, err);
    if (rc > 0) /* options not bound to the spec (srt_opts_bind): no default */
        return srt_err_set(err, SRT_ERR_OPTION, "source '%s': option 'rowsPerSecond' has no value",
                           s->name);
    const char *ramp = srt_opts_value(opts, "rampUpTime");
    if (ramp && parse_seconds(ramp, &r->ramp_up_s) < 0)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "source '%s': Invalid value '%s' for option 'rampUpTime', must be a "
                           "duration such as '10s' or '1 minute'",
                           s->name, ramp);
    if (r->ramp_up_s < 0)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "source '%s': Invalid value '%lld'. The option 'rampUpTime' must not be "
                           "negative",
                           s->name, (long long)r->ramp_up_s);
    r->max_seconds = INT64_MAX / r->rows_per_sec;
    if (r->ramp_up_s > r->max_seconds)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "source '%s': Integer overflow. Max offset with %lld rowsPerSecond is "
                           "%lld, but 'rampUpTimeSeconds' is %lld.",
                           s->name, (long long)r->rows_per_sec, (long long)r->max_seconds,
                           (long long)r->ramp_up_s);
    if (s->log_dir)
        return load_start(s, r, err);
    return 0;
}

/* Read the clock into *secs (whole seconds since creation); the first reading is the
   creation time, stored in log_dir when there is one. */
static int rate_tick(SrtSource *s, Rate *r, int64_t *secs, SrtErr *err)
{
    int64_t now = r->clock(r->clock_ud);
    now = now >= 0 ? now / 1000 : -((-now + 999) / 1000); /* floor to ms */
    if (!r->started) {
        int rc;
        if (s->log_dir && (rc = save_start(s, now, err)) < 0)
            return rc;
        r->started = 1;
        r->creation_ms = now;
        r->last_ms = now;
    }
    if (r->last_ms < now)
        r->last_ms = now;
    *secs = (r->last_ms - r->creation_ms) / 1000;
    return 0;
}

static int rate_snapshot(SrtSource *s, SrtErr *err)
{
    Rate *r = s->impl;
    int rc = rate_tick(s, r, &r->snapshot_s, err);
    if (rc < 0)
        return rc;
    r->snapshot = 1;
    return 0;
}

static int rate_plan(SrtSource *s, SrtReadLimit lim, SrtBuf *end, int *has_data, SrtErr *err)
{
    SRT_UNUSED(lim);
    Rate *r = s->impl;
    *has_data = 0;
    int64_t secs;
    int rc = rate_tick(s, r, &secs, err);
    if (rc < 0)
        return rc;
    if (r->snapshot && secs > r->snapshot_s)
        secs = r->snapshot_s;
    if (secs <= r->planned_s)
        return 0;
    srt_buf_clear(end);
    srt_buf_printf(end, "%lld", (long long)secs);
    if (end->oom)
        return srt_err_nomem(err, "offsets");
    r->planned_s = secs;
    *has_data = 1;
    return 0;
}

/* A whole-number offset ("5"); 0, or -1 if the text is not one. */
static int parse_plain(const char *text, int64_t *out)
{
    char *e;
    errno = 0;
    long long v = strtoll(text, &e, 10);
    while (isspace((unsigned char)*e))
        e++;
    if (errno || e == text || *e != '\0')
        return -1;
    *out = v;
    return 0;
}

static int ensure_rows(Rate *r, SrtErr *err)
{
    if (!r->rows) {
        /* Zeroed once: reads only ever write the .i of both columns (never NULL). */
        r->rows = srt_mem_calloc(r->mem, sizeof(SrtDatum) * SRT_RUN_CHUNK_ROWS * RATE_COLS);
        if (!r->rows)
            return srt_err_nomem(err, "rate source rows");
    }
    return 0;
}

/* SrtRowRun.fill of rate: row i's value v0 + i * step, its timestamp evenly spaced from
   start_ms (the batch's values from origin on). */
static void rate_fill(const SrtRowRun *run, int64_t first, int64_t n, SrtDatum *out)
{
    int64_t v = run->v0 + first * run->step;
    for (int64_t i = 0; i < n; i++, v += run->step) {
        int64_t ms =
            sat_add(run->start_ms, java_round((double)(v - run->origin) * run->ms_per_value));
        out[i * RATE_COLS].i = sat_mul(ms, 1000);
        out[i * RATE_COLS + 1].i = v;
    }
}

/* SrtRowRun.fill of rate-micro-batch: every row stamped start_ms. */
static void micro_fill(const SrtRowRun *run, int64_t first, int64_t n, SrtDatum *out)
{
    int64_t ts_us = sat_mul(run->start_ms, 1000), v = run->v0 + first * run->step;
#pragma GCC unroll 4
    for (int64_t i = 0; i < n; i++, v += run->step) {
        out[i * RATE_COLS].i = ts_us;
        out[i * RATE_COLS + 1].i = v;
    }
}

/* The batch of values [v0, v1) (base: the run's origin and timestamps, fill) partition by
   partition: each partition's run handed to the reader that makes rows itself (the source's
   lender), else made here a chunk at a time and handed to fn. */
static int read_runs(SrtSource *s, Rate *r, int64_t v0, int64_t v1, SrtRowRun base, SrtReadFn fn,
                     void *ctx, SrtErr *err)
{
    const SrtLender *l = s->lender && s->lender->rows ? s->lender : NULL;
    int rc;
    if (!l && (rc = ensure_rows(r, err)) < 0)
        return rc;
    int64_t np = r->num_partitions;
    for (int64_t p = 0; p < np && p < v1 - v0; p++) {
        SrtReadPos at = {1, 0, NULL, 0, (int)p, 0, 0, 0, 0, 0};
        SrtRowRun run = base;
        run.v0 = v0 + p;
        run.step = np;
        run.n = (v1 - run.v0 + np - 1) / np;
        if (l) {
            if ((rc = l->rows(l->ctx, s->name, &run, &at)) < 0)
                return rc;
            continue;
        }
        for (int64_t i = 0; i < run.n;) {
            int64_t n = run.n - i < SRT_RUN_CHUNK_ROWS ? run.n - i : SRT_RUN_CHUNK_ROWS;
            run.fill(&run, i, n, r->rows);
            if ((rc = fn(ctx, s->name, (const char *)r->rows,
                         sizeof(SrtDatum) * (size_t)n * RATE_COLS, &at)) < 0)
                return rc;
            i += n;
        }
    }
    return 0;
}

static int rate_read(SrtSource *s, const char *start, const char *end, SrtReadFn fn, void *ctx,
                     SrtErr *err)
{
    Rate *r = s->impl;
    int64_t s0 = 0, s1;
    if ((start && parse_plain(start, &s0) < 0) || !end || parse_plain(end, &s1) < 0 || s0 < 0 ||
        s1 < s0)
        return srt_err_set(err, SRT_ERR_QUERY, "source '%s': invalid rate offsets %s to %s",
                           s->name, start ? start : "start", end ? end : "null");
    if (s1 > r->max_seconds)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "source '%s': Integer overflow. Max offset with %lld rowsPerSecond is "
                           "%lld, but it's %lld now.",
                           s->name, (long long)r->rows_per_sec, (long long)r->max_seconds,
                           (long long)s1);
    int64_t now_s;
    int rc = rate_tick(s, r, &now_s, err); /* a read without a plan also fixes the creation */
    if (rc < 0)
        return rc;
    int64_t end_ms = sat_add(r->creation_ms, sat_mul(s1, 1000));
    if (r->last_ms < end_ms)
        r->last_ms = end_ms;
    int64_t v0 = value_at(s0, r->rows_per_sec, r->ramp_up_s);
    int64_t v1 = value_at(s1, r->rows_per_sec, r->ramp_up_s);
    if (v0 >= v1)
        return 0;
    SrtRowRun base = {.fill = rate_fill,
                      .n_cols = RATE_COLS,
                      .origin = v0,
                      .start_ms = sat_add(r->creation_ms, sat_mul(s0, 1000)),
                      .ms_per_value = (double)sat_mul(s1 - s0, 1000) / (double)(v1 - v0)};
    return read_runs(s, r, v0, v1, base, fn, ctx, err);
}

static int rate_restore(SrtSource *s, const char *end, SrtErr *err)
{
    Rate *r = s->impl;
    int64_t secs;
    if (!end || parse_plain(end, &secs) < 0 || secs < 0)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "source '%s': cannot restore the rate source from offset %s (expected "
                           "whole seconds)",
                           s->name, end ? end : "null");
    if (secs > r->max_seconds)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "source '%s': Integer overflow. Max offset with %lld rowsPerSecond is "
                           "%lld, but it's %lld now.",
                           s->name, (long long)r->rows_per_sec, (long long)r->max_seconds,
                           (long long)secs);
    if (!s->log_dir)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "source '%s': cannot restore the rate source without a checkpoint",
                           s->name);
    if (!r->started)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "source '%s': cannot restore offset %s: the start time file %s/0 is "
                           "missing from the checkpoint",
                           s->name, end, s->log_dir);
    r->planned_s = secs;
    int64_t end_ms = sat_add(r->creation_ms, sat_mul(secs, 1000));
    if (r->last_ms < end_ms)
        r->last_ms = end_ms;
    return 0;
}

static int rate_commit(SrtSource *s, const char *end, SrtErr *err)
{
    SRT_UNUSED(s);
    SRT_UNUSED(end);
    SRT_UNUSED(err);
    return 0;
}

static void rate_close(SrtSource *s)
{
    Rate *r = s->impl;
    if (!r)
        return;
    if (r->rows)
        srt_mem_free(r->mem, r->rows, sizeof(SrtDatum) * SRT_RUN_CHUNK_ROWS * RATE_COLS);
    srt_mem_free(r->mem, r, sizeof *r);
    s->impl = NULL;
}

static void rate_describe(SrtSource *s, SrtBuf *out)
{
    Rate *r = s->impl;
    /* Spark's RateStreamMicroBatchStream.toString, without a closing bracket (sic). */
    srt_buf_printf(out, "RateStreamV2[rowsPerSecond=%lld, rampUpTimeSeconds=%lld, numPartitions=%s",
                   (long long)r->rows_per_sec, (long long)r->ramp_up_s,
                   r->parts_text ? r->parts_text : "default");
}

void srt_source_rate_set_clock(SrtSource *s, SrtClockFn fn, void *ud)
{
    Rate *r = s->impl;
    if (r && (s->vt == &srt_source_rate_vt || s->vt == &srt_source_rate_micro_vt)) {
        r->clock = fn ? fn : wall_clock;
        r->clock_ud = ud;
    }
}

const SrtSourceVt srt_source_rate_vt = {
    .connector = "rate",
    .open = rate_open,
    .snapshot = rate_snapshot,
    .plan = rate_plan,
    .read = rate_read,
    .commit = rate_commit,
    .close = rate_close,
    .describe = rate_describe,
    .restore = rate_restore,
};

/* ======================================================================
** rate-micro-batch
** ====================================================================== */

static int micro_open(SrtSource *s, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    Rate *r;
    int rc = open_common(s, opts, schema, &r, err);
    if (rc < 0)
        return rc;
    if (!srt_opts_get(opts, "rowsPerBatch"))
        return srt_err_set(err, SRT_ERR_OPTION,
                           "source '%s': option 'rowsPerBatch' is required for connector "
                           "'rate-micro-batch'",
                           s->name);
    if ((rc = srt_opts_int(opts, "rowsPerBatch", 1, &r->rows_per_batch, err)) < 0 ||
        (rc = srt_opts_int(opts, "startTimestamp", 0, &r->start_ts_ms, err)) < 0 ||
        (rc = srt_opts_int(opts, "advanceMillisPerBatch", 0, &r->advance_ms, err)) < 0)
        return named(s, rc, err);
    r->next_off = 0;
    r->next_ts = r->start_ts_ms;
    return 0;
}

static int micro_snapshot(SrtSource *s, SrtErr *err)
{
    SRT_UNUSED(err);
    Rate *r = s->impl;
    r->snapshot = 1;
    return 0;
}

static int micro_plan(SrtSource *s, SrtReadLimit lim, SrtBuf *end, int *has_data, SrtErr *err)
{
    SRT_UNUSED(lim);
    Rate *r = s->impl;
    *has_data = 0;
    if (r->snapshot && r->snapshot_done)
        return 0;
    int64_t off = sat_add(r->next_off, r->rows_per_batch);
    int64_t ts;
    if (__builtin_add_overflow(r->next_ts, r->advance_ms, &ts))
        return srt_err_set(
            err, SRT_ERR_QUERY,
            "source '%s': the timestamp of the next batch overflows (%lld + %lld ms)", s->name,
            (long long)r->next_ts, (long long)r->advance_ms);
    srt_buf_clear(end);
    srt_buf_printf(end, "{\"offset\":%lld,\"timestamp\":%lld}", (long long)off, (long long)ts);
    if (end->oom)
        return srt_err_nomem(err, "offsets");
    r->next_off = off;
    r->next_ts = ts;
    r->snapshot_done = r->snapshot;
    *has_data = 1;
    return 0;
}

/* The integer after "key": in a JSON object; 0, or -1 if absent or not an integer. */
static int json_field(const char *json, const char *key, int64_t *out)
{
    size_t kn = strlen(key);
    for (const char *p = strchr(json, '"'); p; p = strchr(p + 1, '"')) {
        if (strncmp(p + 1, key, kn) != 0 || p[1 + kn] != '"')
            continue;
        const char *q = p + 2 + kn;
        while (isspace((unsigned char)*q))
            q++;
        if (*q != ':')
            return -1;
        q++;
        while (isspace((unsigned char)*q))
            q++;
        if (!(isdigit((unsigned char)*q) || (*q == '-' && isdigit((unsigned char)q[1]))))
            return -1;
        char *e;
        errno = 0;
        long long v = strtoll(q, &e, 10);
        if (errno || *e == '.' || *e == 'e' || *e == 'E')
            return -1;
        *out = v;
        return 0;
    }
    return -1;
}

static int micro_read(SrtSource *s, const char *start, const char *end, SrtReadFn fn, void *ctx,
                      SrtErr *err)
{
    Rate *r = s->impl;
    int64_t o0 = 0, t0 = r->start_ts_ms, o1, t1;
    if ((start &&
         (json_field(start, "offset", &o0) < 0 || json_field(start, "timestamp", &t0) < 0)) ||
        !end || json_field(end, "offset", &o1) < 0 || json_field(end, "timestamp", &t1) < 0 ||
        o0 < 0 || o1 < o0 || t1 < t0)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "source '%s': invalid rate-micro-batch offsets %s to %s", s->name,
                           start ? start : "start", end ? end : "null");
    if (o0 == o1)
        return 0;
    SrtRowRun base = {.fill = micro_fill, .n_cols = RATE_COLS, .origin = o0, .start_ms = t0};
    return read_runs(s, r, o0, o1, base, fn, ctx, err);
}

static int micro_restore(SrtSource *s, const char *end, SrtErr *err)
{
    Rate *r = s->impl;
    int64_t off, ts;
    if (!end || json_field(end, "offset", &off) < 0 || json_field(end, "timestamp", &ts) < 0 ||
        off < 0)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "source '%s': cannot restore rate-micro-batch from offset %s (expected "
                           "{\"offset\":N,\"timestamp\":MS})",
                           s->name, end ? end : "null");
    r->next_off = off;
    r->next_ts = ts;
    return 0;
}

static void micro_describe(SrtSource *s, SrtBuf *out)
{
    Rate *r = s->impl;
    /* Spark's RatePerMicroBatchStream.toString (its field is advanceMsPerBatch). */
    srt_buf_printf(out,
                   "RatePerMicroBatchStream[rowsPerBatch=%lld, numPartitions=%lld, "
                   "startTimestamp=%lld, advanceMsPerBatch=%lld]",
                   (long long)r->rows_per_batch, (long long)r->num_partitions,
                   (long long)r->start_ts_ms, (long long)r->advance_ms);
}

const SrtSourceVt srt_source_rate_micro_vt = {
    .connector = "rate-micro-batch",
    .open = micro_open,
    .snapshot = micro_snapshot,
    .plan = micro_plan,
    .read = micro_read,
    .commit = rate_commit,
    .close = rate_close,
    .describe = micro_describe,
    .restore = micro_restore,
};
