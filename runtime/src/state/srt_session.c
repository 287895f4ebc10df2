/* srt_session.c - the state table of session windows: per key K (the group key bytes with
** the 16-byte session slot zeroed), a sorted list of disjoint sessions [start, end), each
** with state_size bytes of aggregate state.
**
** Layout.  Keys are entries of a dense array in first-insertion order; their bytes live
** packed in one growable buffer (the stored copy always has the slot zeroed).  The index
** is an open-addressing array of entry numbers (+1; 0 is empty) with linear probing, at
** most half full; the entry keeps the key's hash, so a probe compares bytes only on a
** likely hit.  Each key owns one array of sessions sorted by start: a 16-byte header
** (start, end as int64) followed by the state rounded up to 16 bytes, so states are
** 16-byte aligned (allocations are, as in the arena).  Sessions of a key never overlap
** nor touch, so their ends are sorted as well and a binary search finds where a new
** [start, end) lands.
**
** Upsert merges every session s with s.start <= end && start <= s.end (touching
** sessions merge, as Spark's MergingSessionsIterator) into the first of them with the
** registered merge function; merging needs no memory, and everything a new key or a
** new session needs is allocated before the table changes, so running out of memory
** leaves the table as it was.
**
** Removal happens only in srt_sessions_visit (watermark eviction): sessions are slid
** down in their array as the walk goes, an emptied array is freed, and afterwards the
** entries of emptied keys are dropped, the live key bytes slid down, oversized arrays
** shrunk and the index rebuilt (smaller when it got much emptier, in place when the
** smaller allocation fails), so memory stays flat when old sessions leave batch after
** batch, and the walk itself never fails for memory.  A visitor must not upsert into or
** restore to the table it visits (the key it is handed is the table's scratch buffer).
**
** Batch tables (srt_sessions_new_batch) hold a batch's partial aggregates: every session
** is a row's own session [ts, end), a point named by (ts, end) (the end is ts + the gap,
** which a per-row gap or one with months makes differ between rows of one ts), and a key's
** points stay in arrival order, so a row costs about the same whatever order the batch's
** files come in.  Points are ordered by ts, then end, as Spark sorts the partial aggregates
** by the session struct.  A key's list is an indexed part, found through a second index on
** (K, ts, end) (open addressing, at most half full, each slot holding ts and end, so a probe
** reads no session), then a pending part not indexed yet, then a tail of points in
** ascending order found by binary search.  A file's rows mostly come in time
** order, so most points join the tail (appended, or slid in among its last few); a point
** that falls further back ends the tail, which becomes a pending run found by binary
** search, and starts a new one.  Past RUNS pending runs, a key's runs move into the index
** (one pass, whose misses overlap).  The times of every indexed point lie in a few spans
** kept per table, so a time outside them (a file of other times) needs no probe.  A batch
** table is filled and folded, never visited to remove.
** srt_sessions_fold orders each key's points once (a natural merge sort: they come in
** runs), as the fold reads them in order of start.  srt_sessions_merge_from folds a task's
** batch table into the query's; srt_sessions_points then finds a task's points there by the
** task's key numbers (srt_sessions_last_key) and times, for the values the task logged.
**
** The caller's hash is trusted when the slot bytes of its key are zero (the ABI says
** srt_hash of K); a key whose slot is not zero is hashed here on a zeroed copy, so
** srt_sessions_restore (slot filled) and stray slot bytes find the same K.  Upsert
** returns -SRT_ERR_FORMAT (table unchanged) for a key too short to hold the slot or an
** end before the start; a NULL merge function keeps the first session's state.
*/
#include <stdlib.h>
#include <string.h>

#include "inline/srt_load.h"
#include "srt_int.h"

#define SESS_HDR 16u       /* start, end */
#define FIRST_INDEX 16u    /* index slots of a table's first key */
#define MIN_KEY_BYTES 256u /* key buffer capacity never shrunk below this */
#define MIN_ENTRIES 16u    /* entry array capacity never shrunk below this */
#define TAIL_NEAR 32u      /* a batch table's point this near its tail's end joins it */
#define SPANS 16u          /* time spans that cover a batch table's indexed points */
#define RUNS 64u           /* pending runs a batch table's key keeps before indexing them */

/* A pending run of a batch table's key: its first position and its times. */
typedef struct SessRun {
    uint32_t at;
    int64_t lo, hi;
} SessRun;

typedef struct SessKey {
    uint64_t hash; /* srt_hash of the key with the slot zeroed */
    size_t koff;   /* offset of the key bytes in the key buffer */
    uint32_t key_len;
    uint32_t n, cap; /* sessions held and allocated */
    /* Batch tables: points [0, indexed) are in the points index, [indexed, tail) are
       pending: n_runs runs in ascending time (the first at indexed); [tail, n) ascend by
       time; last is the position of the last point upserted. */
    uint32_t indexed, tail, last, n_runs, cap_runs;
    SessRun *runs;   /* owned: cap_runs runs, NULL before the key's first tail ended */
    uint8_t *sess;   /* owned: cap * stride bytes; NULL when cap is 0 */
} SessKey;

/* A slot of a batch table's points index: the point's time and end, its key's entry
   number + 1 (0: empty) and its position in the key's list. */
typedef struct SessPoint {
    int64_t ts, end;
    uint32_t e1, pos;
} SessPoint;

struct SrtSessions {
    SrtMem *mem; /* borrowed */
    SrtMergeFn merge;
    SrtQuery *q; /* borrowed: handed to merge (a nested value's types), NULL when none */
    uint32_t state_size, stride; /* stride: header + state rounded to 16 */
    uint32_t slot_offset;
    SessKey *keys; /* insertion order */
    size_t n_keys, cap_keys;
    uint8_t *kbuf; /* key bytes of all keys, packed */
    size_t kbuf_used, kbuf_cap;
    uint32_t *index;  /* entry number + 1; 0 empty */
    size_t index_cap; /* power of two, or 0 */
    uint8_t *scratch; /* a key-sized buffer: zeroed keys, keys handed to visitors */
    size_t scratch_cap;
    size_t n_sessions;
    size_t sess_bytes; /* bytes of all session arrays */
    int batch;         /* a batch table: points [ts, end) in arrival order */
    SessPoint *points; /* batch tables: the index on (K, ts, end) */
    size_t points_cap; /* power of two, or 0 */
    size_t n_indexed;  /* points in the index */
    size_t runs_bytes; /* bytes of the keys' run arrays */
    /* The times of every point before its key's tail lie in one of these disjoint spans,
       sorted: a time outside them needs no probe (ended tails add their spans; past
       SPANS, the two nearest merge). */
    int64_t span[SPANS + 1][2]; /* one more while adding */
    uint32_t n_spans;
    uint32_t last_key; /* batch tables: the entry number of the last upsert's key */
    /* STRING slots of the states (pointer, u32 length; srt_sessions_set_string_slots): their
       bytes live in this table's arena or block, never in another table's. */
    uint32_t *str_slots;
    uint32_t n_str_slots;
    SrtArena strings; /* srt_sessions_strdup, copies taken from other tables */
    char *str_block;  /* the live strings packed by the last compaction */
    size_t str_block_size;
    /* collect_list / collect_set (percentile, mode, percentile_approx, histogram_numeric)
       slots (srt_sessions_set_collect_slots): the SrtCollect a state points to is this
       table's. */
    SrtCollectSlot *col_slots;
    uint32_t n_col_slots;
};

/* ======================================================================
** Helpers
** ====================================================================== */

static inline int64_t sess_start(const uint8_t *s)
{
    return (int64_t)srt_load64(s);
}

static inline int64_t sess_end(const uint8_t *s)
{
    return (int64_t)srt_load64(s + 8);
}

static inline void sess_set(uint8_t *s, int64_t start, int64_t end)
{
    memcpy(s, &start, 8);
    memcpy(s + 8, &end, 8);
}

static inline uint8_t *sess_at(const SrtSessions *t, const SessKey *k, size_t i)
{
    return k->sess + i * (size_t)t->stride;
}

/* The order of a batch table's points: the point at s against (ts, end), by ts, then end
   (<0, 0, >0). */
static inline int point_cmp(const uint8_t *s, int64_t ts, int64_t end)
{
    int64_t a = sess_start(s), b = sess_end(s);
    return a != ts ? (a < ts ? -1 : 1) : b != end ? (b < end ? -1 : 1) : 0;
}

