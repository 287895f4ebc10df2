/* srt_op_ssjoin.c - the stream-stream join operator: each side's rows by key, evicted by watermark.
**
** Spark 3.5's StreamingSymmetricHashJoinExec with SymmetricHashJoinStateManager: every input
** row of one side is joined with the rows the other side holds and kept in its own side
** (processPartitions: the left input first, joined with the right state and added to the
** left state, then the right input, joined with the left state including this batch's left
** rows; the runtime reads a query's inputs in order, input 0 being the left side).  Generated
** code reaches the state once per process call (srt_query_ssjoin) and calls srt_ssjoin_add,
** srt_ssjoin_probe and srt_ssjoin_matched directly per record.
**
** A row is one block: its datums (the side's columns), its key bytes and the bytes of its
** STRING and struct columns, bumped from its side's slab (srt_slab.c) in the order the rows
** come, as eviction mostly removes them; a chunk of rows goes when its last row does.  A few
** rows kept long (a key without time eviction, a far eviction time) would hold their chunks:
** when a side's chunks hold more than twice its rows' bytes, its rows are copied after the
** batch's eviction, in order, to new chunks (compact; memoryUsedBytes counts the rows' bytes,
** not their chunks').  Rows of one key are chained in the order they came (Spark's
** keyWithIndex order); the index maps key bytes to the chain.  Each row has the matched flag
** of state format 2.  Eviction (StreamingSymmetricHashJoinHelper.getStateWatermarkPredicates)
** compares each row's eviction time (kept beside the rows), given by generated code when the
** row is added, with the side's state watermark of the batch, and takes the rows it removes
** out of their chains (the kept ones are not touched):
**   key     a join key carries the watermark: the key's event time <= the batch's watermark
**           (JoinStateKeyWatermarkPredicate);
**   value   the side's watermarked column <= the state value watermark derived from the
**           condition (JoinStateValueWatermarkPredicate, StreamingJoinHelper.
**           getStateValueWatermark): min over its bounds of trunc((wm * 1000.0 + c) / 1000) - 1
**           for an inclusive bound (<=, >=), in ms.
** A side without a predicate keeps every row.  Which rows are kept follows OneSideHashJoiner's
** AddingProcessedRowToStateCompletionIterator: a left row always (this batch's right rows have
** yet to meet it), a right row the state watermark removes at once only as an outer side's
** unmatched row; sluice keeps such a right row as transient until the batch's eviction, which
** counts it only when it is output.  An outer side is evicted in `output`, before the sink: each
** unmatched row goes through the generated outer function (the row with the other side NULL),
** after the batch's joined rows; the other sides after the sink (`save`).  A left semi join
** forgets a left row that matched at once (srt_ssjoin_forget).  Each row has a seq, its
** side's count of rows before it, so rows are in seq order.  With a checkpoint a version is a
** delta of each side's rows added, its rows evicted (runs of seqs) and its older rows matched
** since the version before, and every 10th a snapshot of both sides (the checkpoint section).
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "state/srt_operator.h"

typedef struct SsRow {
    struct SsRow *next; /* the next row of the same key */
    size_t size;        /* of this allocation */
    uint64_t hash;
    uint64_t seq; /* the side's number of the row, counting from 0 in the order rows came:
                     its name in a state delta */
    uint32_t key_len;
    uint8_t matched;   /* joined with a row of the other side (state format 2) */
    uint8_t transient; /* a right row the state watermark removes in this batch: Spark
                          keeps it only as an outer side's unmatched row */
    uint8_t gone;      /* evicted: GONE_LINKED while still in its chain, then GONE_UNLINKED */
    SrtDatum cols[];   /* the side's columns, then the key bytes, then string bytes */
} SsRow;

typedef struct SsKey {
    uint64_t hash;      /* of the key: compared before the row is touched */
    SsRow *head, *tail; /* head NULL: an empty slot */
} SsKey;

typedef struct SsSide {
    const SrtSsJoinSideDef *def;
    SsKey *slots; /* cap (a power of two) */
    size_t cap, n_keys;
    SsRow **rows;      /* in the order they came */
    int64_t *evict_at; /* of rows[i] (µs, compared with the side's state watermark): beside
                          the rows, eviction reads none of those it keeps */
    size_t n_rows, cap_rows;
    SsRow **gone; /* the rows an eviction removes, until they are unlinked and freed */
    size_t cap_gone;
    const SrtDatum **hits; /* the last probe's rows */
    size_t cap_hits;
    SrtSlab slab;         /* the rows, in the order they came */
    size_t bytes;         /* of the rows */
    size_t n_transient;   /* rows a left semi join does not keep (srt_ssjoin_forget) */
    int64_t threshold_us; /* state watermark of the batch; INT64_MIN: keep all */
    /* What the next state delta records (srt_op_ssjoin.c's checkpoint section) */
    uint64_t next_seq;  /* the seq of the next row added */
    uint64_t saved_seq; /* next_seq at the state version last written or restored: the rows
                           below it are in it (0 without a checkpoint: nothing recorded) */
    uint64_t *flips;    /* seqs of the rows below saved_seq matched since */
    size_t n_flips, cap_flips;
    /* first and last seq of each run of rows below saved_seq evicted since (adjacent in rows
       when evicted): n_drops u64s, two per run */
    uint64_t *drops;
    size_t n_drops, cap_drops;
    int lost; /* a flip or drop was not recorded (out of memory) */
} SsSide;

struct SrtSsJoin {
    SrtQuery *q;
    SsSide side[2];
    int64_t added;         /* rows added this batch (numRowsUpdated) */
    SrtDatum *null_row[2]; /* per side: its columns all NULL (an outer join's missing side) */
};

static const uint8_t *row_key(const SsRow *r, uint32_t n_cols)
{
    return (const uint8_t *)(r->cols + n_cols);
}

SrtSsJoin *srt_query_ssjoin(SrtQuery *q, int32_t op)
{
    SrtOperator *o = srt_query_op(q, op);
    return o && o->vt == &srt_op_ssjoin_vt ? o->state : NULL;
}

/* ==== The index ==== */

static SsKey *find_slot(SsSide *s, const void *key, uint32_t len, uint64_t hash)
{
    size_t mask = s->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        SsKey *k = &s->slots[i];
        if (!k->head)
            return k;
        if (k->hash == hash && k->head->key_len == len &&
            memcmp(row_key(k->head, s->def->n_cols), key, len) == 0)
            return k;
    }
}

/* Put r last in its key's chain (slots has room). */
static void link_row(SsSide *s, SsRow *r)
{
    SsKey *k = find_slot(s, row_key(r, s->def->n_cols), r->key_len, r->hash);
    if (!k->head) {
        k->head = r;
        k->hash = r->hash;
        s->n_keys++;
    } else {
        k->tail->next = r;
    }
    k->tail = r;
}

