/* srt_sink_memory.c - the memory sink, Spark's MemorySink: the query's rows as an in-memory
** table named by the query's name, which the executable's HTTP server (serve/) reads.
**
** Spark (sql/core/.../streaming/sources/memory.scala, MemorySink.write): a batch id at or
** below the last one added is skipped ("Skipping already committed batch"); complete mode
** replaces the table with the batch's rows, append and update add them.  Spark keeps every
** row; sluice bounds the table by maxRows, dropping the oldest whole batches beyond it.
** Progress describes the sink as "MemorySink" with numOutputRows (a v2 sink).
**
** Each batch's rows become one immutable chunk: every visible value as JSON text (Spark's
** JSON writer; NULL has length 0, a JSON value is never empty) and, when every column is
** one CSV holds, each row as a CSV record.  A snapshot lists the chunks of the table after a
** batch; publishing it swaps one pointer under the table's lock (see srt_int.h).
*/
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "srt_int.h"

typedef struct Chunk {
    atomic_int refs;    /* snapshots holding it */
    size_t n_rows;
    char *text;         /* the values' JSON text */
    size_t text_n;
    size_t *val_off;    /* n_rows * n_cols + 1 offsets into text */
    char *csv;          /* the rows as CSV records, NULL when CSV cannot hold a column */
    size_t csv_n;
    size_t *csv_off;    /* n_rows + 1 offsets into csv */
    size_t bytes;       /* memory held */
} Chunk;

struct SrtMemSnap {
    atomic_int refs;    /* the table's (while current) plus its readers' */
    int64_t batch_id;   /* -1: no batch yet */
    Chunk **chunks;
    size_t n_chunks;
    int64_t rows, bytes;
    struct SrtMemSnap *next_retired;
};

struct SrtMemTable {
    SrtMem *mem;             /* borrowed: the query's, used by the query's thread only */
    const char *name;        /* borrowed: the query's name */
    uint32_t n_cols;         /* visible columns */
    uint32_t *col_of;        /* their index in the schema */
    const char **names;      /* borrowed from the schema */
    char **types;            /* owned simpleStrings */
    int csv_bad;             /* the first column CSV cannot hold, -1: none */
    char *csv_header;        /* owned: the CSV writer's header record */
    int complete;
    int64_t max_rows;
    pthread_mutex_t lock;    /* guards cur */
    SrtMemSnap *cur;
    SrtMemSnap *retired;     /* replaced snapshots readers may still hold */
    SrtBuf scratch;
};

static void chunk_unref(SrtMem *m, uint32_t n_cols, Chunk *c)
{
    if (atomic_fetch_sub(&c->refs, 1) != 1)
        return;
    srt_mem_free(m, c->text, c->text_n ? c->text_n : 1);
    srt_mem_free(m, c->val_off, sizeof *c->val_off * (c->n_rows * n_cols + 1));
    if (c->csv)
        srt_mem_free(m, c->csv, c->csv_n ? c->csv_n : 1);
    if (c->csv_off)
        srt_mem_free(m, c->csv_off, sizeof *c->csv_off * (c->n_rows + 1));
    srt_mem_free(m, c, sizeof *c);
}

static void snap_free(SrtMemTable *t, SrtMemSnap *s)
{
    for (size_t i = 0; i < s->n_chunks; i++)
        chunk_unref(t->mem, t->n_cols, s->chunks[i]);
    srt_mem_free(t->mem, s->chunks, sizeof *s->chunks * (s->n_chunks ? s->n_chunks : 1));
    srt_mem_free(t->mem, s, sizeof *s);
}

/* Free the replaced snapshots no reader holds any more (the query's thread only). */
static void collect_retired(SrtMemTable *t)
{
    SrtMemSnap **pp = &t->retired;
    while (*pp) {
        SrtMemSnap *s = *pp;
        if (atomic_load(&s->refs) == 0) {
            *pp = s->next_retired;
            snap_free(t, s);
        } else {
            pp = &s->next_retired;
        }
    }
}

static SrtMemSnap *snap_new(SrtMemTable *t, size_t n_chunks, int64_t batch_id)
{
    SrtMemSnap *s = srt_mem_calloc(t->mem, sizeof *s);
    if (!s)
        return NULL;
    s->chunks = srt_mem_calloc(t->mem, sizeof *s->chunks * (n_chunks ? n_chunks : 1));
    if (!s->chunks) {
        srt_mem_free(t->mem, s, sizeof *s);
        return NULL;
    }
    atomic_init(&s->refs, 1);
    s->batch_id = batch_id;
    return s;
}

