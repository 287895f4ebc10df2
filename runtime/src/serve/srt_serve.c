/* srt_serve.c - the executable's HTTP server (--serve): the queries' status and progress,
** Prometheus metrics, the memory sink's tables and a stop per query, as docs/operations.md
** ("Serving HTTP") describes: the contract the live page and `sluice sql --connect` rely on.
**
** libmicrohttpd does the HTTP, in its own threads (one per connection, at most 64).  It is
** loaded with dlopen on --serve only: an executable that does not serve never loads it or
** the TLS libraries it depends on (its start-up is unchanged).  The queries run in the main
** thread; what the handlers read of a query is guarded by its SrtLive lock (status, the
** recentProgress ring, the figures of the last progress), and a table is read through a
** referenced snapshot (srt_sink_memory.c), so a slow client never holds up a batch.
**
** Security: the loopback unless told otherwise, and another address only with a bearer
** token (checked in constant time on every request); read-only but for POST .../stop;
** requests whose URL or body exceed 64 KiB are refused with 413; nothing reads files.
*/
#include <dlfcn.h>
#include <math.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "srt_int.h"
#include "serve/srt_serve_page.h"

#define REQUEST_MAX ((size_t)64 << 10) /* URL or body: beyond, 413 */
#define LIVE_OPS 16                    /* operators whose figures /metrics shows */
#define STOP_WAIT_US 30000000          /* how long POST stop waits for the query */

typedef struct SrtLiveOp {
    const char *name; /* static: Spark's operator shortName */
    int64_t rows, bytes;
} SrtLiveOp;

typedef struct SrtLive {
    pthread_mutex_t lock; /* guards the query's status and recent, and what follows */
    atomic_int stop;      /* POST stop was asked */
    int active;
    int64_t last_batch_id; /* -1: none yet */
    int64_t input_rows_total;
    int has_rates;
    double input_rps, processed_rps;
    int64_t duration_ms[SRT_DUR_N];
    int has_watermark;
    int64_t watermark_ms, timestamp_ms;
    int64_t dropped_total;
    SrtLiveOp ops[LIVE_OPS];
    int n_ops;
} SrtLive;

/* The libmicrohttpd functions used, found with dlsym. */
typedef struct Mhd {
    void *so;
    __typeof__(MHD_start_daemon) *start_daemon;
    __typeof__(MHD_stop_daemon) *stop_daemon;
    __typeof__(MHD_quiesce_daemon) *quiesce_daemon;
    __typeof__(MHD_get_daemon_info) *get_daemon_info;
    __typeof__(MHD_lookup_connection_value) *lookup_connection_value;
    __typeof__(MHD_create_response_from_buffer) *create_response_from_buffer;
    __typeof__(MHD_add_response_header) *add_response_header;
    __typeof__(MHD_queue_response) *queue_response;
    __typeof__(MHD_destroy_response) *destroy_response;
} Mhd;

struct SrtServe {
    Mhd mhd;
    struct MHD_Daemon *daemon;
    SrtQuery **qs; /* borrowed */
    int n;
    const char *token; /* borrowed; NULL: none */
    atomic_int in_flight;
};

/* One request: the body bytes seen so far. */
typedef struct Req {
    size_t body;
} Req;

/* ======================================================================
** The live side: called from the query's thread
** ====================================================================== */

void srt_live_lock(SrtQuery *q)
{
    if (q->live)
        pthread_mutex_lock(&q->live->lock);
}

void srt_live_unlock(SrtQuery *q)
{
    if (q->live)
        pthread_mutex_unlock(&q->live->lock);
}

void srt_live_progress(SrtQuery *q, const SrtProgress *p, int idle)
{
    SrtLive *l = q->live;
    if (!l)
        return;
    pthread_mutex_lock(&l->lock);
    if (!idle)
        l->last_batch_id = p->batch_id;
    l->input_rows_total = q->total_input_rows;
    l->has_rates = 1;
    l->input_rps = p->input_rows_per_second;
    l->processed_rps = p->processed_rows_per_second;
    memcpy(l->duration_ms, p->duration_ms, sizeof l->duration_ms);
    l->has_watermark = p->has_watermark;
    l->watermark_ms = p->watermark_ms;
    l->timestamp_ms = p->timestamp_ms;
    l->n_ops = p->n_ops < LIVE_OPS ? p->n_ops : LIVE_OPS;
    for (int i = 0; i < p->n_ops; i++) {
        if (!idle)
            l->dropped_total += p->ops[i].num_rows_dropped_by_watermark;
        if (i < LIVE_OPS)
            l->ops[i] = (SrtLiveOp){p->ops[i].operator_name, p->ops[i].num_rows_total,
                                    p->ops[i].memory_used_bytes};
    }
    pthread_mutex_unlock(&l->lock);
}