static int slot_is_zero(const SrtSessions *t, const uint8_t *key)
{
    static const uint8_t zero[16] = {0};
    return memcmp(key + t->slot_offset, zero, 16) == 0;
}

/* Equality of a stored key with key bytes, ignoring the slot (zero in the stored copy). */
static int key_eq(const SrtSessions *t, const SessKey *k, const uint8_t *key, uint32_t key_len)
{
    if (k->key_len != key_len)
        return 0;
    const uint8_t *a = t->kbuf + k->koff;
    size_t after = t->slot_offset + 16u;
    return memcmp(a, key, t->slot_offset) == 0 &&
           memcmp(a + after, key + after, key_len - after) == 0;
}

/* The index slot holding the key, or the empty slot where it would go (index_cap > 0). */
static size_t probe(const SrtSessions *t, const uint8_t *key, uint32_t key_len, uint64_t hash)
{
    size_t mask = t->index_cap - 1;
    size_t i = (size_t)hash & mask;
    for (;;) {
        uint32_t e = t->index[i];
        if (e == 0)
            return i;
        const SessKey *k = &t->keys[e - 1];
        if (k->hash == hash && key_eq(t, k, key, key_len))
            return i;
        i = (i + 1) & mask;
    }
}

/* Fill an index of cap slots (zeroed here) from the entries. */
static void index_fill(const SrtSessions *t, uint32_t *index, size_t cap)
{
    memset(index, 0, cap * sizeof *index);
    size_t mask = cap - 1;
    for (size_t e = 0; e < t->n_keys; e++) {
        size_t i = (size_t)t->keys[e].hash & mask;
        while (index[i] != 0)
            i = (i + 1) & mask;
        index[i] = (uint32_t)(e + 1);
    }
}

/* Smallest index size that keeps n keys at most half full. */
static size_t index_size_for(size_t n)
{
    size_t cap = FIRST_INDEX;
    while (cap / 2 < n)
        cap *= 2;
    return cap;
}

/* Make room in the index for one more key.  0 or -NOMEM (table unchanged). */
static int index_reserve(SrtSessions *t)
{
    if (t->n_keys + 1 <= t->index_cap / 2)
        return 0;
    size_t cap = index_size_for(t->n_keys + 1);
    if (t->n_keys + 1 >= UINT32_MAX || cap > SIZE_MAX / sizeof(uint32_t))
        return -SRT_ERR_NOMEM;
    uint32_t *ni = srt_mem_alloc(t->mem, cap * sizeof *ni);
    if (!ni)
        return -SRT_ERR_NOMEM;
    index_fill(t, ni, cap);
    srt_mem_free(t->mem, t->index, t->index_cap * sizeof *t->index);
    t->index = ni;
    t->index_cap = cap;
    return 0;
}

/* Grow a byte buffer to hold need bytes (doubling, at least min_cap). */
static int buf_reserve(SrtMem *m, uint8_t **p, size_t *cap, size_t need, size_t min_cap)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : min_cap;
    while (nc < need) {
        if (nc > SIZE_MAX / 2)
            return -SRT_ERR_NOMEM;
        nc *= 2;
    }
    uint8_t *np = srt_mem_realloc(m, *p, *cap, nc);
    if (!np)
        return -SRT_ERR_NOMEM;
    *p = np;
    *cap = nc;
    return 0;
}

/* Make room for `more` sessions in key k.  0 or -NOMEM (k unchanged). */
static int sess_reserve(SrtSessions *t, SessKey *k, uint32_t more)
{
    if (more <= k->cap - k->n)
        return 0;
    if (k->cap >= UINT32_MAX / 2 || more > UINT32_MAX / 2 - k->n)
        return -SRT_ERR_NOMEM;
    uint32_t nc = k->cap ? k->cap * 2 : 1;
    while (nc < k->n + more)
        nc *= 2;
    if ((size_t)nc > SIZE_MAX / t->stride)
        return -SRT_ERR_NOMEM;
    uint8_t *np =
        srt_mem_realloc(t->mem, k->sess, (size_t)k->cap * t->stride, (size_t)nc * t->stride);
    if (!np)
        return -SRT_ERR_NOMEM;
    t->sess_bytes += (size_t)(nc - k->cap) * t->stride;
    k->sess = np;
    k->cap = nc;
    return 0;
}

/* The hash of key as K: the caller's when the slot is zero, else of a zeroed copy. */
static int key_hash(SrtSessions *t, const uint8_t *key, uint32_t key_len, uint64_t *hash)
{
    if (slot_is_zero(t, key))
        return 0;
    if (buf_reserve(t->mem, &t->scratch, &t->scratch_cap, key_len, 64) < 0)
        return -SRT_ERR_NOMEM;
    memcpy(t->scratch, key, key_len);
    memset(t->scratch + t->slot_offset, 0, 16);
    *hash = srt_hash(t->scratch, key_len);
    return 0;
}

/* Add key as a new entry with one session [start, end) of zeroed state at *state.
   Everything is allocated before the table changes.  0 or -NOMEM. */
static int key_add(SrtSessions *t, size_t slot, const uint8_t *key, uint32_t key_len, uint64_t hash,
                   int64_t start, int64_t end, uint8_t **state)
{
    if (buf_reserve(t->mem, &t->scratch, &t->scratch_cap, key_len, 64) < 0)
        return -SRT_ERR_NOMEM;
    if (t->n_keys + 1 > t->index_cap / 2) {
        if (index_reserve(t) < 0)
            return -SRT_ERR_NOMEM;
        slot = probe(t, key, key_len, hash);
    }
    if (t->n_keys == t->cap_keys) {
        void *p = t->keys;
        if (srt_mem_grow(t->mem, &p, &t->cap_keys, sizeof(SessKey), t->n_keys + 1) < 0)
            return -SRT_ERR_NOMEM;
        t->keys = p;
    }
    if (buf_reserve(t->mem, &t->kbuf, &t->kbuf_cap, t->kbuf_used + key_len, MIN_KEY_BYTES) < 0)
        return -SRT_ERR_NOMEM;
    uint8_t *sess = srt_mem_calloc(t->mem, t->stride);
    if (!sess)
        return -SRT_ERR_NOMEM;
    t->sess_bytes += t->stride;
    sess_set(sess, start, end);

    SessKey *k = &t->keys[t->n_keys];
    k->hash = hash;
    k->koff = t->kbuf_used;
    k->key_len = key_len;
    k->n = 1;
    k->cap = 1;
    k->indexed = k->tail = k->last = k->n_runs = k->cap_runs = 0;
    k->runs = NULL;
    k->sess = sess;
    memcpy(t->kbuf + k->koff, key, key_len);
    memset(t->kbuf + k->koff + t->slot_offset, 0, 16);
    t->kbuf_used += key_len;
    t->index[slot] = (uint32_t)(t->n_keys + 1);
    t->n_keys++;
    t->n_sessions++;
    *state = sess + SESS_HDR;
    return 0;
}

/* ======================================================================
** STRING slots: every string a state points to is this table's copy
** ====================================================================== */

static const char sess_empty[1] = "";

static inline const char *str_ptr(const uint8_t *state, uint32_t off)
{
    const char *p;
    memcpy(&p, state + off, sizeof p);
    return p;
}

static inline uint32_t str_len(const uint8_t *state, uint32_t off)
{
    uint32_t n;
    memcpy(&n, state + off + 8, sizeof n);
    return n;
}

static inline void set_str_ptr(uint8_t *state, uint32_t off, const char *p)
{
    memcpy(state + off, &p, sizeof p);
}

