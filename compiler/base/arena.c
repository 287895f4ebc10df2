/* arena.c - bump allocator for the compiler (see arena.h for the policy). */
#include "base/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK_MIN (64 * 1024)
#define ARENA_ALIGN 16

struct ArenaChunk {
    ArenaChunk *prev;
    size_t cap;
    _Alignas(16) unsigned char data[];
};

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "sluice: out of memory (%zu bytes)\n", n);
        exit(70);
    }
    return p;
}

void arena_init(Arena *arena)
{
    arena->head = NULL;
    arena->used = 0;
    arena->total = 0;
}

void arena_free(Arena *arena)
{
    ArenaChunk *c = arena->head;
    while (c) {
        ArenaChunk *prev = c->prev;
        free(c);
        c = prev;
    }
    arena_init(arena);
}

void *arena_alloc(Arena *arena, size_t n)
{
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need == 0)
        need = ARENA_ALIGN;
    if (!arena->head || arena->used + need > arena->head->cap) {
        size_t cap = need > ARENA_CHUNK_MIN ? need : ARENA_CHUNK_MIN;
        ArenaChunk *c = xmalloc(sizeof(ArenaChunk) + cap);
        c->prev = arena->head;
        c->cap = cap;
        arena->head = c;
        arena->used = 0;
    }
    void *p = arena->head->data + arena->used;
    arena->used += need;
    arena->total += need;
    memset(p, 0, need);
    return p;
}

void *arena_realloc(Arena *arena, void *old, size_t old_n, size_t new_n)
{
    if (new_n <= old_n)
        return old;
    void *p = arena_alloc(arena, new_n);
    if (old && old_n)
        memcpy(p, old, old_n);
    return p;
}

char *arena_strndup(Arena *arena, const char *s, size_t n)
{
    char *p = arena_alloc(arena, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(Arena *arena, const char *s)
{
    return arena_strndup(arena, s, strlen(s));
}

char *arena_vsprintf(Arena *arena, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *p = arena_alloc(arena, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_sprintf(Arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vsprintf(arena, fmt, ap);
    va_end(ap);
    return p;
}

ArenaMark arena_mark(Arena *arena)
{
    ArenaMark m = {arena->head, arena->used};
    return m;
}

void arena_reset_to(Arena *arena, ArenaMark mark)
{
    while (arena->head && arena->head != mark.head) {
        ArenaChunk *prev = arena->head->prev;
        free(arena->head);
        arena->head = prev;
    }
    arena->used = mark.head ? mark.used : 0;
}

void ptrvec_push(Arena *arena, PtrVec *v, void *item)
{
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 8;
        v->items = arena_realloc(arena, v->items, sizeof(void *) * (size_t)v->cap,
                                 sizeof(void *) * (size_t)cap);
        v->cap = cap;
    }
    v->items[v->n++] = item;
}
