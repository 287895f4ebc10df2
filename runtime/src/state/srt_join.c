/* srt_join.c - hash joins: the build side's rows by key, probed from generated code.
**
** A join's build side is a batch query of its own (registered with sink -1): run once over
** all its input, its result rows stay in that query's batch memory, and the table indexes
** them by the key bytes the generated key function makes of each row (the same bytes the
** probing query makes of its rows: PKeyLayout, plan.h).  Rows with the same key are stored
** together, the last one first as Spark's hashed relations give them, so a probe returns one
** contiguous run of row pointers.  A row whose key has a
** NULL never matches (SQL equality); it is left out of the index.
**
** A full outer join (SrtJoinDef.unmatched) also keeps, per build row, whether a probe row
** matched it, and which build row each indexed row is; after the batch's input, the build
** rows left unmatched go, in the build query's order, through the generated function
** (srt_query_joins_unmatched); a split batch's tasks mark the same table (srt_join_matched).
** Spark's order there is its shuffle's (SortMergeJoinExec's
** partitions), which no batch query promises.
**
** The table is rebuilt, by a fresh build query, when the version of its input changed
** since it was built (srt_query_joins_refresh, before each batch that reads data): Spark
** evaluates the static side of a stream-static join again for every micro-batch, and a
** batch sees one version of it.  A version is the build query's source version (files:
** names, sizes and modification times) and those of the build query's own joins.
*/
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "state/srt_join.h"

/* One key of the index: 32 bytes, two to a cache line.  Its first 16 bytes are kept in the
   slot (zero-padded), so the common key of one integral value (16 bytes: null flags and the
   value) is compared without touching the key buffer. */
typedef struct JoinSlot {
    uint64_t head[2]; /* the key's first 16 bytes */
    uint32_t len;     /* of the key bytes, all at keys + off */
    uint32_t off;
    uint32_t first;   /* its rows: rows[first, first + count); count 0: an empty slot */
    uint32_t count;
} JoinSlot;

struct SrtJoin {
    SrtQuery *owner;          /* borrowed */
    const SrtJoinDef *def;    /* borrowed */
    SrtQuery *build;          /* owned: the query whose rows the table holds; NULL before */
    SrtBuf version;           /* of the input the rows were made from */
    JoinSlot *slots;          /* owned, cap_slots (a power of two) */
    size_t cap_slots, n_keys;
    const SrtDatum **rows;    /* owned: grouped by key */
    size_t n_rows;
    uint8_t *keys;            /* owned: the key bytes of every slot, one after the other */
    size_t cap_keys;
    SrtDatum *null_row;       /* owned: every column NULL (an outer join's missing side) */
    uint8_t *matched;         /* owned, full outer joins: per build row, a probe row matched it */
    uint32_t *row_at;         /* owned, full outer joins: the build row of each rows[i] */
    size_t n_build;           /* build rows (of matched) */
    uint32_t n_cols;
};

/* ==== The build query's sink ==== */

static int join_sink_open(SrtSink *k, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    (void)k, (void)opts, (void)schema, (void)err;
    return 0;
}

static int join_sink_write(SrtSink *k, int64_t batch_id, SrtDatum *const *rows, size_t n_rows,
                           const SrtSchema *schema, SrtErr *err)
{
    (void)k, (void)batch_id, (void)rows, (void)n_rows, (void)schema, (void)err;
    return 0;
}

static void join_sink_close(SrtSink *k)
{
    (void)k;
}

static void join_sink_describe(SrtSink *k, SrtBuf *out)
{
    (void)k;
    srt_buf_puts(out, "JoinBuildSide");
}

const SrtSinkVt srt_sink_join_vt = {"join", join_sink_open, join_sink_write, join_sink_close,
                                    join_sink_describe, 0};

/* ==== Versions ==== */

static void source_version(SrtQuery *q, SrtBuf *out)
{
    for (uint32_t i = 0; i < q->n_in; i++) {
        SrtSource *src = &q->in[i].source;
        srt_buf_putc(out, ';');
        if (q->in[i].open && src->vt->version)
            src->vt->version(src, out);
    }
}

/* The version of what query q reads now: its sources' and, recursively, its joins' inputs.
   A source that cannot tell (no version function) reports nothing: it is read once. */
static void input_version(SrtQuery *q, SrtBuf *out)
{
    source_version(q, out);
    for (uint32_t i = 0; i < q->n_joins; i++) {
        srt_buf_putc(out, '|');
        if (q->joins[i]->build)
            input_version(q->joins[i]->build, out);
    }
}

static int same(const SrtBuf *a, const SrtBuf *b)
{
    return a->n == b->n && (a->n == 0 || memcmp(a->p, b->p, a->n) == 0);
}