int srt_live_stop_requested(const SrtQuery *q)
{
    return q->live && atomic_load(&q->live->stop);
}

void srt_live_finished(SrtQuery *q)
{
    if (!q->live)
        return;
    pthread_mutex_lock(&q->live->lock);
    q->live->active = 0;
    pthread_mutex_unlock(&q->live->lock);
}

/* ======================================================================
** Responses
** ====================================================================== */

static enum MHD_Result reply(SrtServe *s, struct MHD_Connection *c, unsigned code,
                             const char *ctype, const char *body, size_t n, int64_t batch)
{
    struct MHD_Response *r =
        s->mhd.create_response_from_buffer(n, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    s->mhd.add_response_header(r, "Content-Type", ctype);
    s->mhd.add_response_header(r, "Cache-Control", "no-store");
    s->mhd.add_response_header(r, "X-Content-Type-Options", "nosniff");
    if (code == MHD_HTTP_UNAUTHORIZED)
        s->mhd.add_response_header(r, "WWW-Authenticate", "Bearer");
    if (code == MHD_HTTP_METHOD_NOT_ALLOWED)
        s->mhd.add_response_header(r, "Allow", body && strstr(body, "POST") ? "POST" : "GET, HEAD");
    if (batch != INT64_MIN) {
        char id[32];
        snprintf(id, sizeof id, "%lld", (long long)batch);
        s->mhd.add_response_header(r, "X-Sluice-Batch-Id", id);
    }
    enum MHD_Result rc = s->mhd.queue_response(c, code, r);
    s->mhd.destroy_response(r);
    return rc;
}

static enum MHD_Result reply_json(SrtServe *s, struct MHD_Connection *c, SrtBuf *b)
{
    if (b->oom)
        return reply(s, c, MHD_HTTP_INTERNAL_SERVER_ERROR, "application/json",
                     "{\"error\":\"out of memory\"}", 25, INT64_MIN);
    return reply(s, c, MHD_HTTP_OK, "application/json", b->p ? b->p : "", b->n, INT64_MIN);
}

static enum MHD_Result reply_error(SrtServe *s, struct MHD_Connection *c, unsigned code,
                                   const char *msg)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtBuf b;
    srt_buf_init(&b, &m);
    srt_buf_puts(&b, "{\"error\":");
    srt_write_json_string(msg, strlen(msg), &b);
    srt_buf_putc(&b, '}');
    enum MHD_Result rc = reply(s, c, code, "application/json", srt_buf_cstr(&b), b.n, INT64_MIN);
    srt_buf_free(&b);
    return rc;
}

/* ======================================================================
** The API
** ====================================================================== */

static SrtQuery *find_query(SrtServe *s, const char *name, size_t n)
{
    for (int i = 0; i < s->n; i++)
        if (strlen(s->qs[i]->name) == n && strncasecmp(s->qs[i]->name, name, n) == 0)
            return s->qs[i];
    return NULL;
}

static SrtMemTable *find_table(SrtServe *s, const char *name, size_t n)
{
    for (int i = 0; i < s->n; i++) {
        SrtMemTable *t = srt_sink_memory_table(&s->qs[i]->sink);
        if (t && strlen(srt_memtab_name(t)) == n && strncasecmp(srt_memtab_name(t), name, n) == 0)
            return t;
    }
    return NULL;
}

static void put_str(SrtBuf *b, const char *s)
{
    srt_write_json_string(s, strlen(s), b);
}

static void put_id_or_null(SrtBuf *b, int64_t v)
{
    if (v < 0)
        srt_buf_puts(b, "null");
    else
        srt_buf_printf(b, "%lld", (long long)v);
}

