/* diag.h - diagnostics: `file:line:col: error: message`, the source line and a caret.
**
** Errors are counted, not thrown (SQLite's nErr): a pass reports and goes on,
** and the driver checks diag_errors() after each phase.  After DIAG_MAX_ERRORS
** further errors are counted but not printed.  Message style: lowercase, no
** trailing period, identifiers in single quotes.
*/
#ifndef SL_DIAG_H
#define SL_DIAG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/srcfile.h"
#include "base/srcspan.h"

#define DIAG_MAX_ERRORS 20

typedef enum DiagFormat {
    DIAG_HUMAN,   /* file:line:col: error: msg + source line + caret */
    DIAG_MACHINE  /* error|file|line|col|msg, one line each (for test runners) */
} DiagFormat;

typedef enum DiagLevel { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

typedef struct Diag {
    const SrcFile *file; /* borrowed; may be NULL before the file is loaded */
    FILE *out;           /* where diagnostics go (stderr) */
    DiagFormat format;
    int n_errors;
    int n_warnings;
    int color;           /* emit ANSI colours */
    const SrcFile *embed; /* NULL, or text that file holds from offset embed_at on (`sluice sql`:
                            the user's query after generated statements); spans inside it are
                            reported against embed, as its own file */
    uint32_t embed_at;
    bool muted; /* a probe whose messages are not wanted: nothing is printed (the caller
                   saves and restores the Diag around it, counts included) */
    uint64_t last_error; /* hash of the last printed error's position and text */
    int n_repeats;       /* errors counted but not printed: the same as the one before (an
                            expression analysed twice, as a SELECT item and its GROUP BY 1) */
} Diag;

void diag_init(Diag *diag, const SrcFile *file, FILE *out);
void diag_error(Diag *diag, SrcSpan span, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_warn(Diag *diag, SrcSpan span, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_note(Diag *diag, SrcSpan span, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* An error with no position (a file that cannot be read, a failed link). */
void diag_fatal(Diag *diag, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline int diag_errors(const Diag *diag) { return diag->n_errors; }
/* The errors printed (repeats of the error before left out). */
static inline int diag_errors_shown(const Diag *diag)
{
    return diag->n_errors - diag->n_repeats;
}

/* Internal compiler error: a bug, not bad input. Prints file:line and exits 70. */
#define SL_UNREACHABLE() sl_unreachable(__FILE__, __LINE__)
_Noreturn void sl_unreachable(const char *file, int line);

#endif