/* ==== The index ==== */

static void index_free(SrtJoin *j)
{
    SrtMem *m = j->owner->mem;
    srt_mem_free(m, j->slots, sizeof *j->slots * j->cap_slots);
    srt_mem_free(m, (void *)j->rows, sizeof *j->rows * j->n_rows);
    srt_mem_free(m, j->keys, j->cap_keys);
    if (j->matched) {
        srt_mem_free(m, j->matched, j->n_build ? j->n_build : 1);
        srt_mem_free(m, j->row_at, sizeof *j->row_at * j->n_rows);
    }
    j->matched = NULL;
    j->row_at = NULL;
    j->n_build = 0;
    j->slots = NULL;
    j->rows = NULL;
    j->keys = NULL;
    j->cap_slots = j->n_keys = j->n_rows = j->cap_keys = 0;
}

/* The first 16 bytes of a key, zero-padded. */
static inline void key_head(const void *key, uint32_t len, uint64_t head[2])
{
    uint8_t b[16] = {0};
    memcpy(b, key, len < 16 ? len : 16);
    memcpy(head, b, 16);
}

/* The slot of the key, or the empty slot where it would go. */
static inline JoinSlot *slot_for(JoinSlot *slots, size_t cap, const uint8_t *keys, const void *key, uint32_t len,
                                 uint64_t hash)
{
    uint64_t head[2];
    key_head(key, len, head);
    size_t mask = cap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        JoinSlot *s = &slots[i];
        if (!s->count)
            return s;
        if (s->len == len && s->head[0] == head[0] && s->head[1] == head[1] &&
            (len <= 16 || memcmp(keys + s->off + 16, (const uint8_t *)key + 16, len - 16) == 0))
            return s;
    }
}

/* The key of every build row, guarded: a key function that fails (srt_query_fail) fails
   the build query, and with it the join.  keys[i] points into scratch memory until the
   next row: the bytes are appended to *buf (lens[i] of them; lens[i] = UINT32_MAX: NULL). */
static int keys_of(SrtJoin *j, SrtQuery *bq, SrtBuf *buf, uint32_t *lens)
{
    jmp_buf jb;
    if (setjmp(jb)) {
        bq->guard = NULL;
        return -1;
    }
    bq->guard = &jb;
    for (size_t i = 0; i < bq->n_rows; i++) {
        srt_scratch_reset(bq);
        uint32_t len = 0;
        const uint8_t *k = j->def->key(bq, bq->rows[i], &len);
        lens[i] = k ? len : UINT32_MAX;
        if (k)
            srt_buf_put(buf, k, len);
    }
    bq->guard = NULL;
    srt_scratch_reset(bq);
    return buf->oom ? -2 : 0;
}