static void query_json(SrtQuery *q, SrtBuf *b)
{
    srt_buf_puts(b, "{\"id\":");
    put_str(b, q->id);
    srt_buf_puts(b, ",\"runId\":");
    put_str(b, q->run_id);
    srt_buf_puts(b, ",\"name\":");
    put_str(b, q->name);
    srt_buf_puts(b, ",\"status\":");
    pthread_mutex_lock(&q->live->lock);
    srt_status_json(&q->status, b);
    int active = q->live->active;
    int64_t last = q->live->last_batch_id;
    pthread_mutex_unlock(&q->live->lock);
    srt_buf_puts(b, ",\"sink\":");
    SrtBuf k;
    srt_buf_init(&k, b->mem);
    srt_buf_printf(&k, "%s:%s", q->sink.vt->connector, q->sink.name ? q->sink.name : "");
    put_str(b, srt_buf_cstr(&k));
    srt_buf_free(&k);
    srt_buf_printf(b, ",\"active\":%s,\"lastBatchId\":", active ? "true" : "false");
    put_id_or_null(b, last);
    srt_buf_putc(b, '}');
}

static void table_json(SrtQuery *q, SrtMemTable *t, const SrtMemSnap *snap, SrtBuf *b)
{
    srt_buf_puts(b, "{\"name\":");
    put_str(b, srt_memtab_name(t));
    srt_buf_puts(b, ",\"query\":");
    put_str(b, q->name);
    srt_buf_puts(b, ",\"batchId\":");
    put_id_or_null(b, srt_memsnap_batch(snap));
    srt_buf_printf(b, ",\"rows\":%lld,\"bytes\":%lld,\"columns\":[",
                   (long long)srt_memsnap_rows(snap), (long long)srt_memsnap_bytes(snap));
    const char *const *names, *const *types;
    uint32_t n = srt_memtab_columns(t, &names, &types);
    for (uint32_t j = 0; j < n; j++) {
        srt_buf_puts(b, j ? ",{\"name\":" : "{\"name\":");
        put_str(b, names[j]);
        srt_buf_puts(b, ",\"type\":");
        put_str(b, types[j]);
        srt_buf_putc(b, '}');
    }
    srt_buf_puts(b, "]}");
}

/* The query whose sink holds t. */
static SrtQuery *table_query(SrtServe *s, const SrtMemTable *t)
{
    for (int i = 0; i < s->n; i++)
        if (srt_sink_memory_table(&s->qs[i]->sink) == t)
            return s->qs[i];
    return NULL;
}

/* ?last=N: 0 with *n set (default: all kept), -1 for a bad value. */
static int arg_last(SrtServe *s, struct MHD_Connection *c, int64_t *n)
{
    const char *v = s->mhd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "last");
    *n = SRT_RECENT_PROGRESS;
    if (!v)
        return 0;
    char *end;
    long long x = strtoll(v, &end, 10);
    if (!*v || *end || x < 0 || v[0] == '+' || v[0] == '-')
        return -1;
    *n = x < SRT_RECENT_PROGRESS ? x : SRT_RECENT_PROGRESS;
    return 0;
}

