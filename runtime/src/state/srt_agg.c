/* srt_agg.c - the group table behind srt_agg_upsert: key bytes -> aggregate state.
**
** Entries (header, state, key) are bump-allocated in chunks and do not move while
** batches run, so state addresses are stable and walking the chunks gives insertion
** order.  The index is an open-addressing array of (hash, entry) slots with linear
** probing, kept at most half full and rebuilt on growth; comparing the stored hash
** first means a probe touches an entry only on a likely hit.  Groups updated in the
** current batch are tracked by a batch stamp in the entry plus a list.
**
** Removal (watermark eviction, state deltas) keeps memory flat over long runs:
** srt_agg_delete and srt_agg_remove_if take the entry out of the index at once
** (backward-shift deletion, so probes never meet tombstones) and leave a dead entry
** in its chunk; once dead entries hold a quarter of the entry bytes, srt_agg_remove_if
** slides the live entries down in place (insertion order and seq kept), frees the
** emptied chunks and rebuilds (and shrinks) the index.  STRING min/max values live in
** an arena plus one packed block; with their slots registered, a compaction re-packs
** the live strings and frees the rest.  collect_list / collect_set states point at a
** vector of their own (srt_collect.c), freed with the group.
*/
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"
#include "state/srt_agg_int.h"

/* The value of a string slot whose length is 0 after a compaction or restore. */
static const char agg_empty[1] = "";

/* The next table generation (srt_agg_gen): one counter for every table of the process, so
   that a table freed and another made at its address never share one. */
static uint64_t agg_gen_next;

static void new_gen(SrtAggTable *t)
{
    t->gen = __atomic_add_fetch(&agg_gen_next, 1, __ATOMIC_RELAXED);
}

uint64_t srt_agg_gen(const SrtAggTable *t)
{
    return t->gen;
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
    new_gen(t);
    t->bytes = sizeof *t + sizeof(AggSlot) * FIRST_SLOTS;
    srt_arena_init(&t->strings, m, 4096);
    return t;
}

static void free_collects(SrtAggTable *t, uint8_t *state);

/* Free the collected values of every live group (a table freed or cleared). */
static void free_all_collects(SrtAggTable *t)
{
    if (t->n_col_slots)
        for (AggChunk *c = t->first; c; c = c->next)
            for (size_t off = 0; off < c->used;) {
                AggEntry *e = (AggEntry *)((char *)c + CHUNK_HDR + off);
                off += entry_size(t, e->key_len);
                if (e->seq < AGG_MARK)
                    free_collects(t, entry_state(e));
            }
}

void srt_agg_free(SrtAggTable *t)
{
    if (!t)
        return;
    free_all_collects(t);
    AggChunk *c = t->first;
    while (c) {
        AggChunk *next = c->next;
        srt_mem_free(t->mem, c, c->size);
        c = next;
    }
    srt_mem_free(t->mem, t->slots, sizeof(AggSlot) * (t->mask + 1));
    srt_mem_free(t->mem, t->updated, sizeof(AggEntry *) * t->cap_updated);
    srt_mem_free(t->mem, t->str_slots, sizeof(uint32_t) * t->n_str_slots);
    srt_mem_free(t->mem, t->str_block, t->str_block_size);
    srt_mem_free(t->mem, t->col_slots, sizeof(SrtCollectSlot) * t->n_col_slots);
    srt_arena_free(&t->strings);
    srt_mem_free(t->mem, t, sizeof *t);
}