const char *srt_sessions_strdup(SrtSessions *t, const char *s, uint32_t n)
{
    char *p = srt_arena_alloc(&t->strings, n ? n : 1);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* The strings of state, one slot at a time, made t's copies; a slot whose pointer is in
   keep[k] (before[k] of a merge into a state of t, which kept t's string) stays.  0 or
   -SRT_ERR_NOMEM (the slots copied so far are t's). */
static int own_strings(SrtSessions *t, uint8_t *state, const char *const *keep)
{
    for (uint32_t k = 0; k < t->n_str_slots; k++) {
        uint32_t off = t->str_slots[k];
        const char *p = str_ptr(state, off);
        if (!p || (keep && p == keep[k]))
            continue;
        const char *copy = srt_sessions_strdup(t, p, str_len(state, off));
        if (!copy) { /* the rest keep nothing of another table: the query fails anyway */
            for (; k < t->n_str_slots; k++)
                if (!keep || str_ptr(state, t->str_slots[k]) != keep[k]) {
                    set_str_ptr(state, t->str_slots[k], NULL);
                    memset(state + t->str_slots[k] + 8, 0, 4);
                }
            return -SRT_ERR_NOMEM;
        }
        set_str_ptr(state, off, copy);
    }
    return 0;
}

/* src (of another table) merged into t's state dst with merge: a string the merge took from
   src is copied into t.  0 or -SRT_ERR_NOMEM. */
static int merge_strings(SrtSessions *t, uint8_t *dst, const uint8_t *src, SrtMergeFn merge)
{
    const char *few[8], **before = few;
    uint32_t n = t->n_str_slots;
    if (!merge)
        return 0;
    if (n > 8 && !(before = srt_mem_alloc(t->mem, sizeof *before * n)))
        return -SRT_ERR_NOMEM;
    for (uint32_t k = 0; k < n; k++)
        before[k] = str_ptr(dst, t->str_slots[k]);
    merge(dst, src, t->q);
    int rc = n ? own_strings(t, dst, before) : 0;
    if (before != few)
        srt_mem_free(t->mem, before, sizeof *before * n);
    return rc;
}

/* A state of another table copied into t's state dst.  0 or -SRT_ERR_NOMEM. */
static int copy_state(SrtSessions *t, uint8_t *dst, const uint8_t *src)
{
    memcpy(dst, src, t->state_size);
    return own_strings(t, dst, NULL);
}

/* ======================================================================
** Collected values: every SrtCollect a state points to is this table's
** ====================================================================== */

static inline SrtCollect *collect_at(const uint8_t *state, uint32_t off)
{
    SrtCollect *c;
    memcpy(&c, state + off, sizeof c);
    return c;
}

static inline void set_collect(uint8_t *state, uint32_t off, SrtCollect *c)
{
    memcpy(state + off, &c, sizeof c);
}

/* Free the collected values of a state that goes away (merged into another, removed). */
static void free_collects(SrtSessions *t, uint8_t *state)
{
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        srt_collect_free(t->mem, collect_at(state, t->col_slots[k].offset), t->col_slots[k].kind);
        set_collect(state, t->col_slots[k].offset, NULL);
    }
}

/* After the merge function (which leaves collect slots alone): src's values merged into the
   session dst being built (srt_collect_merge); take: src is t's and goes (a stored session
   merged away, or started anew), its values freed, or moved when they are a list's and dst
   has none yet.  0 or -SRT_ERR_NOMEM. */
static int merge_collects(SrtSessions *t, uint8_t *dst, uint8_t *src, int take)
{
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        uint32_t off = t->col_slots[k].offset, kind = t->col_slots[k].kind;
        SrtCollect *d = collect_at(dst, off), *c = collect_at(src, off);
        if (take && !d && !(kind & (SRT_COLLECT_SET | SRT_COLLECT_HISTOGRAM))) {
            /* [] ++ list: the list itself (a digest: other.shallowCopy; bins are merged, as
               the session's histogram draws from a Random of its own) */
            set_collect(dst, off, c);
            set_collect(src, off, NULL);
            continue;
        }
        int rc = srt_collect_merge(t->mem, &d, c, kind);
        set_collect(dst, off, d);
        if (rc < 0)
            return rc;
        if (take) {
            srt_collect_free(t->mem, c, kind);
            set_collect(src, off, NULL);
        }
    }
    return 0;
}

/* A session's sets built by merge_collects put in their stored order.  0 or -NOMEM. */
static int seal_collects(SrtSessions *t, uint8_t *state)
{
    for (uint32_t k = 0; k < t->n_col_slots; k++)
        if (srt_collect_seal(t->mem, collect_at(state, t->col_slots[k].offset),
                             t->col_slots[k].kind) < 0)
            return -SRT_ERR_NOMEM;
    return 0;
}

/* Bytes of the collected values of every session. */
static size_t collect_bytes(const SrtSessions *t)
{
    size_t n = 0;
    for (size_t e = 0; t->n_col_slots && e < t->n_keys; e++)
        for (uint32_t i = 0; i < t->keys[e].n; i++)
            for (uint32_t k = 0; k < t->n_col_slots; k++)
                n += srt_collect_bytes(
                    collect_at(sess_at(t, &t->keys[e], i) + SESS_HDR, t->col_slots[k].offset),
                    t->col_slots[k].kind);
    return n;
}

int srt_sessions_set_collect_slots(SrtSessions *t, const SrtCollectSlot *slots, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        if (slots[k].offset > t->state_size || t->state_size - slots[k].offset < 16u)
            return -SRT_ERR_FORMAT;
    SrtCollectSlot *copy = n ? srt_mem_alloc(t->mem, sizeof *copy * n) : NULL;
    if (n && !copy)
        return -SRT_ERR_NOMEM;
    if (n)
        memcpy(copy, slots, sizeof *copy * n);
    srt_mem_free(t->mem, t->col_slots, sizeof *t->col_slots * t->n_col_slots);
    t->col_slots = copy;
    t->n_col_slots = n;
    return 0;
}

/* Start the fold's session state dst of t from its first part src (t's own state when
   stored): Spark's MergingSessionsIterator initializes the buffer and merges the first row into
   it (initializeBuffer, processRow), which is not src itself for every aggregate (a central
   moment's avg becomes (avg / n) * n), so every session a fold puts starts as the registered
   merge of src into a zeroed state; a copy without a merge function.  The collected values
   are merged into none (merge_collects; a stored src's taken).  0 or -SRT_ERR_NOMEM. */
static int start_state(SrtSessions *t, uint8_t *dst, uint8_t *src, int stored)
{
    int rc = 0;
    if (!t->merge) {
        memcpy(dst, src, t->state_size);
        if (!stored)
            rc = own_strings(t, dst, NULL);
    } else {
        memset(dst, 0, t->state_size);
        if (!stored)
            rc = merge_strings(t, dst, src, t->merge);
        else
            t->merge(dst, src, t->q); /* t's strings stay t's */
    }
    for (uint32_t k = 0; k < t->n_col_slots; k++)
        set_collect(dst, t->col_slots[k].offset, NULL);
    return rc < 0 ? rc : merge_collects(t, dst, src, stored);
}

int srt_sessions_set_string_slots(SrtSessions *t, const uint32_t *offsets, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        if (offsets[k] > t->state_size || t->state_size - offsets[k] < 12u)
            return -SRT_ERR_FORMAT;
    uint32_t *copy = n ? srt_mem_alloc(t->mem, sizeof *copy * n) : NULL;
    if (n && !copy)
        return -SRT_ERR_NOMEM;
    if (n)
        memcpy(copy, offsets, sizeof *copy * n);
    srt_mem_free(t->mem, t->str_slots, sizeof *t->str_slots * t->n_str_slots);
    t->str_slots = copy;
    t->n_str_slots = n;
    return 0;
}

/* Bytes of the strings of one state. */
static size_t state_string_bytes(const SrtSessions *t, const uint8_t *state)
{
    size_t n = 0;
    for (uint32_t k = 0; k < t->n_str_slots; k++)
        if (str_ptr(state, t->str_slots[k]))
            n += str_len(state, t->str_slots[k]);
    return n;
}

/* Copy the live sessions' strings (need bytes) into one new block and free the arena and
   the previous block.  Without memory for the block nothing changes. */
static void compact_strings(SrtSessions *t, size_t need)
{
    char *blk = NULL;
    if (need && !(blk = srt_mem_alloc(t->mem, need)))
        return;
    size_t pos = 0;
    for (size_t e = 0; e < t->n_keys; e++)
        for (uint32_t i = 0; i < t->keys[e].n; i++) {
            uint8_t *st = sess_at(t, &t->keys[e], i) + SESS_HDR;
            for (uint32_t k = 0; k < t->n_str_slots; k++) {
                uint32_t off = t->str_slots[k];
                const char *p = str_ptr(st, off);
                uint32_t n = str_len(st, off);
                if (!p)
                    continue;
                if (n == 0) {
                    set_str_ptr(st, off, sess_empty);
                    continue;
                }
                memcpy(blk + pos, p, n);
                set_str_ptr(st, off, blk + pos);
                pos += n;
            }
        }
    srt_mem_free(t->mem, t->str_block, t->str_block_size);
    t->str_block = blk;
    t->str_block_size = need;
    srt_arena_free(&t->strings);
    srt_arena_init(&t->strings, t->mem, 4096);
}

/* Find or make the session of K that [start, end) joins; *created tells whether it is
   new (zeroed state).  0, -NOMEM (table unchanged) or -FORMAT (bad key or bounds). */
static int range_upsert(SrtSessions *t, const uint8_t *key, uint32_t key_len, uint64_t hash,
                  int64_t start, int64_t end, uint8_t **state, int *created)
{
    *state = NULL;
    *created = 0;
    if (key_len < (uint64_t)t->slot_offset + 16u || end < start)
        return -SRT_ERR_FORMAT;
    if (key_hash(t, key, key_len, &hash) < 0)
        return -SRT_ERR_NOMEM;
    size_t slot = 0;
    if (t->index_cap) {
        slot = probe(t, key, key_len, hash);
        if (t->index[slot] == 0) {
            *created = 1;
            return key_add(t, slot, key, key_len, hash, start, end, state);
        }
    } else {
        *created = 1;
        return key_add(t, 0, key, key_len, hash, start, end, state);
    }
    SessKey *k = &t->keys[t->index[slot] - 1];

    /* The first session whose end reaches start (ends are sorted). */
    uint32_t lo = 0, hi = k->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (sess_end(sess_at(t, k, mid)) < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t first = lo;
    if (first == k->n || sess_start(sess_at(t, k, first)) > end) {
        /* A new session at position first. */
        if (sess_reserve(t, k, 1) < 0)
            return -SRT_ERR_NOMEM;
        uint8_t *s = sess_at(t, k, first);
        memmove(s + t->stride, s, (size_t)(k->n - first) * t->stride);
        memset(s, 0, t->stride);
        sess_set(s, start, end);
        k->n++;
        t->n_sessions++;
        *created = 1;
        *state = s + SESS_HDR;
        return 0;
    }
    /* Sessions first..last all join [start, end): merge them into the first. */
    uint32_t last = first;
    while (last + 1 < k->n && sess_start(sess_at(t, k, last + 1)) <= end)
        last++;
    uint8_t *dst = sess_at(t, k, first);
    for (uint32_t j = first + 1; j <= last; j++) {
        if (t->merge)
            t->merge(dst + SESS_HDR, sess_at(t, k, j) + SESS_HDR, t->q);
        if (t->n_col_slots && merge_collects(t, dst + SESS_HDR, sess_at(t, k, j) + SESS_HDR, 1) < 0)
            return -SRT_ERR_NOMEM; /* the values merged so far stay merged */
    }
    if (last > first && seal_collects(t, dst + SESS_HDR) < 0)
        return -SRT_ERR_NOMEM;
    int64_t ns = sess_start(dst) < start ? sess_start(dst) : start;
    int64_t le = sess_end(sess_at(t, k, last));
    int64_t ne = le > end ? le : end;
    sess_set(dst, ns, ne);
    if (last > first) {
        uint8_t *after = sess_at(t, k, last + 1);
        memmove(dst + t->stride, after, (size_t)(k->n - last - 1) * t->stride);
        k->n -= last - first;
        t->n_sessions -= last - first;
    }
    *state = dst + SESS_HDR;
    return 0;
}

/* ======================================================================
** Batch tables: points [ts, end) found by (K, ts, end)
** ====================================================================== */

static inline uint64_t point_hash(uint64_t key_hash, int64_t ts, int64_t end)
{
    uint64_t h = key_hash ^ ((uint64_t)ts * 0x9E3779B97F4A7C15ull);
    h ^= ((uint64_t)end - (uint64_t)ts) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 32);
}

/* The points slot of entry e's point (ts, end), or the empty slot where it would go. */
static size_t point_probe(const SrtSessions *t, uint32_t e, int64_t ts, int64_t end, uint64_t h)
{
    size_t mask = t->points_cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        const SessPoint *p = &t->points[i];
        if (p->e1 == 0 || (p->e1 == e + 1 && p->ts == ts && p->end == end))
            return i;
    }
}