static enum MHD_Result api_query(SrtServe *s, struct MHD_Connection *c, const char *rest,
                                 int post)
{
    const char *slash = strchr(rest, '/');
    if (!slash)
        return reply_error(s, c, MHD_HTTP_NOT_FOUND, "no such endpoint");
    const char *what = slash + 1;
    int is_stop = strcmp(what, "stop") == 0;
    if (!is_stop && strcmp(what, "status") != 0 && strcmp(what, "progress") != 0 &&
        strcmp(what, "lastProgress") != 0)
        return reply_error(s, c, MHD_HTTP_NOT_FOUND, "no such endpoint");
    if (is_stop != post)
        return reply_error(s, c, MHD_HTTP_METHOD_NOT_ALLOWED,
                           is_stop ? "method not allowed: use POST" : "method not allowed: use GET");
    SrtQuery *q = find_query(s, rest, (size_t)(slash - rest));
    if (!q) {
        char msg[300];
        snprintf(msg, sizeof msg, "no query named '%.*s'", (int)((slash - rest) & 0xff), rest);
        return reply_error(s, c, MHD_HTTP_NOT_FOUND, msg);
    }
    SrtMem m;
    srt_mem_init(&m);
    SrtBuf b;
    srt_buf_init(&b, &m);
    if (is_stop) {
        atomic_store(&q->live->stop, 1);
        int64_t until = srt_mono_us() + STOP_WAIT_US;
        for (;;) {
            pthread_mutex_lock(&q->live->lock);
            int active = q->live->active;
            pthread_mutex_unlock(&q->live->lock);
            if (!active || srt_mono_us() > until)
                break;
            struct timespec ts = {0, 5000000};
            nanosleep(&ts, NULL);
        }
        pthread_mutex_lock(&q->live->lock);
        int active = q->live->active;
        pthread_mutex_unlock(&q->live->lock);
        srt_buf_puts(&b, "{\"name\":");
        put_str(&b, q->name);
        srt_buf_printf(&b, ",\"active\":%s}", active ? "true" : "false");
    } else if (strcmp(what, "status") == 0) {
        pthread_mutex_lock(&q->live->lock);
        srt_status_json(&q->status, &b);
        pthread_mutex_unlock(&q->live->lock);
    } else if (strcmp(what, "lastProgress") == 0) {
        pthread_mutex_lock(&q->live->lock);
        const char *p = srt_progress_ring_get(&q->recent, 0);
        srt_buf_puts(&b, p ? p : "null");
        pthread_mutex_unlock(&q->live->lock);
    } else {
        int64_t last;
        if (arg_last(s, c, &last) < 0) {
            srt_buf_free(&b);
            return reply_error(s, c, MHD_HTTP_BAD_REQUEST,
                               "invalid value for 'last': expected a non-negative integer");
        }
        srt_buf_putc(&b, '[');
        pthread_mutex_lock(&q->live->lock);
        int64_t have = q->recent.n < SRT_RECENT_PROGRESS ? q->recent.n : SRT_RECENT_PROGRESS;
        int64_t k = last < have ? last : have;
        for (int64_t i = k - 1; i >= 0; i--) {
            if (i != k - 1)
                srt_buf_putc(&b, ',');
            srt_buf_puts(&b, srt_progress_ring_get(&q->recent, i));
        }
        pthread_mutex_unlock(&q->live->lock);
        srt_buf_putc(&b, ']');
    }
    enum MHD_Result rc = reply_json(s, c, &b);
    srt_buf_free(&b);
    return rc;
}

/* The format of GET /api/tables/{name}: ?format=, else the Accept header, else jsonl. */
static int table_format(SrtServe *s, struct MHD_Connection *c, SrtMemFormat *f)
{
    const char *v = s->mhd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "format");
    *f = SRT_MEMFMT_JSONL;
    if (v) {
        if (strcmp(v, "jsonl") == 0)
            *f = SRT_MEMFMT_JSONL;
        else if (strcmp(v, "csv") == 0)
            *f = SRT_MEMFMT_CSV;
        else if (strcmp(v, "json") == 0)
            *f = SRT_MEMFMT_JSON;
        else
            return -1;
        return 0;
    }
    const char *a = s->mhd.lookup_connection_value(c, MHD_HEADER_KIND, "Accept");
    if (a && strstr(a, "application/x-ndjson"))
        *f = SRT_MEMFMT_JSONL;
    else if (a && strstr(a, "text/csv"))
        *f = SRT_MEMFMT_CSV;
    else if (a && strstr(a, "application/json"))
        *f = SRT_MEMFMT_JSON;
    return 0;
}

static enum MHD_Result api_tables(SrtServe *s, struct MHD_Connection *c, const char *rest)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtBuf b;
    srt_buf_init(&b, &m);
    if (!rest) { /* the list */
        srt_buf_putc(&b, '[');
        int first = 1;
        for (int i = 0; i < s->n; i++) {
            SrtMemTable *t = srt_sink_memory_table(&s->qs[i]->sink);
            if (!t)
                continue;
            if (!first)
                srt_buf_putc(&b, ',');
            first = 0;
            const SrtMemSnap *snap = srt_memtab_acquire(t);
            table_json(s->qs[i], t, snap, &b);
            srt_memtab_release(t, snap);
        }
        srt_buf_putc(&b, ']');
        enum MHD_Result rc = reply_json(s, c, &b);
        srt_buf_free(&b);
        return rc;
    }
    const char *slash = strchr(rest, '/');
    size_t n = slash ? (size_t)(slash - rest) : strlen(rest);
    if (slash && strcmp(slash, "/schema") != 0) {
        srt_buf_free(&b);
        return reply_error(s, c, MHD_HTTP_NOT_FOUND, "no such endpoint");
    }
    SrtMemTable *t = find_table(s, rest, n);
    if (!t) {
        char msg[300];
        snprintf(msg, sizeof msg, "no table named '%.*s'", (int)(n & 0xff), rest);
        srt_buf_free(&b);
        return reply_error(s, c, MHD_HTTP_NOT_FOUND, msg);
    }
    SrtMemFormat f = SRT_MEMFMT_JSONL;
    if (!slash && table_format(s, c, &f) < 0) {
        srt_buf_free(&b);
        return reply_error(s, c, MHD_HTTP_BAD_REQUEST,
                           "invalid value for 'format': expected jsonl, csv or json");
    }
    const SrtMemSnap *snap = srt_memtab_acquire(t);
    int64_t batch = srt_memsnap_batch(snap);
    enum MHD_Result rc;
    if (slash) {
        table_json(table_query(s, t), t, snap, &b);
        srt_memtab_release(t, snap);
        rc = reply_json(s, c, &b);
    } else {
        SrtErr err;
        srt_err_clear(&err);
        int bad = srt_memsnap_write(t, snap, f, &b, &err);
        srt_memtab_release(t, snap);
        static const char *const ctypes[] = {"application/x-ndjson", "text/csv; charset=utf-8",
                                             "application/json"};
        if (bad < 0)
            rc = reply_error(s, c, MHD_HTTP_NOT_ACCEPTABLE, err.msg);
        else if (b.oom)
            rc = reply_error(s, c, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
        else
            rc = reply(s, c, MHD_HTTP_OK, ctypes[f], b.p ? b.p : "", b.n, batch);
    }
    srt_buf_free(&b);
    return rc;
}

