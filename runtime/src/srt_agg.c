/* srt_agg.c - the group table behind srt_agg_upsert: key bytes -> aggregate state.
**
** Entries (header, state, key) are bump-allocated in chunks and never move, so
** state addresses are stable and walking the chunks gives insertion order.  The
** index is an open-addressing array of (hash, entry) slots with linear probing,
** kept at most half full and rebuilt on growth; comparing the stored hash first
** means a probe touches an entry only on a likely hit.  Groups updated in the
** current batch are tracked by a batch stamp in the entry plus a list.
*/
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

typedef struct AggEntry {
    uint32_t key_len;
    uint32_t stamp; /* batch stamp of the last update */
    uint64_t seq;   /* insertion number: iteration order */
    /* state (state_stride bytes, 16-byte aligned), then key_len key bytes */
} AggEntry;

typedef struct AggSlot {
    uint64_t hash;
    AggEntry *e; /* NULL: empty */
} AggSlot;

typedef struct AggChunk {
    struct AggChunk *next; /* newer chunk */
    size_t size;           /* whole allocation */
    size_t used;           /* bytes of entries after the header */
    size_t pad_;
} AggChunk;

#define CHUNK_HDR ((sizeof(AggChunk) + 15u) & ~(size_t)15u)
#define FIRST_CHUNK ((size_t)16 << 10)
#define MAX_CHUNK ((size_t)1 << 20)
#define FIRST_SLOTS 16u

struct SrtAggTable {
    SrtMem *mem;     /* borrowed */
    SrtQuery *owner; /* borrowed; failed on OOM in srt_agg_upsert */
    uint32_t state_size, state_stride;
    AggSlot *slots;
    size_t mask;     /* number of slots - 1 */
    size_t count;
    size_t grow_at;
    AggChunk *first, *last;
    size_t chunk_size;
    uint32_t stamp;
    AggEntry **updated;
    size_t n_updated, cap_updated;
    int updated_sorted;
    size_t bytes;    /* chunks + slots + updated list + table */
    SrtArena strings; /* values kept by min/max of STRING (srt_agg_strdup) */
};

static inline uint8_t *entry_state(AggEntry *e)
{
    return (uint8_t *)e + sizeof(AggEntry);
}

static inline const uint8_t *entry_key(const SrtAggTable *t, const AggEntry *e)
{
    return (const uint8_t *)e + sizeof(AggEntry) + t->state_stride;
}

static inline size_t entry_size(const SrtAggTable *t, uint32_t key_len)
{
    return (sizeof(AggEntry) + t->state_stride + key_len + 15u) & ~(size_t)15u;
}

SrtAggTable *srt_agg_new(SrtMem *m, uint32_t state_size)
{
    SrtAggTable *t = srt_mem_calloc(m, sizeof *t);
    if (!t)
        return NULL;
    t->mem = m;
    t->state_size = state_size;
    t->state_stride = (state_size + 15u) & ~15u;
    t->slots = srt_mem_calloc(m, sizeof(AggSlot) * FIRST_SLOTS);
    if (!t->slots) {
        srt_mem_free(m, t, sizeof *t);
        return NULL;
    }
    t->mask = FIRST_SLOTS - 1;
    t->grow_at = FIRST_SLOTS / 2;
    t->chunk_size = FIRST_CHUNK;
    t->stamp = 1;
    t->updated_sorted = 1;
    t->bytes = sizeof *t + sizeof(AggSlot) * FIRST_SLOTS;
    srt_arena_init(&t->strings, m, 4096);
    return t;
}

void srt_agg_free(SrtAggTable *t)
{
    if (!t)
        return;
    AggChunk *c = t->first;
    while (c) {
        AggChunk *next = c->next;
        srt_mem_free(t->mem, c, c->size);
        c = next;
    }
    srt_mem_free(t->mem, t->slots, sizeof(AggSlot) * (t->mask + 1));
    srt_mem_free(t->mem, t->updated, sizeof(AggEntry *) * t->cap_updated);
    srt_arena_free(&t->strings);
    srt_mem_free(t->mem, t, sizeof *t);
}

/* A copy owned by the table.  A replaced min/max value is not reclaimed: the arena
   grows with the number of improvements, which is small once the extremes settle. */