/* Make s the current snapshot; the old one is retired until its readers let go. */
static void publish(SrtMemTable *t, SrtMemSnap *s)
{
    pthread_mutex_lock(&t->lock);
    SrtMemSnap *old = t->cur;
    t->cur = s;
    pthread_mutex_unlock(&t->lock);
    if (old) {
        atomic_fetch_sub(&old->refs, 1);
        old->next_retired = t->retired;
        t->retired = old;
    }
    collect_retired(t);
}

static int memory_open(SrtSink *k, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    SrtMemTable *t = srt_mem_calloc(k->mem, sizeof *t);
    if (!t)
        return srt_err_nomem(err, "memory sink");
    k->impl = t;
    t->mem = k->mem;
    t->name = k->query_name ? k->query_name : k->name;
    t->complete = k->complete;
    pthread_mutex_init(&t->lock, NULL);
    srt_buf_init(&t->scratch, k->mem);
    int rc = srt_opts_int(opts, "maxRows", 1, &t->max_rows, err);
    if (rc < 0)
        return rc;
    uint32_t n = 0;
    for (uint32_t i = 0; i < schema->n_cols; i++)
        n += !schema->cols[i].hidden;
    size_t nn = n ? n : 1;
    t->n_cols = n; /* the arrays' size, also when one cannot be had */
    t->col_of = srt_mem_calloc(k->mem, sizeof *t->col_of * nn);
    t->names = srt_mem_calloc(k->mem, sizeof *t->names * nn);
    t->types = srt_mem_calloc(k->mem, sizeof *t->types * nn);
    if (!t->col_of || !t->names || !t->types)
        return srt_err_nomem(err, "memory sink");
    t->csv_bad = -1;
    for (uint32_t i = 0, j = 0; i < schema->n_cols; i++) {
        if (schema->cols[i].hidden)
            continue;
        t->col_of[j] = i;
        t->names[j] = schema->cols[i].name;
        SrtBuf b;
        srt_buf_init(&b, k->mem);
        srt_type_print(schema->cols[i].type, &b);
        if (b.oom || !(t->types[j] = srt_mem_alloc(k->mem, b.n + 1))) {
            srt_buf_free(&b);
            return srt_err_nomem(err, "memory sink");
        }
        memcpy(t->types[j], srt_buf_cstr(&b), b.n + 1);
        srt_buf_free(&b);
        if (t->csv_bad < 0 && !srt_csv_supports(schema->cols[i].type))
            t->csv_bad = (int)j;
        j++;
    }
    SrtCsvStyle st;
    srt_csv_style_default(&st);
    srt_buf_clear(&t->scratch);
    srt_write_csv_header(schema, &st, &t->scratch);
    if (t->scratch.oom || !(t->csv_header = srt_mem_alloc(k->mem, t->scratch.n + 1)))
        return srt_err_nomem(err, "memory sink");
    memcpy(t->csv_header, srt_buf_cstr(&t->scratch), t->scratch.n + 1);
    SrtMemSnap *s = snap_new(t, 0, -1);
    if (!s)
        return srt_err_nomem(err, "memory sink");
    publish(t, s);
    return 0;
}

/* The batch's rows as one chunk, or NULL when out of memory. */
static Chunk *chunk_new(SrtMemTable *t, SrtDatum *const *rows, size_t n_rows,
                        const SrtSchema *schema)
{
    Chunk *c = srt_mem_calloc(t->mem, sizeof *c);
    if (!c)
        return NULL;
    atomic_init(&c->refs, 0);
    c->n_rows = n_rows;
    c->val_off = srt_mem_alloc(t->mem, sizeof *c->val_off * (n_rows * t->n_cols + 1));
    SrtBuf *b = &t->scratch;
    srt_buf_clear(b);
    for (size_t r = 0; c->val_off && r < n_rows; r++)
        for (uint32_t j = 0; j < t->n_cols; j++) {
            c->val_off[r * t->n_cols + j] = b->n;
            const SrtDatum *d = &rows[r][t->col_of[j]];
            if (!d->is_null)
                srt_write_json_value(d, schema->cols[t->col_of[j]].type, b);
        }
    int ok = c->val_off && !b->oom;
    if (ok) {
        c->val_off[n_rows * t->n_cols] = b->n;
        c->text_n = b->n;
        ok = (c->text = srt_mem_alloc(t->mem, b->n ? b->n : 1)) != NULL;
        if (ok)
            memcpy(c->text, b->p, b->n);
    }
    if (ok && t->csv_bad < 0) {
        SrtCsvStyle st;
        srt_csv_style_default(&st);
        srt_buf_clear(b);
        c->csv_off = srt_mem_alloc(t->mem, sizeof *c->csv_off * (n_rows + 1));
        for (size_t r = 0; c->csv_off && r < n_rows; r++) {
            c->csv_off[r] = b->n;
            srt_write_csv_row(schema, rows[r], &st, b);
        }
        ok = c->csv_off && !b->oom;
        if (ok) {
            c->csv_off[n_rows] = b->n;
            c->csv_n = b->n;
            ok = (c->csv = srt_mem_alloc(t->mem, b->n ? b->n : 1)) != NULL;
            if (ok)
                memcpy(c->csv, b->p, b->n);
        }
    }
    /* Keep a big buffer from one large batch from pinning memory forever. */
    if (b->cap > ((size_t)4 << 20))
        srt_buf_free(b);
    c->bytes = sizeof *c + c->text_n + sizeof *c->val_off * (n_rows * t->n_cols + 1) +
               (c->csv ? c->csv_n + sizeof *c->csv_off * (n_rows + 1) : 0);
    if (!ok) {
        atomic_init(&c->refs, 1);
        chunk_unref(t->mem, t->n_cols, c);
        return NULL;
    }
    return c;
}