/* Index the rows of bq (its finished batch) by key. */
static int index_rows(SrtJoin *j, SrtQuery *bq, SrtErr *err)
{
    SrtMem *m = j->owner->mem;
    size_t n = bq->n_rows;
    if (n >= UINT32_MAX)
        return srt_err_set(err, SRT_ERR_NOMEM, "a joined table of %zu rows is too large", n);
    SrtBuf buf;
    srt_buf_init(&buf, m);
    uint32_t *lens = srt_mem_alloc(m, sizeof *lens * (n ? n : 1));
    uint32_t *at = srt_mem_alloc(m, sizeof *at * (n ? n : 1));
    size_t cap = 16; /* at most 3/4 full */
    while (cap * 3 < 4 * n)
        cap *= 2;
    JoinSlot *slots = srt_mem_calloc(m, sizeof *slots * cap);
    int rc = 0;
    if (!lens || !at || !slots) {
        rc = srt_err_nomem(err, "join table");
        goto out;
    }
    int krc = keys_of(j, bq, &buf, lens);
    if (krc == -2) {
        rc = srt_err_nomem(err, "join keys");
        goto out;
    }
    if (krc < 0) {
        rc = srt_err_set(err, SRT_ERR_QUERY, "%s", bq->err.msg);
        goto out;
    }
    size_t n_keys = 0, n_rows = 0, off = 0;
    for (size_t i = 0; i < n; i++) {
        at[i] = UINT32_MAX;
        if (lens[i] == UINT32_MAX)
            continue;
        const uint8_t *k = (const uint8_t *)buf.p + off;
        uint64_t h = srt_hash(k, lens[i]);
        JoinSlot *s = slot_for(slots, cap, (const uint8_t *)buf.p, k, lens[i], h);
        if (!s->count) {
            key_head(k, lens[i], s->head);
            s->len = lens[i];
            s->off = (uint32_t)off; /* the first row's copy of the key stays the key */
            n_keys++;
        }
        s->count++;
        n_rows++;
        at[i] = (uint32_t)(s - slots);
        off += lens[i];
    }
    if (off > UINT32_MAX) {
        rc = srt_err_set(err, SRT_ERR_NOMEM, "the keys of a joined table take more than 4 GB");
        goto out;
    }
    const SrtDatum **rows = srt_mem_alloc(m, sizeof *rows * (n_rows ? n_rows : 1));
    uint8_t *matched = j->def->unmatched ? srt_mem_calloc(m, n ? n : 1) : NULL;
    uint32_t *row_at =
        j->def->unmatched ? srt_mem_alloc(m, sizeof *row_at * (n_rows ? n_rows : 1)) : NULL;
    if (!rows || (j->def->unmatched && (!matched || !row_at))) {
        srt_mem_free(m, (void *)rows, sizeof *rows * (n_rows ? n_rows : 1));
        srt_mem_free(m, matched, n ? n : 1);
        srt_mem_free(m, row_at, sizeof *row_at * (n_rows ? n_rows : 1));
        rc = srt_err_nomem(err, "join table");
        goto out;
    }
    uint32_t next = 0;
    for (size_t i = 0; i < cap; i++)
        if (slots[i].count) {
            slots[i].first = next;
            next += slots[i].count;
            slots[i].count = 0;
        }
    /* Within a key the last row first: Spark's hashed relations (LongToUnsafeRowMap.append,
       BytesToBytesMap.Location.append) put each value at the front of its key's list.  A
       join without equi-join keys (every key empty) is Spark's BroadcastNestedLoopJoin,
       which walks the build rows in their order. */
    int nested_loop = n > 0 && lens[0] == 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = nested_loop ? k : n - 1 - k;
        if (at[i] != UINT32_MAX) {
            JoinSlot *s = &slots[at[i]];
            if (row_at)
                row_at[s->first + s->count] = (uint32_t)i;
            rows[s->first + s->count++] = bq->rows[i];
        }
    }
    j->slots = slots;
    j->cap_slots = cap;
    j->n_keys = n_keys;
    j->rows = rows;
    j->n_rows = n_rows ? n_rows : 1;
    j->matched = matched;
    j->row_at = row_at;
    j->n_build = n;
    j->keys = (uint8_t *)buf.p; /* the buffer's bytes move to the table */
    j->cap_keys = buf.cap;
    buf.p = NULL;
    buf.cap = buf.n = 0;
    slots = NULL;
out:
    srt_buf_free(&buf);
    srt_mem_free(m, lens, sizeof *lens * (n ? n : 1));
    srt_mem_free(m, at, sizeof *at * (n ? n : 1));
    srt_mem_free(m, slots, sizeof *slots * cap);
    return rc;
}

/* ==== Building ==== */

/* A failed build query's error as the join's. */
static int build_failed(SrtJoin *j, SrtQuery *bq, const SrtErr *open_err, SrtErr *err)
{
    const SrtErr *e = bq && bq->failed ? &bq->err : open_err;
    return srt_err_set(err, e->code ? e->code : SRT_ERR_QUERY, "the joined table (query '%s'): %s",
                       j->owner->prog->queries[j->def->build].name, e->msg);
}

/* Bring one table up to date with its input: read it again when its version changed. */
static int refresh(SrtJoin *j, SrtErr *err)
{
    SrtQuery *q = j->owner;
    SrtBuf before, after;
    srt_buf_init(&before, q->mem);
    srt_buf_init(&after, q->mem);
    int rc = 0;
    if (j->build) {
        input_version(j->build, &before);
        if (same(&before, &j->version))
            goto out;
    }
    /* Read until the source stayed the same while it was read (a file replaced meanwhile
       gives a new version), so a batch joins one version: a few tries, then the last. */
    for (int attempt = 0;; attempt++) {
        SrtQuery *bq = NULL;
        SrtErr berr;
        srt_err_clear(&berr);
        if ((rc = srt_query_new(q->prog, j->def->build, q->env, "once", -1, &bq, &berr)) < 0) {
            rc = build_failed(j, bq, &berr, err);
            srt_query_free(bq);
            goto out;
        }
        srt_buf_clear(&before);
        source_version(bq, &before);
        while (rc >= 0 && !bq->done)
            rc = srt_query_tick(bq, srt_now_us());
        if (rc < 0) {
            rc = build_failed(j, bq, &berr, err);
            srt_query_free(bq);
            goto out;
        }
        srt_buf_clear(&after);
        source_version(bq, &after);
        if (!same(&before, &after) && attempt < 2) {
            srt_query_free(bq);
            continue;
        }
        index_free(j);
        srt_query_free(j->build);
        j->build = bq;
        srt_buf_clear(&j->version);
        input_version(bq, &j->version);
        if (j->version.oom || before.oom || after.oom) {
            rc = srt_err_nomem(err, "join version");
            goto out;
        }
        rc = index_rows(j, bq, err);
        break;
    }
out:
    srt_buf_free(&before);
    srt_buf_free(&after);
    return rc;
}