/* The slots an index of want entries needs (a power of two, at most half full). */
static size_t slots_for(size_t want)
{
    size_t cap = 16;
    while (cap < want * 2)
        cap *= 2;
    return cap;
}

/* Whether the slots s has still fit want entries (not resized). */
static int slots_fit(const SsSide *s, size_t want)
{
    size_t cap = slots_for(want);
    return cap <= s->cap && s->cap <= 4 * cap;
}

/* Index rows[0..n_rows) again into slots of at least want entries. */
static int reindex(SrtSsJoin *j, SsSide *s, size_t want)
{
    size_t cap = slots_for(want);
    if (slots_fit(s, want)) {
        /* the slots still fit (after an eviction): cleared in place, no new pages */
        memset(s->slots, 0, sizeof *s->slots * s->cap);
    } else {
        SsKey *slots = srt_mem_calloc(j->q->mem, sizeof *slots * cap);
        if (!slots)
            return -1;
        srt_mem_free(j->q->mem, s->slots, sizeof *s->slots * s->cap);
        s->slots = slots;
        s->cap = cap;
    }
    s->n_keys = 0;
    for (size_t i = 0; i < s->n_rows; i++) {
        SsRow *r = s->rows[i];
        r->next = NULL;
        link_row(s, r);
    }
    return 0;
}

enum { GONE_LINKED = 1, GONE_UNLINKED = 2 };

/* Empty slot k, moving the entries after it that probed past it back (linear probing's
   deletion without tombstones: each entry stays reachable from its home slot). */
static void clear_slot(SsSide *s, SsKey *k)
{
    size_t mask = s->cap - 1, i = (size_t)(k - s->slots);
    for (size_t at = (i + 1) & mask; s->slots[at].head; at = (at + 1) & mask) {
        size_t home = s->slots[at].hash & mask;
        if (((at - home) & mask) >= ((at - i) & mask)) { /* i lies between home and at */
            s->slots[i] = s->slots[at];
            i = at;
        }
    }
    memset(&s->slots[i], 0, sizeof s->slots[i]);
    s->n_keys--;
}

/* Take the evicted rows (gone) out of r's key's chain, the others keeping their order; the slot
   goes when the chain empties.  One walk per chain and eviction: its rows are marked unlinked. */
static void unlink_gone(SsSide *s, const SsRow *r)
{
    SsKey *k = find_slot(s, row_key(r, s->def->n_cols), r->key_len, r->hash);
    SsRow *head = NULL, *tail = NULL;
    for (SsRow *x = k->head; x; x = x->next) {
        if (x->gone) {
            x->gone = GONE_UNLINKED;
            continue;
        }
        if (tail)
            tail->next = x;
        else
            head = x;
        tail = x;
    }
    if (!head) {
        clear_slot(s, k);
        return;
    }
    tail->next = NULL;
    k->head = head;
    k->tail = tail;
}

/* Room for twice the rows s has (64 at first).  0, or -1 out of memory. */
static int grow_rows(SrtSsJoin *j, SsSide *s)
{
    size_t cap = s->cap_rows ? 2 * s->cap_rows : 64;
    SsRow **rs = srt_mem_alloc(j->q->mem, sizeof *rs * cap);
    int64_t *ev = srt_mem_alloc(j->q->mem, sizeof *ev * cap);
    if (!rs || !ev) {
        srt_mem_free(j->q->mem, rs, sizeof *rs * cap);
        srt_mem_free(j->q->mem, ev, sizeof *ev * cap);
        return -1;
    }
    if (s->n_rows) {
        memcpy(rs, s->rows, sizeof *rs * s->n_rows);
        memcpy(ev, s->evict_at, sizeof *ev * s->n_rows);
    }
    srt_mem_free(j->q->mem, s->rows, sizeof *s->rows * s->cap_rows);
    srt_mem_free(j->q->mem, s->evict_at, sizeof *s->evict_at * s->cap_rows);
    s->rows = rs;
    s->evict_at = ev;
    s->cap_rows = cap;
    return 0;
}

/* Append r (made), evicted at evict_at, to s: last of its key's chain and of the rows.  0, or
   -1 out of memory. */
static int append_row(SrtSsJoin *j, SsSide *s, SsRow *r, int64_t evict_at)
{
    if (s->n_rows == s->cap_rows && grow_rows(j, s) < 0)
        return -1;
    if ((s->n_keys + 1) * 2 > s->cap && reindex(j, s, s->n_keys + 1) < 0)
        return -1;
    link_row(s, r);
    s->evict_at[s->n_rows] = evict_at;
    s->rows[s->n_rows++] = r;
    s->bytes += r->size;
    return 0;
}

/* Out of memory in a call of generated code: the query fails there (srt_query_oom; formatting
   q->err's message into itself, as srt_query_fail(q, q->err.msg) would, left it empty). */
static void nomem(SrtSsJoin *j, const char *what)
{
    srt_query_oom(j->q, what);
}

/* ==== Per record ==== */

int64_t srt_ssjoin_probe(SrtSsJoin *j, int32_t side, const void *key, uint32_t len, uint64_t hash,
                         int32_t unmatched, const SrtDatum *const **rows)
{
    SsSide *s = &j->side[side];
    size_t n = 0;
    if (s->n_keys) {
        SsKey *k = find_slot(s, key, len, hash);
        for (SsRow *r = k->head; r; r = r->next) {
            if (unmatched && r->matched)
                continue; /* getJoinedRows' excludeRowsAlreadyMatched */
            if (n == s->cap_hits) {
                size_t cap = s->cap_hits ? 2 * s->cap_hits : 16;
                const SrtDatum **h = srt_mem_alloc(j->q->mem, sizeof *h * cap);
                if (!h)
                    nomem(j, "join state");
                if (n)
                    memcpy(h, s->hits, sizeof *h * n);
                srt_mem_free(j->q->mem, s->hits, sizeof *s->hits * s->cap_hits);
                s->hits = h;
                s->cap_hits = cap;
            }
            s->hits[n++] = r->cols;
        }
    }
    *rows = s->hits;
    return (int64_t)n;
}

/* The bytes behind column c of row the state copies: a string's, or a struct's fields (8-byte
   aligned, as the datums they are). */
static size_t copied(const SrtSsJoinSideDef *d, const SrtDatum *row, uint32_t c)
{
    if (d->kinds[c] == SRT_SSJOIN_COL_STRUCT)
        return sizeof(SrtDatum) * row[c].n;
    return ((size_t)row[c].n + 7u) & ~(size_t)7u;
}