/* A copy owned by the table.  A replaced min/max value is reclaimed only when a
   compaction re-packs the live strings (string slots registered): until then the arena
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
    e->seq = t->next_seq++;
    memset(entry_state(e), 0, t->state_stride);
    memcpy((uint8_t *)entry_key(t, e), key, key_len);
    s->hash = hash;
    s->e = e;
    t->count++;
    t->live_bytes += entry_size(t, key_len);
    mark_updated(t, e);
    *state = entry_state(e);
    return 0;
}

uint8_t *srt_agg_lookup(const SrtAggTable *t, const void *key, uint32_t key_len, uint64_t hash)
{
    AggEntry *e = probe(t, key, key_len, hash)->e;
    return e ? entry_state(e) : NULL;
}

void srt_agg_begin_batch(SrtAggTable *t)
{
    new_gen(t); /* a cached state is not marked updated in the new batch */
    t->n_updated = 0;
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
            off += entry_size(t, e->key_len);
            if (e->seq >= AGG_MARK)
                continue;
            int rc = fn(ctx, entry_key(t, e), e->key_len, entry_state(e));
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* In the order of the groups' first update in the batch: the order Spark's StateStoreSaveExec
   (Update) emits and puts them, that of the final HashAggregateExec's BytesToBytesMap, which
   met the groups as the batch's partitions came, each at its first row. */
int srt_agg_foreach_updated(SrtAggTable *t, SrtAggVisitFn fn, void *ctx)
{
    for (size_t i = 0; i < t->n_updated; i++) {
        AggEntry *e = t->updated[i];
        int rc = fn(ctx, entry_key(t, e), e->key_len, entry_state(e));
        if (rc)
            return rc;
    }
    return 0;
}

/* ======================================================================
** Partial tables (srt_par.c): a task's groups folded into the state, then emptied
** ====================================================================== */

static void free_chunk(SrtAggTable *t, AggChunk *c);
static int fold_collects(SrtAggTable *dst, uint8_t *state, const uint8_t *src);
static inline const char *slot_ptr(const uint8_t *state, uint32_t off);
static inline uint32_t slot_len(const uint8_t *state, uint32_t off);
static inline void set_slot_ptr(uint8_t *state, uint32_t off, const char *p);

int srt_agg_merge_from(SrtAggTable *dst, const SrtAggTable *src, SrtMergeFn merge, uint8_t **groups)
{
    size_t n_groups = 0;
    const char *few[16], **before = few; /* a group's string pointers before the merge */
    uint32_t n_str = dst->n_str_slots;
    if (n_str > 16 && !(before = srt_mem_alloc(dst->mem, sizeof *before * n_str)))
        return -SRT_ERR_NOMEM;
    int rc = 0;
    new_gen(dst);
    for (AggChunk *c = src->first; c && rc == 0; c = c->next) {
        for (size_t off = 0; off < c->used;) {
            AggEntry *e = (AggEntry *)((char *)c + CHUNK_HDR + off);
            off += entry_size(src, e->key_len);
            if (e->seq >= AGG_MARK)
                continue;
            const uint8_t *key = entry_key(src, e);
            uint8_t *state;
            if (srt_agg_find_or_add(dst, key, e->key_len, srt_hash(key, e->key_len), &state) < 0) {
                rc = -SRT_ERR_NOMEM;
                break;
            }
            for (uint32_t i = 0; i < n_str; i++)
                before[i] = slot_ptr(state, dst->str_slots[i]);
            merge(state, entry_state(e), dst->owner);
            if (dst->n_col_slots && (rc = fold_collects(dst, state, entry_state(e))) < 0)
                break;
            if (groups)
                groups[n_groups++] = state;
            /* A string merge took from src points into src's memory: dst keeps its own copy. */
            for (uint32_t i = 0; i < n_str; i++) {
                const char *p = slot_ptr(state, dst->str_slots[i]);
                if (p == before[i] || !p)
                    continue;
                uint32_t n = slot_len(state, dst->str_slots[i]);
                char *copy = srt_arena_alloc(&dst->strings, n ? n : 1);
                if (!copy) {
                    rc = -SRT_ERR_NOMEM;
                    break;
                }
                memcpy(copy, p, n);
                set_slot_ptr(state, dst->str_slots[i], copy);
            }
            if (rc < 0)
                break;
        }
    }
    if (before != few)
        srt_mem_free(dst->mem, before, sizeof *before * n_str);
    return rc;
}