static int memory_write(SrtSink *k, int64_t batch_id, SrtDatum *const *rows, size_t n_rows,
                        const SrtSchema *schema, SrtErr *err)
{
    SrtMemTable *t = k->impl;
    const SrtMemSnap *old = t->cur; /* only this thread replaces it */
    if (old->batch_id >= 0 && batch_id <= old->batch_id)
        return 0; /* MemorySink: "Skipping already committed batch" */
    Chunk *c = chunk_new(t, rows, n_rows, schema);
    if (!c)
        return srt_err_nomem(err, "memory sink");
    /* Complete mode: the batch alone.  Otherwise the old chunks, less the oldest ones while
       the table would hold more than maxRows (the new batch always stays). */
    size_t first = old->n_chunks;
    if (!t->complete) {
        int64_t rows_kept = (int64_t)n_rows;
        while (first > 0 && rows_kept + (int64_t)old->chunks[first - 1]->n_rows <= t->max_rows)
            rows_kept += (int64_t)old->chunks[--first]->n_rows;
    }
    size_t n_keep = old->n_chunks - first;
    SrtMemSnap *s = snap_new(t, n_keep + 1, batch_id);
    if (!s) {
        atomic_init(&c->refs, 1);
        chunk_unref(t->mem, t->n_cols, c);
        return srt_err_nomem(err, "memory sink");
    }
    for (size_t i = 0; i < n_keep; i++)
        s->chunks[i] = old->chunks[first + i];
    s->chunks[n_keep] = c;
    s->n_chunks = n_keep + 1;
    for (size_t i = 0; i < s->n_chunks; i++) {
        atomic_fetch_add(&s->chunks[i]->refs, 1);
        s->rows += (int64_t)s->chunks[i]->n_rows;
        s->bytes += (int64_t)s->chunks[i]->bytes;
    }
    publish(t, s);
    return 0;
}

static void memory_close(SrtSink *k)
{
    SrtMemTable *t = k->impl;
    if (!t)
        return;
    /* The server has stopped (srt_main.c): no reader is left. */
    if (t->cur)
        snap_free(t, t->cur);
    while (t->retired) {
        SrtMemSnap *s = t->retired;
        t->retired = s->next_retired;
        snap_free(t, s);
    }
    size_t nn = t->n_cols ? t->n_cols : 1;
    for (uint32_t j = 0; t->types && j < t->n_cols; j++)
        if (t->types[j])
            srt_mem_free(t->mem, t->types[j], strlen(t->types[j]) + 1);
    srt_mem_free(t->mem, t->types, sizeof *t->types * nn);
    srt_mem_free(t->mem, t->names, sizeof *t->names * nn);
    srt_mem_free(t->mem, t->col_of, sizeof *t->col_of * nn);
    if (t->csv_header)
        srt_mem_free(t->mem, t->csv_header, strlen(t->csv_header) + 1);
    srt_buf_free(&t->scratch);
    pthread_mutex_destroy(&t->lock);
    srt_mem_free(k->mem, t, sizeof *t);
    k->impl = NULL;
}

static void memory_describe(SrtSink *k, SrtBuf *out)
{
    SRT_UNUSED(k);
    srt_buf_puts(out, "MemorySink");
}

const SrtSinkVt srt_sink_memory_vt = {
    .connector = "memory",
    .open = memory_open,
    .write = memory_write,
    .close = memory_close,
    .describe = memory_describe,
};

SrtMemTable *srt_sink_memory_table(const SrtSink *k)
{
    return k->vt == &srt_sink_memory_vt ? k->impl : NULL;
}

