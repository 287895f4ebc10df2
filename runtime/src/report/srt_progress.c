/* srt_progress.c - a query's progress and status as Spark reports them
** (StreamingQueryProgress.json, StreamingQueryStatus.json), and the ring of its recent
** progress records (recentProgress / lastProgress).
**
** The JSON is Spark's compact rendering (json4s over Jackson): one line, no spaces, keys in
** the order of progress.scala's jsonValue.  Rules copied from there:
**   - doubles print as Java's Double.toString; NaN and the infinities leave the key out
**     (safeDoubleToJValue);
**   - map-valued fields (durationMs, eventTime, customMetrics, metrics) have sorted keys
**     and are left out entirely when empty (safeMapToJValue);
**   - offsets are parsed and re-rendered (tryParse): valid JSON is embedded compacted,
**     anything else becomes a JSON string, NULL is null;
**   - a NULL name (no queryName) is null.
** observedMetrics and the source/sink metrics maps are never filled here, so they are
** always empty and therefore never written.
*/
#include <math.h>
#include <string.h>

#include "srt_int.h"

/* ======================================================================
** Embedding offsets: validate and compact JSON text
** ====================================================================== */

#define JSON_MAX_DEPTH 64

typedef struct JScan {
    const char *p, *end;
    SrtBuf *out;
} JScan;

static void js_ws(JScan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

static int js_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int js_digits(JScan *s)
{
    const char *b = s->p;
    while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
        s->p++;
    return s->p > b;
}

/* A string token, copied as it is (escapes kept).  1 ok, 0 invalid. */
static int js_string(JScan *s)
{
    const char *b = s->p++; /* the opening quote */
    while (s->p < s->end && *s->p != '"') {
        unsigned char c = (unsigned char)*s->p;
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            if (++s->p >= s->end)
                return 0;
            if (*s->p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (s->p + i >= s->end || !js_hex(s->p[i]))
                        return 0;
                s->p += 4;
            } else if (!strchr("\"\\/bfnrt", *s->p) || *s->p == '\0') {
                return 0;
            }
        }
        s->p++;
    }
    if (s->p >= s->end)
        return 0;
    s->p++;
    srt_buf_put(s->out, b, (size_t)(s->p - b));
    return 1;
}

/* A number token as JSON defines it, copied as it is.  1 ok, 0 invalid. */
static int js_number(JScan *s)
{
    const char *b = s->p;
    if (*s->p == '-')
        s->p++;
    if (s->p < s->end && *s->p == '0')
        s->p++;
    else if (!js_digits(s))
        return 0;
    if (s->p < s->end && *s->p == '.') {
        s->p++;
        if (!js_digits(s))
            return 0;
    }
    if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
        s->p++;
        if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
            s->p++;
        if (!js_digits(s))
            return 0;
    }
    srt_buf_put(s->out, b, (size_t)(s->p - b));
    return 1;
}

static int js_literal(JScan *s, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n) != 0)
        return 0;
    s->p += n;
    srt_buf_put(s->out, word, n);
    return 1;
}

/* One value (leading whitespace skipped), written compactly.  1 ok, 0 invalid. */
static int js_value(JScan *s, int depth)
{
    js_ws(s);
    if (s->p >= s->end || depth > JSON_MAX_DEPTH)
        return 0;
    char c = *s->p;
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        srt_buf_putc(s->out, c);
        s->p++;
        js_ws(s);
        if (s->p < s->end && *s->p == close) {
            s->p++;
            srt_buf_putc(s->out, close);
            return 1;
        }
        for (;;) {
            if (c == '{') {
                js_ws(s);
                if (s->p >= s->end || *s->p != '"' || !js_string(s))
                    return 0;
                js_ws(s);
                if (s->p >= s->end || *s->p != ':')
                    return 0;
                s->p++;
                srt_buf_putc(s->out, ':');
            }
            if (!js_value(s, depth + 1))
                return 0;
            js_ws(s);
            if (s->p >= s->end)
                return 0;
            if (*s->p == close) {
                s->p++;
                srt_buf_putc(s->out, close);
                return 1;
            }
            if (*s->p != ',')
                return 0;
            s->p++;
            srt_buf_putc(s->out, ',');
        }
    }
    if (c == '"')
        return js_string(s);
    if (c == '-' || (c >= '0' && c <= '9'))
        return js_number(s);
    if (c == 't')
        return js_literal(s, "true");
    if (c == 'f')
        return js_literal(s, "false");
    if (c == 'n')
        return js_literal(s, "null");
    return 0;
}

