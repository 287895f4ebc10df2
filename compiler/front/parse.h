/* parse.h - entry point of the front end: query text to AstScript.
**
** Drives the reentrant flex scanner and the pure bison parser generated from
** grammar/.  Stops at the first syntax error (PostgreSQL and SQLite do the
** same) after reporting it through diag with the span of the offending token.
*/
#ifndef SL_PARSE_H
#define SL_PARSE_H

#include "base/arena.h"
#include "base/diag.h"
#include "base/srcfile.h"
#include "front/ast.h"

/* Parse a whole script. Returns NULL after reporting a syntax error; nodes live in arena. */
AstScript *parse_script(Arena *arena, Diag *diag, const SrcFile *file);

#endif