const SrtMemSnap *srt_memtab_acquire(SrtMemTable *t)
{
    pthread_mutex_lock(&t->lock);
    SrtMemSnap *s = t->cur;
    atomic_fetch_add(&s->refs, 1);
    pthread_mutex_unlock(&t->lock);
    return s;
}

void srt_memtab_release(SrtMemTable *t, const SrtMemSnap *s)
{
    SRT_UNUSED(t);
    atomic_fetch_sub(&((SrtMemSnap *)s)->refs, 1); /* freed by the query's thread */
}

const char *srt_memtab_name(const SrtMemTable *t)
{
    return t->name;
}

uint32_t srt_memtab_columns(const SrtMemTable *t, const char *const **names,
                            const char *const **types)
{
    *names = t->names;
    *types = (const char *const *)t->types;
    return t->n_cols;
}

int64_t srt_memsnap_batch(const SrtMemSnap *s)
{
    return s->batch_id;
}

int64_t srt_memsnap_rows(const SrtMemSnap *s)
{
    return s->rows;
}

int64_t srt_memsnap_bytes(const SrtMemSnap *s)
{
    return s->bytes;
}

static void put_value(const Chunk *c, size_t at, SrtBuf *out)
{
    size_t a = c->val_off[at], b = c->val_off[at + 1];
    if (a == b)
        srt_buf_puts(out, "null");
    else
        srt_buf_put(out, c->text + a, b - a);
}

int srt_memsnap_write(const SrtMemTable *t, const SrtMemSnap *s, SrtMemFormat f, SrtBuf *out,
                      SrtErr *err)
{
    uint32_t nc = t->n_cols;
    if (f == SRT_MEMFMT_CSV) {
        if (t->csv_bad >= 0) /* as the files sink refuses it (srt_sink_files.c) */
            return srt_err_set(err, SRT_ERR_FORMAT, "CSV data source does not support %s data type.",
                               t->types[t->csv_bad]);
        srt_buf_puts(out, t->csv_header);
        srt_buf_putc(out, '\n');
        for (size_t i = 0; i < s->n_chunks; i++) {
            const Chunk *c = s->chunks[i];
            for (size_t r = 0; r < c->n_rows; r++) {
                srt_buf_put(out, c->csv + c->csv_off[r], c->csv_off[r + 1] - c->csv_off[r]);
                srt_buf_putc(out, '\n');
            }
        }
        return 0;
    }
    if (f == SRT_MEMFMT_JSON) {
        srt_buf_puts(out, "{\"name\":");
        srt_write_json_string(t->name, strlen(t->name), out);
        if (s->batch_id < 0)
            srt_buf_puts(out, ",\"batchId\":null");
        else
            srt_buf_printf(out, ",\"batchId\":%lld", (long long)s->batch_id);
        srt_buf_puts(out, ",\"columns\":[");
        for (uint32_t j = 0; j < nc; j++) {
            srt_buf_puts(out, j ? ",{\"name\":" : "{\"name\":");
            srt_write_json_string(t->names[j], strlen(t->names[j]), out);
            srt_buf_puts(out, ",\"type\":");
            srt_write_json_string(t->types[j], strlen(t->types[j]), out);
            srt_buf_putc(out, '}');
        }
        srt_buf_puts(out, "],\"rows\":[");
        int first = 1;
        for (size_t i = 0; i < s->n_chunks; i++) {
            const Chunk *c = s->chunks[i];
            for (size_t r = 0; r < c->n_rows; r++) {
                srt_buf_puts(out, first ? "[" : ",[");
                first = 0;
                for (uint32_t j = 0; j < nc; j++) {
                    if (j)
                        srt_buf_putc(out, ',');
                    put_value(c, r * nc + j, out);
                }
                srt_buf_putc(out, ']');
            }
        }
        srt_buf_puts(out, "]}");
        return 0;
    }
    /* JSON Lines: the files sink's objects, NULL fields left out (srt_write_json_row). */
    for (size_t i = 0; i < s->n_chunks; i++) {
        const Chunk *c = s->chunks[i];
        for (size_t r = 0; r < c->n_rows; r++) {
            int first = 1;
            srt_buf_putc(out, '{');
            for (uint32_t j = 0; j < nc; j++) {
                size_t at = r * nc + j;
                if (c->val_off[at] == c->val_off[at + 1])
                    continue;
                if (!first)
                    srt_buf_putc(out, ',');
                first = 0;
                srt_write_json_string(t->names[j], strlen(t->names[j]), out);
                srt_buf_putc(out, ':');
                put_value(c, at, out);
            }
            srt_buf_puts(out, "}\n");
        }
    }
    return 0;
}