/* Spark's tryParse: JSON text compacted, anything else as a string, NULL as null. */
static void put_offset(SrtBuf *out, const char *json)
{
    if (!json) {
        srt_buf_puts(out, "null");
        return;
    }
    size_t n = strlen(json);
    size_t mark = out->n;
    JScan s = {json, json + n, out};
    int ok = js_value(&s, 0);
    js_ws(&s);
    if (ok && s.p == s.end)
        return;
    if (!out->oom) { /* roll back what the scan wrote */
        out->n = mark;
        if (out->p)
            out->p[mark] = '\0';
    }
    srt_write_json_string(json, n, out);
}

/* ======================================================================
** Fields
** ====================================================================== */

/* ,"key": (comma unless first) */
static void put_key(SrtBuf *out, const char *key, int *first)
{
    if (!*first)
        srt_buf_putc(out, ',');
    *first = 0;
    srt_buf_putc(out, '"');
    srt_buf_puts(out, key);
    srt_buf_puts(out, "\":");
}

static void put_str(SrtBuf *out, const char *key, const char *v, int *first)
{
    put_key(out, key, first);
    if (v)
        srt_write_json_string(v, strlen(v), out);
    else
        srt_buf_puts(out, "null");
}

static void put_int(SrtBuf *out, const char *key, int64_t v, int *first)
{
    put_key(out, key, first);
    srt_buf_printf(out, "%lld", (long long)v);
}

/* NaN and the infinities are left out (safeDoubleToJValue). */
static void put_double(SrtBuf *out, const char *key, double v, int *first)
{
    if (!isfinite(v))
        return;
    char tmp[64];
    uint32_t n = srt_fmt_double(v, tmp);
    put_key(out, key, first);
    srt_buf_put(out, tmp, n);
}

/* A timestamp in ms as "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'" (UTC). */
static void put_ts(SrtBuf *out, const char *key, int64_t ms, int *first)
{
    const int64_t lim = INT64_MAX / 1000;
    if (ms > lim)
        ms = lim;
    else if (ms < -lim)
        ms = -lim;
    char tmp[48];
    uint32_t n = srt_fmt_ts_iso(ms * 1000, tmp);
    put_key(out, key, first);
    srt_buf_putc(out, '"');
    srt_buf_put(out, tmp, n);
    srt_buf_putc(out, '"');
}

static const char *const dur_names[SRT_DUR_N] = {
    "addBatch",      "commitOffsets",    "getBatch",  "latestOffset",
    "queryPlanning", "triggerExecution", "walCommit",
};

const char *srt_progress_duration_name(int i)
{
    return dur_names[i];
}

static void put_durations(SrtBuf *out, const int64_t *d, int *first)
{
    int any = 0;
    for (int i = 0; i < SRT_DUR_N; i++)
        any |= d[i] >= 0;
    if (!any)
        return;
    put_key(out, "durationMs", first);
    srt_buf_putc(out, '{');
    int f = 1;
    for (int i = 0; i < SRT_DUR_N; i++) /* the enum is in sorted key order */
        if (d[i] >= 0)
            put_int(out, dur_names[i], d[i], &f);
    srt_buf_putc(out, '}');
}

static void put_event_time(SrtBuf *out, const SrtProgress *p, int *first)
{
    if (!p->has_watermark)
        return;
    put_key(out, "eventTime", first);
    srt_buf_putc(out, '{');
    int f = 1;
    if (p->has_event_stats) {
        put_ts(out, "avg", p->event_avg_ms, &f);
        put_ts(out, "max", p->event_max_ms, &f);
        put_ts(out, "min", p->event_min_ms, &f);
    }
    put_ts(out, "watermark", p->watermark_ms, &f);
    srt_buf_putc(out, '}');
}

/* One StateOperatorProgress; customMetrics is empty, so it is left out. */
static void put_state_op(SrtBuf *out, const SrtStateOpProgress *o)
{
    int f = 1;
    srt_buf_putc(out, '{');
    put_str(out, "operatorName", o->operator_name, &f);
    put_int(out, "numRowsTotal", o->num_rows_total, &f);
    put_int(out, "numRowsUpdated", o->num_rows_updated, &f);
    put_int(out, "allUpdatesTimeMs", o->all_updates_time_ms, &f);
    put_int(out, "numRowsRemoved", o->num_rows_removed, &f);
    put_int(out, "allRemovalsTimeMs", o->all_removals_time_ms, &f);
    put_int(out, "commitTimeMs", o->commit_time_ms, &f);
    put_int(out, "memoryUsedBytes", o->memory_used_bytes, &f);
    put_int(out, "numRowsDroppedByWatermark", o->num_rows_dropped_by_watermark, &f);
    put_int(out, "numShufflePartitions", 1, &f);
    put_int(out, "numStateStoreInstances", o->num_state_store_instances, &f);
    srt_buf_putc(out, '}');
}

/* ======================================================================
** Progress and status
** ====================================================================== */