/* ==== The query's joins ==== */

int srt_query_joins_create(SrtQuery *q, SrtErr *err)
{
    const SrtQueryDef *d = q->def;
    if (!d->n_joins)
        return 0;
    q->joins = srt_mem_calloc(q->mem, sizeof *q->joins * d->n_joins);
    if (!q->joins)
        return srt_err_nomem(err, "joins");
    for (uint32_t i = 0; i < d->n_joins; i++) {
        SrtJoin *j = srt_mem_calloc(q->mem, sizeof *j);
        if (!j)
            return srt_err_nomem(err, "joins");
        q->joins[q->n_joins++] = j;
        j->owner = q;
        j->def = &d->joins[i];
        srt_buf_init(&j->version, q->mem);
        const SrtQueryDef *bd = &q->prog->queries[j->def->build];
        j->n_cols = bd->n_cols;
        j->null_row = srt_mem_calloc(q->mem, sizeof *j->null_row * (bd->n_cols ? bd->n_cols : 1));
        if (!j->null_row)
            return srt_err_nomem(err, "joins");
        for (uint32_t c = 0; c < bd->n_cols; c++)
            j->null_row[c].is_null = 1;
    }
    return 0;
}

int srt_query_joins_refresh(SrtQuery *q, SrtErr *err)
{
    for (uint32_t i = 0; i < q->n_joins; i++) {
        int rc = refresh(q->joins[i], err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* The unmatched build rows of join j through its generated function, on the query's guard. */
static void unmatched_rows(SrtQuery *q, void *ctx)
{
    SrtJoin *j = ctx;
    for (size_t i = 0; i < j->n_build; i++) {
        if (j->matched[i])
            continue;
        j->def->unmatched(q, j->build->rows[i]);
        srt_scratch_reset(q);
    }
}

int srt_query_joins_unmatched(SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_joins; i++) {
        SrtJoin *j = q->joins[i];
        if (!j->matched)
            continue;
        int rc = srt_query_guarded(q, unmatched_rows, j);
        memset(j->matched, 0, j->n_build ? j->n_build : 1); /* the next batch starts anew */
        if (rc < 0)
            return rc;
    }
    return 0;
}

void srt_query_joins_free(SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_joins; i++) {
        SrtJoin *j = q->joins[i];
        index_free(j);
        srt_query_free(j->build);
        srt_buf_free(&j->version);
        srt_mem_free(q->mem, j->null_row, sizeof *j->null_row * (j->n_cols ? j->n_cols : 1));
        srt_mem_free(q->mem, j, sizeof *j);
    }
    if (q->joins)
        srt_mem_free(q->mem, q->joins, sizeof *q->joins * q->def->n_joins);
    q->joins = NULL;
    q->n_joins = 0;
}

/* ==== ABI calls ==== */

SrtJoin *srt_query_join(SrtQuery *q, int32_t join)
{
    return join >= 0 && (uint32_t)join < q->n_joins ? q->joins[join] : NULL;
}

int64_t srt_join_probe(SrtJoin *j, const void *key, uint32_t len, uint64_t hash, const SrtDatum *const **rows)
{
    if (!j->n_keys) {
        *rows = NULL;
        return 0;
    }
    const JoinSlot *s = slot_for(j->slots, j->cap_slots, j->keys, key, len, hash);
    *rows = j->rows + s->first; /* an empty slot: count 0 */
    return s->count;
}

const SrtDatum *srt_join_null_row(SrtJoin *j)
{
    return j->null_row;
}

/* Split (srt_par.c), the tasks mark the one table at once: the marks are a union, read only
   once every task of the batch is folded (srt_query_joins_unmatched, after the pool's lock
   ordered their writes), so relaxed atomic stores of 1 give one thread's marks whatever the
   tasks' order; a mark is tested first, so a row matched again leaves its line shared. */
void srt_join_matched(SrtJoin *j, const SrtDatum *const *at)
{
    uint8_t *m = &j->matched[j->row_at[at - j->rows]];
    if (!__atomic_load_n(m, __ATOMIC_RELAXED))
        __atomic_store_n(m, 1, __ATOMIC_RELAXED);
}