/* Put entry e's point at position j (not in the index) into an index of cap slots. */
static void point_put(const SrtSessions *t, SessPoint *points, size_t cap, uint32_t e, uint32_t j)
{
    const SessKey *k = &t->keys[e];
    int64_t ts = sess_start(sess_at(t, k, j)), end = sess_end(sess_at(t, k, j));
    size_t mask = cap - 1;
    size_t i = (size_t)point_hash(k->hash, ts, end) & mask;
    while (points[i].e1 != 0)
        i = (i + 1) & mask;
    points[i] = (SessPoint){ts, end, e + 1, j};
}

/* Fill a points index of cap slots (zeroed here) with the indexed points of every key. */
static void points_fill(const SrtSessions *t, SessPoint *points, size_t cap)
{
    memset(points, 0, cap * sizeof *points);
    for (size_t e = 0; e < t->n_keys; e++)
        for (uint32_t j = 0; j < t->keys[e].indexed; j++)
            point_put(t, points, cap, (uint32_t)e, j);
}

/* Make room in the points index for more points.  0 or -NOMEM (table unchanged). */
static int points_reserve(SrtSessions *t, size_t more)
{
    if (t->n_indexed + more <= t->points_cap / 2)
        return 0;
    size_t cap = index_size_for(t->n_indexed + more);
    if (cap > SIZE_MAX / sizeof(SessPoint))
        return -SRT_ERR_NOMEM;
    SessPoint *np = srt_mem_alloc(t->mem, cap * sizeof *np);
    if (!np)
        return -SRT_ERR_NOMEM;
    points_fill(t, np, cap);
    srt_mem_free(t->mem, t->points, t->points_cap * sizeof *t->points);
    t->points = np;
    t->points_cap = cap;
    return 0;
}

/* Whether an indexed point may have time ts. */
static int span_has(const SrtSessions *t, int64_t ts)
{
    for (uint32_t i = 0; i < t->n_spans && t->span[i][0] <= ts; i++)
        if (ts <= t->span[i][1])
            return 1;
    return 0;
}

/* Cover [lo, hi] by the spans: merged with those it overlaps, and the two nearest merged
   when there are too many. */
static void span_add(SrtSessions *t, int64_t lo, int64_t hi)
{
    uint32_t w = 0, i = 0, n = t->n_spans;
    int64_t(*sp)[2] = t->span;
    while (i < n && sp[i][1] < lo) /* the spans wholly before it stay */
        w = ++i;
    while (i < n && sp[i][0] <= hi) { /* the spans it overlaps join it */
        lo = sp[i][0] < lo ? sp[i][0] : lo;
        hi = sp[i][1] > hi ? sp[i][1] : hi;
        i++;
    }
    memmove(sp[w + 1], sp[i], (n - i) * sizeof sp[0]);
    sp[w][0] = lo;
    sp[w][1] = hi;
    n = n - (i - w) + 1;
    if (n > SPANS) { /* merge the pair with the smallest gap */
        uint32_t best = 0;
        for (uint32_t j = 1; j + 1 < n; j++)
            if ((uint64_t)sp[j + 1][0] - (uint64_t)sp[j][1] <
                (uint64_t)sp[best + 1][0] - (uint64_t)sp[best][1])
                best = j;
        sp[best][1] = sp[best + 1][1];
        memmove(sp[best + 1], sp[best + 2], (n - best - 2) * sizeof sp[0]);
        n--;
    }
    t->n_spans = n;
}

/* End entry e's tail: its points become pending, their times covered by spans split where
   two points lie more than 64 times the tail's mean distance apart (files far apart in
   time that came in time order). */
static void tail_end(SrtSessions *t, SessKey *k)
{
    if (k->tail == k->n)
        return;
    int64_t lo = sess_start(sess_at(t, k, k->tail)), hi = sess_start(sess_at(t, k, k->n - 1));
    uint64_t far = ((uint64_t)hi - (uint64_t)lo) / (k->n - k->tail) * 64u;
    int64_t from = lo, prev = lo;
    for (uint32_t j = k->tail + 1; j < k->n; j++) {
        int64_t ts = sess_start(sess_at(t, k, j));
        if ((uint64_t)ts - (uint64_t)prev > far) {
            span_add(t, from, prev);
            from = ts;
        }
        prev = ts;
    }
    span_add(t, from, hi);
    k->runs[k->n_runs++] = (SessRun){k->tail, lo, hi};
    k->tail = k->n;
}

