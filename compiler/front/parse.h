/* parse.h - entry point of the front end: query text to AstScript.
**
** Drives the reentrant flex scanner and the pure bison parser generated from
** grammar/.  Stops at the first syntax error (PostgreSQL and SQLite do the
** same) after reporting it through diag with the span of the offending token.
*/
#ifndef SL_PARSE_H
#define SL_PARSE_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/srcfile.h"
#include "base/strbuf.h"
#include "front/ast.h"

/* Parse a whole script. Returns NULL after reporting a syntax error; nodes live in arena. */
AstScript *parse_script(Arena *arena, Diag *diag, const SrcFile *file);

/* Debugging aid (`--dump-tokens`, lexer tests): lexes the whole file into out as
   `NAME[(value)]@begin-end` items separated by spaces, e.g. `SELECT@0-6 identifier(a)@7-8`.
   Returns false after reporting a lexical error. */
bool parse_dump_tokens(StrBuf *out, Arena *arena, Diag *diag, const SrcFile *file);

#endif