void srt_agg_clear(SrtAggTable *t)
{
    /* A task's groups hold collected values of their own (the fold copied them). */
    free_all_collects(t);
    /* The index is small next to the task that filled it: cleared whole (walking the
       entries to find their slots would hash every key again). */
    memset(t->slots, 0, sizeof(AggSlot) * (t->mask + 1));
    AggChunk *keep = t->first;
    if (keep) {
        for (AggChunk *c = keep->next; c;) {
            AggChunk *next = c->next;
            free_chunk(t, c);
            c = next;
        }
        keep->next = NULL;
        keep->used = 0;
    }
    t->last = keep;
    t->count = 0;
    t->next_seq = 0;
    t->live_bytes = 0;
    t->dead_bytes = 0;
    srt_arena_reset(&t->strings);
    srt_agg_begin_batch(t);
}

/* ======================================================================
** Removal, compaction and the checkpoint form of a state
** ====================================================================== */

static inline AggEntry *chunk_entry(AggChunk *c, size_t off)
{
    return (AggEntry *)((char *)c + CHUNK_HDR + off);
}

/* A STRING slot: the pointer at off, its u32 length at off + 8 (unaligned access safe). */
static inline const char *slot_ptr(const uint8_t *state, uint32_t off)
{
    const char *p;
    memcpy(&p, state + off, sizeof p);
    return p;
}

static inline uint32_t slot_len(const uint8_t *state, uint32_t off)
{
    uint32_t n;
    memcpy(&n, state + off + 8, sizeof n);
    return n;
}

static inline void set_slot_ptr(uint8_t *state, uint32_t off, const char *p)
{
    memcpy(state + off, &p, sizeof p);
}

int srt_agg_set_string_slots(SrtAggTable *t, const uint32_t *offsets, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (offsets[i] > t->state_size || t->state_size - offsets[i] < 12)
            return -SRT_ERR_FORMAT; /* pointer + length must lie inside the state */
        for (uint32_t j = 0; j < i; j++)
            if (offsets[i] < offsets[j] + 12 && offsets[j] < offsets[i] + 12)
                return -SRT_ERR_FORMAT; /* overlapping slots */
    }
    uint32_t *copy = NULL;
    if (n) {
        copy = srt_mem_alloc(t->mem, sizeof(uint32_t) * n);
        if (!copy)
            return -SRT_ERR_NOMEM;
        memcpy(copy, offsets, sizeof(uint32_t) * n);
    }
    srt_mem_free(t->mem, t->str_slots, sizeof(uint32_t) * t->n_str_slots);
    t->bytes = t->bytes - sizeof(uint32_t) * t->n_str_slots + sizeof(uint32_t) * n;
    t->str_slots = copy;
    t->n_str_slots = n;
    return 0;
}

int srt_agg_set_collect_slots(SrtAggTable *t, const SrtCollectSlot *slots, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (slots[i].offset > t->state_size || t->state_size - slots[i].offset < 16)
            return -SRT_ERR_FORMAT; /* pointer + encoded length must lie inside the state */
        for (uint32_t j = 0; j < i; j++)
            if (slots[i].offset < slots[j].offset + 16 && slots[j].offset < slots[i].offset + 16)
                return -SRT_ERR_FORMAT;
        for (uint32_t j = 0; j < t->n_str_slots; j++)
            if (slots[i].offset < t->str_slots[j] + 12 && t->str_slots[j] < slots[i].offset + 16)
                return -SRT_ERR_FORMAT;
    }
    SrtCollectSlot *copy = NULL;
    if (n) {
        copy = srt_mem_alloc(t->mem, sizeof(SrtCollectSlot) * n);
        if (!copy)
            return -SRT_ERR_NOMEM;
        memcpy(copy, slots, sizeof(SrtCollectSlot) * n);
    }
    srt_mem_free(t->mem, t->col_slots, sizeof(SrtCollectSlot) * t->n_col_slots);
    t->bytes = t->bytes - sizeof(SrtCollectSlot) * t->n_col_slots + sizeof(SrtCollectSlot) * n;
    t->col_slots = copy;
    t->n_col_slots = n;
    return 0;
}

SrtMem *srt_agg_mem(SrtAggTable *t)
{
    return t->mem;
}

SrtQuery *srt_agg_owner(SrtAggTable *t)
{
    return t->owner;
}