/* ======================================================================
** /metrics: Prometheus text format 0.0.4
** ====================================================================== */

/* A label value: backslash, double quote and newline escaped. */
static void put_label(SrtBuf *b, const char *v)
{
    for (; *v; v++) {
        if (*v == '\\' || *v == '"')
            srt_buf_putc(b, '\\');
        if (*v == '\n') {
            srt_buf_puts(b, "\\n");
            continue;
        }
        srt_buf_putc(b, *v);
    }
}

static void put_num(SrtBuf *b, double v)
{
    if (isnan(v))
        srt_buf_puts(b, "NaN");
    else if (isinf(v))
        srt_buf_puts(b, v > 0 ? "+Inf" : "-Inf");
    else if (v == (double)(int64_t)v && fabs(v) < 9e15)
        srt_buf_printf(b, "%lld", (long long)v);
    else
        srt_buf_printf(b, "%.17g", v);
}

enum {
    M_INPUT_TOTAL,
    M_INPUT_RPS,
    M_PROCESSED_RPS,
    M_DURATION,
    M_STATE_ROWS,
    M_STATE_BYTES,
    M_WATERMARK,
    M_WATERMARK_LAG,
    M_DROPPED,
    M_TABLE_ROWS,
    M_TABLE_BYTES,
    M_N
};

static const struct {
    const char *name, *type, *help;
} metric_info[M_N] = {
    {"sluice_input_rows_total", "counter", "Rows the query read from its sources."},
    {"sluice_input_rows_per_second", "gauge", "inputRowsPerSecond of the last progress."},
    {"sluice_processed_rows_per_second", "gauge", "processedRowsPerSecond of the last progress."},
    {"sluice_batch_duration_seconds", "gauge", "durationMs of the last progress by phase."},
    {"sluice_state_rows", "gauge", "numRowsTotal of a stateful operator."},
    {"sluice_state_bytes", "gauge", "memoryUsedBytes of a stateful operator."},
    {"sluice_watermark_seconds", "gauge", "The event-time watermark, seconds since the epoch."},
    {"sluice_watermark_lag_seconds", "gauge",
     "The last trigger's start minus the watermark, in seconds."},
    {"sluice_rows_dropped_by_watermark_total", "counter",
     "Rows the stateful operators dropped as late."},
    {"sluice_memory_table_rows", "gauge", "Rows held by a memory sink's table."},
    {"sluice_memory_table_bytes", "gauge", "Bytes held by a memory sink's table."},
};

/* One sample: name{query="q"[,key="value"]} value. */
static void sample(SrtBuf *b, int m, const char *query, const char *key, const char *value,
                   double v)
{
    srt_buf_puts(b, metric_info[m].name);
    srt_buf_puts(b, "{query=\"");
    put_label(b, query);
    srt_buf_putc(b, '"');
    if (key) {
        srt_buf_printf(b, ",%s=\"", key);
        put_label(b, value);
        srt_buf_putc(b, '"');
    }
    srt_buf_puts(b, "} ");
    put_num(b, v);
    srt_buf_putc(b, '\n');
}