/* The bytes of a row's block: its datums, its key bytes (8-aligned), what it copies. */
static size_t block_bytes(const SrtSsJoinSideDef *d, uint32_t len, const SrtDatum *row)
{
    size_t size = sizeof(SrtDatum) * d->n_cols + ((len + 7u) & ~7u);
    for (uint32_t c = 0; c < d->n_cols; c++)
        if (d->kinds[c] && !row[c].is_null)
            size += copied(d, row, c);
    return size;
}

/* Fill the block at cols (block_bytes of room): row's datums, the key bytes, then the bytes
   its copied columns point to, their datums pointing at those copies. */
static void fill_block(const SrtSsJoinSideDef *d, SrtDatum *cols, const void *key, uint32_t len,
                       const SrtDatum *row)
{
    memcpy(cols, row, sizeof(SrtDatum) * d->n_cols);
    for (uint32_t c = 0; c < d->n_cols; c++)
        if (cols[c].is_null) { /* what else it holds (a pointer into an input) is no value */
            memset(&cols[c], 0, sizeof cols[c]);
            cols[c].is_null = 1;
        }
    uint8_t *at = (uint8_t *)(cols + d->n_cols);
    if (len)
        memcpy(at, key, len);
    at += (len + 7u) & ~7u;
    for (uint32_t c = 0; c < d->n_cols; c++) {
        if (!d->kinds[c] || cols[c].is_null)
            continue;
        size_t n = copied(d, row, c);
        /* a string's bytes, its padding zero (not what follows it in its input): the state's
           files hold the block */
        size_t used = d->kinds[c] == SRT_SSJOIN_COL_STRUCT ? n : row[c].n;
        if (used)
            memcpy(at, cols[c].p, used);
        memset(at + used, 0, n - used);
        cols[c].p = at;
        at += n;
    }
}

/* The copied columns of the block at cols pointing into a block at `from` moved to `to`. */
static void block_rebase(const SrtSsJoinSideDef *d, SrtDatum *cols, uintptr_t from, uintptr_t to)
{
    for (uint32_t c = 0; c < d->n_cols; c++)
        if (d->kinds[c] && !cols[c].is_null)
            cols[c].p = (const void *)((uintptr_t)cols[c].p - from + to);
}

/* The copied columns of the block at cols as offsets from cols (to_offsets), or back to
   pointers: a block stored in a buffer that moves (a task's log, a snapshot). */
static void block_offsets(const SrtSsJoinSideDef *d, SrtDatum *cols, int to_offsets)
{
    if (to_offsets)
        block_rebase(d, cols, (uintptr_t)cols, 0);
    else
        block_rebase(d, cols, 0, (uintptr_t)cols);
}

SrtDatum *srt_ssjoin_add(SrtSsJoin *j, int32_t side, const void *key, uint32_t len, uint64_t hash,
                         const SrtDatum *row, int64_t evict_at)
{
    SsSide *s = &j->side[side];
    /* the slots this row goes to and the probe after it reads miss the cache: asked for now,
       they come while the row is made */
    __builtin_prefetch(&s->slots[hash & (s->cap - 1)]);
    __builtin_prefetch(&j->side[1 - side].slots[hash & (j->side[1 - side].cap - 1)]);
    const SrtSsJoinSideDef *d = s->def;
    size_t size = sizeof(SsRow) + block_bytes(d, len, row);
    SsRow *r = srt_slab_alloc(&s->slab, size);
    if (!r)
        nomem(j, "join state");
    r->next = NULL;
    r->size = size;
    r->hash = hash;
    r->seq = s->next_seq++;
    r->key_len = len;
    r->matched = 0;
    r->gone = 0;
    /* AddingProcessedRowToStateCompletionIterator: a left row is always kept (this batch's
       right rows have yet to meet it); a right row the state watermark removes now is not,
       unless it is an outer side's row left unmatched (emitted when evicted).  sluice keeps
       it until the batch's eviction, which decides (evict_transient). */
    r->transient = side == 1 && d->evict != SRT_SSJOIN_EVICT_NONE && evict_at <= s->threshold_us;
    fill_block(d, r->cols, key, len, row);
    if (append_row(j, s, r, evict_at) < 0) {
        srt_slab_unalloc(&s->slab, r, size);
        nomem(j, "join state");
    }
    j->added += !r->transient;
    return r->cols;
}

static SsRow *row_of(const SrtDatum *cols)
{
    return (SsRow *)(void *)((uint8_t *)(uintptr_t)cols - offsetof(SsRow, cols));
}

void srt_ssjoin_matched(SrtSsJoin *j, int32_t side, SrtDatum *own, const SrtDatum *other)
{
    row_of(own)->matched = 1; /* added in this batch: saved whole */
    SsRow *o = row_of(other);
    if (o->matched)
        return;
    o->matched = 1;
    SsSide *s = &j->side[1 - side];
    if (o->seq >= s->saved_seq)
        return;
    /* in the last state version: the next delta says it matched (a failure fails the save) */
    if (srt_mem_grow(j->q->mem, (void **)&s->flips, &s->cap_flips, sizeof *s->flips,
                     s->n_flips + 1) < 0)
        s->lost = 1;
    else
        s->flips[s->n_flips++] = o->seq;
}

void srt_ssjoin_forget(SrtSsJoin *j, int32_t side, SrtDatum *own)
{
    SsRow *r = row_of(own);
    if (r->transient)
        return;
    r->transient = 1; /* gone with the batch's eviction, never counted */
    j->side[side].n_transient++;
    j->added--;
}

const SrtDatum *srt_ssjoin_null_row(SrtSsJoin *j, int32_t side)
{
    return j->null_row[side];
}

/* ==== A split batch (--threads) ====
** A parallel task joins nothing: each row that reaches the join is logged in the task's
** value log (SrtQuery.vlog, which such a query uses for nothing else: its aggregation is
** updated on the query's thread) as a head and the row's block, its copied columns as
** offsets in the block.  The fold hands the entries to the generated row function on the
** query's thread in input order, each input's with its name for a row's error
** (srt_vlog_each), so the state, the matched flags and the rows the join makes are one
** thread's (StreamingSymmetricHashJoinExec processes the left input, then the right one). */

typedef struct LogHead {
    uint32_t size; /* of the entry, head included (a multiple of 8) */
    uint32_t key_len;
    uint8_t side, flags, pad[6];
    uint64_t hash;
    int64_t evict_at;
} LogHead;