void srt_agg_add_bytes(SrtAggTable *t, int64_t delta)
{
    t->bytes = (size_t)((int64_t)t->bytes + delta);
}

static inline SrtCollect *collect_at(const uint8_t *state, uint32_t off)
{
    SrtCollect *c;
    memcpy(&c, state + off, sizeof c);
    return c;
}

/* Free the collected values of a group that goes away. */
static void free_collects(SrtAggTable *t, uint8_t *state)
{
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        SrtCollect *c = collect_at(state, t->col_slots[k].offset);
        t->bytes -= srt_collect_bytes(c, t->col_slots[k].kind);
        srt_collect_free(t->mem, c, t->col_slots[k].kind);
        memset(state + t->col_slots[k].offset, 0, sizeof c);
    }
}

static int settle_group(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    SrtAggTable *t = ctx;
    SRT_UNUSED(key);
    SRT_UNUSED(key_len);
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        SrtCollect *c = collect_at(state, t->col_slots[k].offset);
        size_t before = srt_collect_bytes(c, t->col_slots[k].kind);
        int rc = srt_collect_settle(t->mem, c, t->col_slots[k].kind);
        t->bytes = t->bytes - before + srt_collect_bytes(c, t->col_slots[k].kind);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* A task's group's collected values (src) into the state's group, after its merge function
   (which leaves them): srt_collect_fold. */
static int fold_collects(SrtAggTable *dst, uint8_t *state, const uint8_t *src)
{
    for (uint32_t k = 0; k < dst->n_col_slots; k++) {
        uint32_t off = dst->col_slots[k].offset, kind = dst->col_slots[k].kind;
        SrtCollect *c = collect_at(state, off);
        size_t before = srt_collect_bytes(c, kind);
        int rc = srt_collect_fold(dst->mem, &c, collect_at(src, off), kind);
        memcpy(state + off, &c, sizeof c);
        dst->bytes = dst->bytes - before + srt_collect_bytes(c, kind);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int srt_agg_touch_collects(SrtAggTable *t, uint8_t *state, int64_t mark)
{
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        if (!(t->col_slots[k].kind & SRT_COLLECT_SET))
            continue;
        SrtCollect *c = collect_at(state, t->col_slots[k].offset);
        size_t before = srt_collect_bytes(c, t->col_slots[k].kind);
        int rc = srt_collect_push(t->mem, &c, t->col_slots[k].kind, mark, 1, 0, 0, NULL, 0);
        memcpy(state + t->col_slots[k].offset, &c, sizeof c);
        t->bytes = t->bytes - before + srt_collect_bytes(c, t->col_slots[k].kind);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int srt_agg_settle_collects(SrtAggTable *t)
{
    int any = 0;
    for (uint32_t k = 0; k < t->n_col_slots; k++)
        any |= (t->col_slots[k].kind &
                (SRT_COLLECT_SET | SRT_COLLECT_QUANTILE | SRT_COLLECT_HISTOGRAM)) != 0;
    return any ? srt_agg_foreach_updated(t, settle_group, t) : 0;
}

/* Bytes of the strings of one state, packed (what srt_agg_encode_state appends). */
static size_t state_string_bytes(const SrtAggTable *t, const uint8_t *state)
{
    size_t n = 0;
    for (uint32_t k = 0; k < t->n_str_slots; k++)
        if (slot_ptr(state, t->str_slots[k]))
            n += slot_len(state, t->str_slots[k]);
    return n;
}

/* Empty slot i of the index by backward-shift deletion: later members of the probe
   cluster move back into the hole unless their home slot lies cyclically in (i, j],
   so probes stay correct without tombstones. */
static void index_remove_at(SrtAggTable *t, size_t i)
{
    size_t mask = t->mask, j = i;
    for (;;) {
        j = (j + 1) & mask;
        AggSlot *s = &t->slots[j];
        if (!s->e)
            break;
        size_t home = (size_t)s->hash & mask;
        int stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (stays)
            continue;
        t->slots[i] = *s;
        i = j;
    }
    t->slots[i].e = NULL;
    t->slots[i].hash = 0;
}

/* Take entry e out of the index (found by its key's srt_hash, or by a scan when the
   caller hashed differently). */
static void index_remove_entry(SrtAggTable *t, AggEntry *e)
{
    size_t i = (size_t)srt_hash(entry_key(t, e), e->key_len) & t->mask;
    while (t->slots[i].e && t->slots[i].e != e)
        i = (i + 1) & t->mask;
    if (t->slots[i].e != e) {
        for (i = 0; i <= t->mask && t->slots[i].e != e; i++)
            ;
        if (i > t->mask)
            return;
    }
    index_remove_at(t, i);
}

/* Drop e from the updated list (it is there exactly when its stamp is the batch's). */
static void unlist_updated(SrtAggTable *t, AggEntry *e)
{
    if (e->stamp != t->stamp)
        return;
    for (size_t i = t->n_updated; i-- > 0;)
        if (t->updated[i] == e) {
            memmove(&t->updated[i], &t->updated[i + 1],
                    (t->n_updated - i - 1) * sizeof *t->updated);
            t->n_updated--;
            return;
        }
}

int srt_agg_delete(SrtAggTable *t, const void *key, uint32_t key_len)
{
    AggSlot *s = probe(t, key, key_len, srt_hash(key, key_len));
    AggEntry *e = s->e;
    if (!e)
        return 0;
    new_gen(t);
    index_remove_at(t, (size_t)(s - t->slots));
    unlist_updated(t, e);
    free_collects(t, entry_state(e));
    size_t sz = entry_size(t, e->key_len);
    e->seq = AGG_DEAD; /* its bytes are reclaimed by the next compaction */
    t->count--;
    t->live_bytes -= sz;
    t->dead_bytes += sz;
    return 0;
}

static void free_chunk(SrtAggTable *t, AggChunk *c)
{
    t->bytes -= c->size;
    srt_mem_free(t->mem, c, c->size);
}

/* Slide the live entries down over the dead and marked ones, in place and in order,
   and free the chunks that end up empty.  Allocates nothing, so it cannot fail.  The
   destination never passes the source: an entry always fits where it already is. */
static void compact_entries(SrtAggTable *t)
{
    AggChunk *dc = t->first, *dprev = NULL;
    size_t doff = 0;
    for (AggChunk *sc = t->first; sc;) {
        AggChunk *snext = sc->next;
        size_t used = sc->used;
        for (size_t off = 0; off < used;) {
            AggEntry *e = chunk_entry(sc, off);
            size_t sz = entry_size(t, e->key_len);
            off += sz;
            if (e->seq >= AGG_MARK)
                continue;
            while (dc->size - CHUNK_HDR - doff < sz) {
                AggChunk *next = dc->next; /* dc lies before sc here */
                if (doff == 0) {
                    if (dprev)
                        dprev->next = next;
                    else
                        t->first = next;
                    free_chunk(t, dc);
                } else {
                    dc->used = doff;
                    dprev = dc;
                }
                dc = next;
                doff = 0;
            }
            AggEntry *d = chunk_entry(dc, doff);
            if (d != e)
                memmove(d, e, sz);
            doff += sz;
        }
        sc = snext;
    }
    if (!dc)
        return; /* no chunks at all */
    for (AggChunk *c = dc->next; c;) {
        AggChunk *next = c->next;
        free_chunk(t, c);
        c = next;
    }
    dc->next = NULL;
    dc->used = doff;
    if (doff == 0) {
        if (dprev)
            dprev->next = NULL;
        else
            t->first = NULL;
        free_chunk(t, dc);
        dc = dprev;
    }
    t->last = dc;
    t->dead_bytes = 0;
    /* New chunks grow from a size in proportion to what is left, not from the peak. */
    size_t cs = FIRST_CHUNK;
    while (cs < MAX_CHUNK && cs < t->live_bytes / 2)
        cs *= 2;
    t->chunk_size = cs;
}

/* Rebuild the index after entries moved, shrinking it when at most an eighth is used
   (the new one is at most a quarter full).  Without memory for the smaller array the
   old one is reused, so this cannot fail.  Hashes are srt_hash of the keys, as the
   callers of srt_agg_upsert promise. */
static void rebuild_index(SrtAggTable *t)
{
    size_t n = FIRST_SLOTS, old_n = t->mask + 1;
    while (n / 4 < t->count)
        n *= 2;
    AggSlot *ns = n < old_n ? srt_mem_calloc(t->mem, sizeof(AggSlot) * n) : NULL;
    if (ns) {
        srt_mem_free(t->mem, t->slots, sizeof(AggSlot) * old_n);
        t->bytes -= sizeof(AggSlot) * (old_n - n);
        t->slots = ns;
        t->mask = n - 1;
        t->grow_at = n / 2;
    } else {
        memset(t->slots, 0, sizeof(AggSlot) * old_n);
    }
    for (AggChunk *c = t->first; c; c = c->next)
        for (size_t off = 0; off < c->used;) {
            AggEntry *e = chunk_entry(c, off);
            off += entry_size(t, e->key_len);
            if (e->seq >= AGG_MARK)
                continue;
            uint64_t h = srt_hash(entry_key(t, e), e->key_len);
            size_t j = (size_t)h & t->mask;
            while (t->slots[j].e)
                j = (j + 1) & t->mask;
            t->slots[j].hash = h;
            t->slots[j].e = e;
        }
}

/* Copy the live groups' strings into one new block and free the arena and the previous
   block.  Without memory for the block nothing changes. */
static void compact_strings(SrtAggTable *t)
{
    size_t need = 0;
    for (AggChunk *c = t->first; c; c = c->next)
        for (size_t off = 0; off < c->used;) {
            AggEntry *e = chunk_entry(c, off);
            off += entry_size(t, e->key_len);
            if (e->seq < AGG_MARK)
                need += state_string_bytes(t, entry_state(e));
        }
    char *blk = NULL;
    if (need) {
        blk = srt_mem_alloc(t->mem, need);
        if (!blk)
            return;
    }
    size_t pos = 0;
    for (AggChunk *c = t->first; c; c = c->next)
        for (size_t off = 0; off < c->used;) {
            AggEntry *e = chunk_entry(c, off);
            off += entry_size(t, e->key_len);
            if (e->seq >= AGG_MARK)
                continue;
            uint8_t *st = entry_state(e);
            for (uint32_t k = 0; k < t->n_str_slots; k++) {
                uint32_t so = t->str_slots[k];
                const char *p = slot_ptr(st, so);
                uint32_t n = slot_len(st, so);
                if (!p)
                    continue;
                if (n == 0) {
                    set_slot_ptr(st, so, agg_empty);
                    continue;
                }
                memcpy(blk + pos, p, n);
                set_slot_ptr(st, so, blk + pos);
                pos += n;
            }
        }
    srt_mem_free(t->mem, t->str_block, t->str_block_size);
    t->bytes = t->bytes - t->str_block_size + need;
    t->str_block = blk;
    t->str_block_size = need;
    srt_arena_free(&t->strings);
    srt_arena_init(&t->strings, t->mem, 4096);
}

/* Remove marks left by a predicate that failed. */
static void unmark_all(SrtAggTable *t)
{
    for (AggChunk *c = t->first; c; c = c->next)
        for (size_t off = 0; off < c->used;) {
            AggEntry *e = chunk_entry(c, off);
            off += entry_size(t, e->key_len);
            if (e->seq >= AGG_MARK && e->seq != AGG_DEAD)
                e->seq &= ~AGG_MARK;
        }
}

/* Marks every group to remove first, so a failing predicate leaves the table as it was.
   Compacts when removed and earlier deleted entries hold a quarter of the entry bytes
   (in a steady state of as many groups added as removed, memory stays within a constant
   factor of the live groups); otherwise removed entries stay dead in their chunks.
   Never fails for lack of memory: compaction allocates only to shrink. */
int srt_agg_remove_if(SrtAggTable *t, SrtAggPredFn fn, void *ctx, size_t *n_removed)
{
    size_t removed = 0, removed_bytes = 0, str_need = 0;
    if (n_removed)
        *n_removed = 0;
    for (AggChunk *c = t->first; c; c = c->next)
        for (size_t off = 0; off < c->used;) {
            AggEntry *e = chunk_entry(c, off);
            size_t sz = entry_size(t, e->key_len);
            off += sz;
            if (e->seq >= AGG_MARK)
                continue;
            int rc = fn(ctx, entry_key(t, e), e->key_len, entry_state(e));
            if (rc < 0) {
                unmark_all(t);
                return rc;
            }
            if (rc > 0) {
                e->seq |= AGG_MARK;
                removed++;
                removed_bytes += sz;
            } else if (t->n_str_slots) {
                str_need += state_string_bytes(t, entry_state(e));
            }
        }
    if (removed && t->n_col_slots) /* no failure past this point: the values go */
        for (AggChunk *c = t->first; c; c = c->next)
            for (size_t off = 0; off < c->used;) {
                AggEntry *e = chunk_entry(c, off);
                off += entry_size(t, e->key_len);
                if (e->seq >= AGG_MARK && e->seq != AGG_DEAD)
                    free_collects(t, entry_state(e));
            }
    size_t dead = t->dead_bytes + removed_bytes;
    int compact = dead > 0 && dead >= (t->live_bytes + t->dead_bytes) / 4;
    t->count -= removed;
    t->live_bytes -= removed_bytes;
    if (compact) {
        compact_entries(t);
        rebuild_index(t);
    } else if (removed) {
        for (AggChunk *c = t->first; c; c = c->next)
            for (size_t off = 0; off < c->used;) {
                AggEntry *e = chunk_entry(c, off);
                off += entry_size(t, e->key_len);
                if (e->seq >= AGG_MARK && e->seq != AGG_DEAD) {
                    index_remove_entry(t, e);
                    e->seq = AGG_DEAD;
                }
            }
        t->dead_bytes = dead;
    }
    size_t held = t->str_block_size + t->strings.bytes;
    if (t->n_str_slots && held && (compact || held > 2 * str_need + ((size_t)64 << 10)))
        compact_strings(t);
    srt_agg_begin_batch(t); /* the updated list may point at moved or removed entries */
    if (t->cap_updated > 4 * t->count + 1024) {
        /* Far more room than the groups left could need: let it grow again on demand. */
        srt_mem_free(t->mem, t->updated, sizeof(AggEntry *) * t->cap_updated);
        t->bytes -= sizeof(AggEntry *) * t->cap_updated;
        t->updated = NULL;
        t->cap_updated = 0;
    }
    if (n_removed)
        *n_removed = removed;
    return 0;
}

void srt_agg_encode_state(const SrtAggTable *t, const uint8_t *state, SrtBuf *out)
{
    size_t base = out->n;
    srt_buf_put(out, state, t->state_size);
    if (out->oom || out->n != base + t->state_size)
        return;
    for (uint32_t k = 0; k < t->n_str_slots; k++)
        memset(out->p + base + t->str_slots[k], 0, sizeof(void *));
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        uint64_t n = srt_collect_encoded_size(collect_at(state, t->col_slots[k].offset),
                                              t->col_slots[k].kind);
        memset(out->p + base + t->col_slots[k].offset, 0, 16);
        memcpy(out->p + base + t->col_slots[k].offset + 8, &n, sizeof n);
    }
    for (uint32_t k = 0; k < t->n_str_slots; k++) {
        const char *p = slot_ptr(state, t->str_slots[k]);
        uint32_t n = slot_len(state, t->str_slots[k]);
        if (!n)
            continue;
        if (p)
            srt_buf_put(out, p, n);
        else
            srt_buf_fill(out, '\0', n); /* keeps the length consistent */
    }
    for (uint32_t k = 0; k < t->n_col_slots; k++)
        srt_collect_encode(collect_at(state, t->col_slots[k].offset), t->col_slots[k].kind, out);
}

/* Free values decoded for a restore that fails, and their array. */
static void drop_collects(SrtAggTable *t, SrtCollect **cols)
{
    if (!cols)
        return;
    for (uint32_t k = 0; k < t->n_col_slots; k++)
        srt_collect_free(t->mem, cols[k], t->col_slots[k].kind);
    srt_mem_free(t->mem, cols, sizeof *cols * t->n_col_slots);
}

int srt_agg_restore(SrtAggTable *t, const void *key, uint32_t key_len, const uint8_t *val,
                    uint32_t val_len, SrtErr *err)
{
    if (val_len < t->state_size)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "aggregation state of a group in the checkpoint has %u bytes, fewer "
                           "than the %u bytes of the query's state",
                           val_len, t->state_size);
    uint64_t want = t->state_size, str_total = 0;
    for (uint32_t k = 0; k < t->n_str_slots; k++)
        str_total += slot_len(val, t->str_slots[k]);
    want += str_total;
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        uint64_t n;
        memcpy(&n, val + t->col_slots[k].offset + 8, sizeof n);
        want += n > UINT32_MAX ? UINT32_MAX : n; /* too long: the sum says so */
    }
    if (want != val_len)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "aggregation state of a group in the checkpoint has %u bytes, but its "
                           "%u bytes of state and the lengths of its %u string value(s) and %u "
                           "collected value(s) make %llu",
                           val_len, t->state_size, t->n_str_slots, t->n_col_slots,
                           (unsigned long long)want);
    /* The collected values, then the strings in one piece: running out of memory later
       leaves the table as it was (with a few unused arena bytes). */
    SrtCollect **cols = NULL;
    if (t->n_col_slots && !(cols = srt_mem_calloc(t->mem, sizeof *cols * t->n_col_slots)))
        return srt_err_nomem(err, "collected values");
    size_t col_pos = t->state_size + str_total;
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        uint64_t n;
        memcpy(&n, val + t->col_slots[k].offset + 8, sizeof n);
        int rc = srt_collect_decode(t->mem, t->col_slots[k].kind, val + col_pos, (size_t)n,
                                    &cols[k], err);
        if (rc < 0) {
            drop_collects(t, cols);
            return rc;
        }
        col_pos += (size_t)n;
    }
    size_t total = str_total;
    char *sp = NULL;
    if (total) {
        sp = srt_arena_alloc(&t->strings, total);
        if (!sp) {
            drop_collects(t, cols);
            return srt_err_nomem(err, "aggregation strings");
        }
        memcpy(sp, val + t->state_size, total);
    }
    uint64_t h = srt_hash(key, key_len);
    AggSlot *s = probe(t, key, key_len, h);
    AggEntry *e = s->e;
    if (!e) {
        if (t->count + 1 > t->grow_at && grow_index(t) < 0) {
            drop_collects(t, cols);
            return srt_err_nomem(err, "aggregation index");
        }
        s = probe(t, key, key_len, h);
        e = alloc_entry(t, key_len);
        if (!e) {
            drop_collects(t, cols);
            return srt_err_nomem(err, "aggregation state");
        }
        e->key_len = key_len;
        e->stamp = 0; /* not updated in this batch */
        e->seq = t->next_seq++;
        memset(entry_state(e), 0, t->state_stride);
        memcpy((uint8_t *)entry_key(t, e), key, key_len);
        s->hash = h;
        s->e = e;
        t->count++;
        t->live_bytes += entry_size(t, key_len);
    }
    new_gen(t);
    uint8_t *st = entry_state(e);
    free_collects(t, st); /* a group replaced by a later version */
    memcpy(st, val, t->state_size);
    for (uint32_t k = 0; k < t->n_col_slots; k++) {
        memset(st + t->col_slots[k].offset, 0, 16);
        memcpy(st + t->col_slots[k].offset, &cols[k], sizeof cols[k]);
        t->bytes += srt_collect_bytes(cols[k], t->col_slots[k].kind);
    }
    srt_mem_free(t->mem, cols, sizeof *cols * t->n_col_slots);
    size_t pos = 0;
    for (uint32_t k = 0; k < t->n_str_slots; k++) {
        uint32_t n = slot_len(st, t->str_slots[k]);
        set_slot_ptr(st, t->str_slots[k], n ? sp + pos : agg_empty);
        pos += n;
    }
    return 0;
}
