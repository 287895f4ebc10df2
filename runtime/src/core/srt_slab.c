/* srt_slab.c - a slab of allocations released in about the order they were made (a FIFO's
** rows): bumped from chunks in order, each chunk counting its live bytes and going when they
** reach 0.
*/
#include <string.h>

#include "srt_int.h"

#ifdef SRT_SLAB_POISON
#include <sanitizer/asan_interface.h>
/* Under AddressSanitizer what no allocation holds is poisoned: a row read after it went is
   reported as when each row was its own allocation. */
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define SLAB_HDR ((sizeof(SrtSlabChunk) + 15u) & ~(size_t)15u)
#define SLAB_FIRST_CHUNK ((size_t)64 << 10)
#define SLAB_MAX_CHUNK ((size_t)1 << 20)

static uint8_t *chunk_data(SrtSlabChunk *c)
{
    return (uint8_t *)c + SLAB_HDR;
}

void srt_slab_init(SrtSlab *s, SrtMem *m)
{
    memset(s, 0, sizeof *s);
    s->mem = m;
    s->chunk_size = SLAB_FIRST_CHUNK;
}

void *srt_slab_alloc_slow(SrtSlab *s, size_t n)
{
    if (n > SIZE_MAX / 4)
        return NULL;
    n = (n + 7u) & ~(size_t)7u;
#ifdef SRT_SLAB_POISON
    if (s->newest && (size_t)(s->end - s->cur) >= n) { /* srt_slab_alloc's fit, checked here */
        void *p = s->cur;
        s->cur += n;
        s->newest->live += n;
        UNPOISON(p, n);
        return p;
    }
#endif
    /* an allocation larger than a chunk has its own; the tail of the newest one is left */
    size_t data = n > s->chunk_size - SLAB_HDR ? n : s->chunk_size - SLAB_HDR;
    SrtSlabChunk *c = srt_mem_alloc(s->mem, SLAB_HDR + data);
    if (!c)
        return NULL;
    c->next = NULL;
    c->size = data;
    c->live = n;
    if (s->newest)
        s->newest->next = c;
    else
        s->oldest = c;
    s->newest = c;
    s->bytes += SLAB_HDR + data;
    if (data == s->chunk_size - SLAB_HDR && s->chunk_size < SLAB_MAX_CHUNK)
        s->chunk_size *= 2;
    s->cur = chunk_data(c) + n;
    s->end = chunk_data(c) + data;
    POISON(s->cur, data - n);
    return chunk_data(c);
}

void srt_slab_unalloc(SrtSlab *s, void *p, size_t n)
{
    n = (n + 7u) & ~(size_t)7u;
    if (s->newest && (uint8_t *)p + n == s->cur) {
        s->cur = p;
        s->newest->live -= n;
        POISON(p, n);
    }
}

void srt_slab_release(SrtSlab *s, SrtSlabChunk **at, const void *p, size_t n)
{
    SrtSlabChunk *c = *at ? *at : s->oldest;
    uintptr_t a = (uintptr_t)p;
    while (a < (uintptr_t)chunk_data(c) || a >= (uintptr_t)chunk_data(c) + c->size)
        c = c->next;
    c->live -= (n + 7u) & ~(size_t)7u;
    *at = c;
    POISON(p, n);
}

void srt_slab_sweep(SrtSlab *s)
{
    SrtSlabChunk *prev = NULL;
    for (SrtSlabChunk *c = s->oldest; c;) {
        SrtSlabChunk *next = c->next;
        if (c->live || c == s->newest) {
            prev = c;
            c = next;
            continue;
        }
        if (prev)
            prev->next = next;
        else
            s->oldest = next;
        s->bytes -= SLAB_HDR + c->size;
        UNPOISON(chunk_data(c), c->size);
        srt_mem_free(s->mem, c, SLAB_HDR + c->size);
        c = next;
    }
    if (s->newest && !s->newest->live)
        s->cur = chunk_data(s->newest); /* empty: bumped from its start again */
}

void srt_slab_free(SrtSlab *s)
{
    for (SrtSlabChunk *c = s->oldest; c;) {
        SrtSlabChunk *next = c->next;
        UNPOISON(chunk_data(c), c->size);
        srt_mem_free(s->mem, c, SLAB_HDR + c->size);
        c = next;
    }
    srt_slab_init(s, s->mem);
}