void srt_ssjoin_log(SrtSsJoin *j, int32_t side, int32_t flags, const void *key, uint32_t len,
                    uint64_t hash, const SrtDatum *row, int64_t evict_at)
{
    SrtQuery *q = j->q;
    const SrtSsJoinSideDef *d = j->side[side].def;
    size_t size = sizeof(LogHead) + block_bytes(d, len, row);
    SrtValueLog *l = &q->vlog;
    uint8_t *p = l->cap - l->len >= size ? l->p + l->len : srt_vlog_grow(q, size);
    if (!p)
        nomem(j, "parallel task");
    LogHead h = {(uint32_t)size, len, (uint8_t)side, (uint8_t)flags, {0}, hash, evict_at};
    memcpy(p, &h, sizeof h);
    SrtDatum *cols = (SrtDatum *)(void *)(p + sizeof h);
    fill_block(d, cols, key, len, row);
    block_offsets(d, cols, 1);
    l->len += size;
}

/* Entries the fold looks ahead: their slots, in both sides' indexes, are asked for while the
   rows before them are joined. */
#define FOLD_AHEAD 8

/* Bring the slots the entry at e adds to and probes into the cache (a hint: a slot array
   reindexed meanwhile costs nothing); its size.  The prefetches stay in the caller: GCC
   drops a call to a function that only prefetches, as one without effect. */
#define PREFETCH_ENTRY(j, e, size_out)                                                             \
    do {                                                                                           \
        LogHead h_;                                                                                \
        memcpy(&h_, (e), sizeof h_);                                                               \
        if (!(h_.flags & SRT_SSJOIN_ROW_PREFAIL))                                                  \
            for (int s_ = 0; s_ < 2; s_++)                                                         \
                __builtin_prefetch(&(j)->side[s_].slots[h_.hash & ((j)->side[s_].cap - 1)]);       \
        (size_out) = h_.size;                                                                      \
    } while (0)

static void fold_run(SrtQuery *q, const uint8_t *p, size_t len, void *ctx)
{
    const SrtSsJoin *j = ctx;
    /* The index lookups of a batch's rows miss the cache (its slots are spread over megabytes
       of rows kept): the hashes the tasks computed let the fold ask FOLD_AHEAD rows ahead,
       which one thread, meeting its rows one at a time, cannot. */
    size_t ahead = 0, n;
    for (int i = 0; i < FOLD_AHEAD && ahead < len; i++) {
        PREFETCH_ENTRY(j, p + ahead, n);
        ahead += n;
    }
    for (size_t at = 0; at < len;) {
        LogHead h;
        memcpy(&h, p + at, sizeof h);
        if (ahead < len) {
            PREFETCH_ENTRY(j, p + ahead, n);
            ahead += n;
        }
        SrtDatum *cols = (SrtDatum *)(void *)(uintptr_t)(p + at + sizeof h);
        block_offsets(j->side[h.side].def, cols, 0);
        q->def->ssjoin_row(q, h.side, h.flags, cols + j->side[h.side].def->n_cols, h.key_len,
                           h.hash, cols, h.evict_at);
        srt_scratch_reset(q);
        at += h.size;
    }
}

static void fold_log(SrtQuery *q, void *ctx)
{
    const SrtQuery *w = ctx;
    srt_vlog_each(q, &w->vlog, fold_run, srt_query_ssjoin(q, SRT_OP_SSJOIN));
}

/* The rows task logged, joined on op's query in order, under a guard (out of memory or a
   row's error fails the query there): 0, or -code. */
static int ssjoin_fold(SrtOperator *op, SrtOperator *task)
{
    SrtQuery *q = op->q;
    int rc = srt_query_guarded(q, fold_log, task->q);
    if (rc == 0 && q->failed)
        rc = -(q->err.code ? q->err.code : SRT_ERR_QUERY);
    return rc;
}

static void ssjoin_task_clear(SrtOperator *task)
{
    SRT_UNUSED(task); /* it joined nothing; its log is the worker's (srt_par.c) */
}

/* ==== The operator ==== */

static SrtSsJoin *state(const SrtOperator *op)
{
    return op->state;
}

static int ssjoin_create(SrtOperator *op, SrtErr *err)
{
    SrtSsJoin *j = srt_mem_calloc(op->q->mem, sizeof *j);
    if (!j)
        return srt_err_nomem(err, "join state");
    j->q = op->q;
    op->state = j;
    for (int s = 0; s < 2; s++) {
        j->side[s].def = &op->def->ssjoin[s];
        j->side[s].threshold_us = INT64_MIN;
        srt_slab_init(&j->side[s].slab, op->q->mem);
        uint32_t n = op->def->ssjoin[s].n_cols;
        if (reindex(j, &j->side[s], 8) < 0 ||
            !(j->null_row[s] = srt_mem_calloc(op->q->mem, sizeof(SrtDatum) * (n ? n : 1))))
            return srt_err_nomem(err, "join state");
        for (uint32_t c = 0; c < n; c++)
            j->null_row[s][c].is_null = 1;
    }
    return 0;
}

/* The state watermark of side s for the batch's watermark wm_ms (µs; INT64_MIN: none). */
static int64_t side_threshold(const SrtSsJoinSideDef *d, int has_watermark, int64_t wm_ms)
{
    if (!has_watermark)
        return INT64_MIN;
    switch (d->evict) {
    case SRT_SSJOIN_EVICT_KEY:
        return wm_ms * 1000;
    case SRT_SSJOIN_EVICT_VALUE: {
        int64_t sw = INT64_MAX;
        for (uint32_t b = 0; b < d->n_bounds; b++) {
            int64_t v = (int64_t)(((double)wm_ms * 1000.0 + (double)d->bound_us[b]) / 1000.0);
            v -= d->bound_inclusive[b] ? 1 : 0;
            if (v < sw)
                sw = v;
        }
        return sw == INT64_MAX ? INT64_MIN : sw * 1000;
    }
    }
    return INT64_MIN;
}

/* StreamingSymmetricHashJoinExec.produceOutputWatermark (Spark 3.5): min(left state
   watermark, right state watermark, input watermark), each side's from
   StreamingSymmetricHashJoinHelper.getStateWatermark: the input watermark when a join key
   carries it, the state value watermark its time bounds give, or none. */
int64_t srt_op_ssjoin_output_watermark(const SrtOperator *join, int64_t wm_ms)
{
    int64_t out = wm_ms;
    for (int s = 0; s < 2; s++) {
        int64_t t = side_threshold(&join->def->ssjoin[s], join->q->def->has_watermark, wm_ms);
        if (t != INT64_MIN && t / 1000 < out)
            out = t / 1000;
    }
    return out;
}

static int ssjoin_begin_batch(SrtOperator *op)
{
    SrtSsJoin *j = state(op);
    op->st.rows_at_start = (int64_t)(j->side[0].n_rows + j->side[1].n_rows);
    for (int s = 0; s < 2; s++)
        j->side[s].threshold_us =
            side_threshold(j->side[s].def, op->q->def->has_watermark, op->q->watermark_ms);
    j->added = 0;
    return 0;
}