/* Put entry e's pending points into the index.  0 or -NOMEM (table unchanged). */
static int pending_to_index(SrtSessions *t, uint32_t e)
{
    SessKey *k = &t->keys[e];
    if (k->indexed == k->tail)
        return 0;
    if (points_reserve(t, k->tail - k->indexed) < 0)
        return -SRT_ERR_NOMEM;
    for (uint32_t j = k->indexed; j < k->tail; j++)
        point_put(t, t->points, t->points_cap, e, j);
    t->n_indexed += k->tail - k->indexed;
    k->indexed = k->tail;
    k->n_runs = 0;
    return 0;
}

/* Room for one more pending run of entry e: its run array made, or its runs moved into the
   index when it is full.  0 or -NOMEM (table unchanged). */
static int runs_reserve(SrtSessions *t, uint32_t e)
{
    SessKey *k = &t->keys[e];
    if (k->n_runs == RUNS)
        return pending_to_index(t, e);
    if (k->n_runs == k->cap_runs) {
        uint32_t nc = k->cap_runs ? k->cap_runs * 2 : 4;
        SessRun *nr = srt_mem_realloc(t->mem, k->runs, k->cap_runs * sizeof *nr, nc * sizeof *nr);
        if (!nr)
            return -SRT_ERR_NOMEM;
        t->runs_bytes += (nc - k->cap_runs) * sizeof *nr;
        k->runs = nr;
        k->cap_runs = nc;
    }
    return 0;
}

/* The position of (ts, end) in k's ascending points [lo, hi), or UINT32_MAX. */
static uint32_t run_find(const SrtSessions *t, const SessKey *k, uint32_t lo, uint32_t hi,
                         int64_t ts, int64_t end)
{
    if (lo == hi || point_cmp(sess_at(t, k, lo), ts, end) > 0 ||
        point_cmp(sess_at(t, k, hi - 1), ts, end) < 0)
        return UINT32_MAX;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = point_cmp(sess_at(t, k, mid), ts, end);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return UINT32_MAX;
}

/* The position of entry e's point (ts, end), or UINT32_MAX: the last point upserted, the
   tail, the pending runs (newest first), then the index when a span holds ts. */
static uint32_t point_find(const SrtSessions *t, uint32_t e, int64_t ts, int64_t end)
{
    const SessKey *k = &t->keys[e];
    if (k->last < k->n && point_cmp(sess_at(t, k, k->last), ts, end) == 0)
        return k->last;
    uint32_t pos = run_find(t, k, k->tail, k->n, ts, end);
    for (uint32_t r = k->n_runs; pos == UINT32_MAX && r-- > 0;)
        if (ts >= k->runs[r].lo && ts <= k->runs[r].hi)
            pos = run_find(t, k, k->runs[r].at, r + 1 < k->n_runs ? k->runs[r + 1].at : k->tail, ts,
                           end);
    if (pos == UINT32_MAX && k->indexed > 0 && span_has(t, ts)) {
        const SessPoint *p = &t->points[point_probe(t, e, ts, end, point_hash(k->hash, ts, end))];
        if (p->e1)
            pos = p->pos;
    }
    return pos;
}

/* Find or make the point [ts, end) of entry e's key (see point_upsert). */
static int key_point(SrtSessions *t, uint32_t e, int64_t ts, int64_t end, uint8_t **state,
                     int *created)
{
    SessKey *k = &t->keys[e];
    *state = NULL;
    *created = 0;
    uint32_t j = point_find(t, e, ts, end);
    if (j != UINT32_MAX) {
        k->last = j;
        *state = sess_at(t, k, j) + SESS_HDR;
        return 0;
    }
    /* A new point: it joins the tail when it falls at most TAIL_NEAR points before its
       end (rows a little out of order), else it ends the tail and starts a new one. */
    uint32_t p = k->n, stop = k->n - k->tail > TAIL_NEAR ? k->n - TAIL_NEAR : k->tail;
    while (p > stop && point_cmp(sess_at(t, k, p - 1), ts, end) > 0)
        p--;
    int joins = k->tail == k->n || (p > k->tail && point_cmp(sess_at(t, k, p - 1), ts, end) < 0);
    if ((!joins && runs_reserve(t, e) < 0) || sess_reserve(t, k, 1) < 0)
        return -SRT_ERR_NOMEM;
    if (!joins) {
        tail_end(t, k);
        p = k->n;
    }
    uint8_t *s = sess_at(t, k, p);
    memmove(s + t->stride, s, (size_t)(k->n - p) * t->stride);
    memset(s, 0, t->stride);
    sess_set(s, ts, end);
    k->n++;
    k->last = p;
    t->n_sessions++;
    *created = 1;
    *state = s + SESS_HDR;
    return 0;
}

/* Find or make K's point [ts, end) in a batch table; *created tells whether it is new
   (zeroed state).  0, -NOMEM (table unchanged) or -FORMAT (bad key or bounds). */
static int point_upsert(SrtSessions *t, const uint8_t *key, uint32_t key_len, uint64_t hash,
                        int64_t ts, int64_t end, uint8_t **state, int *created)
{
    *state = NULL;
    *created = 0;
    if (key_len < (uint64_t)t->slot_offset + 16u || end < ts)
        return -SRT_ERR_FORMAT;
    if (key_hash(t, key, key_len, &hash) < 0)
        return -SRT_ERR_NOMEM;
    size_t slot = t->index_cap ? probe(t, key, key_len, hash) : 0;
    if (!t->index_cap || t->index[slot] == 0) { /* a new key: its point starts its tail */
        int rc = key_add(t, slot, key, key_len, hash, ts, end, state);
        *created = rc == 0;
        t->last_key = (uint32_t)t->n_keys - 1u;
        return rc;
    }
    t->last_key = t->index[slot] - 1;
    return key_point(t, t->last_key, ts, end, state, created);
}

/* upsert into either kind of table: a batch table's sessions are points (see above). */
static int upsert(SrtSessions *t, const uint8_t *key, uint32_t key_len, uint64_t hash,
                  int64_t start, int64_t end, uint8_t **state, int *created)
{
    if (!t->batch)
        return range_upsert(t, key, key_len, hash, start, end, state, created);
    return point_upsert(t, key, key_len, hash, start, end, state, created);
}

/* A point of a batch table's key in order: its ts and end, and its position in the key's
   list. */
typedef struct PointRef {
    int64_t ts, end;
    uint32_t pos;
} PointRef;

/* Is point a before point b (by ts, then end)? */
static inline int ref_lt(const PointRef *a, const PointRef *b)
{
    return a->ts < b->ts || (a->ts == b->ts && a->end < b->end);
}

/* The end of the ascending run of a starting at i. */
static uint32_t run_end(const PointRef *a, uint32_t i, uint32_t n)
{
    while (++i < n && ref_lt(&a[i - 1], &a[i]))
        ;
    return i;
}

/* Sort a[0..n) (distinct points) with room tmp[0..n): a natural merge sort, as the points of
   a key come in runs (a file's rows in time order, files newest first).  Returns a or tmp,
   whichever holds the result. */
static PointRef *refs_sort(PointRef *a, PointRef *tmp, uint32_t n)
{
    for (uint32_t i = 0; i < n;) { /* turn descending runs around */
        uint32_t j = i + 1;
        while (j < n && ref_lt(&a[j], &a[j - 1]))
            j++;
        for (uint32_t l = i, r = j - 1; l < r; l++, r--) {
            PointRef x = a[l];
            a[l] = a[r];
            a[r] = x;
        }
        i = j;
    }
    for (;;) {
        uint32_t i = 0;
        if (run_end(a, 0, n) == n)
            return a;
        while (i < n) {
            uint32_t m = run_end(a, i, n);
            uint32_t e = m < n ? run_end(a, m, n) : n;
            uint32_t l = i, r = m, o = i;
            while (l < m && r < e)
                tmp[o++] = ref_lt(&a[l], &a[r]) ? a[l++] : a[r++];
            while (l < m)
                tmp[o++] = a[l++];
            while (r < e)
                tmp[o++] = a[r++];
            i = e;
        }
        PointRef *x = a;
        a = tmp;
        tmp = x;
    }
}

/* The points of b's key bk in order, into *order (2 * bk->n refs allocated here,
 *alloc of them to free).  0 or -NOMEM. */
static int points_order(const SrtSessions *b, const SessKey *bk, PointRef **order, PointRef **alloc)
{
    PointRef *a = srt_mem_alloc(b->mem, (size_t)bk->n * 2 * sizeof *a);
    if (!a)
        return -SRT_ERR_NOMEM;
    for (uint32_t j = 0; j < bk->n; j++)
        a[j] = (PointRef){sess_start(sess_at(b, bk, j)), sess_end(sess_at(b, bk, j)), j};
    *alloc = a;
    *order = refs_sort(a, a + bk->n, bk->n);
    return 0;
}

