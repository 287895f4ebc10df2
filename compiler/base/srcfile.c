/* srcfile.c - query text and its line table. */
#include "base/srcfile.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static void build_lines(Arena *arena, SrcFile *f)
{
    uint32_t n = 1;
    for (uint32_t i = 0; i < f->len; i++)
        if (f->text[i] == '\n')
            n++;
    f->line_starts = ARENA_NEW_N(arena, uint32_t, n);
    f->n_lines = n;
    uint32_t k = 0;
    f->line_starts[k++] = 0;
    for (uint32_t i = 0; i < f->len; i++)
        if (f->text[i] == '\n')
            f->line_starts[k++] = i + 1;
}

SrcFile *srcfile_from_text(Arena *arena, const char *name, const char *text, size_t len)
{
    SrcFile *f = ARENA_NEW(arena, SrcFile);
    f->name = arena_strdup(arena, name);
    f->text = arena_strndup(arena, text, len);
    f->len = (uint32_t)len;
    build_lines(arena, f);
    return f;
}

SrcFile *srcfile_load(Arena *arena, const char *path, const char **err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        *err = arena_sprintf(arena, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *buf = arena_alloc(arena, cap);
    for (;;) {
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0)
            break;
        if (len == cap) {
            buf = arena_realloc(arena, buf, cap, cap * 2);
            cap *= 2;
        }
    }
    int bad = ferror(fp);
    fclose(fp);
    if (bad) {
        *err = arena_sprintf(arena, "cannot read '%s'", path);
        return NULL;
    }
    if (len > UINT32_MAX / 2) {
        *err = arena_sprintf(arena, "'%s' is too large for a query file", path);
        return NULL;
    }
    return srcfile_from_text(arena, path, buf, len);
}

void srcfile_linecol(const SrcFile *f, uint32_t offset, uint32_t *line, uint32_t *col)
{
    if (offset > f->len)
        offset = f->len;
    uint32_t lo = 0, hi = f->n_lines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (f->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t c = 1;
    for (uint32_t i = f->line_starts[lo]; i < offset; i++)
        if (((unsigned char)f->text[i] & 0xC0) != 0x80)
            c++;
    *line = lo + 1;
    *col = c;
}

const char *srcfile_line(const SrcFile *f, uint32_t line, uint32_t *len)
{
    if (line == 0 || line > f->n_lines) {
        *len = 0;
        return "";
    }
    uint32_t b = f->line_starts[line - 1];
    uint32_t e = line < f->n_lines ? f->line_starts[line] - 1 : f->len;
    if (e > b && f->text[e - 1] == '\r')
        e--;
    *len = e - b;
    return f->text + b;
}