static int ssjoin_check(const SrtOpDef *d, SrtOutMode mode, SrtErr *err)
{
    SRT_UNUSED(d);
    if (mode == SRT_OUT_APPEND)
        return 0;
    return srt_err_set(err, SRT_ERR_QUERY,
                       "Join between two streaming DataFrames/Datasets is not supported in %s "
                       "output mode, only in Append output mode",
                       mode == SRT_OUT_UPDATE ? "Update" : "Complete");
}

static int ssjoin_watermark_cleans(const SrtOperator *op)
{
    /* StreamingSymmetricHashJoinExec.shouldRunAnotherBatch: a state watermark predicate. */
    return op->def->ssjoin[0].evict != SRT_SSJOIN_EVICT_NONE ||
           op->def->ssjoin[1].evict != SRT_SSJOIN_EVICT_NONE;
}

/* Keep room in s->gone for n rows.  0, or -1 out of memory. */
static int gone_room(SrtSsJoin *j, SsSide *s, size_t n)
{
    if (n <= s->cap_gone)
        return 0;
    SsRow **g = srt_mem_alloc(j->q->mem, sizeof *g * n);
    if (!g)
        return -1;
    srt_mem_free(j->q->mem, s->gone, sizeof *s->gone * s->cap_gone);
    s->gone = g;
    s->cap_gone = n;
    return 0;
}

/* How many gone rows ahead drop_gone asks for a slot (and twice as many for a row). */
#define DROP_AHEAD 8

/* Take the n_gone rows of s->gone out of the index (or index the kept rows again when the
   slots no longer fit them, as a new index of them would be sized) and free their chunks
   that hold no row kept. */
static int drop_gone(SrtSsJoin *j, SsSide *s, size_t n_gone)
{
    SrtSlabChunk *chunk = NULL; /* of the last row freed */
    if (!slots_fit(s, s->n_rows)) {
        if (reindex(j, s, s->n_rows) < 0)
            return -1;
        for (size_t i = 0; i < n_gone; i++)
            srt_slab_release(&s->slab, &chunk, s->gone[i], s->gone[i]->size);
        srt_slab_sweep(&s->slab);
        return 0;
    }
    /* Each gone row and then its slot miss the cache: both are asked for ahead.  A row is in
       no chain once its turn is over (unlinked by it or by a row of its key before it), so it
       is freed there (s->gone is in the rows' order, as the slab wants); its chunk goes once
       every row in it is. */
    size_t mask = s->cap - 1;
    for (size_t i = 0; i < n_gone; i++) {
        if (i + 2 * DROP_AHEAD < n_gone)
            __builtin_prefetch(s->gone[i + 2 * DROP_AHEAD]);
        if (i + DROP_AHEAD < n_gone)
            __builtin_prefetch(&s->slots[s->gone[i + DROP_AHEAD]->hash & mask]);
        SsRow *r = s->gone[i];
        if (r->gone == GONE_LINKED)
            unlink_gone(s, r);
        srt_slab_release(&s->slab, &chunk, r, r->size);
    }
    srt_slab_sweep(&s->slab);
    return 0;
}

/* Record that rows[i], of seq `seq`, goes with the next state delta: the run of the row
   evicted before it (rows[*last], SIZE_MAX: none) grows when that was rows[i - 1] (a run
   names the rows between, evicted already, too). */
static void drop_noted(SrtSsJoin *j, SsSide *s, size_t i, size_t *last, uint64_t seq)
{
    if (*last != SIZE_MAX && *last + 1 == i) {
        s->drops[s->n_drops - 1] = seq;
    } else if (srt_mem_grow(j->q->mem, (void **)&s->drops, &s->cap_drops, sizeof *s->drops,
                            s->n_drops + 2) < 0) {
        s->lost = 1;
        i = SIZE_MAX;
    } else {
        s->drops[s->n_drops++] = seq;
        s->drops[s->n_drops++] = seq;
    }
    *last = i;
}

/* Remove the rows of side `side` at or before its state watermark (removeOldState); on an
   outer side each unmatched one first makes its row with the other side NULL (the generated
   outer function).  How many went (not the transient rows Spark never kept),
   or -1 out of memory. */
static int64_t evict(SrtSsJoin *j, int side)
{
    SsSide *s = &j->side[side];
    int by_time = s->def->evict != SRT_SSJOIN_EVICT_NONE && s->threshold_us != INT64_MIN;
    if (!by_time && !s->n_transient)
        return 0;
    if (gone_room(j, s, s->n_rows) < 0)
        return -1;
    size_t kept = 0, n_gone = 0, last_drop = SIZE_MAX;
    int64_t gone = 0;
    for (size_t i = 0; i < s->n_rows; i++) {
        SsRow *r = s->rows[i];
        int64_t at = s->evict_at[i];
        if (!(by_time && at <= s->threshold_us) && !(s->n_transient && r->transient)) {
            s->evict_at[kept] = at;
            s->rows[kept++] = r;
            continue;
        }
        int emit = s->def->outer && !r->matched;
        if (emit) {
            s->rows[kept] = r; /* while generated code runs, the side stays whole */
            s->def->outer(j->q, side, r->cols);
        }
        if (r->seq < s->saved_seq) /* in the last state version: the delta drops it */
            drop_noted(j, s, i, &last_drop, r->seq);
        /* a transient row counts only as an outer side's unmatched row (added, then output) */
        gone += !r->transient;
        j->added += r->transient && emit;
        s->bytes -= r->size;
        r->gone = GONE_LINKED;
        s->gone[n_gone++] = r;
    }
    s->n_rows = kept;
    s->n_transient = 0;
    if (n_gone && drop_gone(j, s, n_gone) < 0)
        return -1;
    return s->lost ? -1 : gone;
}

/* A side's chunks are compacted past twice its rows' bytes and this many bytes. */
#define COMPACT_MIN ((size_t)4 << 20)

/* Copy the rows of s in order to new chunks when its chunks hold more than twice their bytes
   (rows kept long among the ones gone), and index them again: each key's chain keeps its
   order, that of the rows.  Between batches only: generated code holds no row.  0, or -1 out
   of memory (the rows where they were). */
static int compact(SrtSsJoin *j, SsSide *s)
{
    if (s->slab.bytes <= 2 * s->bytes || s->slab.bytes < COMPACT_MIN)
        return 0;
    if (gone_room(j, s, s->n_rows) < 0)
        return -1;
    SrtSlab fresh;
    srt_slab_init(&fresh, j->q->mem);
    for (size_t i = 0; i < s->n_rows; i++) {
        SsRow *r = s->rows[i], *m = srt_slab_alloc(&fresh, r->size);
        if (!m) {
            memcpy(s->rows, s->gone, sizeof *s->rows * i); /* where they were */
            srt_slab_free(&fresh);
            return -1;
        }
        memcpy(m, r, r->size);
        block_rebase(s->def, m->cols, (uintptr_t)r->cols, (uintptr_t)m->cols);
        s->gone[i] = r;
        s->rows[i] = m;
    }
    if (reindex(j, s, s->n_rows) < 0) {
        memcpy(s->rows, s->gone, sizeof *s->rows * s->n_rows);
        srt_slab_free(&fresh);
        return -1;
    }
    srt_slab_free(&s->slab);
    s->slab = fresh;
    return 0;
}

