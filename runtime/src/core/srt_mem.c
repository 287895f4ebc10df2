/* srt_mem.c - the allocation hook every runtime allocation goes through, with byte
** accounting and fail-after-N injection for tests, and the bump arena built on it.
*/
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

static void *libc_alloc(void *ud, void *ptr, size_t old_size, size_t new_size)
{
    SRT_UNUSED(ud);
    SRT_UNUSED(old_size);
    if (new_size == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, new_size);
}

void srt_mem_init(SrtMem *m)
{
    memset(m, 0, sizeof *m);
    m->fn = libc_alloc;
    m->fail_after = -1;
}

/* Consume one allocation of the test budget: 0 if this one must fail. */
static int budget_ok(SrtMem *m)
{
    if (m->fail_after < 0)
        return 1;
    if (m->fail_after == 0)
        return 0;
    m->fail_after--;
    return 1;
}

static void account(SrtMem *m, size_t old_n, size_t new_n)
{
    m->in_use = m->in_use - old_n + new_n;
    if (m->in_use > m->peak)
        m->peak = m->in_use;
}

void *srt_mem_alloc(SrtMem *m, size_t n)
{
    if (n == 0)
        n = 1;
    if (!budget_ok(m))
        return NULL;
    void *p = m->fn(m->ud, NULL, 0, n);
    if (p) {
        account(m, 0, n);
        m->n_allocs++;
    }
    return p;
}

void *srt_mem_calloc(SrtMem *m, size_t n)
{
    void *p = srt_mem_alloc(m, n);
    if (p)
        memset(p, 0, n ? n : 1);
    return p;
}

void *srt_mem_realloc(SrtMem *m, void *p, size_t old_n, size_t new_n)
{
    if (!p)
        return srt_mem_alloc(m, new_n);
    if (new_n == 0)
        new_n = 1;
    if (!budget_ok(m))
        return NULL;
    void *q = m->fn(m->ud, p, old_n, new_n);
    if (q) {
        account(m, old_n, new_n);
        m->n_allocs++;
    }
    return q;
}

void srt_mem_free(SrtMem *m, void *p, size_t n)
{
    if (!p)
        return;
    if (n == 0)
        n = 1;
    m->fn(m->ud, p, n, 0);
    account(m, n, 0);
}

int srt_mem_grow(SrtMem *m, void **pp, size_t *cap, size_t elem, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            return -SRT_ERR_NOMEM;
        ncap *= 2;
    }
    void *np = srt_mem_realloc(m, *pp, *cap * elem, ncap * elem);
    if (!np)
        return -SRT_ERR_NOMEM;
    *pp = np;
    *cap = ncap;
    return 0;
}

/* ======================================================================
** Arena
** ====================================================================== */

struct SrtArenaChunk {
    SrtArenaChunk *next; /* older chunk */
    size_t size;         /* whole allocation, header included */
    uint64_t pad_;       /* keeps the data 16-byte aligned */
};

#define ARENA_HDR ((sizeof(SrtArenaChunk) + 15u) & ~(size_t)15u)
#define ARENA_MAX_CHUNK ((size_t)8 << 20)

void srt_arena_init(SrtArena *a, SrtMem *m, size_t first_chunk)
{
    memset(a, 0, sizeof *a);
    a->mem = m;
    a->chunk_size = first_chunk < 256 ? 256 : first_chunk;
}

void *srt_arena_alloc_slow(SrtArena *a, size_t n)
{
    if (n > SIZE_MAX / 4)
        return NULL;
    size_t want = ((n + 15u) & ~(size_t)15u) + 16u + ARENA_HDR;
    size_t size = a->chunk_size;
    while (size < want)
        size *= 2;
    /* Chunks are malloc-aligned (16 on this ABI); round the data area to 16. */
    SrtArenaChunk *c = srt_mem_alloc(a->mem, size);
    if (!c)
        return NULL;
    c->next = a->head;
    c->size = size;
    a->head = c;
    a->bytes += size;
    if (a->chunk_size < ARENA_MAX_CHUNK)
        a->chunk_size *= 2;
    uintptr_t start = ((uintptr_t)c + ARENA_HDR + 15u) & ~(uintptr_t)15u;
    uintptr_t end = ((uintptr_t)c + size) & ~(uintptr_t)15u;
    a->cur = (char *)(start + n);
    a->end = (char *)end;
    return (void *)start;
}

void srt_arena_reset(SrtArena *a)
{
    SrtArenaChunk *keep = a->head;
    if (!keep)
        return;
    SrtArenaChunk *c = keep->next;
    while (c) {
        SrtArenaChunk *next = c->next;
        a->bytes -= c->size;
        srt_mem_free(a->mem, c, c->size);
        c = next;
    }
    keep->next = NULL;
    a->cur = (char *)(((uintptr_t)keep + ARENA_HDR + 15u) & ~(uintptr_t)15u);
    a->end = (char *)(((uintptr_t)keep + keep->size) & ~(uintptr_t)15u);
}

void srt_arena_free(SrtArena *a)
{
    SrtArenaChunk *c = a->head;
    while (c) {
        SrtArenaChunk *next = c->next;
        srt_mem_free(a->mem, c, c->size);
        c = next;
    }
    a->head = NULL;
    a->cur = a->end = NULL;
    a->bytes = 0;
}

char *srt_arena_strdup(SrtArena *a, const char *s)
{
    size_t n = strlen(s);
    char *d = srt_arena_alloc(a, n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}