static void metric_samples(SrtServe *s, int m, SrtBuf *b)
{
    for (int i = 0; i < s->n; i++) {
        SrtQuery *q = s->qs[i];
        SrtLive *l = q->live;
        if (m == M_TABLE_ROWS || m == M_TABLE_BYTES) {
            SrtMemTable *t = srt_sink_memory_table(&q->sink);
            if (!t)
                continue;
            const SrtMemSnap *snap = srt_memtab_acquire(t);
            double v = (double)(m == M_TABLE_ROWS ? srt_memsnap_rows(snap) : srt_memsnap_bytes(snap));
            srt_memtab_release(t, snap);
            sample(b, m, q->name, "table", srt_memtab_name(t), v);
            continue;
        }
        pthread_mutex_lock(&l->lock);
        switch (m) {
        case M_INPUT_TOTAL:
            sample(b, m, q->name, NULL, NULL, (double)l->input_rows_total);
            break;
        case M_INPUT_RPS:
        case M_PROCESSED_RPS: {
            double v = m == M_INPUT_RPS ? l->input_rps : l->processed_rps;
            if (l->has_rates && isfinite(v))
                sample(b, m, q->name, NULL, NULL, v);
            break;
        }
        case M_DURATION:
            for (int k = 0; l->has_rates && k < SRT_DUR_N; k++)
                if (l->duration_ms[k] >= 0)
                    sample(b, m, q->name, "phase", srt_progress_duration_name(k), (double)l->duration_ms[k] / 1e3);
            break;
        case M_STATE_ROWS:
        case M_STATE_BYTES:
            for (int k = 0; k < l->n_ops; k++) {
                /* A repeated operator name gets its position, so no series repeats. */
                char label[96];
                int dup = 0;
                for (int j = 0; j < k; j++)
                    dup |= strcmp(l->ops[j].name, l->ops[k].name) == 0;
                if (dup)
                    snprintf(label, sizeof label, "%s_%d", l->ops[k].name, k);
                else
                    snprintf(label, sizeof label, "%s", l->ops[k].name);
                sample(b, m, q->name, "operator", label,
                       (double)(m == M_STATE_ROWS ? l->ops[k].rows : l->ops[k].bytes));
            }
            break;
        case M_WATERMARK:
            if (l->has_watermark)
                sample(b, m, q->name, NULL, NULL, (double)l->watermark_ms / 1e3);
            break;
        case M_WATERMARK_LAG:
            if (l->has_watermark)
                sample(b, m, q->name, NULL, NULL,
                       (double)(l->timestamp_ms - l->watermark_ms) / 1e3);
            break;
        case M_DROPPED:
            if (l->n_ops)
                sample(b, m, q->name, NULL, NULL, (double)l->dropped_total);
            break;
        }
        pthread_mutex_unlock(&l->lock);
    }
}

static enum MHD_Result metrics(SrtServe *s, struct MHD_Connection *c)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtBuf b;
    srt_buf_init(&b, &mem);
    for (int m = 0; m < M_N; m++) {
        srt_buf_printf(&b, "# HELP %s %s\n# TYPE %s %s\n", metric_info[m].name, metric_info[m].help,
                       metric_info[m].name, metric_info[m].type);
        metric_samples(s, m, &b);
    }
    enum MHD_Result rc =
        b.oom ? reply_error(s, c, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory")
              : reply(s, c, MHD_HTTP_OK, "text/plain; version=0.0.4; charset=utf-8",
                      srt_buf_cstr(&b), b.n, INT64_MIN);
    srt_buf_free(&b);
    return rc;
}

/* ======================================================================
** Requests
** ====================================================================== */

/* Whether the Authorization header is "Bearer <token>", comparing in constant time (for a
   given token length: every byte of the longer string is looked at). */
static int authorized(SrtServe *s, struct MHD_Connection *c)
{
    if (!s->token)
        return 1;
    const char *h = s->mhd.lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
    if (!h || strncmp(h, "Bearer ", 7) != 0)
        return 0;
    h += 7;
    size_t hn = strlen(h), tn = strlen(s->token), n = hn > tn ? hn : tn;
    unsigned char diff = (unsigned char)(hn != tn);
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)((i < hn ? h[i] : 0) ^ (i < tn ? s->token[i] : 0));
    return diff == 0;
}