size_t srt_op_ssjoin_chunk_bytes(const SrtOperator *join, int side)
{
    return state(join)->side[side].slab.bytes;
}

/* ==== Checkpoint ====
** State version v (state/<op>/<v>.snapshot or .delta, srt_ckpt.c) is a snapshot on the
** versions srt_op_snapshot_due names (every 10th), else a delta against version v - 1.  Each
** record is a put whose value starts with a RecHead: the side and the record's kind.
**   REC_ROW_SEQ   a row; the key is its key bytes (checked against the key layout on
**              restore), the value its matched and transient flags, eviction time and seq,
**              then its block (datums, key, bytes) with each copied pointer stored as its
**              offset in the block;
**   REC_ROW_NEXT  the same without the seq: the side's next (the row before's seq + 1, or
**              the next seq of version v - 1 for a delta's first row, 0 for a snapshot's);
**   REC_FLIPS  the seqs of rows of version v - 1 matched since (a delta);
**   REC_DROPS  runs, first and last seq, of rows of version v - 1 evicted since (a delta):
**              every row with a seq in a run goes;
**   REC_NEXT   the side's next seq (rows added and evicted in one batch leave no row).
** The others have an empty key and u64s after the head.  Per side, a snapshot holds its rows
** in order and REC_NEXT; a delta REC_FLIPS and REC_DROPS (when there are any), the rows added
** since (the rows from saved_seq on: seqs grow along rows) and REC_NEXT.  A restore replays
** the newest snapshot at or below the version and the deltas after it in order, which
** rebuilds each side's rows in their order with their flags, eviction times and seqs.  (Earlier
** versions of sluice wrote a snapshot every version, its rows all REC_ROW_NEXT.) */

enum { REC_ROW_NEXT = 0, REC_ROW_SEQ = 1, REC_FLIPS = 2, REC_DROPS = 3, REC_NEXT = 4 };

typedef struct RecHead {
    uint8_t side, matched, transient, kind, pad[4];
} RecHead;

typedef struct RowHead {
    RecHead rec;
    int64_t evict_at;
    uint64_t seq; /* REC_ROW_SEQ only */
} RowHead;

/* No row has a seq this high (a restored one would wrap the seqs after it). */
#define SEQ_LIMIT ((uint64_t)1 << 62)

/* u64s per REC_FLIPS or REC_DROPS record (even: a run is never split). */
#define SEQS_PER_RECORD ((size_t)1 << 20)

static size_t block_size(const SsRow *r)
{
    return r->size - sizeof(SsRow);
}

/* The index of the first row of s whose seq is seq or more (n_rows: none). */
static size_t first_at(const SsSide *s, uint64_t seq)
{
    size_t lo = 0, hi = s->n_rows;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->rows[mid]->seq < seq)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Row i of side `side`; *next: the seq a restore gives a row without one, then the row's + 1. */
static int put_row(SrtSsJoin *j, SrtStateWriter *w, int side, size_t i, uint64_t *next, SrtBuf *val)
{
    const SsSide *s = &j->side[side];
    const SrtSsJoinSideDef *d = s->def;
    const SsRow *r = s->rows[i];
    int kind = r->seq == *next ? REC_ROW_NEXT : REC_ROW_SEQ;
    RowHead h = {
        {(uint8_t)side, r->matched, r->transient, (uint8_t)kind, {0}}, s->evict_at[i], r->seq};
    *next = r->seq + 1;
    srt_buf_clear(val);
    srt_buf_put(val, (const char *)&h, kind == REC_ROW_SEQ ? sizeof h : offsetof(RowHead, seq));
    size_t at = val->n;
    srt_buf_put(val, (const char *)r->cols, block_size(r));
    if (val->oom)
        return -SRT_ERR_NOMEM;
    SrtDatum *cols = (SrtDatum *)(void *)(val->p + at);
    for (uint32_t c = 0; c < d->n_cols; c++)
        if (d->kinds[c] && !cols[c].is_null)
            cols[c].p =
                (const void *)(uintptr_t)((const uint8_t *)cols[c].p - (const uint8_t *)r->cols);
    return srt_state_put(w, row_key(r, d->n_cols), r->key_len, val->p, (uint32_t)val->n);
}

/* The n u64s at v as records of kind `kind` of side `side` (none when n is 0). */
static int put_seqs(SrtStateWriter *w, int side, int kind, const uint64_t *v, size_t n, SrtBuf *val)
{
    RecHead h = {(uint8_t)side, 0, 0, (uint8_t)kind, {0}};
    int rc = 0;
    for (size_t at = 0; rc >= 0 && at < n; at += SEQS_PER_RECORD) {
        size_t k = n - at < SEQS_PER_RECORD ? n - at : SEQS_PER_RECORD;
        srt_buf_clear(val);
        srt_buf_put(val, (const char *)&h, sizeof h);
        srt_buf_put(val, (const char *)(v + at), sizeof *v * k);
        rc = val->oom ? -SRT_ERR_NOMEM : srt_state_put(w, "", 0, val->p, (uint32_t)val->n);
    }
    return rc;
}

