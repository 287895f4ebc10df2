/* srcfile.h - a query file in memory, with a line table for turning offsets into line:column.
**
** Offsets are stored everywhere; line and column are computed only when a
** diagnostic is printed (PostgreSQL's parser_errposition).  Columns are
** 1-based and count UTF-8 code points, not bytes.
*/
#ifndef SL_SRCFILE_H
#define SL_SRCFILE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

typedef struct SrcFile {
    const char *name;   /* as given on the command line */
    const char *text;   /* NUL-terminated contents, owned by the arena */
    uint32_t len;
    uint32_t *line_starts; /* offset of the first byte of each line */
    uint32_t n_lines;
} SrcFile;

/* Read a file into the arena. Returns NULL and sets *err to a message on failure. */
SrcFile *srcfile_load(Arena *arena, const char *path, const char **err);
/* Wrap text already in memory (tests, stdin). The text is copied into the arena. */
SrcFile *srcfile_from_text(Arena *arena, const char *name, const char *text, size_t len);
/* 1-based line and column of a byte offset. */
void srcfile_linecol(const SrcFile *f, uint32_t offset, uint32_t *line, uint32_t *col);
/* Start and length of the line holding offset (without the newline). */
const char *srcfile_line(const SrcFile *f, uint32_t line, uint32_t *len);

#endif