/* ======================================================================
** API
** ====================================================================== */

SrtSessions *srt_sessions_new(SrtMem *m, uint32_t state_size, uint32_t slot_offset,
                              SrtMergeFn merge)
{
    if (state_size > UINT32_MAX - 64u || slot_offset > UINT32_MAX - 16u)
        return NULL;
    SrtSessions *t = srt_mem_calloc(m, sizeof *t);
    if (!t)
        return NULL;
    t->mem = m;
    t->merge = merge;
    t->state_size = state_size;
    t->stride = SESS_HDR + ((state_size + 15u) & ~15u);
    t->slot_offset = slot_offset;
    srt_arena_init(&t->strings, m, 4096);
    return t;
}

void srt_sessions_set_query(SrtSessions *t, SrtQuery *q)
{
    t->q = q;
}

SrtSessions *srt_sessions_new_batch(SrtMem *m, uint32_t state_size, uint32_t slot_offset,
                                    SrtMergeFn merge)
{
    SrtSessions *t = srt_sessions_new(m, state_size, slot_offset, merge);
    if (t)
        t->batch = 1;
    return t;
}

void srt_sessions_free(SrtSessions *t)
{
    if (!t)
        return;
    SrtMem *m = t->mem;
    for (size_t e = 0; e < t->n_keys; e++) {
        for (uint32_t i = 0; t->n_col_slots && i < t->keys[e].n; i++)
            free_collects(t, sess_at(t, &t->keys[e], i) + SESS_HDR);
        srt_mem_free(m, t->keys[e].sess, (size_t)t->keys[e].cap * t->stride);
        srt_mem_free(m, t->keys[e].runs, t->keys[e].cap_runs * sizeof *t->keys[e].runs);
    }
    srt_mem_free(m, t->keys, t->cap_keys * sizeof *t->keys);
    srt_mem_free(m, t->kbuf, t->kbuf_cap);
    srt_mem_free(m, t->index, t->index_cap * sizeof *t->index);
    srt_mem_free(m, t->scratch, t->scratch_cap);
    srt_mem_free(m, t->points, t->points_cap * sizeof *t->points);
    srt_mem_free(m, t->str_slots, sizeof *t->str_slots * t->n_str_slots);
    srt_mem_free(m, t->str_block, t->str_block_size);
    srt_mem_free(m, t->col_slots, sizeof *t->col_slots * t->n_col_slots);
    srt_arena_free(&t->strings);
    srt_mem_free(m, t, sizeof *t);
}

int srt_sessions_upsert(SrtSessions *t, const void *key, uint32_t key_len, uint64_t hash,
                        int64_t start_us, int64_t end_us, uint8_t **state)
{
    int created;
    return upsert(t, key, key_len, hash, start_us, end_us, state, &created);
}

/* The entry of src's key k in t, or NULL. */
static SessKey *find_key(const SrtSessions *t, const SrtSessions *src, const SessKey *k)
{
    if (!t->index_cap)
        return NULL;
    uint32_t e = t->index[probe(t, src->kbuf + k->koff, k->key_len, k->hash)];
    return e ? &t->keys[e - 1] : NULL;
}

/* Session i of src's key k upserted into t: a new one takes its state, one joining sessions
   of t merges into them with merge.  0 or -err. */
static int merge_session(SrtSessions *t, const SrtSessions *src, const SessKey *k, uint32_t i,
                         SrtMergeFn merge)
{
    const uint8_t *s = sess_at(src, k, i);
    uint8_t *state;
    int created;
    int rc = upsert(t, src->kbuf + k->koff, k->key_len, k->hash, sess_start(s), sess_end(s), &state,
                    &created);
    if (rc < 0)
        return rc;
    return created ? copy_state(t, state, s + SESS_HDR)
                   : merge_strings(t, state, s + SESS_HDR, merge);
}

int srt_sessions_merge_from(SrtSessions *t, const SrtSessions *src, SrtMergeFn merge)
{
    if (src->stride != t->stride || src->slot_offset != t->slot_offset || !src->batch ||
        !t->batch || t->n_col_slots || src->n_col_slots)
        return -SRT_ERR_FORMAT; /* collecting aggregates are updated on the query's thread */
    for (size_t e = 0; e < src->n_keys; e++) {
        const SessKey *k = &src->keys[e];
        if (k->n == 0)
            continue;
        uint32_t i = 0;
        SessKey *dk = find_key(t, src, k);
        if (!dk) { /* a new key: its first point makes it */
            int rc = merge_session(t, src, k, i++, merge);
            if (rc < 0)
                return rc;
            dk = find_key(t, src, k);
        }
        uint32_t de = (uint32_t)(dk - t->keys); /* the key found once for its points */
        for (; i < k->n; i++) {
            const uint8_t *s = sess_at(src, k, i);
            uint8_t *state;
            int created;
            int rc = key_point(t, de, sess_start(s), sess_end(s), &state, &created);
            if (rc < 0)
                return rc;
            rc = created ? copy_state(t, state, s + SESS_HDR)
                         : merge_strings(t, state, s + SESS_HDR, merge);
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

uint32_t srt_sessions_last_key(const SrtSessions *t)
{
    return t->last_key;
}

/* Where src's key was found in t, and its point found last there (a cursor: a task's points
   of a key mostly come in t's order). */
typedef struct PointCursor {
    uint32_t e1; /* t's entry number + 1; 0: not looked up yet */
    uint32_t pos;
} PointCursor;

/* The position of t's point (ts, end) of entry c->e1 - 1: at the cursor or just after it,
   else searched; UINT32_MAX when there is none. */
static uint32_t cursor_find(const SrtSessions *t, PointCursor *c, int64_t ts, int64_t end)
{
    const SessKey *k = &t->keys[c->e1 - 1];
    for (uint32_t p = c->pos; p < k->n && p <= c->pos + 1u; p++)
        if (point_cmp(sess_at(t, k, p), ts, end) == 0)
            return c->pos = p;
    uint32_t p = point_find(t, c->e1 - 1, ts, end);
    if (p != UINT32_MAX)
        c->pos = p;
    return p;
}

int srt_sessions_points(const SrtSessions *t, const SrtSessions *src, const SrtSessPoint *pts,
                        size_t n, uint8_t **states)
{
    if (!t->batch || !src->batch)
        return -SRT_ERR_FORMAT;
    PointCursor *cur = src->n_keys ? srt_mem_calloc(t->mem, sizeof *cur * src->n_keys) : NULL;
    if (src->n_keys && !cur)
        return -SRT_ERR_NOMEM;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        uint32_t key = pts[i].key, pos = UINT32_MAX;
        if (key < src->n_keys && !cur[key].e1) {
            const SessKey *dk = find_key(t, src, &src->keys[key]);
            cur[key].e1 = dk ? (uint32_t)(dk - t->keys) + 1u : 0u;
        }
        if (key < src->n_keys && cur[key].e1)
            pos = cursor_find(t, &cur[key], pts[i].ts, pts[i].end);
        states[i] =
            pos == UINT32_MAX ? NULL : sess_at(t, &t->keys[cur[key].e1 - 1], pos) + SESS_HDR;
        rc = states[i] ? 0 : -SRT_ERR_FORMAT;
    }
    srt_mem_free(t->mem, cur, sizeof *cur * src->n_keys);
    return rc;
}

size_t srt_sessions_count(const SrtSessions *t)
{
    return t->n_sessions;
}

size_t srt_sessions_bytes(const SrtSessions *t)
{
    return sizeof *t + t->cap_keys * sizeof *t->keys + t->kbuf_cap +
           t->index_cap * sizeof *t->index + t->scratch_cap + t->sess_bytes +
           t->points_cap * sizeof *t->points + t->runs_bytes + t->strings.bytes +
           t->str_block_size + sizeof *t->str_slots * t->n_str_slots +
           sizeof *t->col_slots * t->n_col_slots + collect_bytes(t);
}

/* A checkpoint's state (lengths checked) into fixed: its bytes, the strings' pointers into it
   (they follow the fixed bytes in slot order, srt_sessions_encode_state; a NULL one has length
   0 and a zero pointer), then the collected values decoded (after the strings).  0 or <0 with
   err set (fixed then holds no values). */
static int restore_fixed(SrtSessions *t, uint8_t *fixed, const uint8_t *state, SrtErr *err)
{
    memcpy(fixed, state, t->state_size);
    const uint8_t *str = state + t->state_size;
    for (uint32_t k = 0; k < t->n_str_slots; k++) {
        uint32_t off = t->str_slots[k], n = str_len(fixed, off);
        uint64_t has;
        memcpy(&has, state + off, sizeof has);
        set_str_ptr(fixed, off, has ? (const char *)str : NULL);
        str += n;
    }
    for (uint32_t k = 0; k < t->n_col_slots; k++)
        memset(fixed + t->col_slots[k].offset, 0, 16);
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        uint32_t off = t->col_slots[k].offset;
        uint64_t n;
        SrtCollect *c;
        memcpy(&n, state + off + 8, sizeof n);
        int rc = srt_collect_decode(t->mem, t->col_slots[k].kind, str, (size_t)n, &c, err);
        if (rc < 0) {
            free_collects(t, fixed);
            return rc;
        }
        set_collect(fixed, off, c);
        str += n;
    }
    return 0;
}

int srt_sessions_restore(SrtSessions *t, const uint8_t *key, uint32_t key_len, const uint8_t *state,
                         uint32_t state_len, SrtErr *err)
{
    if (key_len < (uint64_t)t->slot_offset + 16u)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "session window key in the checkpoint has %u bytes, too few for the "
                           "session slot at byte %u",
                           key_len, t->slot_offset);
    uint64_t want = t->state_size;
    if (state_len >= t->state_size) {
        for (uint32_t k = 0; k < t->n_str_slots; k++)
            want += str_len(state, t->str_slots[k]);
        for (uint32_t k = 0; k < t->n_col_slots; k++) {
            uint64_t n;
            memcpy(&n, state + t->col_slots[k].offset + 8, sizeof n);
            want += n > UINT32_MAX ? UINT32_MAX : n; /* too long: the sum says so */
        }
    }
    if (state_len != want)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "session window state in the checkpoint has %u bytes, but the query's "
                           "state has %llu",
                           state_len, (unsigned long long)want);
    int64_t start, end;
    memcpy(&start, key + t->slot_offset, 8);
    memcpy(&end, key + t->slot_offset + 8, 8);
    if (end < start)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "session window in the checkpoint ends (%lld) before it starts (%lld)",
                           (long long)end, (long long)start);
    /* The fixed bytes with the strings' pointers set and the collected values decoded, made
       before the table changes. */
    uint8_t *fixed = srt_mem_alloc(t->mem, t->state_size ? t->state_size : 1);
    if (!fixed)
        return srt_err_nomem(err, "session window state");
    int rc = restore_fixed(t, fixed, state, err);
    uint8_t *st;
    int created;
    /* The hash is of K: upsert hashes a zeroed copy itself when the slot is set. */
    uint64_t hash = slot_is_zero(t, key) ? srt_hash(key, key_len) : 0;
    if (rc >= 0 && (rc = upsert(t, key, key_len, hash, start, end, &st, &created)) < 0)
        rc = rc == -SRT_ERR_NOMEM ? srt_err_nomem(err, "session window state")
                                  : srt_err_set(err, SRT_ERR_FORMAT, "bad session window key");
    if (rc < 0) {
        free_collects(t, fixed);
        srt_mem_free(t->mem, fixed, t->state_size ? t->state_size : 1);
        return rc;
    }
    if (created) {
        rc = copy_state(t, st, fixed); /* the collected values move */
    } else {
        rc = merge_strings(t, st, fixed, t->merge);
        if (rc >= 0)
            rc = merge_collects(t, st, fixed, 1);
        if (rc >= 0)
            rc = seal_collects(t, st);
        free_collects(t, fixed);
    }
    srt_mem_free(t->mem, fixed, t->state_size ? t->state_size : 1);
    return rc < 0 ? srt_err_nomem(err, "session window state") : 0;
}