static int cmp_seq(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Side `side`'s records of a snapshot, or of a delta against the version last written. */
static int put_side(SrtSsJoin *j, SrtStateWriter *w, int side, int snapshot, SrtBuf *val)
{
    SsSide *s = &j->side[side];
    size_t from = 0;
    uint64_t next = snapshot ? 0 : s->saved_seq;
    int rc = 0;
    if (!snapshot) {
        /* in seq order: the file does not depend on the order rows met */
        if (s->n_flips > 1)
            qsort(s->flips, s->n_flips, sizeof *s->flips, cmp_seq);
        rc = put_seqs(w, side, REC_FLIPS, s->flips, s->n_flips, val);
        if (rc >= 0)
            rc = put_seqs(w, side, REC_DROPS, s->drops, s->n_drops, val);
        from = first_at(s, s->saved_seq);
    }
    for (size_t i = from; rc >= 0 && i < s->n_rows; i++)
        rc = put_row(j, w, side, i, &next, val);
    if (rc >= 0)
        rc = put_seqs(w, side, REC_NEXT, &s->next_seq, 1, val);
    return rc;
}

/* The state is version `version` (written or restored): what the next delta records starts
   empty. */
static void mark_saved(SrtSsJoin *j)
{
    for (int s = 0; s < 2; s++) {
        j->side[s].saved_seq = j->side[s].next_seq;
        j->side[s].n_flips = j->side[s].n_drops = 0;
    }
}

static int ssjoin_save(SrtOperator *op)
{
    SrtSsJoin *j = state(op);
    SrtQuery *q = op->q;
    int64_t t0 = srt_mono_us();
    for (int s = 0; s < 2; s++) {
        int64_t gone = evict(j, s);
        /* a flip not recorded (out of memory) would be lost by the next delta */
        if (gone < 0 || j->side[s].lost || compact(j, &j->side[s]) < 0)
            return srt_err_nomem(&q->err, "join state");
        op->st.removed += gone;
    }
    op->st.updated = j->added;
    int64_t t1 = srt_mono_us();
    op->st.removal_us += t1 - t0;
    if (!q->ckpt)
        return 0;
    SrtStateWriter *w = NULL;
    SrtBuf val;
    srt_buf_init(&val, q->mem);
    int64_t version = q->batch_id + 1;
    int snapshot = srt_op_snapshot_due(version);
    int rc = srt_ckpt_state_begin(q->ckpt, op->def->id, version, snapshot, &w, &q->err);
    for (int s = 0; rc >= 0 && s < 2; s++)
        rc = put_side(j, w, s, snapshot, &val);
    if (rc >= 0) {
        rc = srt_state_commit(w, &q->err);
        w = NULL;
    }
    if (w)
        srt_state_abort(w);
    srt_buf_free(&val);
    if (rc >= 0)
        mark_saved(j);
    op->st.commit_us = srt_mono_us() - t1;
    if (rc == -SRT_ERR_NOMEM && !q->err.code)
        srt_err_nomem(&q->err, "join state");
    else if (rc < 0 && !q->err.code)
        srt_err_set(&q->err, -rc, "writing the state of batch %lld failed", (long long)q->batch_id);
    return rc;
}

/* A REC_ROW_SEQ or REC_ROW_NEXT record: the row appended to its side. */
static int load_row(SrtOperator *op, int kind, const uint8_t *key, uint32_t key_len,
                    const uint8_t *val, uint32_t val_len)
{
    SrtSsJoin *j = state(op);
    SrtQuery *q = op->q;
    int rc = srt_state_key_check(&op->def->schema, key, key_len, &q->err);
    if (rc < 0)
        return rc;
    RowHead h;
    size_t head = kind == REC_ROW_SEQ ? sizeof h : offsetof(RowHead, seq);
    if (val_len < head)
        return srt_err_set(&q->err, SRT_ERR_FORMAT, "not a row of join state");
    memcpy(&h, val, head);
    SsSide *s = &j->side[h.rec.side];
    if (kind == REC_ROW_NEXT)
        h.seq = s->next_seq;
    if (h.seq >= SEQ_LIMIT)
        return srt_err_set(&q->err, SRT_ERR_FORMAT, "join state: side %d has a row %llu",
                           h.rec.side, (unsigned long long)h.seq);
    if (h.seq < s->next_seq)
        return srt_err_set(
            &q->err, SRT_ERR_FORMAT, "join state: row %llu of side %d comes after row %llu",
            (unsigned long long)h.seq, h.rec.side, (unsigned long long)s->next_seq - 1);
    const SrtSsJoinSideDef *d = s->def;
    size_t block = val_len - head;
    size_t fixed = sizeof(SrtDatum) * d->n_cols + (((size_t)key_len + 7u) & ~(size_t)7u);
    if (block < fixed || memcmp(val + head + sizeof(SrtDatum) * d->n_cols, key, key_len) != 0)
        return srt_err_set(&q->err, SRT_ERR_FORMAT,
                           "join state: a row of side %d does not fit its columns", h.rec.side);
    SsRow *r = srt_slab_alloc(&s->slab, sizeof(SsRow) + block);
    if (!r)
        return srt_err_nomem(&q->err, "join state");
    memcpy(r->cols, val + head, block);
    for (uint32_t c = 0; c < d->n_cols; c++) {
        if (!d->kinds[c] || r->cols[c].is_null)
            continue;
        uintptr_t off = (uintptr_t)r->cols[c].p;
        if (off < fixed || off > block || copied(d, r->cols, c) > block - off) {
            srt_slab_unalloc(&s->slab, r, sizeof(SsRow) + block);
            return srt_err_set(&q->err, SRT_ERR_FORMAT,
                               "join state: a value of side %d is out of its row", h.rec.side);
        }
        r->cols[c].p = (const uint8_t *)r->cols + off;
    }
    r->next = NULL;
    r->size = sizeof(SsRow) + block;
    r->hash = srt_hash(key, key_len);
    r->seq = h.seq;
    r->key_len = key_len;
    r->matched = h.rec.matched;
    r->transient = h.rec.transient;
    r->gone = 0;
    if (append_row(j, s, r, h.evict_at) < 0) {
        srt_slab_unalloc(&s->slab, r, r->size);
        return srt_err_nomem(&q->err, "join state");
    }
    s->next_seq = h.seq + 1;
    return 0;
}

/* REC_FLIPS: the n rows of side `side` with the seqs at v are matched. */
static int load_flips(SrtSsJoin *j, int side, const uint8_t *v, size_t n)
{
    SsSide *s = &j->side[side];
    for (size_t k = 0; k < n; k++) {
        uint64_t seq;
        memcpy(&seq, v + 8 * k, 8);
        size_t i = first_at(s, seq);
        if (i == s->n_rows || s->rows[i]->seq != seq)
            return srt_err_set(&j->q->err, SRT_ERR_FORMAT,
                               "join state: side %d has no row %llu to mark matched", side,
                               (unsigned long long)seq);
        s->rows[i]->matched = 1;
    }
    return 0;
}

/* REC_DROPS: the rows of side `side` in the n / 2 runs at v go.  A run names rows of the
   version before (below the side's next seq: the delta's rows come after its drops); the rows
   in it the state does not have went earlier. */
static int load_drops(SrtSsJoin *j, int side, const uint8_t *v, size_t n)
{
    SsSide *s = &j->side[side];
    for (size_t k = 0; k + 1 < n; k += 2) {
        uint64_t first, last;
        memcpy(&first, v + 8 * k, 8);
        memcpy(&last, v + 8 * k + 8, 8);
        if (first > last || last >= s->next_seq)
            return srt_err_set(&j->q->err, SRT_ERR_FORMAT,
                               "join state: side %d drops rows %llu to %llu, its rows end "
                               "before %llu",
                               side, (unsigned long long)first, (unsigned long long)last,
                               (unsigned long long)s->next_seq);
    }
    if (gone_room(j, s, s->n_rows) < 0)
        return srt_err_nomem(&j->q->err, "join state");
    for (size_t k = 0; k + 1 < n; k += 2) {
        uint64_t first, last;
        memcpy(&first, v + 8 * k, 8);
        memcpy(&last, v + 8 * k + 8, 8);
        for (size_t i = first_at(s, first); i < s->n_rows && s->rows[i]->seq <= last; i++)
            s->rows[i]->gone = GONE_LINKED;
    }
    /* s->gone in the rows' order whatever the runs' (the slab releases in that order) */
    size_t kept = 0, n_gone = 0;
    for (size_t i = 0; i < s->n_rows; i++) {
        SsRow *r = s->rows[i];
        if (r->gone) {
            s->bytes -= r->size;
            s->gone[n_gone++] = r;
            continue;
        }
        s->evict_at[kept] = s->evict_at[i];
        s->rows[kept++] = r;
    }
    s->n_rows = kept;
    if (n_gone && drop_gone(j, s, n_gone) < 0)
        return srt_err_nomem(&j->q->err, "join state");
    return 0;
}

static int load_record(void *ctx, int is_put, const uint8_t *key, uint32_t key_len,
                       const uint8_t *val, uint32_t val_len)
{
    SrtOperator *op = ctx;
    SrtSsJoin *j = state(op);
    SrtErr *err = &op->q->err;
    RecHead h;
    if (!is_put || val_len < sizeof h)
        return srt_err_set(err, SRT_ERR_FORMAT, "not a record of join state");
    memcpy(&h, val, sizeof h);
    if (h.side > 1)
        return srt_err_set(err, SRT_ERR_FORMAT, "join state: no side %d", h.side);
    if (h.kind == REC_ROW_SEQ || h.kind == REC_ROW_NEXT)
        return load_row(op, h.kind, key, key_len, val, val_len);
    const uint8_t *v = val + sizeof h;
    size_t n = (val_len - sizeof h) / 8;
    if (key_len || (val_len - sizeof h) % 8 || (h.kind == REC_DROPS && n % 2) ||
        (h.kind == REC_NEXT && n != 1))
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "join state: a record of kind %d of side %d has %u bytes", h.kind,
                           h.side, (unsigned)(val_len - sizeof h));
    SsSide *s = &j->side[h.side];
    uint64_t next;
    switch (h.kind) {
    case REC_FLIPS:
        return load_flips(j, h.side, v, n);
    case REC_DROPS:
        return load_drops(j, h.side, v, n);
    case REC_NEXT:
        memcpy(&next, v, 8);
        if (next > SEQ_LIMIT)
            return srt_err_set(err, SRT_ERR_FORMAT, "join state: side %d's next row is %llu",
                               h.side, (unsigned long long)next);
        if (next < s->next_seq)
            return srt_err_set(err, SRT_ERR_FORMAT,
                               "join state: side %d's next row %llu is below row %llu", h.side,
                               (unsigned long long)next, (unsigned long long)s->next_seq - 1);
        s->next_seq = next;
        return 0;
    }
    return srt_err_set(err, SRT_ERR_FORMAT, "join state: unknown record kind %d", h.kind);
}