/* One SourceProgress of `sources`. */
static void put_source(SrtBuf *out, const SrtSourceProgress *sp)
{
    srt_buf_putc(out, '{');
    int sf = 1;
    put_str(out, "description", sp->description, &sf);
    put_key(out, "startOffset", &sf);
    put_offset(out, sp->start_offset);
    put_key(out, "endOffset", &sf);
    put_offset(out, sp->end_offset);
    put_key(out, "latestOffset", &sf);
    put_offset(out, sp->latest_offset);
    put_int(out, "numInputRows", sp->num_input_rows, &sf);
    put_double(out, "inputRowsPerSecond", sp->input_rows_per_second, &sf);
    put_double(out, "processedRowsPerSecond", sp->processed_rows_per_second, &sf);
    if (sp->metrics && *sp->metrics) { /* sorted by the source, never empty */
        put_key(out, "metrics", &sf);
        srt_buf_puts(out, sp->metrics);
    }
    srt_buf_putc(out, '}');
}

void srt_progress_json(const SrtProgress *p, SrtBuf *out)
{
    int f = 1;
    srt_buf_putc(out, '{');
    put_str(out, "id", p->id, &f);
    put_str(out, "runId", p->run_id, &f);
    put_str(out, "name", p->name, &f);
    put_ts(out, "timestamp", p->timestamp_ms, &f);
    put_int(out, "batchId", p->batch_id, &f);
    put_int(out, "numInputRows", p->num_input_rows, &f);
    put_double(out, "inputRowsPerSecond", p->input_rows_per_second, &f);
    put_double(out, "processedRowsPerSecond", p->processed_rows_per_second, &f);
    put_durations(out, p->duration_ms, &f);
    put_event_time(out, p, &f);

    put_key(out, "stateOperators", &f);
    srt_buf_putc(out, '[');
    for (int i = 0; i < p->n_ops; i++) {
        if (i)
            srt_buf_putc(out, ',');
        put_state_op(out, &p->ops[i]);
    }
    srt_buf_putc(out, ']');

    put_key(out, "sources", &f);
    srt_buf_putc(out, '[');
    const SrtSourceProgress one = {p->source_description, p->start_offset, p->end_offset,
                                   p->latest_offset, p->source_metrics, p->num_input_rows,
                                   p->input_rows_per_second, p->processed_rows_per_second};
    for (int i = 0; i < (p->n_sources ? p->n_sources : 1); i++) {
        if (i)
            srt_buf_putc(out, ',');
        put_source(out, p->n_sources ? &p->sources[i] : &one);
    }
    srt_buf_putc(out, ']');

    put_key(out, "sink", &f);
    srt_buf_putc(out, '{');
    int kf = 1;
    put_str(out, "description", p->sink_description, &kf);
    put_int(out, "numOutputRows", p->sink_output_rows, &kf);
    srt_buf_puts(out, "}}");
}

void srt_status_json(const SrtStatus *s, SrtBuf *out)
{
    int f = 1;
    srt_buf_putc(out, '{');
    put_str(out, "message", s->message, &f);
    put_key(out, "isDataAvailable", &f);
    srt_buf_puts(out, s->is_data_available ? "true" : "false");
    put_key(out, "isTriggerActive", &f);
    srt_buf_puts(out, s->is_trigger_active ? "true" : "false");
    srt_buf_putc(out, '}');
}

/* ======================================================================
** Recent progress
** ====================================================================== */

void srt_progress_ring_init(SrtProgressRing *r, SrtMem *m)
{
    memset(r, 0, sizeof *r);
    r->mem = m;
}

void srt_progress_ring_free(SrtProgressRing *r)
{
    for (int i = 0; i < SRT_RECENT_PROGRESS; i++) {
        if (r->json[i])
            srt_mem_free(r->mem, r->json[i], r->len[i] + 1);
        r->json[i] = NULL;
        r->len[i] = 0;
    }
    r->n = 0;
}

int srt_progress_ring_add(SrtProgressRing *r, const char *json, size_t n)
{
    char *copy = srt_mem_alloc(r->mem, n + 1);
    if (!copy)
        return -SRT_ERR_NOMEM;
    memcpy(copy, json, n);
    copy[n] = '\0';
    int slot = (int)(r->n % SRT_RECENT_PROGRESS);
    if (r->json[slot]) /* the oldest record */
        srt_mem_free(r->mem, r->json[slot], r->len[slot] + 1);
    r->json[slot] = copy;
    r->len[slot] = n;
    r->n++;
    return 0;
}

const char *srt_progress_ring_get(const SrtProgressRing *r, int64_t k)
{
    int64_t kept = r->n < SRT_RECENT_PROGRESS ? r->n : SRT_RECENT_PROGRESS;
    if (k < 0 || k >= kept)
        return NULL;
    return r->json[(r->n - 1 - k) % SRT_RECENT_PROGRESS];
}