static enum MHD_Result route(SrtServe *s, struct MHD_Connection *c, const char *url,
                             const char *method)
{
    int get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    int post = strcmp(method, "POST") == 0;
    if (!authorized(s, c))
        return reply_error(s, c, MHD_HTTP_UNAUTHORIZED,
                           "missing or wrong bearer token (Authorization: Bearer TOKEN)");
    if (strncmp(url, "/api/queries/", 13) == 0 && url[13])
        return get || post ? api_query(s, c, url + 13, post)
                           : reply_error(s, c, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed");
    int known = strcmp(url, "/api/queries") == 0 || strcmp(url, "/api/tables") == 0 ||
                strncmp(url, "/api/tables/", 12) == 0 || strcmp(url, "/metrics") == 0;
    if (known && !get)
        return reply_error(s, c, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed: use GET");
    if (strcmp(url, "/api/queries") == 0) {
        SrtMem m;
        srt_mem_init(&m);
        SrtBuf b;
        srt_buf_init(&b, &m);
        srt_buf_putc(&b, '[');
        for (int i = 0; i < s->n; i++) {
            if (i)
                srt_buf_putc(&b, ',');
            query_json(s->qs[i], &b);
        }
        srt_buf_putc(&b, ']');
        enum MHD_Result rc = reply_json(s, c, &b);
        srt_buf_free(&b);
        return rc;
    }
    if (strcmp(url, "/api/tables") == 0)
        return api_tables(s, c, NULL);
    if (strncmp(url, "/api/tables/", 12) == 0 && url[12])
        return api_tables(s, c, url + 12);
    if (strcmp(url, "/metrics") == 0)
        return metrics(s, c);
    if (strncmp(url, "/api/", 5) != 0) {
        const char *body = NULL, *ctype = NULL;
        size_t n = 0;
        if (srt_serve_page(url, &body, &n, &ctype) == 200) {
            if (!get)
                return reply_error(s, c, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed: use GET");
            return reply(s, c, MHD_HTTP_OK, ctype, body, n, INT64_MIN);
        }
    }
    return reply_error(s, c, MHD_HTTP_NOT_FOUND, "no such endpoint");
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **con_cls)
{
    SRT_UNUSED(version);
    SRT_UNUSED(upload_data);
    SrtServe *s = cls;
    Req *r = *con_cls;
    if (!r) { /* the headers: refuse what is too big before reading a body */
        if (!(r = calloc(1, sizeof *r)))
            return MHD_NO;
        *con_cls = r;
        const char *len = s->mhd.lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if (strlen(url) > REQUEST_MAX || (len && strtoull(len, NULL, 10) > REQUEST_MAX)) {
            r->body = REQUEST_MAX + 1;
            return reply_error(s, c, MHD_HTTP_CONTENT_TOO_LARGE, "request too large (64 KiB at most)");
        }
        return MHD_YES;
    }
    if (*upload_size) { /* a body (chunked, or within its Content-Length): counted, dropped */
        r->body += *upload_size;
        *upload_size = 0;
        return MHD_YES;
    }
    if (r->body > REQUEST_MAX)
        return reply_error(s, c, MHD_HTTP_CONTENT_TOO_LARGE, "request too large (64 KiB at most)");
    atomic_fetch_add(&s->in_flight, 1);
    enum MHD_Result rc = route(s, c, url, method);
    atomic_fetch_sub(&s->in_flight, 1);
    return rc;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    SRT_UNUSED(cls);
    SRT_UNUSED(c);
    SRT_UNUSED(toe);
    free(*con_cls);
    *con_cls = NULL;
}

/* ======================================================================
** Start and stop
** ====================================================================== */

int srt_serve_loopback(const char *host)
{
    return strcmp(host, "127.0.0.1") == 0 || strcmp(host, "::1") == 0 ||
           strcasecmp(host, "localhost") == 0;
}

static int load_mhd(Mhd *m, SrtErr *e)
{
    m->so = dlopen("libmicrohttpd.so.12", RTLD_NOW | RTLD_LOCAL);
    if (!m->so)
        m->so = dlopen("libmicrohttpd.so", RTLD_NOW | RTLD_LOCAL);
    if (!m->so)
        return srt_err_set(e, SRT_ERR_IO,
                           "--serve needs libmicrohttpd (Debian: libmicrohttpd12): %s", dlerror());
#define SYM(f)                                                                                   \
    if (!(*(void **)&m->f = dlsym(m->so, "MHD_" #f)))                                           \
        return srt_err_set(e, SRT_ERR_IO, "--serve: libmicrohttpd lacks MHD_" #f);
    SYM(start_daemon)
    SYM(stop_daemon)
    SYM(quiesce_daemon)
    SYM(get_daemon_info)
    SYM(lookup_connection_value)
    SYM(create_response_from_buffer)
    SYM(add_response_header)
    SYM(queue_response)
    SYM(destroy_response)
#undef SYM
    return 0;
}

static void serve_free(SrtServe *s)
{
    for (int i = 0; i < s->n; i++) {
        SrtQuery *q = s->qs[i];
        if (q->live) {
            pthread_mutex_destroy(&q->live->lock);
            free(q->live);
            q->live = NULL;
        }
    }
    if (s->mhd.so)
        dlclose(s->mhd.so);
    free(s);
}

int srt_serve_start(const SrtCli *cli, SrtQuery **qs, int n, FILE *err, SrtServe **out,
                    SrtErr *e)
{
    *out = NULL;
    SrtServe *s = calloc(1, sizeof *s);
    if (!s)
        return srt_err_nomem(e, "server");
    s->qs = qs;
    s->n = n;
    s->token = cli->serve_token;
    for (int i = 0; i < n; i++) {
        SrtLive *l = calloc(1, sizeof *l);
        if (!l) {
            serve_free(s);
            return srt_err_nomem(e, "server");
        }
        pthread_mutex_init(&l->lock, NULL);
        atomic_init(&l->stop, 0);
        l->active = !qs[i]->done;
        l->last_batch_id = -1;
        qs[i]->live = l;
    }
    int rc = load_mhd(&s->mhd, e);
    struct addrinfo hints = {.ai_flags = AI_PASSIVE | AI_NUMERICSERV, .ai_socktype = SOCK_STREAM};
    struct addrinfo *ai = NULL;
    char port[16];
    snprintf(port, sizeof port, "%d", cli->serve_port);
    int gai = rc < 0 ? 0 : getaddrinfo(cli->serve_host, port, &hints, &ai);
    if (rc == 0 && (gai || !ai))
        rc = srt_err_set(e, SRT_ERR_OPTION, "--serve %s:%d: cannot resolve the address: %s",
                         cli->serve_host, cli->serve_port, gai_strerror(gai));
    if (rc == 0) {
        unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
                         MHD_USE_ITC | (ai->ai_family == AF_INET6 ? MHD_USE_IPv6 : 0);
        s->daemon = s->mhd.start_daemon(
            flags, (uint16_t)cli->serve_port, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR,
            ai->ai_addr, MHD_OPTION_CONNECTION_LIMIT, (unsigned)64, MHD_OPTION_CONNECTION_TIMEOUT,
            (unsigned)30, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)256 << 10,
            MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
        if (!s->daemon)
            rc = srt_err_set(e, SRT_ERR_IO,
                             "--serve %s:%d: cannot listen there (address in use or not local?)",
                             cli->serve_host, cli->serve_port);
    }
    if (ai)
        freeaddrinfo(ai);
    if (rc < 0) {
        serve_free(s);
        return rc;
    }
    const union MHD_DaemonInfo *info = s->mhd.get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    int bound = info ? info->port : cli->serve_port;
    int v6 = strchr(cli->serve_host, ':') != NULL;
    fprintf(err, "serving http://%s%s%s:%d/\n", v6 ? "[" : "", cli->serve_host, v6 ? "]" : "",
            bound);
    fflush(err);
    *out = s;
    return 0;
}

void srt_serve_stop(SrtServe *s)
{
    if (!s)
        return;
    /* Let the answers in flight (a POST stop waiting for its query) go out first; the listening
       socket is ours to close after the daemon stopped (MHD_quiesce_daemon). */
    MHD_socket listen_fd = s->mhd.quiesce_daemon(s->daemon);
    int64_t until = srt_mono_us() + 2000000;
    while (srt_mono_us() < until) {
        const union MHD_DaemonInfo *info =
            s->mhd.get_daemon_info(s->daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if ((!info || info->num_connections == 0) && atomic_load(&s->in_flight) == 0)
            break;
        struct timespec ts = {0, 10000000};
        nanosleep(&ts, NULL);
    }
    s->mhd.stop_daemon(s->daemon);
    if (listen_fd != MHD_INVALID_SOCKET)
        close(listen_fd);
    serve_free(s);
}