void srt_sessions_encode_state(const SrtSessions *t, const uint8_t *state, SrtBuf *out)
{
    size_t base = out->n;
    srt_buf_put(out, state, t->state_size);
    if (out->oom || out->n != base + t->state_size)
        return;
    /* a pointer is written as the u64 0 (NULL) or 1 (a value, maybe empty) */
    for (uint32_t k = 0; k < t->n_str_slots; k++) {
        uint64_t has = str_ptr(state, t->str_slots[k]) != NULL;
        memcpy(out->p + base + t->str_slots[k], &has, sizeof has);
    }
    /* a collect slot: 8 zero bytes, then its values' encoded length (as the group table's) */
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        uint32_t off = t->col_slots[k].offset;
        uint64_t n = srt_collect_encoded_size(collect_at(state, off), t->col_slots[k].kind);
        memset(out->p + base + off, 0, 16);
        memcpy(out->p + base + off + 8, &n, sizeof n);
    }
    for (uint32_t k = 0; k < t->n_str_slots; k++) {
        const char *p = str_ptr(state, t->str_slots[k]);
        if (p)
            srt_buf_put(out, p, str_len(state, t->str_slots[k]));
    }
    for (uint32_t k = 0; k < t->n_col_slots; k++)
        srt_collect_encode(collect_at(state, t->col_slots[k].offset), t->col_slots[k].kind, out);
}

/* After removals: shrink an oversized session array of k (keeping it on failure) or free
   an empty one. */
static void sess_shrink(SrtSessions *t, SessKey *k)
{
    if (k->n == 0) {
        srt_mem_free(t->mem, k->sess, (size_t)k->cap * t->stride);
        t->sess_bytes -= (size_t)k->cap * t->stride;
        k->sess = NULL;
        k->cap = 0;
        return;
    }
    if (k->cap <= 4 || k->cap / 4 < k->n)
        return;
    uint32_t nc = k->n * 2;
    uint8_t *np =
        srt_mem_realloc(t->mem, k->sess, (size_t)k->cap * t->stride, (size_t)nc * t->stride);
    if (!np)
        return;
    t->sess_bytes -= (size_t)(k->cap - nc) * t->stride;
    k->sess = np;
    k->cap = nc;
}

/* Shrink a buffer of cap bytes holding used to about twice that when it is more than four
   times too big (keeping it as it is when the smaller allocation fails). */
static void buf_shrink(SrtMem *m, uint8_t **p, size_t *cap, size_t used, size_t min_cap)
{
    if (*cap <= min_cap || *cap / 4 < used)
        return;
    size_t nc = used * 2 > min_cap ? used * 2 : min_cap;
    uint8_t *np = srt_mem_realloc(m, *p, *cap, nc);
    if (!np)
        return;
    *p = np;
    *cap = nc;
}

/* After keys lost their last session: drop their entries, slide the live key bytes down
   (insertion order kept), shrink what got much too big and rebuild the index.  Never
   fails: a smaller allocation that fails leaves the bigger one in use. */
static void compact_keys(SrtSessions *t)
{
    size_t w = 0, off = 0;
    for (size_t e = 0; e < t->n_keys; e++) {
        SessKey *k = &t->keys[e];
        if (k->n == 0)
            continue;
        if (k->koff != off)
            memmove(t->kbuf + off, t->kbuf + k->koff, k->key_len);
        k->koff = off;
        off += k->key_len;
        if (w != e)
            t->keys[w] = *k;
        w++;
    }
    t->n_keys = w;
    t->kbuf_used = off;
    buf_shrink(t->mem, &t->kbuf, &t->kbuf_cap, t->kbuf_used, MIN_KEY_BYTES);
    if (t->cap_keys > MIN_ENTRIES && t->cap_keys / 4 >= t->n_keys) {
        size_t nc = t->n_keys * 2 > MIN_ENTRIES ? t->n_keys * 2 : MIN_ENTRIES;
        SessKey *nk = srt_mem_realloc(t->mem, t->keys, t->cap_keys * sizeof *nk, nc * sizeof *nk);
        if (nk) {
            t->keys = nk;
            t->cap_keys = nc;
        }
    }
    size_t want = index_size_for(t->n_keys);
    if (t->index_cap / 4 >= want) {
        uint32_t *ni = srt_mem_alloc(t->mem, want * sizeof *ni);
        if (ni) {
            srt_mem_free(t->mem, t->index, t->index_cap * sizeof *t->index);
            t->index = ni;
            t->index_cap = want;
        }
    }
    if (t->index_cap)
        index_fill(t, t->index, t->index_cap);
}