const char *srt_agg_strdup(SrtAggTable *t, const char *s, uint32_t n)
{
    char *p = srt_arena_alloc(&t->strings, n ? n : 1);
    if (SRT_UNLIKELY(!p))
        srt_query_oom(t->owner, "aggregation strings");
    memcpy(p, s, n);
    return p;
}

void srt_agg_set_owner(SrtAggTable *t, SrtQuery *q)
{
    t->owner = q;
}

/* Equality of key bytes, a word at a time (the hashes matched, so keys are usually
   equal: no early exit per byte, and no libc call for the usual short keys). */
static inline int key_eq(const uint8_t *a, const uint8_t *b, uint32_t n)
{
    uint64_t x, y;
    if (n >= 8) {
        uint32_t i = 0;
        for (; i + 8 < n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return 0;
        }
        memcpy(&x, a + n - 8, 8); /* the last word, overlapping the previous one */
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t x0, y0, x1, y1;
        memcpy(&x0, a, 4);
        memcpy(&y0, b, 4);
        memcpy(&x1, a + n - 4, 4);
        memcpy(&y1, b + n - 4, 4);
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    for (uint32_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* The slot holding the key, or the empty slot where it belongs. */
static inline AggSlot *probe(const SrtAggTable *t, const void *key, uint32_t key_len, uint64_t hash)
{
    size_t i = (size_t)hash & t->mask;
    for (;;) {
        AggSlot *s = &t->slots[i];
        AggEntry *e = s->e;
        if (!e)
            return s;
        if (s->hash == hash && e->key_len == key_len && key_eq(entry_key(t, e), key, key_len))
            return s;
        i = (i + 1) & t->mask;
    }
}

static int grow_index(SrtAggTable *t)
{
    size_t old_n = t->mask + 1, n = old_n * 2;
    AggSlot *ns = srt_mem_calloc(t->mem, sizeof(AggSlot) * n);
    if (!ns)
        return -SRT_ERR_NOMEM;
    size_t mask = n - 1;
    for (size_t i = 0; i < old_n; i++) {
        AggSlot s = t->slots[i];
        if (!s.e)
            continue;
        size_t j = (size_t)s.hash & mask;
        while (ns[j].e)
            j = (j + 1) & mask;
        ns[j] = s;
    }
    srt_mem_free(t->mem, t->slots, sizeof(AggSlot) * old_n);
    t->slots = ns;
    t->mask = mask;
    t->grow_at = n / 2;
    t->bytes += sizeof(AggSlot) * (n - old_n);
    return 0;
}

/* Room for one more entry in the updated list. */
static int reserve_updated(SrtAggTable *t)
{
    size_t old = t->cap_updated;
    if (srt_mem_grow(t->mem, (void **)&t->updated, &t->cap_updated, sizeof(AggEntry *),
                     t->n_updated + 1) < 0)
        return -SRT_ERR_NOMEM;
    t->bytes += sizeof(AggEntry *) * (t->cap_updated - old);
    return 0;
}

static void mark_updated(SrtAggTable *t, AggEntry *e)
{
    if (t->n_updated && t->updated[t->n_updated - 1]->seq > e->seq)
        t->updated_sorted = 0;
    t->updated[t->n_updated++] = e;
    e->stamp = t->stamp;
}

static AggEntry *alloc_entry(SrtAggTable *t, uint32_t key_len)
{
    size_t need = entry_size(t, key_len);
    AggChunk *c = t->last;
    if (!c || c->size - CHUNK_HDR - c->used < need) {
        size_t size = t->chunk_size;
        while (size - CHUNK_HDR < need)
            size *= 2;
        c = srt_mem_alloc(t->mem, size);
        if (!c)
            return NULL;
        c->next = NULL;
        c->size = size;
        c->used = 0;
        if (t->last)
            t->last->next = c;
        else
            t->first = c;
        t->last = c;
        t->bytes += size;
        if (t->chunk_size < MAX_CHUNK)
            t->chunk_size *= 2;
    }
    AggEntry *e = (AggEntry *)((char *)c + CHUNK_HDR + c->used);
    c->used += need;
    return e;
}

int srt_agg_find_or_add(SrtAggTable *t, const void *key, uint32_t key_len, uint64_t hash,
                        uint8_t **state)
{
    AggSlot *s = probe(t, key, key_len, hash);
    AggEntry *e = s->e;
    if (e) {
        if (e->stamp != t->stamp) {
            if (reserve_updated(t) < 0)
                return -SRT_ERR_NOMEM;
            mark_updated(t, e);
        }
        *state = entry_state(e);
        return 0;
    }
    if (reserve_updated(t) < 0)
        return -SRT_ERR_NOMEM;
    if (t->count + 1 > t->grow_at) {
        if (grow_index(t) < 0)
            return -SRT_ERR_NOMEM;
        s = probe(t, key, key_len, hash);
    }
    e = alloc_entry(t, key_len);
    if (!e)
        return -SRT_ERR_NOMEM;
    e->key_len = key_len;
    e->stamp = 0;
    e->seq = t->count;
    memset(entry_state(e), 0, t->state_stride);
    memcpy((uint8_t *)entry_key(t, e), key, key_len);
    s->hash = hash;
    s->e = e;
    t->count++;
    mark_updated(t, e);
    *state = entry_state(e);
    return 0;
}

uint8_t *srt_agg_upsert(SrtAggTable *t, const void *key, uint32_t key_len, uint64_t hash)
{
    /* The hit path inline; everything else through srt_agg_find_or_add. */
    AggSlot *s = probe(t, key, key_len, hash);
    AggEntry *e = s->e;
    if (SRT_LIKELY(e != NULL && e->stamp == t->stamp))
        return entry_state(e);
    uint8_t *state;
    if (SRT_UNLIKELY(srt_agg_find_or_add(t, key, key_len, hash, &state) < 0))
        srt_query_oom(t->owner, "aggregation state");
    return state;
}

uint8_t *srt_agg_lookup(const SrtAggTable *t, const void *key, uint32_t key_len, uint64_t hash)
{
    AggEntry *e = probe(t, key, key_len, hash)->e;
    return e ? entry_state(e) : NULL;
}

void srt_agg_begin_batch(SrtAggTable *t)
{
    t->n_updated = 0;
    t->updated_sorted = 1;
    if (++t->stamp == 0) {
        /* After 2^32 batches: clear every stamp so none collides with the new one. */
        for (AggChunk *c = t->first; c; c = c->next)
            for (size_t off = 0; off < c->used;) {
                AggEntry *e = (AggEntry *)((char *)c + CHUNK_HDR + off);
                e->stamp = 0;
                off += entry_size(t, e->key_len);
            }
        t->stamp = 1;
    }
}

size_t srt_agg_count(const SrtAggTable *t)
{
    return t->count;
}

size_t srt_agg_updated_count(const SrtAggTable *t)
{
    return t->n_updated;
}

size_t srt_agg_bytes(const SrtAggTable *t)
{
    return t->bytes + t->strings.bytes;
}

uint32_t srt_agg_state_size(const SrtAggTable *t)
{
    return t->state_size;
}

int srt_agg_foreach(const SrtAggTable *t, SrtAggVisitFn fn, void *ctx)
{
    for (AggChunk *c = t->first; c; c = c->next) {
        for (size_t off = 0; off < c->used;) {
            AggEntry *e = (AggEntry *)((char *)c + CHUNK_HDR + off);
            int rc = fn(ctx, entry_key(t, e), e->key_len, entry_state(e));
            if (rc)
                return rc;
            off += entry_size(t, e->key_len);
        }
    }
    return 0;
}

static int by_seq(const void *a, const void *b)
{
    const AggEntry *x = *(AggEntry *const *)a, *y = *(AggEntry *const *)b;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int srt_agg_foreach_updated(SrtAggTable *t, SrtAggVisitFn fn, void *ctx)
{
    if (!t->updated_sorted) {
        qsort(t->updated, t->n_updated, sizeof *t->updated, by_seq);
        t->updated_sorted = 1;
    }
    for (size_t i = 0; i < t->n_updated; i++) {
        AggEntry *e = t->updated[i];
        int rc = fn(ctx, entry_key(t, e), e->key_len, entry_state(e));
        if (rc)
            return rc;
    }
    return 0;
}