static int ssjoin_restore(SrtOperator *op, int64_t version, SrtErr *err)
{
    int rc = srt_op_load(op, version, load_record, op, err);
    if (rc >= 0)
        mark_saved(state(op));
    return rc;
}

/* An outer join's unmatched rows are output rows of the batch: its outer sides are evicted
   here, before the sink (Spark's outer output iterators follow the joined rows); the other
   sides after it (ssjoin_save). */
static int ssjoin_output(SrtOperator *op)
{
    SrtSsJoin *j = state(op);
    int64_t t0 = srt_mono_us();
    for (int s = 0; s < 2; s++) {
        if (!j->side[s].def->outer)
            continue;
        /* not numRowsRemoved: Spark counts the cleanup of the other sides only */
        if (evict(j, s) < 0)
            return srt_err_nomem(&op->q->err, "join state");
    }
    op->st.removal_us = srt_mono_us() - t0;
    return 0;
}

static void ssjoin_progress(const SrtOperator *op, int idle, SrtStateOpProgress *out)
{
    const SrtSsJoin *j = state(op);
    out->num_rows_total = (int64_t)(j->side[0].n_rows + j->side[1].n_rows);
    /* SymmetricHashJoinStateManager.allStateStoreNames: keyToNumValues and keyWithIndexToValue
       of each side */
    out->num_state_store_instances = 4;
    if (!idle)
        srt_op_batch_progress(op, out);
    size_t bytes = 0;
    for (int s = 0; s < 2; s++)
        bytes += j->side[s].bytes + sizeof(SsKey) * j->side[s].cap +
                 (sizeof(SsRow *) + sizeof(int64_t)) * j->side[s].cap_rows;
    out->memory_used_bytes = (int64_t)bytes;
}

static void ssjoin_destroy(SrtOperator *op)
{
    SrtSsJoin *j = state(op);
    if (!j)
        return;
    for (int s = 0; s < 2; s++) {
        SsSide *sd = &j->side[s];
        srt_slab_free(&sd->slab);
        srt_mem_free(j->q->mem, sd->rows, sizeof *sd->rows * sd->cap_rows);
        srt_mem_free(j->q->mem, sd->evict_at, sizeof *sd->evict_at * sd->cap_rows);
        srt_mem_free(j->q->mem, sd->gone, sizeof *sd->gone * sd->cap_gone);
        srt_mem_free(j->q->mem, sd->slots, sizeof *sd->slots * sd->cap);
        srt_mem_free(j->q->mem, sd->hits, sizeof *sd->hits * sd->cap_hits);
        srt_mem_free(j->q->mem, sd->flips, sizeof *sd->flips * sd->cap_flips);
        srt_mem_free(j->q->mem, sd->drops, sizeof *sd->drops * sd->cap_drops);
        srt_mem_free(j->q->mem, j->null_row[s],
                     sizeof(SrtDatum) * (sd->def->n_cols ? sd->def->n_cols : 1));
    }
    srt_mem_free(j->q->mem, j, sizeof *j);
}

static const char *const ssjoin_names[] = {"symmetricHashJoin", NULL};

const SrtOperatorVt srt_op_ssjoin_vt = {
    ssjoin_names,
    "stream-stream join",
    0,
    ssjoin_check,
    ssjoin_create,
    ssjoin_begin_batch,
    ssjoin_output,
    NULL, /* the rows stay as they are */
    ssjoin_watermark_cleans,
    ssjoin_save,
    ssjoin_restore,
    ssjoin_progress,
    ssjoin_destroy,
    ssjoin_fold,
    ssjoin_task_clear,
};