int srt_sessions_visit(SrtSessions *t, SrtSessionVisitFn fn, void *ctx, size_t *n_removed)
{
    size_t removed = 0, emptied = 0, live = 0;
    int rc = 0;
    for (size_t e = 0; e < t->n_keys && rc >= 0; e++) {
        SessKey *k = &t->keys[e];
        uint32_t w = 0, j;
        for (j = 0; j < k->n; j++) {
            uint8_t *s = sess_at(t, k, j);
            int64_t start = sess_start(s), end = sess_end(s);
            memcpy(t->scratch, t->kbuf + k->koff, k->key_len);
            memcpy(t->scratch + t->slot_offset, &start, 8);
            memcpy(t->scratch + t->slot_offset + 8, &end, 8);
            int r = fn(ctx, t->scratch, k->key_len, s + SESS_HDR, start, end);
            if (r < 0) {
                rc = r;
                break;
            }
            if (r > 0 && t->batch) { /* positions are the batch table's index */
                rc = -SRT_ERR_FORMAT;
                break;
            }
            if (r > 0) { /* fn is done with its values (an output row holds copies) */
                free_collects(t, s + SESS_HDR);
                removed++;
                continue;
            }
            if (w != j)
                memcpy(sess_at(t, k, w), s, t->stride);
            w++;
            live += state_string_bytes(t, s + SESS_HDR);
        }
        if (j < k->n) { /* stopped: the rest stays */
            if (w != j)
                memmove(sess_at(t, k, w), sess_at(t, k, j), (size_t)(k->n - j) * t->stride);
            w += k->n - j;
        }
        if (w != k->n) {
            t->n_sessions -= k->n - w;
            k->n = w;
            sess_shrink(t, k);
            if (w == 0)
                emptied++;
        }
    }
    if (emptied)
        compact_keys(t);
    /* Replaced and removed strings are reclaimed by repacking the live ones (as the group
       table does) once they hold more than half of the strings' memory; a visit that stopped
       has not counted every session. */
    size_t held = t->str_block_size + t->strings.bytes;
    if (rc >= 0 && t->n_str_slots && held > 2 * live + ((size_t)64 << 10))
        compact_strings(t, live);
    if (n_removed)
        *n_removed = removed;
    return rc;
}

/* ======================================================================
** Folding a batch into the state (Spark's order of aggregation)
** ====================================================================== */

/* Free the new list of a fold that failed, with the values its sessions took. */
static void drop_list(SrtSessions *t, uint8_t *out, uint32_t n, uint32_t cap)
{
    for (uint32_t i = 0; t->n_col_slots && i < n; i++)
        free_collects(t, out + (size_t)i * t->stride + SESS_HDR);
    srt_mem_free(t->mem, out, (size_t)cap * t->stride);
}

/* The key of b's entry bk folded into t: its sessions and the partial buffers of bk
   (sorted by start, then end) in one pass by start, a state session before a partial buffer of
   the same start, each joining the session before it when it starts at or before that
   session's end (merged into it) and starting a new one otherwise (start_state; a new key's
   first session, made from its first partial buffer, is started once).  The new list is
   allocated before t changes; its sessions' sets are sealed at the end.  Adds to *put the
   key's sessions after the fold and to *gone its sessions of t that joined one before them
   (Spark's putRows: every session of the key is put, the stored ones whose start is no longer
   a session's start are removed).  0 or -NOMEM. */
static int fold_key(SrtSessions *t, const SrtSessions *b, const SessKey *bk, const PointRef *ord,
                    size_t *put, size_t *gone)
{
    const uint8_t *key = b->kbuf + bk->koff;
    SessKey *k = NULL;
    size_t slot = 0;
    uint32_t j = 0;
    int fresh = 0; /* t's first session of the key is already started */
    if (t->index_cap) {
        slot = probe(t, key, bk->key_len, bk->hash);
        if (t->index[slot])
            k = &t->keys[t->index[slot] - 1];
    }
    if (!k) { /* a new key: its first partial buffer is its first session */
        uint8_t *p0 = sess_at(b, bk, ord[0].pos);
        uint8_t *st;
        int rc = key_add(t, slot, key, bk->key_len, bk->hash, sess_start(p0), sess_end(p0), &st);
        if (rc < 0)
            return rc;
        k = &t->keys[t->n_keys - 1];
        if ((rc = start_state(t, st, p0 + SESS_HDR, 0)) < 0)
            return rc;
        j = 1;
        fresh = 1;
    }
    if (j == bk->n) {
        *put += 1;
        return seal_collects(t, sess_at(t, k, 0) + SESS_HDR);
    }
    /* The new list grows as sessions start (most points merge into few sessions); t's
       states are only read until it replaces the key's list. */
    uint32_t cap = k->n + 1, most = k->n + (bk->n - j);
    uint8_t *out = srt_mem_alloc(t->mem, (size_t)cap * t->stride);
    if (!out)
        return -SRT_ERR_NOMEM;
    uint32_t n = 0, i = 0;
    uint8_t *cur = NULL;
    while (i < k->n || j < bk->n) {
        int stored = j == bk->n || (i < k->n && sess_start(sess_at(t, k, i)) <= ord[j].ts);
        int started = stored && fresh && i == 0;
        uint8_t *src = stored ? sess_at(t, k, i++) : sess_at(b, bk, ord[j++].pos);
        int64_t start = sess_start(src), end = sess_end(src);
        if (cur && start <= sess_end(cur)) {
            int rc;
            *gone += (size_t)stored;
            if (stored) { /* t's strings stay t's */
                if (t->merge)
                    t->merge(cur + SESS_HDR, src + SESS_HDR, t->q);
                rc = merge_collects(t, cur + SESS_HDR, src + SESS_HDR, 1);
            } else {
                rc = merge_strings(t, cur + SESS_HDR, src + SESS_HDR, t->merge);
                if (rc >= 0)
                    rc = merge_collects(t, cur + SESS_HDR, src + SESS_HDR, 0);
            }
            if (rc < 0) {
                drop_list(t, out, n, cap);
                return -SRT_ERR_NOMEM;
            }
            if (end > sess_end(cur))
                sess_set(cur, sess_start(cur), end);
            continue;
        }
        if (n == cap) {
            uint32_t nc = cap > most / 2 ? most : cap * 2;
            uint8_t *no =
                srt_mem_realloc(t->mem, out, (size_t)cap * t->stride, (size_t)nc * t->stride);
            if (!no) {
                drop_list(t, out, n, cap);
                return -SRT_ERR_NOMEM;
            }
            out = no;
            cap = nc;
        }
        cur = out + (size_t)n++ * t->stride;
        if (started) { /* its values move with it */
            memcpy(cur, src, t->stride);
            for (uint32_t c = 0; c < t->n_col_slots; c++)
                set_collect(src + SESS_HDR, t->col_slots[c].offset, NULL);
            continue;
        }
        sess_set(cur, start, end);
        if (start_state(t, cur + SESS_HDR, src + SESS_HDR, stored) < 0) {
            drop_list(t, out, n, cap);
            return -SRT_ERR_NOMEM;
        }
    }
    srt_mem_free(t->mem, k->sess, (size_t)k->cap * t->stride);
    t->sess_bytes = t->sess_bytes - (size_t)k->cap * t->stride + (size_t)cap * t->stride;
    t->n_sessions = t->n_sessions - k->n + n;
    k->sess = out;
    k->n = n;
    k->cap = cap;
    *put += n;
    for (uint32_t s = 0; s < n; s++)
        if (seal_collects(t, sess_at(t, k, s) + SESS_HDR) < 0)
            return -SRT_ERR_NOMEM;
    return 0;
}

int srt_sessions_fold(SrtSessions *t, const SrtSessions *b, size_t *n_put, size_t *n_gone)
{
    *n_put = *n_gone = 0;
    if (b->stride != t->stride || b->slot_offset != t->slot_offset || !b->batch)
        return -SRT_ERR_FORMAT;
    for (size_t e = 0; e < b->n_keys; e++) {
        const SessKey *bk = &b->keys[e];
        if (bk->n == 0)
            continue;
        PointRef *ord, *alloc;
        if (points_order(b, bk, &ord, &alloc) < 0)
            return -SRT_ERR_NOMEM;
        int rc = fold_key(t, b, bk, ord, n_put, n_gone);
        srt_mem_free(b->mem, alloc, (size_t)bk->n * 2 * sizeof *alloc);
        if (rc < 0)
            return rc;
    }
    return 0;
}
