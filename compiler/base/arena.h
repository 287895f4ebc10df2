/* arena.h - bump allocator: one arena per compilation, freed once at exit.
**
** The compiler never frees retail: tokens, AST, bound trees, plans and
** diagnostics all live in the arena of the compilation and die with it
** (chibicc's policy; a compile is a short-lived process).  Memory returned
** by arena_alloc is zeroed and 16-byte aligned.  Out of memory aborts the
** compiler with a message: there is nothing useful to recover to.
*/
#ifndef SL_ARENA_H
#define SL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ArenaChunk ArenaChunk;

typedef struct Arena {
    ArenaChunk *head;   /* chunk being filled; older chunks chained behind */
    size_t used;        /* bytes used in head */
    size_t total;       /* bytes handed out, for statistics */
} Arena;

/* Position in an arena, for scratch use: arena_reset_to() frees what came after. */
typedef struct ArenaMark {
    ArenaChunk *head;
    size_t used;
} ArenaMark;

void arena_init(Arena *arena);
void arena_free(Arena *arena);
void *arena_alloc(Arena *arena, size_t n);
void *arena_realloc(Arena *arena, void *old, size_t old_n, size_t new_n);
char *arena_strdup(Arena *arena, const char *s);
char *arena_strndup(Arena *arena, const char *s, size_t n);
char *arena_sprintf(Arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vsprintf(Arena *arena, const char *fmt, va_list ap);
ArenaMark arena_mark(Arena *arena);
void arena_reset_to(Arena *arena, ArenaMark mark);

#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_NEW_N(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

/* Growable array of pointers living in an arena (old storage is abandoned on growth). */
typedef struct PtrVec {
    void **items;
    int n;
    int cap;
} PtrVec;

void ptrvec_push(Arena *arena, PtrVec *v, void *item);

#endif
