/* srt_agg_int.h - the group table's layout and hit path, shared by srt_agg.c and the inline
** helper inline/srt_agg_hit.c (srt_agg_upsert, which generated code inlines with the key length
** known).  Private to the runtime: srt_agg.c's header comment describes the table.
*/
#ifndef SRT_AGG_INT_H
#define SRT_AGG_INT_H

#include <string.h>

#include "srt_int.h"

typedef struct AggEntry {
    uint32_t key_len;
    uint32_t stamp; /* batch stamp of the last update */
    uint64_t seq;   /* insertion number: iteration order; AGG_DEAD once removed */
    /* state (state_stride bytes, 16-byte aligned), then key_len key bytes */
} AggEntry;

/* seq of live entries stays below AGG_MARK; srt_agg_remove_if marks the entries it
   will remove by setting that bit, and removed entries left in a chunk are AGG_DEAD. */
#define AGG_MARK ((uint64_t)1 << 63)
#define AGG_DEAD UINT64_MAX

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
    size_t mask; /* number of slots - 1 */
    size_t count;
    size_t grow_at;
    AggChunk *first, *last;
    size_t chunk_size;
    uint32_t stamp;
    AggEntry **updated;
    size_t n_updated, cap_updated; /* in the order of their first update in the batch */
    size_t bytes;        /* chunks + slots + updated list + table + string slots + str_block */
    SrtArena strings;    /* values kept by min/max of STRING (srt_agg_strdup) */
    uint64_t next_seq;   /* seq of the next new entry */
    size_t live_bytes;   /* entry bytes of live groups */
    size_t dead_bytes;   /* entry bytes of removed groups still in chunks */
    uint32_t *str_slots; /* owned: offsets of STRING state slots (pointer, u32 length) */
    uint32_t n_str_slots;
    char *str_block; /* owned: live strings packed by the last compaction */
    size_t str_block_size;
    SrtCollectSlot *col_slots; /* owned: collect_list / collect_set slots */
    uint32_t n_col_slots;
    uint64_t gen; /* srt_agg_gen: new at every change of which state a key has, where a state
                     is or which are updated in the batch */
};

static inline uint8_t *entry_state(AggEntry *e)
{
    return (uint8_t *)e + sizeof(AggEntry);
}

static inline const uint8_t *entry_key(const SrtAggTable *t, const AggEntry *e)
{
    return (const uint8_t *)e + sizeof(AggEntry) + t->state_stride;
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

#endif
