/* srt_err.c - SrtErr: an error code plus the message that says where and why. */
#include <stdarg.h>
#include <string.h>

#include "srt_int.h"

int srt_err_set(SrtErr *e, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->code = code;
    return -code;
}

int srt_err_nomem(SrtErr *e, const char *what)
{
    return srt_err_set(e, SRT_ERR_NOMEM, "out of memory (%s)", what);
}

void srt_err_clear(SrtErr *e)
{
    e->code = 0;
    e->msg[0] = '\0';
}
