/* srt_numfmt.c - to_number, try_to_number and to_char of a number, Spark 3.5's ToNumber,
** TryToNumber and ToCharacter (numberFormatExpressions.scala) over ToNumberParser
** (common/cm_numfmt.c, which sema also checks the constant format with).  Bodies see
** non-NULL values only; a valid format only.
*/
#include <stdio.h>
#include <string.h>

#include "common/cm_numfmt.h"
#include "srt_abi.h"

/* The format compiled (sema has checked it: no error is possible here). */
static void nf_compile(const char *fmt, uint32_t fn, CmNumFmt *f)
{
    const char *sub;
    char why[8];
    (void)cm_numfmt_compile(fmt, fn, f, &sub, why, sizeof why);
}

srt_i128 srt_to_number(SrtQuery *q, const char *s, uint32_t n, const char *fmt, uint32_t fn,
                       int32_t try_)
{
    CmNumFmt f;
    nf_compile(fmt, fn, &f);
    cm_i128 v;
    const char *java;
    int rc = cm_numfmt_parse(&f, s, n, &v, &java);
    if (rc > 0)
        return v;
    if (rc < 0) { /* new java.math.BigDecimal("") or ("-"): not caught, even by try_to_number */
        srt_query_fail(q, java);
    } else if (!try_) { /* QueryExecutionErrors.invalidNumberFormatError */
        size_t cap = (size_t)n + f.upper_n + 128;
        char *m = srt_scratch_alloc(q, cap);
        snprintf(m, cap,
                 "[INVALID_FORMAT.MISMATCH_INPUT] The format is invalid: %.*s. The input "
                 "\"STRING\" %.*s does not match the format.",
                 (int)f.upper_n, f.upper, (int)n, s);
        srt_query_fail(q, m);
    }
    return SRT_DEC_NONE;
}

void srt_to_char(SrtQuery *q, int64_t lo, int64_t hi, int32_t sc, const char *fmt, uint32_t fn,
                 const char **out, uint32_t *out_n)
{
    CmNumFmt f;
    nf_compile(fmt, fn, &f);
    srt_i128 v = (srt_i128)(((unsigned __int128)(uint64_t)hi << 64) | (uint64_t)lo);
    char *o = srt_scratch_alloc(q, 2 * CM_NUMFMT_MAX + 8);
    *out_n = (uint32_t)cm_numfmt_format(&f, v, sc, o);
    *out = o;
}
