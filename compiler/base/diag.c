/* diag.c - diagnostic printer with source line and caret (see diag.h). */
#include "base/diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

void diag_init(Diag *diag, const SrcFile *file, FILE *out)
{
    diag->file = file;
    diag->out = out;
    diag->format = DIAG_HUMAN;
    diag->n_errors = 0;
    diag->n_warnings = 0;
    diag->color = 0;
    diag->embed = NULL;
    diag->embed_at = 0;
    diag->muted = false;
    diag->last_error = 0;
    diag->n_repeats = 0;
}

static const char *level_name(DiagLevel level)
{
    switch (level) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    case DIAG_NOTE: return "note";
    }
    return "error";
}

static void print_caret(Diag *diag, const SrcFile *file, SrcSpan span, uint32_t line, uint32_t col)
{
    uint32_t len;
    const char *text = srcfile_line(file, line, &len);
    fprintf(diag->out, "%5u | %.*s\n", line, (int)len, text);
    fprintf(diag->out, "      | ");
    /* Re-emit tabs so the caret lines up under the original text. */
    uint32_t i = 0, c = 1;
    for (; i < len && c < col; i++) {
        unsigned char ch = (unsigned char)text[i];
        if ((ch & 0xC0) == 0x80)
            continue;
        fputc(ch == '\t' ? '\t' : ' ', diag->out);
        c++;
    }
    /* Underline the span, but not past the end of this line. */
    uint32_t line_begin = (uint32_t)(text - file->text);
    uint32_t stop = span.end > line_begin + len ? line_begin + len : span.end;
    uint32_t off = line_begin + i;
    fputc('^', diag->out);
    for (off++; off < stop; off++)
        if (((unsigned char)file->text[off] & 0xC0) != 0x80)
            fputc('~', diag->out);
    fputc('\n', diag->out);
}

/* The message, formatted once: allocated, or in buf (truncated) when memory runs out. */
static char *format_message(char *buf, size_t size, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!msg) {
        vsnprintf(buf, size, fmt, ap);
        return buf;
    }
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    return msg;
}

/* FNV-1a of an error's position and text. */
static uint64_t error_hash(SrcSpan span, int has_span, const char *text)
{
    uint64_t h = 14695981039346656037ull;
    uint32_t pos[3] = {has_span ? span.file : UINT32_MAX, span.begin, span.end};
    for (int i = 0; i < 3; i++)
        h = (h ^ pos[i]) * 1099511628211ull;
    for (const char *c = text; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ull;
    return h;
}

/* An error identical to the one printed just before (the same expression analysed again) is
   counted, so the pass still fails, but not printed: Spark reports a query's error once. */
static bool repeated_error(Diag *diag, SrcSpan span, int has_span, const char *text)
{
    uint64_t h = error_hash(span, has_span, text);
    if (diag->n_errors > 1 && h == diag->last_error) {
        diag->n_repeats++;
        return true;
    }
    diag->last_error = h;
    return false;
}

/* The message of a machine-format line: one line, a newline in it written as \n. */
static void print_machine_message(FILE *out, const char *msg)
{
    for (const char *c = msg; *c; c++) {
        if (*c == '\n')
            fputs("\\n", out);
        else
            fputc(*c, out);
    }
}

static void vreport(Diag *diag, DiagLevel level, SrcSpan span, int has_span, const char *fmt, va_list ap)
{
    if (level == DIAG_ERROR)
        diag->n_errors++;
    else if (level == DIAG_WARNING)
        diag->n_warnings++;
    if (diag->muted)
        return;
    char buf[4096];
    char *msg = format_message(buf, sizeof buf, fmt, ap);
    if (level == DIAG_ERROR &&
        (repeated_error(diag, span, has_span, msg) || diag->n_errors > DIAG_MAX_ERRORS))
        goto out;
    const SrcFile *file = diag->file;
    if (has_span && diag->embed && span.begin >= diag->embed_at &&
        span.begin - diag->embed_at <= diag->embed->len) {
        file = diag->embed;
        span.begin -= diag->embed_at;
        span.end = span.end - diag->embed_at > file->len ? file->len : span.end - diag->embed_at;
    }
    const char *fname = file ? file->name : "sluice";
    uint32_t line = 0, col = 0;
    if (has_span && file)
        srcfile_linecol(file, span.begin, &line, &col);
    if (diag->format == DIAG_MACHINE) {
        fprintf(diag->out, "%s|%s|%u|%u|", level_name(level), fname, line, col);
        print_machine_message(diag->out, msg);
        fputc('\n', diag->out);
        goto out;
    }
    if (has_span && file)
        fprintf(diag->out, "%s:%u:%u: %s: ", fname, line, col, level_name(level));
    else
        fprintf(diag->out, "%s: %s: ", fname, level_name(level));
    fputs(msg, diag->out);
    fputc('\n', diag->out);
    if (has_span && file)
        print_caret(diag, file, span, line, col);
out:
    if (msg != buf)
        free(msg);
}

void diag_error(Diag *diag, SrcSpan span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(diag, DIAG_ERROR, span, 1, fmt, ap);
    va_end(ap);
}

void diag_warn(Diag *diag, SrcSpan span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(diag, DIAG_WARNING, span, 1, fmt, ap);
    va_end(ap);
}

void diag_note(Diag *diag, SrcSpan span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(diag, DIAG_NOTE, span, 1, fmt, ap);
    va_end(ap);
}

void diag_fatal(Diag *diag, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    SrcSpan none = {0, 0, 0};
    vreport(diag, DIAG_ERROR, none, 0, fmt, ap);
    va_end(ap);
}

_Noreturn void sl_unreachable(const char *file, int line)
{
    fprintf(stderr, "sluice: internal error at %s:%d; please report this with the query file\n", file, line);
    exit(70);
}
